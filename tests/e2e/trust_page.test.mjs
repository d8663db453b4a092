// Trust under attack, the page side: what a script on x.com can and cannot do
// to Followback, and what the page pays for it.
// - a forged window message in the old hook format, and a forged port hand-over,
//   change nothing (no payload read, nothing remembered, no badge changed);
// - the page's `message` listeners never see a copied response, nor the port;
// - a 50 MB response is not copied and costs the page no measurable task time;
// - a streamed response the page cancels (body.cancel(), reader.cancel(), abort)
//   stops downloading: the local server sees the stream closed, nothing is copied;
// - the wrappers look native (toString) and leave no global flag;
// - the page's unhandled fetch rejections still reach the page;
// - only trusted clicks change an override;
// - the extension pages load under the tightened CSP;
// - after the extension is reloaded, the orphaned tab loses its badges and the
//   hook stops copying (last test: it reloads the extension).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openPage, readBadges, waitForRowBadges, DIST, FIXTURES, NONCE, X_CSP, extensionPage } from './support/harness.mjs';

let env;
/** An extension page: messages from the extension's own origin. */
let ext;

before(async () => {
  // The cancelled-stream test routes one request to its own local HTTPS server.
  env = await launch({ ignoreHTTPSErrors: true });
  ext = await extensionPage(env);
});
after(async () => {
  if (env) await env.close();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const send = (message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
const payloadsRead = async () => {
  const s = await send({ type: 'fb:debug-stats' });
  assert.equal(s.ok, true, JSON.stringify(s));
  return s.payloads;
};
async function until(what, read, tries = 100) {
  for (let i = 0; i < tries; i += 1) {
    const got = await read();
    if (got) return got;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}
const memoryText = async () => {
  const r = await send({ type: 'fb:memory-json' });
  assert.equal(r.ok, true, JSON.stringify(r));
  return r.json;
};

const GEN3_PAGE2 = readFileSync(path.join(FIXTURES, 'graphql', 'followers_gen3_page2.json'), 'utf8');
/** An account only in the page-2 payload (never shown, never loaded by the page in these tests unless noted). */
const ONLY_IN_PAGE2 = 'lena_photos';

/**
 * A lab page on x.com (x.com's CSP): its first inline script, in <head>, is the
 * earliest a page script can run; it records every window message it sees.
 */
const LAB = `<!doctype html><html><head><meta charset="utf-8"><title>lab</title>
<script nonce="${NONCE}">
  window.__seen = [];
  const note = (phase) => (e) => {
    let text = '';
    try { text = typeof e.data === 'string' ? e.data : JSON.stringify(e.data); } catch (_) { text = '?'; }
    window.__seen.push({ phase, length: text.length, ports: e.ports.length, head: text.slice(0, 80) });
  };
  window.addEventListener('message', note('capture'), true);
  window.addEventListener('message', note('bubble'));
  window.__rejections = [];
  window.addEventListener('unhandledrejection', (e) => {
    window.__rejections.push(String(e.reason && e.reason.name) + ': ' + String(e.reason && e.reason.message));
  });
</script></head><body><p>lab</p></body></html>`;

async function openLab() {
  const page = await env.context.newPage();
  await page.route('https://x.com/trust_lab', (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': X_CSP }, body: LAB }),
  );
  await page.goto('https://x.com/trust_lab');
  return page;
}

const graphqlUrl = (fixture) => `https://x.com/i/api/graphql/abc123/Followers?fixture=${fixture}`;

test('a forged window message (old format) and a forged port hand-over change nothing', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const badgesBefore = await readBadges(page);
  const before = await payloadsRead();
  assert.ok(!(await memoryText()).includes(ONLY_IN_PAGE2), 'the account is not remembered yet');

  await page.evaluate(
    ({ text, url }) => {
      // The old hook format, as any page script can post it.
      window.postMessage({ __followback: 'graphql', url, text }, location.origin);
      // A forged hand-over with the page's own port, then a payload over it.
      const mc = new MessageChannel();
      window.postMessage({ __followbackPort: 'forged-token' }, location.origin, [mc.port2]);
      mc.port1.postMessage({ __followbackPort: 'forged-token' });
      mc.port1.postMessage({ __followback: 'graphql', url, text });
    },
    { text: GEN3_PAGE2, url: graphqlUrl('gen3_page2') },
  );
  await sleep(1500);
  assert.equal(await payloadsRead(), before, 'no payload was read');
  assert.ok(!(await memoryText()).includes(ONLY_IN_PAGE2), 'nothing was remembered');
  assert.deepEqual(await readBadges(page), badgesBefore, 'no badge changed');

  // The real path still works: the page loads the same payload itself.
  await page.evaluate((url) => window.__fixture.xhrJson(url), graphqlUrl('gen3_page2'));
  await until('the real payload read', async () => (await payloadsRead()) > before);
  await until('the real account remembered', async () => (await memoryText()).includes(ONLY_IN_PAGE2));
  await page.close();
});

test("the page's message listeners never see a copied response or the port", async () => {
  const page = await openLab();
  const before = await payloadsRead();
  // A page script spies on the built-ins the hook uses: the hook took its own copies at document_start.
  await page.evaluate(() => {
    window.__spied = [];
    const spy = (proto, name) => {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (d.get) {
        Object.defineProperty(proto, name, { ...d, get() { window.__spied.push(name); return d.get.call(this); } });
      } else {
        proto[name] = function (...args) {
          window.__spied.push(name);
          return d.value.apply(this, args);
        };
      }
    };
    spy(MessagePort.prototype, 'postMessage');
    spy(EventTarget.prototype, 'addEventListener');
    spy(XMLHttpRequest.prototype, 'getResponseHeader');
    spy(XMLHttpRequest.prototype, 'responseType');
    spy(Response.prototype, 'clone');
    spy(Promise.prototype, 'then');
    spy(window, 'setTimeout');
  });
  const viaXhr = await page.evaluate(async (url) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    await new Promise((r) => {
      xhr.onload = r;
      xhr.send();
    });
    return xhr.responseText.length;
  }, graphqlUrl('gen3_page2'));
  const viaFetch = await page.evaluate(async (url) => (await (await fetch(url)).text()).length, graphqlUrl('gen3_page1'));
  assert.ok(viaXhr > 1000 && viaFetch > 1000, `the page got its responses whole (${viaXhr}, ${viaFetch})`);
  await until('both copies read by the worker', async () => (await payloadsRead()) >= before + 2);
  const seen = await page.evaluate(() => window.__seen);
  assert.deepEqual(seen, [], `the page saw no message at all: ${JSON.stringify(seen)}`);
  const spied = await page.evaluate(() => window.__spied);
  assert.deepEqual(spied, [], `the hook used none of the page's replaced built-ins: ${spied}`);
  await page.close();
});

test('a 50 MB response is not copied and costs the page no task time', async () => {
  const page = await openLab();
  const big = Buffer.alloc(50 * 1024 * 1024, 'a');
  Buffer.from('{"data":{"pad":"').copy(big, 0);
  Buffer.from('"}}').copy(big, big.length - 3);
  await page.route('https://x.com/i/api/graphql/big50/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: big }),
  );
  const before = await payloadsRead();
  const timings = {};
  for (const type of ['', 'json']) {
    timings[type || 'text'] = await page.evaluate(async (responseType) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', 'https://x.com/i/api/graphql/big50/Followers');
      xhr.responseType = responseType;
      let longTasks = 0;
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks += e.duration;
      });
      obs.observe({ entryTypes: ['longtask'] });
      // The hook's copy (if any) runs in the first task after the load handlers:
      // the gap between the page's own load handler and its next task is what it costs.
      const gap = await new Promise((resolve) => {
        xhr.addEventListener('load', () => {
          const t0 = performance.now();
          setTimeout(() => resolve(performance.now() - t0), 0);
        });
        xhr.send();
      });
      await new Promise((r) => setTimeout(r, 300));
      obs.disconnect();
      const size = responseType === 'json' ? xhr.response.data.pad.length : xhr.responseText.length;
      return { gap, longTasks, size };
    }, type);
  }
  console.log(`# 50 MB response, main-thread time between the page's load handler and its next task: ${JSON.stringify(timings)}`);
  await sleep(1000);
  assert.equal(await payloadsRead(), before, 'the 50 MB response was not copied');
  for (const t of Object.values(timings)) {
    assert.ok(t.size > 50_000_000, 'the page got the whole body');
    assert.ok(t.gap < 50, `the hook's task took ${t.gap} ms`);
  }
  await page.close();
});

