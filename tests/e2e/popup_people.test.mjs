// The popup for people (issue 12 item 4): counts in words ("On this page: 3
// follow back · ..."), "Audit this list" on list pages only, the per-surface
// switches (badges in lists, on profiles, in notifications, in hover cards;
// hide "not enough data") removing and restoring badges live on the x.com tab,
// the filter state with a button that turns it off, and the worker's counters
// behind a "Details" disclosure. Also the same switches in the options page's
// basics.
//
// The popup is opened as a page with `?tab=<id>` (an action popup cannot be
// opened by a test); it then reports on that tab.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, readBadges, waitForRowBadges, extensionConsoleProblems, xTabId, resetSettings, optionsUrl, settingField, SEL,
} from './support/harness.mjs';
import { LEVELS } from '../../extension/shared/levels.js';

let env;

before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});
beforeEach(async () => {
  await resetSettings(env, ['enabled', 'filter', 'overrides']);
});

const popupUrl = (tabId) => `chrome-extension://${env.extensionId}/popup/popup.html?tab=${tabId}`;

/** Which surface each badge on the page is on: { row, profile, notification, hover }. */
function surfaceCounts(page) {
  return page.evaluate((sel) => {
    const out = { row: 0, profile: 0, notification: 0, hover: 0, not_enough_data: 0, total: 0 };
    for (const host of document.querySelectorAll('.followback-badge-host')) {
      out.total += 1;
      if (host.getAttribute('data-followback-level') === 'not_enough_data') out.not_enough_data += 1;
      if (host.closest(sel.hoverCard)) out.hover += 1;
      else if (host.closest(sel.userCell)) out.row += 1;
      else if (host.closest(sel.notification) || host.closest(sel.tweet)) out.notification += 1;
      else if (host.closest(sel.profileName)) out.profile += 1;
    }
    return out;
  }, { hoverCard: SEL.hoverCard, userCell: SEL.userCell, notification: SEL.notification, tweet: SEL.tweet, profileName: SEL.profileName });
}

/** Polls `fn` (async) until it returns a truthy value; fails with the last value after `ms`. */
async function until(fn, what, ms = 10000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openPopup() {
  const popup = await openPage(env, popupUrl(await xTabId(env)));
  await popup.waitForSelector('body[data-ready="true"]');
  await popup.waitForSelector('body[data-stats="shown"]');
  await popup.waitForSelector('#surfaces[data-state="ready"]', { state: 'attached' });
  return popup;
}

async function storedSwitch(id) {
  return env.worker.evaluate(async (key) => {
    const sync = await chrome.storage.sync.get('settings');
    const local = await chrome.storage.local.get(['settings', 'settingsStore']);
    const s = local.settingsStore === 'local' ? local.settings : sync.settings;
    return s && s.values ? s.values[key] : undefined;
  }, id);
}

test('on a list page the popup says the counts in words and offers the audit', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  const popup = await openPopup();
  // The words come from the level table, in its order, each with the count of
  // the badges drawn now (the page may still re-draw them when its payload is read).
  const wanted = async () => {
    const badges = await readBadges(x);
    return `On this page: ${LEVELS.map((l) => `${badges.filter((b) => b.level === l.id).length} ${l.words}`).join(' · ')}`;
  };
  let want = '';
  await until(async () => (await popup.textContent('#summary')) === (want = await wanted()), 'the summary of the badges drawn');
  assert.ok(want.length > 0, want);
  assert.equal(await popup.locator('#open-audit').isVisible(), true, 'Audit this list is offered on a followers page');
  assert.equal(await popup.getAttribute('body', 'data-list'), 'yes');
  assert.deepEqual(extensionConsoleProblems(popup, env.extensionId), []);
});

