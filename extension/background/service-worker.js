// @ts-check
// Service worker (Chromium) / background script (Firefox), an ES module:
// loads the Rust core (wasm), keeps one Engine, and answers the worker
// messages of extension/shared/messages.js (the table says who may send each;
// HANDLERS below answers each, one entry per message).
// Any failure answers { ok: false, error }.
//
// Settings come from shared/settings-store.js (sync, or local when sync was
// full); this worker is their only writer (`fb:settings-write`, one queue), and
// it applies them after every storage change before it answers any message.
// What the engine remembers is saved record by record to IndexedDB
// (shared/memory-store.js) right after the answer that changed it (within
// 40 ms, once the worker is quiet), so it survives the worker being stopped
// at almost any moment and no save ever delays an answer; from time to time
// (when the core says so) a save is a compaction instead, the whole memory
// in packed pages, written the same way in one transaction. The old chrome.storage.local "memory"
// string is moved there once.

import init, { Engine, __wbg_reset_state as resetWasm, repairSettings, validateSettings } from '../core/followback.js';
import { engineKeeper } from './engine-keeper.js';
import { MESSAGES, PORT_NAME, messageSpec, refusal, selfOf, senderRole, typesFor } from '../shared/messages.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import {
  isQuotaError, loadRawSettings, mergeSettings, saveSettings, settingsChanged, settingsWriteProblem,
} from '../shared/settings-store.js';
import { applyOverrideChanges } from '../shared/overrides.js';
import { engineLoad, openMemoryDb, readMeta, restoreRecords, writeChanges } from '../shared/memory-store.js';

/** The old saved memory (one JSON string in chrome.storage.local), moved to IndexedDB once. */
const MEMORY_KEY = STORAGE_KEYS.memory;

/** @type {Engine | null} */
let engine = null;

/** The stored settings value as it is (the core repairs it), or null. */
async function readSettings() {
  return (await loadRawSettings()).raw ?? null;
}

/** @type {Promise<IDBDatabase> | null} */
let memoryDbOpening = null;
/** The memory database (opened once; a failed open, or one closed since, is opened again next time). */
function memoryDb() {
  if (!memoryDbOpening) {
    const p = openMemoryDb();
    memoryDbOpening = p;
    const forget = () => {
      if (memoryDbOpening === p) memoryDbOpening = null;
    };
    // Closed for another context's upgrade (or by the browser): opened again next time.
    p.then((db) => {
      db.addEventListener('versionchange', forget);
      db.addEventListener('close', forget);
    }, forget);
  }
  return memoryDbOpening;
}

const errorText = (/** @type {unknown} */ err) => String((err && /** @type {any} */ (err).message) || err);

/**
 * Engines whose restore failed (the store could not be read whole): a
 * compaction from them would replace the saved memory with what they hold,
 * so theirs are not written (their loose saves are: they only add to it).
 * @type {WeakSet<Engine>}
 */
const unreadStore = new WeakSet();

/**
 * Loads the saved memory into `e`: the records in IndexedDB, or, on the
 * first start with the store, the old chrome.storage.local string (imported,
 * written to IndexedDB, and removed only once that committed).
 * @param {Engine} e
 */
