// Browser figures: Chromium with the built extension (dist/) on a follower list
// that scrolls like X's (tests/bench/fixtures/scroll.*): rows recycled, pages
// of 20 accounts (3-5 KB each) arriving by XHR from /i/api/graphql/. Measured
// inside the page from the first screen on (the clock does not wait for the
// extension): at paint (a check just before each frame) the row entries shown
// without their badge, and insertion-to-badge latency, both for rows whose
// payload came first and for rows rendered in the same task as their XHR;
// long tasks. Three scrolls: normal (48 px a frame), fast (150 px a frame) and
// same-task (no prefetch: every page's rows are rendered by its XHR's task).
// The content script's main-thread time per frame comes from a V8 CPU profile
// of a normal scroll (samples whose stack is in the content script). The
// verdict path (messages to the service worker and back, as the content script
// sends them) is timed from the content script's own world on an x.com fixture
// over the worker's port, with the sendMessage path from an extension page and
// the browser's floor beside it (tests/bench/verdict-path.mjs). Medians over
// --runs runs.
// Prints `<name> <value> <unit>` lines (with the goal, tests/bench/goals.mjs)
// on stdout, details on stderr.
//
//   node tests/bench/browser.mjs [--pages target/bench/pages] [--rows 600] [--runs 3]
//
// Uses the e2e harness (tests/e2e/support/harness.mjs); the accounts are the
// pages the native bench wrote (cargo run --release --example bench --
// --write-pages DIR), cut into pages of 20 like X sends.

import { readFileSync, existsSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launch, openPage, X_CSP, CHROMIUM, FIXTURES, SEL } from '../e2e/support/harness.mjs';
import { figure, median, percentile } from './goals.mjs';
import { verdictPath, printVerdictPath } from './verdict-path.mjs';
import { idbRestoreFresh } from './idb-restore.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Accounts per GraphQL page, as X sends them. */
const PAGE_SIZE = 20;
/** Time allowed after the scroll for badges still on their way. */
const SETTLE_MS = 1500;
/** The three scrolls: px per frame, rows prefetched (0: rows come in their XHR's task). */
const SCROLLS = {
  normal: { step: 48, prefetch: 12 },
  fast: { step: 150, prefetch: 12 },
  same_task: { step: 48, prefetch: 0 },
};
/** A scroll that has not ended after this long is stuck (reported, not waited for). */
const SCROLL_LIMIT_MS = Number(process.env.BENCH_SCROLL_LIMIT_MS || 240_000);
/** One frame at 60 Hz, in microseconds (the CPU profile's unit). */
const FRAME_US = 1e6 / 60;

function options(argv) {
  const opts = { pages: path.join(path.dirname(path.dirname(HERE)), 'target/bench/pages'), rows: 600, runs: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]} (use --pages DIR --rows N --runs N)`);
    }
    opts[key] = key === 'pages' ? path.resolve(argv[i + 1]) : Number(argv[i + 1]);
  }
  return opts;
}

const note = (...args) => console.error(...args);

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

/**
 * Opens the list and scrolls it through as soon as its first screen is drawn
 * (no waiting for the extension: the first screen counts). `profile`: a CDP
 * session to take a CPU profile of the scroll with. Returns the page's results
 * (and the profile).
 */
async function scrollThrough(page, opts, scroll, cdp = null) {
  await page.goto(`https://x.com/viewer_me/followers?bench=1&rows=${opts.rows}&prefetch=${scroll.prefetch}`);
  await page.waitForFunction((cellSel) => window.__bench && document.querySelector(cellSel), SEL.cell);
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  const done = page.evaluate((step) => window.__bench.run(step), scroll.step);
  const stuck = new Promise((resolve) => setTimeout(resolve, SCROLL_LIMIT_MS, 'stuck'));
  if ((await Promise.race([done, stuck])) === 'stuck') {
    const state = await page.evaluate(() => ({ y: window.scrollY, h: document.documentElement.scrollHeight, r: window.__bench.results() }));
    throw new Error(`the scroll did not end in ${SCROLL_LIMIT_MS / 1000} s: ${JSON.stringify({ y: state.y, h: state.h, rows: state.r.rows, entered: state.r.rowsEntered, frames: state.r.frames, loading: state.r.loading, exhausted: state.r.exhausted, pages: state.r.pagesLoaded })}; page log: ${(page.followbackLog || []).slice(0, 5).join(' | ')}`);
  }
  const profile = cdp ? (await cdp.send('Profiler.stop')).profile : null;
  await page.waitForTimeout(SETTLE_MS);
  return { ...(await page.evaluate(() => window.__bench.results())), profile };
}

