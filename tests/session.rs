//! A reader's session: the state machine from intro to result, retries and their draws,
//! and the snapshot that resumes a session exactly.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::{load, low_high_bands, pool, quiz_doc, with_bands};
use reader_quiz::{Error, ErrorKind, Location, Phase, Quiz, Ratio, Session, MAX_SEED};
use serde_json::{json, Value};

/// Quiz `id` under `settings`: a pool of `n` questions `q1`, `q2`, … with choices a–e, `q2`
/// multiple-answer (a and b correct), the others single-answer (a correct) (see [`pool`]), and
/// the bands 0–49 "Low" and 50–100 "High".
fn quiz_json(id: &str, settings: Value, n: usize) -> Value {
    with_bands(
        quiz_doc(id, settings, pool(n, &["a", "b", "c", "d", "e"])),
        low_high_bands(),
    )
}

/// A new session (seed `seed`) on a quiz of `pool` questions under `settings`.
fn session(settings: Value, pool: usize, seed: u64) -> Session {
    Session::new(load(&quiz_json("session-test", settings, pool)), seed)
}

/// A started session on 3 questions in file order, choices in file order.
fn started() -> Session {
    let mut s = session(json!({}), 3, 1);
    s.start().unwrap();
    s
}

/// The question ids of the current attempt, in the order shown.
fn question_ids(s: &Session) -> Vec<String> {
    (0..s.len()).map(|i| s.slot(i).unwrap().question.id.clone()).collect()
}

/// The choice ids of the question at `position`, in the order shown.
fn choice_ids(s: &Session, position: usize) -> Vec<String> {
    s.slot(position).unwrap().choices.iter().map(|c| c.id.clone()).collect()
}

fn selected(s: &Session, position: usize) -> Vec<String> {
    s.slot(position)
        .unwrap()
        .selected
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// Asserts that `result` is an error of `kind` with `message`.
#[track_caller]
fn assert_error(result: Result<impl std::fmt::Debug, Error>, kind: ErrorKind, message: &str) {
    let error = result.expect_err("the call should fail");
    assert_eq!(error.kind(), kind, "{error}");
    assert_eq!(error.message(), message);
}

/// Asserts that `call` fails with `kind` and leaves the session exactly as it was.
#[track_caller]
fn assert_refused(s: &mut Session, kind: ErrorKind, call: impl FnOnce(&mut Session) -> Result<(), Error>) {
    let before = s.snapshot();
    let error = call(s).expect_err("the call should fail");
    assert_eq!(error.kind(), kind, "{error}");
    assert_eq!(s.snapshot(), before, "a refused call changed the session");
}

// ---------------------------------------------------------------------------------------
// Start

#[test]
fn a_new_session_is_on_the_intro_screen() {
    let s = session(json!({}), 3, 1);
    assert_eq!(s.phase(), Phase::Intro);
    assert_eq!(s.attempt(), 0);
    assert_eq!(s.position(), 0);
    assert_eq!(s.len(), 3);
    assert!(!s.is_empty());
    assert!(s.slot(3).is_none());
    assert_eq!(s.result().points, Ratio::ZERO);
}

#[test]
fn a_seed_given_as_a_double_is_a_whole_number_it_carries_exactly() {
    assert_eq!(Session::seed_of(0.0).unwrap(), 0);
    assert_eq!(Session::seed_of(42.0).unwrap(), 42);
    assert_eq!(Session::seed_of(9_007_199_254_740_991.0).unwrap(), MAX_SEED);
    for refused in [-1.0, -0.5, 0.5, f64::NAN, f64::INFINITY, 9_007_199_254_740_992.0] {
        assert_error(
            Session::seed_of(refused),
            ErrorKind::OutOfRange,
            "expected a whole number from 0 to 9007199254740991",
        );
        assert_eq!(
            Session::seed_of(refused).unwrap_err().location(),
            &Location::Path("seed".into())
        );
    }
}

#[test]
fn a_page_saves_a_session_under_the_quiz_id_and_the_copy_it_is() {
    let quiz = load(&quiz_json("armenia-russia", json!({}), 3));
    assert_eq!(quiz.storage_key(None), "reader-quiz:armenia-russia");
    assert_eq!(quiz.storage_key(Some("sidebar")), "reader-quiz:armenia-russia:sidebar");
}

#[test]
fn start_moves_to_the_first_question() {
    let mut s = session(json!({}), 3, 1);
    s.start().unwrap();
    assert_eq!(s.phase(), Phase::Answering);
    assert_eq!(s.position(), 0);
    assert_eq!(s.current().question.id, "q1");
    assert_eq!(s.attempt(), 0);
}

#[test]
fn starting_twice_is_an_invalid_state_error_and_changes_nothing() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.next_question().unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, Session::start);
    assert_eq!(s.phase(), Phase::Answering);
    assert_eq!(s.position(), 1);
    assert_eq!(selected(&s, 0), ["a"]);
    assert_error(s.start(), ErrorKind::InvalidState, "the quiz has already started");
}

