// @ts-check
// The memory's IndexedDB store, written by the service worker (Firefox: the
// background script) and read by the options page's export when the worker
// cannot send it. Effects only: what to write, when to compact and how records
// are read back is decided in Rust (src/memory_records.rs, src/memory_binary.rs).
//
// Three parts, because IndexedDB costs about 15-20 µs per VALUE read whatever
// its size, so 100,000 accounts stored one value each (plus their posts and
// interactions) take seconds to read back, while the same bytes in a hundred
// values take a few milliseconds:
// - `pages`: the whole memory as the core packed it at the last compaction,
//   each value (a Uint8Array, opaque here) about 1,000 accounts with their
//   posts and interactions, keyed 0..n-1, keys ascending across pages;
// - loose records (`accounts`, `tweets`, `interactions`, keyed by the memory
//   key `#id` / `@handle`): what changed since the pages, one value per record
//   kind as the core's MemoryChanges hands them out (a record replaces the
//   paged entry of its key; JSON strings an older version wrote are read the
//   same way and compacted at the next save);
// - `gone`: tombstones (memory key -> 1) for the paged entries taken out since.
// A save writes loose records and tombstones (small, as soon as accounts
// arrive); when the core decides (loose records past its limit, a rewrite, a
// clear) it hands out pages instead and the save replaces all five stores in
// one transaction (a compaction: it commits whole or leaves the old store as
// it was). A restore hands the core pages, then tombstones, then loose
// records, read in one transaction: a few pages requested ahead of the one
// being loaded, and the tombstones and loose records (one batch for a store
// with pages) requested while the pages load, so IndexedDB reads while the
// core works; it holds a few pages and one batch of records at most.
// `meta` keeps the cap in force, the last eviction, when the old saved string
// was moved here. Version 1 databases (loose records only) upgrade in place.

export const DB_NAME = 'followback-memory';
const DB_VERSION = 2;
/** The loose record stores, in the order of the core's MemoryChanges lists. */
export const RECORD_STORES = /** @type {const} */ (['accounts', 'tweets', 'interactions']);
/** The packed pages (key: page number, value: the core's page bytes). */
export const PAGES = 'pages';
/** Tombstones: memory keys taken out since the pages were written (value 1). */
export const GONE = 'gone';
const META = 'meta';
/** Every store a save or a restore touches. */
const MEMORY_STORES = /** @type {const} */ ([...RECORD_STORES, PAGES, GONE]);
/** About how many accounts the core packs into one page (only sizes the heap before a restore). */
export const PAGE_ACCOUNTS = 1000;

/**
 * An Error saying `what` failed and why (the DOMException's message, or its
 * name when the message is empty, e.g. a QuotaExceededError).
 * @param {IDBRequest | IDBTransaction} r @param {string} what
 */
const failure = (r, what) => {
  const error = /** @type {any} */ (r).error;
  return new Error(`${what}: ${String(error?.message || error?.name || error || 'failed')}`);
};

/**
 * Opens (creating on first use) the memory database; a version 1 database
 * gets the `pages` and `gone` stores, its records kept as they are.
 * @param {IDBFactory} [factory]
 * @returns {Promise<IDBDatabase>}
 */
export function openMemoryDb(factory = indexedDB) {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    let refused = false;
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [...MEMORY_STORES, META]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // Opened after all once unblocked: nobody holds it, so it must not block others.
      if (refused) {
        db.close();
        return;
      }
      // Another context upgrading the database: let it, and reopen next time.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(failure(req, 'the memory database could not be opened'));
    req.onblocked = () => {
      refused = true;
      reject(new Error('the memory database is blocked by another page'));
    };
  });
}

/** @param {unknown} err */
const errorText = (err) => String(/** @type {any} */ (err)?.message ?? err);

/** @template T @param {IDBRequest<T>} req @returns {Promise<T>} */
function result(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(failure(req, 'memory read failed'));
  });
}

const utf8 = new TextEncoder();

/**
 * A stored record's bytes: a binary record as it is, an older JSON string as
 * UTF-8; null for anything else (left out).
 * @param {unknown} v @returns {Uint8Array | null}
 */
function recordBytes(v) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (typeof v === 'string') return utf8.encode(v);
  return null;
}

