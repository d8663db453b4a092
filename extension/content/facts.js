// DOM fact lifter: the strings a target shows, as DomFacts (contracts.md).
// Raw text only ("12.5K", "Joined March 2011"); the Rust core parses it.
// A fact that is not on the page is left out (unknown), never guessed.

import { SEL, TESTID, PATTERNS, handleFromHref } from './selectors.js';
import { visibleText, firstNumberText } from './text.js';

function followButton(root, skipNested) {
  for (const el of root.querySelectorAll(SEL.followButton)) {
    if (skipNested && el.closest(`${SEL.userCell}, ${SEL.hoverCard}`)) continue;
    const m = TESTID.followButton.exec(el.getAttribute('data-testid') || '');
    if (m) return { id: m[1], youFollow: m[2] === 'unfollow' };
  }
  return null;
}

function avatarUrl(root, handle) {
  const containers = root.querySelectorAll(SEL.avatarContainer);
  for (const c of containers) {
    const suffix = (c.getAttribute('data-testid') || '').slice(TESTID.avatarPrefix.length);
    if (suffix && suffix.toLowerCase() !== handle.toLowerCase()) continue;
    const img = c.querySelector(SEL.avatarImg);
    if (img) return img.getAttribute('src');
  }
  return null;
}

/** The row's bio: a div[dir="auto"] without test id that is not inside a link or button. */
function rowBio(root) {
  for (const el of root.querySelectorAll(SEL.rowBio)) {
    if (el.closest('a, button, [role="link"]') && root.contains(el.closest('a, button, [role="link"]'))) continue;
    if (el.parentElement && el.parentElement.closest(SEL.rowBio) && root.contains(el.parentElement.closest(SEL.rowBio))) continue;
    const text = visibleText(el);
    if (text) return text;
  }
  return null;
}

function rowName(root, handle) {
  for (const a of root.querySelectorAll(SEL.links)) {
    const h = handleFromHref(a.getAttribute('href'));
    if (!h || h.toLowerCase() !== handle.toLowerCase()) continue;
    const text = visibleText(a);
    if (text && !text.startsWith('@')) return text;
  }
  return null;
}

function countLink(root, selector, handle) {
  for (const a of root.querySelectorAll(selector)) {
    const href = a.getAttribute('href') || '';
    const owner = href.split('/').filter(Boolean)[0] || '';
    if (owner.toLowerCase() !== handle.toLowerCase()) continue;
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

/** A notification actor or post author: the page shows little more than the avatar (and a name). */
function actorFacts(target) {
  const { root, handle } = target;
  const facts = { handle };
  const avatar = avatarUrl(root, handle);
  if (avatar) {
    facts.avatarUrl = avatar;
    facts.defaultAvatar = avatar.includes(PATTERNS.defaultAvatar);
  }
  if (target.kind === 'tweet') {
    put(facts, 'name', rowName(target.scope, handle));
    if (target.scope.querySelector(SEL.verified)) facts.blueVerified = true;
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
    facts.youFollow = button.youFollow;
  }
  const avatar = avatarUrl(scope, handle);
  if (avatar) {
    facts.avatarUrl = avatar;
    facts.defaultAvatar = avatar.includes(PATTERNS.defaultAvatar);
  }
  if (target.kind === 'profile') {
    const block = target.block;
    const nameLine = block ? visibleText(block).split('\n')[0] : '';
    put(facts, 'name', nameLine && !nameLine.startsWith('@') ? nameLine : null);
    // A rendered header without a description means the bio is empty: a fact, not unknown.
    if (block) facts.bio = textOf(scope, SEL.profileBio) || '';
    put(facts, 'location', textOf(scope, SEL.profileLocation));
    put(facts, 'url', textOf(scope, SEL.profileUrl));
    put(facts, 'joinedText', textOf(scope, SEL.profileJoined));
    facts.followsYou = Boolean(block && block.querySelector(SEL.followsYou));
    if (block && block.querySelector(SEL.verified)) facts.blueVerified = true;
  } else {
    put(facts, 'name', rowName(root, handle));
    // Rows show the bio whenever there is one: none shown means an empty bio.
    facts.bio = rowBio(root) || '';
    // Rows show "Follows you" whenever it is true.
    facts.followsYou = Boolean(root.querySelector(SEL.followsYou));
    if (root.querySelector(SEL.verified)) facts.blueVerified = true;
  }
  put(facts, 'followingText', countLink(scope, SEL.followingLink, handle));
  put(facts, 'followersText', countLink(scope, SEL.followersLink, handle));
  return facts;
}
