// The bounds on what the page hook may offer the content script (extension/content/channel.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, refuseOffer } from '../../extension/content/channel.js';

const URL_OK = 'https://x.com/i/api/graphql/abc123/Followers?variables=%7B%7D';

test('GraphQL payloads under the cap are taken, and counted', () => {
  const recent = [];
  assert.equal(refuseOffer({ url: URL_OK, text: '{"data":{}}' }, 1000, recent), null);
  assert.deepEqual(recent, [1000]);
});

test('a payload over the size cap, or not from a GraphQL URL, is refused and not counted', () => {
  const recent = [];
  assert.match(String(refuseOffer({ url: URL_OK, text: 'x'.repeat(LIMITS.maxChars + 1) }, 0, recent)?.why), /cap/);
  assert.equal(refuseOffer({ url: URL_OK, text: 'x'.repeat(LIMITS.maxChars) }, 0, []), null, 'exactly the cap is taken');
  assert.match(String(refuseOffer({ url: 'https://x.com/home', text: '{}' }, 0, recent)?.why), /GraphQL/);
  assert.match(String(refuseOffer({ url: 'https://x.com/search?q=/i/api/graphql/', text: '{}' }, 0, recent)?.why), /GraphQL/);
  assert.match(String(refuseOffer({ url: 'not a url', text: '{}' }, 0, recent)?.why), /valid URL/);
  assert.equal(refuseOffer({ url: 'https://x.com/home', text: '{}' }, 0, recent)?.retry, false, 'never offered again');
  assert.deepEqual(recent, []);
});

test('at most perWindow payloads per window; the window slides', () => {
  const recent = [];
  for (let i = 0; i < LIMITS.perWindow; i += 1) assert.equal(refuseOffer({ url: URL_OK, text: '{}' }, i, recent), null);
  assert.match(String(refuseOffer({ url: URL_OK, text: '{}' }, LIMITS.perWindow, recent)?.why), /more than/);
  assert.match(String(refuseOffer({ url: URL_OK, text: '{}' }, LIMITS.windowMs - 1, recent)?.why), /more than/);
  // The first one left the window: one more is taken, then refused again.
  assert.equal(refuseOffer({ url: URL_OK, text: '{}' }, LIMITS.windowMs, recent), null);
  assert.match(String(refuseOffer({ url: URL_OK, text: '{}' }, LIMITS.windowMs, recent)?.why), /more than/);
  assert.equal(refuseOffer({ url: URL_OK, text: '{}' }, LIMITS.windowMs, recent)?.retry, true, 'over the rate: offered again later');
  assert.equal(recent.length, LIMITS.perWindow);
});
