#![cfg(not(target_arch = "wasm32"))]
//! Properties of scoring over random quizzes: totals stay in 0–max and pass exactly at the
//! mark, every policy matches the rules written in `reader_quiz::scoring`, the correct set
//! earns full points, and no order (of ids, of the file, of a shuffled session) changes a score.

mod common;

use std::sync::Arc;

use common::{low_high_bands, parse, quiz_doc, with_bands};
use proptest::prelude::*;
use reader_quiz::{Outcome, Policy, Quiz, QuizResult, Ratio, Session};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Random quizzes

/// One choice; whether each extra is used depends on the policy.
#[derive(Debug, Clone)]
struct ChoiceSpec {
    correct: bool,
    /// Its `h5p` weight, 1–5.
    weight: u32,
    /// For an explicit `moodle` fraction of a correct choice: its share of the +1 (1–5).
    share: u32,
    /// For an explicit `moodle` fraction of a wrong choice: `-num/den`, `0 ≤ num ≤ den ≤ 4`.
    minus: (u32, u32),
}

#[derive(Debug, Clone)]
struct QuestionSpec {
    id: String,
    multiple: bool,
    choices: Vec<ChoiceSpec>,
    points: u32,
    /// The question's own policy (used only for a multiple-answer question).
    policy: Option<Policy>,
    /// Whether the choices carry explicit fractions (used only when scored under `moodle`).
    explicit_fractions: bool,
    /// The picked choice indices, in the order the reader gives them.
    picks: Vec<usize>,
    /// A permutation of the choice indices: the file order of [`Layout::file_order`].
    file_order: Vec<usize>,
}

impl QuestionSpec {
    fn correct_set(&self) -> Vec<usize> {
        (0..self.choices.len()).filter(|&i| self.choices[i].correct).collect()
    }
}

#[derive(Debug, Clone)]
struct QuizSpec {
    policy: Policy,
    /// `settings.wrong_penalty` as `num/den`, when given.
    wrong_penalty: Option<(u32, u32)>,
    pass_mark: u8,
    questions: Vec<QuestionSpec>,
}

impl QuizSpec {
    fn penalty(&self) -> Ratio {
        self.wrong_penalty
            .map_or(Ratio::ZERO, |(n, d)| r(i64::from(n), i64::from(d)))
    }
}

fn r(num: i64, den: i64) -> Ratio {
    Ratio::new(num, den).unwrap()
}

fn policy() -> impl Strategy<Value = Policy> {
    prop::sample::select(Policy::ALL.to_vec())
}

/// `(num, den)` with `0 ≤ num ≤ den`, `1 ≤ den ≤ 4`.
fn small_fraction() -> impl Strategy<Value = (u32, u32)> {
    (1u32..=4).prop_flat_map(|den| (0..=den, Just(den)))
}

fn question_spec() -> impl Strategy<Value = QuestionSpec> {
    (2usize..=8, any::<bool>()).prop_flat_map(|(n, multiple)| {
        let all: Vec<usize> = (0..n).collect();
        let correct = if multiple {
            (prop::collection::vec(any::<bool>(), n), 0..n)
                .prop_map(|(mut correct, k)| {
                    if !correct.contains(&true) {
                        correct[k] = true;
                    }
                    correct
                })
                .boxed()
        } else {
            (0..n)
                .prop_map(move |k| (0..n).map(|i| i == k).collect::<Vec<bool>>())
                .boxed()
        };
        let picks = if multiple {
            prop::sample::subsequence(all.clone(), 0..=n).prop_shuffle().boxed()
        } else {
            prop::option::of(0..n)
                .prop_map(|pick| pick.into_iter().collect::<Vec<usize>>())
                .boxed()
        };
        (
            correct,
            prop::collection::vec((1u32..=5, 1u32..=5, small_fraction()), n),
            1u32..=5,
            prop::option::weighted(0.3, policy()),
            any::<bool>(),
            picks,
            Just(all).prop_shuffle(),
        )
            .prop_map(
                move |(correct, extras, points, policy, explicit_fractions, picks, file_order)| QuestionSpec {
                    id: String::new(),
                    multiple,
                    choices: correct
                        .into_iter()
                        .zip(extras)
                        .map(|(correct, (weight, share, minus))| ChoiceSpec {
                            correct,
                            weight,
                            share,
                            minus,
                        })
                        .collect(),
                    points,
                    policy,
                    explicit_fractions,
                    picks,
                    file_order,
                },
            )
    })
}

