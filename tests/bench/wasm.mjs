// Wasm speed and size figures: loads the wasm-bindgen output (dist/core) in
// node and times, on the payloads the native bench wrote:
// - reading: `engine.ingest` (the exported function the worker calls) on
//   X-sized Followers pages (20 users of 3-5 KB) of each user generation, and
//   on one 8 MB payload (the most the page reader takes);
// - scoring: `engine.scoreRememberedCompact` (the fast path) and
//   `engine.scoreRemembered` (explained) on a saved memory of accounts with
//   recent posts and count history (importMemory). Each account's features
//   (post statistics, keyword hits) are computed once and kept with it until
//   its profile, posts or the settings change: `features_wasm_us_per_account`
//   times computing them for every account once (what the first scoring after
//   an import or a settings change pays, `engine.prepareFeatures`), and
//   `score_wasm_accounts_per_s` times scoring every account with its features
//   kept (what each badge's verdict costs after its payload was ingested).
//   `score_wasm_cold_accounts_per_s` is both at once: scoring right after a
//   settings change;
// - ingest with the compact verdicts the worker asks for (ingest(text, now, true)).
// Medians over RUNS runs (parsing: PARSE_RUNS). Prints `<name> <value> <unit>` lines (with the goal,
// tests/bench/goals.mjs) on stdout, details on stderr.
//
//   node tests/bench/wasm.mjs [--pages target/bench/pages] [--core dist/core] [--dist dist]
//
// The pages come from `cargo run --release --example bench -- --write-pages DIR`.

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { figure, median } from './goals.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** "Now" for scoring: 2026-11-21T10:00:00Z, as the Rust tests fix it. */
const NOW_MS = Date.UTC(2026, 10, 21, 10, 0, 0);
/** Timed repetitions; the median is reported. */
const RUNS = 5;
/**
 * Parsing X-sized pages: one pass is ~20 ms, short enough for a GC or a
 * tier-up to move a median of 5 by 30%, so 15 runs after 2 untimed ones.
 */
const PARSE_RUNS = { runs: 15, warmup: 2 };

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

/**
 * Median wall time (ms) of `runs` calls of `run(i)`, after `warmup` calls not
 * timed; `run` returns a value kept for checks.
 */
function medianOf(run, { runs = RUNS, warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i += 1) run(-1 - i);
  const times = [];
  let last;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    last = run(i);
    times.push(performance.now() - start);
  }
  return { ms: median(times), value: last };
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

/** The files of `dir` named like `pattern`, sorted, read as text. */
function readPages(dir, pattern) {
  return readdirSync(dir)
    .filter((n) => pattern.test(n))
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
}

