// Robustness, security and privacy in the browser:
// - hostile text wherever X shows text (markup, bidi overrides, zero-width
//   characters, 10,000-character strings, emoji sequences) is shown as text,
//   runs nothing and breaks no layout;
// - faults: the service worker stopped mid-scroll, chrome.storage.local full,
//   X's markup without the expected test ids, payloads of an unknown shape or
//   cut off (counted in the popup's Diagnostics);
// - privacy: a whole session sends nothing the test did not serve, and the
//   built package asks for no more than it needs (static checks of dist/).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, readBadges, rowHandles, waitForRowBadges, readBreakdown, extensionConsoleProblems, DIST, FIXTURES, SEL, extensionPage, sleep, until, stopWorker } from './support/harness.mjs';

let env;
/** An extension page: storage and messages from the extension's own origin. */
let ext;

before(async () => {
  env = await launch();
  ext = await extensionPage(env);
});
after(async () => {
  if (env) await env.close();
});

const send = (message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
const debugStats = async () => {
  const s = await send({ type: 'fb:debug-stats' });
  assert.equal(s.ok, true, JSON.stringify(s));
  return s;
};

async function savedMemory() {
  // Saved record by record in the worker's IndexedDB (shared/memory-store.js).
  const m = JSON.parse(await ext.evaluate(async () => (await import('/shared/memory-store.js')).savedMemoryText()));
  return m.entries.length ? m : null;
}
const savedHandles = (m) => new Set((m ? m.entries : []).map((e) => String(e.account.handle).toLowerCase()));

/** The running service worker of the extension (woken by a message first). */
async function runningWorker() {
  await send({ type: 'fb:debug-stats' });
  return until('the running service worker', async () => {
    const workers = env.context.serviceWorkers().filter((w) => w.url().includes(env.extensionId));
    return workers.length ? workers[workers.length - 1] : null;
  });
}

/** Elements that could only come from hostile data, in the document and every shadow root. */
function injectedElements(page) {
  return page.evaluate(() => {
    const roots = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const sel = 'img[src="x"], script:not([nonce]), svg, iframe, b[onmouseover], a[href^="javascript:"], [onerror], [onload]';
    // Followback's own level glyphs (extension/shared/levels.js) live only in its shadow roots.
    const ours = (r, e) => r !== document && e.matches('svg[data-glyph][aria-hidden="true"]') && e.children.length === 1 && e.firstElementChild.tagName === 'path';
    return roots.flatMap((r) => [...r.querySelectorAll(sel)].filter((e) => !ours(r, e)).map((e) => e.outerHTML.slice(0, 80)));
  });
}

const badgeSelector = (handle) => `.followback-badge-host[data-followback-handle="${handle}"] >> [role="button"]`;
const ROBUST = ['rb_markup', 'rb_bidi', 'rb_long', 'rb_emoji', 'rb_plain'];

test('hostile text everywhere X shows text is shown as text, runs nothing and keeps the layout', async () => {
  const page = await openPage(env, 'https://x.com/robust_host/followers?fixture=robust&tweets=robust_tweets');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => b.handle).sort(), [...ROBUST].sort(), 'one badge per account');
  for (const b of badges) assert.match(b.badgeText, /^(\d{1,3}|\?)$/, JSON.stringify(b));

  // The page itself shows the hostile name and bio as text (as X does).
  const shown = await page.evaluate((cellSel) => [...document.querySelectorAll(cellSel)].map((c) => c.textContent).join('\n'), SEL.userCell);
  assert.ok(shown.includes('<img src=x onerror=window.__pwned=1>'), 'the fixture shows the markup as text');

  // Small badges whatever the text beside them.
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.followback-badge-host')].map((h) => {
      const r = h.getBoundingClientRect();
      return { handle: h.getAttribute('data-followback-handle'), width: r.width, height: r.height };
    }),
  );
  for (const b of boxes) {
    assert.ok(b.width > 0 && b.width < 80, `badge of ${b.handle} stays small: ${JSON.stringify(b)}`);
    assert.ok(b.height > 0 && b.height < 80, `badge of ${b.handle} stays small: ${JSON.stringify(b)}`);
  }

  const wraps = new Set();
  for (const handle of ROBUST) {
    await page.click(badgeSelector(handle));
    await page.waitForSelector(`.followback-breakdown-host[data-followback-handle="${handle}"]`);
    const b = await readBreakdown(page);
    assert.ok(b && b.lines.length > 0, `${handle}: the breakdown lists evidence`);
    const allowed = new Set(['style', 'div', 'h2', 'h3', 'section', 'details', 'summary', 'dl', 'dt', 'dd', 'button', 'p', 'ol', 'li', 'span', 'svg', 'path']);
    for (const tag of b.elementTags) assert.ok(allowed.has(tag), `${handle}: only the breakdown's own elements (found <${tag}>)`);
    if (handle === 'rb_markup') {
      assert.ok(b.text.includes('<img'), `the hostile bio shows as text: ${b.text.slice(0, 400)}`);
    }
    if (handle === 'rb_bidi') {
      assert.ok(b.text.includes('\u202e'), 'bidi overrides are kept as text, not dropped');
      // ...and isolated: an override in a value cannot reorder the words around it.
      const bidi = await page.evaluate(() => {
        const root = document.querySelector('.followback-breakdown-host').shadowRoot;
        const values = [...root.querySelectorAll('.title .v, .seen .v')];
        return {
          values: values.map((v) => getComputedStyle(v).unicodeBidi),
          overridden: values.filter((v) => v.textContent.includes('\u202e')).length,
          reasons: [...root.querySelectorAll('.reason')].map((r) => getComputedStyle(r).unicodeBidi),
        };
      });
      assert.ok(bidi.overridden > 0, `the override is in an isolated value: ${JSON.stringify(bidi)}`);
      assert.ok(bidi.values.length > 1 && bidi.values.every((u) => u === 'isolate'), JSON.stringify(bidi));
      assert.ok(bidi.reasons.every((u) => u === 'isolate'), JSON.stringify(bidi));
    }
    // Inside the viewport, nothing wider than the panel, long words wrap.
    const layout = await page.evaluate(() => {
      const host = document.querySelector('.followback-breakdown-host');
      const panel = host.shadowRoot.querySelector('.panel');
      const r = panel.getBoundingClientRect();
      return {
        left: r.left, right: r.right, viewport: document.documentElement.clientWidth,
        scrollWidth: panel.scrollWidth, clientWidth: panel.clientWidth,
        wrap: getComputedStyle(panel).overflowWrap,
        docScrollWidth: document.documentElement.scrollWidth,
      };
    });
    assert.ok(layout.left >= 0 && layout.right <= layout.viewport, `${handle}: popover inside the viewport ${JSON.stringify(layout)}`);
    assert.ok(layout.scrollWidth <= layout.clientWidth + 1, `${handle}: nothing overflows the popover ${JSON.stringify(layout)}`);
    wraps.add(layout.wrap);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  }

  assert.deepEqual([...wraps], ['anywhere'], 'long words wrap anywhere in the breakdown');

  // Nothing ran, nothing was injected, nothing was loaded from hostile URLs.
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'no hostile handler ran in the page');
  assert.deepEqual(await injectedElements(page), []);
  assert.ok(!env.requests.some((r) => r.url === 'https://x.com/x'), 'no hostile <img src=x> was ever loaded');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);

  // What was read is kept as it was: the hostile post text, and the 10,000-character
  // bio up to the core's 1,000-character cap (read::bounds::BIO_MAX_CHARS).
  const memory = JSON.parse((await send({ type: 'fb:memory-json' })).json);
  const entry = (h) => memory.entries.find((e) => e.account.handle === h);
  const posts = JSON.parse(readFileSync(path.join(FIXTURES, 'graphql', 'followers_robust_tweets.json'), 'utf8'));
  const markupPost = posts.data.user.result.timeline.timeline.instructions[0].entries[0].content.itemContent.tweet_results.result.legacy.full_text;
  assert.ok(entry('rb_markup').tweets.some((t) => t.text === markupPost), 'the hostile post is remembered verbatim');
  assert.equal(entry('rb_long').account.bio.length, 1000);
  assert.ok(entry('rb_emoji').account.name.includes('\u{1F469}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}'));
  await page.close();
});

