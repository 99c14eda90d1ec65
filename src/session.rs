//! A reader's run through a quiz: the state machine, its answers, and the snapshot that resumes it.

use std::sync::Arc;

use serde::Serialize;

use crate::error::{message, Error, ErrorKind, Errors};
use crate::json::{self, Json, Members, Value};
use crate::model::{Choice, Kind, Question, Quiz, Reveal};
use crate::rng::Rng;
use crate::scoring::{score_attempt, score_question, Outcome, QuestionScore, QuizResult, Tally, Totals};
use crate::strings::Digits;

/// The version of the snapshot layout [`Session::snapshot`] writes.
pub const SNAPSHOT_VERSION: u32 = 1;

/// The largest seed a JavaScript number carries exactly: 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before the first question: the intro screen.
    Intro,
    /// Answering questions.
    Answering,
    /// Finished: every answer is revealed and the result is final.
    Finished,
}

impl Phase {
    /// The phase's name: `intro`, `answering` or `finished`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Intro => "intro",
            Phase::Answering => "answering",
            Phase::Finished => "finished",
        }
    }
}

/// One question of an attempt, with its choice order and the reader's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    question: usize,
    order: Vec<usize>,
    selected: Vec<usize>,
    revealed: bool,
}

/// A question of an attempt by index into its choices, as the crate's own views read it.
pub(crate) struct SlotAt<'q> {
    /// The question.
    pub(crate) question: &'q Question,
    /// Its choices' indices in display order.
    pub(crate) order: &'q [usize],
    /// The picked choices' indices, in file order.
    pub(crate) picked: &'q [usize],
    /// Whether its answer is shown.
    pub(crate) revealed: bool,
}

impl<'q> SlotAt<'q> {
    /// The picked choices' ids, in file order.
    pub(crate) fn picked_ids(&self) -> impl Iterator<Item = &'q str> + 'q {
        let question = self.question;
        self.picked.iter().map(move |&i| question.choices[i].id.as_str())
    }
}

/// A question as an attempt shows it: its choices in display order and the reader's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotView<'q> {
    /// The question.
    pub question: &'q Question,
    /// Its choices in the order shown.
    pub choices: Vec<&'q Choice>,
    /// The ids of the picked choices, in file order.
    pub selected: Vec<&'q str>,
    /// Whether the answer has been revealed (always, once the quiz is finished).
    pub revealed: bool,
}

/// A reader's session: one attempt at a time, from intro to result, then retries.
///
/// Every call either does what it says or returns an [`Error`] and leaves the state as it was.
#[derive(Debug, Clone)]
pub struct Session {
    quiz: Arc<Quiz>,
    seed: u64,
    attempt: u32,
    phase: Phase,
    position: usize,
    slots: Vec<Slot>,
}

impl Session {
    /// The seed a number gives where numbers are doubles, as in JavaScript: refused unless it
    /// is a whole number from 0 to [`MAX_SEED`], as a cast would quietly make −1, 0.5 and NaN
    /// alike into 0.
    pub fn seed_of(number: f64) -> Result<u64, Error> {
        if (0.0..=MAX_SEED as f64).contains(&number) && number.fract() == 0.0 {
            return Ok(number as u64);
        }
        let message = message!("expected a whole number from 0 to ", MAX_SEED.digits());
        Err(Error::at(ErrorKind::OutOfRange, "seed", message))
    }

    /// A new session on its intro screen. The same `seed` always draws and shuffles the same way.
    pub fn new(quiz: Arc<Quiz>, seed: u64) -> Session {
        let slots = draw(&quiz, seed, 0, &[]);
        Session {
            quiz,
            seed,
            attempt: 0,
            phase: Phase::Intro,
            position: 0,
            slots,
        }
    }

    /// The quiz this session runs.
    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Which attempt this is, from 0; each retry adds 1.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The 0-based position of the current question in the attempt.
    pub fn position(&self) -> usize {
        self.position
    }

