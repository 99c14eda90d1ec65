//! Shared support for the integration tests: builders for quiz documents in the
//! questions.json format and a loader for them, so each test file states only what is
//! particular to its quizzes.

// Each test file is its own crate and uses only some of these helpers; the rest would
// otherwise be reported as dead code in that crate.
#![allow(dead_code)]

use std::sync::Arc;

use reader_quiz::{Errors, Quiz};
use serde_json::{json, Value};

/// A quiz document `id` under `settings` with `questions`: format 1, titled "Test quiz",
/// in English, based on a standard article ("A headline" in The Test Times, 2025-06-09,
/// at https://example.com/article), with no result bands (see [`with_bands`]).
pub fn quiz_doc(id: &str, settings: Value, questions: Vec<Value>) -> Value {
    json!({
        "format": 1,
        "id": id,
        "title": "Test quiz",
        "language": "en",
        "source": {
            "headline": "A headline",
            "publisher": "The Test Times",
            "date": "2025-06-09",
            "url": "https://example.com/article"
        },
        "settings": settings,
        "questions": questions,
    })
}

/// `doc` with its result bands set to `bands`.
pub fn with_bands(mut doc: Value, bands: Value) -> Value {
    doc["bands"] = bands;
    doc
}

/// Two result bands: 0–49 % "Low" ("Read again") and 50–100 % "High" ("Well done").
pub fn low_high_bands() -> Value {
    json!([
        { "min": 0, "max": 49, "title": "Low", "message": "Read again" },
        { "min": 50, "max": 100, "title": "High", "message": "Well done" }
    ])
}

/// A question `id` of `kind` ("single" or "multiple") with the choices `ids`, each with
/// the text "Choice <id>", of which `correct` are correct. Its prompt is "Question <id>?"
/// and its explanation "Explanation of <id>.".
pub fn question(id: &str, kind: &str, ids: &[&str], correct: &[&str]) -> Value {
    let choices: Vec<Value> = ids
        .iter()
        .map(|c| json!({ "id": c, "text": format!("Choice {c}"), "correct": correct.contains(c) }))
        .collect();
    json!({
        "id": id,
        "kind": kind,
        "prompt": format!("Question {id}?"),
        "choices": choices,
        "explanation": format!("Explanation of {id}."),
    })
}

/// A pool of `n` questions `q1`, `q2`, …, each with the choices `choices` (see [`question`]):
/// `q2` is multiple-answer with a and b correct, the others single-answer with a correct.
pub fn pool(n: usize, choices: &[&str]) -> Vec<Value> {
    (1..=n)
        .map(|n| match n {
            2 => question("q2", "multiple", choices, &["a", "b"]),
            n => question(&format!("q{n}"), "single", choices, &["a"]),
        })
        .collect()
}

/// The quiz `doc` describes, which must be valid.
#[track_caller]
pub fn parse(doc: &Value) -> Quiz {
    Quiz::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("invalid test quiz:\n{e}"))
}

/// The quiz `doc` describes, which must be valid, shared as sessions take it.
#[track_caller]
pub fn load(doc: &Value) -> Arc<Quiz> {
    Arc::new(parse(doc))
}

/// The problems `Quiz::from_json` reports for `doc`, in order, each as its path and message.
/// `doc` is written on one line, so where each problem is in it says little; tests of
/// positions write their files out in full.
pub fn problems(doc: &Value) -> Vec<String> {
    match Quiz::from_json(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => at_paths(&errors),
    }
}

/// Each of `errors` as its path and message, without its line and column.
pub fn at_paths(errors: &Errors) -> Vec<String> {
    errors
        .as_slice()
        .iter()
        .map(|e| format!("{}: {}", e.location(), e.message()))
        .collect()
}
