//! The `quiz` command: what editors and scripts see, and the exit codes they rely on.

use std::process::{Command, Output};

fn quiz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quiz"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the quiz binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_passes_the_shipped_quiz() {
    let output = quiz(&["check", "questions.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("questions.json: ok: "),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).is_empty());
}

#[test]
fn check_reports_a_syntax_error_with_line_and_column() {
    let output = quiz(&["check", "tests/fixtures/broken-syntax.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "tests/fixtures/broken-syntax.json: line 5, column 3: expected \",\" or \"}\": is a comma missing before this?\n\
         tests/fixtures/broken-syntax.json: 1 problem\n"
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn check_names_where_a_file_stops_being_utf8_and_a_byte_order_mark_is_no_problem() {
    let dir = std::env::temp_dir().join(format!("quiz-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Saved as Windows-1252 by a word processor: "ó" is the single byte F3.
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\n  \"title\": \"kil\xf3metres\"\n}").unwrap();
    let output = quiz(&["check", latin1.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{0}: line 2, column 16: the file is not UTF-8 text: save it as UTF-8\n{0}: 1 problem\n",
            latin1.display()
        )
    );
    let bom = dir.join("bom.json");
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/questions.json")).unwrap();
    std::fs::write(&bom, format!("\u{feff}{shipped}")).unwrap();
    let output = quiz(&["check", bom.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_reports_every_rule_problem_with_its_path_and_line_in_the_files_order() {
    let output = quiz(&["check", "tests/fixtures/broken-rules.json"]);
    assert_eq!(output.status.code(), Some(1));
    let file = "tests/fixtures/broken-rules.json";
    let expected: Vec<String> = [
        "settings.draw (line 12, column 25): draw 5 is larger than the pool of 2 questions",
        "bands[1] (line 15, column 5): overlaps bands[0] on 30–39 %",
        "questions[0].choices[1].corect (line 24, column 45): unknown field \"corect\", did you mean \"correct\"?",
        "questions[1] (line 28, column 5): a multiple-answer question needs at least 1 correct choice, found none",
        "questions[1].id (line 29, column 13): question id \"q1\" is already used by questions[0]",
        "questions[1].prompt (line 31, column 17): text is empty",
        "6 problems",
    ]
    .iter()
    .map(|line| format!("{file}: {line}\n"))
    .collect();
    assert_eq!(stderr(&output), expected.concat());
}

#[test]
fn check_of_a_missing_file_exits_3() {
    let output = quiz(&["check", "tests/fixtures/no-such-file.json"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).starts_with("tests/fixtures/no-such-file.json: cannot read: "));
}

#[test]
fn score_prints_each_question_and_the_total() {
    let output = quiz(&[
        "score",
        "tests/fixtures/small.json",
        "tests/fixtures/small-answers.json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    // colours: h5p, red (+1) and green (−1) of three correct → 0.
    assert!(text.contains("capital"), "{text}");
    assert!(text.contains("score: 1 / 2 (50 %), not passed\n"), "{text}");
    assert!(text.ends_with("Not yet: Read the article again\n"), "{text}");
}

#[test]
fn score_json_prints_the_result_as_json() {
    let output = quiz(&[
        "score",
        "tests/fixtures/small.json",
        "tests/fixtures/small-answers.json",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let result: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["points"], "1");
    assert_eq!(result["max"], 2);
    assert_eq!(result["percentage"], 50);
    assert_eq!(result["passed"], false);
    assert_eq!(result["questions"][0]["outcome"], "correct");
    // JavaScript's names, as the headless API's results have them.
    assert_eq!(result["pointsText"], "1");
    assert_eq!(result["correctCount"], 1);
    assert_eq!(result["questions"][0]["pointsText"], "1");
    assert_eq!(result["questions"][1]["selected"], serde_json::json!(["red", "green"]));
    assert_eq!(
        result["questions"][1]["correct"],
        serde_json::json!(["red", "blue", "orange"])
    );
}

#[test]
fn score_reports_answers_that_name_unknown_ids() {
    let dir = std::env::temp_dir().join(format!("quiz-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("answers.json");
    std::fs::write(&answers, r#"{"capital": "paris", "weather": "sunny"}"#).unwrap();
    let answers = answers.to_str().unwrap();
    let output = quiz(&["score", "tests/fixtures/small.json", answers]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{answers}: capital: question \"capital\" has no choice \"paris\"\n\
             {answers}: weather: the quiz has no question with this id\n\
             {answers}: 2 problems\n"
        )
    );
}

#[test]
fn schema_prints_the_json_schema() {
    let output = quiz(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(schema["title"], "Reader quiz questions file");
}

#[test]
fn a_wrong_command_line_prints_usage_and_exits_2() {
    for args in [
        &[][..],
        &["check"],
        &["score", "a.json"],
        &["check", "a.json", "b.json"],
    ] {
        let output = quiz(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("usage:"), "{args:?}");
    }
}

#[test]
fn a_mistyped_command_is_named_before_the_usage() {
    let output = quiz(&["chek", "questions.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("quiz: unknown command \"chek\"\nusage:"));
}

#[test]
fn help_anywhere_on_the_command_line_prints_the_usage() {
    for args in [&["--help"][..], &["check", "--help"], &["score", "-h"], &["help"]] {
        let output = quiz(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(stdout(&output).starts_with("usage:"), "{args:?}");
    }
}

#[test]
fn a_file_past_the_size_limit_is_refused_without_reading_it_all() {
    // An endless stream is the extreme case: only the limit and one byte more are read.
    let output = quiz(&["check", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "/dev/zero: the file is more than the limit of 8388608 bytes\n/dev/zero: 1 problem\n"
    );
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly_and_a_full_disk_is_reported() {
    use std::io::Read;
    use std::process::Stdio;
    // A reader that stops at once, as `quiz schema | head -c 0` would: the pipe's reading end is
    // closed before the command writes.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quiz"))
        .arg("schema")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdout = None;
    let status = child.wait().unwrap();
    let mut errors = String::new();
    child.stderr.take().unwrap().read_to_string(&mut errors).unwrap();
    assert_eq!((status.code(), errors.as_str()), (Some(0), ""));

    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quiz"))
        .args(["check", "questions.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).starts_with("quiz: cannot write the output: "),
        "{}",
        stderr(&output)
    );
}