/// 1–4 questions: few enough that the common denominator of all their scores stays far below
/// the validator's limit, whatever the weights, fractions and choice counts.
fn quiz_spec() -> impl Strategy<Value = QuizSpec> {
    (
        policy(),
        prop::option::of(small_fraction()),
        0u8..=100,
        prop::collection::vec(question_spec(), 1..=4),
    )
        .prop_map(|(policy, wrong_penalty, pass_mark, mut questions)| {
            for (i, q) in questions.iter_mut().enumerate() {
                q.id = format!("q{i}");
            }
            QuizSpec {
                policy,
                wrong_penalty,
                pass_mark,
                questions,
            }
        })
}

// ---------------------------------------------------------------------------------------
// Building quizzes from the specs

/// How a spec is written out as questions.json.
#[derive(Debug, Clone, Default)]
struct Layout {
    /// Score every question under this policy, ignoring the questions' own policies.
    policy: Option<Policy>,
    /// Write each question's choices in its `file_order` instead of index order.
    file_order: bool,
    shuffle_questions: bool,
    shuffle_choices: bool,
}

fn choice_id(i: usize) -> String {
    format!("c{i}")
}

/// The policy `q` is scored under when `spec` is written with `layout`.
fn effective_policy(spec: &QuizSpec, q: &QuestionSpec, layout: &Layout) -> Policy {
    match layout.policy {
        Some(p) => p,
        None if q.multiple => q.policy.unwrap_or(spec.policy),
        None => spec.policy,
    }
}

/// Whether `q` carries explicit moodle fractions when written with `layout`.
fn explicit(spec: &QuizSpec, q: &QuestionSpec, layout: &Layout) -> bool {
    q.multiple && q.explicit_fractions && effective_policy(spec, q, layout) == Policy::Moodle
}

/// Whether `q`'s choices are written with their weights: only where `h5p` reads them, as
/// validation refuses them elsewhere.
fn weighted(spec: &QuizSpec, q: &QuestionSpec, layout: &Layout) -> bool {
    q.multiple && effective_policy(spec, q, layout) == Policy::H5p
}

/// The explicit moodle fraction of choice `i` of `q`.
fn explicit_fraction(q: &QuestionSpec, i: usize) -> Ratio {
    let c = &q.choices[i];
    if c.correct {
        let shares: u32 = q.choices.iter().filter(|c| c.correct).map(|c| c.share).sum();
        r(i64::from(c.share), i64::from(shares))
    } else {
        r(-i64::from(c.minus.0), i64::from(c.minus.1))
    }
}

fn quiz_json(spec: &QuizSpec, layout: &Layout) -> Value {
    let mut settings = json!({
        "policy": layout.policy.unwrap_or(spec.policy).name(),
        "pass_mark": spec.pass_mark,
        "shuffle_questions": layout.shuffle_questions,
        "shuffle_choices": layout.shuffle_choices,
    });
    if let Some((n, d)) = spec.wrong_penalty {
        settings["wrong_penalty"] = json!(format!("{n}/{d}"));
    }
    let questions = spec
        .questions
        .iter()
        .map(|q| {
            let n = q.choices.len();
            let order: Vec<usize> = if layout.file_order {
                q.file_order.clone()
            } else {
                (0..n).collect()
            };
            let with_fractions = explicit(spec, q, layout);
            let with_weights = weighted(spec, q, layout);
            let choices: Vec<Value> = order
                .iter()
                .map(|&i| {
                    let c = &q.choices[i];
                    let mut choice = json!({
                        "id": choice_id(i),
                        "text": format!("Choice {i}"),
                        "correct": c.correct,
                    });
                    if with_weights {
                        choice["weight"] = json!(c.weight);
                    }
                    if with_fractions {
                        choice["fraction"] = json!(explicit_fraction(q, i).to_string());
                    }
                    choice
                })
                .collect();
            let mut question = json!({
                "id": q.id,
                "kind": if q.multiple { "multiple" } else { "single" },
                "prompt": format!("Question {}?", q.id),
                "choices": choices,
                "explanation": format!("Explanation of {}.", q.id),
                "points": q.points,
            });
            if layout.policy.is_none() && q.multiple {
                if let Some(p) = q.policy {
                    question["policy"] = json!(p.name());
                }
            }
            question
        })
        .collect();
    with_bands(quiz_doc("scoring-properties", settings, questions), low_high_bands())
}

