// The service worker's engine recovery (extension/background/engine-keeper.js)
// with a fake engine: a trap answers the failing call with an error, drops the
// instance, starts a new one (settings and memory re-loaded), and the next call
// works; ordinary errors change nothing. Plain node.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { engineKeeper, leavesInstanceBroken } from '../../extension/background/engine-keeper.js';

/** A fake core: `broken` engines trap on every call, as a trapped wasm instance would. */
function fakeCore() {
  const log = [];
  let instance = 0;
  const start = async () => {
    const id = instance;
    log.push(`start ${id}`);
    return {
      id,
      count: () => {
        if (id !== instance) throw new Error('null pointer passed to rust');
        return 7;
      },
      trap: () => {
        throw new WebAssembly.RuntimeError('unreachable');
      },
      bad: () => {
        throw new Error('fb:payload needs a text string');
      },
    };
  };
  const reset = () => {
    instance += 1;
    log.push(`reset -> ${instance}`);
  };
  return { start, reset, log };
}

test('a trap answers with an error, re-creates the engine, and the next call works', async () => {
  const core = fakeCore();
  const restarted = [];
  const keeper = engineKeeper({ start: core.start, reset: core.reset, onRestart: (e) => restarted.push(String(e)) });
  assert.equal(await keeper.run((e) => e.count()), 7);
  await assert.rejects(keeper.run((e) => e.trap()), /core failed \(unreachable\) and was restarted/);
  assert.equal(keeper.restarts(), 1);
  assert.equal(restarted.length, 1);
  const next = await keeper.run((e) => ({ id: e.id, n: e.count() }));
  assert.deepEqual(next, { id: 1, n: 7 }, 'the next call runs on the new engine');
  assert.deepEqual(core.log, ['start 0', 'reset -> 1', 'start 1']);
});

test('ordinary errors pass through and keep the engine', async () => {
  const core = fakeCore();
  const keeper = engineKeeper(core);
  await assert.rejects(keeper.run((e) => e.bad()), /needs a text string/);
  assert.equal(keeper.restarts(), 0);
  assert.equal((await keeper.get()).id, 0);
  assert.deepEqual(core.log, ['start 0']);
});

test('two calls failing on the same broken engine restart it once', async () => {
  const core = fakeCore();
  const keeper = engineKeeper(core);
  await keeper.get();
  const both = await Promise.allSettled([keeper.run((e) => e.trap()), keeper.run((e) => e.trap())]);
  assert.deepEqual(both.map((r) => r.status), ['rejected', 'rejected']);
  assert.equal(keeper.restarts(), 1);
  assert.equal(await keeper.run((e) => e.count()), 7);
});

test('a failed start is retried by the next call', async () => {
  let tries = 0;
  const keeper = engineKeeper({
    start: async () => {
      tries += 1;
      if (tries === 1) throw new Error('wasm not found');
      return { ok: () => 'fine' };
    },
    reset: () => {},
  });
  await assert.rejects(keeper.run((e) => e.ok()), /wasm not found/);
  assert.equal(await keeper.run((e) => e.ok()), 'fine');
});

test('broken-instance errors are told from ordinary ones', () => {
  assert.equal(leavesInstanceBroken(new WebAssembly.RuntimeError('unreachable')), true);
  assert.equal(leavesInstanceBroken(new Error('recursive use of an object detected which would lead to unsafe aliasing in rust')), true);
  assert.equal(leavesInstanceBroken(new RangeError('Maximum call stack size exceeded')), true);
  assert.equal(leavesInstanceBroken(new Error('settings nested too deeply')), false);
  assert.equal(leavesInstanceBroken(undefined), false);
});
