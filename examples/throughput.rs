//! Scoring throughput, the same code natively and as WebAssembly: `scripts/bench-scoring` runs
//! it both ways (the WASM build under Node's WASI) and compares the two.
//!
//! Prints one JSON line: responses scored per second by `Quiz::score_totals`, per policy.

use std::time::{Duration, Instant};

use reader_quiz::{Policy, Quiz};

#[path = "../benches/support/mod.rs"]
mod support;

/// How long each policy is measured for.
const BUDGET: Duration = Duration::from_millis(700);
/// Questions per quiz, and so responses per call.
const QUESTIONS: usize = 10_000;

fn main() {
    let ids = support::question_ids(QUESTIONS);
    let answers = support::responses(&ids);
    let rates: Vec<String> = Policy::ALL
        .iter()
        .map(|&policy| {
            let quiz = Quiz::from_json(&support::big_quiz(QUESTIONS, policy)).expect("the benchmark quiz is valid");
            let (started, mut calls) = (Instant::now(), 0u64);
            while started.elapsed() < BUDGET {
                std::hint::black_box(
                    quiz.score_totals(std::hint::black_box(&answers))
                        .expect("the answers are valid"),
                );
                calls += 1;
            }
            let rate = (calls * QUESTIONS as u64) as f64 / started.elapsed().as_secs_f64();
            format!("\"{}\": {}", policy.name(), rate.round())
        })
        .collect();
    println!("{{{}}}", rates.join(", "));
}
