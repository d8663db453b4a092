// @ts-check
// The memory's IndexedDB store, written by the service worker (Firefox: the
// background script) and read by the options page's export when the worker
// cannot send it. One object store per record kind (accounts, tweets,
// interactions, as the core's Memory::take_changes hands them out), each
// record a Uint8Array in the core's binary form (src/memory_binary.rs: an
// account record is its compact in-heap bytes) keyed by the memory key
// (`#id` / `@handle`), plus `meta` (the cap in force, the last eviction, when
// the old saved string was moved here). Records an older version wrote are
// JSON strings: they are read the same way (the core tells the forms apart)
// and written again in the binary form at the next save. Effects only: what
// to write, and how records are read back, is decided in Rust
// (src/memory_records.rs). Each save is one small transaction, written as
// soon as accounts arrive.

export const DB_NAME = 'followback-memory';
const DB_VERSION = 1;
/** The record stores, in the order of the core's MemoryChanges lists. */
export const RECORD_STORES = /** @type {const} */ (['accounts', 'tweets', 'interactions']);
const META = 'meta';

/** @param {IDBRequest | IDBTransaction} r @param {string} what */
const failure = (r, what) => new Error(`${what}: ${String(/** @type {any} */ (r).error?.message ?? /** @type {any} */ (r).error ?? 'failed')}`);

/**
 * Opens (creating on first use) the memory database.
 * @param {IDBFactory} [factory]
 * @returns {Promise<IDBDatabase>}
 */
export function openMemoryDb(factory = indexedDB) {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [...RECORD_STORES, META]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another context upgrading the database: let it, and reopen next time.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(failure(req, 'the memory database could not be opened'));
    req.onblocked = () => reject(new Error('the memory database is blocked by another page'));
  });
}

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
 * Every record as one batch, for Engine.loadMemoryRecords, read in one transaction.
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

/** Accounts handed to the engine per batch when restoring: a few MB at most. */
export const RESTORE_BATCH = 1000;

/**
 * The stored records read in batches, in one transaction: `count` gets the
 * number of account records, then `each` (synchronous) gets up to `batch`
 * account records in key order with the posts and interactions records of
 * the same key range, as three [keys, values] pairs (what
 * {@link recordBatch} takes). Resolves with the number of records read.
 * @param {IDBDatabase} db
 * @param {(accounts: number) => void} count
 * @param {(parts: [IDBValidKey[], unknown[]][]) => void} each
 * @param {number} [batch]
 * @returns {Promise<number>}
 */
export async function eachRecordBatch(db, count, each, batch = RESTORE_BATCH) {
  const tx = db.transaction([...RECORD_STORES], 'readonly');
  const [accounts, tweets, interactions] = RECORD_STORES.map((name) => tx.objectStore(name));
  count(await result(accounts.count()));
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
 * The stored records in batches, for Engine.beginMemoryRestore /
 * loadMemoryChunk / finishMemoryRestore ({@link eachRecordBatch}): `begin`
 * gets the number of account records, then `chunk` (synchronous) each batch
 * ({@link recordBatch}: the records' bytes copied into the wasm heap at once,
 * no parsing of text; the bytes are views that `chunk` must not keep).
 * The bytes held at once are one batch's, whatever the number of accounts.
 * Resolves with the number of records read.
 * @param {IDBDatabase} db
 * @param {{ begin: (accounts: number) => void, chunk: (keys: string, values: Uint8Array, lengths: Uint32Array) => void }} load
 * @param {number} [batch]
 * @returns {Promise<number>}
 */
export function restoreRecords(db, load, batch = RESTORE_BATCH) {
  const room = batchRoom();
  return eachRecordBatch(db, (n) => load.begin(n), (parts) => {
    const b = recordBatch(parts, room);
    load.chunk(b.keys, b.values, b.lengths);
  }, batch);
}

/**
 * Writes one save (the core's MemoryChanges) in one transaction: the stores
 * emptied first when `clear`, then the deletes, then the records; `meta`
 * entries written with them. Resolves once the transaction committed.
 * @param {IDBDatabase} db
 * @param {{ clear?: boolean, accounts?: [string, Uint8Array | string][], tweets?: [string, Uint8Array | string | null][], interactions?: [string, Uint8Array | string | null][], deleted?: string[] }} changes
 * @param {Record<string, unknown>} [meta]
 * @returns {Promise<void>}
 */
export function writeChanges(db, changes, meta = {}) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...RECORD_STORES, META], 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(failure(tx, 'memory not saved'));
    tx.onabort = () => reject(failure(tx, 'memory not saved'));
    const stores = RECORD_STORES.map((name) => tx.objectStore(name));
    if (changes.clear) for (const s of stores) s.clear();
    for (const key of changes.deleted ?? []) for (const s of stores) s.delete(key);
    const lists = [changes.accounts, changes.tweets, changes.interactions];
    lists.forEach((list, i) => {
      for (const [key, value] of list ?? []) {
        if (value instanceof Uint8Array || typeof value === 'string') stores[i].put(value, key);
        else stores[i].delete(key);
      }
    });
    const metaStore = tx.objectStore(META);
    for (const [key, value] of Object.entries(meta)) metaStore.put(value, key);
  });
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
 * version, capacity, entries }`), read from the records by a core of its
 * own: what a restarted worker would load (the options page's export when
 * the worker cannot send it, tests).
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
    await restoreRecords(db, {
      begin: (n) => engine.beginMemoryRestore(n),
      chunk: (keys, values, lengths) => engine.loadMemoryChunk(keys, values, lengths),
    });
    engine.finishMemoryRestore();
    return engine.exportMemory();
  } finally {
    engine.free();
    db.close();
  }
}
