// Follower lists: every row gets the badge of the account it shows, for each
// generation of X's user object; recycled rows never keep a stale or duplicate
// badge; the extension logs no problems and makes no request of its own.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, rowHandles, waitForRowBadges, readBreakdown, extensionConsoleProblems, SEL } from './support/harness.mjs';

const LEVELS = new Set(['follow_back', 'maybe', 'skip', 'not_enough_data']);
let env;

before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});

function assertBadgesMatchRows(badges, handles) {
  const rows = badges.filter((b) => b.rowHandle !== null);
  assert.equal(rows.length, handles.length, `one badge per row: ${JSON.stringify(badges)}`);
  for (const b of rows) {
    assert.equal(b.handle, b.rowHandle, `badge belongs to the row's account: ${JSON.stringify(b)}`);
    assert.match(b.score, /^\d{1,3}$/, 'score is a number');
    assert.ok(Number(b.score) >= 0 && Number(b.score) <= 100, 'score is 0-100');
    assert.ok(LEVELS.has(b.level), `known level: ${b.level}`);
    assert.equal(b.tabindex, '0');
    // The name says what the badge shows: the score and level words, "?" as not enough data.
    assert.match(b.ariaLabel, /^(Followback \d+: (follow back|maybe|skip)(, not sure yet)?|Followback: not enough data)$/);
  }
  assert.deepEqual(rows.map((b) => b.handle).sort(), [...handles].sort());
}

for (const gen of [1, 2, 3]) {
  test(`gen${gen} user objects: every row gets its own badge, recycled rows too`, async () => {
    const page = await openPage(env, `https://x.com/viewer_me/followers?fixture=gen${gen}_page1`);
    await page.waitForSelector('body[data-rendered]');
    await waitForRowBadges(page);
    const first = await rowHandles(page);
    assert.equal(first.length, 5);
    assertBadgesMatchRows(await readBadges(page), first);

    // X's virtualiser reuses the same row nodes for the next page of accounts.
    const nodesBefore = await page.evaluate((cellSel) => {
      window.__rowNodes = [...document.querySelectorAll(cellSel)];
      return window.__rowNodes.length;
    }, SEL.userCell);
    const second = await page.evaluate((g) => window.__fixture.recycle(`gen${g}_page2`), gen);
    assert.equal(second.length, nodesBefore);
    assert.notDeepEqual(second, first);
    const sameNodes = await page.evaluate((cellSel) =>
      [...document.querySelectorAll(cellSel)].every((c, i) => c === window.__rowNodes[i]),
    SEL.userCell);
    assert.ok(sameNodes, 'the fixture recycled its row nodes');
    await waitForRowBadges(page);
    const badges = await readBadges(page);
    assertBadgesMatchRows(badges, second);
    for (const stale of first) {
      assert.ok(!badges.some((b) => b.handle === stale), `no stale badge for ${stale}`);
    }

    assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
    await page.close();
  });
}

test('the rows are scored with what the GraphQL payload said (payload relayed through the service worker)', async () => {
  // Same DOM for two accounts: one was in a payload the page loaded, one never was.
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  // The hook's copy goes over its private port (never a window message), so the
  // page cannot see it: wait until the worker has read one more payload.
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  const payloads = async () => (await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:debug-stats' }))).payloads;
  const before = await payloads();
  // The page loads the next page of followers through XHR but does not show it yet.
  await page.evaluate(() => window.__fixture.xhrJson(window.__fixture.graphqlUrl('Followers', 'gen3_page2')));
  for (let i = 0; i < 100 && (await payloads()) <= before; i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok((await payloads()) > before, 'the worker read the payload the page loaded');
  await ext.close();
  const lena = { id: '2003', handle: 'lena_photos', name: 'Lena K.', bio: '', avatar: 'data:,', followsYou: true, youFollow: false };
  const twin = { id: '8888', handle: 'lena_twin_0', name: 'Lena K.', bio: '', avatar: 'data:,', followsYou: true, youFollow: false };
  await page.evaluate((users) => users.forEach((u) => window.__fixture.addRow(u)), [lena, twin]);
  await waitForRowBadges(page);

  const seenCount = async (handle) => {
    await page.evaluate((h) => {
      const host = document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`);
      host.shadowRoot.querySelector('[role="button"]').click();
    }, handle);
    await page.waitForSelector(`.followback-breakdown-host[data-followback-handle="${handle}"]`);
    const b = await readBreakdown(page);
    await page.keyboard.press('Escape');
    return b.lines.filter((l) => !l.unseen).length;
  };
  // The payload may be answered after the row first rendered; the badge is re-requested then.
  await page.waitForFunction(() => document.querySelector('.followback-badge-host[data-followback-handle="lena_photos"]'));
  const fromPayload = await seenCount('lena_photos');
  const domOnly = await seenCount('lena_twin_0');
  assert.ok(
    fromPayload > domOnly,
    `the payload-known account has more observed signals (${fromPayload}) than its DOM-only twin (${domOnly})`,
  );
  await page.close();
});

test('the extension makes no network request of its own', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  await page.close();
  const web = env.requests.filter((r) => /^(https?|wss?):/.test(r.url));
  assert.ok(web.length > 0, 'requests were recorded');
  const foreign = web.filter((r) => !env.served.has(r.url));
  assert.deepEqual(foreign, [], 'every web request was one of the fixture pages\' own loads');
  // Extension-origin requests are only its own packaged files.
  const ext = env.requests.filter((r) => r.url.startsWith('chrome-extension://'));
  for (const r of ext) assert.ok(r.url.startsWith(`chrome-extension://${env.extensionId}/`), r.url);
});
