// @ts-check
// Recent posts from the page: on a profile timeline ("/<handle>",
// "/<handle>/with_replies") each tweet article is lifted as raw strings (the
// Rust core's read::dom_tweet::DomTweet) and sent once, by post id, to the
// service worker (`fb:tweets`), so the behaviour signals (variety,
// conversation, last post, automation) work when no payload was captured.
//
// Only the profile owner's posts are sent: their own posts, replies and
// quotes, and the posts they reposted (recorded as the owner's reposts with
// the original's text). Other people's posts shown in conversations are left
// out: one stray post says nothing about its author.
//
// Quote rule: an article that holds a SECOND User-Name block holds a quoted
// post. The quote's part of the article is that block's nearest
// [role="link"] ancestor inside the article (X's quote card) or, without
// one, everything from that block on in document order. The time, status
// link, text, links and "Replying to" line inside the quote's part are the
// quoted post's and are never read as the article's own.

import { SEL, PATTERNS, profileHandleFromPath } from './selectors.js';
import { visibleText } from './text.js';
import { saysReplyingTo, saysReposted } from './phrases.js';
import { tweetAuthor, spacedText } from './notifications.js';
import { debugOnce } from './log.js';
import { handleFromShownText } from '../shared/x-account.js';

const lower = (s) => String(s || '').toLowerCase();

/** The profile owner when the page is a profile timeline, else null. */
export function timelineOwner(doc = document) {
  const path = doc.location ? doc.location.pathname : location.pathname;
  if (!PATTERNS.profileTimelinePath.test(path)) return null;
  return profileHandleFromPath(path);
}

/** Posts, outermost only. */
function articles(doc) {
  return [...doc.querySelectorAll(SEL.tweet)].filter((a) => !(a.parentElement && a.parentElement.closest(SEL.tweet)));
}

/** `inQuote(el)`: true for what belongs to the article's quoted post (see the quote rule above). */
function quotePart(article) {
  const blocks = article.querySelectorAll(SEL.tweetAuthor);
  if (blocks.length < 2) return { quote: false, inQuote: () => false };
  const second = blocks[1];
  const card = second.closest(SEL.quoteCard);
  if (card && article.contains(card) && !card.contains(blocks[0])) {
    return { quote: true, inQuote: (el) => card.contains(el) };
  }
  // No card: the quoted post is everything from its author block on.
  return {
    quote: true,
    inQuote: (el) => el === second || Boolean(second.compareDocumentPosition(el) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)),
  };
}

function firstOwn(article, selector, inQuote) {
  for (const el of article.querySelectorAll(selector)) if (!inQuote(el)) return el;
  return null;
}

/** The post's own status link: the one around its time, else the first outside the quote. */
function statusLink(article, inQuote) {
  for (const t of article.querySelectorAll(SEL.time)) {
    if (inQuote(t)) continue;
    const a = t.closest(SEL.statusLink);
    if (a && article.contains(a)) return { link: a, time: t };
  }
  const link = firstOwn(article, SEL.statusLink, inQuote);
  return link ? { link, time: firstOwn(article, SEL.time, inQuote) } : null;
}

/** The handle of the "Replying to @x" line (outside the author block, the text and the quote), or null. */
function replyingTo(article, author, text, inQuote) {
  const skip = (el) => author.block.contains(el) || Boolean(text && text.contains(el)) || inQuote(el) || Boolean(el.closest(SEL.socialContext));
  if (!saysReplyingTo(spacedText(article, skip))) return null;
  for (const a of article.querySelectorAll(SEL.links)) {
    if (skip(a)) continue;
    const shown = handleFromShownText(visibleText(a));
    if (shown) return `@${shown}`;
  }
  return null;
}

/** Links inside the post's own text, as shown. */
function textLinks(text) {
  if (!text) return [];
  return [...text.querySelectorAll(SEL.links)].map((a) => {
    const link = { href: a.getAttribute('href') || '' };
    const shown = (a.textContent || '').trim();
    if (shown) link.text = shown;
    const title = a.getAttribute('title');
    if (title) link.title = title;
    return link;
  });
}

/**
 * One article's raw facts (DomTweet) and a key for sending it once, or null
 * when it is not the owner's post or shows no status link yet.
 */
export function liftTweet(article, owner) {
  const author = tweetAuthor(article);
  if (!author) return null;
  const { quote, inQuote } = quotePart(article);
  const context = firstOwn(article, SEL.socialContext, inQuote);
  const reposted = Boolean(context) && saysReposted(visibleText(context));
  // On a profile timeline the reposter is always the owner.
  if (!reposted && lower(author.handle) !== lower(owner)) return null;
  const status = statusLink(article, inQuote);
  if (!status) return null;
  const href = status.link.getAttribute('href') || '';
  const id = PATTERNS.statusId.exec(href);
  if (!id) return null;
  const text = firstOwn(article, SEL.tweetText, inQuote);
  const facts = { statusHref: href, authorHref: author.link ? author.link.getAttribute('href') : `/${author.handle}` };
  const datetime = status.time ? status.time.getAttribute('datetime') : null;
  if (datetime) facts.datetime = datetime;
  if (text) facts.text = visibleText(text);
  const links = textLinks(text);
  if (links.length) facts.links = links;
  if (reposted) facts.repostedBy = owner;
  else {
    const reply = replyingTo(article, author, text, inQuote);
    if (reply) facts.replyingTo = reply;
  }
  if (quote) facts.quote = true;
  return { key: `${lower(owner)}|${id[1]}|${reposted ? 'repost' : 'post'}`, facts };
}

/** The owner's posts the page shows now: [{ key, facts }]. */
export function liftTweets(doc = document) {
  const owner = timelineOwner(doc);
  if (!owner) return [];
  const out = [];
  for (const article of articles(doc)) {
    const t = liftTweet(article, owner);
    if (t) out.push(t);
  }
  return out;
}

const sent = new Set();
const SENT_MAX = 5000;

/**
 * Sends the owner's posts not sent yet from this page (one message per frame
 * at most) with `ask`; calls `onRecorded()` when the service worker kept any,
 * so the badges are asked again and the breakdown shows the posts.
 */
export function recordTweets(doc, ask, onRecorded) {
  const fresh = liftTweets(doc).filter((t) => !sent.has(t.key));
  if (fresh.length === 0) return;
  if (sent.size > SENT_MAX) sent.clear();
  for (const t of fresh) sent.add(t.key);
  ask({ type: 'fb:tweets', tweets: fresh.map((t) => t.facts) }).then((reply) => {
    // Not retried on failure: the next visit to the page sends them again.
    if (!reply || !reply.ok) debugOnce(`posts not recorded: ${reply && reply.error}`);
    else if (reply.recorded > 0) onRecorded();
  });
}