test('on a profile page the popup does not offer the audit', async () => {
  const x = await openPage(env, 'https://x.com/carol_example');
  await x.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  const popup = await openPopup();
  await until(async () => (await popup.getAttribute('body', 'data-list')) === 'no', 'the page read as not a list');
  assert.equal(await popup.locator('#open-audit').isVisible(), false, 'no Audit this list on a profile');
  assert.match(await popup.textContent('#summary'), /^On this page: 1 (follow back|maybe|skip|not enough data)/);
  // Counts still add up to the one badge.
  assert.equal(await popup.textContent('#counts [data-level="total"] .count'), '1');
});

/** Switches `id` off in the popup: `kind` badges leave the tab, the rest stay; switched on they come back. */
async function checkSwitch(x, key, kind) {
  const before = await surfaceCounts(x);
  assert.ok(before[kind] >= 1, `${kind} badges drawn first: ${JSON.stringify(before)}`);
  const popup = await openPopup();
  const input = `#switch-display_${key}`;
  assert.equal(await popup.isChecked(input), true, `${key} is on by default`);
  assert.equal(await popup.getAttribute(input, 'role'), 'switch');

  await popup.click(input);
  const off = await until(async () => {
    const c = await surfaceCounts(x);
    return c[kind] === 0 ? c : null;
  }, `${kind} badges removed`);
  for (const other of ['row', 'profile', 'notification', 'hover'].filter((k) => k !== kind)) {
    assert.equal(off[other], before[other], `${other} badges stay while ${kind} is off`);
  }
  assert.equal(await storedSwitch(`display.${key}`), false, 'saved in the settings');
  assert.equal(await popup.isChecked(input), false);

  await popup.click(input);
  await until(async () => (await surfaceCounts(x))[kind] === before[kind], `${kind} badges back`);
  assert.equal(await storedSwitch(`display.${key}`), true);
  assert.deepEqual(extensionConsoleProblems(popup, env.extensionId), []);
}

test('"Badges in lists" removes and restores the row badges live', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  await checkSwitch(x, 'lists', 'row');
});

test('"Badges on profiles" removes and restores the profile header badge live', async () => {
  const x = await openPage(env, 'https://x.com/carol_example');
  await x.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  await checkSwitch(x, 'profiles', 'profile');
});

test('"Badges in notifications" removes and restores the notification badges live', async () => {
  const x = await openPage(env, 'https://x.com/notifications');
  await x.waitForSelector(`${SEL.notification} .followback-badge-host`);
  await checkSwitch(x, 'notifications', 'notification');
});

test('"Badges in hover cards" removes and restores the hover card badge live, rows keep theirs', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  // A hover card as X draws one: a copy of a row's account markup in a HoverCard layer.
  await x.evaluate(([cellSel]) => {
    const cell = document.querySelector(cellSel);
    const card = document.createElement('div');
    card.setAttribute('data-testid', 'HoverCard');
    const copy = cell.cloneNode(true);
    copy.removeAttribute('data-testid');
    for (const h of copy.querySelectorAll('.followback-badge-host')) h.remove();
    card.append(copy);
    document.body.append(card);
  }, [SEL.userCell]);
  await x.waitForSelector(`${SEL.hoverCard} .followback-badge-host`);
  await checkSwitch(x, 'hover_cards', 'hover');
});

test('"Hide not enough data badges" hides exactly those badges, live', async () => {
  // The notification fixture's people are all "not enough data"; one marked
  // "always follow back" shows a follow-back badge, so both kinds are drawn.
  const x = await openPage(env, 'https://x.com/notifications');
  await x.waitForSelector(`${SEL.notification} .followback-badge-host`);
  const [first] = await readBadges(x);
  await env.worker.evaluate((h) => chrome.storage.local.set({ overrides: { [h]: 'always' } }), first.handle.toLowerCase());
  await until(async () => (await readBadges(x)).some((b) => b.level === 'follow_back'), 'the marked account shows follow back');
  const before = await surfaceCounts(x);
  assert.ok(before.not_enough_data >= 1, `some "not enough data" badges first: ${JSON.stringify(before)}`);
  assert.ok(before.total > before.not_enough_data, 'and some others');
  const popup = await openPopup();
  const input = '#switch-display_hide_not_enough_data';
  assert.equal(await popup.isChecked(input), false, 'off by default');

  await popup.click(input);
  const after = await until(async () => {
    const c = await surfaceCounts(x);
    return c.not_enough_data === 0 ? c : null;
  }, '"not enough data" badges hidden');
  assert.equal(after.total, before.total - before.not_enough_data, 'every other badge stays');
  assert.equal(await storedSwitch('display.hide_not_enough_data'), true);
  // The popup counts what is drawn.
  await until(async () => (await popup.textContent('#counts [data-level="not_enough_data"] .count')) === '0', 'popup count 0');

  await popup.click(input);
  await until(async () => (await surfaceCounts(x)).not_enough_data === before.not_enough_data, 'badges back');
});

