// <reader-quiz src="questions.json"></reader-quiz>: one script and one element put a quiz on any page.
// The quiz lives in a shadow root, so the page's CSS cannot break it and its CSS cannot leak out.
// Nothing is fetched until the element nears the viewport (or, with `collapsed`, until the reader opens it).
// The quiz's own files resolve against this script's URL, so they can live on another path or a CDN.

const base = new URL(".", import.meta.url);
// The strings shown before the engine (and its locale tables) has loaded.
const PRELOAD_TEXTS = {
  en: {
    open: "Take the quiz",
    loading: "Loading the quiz…",
    failed: "This quiz could not be loaded: the browser could not start it.",
  },
  hy: {
    open: "Անցնել վիկտորինան",
    loading: "Վիկտորինան բեռնվում է…",
    failed: "Վիկտորինան չհաջողվեց բեռնել. դիտարկիչը չկարողացավ այն գործարկել։",
  },
  ru: {
    open: "Пройти тест",
    loading: "Тест загружается…",
    failed: "Не удалось загрузить тест: браузер не смог его запустить.",
  },
};
const EVENTS = ["started", "answered", "revealed", "completed", "retried"];
let engine;
let sheet;
let instances = 0;

/** Loads the WASM once for every quiz on the page, fetching it alongside its JS glue. */
function loadEngine() {
  engine ??= (async () => {
    const wasm = fetch(new URL("pkg/reader_quiz_bg.wasm", base));
    const glue = await import(new URL("pkg/reader_quiz.js", base).href);
    await glue.default({ module_or_path: wasm });
    return glue;
  })();
  return engine;
}

class ReaderQuiz extends HTMLElement {
  #container;

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
    }
    root.adoptedStyleSheets = [sheet];
    this.#container = document.createElement("div");
    root.append(this.#container);
    const instance = this.id || String(instances++);
    for (const name of EVENTS) {
      this.addEventListener(`reader-quiz:${name}`, (event) => {
        if (this.hasAttribute("datalayer")) {
          (window.dataLayer ??= []).push({ event: `reader_quiz_${name}`, ...event.detail });
        }
      });
    }
    if (this.hasAttribute("collapsed")) {
      this.#showOpener(instance);
    } else {
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            this.#start(instance, false);
          }
        },
        { rootMargin: "400px 0px" },
      );
      observer.observe(this);
    }
  }

  /** The interface language: the element's `lang`, else the page's. */
  #language() {
    return this.getAttribute("lang") || document.documentElement.lang || "en";
  }

  #preloadText(key) {
    const primary = this.#language().split(/[-_]/)[0].toLowerCase();
    return (PRELOAD_TEXTS[primary] ?? PRELOAD_TEXTS.en)[key];
  }

  #showOpener(instance) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rq-button rq-primary rq-opener";
    button.textContent = this.getAttribute("label") ?? this.#preloadText("open");
    button.addEventListener("click", () => this.#start(instance, true), { once: true });
    this.#container.className = "rq-root";
    this.#container.append(button);
  }

  async #start(instance, focus) {
    // The engine first: its WASM is the longest download and must compile before anything runs.
    const engine = loadEngine();
    engine.catch(() => {});
    const loading = document.createElement("p");
    loading.className = "rq-loading";
    loading.setAttribute("role", "status");
    loading.textContent = this.#preloadText("loading");
    this.#container.className = "rq-root";
    this.#container.replaceChildren(loading);
    const src = new URL(this.getAttribute("src") ?? "questions.json", document.baseURI);
    const questions = fetch(src).then(
      (response) => (response.ok ? response.text() : Promise.reject(response.status)),
      () => Promise.reject(0),
    );
    questions.catch(() => {});
    let glue;
    try {
      glue = await engine;
    } catch (error) {
      const alert = document.createElement("p");
      alert.className = "rq-load-error";
      alert.setAttribute("role", "alert");
      alert.textContent = this.#preloadText("failed");
      this.#container.replaceChildren(alert);
      throw error;
    }
    let text;
    try {
      text = await questions;
    } catch (status) {
      glue.mountFetchError(this.#container, status, this.getAttribute("lang") ?? undefined);
      console.warn(`reader-quiz: ${src} could not be loaded (HTTP ${status})`);
      return;
    }
    const options = {
      layout: this.getAttribute("layout") ?? undefined,
      theme: this.getAttribute("theme") ?? undefined,
      language: this.getAttribute("lang") ?? undefined,
      storageKey: this.getAttribute("storage-key") ?? undefined,
      instance,
    };
    try {
      glue.mount(this.#container, text, options);
    } catch (error) {
      // A broken questions file shows its problems in the quiz's place; tell the developer too.
      console.warn(`reader-quiz ${src.pathname}:`, error.message);
      return;
    }
    if (focus) this.#container.querySelector(".rq-title")?.focus();
  }
}