test('the service worker stopped mid-scroll: badges resume for new rows, earlier ones stay, memory is restored', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const first = await rowHandles(page);
  assert.equal(first.length, 5);
  await until('the first rows saved to memory', async () => {
    const saved = savedHandles(await savedMemory());
    return first.every((h) => saved.has(h.toLowerCase()));
  });
  await page.evaluate(() => {
    window.__earlyHosts = [...document.querySelectorAll('.followback-badge-host')].map((h) => [h, h.getAttribute('data-followback-score')]);
  });

  await stopWorker(env);

  // X loads the next page and adds its rows below (the payload, then the rows).
  const next = await page.evaluate(async () => {
    const f = window.__fixture;
    const users = f.usersOf(await f.xhrJson(f.graphqlUrl('Followers', 'gen1_page2')));
    for (const u of users) f.addRow(u);
    return users.map((u) => u.handle);
  });
  assert.equal(next.length, 5);
  await waitForRowBadges(page);
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => b.handle).sort(), [...first, ...next].sort(), 'every row has its badge');
  const early = await page.evaluate(() => window.__earlyHosts.map(([h, score]) => ({ connected: h.isConnected, same: h.getAttribute('data-followback-score') === score })));
  assert.ok(early.length === 5 && early.every((e) => e.connected && e.same), `the earlier badges stayed: ${JSON.stringify(early)}`);

  // The restarted worker restored what was saved and saves both pages.
  await until('both pages in the saved memory', async () => {
    const saved = savedHandles(await savedMemory());
    return [...first, ...next].every((h) => saved.has(h.toLowerCase()));
  });
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

