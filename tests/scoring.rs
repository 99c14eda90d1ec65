//! How answers are scored: every rule of `reader_quiz::scoring`, through `Quiz::score`
//! and `Quiz::score_json`, with exact fractions.

mod common;

use common::{parse, question, quiz_doc, with_bands};
use reader_quiz::{ErrorKind, Location, Outcome, Quiz, QuizResult, Ratio};
use serde_json::{json, Value};

/// A quiz with `settings` and `questions` (see [`question`]), with three result bands:
/// 0–65 "Low", exactly 66 "Sixty-six", 67–100 "High".
fn quiz_json(settings: Value, questions: Vec<Value>) -> Value {
    with_bands(
        quiz_doc("scoring-test", settings, questions),
        json!([
            { "min": 0, "max": 65, "title": "Low", "message": "Read again" },
            { "min": 66, "max": 66, "title": "Sixty-six", "message": "Just so" },
            { "min": 67, "max": 100, "title": "High", "message": "Well done" }
        ]),
    )
}

fn quiz(settings: Value, questions: Vec<Value>) -> Quiz {
    parse(&quiz_json(settings, questions))
}

fn r(num: i64, den: i64) -> Ratio {
    Ratio::new(num, den).unwrap()
}

/// The points the only question `q` of `quiz` earns with `picks`, as a fraction string.
fn points(quiz: &Quiz, picks: &[&str]) -> String {
    let result = quiz.score(&[("q", picks.to_vec())]).unwrap();
    result.questions[0].points.to_string()
}

/// A quiz of one multiple-answer question `q` scored under `policy`.
fn multiple(policy: &str, ids: &[&str], correct: &[&str]) -> Quiz {
    quiz(
        json!({ "policy": policy }),
        vec![question("q", "multiple", ids, correct)],
    )
}

fn score(quiz: &Quiz, answers: &[(&str, Vec<&str>)]) -> QuizResult {
    quiz.score(answers).unwrap_or_else(|e| panic!("{e}"))
}

/// The points question `id` earns with `picks`, as a fraction string.
fn points_of(quiz: &Quiz, id: &str, picks: &[&str]) -> String {
    score(quiz, &[(id, picks.to_vec())]).questions[0].points.to_string()
}

// ---------------------------------------------------------------------------------------
// Single answer

#[test]
fn single_answer_correct_choice_earns_full_points() {
    let quiz = quiz(json!({}), vec![question("q", "single", &["a", "b", "c"], &["b"])]);
    let result = score(&quiz, &[("q", vec!["b"])]);
    let q = &result.questions[0];
    assert_eq!(q.points, Ratio::ONE);
    assert_eq!(q.points_text, "1");
    assert_eq!(q.outcome, Outcome::Correct);
    assert_eq!(q.max, 1);
    assert_eq!(result.points, Ratio::ONE);
    assert_eq!(result.percentage, 100);
    assert_eq!(result.correct_count, 1);
}

#[test]
fn single_answer_wrong_choice_earns_zero_without_a_penalty() {
    let quiz = quiz(json!({}), vec![question("q", "single", &["a", "b", "c"], &["b"])]);
    let result = score(&quiz, &[("q", vec!["a"])]);
    let q = &result.questions[0];
    assert_eq!(q.points, Ratio::ZERO);
    assert_eq!(q.points_text, "0");
    assert_eq!(q.outcome, Outcome::Wrong);
    assert_eq!(result.points, Ratio::ZERO);
    assert_eq!(result.correct_count, 0);
}

#[test]
fn single_answer_unanswered_earns_zero_and_is_unanswered_whether_omitted_or_empty() {
    let quiz = quiz(
        json!({}),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "single", &["a", "b"], &["a"]),
        ],
    );
    // q1 named with no pick, q2 left out: both unanswered.
    let result = score(&quiz, &[("q1", vec![])]);
    assert_eq!(result.questions.len(), 2);
    for q in &result.questions {
        assert_eq!(q.outcome, Outcome::Unanswered, "{}", q.id);
        assert_eq!(q.points, Ratio::ZERO, "{}", q.id);
        assert!(q.selected.is_empty());
    }
    assert_eq!(result.points, Ratio::ZERO);
    assert_eq!(result.max, 2);
    assert_eq!(result.percentage, 0);
}