fn build(spec: &QuizSpec, layout: &Layout) -> Quiz {
    parse(&quiz_json(spec, layout))
}

/// Every question of `spec` answered with `pick(question)` (choice indices), by id.
fn answers(spec: &QuizSpec, pick: impl Fn(&QuestionSpec) -> Vec<usize>) -> Vec<(String, Vec<String>)> {
    spec.questions
        .iter()
        .map(|q| (q.id.clone(), pick(q).into_iter().map(choice_id).collect()))
        .collect()
}

fn score(quiz: &Quiz, answers: &[(String, Vec<String>)]) -> QuizResult {
    let borrowed: Vec<(&str, Vec<&str>)> = answers
        .iter()
        .map(|(q, c)| (q.as_str(), c.iter().map(String::as_str).collect()))
        .collect();
    let result = quiz.score(&borrowed).unwrap_or_else(|e| panic!("{e}"));
    // The quick totals-only path must always agree with the detailed one.
    let totals = quiz.score_totals(&borrowed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (totals.points, totals.max, totals.percentage, totals.passed),
        (result.points, result.max, result.percentage, result.passed)
    );
    result
}

/// A started session on `quiz` (seed `seed`) with every question answered by id.
fn answered_session(quiz: &Arc<Quiz>, seed: u64, answers: &[(String, Vec<String>)]) -> Session {
    let mut session = Session::new(quiz.clone(), seed);
    session.start().unwrap();
    for (question, choices) in answers {
        let ids: Vec<&str> = choices.iter().map(String::as_str).collect();
        session.answer(question, &ids).unwrap();
    }
    session
}

// ---------------------------------------------------------------------------------------
// The rules of `reader_quiz::scoring`, restated

/// The credit `picks` earns on `q` under `policy`, straight from the module docs.
fn expected_credit(spec: &QuizSpec, q: &QuestionSpec, layout: &Layout, picks: &[usize]) -> Ratio {
    if picks.is_empty() {
        return Ratio::ZERO;
    }
    let choices = &q.choices;
    let n = choices.len();
    let picked = |i: usize| picks.contains(&i);
    if !q.multiple {
        return if choices[picks[0]].correct {
            Ratio::ONE
        } else {
            -spec.penalty()
        };
    }
    let right_picked = (0..n).filter(|&i| choices[i].correct && picked(i)).count();
    let wrong_picked = (0..n).filter(|&i| !choices[i].correct && picked(i)).count();
    let right_left = (0..n).filter(|&i| !choices[i].correct && !picked(i)).count();
    let correct_left = (0..n).filter(|&i| choices[i].correct && !picked(i)).count();
    let errors = wrong_picked + correct_left;
    match effective_policy(spec, q, layout) {
        Policy::AllOrNothing => Ratio::from_int(i64::from(errors == 0)),
        Policy::H5p => {
            let weight = |f: &dyn Fn(usize) -> bool| -> i64 {
                (0..n).filter(|&i| f(i)).map(|i| i64::from(choices[i].weight)).sum()
            };
            let got = weight(&|i| choices[i].correct && picked(i)) - weight(&|i| !choices[i].correct && picked(i));
            r(got.max(0), weight(&|i| choices[i].correct))
        }
        Policy::Moodle => {
            let k = choices.iter().filter(|c| c.correct).count() as i64;
            let m = n as i64 - k;
            let fraction = |i: usize| {
                if explicit(spec, q, layout) {
                    explicit_fraction(q, i)
                } else if choices[i].correct {
                    r(1, k)
                } else {
                    r(-1, m.max(1))
                }
            };
            picks
                .iter()
                .fold(Ratio::ZERO, |sum, &i| sum + fraction(i))
                .clamp(Ratio::ZERO, Ratio::ONE)
        }
        Policy::EveryDecision => r((right_picked + right_left) as i64, n as i64),
        Policy::Halves => match errors {
            0 => Ratio::ONE,
            1 if n >= 3 => r(1, 2),
            2 if n >= 5 => r(1, 4),
            _ => Ratio::ZERO,
        },
    }
}

