// A restarted worker's restore of 100,000 remembered accounts in real
// Chromium, IndexedDB's own reads included (tests/bench/memory-store.mjs
// times the same restore in node, which has no IndexedDB). In an extension
// page (options.html) with the built core (dist/core) loaded there, a
// realistic mix (tests/bench/memory-mix.mjs, as memory-store.mjs remembers
// it: every account as a Followers page sends it, one in ten with 1-20 posts, one in ten seen again with other
// counts, one in 33 with interactions) is remembered by an Engine and its
// records written as the worker writes them (Engine.takeMemoryChanges into
// memory-store.js writeChanges, one save per 2,000 accounts) into a database
// of the bench's own (openMemoryDb through a factory that renames it, so the
// worker's own store is untouched). The same memory is written once more into
// a second database in the old form (every record a JSON string, as an older
// version wrote it: the account record `{account, history?, last_seen}`,
// posts and interactions as lists; tests/e2e/memory_store.test.mjs builds
// such a store the same way). Then, for each form, three restores as the
// worker does one at start (service-worker.js): a fresh wasm instance, the
// database opened, memory-store.js restoreRecords into
// Engine.beginMemoryRestore / loadMemoryChunk / finishMemoryRestore, timed
// from the open to the finish; the database closed and left alone for a few
// seconds in between, so Chromium closes its backing store as it does when
// a worker has stopped. Medians of the three:
//
//   restore_100k_ms           the binary form (what the worker writes now): the
//                             goal figure, since a user's restore includes the reads
//   restore_100k_old_json_ms  the old JSON-string form (the same code reads it)
//
// and, per form, where the time goes: the wasm's share measured inside the
// restore (loadMemoryChunk and finish), and, in one more pass that reads the
// same batches as restoreRecords does (the same getAllKeys/getAll ranges)
// without building or loading them, IndexedDB's reads alone, then
// memory-store.js recordBatch over those values alone. Then, not the
// product, one alternative store to tell IndexedDB's cost per record from its
// cost per byte: the same binary records packed 200 or 1,000 accounts to one
// IndexedDB value (a loadMemoryChunk batch as it is), restored one value at a
// time (`restore_100k_idb_packed_<size>_alt_ms`). Differences from the
// worker: the page's main thread, not the worker's thread (IndexedDB serves
// both from the browser process the same way); the records were just written,
// so the disk's cache is warm, as it is for a worker that stopped after 30 s
// idle. Prints `<name> <value> <unit>` lines on stdout, details on stderr.
//
//   cd tests && node bench/idb-restore.mjs [--accounts 100000] [--runs 3]

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/support/harness.mjs';
import { figure, median } from './goals.mjs';
import { mixUser, rememberMixExtras } from './memory-mix.mjs';

const note = (...a) => console.error(...a);

/**
 * Runs in the extension page: writes both stores, then times the restores.
 * `user` and `rememberMixExtras` are memory-mix.mjs's, handed over as source.
 * Returns per-form lists of milliseconds.
 */
