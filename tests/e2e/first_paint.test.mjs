// Badges in the row's first paint (issue 14): when the payload came first, a
// row's badge is already in it when the page's own MutationObserver (registered
// after the content script's) sees the row arrive, and when the next frame is
// about to paint, at a normal scroll (a row a frame) and a fast one (a page of
// rows in one task, then those nodes recycled for other accounts); overrides show
// on those badges; a payload redraws only its own accounts' badges and makes no
// other row ask again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEL, launch, openPage, waitForRowBadges, readBadges, rowHandles, recordMessages, recordedMessages, xTabId, extensionConsoleProblems, FIXTURES } from './support/harness.mjs';

let env;
let ext;

before(async () => {
  env = await launch();
  ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
});
after(async () => {
  if (env) await env.close();
});

/** A Followers response (JSON text) holding `users` (gen3 user results). */
function followersPayload(users) {
  const entries = users.map((u) => ({
    entryId: `user-${u.rest_id}`,
    sortIndex: String(u.rest_id),
    content: { entryType: 'TimelineTimelineItem', __typename: 'TimelineTimelineItem', itemContent: { itemType: 'TimelineUser', __typename: 'TimelineUser', user_results: { result: u }, userDisplayType: 'User' } },
  }));
  return JSON.stringify({ data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions: [{ type: 'TimelineAddEntries', entries }] } } } } } });
}

/** The gen3 user results of an e2e fixture page. */
function usersOfFixture(name) {
  const doc = JSON.parse(readFileSync(path.join(FIXTURES, 'graphql', `${name}.json`), 'utf8'));
  const out = [];
  for (const ins of doc.data.user.result.timeline.timeline.instructions) {
    for (const e of ins.entries || []) {
      const u = e?.content?.itemContent?.user_results?.result;
      if (u && u.__typename === 'User') out.push(u);
    }
  }
  return out;
}

/** Generated accounts, distinct handles, shaped like X's gen3 user results. */
function madeUsers(prefix, n, first = 7000) {
  const base = usersOfFixture('followers_gen3_page2')[0];
  return Array.from({ length: n }, (_, i) => {
    const u = structuredClone(base);
    const id = String(first + i);
    u.rest_id = id;
    u.id = Buffer.from(`User:${id}`).toString('base64');
    u.core = { ...u.core, screen_name: `${prefix}_${i}`, name: `${prefix} ${i}` };
    u.profile_bio = { ...u.profile_bio, description: i % 3 === 0 ? 'Follow4Follow #FollowBack #TeamFollowBack' : `Writes about ${prefix} and maps, ${i}.` };
    return u;
  });
}

/** Serves `body` for GraphQL URLs carrying `first_paint=<name>` (or the fixture's `fixture=first_paint_<name>`). */
async function servePayload(page, name, body) {
  await page.route(new RegExp(`/i/api/graphql/.*(first_paint=|fixture=first_paint_)${name}(&|$)`), (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }),
  );
}

/** How many verdicts the content script keeps (fb:page-stats `cached`). */
async function cached() {
  const tabId = await xTabId(env);
  const stats = await ext.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'fb:page-stats' }), tabId);
  return stats && stats.ok ? stats.cached : -1;
}

/** Loads payload `name` in the page by XHR (not shown) and waits until its verdicts reached the tab. */
async function loadPayloadFirst(page, name, expectAtLeast) {
  await page.evaluate((n) => window.__fixture.xhrJson(`/i/api/graphql/FpQuery/Followers?variables=%7B%7D&first_paint=${n}`), name);
  for (let i = 0; i < 150 && (await cached()) < expectAtLeast; i += 1) await page.waitForTimeout(100);
  assert.ok((await cached()) >= expectAtLeast, `the tab got the payload's verdicts (${await cached()} cached, ${expectAtLeast} wanted)`);
}

/**
 * Starts the page's own checks (registered after the content script's observer):
 * a MutationObserver noting, for every row added or refilled, whether its badge
 * (for the account it shows, with a score or an override) is in it already, and
 * a requestAnimationFrame check before every frame of every row on screen.
 */
