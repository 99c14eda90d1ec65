//! A small strict JSON reader and compact writer: no floats, no repeated keys, every error at its line and column.
//!
//! The core's own instead of serde_json's, which costs most of a 30 KB page budget in the
//! WebAssembly build (float parsing and printing, a generic value tree). Numbers stay as
//! their text until a field asks for a whole number. The core writes snapshots and events by
//! hand ([`Json`]); serde's `Serialize` drives the same writer for the headless build's views
//! and results (`serialize`), and tests check both against serde_json.

use std::borrow::Cow;
#[cfg(feature = "messages")]
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;

use crate::error::{message, Error, ErrorKind, Location, MESSAGES};
use crate::model::Fnv;
use crate::strings::{cat, push_digits, push_hex, shows_nothing, Written};
use crate::table::Positions;

/// How deeply arrays and objects may nest.
const MAX_DEPTH: usize = 128;

/// The error where the text ends inside a string.
const UNCLOSED_TEXT: &str = "the file ends inside a text: its closing quote (\") is missing";
/// Where the text ends inside an object, for the error there.
const UNCLOSED_OBJECT: &str = "inside an object: its closing \"}\" is missing";

/// A JSON value borrowing its strings and numbers from the text where it can.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    /// A number as written, such as `-12` or `1.5e3`.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Object<'a>),
}

/// A JSON object's members in the order written; no key appears twice.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Object<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Object<'a> {
    /// The value of `key`, if present.
    pub(crate) fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys in the order written.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }

    /// The members in the order written.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    /// How many members there are.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

impl Value<'_> {
    /// The string, if this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one written as a whole number from 0 to `u64::MAX`
    /// (`3`, not `3.0` or `3e0`).
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) if !text.starts_with('-') => whole(text),
            _ => None,
        }
    }

    /// A 64-bit FNV-1a hash of the value: the same for the same content however it is laid
    /// out (white space, escapes), different when a string, number, key or order differs.
    /// The same on every platform (no `usize` widths are hashed).
    pub(crate) fn fingerprint(&self) -> u64 {
        let mut hasher = Fnv::default();
        self.feed(&mut hasher);
        hasher.finish()
    }

    /// Feeds a tag for the value's type and then its content into `hasher`; strings and
    /// lists are prefixed with their length so that no two values feed the same bytes. The
    /// tag, length and text of every type are fed by one set of calls, a member's key as the
    /// string it is.
    fn feed(&self, hasher: &mut Fnv) {
        let (tag, len, text): (u8, usize, &str) = match self {
            Value::Null => return hasher.write_u8(0),
            Value::Bool(b) => return hasher.write_u8(1 + u8::from(*b)),
            Value::Number(n) => (3, n.len(), n),
            Value::String(s) => (4, s.len(), s),
            Value::Array(items) => (5, items.len(), ""),
            Value::Object(object) => (6, object.len(), ""),
        };
        hasher.write_u8(tag);
        hasher.write(&(len as u64).to_le_bytes());
        hasher.write(text.as_bytes());
        match self {
            Value::Array(items) => items.iter().for_each(|item| item.feed(hasher)),
            Value::Object(object) => {
                for (key, value) in &object.0 {
                    Value::String(Cow::Borrowed(key)).feed(hasher);
                    value.feed(hasher);
                }
            }
            _ => {}
        }
    }

    /// "a string", "an object": how a found value is named in messages.
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A number or a string as written in JSON (`12`, `"1/2"`), for messages; other values by
/// [`Value::describe`].
impl Written for Value<'_> {
    fn written(&self) -> String {
        match self {
            Value::Number(text) => text.to_string(),
            Value::String(s) => quoted(s),
            other => other.describe().to_string(),
        }
    }
}

/// Digits only, without overflow.
pub(crate) fn whole(digits: &str) -> Option<u64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .bytes()
        .try_fold(0u64, |n, b| n.checked_mul(10)?.checked_add(u64::from(b - b'0')))
}

/// Parses one JSON value filling the whole of `text` (white space aside). A syntax error is of
/// kind [`ErrorKind::Syntax`], at its 1-based line and column (in characters).
pub(crate) fn parse(text: &str) -> Result<Value<'_>, Error> {
    let mut parser = Parser::new(text);
    if MESSAGES {
        parser.skip_space();
        if parser.peek().is_none() {
            return Err(parser.error_here("the file is empty"));
        }
    }
    let value = parser.value()?;
    parser.skip_space();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error_here("more text after the end of the JSON value"));
    }
    Ok(value)
}

