// The content script's per-frame cost, as a person's page sees it (issue 14):
// - every badge's shadow root adopts one shared constructable stylesheet and
//   carries no <style> of its own, under x.com's CSP, and the badge still looks
//   the same (its pill takes the level's colour, its size the same rule);
// - a page observer registered while the page is parsed (before the content
//   script has read its settings, as X's app and the bench's list are) sees
//   every row whose payload came first with its badge already in it.
// (Page-level changes are still seen while rows are handled in the observer's
// turn: selfcheck.test.mjs removes the side bar naming the viewer and the chip
// becomes a badge; profile.test.mjs and notifications.test.mjs draw theirs.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SEL, NONCE, launch, openPage, waitForRowBadges, xTabId, extensionConsoleProblems } from './support/harness.mjs';
import { resolveFixture } from './support/xcom-fixtures.mjs';

let env;
let ext;

before(async () => {
  env = await launch();
  ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
});
after(async () => {
  if (env) await env.close();
});

/** How many verdicts the content script keeps (fb:page-stats `cached`). */
async function cached() {
  const tabId = await xTabId(env);
  const stats = await ext.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'fb:page-stats' }), tabId);
  return stats && stats.ok ? stats.cached : -1;
}

test('every badge adopts the one shared stylesheet, carries no <style>, and looks as before under x.com CSP', async (t) => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  t.after(() => page.close());
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const seen = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll('.followback-badge-host')];
    const first = hosts[0].shadowRoot.adoptedStyleSheets[0];
    return {
      hosts: hosts.length,
      adopted: hosts.map((h) => h.shadowRoot.adoptedStyleSheets.length),
      shared: hosts.every((h) => h.shadowRoot.adoptedStyleSheets[0] === first),
      styles: hosts.reduce((n, h) => n + h.shadowRoot.querySelectorAll('style').length, 0),
      rules: first ? first.cssRules.length : 0,
      looks: hosts.map((h) => {
        const pill = h.shadowRoot.querySelector('.pill');
        const badge = h.shadowRoot.querySelector('.badge');
        const ps = getComputedStyle(pill);
        const bs = getComputedStyle(badge);
        return {
          level: h.getAttribute('data-followback-level'),
          low: badge.getAttribute('data-confidence') === 'low',
          border: ps.borderTopColor,
          background: ps.backgroundColor,
          radius: ps.borderTopLeftRadius,
          minHeight: bs.minHeight,
          cursor: bs.cursor,
          hostMargin: getComputedStyle(h).marginLeft,
          hostAlign: getComputedStyle(h).verticalAlign,
        };
      }),
      violations: window.__violations,
    };
  });
  assert.ok(seen.hosts >= 5, `badges drawn (${seen.hosts})`);
  assert.deepEqual(seen.adopted, new Array(seen.hosts).fill(1), 'each shadow root adopts exactly one sheet');
  assert.equal(seen.shared, true, 'every shadow root adopts the same sheet');
  assert.equal(seen.styles, 0, 'no shadow root carries a <style> of its own');
  assert.ok(seen.rules >= 10, `the shared sheet holds the badge rules (${seen.rules})`);
  const { LEVELS } = await import('../../extension/shared/levels.js');
  const colour = (hex) => {
    const n = parseInt(hex.replace('#', ''), 16);
    return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
  };
  for (const look of seen.looks) {
    const level = LEVELS.find((l) => l.id === look.level);
    assert.ok(level, `a known level: ${JSON.stringify(look)}`);
    // The pill's outline is the level's colour; filled unless hollow (low confidence, not enough data).
    assert.equal(look.border, colour(level.light), `outline in the level's colour: ${JSON.stringify(look)}`);
    const hollow = look.low || look.level === 'not_enough_data';
    assert.equal(look.background, hollow ? 'rgba(0, 0, 0, 0)' : colour(level.light), `fill: ${JSON.stringify(look)}`);
    assert.equal(look.radius, '999px');
    assert.equal(look.minHeight, '24px', 'the 24 px click target');
    assert.equal(look.cursor, 'pointer');
    assert.equal(look.hostMargin, '2px', ':host rules apply');
    assert.equal(look.hostAlign, 'middle', ':host rules apply');
  }
  assert.deepEqual(seen.violations, [], 'no CSP violation');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

/**
 * The followers fixture with a page observer registered in <head>, while the
 * page is parsed (before the content script has its settings): for every row
 * put in, whether its badge was in it when this observer saw it.
 */
async function routeEarlyObserver(page) {
  await page.route(/^https:\/\/x\.com\/viewer_me\/followers\?.*early_observer=1/, (route) => {
    const answer = resolveFixture(new URL(route.request().url().replace(/[?&]early_observer=1/, '')));
    const script = `<script nonce="${NONCE}">
      (() => {
        const c = { inserted: 0, without: [] };
        window.__early = c;
        const handleOf = (cell) => {
          const a = [...cell.querySelectorAll('a[tabindex="-1"][href]')].find((x) => x.textContent.startsWith('@'));
          return a ? a.textContent.slice(1) : null;
        };
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (n.nodeType !== 1 || !n.isConnected) continue;
              const cells = n.matches(${JSON.stringify(SEL.userCell)}) ? [n] : [...n.querySelectorAll(${JSON.stringify(SEL.userCell)})];
              for (const cell of cells) {
                if (!window.__watch) continue;
                const h = handleOf(cell);
                const host = h && cell.querySelector('.followback-badge-host[data-followback-handle="' + h + '"]');
                c.inserted += 1;
                if (!host || !host.hasAttribute('data-followback-score')) c.without.push(h);
              }
            }
          }
        }).observe(document.documentElement, { childList: true, subtree: true });
      })();
    </script>`;
    const body = String(answer.body).replace('<head>', `<head>\n${script}`);
    return route.fulfill({ status: answer.status, headers: answer.headers, body });
  });
}

test('a page observer registered while the page is parsed sees each payload-first row with its badge', async (t) => {
  const page = await env.context.newPage();
  t.after(() => page.close());
  // What openPage records, for extensionConsoleProblems (this page needs its route before the first load).
  page.followbackLog = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') page.followbackLog.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.followbackLog.push(`pageerror: ${err.message}`));
  await routeEarlyObserver(page);
  await page.goto('https://x.com/viewer_me/followers?fixture=gen3_page1&early_observer=1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const start = await cached();
  // The payload first (X's XHR), its rows later, one a frame, as X renders them.
  const users = await page.evaluate(async () => {
    const f = window.__fixture;
    const payload = await f.xhrJson('/i/api/graphql/FrameQuery/Followers?variables=%7B%7D&fixture=gen3_page2');
    return f.usersOf(payload);
  });
  assert.ok(users.length >= 3, `the second page has users (${users.length})`);
  for (let i = 0; i < 150 && (await cached()) < start + users.length; i += 1) await page.waitForTimeout(100);
  assert.ok((await cached()) >= start + users.length, 'the payload reached the tab');
  const early = await page.evaluate(async (list) => {
    window.__watch = true;
    for (const u of list) {
      window.__fixture.addRow(u);
      await new Promise((r) => requestAnimationFrame(r));
    }
    window.__watch = false;
    return window.__early;
  }, users);
  assert.equal(early.inserted, users.length, `the page's observer saw every row go in (${early.inserted})`);
  assert.deepEqual(early.without, [], 'no row without its badge when the page observer saw it');
  await waitForRowBadges(page);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});
