// A reader takes the article's quiz in a real browser, against the release build.
import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { correctIds, currentQuestion, fixture, noHorizontalScroll, quiz, quizPage, serve, skipToResult, wrongId } from "./common.js";

const screenshots = "test-results/screenshots";
mkdirSync(screenshots, { recursive: true });

/** Fails the test on any error the page logs or throws. */
function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  return errors;
}

async function open(page) {
  await page.goto("/");
  await expect(page.locator(".rq-intro")).toBeVisible();
}

/** Answers the current question with the mouse: clicks the labels of `ids`. */
async function clickAnswer(page, ids) {
  const qid = await currentQuestion(page);
  for (const id of ids) {
    await page.locator(`fieldset[data-question="${qid}"] input[value="${id}"] + label`).click();
  }
}

test("a reader answers every question with the mouse and gets the expected score", async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await noHorizontalScroll(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.locator(".rq-progress-text")).toHaveText(`Question ${n} of 10`);
    const qid = await currentQuestion(page);
    // Odd questions right, even ones wrong: 5 of 10.
    await clickAnswer(page, n % 2 ? correctIds(qid) : [wrongId(qid)]);
    if (n === 1) await page.screenshot({ path: `${screenshots}/question.png`, fullPage: true });
    await page.getByRole("button", { name: "Check answer" }).click();
    const feedback = page.locator(".rq-feedback");
    await expect(feedback).toBeFocused();
    await expect(feedback.locator(".rq-feedback-title")).toHaveText(n % 2 ? /Correct/ : /Incorrect/);
    await expect(page.locator(".rq-status")).toHaveText(n % 2 ? "Correct. 1 of 1 point." : /^Incorrect\. 0 of 1 point\.$/);
    if (n === 1) {
      await page.screenshot({ path: `${screenshots}/revealed.png`, fullPage: true });
      await noHorizontalScroll(page);
    }
    await page.getByRole("button", { name: n < 10 ? "Next question" : "See my result" }).click();
  }
  const heading = page.getByRole("heading", { name: "Your result" });
  await expect(heading).toBeFocused();
  await expect(page.locator(".rq-score")).toHaveText("You scored 5 out of 10 (50 %)");
  await expect(page.locator(".rq-pass")).toHaveText("The pass mark is 60 %");
  const band = quiz.bands.find((b) => b.min <= 50 && 50 <= b.max);
  await expect(page.locator(".rq-band-title")).toHaveText(band.title);
  await expect(page.locator(".rq-review > li")).toHaveCount(10);
  await page.screenshot({ path: `${screenshots}/result.png`, fullPage: true });
  await noHorizontalScroll(page);
  expect(errors).toEqual([]);
});

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const reached = await page.evaluate((s) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.matches(s);
    }, selector);
    if (reached) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("a reader completes the quiz with the keyboard alone", async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await tabTo(page, 'button[data-action="start"]');
  await page.keyboard.press("Enter");
  for (let n = 1; n <= 10; n++) {
    const qid = await currentQuestion(page);
    const legend = page.locator(`fieldset[data-question="${qid}"] legend`);
    await expect(legend).toBeFocused();
    const wanted = correctIds(qid);
    const inputs = await page.locator(`fieldset[data-question="${qid}"] input`).evaluateAll((els) =>
      els.map((e) => ({ value: e.value, type: e.type })),
    );
    if (inputs[0].type === "radio") {
      // Tab into the group, Space picks the first radio, arrows move the pick.
      await tabTo(page, `fieldset[data-question="${qid}"] input`);
      await page.keyboard.press("Space");
      const target = inputs.findIndex((i) => i.value === wanted[0]);
      for (let i = 0; i < target; i++) await page.keyboard.press("ArrowDown");
    } else {
      for (const input of inputs) {
        await tabTo(page, `fieldset[data-question="${qid}"] input[value="${input.value}"]`);
        if (wanted.includes(input.value)) await page.keyboard.press("Space");
      }
    }
    await tabTo(page, 'button[data-action="reveal"]');
    await page.keyboard.press("Enter");
    await expect(page.locator(".rq-feedback")).toBeFocused();
    await expect(page.locator(".rq-feedback-title")).toHaveText(/Correct/);
    await tabTo(page, `button[data-action="${n < 10 ? "next" : "finish"}"]`);
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { name: "Your result" })).toBeFocused();
  await expect(page.locator(".rq-score")).toHaveText("You scored 10 out of 10 (100 %)");
  await expect(page.locator(".rq-pass")).toHaveText("You passed");
  expect(errors).toEqual([]);
});