/** A v1.1-shaped user object (what the readers take in a JSON array). */
function v11User(i) {
  return {
    id_str: String(8_000_000 + i),
    screen_name: `filler_${String(i).padStart(4, '0')}`,
    name: `Filler ${i}`,
    description: `Account ${i} of the storage test: ${'words to take some room '.repeat(12)}`,
    location: 'Somewhere',
    followers_count: 100 + i,
    friends_count: 120 + i,
    statuses_count: 300 + i,
    favourites_count: 50,
    created_at: 'Mon May 05 05:05:00 +0000 2014',
    default_profile_image: false,
    profile_image_url_https: `https://pbs.twimg.com/profile_images/${i}/a_normal.jpg`,
  };
}

test('chrome.storage.local full: memory (in IndexedDB) is saved whole without errors, settings still save', async () => {
  const worker = await runningWorker();
  await worker.evaluate(() => {
    self.__fbErrors = [];
    for (const level of ['error', 'warn']) {
      const original = console[level].bind(console);
      console[level] = (...args) => {
        self.__fbErrors.push(`${level}: ${args.map(String).join(' ')}`);
        original(...args);
      };
    }
    self.addEventListener('unhandledrejection', (e) => self.__fbErrors.push(`unhandled: ${String(e.reason)}`));
  });
  const before = await debugStats();

  // Fill chrome.storage.local to 40 KB under its quota.
  const fill = await ext.evaluate(async () => {
    const quota = chrome.storage.local.QUOTA_BYTES;
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({ junk: 'x'.repeat(quota - used - 40 * 1024) });
    return { quota, used, after: await chrome.storage.local.getBytesInUse(null) };
  });
  assert.ok(fill.quota >= 5 * 1024 * 1024, JSON.stringify(fill));
  const overflow = await ext.evaluate(async () => {
    try {
      await chrome.storage.local.set({ probe: 'y'.repeat(100 * 1024) });
      return 'stored';
    } catch (e) {
      return String(e.message || e);
    }
  });
  assert.match(overflow, /quota/i, 'storage is really full');

  // Far more accounts than fit in the space left.
  // As generation-1 GraphQL user results: the page's payloads are read for X's GraphQL shapes only.
  const users = Array.from({ length: 1200 }, (_, i) => ({ __typename: 'User', rest_id: String(8_000_000 + i), legacy: v11User(i) }));
  const read = await send({ type: 'fb:payload', text: JSON.stringify(users), url: 'https://x.com/i/api/graphql/q/Followers' });
  assert.equal(read.ok, true, JSON.stringify(read));
  assert.equal(read.accounts, 1200);

  // Memory lives in IndexedDB now: a full chrome.storage.local costs it nothing.
  const saved = await until('every account saved', async () => {
    const m = await savedMemory();
    return m && m.entries.length >= 1200 ? m : null;
  });
  const remembered = (await send({ type: 'fb:memory-stats' })).accounts;
  assert.ok(remembered >= 1200, `the worker remembers everything: ${remembered}`);
  assert.equal(saved.entries.length, remembered, 'and saved everything');
  const stats = await debugStats();
  assert.equal(stats.memoryTrimmed, before.memoryTrimmed, 'nothing trimmed');
  assert.ok(!stats.warnings.some((w) => /not saved|storage is full/.test(w.text)), JSON.stringify(stats.warnings));
  const free = await ext.evaluate(async () => chrome.storage.local.QUOTA_BYTES - (await chrome.storage.local.getBytesInUse(null)));
  assert.ok(free > 1024, `room is left for settings and switches: ${free} bytes`);
  assert.deepEqual(await worker.evaluate(() => self.__fbErrors), [], 'nothing logged as an error by the service worker');

  // The options page still saves a setting (to sync) and records where (local).
  const options = await openPage(env, `chrome-extension://${env.extensionId}/options/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
  await options.click('#expand-all'); // groups start collapsed
  const field = '#setting-avatar_old_days';
  const value = Number(await options.inputValue(field)) + 7;
  await options.fill(field, String(value));
  await until('the setting saved', async () =>
    (await options.evaluate(async () => (await chrome.storage.sync.get('settings')).settings?.values?.['avatar.old_days'])) === value);
  await options.waitForSelector('#save-status[data-state="saved"]');
  assert.deepEqual(extensionConsoleProblems(options, env.extensionId).filter((l) => l.startsWith('error')), []);
  await options.close();

  await ext.evaluate(() => chrome.storage.local.remove(['junk', 'probe']));
  await ext.evaluate(() => chrome.storage.sync.remove('settings'));
});

test('X markup without the expected test ids: no badges, no errors, the page works', async () => {
  const before = await debugStats();
  const page = await openPage(env, 'https://x.com/redesign_host/followers');
  await page.waitForSelector('body[data-rendered]');
  // The extension is running on the page: the hook's payload reached the worker.
  await until('the payload of the page read', async () => (await debugStats()).payloads > before.payloads);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.click('#page-button');
  await page.click('#page-button');
  assert.equal(await page.textContent('#page-output'), '2', "the page's own handlers run");
  const rows = await page.evaluate(() => document.querySelectorAll('.cell').length);
  assert.equal(rows, 5, 'the page rendered its rows');
  assert.equal(await page.evaluate(() => document.querySelectorAll('.followback-badge-host, .followback-breakdown-host').length), 0, 'no badges');
  assert.deepEqual(page.followbackLog, [], 'nothing in the console at all');
  await page.close();
});

test('payloads of an unknown shape or cut off are ignored, counted, and shown in the popup', async () => {
  const before = await debugStats();
  const page = await openPage(env, 'https://x.com/redesign_host/followers');
  await page.waitForSelector('body[data-rendered]');
  const truncatedFile = readFileSync(path.join(FIXTURES, 'graphql', 'followers_truncated.json'), 'utf8');
  const results = await page.evaluate(async () => {
    const f = window.__fixture;
    const raw = (url) =>
      new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', url);
        xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
        xhr.send();
      });
    const unknown = await f.xhrJson(f.graphqlUrl('Viewer', 'unknown_shape')).then((j) => Object.keys(j.data), (e) => `rejected: ${e}`);
    const truncated = await raw(f.graphqlUrl('Followers', 'truncated'));
    let parsed = 'parsed';
    try {
      JSON.parse(truncated.text);
    } catch (e) {
      parsed = e.name;
    }
    return { unknown, truncatedText: truncated.text, status: truncated.status, parsed };
  });
  assert.deepEqual(results.unknown, ['viewer'], 'the page got its unknown payload');
  assert.equal(results.status, 200);
  assert.equal(results.truncatedText, truncatedFile, 'the page got the cut-off text untouched');
  assert.equal(results.parsed, 'SyntaxError', "the page's own parser fails, not ours");

  const stats = await until('the bad payloads counted', async () => {
    const s = await debugStats();
    return s.unknownShape >= before.unknownShape + 1 && s.unreadable >= before.unreadable + 1 ? s : null;
  });
  assert.ok(stats.payloads >= before.payloads + 3, JSON.stringify(stats));
  assert.ok(stats.warnings.some((w) => /not JSON/.test(w.text) && w.text.includes('/i/api/graphql/')), JSON.stringify(stats.warnings));
  assert.ok(stats.warnings.some((w) => /no account found/.test(w.text)), JSON.stringify(stats.warnings));
  assert.ok(stats.warnings.length <= 20, 'the warnings are bounded');

  // The page still works, and a good payload after the bad ones is read.
  await page.click('#page-button');
  assert.equal(await page.textContent('#page-output'), '1');
  const good = await page.evaluate(async () => {
    const f = window.__fixture;
    return f.usersOf(await f.xhrJson(f.graphqlUrl('Followers', 'gen2_page2'))).length;
  });
  assert.equal(good, 5);
  const afterGood = await until('the good payload read', async () => {
    const s = await debugStats();
    return s.accounts >= stats.accounts + 5 ? s : null;
  });
  assert.equal(afterGood.unreadable, stats.unreadable, 'a good payload is not counted as bad');
  assert.deepEqual(page.followbackLog, [], 'nothing in the console at all');
  await page.close();

  // The popup's Diagnostics shows the same counters.
  const popup = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html`);
  await popup.waitForSelector('#diagnostics[data-state="ready"]', { state: 'attached' });
  await popup.click('#diagnostics summary');
  const shown = await popup.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('#diagnostics [data-stat]')].map((r) => [r.dataset.stat, Number(r.querySelector('.count').textContent)])),
  );
  assert.ok(shown.unreadable >= stats.unreadable && shown.unknownShape >= stats.unknownShape, JSON.stringify(shown));
  assert.ok(shown.payloads >= stats.payloads && shown.accounts >= stats.accounts, JSON.stringify(shown));
  const warnings = await popup.locator('#diag-warnings li').allTextContents();
  assert.ok(warnings.length > 0 && warnings.length <= 5, JSON.stringify(warnings));
  assert.ok(await popup.isVisible('#diag-warnings li'));
  assert.deepEqual(extensionConsoleProblems(popup, env.extensionId), []);
  await popup.close();
});

