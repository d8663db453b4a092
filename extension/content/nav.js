// @ts-check
// Navigation watcher: X is a single-page app, so the URL changes without a
// page load. Events (popstate, hashchange, the Navigation API when present)
// plus a check on every DOM change batch; no polling.

/** Calls `onChange(url)` whenever location.href changes; returns `check` for DOM-change batches. */
export function watchNavigation(onChange) {
  let last = location.href;
  const check = () => {
    const now = location.href;
    if (now !== last) {
      last = now;
      try {
        onChange(now);
      } catch (_) {
        // the caller guards its own work
      }
    }
  };
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
  try {
    // The Navigation API (Chromium; not yet in TypeScript's DOM library).
    const navigation = /** @type {any} */ (window).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      navigation.addEventListener('navigatesuccess', check);
    }
  } catch (_) {
    // not available
  }
  return check;
}
