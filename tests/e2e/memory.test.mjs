// The options page's memory section and the overrides in the settings file:
// the count of remembered accounts after a visit to a follower list, the memory
// export (a JSON file holding those accounts), clearing with an inline confirm
// (engine and the saved records in IndexedDB emptied), the settings export
// carrying `overrides` and the import restoring them (bad entries reported and
// skipped), and corrupted settings shown exactly as the Rust core repairs them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openPage, rowHandles, waitForRowBadges, extensionConsoleProblems } from './support/harness.mjs';

let env;
/** The handles the follower list showed (what the worker must remember). */
let visited = [];

const optionsUrl = () => `chrome-extension://${env.extensionId}/options/options.html`;
const fieldSelector = (id) => `#setting-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Polls an async page check (page.waitForFunction does not await promises). */
async function until(page, what, check, arg, tries = 300) {
  for (let i = 0; i < tries; i += 1) {
    if (await page.evaluate(check, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}

async function openOptions() {
  const page = await openPage(env, optionsUrl());
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#expand-all'); // groups start collapsed
  return page;
}

/** The count the memory section shows, once it has read it. */
async function shownCount(page) {
  await page.waitForSelector('#memory-status[data-state="ready"]');
  return Number(await page.getAttribute('#memory-status', 'data-accounts'));
}

before(async () => {
  env = await launch();
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  visited = await rowHandles(x);
  assert.equal(visited.length, 5, 'the fixture shows five followers');
  await x.close();
});

after(async () => {
  if (env) await env.close();
});

test('the memory section shows how many accounts are remembered after a visit, and the cap', async () => {
  const page = await openOptions();
  const count = await shownCount(page);
  assert.ok(count >= visited.length, `at least the ${visited.length} visited accounts: ${count}`);
  const text = await page.textContent('#memory-status');
  assert.match(text, new RegExp(`^${count} accounts remembered`));
  const capacity = Number(await page.getAttribute('#memory-status', 'data-capacity'));
  const capField = Number(await page.inputValue(fieldSelector('memory.capacity')));
  assert.equal(capacity, capField, 'the cap in force is the memory.capacity setting shown in the form');
  assert.match(text, new RegExp(capacity.toLocaleString('en-US')));
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('export memory downloads followback-memory-YYYY-MM-DD.json holding the remembered accounts', async () => {
  const page = await openOptions();
  const count = await shownCount(page);
  const dayBefore = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#memory-export')]);
  const dayAfter = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  const name = download.suggestedFilename();
  assert.ok([`followback-memory-${dayBefore}.json`, `followback-memory-${dayAfter}.json`].includes(name), name);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.ok(Array.isArray(saved.entries), 'the file has the entries');
  assert.equal(saved.entries.length, count, 'as many entries as the count shown');
  const handles = saved.entries.map((e) => String(e.account.handle).toLowerCase());
  for (const h of visited) assert.ok(handles.includes(h.toLowerCase()), `${h} is in the export: ${handles}`);
  await page.waitForSelector('#memory-message:not([hidden])');
});

test('clear memory asks inline first; cancel keeps everything, confirming empties the engine and storage', async () => {
  const page = await openOptions();
  // The worker saves memory to IndexedDB as accounts arrive; wait for the saved copy.
  await until(page, 'the memory saved to IndexedDB', async (n) =>
    JSON.parse(await (await import('/shared/memory-store.js')).savedMemoryText()).entries.length >= n, visited.length);
  const count = await shownCount(page);
  assert.ok(count >= visited.length);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });

  await page.click('#memory-clear');
  await page.waitForSelector('#memory-confirm:not([hidden])');
  assert.equal(await page.getAttribute('#memory-clear', 'aria-expanded'), 'true');
  await page.click('#memory-clear-cancel');
  await page.waitForSelector('#memory-confirm', { state: 'hidden' });
  assert.equal(await shownCount(page), count, 'cancel clears nothing');
  const savedCount = () => page.evaluate(async () =>
    JSON.parse(await (await import('/shared/memory-store.js')).savedMemoryText()).entries.length);
  assert.ok((await savedCount()) >= visited.length, 'cancel leaves the saved copy');

  await page.click('#memory-clear');
  await page.click('#memory-clear-confirm');
  await page.waitForSelector('#memory-status[data-accounts="0"]');
  assert.match(await page.textContent('#memory-status'), /^0 accounts remembered/);
  assert.deepEqual(await page.evaluate(() => chrome.storage.local.get('memory')), {}, 'the storage key is gone');
  assert.equal(await savedCount(), 0, 'the IndexedDB records are gone');
  assert.equal(dialogs, 0, 'no window.confirm');
  const stats = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:memory-stats' }));
  assert.equal(stats.accounts, 0, `the worker remembers nothing: ${JSON.stringify(stats)}`);
  const exported = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:memory-json' }));
  assert.deepEqual(JSON.parse(exported.json).entries, []);

  // A fresh page reads the same.
  await page.close();
  const again = await openOptions();
  assert.equal(await shownCount(again), 0);
  assert.deepEqual(extensionConsoleProblems(again, env.extensionId), []);
});

test('the settings export carries the overrides, and an import restores them (bad entries skipped)', async () => {
  await env.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.remove(['settings', 'settingsStore']);
    // One malformed stored entry, which normalising drops.
    await chrome.storage.local.set({ overrides: { alice: 'always', bob_2: 'never', 'not a handle': 'always' } });
  });
  const page = await openOptions();
  const age = 'avatar.old_days';
  const ageDefault = Number(await page.inputValue(fieldSelector(age)));
  await page.fill(fieldSelector(age), String(ageDefault + 30));
  await until(page, 'the edit saved', async (id) =>
    (await chrome.storage.sync.get('settings')).settings?.values?.[id] !== undefined, age);
  await page.waitForSelector('#save-status[data-state="saved"]');
  const saved = await page.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(Object.keys(exported).sort(), ['format', 'overrides', 'values', 'version']);
  assert.equal(exported.format, 'followback-settings', 'the export carries the Followback marker');
  assert.deepEqual({ version: exported.version, values: exported.values }, saved);
  assert.deepEqual(exported.overrides, { alice: 'always', bob_2: 'never' });

  // Forget the overrides and the edit, then import the file with extra entries, some bad.
  await page.evaluate(() => chrome.storage.local.set({ overrides: { zed: 'never', alice: 'never' } }));
  await page.click('#reset-all');
  await until(page, 'the reset saved', async ([id, v]) =>
    (await chrome.storage.sync.get('settings')).settings?.values?.[id] === v, [age, ageDefault]);
  const dir = mkdtempSync(path.join(tmpdir(), 'fb-overrides-'));
  const file = path.join(dir, 'with-overrides.json');
  exported.overrides = { ...exported.overrides, '@Dave_X': 'never', 'Bad Handle!': 'always', carol: 'sometimes' };
  writeFileSync(file, JSON.stringify(exported));
  await page.setInputFiles('#import-file', file);
  await page.click('#import-confirm:not([hidden]) #import-apply');
  await page.waitForSelector('#import-result[data-result="ok"]');
  assert.equal(await page.getAttribute('#import-result', 'data-overrides'), '3');
  assert.match(await page.textContent('#import-message'), /3 per-account overrides/);
  const listed = await page.locator('#import-errors li').allTextContents();
  assert.ok(listed.some((l) => l.includes('Bad Handle!')), `the bad handle is reported: ${listed}`);
  assert.ok(listed.some((l) => l.includes('carol') && l.includes('sometimes')), `the bad mode is reported: ${listed}`);
  await until(page, 'the imported edit saved', async ([id, v]) =>
    (await chrome.storage.sync.get('settings')).settings?.values?.[id] === v, [age, ageDefault + 30]);
  const overrides = await page.evaluate(async () => (await chrome.storage.local.get('overrides')).overrides);
  assert.deepEqual(overrides, { zed: 'never', alice: 'always', bob_2: 'never', dave_x: 'never' },
    'the file wins for its handles; other overrides are kept');

  // A file whose settings do not validate imports nothing, not even its overrides.
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: exported.version, values: { 'begging.points': -4 }, overrides: { erin: 'always' } }));
  await page.setInputFiles('#import-file', bad);
  await page.waitForSelector('#import-result[data-result="error"]');
  assert.deepEqual(await page.evaluate(async () => (await chrome.storage.local.get('overrides')).overrides), overrides);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('corrupted stored settings fill the form exactly as the Rust core repairs them', async () => {
  const fb = 'level.follow_back_min';
  const maybe = 'level.maybe_min';
  const age = 'avatar.old_days';
  const page0 = await openOptions();
  const { raw, repaired } = await page0.evaluate(async ([fb, maybe, age]) => {
    const core = await import(chrome.runtime.getURL('core/followback.js'));
    await core.default({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
    const d = core.defaultSettings();
    // Levels out of order, one value of the wrong type, one good edit.
    const raw = { version: d.version, values: { [fb]: d.values[fb], [maybe]: d.values[fb] + 5, 'begging.points': 'lots', [age]: d.values[age] + 30 } };
    return { raw, repaired: core.repairSettings(raw) };
  }, [fb, maybe, age]);
  await page0.close();
  assert.ok(repaired.notices.length >= 2, JSON.stringify(repaired.notices));
  await env.worker.evaluate((g) => chrome.storage.sync.set({ settings: g }), raw);
  const page = await openOptions();
  await page.waitForSelector('#notices:not([hidden])');
  for (const id of [fb, maybe, 'begging.points', age]) {
    assert.equal(Number(await page.inputValue(fieldSelector(id))), repaired.settings.values[id], id);
  }
  assert.equal(repaired.settings.values[age], raw.values[age], 'the good edit survives the repair');
  const notices = await page.locator('#notice-list li').allTextContents();
  for (const n of repaired.notices) assert.ok(notices.includes(n), `notice shown: ${n}`);
  assert.equal(await page.locator('.setting.invalid').count(), 0);
  assert.deepEqual((await page.evaluate(() => chrome.storage.sync.get('settings'))).settings, raw, 'nothing saved by opening');
});