#[cfg(feature = "messages")]
/// Where the value at each of `paths` (such as `questions[3].choices[1]`; `""` is the whole
/// document) starts in `text`, as a 1-based line and column; for a path the text does not have,
/// where its nearest enclosing value starts. One pass over the text, however many paths; a
/// text [`parse`] refuses gives what could be read before its error.
pub(crate) fn positions(text: &str, paths: &[&str]) -> Vec<(usize, usize)> {
    let mut walk = Walk {
        parser: Parser::new(text),
        wanted: paths.iter().flat_map(|path| prefixes(path)).collect(),
        found: BTreeMap::new(),
        path: String::new(),
    };
    // A text with a syntax error is reported at that error; here only what comes before it counts.
    let _ = walk.value();
    let text = walk.parser.text;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    paths
        .iter()
        .map(|path| {
            let at = prefixes(path)
                .rev()
                .find_map(|prefix| walk.found.get(prefix))
                .copied()
                .unwrap_or(0);
            let line = line_starts.partition_point(|&start| start <= at);
            (line, text[line_starts[line - 1]..at].chars().count() + 1)
        })
        .collect()
}

#[cfg(feature = "messages")]
/// `path` and the paths of the values that enclose it, shortest first: `""`, `questions`,
/// `questions[3]`, `questions[3].id` for `questions[3].id`.
fn prefixes(path: &str) -> impl DoubleEndedIterator<Item = &str> {
    let ends = path
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'.' || b == b'[')
        .map(|(i, _)| i);
    std::iter::once(0)
        .chain(ends)
        .chain(std::iter::once(path.len()))
        .map(|end| &path[..end])
}

#[cfg(feature = "messages")]
/// A reading of a JSON text that notes where the values on the way to some paths start.
struct Walk<'a, 'p> {
    parser: Parser<'a>,
    /// The paths whose values' starts are wanted, with all of their prefixes.
    wanted: BTreeSet<&'p str>,
    /// The byte at which each wanted value the text has starts.
    found: BTreeMap<&'p str, usize>,
    /// The path of the value being read.
    path: String,
}

