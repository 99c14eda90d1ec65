//! Small helpers for building elements; text always goes in as text, never as HTML.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Builds elements in one document.
pub(crate) struct Dom {
    doc: Document,
}

impl Dom {
    /// The builder for the document `element` lives in.
    pub(crate) fn of(element: &Element) -> Result<Dom, JsValue> {
        let doc = element.owner_document().ok_or("the element has no document")?;
        Ok(Dom { doc })
    }

    /// A new `<tag class="class">`.
    pub(crate) fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let element = self.doc.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Ok(element)
    }

    /// A new `<tag class="class">` holding `text` as a text node.
    pub(crate) fn text(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let element = self.el(tag, class)?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// A new `<tag class="class" dir="auto">` holding text an editor wrote: its direction comes
    /// from its own letters and it is isolated, so a stray bidi control character in it cannot
    /// reorder the quiz's own words around it.
    pub(crate) fn content(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let element = self.text(tag, class, text)?;
        element.set_attribute("dir", "auto")?;
        Ok(element)
    }

    /// A new `<button type="button" data-action="action">label</button>`.
    pub(crate) fn button(&self, class: &str, action: &str, label: &str) -> Result<Element, JsValue> {
        let button = self.text("button", class, label)?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-action", action)?;
        Ok(button)
    }

    /// A link that opens in a new tab, made only for `https:` URLs (validation guarantees it).
    pub(crate) fn link(&self, href: &str, text: &str) -> Result<Element, JsValue> {
        let link = self.content("a", "", text)?;
        if href.starts_with("https://") {
            link.set_attribute("href", href)?;
            link.set_attribute("rel", "noopener noreferrer")?;
            link.set_attribute("target", "_blank")?;
        }
        Ok(link)
    }
}

/// Sets several attributes at once.
pub(crate) fn attrs(element: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (name, value) in pairs {
        element.set_attribute(name, value)?;
    }
    Ok(())
}

/// Appends children in order.
pub(crate) fn append(parent: &Element, children: &[&Element]) -> Result<(), JsValue> {
    for child in children {
        parent.append_child(child)?;
    }
    Ok(())
}