test('privacy: a whole session sends nothing of its own', async () => {
  // The worker started before the recorder was attached: restart it under the recorder.
  await stopWorker(env);
  // The worker cannot send anything at all: the extension CSP's connect-src allows only its own files.
  const worker = await runningWorker();
  const probeUrl = 'https://x.com/__fixture/xpage.js?probe=worker';
  assert.equal(await worker.evaluate((u) => fetch(u).then(() => 'sent', () => 'refused'), probeUrl), 'refused');
  assert.ok(!env.requests.some((r) => r.url === probeUrl), 'the refused request never left');

  const x = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  const tabId = await ext.evaluate(async () => { for (const t of await chrome.tabs.query({})) { const r = await chrome.tabs.sendMessage(t.id, { type: 'fb:page-stats' }).catch(() => null); if (r && typeof r.total === 'number') return t.id; } return null; });
  for (const url of ['https://x.com/carol_example', 'https://x.com/notifications', 'https://x.com/notifications/mentions']) {
    const p = await openPage(env, url);
    await p.waitForSelector('.followback-badge-host');
    await p.click('.followback-badge-host >> [role="button"]');
    await p.waitForSelector('.followback-breakdown-host');
    await p.close();
  }
  for (const url of [`audit/audit.html?tab=${tabId}`, 'options/options.html', `popup/popup.html?tab=${tabId}`]) {
    const p = await openPage(env, `chrome-extension://${env.extensionId}/${url}`);
    await p.waitForLoadState('load');
    await p.waitForFunction(() => document.body && document.body.children.length > 0);
    await sleep(500); // let the page's own loads start (requests are recorded, not timed)
    await p.close();
  }
  await x.close();

  // Every request of every test in this file: served by the test, or the extension's own files.
  const own = `chrome-extension://${env.extensionId}/`;
  const foreign = env.requests.filter((r) => !env.served.has(r.url) && !r.url.startsWith(own) && !/^(data|blob):/.test(r.url));
  assert.deepEqual(foreign, [], 'no request the test did not serve');
  assert.ok(env.requests.some((r) => r.url.startsWith(own)), 'the extension pages were recorded');
});

