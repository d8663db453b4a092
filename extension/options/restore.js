// @ts-check
// Safe restore for the options page: the settings export file (made in Rust:
// `{ format: "followback-settings", version, values, overrides }`) and an
// import that is checked in Rust first (marker, version, values), shows what
// would change (settings and per-account overrides), asks before applying,
// and keeps what was there before for one-click undo.
//
// The page gives this module a small interface (see `setupRestore`), so it
// never reaches into the page's own state.

import { t } from '../shared/i18n.js';
import { loadCore, plain } from './core.js';
import { storedOverrides, overridesFromFile, storeImportedOverrides, replaceOverrides } from './overrides-file.js';
import { downloadText } from '../shared/download.js';

/** An element of this page by id (any: inputs and plain elements alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
/** How many changed settings the confirm step names before "and N more". */
const SHOWN_CHANGES = 8;

let page = null;
/** The checked file waiting for "Apply": { name, plan, overrides, overrideChanges, skipped }. */
let pending = null;
/** What was there before the last applied import: { settings, overrides }. */
let before = null;

function message(e) {
  return String(e?.message ?? e);
}

/** The Rust check of an import file; never throws. */
export async function checkImport(obj, current) {
  try {
    const core = await loadCore();
    const r = plain(core.checkSettingsImport(obj, current ?? null));
    return r && typeof r === 'object' ? r : { ok: false, reason: 'engine', message: t('options_import_engine', 'The settings engine gave no answer.'), errors: [] };
  } catch (e) {
    return { ok: false, reason: 'engine', message: message(e), errors: [] };
  }
}

/** The export file for `settings` and `overrides`, made in Rust. */
export async function exportFile(settings, overrides) {
  const core = await loadCore();
  return plain(core.settingsExportFile(settings, overrides));
}

/** Handles whose stored choice the file would add or change. */
export function overrideChanges(stored, imported) {
  return Object.keys(imported).filter((h) => stored[h] !== imported[h]).sort();
}

function listItems(el, lines) {
  el.replaceChildren(...lines.map((line) => {
    const li = document.createElement('li');
    li.textContent = String(line);
    return li;
  }));
}

function hideConfirm() {
  pending = null;
  $('import-confirm').hidden = true;
  delete $('import-confirm').dataset.settings;
  delete $('import-confirm').dataset.overrides;
}

function errorLine(e) {
  return e.id ? { id: e.id, message: e.message } : { id: '', message: String(e.message ?? e) };
}

async function onExport() {
  const settings = page.current();
  const overrides = await storedOverrides();
  try {
    const file = await exportFile(settings, overrides);
    downloadText(`${JSON.stringify(file, null, 2)}\n`, 'followback-settings.json');
  } catch (e) {
    page.showResult('error', t('options_export_error', 'The settings could not be exported: $1', [message(e)]));
  }
}

async function onFile() {
  const input = $('import-file');
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  hideConfirm();
  let obj;
  try {
    obj = JSON.parse(await file.text());
  } catch (e) {
    page.showResult('error', t('options_import_not_json', 'Nothing was imported: “$1” is not a JSON file ($2).', [file.name, message(e)]));
    return;
  }
  const plan = await checkImport(obj, page.current());
  if (!plan.ok || !plan.settings) {
    const errors = Array.isArray(plan.errors) ? plan.errors.map(errorLine) : [];
    page.showResult('error', `“${file.name}”: ${String(plan.message ?? '')}`, errors);
    $('import-result').dataset.reason = String(plan.reason ?? '');
    return;
  }
  const fromFile = overridesFromFile(obj);
  const stored = await storedOverrides();
  const changedHandles = overrideChanges(stored, fromFile.overrides);
  pending = { name: file.name, plan, overrides: fromFile.overrides, skipped: fromFile.skipped };
  showConfirm(file.name, plan, changedHandles, fromFile.skipped);
}

