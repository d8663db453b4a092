// Memory store figures: how long a restarted worker takes to restore 100,000
// remembered accounts from their IndexedDB store without IndexedDB's own
// reads (restore_100k_node_ms; the goal figure restore_100k_ms, reads
// included, comes from tests/bench/idb-restore.mjs in Chromium), and what
// each account costs in the store and in the wasm heap. Loads the wasm-bindgen output (dist/core)
// in node. The memory is a mix: every account as a Followers page sends it,
// one in ten with 1-20 posts read from the page (as the
// bench example's realistic memory has 0-20), one in ten seen again with
// other counts (a count history), one in 33 with interactions. Its store is
// built exactly as the worker writes it (Engine.takeMemoryChanges: packed
// pages at a compaction, else loose Uint8Array records and tombstones),
// brought to the same worst state as the Chromium bench's restore_100k_ms
// (compacted, then accounts seen again until the loose records are one under
// the core's limit: memory-mix.mjs changeUntilLooseLimit), and handed back
// as memory-store.js restoreRecords reads it: the pages
// (Engine.loadMemoryPage), the tombstones (forgetMemoryKeys), then the loose
// records in key order, batches of RESTORE_BATCH accounts with the posts and
// interactions of the same key range, each batch built by memory-store.js
// recordBatch itself (loadMemoryChunk), between beginMemoryRestore and
// finishMemoryRestore. IndexedDB's own reads (getAll and
// the buffers it allocates for the values it reads) are not included: node
// has none; each batch's values are Uint8Array views of packed bytes. One
// more run with a fresh buffer per record and page, as IndexedDB would allocate them, is
// printed (restore_100k_node_fresh_buffers_ms) to show what that adds. The heap figure is the growth of the wasm memory, which never
// shrinks: the restore's peak, transient batches included; the profile-only
// figure (memory_bytes_per_account) is of a compacted store (pages only).
// With --pages DIR, also the heap per account of the realistic memory with
// posts and history (DIR/memory_realistic.json, written by the bench example).
// Prints `<name> <value> <unit>` lines on stdout, details on stderr.
//
//   node tests/bench/memory-store.mjs [--core dist/core] [--accounts 100000] [--pages target/bench/pages]

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { figure, median } from './goals.mjs';
import { changeUntilLooseLimit, mixUser, rememberMixExtras } from './memory-mix.mjs';
import { PAGE_ACCOUNTS, RESTORE_BATCH, batchRoom, recordBatch } from '../../extension/shared/memory-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = 5;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const CORE = path.resolve(opt('core', path.join(ROOT, 'dist/core')));
const N = Number(opt('accounts', '100000'));
const PAGES = opt('pages', path.join(ROOT, 'target/bench/pages'));
const note = (...a) => console.error(...a);

/**
 * A store as IndexedDB holds it: keys in order, and the records' bytes (kept
 * packed here, so the bench's own heap is not 100,000 live buffers the
 * worker would not have). `values(from, to)` gives one Uint8Array a record,
 * as IndexedDB's getAll does for each batch: views of the packed bytes, or
 * with `FRESH` set new buffers (what IndexedDB allocates when it reads them).
 */
let FRESH = false;
function sorted(map) {
  const keys = [...map.keys()].sort();
  const ends = new Uint32Array(keys.length + 1);
  keys.forEach((k, j) => { ends[j + 1] = ends[j] + map.get(k).length; });
  const bytes = new Uint8Array(ends[keys.length]);
  keys.forEach((k, j) => bytes.set(map.get(k), ends[j]));
  const values = (from, to) => {
    const out = [];
    for (let j = from; j < to; j += 1) out.push(FRESH ? bytes.slice(ends[j], ends[j + 1]) : bytes.subarray(ends[j], ends[j + 1]));
    return out;
  };
  return { keys, bytes, values };
}