/** Every file under `dir`, relative paths. */
function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

test('static: permissions are only storage and X hosts; no eval, no Function, no remote code', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const xHost = /^https:\/\/(mobile\.)?(x|twitter)\.com\/\*$/;
  assert.deepEqual(manifest.permissions, ['storage']);
  // No host_permissions: the content scripts' matches are all the extension needs (it fetches nothing).
  for (const h of manifest.host_permissions || []) assert.match(h, xHost);
  for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'update_url']) {
    assert.equal(manifest[key], undefined, `no ${key}`);
  }
  for (const cs of manifest.content_scripts) for (const m of cs.matches) assert.match(m, xHost);
  // Nothing is exposed to web pages: a page could otherwise detect the extension by loading its files.
  assert.equal(manifest.web_accessible_resources, undefined, 'no web_accessible_resources');
  for (const cs of manifest.content_scripts) for (const js of cs.js) assert.ok(!/loader/.test(js), js);
  assert.doesNotMatch(manifest.content_security_policy.extension_pages, /https?:|'unsafe-eval'|'unsafe-inline'/);

  const files = walk(DIST);
  const code = files.filter((f) => /\.(m?js|html|css)$/.test(f));
  assert.ok(code.some((f) => f === path.join('page', 'hook.js')) && code.length > 10, `the built files: ${code.length}`);
  const problems = [];
  for (const f of code) {
    const lines = readFileSync(path.join(DIST, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const where = `${f}:${i + 1}`;
      const comment = /^\s*(\/\/|\*|\/\*)/.test(line);
      if (!comment && /(^|[^.\w])eval\s*\(/.test(line)) problems.push(`${where}: eval(`);
      if (!comment && /new\s+Function\s*\(/.test(line)) problems.push(`${where}: new Function(`);
      if (/importScripts\s*\(/.test(line)) problems.push(`${where}: importScripts(`);
      if (/<script[^>]+src=["']?(https?:)?\/\//i.test(line)) problems.push(`${where}: remote <script>`);
      if (/@import\s+url\(\s*["']?https?:/i.test(line)) problems.push(`${where}: remote @import`);
      for (const m of line.matchAll(/https?:\/\/[^\s'"`)<>]*/g)) {
        // Links to profiles on X are text for the person to follow, not code.
        const host = (() => {
          try {
            return new URL(m[0].replace(/\$\{.*$/, '')).host;
          } catch {
            return '';
          }
        })();
        // The SVG namespace (createElementNS) is a name, never loaded.
        if (m[0] === 'http://www.w3.org/2000/svg') continue;
        if (!comment && !['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'].includes(host)) problems.push(`${where}: ${m[0]}`);
      }
      if (!comment && /\bimport\s*\(\s*["'`]https?:/.test(line)) problems.push(`${where}: remote import()`);
    });
  }
  assert.deepEqual(problems, []);
  // The page hook recognises X's GraphQL calls by path only.
  assert.match(readFileSync(path.join(DIST, 'page', 'hook.js'), 'utf8'), /\/i\/api\/graphql\//);
});
