// The built wasm (dist/core/followback_bg.wasm) carries no setting help or
// source text (issue 14, size): the settings schema leaves them out of the
// wasm build; the options page reads help from _locales and sources from
// options/setting-sources.js. Labels stay (the core's error messages name
// them), which also proves the search finds text in the binary. Needs
// ./build.sh first (build.sh test runs the unit tests after the build).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION } from './support.mjs';

import { SETTING_SOURCES } from '../../extension/options/setting-sources.js';

const WASM = path.resolve(EXTENSION, '../dist/core/followback_bg.wasm');

function wasmBytes() {
  assert.ok(existsSync(WASM), `${WASM} is missing: run ./build.sh first`);
  return readFileSync(WASM);
}

/** The English messages whose key ends with `_${part}` among the settings' keys (set_*). */
function englishSettingMessages(part) {
  const en = JSON.parse(readFileSync(path.join(EXTENSION, '_locales/en/messages.json'), 'utf8'));
  return Object.entries(en)
    .filter(([key]) => key.startsWith('set_') && !key.startsWith('set_group_') && key.endsWith(`_${part}`))
    .map(([key, m]) => [key, m.message]);
}

test('the wasm holds the settings labels (the search finds text in it)', () => {
  const wasm = wasmBytes();
  const labels = englishSettingMessages('label');
  assert.ok(labels.length > 100, `found ${labels.length} labels in _locales/en`);
  const missing = labels.filter(([, text]) => !wasm.includes(Buffer.from(text, 'utf8')));
  assert.deepEqual(missing, [], 'labels stay in the wasm');
});

test('the wasm holds no setting help text', () => {
  const wasm = wasmBytes();
  const helps = englishSettingMessages('help');
  assert.ok(helps.length > 100, `found ${helps.length} help texts in _locales/en`);
  const found = helps.filter(([, text]) => wasm.includes(Buffer.from(text, 'utf8')));
  assert.deepEqual(found, [], 'help text belongs in _locales, not the wasm');
});

test('the wasm holds no setting source text', () => {
  const wasm = wasmBytes();
  const sources = Object.entries(SETTING_SOURCES);
  assert.ok(sources.length > 100, `found ${sources.length} sources`);
  const found = sources.filter(([, text]) => wasm.includes(Buffer.from(text, 'utf8')));
  assert.deepEqual(found, [], 'sources belong in options/setting-sources.js, not the wasm');
});
