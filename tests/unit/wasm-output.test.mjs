// The built wasm's JSON output (src/json_out.rs, written by hand instead of
// serde's serializer), loaded directly in node: hostile text from X (quotes,
// backslashes, control characters, U+2028) comes back exactly as it went in
// through every output family (memory export, verdict export, settings
// export), and the core's messages name a setting by its id (the wasm holds
// no labels; the pages show the label from _locales). Needs ./build.sh first.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION } from './support.mjs';

const CORE = path.resolve(EXTENSION, '../dist/core');
let core;

before(async () => {
  const wasm = path.join(CORE, 'followback_bg.wasm');
  assert.ok(existsSync(wasm), `${wasm} is missing: run ./build.sh first`);
  core = await import(path.join(CORE, 'followback.js'));
  core.initSync({ module: readFileSync(wasm) });
});

const HOSTILE = 'a"b\\c\u2028d\u2029\u0001\u001f\b\f\n\r\t/é😀</script>';

/** A saved memory holding one account whose texts are all `HOSTILE`. */
function savedMemory() {
  return JSON.stringify({
    version: 1,
    capacity: 100,
    entries: [{
      account: { id: '42', handle: 'ann', name: HOSTILE, bio: HOSTILE, location: HOSTILE, followers: 12, following: 3 },
      tweets: [{ id: '7', text: HOSTILE, created_at: 1764000000, urls: [HOSTILE] }],
      interactions: [],
      last_seen: 1764000000,
    }],
  });
}

test('hostile text survives the memory export and the verdict export exactly', () => {
  const engine = new core.Engine(null);
  const imported = engine.importMemory(savedMemory());
  assert.deepEqual(imported, { ok: true, error: null });
  const exported = JSON.parse(engine.exportMemory());
  const [entry] = exported.entries;
  assert.equal(entry.account.name, HOSTILE);
  assert.equal(entry.account.bio, HOSTILE);
  assert.equal(entry.tweets[0].text, HOSTILE);
  assert.deepEqual(entry.tweets[0].urls, [HOSTILE]);
  const within = engine.exportMemoryWithin(1e6);
  assert.equal(within.json, engine.exportMemory(), 'the trimmed export is the same text when it fits');
  assert.deepEqual([within.kept, within.total], [1, 1]);
  const [remembered] = engine.exportVerdicts(Date.now());
  assert.equal(remembered.account.location, HOSTILE);
  assert.equal(remembered.verdict.handle, 'ann');
  assert.ok(remembered.verdict.evidence.length > 0, 'the verdict has its lines');
  assert.equal(typeof remembered.verdict.confidence.value, 'number');
  assert.ok(Array.isArray(remembered.verdict.summary.why), 'the summary is a message');
});

test('the settings export and validation write numbers and text as JSON reads them', () => {
  const defaults = core.defaultSettings();
  const file = core.settingsExportFile(defaults, { [HOSTILE]: 'always' });
  assert.deepEqual(file.overrides, { [HOSTILE]: 'always' });
  assert.deepEqual(file.values, defaults.values);
  const v = core.validateSettings(defaults);
  assert.equal(v.ok, true);
  assert.deepEqual(v.settings, defaults);
});

test("the core's messages name a refused setting by its id", () => {
  const defaults = core.defaultSettings();
  const v = core.validateSettings({ ...defaults, values: { ...defaults.values, 'level.min_confidence': 5 } });
  assert.equal(v.ok, false);
  const [e] = v.errors;
  assert.equal(e.id, 'level.min_confidence');
  assert.match(e.message, /^level\.min_confidence must be a number from 0 to 1; got 5\.$/);
  const schema = core.settingsSchema();
  assert.ok(schema.length > 100);
  assert.deepEqual(schema.filter((s) => s.label !== ''), [], 'no labels in the wasm schema');
});
