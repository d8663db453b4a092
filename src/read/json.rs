//! Small tolerant accessors over `serde_json::Value`: paths, and values that
//! count as missing when absent, empty or of the wrong type.

use serde_json::{Map, Number, Value};

/// `s.trim()`, without std's Unicode trimming where it cannot change
/// anything: when `s` starts and ends with ASCII bytes that are not
/// whitespace (most texts), it is `s` itself.
#[inline(always)]
pub(crate) fn trimmed(s: &str) -> &str {
    let bytes = s.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(&a), Some(&z)) if solid(a) && solid(z) => s,
        _ => s.trim(),
    }
}

/// An ASCII byte `char::is_whitespace` says is not whitespace.
#[inline(always)]
fn solid(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r')
}

/// A path into a JSON value: object keys, or decimal indexes into arrays.
pub(crate) type Path = &'static [&'static str];

/// The value at `path`, if every step exists.
pub(crate) fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    let mut cur = v;
    for seg in path {
        cur = match cur {
            Value::Object(m) => m.get(*seg)?,
            Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// The first of `paths` (newest place first) whose value `read` accepts.
pub(crate) fn first<T>(v: &Value, paths: &[Path], read: fn(&Value) -> Option<T>) -> Option<T> {
    paths.iter().find_map(|p| at(v, p).and_then(read))
}

/// Like [`first`] with [`text`], but a field that is present as an empty
/// string (and found nowhere newer with text) reads as `Some("")`: an empty
/// bio is a fact ("no bio"), not a missing one.
pub(crate) fn first_text_or_empty(v: &Value, paths: &[Path]) -> Option<String> {
    first(v, paths, text).or_else(|| {
        paths
            .iter()
            .any(|p| matches!(at(v, p), Some(Value::String(_))))
            .then(String::new)
    })
}

/// A string that is not empty (nor only whitespace).
pub(crate) fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !trimmed(s).is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// Borrowed non-empty string.
pub(crate) fn str_of(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) if !trimmed(s).is_empty() => Some(s.as_str()),
        _ => None,
    }
}