test('the filter state is shown, and the button turns the filter off on the tab', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  const popup = await openPopup();
  assert.equal(await popup.locator('#filter-state').isVisible(), false, 'nothing said while the filter is off');

  await env.worker.evaluate(() => chrome.storage.local.set({ filter: { enabled: true, belowLevel: 'maybe', mode: 'dim' } }));
  await popup.waitForSelector('#filter-state', { state: 'visible' });
  assert.equal(await popup.textContent('#filter-text'), 'Filter on: dimming rows below maybe');
  await until(() => x.evaluate(() => document.querySelectorAll('[data-followback-filter]').length > 0), 'rows dimmed');

  await popup.click('#filter-off');
  await popup.waitForSelector('#filter-state', { state: 'hidden' });
  const stored = await env.worker.evaluate(async () => (await chrome.storage.local.get('filter')).filter);
  assert.equal(stored.enabled, false);
  assert.equal(stored.mode, 'dim', 'the rest of the filter is kept for next time');
  await until(() => x.evaluate(() => document.querySelectorAll('[data-followback-filter]').length === 0), 'rows restored');

  // A collapse filter is said as such.
  await env.worker.evaluate(() => chrome.storage.local.set({ filter: { enabled: true, belowLevel: 'follow_back', mode: 'collapse' } }));
  await popup.waitForSelector('#filter-state', { state: 'visible' });
  assert.equal(await popup.textContent('#filter-text'), 'Filter on: collapsing rows below follow back');
});

test('the worker counters sit behind "Details", in plain words', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await x.waitForSelector('body[data-rendered]');
  const popup = await openPopup();
  assert.equal(await popup.textContent('#diagnostics summary'), 'Details');
  assert.equal(await popup.locator('#diagnostics [data-stat="payloads"]').isVisible(), false, 'closed at first');
  const text = await popup.textContent('body');
  for (const jargon of ['Payloads', 'Unknown shape', 'Diagnostics']) assert.ok(!text.includes(jargon), `no "${jargon}"`);
  await popup.click('#diagnostics summary');
  assert.equal(await popup.locator('#diagnostics [data-stat="payloads"]').isVisible(), true);
});

test('the options basics show the same switches and save them', async () => {
  const page = await openPage(env, optionsUrl(env));
  await page.waitForSelector('body[data-ready="true"]');
  for (const key of ['lists', 'profiles', 'notifications', 'hover_cards', 'hide_not_enough_data']) {
    assert.equal(await page.locator(`#basic-display_${key}`).count(), 1, `${key} in the basics`);
  }
  assert.equal(await page.isChecked('#basic-display_profiles'), true);
  await page.click('#basic-display_profiles');
  assert.equal(await page.isChecked(settingField('display.profiles')), false, 'the full form follows');
  await until(async () => (await storedSwitch('display.profiles')) === false, 'saved');
  // Changed in All settings, the basics follow.
  await page.click('#expand-all');
  await page.click(settingField('display.profiles'));
  assert.equal(await page.isChecked('#basic-display_profiles'), true);
  await until(async () => (await storedSwitch('display.profiles')) === true, 'saved again');
});
