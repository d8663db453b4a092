// @ts-check
// Content script entry (isolated world, bundled by build.sh from entry.js): wires the
// finder, fact lifter, relay, badges and breakdown together.
//
// Badges in the row's first paint: each payload's reply carries the compact
// verdicts of its accounts (cache.js); rows X inserts for those accounts get
// their badge inside the MutationObserver callback, before the next paint.
// The observer is registered at document_start, so its callback comes before the
// page's own observers in each mutation turn. When a turn's changes are account
// rows only (put in, refilled, changed in place), all their work is done in that
// callback (one turn per row, not one now and one at the next frame); any other
// change waits for the frame's scan, which also reads the theme (at most every
// THEME_EVERY_MS), the URL, page-level targets, posts and interactions.
// Per animation frame, only the rows that changed (mutation records) are looked
// at (every account shown after navigation, settings, theme or payload changes):
// each gets exactly one badge for the account it shows now, and the service
// worker is asked (one message per batch) for verdicts that are missing or out
// of date, sending what the page shows; rows that have a badge already send their
// facts together, at most every FACTS_DELAY_MS (requestVerdicts). A payload never makes every row ask
// again. Every callback is guarded: the page must never break because of this script.

import { SEL } from './selectors.js';
import { findTargets, changedTargets, pageTargets, cellAround, surfaceOf } from './finder.js';
import { liftFacts } from './facts.js';
import { ask, contextGone } from './relay.js';
import { openChannel, watchOrphan } from './channel.js';
import { watchNavigation } from './nav.js';
import { perFrame } from './frame.js';
import { pageTheme } from './theme.js';
import { HOST_CLASS, createHost, renderBadge, verdictOf, sameLook, keepVerdict } from './badge.js';
import { toggleBreakdown, closeBreakdown, openHost, updateBreakdown, survivesBadgeRemoval } from './breakdown.js';
import { debugOnce, guard } from './log.js';
import { filterRow, clearAllFilters, loadFilter, setFilter, FILTER_KEY } from '../shared/filter.js';
import { pruneCache, decodeCompact, decodeAnswers, storeCompact } from './cache.js';
import { withOverride, loadOverrides, setOverrides, OVERRIDES_KEY } from '../shared/overrides.js';
import { recordRow, listStats, listOf } from './listing.js';
import { settingsChanged } from '../shared/settings-store.js';
import { defaultDisplay, loadDisplay } from '../shared/display.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import { MESSAGES, refusal, selfOf, senderRole } from '../shared/messages.js';
import { recordInteractions, rememberPayloadViewer } from './notifications.js';
import { recordTweets } from './tweets.js';
import { isOwnProfile, claimOwnProfile, sweepSelfCheck, removeSelfCheck, isSelfCheckNode, answerSelfCheckPage, openSelfCheckPanel } from './selfcheck.js';

const POPOVER_CLASS = 'followback-breakdown-host';

const state = {
  enabled: true,
  started: false,
  /** Settings, overrides and filter loaded: until then mutations are not looked at (the first scan sees everything). */
  ready: false,
  /** Bumped whenever every verdict must be asked again (new settings, new facts from the page). */
  generation: 1,
  /** Bumped on every payload whose compact verdicts were stored (replies to older requests do not overwrite them). */
  seq: 0,
  reloadSettings: false,
  /** lower-case handle -> { verdict | null, generation, factsKey, seq }: on screen plus RECENT_LIMIT recent (cache.js) */
  cache: new Map(),
  /** The next scan looks at every account shown, not only the changed rows. */
  full: true,
  /** Elements X put into the page since the last scan (they and what they hold changed). */
  added: new Set(),
  /** Elements that changed in place since the last scan (the row or card around them changed). */
  touched: new Set(),
  /** A change outside account rows was seen: the next frame's scan looks at page-level targets too. */
  pageDue: false,
  /** lower-case handles with a request under way */
  inflight: new Set(),
  theme: 'light',
  /** When the theme was last read (performance.now()), and whether a read is due (it is read at most every THEME_EVERY_MS). */
  themeAt: -Infinity,
  themeDue: false,
  themeTimer: 0,
  /** The per-surface switches (`display.*` settings, shared/display.js). */
  display: defaultDisplay(),
  observer: null,
  checkNavigation: () => {},
};

