//! The browser face of the quiz: the only code that names wasm-bindgen, js-sys or web-sys.
//!
//! Two faces: [`mount`] renders and runs a whole quiz in a host element; [`QuizSession`]
//! is a headless handle for publishers who draw their own interface.

mod app;
mod dom;
mod render;

use std::sync::Arc;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Error, Errors, Quiz, Session, Texts};

#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

/// Turns any core error into a JavaScript `Error` carrying the core's message.
pub(crate) fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// A serializable value as a plain JavaScript object.
pub(crate) fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let json = crate::json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not convert a value for JavaScript"))
}

/// A random session seed (2^53 values, all a JavaScript number carries exactly).
pub(crate) fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

fn load(questions_json: &str) -> Result<Arc<Quiz>, JsError> {
    Quiz::from_json(questions_json)
        .map(Arc::new)
        .map_err(|e: Errors| js_error(e))
}

#[wasm_bindgen(start)]
fn start() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
}

/// Renders the quiz described by `questionsJson` into `element` and runs it.
///
/// `options` may set `layout` (`"one"` question at a time, the default, or `"all"`),
/// `theme` (`"auto"`, `"light"`, `"dark"`), `language` (of the interface; by default the
/// quiz's), `instance` (keeps the saved progress of several copies of one quiz on a page
/// apart), `storageKey` (overrides where progress is saved) and `seed`.
/// A quiz that cannot load shows its problems in the element, and the call throws them; so
/// does a second `mount` into an element that already shows a quiz.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    #[wasm_bindgen(js_name = questionsJson)] questions_json: &str,
    #[wasm_bindgen(unchecked_param_type = "MountOptions | undefined")] options: JsValue,
) -> Result<(), JsError> {
    let options = app::Options::from_js(&options)?;
    if element.has_attribute(app::MOUNTED) {
        // A second app on the same element would handle every click twice.
        return Err(JsError::new(
            "this element already shows a quiz: mount into a new element",
        ));
    }
    match Quiz::from_json(questions_json) {
        Ok(quiz) => {
            app::App::mount(element, Arc::new(quiz), options).map_err(|_| JsError::new("could not render the quiz"))
        }
        Err(errors) => {
            let messages: Vec<String> = errors.as_slice().iter().map(Error::to_string).collect();
            let texts = Texts::for_language(options.language().unwrap_or("en"));
            render::error(&element, &messages, texts).map_err(|_| JsError::new("could not render the error"))?;
            Err(js_error(errors))
        }
    }
}

/// Tells the reader, in `element`, that the questions file could not be fetched: `status` is
/// the HTTP status (0 for a network failure), `language` the interface's (English by default).
#[wasm_bindgen(js_name = mountFetchError)]
pub fn mount_fetch_error(element: web_sys::Element, status: u16, language: Option<String>) -> Result<(), JsError> {
    let texts = Texts::for_language(language.as_deref().unwrap_or("en"));
    render::error(&element, &[(texts.fetch_failed)(status)], texts)
        .map_err(|_| JsError::new("could not render the error"))
}

/// Every problem in a questions file, as messages with their places; empty when it is valid.
#[wasm_bindgen(js_name = checkQuestions)]
pub fn check_questions(#[wasm_bindgen(js_name = questionsJson)] questions_json: &str) -> Vec<String> {
    match Quiz::from_json(questions_json) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.as_slice().iter().map(Error::to_string).collect(),
    }
}

/// The bytes of linear memory the quiz's WebAssembly has claimed, for benchmarks.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65_536
}

/// A headless quiz session: the core's state machine, for publishers who draw their own UI.
#[wasm_bindgen]
pub struct QuizSession {
    session: Session,
}

#[wasm_bindgen]
impl QuizSession {
    /// A new session of the quiz in `questionsJson`, on its intro screen. Throws the
    /// file's problems when it is invalid. The same `seed` gives the same draw and order.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = questionsJson)] questions_json: &str,
        seed: Option<f64>,
    ) -> Result<QuizSession, JsError> {
        let quiz = load(questions_json)?;
        let seed = seed.map_or_else(random_seed, |s| s as u64);
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
        let layout = app::parse_layout(layout.as_deref())?;
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

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `mount`. */
export interface MountOptions {
  /** "one" question at a time (default) or "all" on one page. */
  layout?: "one" | "all";
  /** Colour scheme; "auto" (default) follows the reader's system. */
  theme?: "auto" | "light" | "dark";
  /** Language of the interface (BCP 47); default the quiz's language. */
  language?: string;
  /** Names this copy of the quiz, so several copies of one quiz on a page save apart. */
  instance?: string;
  /** localStorage key for saved progress; default "reader-quiz:" + quiz id (+ ":" + instance). */
  storageKey?: string;
  /** Seed for the draw and shuffles; random by default. */
  seed?: number;
}
export type Outcome = "correct" | "partial" | "wrong" | "unanswered";
export interface QuestionResult {
  id: string; outcome: Outcome; points: string; points_text: string; max: number;
  selected: string[]; correct: string[];
  feedback: { choice: string; correct: boolean; text: string }[];
  explanation: string; passage: string | null;
}
export interface QuizResult {
  /** Exact points, e.g. "7" or "13/2". */
  points: string;
  /** Points as a decimal rounded down to two places. */
  points_text: string;
  max: number; percentage: number; passed: boolean;
  band: { title: string; message: string } | null;
  correct_count: number;
  questions: QuestionResult[];
}
export type Mark = "correct_picked" | "correct_missed" | "wrong_picked";
export interface ChoiceView { id: string; text: string; selected: boolean; mark: Mark | null; mark_text: string | null }
export interface FeedbackView {
  outcome: Outcome; title: string; points_text: string; choice_feedback: string[];
  explanation: string; passage: string | null; passage_label: string; announcement: string;
}
export interface QuestionView {
  id: string; number: number; number_text: string; prompt: string; kind: "single" | "multiple";
  hint: string; choices: ChoiceView[]; revealed: boolean; reveal_label: string | null;
  feedback: FeedbackView | null;
}
export type Screen =
  | { screen: "intro"; title: string; intro: string | null; source_label: string; headline: string; url: string;
      byline: string; count_text: string; corrections: string[]; start_label: string }
  | { screen: "questions"; progress_text: string; progress_value: number; progress_max: number;
      questions: QuestionView[]; back_label: string | null; next_label: string | null; finish_label: string | null }
  | { screen: "result"; heading: string; score_text: string; percentage: number; passed: boolean; pass_text: string;
      band_title: string | null; band_message: string | null; review_heading: string; review: QuestionView[];
      retry_label: string; share_label: string; copy_label: string; share_text: string; announcement: string };
"#;