/**
 * Reusable room for {@link recordBatch}: a restore builds every batch in the
 * same two buffers instead of allocating new ones per batch.
 * @returns {{ values: Uint8Array, lengths: Uint32Array }}
 */
export function batchRoom() {
  return { values: new Uint8Array(0), lengths: new Uint32Array(0) };
}

/**
 * A batch of records as Engine.loadMemoryChunk takes it, from each store's
 * keys and values (accounts, tweets, interactions): the keys as one JSON
 * text (`[[...], [...], [...]]`), every record's bytes one after the other
 * in that order, and each record's length. Values that are neither bytes
 * nor strings are left out. With `room` ({@link batchRoom}), the bytes and
 * lengths are views of it, valid until the next batch built in it.
 * @param {[IDBValidKey[], unknown[]][]} stores
 * @param {{ values: Uint8Array, lengths: Uint32Array }} [room]
 * @returns {{ keys: string, values: Uint8Array, lengths: Uint32Array, records: number }}
 */
export function recordBatch(stores, room) {
  /** @type {string[][]} */
  const keys = [];
  /** @type {Uint8Array[]} */
  const parts = [];
  let total = 0;
  for (const [storeKeys, values] of stores) {
    /** @type {string[]} */
    const kept = [];
    for (let i = 0; i < storeKeys.length; i += 1) {
      const bytes = recordBytes(values[i]);
      if (bytes === null) continue;
      kept.push(String(storeKeys[i]));
      parts.push(bytes);
      total += bytes.length;
    }
    keys.push(kept);
  }
  let values;
  let lengths;
  if (room) {
    if (room.values.length < total) room.values = new Uint8Array(Math.max(total, 2 * room.values.length));
    if (room.lengths.length < parts.length) room.lengths = new Uint32Array(Math.max(parts.length, 2 * room.lengths.length));
    values = room.values.subarray(0, total);
    lengths = room.lengths.subarray(0, parts.length);
  } else {
    values = new Uint8Array(total);
    lengths = new Uint32Array(parts.length);
  }
  let at = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const p = parts[i];
    values.set(p, at);
    lengths[i] = p.length;
    at += p.length;
  }
  return { keys: JSON.stringify(keys), values, lengths, records: parts.length };
}

/**
 * Every loose record as one batch, for Engine.loadMemoryRecords, read in one
 * transaction (pages and tombstones left out: a version 1 store's whole memory).
 * @param {IDBDatabase} db
 * @returns {Promise<{ keys: string, values: Uint8Array, lengths: Uint32Array, records: number }>}
 */
export async function readRecords(db) {
  const tx = db.transaction([...RECORD_STORES], 'readonly');
  const parts = await Promise.all(RECORD_STORES.map(async (name) => {
    const store = tx.objectStore(name);
    return /** @type {[IDBValidKey[], unknown[]]} */ (await Promise.all([result(store.getAllKeys()), result(store.getAll())]));
  }));
  return recordBatch(parts);
}

/**
 * Accounts handed to the engine per batch when restoring loose records: a
 * few MB at most. As many as a store with pages can hold loose (the core's
 * loose_limit is at most 4,000 values), so such a store's loose records are
 * one batch, requested at once; a version 1 store takes several.
 */
export const RESTORE_BATCH = 4000;

/**
 * Pages requested ahead of the one the core is loading (each a few hundred
 * KB): IndexedDB reads them while the core loads, so neither waits long.
 */
export const PAGES_AHEAD = 3;

/**
 * The loose records read in batches: `count` gets the number of account
 * records, then `each` (synchronous) gets up to `batch` account records in
 * key order with the posts and interactions records of the same key range,
 * as three [keys, values] pairs (what {@link recordBatch} takes). Reads in
 * `source`'s transaction when it is one (it must cover the record stores),
 * else in one of its own. Resolves with the number of records read.
 * @param {IDBDatabase | IDBTransaction} source
 * @param {(accounts: number) => void} count
 * @param {(parts: [IDBValidKey[], unknown[]][]) => void} each
 * @param {number} [batch]
 * @returns {Promise<number>}
 */