const key = (handle) => String(handle).toLowerCase();
const schedule = perFrame(() => guard('scan failed', scan));

/**
 * The theme is read (a computed style: it may force a style recalc) at most
 * this often while the page changes, and on every full scan; a change in
 * between is seen by a read this long after the last one.
 */
const THEME_EVERY_MS = 500;

function invalidateAll() {
  state.generation += 1;
  rescanAll();
}

/** The next frame looks at every account shown (nothing is asked again unless out of date). */
function rescanAll() {
  state.full = true;
  schedule();
}

/** Opens the breakdown; a compact verdict (no evidence) is first completed by the worker. */
function onActivate(host) {
  guard('breakdown failed', () => {
    const verdict = verdictOf(host);
    if (!verdict) return;
    if (!verdict.compact || contextGone()) {
      toggleBreakdown(host, verdict, state.theme);
      return;
    }
    const request = verdict.id ? { id: verdict.id, handle: verdict.handle } : { handle: verdict.handle };
    ask({ type: MESSAGES.VERDICTS.type, requests: [request], full: true }).then((reply) =>
      guard('breakdown failed', () => {
        const full = reply && reply.ok && Array.isArray(reply.verdicts) ? reply.verdicts[0] : null;
        if (!host.isConnected) return;
        if (!full) {
          debugOnce(`the full verdict is unavailable: ${reply && reply.error}`);
          toggleBreakdown(host, verdict, state.theme);
          return;
        }
        const k = key(verdict.handle);
        const old = state.cache.get(k);
        state.cache.set(k, { verdict: full, generation: state.generation, factsKey: old ? old.factsKey : null, seq: old ? old.seq : 0 });
        const shown = withOverride(full);
        if (sameLook(verdict, shown)) keepVerdict(host, shown);
        else renderBadge(host, shown, state.theme);
        toggleBreakdown(host, shown, state.theme);
      }),
    );
  });
}

function removeAllBadges() {
  closeBreakdown(false);
  removeSelfCheck();
  for (const host of document.querySelectorAll(`.${HOST_CLASS}`)) host.remove();
  clearAllFilters(document);
}

/** Where a target's badge lives (only hosts in here belong to it). */
function scopeOf(target) {
  if (target.scope) return target.scope;
  return target.kind === 'profile' ? target.block : target.root;
}

function insertHost(target, host) {
  if (target.after && target.after.parentElement === target.anchor) target.after.after(host);
  else target.anchor.appendChild(host);
}

/** True when the switches let a badge be drawn for `target` showing `verdict`. */
function shown(target, verdict) {
  const surface = surfaceOf(target.kind);
  if (surface && state.display[surface] === false) return false;
  return !(verdict && verdict.level === 'not_enough_data' && state.display['display.hide_not_enough_data'] === true);
}

/** Makes sure `target` shows exactly one badge, for the account it shows now (none when switched off). */
function reconcile(target, keep) {
  const scope = scopeOf(target);
  const k = key(target.handle);
  const entry = state.cache.get(k);
  const found = entry && entry.verdict ? withOverride(entry.verdict) : null;
  const verdict = shown(target, found) ? found : null;
  let mine = null;
  /** A host left by the account a recycled row showed before: redrawn for this one rather than made anew. */
  let spare = null;
  const open = openHost();
  for (const host of scope.querySelectorAll(`.${HOST_CLASS}`)) {
    // A row's host must belong to this row, not to a nested card.
    if (target.owns ? !target.owns(host) : target.kind !== 'profile' && host.closest(`${SEL.userCell}, ${SEL.hoverCard}`) !== target.root) continue;
    const same = key(host.getAttribute('data-followback-handle') || '') === k;
    if (same && !mine && verdict) mine = host;
    else if (!same && !spare && verdict && host !== open && verdictOf(host)) spare = host;
    else host.remove();
  }
  if (verdict) {
    if (!mine && spare) {
      mine = spare;
      spare = null;
      mine.setAttribute('data-followback-handle', target.handle);
      renderBadge(mine, verdict, state.theme);
      const placed = target.after && target.after.parentElement === target.anchor ? target.after.nextSibling === mine : mine.parentElement === target.anchor;
      if (!placed) insertHost(target, mine);
    } else if (!mine) {
      mine = createHost(document, target.handle, onActivate);
      renderBadge(mine, verdict, state.theme);
      insertHost(target, mine);
    } else if (verdictOf(mine) !== verdict || mine.getAttribute('data-theme') !== state.theme) {
      // A full verdict replacing the compact one it equals: no redraw.
      if (mine.getAttribute('data-theme') === state.theme && sameLook(verdictOf(mine), verdict)) keepVerdict(mine, verdict);
      else renderBadge(mine, verdict, state.theme);
      updateBreakdown(mine, verdict, state.theme);
    }
    keep.add(mine);
  }
  if (spare) spare.remove();
}

