// @ts-check
// What people do to the viewer: the notifications page's rows ("<Name>
// followed you", "<Name> and 4 others liked your reply", reposts) and the
// replies and mentions shown as posts. Finds a badge target per actor and
// lifts one interaction per actor for the service worker (`fb:interactions`).
//
// On other pages only a reply to the viewer ("Replying to @viewer") counts,
// and gets no badge: a timeline full of badges is not this feature's job.
//
// A notification's kind comes from its icon (NOTIFICATION_ICONS: the same in
// every language). Only a row without a known icon falls back to the phrase
// table, and then only on the row's own words: text inside links (the
// actors' names) and the quoted post is never matched, so an account named
// "Sam replied to your" records nothing.

import { SEL, PATTERNS, NOTIFICATION_ICONS, avatarHandle, handleFromHref } from './selectors.js';
import { visibleText } from './text.js';
import { kindOfNotification, saysReplyingTo } from './phrases.js';
import { debugOnce } from './log.js';
import { handleFromShownText, isHandle } from '../shared/x-account.js';

const lower = (s) => String(s || '').toLowerCase();

/** True on /notifications and its tabs (/notifications/mentions, ...). */
export function onNotificationsPage(doc = document) {
  const path = doc.location ? doc.location.pathname : location.pathname;
  return PATTERNS.notificationsPath.test(path);
}

/**
 * The viewer a payload named (the service worker's reply to `fb:payload`), for
 * this page: one value, the latest. Only a fallback: the side bar wins.
 * @type {string | null}
 */
let payloadViewer = null;

/**
 * Remembers the viewer a payload named, when it is a well-formed handle;
 * anything else is ignored (and forgets nothing). Returns whether it was kept.
 * @param {unknown} viewer the reply's `viewer`: `{ handle, id? }`
 */
export function rememberPayloadViewer(viewer) {
  const handle = viewer && typeof viewer === 'object' ? /** @type {{ handle?: unknown }} */ (viewer).handle : null;
  if (!isHandle(handle)) return false;
  payloadViewer = /** @type {string} */ (handle);
  return true;
}

/**
 * The viewer's handle: from the side bar's profile link when it is shown (a
 * payload never overrides it), else the one a payload named; null when neither.
 * Never from the URL.
 */
export function viewerHandle(doc = document) {
  const link = doc.querySelector(SEL.viewerProfileLink);
  const fromSideBar = link ? handleFromHref(link.getAttribute('href')) : null;
  return fromSideBar || payloadViewer;
}

/** The actors of a notification row: one per distinct avatar, in the order shown. */
export function notificationActors(note) {
  const out = [];
  const seen = new Set();
  for (const avatar of note.querySelectorAll(SEL.avatarContainer)) {
    // "unknown" and other placeholders are not handles: the avatar's link may still name the account.
    const handle = avatarHandle(avatar);
    if (!handle || seen.has(lower(handle))) continue;
    seen.add(lower(handle));
    out.push({ handle, avatar });
  }
  return out;
}

/** A post's author: { handle, block, link } from its User-Name block, or null. */
export function tweetAuthor(article) {
  const block = article.querySelector(SEL.tweetAuthor);
  if (!block) return null;
  let fallback = null;
  for (const a of block.querySelectorAll(SEL.links)) {
    const handle = handleFromHref(a.getAttribute('href'));
    if (!handle) continue;
    if (lower(handleFromShownText(visibleText(a))) === lower(handle)) return { handle, block, link: a };
    if (!fallback) fallback = { handle, block, link: a };
  }
  return fallback;
}

/**
 * The text of `el` with its text nodes joined by spaces (rows are made of
 * separate blocks whose text would otherwise run together), skipping `skip(node)`.
 * @param {Element} el
 * @param {(node: Element) => boolean} [skip]
 */
