// The tsc check (extension/jsconfig.json, run by ./build.sh test) covers every
// extension script except the ones its "exclude" list names: each other file
// starts with `// @ts-check`, and every excluded file exists. Plain node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXTENSION = path.resolve(here, '../../extension');
const config = JSON.parse(readFileSync(path.join(EXTENSION, 'jsconfig.json'), 'utf8'));
const excluded = new Set(config.exclude.filter((p) => !p.startsWith('//')));

function scripts() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) out.push(path.relative(EXTENSION, full).split(path.sep).join('/'));
    }
  };
  walk(EXTENSION);
  return out;
}

test('every script not excluded from the type check opts into it', () => {
  const all = scripts();
  assert.ok(all.length > 20, `found the scripts (${all.length})`);
  const unchecked = all.filter((f) => !excluded.has(f) && !readFileSync(path.join(EXTENSION, f), 'utf8').startsWith('// @ts-check'));
  assert.deepEqual(unchecked, [], 'add `// @ts-check` as the first line, or list the file in jsconfig.json "exclude"');
});

test('the exclude list names files that exist', () => {
  for (const f of excluded) assert.ok(existsSync(path.join(EXTENSION, f)), f);
});

test('the core declarations are overlaid from the build', () => {
  assert.ok(config.compilerOptions.rootDirs.includes('../target/types'));
});
