//! The one error type of the core: what went wrong, and where.

use std::fmt;

use crate::strings::{cat, Digits, Written};

/// Whether this build words its errors (the `messages` feature, on by default). Without it, an
/// error keeps only its kind: its message is empty, and its location [`Location::Nowhere`].
pub(crate) const MESSAGES: bool = cfg!(feature = "messages");

/// An error message (or path) made of `pieces` as [`cat!`] makes it; in a build without
/// [`MESSAGES`], a [`NoMessage`], the pieces never evaluated, so that their code and text drop
/// out, and no `String` is made, moved or dropped in their place (1 KB less in the page).
#[cfg(feature = "messages")]
macro_rules! message {
    ($($piece:expr),+ $(,)?) => {
        $crate::strings::cat!($($piece),+)
    };
}
#[cfg(not(feature = "messages"))]
macro_rules! message {
    ($($piece:expr),+ $(,)?) => {{
        if false {
            $(let _ = &$piece;)+
        }
        $crate::error::NoMessage
    }};
}
pub(crate) use message;

/// What [`message!`] makes: a `String`, or in a build without [`MESSAGES`], a [`NoMessage`].
#[cfg(feature = "messages")]
pub(crate) type Message = String;
/// What [`message!`] makes: a `String`, or in a build without [`MESSAGES`], a [`NoMessage`].
#[cfg(not(feature = "messages"))]
pub(crate) type Message = NoMessage;

/// A message in a build without [`MESSAGES`]: nothing, read as an empty text.
#[cfg(not(feature = "messages"))]
pub(crate) struct NoMessage;

#[cfg(not(feature = "messages"))]
impl std::ops::Deref for NoMessage {
    type Target = str;
    fn deref(&self) -> &str {
        ""
    }
}

#[cfg(not(feature = "messages"))]
impl From<NoMessage> for String {
    fn from(_: NoMessage) -> String {
        String::new()
    }
}

#[cfg(not(feature = "messages"))]
impl From<&NoMessage> for String {
    fn from(_: &NoMessage) -> String {
        String::new()
    }
}

/// Where a problem is: a position in the JSON text, a path into the document, or nowhere in particular.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A 1-based line and column in the JSON text (syntax errors).
    Position {
        /// 1-based line number.
        line: usize,
        /// 1-based column number.
        column: usize,
    },
    /// A path into the document, such as `questions[3].choices[1].id` (0-based indices).
    Path(String),
    /// The problem is not tied to one place (for example a session call in the wrong phase).
    Nowhere,
}

