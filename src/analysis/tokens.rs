//! Token helpers for post text shared by the analyses: URL tokens, hosts and registrable
//! domains, @mentions, link-only posts and the normal form used to find
//! repeated texts.

/// Second-level labels under which registrations happen in many country
/// domains (`example.co.uk`, `shop.com.au`, `foo.ne.jp`). A small stand-in for
/// the Public Suffix List, which would cost too many bytes in the wasm.
const SECOND_LEVEL: &[&str] = &[
    "ac", "co", "com", "edu", "gob", "go", "gov", "ltd", "me", "ne", "net", "nic", "or", "org",
    "plc", "sch",
];

/// Hosts that belong to X itself (permalinks, media): not an external link.
const X_HOSTS: &[&str] = &["x.com", "twitter.com", "pic.twitter.com", "pic.x.com"];

/// True for the bytes [`char::is_whitespace`] accepts among ASCII: space and
/// `\t` `\n` `\x0B` `\x0C` `\r` (not the same set as
/// [`u8::is_ascii_whitespace`], which leaves out `\x0B`).
#[inline(always)]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | 0x09..=0x0D)
}

/// The whitespace-separated tokens of `text`, exactly as
/// [`str::split_whitespace`] gives them, read byte by byte: ASCII bytes are
/// judged directly, only non-ASCII characters are decoded.
pub(crate) fn words(text: &str) -> Runs<'_, NotSpace> {
    Runs::new(text)
}

/// The maximal runs of letters and digits of `text`, exactly as
/// `text.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty())`
/// gives them, judging ASCII bytes directly.
pub(crate) fn alphanumeric_runs(text: &str) -> Runs<'_, Alphanumeric> {
    Runs::new(text)
}

/// A class of characters whose maximal runs [`Runs`] yields: a test for
/// ASCII bytes and one for the other characters.
pub(crate) trait CharClass {
    fn ascii(b: u8) -> bool;
    fn other(c: char) -> bool;
}

/// Everything but whitespace ([`char::is_whitespace`]).
pub(crate) struct NotSpace;

impl CharClass for NotSpace {
    #[inline(always)]
    fn ascii(b: u8) -> bool {
        !is_ascii_space(b)
    }
    fn other(c: char) -> bool {
        !c.is_whitespace()
    }
}

/// Letters and digits ([`char::is_alphanumeric`]).
pub(crate) struct Alphanumeric;

impl CharClass for Alphanumeric {
    #[inline(always)]
    fn ascii(b: u8) -> bool {
        b.is_ascii_alphanumeric()
    }
    fn other(c: char) -> bool {
        c.is_alphanumeric()
    }
}

/// The iterator of [`words`] and [`alphanumeric_runs`]: the maximal runs of
/// the characters of class `C`, in order.
pub(crate) struct Runs<'a, C> {
    text: &'a str,
    /// Byte offset of the next character to look at (always a boundary).
    at: usize,
    class: std::marker::PhantomData<C>,
}

impl<'a, C: CharClass> Runs<'a, C> {
    fn new(text: &'a str) -> Self {
        Runs {
            text,
            at: 0,
            class: std::marker::PhantomData,
        }
    }

    /// The byte length of the character at `at` and whether it is of the
    /// class; `None` at the end.
    #[inline(always)]
    fn class_at(&self, at: usize) -> Option<(usize, bool)> {
        let b = *self.text.as_bytes().get(at)?;
        if b < 0x80 {
            return Some((1, C::ascii(b)));
        }
        let c = self.text.get(at..)?.chars().next()?;
        Some((c.len_utf8(), C::other(c)))
    }
}

impl<'a, C: CharClass> Iterator for Runs<'a, C> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let mut at = self.at;
        loop {
            match self.class_at(at) {
                Some((len, false)) => at += len,
                Some((_, true)) => break,
                None => {
                    self.at = at;
                    return None;
                }
            }
        }
        let start = at;
        while let Some((len, true)) = self.class_at(at) {
            at += len;
        }
        self.at = at;
        self.text.get(start..at)
    }
}

/// `haystack.contains(needle)` as a plain byte search: the first byte is
/// looked for, then the rest compared (std's two-way searcher sets itself up
/// for every call, which costs more than the search in short texts). Exact:
/// both are valid UTF-8, so a byte match is a match of characters.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    hay.iter().enumerate().any(|(i, &b)| {
        b == first
            && hay
                .get(i + 1..)
                .is_some_and(|after| after.starts_with(rest))
    })
}

