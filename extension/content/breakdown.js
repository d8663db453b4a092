// Breakdown popover: every evidence line of a verdict, anchored to its badge.
// Shadow DOM, textContent only. One popover at a time; closes on Escape,
// a click outside, navigation, or when its badge goes away. Values from X (the
// handle, what was seen) sit in bidi-isolated `.v` spans and every line in its
// own isolated block, so a right-to-left override in them cannot reorder our words.

import { levelWords, badgeOf, setExpanded } from './badge.js';
import { saveOverride } from './overrides.js';

const STYLE = `
:host { all: initial; position: absolute; z-index: 2147483000; top: 0; left: 0; }
.panel { box-sizing: border-box; width: 360px; max-width: calc(100vw - 16px); max-height: 70vh; overflow: auto; overflow-wrap: anywhere;
  padding: 12px 14px; border-radius: 12px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); box-shadow: 0 8px 28px rgba(0,0,0,.25);
  font: 400 13px/1.35 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  --bg: #fff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --plus: #00845a; --minus: #c4302b; }
:host([data-theme="dim"]) .panel { --bg: #15202b; --fg: #f7f9f9; --muted: #8b98a5; --line: #38444d; --plus: #00ba7c; --minus: #f4212e; }
:host([data-theme="dark"]) .panel { --bg: #000; --fg: #e7e9ea; --muted: #71767b; --line: #2f3336; --plus: #00ba7c; --minus: #f4212e; }
.head { display: flex; align-items: baseline; gap: 8px; margin: 0 0 2px; }
.title { font-weight: 700; font-size: 15px; margin: 0; flex: 1; }
.close { all: unset; cursor: pointer; color: var(--muted); font-size: 18px; line-height: 1; padding: 0 4px; border-radius: 4px; }
.close:focus-visible { outline: 2px solid #1d9bf0; }
.summary, .confidence { margin: 2px 0; color: var(--muted); }
ol { list-style: none; margin: 10px 0 0; padding: 0; }
li { padding: 7px 0; border-top: 1px solid var(--line); display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; }
.label { font-weight: 600; }
.points { font-weight: 700; font-variant-numeric: tabular-nums; text-align: right; }
.points.plus { color: var(--plus); } .points.minus { color: var(--minus); } .points.zero { color: var(--muted); }
.seen, .threshold, .reason { grid-column: 1 / -1; }
.seen.unseen { color: var(--muted); font-style: italic; }
.threshold { color: var(--muted); }
.k { color: var(--muted); }
.v { unicode-bidi: isolate; }
.reason { unicode-bidi: isolate; }
.override { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 8px 0 0; }
.override .note { flex-basis: 100%; color: var(--fg); font-weight: 600; }
.override button { all: unset; cursor: pointer; padding: 3px 10px; border-radius: 12px; border: 1px solid var(--line);
  color: var(--fg); font-size: 12px; font-weight: 600; }
.override button[aria-pressed="true"] { background: var(--fg); color: var(--bg); }
.override button:focus-visible { outline: 2px solid #1d9bf0; }
`;

let current = null; // { host, popover, onDoc... }

function el(doc, tag, className, text) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** A value from the data, isolated from the text around it (like <bdi>). */
function value(doc, text) {
  const v = el(doc, 'span', 'v', String(text));
  v.dir = 'auto';
  return v;
}

