// @ts-check
// The four verdict levels in one table: id (as the Rust core names them), order,
// words, colours per theme, the glyph that tells them apart without colour, and
// what each means. The badge, the breakdown, the popup and their styles take
// everything from here; so does the legend (one text, drawn in the breakdown
// and in the popup). Also the level each per-account override sets. Words are
// looked up once, in the browser's language (shared/i18n.js).

import { t } from './i18n.js';

/**
 * @typedef {'follow_back' | 'maybe' | 'skip' | 'not_enough_data'} LevelId
 * @typedef {{ id: LevelId, rank: number | null, words: string, title: string,
 *   glyph: 'check' | 'dash' | 'cross' | 'question', glyphName: string,
 *   light: string, dark: string, meaning: string }} Level
 */

/** @type {ReadonlyArray<Level>} Best first; `rank` higher is better, null: no rank. */
export const LEVELS = Object.freeze([
  Object.freeze({
    id: 'follow_back', rank: 2, words: t('level_words_follow_back', 'follow back'), title: t('level_follow_back', 'Follow back'),
    glyph: 'check', glyphName: t('glyph_check', 'check mark'), light: '#00784f', dark: '#00ba7c',
    meaning: t('level_meaning_follow_back', 'Worth following back: what was seen counts for them.'),
  }),
  Object.freeze({
    id: 'maybe', rank: 1, words: t('level_words_maybe', 'maybe'), title: t('level_maybe', 'Maybe'),
    glyph: 'dash', glyphName: t('glyph_dash', 'dash'), light: '#9a5b00', dark: '#e0a100',
    meaning: t('level_meaning_maybe', 'Some for, some against: have a look yourself.'),
  }),
  Object.freeze({
    id: 'skip', rank: 0, words: t('level_words_skip', 'skip'), title: t('level_skip', 'Skip'),
    glyph: 'cross', glyphName: t('glyph_cross', 'cross'), light: '#c4302b', dark: '#ff6b6b',
    meaning: t('level_meaning_skip', 'Marks of follow-back begging, spam, automation or fake accounts.'),
  }),
  Object.freeze({
    id: 'not_enough_data', rank: null, words: t('level_words_not_enough_data', 'not enough data'), title: t('level_not_enough_data', 'Not enough data'),
    glyph: 'question', glyphName: t('glyph_question', 'question mark'), light: '#5b6670', dark: '#8b98a5',
    meaning: t('level_meaning_not_enough_data', 'Too little seen yet to judge; scroll their profile or posts to learn more.'),
  }),
]);

/** Level ids, best first. */
export const LEVEL_IDS = Object.freeze(LEVELS.map((l) => l.id));

/** The level an override sets: "always" follow back, "never". */
export const OVERRIDE_LEVEL = Object.freeze({ always: 'follow_back', never: 'skip' });

/** Words for an override ("always follow back"). */
export const OVERRIDE_WORDS = Object.freeze({
  always: t('override_words_always', 'always follow back'),
  never: t('override_words_never', 'never follow back'),
});

const BY_ID = new Map(LEVELS.map((l) => [l.id, l]));

/** The level entry for an id; unknown ids read as "not enough data". */
export function levelOf(id) {
  return BY_ID.get(id) || BY_ID.get('not_enough_data');
}

/** Words for a level ("follow back"). */
export function levelWords(id) {
  return levelOf(id).words;
}

/** Words for the core's confidence labels ("low", "medium", "high"). */
const CONFIDENCE_WORDS = Object.freeze({
  low: t('confidence_low', 'low'),
  medium: t('confidence_medium', 'medium'),
  high: t('confidence_high', 'high'),
});

/** Words for a confidence label ("low" when missing; an unknown label as it is). */
export function confidenceWords(label) {
  const key = String(label || 'low');
  return Object.hasOwn(CONFIDENCE_WORDS, key) ? CONFIDENCE_WORDS[key] : key;
}

/** The title of a level id ("Follow back"); an unknown id as it is. */
export function levelLabel(id) {
  return BY_ID.has(id) ? levelOf(id).title : String(id ?? '');
}