export async function eachRecordBatch(source, count, each, batch = RESTORE_BATCH) {
  const tx = 'objectStore' in source ? source : source.transaction([...RECORD_STORES], 'readonly');
  const [accounts] = RECORD_STORES.map((name) => tx.objectStore(name));
  const n = await result(accounts.count());
  count(n);
  return readRecordBatches(tx, n, each, batch);
}

/**
 * The walk of {@link eachRecordBatch} over `accounts` account records (their
 * count); when they fit one batch, every request goes out at once (no key
 * range to wait for).
 * @param {IDBTransaction} tx @param {number} accounts
 * @param {(parts: [IDBValidKey[], unknown[]][]) => void} each
 * @param {number} batch
 * @returns {Promise<number>}
 */
async function readRecordBatches(tx, accounts, each, batch) {
  if (accounts < batch) {
    const parts = await Promise.all(RECORD_STORES.map((name) => {
      const store = tx.objectStore(name);
      return /** @type {Promise<[IDBValidKey[], unknown[]]>} */ (Promise.all([result(store.getAllKeys()), result(store.getAll())]));
    }));
    each(parts);
    return parts.reduce((n, [keys]) => n + keys.length, 0);
  }
  return walkRecordBatches(tx, each, batch);
}

/**
 * The loose records in batches of `batch` account records (key ranges).
 * @param {IDBTransaction} tx
 * @param {(parts: [IDBValidKey[], unknown[]][]) => void} each
 * @param {number} batch
 * @returns {Promise<number>}
 */
async function walkRecordBatches(tx, each, batch) {
  const [accounts, tweets, interactions] = RECORD_STORES.map((name) => tx.objectStore(name));
  let records = 0;
  /** @type {IDBValidKey | undefined} */
  let after;
  for (;;) {
    const from = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const [keys, values] = await Promise.all([result(accounts.getAllKeys(from, batch)), result(accounts.getAll(from, batch))]);
    const last = keys.length < batch;
    // Posts and interactions of the same keys: (after, this batch's last key],
    // and everything beyond with the last batch (records without an account).
    const upTo = last ? undefined : keys[keys.length - 1];
    /** @type {IDBKeyRange | undefined} */
    let range;
    if (upTo === undefined) range = from;
    else if (after === undefined) range = IDBKeyRange.upperBound(upTo);
    else range = IDBKeyRange.bound(after, upTo, true, false);
    const [tk, tv, ik, iv] = await Promise.all([
      result(tweets.getAllKeys(range)), result(tweets.getAll(range)),
      result(interactions.getAllKeys(range)), result(interactions.getAll(range)),
    ]);
    each([[keys, values], [tk, tv], [ik, iv]]);
    records += keys.length + tk.length + ik.length;
    if (last) return records;
    after = upTo;
  }
}

/**
 * `p`, its rejection already handled (still seen by whoever awaits it): a
 * request made ahead may fail after the restore stopped on an earlier error.
 * @template T @param {Promise<T>} p @returns {Promise<T>}
 */
function handled(p) {
  p.catch(() => {});
  return p;
}

/**
 * A stored page's bytes; anything else (not written by this code) as no
 * bytes at all, which the core counts as a damaged page (skipped, and the
 * next save compacts without it).
 * @param {unknown} v @returns {Uint8Array}
 */
function pageBytes(v) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return new Uint8Array(0);
}

/**
 * Everything stored, read in one transaction in the order a restore needs
 * it: `begin` gets an estimate of the accounts (pages × PAGE_ACCOUNTS + loose
 * account records: it only sizes the heap), `page` each page's bytes in key
 * order (the next {@link PAGES_AHEAD} pages are being read meanwhile: at most
 * that many more held), `gone` the tombstones' keys (once, only when there
 * are any), `batch` the loose records in batches ({@link eachRecordBatch},
 * the one walk over them). All synchronous. The tombstones, and the loose
 * records when they are one batch (a store with pages), are requested once
 * the first pages are, so IndexedDB reads them while the core loads pages;
 * they are handed over after the last page. Resolves with what was read.
 * @param {IDBDatabase} db
 * @param {{ begin: (accounts: number) => void, page: (bytes: Uint8Array) => void, gone: (keys: string[]) => void, batch: (parts: [IDBValidKey[], unknown[]][]) => void }} visit
 * @param {number} [batch]
 * @returns {Promise<{ pages: number, gone: number, records: number }>}
 */