fn expected_outcome(picks: &[usize], credit: Ratio) -> Outcome {
    if picks.is_empty() {
        Outcome::Unanswered
    } else if credit == Ratio::ONE {
        Outcome::Correct
    } else if credit > Ratio::ZERO {
        Outcome::Partial
    } else {
        Outcome::Wrong
    }
}

/// The quiz-level invariants of any result: 0 ≤ points ≤ max, the floored percentage, the pass
/// mark reached exactly, the band of the percentage.
fn check_totals(result: &QuizResult, pass_mark: u8) -> Result<(), TestCaseError> {
    let max = Ratio::from_int(i64::try_from(result.max).unwrap());
    prop_assert!(result.max > 0);
    prop_assert!(Ratio::ZERO <= result.points && result.points <= max, "{result:?}");
    prop_assert!(result.percentage <= 100);
    // Worked out here in 128 bits: the engine divides in 64.
    let (num, den) = (i128::from(result.points.numer()), i128::from(result.points.denom()));
    let max = i128::from(result.max);
    prop_assert_eq!(i128::from(result.percentage), (num * 100).div_euclid(den * max));
    prop_assert_eq!(
        result.passed,
        num * 100 >= i128::from(pass_mark) * max * den,
        "pass mark {}: {:?}",
        pass_mark,
        result
    );
    let band = result.band.as_ref().map(|b| b.title.as_str());
    prop_assert_eq!(band, Some(if result.percentage < 50 { "Low" } else { "High" }));
    prop_assert_eq!(
        result.correct_count,
        result
            .questions
            .iter()
            .filter(|q| q.outcome == Outcome::Correct)
            .count()
    );
    Ok(())
}

/// The points and outcome of each question, by question id.
fn per_question(result: &QuizResult) -> Vec<(String, Ratio, Outcome)> {
    let mut all: Vec<_> = result
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.points, q.outcome))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

