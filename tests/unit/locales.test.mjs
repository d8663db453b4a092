// The locale completeness check (issue 12, item 5): every locale under
// extension/_locales is valid JSON with exactly English's keys, non-empty
// messages and the same placeholders per key; every message id the code uses
// (`t('key'`, `data-i18n*="key"`, `__MSG_key__`) exists in English; and the
// English fallbacks written in the code are the English messages. Plain node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION, scripts } from './support.mjs';

import { DISPLAY_SWITCHES } from '../../extension/shared/display.js';

const LOCALES_DIR = path.join(EXTENSION, '_locales');
const MANIFEST = path.resolve(EXTENSION, '../manifest.json');
const SHIPPED = ['de', 'en', 'es', 'fr', 'ja', 'pt_BR'];

/** { locale: { key: { message } } }, parsed strictly (a broken file fails here). */
function readLocales() {
  const out = {};
  for (const dir of readdirSync(LOCALES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const file = path.join(LOCALES_DIR, dir.name, 'messages.json');
    assert.ok(existsSync(file), `${dir.name} has no messages.json`);
    const text = readFileSync(file, 'utf8');
    try {
      out[dir.name] = JSON.parse(text);
    } catch (e) {
      assert.fail(`_locales/${dir.name}/messages.json is not valid JSON: ${e.message}`);
    }
  }
  return out;
}

const LOCALES = readLocales();
const EN = LOCALES.en;

/** The placeholders of a message: positional `$1`..`$9` and named `$name$` (lower-cased), sorted. */
export function placeholders(message) {
  const found = new Set();
  for (const m of String(message).replace(/\$\$/g, '').matchAll(/\$([0-9])|\$([A-Za-z0-9_@]+)\$/g)) found.add(m[1] ? `$${m[1]}` : `$${m[2].toLowerCase()}$`);
  return [...found].sort();
}

/** Text with every `$` either `$$`, `$1`..`$9` or a named `$name$`: the rest is what chrome.i18n would mangle. */
function strayDollar(message) {
  return /\$(?![0-9])/.test(String(message).replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, ''));
}

test('the six shipped locales are there, and English is the default locale', () => {
  assert.deepEqual(Object.keys(LOCALES).sort(), SHIPPED);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  assert.equal(manifest.default_locale, 'en');
});

test('every locale has every key of English and no other', () => {
  const enKeys = Object.keys(EN).sort();
  assert.ok(enKeys.length > 100, `English has only ${enKeys.length} keys`);
  for (const [locale, messages] of Object.entries(LOCALES)) {
    const keys = Object.keys(messages);
    const missing = enKeys.filter((k) => !Object.hasOwn(messages, k));
    const extra = keys.filter((k) => !Object.hasOwn(EN, k));
    assert.deepEqual(missing, [], `${locale} lacks ${missing.length} keys`);
    assert.deepEqual(extra, [], `${locale} has keys English does not`);
  }
});

test('every message is a non-empty string with no space at either end', () => {
  for (const [locale, messages] of Object.entries(LOCALES)) {
    for (const [key, entry] of Object.entries(messages)) {
      assert.match(key, /^[A-Za-z0-9_@]+$/, `${locale}: ${key} is not a valid message name`);
      assert.equal(typeof entry?.message, 'string', `${locale}: ${key} has no message`);
      assert.ok(entry.message.trim().length > 0, `${locale}: ${key} is empty`);
      assert.equal(entry.message, entry.message.trim(), `${locale}: ${key} starts or ends with a space`);
      assert.ok(!strayDollar(entry.message), `${locale}: ${key} has a "$" that is not a placeholder (write $$)`);
    }
  }
});

test('every key has the same placeholders in every locale', () => {
  for (const [locale, messages] of Object.entries(LOCALES)) {
    if (locale === 'en') continue;
    for (const key of Object.keys(EN)) {
      if (!Object.hasOwn(messages, key)) continue; // reported by the key test
      assert.deepEqual(placeholders(messages[key].message), placeholders(EN[key].message), `${locale}: ${key}`);
      // Named placeholders need the same definitions (what they stand for).
      const names = (m) => Object.keys(m.placeholders || {}).map((n) => n.toLowerCase()).sort();
      assert.deepEqual(names(messages[key]), names(EN[key]), `${locale}: ${key} placeholder definitions`);
    }
  }
});

test('the placeholder check tells different placeholders apart', () => {
  assert.deepEqual(placeholders('Seen: $1 of $2'), ['$1', '$2']);
  assert.notDeepEqual(placeholders('Gesehen: $1'), placeholders('Seen: $1 of $2'));
  assert.deepEqual(placeholders('$COUNT$ accounts, $$5'), ['$count$']);
  assert.ok(strayDollar('costs 5 $ each'));
  assert.ok(strayDollar('$abc has no closing sign'));
  assert.ok(!strayDollar('costs $$5, $1 and $name$'));
});

