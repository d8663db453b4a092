// The memory's IndexedDB store (shared/memory-store.js) across worker
// stops: accounts that arrived 100 ms before the worker is killed are kept;
// 15,000 accounts with 20 posts each come back whole after a restart (read
// back in batches, which restore what one go does); the old
// chrome.storage.local "memory" string is moved into the store and removed;
// records an older version wrote as JSON strings are compacted into pages;
// at the memory.capacity cap the least recently seen are forgotten, with a
// notice in the popup's Diagnostics and the options page's memory section.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, extensionPage, extensionConsoleProblems, sleep, until, stopWorker } from './support/harness.mjs';

let env;
/** An extension page: messages and storage from the extension's own origin. */
let ext;

before(async () => {
  env = await launch();
  ext = await extensionPage(env);
});
after(async () => {
  if (env) await env.close();
});

const send = (message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** Distinct ids for each handle prefix (an id names one account, whatever its handle). */
const idBase = (prefix) => 7_000_000_000 + [...prefix].reduce((n, c) => n * 31 + c.charCodeAt(0), 0) % 1000 * 1_000_000;

/** A generation-1 GraphQL user result (the shape fb:payload reads). */
function user(prefix, i) {
  return {
    __typename: 'User',
    rest_id: String(idBase(prefix) + i),
    legacy: {
      id_str: String(idBase(prefix) + i),
      screen_name: `${prefix}${String(i).padStart(5, '0')}`,
      name: `Person ${i}`,
      description: `Account ${i}: climbing, maps and coffee. Opinions are my own.`,
      location: 'Lisbon',
      followers_count: 100 + i,
      friends_count: 120 + (i % 50),
      statuses_count: 300 + i,
      favourites_count: 50,
      created_at: 'Mon May 05 05:05:00 +0000 2014',
      default_profile_image: false,
    },
  };
}

/** Sends users [from, to) in payloads of at most 2,000 accounts (the per-payload cap). */
async function ingest(prefix, from, to) {
  for (let start = from; start < to; start += 2000) {
    const users = [];
    for (let i = start; i < Math.min(to, start + 2000); i += 1) users.push(user(prefix, i));
    const r = await send({ type: 'fb:payload', text: JSON.stringify(users), url: 'https://x.com/i/api/graphql/q/Followers' });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.accounts, users.length);
  }
}

const handleOf = (prefix, i) => `${prefix}${String(i).padStart(5, '0')}`;

/** The running worker's memory, as its export (`fb:memory-json`), parsed. */
async function workerMemory() {
  const r = await send({ type: 'fb:memory-json' });
  assert.equal(r.ok, true, JSON.stringify(r));
  return JSON.parse(r.json);
}

const handlesIn = (m) => new Set(m.entries.map((e) => String(e.account.handle).toLowerCase()));

async function clearAll() {
  const r = await send({ type: 'fb:memory-clear' });
  assert.equal(r.ok, true, JSON.stringify(r));
}

test('killing the worker 100 ms after new accounts arrive loses none of them', async () => {
  await clearAll();
  await ingest('kill_', 0, 600);
  const liked = await send({ type: 'fb:interactions', interactions: [{ handle: handleOf('kill_', 7), kind: 'liked', at: 1_700_000_000 }] });
  assert.equal(liked.recorded, 1, JSON.stringify(liked));
  await sleep(100);
  await stopWorker(env);

  // The next message starts a fresh worker, which restores from IndexedDB.
  const stats = await send({ type: 'fb:debug-stats' });
  assert.equal(stats.payloads, 0, 'a restarted worker (its counters start at zero)');
  const m = await workerMemory();
  const handles = handlesIn(m);
  const missing = [];
  for (let i = 0; i < 600; i += 1) if (!handles.has(handleOf('kill_', i))) missing.push(handleOf('kill_', i));
  assert.deepEqual(missing, [], 'every account that arrived before the stop is remembered');
  const seven = m.entries.find((e) => e.account.handle === handleOf('kill_', 7));
  assert.deepEqual(seven.interactions.map((i) => i.kind), ['liked'], 'and its interaction');
  assert.equal(seven.account.followers, 107);
});

