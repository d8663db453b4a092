//! Facts the content script lifted from the rendered page, as raw strings, and
//! their parsing: abbreviated locale-formatted counts ("12.5K", "1,2 Mio.",
//! "1.2万") and join dates ("Joined March 2011", "2011年3月からXを利用しています").
//!
//! Both parsers are table-driven: multiplier words and month names per
//! language live in the tables below.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::user::{check_kind_str, handle_after_at, is_organisation_check, parody_kind_str};
use crate::model::{Account, Source};
use crate::time::month_start;

/// Facts lifted from the page for one account (all strings as shown).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default, remote = "Self")] // serde impls: read::objects
pub struct DomFacts {
    /// Screen name without `@`.
    pub handle: String,
    /// X's numeric user id, when the page carries it.
    pub id: Option<String>,
    /// Display name as shown.
    pub name: Option<String>,
    /// Bio text as shown.
    pub bio: Option<String>,
    /// Location as shown.
    pub location: Option<String>,
    /// Website link as shown.
    pub url: Option<String>,
    /// Followers count as shown, e.g. "12.5K".
    pub followers_text: Option<String>,
    /// Following count as shown.
    pub following_text: Option<String>,
    /// Join date line as shown, e.g. "Joined March 2011".
    pub joined_text: Option<String>,
    /// The page shows "Follows you".
    pub follows_you: Option<bool>,
    /// The page shows the viewer already follows the account.
    pub you_follow: Option<bool>,
    /// The avatar is X's default image.
    pub default_avatar: Option<bool>,
    /// The page shows a legacy or organisation check.
    pub verified: Option<bool>,
    /// The page shows the paid blue check.
    pub blue_verified: Option<bool>,
    /// Kind of check the page's badge shows when it can be told apart:
    /// "Business" (gold) or "Government" (grey).
    pub verified_type: Option<String>,
    /// The page shows X's "Automated" label ("Automated by @operator").
    pub automated: Option<bool>,
    /// The operator handle in that label, without `@`.
    pub automated_by: Option<String>,
    /// X's parody / commentary / fan label as shown ("Parody account").
    pub parody_label: Option<String>,
    /// The avatar image's address, as the page has it.
    pub avatar_url: Option<String>,
}

/// Keys (besides `handle`) that mark a JSON object as [`DomFacts`].
const DOM_KEYS: [&str; 4] = ["followersText", "followingText", "joinedText", "avatarUrl"];

/// True for an object shaped like [`DomFacts`].
pub(crate) fn is_dom_facts(m: &Map<String, Value>) -> bool {
    m.get("handle").is_some_and(Value::is_string) && DOM_KEYS.iter().any(|k| m.contains_key(*k))
}

