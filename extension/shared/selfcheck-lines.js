// @ts-check
// Self-check lines (issue 13): draws a SelfCheck (the `check` of an
// `fb:self-check` reply, built in Rust by src/selfcheck.rs) into a container.
// Shared by the content script's "How you look" panel, the popup's section and
// the self-check page. textContent only: nothing from X ever becomes markup.
// The check's sentences are the core's messages, rendered in the UI language.

import { renderMessage } from './render-message.js';
import { t } from './i18n.js';
import { levelWords } from './levels.js';

export const STATUS_WORDS = Object.freeze({
  change: t('selfcheck_status_change', 'To change'),
  fine: t('selfcheck_status_fine', 'Fine'),
  needs_data: t('selfcheck_status_needs_data', 'Needs data'),
  cannot_check: t('selfcheck_status_cannot_check', 'Cannot check'),
});

/** Styles for what `renderSelfCheck` and `renderTop` draw (custom properties --fg, --muted, --line, --minus, --plus). */
export const LINES_CSS = `
.sc-title { font-weight: 700; font-size: 15px; margin: 0 0 4px; }
.sc-summary { margin: 2px 0; }
.sc-note { margin: 2px 0 8px; color: var(--muted, #536471); font-size: 12px; }
.sc-section { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted, #536471); margin: 10px 0 2px; }
.sc-lines, .sc-top { list-style: none; margin: 6px 0 0; padding: 0; }
.sc-line { padding: 7px 0; border-top: 1px solid var(--line, #cfd9de); }
.sc-head { display: flex; gap: 8px; align-items: baseline; }
.sc-topic { font-weight: 600; flex: 1; }
.sc-status { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; color: var(--muted, #536471); }
.sc-line[data-status="change"] .sc-status { color: var(--minus, #c4302b); }
.sc-line[data-status="fine"] .sc-status { color: var(--plus, #00845a); }
.sc-text { margin: 2px 0 0; unicode-bidi: plaintext; }
.sc-line[data-status="needs_data"] .sc-text, .sc-line[data-status="cannot_check"] .sc-text { color: var(--muted, #536471); }
.sc-top li { padding: 4px 0; }
`;

function el(doc, tag, className, text) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** "34, skip" for a check. */
export function verdictWords(check) {
  return t('selfcheck_verdict_words', '$1, $2', [Number(check && check.score) || 0, levelWords(check && check.level)]);
}

function lineItem(doc, line, showTopic) {
  const li = el(doc, 'li', 'sc-line');
  li.setAttribute('data-topic', String(line.topic || ''));
  li.setAttribute('data-status', String(line.status || ''));
  if (line.signal) li.setAttribute('data-signal', String(line.signal));
  const head = el(doc, 'div', 'sc-head');
  head.append(el(doc, 'span', 'sc-topic', showTopic ? renderMessage(line.title) || line.topic || '' : ''), el(doc, 'span', 'sc-status', STATUS_WORDS[line.status] || ''));
  li.append(head, el(doc, 'p', 'sc-text', renderMessage(line.text)));
  return li;
}

function list(doc, lines, grouped) {
  const ol = el(doc, 'ol', 'sc-lines');
  let topic = null;
  for (const line of lines) {
    ol.append(lineItem(doc, line, !grouped || line.topic !== topic));
    topic = line.topic;
  }
  return ol;
}

/**
 * Draws the whole self-check into `container` (replacing what it held): what
 * costs you points first, costliest first, then every other reason by topic.
 */
export function renderSelfCheck(doc, container, check) {
  const lines = Array.isArray(check && check.lines) ? check.lines : [];
  const title = el(doc, 'h2', 'sc-title', t('selfcheck_title', 'How you look: $1', [verdictWords(check)]));
  const summary = el(doc, 'p', 'sc-summary', renderMessage(check && check.summary));
  const note = el(
    doc,
    'p',
    'sc-note',
    t('selfcheck_note', "Scored the way other people's Followback would score you (default settings, without what only you can see). Nothing leaves your browser."),
  );
  const changes = lines.filter((l) => l.status === 'change').sort((a, b) => (Number(a.points) || 0) - (Number(b.points) || 0));
  const rest = lines.filter((l) => l.status !== 'change');
  const parts = [title, summary, note];
  if (changes.length > 0) parts.push(el(doc, 'h3', 'sc-section', t('selfcheck_would_change', 'What would change it')), list(doc, changes, false));
  const restHeading = changes.length > 0 ? t('selfcheck_else_checked', 'Everything else checked') : t('selfcheck_all_checked', 'Everything checked');
  parts.push(el(doc, 'h3', 'sc-section', restHeading), list(doc, rest, true));
  container.replaceChildren(...parts);
  return title;
}

/** Draws the top changes (at most two) into `container`; says so when there are none. */
export function renderTop(doc, container, check) {
  const top = Array.isArray(check && check.top) ? check.top : [];
  if (top.length === 0) {
    container.replaceChildren(el(doc, 'p', 'sc-none', t('selfcheck_none', 'Nothing seen so far costs you points.')));
    return;
  }
  const list = el(doc, 'ol', 'sc-top');
  for (const line of top) {
    const li = el(doc, 'li', 'sc-top-line', renderMessage(line.text));
    if (line.signal) li.setAttribute('data-signal', String(line.signal));
    list.append(li);
  }
  container.replaceChildren(list);
}