test("checking a question with nothing picked says so, and its choices stay in reach of the keyboard", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  // The draw and its order are random: go on to the first single-answer question.
  while ((await page.locator("fieldset.rq-question input").first().getAttribute("type")) !== "radio") {
    await page.getByRole("button", { name: "Next question" }).click();
  }
  const qid = await currentQuestion(page);
  // Through the choices to Check: after the redraw, Chromium skipped a radio group Tab had been
  // in when its redrawn copy kept the same name.
  await tabTo(page, `fieldset[data-question="${qid}"] input`);
  await tabTo(page, 'button[data-action="reveal"]');
  await page.keyboard.press("Enter");
  await expect(page.locator(".rq-error-message")).toHaveText("Select an answer before checking it.");
  await expect(page.locator(".rq-status")).toHaveText("Select an answer before checking it.");
  await expect(page.locator(`fieldset[data-question="${qid}"] legend`)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(`fieldset[data-question="${qid}"] input`).first()).toBeFocused();
  // Picking an answer redraws the question without its message, and the live region empties.
  await page.keyboard.press("Space");
  await expect(page.locator(".rq-error-message")).toHaveCount(0);
  await expect(page.locator(".rq-status")).toHaveText("");
});

test("a reload mid-quiz resumes at the same question with the answers kept", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const answered = [];
  for (let n = 1; n <= 3; n++) {
    const qid = await currentQuestion(page);
    await clickAnswer(page, [wrongId(qid)]);
    answered.push(qid);
    if (n === 1) await page.getByRole("button", { name: "Check answer" }).click();
    await page.getByRole("button", { name: "Next question" }).click();
  }
  const fourth = await currentQuestion(page);
  const firstChoice = page.locator("fieldset.rq-question .rq-choice-text").first();
  const text = await firstChoice.textContent();
  await clickAnswer(page, correctIds(fourth).slice(0, 1));
  await page.reload();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 4 of 10");
  expect(await currentQuestion(page)).toBe(fourth);
  await expect(firstChoice).toHaveText(text);
  await expect(page.locator(`input[value="${correctIds(fourth)[0]}"]`)).toBeChecked();
  for (let n = 3; n >= 1; n--) {
    await page.getByRole("button", { name: "Back" }).click();
    expect(await currentQuestion(page)).toBe(answered[n - 1]);
    await expect(page.locator(`input[value="${wrongId(answered[n - 1])}"]`)).toBeChecked();
  }
  // The first question was checked before the reload: still revealed and locked.
  await expect(page.locator(".rq-feedback")).toBeVisible();
  await expect(page.locator("fieldset.rq-question input").first()).toBeDisabled();
});

test("a reader who never starts the quiz leaves nothing in storage; Start saves", async ({ page }) => {
  await open(page);
  const saved = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("reader-quiz:")));
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  expect(await saved()).toEqual([]);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  expect(await saved()).toEqual(["reader-quiz:armenia-breaking-up-with-russia:quiz"]);
});

test("retry starts a new attempt with a fresh draw and order", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await skipToResult(page);
  const reviewIds = () => page.locator(".rq-review fieldset").evaluateAll((els) => els.map((e) => e.dataset.question));
  const first = await reviewIds();
  await expect(page.locator(".rq-score")).toHaveText("You scored 0 out of 10 (0 %)");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  await expect(page.locator("fieldset.rq-question legend")).toBeFocused();
  await expect(page.locator("fieldset.rq-question input:checked")).toHaveCount(0);
  await skipToResult(page);
  const second = await reviewIds();
  expect(second).toHaveLength(10);
  expect(second).not.toEqual(first);
  // A pool of 18 and a draw of 10: the 8 questions left out last time all come back.
  const unseen = quiz.questions.map((q) => q.id).filter((id) => !first.includes(id));
  for (const id of unseen) expect(second).toContain(id);
});

test("a broken questions file shows its problems in place of the quiz", async ({ page }) => {
  await serve(page, "questions.json", fixture("broken-rules.json"));
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This quiz could not be loaded");
  await expect(alert).toContainText('questions[1].id (line 29, column 13): question id "q1" is already used by questions[0]');
  await expect(alert.locator("li")).toHaveCount(6);
});

test("a broken questions file in a collapsed quiz the reader opens takes the focus, rather than leaving it nowhere", async ({
  page,
}) => {
  await serve(page, "collapsed.html", quizPage('<reader-quiz src="questions.json" collapsed></reader-quiz>'));
  await serve(page, "questions.json", fixture("broken-rules.json"));
  await page.goto("/collapsed.html");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const alert = page.getByRole("alert");
  await expect(alert.locator("li")).toHaveCount(6);
  await expect(alert).toBeFocused();
});