// ---------------------------------------------------------------------------------------
// Answers

#[test]
fn answer_sets_the_answer_of_a_question() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    assert_eq!(selected(&s, 0), ["a"]);
    assert_eq!(s.result().points, Ratio::ONE);
}

#[test]
fn answering_again_changes_the_answer() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.answer("q1", &["c"]).unwrap();
    assert_eq!(selected(&s, 0), ["c"]);
    assert_eq!(s.result().points, Ratio::ZERO);
}

#[test]
fn answering_with_an_empty_list_clears_the_answer() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.answer("q1", &[]).unwrap();
    assert!(s.slot(0).unwrap().selected.is_empty());
    assert_eq!(s.result().points, Ratio::ZERO);
}

#[test]
fn a_multiple_answer_is_kept_in_file_order() {
    let mut s = started();
    s.answer("q2", &["e", "a", "c"]).unwrap();
    assert_eq!(selected(&s, 1), ["a", "c", "e"]);
}

#[test]
fn any_question_of_the_attempt_can_be_answered_from_any_position() {
    let mut s = started();
    s.answer("q3", &["a"]).unwrap();
    assert_eq!(s.position(), 0);
    assert_eq!(selected(&s, 2), ["a"]);
}

#[test]
fn answering_a_question_not_in_the_attempt_is_an_unknown_question_error() {
    let mut s = started();
    assert_refused(&mut s, ErrorKind::UnknownQuestion, |s| s.answer("q9", &["a"]));
    assert_error(
        s.answer("q9", &["a"]),
        ErrorKind::UnknownQuestion,
        "question \"q9\" is not in this attempt",
    );
}

#[test]
fn answering_a_pool_question_that_was_not_drawn_is_an_unknown_question_error() {
    let mut s = session(json!({ "draw": 2 }), 4, 3);
    s.start().unwrap();
    let shown = question_ids(&s);
    let left_out = ["q1", "q2", "q3", "q4"]
        .into_iter()
        .find(|id| !shown.iter().any(|s| s == id))
        .unwrap();
    assert_refused(&mut s, ErrorKind::UnknownQuestion, |s| s.answer(left_out, &["a"]));
}

#[test]
fn answering_with_an_unknown_choice_is_an_unknown_choice_error_and_keeps_the_answer() {
    let mut s = started();
    s.answer("q2", &["a"]).unwrap();
    assert_refused(&mut s, ErrorKind::UnknownChoice, |s| s.answer("q2", &["b", "z"]));
    assert_eq!(selected(&s, 1), ["a"]);
    assert_error(
        s.answer("q2", &["z"]),
        ErrorKind::UnknownChoice,
        "question \"q2\" has no choice \"z\"",
    );
}

#[test]
fn two_choices_for_a_single_answer_question_are_an_invalid_answer() {
    let mut s = started();
    assert_refused(&mut s, ErrorKind::InvalidAnswer, |s| s.answer("q1", &["a", "b"]));
    assert_refused(&mut s, ErrorKind::InvalidAnswer, |s| s.answer("q2", &["a", "a"]));
}

#[test]
fn answering_before_start_is_an_invalid_state_error() {
    let mut s = session(json!({}), 3, 1);
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.answer("q1", &["a"]));
    assert_error(s.answer("q1", &["a"]), ErrorKind::InvalidState, "start the quiz first");
}

#[test]
fn answering_after_finish_is_an_invalid_state_error() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.answer("q1", &["b"]));
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.answer("q2", &["a"]));
    assert_error(
        s.answer("q1", &["b"]),
        ErrorKind::InvalidState,
        "the quiz is finished: retry to answer again",
    );
}

// ---------------------------------------------------------------------------------------
// Reveal

#[test]
fn revealing_needs_an_answer() {
    let mut s = started();
    assert_refused(&mut s, ErrorKind::InvalidAnswer, |s| s.reveal("q1"));
    assert!(!s.slot(0).unwrap().revealed);
    assert_error(
        s.reveal("q1"),
        ErrorKind::InvalidAnswer,
        "answer question \"q1\" before revealing it",
    );
}