/** Filter mode and the audit list, per render, for the account a row shows now. */
function rowExtras(target, facts) {
  if (target.kind !== 'row') return;
  const entry = state.cache.get(key(target.handle));
  const verdict = entry && entry.verdict ? withOverride(entry.verdict) : null;
  filterRow(target.root, verdict, facts);
  if (verdict) recordRow(target.handle, verdict, facts);
}

function needsRequest(k, facts) {
  if (state.inflight.has(k)) return false;
  const entry = state.cache.get(k);
  return !entry || entry.generation < state.generation || entry.factsKey !== JSON.stringify(facts);
}

/** The verdicts of an `fb:verdicts` reply, one per request (compact JSON text or, from an older worker, objects); null when it has none. */
function answersOf(reply, count) {
  if (!reply || !reply.ok) return null;
  if (typeof reply.verdicts === 'string') return decodeAnswers(reply.verdicts, count);
  return Array.isArray(reply.verdicts) ? reply.verdicts : null;
}

/** The lower-case handle whose breakdown is open, or null. */
function openKey() {
  const host = openHost();
  return host && host.isConnected ? key(host.getAttribute('data-followback-handle') || '') : null;
}

/**
 * The open breakdown's account got a compact verdict: its evidence is asked
 * for (`full: true`) and replaces what it shows; until then it keeps the
 * verdict it has (no empty breakdown in between).
 */
function completeOpen(b, generation) {
  ask({ type: MESSAGES.VERDICTS.type, requests: [{ id: b.request.id, handle: b.request.handle }], full: true }).then((reply) =>
    guard('verdict reply failed', () => {
      const full = reply && reply.ok && Array.isArray(reply.verdicts) ? reply.verdicts[0] : null;
      const old = state.cache.get(b.k);
      if (!full || !old || old.generation > generation) return;
      state.cache.set(b.k, { ...old, verdict: full });
      // No rows named (a payload's answer): every row showing it is looked at again.
      if (!b.roots) return rescanAll();
      for (const root of b.roots) if (root.isConnected) state.touched.add(root);
      schedule();
    }),
  );
}

/** Rows already badged with a current verdict whose page facts are new wait this long, to go together in one message. */
const FACTS_DELAY_MS = 200;
/** ...or until this many wait. */
const FACTS_BATCH_MAX = 100;
/** lower-case handle -> the request waiting (see requestVerdicts), and the timer that sends them. */
const waitingFacts = new Map();
let factsTimer = 0;

/**
 * Asks the worker for the verdicts of `batch` (rows whose verdict is missing or
 * out of date, with what the page shows). A row with no current verdict is
 * asked for now (one message for all of them). A row whose badge is drawn
 * already from a current verdict (a payload's) only has new facts to tell:
 * those go together, at most every FACTS_DELAY_MS, so a scroll that brings a
 * row a frame sends a message every few frames, not every frame; their badge
 * is not waiting for it.
 */
function requestVerdicts(batch) {
  if (batch.length === 0 || contextGone()) return;
  const now = [];
  for (const b of batch) {
    const entry = state.cache.get(b.k);
    const current = entry && entry.verdict && entry.generation === state.generation;
    const stamped = { ...b, generation: state.generation, seq: state.seq };
    state.inflight.add(b.k);
    if (current) waitingFacts.set(b.k, stamped);
    else now.push(stamped);
  }
  sendVerdicts(now);
  if (waitingFacts.size >= FACTS_BATCH_MAX) sendWaitingFacts();
  else if (waitingFacts.size > 0 && !factsTimer) factsTimer = setTimeout(() => guard('verdicts failed', sendWaitingFacts), FACTS_DELAY_MS);
}

