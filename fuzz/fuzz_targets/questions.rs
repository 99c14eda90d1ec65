//! Any text as a questions file: a quiz or a list of problems, never a panic; a quiz then runs.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use reader_quiz::{Action, Layout, Quiz, Session};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let quiz = match Quiz::from_json(text) {
        Ok(quiz) => Arc::new(quiz),
        Err(errors) => {
            assert!(!errors.is_empty());
            assert!(errors.as_slice().iter().all(|e| !e.message().is_empty()));
            return;
        }
    };
    // A valid quiz runs end to end: answer each question with its first choice, check, finish.
    let mut session = Session::new(Arc::clone(&quiz), data.len() as u64);
    session.apply(&Action::Start).expect("a new session starts");
    for position in 0..session.len() {
        let slot = session.slot(position).expect("every position has a question");
        let question = slot.question.id.clone();
        let first = slot.choices[0].id.clone();
        session.apply(&Action::Answer { question: question.clone(), choices: vec![first] }).expect("answer");
        let _ = session.apply(&Action::Reveal { question });
        let _ = session.screen(Layout::One);
    }
    session.apply(&Action::Finish).expect("finish");
    let result = session.result();
    assert!(result.points.numer() >= 0 && result.points <= reader_quiz::Ratio::from_int(i64::try_from(result.max).unwrap()));
    let restored = Session::restore(quiz, &session.snapshot()).expect("a session's own snapshot restores");
    assert_eq!(restored.snapshot(), session.snapshot());
});
