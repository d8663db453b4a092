// @ts-check
// Badge renderer: one Shadow DOM host per account shown, keyed by handle.
// Everything is drawn with textContent; nothing from X ever becomes markup.

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

export { levelWords };

/** The badge's accessible name: the same words and number the badge shows. */
export function ariaLabel(verdict) {
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
  host.lang = t('locale_tag', 'en'); // our words, in the extension's language (X's page may be in another)
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const button = doc.createElement('span');
  button.className = buttonClass;
  button.setAttribute('role', 'button');
  button.setAttribute('tabindex', '0');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  shadow.append(style, button);
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
    pill.append(glyphSvg(doc, 'pin', 'glyph pin'), glyphSvg(doc, entry.glyph));
    p.badge.title = t('badge_override', 'Followback: $1 (your choice)', [OVERRIDE_WORDS[verdict.override] || entry.words]);
  } else {
    p.badge.removeAttribute('data-override');
    host.removeAttribute('data-followback-override');
    if (level === 'not_enough_data') {
      const q = doc.createElement('span');
      q.className = 'q';
      q.textContent = '?';
      pill.append(q);
      p.badge.title = t('badge_not_enough_data', 'Followback: not enough data');
    } else {
      pill.append(glyphSvg(doc, entry.glyph), String(verdict.score));
      p.badge.title = conf === 'low'
        ? t('badge_title_low', 'Followback $1: $2 (not sure yet)', [verdict.score, entry.words])
        : t('badge_label', 'Followback $1: $2', [verdict.score, entry.words]);
    }
  }
  p.badge.replaceChildren(pill);
}

/** Marks a host's badge as expanded or not (for assistive tech). */
export function setExpanded(host, expanded) {
  const b = badgeOf(host);
  if (b) b.setAttribute('aria-expanded', expanded ? 'true' : 'false');
}
