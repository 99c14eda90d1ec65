//! Turns a screen from the core's view into elements, GOV.UK-style: fieldset, legend, native inputs.

use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::Element;

use super::dom::{add_class, add_text, attrs, put, set, Dom};
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

/// Ids of one mounted quiz's elements; `uid` keeps several quizzes on a page apart.
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
    /// The progress text.
    pub(crate) fn progress(&self) -> String {
        cat!(self.uid, "-progress")
    }
}

/// Counts the choice groups drawn, to name each one afresh. After a redraw that replaces a radio
/// group Tab has been in, Chromium skips a new group of the same name: its choices could then
/// not be reached from the keyboard.
static GROUPS: AtomicU32 = AtomicU32::new(0);

/// Replaces `container`'s content with `screen`. `missing_answer` names a question whose
/// Check was pressed without an answer, to show the message that asks for one.
pub(crate) fn screen(container: &Element, screen: &Screen, ids: &Ids<'_>, texts: &Texts, missing_answer: Option<&str>) {
    let dom = Dom::of(container, ids.content_lang);
    let content = match screen {
        Screen::Intro(view) => intro(&dom, view, ids),
        Screen::Questions(view) => questions(&dom, view, ids, texts, missing_answer),
        Screen::Result(view) => result(&dom, view, ids),
    };
    container.set_text_content(None);
    put(container, content);
}

/// Fills `container` with every question of the attempt, answers shown: what a printout shows.
pub(crate) fn answer_key(container: &Element, view: &AnswerKeyView, ids: &Ids<'_>) {
    let dom = Dom::of(container, ids.content_lang);
    let list = review_list(&dom, &view.questions, ids, part::PRINT);
    container.set_text_content(None);
    put(container, dom.text("h2", "rq-title", view.heading));
    put(container, list);
}

/// Shows problems in place of the quiz, so an editor (or a reader) sees them rather than an empty
/// box; with none (a broken file in a build that cannot word its problems), only that the quiz
/// could not load.
pub(crate) fn error(element: &Element, messages: &[String], texts: &Texts) {
    let dom = Dom::of(element, None);
    let alert = dom.el("div", "rq-load-error");
    attrs(&alert, &[("role", "alert"), ("tabindex", "-1")]);
    put(&alert, dom.text("p", "rq-load-error-title", texts.load_error));
    if !messages.is_empty() {
        let list = dom.el("ul", "");
        for message in messages {
            put(&list, dom.content("li", "", message));
        }
        put(&alert, list);
    }
    add_class(element, "rq-root");
    set(element, "dir", texts.dir);
    element.set_text_content(None);
    put(element, alert);
}

fn intro(dom: &Dom, view: &IntroView, ids: &Ids<'_>) -> Element {
    let section = dom.el("section", "rq-intro");
    let heading = dom.content("h2", "rq-title", &view.title);
    attrs(&heading, &[("id", &ids.heading()), ("tabindex", "-1")]);
    put(&section, heading);
    if let Some(intro) = &view.intro {
        put(&section, dom.content("p", "rq-intro-text", intro));
    }
    let source = dom.el("p", "rq-source");
    add_text(&source, &cat!(view.source_label, " "));
    let headline = dom.link(&view.url, &view.headline);
    dom.editorial(&headline);
    put(&source, headline);
    add_text(&source, &cat!(" — ", view.byline));
    put(&section, source);
    if !view.corrections.is_empty() {
        let list = dom.el("ul", "rq-corrections");
        for correction in &view.corrections {
            put(&list, dom.content("li", "", correction));
        }
        put(&section, list);
    }
    put(&section, dom.text("p", "rq-count", &view.count_text));
    put(
        &section,
        dom.button("rq-button rq-primary", action::START, view.start_label),
    );
    section
}

