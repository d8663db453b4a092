// @ts-check
// Filter mode: dims or collapses the account rows below a chosen level
// (chrome.storage.local `filter` = { enabled, belowLevel, mode, onlyFollowsYouNotFollowed }).
// Applied per render to the row's CURRENT account, so recycled rows never keep
// another account's state; every style it touches is restored exactly.

import { STORAGE_KEYS } from './storage-keys.js';
import { levelRank } from './levels.js';

export const FILTER_KEY = STORAGE_KEYS.filter;
export const FILTER_ATTR = 'data-followback-filter';

const DEFAULT = Object.freeze({ enabled: false, belowLevel: 'maybe', mode: 'dim', onlyFollowsYouNotFollowed: false });
// Ranks come from the level table (higher is better). Not enough data has no
// rank, so it is never "below" a level: no data is not a reason to hide.
/** Inline styles per mode; a collapsed row keeps a slim bar (name, handle, badge). */
const STYLES = Object.freeze({
  dim: { opacity: '0.3' },
  collapse: { 'max-height': '52px', overflow: 'hidden', opacity: '0.6' },
});

/** @type {{ enabled: boolean, belowLevel: string, mode: string, onlyFollowsYouNotFollowed: boolean }} */
let config = { ...DEFAULT };
/** row -> { mode, saved: { prop: [value, priority] } } */
const applied = new WeakMap();

/** A well-formed filter config from anything stored. */
export function normalizeFilter(v) {
  const o = v && typeof v === 'object' ? v : {};
  return {
    enabled: o.enabled === true,
    belowLevel: o.belowLevel === 'follow_back' ? 'follow_back' : 'maybe',
    mode: o.mode === 'collapse' ? 'collapse' : 'dim',
    onlyFollowsYouNotFollowed: o.onlyFollowsYouNotFollowed === true,
  };
}

export function setFilter(value) {
  config = normalizeFilter(value);
}

export function filterConfig() {
  return { ...config };
}

/** Reads the stored filter; never rejects. */
export function loadFilter() {
  try {
    return chrome.storage.local.get(FILTER_KEY).then(
      (got) => setFilter(got && got[FILTER_KEY]),
      () => {},
    );
  } catch (_) {
    return Promise.resolve();
  }
}

/** True when a row showing `verdict` (and `facts`) is filtered under `cfg`. */
export function isFiltered(verdict, facts, cfg = config) {
  if (!cfg.enabled || !verdict) return false;
  const rank = levelRank(verdict.level);
  const below = levelRank(cfg.belowLevel);
  if (rank !== null && below !== null && rank < below) return true;
  if (cfg.onlyFollowsYouNotFollowed) {
    const f = facts || {};
    if (!(f.followsYou === true && f.youFollow === false)) return true;
  }
  return false;
}

/** Removes the filter from one row, restoring its inline styles exactly. */
export function unfilterRow(row) {
  const state = applied.get(row);
  if (state) {
    for (const [prop, [value, priority]] of Object.entries(state.saved)) {
      if (value) row.style.setProperty(prop, value, priority);
      else row.style.removeProperty(prop);
    }
    applied.delete(row);
  }
  if (row.hasAttribute(FILTER_ATTR)) row.removeAttribute(FILTER_ATTR);
  if (row.getAttribute('style') === '' && state && state.hadNoStyle) row.removeAttribute('style');
}

function filter(row, mode) {
  const state = applied.get(row);
  if (state && state.mode === mode) return;
  if (state) unfilterRow(row);
  const saved = {};
  const hadNoStyle = !row.hasAttribute('style');
  for (const [prop, value] of Object.entries(STYLES[mode])) {
    saved[prop] = [row.style.getPropertyValue(prop), row.style.getPropertyPriority(prop)];
    row.style.setProperty(prop, value, 'important');
  }
  applied.set(row, { mode, saved, hadNoStyle });
  row.setAttribute(FILTER_ATTR, mode);
}

/** Applies or removes the filter on `row` for the account it shows now. */
export function filterRow(row, verdict, facts) {
  if (isFiltered(verdict, facts)) filter(row, config.mode);
  else if (applied.has(row) || row.hasAttribute(FILTER_ATTR)) unfilterRow(row);
}

/** Restores every filtered row. */
export function clearAllFilters(doc = document) {
  for (const row of doc.querySelectorAll(`[${FILTER_ATTR}]`)) unfilterRow(row);
}
