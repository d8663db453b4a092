// @ts-check
// Welcome page (first run): opens the options page through the browser's own
// options API (so it opens in the right place), falling back to the link.
// No network, no data: everything on the page is fixed text.

import { localize } from '../shared/i18n.js';

localize(document);

const link = /** @type {HTMLAnchorElement} */ (document.getElementById('open-options'));
link.addEventListener('click', (event) => {
  if (!globalThis.chrome?.runtime?.openOptionsPage) return;
  event.preventDefault();
  chrome.runtime.openOptionsPage().catch(() => {
    window.location.href = link.href;
  });
});
document.body.dataset.ready = 'true';
