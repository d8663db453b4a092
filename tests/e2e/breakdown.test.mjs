// The breakdown: opened by click or keyboard on a badge (never triggering X's
// row navigation), summary first (verdict in words and why, how much was seen,
// the lines that moved the score most; every fact behind one disclosure),
// placed where it fits inside the window (a sheet on narrow windows), focus
// kept inside while open and returned to the badge, owned by its badge in the
// reading order, open on its own when a hover card goes away. Hostile text
// from X shows as text and runs nothing. Also saves the README screenshots
// (light, dark, narrow).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, readBadges, waitForRowBadges, readBreakdown, extensionConsoleProblems, SCREENSHOTS, SEL } from './support/harness.mjs';
import { darkTheme } from './support/theme.mjs';

let env;
before(async () => {
  env = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  if (env) await env.close();
});

const badgeSelector = (handle) => `.followback-badge-host[data-followback-handle="${handle}"] >> [role="button"]`;
const FIXTURES = ['gen1_page1', 'gen1_page2', 'gen2_page1', 'gen2_page2', 'gen3_page1', 'gen3_page2', 'hostile', 'robust'];
const hostOf = (fixture) => (fixture === 'hostile' ? 'hostile_host' : fixture === 'robust' ? 'robust_host' : 'viewer_me');

/** The first view (what shows with every disclosure closed): text, top lines, layout. */
function readFirstView(page) {
  return page.evaluate(() => {
    const pop = document.querySelector('.followback-breakdown-host');
    if (!pop || !pop.shadowRoot) return null;
    const root = pop.shadowRoot;
    const panel = root.querySelector('.panel');
    // Text that is rendered: outside closed disclosures (their summaries count).
    const visible = [];
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) visible.push(child.nodeValue);
        else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.tagName === 'DETAILS' && !child.open) {
            const s = child.querySelector(':scope > summary');
            if (s) visible.push(s.textContent);
          } else if (child.tagName !== 'STYLE') walk(child);
        }
      }
    };
    walk(panel);
    const r = panel.getBoundingClientRect();
    return {
      text: visible.join(' '),
      why: root.querySelector('.why') ? root.querySelector('.why').textContent : null,
      seenWords: root.querySelector('.seen-words') ? root.querySelector('.seen-words').textContent : null,
      top: [...root.querySelectorAll('li.top-line')].map((li) => ({
        signal: li.getAttribute('data-signal'),
        label: li.querySelector('.label').textContent,
        points: li.querySelector('.points').textContent,
        against: Boolean(li.closest('section.against')),
      })),
      openDetails: root.querySelectorAll('details[open]').length,
      details: root.querySelectorAll('details').length,
      placement: pop.getAttribute('data-placement'),
      rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width },
      scrollHeight: panel.scrollHeight,
      clientHeight: panel.clientHeight,
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
      owner: document.querySelector(`[aria-owns="${pop.id}"]`) ? document.querySelector(`[aria-owns="${pop.id}"]`).getAttribute('data-followback-handle') : null,
    };
  });
}

/** A screenshot clip holding the rows from the top of the page down to the end of the open dialog. */
async function around(page) {
  const r = await page.evaluate(() => {
    const p = document.querySelector('.followback-breakdown-host').shadowRoot.querySelector('.panel').getBoundingClientRect();
    return { bottom: p.bottom, right: p.right };
  });
  const vp = page.viewportSize();
  return { x: 180, y: 0, width: Math.min(640, vp.width - 180), height: Math.min(vp.height, Math.ceil(r.bottom) + 12) };
}

