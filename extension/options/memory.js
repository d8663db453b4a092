// @ts-check
// The options page's memory section: how many accounts the service worker
// remembers across visits (and its cap, and the saved size), an export of
// everything remembered as JSON, and a clear with an inline confirm step.
// The service worker owns the memory: this asks it with `fb:memory-stats`,
// `fb:memory-json` and `fb:memory-clear` (shared/messages.js).

import { t } from '../shared/i18n.js';
import { downloadText } from '../shared/download.js';
import { MESSAGES } from '../shared/messages.js';

const REFRESH_DELAY_MS = 400;
const $ = (id) => document.getElementById(id);

/** Asks the service worker; always resolves to an object with `ok`. */
async function ask(type) {
  try {
    const r = await chrome.runtime.sendMessage({ type });
    return r && typeof r === 'object' ? r : { ok: false, error: t('options_memory_no_answer', 'no answer') };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e) };
  }
}

/** "followback-memory-YYYY-MM-DD.json" for the local date of `now`. */
export function memoryFileName(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `followback-memory-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** A byte count in words: "512 bytes", "45.2 KB", "3.1 MB". */
export function sizeText(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return t('options_memory_bytes', '$1 bytes', [String(n)]);
  if (n < 1024 * 1024) return t('options_memory_kb', '$1 KB', [(n / 1024).toFixed(1)]);
  return t('options_memory_mb', '$1 MB', [(n / (1024 * 1024)).toFixed(1)]);
}

function setStatus(state, text, stats = null) {
  const el = $('memory-status');
  el.dataset.state = state;
  el.textContent = text;
  if (stats) {
    el.dataset.accounts = String(stats.accounts);
    el.dataset.capacity = String(stats.capacity);
  } else {
    delete el.dataset.accounts;
    delete el.dataset.capacity;
  }
}

function setMessage(text, state = 'ok') {
  const el = $('memory-message');
  el.hidden = !text;
  el.dataset.state = state;
  el.textContent = text;
}

let refreshing = Promise.resolve();

/**
 * The notice for the last eviction (`fb:memory-stats` `forgotten`), or ''.
 * @param {unknown} f
 */
export function forgottenText(f) {
  const last = /** @type {{ count?: unknown, at?: unknown }} */ (f && typeof f === 'object' ? f : {});
  const n = Number(last.count);
  const at = Number(last.at);
  if (!Number.isFinite(n) || n <= 0 || !Number.isFinite(at)) return '';
  const when = new Date(at).toLocaleString();
  return n === 1
    ? t('options_memory_forgotten_one', 'The least recently seen account was forgotten on $1 to stay within the cap.', [when])
    : t('options_memory_forgotten', 'The $1 least recently seen accounts were forgotten on $2 to stay within the cap.', [n.toLocaleString(), when]);
}

/** Reads the counts from the service worker and shows them. */
export function refreshMemory() {
  refreshing = refreshing.then(async () => {
    const r = await ask(MESSAGES.MEMORY_STATS.type);
    if (!r.ok) {
      setStatus('error', t('options_memory_unavailable', 'What is remembered could not be read: $1', [String(r.error ?? '')]));
      return;
    }
    const stats = { accounts: Number(r.accounts) || 0, capacity: Number(r.capacity) || 0, bytes: Number(r.bytes) || 0 };
    const fmt = (n) => n.toLocaleString();
    const count = stats.accounts === 1
      ? t('options_memory_count_one', '1 account remembered (of at most $1), $2.', [fmt(stats.capacity), sizeText(stats.bytes)])
      : t('options_memory_count', '$1 accounts remembered (of at most $2), $3.', [fmt(stats.accounts), fmt(stats.capacity), sizeText(stats.bytes)]);
    const forgotten = forgottenText(r.forgotten);
    setStatus('ready', forgotten ? `${count} ${forgotten}` : count, stats);
    const el = $('memory-status');
    if (forgotten) el.dataset.forgotten = String(r.forgotten.count);
    else delete el.dataset.forgotten;
  });
  return refreshing;
}

function showConfirm(open) {
  $('memory-confirm').hidden = !open;
  $('memory-clear').setAttribute('aria-expanded', String(open));
  if (open) $('memory-clear-cancel').focus();
}

/**
 * The saved copy (the worker's IndexedDB records, the same format), for when
 * the worker cannot send the export (over runtime messaging's 64 MiB), or null.
 */
async function savedCopy() {
  try {
    const { savedMemoryText } = await import('../shared/memory-store.js');
    return await savedMemoryText();
  } catch (_) {
    return null;
  }
}

async function onExport() {
  setMessage('');
  const r = await ask(MESSAGES.MEMORY_JSON.type);
  const json = r.ok && typeof r.json === 'string' ? r.json : await savedCopy();
  if (json === null) {
    setMessage(t('options_memory_export_error', 'The memory could not be exported: $1', [String(r.error ?? '')]), 'error');
    return;
  }
  downloadText(json, memoryFileName());
  setMessage(t('options_memory_exported', 'Exported as $1.', [memoryFileName()]));
}

async function onConfirmClear() {
  showConfirm(false);
  const r = await ask(MESSAGES.MEMORY_CLEAR.type);
  if (!r.ok) {
    setMessage(t('options_memory_clear_error', 'The memory could not be cleared: $1', [String(r.error ?? '')]), 'error');
  } else {
    setMessage(t('options_memory_cleared', 'Memory cleared: every remembered account was forgotten.'));
  }
  await refreshMemory();
  $('memory-clear').focus();
}

let timer = null;
function refreshSoon() {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    refreshMemory();
  }, REFRESH_DELAY_MS);
}

/** Wires the section's buttons and keeps the counts current. */
export function setupMemory() {
  $('memory-export').addEventListener('click', () => { onExport(); });
  $('memory-clear').addEventListener('click', () => { setMessage(''); showConfirm(true); });
  $('memory-clear-cancel').addEventListener('click', () => { showConfirm(false); $('memory-clear').focus(); });
  $('memory-clear-confirm').addEventListener('click', () => { onConfirmClear(); });
  $('memory-confirm').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { showConfirm(false); $('memory-clear').focus(); }
  });
  // The service worker applies a new cap after a settings change (memory: the old saved copy moved away).
  chrome.storage.onChanged.addListener((changes) => {
    if (changes.memory || changes.settings) refreshSoon();
  });
  return refreshMemory();
}
