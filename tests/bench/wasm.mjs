// Wasm speed and size figures: loads the wasm-bindgen output (dist/core) in
// node, ingests the Followers pages the native bench wrote, and times
// engine.ingest and engine.scoreRemembered. Prints `<name> <value> <unit>`
// lines on stdout, details on stderr.
//
//   node tests/bench/wasm.mjs [--pages target/bench/pages] [--core dist/core] [--dist dist]
//
// The pages come from `cargo run --release --example bench -- --write-pages DIR`
// (100 pages of 1,000 generated accounts, and one 10 MB payload).

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** "Now" for scoring: 2026-11-21T10:00:00Z, as the Rust tests fix it. */
const NOW_MS = Date.UTC(2026, 10, 21, 10, 0, 0);
/** Timed repetitions; the best is reported. */
const RUNS = 3;

function options(argv) {
  const opts = {
    pages: path.join(ROOT, 'target/bench/pages'),
    core: path.join(ROOT, 'dist/core'),
    dist: path.join(ROOT, 'dist'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]} (use --pages DIR --core DIR --dist DIR)`);
    }
    opts[key] = path.resolve(argv[i + 1]);
  }
  return opts;
}

function figure(name, value, unit) {
  const text = Number.isInteger(value) || value >= 1000 ? value.toFixed(0) : value.toFixed(2);
  console.log(`${name} ${text} ${unit}`);
}

const note = (...args) => console.error(...args);

/** Every file under `dir` whose name ends with `ext`. */
function filesUnder(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, ext));
    else if (name.endsWith(ext)) out.push(full);
  }
  return out;
}

/** Best wall time of `RUNS` calls of `run(i)`; `run` returns a value kept for checks. */
function bestOf(run) {
  let best = Infinity;
  let last;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    last = run(i);
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value: last };
}

function sizes(opts) {
  const wasm = readFileSync(path.join(opts.core, 'followback_bg.wasm'));
  figure('wasm_bytes', wasm.length, 'bytes');
  figure('wasm_gzip_bytes', gzipSync(wasm, { level: zlib.Z_BEST_COMPRESSION }).length, 'bytes');
  const js = filesUnder(opts.dist, '.js');
  const jsBytes = js.reduce((sum, f) => sum + statSync(f).size, 0);
  const jsGzip = js.reduce(
    (sum, f) => sum + gzipSync(readFileSync(f), { level: zlib.Z_BEST_COMPRESSION }).length,
    0,
  );
  note(`${js.length} JS files in ${opts.dist}: ${jsBytes} bytes, ${jsGzip} gzipped one by one`);
  figure('js_bytes', jsBytes, 'bytes');
}

async function main() {
  const opts = options(process.argv.slice(2));
  for (const file of ['followback.js', 'followback_bg.wasm']) {
    if (!existsSync(path.join(opts.core, file))) {
      throw new Error(`${path.join(opts.core, file)} not found: run ./build.sh first`);
    }
  }
  if (!existsSync(opts.pages)) {
    throw new Error(`${opts.pages} not found: run cargo run --release --example bench -- --write-pages ${opts.pages}`);
  }
  sizes(opts);

  const core = await import(pathToFileURL(path.join(opts.core, 'followback.js')).href);
  await core.default({ module_or_path: readFileSync(path.join(opts.core, 'followback_bg.wasm')) });
  const { Engine } = core;
  if (typeof Engine.prototype.scoreRemembered !== 'function') {
    throw new Error('Engine.scoreRemembered is missing from this build of the core');
  }

  const pageFiles = readdirSync(opts.pages)
    .filter((n) => /^followers_\d+\.json$/.test(n))
    .sort()
    .map((n) => path.join(opts.pages, n));
  if (pageFiles.length === 0) throw new Error(`no followers_NNN.json pages in ${opts.pages}`);
  const pages = pageFiles.map((f) => readFileSync(f, 'utf8'));
  const bytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p, 'utf8'), 0);
  note(`${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB`);

  // Warm up the JIT's view of the bindings on a throwaway engine.
  const warm = new Engine(null);
  warm.ingest(pages[0], NOW_MS);
  warm.scoreRemembered(NOW_MS);
  warm.free();

  // Reading: every page into a fresh engine per run (ingest = read + remember).
  let engine = null;
  const parse = bestOf(() => {
    if (engine) engine.free();
    engine = new Engine(null);
    // Room for every generated account, so scoring and the memory figure
    // cover all 100,000 (the extension's default cap is smaller).
    engine.setCapacity(200000);
    let accounts = 0;
    for (const page of pages) {
      const report = engine.ingest(page, NOW_MS);
      if (report.warnings.length > 0) throw new Error(`ingest warned: ${report.warnings.join(' ')}`);
      accounts += report.accounts;
    }
    return accounts;
  });
  note(`ingested ${parse.value} accounts per run; the engine keeps ${engine.accountCount()}`);
  figure('parse_wasm_mb_per_s', bytes / 1e6 / (parse.ms / 1e3), 'MB/s');

  // Scoring every remembered account: the numeric fast path (what a badge
  // needs), then the explained verdicts (the breakdown's evidence as messages).
  if (typeof Engine.prototype.scoreRememberedCompact === 'function') {
    const fast = bestOf(() => engine.scoreRememberedCompact(NOW_MS));
    if (fast.value !== engine.accountCount()) {
      throw new Error(`scoreRememberedCompact scored ${fast.value} of ${engine.accountCount()} accounts`);
    }
    note(`scored ${fast.value} accounts on the fast path in ${fast.ms.toFixed(1)} ms`);
    figure('score_wasm_accounts_per_s', fast.value / (fast.ms / 1e3), 'accounts/s');
  }
  const score = bestOf(() => engine.scoreRemembered(NOW_MS));
  if (score.value !== engine.accountCount()) {
    throw new Error(`scoreRemembered scored ${score.value} of ${engine.accountCount()} accounts`);
  }
  note(`scored ${score.value} explained verdicts in ${score.ms.toFixed(1)} ms`);
  figure('score_wasm_explained_accounts_per_s', score.value / (score.ms / 1e3), 'accounts/s');

  // What the extension would store for 100,000 remembered accounts.
  const exported = engine.exportMemory();
  note(`exportMemory holds ${engine.accountCount()} accounts after ${parse.value} were ingested`);
  figure('memory_accounts_100k_bytes', Buffer.byteLength(exported, 'utf8'), 'bytes');
  engine.free();

  const bigFile = path.join(opts.pages, 'big_10mb.json');
  if (existsSync(bigFile)) {
    const big = readFileSync(bigFile, 'utf8');
    const read = bestOf(() => {
      const e = new Engine(null);
      const report = e.ingest(big, NOW_MS);
      e.free();
      return report.accounts;
    });
    note(`10 MB payload: ${Buffer.byteLength(big, 'utf8')} bytes, ${read.value} accounts`);
    figure('parse_wasm_10mb_ms', read.ms, 'ms');
  }
}

main().catch((e) => {
  console.error(`tests/bench/wasm.mjs: ${e.message}`);
  process.exit(1);
});
