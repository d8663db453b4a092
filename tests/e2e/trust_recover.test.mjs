// The worker's engine recovery (extension/background/engine-keeper.js) with the
// real wasm core in node (no browser): a call that leaves the instance unusable
// (here: a method called on a freed Engine) is answered with an error, the
// module is re-instantiated (`__wbg_reset_state`), a new engine is made with the
// settings and memory loaded again, and the next call works. Needs `./build.sh`.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { engineKeeper } from '../../extension/background/engine-keeper.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let core;

before(async () => {
  core = await import(path.join(root, 'dist', 'core', 'followback.js'));
  core.initSync({ module: readFileSync(path.join(root, 'dist', 'core', 'followback_bg.wasm')) });
});

const payload = (handle, id) =>
  JSON.stringify({ data: { user: { result: { __typename: 'User', rest_id: id, core: { screen_name: handle, name: handle }, legacy: { screen_name: handle, name: handle, followers_count: 10, friends_count: 20, description: 'hi' } } } } });

test('a broken engine is re-created with its saved memory and the next call works', async () => {
  // What the worker would have saved before the failure.
  const first = new core.Engine(null);
  first.ingest(payload('saved_one', '4242'), Date.now());
  const saved = first.exportMemory();
  const savedCount = first.accountCount();
  assert.ok(savedCount >= 1, 'the payload was read');
  first.free();

  let starts = 0;
  const keeper = engineKeeper({
    start: async () => {
      starts += 1;
      const e = new core.Engine(null);
      e.importMemory(saved);
      return e;
    },
    reset: () => core.__wbg_reset_state(),
  });
  const old = await keeper.get();
  assert.equal(await keeper.run((e) => e.accountCount()), savedCount);
  await assert.rejects(
    keeper.run((e) => {
      e.free(); // the instance's object is gone: every call on it fails
      return e.accountCount();
    }),
    /core failed .* and was restarted/,
  );
  assert.equal(keeper.restarts(), 1);
  assert.equal(await keeper.run((e) => e.accountCount()), savedCount, 'the next call works, with the saved memory');
  assert.equal(starts, 2);
  assert.notEqual(await keeper.get(), old, 'a new engine');
  assert.throws(() => old.accountCount(), 'objects of the dropped instance are refused');
});
