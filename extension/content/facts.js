// @ts-check
// DOM fact lifter: the strings a target shows, as DomFacts (contracts.md).
// Raw text only ("12.5K", "Joined March 2011"); the Rust core parses it.
// A fact that is not on the page is left out (unknown), never guessed.
// Facts are read from structure (test ids, links, icons), never from words a
// person chose: a name or bio can say anything.

import { SEL, TESTID, PATTERNS, GOVERNMENT_CHECK_COLOUR, avatarHandle, handleFromHref } from './selectors.js';
import { visibleText, firstNumberText } from './text.js';
import { viewerHandle } from './notifications.js';
import { handleFromShownText, isDefaultAvatar } from '../shared/x-account.js';

const lower = (s) => String(s || '').toLowerCase();

/** { id, youFollow? } from the first follow button; a state outside TESTID.followStates keeps the id only. */
function followButton(root, skipNested) {
  for (const el of root.querySelectorAll(SEL.followButton)) {
    if (skipNested && el.closest(`${SEL.userCell}, ${SEL.hoverCard}`)) continue;
    const m = TESTID.followButton.exec(el.getAttribute('data-testid') || '');
    if (!m) continue;
    const out = { id: m[1] };
    if (Object.hasOwn(TESTID.followStates, m[2])) out.youFollow = TESTID.followStates[m[2]];
    return out;
  }
  return null;
}

/**
 * The avatar of `handle` under `root`: a container named for it, or an
 * unnamed one (`UserAvatar-Container-unknown`, the profile header's) that
 * belongs to `root` itself rather than to a post, row or card inside it.
 */
function avatarUrl(root, handle) {
  for (const c of root.querySelectorAll(SEL.avatarContainer)) {
    const named = avatarHandle(c);
    if (named && lower(named) !== lower(handle)) continue;
    if (!named) {
      const owner = c.closest(`${SEL.tweet}, ${SEL.userCell}, ${SEL.hoverCard}`);
      if (owner && owner !== root && root.contains(owner)) continue;
    }
    const img = c.querySelector(SEL.avatarImg);
    if (img) return img.getAttribute('src');
  }
  return null;
}

/** Ids of the elements `root` and its descendants name in aria-describedby (screen-reader text). */
function describedIds(root) {
  const ids = new Set();
  const els = root.matches(SEL.describedBy) ? [root, ...root.querySelectorAll(SEL.describedBy)] : root.querySelectorAll(SEL.describedBy);
  for (const el of els) {
    for (const id of (el.getAttribute('aria-describedby') || '').split(/\s+/)) if (id) ids.add(id);
  }
  return ids;
}

/** True when `el` is, or sits in, text for screen readers or hidden from sight (up to `root`). */
function screenReaderOnly(el, root, ids) {
  for (let n = el; n && n !== root; n = n.parentElement) {
    if ((n.id && ids.has(n.id)) || n.matches(SEL.hidden)) return true;
  }
  for (const id of ids) {
    if (el.querySelector(`[id="${CSS.escape(id)}"]`)) return true;
  }
  return false;
}

/** True when something between `el` and `root` (both excluded) is a link or button. */
function insideInteractive(el, root) {
  for (let n = el.parentElement; n && n !== root; n = n.parentElement) {
    if (n.matches(SEL.interactive)) return true;
  }
  return false;
}

/**
 * The row's bio: a div[dir="auto"] without test id, not inside a link or
 * button of the row (the row itself may be a `<button>`), never hidden or
 * screen-reader text. "" when the bio element is shown empty; null when the
 * row has no bio element at all (X's compact rows): the bio was not seen.
 */
function rowBio(root) {
  const ids = describedIds(root);
  let shown = false;
  for (const el of root.querySelectorAll(SEL.rowBio)) {
    if (insideInteractive(el, root) || screenReaderOnly(el, root, ids)) continue;
    const outer = el.parentElement && el.parentElement.closest(SEL.rowBio);
    if (outer && root.contains(outer) && outer !== root) continue;
    shown = true;
    const text = visibleText(el);
    if (text) return text;
  }
  return shown ? '' : null;
}

function rowName(root, handle) {
  for (const a of root.querySelectorAll(SEL.links)) {
    const h = handleFromHref(a.getAttribute('href'));
    if (!h || lower(h) !== lower(handle)) continue;
    const text = visibleText(a);
    if (text && !handleFromShownText(text)) return text;
  }
  return null;
}

function countLink(root, selector, handle) {
  for (const a of root.querySelectorAll(selector)) {
    const href = a.getAttribute('href') || '';
    const owner = href.split('/').filter(Boolean)[0] || '';
    if (lower(owner) !== lower(handle)) continue;
    const text = firstNumberText(a);
    if (text) return text;
  }
  return null;
}

function textOf(root, selector) {
  const el = root.querySelector(selector);
  const text = el ? visibleText(el) : '';
  return text || null;
}

function put(facts, key, value) {
  if (value !== null && value !== undefined && value !== '') facts[key] = value;
}

function putAvatar(facts, url) {
  if (!url) return;
  facts.avatarUrl = url;
  facts.defaultAvatar = isDefaultAvatar(url);
}

/** svg -> { look, kind }: computed colours are read once per look of a badge (rows are recycled). */
const kinds = new WeakMap();

/**
 * The kind of check a verified badge draws, when it can be told apart:
 * "Business" (gold: its fill comes from gradients), "Government" (grey), else null (blue).
 */
