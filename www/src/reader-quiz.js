// <reader-quiz src="questions.json"></reader-quiz>: one script and one element put a quiz on any page.
// The quiz lives in a shadow root, so the page's CSS cannot break it and its CSS cannot leak out.
// Nothing is fetched until the element nears the viewport (or, with `collapsed`, until the reader opens it).
// The quiz's own files resolve against this script's URL, so they can live on another path or a CDN.
//
// This is the source: scripts/build-element.mjs bundles it with its styles (quiz.css, shared by
// every copy on the page as one constructed stylesheet) and the widget's JS glue, minified, into
// www/reader-quiz.js, so that the widget costs two requests: that script and the WASM.
import { initSync, mount } from "../pkg/reader_quiz.js";
import STYLES from "./quiz.css";

const base = new URL(".", import.meta.url);
// The strings the element shows itself: before there is a quiz, and when the engine or the
// questions file cannot be had (`{0}` takes " (HTTP 404)", or nothing when the request failed).
const PRELOAD_TEXTS = {
  en: {
    open: "Take the quiz",
    loading: "Loading the quiz…",
    failed: "This quiz could not be loaded: the browser could not start it.",
    unfetched: "The questions file could not be loaded{0}.",
    retry: "Try again",
  },
  hy: {
    open: "Անցնել վիկտորինան",
    loading: "Վիկտորինան բեռնվում է…",
    failed: "Վիկտորինան չհաջողվեց բեռնել. դիտարկիչը չկարողացավ այն գործարկել։",
    unfetched: "Հարցերի ֆայլը չհաջողվեց բեռնել{0}։",
    retry: "Կրկին փորձել",
  },
  ru: {
    open: "Пройти тест",
    loading: "Тест загружается…",
    failed: "Не удалось загрузить тест: браузер не смог его запустить.",
    unfetched: "Не удалось загрузить файл с вопросами{0}.",
    retry: "Попробовать снова",
  },
};
const EVENTS = ["started", "answered", "revealed", "completed", "retried"];
// How long a quiz that starts loading on its own waits before it says so: most load sooner, and
// a message that flashes up for a moment costs the page a layout on the way.
const LOADING_DELAY_MS = 300;
// How long the questions file and the engine each have to arrive, whole: a connection that
// stalls is given up on, and the reader offered another try, rather than "Loading the quiz…"
// staying on screen for good. The widget is some 40 KB, so this allows for about 10 kbit/s.
const LOAD_TIMEOUT_MS = 30000;
const engines = {};
let sheet;
let instances = 0;

/** A signal that gives up on a request, and the reading of its body, after LOAD_TIMEOUT_MS (none in a browser without AbortSignal.timeout). */
const deadline = () => AbortSignal.timeout?.(LOAD_TIMEOUT_MS);

/**
 * Loads a build of the engine once for every quiz on the page: `pkg`, the widget's, whose JS glue
 * is bundled into this script, or `pkg-headless`, which also words what is wrong with a broken
 * questions file (the widget's leaves that out, as no reader of a published quiz needs it), its
 * glue fetched alongside its WASM. The WASM compiles as it streams in, and the glue instantiates
 * the compiled module. One a server sends under another type than application/wasm compiles from
 * its bytes once they are all in (streaming refuses such a response before reading its body; one
 * it has read from, it failed to compile or to receive, and that failure is the one to report).
 */
