// First run: installing the extension opens the welcome page once (not again
// when the browser restarts with the same profile); the page explains the
// badge legend, what is read, and links to the options; it makes no network
// request; the popup links to it. Saves docs/screenshots/welcome.png.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openPage, SCREENSHOTS, extensionConsoleProblems } from './support/harness.mjs';

const profile = mkdtempSync(path.join(tmpdir(), 'fb-first-run-'));
let env = null;

after(async () => {
  if (env) await env.close();
  rmSync(profile, { recursive: true, force: true });
});

const isWelcome = (p) => p.url().endsWith('/welcome/welcome.html');

/** Waits up to `ms` for the welcome tab; returns the tabs that show it. */
async function welcomeTabs(context, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end && !context.pages().some(isWelcome)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return context.pages().filter(isWelcome);
}

test('installing opens the welcome page once; a restart does not open it again', async () => {
  env = await launch({ userDataDir: profile, keepWelcome: true });
  const first = await welcomeTabs(env.context, 10_000);
  assert.equal(first.length, 1, 'one welcome tab on install');
  const welcome = first[0];
  assert.equal(new URL(welcome.url()).host, env.extensionId, 'an extension page');
  // Record console problems from here on (the tab opened before the test could listen).
  welcome.followbackLog = [];
  welcome.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') welcome.followbackLog.push(`${m.type()}: ${m.text()}`); });
  welcome.on('pageerror', (e) => welcome.followbackLog.push(`pageerror: ${e.message}`));
  await welcome.reload();
  await welcome.waitForSelector('body[data-ready="true"]');

  // The legend: every level, and the hollow low-confidence badge.
  const legend = await welcome.evaluate(() =>
    [...document.querySelectorAll('#legend li')].map((li) => {
      const badge = li.querySelector('.badge');
      const style = getComputedStyle(badge);
      return { level: li.dataset.level, text: li.textContent, background: style.backgroundColor, border: style.borderStyle };
    }));
  assert.deepEqual(legend.map((l) => l.level), ['follow_back', 'maybe', 'skip', 'not_enough_data', 'low']);
  const low = legend.find((l) => l.level === 'low');
  assert.equal(low.border, 'dashed', 'low confidence is drawn dashed');
  assert.equal(low.background, 'rgba(0, 0, 0, 0)', 'and hollow');
  assert.notEqual(legend[0].background, 'rgba(0, 0, 0, 0)', 'a confident badge is filled');
  assert.match(low.text, /low confidence/i);
  const text = await welcome.textContent('main');
  assert.match(text, /Nothing leaves this browser/);
  assert.match(text, /breakdown/);
  assert.match(text, /Escape/);
  const optionsHref = await welcome.getAttribute('#open-options', 'href');
  assert.equal(optionsHref, '../options/options.html');

  await welcome.setViewportSize({ width: 1000, height: 1100 });
  await welcome.screenshot({ path: path.join(SCREENSHOTS, 'welcome.png'), fullPage: true });

  // The options link opens the options page.
  const [options] = await Promise.all([
    env.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options/options.html') }),
    welcome.click('#open-options'),
  ]);
  await options.waitForSelector('body[data-ready="true"]');

  // Nothing but the extension's own files was requested.
  const outside = env.requests.filter((r) => !r.url.startsWith(`chrome-extension://${env.extensionId}/`));
  assert.deepEqual(outside, [], 'the welcome and options pages made no network request');
  assert.deepEqual(extensionConsoleProblems(welcome, env.extensionId), []);
  assert.equal(await env.worker.evaluate(async () => (await chrome.storage.local.get('welcomeShown')).welcomeShown), true);
  await env.close();
  env = null;

  // Same profile, browser started again: no second welcome tab.
  env = await launch({ userDataDir: profile, keepWelcome: true });
  const again = await welcomeTabs(env.context, 3_000);
  assert.equal(again.length, 0, `no welcome tab after a restart: ${again.map((p) => p.url())}`);
});

test('the popup links to the welcome page', async () => {
  if (!env) env = await launch({ userDataDir: profile, keepWelcome: true });
  const popup = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html`);
  const href = await popup.getAttribute('#open-welcome', 'href');
  assert.equal(new URL(href, popup.url()).pathname, '/welcome/welcome.html');
  const [page] = await Promise.all([
    env.context.waitForEvent('page', { predicate: isWelcome }),
    popup.click('#open-welcome'),
  ]);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('h1'), /Welcome to Followback/);
});
