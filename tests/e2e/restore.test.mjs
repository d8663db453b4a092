// Safe restore on the options page: an unrelated JSON file and a file from a
// newer version are refused with a clear message and change nothing; a real
// export is checked first, shows how many settings and overrides would change,
// applies only after "Apply", and "Undo import" puts the settings and the
// overrides back. Saves docs/screenshots/import-confirm.png.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openPage, SCREENSHOTS, extensionConsoleProblems, optionsUrl as harnessOptionsUrl, settingField, coreSettings, resetSettings } from './support/harness.mjs';

let env;
let defaults;
const dir = mkdtempSync(path.join(tmpdir(), 'fb-restore-'));
const optionsUrl = () => harnessOptionsUrl(env);
const field = settingField;
const AGE = 'avatar.old_days';
const PTS = 'begging.points';

before(async () => {
  env = await launch();
  ({ defaults } = await coreSettings(env));
});

after(async () => {
  if (env) await env.close();
});

beforeEach(() => resetSettings(env, ['overrides']));

async function openOptions() {
  const page = await openPage(env, optionsUrl());
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#expand-all'); // groups start collapsed
  return page;
}

async function until(page, what, check, arg) {
  for (let i = 0; i < 200; i += 1) {
    if (await page.evaluate(check, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}

const storedValue = (page, id) =>
  page.evaluate(async (id) => (await chrome.storage.sync.get('settings')).settings?.values?.[id], id);
const storedAll = (page) =>
  page.evaluate(async () => ({
    sync: (await chrome.storage.sync.get('settings')).settings ?? null,
    overrides: (await chrome.storage.local.get('overrides')).overrides ?? null,
  }));

async function waitForValue(page, id, value) {
  await until(page, `${id} stored as ${value}`, async ([id, value]) =>
    (await chrome.storage.sync.get('settings')).settings?.values?.[id] === value, [id, value]);
}

function writeJson(name, obj) {
  const file = path.join(dir, name);
  writeFileSync(file, typeof obj === 'string' ? obj : JSON.stringify(obj));
  return file;
}

test('an unrelated JSON file is refused with a clear message and changes nothing', async () => {
  const page = await openOptions();
  await page.fill(field(AGE), String(defaults.values[AGE] + 30));
  await waitForValue(page, AGE, defaults.values[AGE] + 30);
  await page.waitForSelector('#save-status[data-state="saved"]');
  const before = await storedAll(page);

  for (const [name, obj] of [['theme.json', { theme: 'dark' }], ['empty.json', {}], ['list.json', [1, 2, 3]]]) {
    await page.setInputFiles('#import-file', writeJson(name, obj));
    await page.waitForSelector(`#import-result[data-result="error"][data-reason="not_followback"]`);
    const msg = await page.textContent('#import-message');
    assert.match(msg, new RegExp(name.replace('.', '\\.')), 'the file is named');
    assert.match(msg, /not a Followback settings file/);
    assert.match(msg, /Nothing was changed/);
    assert.equal(await page.isHidden('#import-confirm'), true, 'nothing to confirm');
  }
  assert.deepEqual(await storedAll(page), before, 'storage is untouched');
  assert.equal(Number(await page.inputValue(field(AGE))), defaults.values[AGE] + 30, 'the form kept its edit');
  assert.equal(await page.isHidden('#undo-import'), true);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('a file from a newer version is refused, naming both versions', async () => {
  const page = await openOptions();
  const before = await storedAll(page);
  const newer = defaults.version + 1;
  const file = writeJson('newer.json', {
    format: 'followback-settings', version: newer, values: { ...defaults.values, [AGE]: 400 }, overrides: { erin: 'always' },
  });
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-result[data-result="error"][data-reason="newer_version"]');
  const msg = await page.textContent('#import-message');
  assert.match(msg, /newer version of Followback/);
  assert.match(msg, new RegExp(`format ${newer}`));
  assert.match(msg, new RegExp(`up to format ${defaults.version}`));
  assert.deepEqual(await storedAll(page), before, 'nothing was saved, not even the overrides');
  assert.equal(Number(await page.inputValue(field(AGE))), defaults.values[AGE]);

  // Another Followback file kind (a marker that is not the settings export) is refused too.
  await page.setInputFiles('#import-file', writeJson('other.json', { format: 'followback-memory', version: 1, values: {} }));
  await page.waitForSelector('#import-result[data-result="error"][data-reason="other_file"]');
  assert.match(await page.textContent('#import-message'), /followback-memory/);
});

test('a real export asks first, shows what changes, applies on confirm, and undo restores', async () => {
  await env.worker.evaluate(() => chrome.storage.local.set({ overrides: { alice: 'always' } }));
  const page = await openOptions();
  // The state to export: two edits and two overrides.
  await page.fill(field(AGE), String(defaults.values[AGE] + 30));
  await page.fill(field(PTS), String(defaults.values[PTS] + 3));
  await waitForValue(page, PTS, defaults.values[PTS] + 3);
  await waitForValue(page, AGE, defaults.values[AGE] + 30);
  await page.evaluate(() => chrome.storage.local.set({ overrides: { alice: 'always', bob_2: 'never' } }));
  await page.waitForSelector('#save-status[data-state="saved"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const exportedText = readFileSync(await download.path(), 'utf8');
  const exported = JSON.parse(exportedText);
  assert.equal(exported.format, 'followback-settings');
  assert.equal(exported.version, defaults.version);
  const file = writeJson('export.json', exportedText);

  // Now something else: reset everything, a different override set.
  await page.click('#reset-all');
  await waitForValue(page, AGE, defaults.values[AGE]);
  await page.evaluate(() => chrome.storage.local.set({ overrides: { alice: 'never', zed: 'never' } }));
  await page.waitForSelector('#save-status[data-state="saved"]');
  const beforeImport = await storedAll(page);

  // Import: a confirm step with the counts; nothing is saved yet.
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-confirm:not([hidden])');
  assert.equal(await page.getAttribute('#import-confirm', 'data-settings'), '2', 'two settings would change');
  assert.equal(await page.getAttribute('#import-confirm', 'data-overrides'), '2', 'alice changes, bob_2 is new');
  const summary = await page.textContent('#import-confirm-text');
  assert.match(summary, /changes 2 of your settings and 2 per-account overrides/);
  const lines = await page.locator('#import-changes li').allTextContents();
  assert.ok(lines.some((l) => l.includes(String(defaults.values[AGE] + 30))), `the new age is shown: ${lines}`);
  assert.deepEqual(await storedAll(page), beforeImport, 'nothing applied before confirming');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'import-confirm.png'), clip: { x: 0, y: 0, width: 1000, height: 420 } });

  // Cancel changes nothing.
  await page.click('#import-cancel');
  await page.waitForSelector('#import-result[data-result="cancelled"]');
  assert.equal(await page.isHidden('#import-confirm'), true);
  assert.deepEqual(await storedAll(page), beforeImport);

  // Import again and apply.
  await page.setInputFiles('#import-file', file);
  await page.click('#import-confirm:not([hidden]) #import-apply');
  await page.waitForSelector('#import-result[data-result="ok"]');
  await waitForValue(page, AGE, defaults.values[AGE] + 30);
  assert.equal(await storedValue(page, PTS), defaults.values[PTS] + 3);
  const applied = await storedAll(page);
  assert.deepEqual(applied.sync.values, exported.values, 'the file\'s settings are saved');
  assert.deepEqual(applied.overrides, { alice: 'always', bob_2: 'never', zed: 'never' }, 'the file wins for its handles');
  assert.equal(Number(await page.inputValue(field(PTS))), defaults.values[PTS] + 3, 'the form shows them');

  // One click undoes it all.
  await page.waitForSelector('#undo-import:not([hidden])');
  await page.click('#undo-import');
  await page.waitForSelector('#import-result[data-result="undone"]');
  await waitForValue(page, AGE, defaults.values[AGE]);
  await until(page, 'the overrides are back', async () =>
    JSON.stringify((await chrome.storage.local.get('overrides')).overrides) === JSON.stringify({ alice: 'never', zed: 'never' }));
  assert.deepEqual(await storedAll(page), beforeImport, 'settings and overrides are as before the import');
  assert.equal(Number(await page.inputValue(field(PTS))), defaults.values[PTS]);
  assert.equal(await page.isHidden('#undo-import'), true, 'undo is used up');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('a file matching the current settings says nothing would change and offers no apply', async () => {
  const page = await openOptions();
  const file = writeJson('same.json', { format: 'followback-settings', version: defaults.version, values: defaults.values, overrides: {} });
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-confirm:not([hidden])');
  assert.equal(await page.getAttribute('#import-confirm', 'data-settings'), '0');
  assert.match(await page.textContent('#import-confirm-text'), /changes nothing/);
  assert.equal(await page.isHidden('#import-apply'), true);
});
