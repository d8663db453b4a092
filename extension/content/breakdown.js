// @ts-check
// Breakdown dialog of one verdict, summary first: the level and one sentence
// why, how much was seen (in words), the few lines that moved the score most
// (against, then for), your choice for the account; then one disclosure with
// every fact (seen value and source, threshold, points, reason) and how many
// were not seen yet, and one with the legend.
//
// Shadow DOM, textContent only. One dialog at a time. It opens where it fits
// (below or above its badge, or as a sheet along the bottom of a narrow
// window), stays inside the viewport, keeps focus inside while open (Tab
// cycles; Escape closes and returns focus to the badge), is owned by its badge
// in the accessibility tree (aria-owns), and stays open on its own when X
// removes the badge (a hover card closing). It closes on Escape, the close
// button, a click outside or navigation. Values from X sit in bidi-isolated
// `.v` spans and every line in its own isolated block, so a right-to-left
// override in them cannot reorder our words.

import { badgeOf, setExpanded } from './badge.js';
import { saveOverride } from '../shared/overrides.js';
import { SEL } from './selectors.js';
import { LEVELS, levelOf, levelWords, glyphSvg, renderLegend, OVERRIDE_WORDS, confidenceWords } from '../shared/levels.js';
import { t } from '../shared/i18n.js';
import { renderMessage, renderSeen, defaultGetMessage } from '../shared/render-message.js';

/** Narrower windows than this get a bottom sheet. */
const SHEET_BELOW_PX = 520;
/** Gap between badge and dialog, and between dialog and the window's edges. */
const GAP = 6;
const EDGE = 8;
const WIDTH = 380;
/** How many lines the first view shows at most when the verdict has no summary. */
const TOP_LINES = 4;

const colourRules = (dark) => LEVELS.map((l) => `--lv-${l.id}: ${dark ? l.dark : l.light};`).join(' ');

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483000; top: 0; left: 0; }
.panel { box-sizing: border-box; width: ${WIDTH}px; max-width: calc(100vw - ${2 * EDGE}px); overflow: auto; overflow-wrap: anywhere;
  padding: 12px 14px 10px; border-radius: 12px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); box-shadow: 0 8px 28px rgba(0,0,0,.25);
  font: 400 max(13px, 0.875rem)/1.35 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  --bg: #fff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --focus: #1d6fb8; ${colourRules(false)} }
