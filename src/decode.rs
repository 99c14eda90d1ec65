//! Reads questions.json into the model, reporting every syntax, type and field problem with its place.

use std::ops::RangeInclusive;

use crate::error::{message, Error, ErrorKind, Message, MESSAGES};
use crate::json::{quoted, Object, Value};
use crate::model::{Band, Choice, Correction, Kind, Policy, Question, Quiz, Reveal, Settings, Source};
use crate::scoring::Ratio;
use crate::strings::{joined, push_hex, shows_nothing, Digits, Written};
use crate::table::Positions;

/// The largest questions file accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The fields one kind of JSON object may have, and which of them it must have.
#[derive(Debug)]
pub(crate) struct Shape {
    /// The name of the object kind (its `$defs` name in the JSON Schema).
    pub(crate) name: &'static str,
    /// Every field the object may have.
    pub(crate) fields: &'static [&'static str],
    /// The fields it must have.
    pub(crate) required: &'static [&'static str],
}

pub(crate) const QUIZ: Shape = Shape {
    name: "quiz",
    fields: &[
        "$schema",
        "format",
        "id",
        "title",
        "intro",
        "language",
        "source",
        "updated",
        "corrections",
        "settings",
        "bands",
        "questions",
    ],
    required: &["format", "id", "title", "language", "source", "questions"],
};
pub(crate) const SOURCE: Shape = Shape {
    name: "source",
    fields: &["headline", "author", "publisher", "date", "url"],
    required: &["headline", "publisher", "date", "url"],
};
pub(crate) const CORRECTION: Shape = Shape {
    name: "correction",
    fields: &["date", "note"],
    required: &["date", "note"],
};
pub(crate) const SETTINGS: Shape = Shape {
    name: "settings",
    fields: &[
        "shuffle_questions",
        "shuffle_choices",
        "draw",
        "reveal",
        "pass_mark",
        "policy",
        "wrong_penalty",
    ],
    required: &[],
};
pub(crate) const BAND: Shape = Shape {
    name: "band",
    fields: &["min", "max", "title", "message"],
    required: &["min", "max", "title", "message"],
};
pub(crate) const QUESTION: Shape = Shape {
    name: "question",
    fields: &[
        "id",
        "kind",
        "prompt",
        "choices",
        "explanation",
        "points",
        "policy",
        "passage",
    ],
    required: &["id", "kind", "prompt", "choices", "explanation"],
};
pub(crate) const CHOICE: Shape = Shape {
    name: "choice",
    fields: &["id", "text", "correct", "feedback", "weight", "fraction"],
    required: &["id", "text"],
};

/// Every object shape of the format.
#[cfg(test)]
pub(crate) const SHAPES: [&Shape; 7] = [&QUIZ, &SOURCE, &CORRECTION, &SETTINGS, &BAND, &QUESTION, &CHOICE];

/// A question's `kind` names, and the kinds they name, in the same order.
const KIND_NAMES: [&str; 2] = ["single", "multiple"];
const KINDS: [Kind; 2] = [Kind::Single, Kind::Multiple];
/// The settings' `reveal` names, and the reveals they name, in the same order.
const REVEAL_NAMES: [&str; 2] = ["each", "end"];
const REVEALS: [Reveal; 2] = [Reveal::Each, Reveal::End];

/// What the decoder read: every field it could, with placeholders where it could not.
#[derive(Debug)]
pub(crate) struct Draft {
    pub(crate) format: Option<u64>,
    /// The quiz as read, its bands in file order, with an empty `index` and a `unit` of 1 until
    /// validation gives them: built here rather than moved field by field from a draft of its own.
    pub(crate) quiz: Quiz,
    /// Whether every band in the file was read into `bands` (always true without messages,
    /// where rules are only checked in a file with no other problem).
    pub(crate) every_band_read: bool,
    /// Whether the file has a list of questions (always true without messages); when it has
    /// none, the problem that says so is the one to report, not its knock-ons on the pool.
    pub(crate) questions_read: bool,
    /// For each question, whether it lost its object, its kind or its choices to a problem
    /// of their shape, so that its rules would only echo that problem. Empty without messages,
    /// where rules are only checked in a file with no other problem.
    pub(crate) faulted: Vec<bool>,
}