#[cfg(feature = "messages")]
impl Walk<'_, '_> {
    /// Reads one value at `path`, noting its start if wanted and, if so, going into its members.
    fn value(&mut self) -> Parsed<()> {
        self.parser.skip_space();
        let Some(&path) = self.wanted.get(self.path.as_str()) else {
            return self.parser.value().map(drop);
        };
        self.found.insert(path, self.parser.pos);
        let open = self.parser.peek();
        if !matches!(open, Some(b'[' | b'{')) {
            return self.parser.value().map(drop);
        }
        self.parser.pos += 1;
        let outer = self.path.len();
        for index in 0.. {
            match self.parser.next_token("")? {
                b']' | b'}' => break,
                b',' => self.parser.pos += 1,
                _ => {}
            }
            self.parser.skip_space();
            if open == Some(b'{') {
                if self.parser.peek() != Some(b'"') {
                    return Err(self.parser.error_here(""));
                }
                let key = self.parser.string()?;
                if self.parser.next_token("")? != b':' {
                    return Err(self.parser.error_here(""));
                }
                self.parser.pos += 1;
                if outer > 0 {
                    self.path.push('.');
                }
                self.path.push_str(&key);
            } else {
                self.path.push('[');
                push_digits(&mut self.path, index, 1);
                self.path.push(']');
            }
            self.value()?;
            self.path.truncate(outer);
        }
        self.parser.pos += 1;
        Ok(())
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

type Parsed<T> = Result<T, Error>;

impl<'a> Parser<'a> {
    /// A parser at the start of `text`, past a byte order mark some editors save there, which
    /// no editor shows.
    fn new(text: &'a str) -> Self {
        let text = if text.as_bytes().starts_with("\u{feff}".as_bytes()) {
            &text[3..]
        } else {
            text
        };
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    /// An error at the byte `at` (or at the last character, past the end). Inlined, so that in
    /// a build without messages the texts its callers pass drop out with the message.
    #[inline(always)]
    fn error_at(&self, at: usize, message: &str) -> Error {
        if MESSAGES {
            self.located(at, message)
        } else {
            Error::nowhere(ErrorKind::Syntax, "")
        }
    }

    /// `message` at the 1-based line and column of the byte `at`.
    fn located(&self, at: usize, message: &str) -> Error {
        let mut before = &self.text[..at.min(self.text.len())];
        if before.len() == self.text.len() {
            // Past the end: point at the last character, as editors show it.
            before = &before[..before.char_indices().last().map_or(0, |(i, _)| i)];
        }
        let line_start = before.bytes().rposition(|b| b == b'\n').map_or(0, |i| i + 1);
        let location = Location::Position {
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        };
        Error::new(ErrorKind::Syntax, location, message)
    }

    #[inline(always)]
    fn error_here(&self, message: &str) -> Error {
        self.error_at(self.pos, message)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The next byte after white space; `inside` says where the text would end, for the error there.
    fn next_token(&mut self, inside: &str) -> Parsed<u8> {
        self.skip_space();
        self.peek()
            .ok_or_else(|| self.error_here(&message!("the file ends ", inside)))
    }

    /// The error for `found` where `what` (a value or a key) belongs: quotes other than straight
    /// double ones, and comments, are named, as JSON takes neither.
    #[inline(always)]
    fn misplaced(&self, found: u8, what: &str) -> Error {
        if !MESSAGES {
            return self.error_here("");
        }
        let word: String = self.text[self.pos..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let lowercase = word.to_ascii_lowercase();
        let message = if let Some(quote) = self.text[self.pos..].chars().next().filter(|c| "'‘’“”«»".contains(*c))
        {
            cat!(
                "expected ",
                what,
                ", found ",
                quote.to_string(),
                ": JSON texts take straight double quotes (\")"
            )
        } else if let Some(invisible) = self.invisible() {
            cat!("expected ", what, ", found ", &invisible)
        } else if what == "a value" && matches!(lowercase.as_str(), "true" | "false" | "null") {
            cat!(
                "expected a value, found ",
                &word,
                ": JSON writes ",
                &lowercase,
                " in lowercase"
            )
        } else if found == b'/' {
            cat!("expected ", what, ", found a comment: JSON has no comments")
        } else if found == b'<' && self.text[..self.pos].trim_start_matches('\u{feff}').trim().is_empty() {
            // A server's error page, or a site's page for every address it does not know.
            cat!(
                "expected ",
                what,
                ", found <: this is a web page (HTML), not JSON; is the file's address right?"
            )
        } else {
            cat!("expected ", what)
        };
        self.error_here(&message)
    }

    fn value(&mut self) -> Parsed<Value<'a>> {
        match self.next_token("where a value should be")? {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            found => Err(self.misplaced(found, "a value")),
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Parsed<Value<'a>> {
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error_here("expected a value")),
                None => return Err(self.error_here("the file ends inside a value")),
            }
        }
        Ok(value)
    }

    fn nested(&mut self, read: fn(&mut Self) -> Parsed<Value<'a>>) -> Parsed<Value<'a>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("lists and objects are nested more than 128 deep"));
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn number(&mut self) -> Parsed<Value<'a>> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        match digits(self) {
            0 => return Err(self.invalid_number()),
            n if leading_zero && n > 1 => return Err(self.error_at(start + 1, "invalid number")),
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.invalid_number());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.invalid_number());
            }
        }
        Ok(Value::Number(&self.text[start..self.pos]))
    }

    fn invalid_number(&self) -> Error {
        match self.peek() {
            Some(_) => self.error_here("invalid number"),
            None => self.error_here("the file ends inside a number"),
        }
    }

    /// A string, the cursor on its opening quote; borrowed unless it has escapes.
    fn string(&mut self) -> Parsed<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error_here(UNCLOSED_TEXT));
            };
            match b {
                b'"' => {
                    let tail = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    s.push(self.escape()?);
                    run = self.pos;
                }
                // Called only with messages: a call left for the build without them costs its size.
                0..=0x1f => {
                    return Err(if MESSAGES {
                        self.control(start, b)
                    } else {
                        self.error_here("")
                    })
                }
                _ => self.pos += 1,
            }
        }
    }

    /// The error for the control character `b` in the text begun at `start`: most often the end
    /// of a line, where a text closed by a curly quote pasted from a word processor runs on.
    fn control(&self, start: usize, b: u8) -> Error {
        let curly = self.text[start..self.pos].rfind(['”', '“']);
        match (b, curly) {
            (b'\n' | b'\r', Some(at)) => {
                let quote = &self.text[start + at..start + at + '”'.len_utf8()];
                let message = cat!(quote, " cannot close a text: JSON texts take straight double quotes (\")");
                self.error_at(start + at, &message)
            }
            (b'\n' | b'\r', None) => self.error_here(
                "the text does not end on its line: a line break in a text must be written \\n, or its closing quote (\") is missing",
            ),
            (b'\t', _) => self.error_here("a tab in a text must be written \\t"),
            _ => {
                let mut code = String::new();
                push_hex(&mut code, u64::from(b), 4);
                self.error_here(&cat!("control character U+", &code, " in a text must be written \\u", &code))
            }
        }
    }

    /// The error where `expected` (a comma or a closing bracket) should follow an item: most
    /// often a straight quote inside a text, which ended it early, or a comma left out.
    fn unseparated(&self, expected: &str) -> Error {
        let next = self.text[self.pos..].chars().next().unwrap_or(' ');
        if self.bytes[self.pos - 1] == b'"' && next.is_alphanumeric() {
            let message = "a text ends at this quote: a quote inside a text must be written \\\" (or as “ ”)";
            return self.error_at(self.pos - 1, message);
        }
        let message = match (next, self.invisible()) {
            (_, Some(invisible)) => cat!(expected, ", found ", &invisible),
            ('"', None) => cat!(expected, ": is a comma missing before this?"),
            _ => expected.to_string(),
        };
        self.error_here(&message)
    }

    /// What the character at the cursor is, if it is one that shows as a space or not at all
    /// but is not one of the white space JSON takes (a no-break space pasted from a web page).
    fn invisible(&self) -> Option<String> {
        let c = self.text[self.pos..].chars().next()?;
        if !shows_nothing(c) {
            return None;
        }
        let mut code = String::new();
        push_hex(&mut code, u64::from(c), 4);
        Some(cat!(
            "the invisible character U+",
            &code.to_ascii_uppercase(),
            ": JSON takes only plain spaces, tabs and line breaks between its parts"
        ))
    }

    /// The error for an escape JSON does not have, the cursor just after it.
    fn unknown_escape(&self) -> Error {
        let escape = self.text[self.pos - 1..].chars().next().unwrap_or('\\');
        let message = cat!(
            "unknown escape \\",
            escape.to_string(),
            ": a backslash in a text must be written \\\\"
        );
        self.error_at(self.pos - 1, &message)
    }

    /// The character of an escape, the cursor just after its backslash.
    fn escape(&mut self) -> Parsed<char> {
        let Some(b) = self.peek() else {
            return Err(self.error_here(UNCLOSED_TEXT));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(self.error_here("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error_at(self.pos - 1, "lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    code => code,
                };
                char::from_u32(code).ok_or_else(|| self.error_at(self.pos - 1, "invalid unicode code point"))?
            }
            _ => {
                return Err(if MESSAGES {
                    self.unknown_escape()
                } else {
                    self.error_here("")
                });
            }
        })
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.error_here(UNCLOSED_TEXT));
            };
            let digit = (b as char)
                .to_digit(16)
                .ok_or_else(|| self.error_here("a \\u escape takes four hexadecimal digits"))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// Moves past a `,` before the next item, or reports `close` as seen; the cursor after `[`, `{` or an item.
    fn separator(&mut self, close: u8, first: bool) -> Parsed<bool> {
        let (inside, expected, trailing) = if close == b']' {
            (
                "inside a list: its closing \"]\" is missing",
                "expected \",\" or \"]\"",
                "a comma cannot follow the last item of a list",
            )
        } else {
            (
                UNCLOSED_OBJECT,
                "expected \",\" or \"}\"",
                "a comma cannot follow the last member of an object",
            )
        };
        let b = self.next_token(inside)?;
        if b == close {
            self.pos += 1;
            return Ok(false);
        }
        if first {
            return Ok(true);
        }
        if b != b',' {
            return Err(if MESSAGES {
                self.unseparated(expected)
            } else {
                self.error_here("")
            });
        }
        let comma = self.pos;
        self.pos += 1;
        if self.next_token(inside)? == close {
            return Err(self.error_at(comma, trailing));
        }
        Ok(true)
    }

    fn array(&mut self) -> Parsed<Value<'a>> {
        self.pos += 1;
        let mut items = Vec::new();
        while self.separator(b']', items.is_empty())? {
            items.push(self.value()?);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Parsed<Value<'a>> {
        self.pos += 1;
        let mut members: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        let mut keys = Positions::default();
        while self.separator(b'}', members.is_empty())? {
            if let Some(found) = self.peek().filter(|&b| b != b'"') {
                return Err(self.misplaced(found, "a key in double quotes"));
            }
            let key = self.string()?;
            // One check for small and huge objects alike: a scan for the first few keys would
            // be faster, but a second way costs the page more bytes than it saves in time.
            let key_of = |i: usize| -> &str { &members[i].0 };
            if keys.insert(&key, members.len(), &key_of).is_some() {
                return Err(self.error_at(self.pos - 1, &message!("duplicate key ", quoted(&key))));
            }
            if self.next_token(UNCLOSED_OBJECT)? != b':' {
                return Err(self.error_here("expected \":\" after the key"));
            }
            self.pos += 1;
            let value = self.value()?;
            members.push((key, value));
        }
        Ok(Value::Object(Object(members)))
    }
}

