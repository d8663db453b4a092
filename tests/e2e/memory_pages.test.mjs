// The memory store's three parts (shared/memory-store.js: packed pages,
// loose records, tombstones in `gone`) across worker restarts, read back from
// IndexedDB itself: a store holding all three restores the memory the worker
// had; a version 1 database (loose records only, as the previous version
// wrote them) upgrades, restores the same and is compacted at the first save;
// a compaction that fails (a value IndexedDB refuses: the transaction
// aborts after the stores were cleared) leaves the old store as it was (a
// quota cannot be provoked here: Chromium's Storage.overrideQuotaForOrigin
// does not apply to an extension's origin); the options page's export, when
// the worker cannot send it, reads the same memory from pages and loose records.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, extensionPage, sleep, until, stopWorker } from './support/harness.mjs';

let env;
/** An extension page: messages and storage from the extension's own origin. */
let ext;

before(async () => {
  env = await launch();
  ext = await extensionPage(env);
});
after(async () => {
  if (env) await env.close();
});

const send = (message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** A generation-1 GraphQL user result (the shape fb:payload reads); `bump` changes its counts. */
function user(prefix, i, bump = 0) {
  const base = 6_000_000_000 + [...prefix].reduce((n, c) => n * 31 + c.charCodeAt(0), 0) % 1000 * 1_000_000;
  return {
    __typename: 'User',
    rest_id: String(base + i),
    legacy: {
      id_str: String(base + i),
      screen_name: `${prefix}${String(i).padStart(5, '0')}`,
      name: `Person ${i}`,
      description: `Account ${i}: climbing, maps and coffee.`,
      location: 'Lisbon',
      followers_count: 100 + i + bump,
      friends_count: 120 + (i % 50),
      statuses_count: 300 + i + bump,
      favourites_count: 50,
      created_at: 'Mon May 05 05:05:00 +0000 2014',
      default_profile_image: false,
    },
  };
}

/** Sends users [from, to) in payloads of at most `per` accounts. */
async function ingest(prefix, from, to, { per = 2000, bump = 0 } = {}) {
  for (let start = from; start < to; start += per) {
    const users = [];
    for (let i = start; i < Math.min(to, start + per); i += 1) users.push(user(prefix, i, bump));
    const r = await send({ type: 'fb:payload', text: JSON.stringify(users), url: 'https://x.com/i/api/graphql/q/Followers' });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.accounts, users.length);
  }
}

const handleOf = (prefix, i) => `${prefix}${String(i).padStart(5, '0')}`;

/** Interactions for handles (fb:interactions). */
async function interact(handles) {
  const r = await send({ type: 'fb:interactions', interactions: handles.map((handle) => ({ handle, kind: 'liked', at: 1_700_000_000 })) });
  assert.equal(r.recorded, handles.length, JSON.stringify(r));
}

/** The running worker's memory entries (`fb:memory-json`), each as JSON text, sorted. */
async function workerEntries() {
  const r = await send({ type: 'fb:memory-json' });
  assert.equal(r.ok, true, JSON.stringify(r).slice(0, 300));
  return JSON.parse(r.json).entries.map((e) => JSON.stringify(e)).sort();
}

/** What a restarted worker would load (memory-store.js savedMemoryText), as workerEntries gives it. */
async function savedEntries() {
  const text = await ext.evaluate(async () => (await import('/shared/memory-store.js')).savedMemoryText());
  return JSON.parse(text).entries.map((e) => JSON.stringify(e)).sort();
}

/** The values in each of the memory database's stores, read from IndexedDB, and its version. */
function storeCounts() {
  return ext.evaluate(async () => {
    const store = await import('/shared/memory-store.js');
    const db = await store.openMemoryDb();
    const names = [...store.RECORD_STORES, store.PAGES, store.GONE];
    const tx = db.transaction(names, 'readonly');
    const counts = await Promise.all(names.map((n) => new Promise((resolve, reject) => {
      const r = tx.objectStore(n).count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    })));
    const version = db.version;
    db.close();
    return { version, ...Object.fromEntries(names.map((n, i) => [n, counts[i]])) };
  });
}

