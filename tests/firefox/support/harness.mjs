// Firefox test harness: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi, with the built extension (dist/) installed as a temporary
// add-on and x.com served from the same fixtures as the Chromium tests, with
// x.com's Content-Security-Policy, by request interception.
//
// Firefox specifics:
// - The add-on's internal UUID is fixed by a preference, so its pages have a
//   known moz-extension:// origin; `--remote-allow-system-access` lets the
//   remote agent open them.
// - `waitForFunction` injects a function the page CSP blocks: `until` polls
//   with `evaluate` instead.
// - Navigations to moz-extension:// pages do not report a load over BiDi, so
//   `openExtensionPage` starts the navigation and polls for the document.

import puppeteer from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, X_CSP, resolveFixture } from '../../e2e/support/xcom-fixtures.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const UUID = '3f5c2a8e-6b1d-4c3e-9a77-0f0110ba0c1d';

function geckoId() {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/** Starts Firefox with the extension installed: { browser, extUrl(path), served, close }. */
export async function launchFirefox() {
  if (!existsSync(path.join(DIST, 'manifest.json'))) throw new Error(`${DIST}/manifest.json not found: run ./build.sh first`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX=...)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access', '--width=1000', '--height=800'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: UUID }),
      // Nothing in the background may reach the network.
      'network.dns.disableIPv6': true,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'app.update.enabled': false,
    },
  });
  await browser.installExtension(DIST);
  /** Every x.com / twimg URL a test page asked for and the fixtures answered. */
  const served = new Set();
  /** Every web URL a test page asked for. */
  const requests = [];
  const extUrl = (p) => `moz-extension://${UUID}/${p.replace(/^\//, '')}`;
  const env = { browser, extUrl, served, requests, close: () => browser.close() };
  await warmUp(env);
  return env;
}

/**
 * Loads one x.com page and waits until a payload it loaded was read. Right
 * after a temporary install, Firefox's first navigation may run without the
 * MAIN-world page hook's hand-over taking (measured: the first page's payload
 * is missed, every later page reads it), so the tests start after one page
 * that shows the whole path works.
 */
async function warmUp(env) {
  for (let i = 0; i < 5; i += 1) {
    const page = await openXPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
    const levels = await until(page, 'badges on the warm-up page', () => {
      const hosts = [...document.querySelectorAll('.followback-badge-host')];
      return hosts.length ? hosts.map((h) => h.getAttribute('data-followback-level')) : null;
    }).catch(() => []);
    await new Promise((r) => setTimeout(r, 500));
    const after = await page.evaluate(() => [...document.querySelectorAll('.followback-badge-host')].map((h) => h.getAttribute('data-followback-level')));
    await page.close();
    if (levels.length && after.some((l) => l !== 'not_enough_data')) return;
  }
  throw new Error('Firefox: no page read its payload after 5 tries');
}

/** Answers every request of `page` from the fixtures; anything else is refused. */
async function serveFixtures(env, page, extraRoutes = []) {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (!/^https?:/.test(url)) return req.continue();
    env.requests.push(url);
    for (const route of extraRoutes) {
      if (route.match.test(url)) {
        env.served.add(url);
        return req.respond({ status: 200, contentType: route.contentType, body: route.body() });
      }
    }
    const answer = resolveFixture(new URL(url));
    if (!answer) return req.abort();
    env.served.add(url);
    return req.respond({ status: answer.status, headers: answer.headers, body: answer.body });
  });
}

/** Opens an x.com fixture page under x.com's CSP; problems are logged in page.followbackLog. */
export async function openXPage(env, url, extraRoutes) {
  const page = await env.browser.newPage();
  page.followbackLog = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') page.followbackLog.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.followbackLog.push(`pageerror: ${e.message}`));
  await serveFixtures(env, page, extraRoutes);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Opens an extension page and waits until its document has loaded. */
export async function openExtensionPage(env, p, ready = () => true, arg) {
  const page = await env.browser.newPage();
  page.goto(env.extUrl(p), { timeout: 5_000 }).catch(() => {});
  await until(page, `${p} loaded`, () => location.protocol === 'moz-extension:' && document.readyState === 'complete');
  await until(page, `${p} ready`, ready, arg);
  return page;
}

/** Polls `check` in the page (no injected wait function: the page CSP blocks those) until it is truthy. */
export async function until(page, what, check, arg, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.evaluate(check, arg);
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
