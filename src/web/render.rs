//! Turns a screen from the core's view into elements, GOV.UK-style: fieldset, legend, native inputs.

use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::Element;

use super::dom::{offers, Tree};
use crate::strings::{cat, Digits};
use crate::{
    AnswerKeyView, FeedbackView, IntroView, Kind, Mark, Outcome, QuestionView, QuestionsView, ResultView, Screen, Texts,
};

/// Which copy of a question an id is for: a question is drawn while it is answered, and again
/// in the result's review and in the printed answer key.
pub(crate) mod part {
    /// The question being answered.
    pub(crate) const ANSWERING: &str = "q";
    /// Its copy in the result's review.
    pub(crate) const REVIEW: &str = "r";
    /// Its copy in the printed answer key.
    pub(crate) const PRINT: &str = "p";
}

/// The names of the buttons' actions (their `data-action`), which the app reads back.
pub(crate) mod action {
    /// Start the quiz.
    pub(crate) const START: &str = "start";
    /// Go to the next question.
    pub(crate) const NEXT: &str = "next";
    /// Go back a question.
    pub(crate) const BACK: &str = "back";
    /// Check a question's answer (the button names the question in `data-question`).
    pub(crate) const REVEAL: &str = "reveal";
    /// See the result.
    pub(crate) const FINISH: &str = "finish";
    /// Begin a new attempt.
    pub(crate) const RETRY: &str = "retry";
    /// Share the result through the Web Share API.
    pub(crate) const SHARE: &str = "share";
    /// Copy the result, with a link, to the clipboard.
    pub(crate) const COPY: &str = "copy";
}

/// Ids of one mounted quiz's elements; `uid` keeps several quizzes on a page apart. The templates
/// below write the same ids, from `uid` and the question's id, with these suffixes.
pub(crate) struct Ids<'a> {
    pub(crate) uid: &'a str,
    /// The quiz's language, where the interface speaks another: its text is marked with it.
    pub(crate) content_lang: Option<&'a str>,
}

impl Ids<'_> {
    /// The fieldset of a question, in one of its [`part`]s.
    pub(crate) fn question(&self, part: &str, question: &str) -> String {
        cat!(self.uid, "-", part, "-", question)
    }
    /// The legend of a question.
    pub(crate) fn legend(&self, part: &str, question: &str) -> String {
        cat!(self.question(part, question), "-legend")
    }
    /// The feedback block of a question.
    pub(crate) fn feedback(&self, part: &str, question: &str) -> String {
        cat!(self.question(part, question), "-feedback")
    }
    /// The intro's or result's heading.
    pub(crate) fn heading(&self) -> String {
        cat!(self.uid, "-heading")
    }
}

/// Counts the choice groups drawn, to name each one afresh. After a redraw that replaces a radio
/// group Tab has been in, Chromium skips a new group of the same name: its choices could then
/// not be reached from the keyboard.
static GROUPS: AtomicU32 = AtomicU32::new(0);

// Each function below writes its part of a [`Tree`]; those that write a whole screen start with
// the attributes object (`{}`) of the element it is drawn in.

/// Replaces `container`'s content with `screen`. `missing_answer` names a question whose
/// Check was pressed without an answer, to show the message that asks for one.
pub(crate) fn screen(container: &Element, screen: &Screen, ids: &Ids<'_>, texts: &Texts, missing_answer: Option<&str>) {
    let mut tree = Tree::new(ids.content_lang);
    match screen {
        Screen::Intro(view) => intro(&mut tree, view, ids),
        Screen::Questions(view) => questions(&mut tree, view, ids, texts, missing_answer),
        Screen::Result(view) => result(&mut tree, view, ids),
    }
    tree.draw(container, false);
}

