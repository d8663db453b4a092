//! Keyword, hashtag and phrase matching for bios, names and posts (begging,
//! guru words, interests, spam and promotion phrases).
//!
//! Rules, in order of how often they matter:
//! - Case-insensitive with Unicode lower-casing ("FOLLOWBACK", "Überall").
//! - Whole words: a keyword that starts (ends) with a letter, digit or `_`
//!   only matches where the text has no letter, digit or `_` just before
//!   (after) it. "TAF" does not match "staff"; "f4f" matches "#F4F!".
//! - Hashtags are exact: "#FollowBack" matches "#followback" and
//!   "#FollowBack!" but not "#followbacks" or "#followbacktrain" (list those
//!   too if wanted). A keyword without `#` also matches the hashtag:
//!   "followback" matches "#FollowBack". A keyword with `#` does not match
//!   the bare word. A keyword starting with `#` or `@` needs a word boundary
//!   before it, as X requires for hashtags. The full-width `＃`/`＠` count as
//!   `#`/`@`.
//! - Overlaps: where matches overlap, the longest wins ("#FollowBack"
//!   over "followback" listed too; "100% follow back" over "follow back").
//!   Results come in order of first appearance, each keyword once.
//! - Phrases: any run of whitespace (spaces, tabs, line breaks) in the text
//!   matches one space in the keyword: "follow back" matches "Follow\n back".
//!   Hyphens are not whitespace: list "follow-back" separately.
//! - Scripts written without spaces (Chinese, Japanese kana, Thai, Lao,
//!   Khmer, Myanmar) have no word boundaries: a keyword edge in those
//!   scripts matches anywhere, and such characters next to a Latin keyword
//!   do not block it ("相互followback歓迎" matches "followback").
//! - No Unicode normalisation (NFC/NFD) is applied; X sends NFC text.
//!
//! Speed: build a [`KeywordSet`] once from settings and reuse it. A text is
//! lower-cased once ([`NormalizedText`], reusable across several sets) and
//! scanned once; at each character only the keywords starting with that
//! character are tried. Both read ASCII bytes directly and decode only
//! non-ASCII characters (the old character-by-character versions are kept in
//! the tests as the reference).

use super::tokens::is_ascii_space;

/// A text prepared for matching: lower-cased, whitespace runs collapsed to a
/// single space, full-width `＃`/`＠` mapped to `#`/`@`. Build it once when
/// several keyword sets look at the same bio.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NormalizedText {
    text: String,
}

impl NormalizedText {
    /// Normalizes `text` once for any number of keyword sets.
    pub fn new(text: &str) -> Self {
        NormalizedText {
            text: normalize(text),
        }
    }

    /// The prepared text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if is_ascii_space(b) {
                pending_space = !out.is_empty();
                i += 1;
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            // A run of ASCII non-space bytes is copied and lower-cased whole.
            let rest = bytes.get(i..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&x| x >= 0x80 || is_ascii_space(x))
                .unwrap_or(rest.len());
            let from = out.len();
            out.push_str(text.get(i..i + run).unwrap_or_default());
            if let Some(added) = out.get_mut(from..) {
                added.make_ascii_lowercase();
            }
            i += run;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '＃' => out.push('#'),
            '＠' => out.push('@'),
            c => out.extend(crate::case::lower_char(c)),
        }
    }
    out
}

/// Scripts written without spaces between words: no word boundaries there.
fn is_spaceless_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF     // Thai, Lao
        | 0x1000..=0x109F   // Myanmar
        | 0x1780..=0x17FF   // Khmer
        | 0x3040..=0x30FF   // Hiragana, Katakana
        | 0x31F0..=0x31FF   // Katakana extensions
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFF66..=0xFF9F   // half-width Katakana
        | 0x20000..=0x2FA1F // CJK extensions B-F, compatibility supplement
    )
}

/// Combining marks continue the word they follow ("cafe\u{301}").
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// A character that makes a word continue, for boundary checks.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        is_word_char_unicode(c)
    }
}