    /// How many questions this attempt has.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Always false: an attempt has at least one question.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The question at `position` of the attempt, as shown.
    pub fn slot(&self, position: usize) -> Option<SlotView<'_>> {
        if position >= self.slots.len() {
            return None;
        }
        let slot = self.slot_at(position);
        Some(SlotView {
            question: slot.question,
            choices: slot.order.iter().map(|&i| &slot.question.choices[i]).collect(),
            selected: slot.picked_ids().collect(),
            revealed: slot.revealed,
        })
    }

    /// The question at the current position.
    pub fn current(&self) -> SlotView<'_> {
        // The position is kept in range by every transition.
        self.slot(self.position)
            .unwrap_or_else(|| unreachable!("position out of range"))
    }

    /// Leaves the intro for the first question.
    pub fn start(&mut self) -> Result<(), Error> {
        if self.phase != Phase::Intro {
            return Err(state_error(message!("the quiz has already started")));
        }
        self.phase = Phase::Answering;
        Ok(())
    }

    /// Sets (or changes) the answer to a question of this attempt; an empty list clears it.
    pub fn answer(&mut self, question_id: &str, choice_ids: &[&str]) -> Result<(), Error> {
        self.answer_ids(question_id, choice_ids).map(drop)
    }

    /// [`Session::answer`] with the ids as any strings: an [`Action`](crate::Action)'s owned
    /// ones are read where they are, not first gathered into a list of `&str`. Returns the
    /// question's position, so that the caller need not look it up again.
    pub(crate) fn answer_ids(&mut self, question_id: &str, choice_ids: &[impl AsRef<str>]) -> Result<usize, Error> {
        self.require_answering()?;
        let index = self.slot_index(question_id)?;
        let slot = &self.slots[index];
        if slot.revealed {
            return Err(state_error(message!(
                "question \"",
                question_id,
                "\" is already revealed, so its answer can no longer change"
            )));
        }
        let selected = resolve(&self.quiz.questions[slot.question], choice_ids)?;
        self.slots[index].selected = selected;
        Ok(index)
    }

    /// Reveals whether a question's answer is right; revealing it again does nothing.
    pub fn reveal(&mut self, question_id: &str) -> Result<(), Error> {
        self.reveal_index(question_id).map(drop)
    }

    /// [`Session::reveal`], returning the question's position if this revealed it, or `None`
    /// if it was revealed already.
    pub(crate) fn reveal_index(&mut self, question_id: &str) -> Result<Option<usize>, Error> {
        self.require_answering()?;
        let index = self.slot_index(question_id)?;
        if self.quiz.settings.reveal == Reveal::End {
            return Err(state_error(message!("this quiz reveals its answers only at the end")));
        }
        let slot = &mut self.slots[index];
        if slot.selected.is_empty() {
            return Err(Error::nowhere(
                ErrorKind::InvalidAnswer,
                message!("answer question \"", question_id, "\" before revealing it"),
            ));
        }
        Ok((!std::mem::replace(&mut slot.revealed, true)).then_some(index))
    }

    /// Moves to the next question.
    pub fn next_question(&mut self) -> Result<(), Error> {
        self.require_answering()?;
        if self.position + 1 >= self.slots.len() {
            return Err(state_error(message!(
                "this is the last question: finish the quiz instead"
            )));
        }
        self.position += 1;
        Ok(())
    }

    /// Moves back to the previous question.
    pub fn previous_question(&mut self) -> Result<(), Error> {
        self.require_answering()?;
        if self.position == 0 {
            return Err(state_error(message!("this is the first question")));
        }
        self.position -= 1;
        Ok(())
    }

    /// Ends the attempt: every answer is revealed and the result is final. Finishing
    /// again does nothing. Unanswered questions score 0.
    pub fn finish(&mut self) -> Result<(), Error> {
        match self.phase {
            Phase::Intro => Err(state_error(message!("the quiz has not started"))),
            Phase::Answering | Phase::Finished => {
                self.phase = Phase::Finished;
                Ok(())
            }
        }
    }

    /// Starts a new attempt at the first question with a fresh draw and order,
    /// preferring questions the last attempt did not show.
    pub fn retry(&mut self) -> Result<(), Error> {
        if self.phase == Phase::Intro {
            return Err(state_error(message!("the quiz has not started")));
        }
        let attempt = self.attempt.wrapping_add(1);
        self.slots = draw(&self.quiz, self.seed, attempt, &self.slots);
        self.attempt = attempt;
        self.phase = Phase::Answering;
        self.position = 0;
        Ok(())
    }

    /// The score of this attempt so far (final once finished).
    pub fn result(&self) -> QuizResult {
        score_attempt(&self.quiz, self.slots.iter().map(|s| (s.question, &s.selected[..])))
    }

    /// The whole state as a compact JSON text, for [`Session::restore`]: `{"v", "quiz", "fp",
    /// "seed", "attempt", "phase", "pos", "slots"}`, each slot `[question, order, selected,
    /// revealed]`.
    pub fn snapshot(&self) -> String {
        let mut text = String::new();
        let mut snapshot = Members::open(&mut text, '{');
        snapshot
            .field("v", &SNAPSHOT_VERSION)
            .field("quiz", &self.quiz.id)
            .field("fp", &self.quiz.fingerprint)
            .field("seed", &self.seed)
            .field("attempt", &self.attempt)
            .field("phase", self.phase.name())
            .field("pos", &self.position)
            .field("slots", &self.slots);
        snapshot.close();
        text
    }

    /// Takes on the state in `snapshot`, taken of another session of the same quiz (the
    /// reader's other tab, say), so that what is done next builds on it; refuses what
    /// [`Session::restore`] refuses, and then stays as it was.
    pub fn adopt(&mut self, snapshot: &str) -> Result<(), Error> {
        *self = Session::restore(Arc::clone(&self.quiz), snapshot)?;
        Ok(())
    }

    /// Rebuilds the exact session a snapshot was taken of. Refuses, with an error of kind
    /// [`ErrorKind::Snapshot`], a snapshot that is unreadable, inconsistent, or taken of
    /// another quiz or another version of this one.
    pub fn restore(quiz: Arc<Quiz>, snapshot: &str) -> Result<Session, Error> {
        let unreadable = |problem: &str| snapshot_error(message!("the snapshot is unreadable: ", problem));
        let value = json::parse(snapshot).map_err(|e| unreadable(e.message()))?;
        let saved = Snapshot::read(&value).map_err(|field| match field {
            "" => unreadable("expected an object of the fields v, quiz, fp, seed, attempt, phase, pos and slots"),
            field => unreadable(&message!("field \"", field, "\" is missing or malformed")),
        })?;
        if saved.v != SNAPSHOT_VERSION {
            return Err(snapshot_error(message!(
                "snapshot version ",
                saved.v.digits(),
                " is not supported (expected ",
                SNAPSHOT_VERSION.digits(),
                ")"
            )));
        }
        if saved.quiz != quiz.id {
            return Err(snapshot_error(message!(
                "the snapshot belongs to quiz \"",
                saved.quiz,
                "\", not \"",
                quiz.id,
                "\""
            )));
        }
        if saved.fingerprint != quiz.fingerprint {
            return Err(snapshot_error(message!(
                "the snapshot was taken of another version of this quiz"
            )));
        }
        check_saved_slots(&quiz, &saved)?;
        Ok(Session {
            seed: saved.seed,
            attempt: saved.attempt,
            phase: saved.phase,
            position: saved.position,
            slots: saved.slots,
            quiz,
        })
    }

    fn require_answering(&self) -> Result<(), Error> {
        match self.phase {
            Phase::Intro => Err(state_error(message!("start the quiz first"))),
            Phase::Answering => Ok(()),
            Phase::Finished => Err(state_error(message!("the quiz is finished: retry to answer again"))),
        }
    }

    /// The position of the question with this id in the attempt.
    pub(crate) fn slot_index(&self, question_id: &str) -> Result<usize, Error> {
        self.slots
            .iter()
            .position(|s| self.quiz.questions[s.question].id == question_id)
            .ok_or_else(|| {
                Error::nowhere(
                    ErrorKind::UnknownQuestion,
                    message!("question \"", question_id, "\" is not in this attempt"),
                )
            })
    }

    /// How the question at `position` goes with its current answer.
    pub(crate) fn outcome_at(&self, position: usize) -> Outcome {
        self.question_score_at(position).outcome
    }

    /// The question at `position` scored with its current answer, without scoring the rest.
    pub(crate) fn question_score_at(&self, position: usize) -> QuestionScore {
        let slot = &self.slots[position];
        score_question(&self.quiz, slot.question, &slot.selected)
    }

    /// The question at `position` (in range) as shown: what [`Session::slot`] tells, by index
    /// and without collecting it.
    pub(crate) fn slot_at(&self, position: usize) -> SlotAt<'_> {
        let slot = &self.slots[position];
        SlotAt {
            question: &self.quiz.questions[slot.question],
            order: &slot.order,
            picked: &slot.selected,
            revealed: slot.revealed || self.phase == Phase::Finished,
        }
    }

    /// The totals of this attempt so far: [`Session::result`] without each question's detail.
    pub(crate) fn totals(&self) -> Totals {
        let mut tally = Tally::new(&self.quiz);
        for slot in &self.slots {
            tally.add(&self.quiz, slot.question, &slot.selected);
        }
        tally.finish(self.quiz.settings.pass_mark)
    }
}

