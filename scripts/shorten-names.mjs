// Gives every function the WASM imports from its JS glue, and every export of wasm-bindgen's own
// that only the glue calls, a short name, in both files.
// usage: node scripts/shorten-names.mjs DIR   (DIR holds reader_quiz_bg.wasm and reader_quiz.js)
//
// wasm-bindgen names each import after the Rust item plus a 16-digit hash, and the module
// "./reader_quiz_bg.js": about 60 bytes per import, written twice (the WASM's import section and
// the glue's import object), and the hashes do not compress. Its closure trampolines are
// exported under Rust paths of over 100 bytes, and its helpers as `__wbindgen_…`. The names
// mean nothing at run time: only the files must agree, so the WASM, the glue and the glue's
// TypeScript types are rewritten together. An import name not found exactly once in the glue,
// or an export name the glue mentions other than as `.NAME`, stops the build.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const dir = process.argv[2];
const wasmPath = `${dir}/reader_quiz_bg.wasm`;
const gluePath = `${dir}/reader_quiz.js`;
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");
const MODULE = "./reader_quiz_bg.js";
const SHORT_MODULE = "m";

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error(`${wasmPath}: a number runs past the end of the file`);
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);

// The name at `at` in the WASM, and where it ends.
function readName(at) {
  const [length, start] = readLeb(wasm, at);
  return [wasm.toString("utf8", start, start + length), start + length];
}

// A section with its id and size, around `entries` (each a Buffer).
function section(id, entries) {
  const payload = Buffer.concat(entries);
  return Buffer.concat([Buffer.from([id]), leb(payload.length), payload]);
}

// `text` as a pattern matching it exactly, not as part of a longer name.
const wholeName = (text) => new RegExp(`(?<![\\w$])${text.replace(/[^\w$]/g, "\\$&")}(?![\\w$])`, "g");

// Names a, b, …, z, A, …, Z, aa, ab, …: short, and valid as JS property names.
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let text = "";
  do {
    text = letters[n % letters.length] + text;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return text;
}

// Skips one import's description (after its names), returning where the next import starts.
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: // function: type index
      return readLeb(bytes, at)[1];
    case 0x01: // table: reference type, limits
      return limits(at + 1);
    case 0x02: // memory: limits
      return limits(at);
    case 0x03: // global: value type, mutability
      return at + 2;
    case 0x04: // tag: attribute, type index
      return readLeb(bytes, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

// wasm-bindgen's own exports, which only the glue calls: its helpers (`__wbindgen_malloc`, …)
// and the closure trampolines it names after Rust paths with crate hashes (over 100 bytes each).
// The page's API (`mount`, `memory`, …) keeps its names.
const INTERNAL_EXPORT = /^__wbindgen_|^__externref_|_[0-9a-f]{16}_/;
const exportRenames = new Map();

// The export section from `start` to `end` with wasm-bindgen's exports renamed; `renames` gets
// each old name and its new one.
function shortenExports(start, end, renames) {
  const [count, first] = readLeb(wasm, start);
  const entries = [leb(count)];
  let p = first;
  for (let i = 0; i < count; i++) {
    let field;
    [field, p] = readName(p);
    const [, next] = readLeb(wasm, p + 1); // after the kind, the index
    const description = wasm.subarray(p, next);
    p = next;
    if (!INTERNAL_EXPORT.test(field)) {
      entries.push(name(field), description);
      continue;
    }
    // The glue uses each as a property of the exports object, `.NAME`, or not at all. The
    // headless glue also keeps, as esbuild's `--keep-names` writes it (`__name(f, "NAME")`), the
    // name of the JS function that calls a trampoline: a label, not a use. Any other mention
    // left after the renaming stops the build.
    const short = `_${shortName(renames.size)}`;
    renames.set(field, short);
    glue = glue.replace(new RegExp(`\\.${field.replace(/[^\w$]/g, "\\$&")}(?![\\w$])`, "g"), `.${short}`);
    if (wholeName(field).test(glue.split(`,"${field}")`).join(""))) {
      throw new Error(`export ${field}: named in ${gluePath} other than as .${field}`);
    }
    entries.push(name(short), description);
  }
  if (p !== end) throw new Error("the export section did not parse to its end");
  return section(7, entries);
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a WebAssembly module`);
const parts = [wasm.subarray(0, 8)];
let at = 8;
let renamed = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  const end = start + size;
  if (end > wasm.length) throw new Error(`${wasmPath}: section ${id} runs past the end of the file`);
  if (id === 7) {
    parts.push(shortenExports(start, end, exportRenames));
    at = end;
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  const [count, first] = readLeb(wasm, start);
  const entries = [leb(count)];
  let p = first;
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = readName(p);
    [field, p] = readName(p);
    const description = p;
    p = skipDescription(wasm, p);
    if (module === MODULE) {
      const short = shortName(renamed++);
      // A key of the glue's import object: after its `{` or a `,`, before its `:`.
      const key = new RegExp(`(?<=[{,])${field.replace(/[^\w$]/g, "\\$&")}(?=:)`, "g");
      const found = glue.match(key)?.length ?? 0;
      if (found !== 1) throw new Error(`import ${field}: found ${found} times in ${gluePath}, expected once`);
      glue = glue.replace(key, short);
      entries.push(name(SHORT_MODULE), name(short), wasm.subarray(description, p));
    } else {
      entries.push(name(module), name(field), wasm.subarray(description, p));
    }
  }
  if (p !== end) throw new Error("the import section did not parse to its end");
  parts.push(section(2, entries));
  at = end;
}
const moduleKey = JSON.stringify(MODULE);
if (glue.split(moduleKey).length !== 2) throw new Error(`${gluePath} names ${MODULE} other than once`);
glue = glue.replace(moduleKey, SHORT_MODULE);
const shortened = Buffer.concat(parts);
// The rewritten module must still be valid WebAssembly, with every renamed import in place (the
// end-to-end tests then instantiate it against the glue).
const compiled = new WebAssembly.Module(shortened);
if (WebAssembly.Module.imports(compiled).filter((i) => i.module === SHORT_MODULE).length !== renamed) {
  throw new Error(`${wasmPath}: the shortened module does not import the ${renamed} renamed functions`);
}
const internal = WebAssembly.Module.exports(compiled).filter((e) => INTERNAL_EXPORT.test(e.name));
if (internal.length > 0) throw new Error(`${wasmPath}: export ${internal[0].name} kept its long name`);
writeFileSync(wasmPath, shortened);
writeFileSync(gluePath, glue);
// The types of the glue's `InitOutput` and of the WASM's exports name the exports too.
for (const types of [`${dir}/reader_quiz.d.ts`, `${dir}/reader_quiz_bg.wasm.d.ts`].filter(existsSync)) {
  let text = readFileSync(types, "utf8");
  for (const [field, short] of exportRenames) text = text.replace(wholeName(field), short);
  writeFileSync(types, text);
}
console.log(`shortened ${renamed} import and ${exportRenames.size} export names in ${dir}`);