/** Index of the first key above `key` (keys sorted). */
function above(keys, key) {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What memory-store.js restoreRecords does over IndexedDB, over sorted
 * arrays: the account count, then batches of `batch` accounts with the
 * posts and interactions records of the same key range.
 */
function restoreInBatches(engine, { pages, gone, loose }, batch) {
  const [accounts, tweets, interactions] = loose;
  engine.beginMemoryRestore(pages.length * PAGE_ACCOUNTS + accounts.keys.length);
  for (const page of pages) engine.loadMemoryPage(FRESH ? page.slice() : page);
  if (gone.length > 0) engine.forgetMemoryKeys(JSON.stringify(gone));
  const room = batchRoom();
  let t = 0;
  let i = 0;
  for (let a = 0; ; a += batch) {
    const keys = accounts.keys.slice(a, a + batch);
    const values = accounts.values(a, Math.min(a + batch, accounts.keys.length));
    const last = keys.length < batch;
    const tEnd = last ? tweets.keys.length : above(tweets.keys, keys[keys.length - 1]);
    const iEnd = last ? interactions.keys.length : above(interactions.keys, keys[keys.length - 1]);
    const b = recordBatch([
      [keys, values],
      [tweets.keys.slice(t, tEnd), tweets.values(t, tEnd)],
      [interactions.keys.slice(i, iEnd), interactions.values(i, iEnd)],
    ], room);
    engine.loadMemoryChunk(b.keys, b.values, b.lengths);
    t = tEnd;
    i = iEnd;
    if (last) break;
  }
  return engine.finishMemoryRestore();
}

/** An empty store as memory-store.js keeps it: pages, tombstones, loose records (one Map per kind). */
const emptyStore = () => ({ pages: [], gone: new Set(), loose: [new Map(), new Map(), new Map()] });

/** One save (the core's MemoryChanges) applied to `store` as memory-store.js writeChanges writes it. */
function applyChanges(c, store) {
  const emptied = Array.isArray(c.pages) || c.clear;
  if (emptied) {
    store.pages = [];
    store.gone.clear();
    for (const m of store.loose) m.clear();
  }
  if (Array.isArray(c.pages)) store.pages = c.pages.slice();
  for (const key of c.deleted) {
    for (const m of store.loose) m.delete(key);
    if (!emptied) store.gone.add(key);
  }
  ['accounts', 'tweets', 'interactions'].forEach((kind, k) => {
    for (const [key, value] of c[kind]) {
      if (value !== null) {
        store.loose[k].set(key, value);
        store.gone.delete(key);
      } else store.loose[k].delete(key);
    }
  });
  return store;
}

/** The store the worker would have written for `engine`'s changes since the last take, applied to `store`. */
const takeRecords = (engine, store = emptyStore()) => applyChanges(engine.takeMemoryChanges(), store);

/** A store frozen for restores: pages as they are, tombstones as a list, loose records sorted. */
const frozen = (store) => ({ pages: store.pages.slice(), gone: [...store.gone], loose: store.loose.map(sorted) });

/** Every value the store holds: pages, tombstones, loose records. */
const valuesIn = (store) => store.pages.length + store.gone.size + store.loose.reduce((n, m) => n + m.size, 0);

const core = await import(pathToFileURL(path.join(CORE, 'followback.js')).href);
const wasmBytes = readFileSync(path.join(CORE, 'followback_bg.wasm'));
let exports = await core.default({ module_or_path: wasmBytes });
const { Engine } = core;
const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);

// Remember N accounts as X's pages would send them, and keep the records the worker would write.
const writer = new Engine(null);
writer.setCapacity(N);
const stores = emptyStore();
let written = 0;
const t0 = performance.now();
for (let start = 0; start < N; start += 2000) {
  const users = [];
  for (let i = start; i < Math.min(N, start + 2000); i += 1) users.push(mixUser(i));
  const r = writer.ingest(JSON.stringify(users), NOW + start);
  written += r.accounts;
  takeRecords(writer, stores);
}
// Profile facts only (what memory_bytes_per_account has always measured), compacted.
writer.rewriteMemory();
takeRecords(writer, stores);
const profileStores = frozen(stores);
const profileBytes = writer.memoryBytes();
// The mix: posts, a count history and interactions for some of them.
for (let start = 0; start < N; start += 2000) {
  rememberMixExtras(writer, mixUser, { start, end: Math.min(N, start + 2000), now: NOW, n: N });
  takeRecords(writer, stores);
}
note(`remembered ${written} accounts in ${(performance.now() - t0).toFixed(0)} ms (ingest, posts, interactions + takeMemoryChanges)`);
// The worst store a restore meets (as idb-restore.mjs's restore_100k_ms): compacted, then loose records up to one under the limit.
writer.rewriteMemory();
takeRecords(writer, stores);
await changeUntilLooseLimit(writer, mixUser, (c) => applyChanges(c, stores), { n: N, now: NOW, per: 20 });
const storedBytes = writer.memoryBytes();
note(`worst store: ${stores.pages.length} pages, ${stores.gone.size} tombstones, ${stores.loose[0].size} account records, ${stores.loose[1].size} post records, ${stores.loose[2].size} interaction records (${valuesIn(stores)} values; the core counts ${writer.memoryLooseRecords()} loose of its limit ${writer.memoryLooseLimit()}); ${storedBytes} bytes`);
if (writer.accountCount() !== N) throw new Error(`expected ${N} accounts, the writer has ${writer.accountCount()}`);
writer.free();

const BATCH = RESTORE_BATCH;
const sortedStores = frozen(stores);
const sortedProfiles = profileStores;

