#!/usr/bin/env bash
# Followback build script: builds the Rust core to WebAssembly, assembles the
# extension in dist/, zips it, and (with `test`) runs every check.
#
#   ./build.sh          build dist/ and followback-<version>.zip
#   ./build.sh test     build, then cargo fmt --check, clippy, cargo test, unit tests, tsc, browser tests (Chromium, then Firefox), web-ext lint
#   ./build.sh e2e      build, then the browser tests only (Chromium, then Firefox)
#   ./build.sh bench    build, then print speed and size figures (`<name> <value> <unit>` per line)
#   ./build.sh fuzz     fuzzing: proptest (PROPTEST_CASES, default 20000), then cargo-fuzz on nightly (FUZZ_RUNS per target, default 100000)
#   ./build.sh eval DIR...  ranking figures on labelled folders (users.jsonl, labels.jsonl, now.txt)
#
# Tools are installed only when missing, and only from package registries
# (rustup's target, crates.io, npm, Debian apt). No browser download, ever.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

DIST="$ROOT/dist"
TARGET=wasm32-unknown-unknown
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nbuild.sh: error: %s\n' "$*" >&2; exit 1; }

trap 'code=$?; if [ $code -ne 0 ]; then printf "\nbuild.sh: failed (exit %s) during: %s\n" "$code" "${CURRENT_STEP:-start}" >&2; fi' EXIT

run_step() {
    CURRENT_STEP="$1"
    step "$1"
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail "$1 is required but not installed ($2)"
}

# --- tools ------------------------------------------------------------------

wasm_bindgen_version() {
    # The exact version pinned in Cargo.toml (`wasm-bindgen = "=X"`), else Cargo.lock.
    local v
    v="$(sed -n 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*"=\{0,1\}\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
    if [ -z "$v" ] && [ -f Cargo.lock ]; then
        v="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
    fi
    [ -n "$v" ] || fail "could not find the wasm-bindgen version in Cargo.toml or Cargo.lock"
    printf '%s' "$v"
}

ensure_rust() {
    run_step "Checking the Rust toolchain"
    need cargo "install Rust with rustup: https://rustup.rs"
    if command -v rustup >/dev/null 2>&1; then
        if ! rustup target list --installed | grep -qx "$TARGET"; then
            step "Adding the $TARGET target"
            rustup target add "$TARGET"
        fi
    else
        rustc --print target-list >/dev/null 2>&1 || true
        echo "rustup not found; assuming the $TARGET standard library is installed"
    fi
    local want have
    want="$(wasm_bindgen_version)"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" != "$want" ]; then
        step "Installing wasm-bindgen-cli $want (found: ${have:-none})"
        cargo install wasm-bindgen-cli --version "=$want" --force
        have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
        [ "$have" = "$want" ] || fail "wasm-bindgen $want was installed but \`wasm-bindgen --version\` says '${have:-nothing}'; is ~/.cargo/bin on PATH?"
    fi
    echo "cargo $(cargo --version | awk '{print $2}'), wasm-bindgen $have, target $TARGET"
}

# Installs a Debian browser package when its binary is missing (apt only: no
# browser is ever downloaded from anywhere else).
ensure_apt_browser() {
    local name="$1" binary="$2" package="$3" env_name="$4"
    run_step "Checking $name for the browser tests"
    if [ ! -x "$binary" ]; then
        command -v apt-get >/dev/null 2>&1 || fail "$binary is missing and apt-get is not available; install $name (Debian package '$package') or set $env_name=/path/to/it"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        step "Installing Debian's $package (apt-get)"
        $sudo apt-get update || fail "apt-get update failed"
        $sudo apt-get install -y "$package" || fail "apt-get install $package failed"
    fi
    [ -x "$binary" ] || fail "$name not found at $binary"
    echo "using $binary ($("$binary" --version 2>/dev/null || echo 'version unknown'))"
}