/** Sends the facts waiting (requestVerdicts), now. */
function sendWaitingFacts() {
  if (factsTimer) clearTimeout(factsTimer);
  factsTimer = 0;
  const batch = [...waitingFacts.values()];
  waitingFacts.clear();
  if (contextGone()) {
    for (const b of batch) state.inflight.delete(b.k);
    return;
  }
  sendVerdicts(batch);
}

/** One `fb:verdicts` message for `batch` (each stamped with the generation and seq it was asked at); compact answers. */
function sendVerdicts(batch) {
  if (batch.length === 0) return;
  const message = { type: MESSAGES.VERDICTS.type, requests: batch.map((b) => b.request) };
  if (state.reloadSettings) {
    message.reloadSettings = true;
    state.reloadSettings = false;
  }
  ask(message).then((reply) =>
    guard('verdict reply failed', () => {
      const verdicts = answersOf(reply, batch.length);
      if (!reply || !reply.ok) debugOnce(`verdicts unavailable: ${reply && reply.error}`);
      const open = openKey();
      batch.forEach((b, i) => {
        const { generation, seq } = b;
        state.inflight.delete(b.k);
        const old = state.cache.get(b.k);
        // Asked again since, or a payload's verdict came after this was asked (it stays; the row asks again).
        if (old && (old.generation > generation || (old.seq || 0) > seq)) return;
        let verdict = verdicts ? verdicts[i] || null : old ? old.verdict : null;
        if (verdict && verdict.compact && b.k === open && old && old.verdict && !old.verdict.compact) {
          completeOpen(b, generation);
          verdict = old.verdict;
        }
        state.cache.set(b.k, { verdict, generation, factsKey: b.factsKey, seq: old ? old.seq || 0 : 0 });
        // Only the rows that showed these accounts are looked at again.
        for (const root of b.roots) if (root.isConnected) state.touched.add(root);
      });
      schedule();
    }),
  );
}


/** The targets this frame looks at: every account shown, or the changed rows and cards plus the page-level ones. */
function targetsNow() {
  const full = state.full;
  state.full = false;
  let result;
  if (full) result = { targets: findTargets(document), looked: null };
  else {
    const changed = changedTargets(state.added, state.touched);
    result = { targets: changed.targets.concat(pageTargets(document)), looked: changed.looked };
  }
  state.added.clear();
  state.touched.clear();
  return result;
}

/** The rows changed since the last scan, as targets (no page-level ones): a rows-only scan's. */
function rowTargetsNow() {
  const changed = changedTargets(state.added, state.touched);
  state.added.clear();
  state.touched.clear();
  return changed;
}

/** True when a badge host not kept this frame is stale: it was looked at (or is page-level), so it goes. */
function lookedAt(host, looked) {
  if (!looked) return true;
  const cell = cellAround(host);
  const card = host.closest(SEL.hoverCard);
  if (!cell && !card) return true;
  return (cell !== null && looked.has(cell)) || (card !== null && looked.has(card));
}

/** The page's theme: read on full scans and when due (THEME_EVERY_MS), else the last one read. */
function themeNow() {
  const now = performance.now();
  if (state.full || state.themeDue || now - state.themeAt >= THEME_EVERY_MS) {
    state.themeDue = false;
    state.themeAt = now;
    return pageTheme(document);
  }
  // Not read this frame: read it once the interval is over, so a change is not missed.
  if (!state.themeTimer) {
    state.themeTimer = setTimeout(() => {
      state.themeTimer = 0;
      state.themeDue = true;
      schedule();
    }, Math.max(0, THEME_EVERY_MS - (now - state.themeAt)));
  }
  return state.theme;
}

/**
 * One frame's work: reconcile the changed rows' badges, then one request for
 * what is missing. `rowsOnly`: the changes were account rows only (run inside
 * the MutationObserver callback, so a row costs one turn, not one in this turn
 * and one at the next frame): only those rows are looked at; the theme,
 * page-level targets, posts and interactions wait for a frame's scan.
 */