/// The brackets and quotes trimmed off a token before judging it a URL.
fn is_url_wrapper(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'[' | b']' | b'<' | b'>' | b'"')
}

/// The horizontal ellipsis `…` that ends a display URL cut short.
const ELLIPSIS: &[u8] = "\u{2026}".as_bytes();

/// True when `b` ends with [`ELLIPSIS`].
fn ends_with_ellipsis(b: &[u8]) -> bool {
    b.len() >= ELLIPSIS.len() && b.get(b.len() - ELLIPSIS.len()..) == Some(ELLIPSIS)
}

/// True when a whitespace-separated token is a URL: it starts with a scheme or
/// `www.`, or it is a bare `host.tld/...` (as the page displays links), or a
/// display URL cut with `…`.
pub fn is_url_token(token: &str) -> bool {
    // The wrappers are ASCII, so trimming bytes cuts at character boundaries.
    let b = token.as_bytes();
    let start = b
        .iter()
        .position(|&x| !is_url_wrapper(x))
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&x| !is_url_wrapper(x))
        .map_or(start, |i| i + 1);
    let Some(t) = token.get(start..end) else {
        return false;
    };
    let tb = t.as_bytes();
    let starts = |p: &[u8]| tb.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if starts(b"http://") || starts(b"https://") || starts(b"www.") {
        return true;
    }
    let (mut host, has_slash) = match tb.iter().position(|&x| x == b'/') {
        Some(i) => (t.get(..i).unwrap_or(t), true),
        None => (t, false),
    };
    let has_path = has_slash || ends_with_ellipsis(tb);
    if !has_path {
        return false;
    }
    while ends_with_ellipsis(host.as_bytes()) {
        host = host.get(..host.len() - ELLIPSIS.len()).unwrap_or_default();
    }
    looks_like_host(host)
}

