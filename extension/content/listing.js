// @ts-check
// The list being browsed (a profile's followers / verified_followers / following):
// every account row this page drew a badge for, kept while the person scrolls
// (rows are recycled, this map is not), for the audit page's `fb:list-stats`.
// A row keeps the evidence lines that took points away; their words are
// rendered only when the list is asked for (not on the scroll's frames).

import { negativeReasons } from '../shared/reasons.js';

const KINDS = new Set(['followers', 'verified_followers', 'following']);
const MAX_ACCOUNTS = 5000;

let current = { path: null, accounts: new Map() };

/** { path, owner, kind } of a URL path; kind is "other" outside the three lists. */
export function listOf(pathname) {
  const parts = String(pathname || '').split('/').filter(Boolean);
  const kind = parts.length === 2 && KINDS.has(parts[1]) ? parts[1] : 'other';
  return { path: String(pathname || '/'), owner: kind === 'other' ? null : parts[0], kind };
}

function here() {
  const path = location.pathname;
  if (current.path !== path) current = { path, accounts: new Map() };
  return current;
}

/** Remembers what a row of this page shows now (`verdict` as drawn, with any override). */
export function recordRow(handle, verdict, facts) {
  const list = here();
  const k = String(handle).toLowerCase();
  if (!list.accounts.has(k) && list.accounts.size >= MAX_ACCOUNTS) return;
  const f = facts || {};
  const conf = verdict.confidence || {};
  list.accounts.set(k, {
    handle: String(verdict.handle || handle),
    id: verdict.id || f.id || null,
    score: Number(verdict.score),
    level: verdict.level,
    computedLevel: verdict.computedLevel || verdict.level,
    override: verdict.override || null,
    confidence: { value: Number(conf.value) || 0, label: String(conf.label || 'low') },
    followsYou: f.followsYou === true,
    youFollow: f.youFollow === true,
    youFollowKnown: typeof f.youFollow === 'boolean',
    // The lines that took points away, rendered by listStats (negativeReasons);
    // null for a compact verdict, without its evidence (the audit page asks for it).
    lines: Array.isArray(verdict.evidence) ? worstLines(verdict) : null,
    seenAt: Date.now(),
  });
}

/** The evidence lines negativeReasons names, unrendered ([] for a verdict without evidence). */
function worstLines(verdict) {
  const evidence = Array.isArray(verdict && verdict.evidence) ? verdict.evidence : [];
  const lines = [];
  for (const ev of evidence) if (Number(ev.points) < 0) lines.push(ev);
  return lines;
}

/** The `fb:list-stats` answer. */
export function listStats(enabled) {
  const list = here();
  const accounts = [];
  for (const { lines, ...a } of list.accounts.values()) accounts.push({ ...a, reasons: lines ? negativeReasons({ evidence: lines }) : null });
  return { ok: true, enabled, list: listOf(list.path), accounts };
}
