//! A mounted quiz: wires the reader's clicks to the session, saves progress, moves focus.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, EventTarget};

use super::dom::{draw, focus_by_id, get, share, tell, Tree};
use super::render::{self, action, part, Ids};
use super::{js_error, seed};
use crate::events::Happened;
use crate::strings::{cat, Digits};
use crate::{Action, Error, ErrorKind, Focus, Layout, Phase, Quiz, Screen, Session, Texts, Theme};

// What the quiz does through web-sys's imports that catch, each with code of its own to read
// what they return, is done here in a line of JavaScript each: keeping progress in
// `localStorage`, where a browser that refuses storage is given up on here, and DOM calls that
// never throw with the quiz's own selectors and listeners.
#[wasm_bindgen(inline_js = r#"
export function load(key) { try { return localStorage.getItem(key); } catch {} }
export function store(key, value) { try { localStorage.setItem(key, value); } catch {} }
export const closest = (node, selector) => node?.closest?.(selector);
export const matches = (element, selector) => element.matches(selector);
export const picked = (fieldset, index) => fieldset.querySelectorAll("input:checked")[index]?.value;
export const listen = (target, type, listener) => (target ?? window).addEventListener(type, listener);
export const later = (api, callback) => window[api]?.(callback);
"#)]
extern "C" {
    /// The progress saved under `key`, if there is any and the browser lets it be read.
    fn load(key: &str) -> Option<String>;

    /// Saves `value` under `key`; a browser that refuses storage just doesn't save.
    fn store(key: &str, value: &str);

    /// `node` or its nearest ancestor that matches `selector`, one of the quiz's own, where
    /// `node` is an element.
    fn closest(node: &JsValue, selector: &str) -> Option<Element>;

    /// Whether `element` matches `selector`, one of the quiz's own.
    fn matches(element: &Element, selector: &str) -> bool;

    /// The value of the `index`th input checked in `fieldset`: the id of a choice picked.
    fn picked(fieldset: &Element, index: usize) -> Option<String>;

    /// Has `listener` hear `target`'s events of `type`, or the page's (its `window`'s).
    fn listen(target: Option<&EventTarget>, r#type: &str, listener: &JsValue);

    /// Has the page call `callback` later through its `window`'s `api` (such as
    /// `requestIdleCallback`), where the browser has it. Named by a text, like `dom`'s `offers`:
    /// a function with nothing to convert would be imported from an object of the module's exports.
    fn later(api: &str, callback: &JsValue);
}

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// The attribute that marks an element as holding a mounted quiz (`App::mount` writes it in its
/// tree as is).
pub(crate) const MOUNTED: &str = "data-reader-quiz";

/// The options `mount` takes.
pub(crate) struct Options {
    layout: Layout,
    theme: Theme,
    language: Option<String>,
    storage_key: Option<String>,
    instance: Option<String>,
    seed: u64,
    /// What is wrong with the layout or theme asked for, worded for the page's developer.
    pub(crate) problems: Vec<String>,
}

/// Reads a layout name, `"one"` when absent; else what is wrong with it.
pub(crate) fn parse_layout(name: Option<&str>) -> Result<Layout, String> {
    match name {
        None => Ok(Layout::One),
        Some(name) => {
            Layout::parse(name).ok_or_else(|| cat!("unknown layout \"", name, "\", expected \"one\" or \"all\""))
        }
    }
}

impl Options {
    /// The colour theme the page asked for.
    pub(crate) fn theme(&self) -> Theme {
        self.theme
    }

    /// The interface language the page asked for, if any.
    pub(crate) fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// Reads `{layout, theme, language, storageKey, instance, seed}` from a JavaScript object (or
    /// `undefined`); an unknown layout or theme is kept among its problems, and a seed that is
    /// not one is thrown.
    pub(crate) fn from_js(options: &JsValue) -> Result<Options, JsError> {
        let option = |key: &str| get(options, key);
        let mut problems = Vec::new();
        let layout = parse_layout(option("layout").as_string().as_deref()).unwrap_or_else(|problem| {
            problems.push(problem);
            Layout::One
        });
        let theme = match option("theme").as_string() {
            None => Theme::Auto,
            Some(name) => Theme::parse(&name).unwrap_or_else(|| {
                problems.push(cat!(
                    "unknown theme \"",
                    name,
                    "\", expected \"auto\", \"light\" or \"dark\""
                ));
                Theme::Auto
            }),
        };
        Ok(Options {
            layout,
            theme,
            language: option("language").as_string().filter(|l| !l.is_empty()),
            storage_key: option("storageKey").as_string(),
            instance: option("instance").as_string().filter(|i| !i.is_empty()),
            seed: seed(option("seed").as_f64())?,
            problems,
        })
    }
}

/// What a listener of the quiz hears: a click or a change in it, the page's printing starting
/// (`true`) or ending, or another tab saving.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Heard {
    Click,
    Change,
    Print(bool),
    Storage,
}

