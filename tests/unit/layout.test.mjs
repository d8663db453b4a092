// Each context imports only its own folder, extension/shared/ and the core:
// code used by more than one context lives in shared/ (audit/ never imports
// content/, popup/ never options/). Plain node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { scripts } from './support.mjs';

test('contexts import only their own folder, shared/ and core/', () => {
  const crossings = [];
  let imports = 0;
  for (const [file, text] of scripts()) {
    const own = file.split('/')[0];
    for (const m of text.matchAll(/\bimport\s*(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] || m[2];
      imports += 1;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).split('/')[0];
      if (target !== own && target !== 'shared' && target !== 'core') crossings.push(`${file} imports ${spec}`);
      if (own === 'shared' && target !== 'shared' && target !== 'core') crossings.push(`${file} (shared) imports ${spec}`);
    }
  }
  assert.ok(imports > 30, `found the imports (${imports})`);
  assert.deepEqual(crossings, [], 'move what two contexts use to extension/shared/');
});
