// The quiz embedded in a news page: the custom element, the iframe, and a hostile site around them.
import { test, expect } from "@playwright/test";
import { byId, correctIds, currentQuestion, quiz, quizPage, serve, skipToResult, wrongId } from "./common.js";

/** Records CSP violations and quiz events in every frame, before any page script runs. */
async function record(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    window.__events = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    for (const name of ["started", "answered", "revealed", "completed", "retried"]) {
      document.addEventListener(`reader-quiz:${name}`, (e) => {
        const host = e.composedPath().find((n) => n.localName === "reader-quiz" || n.localName === "iframe");
        window.__events.push({ type: e.type, host: host?.id || host?.localName, detail: e.detail });
      });
    }
  });
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  return consoleErrors;
}

/** Plays a whole attempt in `scope` (a locator of the quiz or a frame): odd questions right. */
async function playThrough(scope, { check = true } = {}) {
  await scope.getByRole("button", { name: "Start the quiz" }).click();
  for (let n = 1; n <= 10; n++) {
    const qid = await currentQuestion(scope);
    const ids = n % 2 ? correctIds(qid) : [wrongId(qid)];
    for (const id of ids) await scope.locator(`input[value="${id}"] + label`).click();
    if (check) await scope.getByRole("button", { name: "Check answer" }).click();
    await scope.getByRole("button", { name: n < 10 ? "Next question" : "See my result" }).click();
  }
  await expect(scope.locator(".rq-score")).toHaveText("You scored 5 out of 10 (50 %)");
}

test("the demo page is served with a strict Content-Security-Policy", async ({ page }) => {
  const response = await page.goto("/demo.html");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("'unsafe-eval'");
});

test("a quiz in sight loads at once; one hidden at the top of the page waits until it is shown", async ({ page }) => {
  await serve(page, "in-sight.html", quizPage(`<reader-quiz id="shown" src="questions.json"></reader-quiz>
    <div id="tab" hidden><reader-quiz id="hidden" src="questions.json?hidden"></reader-quiz></div>`));
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).search));
  await page.goto("/in-sight.html");
  await expect(page.locator("#shown .rq-intro")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests).not.toContain("?hidden");
  await page.locator("#tab").evaluate((tab) => (tab.hidden = false));
  await expect(page.locator("#hidden .rq-intro")).toBeVisible();
});

// What a page's head has the browser fetch at once, rather than after the script that needs it:
// the quiz page its WASM (its quiz is in sight at load), the iframe's page the element's script.
for (const [path, script, early] of [
  ["/index.html", "/reader-quiz.js", "/pkg/reader_quiz_bg.wasm"],
  ["/embed.html?src=questions.json", "/embed.js", "/reader-quiz.js"],
]) {
  test(`${path} fetches ${early} alongside ${script}, once`, async ({ page }) => {
    // The script is held back until the early file has been asked for (or 5 s have passed): only
    // a preload in the page's head can ask for it that soon.
    let requested;
    const seen = new Promise((resolve) => (requested = resolve));
    const requests = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === early) {
        requests.push(r);
        requested(true);
      }
    });
    let earlyFirst;
    await page.route(`**${script}`, async (route) => {
      earlyFirst = await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 5000, false))]);
      await route.continue();
    });
    await page.goto(path);
    await expect(page.locator("reader-quiz .rq-intro")).toBeVisible();
    expect(earlyFirst).toBe(true);
    // The page takes the preloaded response: no second download.
    expect(requests).toHaveLength(1);
  });
}

test("a script may add the element first and set its attributes after", async ({ page }) => {
  await serve(page, "scripted.html", quizPage("", { head: '<script type="module" src="scripted.js"></script>' }));
  // Served as a file: the page's CSP allows no inline script.
  await serve(page, "scripted.js", `const quiz = document.createElement("reader-quiz");
    document.body.append(quiz);
    quiz.setAttribute("src", "questions.ru.json");`);
  await page.goto("/scripted.html");
  await expect(page.getByRole("button", { name: "Начать тест" })).toBeVisible();
});

