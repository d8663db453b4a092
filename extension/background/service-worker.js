// Service worker (Chromium) / background script (Firefox), an ES module:
// loads the Rust core (wasm), keeps one Engine, and answers messages.
//
// From content scripts on x.com:
//   fb:payload      { text, url }              -> { ok, accounts, warnings }  (a GraphQL response the page loaded)
//   fb:verdicts     { requests: [{id?, handle?, dom?}], reloadSettings? } -> { ok, verdicts: [Verdict|null] }
//   fb:interactions { interactions: [{handle, kind, at?}] } -> { ok, recorded, skipped, warnings }
//   fb:tweets       { tweets: [DomTweet] }     -> { ok, recorded, skipped, warnings }
// From the extension's own pages only (options, audit, popup):
//   fb:export-memory -> { ok, records }; fb:memory-stats -> { ok, accounts, capacity, bytes };
//   fb:memory-export -> { ok, json }; fb:memory-clear -> { ok }; fb:debug-stats -> { ok, ...counters }
// Any failure answers { ok: false, error }.
//
// Settings come from chrome.storage.sync "settings" (or chrome.storage.local
// when the options page saved there); what the engine remembers is saved to
// chrome.storage.local "memory" so it survives the worker being stopped.

import init, { Engine } from '../core/followback.js';

const MEMORY_KEY = 'memory';
const MEMORY_SAVE_DELAY_MS = 5000;
const MEMORY_MAX_CHARS = 8 * 1024 * 1024;

let engine = null;
let saveTimer = null;

async function readSettings() {
  let local = {};
  let sync = {};
  try {
    local = (await chrome.storage.local.get(['settings', 'settingsStore'])) || {};
  } catch (_) {
    local = {};
  }
  if (local.settingsStore === 'local' && local.settings) return local.settings;
  try {
    sync = (await chrome.storage.sync.get('settings')) || {};
  } catch (_) {
    sync = {};
  }
  return sync.settings || local.settings || null;
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

const isQuotaError = (e) => /quota|QUOTA_BYTES/i.test(String((e && e.message) || e));

/** The saved memory with only its `keep` most recently seen accounts (null when it cannot be cut). */
function trimmedMemory(text, keep) {
  try {
    const saved = JSON.parse(text);
    if (!saved || !Array.isArray(saved.entries)) return null;
    saved.entries.sort((a, b) => (Number(b && b.last_seen) || 0) - (Number(a && a.last_seen) || 0));
    saved.entries = saved.entries.slice(0, Math.max(0, keep));
    return { text: JSON.stringify(saved), count: saved.entries.length };
  } catch (_) {
    return null;
  }
}

/**
 * Saves the memory; when chrome.storage.local is full, saves fewer accounts (the
 * most recently seen) leaving room for settings, and notes it in the diagnostics.
 * The worker keeps remembering everything until it stops.
 */
async function saveMemory(text) {
  let current = text;
  let total = null;
  for (let attempt = 0; attempt < 12; attempt += 1) {
    try {
      await chrome.storage.local.set({ [MEMORY_KEY]: current });
      if (total !== null) {
        // Leave room for the settings and switches the pages write to local.
        if ((await freeLocalBytes()) < STORAGE_RESERVE_BYTES) {
          const smaller = trimmedMemory(current, Math.floor((trimmedMemory(current, Infinity)?.count ?? 0) / 2));
          if (smaller) await chrome.storage.local.set({ [MEMORY_KEY]: smaller.text }).then(() => (current = smaller.text), () => {});
        }
        stats.memoryTrimmed += 1;
        note(`storage is full: saved the ${trimmedMemory(current, Infinity)?.count ?? 0} most recently seen of ${total} remembered accounts`);
      }
      return;
    } catch (e) {
      if (!isQuotaError(e)) {
        note(`memory not saved: ${String((e && e.message) || e)}`);
        return;
      }
      const all = trimmedMemory(current, Infinity);
      if (!all || all.count === 0) {
        note('storage is full: memory not saved');
        return;
      }
      if (total === null) total = all.count;
      const next = trimmedMemory(current, Math.floor(all.count / 2));
      if (!next) return;
      current = next.text;
    }
  }
}

function scheduleMemorySave() {
  if (saveTimer !== null) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    try {
      const text = engine.exportMemory();
      const fitting = text.length <= MEMORY_MAX_CHARS ? text : trimmedMemory(text, engine.accountCount() / 2)?.text;
      if (fitting) saveMemory(fitting).catch(() => {});
    } catch (_) {
      // memory stays in this worker only
    }
  }, MEMORY_SAVE_DELAY_MS);
}

