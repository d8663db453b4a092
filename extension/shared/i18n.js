// @ts-check
// Fixed interface strings for the options page and the popup, through chrome.i18n.
//
// English is written in the HTML and as fallbacks here; chrome.i18n replaces
// it when _locales has the key. Only fixed strings go through here: text that
// comes from data is set with textContent by the caller.

import { LEVEL_IDS, levelOf } from './levels.js';

/** Looks up a message; returns `fallback` (with $1.. substituted) when the key is missing. */
export function t(key, fallback, substitutions = []) {
  const subs = substitutions.map(String);
  let text = '';
  try {
    text = globalThis.chrome?.i18n?.getMessage(key, subs) ?? '';
  } catch {
    text = '';
  }
  if (text) return text;
  return subs.reduce((s, sub, i) => s.split(`$${i + 1}`).join(sub), fallback);
}

/** Replaces the text of every `[data-i18n]` element (and `data-i18n-aria-label`) under `root`. */
export function localize(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n, el.textContent);
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel, el.getAttribute('aria-label') ?? ''));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.title = t(el.dataset.i18nTitle, el.title);
  }
}

/** Words for a verdict level id (the level table's title, translated when _locales has it). */
export function levelLabel(level) {
  if (!LEVEL_IDS.includes(level)) return String(level ?? '');
  return t(`level_${level}`, levelOf(level).title);
}

/** The level ids in display order (from the level table). */
export const LEVELS = LEVEL_IDS;
