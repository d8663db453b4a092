// @ts-check
// The content script's verdict cache: its bound (what is on screen stays, plus
// the most recently shown others up to a fixed count; the least recently shown
// go first; a Map keeps insertion order, so "recent" is "moved to the end"),
// and the compact verdicts a payload's reply and an `fb:verdicts` answer carry
// (one JSON text each, see src/boundary.rs `compact_json` and
// `compact_answers_json`), decoded into badge-ready verdicts.

const LEVEL_IDS = new Set(['follow_back', 'maybe', 'skip', 'not_enough_data']);
const CONFIDENCE_LABELS = new Set(['low', 'medium', 'high']);
/** A handle as X allows it (the core only sends those; anything else is dropped). */
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;

/** The JSON text of compact verdicts as an array, or null when it is not one. */
function rowsOf(/** @type {unknown} */ text) {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const rows = JSON.parse(text);
    return Array.isArray(rows) ? rows : null;
  } catch (_) {
    return null;
  }
}

/**
 * One compact verdict `[id | null, handle, score, level, confidence label,
 * confidence value]` as { handle, id, score, level, confidence: { value, label },
 * compact: true }, or null when it is malformed.
 * @param {unknown} row
 */
function compactVerdict(row) {
  if (!Array.isArray(row) || row.length < 6) return null;
  const [id, handle, score, level, label, value] = row;
  if (typeof handle !== 'string' || !HANDLE.test(handle) || !LEVEL_IDS.has(level)) return null;
  if (!Number.isInteger(score) || score < 0 || score > 100) return null;
  const confidence = { value: Number.isFinite(value) ? value : 0, label: CONFIDENCE_LABELS.has(label) ? label : 'low' };
  return { handle, id: typeof id === 'string' ? id : null, score, level, confidence, compact: true };
}

/**
 * The compact verdicts of one payload reply: `[[id | null, handle, score, level,
 * confidence label, confidence value], ...]` as JSON text. Each becomes
 * { handle, id, score, level, confidence: { value, label }, compact: true }
 * (no evidence: the breakdown asks for it). Malformed text or entries are
 * dropped (never thrown): the rows then get their verdict by a round trip.
 * @param {unknown} text
 */
export function decodeCompact(text) {
  const out = [];
  for (const row of rowsOf(text) || []) {
    const v = compactVerdict(row);
    if (v) out.push(v);
  }
  return out;
}

/**
 * The compact answer of `fb:verdicts` (one JSON text, `[verdict | null, ...]` in
 * request order, each verdict as in decodeCompact) as `count` verdicts or nulls,
 * position by position: null where nothing is known, an entry is malformed or
 * the answer is short. Null for the whole when the text is not an array (the
 * caller keeps what it had).
 * @param {unknown} text
 * @param {number} count  how many requests were sent
 */
export function decodeAnswers(text, count) {
  const rows = rowsOf(text);
  if (!rows) return null;
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(i < rows.length ? compactVerdict(rows[i]) : null);
  return out;
}

/**
 * Puts a payload's compact verdicts into `cache` (lower-case handle -> entry) at
 * `generation`, stamped `seq` (a reply to a request sent before `seq` must not
 * overwrite them). The entry's facts are marked unknown, so the next time a row
 * shows the account the page's facts go to the worker once (one round trip,
 * off the paint path), which answers with its compact verdict. Returns the keys set.
 * @param {Map<string, { verdict: any, generation: number, factsKey: string | null, seq?: number }>} cache
 * @param {ReturnType<typeof decodeCompact>} verdicts
 * @param {number} generation
 * @param {number} seq
 */
export function storeCompact(cache, verdicts, generation, seq) {
  const keys = [];
  for (const v of verdicts) {
    const k = v.handle.toLowerCase();
    cache.set(k, { verdict: v, generation, factsKey: null, seq });
    keys.push(k);
  }
  return keys;
}

/** Entries kept beyond those on screen. */
export const RECENT_LIMIT = 500;

/**
 * Keeps in `cache` the keys in `onScreen` (moved to the most recent end) and at
 * most `limit` others, dropping the least recently shown. Returns how many went.
 * @template V
 * @param {Map<string, V>} cache
 * @param {Iterable<string>} onScreen
 * @param {number} [limit]
 */
export function pruneCache(cache, onScreen, limit = RECENT_LIMIT) {
  const shown = new Set(onScreen);
  for (const k of shown) {
    if (!cache.has(k)) continue;
    const v = /** @type {V} */ (cache.get(k));
    cache.delete(k);
    cache.set(k, v);
  }
  let excess = cache.size - Math.max(0, limit) - [...shown].filter((k) => cache.has(k)).length;
  let dropped = 0;
  for (const k of cache.keys()) {
    if (excess <= 0) break;
    if (shown.has(k)) continue;
    cache.delete(k);
    excess -= 1;
    dropped += 1;
  }
  return dropped;
}