fn state_error(message: impl Into<String>) -> Error {
    Error::nowhere(ErrorKind::InvalidState, message)
}

fn snapshot_error(message: impl Into<String>) -> Error {
    Error::nowhere(ErrorKind::Snapshot, message)
}

/// The questions of one attempt: a fresh draw from the pool (first those the `previous`
/// attempt did not show), in file order or shuffled, each with its choice order.
fn draw(quiz: &Quiz, seed: u64, attempt: u32, previous: &[Slot]) -> Vec<Slot> {
    let mut rng = Rng::for_attempt(seed, attempt);
    let wanted = quiz.questions_per_attempt();
    let pool = quiz.questions.len();
    let drawing = wanted < pool;
    // Plain loops over flags rather than `partition` and `collect`: 0.2 KB smaller in the page.
    let mut shown = vec![false; pool];
    if drawing {
        for slot in previous {
            if let Some(flag) = shown.get_mut(slot.question) {
                *flag = true;
            }
        }
    }
    // The unseen questions, then the seen ones, each in file order.
    let mut chosen = Vec::new();
    flagged(&shown, false, &mut chosen);
    let unseen = chosen.len();
    flagged(&shown, true, &mut chosen);
    if drawing {
        let (unseen, seen) = chosen.split_at_mut(unseen);
        rng.shuffle(unseen);
        rng.shuffle(seen);
        chosen.truncate(wanted);
    }
    if quiz.settings.shuffle_questions {
        rng.shuffle(&mut chosen);
    } else if drawing {
        // Back in file order: the drawn questions, marked, listed from the first.
        shown.fill(false);
        for &i in &chosen {
            shown[i] = true;
        }
        chosen.clear();
        flagged(&shown, true, &mut chosen);
    }
    let mut slots = Vec::new();
    for question in chosen {
        let mut order = Vec::new();
        for i in 0..quiz.questions[question].choices.len() {
            order.push(i);
        }
        if quiz.settings.shuffle_choices {
            rng.shuffle(&mut order);
        }
        slots.push(Slot {
            question,
            order,
            selected: Vec::new(),
            revealed: false,
        });
    }
    slots
}

