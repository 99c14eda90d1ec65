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

for (const name of ["started", "answered", "revealed", "completed", "retried"]) {
  quiz.addEventListener(`reader-quiz:${name}`, (event) => post({ type: "event", name, detail: event.detail }));
}
