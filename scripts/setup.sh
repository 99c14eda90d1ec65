# Installs what the build and tests need, skipping whatever is already there.
# Sourced by scripts/serve and scripts/test; safe to run again and again.

say() { printf '==> %s\n' "$*" >&2; }

# The wasm-bindgen version Cargo.lock pins; wasm-bindgen-cli must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

setup_build() {
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # std's source, which the release WASM is built from (see build_wasm).
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the rust-src component"
    rustup component add rust-src
  fi
  local want
  want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (about 1.5 min)"
    cargo install -q --force wasm-bindgen-cli --version "$want"
  fi
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack (about 1.5 min)"
    cargo install -q wasm-pack --locked
  fi
  command -v npm >/dev/null || apt_install nodejs npm
  # node_modules holds wasm-opt (npm's binaryen: Debian's is too old for wasm-bindgen), esbuild
  # (minifies the JS glue and bundles the custom element) and Playwright.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

setup_fuzz() {
  if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz (about 1.5 min)"
    cargo install -q cargo-fuzz --locked
  fi
}

setup_browser() {
  apt_install chromium chromium-driver
}

# Builds one release WASM and its JS glue: build_one CARGO_FLAGS DIRECTORY (under www/), optimized
# for size (native release builds are optimized for speed). std is rebuilt from source with
# panics that trap at once: no panic messages, locations or formatting code in the page (about
# 6 KB brotli), no source locations left for `unwrap_throw`'s messages either (48 bytes), and
# with std's own `optimize_for_size` feature: smaller, slower sorting, which a quiz of tens of
# questions never notices (0.6 KB brotli, measured when it also shrank number formatting, which
# the page now does by hand). That takes unstable flags, unlocked on the stable toolchain with
# RUSTC_BOOTSTRAP, and a target directory of its own so that other builds keep their cache.
# LLVM inlines small functions up to a cost of 30 rather than opt-level z's 5: fewer call sites
# and frames, 0.3 KB brotli less (22 to 35 alike; 15: 0.1 KB; 60 and up: larger than with 5).
# Before LLVM, rustc's own MIR inliner runs too (-Zinline-mir; opt-level z leaves it off), so
# LLVM starts from code with fewer small calls: 0.4 KB brotli less (its thresholds doubled: 0.4
# KB more; -Zmir-opt-level=3 saves the same, all of it from turning this inliner on).
# The JS glue is then minified with esbuild: wasm-bindgen writes it readable, with every doc
# comment (about 1.5 KB brotli). The JavaScript of the crate's own that it imports (the `inline_js`
# of src/web/dom.rs and src/web/app.rs, which wasm-bindgen writes under snippets/) is bundled into it, so that each build
# stays two files, its glue and its WASM. Its TypeScript types stay beside it in reader_quiz.d.ts. The
# headless build (`--features headless`) keeps its names, such as `QuizSession.name`, as
# publishers meet them in their debuggers; in the widget's glue that would cost 1.2 KB brotli. Last,
# the names the WASM imports its glue by, and wasm-bindgen's own exports, are shortened in both
# files (about 1.9 KB brotli).
build_one() {
  local out="www/${2:-pkg}"
  CARGO_TARGET_DIR=target/page RUSTC_BOOTSTRAP=1 CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Cllvm-args=-inline-threshold=30 -Zinline-mir" \
    wasm-pack --quiet build --release --target web --out-dir "$out" --out-name reader_quiz --no-pack . \
    -- -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size $1
  local keep_names=
  [[ $1 == *headless* ]] && keep_names=--keep-names
  esbuild --bundle --minify $keep_names --format=esm --log-level=warning --allow-overwrite \
    "$out/reader_quiz.js" --outfile="$out/reader_quiz.js"
  rm -r "$out/snippets"
  node scripts/shorten-names.mjs "$out" >/dev/null
}

# Builds the widget (www/pkg and www/reader-quiz.js, the custom element a page loads) and the
# headless API (www/pkg-headless). The widget leaves out the default `messages` feature, the
# wording of errors (4.2 KB brotli): for a broken questions file, its element loads the headless
# build, which has it, to say what is wrong and where.
build_wasm() {
  say "building the release WASM: the widget, then the headless API"
  build_one --no-default-features pkg
  build_one "--features headless" pkg-headless
  node scripts/build-element.mjs
}
