#![cfg(not(target_arch = "wasm32"))]
//! The session as a state machine: random sequences of actions and restores keep every
//! invariant (refused calls change nothing, positions and scores stay in range, snapshots
//! round-trip, foreign or damaged snapshots are refused), and a reference model agrees.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use common::{load, quiz_doc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use reader_quiz::{Action, ErrorKind, Kind, Phase, Quiz, QuizEvent, Ratio, Reveal, Session};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Random quizzes

const LETTERS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

#[derive(Debug, Clone)]
struct QuestionSpec {
    multiple: bool,
    /// Which of its 2–5 choices `a`, `b`, … are correct.
    correct: Vec<bool>,
}

#[derive(Debug, Clone)]
struct QuizSpec {
    pool: Vec<QuestionSpec>,
    /// `settings.draw`, when given: 1..=pool.
    draw: Option<usize>,
    shuffle_questions: bool,
    shuffle_choices: bool,
    reveal_end: bool,
    seed: u64,
}

fn question_spec() -> impl Strategy<Value = QuestionSpec> {
    (2usize..=5, any::<bool>()).prop_flat_map(|(n, multiple)| {
        (prop::collection::vec(any::<bool>(), n), 0..n).prop_map(move |(mut correct, k)| {
            if !multiple {
                correct = vec![false; n];
            }
            if !multiple || !correct.contains(&true) {
                correct[k] = true;
            }
            QuestionSpec { multiple, correct }
        })
    })
}

fn quiz_spec() -> impl Strategy<Value = QuizSpec> {
    prop::collection::vec(question_spec(), 3..=8).prop_flat_map(|pool| {
        let n = pool.len();
        (
            Just(pool),
            prop::option::of(1..=n),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<u64>(),
        )
            .prop_map(
                |(pool, draw, shuffle_questions, shuffle_choices, reveal_end, seed)| QuizSpec {
                    pool,
                    draw,
                    shuffle_questions,
                    shuffle_choices,
                    reveal_end,
                    seed,
                },
            )
    })
}

/// The quiz `id` for `spec`; `explanation` replaces the first question's explanation.
fn quiz_json(spec: &QuizSpec, id: &str, explanation: Option<&str>) -> Value {
    let mut settings = json!({
        "shuffle_questions": spec.shuffle_questions,
        "shuffle_choices": spec.shuffle_choices,
        "reveal": if spec.reveal_end { "end" } else { "each" },
        "policy": "halves",
        "pass_mark": 60,
    });
    if let Some(draw) = spec.draw {
        settings["draw"] = json!(draw);
    }
    let questions = spec
        .pool
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let choices: Vec<Value> = q
                .correct
                .iter()
                .enumerate()
                .map(|(j, &correct)| json!({ "id": LETTERS[j], "text": format!("Choice {j}"), "correct": correct }))
                .collect();
            let default = format!("Explanation of q{i}.");
            json!({
                "id": format!("q{i}"),
                "kind": if q.multiple { "multiple" } else { "single" },
                "prompt": format!("Question {i}?"),
                "choices": choices,
                "explanation": if i == 0 { explanation.unwrap_or(&default) } else { &default },
            })
        })
        .collect();
    quiz_doc(id, settings, questions)
}

/// The quiz under test, the same quiz under another id, and an edited version of it.
struct Quizzes {
    quiz: Arc<Quiz>,
    other: Arc<Quiz>,
    edited: Arc<Quiz>,
}

