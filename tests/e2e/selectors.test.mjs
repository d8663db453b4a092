// Conventions (issue 9): the tests take X's selectors from the content
// script's own table (extension/content/selectors.js) instead of retyping
// them, and the bench's fake X page is the e2e one (fixtures/xpage.js).
// Reads files only; starts no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEL } from '../../extension/content/selectors.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TESTS = path.resolve(HERE, '..');

/** Test code (not fixture pages, which stand in for X and must spell its markup). */
function testCode() {
  const files = [];
  for (const dir of ['e2e', 'e2e/support', 'bench']) {
    for (const name of readdirSync(path.join(TESTS, dir))) {
      // This file names the selectors on purpose, to look for them.
      if (name.endsWith('.mjs') && path.join(TESTS, dir, name) !== fileURLToPath(import.meta.url)) files.push(path.join(TESTS, dir, name));
    }
  }
  return files;
}

/** The single test-id selectors of the table: '[data-testid="UserCell"]' and the like. */
const TESTID_SELECTORS = Object.values(SEL)
  .flatMap((s) => s.split(',').map((x) => x.trim()))
  .filter((s) => /^\[data-testid="[^"]+"\]$/.test(s));

test('the table has the test ids the tests rely on', () => {
  for (const s of ['[data-testid="UserCell"]', '[data-testid="UserName"]', '[data-testid="HoverCard"]', '[data-testid="notification"]']) {
    assert.ok(TESTID_SELECTORS.includes(s), s);
  }
});

test('no test retypes a selector of the content script\'s table', () => {
  const found = [];
  for (const file of testCode()) {
    const text = readFileSync(file, 'utf8');
    for (const s of TESTID_SELECTORS) if (text.includes(s)) found.push(`${path.relative(TESTS, file)}: ${s}`);
  }
  assert.deepEqual(found, [], 'import SEL from support/harness.mjs instead');
});

test('the bench builds its rows with the e2e fake X page', () => {
  const html = readFileSync(path.join(TESTS, 'bench/fixtures/scroll.html'), 'utf8');
  const script = readFileSync(path.join(TESTS, 'bench/fixtures/scroll.js'), 'utf8');
  assert.ok(html.indexOf('/__fixture/xpage.js') !== -1 && html.indexOf('/__fixture/xpage.js') < html.indexOf('/__bench/scroll.js'), 'xpage.js loads first');
  assert.match(script, /window\.__fixture/);
  for (const own of ['function skeleton(', 'function fill(', 'function usersOf(', 'function xhrJson(']) {
    assert.ok(!script.includes(own), `scroll.js defines ${own} again`);
  }
});
