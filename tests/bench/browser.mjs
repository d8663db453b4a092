// Browser figures: Chromium with the built extension (dist/) on a 2,000-row
// follower list that scrolls like X's (tests/bench/fixtures/scroll.*): rows
// recycled, pages of 20 accounts arriving by XHR from /i/api/graphql/.
// Measured inside the page: row entering the DOM -> its badge host appearing
// (p50, p95), and long tasks (> 50 ms) during the scroll.
// Prints `<name> <value> <unit>` lines on stdout, details on stderr.
//
//   node tests/bench/browser.mjs [--pages target/bench/pages] [--rows 2000] [--step 48]
//
// Uses the e2e harness (tests/e2e/support/harness.mjs); the accounts are the
// first pages the native bench wrote (cargo run --release --example bench --
// --write-pages DIR), cut into pages of 20 like X sends.

import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launch, openPage, X_CSP, ROOT, CHROMIUM, FIXTURES, SEL } from '../e2e/support/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Accounts per GraphQL page, as X sends them. */
const PAGE_SIZE = 20;
/** Time allowed after the scroll for badges still on their way. */
const SETTLE_MS = 1500;

function options(argv) {
  const opts = { pages: path.join(ROOT, 'target/bench/pages'), rows: 2000, step: 48 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]} (use --pages DIR --rows N --step PX)`);
    }
    opts[key] = key === 'pages' ? path.resolve(argv[i + 1]) : Number(argv[i + 1]);
  }
  return opts;
}

function figure(name, value, unit) {
  const text = Number.isInteger(value) || value >= 1000 ? value.toFixed(0) : value.toFixed(1);
  console.log(`${name} ${text} ${unit}`);
}

const note = (...args) => console.error(...args);

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The user entries of the native bench's pages, enough for `rows` accounts. */
function userEntries(dir, rows) {
  if (!existsSync(dir)) {
    throw new Error(`${dir} not found: run cargo run --release --example bench -- --write-pages ${dir}`);
  }
  const files = readdirSync(dir).filter((n) => /^followers_\d+\.json$/.test(n)).sort();
  const entries = [];
  for (const f of files) {
    if (entries.length >= rows) break;
    const doc = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    const instructions = doc?.data?.user?.result?.timeline?.timeline?.instructions || [];
    for (const ins of instructions) {
      for (const e of ins.entries || []) {
        if (e?.content?.itemContent?.user_results) entries.push(e);
      }
    }
  }
  if (entries.length < rows) throw new Error(`only ${entries.length} accounts in ${dir}, ${rows} wanted`);
  return entries.slice(0, rows);
}

/** One Followers response holding page `n` (JSON text), or an empty last page. */
function followersPage(entries, n) {
  const slice = entries.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE);
  const cursor = (kind, value) => ({
    entryId: `cursor-${kind}-${value}`,
    sortIndex: String(value),
    content: { entryType: 'TimelineTimelineCursor', __typename: 'TimelineTimelineCursor', value: String(value), cursorType: kind === 'top' ? 'Top' : 'Bottom' },
  });
  return JSON.stringify({
    data: { user: { result: { __typename: 'User', timeline: { timeline: {
      instructions: [
        { type: 'TimelineAddEntries', entries: [...slice, cursor('bottom', n + 1), cursor('top', n)] },
      ],
    } } } } },
  });
}

/** Serves the list page, its script and the GraphQL pages in `context`. */
async function routeFixture(context, entries) {
  const html = readFileSync(path.join(HERE, 'fixtures/scroll.html'));
  const script = readFileSync(path.join(HERE, 'fixtures/scroll.js'));
  // The e2e tests' fake X page, which scroll.js builds its rows with.
  const xpage = readFileSync(path.join(FIXTURES, 'xpage.js'));
  // Routes registered after the harness's take precedence; the rest fall through to it.
  await context.route(/^https:\/\/x\.com\//, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/__bench/scroll.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script });
    }
    if (url.pathname === '/__fixture/xpage.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: xpage });
    }
    if (url.pathname === '/viewer_me/followers' && url.searchParams.has('bench')) {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': X_CSP },
        body: html,
      });
    }
    if (url.pathname.startsWith('/i/api/graphql/') && url.searchParams.has('bench_page')) {
      const n = Number(url.searchParams.get('bench_page'));
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: followersPage(entries, n) });
    }
    return route.fallback();
  });
}

/** Opens the list, waits for it (and for the first badge when `badged`), scrolls it through. */
async function scrollThrough(page, opts, badged) {
  await page.goto(`https://x.com/viewer_me/followers?bench=1&rows=${opts.rows}`);
  await page.waitForFunction((cellSel) => window.__bench && document.querySelector(cellSel), SEL.cell);
  if (badged) {
    // Let the extension start and badge the first screen before the clock starts.
    await page.waitForSelector('.followback-badge-host[data-followback-score]', { timeout: 30_000 });
  } else {
    await page.waitForTimeout(1000);
  }
  await page.evaluate((step) => window.__bench.run(step), opts.step);
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(() => window.__bench.results());
}

/** Long tasks of the same scroll without the extension: what the page costs by itself. */
async function baseline(opts, entries) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    await context.route(/^https:\/\/(pbs|abs)\.twimg\.com\//, (route) => route.fulfill({ status: 204, body: '' }));
    await routeFixture(context, entries);
    const page = await context.newPage();
    return await scrollThrough(page, opts, false);
  } finally {
    await browser.close();
  }
}

async function main() {
  const opts = options(process.argv.slice(2));
  const entries = userEntries(opts.pages, opts.rows);

  const env = await launch();
  try {
    await routeFixture(env.context, entries);
    const page = await openPage(env, 'about:blank');
    const r = await scrollThrough(page, opts, true);
    await page.close();

    const lat = r.latencies.sort((a, b) => a - b);
    const missed = r.missed + r.stillWaiting;
    note(
      `${r.rows} rows in the list, ${r.rowsEntered} row entries in ${(r.scrollMs / 1000).toFixed(1)} s of scrolling ` +
        `(${opts.step} px per frame); ${lat.length} badged, ${missed} left or still waiting without a badge; ` +
        `max ${lat.length ? lat[lat.length - 1].toFixed(1) : '-'} ms`,
    );
    note(
      `long tasks during the scroll: ${r.longTasks.length} (${r.longTasks.map((t) => t.duration.toFixed(0)).join(', ') || 'none'}); ` +
        `${r.longTasksAll} since the page opened`,
    );
    if (lat.length === 0) throw new Error('no badge appeared during the scroll');
    figure('badge_latency_ms_p50', percentile(lat, 50), 'ms');
    figure('badge_latency_ms_p95', percentile(lat, 95), 'ms');
    figure('badge_rows_without_badge', missed, 'rows');
    figure('long_tasks_over_50ms', r.longTasks.length, 'tasks');
  } finally {
    await env.close();
  }

  const base = await baseline(opts, entries);
  note(
    `without the extension: long tasks during the scroll: ${base.longTasks.length} ` +
      `(${base.longTasks.map((t) => t.duration.toFixed(0)).join(', ') || 'none'}), ${(base.scrollMs / 1000).toFixed(1)} s of scrolling`,
  );
  figure('long_tasks_over_50ms_without_extension', base.longTasks.length, 'tasks');
}

main().catch((e) => {
  console.error(`tests/bench/browser.mjs: ${e.stack || e.message}`);
  process.exit(1);
});