#[test]
fn points_scale_a_questions_credit() {
    let mut single = question("single", "single", &["a", "b"], &["a"]);
    single["points"] = json!(3);
    let mut multi = question("multi", "multiple", &["a", "b", "c", "d"], &["a", "b"]);
    multi["points"] = json!(3);
    let quiz = quiz(json!({ "policy": "h5p" }), vec![single, multi]);
    let result = score(&quiz, &[("single", vec!["a"]), ("multi", vec!["a"])]);
    assert_eq!(result.questions[0].points, Ratio::from_int(3));
    assert_eq!(result.questions[0].max, 3);
    assert_eq!(result.questions[1].points, r(3, 2));
    assert_eq!(result.questions[1].points_text, "1.5");
    assert_eq!(result.points, r(9, 2));
    assert_eq!(result.max, 6);
    assert_eq!(result.percentage, 75);
}

#[test]
fn wrong_penalty_takes_its_share_of_the_points_off_a_wrong_single_answer() {
    let mut q = question("q", "single", &["a", "b", "c"], &["a"]);
    q["points"] = json!(4);
    let quiz = quiz(json!({ "wrong_penalty": "1/4" }), vec![q]);
    let result = score(&quiz, &[("q", vec!["b"])]);
    let q = &result.questions[0];
    assert_eq!(q.points, Ratio::from_int(-1));
    assert_eq!(q.points_text, "-1");
    assert_eq!(q.outcome, Outcome::Wrong);
    // The right answer still earns full points.
    assert_eq!(points_of(&quiz, "q", &["a"]), "4");
}

#[test]
fn wrong_penalty_of_a_one_point_question_is_minus_the_penalty() {
    let quiz = quiz(
        json!({ "wrong_penalty": "1/4" }),
        vec![question("q", "single", &["a", "b"], &["a"])],
    );
    let result = score(&quiz, &[("q", vec!["b"])]);
    assert_eq!(result.questions[0].points, r(-1, 4));
    assert_eq!(result.questions[0].points_text, "-0.25");
}

#[test]
fn wrong_penalty_does_not_apply_to_an_unanswered_question() {
    let quiz = quiz(
        json!({ "wrong_penalty": "1/4" }),
        vec![question("q", "single", &["a", "b"], &["a"])],
    );
    let result = score(&quiz, &[("q", vec![])]);
    assert_eq!(result.questions[0].points, Ratio::ZERO);
    assert_eq!(result.questions[0].outcome, Outcome::Unanswered);
}

#[test]
fn wrong_penalty_applies_only_to_single_answer_questions() {
    let quiz = quiz(
        json!({ "wrong_penalty": "1/2", "policy": "all_or_nothing" }),
        vec![question("q", "multiple", &["a", "b", "c"], &["a", "b"])],
    );
    assert_eq!(points(&quiz, &["c"]), "0");
}

#[test]
fn wrong_penalties_are_subtracted_from_the_quiz_total() {
    let quiz = quiz(
        json!({ "wrong_penalty": "1/4" }),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "single", &["a", "b"], &["a"]),
        ],
    );
    let result = score(&quiz, &[("q1", vec!["a"]), ("q2", vec!["b"])]);
    assert_eq!(result.points, r(3, 4));
    assert_eq!(result.points_text, "0.75");
    assert_eq!(result.percentage, 37);
}

#[test]
fn quiz_total_is_clamped_at_zero_never_negative() {
    let quiz = quiz(
        json!({ "wrong_penalty": "1/4" }),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "single", &["a", "b"], &["a"]),
        ],
    );
    let result = score(&quiz, &[("q1", vec!["b"]), ("q2", vec!["b"])]);
    // Each question keeps its own negative points ...
    assert_eq!(result.questions[0].points, r(-1, 4));
    assert_eq!(result.questions[1].points, r(-1, 4));
    // ... but the total never goes below zero.
    assert_eq!(result.points, Ratio::ZERO);
    assert_eq!(result.points_text, "0");
    assert_eq!(result.percentage, 0);
    assert!(!result.passed);
    assert_eq!(result.band.unwrap().title, "Low");
}

