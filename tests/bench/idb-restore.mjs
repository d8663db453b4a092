// A restarted worker's restore of 100,000 remembered accounts in real
// Chromium, IndexedDB's own reads included (tests/bench/memory-store.mjs
// times the restore in node, which has no IndexedDB), and what the store's
// compactions cost. In an extension page (options.html) with the built core
// (dist/core) loaded there, a realistic mix (tests/bench/memory-mix.mjs, as
// memory-store.mjs remembers it: every account as a Followers page sends it,
// one in ten with 1-20 posts, one in ten seen again with other counts, one
// in 33 with interactions) is remembered by an Engine and written AS THE
// WORKER WRITES IT into a database of the bench's own (memory-store.js
// openMemoryDb through a factory that renames it, so the worker's store is
// untouched): saves of `--save` accounts (20, a Followers page: the worker
// writes each answer's changes), each Engine.takeMemoryChanges handed to
// memory-store.js writeChanges, compacting whenever the core decides to
// (pages instead of loose records), the posts and interactions of each page
// of accounts remembered right after it. Then:
//
//   compact_100k_ms            one compaction of the 100k (Engine.rewriteMemory,
//                              as after a failed save, makes the next save one):
//                              the thread's busy time for takeMemoryChanges +
//                              writeChanges until it returns (what a worker's
//                              messages wait behind); median of the runs
//   compact_100k_commit_ms     the same, until the transaction committed
//   restore_100k_compacted_ms  the restore right after a compaction (pages only)
//   restore_100k_ms            the goal figure: the WORST store the product can
//                              be in, loose records up to the core's limit (a
//                              worker restarted on the compacted store sees
//                              accounts again with other counts, saved `--save`
//                              at a time, until Engine.memoryLooseRecords is
//                              memoryLooseLimit: any change more and the next
//                              save compacts; memory-mix.mjs changeUntilLooseLimit)
//   restore_100k_worst_loose_values  the loose values (records + tombstones) that store holds
//   restore_100k_idb_wasm_ms   of the worst restore: the wasm's share (the
//                              Engine's restore calls and finishMemoryRestore)
//   restore_100k_worst_pages_ms  of the worst restore: from the open to the
//                              last page loaded (the pages' reads and the core's)
//   restore_100k_worst_after_pages_ms  of the worst restore: the rest (the
//                              tombstones and loose records, reads and core,
//                              and finishMemoryRestore)
//   restore_page_us, restore_loose_value_us  those two per page and per loose
//                              value: the cost model behind the core's
//                              loose_limit (src/memory_records.rs), measured
//   restore_100k_idb_reads_ms  of the worst store: IndexedDB's reads alone, in
//                              a pass that reads exactly what restoreRecords reads
//                              (memory-store.js eachStored, the one walk) and
//                              hands nothing to the core
//   restore_100k_idb_batch_ms  of that pass: recordBatch over the loose batches alone
//   restore_100k_old_json_ms   a version 1 database as the previous version
//                              wrote it (DB version 1, no pages, every record a
//                              JSON string: the account record `{account,
//                              history?, last_seen}`, posts and interactions as
//                              lists, as tests/e2e/memory_store.test.mjs builds
//                              it), one per run (all written before the first
//                              restore), so that each restore also upgrades it to
//                              version 2
//   restore_100k_idb_json_wasm_ms  the wasm's share of that restore
//
// Each restore is as the worker does one at start (service-worker.js): a
// fresh wasm instance, the database opened, memory-store.js restoreRecords
// into the Engine (memory-store.js engineLoad), finishMemoryRestore; timed
// from the open to the finish, median of `--runs`; the database closed and
// left alone for a few seconds before each, so Chromium closes its backing
// store as it does when a worker has stopped; each checked to give back all
// the accounts, none skipped. Differences from the worker: the page's main
// thread, not the worker's thread (IndexedDB serves both from the browser
// process the same way); the records were just written, so the disk's cache
// is warm, as it is for a worker that stopped after 30 s idle. Prints
// `<name> <value> <unit>` lines on stdout, details on stderr.
//
//   cd tests && node bench/idb-restore.mjs [--accounts 100000] [--runs 3] [--save 20]

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/support/harness.mjs';
import { figure, median } from './goals.mjs';
import { changeUntilLooseLimit, mixUser, rememberMixExtras } from './memory-mix.mjs';

const note = (...a) => console.error(...a);

/**
 * Runs in the extension page: writes the store as the worker does, then
 * times compactions and restores. `user`, `rememberMixExtras` and
 * `changeUntilLooseLimit` are memory-mix.mjs's, handed over as source.
 */
