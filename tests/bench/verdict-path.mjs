// The verdict path as the content script takes it, timed from an extension
// page through chrome.runtime messaging to the service worker and back, and
// where its time goes: the messaging floor (a no-op `fb:ping` round trip from
// the same page), the bytes each way, and the core's own time for the same
// work (the wasm module loaded into that page, timed without messaging).
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
export async function verdictPath(env, pages) {
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
      // The same over a long-lived port (no channel opened per message), when the worker takes one.
      out.portPing = [];
      out.portAgain = [];
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
      const viaPort = (message) => new Promise((resolve) => {
        const id = (nextId += 1);
        waiting.set(id, resolve);
        port.postMessage({ id, message });
        setTimeout(() => {
          if (waiting.delete(id)) resolve(null);
        }, 2000);
      });
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
      port.disconnect();

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

/** Prints the verdict path's figures (medians over runs of the per-page medians). */
export function printVerdictPath(runs) {
  const m = (f) => median(runs.map((r) => median(f(r))));
  figure('verdict_path_us', m((r) => r.verdicts), 'us');
  figure('verdict_path_again_us', m((r) => r.again), 'us');
  figure('verdict_path_full_us', m((r) => r.full), 'us');
  figure('verdict_path_600_rows_us', m((r) => r.batch), 'us');
  figure('messaging_round_trip_us', m((r) => r.ping), 'us');
  figure('messaging_round_trip_busy_us', m((r) => r.pingBusy), 'us');
  figure('messaging_port_round_trip_us', m((r) => r.portPing), 'us');
  figure('verdict_path_port_us', m((r) => r.portAgain), 'us');
  figure('verdict_wasm_again_us', m((r) => r.wasm.again), 'us');
  figure('verdict_wasm_us', m((r) => r.wasm.verdicts), 'us');
  figure('verdict_reply_bytes_per_verdict', m((r) => r.bytes.compact), 'bytes');
  figure('verdict_request_bytes_per_row', m((r) => r.bytes.request), 'bytes');
  figure('verdict_full_reply_bytes', m((r) => r.bytes.full), 'bytes');
  figure('payload_path_us_per_account', m((r) => r.payload), 'us');
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
