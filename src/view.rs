//! What each screen shows, as plain data: the renderer only turns it into elements.

use serde::Serialize;

use crate::events::Action;
use crate::model::{Kind, Reveal};
use crate::scoring::{band_of, Outcome};
use crate::session::{Phase, Session, SlotAt};
use crate::strings::{cat, joined};
use crate::text::Texts;

/// How questions are laid out on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One question at a time, with Back and Next.
    #[default]
    One,
    /// Every question of the attempt on one page.
    All,
}

impl Layout {
    /// Reads `"one"` or `"all"`, in any case, as HTML reads an enumerated attribute.
    pub fn parse(name: &str) -> Option<Layout> {
        named(name, [("one", Layout::One), ("all", Layout::All)])
    }
}

/// The value whose name is `name`, ignoring ASCII case.
fn named<T: Copy, const N: usize>(name: &str, values: [(&str, T); N]) -> Option<T> {
    values
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .map(|&(_, value)| value)
}

/// The colour scheme a host asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads `"auto"`, `"light"` or `"dark"`, in any case, as HTML reads an enumerated attribute.
    pub fn parse(name: &str) -> Option<Theme> {
        named(
            name,
            [("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)],
        )
    }

    /// The theme's name, as [`Theme::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// One screen of the quiz.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Screen {
    /// Before the first question.
    Intro(IntroView),
    /// Answering: one question, or all of them.
    Questions(QuestionsView),
    /// After finishing.
    Result(ResultView),
}

impl Screen {
    /// What the live region says once this screen is drawn with `focus`: the score, on reaching
    /// the result's heading; how a question went, on reaching its feedback; that an answer must
    /// be picked first, when a question was checked with none (`unanswered`); else nothing, so
    /// that nothing said of an earlier screen lingers there.
    pub fn announcement<'a>(&'a self, focus: &Focus, unanswered: bool, texts: &'a Texts) -> Option<&'a str> {
        match (self, focus) {
            (Screen::Result(view), Focus::Heading) => Some(&view.announcement),
            (Screen::Questions(view), Focus::Feedback(id)) => view
                .questions
                .iter()
                .find(|q| &q.id == id)
                .and_then(|q| q.feedback.as_ref())
                .map(|f| f.announcement.as_str()),
            // Focus goes back to the question, whose legend does not read out its message.
            _ => unanswered.then_some(texts.select_first),
        }
    }
}

/// Where the reader's focus goes when a screen is drawn after a step, so that someone on a
/// keyboard or a screen reader goes on from what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// Where it is.
    Stay,
    /// The screen's heading.
    Heading,
    /// A question's legend, by the question's id.
    Legend(String),
    /// A question's feedback, by the question's id.
    Feedback(String),
}

impl Focus {
    /// Where focus goes once `action` is done in `session`, drawn in `layout`: to the feedback
    /// of a checked question, to the result's heading, or to the question the reader has come
    /// to (in the whole-quiz layout, the first). An answer leaves it on its choice.
    pub fn after(action: &Action, session: &Session, layout: Layout) -> Focus {
        match action {
            Action::Answer { .. } => Focus::Stay,
            Action::Reveal { question } => Focus::Feedback(question.clone()),
            Action::Finish => Focus::Heading,
            _ => Focus::question(session, layout),
        }
    }

    /// Where focus goes once the progress another tab saved is taken on: where it was if that
    /// was outside the quiz (`within` false), else to the question the reader is at now, or the
    /// screen's heading.
    pub fn following(session: &Session, layout: Layout, within: bool) -> Focus {
        match (within, session.phase()) {
            (false, _) => Focus::Stay,
            (true, Phase::Answering) => Focus::question(session, layout),
            (true, _) => Focus::Heading,
        }
    }

    /// The legend of the question the reader is at, or in the whole-quiz layout the first.
    fn question(session: &Session, layout: Layout) -> Focus {
        let position = match layout {
            Layout::One => session.position(),
            Layout::All => 0,
        };
        Focus::Legend(session.slot_at(position).question.id.clone())
    }
}

/// The intro screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntroView {
    /// The quiz title.
    pub title: String,
    /// The editor's intro text.
    pub intro: Option<String>,
    /// "Based on" line: the article headline, linked.
    pub source_label: &'static str,
    /// The article's headline.
    pub headline: String,
    /// The article's URL.
    pub url: String,
    /// Author, publisher and date, e.g. "Jason Corcoran, The Moscow Times, 2025-06-09".
    pub byline: String,
    /// "10 questions".
    pub count_text: String,
    /// Corrections, as "date: note".
    pub corrections: Vec<String>,
    /// The start button's label.
    pub start_label: &'static str,
}

/// The answering screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionsView {
    /// "Question 3 of 10", or for the whole page "4 of 10 answered".
    pub progress_text: String,
    /// 1-based number of the current question (one-at-a-time) or of answered questions (all).
    pub progress_value: usize,
    /// Questions in the attempt.
    pub progress_max: usize,
    /// The questions shown: one, or all.
    pub questions: Vec<QuestionView>,
    /// The Back button's label, when there is a previous question.
    pub back_label: Option<&'static str>,
    /// The Next button's label, when there is a next question.
    pub next_label: Option<&'static str>,
    /// The Finish button's label, on the last question or the whole page.
    pub finish_label: Option<&'static str>,
}