async function pageBench({ N, RUNS, GRACE_MS, PACKED }, user, rememberMixExtras) {
  const store = await import('/shared/memory-store.js');
  const core = await import('/core/followback.js');
  const wasmUrl = '/core/followback_bg.wasm';
  await core.default({ module_or_path: wasmUrl });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
  const NAMES = { binary: 'followback-bench-idb-binary', json: 'followback-bench-idb-json' };
  /** indexedDB under another name: memory-store.js's openMemoryDb, on the bench's own database. */
  const renamed = (name) => ({ open: (_name, version) => indexedDB.open(name, version) });
  const open = (form) => store.openMemoryDb(/** @type {any} */ (renamed(NAMES[form])));
  const drop = (name) => new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onerror = () => reject(new Error(`${name} not deleted`));
    // Blocked while a closed connection's last transaction ends: it goes on once it has.
    const late = setTimeout(() => reject(new Error(`${name} still blocked after 20 s`)), 20_000);
    r.onsuccess = () => { clearTimeout(late); resolve(); };
  });
  const log = [];


  for (const name of Object.values(NAMES)) await drop(name);

  // The binary form: the writer's records as the worker saves them.
  let t0 = performance.now();
  const writer = new core.Engine(null);
  writer.setCapacity(N);
  const db = await open('binary');
  const save = () => store.writeChanges(db, writer.takeMemoryChanges());
  for (let start = 0; start < N; start += 2000) {
    const users = [];
    for (let i = start; i < Math.min(N, start + 2000); i += 1) users.push(user(i));
    writer.ingest(JSON.stringify(users), NOW + start);
    await save();
  }
  for (let start = 0; start < N; start += 2000) {
    rememberMixExtras(writer, user, { start, end: Math.min(N, start + 2000), now: NOW, n: N });
    await save();
  }
  if (writer.accountCount() !== N) throw new Error(`the writer remembers ${writer.accountCount()} of ${N}`);
  const count = async (d, name) => {
    const r = d.transaction([name], 'readonly').objectStore(name).count();
    return new Promise((resolve) => { r.onsuccess = () => resolve(r.result); });
  };
  const counts = async (d) => Promise.all(store.RECORD_STORES.map((s) => count(d, s)));
  const binaryCounts = await counts(db);
  db.close();
  log.push(`binary form: ${binaryCounts.join(' / ')} account / post / interaction records written in ${(performance.now() - t0).toFixed(0)} ms`);

  // The old form: the same memory, every record a JSON string.
  t0 = performance.now();
  const exported = JSON.parse(writer.exportMemory());
  writer.free();
  const jdb = await open('json');
  let sample = null;
  for (let at = 0; at < exported.entries.length; at += 2000) {
    const changes = { accounts: [], tweets: [], interactions: [] };
    for (const e of exported.entries.slice(at, at + 2000)) {
      const key = e.account.id ? `#${e.account.id}` : `@${e.account.handle.toLowerCase()}`;
      const { tweets, interactions, ...record } = e;
      changes.accounts.push([key, JSON.stringify(record)]);
      if (tweets && tweets.length > 0) changes.tweets.push([key, JSON.stringify(tweets)]);
      if (interactions && interactions.length > 0) changes.interactions.push([key, JSON.stringify(interactions)]);
    }
    sample ??= changes.accounts[0][1];
    await store.writeChanges(jdb, changes);
  }
  const jsonCounts = await counts(jdb);
  jdb.close();
  log.push(`JSON form: ${jsonCounts.join(' / ')} records written in ${(performance.now() - t0).toFixed(0)} ms; an account record: ${sample.slice(0, 160)}...`);
  if (jsonCounts.join() !== binaryCounts.join()) throw new Error(`the two stores differ: ${binaryCounts} against ${jsonCounts}`);

  /** A restarted worker's restore: fresh wasm, the database opened, restoreRecords, finish. */
  const restore = async (form) => {
    core.__wbg_reset_state();
    await core.default({ module_or_path: wasmUrl });
    const engine = new core.Engine(null);
    let wasmMs = 0;
    const start = performance.now();
    const d = await open(form);
    const opened = performance.now();
    const records = await store.restoreRecords(d, {
      begin: (n) => { const s = performance.now(); engine.beginMemoryRestore(n); wasmMs += performance.now() - s; },
      chunk: (keys, values, lengths) => { const s = performance.now(); engine.loadMemoryChunk(keys, values, lengths); wasmMs += performance.now() - s; },
    });
    const f = performance.now();
    const report = engine.finishMemoryRestore();
    const end = performance.now();
    wasmMs += end - f;
    const loaded = report.loaded;
    const skipped = report.skipped;
    const accounts = engine.accountCount();
    engine.free();
    d.close();
    if (loaded !== N || accounts !== N || skipped > 0) throw new Error(`${form}: restored ${loaded} (${skipped} skipped, ${accounts} in memory) of ${N}`);
    return { ms: end - start, openMs: opened - start, wasmMs, records };
  };

  /**
   * restoreRecords's reads (memory-store.js eachRecordBatch: the same ranges,
   * batches of `batch` accounts), each batch handed to `each` as read (its
   * time not counted in `readMs`).
   */
  const readBatches = async (form, each, batch = store.RESTORE_BATCH) => {
    const d = await open(form);
    const start = performance.now();
    let eachMs = 0;
    await store.eachRecordBatch(d, () => {}, (parts) => {
      const s = performance.now();
      each(parts);
      eachMs += performance.now() - s;
    }, batch);
    const readMs = performance.now() - start - eachMs;
    d.close();
    return { readMs, eachMs };
  };

  /** The reads, and recordBatch over each batch as read (timed apart), nothing loaded. */
  const readsOnly = async (form) => {
    const room = store.batchRoom();
    let bytes = 0;
    const { readMs, eachMs } = await readBatches(form, (b) => { bytes += store.recordBatch(b, room).values.length; });
    return { readMs, batchMs: eachMs, bytes };
  };

  // Not the product: one alternative store, to tell IndexedDB's cost per
  // record from its cost per byte. The binary records packed, `size`
  // accounts (with their posts and interactions) to one IndexedDB value:
  // the batch loadMemoryChunk takes ({ keys, values, lengths }, as
  // recordBatch builds it), keyed by its number. Its restore reads one
  // value at a time, as restoreRecords reads one batch at a time.
  const packedName = (size) => `followback-bench-idb-packed-${size}`;
  const writePacked = async (size) => {
    await drop(packedName(size));
    const pages = [];
    await readBatches('binary', (b) => {
      const { keys, values, lengths } = store.recordBatch(b);
      pages.push([pages.length, { keys, values, lengths }]);
    }, size);
    const d = await store.openMemoryDb(/** @type {any} */ (renamed(packedName(size))));
    await new Promise((resolve, reject) => {
      const tx = d.transaction(['accounts'], 'readwrite');
      for (const [n, page] of pages) tx.objectStore('accounts').put(page, n);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    d.close();
    return pages.length;
  };
  const restorePacked = async (size) => {
    core.__wbg_reset_state();
    await core.default({ module_or_path: wasmUrl });
    const engine = new core.Engine(null);
    const result = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
    let wasmMs = 0;
    const start = performance.now();
    const d = await store.openMemoryDb(/** @type {any} */ (renamed(packedName(size))));
    const pages = d.transaction(['accounts'], 'readonly').objectStore('accounts');
    const n = await result(pages.count());
    engine.beginMemoryRestore(N);
    for (let k = 0; k < n; k += 1) {
      const page = await result(pages.get(k));
      const s = performance.now();
      engine.loadMemoryChunk(page.keys, page.values, page.lengths);
      wasmMs += performance.now() - s;
    }
    const report = engine.finishMemoryRestore();
    const ms = performance.now() - start;
    engine.free();
    d.close();
    if (report.loaded !== N) throw new Error(`packed ${size}: restored ${report.loaded} of ${N}`);
    return { ms, wasmMs, pages: n };
  };

  const out = { log, binary: [], json: [], split: {} };
  for (let run = 0; run < RUNS; run += 1) {
    for (const form of ['binary', 'json']) {
      await sleep(GRACE_MS); // nothing open: Chromium closes the backing store, as after a worker's stop
      const r = await restore(form);
      out[form].push(r);
      log.push(`run ${run + 1} ${form}: ${r.records} records restored in ${r.ms.toFixed(0)} ms (open ${r.openMs.toFixed(0)} ms, wasm ${r.wasmMs.toFixed(0)} ms)`);
    }
  }
  for (const form of ['binary', 'json']) {
    await sleep(GRACE_MS);
    out.split[form] = await readsOnly(form);
    log.push(`${form}: reads alone ${out.split[form].readMs.toFixed(0)} ms, recordBatch alone ${out.split[form].batchMs.toFixed(0)} ms (${(out.split[form].bytes / N).toFixed(0)} bytes an account with its posts)`);
  }
  out.packed = {};
  for (const size of PACKED) {
    const pages = await writePacked(size);
    out.packed[size] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await sleep(GRACE_MS);
      const r = await restorePacked(size);
      out.packed[size].push(r);
      log.push(`run ${run + 1} packed ${size} accounts a value (not the product): ${pages} values restored in ${r.ms.toFixed(0)} ms (wasm ${r.wasmMs.toFixed(0)} ms)`);
    }
    await drop(packedName(size));
  }
  for (const name of Object.values(NAMES)) await drop(name);
  return out;
}