function scan(rowsOnly = false) {
  // The URL is read by frames' scans (at least every THEME_EVERY_MS while the page changes) and on navigation events.
  if (!rowsOnly) state.checkNavigation();
  if (!state.enabled) {
    removeAllBadges();
    state.added.clear();
    state.touched.clear();
    return;
  }
  if (!rowsOnly) {
    state.pageDue = false;
    const theme = themeNow();
    if (theme !== state.theme) state.full = true;
    state.theme = theme;
  }
  const keep = new Set();
  const wanted = new Map();
  let ownProfile = false;
  const { targets, looked } = rowsOnly ? rowTargetsNow() : targetsNow();
  for (const target of targets) {
    guard('row failed', () => {
      // The viewer's own profile: a "How you look" chip instead of a badge (selfcheck.js).
      if (isOwnProfile(target) && claimOwnProfile(target, liftFacts(target), { ask, generation: state.generation + state.seq, theme: state.theme, onChange: schedule })) {
        ownProfile = true;
        return;
      }
      reconcile(target, keep);
      const facts = liftFacts(target);
      rowExtras(target, facts);
      const k = key(target.handle);
      const prior = wanted.get(k);
      const roots = prior ? prior.roots : [];
      roots.push(target.root);
      // Several places may show one account: the profile header has the most facts.
      if (prior && !(target.kind === 'profile' && prior.kind !== 'profile')) return;
      wanted.set(k, { k, kind: target.kind, facts, roots });
    });
  }
  if (!rowsOnly) sweepSelfCheck(ownProfile);
  // Badges whose account is no longer shown where they are (in what was looked at; the rest did not change).
  const hosts = rowsOnly ? [...(looked || [])].flatMap((el) => [...el.querySelectorAll(`.${HOST_CLASS}`)]) : document.querySelectorAll(`.${HOST_CLASS}`);
  for (const host of hosts) {
    if (!keep.has(host) && lookedAt(host, looked)) host.remove();
  }
  const open = openHost();
  if (open && !open.isConnected && !survivesBadgeRemoval()) closeBreakdown(false);

  const batch = [];
  for (const w of wanted.values()) {
    const factsKey = JSON.stringify(w.facts);
    if (!needsRequest(w.k, w.facts)) continue;
    const request = { handle: w.facts.handle, dom: w.facts };
    if (w.facts.id) request.id = w.facts.id;
    batch.push({ k: w.k, request, factsKey, roots: w.roots });
  }
  // Rows without a current verdict are asked for now; the others' facts go together shortly.
  requestVerdicts(batch);
  pruneCache(state.cache, wanted.keys());
  if (rowsOnly) return;
  if (!contextGone()) guard('interactions failed', () => recordInteractions(document, ask, invalidateAll));
  if (!contextGone()) guard('posts failed', () => recordTweets(document, ask, invalidateAll));
}

function ours(node) {
  return node && node.nodeType === 1 && (node.classList.contains(HOST_CLASS) || node.classList.contains(POPOVER_CLASS) || isSelfCheckNode(node));
}

/**
 * Notes what changed (for the next frame's scan) and, for the rows X just put
 * in whose account's verdict is known already, draws the badge now: inside this
 * callback, before the page paints. Our own hosts and popovers are not changes.
 */
function onMutations(records) {
  if (!state.ready) return;
  let changed = false;
  const added = [];
  const touched = [];
  for (const r of records) {
    if (r.type !== 'childList') {
      changed = true;
      const el = r.target.nodeType === 1 ? /** @type {Element} */ (r.target) : r.target.parentElement;
      if (el) touched.push(el);
      continue;
    }
    let foreign = false;
    for (const n of r.addedNodes) {
      if (ours(n)) continue;
      foreign = true;
      if (n.nodeType === 1) added.push(/** @type {Element} */ (n));
    }
    for (const n of r.removedNodes) if (!ours(n)) foreign = true;
    if (foreign && r.target.nodeType === 1) touched.push(/** @type {Element} */ (r.target));
    changed = changed || foreign;
  }
  if (!changed) return;
  for (const n of added) state.added.add(n);
  for (const n of touched) state.touched.add(n);
  if (!state.enabled || contextGone()) {
    schedule();
    return;
  }
  // Account rows put in or refilled, nothing else, and no full scan pending: all their work now.
  if (!state.full && !state.pageDue && rowsOnly(records)) {
    scan(true);
    // The theme is still read as often as before a frame's scan would (it may change with no mutation).
    if (performance.now() - state.themeAt >= THEME_EVERY_MS) schedule();
    return;
  }
  state.pageDue = true;
  badgeNow(added, touched);
  schedule();
}

