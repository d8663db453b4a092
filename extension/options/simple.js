// @ts-check
// The options page's first section, "The basics", in plain words: how strict
// to be (one slider that moves both level boundaries together), your
// interests (the interests keyword list), what to show where (the `display.*`
// switches, shared/display.js), your always / never list (view, search,
// remove) and a pointer to the memory section. Then the "All
// settings" search box and expand / collapse buttons for the generated form.
//
// Every control here edits the same settings as the full form (through the
// form and the page's normal edit path), so saving and validation stay in one
// place.

import { t } from '../shared/i18n.js';
import { parseKeywords } from './form.js';
import { storedOverrides } from './overrides-file.js';
import { OVERRIDES_KEY, writeOverrides } from '../shared/overrides.js';
import { DISPLAY_SWITCHES } from '../shared/display.js';

/** An element of this page by id (any: inputs and plain elements alike). */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
const FB = 'level.follow_back_min';
const MAYBE = 'level.maybe_min';
const INTERESTS = 'interests.keywords';
/** How far the strictness slider moves the boundaries, in points either way. */
export const STRICTNESS_RANGE = 20;

/**
 * The level boundaries for a strictness offset: both move by `offset` points
 * from their defaults, kept inside 0-100 and in order.
 */
export function boundariesFor(offset, defaults) {
  const o = Math.max(-STRICTNESS_RANGE, Math.min(STRICTNESS_RANGE, Math.round(Number(offset) || 0)));
  const fb = Math.max(1, Math.min(100, defaults.fb + o));
  const maybe = Math.max(0, Math.min(fb - 1, defaults.maybe + o));
  return { fb, maybe };
}

/** The slider position for the boundaries in effect, and whether they moved apart from the defaults' gap. */
export function offsetFor(fb, maybe, defaults) {
  const o = Math.round(Number(fb) - defaults.fb);
  const custom = Number(fb) - Number(maybe) !== defaults.fb - defaults.maybe;
  return { offset: Math.max(-STRICTNESS_RANGE, Math.min(STRICTNESS_RANGE, o)), custom };
}

let form = null;
let onInput = null;
let defaults = { fb: 65, maybe: 45 };
let overrides = {};

function strictnessText(fb, maybe, custom) {
  const base = t('options_basic_strict_text', '“Follow back” from $1 points, “maybe” from $2 (out of 100).', [String(fb), String(maybe)]);
  return custom
    ? `${base} ${t('options_basic_strict_custom', 'You set these apart in All settings; moving the slider sets both again.')}`
    : base;
}

/** Updates the basics from what the form holds now. */
function sync() {
  const fb = form.valueOf(FB);
  const maybe = form.valueOf(MAYBE);
  if (Number.isFinite(fb) && Number.isFinite(maybe)) {
    const { offset, custom } = offsetFor(fb, maybe, defaults);
    const slider = $('strictness');
    if (document.activeElement !== slider) slider.value = String(offset);
    slider.setAttribute('aria-valuetext', strictnessText(fb, maybe, false));
    $('strictness-text').textContent = strictnessText(fb, maybe, custom);
    $('basic-strictness').dataset.fb = String(fb);
    $('basic-strictness').dataset.maybe = String(maybe);
  }
  const interests = $('basic-interests');
  if (document.activeElement !== interests) interests.value = (form.valueOf(INTERESTS) ?? []).join('\n');
  syncDisplay();
}

function onStrictness() {
  const { fb, maybe } = boundariesFor($('strictness').value, defaults);
  form.setValue(FB, fb);
  form.setValue(MAYBE, maybe);
  onInput(FB);
  sync();
}

function onInterests() {
  form.setValue(INTERESTS, parseKeywords($('basic-interests').value));
  onInput(INTERESTS);
}

// ---------- what to show where ----------

/** The switches group, built before the always / never list (its ids are `basic-display-*`). */
function drawDisplay() {
  const box = document.createElement('div');
  box.className = 'basic';
  box.id = 'basic-display';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', 'display-heading');
  const heading = document.createElement('h3');
  heading.id = 'display-heading';
  heading.className = 'basic-label';
  heading.textContent = t('options_basic_display_heading', 'What to show where');
  box.append(heading);
  for (const s of DISPLAY_SWITCHES) {
    const spec = form.specs.get(s.id);
    if (!spec) continue;
    const row = document.createElement('div');
    row.className = 'basic-switch';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `basic-${s.key}`;
    input.dataset.setting = s.id;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = t(`popup_${s.key}`, String(spec.label ?? s.fallback));
    input.addEventListener('change', () => {
      form.setValue(s.id, input.checked);
      onInput(s.id);
    });
    row.append(input, label);
    box.append(row);
  }
  const anchor = $('basic-overrides');
  if (anchor && anchor.parentElement) anchor.before(box);
  else $('basics')?.append(box);
}

