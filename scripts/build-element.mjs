// Builds www/reader-quiz.js, the script a page loads, from www/src/reader-quiz.js, its styles
// (www/src/quiz.css) and the widget's JS glue (www/pkg/reader_quiz.js, so build it first): one
// minified ES module, the styles inlined as minified text.
// usage: node scripts/build-element.mjs   (build_wasm in scripts/setup.sh runs it)
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const www = new URL("../www/", import.meta.url);

// quiz.css arrives in the script as a string, minified first.
const minifiedCssText = {
  name: "minified-css-text",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => ({
      contents: (await transform(await readFile(path, "utf8"), { loader: "css", minify: true })).code,
      loader: "text",
    }));
  },
};

await build({
  entryPoints: [fileURLToPath(new URL("src/reader-quiz.js", www))],
  outfile: fileURLToPath(new URL("reader-quiz.js", www)),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  // Its Armenian and Russian texts as UTF-8 (a module script is always read as UTF-8), not as
  // \uXXXX escapes: 1.1 KB fewer raw bytes and 56 fewer brotli bytes (gzip, 57 more).
  charset: "utf8",
  logLevel: "warning",
  plugins: [minifiedCssText],
});
