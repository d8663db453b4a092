// @ts-check
// The settings form, generated from the settings schema: one section per group
// (schema order), one field per setting, by kind. Reads and writes values,
// shows per-field errors. Knows nothing about storage or wasm.

import { t } from '../shared/i18n.js';

/** Splits keyword text (one per line, or comma separated) into a clean list. */
export function parseKeywords(text) {
  return String(text)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A setting value in words, for the "Default: X" line. */
export function formatValue(spec, value) {
  if (spec.kind === 'bool') return value ? t('options_value_on', 'on') : t('options_value_off', 'off');
  if (spec.kind === 'keywords') {
    const list = Array.isArray(value) ? value : [];
    return list.length ? list.join(', ') : t('options_value_none', '(none)');
  }
  if (value === null || value === undefined) return '—';
  return spec.unit ? `${value} ${spec.unit}` : String(value);
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
    this.schema = schema;
    this.specs = new Map(schema.map((s) => [s.id, s]));
    this.fields = new Map();
    this.onInput = onInput;
    this.onReset = onReset;
    this.build();
  }

  build() {
    this.container.replaceChildren();
    let n = 0;
    for (const [group, specs] of groupSpecs(this.schema)) {
      n += 1;
      const section = el('section', { className: 'group', 'aria-labelledby': `group-${n}` });
      section.append(el('h2', { id: `group-${n}` }, group));
      for (const spec of specs) section.append(this.buildField(spec));
      this.container.append(section);
    }
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
      input = el('input', {
        type: 'number', id, name: spec.id, 'aria-describedby': describedBy,
        min: spec.min ?? null, max: spec.max ?? null,
        step: spec.step ?? (integer ? 1 : 'any'),
        inputmode: integer ? 'numeric' : 'decimal',
      });
      row.append(label, input);
      if (spec.unit) row.append(el('span', { className: 'unit' }, spec.unit));
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
    def.textContent = spec.source
      ? t('options_default_line', 'Default: $1 — source: $2', [formatValue(spec, spec.default), spec.source])
      : t('options_default_only', 'Default: $1', [formatValue(spec, spec.default)]);

    wrap.append(row, error, help, def);
    input.addEventListener(spec.kind === 'bool' ? 'change' : 'input', () => this.onInput(spec.id));
    this.fields.set(spec.id, { spec, input, error, changed, wrap });
    return wrap;
  }

  /** Puts a settings `values` map into the inputs; ids not in it get their default. */
  setValues(values) {
    for (const [id, f] of this.fields) {
      const v = values && Object.hasOwn(values, id) ? values[id] : f.spec.default;
      this.setValue(id, v);
    }
  }

  setValue(id, value) {
    const f = this.fields.get(id);
    if (!f) return;
    if (f.spec.kind === 'bool') f.input.checked = Boolean(value);
    else if (f.spec.kind === 'keywords') f.input.value = (Array.isArray(value) ? value : []).join('\n');
    else f.input.value = value === null || value === undefined ? '' : String(value);
    this.markChanged(id);
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
        } else values[id] = n;
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
    return { values: text === '' || !Number.isFinite(n) ? undefined : n };
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
    this.fields.get(id)?.input.focus();
  }
}
