// @ts-check
// Channel: the private MessagePort between the page hook (page/hook.js, MAIN
// world) and this content script, and the bounds on what comes through it.
//
// Hand-over: at document_start this script creates a MessageChannel and posts
// one port to the window with a random token (the only window message
// Followback sends). The hook registered the page's first capturing `message`
// listener before any page script ran, so it takes the port, stops the event
// (no page listener sees it) and echoes the token over the port; nothing that
// arrives before the echo is accepted. Window messages are never read. What the
// port carries is still only an offer: GraphQL URLs only, at most 8 MB of text,
// at most 30 payloads per 10 s per tab.
// Also here: noticing that the extension was reloaded or removed under this
// page (chrome.runtime.id gone), so the page can be cleaned up and the hook told
// to stop copying.

import { WINDOW_MESSAGE } from '../shared/messages.js';
import { hookPayload } from './relay.js';
import { debugOnce } from './log.js';

/** Bounds on what the hook may offer. */
export const LIMITS = Object.freeze({
  /** Characters of response text. */
  maxChars: 8 * 1024 * 1024,
  /** Payloads accepted per `windowMs`. */
  perWindow: 30,
  windowMs: 10_000,
});

const PATH_MARK = '/i/api/graphql/';

/**
 * Whether an offered payload is taken: null when it is, else why not.
 * `recent` holds the times (ms) of payloads taken lately; it is pruned and,
 * when the payload is taken, appended to.
 * @param {{ url: string, text: string }} payload
 * @param {number} now
 * @param {number[]} recent
 * @returns {string | null}
 */
export function refuseOffer(payload, now, recent) {
  if (payload.text.length > LIMITS.maxChars) return `a response of ${payload.text.length} characters is over the ${LIMITS.maxChars} cap`;
  let path = '';
  try {
    path = new URL(payload.url).pathname;
  } catch (_) {
    return 'a payload without a valid URL';
  }
  if (!path.startsWith(PATH_MARK)) return 'a payload that is not from a GraphQL URL';
  while (recent.length && now - recent[0] >= LIMITS.windowMs) recent.shift();
  if (recent.length >= LIMITS.perWindow) return `more than ${LIMITS.perWindow} payloads in ${LIMITS.windowMs / 1000} s`;
  recent.push(now);
  return null;
}

function randomToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Opens the channel to the page hook. `onPayload({ url, text })` is called for
 * each payload taken. Returns { stop() } (tells the hook to copy nothing more
 * and closes the port) and `stats` (taken / refused counts, for tests and logs).
 * @param {(payload: { url: string, text: string }) => void} onPayload
 */
export function openChannel(onPayload) {
  const channel = new MessageChannel();
  const port = channel.port1;
  const token = randomToken();
  const recent = [];
  const stats = { connected: false, taken: 0, refused: 0 };
  let closed = false;
  port.onmessage = (event) => {
    try {
      if (closed) return;
      const data = event.data;
      if (!stats.connected) {
        if (data && typeof data === 'object' && data[WINDOW_MESSAGE.handshake] === token) stats.connected = true;
        return;
      }
      const payload = hookPayload(data);
      if (!payload) return;
      const why = refuseOffer(payload, Date.now(), recent);
      if (why) {
        stats.refused += 1;
        debugOnce(`a page payload was refused: ${why}`);
        return;
      }
      stats.taken += 1;
      onPayload(payload);
    } catch (e) {
      debugOnce('a page payload failed', e);
    }
  };
  try {
    window.postMessage({ [WINDOW_MESSAGE.handshake]: token }, location.origin, [channel.port2]);
  } catch (e) {
    debugOnce('the page hook channel could not be opened', e);
  }
  return {
    stats,
    stop() {
      if (closed) return;
      closed = true;
      try {
        port.postMessage({ [WINDOW_MESSAGE.tag]: WINDOW_MESSAGE.stop });
        port.close();
      } catch (_) {
        // the port is gone already
      }
    },
  };
}

/** True when this content script's extension is still there (not reloaded or removed). */
export function extensionAlive() {
  try {
    return Boolean(globalThis.chrome && chrome.runtime && chrome.runtime.id);
  } catch (_) {
    return false;
  }
}

/**
 * Calls `onGone()` once, when the extension is reloaded or removed under this
 * page (checked every `everyMs`, and whenever `check()` is called, e.g. after a
 * failed message). Returns `check`.
 * @param {() => void} onGone
 * @param {number} [everyMs]
 */
export function watchOrphan(onGone, everyMs = 1000) {
  let gone = false;
  let timer = 0;
  const check = () => {
    if (gone || extensionAlive()) return;
    gone = true;
    clearInterval(timer);
    onGone();
  };
  timer = setInterval(check, everyMs);
  return check;
}
