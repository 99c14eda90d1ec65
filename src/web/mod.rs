//! The browser face of the quiz: the only code that names wasm-bindgen, js-sys or web-sys.
//!
//! Two faces: [`mount`] renders and runs a whole quiz in a host element; `QuizSession` and
//! `checkQuestions` (with the `headless` feature, a build of its own) serve publishers who draw
//! their own interface or check files in their own tools.

// The browser's build only: under WASI, std allocates through the system's libc, whose malloc
// also takes its memory from the module's; with this heap beside it, Node crashed at exit in
// most runs of the WASI scoring benchmark.
#[cfg(target_os = "unknown")]
mod allocator;
mod app;
mod dom;
#[cfg(feature = "headless")]
mod headless;
mod render;

#[cfg(feature = "headless")]
pub use headless::{check_questions, QuizSession};

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use crate::error::MESSAGES;
use crate::strings::Written;
use crate::{Error, Errors, Quiz, Session, Texts, MAX_SEED};

/// Turns any core error into a JavaScript `Error` carrying the core's message.
pub(crate) fn js_error(error: impl Written) -> JsError {
    thrown(&error.written())
}

/// A JavaScript `Error` with `message`: every error this crate throws is made here.
pub(crate) fn thrown(message: &str) -> JsError {
    JsError::new(message)
}

/// Each of `errors` as a message with its place, as a reader or editor is shown it.
pub(crate) fn messages(errors: &Errors) -> Vec<String> {
    errors.as_slice().iter().map(Error::written).collect()
}

/// A JSON text the core wrote as a plain JavaScript object.
#[cfg(feature = "headless")]
pub(crate) fn parse_js(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| thrown("could not convert a value for JavaScript"))
}

/// The session seed a page gave, or a random one (2^53 values, all a JavaScript number carries
/// exactly); a number that is not such a seed is refused.
pub(crate) fn seed(given: Option<f64>) -> Result<u64, JsError> {
    match given {
        Some(number) => Session::seed_of(number).map_err(js_error),
        None => Ok((js_sys::Math::random() * (MAX_SEED + 1) as f64) as u64),
    }
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
/// A quiz that cannot load shows its problems in the element, and the call throws them, as
/// does an unknown layout or theme; a second `mount` into an element that already shows a
/// quiz throws, and leaves it as it is. Of a broken file, the widget's build, which leaves out
/// the `messages` feature, says only that it cannot load, in both places.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    #[wasm_bindgen(js_name = questionsJson)] questions_json: &str,
    #[wasm_bindgen(unchecked_param_type = "MountOptions | undefined")] options: JsValue,
) -> Result<(), JsError> {
    if element.get_attribute(app::MOUNTED).is_some() {
        // A second app on the same element would handle every click twice.
        return Err(thrown("this element already shows a quiz: mount into a new element"));
    }
    let options = app::Options::from_js(&options)?;
    let texts = Texts::for_language(options.language().unwrap_or("en"));
    // In the colours asked for, whatever it shows: the quiz, or why there is none.
    let mut theme = dom::Tree::new(None);
    theme.put(r#"{"data-theme":"$"}"#, &[options.theme().name()]);
    theme.draw(&element, true);
    if !options.problems.is_empty() {
        // Shown as a broken file's problems are, in place of a quiz drawn otherwise than asked;
        // the first is thrown (joining them would cost the widget 0.1 KB).
        render::error(&element, &options.problems, texts);
        return Err(thrown(&options.problems[0]));
    }
    match Quiz::from_json(questions_json) {
        Ok(quiz) => {
            app::App::mount(element, Arc::new(quiz), options);
            Ok(())
        }
        Err(errors) => {
            if MESSAGES {
                render::error(&element, &messages(&errors), texts);
                Err(js_error(errors))
            } else {
                // The widget's build can only say that the file is broken: its element then has
                // the headless build (which words its errors) show why.
                render::error(&element, &[], texts);
                Err(thrown(UNDESCRIBED))
            }
        }
    }
}

/// What the widget's build throws for a broken questions file, as it keeps no messages.
const UNDESCRIBED: &str = "the questions file has problems (www/pkg-headless/ says which)";

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
  /** Seed for the draw and shuffles, a whole number from 0 to 2^53 − 1; random by default. */
  seed?: number;
}
"#;