async function pageBench({ N, RUNS, GRACE_MS, SAVE }, user, rememberMixExtras, changeUntilLooseLimit) {
  const store = await import('/shared/memory-store.js');
  const core = await import('/core/followback.js');
  const wasmUrl = '/core/followback_bg.wasm';
  await core.default({ module_or_path: wasmUrl });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
  const BINARY = 'followback-bench-idb-binary';
  const jsonName = (run) => `followback-bench-idb-json-${run}`;
  /** indexedDB under another name: memory-store.js's openMemoryDb, on the bench's own database. */
  const renamed = (name) => ({ open: (_name, version) => indexedDB.open(name, version) });
  const open = (name) => store.openMemoryDb(/** @type {any} */ (renamed(name)));
  const drop = (name) => new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onerror = () => reject(new Error(`${name} not deleted`));
    // Blocked while a closed connection's last transaction ends: it goes on once it has.
    const late = setTimeout(() => reject(new Error(`${name} still blocked after 20 s`)), 20_000);
    r.onsuccess = () => { clearTimeout(late); resolve(); };
  });
  const request = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  const log = [];
  const out = { log };

  await drop(BINARY);
  for (let run = 0; run < RUNS; run += 1) await drop(jsonName(run));

  // The store as the worker writes it: a save per SAVE accounts, compactions when the core says.
  let t0 = performance.now();
  let writer = new core.Engine(null);
  writer.setCapacity(N);
  let db = await open(BINARY);
  let saves = 0;
  let compactions = 0;
  const save = async (changes) => {
    if (Array.isArray(changes.pages)) compactions += 1;
    saves += 1;
    await store.writeChanges(db, changes);
  };
  for (let start = 0; start < N; start += SAVE) {
    const end = Math.min(N, start + SAVE);
    const users = [];
    for (let i = start; i < end; i += 1) users.push(user(i));
    writer.ingest(JSON.stringify(users), NOW + start);
    await save(writer.takeMemoryChanges());
    rememberMixExtras(writer, user, { start, end, now: NOW, n: N });
    await save(writer.takeMemoryChanges());
  }
  if (writer.accountCount() !== N) throw new Error(`the writer remembers ${writer.accountCount()} of ${N}`);
  const counts = async (d) => {
    const tx = d.transaction([...store.RECORD_STORES, store.PAGES, store.GONE], 'readonly');
    const names = [...store.RECORD_STORES, store.PAGES, store.GONE];
    const n = await Promise.all(names.map((s) => request(tx.objectStore(s).count())));
    return Object.fromEntries(names.map((s, i) => [s, n[i]]));
  };
  const describe = async (what) => {
    const c = await counts(db);
    log.push(`${what}: ${JSON.stringify(c)}; the core counts ${writer.memoryLooseRecords()} loose of its limit ${writer.memoryLooseLimit()}`);
    return c;
  };
  log.push(`written as the worker writes: ${N} accounts in ${saves} saves of up to ${SAVE} accounts, ${compactions} of them compactions, in ${(performance.now() - t0).toFixed(0)} ms`);
  await describe('the store after them');

  /** A restarted worker's restore: fresh wasm, the database opened, restoreRecords, finish. */
  const restore = async (name) => {
    core.__wbg_reset_state();
    await core.default({ module_or_path: wasmUrl });
    const engine = new core.Engine(null);
    let wasmMs = 0;
    /** The wasm's time per call kind (begin, page, forget, chunk). */
    const wasmBy = { begin: 0, page: 0, forget: 0, chunk: 0 };
    let pagesEnd = 0;
    const load = store.engineLoad(engine);
    /** @type {any} */
    const timed = {};
    for (const [k, f] of Object.entries(load)) {
      timed[k] = (...a) => {
        const s = performance.now();
        f(...a);
        const e = performance.now();
        wasmMs += e - s;
        wasmBy[k] += e - s;
        if (k === 'page' || k === 'begin') pagesEnd = e;
      };
    }
    const start = performance.now();
    const d = await open(name);
    const opened = performance.now();
    const records = await store.restoreRecords(d, timed);
    const f = performance.now();
    const report = engine.finishMemoryRestore();
    const end = performance.now();
    wasmMs += end - f;
    const accounts = engine.accountCount();
    engine.free();
    d.close();
    if (accounts !== N || report.skipped > 0) throw new Error(`${name}: restored ${accounts} accounts (${JSON.stringify(report)}) of ${N}`);
    // The part after the last page (tombstones and loose records: their reads and the core's share).
    const looseMs = f - pagesEnd;
    return { ms: end - start, openMs: opened - start, wasmMs, records, wasmBy, pagesMs: pagesEnd - opened, looseMs, finishMs: end - f };
  };
  const restores = async (label, name) => {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      await sleep(GRACE_MS); // nothing open: Chromium closes the backing store, as after a worker's stop
      const r = await restore(name);
      runs.push(r);
      const by = Object.entries(r.wasmBy).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
      log.push(`run ${run + 1} ${label}: restored in ${r.ms.toFixed(0)} ms (open ${r.openMs.toFixed(0)} ms, to the last page ${r.pagesMs.toFixed(0)} ms, after it ${r.looseMs.toFixed(0)} ms, finish ${r.finishMs.toFixed(0)} ms; wasm ${r.wasmMs.toFixed(0)} ms: ${by}; ${r.records} loose records)`);
    }
    return runs;
  };

  // Compactions of the whole memory, then the restore right after one.
  out.compact = [];
  for (let run = 0; run < RUNS; run += 1) {
    writer.rewriteMemory();
    const s = performance.now();
    const changes = writer.takeMemoryChanges();
    const written = store.writeChanges(db, changes);
    const busy = performance.now() - s;
    await written;
    const commit = performance.now() - s;
    if (!Array.isArray(changes.pages)) throw new Error('rewriteMemory did not make the next save a compaction');
    out.compact.push({ busy, commit, pages: changes.pages.length });
    log.push(`compaction ${run + 1}: ${changes.pages.length} pages, busy ${busy.toFixed(0)} ms, committed after ${commit.toFixed(0)} ms`);
  }
  await describe('the store right after a compaction');
  db.close();
  const exported = JSON.parse(writer.exportMemory());
  writer.free();
  out.compacted = await restores('compacted', BINARY);

  // The worst store: loose records up to the core's limit, written by a
  // worker restarted on the compacted store (each restore above reset the wasm).
  core.__wbg_reset_state();
  await core.default({ module_or_path: wasmUrl });
  writer = new core.Engine(null);
  writer.setCapacity(N);
  db = await open(BINARY);
  await store.restoreRecords(db, store.engineLoad(writer));
  writer.finishMemoryRestore();
  if (writer.accountCount() !== N) throw new Error(`the restarted writer remembers ${writer.accountCount()} of ${N}`);
  t0 = performance.now();
  const changed = await changeUntilLooseLimit(writer, user, (c) => store.writeChanges(db, c), { n: N, now: NOW, per: SAVE });
  log.push(`${changed} saves of accounts seen again in ${(performance.now() - t0).toFixed(0)} ms`);
  const worst = await describe('the worst store (the next save compacts)');
  out.worstValues = worst.accounts + worst.tweets + worst.interactions + worst.gone;
  db.close();
  writer.free();
  out.worst = await restores('worst', BINARY);

  // The reads alone: what restoreRecords reads (eachStored), nothing loaded; recordBatch timed apart.
  await sleep(GRACE_MS);
  {
    const d = await open(BINARY);
    const room = store.batchRoom();
    let visitMs = 0;
    let batchMs = 0;
    let bytes = 0;
    const start = performance.now();
    await store.eachStored(d, {
      begin: () => {},
      page: (b) => { bytes += b.length; },
      gone: () => {},
      batch: (parts) => {
        const s = performance.now();
        bytes += store.recordBatch(parts, room).values.length;
        const e = performance.now() - s;
        batchMs += e;
        visitMs += e;
      },
    });
    out.readsMs = performance.now() - start - visitMs;
    out.batchMs = batchMs;
    d.close();
    log.push(`worst store: reads alone ${out.readsMs.toFixed(0)} ms, recordBatch alone ${batchMs.toFixed(0)} ms (${(bytes / N).toFixed(0)} bytes an account with its posts)`);
  }

  // A version 1 database as the previous version wrote it (JSON strings), written afresh for each run.
  const writeV1 = async (name) => {
    const d = await new Promise((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => { for (const s of ['accounts', 'tweets', 'interactions', 'meta']) r.result.createObjectStore(s); };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    let sample = null;
    for (let at = 0; at < exported.entries.length; at += 2000) {
      const tx = d.transaction(['accounts', 'tweets', 'interactions'], 'readwrite');
      for (const e of exported.entries.slice(at, at + 2000)) {
        const key = e.account.id ? `#${e.account.id}` : `@${e.account.handle.toLowerCase()}`;
        const { tweets, interactions, ...record } = e;
        const text = JSON.stringify(record);
        sample ??= text;
        tx.objectStore('accounts').put(text, key);
        if (tweets && tweets.length > 0) tx.objectStore('tweets').put(JSON.stringify(tweets), key);
        if (interactions && interactions.length > 0) tx.objectStore('interactions').put(JSON.stringify(interactions), key);
      }
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    }
    d.close();
    return sample;
  };
  out.json = [];
  // All written first (as the binary store, each restored seconds or more after its last write).
  for (let run = 0; run < RUNS; run += 1) {
    t0 = performance.now();
    const sample = await writeV1(jsonName(run));
    if (run === 0) log.push(`version 1 store written in ${(performance.now() - t0).toFixed(0)} ms (once per run, each restore upgrades its own); an account record: ${sample.slice(0, 160)}...`);
  }
  for (let run = 0; run < RUNS; run += 1) {
    await sleep(GRACE_MS);
    const r = await restore(jsonName(run));
    const d = await open(jsonName(run));
    const upgraded = [store.PAGES, store.GONE].every((s) => d.objectStoreNames.contains(s)) && d.version === 2;
    d.close();
    if (!upgraded) throw new Error('the version 1 store was not upgraded');
    out.json.push(r);
    log.push(`run ${run + 1} version 1 JSON: upgraded and restored in ${r.ms.toFixed(0)} ms (open ${r.openMs.toFixed(0)} ms, wasm ${r.wasmMs.toFixed(0)} ms, ${r.records} records)`);
  }
  for (let run = 0; run < RUNS; run += 1) await drop(jsonName(run));
  await drop(BINARY);
  return out;
}

/** Runs the bench in `env` (a launched Chromium with the extension) and prints its figures. */
export async function idbRestore(env, { accounts = 100_000, runs = 3, save = 20 } = {}) {
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  try {
    // The page cannot import memory-mix.mjs (not an extension file): its functions go as source.
    const args = JSON.stringify({ N: accounts, RUNS: runs, GRACE_MS: 3000, SAVE: save });
    const out = await ext.evaluate(`(${pageBench})(${args}, ${mixUser}, ${rememberMixExtras}, ${changeUntilLooseLimit})`);
    for (const line of out.log) note(line);
    const per100k = (ms) => (accounts === 100_000 ? ms : (ms * 100_000) / accounts);
    const med = (list, f) => per100k(median(list.map(f)));
    figure('restore_100k_ms', med(out.worst, (r) => r.ms), 'ms');
    figure('restore_100k_worst_loose_values', out.worstValues, 'values');
    figure('restore_100k_compacted_ms', med(out.compacted, (r) => r.ms), 'ms');
    figure('compact_100k_ms', med(out.compact, (r) => r.busy), 'ms');
    figure('compact_100k_commit_ms', med(out.compact, (r) => r.commit), 'ms');
    figure('restore_100k_idb_wasm_ms', med(out.worst, (r) => r.wasmMs), 'ms');
    // The cost model behind the core's loose_limit (src/memory_records.rs), as measured here.
    const pagesOf = out.compact[0]?.pages ?? 0;
    figure('restore_100k_worst_pages_ms', med(out.worst, (r) => r.pagesMs), 'ms');
    figure('restore_100k_worst_after_pages_ms', med(out.worst, (r) => r.looseMs + r.finishMs), 'ms');
    if (pagesOf > 0) figure('restore_page_us', (1000 * median(out.worst.map((r) => r.pagesMs))) / pagesOf, 'µs');
    if (out.worstValues > 0) figure('restore_loose_value_us', (1000 * median(out.worst.map((r) => r.looseMs + r.finishMs))) / out.worstValues, 'µs');
    figure('restore_100k_idb_reads_ms', per100k(out.readsMs), 'ms');
    figure('restore_100k_idb_batch_ms', per100k(out.batchMs), 'ms');
    figure('restore_100k_old_json_ms', med(out.json, (r) => r.ms), 'ms');
    figure('restore_100k_idb_json_wasm_ms', med(out.json, (r) => r.wasmMs), 'ms');
  } finally {
    await ext.close();
  }
}

/** The bench in a Chromium of its own (a fresh profile), closed after. */
export async function idbRestoreFresh(opts = {}) {
  const env = await launch();
  try {
    await idbRestore(env, opts);
  } finally {
    await env.close();
  }
}

async function main() {
  const opts = { accounts: 100_000, runs: 3, save: 20 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined || !(Number(argv[i + 1]) > 0)) {
      throw new Error(`unknown or incomplete option ${argv[i]} (use --accounts N --runs N --save N)`);
    }
    opts[key] = Number(argv[i + 1]);
  }
  await idbRestoreFresh(opts);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`tests/bench/idb-restore.mjs: ${e.stack || e.message}`);
      process.exit(1);
    },
  );
}