async function restoreMemory(e) {
  try {
    const db = await memoryDb();
    const got = await chrome.storage.local.get(MEMORY_KEY);
    const old = got ? got[MEMORY_KEY] : undefined;
    if (typeof old === 'string') {
      // Only an older version writes it (once): it replaces the records. A stop
      // before the removal imports it again, the same (no message is handled
      // before this start finishes).
      const report = e.importMemory(old);
      if (report && report.ok) {
        await writeChanges(db, e.takeMemoryChanges(), { migrated: Date.now() });
        await chrome.storage.local.remove(MEMORY_KEY);
        note(`memory moved to IndexedDB: ${e.accountCount()} accounts`);
        return;
      }
      // Unreadable: left where it is (nothing lost, tried again at the next
      // start), the records loaded instead.
      note(`the old saved memory could not be read: ${report ? report.error : 'no report'}`);
    }
    // Pages, tombstones, then loose records in batches: the heap never holds
    // more than one page's or one batch's records besides the memory.
    const load = engineLoad(e);
    let pages = 0;
    const records = await restoreRecords(db, { ...load, page: (bytes) => { pages += 1; load.page(bytes); } });
    const loaded = e.finishMemoryRestore();
    if (loaded && loaded.skipped > 0) note(`${loaded.skipped} unreadable memory records skipped`);
    // Loose records and no pages: a version 1 store (or one written since a
    // clear). The first save compacts it: the migration.
    if (pages === 0 && records > 0) e.rewriteMemory();
  } catch (err) {
    unreadStore.add(e);
    note(`memory could not be restored: ${errorText(err)}`);
  }
}

// Diagnostics since this worker started (popup "Diagnostics", `fb:debug-stats`).
const MAX_WARNINGS = 20;
const stats = { payloads: 0, accounts: 0, unknownShape: 0, unreadable: 0, memoryTrimmed: 0, memoryCompactions: 0, warnings: [] };

/**
 * Adds a warning line; with `kind`, it replaces the last line of that kind
 * (a recurring event, e.g. a compaction, keeps one line, not a flood).
 * @param {unknown} warning @param {string} [kind]
 */
function note(warning, kind) {
  if (kind !== undefined) {
    const at = stats.warnings.findIndex((w) => /** @type {any} */ (w).kind === kind);
    if (at >= 0) stats.warnings.splice(at, 1);
  }
  stats.warnings.push({ at: Date.now(), text: String(warning).slice(0, 300), ...(kind === undefined ? {} : { kind }) });
  if (stats.warnings.length > MAX_WARNINGS) stats.warnings.splice(0, stats.warnings.length - MAX_WARNINGS);
}

function countPayload(report, url) {
  stats.payloads += 1;
  const r = report || {};
  stats.accounts += Number(r.accounts) || 0;
  const read = (Number(r.accounts) || 0) + (Number(r.tweets) || 0) + (Number(r.interactions) || 0) + (Number(r.unavailable) || 0);
  const warnings = Array.isArray(r.warnings) ? r.warnings : [];
  let where = '';
  try {
    where = ` (${new URL(String(url)).pathname})`;
  } catch (_) {
    where = '';
  }
  if (read === 0 && warnings.some((w) => /^not JSON/.test(String(w)))) stats.unreadable += 1;
  else if (read === 0) stats.unknownShape += 1;
  for (const w of warnings.slice(0, 3)) note(`${w}${where}`);
}

/** The tail of the memory writes: each save is written after the one before. */
let memoryWrites = Promise.resolve();
let saveQueued = false;

/**
 * Changes taken from the core and not yet handed to IndexedDB, oldest first
 * (each `{ changes, meta }`, copies owned by JavaScript: an engine restart
 * does not lose them). Written when the worker is quiet (`SAVE_QUIET_MS` with
 * no message in hand), and at the latest `SAVE_AT_MOST_MS` after the oldest
 * was taken, so a save (its records copied into IndexedDB on this thread)
 * never runs between a message and its answer, and a message that follows an
 * answer closely (a payload's rows) is answered first too.
 * @type {{ changes: any, meta: Record<string, unknown> }[]}
 */
const unsaved = [];
/** Quiet time after the last answer before a save is written. */
const SAVE_QUIET_MS = 8;
/** The longest a taken change waits to be written (the worker may be stopped at any moment after). */
const SAVE_AT_MOST_MS = 40;
/** Messages being handled (dispatch to answer). */
let inHand = 0;
/** @type {ReturnType<typeof setTimeout> | null} */
let quietTimer = null;
/** @type {ReturnType<typeof setTimeout> | null} */
let deadlineTimer = null;

