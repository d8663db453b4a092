// @ts-check
// The memory's IndexedDB store, written by the service worker (Firefox: the
// background script) and read by the options page's export when the worker
// cannot send it. One object store per record kind (accounts, tweets,
// interactions, as the core's Memory::take_changes hands them out), each
// record a compact JSON string keyed by the memory key (`#id` / `@handle`),
// plus `meta` (the cap in force, the last eviction, when the old saved string
// was moved here). Effects only: what to write, and how records are read
// back, is decided in Rust (src/memory_records.rs). Each save is one small
// transaction, written as soon as accounts arrive.

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

/**
 * One store's records as the core's `key\trecord` lines (the key a JSON
 * string); values that are not strings are left out.
 * @param {IDBValidKey[]} keys @param {unknown[]} values
 */
function lines(keys, values) {
  const out = [];
  for (let i = 0; i < keys.length; i += 1) {
    const v = values[i];
    if (typeof v === 'string') out.push(`${JSON.stringify(String(keys[i]))}\t${v}`);
  }
  return out.join('\n');
}

/**
 * Every record, for Engine.loadMemoryRecords, read in one transaction.
 * @param {IDBDatabase} db
 * @returns {Promise<{ accounts: string, tweets: string, interactions: string, records: number }>}
 */
export async function readRecords(db) {
  const tx = db.transaction([...RECORD_STORES], 'readonly');
  const parts = await Promise.all(RECORD_STORES.map(async (name) => {
    const store = tx.objectStore(name);
    const [keys, values] = await Promise.all([result(store.getAllKeys()), result(store.getAll())]);
    return { text: lines(keys, values), count: keys.length };
  }));
  return {
    accounts: parts[0].text,
    tweets: parts[1].text,
    interactions: parts[2].text,
    records: parts.reduce((n, p) => n + p.count, 0),
  };
}

/** Accounts handed to the engine per batch when restoring: a few MB of text at most. */
export const RESTORE_BATCH = 1000;

/**
 * The stored records in batches, for Engine.beginMemoryRestore /
 * loadMemoryChunk / finishMemoryRestore, read in one transaction: `begin`
 * gets the number of account records, then `chunk` (synchronous) gets up to
 * `batch` accounts records in key order with the posts and interactions
 * records of the same key range, each store's part as UTF-8 `key\trecord`
 * lines (bytes copy into the wasm heap faster than strings).
 * The text held at once is one batch's, whatever the number of accounts.
 * Resolves with the number of records read.
 * @param {IDBDatabase} db
 * @param {{ begin: (accounts: number) => void, chunk: (accounts: Uint8Array, tweets: Uint8Array, interactions: Uint8Array) => void }} load
 * @param {number} [batch]
 * @returns {Promise<number>}
 */
export async function restoreRecords(db, load, batch = RESTORE_BATCH) {
  const utf8 = new TextEncoder();
  const tx = db.transaction([...RECORD_STORES], 'readonly');
  const [accounts, tweets, interactions] = RECORD_STORES.map((name) => tx.objectStore(name));
  load.begin(await result(accounts.count()));
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
    load.chunk(utf8.encode(lines(keys, values)), utf8.encode(lines(tk, tv)), utf8.encode(lines(ik, iv)));
    records += keys.length + tk.length + ik.length;
    if (last) return records;
    after = upTo;
  }
}

/**
 * Writes one save (the core's MemoryChanges) in one transaction: the stores
 * emptied first when `clear`, then the deletes, then the records; `meta`
 * entries written with them. Resolves once the transaction committed.
 * @param {IDBDatabase} db
 * @param {{ clear?: boolean, accounts?: [string, string][], tweets?: [string, string | null][], interactions?: [string, string | null][], deleted?: string[] }} changes
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
        if (typeof value === 'string') stores[i].put(value, key);
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
 * The stored memory in the export format (`{ version, capacity?, entries }`), read
 * straight from the records: what a restarted worker would load (tests, and
 * anything that wants the saved copy rather than the running one).
 * @param {IDBFactory} [factory]
 * @returns {Promise<string>}
 */
export async function savedMemoryText(factory = indexedDB) {
  const db = await openMemoryDb(factory);
  try {
    const tx = db.transaction([...RECORD_STORES, META], 'readonly');
    const capacity = result(tx.objectStore(META).get('capacity'));
    const [accounts, tweets, interactions] = await Promise.all(RECORD_STORES.map(async (name) => {
      const store = tx.objectStore(name);
      const [keys, values] = await Promise.all([result(store.getAllKeys()), result(store.getAll())]);
      /** @type {Map<string, unknown>} */
      const byKey = new Map();
      keys.forEach((k, i) => {
        try {
          byKey.set(String(k), JSON.parse(String(values[i])));
        } catch (_) {
          // an unreadable record is not part of the saved memory
        }
      });
      return byKey;
    }));
    const entries = [];
    for (const [key, record] of accounts) {
      if (!record || typeof record !== 'object') continue;
      entries.push({ ...record, tweets: tweets.get(key) ?? [], interactions: interactions.get(key) ?? [] });
    }
    const cap = await capacity;
    return JSON.stringify({ version: 1, ...(typeof cap === 'number' ? { capacity: cap } : {}), entries });
  } finally {
    db.close();
  }
}
