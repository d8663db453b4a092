// Facts read from today's X markup (issue 10): account rows as divs and as
// <button>s with hidden aria-describedby text, compact rows without a bio,
// bidi-wrapped handles, follow buttons in other states, avatar containers
// named "unknown", the profile header's labels and check kinds, a hover card
// beside the account switcher, and notification kinds told by their icons.
// What the content script lifted is read from the messages the service
// worker received (fb:verdicts, fb:interactions).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, readBadges, waitForRowBadges, recordMessages, recordedMessages, sentFacts, extensionConsoleProblems, SEL } from './support/harness.mjs';

let env;
before(async () => {
  env = await launch();
  await recordMessages(env);
});
after(async () => {
  if (env) await env.close();
});

/** Waits until the content script has sent DomFacts for every one of `handles`; returns them by handle. */
async function factsFor(handles) {
  const out = {};
  for (let i = 0; i < 200; i += 1) {
    for (const h of handles) out[h] = out[h] || (await sentFacts(env, h));
    if (handles.every((h) => out[h])) return out;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no facts sent for ${handles.filter((h) => !out[h]).join(', ')}`);
}

const ROWS = ['ana_div', 'ben_button', 'cleo_compact', 'dan_bidi', 'fay_unblock', 'gil_pending', 'eve_unknown'];

/** The followers list of someone else, opened once: { page, facts by handle, badges }. */
let othersList = null;
function openOthersList() {
  othersList ||= (async () => {
    const page = await openPage(env, 'https://x.com/today_host/followers');
    await page.waitForSelector('body[data-rendered]');
    await waitForRowBadges(page);
    return { page, badges: await readBadges(page), facts: await factsFor(ROWS) };
  })();
  return othersList;
}

test('rows: one badge per row, for the account it shows', async () => {
  const { page, badges } = await openOthersList();
  assert.deepEqual(badges.map((b) => b.handle).sort(), [...ROWS].sort(), 'one badge per row, none for "unknown"');
  for (const b of badges) assert.equal(b.handle, b.rowHandle, JSON.stringify(b));
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
});

test('rows: hidden "Click to Follow" text (aria-describedby) is never the bio', async () => {
  const { facts: f } = await openOthersList();
  assert.equal(f.ana_div.bio, 'Botanist. Writes about ferns.');
  for (const h of ROWS) assert.ok(!String(f[h].bio ?? '').includes('Click to Follow'), `${h}: ${f[h].bio}`);
});

test('rows: a <button data-testid="UserCell"> row has its real bio read', async () => {
  const { facts: f } = await openOthersList();
  assert.equal(f.ben_button.bio, 'Cyclist and map maker.');
});

test('rows: a compact row without a bio element sends no bio (not seen, not "")', async () => {
  const { facts: f } = await openOthersList();
  assert.ok(!('bio' in f.cleo_compact), JSON.stringify(f.cleo_compact));
  assert.equal(f.cleo_compact.id, '3103', 'the rest of the row is still read');
});

test('rows on someone else\'s list: "Follows you" shown is true, absent is unknown', async () => {
  const { facts: f } = await openOthersList();
  assert.equal(f.ana_div.followsYou, true);
  for (const h of ROWS.filter((x) => x !== 'ana_div')) assert.ok(!('followsYou' in f[h]), `${h}: ${JSON.stringify(f[h])}`);
});

test('rows: follow buttons in other states (-unblock, -cancel) keep the user id', async () => {
  const { facts: f } = await openOthersList();
  assert.equal(f.fay_unblock.id, '3105');
  assert.equal(f.fay_unblock.youFollow, false, 'a blocked account is not followed');
  assert.equal(f.gil_pending.id, '3106');
  assert.equal(f.ana_div.id, '3101');
  assert.equal(f.ana_div.youFollow, false);
});

test('rows: UserAvatar-Container-unknown still holds the row\'s avatar', async () => {
  const { facts: f } = await openOthersList();
  assert.equal(f.eve_unknown.handle, 'eve_unknown');
  assert.equal(f.eve_unknown.avatarUrl, 'https://pbs.twimg.com/profile_images/1/avatar_normal.jpg');
});

test('rows: a bidi-wrapped @handle reads as the plain handle; the badge follows the handle link', async () => {
  const { page, facts: f } = await openOthersList();
  assert.equal(f.dan_bidi.handle, 'dan_bidi');
  assert.equal(f.dan_bidi.name, 'Dan Bidi');
  const placed = await page.evaluate((sel) => {
    const host = document.querySelector('.followback-badge-host[data-followback-handle="dan_bidi"]');
    const prev = host && host.previousElementSibling;
    return prev ? { tag: prev.tagName, href: prev.getAttribute('href'), text: prev.textContent, inCell: Boolean(host.closest(sel)) } : null;
  }, SEL.userCell);
  assert.deepEqual(placed, { tag: 'A', href: '/dan_bidi', text: '\u2066@dan_bidi\u2069', inCell: true });
  await page.close();
});

test("the viewer's own list: absent \"Follows you\" means false", async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/following');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  // The same rows; wait for facts sent from this page (the earlier ones had no followsYou).
  let f = null;
  for (let i = 0; i < 100 && !(f && f.fay_unblock && 'followsYou' in f.fay_unblock); i += 1) {
    f = await factsFor(['ana_div', 'ben_button', 'fay_unblock']);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(f.ana_div.followsYou, true);
  assert.equal(f.ben_button.followsYou, false);
  assert.equal(f.fay_unblock.followsYou, false);
  await page.close();
});

test('profile header: avatar in UserAvatar-Container-unknown, bidi handle, gold check, automated and parody labels', async () => {
  const page = await openPage(env, 'https://x.com/hal_labels');
  await page.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => [b.handle, b.inProfile]), [['hal_labels', true]], 'one header badge, none for "unknown" or the operator');
  const { hal_labels: f } = await factsFor(['hal_labels']);
  assert.equal(f.avatarUrl, 'https://pbs.twimg.com/profile_images/3/photo_400x400.jpg');
  assert.equal(f.defaultAvatar, false);
  assert.equal(f.name, 'Hal Labels');
  assert.equal(f.id, '3301');
  assert.equal(f.blueVerified, true);
  assert.equal(f.verifiedType, 'Business');
  assert.equal(f.automated, true);
  assert.equal(f.automatedBy, 'op_account', 'the operator from the label link');
  assert.equal(f.parodyLabel, 'Parody account');
  assert.equal(f.bio, 'Posts the tide tables every morning.');
  await page.close();

  const grey = await openPage(env, 'https://x.com/gov_grey');
  await grey.waitForSelector(`${SEL.profileName} .followback-badge-host`);
  const { gov_grey: g } = await factsFor(['gov_grey']);
  assert.equal(g.verifiedType, 'Government');
  assert.equal(g.blueVerified, true);
  for (const k of ['automated', 'automatedBy', 'parodyLabel']) assert.ok(!(k in g), `${k} not shown, not sent: ${JSON.stringify(g)}`);
  await grey.close();
});

test("a hover card gets a badge; the account switcher (also a HoverCard) does not badge the viewer's accounts", async () => {
  const page = await openPage(env, 'https://x.com/home');
  await page.waitForSelector('body[data-rendered]');
  await page.waitForSelector(`${SEL.hoverCard} .followback-badge-host`);
  // Give the content script a few frames to (wrongly) badge the switcher too.
  await page.waitForTimeout(500);
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => b.handle), ['ivy_hover']);
  const inSwitcher = await page.evaluate((cardSel) => [...document.querySelectorAll(`${cardSel} .followback-badge-host`)].filter((h) => h.closest(cardSel).querySelector('[role="menu"]')).length, SEL.hoverCard);
  assert.equal(inSwitcher, 0, 'the fixture\'s switcher is a HoverCard with a menu: no badge inside');
  const { ivy_hover: f } = await factsFor(['ivy_hover']);
  assert.equal(f.id, '3201');
  assert.equal(f.youFollow, false);
  assert.equal(f.name, 'Ivy Hover');
  assert.equal(f.bio, 'Paints harbours; posts a sketch a day.');
  assert.equal(f.followersText, '4.5K');
  assert.equal(f.followingText, '321');
  assert.equal(await sentFacts(env, 'viewer_alt'), null, 'nothing asked for the switcher accounts');
  await page.close();
});

test('notification kinds come from icons; phrases only as a last resort and never on names', async () => {
  const page = await openPage(env, 'https://x.com/notifications?today=1');
  const actors = ['pia_polish', 'tom_named', 'sam_named', 'uma_fallback', 'vic_unknown', 'wes_bidi'];
  await page.waitForFunction(
    (want) => want.every((h) => document.querySelector(`.followback-badge-host[data-followback-handle="${h}"]`)),
    actors,
  );
  let sent = [];
  for (let i = 0; i < 100; i += 1) {
    sent = (await recordedMessages(env, 'fb:interactions')).flatMap((m) => m.interactions);
    if (['pia_polish', 'tom_named', 'uma_fallback', 'vic_unknown', 'gus_reposts', 'wes_bidi'].every((h) => sent.some((x) => x.handle === h))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const kinds = (h) => sent.filter((x) => x.handle === h).map((x) => x.kind);
  assert.deepEqual(kinds('pia_polish'), ['followed'], 'a language the phrase table does not know: the icon says it');
  assert.deepEqual(kinds('tom_named'), ['followed'], 'a name saying "liked your post" is not read');
  assert.deepEqual(kinds('sam_named'), [], 'an account named "Sam replied to your" records nothing');
  assert.deepEqual(kinds('uma_fallback'), ['reposted'], 'no icon: the phrase table on the row\'s own words');
  assert.deepEqual(kinds('vic_unknown'), ['followed']);
  assert.deepEqual(kinds('unknown'), [], '"unknown" is never an actor');
  assert.deepEqual(kinds('kim_posts'), []);
  assert.deepEqual(kinds('erin_likes'), ['liked']);
  assert.deepEqual(kinds('gus_reposts'), ['reposted']);
  assert.deepEqual(kinds('wes_bidi'), ['replied'], '"Replying to \u2066@viewer_me\u2069" is a reply to the viewer');
  const badges = (await readBadges(page)).map((b) => b.handle);
  assert.ok(!badges.includes('unknown'), JSON.stringify(badges));
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});
