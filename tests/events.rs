//! The events a session reports: what each [`Action`] causes through `Session::apply`,
//! in what order, and the JSON form host pages receive.

mod common;

use std::collections::BTreeSet;

use common::{load, low_high_bands, pool, question, quiz_doc, with_bands};
use reader_quiz::{Action, ErrorKind, Outcome, QuizEvent, Session};
use serde_json::{json, Value};

/// The choices of every question in the pool.
const CHOICES: &[&str] = &["a", "b", "c", "d"];

/// Quiz `id` under `settings`: a pool of `n` questions with choices a–d, `q2` multiple-answer
/// (see [`pool`]), and the bands 0–49 "Low" and 50–100 "High".
fn quiz_json(id: &str, settings: Value, n: usize) -> Value {
    with_bands(quiz_doc(id, settings, pool(n, CHOICES)), low_high_bands())
}

/// A new session (seed 1) on quiz "events-test", 3 questions with bands, under `settings`.
fn session(settings: Value) -> Session {
    Session::new(load(&quiz_json("events-test", settings, 3)), 1)
}

/// A session under `settings` after `Start`, in file order.
fn started(settings: Value) -> Session {
    let mut s = session(settings);
    apply(&mut s, &Action::Start);
    s
}

/// Applies `action`, which must succeed, and returns its event as a list (empty or of one).
#[track_caller]
fn apply(s: &mut Session, action: &Action) -> Vec<QuizEvent> {
    s.apply(action)
        .unwrap_or_else(|e| panic!("{action:?} should succeed: {e}"))
        .into_iter()
        .collect()
}

/// Applies each of `actions` in turn, each of which must succeed, and returns all their events.
#[track_caller]
fn apply_all(s: &mut Session, actions: impl IntoIterator<Item = Action>) -> Vec<QuizEvent> {
    let mut events = Vec::new();
    for action in actions {
        events.extend(apply(s, &action));
    }
    events
}

/// Asserts that `action` is refused with an error of `kind` and leaves the session exactly as it was.
#[track_caller]
fn assert_refused(s: &mut Session, action: &Action, kind: ErrorKind) {
    let before = s.snapshot();
    let result = s.apply(action);
    let error = result.expect_err("the action should be refused");
    assert_eq!(error.kind(), kind, "{action:?}: {error}");
    assert_eq!(s.snapshot(), before, "refused {action:?} changed the session");
}

fn answer(question: &str, choices: &[&str]) -> Action {
    Action::Answer {
        question: question.to_string(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
    }
}

fn reveal(question: &str) -> Action {
    Action::Reveal {
        question: question.to_string(),
    }
}

/// The `answered` event of quiz "events-test" in `attempt`: `question` answered with `choices`.
fn answered(attempt: u32, question: &str, choices: &[&str], correct: bool) -> QuizEvent {
    QuizEvent::Answered {
        quiz_id: "events-test".to_string(),
        attempt,
        question_id: question.to_string(),
        choice_ids: choices.iter().map(|c| c.to_string()).collect(),
        correct,
    }
}

/// The `revealed` event of quiz "events-test" in `attempt`: `question` revealed with `outcome`.
fn revealed(attempt: u32, question: &str, outcome: Outcome, correct: bool) -> QuizEvent {
    QuizEvent::Revealed {
        quiz_id: "events-test".to_string(),
        attempt,
        question_id: question.to_string(),
        outcome,
        correct,
    }
}

/// The `completed` event of quiz "events-test" (3 points available) at the end of `attempt`.
fn completed(attempt: u32, score: &str, percentage: u8, passed: bool, band: Option<&str>) -> QuizEvent {
    QuizEvent::Completed {
        quiz_id: "events-test".to_string(),
        attempt,
        score: score.to_string(),
        max: 3,
        percentage,
        passed,
        band: band.map(str::to_string),
    }
}

/// The `retried` event of quiz "events-test" that begins `attempt`.
fn retried(attempt: u32) -> QuizEvent {
    QuizEvent::Retried {
        quiz_id: "events-test".to_string(),
        attempt,
    }
}

fn names(events: &[QuizEvent]) -> Vec<&'static str> {
    events.iter().map(QuizEvent::name).collect()
}

/// The keys of a serialized event, sorted.
fn keys(event: &QuizEvent) -> BTreeSet<String> {
    match serde_json::to_value(event).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("an event serializes to an object, got {other}"),
    }
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

// ---------------------------------------------------------------------------------------
// Start