/// One question as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    /// The question's id.
    pub id: String,
    /// 1-based number in the attempt.
    pub number: usize,
    /// "Question 3" heading prefix for the whole-page layout.
    pub number_text: String,
    /// The question.
    pub prompt: String,
    /// Single or multiple answer.
    pub kind: Kind,
    /// "Select one answer" or "Select all that apply", until the answer is shown: then there is
    /// nothing left to select.
    pub hint: Option<&'static str>,
    /// The choices in display order.
    pub choices: Vec<ChoiceView>,
    /// Whether the answer has been revealed.
    pub revealed: bool,
    /// The Check button's label, when the reader may reveal this question now.
    pub reveal_label: Option<&'static str>,
    /// What the reveal says, once revealed.
    pub feedback: Option<FeedbackView>,
}

/// How a choice is marked once revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// A correct choice the reader picked.
    CorrectPicked,
    /// A correct choice the reader missed.
    CorrectMissed,
    /// A wrong choice the reader picked.
    WrongPicked,
}

/// One choice as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceView {
    /// The choice's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Whether the reader picked it.
    pub selected: bool,
    /// Its mark, once revealed (none for a wrong choice left alone).
    pub mark: Option<Mark>,
    /// The mark in words ("Your answer: correct"), once revealed.
    pub mark_text: Option<&'static str>,
}

/// The reveal of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackView {
    /// How it went.
    pub outcome: Outcome,
    /// "Correct", "Partly correct", "Incorrect" or "Not answered".
    pub title: &'static str,
    /// "0.5 of 1 point".
    pub points_text: String,
    /// Feedback for each picked choice that has some.
    pub choice_feedback: Vec<String>,
    /// The explanation.
    pub explanation: String,
    /// A link to the passage, with its label.
    pub passage: Option<String>,
    /// "Read the passage in the article".
    pub passage_label: &'static str,
    /// What the live region announces.
    pub announcement: String,
}

/// The result screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultView {
    /// "Your result".
    pub heading: &'static str,
    /// "You scored 7 out of 10 (70 %)".
    pub score_text: String,
    /// The floored percentage.
    pub percentage: u8,
    /// Whether the pass mark was reached.
    pub passed: bool,
    /// "You passed" or "The pass mark is 60 %".
    pub pass_text: String,
    /// The band's title.
    pub band_title: Option<String>,
    /// The band's message.
    pub band_message: Option<String>,
    /// "Review your answers".
    pub review_heading: &'static str,
    /// Every question of the attempt, revealed.
    pub review: Vec<QuestionView>,
    /// The Retry button's label.
    pub retry_label: &'static str,
    /// The Share button's label (where the browser can share).
    pub share_label: &'static str,
    /// The Copy-link button's label (where it cannot).
    pub copy_label: &'static str,
    /// What a shared result says.
    pub share_text: String,
    /// What the live region announces.
    pub announcement: String,
}

impl Session {
    /// The screen to show now, in `layout`, with the interface in the quiz's language.
    pub fn screen(&self, layout: Layout) -> Screen {
        self.screen_in(layout, self.quiz().language())
    }

    /// The screen to show now, in `layout`, with the interface in `language` (a BCP 47 tag).
    pub fn screen_in(&self, layout: Layout, language: &str) -> Screen {
        let texts = Texts::for_language(language);
        match self.phase() {
            Phase::Intro => Screen::Intro(intro(self, texts)),
            Phase::Answering => Screen::Questions(questions(self, layout, texts)),
            Phase::Finished => Screen::Result(result(self, texts)),
        }
    }
}

/// Every question of the attempt with its answer shown, for printing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerKeyView {
    /// "Questions and answers".
    pub heading: &'static str,
    /// The questions, revealed.
    pub questions: Vec<QuestionView>,
}

impl Session {
    /// Every question of this attempt with its answer and explanation shown, for a printout.
    pub fn answer_key(&self, language: &str) -> AnswerKeyView {
        let texts = Texts::for_language(language);
        AnswerKeyView {
            heading: texts.answer_key,
            questions: question_views(self, texts, true),
        }
    }
}

fn intro(session: &Session, texts: &Texts) -> IntroView {
    let quiz = session.quiz();
    let source = quiz.source();
    // Author (if any), publisher and date, joined once rather than by one `cat!` for each case.
    let author = source.author.as_deref();
    let parts = [author.unwrap_or_default(), &source.publisher, &source.date];
    let byline = joined(&parts[usize::from(author.is_none())..], ", ");
    let mut corrections = Vec::with_capacity(quiz.corrections().len());
    for correction in quiz.corrections() {
        corrections.push(cat!(correction.date, ": ", correction.note));
    }
    IntroView {
        title: quiz.title().to_string(),
        intro: quiz.intro().map(str::to_string),
        source_label: texts.based_on,
        headline: source.headline.clone(),
        url: source.url.clone(),
        byline,
        count_text: texts.question_count(session.len()),
        corrections,
        start_label: texts.start,
    }
}

