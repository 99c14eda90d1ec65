//! The rules a quiz must follow beyond its JSON shape, checked all at once.

use crate::decode::{self, Draft, MAX_QUESTIONS};
use crate::error::{message, Error, ErrorKind, Errors, Message, MESSAGES};

use crate::model::{Choice, Kind, Policy, Question, Quiz, FORMAT_VERSION};
use crate::scoring::{self, Ratio};
use crate::strings::{Digits, Written};
use crate::table::Positions;

/// The most choices one question may have.
pub const MAX_CHOICES: usize = 100;
/// The most result bands a quiz may have: one for each percentage from 0 to 100, since bands
/// may not overlap.
pub const MAX_BANDS: usize = 101;
/// The largest common denominator the scores of one quiz may need: 10^11, so that a total of
/// 10,000 questions of 1,000 points each adds up exactly in 64 bits.
pub const MAX_COMMON_DENOMINATOR: i64 = 100_000_000_000;

impl Quiz {
    /// Reads and validates a questions.json text, reporting every problem found.
    ///
    /// A syntax error is reported alone, at its line and column; otherwise every type,
    /// field and rule problem is reported, each at its path (`questions[3].choices[1].id`)
    /// and the line and column where that is in `text`, in the order of the file.
    pub fn from_json(text: &str) -> Result<Quiz, Errors> {
        let mut errors = Vec::new();
        let quiz = read(text, &mut errors);
        if MESSAGES && !errors.is_empty() {
            Error::place(&mut errors, text);
        }
        // `read` gives no quiz only with a problem, so that no fallback error is needed.
        debug_assert_eq!(
            quiz.is_some(),
            errors.is_empty(),
            "a quiz comes with no problem, and none without"
        );
        quiz.ok_or(Errors(errors))
    }
}

/// The quiz `text` holds, if it has no problem; or else `None`, with the problems of its
/// shape and, where they can be told, of its rules added to `errors`.
fn read(text: &str, errors: &mut Vec<Error>) -> Option<Quiz> {
    let draft = decode::decode(text, errors)?;
    match draft.format {
        Some(FORMAT_VERSION) | None => {}
        Some(other) => {
            // A file of another format would mostly yield noise: report only this.
            let message = message!(
                "format ",
                other.digits(),
                " is not supported (this engine reads format ",
                FORMAT_VERSION.digits(),
                ")"
            );
            errors.clear();
            report(errors, Error::at(ErrorKind::UnsupportedFormat, "format", message));
            return None;
        }
    }
    // Without messages, nothing would say which rules a file with shape errors also breaks.
    if !MESSAGES && !errors.is_empty() {
        return None;
    }
    let (index, unit) = check_questions(&draft, errors);
    check_settings(&draft, errors);
    check_bands(&draft, errors);
    errors.is_empty().then(|| build(draft, index, unit))
}

/// The quiz of a draft that breaks no rule, with the questions' `index` and common
/// denominator `unit` that its checks found.
fn build(draft: Draft, index: Positions, unit: i64) -> Quiz {
    let mut quiz = draft.quiz;
    sort_by_key(&mut quiz.bands, |b| b.min);
    quiz.index = index;
    quiz.unit = unit;
    quiz
}