/** Reading X-sized pages of one generation: MB/s of `ingest` (read + remember), each run in a fresh engine. */
function parseGeneration(Engine, pages, generation) {
  const bytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p, 'utf8'), 0);
  const run = medianOf(() => {
    const engine = new Engine(null);
    let accounts = 0;
    for (const page of pages) {
      const report = engine.ingest(page, NOW_MS);
      if (report.warnings.length > 0) throw new Error(`ingest warned on gen${generation}: ${report.warnings.join(' ')}`);
      accounts += report.accounts;
    }
    engine.free();
    return accounts;
  }, PARSE_RUNS);
  note(`gen${generation}: ${pages.length} pages, ${(bytes / 1e6).toFixed(2)} MB, ${run.value} accounts, ${(bytes / run.value).toFixed(0)} bytes per user`);
  const mbps = bytes / 1e6 / (run.ms / 1e3);
  figure(`parse_wasm_mb_per_s_gen${generation}`, mbps, 'MB/s');
  return mbps;
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

  const byGeneration = [1, 2, 3].map((g) => readPages(opts.pages, new RegExp(`^xpage_gen${g}_\\d+\\.json$`)));
  byGeneration.forEach((pages, i) => {
    if (pages.length === 0) throw new Error(`no xpage_gen${i + 1}_NNN.json pages in ${opts.pages} (rerun the native bench with --write-pages)`);
  });

  // Warm up the JIT's view of the bindings on a throwaway engine.
  const warm = new Engine(null);
  for (const pages of byGeneration) warm.ingest(pages[0], NOW_MS);
  warm.ingest(byGeneration[0][0], NOW_MS, true);
  warm.scoreRemembered(NOW_MS);
  warm.free();

  // Reading: X-sized pages of each generation; the figure is the slowest generation.
  const rates = byGeneration.map((pages, i) => parseGeneration(Engine, pages, i + 1));
  figure('parse_wasm_mb_per_s', Math.min(...rates), 'MB/s');

  // The worker's ingest: read, remember, and the compact verdicts of the page's accounts.
  const allPages = byGeneration.flat();
  const withVerdicts = medianOf(() => {
    const engine = new Engine(null);
    let verdicts = 0;
    for (const page of allPages) {
      const report = engine.ingest(page, NOW_MS, true);
      verdicts += report.verdicts ? JSON.parse(report.verdicts).length : 0;
    }
    engine.free();
    return verdicts;
  });
  if (withVerdicts.value === 0) throw new Error('ingest(text, now, true) answered no compact verdicts');
  note(`ingest with compact verdicts: ${withVerdicts.value} verdicts from ${allPages.length} pages in ${withVerdicts.ms.toFixed(1)} ms`);
  figure('ingest_with_verdicts_wasm_us_per_account', (withVerdicts.ms * 1e3) / withVerdicts.value, 'us');

  // Scoring every remembered account of a memory with posts and history.
  const memoryFile = path.join(opts.pages, 'memory_realistic.json');
  if (!existsSync(memoryFile)) throw new Error(`${memoryFile} not found (rerun the native bench with --write-pages)`);
  const saved = readFileSync(memoryFile, 'utf8');
  const engine = new Engine(null);
  engine.setCapacity(200000);
  const imported = engine.importMemory(saved);
  if (!imported.ok) throw new Error(`the saved memory did not load: ${imported.error}`);
  // Cold: after a settings change every account's features are rebuilt.
  const cold = medianOf(() => {
    engine.setSettings(null);
    return engine.scoreRememberedCompact(NOW_MS);
  });
  note(`scored ${cold.value} remembered accounts right after a settings change (features rebuilt) in ${cold.ms.toFixed(1)} ms`);
  figure('score_wasm_cold_accounts_per_s', cold.value / (cold.ms / 1e3), 'accounts/s');
  // The features' cost alone: once more after a settings change, timed.
  const featureTimes = [];
  for (let i = 0; i < RUNS; i += 1) {
    engine.setSettings(null);
    const start = performance.now();
    const computed = engine.prepareFeatures();
    featureTimes.push(performance.now() - start);
    if (computed !== engine.accountCount()) throw new Error(`prepareFeatures computed ${computed} of ${engine.accountCount()}`);
  }
  note(`computed the features of ${engine.accountCount()} accounts in ${median(featureTimes).toFixed(1)} ms`);
  figure('features_wasm_us_per_account', (median(featureTimes) * 1e3) / engine.accountCount(), 'us');
  const again = engine.prepareFeatures();
  if (again !== 0) throw new Error(`prepareFeatures computed ${again} accounts again: features are not kept`);
  // Scoring every remembered account with its features kept: the numeric fast
  // path (what a badge needs), then the explained verdicts (the breakdown's
  // evidence as messages).
  const fast = medianOf(() => engine.scoreRememberedCompact(NOW_MS));
  if (fast.value !== engine.accountCount() || fast.value === 0) {
    throw new Error(`scoreRememberedCompact scored ${fast.value} of ${engine.accountCount()} accounts`);
  }
  note(`scored ${fast.value} remembered accounts on the fast path in ${fast.ms.toFixed(1)} ms`);
  figure('score_wasm_accounts_per_s', fast.value / (fast.ms / 1e3), 'accounts/s');
  const score = medianOf(() => engine.scoreRemembered(NOW_MS));
  if (score.value !== engine.accountCount() || score.value === 0) {
    throw new Error(`scoreRemembered scored ${score.value} of ${engine.accountCount()} accounts`);
  }
  note(`scored ${score.value} remembered accounts (with posts and history; ${(Buffer.byteLength(saved, 'utf8') / score.value).toFixed(0)} saved bytes each) in ${score.ms.toFixed(1)} ms`);
  figure('score_wasm_explained_accounts_per_s', score.value / (score.ms / 1e3), 'accounts/s');
  engine.free();

  const bigFile = path.join(opts.pages, 'big_8mb.json');
  if (existsSync(bigFile)) {
    const big = readFileSync(bigFile, 'utf8');
    const read = medianOf(() => {
      const e = new Engine(null);
      const report = e.ingest(big, NOW_MS);
      e.free();
      if (report.accounts === 0) throw new Error(`the 8 MB payload was not read: ${report.warnings.join(' ')}`);
      return { accounts: report.accounts, warnings: report.warnings };
    });
    note(`8 MB payload: ${Buffer.byteLength(big, 'utf8')} bytes, ${read.value.accounts} accounts read${read.value.warnings.length ? ` (${read.value.warnings.join(' ')})` : ''}`);
    figure('parse_wasm_8mb_ms', read.ms, 'ms');
  }
  // memory_bytes_per_account: tests/bench/memory-store.mjs; restore_100k_ms: tests/bench/idb-restore.mjs (both run by ./build.sh bench).
}

main().catch((e) => {
  console.error(`tests/bench/wasm.mjs: ${e.message}`);
  process.exit(1);
});
