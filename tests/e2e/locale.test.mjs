// Languages (issue 12, item 5) in a real browser: Chromium started with
// `--lang=de` (Debian's Chromium ships only the en-US interface pack, yet serves
// an extension's _locales in the language `--lang` asks for; the LANGUAGE
// environment variable is not enough there) shows German on the badge, in the
// breakdown, in the popup, on the options page, the welcome page and the audit
// page, and every page says so in its `lang`. The German words are read from
// extension/_locales/de, so the test checks the wiring, not a copy of the text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, readBadges, waitForRowBadges, readBreakdown, extensionConsoleProblems, xTabId, DIST } from './support/harness.mjs';

const read = (locale) => JSON.parse(readFileSync(path.join(DIST, '_locales', locale, 'messages.json'), 'utf8'));
const DE = read('de');
const EN = read('en');
/** The German message of `key` with `$1`.. filled in. */
const de = (key, ...subs) => subs.reduce((s, v, i) => s.split(`$${i + 1}`).join(String(v)), DE[key].message);
const en = (key) => EN[key].message;

let env;
before(async () => {
  env = await launch({ args: ['--lang=de'] });
});
after(async () => {
  if (env) await env.close();
});

test('the German messages differ from the English ones this test looks for', () => {
  for (const key of ['level_words_skip', 'breakdown_seen', 'breakdown_threshold', 'popup_stats_heading', 'options_heading', 'welcome_title', 'audit_heading', 'legend_title']) {
    assert.notEqual(DE[key].message, EN[key].message, key);
  }
});

