// A profile page with no payload at all: the header gets a badge from the
// facts the content script lifts from the DOM, themed for X's dim theme.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, readBreakdown, extensionConsoleProblems, SEL } from './support/harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});

test('profile header badge from DOM facts only', async () => {
  const page = await openPage(env, 'https://x.com/carol_example');
  await page.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  const badges = await readBadges(page);
  assert.equal(badges.length, 1, JSON.stringify(badges));
  const [b] = badges;
  assert.equal(b.handle, 'carol_example');
  assert.ok(b.inProfile);
  assert.match(b.score, /^\d{1,3}$/);
  const theme = await page.getAttribute('.followback-badge-host', 'data-theme');
  assert.equal(theme, 'dim');

  await page.click('.followback-badge-host >> [role="button"]');
  await page.waitForSelector('.followback-breakdown-host');
  const breakdown = await readBreakdown(page);
  assert.equal(breakdown.handle, 'carol_example');
  // Facts only the page showed (counts, join date, bio) reach the score.
  const seen = breakdown.lines.filter((l) => !l.unseen);
  assert.ok(seen.length >= 3, `several signals saw the page's facts: ${JSON.stringify(breakdown.lines)}`);
  assert.ok(
    !env.requests.some((r) => r.url.includes('/i/api/graphql/')),
    'no payload was involved',
  );
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});
