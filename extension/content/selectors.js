// Every DOM selector and URL pattern the content script relies on, in one table.
// X renames these without notice: when the page changes, this is the file to fix.
// Never select on class names (they are generated and change).

export const SEL = Object.freeze({
  primaryColumn: '[data-testid="primaryColumn"]',
  cell: '[data-testid="cellInnerDiv"]',
  /** An account row: followers, following, lists, search people, who to follow, reposts, likes. */
  userCell: '[data-testid="UserCell"]',
  hoverCard: '[data-testid="HoverCard"]',
  /** Profile page header: name + handle block. */
  profileName: '[data-testid="UserName"]',
  profileBio: '[data-testid="UserDescription"]',
  profileItems: '[data-testid="UserProfileHeader_Items"]',
  profileLocation: '[data-testid="UserLocation"]',
  profileUrl: '[data-testid="UserUrl"]',
  profileJoined: '[data-testid="UserJoinDate"]',
  followsYou: '[data-testid="userFollowIndicator"]',
  /** `<numeric id>-follow` or `<numeric id>-unfollow`. */
  followButton: '[data-testid$="-follow"], [data-testid$="-unfollow"]',
  avatarContainer: '[data-testid^="UserAvatar-Container-"]',
  verified: 'svg[data-testid="icon-verified"], [data-testid="verificationBadge"]',
  /** The bio in a row: a div[dir="auto"] without test id, outside links and buttons. */
  rowBio: 'div[dir="auto"]:not([data-testid])',
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
  /** The side bar's link to the viewer's own profile: href="/<viewer handle>". */
  viewerProfileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
});

export const TESTID = Object.freeze({
  /** data-testid of a follow button: id, then state. */
  followButton: /^(\d+)-(follow|unfollow)$/,
  avatarPrefix: 'UserAvatar-Container-',
});

export const PATTERNS = Object.freeze({
  /** A handle as X allows it. */
  handle: /^[A-Za-z0-9_]{1,15}$/,
  /** Notification pages: "/notifications", "/notifications/mentions", "/notifications/verified". */
  notificationsPath: /^\/notifications(?:\/|$)/,
  /** Profile timelines whose posts are read as the owner's recent posts: "/<handle>", "/<handle>/with_replies". */
  profileTimelinePath: /^\/[A-Za-z0-9_]{1,15}(?:\/with_replies)?\/?$/,
  /** The numeric id in a status link ("/jack/status/20" -> "20"). */
  statusId: /\/status\/(\d+)/,
  /** Avatar URLs of accounts that never set a picture. */
  defaultAvatar: 'default_profile_images',
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
  return PATTERNS.handle.test(first) ? first : null;
}

/** The handle a link points to ("/jack" -> "jack"), or null for anything else. */
export function handleFromHref(href) {
  try {
    const url = new URL(href, location.href);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length !== 1) return null;
    return profileHandleFromPath(url.pathname);
  } catch (_) {
    return null;
  }
}
