//! `quiz`: check, score and describe questions files from the command line.

use std::process::ExitCode;
use std::sync::Arc;

use reader_quiz::{Outcome, Quiz, QuizResult, SCHEMA};

const USAGE: &str = "usage:
  quiz check FILE            report every problem in a questions file
  quiz score FILE ANSWERS    score an answers file ({\"question-id\": \"choice-id\" or [ids]})
        [--json]             print the result as JSON
  quiz schema                print the JSON Schema of questions files

exit codes: 0 ok, 1 the questions or answers have problems, 2 usage error, 3 a file cannot be read";

/// Exit code when a questions or answers file has problems.
const PROBLEMS: u8 = 1;
/// Exit code for a command line that makes no sense.
const USAGE_ERROR: u8 = 2;
/// Exit code when a file cannot be read.
const UNREADABLE: u8 = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", file] => check(file),
        ["score", file, answers] => score(file, answers, false),
        ["score", file, answers, "--json"] | ["score", "--json", file, answers] => score(file, answers, true),
        ["schema"] => {
            print!("{SCHEMA}");
            ExitCode::SUCCESS
        }
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(USAGE_ERROR)
        }
    }
}

fn read(path: &str) -> Result<String, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(UNREADABLE)
    })?;
    String::from_utf8(bytes).map_err(|e| {
        // Where the first byte that is not UTF-8 is, as an editor counts lines and columns.
        let before = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        eprintln!("{path}: line {line}, column {column}: the file is not UTF-8 text: save it as UTF-8");
        ExitCode::from(PROBLEMS)
    })
}

fn load(path: &str) -> Result<Quiz, ExitCode> {
    let text = read(path)?;
    Quiz::from_json(&text).map_err(|errors| {
        for error in errors.as_slice() {
            eprintln!("{path}: {error}");
        }
        let n = errors.len();
        eprintln!("{path}: {n} problem{}", if n == 1 { "" } else { "s" });
        ExitCode::from(PROBLEMS)
    })
}

fn check(path: &str) -> ExitCode {
    match load(path) {
        Ok(quiz) => {
            let count = quiz.questions().len();
            println!(
                "{path}: ok: \"{}\", {count} question{}, {} per attempt",
                quiz.title(),
                if count == 1 { "" } else { "s" },
                quiz.questions_per_attempt()
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn score(path: &str, answers_path: &str, json: bool) -> ExitCode {
    let quiz = match load(path) {
        Ok(quiz) => Arc::new(quiz),
        Err(code) => return code,
    };
    let answers = match read(answers_path) {
        Ok(text) => text,
        Err(code) => return code,
    };
    match quiz.score_json(&answers) {
        Ok(result) if json => {
            println!("{}", serde_json::to_string_pretty(&result).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Ok(result) => {
            print_result(&result);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in errors.as_slice() {
                eprintln!("{answers_path}: {error}");
            }
            ExitCode::from(PROBLEMS)
        }
    }
}

fn print_result(result: &QuizResult) {
    for q in &result.questions {
        let mark = match q.outcome {
            Outcome::Correct => "right",
            Outcome::Partial => "partly right",
            Outcome::Wrong => "wrong",
            Outcome::Unanswered => "unanswered",
        };
        println!("{:<40} {:>6} / {:<4} {mark}", q.id, q.points_text, q.max);
    }
    println!(
        "score: {} / {} ({} %), {}",
        result.points_text,
        result.max,
        result.percentage,
        if result.passed { "passed" } else { "not passed" }
    );
    if let Some(band) = &result.band {
        println!("{}: {}", band.title, band.message);
    }
}
