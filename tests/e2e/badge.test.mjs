// The badge reads without colour: each level has its own glyph (check, dash,
// cross, question mark) that greyscale pixels tell apart; its accessible name
// says what it shows (a "?" badge never announces a number); an override is a
// pin and the level's glyph, never a score; the click target is at least
// 24 x 24 CSS px without making the row taller; sizes follow X's font-size.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, waitForRowBadges } from './support/harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});

// Follower lists, and the notifications page (its actors are known by little: not enough data).
const FIXTURES = ['gen1_page1', 'gen1_page2', 'gen2_page1', 'gen2_page2', 'gen3_page1', 'gen3_page2', 'robust', 'notifications'];
const hostOf = (fixture) => (fixture === 'robust' ? 'robust_host' : 'viewer_me');
const GLYPHS = { follow_back: 'check', maybe: 'dash', skip: 'cross', not_enough_data: null };

async function openFixture(page, fixture) {
  if (fixture === 'notifications') {
    await page.goto('https://x.com/notifications');
    await page.waitForSelector('.followback-badge-host[data-followback-level]');
    return;
  }
  await page.goto(`https://x.com/${hostOf(fixture)}/followers?fixture=${fixture}`);
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
}

/** What each badge draws: glyph, text, size, name. */
function readDrawn(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.followback-badge-host')].map((host) => {
      const badge = host.shadowRoot.querySelector('[role="button"]');
      const glyphs = [...badge.querySelectorAll('svg[data-glyph]')].map((g) => g.getAttribute('data-glyph'));
      const r = badge.getBoundingClientRect();
      const pill = badge.querySelector('.pill').getBoundingClientRect();
      const row = host.parentElement.getBoundingClientRect();
      return {
        handle: host.getAttribute('data-followback-handle'),
        level: host.getAttribute('data-followback-level'),
        override: host.getAttribute('data-followback-override'),
        glyphs,
        text: badge.textContent,
        name: badge.getAttribute('aria-label'),
        width: r.width, height: r.height, pillHeight: pill.height, lineHeight: row.height,
      };
    }),
  );
}

test('each level has its own glyph and a name that says what is shown', async () => {
  const page = await env.context.newPage();
  const seen = new Map();
  for (const fixture of FIXTURES) {
    await openFixture(page, fixture);
    for (const b of await readDrawn(page)) {
      if (b.override) continue;
      const glyph = GLYPHS[b.level];
      if (glyph) {
        assert.deepEqual(b.glyphs, [glyph], `${b.handle}: ${b.level} draws a ${glyph}`);
        assert.match(b.text, /^\d{1,3}$/, `${b.handle}: the score beside the glyph`);
        assert.ok(b.name.includes(b.text), `${b.handle}: the name holds the visible score: ${b.name}`);
        assert.ok(b.name.includes(b.level.replace('_', ' ')), `${b.handle}: the name holds the level words: ${b.name}`);
      } else {
        assert.deepEqual(b.glyphs, [], `${b.handle}: not enough data is a question mark`);
        assert.equal(b.text, '?');
        assert.doesNotMatch(b.name, /\d/, `${b.handle}: a "?" badge never announces a number: ${b.name}`);
        assert.match(b.name, /not enough data/);
      }
      assert.ok(b.width >= 24 && b.height >= 24, `${b.handle}: target at least 24 x 24 (${b.width} x ${b.height})`);
      assert.ok(b.height <= 26, `${b.handle}: not taller than needed (${b.height})`);
      if (!seen.has(b.level)) seen.set(b.level, { fixture, handle: b.handle });
    }
  }
  assert.deepEqual([...seen.keys()].sort(), ['follow_back', 'maybe', 'not_enough_data', 'skip'], 'the fixtures show all four levels');
  await page.close();
});