// ---------------------------------------------------------------------------------------
// all_or_nothing

#[test]
fn all_or_nothing_gives_full_points_only_for_exactly_the_correct_set() {
    let quiz = multiple("all_or_nothing", &["a", "b", "c", "d"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a", "b"]), "1");
    assert_eq!(points(&quiz, &["b", "a"]), "1");
    assert_eq!(points(&quiz, &["a"]), "0", "subset");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "0", "superset");
    assert_eq!(points(&quiz, &["c", "d"]), "0", "disjoint");
    assert_eq!(points(&quiz, &["a", "b", "c", "d"]), "0", "everything");
}

#[test]
fn all_or_nothing_is_the_default_policy() {
    let quiz = quiz(
        json!({}),
        vec![question("q", "multiple", &["a", "b", "c"], &["a", "b"])],
    );
    assert_eq!(points(&quiz, &["a"]), "0");
    assert_eq!(points(&quiz, &["a", "b"]), "1");
}

#[test]
fn all_or_nothing_outcomes_are_correct_or_wrong_never_partial() {
    let quiz = multiple("all_or_nothing", &["a", "b", "c"], &["a", "b"]);
    let outcome = |picks: Vec<&str>| score(&quiz, &[("q", picks)]).questions[0].outcome;
    assert_eq!(outcome(vec!["a", "b"]), Outcome::Correct);
    assert_eq!(outcome(vec!["a"]), Outcome::Wrong);
    assert_eq!(outcome(vec![]), Outcome::Unanswered);
}

// ---------------------------------------------------------------------------------------
// h5p

#[test]
fn h5p_matches_the_published_vectors() {
    // A and B correct of A–D.
    let quiz = multiple("h5p", &["a", "b", "c", "d"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a"]), "1/2");
    assert_eq!(points(&quiz, &["a", "c"]), "0");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "1/2");
    assert_eq!(points(&quiz, &["a", "b"]), "1");
}

#[test]
fn h5p_subtracts_a_wrong_pick_and_floors_at_zero() {
    let quiz = multiple("h5p", &["a", "b", "c", "d"], &["a", "b"]);
    assert_eq!(points(&quiz, &["c"]), "0");
    assert_eq!(points(&quiz, &["c", "d"]), "0");
    assert_eq!(points(&quiz, &["a", "c", "d"]), "0", "1 - 2 floors at 0");
    assert_eq!(points(&quiz, &["a", "b", "c", "d"]), "0");
}

#[test]
fn h5p_partial_credit_is_a_partial_outcome() {
    let quiz = multiple("h5p", &["a", "b", "c", "d"], &["a", "b"]);
    let result = score(&quiz, &[("q", vec!["a"])]);
    assert_eq!(result.questions[0].outcome, Outcome::Partial);
    assert_eq!(result.questions[0].points_text, "0.5");
    assert_eq!(result.correct_count, 0);
}

#[test]
fn h5p_weights_change_the_fractions() {
    let mut q = question("q", "multiple", &["a", "b", "c", "d"], &["a", "b"]);
    q["choices"][0]["weight"] = json!(2); // a: correct, weight 2
    q["choices"][3]["weight"] = json!(3); // d: wrong, weight 3
    let quiz = quiz(json!({ "policy": "h5p" }), vec![q]);
    // The correct weights add up to 3.
    assert_eq!(points(&quiz, &["a"]), "2/3");
    assert_eq!(points(&quiz, &["b"]), "1/3");
    assert_eq!(points(&quiz, &["a", "c"]), "1/3");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "2/3");
    assert_eq!(points(&quiz, &["a", "b", "d"]), "0");
    assert_eq!(points(&quiz, &["a", "d"]), "0", "2 - 3 floors at 0");
    assert_eq!(points(&quiz, &["a", "b"]), "1");
}

// ---------------------------------------------------------------------------------------
// moodle

fn moodle_with_fractions() -> Quiz {
    let mut q = question("q", "multiple", &["a", "b", "c", "d"], &["a", "b"]);
    for (i, f) in ["1/2", "1/2", "-1/2", "-1"].into_iter().enumerate() {
        q["choices"][i]["fraction"] = json!(f);
    }
    quiz(json!({ "policy": "moodle" }), vec![q])
}

#[test]
fn moodle_adds_the_picked_choices_fractions() {
    let quiz = moodle_with_fractions();
    assert_eq!(points(&quiz, &["a"]), "1/2");
    assert_eq!(points(&quiz, &["a", "b"]), "1");
    assert_eq!(points(&quiz, &["a", "c"]), "0");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "1/2");
}