/** True when `el` is an account row, inside one, or holds rows and nothing page-level (posts, notifications, headers, cards). */
function rowElement(el) {
  if (el.closest(SEL.userCell)) return !el.closest(SEL.notRowsOnly);
  return el.querySelector(SEL.userCell) !== null && el.querySelector(SEL.notRowsOnly) === null;
}

/** True when every change in `records` (ours aside) is in account rows: rows added, refilled or changed in place. */
function rowsOnly(records) {
  for (const r of records) {
    if (r.type !== 'childList') {
      const el = r.target.nodeType === 1 ? /** @type {Element} */ (r.target) : r.target.parentElement;
      if (!el || !el.isConnected || !el.closest(SEL.userCell) || el.closest(SEL.notRowsOnly)) return false;
      continue;
    }
    for (const n of r.addedNodes) {
      if (ours(n) || !n.isConnected) continue;
      const el = n.nodeType === 1 ? /** @type {Element} */ (n) : n.parentElement;
      if (!el || !rowElement(el)) return false;
    }
    // What went away may have been page-level too (the side bar naming the viewer, a header).
    if (r.removedNodes.length === 0) continue;
    const parent = r.target.nodeType === 1 ? /** @type {Element} */ (r.target) : null;
    if (parent && parent.isConnected && parent.closest(SEL.userCell) && !parent.closest(SEL.notRowsOnly)) continue;
    for (const n of r.removedNodes) {
      if (ours(n)) continue;
      if (n.nodeType !== 1 || !rowElement(/** @type {Element} */ (n))) return false;
    }
  }
  return true;
}

/**
 * Badges, now, for the rows and cards just put in or refilled (X recycles row
 * nodes) whose account's verdict is known: the right badge in, a stale one out.
 * The rest waits for the frame's scan.
 */
function badgeNow(added, touched) {
  if (added.length === 0 && touched.length === 0) return;
  const none = new Set();
  for (const target of changedTargets(added, touched).targets) {
    const entry = state.cache.get(key(target.handle));
    if (entry && entry.verdict) guard('row failed', () => reconcile(target, none));
  }
}

function relayPayload(payload) {
  if (!state.enabled || contextGone()) return;
  ask({ type: MESSAGES.PAYLOAD.type, text: payload.text, url: payload.url }).then((reply) =>
    guard('payload reply failed', () => {
      if (!reply || !reply.ok) {
        debugOnce(`a payload was not read: ${reply && reply.error}`);
        return;
      }
      if (reply.viewer) rememberPayloadViewer(reply.viewer);
      // A worker without compact verdicts: every verdict is asked again, as before.
      if (typeof reply.verdicts !== 'string') {
        invalidateAll();
        return;
      }
      // Only this payload's accounts change; rows showing them now are redrawn, nothing is asked again.
      const open = openKey();
      const before = open ? state.cache.get(open) : undefined;
      state.seq += 1;
      const keys = storeCompact(state.cache, decodeCompact(reply.verdicts), state.generation, state.seq);
      // The open breakdown keeps the evidence it shows until its account's new full verdict comes.
      const after = open ? state.cache.get(open) : undefined;
      if (open && after && before && before.verdict && !before.verdict.compact && keys.includes(open)) {
        state.cache.set(open, { ...after, verdict: before.verdict });
        completeOpen({ k: open, request: { id: after.verdict.id || undefined, handle: after.verdict.handle }, roots: null }, state.generation);
      }
      rescanAll();
    }),
  );
}

function onStorageChanged(changes, area) {
  guard('settings change failed', () => {
    if (area === 'local' && changes[STORAGE_KEYS.enabled]) {
      state.enabled = changes[STORAGE_KEYS.enabled].newValue !== false;
      if (!state.enabled) removeAllBadges();
      invalidateAll();
    }
    if (area === 'local' && changes[FILTER_KEY]) {
      setFilter(changes[FILTER_KEY].newValue);
      clearAllFilters(document);
      rescanAll();
    }
    if (area === 'local' && changes[OVERRIDES_KEY]) {
      setOverrides(changes[OVERRIDES_KEY].newValue);
      rescanAll();
    }
    if (settingsChanged(changes, area)) {
      state.reloadSettings = true;
      loadDisplay().then((display) => {
        state.display = display;
        rescanAll();
      });
      invalidateAll();
    }
  });
}