export function spacedText(el, skip = () => false) {
  const parts = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const host = n.parentElement;
    if (host && (host.closest('.followback-badge-host') || skip(host))) continue;
    const t = n.nodeValue.trim();
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

/** Posts, outermost only (a quoted post is not an article, but be safe). */
function articles(doc) {
  return [...doc.querySelectorAll(SEL.tweet)].filter((a) => !(a.parentElement && a.parentElement.closest(SEL.tweet)));
}

/** Badge targets on notification pages: every actor of a row, every post author. */
export function notificationTargets(doc = document) {
  if (!onNotificationsPage(doc)) return [];
  const viewer = lower(viewerHandle(doc));
  const out = [];
  for (const note of doc.querySelectorAll(SEL.notification)) {
    for (const { handle, avatar } of notificationActors(note)) {
      if (lower(handle) === viewer || !avatar.parentElement) continue;
      const scope = avatar.parentElement;
      // Siblings share the avatar row: a badge belongs to the avatar just before it.
      out.push({ kind: 'notification', root: note, handle, anchor: scope, after: avatar, scope, owns: (host) => host.previousElementSibling === avatar });
    }
  }
  for (const article of articles(doc)) {
    const author = tweetAuthor(article);
    if (!author || lower(author.handle) === viewer) continue;
    const anchor = author.link && author.link.parentElement ? author.link.parentElement : author.block;
    out.push({ kind: 'tweet', root: article, handle: author.handle, anchor, after: author.link, scope: author.block, owns: () => true });
  }
  return out;
}

/** The kind a notification row's icon shows (the first known icon in the row), or null. */
export function iconKind(note) {
  for (const path of note.querySelectorAll(SEL.iconPath)) {
    if (path.closest(`${SEL.avatarContainer}, ${SEL.verified}, .followback-badge-host`)) continue;
    const d = (path.getAttribute('d') || '').trim();
    for (const [prefix, kind] of NOTIFICATION_ICONS) if (d.startsWith(prefix)) return kind;
  }
  return null;
}

/**
 * The last resort: the phrase table on the row's own words only, never on
 * links (the actors' names), the quoted post or a post's text.
 */
export function phraseKind(note) {
  const skip = (el) => Boolean(el.closest(`${SEL.links}, ${SEL.rowBio}, ${SEL.tweetText}`));
  return kindOfNotification(spacedText(note, (el) => note.contains(el) && skip(el)));
}

/** Unix seconds of the first time[datetime] under `el`, or null. */
function timeOf(el) {
  const t = el && el.querySelector(SEL.time);
  const ms = t ? Date.parse(t.getAttribute('datetime') || '') : NaN;
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : null;
}

/** Handles a post replies to: "@" links outside its author block and its text. */
function replyTargets(article, author) {
  const out = new Set();
  for (const a of article.querySelectorAll(SEL.links)) {
    if (author.block.contains(a) || a.closest(SEL.tweetText)) continue;
    const handle = handleFromHref(a.getAttribute('href'));
    if (handle && handleFromShownText(visibleText(a))) out.add(lower(handle));
  }
  return out;
}

/** What a post says about the viewer: "replied", "mentioned" or null. */
function postKind(article, author, viewer, notificationsPage) {
  // The "Replying to" line: the post's text outside its author block and its own words.
  const replyLine = saysReplyingTo(spacedText(article, (el) => author.block.contains(el) || Boolean(el.closest(SEL.tweetText))));
  const targets = replyLine ? replyTargets(article, author) : new Set();
  if (replyLine && viewer && targets.has(viewer)) return 'replied';
  if (!notificationsPage) return null;
  // On the notifications page every post is about the viewer.
  if (replyLine && !viewer) return 'replied';
  return 'mentioned';
}

/**
 * Interactions the page shows now: [{ handle, kind, at?, key }] (at in unix
 * seconds; `key` tells the same interaction apart across frames).
 */
export function liftInteractions(doc = document) {
  const notificationsPage = onNotificationsPage(doc);
  const viewer = lower(viewerHandle(doc));
  const out = [];
  if (notificationsPage) {
    for (const note of doc.querySelectorAll(SEL.notification)) {
      const text = spacedText(note);
      const kind = iconKind(note) || phraseKind(note);
      if (!kind) continue;
      const at = timeOf(note);
      for (const { handle } of notificationActors(note)) {
        if (lower(handle) === viewer) continue;
        const item = { handle, kind, key: `${lower(handle)}|${kind}|${at === null ? text : at}` };
        if (at !== null) item.at = at;
        out.push(item);
      }
    }
  }
  // Off the notifications page, only posts that link the viewer can be replies to them.
  const viewerHref = viewer ? `a[href="/${viewer}" i]` : null;
  for (const article of articles(doc)) {
    if (!notificationsPage && (!viewerHref || !article.querySelector(viewerHref))) continue;
    const author = tweetAuthor(article);
    if (!author || lower(author.handle) === viewer) continue;
    const kind = postKind(article, author, viewer, notificationsPage);
    if (!kind) continue;
    const at = timeOf(author.block) ?? timeOf(article);
    const item = { handle: author.handle, kind, key: `${lower(author.handle)}|${kind}|${at === null ? spacedText(article) : at}` };
    if (at !== null) item.at = at;
    out.push(item);
  }
  return out;
}

const sent = new Set();
const SENT_MAX = 5000;

/**
 * Sends the interactions not sent yet from this page (one message per frame at
 * most) with `ask`; calls `onRecorded()` when the service worker kept any, so
 * the badges can be asked again.
 */
export function recordInteractions(doc, ask, onRecorded) {
  const fresh = liftInteractions(doc).filter((i) => !sent.has(i.key));
  if (fresh.length === 0) return;
  if (sent.size > SENT_MAX) sent.clear();
  for (const i of fresh) sent.add(i.key);
  const interactions = fresh.map(({ handle, kind, at }) => (at === undefined ? { handle, kind } : { handle, kind, at }));
  ask({ type: 'fb:interactions', interactions }).then((reply) => {
    // Not retried on failure: the next visit to the page sends them again.
    if (!reply || !reply.ok) debugOnce(`interactions not recorded: ${reply && reply.error}`);
    else if (reply.recorded > 0) onRecorded();
  });
}