export function checkKind(badge) {
  if (!badge) return null;
  const svg = badge.matches('svg') ? badge : badge.querySelector('svg') || badge;
  if (svg.querySelector(SEL.verifiedGradient)) return 'Business';
  const look = `${svg.getAttribute('class') || ''}|${svg.getAttribute('style') || ''}`;
  const known = kinds.get(svg);
  if (known && known.look === look) return known.kind;
  let kind = null;
  const view = svg.ownerDocument.defaultView;
  for (const el of [svg, ...svg.querySelectorAll('path')]) {
    const style = view ? view.getComputedStyle(el) : null;
    if (style && (style.color === GOVERNMENT_CHECK_COLOUR || style.fill === GOVERNMENT_CHECK_COLOUR)) kind = 'Government';
  }
  kinds.set(svg, { look, kind });
  return kind;
}

/** blueVerified and, where told apart, verifiedType from the first check under `scope`. */
function putCheck(facts, scope) {
  const badge = scope ? scope.querySelector(SEL.verified) : null;
  if (!badge) return;
  facts.blueVerified = true;
  put(facts, 'verifiedType', checkKind(badge));
}

/**
 * X's own labels in the profile header, below the name and handle lines: a
 * line with an icon that links another account is "Automated by @operator"
 * (the operator from the link's href, never its text); a line with an icon
 * and no link is a parody / commentary / fan label (its text, as X words it).
 */
function profileLabels(facts, block, handle) {
  const lines = [...block.querySelectorAll(SEL.profileLabelLine)];
  for (const line of lines.slice(1)) {
    if (line.querySelector(`${SEL.followsYou}, ${SEL.verified}`)) continue;
    // The @handle line is the account's own.
    if (line.textContent.split(/\s+/).some((w) => lower(handleFromShownText(w)) === lower(handle))) continue;
    if (!line.querySelector(SEL.labelIcon)) continue;
    let operator = null;
    for (const a of line.querySelectorAll(SEL.links)) {
      const h = handleFromHref(a.getAttribute('href'));
      if (h && lower(h) !== lower(handle)) operator = h;
    }
    if (operator) {
      facts.automated = true;
      facts.automatedBy = operator;
    } else if (!line.querySelector(SEL.links)) {
      put(facts, 'parodyLabel', visibleText(line));
    }
  }
}

/** The header's display name: the first text block with a direction (X marks names so) that is not the @handle. */
function headerName(block) {
  for (const el of block.querySelectorAll(SEL.textBlock)) {
    const text = visibleText(el).split('\n')[0];
    if (text && !handleFromShownText(text)) return text;
  }
  return null;
}

/**
 * "Follows you" when a row shows no indicator: X's rows show it whenever it
 * is true on the viewer's own followers / verified_followers / following
 * lists, so there its absence means false. Elsewhere (other people's lists,
 * search, who to follow, reposts, likes) absence says nothing: unknown.
 * (Decided from how X builds these rows; a compact row on the viewer's own
 * list would also read false.)
 */
function rowFollowsYouAbsent(doc) {
  const path = doc.location ? doc.location.pathname : location.pathname;
  const m = PATTERNS.relationshipListPath.exec(path);
  const viewer = viewerHandle(doc);
  return m && viewer && lower(m[1]) === lower(viewer) ? false : null;
}

/** A notification actor or post author: the page shows little more than the avatar (and a name). */
function actorFacts(target) {
  const { root, handle } = target;
  const facts = { handle };
  putAvatar(facts, avatarUrl(root, handle));
  if (target.kind === 'tweet') {
    put(facts, 'name', rowName(target.scope, handle));
    putCheck(facts, target.scope);
  }
  return facts;
}

/** DomFacts for a target from finder.js. */
export function liftFacts(target) {
  if (target.kind === 'notification' || target.kind === 'tweet') return actorFacts(target);
  const { root, handle } = target;
  const scope = target.kind === 'profile' ? target.root : root;
  const facts = { handle };
  const button = followButton(scope, target.kind === 'profile');
  if (button) {
    facts.id = button.id;
    if ('youFollow' in button) facts.youFollow = button.youFollow;
  }
  putAvatar(facts, avatarUrl(scope, handle));
  if (target.kind === 'profile') {
    const block = target.block;
    put(facts, 'name', block ? headerName(block) : null);
    // A rendered header without a description means the bio is empty: a fact, not unknown.
    if (block) facts.bio = textOf(scope, SEL.profileBio) || '';
    put(facts, 'location', textOf(scope, SEL.profileLocation));
    put(facts, 'url', textOf(scope, SEL.profileUrl));
    put(facts, 'joinedText', textOf(scope, SEL.profileJoined));
    // The header shows "Follows you" whenever it is true.
    facts.followsYou = Boolean(block && block.querySelector(SEL.followsYou));
    if (block) {
      putCheck(facts, block);
      profileLabels(facts, block, handle);
    }
  } else {
    put(facts, 'name', rowName(root, handle));
    const bio = target.kind === 'hover' ? textOf(root, SEL.profileBio) ?? rowBio(root) : rowBio(root);
    if (bio !== null) facts.bio = bio;
    if (root.querySelector(SEL.followsYou)) facts.followsYou = true;
    else if (target.kind === 'hover') facts.followsYou = false; // a hover card is a profile summary: shown whenever true
    else {
      const absent = rowFollowsYouAbsent(root.ownerDocument);
      if (absent !== null) facts.followsYou = absent;
    }
    putCheck(facts, root);
  }
  put(facts, 'followingText', countLink(scope, SEL.followingLink, handle));
  put(facts, 'followersText', countLink(scope, SEL.followersLink, handle));
  return facts;
}