// The quiz's styles, shared by every copy on the page. Kept here rather than in a file of
// their own so that the widget costs three requests: this script, the WASM and its glue.
const STYLES = `
/* The quiz's look, inside <reader-quiz>'s shadow root (or on a page that calls mount itself).
   Theme it by setting --rq-* custom properties (listed in the README) on the element or any
   ancestor; the --_* ones are internal: each takes its --rq-* value or a default. Sizes are in
   em of the quiz's own font size, so a page's root font size cannot blow the layout up. */
:host {
  display: block !important;
  contain: layout;
}

:host([hidden]) {
  display: none !important;
}

.rq-root {
  /* Inside a shadow root nothing of the page's styles reaches the quiz but what is inherited:
     reset all of it (custom properties survive 'all'), then take the site's font. */
  all: initial;
  display: block;
  color-scheme: light dark;
  --_text: var(--rq-text, light-dark(#1b1b1b, #f3f2f1));
  --_muted: var(--rq-muted, light-dark(#505a5f, #c5c9cc));
  --_background: var(--rq-background, light-dark(#ffffff, #16181a));
  --_surface: var(--rq-surface, light-dark(#f3f2f1, #24272a));
  --_border: var(--rq-border, light-dark(#6f777b, #8d9499));
  --_accent: var(--rq-accent, light-dark(#1d4ed8, #8ab4ff));
  --_accent-text: var(--rq-accent-text, light-dark(#ffffff, #0b0c0c));
  --_focus: var(--rq-focus, #ffbf47);
  --_correct: var(--rq-correct, light-dark(#00703c, #6fd39b));
  --_wrong: var(--rq-wrong, light-dark(#b10e1e, #ff8a8a));
  --_partial: var(--rq-partial, light-dark(#8a5300, #ffc266));
  --_radius: var(--rq-radius, 6px);
  --_space: var(--rq-space, 16px);

  font-family: var(--rq-font, inherit);
  font-size: var(--rq-font-size, 16px);
  line-height: 1.5;
  color: var(--_text);
  background: var(--_background);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: var(--_space);
  width: 100%;
  box-sizing: border-box;
  overflow-wrap: anywhere;
  text-align: start;
}

.rq-root[data-theme="light"] {
  color-scheme: light;
}

.rq-root[data-theme="dark"] {
  color-scheme: dark;
}

.rq-root *,
.rq-root *::before,
.rq-root *::after {
  box-sizing: inherit;
}

.rq-title {
  margin: 0 0 calc(var(--_space) / 2);
  font-size: 1.5em;
  line-height: 1.25;
}

.rq-source,
.rq-count,
.rq-hint,
.rq-points,
.rq-progress-text {
  color: var(--_muted);
}

.rq-root a {
  color: var(--_accent);
}

.rq-progress {
  margin-bottom: var(--_space);
}

.rq-progress-text {
  margin: 0 0 0.25em;
}

.rq-progress-bar {
  width: 100%;
  height: 0.5em;
  accent-color: var(--_accent);
}

.rq-question {
  border: 0;
  margin: 0 0 var(--_space);
  padding: 0;
  min-width: 0;
}

.rq-legend {
  font-size: 1.2em;
  font-weight: 700;
  padding: 0;
  margin-bottom: 0.25em;
}

.rq-number {
  display: block;
  font-size: 0.84em;
  color: var(--_muted);
}

.rq-hint {
  margin: 0 0 0.5em;
}

.rq-has-error {
  border-inline-start: 4px solid var(--_wrong);
  padding-inline-start: calc(var(--_space) - 4px);
}

.rq-error-message {
  color: var(--_wrong);
  font-weight: 700;
  margin: 0 0 0.5em;
}

.rq-choices {
  display: grid;
  gap: 0.5em;
  margin-bottom: var(--_space);
}

.rq-choice {
  display: flex;
  align-items: flex-start;
  gap: 0.75em;
  padding: 0.5em;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_surface);
}

.rq-input {
  font: inherit;
  flex: none;
  width: 1.5em;
  height: 1.5em;
  margin: 0;
  accent-color: var(--_accent);
}

.rq-label {
  flex: 1;
  min-height: 1.5em;
  cursor: pointer;
}

.rq-mark {
  display: block;
  font-weight: 700;
}

.rq-mark-correct,
.rq-mark-missed,
.rq-outcome-correct .rq-feedback-title {
  color: var(--_correct);
}

.rq-mark-wrong,
.rq-outcome-wrong .rq-feedback-title {
  color: var(--_wrong);
}

.rq-outcome-partial .rq-feedback-title {
  color: var(--_partial);
}

.rq-choice-correct {
  border: 2px solid var(--_correct);
}

.rq-choice-wrong {
  border: 2px solid var(--_wrong);
}

.rq-feedback {
  border-inline-start: 4px solid var(--_border);
  padding: 0;
  padding-inline-start: var(--_space);
  margin-bottom: var(--_space);
}

.rq-feedback p {
  margin: 0 0 0.5em;
}

.rq-feedback-title {
  font-weight: 700;
  font-size: 1.1em;
}

.rq-nav {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75em;
  margin: var(--_space) 0;
}

.rq-button {
  font: inherit;
  font-weight: 700;
  min-height: 2.75em;
  padding: 0.5em 1.25em;
  border-radius: var(--_radius);
  border: 2px solid var(--_accent);
  cursor: pointer;
}

.rq-primary {
  background: var(--_accent);
  color: var(--_accent-text);
}

.rq-secondary {
  background: transparent;
  color: var(--_accent);
}

.rq-root :focus-visible {
  outline: 3px solid var(--_focus);
  outline-offset: 2px;
  box-shadow: 0 0 0 5px var(--_text);
}

.rq-root [tabindex="-1"]:focus {
  outline: none;
}

.rq-score {
  font-size: 1.25em;
  font-weight: 700;
}

.rq-band {
  background: var(--_surface);
  border-radius: var(--_radius);
  padding: var(--_space);
}

.rq-band-title {
  font-weight: 700;
  margin-top: 0;
}

.rq-review {
  padding-inline-start: 1.25em;
}

.rq-load-error {
  border-inline-start: 4px solid var(--_wrong);
  padding-inline-start: var(--_space);
}

.rq-load-error-title {
  font-weight: 700;
  color: var(--_wrong);
}

.rq-visually-hidden {
  position: absolute !important;
  width: 1px !important;
  height: 1px !important;
  margin: 0 !important;
  padding: 0 !important;
  overflow: hidden !important;
  clip: rect(0 0 0 0) !important;
  clip-path: inset(50%) !important;
  white-space: nowrap !important;
  border: 0 !important;
}

@media (prefers-reduced-motion: no-preference) {
  .rq-button {
    transition: background-color 0.15s ease;
  }
}

.rq-opener {
  width: 100%;
}

.rq-print {
  display: none;
}

/* A printout shows every question of the attempt with its answer, and no controls. */
@media print {
  .rq-root {
    border: 0;
    padding: 0;
    color: #000;
    background: #fff;
  }

  .rq-screen,
  .rq-status {
    display: none;
  }

  .rq-print {
    display: block;
  }

  .rq-question {
    break-inside: avoid;
  }

  .rq-passage a::after {
    content: " (" attr(href) ")";
    overflow-wrap: anywhere;
  }
}
`;

if (!customElements.get("reader-quiz")) customElements.define("reader-quiz", ReaderQuiz);
