// @ts-check
// What a notification says, per language: the phrase table that turns
// "<Name> followed you" / "<Name> and 4 others liked your reply" into an
// interaction kind, the "Replying to" line of a reply, and a post's
// "reposted" / "Pinned" line. Data only, matched
// without regard to case. English is the reference; the other languages are a
// best effort from X's translations: when X changes a wording, fix it here.

/** [pattern, kind]: the earliest match in a notification's text decides its kind. */
/** @type {ReadonlyArray<readonly [RegExp, string]>} */
export const NOTIFICATION_PHRASES = Object.freeze([
  // English
  [/\bfollowed you\b/i, 'followed'],
  [/\bliked (?:your|\d+ of your)\b/i, 'liked'],
  [/\b(?:reposted|retweeted) (?:your|\d+ of your)\b/i, 'reposted'],
  [/\breplied to your\b/i, 'replied'],
  [/\bmentioned you\b/i, 'mentioned'],
  // Spanish
  [/\bte (?:siguió|ha seguido|sigue)(?![\wÀ-ÿ])/i, 'followed'],
  [/\b(?:le gustó|les gustó|le gusta) tu\b/i, 'liked'],
  [/\b(?:reposteó|retwitteó|retuiteó|hizo repost de) tu\b/i, 'reposted'],
  [/\bte mencionó/i, 'mentioned'],
  // French
  [/\bvous (?:a suivi|suit)\b|\bs'est abonnée? à (?:vous|votre compte)/i, 'followed'],
  [/\ba aimé (?:votre|vos)\b/i, 'liked'],
  [/\ba (?:reposté|retweeté) (?:votre|vos)\b/i, 'reposted'],
  [/\bvous a mentionnée?/i, 'mentioned'],
  // German
  [/\bfolgt dir\b/i, 'followed'],
  [/\bgefällt dein|mit „gefällt mir“ markiert/i, 'liked'],
  [/\bhat dein\w* (?:post|beitrag|tweet|antwort) (?:repostet|retweetet)/i, 'reposted'],
  [/\bhat dich erwähnt\b/i, 'mentioned'],
  // Portuguese
  [/\b(?:seguiu você|começou a seguir você|te seguiu)/i, 'followed'],
  [/\bcurtiu (?:seu|sua|\d+ de seus)\b/i, 'liked'],
  [/\b(?:repostou|retweetou) (?:seu|sua)\b/i, 'reposted'],
  [/\bmencionou você/i, 'mentioned'],
  // Japanese
  [/フォローされました/, 'followed'],
  [/いいねしました/, 'liked'],
  [/(?:リポスト|リツイート)しました/, 'reposted'],
]);

/** The "Replying to @handle" line above a reply, in the same languages. */
export const REPLYING_TO = Object.freeze([/\breplying to\b/i, /\ben respuesta a\b/i, /\ben réponse à/i, /\bantwort an\b/i, /\bem resposta a\b/i, /返信先/]);

/** A post's social-context line saying it was reposted ("Dana reposted", "You reposted"). */
export const REPOSTED = Object.freeze([
  /\b(?:reposted|retweeted)\b/i,
  /\b(?:reposteó|retuiteó|retwitteó|ha reposteado|ha retuiteado)(?![\wÀ-ÿ])/i,
  /\ba (?:reposté|retweeté)/i,
  /\b(?:hat|hast) (?:repostet|retweetet)\b/i,
  /\b(?:repostou|retweetou)\b/i,
  /(?:リポスト|リツイート)しました/,
]);

/** The social-context line of a pinned post ("Pinned"): still the owner's own post. */
export const PINNED = Object.freeze([/\bpinned\b/i, /\bfijad[oa]\b/i, /\bépinglé/i, /\bangeheftet\b/i, /\bfixad[oa]\b/i, /固定/]);

/** True when a social-context line says the post was reposted (a pinned line never is). */
export function saysReposted(text) {
  const t = String(text || '');
  return !PINNED.some((p) => p.test(t)) && REPOSTED.some((p) => p.test(t));
}

/** The interaction kind a notification's text announces, or null. */
export function kindOfNotification(text) {
  let best = null;
  for (const [pattern, kind] of NOTIFICATION_PHRASES) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, kind };
  }
  return best ? best.kind : null;
}

/** True when `text` holds a "Replying to" line. */
export function saysReplyingTo(text) {
  return REPLYING_TO.some((p) => p.test(text));
}
