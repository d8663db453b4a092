// @ts-check
// The audit page: a whole follower list at a glance, for the x.com tab given
// as `?tab=<id>`. Polls that tab's content script (`fb:list-stats`) every second
// while the person scrolls; shows counts by level, the most common reasons for
// low scores and who follows you without a follow back; sets the filter mode
// (chrome.storage.local `filter`) and overrides; exports CSV and JSON.
// Everything is drawn with textContent.

import { FILTER_KEY, normalizeFilter } from '../shared/filter.js';
import { OVERRIDES_KEY, normalizeOverrides, saveOverride } from '../shared/overrides.js';
import { listRecords, rememberedRecords, toCsv, toJson } from './export.js';
import { downloadText } from '../shared/download.js';
import { MESSAGES } from '../shared/messages.js';
import { LEVEL_IDS, levelWords, confidenceWords } from '../shared/levels.js';
import { t, localize } from '../shared/i18n.js';
import { negativeReasons } from '../shared/reasons.js';

const POLL_MS = 1000;
const LEVELS = LEVEL_IDS;
/** The list's title per kind: "@dana's followers". */
const KIND_TITLES = {
  followers: (owner) => t('audit_list_followers', "@$1's followers", [owner]),
  verified_followers: (owner) => t('audit_list_verified_followers', "@$1's verified followers", [owner]),
  following: (owner) => t('audit_list_following', "@$1's following", [owner]),
};
const MAX_REASONS_SHOWN = 8;

/** An element of this page by id (any: inputs, tables and plain elements alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
const state = { tabId: null, stats: null, shownKey: '', overrides: {} };

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function tabFromQuery() {
  const param = new URLSearchParams(location.search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : null;
}

async function listStats() {
  if (state.tabId === null) return null;
  try {
    const r = await chrome.tabs.sendMessage(state.tabId, { type: MESSAGES.LIST_STATS.type });
    return r && r.ok && Array.isArray(r.accounts) ? r : null;
  } catch {
    return null; // the tab is gone or is not x.com
  }
}

/** lower-case handle -> { drawn, reasons }: the reasons of a row drawn as `drawn` (score, level, confidence), from its full verdict. */
const reasonsOf = new Map();
/** Full verdicts asked for in one message at most. */
const REASONS_BATCH = 100;

const drawnKey = (a) => `${a.score}|${a.computedLevel || a.level}|${a.confidence && a.confidence.value}`;
const knownReasons = (a) => {
  const got = reasonsOf.get(String(a.handle).toLowerCase());
  return got && got.drawn === drawnKey(a) ? got.reasons : null;
};

/**
 * The list with every row's reasons: a row the tab drew from a compact verdict
 * carries none (null), so its evidence is asked for (`fb:verdicts` with
 * `full: true`, in batches), once per verdict as drawn.
 * @param {any} stats  a `fb:list-stats` answer, or null
 */
async function withReasons(stats) {
  if (!stats) return stats;
  const missing = stats.accounts.filter((a) => !Array.isArray(a.reasons) && knownReasons(a) === null);
  for (let i = 0; i < missing.length; i += REASONS_BATCH) {
    const part = missing.slice(i, i + REASONS_BATCH);
    const requests = part.map((a) => (a.id ? { id: a.id, handle: a.handle } : { handle: a.handle }));
    const r = await chrome.runtime.sendMessage({ type: MESSAGES.VERDICTS.type, requests, full: true }).catch(() => null);
    if (!r || !r.ok || !Array.isArray(r.verdicts)) break;
    part.forEach((a, j) => {
      if (r.verdicts[j]) reasonsOf.set(String(a.handle).toLowerCase(), { drawn: drawnKey(a), reasons: negativeReasons(r.verdicts[j]) });
    });
  }
  const accounts = stats.accounts.map((a) => (Array.isArray(a.reasons) ? a : { ...a, reasons: knownReasons(a) || [] }));
  return { ...stats, accounts };
}

function setStatus(text) {
  $('status').textContent = text;
}

/** { total, byLevel, reasons: [[label, n]], pending: accounts } of a list. */
export function summarize(accounts) {
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0]));
  const reasons = new Map();
  for (const a of accounts) {
    if (a.level in byLevel) byLevel[a.level] += 1;
    for (const label of new Set(a.reasons || [])) reasons.set(label, (reasons.get(label) || 0) + 1);
  }
  const pending = accounts
    .filter((a) => a.followsYou === true && a.youFollow === false && a.youFollowKnown !== false)
    .sort((a, b) => b.score - a.score || a.handle.localeCompare(b.handle));
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { total: accounts.length, byLevel, reasons: top, pending };
}

