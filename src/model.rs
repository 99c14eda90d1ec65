//! The quiz as the engine sees it once questions.json has been read and checked.

use std::hash::Hasher;

use serde::Serialize;

use crate::scoring::Ratio;
use crate::strings::cat;
use crate::table::Positions;

/// FNV-1a, 64 bits: also the quiz's content fingerprint.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    /// Not inlined: the fingerprint's calls would each be a copy of the loop (40 B brotli).
    #[inline(never)]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The only version of the questions.json format this engine reads.
pub const FORMAT_VERSION: u64 = 1;

/// A loaded and validated quiz. Built only by [`Quiz::from_json`](crate::Quiz::from_json),
/// so every `Quiz` satisfies every validation rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quiz {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) intro: Option<String>,
    pub(crate) language: String,
    pub(crate) source: Source,
    pub(crate) updated: Option<String>,
    pub(crate) corrections: Vec<Correction>,
    pub(crate) settings: Settings,
    pub(crate) bands: Vec<Band>,
    pub(crate) questions: Vec<Question>,
    #[serde(skip)]
    pub(crate) fingerprint: String,
    /// Every question's index by its id (scoring looks one up per response).
    #[serde(skip)]
    pub(crate) index: Positions,
    /// The common denominator of every credit the quiz can give (see `scoring::Tally`).
    #[serde(skip)]
    pub(crate) unit: i64,
}

impl Quiz {
    /// The quiz's stable id.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The quiz's title.
    pub fn title(&self) -> &str {
        &self.title
    }
    /// The optional text shown before the first question.
    pub fn intro(&self) -> Option<&str> {
        self.intro.as_deref()
    }
    /// The language of the quiz's text, a BCP 47 tag such as `en` or `hy`.
    pub fn language(&self) -> &str {
        &self.language
    }
    /// Where a page saves a reader's session of this quiz, unless told otherwise:
    /// `reader-quiz:` and the quiz's id, and `:` and `instance` for one of several copies of
    /// it on a page.
    pub fn storage_key(&self, instance: Option<&str>) -> String {
        match instance {
            Some(instance) => cat!("reader-quiz:", &self.id, ":", instance),
            None => cat!("reader-quiz:", &self.id),
        }
    }
    /// The article the quiz is about.
    pub fn source(&self) -> &Source {
        &self.source
    }
    /// The date of the last update, if the editor gave one.
    pub fn updated(&self) -> Option<&str> {
        self.updated.as_deref()
    }
    /// Published corrections, oldest first.
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }
    /// The quiz-wide settings, defaults filled in.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    /// The result bands, ordered from the lowest percentage up.
    pub fn bands(&self) -> &[Band] {
        &self.bands
    }
    /// The whole pool of questions, in file order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
    /// The question with this id, if any.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    /// How many questions one attempt shows: the `draw` setting, or the whole pool.
    pub fn questions_per_attempt(&self) -> usize {
        self.settings.draw.unwrap_or(self.questions.len())
    }
    /// A short hash of the quiz's content; it changes whenever the content does, so a
    /// snapshot saved against one version of a quiz is never restored into another.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// The article a quiz is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The article's headline.
    pub headline: String,
    /// The article's author, if credited.
    pub author: Option<String>,
    /// The publication.
    pub publisher: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The article's `https:` URL.
    pub url: String,
}

/// A published correction to the quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// When the correction was made, `YYYY-MM-DD`.
    pub date: String,
    /// What was corrected.
    pub note: String,
}

/// Quiz-wide settings; each has a default when the file leaves it out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// Present the drawn questions in a random order (default false: file order).
    pub shuffle_questions: bool,
    /// Present each question's choices in a random order (default false).
    pub shuffle_choices: bool,
    /// Draw this many questions from the pool for each attempt (default: all).
    pub draw: Option<usize>,
    /// When answers are revealed (default after each question).
    pub reveal: Reveal,
    /// The lowest percentage that passes, 0–100 (default 50).
    pub pass_mark: u8,
    /// The scoring policy for multiple-answer questions (default `all_or_nothing`).
    pub policy: Policy,
    /// The share of a single-answer question's points taken off for a wrong answer,
    /// between 0 and 1 (default 0: no negative marking).
    pub wrong_penalty: Ratio,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            shuffle_questions: false,
            shuffle_choices: false,
            draw: None,
            reveal: Reveal::Each,
            pass_mark: 50,
            policy: Policy::AllOrNothing,
            wrong_penalty: Ratio::ZERO,
        }
    }
}

