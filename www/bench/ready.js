// Benchmark probe: records when the quiz's first button can be clicked, and long tasks.
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
  type: "longtask",
  buffered: true,
});

function clickable(root) {
  const button = root.querySelector("button");
  return button && button.getBoundingClientRect().height > 0 ? button : null;
}

function watch(root) {
  const check = () => {
    if (window.__ready === undefined && clickable(root)) window.__ready = performance.now();
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
