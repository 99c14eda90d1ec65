//! The shipped questions.json: the real quiz for the article, valid and true to its text.

use std::collections::HashSet;

use reader_quiz::{Kind, Quiz};

const ARTICLE_URL: &str =
    "https://www.themoscowtimes.com/2025/06/09/armenia-is-breaking-up-with-russia-and-putin-cant-stop-it-a89393";

fn quiz() -> Quiz {
    Quiz::from_json(include_str!("../questions.json")).unwrap_or_else(|errors| panic!("{errors}"))
}

/// The article's text, from the shared folder beside the repository (or `QUIZ_ARTICLE`).
fn article() -> Option<String> {
    let path = std::env::var("QUIZ_ARTICLE").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/article/armenia-breaking-up-with-russia.txt"
        )
        .into()
    });
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!("skipping the comparison with the article: {path}: {e}");
            None
        }
    }
}

/// Lowercase words with punctuation removed, for comparing texts.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("fragments decode to UTF-8")
}

#[test]
fn the_shipped_quiz_is_valid() {
    quiz();
}

#[test]
fn it_draws_ten_questions_from_a_pool_of_at_least_sixteen() {
    let quiz = quiz();
    assert!(quiz.questions().len() >= 16, "pool of {}", quiz.questions().len());
    assert_eq!(quiz.questions_per_attempt(), 10);
    assert!(quiz.settings().shuffle_questions && quiz.settings().shuffle_choices);
}

#[test]
fn it_mixes_single_and_multiple_answer_questions() {
    let quiz = quiz();
    let multiple = quiz.questions().iter().filter(|q| q.kind == Kind::Multiple).count();
    assert!(multiple >= 3, "{multiple} multiple-answer questions");
    assert!(quiz.questions().len() - multiple >= 10);
}

#[test]
fn it_credits_the_article_and_has_result_bands() {
    let quiz = quiz();
    let source = quiz.source();
    assert_eq!(
        source.headline,
        "Armenia Is Breaking Up With Russia – And Putin Can't Stop It"
    );
    assert_eq!(source.author.as_deref(), Some("Jason Corcoran"));
    assert_eq!(source.publisher, "The Moscow Times");
    assert_eq!(source.date, "2025-06-09");
    assert_eq!(source.url, ARTICLE_URL);
    assert_eq!(quiz.language(), "en");
    assert!(quiz.bands().len() >= 3);
}

#[test]
fn every_question_links_to_its_passage_in_the_article() {
    let quiz = quiz();
    for question in quiz.questions() {
        let passage = question
            .passage
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no passage", question.id));
        assert!(
            passage.starts_with(&format!("{ARTICLE_URL}#:~:text=")),
            "{}: {passage}",
            question.id
        );
    }
}

#[test]
fn no_passage_fragment_holds_an_apostrophe_a_quote_or_a_dash() {
    // A text fragment must match the live page's characters exactly, and its typesetting may
    // differ from the article's text here in just these: ’ for ', “ for ", – for -.
    for question in quiz().questions() {
        let passage = question.passage.as_deref().unwrap_or_default();
        let fragment = passage.split_once("#:~:text=").map(|(_, f)| f).unwrap_or_default();
        let fragment = percent_decode(fragment);
        assert!(
            !fragment.contains(['\'', '"', '-', '‘', '’', '“', '”', '–', '—']),
            "{}: {fragment:?}",
            question.id
        );
    }
}

#[test]
fn every_passage_fragment_is_text_of_the_article() {
    let Some(article) = article() else { return };
    let article = words(&article).join(" ");
    for question in quiz().questions() {
        let passage = question.passage.as_deref().unwrap_or_default();
        let fragment = passage.split_once("#:~:text=").map(|(_, f)| f).unwrap_or_default();
        let fragment = words(&percent_decode(fragment)).join(" ");
        assert!(
            !fragment.is_empty() && article.contains(&fragment),
            "{}: {fragment:?}",
            question.id
        );
    }
}

#[test]
fn no_text_copies_six_words_in_a_row_from_the_article() {
    let Some(article) = article() else { return };
    let article = words(&article);
    let runs: HashSet<&[String]> = article.windows(6).collect();
    let quiz = quiz();
    let mut texts = vec![quiz.title().to_string(), quiz.intro().unwrap_or_default().to_string()];
    for question in quiz.questions() {
        texts.push(question.prompt.clone());
        texts.push(question.explanation.clone());
        for choice in &question.choices {
            texts.push(choice.text.clone());
            texts.extend(choice.feedback.clone());
        }
    }
    for text in texts {
        let ours = words(&text);
        if let Some(run) = ours.windows(6).find(|run| runs.contains(run)) {
            panic!("copied from the article: {:?} in {text:?}", run.join(" "));
        }
    }
}

#[test]
fn every_wrong_choice_of_most_questions_explains_itself() {
    let quiz = quiz();
    let with_feedback = quiz
        .questions()
        .iter()
        .filter(|q| q.choices.iter().any(|c| !c.correct && c.feedback.is_some()))
        .count();
    assert!(
        with_feedback * 4 >= quiz.questions().len() * 3,
        "{with_feedback} questions with feedback"
    );
}
