// @ts-check
// The toolbar popup: the on/off switch (chrome.storage.local `enabled`), how many
// accounts are badged on the current tab by level, in words (asked of its content
// script), the per-surface switches (`display.*` settings, shared/display.js), the
// filter state with a way to turn it off, "Audit this list" on list pages only, a
// way to the settings page, and a "Details" disclosure (what the service worker
// read: payloads, accounts, unknown or unreadable payloads, last warnings).

import { t, localize, LEVELS } from '../shared/i18n.js';
import { MESSAGES } from '../shared/messages.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import { LEVELS as LEVEL_TABLE, glyphSvg, renderLegend, levelWords } from '../shared/levels.js';
import { DISPLAY_SWITCHES, displayOf, setDisplay } from '../shared/display.js';
import { loadRawSettings, settingsChanged } from '../shared/settings-store.js';
import { FILTER_KEY, normalizeFilter } from '../shared/filter.js';
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

/** "On this page: 3 follow back · 2 maybe · 5 skip · 1 not enough data" (the level table's words). */
function summaryText(byLevel) {
  const parts = LEVELS.map((level) => {
    const n = Number(byLevel[level] ?? 0);
    return t('popup_summary_count', '$1 $2', [Number.isFinite(n) ? n : 0, levelWords(level)]);
  });
  return t('popup_summary', 'On this page: $1', [parts.join(' · ')]);
}

function renderStats(stats, enabled) {
  const counts = $('counts');
  $('open-audit').hidden = !(stats && stats.list === true);
  if (!stats) {
    $('summary').hidden = true;
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
  const summary = $('summary');
  summary.textContent = summaryText(byLevel);
  summary.hidden = false;
  document.body.dataset.list = stats.list === true ? 'yes' : 'no';
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
  $('diag-warnings-note').hidden = warnings.length === 0;
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

// ---------- what to show where ----------

/** Draws one switch per `display.*` setting. */
function drawSwitches() {
  const box = $('surface-switches');
  box.replaceChildren(
    ...DISPLAY_SWITCHES.map((s) => {
      const row = document.createElement('div');
      row.className = 'switch-row';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.setAttribute('role', 'switch');
      input.id = `switch-${s.key}`;
      input.dataset.setting = s.id;
      input.checked = s.default;
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = t(`popup_${s.key}`, s.fallback);
      input.addEventListener('change', () => onSwitch(input));
      row.append(input, label);
      return row;
    }),
  );
}

async function showSwitches() {
  let display;
  try {
    display = displayOf((await loadRawSettings()).raw);
  } catch {
    return;
  }
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#surface-switches input'))) {
    const id = input.dataset.setting ?? '';
    if (!input.disabled) input.checked = display[id] === true;
  }
  $('surfaces').dataset.state = 'ready';
}

async function onSwitch(input) {
  const status = $('surfaces-status');
  input.disabled = true;
  try {
    await setDisplay(input.dataset.setting, input.checked);
    status.textContent = '';
  } catch (e) {
    input.checked = !input.checked;
    status.textContent = t('popup_switch_error', 'Could not save: $1', [String(e?.message ?? e)]);
  } finally {
    input.disabled = false;
  }
}

// ---------- filter state ----------

/** "Filter on: dimming rows below maybe", or '' when the filter is off. */
function filterText(cfg) {
  if (!cfg.enabled) return '';
  const level = levelWords(cfg.belowLevel);
  const base = cfg.mode === 'collapse'
    ? t('popup_filter_on_collapse', 'Filter on: collapsing rows below $1', [level])
    : t('popup_filter_on_dim', 'Filter on: dimming rows below $1', [level]);
  return cfg.onlyFollowsYouNotFollowed
    ? `${base} ${t('popup_filter_only', 'and rows of accounts that do not follow you or that you follow')}`
    : base;
}

let filter = normalizeFilter(null);

function showFilter() {
  const text = filterText(filter);
  $('filter-text').textContent = text;
  $('filter-state').hidden = !text;
  document.body.dataset.filter = filter.enabled ? 'on' : 'off';
}

async function readFilter() {
  try {
    const got = await chrome.storage.local.get(FILTER_KEY);
    filter = normalizeFilter(got?.[FILTER_KEY]);
  } catch {
    filter = normalizeFilter(null);
  }
  showFilter();
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
  drawSwitches();
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[STORAGE_KEYS.enabled]) {
      toggle.checked = changes[STORAGE_KEYS.enabled].newValue !== false;
      refresh();
    }
    if (area === 'local' && changes[FILTER_KEY]) {
      filter = normalizeFilter(changes[FILTER_KEY].newValue);
      showFilter();
    }
    if (settingsChanged(changes, area)) showSwitches();
  });
  $('filter-off').addEventListener('click', async () => {
    try {
      await chrome.storage.local.set({ [FILTER_KEY]: { ...filter, enabled: false } });
    } catch (e) {
      $('filter-text').textContent = t('popup_filter_error', 'Could not turn the filter off: $1', [String(e?.message ?? e)]);
    }
  });
  await Promise.all([showSwitches(), readFilter()]);
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
