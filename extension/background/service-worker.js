// @ts-check
// Service worker (Chromium) / background script (Firefox), an ES module:
// loads the Rust core (wasm), keeps one Engine, and answers the worker
// messages of extension/shared/messages.js (the table says who may send each;
// HANDLERS below answers each, one entry per message).
// Any failure answers { ok: false, error }.
//
// Settings come from shared/settings-store.js (sync, or local when sync was
// full); what the engine remembers is saved to chrome.storage.local "memory"
// so it survives the worker being stopped.

import init, { Engine, __wbg_reset_state as resetWasm } from '../core/followback.js';
import { engineKeeper } from './engine-keeper.js';
import { MESSAGES, messageSpec, refusal, selfOf, senderRole, typesFor } from '../shared/messages.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import { isQuotaError, loadRawSettings, settingsChanged } from '../shared/settings-store.js';
import { applyOverrideChanges } from '../shared/overrides.js';

const MEMORY_KEY = STORAGE_KEYS.memory;
const MEMORY_SAVE_DELAY_MS = 5000;
/** Largest memory saved at once (bytes of JSON); the most recently seen accounts that fit are saved. */
const MEMORY_MAX_BYTES = 8 * 1024 * 1024;

/** @type {Engine | null} */
let engine = null;
let saveTimer = null;

/** The stored settings value as it is (the core repairs it), or null. */
async function readSettings() {
  return (await loadRawSettings()).raw ?? null;
}

async function restoreMemory(e) {
  try {
    const got = await chrome.storage.local.get(MEMORY_KEY);
    if (got && typeof got[MEMORY_KEY] === 'string') e.importMemory(got[MEMORY_KEY]);
  } catch (_) {
    // start empty
  }
}

// Diagnostics since this worker started (popup "Diagnostics", `fb:debug-stats`).
const MAX_WARNINGS = 20;
const stats = { payloads: 0, accounts: 0, unknownShape: 0, unreadable: 0, memoryTrimmed: 0, warnings: [] };

function note(warning) {
  stats.warnings.push({ at: Date.now(), text: String(warning).slice(0, 300) });
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

const STORAGE_RESERVE_BYTES = 64 * 1024;

/** Bytes still free in chrome.storage.local (Infinity when the browser cannot tell). */
async function freeLocalBytes() {
  try {
    const quota = chrome.storage.local.QUOTA_BYTES;
    if (!quota || typeof chrome.storage.local.getBytesInUse !== 'function') return Infinity;
    return quota - (await chrome.storage.local.getBytesInUse(null));
  } catch (_) {
    return Infinity;
  }
}

/** Bytes of `text` as UTF-8. */
const byteLength = (/** @type {string} */ text) => new TextEncoder().encode(text).length;

/**
 * Saves the memory (at most MEMORY_MAX_BYTES of it); when chrome.storage.local
 * is full, saves fewer accounts (the most recently seen, cut by the core's
 * exportMemoryWithin) leaving room for settings, and notes it in the
 * diagnostics. The worker keeps remembering everything until it stops.
 * @param {Engine} e
 */
async function saveMemory(e) {
  let budget = MEMORY_MAX_BYTES;
  let trimmed = false;
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const saved = e.exportMemoryWithin(budget);
    try {
      await chrome.storage.local.set({ [MEMORY_KEY]: saved.json });
      let kept = saved.kept;
      if (trimmed) {
        // Leave room for the settings and switches the pages write to local.
        if ((await freeLocalBytes()) < STORAGE_RESERVE_BYTES) {
          const smaller = e.exportMemoryWithin(Math.floor(byteLength(saved.json) / 2));
          await chrome.storage.local.set({ [MEMORY_KEY]: smaller.json }).then(() => (kept = smaller.kept), () => {});
        }
        stats.memoryTrimmed += 1;
        note(`storage is full: saved the ${kept} most recently seen of ${saved.total} remembered accounts`);
      }
      return;
    } catch (err) {
      if (!isQuotaError(err)) {
        note(`memory not saved: ${String((err && /** @type {any} */ (err).message) || err)}`);
        return;
      }
      if (saved.kept === 0) {
        note('storage is full: memory not saved');
        return;
      }
      trimmed = true;
      budget = Math.floor(byteLength(saved.json) / 2);
    }
  }
}

function scheduleMemorySave() {
  if (saveTimer !== null) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    try {
      if (engine) saveMemory(engine).catch(() => {});
    } catch (_) {
      // memory stays in this worker only
    }
  }, MEMORY_SAVE_DELAY_MS);
}

