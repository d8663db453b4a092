// @ts-check
// Quiet logging: the extension never writes errors or warnings to the page's
// console in normal operation; at most one console.debug line per page.

let said = false;

/** Logs the first problem once, as console.debug, and nothing after that. */
export function debugOnce(message, error) {
  if (said) return;
  said = true;
  try {
    console.debug(`Followback: ${message}${error ? ` (${String(error && error.message ? error.message : error)})` : ''}`);
  } catch (_) {
    // nothing
  }
}

/** Runs `fn`, swallowing (and logging once) anything it throws. */
export function guard(label, fn) {
  try {
    return fn();
  } catch (e) {
    debugOnce(label, e);
    return undefined;
  }
}
