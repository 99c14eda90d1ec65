// Benchmark probe: records when the quiz's first button can be clicked, long tasks, and the
// WebAssembly memory.
// A button counts once the browser has laid it out with a height: a ResizeObserver hears of
// that after the frame's own layout, so the probe forces no layout of its own, and it stops
// watching once it has its answer. `window.__whenReady` resolves with the time.
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
  type: "longtask",
  buffered: true,
});

// The linear memory of every WebAssembly instance the page makes, for the memory row: the widget
// exports no probe of its own. The widget's glue instantiates the module its element compiled
// with `new WebAssembly.Instance`; `instantiate` gives an instance for a compiled module, an
// instance and its module for bytes.
window.__wasmMemories = [];
WebAssembly.Instance = class extends WebAssembly.Instance {
  constructor(...args) {
    super(...args);
    window.__wasmMemories.push(this.exports.memory);
  }
};
for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = async (...args) => {
    const made = await original(...args);
    window.__wasmMemories.push((made.instance ?? made).exports.memory);
    return made;
  };
}

let ready;
window.__whenReady = new Promise((resolve) => (ready = resolve));
let mutations;
const sized = new ResizeObserver((entries) => {
  if (window.__ready === undefined && entries.some((entry) => entry.contentRect.height > 0)) {
    window.__ready = performance.now();
    sized.disconnect();
    mutations.disconnect();
    ready(window.__ready);
  }
});

function watch(root) {
  const check = () => {
    const button = root.querySelector("button");
    if (button) sized.observe(button);
  };
  mutations = new MutationObserver(check);
  mutations.observe(root, { childList: true, subtree: true });
  check();
}

const quiz = document.querySelector("reader-quiz");
if (quiz) {
  customElements.whenDefined("reader-quiz").then(() => {
    const start = () => (quiz.shadowRoot ? watch(quiz.shadowRoot) : requestAnimationFrame(start));
    start();
  });
} else {
  watch(document.getElementById("vanilla-quiz"));
}
