//! What a reader does to a session, and the events each action tells the page about.

use serde::Serialize;

use crate::error::Error;
use crate::json::Members;
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

    /// The event as compact JSON, the `detail` a page receives: the same text serde writes,
    /// written by hand so that the page carries no serde code.
    pub fn to_json(&self) -> String {
        let (QuizEvent::Started { quiz_id, attempt, .. }
        | QuizEvent::Answered { quiz_id, attempt, .. }
        | QuizEvent::Revealed { quiz_id, attempt, .. }
        | QuizEvent::Completed { quiz_id, attempt, .. }
        | QuizEvent::Retried { quiz_id, attempt }) = self;
        let mut text = String::new();
        let mut object = Members::open(&mut text, '{');
        object
            .field("type", self.name())
            .field("quizId", quiz_id)
            .field("attempt", attempt);
        match self {
            QuizEvent::Started { questions, .. } => {
                object.field("questions", questions);
            }
            QuizEvent::Answered {
                question_id,
                choice_ids,
                correct,
                ..
            } => {
                object
                    .field("questionId", question_id)
                    .field("choiceIds", choice_ids)
                    .field("correct", correct);
            }
            QuizEvent::Revealed {
                question_id,
                outcome,
                correct,
                ..
            } => {
                object
                    .field("questionId", question_id)
                    .field("outcome", outcome.name())
                    .field("correct", correct);
            }
            QuizEvent::Completed {
                score,
                max,
                percentage,
                passed,
                band,
                ..
            } => {
                object
                    .field("score", score)
                    .field("max", max)
                    .field("percentage", percentage)
                    .field("passed", passed)
                    .field("band", band);
            }
            QuizEvent::Retried { .. } => {}
        }
        object.close();
        text
    }
}

impl Session {
    /// Carries out `action` and returns the event it caused: each action causes at most one,
    /// and one that changes nothing (moving, revealing twice, finishing twice) causes none.
    pub fn apply(&mut self, action: &Action) -> Result<Option<QuizEvent>, Error> {
        match action {
            Action::Start => {
                self.start()?;
                Ok(Some(self.started()))
            }
            Action::Answer { question, choices } => {
                let ids: Vec<&str> = choices.iter().map(String::as_str).collect();
                self.answer(question, &ids)?;
                let position = self.slot_index(question)?;
                let choice_ids = self.current_selection(position);
                Ok(Some(QuizEvent::Answered {
                    quiz_id: self.quiz_id(),
                    attempt: self.attempt(),
                    question_id: question.clone(),
                    choice_ids,
                    correct: self.outcome_at(position) == Outcome::Correct,
                }))
            }
            Action::Reveal { question } => {
                let was_revealed = self.slot_index(question).is_ok_and(|p| self.slot_at(p).revealed);
                self.reveal(question)?;
                if was_revealed {
                    return Ok(None);
                }
                let outcome = self.outcome_at(self.slot_index(question)?);
                Ok(Some(QuizEvent::Revealed {
                    quiz_id: self.quiz_id(),
                    attempt: self.attempt(),
                    question_id: question.clone(),
                    outcome,
                    correct: outcome == Outcome::Correct,
                }))
            }
            Action::Next => self.next_question().map(|()| None),
            Action::Back => self.previous_question().map(|()| None),
            Action::Finish => {
                let was_finished = self.phase() == Phase::Finished;
                self.finish()?;
                if was_finished {
                    return Ok(None);
                }
                let totals = self.totals();
                Ok(Some(QuizEvent::Completed {
                    quiz_id: self.quiz_id(),
                    attempt: self.attempt(),
                    score: totals.points.to_decimal(2),
                    max: totals.max,
                    percentage: totals.percentage,
                    passed: totals.passed,
                    band: band_of(self.quiz().bands(), totals.percentage).map(|b| b.title.clone()),
                }))
            }
            Action::Retry => {
                self.retry()?;
                Ok(Some(QuizEvent::Retried {
                    quiz_id: self.quiz_id(),
                    attempt: self.attempt(),
                }))
            }
        }
    }

    /// The quiz's id, as each event carries it.
    fn quiz_id(&self) -> String {
        self.quiz().id().to_string()
    }

    fn started(&self) -> QuizEvent {
        QuizEvent::Started {
            quiz_id: self.quiz_id(),
            attempt: self.attempt(),
            questions: self.len(),
        }
    }

    /// The picked choice ids at `position`, in file order.
    fn current_selection(&self, position: usize) -> Vec<String> {
        let slot = self.slot_at(position);
        slot.picked
            .iter()
            .map(|&i| slot.question.choices[i].id.clone())
            .collect()
    }
}
