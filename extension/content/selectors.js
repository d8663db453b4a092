// @ts-check
// Every DOM selector and URL pattern the content script relies on, in one table.
// X renames these without notice: when the page changes, this is the file to fix.
// Never select on class names (they are generated and change). The browser
// tests import this table too, so a change at X is one edit here.

import { HANDLE_PATTERN, isHandle, withoutBidiMarks, handleFromAvatarSuffix } from '../shared/x-account.js';

export const SEL = Object.freeze({
  primaryColumn: '[data-testid="primaryColumn"]',
  cell: '[data-testid="cellInnerDiv"]',
  /**
   * An account row: followers, following, lists, search people, who to follow, reposts, likes.
   * A `div role="button"` or a `<button>`; compact rows (X's UserCompact) render no bio.
   */
  userCell: '[data-testid="UserCell"]',
  /** A hover card, and also the account-switcher popup (see accountSwitcher). */
  hoverCard: '[data-testid="HoverCard"]',
  /**
   * Inside a HoverCard: marks of the account switcher (its own test ids, a menu,
   * the links to add an account or log out). Its accounts are the viewer's own.
   */
  accountSwitcher:
    '[data-testid^="AccountSwitcher_"], [role="menu"], [role="menuitem"], a[href="/logout"], a[href="/i/flow/login"], a[href^="/i/flow/login?"]',
  /** Profile page header: name + handle block. */
  profileName: '[data-testid="UserName"]',
  profileBio: '[data-testid="UserDescription"]',
  /**
   * Lines of the header's UserName block: the name line first, the @handle
   * line, then X's own labels ("Automated by @operator", "Parody account"),
   * each an icon and words. (Modelled on captures; not confirmed on every profile.)
   */
  profileLabelLine: ':scope > div',
  /** A label's icon: an svg without test id (the check, the lock and other badges carry one). */
  labelIcon: 'svg:not([data-testid])',
  profileItems: '[data-testid="UserProfileHeader_Items"]',
  profileLocation: '[data-testid="UserLocation"]',
  profileUrl: '[data-testid="UserUrl"]',
  profileJoined: '[data-testid="UserJoinDate"]',
  followsYou: '[data-testid="userFollowIndicator"]',
  /** A follow button: test id `<numeric id>-<state>` (TESTID.followButton tells it apart). */
  followButton: 'button[data-testid], [role="button"][data-testid]',
  avatarContainer: '[data-testid^="UserAvatar-Container-"]',
  verified: 'svg[data-testid="icon-verified"], [data-testid="verificationBadge"]',
  /** The gold (organisation) check draws its fill from gradients; the blue and grey ones do not. */
  verifiedGradient: 'linearGradient',
  /** The bio in a row: a div[dir="auto"] without test id, outside links and buttons. */
  rowBio: 'div[dir="auto"]:not([data-testid])',
  /** Elements that say what another element is for (screen-reader text is never a bio). */
  describedBy: '[aria-describedby]',
  /** Text the page hides from sight (screen-reader text, placeholders). */
  hidden: '[hidden], [aria-hidden="true"]',
  /** Links, buttons and link-like blocks: text inside them is never a row's bio. */
  interactive: 'a, button, [role="link"], [role="button"]',
  /** A block of text with its own direction: names, handles, bios. */
  textBlock: '[dir]',
  /** An icon (notification kinds, X's account labels). */
  iconPath: 'svg path[d]',
  links: 'a[href]',
  followingLink: 'a[href$="/following"]',
  followersLink: 'a[href$="/verified_followers"], a[href$="/followers"]',
  avatarImg: 'img[src]',
  /** A notification row (/notifications): "<Name> followed you", one avatar container per actor. */
  notification: '[data-testid="notification"]',
  /** Posts (replies and mentions on /notifications/mentions), their author block, text and time. */
  tweet: 'article[data-testid="tweet"]',
  tweetAuthor: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  time: 'time[datetime]',
  /** A post's repost / pinned line above its author ("Dana reposted", "Pinned"). */
  socialContext: '[data-testid="socialContext"]',
  /** Links to a post: the one around the post's time is the post's own. */
  statusLink: 'a[href*="/status/"]',
  /** A quoted post's card inside a post (it holds a second User-Name block). */
  quoteCard: '[role="link"]',
  /**
   * What makes an element more than account rows: posts, notifications, the
   * profile header, hover cards (their targets are found page-wide, not per row).
   */
  notRowsOnly: 'article, [data-testid="notification"], [data-testid="UserName"], [data-testid="HoverCard"]',
  /** The side bar's link to the viewer's own profile: href="/<viewer handle>". */
  viewerProfileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
});

