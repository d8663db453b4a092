// @ts-check
// Account finder: where accounts are shown on the page right now.
// Each target is { kind: "row" | "hover" | "profile" | "notification" | "tweet", root, handle, anchor }:
// `root` holds the account's DOM, `anchor` is where its badge goes. `surfaceOf`
// tells which per-surface switch (the `display.*` settings) a kind answers to.

import { SEL, avatarHandle, handleFromHref, profileHandleFromPath } from './selectors.js';
import { visibleText } from './text.js';
import { notificationTargets } from './notifications.js';
import { handleFromShownText } from '../shared/x-account.js';

/** The @handle link in a row or card: a link to "/<handle>" whose text is "@handle" (bidi marks aside). */
export function handleLink(root) {
  let fallback = null;
  for (const a of root.querySelectorAll(SEL.links)) {
    const handle = handleFromHref(a.getAttribute('href'));
    if (!handle) continue;
    const shown = handleFromShownText(visibleText(a));
    if (shown && shown.toLowerCase() === handle.toLowerCase()) return { link: a, handle };
    if (!fallback) fallback = { link: a, handle };
  }
  if (fallback) return fallback;
  for (const avatar of root.querySelectorAll(SEL.avatarContainer)) {
    const handle = avatarHandle(avatar);
    if (handle) return { link: null, handle };
  }
  return null;
}

/** True for X's account-switcher popup (a HoverCard too): its accounts are the viewer's own. */
export function isAccountSwitcher(card) {
  return Boolean(card && card.querySelector(SEL.accountSwitcher));
}

/** The account switcher `el` is inside, or null. */
function switcherAround(el) {
  const card = el.closest(SEL.hoverCard);
  return card && isAccountSwitcher(card) ? card : null;
}

function rowTarget(root, kind) {
  const found = handleLink(root);
  if (!found) return null;
  const anchor = found.link ? found.link.parentElement || root : root;
  return { kind, root, handle: found.handle, anchor, after: found.link };
}

/** The profile header of the page being shown, when the URL is a profile. */
function profileTarget(doc) {
  const pathHandle = profileHandleFromPath(doc.location ? doc.location.pathname : location.pathname);
  if (!pathHandle) return null;
  const block = doc.querySelector(SEL.profileName);
  if (!block || block.closest(SEL.hoverCard) || block.closest(SEL.userCell)) return null;
  // The header spells the handle as "@handle"; trust it over the URL's case.
  let handle = pathHandle;
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const shown = handleFromShownText(n.nodeValue);
    if (shown && shown.toLowerCase() === pathHandle.toLowerCase()) {
      handle = shown;
      break;
    }
  }
  // The header lives in the primary column (a section above the timeline).
  const root = block.closest(SEL.primaryColumn) || doc.body;
  return { kind: 'profile', root, block, handle, anchor: block, after: null };
}

/** The `display.*` setting that switches a target kind's badges on and off. */
export const SURFACE_SETTING = Object.freeze({
  row: 'display.lists',
  profile: 'display.profiles',
  notification: 'display.notifications',
  tweet: 'display.notifications',
  hover: 'display.hover_cards',
});

/** The setting id for a target's kind, or null when no switch governs it. */
export function surfaceOf(kind) {
  return Object.hasOwn(SURFACE_SETTING, kind) ? SURFACE_SETTING[kind] : null;
}

/** Row targets of `cells` (outermost user cells), hover targets of `cards`, appended to `out`. */
function cellTargets(cells, cards, out) {
  for (const cell of cells) {
    // The viewer's own accounts in the switcher get no badge.
    if (switcherAround(cell)) continue;
    const t = rowTarget(cell, 'row');
    if (t) out.push(t);
  }
  for (const card of cards) {
    if (isAccountSwitcher(card)) continue;
    const t = rowTarget(card, 'hover');
    if (t) out.push(t);
  }
  return out;
}

/** True for a user cell not nested in another one (only those are rows). */
const outermost = (cell) => !(cell.parentElement && cell.parentElement.closest(SEL.userCell));

/** The outermost user cell holding `el` (itself included), or null. */
export function cellAround(el) {
  let cell = el.closest(SEL.userCell);
  while (cell && !outermost(cell)) cell = cell.parentElement ? cell.parentElement.closest(SEL.userCell) : null;
  return cell;
}

/** The profile header and the notification pages' actors and authors: page-level targets, found whole each time. */
export function pageTargets(doc = document) {
  const out = [];
  const profile = profileTarget(doc);
  if (profile) out.push(profile);
  // Notification pages: each actor of a row, each post author (notifications.js).
  out.push(...notificationTargets(doc));
  return out;
}

/** Every account shown now. */
export function findTargets(doc = document) {
  const cells = [...doc.querySelectorAll(SEL.userCell)].filter(outermost);
  const out = cellTargets(cells, doc.querySelectorAll(SEL.hoverCard), []);
  out.push(...pageTargets(doc));
  return out;
}

/**
 * The rows and hover cards a set of changes touched, as targets: `added` are
 * elements put into the page (they and what they hold), `touched` elements that
 * changed in place (only the row or card around them). Also returns the cells
 * and cards looked at (`looked`), found or not, so stale badges in them can go.
 * Page-level targets (pageTargets) are not included.
 * @param {Iterable<Element>} added
 * @param {Iterable<Element>} touched
 */
export function changedTargets(added, touched) {
  const cells = new Set();
  const cards = new Set();
  const around = (el) => {
    const cell = cellAround(el);
    if (cell) cells.add(cell);
    const card = el.closest(SEL.hoverCard);
    if (card) cards.add(card);
  };
  for (const el of touched) if (el.isConnected) around(el);
  for (const el of added) {
    if (!el.isConnected) continue;
    around(el);
    for (const cell of el.querySelectorAll(SEL.userCell)) if (outermost(cell)) cells.add(cell);
    for (const card of el.querySelectorAll(SEL.hoverCard)) cards.add(card);
  }
  return { targets: cellTargets(cells, cards, []), looked: new Set([...cells, ...cards]) };
}
