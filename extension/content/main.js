// @ts-check
// Content script entry (isolated world, bundled by build.sh from entry.js): wires the
// finder, fact lifter, relay, badges and breakdown together.
//
// Per animation frame: find the accounts shown, make sure each has exactly one
// badge for the account it shows now, and ask the service worker (one message
// per batch) for verdicts that are missing or out of date. Every callback is
// guarded: the page must never break because of this script.

import { SEL } from './selectors.js';
import { findTargets, surfaceOf } from './finder.js';
import { liftFacts } from './facts.js';
import { ask, contextGone } from './relay.js';
import { openChannel, watchOrphan } from './channel.js';
import { watchNavigation } from './nav.js';
import { perFrame } from './frame.js';
import { pageTheme } from './theme.js';
import { HOST_CLASS, createHost, renderBadge, verdictOf } from './badge.js';
import { toggleBreakdown, closeBreakdown, openHost, updateBreakdown, survivesBadgeRemoval } from './breakdown.js';
import { debugOnce, guard } from './log.js';
import { filterRow, clearAllFilters, loadFilter, setFilter, FILTER_KEY } from '../shared/filter.js';
import { pruneCache } from './cache.js';
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
  /** Bumped whenever every verdict must be asked again (new payload, new settings). */
  generation: 1,
  reloadSettings: false,
  /** lower-case handle -> { verdict | null, generation, factsKey }: on screen plus RECENT_LIMIT recent (cache.js) */
  cache: new Map(),
  /** lower-case handles with a request under way */
  inflight: new Set(),
  theme: 'light',
  /** The per-surface switches (`display.*` settings, shared/display.js). */
  display: defaultDisplay(),
  observer: null,
  checkNavigation: () => {},
};

const key = (handle) => String(handle).toLowerCase();
const schedule = perFrame(() => guard('scan failed', scan));

function invalidateAll() {
  state.generation += 1;
  schedule();
}

function onActivate(host) {
  guard('breakdown failed', () => {
    const verdict = verdictOf(host);
    if (verdict) toggleBreakdown(host, verdict, state.theme);
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
  for (const host of scope.querySelectorAll(`.${HOST_CLASS}`)) {
    // A row's host must belong to this row, not to a nested card.
    if (target.owns ? !target.owns(host) : target.kind !== 'profile' && host.closest(`${SEL.userCell}, ${SEL.hoverCard}`) !== target.root) continue;
    const same = key(host.getAttribute('data-followback-handle') || '') === k;
    if (same && !mine && verdict) mine = host;
    else host.remove();
  }
  if (verdict) {
    if (!mine) {
      mine = createHost(document, target.handle, onActivate);
      renderBadge(mine, verdict, state.theme);
      insertHost(target, mine);
    } else if (verdictOf(mine) !== verdict || mine.getAttribute('data-theme') !== state.theme) {
      renderBadge(mine, verdict, state.theme);
      updateBreakdown(mine, verdict, state.theme);
    }
    keep.add(mine);
  }
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

function requestVerdicts(batch) {
  if (batch.length === 0 || contextGone()) return;
  const generation = state.generation;
  const message = { type: MESSAGES.VERDICTS.type, requests: batch.map((b) => b.request) };
  if (state.reloadSettings) {
    message.reloadSettings = true;
    state.reloadSettings = false;
  }
  for (const b of batch) state.inflight.add(b.k);
  ask(message).then((reply) =>
    guard('verdict reply failed', () => {
      const verdicts = reply && reply.ok && Array.isArray(reply.verdicts) ? reply.verdicts : null;
      if (!reply || !reply.ok) debugOnce(`verdicts unavailable: ${reply && reply.error}`);
      batch.forEach((b, i) => {
        state.inflight.delete(b.k);
        const old = state.cache.get(b.k);
        if (old && old.generation > generation) return;
        const verdict = verdicts ? verdicts[i] || null : old ? old.verdict : null;
        state.cache.set(b.k, { verdict, generation, factsKey: b.factsKey });
      });
      schedule();
    }),
  );
}

/** One frame's work: reconcile every badge, then one request for what is missing. */
function scan() {
  state.checkNavigation();
  if (!state.enabled) {
    removeAllBadges();
    return;
  }
  state.theme = pageTheme(document);
  const keep = new Set();
  const wanted = new Map();
  let ownProfile = false;
  for (const target of findTargets(document)) {
    guard('row failed', () => {
      // The viewer's own profile: a "How you look" chip instead of a badge (selfcheck.js).
      if (isOwnProfile(target) && claimOwnProfile(target, liftFacts(target), { ask, generation: state.generation, theme: state.theme, onChange: schedule })) {
        ownProfile = true;
        return;
      }
      reconcile(target, keep);
      const facts = liftFacts(target);
      rowExtras(target, facts);
      const k = key(target.handle);
      const prior = wanted.get(k);
      // Several places may show one account: the profile header has the most facts.
      if (prior && !(target.kind === 'profile' && prior.kind !== 'profile')) return;
      wanted.set(k, { k, kind: target.kind, facts });
    });
  }
  sweepSelfCheck(ownProfile);
  // Badges whose account is no longer shown where they are.
  for (const host of document.querySelectorAll(`.${HOST_CLASS}`)) {
    if (!keep.has(host)) host.remove();
  }
  const open = openHost();
  if (open && (!open.isConnected || !keep.has(open)) && !survivesBadgeRemoval()) closeBreakdown(false);

  const batch = [];
  for (const w of wanted.values()) {
    const factsKey = JSON.stringify(w.facts);
    if (!needsRequest(w.k, w.facts)) continue;
    const request = { handle: w.facts.handle, dom: w.facts };
    if (w.facts.id) request.id = w.facts.id;
    batch.push({ k: w.k, request, factsKey });
  }
  requestVerdicts(batch);
  pruneCache(state.cache, wanted.keys());
  if (!contextGone()) guard('interactions failed', () => recordInteractions(document, ask, invalidateAll));
  if (!contextGone()) guard('posts failed', () => recordTweets(document, ask, invalidateAll));
}

function ours(node) {
  return node && node.nodeType === 1 && (node.classList.contains(HOST_CLASS) || node.classList.contains(POPOVER_CLASS) || isSelfCheckNode(node));
}

function onMutations(records) {
  for (const r of records) {
    if (r.type !== 'childList') return schedule();
    for (const n of r.addedNodes) if (!ours(n)) return schedule();
    for (const n of r.removedNodes) if (!ours(n)) return schedule();
  }
  return undefined;
}

function relayPayload(payload) {
  if (!state.enabled || contextGone()) return;
  ask({ type: MESSAGES.PAYLOAD.type, text: payload.text, url: payload.url }).then((reply) => {
    if (reply && reply.ok) {
      if (reply.viewer) rememberPayloadViewer(reply.viewer);
      invalidateAll();
    }
    else debugOnce(`a payload was not read: ${reply && reply.error}`);
  });
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
      schedule();
    }
    if (area === 'local' && changes[OVERRIDES_KEY]) {
      setOverrides(changes[OVERRIDES_KEY].newValue);
      schedule();
    }
    if (settingsChanged(changes, area)) {
      state.reloadSettings = true;
      loadDisplay().then((display) => {
        state.display = display;
        schedule();
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

  state.checkNavigation = watchNavigation(() => {
    guard('navigation failed', () => {
      closeBreakdown(false);
      schedule();
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
      observe();
      schedule();
    }),
  );
}
