// @ts-check
// Self-check on the viewer's own profile (issue 13): instead of a badge for
// yourself, a "How you look" chip that opens a panel with the verdict other
// people's Followback would give you and, per reason, what would change it.
//
// The viewer is known from X's side-bar profile link (SEL.viewerProfileLink),
// never from the URL alone. The lines come from the service worker
// (`fb:self-check`, built in Rust); this file only draws them, in Shadow DOM
// with textContent. With `selfcheck.enabled` off the worker says so and the
// profile gets its ordinary badge. The popup asks for the same check through
// `fb:self-check-page` (answered here, for the tab's viewer).

import { viewerHandle } from './notifications.js';
import { buttonHost } from './badge.js';
import { MESSAGES } from '../shared/messages.js';
import { LINES_CSS, renderSelfCheck, verdictWords } from '../shared/selfcheck-lines.js';
import { t } from '../shared/i18n.js';

export const CHIP_CLASS = 'followback-selfcheck-host';
export const PANEL_CLASS = 'followback-selfcheck-panel-host';

const CHIP_STYLE = `
:host { all: initial; display: inline-flex; align-items: center; vertical-align: middle; margin: 0 4px; line-height: 1; direction: ltr; }
.chip { box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; height: 20px; padding: 0 8px; border-radius: 10px;
  border: 1.5px solid #1d9bf0; color: #1d9bf0; background: transparent; cursor: pointer; user-select: none; white-space: nowrap;
  font: 700 11px/1 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-variant-numeric: tabular-nums; }
.chip:focus { outline: none; }
.chip:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
.score { color: inherit; opacity: .85; }
`;

const PANEL_STYLE = `
:host { all: initial; position: absolute; z-index: 2147483000; top: 0; left: 0; }
.panel { box-sizing: border-box; width: 400px; max-width: calc(100vw - 16px); max-height: 75vh; overflow: auto; overflow-wrap: anywhere;
  padding: 12px 14px; border-radius: 12px; border: 1px solid var(--line); background: var(--bg); color: var(--fg);
  box-shadow: 0 8px 28px rgba(0,0,0,.25); font: 400 13px/1.35 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  --bg: #fff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --plus: #00845a; --minus: #c4302b; }
:host([data-theme="dim"]) .panel { --bg: #15202b; --fg: #f7f9f9; --muted: #8b98a5; --line: #38444d; --plus: #00ba7c; --minus: #f4212e; }
:host([data-theme="dark"]) .panel { --bg: #000; --fg: #e7e9ea; --muted: #71767b; --line: #2f3336; --plus: #00ba7c; --minus: #f4212e; }
.bar { display: flex; justify-content: flex-end; }
.close { all: unset; cursor: pointer; color: var(--muted); font-size: 18px; line-height: 1; padding: 0 4px; border-radius: 4px; }
.close:focus-visible { outline: 2px solid #1d9bf0; }
.body { margin-top: -18px; }
${LINES_CSS}
`;

const lower = (s) => String(s || '').toLowerCase();

const state = {
  /** The chip host, when one is drawn. */
  chip: null,
  chipShadowChip: null,
  handle: null,
  /** JSON of the facts and the generation last asked with. */
  askedKey: null,
  inflight: false,
  /** The last `fb:self-check` reply ({ ok, enabled, check }). */
  reply: null,
  /** False once the worker said the self-check is switched off. */
  enabled: true,
  lastFacts: null,
  panel: null,
};

/** True when `target` is the profile header of the viewer's own profile. */
export function isOwnProfile(target, doc = document) {
  if (!target || target.kind !== 'profile') return false;
  const viewer = viewerHandle(doc);
  return Boolean(viewer) && lower(viewer) === lower(target.handle);
}

function requestCheck(handle, facts, generation, ask, onChange) {
  const key = JSON.stringify([handle, facts, generation]);
  if (state.inflight || state.askedKey === key) return;
  state.inflight = true;
  state.askedKey = key;
  const message = { type: MESSAGES.SELF_CHECK.type, handle, dom: facts };
  if (facts && facts.id) message.id = facts.id;
  ask(message).then((reply) => {
    state.inflight = false;
    if (reply && reply.ok) {
      state.reply = reply;
      state.enabled = reply.enabled !== false;
    }
    onChange();
  });
}