/**
 * The content script's main-thread time per 60 Hz frame of a CPU profile: a
 * sample counts when any function on its stack comes from `prefix` (the
 * extension's content/ scripts). Returns { perFrameMs: number[], totalMs }.
 */
function contentTime(profile, prefix) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const n = byId.get(id);
    const mine = Boolean(n && String(n.callFrame.url).startsWith(prefix)) || (parent.has(id) && isOurs(parent.get(id)));
    ours.set(id, mine);
    return mine;
  };
  const frames = new Array(Math.max(1, Math.ceil((profile.endTime - profile.startTime) / FRAME_US))).fill(0);
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i];
    // A sample stands for the time until the next one.
    const span = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (!isOurs(profile.samples[i])) continue;
    const f = Math.min(frames.length - 1, Math.max(0, Math.floor((t - profile.startTime) / FRAME_US)));
    frames[f] += span / 1000;
    total += span / 1000;
  }
  if (process.env.BENCH_TOP) {
    // Where the content script's time goes: self time by function (details, stderr).
    const self = new Map();
    for (let i = 0; i < profile.samples.length; i += 1) {
      const id = profile.samples[i];
      if (!isOurs(id)) continue;
      const f = byId.get(id).callFrame;
      const k = `${f.functionName || '(anonymous)'} ${String(f.url).split('/').pop()}:${f.lineNumber}`;
      self.set(k, (self.get(k) || 0) + (i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0) / 1000);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
    note(`content script self time: ${top.map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`).join('; ')}`);
  }
  return { perFrameMs: frames, totalMs: total };
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
    return await scrollThrough(page, opts, SCROLLS.normal);
  } finally {
    await browser.close();
  }
}

/** X-sized pages (JSON text) the native bench wrote, of every generation. */
function xPages(dir) {
  return readdirSync(dir)
    .filter((n) => /^xpage_gen\d_\d+\.json$/.test(n))
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
}

async function main() {
  const opts = options(process.argv.slice(2));
  const entries = userEntries(opts.pages, opts.rows);
  const results = { normal: [], fast: [], same_task: [] };
  let content = null;
  let path_ = null;

  const env = await launch();
  try {
    await routeFixture(env.context, entries);
    for (let run = 0; run < opts.runs; run += 1) {
      for (const [name, scroll] of Object.entries(SCROLLS)) {
        const page = await openPage(env, 'about:blank');
        results[name].push(await scrollThrough(page, opts, scroll));
        await page.close();
      }
    }
    // The content script's time, from CPU profiles of normal scrolls.
    const frames = [];
    const means = [];
    const p90s = [];
    const idle = [];
    let total = 0;
    let scrollMs = 0;
    for (let run = 0; run < opts.runs; run += 1) {
      const page = await openPage(env, 'about:blank');
      const cdp = await env.context.newCDPSession(page);
      const r = await scrollThrough(page, opts, SCROLLS.normal, cdp);
      if (process.env.BENCH_PROFILE) {
        // The raw profile, for DevTools or a self-time sort (BENCH_PROFILE=DIR).
        mkdirSync(process.env.BENCH_PROFILE, { recursive: true });
        writeFileSync(path.join(process.env.BENCH_PROFILE, `scroll-${run}.cpuprofile`), JSON.stringify(r.profile));
      }
      const c = contentTime(r.profile, `chrome-extension://${env.extensionId}/content/`);
      frames.push(median(c.perFrameMs));
      // The median alone says little when work clusters in some frames: the mean, p90 and idle share beside it.
      means.push(c.totalMs / c.perFrameMs.length);
      p90s.push(percentile(c.perFrameMs, 90));
      idle.push(c.perFrameMs.filter((ms) => ms === 0).length / c.perFrameMs.length);
      total += c.totalMs;
      scrollMs += r.scrollMs;
      await cdp.detach();
      await page.close();
    }
    content = { p50: median(frames), mean: median(means), p90: median(p90s), idle: median(idle), share: total / scrollMs };
    path_ = await verdictPath(env, xPages(opts.pages).slice(0, 30));
  } finally {
    await env.close();
  }

  const report = (name, runs) => {
    const last = runs[runs.length - 1];
    note(
      `${name}: ${last.rows} rows, ${last.rowsEntered} row entries, ${(last.scrollMs / 1000).toFixed(1)} s of scrolling, ${last.frames} frames checked; ` +
        `payload first: ${runs.map((r) => `${r.paintedWithout.first}/${r.painted.first}`).join(', ')} painted without a badge; ` +
        `same task: ${runs.map((r) => `${r.paintedWithout.same}/${r.painted.same}`).join(', ')}; ` +
        `long tasks: ${runs.map((r) => r.longTasks.length).join(', ')}`,
    );
  };
  for (const [name, runs] of Object.entries(results)) report(name, runs);
  const med = (runs, f) => median(runs.map(f));
  const p95 = (list) => (list.length ? percentile(list, 95) : NaN);

  figure('rows_painted_without_badge', med(results.normal, (r) => r.paintedWithout.first), 'rows');
  figure('rows_painted_without_badge_fast', med(results.fast, (r) => r.paintedWithout.first), 'rows');
  figure('rows_painted_without_badge_same_task', med(results.same_task, (r) => r.paintedWithout.same), 'rows');
  figure('badge_latency_ms_p50', med(results.normal, (r) => percentile(r.latencies.first, 50)), 'ms');
  figure('badge_latency_ms_p95', med([...results.normal, ...results.fast], (r) => p95(r.latencies.first)), 'ms');
  figure('badge_latency_ms_p95_same_task', med(results.same_task, (r) => p95(r.latencies.same)), 'ms');
  figure('long_tasks_over_50ms', med([...results.normal, ...results.fast], (r) => r.longTasks.length), 'tasks');
  figure('content_ms_per_frame_p50', content.p50, 'ms');
  figure('content_ms_per_frame_mean', content.mean, 'ms');
  figure('content_ms_per_frame_p90', content.p90, 'ms');
  note(`content script: no time at all in ${(content.idle * 100).toFixed(0)}% of the frames`);
  note(`content script: ${(content.share * 100).toFixed(1)}% of the scroll's wall time on the main thread`);
  // The verdict path and where its time goes (tests/bench/verdict-path.mjs).
  printVerdictPath([path_]);

  const base = await baseline(opts, entries);
  note(
    `without the extension: long tasks during the scroll: ${base.longTasks.length} ` +
      `(${base.longTasks.map((t) => t.duration.toFixed(0)).join(', ') || 'none'}), ${(base.scrollMs / 1000).toFixed(1)} s of scrolling`,
  );
  figure('long_tasks_over_50ms_without_extension', base.longTasks.length, 'tasks');
  // A restarted worker's restore of 100,000 accounts, IndexedDB's reads included (tests/bench/idb-restore.mjs).
  await idbRestoreFresh();
}

// Exit when done: a browser's leftover handle must not keep the bench waiting.
main().then(
  () => process.exit(0),
  (e) => {
    console.error(`tests/bench/browser.mjs: ${e.stack || e.message}`);
    process.exit(1);
  },
);
