// Every reader: WCAG 2.2 AA checks on every screen in both themes, the accessibility tree,
// target sizes, reflow at 320 px and 200 % zoom, right-to-left layout, languages, comforts.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { byId, checkWrongAnswer, correctIds, currentQuestion, noHorizontalScroll, quiz, quizPage, serve, skipToResult } from "./common.js";

/** axe-core on the whole page (shadow roots included), WCAG 2.0–2.2 A and AA. */
async function axe(page, screen) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const found = results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}): ${v.nodes[0].failureSummary}`);
  expect(found).toEqual([]);
}

for (const colorScheme of ["light", "dark"]) {
  test(`every screen passes axe-core in the ${colorScheme} theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator(".rq-intro")).toBeVisible();
    await axe(page, "intro");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await axe(page, "question");
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.locator(".rq-error-message")).toBeVisible();
    await axe(page, "question with the missing-answer message");
    await checkWrongAnswer(page);
    await axe(page, "revealed");
    await skipToResult(page);
    await axe(page, "result");
    await serve(page, "questions.json", "{");
    await page.goto("/");
    await expect(page.getByRole("alert")).toBeVisible();
    await axe(page, "error");
    await context.close();
  });
}

/** Every node of the accessibility tree (through CDP), flattened. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? "" }));
}

test("every control in the accessibility tree has the right role and a name", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const qid = await currentQuestion(page);
  const question = byId.get(qid);
  let tree = await axTree(page);
  const role = question.kind === "single" ? "radio" : "checkbox";
  const choices = tree.filter((n) => n.role === role);
  expect(choices.map((n) => n.name).sort()).toEqual(question.choices.map((c) => c.text).sort());
  const group = tree.find((n) => n.role === (question.kind === "single" ? "radiogroup" : "group") || n.role === "group");
  // Its number, shown in the progress line, is said before the prompt.
  expect(group?.name).toBe(`Question 1 ${question.prompt}`);
  expect(tree.filter((n) => n.role === "button").map((n) => n.name).sort()).toEqual(["Check answer", "Next question"]);
  expect(tree.find((n) => n.role === "progressbar")?.name).toBe("Question 1 of 10");
  expect(tree.some((n) => n.role === "status")).toBe(true);
  await page.locator(`input[value="${correctIds(qid)[0]}"] + label`).click();
  await page.getByRole("button", { name: "Check answer" }).click();
  tree = await axTree(page);
  const interactive = tree.filter((n) => ["button", "link", "radio", "checkbox"].includes(n.role));
  for (const node of interactive) expect(node.name.trim(), `${node.role} without a name`).not.toBe("");
  expect(tree.some((n) => n.role === "link" && n.name === "Read the passage in the article")).toBe(true);
});

test("focus follows the reader and is never dropped to the page", async ({ page }) => {
  const deepFocus = () =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === document.body ? "body" : `${active.localName}.${active.className}`;
    });
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  expect(await deepFocus()).toBe("legend.rq-legend");
  await page.getByRole("button", { name: "Check answer" }).click();
  expect(await deepFocus()).toBe("legend.rq-legend");
  await page.locator("fieldset.rq-question input").first().check({ force: true });
  await page.getByRole("button", { name: "Check answer" }).click();
  expect(await deepFocus()).toMatch(/^div\.rq-feedback/);
  await page.getByRole("button", { name: "Next question" }).click();
  expect(await deepFocus()).toBe("legend.rq-legend");
  await page.getByRole("button", { name: "Back" }).click();
  expect(await deepFocus()).toBe("legend.rq-legend");
  await skipToResult(page);
  expect(await deepFocus()).toBe("h2.rq-title");
  await page.getByRole("button", { name: "Try again" }).click();
  expect(await deepFocus()).toBe("legend.rq-legend");
});

test("the quiz's text follows the reader's default font size, as the article's does", async ({ page }) => {
  // What the browser's "font size" setting changes, for readers who need larger text.
  const browser = await page.context().newCDPSession(page);
  await browser.send("Page.setFontSizes", { fontSizes: { standard: 24 } });
  await page.goto("/demo.html");
  const quiz = page.locator("reader-quiz");
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator(".rq-intro")).toBeVisible();
  const size = (locator) => locator.evaluate((element) => getComputedStyle(element).fontSize);
  expect(await size(page.locator("html"))).toBe("24px");
  expect(await size(quiz.locator(".rq-root"))).toBe("24px");
});

test("every input and button is at least 24 by 24 CSS pixels", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await checkWrongAnswer(page);
  const sizes = await page.locator("reader-quiz").evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("input, button, label")].map((e) => {
      const box = e.getBoundingClientRect();
      return { what: `${e.localName} ${e.textContent.slice(0, 20)}`, width: box.width, height: box.height };
    }),
  );
  expect(sizes.length).toBeGreaterThan(5);
  for (const size of sizes) {
    expect(size.width, size.what).toBeGreaterThanOrEqual(24);
    expect(size.height, size.what).toBeGreaterThanOrEqual(24);
  }
});

for (const [name, options] of [
  ["at 320 CSS px", { viewport: { width: 320, height: 640 } }],
  ["at 200 % zoom", { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
]) {
  test(`the whole flow reflows without horizontal scrolling ${name}`, async ({ browser }) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto("/");
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: "Start the quiz" }).click();
    for (let n = 1; n <= 10; n++) {
      const qid = await currentQuestion(page);
      await page.locator(`input[value="${correctIds(qid)[0]}"] + label`).click();
      await page.getByRole("button", { name: "Check answer" }).click();
      await noHorizontalScroll(page);
      await page.getByRole("button", { name: n < 10 ? "Next question" : "See my result" }).click();
    }
    await noHorizontalScroll(page);
    await context.close();
  });
}

test("right and wrong are told by icon and words, not colour alone", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await checkWrongAnswer(page);
  await expect(page.locator(".rq-choice-wrong .rq-mark")).toHaveText("✗ Your answer: incorrect");
  await expect(page.locator(".rq-choice-correct .rq-mark").first()).toHaveText(/^✓ Correct answer/);
  await expect(page.locator(".rq-feedback-title")).toHaveText("✗ Incorrect");
});

test("on a right-to-left page the quiz keeps its interface's direction, and mirrors for a right-to-left one", async ({ page }) => {
  const viewport = '<meta name="viewport" content="width=device-width">';
  await serve(page, "rtl.html", quizPage('<reader-quiz src="questions.json"></reader-quiz>', { lang: "he", dir: "rtl", head: viewport }));
  await page.goto("/rtl.html");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  // English, left to right: "0 of 1 point" must not come out as "of 1 point 0".
  await expect(page.locator(".rq-root")).toHaveAttribute("dir", "ltr");
  await expect(page.locator(".rq-root")).toHaveCSS("direction", "ltr");
  await checkWrongAnswer(page);
  await expect(page.locator(".rq-points")).toHaveCSS("direction", "ltr");
  // The layout is in logical CSS: a right-to-left table (none ships yet) mirrors it.
  await page.locator(".rq-root").evaluate((root) => root.setAttribute("dir", "rtl"));
  const [input, label] = await Promise.all([
    page.locator(".rq-choice input").first().boundingBox(),
    page.locator(".rq-choice label").first().boundingBox(),
  ]);
  expect(input.x).toBeGreaterThan(label.x);
  expect(await page.locator(".rq-feedback").evaluate((e) => getComputedStyle(e).borderRightWidth)).toBe("4px");
  expect(await page.locator(".rq-feedback").evaluate((e) => getComputedStyle(e).borderLeftWidth)).toBe("0px");
  await noHorizontalScroll(page);
});

for (const [lang, expected] of [
  ["ru", { start: "Начать тест", count: "10 вопросов", progress: "Вопрос 1 из 10", check: "Проверить ответ", heading: "Ваш результат" }],
  ["hy", { start: "Սկսել վիկտորինան", count: "10 հարց", progress: "Հարց 1՝ 10-ից", check: "Ստուգել պատասխանը", heading: "Ձեր արդյունքը" }],
]) {
  test(`the ${lang} quiz speaks ${lang} throughout`, async ({ page }) => {
    await page.goto(`/embed.html?src=questions.${lang}.json`);
    await expect(page.locator(".rq-root")).toHaveAttribute("lang", lang);
    await expect(page.locator(".rq-count")).toHaveText(expected.count);
    await page.getByRole("button", { name: expected.start }).click();
    await expect(page.locator(".rq-progress-text")).toHaveText(expected.progress);
    await page.locator("fieldset.rq-question input").first().check({ force: true });
    await page.getByRole("button", { name: expected.check }).click();
    await expect(page.locator(".rq-feedback")).toBeFocused();
    const translated = JSON.parse(readFileSync(new URL(`../../questions.${lang}.json`, import.meta.url), "utf8"));
    const qid = await currentQuestion(page);
    await expect(page.locator(".rq-prompt")).toHaveText(translated.questions.find((q) => q.id === qid).prompt);
    for (let n = 1; n < 10; n++) await page.locator('button[data-action="next"]').click();
    await page.locator('button[data-action="finish"]').click();
    await expect(page.getByRole("heading", { name: expected.heading })).toBeFocused();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
}

test("the result can be shared, or copied as a link where the browser cannot share", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.addInitScript(() => {
    if (location.search.includes("share")) {
      navigator.share = (data) => {
        window.__shared = data;
        return Promise.resolve();
      };
    } else {
      delete Navigator.prototype.share;
    }
  });
  await page.goto("/?share");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.getByRole("button", { name: "Check answer" }).click();
  await skipToResult(page);
  await page.getByRole("button", { name: "Share my result" }).click();
  expect(await page.evaluate(() => window.__shared)).toEqual({
    title: quiz.title,
    text: `I scored 0 out of 10 (0 %) in the quiz “${quiz.title}”.`,
    url: quiz.source.url,
  });
  // A reader who closes the share sheet is told nothing; a share the page may not make (a
  // frame without allow="web-share", say) shows the link, to copy by hand.
  await page.evaluate(() => {
    navigator.share = () => Promise.reject(new DOMException("closed", "AbortError"));
  });
  await page.getByRole("button", { name: "Share my result" }).click();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await expect(page.locator(".rq-share-status")).toHaveText("");
  await page.evaluate(() => {
    navigator.share = () => Promise.reject(new DOMException("not allowed", "NotAllowedError"));
  });
  await page.getByRole("button", { name: "Share my result" }).click();
  await expect(page.locator(".rq-share-status")).toHaveText(`That did not work. The link is: ${quiz.source.url}`);
  // The same result, saved, where the browser cannot share.
  await page.goto("/");
  await page.getByRole("button", { name: "Copy a link to my result" }).click();
  // Said under the buttons, where a sighted reader sees it, in a live region of its own.
  const said = page.getByRole("status").filter({ hasText: "Link copied." });
  await expect(said).toBeVisible();
  await expect(said).toHaveClass("rq-share-status");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`I scored 0 out of 10 (0 %) in the quiz “${quiz.title}”. ${quiz.source.url}`);
  // A clipboard that refuses: the link is shown, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error("refused"));
  });
  await page.getByRole("button", { name: "Copy a link to my result" }).click();
  await expect(page.locator(".rq-share-status")).toBeVisible();
  await expect(page.locator(".rq-share-status")).toContainText(quiz.source.url);
  // Trying again starts afresh: nothing said about the last attempt stays.
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("status").filter({ hasText: /link/i })).toHaveCount(0);
  await context.close();
});

test("printing shows every question of the attempt with its answer, and no controls", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const printed = page.locator(".rq-print");
  await expect(printed).toBeVisible();
  await expect(printed.locator("fieldset.rq-question")).toHaveCount(10);
  await expect(printed.locator(".rq-explanation")).toHaveCount(10);
  const marked = await printed.locator(".rq-choice-correct").count();
  expect(marked).toBeGreaterThanOrEqual(10);
  await expect(page.locator(".rq-screen")).toBeHidden();
  await expect(page.locator(".rq-print button")).toHaveCount(0);
  await page.pdf({ path: "test-results/screenshots/printout.pdf" });
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(printed).toBeEmpty();
  await expect(page.locator(".rq-screen")).toBeVisible();
});

test("a printout is dark on white and numbers its questions, whatever the reader's theme", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const printed = page.locator(".rq-print");
  await expect(printed.locator(".rq-number").first()).toHaveText("Question 1");
  await expect(printed.locator(".rq-number").last()).toHaveText("Question 10");
  // The light theme's muted grey and green, not the dark theme's pale ones (1.7:1 on paper).
  await expect(printed.locator(".rq-points").first()).toHaveCSS("color", "rgb(80, 90, 95)");
  await expect(printed.locator(".rq-mark-correct, .rq-mark-missed").first()).toHaveCSS("color", "rgb(0, 112, 60)");
  await context.close();
});

test("after Next, the question comes into view below its progress line, and its legend says its number", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (const n of [2, 3]) {
    await page.getByRole("button", { name: "Next question" }).click();
    const legend = page.locator("fieldset.rq-question legend");
    await expect(legend).toBeFocused();
    await expect(page.locator(".rq-progress-text")).toHaveText(`Question ${n} of 10`);
    await expect(page.locator(".rq-progress-text")).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("group", { name: new RegExp(`^Question ${n} `) })).toBeVisible();
  }
});

test("what the quiz focuses for the reader is no control, and has no focus ring", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start the quiz" }).focus();
  await page.keyboard.press("Enter");
  const legend = page.locator("fieldset.rq-question legend");
  await expect(legend).toBeFocused();
  await expect(legend).toHaveCSS("outline-style", "none");
  await expect(legend).toHaveCSS("box-shadow", "none");
});

test("nothing moves for readers who ask for reduced motion", async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto("/");
  const transition = await page.locator(".rq-button").first().evaluate((e) => getComputedStyle(e).transitionDuration);
  expect(transition).toBe("0s");
  await context.close();
});

/** WCAG relative luminance contrast of two `rgb(r, g, b)` colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.match(/\d+/g).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ["light", "dark"]) {
  test(`the keyboard focus ring contrasts at least 3:1 with the quiz background (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator(".rq-intro")).toBeVisible();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await page.locator('button[data-action="start"]').evaluate((b) => b.matches(":focus-visible"))) break;
    }
    const ring = await page.locator('button[data-action="start"]').evaluate((button) => {
      const style = getComputedStyle(button);
      const root = getComputedStyle(button.closest(".rq-root"));
      return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow, background: root.backgroundColor };
    });
    expect(ring.outline).toBe("solid");
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    // The ring is a dark (or, in dark mode, light) band inside a yellow one: the band must contrast.
    const band = ring.shadow.match(/rgba?\([^)]*\)/)[0];
    expect(contrast(band, ring.background)).toBeGreaterThanOrEqual(3);
    await context.close();
  });
}
