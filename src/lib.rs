//! The quiz a news site puts under an article: load, validate, run and score it.
//!
//! The core takes text and returns values; it names no browser API, so it is tested
//! natively with `cargo test`. The `web` layer (wasm32 only) sits on top of it.
//!
//! ```
//! use std::sync::Arc;
//! use reader_quiz::{Quiz, Session};
//!
//! let quiz = Arc::new(Quiz::from_json(include_str!("../questions.json")).unwrap());
//! let mut session = Session::new(quiz, 42);
//! session.start().unwrap();
//! let question = session.current().question.id.clone();
//! session.answer(&question, &[]).unwrap();
//! session.finish().unwrap();
//! assert_eq!(session.result().points_text, "0");
//! ```
#![deny(missing_docs)]

mod decode;
mod error;
mod events;
#[cfg(any(all(target_arch = "wasm32", target_os = "unknown"), test))]
mod heap;
mod json;
mod model;
mod rng;
pub mod scoring;
mod session;
mod strings;
mod table;
mod text;
mod validate;
mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use decode::{MAX_DENOMINATOR, MAX_INPUT_BYTES, MAX_POINTS, MAX_QUESTIONS, MAX_WEIGHT};
pub use error::{Error, ErrorKind, Errors, Location};
pub use events::{Action, QuizEvent};
pub use model::{Band, Choice, Correction, Kind, Policy, Question, Quiz, Reveal, Settings, Source, FORMAT_VERSION};
pub use scoring::{BandResult, ChoiceFeedback, Outcome, QuestionResult, QuizResult, Ratio, Totals};
pub use session::{Phase, Session, SlotView, MAX_SEED, SNAPSHOT_VERSION};
pub use text::{Plural, Texts};
pub use validate::{MAX_BANDS, MAX_CHOICES, MAX_COMMON_DENOMINATOR};
pub use view::{
    AnswerKeyView, ChoiceView, FeedbackView, Focus, IntroView, Layout, Mark, QuestionView, QuestionsView, ResultView,
    Screen, Theme,
};

/// The JSON Schema of questions.json, for editors' autocompletion and validation.
pub const SCHEMA: &str = include_str!("../questions.schema.json");
