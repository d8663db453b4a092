// The verdict path as the content script takes it, and where its time goes.
//
// The path (`verdict_path_us`, the goal figure): from the content script's own
// world on an x.com fixture (Chromium's isolated world of the extension, through
// CDP: tests/e2e/support/content-world.mjs) over the worker's long-lived port,
// `{ id, message }` out and `{ id, reply }` back, the way content/relay.js asks
// since issue 14 moved it off sendMessage. Beside it, the same steps from an
// extension page by chrome.runtime.sendMessage (what the content script did
// before: `verdict_path_sendmessage_us` and the older `messaging_*` figures),
// and over the port from that page through relay.js's own `ask`
// (`verdict_path_port_us`).
//
// The floor: a bare round trip to a listener the bench adds to the worker (a
// sendMessage answered synchronously with sendResponse, and a port that echoes),
// from both contexts, a frame apart (as a scroll sends them: `_quiet`) and back
// to back (`_burst`); set against our own `fb:ping` (the worker's dispatch:
// settings wait, engine, reply) it tells the browser's share from ours. Then
// the core alone: the wasm module loaded into the extension page, timed
// without messaging.
//
// Used by tests/bench/browser.mjs (figures `verdict_path_us`,
// `payload_path_us_per_account`, `messaging_round_trip_us`, ...); runs alone
// too, quicker than the whole browser bench:
//
//   cd tests && node bench/verdict-path.mjs [--pages ../target/bench/pages] [--runs 3]

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/support/harness.mjs';
import { contentWorld } from '../e2e/support/content-world.mjs';
import { figure, median } from './goals.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** X-sized pages (JSON text) the native bench wrote, of every generation. */
export function xPages(dir) {
  if (!existsSync(dir)) throw new Error(`${dir} not found: run cargo run --release --example bench -- --write-pages ${dir}`);
  return readdirSync(dir)
    .filter((n) => /^xpage_gen\d_\d+\.json$/.test(n))
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
}

/**
 * For each X-sized page, back to back as a scroll sends them: a no-op
 * `fb:ping` (the floor while the worker is busy saving), `fb:payload` (read,
 * remember, compact verdicts of its 20 accounts), `fb:verdicts` for its 20
 * rows with the facts a row shows (as the content script sends them after a
 * payload: new facts, a compact answer), and one breakdown's `fb:verdicts`
 * with `full: true`. Then, quiet (saves done, a frame between messages): a
 * ping (the floor) and the same rows asked again (their facts add nothing
 * now), and every row in one message. Then the core alone, in the page: the
 * same pages ingested and the same requests answered by a fresh Engine.
 * Returns per-verdict (or per-account) microseconds, one number per page, and
 * sizes.
 */
