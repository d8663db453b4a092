// The tsc check (extension/jsconfig.json, run by ./build.sh test) covers every
// extension script except the ones its "exclude" list names: each other file
// starts with `// @ts-check`, and every excluded file exists. Plain node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { EXTENSION, scripts } from './support.mjs';

const config = JSON.parse(readFileSync(path.join(EXTENSION, 'jsconfig.json'), 'utf8'));
const excluded = new Set(config.exclude.filter((p) => !p.startsWith('//')));

test('every script not excluded from the type check opts into it', () => {
  const all = scripts();
  assert.ok(all.length > 20, `found the scripts (${all.length})`);
  const unchecked = all.filter(([f, text]) => !excluded.has(f) && !text.startsWith('// @ts-check')).map(([f]) => f);
  assert.deepEqual(unchecked, [], 'add `// @ts-check` as the first line, or list the file in jsconfig.json "exclude"');
});

test('the exclude list names files that exist', () => {
  for (const f of excluded) assert.ok(existsSync(path.join(EXTENSION, f)), f);
});

test('the core declarations are overlaid from the build', () => {
  assert.ok(config.compilerOptions.rootDirs.includes('../target/types'));
});
