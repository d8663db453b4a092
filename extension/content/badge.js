// Badge renderer: one Shadow DOM host per account shown, keyed by handle.
// Everything is drawn with textContent; nothing from X ever becomes markup.

export const HOST_CLASS = 'followback-badge-host';

const LEVEL_WORDS = Object.freeze({
  follow_back: 'follow back',
  maybe: 'maybe',
  skip: 'skip',
  not_enough_data: 'not enough data',
});

const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; vertical-align: middle;
  margin: 0 4px; line-height: 1; direction: ltr; }
.badge { box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  min-width: 26px; height: 18px; padding: 0 6px; border-radius: 9px; border: 1.5px solid transparent;
  font: 700 11px/1 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-variant-numeric: tabular-nums; cursor: pointer; user-select: none; white-space: nowrap;
  color: #fff; background: var(--c); border-color: var(--c); }
.badge:focus { outline: none; }
.badge:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
.badge[data-level="follow_back"] { --c: #00845a; }
.badge[data-level="maybe"] { --c: #a66100; }
.badge[data-level="skip"] { --c: #c4302b; }
.badge[data-level="not_enough_data"] { --c: #6e767d; }
/* Not enough data and low confidence: hollow and dashed, so they never look certain. */
.badge[data-level="not_enough_data"], .badge[data-confidence="low"] {
  background: transparent; border-style: dashed; color: var(--c); }
:host([data-theme="dim"]) .badge[data-level="follow_back"],
:host([data-theme="dark"]) .badge[data-level="follow_back"] { --c: #00ba7c; }
:host([data-theme="dim"]) .badge[data-level="maybe"],
:host([data-theme="dark"]) .badge[data-level="maybe"] { --c: #e0a100; }
:host([data-theme="dim"]) .badge[data-level="skip"],
:host([data-theme="dark"]) .badge[data-level="skip"] { --c: #f4212e; }
:host([data-theme="dim"]) .badge[data-level="not_enough_data"],
:host([data-theme="dark"]) .badge[data-level="not_enough_data"] { --c: #8b98a5; }
.pin { display: none; width: 6px; height: 6px; margin-right: 3px; border-radius: 50%;
  background: currentColor; box-shadow: 0 0 0 1.5px rgba(255,255,255,.8); }
.badge[data-override] .pin { display: inline-block; }
:host([data-theme="dim"]) .badge:not([data-confidence="low"]):not([data-level="not_enough_data"]),
:host([data-theme="dark"]) .badge:not([data-confidence="low"]):not([data-level="not_enough_data"]) { color: #0f1419; }
`;

const parts = new WeakMap();

/** Words for a level ("follow back"). */
export function levelWords(level) {
  return LEVEL_WORDS[level] || 'not enough data';
}

/** The badge's accessible name. */
export function ariaLabel(verdict) {
  const conf = verdict.confidence && verdict.confidence.label ? verdict.confidence.label : 'low';
  const pinned = verdict.override ? `, ${verdict.override === 'always' ? 'always follow back' : 'never follow back'} (your choice)` : '';
  return `Followback: ${verdict.score}, ${levelWords(verdict.level)}, ${conf} confidence${pinned}. Open breakdown`;
}

/**
 * A new host for `handle`. `onActivate(host, viaKeyboard)` runs on click,
 * Enter or Space; those events never reach X's row handlers.
 */
export function createHost(doc, handle, onActivate) {
  const host = doc.createElement('span');
  host.className = HOST_CLASS;
  host.setAttribute('data-followback-handle', handle);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const badge = doc.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('role', 'button');
  badge.setAttribute('tabindex', '0');
  badge.setAttribute('aria-haspopup', 'dialog');
  badge.setAttribute('aria-expanded', 'false');
  shadow.append(style, badge);

  const swallow = (e) => {
    e.stopPropagation();
  };
  badge.addEventListener('click', (e) => {
    e.stopPropagation();
    e.preventDefault();
    onActivate(host, false);
  });
  badge.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      e.stopPropagation();
      e.preventDefault();
      onActivate(host, true);
    }
  });
  for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keyup', 'auxclick', 'dblclick']) {
    badge.addEventListener(type, swallow);
  }
  parts.set(host, { badge, verdict: null });
  return host;
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

/** Draws `verdict` into `host`. */
export function renderBadge(host, verdict, theme) {
  const p = parts.get(host);
  if (!p) return;
  p.verdict = verdict;
  const level = LEVEL_WORDS[verdict.level] ? verdict.level : 'not_enough_data';
  const conf = verdict.confidence && verdict.confidence.label ? String(verdict.confidence.label) : 'low';
  host.setAttribute('data-followback-score', String(verdict.score));
  host.setAttribute('data-followback-level', level);
  if (host.getAttribute('data-theme') !== theme) host.setAttribute('data-theme', theme);
  p.badge.setAttribute('data-level', level);
  p.badge.setAttribute('data-confidence', conf);
  p.badge.setAttribute('aria-label', ariaLabel({ ...verdict, level }));
  p.badge.title = `Followback ${verdict.score}: ${levelWords(level)} (${conf} confidence)`;
  const pin = host.ownerDocument.createElement('span');
  pin.className = 'pin';
  pin.setAttribute('aria-hidden', 'true');
  p.badge.replaceChildren(pin, level === 'not_enough_data' ? '?' : String(verdict.score));
  // An override (overrides.js) forces the level; the pin marks it.
  if (verdict.override) {
    p.badge.setAttribute('data-override', String(verdict.override));
    host.setAttribute('data-followback-override', String(verdict.override));
    p.badge.title += ` \u2014 pinned by you: ${verdict.override === 'always' ? 'always follow back' : 'never'}`;
  } else {
    p.badge.removeAttribute('data-override');
    host.removeAttribute('data-followback-override');
  }
}

/** Marks a host's badge as expanded or not (for assistive tech). */
export function setExpanded(host, expanded) {
  const b = badgeOf(host);
  if (b) b.setAttribute('aria-expanded', expanded ? 'true' : 'false');
}
