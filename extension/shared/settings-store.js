// @ts-check
// Where the settings live, the one place that knows: chrome.storage.sync key
// `settings`, or chrome.storage.local when sync refuses them (quota). Records
// which one in local `settingsStore`. Used by the service worker (reading) and
// the options page (reading and saving).
//
// Writers keep exactly one copy: writing to sync removes the local copy and the
// reverse, so any reader (service worker, content script) finds the current one.

import { STORAGE_KEYS } from './storage-keys.js';

export const SETTINGS_KEY = STORAGE_KEYS.settings;
export const STORE_KEY = STORAGE_KEYS.settingsStore;

/** True when a storage change (chrome.storage.onChanged) may have changed the settings in use. */
export function settingsChanged(/** @type {Record<string, unknown>} */ changes, /** @type {string} */ area) {
  return Object.hasOwn(changes, SETTINGS_KEY) || (area === 'local' && Object.hasOwn(changes, STORE_KEY));
}

/** True when a storage error is a quota limit (chrome.storage.sync's or local's). */
export function isQuotaError(/** @type {unknown} */ error) {
  const message = String(/** @type {any} */ (error)?.message ?? error ?? '');
  return /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS/i.test(message);
}

/**
 * Reads the stored settings value as it is (may be anything, even garbage).
 * Returns { raw, store: "sync"|"local", found: bool, readError: string|null }.
 */
export async function loadRawSettings() {
  let local = {};
  let sync = {};
  let readError = null;
  try {
    local = await chrome.storage.local.get([SETTINGS_KEY, STORE_KEY]);
  } catch (e) {
    readError = String(e?.message ?? e);
  }
  try {
    sync = await chrome.storage.sync.get(SETTINGS_KEY);
  } catch (e) {
    readError = String(e?.message ?? e);
  }
  const hasLocal = Object.hasOwn(local ?? {}, SETTINGS_KEY);
  const hasSync = Object.hasOwn(sync ?? {}, SETTINGS_KEY);
  const preferLocal = local?.[STORE_KEY] === 'local' || !hasSync;
  if (preferLocal && hasLocal) {
    return { raw: local[SETTINGS_KEY], store: 'local', found: true, readError };
  }
  if (hasSync) return { raw: sync[SETTINGS_KEY], store: 'sync', found: true, readError };
  return { raw: null, store: local?.[STORE_KEY] === 'local' ? 'local' : 'sync', found: false, readError };
}

/**
 * Saves valid settings. Tries sync first; on a quota error falls back to local.
 * Returns { store: "sync"|"local", fellBack: bool, reason: string|null }; throws on other errors.
 */
export async function saveSettings(settings) {
  try {
    await chrome.storage.sync.set({ [SETTINGS_KEY]: settings });
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    await chrome.storage.local.set({ [SETTINGS_KEY]: settings, [STORE_KEY]: 'local' });
    try {
      await chrome.storage.sync.remove(SETTINGS_KEY);
    } catch {
      // The local copy is marked current; a stale sync copy is ignored by readers.
    }
    return { store: 'local', fellBack: true, reason: String(e?.message ?? e) };
  }
  await chrome.storage.local.remove(SETTINGS_KEY);
  await chrome.storage.local.set({ [STORE_KEY]: 'sync' });
  return { store: 'sync', fellBack: false, reason: null };
}