function loadEngine(build = "pkg") {
  engines[build] ??= (async () => {
    const url = new URL(`${build}/reader_quiz_bg.wasm`, base);
    const wasm = fetch(url, { signal: deadline() }).then((response) => {
      if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status})`);
      return WebAssembly.compileStreaming(response).catch((error) =>
        response.bodyUsed ? Promise.reject(error) : response.arrayBuffer().then(WebAssembly.compile),
      );
    });
    if (build === "pkg") {
      // The bundled glue instantiates the module compiled here as it is: its async `init`, which
      // can also fetch and stream a URL, would only add bytes.
      initSync({ module: await wasm });
      return { mount };
    }
    const glue = await import(new URL(`${build}/reader_quiz.js`, base).href);
    await glue.default({ module_or_path: wasm });
    return glue;
  })().catch((error) => {
    // A failure is not kept: the reader may try again, on this quiz or another.
    delete engines[build];
    throw error;
  });
  return engines[build];
}

class ReaderQuiz extends HTMLElement {
  #container;
  // The key under which this tab keeps the quiz's height for a reload.
  #place;

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
    }
    root.adoptedStyleSheets = [sheet];
    this.#container = document.createElement("div");
    // The preload texts are all written left to right, whatever the page's direction.
    this.#container.dir = "ltr";
    // In the colours asked for before the quiz is drawn too: the opener, "Loading the quiz…",
    // and a file that cannot be had. An unknown theme is the system's, as the quiz says then.
    const theme = this.getAttribute("theme");
    if (theme) this.#container.dataset.theme = theme.toLowerCase();
    root.append(this.#container);
    const instance = this.id || String(instances++);
    for (const name of EVENTS) {
      this.addEventListener(`reader-quiz:${name}`, (event) => {
        if (this.hasAttribute("datalayer")) {
          (window.dataLayer ??= []).push({ event: `reader_quiz_${name}`, ...event.detail });
        }
      });
    }
    this.#place = `reader-quiz ${location.pathname}${location.search} ${instance}`;
    const height = this.#heldHeight();
    // A collapsed quiz the reader opened stays open when they reload the page in this tab.
    if (this.hasAttribute("collapsed") && height === null) {
      this.#showOpener(instance);
      return;
    }
    // Until the quiz is drawn, its place is held at the height it had when the reader last left
    // the page in this tab: the browser restores a reloaded page's scroll position before the
    // quiz is drawn, and would otherwise find the page shorter than the reader left it.
    this.#container.style.minHeight = `${height ?? 0}px`;
    if (this.#inSight()) {
      // Already in sight: an observer would only report it after the page's first frame. Still
      // after the script that added the element, which may set its attributes next.
      queueMicrotask(() => this.#start(instance, false));
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

  /** The quiz's height when the reader last left the page in this tab, or null if it was not drawn then. */
  #heldHeight() {
    try {
      return sessionStorage.getItem(this.#place);
    } catch {
      return null;
    }
  }

  /** From now on, the quiz's height is kept for a reload whenever the reader leaves the page. */
  #keepPlace() {
    addEventListener("pagehide", () => {
      try {
        sessionStorage.setItem(this.#place, this.#container.offsetHeight);
      } catch {}
    });
  }

  /** Whether the element is shown, and in the viewport, now (in a frame, only the observer knows). */
  #inSight() {
    // A hidden element has no boxes (checkVisibility also sees visibility and content-visibility).
    if (window.top !== window || !this.getClientRects().length) return false;
    if (this.checkVisibility && !this.checkVisibility()) return false;
    const box = this.getBoundingClientRect();
    return box.bottom >= 0 && box.top <= innerHeight;
  }

  /** The interface language: the element's `lang`, else the page's. */
  #language() {
    return this.getAttribute("lang") || document.documentElement.lang || "en";
  }

  /** One of the preload texts, in the interface language if there are texts in it, else in English, which the container is then labelled with. */
  #preloadText(key) {
    const primary = this.#language().split(/[-_]/)[0].toLowerCase();
    const language = PRELOAD_TEXTS[primary] ? primary : "en";
    this.#container.lang = language;
    return PRELOAD_TEXTS[language][key];
  }

  #showOpener(instance) {
    const text = this.getAttribute("label") ?? this.#preloadText("open");
    this.#container.className = "rq-root";
    this.#container.append(this.#startButton("rq-primary rq-opener", text, instance));
  }

  /** A button that loads the quiz when the reader presses it, and moves focus into it. */
  #startButton(className, text, instance) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `rq-button ${className}`;
    button.textContent = text;
    button.addEventListener("click", () => this.#start(instance, true), { once: true });
    return button;
  }

  /** Loads and mounts the quiz; `focus` when the reader opened it, to move focus into it. */
  #start(instance, focus) {
    // Drawn, or failed to load: the quiz's place is no longer held.
    this.#load(instance, focus).finally(() => (this.#container.style.minHeight = ""));
  }

  async #load(instance, focus) {
    // A reader who opened the quiz is told at once that it is on its way; one who scrolled to
    // it, only if it is slow to come (and nothing else has been shown in its place by then).
    if (focus) this.#showLoading();
    else setTimeout(() => this.#container.hasChildNodes() || this.#showLoading(), LOADING_DELAY_MS);
    // The questions are asked for before the engine: setting up its glue takes a few
    // milliseconds of script, and its WASM is fetched at once all the same.
    const src = new URL(this.getAttribute("src") ?? "questions.json", document.baseURI);
    const questions = fetch(src, { signal: deadline() }).then((response) =>
      response.ok ? response.text() : Promise.reject(response.status),
    );
    const engine = loadEngine();
    // Each is awaited below; until then, a failure must not count as an unhandled rejection.
    questions.catch(() => {});
    engine.catch(() => {});
    let text;
    try {
      text = await questions;
    } catch (failure) {
      // A number is the HTTP status the server answered with; anything else, a request that
      // failed (offline, refused by CORS) or that had no answer in time.
      const http = typeof failure === "number" ? ` (HTTP ${failure})` : "";
      this.#showMessage("rq-load-error", "alert", "unfetched", http, { retry: instance });
      console.warn(`reader-quiz: ${src} could not be loaded${http || `: no answer (offline, refused by CORS, or none in ${LOAD_TIMEOUT_MS / 1000} s)`}`);
      return;
    }
    let glue;
    try {
      glue = await engine;
    } catch (error) {
      this.#showMessage("rq-load-error", "alert", "failed", "", { retry: instance });
      throw error;
    }
    // An attribute left out reads null, which `mount` takes as an option left out.
    const options = {
      layout: this.getAttribute("layout"),
      theme: this.getAttribute("theme"),
      language: this.getAttribute("lang"),
      storageKey: this.getAttribute("storage-key"),
      instance,
    };
    try {
      glue.mount(this.#container, text, options);
    } catch (error) {
      // A broken questions file shows its problems in the quiz's place; tell the developer too.
      // The widget's build only says that it cannot load; the headless build says what and where.
      const problems = this.#container.querySelector(".rq-load-error");
      if (problems && !problems.querySelector("li")) {
        // The headless build shows the problems in an alert of its own; this one keeps quiet
        // meanwhile, so a screen reader says that the quiz cannot load once, not twice. Its
        // role is gone before the browser tells assistive technology of the new element.
        problems.role = null;
        try {
          (await loadEngine("pkg-headless")).mount(this.#container, text, options);
        } catch (described) {
          error = described;
        }
        // The headless build could not be had: the message stays, and is announced now.
        if (problems.isConnected) {
          problems.role = "alert";
          this.#container.append(problems);
        }
      }
      console.warn(`reader-quiz ${src.pathname}:`, error.message);
      // Focus stays with the reader who opened the quiz, on what shows in its place.
      if (focus) this.#container.querySelector(".rq-load-error")?.focus();
      return;
    }
    this.#keepPlace();
    // The intro's or result's heading, or the question the reader had come to.
    if (focus) this.#container.querySelector(".rq-title, .rq-legend")?.focus();
  }

  #showLoading() {
    this.#showMessage("rq-loading", "status", "loading");
  }

  /**
   * Shows one of the preload texts, by `key`, its `{0}` filled with `value`, in place of the quiz,
   * in a live region of `role`; focused if what it replaces was (the opener the reader pressed).
   * With `retry` (the quiz's instance), a button beside it loads the quiz again.
   */
  #showMessage(className, role, key, value, { retry } = {}) {
    const focused = this.shadowRoot.activeElement;
    const message = document.createElement("p");
    message.className = className;
    message.setAttribute("role", role);
    message.tabIndex = -1;
    message.textContent = this.#preloadText(key).replace("{0}", value);
    this.#container.className = "rq-root";
    this.#container.replaceChildren(message);
    if (retry !== undefined) {
      this.#container.append(this.#startButton("rq-secondary", this.#preloadText("retry"), retry));
    }
    if (focused) message.focus();
  }
}

if (!customElements.get("reader-quiz")) customElements.define("reader-quiz", ReaderQuiz);
