//! The article's quiz in Armenian and Russian is the English quiz, translated: same questions, same answers.

use reader_quiz::{Quiz, Texts};
use serde_json::Value;

const ENGLISH: &str = include_str!("../questions.json");
const TRANSLATIONS: [(&str, &str); 2] = [
    ("hy", include_str!("../questions.hy.json")),
    ("ru", include_str!("../questions.ru.json")),
];

/// The fields that hold reader-facing text; everything else must match the English exactly.
const TEXT_FIELDS: [&str; 7] = ["title", "intro", "prompt", "text", "feedback", "explanation", "message"];

/// Walks two documents side by side: same keys in the same order, same non-text values,
/// and every text translated (present, and not the English).
fn compare(path: &str, english: &Value, translated: &Value, differences: &mut Vec<String>) {
    match (english, translated) {
        (Value::Object(a), Value::Object(b)) => {
            let (keys_a, keys_b): (Vec<&String>, Vec<&String>) = (a.keys().collect(), b.keys().collect());
            if keys_a != keys_b {
                differences.push(format!("{path}: fields {keys_b:?}, expected {keys_a:?}"));
                return;
            }
            for (key, value) in a {
                let child = format!("{path}.{key}");
                if TEXT_FIELDS.contains(&key.as_str()) {
                    match (value, &b[key]) {
                        (Value::String(en), Value::String(tr)) if en != tr && !tr.trim().is_empty() => {}
                        (_, other) => differences.push(format!("{child}: not translated: {other}")),
                    }
                } else {
                    compare(&child, value, &b[key], differences);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), x, y, differences);
            }
        }
        (a, b) if a == b => {}
        (a, b) => differences.push(format!("{path}: {b}, expected {a}")),
    }
}

#[test]
fn each_translation_has_exactly_the_english_structure_and_answers() {
    let english: Value = serde_json::from_str(ENGLISH).unwrap();
    for (language, text) in TRANSLATIONS {
        let mut translated: Value = serde_json::from_str(text).unwrap();
        // The id and language are the two non-text fields that are meant to differ.
        assert_eq!(
            translated["id"],
            format!("{}-{language}", english["id"].as_str().unwrap())
        );
        assert_eq!(translated["language"], language);
        translated["id"] = english["id"].clone();
        translated["language"] = english["language"].clone();
        let mut differences = Vec::new();
        compare("", &english, &translated, &mut differences);
        assert!(differences.is_empty(), "{language}: {differences:#?}");
    }
}

#[test]
fn each_translation_validates_and_scores_like_the_english() {
    let english = Quiz::from_json(ENGLISH).unwrap();
    for (language, text) in TRANSLATIONS {
        let quiz = Quiz::from_json(text).unwrap_or_else(|e| panic!("{language}: {e}"));
        assert_eq!(quiz.language(), language);
        assert_eq!(quiz.questions().len(), english.questions().len());
        for (ours, theirs) in english.questions().iter().zip(quiz.questions()) {
            assert_eq!(ours.id, theirs.id);
            assert_eq!(ours.kind, theirs.kind);
            let correct = |q: &reader_quiz::Question| -> Vec<String> {
                q.choices.iter().filter(|c| c.correct).map(|c| c.id.clone()).collect()
            };
            assert_eq!(correct(ours), correct(theirs), "{language}: {}", ours.id);
        }
    }
}

#[test]
fn each_translated_quiz_gets_an_interface_in_its_language() {
    for (language, text) in TRANSLATIONS {
        let quiz = Quiz::from_json(text).unwrap();
        assert_eq!(Texts::for_language(quiz.language()).tag, language);
    }
}

#[test]
fn a_quiz_in_another_language_than_the_interface_is_marked_with_its_own() {
    let english = Texts::for_language("en");
    assert_eq!(english.foreign("hy-AM"), Some("hy-AM"));
    assert_eq!(english.foreign("en-GB"), None);
    assert_eq!(english.foreign("EN"), None);
    assert_eq!(Texts::for_language("ru").foreign("en"), Some("en"));
    // A language without its own interface texts gets the English ones, and stays marked.
    assert_eq!(Texts::for_language("de").foreign("de"), Some("de"));
}