async function extensionPagePath(env, pages) {
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  try {
    return await ext.evaluate(async (texts) => {
      const url = 'https://x.com/i/api/graphql/BenchQueryId/Followers?variables=%7B%7D';
      const out = { payload: [], verdicts: [], again: [], full: [], ping: [], pingBusy: [], bytes: { request: [], compact: [], full: [], payloadReply: [] } };
      const send = (m) => chrome.runtime.sendMessage(m);
      const us = (t0, t1, n) => ((t1 - t0) * 1000) / n;
      const rowsOf = (compact) => compact.map(([id, handle]) => ({ id, handle, dom: { handle, id, name: handle, bio: '', followsYou: true, youFollow: false } }));
      const decode = (answer) => (answer && answer.ok && typeof answer.verdicts === 'string' ? JSON.parse(answer.verdicts) : answer && answer.ok ? answer.verdicts : null);
      // A build without fb:ping gets no answer (still a round trip): the "before" figures.
      const ping = () => send({ type: 'fb:ping' }).catch(() => null);
      for (let i = 0; i < 5; i += 1) await ping(); // wakes the worker
      await send({ type: 'fb:verdicts', requests: [] }); // and its engine
      const allRequests = [];
      for (const text of texts) {
        let t0 = performance.now();
        await ping();
        let t1 = performance.now();
        out.pingBusy.push(us(t0, t1, 1));

        t0 = performance.now();
        const reply = await send({ type: 'fb:payload', text, url });
        t1 = performance.now();
        const compact = reply && reply.ok && reply.verdicts ? JSON.parse(reply.verdicts) : [];
        if (compact.length === 0) throw new Error(`fb:payload answered no compact verdicts: ${JSON.stringify(reply).slice(0, 200)}`);
        out.payload.push(us(t0, t1, compact.length));
        out.bytes.payloadReply.push(JSON.stringify(reply).length / compact.length);

        const requests = rowsOf(compact);
        allRequests.push(...requests);
        out.bytes.request.push(JSON.stringify(requests).length / requests.length);
        t0 = performance.now();
        const answer = await send({ type: 'fb:verdicts', requests });
        t1 = performance.now();
        const got = decode(answer);
        if (!Array.isArray(got) || got.filter(Boolean).length !== requests.length) throw new Error(`fb:verdicts did not answer every row: ${JSON.stringify(answer).slice(0, 200)}`);
        out.verdicts.push(us(t0, t1, requests.length));
        out.bytes.compact.push(JSON.stringify(answer).length / requests.length);

        const one = [{ id: requests[0].id, handle: requests[0].handle }];
        t0 = performance.now();
        const full = await send({ type: 'fb:verdicts', requests: one, full: true });
        t1 = performance.now();
        const verdict = full && full.ok && Array.isArray(full.verdicts) ? full.verdicts[0] : null;
        if (!verdict || !Array.isArray(verdict.evidence) || verdict.evidence.length === 0) throw new Error(`the full verdict came without evidence: ${JSON.stringify(full).slice(0, 200)}`);
        out.full.push(us(t0, t1, 1));
        out.bytes.full.push(JSON.stringify(full).length);
      }

      // Quiet: the worker's saves done, a frame between messages. The floor
      // (a no-op round trip), then the same rows asked again (their facts add
      // nothing now), then every row in one message (the floor shared by 600).
      const pause = (ms) => new Promise((r) => setTimeout(r, ms));
      await pause(1000);
      for (let i = 0; i < texts.length; i += 1) {
        const requests = allRequests.slice(i * 20, i * 20 + 20);
        await pause(16);
        let t0 = performance.now();
        await ping();
        let t1 = performance.now();
        out.ping.push(us(t0, t1, 1));
        await pause(16);
        t0 = performance.now();
        const again = await send({ type: 'fb:verdicts', requests });
        t1 = performance.now();
        if (!again || !again.ok) throw new Error('fb:verdicts failed when asked again');
        out.again.push(us(t0, t1, requests.length));
      }
      // The same over the long-lived port through the content script's own
      // relay (content/relay.js ask: one port, answers by id), when the build has it.
      out.portPing = [];
      out.portAgain = [];
      const relay = await import('/content/relay.js').catch(() => null);
      const port = relay && typeof relay.askOnce === 'function' ? null : chrome.runtime.connect({ name: 'followback' });
      const waiting = new Map();
      let nextId = 0;
      if (port) {
        port.onMessage.addListener((m) => {
          const done = m && waiting.get(m.id);
          if (done) {
            waiting.delete(m.id);
            done(m.reply);
          }
        });
      }
      // A build before the port relay: the inline protocol (the figures' "before").
      const viaPort = port ? (message) => new Promise((resolve) => {
        const id = (nextId += 1);
        waiting.set(id, resolve);
        port.postMessage({ id, message });
        setTimeout(() => {
          if (waiting.delete(id)) resolve(null);
        }, 2000);
      }) : (message) => relay.ask(message);
      if (await viaPort({ type: 'fb:verdicts', requests: [] })) {
        for (let i = 0; i < texts.length; i += 1) {
          const requests = allRequests.slice(i * 20, i * 20 + 20);
          await pause(16);
          let t0 = performance.now();
          await viaPort({ type: 'fb:ping' });
          let t1 = performance.now();
          out.portPing.push(us(t0, t1, 1));
          await pause(16);
          t0 = performance.now();
          const again = await viaPort({ type: 'fb:verdicts', requests });
          t1 = performance.now();
          if (!again || !again.ok) throw new Error('fb:verdicts over the port failed');
          out.portAgain.push(us(t0, t1, requests.length));
        }
      }
      if (port) port.disconnect();

      out.batch = [];
      for (let i = 0; i < 3; i += 1) {
        await pause(100);
        const t0 = performance.now();
        const all = await send({ type: 'fb:verdicts', requests: allRequests });
        const t1 = performance.now();
        if (!all || !all.ok) throw new Error('fb:verdicts failed for every row at once');
        out.batch.push(us(t0, t1, allRequests.length));
      }

      // The core alone, in this page: no messaging, the same work.
      const core = await import('/core/followback.js');
      await core.default({ module_or_path: '/core/followback_bg.wasm' });
      const engine = new core.Engine(null);
      const wasm = { payload: [], verdicts: [], again: [] };
      if (typeof engine.ingestJson !== 'function') return { ...out, wasm }; // a build before the cheap boundary
      const lines = (requests) => requests.map((r) => JSON.stringify(r)).join('\n');
      const now = Date.now();
      for (let i = 0; i < texts.length; i += 1) {
        let t0 = performance.now();
        const report = JSON.parse(engine.ingestJson(texts[i], now));
        let t1 = performance.now();
        const n = report.verdicts ? JSON.parse(report.verdicts).length : 1;
        wasm.payload.push(us(t0, t1, n));
        const requests = allRequests.slice(i * 20, i * 20 + 20);
        t0 = performance.now();
        JSON.parse(engine.rememberAndScoreCompact(lines(requests), now));
        t1 = performance.now();
        wasm.verdicts.push(us(t0, t1, requests.length));
        t0 = performance.now();
        JSON.parse(engine.rememberAndScoreCompact(lines(requests), now));
        t1 = performance.now();
        wasm.again.push(us(t0, t1, requests.length));
      }
      engine.free();
      return { ...out, wasm };
    }, pages);
  } finally {
    await ext.close();
  }
}


