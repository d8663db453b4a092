// The options page in the browser's language: with Chromium started in French,
// every group title, setting label, help line and unit is the French of
// extension/_locales/fr/messages.json (the set_* keys), the search box finds
// settings by their French words, and each "Why this default" line is the
// setting's source as the core wrote it: a readable citation, never a file name.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, ROOT, extensionConsoleProblems, optionsUrl, coreSettings } from './support/harness.mjs';
import { SETTING_SOURCES } from '../../extension/options/setting-sources.js';

const messages = (lang) => JSON.parse(readFileSync(path.join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8'));
const FR = messages('fr');
const EN = messages('en');
const msg = (table, key) => table[key]?.message;
const key = (id, part) => `set_${id.replace(/\./g, '_')}_${part}`;
const groupKey = (title) => `set_group_${title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;

let env;
let schema;

before(async () => {
  env = await launch({ args: ['--lang=fr'] });
  ({ schema } = await coreSettings(env));
});

after(async () => {
  if (env) await env.close();
});

async function openOptions() {
  const page = await openPage(env, optionsUrl(env));
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

test('group titles, labels and help are the French messages, in schema order', async () => {
  const page = await openOptions();
  const shown = await page.evaluate(() => ({
    groups: [...document.querySelectorAll('#settings .group-toggle')].map((b) => b.textContent),
    fields: [...document.querySelectorAll('#settings .setting')].map((w) => ({
      id: w.dataset.setting,
      label: w.querySelector('.setting-label')?.textContent ?? '',
      help: w.querySelector('.help')?.textContent ?? '',
    })),
  }));
  const titles = [...new Set(schema.map((s) => s.group))];
  assert.deepEqual(shown.groups, titles.map((g) => msg(FR, groupKey(g))), 'every group title in French');
  assert.equal(shown.fields.length, schema.length, 'one field per setting');
  let differs = 0;
  for (const spec of schema) {
    const f = shown.fields.find((x) => x.id === spec.id);
    assert.ok(f, `a field for ${spec.id}`);
    assert.equal(f.label, msg(FR, key(spec.id, 'label')), `${spec.id}: French label`);
    assert.equal(f.help, msg(FR, key(spec.id, 'help')), `${spec.id}: French help`);
    assert.equal(msg(EN, key(spec.id, 'label')), spec.label, `${spec.id}: en/messages.json is the core's English`);
    if (f.label !== spec.label) differs += 1;
  }
  assert.ok(differs > schema.length / 2, `most labels are not the English (${differs} of ${schema.length})`);
  const days = await page.evaluate(() => {
    const w = document.querySelector('#settings .setting[data-setting="recent.quiet_days"]');
    return { unit: w?.querySelector('.unit')?.textContent, def: w?.querySelector('.default')?.textContent };
  });
  assert.equal(days.unit, msg(FR, 'set_unit_days'), 'the unit after the input is French');
  assert.notEqual(days.unit, 'days');
  assert.ok(days.def?.includes(`30 ${msg(FR, 'set_unit_days')}`), `the default names the French unit: ${days.def}`);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), [], 'no console errors');
  await page.close();
});

test('the search finds settings by their French words', async () => {
  const page = await openOptions();
  const word = 'abonnés';
  const expected = schema
    .filter((s) => `${msg(FR, key(s.id, 'label'))} ${msg(FR, key(s.id, 'help'))}`.toLowerCase().includes(word))
    .map((s) => s.id);
  assert.ok(expected.length >= 3, `some French labels or help say "${word}" (${expected.length})`);
  await page.fill('#settings-search', word);
  await page.waitForFunction(() => document.querySelector('#search-count')?.textContent !== '');
  const visible = await page.evaluate(() => [...document.querySelectorAll('#settings .setting')]
    .filter((w) => !w.hidden && w.offsetParent !== null).map((w) => w.dataset.setting));
  for (const id of expected) assert.ok(visible.includes(id), `${id} is found by "${word}"`);
  assert.ok(!visible.includes('score.base'), 'a setting without the word is hidden');
  await page.close();
});

test('"Why this default" is the source as written: a citation, never a file name', async () => {
  const page = await openOptions();
  const sources = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#settings .setting')]
    .map((w) => [w.dataset.setting, w.querySelector('details.source p')?.textContent ?? ''])));
  for (const spec of schema) {
    const text = sources[spec.id];
    // The wasm's schema carries no sources; the page shows options/setting-sources.js's.
    const source = SETTING_SOURCES[spec.id];
    assert.ok(source, `${spec.id} has a source`);
    const written = source.charAt(0).toUpperCase() + source.slice(1);
    assert.equal(text, written, `${spec.id}: the source is shown unchanged`);
    assert.doesNotMatch(text, /\.md\b|\bseeds? \d{3}|own choice|Issue \d/i, `${spec.id}: no file names or unnamed choices`);
  }
  assert.match(sources['ratio.severe'], /Socialbakers, .*2012/, 'a tool is cited by author, title and year');
  assert.match(sources['score.base'], /^Followback's choice: /, 'a project default says whose choice it is');
  await page.close();
});
