// The x.com tab's verdict cache stays bounded: scrolling through 800 accounts
// (32 screens of 25 rows, X's virtualiser dropping the rows scrolled past)
// leaves at most what is on screen plus 500 recent verdicts (least recently
// shown out), read from the tab's `fb:page-stats` reply (`cached`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitForRowBadges, xTabId, extensionConsoleProblems } from './support/harness.mjs';

let env;

before(async () => {
  env = await launch();
});

after(async () => {
  if (env) await env.close();
});

const SCREENS = 32;
const ROWS = 25;
const RECENT = 500;

function user(i) {
  return { id: String(9_100_000 + i), handle: `scrolled_${String(i).padStart(4, '0')}`, name: `Scrolled ${i}`, bio: `Account ${i}`, avatar: 'data:,', followsYou: i % 3 === 0, youFollow: false };
}

test('scrolling 800 accounts keeps the verdict cache to the screen plus 500 recent', async (t) => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const tab = await xTabId(env);
  const stats = () => env.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'fb:page-stats' }), tab);
  let largest = 0;
  for (let s = 0; s < SCREENS; s += 1) {
    const users = Array.from({ length: ROWS }, (_, r) => user(s * ROWS + r));
    await page.evaluate((list) => {
      document.querySelector('[aria-label="Timeline: Followers"]').replaceChildren();
      for (const u of list) window.__fixture.addRow(u);
    }, users);
    await waitForRowBadges(page);
    const reply = await stats();
    assert.equal(reply.total, ROWS, `screen ${s}: every row on screen has its badge`);
    largest = Math.max(largest, reply.cached);
  }
  const end = await stats();
  t.diagnostic(`cache: largest ${largest}, after ${SCREENS * ROWS + 5} accounts ${end.cached}`);
  assert.equal(typeof end.cached, 'number', 'page-stats tells the cache size');
  assert.ok(largest <= RECENT + ROWS, `the cache never grew past the screen plus ${RECENT} (largest ${largest})`);
  assert.ok(end.cached >= RECENT, `recently shown verdicts are kept (${end.cached})`);
  // Scrolling back to the last screen shown needs no new verdict: it is in the recent set.
  const back = Array.from({ length: ROWS }, (_, r) => user((SCREENS - 2) * ROWS + r));
  await page.evaluate((list) => {
    document.querySelector('[aria-label="Timeline: Followers"]').replaceChildren();
    for (const u of list) window.__fixture.addRow(u);
  }, back);
  await waitForRowBadges(page);
  assert.equal((await stats()).total, ROWS);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});