/// Parses `text` and reads it into a [`Draft`]. A syntax error, or a file that is not an
/// object, ends the reading; any other problem is recorded in `errors` and the reading goes on.
///
/// Kept out of line, as are `Reader::quiz` and each `Reader::list`: inlined into their callers,
/// the whole loader was one function of 7 KB, which brotli packs 0.2 KB worse than these parts
/// apart (the four lists' copies alike, one after another).
#[inline(never)]
pub(crate) fn decode(text: &str, errors: &mut Vec<Error>) -> Option<Draft> {
    if text.len() > MAX_INPUT_BYTES {
        errors.push(Error::nowhere(
            ErrorKind::TooLarge,
            message!(
                "the file is ",
                text.len().digits(),
                " bytes, more than the limit of ",
                MAX_INPUT_BYTES.digits(),
                " bytes"
            ),
        ));
        return None;
    }
    let value = match crate::json::parse(text) {
        Ok(value) => value,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let mut reader = Reader {
        errors,
        faulted: Vec::new(),
        misspellings: 0,
    };
    reader.quiz(&value)
}

/// The path of field `key` of the object at `path`.
fn join(path: &str, key: &str) -> Message {
    if path.is_empty() {
        message!(key)
    } else {
        message!(path, ".", key)
    }
}

/// Whether `text` would show nothing: it is empty, or white space and invisible characters alone.
fn blank(text: &str) -> bool {
    text.chars().all(shows_nothing)
}

/// The known name closest to a misspelt one, if it is close enough to be a typo: one edit
/// away, or two for a name of 6 letters or more (so that `hint` is not taken for `kind`).
fn suggest<'a>(unknown: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(unknown, k), *k))
        .filter(|&(d, k)| d <= if k.len() >= 6 { 2 } else { 1 })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Edits (in characters) between `a` and `b`, a field name, which is ASCII: a character put
/// in, left out or changed, or two neighbours swapped (`titel` is one edit from `title`).
fn edit_distance(a: &str, b: &str) -> usize {
    debug_assert!(b.is_ascii(), "field names are ASCII");
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // The rows of the edit table for a's prefixes two characters and one character shorter.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let mut d = (last[j] + 1)
                .min(row[j - 1] + 1)
                .min(last[j - 1] + usize::from(a[i - 1] != b[j - 1]));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

struct Reader<'e> {
    errors: &'e mut Vec<Error>,
    /// For each question read so far, whether it lost its object, kind or choices (with
    /// messages only).
    faulted: Vec<bool>,
    /// How many unknown fields so far look like misspellings of known ones (with messages only).
    misspellings: usize,
}

impl Reader<'_> {
    fn error(&mut self, kind: ErrorKind, path: &str, message: impl Into<String>) {
        self.errors.push(Error::at(kind, path, message));
    }

    fn type_error(&mut self, path: &str, expected: &str, found: &Value<'_>) {
        let message = message!("expected ", expected, ", found ", found.describe());
        self.error(ErrorKind::Type, path, message);
    }

    /// The object at `path`, after reporting its unknown and missing fields.
    fn object<'v, 't>(&mut self, value: &'v Value<'t>, path: &str, shape: &Shape) -> Option<&'v Object<'t>> {
        let Value::Object(map) = value else {
            self.type_error(path, &message!("a ", shape.name, " object"), value);
            return None;
        };
        // The required fields there under a misspelt name, each reported once, as that name.
        let mut misspelt: Vec<&str> = Vec::new();
        for key in map.keys() {
            if shape.fields.contains(&key) {
                continue;
            }
            let suggestion = if MESSAGES { suggest(key, shape.fields) } else { None };
            let message = match suggestion {
                Some(known) => {
                    self.misspellings += 1;
                    message!("unknown field ", quoted(key), ", did you mean \"", known, "\"?")
                }
                None => message!("unknown field ", quoted(key)),
            };
            let required = suggestion.filter(|known| shape.required.contains(known) && !map.contains_key(known));
            let kind = match required {
                Some(known) => {
                    misspelt.push(known);
                    ErrorKind::MissingField
                }
                None => ErrorKind::UnknownField,
            };
            // At the field itself, so that its line is the one to look at.
            if MESSAGES {
                self.error(kind, &join(path, key), message);
            } else {
                self.error(kind, path, message);
            }
        }
        for key in shape.required {
            if map.contains_key(key) || MESSAGES && misspelt.contains(key) {
                continue;
            }
            self.error(ErrorKind::MissingField, path, message!("missing field \"", key, "\""));
        }
        Some(map)
    }

    /// A string field that says something, or an empty placeholder when it is missing, empty,
    /// blank or not a string (the last three reported): never empty when given. Required and
    /// optional texts alike (see [`given`]), so that no reading unwraps an `Option`.
    fn text(&mut self, map: &Object<'_>, path: &str, key: &str) -> String {
        let Some(value) = map.get(key) else {
            return String::new();
        };
        match value {
            Value::String(s) if blank(s) => {
                let what = if MESSAGES && key == "id" { "id" } else { "text" };
                let message = match MESSAGES && s.trim().is_empty() {
                    true => message!(what, " is empty"),
                    false => message!(what, " shows nothing: it holds only invisible characters"),
                };
                self.error(ErrorKind::EmptyText, &join(path, key), message);
                String::new()
            }
            Value::String(s) => s.to_string(),
            other => {
                self.type_error(&join(path, key), "a string", other);
                String::new()
            }
        }
    }

    /// A string field that must pass `check`, which describes the expected form: as
    /// [`Reader::text`] reads it, and empty when it does not pass.
    fn checked_text(
        &mut self,
        map: &Object<'_>,
        path: &str,
        key: &str,
        check: fn(&str) -> Result<(), Message>,
    ) -> String {
        let text = self.text(map, path, key);
        if text.is_empty() {
            return text;
        }
        match check(&text) {
            Ok(()) => text,
            Err(message) => {
                self.error(ErrorKind::InvalidValue, &join(path, key), message);
                String::new()
            }
        }
    }

    fn id(&mut self, map: &Object<'_>, path: &str) -> String {
        let id = self.text(map, path, "id");
        if id.is_empty() {
            return id;
        }
        if let Err(message) = check_id(&id) {
            self.error(ErrorKind::InvalidId, &join(path, "id"), message);
        }
        id
    }

    fn boolean(&mut self, map: &Object<'_>, path: &str, key: &str) -> Option<bool> {
        match map.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.type_error(&join(path, key), "true or false", other);
                None
            }
        }
    }

    fn whole(&mut self, map: &Object<'_>, path: &str, key: &str, range: RangeInclusive<u64>) -> Option<u64> {
        let value = map.get(key)?;
        if let Some(n) = value.as_u64().filter(|n| range.contains(n)) {
            return Some(n);
        }
        let expected = message!(
            "a whole number from ",
            range.start().digits(),
            " to ",
            range.end().digits()
        );
        if let Value::Number(_) = value {
            let message = message!("expected ", expected, ", found ", value.written());
            self.error(ErrorKind::OutOfRange, &join(path, key), message);
        } else {
            self.type_error(&join(path, key), &expected, value);
        }
        None
    }

    /// Where in `names` the string at `key` is, reporting a name not among them: one body for
    /// every enum read by name.
    fn choose(&mut self, map: &Object<'_>, path: &str, key: &str, names: &[&str]) -> Option<usize> {
        let value = map.get(key)?;
        let Value::String(s) = value else {
            self.type_error(&join(path, key), "a string", value);
            return None;
        };
        if let Some(i) = names.iter().position(|n| n == s) {
            return Some(i);
        }
        let message = message!(
            "unknown value ",
            quoted(s),
            ", expected one of \"",
            joined(names, "\", \""),
            "\""
        );
        self.error(ErrorKind::InvalidValue, &join(path, key), message);
        None
    }

    fn policy(&mut self, map: &Object<'_>, path: &str) -> Option<Policy> {
        self.choose(map, path, "policy", &Policy::NAMES).map(|i| Policy::ALL[i])
    }

    fn ratio(&mut self, map: &Object<'_>, path: &str, key: &str) -> Option<Ratio> {
        let value = map.get(key)?;
        // A number is read as the fraction it writes: `-2` as `-2/1`.
        let text: &str = match value {
            Value::String(s) => s,
            Value::Number(n) => n,
            other => {
                self.type_error(&join(path, key), "a fraction such as \"1/2\"", other);
                return None;
            }
        };
        let limit = i64::from(MAX_DENOMINATOR);
        // Spaces around it are forgiven, JSON's own white space only: ASCII, which is trimmed
        // without `str::trim`'s search for Unicode white space from either end (0.1 KB).
        match Ratio::parse(text.trim_ascii()) {
            Some(r) if r.denom() <= limit && r.numer().unsigned_abs() <= limit.unsigned_abs() => Some(r),
            _ => {
                let message = message!(
                    "expected a fraction such as \"1/2\" or \"-1/3\" with terms up to ",
                    MAX_DENOMINATOR.digits(),
                    ", found ",
                    value.written()
                );
                self.error(ErrorKind::Scoring, &join(path, key), message);
                None
            }
        }
    }

    /// Each element of the array at `key` as `read` reads it at its path (`questions[3]`),
    /// leaving out those it cannot read. Out of line (see [`decode`]).
    #[inline(never)]
    fn list<T>(
        &mut self,
        map: &Object<'_>,
        path: &str,
        key: &str,
        read: fn(&mut Self, &Value<'_>, &str) -> Option<T>,
    ) -> Vec<T> {
        let mut list = Vec::new();
        let Some(value) = map.get(key) else {
            return list;
        };
        let path = join(path, key);
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    // Pushed, not `extend`ed from the `Option`: a copy of `extend` for each type read.
                    if let Some(read) = read(self, item, &message!(path, "[", i.digits(), "]")) {
                        list.push(read);
                    }
                }
            }
            other => self.type_error(&path, "an array", other),
        }
        list
    }

    /// The quiz, or `None` when the file holds something else than an object, which is then
    /// the one problem reported: every rule a quiz has would only repeat it. Out of line (see
    /// [`decode`]).
    #[inline(never)]
    fn quiz(&mut self, value: &Value<'_>) -> Option<Draft> {
        let map = self.object(value, "", &QUIZ)?;
        let format = match map.get("format") {
            Some(n @ Value::Number(_)) if n.as_u64().is_some() => n.as_u64(),
            Some(Value::Number(n)) => {
                let message = message!("expected a whole number, found ", n);
                self.error(ErrorKind::OutOfRange, "format", message);
                None
            }
            Some(other) => {
                self.type_error("format", "a whole number", other);
                None
            }
            None => None,
        };
        if let Some(schema) = map.get("$schema").filter(|v| v.as_str().is_none()) {
            self.type_error("$schema", "a string", schema);
        }
        let id = self.id(map, "");
        let title = self.text(map, "", "title");
        let intro = given(self.text(map, "", "intro"));
        let language = self.checked_text(map, "", "language", check_language);
        let source = match map.get("source") {
            Some(v) => self.source(v),
            None => placeholder_source(),
        };
        let updated = given(self.checked_text(map, "", "updated", check_date));
        let corrections = self.list(map, "", "corrections", Self::correction);
        let settings = match map.get("settings") {
            Some(v) => self.settings(v),
            None => Settings::default(),
        };
        let bands = self.list(map, "", "bands", Self::band);
        let questions_read = !MESSAGES || matches!(map.get("questions"), Some(Value::Array(_)));
        let every_band_read = match map.get("bands") {
            Some(Value::Array(items)) if MESSAGES => items.len() == bands.len(),
            _ => true,
        };
        let questions = self.list(map, "", "questions", Self::question);
        let mut fingerprint = String::new();
        push_hex(&mut fingerprint, value.fingerprint(), 16);
        Some(Draft {
            format,
            quiz: Quiz {
                id,
                title,
                intro,
                language,
                source,
                updated,
                corrections,
                settings,
                bands,
                questions,
                fingerprint,
                index: Positions::default(),
                unit: 1,
            },
            every_band_read,
            questions_read,
            faulted: std::mem::take(&mut self.faulted),
        })
    }

    fn source(&mut self, value: &Value<'_>) -> Source {
        let path = "source";
        let Some(map) = self.object(value, path, &SOURCE) else {
            return placeholder_source();
        };
        Source {
            headline: self.text(map, path, "headline"),
            author: given(self.text(map, path, "author")),
            publisher: self.text(map, path, "publisher"),
            date: self.checked_text(map, path, "date", check_date),
            url: self.checked_text(map, path, "url", check_url),
        }
    }

    fn correction(&mut self, value: &Value<'_>, path: &str) -> Option<Correction> {
        let map = self.object(value, path, &CORRECTION)?;
        Some(Correction {
            date: self.checked_text(map, path, "date", check_date),
            note: self.text(map, path, "note"),
        })
    }

    fn settings(&mut self, value: &Value<'_>) -> Settings {
        let path = "settings";
        let defaults = Settings::default();
        let Some(map) = self.object(value, path, &SETTINGS) else {
            return defaults;
        };
        Settings {
            shuffle_questions: self
                .boolean(map, path, "shuffle_questions")
                .unwrap_or(defaults.shuffle_questions),
            shuffle_choices: self
                .boolean(map, path, "shuffle_choices")
                .unwrap_or(defaults.shuffle_choices),
            draw: self
                .whole(map, path, "draw", 1..=MAX_QUESTIONS as u64)
                .map(|n| n as usize),
            reveal: self
                .choose(map, path, "reveal", &REVEAL_NAMES)
                .map_or(defaults.reveal, |i| REVEALS[i]),
            pass_mark: self
                .whole(map, path, "pass_mark", 0..=100)
                .map_or(defaults.pass_mark, |n| n as u8),
            policy: self.policy(map, path).unwrap_or(defaults.policy),
            wrong_penalty: self.ratio(map, path, "wrong_penalty").unwrap_or(defaults.wrong_penalty),
        }
    }

    fn band(&mut self, value: &Value<'_>, path: &str) -> Option<Band> {
        let map = self.object(value, path, &BAND)?;
        let min = self.whole(map, path, "min", 0..=100);
        let max = self.whole(map, path, "max", 0..=100);
        let title = self.text(map, path, "title");
        let message = self.text(map, path, "message");
        Some(Band {
            min: min? as u8,
            max: max? as u8,
            title,
            message,
        })
    }

    /// A question, with placeholders for what cannot be read: never `None`, but an `Option` as
    /// every reader [`Reader::list`] takes gives, so that it is passed as is rather than through a
    /// closure of its own (64 B, with [`Reader::choice`]).
    fn question(&mut self, value: &Value<'_>, path: &str) -> Option<Question> {
        let empty = Object::default();
        let object = self.object(value, path, &QUESTION);
        let map = object.unwrap_or(&empty);
        let id = self.id(map, path);
        let kind = self.choose(map, path, "kind", &KIND_NAMES);
        let prompt = self.text(map, path, "prompt");
        let (errors_before, misspellings_before) = (self.errors.len(), self.misspellings);
        let choices = self.list(map, path, "choices", Self::choice);
        if MESSAGES {
            // A misspelt field (`corect`) loses what it says, as a field of the wrong shape does.
            let choices_read = map.contains_key("choices")
                && self.misspellings == misspellings_before
                && !self.errors[errors_before..].iter().any(|e| {
                    matches!(
                        e.kind(),
                        ErrorKind::Type | ErrorKind::MissingField | ErrorKind::InvalidValue
                    )
                });
            self.faulted.push(object.is_none() || kind.is_none() || !choices_read);
        }
        let kind = kind.map_or(Kind::Single, |i| KINDS[i]);
        Some(Question {
            id,
            kind,
            prompt,
            choices,
            explanation: self.text(map, path, "explanation"),
            points: self
                .whole(map, path, "points", 1..=u64::from(MAX_POINTS))
                .map_or(1, |n| n as u32),
            policy: self.policy(map, path),
            passage: given(self.checked_text(map, path, "passage", check_url)),
        })
    }

    /// A choice, with placeholders for what cannot be read: never `None`.
    fn choice(&mut self, value: &Value<'_>, path: &str) -> Option<Choice> {
        let empty = Object::default();
        let map = self.object(value, path, &CHOICE).unwrap_or(&empty);
        Some(Choice {
            id: self.id(map, path),
            text: self.text(map, path, "text"),
            correct: self.boolean(map, path, "correct").unwrap_or(false),
            feedback: given(self.text(map, path, "feedback")),
            weight: self
                .whole(map, path, "weight", 1..=u64::from(MAX_WEIGHT))
                .map(|n| n as u32),
            fraction: self.ratio(map, path, "fraction"),
        })
    }
}

