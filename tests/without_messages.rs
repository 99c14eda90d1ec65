//! The widget's build, without the `messages` feature: errors keep their kinds and nothing
//! else, and quizzes load, run and score as with messages. scripts/test runs it with
//! `cargo test --no-default-features --test without_messages`.
#![cfg(not(feature = "messages"))]

mod common;

use std::sync::Arc;

use common::{question, quiz_doc};
use reader_quiz::{Error, ErrorKind, Location, Quiz, Session};
use serde_json::json;

fn kinds(errors: &[Error]) -> Vec<ErrorKind> {
    errors.iter().map(Error::kind).collect()
}

/// Each error says nothing and is tied to no place.
fn assert_unworded(errors: &[Error]) {
    for error in errors {
        assert_eq!(error.message(), "", "{:?}", error.kind());
        assert_eq!(error.location(), &Location::Nowhere, "{:?}", error.kind());
    }
}

#[test]
fn a_syntax_error_keeps_its_kind_but_not_its_line_column_or_words() {
    let errors = Quiz::from_json(include_str!("fixtures/broken-syntax.json")).unwrap_err();
    assert_eq!(kinds(errors.as_slice()), [ErrorKind::Syntax]);
    assert_unworded(errors.as_slice());
}

#[test]
fn a_file_with_shape_errors_is_refused_on_them_alone() {
    // With messages, the same file also reports four broken rules (tests/validation.rs).
    let errors = Quiz::from_json(include_str!("fixtures/broken-rules.json")).unwrap_err();
    assert_eq!(
        kinds(errors.as_slice()),
        [ErrorKind::UnknownField, ErrorKind::EmptyText]
    );
    assert_unworded(errors.as_slice());
}

#[test]
fn a_well_formed_file_that_breaks_rules_is_refused_on_each_rule() {
    let questions = vec![
        question("q1", "single", &["a", "b"], &["a"]),
        question("q1", "multiple", &["a", "b"], &[]),
    ];
    let doc = quiz_doc("rules", json!({ "draw": 5 }), questions);
    let errors = Quiz::from_json(&doc.to_string()).unwrap_err();
    assert_eq!(
        kinds(errors.as_slice()),
        [
            ErrorKind::DuplicateId,
            ErrorKind::CorrectChoices,
            ErrorKind::DrawTooLarge
        ]
    );
    assert_unworded(errors.as_slice());
}

#[test]
fn the_article_quiz_loads_and_scores_full_marks_for_the_right_answers() {
    let quiz = Quiz::from_json(include_str!("../questions.json")).expect("the article's quiz is valid");
    let answers: Vec<(&str, Vec<&str>)> = quiz
        .questions()
        .iter()
        .map(|q| {
            let correct = q.choices.iter().filter(|c| c.correct).map(|c| c.id.as_str());
            (q.id.as_str(), correct.collect())
        })
        .take(quiz.questions_per_attempt())
        .collect();
    let result = quiz.score(&answers).expect("the answers name the quiz's own choices");
    assert_eq!(result.percentage, 100);
    assert!(result.passed);
}

#[test]
fn session_and_snapshot_errors_keep_their_kinds() {
    let quiz = Arc::new(Quiz::from_json(include_str!("../questions.json")).unwrap());
    let mut session = Session::new(Arc::clone(&quiz), 7);
    let early = session.next_question().unwrap_err();
    assert_eq!(early.kind(), ErrorKind::InvalidState);
    let unknown = {
        session.start().unwrap();
        session.answer("no-such-question", &[]).unwrap_err()
    };
    assert_eq!(unknown.kind(), ErrorKind::UnknownQuestion);
    let Err(corrupt) = Session::restore(Arc::clone(&quiz), "{\"v\":") else {
        panic!("a cut-off snapshot restored");
    };
    assert_eq!(corrupt.kind(), ErrorKind::Snapshot);
    assert_unworded(&[early, unknown, corrupt]);
    // A good snapshot still restores the same session.
    let restored = Session::restore(quiz, &session.snapshot()).expect("its own snapshot");
    assert_eq!(restored.snapshot(), session.snapshot());
}
