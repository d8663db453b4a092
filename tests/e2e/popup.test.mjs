// The toolbar popup: counts of the badges drawn on the x.com tab by level, the
// on/off switch that removes and restores them, a clear message where there is
// no x.com page, and the way to the settings page.
//
// The popup is opened as a page with `?tab=<id>` (an action popup cannot be
// opened by a test); the popup then reports on that tab instead of its own.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, waitForRowBadges, extensionConsoleProblems, xTabId as harnessXTabId } from './support/harness.mjs';

const LEVELS = ['follow_back', 'maybe', 'skip', 'not_enough_data'];
let env;

before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});
beforeEach(async () => {
  for (const p of env.context.pages()) await p.close();
  await env.worker.evaluate(() => chrome.storage.local.remove('enabled'));
});

const popupUrl = (tabId) => `chrome-extension://${env.extensionId}/popup/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`;

/** The id of the (only) open x.com tab, as the extension sees it. */
const xTabId = () => harnessXTabId(env);

async function openXTab() {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  return x;
}

/** What the popup shows: { total, byLevel } or null when the counts are hidden. */
function popupCounts(popup) {
  return popup.evaluate(() => {
    const counts = document.querySelector('#counts');
    if (counts.hidden) return null;
    const n = (level) => Number(counts.querySelector(`[data-level="${level}"] .count`).textContent);
    return {
      total: n('total'),
      byLevel: Object.fromEntries(['follow_back', 'maybe', 'skip', 'not_enough_data'].map((l) => [l, n(l)])),
    };
  });
}

function countBadges(badges) {
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, badges.filter((b) => b.level === l).length]));
  return { total: badges.length, byLevel };
}

test('the popup counts the badges drawn on the x.com tab, by level', async () => {
  const x = await openXTab();
  const drawn = countBadges(await readBadges(x));
  assert.ok(drawn.total >= 5, `badges drawn: ${JSON.stringify(drawn)}`);

  const popup = await openPage(env, popupUrl(await xTabId()));
  await popup.waitForSelector('body[data-stats="shown"]');
  assert.deepEqual(await popupCounts(popup), drawn);
  assert.equal(await popup.isChecked('#enabled'), true, 'badges are on by default');
  assert.deepEqual(extensionConsoleProblems(popup, env.extensionId), []);
});

test('switching off removes the badges from the x.com tab; switching on brings them back', async () => {
  const x = await openXTab();
  const before = (await readBadges(x)).length;
  const popup = await openPage(env, popupUrl(await xTabId()));
  await popup.waitForSelector('body[data-stats="shown"]');

  await popup.click('#enabled');
  assert.equal(await popup.isChecked('#enabled'), false);
  await x.waitForFunction(() => document.querySelectorAll('.followback-badge-host').length === 0);
  assert.equal(await env.worker.evaluate(async () => (await chrome.storage.local.get('enabled')).enabled), false);
  await popup.waitForFunction(() => document.querySelector('#counts [data-level="total"] .count').textContent === '0');
  assert.match(await popup.textContent('#stats-message'), /off/i);

  await popup.click('#enabled');
  await waitForRowBadges(x);
  assert.equal((await readBadges(x)).length, before);
  await popup.waitForFunction((n) => document.querySelector('#counts [data-level="total"] .count').textContent === String(n), before);
});

test('a reopened popup shows the switch as it was left', async () => {
  await env.worker.evaluate(() => chrome.storage.local.set({ enabled: false }));
  const popup = await openPage(env, popupUrl());
  await popup.waitForSelector('body[data-ready="true"]');
  assert.equal(await popup.isChecked('#enabled'), false);
  assert.equal(await popup.getAttribute('#enabled', 'role'), 'switch');
});

test('without an x.com page the popup says where badges appear', async () => {
  const other = await openPage(env, `chrome-extension://${env.extensionId}/options/options.html`);
  const otherId = await other.evaluate(async () => (await chrome.tabs.getCurrent()).id);
  const popup = await openPage(env, popupUrl(otherId));
  await popup.waitForSelector('body[data-stats="none"]');
  assert.match(await popup.textContent('#stats-message'), /Open x\.com to see badges/);
  assert.equal(await popup.locator('#counts').isHidden(), true);

  // Opened as its own tab with no target, it does not report on itself.
  const alone = await openPage(env, popupUrl());
  await alone.waitForSelector('body[data-stats="none"]');
});

test('the settings button opens the options page', async () => {
  const popup = await openPage(env, popupUrl());
  await popup.waitForSelector('body[data-ready="true"]');
  const [options] = await Promise.all([env.context.waitForEvent('page'), popup.click('#open-options')]);
  await options.waitForURL(/\/options\/options\.html$/);
  await options.waitForSelector('body[data-ready="true"]');
});