export const TESTID = Object.freeze({
  /** data-testid of a follow button, `<numeric id>-<state>`: follow, unfollow, unblock, cancel (a pending follow request), ... */
  followButton: /^(\d+)-([a-z]+)$/,
  /**
   * What each follow-button state says about "you follow them"; any other
   * state still gives the row's user id and leaves youFollow unknown.
   */
  followStates: Object.freeze({ follow: false, unfollow: true, unblock: false, cancel: false, pending: false }),
  avatarPrefix: 'UserAvatar-Container-',
});

/**
 * Notification kinds by the row's icon (the first known icon in the row), as
 * Control Panel for Twitter tells them: the start of the icon's SVG path. Language-free.
 */
export const NOTIFICATION_ICONS = Object.freeze([
  // Person (someone followed you).
  ['M17.863 13.44c1.477 1.58 2.', 'followed'],
  // Heart (someone liked your post or reply).
  ['M20.884 13.19c-1.351 2.48-4', 'liked'],
  // Two arrows (someone reposted your post).
  ['M4.75 3.79l4.603 4.3-1.706 1.82', 'reposted'],
]);

/** The government (grey) check's colour; computed styles read `rgb(r, g, b)`. */
export const GOVERNMENT_CHECK_COLOUR = 'rgb(130, 154, 171)';

export const PATTERNS = Object.freeze({
  /** Notification pages: "/notifications", "/notifications/mentions", "/notifications/verified". */
  notificationsPath: /^\/notifications(?:\/|$)/,
  /** Profile timelines whose posts are read as the owner's recent posts: "/<handle>", "/<handle>/with_replies". */
  profileTimelinePath: new RegExp(`^/${HANDLE_PATTERN}(?:/with_replies)?/?$`),
  /** The viewer's own lists, where X's rows show "Follows you" whenever it is true. */
  relationshipListPath: new RegExp(`^/(${HANDLE_PATTERN})/(?:followers|following|verified_followers)/?$`),
  /** The numeric id in a status link ("/jack/status/20" -> "20"). */
  statusId: /\/status\/(\d+)/,
  /** First path segments that are pages, not profiles. */
  reservedPaths: new Set([
    'home', 'explore', 'notifications', 'messages', 'i', 'settings', 'search', 'compose',
    'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'lists', 'bookmarks', 'communities',
    'premium', 'premium_sign_up', 'verified-choose', 'hashtag', 'intent', 'share', 'account',
  ]),
});

/** The profile handle of a URL path ("/jack", "/jack/with_replies"), or null. */
export function profileHandleFromPath(pathname) {
  const first = String(pathname || '').split('/').filter(Boolean)[0];
  if (!first || PATTERNS.reservedPaths.has(first.toLowerCase())) return null;
  return isHandle(first) ? first : null;
}

/** A root-relative link of one plain segment ("/jack"): resolves to itself. */
const SIMPLE_PATH = /^\/[A-Za-z0-9_]+$/;
/** "/jack" -> "jack" | null, for the links rows show (bounded: starts over when full). */
const simpleHandles = new Map();
const SIMPLE_MAX = 4096;

/** The handle a link points to ("/jack" -> "jack"), or null for anything else. */
export function handleFromHref(href) {
  try {
    const bare = withoutBidiMarks(href);
    // The common case, "/jack": no URL to parse (it would resolve to the same path), and asked often.
    if (SIMPLE_PATH.test(bare)) {
      let handle = simpleHandles.get(bare);
      if (handle === undefined) {
        if (simpleHandles.size >= SIMPLE_MAX) simpleHandles.clear();
        handle = profileHandleFromPath(bare);
        simpleHandles.set(bare, handle);
      }
      return handle;
    }
    const url = new URL(bare, location.href);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length !== 1) return null;
    return profileHandleFromPath(url.pathname);
  } catch (_) {
    return null;
  }
}

/**
 * The handle an avatar container names: its test id suffix, or, for a
 * placeholder such as `UserAvatar-Container-unknown`, the profile its link
 * points to ("/jack" or "/jack/photo"); null when neither says.
 */
export function avatarHandle(container) {
  const suffix = (container.getAttribute('data-testid') || '').slice(TESTID.avatarPrefix.length);
  const named = handleFromAvatarSuffix(suffix);
  if (named) return named;
  for (const a of container.querySelectorAll(SEL.links)) {
    try {
      const parts = new URL(withoutBidiMarks(a.getAttribute('href')), location.href).pathname.split('/').filter(Boolean);
      if (parts.length === 1 || (parts.length === 2 && parts[1] === 'photo')) {
        const handle = profileHandleFromPath(`/${parts[0]}`);
        if (handle) return handle;
      }
    } catch (_) {
      // not a URL: no handle
    }
  }
  return null;
}
