//! What questions.json must look like: every rule, with the exact message an editor sees.

mod common;

use common::{low_high_bands, problems, question, quiz_doc, with_bands};
use reader_quiz::{ErrorKind, Location, Quiz};
use serde_json::{json, Value};

/// A small valid quiz to break in one place at a time: `q1` single-answer with choices a
/// and b, `q2` multiple-answer with choices a, b and c, bands 0–49 and 50–100, and no settings.
fn valid() -> Value {
    let questions = vec![
        question("q1", "single", &["a", "b"], &["a"]),
        question("q2", "multiple", &["a", "b", "c"], &["a", "b"]),
    ];
    let mut doc = with_bands(quiz_doc("demo", json!({}), questions), low_high_bands());
    // Left out, so that every setting takes its default.
    doc.as_object_mut().unwrap().remove("settings");
    doc
}

/// Applies `edit` to a valid quiz and returns the problems reported.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut doc = valid();
    edit(&mut doc);
    problems(&doc)
}

#[test]
fn the_base_quiz_is_valid() {
    assert_eq!(problems(&valid()), Vec::<String>::new());
}

#[test]
fn each_rule_reports_its_exact_message_at_its_path() {
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit, &[&str])] = &[
        (
            "duplicate question id",
            |d| d["questions"][1]["id"] = json!("q1"),
            &["questions[1].id: question id \"q1\" is already used by questions[0]"],
        ),
        (
            "duplicate choice id",
            |d| d["questions"][1]["choices"][2]["id"] = json!("a"),
            &["questions[1].choices[2].id: choice id \"a\" is already used by questions[1].choices[0]"],
        ),
        (
            "single with two correct",
            |d| d["questions"][0]["choices"][1]["correct"] = json!(true),
            &["questions[0]: a single-answer question needs exactly 1 correct choice, found 2"],
        ),
        (
            "single with none correct",
            |d| d["questions"][0]["choices"][0]["correct"] = json!(false),
            &["questions[0]: a single-answer question needs exactly 1 correct choice, found 0"],
        ),
        (
            "multiple with none correct",
            |d| {
                for c in d["questions"][1]["choices"].as_array_mut().unwrap() {
                    c["correct"] = json!(false);
                }
            },
            &["questions[1]: a multiple-answer question needs at least 1 correct choice, found none"],
        ),
        (
            "empty prompt",
            |d| d["questions"][0]["prompt"] = json!("   "),
            &["questions[0].prompt: text is empty"],
        ),
        (
            "empty choice text",
            |d| d["questions"][0]["choices"][1]["text"] = json!(""),
            &["questions[0].choices[1].text: text is empty"],
        ),
        (
            "invisible prompt",
            |d| d["questions"][0]["prompt"] = json!("\u{200b} \u{feff}"),
            &["questions[0].prompt: text shows nothing: it holds only invisible characters"],
        ),
        (
            "one choice",
            |d| {
                d["questions"][0]["choices"].as_array_mut().unwrap().pop();
            },
            &["questions[0].choices: a question needs at least 2 choices, found 1"],
        ),
        (
            "overlapping bands",
            |d| d["bands"][1]["min"] = json!(40),
            &["bands[1]: overlaps bands[0] on 40–49 %"],
        ),
        (
            "bands with a gap",
            |d| d["bands"][1]["min"] = json!(60),
            &["bands: no band covers 50–59 %"],
        ),
        (
            "bands not reaching 100",
            |d| d["bands"][1]["max"] = json!(90),
            &["bands: no band covers 91–100 %"],
        ),
        (
            "bands leaving one percentage out",
            |d| d["bands"][1]["min"] = json!(51),
            &["bands: no band covers 50 %"],
        ),
        (
            "band upside down",
            |d| d["bands"][1] = json!({ "min": 100, "max": 50, "title": "T", "message": "M" }),
            &["bands[1]: min 100 is above max 50"],
        ),
        (
            "band unreadable, whose place no other band's gap is reported for",
            |d| d["bands"][1]["min"] = json!("50"),
            &["bands[1].min: expected a whole number from 0 to 100, found a string"],
        ),
        (
            "draw larger than the pool",
            |d| d["settings"] = json!({ "draw": 3 }),
            &["settings.draw: draw 3 is larger than the pool of 2 questions"],
        ),
        (
            "typo in a field name",
            |d| {
                let choice = d["questions"][0]["choices"][1].as_object_mut().unwrap();
                choice.insert("corect".into(), json!(true));
            },
            &["questions[0].choices[1].corect: unknown field \"corect\", did you mean \"correct\"?"],
        ),
        (
            "misspelt correct on the one correct choice, which loses no other problem",
            |d| {
                let choice = d["questions"][0]["choices"][0].as_object_mut().unwrap();
                let correct = choice.remove("correct").unwrap();
                choice.insert("corect".into(), correct);
            },
            &["questions[0].choices[0].corect: unknown field \"corect\", did you mean \"correct\"?"],
        ),
        (
            "misspelt questions, which gives no problem of an empty pool",
            |d| {
                let quiz = d.as_object_mut().unwrap();
                let questions = quiz.remove("questions").unwrap();
                quiz.insert("question".into(), questions);
                quiz.insert("settings".into(), json!({ "draw": 1 }));
            },
            &["question: unknown field \"question\", did you mean \"questions\"?"],
        ),
        (
            "id of an invisible character, which the message shows as an escape",
            |d| d["questions"][0]["id"] = json!("q1\u{200b}"),
            &["questions[0].id: id \"q1\\u200b\" must be 1 to 64 lowercase letters, digits, \"-\" or \"_\", starting with a letter or digit"],
        ),
        (
            "empty id",
            |d| d["questions"][0]["id"] = json!(""),
            &["questions[0].id: id is empty"],
        ),
        (
            "unknown field with no near match",
            |d| d["colour"] = json!("red"),
            &["colour: unknown field \"colour\""],
        ),
        (
            "missing required field",
            |d| {
                d["questions"][0].as_object_mut().unwrap().remove("explanation");
            },
            &["questions[0]: missing field \"explanation\""],
        ),
        (
            "misspelt required field, which is not also reported missing",
            |d| {
                let question = d["questions"][0].as_object_mut().unwrap();
                let prompt = question.remove("prompt").unwrap();
                question.insert("promt".into(), prompt);
            },
            &["questions[0].promt: unknown field \"promt\", did you mean \"prompt\"?"],
        ),
        (
            "not a quiz object, which is the one problem reported",
            |d| *d = json!([d.clone()]),
            &["top level: expected a quiz object, found an array"],
        ),
        (
            "wrong type",
            |d| d["questions"][0]["points"] = json!("two"),
            &["questions[0].points: expected a whole number from 1 to 1000, found a string"],
        ),
        (
            "points out of range",
            |d| d["questions"][0]["points"] = json!(0),
            &["questions[0].points: expected a whole number from 1 to 1000, found 0"],
        ),
        (
            "fractional points",
            |d| d["questions"][0]["points"] = json!(1.5),
            &["questions[0].points: expected a whole number from 1 to 1000, found 1.5"],
        ),
        (
            "unknown kind",
            |d| d["questions"][0]["kind"] = json!("truefalse"),
            &["questions[0].kind: unknown value \"truefalse\", expected one of \"single\", \"multiple\""],
        ),
        (
            "bad id",
            |d| d["questions"][0]["id"] = json!("Question 1"),
            &["questions[0].id: id \"Question 1\" must be 1 to 64 lowercase letters, digits, \"-\" or \"_\", starting with a letter or digit"],
        ),
        (
            "id with a line break, which the message writes as an escape",
            |d| d["questions"][0]["id"] = json!("q\n1"),
            &["questions[0].id: id \"q\\n1\" must be 1 to 64 lowercase letters, digits, \"-\" or \"_\", starting with a letter or digit"],
        ),
        (
            "http source url",
            |d| d["source"]["url"] = json!("http://example.com"),
            &["source.url: \"http://example.com\" is not an https:// URL"],
        ),
        (
            "javascript passage link",
            |d| d["questions"][0]["passage"] = json!("javascript:alert(1)"),
            &["questions[0].passage: \"javascript:alert(1)\" is not an https:// URL"],
        ),
        (
            "passage link with a space",
            |d| d["questions"][0]["passage"] = json!("https://example.com/a page"),
            &["questions[0].passage: \"https://example.com/a page\" holds a space or a line break: a URL writes a space as %20"],
        ),
        (
            "impossible date",
            |d| d["source"]["date"] = json!("2025-02-30"),
            &["source.date: \"2025-02-30\" is not a day of the calendar"],
        ),
        (
            "date in another form",
            |d| d["source"]["date"] = json!("9 June 2025"),
            &["source.date: \"9 June 2025\" is not a date of the form YYYY-MM-DD"],
        ),
        (
            "policy on a single-answer question",
            |d| d["questions"][0]["policy"] = json!("h5p"),
            &["questions[0].policy: a scoring policy applies only to multiple-answer questions"],
        ),
        (
            "moodle fractions not summing to one",
            |d| {
                d["questions"][1]["policy"] = json!("moodle");
                for (c, f) in d["questions"][1]["choices"].as_array_mut().unwrap().iter_mut().zip(["1/2", "1/4", "-1"]) {
                    c["fraction"] = json!(f);
                }
            },
            &["questions[1].choices: the correct choices' fractions add up to 3/4, not 1"],
        ),
        (
            "a moodle fraction at odds with its choice's correctness",
            |d| {
                d["questions"][1]["policy"] = json!("moodle");
                for (c, f) in d["questions"][1]["choices"].as_array_mut().unwrap().iter_mut().zip(["-1/2", "1", "1/2"]) {
                    c["fraction"] = json!(f);
                }
            },
            &[
                "questions[1].choices[0].fraction: the choice is correct, so its fraction must be above 0, found -1/2",
                "questions[1].choices[2].fraction: the choice is wrong, so its fraction must be 0 or below, found 1/2",
            ],
        ),
        (
            "a correct choice with a moodle fraction of 0",
            |d| {
                d["questions"][1]["policy"] = json!("moodle");
                for (c, f) in d["questions"][1]["choices"].as_array_mut().unwrap().iter_mut().zip(["1", "0", "0"]) {
                    c["fraction"] = json!(f);
                }
            },
            &["questions[1].choices[1].fraction: the choice is correct, so its fraction must be above 0, found 0"],
        ),
        (
            "moodle fractions too fine to add up",
            |d| {
                d["questions"][1]["policy"] = json!("moodle");
                let primes = [997, 991, 983, 977, 971, 967, 953, 947, 941];
                d["questions"][1]["choices"] = primes
                    .iter()
                    .enumerate()
                    .map(|(i, p)| json!({ "id": format!("c{i}"), "text": "T", "correct": i == 0, "fraction": format!("{}1/{p}", if i == 0 { "" } else { "-" }) }))
                    .collect();
            },
            &["questions: the questions' scoring needs fractions too fine to add up exactly: use fewer different weights, fractions or choice counts"],
        ),
        (
            "a penalty whose negation does not fit",
            |d| d["settings"] = json!({ "wrong_penalty": i64::MIN }),
            &["settings.wrong_penalty: expected a fraction such as \"1/2\" or \"-1/3\" with terms up to 1000, found -9223372036854775808"],
        ),
        (
            "draw larger than a pool of one",
            |d| {
                d["questions"].as_array_mut().unwrap().truncate(1);
                d["settings"] = json!({ "draw": 2 });
            },
            &["settings.draw: draw 2 is larger than the pool of 1 question"],
        ),
        (
            "fractions on a question scored by the quiz's policy, not moodle",
            |d| {
                d["questions"][1]["choices"][1]["fraction"] = json!("1");
                d["questions"][1]["choices"][2]["fraction"] = json!("0");
            },
            &["questions[1].choices[1].fraction: a choice's fraction counts only under the \"moodle\" policy, and this question is scored by \"all_or_nothing\", the quiz's policy"],
        ),
        (
            "a fraction on a question of another policy",
            |d| {
                d["questions"][1]["policy"] = json!("h5p");
                d["questions"][1]["choices"][0]["fraction"] = json!("1");
            },
            &["questions[1].choices[0].fraction: a choice's fraction counts only under the \"moodle\" policy, and this question is scored by \"h5p\""],
        ),
        (
            "a fraction on a single-answer question",
            |d| d["questions"][0]["choices"][0]["fraction"] = json!("1"),
            &["questions[0].choices[0].fraction: a choice's fraction counts only in a multiple-answer question scored by \"moodle\", and this one is single-answer"],
        ),
        (
            "weights under another policy than h5p",
            |d| {
                d["settings"] = json!({ "policy": "h5p" });
                d["questions"][1]["policy"] = json!("halves");
                d["questions"][1]["choices"][2]["weight"] = json!(2);
            },
            &["questions[1].choices[2].weight: a choice's weight counts only under the \"h5p\" policy, and this question is scored by \"halves\""],
        ),
        (
            "a weight on a single-answer question",
            |d| {
                d["settings"] = json!({ "policy": "h5p" });
                d["questions"][0]["choices"][1]["weight"] = json!(3);
            },
            &["questions[0].choices[1].weight: a choice's weight counts only in a multiple-answer question scored by \"h5p\", and this one is single-answer"],
        ),
        (
            "a weight and a fraction where neither counts",
            |d| {
                d["questions"][1]["choices"][0]["weight"] = json!(2);
                d["questions"][1]["choices"][0]["fraction"] = json!("1");
            },
            &[
                // In the file's order: serde_json writes keys sorted.
                "questions[1].choices[0].fraction: a choice's fraction counts only under the \"moodle\" policy, and this question is scored by \"all_or_nothing\", the quiz's policy",
                "questions[1].choices[0].weight: a choice's weight counts only under the \"h5p\" policy, and this question is scored by \"all_or_nothing\", the quiz's policy",
            ],
        ),
        (
            "some fractions missing",
            |d| {
                d["questions"][1]["policy"] = json!("moodle");
                d["questions"][1]["choices"][0]["fraction"] = json!("1");
            },
            &["questions[1].choices: when one choice has a fraction, every choice needs one"],
        ),
        (
            "malformed fraction",
            |d| d["settings"] = json!({ "wrong_penalty": "0.25" }),
            &["settings.wrong_penalty: expected a fraction such as \"1/2\" or \"-1/3\" with terms up to 1000, found \"0.25\""],
        ),
        (
            "penalty above one",
            |d| d["settings"] = json!({ "wrong_penalty": "3/2" }),
            &["settings.wrong_penalty: the penalty must be between 0 and 1, found 3/2"],
        ),
        (
            "no questions",
            |d| d["questions"] = json!([]),
            &["questions: a quiz needs at least 1 question"],
        ),
        (
            "not an object",
            |d| d["questions"][0] = json!("q1"),
            &["questions[0]: expected a question object, found a string"],
        ),
        (
            "bad language tag",
            |d| d["language"] = json!("English"),
            &["language: \"English\" is not a language tag such as \"en\", \"hy\" or \"pt-BR\""],
        ),
    ];
    for (name, edit, expected) in cases {
        assert_eq!(problems_after(*edit), *expected, "case: {name}");
    }
}

