// The audit page: a whole follower list (a long, generated GraphQL payload)
// counted by level exactly as the badges are drawn, the accounts that follow
// you without a follow back ranked by score, the filter mode that dims or
// collapses rows below a level and restores them exactly, CSV and JSON exports
// captured as downloads and parsed, and per-account overrides that survive a
// reload and show in the badge and the breakdown. Saves docs/screenshots/audit.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, readBadges, waitForRowBadges, readBreakdown, extensionConsoleProblems, SCREENSHOTS, SEL, xTabId as harnessXTabId } from './support/harness.mjs';

const LEVELS = ['follow_back', 'maybe', 'skip', 'not_enough_data'];
const ROWS = 90;
const LIST_URL = 'https://x.com/viewer_me/followers?fixture=audit_long';

// ---- a long follower list, generated (gen-1 user objects, as X sends them) ----

/** Three kinds of account, varied by index so counts and relationships differ. */
function makeUser(i) {
  const kind = i % 3;
  const handle = ['reader', 'tfb_bot', 'builder'][kind] + `_${String(i).padStart(3, '0')}`;
  const legacy =
    kind === 0
      ? { name: `Quiet Reader ${i}`, created_at: 'Fri Jun 14 08:30:00 +0000 2019',
          description: i % 2 ? 'Reading mostly, sometimes birds.' : '', location: '', url: null,
          followers_count: 40 + i, friends_count: 150 + i, statuses_count: 3 + (i % 5), favourites_count: 600 + i, listed_count: 0,
          media_count: 0, default_profile: false, default_profile_image: false,
          profile_image_url_https: `https://pbs.twimg.com/profile_images/${5000 + i}/p_normal.jpg` }
      : kind === 1
        ? { name: 'FOLLOW BACK 100%', created_at: 'Tue Mar 03 10:00:00 +0000 2026',
            description: '#TeamFollowBack #TFB #F4F follow me and I follow back 100% #500aDay', location: '', url: null,
            followers_count: 200 + i, friends_count: 4900 + i, statuses_count: 10 + i, favourites_count: 3, listed_count: 0,
            media_count: 0, default_profile: true, default_profile_image: true,
            profile_image_url_https: 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' }
        : { name: `Builder ${i}`, created_at: 'Mon Jan 10 02:06:34 +0000 2011',
            description: 'Compiler engineer. Writing about Rust, WebAssembly and the occasional sourdough.', location: 'Lisbon',
            url: 'https://builder.example', followers_count: 1500 + 10 * i, friends_count: 400 + i, statuses_count: 5000 + i,
            favourites_count: 8000 + i, listed_count: 30 + (i % 20), media_count: 200, default_profile: false,
            default_profile_image: false, profile_image_url_https: `https://pbs.twimg.com/profile_images/${5000 + i}/p_normal.jpg` };
  const id = String(700000 + i);
  const followsYou = i % 4 !== 3;
  const youFollow = i % 5 === 0;
  return {
    id, handle, followsYou, youFollow, counts: legacy,
    result: {
      __typename: 'User', id: `VXNlcjo${id}`, rest_id: id, is_blue_verified: false,
      legacy: { ...legacy, screen_name: handle, verified: false, followed_by: followsYou, following: youFollow, protected: false },
    },
  };
}

const USERS = Array.from({ length: ROWS }, (_, i) => makeUser(i));
const BY_HANDLE = new Map(USERS.map((u) => [u.handle, u]));

function payload(users) {
  return JSON.stringify({
    data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions: [
      { type: 'TimelineClearCache' },
      { type: 'TimelineAddEntries', entries: users.map((u, i) => ({
        entryId: `user-${u.id}`, sortIndex: String(1900000000000000000n - BigInt(i)),
        content: { entryType: 'TimelineTimelineItem', __typename: 'TimelineTimelineItem',
          itemContent: { itemType: 'TimelineUser', __typename: 'TimelineUser', user_results: { result: u.result }, userDisplayType: 'User' } },
      })) },
    ] } } } } },
  });
}

// ---- helpers ----

let env;
before(async () => {
  env = await launch();
  // Routes added later win: this one answers the generated list.
  await env.context.route(/^https:\/\/x\.com\/i\/api\/graphql\/.*fixture=audit_long/, (route) => {
    env.served.add(route.request().url());
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: payload(USERS) });
  });
});
after(async () => {
  if (env) await env.close();
});

async function openList() {
  const x = await openPage(env, LIST_URL);
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  return x;
}

const xTabId = () => harnessXTabId(env);