#[test]
fn start_reports_exactly_one_started_event() {
    let mut s = session(json!({}));
    let events = apply(&mut s, &Action::Start);
    assert_eq!(
        events,
        [QuizEvent::Started {
            quiz_id: "events-test".to_string(),
            attempt: 0,
            questions: 3,
        }]
    );
    assert_eq!(events[0].name(), "started");
}

#[test]
fn started_counts_the_questions_drawn_not_the_pool() {
    let mut s = Session::new(load(&quiz_json("drawn", json!({ "draw": 2 }), 5)), 7);
    let events = apply(&mut s, &Action::Start);
    assert_eq!(
        events,
        [QuizEvent::Started {
            quiz_id: "drawn".to_string(),
            attempt: 0,
            questions: 2,
        }]
    );
}

#[test]
fn a_second_start_is_refused_and_changes_nothing() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &Action::Next);
    assert_refused(&mut s, &Action::Start, ErrorKind::InvalidState);
}

#[test]
fn actions_before_start_are_refused_and_change_nothing() {
    let mut s = session(json!({}));
    for action in [
        answer("q1", &["a"]),
        reveal("q1"),
        Action::Next,
        Action::Back,
        Action::Finish,
        Action::Retry,
    ] {
        assert_refused(&mut s, &action, ErrorKind::InvalidState);
    }
}

// ---------------------------------------------------------------------------------------
// Answer

#[test]
fn a_correct_answer_reports_one_answered_event_marked_correct() {
    let mut s = started(json!({}));
    let events = apply(&mut s, &answer("q1", &["a"]));
    assert_eq!(events, [answered(0, "q1", &["a"], true)]);
}

#[test]
fn a_wrong_answer_reports_answered_marked_not_correct() {
    let mut s = started(json!({}));
    let events = apply(&mut s, &answer("q1", &["c"]));
    assert_eq!(events, [answered(0, "q1", &["c"], false)]);
}

#[test]
fn answered_lists_the_choices_in_file_order_whatever_order_they_were_given_in() {
    let mut s = started(json!({}));
    let events = apply(&mut s, &answer("q2", &["b", "a"]));
    assert_eq!(events, [answered(0, "q2", &["a", "b"], true)]);
    let events = apply(&mut s, &answer("q2", &["d", "b", "c"]));
    let QuizEvent::Answered {
        choice_ids, correct, ..
    } = &events[0]
    else {
        panic!("expected answered, got {events:?}");
    };
    assert_eq!(choice_ids, &["b", "c", "d"]);
    assert!(!correct);
}

#[test]
fn answered_lists_the_choices_in_file_order_even_when_they_are_shown_shuffled() {
    let mut s = started(json!({ "shuffle_choices": true }));
    let shown: Vec<String> = s.slot(1).unwrap().choices.iter().map(|c| c.id.clone()).collect();
    assert_ne!(shown, ["a", "b", "c", "d"], "the seed should shuffle q2's choices");
    let given: Vec<&str> = shown.iter().map(String::as_str).collect();
    let events = apply(&mut s, &answer("q2", &given));
    let QuizEvent::Answered {
        choice_ids, correct, ..
    } = &events[0]
    else {
        panic!("expected answered, got {events:?}");
    };
    assert_eq!(choice_ids, &["a", "b", "c", "d"]);
    assert!(!correct);
}

#[test]
fn a_partly_right_multiple_answer_under_h5p_is_not_correct() {
    let mut s = started(json!({ "policy": "h5p" }));
    let events = apply(&mut s, &answer("q2", &["a"]));
    assert_eq!(events, [answered(0, "q2", &["a"], false)]);
    // Every correct choice plus a wrong one still earns only part of the points.
    let events = apply(&mut s, &answer("q2", &["a", "b", "c"]));
    assert!(
        matches!(events[..], [QuizEvent::Answered { correct: false, .. }]),
        "{events:?}"
    );
    let events = apply(&mut s, &answer("q2", &["a", "b"]));
    assert!(
        matches!(events[..], [QuizEvent::Answered { correct: true, .. }]),
        "{events:?}"
    );
}

#[test]
fn clearing_an_answer_reports_answered_with_no_choices_and_not_correct() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    let events = apply(&mut s, &answer("q1", &[]));
    assert_eq!(events, [answered(0, "q1", &[], false)]);
}