#[test]
fn a_question_missing_its_prompt_still_has_its_choices_checked() {
    let found = problems_after(|d| {
        d["questions"][0].as_object_mut().unwrap().remove("prompt");
        d["questions"][0]["choices"][1]["correct"] = json!(true);
    });
    assert_eq!(
        found,
        [
            "questions[0]: missing field \"prompt\"",
            "questions[0]: a single-answer question needs exactly 1 correct choice, found 2",
        ]
    );
}

#[test]
fn a_question_whose_kind_or_choices_cannot_be_read_has_no_rule_of_theirs_checked() {
    let without_kind = problems_after(|d| {
        d["questions"][0].as_object_mut().unwrap().remove("kind");
    });
    assert_eq!(without_kind, ["questions[0]: missing field \"kind\""]);
    let unreadable_choice = problems_after(|d| d["questions"][0]["choices"][1] = json!("b"));
    assert_eq!(
        unreadable_choice,
        ["questions[0].choices[1]: expected a choice object, found a string"]
    );
}

#[test]
fn every_problem_is_reported_at_once_in_document_order() {
    let found = problems_after(|d| {
        d["title"] = json!("");
        d["questions"][0]["choices"][1]["corect"] = json!(true);
        d["questions"][1]["id"] = json!("q1");
        d["bands"][1]["min"] = json!(60);
    });
    assert_eq!(
        found,
        [
            "bands: no band covers 50–59 %",
            "questions[0].choices[1].corect: unknown field \"corect\", did you mean \"correct\"?",
            "questions[1].id: question id \"q1\" is already used by questions[0]",
            "title: text is empty",
        ]
    );
}

