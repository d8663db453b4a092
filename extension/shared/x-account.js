// @ts-check
// What an X account looks like, for every context that reads one (content
// script, audit, options): the handle format, the default-avatar marker, the
// invisible direction marks X wraps handles in, and the placeholder test-id
// suffixes that are not handles. One home for each rule: fix it here.

/** A handle as X allows it: 1-15 letters, digits or underscores (no "@"). */
export const HANDLE_PATTERN = '[A-Za-z0-9_]{1,15}';
const HANDLE_RE = new RegExp(`^${HANDLE_PATTERN}$`);

/** Avatar URLs of accounts that never set a picture contain this. */
export const DEFAULT_AVATAR_MARK = 'default_profile_images';

/**
 * Suffixes of `UserAvatar-Container-<suffix>` that X uses when it does not
 * name the account (the profile header, among others): never a handle.
 */
export const PLACEHOLDER_HANDLES = Object.freeze(new Set(['unknown']));

/** Direction marks X puts around "@handle" text: U+200E/U+200F, U+202A-U+202E, U+2066-U+2069. */
export const BIDI_MARKS_PATTERN = '[\u200e\u200f\u202a-\u202e\u2066-\u2069]';
const BIDI_MARKS = new RegExp(BIDI_MARKS_PATTERN, 'g');

/** True for a well-formed handle (any case, no "@"). */
export function isHandle(value) {
  return typeof value === 'string' && HANDLE_RE.test(value);
}

/** `text` without the invisible direction marks. */
export function withoutBidiMarks(text) {
  return String(text ?? '').replace(BIDI_MARKS, '');
}

/** The handle a shown "@handle" text spells ("\u2066@jack\u2069" -> "jack"), or null. */
export function handleFromShownText(text) {
  const t = withoutBidiMarks(text).trim();
  if (!t.startsWith('@')) return null;
  const handle = t.slice(1);
  return isHandle(handle) ? handle : null;
}

/** The handle named by an avatar container's test id suffix, or null (placeholders, bad shapes). */
export function handleFromAvatarSuffix(suffix) {
  const s = withoutBidiMarks(suffix);
  if (!isHandle(s) || PLACEHOLDER_HANDLES.has(s.toLowerCase())) return null;
  return s;
}

/** True when an avatar URL is X's default picture. */
export function isDefaultAvatar(url) {
  return typeof url === 'string' && url.includes(DEFAULT_AVATAR_MARK);
}
