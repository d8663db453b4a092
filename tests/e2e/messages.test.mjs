// The message table's privilege check in a real browser: from the content
// script's own world on x.com, every message the table marks as for the
// extension's pages only is refused by the service worker (an error reply,
// nothing of the memory), while the content script's own messages are answered;
// the same pages-only messages are answered for an extension page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './support/harness.mjs';
import { MESSAGES } from '../../extension/shared/messages.js';

let env;

before(async () => {
  env = await launch();
});

after(async () => {
  if (env) await env.close();
});

/** Evaluates `expression` (a promise) in the extension's isolated world of `page`, through CDP. */
async function inContentScript(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  let world = null;
  for (let i = 0; i < 100 && !world; i += 1) {
    world = contexts.find((c) => c.auxData && c.auxData.type === 'isolated' && String(c.name).includes('Followback'));
    if (!world) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(world, `the content script's world: ${JSON.stringify(contexts.map((c) => [c.name, c.auxData]))}`);
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
  return r.result.value;
}

const send = (message) =>
  `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => r ?? { none: true }, (e) => ({ thrown: String(e && e.message || e) }))`;

test('a content script is refused every pages-only message; its own messages are answered', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await page.waitForSelector('.followback-badge-host');
  const pagesOnly = Object.values(MESSAGES).filter((m) => m.to === 'worker' && !m.from.includes('content'));
  assert.ok(pagesOnly.length >= 5);
  for (const m of pagesOnly) {
    const reply = await inContentScript(page, send({ type: m.type }));
    assert.equal(reply.ok, false, `${m.type}: ${JSON.stringify(reply)}`);
    assert.match(String(reply.error), /extension's own pages only/, m.type);
    assert.equal(reply.json, undefined, `${m.type} gave nothing of the memory`);
    assert.equal(reply.records, undefined);
  }
  const own = await inContentScript(page, send({ type: MESSAGES.VERDICTS.type, requests: [{ handle: 'nobody_known_here' }] }));
  assert.equal(own.ok, true, JSON.stringify(own));
  // Compact by default: one JSON text, null where nothing is known.
  assert.equal(typeof own.verdicts, 'string', JSON.stringify(own));
  assert.deepEqual(JSON.parse(own.verdicts), [null]);
  const full = await inContentScript(page, send({ type: MESSAGES.VERDICTS.type, requests: [{ handle: 'nobody_known_here' }], full: true }));
  assert.deepEqual(full.verdicts, [null], JSON.stringify(full));
  await page.close();
});

test("the extension's pages get the pages-only messages answered", async () => {
  const page = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html`);
  for (const m of Object.values(MESSAGES).filter((x) => x.to === 'worker' && !x.from.includes('content') && x.type !== MESSAGES.MEMORY_CLEAR.type)) {
    // A write needs what to write: an empty patch (changes nothing).
    const body = m.type === MESSAGES.SETTINGS_WRITE.type ? { values: {} } : {};
    const reply = await page.evaluate((message) => chrome.runtime.sendMessage(message), { type: m.type, ...body });
    assert.equal(reply && reply.ok, true, `${m.type}: ${JSON.stringify(reply)}`);
  }
  await page.close();
});
