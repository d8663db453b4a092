// @ts-check
// Why a verdict is low, in a few words: the labels of the evidence lines that
// took points away. Used by the content script's list (audit `fb:list-stats`)
// and by the audit page's exports. Labels are the core's messages, rendered in
// the UI language.

import { renderMessage } from './render-message.js';

const MAX_REASONS = 5;

/** Labels of the evidence lines that took points away, worst first. */
export function negativeReasons(verdict) {
  const evidence = Array.isArray(verdict && verdict.evidence) ? verdict.evidence : [];
  return evidence
    .filter((ev) => Number(ev.points) < 0)
    .sort((a, b) => Number(a.points) - Number(b.points))
    .map((ev) => renderMessage(ev.label) || String(ev.signal || ''))
    .filter(Boolean)
    .slice(0, MAX_REASONS);
}
