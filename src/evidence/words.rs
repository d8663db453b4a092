//! Wording helpers for evidence lines: numbers with thousands separators,
//! plurals, day spans, rates, signed points, excerpts and quoted keywords.
//! Also the message forms of the same ([`plural_m`], [`days_m`], ...).
//! Keyword matching itself is the analysis layer's
//! [`KeywordSet`](crate::analysis::KeywordSet) (case-insensitive, whole words,
//! hashtags exact, longest match wins where matches overlap), prepared once per
//! settings in [`prepared`](crate::prepared).

use super::line::msg;
use crate::json_out::fixed;
use crate::message::{num, text, uint, Arg, Message};

/// `12345` -> `"12,345"`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole or decimal number for a sentence: "3", "2.5", "0.14".
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return "?".to_string();
    }
    if (v - v.round()).abs() < 0.005 && v.abs() >= 1.0 {
        return count_i(v.round());
    }
    if v.abs() >= 10.0 {
        fixed(v, 0)
    } else if v.abs() >= 1.0 {
        fixed(v, 1)
    } else {
        fixed(v, 2)
    }
}

fn count_i(v: f64) -> String {
    if v < 0.0 {
        format!("-{}", count((-v) as u64))
    } else {
        count(v as u64)
    }
}

/// "1 post" / "3 posts".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{} {one}", count(n))
    } else {
        format!("{} {many}", count(n))
    }
}

/// Days as people say them: "45 days", "about 3 years".
pub fn days_words(days: f64) -> String {
    if days >= 730.0 {
        format!("about {} years", (days / 365.25).round() as u64)
    } else {
        plural(days.floor() as u64, "day", "days")
    }
}

/// The first `max` characters of a text, with an ellipsis when cut.
///
/// The text's words joined by single spaces, read only as far as the cut:
/// no copy of the whole text first (`tests::excerpt_as_by_joining`).
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut cut = false;
    'words: for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            if n == max {
                cut = true;
                break;
            }
            out.push(' ');
            n += 1;
        }
        for c in word.chars() {
            if n == max {
                cut = true;
                break 'words;
            }
            out.push(c);
            n += 1;
        }
    }
    if cut {
        out.push('\u{2026}');
    }
    out
}

/// A number rounded to two significant digits for a sentence: 1,234 -> "1,200".
pub fn round_num(v: f64) -> String {
    if !v.is_finite() || v <= 0.0 {
        return number(v.max(0.0));
    }
    let mag = pow10(v.log10().floor() - 1.0);
    let r = (v / mag).round() * mag;
    if r >= 1.0 {
        count(r.round() as u64)
    } else {
        number(r)
    }
}

/// 10 to the power `x`, without libm's `pow` (about 2 KB of the wasm, where
/// only these wording helpers used it): the whole part by `powi` (exact up to
/// 10^22), the fraction by `exp`. Within a few units in the last place of
/// `10f64.powf(x)`, and the same for whole `x` from -4 to 22, so the two
/// significant digits [`round_arg`] shows are the same
/// (`tests/ramp_props.rs`).
pub fn pow10(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { 0.0 };
    }
    let whole = x.floor();
    let frac = x - whole;
    // Beyond ±400 the result is 0 or infinite either way.
    let int = 10f64.powi(whole.clamp(-400.0, 400.0) as i32);
    if frac == 0.0 {
        int
    } else {
        (frac * std::f64::consts::LN_10).exp() * int
    }
}

/// "1 follow a day" / "2.5 follows a day": a rate with its unit in number.
pub fn rate_words(v: f64, one: &str, many: &str, tail: &str) -> String {
    if (v - 1.0).abs() < 0.005 {
        format!("1 {one} {tail}")
    } else {
        format!("{} {many} {tail}", number(v))
    }
}

/// "+7", "−3", "0" (with a real minus sign).
pub fn signed(p: i32) -> String {
    match p.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{p}"),
        std::cmp::Ordering::Less => format!("\u{2212}{}", p.unsigned_abs()),
        std::cmp::Ordering::Equal => "0".to_string(),
    }
}

/// FIRST STRONG ISOLATE: opens an isolate whose direction comes from its text.
pub const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE: closes the isolate `FSI` opened.
pub const PDI: char = '\u{2069}';

/// Text from X, isolated for a sentence of ours: wrapped in FSI ... PDI so its
/// direction (and any right-to-left override it carries) never reorders the
/// words around it. Isolate controls inside the text (which could close ours
/// early or leave one open) are dropped, and paragraph breaks (which would end
/// the isolate) become spaces; every other character is kept.
pub fn isolate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push(FSI);
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2069}' => {}
            '\n' | '\r' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2029}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.push(PDI);
    out
}

/// The text of `isolate` without its marks (for reading a quoted phrase back).
pub fn unisolate(text: &str) -> &str {
    let t = text.strip_prefix(FSI).unwrap_or(text);
    t.strip_suffix(PDI).unwrap_or(t)
}