/// Appends to `list` the index of each of `flags` that is `value`, in order.
fn flagged(flags: &[bool], value: bool, list: &mut Vec<usize>) {
    for (i, &flag) in flags.iter().enumerate() {
        if flag == value {
            list.push(i);
        }
    }
}

/// The indices, in file order, of the choices `ids` name, checked against the question's kind.
fn resolve(question: &Question, ids: &[impl AsRef<str>]) -> Result<Vec<usize>, Error> {
    let mut selected = Vec::new();
    resolve_into(question, ids, &mut selected)?;
    Ok(selected)
}

/// [`resolve`] into a buffer the caller reuses (cleared first), so tallying many answers
/// allocates nothing per answer.
fn resolve_into(question: &Question, ids: &[impl AsRef<str>], selected: &mut Vec<usize>) -> Result<(), Error> {
    selected.clear();
    for id in ids {
        let id = id.as_ref();
        let Some((index, _)) = question.choice(id) else {
            return Err(Error::nowhere(
                ErrorKind::UnknownChoice,
                message!("question \"", question.id, "\" has no choice \"", id, "\""),
            ));
        };
        // Kept in file order, placed after the picks before it: a linear search, as a question
        // has at most 100 choices, and no binary search is linked into the page (54 B).
        let at = selected.iter().take_while(|&&picked| picked < index).count();
        if selected.get(at) == Some(&index) {
            return Err(Error::nowhere(
                ErrorKind::InvalidAnswer,
                message!("choice \"", id, "\" is listed twice"),
            ));
        }
        selected.insert(at, index);
    }
    if question.kind == Kind::Single && selected.len() > 1 {
        return Err(Error::nowhere(
            ErrorKind::InvalidAnswer,
            message!(
                "question \"",
                question.id,
                "\" takes one answer, got ",
                selected.len().digits()
            ),
        ));
    }
    Ok(())
}

