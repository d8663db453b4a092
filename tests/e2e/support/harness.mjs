// Browser test harness: Debian's Chromium with the built extension (dist/)
// loaded, x.com served from fixtures with x.com's Content-Security-Policy,
// and every request the browser makes recorded.

import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, FIXTURES, NONCE, X_CSP, resolveFixture } from './xcom-fixtures.mjs';
import { SEL } from '../../../extension/content/selectors.js';
import { BIDI_MARKS_PATTERN } from '../../../extension/shared/x-account.js';

/** X's selectors, from the content script's own table (a change at X is one edit there). */
export { SEL };

export { ROOT, DIST, FIXTURES, NONCE, X_CSP };
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Launches Chromium with the extension (a fresh profile unless `userDataDir`
 * names one to reuse, e.g. to test a restart). A fresh install opens the
 * welcome tab once; it is closed before this returns unless `keepWelcome`
 * (so no test races with it). `args` adds Chromium switches (e.g. `--lang=de`:
 * Debian's Chromium serves the extension's _locales in that language).
 * `ignoreHTTPSErrors` lets a test route a request to its own local HTTPS
 * server (a self-signed certificate). Returns
 * { context, extensionId, worker, requests, served, close }.
 */
export async function launch({ userDataDir = '', keepWelcome = false, args = [], ignoreHTTPSErrors = false } = {}) {
  if (!existsSync(path.join(DIST, 'manifest.json'))) {
    throw new Error(`${DIST}/manifest.json not found: run ./build.sh first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=...)`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors,
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...args,
    ],
  });

  /** Every request any page, worker or the extension made: { url, method, kind }. */
  const requests = [];
  /** URLs this harness answered on purpose (the fixtures' own loads). */
  const served = new Set();

  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), kind: r.resourceType() }));

  // Anything not routed below never leaves the machine.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'http:' || url.protocol === 'https:') return route.abort('blockedbyclient');
    return route.continue();
  });
  // The fake x.com (and twimg.com): the same site the Firefox tests are served.
  await context.route(/^https:\/\/(x\.com|pbs\.twimg\.com|abs\.twimg\.com)\//, (route) => {
    const url = new URL(route.request().url());
    const answer = resolveFixture(url);
    if (!answer) return route.abort('blockedbyclient');
    if (answer.status === 200) served.add(url.href);
    return route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });

  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  if (!keepWelcome) {
    const isWelcome = (p) => p.url().endsWith('/welcome/welcome.html');
    for (let i = 0; i < 100 && !context.pages().some(isWelcome); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const p of context.pages().filter(isWelcome)) await p.close();
  }

  const close = async () => {
    await context.close();
  };
  return { context, extensionId, worker, requests, served, close };
}

/**
 * An extension page (the options page) to read chrome.storage and send messages
 * from: the extension's own origin, whatever the worker's state.
 */
export async function extensionPage(env) {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  return page;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops the extension's service worker (CDP's stopAllWorkers, up to three
 * times); resolves once CDP reports it stopped, throws if it never does.
 * @param {{ context: any, extensionId: string }} env
 */
export async function stopWorker(env) {
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  let isStopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    if (e.versions.some((v) => v.scriptURL.includes(env.extensionId) && v.runningStatus === 'stopped')) isStopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  for (let attempt = 0; attempt < 3 && !isStopped; attempt += 1) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 250 && !isStopped; i += 1) await sleep(20);
  }
  await cdp.detach();
  await page.close();
  if (!isStopped) throw new Error('the service worker did not report stopped after three requests');
}

