// Storage keys have one home (extension/shared/storage-keys.js): no file passes a
// key to chrome.storage as a string or a plain object key, and the settings store
// is the only one that knows sync from local. Plain node, no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scripts } from './support.mjs';

import { STORAGE_KEYS } from '../../extension/shared/storage-keys.js';
import { isQuotaError, settingsChanged } from '../../extension/shared/settings-store.js';

test('no chrome.storage call spells a key', () => {
  const calls = [];
  const spelled = [];
  for (const [file, text] of scripts()) {
    for (const m of text.matchAll(/chrome\.storage\.(local|sync)\.(get|set|remove)\(([^)]*)\)/g)) {
      calls.push(`${file}: ${m[0]}`);
      const args = m[3];
      // A quoted key, or an object literal with a bare (not computed) key.
      if (/['"`]/.test(args.replace(/:\s*['"`][^'"`]*['"`]/g, '')) || /\{\s*[A-Za-z_$][\w$]*\s*:/.test(args)) spelled.push(`${file}: ${m[0]}`);
    }
  }
  assert.ok(calls.length > 10, `the scan found the calls (${calls.length})`);
  assert.deepEqual(spelled, [], 'use STORAGE_KEYS (extension/shared/storage-keys.js)');
});

test('only the settings store uses chrome.storage.sync', () => {
  const users = scripts().filter(([, text]) => /chrome\.storage\.sync\b/.test(text)).map(([file]) => file);
  assert.deepEqual(users, ['shared/settings-store.js']);
});

test('keys are unique', () => {
  const values = Object.values(STORAGE_KEYS);
  assert.equal(new Set(values).size, values.length);
});

test('settings changes are told apart from other storage changes', () => {
  assert.equal(settingsChanged({ [STORAGE_KEYS.settings]: {} }, 'sync'), true);
  assert.equal(settingsChanged({ [STORAGE_KEYS.settings]: {} }, 'local'), true);
  assert.equal(settingsChanged({ [STORAGE_KEYS.settingsStore]: {} }, 'local'), true);
  assert.equal(settingsChanged({ [STORAGE_KEYS.settingsStore]: {} }, 'sync'), false);
  assert.equal(settingsChanged({ [STORAGE_KEYS.memory]: {} }, 'local'), false);
  assert.equal(settingsChanged({ [STORAGE_KEYS.enabled]: {} }, 'local'), false);
});

test('quota errors of both areas are recognised, other errors are not', () => {
  assert.equal(isQuotaError(new Error('QUOTA_BYTES quota exceeded')), true);
  assert.equal(isQuotaError(new Error('Resource::kQuotaBytes quota exceeded')), true);
  assert.equal(isQuotaError('MAX_WRITE_OPERATIONS_PER_MINUTE'), true);
  assert.equal(isQuotaError(new Error('IO error: disk')), false);
  assert.equal(isQuotaError(undefined), false);
});
