// The options page for people: "The basics" first (one strictness slider that
// moves both level boundaries, your interests, your always / never list with
// search and remove, a pointer to memory), then "All settings" collapsed by
// group with a search box over labels and help; shares shown as percentages;
// sources readable. Saves docs/screenshots/options-simple.png and prints the
// page height and Tab depth figures.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, openPage, SCREENSHOTS, extensionConsoleProblems, optionsUrl as harnessOptionsUrl, settingField, coreSettings, resetSettings, ROOT } from './support/harness.mjs';

/** English help per setting id: the wasm's schema carries none (it stays out of the wasm), the page shows _locales'. */
const EN = JSON.parse(readFileSync(path.join(ROOT, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

let env;
let schema;
const optionsUrl = () => harnessOptionsUrl(env);
const field = settingField;

before(async () => {
  env = await launch();
  ({ schema } = await coreSettings(env));
  schema = schema.map((s) => ({ ...s, help: EN[`set_${s.id.replace(/\./g, '_')}_help`]?.message ?? '' }));
});

after(async () => {
  if (env) await env.close();
});

beforeEach(() => resetSettings(env, ['overrides']));

const spec = (id) => {
  const s = schema.find((x) => x.id === id);
  assert.ok(s, `the schema has ${id}`);
  return s;
};

async function openOptions() {
  const page = await openPage(env, optionsUrl());
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function until(page, what, check, arg) {
  for (let i = 0; i < 200; i += 1) {
    if (await page.evaluate(check, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}

const stored = (page, id) => page.evaluate(async (id) => (await chrome.storage.sync.get('settings')).settings?.values?.[id], id);
async function waitForStored(page, id, value) {
  await until(page, `${id} stored as ${JSON.stringify(value)}`, async ([id, value]) =>
    JSON.stringify((await chrome.storage.sync.get('settings')).settings?.values?.[id]) === JSON.stringify(value), [id, value]);
}

test('the basics come first; all settings start collapsed; figures for height and Tab depth', async () => {
  const page = await openOptions();
  const layout = await page.evaluate(() => {
    const basics = document.getElementById('basics');
    const form = document.getElementById('settings');
    const toggles = [...form.querySelectorAll('.group-toggle')];
    return {
      basicsFirst: Boolean(basics.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING),
      groups: toggles.length,
      expanded: toggles.filter((b) => b.getAttribute('aria-expanded') === 'true').length,
      visibleFields: [...form.querySelectorAll('[data-setting]')].filter((w) => w.offsetParent !== null).length,
      height: document.documentElement.scrollHeight,
    };
  });
  assert.ok(layout.basicsFirst, 'the basics come before all settings');
  assert.equal(layout.groups, new Set(schema.map((s) => s.group)).size, 'one toggle per group');
  assert.equal(layout.expanded, 0, 'every group starts collapsed');
  assert.equal(layout.visibleFields, 0, 'no setting field is shown until a group is opened');

  // Tab presses from the top of the page to the settings search.
  await page.evaluate(() => document.activeElement?.blur());
  let presses = 0;
  for (; presses < 60; presses += 1) {
    if (await page.evaluate(() => document.activeElement?.id === 'settings-search')) break;
    await page.keyboard.press('Tab');
  }
  assert.ok(presses < 20, `the settings search is ${presses} Tab presses deep`);

  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'options-simple.png') });
  await page.click('#expand-all');
  const expandedHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const fieldsShown = await page.evaluate(() => [...document.querySelectorAll('#settings [data-setting]')].filter((w) => w.offsetParent !== null).length);
  assert.equal(fieldsShown, schema.length, 'expand all shows every setting');
  assert.ok(layout.height < expandedHeight / 3, `collapsed ${layout.height} px vs expanded ${expandedHeight} px`);
  console.log(`figure options_height_collapsed ${layout.height} px`);
  console.log(`figure options_height_expanded ${expandedHeight} px`);
  console.log(`figure options_tab_presses_to_search ${presses} presses`);
  await page.click('#collapse-all');
  assert.equal(await page.locator('#settings .group-toggle[aria-expanded="true"]').count(), 0);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('the strictness slider moves both level boundaries together', async () => {
  const fb = spec('level.follow_back_min');
  const maybe = spec('level.maybe_min');
  const page = await openOptions();
  assert.equal(await page.inputValue('#strictness'), '0', 'defaults sit in the middle');
  assert.match(await page.textContent('#strictness-text'), new RegExp(`from ${fb.default} points.*from ${maybe.default}`));
  await page.focus('#strictness');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await waitForStored(page, fb.id, fb.default + 5);
  assert.equal(await stored(page, maybe.id), maybe.default + 5, 'maybe moved by the same points');
  assert.match(await page.textContent('#strictness-text'), new RegExp(`from ${fb.default + 5} points.*from ${maybe.default + 5}`));
  await page.click('#expand-all');
  assert.equal(Number(await page.inputValue(field(fb.id))), fb.default + 5, 'the full form shows the same value');

  // A change in the full form moves the slider.
  await page.fill(field(fb.id), String(fb.default - 10));
  await page.fill(field(maybe.id), String(maybe.default - 10));
  await waitForStored(page, maybe.id, maybe.default - 10);
  assert.equal(await page.inputValue('#strictness'), '-10');
  // Boundaries set apart from the defaults' gap are called custom.
  await page.fill(field(maybe.id), String(maybe.default - 20));
  await waitForStored(page, maybe.id, maybe.default - 20);
  assert.match(await page.textContent('#strictness-text'), /set these apart/);
});

test('interests typed in the basics are the interests setting', async () => {
  const page = await openOptions();
  await page.fill('#basic-interests', 'birdwatching, #rustlang\nsourdough');
  await waitForStored(page, 'interests.keywords', ['birdwatching', '#rustlang', 'sourdough']);
  await page.click('#expand-all');
  assert.equal(await page.inputValue(field('interests.keywords')), 'birdwatching\n#rustlang\nsourdough');
  await page.fill(field('interests.keywords'), 'hiking');
  await waitForStored(page, 'interests.keywords', ['hiking']);
  assert.equal(await page.inputValue('#basic-interests'), 'hiking', 'and the basics follow the full form');
});

test('the always / never list can be viewed, searched and edited', async () => {
  await env.worker.evaluate(() => chrome.storage.local.set({ overrides: { alice: 'always', bob_2: 'never', bobby_tables: 'always', carol_x: 'never' } }));
  const page = await openOptions();
  const listed = () => page.locator('#overrides-list li').evaluateAll((lis) => lis.map((li) => `${li.dataset.handle}:${li.dataset.mode}`));
  assert.deepEqual(await listed(), ['alice:always', 'bob_2:never', 'bobby_tables:always', 'carol_x:never']);
  assert.match(await page.textContent('#overrides-status'), /4 accounts marked/);
  await page.fill('#overrides-search', '@BOB');
  assert.deepEqual(await listed(), ['bob_2:never', 'bobby_tables:always']);
  await page.fill('#overrides-search', 'zzz');
  assert.deepEqual(await listed(), []);
  assert.match(await page.textContent('#overrides-status'), /No marked account matches/);
  await page.fill('#overrides-search', 'bob');
  await page.click('#overrides-list li[data-handle="bob_2"] button.remove');
  await until(page, 'bob_2 removed from storage', async () => !('bob_2' in ((await chrome.storage.local.get('overrides')).overrides ?? {})));
  assert.deepEqual(await page.evaluate(async () => (await chrome.storage.local.get('overrides')).overrides),
    { alice: 'always', bobby_tables: 'always', carol_x: 'never' });
  assert.deepEqual(await listed(), ['bobby_tables:always']);
  // A change made elsewhere (a badge's breakdown) shows up.
  await page.fill('#overrides-search', '');
  await page.evaluate(() => chrome.storage.local.set({ overrides: { dave: 'never' } }));
  await until(page, 'the list follows storage', () => document.querySelectorAll('#overrides-list li').length === 1);
  assert.deepEqual(await listed(), ['dave:never']);
  assert.equal(await page.getAttribute('#basics a[href="#memory"]', 'href'), '#memory', 'the memory pointer');
});

test('search filters all settings by label and help, opening the groups that match', async () => {
  const page = await openOptions();
  await page.fill('#settings-search', 'avatar');
  const shown = await page.evaluate(() => [...document.querySelectorAll('#settings [data-setting]')]
    .filter((w) => w.offsetParent !== null).map((w) => w.dataset.setting));
  const expected = schema.filter((s) => `${s.label} ${s.help} ${s.id} ${s.group}`.toLowerCase().includes('avatar')).map((s) => s.id);
  assert.ok(expected.length > 0);
  assert.deepEqual(shown, expected, 'exactly the settings whose label, help, id or group mention it');
  assert.match(await page.textContent('#search-count'), new RegExp(`${expected.length} setting`));
  // A word only in a help text finds it too.
  const helpOnly = spec('level.min_confidence');
  await page.fill('#settings-search', 'signal weight had data');
  assert.ok(helpOnly.help.includes('signal weight had data'));
  assert.equal(await page.isVisible(field(helpOnly.id)), true);
  await page.fill('#settings-search', 'no-such-setting-anywhere');
  assert.match(await page.textContent('#search-count'), /No setting matches/);
  assert.equal(await page.locator('#settings section.group:not([hidden])').count(), 0);
  await page.fill('#settings-search', '');
  assert.equal(await page.locator('#settings section.group:not([hidden])').count(), new Set(schema.map((s) => s.group)).size);
  assert.equal(await page.locator('#settings .group-toggle[aria-expanded="true"]').count(), 0, 'back to collapsed');
});

test('shares are shown and typed as percentages and stored as fractions; sources are readable', async () => {
  const conf = spec('level.min_confidence');
  const page = await openOptions();
  await page.fill('#settings-search', 'Minimum confidence');
  assert.equal(Number(await page.inputValue(field(conf.id))), Math.round(conf.default * 100));
  assert.equal(await page.getAttribute(field(conf.id), 'max'), '100');
  const unit = await page.locator(`[data-setting="${conf.id}"] .unit`).textContent();
  assert.equal(unit, '%');
  assert.match(await page.textContent(`#${field(conf.id).slice(1)}-default`), new RegExp(`Default: ${Math.round(conf.default * 100)}%`));
  await page.fill(field(conf.id), '45');
  await waitForStored(page, conf.id, 0.45);
  // Out of range in percent: the message comes from Rust's range check.
  await page.fill(field(conf.id), '150');
  await page.waitForSelector(`${field(conf.id)}-error:not([hidden])`);
  assert.equal(await stored(page, conf.id), 0.45, 'nothing out of range was saved');
  // The source line names the notes, not their files.
  await page.click(`[data-setting="${conf.id}"] details.source summary`);
  const source = await page.textContent(`[data-setting="${conf.id}"] details.source p`);
  assert.doesNotMatch(source, /\.md\b/);
  assert.ok(source.length > 10, source);
});
