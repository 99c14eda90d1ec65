//! Draws the quiz's elements through web-sys from a tree written as one JSON text, and does the
//! rest of what the quiz asks of the page in a few lines of JavaScript; text always goes in as
//! text, never as HTML.
//!
//! The renderer writes a screen as JSON (`[{attributes}, child, …]`, each child a text or
//! `["tag", {attributes}, child, …]`) from templates with holes, and [`draw`] reads it with the
//! crate's own JSON reader and makes the elements with web-sys's `createElement`, `setAttribute`
//! and `append`: the templates keep the renderer short, where writing each element call by call
//! took some 150 calls, each with its own code in the WASM. Nothing here is parsed as HTML, so
//! the quiz still runs under a Trusted Types policy.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, EventTarget};

use crate::json::{parse, write_escaped, Value};

// The widget's own JavaScript, bundled with its glue, for the page's I/O rather than its elements
// (web-sys draws those, in `draw`): what it does in a few lines here would take the WASM an
// import, and code at every call, for each DOM or JS call inside it.
#[wasm_bindgen(inline_js = r#"
export const get = (target, key) => target?.[key];
export const focusById = (within, id) => within.querySelector(`[id="${id}"]`)?.focus();
export const tell = (target, name, detail) =>
  target.dispatchEvent(new CustomEvent("reader-quiz:" + name, { bubbles: true, composed: true, detail: JSON.parse(detail) }));
export const offers = (api) => typeof navigator[api] == "function";
export function share(within, native, title, text, url, failed, done) {
  const status = within.querySelector(".rq-share-status");
  if (status)
    new Promise((resolve) => resolve(native ? navigator.share({ title, text, url }) : navigator.clipboard.writeText(text + " " + url))).then(
      () => done && (status.textContent = done),
      (error) => error?.name == "AbortError" || (status.textContent = failed + " " + url),
    );
}
"#)]
extern "C" {
    /// `target[key]`, or `undefined` where `target` is `undefined` or `null`.
    pub(crate) fn get(target: &JsValue, key: &str) -> JsValue;

    /// Focuses the element of id `id` within `within`, if there is one.
    #[wasm_bindgen(js_name = focusById)]
    pub(crate) fn focus_by_id(within: &Element, id: &str);

    /// Tells `target`'s listeners of an event of the quiz: a bubbling, composed
    /// `reader-quiz:NAME` event whose `detail` is the JSON text `detail`.
    pub(crate) fn tell(target: &EventTarget, name: &str, detail: &str);

    /// Whether the browser's `navigator` offers the method `api` (`"share"`: the Web Share API).
    /// Named by a text, as every function here takes one: wasm-bindgen then calls each through
    /// the glue, and the bundle needs no object of the module's exports (0.1 KB).
    pub(crate) fn offers(api: &str) -> bool;

    /// Shares `title`, `text` and `url` through the Web Share API (`native`), or copies `text`
    /// and `url` to the clipboard, and says how that went in `within`'s `.rq-share-status`:
    /// `done` where it went (if not empty), `failed` with the link where it did not, nothing where
    /// the reader closed the share sheet (an `AbortError`, which nothing else rejects with).
    pub(crate) fn share(within: &Element, native: bool, title: &str, text: &str, url: &str, failed: &str, done: &str);
}

/// A tree being written for [`draw`], starting at the attributes of the element it is drawn in.
pub(crate) struct Tree<'a> {
    json: String,
    /// The language of the editor's text where the interface around it speaks another.
    content_lang: Option<&'a str>,
}