function syncDisplay() {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#basic-display input'))) {
    input.checked = form.valueOf(input.dataset.setting ?? '') === true;
  }
}

// ---------- always / never ----------

function modeWords(mode) {
  return mode === 'always'
    ? t('options_basic_always', 'always follow back')
    : t('options_basic_never', 'never follow back');
}

function renderOverrides() {
  const query = $('overrides-search').value.trim().replace(/^@/, '').toLowerCase();
  const all = Object.keys(overrides).sort();
  const shown = all.filter((h) => h.includes(query));
  const items = shown.map((handle) => {
    const li = document.createElement('li');
    li.dataset.handle = handle;
    li.dataset.mode = overrides[handle];
    const name = document.createElement('span');
    name.className = 'handle';
    name.textContent = `@${handle}`;
    const mode = document.createElement('span');
    mode.className = `mode mode-${overrides[handle]}`;
    mode.textContent = modeWords(overrides[handle]);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = t('options_basic_remove', 'Remove');
    remove.setAttribute('aria-label', t('options_basic_remove_aria', 'Remove @$1 from the list', [handle]));
    remove.addEventListener('click', () => { removeOverride(handle); });
    li.append(name, mode, remove);
    return li;
  });
  $('overrides-list').replaceChildren(...items);
  const status = $('overrides-status');
  status.dataset.count = String(all.length);
  if (all.length === 0) {
    status.textContent = t('options_basic_overrides_none', 'No account is marked yet. Open a badge’s breakdown on x.com and choose “Always follow back” or “Never”.');
  } else if (shown.length === 0) {
    status.textContent = t('options_basic_overrides_nomatch', 'No marked account matches “$1”.', [query]);
  } else {
    status.textContent = shown.length === all.length
      ? t('options_basic_overrides_count', '$1 accounts marked.', [String(all.length)])
      : t('options_basic_overrides_some', '$1 of $2 accounts marked match.', [String(shown.length), String(all.length)]);
  }
  $('overrides-search').hidden = all.length === 0;
}

async function loadOverrides() {
  overrides = await storedOverrides();
  renderOverrides();
}

async function removeOverride(handle) {
  try {
    overrides = (await writeOverrides({ [handle]: null })).overrides;
    renderOverrides();
    $('overrides-search').focus();
  } catch (e) {
    $('overrides-status').textContent = t('options_basic_remove_error', 'Could not remove @$1: $2', [handle, String(e?.message ?? e)]);
  }
}

// ---------- all settings: search, expand, collapse ----------

function onSearch() {
  const q = $('settings-search').value;
  const n = form.filter(q);
  const out = $('search-count');
  out.dataset.count = String(n);
  if (!q.trim()) out.textContent = '';
  else if (n === 0) out.textContent = t('options_search_none', 'No setting matches “$1”.', [q.trim()]);
  else if (n === 1) out.textContent = t('options_search_one', '1 setting matches.');
  else out.textContent = t('options_search_count', '$1 settings match.', [String(n)]);
}

/**
 * Wires the basics and the search. `settingsForm` is the page's SettingsForm,
 * `edit(id)` the page's normal edit path (validate, show errors, save).
 */
export function setupSimple(settingsForm, edit) {
  form = settingsForm;
  onInput = edit;
  const spec = (id) => form.specs.get(id);
  if (spec(FB) && spec(MAYBE)) defaults = { fb: Number(spec(FB).default), maybe: Number(spec(MAYBE).default) };
  const slider = $('strictness');
  slider.min = String(-STRICTNESS_RANGE);
  slider.max = String(STRICTNESS_RANGE);
  slider.addEventListener('input', onStrictness);
  $('basic-interests').addEventListener('input', onInterests);
  drawDisplay();
  form.container.addEventListener('input', sync);
  form.container.addEventListener('change', sync);
  form.container.addEventListener('values-set', sync);
  $('overrides-search').addEventListener('input', renderOverrides);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[OVERRIDES_KEY]) loadOverrides();
  });
  $('settings-search').addEventListener('input', onSearch);
  $('expand-all').addEventListener('click', () => form.expandAll(true));
  $('collapse-all').addEventListener('click', () => form.expandAll(false));
  sync();
  return loadOverrides();
}