/** The rank of a level (higher is better), null when it has none. */
export function levelRank(id) {
  const l = BY_ID.get(id);
  return l ? l.rank : null;
}

/**
 * CSS custom properties `--<prefix><id>` with each level's colour, for light
 * (`dark` false) or dark themes: "--lv-follow_back: #00784f; ...".
 */
export function levelColourVars(prefix, dark) {
  return LEVELS.map((l) => `--${prefix}${l.id}: ${dark ? l.dark : l.light};`).join(' ');
}

/** SVG path data per glyph, drawn in a 16 x 16 box with a round 2px stroke. */
const GLYPH_PATHS = Object.freeze({
  check: 'M3.5 8.5 L6.5 11.5 L12.5 4.5',
  dash: 'M4 8 L12 8',
  cross: 'M4.5 4.5 L11.5 11.5 M11.5 4.5 L4.5 11.5',
  question: 'M5.5 6 C5.5 2.5 10.5 2.5 10.5 6 C10.5 8 8 8 8 10 M8 13 L8 13.2',
  pin: 'M8 14.5 L8 10 M4.5 10 L11.5 10 L10 7.5 L10 3 L11 1.5 L5 1.5 L6 3 L6 7.5 Z',
});

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG glyph ("check", "dash", "cross", "question", "pin"), hidden from assistive tech. */
export function glyphSvg(doc, glyph, className = 'glyph') {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  svg.setAttribute('data-glyph', glyph);
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', GLYPH_PATHS[glyph] || GLYPH_PATHS.question);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', glyph === 'pin' ? '1.6' : '2.2');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/** The legend: what the levels, shapes, the hollow style, the pin and the score mean. */
export const LEGEND = Object.freeze({
  title: t('legend_title', 'What the badges mean'),
  levels: LEVELS.map((l) => ({ id: l.id, glyph: l.glyph, title: l.title, text: t('legend_level_line', '$1: $2', [l.glyphName, l.meaning]) })),
  hollow: t('legend_hollow', 'Hollow, dashed outline: not sure yet (little seen so far), so it never looks certain.'),
  pin: t('legend_pin', 'Pin: your own choice for this account (always or never follow back); it sets the level.'),
  score: t('legend_score', 'The number is a score from 0 to 100: every account starts at 50 and each fact seen adds or takes points. The breakdown lists them all.'),
});

/**
 * The legend as a <dl> (level glyphs in their colours, then the styles and the
 * score), for `colours` = { follow_back: '#...', ... } or none (currentColor).
 */
export function renderLegend(doc, { colours = null, headingLevel = 0 } = {}) {
  const box = doc.createElement('div');
  box.className = 'legend';
  if (headingLevel) {
    const h = doc.createElement(`h${headingLevel}`);
    h.className = 'legend-title';
    h.textContent = LEGEND.title;
    box.append(h);
  }
  const dl = doc.createElement('dl');
  const row = (glyph, term, text, extraClass) => {
    const dt = doc.createElement('dt');
    dt.className = `legend-term${extraClass ? ` ${extraClass}` : ''}`;
    const mark = doc.createElement('span');
    mark.className = 'legend-mark';
    if (glyph) mark.append(glyphSvg(doc, glyph));
    dt.append(mark, doc.createTextNode(term));
    const dd = doc.createElement('dd');
    dd.textContent = text;
    dl.append(dt, dd);
    return mark;
  };
  for (const l of LEGEND.levels) {
    const mark = row(l.glyph, l.title, l.text, `level-${l.id}`);
    mark.setAttribute('data-level', l.id);
    if (colours && colours[l.id]) mark.style.color = colours[l.id];
  }
  row(null, t('legend_term_hollow', 'Hollow'), LEGEND.hollow, 'hollow').classList.add('hollow');
  row('pin', t('legend_term_pin', 'Pin'), LEGEND.pin, 'pin');
  row(null, t('legend_term_score', 'Score'), LEGEND.score, 'score');
  box.append(dl);
  return box;
}