/** Calls `read()` every 100 ms until it returns something truthy (that value); fails with `what` after `tries`. */
export async function until(what, read, tries = 300) {
  for (let i = 0; i < tries; i += 1) {
    const got = await read();
    if (got) return got;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Opens `url` in a new page, recording console errors/warnings and page errors. */
export async function openPage(env, url) {
  const page = await env.context.newPage();
  const log = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => log.push(`pageerror: ${err.message}`));
  page.followbackLog = log;
  await page.goto(url);
  return page;
}

/** What the page-side helpers below need: X's selectors and the bidi marks around shown handles. */
const PAGE_SEL = { userCell: SEL.userCell, profileName: SEL.profileName, handleLink: 'a[tabindex="-1"][href]', bidi: BIDI_MARKS_PATTERN };

/** Every badge host on the page: [{ handle, score, level, rowHandle, badgeText, ariaLabel }]. */
export function readBadges(page) {
  return page.evaluate((sel) => {
    const shown = (a) => a.textContent.replace(new RegExp(sel.bidi, 'g'), '');
    return [...document.querySelectorAll('.followback-badge-host')].map((host) => {
      const cell = host.closest(sel.userCell);
      let rowHandle = null;
      if (cell) {
        const link = [...cell.querySelectorAll(sel.handleLink)].find((a) => shown(a).startsWith('@'));
        rowHandle = link ? shown(link).slice(1) : null;
      }
      const badge = host.shadowRoot && host.shadowRoot.querySelector('[role="button"]');
      return {
        handle: host.getAttribute('data-followback-handle'),
        score: host.getAttribute('data-followback-score'),
        level: host.getAttribute('data-followback-level'),
        rowHandle,
        inProfile: Boolean(host.closest(sel.profileName)),
        badgeText: badge ? badge.textContent : null,
        ariaLabel: badge ? badge.getAttribute('aria-label') : null,
        tabindex: badge ? badge.getAttribute('tabindex') : null,
      };
    });
  }, PAGE_SEL);
}

/** The handles the fixture rows show now, in order. */
export function rowHandles(page) {
  return page.evaluate((sel) => {
    const shown = (a) => a.textContent.replace(new RegExp(sel.bidi, 'g'), '');
    return [...document.querySelectorAll(sel.userCell)].map((cell) => {
      const link = [...cell.querySelectorAll(sel.handleLink)].find((a) => shown(a).startsWith('@'));
      return link ? shown(link).slice(1) : null;
    });
  }, PAGE_SEL);
}

/** Waits until every row shows exactly one badge, for the account it shows. */
export async function waitForRowBadges(page) {
  await page.waitForFunction((sel) => {
    const shown = (a) => a.textContent.replace(new RegExp(sel.bidi, 'g'), '');
    const cells = [...document.querySelectorAll(sel.userCell)];
    if (cells.length === 0) return false;
    return cells.every((cell) => {
      const link = [...cell.querySelectorAll(sel.handleLink)].find((a) => shown(a).startsWith('@'));
      const hosts = cell.querySelectorAll('.followback-badge-host');
      return link && hosts.length === 1 && hosts[0].getAttribute('data-followback-handle') === shown(link).slice(1);
    });
  }, PAGE_SEL);
}

/**
 * Starts recording, in the service worker, every message it receives (a
 * second listener beside the worker's own, and the worker's port tap for what
 * comes over its port; it never answers). Read them with
 * `recordedMessages`. Recording ends when the worker stops.
 */
export async function recordMessages(env) {
  await env.worker.evaluate(() => {
    if (self.__followbackRecorded) return;
    self.__followbackRecorded = [];
    const record = (message, sender) => {
      if (message && typeof message.type === 'string') {
        self.__followbackRecorded.push({ message: JSON.parse(JSON.stringify(message)), from: sender && sender.url ? sender.url : null });
      }
    };
    chrome.runtime.onMessage.addListener((message, sender) => {
      record(message, sender);
      return false;
    });
    // What comes over the worker's port (the content script's requests): the worker calls this tap.
    self.__followbackPortTap = record;
  });
}

/** The messages of `type` the worker received since `recordMessages`, oldest first. */
export function recordedMessages(env, type) {
  return env.worker.evaluate((t) => (self.__followbackRecorded || []).filter((r) => r.message.type === t).map((r) => r.message), type);
}

/** The DomFacts the content script last sent for `handle` (in an `fb:verdicts` request), or null. */
export async function sentFacts(env, handle) {
  const batches = await recordedMessages(env, 'fb:verdicts');
  let last = null;
  for (const m of batches) {
    for (const r of m.requests || []) {
      if (r && r.dom && String(r.dom.handle).toLowerCase() === handle.toLowerCase()) last = r.dom;
    }
  }
  return last;
}

/** The open breakdown: { handle, text, labels, lines: [{label, points, seen, threshold, reason}] } or null. */
export function readBreakdown(page) {
  return page.evaluate(() => {
    const pop = document.querySelector('.followback-breakdown-host');
    if (!pop || !pop.shadowRoot) return null;
    const root = pop.shadowRoot;
    const q = (el, sel) => (el.querySelector(sel) ? el.querySelector(sel).textContent : null);
    return {
      handle: pop.getAttribute('data-followback-handle'),
      role: root.querySelector('[role="dialog"]') ? 'dialog' : null,
      text: root.textContent,
      elementTags: [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
      lines: [...root.querySelectorAll('li.evidence')].map((li) => ({
        signal: li.getAttribute('data-signal'),
        label: q(li, '.label'),
        points: q(li, '.points'),
        seen: q(li, '.seen'),
        unseen: li.querySelector('.seen.unseen') !== null,
        threshold: q(li, '.threshold'),
        reason: q(li, '.reason'),
      })),
    };
  });
}

/** Only the console lines that come from the extension (or mention it). */
export function extensionConsoleProblems(page, extensionId) {
  return page.followbackLog.filter((line) => /followback/i.test(line) || line.includes(extensionId));
}

/**
 * The tabs where Followback's content script runs (it answers `fb:page-stats`),
 * as the extension sees them. Without host permissions the extension cannot
 * query tabs by URL, so this asks each tab instead.
 */
export function contentTabs(env) {
  return env.worker.evaluate(async () => {
    const out = [];
    for (const t of await chrome.tabs.query({})) {
      const r = await chrome.tabs.sendMessage(t.id, { type: 'fb:page-stats' }).catch(() => null);
      if (r && typeof r.total === 'number') out.push(t);
    }
    return out;
  });
}

/** The id of the one open tab where the content script runs (fails the test when there are more or none). */
export async function xTabId(env) {
  const tabs = await contentTabs(env);
  if (tabs.length !== 1) throw new Error(`expected one x.com tab with the content script, found ${tabs.length}`);
  return tabs[0].id;
}

// ---- The options page and the settings, for the tests that change them ----

/** The options page's URL. */
export const optionsUrl = (env) => `chrome-extension://${env.extensionId}/options/options.html`;

/** The options form's input for a setting id (ids are made CSS-safe as the form makes them). */
export const settingField = (id) => `#setting-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** `{ schema, defaults }` read from the wasm core directly (not through the options page's code). */
export async function coreSettings(env) {
  const page = await openPage(env, optionsUrl(env));
  const out = await page.evaluate(async () => {
    const core = await import(chrome.runtime.getURL('core/followback.js'));
    await core.default({ module_or_path: chrome.runtime.getURL('core/followback_bg.wasm') });
    return { schema: core.settingsSchema(), defaults: core.defaultSettings() };
  });
  await page.close();
  return out;
}

/** Closes every page and removes the settings (and `also`, more local keys) so a test starts from the defaults. */
export async function resetSettings(env, also = []) {
  for (const p of env.context.pages()) await p.close();
  await env.worker.evaluate(async (more) => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.remove(['settings', 'settingsStore', ...more]);
  }, also);
}
