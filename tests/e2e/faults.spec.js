// Faults a quiz meets on pages and in browsers we don't control: it keeps working and keeps the answers.
import { test, expect } from "@playwright/test";
import { correctIds, currentQuestion, noHorizontalScroll, quiz, quizPage, serve, wrongId } from "./common.js";

/** Starts the quiz and answers the first `count` questions wrongly; returns their ids. */
async function answerSome(page, count) {
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const ids = [];
  for (let n = 0; n < count; n++) {
    const qid = await currentQuestion(page);
    await page.locator(`input[value="${wrongId(qid)}"] + label`).click();
    ids.push(qid);
    await page.getByRole("button", { name: "Next question" }).click();
  }
  return ids;
}

/** Finishes from wherever the quiz is and returns the score line. */
async function finish(page) {
  for (;;) {
    const next = page.getByRole("button", { name: "Next question" });
    if ((await next.count()) === 0) break;
    await next.click();
  }
  await page.getByRole("button", { name: "See my result" }).click();
  return page.locator(".rq-score").textContent();
}

for (const [fault, script] of [
  [
    "full",
    () => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  ],
  [
    "disabled",
    () => {
      for (const storage of ["localStorage", "sessionStorage"]) {
        Object.defineProperty(window, storage, {
          get() {
            throw new DOMException("Access is denied for this document.", "SecurityError");
          },
        });
      }
    },
  ],
]) {
  test(`with web storage ${fault}, the quiz still runs to the end, and reloads`, async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(script);
    await page.goto("/");
    const ids = await answerSome(page, 3);
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.locator(`input[value="${wrongId(ids[2])}"]`)).toBeChecked();
    expect(await finish(page)).toBe("You scored 0 out of 10 (0 %)");
    await page.reload();
    await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test("a slow questions file (3 s) shows a loading message, then the quiz", async ({ page }) => {
  await page.route("**/questions.json", async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.fulfill({ response });
  });
  await page.goto("/");
  await expect(page.locator(".rq-loading")).toHaveText("Loading the quiz…");
  await expect(page.locator(".rq-loading")).toHaveAttribute("role", "status");
  await expect(page.locator(".rq-intro")).toBeVisible({ timeout: 10_000 });
  await expect(page.locator(".rq-loading")).toHaveCount(0);
});

test("a collapsed quiz the reader opens says at once that it is loading, however slow the file, and keeps the focus", async ({
  page,
}) => {
  await serve(page.context(), "collapsed.html", quizPage('<reader-quiz src="questions.json" collapsed></reader-quiz>'));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/questions.json", async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await page.goto("/collapsed.html");
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page.locator(".rq-loading")).toHaveText("Loading the quiz…");
  await expect(page.locator(".rq-loading")).toBeFocused();
  release();
  await expect(page.locator(".rq-title")).toBeFocused();
  // Opened again in another tab mid-attempt: focus on the question the reader had come to.
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const tab = await page.context().newPage();
  await tab.goto("/collapsed.html");
  await tab.getByRole("button", { name: "Take the quiz" }).click();
  await expect(tab.locator(".rq-legend")).toBeFocused();
  await expect(tab.locator(".rq-loading")).toHaveCount(0);
});

test("a second tab follows the progress the reader makes in the first, rather than overwriting it", async ({ page }) => {
  await page.goto("/");
  const other = await page.context().newPage();
  await other.goto("/");
  await other.getByRole("button", { name: "Start the quiz" }).focus();
  const answered = await answerSome(page, 3);
  await expect(other.locator(".rq-progress-text")).toHaveText("Question 4 of 10");
  // Focus, which was in the quiz, is on the question the reader has come to.
  await expect(other.locator(".rq-legend")).toBeFocused();
  // What the reader does in the tab left behind builds on those answers.
  await other.getByRole("button", { name: "Back" }).click();
  await expect(other.locator(`input[value="${wrongId(answered[2])}"]`)).toBeChecked();
  await page.reload();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 3 of 10");
  await expect(page.locator(`input[value="${wrongId(answered[2])}"]`)).toBeChecked();
});

test("a questions file changed between visits starts afresh, and the new text shows", async ({ page }) => {
  await page.goto("/");
  await answerSome(page, 2);
  const changed = structuredClone(quiz);
  changed.title = "Quiz: Armenia's break with Russia (corrected)";
  await serve(page, "questions.json", JSON.stringify(changed));
  await page.reload();
  await expect(page.locator(".rq-title")).toHaveText(changed.title);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  await expect(page.locator("input:checked")).toHaveCount(0);
});

test("a WASM file that fails to load leaves a readable message, and tells the developer which and why", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/reader_quiz_bg.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto("/");
  await expect(page.getByRole("alert")).toHaveText("This quiz could not be loaded: the browser could not start it.");
  await expect.poll(() => errors).toEqual([expect.stringMatching(/\/pkg\/reader_quiz_bg\.wasm could not be loaded \(HTTP 404\)$/)]);
});

test("a WASM file that is not WebAssembly leaves a readable message, and tells the developer it does not compile", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/reader_quiz_bg.wasm", (route) => route.fulfill({ body: "<html>", contentType: "application/wasm" }));
  await page.goto("/");
  await expect(page.getByRole("alert")).toHaveText("This quiz could not be loaded: the browser could not start it.");
  await expect.poll(() => errors).toEqual([expect.stringMatching(/^WebAssembly\.compileStreaming\(\): expected magic word/)]);
});

