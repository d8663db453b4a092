// @ts-check
// The settings form, generated from the settings schema: one section per group
// (schema order), one field per setting, by kind. Reads and writes values,
// shows per-field errors. Knows nothing about storage or wasm.

import { t } from '../shared/i18n.js';
import { SETTING_SOURCES } from './setting-sources.js';

/** Splits keyword text (one per line, or comma separated) into a clean list. */
export function parseKeywords(text) {
  return String(text)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A share (a fraction 0-1 with no unit): shown and typed as a percentage.
 * The stored value stays a fraction.
 */
export function isShare(spec) {
  return spec.kind === 'number' && !spec.unit && typeof spec.min === 'number' && spec.min >= 0
    && typeof spec.max === 'number' && spec.max > 0 && spec.max <= 1;
}

/** A fraction as the percentage shown (0.3 -> 30), without float noise. */
export function toPercent(value) {
  return Number((Number(value) * 100).toFixed(6));
}

/** A typed percentage as the stored fraction (30 -> 0.3). */
export function fromPercent(value) {
  return Number((Number(value) / 100).toFixed(8));
}

/** A setting value in words, for the "Default: X" line. */
export function formatValue(spec, value) {
  if (spec.kind === 'bool') return value ? t('options_value_on', 'on') : t('options_value_off', 'off');
  if (spec.kind === 'keywords') {
    const list = Array.isArray(value) ? value : [];
    return list.length ? list.join(', ') : t('options_value_none', '(none)');
  }
  if (value === null || value === undefined) return '—';
  if (isShare(spec)) return `${toPercent(value)}%`;
  return spec.unit ? `${value} ${spec.unit}` : String(value);
}

/**
 * A default's source in words a person can read: the project's design notes
 * and the users' notes are named, not their file names.
 */
export function readableSource(source) {
  const notes = (nums) => nums.match(/\d+/g).map((n) => String(Number(n)));
  const join = (list) => (list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0]);
  return String(source ?? '')
    .replace(/SIGNALS\.md,?\s*/g, t('options_source_signals', 'Followback signal design notes') + ': ')
    .replace(/X-COM-FACTS\.md\s*/g, t('options_source_xfacts', 'Followback notes on how x.com works') + ', ')
    .replace(/\b[Ss]eeds ((?:\d{3}(?:, | and )?)+)/g, (_, nums) => t('options_source_seeds', 'users’ own words (notes $1)', [join(notes(nums))]))
    .replace(/\b[Ss]eed (\d{3})/g, (_, n) => t('options_source_seed', 'a user’s own words (note $1)', [String(Number(n))]))
    .replace(/: ([,(])/g, ' $1')
    .replace(/:\s*$/g, '')
    .replace(/,\s*:/g, ':')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .replace(/^./, (c) => c.toUpperCase());
}

/** Same value, compared as the form sees it. */
export function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A DOM id for a setting id (setting ids contain dots). */
export function fieldId(id) {
  return `setting-${String(id).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'className') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The _locales key of a setting's "label" or "help" (the same as Rust's cli::setting_message_key). */
export function settingMessageKey(id, part) {
  return `set_${String(id).replace(/\./g, '_')}_${part}`;
}

/** The _locales key of a group title (the same as Rust's cli::group_message_key). */
export function groupMessageKey(group) {
  return `set_group_${String(group).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
}

/** The _locales key of a unit with words ("posts a day"), or '' for one without (": 1"); the same as Rust's cli::unit_message_key. */
export function unitMessageKey(unit) {
  const u = String(unit ?? '');
  return /[A-Za-z]/.test(u) ? `set_unit_${u.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}` : '';
}

/** A schema entry with its label, help, unit and group title in the browser's language (the schema's English when _locales lacks it). */
export function localizedSpec(spec) {
  const unitKey = unitMessageKey(spec.unit);
  return {
    ...spec,
    unit: unitKey ? t(unitKey, String(spec.unit)) : spec.unit,
    label: t(settingMessageKey(spec.id, 'label'), String(spec.label ?? '')),
    help: t(settingMessageKey(spec.id, 'help'), String(spec.help ?? '')),
    group: spec.group ? t(groupMessageKey(spec.group), String(spec.group)) : spec.group,
    // The wasm's schema carries no sources (they stay out of it to keep it small).
    source: spec.source || SETTING_SOURCES[spec.id] || '',
  };
}

/** Groups specs by `group`, keeping first-seen order. */
export function groupSpecs(schema) {
  const groups = new Map();
  for (const spec of schema) {
    const name = spec.group || t('options_group_other', 'Other');
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(spec);
  }
  return groups;
}

/**
 * The generated form. `onInput()` fires on every edit, `onReset(id)` on a per-setting reset.
 */
export class SettingsForm {
  constructor(container, schema, { onInput, onReset }) {
    this.container = container;
    this.schema = schema.map(localizedSpec);
    this.specs = new Map(this.schema.map((s) => [s.id, s]));
    this.fields = new Map();
    this.onInput = onInput;
    this.onReset = onReset;
    this.build();
  }

  build() {
    this.container.replaceChildren();
    /** Each group: { section, toggle, body, specs }. Groups start collapsed. */
    this.groups = [];
    let n = 0;
    for (const [group, specs] of groupSpecs(this.schema)) {
      n += 1;
      const section = el('section', { className: 'group', 'aria-labelledby': `group-${n}`, 'data-open': 'false' });
      const heading = el('h2', { id: `group-${n}` });
      const toggle = el('button', { type: 'button', className: 'group-toggle', 'aria-expanded': 'false', 'aria-controls': `group-${n}-body` }, group);
      heading.append(toggle);
      const body = el('div', { className: 'group-body', id: `group-${n}-body`, hidden: true });
      for (const spec of specs) body.append(this.buildField(spec));
      section.append(heading, body);
      const entry = { section, toggle, body, specs, open: false };
      toggle.addEventListener('click', () => this.setOpen(entry, !entry.open));
      this.groups.push(entry);
      this.container.append(section);
    }
    this.query = '';
  }

  /** Opens or closes one group (remembered while no search is typed). */
  setOpen(entry, open, remember = true) {
    if (remember) entry.open = open;
    entry.toggle.setAttribute('aria-expanded', String(open));
    entry.body.hidden = !open;
    entry.section.dataset.open = String(open);
  }

  /** Opens (or closes) every group. */
  expandAll(open) {
    for (const g of this.groups) this.setOpen(g, open);
    if (this.query) this.filter(this.query);
  }

  /**
   * Shows only the settings whose label, help or id contain every word of
   * `query` (case-insensitive); groups with a match open. An empty query shows
   * everything with each group as the person left it. Returns the match count.
   */
  filter(query) {
    this.query = String(query ?? '').trim().toLowerCase();
    const words = this.query.split(/\s+/).filter(Boolean);
    let total = 0;
    for (const g of this.groups) {
      let shown = 0;
      for (const spec of g.specs) {
        const f = this.fields.get(spec.id);
        const hay = `${spec.label} ${spec.help} ${spec.id} ${g.toggle.textContent}`.toLowerCase();
        const match = words.every((w) => hay.includes(w));
        f.wrap.hidden = !match;
        if (match) shown += 1;
      }
      total += shown;
      g.section.hidden = shown === 0;
      if (words.length) this.setOpen(g, shown > 0, false);
      else this.setOpen(g, g.open, false);
    }
    return total;
  }

  /** Opens the group holding `id` (so its field can be seen and focused). */
  reveal(id) {
    const g = this.groups.find((x) => x.specs.some((s) => s.id === id));
    if (g && g.body.hidden) this.setOpen(g, true);
  }

  buildField(spec) {
    const id = fieldId(spec.id);
    const wrap = el('div', { className: `setting kind-${spec.kind}`, 'data-setting': spec.id });
    const helpId = `${id}-help`;
    const errId = `${id}-error`;
    const defId = `${id}-default`;
    const describedBy = [errId, helpId, defId].join(' ');
    let input;
    const row = el('div', { className: 'setting-row' });
    const label = el('label', { for: id, className: 'setting-label' }, spec.label || spec.id);

    if (spec.kind === 'bool') {
      input = el('input', { type: 'checkbox', id, name: spec.id, 'aria-describedby': describedBy });
      row.append(input, label);
    } else if (spec.kind === 'keywords') {
      input = el('textarea', {
        id, name: spec.id, rows: 4, spellcheck: 'false', 'aria-describedby': describedBy,
      });
      row.append(label, input);
    } else {
      const integer = spec.kind === 'integer';
      const share = isShare(spec);
      const scale = (v) => (v === null || v === undefined ? null : share ? toPercent(v) : v);
      input = el('input', {
        type: 'number', id, name: spec.id, 'aria-describedby': describedBy,
        min: scale(spec.min), max: scale(spec.max),
        step: spec.step ? scale(spec.step) : (integer ? 1 : 'any'),
        inputmode: integer ? 'numeric' : 'decimal',
        'data-percent': share ? 'true' : null,
      });
      row.append(label, input);
      if (share) row.append(el('span', { className: 'unit' }, '%'));
      else if (spec.unit) row.append(el('span', { className: 'unit' }, spec.unit));
    }

    const reset = el('button', {
      type: 'button', className: 'reset-one',
      'aria-label': t('options_reset_one_aria', 'Reset $1 to its default', [spec.label || spec.id]),
    }, t('options_reset_one', 'Reset'));
    reset.addEventListener('click', () => this.onReset(spec.id));
    const changed = el('span', { className: 'changed', hidden: true }, t('options_changed', 'changed'));
    row.append(changed, reset);

    const error = el('p', { id: errId, className: 'error', hidden: true });
    const help = el('p', { id: helpId, className: 'help' }, spec.help || '');
    const def = el('p', { id: defId, className: 'default' });
    def.textContent = t('options_default_only', 'Default: $1', [formatValue(spec, spec.default)]);
    wrap.append(row, error, help, def);
    if (spec.source) {
      const source = el('details', { className: 'source' });
      source.append(
        el('summary', {}, t('options_source_summary', 'Why this default')),
        el('p', {}, readableSource(spec.source)),
      );
      wrap.append(source);
    }
    input.addEventListener(spec.kind === 'bool' ? 'change' : 'input', () => this.onInput(spec.id));
    this.fields.set(spec.id, { spec, input, error, changed, wrap });
    return wrap;
  }

  /** Puts a settings `values` map into the inputs; ids not in it get their default. */
  setValues(values) {
    this.quiet = true;
    for (const [id, f] of this.fields) {
      const v = values && Object.hasOwn(values, id) ? values[id] : f.spec.default;
      this.setValue(id, v);
    }
    this.quiet = false;
    this.container.dispatchEvent(new Event('values-set'));
  }

  setValue(id, value) {
    const f = this.fields.get(id);
    if (!f) return;
    if (f.spec.kind === 'bool') f.input.checked = Boolean(value);
    else if (f.spec.kind === 'keywords') f.input.value = (Array.isArray(value) ? value : []).join('\n');
    else if (value === null || value === undefined) f.input.value = '';
    else f.input.value = String(isShare(f.spec) && Number.isFinite(Number(value)) ? toPercent(value) : value);
    this.markChanged(id);
    // Tells other views of the same settings (the basics) that a value was set from code.
    if (!this.quiet) this.container.dispatchEvent(new Event('values-set'));
  }

  /**
   * Reads every input. Returns { values, parseErrors: [{id, message}] } where parse errors
   * are inputs that are not a number at all (range checks are left to validateSettings).
   */
  readValues() {
    const values = {};
    const parseErrors = [];
    for (const [id, f] of this.fields) {
      const { kind } = f.spec;
      if (kind === 'bool') values[id] = f.input.checked;
      else if (kind === 'keywords') values[id] = parseKeywords(f.input.value);
      else {
        const text = f.input.value.trim();
        const n = Number(text);
        if (text === '' || !Number.isFinite(n) || f.input.validity?.badInput) {
          parseErrors.push({ id, message: t('options_error_number', 'Enter a number.') });
        } else if (kind === 'integer' && !Number.isInteger(n)) {
          parseErrors.push({ id, message: t('options_error_integer', 'Enter a whole number.') });
        } else values[id] = isShare(f.spec) ? fromPercent(n) : n;
      }
    }
    return { values, parseErrors };
  }

  markChanged(id) {
    const f = this.fields.get(id);
    if (!f) return;
    const { values } = this.readOne(id);
    f.changed.hidden = values === undefined || sameValue(values, f.spec.default);
  }

  readOne(id) {
    const f = this.fields.get(id);
    const { kind } = f.spec;
    if (kind === 'bool') return { values: f.input.checked };
    if (kind === 'keywords') return { values: parseKeywords(f.input.value) };
    const text = f.input.value.trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) return { values: undefined };
    return { values: isShare(f.spec) ? fromPercent(n) : n };
  }

  /** Shows errors next to their fields; returns the errors whose id matches no field. */
  showErrors(errors) {
    const byId = new Map();
    const unmatched = [];
    for (const e of errors) {
      if (this.fields.has(e.id)) {
        if (!byId.has(e.id)) byId.set(e.id, []);
        byId.get(e.id).push(String(e.message));
      } else unmatched.push(e);
    }
    for (const [id, f] of this.fields) {
      const msgs = byId.get(id);
      f.error.hidden = !msgs;
      f.error.textContent = msgs ? msgs.join(' ') : '';
      f.wrap.classList.toggle('invalid', Boolean(msgs));
      if (msgs) f.input.setAttribute('aria-invalid', 'true');
      else f.input.removeAttribute('aria-invalid');
    }
    return unmatched;
  }

  label(id) {
    return this.fields.get(id)?.spec.label ?? id;
  }

  focus(id) {
    this.reveal(id);
    this.fields.get(id)?.input.focus();
  }

  /** The value of one setting as the form holds it now (undefined when not a number yet). */
  valueOf(id) {
    return this.fields.has(id) ? this.readOne(id).values : undefined;
  }
}