#[test]
fn reveal_marks_only_that_question_revealed() {
    let mut s = started();
    s.answer("q1", &["b"]).unwrap();
    s.answer("q2", &["a"]).unwrap();
    s.reveal("q1").unwrap();
    assert!(s.slot(0).unwrap().revealed);
    assert!(!s.slot(1).unwrap().revealed);
    assert_eq!(s.phase(), Phase::Answering);
}

#[test]
fn a_revealed_answer_can_no_longer_change() {
    let mut s = started();
    s.answer("q1", &["b"]).unwrap();
    s.reveal("q1").unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.answer("q1", &["a"]));
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.answer("q1", &[]));
    assert_eq!(selected(&s, 0), ["b"]);
    assert_error(
        s.answer("q1", &["a"]),
        ErrorKind::InvalidState,
        "question \"q1\" is already revealed, so its answer can no longer change",
    );
}

#[test]
fn revealing_twice_is_fine() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.reveal("q1").unwrap();
    let before = s.snapshot();
    s.reveal("q1").unwrap();
    assert_eq!(s.snapshot(), before);
    assert!(s.slot(0).unwrap().revealed);
}

#[test]
fn revealing_a_question_not_in_the_attempt_is_an_unknown_question_error() {
    let mut s = started();
    assert_refused(&mut s, ErrorKind::UnknownQuestion, |s| s.reveal("q9"));
}

#[test]
fn revealing_before_start_or_after_finish_is_an_invalid_state_error() {
    let mut s = session(json!({}), 3, 1);
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.reveal("q1"));
    s.start().unwrap();
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.reveal("q1"));
}

#[test]
fn a_quiz_that_reveals_at_the_end_refuses_reveal() {
    let mut s = session(json!({ "reveal": "end" }), 3, 1);
    s.start().unwrap();
    s.answer("q1", &["a"]).unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, |s| s.reveal("q1"));
    assert_error(
        s.reveal("q1"),
        ErrorKind::InvalidState,
        "this quiz reveals its answers only at the end",
    );
    assert!(!s.slot(0).unwrap().revealed);
    // The answer can still change, since nothing was revealed.
    s.answer("q1", &["b"]).unwrap();
    assert_eq!(selected(&s, 0), ["b"]);
}

#[test]
fn finishing_a_quiz_that_reveals_at_the_end_reveals_everything() {
    let mut s = session(json!({ "reveal": "end" }), 3, 1);
    s.start().unwrap();
    s.answer("q1", &["a"]).unwrap();
    s.answer("q2", &["a", "b"]).unwrap();
    s.finish().unwrap();
    for i in 0..s.len() {
        assert!(s.slot(i).unwrap().revealed, "slot {i}");
    }
}

#[test]
fn finishing_reveals_every_question_of_the_attempt() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    for i in 0..s.len() {
        assert!(s.slot(i).unwrap().revealed, "slot {i}");
    }
}

// ---------------------------------------------------------------------------------------
// Navigation

#[test]
fn next_and_previous_move_through_the_attempt() {
    let mut s = started();
    s.next_question().unwrap();
    assert_eq!(s.position(), 1);
    assert_eq!(s.current().question.id, "q2");
    s.next_question().unwrap();
    assert_eq!(s.position(), 2);
    s.previous_question().unwrap();
    assert_eq!(s.position(), 1);
    s.previous_question().unwrap();
    assert_eq!(s.position(), 0);
}

#[test]
fn previous_at_the_first_question_is_an_invalid_state_error() {
    let mut s = started();
    assert_refused(&mut s, ErrorKind::InvalidState, Session::previous_question);
    assert_eq!(s.position(), 0);
    assert_error(
        s.previous_question(),
        ErrorKind::InvalidState,
        "this is the first question",
    );
}

#[test]
fn next_at_the_last_question_is_an_invalid_state_error() {
    let mut s = started();
    s.next_question().unwrap();
    s.next_question().unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, Session::next_question);
    assert_eq!(s.position(), 2);
    assert_error(
        s.next_question(),
        ErrorKind::InvalidState,
        "this is the last question: finish the quiz instead",
    );
}

#[test]
fn navigation_outside_answering_is_an_invalid_state_error() {
    let mut s = session(json!({}), 3, 1);
    assert_refused(&mut s, ErrorKind::InvalidState, Session::next_question);
    assert_refused(&mut s, ErrorKind::InvalidState, Session::previous_question);
    s.start().unwrap();
    s.next_question().unwrap();
    s.finish().unwrap();
    assert_refused(&mut s, ErrorKind::InvalidState, Session::next_question);
    assert_refused(&mut s, ErrorKind::InvalidState, Session::previous_question);
    assert_eq!(s.position(), 1);
}

