// @ts-check
// The popup's self-check section (issue 13), kept in its own file: on an x.com
// tab, your own score as other people's Followback would see it and the top two
// things to change, with a way to the full self-check (the panel on your
// profile, or the extension's self-check page). It builds its own section, so
// popup.html only includes this script. textContent only.

import { LINES_CSS, renderTop, verdictWords } from '../shared/selfcheck-lines.js';
import { targetTabId } from './target-tab.js';
import { MESSAGES } from '../shared/messages.js';
import { t } from '../shared/i18n.js';

const RETRY_MS = 1500;

/** Asks the tab's content script for the viewer's self-check; null when no content script answers. */
async function ask(id) {
  if (id === null) return null;
  try {
    const r = await chrome.tabs.sendMessage(id, { type: MESSAGES.SELF_CHECK_PAGE.type });
    return r && typeof r === 'object' ? r : null;
  } catch {
    return null;
  }
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function build() {
  const style = el('style', null, `${LINES_CSS}
#selfcheck .sc-you { font-weight: 700; margin: .2rem 0; }
#selfcheck .sc-top { padding-left: 1.1rem; list-style: decimal; }
#selfcheck .sc-top li { font-size: .85rem; }
#selfcheck button { margin-top: .4rem; }`);
  const section = el('section');
  section.id = 'selfcheck';
  section.hidden = true;
  section.setAttribute('aria-live', 'polite');
  section.setAttribute('aria-labelledby', 'selfcheck-heading');
  const heading = el('h2', null, t('selfcheck_chip', 'How you look'));
  heading.id = 'selfcheck-heading';
  const you = el('p', 'sc-you');
  const top = el('div', 'sc-top-box');
  const message = el('p', 'message');
  const open = el('button', null, t('popup_selfcheck_open', 'See the full self-check'));
  open.type = 'button';
  open.id = 'open-selfcheck';
  open.hidden = true;
  section.append(heading, you, message, top, open);
  const main = document.querySelector('main') || document.body;
  main.append(section);
  // The extension pages' CSP allows no inline <style>: a constructed sheet instead.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(style.textContent || '');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return { section, you, top, message, open };
}

async function start() {
  const ui = build();
  let id = null;
  try {
    id = await targetTabId();
  } catch {
    id = null;
  }
  let viewer = null;
  ui.open.addEventListener('click', async () => {
    // On your own profile the panel opens there; elsewhere the self-check page.
    let shown = null;
    try {
      shown = id === null ? null : await chrome.tabs.sendMessage(id, { type: MESSAGES.SELF_CHECK_OPEN.type });
    } catch {
      shown = null;
    }
    if (!shown || !shown.ok) {
      const query = viewer ? `?handle=${encodeURIComponent(viewer)}` : '';
      await chrome.tabs.create({ url: chrome.runtime.getURL(`selfcheck/selfcheck.html${query}`) });
    }
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });

  /**
   * No score to show: says why (`state` on the body for tests) and returns
   * `done` (true: nothing will change by asking again).
   */
  const notShown = (message, state, done) => {
    ui.you.textContent = '';
    ui.top.replaceChildren();
    ui.open.hidden = true;
    ui.message.textContent = message;
    document.body.dataset.selfcheck = state;
    return done;
  };

  const refresh = async () => {
    const r = await ask(id);
    if (!r || !r.ok) {
      ui.section.hidden = true; // not an x.com tab: the stats section says so
      document.body.dataset.selfcheck = 'none';
      return false;
    }
    ui.section.hidden = false;
    viewer = r.viewer;
    if (!r.viewer) {
      return notShown(t('popup_selfcheck_no_viewer', "X's side bar is not shown, so Followback cannot tell which account is yours."), 'no-viewer', false);
    }
    if (!r.enabled) return notShown(t('selfcheck_off', 'The self-check is switched off in settings.'), 'off', true);
    if (!r.check) {
      return notShown(t('popup_selfcheck_unknown', 'Open your profile (@$1) so Followback can check how you look.', [r.viewer]), 'unknown', false);
    }
    ui.you.textContent = t('popup_selfcheck_you', '@$1: $2', [r.viewer, verdictWords(r.check)]);
    ui.message.textContent = r.check.changes > 0 ? t('popup_selfcheck_top', 'Top things to change:') : '';
    renderTop(document, ui.top, r.check);
    ui.open.hidden = false;
    document.body.dataset.selfcheck = 'shown';
    return true;
  };
  const loop = async () => {
    const done = await refresh().catch(() => false);
    if (!done) setTimeout(loop, RETRY_MS);
  };
  loop();
}

start();
