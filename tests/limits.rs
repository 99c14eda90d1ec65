//! Inputs at and past the engine's limits: each gets a correct result or a clear error, never a panic.

mod common;

use std::sync::Arc;

use common::{at_paths, pool, problems, question, quiz_doc};
use reader_quiz::{
    ErrorKind, Quiz, Ratio, Session, MAX_BANDS, MAX_CHOICES, MAX_COMMON_DENOMINATOR, MAX_INPUT_BYTES, MAX_QUESTIONS,
};
use serde_json::{json, Value};

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

/// A multiple-answer question `id` scored by weight (`h5p`), so that its scores are whole
/// multiples of 1/`total`: correct choices `c0`, `c1`, … of weight 1,000 and a last one, `rest`,
/// weighing what is left of `total`, and a wrong choice `x`.
fn weighted(id: &str, total: u32) -> Value {
    let mut choices: Vec<Value> = (0..total / 1000)
        .map(|i| json!({ "id": format!("c{i}"), "text": "Right", "correct": true, "weight": 1000 }))
        .collect();
    choices.push(json!({ "id": "rest", "text": "Right", "correct": true, "weight": total % 1000 }));
    choices.push(json!({ "id": "x", "text": "Wrong", "correct": false }));
    json!({
        "id": id,
        "kind": "multiple",
        "policy": "h5p",
        "prompt": "Which?",
        "choices": choices,
        "explanation": "Because.",
    })
}

/// A multiple-answer question `id` scored per decision over `n` choices (`every_decision`), so
/// that its scores are whole multiples of 1/`n`; choice `a` is the correct one.
fn per_decision(id: &str, n: usize) -> Value {
    let ids: Vec<String> = (0..n)
        .map(|i| if i == 0 { "a".into() } else { format!("w{i}") })
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut q = question(id, "multiple", &ids, &["a"]);
    q["policy"] = json!("every_decision");
    q
}

/// Three questions whose scores need a common denominator of 97,987 × 97,973 × `n` (two primes
/// and a choice count): 9.6 × 10^10 for 10 choices, 1.06 × 10^11 for 11.
fn fine_scores(n: usize) -> Vec<Value> {
    vec![weighted("p", 97_987), weighted("q", 97_973), per_decision("n", n)]
}

#[test]
fn scores_needing_a_common_denominator_past_the_limit_are_refused() {
    assert_eq!(MAX_COMMON_DENOMINATOR, 100_000_000_000);
    assert_eq!(
        problems(&quiz_doc("fine", json!({}), fine_scores(10))),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&quiz_doc("fine", json!({}), fine_scores(11))),
        [
            "questions: the questions' scoring needs fractions too fine to add up exactly: \
          use fewer different weights, fractions or choice counts"
        ]
    );
}

#[test]
fn a_question_without_choices_or_with_too_many_hides_no_other_scoring_problem_and_adds_none() {
    let mut questions = fine_scores(11);
    questions.push(per_decision("none", 0));
    assert_eq!(
        problems(&quiz_doc("fine", json!({}), questions)),
        [
            "questions: the questions' scoring needs fractions too fine to add up exactly: \
          use fewer different weights, fractions or choice counts",
            "questions[3].choices: a question needs at least 2 choices, found 0",
        ]
    );
    // 101 choices is refused for itself; its denominator would pass the limit with the others.
    let mut questions = fine_scores(10);
    questions.push(per_decision("many", 101));
    assert_eq!(
        problems(&quiz_doc("fine", json!({}), questions)),
        ["questions[3].choices: 101 choices is more than the limit of 100"]
    );
}

#[test]
fn ten_thousand_questions_of_a_thousand_points_score_exactly_at_the_finest_denominator() {
    let mut questions = fine_scores(10);
    questions.extend(pool(MAX_QUESTIONS - 3, &["a", "b"]));
    for (i, q) in questions.iter_mut().enumerate() {
        q["id"] = json!(format!("q{i}"));
        q["points"] = json!(1000);
    }
    let quiz = Quiz::from_json(&quiz_doc("fine", json!({}), questions).to_string()).unwrap();
    assert_eq!(quiz.questions().len(), MAX_QUESTIONS);
    // Every question fully right but the first, which earns 987/97,987 of its points.
    let answers: Vec<(&str, Vec<&str>)> = quiz
        .questions()
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let right = q.choices.iter().filter(|c| c.correct).map(|c| c.id.as_str());
            (q.id.as_str(), if i == 0 { vec!["rest"] } else { right.collect() })
        })
        .collect();
    let result = quiz.score(&answers).unwrap();
    let expected = Ratio::from_int(9_999_000) + Ratio::new(987_000, 97_987).unwrap();
    assert_eq!(result.points, expected);
    assert_eq!(result.points_text, "9999010.07");
    assert_eq!(result.max, 10_000_000);
    assert_eq!(result.percentage, 99);
    assert_eq!(result.correct_count, MAX_QUESTIONS - 1);
}

#[test]
fn a_band_for_each_percentage_is_the_most_a_quiz_may_have() {
    let band = |p: usize| json!({ "min": p, "max": p, "title": format!("{p} %"), "message": "Done" });
    let mut doc = quiz_doc("banded", json!({}), pool(2, &["a", "b"]));
    doc["bands"] = (0..=100).rev().map(band).collect();
    let quiz = Quiz::from_json(&doc.to_string()).unwrap();
    assert_eq!(quiz.bands().len(), MAX_BANDS);
    assert!(quiz.bands().iter().enumerate().all(|(p, b)| usize::from(b.min) == p));
    doc["bands"] = (0..=100).rev().chain([50]).map(band).collect();
    assert_eq!(problems(&doc), ["bands: 102 bands is more than the limit of 101"]);
    // Refused before they are sorted or compared, however many there are.
    doc["bands"] = (0..100_000).map(|i| band(i % 101)).collect();
    assert_eq!(problems(&doc), ["bands: 100000 bands is more than the limit of 101"]);
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
    assert!(
        errors
            .to_string()
            .ends_with(": lists and objects are nested more than 128 deep"),
        "{errors}"
    );
}

#[test]
fn huge_numbers_are_refused_clearly() {
    let mut doc = quiz_doc("n", json!({"pass_mark": 50}), pool(2, &["a", "b"]));
    let huge = doc
        .to_string()
        .replacen("\"format\":1", "\"format\":1e400", 1)
        .replacen("\"pass_mark\":50", "\"pass_mark\":1e99999999999", 1);
    assert_eq!(
        at_paths(&Quiz::from_json(&huge).unwrap_err()),
        [
            "format: expected a whole number, found 1e400",
            "settings.pass_mark: expected a whole number from 0 to 100, found 1e99999999999"
        ]
    );
    doc["questions"][0]["points"] = json!(u64::MAX);
    doc["settings"]["draw"] = json!(-1);
    assert_eq!(
        problems(&doc),
        [
            "questions[0].points: expected a whole number from 1 to 1000, found 18446744073709551615",
            "settings.draw: expected a whole number from 1 to 10000, found -1",
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
    assert_eq!(found[1_999], "questions[1999].colour: unknown field \"colour\"");
}