function assertCompleteBreakdown(b, handle) {
  assert.ok(b, 'the breakdown is open');
  assert.equal(b.handle, handle);
  assert.equal(b.role, 'dialog');
  assert.match(b.text, new RegExp(`@${handle}`));
  assert.match(b.text, /Confidence: (low|medium|high)/);
  assert.ok(b.lines.length > 0, 'the breakdown lists evidence lines');
  for (const line of b.lines) {
    assert.ok(line.label && line.label.trim().length > 0, `every line has a label: ${JSON.stringify(line)}`);
    assert.match(line.points, /^([+\u2212]\d+|0)$/, 'points are signed');
    assert.match(line.seen, /^Seen: /);
    if (line.unseen) assert.equal(line.seen, 'Seen: not seen yet');
    assert.match(line.threshold, /^Threshold: /);
    assert.ok(line.reason && line.reason.trim().length > 0, `every line has a reason: ${JSON.stringify(line)}`);
    // Labels describe the fact; a virtue phrase with negative points reads wrong.
    if (line.points.startsWith('\u2212')) {
      assert.doesNotMatch(line.label, /^(Has an?|Is|Own|On other people's|Talks|Shares|Likes other|Verified)\b/, `a penalty line names the fact: ${line.label}`);
    }
  }
}

/** Checks the first view: verdict and why, seen in words, few top lines, no internal figures, disclosures closed. */
function assertSummaryFirst(v, b) {
  assert.ok(v, 'first view read');
  assert.match(v.why, /^(Follow back|Maybe|Skip|Not enough data)( \(your choice\))?: .+\.$/, v.why);
  assert.match(v.seenWords, /^(Not sure yet|Fairly sure|Sure): (based on|nothing)/, v.seenWords);
  assert.ok(v.top.length <= 4, `a few top lines (${v.top.length})`);
  assert.equal(v.openDetails, 0, 'everything else is behind closed disclosures');
  assert.ok(v.details >= 2, 'every fact and the legend are one disclosure each');
  // No internal figures in the first view: no shares of weight, no ratios, no thresholds.
  assert.doesNotMatch(v.text, /%|signal weight|Threshold:|Score limit|Starts at/, v.text);
  // Ratios are said as counts ("follows 4,990, followed by 210"), never as "(24:1)".
  assert.doesNotMatch(v.text, /\d:\d/, v.text);
  assert.match(v.text, /Every fact \(\d+ seen, \d+ not seen yet\)/);
  // The top lines are the lines with the largest points, and none without points.
  const byPoints = b.lines
    .filter((l) => l.points !== '0' && l.signal !== 'score_limit')
    .map((l) => Math.abs(Number(l.points.replace('\u2212', '-'))))
    .sort((x, y) => y - x);
  const shown = v.top.map((l) => Math.abs(Number(l.points.replace('\u2212', '-')))).sort((x, y) => y - x);
  assert.deepEqual(shown, byPoints.slice(0, shown.length), 'the top lines moved the score most');
  for (const l of v.top) {
    assert.notEqual(l.points, '0');
    assert.equal(l.against, l.points.startsWith('\u2212'), `against/for grouping: ${JSON.stringify(l)}`);
    assert.doesNotMatch(l.label, /not seen yet/);
  }
}

test('click opens a summary-first breakdown without navigating the row; Escape closes it; screenshots', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'followers.png'), clip: { x: 180, y: 0, width: 640, height: 560 } });

  await page.click(badgeSelector('tfb_growth99'));
  await page.waitForSelector('.followback-breakdown-host');
  const b = await readBreakdown(page);
  assertCompleteBreakdown(b, 'tfb_growth99');
  const v = await readFirstView(page);
  assertSummaryFirst(v, b);
  assert.match(v.why, /^Skip: .*asks for follow-backs/, v.why);
  assert.ok(v.top.some((l) => l.signal === 'begging' && l.against), JSON.stringify(v.top));
  assert.equal(v.owner, 'tfb_growth99', 'the badge owns its dialog (reading order)');
  // Every fact is still there, once each, behind the disclosure.
  assert.equal(new Set(b.lines.map((l) => l.signal)).size, b.lines.length, 'one line per signal');
  assert.equal(await page.evaluate(() => window.__rowClicks || 0), 0, 'the row did not see the click');
  assert.equal(await page.getAttribute(badgeSelector('tfb_growth99'), 'aria-expanded'), 'true');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'breakdown.png'), clip: await around(page) });

  await page.keyboard.press('Escape');
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });

  // Open again, then a click elsewhere on the page closes it.
  await page.click(badgeSelector('ada_builds'));
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="ada_builds"]');
  await page.mouse.click(10, 10);
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  assert.equal(await page.evaluate(() => window.__rowClicks || 0), 0);
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('keyboard: Enter opens, Tab and Shift+Tab stay inside, Escape closes and returns focus', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen2_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  await page.focus(badgeSelector('maria_ok'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="maria_ok"]');
  assertCompleteBreakdown(await readBreakdown(page), 'maria_ok');
  assert.equal(await page.evaluate(() => window.__rowClicks || 0), 0, 'Enter on the badge did not activate the row');

  const where = () => page.evaluate(() => {
    const pop = document.querySelector('.followback-breakdown-host');
    const inside = document.activeElement === pop;
    const el = inside ? pop.shadowRoot.activeElement : document.activeElement;
    return { inside, tag: el ? el.tagName.toLowerCase() : null, text: el ? (el.getAttribute('aria-label') || el.textContent).slice(0, 40) : null };
  });
  assert.equal((await where()).inside, true, 'focus moved into the dialog');
  const seen = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    const w = await where();
    assert.equal(w.inside, true, `Tab ${i + 1} stays inside the dialog: ${JSON.stringify(w)}`);
    seen.push(`${w.tag}:${w.text}`);
  }
  // Tab cycles: after the last control it comes back to the first.
  const distinct = [...new Set(seen)];
  assert.ok(distinct.length >= 4 && distinct.length < seen.length, `Tab cycles through the controls: ${seen.join(' | ')}`);
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Shift+Tab');
    assert.equal((await where()).inside, true, 'Shift+Tab stays inside');
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  const focused = await page.evaluate(() => {
    const host = document.activeElement;
    return host && host.classList.contains('followback-badge-host') ? host.getAttribute('data-followback-handle') : null;
  });
  assert.equal(focused, 'maria_ok', 'focus went back to the badge');
  // Space opens it too.
  await page.keyboard.press(' ');
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="maria_ok"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  await page.close();
});

