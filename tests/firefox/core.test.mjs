// The core scenarios in real Firefox (Debian's firefox-esr, WebDriver BiDi):
// badges on a follower list for each user-object generation, the breakdown by
// click and by keyboard, a settings change re-scoring an open tab, the popup's
// counts, and the audit page's export. Same fixtures and CSP as the Chromium
// tests; only the driver differs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openXPage, openExtensionPage, until } from './support/harness.mjs';

const LEVELS = ['follow_back', 'maybe', 'skip', 'not_enough_data'];
let env;

before(async () => {
  env = await launchFirefox();
});
after(async () => {
  if (env) await env.close();
});

/** Every badge in a row: [{ handle, rowHandle, score, level }]. */
function rowBadges(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="UserCell"]')].map((cell) => {
      const link = [...cell.querySelectorAll('a[tabindex="-1"][href]')].find((a) => a.textContent.startsWith('@'));
      const hosts = cell.querySelectorAll('.followback-badge-host');
      const host = hosts[0];
      return {
        rowHandle: link ? link.textContent.slice(1) : null,
        hosts: hosts.length,
        handle: host ? host.getAttribute('data-followback-handle') : null,
        score: host ? host.getAttribute('data-followback-score') : null,
        level: host ? host.getAttribute('data-followback-level') : null,
      };
    }),
  );
}

/** Waits until every row shows exactly one badge, for the account it shows, with a verdict. */
async function waitForRowBadges(page) {
  return until(page, 'a badge on every row', () => {
    const cells = [...document.querySelectorAll('[data-testid="UserCell"]')];
    if (cells.length === 0) return false;
    return cells.every((cell) => {
      const link = [...cell.querySelectorAll('a[tabindex="-1"][href]')].find((a) => a.textContent.startsWith('@'));
      const hosts = cell.querySelectorAll('.followback-badge-host');
      return link && hosts.length === 1 && hosts[0].getAttribute('data-followback-handle') === link.textContent.slice(1)
        && /^\d{1,3}$/.test(hosts[0].getAttribute('data-followback-score') || '');
    });
  });
}

async function openList(gen = 2) {
  const x = await openXPage(env, `https://x.com/viewer_me/followers?fixture=gen${gen}_page1`);
  await until(x, 'the fixture rendered', () => document.body && document.body.hasAttribute('data-rendered'));
  await waitForRowBadges(x);
  return x;
}

/**
 * The id of the tab where the content script runs, asked from an extension page
 * (without host permissions the extension cannot query tabs by URL: it asks each tab).
 */
async function xTabId(extPage) {
  const tabs = await extPage.evaluate(async () => {
    const out = [];
    for (const t of await browser.tabs.query({})) {
      const r = await browser.tabs.sendMessage(t.id, { type: 'fb:page-stats' }).catch(() => null);
      if (r && typeof r.total === 'number') out.push(t.id);
    }
    return out;
  });
  assert.equal(tabs.length, 1, 'one x.com tab');
  return tabs[0];
}

async function closeAll() {
  for (const p of await env.browser.pages()) {
    if (!/^about:blank/.test(p.url())) await p.close();
  }
}

for (const gen of [1, 2, 3]) {
  test(`Firefox: gen${gen} user objects give every row its own badge`, async () => {
    const x = await openList(gen);
    const badges = await rowBadges(x);
    assert.equal(badges.length, 5, 'five fixture rows');
    for (const b of badges) {
      assert.equal(b.hosts, 1, `one badge per row: ${JSON.stringify(b)}`);
      assert.equal(b.handle, b.rowHandle);
      assert.ok(Number(b.score) >= 0 && Number(b.score) <= 100, `score 0-100: ${b.score}`);
      assert.ok(LEVELS.includes(b.level), `known level: ${b.level}`);
    }
    assert.ok(new Set(badges.map((b) => b.level)).size > 1, `the fixture accounts get different levels: ${JSON.stringify(badges)}`);
    assert.deepEqual(x.followbackLog.filter((l) => /followback/i.test(l)), []);
    await x.close();
  });
}

