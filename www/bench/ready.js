// Benchmark probe: records when the quiz's first button can be clicked, and long tasks.
// A button counts once the browser has laid it out with a height: a ResizeObserver hears of
// that after the frame's own layout, so the probe forces no layout of its own.
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
  type: "longtask",
  buffered: true,
});

const sized = new ResizeObserver((entries) => {
  if (window.__ready === undefined && entries.some((entry) => entry.contentRect.height > 0)) {
    window.__ready = performance.now();
    sized.disconnect();
  }
});

function watch(root) {
  const check = () => {
    const button = root.querySelector("button");
    if (button) sized.observe(button);
  };
  new MutationObserver(check).observe(root, { childList: true, subtree: true });
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