// ---------------------------------------------------------------------------------------
// Finish

#[test]
fn finishing_from_the_intro_is_an_invalid_state_error() {
    let mut s = session(json!({}), 3, 1);
    assert_refused(&mut s, ErrorKind::InvalidState, Session::finish);
    assert_eq!(s.phase(), Phase::Intro);
    assert_error(s.finish(), ErrorKind::InvalidState, "the quiz has not started");
}

#[test]
fn finish_ends_the_attempt_and_finishing_again_is_fine() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    assert_eq!(s.phase(), Phase::Finished);
    let before = s.snapshot();
    s.finish().unwrap();
    assert_eq!(s.phase(), Phase::Finished);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn the_result_is_final_once_finished() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.answer("q2", &["a", "b"]).unwrap();
    s.finish().unwrap();
    let result = s.result();
    assert_eq!(result.points, Ratio::from_int(2));
    assert_eq!(result.max, 3);
    assert_eq!(result.percentage, 66);
    assert!(result.passed);
    assert_eq!(result.band.as_ref().unwrap().title, "High");
    let _ = s.answer("q3", &["a"]);
    let _ = s.reveal("q3");
    let _ = s.finish();
    assert_eq!(s.result(), result);
}

#[test]
fn unanswered_questions_score_zero_at_finish() {
    let mut s = started();
    s.finish().unwrap();
    let result = s.result();
    assert_eq!(result.points, Ratio::ZERO);
    assert_eq!(result.points_text, "0");
    assert_eq!(result.percentage, 0);
    assert!(!result.passed);
    assert_eq!(result.questions.len(), 3);
    assert!(result
        .questions
        .iter()
        .all(|q| q.outcome == reader_quiz::Outcome::Unanswered));
}

#[test]
fn the_result_lists_the_questions_in_the_order_shown() {
    let mut s = session(json!({ "shuffle_questions": true }), 6, 5);
    s.start().unwrap();
    s.finish().unwrap();
    let listed: Vec<String> = s.result().questions.into_iter().map(|q| q.id).collect();
    assert_eq!(listed, question_ids(&s));
}

// ---------------------------------------------------------------------------------------
// Retry

#[test]
fn retry_starts_a_new_attempt_with_everything_cleared() {
    let mut s = started();
    s.answer("q1", &["a"]).unwrap();
    s.reveal("q1").unwrap();
    s.answer("q2", &["a", "b"]).unwrap();
    s.next_question().unwrap();
    s.next_question().unwrap();
    s.finish().unwrap();
    s.retry().unwrap();
    assert_eq!(s.attempt(), 1);
    assert_eq!(s.phase(), Phase::Answering);
    assert_eq!(s.position(), 0);
    for i in 0..s.len() {
        let slot = s.slot(i).unwrap();
        assert!(slot.selected.is_empty(), "slot {i}");
        assert!(!slot.revealed, "slot {i}");
    }
    assert_eq!(s.result().points, Ratio::ZERO);
    s.retry().unwrap();
    assert_eq!(s.attempt(), 2);
}

#[test]
fn retry_from_the_intro_is_an_invalid_state_error() {
    let mut s = session(json!({}), 3, 1);
    assert_refused(&mut s, ErrorKind::InvalidState, Session::retry);
    assert_eq!(s.attempt(), 0);
}

#[test]
fn retry_shows_the_questions_the_last_attempt_did_not() {
    for seed in 0..40 {
        let mut s = session(json!({ "draw": 3 }), 6, seed);
        s.start().unwrap();
        let first: BTreeSet<String> = question_ids(&s).into_iter().collect();
        s.finish().unwrap();
        s.retry().unwrap();
        let second: BTreeSet<String> = question_ids(&s).into_iter().collect();
        assert_eq!(second.len(), 3);
        assert!(first.is_disjoint(&second), "seed {seed}: {first:?} then {second:?}");
        s.retry().unwrap();
        let third: BTreeSet<String> = question_ids(&s).into_iter().collect();
        assert_eq!(
            third, first,
            "seed {seed}: the third attempt shows what the second did not"
        );
    }
}