test('15,000 accounts with 20 posts each survive a restart whole', async () => {
  await clearAll();
  const N = 15_000;
  await ingest('big_', 0, N);
  // 20 posts each, read from tweet articles (fb:tweets), 500 authors a message.
  for (let start = 0; start < N; start += 500) {
    const r = await ext.evaluate(([start, N]) => {
      const tweets = [];
      for (let i = start; i < Math.min(N, start + 500); i += 1) {
        const handle = `big_${String(i).padStart(5, '0')}`;
        for (let p = 0; p < 20; p += 1) {
          tweets.push({
            statusHref: `/${handle}/status/${1_800_000_000_000_000_000n + BigInt(i * 20 + p)}`,
            authorHref: `/${handle}`,
            datetime: new Date(Date.UTC(2025, 0, 1) + p * 3_600_000).toISOString(),
            text: `Post ${p} by ${handle}: shipping a new release today, faster and with better errors.`,
            links: [],
            quote: false,
          });
        }
      }
      return chrome.runtime.sendMessage({ type: 'fb:tweets', tweets });
    }, [start, N]);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.recorded, Math.min(N - start, 500) * 20, JSON.stringify(r).slice(0, 300));
  }

  // The export of this much is over runtime messaging's 64 MiB: the saved
  // copy is read from IndexedDB directly (what a restarted worker loads).
  const fingerprint = () => ext.evaluate(async () => {
    const m = JSON.parse(await (await import('/shared/memory-store.js')).savedMemoryText());
    const entries = m.entries.slice().sort((a, b) => (a.account.handle < b.account.handle ? -1 : 1));
    const posts = entries.map((e) => e.tweets.length);
    const bytes = new TextEncoder().encode(JSON.stringify(entries));
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { accounts: entries.length, minPosts: Math.min(...posts), maxPosts: Math.max(...posts), digest, bytes: bytes.length };
  });
  // What the worker makes of a sample of them (posts decide the automation signals).
  const sample = Array.from({ length: 150 }, (_, k) => ({ handle: handleOf('big_', k * 100) }));
  const verdicts = async () => {
    const r = await send({ type: 'fb:verdicts', requests: sample, full: true });
    assert.equal(r.ok, true, JSON.stringify(r).slice(0, 300));
    return r.verdicts;
  };
  const statsOf = async () => {
    const r = await send({ type: 'fb:memory-stats' });
    return { accounts: r.accounts, bytes: r.bytes };
  };
  const before = await until('every post saved', async () => {
    const f = await fingerprint();
    return f.accounts === N && f.minPosts === 20 ? f : null;
  });
  assert.deepEqual([before.accounts, before.minPosts, before.maxPosts], [N, 20, 20], JSON.stringify(before));
  const verdictsBefore = await verdicts();
  assert.ok(verdictsBefore.every((v) => v !== null), 'every sampled account is known');
  const statsBefore = await statsOf();
  assert.equal(statsBefore.accounts, N);

  await sleep(100);
  await stopWorker(env);
  assert.deepEqual(await statsOf(), statsBefore, 'the restarted worker holds every record');
  assert.equal((await send({ type: 'fb:debug-stats' })).payloads, 0, 'a restarted worker');
  assert.deepEqual(await verdicts(), verdictsBefore, 'and judges them the same, posts included');
  assert.deepEqual(await fingerprint(), before, 'the saved accounts, posts and facts are unchanged');
});

test('restoring the records in batches gives what restoring them in one go does, unreadable records included', async () => {
  await clearAll();
  const N = 2_500;
  await ingest('chunk_', 0, N);
  await until('every account saved', async () => {
    const m = await ext.evaluate(async () => JSON.parse(await (await import('/shared/memory-store.js')).savedMemoryText()));
    return m.entries.length === N ? true : null;
  });
  const r = await ext.evaluate(async () => {
    const store = await import('/shared/memory-store.js');
    const core = await import('/core/followback.js');
    await core.default();
    const db = await store.openMemoryDb();
    // An unreadable account record, and posts whose account is missing.
    await store.writeChanges(db, { accounts: [['#1', 'not json']], tweets: [['#2', '[]']] });
    const inBatches = new core.Engine(null);
    let chunks = 0;
    const records = await store.restoreRecords(db, {
      begin: (n) => inBatches.beginMemoryRestore(n),
      chunk: (keys, values, lengths) => {
        chunks += 1;
        inBatches.loadMemoryChunk(keys, values, lengths);
      },
    }, 300);
    const batchedReport = inBatches.finishMemoryRestore();
    const all = await store.readRecords(db);
    const oneGo = new core.Engine(null);
    const oneGoReport = oneGo.loadMemoryRecords(all.keys, all.values, all.lengths);
    const result = {
      chunks,
      records,
      allRecords: all.records,
      batchedReport,
      oneGoReport,
      same: inBatches.exportMemory() === oneGo.exportMemory(),
      accounts: inBatches.accountCount(),
      deleted: inBatches.takeMemoryChanges().deleted,
      deletedOneGo: oneGo.takeMemoryChanges().deleted,
    };
    await store.writeChanges(db, { deleted: ['#1', '#2'] });
    db.close();
    return result;
  });
  assert.ok(r.chunks >= 9, `${r.chunks} batches of 300 for ${N} accounts`);
  assert.equal(r.records, r.allRecords, 'every record read once');
  assert.deepEqual(r.batchedReport, { loaded: N, skipped: 2 });
  assert.deepEqual(r.batchedReport, r.oneGoReport);
  assert.equal(r.accounts, N);
  assert.ok(r.same, 'the same memory');
  assert.deepEqual(r.deleted, ['#1', '#2'], 'the unreadable records go at the next save');
  assert.deepEqual(r.deleted, r.deletedOneGo);
  await clearAll();
});