test("only a broken questions file fetches the headless build, which words its problems", async ({ page }) => {
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await open(page);
  expect(fetched.filter((path) => path.startsWith("/pkg-headless/"))).toEqual([]);
  await serve(page, "questions.json", fixture("broken-rules.json"));
  await page.reload();
  await expect(page.getByRole("alert").locator("li")).toHaveCount(6);
  expect(fetched).toContain("/pkg-headless/reader_quiz_bg.wasm");
});

test("a broken questions file is announced once: the widget's message keeps quiet until the headless build words it", async ({
  page,
}) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/pkg-headless/reader_quiz.js", async (route) => {
    await held;
    await route.continue();
  });
  await serve(page, "questions.json", fixture("broken-rules.json"));
  await page.goto("/");
  await expect(page.getByText("This quiz could not be loaded")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  release();
  await expect(page.getByRole("alert").locator("li")).toHaveCount(6);
  await expect(page.getByRole("alert")).toHaveCount(1);
});

test("a broken questions file still says the quiz could not load when the headless build cannot", async ({
  page,
}) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/pkg-headless/**", (route) => route.abort());
  await serve(page, "questions.json", fixture("broken-rules.json"));
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("This quiz could not be loaded");
  await expect.poll(() => warnings.length).toBeGreaterThan(0);
  await expect(alert.locator("li")).toHaveCount(0);
});

test("a syntax error is shown with its line and column", async ({ page }) => {
  await serve(page, "questions.json", fixture("broken-syntax.json"));
  await page.goto("/");
  await expect(page.getByRole("alert")).toContainText('line 5, column 3: expected "," or "}"');
});

test("a missing questions file is reported, not a blank box", async ({ page }) => {
  await page.route("**/questions.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto("/");
  await expect(page.getByRole("alert")).toContainText("The questions file could not be loaded (HTTP 404).");
});

test("a questions file the network refuses is reported at once, without waiting for the engine", async ({ page }) => {
  await page.route("**/questions.json", (route) => route.abort("connectionrefused"));
  // The engine never arrives: the message must not depend on it.
  await page.route("**/reader_quiz_bg.wasm", () => {});
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("The questions file could not be loaded.");
  // The developer's console says why, not "HTTP 0".
  expect(warnings).toEqual([
    expect.stringMatching(/questions\.json could not be loaded: no answer \(offline, refused by CORS, or none in 30 s\)$/),
  ]);
});

