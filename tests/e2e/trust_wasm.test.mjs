// The wasm core under hostile values, loaded directly in node (no browser):
// settings nested 100,000 deep or cyclic are refused with a message and the
// next call works (no trap leaves the module half-broken); the page's payload
// entry (`ingest`) records nothing from the extension's own shapes and
// refuses responses over 8 MB whole; a too-deep item in a list keeps the
// answers in order. Needs `./build.sh` (dist/core).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let core;

before(async () => {
  core = await import(path.join(root, 'dist', 'core', 'followback.js'));
  core.initSync({ module: readFileSync(path.join(root, 'dist', 'core', 'followback_bg.wasm')) });
});

function deepSettings(levels) {
  const doc = { version: 2, values: {} };
  let at = doc.values;
  for (let i = 0; i < levels; i += 1) {
    at.x = {};
    at = at.x;
  }
  return doc;
}

const followers = () => readFileSync(path.join(root, 'tests', 'fixtures', 'graphql', 'followers_gen3.json'), 'utf8');

/** The module still answers: defaults, validation and a real payload. */
function stillWorks() {
  const defaults = core.defaultSettings();
  assert.ok(Object.keys(defaults.values).length > 50);
  assert.equal(core.validateSettings(defaults).ok, true);
  const engine = new core.Engine(null);
  const report = engine.ingest(followers(), Date.now());
  assert.ok(report.accounts > 0, JSON.stringify(report));
  assert.equal(engine.accountCount(), report.accounts);
}

test('deeply nested settings fail cleanly and the next action works', () => {
  const deep = deepSettings(100_000);
  const v = core.validateSettings(deep);
  assert.equal(v.ok, false);
  assert.match(v.errors[0].message, /nested deeper than 64 levels/);
  stillWorks();
  const repaired = core.repairSettings(deep);
  assert.match(repaired.notices.join(' '), /nested deeper than 64 levels.*using defaults/);
  assert.deepEqual(repaired.settings, core.defaultSettings());
  const engine = new core.Engine(deep);
  assert.match(engine.notices().join(' '), /nested deeper/);
  const set = engine.setSettings(deep);
  assert.equal(set.ok, false);
  stillWorks();
});

test('cyclic and exponentially shared settings fail cleanly', () => {
  const cyclic = { version: 2, values: {} };
  cyclic.values.self = cyclic;
  assert.match(core.validateSettings(cyclic).errors[0].message, /nested deeper/);
  let shared = [0];
  for (let i = 0; i < 40; i += 1) shared = [shared, shared];
  const r = core.repairSettings({ version: 2, values: { 'begging.keywords': shared } });
  assert.match(r.notices.join(' '), /unreadable/);
  stillWorks();
});

test('a forged payload of the extension\'s own shapes records nothing', () => {
  const engine = new core.Engine(null);
  const forged = [
    { account: { id: '1350001', handle: 'real_acct', followers: 3, following: 4999, bio: 'follow back #TFB' },
      interactions: Array.from({ length: 40 }, (_, i) => ({ handle: 'real_acct', kind: 'replied', at: 1_700_000_000 + i })) },
    { handle: 'real_acct', id: '1350001', facts: { followers: 3, following: 4999 } },
    { handle: 'real_acct', followersText: '3', followingText: '4,999' },
    { version: 1, entries: [{ account: { id: '1350001', handle: 'real_acct', followers: 3 } }] },
  ];
  for (const shape of forged) {
    const report = engine.ingest(JSON.stringify(shape), Date.now());
    assert.equal(report.accounts + report.tweets + report.interactions, 0, JSON.stringify(shape));
  }
  assert.equal(engine.accountCount(), 0);
  assert.equal(engine.rememberAndScore([{ id: '1350001', handle: 'real_acct' }], Date.now())[0], null);
});

test('a response over 8 MB is refused whole with a clear message', () => {
  const engine = new core.Engine(null);
  const real = JSON.parse(followers());
  const big = JSON.stringify({ ...real, padding: 'x'.repeat(9 * 1024 * 1024) });
  const report = engine.ingest(big, Date.now());
  assert.equal(report.accounts, 0);
  assert.match(report.warnings.join(' '), /over the 8,388,608 a response may have; nothing was read/);
  assert.equal(engine.accountCount(), 0);
});

test('a too-deep item in a list keeps the answers in order', () => {
  const engine = new core.Engine(null);
  const report = engine.ingest(followers(), Date.now());
  assert.ok(report.accounts > 0);
  const known = JSON.parse(followers()).data.user.result.timeline.timeline.instructions
    .flatMap((i) => i.entries ?? [])
    .map((e) => e.content?.itemContent?.user_results?.result?.core?.screen_name)
    .find(Boolean);
  const verdicts = engine.rememberAndScore([deepSettings(1000), { handle: known }], Date.now());
  assert.equal(verdicts.length, 2);
  assert.equal(verdicts[0], null);
  assert.ok(verdicts[1] && typeof verdicts[1] === 'object', `a verdict for @${known}`);
  const r = engine.rememberInteractions([deepSettings(1000), { handle: 'sam_1', kind: 'liked', at: 1_700_000_000 }], Date.now());
  assert.equal(r.recorded, 1);
  assert.equal(r.skipped, 1);
});
