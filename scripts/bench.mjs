// The browser benchmark: the widget against a hand-written vanilla-JS quiz of the same questions,
// in headless Chromium, fresh browser (left to settle for a second) and no cache for every run,
// median of BENCH_RUNS (7), the two taking turns.
// usage: node scripts/bench.mjs BASE_URL   (scripts/bench builds, serves and calls this)
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://127.0.0.1:8124/";
const runs = Number(process.env.BENCH_RUNS ?? 7);
const subjects = {
  widget: {
    url: "bench/widget.html",
    files: ["reader-quiz.js", "pkg/reader_quiz_bg.wasm"],
  },
  vanilla: { url: "bench/vanilla.html", files: ["bench/vanilla.js", "bench/vanilla.css"] },
};
const launch = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

function bytes(files) {
  return files.map((file) => {
    const data = readFileSync(new URL(`../www/${file}`, import.meta.url));
    const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli };
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// Everything the benchmark asks of the page goes through the DevTools protocol: Playwright's own
// page.evaluate would first inject its helper script, about 0.55 MB of heap the page never had.
async function inPage(cdp, fn, ...args) {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
    expression: `(${fn})(...${JSON.stringify(args)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

async function measure(subject, rate) {
  const browser = await chromium.launch(launch);
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  // A fresh browser is still starting its own processes for a second or so; on a small machine
  // that work would land in the page's load and swing its times by 2x from run to run.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await page.goto(base + subject.url);
  const ready = await inPage(
    cdp,
    () =>
      new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error("no clickable button within 60 s")), 60_000);
        window.__whenReady.then((time) => {
          clearTimeout(timeout);
          resolve(time);
        });
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  const longTasks = await inPage(cdp, () => window.__longTasks);
  // The heap that stays: collected first, as a heap snapshot would be.
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const countNodes = () =>
    inPage(cdp, () => {
      const count = (root) => [...root.querySelectorAll("*")].reduce((n, e) => n + 1 + (e.shadowRoot ? count(e.shadowRoot) : 0), 0);
      return count(document);
    });
  const domNodes = await countNodes();
  const wasmMemory = await inPage(cdp, () => window.__wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
  // Click → next frame: from a click until the frame that shows its result has been rendered
  // (the task after that frame's animation callback), as INP counts it: the handler, then the
  // style, layout and paint the new screen needs. `target` is "input" (the first answer) or
  // a button's label.
  const clickToFrame = (target) =>
    inPage(
      cdp,
      (target) =>
        new Promise((resolve, reject) => {
          const host = document.querySelector("reader-quiz");
          const root = host ? host.shadowRoot : document;
          const element =
            target === "input"
              ? root.querySelector("input")
              : [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === target);
          if (!element) return reject(new Error(`nothing to click: ${target}`));
          const t0 = performance.now();
          element.click();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
        }),
      target,
    );
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  // The first click (Start) also pays for compiling the question code and for the first style
  // of form controls; later clicks are timed apart: three rounds of answer, check, next.
  const firstClick = await clickToFrame("Start the quiz");
  await pause();
  const domNodesQuestion = await countNodes();
  const later = [];
  for (let round = 0; round < 3; round++) {
    for (const target of ["input", "Check answer", "Next question"]) {
      later.push(await clickToFrame(target));
      await pause();
    }
  }
  await browser.close();
  return {
    ready,
    longTasks: longTasks.filter((d) => d > 50).length,
    heap: usedSize,
    wasmMemory,
    domNodes,
    domNodesQuestion,
    firstClick,
    laterClicks: median(later),
    requests: requests.filter((p) => !/\.html$|ready\.js$|questions\.json$/.test(p)).length,
  };
}

// The widget and the vanilla page take turns, run by run: a shared machine can slow down or speed
// up by 2x within minutes, and turns slow both alike. The ratio, the headline, is taken pair by
// pair (each widget run against the vanilla run beside it), then its median.
const samples = Object.fromEntries(Object.keys(subjects).map((name) => [name, { x1: [], x4: [] }]));
for (const rate of [1, 4]) {
  for (let i = 0; i < runs; i++) {
    for (const [name, subject] of Object.entries(subjects)) samples[name][`x${rate}`].push(await measure(subject, rate));
  }
}
const results = { runs, date: new Date().toISOString(), subjects: {} };
for (const [name, subject] of Object.entries(subjects)) {
  const sizes = bytes(subject.files);
  const entry = { sizes, total: Object.fromEntries(["raw", "gzip", "brotli"].map((k) => [k, sizes.reduce((n, s) => n + s[k], 0)])) };
  for (const [rate, runsAt] of Object.entries(samples[name])) {
    entry[rate] = Object.fromEntries(Object.keys(runsAt[0]).map((key) => [key, median(runsAt.map((s) => s[key]))]));
  }
  results.subjects[name] = entry;
}
const { widget, vanilla } = results.subjects;
const ratios = (rate) => samples.widget[rate].map((run, i) => run.ready / samples.vanilla[rate][i].ready);
results.ratio = { x1: median(ratios("x1")), x4: median(ratios("x4")) };
results.ratioRange = { x1: [Math.min(...ratios("x1")), Math.max(...ratios("x1"))], x4: [Math.min(...ratios("x4")), Math.max(...ratios("x4"))] };

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;
console.log(`\nBytes the widget adds (${widget.sizes.length} requests):`);
for (const s of [...widget.sizes, ...vanilla.sizes]) console.log(`  ${s.file.padEnd(28)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}`);
console.log(`\n| median of ${runs} | widget | vanilla |`);
console.log("| --- | --- | --- |");
const row = (label, f) => console.log(`| ${label} | ${f(widget)} | ${f(vanilla)} |`);
row("bytes, brotli", (s) => kb(s.total.brotli));
row("first button clickable", (s) => ms(s.x1.ready));
row("first button clickable, 4× CPU throttle", (s) => ms(s.x4.ready));
row("long tasks (> 50 ms) at 4×", (s) => String(s.x4.longTasks));
row("click → next frame at 4×, first click (Start)", (s) => ms(s.x4.firstClick));
row("click → next frame at 4×, later clicks (median)", (s) => ms(s.x4.laterClicks));
row("JS heap", (s) => kb(s.x1.heap));
row("WASM memory", (s) => kb(s.x1.wasmMemory));
row("DOM nodes, intro", (s) => String(s.x1.domNodes));
row("DOM nodes, first question", (s) => String(s.x1.domNodesQuestion));
const ratio = (rate) => `${results.ratio[rate].toFixed(2)} (runs ${results.ratioRange[rate].map((r) => r.toFixed(2)).join("–")})`;
console.log(`\nratio widget / vanilla, first button clickable, median of ${runs} paired runs: ${ratio("x1")}; 4×: ${ratio("x4")}`);
mkdirSync(new URL("../test-results", import.meta.url), { recursive: true });
writeFileSync(new URL("../test-results/bench.json", import.meta.url), JSON.stringify(results, null, 2));
