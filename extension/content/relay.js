// @ts-check
// Relay: messages between the page hook, this content script and the service worker.
//
// Requests to the worker go over one long-lived port (shared/messages.js
// PORT_NAME: `{ id, message }` out, `{ id, reply }` back), which costs a
// fraction of a chrome.runtime.sendMessage round trip (that opens and closes a
// channel per message; tests/bench/verdict-path.mjs prints both). The port is
// opened on the first request and again on the first request after it dropped
// (MV3 stops an idle worker, which disconnects it; so does a page entering the
// back/forward cache). A request in flight when the port drops is sent once
// more by sendMessage when doing it twice changes nothing (RESENDABLE), and is
// answered { ok: false, error } otherwise: never lost silently, never applied
// twice. When the port cannot be opened, or drops again and again without an
// answer, requests go by sendMessage for a while. A port with nothing to wait
// for is closed after PORT_IDLE_MS: Firefox keeps an event page loaded while
// any port to it is open, and MV3 workers should stop when idle. After an extension reload or
// removal (this script's context is gone) everything answers
// { ok: false, error } at once and nothing more is sent.

import { debugOnce } from './log.js';
import { MESSAGES, PORT_NAME, WINDOW_MESSAGE } from '../shared/messages.js';

let dead = false;

/** True once the extension was reloaded or removed under this page (nothing more can be sent). */
export function contextGone() {
  return dead;
}

/** Waits before asking again when the worker is not listening yet (ms). */
const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000];

/** The answer to every request once the extension is gone. */
const gone = () => ({ ok: false, error: 'extension context gone' });

/** A port that dropped with this never reached a listener (Firefox before its background page listens): nothing was delivered. */
const NOT_LISTENING = /Receiving end does not exist|Could not establish connection/i;

/**
 * Messages whose second delivery changes nothing (the worker merges the same
 * facts, payload or posts again and answers the same): re-sent once when the
 * port drops before their answer. Any other (interactions: a second copy could
 * count twice; override and settings writes) is answered with an error instead.
 */
const RESENDABLE = new Set([MESSAGES.VERDICTS.type, MESSAGES.PAYLOAD.type, MESSAGES.PING.type, MESSAGES.TWEETS.type, MESSAGES.SELF_CHECK.type]);

/** A port with no request waiting is closed after this long (ms); the next request opens another. */
export const PORT_IDLE_MS = 15_000;

/** Ports dropped in a row without one answer before requests go by sendMessage for PORT_REST_MS. */
const PORT_MAX_SILENT_DROPS = 3;
const PORT_REST_MS = 30_000;

/**
 * @typedef {{ message: any, resolve: (reply: any) => void, port: chrome.runtime.Port }} Pending
 */

/** The open port to the worker, or null (opened by the next request). */
let port = /** @type {chrome.runtime.Port | null} */ (null);
/** Requests sent over a port and not answered yet, by id. */
const pending = /** @type {Map<number, Pending>} */ (new Map());
let nextId = 0;
/** Ports dropped in a row before any answer came over them. */
let silentDrops = 0;
/** Until when (Date.now() ms) requests go by sendMessage. */
let portRestUntil = 0;
/** Closes the port once nothing waits on it for PORT_IDLE_MS. */
let idleTimer = /** @type {ReturnType<typeof setTimeout> | 0} */ (0);

function closeWhenIdle() {
  clearTimeout(idleTimer);
  idleTimer = 0;
  if (!port || pending.size > 0) return;
  idleTimer = setTimeout(() => {
    idleTimer = 0;
    if (!port || pending.size > 0) return;
    const p = port;
    port = null;
    try {
      p.disconnect();
    } catch (_) {
      // already gone
    }
  }, PORT_IDLE_MS);
}

function alive() {
  try {
    return Boolean(globalThis.chrome && chrome.runtime && chrome.runtime.id);
  } catch (_) {
    return false;
  }
}

/** The extension is gone: every waiting request is answered, nothing more is sent. */
function die(/** @type {unknown} */ why) {
  if (!dead) debugOnce('the extension is no longer available on this page', why);
  dead = true;
  port = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) p.resolve(gone());
}

/**
 * Sends `message` (one of shared/messages.js's worker messages) to the service worker;
 * resolves with its reply, or { ok: false, error }. Over the port when it can
 * be opened, else by sendMessage (askOnce).
 */