ensure_chromium() {
    ensure_apt_browser Chromium "$CHROMIUM" chromium CHROMIUM
}

ensure_firefox() {
    ensure_apt_browser "Firefox ESR" "$FIREFOX" firefox-esr FIREFOX
}

ensure_node_modules() {
    run_step "Checking the browser-test dependencies (tests/node_modules)"
    need node "install Node.js 20 or newer"
    need npm "install npm"
    local lock="tests/package-lock.json" stamp="tests/node_modules/.package-lock.json"
    [ -f "$lock" ] || fail "$lock is missing"
    # npm writes node_modules/.package-lock.json on install; reinstall when the lock is newer.
    if [ ! -d tests/node_modules ] || [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
        step "npm ci in tests/"
        (cd tests && npm ci --no-audit --no-fund) || fail "npm ci failed in tests/"
    else
        echo "tests/node_modules is up to date"
    fi
}

# --- build ------------------------------------------------------------------

manifest_version() {
    node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync("manifest.json","utf8")).version)' 2>/dev/null \
        || python3 -c 'import json;print(json.load(open("manifest.json"))["version"],end="")' \
        || fail "could not read the version from manifest.json"
}

build_wasm() {
    run_step "Compiling the Rust core to WebAssembly (cargo build --profile wasm --target $TARGET)"
    cargo build --lib --profile wasm --target "$TARGET"
    local wasm="target/$TARGET/wasm/followback.wasm"
    [ -f "$wasm" ] || fail "$wasm was not produced"
    run_step "Generating JavaScript bindings and TypeScript declarations (wasm-bindgen --target web)"
    rm -rf "$DIST/core"
    mkdir -p "$DIST/core"
    # followback.d.ts (the exports and their data, declared in src/boundary.rs) is
    # for the tsc check, not the package: it goes to target/types/core, which
    # extension/jsconfig.json overlays on extension/ (rootDirs).
    wasm-bindgen --target web --experimental-reset-state-function --remove-name-section --remove-producers-section --out-dir "$DIST/core" --out-name followback "$wasm"
    rm -rf "$ROOT/target/types/core"
    mkdir -p "$ROOT/target/types/core"
    mv "$DIST/core/"*.d.ts "$ROOT/target/types/core/"
}

assemble() {
    run_step "Assembling dist/"
    [ -f manifest.json ] || fail "manifest.json is missing"
    [ -d extension ] || fail "extension/ is missing"
    # Keep dist/core (just built); replace everything else.
    find "$DIST" -mindepth 1 -maxdepth 1 ! -name core -exec rm -rf {} +
    cp manifest.json "$DIST/manifest.json"
    cp -R extension/. "$DIST/"
    # Source-only helpers (the icon generator) stay out of the package.
    find "$DIST" -name '*.py' -delete
    # TypeScript declarations and the tsc config are for the check only.
    find "$DIST" \( -name '*.d.ts' -o -name 'jsconfig.json' \) -delete
    bundle_content_script
    echo "dist/: $(find "$DIST" -type f | wc -l) files, core $(wc -c <"$DIST/core/followback_bg.wasm") bytes of wasm"
}

# The content script's ES modules become one classic script: MV3 content
# scripts cannot be modules, and a bundle needs no web_accessible_resources
# (which would let any page detect the extension) and no dynamic import().
bundle_content_script() {
    run_step "Bundling the content script (esbuild)"
    local esbuild="tests/node_modules/.bin/esbuild"
    [ -x "$esbuild" ] || fail "$esbuild is missing (npm ci in tests/ should have installed it)"
    # The module files stay too: extension pages (options, audit) import some of
    # them; without web_accessible_resources no web page can load them.
    rm -f "$DIST/content/entry.js"
    "$esbuild" extension/content/entry.js --bundle --format=iife --charset=utf8 \
        --target=chrome120,firefox128 --log-level=warning --legal-comments=none \
        --outfile="$DIST/content/content.js"
}