#[test]
fn an_answer_with_an_unknown_choice_is_refused_and_changes_nothing() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q2", &["a"]));
    assert_refused(&mut s, &answer("q2", &["b", "z"]), ErrorKind::UnknownChoice);
    assert_eq!(s.slot(1).unwrap().selected, ["a"]);
}

#[test]
fn invalid_answers_are_refused_and_change_nothing() {
    let mut s = started(json!({}));
    assert_refused(&mut s, &answer("q9", &["a"]), ErrorKind::UnknownQuestion);
    assert_refused(&mut s, &answer("q1", &["a", "b"]), ErrorKind::InvalidAnswer);
    assert_refused(&mut s, &answer("q2", &["a", "a"]), ErrorKind::InvalidAnswer);
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &reveal("q1"));
    assert_refused(&mut s, &answer("q1", &["b"]), ErrorKind::InvalidState);
}

// ---------------------------------------------------------------------------------------
// Reveal

#[test]
fn reveal_reports_one_revealed_event_with_the_outcome() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    let events = apply(&mut s, &reveal("q1"));
    assert_eq!(events, [revealed(0, "q1", Outcome::Correct, true)]);
    assert_eq!(events[0].name(), "revealed");
}

#[test]
fn revealing_a_wrong_answer_reports_outcome_wrong() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q3", &["b"]));
    let events = apply(&mut s, &reveal("q3"));
    assert_eq!(events, [revealed(0, "q3", Outcome::Wrong, false)]);
}

#[test]
fn revealing_a_partly_right_answer_reports_outcome_partial() {
    let mut s = started(json!({ "policy": "h5p" }));
    apply(&mut s, &answer("q2", &["b"]));
    let events = apply(&mut s, &reveal("q2"));
    assert_eq!(events, [revealed(0, "q2", Outcome::Partial, false)]);
}

#[test]
fn revealing_again_reports_nothing() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    assert_eq!(apply(&mut s, &reveal("q1")).len(), 1);
    let before = s.snapshot();
    assert_eq!(apply(&mut s, &reveal("q1")), []);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn invalid_reveals_are_refused_and_change_nothing() {
    let mut s = started(json!({}));
    assert_refused(&mut s, &reveal("q1"), ErrorKind::InvalidAnswer);
    assert_refused(&mut s, &reveal("q9"), ErrorKind::UnknownQuestion);

    let mut end = started(json!({ "reveal": "end" }));
    apply(&mut end, &answer("q1", &["a"]));
    assert_refused(&mut end, &reveal("q1"), ErrorKind::InvalidState);
}

// ---------------------------------------------------------------------------------------
// Next / Back

#[test]
fn next_and_back_report_nothing() {
    let mut s = started(json!({}));
    assert_eq!(apply(&mut s, &Action::Next), []);
    assert_eq!(s.position(), 1);
    assert_eq!(apply(&mut s, &Action::Next), []);
    assert_eq!(s.position(), 2);
    assert_eq!(apply(&mut s, &Action::Back), []);
    assert_eq!(s.position(), 1);
}

#[test]
fn next_at_the_last_question_and_back_at_the_first_are_refused_and_change_nothing() {
    let mut s = started(json!({}));
    assert_refused(&mut s, &Action::Back, ErrorKind::InvalidState);
    apply(&mut s, &answer("q3", &["a"]));
    apply(&mut s, &Action::Next);
    apply(&mut s, &Action::Next);
    assert_refused(&mut s, &Action::Next, ErrorKind::InvalidState);
    assert_eq!(s.position(), 2);
}

// ---------------------------------------------------------------------------------------
// Finish

#[test]
fn finish_reports_one_completed_event_with_the_result() {
    let mut s = started(json!({ "policy": "h5p" }));
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &answer("q2", &["a"]));
    let events = apply(&mut s, &Action::Finish);
    assert_eq!(events, [completed(0, "1.5", 50, true, Some("High"))]);
    assert_eq!(events[0].name(), "completed");
}

#[test]
fn completed_reports_a_failing_result_and_its_band() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &answer("q3", &["b"]));
    let events = apply(&mut s, &Action::Finish);
    assert_eq!(events, [completed(0, "1", 33, false, Some("Low"))]);
}