#[test]
fn moodle_clamps_a_negative_sum_to_zero() {
    let quiz = moodle_with_fractions();
    assert_eq!(points(&quiz, &["a", "d"]), "0", "1/2 - 1");
    assert_eq!(points(&quiz, &["c", "d"]), "0", "-3/2");
    assert_eq!(points(&quiz, &["a", "b", "c", "d"]), "0", "1 - 3/2");
    assert_eq!(points(&quiz, &["a", "b", "d"]), "0", "1 - 1");
}

#[test]
fn moodle_never_exceeds_full_credit() {
    // The positive fractions of a valid question add up to exactly 1, so picking every
    // positive choice is the most a reader can earn.
    let quiz = moodle_with_fractions();
    let result = score(&quiz, &[("q", vec!["a", "b"])]);
    assert_eq!(result.questions[0].points, Ratio::ONE);
    assert_eq!(result.questions[0].outcome, Outcome::Correct);
}

#[test]
fn moodle_default_fractions_share_plus_one_among_correct_and_minus_one_among_wrong() {
    // 2 correct (+1/2 each) and 3 wrong (-1/3 each).
    let quiz = multiple("moodle", &["a", "b", "c", "d", "e"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a"]), "1/2");
    assert_eq!(points(&quiz, &["a", "b"]), "1");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "2/3");
    assert_eq!(points(&quiz, &["a", "c"]), "1/6");
    assert_eq!(points(&quiz, &["a", "c", "d"]), "0", "1/2 - 2/3 clamps to 0");
    assert_eq!(points(&quiz, &["c"]), "0");
    assert_eq!(points(&quiz, &["a", "b", "c", "d", "e"]), "0", "1 - 1");
}

// ---------------------------------------------------------------------------------------
// every_decision

#[test]
fn every_decision_counts_correct_picked_plus_wrong_left_over_all_choices() {
    let quiz = multiple("every_decision", &["a", "b", "c", "d"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a"]), "3/4");
    assert_eq!(points(&quiz, &["a", "c"]), "1/2");
    assert_eq!(points(&quiz, &["c", "d"]), "0");
    assert_eq!(points(&quiz, &["c"]), "1/4");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "3/4");
    assert_eq!(points(&quiz, &["a", "b"]), "1");
}

#[test]
fn every_decision_unanswered_earns_zero_not_the_wrong_choices_left() {
    let quiz = multiple("every_decision", &["a", "b", "c", "d"], &["a", "b"]);
    let result = score(&quiz, &[("q", vec![])]);
    assert_eq!(result.questions[0].points, Ratio::ZERO);
    assert_eq!(result.questions[0].outcome, Outcome::Unanswered);
}

// ---------------------------------------------------------------------------------------
// halves

#[test]
fn halves_gives_full_credit_for_no_error() {
    let quiz = multiple("halves", &["a", "b", "c"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a", "b"]), "1");
}

#[test]
fn halves_one_error_halves_the_credit_with_at_least_three_choices() {
    let quiz = multiple("halves", &["a", "b", "c"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a"]), "1/2", "a correct choice left");
    assert_eq!(points(&quiz, &["a", "b", "c"]), "1/2", "a wrong choice picked");
}

#[test]
fn halves_one_error_earns_nothing_with_two_choices() {
    let quiz = multiple("halves", &["a", "b"], &["a"]);
    assert_eq!(points(&quiz, &["a"]), "1");
    assert_eq!(points(&quiz, &["a", "b"]), "0");
}

#[test]
fn halves_two_errors_quarter_the_credit_with_at_least_five_choices() {
    let quiz = multiple("halves", &["a", "b", "c", "d", "e"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a", "c"]), "1/4");
    assert_eq!(points(&quiz, &["a", "b", "c", "d"]), "1/4");
    assert_eq!(points(&quiz, &["b"]), "1/2");
}

#[test]
fn halves_two_errors_earn_nothing_with_four_choices() {
    let quiz = multiple("halves", &["a", "b", "c", "d"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a", "c"]), "0");
    assert_eq!(points(&quiz, &["a"]), "1/2");
}

#[test]
fn halves_three_errors_earn_nothing() {
    let quiz = multiple("halves", &["a", "b", "c", "d", "e"], &["a", "b"]);
    assert_eq!(points(&quiz, &["a", "c", "d"]), "0");
    assert_eq!(points(&quiz, &["c"]), "0");
}

// ---------------------------------------------------------------------------------------
// Policy per question

#[test]
fn a_questions_own_policy_overrides_the_quiz_policy() {
    let mut own = question("own", "multiple", &["a", "b", "c", "d", "e"], &["a", "b"]);
    own["policy"] = json!("halves");
    let inherited = question("inherited", "multiple", &["a", "b", "c", "d", "e"], &["a", "b"]);
    let quiz = quiz(json!({ "policy": "h5p" }), vec![own, inherited]);
    let result = score(&quiz, &[("own", vec!["a", "c"]), ("inherited", vec!["a", "c"])]);
    assert_eq!(result.questions[0].points, r(1, 4), "halves: 2 errors of 5 choices");
    assert_eq!(result.questions[1].points, Ratio::ZERO, "h5p: 1 - 1");
    assert_eq!(result.points, r(1, 4));
}

// ---------------------------------------------------------------------------------------
// Quiz totals

/// A multiple-answer question worth 1/3 when `b` is picked (every_decision, 3 choices, `a` correct).
fn third(id: &str) -> Value {
    let mut q = question(id, "multiple", &["a", "b", "c"], &["a"]);
    q["policy"] = json!("every_decision");
    q
}

#[test]
fn quiz_points_add_up_exactly_without_float_drift() {
    let quiz = quiz(json!({}), vec![third("q1"), third("q2"), third("q3")]);
    let result = score(&quiz, &[("q1", vec!["b"]), ("q2", vec!["b"]), ("q3", vec!["b"])]);
    for q in &result.questions {
        assert_eq!(q.points, r(1, 3));
        assert_eq!(q.points_text, "0.33");
    }
    assert_eq!(result.points, Ratio::ONE);
    assert_eq!(result.points_text, "1");
    assert_eq!(result.max, 3);
    assert_eq!(result.percentage, 33);
}

#[test]
fn three_tenths_add_up_to_exactly_three_tenths() {
    // h5p with correct weights 1 and 9: picking the light one earns 1/10.
    let tenth = |id: &str| {
        let mut q = question(id, "multiple", &["a", "b", "c"], &["a", "b"]);
        q["choices"][1]["weight"] = json!(9);
        q
    };
    let quiz = quiz(json!({ "policy": "h5p" }), vec![tenth("q1"), tenth("q2"), tenth("q3")]);
    let result = score(&quiz, &[("q1", vec!["a"]), ("q2", vec!["a"]), ("q3", vec!["a"])]);
    assert_eq!(result.questions[0].points, r(1, 10));
    assert_eq!(result.points, r(3, 10));
    assert_eq!(result.points_text, "0.3");
    assert_eq!(result.percentage, 10);
}

/// One question earning 2/3 of its point with `["a", "b"]`.
fn two_thirds_quiz(pass_mark: u8) -> Quiz {
    quiz(json!({ "pass_mark": pass_mark }), vec![third("q")])
}

#[test]
fn percentage_is_floored() {
    let result = score(&two_thirds_quiz(50), &[("q", vec!["a", "b"])]);
    assert_eq!(result.points, r(2, 3));
    assert_eq!(result.percentage, 66);
}

#[test]
fn points_text_rounds_down_to_two_decimals() {
    let result = score(&two_thirds_quiz(50), &[("q", vec!["a", "b"])]);
    assert_eq!(result.points_text, "0.66");
    assert_eq!(result.questions[0].points_text, "0.66");
}

#[test]
fn pass_is_decided_on_the_exact_score_not_a_rounded_percentage() {
    let answers = [("q", vec!["a", "b"])];
    assert!(!score(&two_thirds_quiz(67), &answers).passed, "2/3 is below 67 %");
    assert!(score(&two_thirds_quiz(66), &answers).passed, "2/3 is above 66 %");
}

#[test]
fn reaching_the_pass_mark_exactly_passes() {
    let quiz = quiz(
        json!({ "pass_mark": 50 }),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "single", &["a", "b"], &["a"]),
        ],
    );
    let result = score(&quiz, &[("q1", vec!["a"]), ("q2", vec!["b"])]);
    assert_eq!(result.percentage, 50);
    assert!(result.passed);
    let result = score(&quiz, &[("q1", vec!["b"]), ("q2", vec!["b"])]);
    assert!(!result.passed);
}

#[test]
fn band_is_the_one_containing_the_floored_percentage() {
    let quiz = two_thirds_quiz(50);
    let band = |picks: Vec<&str>| score(&quiz, &[("q", picks)]).band.unwrap();
    // 2/3 = 66.67 %: floored to 66, not rounded to 67.
    let two_thirds = band(vec!["a", "b"]);
    assert_eq!(two_thirds.title, "Sixty-six");
    assert_eq!(two_thirds.message, "Just so");
    assert_eq!(band(vec!["a"]).title, "High");
    assert_eq!(band(vec!["b"]).title, "Low");
}

#[test]
fn a_quiz_without_bands_has_no_band() {
    let mut doc = quiz_json(json!({}), vec![third("q")]);
    doc.as_object_mut().unwrap().remove("bands");
    let quiz = Quiz::from_json(&doc.to_string()).unwrap();
    assert_eq!(score(&quiz, &[("q", vec!["a"])]).band, None);
}

#[test]
fn correct_count_counts_only_full_credit() {
    let quiz = quiz(
        json!({ "policy": "h5p" }),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "multiple", &["a", "b", "c"], &["a", "b"]),
            question("q3", "multiple", &["a", "b", "c"], &["a", "b"]),
        ],
    );
    let result = score(&quiz, &[("q1", vec!["a"]), ("q2", vec!["a"]), ("q3", vec!["a", "b"])]);
    let outcomes: Vec<Outcome> = result.questions.iter().map(|q| q.outcome).collect();
    assert_eq!(outcomes, [Outcome::Correct, Outcome::Partial, Outcome::Correct]);
    assert_eq!(result.correct_count, 2);
    assert_eq!(result.points, r(5, 2));
}

// ---------------------------------------------------------------------------------------
// Question results

#[test]
fn question_results_list_selected_and_correct_ids_in_file_order() {
    let quiz = multiple("h5p", &["a", "b", "c", "d", "e"], &["b", "d"]);
    let result = score(&quiz, &[("q", vec!["e", "d", "a"])]);
    let q = &result.questions[0];
    assert_eq!(q.id, "q");
    assert_eq!(q.selected, ["a", "d", "e"]);
    assert_eq!(q.correct, ["b", "d"]);
}

#[test]
fn question_results_follow_the_file_order_of_questions_whatever_the_answer_order() {
    let quiz = quiz(
        json!({}),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "single", &["a", "b"], &["a"]),
            question("q3", "single", &["a", "b"], &["a"]),
        ],
    );
    let result = score(&quiz, &[("q3", vec!["a"]), ("q1", vec!["b"])]);
    let ids: Vec<&str> = result.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q1", "q2", "q3"]);
    let outcomes: Vec<Outcome> = result.questions.iter().map(|q| q.outcome).collect();
    assert_eq!(outcomes, [Outcome::Wrong, Outcome::Unanswered, Outcome::Correct]);
}

#[test]
fn question_results_carry_the_feedback_of_picked_choices_only() {
    let mut q = question("q", "multiple", &["a", "b", "c", "d"], &["a", "b"]);
    q["choices"][0]["feedback"] = json!("A is right.");
    q["choices"][1]["feedback"] = json!("B is right too.");
    q["choices"][2]["feedback"] = json!("C is wrong.");
    q["choices"][3]["feedback"] = json!("D is wrong.");
    q["passage"] = json!("https://example.com/article#passage");
    let quiz = quiz(json!({ "policy": "h5p" }), vec![q]);
    let result = score(&quiz, &[("q", vec!["c", "a"])]);
    let q = &result.questions[0];
    let feedback: Vec<(&str, bool, &str)> = q
        .feedback
        .iter()
        .map(|f| (f.choice.as_str(), f.correct, f.text.as_str()))
        .collect();
    assert_eq!(feedback, [("a", true, "A is right."), ("c", false, "C is wrong.")]);
    assert_eq!(q.explanation, "Explanation of q.");
    assert_eq!(q.passage.as_deref(), Some("https://example.com/article#passage"));
}

#[test]
fn a_picked_choice_without_feedback_adds_none() {
    let mut q = question("q", "single", &["a", "b"], &["a"]);
    q["choices"][1]["feedback"] = json!("B is wrong.");
    let quiz = quiz(json!({}), vec![q]);
    assert!(score(&quiz, &[("q", vec!["a"])]).questions[0].feedback.is_empty());
    assert!(score(&quiz, &[("q", vec![])]).questions[0].feedback.is_empty());
}

// ---------------------------------------------------------------------------------------
// Errors

fn two_questions() -> Quiz {
    quiz(
        json!({}),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "multiple", &["a", "b", "c"], &["a", "b"]),
        ],
    )
}

/// The kinds and messages (with locations) of the errors `score` reports.
fn errors(quiz: &Quiz, answers: &[(&str, Vec<&str>)]) -> Vec<(ErrorKind, String)> {
    let errors = quiz.score(answers).expect_err("the answers should be refused");
    errors.into_iter().map(|e| (e.kind(), e.to_string())).collect()
}

#[test]
fn an_answer_to_an_unknown_question_is_refused() {
    let quiz = two_questions();
    let found = quiz.score(&[("nope", vec!["a"])]).unwrap_err();
    assert_eq!(found.len(), 1);
    let error = &found.as_slice()[0];
    assert_eq!(error.kind(), ErrorKind::UnknownQuestion);
    assert_eq!(error.location(), &Location::Path("nope".into()));
    assert_eq!(error.to_string(), "nope: the quiz has no question with this id");
}

#[test]
fn an_answer_naming_an_unknown_choice_is_refused() {
    assert_eq!(
        errors(&two_questions(), &[("q2", vec!["a", "z"])]),
        [(
            ErrorKind::UnknownChoice,
            "q2: question \"q2\" has no choice \"z\"".to_string()
        )]
    );
}

#[test]
fn two_picks_for_a_single_answer_question_are_refused() {
    assert_eq!(
        errors(&two_questions(), &[("q1", vec!["a", "b"])]),
        [(
            ErrorKind::InvalidAnswer,
            "q1: question \"q1\" takes one answer, got 2".to_string()
        )]
    );
}

#[test]
fn answering_the_same_question_twice_is_refused() {
    assert_eq!(
        errors(&two_questions(), &[("q1", vec!["a"]), ("q1", vec!["b"])]),
        [(ErrorKind::InvalidAnswer, "q1: answered twice".to_string())]
    );
}

#[test]
fn picking_the_same_choice_twice_is_refused() {
    assert_eq!(
        errors(&two_questions(), &[("q2", vec!["a", "a"])]),
        [(ErrorKind::InvalidAnswer, "q2: choice \"a\" is listed twice".to_string())]
    );
}

#[test]
fn every_problem_of_one_answers_set_is_reported_at_once() {
    let found = errors(
        &two_questions(),
        &[("nope", vec!["a"]), ("q1", vec!["a", "b"]), ("q2", vec!["z"])],
    );
    let kinds: Vec<ErrorKind> = found.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            ErrorKind::UnknownQuestion,
            ErrorKind::InvalidAnswer,
            ErrorKind::UnknownChoice
        ]
    );
}

