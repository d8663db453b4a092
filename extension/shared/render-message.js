// @ts-check
// Renders the core's messages (Rust-made sentences as `[id, ...args]`, see
// followback.d.ts `Message`) in the browser's language: the template is the
// locale's `_locales/<lang>/messages.json` entry (chrome.i18n, which falls back
// to English for a key a locale lacks), numbers go through Intl.NumberFormat,
// text from X is inserted as plain text, bidi-isolated (FSI ... PDI), and
// nested messages are rendered first. Pure: the caller inserts the result with
// textContent. A key no locale has (a verdict saved by another version) reads
// as its arguments, never as markup or an empty line.

/** FIRST STRONG ISOLATE / POP DIRECTIONAL ISOLATE. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * @typedef {(id: string, substitutions?: string[]) => string} GetMessage
 */

/** chrome.i18n.getMessage when there is one (extension pages, content scripts), else nothing. */
/** @type {GetMessage} */
export function defaultGetMessage(id, substitutions) {
  const c = /** @type {any} */ (globalThis).chrome;
  try {
    if (c && c.i18n && typeof c.i18n.getMessage === 'function') return c.i18n.getMessage(id, substitutions) || '';
  } catch {
    // An invalid id or a context without i18n: fall through to "missing".
  }
  return '';
}

/** The browser's UI language (for numbers). */
export function defaultLocale() {
  const c = /** @type {any} */ (globalThis).chrome;
  try {
    if (c && c.i18n && typeof c.i18n.getUILanguage === 'function') return c.i18n.getUILanguage();
  } catch {
    // fall through
  }
  return (globalThis.navigator && globalThis.navigator.language) || 'en';
}

/** Text from X, isolated: its own isolate controls dropped, paragraph breaks made spaces. */
export function isolate(text) {
  const inner = String(text)
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/[\n\r\u001c-\u001e\u0085\u2029]/g, ' ');
  return `${FSI}${inner}${PDI}`;
}

const formats = new Map();
/** A cached Intl.NumberFormat (an unknown locale falls back to English). */
function numberFormat(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formats.set(key, f);
  }
  return f;
}

function number(v, digits, locale) {
  if (v === null || v === undefined || !Number.isFinite(Number(v))) return '?';
  const d = Math.max(0, Math.min(2, Number(digits) || 0));
  return numberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(Number(v));
}

function signed(v, locale) {
  const n = Math.trunc(Number(v) || 0);
  const abs = number(Math.abs(n), 0, locale);
  if (n > 0) return `+${abs}`;
  if (n < 0) return `\u2212${abs}`;
  return number(0, 0, locale);
}

/** One argument as text. */
function renderArg(arg, getMessage, locale, depth) {
  if (typeof arg === 'number') return number(arg, 0, locale);
  if (Array.isArray(arg)) return render(arg, getMessage, locale, depth + 1);
  if (arg && typeof arg === 'object') {
    if ('t' in arg) return isolate(arg.t ?? '');
    if ('n' in arg) return number(arg.n, arg.d, locale);
    if ('p' in arg) {
      if (arg.p === null || !Number.isFinite(Number(arg.p))) return '?%';
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Number(arg.p));
    }
    if ('s' in arg) return signed(arg.s, locale);
    if ('l' in arg && Array.isArray(arg.l)) return arg.l.map((a) => renderArg(a, getMessage, locale, depth + 1)).join(', ');
  }
  if (typeof arg === 'string') return isolate(arg);
  return '';
}

function render(msg, getMessage, locale, depth) {
  if (typeof msg === 'string') return msg; // a sentence from an older verdict
  if (!Array.isArray(msg) || typeof msg[0] !== 'string' || depth > 12) return '';
  const [id, ...rest] = msg;
  if (id === '') return '';
  const args = rest.slice(0, 9).map((a) => renderArg(a, getMessage, locale, depth));
  let text = '';
  try {
    text = getMessage(id, args) || '';
  } catch {
    text = '';
  }
  if (text) return text;
  // A key this version does not have: say what it carries, readably.
  return args.filter(Boolean).join(' \u00b7 ') || id.replace(/_/g, ' ');
}

/**
 * The message in the browser's language.
 * @param {unknown} msg `[id, ...args]` (a plain string passes through: older verdicts)
 * @param {GetMessage} [getMessage] chrome.i18n.getMessage by default
 * @param {string} [locale] for numbers; the browser's UI language by default
 * @returns {string}
 */
export function renderMessage(msg, getMessage = defaultGetMessage, locale = defaultLocale()) {
  if (msg === null || msg === undefined) return '';
  return render(msg, getMessage, locale, 0);
}

/**
 * A seen value split into its fact and where it came from (`ev_seen_from`), each rendered.
 * @returns {{ fact: string, source: string }}
 */
export function renderSeen(seen, getMessage = defaultGetMessage, locale = defaultLocale()) {
  if (Array.isArray(seen) && seen[0] === 'ev_seen_from' && seen.length === 3) {
    return { fact: renderMessage(seen[1], getMessage, locale), source: renderMessage(seen[2], getMessage, locale) };
  }
  return { fact: renderMessage(seen, getMessage, locale), source: '' };
}
