//! What a reader does to a session, and the events each action tells the page about.

use serde::Serialize;

use crate::error::Error;
use crate::scoring::{band_of, Outcome};
use crate::session::{Phase, Session};

/// One thing a reader does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the intro.
    Start,
    /// Set the answer to a question (an empty list clears it).
    Answer {
        /// The question's id.
        question: String,
        /// The picked choices' ids.
        choices: Vec<String>,
    },
    /// Check a question's answer.
    Reveal {
        /// The question's id.
        question: String,
    },
    /// Go to the next question.
    Next,
    /// Go back a question.
    Back,
    /// End the attempt.
    Finish,
    /// Start a new attempt.
    Retry,
}

/// Something that happened in a quiz's life, for analytics and host pages.
///
/// Serialized as `{"type": "answered", "quizId": …, "attempt": 0, …}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuizEvent {
    /// The reader left the intro.
    #[serde(rename_all = "camelCase")]
    Started {
        /// The quiz's id.
        quiz_id: String,
        /// The attempt, from 0.
        attempt: u32,
        /// How many questions the attempt has.
        questions: usize,
    },
    /// The reader set or changed an answer.
    #[serde(rename_all = "camelCase")]
    Answered {
        /// The quiz's id.
        quiz_id: String,
        /// The attempt, from 0.
        attempt: u32,
        /// The question's id.
        question_id: String,
        /// The picked choices' ids, in file order.
        choice_ids: Vec<String>,
        /// Whether the answer is fully correct.
        correct: bool,
    },
    /// A question's answer was revealed.
    #[serde(rename_all = "camelCase")]
    Revealed {
        /// The quiz's id.
        quiz_id: String,
        /// The attempt, from 0.
        attempt: u32,
        /// The question's id.
        question_id: String,
        /// How it went.
        outcome: Outcome,
        /// Whether the answer is fully correct.
        correct: bool,
    },
    /// The reader finished the attempt.
    #[serde(rename_all = "camelCase")]
    Completed {
        /// The quiz's id.
        quiz_id: String,
        /// The attempt, from 0.
        attempt: u32,
        /// Points earned, as a decimal rounded down to two places.
        score: String,
        /// Points available.
        max: u64,
        /// The floored percentage.
        percentage: u8,
        /// Whether the pass mark was reached.
        passed: bool,
        /// The title of the band reached, if the quiz has bands.
        band: Option<String>,
    },
    /// The reader began a new attempt (at its first question, with no intro).
    #[serde(rename_all = "camelCase")]
    Retried {
        /// The quiz's id.
        quiz_id: String,
        /// The new attempt's number.
        attempt: u32,
    },
}

impl QuizEvent {
    /// The event's name: `started`, `answered`, `revealed`, `completed` or `retried`.
    pub fn name(&self) -> &'static str {
        match self {
            QuizEvent::Started { .. } => "started",
            QuizEvent::Answered { .. } => "answered",
            QuizEvent::Revealed { .. } => "revealed",
            QuizEvent::Completed { .. } => "completed",
            QuizEvent::Retried { .. } => "retried",
        }
    }
}

/// What an action did, by position in the attempt: the event it causes, before it is
/// written out. The page writes it as JSON straight from the session ([`Session::event_json`]),
/// so that it copies no ids or texts into a [`QuizEvent`] first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Happened {
    /// Nothing worth telling: a move, or a second reveal or finish.
    Nothing,
    /// The reader left the intro.
    Started,
    /// The answer to the question at this position was set or changed.
    Answered(usize),
    /// The question at this position was revealed.
    Revealed(usize),
    /// The attempt ended.
    Completed,
    /// A new attempt began.
    Retried,
}

impl Happened {
    /// The name of the event it causes, if any.
    #[cfg(any(test, target_arch = "wasm32"))]
    pub(crate) fn name(self) -> Option<&'static str> {
        Some(match self {
            Happened::Nothing => return None,
            Happened::Started => "started",
            Happened::Answered(_) => "answered",
            Happened::Revealed(_) => "revealed",
            Happened::Completed => "completed",
            Happened::Retried => "retried",
        })
    }
}

impl Session {
    /// Carries out `action` and returns the event it caused: each action causes at most one,
    /// and one that changes nothing (moving, revealing twice, finishing twice) causes none.
    pub fn apply(&mut self, action: &Action) -> Result<Option<QuizEvent>, Error> {
        let happened = self.act(action)?;
        Ok(self.event(happened))
    }

    /// Carries out `action`, and says what happened.
    pub(crate) fn act(&mut self, action: &Action) -> Result<Happened, Error> {
        Ok(match action {
            Action::Start => {
                self.start()?;
                Happened::Started
            }
            Action::Answer { question, choices } => Happened::Answered(self.answer_ids(question, choices)?),
            Action::Reveal { question } => self
                .reveal_index(question)?
                .map_or(Happened::Nothing, Happened::Revealed),
            Action::Next => {
                self.next_question()?;
                Happened::Nothing
            }
            Action::Back => {
                self.previous_question()?;
                Happened::Nothing
            }
            Action::Finish => {
                let was_finished = self.phase() == Phase::Finished;
                self.finish()?;
                match was_finished {
                    true => Happened::Nothing,
                    false => Happened::Completed,
                }
            }
            Action::Retry => {
                self.retry()?;
                Happened::Retried
            }
        })
    }