#[test]
fn a_syntax_error_is_reported_alone_with_its_line_and_column() {
    let text = "{\n  \"format\": 1,\n  \"id\": \"demo\",,\n}";
    let errors = Quiz::from_json(text).unwrap_err();
    assert_eq!(errors.len(), 1);
    let error = &errors.as_slice()[0];
    assert_eq!(error.kind(), ErrorKind::Syntax);
    assert_eq!(error.location(), &Location::Position { line: 3, column: 16 });
    assert_eq!(error.to_string(), "line 3, column 16: expected a key in double quotes");
}

#[test]
fn a_problem_at_a_path_also_gives_the_line_and_column_where_its_value_starts() {
    let mut doc = valid();
    doc["questions"][1]["points"] = json!(0);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let errors = Quiz::from_json(&text).unwrap_err();
    let error = &errors.as_slice()[0];
    let key = text.find("\"points\": 0").unwrap();
    let line = text[..key].matches('\n').count() + 1;
    let column = key - text[..key].rfind('\n').unwrap() + "\"points\": ".len();
    assert_eq!(error.position(), Some((line, column)));
    assert_eq!(
        error.to_string(),
        format!("questions[1].points (line {line}, column {column}): expected a whole number from 1 to 1000, found 0")
    );
}

#[test]
fn a_problem_with_answers_rather_than_a_file_has_no_position() {
    let quiz = Quiz::from_json(&valid().to_string()).unwrap();
    let errors = quiz.score(&[("nope", vec!["a"])]).unwrap_err();
    assert_eq!(errors.as_slice()[0].position(), None);
    assert_eq!(errors.to_string(), "nope: the quiz has no question with this id");
}

