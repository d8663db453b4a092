// renderMessage (extension/shared/render-message.js): the core's messages
// rendered with the shipped locale files, numbers by Intl in the given locale,
// nested messages, text from X isolated and never markup, missing keys readable.
// Plain node, no browser: a getMessage that substitutes $1..$9 like chrome.i18n.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { renderMessage, renderSeen, isolate } from '../../extension/shared/render-message.js';

const localeFile = (lang) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url)), 'utf8'));
const EN = localeFile('en');

/** chrome.i18n.getMessage over one locale table: `$n` substituted, `$$` a dollar. */
function getter(table) {
  return (id, subs = []) => {
    const entry = table[id];
    if (!entry) return '';
    return entry.message.replace(/\$(\$|[1-9])/g, (_, d) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
  };
}
const en = getter(EN);

test('a bare message is its template', () => {
  assert.equal(renderMessage(['ev_bio_label'], en, 'en'), 'Bio');
  assert.equal(renderMessage(['ev_place_zero'], en, 'en'), '0 points');
});

test('numbers follow the locale: grouping, decimals, percent, signed points', () => {
  assert.equal(renderMessage(['ev_ratio_seen', 12345, 7], en, 'en'), 'following 12,345, followers 7');
  assert.equal(renderMessage(['ev_ratio_seen', 12345, 7], en, 'de'), 'following 12.345, followers 7');
  assert.equal(renderMessage(['ev_times', { n: 2.5, d: 1 }], en, 'en'), '2.5 times');
  assert.equal(renderMessage(['ev_times', { n: 2.5, d: 1 }], en, 'fr'), '2,5 times');
  assert.equal(renderMessage(['ev_links_threshold', { p: 0.9 }], en, 'en'), 'at most 90% of their own recent posts nothing but a link');
  assert.equal(
    renderMessage(['ev_place_penalty', { s: -6 }, { s: -10 }], en, 'en'),
    '\u22126 of \u221210: the full penalty',
  );
  assert.equal(renderMessage(['ev_place_full', { s: 7 }, 12], en, 'en'), '+7 of 12: full points');
  assert.equal(renderMessage(['ev_times', { n: null, d: 0 }], en, 'en'), '? times');
});

test('nested messages render inside out', () => {
  const seen = ['ev_seen_from', ['ev_u_post_many', 900], ['ev_src_graphql']];
  assert.equal(renderMessage(seen, en, 'en'), "900 posts, from X's data");
  assert.deepEqual(renderSeen(seen, en, 'en'), { fact: '900 posts', source: "from X's data" });
  const why = ['ev_place_why', ['ev_place_full_from', { s: 7 }, 12, ['ev_u_like_many', 1000]], ['ev_likes_why_many']];
  assert.equal(renderMessage(why, en, 'en'), "+7 of 12: full points from 1,000 likes. Likes other people's posts, as people do.");
});

test('text from X is isolated and stays text', () => {
  const hostile = '<img src=x onerror=alert(1)>\u202e\u2069 $1 $$\nnext';
  const out = renderMessage(['ev_bio_seen', { t: hostile }, ['ev_u_character_many', 40]], en, 'en');
  assert.equal(out, `\u201c${isolate(hostile)}\u201d (40 characters)`);
  // One isolate, opened and closed; the text's own isolate controls and line break are gone.
  assert.equal(out.split('\u2068').length - 1, 1);
  assert.equal(out.split('\u2069').length - 1, 1);
  assert.ok(!out.includes('\n'));
  // Markup is characters, and "$1" inside a text is not substituted again.
  assert.ok(out.includes('<img src=x onerror=alert(1)>'));
  assert.ok(out.includes(' $1 $$'));
  // Lists join isolated items.
  const list = renderMessage(['ev_found_in_bio', { l: [['ev_quoted', { t: '#TFB' }], ['ev_quoted', { t: 'f4f' }]] }], en, 'en');
  assert.equal(list, '\u201c\u2068#TFB\u2069\u201d, \u201c\u2068f4f\u2069\u201d in bio');
});

test('a missing key reads as its arguments, never empty or undefined', () => {
  assert.equal(renderMessage(['ev_from_a_newer_version', 3, { t: 'x' }], en, 'en'), '3 \u00b7 \u2068x\u2069');
  assert.equal(renderMessage(['ev_from_a_newer_version'], en, 'en'), 'ev from a newer version');
  assert.equal(renderMessage(['ev_bio_label'], () => '', 'en'), 'ev bio label');
  assert.equal(renderMessage(null, en, 'en'), '');
  assert.equal(renderMessage(['ev_bio_label'], () => { throw new Error('no i18n'); }, 'en'), 'ev bio label');
  // An older verdict's English sentence passes through.
  assert.equal(renderMessage('Bio', en, 'en'), 'Bio');
  // Garbage is nothing, not a crash.
  assert.equal(renderMessage({ id: 'x' }, en, 'en'), '');
  assert.equal(renderMessage([42], en, 'en'), '');
});

test('every en key this renderer is given has the placeholders its arguments fill', () => {
  // The Rust table (src/message.rs IDS) is checked against this file by cargo
  // test; here: each template with $n renders without a leftover "$".
  for (const [id, entry] of Object.entries(EN)) {
    if (!/^(ev|sum|sc)_/.test(id)) continue;
    const n = Math.max(0, ...[...entry.message.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));
    const args = Array.from({ length: n }, (_, i) => i + 1);
    const out = renderMessage([id, ...args], en, 'en');
    assert.ok(!/\$[1-9]/.test(out), `${id}: ${out}`);
    assert.ok(out.length > 0, id);
  }
});
