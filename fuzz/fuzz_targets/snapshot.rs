//! Any text as a saved snapshot or an answers file: restored exactly or refused, never a panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use reader_quiz::{ErrorKind, Quiz, Session};

fn quiz() -> Arc<Quiz> {
    static QUIZ: OnceLock<Arc<Quiz>> = OnceLock::new();
    Arc::clone(QUIZ.get_or_init(|| Arc::new(Quiz::from_json(include_str!("../../tests/fixtures/small.json")).unwrap())))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Session::restore(quiz(), text) {
        Ok(session) => {
            // What was accepted is a state a session can be in: it saves and restores the same.
            let again = Session::restore(quiz(), &session.snapshot()).expect("round trip");
            assert_eq!(again.snapshot(), session.snapshot());
            assert!(session.position() < session.len());
            let _ = session.result();
        }
        Err(error) => assert_eq!(error.kind(), ErrorKind::Snapshot),
    }
    let _ = quiz().score_json(text);
});
