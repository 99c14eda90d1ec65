// Scoring throughput natively and as WebAssembly (the same example, examples/throughput.rs, built
// for the host and for wasm32-wasip1 and run under Node's WASI). Prints a table and writes
// test-results/bench-scoring.json. usage: node scripts/bench-scoring.mjs   (scripts/bench calls it)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const cargo = (...args) => execFileSync("cargo", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const native = JSON.parse(cargo("run", "-q", "--release", "--example", "throughput"));
cargo("build", "-q", "--release", "--example", "throughput", "--target", "wasm32-wasip1");
// The WASM runs in a child Node: its WASI writes the JSON line to the child's stdout.
const runWasi = `
  import { readFileSync } from "node:fs";
  import { WASI } from "node:wasi";
  const wasi = new WASI({ version: "preview1" });
  const module = await WebAssembly.compile(readFileSync(process.argv[1]));
  wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
`;
const wasm = join(root, "target/wasm32-wasip1/release/examples/throughput.wasm");
const webassembly = JSON.parse(
  execFileSync("node", ["--no-warnings", "--input-type=module", "-e", runWasi, wasm], { encoding: "utf8" }),
);

const rows = Object.keys(native).map((policy) => ({
  policy,
  native: native[policy],
  wasm: webassembly[policy],
  slowdown: native[policy] / webassembly[policy],
}));
const millions = (n) => (n / 1e6).toFixed(1).padStart(8);
console.log("\nScoring throughput, Quiz::score_totals, 10,000 responses per call (million responses/s):");
console.log(`${"policy".padEnd(16)} ${"native".padStart(8)} ${"WASM".padStart(8)}  native/WASM`);
for (const r of rows) console.log(`${r.policy.padEnd(16)} ${millions(r.native)} ${millions(r.wasm)}  ${r.slowdown.toFixed(2)}×`);
mkdirSync(join(root, "test-results"), { recursive: true });
writeFileSync(join(root, "test-results/bench-scoring.json"), JSON.stringify({ node: process.version, rows }, null, 2) + "\n");
