// The reference: a hand-written vanilla-JS quiz of the same questions, one at a time, with a
// reveal and a score: roughly what a publisher would write instead of using a widget.
const root = document.getElementById("vanilla-quiz");
const quiz = await (await fetch("../questions.json")).json();
const shuffle = (items) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
};
const questions = shuffle([...quiz.questions]).slice(0, quiz.settings?.draw ?? quiz.questions.length);
let position = 0;
let score = 0;

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function button(label, onClick) {
  const node = el("button", label, { type: "button" });
  node.addEventListener("click", onClick);
  return node;
}

function intro() {
  root.replaceChildren(el("h2", quiz.title), el("p", quiz.intro ?? ""), button("Start the quiz", question));
}

function question() {
  const q = questions[position];
  const fieldset = el("fieldset");
  fieldset.append(el("legend", q.prompt));
  const type = q.kind === "single" ? "radio" : "checkbox";
  for (const choice of shuffle([...q.choices])) {
    const label = el("label");
    label.append(el("input", undefined, { type, name: q.id, value: choice.id }), el("span", choice.text));
    fieldset.append(label);
  }
  const check = button("Check answer", () => reveal(q, fieldset, check));
  root.replaceChildren(el("p", `Question ${position + 1} of ${questions.length}`), fieldset, check);
}

function reveal(q, fieldset, check) {
  const picked = [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
  const correct = q.choices.filter((c) => c.correct).map((c) => c.id);
  const right = picked.length === correct.length && picked.every((id) => correct.includes(id));
  if (right) score += 1;
  for (const input of fieldset.querySelectorAll("input")) input.disabled = true;
  const feedback = el("p", right ? "Correct" : "Incorrect", { class: right ? "right" : "wrong", role: "status" });
  const last = position + 1 === questions.length;
  const next = button(last ? "See my result" : "Next question", () => {
    position += 1;
    last ? result() : question();
  });
  check.replaceWith(feedback, el("p", q.explanation), next);
}

function result() {
  const retry = button("Try again", () => {
    position = 0;
    score = 0;
    shuffle(questions);
    question();
  });
  root.replaceChildren(el("h2", "Your result"), el("p", `You scored ${score} out of ${questions.length}`), retry);
}

intro();
