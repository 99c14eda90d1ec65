//! Every string the quiz shows a reader, in one table per language.

use crate::scoring::Outcome;
use crate::view::Mark;

/// The reader-facing strings of one language.
#[derive(Debug)]
pub struct Texts {
    /// Label before the article link on the intro screen.
    pub based_on: &'static str,
    /// Start button.
    pub start: &'static str,
    /// Back button.
    pub back: &'static str,
    /// Next button.
    pub next: &'static str,
    /// Finish button.
    pub finish: &'static str,
    /// Check-answer button.
    pub check: &'static str,
    /// Shown when the reader checks a question without answering it.
    pub select_first: &'static str,
    /// Hint under a single-answer question.
    pub hint_single: &'static str,
    /// Hint under a multiple-answer question.
    pub hint_multiple: &'static str,
    /// Link to the article's passage.
    pub passage: &'static str,
    /// Heading of the result screen.
    pub result_heading: &'static str,
    /// Heading of the answer review.
    pub review: &'static str,
    /// Retry button.
    pub retry: &'static str,
    /// Said when the pass mark is reached.
    pub passed: &'static str,
    /// Heading of the error shown in place of a quiz that cannot load.
    pub load_error: &'static str,
    /// Marks on revealed choices: picked and correct, correct but missed, picked and wrong.
    pub marks: [&'static str; 3],
    /// Outcome titles: correct, partial, wrong, unanswered.
    pub outcomes: [&'static str; 4],
    /// "10 questions".
    pub question_count: fn(usize) -> String,
    /// "Question 3 of 10".
    pub progress: fn(usize, usize) -> String,
    /// "4 of 10 answered".
    pub answered: fn(usize, usize) -> String,
    /// "Question 3".
    pub question_number: fn(usize) -> String,
    /// "0.5 of 1 point".
    pub points_of: fn(&str, u32) -> String,
    /// "You scored 7 out of 10 (70 %)".
    pub score: fn(&str, u64, u8) -> String,
    /// "The pass mark is 60 %".
    pub pass_mark: fn(u8) -> String,
}

impl Texts {
    /// The strings for a BCP 47 language tag; English for any language without a table yet.
    pub fn for_language(_tag: &str) -> &'static Texts {
        &ENGLISH
    }

    /// The words for a choice's mark.
    pub fn mark(&self, mark: Mark) -> &'static str {
        match mark {
            Mark::CorrectPicked => self.marks[0],
            Mark::CorrectMissed => self.marks[1],
            Mark::WrongPicked => self.marks[2],
        }
    }

    /// The title of an outcome.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Correct => self.outcomes[0],
            Outcome::Partial => self.outcomes[1],
            Outcome::Wrong => self.outcomes[2],
            Outcome::Unanswered => self.outcomes[3],
        }
    }
}

fn plural_en(n: u64, one: &str, other: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {other}")
    }
}

/// English.
pub static ENGLISH: Texts = Texts {
    based_on: "Based on",
    start: "Start the quiz",
    back: "Back",
    next: "Next question",
    finish: "See my result",
    check: "Check answer",
    select_first: "Select an answer before checking it.",
    hint_single: "Select one answer.",
    hint_multiple: "Select all that apply.",
    passage: "Read the passage in the article",
    result_heading: "Your result",
    review: "Review your answers",
    retry: "Try again",
    passed: "You passed",
    load_error: "This quiz could not be loaded",
    marks: [
        "Your answer: correct",
        "Correct answer, not selected",
        "Your answer: incorrect",
    ],
    outcomes: ["Correct", "Partly correct", "Incorrect", "Not answered"],
    question_count: |n| plural_en(n as u64, "question", "questions"),
    progress: |n, total| format!("Question {n} of {total}"),
    answered: |n, total| format!("{n} of {total} answered"),
    question_number: |n| format!("Question {n}"),
    points_of: |points, max| format!("{points} of {}", plural_en(u64::from(max), "point", "points")),
    score: |points, max, percentage| format!("You scored {points} out of {max} ({percentage} %)"),
    pass_mark: |mark| format!("The pass mark is {mark} %"),
};