impl<'a> Tree<'a> {
    /// An empty tree; its first [`Tree::put`] starts with the attributes object of the element
    /// it is drawn in.
    pub(crate) fn new(content_lang: Option<&'a str>) -> Tree<'a> {
        Tree {
            json: String::from("["),
            content_lang,
        }
    }

    /// Appends `template`, a piece of the tree's JSON, with each `$` in it replaced by the next
    /// of `values`, escaped (inside quotes the template writes), and each `@` by the attributes
    /// that mark text an editor wrote: its direction comes from its own letters and it is
    /// isolated, so a stray bidi control character in it cannot reorder the quiz's own words
    /// around it; and it names its language where the interface speaks another.
    pub(crate) fn put(&mut self, template: &str, values: &[&str]) {
        let mut values = values.iter();
        let mut run = 0;
        for (i, b) in template.bytes().enumerate() {
            if b != b'$' && b != b'@' {
                continue;
            }
            self.json.push_str(&template[run..i]);
            run = i + 1;
            if b == b'@' {
                self.json.push_str(r#""dir":"auto""#);
                if let Some(lang) = self.content_lang {
                    self.json.push_str(r#","lang":""#);
                    write_escaped(&mut self.json, lang);
                    self.json.push('"');
                }
            } else if let Some(value) = values.next() {
                write_escaped(&mut self.json, value);
            }
        }
        self.json.push_str(&template[run..]);
    }

    /// A button: `class`, `data-action="action"`, and `label`.
    pub(crate) fn button(&mut self, class: &str, action: &str, label: &str) {
        self.put(
            r#",["button",{"class":"$","type":"button","data-action":"$"},"$"]"#,
            &[class, action, label],
        );
    }

    /// A link that opens in a new tab, given its `href` only for `https:` URLs (validation
    /// guarantees it); `editorial` when its text is an editor's.
    pub(crate) fn link(&mut self, href: &str, text: &str, editorial: bool) {
        let https = href.starts_with("https://");
        self.put(
            if https {
                r#",["a",{"href":"$","rel":"noopener noreferrer","target":"_blank""#
            } else {
                r#",["a",{"#
            },
            &[href],
        );
        if editorial {
            self.put(if https { ",@" } else { "@" }, &[]);
        }
        self.put(r#"},"$"]"#, &[text]);
    }

    /// Draws the tree in `parent`, replacing its content (or with `keep`, after it), and returns
    /// `parent`'s last child.
    pub(crate) fn draw(mut self, parent: &Element, keep: bool) -> Element {
        self.json.push(']');
        draw(parent, &self.json, keep)
    }
}

/// Sets the attributes `tree` gives `parent`, replaces its content (or with `keep`, adds to it)
/// with the children `tree` gives, and returns its last child. An empty text makes no text node,
/// as `textContent = ""` makes none. A class is added to those `parent` has, so a host keeps its
/// own.
pub(crate) fn draw(parent: &Element, tree: &str, keep: bool) -> Element {
    if !keep {
        parent.set_text_content(None);
    }
    if let (Some(document), Ok(Value::Array(tree))) = (parent.owner_document(), parse(tree)) {
        make(&document, parent, &tree, true);
    }
    JsValue::from(parent.last_child()).unchecked_into()
}

/// Gives `element` the attributes and children of `tree`: its objects are attributes, its texts
/// text, and its arrays elements, each a tag name followed by a tree of its own. Only the element
/// drawn in (`host`) may have classes already: a new one is given its `class` as it is.
fn make(document: &Document, element: &Element, tree: &[Value], host: bool) {
    for node in tree {
        match node {
            Value::Object(attributes) => {
                for (name, value) in attributes.iter() {
                    let value = value.as_str().unwrap_or_default();
                    let _ = if host && name == "class" {
                        element.class_list().add_1(value)
                    } else {
                        element.set_attribute(name, value)
                    };
                }
            }
            Value::String(text) if !text.is_empty() => {
                let _ = element.append_with_node_1(&document.create_text_node(text));
            }
            Value::Array(child) => {
                if let [Value::String(tag), tree @ ..] = &child[..] {
                    if let Ok(child) = document.create_element(tag) {
                        make(document, &child, tree, false);
                        let _ = element.append_with_node_1(&child);
                    }
                }
            }
            _ => {}
        }
    }
}
