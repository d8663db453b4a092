// The content script's requests over the worker's long-lived port
// (extension/content/relay.js): one port for many requests, answers matched by
// id, and what happens when the port drops (worker stopped, extension gone,
// nobody listening), against a fake chrome.runtime.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';

let fresh = 0;
/** A new copy of relay.js (its port and pending requests are module state). */
const loadRelay = () => import(`../../extension/content/relay.js?copy=${(fresh += 1)}`);

/** A fake chrome.runtime: ports the test answers or drops, sendMessage answered by `onSend`. */
function fakeChrome({ onSend = (m) => ({ ok: true, via: 'sendMessage', echo: m.type }), connectThrows = null } = {}) {
  const ports = [];
  const sent = [];
  const runtime = {
    id: 'ext-id',
    lastError: undefined,
    connect(info) {
      if (connectThrows) throw new Error(connectThrows);
      const listeners = { message: [], disconnect: [] };
      const port = {
        name: info.name,
        posted: [],
        connected: true,
        postMessage(m) {
          if (!port.connected) throw new Error('Attempting to use a disconnected port object');
          port.posted.push(structuredClone(m));
        },
        disconnect() {
          port.connected = false;
        },
        onMessage: { addListener: (f) => listeners.message.push(f) },
        onDisconnect: { addListener: (f) => listeners.disconnect.push(f) },
        /** The worker answers request `id`. */
        reply(id, reply) {
          for (const f of listeners.message) f({ id, reply }, port);
        },
        /** The worker's end goes away (with `error` as runtime.lastError, if any). */
        drop(error) {
          port.connected = false;
          runtime.lastError = error ? { message: error } : undefined;
          for (const f of listeners.disconnect) f(port);
          runtime.lastError = undefined;
        },
      };
      ports.push(port);
      return port;
    },
    sendMessage(m) {
      sent.push(structuredClone(m));
      try {
        return Promise.resolve(onSend(m));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
  globalThis.chrome = /** @type {any} */ ({ runtime });
  return { runtime, ports, sent };
}

test('requests share one port named followback; answers are matched by id, in any order', async () => {
  const fake = fakeChrome();
  const relay = await loadRelay();
  const a = relay.ask({ type: 'fb:verdicts', requests: [{ handle: 'a' }] });
  const b = relay.ask({ type: 'fb:ping' });
  assert.equal(fake.ports.length, 1, 'one port for both');
  assert.equal(fake.ports[0].name, 'followback');
  const [first, second] = fake.ports[0].posted;
  assert.equal(first.message.type, 'fb:verdicts');
  assert.notEqual(first.id, second.id);
  fake.ports[0].reply(second.id, { ok: true, which: 'ping' });
  fake.ports[0].reply(first.id, { ok: true, which: 'verdicts' });
  assert.deepEqual(await a, { ok: true, which: 'verdicts' });
  assert.deepEqual(await b, { ok: true, which: 'ping' });
  fake.ports[0].reply(first.id, { ok: true, which: 'a second answer' }); // ignored: already answered
  assert.equal(fake.sent.length, 0, 'nothing went by sendMessage');
});

test('a request in flight when the worker stops is re-sent once when that is harmless, else answered with an error', async () => {
  const fake = fakeChrome();
  const relay = await loadRelay();
  const warm = relay.ask({ type: 'fb:ping' });
  fake.ports[0].reply(fake.ports[0].posted[0].id, { ok: true });
  await warm;
  const verdicts = relay.ask({ type: 'fb:verdicts', requests: [{ handle: 'a' }] });
  const interactions = relay.ask({ type: 'fb:interactions', interactions: [{ handle: 'a', kind: 'liked' }] });
  fake.ports[0].drop(); // MV3 stopped the worker
  assert.deepEqual(await verdicts, { ok: true, via: 'sendMessage', echo: 'fb:verdicts' });
  const lost = await interactions;
  assert.equal(lost.ok, false, 'answered, not lost');
  assert.match(lost.error, /stopped before it answered/);
  assert.deepEqual(fake.sent.map((m) => m.type), ['fb:verdicts'], 'only the harmless one was sent again, once');
  // The next request opens a new port.
  const next = relay.ask({ type: 'fb:ping' });
  assert.equal(fake.ports.length, 2);
  fake.ports[1].reply(fake.ports[1].posted[0].id, { ok: true, port: 2 });
  assert.deepEqual(await next, { ok: true, port: 2 });
  assert.equal(relay.contextGone(), false);
});

test('a re-sent request that fails again is answered with the error, not sent a third time', async () => {
  const fake = fakeChrome({ onSend: () => { throw new Error('The message port closed before a response was received.'); } });
  const relay = await loadRelay();
  const p = relay.ask({ type: 'fb:verdicts', requests: [] });
  fake.ports[0].reply(-1, { ok: true }); // an answer for nobody: ignored
  fake.ports[0].drop();
  const reply = await p;
  assert.equal(reply.ok, false);
  assert.match(reply.error, /port closed/);
  assert.equal(fake.sent.length, 1);
  assert.equal(fake.ports.length, 1, 'no port opened for the re-send');
});

test('nobody listening (nothing delivered): every request goes by sendMessage; ports that keep dropping are rested', async () => {
  const fake = fakeChrome();
  const relay = await loadRelay();
  for (let i = 0; i < 3; i += 1) {
    const p = relay.ask({ type: 'fb:interactions', interactions: [] });
    fake.ports[i].drop('Could not establish connection. Receiving end does not exist.');
    assert.deepEqual(await p, { ok: true, via: 'sendMessage', echo: 'fb:interactions' }, 'never delivered, so safe to send');
  }
  assert.equal(fake.ports.length, 3);
  const after = await relay.ask({ type: 'fb:ping' });
  assert.equal(after.via, 'sendMessage', 'after three silent drops, sendMessage for a while');
  assert.equal(fake.ports.length, 3, 'no fourth port');
  assert.equal(fake.sent.length, 4);
});

test('a port that cannot be opened falls back to sendMessage', async () => {
  const fake = fakeChrome({ connectThrows: 'connect is broken here' });
  const relay = await loadRelay();
  assert.deepEqual(await relay.ask({ type: 'fb:ping' }), { ok: true, via: 'sendMessage', echo: 'fb:ping' });
  assert.deepEqual(await relay.ask({ type: 'fb:ping' }), { ok: true, via: 'sendMessage', echo: 'fb:ping' });
  assert.equal(fake.sent.length, 2);
  assert.equal(relay.contextGone(), false);
});

test('after an extension reload (context gone) waiting requests are answered at once and nothing more is sent', async () => {
  const fake = fakeChrome();
  const relay = await loadRelay();
  const p = relay.ask({ type: 'fb:verdicts', requests: [] });
  fake.runtime.id = undefined;
  fake.ports[0].drop();
  assert.deepEqual(await p, { ok: false, error: 'extension context gone' });
  assert.equal(relay.contextGone(), true);
  assert.deepEqual(await relay.ask({ type: 'fb:ping' }), { ok: false, error: 'extension context gone' });
  assert.equal(fake.sent.length, 0, 'nothing re-sent to a gone extension');
  assert.equal(fake.ports.length, 1, 'no new port');
});

test('connect throwing because the context is gone stops quietly too', async () => {
  const fake = fakeChrome({ connectThrows: 'Extension context invalidated.' });
  fake.runtime.id = undefined;
  const relay = await loadRelay();
  assert.deepEqual(await relay.ask({ type: 'fb:ping' }), { ok: false, error: 'extension context gone' });
  assert.equal(relay.contextGone(), true);
  assert.equal(fake.sent.length, 0);
});

test('a port with nothing waiting is closed after PORT_IDLE_MS; the next request opens a new one', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const fake = fakeChrome();
    const relay = await loadRelay();
    const a = relay.ask({ type: 'fb:ping' });
    const b = relay.ask({ type: 'fb:ping' });
    fake.ports[0].reply(fake.ports[0].posted[0].id, { ok: true });
    await a;
    mock.timers.tick(relay.PORT_IDLE_MS + 1);
    assert.equal(fake.ports[0].connected, true, 'kept open while a request waits');
    fake.ports[0].reply(fake.ports[0].posted[1].id, { ok: true });
    await b;
    mock.timers.tick(relay.PORT_IDLE_MS - 1);
    assert.equal(fake.ports[0].connected, true, 'not idle long enough yet');
    mock.timers.tick(1);
    assert.equal(fake.ports[0].connected, false, 'closed when idle');
    const c = relay.ask({ type: 'fb:ping' });
    assert.equal(fake.ports.length, 2, 'a new port for the next request');
    fake.ports[1].reply(fake.ports[1].posted[0].id, { ok: true, port: 2 });
    assert.deepEqual(await c, { ok: true, port: 2 });
    assert.equal(fake.sent.length, 0);
  } finally {
    mock.timers.reset();
  }
});

test.after(() => {
  delete globalThis.chrome;
});