/// Matched keywords for a breakdown line: `"#TFB", "follow back"` (each isolated).
pub fn quoted(found: &[String]) -> String {
    found
        .iter()
        .map(|k| format!("\u{201c}{}\u{201d}", isolate(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A counted noun as three message ids: one ("$1 post"), many ("$1 posts")
/// and none ("no posts").
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    /// "$1 post".
    pub one: &'static str,
    /// "$1 posts".
    pub many: &'static str,
    /// "no posts".
    pub none: &'static str,
}

macro_rules! units {
    ($($name:ident = $id:literal;)*) => {
        /// The counted nouns of the evidence lines.
        pub mod unit {
            use super::Unit;
            $(
                #[allow(missing_docs)]
                pub const $name: Unit = Unit {
                    one: concat!("ev_u_", $id, "_one"),
                    many: concat!("ev_u_", $id, "_many"),
                    none: concat!("ev_u_", $id, "_no"),
                };
            )*
        }
    };
}

units! {
    POST = "post";
    LIKE = "like";
    LIST = "list";
    CHANGE = "change";
    DAY = "day";
    FOLLOW_A_DAY = "follow_day";
    POST_A_DAY = "post_day";
    POST_A_WEEK = "post_week";
    OBSERVATION = "observation";
    RECENT_POST = "recent_post";
    TIME = "time";
    INTEREST = "interest";
    CHARACTER = "character";
    DIFFERENT_DAY = "different_day";
}

/// "1 post" / "3 posts" as a message.
pub fn plural_m(n: u64, u: Unit) -> Message {
    msg(if n == 1 { u.one } else { u.many }, [uint(n)])
}

/// "1 like" for exactly one, else "2.5 likes" (any number) as a message.
pub fn amount_m(v: f64, u: Unit) -> Message {
    if (v - 1.0).abs() < 0.005 {
        msg(u.one, [Arg::Int(1)])
    } else {
        msg(u.many, [num(v)])
    }
}

/// Days as people say them, as a message: "45 days", "about 3 years".
pub fn days_m(days: f64) -> Message {
    if days >= 730.0 {
        msg("ev_about_years", [uint((days / 365.25).round() as u64)])
    } else {
        plural_m(days.floor() as u64, unit::DAY)
    }
}

/// A number rounded to two significant digits, as an argument.
pub fn round_arg(v: f64) -> Arg {
    if !v.is_finite() || v <= 0.0 {
        return num(v.max(0.0));
    }
    let mag = pow10(v.log10().floor() - 1.0);
    let r = (v / mag).round() * mag;
    if r >= 1.0 {
        uint(r.round() as u64)
    } else {
        num(r)
    }
}

/// Matched keywords as a list argument: each one quoted and isolated.
pub fn quoted_m(found: &[String]) -> Arg {
    Arg::List(
        found
            .iter()
            .map(|k| Arg::Msg(msg("ev_quoted", [text(k.as_str())])))
            .collect(),
    )
}

#[cfg(test)]
mod excerpt_tests {
    use super::excerpt;
    use proptest::prelude::*;

    /// [`excerpt`] as it was: the whole text joined, then cut.
    fn by_joining(text: &str, max: usize) -> String {
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let cut: String = flat.chars().take(max).collect();
        if cut.len() < flat.len() {
            format!("{cut}\u{2026}")
        } else {
            cut
        }
    }

    proptest! {
        #[test]
        fn excerpt_as_by_joining(
            text in prop_oneof![
                ".*",
                "[ab ]{0,12}",
                // Unicode spaces (no-break, ideographic, line separator,
                // next line), tabs and newlines beside multi-byte letters.
                "[a\u{e9}\u{1f600} \t\n\u{a0}\u{3000}\u{2028}\u{85}\u{200b}]{0,16}",
            ],
            max in prop_oneof![0usize..6, 0usize..50],
        ) {
            prop_assert_eq!(excerpt(&text, max), by_joining(&text, max));
        }
    }

    #[test]
    fn edges() {
        for (text, max) in [
            ("", 0),
            ("", 3),
            ("ab", 0),
            (" ab  cd ", 2),
            (" ab  cd ", 3),
            ("ab cd", 5),
            ("ab cd", 4),
        ] {
            assert_eq!(excerpt(text, max), by_joining(text, max), "{text:?} {max}");
        }
        assert_eq!(excerpt("  one \n two\tthree ", 7), "one two\u{2026}");
        assert_eq!(excerpt("one two", 7), "one two");
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::match_keywords;

    /// The keywords of `k` found in `text`, as the signals see them.
    fn find_keywords(k: &[String], text: &str) -> Vec<String> {
        match_keywords(text, k)
    }

    fn kw(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn matches_whole_words_only_and_ignores_case() {
        let k = kw(&["#TAF", "TAF", "follow back"]);
        assert!(find_keywords(&k, "Our staff is great").is_empty());
        assert_eq!(find_keywords(&k, "we #taf daily"), vec!["#TAF"]);
        assert_eq!(find_keywords(&k, "I FOLLOW\n  BACK!"), vec!["follow back"]);
        assert!(find_keywords(&k, "followbackers").is_empty());
    }

    #[test]
    fn longer_match_hides_the_shorter_one_inside_it() {
        let k = kw(&["followback", "#TeamFollowBack", "#FollowBack"]);
        assert_eq!(
            find_keywords(&k, "#TeamFollowBack"),
            vec!["#TeamFollowBack"]
        );
        assert_eq!(
            find_keywords(&k, "#followback and followback"),
            vec!["#FollowBack", "followback"]
        );
    }

    #[test]
    fn hashtags_glued_to_words_do_not_match() {
        let k = kw(&["#TFB"]);
        assert!(find_keywords(&k, "abc#tfb").is_empty());
        assert_eq!(find_keywords(&k, "(#TFB)"), vec!["#TFB"]);
    }

    #[test]
    fn non_ascii_text_is_safe() {
        let k = kw(&["guru", "ß"]);
        assert_eq!(find_keywords(&k, "Ünïcødé gürü guru 😀"), vec!["guru"]);
        assert!(find_keywords(&k, "straße").is_empty());
    }
}