fn drawn_quiz() -> Quiz {
    quiz(
        json!({ "draw": 2 }),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "single", &["a", "b"], &["a"]),
            question("q3", "single", &["a", "b"], &["a"]),
        ],
    )
}

#[test]
fn with_a_draw_the_answers_must_name_exactly_draw_questions() {
    let quiz = drawn_quiz();
    let message = |named: usize| format!("this quiz shows 2 questions per attempt, but the answers name {named}");
    assert_eq!(
        errors(&quiz, &[("q1", vec!["a"])]),
        [(ErrorKind::InvalidAnswer, message(1))]
    );
    assert_eq!(
        errors(&quiz, &[("q1", vec!["a"]), ("q2", vec!["a"]), ("q3", vec!["a"])]),
        [(ErrorKind::InvalidAnswer, message(3))]
    );
    let found = quiz.score(&[]).unwrap_err();
    assert_eq!(found.as_slice()[0].kind(), ErrorKind::InvalidAnswer);
    assert_eq!(found.as_slice()[0].location(), &Location::Nowhere);
}

#[test]
fn with_a_draw_only_the_named_questions_are_scored() {
    let result = score(&drawn_quiz(), &[("q3", vec!["a"]), ("q1", vec![])]);
    let ids: Vec<&str> = result.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q1", "q3"]);
    assert_eq!(result.max, 2);
    assert_eq!(result.points, Ratio::ONE);
    assert_eq!(result.percentage, 50);
    assert_eq!(result.questions[0].outcome, Outcome::Unanswered);
}