/** A ready engine: the module loaded, the stored settings applied, the saved memory restored. */
async function startEngine() {
  await init({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
  const e = new Engine(await readSettings());
  await restoreMemory(e);
  e.setCapacity(null); // the memory.capacity setting (restored memory carries its old cap)
  engine = e;
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
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
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

/** @param {unknown} value */
const list = (value) => (Array.isArray(value) ? value : []);

/**
 * One handler per worker message of the table (shared/messages.js), by type.
 * Each gets the message (already known to be allowed from its sender) and the engine.
 * @type {Record<string, (message: any, e: Engine) => Promise<object> | object>}
 */
const HANDLERS = {
  [MESSAGES.PAYLOAD.type]: (message, e) => {
    if (typeof message.text !== 'string') return { ok: false, error: 'fb:payload needs a text string' };
    const report = e.ingest(message.text, Date.now(), true);
    countPayload(report, message.url);
    if (report && report.accounts > 0) scheduleMemorySave();
    // `verdicts`: the compact verdicts of the payload's accounts, one JSON text (decoded by content/cache.js).
    const verdicts = report && typeof report.verdicts === 'string' ? report.verdicts : '';
    return { ok: true, accounts: report ? report.accounts : 0, warnings: report ? report.warnings : [], viewer: report && report.viewer ? report.viewer : null, verdicts };
  },
  [MESSAGES.VERDICTS.type]: async (message, e) => {
    if (!Array.isArray(message.requests)) return { ok: false, error: 'fb:verdicts needs a requests array' };
    if (message.reloadSettings) await applyStoredSettings(e);
    const verdicts = e.rememberAndScore(message.requests, Date.now());
    scheduleMemorySave();
    return { ok: true, verdicts: list(verdicts) };
  },
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
  [MESSAGES.SELF_CHECK.type]: async (message, e) => {
    // The viewer's own account: { handle, id?, dom? } -> { ok, enabled, check: SelfCheck | null }.
    if (typeof message.handle !== 'string' && !(message.dom && typeof message.dom === 'object')) return { ok: false, error: 'fb:self-check needs a handle or dom' };
    // Asked rarely (the viewer's own profile), and often right after the
    // self-check was switched on or off: answer with the settings stored now,
    // not with whatever this worker last applied.
    await applyStoredSettings(e);
    const reply = e.selfCheck({ handle: message.handle, id: message.id, dom: message.dom }, Date.now());
    if (message.dom) scheduleMemorySave();
    return { ok: true, enabled: Boolean(reply && reply.enabled), check: (reply && reply.check) || null };
  },
  [MESSAGES.REMEMBERED_VERDICTS.type]: (_message, e) => ({ ok: true, records: list(e.exportVerdicts(Date.now())) }),
  [MESSAGES.MEMORY_STATS.type]: (_message, e) => ({
    ok: true,
    accounts: e.accountCount(),
    capacity: e.memoryCapacity(),
    bytes: byteLength(e.exportMemory()),
  }),
  [MESSAGES.MEMORY_JSON.type]: (_message, e) => ({ ok: true, json: e.exportMemory() }),
  [MESSAGES.MEMORY_CLEAR.type]: async (_message, e) => {
    e.clearMemory();
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    await chrome.storage.local.remove(MEMORY_KEY);
    return { ok: true };
  },
  [MESSAGES.OVERRIDES_WRITE.type]: async (message) => {
    const c = message.changes;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return { ok: false, error: 'fb:overrides-write needs a changes object' };
    return { ok: true, overrides: await queueOverrideWrite(c, message.replace === true) };
  },
  // The popup's Diagnostics: counters since this worker started, the last warnings.
  [MESSAGES.DEBUG_STATS.type]: (_message, e) => ({ ok: true, ...stats, warnings: stats.warnings.slice(), remembered: e.accountCount() }),
};

for (const type of typesFor('worker')) {
  if (typeof HANDLERS[type] !== 'function') throw new Error(`service worker: no handler for ${type}`);
}

/** This extension's id and origin, for telling its pages from content scripts. */
const SELF = selfOf(chrome.runtime);

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message !== 'object') return false;
  const spec = messageSpec(message.type);
  const role = senderRole(sender, SELF);
  // Not a message of ours for the worker, or from another extension: no answer at all.
  if (!spec || spec.to !== 'worker' || role === null) return false;
  const refused = refusal(spec.type, role, 'worker');
  if (refused !== null) {
    sendResponse({ ok: false, error: refused });
    return false;
  }
  keeper
    .run((e) => HANDLERS[spec.type](message, e))
    .then(sendResponse, (err) => sendResponse({ ok: false, error: String((err && err.message) || err) }));
  return true;
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (settingsChanged(changes, area)) {
    keeper.run(applyStoredSettings).catch(() => {});
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