function pointsText(points) {
  const n = Number(points) || 0;
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${Math.abs(n)}`;
  return '0';
}

function line(doc, ev) {
  const li = el(doc, 'li', 'evidence');
  li.setAttribute('data-signal', String(ev.signal || ''));
  const points = Number(ev.points) || 0;
  li.append(
    el(doc, 'span', 'label', ev.label || ev.signal || ''),
    el(doc, 'span', `points ${points > 0 ? 'plus' : points < 0 ? 'minus' : 'zero'}`, pointsText(points)),
  );
  const seen = el(doc, 'span', ev.seen == null ? 'seen unseen' : 'seen');
  seen.append(el(doc, 'span', 'k', 'Seen: '), ev.seen == null ? doc.createTextNode('not seen yet') : value(doc, ev.seen));
  const threshold = el(doc, 'span', 'threshold');
  threshold.append(el(doc, 'span', 'k', 'Threshold: '), value(doc, ev.threshold ?? ''));
  li.append(seen, threshold, el(doc, 'span', 'reason', ev.reason || ''));
  return li;
}

/** "Always follow back" / "Never" (and "Clear") for this account; stored by overrides.js. */
function overrideControls(doc, verdict) {
  const box = el(doc, 'div', 'override');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Your choice for this account');
  if (verdict.override) {
    const chosen = verdict.override === 'always' ? 'always follow back' : 'never follow back';
    box.append(el(doc, 'span', 'note', `Your choice: ${chosen} (computed: ${verdict.score}, ${levelWords(verdict.computedLevel)})`));
  }
  const choices = [
    ['always', 'Always follow back'],
    ['never', 'Never'],
  ];
  for (const [mode, text] of choices) {
    const b = el(doc, 'button', `choose-${mode}`, text);
    b.type = 'button';
    b.setAttribute('data-override', mode);
    b.setAttribute('aria-pressed', verdict.override === mode ? 'true' : 'false');
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      if (!e.isTrusted) return; // only the user's own clicks, not a page script's
      saveOverride(verdict.handle, verdict.override === mode ? null : mode).catch(() => {});
    });
    box.append(b);
  }
  if (verdict.override) {
    const clear = el(doc, 'button', 'choose-clear', 'Clear');
    clear.type = 'button';
    clear.setAttribute('data-override', 'clear');
    clear.addEventListener('click', (e) => {
      e.stopPropagation();
      if (!e.isTrusted) return;
      saveOverride(verdict.handle, null).catch(() => {});
    });
    box.append(clear);
  }
  return box;
}

function fill(panel, verdict) {
  const doc = panel.ownerDocument;
  panel.replaceChildren();
  const head = el(doc, 'div', 'head');
  const title = el(doc, 'h2', 'title');
  title.append(value(doc, `@${verdict.handle}`), doc.createTextNode(`: ${verdict.score} \u2014 ${levelWords(verdict.level)}`));
  title.id = 'fb-title';
  const close = el(doc, 'button', 'close', '\u00d7');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close breakdown');
  close.addEventListener('click', (e) => {
    e.stopPropagation();
    closeBreakdown(true);
  });
  head.append(title, close);
  const conf = verdict.confidence || {};
  const pct = Number.isFinite(Number(conf.value)) ? Math.round(Number(conf.value) * 100) : null;
  const evidence = Array.isArray(verdict.evidence) ? verdict.evidence : [];
  const sum = evidence.reduce((a, ev) => a + (Number(ev.points) || 0), 0);
  panel.append(
    head,
    el(doc, 'p', 'confidence', `Confidence: ${conf.label || 'low'}${pct === null ? '' : ` (${pct}% of signal weight seen)`}`),
    el(doc, 'p', 'summary', `Starts at ${verdict.base}; signals add ${pointsText(sum)}.`),
  );
  panel.append(overrideControls(doc, verdict));
  const list = el(doc, 'ol', 'lines');
  for (const ev of evidence) list.append(line(doc, ev));
  panel.append(list);
  return close;
}

function place(popover, host) {
  const r = host.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  let left = r.left + window.scrollX;
  left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + window.innerWidth - width - 8));
  popover.style.setProperty('left', `${left}px`, 'important');
  popover.style.setProperty('top', `${r.bottom + window.scrollY + 6}px`, 'important');
}

/** True when the breakdown of `host` is open. */
export function isOpenFor(host) {
  return Boolean(current && current.host === host);
}

/** The host whose breakdown is open, or null. */
export function openHost() {
  return current ? current.host : null;
}

/** Closes the open breakdown; `refocus` returns focus to its badge. */
export function closeBreakdown(refocus = false) {
  if (!current) return;
  const { host, popover, listeners } = current;
  current = null;
  for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, true);
  popover.remove();
  setExpanded(host, false);
  if (refocus && host.isConnected) {
    const b = badgeOf(host);
    if (b) b.focus();
  }
}

/** Opens (or toggles closed) the breakdown for `host` showing `verdict`. */
export function toggleBreakdown(host, verdict, theme, viaKeyboard) {
  if (isOpenFor(host)) {
    closeBreakdown(viaKeyboard);
    return;
  }
  closeBreakdown(false);
  const doc = host.ownerDocument;
  const popover = doc.createElement('div');
  popover.className = 'followback-breakdown-host';
  popover.setAttribute('data-followback-handle', String(verdict.handle || host.getAttribute('data-followback-handle') || ''));
  popover.setAttribute('data-theme', theme);
  const shadow = popover.attachShadow({ mode: 'open' });
  const style = el(doc, 'style', null, STYLE);
  const panel = el(doc, 'div', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'fb-title');
  shadow.append(style, panel);
  const close = fill(panel, verdict);
  // Keep the page from seeing clicks inside the popover (X's row navigation).
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) {
    popover.addEventListener(type, (e) => e.stopPropagation());
  }
  (doc.body || doc.documentElement).appendChild(popover);
  place(popover, host);

  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      closeBreakdown(true);
    }
  };
  const onPointer = (e) => {
    const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
    if (path.includes(popover) || path.includes(host)) return;
    closeBreakdown(false);
  };
  const onResize = () => {
    if (current && current.host.isConnected) place(current.popover, current.host);
  };
  const listeners = [
    [doc, 'keydown', onKey],
    [doc, 'pointerdown', onPointer],
    [window, 'resize', onResize],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, true);
  current = { host, popover, panel, listeners };
  setExpanded(host, true);
  if (viaKeyboard) close.focus();
}

/** Redraws the open breakdown when its account's verdict changed. */
export function updateBreakdown(host, verdict, theme) {
  if (!current || current.host !== host) return;
  current.popover.setAttribute('data-theme', theme);
  const hadFocus = current.popover.shadowRoot && current.popover.shadowRoot.activeElement;
  const close = fill(current.panel, verdict);
  if (hadFocus) close.focus();
  place(current.popover, host);
}
