// @ts-check
// Every fixed interface string, through chrome.i18n (extension/_locales).
//
// English is written in the HTML and as fallbacks here; chrome.i18n replaces
// it with the browser's language when _locales has the key (the content
// script, the service worker and the extension pages all have chrome.i18n, in
// Chromium and Firefox). Only fixed strings go through here: text that comes
// from data is set with textContent by the caller, and messages are never markup.

// The level words live in the level table (levels.js imports `t` from here);
// these re-exports are bindings only, so nothing here runs before levels.js.
export { LEVEL_IDS as LEVELS, levelLabel } from './levels.js';

/** Puts `subs` into `$1`..`$n` of `text` (one pass, so a value holding "$2" stays as it is). */
function fillIn(text, subs) {
  return text.replace(/\$(\d)/g, (m, n) => (Number(n) >= 1 && Number(n) <= subs.length ? subs[Number(n) - 1] : m));
}

/** Looks up a message; returns `fallback` (with $1.. substituted) when the key is missing. */
export function t(key, fallback, substitutions = []) {
  const subs = substitutions.map(String);
  let text = '';
  try {
    text = globalThis.chrome?.i18n?.getMessage(key, subs) ?? '';
  } catch {
    text = '';
  }
  if (text) return text;
  return fillIn(String(fallback ?? ''), subs);
}

/** The browser's interface language ("de", "pt-BR"), or "en" when unknown. */
export function uiLanguage() {
  try {
    return globalThis.chrome?.i18n?.getUILanguage?.() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * The template of a `[data-i18n-slots]` element as written in the HTML: its
 * text with each child element as `$1`, `$2`, ... in order.
 */
function slotTemplate(el) {
  let n = 0;
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 1) text += `$${(n += 1)}`;
    else if (node.nodeType === 3) text += node.textContent;
  }
  return text;
}

/**
 * Translates a sentence with elements inside (a link, a bold word): the message
 * has `$1`.. where the element's children go, in order; the children stay the
 * same nodes (their own `data-i18n` is translated separately), the text around
 * them is replaced. Never markup: the message's text becomes text nodes.
 */
function localizeSlots(el) {
  const doc = el.ownerDocument;
  const children = [...el.children];
  // chrome.i18n drops a `$1` it has no substitution for: give it back `$1` itself.
  const message = t(el.dataset.i18nSlots, slotTemplate(el), children.map((_, i) => `$${i + 1}`));
  const parts = [];
  let last = 0;
  for (const m of message.matchAll(/\$(\d)/g)) {
    const child = children[Number(m[1]) - 1];
    if (!child || m.index === undefined) continue;
    if (m.index > last) parts.push(doc.createTextNode(message.slice(last, m.index)));
    parts.push(child);
    last = m.index + m[0].length;
  }
  if (last < message.length) parts.push(doc.createTextNode(message.slice(last)));
  el.replaceChildren(...parts);
}

/**
 * Replaces the text of every `[data-i18n]` element (and `data-i18n-aria-label`,
 * `data-i18n-title`, `data-i18n-placeholder`, `data-i18n-slots`) under `root`,
 * and sets the document's language to the browser's.
 */
export function localize(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n, el.textContent);
  }
  for (const el of root.querySelectorAll('[data-i18n-slots]')) localizeSlots(el);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel, el.getAttribute('aria-label') ?? ''));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.title = t(el.dataset.i18nTitle, el.title);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder, el.getAttribute('placeholder') ?? ''));
  }
  const html = root.ownerDocument ? root.ownerDocument.documentElement : root.documentElement;
  // The language of the messages shown (chrome.i18n may serve a locale other than getUILanguage()).
  if (html && globalThis.chrome?.i18n) html.lang = t('locale_tag', uiLanguage());
}
