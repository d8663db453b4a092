// @ts-check
// The self-check page (issue 13): `selfcheck.html?handle=<your handle>` asks the
// service worker for the self-check (`fb:self-check`) and draws the same lines
// as the panel on your profile. Nothing leaves the browser.

import { LINES_CSS, renderSelfCheck } from '../shared/selfcheck-lines.js';
import { MESSAGES } from '../shared/messages.js';
import { t, localize } from '../shared/i18n.js';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

async function start() {
  // The extension pages' CSP allows no inline <style>: a constructed sheet instead.
  localize(document);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LINES_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const message = document.getElementById('message');
  const box = document.getElementById('check');
  const handle = String(new URLSearchParams(location.search).get('handle') || '').replace(/^@/, '');
  if (!HANDLE.test(handle)) {
    message.textContent = t('selfcheck_page_no_handle', 'Open this page from the Followback popup on x.com, so it knows which account is yours.');
    document.body.dataset.state = 'no-handle';
    return;
  }
  let reply = null;
  try {
    reply = await chrome.runtime.sendMessage({ type: MESSAGES.SELF_CHECK.type, handle });
  } catch (e) {
    reply = { ok: false, error: String((e && e.message) || e) };
  }
  if (!reply || !reply.ok) {
    message.textContent = t('selfcheck_page_error', 'The self-check could not be made: $1.', [String((reply && reply.error) || t('selfcheck_page_no_answer', 'no answer'))]);
    document.body.dataset.state = 'error';
  } else if (!reply.enabled) {
    message.textContent = t('selfcheck_off', 'The self-check is switched off in settings.');
    document.body.dataset.state = 'off';
  } else if (!reply.check) {
    message.textContent = t('selfcheck_page_unknown', 'Nothing is known about @$1 yet: open your profile on x.com, then come back.', [handle]);
    document.body.dataset.state = 'unknown';
  } else {
    message.textContent = '';
    message.hidden = true;
    renderSelfCheck(document, box, reply.check);
    document.body.dataset.state = 'shown';
  }
}

start();