/// [`is_word_char`] for non-ASCII characters.
fn is_word_char_unicode(c: char) -> bool {
    (c.is_alphanumeric() || c == '_' || is_combining_mark(c)) && !is_spaceless_script(c)
}

/// The character starting at byte `at` of `s` (a boundary), and its length.
#[inline(always)]
fn char_at(s: &str, at: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(at)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

#[derive(Clone, Debug)]
struct Entry {
    /// As listed in settings.
    listed: String,
    /// Normalised form searched for.
    norm: String,
    need_before: bool,
    need_after: bool,
}

/// A list of keywords prepared once, matched against many texts.
#[derive(Clone, Debug, Default)]
pub struct KeywordSet {
    entries: Vec<Entry>,
    /// Keyword indexes by the first byte of their normal form, ASCII only.
    ascii: Vec<Vec<usize>>,
    /// Keyword indexes by first character, for the rest, sorted by that
    /// character (a binary search; a map of its own type would bring its own
    /// copy of the hash table's code into the wasm).
    other: Vec<(char, Vec<usize>)>,
}

impl KeywordSet {
    /// Prepares `keywords`. Empty and whitespace-only entries are dropped; of
    /// entries equal after normalising ("#TFB", "#tfb") the first is kept.
    pub fn new(keywords: &[String]) -> Self {
        Self::from_iter(keywords.iter().map(String::as_str))
    }

    /// Like [`KeywordSet::new`], from string slices (built-in default lists).
    pub fn from_strs(keywords: &[&str]) -> Self {
        Self::from_iter(keywords.iter().copied())
    }

    fn from_iter<'a>(keywords: impl Iterator<Item = &'a str>) -> Self {
        let mut set = KeywordSet {
            entries: Vec::new(),
            ascii: vec![Vec::new(); 128],
            other: Vec::new(),
        };
        for listed in keywords {
            let norm = normalize(listed);
            let (Some(first), Some(last)) = (norm.chars().next(), norm.chars().next_back()) else {
                continue;
            };
            if set.entries.iter().any(|e| e.norm == norm) {
                continue;
            }
            let idx = set.entries.len();
            set.entries.push(Entry {
                listed: listed.trim().to_string(),
                need_before: is_word_char(first) || first == '#' || first == '@',
                need_after: is_word_char(last),
                norm,
            });
            match set.ascii.get_mut(first as usize) {
                Some(bucket) if first.is_ascii() => bucket.push(idx),
                _ => match set.other.binary_search_by_key(&first, |(c, _)| *c) {
                    Ok(at) => {
                        if let Some((_, bucket)) = set.other.get_mut(at) {
                            bucket.push(idx);
                        }
                    }
                    Err(at) => set.other.insert(at, (first, vec![idx])),
                },
            }
        }
        set
    }

    /// Number of distinct keywords.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The keywords as listed (after dropping empty and repeated ones), in list order.
    pub fn keywords(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.listed.as_str())
    }

    /// True when there is nothing to match.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keywords (spelt as listed) found in `text`, each once, in the
    /// order they first appear. Where matches overlap the longest wins (ties:
    /// the one listed first), so one hashtag is not reported as two keywords.
    pub fn matches(&self, text: &str) -> Vec<&str> {
        if self.is_empty() {
            return Vec::new();
        }
        self.matches_in(&NormalizedText::new(text))
    }

    /// [`KeywordSet::matches`] on a text prepared once.
    pub fn matches_in(&self, text: &NormalizedText) -> Vec<&str> {
        let s = text.as_str();
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        self.scan(s, &mut |start, idx| {
            let len = self.entries.get(idx).map_or(0, |e| e.norm.len());
            hits.push((start, start + len, idx));
            false
        });
        // Longest first (then list order), so a keyword inside a longer match
        // ("followback" in "#followback", "follow back" in "100% follow
        // back") is not reported for the same words.
        if hits.is_empty() {
            return Vec::new();
        }
        crate::sort::by_key(&mut hits, |&(start, end, idx)| {
            (std::cmp::Reverse(end - start), idx, start)
        });
        let mut covered = vec![false; s.len()];
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for (start, end, idx) in hits {
            let Some(span) = covered.get_mut(start..end) else {
                continue;
            };
            if span.iter().any(|&c| c) {
                continue;
            }
            span.iter_mut().for_each(|c| *c = true);
            kept.push((start, idx));
        }
        crate::sort::values(&mut kept);
        let mut seen = vec![false; self.entries.len()];
        let mut out = Vec::new();
        for (_, idx) in kept {
            if let (Some(first @ false), Some(e)) = (seen.get_mut(idx), self.entries.get(idx)) {
                *first = true;
                out.push(e.listed.as_str());
            }
        }
        out
    }

    /// True when any keyword occurs in `text` (stops at the first).
    pub fn is_match(&self, text: &str) -> bool {
        !self.is_empty() && self.is_match_in(&NormalizedText::new(text))
    }

    /// [`KeywordSet::is_match`] on a text prepared once.
    pub fn is_match_in(&self, text: &NormalizedText) -> bool {
        let mut any = false;
        self.scan(text.as_str(), &mut |_, _| {
            any = true;
            true
        });
        any
    }

    /// Calls `hit(byte offset, keyword index)` for every keyword occurrence;
    /// stops when it returns true. `hit` is a `dyn` (called only on a
    /// match): one copy of the loop serves every caller.
    fn scan(&self, s: &str, hit: &mut dyn FnMut(usize, usize) -> bool) {
        let bytes = s.as_bytes();
        // Whether the character before `i` continues a word.
        let mut prev_word = false;
        let mut i = 0;
        while let Some((c, len)) = char_at(s, i) {
            let bucket = if c.is_ascii() {
                self.ascii.get(c as usize)
            } else {
                self.other
                    .binary_search_by_key(&c, |(k, _)| *k)
                    .ok()
                    .and_then(|at| self.other.get(at))
                    .map(|(_, bucket)| bucket)
            };
            if let (Some(bucket), Some(rest)) = (bucket, bytes.get(i..)) {
                for &idx in bucket {
                    let Some(e) = self.entries.get(idx) else {
                        continue;
                    };
                    if e.need_before && prev_word {
                        continue;
                    }
                    let norm = e.norm.as_bytes();
                    if !rest.starts_with(norm) {
                        continue;
                    }
                    // A whole keyword matched: `i + norm.len()` is a boundary.
                    if e.need_after
                        && char_at(s, i + norm.len()).is_some_and(|(after, _)| is_word_char(after))
                    {
                        continue;
                    }
                    if hit(i, idx) {
                        return;
                    }
                }
            }
            prev_word = is_word_char(c);
            i += len;
        }
    }
}