    /// The event `happened` causes, as the session now stands.
    fn event(&self, happened: Happened) -> Option<QuizEvent> {
        let quiz_id = self.quiz().id().to_string();
        let attempt = self.attempt();
        Some(match happened {
            Happened::Nothing => return None,
            Happened::Started => QuizEvent::Started {
                quiz_id,
                attempt,
                questions: self.len(),
            },
            Happened::Answered(position) => {
                let slot = self.slot_at(position);
                QuizEvent::Answered {
                    quiz_id,
                    attempt,
                    question_id: slot.question.id.clone(),
                    choice_ids: slot.picked_ids().map(str::to_string).collect(),
                    correct: self.outcome_at(position) == Outcome::Correct,
                }
            }
            Happened::Revealed(position) => {
                let outcome = self.outcome_at(position);
                QuizEvent::Revealed {
                    quiz_id,
                    attempt,
                    question_id: self.slot_at(position).question.id.clone(),
                    outcome,
                    correct: outcome == Outcome::Correct,
                }
            }
            Happened::Completed => {
                let totals = self.totals();
                QuizEvent::Completed {
                    quiz_id,
                    attempt,
                    score: totals.points.to_decimal(2),
                    max: totals.max,
                    percentage: totals.percentage,
                    passed: totals.passed,
                    band: band_of(self.quiz().bands(), totals.percentage).map(|b| b.title.clone()),
                }
            }
            Happened::Retried => QuizEvent::Retried { quiz_id, attempt },
        })
    }

    /// The event `happened` causes as compact JSON, the `detail` a page receives: what serde
    /// writes of [`Session::apply`]'s event, written by hand from the session, so that the page
    /// carries no serde code and copies nothing into a [`QuizEvent`] first.
    #[cfg(any(test, target_arch = "wasm32"))]
    pub(crate) fn event_json(&self, happened: Happened) -> Option<String> {
        use crate::json::Members;

        let mut text = String::new();
        let mut object = Members::open(&mut text, '{');
        object
            .field("type", happened.name()?)
            .field("quizId", self.quiz().id())
            .field("attempt", &self.attempt());
        match happened {
            Happened::Nothing | Happened::Retried => {}
            Happened::Started => {
                object.field("questions", &self.len());
            }
            Happened::Answered(position) => {
                let slot = self.slot_at(position);
                object.field("questionId", &slot.question.id);
                let mut ids = Members::open(object.key("choiceIds"), '[');
                for id in slot.picked_ids() {
                    ids.push(id);
                }
                ids.close();
                object.field("correct", &(self.outcome_at(position) == Outcome::Correct));
            }
            Happened::Revealed(position) => {
                let outcome = self.outcome_at(position);
                object
                    .field("questionId", &self.slot_at(position).question.id)
                    .field("outcome", outcome.name())
                    .field("correct", &(outcome == Outcome::Correct));
            }
            Happened::Completed => {
                let totals = self.totals();
                object
                    .field("score", &totals.points.to_decimal(2))
                    .field("max", &totals.max)
                    .field("percentage", &totals.percentage)
                    .field("passed", &totals.passed)
                    .field(
                        "band",
                        &band_of(self.quiz().bands(), totals.percentage).map(|b| &*b.title),
                    );
            }
        }
        object.close();
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::Quiz;

    /// A quiz of two questions: `q1` single (a correct), `q2` multiple (a and b correct).
    fn quiz(bands: &str) -> Arc<Quiz> {
        let choices = |correct: &[&str]| {
            let choice = |id: &str| {
                format!(
                    r#"{{"id": "{id}", "text": "Choice {id}", "correct": {}}}"#,
                    correct.contains(&id)
                )
            };
            format!("[{}, {}, {}]", choice("a"), choice("b"), choice("c"))
        };
        let question = |id: &str, kind: &str, correct: &[&str]| {
            let choices = choices(correct);
            format!(
                r#"{{"id": "{id}", "kind": "{kind}", "prompt": "Question {id}?", "choices": {choices}, "explanation": "Because."}}"#
            )
        };
        let text = format!(
            r#"{{"format": 1, "id": "events-unit", "title": "Test quiz", "language": "en",
                "source": {{"headline": "A headline", "publisher": "The Test Times", "date": "2025-06-09", "url": "https://example.com/article"}},
                "bands": {bands}, "questions": [{}, {}]}}"#,
            question("q1", "single", &["a"]),
            question("q2", "multiple", &["a", "b"]),
        );
        Arc::new(Quiz::from_json(&text).unwrap())
    }

    fn answer(question: &str, choices: &[&str]) -> Action {
        Action::Answer {
            question: question.to_string(),
            choices: choices.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn the_page_receives_each_event_as_serde_writes_it() {
        let banded = r#"[{"min": 0, "max": 49, "title": "Low \"low\"", "message": "Read again"},
                         {"min": 50, "max": 100, "title": "High", "message": "Well done"}]"#;
        let mut written = Vec::new();
        for bands in [banded, "[]"] {
            let mut session = Session::new(quiz(bands), 3);
            for action in [
                Action::Start,
                answer("q2", &["b", "a"]),
                answer("q2", &[]),
                answer("q1", &["c"]),
                Action::Reveal { question: "q1".into() },
                Action::Reveal { question: "q1".into() },
                Action::Next,
                Action::Finish,
                Action::Finish,
                Action::Retry,
            ] {
                let happened = session.act(&action).unwrap();
                let event = session.event(happened);
                assert_eq!(happened.name(), event.as_ref().map(QuizEvent::name), "{action:?}");
                let expected = event.map(|event| serde_json::to_string(&event).unwrap());
                assert_eq!(session.event_json(happened), expected, "{action:?}");
                written.extend(happened.name());
            }
        }
        let run = [
            "started",
            "answered",
            "answered",
            "answered",
            "revealed",
            "completed",
            "retried",
        ];
        assert_eq!(written, [run, run].concat());
    }
}