/** Runs the bench in `env` (a launched Chromium with the extension) and prints its figures. */
export async function idbRestore(env, { accounts = 100_000, runs = 3, packed = [200, 1000] } = {}) {
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  try {
    // The page cannot import memory-mix.mjs (not an extension file): its functions go as source.
    const args = JSON.stringify({ N: accounts, RUNS: runs, GRACE_MS: 3000, PACKED: packed });
    const out = await ext.evaluate(`(${pageBench})(${args}, ${mixUser}, ${rememberMixExtras})`);
    for (const line of out.log) note(line);
    const per100k = (ms) => (accounts === 100_000 ? ms : (ms * 100_000) / accounts);
    const med = (form, f) => per100k(median(out[form].map(f)));
    figure('restore_100k_ms', med('binary', (r) => r.ms), 'ms');
    figure('restore_100k_old_json_ms', med('json', (r) => r.ms), 'ms');
    for (const form of ['binary', 'json']) {
      const suffix = form === 'binary' ? '' : '_json';
      figure(`restore_100k_idb${suffix}_wasm_ms`, med(form, (r) => r.wasmMs), 'ms');
      figure(`restore_100k_idb${suffix}_reads_ms`, per100k(out.split[form].readMs), 'ms');
      figure(`restore_100k_idb${suffix}_batch_ms`, per100k(out.split[form].batchMs), 'ms');
    }
    // Not the product's store: the alternative (binary records packed, SIZE accounts a value).
    for (const size of Object.keys(out.packed)) {
      figure(`restore_100k_idb_packed_${size}_alt_ms`, per100k(median(out.packed[size].map((r) => r.ms))), 'ms');
    }
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
  const opts = { accounts: 100_000, runs: 3 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined || !(Number(argv[i + 1]) > 0)) {
      throw new Error(`unknown or incomplete option ${argv[i]} (use --accounts N --runs N)`);
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