async function openAudit() {
  const audit = await openPage(env, `chrome-extension://${env.extensionId}/audit/audit.html?tab=${await xTabId()}`);
  await audit.waitForSelector('body[data-ready="true"]');
  await audit.waitForSelector(`body[data-total="${ROWS}"]`);
  return audit;
}

function countBadges(badges) {
  return { total: badges.length, byLevel: Object.fromEntries(LEVELS.map((l) => [l, badges.filter((b) => b.level === l).length])) };
}

function auditCounts(audit) {
  return audit.evaluate(() => {
    const n = (level) => Number(document.querySelector(`#counts [data-level="${level}"] .count`).textContent);
    return { total: n('total'), byLevel: Object.fromEntries(['follow_back', 'maybe', 'skip', 'not_enough_data'].map((l) => [l, n(l)])) };
  });
}

/** Row handle -> { filter attribute, style attribute, opacity, maxHeight } for every row. */
function rowStates(x) {
  return x.evaluate((cellSel) =>
    Object.fromEntries(
      [...document.querySelectorAll(cellSel)].map((cell) => {
        const link = [...cell.querySelectorAll('a[tabindex="-1"][href]')].find((a) => a.textContent.startsWith('@'));
        const cs = getComputedStyle(cell);
        return [link.textContent.slice(1), { filter: cell.getAttribute('data-followback-filter'), style: cell.getAttribute('style'), opacity: cs.opacity, maxHeight: cs.maxHeight }];
      }),
    ),
  SEL.userCell);
}

async function closeAll() {
  for (const p of env.context.pages()) await p.close();
  await env.worker.evaluate(() => chrome.storage.local.remove(['filter', 'overrides']));
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function downloadFrom(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${buttonId}`)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

// ---- tests ----

test('the audit page counts the list by level exactly as the badges are drawn; pending follow-backs ranked by score', async () => {
  await closeAll();
  const x = await openList();
  const badges = (await readBadges(x)).filter((b) => b.rowHandle !== null);
  assert.equal(badges.length, ROWS);
  const drawn = countBadges(badges);
  assert.ok(drawn.byLevel.skip > 0 && drawn.byLevel.maybe > 0 && drawn.byLevel.follow_back > 0, `the list has several levels: ${JSON.stringify(drawn)}`);

  const audit = await openAudit();
  assert.deepEqual(await auditCounts(audit), drawn);
  assert.match(await audit.textContent('#list-title'), /@viewer_me's followers/);

  // Follows you && you don't follow, by score (highest first): from the fixture and the drawn badges.
  const score = new Map(badges.map((b) => [b.handle, Number(b.score)]));
  const expected = USERS.filter((u) => u.followsYou && !u.youFollow).map((u) => u.handle);
  const shown = await audit.$$eval('#pending tbody tr', (trs) => trs.map((tr) => ({ handle: tr.dataset.handle, score: Number(tr.querySelector('.score').textContent) })));
  assert.deepEqual(shown.map((r) => r.handle).sort(), [...expected].sort());
  for (const r of shown) assert.equal(r.score, score.get(r.handle), `score of ${r.handle} as drawn`);
  for (let i = 1; i < shown.length; i += 1) assert.ok(shown[i - 1].score >= shown[i].score, 'ranked by score');
  assert.equal(await audit.textContent('#pending-count'), String(expected.length));

  // Most common reasons: labels of negative evidence lines, counted per account.
  const reasons = await audit.$$eval('#reasons li', (lis) => lis.map((li) => ({ label: li.dataset.label, count: Number(li.dataset.count) })));
  assert.ok(reasons.length > 0, 'reasons for low scores are listed');
  for (const r of reasons) assert.ok(r.count >= 1 && r.count <= ROWS, JSON.stringify(r));
  for (let i = 1; i < reasons.length; i += 1) assert.ok(reasons[i - 1].count >= reasons[i].count, 'most common first');
  // The same tally from every row's breakdown (each account's five worst negative lines).
  // A badge drawn from a compact verdict opens its breakdown after one round trip (it asks for the evidence).
  const fromBreakdowns = await x.evaluate(async (cellSel) => {
    const tally = {};
    const opened = async (handle) => {
      for (let i = 0; i < 200; i += 1) {
        const pop = document.querySelector(`.followback-breakdown-host[data-followback-handle="${handle}"]`);
        if (pop) return pop;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no breakdown opened for ${handle}`);
    };
    for (const host of document.querySelectorAll(`${cellSel} .followback-badge-host`)) {
      const badge = host.shadowRoot.querySelector('[role="button"]');
      badge.click();
      const pop = await opened(host.getAttribute('data-followback-handle'));
      const lines = [...pop.shadowRoot.querySelectorAll('li.evidence')].map((li) => ({
        label: li.querySelector('.label').textContent,
        points: Number(li.querySelector('.points').textContent.replace('\u2212', '-')),
      }));
      badge.click();
      const worst = lines.filter((l) => l.points < 0).sort((a, b) => a.points - b.points).slice(0, 5);
      for (const label of new Set(worst.map((l) => l.label))) tally[label] = (tally[label] || 0) + 1;
    }
    return tally;
  }, SEL.userCell);
  const top = Object.entries(fromBreakdowns).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, reasons.length);
  assert.deepEqual(reasons.map((r) => [r.label, r.count]), top, 'the reasons tally matches the breakdowns');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await audit.setViewportSize({ width: 1000, height: 1100 });
  await audit.screenshot({ path: path.join(SCREENSHOTS, 'audit.png') });
  assert.deepEqual(extensionConsoleProblems(audit, env.extensionId), []);
  assert.deepEqual(extensionConsoleProblems(x, env.extensionId), []);
});