test('Firefox: the breakdown opens by click and by keyboard, and Escape closes it', async () => {
  const x = await openList(1);
  const [first] = await rowBadges(x);
  const openFor = (h) => x.evaluate((handle) => {
    const pop = document.querySelector('.followback-breakdown-host');
    return pop && pop.getAttribute('data-followback-handle') === handle && pop.shadowRoot && pop.shadowRoot.querySelector('[role="dialog"]')
      ? pop.shadowRoot.textContent : null;
  }, h);

  // Click.
  await x.evaluate((h) => {
    document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`).shadowRoot.querySelector('[role="button"]').click();
  }, first.handle);
  const text = await until(x, 'the breakdown after a click', (h) => {
    const pop = document.querySelector('.followback-breakdown-host');
    return pop && pop.getAttribute('data-followback-handle') === h && pop.shadowRoot.querySelector('[role="dialog"]') ? pop.shadowRoot.textContent : null;
  }, first.handle);
  assert.ok(text.includes(first.score), `the breakdown shows the score ${first.score}`);
  await x.keyboard.press('Escape');
  await until(x, 'the breakdown closed', () => !document.querySelector('.followback-breakdown-host'));

  // Keyboard: focus the badge, press Enter.
  await x.evaluate((h) => {
    document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`).shadowRoot.querySelector('[role="button"]').focus();
  }, first.handle);
  await x.keyboard.press('Enter');
  await until(x, 'the breakdown after Enter', (h) => {
    const pop = document.querySelector('.followback-breakdown-host');
    return pop && pop.getAttribute('data-followback-handle') === h;
  }, first.handle);
  assert.ok(await openFor(first.handle));
  await x.keyboard.press('Escape');
  await until(x, 'the breakdown closed after Escape', () => !document.querySelector('.followback-breakdown-host'));
  await x.close();
});

test('Firefox: changing the starting score in options re-scores the open tab without a reload', async () => {
  await closeAll();
  const x = await openList(1);
  const target = (await rowBadges(x)).find((b) => Number(b.score) >= 15 && Number(b.score) <= 85 && b.level !== 'not_enough_data');
  assert.ok(target, 'a badge with a mid-range score');
  await x.evaluate(() => { window.__loadedOnce = true; });

  // Ready: the form holds the stored settings (an edit before that would be replaced by them).
  const options = await openExtensionPage(env, 'options/options.html', () => document.body.dataset.ready === 'true' && Boolean(document.querySelector('#setting-score_base')));
  const base = Number(await options.evaluate(() => document.querySelector('#setting-score_base').value));
  await options.evaluate((v) => {
    const input = document.querySelector('#setting-score_base');
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, base - 10);
  const want = String(Number(target.score) - 10);
  await until(x, `the badge re-scored to ${want}`, ([h, w]) =>
    document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`)?.getAttribute('data-followback-score') === w, [target.handle, want]);
  assert.equal(await x.evaluate(() => window.__loadedOnce), true, 'the page was not reloaded');

  // Put it back for the other tests.
  await options.evaluate((v) => {
    const input = document.querySelector('#setting-score_base');
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, base);
  await until(x, 'the badge back at its score', ([h, w]) =>
    document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`)?.getAttribute('data-followback-score') === w, [target.handle, target.score]);
  await options.close();
  await x.close();
});

test('Firefox: the popup counts the badges on the x.com tab by level', async () => {
  await closeAll();
  const x = await openList(2);
  const badges = await rowBadges(x);
  const probe = await openExtensionPage(env, 'popup/popup.html');
  const tab = await xTabId(probe);
  await probe.close();
  const popup = await openExtensionPage(env, `popup/popup.html?tab=${tab}`, () => {
    const counts = document.querySelector('#counts');
    return counts && !counts.hidden && Number(counts.querySelector('[data-level="total"] .count')?.textContent) > 0;
  });
  const shown = await popup.evaluate(() => {
    const n = (l) => Number(document.querySelector(`#counts [data-level="${l}"] .count`).textContent);
    return { total: n('total'), byLevel: Object.fromEntries(['follow_back', 'maybe', 'skip', 'not_enough_data'].map((l) => [l, n(l)])) };
  });
  const drawn = { total: badges.length, byLevel: Object.fromEntries(LEVELS.map((l) => [l, badges.filter((b) => b.level === l).length])) };
  assert.deepEqual(shown, drawn);
  await popup.close();
  await x.close();
});

test('Firefox: the audit page exports every scored account of the list as JSON', async () => {
  await closeAll();
  const x = await openList(3);
  const badges = new Map((await rowBadges(x)).map((b) => [b.handle, b]));
  const probe = await openExtensionPage(env, 'popup/popup.html');
  const tab = await xTabId(probe);
  await probe.close();
  const audit = await openExtensionPage(env, `audit/audit.html?tab=${tab}`, (n) =>
    document.body.dataset.ready === 'true' && Number(document.body.dataset.total) === n, badges.size);
  // Capture the download's Blob where the page makes it.
  await audit.evaluate(() => {
    window.__exports = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__exports.push(blob); return make.call(URL, blob); };
  });
  await audit.evaluate(() => document.querySelector('#export-list-json').click());
  const text = await until(audit, 'the export', async () => (window.__exports.length ? window.__exports[0].text() : null));
  const records = JSON.parse(text);
  assert.deepEqual(records.map((r) => r.handle).sort(), [...badges.keys()].sort(), 'every scored account of the list, once');
  for (const r of records) {
    assert.equal(r.score, Number(badges.get(r.handle).score), `score of ${r.handle} as drawn`);
    assert.equal(r.level, badges.get(r.handle).level);
  }
  await audit.close();
  await x.close();
});