test('the badge, its tooltip and the breakdown speak German', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  const badges = await readBadges(x);
  assert.ok(badges.length >= 5, `badges drawn: ${badges.length}`);
  const words = ['follow_back', 'maybe', 'skip', 'not_enough_data'].map((l) => DE[`level_words_${l}`].message);
  for (const b of badges) {
    if (b.level === 'not_enough_data') assert.equal(b.ariaLabel, de('badge_not_enough_data'));
    else assert.ok(words.some((w) => b.ariaLabel.includes(`: ${w}`)), `German level words in "${b.ariaLabel}"`);
    assert.doesNotMatch(b.ariaLabel, /not sure yet|follow back|not enough data/);
  }
  const scored = badges.find((b) => b.level !== 'not_enough_data');
  assert.ok(scored, 'a scored badge');
  const title = await x.evaluate((h) => document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`).shadowRoot.querySelector('[role="button"]').title, scored.handle);
  assert.ok(title.startsWith(`Followback ${scored.score}: `), title);
  const hostLang = await x.evaluate((h) => document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`).lang, scored.handle);
  assert.equal(hostLang, 'de', 'the badge says its words are German (X\'s page keeps its own lang)');

  await x.click(`.followback-badge-host[data-followback-handle="${scored.handle}"] >> [role="button"]`);
  await x.waitForSelector('.followback-breakdown-host');
  const b = await readBreakdown(x);
  assert.equal(await x.evaluate(() => document.querySelector('.followback-breakdown-host').lang), 'de');
  assert.ok(b.lines.length > 5, 'every line is there');
  for (const line of b.lines) {
    assert.ok(line.seen.startsWith(`${de('breakdown_seen')} `), line.seen);
    assert.ok(line.threshold.startsWith(`${de('breakdown_threshold')} `), line.threshold);
    if (line.unseen) assert.equal(line.seen, `${de('breakdown_seen')} ${de('breakdown_not_seen')}`);
  }
  assert.match(b.text, new RegExp(de('breakdown_every_fact', '\\d+', '\\d+').replace(/[()]/g, '\\$&')));
  assert.ok(b.text.includes(de('legend_title')), 'the legend heading');
  assert.ok(b.text.includes(de('breakdown_choose_always')), 'the override buttons');
  for (const english of [en('legend_title'), 'Every fact', 'Seen:', 'Threshold:', 'Always follow back', 'Close breakdown']) {
    assert.ok(!b.text.includes(english), `no English "${english}" left in the breakdown`);
  }
  const close = await x.evaluate(() => document.querySelector('.followback-breakdown-host').shadowRoot.querySelector('.close').getAttribute('aria-label'));
  assert.equal(close, de('breakdown_close'));
  assert.deepEqual(extensionConsoleProblems(x, env.extensionId), []);

  // The popup about that tab: headings, switches, counts' labels and the legend.
  const popup = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html?tab=${await xTabId(env)}`);
  await popup.waitForSelector('body[data-stats="shown"]');
  assert.equal(await popup.getAttribute('html', 'lang'), 'de');
  assert.equal(await popup.textContent('#stats-heading'), de('popup_stats_heading'));
  assert.equal(await popup.textContent('label[for="enabled"]'), de('popup_enabled'));
  assert.equal(await popup.textContent('#surfaces-heading'), de('popup_surfaces_heading'));
  assert.equal(await popup.textContent('#counts [data-level="skip"] dt'), de('level_skip'));
  assert.equal(await popup.textContent('#legend > summary'), de('legend_title'));
  const summary = await popup.textContent('#summary');
  assert.ok(summary.startsWith(de('popup_summary', '')), summary);
  const switches = await popup.$$eval('#surface-switches label', (ls) => ls.map((l) => l.textContent));
  assert.ok(switches.includes(de('popup_display_lists')), switches.join(' | '));
  const popupText = await popup.textContent('body');
  for (const english of [en('popup_stats_heading'), en('popup_enabled'), en('legend_title'), en('popup_surfaces_heading')]) {
    assert.ok(!popupText.includes(english), `no English "${english}" left in the popup`);
  }
  assert.deepEqual(extensionConsoleProblems(popup, env.extensionId), []);
  await popup.close();
  await x.close();
});

test('the options page speaks German', async () => {
  const page = await openPage(env, `chrome-extension://${env.extensionId}/options/options.html`);
  await page.waitForSelector('#save-status:not([data-state="loading"])');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.title(), de('options_title'));
  assert.equal((await page.textContent('h1')).trim(), de('options_heading'));
  const text = await page.textContent('body');
  for (const key of ['options_basics_heading', 'options_all_heading', 'options_preview_heading', 'options_basic_strict_label']) {
    assert.ok(text.includes(de(key)), `options page shows ${key} in German`);
  }
  for (const key of ['options_basics_heading', 'options_all_heading', 'options_preview_heading', 'options_export', 'options_reset_all']) {
    assert.ok(!text.includes(en(key)), `no English "${en(key)}" left on the options page`);
  }
  assert.equal(await page.getAttribute('#settings-search', 'placeholder'), de('options_search_placeholder'));
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('the welcome page and the audit page speak German, keeping their links and inline words', async () => {
  const welcome = await openPage(env, `chrome-extension://${env.extensionId}/welcome/welcome.html`);
  await welcome.waitForSelector('body[data-ready]');
  assert.equal(await welcome.getAttribute('html', 'lang'), 'de');
  assert.equal(await welcome.textContent('h1'), de('welcome_title'));
  // A sentence with a link inside: the German text around the same link.
  const next = await welcome.$eval('p[data-i18n-slots="welcome_next_text"]', (p) => ({ text: p.textContent, link: p.querySelector('a') && p.querySelector('a').href }));
  assert.equal(next.text, de('welcome_next_text', 'x.com'));
  assert.equal(next.link, 'https://x.com/');
  const skip = await welcome.textContent('#legend li[data-level="skip"]');
  assert.ok(skip.includes(de('welcome_legend_skip', de('level_skip'))), skip);
  assert.equal(await welcome.textContent('#legend li[data-level="skip"] strong'), de('level_skip'));
  assert.deepEqual(extensionConsoleProblems(welcome, env.extensionId), []);
  await welcome.close();

  const audit = await openPage(env, `chrome-extension://${env.extensionId}/audit/audit.html`);
  await audit.waitForSelector('#list-title');
  await audit.waitForFunction((t) => document.querySelector('#list-title').textContent === t, de('audit_no_tab'));
  assert.equal(await audit.textContent('h1'), de('audit_heading'));
  assert.equal(await audit.textContent('#pending thead th:first-child'), de('audit_col_account'));
  const pending = await audit.textContent('#pending-heading');
  assert.ok(pending.startsWith(de('audit_pending_heading', '').trim()), pending);
  assert.equal(await audit.textContent('#pending-count'), '0', 'the count inside the heading is kept');
  await audit.close();
});
