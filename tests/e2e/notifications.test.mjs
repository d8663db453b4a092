// The notifications page: every actor of a notification row ("followed you",
// "liked your reply", "reposted your post") and every post author (replies,
// mentions) gets a badge, and what they did to the viewer is remembered
// (`fb:interactions`), survives the service worker being stopped, and is
// bounded by the `memory.capacity` setting.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, readBreakdown, extensionConsoleProblems, SEL, extensionPage, stopWorker } from './support/harness.mjs';

let env;
/** An extension page: reads chrome.storage and sends messages whatever the worker's state. */
let ext;

before(async () => {
  env = await launch();
  ext = await extensionPage(env);
});
after(async () => {
  if (env) await env.close();
});

/** Calls `read()` until it returns something truthy; fails with `what` otherwise. */
async function until(what, read, tries = 200) {
  let last;
  for (let i = 0; i < tries; i += 1) {
    last = await read();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The memory the service worker saved (IndexedDB), parsed, or null when nothing is saved. */
async function savedMemory() {
  // Saved record by record in the worker's IndexedDB (shared/memory-store.js).
  const m = JSON.parse(await ext.evaluate(async () => (await import('/shared/memory-store.js')).savedMemoryText()));
  return m.entries.length ? m : null;
}

function entryOf(memory, handle) {
  return (memory.entries || []).find((e) => e.account && e.account.handle.toLowerCase() === handle.toLowerCase()) || null;
}

function kindsOf(memory, handle) {
  const e = entryOf(memory, handle);
  return e ? e.interactions.map((i) => i.kind) : null;
}

/**
 * Stops the extension's service worker (as the browser does when idle);
 * resolves once CDP reports it stopped. Asks again if the report does not
 * come, and fails with a message instead of waiting forever.
 */
const ACTORS = ['dana_follows', 'carol_example', 'erin_likes', 'finn_likes', 'gus_reposts', 'kim_posts'];
const AUTHORS = ['hana_replies', 'ivan_mentions'];
const s = (iso) => Math.floor(Date.parse(iso) / 1000);

test('each notification actor and post author gets one badge; interactions are remembered', async () => {
  const startedAt = Math.floor(Date.now() / 1000);
  const page = await openPage(env, 'https://x.com/notifications');
  const expected = [...ACTORS, ...AUTHORS].sort();
  await page.waitForFunction(
    (want) => {
      const got = [...document.querySelectorAll('.followback-badge-host')].map((h) => h.getAttribute('data-followback-handle'));
      return want.every((h) => got.includes(h));
    },
    expected,
  );
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => b.handle).sort(), expected, 'one badge per actor and author, none for the viewer');
  for (const b of badges) assert.match(b.score, /^\d{1,3}$/, JSON.stringify(b));

  // Where each badge sits: right after its actor's avatar, or in the post's author block.
  const placement = await page.evaluate((sel) =>
    [...document.querySelectorAll('.followback-badge-host')].map((host) => ({
      handle: host.getAttribute('data-followback-handle'),
      afterAvatar: host.previousElementSibling ? host.previousElementSibling.getAttribute('data-testid') : null,
      inNotification: Boolean(host.closest(sel.notification)),
      inAuthorBlock: Boolean(host.closest(sel.tweetAuthor)),
    })),
  { notification: SEL.notification, tweetAuthor: SEL.tweetAuthor });
  for (const p of placement) {
    if (p.inNotification) assert.equal(p.afterAvatar, `UserAvatar-Container-${p.handle}`, JSON.stringify(p));
    else assert.ok(p.inAuthorBlock, JSON.stringify(p));
  }
  assert.deepEqual(
    placement.filter((p) => p.inNotification).map((p) => p.handle).sort(),
    [...ACTORS].sort(),
  );

  // What they did, as saved by the service worker (throttled save: wait for it).
  const memory = await until('the interactions to be saved', async () => {
    const m = await savedMemory();
    return m && [...ACTORS, ...AUTHORS].every((h) => h === 'kim_posts' || (kindsOf(m, h) || []).length > 0) ? m : null;
  });
  const doneAt = Math.floor(Date.now() / 1000);
  assert.deepEqual(kindsOf(memory, 'dana_follows'), ['followed']);
  assert.deepEqual(kindsOf(memory, 'carol_example'), ['followed'], 'every actor of a follow row');
  assert.deepEqual(kindsOf(memory, 'erin_likes'), ['liked'], 'the first phrase decides, not the quoted post');
  assert.deepEqual(kindsOf(memory, 'finn_likes'), ['liked']);
  assert.deepEqual(kindsOf(memory, 'gus_reposts'), ['reposted']);
  assert.deepEqual(kindsOf(memory, 'hana_replies'), ['replied']);
  assert.deepEqual(kindsOf(memory, 'ivan_mentions'), ['mentioned']);
  assert.deepEqual(kindsOf(memory, 'kim_posts') || [], [], 'a "new post" notification is no interaction');
  assert.deepEqual(kindsOf(memory, 'viewer_me') || [], [], 'the viewer does not interact with themself');

  // Times: from time[datetime] when shown, else when seen.
  const at = (h) => entryOf(memory, h).interactions[0].at;
  assert.equal(at('gus_reposts'), s('2024-05-01T10:00:00.000Z'));
  assert.equal(at('hana_replies'), s('2024-05-02T08:00:00.000Z'));
  assert.equal(at('ivan_mentions'), s('2024-05-03T09:00:00.000Z'));
  for (const h of ['dana_follows', 'erin_likes']) {
    assert.ok(at(h) >= startedAt && at(h) <= doneAt, `${h} dated when seen: ${at(h)}`);
  }
  assert.equal(entryOf(memory, 'gus_reposts').interactions[0].source, 'page');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('the mentions tab records replies and mentions; the same untimed notification counts once', async () => {
  const page = await openPage(env, 'https://x.com/notifications/mentions');
  await page.waitForSelector(`${SEL.tweetAuthor} .followback-badge-host`);
  await page.waitForFunction(() => document.querySelectorAll('.followback-badge-host').length === 2);
  const handles = (await readBadges(page)).map((b) => b.handle).sort();
  assert.deepEqual(handles, [...AUTHORS].sort());
  // The decision is made here: the reply shows in the author's breakdown.
  await page.click('.followback-badge-host[data-followback-handle="hana_replies"] >> [role="button"]');
  await page.waitForSelector('.followback-breakdown-host');
  const breakdown = await readBreakdown(page);
  const talks = breakdown.lines.find((l) => l.signal === 'interactions');
  assert.ok(talks && !talks.unseen, JSON.stringify(breakdown.lines));
  assert.match(talks.seen, /replied 1\u00d7/);
  await page.close();

  // The message contract, straight from an extension page.
  const send = (interactions) => ext.evaluate((list) => chrome.runtime.sendMessage({ type: 'fb:interactions', interactions: list }), interactions);
  const first = await send([{ handle: 'lena_untimed', kind: 'followed' }]);
  assert.equal(first.ok, true, JSON.stringify(first));
  assert.equal(first.recorded, 1);
  const again = await send([{ handle: 'lena_untimed', kind: 'followed' }]);
  assert.deepEqual([again.recorded, again.skipped], [0, 1], 'seen again without a time: the same notification');
  const timed = await send([
    { handle: 'lena_untimed', kind: 'liked', at: s('2024-06-01T00:00:00Z') },
    { handle: 'lena_untimed', kind: 'liked', at: s('2024-06-02T00:00:00Z') },
  ]);
  assert.equal(timed.recorded, 2, 'two dated likes are two interactions');
  const bad = await send([{ handle: '<img src=x>', kind: 'followed' }, { handle: 'ok_handle', kind: 'waved' }, 'nonsense']);
  assert.deepEqual([bad.ok, bad.recorded, bad.skipped], [true, 0, 3], JSON.stringify(bad));
  assert.ok(bad.warnings.length >= 3, JSON.stringify(bad.warnings));
  const wrong = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:interactions', interactions: 'x' }));
  assert.equal(wrong.ok, false);
  assert.match(wrong.error, /interactions array/);
});

test('memory survives the service worker being stopped', async () => {
  const before = await until('a saved memory', savedMemory);
  assert.deepEqual(kindsOf(before, 'dana_follows'), ['followed']);

  await stopWorker(env); // the engine and everything it held in memory is gone

  // A fresh worker starts for the next page and must restore what was saved.
  const profile = await openPage(env, 'https://x.com/carol_example');
  await profile.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  const after = await until('the restarted worker to save again', async () => {
    const m = await savedMemory();
    const carol = m && entryOf(m, 'carol_example');
    // The profile's counts only reach memory after the restart.
    return carol && carol.account.followers === 12500 ? m : null;
  });
  assert.deepEqual(kindsOf(after, 'carol_example'), ['followed'], 'the interaction joined the profile facts');
  assert.deepEqual(kindsOf(after, 'dana_follows'), ['followed'], 'restored, not lost with the worker');
  assert.deepEqual(kindsOf(after, 'hana_replies'), ['replied']);
  assert.deepEqual(entryOf(after, 'gus_reposts').interactions, entryOf(before, 'gus_reposts').interactions);
  // A later visit to the account shows the relationship in its breakdown.
  await profile.click('.followback-badge-host >> [role="button"]');
  await profile.waitForSelector('.followback-breakdown-host');
  const breakdown = await readBreakdown(profile);
  const talks = breakdown.lines.find((l) => l.signal === 'interactions');
  assert.ok(talks && !talks.unseen, JSON.stringify(breakdown.lines));
  assert.match(talks.seen, /followed you 1\u00d7/);
  await profile.close();
});

test('a small memory.capacity setting evicts the least recently seen accounts', async () => {
  // Restart with 1005 remembered accounts, then ask for a cap of 1000.
  const entries = [];
  for (let i = 0; i < 1005; i += 1) {
    const handle = `old_${String(i).padStart(4, '0')}`;
    entries.push({ account: { handle }, tweets: [], history: [], interactions: [], last_seen: 1_700_000_000 + i });
  }
  await stopWorker(env);
  await ext.evaluate(async (memory) => {
    await chrome.storage.local.set({ memory });
    await chrome.storage.sync.set({ settings: { values: { 'memory.capacity': 1000 } } });
  }, JSON.stringify({ version: 1, capacity: 50000, entries }));
  // The options page (ext) asks the worker for memory stats when storage
  // changes, which may wake it with the old memory before the write above
  // lands; stop it again so the next start restores what was written.
  await stopWorker(env);
  const woke = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:verdicts', requests: [] }));
  assert.equal(woke.ok, true, JSON.stringify(woke));

  const saved = await until('the capped memory to be saved', async () => {
    const m = await savedMemory();
    return m && m.capacity === 1000 ? m : null;
  });
  const handles = new Set(saved.entries.map((e) => e.account.handle));
  assert.equal(saved.entries.length, 1000);
  for (let i = 0; i < 5; i += 1) assert.ok(!handles.has(`old_000${i}`), `old_000${i} (least recently seen) evicted`);
  assert.ok(handles.has('old_0005') && handles.has('old_1004'), 'the rest kept');

  // Out-of-range caps are refused by the settings, not applied.
  const schema = await ext.evaluate(async () => {
    const core = await import(chrome.runtime.getURL('core/followback.js'));
    await core.default({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
    const spec = core.settingsSchema().find((x) => x.id === 'memory.capacity');
    const refused = core.validateSettings({ values: { 'memory.capacity': 10 } });
    return { spec, refused };
  });
  assert.deepEqual([schema.spec.min, schema.spec.max, schema.spec.default, schema.spec.group], [1000, 500000, 100000, 'Memory']);
  assert.equal(schema.refused.ok, false);
  assert.equal(schema.refused.errors[0].id, 'memory.capacity');
});
