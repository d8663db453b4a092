// @ts-check
// Per-account overrides the person chose ("always follow back" / "never"):
// chrome.storage.local `overrides` = { "<handle lower-case>": "always" | "never" }.
// An override forces the level a badge shows; the computed score stays visible.
// Only the service worker writes them (`fb:overrides-write`, one queue), so
// concurrent tabs and pages never overwrite each other's choices.

import { STORAGE_KEYS } from './storage-keys.js';
import { isHandle } from './x-account.js';
import { OVERRIDE_LEVEL } from './levels.js';
import { MESSAGES } from './messages.js';

export const OVERRIDES_KEY = STORAGE_KEYS.overrides;
export const OVERRIDE_MODES = Object.freeze(['always', 'never']);
/** The level each override forces: the one override-to-level map lives in the level table. */
export { OVERRIDE_LEVEL };

let map = Object.create(null);
/** verdict -> { mode, out }: one stable derived object per verdict and mode. */
const derived = new WeakMap();

/** Keeps only well-formed entries of a stored value. */
export function normalizeOverrides(value) {
  const out = Object.create(null);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    // Keys are stored lower-case.
    if (isHandle(k) && k === k.toLowerCase() && OVERRIDE_MODES.includes(v)) out[k] = v;
  }
  return out;
}

/** Replaces the overrides in use (from storage). */
export function setOverrides(value) {
  map = normalizeOverrides(value);
}

/** Reads the stored overrides; never rejects. */
export function loadOverrides() {
  try {
    return chrome.storage.local.get(OVERRIDES_KEY).then(
      (got) => setOverrides(got && got[OVERRIDES_KEY]),
      () => {},
    );
  } catch (_) {
    return Promise.resolve();
  }
}

/** "always" | "never" | null for a handle. */
export function overrideOf(handle) {
  return map[String(handle || '').toLowerCase()] || null;
}

/**
 * The verdict to show: the computed one, or (when the person chose) a copy with
 * the level forced and `override` / `computedLevel` set. Same input, same object.
 */
export function withOverride(verdict) {
  if (!verdict) return verdict;
  const mode = overrideOf(verdict.handle);
  if (!mode) return verdict;
  const known = derived.get(verdict);
  if (known && known.mode === mode) return known.out;
  const out = { ...verdict, level: OVERRIDE_LEVEL[mode], computedLevel: verdict.level, override: mode };
  derived.set(verdict, { mode, out });
  return out;
}

/**
 * The overrides after `changes` ({ handle: "always" | "never" | null }) are applied
 * to `current`; with `replace`, `changes` is the whole new set. Pure: the service
 * worker's one write queue uses it (see writeOverrides).
 * @param {unknown} current
 * @param {unknown} changes
 * @param {boolean} [replace]
 */
export function applyOverrideChanges(current, changes, replace = false) {
  const next = replace ? Object.create(null) : { ...normalizeOverrides(current) };
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return { ...next };
  for (const [key, mode] of Object.entries(changes)) {
    const k = String(key).toLowerCase();
    if (!isHandle(k)) continue;
    if (OVERRIDE_MODES.includes(/** @type {any} */ (mode))) next[k] = mode;
    else delete next[k];
  }
  return { ...next };
}

/**
 * Sends override changes to the service worker, the one writer of the stored
 * overrides (it applies them in order, so two tabs writing at once both keep
 * theirs). Rejects with the worker's error.
 * @param {Record<string, string | null>} changes
 * @param {boolean} [replace]  `changes` is the whole new set (an import's undo)
 */
export async function writeOverrides(changes, replace = false) {
  const reply = await chrome.runtime.sendMessage({ type: MESSAGES.OVERRIDES_WRITE.type, changes, replace });
  if (!reply || reply.ok !== true) throw new Error((reply && reply.error) || 'the overrides were not saved');
  return reply;
}

/** Stores (mode "always" | "never") or clears (null) the override of `handle`. */
export async function saveOverride(handle, mode) {
  const k = String(handle || '').toLowerCase();
  if (!isHandle(k)) return;
  await writeOverrides({ [k]: OVERRIDE_MODES.includes(mode) ? mode : null });
}