test('the filter dims exactly the rows below the level, collapses them, follows recycled rows, and restores them exactly', async () => {
  await closeAll();
  const x = await openList();
  const before = await rowStates(x);
  const levelOf = async () => new Map((await readBadges(x)).filter((b) => b.rowHandle).map((b) => [b.handle, b.level]));
  const levels = await levelOf();
  const audit = await openAudit();

  const expectFiltered = async (predicate, mode) => {
    await x.waitForFunction(
      ([want, m, cellSel]) => {
        const cells = [...document.querySelectorAll(cellSel)];
        return cells.every((cell) => {
          const link = [...cell.querySelectorAll('a[tabindex="-1"][href]')].find((a) => a.textContent.startsWith('@'));
          const h = link.textContent.slice(1);
          return (cell.getAttribute('data-followback-filter') === m) === want.includes(h);
        });
      },
      [[...levels.keys()].filter(predicate), mode, SEL.userCell],
    );
  };

  // Dim below "maybe": exactly the skipped rows.
  await audit.check('#filter-enabled');
  await expectFiltered((h) => levels.get(h) === 'skip', 'dim');
  let states = await rowStates(x);
  for (const [h, s] of Object.entries(states)) {
    if (levels.get(h) === 'skip') assert.ok(Number(s.opacity) < 0.5, `${h} is dimmed`);
    else assert.equal(s.opacity, '1', `${h} is not dimmed`);
  }
  // Every badge is still there (filtered rows keep theirs).
  assert.equal((await readBadges(x)).filter((b) => b.rowHandle).length, ROWS);

  // Below "follow back" in collapse mode: maybe and skip rows become slim bars.
  await audit.selectOption('#filter-below', 'follow_back');
  await audit.selectOption('#filter-mode', 'collapse');
  await expectFiltered((h) => ['skip', 'maybe'].includes(levels.get(h)), 'collapse');
  states = await rowStates(x);
  for (const [h, s] of Object.entries(states)) {
    if (s.filter) {
      assert.equal(s.maxHeight, '52px');
      const badgeVisible = await x.evaluate(([handle, cellSel]) => {
        const host = document.querySelector(`.followback-badge-host[data-followback-handle="${handle}"]`);
        const cell = host.closest(cellSel).getBoundingClientRect();
        const r = host.getBoundingClientRect();
        return r.height > 0 && r.bottom <= cell.bottom + 1;
      }, [h, SEL.userCell]);
      assert.ok(badgeVisible, `the collapsed row of ${h} still shows its badge`);
    }
  }

  // Only accounts that follow you and you don't follow (plus the level rule).
  await audit.selectOption('#filter-mode', 'dim');
  await audit.selectOption('#filter-below', 'maybe');
  await audit.check('#filter-only');
  await expectFiltered((h) => levels.get(h) === 'skip' || !(BY_HANDLE.get(h).followsYou && !BY_HANDLE.get(h).youFollow), 'dim');

  // Recycled rows: the filter follows the account a row shows now.
  await audit.uncheck('#filter-only');
  await expectFiltered((h) => levels.get(h) === 'skip', 'dim');
  const recycled = await x.evaluate(() => window.__fixture.recycle('gen1_page2'));
  await waitForRowBadges(x);
  const after = await levelOf();
  await x.waitForFunction(([handles, cellSel]) => {
    const cells = [...document.querySelectorAll(cellSel)];
    return handles.every((h, i) => cells[i].querySelector(`.followback-badge-host[data-followback-handle="${h}"]`));
  }, [recycled, SEL.userCell]);
  const recycledStates = await rowStates(x);
  for (const h of recycled) {
    assert.equal(recycledStates[h].filter === 'dim', after.get(h) === 'skip', `recycled row ${h} (${after.get(h)})`);
  }

  // Off: every row is exactly as before (the recycled rows as a fresh fill would be).
  await audit.uncheck('#filter-enabled');
  await x.waitForFunction(() => document.querySelectorAll('[data-followback-filter]').length === 0);
  const restored = await rowStates(x);
  for (const [h, s] of Object.entries(restored)) {
    const was = before[h] || Object.values(before)[0];
    assert.equal(s.style, was.style, `${h}'s inline style is restored exactly`);
    assert.equal(s.opacity, '1');
    assert.equal(s.maxHeight, 'none');
  }
});

