// The fake x.com both browsers' tests are served: which fixture answers which
// URL, with x.com's Content-Security-Policy on every page. Shared by the
// Chromium harness (playwright's context.route) and the Firefox harness
// (puppeteer's request interception), so both browsers see the same site.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../../..');
export const DIST = path.join(ROOT, 'dist');
export const FIXTURES = path.resolve(here, '../fixtures');

/** The nonce in X_CSP; fixture pages carry it on their <script> and <style> tags. */
export const NONCE = 'NzU0M2Y3MjItNWMxZS00NzliLThmMGMtYTEwNTJlMGNkMzZi';

/** x.com's Content-Security-Policy (script-src as captured; host lists abridged). */
export const X_CSP =
  "connect-src 'self' blob: https://*.twimg.com https://x.com https://api.x.com; default-src 'self'; " +
  "form-action 'self' https://x.com; font-src 'self' https://*.twimg.com; frame-src 'self' https://x.com; " +
  "img-src 'self' blob: data: https://*.twimg.com; manifest-src 'self'; media-src 'self' blob: https://*.twimg.com; " +
  "object-src 'none'; script-src 'self' 'unsafe-inline' https://*.twimg.com https://x.com " +
  `'nonce-${NONCE}'; style-src 'self' 'unsafe-inline' https://*.twimg.com; worker-src 'self' blob:`;

/** A 1x1 PNG for avatar images the fixture pages show. */
export const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Pages the fixtures serve, by path on x.com. */
export const PAGES = {
  '/viewer_me/followers': 'followers.html',
  '/viewer_me/verified_followers': 'followers.html',
  '/hostile_host/followers': 'followers.html',
  '/robust_host/followers': 'followers.html',
  '/redesign_host/followers': 'notestids.html',
  '/carol_example': 'profile.html',
  '/dana_tl': 'profile_tweets.html',
  '/notifications': 'notifications.html',
  '/notifications/mentions': 'notifications.html',
  '/viewer_me': 'viewer_profile.html',
  // Today's markup (rows.html, cards.html, labels.html): see each file's comment.
  '/today_host/followers': 'rows.html',
  '/viewer_me/following': 'rows.html',
  '/home': 'cards.html',
  '/hal_labels': 'labels.html',
  '/gov_grey': 'labels.html',
};

/** A fixture file's bytes. */
export function fixture(name) {
  return readFileSync(path.join(FIXTURES, name));
}

/** The fixture file a GraphQL URL asks for ("?fixture=gen1_page1" -> graphql/followers_gen1_page1.json), or null. */
export function graphqlFixture(url) {
  const name = url.searchParams.get('fixture') || '';
  if (!/^[a-z0-9_]+$/.test(name)) return null;
  const file = path.join(FIXTURES, 'graphql', `followers_${name}.json`);
  return existsSync(file) ? file : null;
}

const json = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The answer the fake site gives for `url`: { status, headers, body }, or null
 * for a URL outside x.com and twimg.com (the tests refuse those).
 */
export function resolveFixture(url) {
  if (url.protocol !== 'https:') return null;
  if (/^(pbs|abs)\.twimg\.com$/.test(url.hostname)) return { status: 200, headers: { 'content-type': 'image/png' }, body: PIXEL };
  if (url.hostname !== 'x.com') return null;
  if (url.pathname === '/__fixture/xpage.js') {
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: fixture('xpage.js') };
  }
  if (url.pathname.startsWith('/i/api/graphql/')) {
    const file = graphqlFixture(url);
    if (!file) return { status: 404, headers: json, body: '{"errors":[{"message":"no fixture"}]}' };
    return { status: 200, headers: json, body: readFileSync(file) };
  }
  const page = PAGES[url.pathname];
  const html = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': X_CSP };
  if (page) return { status: 200, headers: html, body: fixture(page) };
  return { status: 404, headers: { 'content-security-policy': X_CSP }, body: 'not a fixture' };
}