for (const [failing, message] of [
  ["questions.json", "The questions file could not be loaded."],
  ["reader_quiz_bg.wasm", "This quiz could not be loaded: the browser could not start it."],
]) {
  test(`a reader can try again after ${failing} fails to load, without reloading the page`, async ({ page }) => {
    page.on("pageerror", () => {});
    let failures = 1;
    await page.route(`**/${failing}`, (route) => (failures-- > 0 ? route.abort() : route.continue()));
    await page.goto("/");
    await expect(page.getByRole("alert")).toHaveText(message);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator(".rq-title")).toBeFocused();
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  });
}

for (const [stalling, message] of [
  ["questions.json", "The questions file could not be loaded."],
  ["reader_quiz_bg.wasm", "This quiz could not be loaded: the browser could not start it."],
]) {
  test(`a ${stalling} that never arrives is given up on after 30 s, and the reader can try again`, async ({ page }) => {
    page.on("pageerror", () => {});
    await page.clock.install();
    let stalls = 1;
    // The first request is left without an answer; the next is served.
    await page.route(`**/${stalling}`, (route) => (stalls-- > 0 ? undefined : route.continue()));
    await page.goto("/");
    await page.clock.runFor(29_000);
    await expect(page.locator(".rq-loading")).toHaveText("Loading the quiz…");
    await page.clock.runFor(1_000);
    await expect(page.getByRole("alert")).toHaveText(message);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator(".rq-title")).toBeFocused();
  });
}

test("a WASM file served under another type than application/wasm still runs the quiz", async ({ page }) => {
  await page.route("**/reader_quiz_bg.wasm", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
});

test("a double-clicked Next moves one question, not two", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.getByRole("button", { name: "Next question" }).dblclick();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 2 of 10");
  await page.getByRole("button", { name: "Back" }).dblclick();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
});

test("turning the phone mid-quiz keeps the place and the answers", async ({ page }) => {
  await page.goto("/");
  const ids = await answerSome(page, 2);
  await page.setViewportSize({ width: 640, height: 360 });
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 3 of 10");
  await page.setViewportSize({ width: 360, height: 640 });
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator(`input[value="${wrongId(ids[1])}"]`)).toBeChecked();
  await noHorizontalScroll(page);
});

test("leaving with Back and returning with Forward resumes the quiz where it was", async ({ page }) => {
  await page.goto("/demo.html");
  await page.goto("/");
  await answerSome(page, 3);
  await page.goBack();
  await expect(page).toHaveURL(/demo\.html/);
  await page.goForward();
  await expect(page.locator(".rq-progress-text")).toHaveText("Question 4 of 10");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("input:checked")).toHaveCount(1);
});

test("hostile text renders inert: markup, javascript: links and bidi overrides", async ({ page }) => {
  const hostile = structuredClone(quiz);
  hostile.settings.draw = hostile.questions.length;
  hostile.settings.shuffle_questions = false;
  hostile.settings.shuffle_choices = false;
  const first = hostile.questions[0];
  first.prompt = '<a href="javascript:window.__pwned=1">click</a> \u202Eevil reversed text';
  first.choices[0].text = "<img src=x onerror=window.__pwned=1>";
  first.choices[0].feedback = "<svg onload=window.__pwned=1>";
  first.explanation = "[link](javascript:window.__pwned=1) \u2067isolate";
  await serve(page, "questions.json", JSON.stringify(hostile));
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator(".rq-prompt")).toHaveText(first.prompt);
  await page.locator(".rq-choice label").first().click();
  await page.getByRole("button", { name: "Check answer" }).click();
  // Editor text is its own bidi island: an override inside cannot reorder the quiz's words.
  for (const selector of [".rq-prompt", ".rq-choice-text", ".rq-explanation", ".rq-choice-feedback"]) {
    await expect(page.locator(selector).first()).toHaveAttribute("dir", "auto");
  }
  // The only links are https: the passage link; nothing editor-written became a link or an element.
  const links = await page.locator("reader-quiz").evaluate((host) => [...host.shadowRoot.querySelectorAll("a")].map((a) => a.href));
  expect(links.every((href) => href.startsWith("https://"))).toBe(true);
  await expect(page.locator(".rq-root img, .rq-root svg, .rq-root script")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("the page runs under Trusted Types: any HTML sink would throw, and none is used", async ({ page }) => {
  const violations = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => (window.__tt ??= []).push(e.violatedDirective));
  });
  page.on("console", (m) => m.type() === "error" && violations.push(m.text()));
  const response = await page.goto("/");
  expect(response.headers()["content-security-policy"]).toContain("require-trusted-types-for 'script'");
  const thrown = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML("beforeend", "<b>x</b>");
      return "no error";
    } catch (error) {
      return error.name;
    }
  });
  expect(thrown).toBe("TypeError");
  await page.evaluate(() => (window.__tt = []));
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const qid = await currentQuestion(page);
  for (const id of correctIds(qid)) await page.locator(`input[value="${id}"] + label`).click();
  await page.getByRole("button", { name: "Check answer" }).click();
  expect(await finish(page)).toBe("You scored 1 out of 10 (10 %)");
  await page.getByRole("button", { name: "Try again" }).click();
  expect(await page.evaluate(() => window.__tt)).toEqual([]);
  expect(violations.filter((v) => !v.includes("insertAdjacentHTML") && !v.includes("TrustedHTML"))).toEqual([]);
});
