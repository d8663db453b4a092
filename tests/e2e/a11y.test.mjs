// Accessibility checked by machine: axe-core (pinned in package.json) finds 0
// violations of WCAG 2.2 A/AA and best practices on a list page with badges and
// an open breakdown (light and dark themes), and on the popup, options and
// audit pages (light and dark colour schemes).
//
// axe is injected with page.evaluate(source): the DevTools protocol evaluates
// it outside the page's Content-Security-Policy, where a <script> tag
// (addScriptTag) would be refused by x.com's CSP (script-src with a nonce).
// On x.com only Followback's own elements are checked (the fixture page's
// markup is a stand-in for X's, not ours to fix).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openPage, waitForRowBadges, xTabId } from './support/harness.mjs';
import { darkTheme } from './support/theme.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});

/** axe's violations on `page` (within `include` selectors, or the whole document). */
async function axe(page, include = null) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include: inc }) => {
      const r = await window.axe.run(inc ? { include: inc } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        count: v.nodes.length,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1).join(' ').trim()}`),
      }));
    },
    { tags: TAGS, include },
  );
}

const OURS = ['.followback-badge-host', '.followback-breakdown-host'];

test('axe: injection works under x.com\'s CSP, where a script tag is refused', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  const tag = await page.addScriptTag({ content: 'window.__tagRan = true;' }).then(() => 'added', (e) => `refused: ${e.message}`);
  assert.equal(await page.evaluate(() => window.__tagRan === true), false, `an inline script tag does not run under the CSP (${tag})`);
  await page.evaluate(AXE_SOURCE);
  assert.equal(await page.evaluate(() => typeof window.axe.run), 'function', 'axe loaded by evaluate');
  // Control: axe sees into shadow roots built like our badges' and reports what is wrong there.
  // (Not named like our hosts: the content script removes a badge host it did not draw.)
  await page.evaluate(() => {
    const host = document.createElement('span');
    host.className = 'axe-control-host';
    host.setAttribute('data-followback-handle', 'control');
    const root = host.attachShadow({ mode: 'open' });
    const bad = document.createElement('span');
    bad.textContent = 'pale';
    bad.style.cssText = 'color:#ddd;background:#fff';
    const button = document.createElement('span');
    button.setAttribute('role', 'button');
    button.tabIndex = 0;
    root.append(bad, button);
    document.body.append(host);
  });
  const control = await axe(page, ['.axe-control-host[data-followback-handle="control"]']);
  assert.deepEqual(control.map((v) => v.id).sort(), ['aria-command-name', 'color-contrast'], JSON.stringify(control));
  await page.close();
});

for (const theme of ['light', 'dark']) {
  test(`axe: 0 violations on a list page with badges and an open breakdown (${theme})`, async () => {
    const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
    await page.waitForSelector('body[data-rendered]');
    await waitForRowBadges(page);
    if (theme === 'dark') {
      await darkTheme(page);
      await page.waitForSelector('.followback-badge-host[data-theme="dark"]');
    }
    const badgesOnly = await axe(page, OURS);
    assert.deepEqual(badgesOnly, [], `badges: ${JSON.stringify(badgesOnly, null, 1)}`);
    await page.click('.followback-badge-host[data-followback-handle="tfb_growth99"] >> [role="button"]');
    await page.waitForSelector(`.followback-breakdown-host[data-theme="${theme}"]`);
    const open = await axe(page, OURS);
    assert.deepEqual(open, [], `open breakdown: ${JSON.stringify(open, null, 1)}`);
    // With every disclosure open too (every fact, the legend).
    await page.evaluate(() => {
      for (const d of document.querySelector('.followback-breakdown-host').shadowRoot.querySelectorAll('details')) d.open = true;
    });
    const all = await axe(page, OURS);
    assert.deepEqual(all, [], `every fact and the legend: ${JSON.stringify(all, null, 1)}`);
    await page.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe: 0 violations on the popup, options and audit pages (${scheme})`, async () => {
    const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
    await x.waitForSelector('body[data-rendered]');
    await waitForRowBadges(x);
    const tabId = await xTabId(env);
    const base = `chrome-extension://${env.extensionId}`;
    const pages = [
      [`${base}/popup/popup.html?tab=${tabId}`, 'body[data-ready="true"]'],
      [`${base}/options/options.html`, 'body'],
      [`${base}/audit/audit.html?tab=${tabId}`, 'body[data-ready="true"]'],
    ];
    for (const [url, ready] of pages) {
      const page = await env.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      await page.waitForSelector(ready);
      await page.waitForTimeout(400);
      // Open every disclosure so what it holds is checked too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      const found = await axe(page);
      assert.deepEqual(found, [], `${url}: ${JSON.stringify(found, null, 1)}`);
      await page.close();
    }
    await x.close();
  });
}

test('one legend: the breakdown and the popup show the same text, every level with its glyph', async () => {
  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  await x.click('.followback-badge-host[data-followback-handle="ada_builds"] >> [role="button"]');
  await x.waitForSelector('.followback-breakdown-host');
  const readLegend = (root) => {
    const box = root.querySelector('.legend');
    return {
      text: box.textContent,
      glyphs: [...box.querySelectorAll('.legend-mark[data-level] svg')].map((s) => s.getAttribute('data-glyph')),
    };
  };
  const inBreakdown = await x.evaluate(`(${readLegend})(document.querySelector('.followback-breakdown-host').shadowRoot)`);
  const tabId = await xTabId(env);
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready="true"]');
  const inPopup = await popup.evaluate(`(${readLegend})(document)`);
  assert.deepEqual(inBreakdown.glyphs, ['check', 'dash', 'cross', 'question']);
  assert.deepEqual(inPopup, inBreakdown, 'one legend');
  for (const words of ['Follow back', 'Maybe', 'Skip', 'Not enough data', 'Hollow', 'Pin', 'score from 0 to 100']) {
    assert.ok(inPopup.text.includes(words), `the legend explains ${words}`);
  }
  await popup.close();
  await x.close();
});
