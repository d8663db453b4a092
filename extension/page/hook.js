// @ts-check
// Followback page hook (MAIN world, document_start): copies the text of the
// GraphQL responses x.com loads itself and offers it to the content script
// over a private MessagePort, never over window messages.
//
// The channel: the content script (isolated world) creates a MessageChannel and
// posts one port to this window with a random token. This hook registered the
// first capturing `message` listener of the page at document_start, before any
// page script could, so it sees that message first; it takes the port, stops
// the event there (no page listener sees it or the port), removes its listener
// (a later forged hand-over reaches nobody) and echoes the token over the port.
// Copies go only through that port, so page `message` listeners never see them.
// Every built-in it uses later is captured here, at document_start.
//
// What the page pays: nothing it did not ask for. XHR text is read after the
// page's own handlers, in a task, and only when under the size cap (header and
// length checked before copying); fetch bodies are cloned only when the request
// was not aborted and read in chunks up to the cap, and the copy stops (so the
// download stops) as soon as the page cancels its body (`body.cancel()`, a
// reader's `cancel()`) or aborts the request; rejections reach the page
// as they are (no handler of ours marks them handled). Wrappers are Proxies of
// the natives and Function.prototype.toString answers with the native text.
// When the content script says "stop" (extension reloaded or removed), nothing
// more is copied.
(() => {
  'use strict';

  const TAG = '__followback';
  const HANDSHAKE = '__followbackPort';
  const STOP = 'stop';
  const PATH_MARK = '/i/api/graphql/';
  /** Responses longer than this (characters or bytes) are not copied (the content script refuses them too). */
  const MAX_CHARS = 8 * 1024 * 1024;
  /** Copies kept while the port is not there yet (dropped beyond, by count or total length). */
  const EARLY_MAX = 8;
  const EARLY_CHARS = MAX_CHARS;
  const w = window;

  // --- Built-ins, captured before any page script runs ------------------------
  const R = Reflect;
  const apply = R.apply;
  const hasOwn = Object.prototype.hasOwnProperty;
  const getter = (proto, name) => {
    const d = proto ? R.getOwnPropertyDescriptor(proto, name) : undefined;
    return d && typeof d.get === 'function' ? d.get : null;
  };
  const own = (obj, name) => obj !== null && typeof obj === 'object' && apply(hasOwn, obj, [name]);
  const addListener = w.EventTarget.prototype.addEventListener;
  const removeListener = w.EventTarget.prototype.removeEventListener;
  const stopImmediate = w.Event.prototype.stopImmediatePropagation;
  const eventData = getter(w.MessageEvent.prototype, 'data');
  const eventPorts = getter(w.MessageEvent.prototype, 'ports');
  const eventSource = getter(w.MessageEvent.prototype, 'source');
  const portPost = w.MessagePort.prototype.postMessage;
  const portStart = w.MessagePort.prototype.start;
  const portClose = w.MessagePort.prototype.close;
  const later = w.setTimeout;
  const URLC = w.URL;
  const urlPath = getter(URLC.prototype, 'pathname');
  const urlHref = getter(URLC.prototype, 'href');
  const locHref = getter(w.Location && w.Location.prototype, 'href');
  const location = w.location;
  const wmGet = WeakMap.prototype.get;
  const wmSet = WeakMap.prototype.set;
  const wmHas = WeakMap.prototype.has;
  const promiseThen = Promise.prototype.then;
  const stringify = JSON.stringify;
  const Decoder = w.TextDecoder;
  const decode = Decoder && Decoder.prototype.decode;
  const u8Set = Uint8Array.prototype.set;

  /** Wrapper -> the native it stands for (for toString). */
  const originals = new WeakMap();

  let port = null;
  let stopped = false;
  const early = [];
  let earlyChars = 0;

  function here() {
    return locHref ? apply(locHref, location, []) : String(location.href);
  }

  /** The absolute URL of a GraphQL call of X's web app, or null. */
  function graphqlUrl(url) {
    try {
      const u = new URLC(String(url), here());
      if (apply(urlPath, u, []).indexOf(PATH_MARK) === -1) return null;
      return apply(urlHref, u, []);
    } catch (_) {
      return null;
    }
  }

  function absolute(url) {
    return graphqlUrl(url) || String(url);
  }

  function send(url, text) {
    try {
      if (stopped || typeof text !== 'string' || text.length === 0 || text.length > MAX_CHARS) return;
      const message = { __followback: 'graphql', url: absolute(url), text };
      if (port) apply(portPost, port, [message]);
      else if (early.length < EARLY_MAX && earlyChars + text.length <= EARLY_CHARS) {
        early[early.length] = message;
        earlyChars += text.length;
      }
    } catch (_) {
      // Never let a failure reach the page.
    }
  }

  /** Runs `fn` in a later task (after every handler of the current event). */
  function inTask(fn) {
    apply(later, w, [
      () => {
        try {
          fn();
        } catch (_) {
          // ignore
        }
      },
      0,
    ]);
  }

  // --- The port ----------------------------------------------------------------
  function onPortMessage(event) {
    try {
      const data = apply(eventData, event, []);
      if (own(data, TAG) && data[TAG] === STOP) {
        stopped = true;
        early.length = 0;
        const p = port;
        port = null;
        if (p) apply(portClose, p, []);
      }
    } catch (_) {
      // ignore
    }
  }

  function onHandOver(event) {
    try {
      if (port || stopped || apply(eventSource, event, []) !== w) return;
      const data = apply(eventData, event, []);
      if (!own(data, HANDSHAKE) || typeof data[HANDSHAKE] !== 'string') return;
      const ports = apply(eventPorts, event, []);
      const p = ports && ports.length === 1 ? ports[0] : null;
      if (!p) return;
      apply(stopImmediate, event, []);
      apply(removeListener, w, ['message', onHandOver, true]);
      port = p;
      apply(addListener, p, ['message', onPortMessage]);
      apply(portStart, p, []);
      apply(portPost, p, [{ [HANDSHAKE]: data[HANDSHAKE] }]);
      for (let i = 0; i < early.length; i += 1) apply(portPost, p, [early[i]]);
      early.length = 0;
      earlyChars = 0;
    } catch (_) {
      // ignore
    }
  }

  try {
    apply(addListener, w, ['message', onHandOver, true]);
  } catch (_) {
    return;
  }

  // --- toString of the wrappers answers as the natives do -----------------------
  function disguise(wrapper, original) {
    apply(wmSet, originals, [wrapper, original]);
    return wrapper;
  }
  try {
    const fnProto = w.Function.prototype;
    const nativeToString = fnProto.toString;
    const toString = new Proxy(nativeToString, {
      apply(target, self, args) {
        const original = apply(wmHas, originals, [self]) ? apply(wmGet, originals, [self]) : self;
        return apply(target, original, args);
      },
    });
    disguise(toString, nativeToString);
    fnProto.toString = toString;
  } catch (_) {
    // toString left untouched.
  }

  // --- XMLHttpRequest (what X's web app uses) --------------------------------
  try {
    const XHR = w.XMLHttpRequest;
    const proto = XHR && XHR.prototype;
    const responseType = getter(proto, 'responseType');
    const responseText = getter(proto, 'responseText');
    const response = getter(proto, 'response');
    const responseUrl = getter(proto, 'responseURL');
    const header = proto.getResponseHeader;
    const urls = new WeakMap();
    const listening = new WeakMap();

    const copy = (xhr, url) => {
      if (stopped) return;
      const length = Number(apply(header, xhr, ['content-length']));
      if (length > MAX_CHARS) return;
      const type = apply(responseType, xhr, []);
      let text = null;
      if (type === '' || type === 'text') text = apply(responseText, xhr, []);
      else if (type === 'json') {
        // No text to take: the parsed value would have to be stringified here, so only
        // when its size is known and small (a compressed body may grow some tenfold).
        if (!(length > 0 && length <= MAX_CHARS / 16)) return;
        const value = apply(response, xhr, []);
        if (value != null) text = stringify(value);
      }
      if (typeof text === 'string' && text.length <= MAX_CHARS) send(apply(responseUrl, xhr, []) || url, text);
    };

    const onLoad = function () {
      try {
        if (stopped) return;
        const url = apply(wmGet, urls, [this]);
        if (!url) return;
        const xhr = this;
        // After the page's own handlers of this load, in a task of its own.
        inTask(() => copy(xhr, url));
      } catch (_) {
        // ignore
      }
    };

    if (proto && typeof proto.open === 'function') {
      const open = proto.open;
      proto.open = disguise(
        new Proxy(open, {
          apply(target, self, args) {
            try {
              const url = !stopped && args.length > 1 ? graphqlUrl(args[1]) : null;
              if (url) {
                apply(wmSet, urls, [self, url]);
                // Registered at open(), before most pages add their own handlers.
                if (!apply(wmHas, listening, [self])) {
                  apply(wmSet, listening, [self, true]);
                  apply(addListener, self, ['load', onLoad]);
                }
              } else {
                apply(wmSet, urls, [self, null]);
              }
            } catch (_) {
              // ignore
            }
            return apply(target, self, args);
          },
        }),
        open,
      );
    }
  } catch (_) {
    // XHR left untouched.
  }

  // --- fetch -----------------------------------------------------------------
  try {
    const origFetch = w.fetch;
    const Resp = w.Response && w.Response.prototype;
    const RequestC = w.Request;
    const Req = RequestC && RequestC.prototype;
    const clone = Resp.clone;
    const body = getter(Resp, 'body');
    const headers = getter(Resp, 'headers');
    const respUrl = getter(Resp, 'url');
    const headersGet = w.Headers.prototype.get;
    const reqUrl = getter(Req, 'url');
    const reqSignal = getter(Req, 'signal');
    const aborted = getter(w.AbortSignal && w.AbortSignal.prototype, 'aborted');
    const getReader = w.ReadableStream.prototype.getReader;
    const ReaderProto = w.ReadableStreamDefaultReader && w.ReadableStreamDefaultReader.prototype;
    const read = ReaderProto.read;
    const cancel = ReaderProto.cancel;
    const StreamProto = w.ReadableStream.prototype;
    const locked = getter(StreamProto, 'locked');
    const BYOBProto = w.ReadableStreamBYOBReader && w.ReadableStreamBYOBReader.prototype;
    /** The page's body stream of a response being copied, or a reader of it -> stops that copy. */
    const watched = new WeakMap();

    /** Stops the copy watching `target` (a body stream or a reader), once. */
    const stopCopyOf = (target) => {
      try {
        if (!apply(wmHas, watched, [target])) return;
        const stop = apply(wmGet, watched, [target]);
        apply(wmSet, watched, [target, null]);
        if (typeof stop === 'function') stop();
      } catch (_) {
        // ignore
      }
    };

    /** Wraps `proto[name]`: after the native call, `after(self, wasLocked, result)` runs (its failures never reach the page). */
    const watch = (proto, name, after) => {
      const native = proto && proto[name];
      if (typeof native !== 'function') return;
      proto[name] = disguise(
        new Proxy(native, {
          apply(target, self, args) {
            let wasLocked = false;
            try {
              wasLocked = Boolean(locked && apply(wmHas, watched, [self]) && apply(locked, self, []));
            } catch (_) {
              wasLocked = false;
            }
            const result = apply(target, self, args);
            try {
              after(self, wasLocked, result);
            } catch (_) {
              // ignore
            }
            return result;
          },
        }),
        native,
      );
    };
    // The page cancels the body itself (a locked stream refuses, and is not cancelled).
    watch(StreamProto, 'cancel', (self, wasLocked) => {
      if (!wasLocked) stopCopyOf(self);
    });
    // A reader of a watched body stands for it.
    watch(StreamProto, 'getReader', (self, _locked, reader) => {
      if (apply(wmHas, watched, [self]) && reader) apply(wmSet, watched, [reader, apply(wmGet, watched, [self])]);
    });
    watch(ReaderProto, 'cancel', (self) => stopCopyOf(self));
    watch(BYOBProto, 'cancel', (self) => stopCopyOf(self));

    const isAborted = (signal) => {
      try {
        return Boolean(signal && aborted && apply(aborted, signal, []));
      } catch (_) {
        return false;
      }
    };

    /** Reads a clone of `res` in chunks, up to the cap, then posts its text in a task; stops when the page cancels its side. */
    const copy = (res, url, signal) => {
      if (stopped || isAborted(signal)) return;
      const length = Number(apply(headersGet, apply(headers, res, []), ['content-length']));
      if (length > MAX_CHARS || !apply(body, res, [])) return;
      const mine = apply(clone, res, []);
      const reader = apply(getReader, apply(body, mine, []), []);
      const chunks = [];
      let total = 0;
      let over = false;
      const give = () => {
        if (over) return;
        over = true;
        try {
          apply(promiseThen, apply(cancel, reader, []), [undefined, () => {}]);
        } catch (_) {
          // ignore
        }
      };
      const done = () => {
        const all = new Uint8Array(total);
        let at = 0;
        for (let i = 0; i < chunks.length; i += 1) {
          apply(u8Set, all, [chunks[i], at]);
          at += chunks[i].length;
        }
        send(apply(respUrl, res, []) || url, apply(decode, new Decoder(), [all]));
      };
      const step = (result) => {
        try {
          if (over) return undefined;
          if (stopped || isAborted(signal)) return give();
          if (result.done) return inTask(done);
          const chunk = result.value;
          total += chunk.length;
          if (total > MAX_CHARS) return give();
          chunks[chunks.length] = chunk;
          apply(promiseThen, apply(read, reader, []), [step, () => {}]);
        } catch (_) {
          give();
        }
        return undefined;
      };
      // The page's side after clone() is a new stream: when the page cancels it,
      // cancel this copy too (the download stops once neither side reads).
      const theirs = apply(body, res, []);
      if (theirs) apply(wmSet, watched, [theirs, give]);
      apply(promiseThen, apply(read, reader, []), [step, () => {}]);
    };

    if (typeof origFetch === 'function') {
      w.fetch = disguise(
        new Proxy(origFetch, {
          apply(target, self, args) {
            const result = apply(target, self, args);
            try {
              if (stopped || !result) return result;
              const input = args[0];
              const init = args[1];
              const isRequest = input instanceof RequestC;
              const url = graphqlUrl(isRequest ? apply(reqUrl, input, []) : input);
              if (!url) return result;
              const signal = init && typeof init === 'object' && init.signal ? init.signal : isRequest ? apply(reqSignal, input, []) : null;
              // The page gets a promise settled like the native one: a rejection passes
              // through to the page's handlers, or to unhandledrejection when it has none.
              return apply(promiseThen, result, [
                (res) => {
                  try {
                    // Before the page's own handlers: the body is still unread.
                    copy(res, url, signal);
                  } catch (_) {
                    // ignore
                  }
                  return res;
                },
              ]);
            } catch (_) {
              return result;
            }
          },
        }),
        origFetch,
      );
    }
  } catch (_) {
    // fetch left untouched.
  }
})();
//# sourceURL=page-hook.js
