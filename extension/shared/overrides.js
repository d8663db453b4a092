// @ts-check
// Per-account overrides the person chose ("always follow back" / "never"):
// chrome.storage.local `overrides` = { "<handle lower-case>": "always" | "never" }.
// An override forces the level a badge shows; the computed score stays visible.

import { STORAGE_KEYS } from './storage-keys.js';
import { isHandle } from './x-account.js';
import { OVERRIDE_LEVEL } from './levels.js';

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

/** Stores (mode "always" | "never") or clears (null) the override of `handle`. */
export async function saveOverride(handle, mode) {
  const k = String(handle || '').toLowerCase();
  if (!isHandle(k)) return;
  const got = await chrome.storage.local.get(OVERRIDES_KEY);
  const next = { ...normalizeOverrides(got && got[OVERRIDES_KEY]) };
  if (OVERRIDE_MODES.includes(mode)) next[k] = mode;
  else delete next[k];
  await chrome.storage.local.set({ [OVERRIDES_KEY]: next });
}