fn questions(dom: &Dom, view: &QuestionsView, ids: &Ids<'_>, texts: &Texts, missing_answer: Option<&str>) -> Element {
    let section = dom.el("section", "rq-questions");
    let progress = dom.el("div", "rq-progress");
    let progress_text = dom.text("p", "rq-progress-text", &view.progress_text);
    set(&progress_text, "id", &ids.progress());
    let bar = dom.el("progress", "rq-progress-bar");
    attrs(
        &bar,
        &[
            ("max", &view.progress_max.digits()),
            ("value", &view.progress_value.digits()),
            ("aria-labelledby", &ids.progress()),
        ],
    );
    put(&progress, progress_text);
    put(&progress, bar);
    put(&section, progress);
    let numbered = view.questions.len() > 1;
    for question_view in &view.questions {
        let missing = missing_answer == Some(question_view.id.as_str());
        let fieldset = question(
            dom,
            question_view,
            ids,
            part::ANSWERING,
            numbered,
            missing.then_some(texts.select_first),
        );
        put(&section, fieldset);
    }
    let nav = dom.el("div", "rq-nav");
    if let Some(label) = &view.back_label {
        put(&nav, dom.button("rq-button rq-secondary", action::BACK, label));
    }
    if let Some(label) = &view.next_label {
        put(&nav, dom.button("rq-button rq-primary", action::NEXT, label));
    }
    if let Some(label) = &view.finish_label {
        put(&nav, dom.button("rq-button rq-primary", action::FINISH, label));
    }
    put(&section, nav);
    section
}

/// One question as a fieldset; `part` keeps the ids of its copies apart.
fn question(dom: &Dom, view: &QuestionView, ids: &Ids<'_>, part: &str, numbered: bool, error: Option<&str>) -> Element {
    let id = ids.question(part, &view.id);
    let fieldset = dom.el("fieldset", "rq-question");
    attrs(&fieldset, &[("id", &id), ("data-question", &view.id)]);
    let legend = dom.el("legend", "rq-legend");
    attrs(&legend, &[("id", &ids.legend(part, &view.id)), ("tabindex", "-1")]);
    // A question shown alone has its number above it, in the progress line, where a reader
    // whose focus lands on its legend would not hear it: there it is said, not shown.
    let number_class = if numbered {
        "rq-number"
    } else {
        "rq-number rq-visually-hidden"
    };
    put(&legend, dom.text("span", number_class, &view.number_text));
    put(&legend, dom.content("span", "rq-prompt", &view.prompt));
    put(&fieldset, legend);
    // The ids of what describes the question: its hint and the missing answer's message until
    // it is answered, then its feedback.
    let mut described_by = String::new();
    if let Some(hint) = view.hint {
        let hint_id = cat!(id, "-hint");
        let hint = dom.text("p", "rq-hint", hint);
        set(&hint, "id", &hint_id);
        put(&fieldset, hint);
        described_by = hint_id;
    }
    if let Some(message) = error {
        let error_id = cat!(id, "-error");
        let error = dom.text("p", "rq-error-message", message);
        set(&error, "id", &error_id);
        put(&fieldset, error);
        add_class(&fieldset, "rq-has-error");
        described_by.push(' ');
        described_by.push_str(&error_id);
    }
    let choices = dom.el("div", "rq-choices");
    let input_type = match view.kind {
        Kind::Single => "radio",
        Kind::Multiple => "checkbox",
    };
    let group = cat!(id, "-", GROUPS.fetch_add(1, Ordering::Relaxed).digits());
    for choice in &view.choices {
        let choice_id = cat!(id, "-", choice.id);
        let row = dom.el("div", "rq-choice");
        let input = dom.el("input", "rq-input");
        attrs(
            &input,
            &[
                ("type", input_type),
                ("id", &choice_id),
                ("name", &group),
                ("value", &choice.id),
            ],
        );
        if choice.selected {
            set(&input, "checked", "");
        }
        if view.revealed {
            set(&input, "disabled", "");
        }
        let label = dom.el("label", "rq-label");
        set(&label, "for", &choice_id);
        put(&label, dom.content("span", "rq-choice-text", &choice.text));
        if let (Some(mark), Some(text)) = (choice.mark, &choice.mark_text) {
            let (class, row_class, icon) = match mark {
                Mark::CorrectPicked => ("rq-mark rq-mark-correct", "rq-choice-correct", "✓"),
                Mark::CorrectMissed => ("rq-mark rq-mark-missed", "rq-choice-correct", "✓"),
                Mark::WrongPicked => ("rq-mark rq-mark-wrong", "rq-choice-wrong", "✗"),
            };
            let badge = dom.el("span", class);
            let icon = dom.text("span", "rq-icon", icon);
            set(&icon, "aria-hidden", "true");
            put(&badge, icon);
            add_text(&badge, &cat!(" ", text));
            put(&label, badge);
            add_class(&row, row_class);
        }
        put(&row, input);
        put(&row, label);
        put(&choices, row);
    }
    put(&fieldset, choices);
    if let Some(feedback_view) = &view.feedback {
        let feedback_id = ids.feedback(part, &view.id);
        put(&fieldset, feedback(dom, feedback_view, &feedback_id));
        described_by = feedback_id;
    }
    if let Some(label) = &view.reveal_label {
        let button = dom.button("rq-button rq-secondary", action::REVEAL, label);
        set(&button, "data-question", &view.id);
        put(&fieldset, button);
    }
    set(&fieldset, "aria-describedby", &described_by);
    fieldset
}

