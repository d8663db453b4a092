// @ts-check
// The Rust core for extension pages: loads the wasm glue once and wraps its
// exports so callers always get plain JSON-shaped objects and never an exception.

let mod = null;

/** Plain objects and arrays all the way down (the core answers through JSON.parse; a Map, should one ever come, becomes an object). */
export function plain(value) {
  if (value instanceof Map) {
    const out = {};
    for (const [k, v] of value) out[String(k)] = plain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

function message(e) {
  return String(e?.message ?? e);
}

/** Loads and starts the wasm module (once). Throws with a readable message on failure. */
export async function loadCore() {
  if (mod) return mod;
  const glue = await import('../core/followback.js');
  await glue.default({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
  mod = glue;
  return mod;
}

export function settingsSchema() {
  return plain(mod.settingsSchema());
}

export function defaultSettings() {
  return plain(mod.defaultSettings());
}

/** validateSettings that never throws: { ok, errors: [{id, message}], settings|null }. */
export function validate(obj) {
  try {
    const r = plain(mod.validateSettings(obj));
    return {
      ok: Boolean(r?.ok),
      errors: Array.isArray(r?.errors) ? r.errors : [],
      settings: r?.settings ?? null,
    };
  } catch (e) {
    return { ok: false, errors: [{ id: '', message: message(e) }], settings: null };
  }
}

/** scoreSample that never throws: { verdict, error }. */
export function scoreSample(account, settings, nowMs) {
  try {
    return { verdict: plain(mod.scoreSample(account, settings, nowMs)), error: null };
  } catch (e) {
    return { verdict: null, error: message(e) };
  }
}

/**
 * The settings the service worker uses for a stored value (Rust's tolerant
 * Settings::from_json): { settings: {version, values}, notices: string[], error }.
 * Never throws; on a failure of the core itself, settings is null and error says why.
 */
export function repair(raw) {
  try {
    const r = plain(mod.repairSettings(raw ?? null));
    const settings = r?.settings && typeof r.settings === 'object' ? r.settings : null;
    return {
      settings,
      notices: Array.isArray(r?.notices) ? r.notices.map(String) : [],
      error: settings ? null : 'the settings engine gave no settings',
    };
  } catch (e) {
    return { settings: null, notices: [], error: message(e) };
  }
}
