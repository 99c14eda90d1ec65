//! Quizzes and responses of any size, for the benchmarks (`benches/core.rs`, `examples/throughput.rs`).

use reader_quiz::Policy;
use serde_json::json;

/// A quiz of `count` questions with four choices each; every third is multiple-answer.
pub fn big_quiz(count: usize, policy: Policy) -> String {
    let questions: Vec<_> = (0..count)
        .map(|i| {
            let multiple = i % 3 == 0;
            json!({
                "id": format!("q{i}"),
                "kind": if multiple { "multiple" } else { "single" },
                "prompt": format!("Question number {i} about the article?"),
                "choices": [
                    { "id": "a", "text": "The first choice", "correct": true, "feedback": "Yes." },
                    { "id": "b", "text": "The second choice", "correct": multiple },
                    { "id": "c", "text": "The third choice" },
                    { "id": "d", "text": "The fourth choice" }
                ],
                "explanation": "Because the article says so.",
            })
        })
        .collect();
    json!({
        "format": 1,
        "id": "bench",
        "title": "Benchmark quiz",
        "language": "en",
        "source": {
            "headline": "A headline",
            "publisher": "A paper",
            "date": "2025-06-09",
            "url": "https://example.com/article"
        },
        "settings": { "policy": policy.name() },
        "questions": questions,
    })
    .to_string()
}

/// The ids of `big_quiz`'s questions.
pub fn question_ids(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("q{i}")).collect()
}

/// One response per question: "a" (right) for even ones, "b" for odd ones.
pub fn responses(ids: &[String]) -> Vec<(&str, Vec<&str>)> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), if i % 2 == 0 { vec!["a"] } else { vec!["b"] }))
        .collect()
}
