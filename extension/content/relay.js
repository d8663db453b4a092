// @ts-check
// Relay: messages between the page hook, this content script and the service worker.

import { debugOnce } from './log.js';
import { WINDOW_MESSAGE } from '../shared/messages.js';

let dead = false;

/** True once the extension was reloaded or removed under this page (nothing more can be sent). */
export function contextGone() {
  return dead;
}

/**
 * Sends `message` (one of shared/messages.js's worker messages) to the service worker;
 * resolves with its reply, or { ok: false, error }.
 */
export function ask(message) {
  if (dead) return Promise.resolve({ ok: false, error: 'extension context gone' });
  try {
    return chrome.runtime.sendMessage(message).then(
      (reply) => reply || { ok: false, error: 'no reply' },
      (e) => {
        const text = String((e && e.message) || e);
        if (/context invalidated|Receiving end does not exist/i.test(text) && !chrome.runtime?.id) dead = true;
        debugOnce('the service worker did not answer', e);
        return { ok: false, error: text };
      },
    );
  } catch (e) {
    dead = true;
    debugOnce('the extension is no longer available on this page', e);
    return Promise.resolve({ ok: false, error: String(e) });
  }
}

/** A hook message (shared/messages.js WINDOW_MESSAGE: { __followback: "graphql", url, text }) from this page, or null. */
export function hookPayload(event) {
  try {
    if (event.source !== window || event.origin !== location.origin) return null;
    const d = event.data;
    if (!d || d[WINDOW_MESSAGE.tag] !== WINDOW_MESSAGE.graphql || typeof d.text !== 'string' || typeof d.url !== 'string') return null;
    return { url: d.url, text: d.text };
  } catch (_) {
    return null;
  }
}
