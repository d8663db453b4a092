// @ts-check
// The toolbar popup: the on/off switch (chrome.storage.local `enabled`), how many
// accounts are badged on the current tab by level (asked of its content script),
// a way to the settings page, and a small Diagnostics section (what the service
// worker read: payloads, accounts, unknown or unreadable payloads, last warnings).

import { t, localize, LEVELS } from '../shared/i18n.js';
import { MESSAGES } from '../shared/messages.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import { LEVELS as LEVEL_TABLE, glyphSvg, renderLegend } from '../shared/levels.js';
import { targetTabId } from './target-tab.js';

const REFRESH_MS = 1000;
/** An element of this page by id (any: inputs, tables and plain elements alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

/** Asks the tab's content script for its badge counts; null when none answers. */
async function pageStats(tabId) {
  if (tabId === null) return null;
  try {
    const r = await chrome.tabs.sendMessage(tabId, { type: MESSAGES.PAGE_STATS.type });
    if (!r || typeof r !== 'object' || typeof r.total !== 'number') return null;
    return r;
  } catch {
    return null; // "Could not establish connection. Receiving end does not exist."
  }
}

function showMessage(text) {
  const m = $('stats-message');
  m.textContent = text;
  m.hidden = !text;
}

function renderStats(stats, enabled) {
  const counts = $('counts');
  if (!stats) {
    counts.hidden = true;
    showMessage(t('popup_no_content', 'Open x.com to see badges.'));
    document.body.dataset.stats = 'none';
    return;
  }
  const byLevel = stats.byLevel && typeof stats.byLevel === 'object' ? stats.byLevel : {};
  const set = (level, n) => {
    const dd = counts.querySelector(`[data-level="${level}"] .count`);
    if (dd) dd.textContent = String(Number.isFinite(n) ? n : 0);
  };
  set('total', Number(stats.total));
  for (const level of LEVELS) set(level, Number(byLevel[level] ?? 0));
  counts.hidden = false;
  if (!enabled) showMessage(t('popup_disabled', 'Badges are switched off.'));
  else if (stats.total === 0) showMessage(t('popup_none_yet', 'No accounts badged on this page yet.'));
  else showMessage('');
  document.body.dataset.stats = 'shown';
}

async function readEnabled() {
  try {
    const got = await chrome.storage.local.get(STORAGE_KEYS.enabled);
    return got?.[STORAGE_KEYS.enabled] !== false;
  } catch {
    return true;
  }
}

/** The Diagnostics section: the service worker's counters (`fb:debug-stats`) and last warnings. */
async function refreshDiagnostics() {
  let d = null;
  try {
    d = await chrome.runtime.sendMessage({ type: MESSAGES.DEBUG_STATS.type });
  } catch {
    d = null;
  }
  if (!d || !d.ok) return;
  const box = $('diagnostics');
  for (const row of /** @type {NodeListOf<HTMLElement>} */ (box.querySelectorAll('[data-stat]'))) {
    const n = Number(d[row.dataset.stat]);
    row.querySelector('.count').textContent = String(Number.isFinite(n) ? n : 0);
  }
  const list = $('diag-warnings');
  const warnings = Array.isArray(d.warnings) ? d.warnings.slice(-5).reverse() : [];
  list.replaceChildren(
    ...warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = String(w && w.text);
      return li;
    }),
  );
  box.dataset.state = 'ready';
}

let tabId = null;
let refreshing = false;

async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    const stats = await pageStats(tabId);
    renderStats(stats, $('enabled').checked);
    await refreshDiagnostics();
  } finally {
    refreshing = false;
  }
}

/** Level glyphs and colours from the one level table, and the legend. */
function drawLevels() {
  const root = document.documentElement;
  const colours = {};
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  for (const l of LEVEL_TABLE) {
    colours[l.id] = dark ? l.dark : l.light;
    const row = /** @type {HTMLElement | null} */ (document.querySelector(`#counts [data-level="${l.id}"]`));
    if (!row) continue;
    row.style.setProperty('--lv-light', l.light);
    row.style.setProperty('--lv-dark', l.dark);
    const mark = row.querySelector('.mark');
    if (mark) mark.replaceChildren(glyphSvg(document, l.glyph));
  }
  root.dataset.levels = 'drawn';
  $('legend-body').replaceChildren(renderLegend(document, { colours }));
}

async function start() {
  localize(document);
  drawLevels();
  const toggle = $('enabled');
  toggle.checked = await readEnabled();
  toggle.addEventListener('change', async () => {
    await chrome.storage.local.set({ [STORAGE_KEYS.enabled]: toggle.checked });
    refresh();
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[STORAGE_KEYS.enabled]) {
      toggle.checked = changes[STORAGE_KEYS.enabled].newValue !== false;
      refresh();
    }
  });
  // The audit page (extension/audit) for the list shown in the x.com tab.
  $('open-audit').addEventListener('click', async () => {
    const query = tabId === null ? '' : `?tab=${tabId}`;
    await chrome.tabs.create({ url: chrome.runtime.getURL(`audit/audit.html${query}`) });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });
  $('open-options').addEventListener('click', async () => {
    await chrome.runtime.openOptionsPage();
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });
  try {
    tabId = await targetTabId();
  } catch {
    tabId = null;
  }
  await refresh();
  setInterval(refresh, REFRESH_MS);
  document.body.dataset.ready = 'true';
}

start();