export async function eachStored(db, visit, batch = RESTORE_BATCH) {
  const tx = db.transaction([...MEMORY_STORES], 'readonly');
  const pages = tx.objectStore(PAGES);
  const [pageKeys, looseAccounts] = await Promise.all([result(pages.getAllKeys()), result(tx.objectStore(RECORD_STORES[0]).count())]);
  visit.begin(pageKeys.length * PAGE_ACCOUNTS + looseAccounts);
  /** @type {Promise<unknown>[]} */
  const ahead = [];
  let asked = 0;
  const ask = () => {
    while (asked < pageKeys.length && ahead.length < PAGES_AHEAD) ahead.push(handled(result(pages.get(pageKeys[asked++]))));
  };
  ask();
  const gone = handled(result(tx.objectStore(GONE).getAllKeys()));
  // Loose records of one batch: requested now, held until the pages are in.
  /** @type {[IDBValidKey[], unknown[]][] | null} */
  let early = null;
  const looseRead = looseAccounts < batch
    ? handled(readRecordBatches(tx, looseAccounts, (parts) => { early = parts; }, batch))
    : null;
  while (ahead.length > 0) {
    const value = await /** @type {Promise<unknown>} */ (ahead.shift());
    ask();
    visit.page(pageBytes(value));
  }
  const goneKeys = await gone;
  if (goneKeys.length > 0) visit.gone(goneKeys.map(String));
  let records;
  if (looseRead !== null) {
    records = await looseRead;
    if (early !== null) visit.batch(early);
  } else {
    records = await walkRecordBatches(tx, visit.batch, batch);
  }
  return { pages: pageKeys.length, gone: goneKeys.length, records };
}

/**
 * What a restore hands the core ({@link restoreRecords}): `begin` the
 * accounts to make room for, `page` each page's bytes, `forget` the
 * tombstones' keys as one JSON array text, `chunk` each batch of loose
 * records (keys JSON, bytes, lengths: views the callee must not keep).
 * @typedef {{ begin: (accounts: number) => void, page: (bytes: Uint8Array) => void, forget: (keysJson: string) => void, chunk: (keys: string, values: Uint8Array, lengths: Uint32Array) => void }} MemoryLoad
 */

/**
 * The {@link MemoryLoad} that restores into `engine` (Engine.beginMemoryRestore,
 * loadMemoryPage, forgetMemoryKeys, loadMemoryChunk; the caller ends with
 * finishMemoryRestore).
 * @param {import('../core/followback.js').Engine} engine
 * @returns {MemoryLoad}
 */
export function engineLoad(engine) {
  return {
    begin: (n) => engine.beginMemoryRestore(n),
    page: (bytes) => engine.loadMemoryPage(bytes),
    forget: (keysJson) => engine.forgetMemoryKeys(keysJson),
    chunk: (keys, values, lengths) => engine.loadMemoryChunk(keys, values, lengths),
  };
}

/**
 * The store handed to `load` in one transaction ({@link eachStored}): the
 * pages, then the tombstones, then the loose records in batches
 * ({@link recordBatch}: the records' bytes copied into the wasm heap at once,
 * no parsing of text). The bytes held at once are one page's or one batch's,
 * whatever the number of accounts. Resolves with the number of loose records
 * read.
 * @param {IDBDatabase} db
 * @param {MemoryLoad} load
 * @param {number} [batch]
 * @returns {Promise<number>}
 */
export async function restoreRecords(db, load, batch = RESTORE_BATCH) {
  const room = batchRoom();
  const read = await eachStored(db, {
    begin: load.begin,
    page: load.page,
    gone: (keys) => load.forget(JSON.stringify(keys)),
    batch: (parts) => {
      const b = recordBatch(parts, room);
      load.chunk(b.keys, b.values, b.lengths);
    },
  }, batch);
  return read.records;
}

