// @ts-check
// Badge renderer: one Shadow DOM host per account shown, keyed by handle.
// Everything is drawn with textContent; nothing from X ever becomes markup.
// Every shadow root adopts one constructable stylesheet per style text and
// document (no <style> parsed per badge); where adoptedStyleSheets is missing
// or refused, each root falls back to its own <style>. The fixed words a badge
// says (its language tag, accessible name and title) are looked up once per
// look, not once per badge.

import { LEVELS, levelOf, levelWords, glyphSvg, OVERRIDE_WORDS } from '../shared/levels.js';
import { t } from '../shared/i18n.js';

export const HOST_CLASS = 'followback-badge-host';

/** Light-theme and dark-theme colours from the level table. */
const COLOURS = LEVELS.map((l) => `.badge[data-level="${l.id}"] { --c: ${l.light}; }
:host([data-theme="dim"]) .badge[data-level="${l.id}"], :host([data-theme="dark"]) .badge[data-level="${l.id}"] { --c: ${l.dark}; }`).join('\n');

// Sizes in rem follow X's font-size setting (X sets it on <html>); the click
// target is at least 24 x 24 CSS px (WCAG 2.2 target size), the pill inside it smaller.
const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; vertical-align: middle;
  margin: 0 2px; line-height: 1; direction: ltr; }
.badge { box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  min-width: 24px; min-height: 24px; padding: 0 1px; cursor: pointer; user-select: none; border-radius: 999px;
  font: 700 max(11px, 0.75rem)/1 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-variant-numeric: tabular-nums; white-space: nowrap; background: transparent; }
