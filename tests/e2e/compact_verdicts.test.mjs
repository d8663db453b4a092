// Compact verdicts over fb:verdicts (issue 14, a cheap boundary): rows whose
// account came in no payload get their badge from the compact answer (one JSON
// text, no evidence), and opening the breakdown asks for the full verdict
// (`full: true`) and shows every evidence line; the audit page gets its
// reasons the same way.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitForRowBadges, readBadges, readBreakdown, recordMessages, recordedMessages, extensionConsoleProblems } from './support/harness.mjs';

let env;
let ext;

before(async () => {
  env = await launch();
  ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
});
after(async () => {
  if (env) await env.close();
});

const send = (message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
const badgeSelector = (handle) => `.followback-badge-host[data-followback-handle="${handle}"] >> [role="button"]`;

test('a row without a payload gets its badge from the compact answer; its breakdown shows the full evidence', async () => {
  await recordMessages(env);
  // Today's rows, drawn from the page alone (no GraphQL response at all).
  const page = await openPage(env, 'https://x.com/today_host/followers');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  assert.deepEqual(await recordedMessages(env, 'fb:payload'), [], 'no payload was involved');
  const asked = await recordedMessages(env, 'fb:verdicts');
  const rowRequests = asked.filter((m) => m.requests.some((r) => r.dom && r.dom.handle === 'ana_div'));
  assert.ok(rowRequests.length >= 1, 'the row asked with its facts');
  for (const m of rowRequests) assert.notEqual(m.full, true, 'rows ask for compact verdicts');

  // What the worker answers for the row now, compact and full, equals the badge.
  const compact = await send({ type: 'fb:verdicts', requests: [{ handle: 'ana_div' }] });
  assert.equal(compact.ok, true, JSON.stringify(compact));
  assert.equal(typeof compact.verdicts, 'string', 'one JSON text');
  const [row] = JSON.parse(compact.verdicts);
  assert.ok(Array.isArray(row) && row.length === 6, compact.verdicts);
  assert.equal(row[1], 'ana_div');
  assert.doesNotMatch(compact.verdicts, /evidence|reason/, 'no sentences');
  const full = await send({ type: 'fb:verdicts', requests: [{ handle: 'ana_div' }], full: true });
  const verdict = full.verdicts[0];
  assert.ok(verdict && verdict.evidence.length > 0, JSON.stringify(full).slice(0, 300));
  assert.deepEqual([row[2], row[3], row[4], row[5]], [verdict.score, verdict.level, verdict.confidence.label, verdict.confidence.value], 'compact equals full');
  const badge = (await readBadges(page)).find((b) => b.handle === 'ana_div');
  assert.ok(badge, 'ana_div has a badge');
  assert.deepEqual([Number(badge.score), badge.level], [verdict.score, verdict.level]);

  // The breakdown asks for the evidence and shows every line of it.
  const before = (await recordedMessages(env, 'fb:verdicts')).length;
  await page.click(badgeSelector('ana_div'));
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="ana_div"]');
  const b = await readBreakdown(page);
  assert.equal(b.lines.length, verdict.evidence.length, 'every evidence line');
  assert.deepEqual(b.lines.map((l) => l.signal).sort(), verdict.evidence.map((e) => e.signal).sort());
  const opened = (await recordedMessages(env, 'fb:verdicts')).slice(before);
  assert.ok(opened.some((m) => m.full === true && m.requests.length === 1 && m.requests[0].handle === 'ana_div'), JSON.stringify(opened));
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('fb:verdicts answers compact verdicts in request order, null where nothing is known or the request is unreadable', async () => {
  // The rows of the test above are remembered. One request nested too deep to read (built in the page).
  const r = await ext.evaluate(() => {
    const deep = {};
    let at = deep;
    for (let i = 0; i < 300; i += 1) at = at.d = {};
    const requests = [{ handle: 'ben_button' }, { handle: 'nobody_known_here' }, { handle: 'dan_bidi', dom: { handle: 'dan_bidi', bio: deep } }, 'junk', { handle: 'ana_div' }];
    return chrome.runtime.sendMessage({ type: 'fb:verdicts', requests });
  });
  assert.equal(r.ok, true, JSON.stringify(r));
  const answers = JSON.parse(r.verdicts);
  assert.equal(answers.length, 5);
  assert.deepEqual(answers.map((a) => (a ? a[1] : null)), ['ben_button', null, null, null, 'ana_div']);
});