/// Checks the questions, returning where each id is and the least common multiple of every
/// question's `scoring::credit_denominator`, saturating at `i64::MAX`: in a quiz with no
/// problems, its index and the unit its `scoring::Tally` adds credits in. Worked out here
/// once rather than again when the quiz is built.
fn check_questions(draft: &Draft, errors: &mut Vec<Error>) -> (Positions, i64) {
    let questions = &draft.quiz.questions;
    if questions.is_empty() && draft.questions_read {
        report(
            errors,
            Error::at(
                ErrorKind::OutOfRange,
                "questions",
                message!("a quiz needs at least 1 question"),
            ),
        );
    }
    if questions.len() > MAX_QUESTIONS {
        let message = message!(
            questions.len().digits(),
            " questions is more than the limit of ",
            MAX_QUESTIONS.digits()
        );
        report(errors, Error::at(ErrorKind::TooLarge, "questions", message));
    }
    let index = first_use(questions.len(), &|i| &questions[i].id, "questions", "question", errors);
    // Over the questions whose choices can be scored: one without them is reported already.
    let mut common = 1;
    for (i, question) in questions.iter().enumerate() {
        let path = message!("questions[", i.digits(), "]");
        let choices_path = message!(path, ".choices");
        let choices = &question.choices;
        first_use(choices.len(), &|j| &choices[j].id, &choices_path, "choice", errors);
        if MESSAGES && draft.faulted[i] {
            continue;
        }
        let n = question.choices.len();
        if n < 2 {
            let message = message!("a question needs at least 2 choices, found ", n.digits());
            report(errors, Error::at(ErrorKind::TooFewChoices, &choices_path, message));
            continue;
        }
        if n > MAX_CHOICES {
            let message = message!(n.digits(), " choices is more than the limit of ", MAX_CHOICES.digits());
            report(errors, Error::at(ErrorKind::TooLarge, &choices_path, message));
            continue;
        }
        let correct = question.choices.iter().filter(|c| c.correct).count();
        match question.kind {
            Kind::Single if correct != 1 => {
                let message = message!(
                    "a single-answer question needs exactly 1 correct choice, found ",
                    correct.digits()
                );
                report(errors, Error::at(ErrorKind::CorrectChoices, &path, message));
            }
            Kind::Multiple if correct == 0 => {
                let message = message!("a multiple-answer question needs at least 1 correct choice, found none");
                report(errors, Error::at(ErrorKind::CorrectChoices, &path, message));
            }
            _ => {}
        }
        if question.kind == Kind::Single && question.policy.is_some() {
            let message = message!("a scoring policy applies only to multiple-answer questions");
            report(
                errors,
                Error::at(ErrorKind::Scoring, message!(path, ".policy"), message),
            );
        }
        check_choice_scoring(question, draft.quiz.settings.policy, &path, errors);
        common = scoring::lcm(common, scoring::credit_denominator(question, &draft.quiz.settings));
    }
    if common > MAX_COMMON_DENOMINATOR {
        let message = message!("the questions' scoring needs fractions too fine to add up exactly: use fewer different weights, fractions or choice counts");
        report(errors, Error::at(ErrorKind::TooLarge, "questions", message));
    }
    (index, common)
}

/// Reports each of the `len` ids `id_of` reads used again after its first use, and each empty
/// one is skipped (its emptiness was reported already); returns where each id is first used.
/// The ids are read through one `dyn` closure, so that questions' and choices' share one body.
fn first_use<'a>(
    len: usize,
    id_of: &dyn Fn(usize) -> &'a str,
    path: &str,
    what: &str,
    errors: &mut Vec<Error>,
) -> Positions {
    let mut seen = Positions::default();
    for i in 0..len {
        let id = id_of(i);
        if id.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(id, i, id_of) {
            let message = message!(
                what,
                " id \"",
                id,
                "\" is already used by ",
                path,
                "[",
                first.digits(),
                "]"
            );
            report(
                errors,
                Error::at(ErrorKind::DuplicateId, message!(path, "[", i.digits(), "].id"), message),
            );
        }
    }
    seen
}