/// A JSON value's scalar part as the fact readers see it: shared by the
/// generic walker (over `Value`) and the typed reader (over its own scalars),
/// so each reader below exists once in the wasm.
#[derive(Clone, Copy)]
pub(crate) enum Leaf<'s> {
    Num(&'s Number),
    Str(&'s str),
    Bool(bool),
    /// Null, an array or an object.
    Other,
}

impl<'s> Leaf<'s> {
    /// The scalar part of `v`.
    pub(crate) fn of(v: &'s Value) -> Self {
        match v {
            Value::Number(n) => Leaf::Num(n),
            Value::String(s) => Leaf::Str(s),
            Value::Bool(b) => Leaf::Bool(*b),
            _ => Leaf::Other,
        }
    }
}

/// A non-negative whole count: a JSON integer, an integral float, or digits in a string.
pub(crate) fn count(v: &Value) -> Option<u64> {
    leaf_count(Leaf::of(v))
}

/// [`count`] of a scalar.
pub(crate) fn leaf_count(v: Leaf) -> Option<u64> {
    match v {
        Leaf::Num(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && *f >= 0.0 && f.fract() == 0.0 && *f < 9.0e15)
                .map(|f| f as u64)
        }),
        Leaf::Str(s) => {
            let s = trimmed(s);
            if !s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A boolean, also when written as the string `"true"` / `"false"`.
pub(crate) fn flag(v: &Value) -> Option<bool> {
    leaf_flag(Leaf::of(v))
}

/// [`flag`] of a scalar.
pub(crate) fn leaf_flag(v: Leaf) -> Option<bool> {
    match v {
        Leaf::Bool(b) => Some(b),
        Leaf::Str(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Leaf::Str(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// A numeric id, written as digits in a string or as a JSON integer.
pub(crate) fn ident(v: &Value) -> Option<String> {
    leaf_ident(Leaf::of(v))
}

/// [`ident`] of a scalar.
pub(crate) fn leaf_ident(v: Leaf) -> Option<String> {
    match v {
        Leaf::Num(n) => n.as_u64().map(|n| n.to_string()),
        Leaf::Str(s) => {
            let s = trimmed(s);
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.to_string())
        }
        _ => None,
    }
}

/// A timestamp: X's `created_at`, RFC 3339, a bare date or unix seconds.
pub(crate) fn timestamp(v: &Value) -> Option<i64> {
    leaf_timestamp(Leaf::of(v))
}

/// [`timestamp`] of a scalar.
pub(crate) fn leaf_timestamp(v: Leaf) -> Option<i64> {
    match v {
        Leaf::Num(n) => n.as_i64(),
        Leaf::Str(s) => crate::time::parse_timestamp(s),
        _ => None,
    }
}

/// A handle without `@` and surrounding space; empty means missing.
pub(crate) fn handle(v: &Value) -> Option<String> {
    handle_of(str_of(v)?)
}

/// [`handle`] of a non-empty string.
pub(crate) fn handle_of(s: &str) -> Option<String> {
    let s = trimmed(s);
    let s = match s.as_bytes().first() {
        Some(b'@') => trimmed(s.get(1..).unwrap_or_default()),
        _ => s,
    };
    (!s.is_empty()).then(|| s.to_string())
}

/// The `__typename` of an object, when present.
pub(crate) fn typename(m: &Map<String, Value>) -> Option<&str> {
    m.get("__typename").and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    proptest::proptest! {
        /// [`trimmed`] is `str::trim`, on texts of ASCII, whitespace of
        /// both kinds (Unicode's too) and other Unicode.
        #[test]
        fn trimmed_is_trim(s in "[ \t\n\x0b\x0c\r\x1c\x1fa@0\u{85}\u{a0}\u{2003}\u{3000}é日]{0,8}") {
            proptest::prop_assert_eq!(trimmed(&s), s.trim());
        }

        /// [`handle_of`] is what it was before [`trimmed`] (the reference).
        #[test]
        fn handle_of_is_unchanged(s in "[ \t\u{a0}\u{3000}@a_é]{0,7}") {
            let reference = |s: &str| {
                let s = s.trim();
                let s = s.strip_prefix('@').unwrap_or(s).trim();
                (!s.is_empty()).then(|| s.to_string())
            };
            proptest::prop_assert_eq!(handle_of(&s), reference(&s));
        }

        #[test]
        fn trimmed_is_trim_on_any_text(s in "\\PC{0,6}|\\s{0,3}\\PC{0,4}\\s{0,3}") {
            proptest::prop_assert_eq!(trimmed(&s), s.trim());
        }
    }

    #[test]
    fn paths_and_missing_values() {
        let v = json!({"a": {"b": [{"c": "x"}, {"c": ""}]}, "n": "12", "f": 3.0, "neg": -1});
        assert_eq!(at(&v, &["a", "b", "0", "c"]), Some(&json!("x")));
        assert_eq!(at(&v, &["a", "b", "9", "c"]), None);
        assert_eq!(at(&v, &["a", "b", "x"]), None);
        assert_eq!(
            first(&v, &[&["a", "b", "1", "c"], &["a", "b", "0", "c"]], text),
            Some("x".into())
        );
        assert_eq!(count(&v["n"]), Some(12));
        assert_eq!(count(&v["f"]), Some(3));
        assert_eq!(count(&v["neg"]), None);
        assert_eq!(count(&json!("12a")), None);
        assert_eq!(
            ident(&json!(123456789012345678u64)),
            Some("123456789012345678".into())
        );
        assert_eq!(ident(&json!("VXNlcjox")), None);
        assert_eq!(handle(&json!(" @Ann ")), Some("Ann".into()));
        assert_eq!(handle(&json!("@")), None);
        assert_eq!(flag(&json!("TRUE")), Some(true));
        assert_eq!(flag(&json!(1)), None);
    }
}
