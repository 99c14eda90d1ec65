// Loads the WASM and the questions file, then mounts the quiz.
// ?src=other.json previews another questions file; ?layout=all shows every question at once.
import init, { mount, mountError } from "./pkg/reader_quiz.js";

const host = document.getElementById("quiz");
const params = new URLSearchParams(location.search);
const src = params.get("src") ?? host.dataset.src;
const layout = params.get("layout") ?? host.dataset.layout;

const questions = fetch(src).then((response) => {
  if (!response.ok) throw new Error(`${src} could not be loaded (HTTP ${response.status})`);
  return response.text();
});

try {
  await init();
} catch (error) {
  host.textContent = "This quiz could not be loaded: the browser could not start its WebAssembly.";
  throw error;
}

let text;
try {
  text = await questions;
} catch (error) {
  mountError(host, error.message);
  throw error;
}
// A broken file shows its problems in place of the quiz; mount also throws them.
mount(host, text, { layout });