/// When a reader sees whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reveal {
    /// After each question, when the reader asks to check it.
    Each,
    /// Only when the whole quiz is finished.
    End,
}

/// How a multiple-answer question is scored; see [`crate::scoring`] for the exact rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Full points only for exactly the correct set.
    AllOrNothing,
    /// H5P MultiChoice: +weight per correct choice picked, −weight per wrong one, floored at 0.
    H5p,
    /// Moodle: the sum of the picked choices' fractions, clamped to 0–1.
    Moodle,
    /// Open edX: the share of choices decided right (picked if correct, left if wrong).
    EveryDecision,
    /// Open edX: 1 error halves the credit, 2 errors quarter it, given enough choices.
    Halves,
}

impl Policy {
    /// Every policy, in documentation order.
    pub const ALL: [Policy; 5] = [
        Policy::AllOrNothing,
        Policy::H5p,
        Policy::Moodle,
        Policy::EveryDecision,
        Policy::Halves,
    ];

    /// The policies' names in questions.json, in the order of [`Policy::ALL`]: one table that
    /// the decoder reads names from and [`Policy::name`] picks from.
    pub(crate) const NAMES: [&'static str; 5] = ["all_or_nothing", "h5p", "moodle", "every_decision", "halves"];

    /// The policy's name in questions.json.
    pub fn name(self) -> &'static str {
        Policy::NAMES[self as usize]
    }
}

/// A result band: the title and message for percentages `min..=max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Band {
    /// Lowest percentage in the band, inclusive.
    pub min: u8,
    /// Highest percentage in the band, inclusive.
    pub max: u8,
    /// A short heading for the result screen.
    pub title: String,
    /// The message shown with it.
    pub message: String,
}

/// Whether a question takes one answer or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Exactly one choice is correct; the reader picks one.
    Single,
    /// One or more choices are correct; the reader picks any number.
    Multiple,
}

/// One question of the pool.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Stable id, unique in the quiz.
    pub id: String,
    /// Single or multiple answer.
    pub kind: Kind,
    /// The question itself.
    pub prompt: String,
    /// The choices, in file order.
    pub choices: Vec<Choice>,
    /// Shown after the answer is revealed.
    pub explanation: String,
    /// What a fully correct answer earns (default 1).
    pub points: u32,
    /// This question's own scoring policy, overriding the quiz's (multiple-answer only).
    pub policy: Option<Policy>,
    /// A link to the passage of the article that answers the question.
    pub passage: Option<String>,
}

impl Question {
    /// The choice with this id, if any, with its index.
    pub fn choice(&self, id: &str) -> Option<(usize, &Choice)> {
        self.choices.iter().enumerate().find(|(_, c)| c.id == id)
    }
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    /// Stable id, unique in its question.
    pub id: String,
    /// The text the reader sees.
    pub text: String,
    /// Whether picking it is right.
    pub correct: bool,
    /// Shown with the reveal when the reader picked this choice.
    pub feedback: Option<String>,
    /// Its weight under the `h5p` policy, as written; a choice without one weighs 1.
    pub weight: Option<u32>,
    /// Its fraction under the `moodle` policy; when no choice of a question has one,
    /// correct choices share +1 and wrong ones share −1.
    pub fraction: Option<Ratio>,
}

#[cfg(test)]
mod tests {
    use super::Policy;

    #[test]
    fn policy_names_are_in_the_order_of_all_and_as_serde_writes_them() {
        for (i, policy) in Policy::ALL.into_iter().enumerate() {
            assert_eq!(policy as usize, i);
            assert_eq!(serde_json::to_value(policy).unwrap(), policy.name());
        }
    }
}
