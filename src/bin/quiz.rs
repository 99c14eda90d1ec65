//! `quiz`: check, score and describe questions files from the command line.

use std::fmt::Write as _;
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;

use reader_quiz::{Outcome, Quiz, QuizResult, MAX_INPUT_BYTES, SCHEMA};

const USAGE: &str = "usage:
  quiz check FILE            report every problem in a questions file
  quiz score FILE ANSWERS    score an answers file ({\"question-id\": \"choice-id\" or [ids]})
        [--json]             print the result as JSON
  quiz schema                print the JSON Schema of questions files

exit codes: 0 ok, 1 the questions or answers have problems, 2 usage error,
  3 a file cannot be read or the output cannot be written";

/// Exit code when a questions or answers file has problems.
const PROBLEMS: u8 = 1;
/// Exit code for a command line that makes no sense.
const USAGE_ERROR: u8 = 2;
/// Exit code when a file cannot be read, or the output cannot be written.
const UNREADABLE: u8 = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if args.iter().any(|a| matches!(*a, "help" | "--help" | "-h")) {
        return output(format!("{USAGE}\n"));
    }
    match args.as_slice() {
        ["check", file] => check(file),
        ["score", file, answers] => score(file, answers, false),
        ["score", file, answers, "--json"] | ["score", "--json", file, answers] => score(file, answers, true),
        ["schema"] => output(SCHEMA.to_string()),
        [command, ..] if !matches!(*command, "check" | "score" | "schema") => {
            eprintln!("quiz: unknown command \"{command}\"\n{USAGE}");
            ExitCode::from(USAGE_ERROR)
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(USAGE_ERROR)
        }
    }
}

/// Writes `text` to standard output. A reader that stops reading early (`quiz … | head`) ends
/// the command quietly, as it asked; any other failure to write (a full disk) is reported.
fn output(text: String) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quiz: cannot write the output: {e}");
            ExitCode::from(UNREADABLE)
        }
    }
}

/// Reports the problems found in the file at `path`, one a line, then how many there are.
fn problems(path: &str, messages: impl IntoIterator<Item = impl std::fmt::Display>) -> ExitCode {
    let mut n = 0;
    for message in messages {
        eprintln!("{path}: {message}");
        n += 1;
    }
    eprintln!("{path}: {n} problem{}", if n == 1 { "" } else { "s" });
    ExitCode::from(PROBLEMS)
}

fn read(path: &str) -> Result<String, ExitCode> {
    // At most one byte past the limit is read: a file larger than any questions file may be,
    // or an endless stream, is refused without being held in memory.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            eprintln!("{path}: cannot read: {e}");
            ExitCode::from(UNREADABLE)
        })?;
    if bytes.len() > MAX_INPUT_BYTES {
        let message = format!("the file is more than the limit of {MAX_INPUT_BYTES} bytes");
        return Err(problems(path, [message]));
    }
    String::from_utf8(bytes).map_err(|e| {
        // Where the first byte that is not UTF-8 is, as an editor counts lines and columns.
        let before = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        problems(
            path,
            [format!(
                "line {line}, column {column}: the file is not UTF-8 text: save it as UTF-8"
            )],
        )
    })
}

fn load(path: &str) -> Result<Quiz, ExitCode> {
    let text = read(path)?;
    Quiz::from_json(&text).map_err(|errors| problems(path, errors.as_slice()))
}

fn check(path: &str) -> ExitCode {
    match load(path) {
        Ok(quiz) => {
            let count = quiz.questions().len();
            output(format!(
                "{path}: ok: \"{}\", {count} question{}, {} per attempt\n",
                quiz.title(),
                if count == 1 { "" } else { "s" },
                quiz.questions_per_attempt()
            ))
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
        Ok(result) if json => output(serde_json::to_string_pretty(&result).unwrap_or_default() + "\n"),
        Ok(result) => output(result_text(&result)),
        Err(errors) => problems(answers_path, errors.as_slice()),
    }
}

fn result_text(result: &QuizResult) -> String {
    let mut text = String::new();
    for q in &result.questions {
        let mark = match q.outcome {
            Outcome::Correct => "right",
            Outcome::Partial => "partly right",
            Outcome::Wrong => "wrong",
            Outcome::Unanswered => "unanswered",
        };
        let _ = writeln!(text, "{:<40} {:>6} / {:<4} {mark}", q.id, q.points_text, q.max);
    }
    let _ = writeln!(
        text,
        "score: {} / {} ({} %), {}",
        result.points_text,
        result.max,
        result.percentage,
        if result.passed { "passed" } else { "not passed" }
    );
    if let Some(band) = &result.band {
        let _ = writeln!(text, "{}: {}", band.title, band.message);
    }
    text
}