#[test]
fn retry_puts_unseen_questions_first_and_tops_up_with_seen_ones() {
    for seed in 0..40 {
        let mut s = session(json!({ "draw": 3 }), 5, seed);
        s.start().unwrap();
        let first: BTreeSet<String> = question_ids(&s).into_iter().collect();
        s.retry().unwrap();
        let second: BTreeSet<String> = question_ids(&s).into_iter().collect();
        let unseen: BTreeSet<String> = (1..=5)
            .map(|n| format!("q{n}"))
            .filter(|id| !first.contains(id))
            .collect();
        assert_eq!(second.len(), 3);
        assert!(
            unseen.is_subset(&second),
            "seed {seed}: {unseen:?} not all in {second:?}"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_order_and_another_seed_another_order() {
    let settings = json!({ "shuffle_questions": true, "shuffle_choices": true });
    let order = |seed: u64| {
        let s = session(settings.clone(), 8, seed);
        let choices: Vec<Vec<String>> = (0..s.len()).map(|i| choice_ids(&s, i)).collect();
        (question_ids(&s), choices)
    };
    assert_eq!(order(7), order(7));
    assert_eq!(order(8), order(8));
    assert_ne!(order(7).0, order(8).0, "question order");
    assert_ne!(order(7).1, order(8).1, "choice orders");
    let mut sorted = order(7).0;
    sorted.sort();
    let all: Vec<String> = (1..=8).map(|n| format!("q{n}")).collect();
    let mut expected = all.clone();
    expected.sort();
    assert_eq!(sorted, expected, "the shuffled order is a permutation of the pool");
}

#[test]
fn retries_are_deterministic_for_a_seed() {
    let settings = json!({ "shuffle_questions": true, "shuffle_choices": true, "draw": 4 });
    let attempts = |seed: u64| {
        let mut s = session(settings.clone(), 8, seed);
        s.start().unwrap();
        let mut seen = Vec::new();
        for _ in 0..4 {
            let choices: Vec<Vec<String>> = (0..s.len()).map(|i| choice_ids(&s, i)).collect();
            seen.push((question_ids(&s), choices));
            s.retry().unwrap();
        }
        seen
    };
    assert_eq!(attempts(11), attempts(11));
    assert_ne!(attempts(11), attempts(12));
}

#[test]
fn a_shuffled_retry_draws_a_new_order() {
    let mut s = session(json!({ "shuffle_questions": true }), 8, 7);
    s.start().unwrap();
    let first = question_ids(&s);
    s.retry().unwrap();
    assert_ne!(question_ids(&s), first);
}

// ---------------------------------------------------------------------------------------
// Draw and choice order

#[test]
fn each_attempt_has_exactly_draw_distinct_questions_from_the_pool() {
    for shuffle in [false, true] {
        for seed in 0..20 {
            let mut s = session(json!({ "draw": 3, "shuffle_questions": shuffle }), 7, seed);
            assert_eq!(s.quiz().questions_per_attempt(), 3);
            s.start().unwrap();
            for _ in 0..5 {
                let ids = question_ids(&s);
                assert_eq!(s.len(), 3);
                let distinct: BTreeSet<&String> = ids.iter().collect();
                assert_eq!(distinct.len(), 3, "seed {seed}: {ids:?}");
                assert!(ids.iter().all(|id| s.quiz().question(id).is_some()));
                s.retry().unwrap();
            }
        }
    }
}

#[test]
fn drawn_questions_keep_file_order_without_shuffle_questions() {
    for seed in 0..20 {
        let s = session(json!({ "draw": 3 }), 7, seed);
        let positions: Vec<usize> = question_ids(&s)
            .iter()
            .map(|id| s.quiz().questions().iter().position(|q| &q.id == id).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "seed {seed}: {positions:?}");
    }
}

#[test]
fn without_a_draw_every_question_is_shown_in_file_order() {
    let s = session(json!({}), 5, 99);
    assert_eq!(question_ids(&s), ["q1", "q2", "q3", "q4", "q5"]);
}

#[test]
fn without_shuffle_choices_the_choices_keep_file_order() {
    for seed in 0..10 {
        let s = session(json!({ "shuffle_questions": true }), 4, seed);
        for i in 0..s.len() {
            assert_eq!(choice_ids(&s, i), ["a", "b", "c", "d", "e"], "seed {seed}, slot {i}");
        }
    }
}

#[test]
fn with_shuffle_choices_each_question_shows_a_permutation_of_its_choices() {
    let mut any_moved = false;
    for seed in 0..10 {
        let s = session(json!({ "shuffle_choices": true }), 4, seed);
        for i in 0..s.len() {
            let shown = choice_ids(&s, i);
            let mut sorted = shown.clone();
            sorted.sort();
            assert_eq!(sorted, ["a", "b", "c", "d", "e"], "seed {seed}, slot {i}");
            any_moved |= shown != sorted;
        }
    }
    assert!(any_moved, "shuffle_choices never changed the order");
}

#[test]
fn shuffled_choices_do_not_change_what_is_selected_or_scored() {
    let mut s = session(json!({ "shuffle_choices": true }), 3, 4);
    s.start().unwrap();
    s.answer("q2", &["b", "a"]).unwrap();
    assert_eq!(selected(&s, 1), ["a", "b"]);
    let result = s.result();
    assert_eq!(result.questions[1].selected, ["a", "b"]);
    assert_eq!(result.points, Ratio::ONE);
}

// ---------------------------------------------------------------------------------------
// Snapshot and restore

/// A quiz that draws and shuffles, and a session on it in the middle of its second attempt.
fn busy_session() -> (Arc<Quiz>, Session) {
    let settings = json!({ "draw": 4, "shuffle_questions": true, "shuffle_choices": true });
    let quiz = load(&quiz_json("session-test", settings, 7));
    let mut s = Session::new(quiz.clone(), 2024);
    s.start().unwrap();
    let first = s.current().question.id.clone();
    s.answer(&first, &["a"]).unwrap();
    s.finish().unwrap();
    s.retry().unwrap();
    // Answer the first two questions, reveal the first, and stop on the third.
    for _ in 0..2 {
        let id = s.current().question.id.clone();
        s.answer(&id, &["a"]).unwrap();
        if s.position() == 0 {
            s.reveal(&id).unwrap();
        }
        s.next_question().unwrap();
    }
    (quiz, s)
}

#[track_caller]
fn assert_same_session(a: &Session, b: &Session) {
    assert_eq!(a.phase(), b.phase());
    assert_eq!(a.position(), b.position());
    assert_eq!(a.attempt(), b.attempt());
    assert_eq!(a.len(), b.len());
    for i in 0..a.len() {
        assert_eq!(a.slot(i), b.slot(i), "slot {i}");
    }
    assert_eq!(a.result(), b.result());
    assert_eq!(a.snapshot(), b.snapshot());
}

#[test]
fn a_snapshot_keeps_the_layout_readers_browsers_have_saved() {
    // Readers' progress sits in their browsers in this layout: a change would lose it.
    let quiz = load(&quiz_json("session-test", json!({}), 2));
    let mut s = Session::new(quiz.clone(), 5);
    s.start().unwrap();
    s.answer("q2", &["b", "a"]).unwrap();
    s.reveal("q2").unwrap();
    let expected = format!(
        concat!(
            r#"{{"v":1,"quiz":"session-test","fp":"{}","seed":5,"attempt":0,"phase":"answering","#,
            r#""pos":0,"slots":[[0,[0,1,2,3,4],[],false],[1,[0,1,2,3,4],[0,1],true]]}}"#
        ),
        quiz.fingerprint()
    );
    assert_eq!(s.snapshot(), expected);
}

#[test]
fn a_phase_is_named_as_serde_writes_it() {
    for phase in [Phase::Intro, Phase::Answering, Phase::Finished] {
        assert_eq!(serde_json::to_value(phase).unwrap(), phase.name());
    }
}

#[test]
fn restore_reproduces_the_snapshotted_session() {
    let (quiz, s) = busy_session();
    assert_eq!(s.attempt(), 1);
    assert_eq!(s.position(), 2);
    assert!(s.slot(0).unwrap().revealed);
    let restored = Session::restore(quiz, &s.snapshot()).unwrap();
    assert_same_session(&restored, &s);
}

#[test]
fn restore_reproduces_a_session_in_every_phase() {
    let quiz = load(&quiz_json("session-test", json!({ "shuffle_choices": true }), 3));
    let mut s = Session::new(quiz.clone(), 5);
    assert_same_session(&Session::restore(quiz.clone(), &s.snapshot()).unwrap(), &s);
    s.start().unwrap();
    s.answer("q2", &["a", "c"]).unwrap();
    assert_same_session(&Session::restore(quiz.clone(), &s.snapshot()).unwrap(), &s);
    s.finish().unwrap();
    let restored = Session::restore(quiz, &s.snapshot()).unwrap();
    assert_same_session(&restored, &s);
    assert_eq!(restored.phase(), Phase::Finished);
    assert!(restored.slot(0).unwrap().revealed);
}

#[test]
fn restore_works_with_a_fresh_load_of_the_same_quiz() {
    let (_, s) = busy_session();
    let settings = json!({ "draw": 4, "shuffle_questions": true, "shuffle_choices": true });
    let reloaded = load(&quiz_json("session-test", settings, 7));
    let restored = Session::restore(reloaded, &s.snapshot()).unwrap();
    assert_same_session(&restored, &s);
}

#[test]
fn a_session_adopts_what_another_session_of_its_quiz_saved_and_refuses_anything_else_unchanged() {
    let (quiz, ahead) = busy_session();
    let mut behind = Session::new(quiz, 99);
    behind.adopt(&ahead.snapshot()).unwrap();
    assert_same_session(&behind, &ahead);

    let other = load(&quiz_json("another-quiz", json!({}), 3));
    let before = behind.snapshot();
    for refused in [Session::new(other, 1).snapshot(), "{".to_string(), String::new()] {
        assert_eq!(behind.adopt(&refused).unwrap_err().kind(), ErrorKind::Snapshot);
        assert_eq!(behind.snapshot(), before);
    }
}

#[test]
fn a_restored_session_continues_exactly_like_the_original() {
    let (quiz, mut original) = busy_session();
    let mut restored = Session::restore(quiz, &original.snapshot()).unwrap();
    for s in [&mut original, &mut restored] {
        let id = s.current().question.id.clone();
        s.answer(&id, &["b"]).unwrap();
        s.reveal(&id).unwrap();
        s.finish().unwrap();
        s.retry().unwrap();
    }
    assert_eq!(original.attempt(), 2);
    assert_same_session(&restored, &original);
    original.retry().unwrap();
    restored.retry().unwrap();
    assert_same_session(&restored, &original);
}

/// The message of the error `restore` gives for `snapshot`, which must be of kind `Snapshot`.
#[track_caller]
fn restore_error(quiz: Arc<Quiz>, snapshot: &str) -> String {
    let Err(error) = Session::restore(quiz, snapshot) else {
        panic!("the snapshot should be refused: {snapshot}");
    };
    assert_eq!(error.kind(), ErrorKind::Snapshot, "{error}");
    assert_eq!(error.location(), &Location::Nowhere);
    error.message().to_string()
}

/// The snapshot of `s` with `edit` applied to its JSON.
fn edited(s: &Session, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&s.snapshot()).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn restore_refuses_garbage() {
    let (quiz, _) = busy_session();
    for garbage in ["", "hello", "{}", "[1, 2, 3]", "null"] {
        let message = restore_error(quiz.clone(), garbage);
        assert!(
            message.starts_with("the snapshot is unreadable: "),
            "{garbage:?}: {message}"
        );
    }
}

#[test]
fn restore_names_the_field_it_cannot_read() {
    let (quiz, s) = busy_session();
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit); 7] = [
        ("field \"seed\" is missing or malformed", |v| {
            v.as_object_mut().unwrap().remove("seed");
        }),
        ("field \"quiz\" is missing or malformed", |v| v["quiz"] = json!(7)),
        ("field \"attempt\" is missing or malformed", |v| {
            v["attempt"] = json!(-1)
        }),
        ("field \"pos\" is missing or malformed", |v| {
            v["pos"] = json!(10_000_000_000u64)
        }),
        ("field \"phase\" is missing or malformed", |v| {
            v["phase"] = json!("paused")
        }),
        ("field \"slots\" is missing or malformed", |v| {
            v["slots"][0][3] = json!("yes")
        }),
        (
            "expected an object of the fields v, quiz, fp, seed, attempt, phase, pos and slots",
            |v| v["extra"] = json!(1),
        ),
    ];
    for (problem, edit) in cases {
        assert_eq!(
            restore_error(quiz.clone(), &edited(&s, edit)),
            format!("the snapshot is unreadable: {problem}")
        );
    }
}

#[test]
fn restore_refuses_a_truncated_snapshot() {
    let (quiz, s) = busy_session();
    let snapshot = s.snapshot();
    let message = restore_error(quiz.clone(), &snapshot[..snapshot.len() / 2]);
    assert!(
        message.starts_with("the snapshot is unreadable: the file ends"),
        "{message}"
    );
    let message = restore_error(quiz, &snapshot[..snapshot.len() - 1]);
    assert!(
        message.starts_with("the snapshot is unreadable: the file ends"),
        "{message}"
    );
}

#[test]
fn restore_refuses_a_snapshot_of_another_quiz() {
    let (_, s) = busy_session();
    let settings = json!({ "draw": 4, "shuffle_questions": true, "shuffle_choices": true });
    let other = load(&quiz_json("another-quiz", settings, 7));
    assert_eq!(
        restore_error(other, &s.snapshot()),
        "the snapshot belongs to quiz \"session-test\", not \"another-quiz\""
    );
}

#[test]
fn restore_refuses_a_snapshot_of_another_version_of_the_quiz() {
    let (quiz, s) = busy_session();
    let settings = json!({ "draw": 4, "shuffle_questions": true, "shuffle_choices": true });
    let mut doc = quiz_json("session-test", settings, 7);
    doc["questions"][4]["explanation"] = json!("A corrected explanation.");
    let updated = load(&doc);
    assert_eq!(updated.id(), quiz.id());
    assert_ne!(updated.fingerprint(), quiz.fingerprint());
    assert_eq!(
        restore_error(updated, &s.snapshot()),
        "the snapshot was taken of another version of this quiz"
    );
}

#[test]
fn restore_refuses_a_snapshot_of_another_format_version() {
    let (quiz, s) = busy_session();
    let snapshot = edited(&s, |v| v["v"] = json!(2));
    assert_eq!(
        restore_error(quiz, &snapshot),
        "snapshot version 2 is not supported (expected 1)"
    );
}

#[test]
fn restore_refuses_inconsistent_content() {
    let (quiz, s) = busy_session();
    // Each edit breaks one rule; slot 3 is unanswered, slot 0 answered and revealed.
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit); 8] = [
        ("invalid answer", |v| v["slots"][0][2] = json!([99])),
        ("invalid answer", |v| v["slots"][3][2] = json!([1, 0])), // not in file order
        ("choice order is not a permutation", |v| v["slots"][1][1][0] = json!(99)),
        ("choice order is not a permutation", |v| {
            v["slots"][1][1] = json!([0, 0, 1, 2, 3])
        }),
        ("unknown question", |v| v["slots"][2][0] = json!(99)),
        ("wrong number of questions", |v| {
            v["slots"].as_array_mut().unwrap().truncate(2)
        }),
        ("position out of range", |v| v["pos"] = json!(4)),
        ("a revealed question without an answer", |v| {
            v["slots"][3][3] = json!(true)
        }),
    ];
    for (what, edit) in cases {
        assert_eq!(
            restore_error(quiz.clone(), &edited(&s, edit)),
            format!("the snapshot is inconsistent: {what}")
        );
    }
}