/** A self-signed certificate for 127.0.0.1 (openssl, in a temporary directory removed at once). */
function localCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fb-tls-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A local HTTPS server streaming a GraphQL-looking response slowly (32 KB every
 * 20 ms, 4 MB in all, no content-length), recording per `?case=` how much it
 * sent and whether the stream ended or was closed by the browser first.
 */
async function slowServer() {
  const TOTAL = 4 * 1024 * 1024;
  const CHUNK = 'a'.repeat(32 * 1024);
  const cases = new Map();
  const server = https.createServer(localCertificate(), (req, res) => {
    const name = new URL(req.url, 'https://127.0.0.1').searchParams.get('case') || '?';
    const record = { sent: 0, finished: false, closed: false, closedAt: 0 };
    cases.set(name, record);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.write('{"data":{"pad":"');
    const timer = setInterval(() => {
      if (record.sent >= TOTAL) {
        clearInterval(timer);
        record.finished = true;
        res.end('"}}');
        return;
      }
      res.write(CHUNK);
      record.sent += CHUNK.length;
    }, 20);
    res.on('close', () => {
      clearInterval(timer);
      record.closed = true;
      record.closedAt = Date.now();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${server.address().port}`;
  return { origin, cases, total: TOTAL, close: () => new Promise((r) => server.close(r)) };
}

test('a streamed response the page cancels stops downloading and is not copied', async () => {
  const server = await slowServer();
  // x.com reaching a loopback server needs Chromium's local-network-access permission.
  await env.context.grantPermissions(['local-network-access'], { origin: 'https://x.com' });
  const page = await openLab();
  try {
    // x.com's own URL for the page (its CSP allows it), answered by the local server.
    await page.route('https://x.com/i/api/graphql/slow1/**', (route) => {
      const u = new URL(route.request().url());
      return route.continue({ url: `${server.origin}${u.pathname}${u.search}` });
    });
    const url = (name) => `https://x.com/i/api/graphql/slow1/Followers?case=${name}`;
    const before = await payloadsRead();

    // Control: a page that reads the whole body gets it, and the copy is read.
    const whole = await page.evaluate(async (u) => (await (await fetch(u)).text()).length, url('whole'));
    assert.ok(whole > server.total, `the page got the whole body (${whole})`);
    await until('the whole response copied', async () => (await payloadsRead()) > before);
    const copied = await payloadsRead();

    const results = {};
    for (const name of ['reader', 'body', 'abort']) {
      const cancelledAt = await page.evaluate(async ([u, how]) => {
        const controller = new AbortController();
        const res = await fetch(u, { signal: controller.signal });
        if (how === 'body') {
          await new Promise((r) => setTimeout(r, 100));
          await res.body.cancel();
        } else {
          const reader = res.body.getReader();
          await reader.read();
          if (how === 'reader') await reader.cancel();
          else {
            controller.abort();
            await reader.closed.catch(() => {});
          }
        }
        return Date.now();
      }, [url(name), name]);
      const record = await until(`the ${name} stream closed or ended`, async () => {
        const r = server.cases.get(name);
        return r && (r.closed || r.finished) ? r : null;
      }, 100);
      results[name] = { sent: record.sent, finished: record.finished, closedAfterMs: record.closedAt - cancelledAt };
    }
    console.log(`# streamed 4 MB responses the page cancelled (bytes the server sent before the browser closed them): ${JSON.stringify(results)}`);
    for (const [name, r] of Object.entries(results)) {
      assert.equal(r.finished, false, `${name}: the download stopped (${JSON.stringify(r)})`);
      assert.ok(r.sent < server.total / 2, `${name}: stopped early (${r.sent} of ${server.total} bytes)`);
      assert.ok(r.closedAfterMs < 1500, `${name}: closed soon after the page cancelled (${r.closedAfterMs} ms)`);
    }
    await sleep(1000);
    assert.equal(await payloadsRead(), copied, 'no cancelled response was copied');
    assert.deepEqual(await page.evaluate(() => window.__rejections), [], 'no unhandled rejection reached the page');
  } finally {
    await page.close();
    await env.context.clearPermissions();
    await server.close();
  }
});

test('a flood of payloads is bounded per tab: 30 per 10 s, 30 more later, the rest refused', async () => {
  const page = await openLab();
  const before = await payloadsRead();
  const loaded = await page.evaluate(async (url) => {
    const one = () =>
      new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', url);
        xhr.onload = () => resolve(xhr.status);
        xhr.send();
      });
    const all = [];
    for (let i = 0; i < 70; i += 1) all.push(one());
    return (await Promise.all(all)).filter((s) => s === 200).length;
  }, graphqlUrl('gen3_page1'));
  assert.equal(loaded, 70, 'the page got every response');
  await sleep(2000);
  const soon = (await payloadsRead()) - before;
  await sleep(11_000);
  const later = (await payloadsRead()) - before;
  console.log(`# flood of 70 payloads: ${soon} read at once, ${later} after 13 s`);
  assert.equal(soon, 30, 'at most 30 in the first 10 s');
  assert.equal(later, 60, 'the 30 that waited were read later, the other 10 refused');
  await page.close();
});