// ---------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Each question earns what the written rule says; the total is their sum clamped to 0–max,
    /// with the floored percentage, and passes exactly when it reaches the pass mark.
    #[test]
    fn every_score_follows_the_written_rules_and_stays_in_range(spec in quiz_spec()) {
        let layout = Layout::default();
        let quiz = build(&spec, &layout);
        let result = score(&quiz, &answers(&spec, |q| q.picks.clone()));
        prop_assert_eq!(result.questions.len(), spec.questions.len());
        let mut sum = Ratio::ZERO;
        for (q, got) in spec.questions.iter().zip(&result.questions) {
            let credit = expected_credit(&spec, q, &layout, &q.picks);
            let points = credit * Ratio::from_int(i64::from(q.points));
            prop_assert_eq!(&got.id, &q.id);
            prop_assert_eq!(got.points, points, "question {:?}", q);
            prop_assert_eq!(got.outcome, expected_outcome(&q.picks, credit), "question {:?}", q);
            prop_assert_eq!(got.max, q.points);
            sum = sum + points;
        }
        let max: u32 = spec.questions.iter().map(|q| q.points).sum();
        prop_assert_eq!(result.max, u64::from(max));
        prop_assert_eq!(result.points, sum.clamp(Ratio::ZERO, Ratio::from_int(i64::from(max))));
        check_totals(&result, spec.pass_mark)?;
    }

    /// Picking exactly the correct set earns full points under every policy.
    #[test]
    fn the_correct_set_earns_full_points_under_every_policy(spec in quiz_spec(), reverse in any::<bool>()) {
        for policy in Policy::ALL {
            let quiz = build(&spec, &Layout { policy: Some(policy), ..Layout::default() });
            let result = score(&quiz, &answers(&spec, |q| {
                let mut set = q.correct_set();
                if reverse {
                    set.reverse();
                }
                set
            }));
            for (q, got) in spec.questions.iter().zip(&result.questions) {
                prop_assert_eq!(got.outcome, Outcome::Correct, "{} on {:?}", policy.name(), q);
                prop_assert_eq!(got.points, Ratio::from_int(i64::from(q.points)));
            }
            prop_assert_eq!(result.points, Ratio::from_int(i64::try_from(result.max).unwrap()));
            prop_assert_eq!(result.percentage, 100);
            prop_assert!(result.passed);
            prop_assert_eq!(result.correct_count, spec.questions.len());
        }
    }

    /// Under all_or_nothing, one choice too many or too few earns nothing.
    #[test]
    fn all_or_nothing_gives_nothing_for_one_choice_off(spec in quiz_spec()) {
        let layout = Layout { policy: Some(Policy::AllOrNothing), ..Layout::default() };
        let quiz = build(&spec, &layout);
        for q in spec.questions.iter().filter(|q| q.multiple) {
            for flip in 0..q.choices.len() {
                let mut picks = q.correct_set();
                match picks.iter().position(|&i| i == flip) {
                    Some(at) => { picks.remove(at); }
                    None => picks.push(flip),
                }
                let result = score(&quiz, &[(q.id.clone(), picks.iter().copied().map(choice_id).collect())]);
                let got = result.questions.iter().find(|r| r.id == q.id).unwrap();
                prop_assert_eq!(got.points, Ratio::ZERO, "{:?} with {:?}", q, picks);
                let outcome = if picks.is_empty() { Outcome::Unanswered } else { Outcome::Wrong };
                prop_assert_eq!(got.outcome, outcome);
            }
        }
    }

    /// An empty selection earns 0 and is unanswered, under every policy.
    #[test]
    fn an_empty_selection_scores_nothing(spec in quiz_spec()) {
        for policy in Policy::ALL {
            let quiz = build(&spec, &Layout { policy: Some(policy), ..Layout::default() });
            let result = score(&quiz, &answers(&spec, |_| Vec::new()));
            for got in &result.questions {
                prop_assert_eq!(got.points, Ratio::ZERO);
                prop_assert_eq!(got.outcome, Outcome::Unanswered);
                prop_assert!(got.selected.is_empty());
            }
            prop_assert_eq!(result.points, Ratio::ZERO);
            prop_assert_eq!(result.passed, spec.pass_mark == 0);
            check_totals(&result, spec.pass_mark)?;
        }
    }

    /// The order in which the picked ids are given changes nothing.
    #[test]
    fn the_order_of_the_picked_ids_does_not_matter(spec in quiz_spec()) {
        let quiz = build(&spec, &Layout::default());
        let given = score(&quiz, &answers(&spec, |q| q.picks.clone()));
        let sorted = score(&quiz, &answers(&spec, |q| {
            let mut picks = q.picks.clone();
            picks.sort_unstable();
            picks
        }));
        let reversed = score(&quiz, &answers(&spec, |q| q.picks.iter().rev().copied().collect()));
        prop_assert_eq!(&given, &sorted);
        prop_assert_eq!(&given, &reversed);
    }

    /// Reordering the choices in the file changes no score: the same ids earn the same points.
    #[test]
    fn the_file_order_of_the_choices_does_not_matter(spec in quiz_spec()) {
        let picks = answers(&spec, |q| q.picks.clone());
        let in_order = score(&build(&spec, &Layout::default()), &picks);
        let reordered = score(&build(&spec, &Layout { file_order: true, ..Layout::default() }), &picks);
        prop_assert_eq!(per_question(&in_order), per_question(&reordered));
        prop_assert_eq!(in_order.points, reordered.points);
        prop_assert_eq!(in_order.percentage, reordered.percentage);
        prop_assert_eq!(in_order.passed, reordered.passed);
        for (a, b) in in_order.questions.iter().zip(&reordered.questions) {
            let mut x = a.selected.clone();
            let mut y = b.selected.clone();
            x.sort();
            y.sort();
            prop_assert_eq!(x, y);
        }
    }

    /// A session scores what `Quiz::score` does, whatever its shuffles and seed.
    #[test]
    fn shuffles_and_seeds_do_not_change_the_score(
        spec in quiz_spec(),
        shuffle_questions in any::<bool>(),
        shuffle_choices in any::<bool>(),
        seeds in (any::<u64>(), any::<u64>()),
    ) {
        let picks = answers(&spec, |q| q.picks.clone());
        let expected = score(&build(&spec, &Layout::default()), &picks);
        let quiz = Arc::new(build(&spec, &Layout { shuffle_questions, shuffle_choices, ..Layout::default() }));
        for seed in [seeds.0, seeds.1] {
            let mut session = answered_session(&quiz, seed, &picks);
            session.finish().unwrap();
            let result = session.result();
            prop_assert_eq!(result.points, expected.points, "seed {}", seed);
            prop_assert_eq!(result.percentage, expected.percentage);
            prop_assert_eq!(result.passed, expected.passed);
            prop_assert_eq!(per_question(&result), per_question(&expected));
        }
    }

    /// A snapshot restores a session with the same result and the same snapshot.
    #[test]
    fn a_restored_snapshot_scores_the_same(
        spec in quiz_spec(),
        shuffle in any::<bool>(),
        seed in any::<u64>(),
        reveal in prop::collection::vec(any::<bool>(), 4),
        stop in 0u8..3,
    ) {
        let picks = answers(&spec, |q| q.picks.clone());
        let layout = Layout { shuffle_questions: shuffle, shuffle_choices: shuffle, ..Layout::default() };
        let quiz = Arc::new(build(&spec, &layout));
        let mut session = Session::new(quiz.clone(), seed);
        if stop > 0 {
            session = answered_session(&quiz, seed, &picks);
            for (q, reveal) in spec.questions.iter().zip(reveal) {
                if reveal && !q.picks.is_empty() {
                    session.reveal(&q.id).unwrap();
                }
            }
            for _ in 0..stop {
                // Moving past the last question is refused; the position then stays put.
                let _ = session.next_question();
            }
        }
        if stop > 1 {
            session.finish().unwrap();
        }
        let snapshot = session.snapshot();
        let restored = Session::restore(quiz, &snapshot).unwrap_or_else(|e| panic!("{e}: {snapshot}"));
        prop_assert_eq!(restored.result(), session.result());
        prop_assert_eq!(restored.snapshot(), snapshot);
        prop_assert_eq!(restored.phase(), session.phase());
        prop_assert_eq!(restored.position(), session.position());
    }

    /// Retrying starts from nothing: 0 points and every question unanswered.
    #[test]
    fn a_retry_starts_from_nothing(spec in quiz_spec(), seed in any::<u64>(), finish in any::<bool>()) {
        let picks = answers(&spec, |q| q.picks.clone());
        let quiz = Arc::new(build(&spec, &Layout { shuffle_questions: true, ..Layout::default() }));
        let mut session = answered_session(&quiz, seed, &picks);
        if finish {
            session.finish().unwrap();
        }
        session.retry().unwrap();
        let result = session.result();
        prop_assert_eq!(result.points, Ratio::ZERO);
        prop_assert_eq!(result.correct_count, 0);
        prop_assert_eq!(result.questions.len(), spec.questions.len());
        for got in &result.questions {
            prop_assert_eq!(got.outcome, Outcome::Unanswered);
            prop_assert_eq!(got.points, Ratio::ZERO);
        }
        check_totals(&result, spec.pass_mark)?;
    }
}