function makeChip(doc, handle) {
  const { host, button: chip } = buttonHost(doc, {
    hostClass: CHIP_CLASS,
    buttonClass: 'chip',
    handle,
    css: CHIP_STYLE,
    onActivate: (_host, viaKeyboard) => togglePanel(viaKeyboard),
  });
  state.chipShadowChip = chip;
  return host;
}

function drawChip() {
  const chip = state.chipShadowChip;
  if (!chip || !state.chip) return;
  const check = state.reply && state.reply.check;
  const text = check ? t('selfcheck_chip_score', 'How you look \u00b7 $1', [Number(check.score) || 0]) : t('selfcheck_chip', 'How you look');
  if (chip.textContent !== text) chip.textContent = text;
  const label = check
    ? t('selfcheck_chip_label_score', 'How you look to others: $1. Open your self-check', [verdictWords(check)])
    : t('selfcheck_chip_label', 'How you look to others. Open your self-check');
  if (chip.getAttribute('aria-label') !== label) chip.setAttribute('aria-label', label);
  state.chip.setAttribute('data-followback-score', check ? String(check.score) : '');
}

function fillPanel() {
  const p = state.panel;
  if (!p) return;
  const doc = p.host.ownerDocument;
  const check = state.reply && state.reply.check;
  if (check) renderSelfCheck(doc, p.body, check);
  else {
    const msg = doc.createElement('p');
    msg.textContent = state.reply
      ? t('selfcheck_panel_unknown', 'Nothing is known about your account yet: reload your profile.')
      : t('selfcheck_checking', 'Checking how you look…');
    p.body.replaceChildren(msg);
  }
}

function place() {
  const p = state.panel;
  if (!p || !state.chip || !state.chip.isConnected) return;
  const r = state.chip.getBoundingClientRect();
  const width = Math.min(400, window.innerWidth - 16);
  let left = r.left + window.scrollX;
  left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + window.innerWidth - width - 8));
  p.host.style.setProperty('left', `${left}px`, 'important');
  p.host.style.setProperty('top', `${r.bottom + window.scrollY + 6}px`, 'important');
}

/** Closes the self-check panel; `refocus` returns focus to the chip. */
export function closePanel(refocus = false) {
  const p = state.panel;
  if (!p) return;
  state.panel = null;
  for (const [target, type, fn] of p.listeners) target.removeEventListener(type, fn, true);
  p.host.remove();
  if (state.chipShadowChip) {
    state.chipShadowChip.setAttribute('aria-expanded', 'false');
    if (refocus && state.chip && state.chip.isConnected) state.chipShadowChip.focus();
  }
}

function togglePanel(viaKeyboard) {
  if (state.panel) {
    closePanel(viaKeyboard);
    return;
  }
  if (!state.chip) return;
  const doc = state.chip.ownerDocument;
  const host = doc.createElement('div');
  host.className = PANEL_CLASS;
  host.setAttribute('data-theme', state.chip.getAttribute('data-theme') || 'light');
  host.lang = t('locale_tag', 'en');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_STYLE;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t('selfcheck_panel_label', 'How you look to people deciding whether to follow you back'));
  const bar = doc.createElement('div');
  bar.className = 'bar';
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '\u00d7';
  close.setAttribute('aria-label', t('selfcheck_close', 'Close self-check'));
  close.addEventListener('click', (e) => {
    e.stopPropagation();
    closePanel(true);
  });
  bar.append(close);
  const body = doc.createElement('div');
  body.className = 'body';
  panel.append(bar, body);
  shadow.append(style, panel);
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) host.addEventListener(type, (e) => e.stopPropagation());
  (doc.body || doc.documentElement).appendChild(host);
  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closePanel(true);
    }
  };
  const onPointer = (e) => {
    const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
    if (!path.includes(host) && !path.includes(state.chip)) closePanel(false);
  };
  const listeners = [
    [doc, 'keydown', onKey],
    [doc, 'pointerdown', onPointer],
    [window, 'resize', place],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, true);
  state.panel = { host, body, listeners };
  if (state.chipShadowChip) state.chipShadowChip.setAttribute('aria-expanded', 'true');
  fillPanel();
  place();
  if (viaKeyboard) close.focus();
}