test("the element speaks the page's language before the quiz loads and when its file is missing", async ({ page }) => {
  const pageIn = (lang) => quizPage('<reader-quiz src="missing.json" collapsed></reader-quiz>', { lang });
  await serve(page, "ru.html", pageIn("ru"));
  await serve(page, "hy.html", pageIn("hy"));
  await page.route("**/missing.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto("/ru.html");
  await page.getByRole("button", { name: "Пройти тест" }).click();
  await expect(page.getByRole("alert")).toHaveText("Не удалось загрузить файл с вопросами (HTTP 404).");
  await page.goto("/hy.html");
  await page.getByRole("button", { name: "Անցնել վիկտորինան" }).click();
  await expect(page.getByRole("alert")).toHaveText("Հարցերի ֆայլը չհաջողվեց բեռնել (HTTP 404)։");
  // A page in a language the element has no texts in: English, labelled as English.
  await serve(page, "de.html", pageIn("de"));
  await page.goto("/de.html");
  await expect(page.locator(".rq-root")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page.getByRole("alert")).toHaveText("The questions file could not be loaded (HTTP 404).");
  await expect(page.locator(".rq-root")).toHaveAttribute("lang", "en");
});

test("an interface in another language than the quiz's is labelled as such, and so is the quiz's text", async ({ page }) => {
  await serve(page, "lang.html", quizPage('<reader-quiz src="questions.json" lang="ru"></reader-quiz>'));
  await page.goto("/lang.html");
  await expect(page.locator(".rq-root")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("button", { name: "Начать тест" })).toBeVisible();
  await expect(page.locator(".rq-title")).toHaveAttribute("lang", "en");
  await expect(page.locator(".rq-source a")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Начать тест" }).click();
  await expect(page.locator(".rq-prompt")).toHaveAttribute("lang", "en");
  await expect(page.locator(".rq-choice-text").first()).toHaveAttribute("lang", "en");
  await expect(page.locator(".rq-hint")).not.toHaveAttribute("lang", /./);
  // In the quiz's own language, nothing needs a label of its own.
  await page.goto("/");
  await expect(page.locator(".rq-root")).toHaveAttribute("lang", "en");
  await expect(page.locator(".rq-title")).not.toHaveAttribute("lang", /./);
  // A quiz in a language the interface has no texts in: the interface is English, and says so.
  const german = { ...quiz, language: "de" };
  await serve(page, "questions.de.json", JSON.stringify(german));
  await serve(page, "lang.html", quizPage('<reader-quiz src="questions.de.json"></reader-quiz>', { lang: "de" }));
  await page.goto("/lang.html");
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  await expect(page.locator(".rq-root")).toHaveAttribute("lang", "en");
  await expect(page.locator(".rq-title")).toHaveAttribute("lang", "de");
});

test("markup in question text is shown as text, never run", async ({ page }) => {
  const hostile = structuredClone(quiz);
  hostile.settings.draw = hostile.questions.length;
  hostile.settings.shuffle_questions = false;
  const payload = '<img src=x onerror="window.__pwned=1">';
  hostile.title = payload;
  hostile.questions[0].prompt = payload;
  hostile.questions[0].choices[0].text = `<b onmouseover="window.__pwned=1">${payload}</b>`;
  hostile.questions[0].explanation = `<script>window.__pwned=1</script>`;
  await serve(page, "questions.json", JSON.stringify(hostile));
  await page.goto("/");
  await expect(page.locator(".rq-title")).toHaveText(payload);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator(".rq-prompt")).toHaveText(payload);
  await page.locator(".rq-choice label").first().click();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.locator(".rq-explanation")).toHaveText("<script>window.__pwned=1</script>");
  await expect(page.locator(".rq-root img, .rq-root script, .rq-root b")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("a 360 by 640 phone screen never scrolls sideways", async ({ page }) => {
  await open(page);
  await noHorizontalScroll(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (let n = 1; n <= 10; n++) {
    const qid = await currentQuestion(page);
    await clickAnswer(page, correctIds(qid));
    await page.getByRole("button", { name: "Check answer" }).click();
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: n < 10 ? "Next question" : "See my result" }).click();
  }
  await noHorizontalScroll(page);
});

test("a corrupt or outdated saved state starts a fresh quiz, silently", async ({ page }) => {
  const errors = watchErrors(page);
  for (const garbage of ["not json", '{"v":1,"quiz":"armenia-breaking-up-with-russia","fp":"0"}', '{"v":99}']) {
    await page.goto("/");
    await page.evaluate((value) => localStorage.setItem("reader-quiz:armenia-breaking-up-with-russia:quiz", value), garbage);
    await page.reload();
    await expect(page.locator(".rq-intro")).toBeVisible();
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  }
  expect(errors).toEqual([]);
});

test("the all-on-one-page layout shows every question and counts the answered ones", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/embed.html?src=questions.json&layout=all");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const fieldsets = page.locator("fieldset.rq-question");
  await expect(fieldsets).toHaveCount(10);
  await expect(page.locator(".rq-progress-text")).toHaveText("0 of 10 answered");
  const ids = await fieldsets.evaluateAll((els) => els.map((e) => e.dataset.question));
  for (const [n, qid] of ids.entries()) {
    const input = page.locator(`fieldset[data-question="${qid}"] input[value="${correctIds(qid)[0]}"]`);
    await input.check();
    await expect(input).toBeFocused();
    await expect(page.locator(".rq-progress-text")).toHaveText(`${n + 1} of 10 answered`);
  }
  await page.getByRole("button", { name: "See my result" }).click();
  await expect(page.getByRole("heading", { name: "Your result" })).toBeFocused();
  await expect(page.locator(".rq-review > li")).toHaveCount(10);
  expect(errors).toEqual([]);
});

test("a page can mount the quiz with the widget's build directly, after its default init", async ({ page }) => {
  await serve(page, "direct.html", '<!doctype html><html lang="en"><meta charset="utf-8"><title>Direct</title>');
  await page.goto("/direct.html");
  await page.evaluate(async () => {
    const widget = await import("/pkg/reader_quiz.js");
    await widget.default();
    const host = document.createElement("div");
    document.body.append(host);
    widget.mount(host, await (await fetch("/questions.json")).text(), { instance: "direct" });
  });
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
});

test("the headless build runs a quiz on its own, and the widget's build leaves it out", async ({ page }) => {
  await page.goto("/");
  const found = await page.evaluate(async () => {
    const headless = await import("/pkg-headless/reader_quiz.js");
    await headless.default();
    const session = new headless.QuizSession(await (await fetch("/questions.json")).text(), 1);
    session.start();
    const widget = await import("/pkg/reader_quiz.js");
    return { phase: session.phase, length: session.length, widgetHasSession: "QuizSession" in widget };
  });
  expect(found).toEqual({ phase: "answering", length: 10, widgetHasSession: false });
});