package_zip() {
    run_step "Packaging"
    local version zipfile
    version="$(manifest_version)"
    zipfile="$ROOT/followback-$version.zip"
    rm -f "$zipfile"
    if command -v zip >/dev/null 2>&1; then
        (cd "$DIST" && zip -qr -X "$zipfile" .)
    else
        python3 - "$DIST" "$zipfile" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for base, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            z.write(path, os.path.relpath(path, src))
PY
    fi
    echo "wrote $(basename "$zipfile")"
}

build() {
    ensure_rust
    ensure_node_modules
    build_wasm
    assemble
    package_zip
}

# --- checks -----------------------------------------------------------------

rust_checks() {
    run_step "cargo fmt --check"
    cargo fmt --check
    run_step "cargo clippy --all-targets -- -D warnings"
    cargo clippy --all-targets -- -D warnings
    run_step "cargo clippy --lib --target $TARGET -- -D warnings (the wasm exports)"
    cargo clippy --lib --target "$TARGET" -- -D warnings
    run_step "cargo test"
    cargo test
}

unit_tests() {
    ensure_node_modules
    run_step "Unit tests without a browser (node --test tests/unit/: message table, storage keys)"
    (cd tests && npm run --silent unit)
}

type_check() {
    ensure_node_modules
    run_step "Type check of the extension's JavaScript (tsc --noEmit, extension/jsconfig.json)"
    [ -f "$ROOT/target/types/core/followback.d.ts" ] || fail "target/types/core/followback.d.ts is missing (wasm-bindgen should emit it)"
    tests/node_modules/.bin/tsc --noEmit -p extension/jsconfig.json || fail "tsc found type errors (see above)"
}

browser_tests() {
    ensure_chromium
    ensure_node_modules
    run_step "Browser end-to-end tests (node --test in tests/)"
    (cd tests && CHROMIUM="$CHROMIUM" npm test)
}

firefox_tests() {
    ensure_firefox
    ensure_node_modules
    run_step "Firefox end-to-end tests (puppeteer-core over WebDriver BiDi, node --test in tests/firefox)"
    (cd tests && FIREFOX="$FIREFOX" npm run test:firefox)
}

firefox_lint() {
    ensure_node_modules
    run_step "Firefox lint (web-ext lint on dist/: errors fail the build, warnings are printed)"
    # web-ext comes from tests/node_modules (pinned in tests/package.json); it
    # downloads nothing and starts no browser for `lint`.
    (cd tests && NO_UPDATE_NOTIFIER=1 npx --no-install web-ext lint --source-dir "$DIST" --self-hosted --boring --no-input) \
        || fail "web-ext lint found errors in dist/ (see above)"
}

# --- main -------------------------------------------------------------------