/** Counts of the badges drawn now, by level (the popup's `fb:page-stats`). */
function pageStats() {
  const byLevel = { follow_back: 0, maybe: 0, skip: 0, not_enough_data: 0 };
  let total = 0;
  for (const host of document.querySelectorAll(`.${HOST_CLASS}`)) {
    const level = host.getAttribute('data-followback-level');
    if (level in byLevel) byLevel[level] += 1;
    total += 1;
  }
  return { ok: true, enabled: state.enabled, total, byLevel, list: isListPage(location.pathname), cached: state.cache.size };
}

/** True on a page that lists accounts to audit: followers, verified followers, following, list members. */
function isListPage(pathname) {
  return listOf(pathname).kind !== 'other' || /^\/i\/lists\/[^/]+\/members\/?$/.test(String(pathname));
}

/** The content script's answer to each of its messages (shared/messages.js, `to: 'content'`). */
const ANSWERS = {
  [MESSAGES.PAGE_STATS.type]: pageStats,
  [MESSAGES.LIST_STATS.type]: () => listStats(state.enabled),
  [MESSAGES.SELF_CHECK_PAGE.type]: () => answerSelfCheckPage(ask),
  [MESSAGES.SELF_CHECK_OPEN.type]: openSelfCheckPanel,
};

function onRuntimeMessage(message, sender, sendResponse) {
  if (!message || refusal(message.type, senderRole(sender, selfOf(chrome.runtime)), 'content') !== null) return false;
  const answer = guard(`${message.type} failed`, ANSWERS[message.type]);
  if (answer && typeof answer.then === 'function') {
    // An answer that needs the service worker first: keep the channel open for it.
    answer.then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
    return true;
  }
  sendResponse(answer || { ok: false, error: `${message.type} failed` });
  return false;
}

function observe() {
  const root = document.documentElement;
  if (!root) return;
  state.observer = new MutationObserver((records) => guard('mutation failed', () => onMutations(records)));
  state.observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['href', 'data-testid', 'src'],
  });
}

/** The extension was reloaded or removed under this page: take the badges away, stop the hook copying. */
function orphaned(channel) {
  state.enabled = false;
  channel.stop();
  if (state.observer) state.observer.disconnect();
  state.observer = null;
  state.cache.clear();
  removeAllBadges();
}

/** Starts the content script; `queue` holds hook messages that arrived before it started (none when bundled). */
export function start({ queue = [], release = () => {} } = {}) {
  if (state.started) return;
  state.started = true;
  // Payloads come only over the hook's private port (channel.js), never from window messages.
  const channel = openChannel((payload) => guard('relay failed', () => relayPayload(payload)));
  watchOrphan(() => guard('clean-up failed', () => orphaned(channel)));
  release();
  const early = queue.splice(0, queue.length);
  // Observed from the start, before the page's own scripts: our callback comes first
  // in each mutation turn, so a badge is in before any page observer sees the row.
  observe();

  state.checkNavigation = watchNavigation(() => {
    guard('navigation failed', () => {
      closeBreakdown(false);
      rescanAll();
    });
  });
  try {
    chrome.runtime.onMessage.addListener(onRuntimeMessage);
    chrome.storage.onChanged.addListener(onStorageChanged);
  } catch (e) {
    debugOnce('storage events unavailable', e);
  }
  const ready = (() => {
    try {
      return chrome.storage.local.get(STORAGE_KEYS.enabled).then(
        (got) => {
          state.enabled = !got || got[STORAGE_KEYS.enabled] !== false;
        },
        () => {},
      );
    } catch (_) {
      return Promise.resolve();
    }
  })();
  const display = loadDisplay().then((d) => {
    state.display = d;
  });
  Promise.all([ready, display, loadFilter(), loadOverrides()]).then(() =>
    guard('start failed', () => {
      for (const p of early) relayPayload(p);
      state.ready = true;
      if (!state.observer) observe();
      rescanAll();
    }),
  );
}