test('the first view fits a 600 px tall window without scrolling, for every fixture account', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1280, height: 600 });
  let checked = 0;
  for (const fixture of FIXTURES) {
    await page.goto(`https://x.com/${hostOf(fixture)}/followers?fixture=${fixture}`);
    await page.waitForSelector('body[data-rendered]');
    await waitForRowBadges(page);
    const handles = (await readBadges(page)).map((b) => b.handle);
    for (const handle of handles) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click(badgeSelector(handle));
      await page.waitForSelector(`.followback-breakdown-host[data-followback-handle="${handle}"]`);
      const v = await readFirstView(page);
      const b = await readBreakdown(page);
      assertSummaryFirst(v, b);
      assert.ok(v.scrollHeight <= v.clientHeight + 1, `${fixture}/${handle}: the first view does not scroll (${v.scrollHeight} > ${v.clientHeight})`);
      assert.ok(v.rect.height <= 600, `${fixture}/${handle}: fits 600 px (${v.rect.height})`);
      assert.ok(v.rect.top >= 0 && v.rect.bottom <= v.viewport.height + 0.5, `${fixture}/${handle}: inside the window ${JSON.stringify(v.rect)}`);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
      checked += 1;
    }
  }
  assert.ok(checked >= 15, `checked ${checked} accounts`);
  await page.close();
});

/** Scrolls so the last row sits at the bottom of the window, opens its badge, returns the first view. */
async function openLastRowOnScreen(page) {
  const handle = await page.evaluate((cellSel) => {
    const cells = [...document.querySelectorAll(cellSel)];
    const last = cells[cells.length - 1];
    const r = last.getBoundingClientRect();
    window.scrollBy(0, r.bottom - window.innerHeight + 4);
    const host = last.querySelector('.followback-badge-host');
    return host.getAttribute('data-followback-handle');
  }, SEL.userCell);
  await page.click(badgeSelector(handle));
  await page.waitForSelector(`.followback-breakdown-host[data-followback-handle="${handle}"]`);
  return { handle, view: await readFirstView(page) };
}

for (const [width, height] of [[375, 740], [1280, 600]]) {
  test(`at ${width} x ${height} the breakdown of the last row on screen stays inside the window`, async () => {
    const page = await env.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto('https://x.com/viewer_me/followers?fixture=gen1_page1');
    await page.waitForSelector('body[data-rendered]');
    await waitForRowBadges(page);
    const { handle, view } = await openLastRowOnScreen(page);
    const inside = (v) => v.rect.top >= -0.5 && v.rect.left >= -0.5 && v.rect.bottom <= v.viewport.height + 0.5 && v.rect.right <= v.viewport.width + 0.5;
    assert.ok(inside(view), `${handle}: inside ${width}x${height}: ${JSON.stringify(view)}`);
    if (width < 520) assert.equal(view.placement, 'sheet', 'a sheet on a narrow window');
    else assert.equal(view.placement, 'above', 'above the badge when below does not fit');
    // Opening "every fact" keeps it inside (scrolling within the dialog).
    await page.click('.followback-breakdown-host >> details.more > summary');
    await page.waitForFunction(() => document.querySelector('.followback-breakdown-host').shadowRoot.querySelector('details.more').open);
    const opened = await readFirstView(page);
    assert.ok(inside(opened), `${handle}: still inside with every fact open: ${JSON.stringify(opened.rect)}`);
    if (width < 520) {
      await page.click('.followback-breakdown-host >> details.more > summary');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'breakdown-narrow.png') });
    }
    await page.keyboard.press('Escape');
    await page.close();
  });
}