/**
 * The path the content script takes: from its own world on an x.com fixture
 * (a page whose markup Followback draws nothing on, so its own content script
 * stays quiet), over the worker's port as content/relay.js asks (`{ id,
 * message }` out, `{ id, reply }` back; relay.js cannot be imported into that
 * world, so its protocol is spelt out here). The same steps as the extension
 * page's run, in a fresh profile of its own, so the pages are new to the
 * worker's memory here too. Also a no-op `fb:ping` by sendMessage from the
 * same world, for comparison.
 */
async function contentScriptPath(env, pages) {
  const world = await contentWorld(env, 'https://x.com/redesign_host/followers');
  try {
    await world.page.waitForSelector('body[data-rendered]');
    await world.page.waitForTimeout(1000); // the fixture's own payload handled
    return await world.evaluate(async ({ texts }) => {
      const url = 'https://x.com/i/api/graphql/BenchQueryId/Followers?variables=%7B%7D';
      const out = { payload: [], verdicts: [], again: [], full: [], ping: [], pingBusy: [], batch: [], sendPing: [] };
      const us = (t0, t1, n) => ((t1 - t0) * 1000) / n;
      const pause = (ms) => new Promise((r) => setTimeout(r, ms));
      const port = chrome.runtime.connect({ name: 'followback' });
      const waiting = new Map();
      let nextId = 0;
      port.onMessage.addListener((m) => {
        const done = m && waiting.get(m.id);
        if (done) {
          waiting.delete(m.id);
          done(m.reply);
        }
      });
      const send = (message) => new Promise((resolve) => {
        const id = (nextId += 1);
        waiting.set(id, resolve);
        port.postMessage({ id, message });
        setTimeout(() => {
          if (waiting.delete(id)) resolve(null);
        }, 10_000);
      });
      const rowsOf = (compact) => compact.map(([id, handle]) => ({ id, handle, dom: { handle, id, name: handle, bio: '', followsYou: true, youFollow: false } }));
      const ping = () => send({ type: 'fb:ping' });
      for (let i = 0; i < 5; i += 1) await ping();
      await send({ type: 'fb:verdicts', requests: [] });
      const allRequests = [];
      for (const text of texts) {
        let t0 = performance.now();
        await ping();
        let t1 = performance.now();
        out.pingBusy.push(us(t0, t1, 1));
        t0 = performance.now();
        const reply = await send({ type: 'fb:payload', text, url });
        t1 = performance.now();
        const compact = reply && reply.ok && reply.verdicts ? JSON.parse(reply.verdicts) : [];
        if (compact.length === 0) throw new Error(`fb:payload answered no compact verdicts: ${JSON.stringify(reply).slice(0, 200)}`);
        out.payload.push(us(t0, t1, compact.length));
        const requests = rowsOf(compact);
        allRequests.push(...requests);
        t0 = performance.now();
        const answer = await send({ type: 'fb:verdicts', requests });
        t1 = performance.now();
        const got = answer && answer.ok && typeof answer.verdicts === 'string' ? JSON.parse(answer.verdicts) : null;
        if (!Array.isArray(got) || got.filter(Boolean).length !== requests.length) throw new Error(`fb:verdicts did not answer every row: ${JSON.stringify(answer).slice(0, 200)}`);
        out.verdicts.push(us(t0, t1, requests.length));
        t0 = performance.now();
        const full = await send({ type: 'fb:verdicts', requests: [{ id: requests[0].id, handle: requests[0].handle }], full: true });
        t1 = performance.now();
        const verdict = full && full.ok && Array.isArray(full.verdicts) ? full.verdicts[0] : null;
        if (!verdict || !Array.isArray(verdict.evidence) || verdict.evidence.length === 0) throw new Error(`the full verdict came without evidence: ${JSON.stringify(full).slice(0, 200)}`);
        out.full.push(us(t0, t1, 1));
      }
      await pause(1000);
      for (let i = 0; i < texts.length; i += 1) {
        const requests = allRequests.slice(i * 20, i * 20 + 20);
        await pause(16);
        let t0 = performance.now();
        await ping();
        let t1 = performance.now();
        out.ping.push(us(t0, t1, 1));
        await pause(16);
        t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'fb:ping' });
        t1 = performance.now();
        out.sendPing.push(us(t0, t1, 1));
        await pause(16);
        t0 = performance.now();
        const again = await send({ type: 'fb:verdicts', requests });
        t1 = performance.now();
        if (!again || !again.ok) throw new Error('fb:verdicts failed when asked again');
        out.again.push(us(t0, t1, requests.length));
      }
      for (let i = 0; i < 3; i += 1) {
        await pause(100);
        const t0 = performance.now();
        const all = await send({ type: 'fb:verdicts', requests: allRequests });
        const t1 = performance.now();
        if (!all || !all.ok) throw new Error('fb:verdicts failed for every row at once');
        out.batch.push(us(t0, t1, allRequests.length));
      }
      port.disconnect();
      return out;
    }, { texts: pages });
  } finally {
    await world.close();
  }
}

