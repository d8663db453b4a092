// The breakdown: opened by click or keyboard on a badge (never triggering X's
// row navigation), lists every evidence line, closes on Escape and outside
// clicks. Hostile text from X shows as text and runs nothing. Also saves the
// README screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, readBadges, waitForRowBadges, readBreakdown, extensionConsoleProblems, SCREENSHOTS, SEL } from './support/harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});

const badgeSelector = (handle) => `.followback-badge-host[data-followback-handle="${handle}"] >> [role="button"]`;

function assertCompleteBreakdown(b, handle) {
  assert.ok(b, 'the breakdown is open');
  assert.equal(b.handle, handle);
  assert.equal(b.role, 'dialog');
  assert.match(b.text, new RegExp(`@${handle}`));
  assert.match(b.text, /Confidence: (low|medium|high)/);
  assert.ok(b.lines.length > 0, 'the breakdown lists evidence lines');
  for (const line of b.lines) {
    assert.ok(line.label && line.label.trim().length > 0, `every line has a label: ${JSON.stringify(line)}`);
    assert.match(line.points, /^([+\u2212]\d+|0)$/, 'points are signed');
    assert.match(line.seen, /^Seen: /);
    if (line.unseen) assert.equal(line.seen, 'Seen: not seen yet');
    assert.match(line.threshold, /^Threshold: /);
    assert.ok(line.reason && line.reason.trim().length > 0, `every line has a reason: ${JSON.stringify(line)}`);
  }
}

test('click opens the breakdown without navigating the row; Escape closes it; screenshots', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'followers.png'), clip: { x: 180, y: 0, width: 640, height: 560 } });

  await page.click(badgeSelector('tfb_growth99'));
  await page.waitForSelector('.followback-breakdown-host');
  const b = await readBreakdown(page);
  assertCompleteBreakdown(b, 'tfb_growth99');
  // The labels are the Verdict's own evidence labels, one per line, each shown once.
  const labels = b.lines.map((l) => l.label);
  assert.equal(new Set(b.lines.map((l) => l.signal)).size, labels.length, 'one line per signal');
  assert.equal(await page.evaluate(() => window.__rowClicks || 0), 0, 'the row did not see the click');
  const expanded = await page.getAttribute(badgeSelector('tfb_growth99'), 'aria-expanded');
  assert.equal(expanded, 'true');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'breakdown.png'), clip: { x: 180, y: 0, width: 640, height: 760 } });

  await page.keyboard.press('Escape');
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });

  // Open again, then a click elsewhere on the page closes it.
  await page.click(badgeSelector('ada_builds'));
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="ada_builds"]');
  await page.mouse.click(10, 10);
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  assert.equal(await page.evaluate(() => window.__rowClicks || 0), 0);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('keyboard: Tab to a badge, Enter opens, Escape closes and returns focus', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  await page.focus(badgeSelector('maria_ok'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="maria_ok"]');
  assertCompleteBreakdown(await readBreakdown(page), 'maria_ok');
  assert.equal(await page.evaluate(() => window.__rowClicks || 0), 0, 'Enter on the badge did not activate the row');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  const focused = await page.evaluate(() => {
    const host = document.activeElement;
    return host && host.classList.contains('followback-badge-host') ? host.getAttribute('data-followback-handle') : null;
  });
  assert.equal(focused, 'maria_ok', 'focus went back to the badge');
  // Space opens it too.
  await page.keyboard.press(' ');
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="maria_ok"]');
  await page.keyboard.press('Escape');
  await page.close();
});

test('hostile bio and name show as text and run nothing', async () => {
  const page = await openPage(env, 'https://x.com/hostile_host/followers?fixture=hostile');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => b.handle).sort(), ['hostile_bio', 'plain_neighbour']);
  for (const b of badges) assert.match(b.badgeText, /^(\d{1,3}|\?)$/);

  await page.click(badgeSelector('hostile_bio'));
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="hostile_bio"]');
  const b = await readBreakdown(page);
  assertCompleteBreakdown(b, 'hostile_bio');
  const allowed = new Set(['style', 'div', 'h2', 'button', 'p', 'ol', 'li', 'span']);
  for (const tag of b.elementTags) assert.ok(allowed.has(tag), `only the breakdown's own elements (found <${tag}>)`);

  const probe = await page.evaluate((cellSel) => {
    const roots = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return {
      pwned: window.__followbackPwned ?? null,
      injected: roots.flatMap((r) => [...r.querySelectorAll('img[src="x"], script:not([src]):not([nonce]), svg[onload], b[onmouseover]')]).length,
      bioShownAsText: [...document.querySelectorAll(`${cellSel} div[dir="auto"]`)].some((d) => d.textContent.includes('<script>')),
    };
  }, SEL.userCell);
  assert.equal(probe.pwned, null, 'no hostile handler ran');
  assert.equal(probe.injected, 0, 'no hostile element exists in the page or any shadow root');
  assert.ok(probe.bioShownAsText, 'the fixture shows the hostile bio as text');
  assert.ok(!env.requests.some((r) => r.url === 'https://x.com/x'), 'no hostile <img src=x> was ever loaded');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});