.pill { box-sizing: border-box; display: inline-flex; align-items: center; gap: 2px; justify-content: center;
  min-width: max(20px, 1.35rem); height: max(18px, 1.25rem); padding: 0 max(5px, 0.3rem); border-radius: 999px;
  border: 1.5px solid var(--c); background: var(--c); color: #fff; }
.glyph { width: max(11px, 0.8rem); height: max(11px, 0.8rem); flex: none; }
.badge:focus { outline: none; }
.badge:focus-visible { outline: 2px solid #1d6fb8; outline-offset: 1px; }
${COLOURS}
/* Not enough data and low confidence: hollow and dashed, so they never look certain. */
.badge[data-level="not_enough_data"] .pill, .badge[data-confidence="low"] .pill {
  background: transparent; border-style: dashed; color: var(--c); }
:host([data-theme="dim"]) .badge:not([data-confidence="low"]):not([data-level="not_enough_data"]) .pill,
:host([data-theme="dark"]) .badge:not([data-confidence="low"]):not([data-level="not_enough_data"]) .pill { color: #0f1419; }
/* An override: a pin and the level it sets, drawn as an outlined tag. */
.badge[data-override] .pill { background: transparent; border-style: solid; color: var(--c); }
.q { font-size: max(12px, 0.85rem); }
@media (forced-colors: active) {
  .pill { border-color: CanvasText; color: CanvasText; background: Canvas; forced-color-adjust: none; }
}
`;

const parts = new WeakMap();

/** document -> (css text -> CSSStyleSheet | null): one shared sheet per style, null where sheets cannot be adopted. */
const sheets = new WeakMap();

/** The shared sheet holding `css` for `doc`, or null when constructable sheets are unavailable there. */
function sharedSheet(doc, css) {
  let byCss = sheets.get(doc);
  if (!byCss) {
    byCss = new Map();
    sheets.set(doc, byCss);
  }
  if (byCss.has(css)) return byCss.get(css);
  let sheet = null;
  try {
    const view = doc.defaultView;
    const Sheet = view && view.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in view.ShadowRoot.prototype && typeof Sheet.prototype.replaceSync === 'function') {
      sheet = new Sheet();
      sheet.replaceSync(css);
    }
  } catch (_) {
    sheet = null;
  }
  byCss.set(css, sheet);
  return sheet;
}

/**
 * Styles `shadow` with `css`: adopts the shared sheet, or appends a <style> of
 * its own when adopting is not possible (older browsers, a sheet the engine
 * refuses). Returns true when the shared sheet was adopted.
 * @param {Document} doc
 * @param {ShadowRoot} shadow
 * @param {string} css
 */
export function styleShadow(doc, shadow, css) {
  const sheet = sharedSheet(doc, css);
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return true;
    } catch (_) {
      // fall back to a <style> of its own
    }
    // Refused once: every later root takes the fallback straight away.
    const byCss = sheets.get(doc);
    if (byCss) byCss.set(css, null);
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
  return false;
}

/** Memoised fixed words: the same look always says the same words (the locale does not change under a page). */
const words = new Map();
const WORDS_MAX = 4096;

/** `compute()` once per `key` (bounded: the table starts over when full). */
function once(key, compute) {
  let v = words.get(key);
  if (v === undefined) {
    if (words.size >= WORDS_MAX) words.clear();
    v = compute();
    words.set(key, v);
  }
  return v;
}

/** document -> (glyph|class -> svg template): a badge's glyph is a clone, not built anew. */
const glyphs = new WeakMap();

function glyph(doc, name, className = 'glyph') {
  let byName = glyphs.get(doc);
  if (!byName) {
    byName = new Map();
    glyphs.set(doc, byName);
  }
  const k = `${name}|${className}`;
  let svg = byName.get(k);
  if (!svg) {
    svg = glyphSvg(doc, name, className);
    byName.set(k, svg);
  }
  return /** @type {Element} */ (svg.cloneNode(true));
}

/** The language of our words (X's page may be in another). */
const localeTag = () => once('locale_tag', () => t('locale_tag', 'en'));

export { levelWords };

/** The badge's accessible name: the same words and number the badge shows. */
export function ariaLabel(verdict) {
  const label = verdict.confidence && verdict.confidence.label;
  return once(`aria|${verdict.override || ''}|${verdict.level}|${label}|${verdict.score}`, () => ariaWords(verdict));
}

function ariaWords(verdict) {
  const level = levelOf(verdict.level);
  if (verdict.override) return t('badge_override', 'Followback: $1 (your choice)', [OVERRIDE_WORDS[verdict.override] || level.words]);
  if (level.id === 'not_enough_data') return t('badge_not_enough_data', 'Followback: not enough data');
  if (verdict.confidence && verdict.confidence.label === 'low') {
    return t('badge_label_low', 'Followback $1: $2, not sure yet', [verdict.score, level.words]);
  }
  return t('badge_label', 'Followback $1: $2', [verdict.score, level.words]);
}

/**
 * A new host for `handle`. `onActivate(host, viaKeyboard)` runs on click,
 * Enter or Space; those events never reach X's row handlers.
 */
export function createHost(doc, handle, onActivate) {
  const { host, button: badge } = buttonHost(doc, { hostClass: HOST_CLASS, buttonClass: 'badge', handle, css: STYLE, onActivate });
  parts.set(host, { badge, verdict: null });
  return host;
}

/**
 * A Shadow DOM host holding one keyboard-reachable button (the badge, the
 * self-check chip): `onActivate(host, viaKeyboard)` on click, Enter or Space;
 * every other pointer and key event stops at the button so X's row underneath
 * never sees it (no navigation, no hover card). Returns { host, button }.
 * @param {Document} doc
 * @param {{ hostClass: string, buttonClass: string, handle: string, css: string, onActivate: (host: HTMLElement, viaKeyboard: boolean) => void }} spec
 */
export function buttonHost(doc, { hostClass, buttonClass, handle, css, onActivate }) {
  const host = doc.createElement('span');
  host.className = hostClass;
  host.setAttribute('data-followback-handle', handle);
  host.lang = localeTag(); // our words, in the extension's language (X's page may be in another)
  const shadow = host.attachShadow({ mode: 'open' });
  const button = doc.createElement('span');
  button.className = buttonClass;
  button.setAttribute('role', 'button');
  button.setAttribute('tabindex', '0');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  shadow.append(button);
  styleShadow(doc, shadow, css);
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    e.preventDefault();
    onActivate(host, false);
  });
  button.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      e.stopPropagation();
      e.preventDefault();
      onActivate(host, true);
    }
  });
  for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keyup', 'auxclick', 'dblclick']) {
    button.addEventListener(type, (e) => e.stopPropagation());
  }
  return { host, button };
}

/** The verdict a host shows, or null. */
export function verdictOf(host) {
  const p = parts.get(host);
  return p ? p.verdict : null;
}

/** The inner badge element (focus target). */
export function badgeOf(host) {
  const p = parts.get(host);
  return p ? p.badge : null;
}

/** True when `a` and `b` draw the same badge (score, level, confidence, override): no redraw needed. */
export function sameLook(a, b) {
  if (!a || !b) return false;
  const label = (v) => (v.confidence && v.confidence.label ? String(v.confidence.label) : 'low');
  return a.score === b.score && a.level === b.level && label(a) === label(b) && (a.override || null) === (b.override || null);
}

/** Makes `host` hold `verdict` without redrawing it (it looks the same as the one it shows: sameLook). */
export function keepVerdict(host, verdict) {
  const p = parts.get(host);
  if (p) p.verdict = verdict;
}

/** Draws `verdict` into `host`: glyph and score, "?" for not enough data, a pin and glyph for an override. */
export function renderBadge(host, verdict, theme) {
  const p = parts.get(host);
  if (!p) return;
  p.verdict = verdict;
  const entry = levelOf(verdict.level);
  const level = entry.id;
  const conf = verdict.confidence && verdict.confidence.label ? String(verdict.confidence.label) : 'low';
  const doc = host.ownerDocument;
  host.setAttribute('data-followback-score', String(verdict.score));
  host.setAttribute('data-followback-level', level);
  if (host.getAttribute('data-theme') !== theme) host.setAttribute('data-theme', theme);
  p.badge.setAttribute('data-level', level);
  p.badge.setAttribute('data-confidence', conf);
  p.badge.setAttribute('aria-label', ariaLabel({ ...verdict, level }));
  const pill = doc.createElement('span');
  pill.className = 'pill';
  // An override (overrides.js) sets the level: a pin and that level's glyph, no score.
  if (verdict.override) {
    p.badge.setAttribute('data-override', String(verdict.override));
    host.setAttribute('data-followback-override', String(verdict.override));
    pill.append(glyph(doc, 'pin', 'glyph pin'), glyph(doc, entry.glyph));
    p.badge.title = once(`title|override|${verdict.override}|${level}`, () => t('badge_override', 'Followback: $1 (your choice)', [OVERRIDE_WORDS[verdict.override] || entry.words]));
  } else {
    p.badge.removeAttribute('data-override');
    host.removeAttribute('data-followback-override');
    if (level === 'not_enough_data') {
      const q = doc.createElement('span');
      q.className = 'q';
      q.textContent = '?';
      pill.append(q);
      p.badge.title = once('title|not_enough_data', () => t('badge_not_enough_data', 'Followback: not enough data'));
    } else {
      pill.append(glyph(doc, entry.glyph), String(verdict.score));
      p.badge.title = once(`title|${conf === 'low' ? 'low' : 'sure'}|${level}|${verdict.score}`, () =>
        conf === 'low'
          ? t('badge_title_low', 'Followback $1: $2 (not sure yet)', [verdict.score, entry.words])
          : t('badge_label', 'Followback $1: $2', [verdict.score, entry.words]));
    }
  }
  p.badge.replaceChildren(pill);
}

/** Marks a host's badge as expanded or not (for assistive tech). */
export function setExpanded(host, expanded) {
  const b = badgeOf(host);
  if (b) b.setAttribute('aria-expanded', expanded ? 'true' : 'false');
}