test('dark theme: the breakdown follows it (screenshot)', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto('https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  await darkTheme(page);
  await page.waitForSelector('.followback-badge-host[data-theme="dark"]');
  await page.click(badgeSelector('tfb_growth99'));
  await page.waitForSelector('.followback-breakdown-host[data-theme="dark"]');
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.followback-breakdown-host').shadowRoot.querySelector('.panel')).backgroundColor);
  assert.equal(bg, 'rgb(0, 0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'breakdown-dark.png'), clip: await around(page) });
  await page.close();
});

test('a hover card going away leaves its breakdown open on its own', async () => {
  const page = await openPage(env, 'https://x.com/viewer_me/followers?fixture=gen1_page1');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  // A hover card as X draws one: a copy of a row's account markup in a HoverCard layer.
  await page.evaluate(([cellSel]) => {
    const cell = document.querySelector(cellSel);
    const card = document.createElement('div');
    card.setAttribute('data-testid', 'HoverCard'); // as X marks it: SEL.hoverCard
    card.style.cssText = 'position:fixed;top:120px;left:520px;width:300px;background:#fff;border:1px solid #ccc';
    const copy = cell.cloneNode(true);
    copy.removeAttribute('data-testid');
    for (const h of copy.querySelectorAll('.followback-badge-host')) h.remove();
    card.append(copy);
    document.body.append(card);
  }, [SEL.userCell]);
  const cardBadge = `${SEL.hoverCard} .followback-badge-host >> [role="button"]`;
  await page.waitForSelector(cardBadge);
  await page.click(cardBadge);
  await page.waitForSelector('.followback-breakdown-host');
  const handle = await page.getAttribute('.followback-breakdown-host', 'data-followback-handle');
  await page.evaluate((sel) => document.querySelector(sel).remove(), SEL.hoverCard);
  // Several frames later it is still open, still inside the window, and still closes with Escape.
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.followback-breakdown-host').count(), 1, 'still open after the card went away');
  assert.equal(await page.getAttribute('.followback-breakdown-host', 'data-followback-handle'), handle);
  const v = await readFirstView(page);
  assert.ok(v.rect.top >= 0 && v.rect.bottom <= v.viewport.height, JSON.stringify(v.rect));
  await page.keyboard.press('Escape');
  await page.waitForSelector('.followback-breakdown-host', { state: 'detached' });
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});

test('hostile bio and name show as text and run nothing', async () => {
  const page = await openPage(env, 'https://x.com/hostile_host/followers?fixture=hostile');
  await page.waitForSelector('body[data-rendered]');
  await waitForRowBadges(page);
  const badges = await readBadges(page);
  assert.deepEqual(badges.map((b) => b.handle).sort(), ['hostile_bio', 'plain_neighbour']);
  for (const b of badges) assert.match(b.badgeText, /^(\d{1,3}|\?)$/);

  await page.click(badgeSelector('hostile_bio'));
  await page.waitForSelector('.followback-breakdown-host[data-followback-handle="hostile_bio"]');
  const b = await readBreakdown(page);
  assertCompleteBreakdown(b, 'hostile_bio');
  const allowed = new Set(['style', 'div', 'h2', 'h3', 'section', 'details', 'summary', 'dl', 'dt', 'dd', 'button', 'p', 'ol', 'li', 'span', 'svg', 'path']);
  for (const tag of b.elementTags) assert.ok(allowed.has(tag), `only the breakdown's own elements (found <${tag}>)`);

  const probe = await page.evaluate((cellSel) => {
    const roots = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return {
      pwned: window.__followbackPwned ?? null,
      injected: roots.flatMap((r) => [...r.querySelectorAll('img[src="x"], script:not([src]):not([nonce]), svg[onload], b[onmouseover]')]).length,
      bioShownAsText: [...document.querySelectorAll(`${cellSel} div[dir="auto"]`)].some((d) => d.textContent.includes('<script>')),
    };
  }, SEL.userCell);
  assert.equal(probe.pwned, null, 'no hostile handler ran');
  assert.equal(probe.injected, 0, 'no hostile element exists in the page or any shadow root');
  assert.ok(probe.bioShownAsText, 'the fixture shows the hostile bio as text');
  assert.ok(!env.requests.some((r) => r.url === 'https://x.com/x'), 'no hostile <img src=x> was ever loaded');
  assert.deepEqual(extensionConsoleProblems(page, env.extensionId), []);
  await page.close();
});