fn non_empty(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Turns page facts into an account (source: the page).
pub fn account_from_dom(facts: &DomFacts) -> Account {
    let handle = facts.handle.trim();
    let handle = handle
        .strip_prefix('@')
        .unwrap_or(handle)
        .trim()
        .to_string();
    let from_url = facts
        .avatar_url
        .as_deref()
        .map(super::user::is_default_avatar_url);
    let default_avatar = if facts.default_avatar == Some(true) || from_url == Some(true) {
        Some(true)
    } else {
        facts.default_avatar.or(from_url)
    };
    let verified_type = facts.verified_type.as_deref().and_then(check_kind_str);
    // "@operator" or "Automated by @operator", bidi marks and all: the handle alone.
    let automated_by = facts.automated_by.as_deref().and_then(|s| {
        let mut plain = String::with_capacity(s.len());
        for c in s.chars().filter(|c| !is_invisible(*c)) {
            plain.push(c);
        }
        let plain = plain.trim();
        handle_after_at(plain).or_else(|| {
            (!plain.is_empty() && plain.len() <= 15)
                .then(|| plain.to_string())
                .filter(|h| h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        })
    });
    Account {
        id: non_empty(&facts.id).filter(|id| id.bytes().all(|b| b.is_ascii_digit())),
        handle,
        name: non_empty(&facts.name),
        // An empty bio the page shows is a fact ("no bio"), kept as Some("").
        bio: facts.bio.as_ref().map(|b| b.trim().to_string()),
        location: non_empty(&facts.location),
        url: non_empty(&facts.url),
        created_at: facts.joined_text.as_deref().and_then(parse_joined),
        followers: facts.followers_text.as_deref().and_then(parse_count),
        following: facts.following_text.as_deref().and_then(parse_count),
        default_avatar,
        // An organisation's check (gold, grey) is X's verification, never the paid one.
        verified: if verified_type.as_deref().is_some_and(is_organisation_check) {
            Some(true)
        } else {
            facts.verified
        },
        blue_verified: facts.blue_verified,
        verified_type,
        automated: facts.automated.or(automated_by.as_ref().map(|_| true)),
        automated_by,
        parody_label: facts.parody_label.as_deref().and_then(parody_kind_str),
        follows_you: facts.follows_you,
        you_follow: facts.you_follow,
        source: Source::Page,
        ..Account::default()
    }
}

// ---------------------------------------------------------------- counts

/// Multiplier words after a number, lower case, trailing dot removed.
/// `mil` is Spanish/Portuguese for thousand; `mi` Portuguese for million.
const MULTIPLIER_WORDS: &[(&str, u64)] = &[
    ("k", 1_000),
    ("tsd", 1_000),
    ("mil", 1_000),
    ("mille", 1_000),
    ("tys", 1_000),
    ("тыс", 1_000),
    ("rb", 1_000),
    ("ribu", 1_000),
    ("bin", 1_000),
    ("m", 1_000_000),
    ("mio", 1_000_000),
    ("mi", 1_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("mill", 1_000_000),
    ("млн", 1_000_000),
    ("jt", 1_000_000),
    ("b", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("bi", 1_000_000_000),
    ("mrd", 1_000_000_000),
    ("md", 1_000_000_000),
    ("mld", 1_000_000_000),
    ("mia", 1_000_000_000),
    ("млрд", 1_000_000_000),
];

/// Multiplier characters written right after the number (Chinese, Japanese, Korean).
const MULTIPLIER_CHARS: &[(char, u64)] = &[
    ('千', 1_000),
    ('万', 10_000),
    ('萬', 10_000),
    ('億', 100_000_000),
    ('亿', 100_000_000),
    ('천', 1_000),
    ('만', 10_000),
    ('억', 100_000_000),
];

/// Invisible direction marks the page puts around numbers.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2066}'..='\u{2069}' | '\u{200b}'
    )
}

/// The characters of `s` without the invisible marks (one loop for both readers).
fn visible_chars(s: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars().filter(|c| !is_invisible(*c)) {
        chars.push(c);
    }
    chars
}

/// Spaces used as thousands separators (French uses U+202F or U+00A0).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// Separators inside a number: `.`, `,`, spaces, apostrophes (Swiss `1'234`).
fn separator_kind(c: char) -> Option<char> {
    match c {
        '.' | ',' => Some(c),
        '\'' | '\u{2019}' => Some('\''),
        c if is_space(c) => Some(' '),
        _ => None,
    }
}

/// `chars` from its first character that is not a space.
fn after_spaces(chars: &[char]) -> &[char] {
    let spaces = chars.iter().take_while(|c| is_space(**c)).count();
    chars.get(spaces..).unwrap_or_default()
}

/// Reads the multiplier after a number: a CJK character, a known word
/// (Spanish `mil M` = billion), or nothing (trailing words like "Followers").
fn multiplier(rest: &[char]) -> u64 {
    let rest = after_spaces(rest);
    if let Some(first) = rest.first() {
        if let Some((_, m)) = MULTIPLIER_CHARS.iter().find(|(c, _)| c == first) {
            return *m;
        }
    }
    let word = |chars: &[char]| -> (String, usize) {
        let n = chars
            .iter()
            .take_while(|c| c.is_alphabetic() || **c == '.')
            .count();
        let mut w = String::new();
        for c in chars.iter().take(n) {
            w.push(*c);
        }
        let w = crate::case::lower(&w);
        (w.trim_end_matches('.').to_string(), n)
    };
    let (w, n) = word(rest);
    let Some((_, m)) = MULTIPLIER_WORDS.iter().find(|(k, _)| *k == w) else {
        return 1;
    };
    if w == "mil" {
        let after = after_spaces(rest.get(n..).unwrap_or_default());
        let (next, _) = word(after);
        if next == "m" || next == "mill" {
            return 1_000_000_000;
        }
    }
    *m
}

/// Parses a count as X shows it, in any of the supported locales:
/// "1,234", "1.234", "1 234", "12.5K", "12,5 k", "1,2 Mio.", "12,5 mil",
/// "1,2 mi", "1.2B", "1.2万", "3.4천". Trailing words are ignored;
/// anything without a readable number gives `None`.
pub fn parse_count(s: &str) -> Option<u64> {
    let chars = visible_chars(s);
    let start = chars.iter().position(char::is_ascii_digit)?;
    // Text before the number must not itself contain digits-like garbage such as "-".
    if chars.get(..start)?.iter().any(|c| *c == '-' || *c == '−') {
        return None;
    }
    let mut groups: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = Vec::new();
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() {
            groups.last_mut()?.push(c);
            i += 1;
            continue;
        }
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match separator_kind(c) {
            Some(kind) if next_is_digit => {
                seps.push(kind);
                groups.push(String::new());
                i += 1;
            }
            _ => break,
        }
    }
    let mult = multiplier(chars.get(i..)?);
    let decimal_at = decimal_position(&seps, &groups, mult > 1)?;
    let (int_groups, frac) = match decimal_at {
        Some(d) => (groups.get(..=d)?, groups.get(d + 1)?.as_str()),
        None => (groups.as_slice(), ""),
    };
    // Every group after a thousands separator has exactly three digits.
    if int_groups.iter().skip(1).any(|g| g.len() != 3) {
        return None;
    }
    let int: String = int_groups.concat();
    scaled_count(&int, frac, mult)
}

/// `int.frac` (decimal digits) times `mult` (a power of ten), its fraction
/// dropped, as a count: `None` when it does not fit a `u64`, when the digits
/// are more than 30, when their product with `mult` would not fit 128 bits
/// (as computed in `u128` before), or when a plain count (`mult` 1) has a
/// fraction ("1,5" alone is not a count). Digit shifting, no 128-bit
/// arithmetic: the wasm then needs no `u128` division or parsing.
fn scaled_count(int: &str, frac: &str, mult: u64) -> Option<u64> {
    if int.len() + frac.len() > 30 {
        return None;
    }
    let mut shift = 0;
    let mut rest = mult;
    while rest > 1 && rest % 10 == 0 {
        rest /= 10;
        shift += 1;
    }
    if rest != 1 {
        return None;
    }
    // The mantissa's digits (`int` then `frac`) without leading zeros, against
    // the largest mantissa whose product with 10^shift fits in 128 bits
    // (digit strings of one length compare as their numbers).
    const U128_MAX: &str = "340282366920938463463374607431768211455";
    let all = [int, frac].concat();
    let significant = all.trim_start_matches('0');
    let limit = U128_MAX.get(..U128_MAX.len().checked_sub(shift)?)?;
    if significant.len() > limit.len() || (significant.len() == limit.len() && significant > limit)
    {
        return None;
    }
    if shift == 0 && frac.bytes().any(|b| b != b'0') {
        return None;
    }
    // floor(int.frac * 10^shift): int, then the first `shift` digits of frac
    // (zeros where it has fewer).
    let kept = frac.bytes().chain(std::iter::repeat(b'0')).take(shift);
    let mut n: u64 = 0;
    for b in int.bytes().chain(kept) {
        n = n
            .checked_mul(10)?
            .checked_add(u64::from(b.wrapping_sub(b'0')))?;
    }
    Some(n)
}

/// Index of the group separator that is the decimal mark, if any; `None`
/// (outer) when the separators make no sense.
fn decimal_position(
    seps: &[char],
    groups: &[String],
    has_multiplier: bool,
) -> Option<Option<usize>> {
    let last_of = |k: char| seps.iter().rposition(|c| *c == k);
    let count_of = |k: char| seps.iter().filter(|c| **c == k).count();
    let (dots, commas) = (count_of('.'), count_of(','));
    let grouped_by_space = seps.iter().any(|c| *c == ' ' || *c == '\'');
    let candidate = match (dots, commas) {
        (0, 0) => return Some(None),
        (_, 0) => '.',
        (0, _) => ',',
        _ => {
            // Both: the later one is the decimal mark and must be last and single.
            let (d, c) = (last_of('.')?, last_of(',')?);
            let mark = if d > c { '.' } else { ',' };
            if count_of(mark) != 1 || last_of(mark)? + 1 != seps.len() {
                return None;
            }
            return Some(last_of(mark));
        }
    };
    let n = count_of(candidate);
    let pos = last_of(candidate)?;
    if n > 1 {
        return Some(None); // "1,234,567": all grouping
    }
    if pos + 1 != seps.len() {
        return Some(None); // "1.234 567"? treat the dot as grouping; validated later
    }
    let after = groups.get(pos + 1)?;
    let is_decimal = grouped_by_space || has_multiplier || after.len() != 3;
    Some(is_decimal.then_some(pos))
}

// ---------------------------------------------------------------- join dates

/// Month names per language, January first.
const MONTH_NAMES: &[(&str, [&str; 12])] = &[
    (
        "en",
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    ),
    (
        "de",
        [
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ],
    ),
    (
        "fr",
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "es",
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        "pt",
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    ),
    (
        "it",
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
    (
        "nl",
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "en-short",
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
    ),
];

/// Other spellings: regional names and accents dropped.
const MONTH_ALIASES: &[(&str, u32)] = &[
    ("jänner", 1),
    ("maerz", 3),
    ("marz", 3),
    ("fevrier", 2),
    ("aout", 8),
    ("decembre", 12),
    ("marco", 3),
    ("setiembre", 9),
    ("sept", 9),
];

/// Year and month markers in Chinese, Japanese and Korean dates ("2011年3月", "2011년 3월").
const YEAR_MARKS: [char; 2] = ['年', '년'];
const MONTH_MARKS: [char; 2] = ['月', '월'];

fn month_of_word(word: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .find_map(|(_, names)| names.iter().position(|n| *n == word))
        .and_then(|i| u32::try_from(i + 1).ok())
        .or_else(|| {
            MONTH_ALIASES
                .iter()
                .find(|(n, _)| *n == word)
                .map(|(_, m)| *m)
        })
}

/// Runs of ASCII digits with the character right after each run.
fn digit_runs(chars: &[char]) -> Vec<(String, Option<char>)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(char::is_ascii_digit) {
            let rest = chars.get(i..).unwrap_or(&[]);
            let mut run = String::new();
            for c in rest.iter().take_while(|c| c.is_ascii_digit()) {
                run.push(*c);
            }
            i += run.len();
            let rest = chars.get(i..).unwrap_or(&[]);
            let after = rest.iter().copied().find(|c| !is_space(*c));
            runs.push((run, after));
        } else {
            i += 1;
        }
    }
    runs
}

