//! Inputs at and past the engine's limits: each gets a correct result or a clear error, never a panic.

mod common;

use std::sync::Arc;

use common::{pool, question, quiz_doc};
use reader_quiz::{ErrorKind, Quiz, Session, MAX_CHOICES, MAX_INPUT_BYTES, MAX_QUESTIONS};
use serde_json::{json, Value};

fn problems(doc: &Value) -> Vec<String> {
    match Quiz::from_json(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.as_slice().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_ten_megabyte_file_is_refused_with_the_limit_in_the_message() {
    let padding = " ".repeat(10 * 1024 * 1024);
    let text = format!("{{\"format\": 1,{padding}}}");
    let errors = Quiz::from_json(&text).unwrap_err();
    assert_eq!(errors.as_slice()[0].kind(), ErrorKind::TooLarge);
    assert_eq!(
        errors.to_string(),
        format!(
            "the file is {} bytes, more than the limit of {MAX_INPUT_BYTES} bytes",
            text.len()
        )
    );
}

#[test]
fn ten_thousand_questions_load_run_and_score() {
    let doc = quiz_doc(
        "big",
        json!({ "draw": 10, "shuffle_questions": true }),
        pool(MAX_QUESTIONS, &["a", "b"]),
    );
    let quiz = Arc::new(Quiz::from_json(&doc.to_string()).unwrap());
    assert_eq!(quiz.questions().len(), 10_000);
    let mut session = Session::new(Arc::clone(&quiz), 3);
    session.start().unwrap();
    for position in 0..session.len() {
        let slot = session.slot(position).unwrap();
        let (id, right) = (slot.question.id.clone(), slot.question.choices[0].id.clone());
        session.answer(&id, &[&right]).unwrap();
    }
    session.finish().unwrap();
    assert_eq!(session.result().percentage, 100);
    let restored = Session::restore(quiz, &session.snapshot()).unwrap();
    assert_eq!(restored.result(), session.result());
}

#[test]
fn one_question_more_than_the_limit_is_refused() {
    let doc = quiz_doc("big", json!({}), pool(MAX_QUESTIONS + 1, &["a", "b"]));
    assert_eq!(
        problems(&doc),
        ["questions: 10001 questions is more than the limit of 10000"]
    );
}

#[test]
fn a_thousand_choices_are_refused_at_their_question() {
    let ids: Vec<String> = (0..1_000).map(|i| format!("c{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let doc = quiz_doc("wide", json!({}), vec![question("q1", "single", &ids, &["c0"])]);
    assert_eq!(
        problems(&doc),
        [format!(
            "questions[0].choices: 1000 choices is more than the limit of {MAX_CHOICES}"
        )]
    );
    let ids: Vec<String> = (0..MAX_CHOICES).map(|i| format!("c{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let doc = quiz_doc("wide", json!({}), vec![question("q1", "multiple", &ids, &ids[..50])]);
    assert_eq!(problems(&doc), Vec::<String>::new());
}

#[test]
fn nesting_deeper_than_128_levels_is_a_syntax_error_at_its_place() {
    let text = format!("{{\"format\": 1, \"intro\": {}{}}}", "[".repeat(200), "]".repeat(200));
    let errors = Quiz::from_json(&text).unwrap_err();
    assert_eq!(errors.as_slice()[0].kind(), ErrorKind::Syntax);
    assert!(errors.to_string().starts_with("line 1, column "), "{errors}");
    assert!(errors.to_string().ends_with(": recursion limit exceeded"), "{errors}");
}

#[test]
fn huge_numbers_are_refused_clearly() {
    let mut doc = quiz_doc("n", json!({"pass_mark": 50}), pool(2, &["a", "b"]));
    let huge = doc
        .to_string()
        .replacen("\"format\":1", "\"format\":1e400", 1)
        .replacen("\"pass_mark\":50", "\"pass_mark\":1e99999999999", 1);
    assert_eq!(
        Quiz::from_json(&huge).unwrap_err().to_string(),
        "format: expected a whole number, found 1e400\n\
         settings.pass_mark: a whole number from 0 to 100, found 1e99999999999"
    );
    doc["questions"][0]["points"] = json!(u64::MAX);
    doc["settings"]["draw"] = json!(-1);
    assert_eq!(
        problems(&doc),
        [
            "settings.draw: a whole number from 1 to 10000, found -1",
            "questions[0].points: 18446744073709551615 is out of range (1 to 1000)",
        ]
    );
}

#[test]
fn text_beyond_the_basic_plane_and_right_to_left_text_is_kept_as_written() {
    let prompt = "Which emoji? 🇦🇲 😀 — שלום עולם — \u{202E}reversed\u{202C} — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
    let mut doc = quiz_doc("text", json!({}), pool(1, &["a", "b"]));
    doc["questions"][0]["prompt"] = json!(prompt);
    doc["questions"][0]["choices"][1]["text"] = json!("مرحبا");
    let quiz = Quiz::from_json(&doc.to_string()).unwrap();
    assert_eq!(quiz.questions()[0].prompt, prompt);
    assert_eq!(quiz.questions()[0].choices[1].text, "مرحبا");
}

#[test]
fn many_broken_questions_are_all_reported() {
    let mut questions = pool(2_000, &["a", "b"]);
    for q in &mut questions {
        q["colour"] = json!("red");
    }
    let doc = quiz_doc("broken", json!({}), questions);
    let found = problems(&doc);
    assert_eq!(found.len(), 2_000);
    assert_eq!(found[1_999], "questions[1999]: unknown field \"colour\"");
}