impl Quizzes {
    fn new(spec: &QuizSpec) -> Quizzes {
        Quizzes {
            quiz: load(&quiz_json(spec, "machine", None)),
            other: load(&quiz_json(spec, "machine-other", None)),
            edited: load(&quiz_json(spec, "machine", Some("A corrected explanation."))),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Random operations

/// A way to damage a valid snapshot so that it must be refused.
#[derive(Debug, Clone, Copy)]
enum Tamper {
    Version,
    PositionPastEnd,
    DropSlot,
    ExtraSlot,
    RepeatQuestion,
    UnknownQuestion,
    OrderNotPermutation,
    ChoiceOutOfRange,
    UnsortedChoices,
    RevealedUnanswered,
    AnsweredInIntro,
    UnknownField,
    QuizId,
}

/// The question an answer or a reveal names.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// The question at the session's current position.
    Current,
    /// Question `q<i>` of the pool (`i` modulo the pool's size), which may not be in the attempt.
    Pool(usize),
    /// An id no question has.
    Unknown,
}

#[derive(Debug, Clone)]
enum Op {
    Start,
    /// A choice `None` is unknown; an index past the question's choices names a letter it
    /// does not have.
    Answer(Target, Vec<Option<usize>>),
    Reveal(Target),
    Next,
    Back,
    Finish,
    Retry,
    RestoreOwn,
    /// The snapshot cut to this share (in thousandths) of its length.
    RestoreTruncated(u16),
    RestoreFromOtherQuiz,
    RestoreFromEditedQuiz,
    RestoreGarbage(String),
    RestoreTampered(Tamper),
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop::sample::select(vec![
        Tamper::Version,
        Tamper::PositionPastEnd,
        Tamper::DropSlot,
        Tamper::ExtraSlot,
        Tamper::RepeatQuestion,
        Tamper::UnknownQuestion,
        Tamper::OrderNotPermutation,
        Tamper::ChoiceOutOfRange,
        Tamper::UnsortedChoices,
        Tamper::RevealedUnanswered,
        Tamper::AnsweredInIntro,
        Tamper::UnknownField,
        Tamper::QuizId,
    ])
}

fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "\\{\"v\":1,\\PC{0,30}",
        Just(String::new()),
        Just("null".to_string()),
        Just("{}".to_string()),
        Just("[]".to_string()),
        Just("{\"v\":1}".to_string()),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        6 => Just(Target::Current),
        3 => (0usize..8).prop_map(Target::Pool),
        1 => Just(Target::Unknown),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    // Mostly letters every question has (a–b), sometimes ones it may lack, rarely no letter.
    let choice = prop::option::weighted(0.97, prop_oneof![6 => 0usize..2, 1 => 0usize..LETTERS.len()]);
    let choices = prop_oneof![
        4 => prop::collection::vec(choice.clone(), 1..=1),
        3 => prop::collection::vec(choice, 0..=3),
    ];
    prop_oneof![
        4 => Just(Op::Start),
        10 => (target(), choices).prop_map(|(q, c)| Op::Answer(q, c)),
        5 => target().prop_map(Op::Reveal),
        5 => Just(Op::Next),
        2 => Just(Op::Back),
        2 => Just(Op::Finish),
        2 => Just(Op::Retry),
        1 => Just(Op::RestoreOwn),
        1 => (0u16..1000).prop_map(Op::RestoreTruncated),
        1 => Just(Op::RestoreFromOtherQuiz),
        1 => Just(Op::RestoreFromEditedQuiz),
        1 => garbage().prop_map(Op::RestoreGarbage),
        1 => tamper().prop_map(Op::RestoreTampered),
    ]
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 0..=60)
}

/// The reader action `op` stands for on `session`; `None` for a restore.
fn action(op: &Op, session: &Session) -> Option<Action> {
    let question_id = |q: &Target| match q {
        Target::Current => session.current().question.id.clone(),
        Target::Pool(i) => format!("q{}", i % session.quiz().questions().len()),
        Target::Unknown => "nope".to_string(),
    };
    Some(match op {
        Op::Start => Action::Start,
        Op::Answer(q, choices) => Action::Answer {
            question: question_id(q),
            choices: choices
                .iter()
                .map(|c| c.map_or("nope", |c| LETTERS[c]).to_string())
                .collect(),
        },
        Op::Reveal(q) => Action::Reveal {
            question: question_id(q),
        },
        Op::Next => Action::Next,
        Op::Back => Action::Back,
        Op::Finish => Action::Finish,
        Op::Retry => Action::Retry,
        _ => return None,
    })
}

