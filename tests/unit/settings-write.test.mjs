// The settings write of the service worker's one queue (`fb:settings-write`),
// without a browser: the merge keeps every stored value a write does not name,
// falls back to the core's repaired reading only when nothing usable is stored,
// a replace sets exactly what it names, malformed requests are refused, and only
// the extension's pages may send it.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isSettingsShape, mergeSettings, settingsWriteProblem } from '../../extension/shared/settings-store.js';
import { MESSAGES, refusal } from '../../extension/shared/messages.js';

const DEFAULTS = Object.freeze({ version: 2, values: Object.freeze({ 'a.one': 1, 'b.two': 2, 'display.lists': true }) });
/** A stand-in for the core's tolerant reading: the defaults, and what it was asked to read. */
function fakeRepair() {
  const asked = [];
  const repair = (raw) => {
    asked.push(raw);
    return { version: DEFAULTS.version, values: { ...DEFAULTS.values } };
  };
  return { repair, asked };
}

test('a patch keeps every stored value it does not name, even ids this version does not know', () => {
  const { repair, asked } = fakeRepair();
  const stored = { version: 2, values: { 'a.one': 5, 'newer.id': 'kept' } };
  const next = mergeSettings(stored, { values: { 'b.two': 9 }, version: 2 }, repair);
  assert.deepEqual(next, { version: 2, values: { 'a.one': 5, 'newer.id': 'kept', 'b.two': 9 } });
  assert.deepEqual(asked, [], 'usable settings are not repaired');
  assert.deepEqual(stored, { version: 2, values: { 'a.one': 5, 'newer.id': 'kept' } }, 'the stored value is not changed in place');
  // Without a version (the popup's switches): merged onto the stored settings whatever their version.
  const old = { version: 1, values: { 'a.one': 7 } };
  assert.deepEqual(mergeSettings(old, { values: { 'display.lists': false } }, repair), { version: 1, values: { 'a.one': 7, 'display.lists': false } });
});

test('two patches applied one after the other keep both (the queue)', () => {
  const { repair } = fakeRepair();
  const first = mergeSettings(null, { values: { 'a.one': 3 }, version: 2 }, repair);
  const second = mergeSettings(first, { values: { 'display.lists': false } }, repair);
  assert.deepEqual(second.values, { 'a.one': 3, 'b.two': 2, 'display.lists': false });
});

test('nothing usable stored, or another version: the patch goes over the repaired reading', () => {
  for (const raw of [null, '}{ not settings', [1, 2, 3], { values: {} }, { version: 2, values: [1] }, { version: 1, values: { 'a.one': 4 } }]) {
    const { repair, asked } = fakeRepair();
    const next = mergeSettings(raw, { values: { 'b.two': 8 }, version: 2 }, repair);
    assert.deepEqual(next, { version: 2, values: { 'a.one': 1, 'b.two': 8, 'display.lists': true } }, JSON.stringify(raw));
    assert.deepEqual(asked, [raw], `the core read ${JSON.stringify(raw)}`);
  }
});

test('a replace sets exactly what it names', () => {
  const { repair, asked } = fakeRepair();
  const next = mergeSettings({ version: 2, values: { 'a.one': 5, 'junk.id': 1 } }, { values: { 'b.two': 4 }, version: 2, replace: true }, repair);
  assert.deepEqual(next, { version: 2, values: { 'b.two': 4 } });
  assert.deepEqual(asked, []);
});

test('malformed writes are refused with a reason', () => {
  assert.equal(settingsWriteProblem({ values: { 'a.one': 1 } }), null);
  assert.equal(settingsWriteProblem({ values: {}, version: 3, replace: true }), null);
  for (const bad of [null, {}, { values: null }, { values: ['x'] }, { values: 'a=1' }]) {
    assert.match(String(settingsWriteProblem(bad)), /values object/, JSON.stringify(bad));
  }
  assert.match(String(settingsWriteProblem({ values: {}, version: '2' })), /version must be an integer/);
  assert.match(String(settingsWriteProblem({ values: {}, replace: true })), /replace needs the version/);
});

test('settings shapes', () => {
  assert.equal(isSettingsShape({ version: 1, values: {} }), true);
  for (const v of [null, 'x', [], { version: 1.5, values: {} }, { version: 1, values: null }, { version: 1, values: [] }, { values: {} }]) {
    assert.equal(isSettingsShape(v), false, JSON.stringify(v));
  }
});

test('only the extension pages may write settings', () => {
  const type = MESSAGES.SETTINGS_WRITE.type;
  assert.equal(type, 'fb:settings-write');
  assert.equal(MESSAGES.SETTINGS_WRITE.to, 'worker');
  assert.equal(refusal(type, 'pages', 'worker'), null);
  assert.match(String(refusal(type, 'content', 'worker')), /own pages only/);
});
