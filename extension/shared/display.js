// @ts-check
// What to show where: the per-surface switches (`display.*` booleans in the
// settings table, src/settings/table.rs), read from the stored settings by the
// content script and the popup, and written by the popup. The options page
// edits the same ids through its form.

import { loadRawSettings, writeSettings } from './settings-store.js';

/** The switches, in the order people see them; `fallback` is the English label. */
export const DISPLAY_SWITCHES = Object.freeze([
  Object.freeze({ id: 'display.lists', key: 'display_lists', fallback: 'Badges in lists', default: true }),
  Object.freeze({ id: 'display.profiles', key: 'display_profiles', fallback: 'Badges on profiles', default: true }),
  Object.freeze({ id: 'display.notifications', key: 'display_notifications', fallback: 'Badges in notifications', default: true }),
  Object.freeze({ id: 'display.hover_cards', key: 'display_hover_cards', fallback: 'Badges in hover cards', default: true }),
  Object.freeze({ id: 'display.hide_not_enough_data', key: 'display_hide_not_enough_data', fallback: 'Hide \u201cnot enough data\u201d badges', default: false }),
]);

/** Every switch at its default. */
export function defaultDisplay() {
  return Object.fromEntries(DISPLAY_SWITCHES.map((s) => [s.id, s.default]));
}

/**
 * The switches from a stored settings value (`{ version, values }`, or anything):
 * each is its stored boolean, or its default when missing or not a boolean.
 * @returns {Record<string, boolean>}
 */
export function displayOf(raw) {
  const values = raw && typeof raw === 'object' && raw.values && typeof raw.values === 'object' ? raw.values : {};
  const out = defaultDisplay();
  for (const s of DISPLAY_SWITCHES) {
    if (typeof values[s.id] === 'boolean') out[s.id] = values[s.id];
  }
  return out;
}

/** The switches in effect now; the defaults when storage cannot be read. Never rejects. */
export async function loadDisplay() {
  try {
    return displayOf((await loadRawSettings()).raw);
  } catch {
    return defaultDisplay();
  }
}

/**
 * Sets one switch: sent to the service worker, which merges it onto the stored
 * settings (over the defaults when none usable are stored) and saves them, so a
 * settings edit elsewhere at the same moment is kept. Rejects with why not.
 */
export async function setDisplay(id, on) {
  if (!DISPLAY_SWITCHES.some((s) => s.id === id)) throw new Error(`unknown switch ${id}`);
  return writeSettings({ [id]: on === true });
}