:host([data-theme="dim"]) .panel { --bg: #15202b; --fg: #f7f9f9; --muted: #a0acb6; --line: #38444d; --focus: #8ecdf8; ${colourRules(true)} }
:host([data-theme="dark"]) .panel { --bg: #000; --fg: #e7e9ea; --muted: #a0a6ab; --line: #2f3336; --focus: #8ecdf8; ${colourRules(true)} }
:host([data-placement="sheet"]) .panel { width: 100vw; max-width: 100vw; border-radius: 14px 14px 0 0; }
.panel:focus { outline: none; }
.head { display: flex; align-items: flex-start; gap: 8px; margin: 0; }
.title { font-weight: 700; font-size: max(15px, 1rem); margin: 0; flex: 1; display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.mark { display: inline-flex; align-items: center; justify-content: center; width: 22px; height: 22px; border-radius: 50%;
  color: var(--bg); background: var(--lvc); flex: none; }
.mark svg { width: 14px; height: 14px; }
.mark.hollow { background: transparent; color: var(--lvc); border: 1.5px dashed var(--lvc); box-sizing: border-box; }
.lv { color: var(--fg); }
.close { all: unset; box-sizing: border-box; cursor: pointer; color: var(--muted); font-size: 20px; line-height: 1;
  min-width: 28px; min-height: 28px; display: inline-flex; align-items: center; justify-content: center; border-radius: 6px; }
button:focus-visible, summary:focus-visible, .close:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.why { margin: 6px 0 2px; font-weight: 600; unicode-bidi: isolate; }
.seen-words, .limit, .note { margin: 2px 0; color: var(--muted); }
.choice { margin: 6px 0 0; font-weight: 600; }
h3 { font-size: inherit; margin: 8px 0 0; color: var(--muted); font-weight: 600; }
ol { list-style: none; margin: 2px 0 0; padding: 0; }
li { padding: 5px 0; border-top: 1px solid var(--line); display: grid; grid-template-columns: 1fr auto; gap: 1px 8px; }
.label { font-weight: 600; }
.points { font-weight: 700; font-variant-numeric: tabular-nums; text-align: right; }
.points.plus { color: var(--lv-follow_back); } .points.minus { color: var(--lv-skip); } .points.zero { color: var(--muted); }
.fact, .seen, .threshold, .reason { grid-column: 1 / -1; }
.seen.unseen { color: var(--muted); font-style: italic; }
.threshold, .k { color: var(--muted); }
.v { unicode-bidi: isolate; }
.reason { unicode-bidi: isolate; }
.top .label { font-weight: 400; } .top .name { font-weight: 700; }
.top .reason { color: var(--muted); font-size: 0.95em; }
details { margin: 8px 0 0; border-top: 1px solid var(--line); padding-top: 6px; }
summary { cursor: pointer; font-weight: 600; min-height: 24px; display: list-item; }
.score-line { margin: 4px 0 0; color: var(--muted); }
.override { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 8px 0 0; }
.override button { all: unset; box-sizing: border-box; cursor: pointer; min-height: 28px; padding: 4px 12px; border-radius: 14px;
  border: 1px solid var(--muted); color: var(--fg); font-size: max(12px, 0.8rem); font-weight: 600; }
.override button[aria-pressed="true"] { background: var(--fg); color: var(--bg); }
.legend dl { margin: 4px 0 0; display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; }
.legend dt { font-weight: 600; display: flex; align-items: center; gap: 6px; }
.legend dd { margin: 0; }
.legend-mark { display: inline-flex; width: 16px; height: 16px; align-items: center; justify-content: center; }
.legend-mark svg { width: 14px; height: 14px; }
.legend-mark.hollow { box-sizing: border-box; border: 1.5px dashed var(--muted); border-radius: 50%; }
${LEVELS.map((l) => `.legend-mark[data-level="${l.id}"] { color: var(--lv-${l.id}); }`).join('\n')}
@media (forced-colors: active) { .mark { forced-color-adjust: none; background: Canvas; color: CanvasText; border: 1.5px solid CanvasText; } }
`;

/**
 * The open breakdown: { host, popover, panel, listeners, lastRect, survives }, or null.
 * @type {{ host: any, popover: any, panel: any, listeners: Array<[EventTarget, string, (e: any) => void]>, lastRect: DOMRect, survives: boolean } | null}
 */
let current = null;
let uid = 0;

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

/** "Points: +3" for assistive tech, "+3" on screen. */
function pointsEl(doc, points) {
  const n = Number(points) || 0;
  const p = el(doc, 'span', `points ${n > 0 ? 'plus' : n < 0 ? 'minus' : 'zero'}`, pointsText(n));
  const abs = Math.abs(n);
  const spoken = n === 0
    ? t('points_none', 'no points')
    : n > 0
      ? abs === 1 ? t('points_plus_one', 'plus 1 point') : t('points_plus', 'plus $1 points', [abs])
      : abs === 1 ? t('points_minus_one', 'minus 1 point') : t('points_minus', 'minus $1 points', [abs]);
  p.setAttribute('aria-label', spoken);
  return p;
}

/** One line of the full list: label, points, seen (or not seen yet), threshold, reason. */
function line(doc, ev) {
  const li = el(doc, 'li', 'evidence');
  li.setAttribute('data-signal', String(ev.signal || ''));
  li.append(el(doc, 'span', 'label', renderMessage(ev.label) || ev.signal || ''), pointsEl(doc, ev.points));
  const seen = el(doc, 'span', ev.seen == null ? 'seen unseen' : 'seen');
  seen.append(el(doc, 'span', 'k', `${t('breakdown_seen', 'Seen:')} `), ev.seen == null ? doc.createTextNode(t('breakdown_not_seen', 'not seen yet')) : value(doc, renderMessage(ev.seen)));
  const threshold = el(doc, 'span', 'threshold');
  threshold.append(el(doc, 'span', 'k', `${t('breakdown_threshold', 'Threshold:')} `), value(doc, renderMessage(ev.threshold)));
  li.append(seen, threshold, el(doc, 'span', 'reason', renderMessage(ev.reason)));
  return li;
}

/** Longest fact the first view shows whole (the full text is under "Every fact"). */
const FACT_CHARS = 90;

/**
 * A seen value cut for the first view, keeping its source ("…, from X's data").
 * `seen` is the core's message (`["ev_seen_from", fact, source]`) or, from an
 * older verdict, its English text.
 */
export function shortFact(seen, getMessage = defaultGetMessage) {
  if (Array.isArray(seen)) {
    const { fact, source } = renderSeen(seen, getMessage);
    const join = (f) => (source ? getMessage('ev_seen_from', [f, source]) || `${f}, ${source}` : f);
    const whole = join(fact);
    if ([...whole].length <= FACT_CHARS) return whole;
    const room = Math.max(20, FACT_CHARS - [...whole].length + [...fact].length);
    return join(`${[...fact].slice(0, room - 1).join('').trimEnd()}\u2026`);
  }
  const text = String(seen ?? t('breakdown_not_seen', 'not seen yet'));
  if (text.length <= FACT_CHARS) return text;
  const m = /, (from [^,]{1,40})$/.exec(text);
  const source = m ? `, ${m[1]}` : '';
  const body = m ? text.slice(0, m.index) : text;
  const room = Math.max(20, FACT_CHARS - source.length);
  const chars = [...body];
  return chars.length <= room ? `${body}${source}` : `${chars.slice(0, room - 1).join('').trimEnd()}\u2026${source}`;
}

/** One line of the first view: the fact and its source ("Bio: empty, from X's data") and its points. */
function topLine(doc, ev) {
  const li = el(doc, 'li', 'top-line');
  li.setAttribute('data-signal', String(ev.signal || ''));
  const fact = el(doc, 'span', 'label');
  fact.append(el(doc, 'span', 'name', t('breakdown_fact_name', '$1:', [renderMessage(ev.label) || ev.signal || ''])), doc.createTextNode(' '), value(doc, shortFact(ev.seen)));
  li.append(fact, pointsEl(doc, ev.points));
  return li;
}

/** The summary the core sent, or one built here from the lines (older verdicts). */
function summaryOf(verdict, evidence) {
  const s = verdict.summary && typeof verdict.summary === 'object' ? verdict.summary : null;
  const ids = (list) => (Array.isArray(list) ? list.map(String) : null);
  if (s && (typeof s.why === 'string' || Array.isArray(s.why))) {
    return {
      why: renderMessage(s.why),
      seen: renderMessage(s.seen),
      against: ids(s.against) || [],
      inFavour: ids(s.in_favour) || [],
      notSeen: Number.isFinite(Number(s.not_seen)) ? Number(s.not_seen) : evidence.filter((e) => e.seen == null).length,
      limit: s.limit ? renderMessage(s.limit) : null,
    };
  }
  const movers = evidence.filter((e) => Number(e.points) && e.signal !== 'score_limit')
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, TOP_LINES);
  return {
    why: t('breakdown_why_level', '$1.', [levelOf(verdict.level).title]),
    seen: '',
    against: movers.filter((e) => e.points < 0).map((e) => e.signal),
    inFavour: movers.filter((e) => e.points > 0).map((e) => e.signal),
    notSeen: evidence.filter((e) => e.seen == null).length,
    limit: null,
  };
}

/** "Always follow back" / "Never" (and "Clear") for this account; stored by overrides.js. */
function overrideControls(doc, verdict) {
  const box = el(doc, 'div', 'override');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', t('breakdown_choice_group', 'Your choice for this account'));
  const choices = [
    ['always', t('breakdown_choose_always', 'Always follow back')],
    ['never', t('breakdown_choose_never', 'Never')],
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
    const clear = el(doc, 'button', 'choose-clear', t('breakdown_choose_clear', 'Clear'));
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

/** The level mark: the badge's glyph in its colour (hollow when not sure). */
function levelMark(doc, verdict) {
  const entry = levelOf(verdict.level);
  const low = entry.id === 'not_enough_data' || (verdict.confidence && verdict.confidence.label === 'low');
  const mark = el(doc, 'span', `mark${low && !verdict.override ? ' hollow' : ''}`);
  mark.style.setProperty('--lvc', `var(--lv-${entry.id})`);
  mark.setAttribute('data-level', entry.id);
  mark.append(glyphSvg(doc, verdict.override ? 'pin' : entry.glyph));
  return mark;
}

function fill(panel, verdict) {
  const doc = panel.ownerDocument;
  panel.replaceChildren();
  const evidence = Array.isArray(verdict.evidence) ? verdict.evidence : [];
  const summary = summaryOf(verdict, evidence);
  const entry = levelOf(verdict.level);

  const head = el(doc, 'div', 'head');
  const title = el(doc, 'h2', 'title');
  title.id = 'fb-title';
  const words = verdict.override ? t('breakdown_title_override', '$1 (your choice)', [entry.title]) : entry.title;
  title.append(levelMark(doc, verdict), value(doc, `@${verdict.handle}`), el(doc, 'span', 'lv', `\u2014 ${words}`));
  const close = el(doc, 'button', 'close', '\u00d7');
  close.type = 'button';
  close.setAttribute('aria-label', t('breakdown_close', 'Close breakdown'));
  close.addEventListener('click', (e) => {
    e.stopPropagation();
    closeBreakdown(true);
  });
  head.append(title, close);
  panel.append(head);

  if (verdict.override) {
    const computed = levelWords(verdict.computedLevel);
    panel.append(el(doc, 'p', 'choice', t('breakdown_choice_line', 'Your choice: $1 (computed: $2, $3).', [OVERRIDE_WORDS[verdict.override] || verdict.override, verdict.score, computed])));
  }
  const why = el(doc, 'p', 'why', summary.why);
  why.id = 'fb-why';
  panel.append(why);
  if (summary.seen) panel.append(el(doc, 'p', 'seen-words', summary.seen));

  const byId = new Map(evidence.map((e) => [String(e.signal), e]));
  const group = (heading, ids, cls) => {
    const lines = ids.map((id) => byId.get(id)).filter(Boolean);
    if (lines.length === 0) return;
    const section = el(doc, 'section', `top ${cls}`);
    const h = el(doc, 'h3', null, heading);
    h.id = `fb-${cls}`;
    section.setAttribute('aria-labelledby', h.id);
    const ol = el(doc, 'ol');
    for (const ev of lines) ol.append(topLine(doc, ev));
    section.append(h, ol);
    panel.append(section);
  };
  group(t('breakdown_against', 'Against'), summary.against, 'against');
  group(t('breakdown_for', 'For'), summary.inFavour, 'for');
  if (summary.limit) panel.append(el(doc, 'p', 'limit', summary.limit));
  panel.append(overrideControls(doc, verdict));

  // Everything else, behind one disclosure.
  const more = el(doc, 'details', 'more');
  const seenCount = evidence.length - summary.notSeen;
  more.append(el(doc, 'summary', null,
    t('breakdown_every_fact', 'Every fact ($1 seen, $2 not seen yet)', [seenCount, summary.notSeen])));
  const sum = evidence.reduce((a, ev) => a + (Number(ev.points) || 0), 0);
  const conf = verdict.confidence || {};
  const pct = Number.isFinite(Number(conf.value)) ? Math.round(Number(conf.value) * 100) : null;
  more.append(
    el(doc, 'p', 'score-line', t('breakdown_score_line', 'Score $1 of 100: every account starts at $2; the facts add $3.', [verdict.score, verdict.base, pointsText(sum)])),
    el(doc, 'p', 'score-line confidence', pct === null
      ? t('breakdown_confidence', 'Confidence: $1.', [confidenceWords(conf.label)])
      : t('breakdown_confidence_share', 'Confidence: $1 ($2% of what can count was seen).', [confidenceWords(conf.label), pct])),
  );
  const list = el(doc, 'ol', 'lines');
  for (const ev of evidence) list.append(line(doc, ev));
  more.append(list);
  panel.append(more);

  const legend = el(doc, 'details', 'legend-box');
  legend.append(el(doc, 'summary', null, t('legend_title', 'What the badges mean')), renderLegend(doc));
  panel.append(legend);
  // Opening a disclosure changes the height: place again so it stays on screen.
  for (const d of [more, legend]) d.addEventListener('toggle', () => reposition());
  return close;
}

/**
 * Where the dialog goes for a badge at `r` (viewport coordinates) in a `vw` x
 * `vh` window when its content is `height` px tall: { placement, left, top,
 * width, maxHeight }. Below when it fits, else above when that fits, else on
 * the side with more room (scrolling inside); a sheet along the bottom when
 * the window is narrow.
 */
export function placementFor(r, vw, vh, height) {
  if (vw < SHEET_BELOW_PX) {
    const maxHeight = Math.round(vh * 0.85);
    const h = Math.min(height, maxHeight);
    return { placement: 'sheet', left: 0, top: vh - h, width: vw, maxHeight };
  }
  const width = Math.min(WIDTH, vw - 2 * EDGE);
  const left = Math.max(EDGE, Math.min(r.left, vw - width - EDGE));
  const below = vh - r.bottom - GAP - EDGE;
  const above = r.top - GAP - EDGE;
  if (height <= below) return { placement: 'below', left, top: r.bottom + GAP, width, maxHeight: below };
  if (height <= above) return { placement: 'above', left, top: r.top - GAP - height, width, maxHeight: above };
  // Neither side holds it but the window does: as close to the badge as it
  // can be while whole (it may cover the badge's row).
  if (height <= vh - 2 * EDGE) {
    const top = below >= above ? vh - EDGE - height : EDGE;
    return { placement: below >= above ? 'below' : 'above', left, top, width, maxHeight: vh - 2 * EDGE };
  }
  // Not even the window holds it: the side with more room, scrolling inside.
  const room = Math.max(below, above, 120);
  const maxHeight = Math.min(room, vh - 2 * EDGE);
  const h = Math.min(height, maxHeight);
  const top = below >= above ? Math.min(r.bottom + GAP, vh - EDGE - h) : Math.max(EDGE, r.top - GAP - h);
  return { placement: below >= above ? 'below' : 'above', left, top, width, maxHeight };
}

function place(popover, panel, rect) {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  panel.style.removeProperty('max-height');
  const natural = panel.scrollHeight + 2;
  const p = placementFor(rect, vw, vh, natural);
  popover.setAttribute('data-placement', p.placement);
  panel.style.setProperty('max-height', `${Math.max(80, Math.floor(p.maxHeight))}px`);
  const h = Math.min(natural, p.maxHeight);
  popover.style.setProperty('left', `${Math.round(p.left)}px`, 'important');
  popover.style.setProperty('top', `${Math.round(Math.max(0, Math.min(p.top, vh - h)))}px`, 'important');
}

/** Places the open dialog again (scroll, resize, a disclosure opened). */
function reposition() {
  if (!current) return;
  if (current.host.isConnected) {
    const r = current.host.getBoundingClientRect();
    if (r.width || r.height) current.lastRect = r;
  }
  place(current.popover, current.panel, current.lastRect);
}

/** Elements Tab can reach inside the dialog, in order. */
function focusables(panel) {
  // Content of a closed disclosure is not rendered: it has no client rects.
  return [...panel.querySelectorAll('button, summary, [href], [tabindex]:not([tabindex="-1"])')].filter(
    (e) => e.getClientRects().length > 0,
  );
}

/** True when the open dialog stays open after its badge is removed (it came from a hover card). */
export function survivesBadgeRemoval() {
  return Boolean(current && current.survives);
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
  if (host.getAttribute('aria-owns') === popover.id) host.removeAttribute('aria-owns');
  setExpanded(host, false);
  if (refocus && host.isConnected) {
    const b = badgeOf(host);
    if (b) b.focus();
  }
}

/**
 * Opens (or toggles closed) the breakdown for `host` showing `verdict`. Focus
 * moves into the dialog however it was opened (mouse or keyboard), so Tab
 * stays inside it and Escape brings focus back to the badge.
 */
export function toggleBreakdown(host, verdict, theme) {
  if (isOpenFor(host)) {
    closeBreakdown(true);
    return;
  }
  closeBreakdown(false);
  const doc = host.ownerDocument;
  const popover = doc.createElement('div');
  popover.className = 'followback-breakdown-host';
  uid += 1;
  popover.id = `followback-breakdown-${uid}`;
  popover.setAttribute('data-followback-handle', String(verdict.handle || host.getAttribute('data-followback-handle') || ''));
  popover.setAttribute('data-theme', theme);
  popover.lang = t('locale_tag', 'en');
  const shadow = popover.attachShadow({ mode: 'open' });
  const style = el(doc, 'style', null, STYLE);
  const panel = el(doc, 'div', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-labelledby', 'fb-title');
  panel.setAttribute('aria-describedby', 'fb-why');
  panel.tabIndex = -1;
  shadow.append(style, panel);
  // Keep the page from seeing clicks inside the dialog (X's row navigation).
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) {
    popover.addEventListener(type, (e) => e.stopPropagation());
  }
  (doc.body || doc.documentElement).appendChild(popover);
  // In the reading order right after its badge.
  host.setAttribute('aria-owns', popover.id);
  // A hover card's dialog stays open on its own when X removes the card.
  const survives = Boolean(host.closest(SEL.hoverCard));
  current = { host, popover, panel, listeners: [], lastRect: host.getBoundingClientRect(), survives };
  fill(panel, verdict);
  reposition();

  const onKey = (e) => {
    if (!current) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      closeBreakdown(true);
      return;
    }
    if (e.key !== 'Tab') return;
    const inside = e.composedPath().includes(popover);
    const items = focusables(panel);
    if (items.length === 0) return;
    const active = shadow.activeElement;
    const at = items.indexOf(active);
    e.preventDefault();
    e.stopPropagation();
    let next;
    if (!inside || at === -1) next = e.shiftKey ? items[items.length - 1] : items[0];
    else next = items[(at + (e.shiftKey ? items.length - 1 : 1)) % items.length];
    next.focus();
  };
  const onPointer = (e) => {
    const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
    if (path.includes(popover) || path.includes(host)) return;
    closeBreakdown(false);
  };
  const onMove = () => reposition();
  current.listeners = [
    [doc, 'keydown', onKey],
    [doc, 'pointerdown', onPointer],
    [window, 'resize', onMove],
    [window, 'scroll', onMove],
  ];
  for (const [target, type, fn] of current.listeners) target.addEventListener(type, fn, true);
  setExpanded(host, true);
  panel.focus({ preventScroll: true });
}

/** Redraws the open breakdown when its account's verdict changed. */
export function updateBreakdown(host, verdict, theme) {
  if (!current || current.host !== host) return;
  current.popover.setAttribute('data-theme', theme);
  const shadow = current.popover.shadowRoot;
  const hadFocus = shadow && shadow.activeElement;
  const focusedOverride = hadFocus && hadFocus.getAttribute && hadFocus.getAttribute('data-override');
  const openParts = [...current.panel.querySelectorAll('details[open]')].map((d) => d.className);
  const close = fill(current.panel, verdict);
  for (const cls of openParts) {
    const d = current.panel.querySelector(`details.${cls.split(' ')[0]}`);
    if (d) d.open = true;
  }
  if (hadFocus) {
    const again = focusedOverride && current.panel.querySelector(`button[data-override="${focusedOverride}"]`);
    (again || close).focus();
  }
  reposition();
}
