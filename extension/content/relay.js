// @ts-check
// Relay: messages between the page hook, this content script and the service worker.

import { debugOnce } from './log.js';
import { WINDOW_MESSAGE } from '../shared/messages.js';

let dead = false;

/** True once the extension was reloaded or removed under this page (nothing more can be sent). */
export function contextGone() {
  return dead;
}

/** Waits before asking again when the worker is not listening yet (ms). */
const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000];

/**
 * Sends `message` (one of shared/messages.js's worker messages) to the service worker;
 * resolves with its reply, or { ok: false, error }. While the extension is alive
 * but its worker / background page is not listening yet (Firefox right after
 * install or start: "Receiving end does not exist"), it asks again a few times,
 * so a payload the page loaded early is not lost.
 */
export function ask(message, attempt = 0) {
  if (dead) return Promise.resolve({ ok: false, error: 'extension context gone' });
  try {
    return chrome.runtime.sendMessage(message).then(
      (reply) => reply || { ok: false, error: 'no reply' },
      (e) => {
        const text = String((e && e.message) || e);
        const notListening = /Receiving end does not exist|Could not establish connection/i.test(text);
        if (/context invalidated|Receiving end does not exist/i.test(text) && !chrome.runtime?.id) dead = true;
        if (!dead && notListening && attempt < RETRY_DELAYS_MS.length) {
          return new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt])).then(() => ask(message, attempt + 1));
        }
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

/**
 * A hook message (shared/messages.js WINDOW_MESSAGE: { __followback: "graphql", url, text }) as it came
 * over the hook's private port (content/channel.js), or null. Window messages are never read.
 */
export function hookPayload(data) {
  try {
    if (!data || typeof data !== 'object' || data[WINDOW_MESSAGE.tag] !== WINDOW_MESSAGE.graphql) return null;
    if (typeof data.text !== 'string' || typeof data.url !== 'string') return null;
    return { url: data.url, text: data.text };
  } catch (_) {
    return null;
  }
}
