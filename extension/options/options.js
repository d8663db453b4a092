// @ts-check
// The options page: loads settings, builds the form from the Rust schema,
// validates every edit in Rust, auto-saves valid edits (the ids changed, sent to
// the service worker, which merges them onto the stored settings), follows edits
// made elsewhere (the popup, another options page), resets, exports,
// imports (settings and per-account overrides), keeps a live preview of a
// sample account's verdict, and shows what is remembered (memory.js).

import { t, localize } from '../shared/i18n.js';
import * as core from './core.js';
import { SettingsForm, sameValue, formatValue } from './form.js';
import { isSettingsShape, loadRawSettings, writeSettings, SETTINGS_KEY, STORE_KEY } from '../shared/settings-store.js';
import { sampleAccount, resetSample, renderVerdict } from './preview.js';
import { setupRestore } from './restore.js';
import { setupSimple } from './simple.js';
import { setupMemory } from './memory.js';

const SAVE_DELAY_MS = 300;
/** An element of this page by id (any: inputs, tables and plain elements alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

const state = {
  schema: [],
  defaults: null,
  form: null,
  /** Last valid settings from the form (what auto-save writes). */
  current: null,
  /**
   * JSON of the stored settings the form stands on, as far as this page knows (as
   * the core reads them): saves send the ids that differ from it. null when not
   * known (stored settings repaired): the next save replaces them whole.
   */
  savedJson: null,
  /** Saves sent and not answered yet (edits made elsewhere are followed only when 0). */
  writing: 0,
  /** The last save failed: the form keeps the edit (and says so) until the next save. */
  unsaved: false,
  valid: true,
  saveTimer: null,
  saving: Promise.resolve(),
  store: 'sync',
  undo: null,
  repaired: null,
};

// ---------- status line ----------

function setStatus(stateName, text) {
  const el = $('save-status');
  el.dataset.state = stateName;
  el.textContent = text;
}

function showStore(store, reason) {
  state.store = store;
  const el = $('store-status');
  if (store === 'local') {
    el.hidden = false;
    el.textContent = reason
      ? t('options_store_local_reason', 'Saved on this device only: the settings are too large for browser sync ($1).', [reason])
      : t('options_store_local', 'Saved on this device only (browser sync refused them: too large).');
  } else {
    el.hidden = true;
    el.textContent = '';
  }
  document.body.dataset.store = store;
}

// ---------- notices ----------

function showNotices(lines, { offerSave = false } = {}) {
  const box = $('notices');
  const list = $('notice-list');
  const items = lines.map((line) => {
    const li = document.createElement('li');
    li.textContent = String(line);
    return li;
  });
  list.replaceChildren(...items);
  box.hidden = items.length === 0;
  $('save-repaired').hidden = !offerSave;
}

// ---------- loading stored settings ----------

/**
 * Interprets a stored value: { settings, notices, repaired }. Never throws.
 * The settings are exactly what the service worker uses (Rust's tolerant
 * Settings::from_json through `repairSettings`), so the form shows them.
 */
function interpretStored(raw, found) {
  if (!found || raw === null || raw === undefined) {
    return { settings: state.defaults, notices: [], repaired: false };
  }
  const fixed = core.repair(raw);
  const lines = [...fixed.notices];
  if (fixed.error) lines.push(t('options_notice_engine_error', 'The stored settings could not be read: $1', [fixed.error]));
  const settings = fixed.settings ?? state.defaults;
  const v = core.validate(raw);
  if (v.ok && v.settings && !fixed.error) {
    return { settings, notices: lines, repaired: lines.length > 0 };
  }
  if (lines.length === 0) {
    for (const e of v.errors) {
      lines.push(e.id
        ? t('options_notice_field', '$1: $2 The default is used instead.', [state.form?.label(e.id) ?? e.id, e.message])
        : String(e.message));
    }
  }
  lines.unshift(t('options_notice_repaired', 'Your stored settings had problems, so some values were replaced by their defaults. Nothing is saved until you edit a setting or press “Save the repaired settings”.'));
  return { settings, notices: lines, repaired: true };
}

// ---------- validation and saving ----------

function readForm() {
  const { values, parseErrors } = state.form.readValues();
  const obj = { version: state.defaults.version, values };
  const r = core.validate(obj);
  const parseIds = new Set(parseErrors.map((e) => e.id));
  const errors = [...parseErrors, ...r.errors.filter((e) => !parseIds.has(e.id))];
  const valid = parseErrors.length === 0 && r.ok && Boolean(r.settings);
  return { valid, errors, settings: valid ? r.settings : null };
}

function showFormErrors(unmatched) {
  const box = $('form-errors');
  const items = unmatched.map((e) => {
    const li = document.createElement('li');
    li.textContent = String(e.message);
    return li;
  });
  $('form-error-list').replaceChildren(...items);
  box.hidden = items.length === 0;
}