#[test]
fn a_draw_count_problem_is_reported_with_the_other_problems() {
    let found = errors(&drawn_quiz(), &[("q1", vec!["z"])]);
    let kinds: Vec<ErrorKind> = found.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, [ErrorKind::UnknownChoice, ErrorKind::InvalidAnswer]);
}

// ---------------------------------------------------------------------------------------
// score_json

#[test]
fn score_json_reads_a_choice_id_or_a_list_of_them() {
    let quiz = quiz(
        json!({ "policy": "h5p" }),
        vec![
            question("q1", "single", &["a", "b"], &["a"]),
            question("q2", "multiple", &["a", "b", "c", "d"], &["a", "b"]),
            question("q3", "single", &["a", "b"], &["a"]),
        ],
    );
    let from_json = quiz.score_json(r#"{"q1": "a", "q2": ["b"], "q3": []}"#).unwrap();
    let from_list = score(&quiz, &[("q1", vec!["a"]), ("q2", vec!["b"]), ("q3", vec![])]);
    assert_eq!(from_json, from_list);
    assert_eq!(from_json.points, r(3, 2));
}

#[test]
fn score_json_syntax_error_is_reported_at_its_line_and_column() {
    let quiz = two_questions();
    let found = quiz
        .score_json("{\n  \"q1\": \"a\",\n  \"q2\": [\"a\" \"b\"]\n}")
        .unwrap_err();
    assert_eq!(found.len(), 1);
    let error = &found.as_slice()[0];
    assert_eq!(error.kind(), ErrorKind::Syntax);
    assert_eq!(error.location(), &Location::Position { line: 3, column: 14 });
    assert_eq!(
        error.to_string(),
        "line 3, column 14: expected \",\" or \"]\": is a comma missing before this?"
    );
}

#[test]
fn score_json_wrong_types_are_type_errors() {
    let quiz = two_questions();
    let found = quiz.score_json("[]").unwrap_err();
    assert_eq!(found.as_slice()[0].kind(), ErrorKind::Type);
    assert_eq!(
        found.as_slice()[0].message(),
        "expected an object of question ids, found an array"
    );
    let found = quiz.score_json(r#"{"q1": 1, "q2": ["a", 2]}"#).unwrap_err();
    let kinds: Vec<ErrorKind> = found.as_slice().iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, [ErrorKind::Type, ErrorKind::Type]);
}

#[test]
fn score_json_reports_the_errors_of_score() {
    let found = two_questions()
        .score_json(r#"{"q1": ["a", "b"], "q9": "a"}"#)
        .unwrap_err();
    let mut kinds: Vec<ErrorKind> = found.as_slice().iter().map(|e| e.kind()).collect();
    kinds.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(kinds, [ErrorKind::InvalidAnswer, ErrorKind::UnknownQuestion]);
}

#[test]
fn score_json_refuses_two_answers_to_one_question() {
    let found = two_questions()
        .score_json(r#"{"q1": "b", "q1": "a"}"#)
        .expect_err("a repeated question id should be refused, as `score` refuses it");
    assert_eq!(
        found.as_slice()[0].to_string(),
        "line 1, column 16: duplicate key \"q1\""
    );
}