const ready = (async () => {
  await init({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
  const e = new Engine(await readSettings());
  await restoreMemory(e);
  e.setCapacity(null); // the memory.capacity setting (restored memory carries its old cap)
  engine = e;
  return e;
})();

async function applyStoredSettings() {
  const e = await ready;
  const report = e.setSettings(await readSettings());
  e.setCapacity(null);
  scheduleMemorySave();
  return report;
}

async function handle(message) {
  const e = await ready;
  switch (message.type) {
    case 'fb:payload': {
      if (typeof message.text !== 'string') return { ok: false, error: 'fb:payload needs a text string' };
      const report = e.ingest(message.text, Date.now());
      countPayload(report, message.url);
      if (report && report.accounts > 0) scheduleMemorySave();
      return { ok: true, accounts: report ? report.accounts : 0, warnings: report ? report.warnings : [] };
    }
    case 'fb:verdicts': {
      if (!Array.isArray(message.requests)) return { ok: false, error: 'fb:verdicts needs a requests array' };
      if (message.reloadSettings) await applyStoredSettings();
      const verdicts = e.verdicts(message.requests, Date.now());
      scheduleMemorySave();
      return { ok: true, verdicts: Array.isArray(verdicts) ? verdicts : [] };
    }
    case 'fb:interactions': {
      // What people did to the viewer (notifications page): [{ handle, kind, at? (unix s) }].
      if (!Array.isArray(message.interactions)) return { ok: false, error: 'fb:interactions needs an interactions array' };
      const report = e.rememberInteractions(message.interactions, Date.now());
      if (report && report.recorded > 0) scheduleMemorySave();
      return { ok: true, recorded: report ? report.recorded : 0, skipped: report ? report.skipped : 0, warnings: report ? report.warnings : [] };
    }
    case 'fb:tweets': {
      // The profile owner's posts read from tweet articles: [DomTweet] (read::dom_tweet).
      if (!Array.isArray(message.tweets)) return { ok: false, error: 'fb:tweets needs a tweets array' };
      const report = e.rememberTweets(message.tweets, Date.now());
      if (report && report.recorded > 0) scheduleMemorySave();
      return { ok: true, recorded: report ? report.recorded : 0, skipped: report ? report.skipped : 0, warnings: report ? report.warnings : [] };
    }
    case 'fb:export-memory': {
      // The audit page's "export everything remembered": [{ verdict, account, seen_at }].
      const records = e.exportVerdicts(Date.now());
      return { ok: true, records: Array.isArray(records) ? records : [] };
    }
    case 'fb:memory-stats': {
      // The options page's memory section: how many accounts, the cap, and the saved size.
      const json = e.exportMemory();
      return { ok: true, accounts: e.accountCount(), capacity: e.memoryCapacity(), bytes: new TextEncoder().encode(json).length };
    }
    case 'fb:memory-export':
      return { ok: true, json: e.exportMemory() };
    case 'fb:memory-clear': {
      e.clearMemory();
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      await chrome.storage.local.remove(MEMORY_KEY);
      return { ok: true };
    }
    case 'fb:debug-stats':
      // The popup's Diagnostics: counters since this worker started, the last warnings.
      return { ok: true, ...stats, warnings: stats.warnings.slice(), remembered: e.accountCount() };
    default:
      return { ok: false, error: `unknown message type ${String(message.type)}` };
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message.type !== 'string' || !['fb:payload', 'fb:verdicts', 'fb:interactions', 'fb:tweets', 'fb:export-memory', 'fb:memory-stats', 'fb:memory-export', 'fb:memory-clear', 'fb:debug-stats'].includes(message.type)) {
    return false;
  }
  if (sender && sender.id && sender.id !== chrome.runtime.id) return false;
  // Reading or clearing all of memory is for the extension's own pages (options), not content scripts.
  if ((message.type.startsWith('fb:memory-') || message.type === 'fb:debug-stats') && !String((sender && sender.url) || '').startsWith(chrome.runtime.getURL(''))) return false;
  handle(message).then(sendResponse, (err) =>
    sendResponse({ ok: false, error: String((err && err.message) || err) }),
  );
  return true;
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (changes.settings || (area === 'local' && changes.settingsStore)) {
    applyStoredSettings().catch(() => {});
  }
});

// First run (added by the store engineer): the welcome page opens once, on a
// fresh install only (not on update or browser restart); the flag guards
// against a second "install" event for the same profile.
chrome.runtime.onInstalled.addListener((details) => {
  if (!details || details.reason !== 'install') return;
  chrome.storage.local.get('welcomeShown').then(async (got) => {
    if (got && got.welcomeShown) return;
    await chrome.storage.local.set({ welcomeShown: true });
    await chrome.tabs.create({ url: chrome.runtime.getURL('welcome/welcome.html') });
  }).catch(() => {});
});