function renderTitle(stats) {
  const title = $('list-title');
  if (!stats) {
    title.textContent = state.tabId === null
      ? t('audit_no_tab', 'No tab given: open the audit from the toolbar popup on an x.com list.')
      : t('audit_no_list', 'No x.com list answers in that tab.');
    return;
  }
  const { list } = stats;
  const kindTitle = Object.hasOwn(KIND_TITLES, list.kind) ? KIND_TITLES[list.kind] : null;
  title.textContent = kindTitle ? kindTitle(list.owner) : t('audit_list_other', 'Accounts shown on $1', [list.path]);
  document.body.dataset.listKind = list.kind;
}

function renderCounts(summary) {
  const set = (level, n) => {
    $('counts').querySelector(`[data-level="${level}"] .count`).textContent = String(n);
  };
  set('total', summary.total);
  for (const l of LEVELS) set(l, summary.byLevel[l]);
}

function renderReasons(summary) {
  const ol = $('reasons');
  const shown = summary.reasons.slice(0, MAX_REASONS_SHOWN);
  const most = shown.length ? shown[0][1] : 1;
  ol.replaceChildren(
    ...shown.map(([label, n]) => {
      const li = el('li', 'reason');
      li.dataset.label = label;
      li.dataset.count = String(n);
      const bar = el('span', 'bar');
      bar.style.width = `${Math.max(4, Math.round((n / most) * 120))}px`;
      const count = n === 1 ? t('audit_reason_count_one', '1 account') : t('audit_reason_count', '$1 accounts', [n]);
      li.append(el('span', 'label', label), el('span', 'n', ` \u2014 ${count}`), bar);
      return li;
    }),
  );
  $('reasons-empty').hidden = shown.length > 0;
}

function overrideButtons(handle) {
  const mode = state.overrides[handle.toLowerCase()] || null;
  const td = el('td', 'choice');
  for (const [m, text] of [['always', t('audit_always', 'Always')], ['never', t('audit_never', 'Never')]]) {
    const b = el('button', `choose-${m}`, text);
    b.type = 'button';
    b.dataset.override = m;
    b.setAttribute('aria-pressed', mode === m ? 'true' : 'false');
    b.setAttribute('aria-label', m === 'always' ? t('audit_always_label', 'Always follow back @$1', [handle]) : t('audit_never_label', 'Never follow back @$1', [handle]));
    b.addEventListener('click', () => saveOverride(handle, mode === m ? null : m).catch((e) => setStatus(t('audit_save_error', 'Could not save: $1', [e.message || e]))));
    td.append(b, document.createTextNode(' '));
  }
  return td;
}

function accountRow(a) {
  const tr = el('tr');
  tr.dataset.handle = a.handle;
  const who = el('td', 'who');
  const link = el('a', null, `@${a.handle}`);
  link.href = `https://x.com/${encodeURIComponent(a.handle)}`;
  link.target = '_blank';
  link.rel = 'noreferrer';
  who.append(link);
  const level = el('td');
  const word = el('span', 'level', levelWords(a.level));
  word.dataset.level = a.level;
  level.append(word);
  if (a.override) level.append(' ', el('span', 'pinned', t('audit_pinned', '(your choice; computed $1)', [levelWords(a.computedLevel)])));
  tr.append(
    who,
    el('td', 'score', a.score),
    level,
    el('td', 'confidence', confidenceWords(a.confidence && a.confidence.label)),
    el('td', 'reasons', (a.reasons || []).slice(0, 3).join('; ')),
    overrideButtons(a.handle),
  );
  return tr;
}

function renderTables(summary, accounts) {
  $('pending').tBodies[0].replaceChildren(...summary.pending.map(accountRow));
  $('pending-count').textContent = String(summary.pending.length);
  $('pending-empty').hidden = summary.pending.length > 0;
  const all = [...accounts].sort((a, b) => b.score - a.score || a.handle.localeCompare(b.handle));
  $('all').tBodies[0].replaceChildren(...all.map(accountRow));
}