/// Fills `container` with every question of the attempt, answers shown: what a printout shows.
pub(crate) fn answer_key(container: &Element, view: &AnswerKeyView, ids: &Ids<'_>) {
    let mut tree = Tree::new(ids.content_lang);
    tree.put(r#"{},["h2",{"class":"rq-title"},"$"]"#, &[view.heading]);
    review_list(&mut tree, &view.questions, ids, part::PRINT);
    tree.draw(container, false);
}

/// Shows problems in place of the quiz, so an editor (or a reader) sees them rather than an empty
/// box; with none (a broken file in a build that cannot word its problems), only that the quiz
/// could not load.
pub(crate) fn error(element: &Element, messages: &[String], texts: &Texts) {
    let mut tree = Tree::new(None);
    tree.put(
        r#"{"class":"rq-root","dir":"$"},["div",{"class":"rq-load-error","role":"alert","tabindex":"-1"},["p",{"class":"rq-load-error-title"},"$"]"#,
        &[texts.dir, texts.load_error],
    );
    if !messages.is_empty() {
        tree.put(r#",["ul",{}"#, &[]);
        for message in messages {
            tree.put(r#",["li",{@},"$"]"#, &[message]);
        }
        tree.put("]", &[]);
    }
    tree.put("]", &[]);
    tree.draw(element, false);
}

fn intro(tree: &mut Tree, view: &IntroView, ids: &Ids<'_>) {
    tree.put(
        r#"{},["section",{"class":"rq-intro"},["h2",{"class":"rq-title",@,"id":"$-heading","tabindex":"-1"},"$"]"#,
        &[ids.uid, &view.title],
    );
    if let Some(intro) = &view.intro {
        tree.put(r#",["p",{"class":"rq-intro-text",@},"$"]"#, &[intro]);
    }
    tree.put(r#",["p",{"class":"rq-source"},"$ ""#, &[view.source_label]);
    tree.link(&view.url, &view.headline, true);
    tree.put(r#"," — $"]"#, &[&view.byline]);
    if !view.corrections.is_empty() {
        tree.put(r#",["ul",{"class":"rq-corrections"}"#, &[]);
        for correction in &view.corrections {
            tree.put(r#",["li",{@},"$"]"#, &[correction]);
        }
        tree.put("]", &[]);
    }
    tree.put(r#",["p",{"class":"rq-count"},"$"]"#, &[&view.count_text]);
    tree.button("rq-button rq-primary", action::START, view.start_label);
    tree.put("]", &[]);
}

fn questions(tree: &mut Tree, view: &QuestionsView, ids: &Ids<'_>, texts: &Texts, missing_answer: Option<&str>) {
    tree.put(
        r#"{},["section",{"class":"rq-questions"},["div",{"class":"rq-progress"},["p",{"class":"rq-progress-text","id":"$-progress"},"$"],["progress",{"class":"rq-progress-bar","max":"$","value":"$","aria-labelledby":"$-progress"}]]"#,
        &[
            ids.uid,
            &view.progress_text,
            &view.progress_max.digits(),
            &view.progress_value.digits(),
            ids.uid,
        ],
    );
    let numbered = view.questions.len() > 1;
    for question_view in &view.questions {
        let missing = missing_answer == Some(question_view.id.as_str());
        question(
            tree,
            question_view,
            ids,
            part::ANSWERING,
            numbered,
            missing.then_some(texts.select_first),
        );
    }
    tree.put(r#",["div",{"class":"rq-nav"}"#, &[]);
    if let Some(label) = &view.back_label {
        tree.button("rq-button rq-secondary", action::BACK, label);
    }
    if let Some(label) = &view.next_label {
        tree.button("rq-button rq-primary", action::NEXT, label);
    }
    if let Some(label) = &view.finish_label {
        tree.button("rq-button rq-primary", action::FINISH, label);
    }
    tree.put("]]", &[]);
}

/// One question as a fieldset; `part` keeps the ids of its copies apart.
fn question(tree: &mut Tree, view: &QuestionView, ids: &Ids<'_>, part: &str, numbered: bool, error: Option<&str>) {
    let id = ids.question(part, &view.id);
    // The ids of what describes the question: its hint and the missing answer's message until
    // it is answered, then its feedback.
    let mut described_by = String::new();
    if view.hint.is_some() {
        described_by = cat!(id, "-hint");
    }
    if error.is_some() {
        described_by = cat!(described_by, " ", id, "-error");
    }
    if view.feedback.is_some() {
        described_by = cat!(id, "-feedback");
    }
    // A question shown alone has its number above it, in the progress line, where a reader
    // whose focus lands on its legend would not hear it: there it is said, not shown.
    let number_class = if numbered {
        "rq-number"
    } else {
        "rq-number rq-visually-hidden"
    };
    tree.put(
        r#",["fieldset",{"class":"rq-question$","id":"$","data-question":"$","aria-describedby":"$"},["legend",{"class":"rq-legend","id":"$-legend","tabindex":"-1"},["span",{"class":"$"},"$"],["span",{"class":"rq-prompt",@},"$"]]"#,
        &[
            if error.is_some() { " rq-has-error" } else { "" },
            &id,
            &view.id,
            &described_by,
            &id,
            number_class,
            &view.number_text,
            &view.prompt,
        ],
    );
    if let Some(hint) = view.hint {
        tree.put(r#",["p",{"class":"rq-hint","id":"$-hint"},"$"]"#, &[&id, hint]);
    }
    if let Some(message) = error {
        tree.put(
            r#",["p",{"class":"rq-error-message","id":"$-error"},"$"]"#,
            &[&id, message],
        );
    }
    tree.put(r#",["div",{"class":"rq-choices"}"#, &[]);
    let input_type = match view.kind {
        Kind::Single => "radio",
        Kind::Multiple => "checkbox",
    };
    let group = cat!(id, "-", GROUPS.fetch_add(1, Ordering::Relaxed).digits());
    for choice in &view.choices {
        let mark = choice.mark.zip(choice.mark_text);
        let (class, row_class, icon) = match mark {
            None => ("", "", ""),
            Some((Mark::CorrectPicked, _)) => ("correct", " rq-choice-correct", "✓"),
            Some((Mark::CorrectMissed, _)) => ("missed", " rq-choice-correct", "✓"),
            Some((Mark::WrongPicked, _)) => ("wrong", " rq-choice-wrong", "✗"),
        };
        tree.put(
            r#",["div",{"class":"rq-choice$"},["input",{"class":"rq-input","type":"$","id":"$-$","name":"$","value":"$""#,
            &[row_class, input_type, &id, &choice.id, &group, &choice.id],
        );
        if choice.selected {
            tree.put(r#","checked":"""#, &[]);
        }
        if view.revealed {
            tree.put(r#","disabled":"""#, &[]);
        }
        tree.put(
            r#"}],["label",{"class":"rq-label","for":"$-$"},["span",{"class":"rq-choice-text",@},"$"]"#,
            &[&id, &choice.id, &choice.text],
        );
        if let Some((_, text)) = mark {
            tree.put(
                r#",["span",{"class":"rq-mark rq-mark-$"},["span",{"class":"rq-icon","aria-hidden":"true"},"$"]," $"]"#,
                &[class, icon, text],
            );
        }
        tree.put("]]", &[]);
    }
    tree.put("]", &[]);
    if let Some(feedback_view) = &view.feedback {
        feedback(tree, feedback_view, &id);
    }
    if let Some(label) = &view.reveal_label {
        tree.put(
            r#",["button",{"class":"rq-button rq-secondary","type":"button","data-action":"reveal","data-question":"$"},"$"]"#,
            &[&view.id, label],
        );
    }
    tree.put("]", &[]);
}

/// The feedback block of the question whose fieldset's id is `id`.
fn feedback(tree: &mut Tree, view: &FeedbackView, id: &str) {
    let (outcome, icon) = match view.outcome {
        Outcome::Correct => ("correct", "✓"),
        Outcome::Partial => ("partial", "◐"),
        Outcome::Wrong => ("wrong", "✗"),
        Outcome::Unanswered => ("unanswered", "–"),
    };
    tree.put(
        r#",["div",{"class":"rq-feedback rq-outcome-$","id":"$-feedback","tabindex":"-1"},["p",{"class":"rq-feedback-title"},["span",{"class":"rq-icon","aria-hidden":"true"},"$"]," $"],["p",{"class":"rq-points"},"$"]"#,
        &[outcome, id, icon, view.title, &view.points_text],
    );
    for text in &view.choice_feedback {
        tree.put(r#",["p",{"class":"rq-choice-feedback",@},"$"]"#, &[text]);
    }
    tree.put(r#",["p",{"class":"rq-explanation",@},"$"]"#, &[&view.explanation]);
    if let Some(passage) = &view.passage {
        tree.put(r#",["p",{"class":"rq-passage"}"#, &[]);
        tree.link(passage, view.passage_label, false);
        tree.put("]", &[]);
    }
    tree.put("]", &[]);
}

fn result(tree: &mut Tree, view: &ResultView, ids: &Ids<'_>) {
    let (share, label) = if offers("share") {
        (action::SHARE, &view.share_label)
    } else {
        (action::COPY, &view.copy_label)
    };
    tree.put(
        r#"{},["section",{"class":"rq-result"},["h2",{"class":"rq-title","id":"$-heading","tabindex":"-1"},"$"],["p",{"class":"rq-score"},"$"],["p",{"class":"rq-pass$"},"$"]"#,
        &[
            ids.uid,
            view.heading,
            &view.score_text,
            if view.passed { " rq-passed" } else { "" },
            &view.pass_text,
        ],
    );
    if let (Some(title), Some(message)) = (&view.band_title, &view.band_message) {
        tree.put(
            r#",["div",{"class":"rq-band"},["p",{"class":"rq-band-title",@},"$"],["p",{"class":"rq-band-message",@},"$"]]"#,
            &[title, message],
        );
    }
    tree.put(r#",["div",{"class":"rq-nav"}"#, &[]);
    tree.button("rq-button rq-primary", action::RETRY, view.retry_label);
    tree.button("rq-button rq-secondary", share, label);
    // How copying the link went, said where the reader looks (a live region of its own).
    tree.put(
        r#"],["p",{"class":"rq-share-status","role":"status"}],["h3",{"class":"rq-review-heading"},"$"]"#,
        &[view.review_heading],
    );
    review_list(tree, &view.review, ids, part::REVIEW);
    tree.put("]", &[]);
}

/// The questions, answers shown, as a numbered list, in copies of `part`.
fn review_list(tree: &mut Tree, questions: &[QuestionView], ids: &Ids<'_>, part: &str) {
    tree.put(r#",["ol",{"class":"rq-review"}"#, &[]);
    for item in questions {
        tree.put(r#",["li",{}"#, &[]);
        question(tree, item, ids, part, true, None);
        tree.put("]", &[]);
    }
    tree.put("]", &[]);
}