fn feedback(dom: &Dom, view: &FeedbackView, id: &str) -> Element {
    let (class, icon) = match view.outcome {
        Outcome::Correct => ("rq-feedback rq-outcome-correct", "✓"),
        Outcome::Partial => ("rq-feedback rq-outcome-partial", "◐"),
        Outcome::Wrong => ("rq-feedback rq-outcome-wrong", "✗"),
        Outcome::Unanswered => ("rq-feedback rq-outcome-unanswered", "–"),
    };
    let block = dom.el("div", class);
    attrs(&block, &[("id", id), ("tabindex", "-1")]);
    let title = dom.el("p", "rq-feedback-title");
    let icon = dom.text("span", "rq-icon", icon);
    set(&icon, "aria-hidden", "true");
    put(&title, icon);
    add_text(&title, &cat!(" ", view.title));
    put(&block, title);
    put(&block, dom.text("p", "rq-points", &view.points_text));
    for text in &view.choice_feedback {
        put(&block, dom.content("p", "rq-choice-feedback", text));
    }
    put(&block, dom.content("p", "rq-explanation", &view.explanation));
    if let Some(passage) = &view.passage {
        let line = dom.el("p", "rq-passage");
        put(&line, dom.link(passage, view.passage_label));
        put(&block, line);
    }
    block
}

/// Whether the browser offers the Web Share API; where it does not, the result offers a copy link.
fn can_share() -> bool {
    super::window()
        .map(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).is_ok_and(|f| f.is_function()))
        .unwrap_or(false)
}

fn result(dom: &Dom, view: &ResultView, ids: &Ids<'_>) -> Element {
    let can_share = can_share();
    let section = dom.el("section", "rq-result");
    let heading = dom.text("h2", "rq-title", view.heading);
    attrs(&heading, &[("id", &ids.heading()), ("tabindex", "-1")]);
    let pass_class = if view.passed { "rq-pass rq-passed" } else { "rq-pass" };
    put(&section, heading);
    put(&section, dom.text("p", "rq-score", &view.score_text));
    put(&section, dom.text("p", pass_class, &view.pass_text));
    if let (Some(title), Some(message)) = (&view.band_title, &view.band_message) {
        let band = dom.el("div", "rq-band");
        put(&band, dom.content("p", "rq-band-title", title));
        put(&band, dom.content("p", "rq-band-message", message));
        put(&section, band);
    }
    let nav = dom.el("div", "rq-nav");
    let (share, label) = if can_share {
        (action::SHARE, &view.share_label)
    } else {
        (action::COPY, &view.copy_label)
    };
    put(
        &nav,
        dom.button("rq-button rq-primary", action::RETRY, view.retry_label),
    );
    put(&nav, dom.button("rq-button rq-secondary", share, label));
    // How copying the link went, said where the reader looks (a live region of its own).
    let share_status = dom.el("p", "rq-share-status");
    set(&share_status, "role", "status");
    put(&section, nav);
    put(&section, share_status);
    put(&section, dom.text("h3", "rq-review-heading", view.review_heading));
    put(&section, review_list(dom, &view.review, ids, part::REVIEW));
    section
}

/// The questions, answers shown, as a numbered list, in copies of `part`.
fn review_list(dom: &Dom, questions: &[QuestionView], ids: &Ids<'_>, part: &str) -> Element {
    let list = dom.el("ol", "rq-review");
    for item in questions {
        let entry = dom.el("li", "");
        put(&entry, question(dom, item, ids, part, true, None));
        put(&list, entry);
    }
    list
}
