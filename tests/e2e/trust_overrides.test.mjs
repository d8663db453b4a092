// No lost updates: two extension pages setting different overrides at the same
// moment keep both (20 rounds), because every write goes through the service
// worker's one queue (`fb:overrides-write`); an import's undo replaces the set whole.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, optionsUrl } from './support/harness.mjs';

let env;

before(async () => {
  env = await launch();
});

after(async () => {
  if (env) await env.close();
});

/** The stored overrides, read in `page`. */
const stored = (page) =>
  page.evaluate(async () => {
    const { OVERRIDES_KEY } = await import('/shared/overrides.js');
    return (await chrome.storage.local.get(OVERRIDES_KEY))[OVERRIDES_KEY] || {};
  });

test('two pages setting overrides at the same moment keep both, 20 rounds', async () => {
  const a = await openPage(env, optionsUrl(env));
  const b = await openPage(env, optionsUrl(env));
  const save = (page, handle, mode) =>
    page.evaluate(async ([h, m]) => {
      const { saveOverride } = await import('/shared/overrides.js');
      await saveOverride(h, m);
    }, [handle, mode]);
  // Load the module in both first, so the two writes below start together.
  await Promise.all([save(a, 'warmup_a', 'always'), save(b, 'warmup_b', 'never')]);
  const lost = [];
  for (let round = 0; round < 20; round += 1) {
    await Promise.all([save(a, `tab_a_${round}`, 'always'), save(b, `tab_b_${round}`, 'never')]);
    const now = await stored(a);
    if (now[`tab_a_${round}`] !== 'always' || now[`tab_b_${round}`] !== 'never') lost.push(round);
  }
  assert.deepEqual(lost, [], 'no round lost an override');
  const all = await stored(b);
  assert.equal(Object.keys(all).length, 42, 'every override of every round is kept');
  assert.equal(all.warmup_a, 'always');
  assert.equal(all.tab_b_19, 'never');
  // Clearing one keeps the others; a whole replace (an import's undo) sets exactly what it names.
  await save(a, 'TAB_A_3', null);
  const cleared = await stored(b);
  assert.equal(cleared.tab_a_3, undefined, 'cleared, case-insensitively');
  assert.equal(Object.keys(cleared).length, 41);
  await a.evaluate(async () => {
    const { writeOverrides } = await import('/shared/overrides.js');
    await writeOverrides({ kept_only: 'never', 'not a handle!': 'always' }, true);
  });
  assert.deepEqual(await stored(a), { kept_only: 'never' });
  await a.close();
  await b.close();
});

test('a malformed write is refused with a message and changes nothing', async () => {
  const page = await openPage(env, optionsUrl(env));
  const before = await stored(page);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:overrides-write', changes: ['x'] }));
  assert.equal(reply.ok, false);
  assert.match(reply.error, /changes object/);
  assert.deepEqual(await stored(page), before);
  await page.close();
});