function showConfirm(name, plan, changedHandles, skipped) {
  $('import-result').hidden = true;
  const box = $('import-confirm');
  const changed = Array.isArray(plan.changed) ? plan.changed : [];
  box.dataset.settings = String(changed.length);
  box.dataset.overrides = String(changedHandles.length);
  const nothing = changed.length === 0 && changedHandles.length === 0;
  $('import-confirm-text').textContent = nothing
    ? t('options_import_nothing', '“$1” is a Followback settings export, and it matches what you have now: importing it changes nothing.', [name])
    : t('options_import_summary', '“$1” is a Followback settings export. Importing it changes $2 of your settings and $3 per-account overrides (always / never). Your current settings are kept for undo.', [name, String(changed.length), String(changedHandles.length)]);
  const lines = changed.slice(0, SHOWN_CHANGES).map((id) => {
    const label = page.label(id);
    const from = page.shown(id, page.current()?.values?.[id]);
    const to = page.shown(id, plan.settings.values?.[id]);
    return t('options_import_change', '$1: $2 → $3', [label, from, to]);
  });
  if (changed.length > SHOWN_CHANGES) {
    lines.push(t('options_import_more', '…and $1 more settings.', [String(changed.length - SHOWN_CHANGES)]));
  }
  if (changedHandles.length) {
    const shownHandles = changedHandles.slice(0, SHOWN_CHANGES).map((h) => `@${h}: ${pending.overrides[h]}`);
    lines.push(t('options_import_override_list', 'Overrides: $1', [shownHandles.join(', ')]) + (changedHandles.length > SHOWN_CHANGES ? ' …' : ''));
  }
  for (const s of skipped) lines.push(String(s.message));
  for (const n of Array.isArray(plan.notices) ? plan.notices : []) lines.push(String(n));
  listItems($('import-changes'), lines);
  $('import-apply').hidden = nothing;
  box.hidden = false;
  (nothing ? $('import-cancel') : $('import-apply')).focus();
}

async function onApply() {
  if (!pending) return;
  const { name, plan, overrides, skipped } = pending;
  hideConfirm();
  before = { settings: page.current(), overrides: await storedOverrides() };
  await page.apply(plan.settings);
  let imported = 0;
  const problems = [...skipped];
  try {
    imported = await storeImportedOverrides(overrides);
  } catch (e) {
    problems.push({ id: '', message: t('options_import_overrides_error', 'The overrides could not be saved: $1', [message(e)]) });
  }
  const text = Object.keys(overrides).length || skipped.length
    ? t('options_import_ok_overrides', 'Imported settings and $2 per-account overrides from “$1”.', [name, String(imported)])
    : t('options_import_ok', 'Imported settings from “$1”.', [name]);
  page.showResult('ok', text, [...problems, ...(plan.notices ?? []).map((m) => ({ id: '', message: String(m) }))]);
  $('import-result').dataset.overrides = String(imported);
  $('undo-import').hidden = false;
}

async function onUndo() {
  if (!before) return;
  const previous = before;
  before = null;
  $('undo-import').hidden = true;
  await page.apply(previous.settings);
  let problem = [];
  try {
    await replaceOverrides(previous.overrides);
  } catch (e) {
    problem = [{ id: '', message: t('options_import_overrides_error', 'The overrides could not be saved: $1', [message(e)]) }];
  }
  page.showResult('undone', t('options_import_undone', 'Import undone: your settings and overrides are back to what they were before.'), problem);
  $('import').focus();
}

/**
 * Wires export, import, apply, cancel and undo. `api`:
 *   current(): the settings in effect ({version, values}),
 *   apply(settings): puts settings into the form and saves them (async),
 *   label(id), shown(id, value): words for a setting and a value,
 *   showResult(kind, text, errors): the page's result box.
 */
export function setupRestore(api) {
  page = api;
  $('export').addEventListener('click', () => { onExport(); });
  $('import').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', () => { onFile(); });
  $('import-apply').addEventListener('click', () => { onApply(); });
  $('import-cancel').addEventListener('click', () => {
    hideConfirm();
    page.showResult('cancelled', t('options_import_cancelled', 'Import cancelled: nothing was changed.'));
    $('import').focus();
  });
  $('undo-import').addEventListener('click', () => { onUndo(); });
}
