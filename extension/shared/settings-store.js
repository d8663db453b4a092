// @ts-check
// Where the settings live, the one place that knows: chrome.storage.sync key
// `settings`, or chrome.storage.local when sync refuses them (quota). Records
// which one in local `settingsStore`. Every context reads here; only the
// service worker saves (saveSettings), one write at a time: the pages send the
// ids they changed (writeSettings, `fb:settings-write`) and the worker merges
// them onto what is stored (mergeSettings), so two windows editing at the same
// moment both keep their edits.
//
// The writer keeps exactly one copy: writing to sync removes the local copy and
// the reverse, so any reader (service worker, content script) finds the current one.

import { STORAGE_KEYS } from './storage-keys.js';
import { MESSAGES } from './messages.js';

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

/** True for a stored value shaped like settings: `{ version: integer, values: object }`. */
export function isSettingsShape(/** @type {unknown} */ value) {
  const v = /** @type {any} */ (value);
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v) && Number.isInteger(v.version) &&
    Boolean(v.values) && typeof v.values === 'object' && !Array.isArray(v.values);
}

/**
 * Checks a `fb:settings-write` request: null when well-formed, else why not.
 * @param {unknown} message
 * @returns {string | null}
 */
export function settingsWriteProblem(message) {
  const m = /** @type {any} */ (message);
  if (!m || typeof m.values !== 'object' || m.values === null || Array.isArray(m.values)) {
    return 'fb:settings-write needs a values object';
  }
  if (m.version !== undefined && !Number.isInteger(m.version)) return 'fb:settings-write: version must be an integer';
  if (m.replace === true && !Number.isInteger(m.version)) return 'fb:settings-write: a replace needs the version';
  return null;
}

/**
 * The settings to store after a write, from what is stored now (`current`, may be
 * anything). Pure: the service worker's one write queue uses it.
 * - a patch (`replace` not set): `values` set over the stored values, the other
 *   stored values (even ids this version does not know) kept as they are; when
 *   nothing usable is stored, or it has another version than the writer's, over
 *   `repair(current)` (the core's tolerant reading: the defaults, or the stored
 *   settings migrated);
 * - `replace`: exactly `{ version, values }` (the options page saving settings it
 *   repaired, when what is stored could not be used as it is).
 * @param {unknown} current
 * @param {{ values: Record<string, unknown>, version?: number, replace?: boolean }} write
 * @param {(raw: unknown) => { version: number, values: Record<string, unknown> }} repair
 */
export function mergeSettings(current, write, repair) {
  if (write.replace === true) return { version: write.version, values: { ...write.values } };
  const usable = isSettingsShape(current) && (write.version === undefined || /** @type {any} */ (current).version === write.version);
  const base = usable ? /** @type {{ version: number, values: Record<string, unknown> }} */ (current) : repair(current);
  return { ...base, values: { ...base.values, ...write.values } };
}

/**
 * Sends changed settings to the service worker, the one writer (see mergeSettings).
 * Resolves with the worker's reply `{ ok, settings, store, fellBack, reason }`
 * (settings: what is stored after the write); rejects with the worker's error.
 * @param {Record<string, unknown>} values  the changed ids and their new values
 * @param {{ version?: number, replace?: boolean }} [options]
 */
export async function writeSettings(values, { version, replace = false } = {}) {
  const reply = await chrome.runtime.sendMessage({ type: MESSAGES.SETTINGS_WRITE.type, values, version, replace });
  if (!reply || reply.ok !== true) throw new Error((reply && reply.error) || 'the settings were not saved');
  return reply;
}