/**
 * Takes what changed in the memory (the core's takeMemoryChanges) into
 * `unsaved`, with its meta: an eviction (by count or bytes) is noted in the
 * diagnostics and kept in `meta` for the options page. Returns whether
 * anything was taken.
 * @param {Engine} e
 */
function takeChanges(e) {
  let changes;
  try {
    changes = e.takeMemoryChanges();
  } catch (err) {
    note(`memory not saved: ${errorText(err)}`);
    return false;
  }
  const empty = !changes.clear && !Array.isArray(changes.pages) && changes.accounts.length === 0
    && changes.tweets.length === 0 && changes.interactions.length === 0 && changes.deleted.length === 0;
  if (empty) return false;
  /** @type {Record<string, unknown>} */
  const meta = { capacity: e.memoryCapacity() };
  if (changes.evicted > 0) {
    stats.memoryTrimmed += 1;
    const forgotten = { count: changes.evicted, at: Date.now(), kept: changes.total, capacity: e.memoryCapacity() };
    meta.forgotten = forgotten;
    note(`memory is full: forgot the ${changes.evicted} least recently seen accounts (${changes.total} kept, at most ${forgotten.capacity})`);
  }
  unsaved.push({ changes, meta });
  return true;
}

/**
 * Writes every taken change to IndexedDB, each batch in one transaction, in
 * the order taken and after earlier saves. A failed save (a compaction
 * included: its transaction aborts, the old store stays as it was) has the
 * next save compact again; a full store keeps fewer bytes. A compaction that
 * committed is counted and noted in one diagnostics line.
 * @returns {Promise<void>}
 */
function writeUnsaved() {
  if (quietTimer !== null) clearTimeout(quietTimer);
  if (deadlineTimer !== null) clearTimeout(deadlineTimer);
  quietTimer = null;
  deadlineTimer = null;
  const batches = unsaved.splice(0, unsaved.length);
  if (batches.length === 0) return memoryWrites;
  const e = engine;
  const write = memoryWrites.then(async () => {
    for (const { changes, meta } of batches) {
      const pages = Array.isArray(changes.pages) ? changes.pages.length : null;
      if (pages !== null && e && unreadStore.has(e)) {
        note('memory not compacted: the saved copy could not be read at start, so it is kept as it is (the next start reads it again)', 'unread');
        continue;
      }
      try {
        await writeChanges(await memoryDb(), changes, meta);
        if (pages !== null && !(pages === 0 && changes.total === 0)) {
          stats.memoryCompactions += 1;
          note(`memory compacted: ${changes.total} accounts in ${pages} pages (${stats.memoryCompactions} since start)`, 'compaction');
        }
      } catch (err) {
        const why = errorText(err).replace(/^memory not saved: /, '');
        note(pages === null ? `memory not saved: ${why}` : `memory not compacted (the saved copy kept as it was): ${why}`);
        if (!e || engine !== e) continue;
        // A full disk or quota: keep fewer bytes. Either way, rewrite everything next time.
        if (isQuotaError(err) || (err && /** @type {any} */ (err).name === 'QuotaExceededError')) {
          e.setMemoryMaxBytes(Math.floor(changes.bytes * 0.8));
        }
        e.rewriteMemory();
      }
    }
  });
  memoryWrites = write;
  return write;
}

/** Arms the write of `unsaved`: after a quiet spell, and at the latest SAVE_AT_MOST_MS after the oldest. */
function armWrite() {
  if (unsaved.length === 0) return;
  if (deadlineTimer === null) deadlineTimer = setTimeout(writeUnsaved, SAVE_AT_MOST_MS);
  if (quietTimer !== null) clearTimeout(quietTimer);
  quietTimer = inHand > 0 ? null : setTimeout(writeUnsaved, SAVE_QUIET_MS);
}