export function ask(message) {
  if (dead) return Promise.resolve(gone());
  if (Date.now() < portRestUntil) return askOnce(message);
  return new Promise((resolve) => {
    const id = (nextId += 1);
    if (!post(id, message, resolve)) resolve(dead ? gone() : askOnce(message));
  });
}

/** Posts one request over the port (opened if needed); false when no port could take it. */
function post(/** @type {number} */ id, /** @type {any} */ message, /** @type {(reply: any) => void} */ resolve) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const p = openPort();
    if (!p) return false;
    try {
      pending.set(id, { message, resolve, port: p });
      clearTimeout(idleTimer);
      idleTimer = 0;
      p.postMessage({ id, message });
      return true;
    } catch (e) {
      // Disconnected under us (its onDisconnect not run yet), or the context is gone.
      pending.delete(id);
      if (port === p) port = null;
      if (!alive()) {
        die(e);
        return false;
      }
    }
  }
  return false;
}

/** The port to the worker: the open one, or a new one; null when none can be opened (sendMessage then). */
function openPort() {
  if (port) return port;
  /** @type {chrome.runtime.Port} */
  let p;
  try {
    p = chrome.runtime.connect({ name: PORT_NAME });
  } catch (e) {
    if (!alive()) die(e);
    else {
      portRestUntil = Date.now() + PORT_REST_MS;
      debugOnce('the port to the service worker could not be opened; using sendMessage', e);
    }
    return null;
  }
  let answered = false;
  p.onMessage.addListener((envelope) => {
    const id = envelope && typeof envelope === 'object' ? envelope.id : undefined;
    const waiting = typeof id === 'number' ? pending.get(id) : undefined;
    if (!waiting || waiting.port !== p) return;
    answered = true;
    silentDrops = 0;
    pending.delete(id);
    waiting.resolve(envelope.reply || { ok: false, error: 'no reply' });
    closeWhenIdle();
  });
  p.onDisconnect.addListener(() => {
    // Read, so the browser does not report it as unchecked.
    const why = chrome.runtime.lastError;
    if (port === p) port = null;
    dropped(p, answered, why);
  });
  port = p;
  return p;
}

/** Port `p` dropped: its waiting requests are re-sent once (by sendMessage) or answered with an error. */
function dropped(/** @type {chrome.runtime.Port} */ p, /** @type {boolean} */ answered, /** @type {unknown} */ why) {
  if (!alive()) {
    die(why);
    return;
  }
  if (!answered) {
    silentDrops += 1;
    if (silentDrops >= PORT_MAX_SILENT_DROPS) {
      silentDrops = 0;
      portRestUntil = Date.now() + PORT_REST_MS;
      debugOnce('the port to the service worker keeps dropping; using sendMessage for a while', why);
    }
  }
  const undelivered = !answered && NOT_LISTENING.test(String((why && /** @type {any} */ (why).message) || ''));
  for (const [id, waiting] of [...pending]) {
    if (waiting.port !== p) continue;
    pending.delete(id);
    const type = waiting.message && waiting.message.type;
    if (undelivered || RESENDABLE.has(type)) waiting.resolve(askOnce(waiting.message));
    else {
      debugOnce(`the service worker stopped before it answered ${String(type)}`, why);
      waiting.resolve({ ok: false, error: 'the service worker stopped before it answered' });
    }
  }
}

/**
 * Sends `message` once by chrome.runtime.sendMessage; resolves with its reply,
 * or { ok: false, error }. While the extension is alive but its worker /
 * background page is not listening yet (Firefox right after install or start:
 * "Receiving end does not exist"), it asks again a few times, so a payload the
 * page loaded early is not lost.
 */
export function askOnce(/** @type {any} */ message, attempt = 0) {
  if (dead) return Promise.resolve(gone());
  try {
    return chrome.runtime.sendMessage(message).then(
      (reply) => reply || { ok: false, error: 'no reply' },
      (e) => {
        const text = String((e && e.message) || e);
        const notListening = NOT_LISTENING.test(text);
        if (/context invalidated|Receiving end does not exist/i.test(text) && !alive()) die(e);
        if (dead) return gone();
        if (notListening && attempt < RETRY_DELAYS_MS.length) {
          return new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt])).then(() => askOnce(message, attempt + 1));
        }
        debugOnce('the service worker did not answer', e);
        return { ok: false, error: text };
      },
    );
  } catch (e) {
    die(e);
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
