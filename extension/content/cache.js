// @ts-check
// The content script's verdict cache bound: what is on screen stays, plus the
// most recently shown others up to a fixed count; the least recently shown go
// first. A Map keeps insertion order, so "recent" is "moved to the end".

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