/// `snapshot` damaged as `how` says.
fn tampered(snapshot: &str, how: Tamper, quiz: &Quiz) -> String {
    let mut v: Value = serde_json::from_str(snapshot).unwrap();
    let len = v["slots"].as_array().unwrap().len();
    let question = v["slots"][0][0].as_u64().unwrap() as usize;
    let choices = quiz.questions()[question].choices.len();
    match how {
        Tamper::Version => v["v"] = json!(2),
        Tamper::PositionPastEnd => v["pos"] = json!(len),
        Tamper::DropSlot => {
            v["slots"].as_array_mut().unwrap().pop();
        }
        Tamper::ExtraSlot => {
            let unused = (0..quiz.questions().len()).find(|i| {
                v["slots"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|s| s[0].as_u64() != Some(*i as u64))
            });
            let extra = unused.unwrap_or(question);
            let n = quiz.questions()[extra].choices.len();
            v["slots"]
                .as_array_mut()
                .unwrap()
                .push(json!([extra, (0..n).collect::<Vec<_>>(), [], false]));
        }
        Tamper::RepeatQuestion => {
            let first = v["slots"][0].clone();
            match v["slots"].as_array_mut().unwrap().get_mut(1) {
                Some(second) => *second = first,
                None => v["slots"].as_array_mut().unwrap().push(first),
            }
        }
        Tamper::UnknownQuestion => v["slots"][0][0] = json!(quiz.questions().len()),
        Tamper::OrderNotPermutation => v["slots"][0][1][0] = v["slots"][0][1][1].clone(),
        Tamper::ChoiceOutOfRange => v["slots"][0][2] = json!([choices]),
        Tamper::UnsortedChoices => v["slots"][0][2] = json!([1, 0]),
        Tamper::RevealedUnanswered => {
            v["slots"][0][2] = json!([]);
            v["slots"][0][3] = json!(true);
        }
        Tamper::AnsweredInIntro => {
            v["phase"] = json!("intro");
            v["pos"] = json!(0);
            for slot in v["slots"].as_array_mut().unwrap() {
                slot[3] = json!(false);
            }
            v["slots"][0][2] = json!([0]);
        }
        Tamper::UnknownField => v["extra"] = json!(1),
        Tamper::QuizId => v["quiz"] = json!("machine-other"),
    }
    v.to_string()
}

// ---------------------------------------------------------------------------------------
// Invariants

/// The ids of the questions of the current attempt, in the order shown.
fn attempt_ids(s: &Session) -> Vec<String> {
    (0..s.len()).map(|p| s.slot(p).unwrap().question.id.clone()).collect()
}

/// What holds after every step, whatever happened.
fn check_invariants(s: &Session, quiz: &Arc<Quiz>) -> Result<(), TestCaseError> {
    prop_assert_eq!(s.len(), quiz.questions_per_attempt());
    prop_assert!(!s.is_empty());
    prop_assert!(s.position() < s.len(), "position {} of {}", s.position(), s.len());
    prop_assert!(s.slot(s.len()).is_none());
    let ids: BTreeSet<String> = attempt_ids(s).into_iter().collect();
    prop_assert_eq!(ids.len(), s.len(), "a question appears twice");
    let result = s.result();
    prop_assert!(result.points >= Ratio::ZERO);
    prop_assert!(result.points <= Ratio::from_int(i64::try_from(result.max).unwrap()));
    prop_assert_eq!(result.questions.len(), s.len());
    let snapshot = s.snapshot();
    let restored = Session::restore(quiz.clone(), &snapshot);
    prop_assert!(restored.is_ok(), "{:?}: {}", restored.err(), snapshot);
    prop_assert_eq!(restored.unwrap().snapshot(), snapshot);
    for p in 0..s.len() {
        let slot = s.slot(p).unwrap();
        let mut shown: Vec<&str> = slot.choices.iter().map(|c| c.id.as_str()).collect();
        shown.sort_unstable();
        let mut all: Vec<&str> = slot.question.choices.iter().map(|c| c.id.as_str()).collect();
        all.sort_unstable();
        prop_assert_eq!(shown, all, "the choices shown are not the question's");
        if slot.question.kind == Kind::Single {
            prop_assert!(slot.selected.len() <= 1);
        }
        match s.phase() {
            Phase::Finished => prop_assert!(slot.revealed, "an unrevealed slot once finished"),
            Phase::Intro => {
                prop_assert!(slot.selected.is_empty(), "an answer on the intro screen");
                prop_assert!(!slot.revealed);
            }
            Phase::Answering => {
                if quiz.settings().reveal == Reveal::End {
                    prop_assert!(!slot.revealed, "revealed before the end");
                }
                if slot.revealed {
                    prop_assert!(!slot.selected.is_empty(), "revealed without an answer");
                }
            }
        }
    }
    if s.phase() == Phase::Intro {
        prop_assert_eq!(s.position(), 0);
    }
    Ok(())
}