test('the wrappers look native and leave no global flag; stacks name no extension', async () => {
  const page = await openLab();
  const got = await page.evaluate(() => {
    const ts = Function.prototype.toString;
    let stack = '';
    try {
      XMLHttpRequest.prototype.open.call(new XMLHttpRequest());
    } catch (e) {
      stack = String(e.stack);
    }
    return {
      open: ts.call(XMLHttpRequest.prototype.open),
      fetch: ts.call(fetch),
      toString: ts.call(ts),
      viaMethod: String(window.fetch),
      names: Object.getOwnPropertyNames(window).filter((n) => /followback/i.test(n)),
      streamWrappers: [
        ReadableStream.prototype.cancel,
        ReadableStream.prototype.getReader,
        ReadableStreamDefaultReader.prototype.cancel,
        ReadableStreamBYOBReader.prototype.cancel,
      ].map((f) => ts.call(f)),
      openName: XMLHttpRequest.prototype.open.name,
      openLength: XMLHttpRequest.prototype.open.length,
      stack,
    };
  });
  assert.equal(got.open, 'function open() { [native code] }');
  assert.equal(got.fetch, 'function fetch() { [native code] }');
  assert.equal(got.toString, 'function toString() { [native code] }');
  assert.equal(got.viaMethod, 'function fetch() { [native code] }');
  assert.deepEqual(got.names, []);
  assert.deepEqual(got.streamWrappers, ['cancel', 'getReader', 'cancel', 'cancel'].map((n) => `function ${n}() { [native code] }`));
  assert.equal(got.openName, 'open');
  assert.equal(got.openLength, 2);
  console.log(`# stack of a page error thrown inside the wrapped open: ${JSON.stringify(got.stack)}`);
  assert.ok(got.stack.length > 0);
  assert.doesNotMatch(got.stack, /chrome-extension:/);
  await page.close();
});