/**
 * On the viewer's own profile header: asks for the self-check when the facts or
 * `generation` changed, and draws the chip. Returns true when the chip stands in
 * for the badge; false (not the viewer, or the self-check switched off) lets the
 * ordinary badge be drawn. `ctx`: { ask, generation, theme, onChange }.
 */
export function claimOwnProfile(target, facts, ctx) {
  if (!isOwnProfile(target, target.block ? target.block.ownerDocument : document)) return false;
  const handle = target.handle;
  if (state.handle !== null && lower(state.handle) !== lower(handle)) {
    removeSelfCheck();
    state.reply = null;
    state.askedKey = null;
  }
  state.handle = handle;
  state.lastFacts = facts;
  requestCheck(handle, facts, ctx.generation, ctx.ask, ctx.onChange);
  if (!state.enabled) {
    removeSelfCheck();
    return false;
  }
  const anchor = target.anchor;
  if (!state.chip || !state.chip.isConnected || state.chip.parentElement !== anchor) {
    if (state.chip) state.chip.remove();
    state.chip = makeChip(anchor.ownerDocument, handle);
    anchor.appendChild(state.chip);
  }
  if (state.chip.getAttribute('data-theme') !== ctx.theme) state.chip.setAttribute('data-theme', ctx.theme);
  drawChip();
  if (state.panel) {
    if (state.panel.host.getAttribute('data-theme') !== ctx.theme) state.panel.host.setAttribute('data-theme', ctx.theme);
    if (state.panel.shown !== state.reply) {
      state.panel.shown = state.reply;
      fillPanel();
    }
    place();
  }
  return true;
}

/** After a scan: removes the chip (and panel) when no own profile was claimed. */
export function sweepSelfCheck(claimed) {
  if (!claimed) removeSelfCheck();
}

/** Removes the chip and closes the panel. */
export function removeSelfCheck() {
  closePanel(false);
  if (state.chip) state.chip.remove();
  state.chip = null;
  state.chipShadowChip = null;
}

/** True for nodes this file draws (so the page observer can ignore them). */
export function isSelfCheckNode(node) {
  return Boolean(node && node.nodeType === 1 && (node.classList.contains(CHIP_CLASS) || node.classList.contains(PANEL_CLASS)));
}

/**
 * The popup's `fb:self-check-page`: the tab's viewer and their self-check,
 * `{ ok, viewer, onOwnProfile, enabled, check }`. `ask` sends to the worker.
 */
export function answerSelfCheckPage(ask, doc = document) {
  const viewer = viewerHandle(doc);
  if (!viewer) return Promise.resolve({ ok: true, viewer: null, onOwnProfile: false, enabled: state.enabled, check: null });
  const onOwn = Boolean(state.chip && state.chip.isConnected && lower(state.handle) === lower(viewer));
  const message = { type: MESSAGES.SELF_CHECK.type, handle: viewer };
  if (onOwn && state.lastFacts) message.dom = state.lastFacts;
  return ask(message).then((reply) => ({
    ok: Boolean(reply && reply.ok),
    error: reply && reply.error,
    viewer,
    onOwnProfile: onOwn,
    enabled: Boolean(reply && reply.enabled),
    check: (reply && reply.check) || null,
  }));
}

/** `fb:self-check-open` (the popup's "See the full self-check"): opens the panel when the chip is shown. */
export function openSelfCheckPanel() {
  const shown = Boolean(state.chip && state.chip.isConnected);
  if (shown && !state.panel) togglePanel(false);
  return { ok: shown };
}
