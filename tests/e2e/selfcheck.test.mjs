// Self-check (issue 13): on the viewer's own profile (known from X's side-bar
// profile link, not the URL) a "How you look" chip stands in for the badge and
// opens the reasons in the second person with their facts and advice; fixing
// the bio removes that line; the popup shows the score and the top two
// changes; the self-check page draws the same lines; other accounts' badges are
// the same with the self-check on or off; switched off, your profile gets its
// ordinary badge. Saves docs/screenshots/selfcheck.png.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, readBadges, extensionConsoleProblems, SCREENSHOTS, SEL, contentTabs, resetSettings } from './support/harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  if (env) await env.close();
});
beforeEach(() => resetSettings(env, ['enabled']));

const CHIP = '.followback-selfcheck-host';
const PANEL = '.followback-selfcheck-panel-host';
const SECOND_PERSON = /^(You|Your|X's|Open|Followback|People) /;

async function openOwnProfile() {
  const page = await openPage(env, 'https://x.com/viewer_me');
  await page.waitForSelector(`${SEL.profileName} ${CHIP}`);
  // The chip shows the score once the worker answered.
  await page.waitForFunction((sel) => /^\d+$/.test(document.querySelector(sel)?.getAttribute('data-followback-score') || ''), CHIP);
  return page;
}

/** The open panel's lines: [{ topic, status, signal, text }] and its title, or null. */
function readPanel(page) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    if (!host || !host.shadowRoot) return null;
    const root = host.shadowRoot;
    return {
      title: root.querySelector('.sc-title')?.textContent ?? null,
      role: root.querySelector('[role="dialog"]') ? 'dialog' : null,
      tags: [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
      lines: [...root.querySelectorAll('li.sc-line')].map((li) => ({
        topic: li.getAttribute('data-topic'),
        status: li.getAttribute('data-status'),
        signal: li.getAttribute('data-signal'),
        text: li.querySelector('.sc-text')?.textContent ?? '',
      })),
    };
  }, PANEL);
}

