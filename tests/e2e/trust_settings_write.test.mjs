// No lost settings updates: the options page and the popup (or two options
// pages) changing different settings at the same moment keep both, 20 rounds
// each, because every settings write goes through the service worker's one
// queue (`fb:settings-write`, a patch of the changed ids) and each page then
// follows what is stored. A malformed or conflicting write is refused with a
// message and changes nothing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, optionsUrl, settingField, resetSettings } from './support/harness.mjs';

let env;

before(async () => {
  env = await launch();
});

after(async () => {
  if (env) await env.close();
});

const ROUNDS = 20;
const popupUrl = () => `chrome-extension://${env.extensionId}/popup/popup.html`;

/** The stored settings values (sync, or local when the settings live there), read in the worker. */
const storedValues = () =>
  env.worker.evaluate(async () => {
    const sync = await chrome.storage.sync.get('settings');
    const local = await chrome.storage.local.get(['settings', 'settingsStore']);
    const s = local.settingsStore === 'local' && local.settings !== undefined ? local.settings : sync.settings;
    return s && s.values ? s.values : null;
  });

async function until(what, read, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await read();
    if (got) return got;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openOptions() {
  const page = await openPage(env, optionsUrl(env));
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#expand-all'); // groups start collapsed
  return page;
}

async function openPopup() {
  const page = await openPage(env, popupUrl());
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#surfaces[data-state="ready"]', { state: 'attached' });
  return page;
}

/** Waits until `page` has no edit pending or in flight (its status says saved). */
const optionsSettled = (page) => page.waitForSelector('#save-status[data-state="saved"]', { state: 'attached', timeout: 5000 });

test('the options page and the popup changing different settings at the same moment keep both, 20 rounds', async () => {
  await resetSettings(env);
  const options = await openOptions();
  const popup = await openPopup();
  const days = settingField('avatar.old_days');
  const toggle = '#switch-display_lists';
  const base = Number(await options.inputValue(days));
  const lost = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const wantDays = base + round + 1;
    const wantLists = !(await popup.isChecked(toggle));
    await Promise.all([options.fill(days, String(wantDays)), popup.click(toggle)]);
    await optionsSettled(options);
    await popup.waitForSelector(`${toggle}:not([disabled])`, { state: 'attached' });
    const kept = await until('both changes stored', async () => {
      const v = await storedValues();
      return v && v['avatar.old_days'] === wantDays && v['display.lists'] === wantLists;
    }, 2000);
    if (!kept) {
      const v = await storedValues();
      lost.push({ round, days: v?.['avatar.old_days'] === wantDays ? 'kept' : 'lost', lists: v?.['display.lists'] === wantLists ? 'kept' : 'lost' });
    }
  }
  assert.deepEqual(lost, [], `rounds that lost a change: ${lost.length} of ${ROUNDS}`);
  // Both pages show what is stored: the options page followed the popup's switch, the popup the stored value.
  const final = await storedValues();
  assert.equal(await options.isChecked(settingField('display.lists')), final['display.lists'], "the options page shows the popup's switch");
  assert.equal(await popup.isChecked(toggle), final['display.lists']);
  assert.equal(Number(await options.inputValue(days)), base + ROUNDS);
  await options.close();
  await popup.close();
});

test('two options pages editing different settings at the same moment keep both, 20 rounds', async () => {
  await resetSettings(env);
  const a = await openOptions();
  const b = await openOptions();
  const fieldA = settingField('avatar.old_days');
  const fieldB = settingField('begging.points');
  const baseA = Number(await a.inputValue(fieldA));
  const baseB = Number(await b.inputValue(fieldB));
  const lost = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const wantA = baseA + round + 1;
    // begging.points stays within its range: step down and up around its default.
    const wantB = baseB + (round % 2 === 0 ? 1 : -1);
    await Promise.all([a.fill(fieldA, String(wantA)), b.fill(fieldB, String(wantB))]);
    await Promise.all([optionsSettled(a), optionsSettled(b)]);
    const kept = await until('both changes stored', async () => {
      const v = await storedValues();
      return v && v['avatar.old_days'] === wantA && v['begging.points'] === wantB;
    }, 2000);
    if (!kept) lost.push(round);
  }
  assert.deepEqual(lost, [], `rounds that lost a change: ${lost.length} of ${ROUNDS}`);
  // Each page followed the other's edit once it had none pending.
  const final = await storedValues();
  await until("page a shows b's edit", async () => Number(await a.inputValue(fieldB)) === final['begging.points']);
  assert.equal(Number(await a.inputValue(fieldB)), final['begging.points']);
  assert.equal(Number(await b.inputValue(fieldA)), final['avatar.old_days']);
  await a.close();
  await b.close();
});

