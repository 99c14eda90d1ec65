// Cuts from the widget's JS glue wasm-bindgen's fallback for a WASM served under another type
// than application/wasm: its checks, its long warning and its second path (0.2 KB brotli).
// usage: node scripts/trim-glue.mjs DIR   (DIR holds wasm-bindgen's readable reader_quiz.js)
//
// The element never takes that path: it compiles the WASM itself, with its own fallback, and
// hands the glue the compiled module. A page that calls the glue's `init()` itself still gets the
// WASM streamed and instantiated, and a server that sends the wrong type gets the browser's own
// error rather than a slower load. If wasm-bindgen ever writes `__wbg_load` differently, the
// build stops here rather than ship a glue this script has not seen.
import { readFileSync, writeFileSync } from "node:fs";

const path = `${process.argv[2]}/reader_quiz.js`;
const glue = readFileSync(path, "utf8");
const start = glue.indexOf("async function __wbg_load(module, imports) {");
const end = glue.indexOf("\n}\n", start);
const found = start < 0 || end < 0 ? "" : glue.slice(start, end + 3);
const twice = glue.indexOf("async function __wbg_load(", start + 1) >= 0;
if (twice || !found.includes("Falling back to `WebAssembly.instantiate`")) {
  throw new Error(`${path}: wasm-bindgen's __wbg_load is not the one this script knows`);
}
const lean = `async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        return await WebAssembly.instantiateStreaming(module, imports);
    }
    const instance = await WebAssembly.instantiate(module, imports);
    return instance instanceof WebAssembly.Instance ? { instance, module } : instance;
}
`;
writeFileSync(path, glue.slice(0, start) + lean + glue.slice(start + found.length));
