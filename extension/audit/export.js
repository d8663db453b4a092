// @ts-check
// Export records for the audit page: one shape for "this list" and "everything
// remembered", written as JSON (readable by `followback score`: each record has
// `handle` and `facts`) or CSV. Pure functions; no DOM, no storage.

import { negativeReasons } from '../shared/reasons.js';
import { OVERRIDE_LEVEL } from '../shared/overrides.js';

/** CSV columns, in order. */
export const CSV_COLUMNS = Object.freeze([
  'handle', 'id', 'score', 'level', 'confidence', 'followers', 'following', 'tweets', 'likes', 'listed',
  'created_at', 'follows_you', 'you_follow', 'top_reasons', 'last_seen', 'override', 'computed_level',
]);

/** Account facts kept in an export (what the CLI's readers know). */
const FACT_KEYS = Object.freeze([
  'name', 'bio', 'location', 'url', 'followers', 'following', 'tweets', 'likes', 'listed', 'media',
  'default_avatar', 'default_profile', 'verified', 'blue_verified', 'protected', 'follows_you', 'you_follow',
]);

/** Unix seconds (or ms when `ms`) as RFC 3339 without fractions, or null. */
export function isoTime(value, ms = false) {
  const n = Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) return null;
  const d = new Date(ms ? n : n * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The export's `facts` object from a remembered account (only what is known). */
export function factsOf(account) {
  const a = account && typeof account === 'object' ? account : {};
  const facts = {};
  for (const k of FACT_KEYS) if (a[k] !== null && a[k] !== undefined) facts[k] = a[k];
  const created = isoTime(a.created_at);
  if (created) facts.created_at = created;
  return facts;
}

function confidenceOf(c) {
  const o = c && typeof c === 'object' ? c : {};
  return { value: Number(o.value) || 0, label: String(o.label || 'low') };
}

/**
 * One record. `computed` = { handle, id, score, level, confidence, reasons },
 * `account` = the remembered account (may be null), `override` = "always" | "never" | null.
 */
function record(computed, account, override, seenAt, relationship) {
  const facts = factsOf(account);
  if (relationship) {
    if (typeof relationship.followsYou === 'boolean') facts.follows_you = relationship.followsYou;
    if (typeof relationship.youFollow === 'boolean') facts.you_follow = relationship.youFollow;
  }
  return {
    handle: computed.handle,
    id: computed.id || (account && account.id) || null,
    score: Number(computed.score),
    level: override ? OVERRIDE_LEVEL[override] : computed.level,
    computed_level: computed.level,
    override: override || null,
    confidence: confidenceOf(computed.confidence),
    facts,
    reasons: computed.reasons,
    seen_at: seenAt,
  };
}

const lower = (h) => String(h || '').toLowerCase();

/** Records for everything remembered: `remembered` = the worker's [{ verdict, account, seen_at }]. */
export function rememberedRecords(remembered, overrides) {
  const out = [];
  for (const r of Array.isArray(remembered) ? remembered : []) {
    const v = r && r.verdict;
    if (!v || !v.handle) continue;
    const computed = { handle: v.handle, id: v.id, score: v.score, level: v.level, confidence: v.confidence, reasons: negativeReasons(v) };
    out.push(record(computed, r.account, overrides[lower(v.handle)] || null, isoTime(r.seen_at), null));
  }
  return out;
}

/**
 * Records for the list: the scores and reasons as drawn on the page (`accounts`
 * from `fb:list-stats`), the counts from what the extension remembers.
 */
export function listRecords(accounts, remembered, overrides) {
  const byHandle = new Map();
  const byId = new Map();
  for (const r of Array.isArray(remembered) ? remembered : []) {
    if (!r || !r.account) continue;
    if (r.account.handle) byHandle.set(lower(r.account.handle), r.account);
    if (r.account.id) byId.set(String(r.account.id), r.account);
  }
  return (Array.isArray(accounts) ? accounts : []).map((a) => {
    const account = (a.id && byId.get(String(a.id))) || byHandle.get(lower(a.handle)) || null;
    const computed = { handle: a.handle, id: a.id, score: a.score, level: a.computedLevel || a.level, confidence: a.confidence, reasons: a.reasons || [] };
    const relationship = { followsYou: a.followsYou, youFollow: a.youFollowKnown === false ? undefined : a.youFollow };
    return record(computed, account, overrides[lower(a.handle)] || null, isoTime(a.seenAt, true), relationship);
  });
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is neutralised. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records as CSV text (header line, then one line per record). */
export function toCsv(records) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const f = r.facts || {};
    const row = {
      handle: r.handle, id: r.id, score: r.score, level: r.level, confidence: r.confidence && r.confidence.label,
      followers: f.followers, following: f.following, tweets: f.tweets, likes: f.likes, listed: f.listed,
      created_at: f.created_at, follows_you: f.follows_you, you_follow: f.you_follow,
      top_reasons: r.reasons, last_seen: r.seen_at, override: r.override, computed_level: r.computed_level,
    };
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Records as JSON text (an array). */
export function toJson(records) {
  return `${JSON.stringify(records, null, 2)}\n`;
}