function render(stats) {
  const accounts = stats ? stats.accounts : [];
  // Redraw only when something changed (keeps focus and scroll steady).
  const shownKey = JSON.stringify([stats && stats.list, accounts.map((a) => [a.handle, a.score, a.level, a.followsYou, a.youFollow, a.reasons]), state.overrides]);
  if (shownKey === state.shownKey) return;
  state.shownKey = shownKey;
  renderTitle(stats);
  const summary = summarize(accounts);
  renderCounts(summary);
  renderReasons(summary);
  renderTables(summary, accounts);
  if (stats && stats.enabled === false) setStatus(t('audit_switched_off', 'Badges are switched off in that tab.'));
  else if (stats && accounts.length === 0) setStatus(t('audit_none_yet', 'No account scored in this list yet: scroll the list in its tab.'));
  else if (stats) setStatus('');
  document.body.dataset.total = String(summary.total);
}

/** The poll under way (one at a time: asking for reasons may take longer than POLL_MS), and whether another is due after it. */
let polling = null;
let pollAgain = false;

async function poll() {
  if (polling) {
    pollAgain = true;
    return polling;
  }
  polling = (async () => {
    do {
      pollAgain = false;
      state.stats = await withReasons(await listStats());
      render(state.stats);
      document.body.dataset.polled = String(Number(document.body.dataset.polled || 0) + 1);
    } while (pollAgain);
  })().finally(() => {
    polling = null;
  });
  return polling;
}

// ---- filter --------------------------------------------------------------

function showFilter(value) {
  const f = normalizeFilter(value);
  $('filter-enabled').checked = f.enabled;
  $('filter-below').value = f.belowLevel;
  $('filter-mode').value = f.mode;
  $('filter-only').checked = f.onlyFollowsYouNotFollowed;
}

function saveFilter() {
  const f = normalizeFilter({
    enabled: $('filter-enabled').checked,
    belowLevel: $('filter-below').value,
    mode: $('filter-mode').value,
    onlyFollowsYouNotFollowed: $('filter-only').checked,
  });
  chrome.storage.local.set({ [FILTER_KEY]: f }).catch((e) => setStatus(t('audit_filter_error', 'Could not save the filter: $1', [e.message || e])));
}

// ---- export --------------------------------------------------------------

async function remembered() {
  const r = await chrome.runtime.sendMessage({ type: MESSAGES.REMEMBERED_VERDICTS.type });
  if (!r || !r.ok) throw new Error((r && r.error) || t('audit_no_answer', 'the extension did not answer'));
  return r.records;
}

function fileStem(what) {
  const day = new Date().toISOString().slice(0, 10);
  if (what === 'list' && state.stats && state.stats.list.owner) {
    return `followback-${state.stats.list.owner}-${state.stats.list.kind}-${day}`;
  }
  return `followback-${what === 'list' ? 'list' : 'remembered'}-${day}`;
}

async function exportRecords(what, format) {
  try {
    const all = await remembered();
    let records;
    if (what === 'list') {
      const stats = (await withReasons(await listStats())) || state.stats;
      records = listRecords(stats ? stats.accounts : [], all, state.overrides);
    } else {
      records = rememberedRecords(all, state.overrides);
    }
    const text = format === 'csv' ? toCsv(records) : toJson(records);
    downloadText(text, `${fileStem(what)}.${format}`, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
    setStatus(records.length === 1
      ? t('audit_exported_one', 'Exported 1 account as $1.', [format.toUpperCase()])
      : t('audit_exported', 'Exported $1 accounts as $2.', [records.length, format.toUpperCase()]));
  } catch (e) {
    setStatus(t('audit_export_error', 'Export failed: $1', [e.message || e]));
  }
}

// ---- start ---------------------------------------------------------------

async function start() {
  localize(document);
  state.tabId = tabFromQuery();
  const got = await chrome.storage.local.get([FILTER_KEY, OVERRIDES_KEY]);
  state.overrides = normalizeOverrides(got[OVERRIDES_KEY]);
  showFilter(got[FILTER_KEY]);
  for (const id of ['filter-enabled', 'filter-below', 'filter-mode', 'filter-only']) $(id).addEventListener('change', saveFilter);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[FILTER_KEY]) showFilter(changes[FILTER_KEY].newValue);
    if (changes[OVERRIDES_KEY]) {
      state.overrides = normalizeOverrides(changes[OVERRIDES_KEY].newValue);
      poll();
    }
  });
  $('export-list-csv').addEventListener('click', () => exportRecords('list', 'csv'));
  $('export-list-json').addEventListener('click', () => exportRecords('list', 'json'));
  $('export-all-csv').addEventListener('click', () => exportRecords('all', 'csv'));
  $('export-all-json').addEventListener('click', () => exportRecords('all', 'json'));
  await poll();
  setInterval(poll, POLL_MS);
  document.body.dataset.ready = 'true';
}

start();
