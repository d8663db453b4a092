// A profile page with tweet articles and NO payload: the content script reads
// the owner's posts from the DOM (fb:tweets), so the profile badge's breakdown
// shows the behaviour signals as seen "from the page", and a scheduler-like
// feed of bare links scores lower than a varied one.
//
// Each feed gets its own browser (a fresh extension memory): both pages are
// the same account.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, readBreakdown, extensionConsoleProblems, SEL } from './support/harness.mjs';

const BEHAVIOUR = ['variety', 'conversation', 'last_post', 'automation_links', 'automation_timing'];

/** Polls `read()` until `ok(value)` holds (Playwright's waitForFunction does not await async predicates). */
async function until(read, ok, what, tries = 100) {
  let last;
  for (let i = 0; i < tries; i += 1) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}; last seen: ${JSON.stringify(last)}`);
}

/** Opens the feed, clicks the profile badge and waits until the breakdown shows the posts. */
async function profileBreakdown(env, feed) {
  const page = await openPage(env, `https://x.com/dana_tl?feed=${feed}`);
  await page.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  await page.click(`${SEL.profileName} .followback-badge-host >> [role="button"]`);
  await page.waitForSelector('.followback-breakdown-host');
  const breakdown = await until(
    () => readBreakdown(page),
    (b) => b && b.lines.some((l) => l.signal === 'variety' && !l.unseen),
    `the ${feed} feed's posts reach the breakdown`,
  );
  const [badge] = (await readBadges(page)).filter((b) => b.inProfile);
  return { page, breakdown, badge };
}

const line = (breakdown, signal) => breakdown.lines.find((l) => l.signal === signal);
/** A line's points as a number (the breakdown writes "+5", "\u22125", "0"). */
const points = (l) => Number(String(l.points).replace('\u2212', '-'));

test('posts read from tweet articles fill the behaviour signals', async () => {
  const env = await launch();
  try {
    const { page, breakdown, badge } = await profileBreakdown(env, 'varied');
    assert.equal(breakdown.handle, 'dana_tl');
    assert.equal(badge.handle, 'dana_tl');
    for (const signal of BEHAVIOUR) {
      const l = line(breakdown, signal);
      assert.ok(l, `${signal} is in the breakdown`);
      assert.equal(l.unseen, false, `${signal} was seen: ${JSON.stringify(l)}`);
      assert.match(l.seen, /from the page/, `${signal} says where the posts came from`);
    }
    // 13 of the owner's posts: the pinned post is theirs, the two reposts are
    // theirs (not the original authors'), the quoted posts and the other
    // person's post in the conversation are not counted.
    assert.match(line(breakdown, 'variety').seen, /^Seen: 7 original, 4 reposts or quotes, 2 replies of 13 recent posts/);
    assert.match(line(breakdown, 'last_post').seen, /newest post seen today/);
    assert.ok(points(line(breakdown, 'variety')) > 0, 'a varied feed earns the variety points');
    assert.ok(
      !env.requests.some((r) => r.url.includes('/i/api/graphql/')),
      'no payload was involved',
    );
    assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
    // Seeing the page again sends nothing new and changes nothing.
    await page.reload();
    const again = await profileBreakdown(env, 'varied');
    assert.equal(line(again.breakdown, 'variety').seen, line(breakdown, 'variety').seen);
    await again.page.close();
    await page.close();
  } finally {
    await env.close();
  }
});

test('a scheduler-like feed of bare links scores lower than a varied one', async () => {
  const scores = {};
  for (const feed of ['varied', 'scheduler']) {
    const env = await launch();
    try {
      const { page, breakdown, badge } = await profileBreakdown(env, feed);
      for (const signal of BEHAVIOUR) assert.equal(line(breakdown, signal).unseen, false, `${feed}: ${signal} seen`);
      scores[feed] = { score: Number(badge.score), breakdown };
      await page.close();
    } finally {
      await env.close();
    }
  }
  const bot = scores.scheduler.breakdown;
  assert.match(line(bot, 'variety').seen, /^Seen: 14 original, 0 reposts or quotes, 0 replies of 14 recent posts/);
  assert.ok(points(line(bot, 'automation_links')) < 0, `link-only feed loses points: ${JSON.stringify(line(bot, 'automation_links'))}`);
  assert.ok(points(line(bot, 'automation_timing')) < 0, `posts on the hour lose points: ${JSON.stringify(line(bot, 'automation_timing'))}`);
  assert.ok(points(line(bot, 'conversation')) < 0, 'a feed that talks with nobody loses points');
  assert.ok(
    scores.varied.score > scores.scheduler.score,
    `varied ${scores.varied.score} > scheduler ${scores.scheduler.score}`,
  );
});
