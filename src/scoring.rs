//! Every scoring rule, in exact rational arithmetic.
//!
//! A question earns `points × credit`, where the credit is a fraction between 0 and 1
//! (or down to −`wrong_penalty` for a wrong single answer):
//!
//! - single answer: 1 for the correct choice, −`wrong_penalty` for a wrong one;
//! - `all_or_nothing`: 1 when the picked set is exactly the correct set, else 0;
//! - `h5p`: (Σ weight of correct picked − Σ weight of wrong picked) / Σ weight of correct, floored at 0;
//! - `moodle`: Σ fraction of picked choices, clamped to 0–1;
//! - `every_decision`: (correct picked + wrong left) / number of choices;
//! - `halves`: errors = wrong picked + correct left; 0 errors → 1, 1 error → 1/2 when there
//!   are at least 3 choices, 2 errors → 1/4 when there are at least 5, else 0.
//!
//! An unanswered question earns 0 under every policy. The quiz total is the sum of the
//! questions' points, clamped to 0–max; the percentage is floored, and a quiz is passed
//! when the exact score reaches the pass mark.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::model::{Band, Choice, Kind, Policy, Question, Quiz, Settings};
use crate::strings::{push_digits, Written};

/// An exact fraction, always in lowest terms with a positive denominator.
///
/// Its terms are 64-bit. Adding and multiplying are exact while their cross products fit in
/// `i64` (a validated quiz's scores stay within ±10^18); comparing is exact for any terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i64,
    den: i64,
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i64
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    /// One.
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den` in lowest terms; `None` when `den` is zero, or either is `i64::MIN` (whose
    /// negation does not fit).
    pub fn new(num: i64, den: i64) -> Option<Ratio> {
        if den == 0 || num == i64::MIN || den == i64::MIN {
            return None;
        }
        let g = gcd(num, den);
        let sign = if den < 0 { -1 } else { 1 };
        Some(Ratio {
            num: sign * num / g,
            den: sign * den / g,
        })
    }

    /// A whole number.
    pub fn from_int(n: i64) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// The numerator (carries the sign).
    pub fn numer(self) -> i64 {
        self.num
    }

    /// The denominator (always positive).
    pub fn denom(self) -> i64 {
        self.den
    }

    fn from_parts(num: i64, den: i64) -> Ratio {
        // Callers pass a non-zero denominator built from non-zero denominators.
        Ratio::new(num, den).unwrap_or(Ratio::ZERO)
    }

    /// `self` clamped to `lo..=hi`.
    pub fn clamp(self, lo: Ratio, hi: Ratio) -> Ratio {
        if self < lo {
            lo
        } else if self > hi {
            hi
        } else {
            self
        }
    }

    /// `floor(self × 100 / max)`, the percentage of `max` this is (0 when `max` is zero).
    pub fn percent_of(self, max: Ratio) -> i64 {
        let share = Ratio::from_parts(self.num * max.den, self.den * max.num);
        let (whole, hundredths) = share.floor_places(2);
        whole * 100 + hundredths as i64
    }

    /// The value rounded down to `places` decimal places, as its whole part and the digits
    /// after the point (`-1/3`, 2 places → `(-1, 66)`, as −0.34 = −1 + 0.66). Long division,
    /// each step multiplying a remainder below the denominator by 10: exact in 64 bits for
    /// denominators up to 10^18, which covers every ratio [`Ratio::parse`] reads.
    fn floor_places(self, places: u32) -> (i64, u64) {
        let den = self.den.unsigned_abs();
        let mut rest = self.num.rem_euclid(self.den).unsigned_abs();
        let mut digits = 0;
        for _ in 0..places {
            rest *= 10;
            digits = digits * 10 + rest / den;
            rest %= den;
        }
        (self.num.div_euclid(self.den), digits)
    }

    /// The value as a decimal rounded down to at most `places` places, trailing zeros
    /// dropped: `7/2` → `3.5`, `2/3` → `0.66`, `-1/4` → `-0.25`, `-1/3` → `-0.34`.
    pub fn to_decimal(self, places: u32) -> String {
        self.to_decimal_with(places, '.')
    }

    /// [`Ratio::to_decimal`] with `point` as the decimal separator (`'.'` or a language's `','`):
    /// written once, rather than written with `'.'` and copied again character by character.
    pub(crate) fn to_decimal_with(self, places: u32, point: char) -> String {
        let (whole, mut digits) = self.floor_places(places);
        let mut text = String::new();
        // Written as a sign and a magnitude: −1 + 0.66 is −0.34.
        let mut magnitude = whole.unsigned_abs();
        if whole < 0 {
            text.push('-');
            if digits > 0 {
                magnitude -= 1;
                digits = 10u64.pow(places) - digits;
            }
        }
        push_digits(&mut text, magnitude, 1);
        let mut width = places as usize;
        while width > 0 && digits % 10 == 0 {
            digits /= 10;
            width -= 1;
        }
        if width > 0 {
            text.push(point);
            push_digits(&mut text, digits, width);
        }
        text
    }

    /// Reads `"n"`, `"-n"`, `"n/d"` or `"-n/d"` (whole numbers of at most 18 digits, `d` not
    /// zero), in one pass over its bytes: std's integer parsing would bring its overflow checks
    /// to the page, and 18 digits cannot overflow.
    pub fn parse(text: &str) -> Option<Ratio> {
        let negative = text.starts_with('-');
        // The numerator and the denominator, and how many digits each has so far.
        let (mut terms, mut digits, mut part) = ([0i64; 2], [0; 2], 0);
        for &b in &text.as_bytes()[usize::from(negative)..] {
            match b {
                b'0'..=b'9' if digits[part] < 18 => {
                    terms[part] = terms[part] * 10 + i64::from(b - b'0');
                    digits[part] += 1;
                }
                b'/' if part == 0 => part = 1,
                _ => return None,
            }
        }
        if digits[0] == 0 || part == 1 && digits[1] == 0 {
            return None;
        }
        let [num, den] = terms;
        Ratio::new(if negative { -num } else { num }, if part == 0 { 1 } else { den })
    }
}

impl std::ops::Add for Ratio {
    type Output = Ratio;
    fn add(self, other: Ratio) -> Ratio {
        Ratio::from_parts(self.num * other.den + other.num * self.den, self.den * other.den)
    }
}

impl std::ops::Neg for Ratio {
    type Output = Ratio;
    fn neg(self) -> Ratio {
        Ratio {
            num: -self.num,
            den: self.den,
        }
    }
}

impl std::ops::Sub for Ratio {
    type Output = Ratio;
    fn sub(self, other: Ratio) -> Ratio {
        self + -other
    }
}

impl std::ops::Mul for Ratio {
    type Output = Ratio;
    fn mul(self, other: Ratio) -> Ratio {
        Ratio::from_parts(self.num * other.num, self.den * other.den)
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        // Cross-multiplied in 128 bits, where no product of two `i64`s overflows.
        (i128::from(self.num) * i128::from(other.den)).cmp(&(i128::from(other.num) * i128::from(self.den)))
    }
}

/// `7/2`, `3`, `-1/4`: the form [`Ratio::parse`] reads.
impl Written for Ratio {
    fn written(&self) -> String {
        let mut text = String::new();
        if self.num < 0 {
            text.push('-');
        }
        push_digits(&mut text, self.num.unsigned_abs(), 1);
        if self.den != 1 {
            text.push('/');
            push_digits(&mut text, self.den.unsigned_abs(), 1);
        }
        text
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The credit (0–1, or negative for a penalised single answer) that `selected` earns on
/// `question`. `selected` holds choice indices, each at most once, all in range.
pub(crate) fn credit(question: &Question, policy: Policy, wrong_penalty: Ratio, selected: &[usize]) -> Ratio {
    let choices = &question.choices;
    let Some(&first) = selected.first() else {
        return Ratio::ZERO;
    };
    if question.kind == Kind::Single {
        return if choices[first].correct {
            Ratio::ONE
        } else {
            -wrong_penalty
        };
    }
    // What every rule counts, in one pass: the correct choices, the errors (wrong picked and
    // correct left), and the `h5p` weights picked (right less wrong) and available.
    let (mut correct, mut errors, mut weight, mut max_weight) = (0, 0, 0, 0);
    for (i, choice) in choices.iter().enumerate() {
        // Not `contains`, whose search unrolled for integers costs the page 0.1 KB.
        #[allow(clippy::manual_contains)]
        let picked = selected.iter().any(|&p| p == i);
        let w = h5p_weight(choice);
        if choice.correct {
            correct += 1;
            max_weight += w;
        }
        if picked {
            weight += if choice.correct { w } else { -w };
        }
        if picked != choice.correct {
            errors += 1;
        }
    }
    let n = choices.len();
    match policy {
        Policy::AllOrNothing => Ratio::from_int(i64::from(errors == 0)),
        Policy::H5p => Ratio::from_parts(weight.max(0), max_weight),
        Policy::Moodle => selected
            .iter()
            .fold(Ratio::ZERO, |sum, &i| {
                sum + moodle_fraction(&choices[i], correct, n - correct)
            })
            .clamp(Ratio::ZERO, Ratio::ONE),
        // The right decisions: correct picked and wrong left.
        Policy::EveryDecision => Ratio::from_parts((n - errors) as i64, n as i64),
        Policy::Halves => match errors {
            0 => Ratio::ONE,
            1 if n >= 3 => Ratio::from_parts(1, 2),
            2 if n >= 5 => Ratio::from_parts(1, 4),
            _ => Ratio::ZERO,
        },
    }
}

/// The denominator every credit `question` can earn is a whole multiple of, under its own
/// policy or the quiz's: one per rule of [`credit`].
pub(crate) fn credit_denominator(question: &Question, settings: &Settings) -> i64 {
    let choices = &question.choices;
    if question.kind == Kind::Single {
        return settings.wrong_penalty.denom();
    }
    match question.policy.unwrap_or(settings.policy) {
        Policy::AllOrNothing => 1,
        Policy::H5p => choices.iter().filter(|c| c.correct).map(h5p_weight).sum::<i64>().max(1),
        Policy::Moodle => {
            let correct = choices.iter().filter(|c| c.correct).count();
            let wrong = choices.len() - correct;
            choices
                .iter()
                .fold(1, |l, c| lcm(l, moodle_fraction(c, correct, wrong).denom()))
        }
        Policy::EveryDecision => (choices.len() as i64).max(1),
        Policy::Halves => 4,
    }
}

/// The least common multiple of two positive numbers (0 if either is 0), saturating at
/// `i64::MAX`: a saturated result is still at least as large as either, so it stays above
/// any limit they passed.
pub(crate) fn lcm(a: i64, b: i64) -> i64 {
    (a / gcd(a, b).max(1)).saturating_mul(b)
}

/// One choice's `h5p` weight: as written, or 1.
fn h5p_weight(choice: &Choice) -> i64 {
    i64::from(choice.weight.unwrap_or(1))
}

/// One choice's Moodle fraction, in a question with `correct` correct and `wrong` wrong choices:
/// as written, or, when the question gives none, +1/`correct` for a correct choice and
/// −1/`wrong` for a wrong one.
fn moodle_fraction(choice: &Choice, correct: usize, wrong: usize) -> Ratio {
    match choice.fraction {
        Some(f) => f,
        None if choice.correct => Ratio::from_parts(1, correct as i64),
        None => Ratio::from_parts(-1, wrong.max(1) as i64),
    }
}

/// How a question went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Full points.
    Correct,
    /// Some points, not all.
    Partial,
    /// No points (or fewer than none).
    Wrong,
    /// Nothing picked.
    Unanswered,
}

impl Outcome {
    /// The outcome's name: `correct`, `partial`, `wrong` or `unanswered`.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Correct => "correct",
            Outcome::Partial => "partial",
            Outcome::Wrong => "wrong",
            Outcome::Unanswered => "unanswered",
        }
    }
}

/// The feedback an editor wrote for one picked choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceFeedback {
    /// The choice's id.
    pub choice: String,
    /// Whether the choice is correct.
    pub correct: bool,
    /// The feedback text.
    pub text: String,
}

/// The result of one question of an attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionResult {
    /// The question's id.
    pub id: String,
    /// How it went.
    pub outcome: Outcome,
    /// Points earned, exact (`"1/2"`); negative only under negative marking.
    pub points: Ratio,
    /// Points earned as a decimal, rounded down to two places.
    pub points_text: String,
    /// Points available.
    pub max: u32,
    /// The ids of the picked choices, in file order.
    pub selected: Vec<String>,
    /// The ids of the correct choices, in file order.
    pub correct: Vec<String>,
    /// Feedback written for the picked choices, in file order.
    pub feedback: Vec<ChoiceFeedback>,
    /// The question's explanation.
    pub explanation: String,
    /// The link to the article's passage, if any.
    pub passage: Option<String>,
}

/// The band a result falls in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BandResult {
    /// The band's title.
    pub title: String,
    /// The band's message.
    pub message: String,
}

/// The result of an attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuizResult {
    /// Points earned, exact, between 0 and `max`.
    pub points: Ratio,
    /// Points earned as a decimal, rounded down to two places.
    pub points_text: String,
    /// Points available in this attempt.
    pub max: u64,
    /// `floor(100 × points / max)`.
    pub percentage: u8,
    /// Whether the exact score reaches the pass mark.
    pub passed: bool,
    /// The band the percentage falls in, if the quiz has bands.
    pub band: Option<BandResult>,
    /// How many questions were answered fully correctly.
    pub correct_count: usize,
    /// One entry per question of the attempt, in the order shown.
    pub questions: Vec<QuestionResult>,
}

/// Scores one attempt: each entry is a question index and the picked choice indices
/// (in increasing order, in range; empty for unanswered).
pub(crate) fn score_attempt<'a>(
    quiz: &Quiz,
    attempt: impl ExactSizeIterator<Item = (usize, &'a [usize])>,
) -> QuizResult {
    let settings = &quiz.settings;
    let mut tally = Tally::new(quiz);
    let mut questions = Vec::with_capacity(attempt.len());
    for (index, selected) in attempt {
        let question = &quiz.questions[index];
        let credit = question_credit(quiz, question, selected);
        tally.add_credit(credit, question.points);
        questions.push(question_result(question, selected, scored(question, selected, credit)));
    }
    let totals = tally.finish(settings.pass_mark);
    QuizResult {
        points: totals.points,
        points_text: totals.points.to_decimal(2),
        max: totals.max,
        percentage: totals.percentage,
        passed: totals.passed,
        band: band_for(&quiz.bands, totals.percentage),
        correct_count: questions.iter().filter(|q| q.outcome == Outcome::Correct).count(),
        questions,
    }
}

/// How one question went: what a view shows of it, without the ids and texts a whole
/// [`QuestionResult`] copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuestionScore {
    /// How it went.
    pub(crate) outcome: Outcome,
    /// Points earned, exact.
    pub(crate) points: Ratio,
    /// Points available.
    pub(crate) max: u32,
}

/// Scores question `index` of `quiz` answered with `selected`, without scoring the rest.
pub(crate) fn score_question(quiz: &Quiz, index: usize, selected: &[usize]) -> QuestionScore {
    let question = &quiz.questions[index];
    scored(question, selected, question_credit(quiz, question, selected))
}

/// How `question` went, answered with `selected` for `credit`.
fn scored(question: &Question, selected: &[usize], credit: Ratio) -> QuestionScore {
    QuestionScore {
        outcome: outcome(selected, credit),
        points: credit * Ratio::from_int(i64::from(question.points)),
        max: question.points,
    }
}

/// The credit `question` of `quiz` earns with `selected`, under its own policy or the quiz's.
fn question_credit(quiz: &Quiz, question: &Question, selected: &[usize]) -> Ratio {
    let policy = question.policy.unwrap_or(quiz.settings.policy);
    credit(question, policy, quiz.settings.wrong_penalty, selected)
}

/// An attempt's score without per-question detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Points earned, exact, between 0 and `max`.
    pub points: Ratio,
    /// Points available.
    pub max: u64,
    /// `floor(100 × points / max)`.
    pub percentage: u8,
    /// Whether the exact score reaches the pass mark.
    pub passed: bool,
}

/// Adds credits exactly in whole units of the quiz's common denominator, so that no sum
/// needs reducing until the end. Validation guarantees that every credit's denominator
/// divides the unit and that the unit is at most 10^11; with credits of at most 1 either way,
/// at most 1,000 points a question and 10,000 questions, the sum stays within ±10^18.
pub(crate) struct Tally {
    unit: i64,
    units: i64,
    max: u64,
}

impl Tally {
    /// An empty tally for `quiz`.
    pub(crate) fn new(quiz: &Quiz) -> Tally {
        Tally {
            unit: quiz.unit,
            units: 0,
            max: 0,
        }
    }

    /// Adds question `index` answered with `selected` (choice indices, each once, in range).
    pub(crate) fn add(&mut self, quiz: &Quiz, index: usize, selected: &[usize]) {
        let question = &quiz.questions[index];
        self.add_credit(question_credit(quiz, question, selected), question.points);
    }

    fn add_credit(&mut self, credit: Ratio, points: u32) {
        debug_assert_eq!(
            self.unit % credit.denom(),
            0,
            "credit {credit} does not divide unit {}",
            self.unit
        );
        self.units += credit.numer() * (self.unit / credit.denom()) * i64::from(points);
        self.max += u64::from(points);
    }

    /// The totals, the points clamped to 0–max.
    pub(crate) fn finish(self, pass_mark: u8) -> Totals {
        let max = Ratio::from_int(self.max as i64);
        let points = Ratio::from_parts(self.units, self.unit).clamp(Ratio::ZERO, max);
        let percentage = u8::try_from(points.percent_of(max).clamp(0, 100)).unwrap_or(0);
        Totals {
            points,
            max: self.max,
            percentage,
            // The pass mark is a whole percentage, so the exact score reaches it exactly when
            // the floored percentage does.
            passed: self.max == 0 || percentage >= pass_mark,
        }
    }
}

/// How a question went, from what was picked and the credit it earned.
fn outcome(selected: &[usize], credit: Ratio) -> Outcome {
    if selected.is_empty() {
        Outcome::Unanswered
    } else if credit == Ratio::ONE {
        Outcome::Correct
    } else if credit > Ratio::ZERO {
        Outcome::Partial
    } else {
        Outcome::Wrong
    }
}

fn question_result(question: &Question, selected: &[usize], score: QuestionScore) -> QuestionResult {
    let QuestionScore { outcome, points, max } = score;
    debug_assert!(
        selected.windows(2).all(|w| w[0] < w[1]),
        "picked choices come in file order"
    );
    QuestionResult {
        id: question.id.clone(),
        outcome,
        points,
        points_text: points.to_decimal(2),
        max,
        selected: selected.iter().map(|&i| question.choices[i].id.clone()).collect(),
        correct: question
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.id.clone())
            .collect(),
        feedback: selected
            .iter()
            .filter_map(|&i| {
                let choice = &question.choices[i];
                choice.feedback.as_ref().map(|text| ChoiceFeedback {
                    choice: choice.id.clone(),
                    correct: choice.correct,
                    text: text.clone(),
                })
            })
            .collect(),
        explanation: question.explanation.clone(),
        passage: question.passage.clone(),
    }
}

/// The band a percentage falls in, if any.
pub(crate) fn band_of(bands: &[Band], percentage: u8) -> Option<&Band> {
    bands.iter().find(|b| (b.min..=b.max).contains(&percentage))
}

fn band_for(bands: &[Band], percentage: u8) -> Option<BandResult> {
    band_of(bands, percentage).map(|b| BandResult {
        title: b.title.clone(),
        message: b.message.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::{lcm, Ratio};

    fn r(n: i64, d: i64) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn ratios_are_kept_in_lowest_terms_with_a_positive_denominator() {
        assert_eq!(r(2, 4), r(1, 2));
        assert_eq!(r(1, -2).to_string(), "-1/2");
        assert_eq!(r(6, 3).to_string(), "2");
        assert_eq!(Ratio::new(1, 0), None);
    }

    #[test]
    fn decimals_round_down_to_the_given_places_and_drop_trailing_zeros() {
        assert_eq!(r(7, 2).to_decimal(2), "3.5");
        assert_eq!(r(2, 3).to_decimal(2), "0.66");
        assert_eq!(r(1, 3).to_decimal(2), "0.33");
        assert_eq!(r(5, 1).to_decimal(2), "5");
        assert_eq!(r(-1, 4).to_decimal(2), "-0.25");
        assert_eq!(r(-1, 3).to_decimal(2), "-0.34");
        assert_eq!(r(1, 200).to_decimal(2), "0");
        assert_eq!(r(1, 20).to_decimal(2), "0.05");
        assert_eq!(r(-1, 200).to_decimal(2), "-0.01");
        assert_eq!(r(1_000_001, 1000).to_decimal(3), "1000.001");
    }

    #[test]
    fn decimals_with_a_languages_separator_are_those_the_texts_would_make() {
        for (ratio, texts) in [
            (r(7, 2), &crate::text::RUSSIAN),
            (r(-1, 3), &crate::text::ARMENIAN),
            (r(5, 1), &crate::text::ENGLISH),
        ] {
            assert_eq!(
                ratio.to_decimal_with(2, texts.decimal),
                texts.decimal(&ratio.to_decimal(2))
            );
        }
        assert_eq!(r(7, 2).to_decimal_with(2, ','), "3,5");
    }

    #[test]
    fn lcm_saturates_rather_than_overflowing_and_stays_above_what_it_passed() {
        assert_eq!(lcm(4, 6), 12);
        assert_eq!(lcm(1, 1), 1);
        assert_eq!(lcm(99_999_999_977, 999_983), 99_999_999_977 * 999_983);
        assert_eq!(lcm(i64::MAX, i64::MAX - 1), i64::MAX);
        assert_eq!(lcm(i64::MAX, 2), i64::MAX);
    }

    #[test]
    fn ratios_print_as_they_parse_at_any_size() {
        for (ratio, text) in [
            (r(0, 1), "0"),
            (r(-7, 2), "-7/2"),
            (r(10, 1), "10"),
            (Ratio::from_int(i64::MAX), "9223372036854775807"),
            (Ratio::from_int(i64::MIN + 1), "-9223372036854775807"),
        ] {
            assert_eq!(ratio.to_string(), text);
        }
    }

    #[test]
    fn decimals_of_eighteen_digit_terms_are_exact_in_64_bits() {
        let big = 999_999_999_999_999_999;
        assert_eq!(r(big - 1, big).to_decimal(2), "0.99");
        assert_eq!(r(1, big).to_decimal(2), "0");
        assert_eq!(r(-1, big).to_decimal(2), "-0.01");
        assert_eq!(r(big, 7).to_decimal(3), "142857142857142857");
        assert_eq!(r(-big, 1).to_decimal(2), "-999999999999999999");
        assert_eq!(Ratio::from_int(i64::MIN).to_decimal(2), "-9223372036854775808");
    }

    #[test]
    fn percentages_are_floored() {
        assert_eq!(r(2, 3).percent_of(Ratio::ONE), 66);
        assert_eq!(r(199, 200).percent_of(Ratio::ONE), 99);
        assert_eq!(r(20, 3).percent_of(Ratio::from_int(10)), 66);
        assert_eq!(Ratio::from_int(10).percent_of(Ratio::from_int(10)), 100);
        assert_eq!(r(-1, 3).percent_of(Ratio::ONE), -34);
        assert_eq!(Ratio::ONE.percent_of(Ratio::ZERO), 0);
    }

    #[test]
    fn percentages_of_the_largest_totals_are_exact() {
        // 10,000 questions of 1,000 points over a common denominator of 10^11.
        let (max, unit) = (10_000_000, 100_000_000_000);
        let all_but_one_unit = r(max * unit - 1, unit);
        assert_eq!(all_but_one_unit.percent_of(Ratio::from_int(max)), 99);
        assert_eq!(all_but_one_unit.to_decimal(2), "9999999.99");
        assert_eq!(r(max * unit / 100, unit).percent_of(Ratio::from_int(max)), 1);
    }

    #[test]
    fn comparisons_are_exact_for_any_terms() {
        let big = i64::MAX;
        assert!(r(big - 1, big) < Ratio::ONE);
        assert!(r(big, big - 1) > Ratio::ONE);
        assert!(r(-big, big - 1) < -Ratio::ONE);
        assert!(r(big - 2, big - 1) < r(big - 1, big));
    }

    #[test]
    fn parse_reads_whole_numbers_and_fractions_only() {
        assert_eq!(Ratio::parse("1/3"), Some(r(1, 3)));
        assert_eq!(Ratio::parse("-2/4"), Some(r(-1, 2)));
        assert_eq!(Ratio::parse("1"), Some(Ratio::ONE));
        assert_eq!(Ratio::parse("-0"), Some(Ratio::ZERO));
        assert_eq!(Ratio::parse("007/014"), Some(r(1, 2)));
        assert_eq!(
            Ratio::parse("-999999999999999999"),
            Some(r(-999_999_999_999_999_999, 1))
        );
        for bad in [
            "-",
            "--1",
            "1/--2",
            "1/-0",
            "1000000000000000000",
            "١",
            "",
            "1/0",
            "1/-3",
            "0.5",
            "a/b",
            "1/",
            "/2",
            "+1",
            "1//2",
            "99999999999999999999",
        ] {
            assert_eq!(Ratio::parse(bad), None, "{bad:?}");
        }
    }
}