/// A snapshot as read back, its texts borrowed from the parsed value.
struct Snapshot<'a> {
    v: u32,
    quiz: &'a str,
    fingerprint: &'a str,
    seed: u64,
    attempt: u32,
    phase: Phase,
    position: usize,
    slots: Vec<Slot>,
}

impl Json for Slot {
    fn write_to(&self, out: &mut String) {
        let mut fields = Members::open(out, '[');
        fields
            .push(&self.question)
            .push(&self.order)
            .push(&self.selected)
            .push(&self.revealed);
        fields.close();
    }
}

impl<'a> Snapshot<'a> {
    /// Reads what [`Session::snapshot`] wrote. The error is the name of the first field that
    /// is missing or malformed, or empty when `value` is not an object, or has members besides
    /// these. Only a name, not a described value: without messages (the page's build), errors
    /// that carry no text cost the least code (0.2 KB less in the page than describing the value
    /// found).
    fn read(value: &'a Value<'_>) -> Result<Snapshot<'a>, &'static str> {
        let Value::Object(map) = value else {
            return Err("");
        };
        let number = |key| map.get(key).and_then(Value::as_u64).ok_or(key);
        let small = |key| u32::try_from(number(key)?).map_err(|_| key);
        let text = |key| map.get(key).and_then(Value::as_str).ok_or(key);
        let phase = map.get("phase").and_then(Value::as_str);
        let snapshot = Snapshot {
            v: small("v")?,
            quiz: text("quiz")?,
            fingerprint: text("fp")?,
            seed: number("seed")?,
            attempt: small("attempt")?,
            phase: [Phase::Intro, Phase::Answering, Phase::Finished]
                .into_iter()
                .find(|p| Some(p.name()) == phase)
                .ok_or("phase")?,
            position: small("pos")? as usize,
            slots: Slot::read_all(map.get("slots")).ok_or("slots")?,
        };
        // Each of the eight fields is there, and an object names no key twice: any member more
        // is one of another name. Counted, not looked up by name (smaller in the page).
        if map.len() > 8 {
            return Err("");
        }
        Ok(snapshot)
    }
}