/// Checks the choices' `h5p` weights and `moodle` fractions: each is refused where the question
/// is scored otherwise, and fractions are given for every choice or none, lie between −1 and 1,
/// are above 0 for the correct choices and 0 or below for the wrong ones, and those of the correct
/// choices add up to 1.
fn check_choice_scoring(question: &Question, quiz_policy: Policy, path: &str, errors: &mut Vec<Error>) {
    let first = |has: fn(&Choice) -> bool| question.choices.iter().position(has);
    let weight = first(|c| c.weight.is_some());
    unread(question, quiz_policy, Policy::H5p, "weight", weight, path, errors);
    let Some(fraction) = first(|c| c.fraction.is_some()) else {
        return;
    };
    if unread(
        question,
        quiz_policy,
        Policy::Moodle,
        "fraction",
        Some(fraction),
        path,
        errors,
    ) {
        return;
    }
    if question.choices.iter().any(|c| c.fraction.is_none()) {
        let message = message!("when one choice has a fraction, every choice needs one");
        report(
            errors,
            Error::at(ErrorKind::Scoring, message!(path, ".choices"), message),
        );
        return;
    }
    // A correct choice earns, a wrong one costs or is neutral: so that exactly the correct set
    // scores the whole point, as under every other policy.
    let mut misfits = false;
    for (j, choice) in question.choices.iter().enumerate() {
        let Some(f) = choice.fraction else {
            continue;
        };
        // In lowest terms with a positive denominator: the numerator gives the sign.
        let message = if f.numer().unsigned_abs() > f.denom().unsigned_abs() {
            message!("fraction ", f.written(), " is outside -1 to 1")
        } else if choice.correct != (f.numer() > 0) {
            match choice.correct {
                true => message!(
                    "the choice is correct, so its fraction must be above 0, found ",
                    f.written()
                ),
                false => message!(
                    "the choice is wrong, so its fraction must be 0 or below, found ",
                    f.written()
                ),
            }
        } else {
            continue;
        };
        report(
            errors,
            Error::at(
                ErrorKind::Scoring,
                message!(path, ".choices[", j.digits(), "].fraction"),
                message,
            ),
        );
        misfits = true;
    }
    // Added up over the fractions' common denominator, when it is one the quiz may have: a
    // finer one is reported for the whole quiz, and the sum could overflow on the way.
    let fractions = || question.choices.iter().filter_map(|c| c.fraction);
    let common = fractions().fold(1, |l, f| scoring::lcm(l, f.denom()));
    if misfits || common > MAX_COMMON_DENOMINATOR {
        return;
    }
    let earned: i64 = fractions()
        .filter(|f| f.numer() > 0)
        .map(|f| f.numer() * (common / f.denom()))
        .sum();
    if earned != common {
        let sum = Ratio::new(earned, common).unwrap_or(Ratio::ZERO);
        let message = message!("the correct choices' fractions add up to ", sum.written(), ", not 1");
        report(
            errors,
            Error::at(ErrorKind::Scoring, message!(path, ".choices"), message),
        );
    }
}

fn check_settings(draft: &Draft, errors: &mut Vec<Error>) {
    let settings = &draft.quiz.settings;
    if let Some(draw) = settings
        .draw
        .filter(|_| draft.questions_read && !draft.quiz.questions.is_empty())
    {
        let pool = draft.quiz.questions.len();
        if draw > pool {
            let message = message!(
                "draw ",
                draw.digits(),
                " is larger than the pool of ",
                pool.digits(),
                if pool == 1 { " question" } else { " questions" }
            );
            report(errors, Error::at(ErrorKind::DrawTooLarge, "settings.draw", message));
        }
    }
    let penalty = settings.wrong_penalty;
    if penalty < Ratio::ZERO || penalty > Ratio::ONE {
        let message = message!("the penalty must be between 0 and 1, found ", penalty.written());
        report(
            errors,
            Error::at(ErrorKind::OutOfRange, "settings.wrong_penalty", message),
        );
    }
}