cmd="${1:-build}"
case "$cmd" in
    build | "")
        build
        ;;
    test)
        build
        rust_checks
        unit_tests
        type_check
        browser_tests
        firefox_tests
        firefox_lint
        ;;
    e2e)
        build
        browser_tests
        firefox_tests
        ;;
    bench)
        # Speed and size figures, one `<name> <value> <unit>` per line
        # (native: examples/bench.rs; wasm and sizes: tests/bench/wasm.mjs;
        # browser: tests/bench/browser.mjs). Collected in target/bench/figures.txt.
        build
        bench_dir="$ROOT/target/bench"
        mkdir -p "$bench_dir"
        run_step "Native figures (cargo run --release --example bench)"
        cargo run --quiet --release --example bench -- --write-pages "$bench_dir/pages" \
            | tee "$bench_dir/native.txt"
        run_step "Wasm and size figures (node tests/bench/wasm.mjs)"
        need node "install Node.js 20 or newer"
        node tests/bench/wasm.mjs --pages "$bench_dir/pages" --core "$DIST/core" --dist "$DIST" \
            | tee "$bench_dir/wasm.txt"
        run_step "Memory store figures (node tests/bench/memory-store.mjs: restore 100,000 accounts)"
        node tests/bench/memory-store.mjs --core "$DIST/core" | tee "$bench_dir/memory.txt"
        : >"$bench_dir/browser.txt"
        if [ -f tests/bench/browser.mjs ]; then
            ensure_chromium
            ensure_node_modules
            run_step "Browser figures (node tests/bench/browser.mjs)"
            (cd tests && CHROMIUM="$CHROMIUM" node bench/browser.mjs --pages "$bench_dir/pages") | tee "$bench_dir/browser.txt"
        fi
        cat "$bench_dir/native.txt" "$bench_dir/wasm.txt" "$bench_dir/memory.txt" "$bench_dir/browser.txt" >"$bench_dir/figures.txt"
        run_step "Figures (also in target/bench/figures.txt)"
        cat "$bench_dir/figures.txt"
        ;;
    fuzz)
        # 1. The property tests (tests/fuzz_*.rs) with many cases, optimised.
        # Own target dir and panic=unwind, so the release build of the
        # extension's wasm and the bench are not rebuilt around it.
        cases="${PROPTEST_CASES:-20000}"
        run_step "Fuzzing readers, settings, memory and scoring (proptest, $cases cases per property, --release)"
        PROPTEST_CASES="$cases" CARGO_TARGET_DIR="$ROOT/target/fuzz" CARGO_PROFILE_RELEASE_PANIC=unwind \
            cargo test --release --test 'fuzz_*'
        # 2. Coverage-guided: cargo-fuzz (libFuzzer) over fuzz/fuzz_targets, on
        # nightly. FUZZ_RUNS runs per target (default 100000: a few minutes);
        # see fuzz/run.sh for FUZZ_SECONDS, FUZZ_MAX_LEN, FUZZ_LOGS.
        run_step "Coverage-guided fuzzing (cargo-fuzz on nightly, ${FUZZ_RUNS:-100000} runs per target)"
        if ! cargo +nightly --version >/dev/null 2>&1; then
            echo "No nightly toolchain (cargo +nightly failed): cargo-fuzz needs one (rustup toolchain install nightly)."
            echo "Skipped the coverage-guided targets; the proptest campaign above is this run's fuzzing."
        else
            fuzz_version=0.13.2
            if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$fuzz_version" ]; then
                step "Installing cargo-fuzz $fuzz_version (cargo install --locked)"
                cargo install cargo-fuzz --locked --version "=$fuzz_version"
            fi
            FUZZ_RUNS="${FUZZ_RUNS:-100000}" "$ROOT/fuzz/run.sh" || fail "a fuzz target crashed: see fuzz/artifacts/ and target/fuzz-logs/"
        fi
        ;;
    eval)
        # Ranking figures (followback eval) for each labelled folder given:
        # users.jsonl, labels.jsonl and, optionally, now.txt (the clock to score with).
        shift
        [ "$#" -gt 0 ] || fail "eval needs at least one folder holding users.jsonl and labels.jsonl"
        ensure_rust
        run_step "Building the followback command (cargo build --release)"
        cargo build --quiet --release --bin followback
        for dir in "$@"; do
            [ -f "$dir/users.jsonl" ] && [ -f "$dir/labels.jsonl" ] \
                || fail "$dir: needs users.jsonl and labels.jsonl"
            now=()
            [ -f "$dir/now.txt" ] && now=(--now "$(tr -d '[:space:]' <"$dir/now.txt")")
            run_step "followback eval $dir"
            "$ROOT/target/release/followback" eval --labels "$dir/labels.jsonl" "${now[@]}" "$dir/users.jsonl"
        done
        ;;
    -h | --help | help)
        sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        trap - EXIT
        echo "build.sh: unknown command '$cmd' (use: build, test, e2e, bench, fuzz, eval)" >&2
        exit 64
        ;;
esac

CURRENT_STEP=""
step "Done: $cmd"
