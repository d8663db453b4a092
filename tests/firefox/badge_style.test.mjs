// Badge styles in real Firefox (issue 14): every badge's shadow root is styled,
// by the one shared constructable sheet or, where Firefox refuses a content
// script's sheet, by a <style> of its own; either way the badge looks as in
// Chromium (the pill in the level's colour, the 24 px click target).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openXPage, until } from './support/harness.mjs';
import { LEVELS } from '../../extension/shared/levels.js';

let env;

before(async () => {
  env = await launchFirefox();
});
after(async () => {
  if (env) await env.close();
});

const rgb = (hex) => {
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

test('every badge is styled (shared sheet or its own <style>) and looks as in Chromium', async (t) => {
  const x = await openXPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await until(x, 'badges with scores on every row', () => {
    const cells = [...document.querySelectorAll('[data-testid="UserCell"]')];
    return cells.length > 0 && cells.every((c) => c.querySelector('.followback-badge-host[data-followback-score]'));
  });
  const looks = await x.evaluate(() =>
    [...document.querySelectorAll('.followback-badge-host')].map((h) => {
      const root = h.shadowRoot;
      const pill = root.querySelector('.pill');
      const badge = root.querySelector('.badge');
      return {
        level: h.getAttribute('data-followback-level'),
        hollow: badge.getAttribute('data-confidence') === 'low' || h.getAttribute('data-followback-level') === 'not_enough_data',
        adopted: (root.adoptedStyleSheets || []).length,
        styledBy: (root.adoptedStyleSheets || []).length + root.querySelectorAll('style').length,
        border: getComputedStyle(pill).borderTopColor,
        background: getComputedStyle(pill).backgroundColor,
        minHeight: getComputedStyle(badge).minHeight,
      };
    }),
  );
  assert.ok(looks.length >= 3, `badges drawn (${looks.length})`);
  t.diagnostic(`${looks.filter((l) => l.adopted === 1).length} of ${looks.length} badges adopt the shared sheet`);
  for (const look of looks) {
    const level = LEVELS.find((l) => l.id === look.level);
    assert.ok(level, JSON.stringify(look));
    assert.equal(look.styledBy, 1, `one sheet or one <style>: ${JSON.stringify(look)}`);
    assert.equal(look.border, rgb(level.light), JSON.stringify(look));
    assert.equal(look.background, look.hollow ? 'rgba(0, 0, 0, 0)' : rgb(level.light), JSON.stringify(look));
    assert.equal(look.minHeight, '24px');
  }
  await x.close();
});
