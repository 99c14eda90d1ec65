// Optional host script for the iframe embed: sizes each <iframe data-reader-quiz> to its quiz,
// so there is never a scrollbar or cut-off content, keeps what the quiz focuses in sight as it
// grows, and re-dispatches the quiz's events on the iframe as bubbling `reader-quiz:NAME`
// CustomEvents. Messages are accepted only from the iframe's own window and origin.

function frameFor(event) {
  for (const frame of document.querySelectorAll("iframe[data-reader-quiz]")) {
    if (frame.contentWindow === event.source) {
      return new URL(frame.src, document.baseURI).origin === event.origin ? frame : null;
    }
  }
  return null;
}

/**
 * Scrolls the page as little as brings `focus` (the box of the element focused in `frame`, from
 * the top of its document) into sight, its top first where it is taller than the window, as the
 * browser does for focus on the page itself.
 */
function reveal(frame, focus) {
  if (!Number.isFinite(focus?.top) || !Number.isFinite(focus?.bottom)) return;
  const top = frame.getBoundingClientRect().top;
  const above = top + focus.top;
  const below = top + focus.bottom - innerHeight;
  if (above < 0) scrollBy(0, above);
  else if (below > 0) scrollBy(0, Math.min(above, below));
}

addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.source !== "reader-quiz") return;
  const frame = frameFor(event);
  if (!frame) return;
  if (data.type === "resize" && Number.isFinite(data.height) && data.height > 0) {
    frame.style.setProperty("height", `${data.height}px`, "important");
    if (document.activeElement === frame) reveal(frame, data.focus);
  } else if (data.type === "event" && typeof data.name === "string") {
    frame.dispatchEvent(new CustomEvent(`reader-quiz:${data.name}`, { bubbles: true, detail: data.detail }));
  }
});

/**
 * Sizes `frame` as it was when the reader last left this page in this tab, until its quiz says
 * its height: the browser restores a reloaded page's scroll position before the quiz has drawn,
 * and would otherwise find the page shorter or longer than the reader left it.
 */
function holdPlace(frame, key) {
  try {
    const height = sessionStorage.getItem(key);
    if (height) frame.style.setProperty("height", `${height}px`, "important");
    addEventListener("pagehide", () => {
      try {
        sessionStorage.setItem(key, frame.offsetHeight);
      } catch {}
    });
  } catch {}
}

// Inline and important, so that no site stylesheet can squash the frame.
for (const [index, frame] of document.querySelectorAll("iframe[data-reader-quiz]").entries()) {
  frame.style.setProperty("border", "0", "important");
  frame.style.setProperty("width", "100%", "important");
  frame.style.setProperty("display", "block", "important");
  holdPlace(frame, `reader-quiz-frame ${location.pathname}${location.search} ${index}`);
}
