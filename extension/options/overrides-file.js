// @ts-check
// Per-account overrides ("always" / "never") in the settings export file:
// `{ version, values, overrides: { "<handle>": "always" | "never" } }`.
// Reads them from storage for an export, checks them entry by entry on import
// (bad entries are reported and skipped), and stores them merged over the
// overrides already kept (the file wins for the handles it names).

import { t } from '../shared/i18n.js';
import { OVERRIDES_KEY, OVERRIDE_MODES, normalizeOverrides, writeOverrides } from '../shared/overrides.js';

/** The stored overrides, normalised; {} when storage cannot be read. */
export async function storedOverrides() {
  try {
    const got = await chrome.storage.local.get(OVERRIDES_KEY);
    return { ...normalizeOverrides(got?.[OVERRIDES_KEY]) };
  } catch {
    return {};
  }
}

function shown(text) {
  const s = String(text);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * The overrides an imported file holds: { present, overrides, skipped: [{ id: '', message }] }.
 * Handles are matched case-insensitively and may carry a leading "@".
 */
export function overridesFromFile(obj) {
  const out = { present: false, overrides: {}, skipped: [] };
  if (!obj || typeof obj !== 'object' || Array.isArray(obj) || !Object.hasOwn(obj, 'overrides')) return out;
  out.present = true;
  const given = obj.overrides;
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    out.skipped.push({ id: '', message: t('options_import_overrides_shape', 'The “overrides” in the file are not a list of handles and choices; no override was imported.') });
    return out;
  }
  for (const [key, mode] of Object.entries(given)) {
    const handle = String(key).trim().replace(/^@/, '').toLowerCase();
    const one = normalizeOverrides({ [handle]: mode });
    if (Object.hasOwn(one, handle)) {
      out.overrides[handle] = one[handle];
    } else if (!OVERRIDE_MODES.includes(mode)) {
      out.skipped.push({ id: '', message: t('options_import_override_mode', 'Override for “$1” skipped: “$2” is not “always” or “never”.', [shown(key), shown(JSON.stringify(mode) ?? mode)]) });
    } else {
      out.skipped.push({ id: '', message: t('options_import_override_handle', 'Override for “$1” skipped: not an X handle.', [shown(key)]) });
    }
  }
  return out;
}

/** Stores `imported` over the overrides already kept. Returns how many the file set. */
export async function storeImportedOverrides(imported) {
  const count = Object.keys(imported).length;
  if (count === 0) return 0;
  await writeOverrides(imported);
  return count;
}

/** Puts back a whole earlier set of overrides (the undo of an import). */
export async function replaceOverrides(previous) {
  await writeOverrides({ ...normalizeOverrides(previous) }, true);
}