/// `a.b` with non-empty labels of letters, digits and hyphens, the last one
/// alphabetic and at least two letters long. Reached only by tokens with a
/// `/` or an ending `…` and no scheme: rare, so it reads characters.
fn looks_like_host(host: &str) -> bool {
    let mut labels = host.split('.');
    let Some(last) = host.rsplit('.').next() else {
        return false;
    };
    if !host.contains('.') || last.chars().count() < 2 || !last.chars().all(char::is_alphabetic) {
        return false;
    }
    labels.all(|l| {
        !l.is_empty()
            && l.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// The lower-case host of a URL without `www.`, port or user info; `None` when
/// there is no plausible host (`"not a url"`).
pub fn host_of(url: &str) -> Option<String> {
    let s = url.trim();
    let s = match s.find("://") {
        Some(i) => s.get(i + 3..)?,
        None => s,
    };
    let end = s
        .find(|c: char| matches!(c, '/' | '?' | '#' | '\\') || c.is_whitespace())
        .unwrap_or(s.len());
    let authority = s.get(..end)?;
    let host_port = authority.rsplit('@').next()?;
    let host = match host_port.rfind(':') {
        Some(i) => host_port.get(..i)?,
        None => host_port,
    };
    let host = crate::case::lower(host.trim_end_matches('.'));
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    if host.is_empty() || !host.contains('.') || host.starts_with('.') {
        return None;
    }
    Some(host)
}

/// The registrable domain of a URL ("blog.example.co.uk/x" -> "example.co.uk"),
/// approximated without the Public Suffix List: the last two labels, or three
/// when the second-to-last is a common second level under a two-letter
/// country domain. IP addresses are returned whole.
pub fn registrable_domain(url: &str) -> Option<String> {
    let host = host_of(url)?;
    if host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Some(host);
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    if n < 2 {
        return None;
    }
    let take = match (labels.get(n - 1), labels.get(n - 2)) {
        (Some(tld), Some(sld)) if n >= 3 && tld.len() == 2 && SECOND_LEVEL.contains(sld) => 3,
        _ => 2,
    };
    labels.get(n - take..).map(|l| l.join("."))
}

/// True when the URL points at X itself (a permalink or media), not outside.
pub fn is_x_link(url: &str) -> bool {
    match host_of(url) {
        Some(h) => X_HOSTS.iter().any(|x| {
            h.strip_suffix(x)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        }),
        None => false,
    }
}

/// True for X's own link shortener, whose target is unknown until expanded.
pub fn is_shortener_link(url: &str) -> bool {
    host_of(url).as_deref() == Some("t.co")
}

/// Handles mentioned in `text` (`@name`, also the full-width `＠`), without
/// the `@`, in order of appearance. An `@` inside a word (an e-mail address)
/// is not a mention.
pub fn mentions(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Whether the character before `i` continues a word (blocks a mention).
    let mut prev_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (len, at_sign, word) = if b < 0x80 {
            (1, b == b'@', b.is_ascii_alphanumeric() || b == b'_')
        } else {
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            (c.len_utf8(), c == '＠', c.is_alphanumeric())
        };
        if at_sign && !prev_word {
            let start = i + len;
            let rest = bytes.get(start..).unwrap_or_default();
            // Handle characters are ASCII: the run ends at a boundary.
            let n = rest
                .iter()
                .position(|&h| !(h.is_ascii_alphanumeric() || h == b'_'))
                .unwrap_or(rest.len());
            if n > 0 {
                if let Some(h) = text.get(start..start + n) {
                    out.push(h);
                }
            }
        }
        prev_word = word;
        i += len;
    }
    out
}

/// True when `token` starts with `#` or the full-width `＃`.
fn is_hashtag(token: &str) -> bool {
    let b = token.as_bytes();
    b.first() == Some(&b'#') || b.starts_with("＃".as_bytes())
}

/// True when `token` starts with `@` or the full-width `＠`.
fn is_mention(token: &str) -> bool {
    let b = token.as_bytes();
    b.first() == Some(&b'@') || b.starts_with("＠".as_bytes())
}

/// True when `token` holds a letter or a digit (Unicode classes).
fn has_alphanumeric(token: &str) -> bool {
    if token.is_ascii() {
        token.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        token.chars().any(char::is_alphanumeric)
    }
}

/// True when a post says nothing but its link(s): after removing URL tokens
/// and hashtags, no letter or digit is left (punctuation and emoji may be),
/// and the post links somewhere (`has_url`, or a URL token in the text).
pub fn is_link_only(text: &str, has_url: bool) -> bool {
    let mut saw_url = has_url;
    for token in words(text) {
        if is_url_token(token) {
            saw_url = true;
            continue;
        }
        if is_hashtag(token) {
            continue;
        }
        if has_alphanumeric(token) {
            return false;
        }
    }
    saw_url
}

/// The normal form used to find repeated texts: lower-case, URLs, @mentions
/// and digits removed, every other non-letter turned into a space, spaces
/// collapsed. "Buy NOW!! https://a.b/1 @ann 50%" -> "buy now".
pub fn normalize_for_duplicates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // `out` holds letters and single spaces: "ends with a space" is its last byte.
    let space_after = |out: &mut String| {
        if !out.is_empty() && out.as_bytes().last() != Some(&b' ') {
            out.push(' ');
        }
    };
    for token in words(text) {
        if is_mention(token) || is_url_token(token) {
            continue;
        }
        if token.is_ascii() {
            // Runs of ASCII letters are copied and lower-cased whole; each
            // other byte is a separator.
            let b = token.as_bytes();
            let mut i = 0;
            while i < b.len() {
                let run = b
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .position(|x| !x.is_ascii_alphabetic())
                    .unwrap_or(b.len() - i);
                if run == 0 {
                    space_after(&mut out);
                    i += 1;
                    continue;
                }
                let from = out.len();
                out.push_str(token.get(i..i + run).unwrap_or_default());
                if let Some(added) = out.get_mut(from..) {
                    added.make_ascii_lowercase();
                }
                i += run;
            }
        } else {
            for c in token.chars().flat_map(crate::case::lower_char) {
                if c.is_alphabetic() {
                    out.push(c);
                } else {
                    space_after(&mut out);
                }
            }
        }
        space_after(&mut out);
    }
    while out.as_bytes().last() == Some(&b' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The implementations before the byte-level rewrite: the reference the
    /// property tests hold the new ones to.
    mod reference {
        /// True when `c` is part of a word for handles and boundaries: a
        /// letter, a digit or `_`.
        fn is_handle_char(c: char) -> bool {
            c.is_ascii_alphanumeric() || c == '_'
        }

        pub fn is_url_token(token: &str) -> bool {
            let t =
                token.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | '"'));
            let lower_prefix: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
            if lower_prefix.starts_with("http://")
                || lower_prefix.starts_with("https://")
                || lower_prefix.starts_with("www.")
            {
                return true;
            }
            let (host, rest) = match t.find('/') {
                Some(i) => t.split_at(i),
                None => (t, ""),
            };
            let host = host.trim_end_matches('…');
            let has_path = !rest.is_empty() || t.ends_with('…');
            has_path && looks_like_host(host)
        }

        fn looks_like_host(host: &str) -> bool {
            let mut labels = host.split('.');
            let Some(last) = host.rsplit('.').next() else {
                return false;
            };
            if !host.contains('.')
                || last.chars().count() < 2
                || !last.chars().all(char::is_alphabetic)
            {
                return false;
            }
            labels.all(|l| {
                !l.is_empty()
                    && l.chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            })
        }

        pub fn mentions(text: &str) -> Vec<&str> {
            let mut out = Vec::new();
            let mut prev: Option<char> = None;
            for (i, c) in text.char_indices() {
                if (c == '@' || c == '＠') && !prev.is_some_and(|p| p.is_alphanumeric() || p == '_')
                {
                    let start = i + c.len_utf8();
                    let rest = text.get(start..).unwrap_or("");
                    let len = rest
                        .char_indices()
                        .find(|&(_, ch)| !is_handle_char(ch))
                        .map_or(rest.len(), |(j, _)| j);
                    if len > 0 {
                        if let Some(h) = rest.get(..len) {
                            out.push(h);
                        }
                    }
                }
                prev = Some(c);
            }
            out
        }

        pub fn is_link_only(text: &str, has_url: bool) -> bool {
            let mut saw_url = has_url;
            for token in text.split_whitespace() {
                if is_url_token(token) {
                    saw_url = true;
                    continue;
                }
                if token.starts_with('#') || token.starts_with('＃') {
                    continue;
                }
                if token.chars().any(char::is_alphanumeric) {
                    return false;
                }
            }
            saw_url
        }

        pub fn normalize_for_duplicates(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for token in text.split_whitespace() {
                if is_url_token(token) || token.starts_with('@') || token.starts_with('＠') {
                    continue;
                }
                for c in token.chars().flat_map(char::to_lowercase) {
                    if c.is_alphabetic() {
                        out.push(c);
                    } else if !out.ends_with(' ') && !out.is_empty() {
                        out.push(' ');
                    }
                }
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            while out.ends_with(' ') {
                out.pop();
            }
            out
        }
    }

    /// Post-like text: URL and mention pieces, brackets, ellipses, every
    /// kind of whitespace (ASCII, `\x0B`, no-break, ideographic), letters
    /// with case (`İ`, `Σ`, `ẞ`), full-width signs, digits and emoji.
    fn texty() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("http://".to_string()),
            Just("HTTPS://".to_string()),
            Just("wWw.".to_string()),
            Just("/".to_string()),
            Just(".".to_string()),
            Just("…".to_string()),
            Just("@".to_string()),
            Just("＠".to_string()),
            Just("#".to_string()),
            Just("＃".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("\"".to_string()),
            Just("<>[]".to_string()),
            Just("-_".to_string()),
            Just(":".to_string()),
            Just("?\\".to_string()),
            Just("..".to_string()),
            Just("com".to_string()),
            Just("Ab".to_string()),
            Just("é".to_string()),
            Just("İΣẞ".to_string()),
            Just("日本".to_string()),
            Just("٣".to_string()),
            Just("👉".to_string()),
            Just(" ".to_string()),
            Just("\t\n\r".to_string()),
            Just("\u{0B}\u{0C}".to_string()),
            Just("\u{A0}".to_string()),
            Just("\u{85}".to_string()),
            Just("\u{3000}\u{2028}".to_string()),
            Just("\u{1F}".to_string()),
            "[a-zA-Z0-9]{1,6}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn words_are_split_whitespace(s in texty()) {
            let ours: Vec<&str> = words(&s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn url_tokens_agree(s in texty()) {
            prop_assert_eq!(is_url_token(&s), reference::is_url_token(&s), "{:?}", s);
            for t in s.split_whitespace() {
                prop_assert_eq!(is_url_token(t), reference::is_url_token(t), "{:?}", t);
            }
        }

        #[test]
        fn mentions_agree(s in texty()) {
            prop_assert_eq!(mentions(&s), reference::mentions(&s));
        }

        #[test]
        fn link_only_agrees(s in texty(), has_url: bool) {
            prop_assert_eq!(is_link_only(&s, has_url), reference::is_link_only(&s, has_url));
        }

        #[test]
        fn duplicate_normal_form_agrees(s in texty()) {
            prop_assert_eq!(normalize_for_duplicates(&s), reference::normalize_for_duplicates(&s));
        }

        #[test]
        fn contains_agrees(hay in texty(), from in 0usize..40, len in 0usize..6) {
            // Needles cut from the haystack (found) and from elsewhere.
            let chars: Vec<char> = hay.chars().collect();
            let cut: String = chars.iter().skip(from).take(len).collect();
            prop_assert_eq!(contains(&hay, &cut), hay.contains(cut.as_str()));
            let other: String = cut.chars().rev().chain("é".chars()).collect();
            prop_assert_eq!(contains(&hay, &other), hay.contains(other.as_str()));
            prop_assert_eq!(contains(&cut, &hay), cut.contains(hay.as_str()));
        }

        #[test]
        fn arbitrary_strings_agree(s in any::<String>()) {
            prop_assert_eq!(words(&s).collect::<Vec<_>>(), s.split_whitespace().collect::<Vec<_>>());
            prop_assert_eq!(is_url_token(&s), reference::is_url_token(&s));
            prop_assert_eq!(mentions(&s), reference::mentions(&s));
            prop_assert_eq!(is_link_only(&s, false), reference::is_link_only(&s, false));
            prop_assert_eq!(normalize_for_duplicates(&s), reference::normalize_for_duplicates(&s));
        }
    }

    #[test]
    fn url_token_edges() {
        // Cases where a byte-level reading could slip: the ellipsis, wrappers,
        // scheme case, non-ASCII hosts and the vertical tab.
        for (t, want) in [
            ("example.com/a", true),
            ("(example.com/a)", true),
            ("\"<[example.com/]>\"", true),
            ("example.com…", true),
            ("example.com……", true),
            ("example.c…", false),
            ("HtTpS://x", true),
            ("(www.", true),
            ("http:/", false),
            ("bücher.de/x", true),
            ("example.日本/x", true),
            ("example.co2/x", false),
            ("a..b/x", false),
            ("", false),
            ("((()))", false),
            ("…", false),
        ] {
            assert_eq!(is_url_token(t), want, "{t:?}");
            assert_eq!(reference::is_url_token(t), want, "{t:?}");
        }
        assert_eq!(words("a\u{0B}b").collect::<Vec<_>>(), vec!["a", "b"]);
        assert_eq!(
            normalize_for_duplicates("ΣΑΣ\u{0B}İx 3d"),
            reference::normalize_for_duplicates("ΣΑΣ\u{0B}İx 3d")
        );
    }

    #[test]
    fn hosts_and_domains() {
        assert_eq!(
            host_of("https://WWW.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            registrable_domain("http://blog.example.co.uk/x").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            registrable_domain("shop.example.com").as_deref(),
            Some("example.com")
        );
        assert_eq!(registrable_domain("nonsense"), None);
        assert!(is_x_link("https://twitter.com/a/status/1"));
        assert!(is_x_link("https://pic.x.com/abc"));
        assert!(!is_x_link("https://example.com/"));
        assert!(is_x_link("https://mobile.twitter.com/a"));
        assert!(!is_x_link("https://notx.com/a"));
        assert!(!is_x_link("https://x.com.example/a"));
    }

    #[test]
    fn mentions_skip_emails() {
        assert_eq!(
            mentions("hi @Ann and @bob_2! mail me@example.com ＠carl"),
            vec!["Ann", "bob_2", "carl"]
        );
    }

    #[test]
    fn link_only_and_normal_form() {
        assert!(is_link_only("https://t.co/abc #news", true));
        assert!(is_link_only("👉 example.com/article…", false));
        assert!(!is_link_only("Read this https://t.co/abc", true));
        assert!(!is_link_only("#news", false));
        assert_eq!(
            normalize_for_duplicates("Buy NOW!! https://a.b/1 @ann 50% off"),
            "buy now off"
        );
    }
}
