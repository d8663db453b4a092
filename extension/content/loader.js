// Content script loader (classic script, isolated world, document_start).
// MV3 cannot list ES modules as content scripts, so this loads content/main.js
// with import(). Hook messages that arrive before the module is ready are kept
// (at most a few dozen) and handed over, so no early payload is lost.
(() => {
  'use strict';
  const MAX_EARLY = 64;
  const queue = [];
  const buffer = (event) => {
    try {
      const d = event.data;
      if (event.source === window && event.origin === location.origin && d && d.__followback === 'graphql') {
        if (queue.length < MAX_EARLY) queue.push({ __followback: 'graphql', url: String(d.url), text: String(d.text) });
      }
    } catch (_) {
      // never disturb the page
    }
  };
  const release = () => window.removeEventListener('message', buffer);
  window.addEventListener('message', buffer);
  let url;
  try {
    url = chrome.runtime.getURL('content/main.js');
  } catch (_) {
    release();
    return;
  }
  import(url)
    .then((m) => m.start({ queue, release }))
    .catch((e) => {
      release();
      try {
        console.debug(`Followback: the content script did not start (${String((e && e.message) || e)})`);
      } catch (_) {
        // nothing
      }
    });
})();