/**
 * Saves the memory's changes now (taken and written in order after earlier
 * saves; what an awaiting caller needs, e.g. clearing the memory).
 * @param {Engine} e
 * @returns {Promise<void>}
 */
function saveMemory(e) {
  takeChanges(e);
  return writeUnsaved();
}

/** The memory changed: taken from the core once the current message is answered, written when the worker is quiet. */
function scheduleMemorySave() {
  saveQueued = true;
  // Outside a message (a settings change): taken in a task of its own.
  if (inHand === 0) setTimeout(afterAnswer, 0);
}

/**
 * Called after each answer is handed to the browser: the changes of the
 * message(s) answered so far are taken (one take for all), and their write armed.
 */
function afterAnswer() {
  if (saveQueued && engine) {
    saveQueued = false;
    takeChanges(engine);
  }
  armWrite();
}

/** A ready engine: the module loaded, the stored settings applied, the saved memory restored. */
async function startEngine() {
  await init({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
  const e = new Engine(await readSettings());
  await restoreMemory(e);
  e.setCapacity(null); // the memory.capacity setting (restored memory carries its old cap)
  engine = e;
  saveMemory(e); // what loading left out or a smaller cap evicted
  return e;
}

/**
 * The one engine, re-created after a trap (engine-keeper.js): the broken
 * instance is dropped with its unsaved changes (they cannot be trusted), the
 * module re-instantiated, settings and saved memory loaded again.
 */
const keeper = engineKeeper({
  start: startEngine,
  reset: () => {
    engine = null;
    resetWasm();
  },
  onRestart: (err) => note(`the core failed and was restarted: ${String((err && /** @type {any} */ (err).message) || err)}`),
});
keeper.get().catch(() => {});

/** @param {Engine} e */
async function applyStoredSettings(e) {
  const report = e.setSettings(await readSettings());
  e.setCapacity(null);
  scheduleMemorySave();
  return report;
}

const OVERRIDES_KEY = STORAGE_KEYS.overrides;
/** The tail of the override write queue: each write reads, changes and writes after the one before. */
let overridesQueue = Promise.resolve();

/**
 * Applies override changes in arrival order (one read-modify-write at a time),
 * so writes from several tabs and pages never overwrite each other.
 * @param {unknown} changes
 * @param {boolean} replace
 */
function queueOverrideWrite(changes, replace) {
  const run = overridesQueue.then(async () => {
    const got = await chrome.storage.local.get(OVERRIDES_KEY);
    const next = applyOverrideChanges(got && got[OVERRIDES_KEY], changes, replace);
    await chrome.storage.local.set({ [OVERRIDES_KEY]: next });
    return next;
  });
  overridesQueue = run.catch(() => {});
  return run;
}

/**
 * The tail of the settings write queue: each write reads, merges and saves after the one before.
 * @type {Promise<unknown>}
 */
let settingsQueue = Promise.resolve();

/** The core's tolerant reading of a stored value (defaults for garbage, older versions migrated). */
function repairedSettings(/** @type {unknown} */ raw) {
  const r = /** @type {any} */ (repairSettings(raw ?? null));
  if (!r || !r.settings || typeof r.settings !== 'object') throw new Error('the settings engine gave no settings');
  return r.settings;
}

/** Why the options page would refuse `settings` (the core's strict validation), or null when valid. */
function invalidity(/** @type {unknown} */ settings) {
  const r = /** @type {any} */ (validateSettings(settings));
  if (r && r.ok === true) return null;
  const errors = Array.isArray(r && r.errors) ? r.errors : [];
  return errors.map((e) => (e && e.id ? `${e.id}: ${e.message}` : String(e && e.message))).join('; ') || 'not valid settings';
}

/**
 * Applies a settings write in arrival order (one read-merge-save at a time), so
 * the options pages and the popup never overwrite each other's edits. Refused,
 * with nothing saved, when storage cannot be read (merging onto nothing would
 * lose what is there) or when the merge would store settings the options page
 * refuses while what it merged onto was valid (two windows' edits conflicting).
 * @param {{ values: Record<string, unknown>, version?: number, replace?: boolean }} write
 */
function queueSettingsWrite(write) {
  const run = settingsQueue.then(async () => {
    const loaded = await loadRawSettings();
    if (loaded.readError) throw new Error(`the stored settings could not be read (${loaded.readError})`);
    const current = loaded.found ? loaded.raw : null;
    const next = mergeSettings(current, write, repairedSettings);
    const problem = invalidity(next);
    if (problem !== null && (write.replace === true || invalidity(mergeSettings(current, { values: {}, version: write.version }, repairedSettings)) === null)) {
      throw new Error(`together with the stored settings, ${problem}`);
    }
    const saved = await saveSettings(next);
    return { ok: true, settings: next, ...saved };
  });
  settingsQueue = run.catch(() => {});
  return run;
}

/** @param {unknown} value */
const list = (value) => (Array.isArray(value) ? value : []);

/** The core's IngestReport JSON text as an object (an empty report, with why, if it is not one). */
function parseReport(/** @type {string} */ text) {
  try {
    const r = JSON.parse(text);
    if (r && typeof r === 'object') return r;
  } catch (err) {
    return { accounts: 0, warnings: [`the core's report was unreadable: ${errorText(err)}`], verdicts: '' };
  }
  return { accounts: 0, warnings: ["the core's report was unreadable"], verdicts: '' };
}

/**
 * `fb:verdicts` requests as the core reads them: one JSON text per line
 * (JSON.stringify writes no raw line break). One that cannot be written
 * (a cycle, a BigInt) goes as `null`, so its answer alone is null.
 * @param {unknown[]} requests
 */
function requestLines(requests) {
  return requests.map((r) => {
    try {
      return JSON.stringify(r) ?? 'null';
    } catch (_) {
      return 'null';
    }
  }).join('\n');
}

/**
 * One handler per worker message of the table (shared/messages.js), by type.
 * Each gets the message (already known to be allowed from its sender) and the engine.
 * @type {Record<string, (message: any, e: Engine) => Promise<object> | object>}
 */
const HANDLERS = {
  [MESSAGES.PAYLOAD.type]: (message, e) => {
    if (typeof message.text !== 'string') return { ok: false, error: 'fb:payload needs a text string' };
    // One JSON text out of the core (an IngestReport, no JS objects built there).
    const report = parseReport(e.ingestJson(message.text, Date.now()));
    countPayload(report, message.url);
    if (report.accounts > 0) scheduleMemorySave();
    // `verdicts`: the compact verdicts of the payload's accounts, one JSON text (decoded by content/cache.js).
    const verdicts = typeof report.verdicts === 'string' ? report.verdicts : '';
    return { ok: true, accounts: Number(report.accounts) || 0, warnings: list(report.warnings), viewer: report.viewer || null, verdicts };
  },
  [MESSAGES.VERDICTS.type]: async (message, e) => {
    if (!Array.isArray(message.requests)) return { ok: false, error: 'fb:verdicts needs a requests array' };
    if (message.reloadSettings) await applyStoredSettings(e);
    if (message.full === true) {
      // Every evidence line (the breakdown, the audit page's reasons).
      const verdicts = e.rememberAndScore(message.requests, Date.now());
      scheduleMemorySave();
      return { ok: true, verdicts: list(verdicts) };
    }
    // What a badge needs: one JSON text in (a request per line), one out.
    const verdicts = e.rememberAndScoreCompact(requestLines(message.requests), Date.now());
    scheduleMemorySave();
    return { ok: true, compact: true, verdicts };
  },
  [MESSAGES.PING.type]: () => ({ ok: true }),
  [MESSAGES.INTERACTIONS.type]: (message, e) => {
    // What people did to the viewer (notifications page): [{ handle, kind, at? (unix s) }].
    if (!Array.isArray(message.interactions)) return { ok: false, error: 'fb:interactions needs an interactions array' };
    const report = e.rememberInteractions(message.interactions, Date.now());
    if (report && report.recorded > 0) scheduleMemorySave();
    return { ok: true, recorded: report ? report.recorded : 0, skipped: report ? report.skipped : 0, warnings: report ? report.warnings : [] };
  },
  [MESSAGES.TWEETS.type]: (message, e) => {
    // The profile owner's posts read from tweet articles: [DomTweet] (read::dom_tweet).
    if (!Array.isArray(message.tweets)) return { ok: false, error: 'fb:tweets needs a tweets array' };
    const report = e.rememberTweets(message.tweets, Date.now());
    if (report && report.recorded > 0) scheduleMemorySave();
    return { ok: true, recorded: report ? report.recorded : 0, skipped: report ? report.skipped : 0, warnings: report ? report.warnings : [] };
  },
  [MESSAGES.SELF_CHECK.type]: (message, e) => {
    // The viewer's own account: { handle, id?, dom? } -> { ok, enabled, check: SelfCheck | null }.
    if (typeof message.handle !== 'string' && !(message.dom && typeof message.dom === 'object')) return { ok: false, error: 'fb:self-check needs a handle or dom' };
    // The settings in use are the stored ones: the dispatcher waits for them after every change.
    const reply = e.selfCheck({ handle: message.handle, id: message.id, dom: message.dom }, Date.now());
    if (message.dom) scheduleMemorySave();
    return { ok: true, enabled: Boolean(reply && reply.enabled), check: (reply && reply.check) || null };
  },
  [MESSAGES.REMEMBERED_VERDICTS.type]: (_message, e) => ({ ok: true, records: list(e.exportVerdicts(Date.now())) }),
  [MESSAGES.MEMORY_STATS.type]: async (_message, e) => ({
    ok: true,
    accounts: e.accountCount(),
    capacity: e.memoryCapacity(),
    bytes: e.memoryBytes(),
    loose: e.memoryLooseRecords(),
    looseLimit: e.memoryLooseLimit(),
    forgotten: await memoryDb().then((db) => readMeta(db, 'forgotten')).catch(() => null) ?? null,
  }),
  [MESSAGES.MEMORY_JSON.type]: (_message, e) => ({ ok: true, json: e.exportMemory() }),
  [MESSAGES.MEMORY_CLEAR.type]: async (_message, e) => {
    unreadStore.delete(e); // forgetting everything is what was asked: the saved copy goes too
    e.clearMemory();
    await saveMemory(e);
    await memoryDb().then((db) => writeChanges(db, {}, { forgotten: null }));
    await chrome.storage.local.remove(MEMORY_KEY);
    return { ok: true };
  },
  [MESSAGES.OVERRIDES_WRITE.type]: async (message) => {
    const c = message.changes;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return { ok: false, error: 'fb:overrides-write needs a changes object' };
    return { ok: true, overrides: await queueOverrideWrite(c, message.replace === true) };
  },
  [MESSAGES.SETTINGS_WRITE.type]: async (message) => {
    const problem = settingsWriteProblem(message);
    if (problem !== null) return { ok: false, error: problem };
    return queueSettingsWrite({ values: message.values, version: message.version, replace: message.replace === true });
  },
  // The popup's Diagnostics: counters since this worker started, the last warnings.
  [MESSAGES.DEBUG_STATS.type]: (_message, e) => ({ ok: true, ...stats, warnings: stats.warnings.slice(), remembered: e.accountCount() }),
};

for (const type of typesFor('worker')) {
  if (typeof HANDLERS[type] !== 'function') throw new Error(`service worker: no handler for ${type}`);
}

/** This extension's id and origin, for telling its pages from content scripts. */
const SELF = selfOf(chrome.runtime);

/**
 * Settings applied after the last storage change that may have changed them:
 * every message waits for it, so none is answered with settings older than
 * what is stored (each change re-reads the store, in order).
 */
let settingsApplied = Promise.resolve();

/**
 * The answer to one message from `sender`, or null when it is not one of ours
 * for the worker (or comes from another extension): no answer at all then.
 * Refused messages answer { ok: false, error }.
 * @returns {Promise<object> | null}
 */
function dispatch(message, sender) {
  if (!message || typeof message !== 'object') return null;
  const spec = messageSpec(message.type);
  const role = senderRole(sender, SELF);
  // Not a message of ours for the worker, or from another extension: no answer at all.
  if (!spec || spec.to !== 'worker' || role === null) return null;
  const refused = refusal(spec.type, role, 'worker');
  inHand += 1; // until answer() hands the reply over
  if (refused !== null) return Promise.resolve({ ok: false, error: refused });
  // A save waiting for quiet waits for this answer too (its deadline holds).
  if (quietTimer !== null) {
    clearTimeout(quietTimer);
    quietTimer = null;
  }
  return settingsApplied
    .then(() => keeper.run((e) => HANDLERS[spec.type](message, e)))
    .catch((err) => ({ ok: false, error: String((err && err.message) || err) }));
}

/**
 * Hands `reply` to the browser (`post`), then takes the memory's changes
 * and arms their save: a save never runs before an answer.
 * @param {object} reply @param {(reply: object) => void} post
 */
function answer(reply, post) {
  try {
    post(reply);
  } finally {
    inHand = Math.max(0, inHand - 1);
    afterAnswer();
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const reply = dispatch(message, sender);
  if (reply === null) return false;
  reply.then((r) => answer(r, sendResponse));
  return true;
});

/**
 * The same messages over a long-lived port (`chrome.runtime.connect({ name:
 * PORT_NAME })`), the way the content script sends them (content/relay.js):
 * `{ id, message }` in, `{ id, reply }` out, with the same privilege check (the
 * port's sender, fixed when it connected). A port from a sender that may send
 * nothing is closed at once. Unlike sendMessage, a port has no "no answer":
 * a message that is not one of ours for the worker answers { ok: false, error },
 * so the sender's request never waits for ever. A test may watch what comes in
 * (tests/e2e/support/harness.mjs recordMessages) by setting
 * `self.__followbackPortTap`; the extension never sets it.
 */
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  if (senderRole(port.sender, SELF) === null) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((envelope) => {
    if (!envelope || typeof envelope !== 'object' || typeof envelope.id !== 'number') return;
    const { id, message } = envelope;
    const tap = /** @type {any} */ (globalThis).__followbackPortTap;
    if (typeof tap === 'function') tap(message, port.sender);
    const handled = dispatch(message, port.sender);
    if (handled === null) {
      try {
        port.postMessage({ id, reply: { ok: false, error: `unknown message type ${String(message && message.type)}` } });
      } catch (_) {
        // The page went away: nobody to answer.
      }
      return;
    }
    handled.then((reply) => answer(reply, (r) => {
      try {
        port.postMessage({ id, reply: r });
      } catch (_) {
        // The page went away: nobody to answer.
      }
    }));
  });
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (settingsChanged(changes, area)) {
    settingsApplied = settingsApplied.then(() => keeper.run(applyStoredSettings)).then(() => {}, () => {});
  }
});

// First run (added by the store engineer): the welcome page opens once, on a
// fresh install only (not on update or browser restart); the flag guards
// against a second "install" event for the same profile.
chrome.runtime.onInstalled.addListener((details) => {
  if (!details || details.reason !== 'install') return;
  const key = STORAGE_KEYS.welcomeShown;
  chrome.storage.local.get(key).then(async (got) => {
    if (got && got[key]) return;
    await chrome.storage.local.set({ [key]: true });
    await chrome.tabs.create({ url: chrome.runtime.getURL('welcome/welcome.html') });
  }).catch(() => {});
});