test("nothing is fetched until the quiz nears the viewport, then only the WASM and the questions", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto("/demo.html");
  await page.waitForLoadState("networkidle");
  const heavy = (path) => path.startsWith("/pkg/") || path.endsWith("questions.json");
  expect(requests.filter(heavy)).toEqual([]);
  await page.locator("reader-quiz").scrollIntoViewIfNeeded();
  await expect(page.locator("reader-quiz .rq-intro")).toBeVisible();
  // The widget's JS glue comes inside reader-quiz.js. (The page's framed copy fetches the same.)
  expect([...new Set(requests.filter(heavy))].sort()).toEqual(["/pkg/reader_quiz_bg.wasm", "/questions.json"]);
});

test("both embeds render and complete under the strict CSP, with no violation", async ({ page }) => {
  const errors = await record(page);
  await page.goto("/demo.html");
  const element = page.locator("reader-quiz#main-quiz");
  await element.scrollIntoViewIfNeeded();
  await playThrough(element);
  const frameElement = page.locator("iframe[data-reader-quiz]");
  await frameElement.scrollIntoViewIfNeeded();
  await playThrough(page.frameLocator("iframe[data-reader-quiz]"));
  const violations = [
    ...(await page.evaluate(() => window.__violations)),
    ...(await page.frame({ url: /embed\.html/ }).evaluate(() => window.__violations)),
  ];
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test("quiz events arrive in order with the documented payloads, also through the iframe and dataLayer", async ({ page }) => {
  await record(page);
  await page.goto("/demo.html");
  const element = page.locator("reader-quiz#main-quiz");
  await element.scrollIntoViewIfNeeded();
  await element.getByRole("button", { name: "Start the quiz" }).click();
  const qid = await element.locator("fieldset.rq-question").getAttribute("data-question");
  for (const id of correctIds(qid)) await element.locator(`input[value="${id}"] + label`).click();
  await element.getByRole("button", { name: "Check answer" }).click();
  await skipToResult(element);
  await element.getByRole("button", { name: "Try again" }).click();

  const events = (await page.evaluate(() => window.__events)).filter((e) => e.host === "main-quiz");
  const multiple = byId.get(qid).kind === "multiple";
  const answers = multiple ? correctIds(qid).length : 1;
  expect(events.map((e) => e.type)).toEqual([
    "reader-quiz:started",
    ...Array(answers).fill("reader-quiz:answered"),
    "reader-quiz:revealed",
    "reader-quiz:completed",
    "reader-quiz:retried",
  ]);
  const quizId = quiz.id;
  expect(events[0].detail).toEqual({ type: "started", quizId, attempt: 0, questions: 10 });
  expect(events[answers].detail).toEqual({
    type: "answered",
    quizId,
    attempt: 0,
    questionId: qid,
    choiceIds: correctIds(qid),
    correct: true,
  });
  expect(events[answers + 1].detail).toEqual({ type: "revealed", quizId, attempt: 0, questionId: qid, outcome: "correct", correct: true });
  const band = quiz.bands.find((b) => b.min <= 10 && 10 <= b.max).title;
  expect(events[answers + 2].detail).toEqual({
    type: "completed",
    quizId,
    attempt: 0,
    score: "1",
    max: 10,
    percentage: 10,
    passed: false,
    band,
  });
  expect(events[answers + 3].detail).toEqual({ type: "retried", quizId, attempt: 1 });

  // The element opted in with `datalayer`: the same events, named for tag managers.
  const layer = await page.evaluate(() => window.dataLayer);
  expect(layer.map((e) => e.event)).toEqual(events.map((e) => e.type.replace("reader-quiz:", "reader_quiz_")));
  expect(layer.at(-1)).toEqual({ event: "reader_quiz_retried", type: "retried", quizId, attempt: 1 });

  // The iframe posts the same schema to its parent, re-dispatched on the iframe element.
  const frame = page.frameLocator("iframe[data-reader-quiz]");
  await page.locator("iframe[data-reader-quiz]").scrollIntoViewIfNeeded();
  await frame.getByRole("button", { name: "Start the quiz" }).click();
  await expect
    .poll(async () => (await page.evaluate(() => window.__events)).filter((e) => e.host === "iframe").map((e) => e.detail))
    .toEqual([{ type: "started", quizId, attempt: 0, questions: 10 }]);
});

test("the iframe always fits its content: no scrollbar, height within 2 px after each step", async ({ page }) => {
  await page.goto("/demo.html");
  const frameElement = page.locator("iframe[data-reader-quiz]");
  await frameElement.scrollIntoViewIfNeeded();
  const frame = page.frameLocator("iframe[data-reader-quiz]");
  const inner = () => page.frame({ url: /embed\.html/ });
  // Once the frame has settled: its height within 2 px of its content, and nothing to scroll.
  const fits = async () => {
    await expect
      .poll(async () => {
        const outer = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
        const [content, scrolls] = await inner().evaluate(() => [
          document.documentElement.getBoundingClientRect().height,
          document.documentElement.scrollHeight > document.documentElement.clientHeight,
        ]);
        return Math.abs(outer - content) <= 2 && !scrolls;
      })
      .toBe(true);
  };
  await expect(frame.locator(".rq-intro")).toBeVisible();
  await fits();
  await frame.getByRole("button", { name: "Start the quiz" }).click();
  await fits();
  for (let n = 1; n <= 10; n++) {
    const qid = await frame.locator("fieldset.rq-question").getAttribute("data-question");
    await frame.locator(`input[value="${wrongId(qid)}"] + label`).click();
    await frame.getByRole("button", { name: "Check answer" }).click();
    await fits();
    await frame.getByRole("button", { name: n < 10 ? "Next question" : "See my result" }).click();
    await fits();
  }
  // A phone turned sideways: the frame follows its new width.
  await page.setViewportSize({ width: 640, height: 360 });
  await fits();
});

test("in the iframe on a phone, the feedback a check moves focus to is scrolled into sight once the frame has grown", async ({ page }) => {
  await page.goto("/demo.html");
  const frameElement = page.locator("iframe[data-reader-quiz]");
  await frameElement.scrollIntoViewIfNeeded();
  const frame = page.frameLocator("iframe[data-reader-quiz]");
  await frame.getByRole("button", { name: "Start the quiz" }).click();
  for (let n = 1; n <= 3; n++) {
    const qid = await currentQuestion(frame);
    await frame.locator(`input[value="${wrongId(qid)}"] + label`).click();
    // The Check button at the foot of the screen, as a reader's thumb finds it.
    const check = frame.getByRole("button", { name: "Check answer" });
    const box = await check.boundingBox();
    await page.evaluate((y) => scrollBy(0, y), box.y + box.height - (await page.evaluate(() => innerHeight)) + 4);
    await check.click();
    const feedback = frame.locator(".rq-feedback");
    await expect(feedback).toBeFocused();
    await expect
      .poll(async () => {
        const b = await feedback.boundingBox();
        const height = await page.evaluate(() => innerHeight);
        return b.y >= 0 && b.y + Math.min(b.height, height) <= height + 1;
      })
      .toBe(true);
    await frame.getByRole("button", { name: "Next question" }).click();
  }
});

test("a reload keeps the reader's place on the page, though the quizzes draw after the browser restores it", async ({
  page,
}) => {
  const text = "<p>The article goes on.</p>".repeat(30);
  const body = `${text}<reader-quiz src="questions.json" layout="all"></reader-quiz>${text}
    <iframe data-reader-quiz title="Quiz" loading="lazy" src="embed.html?src=questions.json&amp;layout=all"></iframe>${text}`;
  await serve(page, "long.html", quizPage(body, { head: '<script type="module" src="reader-quiz-frame.js"></script>' }));
  await page.goto("/long.html");
  const element = page.locator("reader-quiz");
  const framed = page.frameLocator("iframe[data-reader-quiz]");
  for (const quiz of [element, framed]) {
    await page.locator(quiz === element ? "reader-quiz" : "iframe").scrollIntoViewIfNeeded();
    await quiz.getByRole("button", { name: "Start the quiz" }).click();
  }
  // Halfway down each quiz, and at the page's end, past them.
  for (const [place, drawn] of [
    ["reader-quiz", element.locator("fieldset").first()],
    ["iframe", framed.locator("fieldset").first()],
    ["body", null],
  ]) {
    await page.evaluate((place) => {
      const box = document.querySelector(place).getBoundingClientRect();
      scrollTo(0, scrollY + (place === "body" ? box.bottom : box.top + box.height / 2));
    }, place);
    const before = await page.evaluate(() => scrollY);
    await page.reload();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(before);
    await page.waitForLoadState("networkidle");
    if (drawn) await expect(drawn).toBeVisible();
    expect(await page.evaluate(() => scrollY)).toBe(before);
  }
});

test("an unknown layout or theme shows in the quiz's place, rather than a quiz left loading, and a known one in any case works", async ({ page }) => {
  await serve(page, "typo.html", quizPage('<reader-quiz src="questions.json" layout="al" theme="darkk"></reader-quiz><reader-quiz id="upper" src="questions.json" layout="ALL" theme="Dark"></reader-quiz>'));
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await page.goto("/typo.html");
  const alert = page.locator("reader-quiz").first().getByRole("alert");
  await expect(alert).toContainText("This quiz could not be loaded");
  await expect(alert.locator("li")).toHaveText([
    'unknown layout "al", expected "one" or "all"',
    'unknown theme "darkk", expected "auto", "light" or "dark"',
  ]);
  await expect(page.locator("reader-quiz").first().locator(".rq-loading")).not.toBeAttached();
  expect(warnings.join("\n")).toContain('unknown layout "al"');
  // Names are read in any case, as HTML reads its own.
  const upper = page.locator("reader-quiz#upper");
  await upper.getByRole("button", { name: "Start the quiz" }).click();
  await expect(upper.locator("fieldset.rq-question")).toHaveCount(10);
  await expect(upper.locator(".rq-root")).toHaveAttribute("data-theme", "dark");
});

test("the theme asked for colours the opener, the loading message and a quiz that cannot load, not only the quiz", async ({ page }) => {
  await serve(
    page,
    "themed.html",
    quizPage(`<reader-quiz id="opener" src="questions.json" collapsed theme="Dark"></reader-quiz>
      <reader-quiz id="missing" src="missing.json" theme="dark"></reader-quiz>
      <reader-quiz id="broken" src="broken.json" theme="dark"></reader-quiz>`),
  );
  await page.route("**/missing.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await serve(page, "broken.json", "{");
  // The questions are held back, so that the loading message stays in sight.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/questions.json", async (route) => (await held, route.continue()));
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/themed.html");
  const dark = "rgb(22, 24, 26)";
  const opener = page.locator("reader-quiz#opener");
  await expect(opener.locator(".rq-root")).toHaveCSS("background-color", dark);
  await opener.getByRole("button", { name: "Take the quiz" }).click();
  await expect(opener.getByRole("status")).toHaveText("Loading the quiz…");
  await expect(opener.locator(".rq-root")).toHaveCSS("background-color", dark);
  release();
  await expect(opener.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  await expect(page.locator("reader-quiz#missing").getByRole("alert")).toHaveText("The questions file could not be loaded (HTTP 404).");
  await expect(page.locator("reader-quiz#missing .rq-root")).toHaveCSS("background-color", dark);
  await expect(page.locator("reader-quiz#broken").getByRole("alert")).toContainText("This quiz could not be loaded");
  await expect(page.locator("reader-quiz#broken .rq-root")).toHaveCSS("background-color", dark);
});

test("a collapsed quiz the reader opened stays open, at their question, when they reload the page", async ({ page }) => {
  await serve(page, "collapsed.html", quizPage(`<reader-quiz id="opened" src="questions.json" collapsed></reader-quiz>
    <reader-quiz id="closed" src="questions.json" collapsed></reader-quiz>`));
  await page.goto("/collapsed.html");
  const [opened, closed] = [page.locator("reader-quiz#opened"), page.locator("reader-quiz#closed")];
  await opened.getByRole("button", { name: "Take the quiz" }).click();
  await opened.getByRole("button", { name: "Start the quiz" }).click();
  const qid = await opened.locator("fieldset.rq-question").getAttribute("data-question");
  await opened.locator(`input[value="${correctIds(qid)[0]}"] + label`).click();
  await page.reload();
  await expect(opened.locator(`input[value="${correctIds(qid)[0]}"]`)).toBeChecked();
  await expect(opened.getByRole("button", { name: "Take the quiz" })).toHaveCount(0);
  // The other one, never opened, waits for the reader as before.
  await expect(closed.getByRole("button", { name: "Take the quiz" })).toBeVisible();
  await expect(closed.locator(".rq-title")).toHaveCount(0);
});

test("two quizzes on one page keep separate state and scores, also across a reload", async ({ page }) => {
  await serve(page, "two.html", quizPage('<reader-quiz src="questions.json"></reader-quiz><reader-quiz src="questions.json"></reader-quiz>'));
  await page.goto("/two.html");
  const [first, second] = [page.locator("reader-quiz").nth(0), page.locator("reader-quiz").nth(1)];
  await playThrough(first, { check: false });
  await second.getByRole("button", { name: "Start the quiz" }).click();
  const qid = await second.locator("fieldset.rq-question").getAttribute("data-question");
  await second.locator(`input[value="${correctIds(qid)[0]}"] + label`).click();
  await expect(second.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  await page.reload();
  await expect(first.locator(".rq-score")).toHaveText("You scored 5 out of 10 (50 %)");
  await expect(second.locator(".rq-progress-text")).toHaveText("Question 1 of 10");
  await expect(second.locator(`input[value="${correctIds(qid)[0]}"]`)).toBeChecked();
  const ids = await page.locator("reader-quiz input").evaluateAll((els) => els.map((e) => e.id));
  expect(new Set(ids).size).toBe(ids.length);
});

const STYLED = [".rq-root", ".rq-title", ".rq-intro-text", ".rq-source", ".rq-button"];
const PROPERTIES = [
  "fontSize",
  "lineHeight",
  "letterSpacing",
  "textTransform",
  "textAlign",
  "color",
  "backgroundColor",
  "paddingTop",
  "paddingLeft",
  "marginTop",
  "borderTopWidth",
  "borderTopStyle",
  "display",
];

async function quizStyles(page) {
  const element = page.locator("reader-quiz#main-quiz");
  await element.scrollIntoViewIfNeeded();
  await expect(element.locator(".rq-intro")).toBeVisible();
  return element.evaluate(
    (host, [selectors, properties]) =>
      Object.fromEntries(
        selectors.map((s) => {
          const style = getComputedStyle(host.shadowRoot.querySelector(s));
          return [s, Object.fromEntries(properties.map((p) => [p, style[p]]))];
        }),
      ),
    [STYLED, PROPERTIES],
  );
}

test("a hostile site stylesheet leaves the quiz's look and layout intact", async ({ page }) => {
  await page.goto("/demo.html");
  const normal = await quizStyles(page);
  await page.locator("reader-quiz#main-quiz").screenshot({ path: "test-results/screenshots/embed.png" });
  await page.goto("/demo.html?hostile");
  await expect(page.locator("link[href='hostile.css']")).toHaveCount(1);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe("32px");
  const hostile = await quizStyles(page);
  await page.locator("reader-quiz#main-quiz").screenshot({ path: "test-results/screenshots/embed-hostile.png" });
  expect(hostile).toEqual(normal);
  // The quiz still fills its container and nothing in it spills sideways.
  const fit = await page.locator("reader-quiz#main-quiz").evaluate((host) => {
    const root = host.shadowRoot.querySelector(".rq-root");
    return { host: host.getBoundingClientRect().width, root: root.getBoundingClientRect().width, overflow: root.scrollWidth - root.clientWidth };
  });
  expect(fit.root).toBeCloseTo(fit.host, 0);
  expect(fit.overflow).toBeLessThanOrEqual(0);
});

test("the element's attributes choose layout, theme and a collapsed start", async ({ page }) => {
  await serve(page, "attributes.html", quizPage(`<reader-quiz id="dark" src="questions.json" theme="dark" layout="all"></reader-quiz>
    <reader-quiz id="later" src="questions.json" collapsed label="Test yourself"></reader-quiz>`));
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/attributes.html");
  const dark = page.locator("reader-quiz#dark");
  await expect(dark.locator(".rq-root")).toHaveCSS("background-color", "rgb(22, 24, 26)");
  await dark.getByRole("button", { name: "Start the quiz" }).click();
  await expect(dark.locator("fieldset.rq-question")).toHaveCount(10);
  const questionFetches = requests.filter((p) => p.endsWith("questions.json")).length;
  expect(questionFetches).toBe(1);
  const later = page.locator("reader-quiz#later");
  await later.getByRole("button", { name: "Test yourself" }).click();
  await expect(later.locator(".rq-title")).toBeFocused();
  expect(requests.filter((p) => p.endsWith("questions.json")).length).toBe(2);
});