/// A string as a JSON string literal, for messages: quoted, with line breaks and other
/// control characters escaped.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::new();
    write_str(&mut out, s);
    // Characters no editor shows, written as escapes, so that a message about them is not
    // about what looks like a valid text.
    let mut shown = String::new();
    for c in out.chars() {
        if c != ' ' && shows_nothing(c) {
            shown.push_str("\\u");
            push_hex(&mut shown, u64::from(c), 4);
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Writes `s` as a JSON string literal, escaping as serde_json does.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    write_escaped(out, s);
    out.push('"');
}

/// Writes `s` as the inside of a JSON string literal, without its quotes: escaped as serde_json
/// escapes it, a backslash and then the character's letter, or `u` and its four hex digits.
pub(crate) fn write_escaped(out: &mut String, s: &str) {
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.push_str(&s[run..i]);
        out.push('\\');
        match b {
            b'"' | b'\\' => out.push(char::from(b)),
            0x08 => out.push('b'),
            b'\t' => out.push('t'),
            b'\n' => out.push('n'),
            0x0c => out.push('f'),
            b'\r' => out.push('r'),
            _ => {
                out.push('u');
                push_hex(out, u64::from(b), 4);
            }
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
}

/// A value the core writes as JSON by hand, without serde: the page writes its snapshots and
/// events this way, as serde's code for them would cost it 0.8 KB.
pub(crate) trait Json {
    /// Appends the value to `out` as compact JSON.
    fn write_to(&self, out: &mut String);
}

impl Json for str {
    fn write_to(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl Json for String {
    fn write_to(&self, out: &mut String) {
        self.as_str().write_to(out);
    }
}

impl Json for bool {
    fn write_to(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// Whole numbers, in decimal; unsigned ones only, as `as u64` would wrap a negative number.
macro_rules! json_numbers {
    ($($type:ty),*) => {$(
        const _: () = assert!(<$type>::MIN == 0 && <$type>::BITS <= 64, "Json writes u64 at most");
        impl Json for $type {
            fn write_to(&self, out: &mut String) {
                push_digits(out, *self as u64, 1);
            }
        }
    )*};
}

json_numbers!(u8, u32, u64, usize);

impl<T: Json + ?Sized> Json for &T {
    fn write_to(&self, out: &mut String) {
        (**self).write_to(out);
    }
}

impl<T: Json> Json for Option<T> {
    fn write_to(&self, out: &mut String) {
        match self {
            Some(value) => value.write_to(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write_to(&self, out: &mut String) {
        let mut items = Members::open(out, '[');
        for item in self {
            items.push(item);
        }
        items.close();
    }
}

impl<T: Json> Json for Vec<T> {
    fn write_to(&self, out: &mut String) {
        self.as_slice().write_to(out);
    }
}

/// An object or array being written member by member: the commas and keys of every object and
/// array the core writes, by serde or by hand.
pub(crate) struct Members<'o> {
    out: &'o mut String,
    first: bool,
    /// The bracket that closes it: `}` or `]`.
    closer: char,
}

impl<'o> Members<'o> {
    /// Opens an object (`{`) or an array (`[`) at the end of `out`.
    pub(crate) fn open(out: &'o mut String, bracket: char) -> Members<'o> {
        out.push(bracket);
        let closer = if bracket == '{' { '}' } else { ']' };
        Members {
            out,
            first: true,
            closer,
        }
    }

    /// The place for the next item of an array, after its comma.
    fn item(&mut self) -> &mut String {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(',');
        }
        self.out
    }

    /// The place for the value of the object's next member, after its comma and `key`.
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        let out = self.item();
        key.write_to(out);
        out.push(':');
        out
    }

    /// Writes the array's next item.
    pub(crate) fn push(&mut self, value: &(impl Json + ?Sized)) -> &mut Self {
        value.write_to(self.item());
        self
    }

    /// Writes the object's next member.
    pub(crate) fn field(&mut self, key: &str, value: &(impl Json + ?Sized)) -> &mut Self {
        value.write_to(self.key(key));
        self
    }

    /// Closes the object or array, handing back the text it was written into.
    pub(crate) fn close(self) -> &'o mut String {
        self.out.push(self.closer);
        self.out
    }
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "headless")))]
mod serialize;
#[cfg(any(test, all(target_arch = "wasm32", feature = "headless")))]
pub(crate) use serialize::to_string;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::{Action, Layout, Quiz, Session};

    #[cfg(feature = "messages")]
    #[test]
    fn positions_are_where_values_start_or_else_their_nearest_enclosing_value() {
        let text = "{\"été\": [1,\n  {\"a\": true}],\n \"b\": null}";
        assert_eq!(
            positions(
                text,
                &["été[1].a", "été[1]", "été[1].missing", "été[7]", "b", "", "nope"]
            ),
            [(2, 9), (2, 3), (2, 3), (1, 9), (3, 7), (1, 1), (1, 1)]
        );
    }

    #[cfg(feature = "messages")]
    #[test]
    fn positions_in_a_broken_text_never_panic() {
        let text = "{\u{a0}\"é\": [1, {\"a\": tr\u{a0}ue}], \"b\" \u{feff}: \"ü\", 7: {\"c\" 1}}";
        for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
            for start in (0..end).filter(|&start| text.is_char_boundary(start)) {
                positions(&text[start..end], &["é[1].a", "b", "", "c"]);
            }
        }
    }

    #[cfg(feature = "messages")]
    #[test]
    fn positions_count_columns_in_characters_and_skip_a_byte_order_mark() {
        assert_eq!(positions("\u{feff}{\"é\": \"ü\", \"x\": 1}", &["x"]), [(1, 17)]);
    }

    /// Our value as serde_json's, to compare the two parsers.
    fn to_serde(value: &Value<'_>) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(text) => serde_json::from_str(text).unwrap(),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Array(items) => items.iter().map(to_serde).collect(),
            Value::Object(object) => object.iter().map(|(k, v)| (k.to_string(), to_serde(v))).collect(),
        }
    }

    #[test]
    fn values_parse_as_serde_json_parses_them() {
        for text in [
            r#"{"a": [1, -2, 3.5, -0.25e-3, 1E+2, "x", true, false, null, {"b": {}}, []], "c": 18446744073709551615}"#,
            r#""escapes: \" \\ \/ \b \f \n \r \t \u00e9 \u0000 \ud83c\udde6 done""#,
            " \t\r\n[ 0 , \"Ереван, Երևան\" ]\n",
            "\"\u{7f} and ☃ as they are\"",
        ] {
            let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(
                to_serde(&ours),
                serde_json::from_str::<serde_json::Value>(text).unwrap(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_fingerprint_stays_the_one_saved_progress_carries() {
        // Snapshots in readers' browsers carry it: a change would refuse every one of them.
        let text = r#"{"a": [1, -2.5e3, "x\u00e9\n", true, false, null, {"b": {}}, []], "": "", "c": {"d": [[]]}}"#;
        assert_eq!(parse(text).unwrap().fingerprint(), 0x4f81_11f1_8a70_2924);
    }

    #[test]
    fn strings_without_escapes_borrow_the_text() {
        assert!(matches!(parse(r#""plain""#), Ok(Value::String(Cow::Borrowed("plain")))));
        assert!(matches!(parse(r#""tab\t""#), Ok(Value::String(Cow::Owned(_)))));
    }

    #[cfg(feature = "messages")]
    #[test]
    fn each_syntax_error_is_named_at_its_line_and_column() {
        let cases = [
            ("", "the file is empty", 1, 1),
            ("   ", "the file is empty", 1, 3),
            ("{\"a\": 1", "the file ends inside an object: its closing \"}\" is missing", 1, 7),
            ("{\"a\"", "the file ends inside an object: its closing \"}\" is missing", 1, 4),
            ("[1, 2", "the file ends inside a list: its closing \"]\" is missing", 1, 5),
            ("\"abc", "the file ends inside a text: its closing quote (\") is missing", 1, 4),
            ("{\"a\":", "the file ends where a value should be", 1, 5),
            ("x", "expected a value", 1, 1),
            ("nul", "the file ends inside a value", 1, 3),
            ("nulL", "expected a value", 1, 4),
            ("[1 2]", "expected \",\" or \"]\"", 1, 4),
            ("{\"a\": 1 \"b\": 2}", "expected \",\" or \"}\": is a comma missing before this?", 1, 9),
            ("[1, 2}", "expected \",\" or \"]\"", 1, 6),
            (
                "{\"a\": \"it was \"nobody\" there\"}",
                "a text ends at this quote: a quote inside a text must be written \\\" (or as “ ”)",
                1,
                15,
            ),
            ("[True]", "expected a value, found True: JSON writes true in lowercase", 1, 2),
            (
                "\n<!doctype html><html>",
                "expected a value, found <: this is a web page (HTML), not JSON; is the file's address right?",
                2,
                1,
            ),
            ("[<b>]", "expected a value", 1, 2),
            (
                "{\"a\": 1\u{a0}}",
                "expected \",\" or \"}\", found the invisible character U+00A0: JSON takes only plain spaces, tabs and line breaks between its parts",
                1,
                8,
            ),
            (
                "[\u{200b}1]",
                "expected a value, found the invisible character U+200B: JSON takes only plain spaces, tabs and line breaks between its parts",
                1,
                2,
            ),
            ("{\"a\" 1}", "expected \":\" after the key", 1, 6),
            ("{\n  \"a\": 1,,\n}", "expected a key in double quotes", 2, 10),
            ("{1: 2}", "expected a key in double quotes", 1, 2),
            // What a word processor and a habit of other languages leave in a file.
            (
                "{“a”: 1}",
                "expected a key in double quotes, found “: JSON texts take straight double quotes (\")",
                1,
                2,
            ),
            (
                "['a']",
                "expected a value, found ': JSON texts take straight double quotes (\")",
                1,
                2,
            ),
            (
                "{\n  // a note\n}",
                "expected a key in double quotes, found a comment: JSON has no comments",
                2,
                3,
            ),
            (
                "{\"a\": \"Yes”,\n \"b\": 1}",
                "” cannot close a text: JSON texts take straight double quotes (\")",
                1,
                11,
            ),
            (
                "\"a\nb\"",
                "the text does not end on its line: a line break in a text must be written \\n, or its closing quote (\") is missing",
                1,
                3,
            ),
            ("\"a\tb\"", "a tab in a text must be written \\t", 1, 3),
            ("\"a\u{1}\"", "control character U+0001 in a text must be written \\u0001", 1, 3),
            // The comma is the mistake, not the bracket on the next line.
            ("[\n  1,\n]", "a comma cannot follow the last item of a list", 2, 4),
            ("{\"a\": 1,}", "a comma cannot follow the last member of an object", 1, 8),
            ("[1] 2", "more text after the end of the JSON value", 1, 5),
            ("01", "invalid number", 1, 2),
            ("-", "the file ends inside a number", 1, 1),
            ("-a", "invalid number", 1, 2),
            ("1.", "the file ends inside a number", 1, 2),
            ("1.e3", "invalid number", 1, 3),
            ("1e+]", "invalid number", 1, 4),
            (
                "\"C:\\x\"",
                "unknown escape \\x: a backslash in a text must be written \\\\",
                1,
                5,
            ),
            ("\"\\u12g4\"", "a \\u escape takes four hexadecimal digits", 1, 6),
            ("\"\\ud800\"", "lone leading surrogate in hex escape", 1, 8),
            ("\"\\ud800\\u0041\"", "lone leading surrogate in hex escape", 1, 13),
            ("\"\\udc00\"", "invalid unicode code point", 1, 7),
            (
                "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}}",
                "duplicate key \"c\"",
                2,
                18,
            ),
            ("\"é\" x", "more text after the end of the JSON value", 1, 5),
        ];
        for (text, message, line, column) in cases {
            let error = parse(text).expect_err(text);
            assert_eq!(error.kind(), ErrorKind::Syntax);
            assert_eq!(
                (error.message(), error.location()),
                (message, &Location::Position { line, column }),
                "{text:?}"
            );
        }
    }

    #[cfg(feature = "messages")]
    #[test]
    fn a_repeated_key_is_found_in_a_large_object_too() {
        let members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        // k3 was recorded before the key table's last growth, k33 after.
        for key in ["k3", "k33"] {
            let text = format!("{{{}, \"{key}\": 0}}", members.join(", "));
            assert_eq!(parse(&text).unwrap_err().message(), format!("duplicate key \"{key}\""));
        }
        assert!(
            parse(r#"[{"a": 1}, {"a": 2}]"#).is_ok(),
            "the same key in two objects is fine"
        );
    }

    #[cfg(feature = "messages")]
    #[test]
    fn nesting_is_limited_to_128_levels() {
        let at = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse(&at(128)).is_ok());
        let error = parse(&at(129)).unwrap_err();
        assert_eq!(
            (error.message(), error.location()),
            (
                "lists and objects are nested more than 128 deep",
                &Location::Position { line: 1, column: 129 }
            )
        );
    }

    #[test]
    fn whole_numbers_are_read_only_when_written_whole_and_in_range() {
        let number = |text| Value::Number(text);
        assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(number("18446744073709551616").as_u64(), None);
        assert_eq!(number("-1").as_u64(), None);
        assert_eq!(number("3.0").as_u64(), None);
        assert_eq!(number("3e0").as_u64(), None);
        assert_eq!(Value::String("3".into()).as_u64(), None);
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [every_ascii.as_str(), "Ереван 🇦🇲 \u{2028}", ""] {
            assert_eq!(to_string(&text).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn hand_written_values_are_written_as_serde_json_writes_them() {
        let mut text = String::new();
        // In key order: serde_json's objects sort their keys.
        let mut object = Members::open(&mut text, '{');
        object.field("big", &u64::MAX).field("flag", &false);
        let mut nested = Members::open(object.key("nested"), '[');
        nested.push(&true).push(&Vec::<u32>::new()).push(&u32::MAX);
        nested.close();
        object
            .field("none", &None::<String>)
            .field("numbers", &vec![0usize, 42, usize::MAX])
            .field("some", &Some(7u8))
            .field("text", "Ереван \"quoted\"\n\u{1}")
            .field("words", &vec!["a".to_string(), "b".to_string()]);
        object.close();
        let expected = serde_json::json!({
            "text": "Ереван \"quoted\"\n\u{1}",
            "none": null,
            "some": 7,
            "numbers": [0, 42, usize::MAX],
            "words": ["a", "b"],
            "big": u64::MAX,
            "flag": false,
            "nested": [true, [], u32::MAX],
        });
        assert_eq!(text, serde_json::to_string(&expected).unwrap());
    }

    #[test]
    fn the_cores_values_are_written_as_serde_json_writes_them() {
        let quiz = Arc::new(Quiz::from_json(include_str!("../questions.json")).unwrap());
        let mut session = Session::new(quiz, 7);
        let mut events: Vec<_> = session.apply(&Action::Start).unwrap().into_iter().collect();
        let first = session.current();
        let (question, choice) = (first.question.id.clone(), first.question.choices[0].id.clone());
        events.extend(
            session
                .apply(&Action::Answer {
                    question,
                    choices: vec![choice],
                })
                .unwrap(),
        );
        session.finish().unwrap();
        assert_eq!(to_string(&events).unwrap(), serde_json::to_string(&events).unwrap());
        let screen = session.screen(Layout::All);
        assert_eq!(to_string(&screen).unwrap(), serde_json::to_string(&screen).unwrap());
        let result = session.result();
        assert_eq!(to_string(&result).unwrap(), serde_json::to_string(&result).unwrap());
    }

    #[test]
    fn the_fingerprint_follows_content_not_layout() {
        let fingerprint = |text| parse(text).unwrap().fingerprint();
        let base = fingerprint(r#"{"a": ["x", 1, true, null]}"#);
        assert_eq!(base, fingerprint("{ \"a\" :\n [ \"\\u0078\" , 1,true , null ] }"));
        for changed in [
            r#"{"a": ["x", 1, true]}"#,
            r#"{"a": ["x", 2, true, null]}"#,
            r#"{"a": ["x", "1", true, null]}"#,
            r#"{"b": ["x", 1, true, null]}"#,
            r#"{"a": [["x"], 1, true, null]}"#,
            r#"{"a": ["x", 1, false, null]}"#,
        ] {
            assert_ne!(base, fingerprint(changed), "{changed}");
        }
        assert_eq!(base, 0xdd93_8143_4ed8_4819, "the same on every platform and build");
    }

    #[test]
    fn floating_point_numbers_are_refused_not_written() {
        assert_eq!(
            to_string(&0.5).unwrap_err().to_string(),
            "floating-point numbers are not written"
        );
    }
}
