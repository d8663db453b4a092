//! Parsing JSON the way the browser's `JSON.parse` does with lone surrogates:
//! X text can hold an escaped half of a UTF-16 pair (an emoji cut short in a
//! bio), which serde_json (and our pull reader, [`super::pull`]) rejects. On that error only, such escapes become
//! `\ufffd` (the replacement character) and the text is parsed again.

use std::borrow::Cow;

use serde_json::Value;

use super::pull::{value_from_str, JsonError, Why};

/// Parses `text`; when serde_json rejects it for a lone surrogate escape, parses
/// it again with every lone surrogate escape replaced by `\ufffd`.
pub(crate) fn parse(text: &str) -> Result<Value, JsonError> {
    match value_from_str(text) {
        Err(e) if is_lone_surrogate(&e) => match replace_lone_surrogates(text) {
            Cow::Owned(fixed) => value_from_str(&fixed),
            Cow::Borrowed(_) => Err(e),
        },
        other => other,
    }
}

/// True for serde_json's errors about an unpaired `\uD800`-`\uDFFF` escape.
fn is_lone_surrogate(e: &JsonError) -> bool {
    matches!(
        e.why(),
        Why::LoneLeadingSurrogateInHexEscape | Why::UnexpectedEndOfHexEscape
    )
}

/// The text with every escaped lone surrogate replaced by `\ufffd`; escaped
/// pairs, other escapes and escaped backslashes (`\\ud800` is text) are kept.
fn replace_lone_surrogates(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already in `out`
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) != Some(&b'\\') {
            i += 1;
            continue;
        }
        let Some(unit) = escaped_unit(bytes, i) else {
            // `\\`, `\"`, `\n`, ...: skip the escaped byte too.
            i += 2;
            continue;
        };
        let paired = match unit {
            0xD800..=0xDBFF => escaped_unit(bytes, i + 6).is_some_and(is_low),
            _ => false,
        };
        if paired {
            i += 12;
        } else if is_high(unit) || is_low(unit) {
            let s = out.get_or_insert_with(|| String::with_capacity(text.len()));
            s.push_str(text.get(copied..i).unwrap_or_default());
            s.push_str("\\ufffd");
            i += 6;
            copied = i;
        } else {
            i += 6;
        }
    }
    match out {
        Some(mut s) => {
            s.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(s)
        }
        None => Cow::Borrowed(text),
    }
}

/// The UTF-16 unit of a `\uXXXX` escape starting at `at`, if there is one.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u16> {
    let escape = bytes.get(at..at.checked_add(6)?)?;
    if escape.get(..2)? != b"\\u" {
        return None;
    }
    // Four hex digits (`u16::from_str_radix` would also take a `+` first:
    // never a surrogate, and the scan then skips the same bytes).
    escape.get(2..)?.iter().try_fold(0u16, |n, b| {
        let digit = char::from(*b).to_digit(16)?;
        Some(n << 4 | digit as u16)
    })
}

fn is_high(unit: u16) -> bool {
    (0xD800..=0xDBFF).contains(&unit)
}

fn is_low(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(json: &str) -> String {
        match parse(json) {
            Ok(Value::String(s)) => s,
            other => panic!("{json}: {other:?}"),
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(text_of(r#""a\ud83d""#), "a\u{fffd}");
        assert_eq!(text_of(r#""\ud83d b""#), "\u{fffd} b");
        assert_eq!(text_of(r#""\ude00x""#), "\u{fffd}x");
        assert_eq!(text_of(r#""\ud83d\ud83d\ude00""#), "\u{fffd}\u{1f600}");
        assert_eq!(text_of(r#""\ud83d\n""#), "\u{fffd}\n");
        assert_eq!(text_of(r#""\uD800\u0041""#), "\u{fffd}A");
    }

    #[test]
    fn pairs_and_escaped_backslashes_are_kept() {
        assert_eq!(text_of(r#""\ud83d\ude00""#), "\u{1f600}");
        // An escaped backslash then the text "ud800": no escape to repair...
        assert_eq!(text_of(r#""\\ud800""#), "\\ud800");
        // ...but after an escaped backslash, a real lone escape is.
        assert_eq!(text_of(r#""\\\ud800""#), "\\\u{fffd}");
        assert_eq!(
            replace_lone_surrogates(r#""\\ud800 \"\ud83d\ude00""#),
            Cow::Borrowed(r#""\\ud800 \"\ud83d\ude00""#)
        );
    }

    #[test]
    fn other_errors_are_reported_unchanged() {
        assert!(parse(r#"{"a": "\ud800"#).is_err());
        assert!(parse(r#""\uZZZZ""#).is_err());
        assert!(parse("{oops").is_err());
        assert!(parse(r#""\ud8""#).is_err());
    }
}
