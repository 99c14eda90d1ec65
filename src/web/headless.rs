//! The headless handle: the core's session for publishers who draw their own interface (feature `headless`).

use std::sync::Arc;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::app::parse_layout;
use super::{js_error, messages, parse_js, thrown};
use crate::{Quiz, Session};

/// Every problem in a questions file, as messages with their places; empty when it is valid.
#[wasm_bindgen(js_name = checkQuestions)]
pub fn check_questions(#[wasm_bindgen(js_name = questionsJson)] questions_json: &str) -> Vec<String> {
    match Quiz::from_json(questions_json) {
        Ok(_) => Vec::new(),
        Err(errors) => messages(&errors),
    }
}

fn load(questions_json: &str) -> Result<Arc<Quiz>, JsError> {
    Quiz::from_json(questions_json).map(Arc::new).map_err(js_error)
}

/// A headless quiz session: the core's state machine, for publishers who draw their own UI.
#[wasm_bindgen]
pub struct QuizSession {
    session: Session,
}

#[wasm_bindgen]
impl QuizSession {
    /// A new session of the quiz in `questionsJson`, on its intro screen. Throws the
    /// file's problems when it is invalid. The same `seed` (a whole number from 0 to
    /// 2^53 − 1) gives the same draw and order; without one, the draw is random.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = questionsJson)] questions_json: &str,
        seed: Option<f64>,
    ) -> Result<QuizSession, JsError> {
        let quiz = load(questions_json)?;
        let seed = super::seed(seed)?;
        Ok(QuizSession {
            session: Session::new(quiz, seed),
        })
    }

    /// Rebuilds a session from `snapshot()`; throws when the snapshot is unreadable or
    /// belongs to another quiz or another version of it.
    pub fn restore(
        #[wasm_bindgen(js_name = questionsJson)] questions_json: &str,
        snapshot: &str,
    ) -> Result<QuizSession, JsError> {
        let quiz = load(questions_json)?;
        let session = Session::restore(quiz, snapshot).map_err(js_error)?;
        Ok(QuizSession { session })
    }

    /// Leaves the intro for the first question.
    pub fn start(&mut self) -> Result<(), JsError> {
        self.session.start().map_err(js_error)
    }

    /// Sets the answer to a question; an empty list clears it.
    pub fn answer(
        &mut self,
        #[wasm_bindgen(js_name = questionId)] question_id: &str,
        #[wasm_bindgen(js_name = choiceIds)] choice_ids: Vec<String>,
    ) -> Result<(), JsError> {
        let ids: Vec<&str> = choice_ids.iter().map(String::as_str).collect();
        self.session.answer(question_id, &ids).map_err(js_error)
    }

    /// Reveals whether a question's answer is right.
    pub fn reveal(&mut self, #[wasm_bindgen(js_name = questionId)] question_id: &str) -> Result<(), JsError> {
        self.session.reveal(question_id).map_err(js_error)
    }

    /// Moves to the next question.
    #[wasm_bindgen(js_name = nextQuestion)]
    pub fn next_question(&mut self) -> Result<(), JsError> {
        self.session.next_question().map_err(js_error)
    }

    /// Moves back to the previous question.
    #[wasm_bindgen(js_name = previousQuestion)]
    pub fn previous_question(&mut self) -> Result<(), JsError> {
        self.session.previous_question().map_err(js_error)
    }

    /// Ends the attempt and reveals every answer.
    pub fn finish(&mut self) -> Result<(), JsError> {
        self.session.finish().map_err(js_error)
    }

    /// Starts a new attempt with a fresh draw.
    pub fn retry(&mut self) -> Result<(), JsError> {
        self.session.retry().map_err(js_error)
    }

    /// The score so far (final once finished).
    #[wasm_bindgen(unchecked_return_type = "QuizResult")]
    pub fn result(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.result())
    }

    /// What the current screen shows, in `layout` (`"one"` or `"all"`).
    #[wasm_bindgen(unchecked_return_type = "Screen")]
    pub fn screen(&self, layout: Option<String>) -> Result<JsValue, JsError> {
        let layout = parse_layout(layout.as_deref()).map_err(|problem| thrown(&problem))?;
        to_js(&self.session.screen(layout))
    }

    /// The whole state as a compact string, for `restore`.
    pub fn snapshot(&self) -> String {
        self.session.snapshot()
    }

    /// `"intro"`, `"answering"` or `"finished"`.
    #[wasm_bindgen(getter)]
    pub fn phase(&self) -> String {
        self.session.phase().name().to_string()
    }

    /// The 0-based position of the current question.
    #[wasm_bindgen(getter)]
    pub fn position(&self) -> usize {
        self.session.position()
    }

    /// How many questions this attempt has.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.session.len()
    }
}

/// A serializable value as a plain JavaScript object.
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    parse_js(&crate::json::to_string(value).map_err(js_error)?)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export type Outcome = "correct" | "partial" | "wrong" | "unanswered";
export interface QuestionResult {
  id: string; outcome: Outcome; points: string; pointsText: string; max: number;
  selected: string[]; correct: string[];
  feedback: { choice: string; correct: boolean; text: string }[];
  explanation: string; passage: string | null;
}
export interface QuizResult {
  /** Exact points, e.g. "7" or "13/2". */
  points: string;
  /** Points as a decimal rounded down to two places. */
  pointsText: string;
  max: number; percentage: number; passed: boolean;
  band: { title: string; message: string } | null;
  correctCount: number;
  questions: QuestionResult[];
}
export type Mark = "correct_picked" | "correct_missed" | "wrong_picked";
export interface ChoiceView { id: string; text: string; selected: boolean; mark: Mark | null; markText: string | null }
export interface FeedbackView {
  outcome: Outcome; title: string; pointsText: string; choiceFeedback: string[];
  explanation: string; passage: string | null; passageLabel: string; announcement: string;
}
export interface QuestionView {
  id: string; number: number; numberText: string; prompt: string; kind: "single" | "multiple";
  hint: string | null; choices: ChoiceView[]; revealed: boolean; revealLabel: string | null;
  feedback: FeedbackView | null;
}
export type Screen =
  | { screen: "intro"; title: string; intro: string | null; sourceLabel: string; headline: string; url: string;
      byline: string; countText: string; corrections: string[]; startLabel: string }
  | { screen: "questions"; progressText: string; progressValue: number; progressMax: number;
      questions: QuestionView[]; backLabel: string | null; nextLabel: string | null; finishLabel: string | null }
  | { screen: "result"; heading: string; scoreText: string; percentage: number; passed: boolean; passText: string;
      bandTitle: string | null; bandMessage: string | null; reviewHeading: string; review: QuestionView[];
      retryLabel: string; shareLabel: string; copyLabel: string; shareText: string; announcement: string };
"#;
