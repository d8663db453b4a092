// @ts-check
// The self-check page (issue 13): `selfcheck.html?handle=<your handle>` asks the
// service worker for the self-check (`fb:self-check`) and draws the same lines
// as the panel on your profile. Nothing leaves the browser.

import { LINES_CSS, renderSelfCheck } from '../shared/selfcheck-lines.js';
import { MESSAGES } from '../shared/messages.js';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

async function start() {
  // The extension pages' CSP allows no inline <style>: a constructed sheet instead.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LINES_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const message = document.getElementById('message');
  const box = document.getElementById('check');
  const handle = String(new URLSearchParams(location.search).get('handle') || '').replace(/^@/, '');
  if (!HANDLE.test(handle)) {
    message.textContent = 'Open this page from the Followback popup on x.com, so it knows which account is yours.';
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
    message.textContent = `The self-check could not be made: ${String((reply && reply.error) || 'no answer')}.`;
    document.body.dataset.state = 'error';
  } else if (!reply.enabled) {
    message.textContent = 'The self-check is switched off in settings.';
    document.body.dataset.state = 'off';
  } else if (!reply.check) {
    message.textContent = `Nothing is known about @${handle} yet: open your profile on x.com, then come back.`;
    document.body.dataset.state = 'unknown';
  } else {
    message.textContent = '';
    message.hidden = true;
    renderSelfCheck(document, box, reply.check);
    document.body.dataset.state = 'shown';
  }
}

start();