impl Written for Location {
    fn written(&self) -> String {
        match self {
            Location::Position { line, column } => cat!("line ", line.digits(), ", column ", column.digits()),
            Location::Path(path) if path.is_empty() => "top level".to_string(),
            Location::Path(path) => path.clone(),
            Location::Nowhere => String::new(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

/// The category of an [`Error`], for callers that react differently to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not well-formed JSON.
    Syntax,
    /// A value has the wrong JSON type (a string where a number belongs, say).
    Type,
    /// A required field is absent (or there under a misspelt name, which its message names).
    MissingField,
    /// A field the format does not know (often a typo).
    UnknownField,
    /// The `format` number is not one this engine reads.
    UnsupportedFormat,
    /// A text that must say something is empty or only white space.
    EmptyText,
    /// An id is not a slug (lowercase letters, digits and hyphens).
    InvalidId,
    /// Two things that must have different ids share one.
    DuplicateId,
    /// A question has fewer than two choices.
    TooFewChoices,
    /// A question has the wrong number of correct choices for its kind.
    CorrectChoices,
    /// A number is outside its allowed range.
    OutOfRange,
    /// The number of questions to draw is larger than the pool.
    DrawTooLarge,
    /// Result bands overlap or leave a gap.
    Bands,
    /// A scoring fraction or weight is malformed or inconsistent.
    Scoring,
    /// A value is not of its expected form (a date, a URL, an enum name).
    InvalidValue,
    /// The input is larger than the engine accepts.
    TooLarge,
    /// An answer or call names a question that is not in this attempt.
    UnknownQuestion,
    /// An answer names a choice the question does not have.
    UnknownChoice,
    /// An answer is not allowed as given (two choices for a single-answer question, say).
    InvalidAnswer,
    /// A session call is not allowed in the session's current state.
    InvalidState,
    /// A saved snapshot is malformed, or belongs to another quiz or version.
    Snapshot,
}

/// One problem, with its kind, its location and a human-readable message.
///
/// Messages are lowercase with no trailing period; `Display` prefixes the location, and for a
/// path placed in the file its line and column, e.g.
/// `questions[3].choices[1].id (line 41, column 17): choice id "b" is already used by questions[3].choices[0]`.
/// In a build without the
/// `messages` feature an error is only its kind: it is nowhere and says nothing, and carries no
/// strings to build, move or drop (0.5 KB less in the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    #[cfg(feature = "messages")]
    location: Location,
    #[cfg(feature = "messages")]
    message: String,
    /// Where in the questions file a problem at a path is, once [`Error::place`] has found it.
    #[cfg(feature = "messages")]
    position: Option<(usize, usize)>,
}

/// Where every error is without messages.
#[cfg(not(feature = "messages"))]
static NOWHERE: Location = Location::Nowhere;

impl Error {
    /// A new error of `kind` at `location`.
    #[inline]
    pub fn new(kind: ErrorKind, location: Location, message: impl Into<String>) -> Self {
        #[cfg(feature = "messages")]
        return Error {
            kind,
            location,
            message: message.into(),
            position: None,
        };
        #[cfg(not(feature = "messages"))]
        {
            let _ = (location, message);
            Error { kind }
        }
    }

    /// A new error at a document path.
    #[inline]
    pub fn at(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        let location = match MESSAGES {
            true => Location::Path(path.into()),
            false => Location::Nowhere,
        };
        Error::new(kind, location, message)
    }

    /// A new error tied to no place.
    #[inline]
    pub fn nowhere(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error::new(kind, Location::Nowhere, message)
    }

    /// The category of the problem.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where the problem is.
    pub fn location(&self) -> &Location {
        #[cfg(feature = "messages")]
        return &self.location;
        #[cfg(not(feature = "messages"))]
        &NOWHERE
    }

    /// The 1-based line and column in the questions file where the problem is: a syntax
    /// error's own, or for a problem at a path, where the value at that path (or, when the file
    /// leaves it out, the value that should hold it) starts. `None` for problems not in a file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.location() {
            Location::Position { line, column } => Some((*line, *column)),
            #[cfg(feature = "messages")]
            Location::Path(_) => self.position,
            _ => None,
        }
    }

    /// Notes where in `text`, the questions file, each of `errors` at a path is, and puts them
    /// in the file's order, so that an editor can work down it.
    pub(crate) fn place(errors: &mut [Error], text: &str) {
        #[cfg(feature = "messages")]
        {
            let paths: Vec<&str> = errors
                .iter()
                .filter_map(|e| match &e.location {
                    Location::Path(path) => Some(path.as_str()),
                    _ => None,
                })
                .collect();
            if paths.is_empty() {
                return;
            }
            let mut positions = crate::json::positions(text, &paths).into_iter();
            for error in errors.iter_mut() {
                if let Location::Path(_) = error.location {
                    error.position = positions.next();
                }
            }
            errors.sort_by_key(Error::position);
        }
        let _ = (errors, text);
    }

    /// The message without its location.
    pub fn message(&self) -> &str {
        #[cfg(feature = "messages")]
        return &self.message;
        #[cfg(not(feature = "messages"))]
        ""
    }
}

impl Written for Error {
    fn written(&self) -> String {
        match (self.location(), self.position()) {
            (Location::Nowhere, _) => self.message().to_string(),
            (Location::Path(_), Some((line, column))) => cat!(
                self.location().written(),
                " (line ",
                line.digits(),
                ", column ",
                column.digits(),
                "): ",
                self.message()
            ),
            (location, _) => cat!(location.written(), ": ", self.message()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

impl std::error::Error for Error {}

/// Every problem found in one questions file, in document order; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors(pub(crate) Vec<Error>);

impl Errors {
    /// Wraps a list of problems; `None` when the list is empty.
    pub fn from_vec(errors: Vec<Error>) -> Option<Self> {
        (!errors.is_empty()).then_some(Errors(errors))
    }

    /// The problems, in document order.
    pub fn as_slice(&self) -> &[Error] {
        &self.0
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: an `Errors` holds at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// One error per line.
impl Written for Errors {
    fn written(&self) -> String {
        let mut text = String::new();
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&error.written());
        }
        text
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

impl std::error::Error for Errors {}