/** Validates the whole form, shows errors, updates the preview. Returns true when valid. */
function revalidate() {
  const r = readForm();
  state.valid = r.valid;
  showFormErrors(state.form.showErrors(r.errors));
  if (r.valid) state.current = r.settings;
  document.body.dataset.valid = String(r.valid);
  updatePreview();
  return r;
}

function cancelPendingSave() {
  if (state.saveTimer !== null) clearTimeout(state.saveTimer);
  state.saveTimer = null;
}

function scheduleSave() {
  cancelPendingSave();
  setStatus('pending', t('options_status_pending', 'Unsaved changes…'));
  state.saveTimer = setTimeout(() => {
    state.saveTimer = null;
    saveNow();
  }, SAVE_DELAY_MS);
}

/**
 * What to send for `settings`: the ids whose values differ from the stored
 * settings the form stands on (`savedJson`), or everything as a replace when
 * those are not known.
 * @returns {{ values: Record<string, unknown>, replace: boolean }}
 */
function changedValues(settings, savedJson) {
  let saved = null;
  try {
    saved = JSON.parse(savedJson ?? 'null');
  } catch {
    saved = null;
  }
  if (!isSettingsShape(saved) || saved.version !== settings.version) return { values: { ...settings.values }, replace: true };
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const [id, value] of Object.entries(settings.values)) {
    if (!sameValue(value, saved.values[id])) values[id] = value;
  }
  return { values, replace: false };
}

/** Saves the current valid settings (queued after any save in flight). */
function saveNow() {
  cancelPendingSave();
  const settings = state.current;
  state.saving = state.saving.then(async () => {
    if (!state.valid || !settings) return;
    const json = JSON.stringify(settings);
    if (json === state.savedJson) {
      state.unsaved = false;
      if (state.current === settings) setStatus('saved', t('options_status_saved', 'All changes saved'));
      await followStored();
      return;
    }
    setStatus('saving', t('options_status_saving', 'Saving…'));
    state.writing += 1;
    state.unsaved = false;
    try {
      const write = changedValues(settings, state.savedJson);
      const r = await writeSettings(write.values, { version: settings.version, replace: write.replace });
      state.savedJson = json;
      showStore(r.store, r.fellBack ? r.reason : null);
      if (state.repaired) {
        state.repaired = null;
        showNotices([]);
      }
      if (state.current === settings && state.saveTimer === null) {
        setStatus('saved', t('options_status_saved', 'All changes saved'));
      }
    } catch (e) {
      state.unsaved = true;
      setStatus('error', t('options_status_error', 'Not saved: $1', [String(e?.message ?? e)]));
    } finally {
      state.writing -= 1;
    }
    // What is stored now may hold edits made elsewhere meanwhile: show them.
    await followStored();
  });
  return state.saving;
}

function afterEdit() {
  const r = revalidate();
  if (r.valid) scheduleSave();
  else {
    cancelPendingSave();
    const n = new Set(r.errors.map((e) => e.id)).size || 1;
    setStatus('invalid', n === 1
      ? t('options_status_invalid_one', 'Not saved: 1 setting needs fixing')
      : t('options_status_invalid', 'Not saved: $1 settings need fixing', [String(n)]));
  }
  return r;
}

function clearUndo() {
  state.undo = null;
  $('undo-reset').hidden = true;
}

// ---------- actions ----------

function onFieldInput(id) {
  state.form.markChanged(id);
  clearUndo();
  afterEdit();
}

function onResetOne(id) {
  const spec = state.form.specs.get(id);
  if (!spec) return;
  state.form.setValue(id, spec.default);
  clearUndo();
  afterEdit();
  state.form.focus(id);
}

function onResetAll() {
  state.undo = state.current;
  state.form.setValues(state.defaults.values);
  const r = afterEdit();
  if (r.valid) saveNow();
  $('undo-reset').hidden = !state.undo;
  if (state.undo) $('undo-reset').focus();
}

function onUndoReset() {
  if (!state.undo) return;
  state.form.setValues(state.undo.values);
  clearUndo();
  const r = afterEdit();
  if (r.valid) saveNow();
  $('reset-all').focus();
}

function showImportResult(kind, messageText, errors = []) {
  const box = $('import-result');
  box.hidden = false;
  box.dataset.result = kind;
  delete box.dataset.overrides;
  delete box.dataset.reason;
  $('import-message').textContent = messageText;
  const items = errors.map((e) => {
    const li = document.createElement('li');
    li.textContent = e.id ? `${state.form.label(e.id)} (${e.id}): ${e.message}` : String(e.message);
    return li;
  });
  $('import-errors').replaceChildren(...items);
}

/** The settings in effect for export and import: the valid form, else what is saved, else the defaults. */
function settingsInEffect() {
  if (state.valid && state.current) return state.current;
  try {
    return JSON.parse(state.savedJson ?? 'null') ?? state.defaults;
  } catch {
    return state.defaults;
  }
}

/** Puts imported (or undone) settings into the form and saves them. */
async function applyRestored(settings) {
  clearUndo();
  state.form.setValues(settings.values);
  const v = afterEdit();
  if (v.valid) await saveNow();
}