impl Slot {
    /// A snapshot's `slots`: an array of `[question, order, selected, revealed]`.
    fn read_all(value: Option<&Value<'_>>) -> Option<Vec<Slot>> {
        let Some(Value::Array(items)) = value else {
            return None;
        };
        let mut slots = Vec::new();
        for item in items {
            let Value::Array(fields) = item else {
                return None;
            };
            let [question, order, selected, Value::Bool(revealed)] = fields.as_slice() else {
                return None;
            };
            slots.push(Slot {
                question: index(question)?,
                order: indices(order)?,
                selected: indices(selected)?,
                revealed: *revealed,
            });
        }
        Some(slots)
    }
}

/// A saved index: a whole number in the range of `usize`.
fn index(value: &Value<'_>) -> Option<usize> {
    usize::try_from(value.as_u64()?).ok()
}

/// An array of saved indices. A loop rather than `collect` into an `Option`, whose adapter
/// would be a larger copy in the page.
fn indices(value: &Value<'_>) -> Option<Vec<usize>> {
    let Value::Array(items) = value else {
        return None;
    };
    let mut indices = Vec::new();
    for item in items {
        indices.push(index(item)?);
    }
    Some(indices)
}

fn check_saved_slots(quiz: &Quiz, saved: &Snapshot) -> Result<(), Error> {
    let inconsistent = |what: &str| snapshot_error(message!("the snapshot is inconsistent: ", what));
    if saved.slots.len() != quiz.questions_per_attempt() {
        return Err(inconsistent("wrong number of questions"));
    }
    if saved.position >= saved.slots.len() || (saved.phase == Phase::Intro && saved.position != 0) {
        return Err(inconsistent("position out of range"));
    }
    let mut used = vec![false; quiz.questions.len()];
    for Slot {
        question,
        order,
        selected,
        revealed,
    } in &saved.slots
    {
        let Some(q) = quiz.questions.get(*question) else {
            return Err(inconsistent("unknown question"));
        };
        if std::mem::replace(&mut used[*question], true) {
            return Err(inconsistent("a question appears twice"));
        }
        let n = q.choices.len();
        let mut placed = vec![false; n];
        let distinct = order
            .iter()
            .all(|&i| placed.get_mut(i).is_some_and(|p| !std::mem::replace(p, true)));
        if !distinct || order.len() != n {
            return Err(inconsistent("choice order is not a permutation"));
        }
        // In increasing order and in range, in one pass: each pick from past the last one to n.
        let mut least = 0;
        let increasing = selected.iter().all(|&i| {
            let next = (least..n).contains(&i);
            // Wrapping: a pick that large is out of range, and ends the check.
            least = i.wrapping_add(1);
            next
        });
        if !increasing || (q.kind == Kind::Single && selected.len() > 1) {
            return Err(inconsistent("invalid answer"));
        }
        if *revealed && quiz.settings.reveal == Reveal::End {
            return Err(inconsistent("a question revealed before the end"));
        }
        if *revealed && (selected.is_empty() || saved.phase == Phase::Intro) {
            return Err(inconsistent("a revealed question without an answer"));
        }
        if saved.phase == Phase::Intro && !selected.is_empty() {
            return Err(inconsistent("answers before the quiz started"));
        }
    }
    Ok(())
}

impl Quiz {
    /// Scores a set of answers given by id: `(question id, picked choice ids)`, with every
    /// question's outcome, correct ids, feedback and explanation.
    ///
    /// When the quiz shows its whole pool, the attempt is every question in file order
    /// and any left out of `answers` count as unanswered. When it draws fewer, `answers`
    /// must name exactly as many questions as it draws (an empty list for a skipped one).
    pub fn score(&self, answers: &[(&str, Vec<&str>)]) -> Result<QuizResult, Errors> {
        let attempt = self.attempt_of(answers)?;
        Ok(score_attempt(
            self,
            attempt.iter().map(|(index, selected)| (*index, &selected[..])),
        ))
    }

    /// Scores a set of answers like [`Quiz::score`], but only the totals: points, max,
    /// percentage and pass. For tallying many responses quickly: nothing is allocated per answer.
    pub fn score_totals(&self, answers: &[(&str, Vec<&str>)]) -> Result<Totals, Errors> {
        let mut tally = Tally::new(self);
        self.visit_answers(answers, |index, selected| tally.add(self, index, selected))?;
        Ok(tally.finish(self.settings.pass_mark))
    }