/// Parses a join-date line ("Joined March 2011", "Seit März 2011 bei X",
/// "A rejoint X en mars 2011", "Se unió en marzo de 2011", "Ingressou em
/// março de 2011", "2011年3月からXを利用しています") into unix seconds of the
/// first day of that month, UTC.
pub fn parse_joined(s: &str) -> Option<i64> {
    let chars = visible_chars(s);
    let runs = digit_runs(&chars);
    let year_of = |run: &str| -> Option<i64> {
        let y: i64 = run.parse().ok()?;
        (run.len() == 4 && (1990..=2100).contains(&y)).then_some(y)
    };
    // CJK: 2011年3月
    for pair in runs.windows(2) {
        if let [(y, Some(ym)), (m, Some(mm))] = pair {
            if YEAR_MARKS.contains(ym) && MONTH_MARKS.contains(mm) {
                let month: u32 = m.parse().ok()?;
                return month_start(year_of(y)?, month);
            }
        }
    }
    let year = runs.iter().find_map(|(r, _)| year_of(r))?;
    let lower = crate::case::lower(s);
    let month = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .find_map(month_of_word)?;
    month_start(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The count arithmetic as it was, in `u128`: the oracle of [`scaled_count`].
    fn scaled_count_u128(int: &str, frac: &str, mult: u64) -> Option<u64> {
        if int.len() + frac.len() > 30 {
            return None;
        }
        let int: u128 = int.parse().ok()?;
        let scale = 10u128.checked_pow(u32::try_from(frac.len()).ok()?)?;
        let frac_value: u128 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        let mantissa = int.checked_mul(scale)?.checked_add(frac_value)?;
        let total = mantissa.checked_mul(u128::from(mult))?;
        if mult == 1 && total % scale != 0 {
            return None;
        }
        u64::try_from(total / scale).ok()
    }

    #[test]
    fn every_multiplier_is_a_power_of_ten() {
        let mults = MULTIPLIER_WORDS.iter().map(|(_, m)| *m);
        for m in mults.chain(MULTIPLIER_CHARS.iter().map(|(_, m)| *m)) {
            assert_eq!(
                m.to_string().trim_start_matches('1').trim_matches('0'),
                "",
                "{m}"
            );
        }
    }

    #[test]
    fn scaled_counts_agree_with_the_u128_arithmetic() {
        let mut next = crate::read::test_rng(0x9e37_79b9_7f4a_7c15u64);
        let mults = [1, 1_000, 10_000, 1_000_000, 100_000_000, 1_000_000_000];
        let edges = [
            "340282366920938463463374607431",
            "340282366920938463463374607432",
        ];
        let mut checked = 0;
        for case in 0..200_000 {
            let digits = |n: u64, next: &mut dyn FnMut(u64) -> u64| -> String {
                (0..n)
                    .map(|_| match next(4) {
                        0 => '0',
                        1 => '9',
                        _ => char::from(b'0' + next(10) as u8),
                    })
                    .collect()
            };
            let (int, frac) = if case % 50 == 0 {
                let edge = edges[(case / 50) % 2];
                let cut = 1 + next(29) as usize;
                (edge[..cut].to_string(), edge[cut..].to_string())
            } else {
                let int_len = 1 + next(31);
                let frac_len = next(32 - int_len.min(31));
                (digits(int_len, &mut next), digits(frac_len, &mut next))
            };
            let mult = mults[next(mults.len() as u64) as usize];
            assert_eq!(
                scaled_count(&int, &frac, mult),
                scaled_count_u128(&int, &frac, mult),
                "{int}.{frac} x {mult}"
            );
            checked += usize::from(scaled_count(&int, &frac, mult).is_some());
        }
        assert!(checked > 10_000, "only {checked} cases gave a count");
    }

    #[test]
    fn counts_basic() {
        assert_eq!(parse_count("1,234"), Some(1234));
        assert_eq!(parse_count("12.5K"), Some(12_500));
        assert_eq!(parse_count("nothing"), None);
    }

    #[test]
    fn joined_basic() {
        assert_eq!(parse_joined("Joined March 2011"), month_start(2011, 3));
        assert_eq!(parse_joined("Joined"), None);
    }

    #[test]
    fn account_from_dom_strips_and_parses() {
        let f = DomFacts {
            handle: "@Ann".into(),
            followers_text: Some("1.2K Followers".into()),
            avatar_url: Some("https://abs.twimg.com/sticky/default_profile_images/x.png".into()),
            bio: Some("  ".into()),
            ..DomFacts::default()
        };
        let a = account_from_dom(&f);
        assert_eq!(a.handle, "Ann");
        assert_eq!(a.followers, Some(1200));
        assert_eq!(a.default_avatar, Some(true));
        assert_eq!(
            a.bio.as_deref(),
            Some(""),
            "an empty bio shown is seen as empty"
        );
        assert_eq!(a.source, Source::Page);
        assert_eq!(account_from_dom(&DomFacts::default()).bio, None);
    }
}