function startPageChecks(page) {
  return page.evaluate((CELL) => {
    const handleOf = (cell) => {
      const a = [...cell.querySelectorAll('a[tabindex="-1"][href]')].find((x) => x.textContent.startsWith('@'));
      return a ? a.textContent.slice(1) : null;
    };
    const badged = (cell) => {
      const h = handleOf(cell);
      const host = h && cell.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`);
      return Boolean(host && (host.hasAttribute('data-followback-score') || host.hasAttribute('data-followback-override')));
    };
    const c = { inserted: 0, insertedWithout: [], refilled: 0, refilledWithout: [], frames: 0, paintedWithout: new Set(), stop: false };
    window.__checks = c;
    new MutationObserver((records) => {
      const seen = new Set();
      for (const r of records) {
        const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        // Rows put in: the added nodes and the cells they hold; rows refilled: the cell around a change.
        const found = [];
        if (r.type === 'childList') {
          for (const n of r.addedNodes) {
            if (n.nodeType !== 1 || n.matches('.followback-badge-host')) continue;
            if (n.closest(CELL)) found.push(['refilled', n.closest(CELL)]);
            else for (const cell of n.querySelectorAll(CELL)) found.push(['inserted', cell]);
          }
        }
        if (target && !target.closest('.followback-badge-host') && target.closest(CELL)) found.push(['refilled', target.closest(CELL)]);
        for (const [kind, cell] of found) {
          {
            if (seen.has(cell) || !cell.isConnected) continue;
            seen.add(cell);
            c[kind] += 1;
            if (!badged(cell)) c[`${kind}Without`].push(handleOf(cell));
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
    const frame = () => {
      if (c.stop) return;
      c.frames += 1;
      for (const cell of document.querySelectorAll(CELL)) if (!badged(cell)) c.paintedWithout.add(handleOf(cell));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, SEL.userCell);
}

async function stopPageChecks(page) {
  return page.evaluate(() => {
    const c = window.__checks;
    c.stop = true;
    return { ...c, paintedWithout: [...c.paintedWithout] };
  });
}

test('payload first: every row has its badge in the same MutationObserver turn and before its first paint, normal and fast scroll', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const start = await cached();
  const slow = madeUsers('slow', 20, 7000);
  const fast = madeUsers('fast', 20, 7100);
  const recycled = madeUsers('again', 20, 7200);
  await servePayload(page, 'slow', followersPayload(slow));
  await servePayload(page, 'fast', followersPayload(fast));
  await servePayload(page, 'again', followersPayload(recycled));
  // An override chosen before the rows arrive shows on their first paint too.
  const choices = { slow_16: 'never', fast_2: 'always', again_3: 'never' };
  await ext.evaluate((changes) => chrome.runtime.sendMessage({ type: 'fb:overrides-write', changes }), choices);
  await loadPayloadFirst(page, 'slow', start + 20);
  await loadPayloadFirst(page, 'fast', start + 40);
  await loadPayloadFirst(page, 'again', start + 60);
  await startPageChecks(page);

  // Normal scroll: one row a frame.
  await page.evaluate(async (users) => {
    for (const u of users) {
      window.__fixture.addRow({ id: u.rest_id, handle: u.core.screen_name, name: u.core.name, bio: u.profile_bio.description, avatar: 'data:,', followsYou: true, youFollow: false });
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, slow);
  // Fast scroll: a page of rows in one task (rendered as the frame's work) ...
  await page.evaluate((users) => {
    for (const u of users) {
      window.__fixture.addRow({ id: u.rest_id, handle: u.core.screen_name, name: u.core.name, bio: u.profile_bio.description, avatar: 'data:,', followsYou: false, youFollow: false });
    }
  }, fast);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // ... then X's virtualiser refills the first 20 rows' nodes with other accounts
  // (their payload came first; this XHR only repeats it), in one task.
  const again = await page.evaluate(() => window.__fixture.recycle('first_paint_again'));
  assert.deepEqual(again, recycled.map((u) => u.core.screen_name));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const checks = await stopPageChecks(page);

  assert.equal(checks.inserted, 40, `the page saw the 40 rows go in (${checks.inserted})`);
  assert.deepEqual(checks.insertedWithout, [], 'no row was inserted without its badge');
  assert.ok(checks.refilled >= 20, `the page saw the 20 rows refilled (${checks.refilled})`);
  assert.deepEqual(checks.refilledWithout, [], 'no row was refilled without its new badge');
  assert.ok(checks.frames >= 20, `frames were checked (${checks.frames})`);
  assert.deepEqual(checks.paintedWithout, [], 'no row was on screen at a frame without its badge');

  // Every row shows one badge, for its own account.
  const rows = await rowHandles(page);
  const expected = [...recycled.map((u) => u.core.screen_name), ...slow.slice(15).map((u) => u.core.screen_name), ...fast.map((u) => u.core.screen_name)];
  assert.deepEqual([...rows].sort(), [...expected].sort());
  const badges = (await readBadges(page)).filter((b) => b.rowHandle !== null);
  assert.equal(badges.length, rows.length, 'one badge per row');
  for (const b of badges) assert.equal(b.handle, b.rowHandle, `badge of the row's account: ${JSON.stringify(b)}`);
  const pinned = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('.followback-badge-host[data-followback-override]')].map((h) => [h.getAttribute('data-followback-handle'), h.getAttribute('data-followback-override')])),
  );
  assert.deepEqual(pinned, choices, 'the overrides show on first-paint badges');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:overrides-write', changes: { slow_16: null, fast_2: null, again_3: null } }));
  await page.close();
});