#[test]
fn completed_rounds_the_score_down_to_two_places() {
    // Under every_decision, picking a, b and c on q2 gets 3 of its 4 decisions right.
    let mut s = started(json!({ "policy": "every_decision" }));
    apply(&mut s, &answer("q2", &["a", "b", "c"]));
    let events = apply(&mut s, &Action::Finish);
    let QuizEvent::Completed { score, percentage, .. } = &events[0] else {
        panic!("expected completed, got {events:?}");
    };
    assert_eq!(score, "0.75");
    assert_eq!(*percentage, 25);

    let doc = quiz_doc(
        "thirds",
        json!({ "policy": "h5p" }),
        vec![question("q1", "multiple", CHOICES, &["a", "b", "c"])],
    );
    // Two of three correct choices under h5p: 2/3 of a point, rounded down.
    let mut s = Session::new(load(&doc), 1);
    apply(&mut s, &Action::Start);
    apply(&mut s, &answer("q1", &["a", "b"]));
    let events = apply(&mut s, &Action::Finish);
    let QuizEvent::Completed { score, percentage, .. } = &events[0] else {
        panic!("expected completed, got {events:?}");
    };
    assert_eq!(score, "0.66");
    assert_eq!(*percentage, 66);
}

#[test]
fn completed_has_no_band_when_the_quiz_has_none() {
    let mut s = Session::new(load(&quiz_doc("no-bands", json!({}), pool(3, CHOICES))), 1);
    apply(&mut s, &Action::Start);
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &answer("q2", &["a", "b"]));
    apply(&mut s, &answer("q3", &["a"]));
    let events = apply(&mut s, &Action::Finish);
    assert_eq!(
        events,
        [QuizEvent::Completed {
            quiz_id: "no-bands".to_string(),
            attempt: 0,
            score: "3".to_string(),
            max: 3,
            percentage: 100,
            passed: true,
            band: None,
        }]
    );
    assert_eq!(serde_json::to_value(&events[0]).unwrap()["band"], Value::Null);
}

#[test]
fn finishing_again_reports_nothing() {
    let mut s = started(json!({}));
    assert_eq!(names(&apply(&mut s, &Action::Finish)), ["completed"]);
    let before = s.snapshot();
    assert_eq!(apply(&mut s, &Action::Finish), []);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn actions_after_finish_are_refused_and_change_nothing() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &Action::Finish);
    for action in [
        Action::Start,
        answer("q1", &["b"]),
        reveal("q1"),
        Action::Next,
        Action::Back,
    ] {
        assert_refused(&mut s, &action, ErrorKind::InvalidState);
    }
}

// ---------------------------------------------------------------------------------------
// Retry

#[test]
fn retry_reports_exactly_one_retried_event_and_no_started() {
    let mut s = started(json!({}));
    apply(&mut s, &Action::Finish);
    let events = apply(&mut s, &Action::Retry);
    assert_eq!(events, [retried(1)]);
    assert_eq!(events[0].name(), "retried");
}

#[test]
fn retry_in_the_middle_of_an_attempt_reports_one_retried_event() {
    let mut s = started(json!({}));
    apply(&mut s, &answer("q1", &["a"]));
    assert_eq!(apply(&mut s, &Action::Retry), [retried(1)]);
}

#[test]
fn events_after_a_retry_carry_the_new_attempt_number() {
    let mut s = started(json!({}));
    apply(&mut s, &Action::Finish);
    apply(&mut s, &Action::Retry);
    assert_eq!(apply(&mut s, &answer("q1", &["a"])), [answered(1, "q1", &["a"], true)]);
    assert_eq!(
        apply(&mut s, &reveal("q1")),
        [revealed(1, "q1", Outcome::Correct, true)]
    );
    assert_eq!(
        apply(&mut s, &Action::Finish),
        [completed(1, "1", 33, false, Some("Low"))]
    );
    assert_eq!(apply(&mut s, &Action::Retry), [retried(2)]);
}

// ---------------------------------------------------------------------------------------
// A whole run

