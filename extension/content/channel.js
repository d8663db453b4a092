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
// at most 30 payloads per 10 s per tab (30 more wait their turn; beyond that
// they are refused).
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
 * Whether an offered payload is taken now: null when it is, else why not, and
 * whether it may be offered again later (`retry`: only the rate was exceeded).
 * `recent` holds the times (ms) of payloads taken lately; it is pruned and,
 * when the payload is taken, appended to.
 * @param {{ url: string, text: string }} payload
 * @param {number} now
 * @param {number[]} recent
 * @returns {{ why: string, retry: boolean } | null}
 */
export function refuseOffer(payload, now, recent) {
  if (payload.text.length > LIMITS.maxChars) {
    return { why: `a response of ${payload.text.length} characters is over the ${LIMITS.maxChars} cap`, retry: false };
  }
  let path = '';
  try {
    path = new URL(payload.url).pathname;
  } catch (_) {
    return { why: 'a payload without a valid URL', retry: false };
  }
  if (!path.startsWith(PATH_MARK)) return { why: 'a payload that is not from a GraphQL URL', retry: false };
  while (recent.length && now - recent[0] >= LIMITS.windowMs) recent.shift();
  if (recent.length >= LIMITS.perWindow) return { why: `more than ${LIMITS.perWindow} payloads in ${LIMITS.windowMs / 1000} s`, retry: true };
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
      if (payload) offer(payload);
    } catch (e) {
      debugOnce('a page payload failed', e);
    }
  };
  /** Payloads over the rate, read later (at most `perWindow` of them; more are refused). */
  const backlog = [];
  let drainTimer = 0;
  const take = (payload) => {
    stats.taken += 1;
    onPayload(payload);
  };
  const refuse = (why) => {
    stats.refused += 1;
    debugOnce(`a page payload was refused: ${why}`);
  };
  const drain = () => {
    drainTimer = 0;
    while (!closed && backlog.length) {
      const r = refuseOffer(backlog[0], Date.now(), recent);
      if (r && r.retry) break;
      const payload = backlog.shift();
      if (r) refuse(r.why);
      else if (payload) take(payload);
    }
    if (!closed && backlog.length) drainTimer = setTimeout(drain, LIMITS.windowMs / LIMITS.perWindow);
  };
  function offer(payload) {
    const r = backlog.length ? { why: 'waiting behind earlier payloads', retry: true } : refuseOffer(payload, Date.now(), recent);
    if (!r) return take(payload);
    if (!r.retry) return refuse(r.why);
    if (backlog.length >= LIMITS.perWindow) return refuse(`${r.why}, and ${backlog.length} more waiting`);
    backlog.push(payload);
    if (!drainTimer) drainTimer = setTimeout(drain, LIMITS.windowMs / LIMITS.perWindow);
    return undefined;
  }
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
      backlog.length = 0;
      clearTimeout(drainTimer);
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
