// What the end-to-end tests share: the article's quiz and its answers, steps many tests take, and
// the small pages a test serves to put the element in a page of its own.
import { expect } from "@playwright/test";
import { readFileSync } from "node:fs";

/** The text of a file in tests/fixtures. */
export const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

/** The article's quiz, as the served page loads it. */
export const quiz = JSON.parse(readFileSync(new URL("../../questions.json", import.meta.url), "utf8"));
/** Its questions by id. */
export const byId = new Map(quiz.questions.map((q) => [q.id, q]));
/** The ids of a question's right choices. */
export const correctIds = (id) => byId.get(id).choices.filter((c) => c.correct).map((c) => c.id);
/** The id of one of a question's wrong choices. */
export const wrongId = (id) => byId.get(id).choices.find((c) => !c.correct).id;

/** The id of the question on screen in `scope`: a page, a quiz's element or a frame. */
export async function currentQuestion(scope) {
  return scope.locator("fieldset.rq-question").first().getAttribute("data-question");
}

/** Picks a wrong answer to the question on screen and checks it. */
export async function checkWrongAnswer(page) {
  const qid = await currentQuestion(page);
  await page.locator(`input[value="${wrongId(qid)}"] + label`).click();
  await page.getByRole("button", { name: "Check answer" }).click();
}

/** From the first question, goes on through the other nine and asks for the result. */
export async function skipToResult(scope) {
  for (let n = 1; n < 10; n++) await scope.getByRole("button", { name: "Next question" }).click();
  await scope.getByRole("button", { name: "See my result" }).click();
}

/** Fails unless the page fits its width, with nothing to scroll sideways. */
export async function noHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A page in `lang` (and `dir`) whose head loads the element's script, then `head`; `body` is its body. */
export function quizPage(body, { lang = "en", dir, head = "" } = {}) {
  const html = dir ? `lang="${lang}" dir="${dir}"` : `lang="${lang}"`;
  return `<!doctype html><html ${html}><head><meta charset="utf-8"><script type="module" src="reader-quiz.js"></script>${head}</head>
    <body>${body}</body></html>`;
}

/** The content type `serve` gives a file, by its extension. */
const TYPES = { html: "text/html", json: "application/json", js: "text/javascript" };

/** Serves `body`, typed by the extension of `name`, for every URL ending in `/name` that `target` (a page or a context) asks for. */
export function serve(target, name, body) {
  return target.route(`**/${name}`, (route) => route.fulfill({ contentType: TYPES[name.split(".").pop()], body }));
}
