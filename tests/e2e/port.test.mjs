// The content script's requests over the worker's long-lived port
// (content/relay.js, PORT_NAME): badges come over the port, not sendMessage;
// a worker stopped mid-scroll, even with a request in flight, leaves no row
// without its badge and none with two, and the breakdown still shows its
// evidence; the port keeps the worker's sender checks, and the page's main
// world cannot reach it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, rowHandles, waitForRowBadges, readBreakdown, extensionConsoleProblems, extensionPage, sleep, stopWorker } from './support/harness.mjs';
import { contentWorld } from './support/content-world.mjs';

let env;
let ext;

before(async () => {
  env = await launch();
  ext = await extensionPage(env);
});
after(async () => {
  if (env) await env.close();
});

const send = (message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
const badgeSelector = (handle) => `.followback-badge-host[data-followback-handle="${handle}"] >> [role="button"]`;

/** The running worker (woken by a message first). */
async function runningWorker() {
  await send({ type: 'fb:ping' });
  const workers = env.context.serviceWorkers().filter((w) => w.url().includes(env.extensionId));
  return workers[workers.length - 1];
}

/** Counts, in the running worker, the requests from x.com by path: { port: {type: n}, sendMessage: {type: n} }. */
async function countPaths() {
  const worker = await runningWorker();
  await worker.evaluate(() => {
    const seen = { port: {}, sendMessage: {} };
    self.__portTestSeen = seen;
    const fromX = (s) => Boolean(s && s.url && s.url.startsWith('https://x.com/'));
    self.__followbackPortTap = (m, s) => {
      if (m && fromX(s)) seen.port[m.type] = (seen.port[m.type] || 0) + 1;
    };
    chrome.runtime.onMessage.addListener((m, s) => {
      if (m && fromX(s)) seen.sendMessage[m.type] = (seen.sendMessage[m.type] || 0) + 1;
      return false;
    });
  });
  return () => worker.evaluate(() => self.__portTestSeen);
}

test('rows get their verdicts over the port, not a sendMessage per batch', async () => {
  const seen = await countPaths();
  const page = await openPage(env, 'https://x.com/today_host/followers');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const got = await seen();
  assert.ok((got.port['fb:verdicts'] || 0) >= 1, `fb:verdicts came over the port: ${JSON.stringify(got)}`);
  assert.deepEqual(got.sendMessage, {}, `nothing by sendMessage: ${JSON.stringify(got)}`);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('the worker stopped with a verdict request in flight, then mid-scroll: every row gets one badge, the breakdown its evidence', async () => {
  // The worker holds the first fb:verdicts that comes over the port (a busy
  // loop in the test's tap) so it is in flight when the worker is stopped.
  const worker = await runningWorker();
  await worker.evaluate(() => {
    let held = false;
    self.__followbackPortTap = (m) => {
      if (held || !m || m.type !== 'fb:verdicts' || m.full) return;
      held = true;
      const end = Date.now() + 4000;
      while (Date.now() < end) {
        // in flight until the worker is stopped
      }
    };
  });
  const page = await openPage(env, 'https://x.com/viewer_me/following');
  await page.waitForSelector('body[data-rendered]');
  await sleep(500);
  assert.equal(await page.locator('.followback-badge-host').count(), 0, 'no badge yet: the worker holds the request');
  await stopWorker(env);
  await waitForRowBadges(page);
  const first = await rowHandles(page);
  assert.ok(first.length >= 3, `rows: ${first}`);

  // Stopped again while idle (MV3 stops idle workers; the port drops), then X adds rows.
  await stopWorker(env);
  const added = await page.evaluate(() => {
    const av = 'https://pbs.twimg.com/profile_images/1/avatar_normal.jpg';
    const users = [
      { id: '3201', handle: 'port_after_a', name: 'Port After A', bio: 'Potter. Glazes and kilns.', avatar: av, followsYou: true },
      { id: '3202', handle: 'port_after_b', name: 'Port After B', bio: 'Runs a small bakery.', avatar: av },
    ];
    for (const u of users) window.__fixture.addRow(u);
    return users.map((u) => u.handle);
  });
  await waitForRowBadges(page);
  const badges = await readBadges(page);
  const handles = badges.map((b) => b.handle);
  for (const h of added) assert.ok(handles.includes(h), `${h} has its badge after the restart: ${handles}`);
  assert.equal(new Set(badges.map((b) => `${b.rowHandle}`)).size, badges.filter((b) => !b.inProfile).length, `one badge per row: ${JSON.stringify(handles)}`);

  // The breakdown asks for the full verdict over a new port and shows its evidence, once each.
  await page.click(badgeSelector(added[0]));
  await page.waitForSelector(`.followback-breakdown-host[data-followback-handle="${added[0]}"]`);
  await page.waitForFunction(() => {
    const pop = document.querySelector('.followback-breakdown-host');
    return pop && pop.shadowRoot && pop.shadowRoot.querySelectorAll('li.evidence').length > 0;
  });
  const b = await readBreakdown(page);
  assert.ok(b.lines.length > 0, 'the breakdown lists evidence');
  const signals = b.lines.map((l) => l.signal);
  assert.equal(new Set(signals).size, signals.length, `no evidence line twice: ${signals}`);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('the port keeps the sender checks: a content script cannot send a pages-only message over it', async () => {
  const world = await contentWorld(env, 'https://x.com/redesign_host/followers');
  const replies = await world.evaluate(() => new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'followback' });
    const out = {};
    port.onMessage.addListener((m) => {
      out[m.id] = m.reply;
      if (Object.keys(out).length === 3) resolve(out);
    });
    port.postMessage({ id: 1, message: { type: 'fb:memory-clear' } });
    port.postMessage({ id: 2, message: { type: 'fb:ping' } });
    port.postMessage({ id: 3, message: { type: 'fb:no-such-message' } });
    setTimeout(() => resolve(out), 5000);
  }));
  const before = await send({ type: 'fb:memory-stats' });
  assert.ok(before.ok && before.accounts > 0, `there is something to clear: ${JSON.stringify(before)}`);
  await world.close();
  assert.equal(replies[1].ok, false);
  assert.match(replies[1].error, /own pages only/);
  assert.deepEqual(replies[2], { ok: true });
  assert.equal(replies[3].ok, false, 'an unknown message is answered, not left waiting');
  const after = await send({ type: 'fb:memory-stats' });
  assert.ok(after.accounts >= before.accounts, `nothing was cleared: ${after.accounts} of ${before.accounts}`);
});

test("the page's main world cannot reach the worker's port", async () => {
  const seen = await countPaths();
  const page = await openPage(env, 'https://x.com/redesign_host/followers');
  const tried = await page.evaluate((id) => {
    const out = { runtime: typeof globalThis.chrome === 'object' && globalThis.chrome !== null && typeof globalThis.chrome.runtime };
    try {
      const port = chrome.runtime.connect(id, { name: 'followback' });
      port.postMessage({ id: 1, message: { type: 'fb:ping' } });
      out.connect = 'posted';
    } catch (e) {
      out.connect = `refused: ${e.message}`;
    }
    return out;
  }, env.extensionId);
  await sleep(500);
  assert.notEqual(tried.connect, 'posted', `the main world could post to the port: ${JSON.stringify(tried)}`);
  assert.equal(tried.runtime === 'object' && tried.connect === 'posted', false);
  // The content script sends fb:payload for the page's response; fb:ping only the main world would have sent.
  const got = await seen();
  assert.equal(got.port['fb:ping'], undefined, `the worker got nothing over its port from the main world: ${JSON.stringify(got)}`);
  assert.ok(got.port['fb:payload'] >= 1, `the content script's own request came (the tap works): ${JSON.stringify(got)}`);
  await page.close();
});