async function openPanel(page) {
  await page.click(`${CHIP} >> [role="button"]`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.sc-title'), PANEL);
  return readPanel(page);
}

const bySignal = (panel, signal) => panel.lines.find((l) => l.signal === signal);

async function setSelfCheck(enabled) {
  await env.worker.evaluate(
    (on) => chrome.storage.sync.set({ settings: { version: 1, values: { 'selfcheck.enabled': on } } }),
    enabled,
  );
}

test('own profile: a "How you look" chip instead of a badge, with reasons, facts and advice', async () => {
  const page = await openOwnProfile();
  const badges = await readBadges(page);
  assert.ok(!badges.some((b) => b.inProfile), `no badge for yourself: ${JSON.stringify(badges)}`);
  const chipText = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[role="button"]').textContent, CHIP);
  assert.match(chipText, /^How you look \u00b7 \d+$/);

  const panel = await openPanel(page);
  assert.equal(panel.role, 'dialog');
  assert.match(panel.title, /^How you look: \d+, (skip|maybe|follow back|not enough data)$/);
  const score = await page.getAttribute(CHIP, 'data-followback-score');
  assert.ok(panel.title.startsWith(`How you look: ${score},`), `${panel.title} vs chip ${score}`);

  const begging = bySignal(panel, 'begging');
  assert.ok(begging, JSON.stringify(panel.lines));
  assert.equal(begging.status, 'change');
  assert.equal(
    begging.text,
    // The phrase from the bio is bidi-isolated (U+2068 ... U+2069): its direction never reorders ours.
    'Your bio asks for follow-backs (\u2068#TeamFollowBack\u2069). People who decide one by one steer clear of that: remove the hashtag.',
  );
  const avatar = bySignal(panel, 'avatar');
  assert.equal(avatar?.status, 'change', JSON.stringify(panel.lines));
  assert.match(avatar.text, /^You still have X's default photo \(.+\)\..*upload a photo/);
  const cap = bySignal(panel, 'following_cap');
  assert.equal(cap?.status, 'change', JSON.stringify(panel.lines));
  assert.match(cap.text, /^You follow 4,990 and 210 follow you: following far more than follow you.*follow churn/);
  const ratio = bySignal(panel, 'ratio');
  assert.equal(ratio?.status, 'change');

  // No posts were opened: the check says what it needs.
  assert.ok(
    panel.lines.some((l) => l.status === 'needs_data' && l.text === 'Open your Posts tab so your recent posts can be checked for variety and automation.'),
    JSON.stringify(panel.lines),
  );
  const dm = panel.lines.filter((l) => l.topic === 'auto_dms');
  assert.equal(dm.length, 1);
  assert.equal(dm[0].status, 'cannot_check');
  assert.match(dm[0].text, /end-to-end encrypted.*If you do: stop automatic welcome DMs/);
  for (const l of panel.lines) assert.match(l.text, SECOND_PERSON, `second person: ${l.text}`);
  // Only our own elements in the panel: text from X never became markup.
  assert.ok(panel.tags.every((t) => ['style', 'div', 'button', 'h2', 'h3', 'p', 'ol', 'li', 'span'].includes(t)), panel.tags.join(','));

  await page.screenshot({ path: path.join(SCREENSHOTS, 'selfcheck.png'), clip: { x: 150, y: 0, width: 700, height: 800 } });

  // Fix the bio: the begging line goes, the score rises, the other lines stay.
  await page.evaluate(() => {
    document.getElementById('bio').textContent = 'Coffee, code and cats.';
  });
  await page.waitForFunction(
    (sel) => ![...document.querySelector(sel).shadowRoot.querySelectorAll('li.sc-line')].some((li) => li.getAttribute('data-signal') === 'begging'),
    PANEL,
  );
  const fixed = await readPanel(page);
  assert.ok(bySignal(fixed, 'avatar'), 'the photo line stays');
  assert.ok(bySignal(fixed, 'following_cap'), 'the following line stays');
  assert.ok(fixed.lines.some((l) => l.topic === 'asking_for_follow_backs' && l.status === 'fine'), JSON.stringify(fixed.lines));
  const newScore = Number(await page.getAttribute(CHIP, 'data-followback-score'));
  assert.ok(newScore > Number(score), `score rose: ${score} -> ${newScore}`);

  // Escape closes the panel.
  await page.keyboard.press('Escape');
  await page.waitForSelector(PANEL, { state: 'detached' });
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('the viewer comes from the side bar, not the URL: without it, your profile gets a badge', async () => {
  const page = await openOwnProfile();
  await page.evaluate((sel) => document.querySelector(sel).remove(), SEL.viewerProfileLink);
  await page.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  assert.equal(await page.$(CHIP), null);
});

/**
 * Has the page load `followers_<name>.json` (tests/e2e/fixtures/graphql) by XHR (the hook relays it to the
 * worker) and waits until the worker has read it and the page had a moment to
 * redraw with the reply.
 */
async function loadPayload(page, name) {
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.extensionId}/options/options.html`);
  const payloads = async () => (await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fb:debug-stats' }))).payloads;
  const before = await payloads();
  // viewer_profile.html has no fixture script: the same XHR the fixtures' xhrJson(graphqlUrl('Viewer', name)) makes.
  const status = await page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const variables = encodeURIComponent(JSON.stringify({ withCommunitiesMemberships: true }));
        const xhr = new XMLHttpRequest();
        xhr.open('GET', `/i/api/graphql/Fx0QueryIdViewer/Viewer?variables=${variables}&fixture=${encodeURIComponent(n)}`);
        xhr.onloadend = () => resolve(xhr.status);
        xhr.send();
      }),
    name,
  );
  assert.equal(status, 200, `followers_${name}.json served`);
  for (let i = 0; i < 100 && (await payloads()) <= before; i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok((await payloads()) > before, `the worker read ${name}`);
  await ext.close();
  await page.waitForTimeout(500);
}

test('without the side bar, a payload naming the viewer brings the chip back; one naming another does not', async () => {
  const page = await openOwnProfile();
  await page.evaluate((sel) => document.querySelector(sel).remove(), SEL.viewerProfileLink);
  await page.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  assert.equal(await page.$(CHIP), null, 'the URL alone is not the viewer');
  // A payload naming someone else does not make this profile yours.
  await loadPayload(page, 'viewer_other');
  assert.equal(await page.$(CHIP), null, 'another viewer named by a payload');
  assert.notEqual(await page.$(`${SEL.profileName} .followback-badge-host`), null);
  // The Viewer query names viewer_me: its own profile shows the chip again.
  await loadPayload(page, 'viewer_me');
  await page.waitForSelector(`${SEL.profileName} ${CHIP}`);
  await page.waitForSelector(`${SEL.profileName} .followback-badge-host`, { state: 'detached' });
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('a payload never overrides the side bar: one naming another viewer keeps your chip', async () => {
  const page = await openOwnProfile();
  await loadPayload(page, 'viewer_other');
  assert.notEqual(await page.$(`${SEL.profileName} ${CHIP}`), null);
  assert.equal(await page.$(`${SEL.profileName} .followback-badge-host`), null);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('the popup shows your score and the top two changes, and opens the full self-check', async () => {
  const page = await openOwnProfile();
  const score = await page.getAttribute(CHIP, 'data-followback-score');
  const [tab] = await contentTabs(env);
  const popup = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html?tab=${tab.id}`);
  await popup.waitForSelector('body[data-selfcheck="shown"]');
  const shown = await popup.evaluate(() => ({
    you: document.querySelector('#selfcheck .sc-you').textContent,
    top: [...document.querySelectorAll('#selfcheck .sc-top li')].map((li) => ({ signal: li.getAttribute('data-signal'), text: li.textContent })),
  }));
  assert.match(shown.you, new RegExp(`^@viewer_me: ${score}, `));
  assert.equal(shown.top.length, 2, JSON.stringify(shown.top));
  const panel = await openPanel(page);
  for (const t of shown.top) {
    const line = bySignal(panel, t.signal);
    assert.equal(line?.status, 'change', `${t.signal} is a change in the panel`);
    assert.equal(line.text, t.text);
  }
  // Begging (15 points by default) and the following cap cost the most here.
  assert.ok(shown.top.some((t) => t.signal === 'begging'), JSON.stringify(shown.top));

  // "See the full self-check" on your own profile opens the panel there.
  await page.keyboard.press('Escape');
  await page.waitForSelector(PANEL, { state: 'detached' });
  await popup.click('#open-selfcheck');
  await page.waitForSelector(PANEL);
  assert.deepEqual(extensionConsoleProblems(popup, env.extensionId), []);

  // The self-check page draws the same lines.
  const full = await openPage(env, `chrome-extension://${env.extensionId}/selfcheck/selfcheck.html?handle=viewer_me`);
  await full.waitForSelector('body[data-state="shown"]');
  const lines = await full.evaluate(() => [...document.querySelectorAll('li.sc-line')].map((li) => ({ signal: li.getAttribute('data-signal'), text: li.querySelector('.sc-text').textContent })));
  assert.equal(lines.find((l) => l.signal === 'begging')?.text, bySignal(panel, 'begging').text);
  assert.ok(lines.length >= 8);
});

test("other accounts' badges are the same with the self-check on or off; off, your profile gets a badge", async () => {
  const on = await openOwnProfile();
  await on.waitForSelector(`${SEL.userCell} .followback-badge-host`);
  const rowOn = (await readBadges(on)).filter((b) => !b.inProfile);
  assert.equal(rowOn.length, 1);
  assert.equal(rowOn[0].handle, 'other_acct');
  const carolOn = await openPage(env, 'https://x.com/carol_example');
  await carolOn.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  const carolScoreOn = (await readBadges(carolOn))[0].score;
  await on.close();
  await carolOn.close();

  await setSelfCheck(false);
  const off = await openPage(env, 'https://x.com/viewer_me');
  await off.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  await off.waitForSelector(`${SEL.userCell} .followback-badge-host`);
  assert.equal(await off.$(CHIP), null, 'no chip when switched off');
  const rowOff = (await readBadges(off)).filter((b) => !b.inProfile);
  assert.deepEqual(rowOff, rowOn);
  const own = (await readBadges(off)).find((b) => b.inProfile);
  assert.equal(own.handle, 'viewer_me');
  const carolOff = await openPage(env, 'https://x.com/carol_example');
  await carolOff.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  assert.equal((await readBadges(carolOff))[0].score, carolScoreOn);

  // Switched back on, the open profile swaps its badge for the chip.
  await setSelfCheck(true);
  await off.waitForSelector(`${SEL.profileName} ${CHIP}`);
  await off.waitForFunction((sel) => !document.querySelector(`${sel} .followback-badge-host`), SEL.profileName);
  assert.deepEqual(extensionConsoleProblems(off, env.extensionId), []);
});