/**
 * The browser's floor, run in the page or content world (serialised): a bare
 * sendMessage to the bench's listener, answered synchronously by sendResponse,
 * a bare port echo, and, for comparison, our own `fb:ping` both ways (the
 * worker's whole dispatch for a message that does nothing). Each a frame apart
 * (quiet: the threads asleep in between, as in a scroll) and back to back
 * (burst: ten in a row, timed together, per round trip).
 */
async function floorSteps({ n }) {
  const us = (t0, t1, k) => ((t1 - t0) * 1000) / k;
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const echo = chrome.runtime.connect({ name: 'bench-echo' });
  const fb = chrome.runtime.connect({ name: 'followback' });
  const one = (port) => {
    let next = null;
    port.onMessage.addListener((m) => {
      const r = next;
      next = null;
      if (r) r(m);
    });
    let id = 0;
    return (message) => new Promise((resolve) => {
      next = resolve;
      port.postMessage({ id: (id += 1), message });
    });
  };
  const ways = {
    sendmessage_bare: () => chrome.runtime.sendMessage({ type: 'bench:echo' }),
    sendmessage_ping: () => chrome.runtime.sendMessage({ type: 'fb:ping' }),
    port_bare: one(echo),
    port_ping: ((post) => () => post({ type: 'fb:ping' }))(one(fb)),
  };
  const out = {};
  for (const [name, f] of Object.entries(ways)) {
    const first = await f();
    if (!first) throw new Error(`${name}: no answer (is the bench's echo listener in the worker?)`);
    out[`${name}_quiet`] = [];
    out[`${name}_burst`] = [];
    for (let i = 0; i < n; i += 1) {
      await pause(16);
      let t0 = performance.now();
      await f();
      out[`${name}_quiet`].push(us(t0, performance.now(), 1));
      t0 = performance.now();
      for (let k = 0; k < 10; k += 1) await f();
      out[`${name}_burst`].push(us(t0, performance.now(), 10));
    }
  }
  echo.disconnect();
  fb.disconnect();
  return out;
}

/** The floor from an extension page and from a content script on x.com, with the bench's echo listeners in the worker. */
async function messagingFloor(env) {
  const worker = env.context.serviceWorkers().filter((w) => w.url().includes(env.extensionId)).pop() || env.worker;
  await worker.evaluate(() => {
    if (self.__benchEcho) return;
    self.__benchEcho = true;
    chrome.runtime.onMessage.addListener((m, _sender, sendResponse) => {
      if (!m || m.type !== 'bench:echo') return false;
      sendResponse({ ok: true });
      return false;
    });
    chrome.runtime.onConnect.addListener((port) => {
      if (port.name === 'bench-echo') port.onMessage.addListener((m) => port.postMessage(m));
    });
  });
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  const world = await contentWorld(env, 'https://x.com/redesign_host/followers');
  try {
    const n = 30;
    return { page: await ext.evaluate(floorSteps, { n }), content: await world.evaluate(floorSteps, { n }) };
  } finally {
    await ext.close();
    await world.close();
  }
}