test('exports of the list and of everything remembered hold every scored account with the right fields', async () => {
  await closeAll();
  const x = await openList();
  const badges = new Map((await readBadges(x)).filter((b) => b.rowHandle).map((b) => [b.handle, b]));
  const audit = await openAudit();

  const json = await downloadFrom(audit, 'export-list-json');
  assert.match(json.name, /^followback-viewer_me-followers-\d{4}-\d{2}-\d{2}\.json$/);
  const records = JSON.parse(json.text);
  assert.ok(Array.isArray(records));
  assert.deepEqual(records.map((r) => r.handle).sort(), [...badges.keys()].sort(), 'every scored account of the list, once');
  for (const r of records) {
    const u = BY_HANDLE.get(r.handle);
    const b = badges.get(r.handle);
    assert.equal(r.id, u.id);
    assert.equal(r.score, Number(b.score));
    assert.equal(r.level, b.level);
    assert.match(r.confidence.label, /^(low|medium|high)$/);
    assert.equal(r.facts.followers, u.counts.followers_count);
    assert.equal(r.facts.following, u.counts.friends_count);
    assert.equal(r.facts.tweets, u.counts.statuses_count);
    assert.equal(r.facts.likes, u.counts.favourites_count);
    assert.equal(r.facts.listed, u.counts.listed_count);
    assert.equal(r.facts.created_at, new Date(u.counts.created_at).toISOString().replace('.000Z', 'Z'));
    assert.equal(r.facts.follows_you, u.followsYou);
    assert.equal(r.facts.you_follow, u.youFollow);
    assert.ok(Array.isArray(r.reasons));
    assert.match(r.seen_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  }
  assert.ok(records.some((r) => r.reasons.length > 0), 'reasons are exported');

  const csv = await downloadFrom(audit, 'export-list-csv');
  assert.match(csv.name, /\.csv$/);
  const header = csv.text.split('\r\n')[0].split(',');
  for (const col of ['handle', 'id', 'score', 'level', 'confidence', 'followers', 'following', 'tweets', 'likes', 'listed', 'created_at', 'follows_you', 'you_follow', 'top_reasons', 'last_seen']) {
    assert.ok(header.includes(col), `CSV column ${col}`);
  }
  const rows = parseCsv(csv.text);
  assert.equal(rows.length, ROWS);
  const byJson = new Map(records.map((r) => [r.handle, r]));
  for (const row of rows) {
    const r = byJson.get(row.handle);
    assert.ok(r, `CSV row ${row.handle} is in the JSON`);
    assert.equal(row.id, r.id);
    assert.equal(Number(row.score), r.score);
    assert.equal(row.level, r.level);
    assert.equal(row.confidence, r.confidence.label);
    assert.equal(Number(row.followers), r.facts.followers);
    assert.equal(Number(row.following), r.facts.following);
    assert.equal(Number(row.tweets), r.facts.tweets);
    assert.equal(Number(row.likes), r.facts.likes);
    assert.equal(Number(row.listed), r.facts.listed);
    assert.equal(row.created_at, r.facts.created_at);
    assert.equal(row.follows_you, String(r.facts.follows_you));
    assert.equal(row.you_follow, String(r.facts.you_follow));
    assert.equal(row.top_reasons, r.reasons.join('; '));
    assert.equal(row.last_seen, r.seen_at);
  }

  // Everything remembered: at least this list (the worker may remember more).
  const all = JSON.parse((await downloadFrom(audit, 'export-all-json')).text);
  const allHandles = new Set(all.map((r) => r.handle));
  for (const h of badges.keys()) assert.ok(allHandles.has(h), `${h} is remembered`);
  for (const r of all) {
    assert.equal(typeof r.handle, 'string');
    assert.ok(r.facts && typeof r.facts === 'object');
    assert.ok(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100);
    assert.ok(LEVELS.includes(r.level));
  }
  const allCsv = parseCsv((await downloadFrom(audit, 'export-all-csv')).text);
  assert.deepEqual(allCsv.map((r) => r.handle).sort(), all.map((r) => r.handle).sort());
  assert.match(await audit.textContent('#status'), /Exported \d+ accounts as CSV/);
});

test('overrides from the breakdown force the level, survive a reload, show in the breakdown, the audit page and the export', async () => {
  await closeAll();
  let x = await openList();
  const skipped = (await readBadges(x)).find((b) => b.rowHandle && b.level === 'skip');
  assert.ok(skipped, 'a skipped account to override');
  const h = skipped.handle;
  const host = `.followback-badge-host[data-followback-handle="${h}"]`;

  await x.click(`${host} >> [role="button"]`);
  await x.waitForSelector(`.followback-breakdown-host[data-followback-handle="${h}"]`);
  await x.click('.followback-breakdown-host >> button[data-override="always"]');
  await x.waitForSelector(`${host}[data-followback-override="always"][data-followback-level="follow_back"]`);
  assert.equal(await x.getAttribute(host, 'data-followback-score'), skipped.score, 'the computed score is kept');
  const stored = await env.worker.evaluate(() => chrome.storage.local.get('overrides'));
  assert.deepEqual(stored.overrides, { [h.toLowerCase()]: 'always' });
  // The open breakdown says so.
  await x.waitForFunction(() => /Your choice: always follow back/.test(document.querySelector('.followback-breakdown-host').shadowRoot.textContent));

  await x.reload();
  await x.waitForSelector('body[data-rendered]');
  await waitForRowBadges(x);
  await x.waitForSelector(`${host}[data-followback-override="always"][data-followback-level="follow_back"]`);
  const badge = (await readBadges(x)).find((b) => b.handle === h);
  assert.match(badge.ariaLabel, /always follow back \(your choice\)$/);
  await x.click(`${host} >> [role="button"]`);
  await x.waitForSelector(`.followback-breakdown-host[data-followback-handle="${h}"]`);
  const b = await readBreakdown(x);
  assert.match(b.text, new RegExp(`Your choice: always follow back \\(computed: ${skipped.score}, skip\\)`));
  assert.ok(b.lines.length > 0, 'the evidence is still listed');
  await x.keyboard.press('Escape');

  // The audit page shows it and can change it: "Never" from its table.
  const audit = await openAudit();
  await audit.click('#all-details summary');
  const row = `#all tbody tr[data-handle="${h}"]`;
  await audit.waitForSelector(`${row} button[data-override="always"][aria-pressed="true"]`);
  assert.match(await audit.textContent(`${row} .pinned`), /computed skip/);
  const listed = JSON.parse((await downloadFrom(audit, 'export-list-json')).text).find((r) => r.handle === h);
  assert.equal(listed.override, 'always');
  assert.equal(listed.level, 'follow_back');
  assert.equal(listed.computed_level, 'skip');

  await audit.click(`${row} button[data-override="never"]`);
  await x.waitForSelector(`${host}[data-followback-override="never"][data-followback-level="skip"]`);
  // Clearing from the breakdown restores the computed verdict exactly.
  await x.click(`${host} >> [role="button"]`);
  await x.waitForSelector(`.followback-breakdown-host[data-followback-handle="${h}"]`);
  await x.click('.followback-breakdown-host >> button[data-override="clear"]');
  await x.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && !el.hasAttribute('data-followback-override') && el.getAttribute('data-followback-level') === 'skip';
  }, host);
  assert.deepEqual((await env.worker.evaluate(() => chrome.storage.local.get('overrides'))).overrides, {});
  assert.deepEqual(extensionConsoleProblems(x, env.extensionId), []);
  assert.deepEqual(extensionConsoleProblems(audit, env.extensionId), []);
});

test('the popup\'s "Audit this list" button opens the audit page for its tab', async () => {
  await closeAll();
  await openList();
  const tabId = await xTabId();
  const popup = await openPage(env, `chrome-extension://${env.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready="true"]');
  const [audit] = await Promise.all([env.context.waitForEvent('page'), popup.click('#open-audit')]);
  await audit.waitForLoadState();
  assert.equal(audit.url(), `chrome-extension://${env.extensionId}/audit/audit.html?tab=${tabId}`);
  await audit.waitForSelector(`body[data-total="${ROWS}"]`);
});