#[test]
fn restore_refuses_the_same_question_twice() {
    let (quiz, s) = busy_session();
    let snapshot = edited(&s, |v| {
        let first = v["slots"][0].clone();
        v["slots"][1] = first;
    });
    assert_eq!(
        restore_error(quiz, &snapshot),
        "the snapshot is inconsistent: a question appears twice"
    );
}

#[test]
fn restore_refuses_answers_on_the_intro_screen() {
    let quiz = load(&quiz_json("session-test", json!({}), 3));
    let s = Session::new(quiz.clone(), 1);
    let snapshot = edited(&s, |v| v["slots"][0][2] = json!([0]));
    assert_eq!(
        restore_error(quiz, &snapshot),
        "the snapshot is inconsistent: answers before the quiz started"
    );
}

// ---------------------------------------------------------------------------------------
// The shipped quiz

#[test]
fn the_shipped_quiz_can_be_answered_perfectly() {
    let quiz = Arc::new(Quiz::from_json(include_str!("../questions.json")).unwrap());
    let mut s = Session::new(quiz.clone(), 20250609);
    assert_eq!(s.phase(), Phase::Intro);
    s.start().unwrap();
    assert_eq!(s.len(), quiz.questions_per_attempt());
    for i in 0..s.len() {
        assert_eq!(s.position(), i);
        let view = s.slot(i).unwrap();
        let id = view.question.id.clone();
        let correct: Vec<String> = view
            .question
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.id.clone())
            .collect();
        let correct: Vec<&str> = correct.iter().map(String::as_str).collect();
        s.answer(&id, &correct).unwrap();
        s.reveal(&id).unwrap();
        assert!(s.slot(i).unwrap().revealed);
        if i + 1 < s.len() {
            s.next_question().unwrap();
        }
    }
    s.finish().unwrap();
    let result = s.result();
    assert_eq!(result.percentage, 100);
    assert_eq!(result.points, Ratio::from_int(i64::try_from(result.max).unwrap()));
    assert!(result.passed);
    assert_eq!(result.correct_count, s.len());
    let top = quiz.bands().last().unwrap();
    assert_eq!(result.band.unwrap().title, top.title);
}

#[test]
fn restore_refuses_a_revealed_question_in_a_quiz_that_reveals_at_the_end() {
    let quiz = load(&quiz_json("session-test", json!({ "reveal": "end" }), 3));
    let mut s = Session::new(quiz.clone(), 1);
    s.start().unwrap();
    s.answer("q1", &["b"]).unwrap();
    let snapshot = edited(&s, |v| v["slots"][0][3] = json!(true));
    let message = restore_error(quiz, &snapshot);
    assert!(message.starts_with("the snapshot is inconsistent: "), "{message}");
}