#[test]
fn a_key_repeated_in_one_object_is_an_error_at_its_place() {
    let text = "{\n  \"format\": 1,\n  \"id\": \"demo\",\n  \"id\": \"other\"\n}";
    let errors = Quiz::from_json(text).unwrap_err();
    assert_eq!(errors.to_string(), "line 4, column 6: duplicate key \"id\"");
    assert_eq!(errors.as_slice()[0].kind(), ErrorKind::Syntax);
}

#[test]
fn an_unsupported_format_is_reported_alone() {
    let found = problems_after(|d| {
        d["format"] = json!(2);
        d["questions"] = json!("whatever format 2 means");
    });
    assert_eq!(
        found,
        ["format: format 2 is not supported (this engine reads format 1)"]
    );
}

#[test]
fn a_missing_format_is_reported() {
    let found = problems_after(|d| {
        d.as_object_mut().unwrap().remove("format");
    });
    assert_eq!(found, ["top level: missing field \"format\""]);
}

#[test]
fn problems_have_kinds_callers_can_match_on() {
    let mut doc = valid();
    doc["questions"][1]["id"] = json!("q1");
    doc["questions"][0]["choices"][0]["corect"] = json!(true);
    let errors = Quiz::from_json(&doc.to_string()).unwrap_err();
    let kinds: Vec<ErrorKind> = errors.as_slice().iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, [ErrorKind::UnknownField, ErrorKind::DuplicateId]);
    assert_eq!(
        errors.as_slice()[1].location(),
        &Location::Path("questions[1].id".into())
    );
}