fn check_bands(draft: &Draft, errors: &mut Vec<Error>) {
    let n = draft.quiz.bands.len();
    if n > MAX_BANDS {
        let message = message!(n.digits(), " bands is more than the limit of ", MAX_BANDS.digits());
        report(errors, Error::at(ErrorKind::TooLarge, "bands", message));
        return;
    }
    let mut bands: Vec<(usize, u8, u8)> = Vec::new();
    for (i, band) in draft.quiz.bands.iter().enumerate() {
        if band.min > band.max {
            let message = message!("min ", band.min.digits(), " is above max ", band.max.digits());
            report(errors, Error::at(ErrorKind::Bands, band_path(i), message));
        } else {
            bands.push((i, band.min, band.max));
        }
    }
    // A band left out, as unreadable or upside down, may be what covers a gap the others leave.
    let whole = draft.every_band_read && bands.len() == draft.quiz.bands.len();
    if bands.is_empty() {
        return;
    }
    sort_by_key(&mut bands, |&(_, min, _)| min);
    let mut covered_to: i16 = -1; // the highest percentage covered so far
    let mut last = None;
    // A percentage from 0 to 100, for messages: every caller's is at least 0.
    let percent = |p: i16| {
        debug_assert!(p >= 0, "percentage {p} below 0");
        p.unsigned_abs().digits()
    };
    // The percentages from `from` to `to`, for messages: "40–59 %", or "40 %" alone.
    let span = |from: i16, to: i16| match from == to {
        true => message!(percent(from), " %"),
        false => message!(percent(from), "–", percent(to), " %"),
    };
    for &(i, min, max) in &bands {
        let (min, max) = (i16::from(min), i16::from(max));
        if min > covered_to + 1 && whole {
            let message = message!("no band covers ", span(covered_to + 1, min - 1));
            report(errors, Error::at(ErrorKind::Bands, "bands", message));
        } else if min <= covered_to {
            let other = last.unwrap_or(i);
            let message = message!(
                "overlaps ",
                band_path(other),
                " on ",
                percent(min),
                "–",
                percent(max.min(covered_to)),
                " %"
            );
            report(errors, Error::at(ErrorKind::Bands, band_path(i), message));
        }
        if max > covered_to {
            covered_to = max;
            last = Some(i);
        }
    }
    if covered_to < 100 && whole {
        let message = message!("no band covers ", span(covered_to + 1, 100));
        report(errors, Error::at(ErrorKind::Bands, "bands", message));
    }
}

/// Reports a choice's `field`, which only the `reader` policy of a multiple-answer question
/// reads, where `question` (at `path`) is scored otherwise: once, at `first`, the first choice
/// that has it, if any. Returns whether it did, so that rules about the field's values keep quiet.
fn unread(
    question: &Question,
    quiz_policy: Policy,
    reader: Policy,
    field: &str,
    first: Option<usize>,
    path: &str,
    errors: &mut Vec<Error>,
) -> bool {
    let Some(j) = first else {
        return false;
    };
    let policy = question.policy.unwrap_or(quiz_policy);
    if question.kind == Kind::Multiple && policy == reader {
        return false;
    }
    let message = match question.kind {
        Kind::Single => message!(
            "a choice's ",
            field,
            " counts only in a multiple-answer question scored by \"",
            reader.name(),
            "\", and this one is single-answer"
        ),
        Kind::Multiple => message!(
            "a choice's ",
            field,
            " counts only under the \"",
            reader.name(),
            "\" policy, and this question is scored by \"",
            policy.name(),
            if question.policy.is_some() {
                "\""
            } else {
                "\", the quiz's policy"
            }
        ),
    };
    let at = message!(path, ".choices[", j.digits(), "].", field);
    report(errors, Error::at(ErrorKind::Scoring, at, message));
    true
}

/// Sorts `items` by `key`, keeping equal keys in order: an insertion sort, for at most
/// [`MAX_BANDS`] bands, where std's stable sort would cost the page half a kilobyte for each
/// type it sorts.
fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Adds `error` to `errors`: one call at each of the rules' reports rather than a copy of
/// `Vec::push` at each.
fn report(errors: &mut Vec<Error>, error: Error) {
    errors.push(error);
}

/// `bands[i]`.
fn band_path(i: usize) -> Message {
    message!("bands[", i.digits(), "]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_key_keeps_equal_keys_in_their_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(key, _)| key);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |&k| k);
    }
}