test("the page's unhandled fetch rejections still reach the page; handled ones do not", async () => {
  const page = await openLab();
  await page.route('https://x.com/i/api/graphql/reject/**', (route) => route.abort('failed'));
  const got = await page.evaluate(async () => {
    fetch('https://x.com/i/api/graphql/reject/Followers?unhandled=1');
    fetch('https://x.com/i/api/graphql/reject/Followers?handled=1').catch(() => {});
    let caught = null;
    try {
      await fetch('https://x.com/i/api/graphql/reject/Followers?awaited=1');
    } catch (e) {
      caught = e.name;
    }
    await new Promise((r) => setTimeout(r, 500));
    return { rejections: window.__rejections, caught };
  });
  assert.equal(got.caught, 'TypeError');
  assert.deepEqual(got.rejections, ['TypeError: Failed to fetch'], 'exactly the unhandled one reached the page');
  await page.close();
});

test('only trusted clicks change an override', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const [first] = await readBadges(page);
  const overrides = () => ext.evaluate(async () => (await chrome.storage.local.get('overrides')).overrides || null);
  const before = JSON.stringify(await overrides());
  await page.click(`.followback-badge-host[data-followback-handle="${first.handle}"] >> [role="button"]`);
  await page.waitForSelector('.followback-breakdown-host >> button[data-override="always"]');
  // A page script clicks through the open shadow root.
  await page.evaluate(() => {
    const pop = document.querySelector('.followback-breakdown-host');
    pop.shadowRoot.querySelector('button[data-override="always"]').click();
    pop.shadowRoot.querySelector('button[data-override="always"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await sleep(800);
  assert.equal(JSON.stringify(await overrides()), before, 'an untrusted click changed nothing');
  await page.click('.followback-breakdown-host >> button[data-override="always"]');
  await until('the trusted click stored', async () => JSON.stringify(await overrides()) !== before);
  assert.match(JSON.stringify(await overrides()), new RegExp(first.handle, 'i'));
  await page.close();
});

test('the extension pages load under the tightened CSP', async () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const csp = manifest.content_security_policy.extension_pages;
  for (const d of ["default-src 'self'", "object-src 'none'", "script-src 'self' 'wasm-unsafe-eval'"]) assert.ok(csp.includes(d), `${d} in ${csp}`);
  assert.doesNotMatch(csp, /object-src 'self'|\*|https?:/);
  assert.equal(manifest.host_permissions, undefined, 'no host_permissions beyond the content scripts');
  for (const file of ['options/options.html', 'popup/popup.html', 'audit/audit.html', 'selfcheck/selfcheck.html']) {
    const page = await env.context.newPage();
    const problems = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`chrome-extension://${env.extensionId}/${file}`);
    await page.waitForLoadState('load');
    await sleep(700);
    const scripts = await page.evaluate(() => document.scripts.length);
    assert.ok(scripts > 0, `${file} has its scripts`);
    assert.deepEqual(problems, [], `${file} loads without CSP problems`);
    await page.close();
  }
  // The worker still loads the wasm core (verdicts need it).
  const r = await send({ type: 'fb:verdicts', requests: [{ handle: 'someone' }] });
  assert.equal(r.ok, true, JSON.stringify(r));
});

test('after an extension reload the orphaned tab loses its badges and the hook stops copying', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen3_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const cdp = await env.context.newCDPSession(page);
  /** How many `load` listeners a fresh GraphQL XHR has after open() (the hook adds one while copying). */
  const hookListeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: "(() => { const x = new XMLHttpRequest(); x.open('GET', '/i/api/graphql/abc/Followers'); return x; })()",
    });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((l) => l.type === 'load').length;
  };
  assert.equal(await hookListeners(), 1, 'the hook watches GraphQL loads while the extension is there');
  assert.ok((await readBadges(page)).length > 0);

  await ext.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await until('the badges removed', async () => (await readBadges(page)).length === 0, 100);
  await until('the hook stopped', async () => (await hookListeners()) === 0, 50);
  // The page keeps working.
  const length = await page.evaluate(async (url) => (await window.__fixture.xhrJson(url)) !== null, graphqlUrl('gen3_page2'));
  assert.equal(length, true);
  await cdp.detach();
  await page.close();
});