/// The most questions a pool may hold.
pub const MAX_QUESTIONS: usize = 10_000;
/// The most points one question may be worth.
pub const MAX_POINTS: u32 = 1_000;
/// The largest `h5p` weight of a choice.
pub const MAX_WEIGHT: u32 = 1_000;
/// The largest numerator or denominator of a written fraction.
pub const MAX_DENOMINATOR: u32 = 1_000;

/// An optional text as [`Reader::text`] reads it: `None` for the empty placeholder.
fn given(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn placeholder_source() -> Source {
    Source {
        headline: String::new(),
        author: None,
        publisher: String::new(),
        date: String::new(),
        url: String::new(),
    }
}

/// Ids are 1–64 lowercase letters, digits, `-` and `_`, starting with a letter or digit.
pub(crate) fn check_id(id: &str) -> Result<(), Message> {
    let well_formed = id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
    if well_formed {
        Ok(())
    } else {
        Err(message!(
            "id ",
            quoted(id),
            " must be 1 to 64 lowercase letters, digits, \"-\" or \"_\", starting with a letter or digit"
        ))
    }
}

fn check_date(date: &str) -> Result<(), Message> {
    // The dashes are ASCII, so the parts between them start and end on character boundaries.
    let bytes = date.as_bytes();
    let number = crate::json::whole;
    let valid = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && match (number(&date[..4]), number(&date[5..7]), number(&date[8..])) {
            (Some(y), Some(m), Some(d)) => {
                let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                let days = match m {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    1..=12 => 31,
                    _ => 0,
                };
                (1..=days).contains(&d)
            }
            _ => false,
        };
    let shaped = || {
        date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    match (valid, MESSAGES && shaped()) {
        (true, _) => Ok(()),
        (false, true) => Err(message!(quoted(date), " is not a day of the calendar")),
        (false, false) => Err(message!(quoted(date), " is not a date of the form YYYY-MM-DD")),
    }
}

fn check_url(url: &str) -> Result<(), Message> {
    // With a host: something after the scheme, before any path, query or fragment.
    let https = url.starts_with("https://") && !matches!(url.as_bytes().get(8), None | Some(b'/' | b'?' | b'#'));
    if https && !url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Ok(());
    }
    Err(match https {
        true => message!(
            quoted(url),
            " holds a space or a line break: a URL writes a space as %20"
        ),
        false => message!(quoted(url), " is not an https:// URL"),
    })
}

fn check_language(tag: &str) -> Result<(), Message> {
    // Read as bytes: every character a tag allows is ASCII. Each part ends at a `-` or the end.
    let bytes = tag.as_bytes();
    let (mut start, mut valid) = (0, true);
    for end in 0..=bytes.len() {
        if bytes.get(end).is_some_and(|&b| b != b'-') {
            continue;
        }
        let part = &bytes[start..end];
        valid &= match start {
            0 => (2..=3).contains(&part.len()) && part.iter().all(u8::is_ascii_alphabetic),
            _ => (1..=8).contains(&part.len()) && part.iter().all(u8::is_ascii_alphanumeric),
        };
        start = end + 1;
    }
    if valid {
        Ok(())
    } else {
        Err(message!(
            quoted(tag),
            " is not a language tag such as \"en\", \"hy\" or \"pt-BR\""
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn typos_within_two_edits_get_a_suggestion() {
        assert_eq!(suggest("corect", CHOICE.fields), Some("correct"));
        assert_eq!(suggest("promt", QUESTION.fields), Some("prompt"));
        assert_eq!(suggest("colour", CHOICE.fields), None);
        assert_eq!(suggest("explantaion", QUESTION.fields), Some("explanation"));
    }

    #[test]
    fn short_names_are_suggested_only_one_edit_away() {
        assert_eq!(suggest("titel", QUIZ.fields), Some("title"));
        assert_eq!(suggest("hint", QUESTION.fields), None);
        assert_eq!(suggest("txt", CHOICE.fields), Some("text"));
    }

    #[test]
    fn swapped_neighbours_are_one_edit() {
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "id"), 2);
        assert_eq!(edit_distance("kind", "kind"), 0);
    }

    #[test]
    fn a_misspelling_is_measured_in_characters_not_bytes() {
        assert_eq!(edit_distance("prömpt", "prompt"), 1);
        assert_eq!(edit_distance("ответ", "id"), 5);
        assert_eq!(suggest("corréct", CHOICE.fields), Some("correct"));
        for shape in SHAPES {
            assert!(shape.fields.iter().all(|f| f.is_ascii()), "fields of {}", shape.name);
        }
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert!(check_date("2025-06-09").is_ok());
        assert!(check_date("2024-02-29").is_ok());
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-6-9",
            "9 June 2025",
            "2025-06-00",
            "",
            "2025-06-09-01",
            "2025-06-09 ",
            "2025-0６-09",
            "20250-6-09",
        ] {
            assert!(check_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_must_be_https_with_a_host() {
        assert!(check_url("https://example.com/a#:~:text=x").is_ok());
        for bad in [
            "http://example.com",
            "https://",
            "https:///path",
            "https://?q=1",
            "https://#top",
            "javascript:alert(1)",
            "https://a b.com",
            "/relative",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn language_tags_follow_bcp_47_shape() {
        for good in ["en", "hy", "ru", "pt-BR", "zh-Hant-TW"] {
            assert!(check_language(good).is_ok(), "{good}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "-en", "en--GB", "ру", "en-GBé"] {
            assert!(check_language(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_schema_lists_exactly_the_fields_the_decoder_reads() {
        let schema: Value = serde_json::from_str(crate::SCHEMA).unwrap();
        for shape in SHAPES {
            let def = if shape.name == "quiz" {
                &schema
            } else {
                &schema["$defs"][shape.name]
            };
            let mut properties: Vec<&str> = def["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("schema has no properties for {}", shape.name))
                .keys()
                .map(String::as_str)
                .collect();
            let mut fields = shape.fields.to_vec();
            properties.sort_unstable();
            fields.sort_unstable();
            assert_eq!(properties, fields, "fields of {}", shape.name);
            let mut required: Vec<&str> = def["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut expected = shape.required.to_vec();
            required.sort_unstable();
            expected.sort_unstable();
            assert_eq!(required, expected, "required fields of {}", shape.name);
            assert_eq!(
                def["additionalProperties"],
                Value::Bool(false),
                "{} must forbid unknown fields",
                shape.name
            );
        }
    }
}