test('records an older version wrote as JSON strings restore the same, and are compacted into pages of bytes', async () => {
  await clearAll();
  await ingest('json_', 0, 300);
  const liked = await send({ type: 'fb:interactions', interactions: [{ handle: handleOf('json_', 3), kind: 'liked', at: 1_700_000_000 }] });
  assert.equal(liked.recorded, 1, JSON.stringify(liked));
  const before = await workerMemory();
  const sortedEntries = (m) => m.entries.map((e) => JSON.stringify(e)).sort();
  // The worker's saves land, then it stops: nothing writes while the store is replaced.
  await sleep(300);
  await stopWorker(env);
  // What an older version's store held: every record a JSON string, built
  // from the memory file's entries ({account, history?, last_seen}, posts, interactions).
  const kinds = await ext.evaluate(async (file) => {
    const store = await import('/shared/memory-store.js');
    const db = await store.openMemoryDb();
    const changes = { clear: true, accounts: [], tweets: [], interactions: [] };
    for (const e of JSON.parse(file).entries) {
      const key = e.account.id ? `#${e.account.id}` : `@${e.account.handle.toLowerCase()}`;
      const { tweets, interactions, ...record } = e;
      changes.accounts.push([key, JSON.stringify(record)]);
      if (tweets.length > 0) changes.tweets.push([key, JSON.stringify(tweets)]);
      if (interactions.length > 0) changes.interactions.push([key, JSON.stringify(interactions)]);
    }
    await store.writeChanges(db, changes);
    const tx = db.transaction(['accounts'], 'readonly');
    const values = await new Promise((resolve) => { const r = tx.objectStore('accounts').getAll(); r.onsuccess = () => resolve(r.result); });
    db.close();
    return [...new Set(values.map((v) => typeof v))];
  }, JSON.stringify(before));
  assert.deepEqual(kinds, ['string'], 'the store holds JSON strings only');

  const after = await workerMemory();
  assert.equal(after.entries.length, 300);
  assert.deepEqual(sortedEntries(after), sortedEntries(before), 'the same memory, the interaction included');
  // The restarted worker's first save compacts them: the binary form, in pages, no JSON string left.
  const forms = await until('every record rewritten in pages', async () => {
    const r = await ext.evaluate(async () => {
      const store = await import('/shared/memory-store.js');
      const db = await store.openMemoryDb();
      const read = (name) => new Promise((resolve) => { const q = db.transaction([name], 'readonly').objectStore(name).getAll(); q.onsuccess = () => resolve(q.result); });
      const loose = [...(await read('accounts')), ...(await read('tweets')), ...(await read('interactions'))];
      const pages = await read(store.PAGES);
      db.close();
      return { loose: loose.length, pages: pages.length, kinds: [...new Set(pages.map((v) => (v instanceof Uint8Array ? 'bytes' : typeof v)))] };
    });
    return r.loose === 0 && r.pages > 0 ? r : null;
  });
  assert.deepEqual(forms, { loose: 0, pages: 1, kinds: ['bytes'] }, '300 accounts (with the interaction) in one page of bytes');
  await stopWorker(env);
  assert.deepEqual(sortedEntries(await workerMemory()), sortedEntries(before), 'and they restore the same again');
  await clearAll();
});

