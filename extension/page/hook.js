// @ts-check
// Followback page hook (MAIN world, document_start): copies the text of the
// GraphQL responses x.com loads itself and posts it to the content script.
//
// Read-only: the page gets exactly what it asked for, from the same objects,
// at the same time. Every step is wrapped so nothing can throw into the page.
// Wrappers are Proxies of the native functions, so their name, length and
// toString look native. It touches nothing else on the page.
(() => {
  'use strict';

  const TAG = '__followback';
  const PATH_MARK = '/i/api/graphql/';
  const w = window;
  if (w[TAG + 'Hooked']) return;
  try {
    Object.defineProperty(w, TAG + 'Hooked', { value: true });
  } catch (_) {
    return;
  }

  const origin = w.location.origin;
  const post = w.postMessage.bind(w);

  /** True when `url` (string or URL) is a GraphQL call of X's web app. */
  function isGraphql(url) {
    try {
      return new URL(String(url), w.location.href).pathname.indexOf(PATH_MARK) !== -1;
    } catch (_) {
      return false;
    }
  }

  function absolute(url) {
    try {
      return new URL(String(url), w.location.href).href;
    } catch (_) {
      return String(url);
    }
  }

  function send(url, text) {
    try {
      if (typeof text !== 'string' || text.length === 0) return;
      post({ __followback: 'graphql', url: absolute(url), text }, origin);
    } catch (_) {
      // Never let a failure reach the page.
    }
  }

  // --- XMLHttpRequest (what X's web app uses) --------------------------------
  try {
    const XHR = w.XMLHttpRequest;
    const proto = XHR && XHR.prototype;
    const urls = new WeakMap();
    const listening = new WeakSet();

    const onLoad = function () {
      try {
        const url = urls.get(this);
        if (!url) return;
        const type = this.responseType;
        let text = null;
        if (type === '' || type === 'text') text = this.responseText;
        else if (type === 'json' && this.response != null) text = JSON.stringify(this.response);
        if (text) send(url, text);
      } catch (_) {
        // ignore
      }
    };

    if (proto && typeof proto.open === 'function') {
      proto.open = new Proxy(proto.open, {
        apply(target, self, args) {
          try {
            const url = args.length > 1 ? args[1] : undefined;
            if (url != null && isGraphql(url)) {
              urls.set(self, url);
              // Registered at open(), before most pages add their own handlers.
              if (!listening.has(self)) {
                listening.add(self);
                self.addEventListener('load', onLoad);
              }
            } else {
              urls.delete(self);
            }
          } catch (_) {
            // ignore
          }
          return Reflect.apply(target, self, args);
        },
      });
    }
  } catch (_) {
    // XHR left untouched.
  }

  // --- fetch -----------------------------------------------------------------
  try {
    const origFetch = w.fetch;
    if (typeof origFetch === 'function') {
      w.fetch = new Proxy(origFetch, {
        apply(target, self, args) {
          const result = Reflect.apply(target, self, args);
          try {
            const input = args[0];
            const url = input && typeof input === 'object' && 'url' in input ? input.url : input;
            if (url != null && isGraphql(url) && result && typeof result.then === 'function') {
              // Attached before the page's own handlers, so the body is still unread.
              result.then(
                (response) => {
                  try {
                    response
                      .clone()
                      .text()
                      .then(
                        (text) => send(response.url || url, text),
                        () => {},
                      );
                  } catch (_) {
                    // ignore
                  }
                },
                () => {},
              );
            }
          } catch (_) {
            // ignore
          }
          return result;
        },
      });
    }
  } catch (_) {
    // fetch left untouched.
  }
})();