async function onSaveRepaired() {
  if (!state.repaired) return;
  state.savedJson = null;
  const r = afterEdit();
  if (r.valid) await saveNow();
}

// ---------- preview ----------

function updatePreview() {
  const out = $('preview-out');
  const settings = state.current ?? state.defaults;
  const account = sampleAccount($('sample'), Date.now());
  const { verdict, error } = core.scoreSample(account, settings, Date.now());
  let note = '';
  if (error || !verdict) note = t('options_preview_error', 'The preview could not be scored: $1', [error ?? t('options_preview_unreadable', 'the sample could not be read')]);
  else if (!state.valid) note = t('options_preview_stale', 'Showing the last valid settings until the form is fixed.');
  renderVerdict(out, verdict, note);
}

// ---------- storage changes from elsewhere ----------

/** True while this page has edits not saved yet (pending, in flight, refused, or invalid). */
const busy = () => state.saveTimer !== null || state.writing > 0 || state.unsaved || !state.valid;

/**
 * Shows what is stored now when it differs from what the form stands on and the
 * page has no edit of its own pending (those are saved first; a save sends only
 * the ids edited, so it never undoes an edit made elsewhere). Reads the store
 * rather than trusting a change event's value, so a late event shows nothing stale.
 */
async function followStored() {
  if (busy()) return;
  const loaded = await loadRawSettings();
  if (busy() || !loaded.found || loaded.readError) return;
  const v = core.validate(loaded.raw);
  if (!v.ok || !v.settings) return;
  const json = JSON.stringify(v.settings);
  if (json === state.savedJson) return;
  state.savedJson = json;
  if (sameValue(v.settings, state.current)) return;
  state.form.setValues(v.settings.values);
  revalidate();
  setStatus('saved', t('options_status_external', 'Updated from another window'));
}

function onStorageChanged(changes, area) {
  if (!Object.hasOwn(changes, SETTINGS_KEY) && !Object.hasOwn(changes, STORE_KEY)) return;
  if (area === 'local' && changes[STORE_KEY]?.newValue) showStore(changes[STORE_KEY].newValue, null);
  const change = changes[SETTINGS_KEY];
  if (!change || change.newValue === undefined) return;
  // Another page (or an import elsewhere) changed the settings: follow it unless edits are pending.
  followStored().catch(() => {});
}

// ---------- start ----------

async function start() {
  localize(document);
  try {
    await core.loadCore();
    state.schema = core.settingsSchema();
    state.defaults = core.defaultSettings();
  } catch (e) {
    const fatal = $('fatal');
    fatal.hidden = false;
    fatal.textContent = t('options_fatal', 'The settings engine could not start: $1', [String(e?.message ?? e)]);
    setStatus('error', t('options_status_unavailable', 'Settings unavailable'));
    return;
  }
  state.form = new SettingsForm($('settings'), state.schema, { onInput: onFieldInput, onReset: onResetOne });

  const loaded = await loadRawSettings();
  const stored = interpretStored(loaded.raw, loaded.found);
  const notices = [...stored.notices];
  if (loaded.readError) notices.push(t('options_notice_read_error', 'Storage could not be read: $1', [loaded.readError]));
  state.repaired = stored.repaired ? stored.settings : null;
  // Nothing stored: the form stands on the defaults (what the worker merges onto).
  state.savedJson = !stored.repaired ? JSON.stringify(stored.settings) : null;
  showStore(loaded.store, null);
  showNotices(notices, { offerSave: stored.repaired });

  state.form.setValues(stored.settings.values);
  resetSample($('sample'));
  const r = revalidate();
  if (!loaded.found) setStatus('saved', t('options_status_defaults', 'Using the defaults'));
  else if (stored.repaired) setStatus('pending', t('options_status_repaired', 'Repaired values not saved yet'));
  else setStatus(r.valid ? 'saved' : 'invalid', r.valid ? t('options_status_saved', 'All changes saved') : t('options_status_invalid_one', 'Not saved: 1 setting needs fixing'));

  $('reset-all').addEventListener('click', onResetAll);
  $('undo-reset').addEventListener('click', onUndoReset);
  setupRestore({
    current: settingsInEffect,
    apply: applyRestored,
    label: (id) => state.form.label(id),
    shown: (id, value) => {
      const spec = state.form.specs.get(id);
      return spec ? formatValue(spec, value) : JSON.stringify(value) ?? '';
    },
    showResult: showImportResult,
  });
  $('save-repaired').addEventListener('click', () => { onSaveRepaired(); });
  $('dismiss-notices').addEventListener('click', () => showNotices([], { offerSave: false }));
  $('sample').addEventListener('input', updatePreview);
  $('sample-reset').addEventListener('click', () => { resetSample($('sample')); updatePreview(); });
  chrome.storage.onChanged.addListener(onStorageChanged);
  setupMemory();
  await setupSimple(state.form, onFieldInput);
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  const fatal = $('fatal');
  fatal.hidden = false;
  fatal.textContent = t('options_fatal', 'The settings engine could not start: $1', [String(e?.message ?? e)]);
});