/// The keywords (spelt as listed) found in `text`, each once, in order of
/// appearance, longest match winning where matches overlap. Builds
/// a [`KeywordSet`] each call: reuse a set when matching many texts.
pub fn match_keywords(text: &str, keywords: &[String]) -> Vec<String> {
    KeywordSet::new(keywords)
        .matches(text)
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-by-character versions before the byte-level rewrite:
    /// the reference the property tests hold the new ones to.
    mod reference {
        use super::super::{is_combining_mark, is_spaceless_script, KeywordSet};

        pub fn normalize(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            let mut pending_space = false;
            for c in text.chars() {
                if c.is_whitespace() {
                    pending_space = !out.is_empty();
                    continue;
                }
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                match c {
                    '＃' => out.push('#'),
                    '＠' => out.push('@'),
                    c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                    c => out.extend(c.to_lowercase()),
                }
            }
            out
        }

        pub fn is_word_char(c: char) -> bool {
            (c.is_alphanumeric() || c == '_' || is_combining_mark(c)) && !is_spaceless_script(c)
        }

        /// Every (offset, keyword) the old scan reported, in order.
        pub fn scan(set: &KeywordSet, s: &str) -> Vec<(usize, usize)> {
            let mut found = Vec::new();
            let mut prev: Option<char> = None;
            for (i, c) in s.char_indices() {
                let bucket = if c.is_ascii() {
                    set.ascii.get(c as usize)
                } else {
                    set.other
                        .binary_search_by_key(&c, |(k, _)| *k)
                        .ok()
                        .and_then(|at| set.other.get(at))
                        .map(|(_, bucket)| bucket)
                };
                if let (Some(bucket), Some(rest)) = (bucket, s.get(i..)) {
                    for &idx in bucket {
                        let Some(e) = set.entries.get(idx) else {
                            continue;
                        };
                        if e.need_before && prev.is_some_and(is_word_char) {
                            continue;
                        }
                        if !rest.starts_with(&e.norm) {
                            continue;
                        }
                        if e.need_after
                            && rest
                                .get(e.norm.len()..)
                                .and_then(|after| after.chars().next())
                                .is_some_and(is_word_char)
                        {
                            continue;
                        }
                        found.push((i, idx));
                    }
                }
                prev = Some(c);
            }
            found
        }
    }

    /// Bio-like text and keywords: words that are keywords, hashtags (both
    /// widths), every kind of whitespace, letters that change length when
    /// lower-cased (`İ`, `ẞ`), final sigma, combining marks, spaceless
    /// scripts, digits, `_` and emoji.
    fn texty() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("follow".to_string()),
            Just("Back".to_string()),
            Just("F4F".to_string()),
            Just("#".to_string()),
            Just("＃".to_string()),
            Just("@".to_string()),
            Just("＠".to_string()),
            Just("_".to_string()),
            Just("-".to_string()),
            Just("%".to_string()),
            Just("é".to_string()),
            Just("e\u{301}".to_string()),
            Just("İ".to_string()),
            Just("ẞ".to_string()),
            Just("ΟΔΟΣ".to_string()),
            Just("相互".to_string()),
            Just("ไทย".to_string()),
            Just("٣".to_string()),
            Just("💯".to_string()),
            Just(" ".to_string()),
            Just("\t\n ".to_string()),
            Just("\u{0B}\u{0C}\r".to_string()),
            Just("\u{A0}\u{85}".to_string()),
            Just("\u{3000}".to_string()),
            Just("\u{1F}".to_string()),
            "[a-fA-F0-9]{1,3}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn normal_form_agrees(s in texty()) {
            prop_assert_eq!(normalize(&s), reference::normalize(&s));
        }

        #[test]
        fn arbitrary_normal_form_agrees(s in any::<String>()) {
            prop_assert_eq!(normalize(&s), reference::normalize(&s));
        }

        #[test]
        fn word_chars_agree(c in any::<char>()) {
            prop_assert_eq!(is_word_char(c), reference::is_word_char(c));
        }

        #[test]
        fn scan_agrees(
            keywords in proptest::collection::vec(texty(), 0..8),
            texts in proptest::collection::vec(texty(), 1..4),
        ) {
            // A text made of keyword pieces, so that matches are common.
            let text = texts.concat() + &keywords.concat() + &texts.concat();
            let set = KeywordSet::new(&keywords);
            let norm = NormalizedText::new(&text);
            let mut found = Vec::new();
            set.scan(norm.as_str(), &mut |i, idx| {
                found.push((i, idx));
                false
            });
            prop_assert_eq!(found, reference::scan(&set, norm.as_str()));
        }
    }

    #[test]
    fn ascii_word_chars() {
        for b in 0..=127u8 {
            let c = char::from(b);
            assert_eq!(is_word_char(c), reference::is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn normal_form() {
        assert_eq!(
            NormalizedText::new("  Follow\n\t BACK ＃TFB ").as_str(),
            "follow back #tfb"
        );
    }
}
