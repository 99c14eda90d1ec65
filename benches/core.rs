//! How fast the core loads, validates and scores quizzes: `cargo bench`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use std::sync::Arc;

    use divan::counter::ItemsCount;
    use divan::{black_box, Bencher};
    use reader_quiz::{Policy, Quiz, Session};

    use crate::support::{big_quiz, question_ids, responses};

    const ARTICLE_QUIZ: &str = include_str!("../questions.json");

    #[divan::bench]
    fn load_the_article_quiz() -> Quiz {
        Quiz::from_json(black_box(ARTICLE_QUIZ)).unwrap()
    }

    #[divan::bench(args = [100, 1_000, 10_000])]
    fn load_and_validate(bencher: Bencher, questions: usize) {
        let text = big_quiz(questions, Policy::H5p);
        bencher
            .counter(divan::counter::BytesCount::new(text.len()))
            .bench(|| Quiz::from_json(black_box(&text)).unwrap());
    }

    /// Scoring 10,000 responses (answers given by id, as the CLI and the headless API do).
    #[divan::bench(args = Policy::ALL)]
    fn score_responses(bencher: Bencher, policy: Policy) {
        let quiz = Quiz::from_json(&big_quiz(10_000, policy)).unwrap();
        let ids = question_ids(10_000);
        let answers = responses(&ids);
        bencher
            .counter(ItemsCount::new(answers.len()))
            .bench(|| quiz.score(black_box(&answers)).unwrap());
    }

    /// Tallying 10,000 responses: the totals only, as batch scoring needs.
    #[divan::bench(args = Policy::ALL)]
    fn score_totals(bencher: Bencher, policy: Policy) {
        let quiz = Quiz::from_json(&big_quiz(10_000, policy)).unwrap();
        let ids = question_ids(10_000);
        let answers = responses(&ids);
        bencher
            .counter(ItemsCount::new(answers.len()))
            .bench(|| quiz.score_totals(black_box(&answers)).unwrap());
    }

    /// A session's running score over a 10,000-question attempt (what the page asks after each step).
    #[divan::bench]
    fn session_result(bencher: Bencher) {
        let quiz = Arc::new(Quiz::from_json(&big_quiz(10_000, Policy::Halves)).unwrap());
        let mut session = Session::new(quiz, 1);
        session.start().unwrap();
        for position in 0..session.len() {
            let id = session.slot(position).unwrap().question.id.clone();
            session.answer(&id, &["a"]).unwrap();
        }
        bencher
            .counter(ItemsCount::new(session.len()))
            .bench(|| session.result());
    }

    #[divan::bench]
    fn snapshot_and_restore(bencher: Bencher) {
        let quiz = Arc::new(Quiz::from_json(ARTICLE_QUIZ).unwrap());
        let mut session = Session::new(Arc::clone(&quiz), 1);
        session.start().unwrap();
        bencher.bench(|| Session::restore(Arc::clone(&quiz), black_box(&session.snapshot())).unwrap());
    }
}