test('two options pages whose edits conflict: one is saved, the other says why and keeps its edit', async () => {
  await resetSettings(env);
  const a = await openOptions();
  const b = await openOptions();
  const maybe = settingField('level.maybe_min');
  const fb = settingField('level.follow_back_min');
  const maybeMin = Number(await a.inputValue(maybe));
  const fbMin = Number(await a.inputValue(fb));
  assert.ok(fbMin - maybeMin >= 2, `room between the levels (${maybeMin}, ${fbMin})`);
  // Each edit alone keeps the levels in order; both together do not.
  const wantA = fbMin - 1;
  const wantB = maybeMin + 1;
  await Promise.all([a.fill(maybe, String(wantA)), b.fill(fb, String(wantB))]);
  const ended = (page) => page.waitForSelector('#save-status:is([data-state="saved"], [data-state="error"])', { state: 'attached' });
  await Promise.all([ended(a), ended(b)]);
  const states = [await a.getAttribute('#save-status', 'data-state'), await b.getAttribute('#save-status', 'data-state')];
  assert.deepEqual([...states].sort(), ['error', 'saved'], `one saved, one refused: ${states}`);
  const [refused, field, wanted] = states[0] === 'error' ? [a, maybe, wantA] : [b, fb, wantB];
  assert.match(await refused.textContent('#save-status'), /^Not saved: together with the stored settings, /);
  const v = await storedValues();
  assert.ok(v['level.maybe_min'] < v['level.follow_back_min'], `stored levels in order: ${JSON.stringify(v)}`);
  assert.ok(v['level.maybe_min'] === wantA || v['level.follow_back_min'] === wantB, 'the first edit is stored');
  // The refused page keeps its edit and its message (it does not follow the other page) ...
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(Number(await refused.inputValue(field)), wanted);
  assert.equal(await refused.getAttribute('#save-status', 'data-state'), 'error');
  // ... until it is edited back, when it follows what is stored again.
  await refused.fill(field, String(field === maybe ? maybeMin : fbMin));
  await optionsSettled(refused);
  const now = await storedValues();
  assert.equal(Number(await refused.inputValue(maybe)), now['level.maybe_min']);
  assert.equal(Number(await refused.inputValue(fb)), now['level.follow_back_min']);
  await a.close();
  await b.close();
});

test('a malformed or conflicting settings write is refused with a message and changes nothing', async () => {
  await resetSettings(env);
  const page = await openOptions();
  const send = (message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  const days = settingField('avatar.old_days');
  const wanted = Number(await page.inputValue(days)) + 3;
  await page.fill(days, String(wanted));
  await optionsSettled(page);
  const before = await storedValues();
  assert.equal(before['avatar.old_days'], wanted);

  for (const [message, error] of [
    [{ type: 'fb:settings-write', values: ['x'] }, /values object/],
    [{ type: 'fb:settings-write', values: { 'avatar.old_days': 1 }, version: 'one' }, /version/],
    [{ type: 'fb:settings-write', values: { 'avatar.old_days': 1 }, replace: true }, /version/],
  ]) {
    const reply = await send(message);
    assert.equal(reply.ok, false, JSON.stringify(reply));
    assert.match(reply.error, error);
  }
  // Levels out of order once merged with what is stored: refused, saying which setting.
  const fb = before['level.follow_back_min'];
  const reply = await send({ type: 'fb:settings-write', values: { 'level.maybe_min': fb + 5 } });
  assert.equal(reply.ok, false, JSON.stringify(reply));
  assert.match(reply.error, /level\.maybe_min|follow/i);
  assert.deepEqual(await storedValues(), before, 'nothing changed');
  // The next valid write works.
  const ok = await send({ type: 'fb:settings-write', values: { 'display.lists': false } });
  assert.equal(ok.ok, true, JSON.stringify(ok));
  assert.equal(ok.settings.values['display.lists'], false);
  assert.equal(ok.settings.values['avatar.old_days'], wanted, 'merged onto what was stored');
  assert.deepEqual(await storedValues(), { ...before, 'display.lists': false });
  await page.close();
});

test('a popup switch over corrupted stored settings saves clean settings with the switch', async () => {
  await resetSettings(env);
  await env.worker.evaluate(() => chrome.storage.sync.set({ settings: '}{ not settings' }));
  const popup = await openPopup();
  await popup.click('#switch-display_profiles');
  await popup.waitForSelector('#switch-display_profiles:not([disabled])', { state: 'attached' });
  const v = await until('the switch saved', async () => {
    const got = await storedValues();
    return got && got['display.profiles'] === false ? got : null;
  });
  assert.ok(v, 'the switch was saved');
  assert.equal(typeof v['avatar.old_days'], 'number', 'over the defaults');
  assert.equal(await popup.textContent('#surfaces-status'), '', 'no error shown');
  await popup.close();
});
