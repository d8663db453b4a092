// Store-ready package: the manifest description fits the Chrome Web Store's
// 132 characters in every locale, homepage_url is set, the icons have the
// declared sizes, the 128 px icon keeps the stores' transparent 16 px padding
// around 96 px of art, and the glyph is not green; and the store screenshots
// (1280 x 800) of the fixture pages are taken into docs/store/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, waitForRowBadges, DIST, ROOT } from './support/harness.mjs';

const STORE = path.join(ROOT, 'docs', 'store');
const STORE_DESCRIPTION_MAX = 132;
let env;

before(async () => {
  env = await launch();
});

after(async () => {
  if (env) await env.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const b = readFileSync(file);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('the manifest description fits the store limit in every locale; homepage_url is set', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const key = /^__MSG_(\w+)__$/.exec(manifest.description)?.[1];
  const locales = readdirSync(path.join(DIST, '_locales'));
  assert.ok(locales.includes('en'));
  for (const locale of locales) {
    const messages = JSON.parse(readFileSync(path.join(DIST, '_locales', locale, 'messages.json'), 'utf8'));
    const text = key ? messages[key]?.message : manifest.description;
    if (text === undefined && locale !== 'en') continue; // falls back to English
    assert.equal(typeof text, 'string', `${locale} has the description`);
    assert.ok([...text].length <= STORE_DESCRIPTION_MAX, `${locale}: ${[...text].length} characters: ${text}`);
    assert.ok(text.length > 40, `${locale}: a real description`);
  }
  const home = new URL(manifest.homepage_url);
  assert.equal(home.protocol, 'https:');
});

test('icons: declared sizes, 16 px transparent padding at 128 px, a glyph that is not green', async () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.icons).sort((a, b) => a - b), ['16', '32', '48', '128']);
  for (const [size, file] of Object.entries(manifest.icons)) {
    const { width, height } = pngSize(path.join(DIST, file));
    assert.deepEqual([width, height], [Number(size), Number(size)], file);
  }
  const page = await openPage(env, `chrome-extension://${env.extensionId}/welcome/welcome.html`);
  const scan = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    const alpha = (x, y) => data[(y * c.width + x) * 4 + 3];
    let paddingMaxAlpha = 0;
    let minX = c.width; let maxX = -1; let minY = c.height; let maxY = -1;
    let r = 0; let gr = 0; let b = 0; let n = 0;
    for (let y = 0; y < c.height; y += 1) {
      for (let x = 0; x < c.width; x += 1) {
        const a = alpha(x, y);
        const inPadding = x < 16 || y < 16 || x >= c.width - 16 || y >= c.height - 16;
        if (inPadding) paddingMaxAlpha = Math.max(paddingMaxAlpha, a);
        if (a > 0) {
          minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
        if (a === 255) {
          const i = (y * c.width + x) * 4;
          r += data[i]; gr += data[i + 1]; b += data[i + 2]; n += 1;
        }
      }
    }
    return { width: c.width, paddingMaxAlpha, box: [minX, minY, maxX, maxY], mean: [r / n, gr / n, b / n] };
  }, `chrome-extension://${env.extensionId}/${manifest.icons['128']}`);
  assert.equal(scan.width, 128);
  assert.equal(scan.paddingMaxAlpha, 0, 'the outer 16 px are fully transparent');
  const [x0, y0, x1, y1] = scan.box;
  assert.ok(x1 - x0 + 1 >= 90 && y1 - y0 + 1 >= 90, `the art fills the 96 px box: ${scan.box}`);
  const [r, g, b] = scan.mean;
  assert.ok(!(g > r && g > b), `the icon is not green: mean rgb ${scan.mean.map(Math.round)}`);
});

async function storeShot(page, name) {
  mkdirSync(STORE, { recursive: true });
  const file = path.join(STORE, name);
  await page.screenshot({ path: file });
  assert.deepEqual(pngSize(file), { width: 1280, height: 800 }, name);
}

test('store screenshots, 1280 x 800: follower list, breakdown, welcome, settings', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  await storeShot(page, 'screenshot-1-followers.png');

  await page.click('.followback-badge-host[data-followback-handle="tfb_growth99"] >> [role="button"]');
  await page.waitForSelector('.followback-breakdown-host');
  await storeShot(page, 'screenshot-2-breakdown.png');
  await page.close();

  const welcome = await openPage(env, `chrome-extension://${env.extensionId}/welcome/welcome.html`);
  await welcome.setViewportSize({ width: 1280, height: 800 });
  await welcome.waitForSelector('body[data-ready="true"]');
  await storeShot(welcome, 'screenshot-3-welcome.png');

  const options = await openPage(env, `chrome-extension://${env.extensionId}/options/options.html`);
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.waitForSelector('body[data-ready="true"]');
  await storeShot(options, 'screenshot-4-settings.png');
  assert.ok(existsSync(path.join(STORE, 'listing.md')), 'docs/store/listing.md sits beside the screenshots');
});