test('the old chrome.storage.local memory string moves into IndexedDB whole, then is removed', async () => {
  await clearAll();
  // The version-1 writer's shape: every fact written, null for missing ones.
  const entries = [];
  for (let i = 0; i < 3000; i += 1) {
    const handle = handleOf('old_', i);
    entries.push({
      account: {
        id: String(5_000_000 + i), handle, name: `Old ${i}`, bio: 'from before', location: null, url: null,
        created_at: 1_400_000_000, followers: i, following: 10, tweets: 5, likes: null, listed: 0, media: 0,
        default_avatar: false, default_profile: null, verified: false, blue_verified: false, protected: false,
        follows_you: true, you_follow: false, observed_at: 1_700_000_000 + i, source: 'graphql',
      },
      tweets: i % 10 === 0 ? [{ id: String(9_000_000 + i), author_id: String(5_000_000 + i), author_handle: handle, text: `old post ${i}`, created_at: 1_699_000_000, kind: 'original', reply_to: null, urls: [], source: 'graphql' }] : [],
      history: [],
      interactions: i % 7 === 0 ? [{ handle, kind: 'followed', at: 1_699_500_000, source: 'page' }] : [],
      last_seen: 1_700_000_000 + i,
    });
  }
  await stopWorker(env);
  await ext.evaluate((memory) => chrome.storage.local.set({ memory }), JSON.stringify({ version: 1, capacity: 15000, entries }));
  // The options page may wake the worker on that storage change; either start migrates.
  await stopWorker(env);

  const m = await workerMemory();
  assert.equal(m.entries.length, 3000, 'every account imported');
  const byHandle = new Map(m.entries.map((e) => [e.account.handle, e]));
  for (const i of [0, 7, 10, 1234, 2999]) {
    const e = byHandle.get(handleOf('old_', i));
    assert.ok(e, `old_${i} kept`);
    assert.equal(e.account.followers, i);
    assert.equal(e.tweets.length, i % 10 === 0 ? 1 : 0, `old_${i} posts`);
    assert.equal(e.interactions.length, i % 7 === 0 ? 1 : 0, `old_${i} interactions`);
  }
  await until('the old key removed', async () => (await ext.evaluate(() => chrome.storage.local.get('memory'))).memory === undefined);
  const saved = JSON.parse(await ext.evaluate(async () => (await import('/shared/memory-store.js')).savedMemoryText()));
  assert.equal(saved.entries.length, 3000, 'written to IndexedDB');
  const stats = await send({ type: 'fb:debug-stats' });
  assert.ok(stats.warnings.some((w) => /moved to IndexedDB: 3000 accounts/.test(w.text)), JSON.stringify(stats.warnings));

  // And it stays moved: a restart loads the records, nothing imported again.
  await stopWorker(env);
  assert.deepEqual(handlesIn(await workerMemory()), handlesIn(m));
  assert.ok(!(await send({ type: 'fb:debug-stats' })).warnings.some((w) => /moved to IndexedDB/.test(w.text)));
});

test('at the cap the least recently seen are forgotten, with a notice in Diagnostics and the options page', async () => {
  await clearAll();
  await ext.evaluate(() => chrome.storage.sync.set({ settings: { values: { 'memory.capacity': 1000 } } }));
  await until('the cap applied', async () => (await send({ type: 'fb:memory-stats' })).capacity === 1000);
  const before = await send({ type: 'fb:debug-stats' });

  await ingest('cap_', 0, 1000); // the oldest
  await sleep(1100); // memory times are in seconds
  await ingest('cap_', 0, 100); // seen again: recent
  await sleep(1100);
  await ingest('new_', 0, 300); // newest: 1,300 in all, over the cap

  const m = await workerMemory();
  const handles = handlesIn(m);
  assert.ok(handles.size <= 1000, `at most the cap: ${handles.size}`);
  for (let i = 0; i < 300; i += 1) assert.ok(handles.has(handleOf('new_', i)), `new_${i} (newest) kept`);
  for (let i = 0; i < 100; i += 1) assert.ok(handles.has(handleOf('cap_', i)), `cap_${i} (seen again) kept`);
  const forgotten = 1300 - handles.size;
  assert.ok(forgotten >= 300, `forgot ${forgotten}`);

  const stats = await until('the eviction noted', async () => {
    const s = await send({ type: 'fb:debug-stats' });
    return s.memoryTrimmed > before.memoryTrimmed ? s : null;
  });
  assert.ok(stats.warnings.some((w) => /forgot the \d+ least recently seen accounts/.test(w.text)), JSON.stringify(stats.warnings));

  // The saved records match what the worker keeps.
  const saved = JSON.parse(await ext.evaluate(async () => (await import('/shared/memory-store.js')).savedMemoryText()));
  assert.deepEqual(handlesIn(saved), handles);
  assert.equal(saved.capacity, 1000);

  // The options page's memory section says so.
  const page = await openPage(env, `chrome-extension://${env.extensionId}/options/options.html`);
  await page.waitForSelector('#memory-status[data-state="ready"][data-forgotten]');
  assert.match(await page.textContent('#memory-status'), /least recently seen accounts were forgotten on .+ to stay within the cap\./);
  assert.ok(Number(await page.getAttribute('#memory-status', 'data-forgotten')) > 0);
  // The popup's Diagnostics lists the warning.
  const popup = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html`);
  await until('the popup warning', async () => /least recently seen/.test((await popup.textContent('body')) || ''));
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await popup.close();

  // Clearing forgets the notice too.
  await clearAll();
  await page.reload();
  await page.waitForSelector('#memory-status[data-state="ready"]');
  assert.equal(await page.getAttribute('#memory-status', 'data-forgotten'), null);
  await page.close();
  await ext.evaluate(() => chrome.storage.sync.remove('settings'));
});