#[test]
fn a_fraction_may_have_ascii_white_space_around_it_but_no_other() {
    for padded in [" 1/2", "1/2\t", "\r\n 1/2 \n"] {
        let quiz = Quiz::from_json(&valid_with_penalty(padded)).unwrap();
        assert_eq!(quiz.settings().wrong_penalty.to_string(), "1/2", "{padded:?}");
    }
    // A no-break space, a vertical tab or an ideographic space is not read as white space:
    // JSON's own white space is ASCII.
    for (padded, shown) in [
        ("\u{a0}1/2", r"\u00a01/2"),
        ("1/2\u{b}", r"1/2\u000b"),
        ("1/2\u{3000}", r"1/2\u3000"),
    ] {
        let expected = format!(
            r#"settings.wrong_penalty: expected a fraction such as "1/2" or "-1/3" with terms up to 1000, found "{shown}""#
        );
        assert_eq!(
            problems_after(|d| d["settings"] = json!({ "wrong_penalty": padded })),
            [expected]
        );
    }
}

fn valid_with_penalty(penalty: &str) -> String {
    let mut doc = valid();
    doc["settings"] = json!({ "wrong_penalty": penalty });
    doc.to_string()
}

#[test]
fn settings_default_when_left_out() {
    let quiz = Quiz::from_json(&valid().to_string()).unwrap();
    let settings = quiz.settings();
    assert!(!settings.shuffle_questions && !settings.shuffle_choices);
    assert_eq!(settings.draw, None);
    assert_eq!(quiz.questions_per_attempt(), 2);
    assert_eq!(settings.pass_mark, 50);
    assert_eq!(settings.policy, reader_quiz::Policy::AllOrNothing);
    assert_eq!(settings.reveal, reader_quiz::Reveal::Each);
    assert_eq!(quiz.questions()[0].points, 1);
    assert_eq!(quiz.questions()[0].choices[1].weight, None);
}