    /// The attempt `answers` describe, in file order, as question and choice indices.
    fn attempt_of(&self, answers: &[(&str, Vec<&str>)]) -> Result<Vec<(usize, Vec<usize>)>, Errors> {
        let mut by_question: Vec<Option<Vec<usize>>> = vec![None; self.questions.len()];
        self.visit_answers(answers, |index, selected| by_question[index] = Some(selected.to_vec()))?;
        let in_order = by_question.into_iter().enumerate();
        Ok(in_order.filter_map(|(index, picked)| Some((index, picked?))).collect())
    }

    /// Checks `answers` and calls `each(question index, picked choice indices)` for every
    /// question of the attempt they describe (unanswered ones with no picks), or reports every
    /// problem in them. On an error, what `each` saw is to be discarded.
    fn visit_answers(
        &self,
        answers: &[(&str, Vec<&str>)],
        mut each: impl FnMut(usize, &[usize]),
    ) -> Result<(), Errors> {
        let mut errors = Vec::new();
        let mut seen = vec![false; self.questions.len()];
        let mut selected = Vec::new();
        for (question_id, choice_ids) in answers {
            let Some(index) = self.index.get(question_id, &|i| &self.questions[i].id) else {
                errors.push(Error::at(
                    ErrorKind::UnknownQuestion,
                    *question_id,
                    "the quiz has no question with this id",
                ));
                continue;
            };
            if std::mem::replace(&mut seen[index], true) {
                errors.push(Error::at(ErrorKind::InvalidAnswer, *question_id, "answered twice"));
                continue;
            }
            match resolve_into(&self.questions[index], choice_ids, &mut selected) {
                Ok(()) => each(index, &selected),
                Err(e) => errors.push(Error::at(e.kind(), *question_id, e.message())),
            }
        }
        let named = answers.len();
        let wanted = self.questions_per_attempt();
        if wanted < self.questions.len() && named != wanted {
            errors.push(Error::nowhere(
                ErrorKind::InvalidAnswer,
                message!(
                    "this quiz shows ",
                    wanted.digits(),
                    " questions per attempt, but the answers name ",
                    named.digits()
                ),
            ));
        }
        if let Some(errors) = Errors::from_vec(errors) {
            return Err(errors);
        }
        if wanted >= self.questions.len() {
            for index in (0..seen.len()).filter(|&i| !seen[i]) {
                each(index, &[]);
            }
        }
        Ok(())
    }

    /// Scores an answers file: a JSON object from question id to a choice id or a list of them,
    /// such as `{"q1": "a", "q2": ["b", "d"], "q3": []}`. See [`Quiz::score`].
    pub fn score_json(&self, answers_json: &str) -> Result<QuizResult, Errors> {
        let value = json::parse(answers_json).map_err(Errors::from)?;
        let Value::Object(entries) = &value else {
            let message = message!("expected an object of question ids, found ", value.describe());
            return Err(Error::at(ErrorKind::Type, "", message).into());
        };
        let mut errors = Vec::new();
        let mut answers = Vec::with_capacity(entries.len());
        for (question_id, picked) in entries.iter() {
            let ids: Vec<&str> = match picked {
                Value::String(id) => vec![&**id],
                Value::Array(items) => {
                    let ids: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                    if ids.len() != items.len() {
                        let message = "expected a list of choice ids (strings)";
                        errors.push(Error::at(ErrorKind::Type, question_id, message));
                    }
                    ids
                }
                other => {
                    let message = message!("expected a choice id or a list of them, found ", other.describe());
                    errors.push(Error::at(ErrorKind::Type, question_id, message));
                    continue;
                }
            };
            answers.push((question_id, ids));
        }
        if let Some(errors) = Errors::from_vec(errors) {
            return Err(errors);
        }
        self.score(&answers)
    }
}