/// Checks the events a successful `action` returned; `before` is the session before it.
fn check_events(action: &Action, events: &[QuizEvent], before: &Session, after: &Session) -> Result<(), TestCaseError> {
    let names: Vec<&str> = events.iter().map(QuizEvent::name).collect();
    match action {
        Action::Start => {
            prop_assert_eq!(
                events,
                &[QuizEvent::Started {
                    quiz_id: "machine".into(),
                    attempt: after.attempt(),
                    questions: after.len(),
                }]
            );
        }
        Action::Answer { question, .. } => {
            prop_assert_eq!(names, ["answered"]);
            let p = attempt_ids(after).iter().position(|id| id == question).unwrap();
            let slot = after.slot(p).unwrap();
            let QuizEvent::Answered {
                question_id,
                choice_ids,
                correct,
                ..
            } = &events[0]
            else {
                unreachable!()
            };
            prop_assert_eq!(question_id, question);
            prop_assert_eq!(choice_ids, &slot.selected);
            let outcome = after.result().questions[p].outcome;
            prop_assert_eq!(*correct, outcome == reader_quiz::Outcome::Correct);
        }
        Action::Reveal { question } => {
            let p = attempt_ids(before).iter().position(|id| id == question).unwrap();
            if before.slot(p).unwrap().revealed {
                prop_assert_eq!(names, Vec::<&str>::new());
            } else {
                prop_assert_eq!(names, ["revealed"]);
            }
        }
        Action::Next | Action::Back => prop_assert!(events.is_empty()),
        Action::Finish => {
            if before.phase() == Phase::Finished {
                prop_assert!(events.is_empty(), "a second finish reported {:?}", names);
            } else {
                prop_assert_eq!(before.phase(), Phase::Answering);
                let result = after.result();
                prop_assert_eq!(
                    events,
                    &[QuizEvent::Completed {
                        quiz_id: "machine".into(),
                        attempt: after.attempt(),
                        score: result.points_text,
                        max: result.max,
                        percentage: result.percentage,
                        passed: result.passed,
                        band: None,
                    }]
                );
            }
        }
        Action::Retry => {
            prop_assert_eq!(after.attempt(), before.attempt() + 1);
            prop_assert_eq!(
                events,
                &[QuizEvent::Retried {
                    quiz_id: "machine".into(),
                    attempt: after.attempt(),
                }]
            );
            check_retry(before, after)?;
        }
    }
    Ok(())
}

/// A retry starts a fresh attempt at its first question, showing as many questions the last
/// attempt did not show as it can.
fn check_retry(before: &Session, after: &Session) -> Result<(), TestCaseError> {
    prop_assert_eq!(after.phase(), Phase::Answering);
    prop_assert_eq!(after.position(), 0);
    for p in 0..after.len() {
        let slot = after.slot(p).unwrap();
        prop_assert!(slot.selected.is_empty() && !slot.revealed);
    }
    let pool = after.quiz().questions().len();
    let shown: BTreeSet<String> = attempt_ids(before).into_iter().collect();
    let now: BTreeSet<String> = attempt_ids(after).into_iter().collect();
    let fresh = now.difference(&shown).count();
    prop_assert_eq!(
        fresh,
        after.len().min(pool - shown.len()),
        "{:?} after {:?}",
        now,
        shown
    );
    Ok(())
}