#[test]
fn garbage_input_gets_an_error_never_a_panic() {
    for text in [
        "",
        "null",
        "[]",
        "\"quiz\"",
        "{",
        "{\"format\": 1e400}",
        "\u{feff}{}",
        "{\u{a0}\"format\": 1}",
        &"[".repeat(10_000),
    ] {
        assert!(Quiz::from_json(text).is_err(), "{text:.20}");
    }
}

#[test]
fn the_article_quiz_cut_short_or_with_a_pasted_no_break_space_anywhere_gets_an_error_never_a_panic() {
    let text = std::fs::read_to_string("questions.json").unwrap();
    let cuts = (0..text.len()).step_by(89).filter(|&at| text.is_char_boundary(at));
    for at in cuts {
        assert!(Quiz::from_json(&text[..at]).is_err());
        let pasted = format!("{}\u{a0}{}", &text[..at], &text[at..]);
        let _ = Quiz::from_json(&pasted);
    }
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let text = " ".repeat(reader_quiz::MAX_INPUT_BYTES + 1);
    let errors = Quiz::from_json(&text).unwrap_err();
    assert_eq!(errors.as_slice()[0].kind(), ErrorKind::TooLarge);
}

#[test]
fn the_fingerprint_ignores_layout_but_not_content() {
    let doc = valid();
    let compact = Quiz::from_json(&doc.to_string()).unwrap();
    let pretty = Quiz::from_json(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    assert_eq!(compact.fingerprint(), pretty.fingerprint());
    let mut edited = doc.clone();
    edited["questions"][0]["explanation"] = json!("Because, corrected.");
    let edited = Quiz::from_json(&edited.to_string()).unwrap();
    assert_ne!(compact.fingerprint(), edited.fingerprint());
}

#[test]
fn the_readme_example_is_a_valid_questions_file() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## The questions file").unwrap()..];
    let example = section
        .split("```json\n")
        .nth(1)
        .unwrap()
        .split("\n```")
        .next()
        .unwrap();
    if let Err(errors) = Quiz::from_json(example) {
        panic!("the README's example: {errors}");
    }
}