/** The `gone` store's keys. */
function goneKeys() {
  return ext.evaluate(async () => {
    const store = await import('/shared/memory-store.js');
    const db = await store.openMemoryDb();
    const keys = await new Promise((resolve, reject) => {
      const r = db.transaction([store.GONE], 'readonly').objectStore(store.GONE).getAllKeys();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return keys;
  });
}

async function clearAll() {
  const r = await send({ type: 'fb:memory-clear' });
  assert.equal(r.ok, true, JSON.stringify(r));
}

/** Every save written: the store unchanged over a quiet spell. */
async function settled() {
  let last = '';
  await until('the saves written', async () => {
    await sleep(150);
    const now = JSON.stringify(await storeCounts());
    const same = now === last;
    last = now;
    return same ? true : null;
  });
}

/** Sets memory.capacity (sync settings) and waits until the worker applies it. */
async function setCapacity(cap) {
  await ext.evaluate((c) => chrome.storage.sync.set({ settings: { values: { 'memory.capacity': c } } }), cap);
  await until('the cap applied', async () => (await send({ type: 'fb:memory-stats' })).capacity === cap);
}

/**
 * A store with pages (accounts sent until a save compacts), then loose
 * records: new accounts, paged accounts seen again, an interaction.
 */
async function pagedThenLoose(prefix) {
  await clearAll();
  let n = 0;
  await until('a compaction wrote pages', async () => {
    await ingest(prefix, n, n + 2000);
    n += 2000;
    await settled();
    return (await storeCounts()).pages > 0 ? true : null;
  }, 10);
  const paged = await storeCounts();
  assert.equal(paged.accounts, 0, `right after a compaction nothing is loose: ${JSON.stringify(paged)}`);
  await sleep(1100); // memory times are in seconds: what follows is more recent
  await ingest(prefix, n, n + 40, { per: 20 }); // new
  await ingest(prefix, 0, 25, { per: 25, bump: 7 }); // paged, seen again with other counts
  await interact([handleOf(prefix, 3)]);
  await settled();
  return n;
}

test('a restart restores the same memory from pages, loose records and tombstones', async () => {
  const n = await pagedThenLoose('pg_');
  // At a cap 40 under the count, the 40 least recently seen (paged) go: tombstones.
  const total = n + 40;
  const cap = Math.floor((total - 40) / 1000) * 1000;
  await setCapacity(cap);
  await settled();
  const counts = await storeCounts();
  assert.equal(counts.version, 2);
  assert.ok(counts.pages > 0, `pages: ${JSON.stringify(counts)}`);
  assert.ok(counts.accounts > 0 && counts.interactions > 0, `loose records: ${JSON.stringify(counts)}`);
  assert.equal(counts.gone, total - cap, `a tombstone per forgotten paged account: ${JSON.stringify(counts)}`);
  const gone = new Set(await goneKeys());

  const before = await workerEntries();
  assert.equal(before.length, cap);
  for (const e of before) assert.ok(!gone.has(`#${JSON.parse(e).account.id}`), 'a forgotten account is not remembered');
  assert.ok(before.some((e) => JSON.parse(e).account.followers === 100 + 3 + 7 && JSON.parse(e).interactions.length === 1), 'the paged account seen again, with its interaction');
  assert.deepEqual(await savedEntries(), before, 'the saved copy (pages, tombstones, loose records) is the memory');
  await stopWorker(env);
  assert.equal((await send({ type: 'fb:debug-stats' })).payloads, 0, 'a restarted worker');
  assert.deepEqual(await workerEntries(), before, 'the restarted worker remembers the same');
  await ext.evaluate(() => chrome.storage.sync.remove('settings'));
  await clearAll();
});

/**
 * The previous version's store, written from the extension page while the
 * worker is stopped: DB version 1, the four stores, every record loose as its
 * writer saved them (binary account, posts, interactions records), taken from
 * a core of the page's own in saves of 20 accounts (`n` accounts of `prefix`,
 * three with an interaction). Resolves with the memory's entries (sorted
 * JSON texts), the record kinds and the version written.
 */
function writeVersion1Store(prefix, n, { keepOpen = false } = {}) {
  return ext.evaluate(async ({ users, likes, keepOpen }) => {
    const core = await import('/core/followback.js');
    await core.default();
    await new Promise((resolve, reject) => {
      const r = indexedDB.deleteDatabase('followback-memory');
      r.onsuccess = resolve;
      r.onerror = () => reject(r.error);
    });
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('followback-memory', 1);
      r.onupgradeneeded = () => { for (const s of ['accounts', 'tweets', 'interactions', 'meta']) r.result.createObjectStore(s); };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const engine = new core.Engine(null);
    const now = Date.now();
    const write = (c) => new Promise((resolve, reject) => {
      if (Array.isArray(c.pages) && c.pages.length > 0) throw new Error('the core compacted: no loose records to write');
      const tx = db.transaction(['accounts', 'tweets', 'interactions', 'meta'], 'readwrite');
      ['accounts', 'tweets', 'interactions'].forEach((kind) => {
        for (const [key, value] of c[kind]) {
          if (value === null) tx.objectStore(kind).delete(key);
          else tx.objectStore(kind).put(value, key);
        }
      });
      tx.objectStore('meta').put(engine.memoryCapacity(), 'capacity');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    for (let at = 0; at < users.length; at += 20) {
      engine.ingest(JSON.stringify(users.slice(at, at + 20)), now);
      await write(engine.takeMemoryChanges());
    }
    engine.rememberInteractions(likes, now);
    await write(engine.takeMemoryChanges());
    const kinds = await new Promise((resolve) => {
      const r = db.transaction(['accounts'], 'readonly').objectStore('accounts').getAll();
      r.onsuccess = () => resolve([...new Set(r.result.map((v) => (v instanceof Uint8Array ? 'bytes' : typeof v)))]);
    });
    const version = db.version;
    // Held open (as an older page of the previous version would): nobody can upgrade it meanwhile.
    if (keepOpen) /** @type {any} */ (globalThis).__v1db = db;
    else db.close();
    const entries = JSON.parse(engine.exportMemory()).entries.map((e) => JSON.stringify(e)).sort();
    engine.free();
    return { entries, kinds, version };
  }, {
    users: Array.from({ length: n }, (_, i) => user(prefix, i)),
    likes: [5, 50, 150].map((i) => ({ handle: handleOf(prefix, i), kind: 'liked', at: 1_700_000_000 })),
    keepOpen,
  });
}

test('a version 1 database (loose records only) upgrades, restores the same, and is compacted at the first save', async () => {
  await clearAll();
  await stopWorker(env);
  // The previous version's store, as its writer saved it.
  const expected = await writeVersion1Store('v1_', 300);
  assert.deepEqual(expected.kinds, ['bytes'], 'binary records, as the previous version wrote them');
  assert.equal(expected.version, 1);
  assert.equal(expected.entries.length, 300);

  // The next message starts a worker: it upgrades the database, restores, and its first save compacts.
  // A worker woken meanwhile restored what was there before: the next one restores the version 1 store.
  // (Whichever of them opened it first upgraded it: memory-store.js openMemoryDb.)
  await stopWorker(env);
  const restored = await workerEntries();
  const warnings = (await send({ type: 'fb:debug-stats' })).warnings.map((w) => w.text);
  assert.deepEqual(restored, expected.entries, `the same memory (${JSON.stringify(warnings)})`);
  const counts = await until('compacted', async () => {
    const c = await storeCounts();
    return c.pages > 0 && c.accounts === 0 ? c : null;
  });
  assert.equal(counts.version, 2);
  assert.deepEqual([counts.tweets, counts.interactions, counts.gone], [0, 0, 0], JSON.stringify(counts));
  assert.deepEqual(await savedEntries(), expected.entries, 'the pages hold it all');
  await stopWorker(env);
  assert.deepEqual(await workerEntries(), expected.entries, 'and restore it after a restart');
  await clearAll();
});

test('a worker that could not read the store at start never replaces it with a compaction', async () => {
  await clearAll();
  await stopWorker(env);
  // The version 1 store held open by the page: the starting worker's upgrade is blocked, its restore fails.
  const old = await writeVersion1Store('ro_', 300, { keepOpen: true });
  assert.equal(old.version, 1);
  const stats = await until('the restore refused', async () => {
    const s = await send({ type: 'fb:debug-stats' });
    return s.warnings.some((w) => /memory could not be restored: .*blocked/.test(w.text)) ? s : null;
  });
  assert.equal(stats.remembered, 0, 'the worker started with nothing');
  await ext.evaluate(() => /** @type {any} */ (globalThis).__v1db.close());
  // Past the loose limit (4,000 values): the core compacts, and the worker keeps that off the store.
  await ingest('rn_', 0, 4200);
  const after = await until('the compaction kept off', async () => {
    const s = await send({ type: 'fb:debug-stats' });
    return s.warnings.some((w) => /^memory not compacted: the saved copy could not be read at start/.test(w.text)) ? s : null;
  });
  assert.ok(!after.warnings.some((w) => /^memory compacted/.test(w.text)), JSON.stringify(after.warnings));
  await settled();
  await stopWorker(env);
  const restored = new Set(await workerEntries());
  const missing = old.entries.filter((e) => !restored.has(e));
  assert.deepEqual(missing, [], 'every account of the store the worker could not read is still there');
  await clearAll();
});

test('a compaction IndexedDB refuses to store leaves the old store as it was', async () => {
  await pagedThenLoose('vf_');
  const before = await savedEntries();
  const countsBefore = await storeCounts();
  // memory-store.js writeChanges with a compaction one of whose pages is not
  // a value IndexedDB can store (put throws, after the stores were cleared).
  const failed = await ext.evaluate(async () => {
    const store = await import('/shared/memory-store.js');
    const db = await store.openMemoryDb();
    try {
      await store.writeChanges(db, { clear: true, pages: [new Uint8Array([1, 2, 3]), /** @type {any} */ (() => 0)], accounts: [], tweets: [], interactions: [], deleted: [] });
      return null;
    } catch (err) {
      return String(err && err.message);
    } finally {
      db.close();
    }
  });
  assert.match(String(failed), /^memory not saved: /, 'the save fails with a clear message');
  assert.deepEqual(await storeCounts(), countsBefore, 'nothing of it committed');
  assert.deepEqual(await savedEntries(), before, 'the old store restores the same memory');
  await clearAll();
});

test("the options page's export, when the worker cannot send it, reads pages and loose records", async () => {
  await pagedThenLoose('ex_');
  const remembered = await workerEntries();
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  await page.waitForSelector('#memory-status[data-state="ready"]');
  // As when the export is over runtime messaging's 64 MiB: the worker's answer never comes back.
  await page.evaluate(() => {
    const real = chrome.runtime.sendMessage.bind(chrome.runtime);
    /** @type {any} */ (chrome.runtime).sendMessage = (m, ...rest) => (m && m.type === 'fb:memory-json'
      ? Promise.reject(new Error('Message length exceeded maximum allowed length.'))
      : real(m, ...rest));
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#memory-export')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved.entries.map((e) => JSON.stringify(e)).sort(), remembered, 'the saved copy, every account');
  assert.ok((await storeCounts()).pages > 0);
  await page.close();
  await clearAll();
});
