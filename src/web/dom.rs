//! Small helpers for building elements; text always goes in as text, never as HTML.
//!
//! Every call here gets names, tags and children it cannot refuse (fixed tag and attribute
//! names, fresh elements), so none can fail: the helpers return plain values, which keeps the
//! error plumbing, and its bytes, out of the renderer. Were one ever refused, it throws.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element};

/// Builds elements in one document.
pub(crate) struct Dom<'a> {
    doc: Document,
    content_lang: Option<&'a str>,
}

impl<'a> Dom<'a> {
    /// The builder for the document `element` lives in. `content_lang` is the language of the
    /// editor's text where the interface around it speaks another.
    pub(crate) fn of(element: &Element, content_lang: Option<&'a str>) -> Dom<'a> {
        Dom {
            doc: element.owner_document().expect_throw("the element has no document"),
            content_lang,
        }
    }

    /// A new `<tag class="class">`.
    pub(crate) fn el(&self, tag: &str, class: &str) -> Element {
        let element = self.doc.create_element(tag).unwrap_throw();
        if !class.is_empty() {
            set(&element, "class", class);
        }
        element
    }

    /// A new `<tag class="class">` holding `text` as a text node.
    pub(crate) fn text(&self, tag: &str, class: &str, text: &str) -> Element {
        let element = self.el(tag, class);
        element.set_text_content(Some(text));
        element
    }

    /// A new `<tag class="class" dir="auto">` holding text an editor wrote (see [`Dom::editorial`]).
    pub(crate) fn content(&self, tag: &str, class: &str, text: &str) -> Element {
        let element = self.text(tag, class, text);
        self.editorial(&element);
        element
    }

    /// Marks `element` as holding text an editor wrote: its direction comes from its own letters
    /// and it is isolated, so a stray bidi control character in it cannot reorder the quiz's own
    /// words around it; and it names its language where the interface speaks another.
    pub(crate) fn editorial(&self, element: &Element) {
        set(element, "dir", "auto");
        if let Some(lang) = self.content_lang {
            set(element, "lang", lang);
        }
    }

    /// A new `<button type="button" data-action="action">label</button>`.
    pub(crate) fn button(&self, class: &str, action: &str, label: &str) -> Element {
        let button = self.text("button", class, label);
        attrs(&button, &[("type", "button"), ("data-action", action)]);
        button
    }

    /// A link that opens in a new tab, made only for `https:` URLs (validation guarantees it).
    pub(crate) fn link(&self, href: &str, text: &str) -> Element {
        let link = self.text("a", "", text);
        if href.starts_with("https://") {
            attrs(
                &link,
                &[("href", href), ("rel", "noopener noreferrer"), ("target", "_blank")],
            );
        }
        link
    }
}

/// Sets one attribute.
pub(crate) fn set(element: &Element, name: &str, value: &str) {
    element.set_attribute(name, value).unwrap_throw();
}

/// Sets several attributes at once.
pub(crate) fn attrs(element: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        set(element, name, value);
    }
}

/// Appends children in order.
pub(crate) fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        parent.append_child(child).unwrap_throw();
    }
}

/// Appends `child`, which the caller has no more use for: the handle is dropped here, once,
/// rather than at each call.
pub(crate) fn put(parent: &Element, child: Element) {
    parent.append_child(&child).unwrap_throw();
}

/// Appends text after the children, as a text node.
pub(crate) fn add_text(parent: &Element, text: &str) {
    parent.append_with_str_1(text).unwrap_throw();
}

/// Adds a class.
pub(crate) fn add_class(element: &Element, class: &str) {
    element.class_list().add_1(class).unwrap_throw();
}

/// Whether the element has a class.
pub(crate) fn has_class(element: &Element, class: &str) -> bool {
    element.class_list().contains(class)
}
