// The message table (extension/shared/messages.js) against the code: every `fb:`
// message named anywhere in extension/ is in the table and has exactly one
// handler where the table says it is answered; a content script is refused every
// message meant for the extension's pages; the page hook spells the window
// message as the table does. Plain node, no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scripts, source } from './support.mjs';

import { MESSAGES, WINDOW_MESSAGE, messageSpec, refusal, selfOf, senderRole, typesFor } from '../../extension/shared/messages.js';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const CONTENT_SENDER = { id: SELF.id, url: 'https://x.com/viewer_me/followers', origin: 'https://x.com', tab: { id: 7 }, frameId: 0 };
const PAGE_SENDERS = [
  { id: SELF.id, url: `${SELF.origin}/options/options.html`, origin: SELF.origin },
  // The popup or the audit page opened in a tab.
  { id: SELF.id, url: `${SELF.origin}/audit/audit.html?tab=7`, origin: SELF.origin, tab: { id: 9 } },
  // Firefox gives no `origin`: the URL decides.
  { id: 'followback@followback.invalid', url: 'moz-extension://0d9e/popup/popup.html' },
];
const FIREFOX_SELF = { id: 'followback@followback.invalid', origin: 'moz-extension://0d9e' };

test('every fb: message named in extension/ is in the table', () => {
  const types = new Set(Object.values(MESSAGES).map((m) => m.type));
  const unknown = [];
  let named = 0;
  for (const [file, text] of scripts()) {
    for (const m of text.matchAll(/\bfb:[a-z][a-z-]*/g)) {
      named += 1;
      if (!types.has(m[0])) unknown.push(`${file}: ${m[0]}`);
    }
  }
  assert.ok(named > 10, `the scan found the messages (${named})`);
  assert.deepEqual(unknown, [], 'fb: strings that are not in extension/shared/messages.js');
});

test('the table has unique types, known senders and receivers', () => {
  const all = Object.values(MESSAGES);
  assert.equal(new Set(all.map((m) => m.type)).size, all.length, 'one entry per type');
  for (const m of all) {
    assert.match(m.type, /^fb:[a-z][a-z-]*$/);
    assert.ok(['worker', 'content'].includes(m.to), `${m.type}.to`);
    assert.ok(m.from.length > 0 && m.from.every((r) => r === 'content' || r === 'pages'), `${m.type}.from`);
    assert.ok(m.summary.length > 10, `${m.type} says what it is for`);
    assert.equal(messageSpec(m.type), m);
  }
  assert.equal(messageSpec('fb:nope'), null);
  assert.equal(messageSpec('constructor'), null);
  assert.equal(messageSpec(42), null);
});

/** The message constant names used as `[MESSAGES.NAME.type]:` keys in a file's handler table. */
function handlerNames(file) {
  const text = source(file);
  return [...text.matchAll(/^\s*\[MESSAGES\.([A-Z_]+)\.type\]\s*:/gm)].map((m) => m[1]);
}

function namesFor(to) {
  return Object.entries(MESSAGES).filter(([, m]) => m.to === to).map(([name]) => name).sort();
}

test('the service worker has one handler per worker message, and no other', () => {
  const names = handlerNames('background/service-worker.js');
  assert.deepEqual([...names].sort(), namesFor('worker'));
  assert.equal(new Set(names).size, names.length, 'no message handled twice');
  assert.deepEqual(typesFor('worker').sort(), namesFor('worker').map((n) => MESSAGES[n].type).sort());
});

test('the content script has one answer per content message, and no other', () => {
  const names = handlerNames('content/main.js');
  assert.deepEqual([...names].sort(), namesFor('content'));
  assert.equal(new Set(names).size, names.length);
});

test('a content script is refused every pages-only message, and allowed the others', () => {
  const role = senderRole(CONTENT_SENDER, SELF);
  assert.equal(role, 'content');
  const pagesOnly = Object.values(MESSAGES).filter((m) => !m.from.includes('content'));
  assert.ok(pagesOnly.some((m) => m.type === 'fb:remembered-verdicts'), 'every account with its verdict is for pages only');
  assert.ok(pagesOnly.length >= 7, `pages-only messages: ${pagesOnly.map((m) => m.type)}`);
  for (const m of pagesOnly) {
    assert.match(String(refusal(m.type, role, m.to)), /extension's own pages only/, m.type);
  }
  for (const m of Object.values(MESSAGES).filter((x) => x.from.includes('content'))) {
    assert.equal(refusal(m.type, role, m.to), null, m.type);
  }
});

test("the extension's pages may send every message", () => {
  for (const [i, sender] of PAGE_SENDERS.entries()) {
    const role = senderRole(sender, i === 2 ? FIREFOX_SELF : SELF);
    assert.equal(role, 'pages', JSON.stringify(sender));
    for (const m of Object.values(MESSAGES)) assert.equal(refusal(m.type, role, m.to), null, m.type);
  }
});

test("the extension's own id and origin come from its runtime", () => {
  const runtime = { id: SELF.id, getURL: (p) => `${SELF.origin}/${p}` };
  assert.deepEqual(selfOf(runtime), SELF);
});

test('other senders and unknown messages are refused', () => {
  const otherExtension = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/x.html', origin: 'chrome-extension://zzzz' };
  assert.equal(senderRole(otherExtension, SELF), null);
  assert.equal(senderRole(null, SELF), null);
  assert.equal(senderRole({ id: SELF.id, url: 'https://x.com/' }, SELF), null, 'not ours and not from a tab');
  // A page at another origin pretending in its URL path.
  assert.equal(senderRole({ id: SELF.id, url: `https://evil.example/${SELF.origin}/options.html`, tab: { id: 1 } }, SELF), 'content');
  for (const m of Object.values(MESSAGES)) assert.match(String(refusal(m.type, null, m.to)), /not recognised/);
  assert.match(String(refusal('fb:nope', 'pages', 'worker')), /unknown message type/);
  // A message sent to the wrong receiver is not answered there.
  assert.match(String(refusal(MESSAGES.PAGE_STATS.type, 'pages', 'worker')), /unknown message type/);
  assert.match(String(refusal(MESSAGES.VERDICTS.type, 'pages', 'content')), /unknown message type/);
});

test('the page hook and the relay spell the window message as the table does', () => {
  const hook = source('page/hook.js');
  assert.ok(hook.includes(`const TAG = '${WINDOW_MESSAGE.tag}';`), 'hook.js TAG');
  assert.ok(hook.includes(`{ ${WINDOW_MESSAGE.tag}: '${WINDOW_MESSAGE.graphql}', url: absolute(url), text }`), 'hook.js posts the graphql message');
  const relay = source('content/relay.js');
  assert.ok(relay.includes('WINDOW_MESSAGE.tag') && relay.includes('WINDOW_MESSAGE.graphql'), 'relay.js reads it from the table');
});