/**
 * The core's MemoryChanges (src/wasm.rs): `pages` an array for a compaction.
 * @typedef {{ clear?: boolean, pages?: Uint8Array[] | null, accounts?: [string, Uint8Array | string][], tweets?: [string, Uint8Array | string | null][], interactions?: [string, Uint8Array | string | null][], deleted?: string[] }} StoreChanges
 */

/**
 * Writes one save (the core's MemoryChanges) in one transaction, with `meta`
 * entries; resolves once it committed (rejects, nothing written, when it
 * aborted). A compaction (`pages` an array) empties the five stores and
 * writes the pages under 0..n-1; so does `clear` (then the records rewrite
 * the memory loose). Otherwise the deletes (each key's records deleted and a
 * tombstone put, since a page may hold it), then the records, each live key's
 * tombstone taken out.
 * @param {IDBDatabase} db
 * @param {StoreChanges} changes
 * @param {Record<string, unknown>} [meta]
 * @returns {Promise<void>}
 */
export function writeChanges(db, changes, meta = {}) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...MEMORY_STORES, META], 'readwrite');
    tx.oncomplete = () => resolve();
    // A request's error comes first (the transaction aborts after it), then the abort's own (a quota at commit).
    tx.onerror = (ev) => reject(failure(/** @type {IDBRequest} */ (ev.target) ?? tx, 'memory not saved'));
    tx.onabort = () => reject(failure(tx, 'memory not saved'));
    try {
      putChanges(tx, changes, meta);
    } catch (err) {
      // A value IndexedDB refuses (put throws): nothing of this save may commit.
      try {
        tx.abort();
      } catch (_) {
        // Already finished or aborted.
      }
      reject(new Error(`memory not saved: ${errorText(err)}`));
    }
  });
}

/**
 * The requests of one save ({@link writeChanges}) in `tx`.
 * @param {IDBTransaction} tx @param {StoreChanges} changes @param {Record<string, unknown>} meta
 */
function putChanges(tx, changes, meta) {
  const stores = RECORD_STORES.map((name) => tx.objectStore(name));
  const pages = tx.objectStore(PAGES);
  const gone = tx.objectStore(GONE);
  const compaction = Array.isArray(changes.pages);
  const emptied = compaction || changes.clear === true;
  if (emptied) for (const s of [...stores, pages, gone]) s.clear();
  if (compaction) /** @type {Uint8Array[]} */ (changes.pages).forEach((page, i) => pages.put(page, i));
  for (const key of changes.deleted ?? []) {
    for (const s of stores) s.delete(key);
    // Just emptied: no page can hold it.
    if (!emptied) gone.put(1, key);
  }
  /** @type {Set<string>} */
  const live = new Set();
  const lists = [changes.accounts, changes.tweets, changes.interactions];
  lists.forEach((list, i) => {
    for (const [key, value] of list ?? []) {
      if (value instanceof Uint8Array || typeof value === 'string') {
        stores[i].put(value, key);
        live.add(key);
      } else stores[i].delete(key);
    }
  });
  if (!emptied) for (const key of live) gone.delete(key);
  const metaStore = tx.objectStore(META);
  for (const [key, value] of Object.entries(meta)) metaStore.put(value, key);
}

/**
 * A `meta` entry (undefined when absent).
 * @param {IDBDatabase} db @param {string} key
 * @returns {Promise<unknown>}
 */
export function readMeta(db, key) {
  return result(db.transaction([META], 'readonly').objectStore(META).get(key));
}

/**
 * The stored memory in the export format (the core's exportMemory: `{
 * version, capacity, entries }`), read from the store by a core of its own
 * (pages, tombstones and loose records, {@link restoreRecords}): what a
 * restarted worker would load (the options page's export when the worker
 * cannot send it, tests).
 * @param {IDBFactory} [factory]
 * @returns {Promise<string>}
 */
export async function savedMemoryText(factory = indexedDB) {
  const core = await import('../core/followback.js');
  await core.default();
  const db = await openMemoryDb(factory);
  const engine = new core.Engine(null);
  try {
    const cap = await readMeta(db, 'capacity');
    if (typeof cap === 'number') engine.setCapacity(cap);
    await restoreRecords(db, engineLoad(engine));
    engine.finishMemoryRestore();
    return engine.exportMemory();
  } finally {
    engine.free();
    db.close();
  }
}