#[test]
fn a_full_run_reports_its_events_in_order() {
    let mut s = session(json!({}));
    let events = apply_all(
        &mut s,
        [
            Action::Start,
            answer("q1", &["b"]),
            answer("q1", &["a"]),
            reveal("q1"),
            Action::Next,
            answer("q2", &["a", "b"]),
            reveal("q2"),
            reveal("q2"),
            Action::Next,
            Action::Back,
            Action::Next,
            answer("q3", &["a"]),
            reveal("q3"),
            Action::Finish,
            Action::Finish,
            Action::Retry,
        ],
    );
    assert_eq!(
        names(&events),
        [
            "started",
            "answered",
            "answered",
            "revealed",
            "answered",
            "revealed",
            "answered",
            "revealed",
            "completed",
            "retried",
        ]
    );
    let attempts: Vec<u32> = events
        .iter()
        .map(|e| serde_json::to_value(e).unwrap()["attempt"].as_u64().unwrap() as u32)
        .collect();
    assert_eq!(attempts, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert!(matches!(events.last(), Some(QuizEvent::Retried { attempt: 1, .. })));
    assert!(matches!(
        &events[8],
        QuizEvent::Completed { score, passed: true, .. } if score == "3"
    ));
}

// ---------------------------------------------------------------------------------------
// JSON form

/// One event of each type, from a real run.
fn one_of_each() -> Vec<QuizEvent> {
    let mut s = session(json!({}));
    let events = apply_all(
        &mut s,
        [
            Action::Start,
            answer("q2", &["b", "a"]),
            reveal("q2"),
            Action::Finish,
            Action::Retry,
        ],
    );
    assert_eq!(
        names(&events),
        ["started", "answered", "revealed", "completed", "retried"]
    );
    events
}

#[test]
fn events_serialize_to_the_documented_js_schema() {
    let values: Vec<Value> = one_of_each().iter().map(|e| serde_json::to_value(e).unwrap()).collect();
    assert_eq!(
        values,
        [
            json!({ "type": "started", "quizId": "events-test", "attempt": 0, "questions": 3 }),
            json!({
                "type": "answered",
                "quizId": "events-test",
                "attempt": 0,
                "questionId": "q2",
                "choiceIds": ["a", "b"],
                "correct": true
            }),
            json!({
                "type": "revealed",
                "quizId": "events-test",
                "attempt": 0,
                "questionId": "q2",
                "outcome": "correct",
                "correct": true
            }),
            json!({
                "type": "completed",
                "quizId": "events-test",
                "attempt": 0,
                "score": "1",
                "max": 3,
                "percentage": 33,
                "passed": false,
                "band": "Low"
            }),
            json!({ "type": "retried", "quizId": "events-test", "attempt": 1 }),
        ]
    );
}

#[test]
fn each_event_type_has_exactly_its_documented_keys() {
    let events = one_of_each();
    let expected = [
        set(&["type", "quizId", "attempt", "questions"]),
        set(&["type", "quizId", "attempt", "questionId", "choiceIds", "correct"]),
        set(&["type", "quizId", "attempt", "questionId", "outcome", "correct"]),
        set(&[
            "type",
            "quizId",
            "attempt",
            "score",
            "max",
            "percentage",
            "passed",
            "band",
        ]),
        set(&["type", "quizId", "attempt"]),
    ];
    for (event, expected) in events.iter().zip(expected) {
        assert_eq!(keys(event), expected, "{}", event.name());
    }
}

#[test]
fn the_type_field_is_the_event_name() {
    for event in one_of_each() {
        assert_eq!(serde_json::to_value(&event).unwrap()["type"], event.name());
    }
}

#[test]
fn outcomes_serialize_as_snake_case_words() {
    let outcome = |settings: Value, question: &str, choices: &[&str]| -> Value {
        let mut s = started(settings);
        apply(&mut s, &answer(question, choices));
        let events = apply(&mut s, &reveal(question));
        serde_json::to_value(&events[0]).unwrap()["outcome"].clone()
    };
    assert_eq!(outcome(json!({}), "q1", &["a"]), "correct");
    assert_eq!(outcome(json!({ "policy": "h5p" }), "q2", &["a"]), "partial");
    assert_eq!(outcome(json!({}), "q1", &["c"]), "wrong");
}

#[test]
fn an_outcome_is_named_as_serde_writes_it() {
    for outcome in [Outcome::Correct, Outcome::Partial, Outcome::Wrong, Outcome::Unanswered] {
        assert_eq!(serde_json::to_value(outcome).unwrap(), outcome.name());
    }
}

#[test]
fn the_score_is_decimal_text_in_json() {
    let mut s = started(json!({ "policy": "h5p" }));
    apply(&mut s, &answer("q1", &["a"]));
    apply(&mut s, &answer("q2", &["b"]));
    let events = apply(&mut s, &Action::Finish);
    let value = serde_json::to_value(&events[0]).unwrap();
    assert_eq!(value["score"], json!("1.5"));
    assert_eq!(value["max"], json!(3));
    assert_eq!(value["percentage"], json!(50));
    assert_eq!(value["passed"], json!(true));
    assert_eq!(value["band"], json!("High"));
}
