// The quiz inside an iframe (embed.html?src=…&layout=…&theme=…&lang=…), for CMSs that forbid scripts.
// It tells the parent page its height and the quiz's events; reader-quiz-frame.js listens there.
import "./reader-quiz.js";

const params = new URLSearchParams(location.search);
const quiz = document.createElement("reader-quiz");
for (const name of ["src", "layout", "theme", "lang", "id"]) {
  const value = params.get(name);
  if (value) quiz.setAttribute(name, value);
}
if (!quiz.id) quiz.id = "frame";
document.getElementById("main").append(quiz);

function post(message) {
  if (window.parent !== window) window.parent.postMessage({ source: "reader-quiz", ...message }, "*");
}

function postHeight() {
  post({ type: "resize", height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
}

new ResizeObserver(postHeight).observe(document.documentElement);
document.fonts?.ready.then(postHeight);
addEventListener("resize", postHeight);

// The quiz moves focus as it redraws (to a check's feedback, to the next question), and the
// browser scrolls the page to the focused element before the parent has grown the frame to fit
// it: an element below the frame's old foot stays out of sight. So the height goes with where
// the focused element is, and the parent scrolls it into sight once the frame is resized.
addEventListener("focusin", () => {
  // The event names the quiz's element, which holds its focused element in its shadow root.
  let focused = document.activeElement;
  while (focused.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  // Measured from the top of the document: the frame, still at its old height, has scrolled
  // itself to the focused element, and scrolls back once it fits.
  const box = focused.getBoundingClientRect();
  post({
    type: "resize",
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    focus: { top: box.top + scrollY, bottom: box.bottom + scrollY },
  });
});

for (const name of ["started", "answered", "revealed", "completed", "retried"]) {
  quiz.addEventListener(`reader-quiz:${name}`, (event) => post({ type: "event", name, detail: event.detail }));
}
