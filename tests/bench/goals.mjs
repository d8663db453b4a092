// The benchmark's goals (issue 14), one table, and the one way a figure is
// printed: `<name> <value> <unit>`, then, when the figure has a goal,
// `(goal <op> <value> <unit>: met | NOT met)` on the same line. Figures are
// never asserted: a bench is not a test, the goals are there to read.

/** name -> [op, value]: the figure should be `op` value (in the figure's unit). */
export const GOALS = Object.freeze({
  rows_painted_without_badge: ['<=', 0],
  rows_painted_without_badge_fast: ['<=', 0],
  badge_latency_ms_p95: ['<=', 1],
  score_wasm_accounts_per_s: ['>=', 200_000],
  verdict_path_us: ['<=', 10],
  parse_wasm_mb_per_s: ['>=', 150],
  parse_wasm_mb_per_s_gen1: ['>=', 150],
  parse_wasm_mb_per_s_gen2: ['>=', 150],
  parse_wasm_mb_per_s_gen3: ['>=', 150],
  content_ms_per_frame_p50: ['<=', 0.5],
  long_tasks_over_50ms: ['<=', 0],
  memory_bytes_per_account: ['<=', 250],
  restore_100k_ms: ['<=', 300],
  wasm_gzip_bytes: ['<=', 200 * 1024],
});

/** The goal words for `name` and `value`, or "" when it has no goal. */
export function goalOf(name, value) {
  const goal = GOALS[name];
  if (!goal) return '';
  const [op, target] = goal;
  const met = op === '<=' ? value <= target : value >= target;
  return `(goal ${op} ${target}: ${met ? 'met' : 'NOT met'})`;
}

/** Prints one figure line (stdout); `digits` after the point unless it is an integer or >= 1000. */
export function figure(name, value, unit, digits = 2) {
  const text = Number.isInteger(value) || Math.abs(value) >= 1000 ? value.toFixed(0) : value.toFixed(digits);
  const goal = goalOf(name, value);
  console.log(`${name} ${text} ${unit}${goal ? ` ${goal}` : ''}`);
}

/** The median of numbers (NaN for none). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of numbers (NaN for none). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