/// Runs `ops` on a new session of `spec`'s quiz, checking every invariant after every step,
/// and, when `model` is set, that the reference model agrees.
fn run(spec: &QuizSpec, ops: &[Op], with_model: bool) -> Result<(), TestCaseError> {
    let quizzes = Quizzes::new(spec);
    let quiz = &quizzes.quiz;
    let mut session = Session::new(quiz.clone(), spec.seed);
    // Sessions on the same quiz under another id and on an edited version of it: driven by
    // the same actions, they hold the same state, so their snapshots are "the same snapshot
    // of another quiz".
    let mut other = Session::new(quizzes.other.clone(), spec.seed);
    let mut edited = Session::new(quizzes.edited.clone(), spec.seed);
    let mut model = Model::new(&session);
    check_invariants(&session, quiz)?;
    for (step, op) in ops.iter().enumerate() {
        let before = session.clone();
        let snapshot = session.snapshot();
        let action = action(op, &session);
        let outcome: Result<(), ErrorKind> = if let Some(action) = &action {
            let result = session.apply(action);
            let mirrored = (other.apply(action), edited.apply(action));
            prop_assert_eq!(mirrored.0.is_ok(), result.is_ok(), "step {}: {:?}", step, op);
            prop_assert_eq!(mirrored.1.is_ok(), result.is_ok(), "step {}: {:?}", step, op);
            match result {
                Ok(event) => {
                    check_events(action, event.as_slice(), &before, &session)?;
                    Ok(())
                }
                Err(e) => Err(e.kind()),
            }
        } else {
            let (text, target) = match op {
                Op::RestoreOwn => (snapshot.clone(), quiz.clone()),
                Op::RestoreTruncated(share) => {
                    let cut = snapshot.len() * usize::from(*share) / 1000;
                    (snapshot[..cut].to_string(), quiz.clone())
                }
                Op::RestoreFromOtherQuiz => (other.snapshot(), quiz.clone()),
                Op::RestoreFromEditedQuiz => (edited.snapshot(), quiz.clone()),
                Op::RestoreGarbage(text) => (text.clone(), quiz.clone()),
                Op::RestoreTampered(how) => (tampered(&snapshot, *how, quiz), quiz.clone()),
                _ => unreachable!(),
            };
            match Session::restore(target, &text) {
                Ok(restored) => {
                    prop_assert!(
                        matches!(op, Op::RestoreOwn),
                        "step {}: {:?} was accepted: {}",
                        step,
                        op,
                        text
                    );
                    prop_assert_eq!(restored.snapshot(), snapshot.clone());
                    session = restored;
                    Ok(())
                }
                Err(e) => {
                    prop_assert_eq!(e.kind(), ErrorKind::Snapshot, "step {}: {:?}: {}", step, op, e);
                    prop_assert!(!matches!(op, Op::RestoreOwn), "own snapshot refused: {} ({})", e, text);
                    Err(e.kind())
                }
            }
        };
        if outcome.is_err() {
            prop_assert_eq!(
                session.snapshot(),
                snapshot,
                "step {}: refused {:?} changed the session",
                step,
                op
            );
        }
        check_invariants(&session, quiz)?;
        if with_model {
            let expected = model.apply(op, action, quiz, &session);
            prop_assert_eq!(outcome, expected, "step {}: {:?}", step, op);
            model.check(&session, step)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The reference model

/// What a session should be: phase, position, attempt, and the answers by question id.
#[derive(Debug)]
struct Model {
    phase: Phase,
    position: usize,
    attempt: u32,
    /// The attempt's question ids in the order shown (the draw is the session's to make).
    questions: Vec<String>,
    answers: BTreeMap<String, BTreeSet<String>>,
    revealed: BTreeSet<String>,
}

impl Model {
    fn new(session: &Session) -> Model {
        Model {
            phase: Phase::Intro,
            position: 0,
            attempt: 0,
            questions: attempt_ids(session),
            answers: BTreeMap::new(),
            revealed: BTreeSet::new(),
        }
    }

    fn answering(&self) -> Result<(), ErrorKind> {
        if self.phase == Phase::Answering {
            Ok(())
        } else {
            Err(ErrorKind::InvalidState)
        }
    }

    fn in_attempt(&self, question: &str) -> Result<(), ErrorKind> {
        if self.questions.iter().any(|q| q == question) {
            Ok(())
        } else {
            Err(ErrorKind::UnknownQuestion)
        }
    }

    /// Carries out `op` (as `action`, when it is one) as the model understands it; `session`
    /// is consulted only for the new draw of a retry.
    fn apply(&mut self, op: &Op, action: Option<Action>, quiz: &Quiz, session: &Session) -> Result<(), ErrorKind> {
        let Some(action) = action else {
            // A restore either re-creates this very state or is refused.
            return if matches!(op, Op::RestoreOwn) {
                Ok(())
            } else {
                Err(ErrorKind::Snapshot)
            };
        };
        match action {
            Action::Start => {
                if self.phase != Phase::Intro {
                    return Err(ErrorKind::InvalidState);
                }
                self.phase = Phase::Answering;
            }
            Action::Answer { question, choices } => {
                self.answering()?;
                self.in_attempt(&question)?;
                if self.revealed.contains(&question) {
                    return Err(ErrorKind::InvalidState);
                }
                let q = quiz.question(&question).unwrap();
                let mut picked = BTreeSet::new();
                for c in &choices {
                    if q.choice(c).is_none() {
                        return Err(ErrorKind::UnknownChoice);
                    }
                    if !picked.insert(c.clone()) {
                        return Err(ErrorKind::InvalidAnswer);
                    }
                }
                if q.kind == Kind::Single && picked.len() > 1 {
                    return Err(ErrorKind::InvalidAnswer);
                }
                self.answers.insert(question, picked);
            }
            Action::Reveal { question } => {
                self.answering()?;
                self.in_attempt(&question)?;
                if quiz.settings().reveal == Reveal::End {
                    return Err(ErrorKind::InvalidState);
                }
                if !self.answers.get(&question).is_some_and(|a| !a.is_empty()) {
                    return Err(ErrorKind::InvalidAnswer);
                }
                self.revealed.insert(question);
            }
            Action::Next => {
                self.answering()?;
                if self.position + 1 >= self.questions.len() {
                    return Err(ErrorKind::InvalidState);
                }
                self.position += 1;
            }
            Action::Back => {
                self.answering()?;
                if self.position == 0 {
                    return Err(ErrorKind::InvalidState);
                }
                self.position -= 1;
            }
            Action::Finish => {
                if self.phase == Phase::Intro {
                    return Err(ErrorKind::InvalidState);
                }
                self.phase = Phase::Finished;
            }
            Action::Retry => {
                if self.phase == Phase::Intro {
                    return Err(ErrorKind::InvalidState);
                }
                self.phase = Phase::Answering;
                self.position = 0;
                self.attempt += 1;
                self.questions = attempt_ids(session);
                self.answers.clear();
                self.revealed.clear();
            }
        }
        Ok(())
    }

    fn check(&self, s: &Session, step: usize) -> Result<(), TestCaseError> {
        prop_assert_eq!(s.phase(), self.phase, "step {}: phase", step);
        prop_assert_eq!(s.position(), self.position, "step {}: position", step);
        prop_assert_eq!(s.attempt(), self.attempt, "step {}: attempt", step);
        prop_assert_eq!(&attempt_ids(s), &self.questions, "step {}: questions", step);
        for (p, id) in self.questions.iter().enumerate() {
            let slot = s.slot(p).unwrap();
            let selected: BTreeSet<String> = slot.selected.iter().map(|c| c.to_string()).collect();
            let expected = self.answers.get(id).cloned().unwrap_or_default();
            prop_assert_eq!(selected, expected, "step {}: answer to {}", step, id);
            let revealed = self.phase == Phase::Finished || self.revealed.contains(id);
            prop_assert_eq!(slot.revealed, revealed, "step {}: {} revealed", step, id);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Tests

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any sequence of actions and restores keeps every invariant and never panics.
    #[test]
    fn every_sequence_of_calls_keeps_the_invariants(spec in quiz_spec(), ops in ops()) {
        run(&spec, &ops, false)?;
    }
}

/// The session agrees step by step with the reference model, on a fixed set of random runs.
#[test]
fn the_session_follows_the_reference_model() {
    let mut runner = TestRunner::deterministic();
    let cases = (quiz_spec(), ops());
    for case in 0..300 {
        let (spec, ops) = cases.new_tree(&mut runner).unwrap().current();
        if let Err(e) = run(&spec, &ops, true) {
            panic!("case {case}: {e}\nquiz: {spec:?}\nops: {ops:?}");
        }
    }
}

/// A guided run, so that the model comparison surely covers answers, reveals, retries and
/// the end of an attempt, not only what random sequences happen to reach.
#[test]
fn a_full_attempt_and_retry_follow_the_reference_model() {
    let spec = QuizSpec {
        pool: (0..5)
            .map(|i| QuestionSpec {
                multiple: i % 2 == 1,
                correct: vec![true, i % 2 == 1, false, false],
            })
            .collect(),
        draw: Some(3),
        shuffle_questions: true,
        shuffle_choices: true,
        reveal_end: false,
        seed: 7,
    };
    let mut ops = vec![Op::Start, Op::Reveal(Target::Current)];
    for _ in 0..3 {
        ops.extend([
            Op::Answer(Target::Current, vec![Some(0), Some(1)]),
            Op::Answer(Target::Current, vec![Some(0), Some(0)]),
            Op::Answer(Target::Current, vec![Some(4)]),
            Op::Answer(Target::Current, vec![None]),
            Op::Answer(Target::Current, vec![Some(0)]),
            Op::Reveal(Target::Current),
            Op::Answer(Target::Current, vec![Some(1)]),
            Op::Reveal(Target::Current),
            Op::RestoreOwn,
            Op::RestoreTampered(Tamper::RevealedUnanswered),
            Op::Next,
        ]);
    }
    ops.extend([
        Op::Back,
        Op::Finish,
        Op::Finish,
        Op::Next,
        Op::RestoreFromEditedQuiz,
        Op::Retry,
        Op::Retry,
        Op::Finish,
    ]);
    run(&spec, &ops, true).unwrap_or_else(|e| panic!("{e}"));
}
