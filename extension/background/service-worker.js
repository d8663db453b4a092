// Service worker (Chromium) / background script (Firefox), an ES module:
// loads the Rust core (wasm), keeps one Engine, and answers the content
// scripts' `fb:payload` and `fb:verdicts` messages (contracts.md).
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

function scheduleMemorySave() {
  if (saveTimer !== null) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    try {
      const text = engine.exportMemory();
      if (text.length <= MEMORY_MAX_CHARS) chrome.storage.local.set({ [MEMORY_KEY]: text }).catch(() => {});
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
    case 'fb:export-memory': {
      // The audit page's "export everything remembered": [{ verdict, account, seen_at }].
      const records = e.exportVerdicts(Date.now());
      return { ok: true, records: Array.isArray(records) ? records : [] };
    }
    default:
      return { ok: false, error: `unknown message type ${String(message.type)}` };
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message.type !== 'string' || !['fb:payload', 'fb:verdicts', 'fb:interactions', 'fb:export-memory'].includes(message.type)) {
    return false;
  }
  if (sender && sender.id && sender.id !== chrome.runtime.id) return false;
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
