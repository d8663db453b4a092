// @ts-check
// Live preview: a small sample account, scored with the settings being edited,
// showing the score, level, confidence and every evidence line (textContent only).

import { renderMessage } from '../shared/render-message.js';
import { t, levelLabel } from '../shared/i18n.js';
import { confidenceWords } from '../shared/levels.js';

const DAY_S = 86400;

/** The sample's inputs: [name, kind, default]. Empty number = "not seen". */
export const SAMPLE_FIELDS = [
  ['followers', 'count', 420],
  ['following', 'count', 510],
  ['tweets', 'count', 2300],
  ['likes', 'count', 5100],
  ['listed', 'count', 6],
  ['ageDays', 'count', 1400],
  ['bio', 'text', 'Gardener and baker in Leeds. Sourdough, allotments, the odd bird photo.'],
  ['defaultAvatar', 'bool', false],
];

/** Builds the Account object (model.rs field names) scoreSample takes, from the sample form. */
export function sampleAccount(form, nowMs) {
  const get = (name) => form.elements.namedItem(`sample-${name}`);
  const count = (name) => {
    const text = get(name)?.value.trim() ?? '';
    if (text === '') return null;
    const n = Number(text);
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
  };
  const age = count('ageDays');
  const bio = get('bio')?.value ?? '';
  const nowS = Math.floor(nowMs / 1000);
  return {
    handle: 'sample_account',
    name: 'Sample account',
    bio,
    followers: count('followers'),
    following: count('following'),
    tweets: count('tweets'),
    likes: count('likes'),
    listed: count('listed'),
    created_at: age === null ? null : nowS - age * DAY_S,
    default_avatar: Boolean(get('defaultAvatar')?.checked),
    observed_at: nowS,
    source: 'page',
  };
}

/** Fills the sample form with its defaults. */
export function resetSample(form) {
  for (const [name, kind, def] of SAMPLE_FIELDS) {
    const input = form.elements.namedItem(`sample-${name}`);
    if (!input) continue;
    if (kind === 'bool') input.checked = Boolean(def);
    else input.value = String(def);
  }
}

function signed(points) {
  const n = Number(points) || 0;
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}

/** Draws a verdict into the preview output. */
export function renderVerdict(out, verdict, note) {
  const score = out.querySelector('[data-preview="score"]');
  const level = out.querySelector('[data-preview="level"]');
  const conf = out.querySelector('[data-preview="confidence"]');
  const base = out.querySelector('[data-preview="base"]');
  const list = out.querySelector('[data-preview="evidence"]');
  const noteEl = out.querySelector('[data-preview="note"]');
  noteEl.textContent = note || '';
  noteEl.hidden = !note;
  if (!verdict) {
    score.textContent = '—';
    level.textContent = '';
    level.dataset.level = '';
    conf.textContent = '';
    base.textContent = '';
    list.replaceChildren();
    return;
  }
  score.textContent = String(verdict.score);
  out.dataset.score = String(verdict.score);
  out.dataset.level = String(verdict.level);
  level.textContent = levelLabel(verdict.level);
  level.dataset.level = String(verdict.level);
  const c = verdict.confidence ?? {};
  conf.textContent = t('options_preview_confidence', '$1 confidence ($2%)', [
    confidenceWords(c.label), String(Math.round((Number(c.value) || 0) * 100)),
  ]);
  base.textContent = t('options_preview_base', 'Starts at $1', [String(verdict.base ?? '')]);
  const items = [];
  for (const ev of verdict.evidence ?? []) {
    const observed = ev.seen !== null && ev.seen !== undefined;
    const li = document.createElement('li');
    li.dataset.signal = String(ev.signal ?? '');
    li.className = observed ? 'observed' : 'unseen';
    const head = document.createElement('div');
    head.className = 'ev-head';
    const label = document.createElement('span');
    label.className = 'ev-label';
    label.textContent = renderMessage(ev.label) || String(ev.signal ?? '');
    const points = document.createElement('span');
    points.className = ev.points > 0 ? 'points plus' : ev.points < 0 ? 'points minus' : 'points';
    points.textContent = signed(ev.points);
    head.append(label, points);
    const seen = document.createElement('div');
    seen.className = 'ev-seen';
    seen.textContent = t('options_preview_seen', 'Seen: $1', [observed ? renderMessage(ev.seen) : t('options_not_seen', 'not seen yet')]);
    const threshold = document.createElement('div');
    threshold.className = 'ev-threshold';
    threshold.textContent = t('options_preview_threshold', 'Threshold: $1', [renderMessage(ev.threshold)]);
    const reason = document.createElement('div');
    reason.className = 'ev-reason';
    reason.textContent = renderMessage(ev.reason);
    li.append(head, seen, threshold, reason);
    items.push(li);
  }
  list.replaceChildren(...items);
}
