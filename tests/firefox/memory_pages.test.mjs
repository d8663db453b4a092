// The memory store in real Firefox (the background script writes it with the
// same shared/memory-store.js): accounts sent until a save compacts, then a
// few more, leave packed pages and loose records in Firefox's IndexedDB, and
// reading them back (savedMemoryText: pages, tombstones, loose records, as a
// restarted background script reads them) gives the memory the background
// script holds.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openExtensionPage, until } from './support/harness.mjs';

let env;

before(async () => {
  env = await launchFirefox();
});
after(async () => {
  if (env) await env.close();
});

test('Firefox: pages and loose records in IndexedDB read back as the memory the background script holds', async () => {
  const page = await openExtensionPage(env, 'options/options.html');
  /** Sends users [from, to) of generation-1 GraphQL results, at most 2,000 a payload. */
  const ingest = (from, to) => page.evaluate(async (from, to) => {
    const user = (i) => ({
      __typename: 'User',
      rest_id: String(8_800_000_000 + i),
      legacy: {
        id_str: String(8_800_000_000 + i), screen_name: `ffpg_${i}`, name: `Person ${i}`, description: 'Maps and coffee.',
        followers_count: 100 + i, friends_count: 120, statuses_count: 300, created_at: 'Mon May 05 05:05:00 +0000 2014', default_profile_image: false,
      },
    });
    for (let start = from; start < to; start += 2000) {
      const users = [];
      for (let i = start; i < Math.min(to, start + 2000); i += 1) users.push(user(i));
      const r = await chrome.runtime.sendMessage({ type: 'fb:payload', text: JSON.stringify(users), url: 'https://x.com/i/api/graphql/q/Followers' });
      if (!r || r.ok !== true || r.accounts !== users.length) throw new Error(JSON.stringify(r));
    }
  }, from, to);
  const counts = () => page.evaluate(async () => {
    const store = await import('/shared/memory-store.js');
    const db = await store.openMemoryDb();
    const names = [...store.RECORD_STORES, store.PAGES, store.GONE];
    const tx = db.transaction(names, 'readonly');
    const n = await Promise.all(names.map((s) => new Promise((resolve, reject) => {
      const r = tx.objectStore(s).count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    })));
    db.close();
    return Object.fromEntries(names.map((s, i) => [s, n[i]]));
  });
  let n = 0;
  for (let round = 0; round < 10 && !((await counts()).pages > 0); round += 1) {
    await ingest(n, n + 2000);
    n += 2000;
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.ok((await counts()).pages > 0, 'a save compacted into pages');
  await ingest(n, n + 30);
  const c = await until(page, 'the loose records saved', async () => {
    const store = await import('/shared/memory-store.js');
    const db = await store.openMemoryDb();
    const r = await new Promise((resolve) => { const q = db.transaction(['accounts'], 'readonly').objectStore('accounts').count(); q.onsuccess = () => resolve(q.result); });
    db.close();
    return r >= 30 ? r : null;
  });
  assert.ok(c >= 30);
  const got = await page.evaluate(async () => {
    const sorted = (text) => JSON.parse(text).entries.map((e) => JSON.stringify(e)).sort();
    const saved = sorted(await (await import('/shared/memory-store.js')).savedMemoryText());
    const r = await chrome.runtime.sendMessage({ type: 'fb:memory-json' });
    const held = sorted(r.json);
    return { saved: saved.length, held: held.length, same: saved.join('\n') === held.join('\n') };
  });
  assert.ok(got.held >= n + 30, `every account sent is held: ${got.held}`);
  assert.deepEqual(got, { saved: got.held, held: got.held, same: true }, 'the saved copy is the memory held');
  await page.close();
});
