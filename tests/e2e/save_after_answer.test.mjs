// The worker answers before it saves (extension/background/service-worker.js):
// a payload's accounts are not yet in IndexedDB when its answer arrives (the
// save never ran between the message and its answer), are there soon after
// (the worker quiet), and a steady stream of messages, each closer to the last
// than the quiet spell, does not keep them out for long (the save's deadline).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, extensionPage } from './support/harness.mjs';

let env;
let ext;

before(async () => {
  env = await launch();
  ext = await extensionPage(env);
  // The engine started and its first save done.
  await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:verdicts', requests: [] }));
  await ext.waitForTimeout(300);
});
after(async () => {
  if (env) await env.close();
});

/** Generation-1 GraphQL user results with ids from `base` (the shape fb:payload reads). */
const usersText = (base, n) => JSON.stringify(Array.from({ length: n }, (_, i) => ({
  __typename: 'User',
  rest_id: String(base + i),
  legacy: {
    id_str: String(base + i),
    screen_name: `saved_${base + i}`,
    name: `Person ${i}`,
    description: 'Maps, coffee and climbing.',
    followers_count: 100 + i,
    friends_count: 120,
    statuses_count: 300,
    created_at: 'Mon May 05 05:05:00 +0000 2014',
    default_profile_image: false,
  },
})));

test("a payload's answer comes before its save, and the save follows within 200 ms", async () => {
  const got = await ext.evaluate(async (text) => {
    const { openMemoryDb } = await import('/shared/memory-store.js');
    const db = await openMemoryDb();
    // Account records in the worker's store (a read-only transaction each time).
    const count = () => new Promise((resolve, reject) => {
      const req = db.transaction(['accounts'], 'readonly').objectStore('accounts').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const before = await count();
    const reply = await chrome.runtime.sendMessage({ type: 'fb:payload', text, url: 'https://x.com/i/api/graphql/q/Followers' });
    const atAnswer = await count();
    const t0 = performance.now();
    let after = atAnswer;
    while (after < before + 20 && performance.now() - t0 < 2000) {
      await new Promise((r) => setTimeout(r, 5));
      after = await count();
    }
    db.close();
    return { ok: reply && reply.ok, accounts: reply && reply.accounts, before, atAnswer, after, savedAfterMs: performance.now() - t0 };
  }, usersText(8_100_000_000, 20));
  assert.equal(got.ok, true);
  assert.equal(got.accounts, 20);
  assert.equal(got.atAnswer, got.before, `no record written before the answer (${got.atAnswer - got.before} were)`);
  assert.equal(got.after, got.before + 20, 'every account saved');
  assert.ok(got.savedAfterMs < 200, `saved ${got.savedAfterMs.toFixed(1)} ms after the answer`);
});

test('messages closer together than the quiet spell do not hold a save back past its deadline', async () => {
  const got = await ext.evaluate(async (texts) => {
    const { openMemoryDb } = await import('/shared/memory-store.js');
    const db = await openMemoryDb();
    // Account records in the worker's store (a read-only transaction each time).
    const count = () => new Promise((resolve, reject) => {
      const req = db.transaction(['accounts'], 'readonly').objectStore('accounts').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const before = await count();
    const first = await chrome.runtime.sendMessage({ type: 'fb:payload', text: texts[0], url: 'https://x.com/i/api/graphql/q/Followers' });
    const t0 = performance.now();
    let savedAt = null;
    // Verdict requests back to back for 400 ms (each well within the quiet
    // spell of the one before), the store counted beside them.
    let stop = false;
    const stream = (async () => {
      while (!stop) await chrome.runtime.sendMessage({ type: 'fb:verdicts', requests: [{ handle: 'saved_8200000000' }] });
    })();
    while (performance.now() - t0 < 400) {
      if (savedAt === null && (await count()) >= before + 20) savedAt = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
    stop = true;
    await stream;
    const total = await count();
    db.close();
    return { ok: first && first.ok, before, savedAt, total };
  }, [usersText(8_200_000_000, 20)]);
  assert.equal(got.ok, true);
  assert.equal(got.total, got.before + 20, 'every account saved');
  assert.ok(got.savedAt !== null && got.savedAt < 200, `saved while the messages went on (${got.savedAt} ms)`);
});