/** Greyscale masks of each level's glyph (dark vs light pixels), from screenshots. */
async function glyphMasks(page, shots) {
  const blank = await env.context.newPage();
  const masks = await blank.evaluate(async (pngs) => {
    const out = {};
    for (const [level, b64] of Object.entries(pngs)) {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const size = 16;
      const c = document.createElement('canvas');
      c.width = size;
      c.height = size;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0, size, size);
      const { data } = ctx.getImageData(0, 0, size, size);
      const grey = [];
      for (let i = 0; i < data.length; i += 4) grey.push(0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]);
      const mean = grey.reduce((a, v) => a + v, 0) / grey.length;
      // Light-on-dark and dark-on-light glyphs alike: the minority side is the glyph.
      const light = grey.map((v) => v > mean);
      const lightCount = light.filter(Boolean).length;
      out[level] = lightCount <= light.length / 2 ? light : light.map((v) => !v);
    }
    return out;
  }, shots);
  await blank.close();
  return masks;
}

test('greyscale pixels tell the four levels apart by their glyph', async () => {
  const page = await env.context.newPage();
  const shots = {};
  for (const fixture of FIXTURES) {
    await openFixture(page, fixture);
    for (const b of await readBadges(page)) {
      if (shots[b.level]) continue;
      const host = page.locator(`.followback-badge-host[data-followback-handle="${b.handle}"]`);
      const box = await host.evaluate((h) => {
        const badge = h.shadowRoot.querySelector('[role="button"]');
        const g = badge.querySelector('svg[data-glyph], .q');
        const r = g.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      });
      assert.ok(box.width > 4 && box.height > 4, `${b.handle}: a visible glyph ${JSON.stringify(box)}`);
      const png = await page.screenshot({ clip: { x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2 } });
      shots[b.level] = png.toString('base64');
    }
    if (Object.keys(shots).length === 4) break;
  }
  assert.equal(Object.keys(shots).length, 4, `a glyph of every level: ${Object.keys(shots)}`);
  const masks = await glyphMasks(page, shots);
  const levels = Object.keys(masks);
  for (let i = 0; i < levels.length; i += 1) {
    for (let j = i + 1; j < levels.length; j += 1) {
      const a = masks[levels[i]];
      const b = masks[levels[j]];
      const differ = a.filter((v, k) => v !== b[k]).length / a.length;
      assert.ok(differ >= 0.08, `${levels[i]} and ${levels[j]} differ in ${Math.round(differ * 100)}% of greyscale pixels`);
    }
  }
  await page.close();
});

test('an override shows a pin and the level it sets, never a score; the name says so', async () => {
  await env.worker.evaluate(() => chrome.storage.local.set({ overrides: { tfb_growth99: 'always', ada_builds: 'never' } }));
  try {
    const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
    await page.waitForSelector('body[data-rendered]');
    await waitForRowBadges(page);
    await page.waitForSelector('.followback-badge-host[data-followback-handle="tfb_growth99"][data-followback-override="always"]');
    const drawn = await readDrawn(page);
    const always = drawn.find((b) => b.handle === 'tfb_growth99');
    const never = drawn.find((b) => b.handle === 'ada_builds');
    assert.equal(always.level, 'follow_back');
    assert.deepEqual(always.glyphs, ['pin', 'check']);
    assert.equal(always.text, '', 'no score on an override');
    assert.equal(always.name, 'Followback: always follow back (your choice)');
    assert.deepEqual(never.glyphs, ['pin', 'cross']);
    assert.equal(never.text, '');
    assert.doesNotMatch(never.name, /\d/);
    await page.close();
  } finally {
    await env.worker.evaluate(() => chrome.storage.local.remove('overrides'));
  }
});

test("sizes follow X's font-size setting", async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const size = async (px) => {
    await page.evaluate((v) => { document.documentElement.style.fontSize = `${v}px`; }, px);
    return page.evaluate(() => {
      const host = document.querySelector('.followback-badge-host');
      const pill = host.shadowRoot.querySelector('.pill');
      return { height: pill.getBoundingClientRect().height, font: parseFloat(getComputedStyle(pill).fontSize) };
    });
  };
  const normal = await size(15);
  const largest = await size(20);
  assert.ok(largest.font > normal.font, `font grows with X's setting: ${normal.font} -> ${largest.font}`);
  assert.ok(largest.height > normal.height, `badge grows with X's setting: ${normal.height} -> ${largest.height}`);
  await page.close();
});
