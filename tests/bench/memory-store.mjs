// Memory store figures: how long a restarted worker takes to restore 100,000
// remembered accounts from their IndexedDB records, and what each costs in
// the store and in the wasm heap. Loads the wasm-bindgen output (dist/core)
// in node; the records are built exactly as the worker writes them
// (Engine.takeMemoryChanges) and handed back as memory-store.js reads them
// (`key\trecord` lines, Engine.loadMemoryRecords). IndexedDB's own reads are
// not included (node has none).
// Prints `<name> <value> <unit>` lines on stdout, details on stderr.
//
//   node tests/bench/memory-store.mjs [--core dist/core] [--accounts 100000]

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = 3;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const CORE = path.resolve(opt('core', path.join(ROOT, 'dist/core')));
const N = Number(opt('accounts', '100000'));
const note = (...a) => console.error(...a);
function figure(name, value, unit) {
  const text = Number.isInteger(value) || value >= 1000 ? value.toFixed(0) : value.toFixed(2);
  console.log(`${name} ${text} ${unit}`);
}

/** A followers-list account as X's GraphQL sends it (every profile fact, an 80-character bio). */
function user(i) {
  return {
    __typename: 'User',
    rest_id: String(1_500_000_000_000_000_000n + BigInt(i)),
    legacy: {
      id_str: String(1_500_000_000_000_000_000n + BigInt(i)),
      screen_name: `jane_${String(i).padStart(6, '0')}`,
      name: `Jane Doe ${i}`,
      description: `${String(i).padStart(6, '0')} Writer & climber. Coffee, maps and bad puns. Opinions are my own.`,
      location: 'Lisbon, Portugal',
      followers_count: 812 + (i % 5000),
      friends_count: 403,
      statuses_count: 3120,
      favourites_count: 5210,
      listed_count: 4,
      media_count: 120,
      created_at: 'Mon May 05 05:05:00 +0000 2014',
      default_profile_image: false,
      default_profile: false,
      verified: false,
      protected: false,
    },
    is_blue_verified: false,
  };
}

/** `key\trecord` lines, as memory-store.js readRecords builds them. */
function lines(map) {
  const out = [];
  for (const [k, v] of map) out.push(`${JSON.stringify(k)}\t${v}`);
  return out.join('\n');
}

const core = await import(pathToFileURL(path.join(CORE, 'followback.js')).href);
const wasmBytes = readFileSync(path.join(CORE, 'followback_bg.wasm'));
let exports = await core.default({ module_or_path: wasmBytes });
const { Engine } = core;
const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);

// Remember N accounts as X's pages would send them, and keep the records the worker would write.
const writer = new Engine(null);
writer.setCapacity(N);
const stores = [new Map(), new Map(), new Map()];
let written = 0;
const t0 = performance.now();
for (let start = 0; start < N; start += 2000) {
  const users = [];
  for (let i = start; i < Math.min(N, start + 2000); i += 1) users.push(user(i));
  const r = writer.ingest(JSON.stringify(users), NOW + start);
  written += r.accounts;
  const c = writer.takeMemoryChanges();
  ['accounts', 'tweets', 'interactions'].forEach((kind, k) => {
    for (const [key, value] of c[kind]) {
      if (typeof value === 'string') stores[k].set(key, value);
      else stores[k].delete(key);
    }
  });
  for (const key of c.deleted) for (const s of stores) s.delete(key);
}
note(`remembered ${written} accounts in ${(performance.now() - t0).toFixed(0)} ms (ingest + takeMemoryChanges)`);
const storedBytes = writer.memoryBytes();
note(`${stores[0].size} account records, ${stores[1].size} post records, ${stores[2].size} interaction records; ${storedBytes} bytes`);
if (stores[0].size !== N) throw new Error(`expected ${N} account records, got ${stores[0].size}`);
writer.free();

// Restore: a fresh wasm instance each run (as a restarted worker), lines built then loaded.
let best = Infinity;
let heapPerAccount = 0;
let bestCpu = Infinity;
for (let run = 0; run < RUNS; run += 1) {
  core.__wbg_reset_state();
  exports = await core.default({ module_or_path: wasmBytes });
  const heapBefore = exports.memory.buffer.byteLength;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const text = stores.map(lines);
  const joined = performance.now();
  const engine = new Engine(null);
  const report = engine.loadMemoryRecords(text[0], text[1], text[2]);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  bestCpu = Math.min(bestCpu, cpuMs);
  if (report.loaded !== N || engine.accountCount() !== N) throw new Error(`restored ${report.loaded} of ${N}`);
  best = Math.min(best, ms);
  heapPerAccount = (exports.memory.buffer.byteLength - heapBefore) / N;
  note(`run ${run + 1}: restored ${report.loaded} accounts in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU; lines built in ${(joined - start).toFixed(0)} ms); wasm heap grew ${((exports.memory.buffer.byteLength - heapBefore) / 1048576).toFixed(1)} MiB`);
}
figure('restore_100k_ms', N === 100000 ? best : (best * 100000) / N, 'ms');
figure('restore_100k_cpu_ms', N === 100000 ? bestCpu : (bestCpu * 100000) / N, 'ms');
figure('memory_bytes_per_account', heapPerAccount, 'bytes');
figure('memory_store_bytes_per_account', storedBytes / N, 'bytes');