test('a payload redraws only the badges of its own accounts and makes no other row ask again', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  // Let the first verdict round trips settle, then mark every badge's drawing.
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => {
    window.__pills = new Map();
    for (const host of document.querySelectorAll('.followback-badge-host')) {
      window.__pills.set(host.getAttribute('data-followback-handle'), host.shadowRoot.querySelector('.pill'));
    }
    return Object.fromEntries([...document.querySelectorAll('.followback-badge-host')].map((h) => [h.getAttribute('data-followback-handle'), h.getAttribute('data-followback-score')]));
  });
  const handles = Object.keys(before);
  assert.ok(handles.length >= 5, `badges drawn: ${JSON.stringify(before)}`);
  assert.ok(handles.includes('ada_builds'));

  // X sends ada_builds again, now begging for follows: only her badge changes.
  const [ada] = usersOfFixture('followers_gen3_page1').filter((u) => u.core.screen_name === 'ada_builds');
  const changed = structuredClone(ada);
  changed.profile_bio = { ...changed.profile_bio, description: 'Follow4Follow #FollowBack #IFollowBack #TeamFollowBack #F4F follow me and I follow back 100%' };
  await servePayload(page, 'ada', followersPayload([changed]));
  await recordMessages(env);
  const start = (await recordedMessages(env, 'fb:verdicts')).length;
  await page.evaluate(() => window.__fixture.xhrJson('/i/api/graphql/FpQuery/Followers?variables=%7B%7D&first_paint=ada'));
  await page.waitForFunction((old) => {
    const h = document.querySelector('.followback-badge-host[data-followback-handle="ada_builds"]');
    return h && h.getAttribute('data-followback-score') !== old;
  }, before.ada_builds, { timeout: 15_000 });
  await page.waitForTimeout(500);

  const after = await page.evaluate(() => {
    const out = {};
    for (const host of document.querySelectorAll('.followback-badge-host')) {
      const h = host.getAttribute('data-followback-handle');
      out[h] = { score: host.getAttribute('data-followback-score'), same: window.__pills.get(h) === host.shadowRoot.querySelector('.pill') };
    }
    return out;
  });
  assert.ok(Number(after.ada_builds.score) < Number(before.ada_builds), `ada's score fell: ${before.ada_builds} -> ${after.ada_builds.score}`);
  assert.equal(after.ada_builds.same, false, "ada's badge was redrawn");
  for (const h of handles.filter((x) => x !== 'ada_builds')) {
    assert.equal(after[h].score, before[h], `${h} kept its score`);
    assert.equal(after[h].same, true, `${h}'s badge was not redrawn`);
  }
  const asked = (await recordedMessages(env, 'fb:verdicts')).slice(start).flatMap((m) => m.requests.map((r) => String(r.handle).toLowerCase()));
  assert.ok(asked.every((h) => h === 'ada_builds'), `only ada's row asked again: ${JSON.stringify(asked)}`);
  await page.close();
});