/// One quiz mounted in a host element.
pub(crate) struct App {
    host: Element,
    screen: Element,
    print: Element,
    status: Element,
    session: Session,
    layout: Layout,
    /// The interface's texts, in the language asked for if it has them.
    texts: &'static Texts,
    storage_key: String,
    uid: String,
}

impl App {
    /// Renders `quiz` into `host`, resuming saved progress, and starts listening to the reader.
    /// Nothing is saved until the reader acts: a page view alone leaves no key in storage, where
    /// a site with a quiz under every article would otherwise pile up one per article read.
    pub(crate) fn mount(host: Element, quiz: Arc<Quiz>, options: Options) {
        let storage_key = options
            .storage_key
            .unwrap_or_else(|| quiz.storage_key(options.instance.as_deref()));
        let session = load(&storage_key)
            .and_then(|snapshot| Session::restore(Arc::clone(&quiz), &snapshot).ok())
            .unwrap_or_else(|| Session::new(Arc::clone(&quiz), options.seed));
        let quiz_language = session.quiz().language();
        // The texts the interface has, whose language the one asked for may not be.
        let texts = Texts::for_language(options.language.as_deref().unwrap_or(quiz_language));
        // The interface's own direction, not the page's: English words on a right-to-left page
        // would otherwise be reordered around their numbers and full stops.
        let mut tree = Tree::new(None);
        tree.put(
            r#"{"class":"rq-root","data-reader-quiz":"","lang":"$","dir":"$"},["div",{"class":"rq-screen"}]"#,
            &[texts.tag, texts.dir],
        );
        let screen = tree.draw(&host, false);
        let print = draw(&host, r#"[{},["div",{"class":"rq-print"}]]"#, true);
        let status = draw(
            &host,
            r#"[{},["div",{"class":"rq-status rq-visually-hidden","role":"status"}]]"#,
            true,
        );
        let uid = cat!("rq", INSTANCES.fetch_add(1, Ordering::Relaxed).digits());
        let app = App {
            host: host.clone(),
            screen,
            print,
            status,
            session,
            layout: options.layout,
            texts,
            storage_key,
            uid,
        };
        app.draw(Focus::Stay, None);
        let app = Rc::new(RefCell::new(app));
        // One listener type for all five events: the quiz's clicks and changes, printing, and
        // another tab saving progress.
        // Each listener knows what it hears, so no event's type is read and compared.
        let listen = |target: Option<&EventTarget>, event: &str, heard: Heard| {
            let (app, host) = (Rc::clone(&app), host.clone());
            // Taking a `JsValue`, as the idle callback's closure does, makes one closure type of
            // the two: a listener only ever gets events.
            let listener = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                // The page is told once the quiz is done with the event: a listener of the
                // page's may click in the quiz at once, which must find it free to handle that.
                let told = app.borrow_mut().handle(heard, event.unchecked_ref());
                match told {
                    Ok(Some((name, detail))) => tell(&host, name, &detail),
                    Ok(None) => {}
                    Err(e) => web_sys::console::error_1(&js_error(e).into()),
                }
            });
            // The listener lives as long as the page: the quiz never unmounts.
            listen(target, event, &listener.into_js_value());
        };
        listen(Some(&host), "click", Heard::Click);
        listen(Some(&host), "change", Heard::Change);
        listen(None, "beforeprint", Heard::Print(true));
        listen(None, "afterprint", Heard::Print(false));
        listen(None, "storage", Heard::Storage);
        // Every closure handed to the page is one `FnMut(JsValue)` (no `once_into_js`, whose
        // wrapper is code of its own); this one runs once, and goes when the browser drops it.
        let rehearse = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| app.borrow().rehearse(Arc::clone(&quiz)))
            .into_js_value();
        // Not every browser has idle callbacks; one without them compiles on the first click.
        later("requestIdleCallback", &rehearse);
    }

    /// Plays the reader's first click, Start, on a fresh session of `quiz` while the browser is
    /// idle and the reader is still on the intro: its screen is drawn, laid out unseen and
    /// removed in one task, before any frame. The WebAssembly compiles each function on its first
    /// call, and the browser styles form controls and shapes text slowest the first time; the
    /// first real click would otherwise wait for all of it (at 4x CPU throttling, about 10 ms).
    /// Nothing is saved, shown, focused, announced or told to the page; only a
    /// `MutationObserver` on the host sees the copy come and go.
    fn rehearse(&self, quiz: Arc<Quiz>) {
        if self.session.phase() != Phase::Intro {
            return;
        }
        let mut session = Session::new(quiz, 0);
        let Ok(happened) = session.act(&Action::Start) else {
            return;
        };
        // Inert, it takes no focus from wherever the reader is, with or without the quiz's CSS;
        // reading its height lays it out now. One question at a time, whatever the layout: a
        // long quiz shown whole would make a long task of it.
        let offstage = draw(
            &self.host,
            r#"[{},["div",{"class":"rq-screen rq-rehearsal","inert":""}]]"#,
            true,
        );
        self.render_into(&offstage, &session, Layout::One, None);
        self.focus_in(&offstage, Focus::after(&Action::Start, &session, Layout::One));
        get(&offstage, "offsetHeight");
        offstage.remove();
        // Told to the detached copy, which nothing listens to.
        if let Some((name, detail)) = told(&session, happened) {
            tell(&offstage, name, &detail);
        }
    }

    /// Handles a click or change in the quiz, the page's printing starting or ending, or another
    /// tab saving, and returns the event to tell the page of it, if any.
    fn handle(&mut self, heard: Heard, event: &Event) -> Result<Option<Told>, Error> {
        match heard {
            Heard::Print(printing) => {
                self.print_view(printing);
                return Ok(None);
            }
            Heard::Storage => {
                self.follow(event);
                return Ok(None);
            }
            Heard::Click | Heard::Change => {}
        }
        let target = get(event, "target");
        if heard == Heard::Change {
            // Only inputs change, and an input has no children: `closest` finds it or nothing.
            return match closest(&target, "input") {
                Some(input) => self.answer_changed(&input),
                None => Ok(None),
            };
        }
        let Some(button) = closest(&target, "button[data-action]") else {
            return Ok(None);
        };
        // The second click of a double click lands on the button drawn by the first: ignore it,
        // so that a double-clicked Next moves one question, not two.
        if get(event, "detail").as_f64() > Some(1.0) {
            return Ok(None);
        }
        let name = button.get_attribute("data-action").unwrap_or_default();
        let question = button.get_attribute("data-question").unwrap_or_default();
        let action = match name.as_str() {
            action::START => Action::Start,
            action::NEXT => Action::Next,
            action::BACK => Action::Back,
            action::REVEAL => Action::Reveal {
                question: question.clone(),
            },
            action::FINISH => Action::Finish,
            action::RETRY => Action::Retry,
            action::SHARE | action::COPY => {
                self.share(name == action::SHARE);
                return Ok(None);
            }
            _ => return Ok(None),
        };
        let happened = match self.session.act(&action) {
            Ok(happened) => happened,
            Err(e) if e.kind() == ErrorKind::InvalidAnswer => {
                // Checked with nothing picked: say so beside the question rather than fail.
                self.draw(Focus::Legend(question.clone()), Some(&question));
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        self.save();
        self.draw(Focus::after(&action, &self.session, self.layout), None);
        Ok(told(&self.session, happened))
    }

    /// Shares the result with the Web Share API, or copies it with a link to the clipboard,
    /// and says under the buttons how that went: a sighted reader must see the link to copy it
    /// by hand where the clipboard refused. The share sheet speaks for itself; how copying fared
    /// is said in the live region.
    fn share(&self, native: bool) {
        let Screen::Result(view) = self.session.screen_in(self.layout, self.texts.tag) else {
            return;
        };
        let quiz = self.session.quiz();
        let done = if native { "" } else { self.texts.copied };
        share(
            &self.screen,
            native,
            quiz.title(),
            &view.share_text,
            &quiz.source().url,
            self.texts.share_failed,
            done,
        );
    }

    /// Draws every question with its answer into the print-only area, or empties it.
    fn print_view(&self, printing: bool) {
        if printing {
            let view = self.session.answer_key(self.texts.tag);
            render::answer_key(&self.print, &view, &self.ids());
        } else {
            self.print.set_text_content(None);
        }
    }

    fn answer_changed(&mut self, input: &Element) -> Result<Option<Told>, Error> {
        let Some(fieldset) = closest(input, "fieldset[data-question]") else {
            return Ok(None);
        };
        let question = fieldset.get_attribute("data-question").unwrap_or_default();
        let mut choices = Vec::new();
        while let Some(id) = picked(&fieldset, choices.len()) {
            choices.push(id);
        }
        let happened = self.session.act(&Action::Answer { question, choices })?;
        self.save();
        if matches(&fieldset, ".rq-has-error") || self.layout == Layout::All {
            // Clear the "select an answer" message, or count the answered questions.
            let id = input.get_attribute("id").unwrap_or_default();
            self.draw(Focus::Stay, None);
            focus_by_id(&self.screen, &id);
        }
        Ok(told(&self.session, happened))
    }

    /// Redraws the current screen, says in the live region what changed (or empties it), and
    /// moves focus.
    fn draw(&self, focus: Focus, missing_answer: Option<&str>) {
        let screen = self.render_into(&self.screen, &self.session, self.layout, missing_answer);
        let announcement = screen.announcement(&focus, missing_answer.is_some(), self.texts);
        self.status.set_text_content(announcement);
        self.focus_in(&self.screen, focus);
    }

    /// Draws `session`'s screen, in `layout`, into `container`, and returns it.
    fn render_into(
        &self,
        container: &Element,
        session: &Session,
        layout: Layout,
        missing_answer: Option<&str>,
    ) -> Screen {
        let screen = session.screen_in(layout, self.texts.tag);
        let texts = self.texts;
        render::screen(container, &screen, &self.ids(), texts, missing_answer);
        screen
    }

    /// The ids of this quiz's elements, and the language of its text where the interface (which
    /// the host speaks) speaks another.
    fn ids(&self) -> Ids<'_> {
        let quiz_language = self.session.quiz().language();
        Ids {
            uid: &self.uid,
            content_lang: self.texts.foreign(quiz_language),
        }
    }

    /// Moves focus to its target within `container`.
    fn focus_in(&self, container: &Element, focus: Focus) {
        let ids = self.ids();
        let target = match focus {
            Focus::Stay => return,
            Focus::Heading => ids.heading(),
            Focus::Legend(question) => ids.legend(part::ANSWERING, &question),
            Focus::Feedback(question) => ids.feedback(part::ANSWERING, &question),
        };
        focus_by_id(container, &target);
    }

    /// Takes on the progress the reader's other tab of this page saved (a `storage` event), so
    /// that what they do here next builds on it rather than overwriting it; a save of another
    /// quiz or version is left alone.
    fn follow(&mut self, event: &Event) {
        let field = |name: &str| get(event, name).as_string();
        if field("key").as_deref() != Some(self.storage_key.as_str()) {
            return;
        }
        let Some(snapshot) = field("newValue") else {
            return;
        };
        let focused = matches(&self.host, ":focus-within");
        if snapshot != self.session.snapshot() && self.session.adopt(&snapshot).is_ok() {
            self.draw(Focus::following(&self.session, self.layout, focused), None);
        }
    }

    /// Saves the session so a reload resumes it.
    fn save(&self) {
        store(&self.storage_key, &self.session.snapshot());
    }
}

/// What the page is told of an action: the name of its event and its `detail`, as JSON.
type Told = (&'static str, String);

/// What the page is told of what `happened` in `session`, if anything.
fn told(session: &Session, happened: Happened) -> Option<Told> {
    Some((happened.name()?, session.event_json(happened)?))
}