/** A fresh wasm instance (a restarted worker) and its memory's size now. */
async function freshInstance() {
  core.__wbg_reset_state();
  exports = await core.default({ module_or_path: wasmBytes });
  return exports.memory.buffer.byteLength;
}

// Restore: a fresh wasm instance each run, batches built then loaded.
const wall = [];
const cpuTimes = [];
let heapPerAccountMix = 0;
for (let run = 0; run < RUNS; run += 1) {
  const heapBefore = await freshInstance();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const engine = new Engine(null);
  const report = restoreInBatches(engine, sortedStores, BATCH);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  cpuTimes.push(cpuMs);
  if (report.loaded !== N || engine.accountCount() !== N) throw new Error(`restored ${report.loaded} of ${N}`);
  wall.push(ms);
  heapPerAccountMix = (exports.memory.buffer.byteLength - heapBefore) / N;
  note(`run ${run + 1}: restored ${report.loaded} accounts in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU) in batches of ${BATCH}; wasm heap grew ${((exports.memory.buffer.byteLength - heapBefore) / 1048576).toFixed(1)} MiB`);
}

// Once more with a fresh buffer per record (what IndexedDB's reads allocate).
let freshMs = 0;
{
  await freshInstance();
  FRESH = true;
  const start = performance.now();
  const engine = new Engine(null);
  const report = restoreInBatches(engine, sortedStores, BATCH);
  freshMs = performance.now() - start;
  FRESH = false;
  if (report.loaded !== N) throw new Error(`restored ${report.loaded} of ${N} (fresh buffers)`);
  note(`with a fresh buffer per record: restored in ${freshMs.toFixed(0)} ms (one run)`);
}

// The heap of profile-only accounts (most of a followers list), restored the same way.
let heapPerAccount = 0;
{
  const heapBefore = await freshInstance();
  const start = performance.now();
  const engine = new Engine(null);
  const report = restoreInBatches(engine, sortedProfiles, BATCH);
  const ms = performance.now() - start;
  if (report.loaded !== N) throw new Error(`restored ${report.loaded} of ${N} (profiles only)`);
  heapPerAccount = (exports.memory.buffer.byteLength - heapBefore) / N;
  note(`profiles only: ${N} accounts restored in ${ms.toFixed(0)} ms (one run); wasm heap grew ${((heapPerAccount * N) / 1048576).toFixed(1)} MiB`);
}

// Medians of the runs (the fastest run would flatter a shared machine's figure).
const per100k = (ms) => (N === 100000 ? ms : (ms * 100000) / N);
note(`restore wall ms per run: ${wall.map((w) => w.toFixed(0)).join(', ')}; CPU: ${cpuTimes.map((c) => c.toFixed(0)).join(', ')}`);
figure('restore_100k_node_ms', per100k(median(wall)), 'ms');
figure('restore_100k_node_cpu_ms', per100k(median(cpuTimes)), 'ms');
figure('restore_100k_node_fresh_buffers_ms', per100k(freshMs), 'ms');
figure('memory_bytes_per_account', heapPerAccount, 'bytes');
figure('memory_bytes_per_account_mix', heapPerAccountMix, 'bytes');
figure('memory_store_bytes_per_account', profileBytes / N, 'bytes');
figure('memory_store_bytes_per_account_mix', storedBytes / N, 'bytes');

// The realistic memory with posts and history, restored the same way.
const realistic = path.join(PAGES, 'memory_realistic.json');
if (existsSync(realistic)) {
  await freshInstance();
  const source = new Engine(null);
  source.setCapacity(1_000_000);
  const imported = source.importMemory(readFileSync(realistic, 'utf8'));
  if (!imported.ok) throw new Error(`memory_realistic.json: ${imported.error}`);
  const count = source.accountCount();
  source.rewriteMemory();
  const records = frozen(takeRecords(source));
  source.free();
  const heapBefore = await freshInstance();
  const engine = new Engine(null);
  engine.setCapacity(1_000_000);
  const report = restoreInBatches(engine, records, BATCH);
  if (report.loaded !== count) throw new Error(`restored ${report.loaded} of ${count} (with posts)`);
  const grew = exports.memory.buffer.byteLength - heapBefore;
  const stored = records.pages.reduce((n, p) => n + p.length, 0) + records.loose.reduce((n, st) => n + st.bytes.length, 0);
  note(`with posts: ${count} accounts (${records.pages.length} pages, ${(stored / count).toFixed(0)} stored bytes per account) restored; wasm heap grew ${(grew / 1048576).toFixed(1)} MiB`);
  figure('memory_bytes_per_account_with_posts', grew / count, 'bytes');
} else {
  note(`${realistic} not found (cargo run --release --example bench -- --write-pages ${PAGES}): no memory_bytes_per_account_with_posts`);
}