/**
 * Everything the figures need, in `env` (a fresh profile): the extension
 * page's run by sendMessage (the path before the port), then, in a second
 * fresh profile so its pages are new too, the floor and the content script's
 * run over the port.
 */
export async function verdictPath(env, pages) {
  const page = await extensionPagePath(env, pages);
  const second = await launch();
  try {
    const floor = await messagingFloor(second);
    const content = await contentScriptPath(second, pages);
    return { ...page, floor, content };
  } finally {
    await second.close();
  }
}

/** Prints the verdict path's figures (medians over runs of the per-page medians). */
export function printVerdictPath(runs) {
  const m = (f) => median(runs.map((r) => median(f(r))));
  // The path the content script takes: its world on x.com, over the port (content/relay.js).
  figure('verdict_path_us', m((r) => r.content.verdicts), 'us');
  figure('verdict_path_again_us', m((r) => r.content.again), 'us');
  figure('verdict_path_full_us', m((r) => r.content.full), 'us');
  figure('verdict_path_600_rows_us', m((r) => r.content.batch), 'us');
  figure('payload_path_us_per_account', m((r) => r.content.payload), 'us');
  figure('messaging_round_trip_us', m((r) => r.content.ping), 'us');
  figure('messaging_round_trip_busy_us', m((r) => r.content.pingBusy), 'us');
  figure('messaging_sendmessage_round_trip_content_us', m((r) => r.content.sendPing), 'us');
  // Before the port: the same steps from an extension page by sendMessage.
  figure('verdict_path_sendmessage_us', m((r) => r.verdicts), 'us');
  figure('verdict_path_sendmessage_again_us', m((r) => r.again), 'us');
  figure('verdict_path_sendmessage_full_us', m((r) => r.full), 'us');
  figure('verdict_path_sendmessage_600_rows_us', m((r) => r.batch), 'us');
  figure('payload_path_sendmessage_us_per_account', m((r) => r.payload), 'us');
  figure('messaging_sendmessage_round_trip_us', m((r) => r.ping), 'us');
  figure('messaging_sendmessage_round_trip_busy_us', m((r) => r.pingBusy), 'us');
  // From the extension page over the port, through relay.js's ask.
  figure('messaging_port_round_trip_us', m((r) => r.portPing), 'us');
  figure('verdict_path_port_us', m((r) => r.portAgain), 'us');
  // The browser's floor (a bare listener in the worker) against our fb:ping, both contexts.
  for (const where of ['content', 'page']) {
    for (const way of ['sendmessage_bare', 'sendmessage_ping', 'port_bare', 'port_ping']) {
      for (const when of ['quiet', 'burst']) figure(`floor_${where}_${way}_${when}_us`, m((r) => r.floor[where][`${way}_${when}`]), 'us');
    }
  }
  figure('verdict_wasm_again_us', m((r) => r.wasm.again), 'us');
  figure('verdict_wasm_us', m((r) => r.wasm.verdicts), 'us');
  figure('verdict_reply_bytes_per_verdict', m((r) => r.bytes.compact), 'bytes');
  figure('verdict_request_bytes_per_row', m((r) => r.bytes.request), 'bytes');
  figure('verdict_full_reply_bytes', m((r) => r.bytes.full), 'bytes');
  figure('payload_wasm_us_per_account', m((r) => r.wasm.payload), 'us');
  figure('payload_reply_bytes_per_account', m((r) => r.bytes.payloadReply), 'bytes');
}

async function main() {
  const opts = { pages: path.join(path.dirname(path.dirname(HERE)), 'target/bench/pages'), runs: 3 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${argv[i]} (use --pages DIR --runs N)`);
    opts[key] = key === 'pages' ? path.resolve(argv[i + 1]) : Number(argv[i + 1]);
  }
  const pages = xPages(opts.pages).slice(0, 30);
  const runs = [];
  for (let run = 0; run < opts.runs; run += 1) {
    // A fresh profile each run: the pages are new to its memory, as on X.
    const env = await launch();
    try {
      runs.push(await verdictPath(env, pages));
    } finally {
      await env.close();
    }
  }
  printVerdictPath(runs);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`tests/bench/verdict-path.mjs: ${e.stack || e.message}`);
      process.exit(1);
    },
  );
}