test('the name and the description fit the stores in every language', () => {
  for (const [locale, messages] of Object.entries(LOCALES)) {
    assert.ok([...messages.extName.message].length <= 45, `${locale}: name too long`);
    const description = messages.extDescription.message;
    assert.ok([...description].length <= 132, `${locale}: description is ${[...description].length} characters (the store takes 132)`);
  }
});

test('Japanese messages have no trailing or leading spaces (ASCII or full-width)', () => {
  for (const [key, entry] of Object.entries(LOCALES.ja)) {
    assert.doesNotMatch(entry.message, /^[\s\u3000]|[\s\u3000]$/, key);
  }
});

// ---- the code against English ----------------------------------------------

/** Keys the code builds from a prefix (`t(\`popup_${s.key}\``): prefix -> the suffixes it can take. */
const DYNAMIC = {
  popup_: DISPLAY_SWITCHES.map((s) => s.key),
};

/** The extension's HTML pages, as [path, text]. */
function pages() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push([path.relative(EXTENSION, full), readFileSync(full, 'utf8')]);
    }
  };
  walk(EXTENSION);
  return out;
}

/** Every message id the code names: { key, where }. */
function usedKeys() {
  const used = [];
  for (const [file, text] of scripts()) {
    if (file.startsWith('core/') || file === 'content/content.js') continue; // build output
    for (const m of text.matchAll(/\bt\(\s*(['"])([A-Za-z0-9_@]+)\1/g)) used.push({ key: m[2], where: file });
    for (const m of text.matchAll(/\bt\(\s*`([A-Za-z0-9_@]*)\$\{/g)) {
      const suffixes = DYNAMIC[m[1]];
      assert.ok(suffixes, `${file} builds a message id from "${m[1]}": list what it can be in DYNAMIC`);
      for (const s of suffixes) used.push({ key: `${m[1]}${s}`, where: file });
    }
    for (const m of text.matchAll(/getMessage\(\s*(['"])([A-Za-z0-9_@]+)\1/g)) used.push({ key: m[2], where: file });
  }
  for (const [file, text] of pages()) {
    for (const m of text.matchAll(/\bdata-i18n(?:-[a-z-]+)?="([^"]*)"/g)) used.push({ key: m[1], where: file });
  }
  for (const m of readFileSync(MANIFEST, 'utf8').matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) used.push({ key: m[1], where: 'manifest.json' });
  return used;
}

test('every message id the code, the pages and the manifest use is in English', () => {
  const used = usedKeys();
  assert.ok(used.length > 200, `only ${used.length} uses found: is the pattern still right?`);
  const missing = used.filter((u) => !Object.hasOwn(EN, u.key)).map((u) => `${u.key} (${u.where})`);
  assert.deepEqual([...new Set(missing)], []);
  for (const key of ['extName', 'extDescription', 'actionTitle']) assert.ok(used.some((u) => u.key === key), `the manifest does not use ${key}`);
});

/** A JavaScript string literal's value (single or double quotes; \uXXXX and \' escapes). */
function literal(quote, body) {
  const json = body.replace(/\\'/g, "'").replace(quote === "'" ? /"/g : /(?!)/g, '\\"');
  return JSON.parse(`"${json}"`);
}

test('the English fallbacks in the code are the English messages', () => {
  let compared = 0;
  const differ = [];
  for (const [file, text] of scripts()) {
    if (file.startsWith('core/') || file === 'content/content.js') continue;
    for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)',\s*(['"])((?:\\.|(?!\2)[^\\\n])*)\2\s*[,)]/g)) {
      if (!Object.hasOwn(EN, m[1])) continue; // reported above
      compared += 1;
      const fallback = literal(m[2], m[3]);
      if (fallback !== EN[m[1]].message) differ.push(`${m[1]} (${file}): code says ${JSON.stringify(fallback)}`);
    }
  }
  for (const [file, text] of pages()) {
    for (const m of text.matchAll(/<(\w+)\b[^>]*?\sdata-i18n="([^"]+)"[^>]*>([^<]*)<\/\1>/g)) {
      if (!Object.hasOwn(EN, m[2])) continue;
      compared += 1;
      const written = m[3].replace(/\s+/g, ' ').trim();
      if (written !== EN[m[2]].message) differ.push(`${m[2]} (${file}): page says ${JSON.stringify(written)}`);
    }
  }
  assert.ok(compared > 200, `only ${compared} fallbacks compared`);
  assert.deepEqual(differ, []);
});

test('the per-surface switches\' English labels are the English messages', () => {
  for (const s of DISPLAY_SWITCHES) assert.equal(EN[`popup_${s.key}`]?.message, s.fallback, s.key);
});