fn questions(session: &Session, layout: Layout, texts: &Texts) -> QuestionsView {
    let total = session.len();
    match layout {
        Layout::One => {
            let position = session.position();
            let last = position + 1 == total;
            QuestionsView {
                progress_text: texts.progress(position + 1, total),
                progress_value: position + 1,
                progress_max: total,
                questions: vec![question_view(session, position, texts, false)],
                back_label: (position > 0).then_some(texts.back),
                next_label: (!last).then_some(texts.next),
                finish_label: last.then_some(texts.finish),
            }
        }
        Layout::All => {
            let questions = question_views(session, texts, false);
            let answered = questions
                .iter()
                .filter(|q| q.choices.iter().any(|c| c.selected))
                .count();
            QuestionsView {
                progress_text: texts.answered(answered, total),
                progress_value: answered,
                progress_max: total,
                questions,
                back_label: None,
                next_label: None,
                finish_label: Some(texts.finish),
            }
        }
    }
}

/// Every question of the attempt as shown; `reveal_all` shows their answers whatever the session says.
fn question_views(session: &Session, texts: &Texts, reveal_all: bool) -> Vec<QuestionView> {
    let mut views = Vec::new();
    for position in 0..session.len() {
        views.push(question_view(session, position, texts, reveal_all));
    }
    views
}

/// One question of the attempt as shown; `reveal_all` shows its answer whatever the session says.
/// It is scored only when its answer is shown.
fn question_view(session: &Session, position: usize, texts: &Texts, reveal_all: bool) -> QuestionView {
    let SlotAt {
        question,
        order,
        picked,
        revealed,
    } = session.slot_at(position);
    let revealed = revealed || reveal_all;
    let reveal_each = session.quiz().settings().reveal == Reveal::Each;
    let mut choices = Vec::new();
    for &i in order {
        let choice = &question.choices[i];
        // Not `contains`, whose search unrolled for integers costs the page 0.1 KB.
        #[allow(clippy::manual_contains)]
        let selected = picked.iter().any(|&p| p == i);
        let mark = match (revealed, choice.correct, selected) {
            (false, _, _) => None,
            (true, true, true) => Some(Mark::CorrectPicked),
            (true, true, false) => Some(Mark::CorrectMissed),
            (true, false, true) => Some(Mark::WrongPicked),
            (true, false, false) => None,
        };
        choices.push(ChoiceView {
            id: choice.id.clone(),
            text: choice.text.clone(),
            selected,
            mark,
            mark_text: mark.map(|m| texts.mark(m)),
        });
    }
    let feedback = revealed.then(|| {
        let score = session.question_score_at(position);
        // The picked choices' own feedback, in file order.
        let mut choice_feedback = Vec::new();
        for &i in picked {
            if let Some(text) = &question.choices[i].feedback {
                choice_feedback.push(text.clone());
            }
        }
        let title = texts.outcome(score.outcome);
        let points_text = texts.points_of(&score.points.to_decimal_with(2, texts.decimal), score.max);
        FeedbackView {
            outcome: score.outcome,
            announcement: cat!(title, texts.stop, " ", points_text, texts.stop),
            title,
            points_text,
            choice_feedback,
            explanation: question.explanation.clone(),
            passage: question.passage.clone(),
            passage_label: texts.passage,
        }
    });
    QuestionView {
        id: question.id.clone(),
        number: position + 1,
        number_text: texts.question_number(position + 1),
        prompt: question.prompt.clone(),
        kind: question.kind,
        hint: (!revealed).then_some(match question.kind {
            Kind::Single => texts.hint_single,
            Kind::Multiple => texts.hint_multiple,
        }),
        choices,
        revealed,
        reveal_label: (reveal_each && !revealed).then_some(texts.check),
        feedback,
    }
}

fn result(session: &Session, texts: &Texts) -> ResultView {
    let result = session.totals();
    let settings = session.quiz().settings();
    let points = result.points.to_decimal_with(2, texts.decimal);
    let score_text = texts.score(&points, result.max, result.percentage);
    let pass_text = if result.passed {
        texts.passed.to_string()
    } else {
        texts.pass_mark(settings.pass_mark)
    };
    let band = band_of(session.quiz().bands(), result.percentage);
    ResultView {
        heading: texts.result_heading,
        announcement: cat!(score_text, texts.stop, " ", pass_text, texts.stop),
        score_text,
        percentage: result.percentage,
        passed: result.passed,
        pass_text,
        band_title: band.map(|b| b.title.clone()),
        band_message: band.map(|b| b.message.clone()),
        review_heading: texts.review,
        review: question_views(session, texts, false),
        retry_label: texts.retry,
        share_label: texts.share,
        copy_label: texts.copy_link,
        share_text: texts.share_text(&points, result.max, result.percentage, session.quiz().title()),
    }
}
