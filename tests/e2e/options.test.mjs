// The options page: a form generated from the Rust settings schema that
// validates in Rust, auto-saves valid edits to chrome.storage (falling back to
// local storage past sync's quota), resets, exports and imports, survives
// corrupted stored settings, and re-scores the badges on an open x.com tab and
// its own live preview as settings change.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openPage, readBadges, waitForRowBadges, extensionConsoleProblems, optionsUrl as harnessOptionsUrl, settingField, coreSettings, resetSettings, ROOT } from './support/harness.mjs';
import { SETTING_SOURCES } from '../../extension/options/setting-sources.js';

/** English help per setting id: the wasm's schema carries none (it stays out of the wasm), the page shows _locales'. */
const EN = JSON.parse(readFileSync(path.join(ROOT, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));
const englishHelp = (id) => EN[`set_${id.replace(/\./g, '_')}_help`]?.message;

let env;
/** The schema and defaults, read from the wasm core directly (not through the page's code). */
let schema;
let defaults;

const optionsUrl = () => harnessOptionsUrl(env);
const fieldSelector = settingField;
const errorSelector = (id) => `${fieldSelector(id)}-error`;

before(async () => {
  env = await launch();
  ({ schema, defaults } = await coreSettings(env));
  assert.ok(schema.length > 10, 'the schema has settings');
});

after(async () => {
  if (env) await env.close();
});

// Every test starts from empty storage (defaults) and only the pages it opens.
beforeEach(() => resetSettings(env));

function spec(id) {
  const s = schema.find((x) => x.id === id);
  assert.ok(s, `the schema has ${id}`);
  return s;
}

/** Opens the options page and waits until it has built its form. */
async function openOptions() {
  const page = await openPage(env, optionsUrl());
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#expand-all'); // groups start collapsed (simple-options.test.mjs checks that)
  // Record every settings write the page sees, to prove what was never saved.
  await page.evaluate(() => {
    window.__settingsWrites = [];
    chrome.storage.onChanged.addListener((changes, area) => {
      if (changes.settings) window.__settingsWrites.push({ area, value: changes.settings.newValue });
    });
  });
  return page;
}

function stored(page) {
  return page.evaluate(async () => ({
    sync: (await chrome.storage.sync.get('settings')).settings ?? null,
    local: await chrome.storage.local.get(['settings', 'settingsStore']),
  }));
}

/**
 * Polls an async page check until it returns true (page.waitForFunction does not await
 * promises, and chrome.storage is async). Fails with `what` if it never does.
 */
async function until(page, what, check, arg) {
  for (let i = 0; i < 200; i += 1) {
    if (await page.evaluate(check, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}

/** Waits until the settings in storage `area` hold `value` for `id`. */
async function waitForStored(page, id, value, area = 'sync') {
  await until(
    page,
    `${area} settings ${id} = ${JSON.stringify(value).slice(0, 80)}`,
    async ([id, value, area]) => {
      const got = await chrome.storage[area].get('settings');
      return JSON.stringify(got.settings?.values?.[id]) === JSON.stringify(value);
    },
    [id, value, area],
  );
}

async function waitForSaved(page) {
  await page.waitForSelector('#save-status[data-state="saved"]');
}

test('every setting in the schema has a labelled input of its kind, sectioned by group in schema order', async () => {
  const page = await openOptions();
  const groups = [...new Set(schema.map((s) => s.group))];
  const headings = await page.locator('#settings section.group > h2').allTextContents();
  assert.deepEqual(headings, groups);

  const fields = await page.evaluate(() =>
    [...document.querySelectorAll('#settings [data-setting]')].map((wrap) => {
      const input = wrap.querySelector('input, textarea');
      const label = document.querySelector(`label[for="${input.id}"]`);
      return {
        id: wrap.dataset.setting,
        group: wrap.closest('section').querySelector('h2').textContent,
        tag: input.tagName.toLowerCase(),
        type: input.type,
        min: input.getAttribute('min'),
        max: input.getAttribute('max'),
        label: label ? label.textContent : null,
        described: (input.getAttribute('aria-describedby') || '').split(' ').map((x) => document.getElementById(x)?.textContent ?? null),
        source: wrap.querySelector('details.source p')?.textContent ?? null,
        percent: input.dataset.percent === 'true',
        value: input.type === 'checkbox' ? input.checked : input.value,
        hasReset: Boolean(wrap.querySelector('button.reset-one')),
      };
    }),
  );
  assert.deepEqual(fields.map((f) => f.id), schema.map((s) => s.id), 'one field per setting, in schema order');
  for (const [i, f] of fields.entries()) {
    const s = schema[i];
    assert.equal(f.group, s.group);
    assert.equal(f.label, s.label, `${s.id} is labelled`);
    assert.ok(f.hasReset, `${s.id} has its own reset`);
    const help = englishHelp(s.id);
    assert.ok(help, `${s.id} has English help in _locales`);
    assert.ok(f.described.includes(help), `${s.id} shows its help text`);
    assert.ok(f.described.some((d) => d && d.startsWith('Default:')), `${s.id} shows its default`);
    // The source is a readable line in a details element, without the notes' file names.
    // (from options/setting-sources.js: the wasm's schema carries no sources).
    assert.ok(SETTING_SOURCES[s.id], `${s.id} has a source`);
    assert.ok(f.source && f.source.length > 3, `${s.id} shows its source`);
    assert.doesNotMatch(f.source, /\.md\b|\bseeds? \d{3}/i, `${s.id}: no file names in the source line`);
    if (s.kind === 'bool') {
      assert.equal(f.type, 'checkbox');
      assert.equal(f.value, s.default);
    } else if (s.kind === 'keywords') {
      assert.equal(f.tag, 'textarea');
      assert.deepEqual(f.value.split('\n').filter(Boolean), s.default);
    } else {
      assert.equal(f.type, 'number', `${s.id} is a number input`);
      // Shares (a fraction 0-1 with no unit) are shown and typed as percentages.
      const share = s.kind === 'number' && !s.unit && s.min !== null && s.min >= 0 && s.max !== null && s.max > 0 && s.max <= 1;
      const shown = (v) => (share ? Math.round(v * 1e6) / 1e4 : v);
      assert.equal(f.percent, share, `${s.id} ${share ? 'is' : 'is not'} shown as a percentage`);
      assert.equal(Number(f.value), shown(s.default));
      if (s.min !== null) assert.equal(Number(f.min), shown(s.min));
      if (s.max !== null) assert.equal(Number(f.max), shown(s.max));
    }
  }
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('changing a threshold saves it and re-scores the badges on an open x.com tab without a reload', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  const before = await readBadges(x);
  // A badge whose score is not clamped at either end moves exactly with the starting score.
  const target = before.find((b) => Number(b.score) >= 15 && Number(b.score) <= 85 && b.level !== 'not_enough_data');
  assert.ok(target, `a badge with a mid-range score: ${JSON.stringify(before)}`);
  await x.evaluate(() => { window.__loadedOnce = true; });

  const page = await openOptions();
  const base = spec('score.base');
  const newBase = base.default - 10;
  await page.fill(fieldSelector(base.id), String(newBase));
  await waitForStored(page, base.id, newBase);
  await waitForSaved(page);

  const want = String(Number(target.score) - 10);
  await x.waitForFunction(
    ([handle, want]) => document.querySelector(`.followback-badge-host[data-followback-handle="${handle}"]`)?.getAttribute('data-followback-score') === want,
    [target.handle, want],
  );
  assert.equal(await x.evaluate(() => window.__loadedOnce), true, 'the x.com page was not reloaded');
  const after = await readBadges(x);
  assert.equal(after.find((b) => b.handle === target.handle).score, want);

  // Level boundaries move the level, not the score.
  const score = Number(want);
  const level = after.find((b) => b.handle === target.handle).level;
  const toSkip = level !== 'skip';
  const [maybeAt, fbAt, wantLevel] = toSkip ? [score + 1, score + 2, 'skip'] : [score - 2, score - 1, 'follow_back'];
  await page.fill(fieldSelector('level.follow_back_min'), String(fbAt));
  await page.fill(fieldSelector('level.maybe_min'), String(maybeAt));
  await waitForStored(page, 'level.maybe_min', maybeAt);
  await waitForStored(page, 'level.follow_back_min', fbAt);
  await x.waitForFunction(
    ([handle, wantLevel]) =>
      document.querySelector(`.followback-badge-host[data-followback-handle="${handle}"]`)?.getAttribute('data-followback-level') === wantLevel,
    [target.handle, wantLevel],
  );
  assert.equal((await readBadges(x)).find((b) => b.handle === target.handle).score, want, 'the score stays');
  await x.close();
});

test('reset all restores the defaults (and undo brings the edits back); a per-setting reset restores one', async () => {
  const page = await openOptions();
  const pts = spec('begging.points');
  const name = spec('begging.in_name');
  await page.fill(fieldSelector(pts.id), String(pts.default + 5));
  await page.setChecked(fieldSelector(name.id), !name.default);
  await waitForStored(page, name.id, !name.default);
  await waitForStored(page, pts.id, pts.default + 5);

  await page.click('#reset-all');
  await until(page, 'the defaults are stored', async (defaults) => {
    const got = (await chrome.storage.sync.get('settings')).settings;
    return JSON.stringify(got?.values) === JSON.stringify(defaults.values);
  }, defaults);
  assert.equal(Number(await page.inputValue(fieldSelector(pts.id))), pts.default);
  assert.equal(await page.isChecked(fieldSelector(name.id)), name.default);

  await page.click('#undo-reset');
  await waitForStored(page, pts.id, pts.default + 5);
  await waitForStored(page, name.id, !name.default);
  assert.equal(Number(await page.inputValue(fieldSelector(pts.id))), pts.default + 5);

  await page.click(`[data-setting="${pts.id}"] button.reset-one`);
  await waitForStored(page, pts.id, pts.default);
  assert.equal(Number(await page.inputValue(fieldSelector(pts.id))), pts.default);
  assert.equal(await page.isChecked(fieldSelector(name.id)), !name.default, 'the other edit stays');
});

test('export then import round-trips the settings through a file', async () => {
  const page = await openOptions();
  const guru = spec('guru.keywords');
  const age = spec('avatar.old_days');
  await page.fill(fieldSelector(guru.id), 'thought leader\nguru, ninja');
  await page.fill(fieldSelector(age.id), String(age.default + 30));
  await waitForStored(page, age.id, age.default + 30);
  await waitForStored(page, guru.id, ['thought leader', 'guru', 'ninja']);
  await waitForSaved(page);
  const saved = (await stored(page)).sync;

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual({ version: exported.version, values: exported.values }, saved, 'the file holds the saved settings');
  assert.deepEqual(exported.overrides, {}, 'and the (empty) per-account overrides beside them');
  assert.match(download.suggestedFilename(), /\.json$/);

  await page.click('#reset-all');
  await waitForStored(page, age.id, age.default);

  await page.setInputFiles('#import-file', file);
  // The import asks first (restore.test.mjs covers the confirm step in detail).
  await page.click('#import-confirm:not([hidden]) #import-apply');
  await page.waitForSelector('#import-result[data-result="ok"]');
  await waitForStored(page, age.id, age.default + 30);
  assert.deepEqual((await stored(page)).sync, saved);
  assert.equal(await page.inputValue(fieldSelector(guru.id)), 'thought leader\nguru\nninja');
});

test('invalid input shows a message next to the field and saves nothing', async () => {
  const page = await openOptions();
  const pts = spec('begging.points');
  const fb = spec('level.follow_back_min');
  const maybe = spec('level.maybe_min');

  // Out of range.
  await page.fill(fieldSelector(pts.id), String(pts.max + 1));
  await page.waitForSelector(`${errorSelector(pts.id)}:not([hidden])`);
  assert.match(await page.textContent(errorSelector(pts.id)), new RegExp(String(pts.max)));
  assert.equal(await page.getAttribute(fieldSelector(pts.id), 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#save-status', 'data-state'), 'invalid');

  // Not a number.
  await page.fill(fieldSelector(pts.id), '');
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('number'), errorSelector(pts.id));

  // Wrong level ordering: "maybe" at or above "follow back".
  await page.fill(fieldSelector(pts.id), String(pts.default));
  await page.fill(fieldSelector(maybe.id), String(fb.default + 5));
  await page.waitForSelector(`${errorSelector(fb.id)}:not([hidden]), ${errorSelector(maybe.id)}:not([hidden])`);
  assert.equal(await page.getAttribute('#save-status', 'data-state'), 'invalid');

  // Fixing it saves the fixed value; none of the invalid states was ever written.
  await page.fill(fieldSelector(maybe.id), String(fb.default - 5));
  await waitForStored(page, maybe.id, fb.default - 5);
  await waitForSaved(page);
  const writes = await page.evaluate(() => window.__settingsWrites);
  assert.ok(writes.length >= 1);
  for (const w of writes) {
    assert.ok(w.value.values[pts.id] <= pts.max, `no out-of-range write: ${JSON.stringify(w.value.values[pts.id])}`);
    assert.ok(w.value.values[maybe.id] < w.value.values[fb.id], 'no write with the levels out of order');
  }
  assert.equal(await page.locator('.setting.invalid').count(), 0);

  // An import with problems lists them and saves nothing.
  const dir = mkdtempSync(path.join(tmpdir(), 'fb-import-'));
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: defaults.version, values: { [pts.id]: -4, [fb.id]: 'high' } }));
  const before = await stored(page);
  const writesBefore = writes.length;
  await page.setInputFiles('#import-file', bad);
  await page.waitForSelector('#import-result[data-result="error"]');
  const listed = await page.locator('#import-errors li').allTextContents();
  assert.ok(listed.some((l) => l.includes(pts.id)), `the begging points problem is listed: ${listed}`);
  assert.ok(listed.some((l) => l.includes(fb.id)), `the level problem is listed: ${listed}`);
  const notJson = path.join(dir, 'not.json');
  writeFileSync(notJson, '{"version": 1, "values": ');
  await page.setInputFiles('#import-file', notJson);
  await page.waitForFunction(() => /not a JSON file/.test(document.querySelector('#import-message').textContent));
  assert.deepEqual(await stored(page), before);
  assert.equal((await page.evaluate(() => window.__settingsWrites)).length, writesBefore);
  assert.equal(Number(await page.inputValue(fieldSelector(pts.id))), pts.default, 'the form kept its values');
});

test('corrupted stored settings show a notice, and the page still works', async () => {
  const pts = spec('begging.points');
  const conf = spec('level.min_confidence');
  for (const garbage of [
    { version: defaults.version, values: { [pts.id]: 'lots', [conf.id]: 7, 'no.such.setting': 1 } },
    '}{ not settings',
    [1, 2, 3],
  ]) {
    await env.worker.evaluate((g) => chrome.storage.sync.set({ settings: g }), garbage);
    const page = await openOptions();
    await page.waitForSelector('#notices:not([hidden])');
    const notices = await page.locator('#notice-list li').allTextContents();
    assert.ok(notices.length >= 1, `a notice for ${JSON.stringify(garbage)}`);
    // Broken values show their defaults; the form is complete and valid.
    assert.equal(await page.locator('#settings [data-setting]').count(), schema.length);
    assert.equal(Number(await page.inputValue(fieldSelector(pts.id))), pts.default);
    assert.equal(Number(await page.inputValue(fieldSelector(conf.id))) / 100, conf.default, 'shown as a percentage');
    assert.equal(await page.locator('.setting.invalid').count(), 0);
    assert.notEqual(await page.textContent('[data-preview="score"]'), '—', 'the preview still scores');
    // Nothing was overwritten just by opening the page.
    assert.deepEqual((await stored(page)).sync, garbage);
    // An edit saves clean settings.
    await page.fill(fieldSelector(pts.id), String(pts.default + 1));
    await waitForStored(page, pts.id, pts.default + 1);
    const saved = (await stored(page)).sync;
    assert.equal(saved.values[conf.id], conf.default, `after ${JSON.stringify(garbage)}: ${JSON.stringify(saved)}`);
    assert.ok(!('no.such.setting' in saved.values));
    assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
    await page.close();
  }
});

test('the live preview re-scores the sample as a weight or the sample changes', async () => {
  const page = await openOptions();
  const score = async () => Number(await page.getAttribute('#preview-out', 'data-score'));
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('[data-preview="evidence"] li')].map((li) => Number(li.querySelector('.points').textContent.replace('\u2212', '-'))),
  );
  assert.ok(lines.length > 5, 'the preview lists the evidence');
  const first = await score();
  const base = Number((await page.textContent('[data-preview="base"]')).match(/\d+/)[0]);
  assert.equal(base + lines.reduce((a, b) => a + b, 0), first, 'the points shown add up to the score shown');

  // The sample has a bio: the points for having one move the score one for one.
  const bio = spec('bio.present_points');
  await page.fill(fieldSelector(bio.id), String(bio.default + 10));
  await page.waitForFunction((want) => document.querySelector('#preview-out').dataset.score === String(want), first + 10);

  // The sample itself: a default avatar costs points.
  const beforeAvatar = await score();
  await page.check('#sample-defaultAvatar');
  await page.waitForFunction((was) => Number(document.querySelector('#preview-out').dataset.score) < was, beforeAvatar);

  // Hostile sample text stays text.
  await page.fill('#sample-bio', '<img src=x onerror="window.__pwned=1"> #FollowBack');
  await page.waitForFunction(() => document.querySelector('[data-preview="evidence"] li[data-signal="begging"] .points.minus') !== null);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#preview-out img').count(), 0);
});

test('settings too large for sync are saved to local storage, and the page says so', async () => {
  const page = await openOptions();
  const guru = spec('guru.keywords');
  // About 16 KB of keywords: more than chrome.storage.sync's 8 KB per item.
  const many = Array.from({ length: 180 }, (_, i) => `expert phrase number ${i} ${'x'.repeat(60)}`);
  await page.fill(fieldSelector(guru.id), many.join('\n'));
  await until(page, 'settingsStore is local', async () => (await chrome.storage.local.get('settingsStore')).settingsStore === 'local');
  await waitForStored(page, guru.id, many, 'local');
  await page.waitForSelector('#store-status:not([hidden])');
  assert.equal((await stored(page)).sync, null, 'no stale copy left in sync');

  // Back under the quota: sync again, and the local copy goes.
  await page.fill(fieldSelector(guru.id), 'guru');
  await waitForStored(page, guru.id, ['guru'], 'sync');
  await until(page, 'settingsStore is sync and the local copy is gone', async () => {
    const got = await chrome.storage.local.get(['settings', 'settingsStore']);
    return got.settingsStore === 'sync' && got.settings === undefined;
  });
  await page.waitForSelector('#store-status[hidden]', { state: 'attached' });
});
