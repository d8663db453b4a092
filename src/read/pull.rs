//! A small pull reader over JSON text, for the typed page reader: the next
//! value's kind, object keys and array items one at a time, strings (borrowed
//! from the text unless they hold escapes), numbers, and [`Pull::skip`] of a
//! whole value returning its text. No serde visitors: each typed struct is
//! read by a plain loop over its keys (see [`super::typed`]).
//!
//! It refuses exactly the texts `serde_json::from_str::<Value>` refuses
//! (invalid JSON, trailing characters, control characters in strings, bad
//! escapes, lone surrogates, numbers JSON does not allow or `f64` cannot
//! hold, nesting deeper than serde_json's recursion limit), everywhere, in
//! skipped values too: a text it reads is one the generic walker reads. A
//! refusal is [`Refused`], with no message: the caller then reads the text
//! with serde_json, which says what is wrong and where.

use std::borrow::Cow;

use serde_json::Number;

/// The text is not JSON as serde_json reads it (or nests deeper than it reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refused;

/// A result of the pull reader.
pub(crate) type Res<T> = Result<T, Refused>;

/// Deepest nesting of arrays and objects serde_json reads (its recursion
/// limit of 128 counts down on each level and refuses the one reaching 0).
pub(crate) const MAX_NESTING: usize = 127;

/// What the next value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    Str,
    Num,
    Bool,
    Null,
}

/// A reader at a position in a JSON text.
pub(crate) struct Pull<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

/// One open object or array: [`Seq::key`] / [`Seq::item`] step through it.
pub(crate) struct Seq {
    first: bool,
}

impl Seq {
    /// The next key of an object (the reader then stands at its value, which
    /// the caller must read or skip), or `None` after its closing brace.
    pub(crate) fn key<'a>(&mut self, p: &mut Pull<'a>) -> Res<Option<Cow<'a, str>>> {
        let b = p.peek()?;
        if b == b'}' && self.first {
            return p.close().map(|()| None);
        }
        if !self.first {
            match b {
                b'}' => return p.close().map(|()| None),
                b',' => p.pos += 1,
                _ => return Err(Refused),
            }
        }
        self.first = false;
        if p.peek()? != b'"' {
            return Err(Refused);
        }
        let key = p.string()?;
        if p.peek()? != b':' {
            return Err(Refused);
        }
        p.pos += 1;
        Ok(Some(key))
    }

    /// True when the array has another item (the reader then stands at it,
    /// and the caller must read or skip it), false after its closing bracket.
    pub(crate) fn item(&mut self, p: &mut Pull) -> Res<bool> {
        let b = p.peek()?;
        if b == b']' {
            return p.close().map(|()| false);
        }
        if !self.first {
            if b != b',' {
                return Err(Refused);
            }
            p.pos += 1;
        }
        self.first = false;
        Ok(true)
    }
}

impl<'a> Pull<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Pull {
            text,
            pos: 0,
            depth: 0,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn byte(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// The next byte after whitespace (not consumed).
    fn peek(&mut self) -> Res<u8> {
        while let Some(b) = self.byte() {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Ok(b);
            }
            self.pos += 1;
        }
        Err(Refused)
    }

    /// Only whitespace is left.
    pub(crate) fn end(&mut self) -> Res<()> {
        match self.peek() {
            Err(Refused) => Ok(()),
            Ok(_) => Err(Refused),
        }
    }

    /// The kind of the next value (nothing consumed).
    pub(crate) fn kind(&mut self) -> Res<Kind> {
        Ok(match self.peek()? {
            b'{' => Kind::Object,
            b'[' => Kind::Array,
            b'"' => Kind::Str,
            b'-' | b'0'..=b'9' => Kind::Num,
            b't' | b'f' => Kind::Bool,
            b'n' => Kind::Null,
            _ => return Err(Refused),
        })
    }

    /// One level deeper, past the opening byte.
    fn open(&mut self) -> Res<()> {
        if self.depth >= MAX_NESTING {
            return Err(Refused);
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// One level up, past the closing byte.
    fn close(&mut self) -> Res<()> {
        self.depth = self.depth.checked_sub(1).ok_or(Refused)?;
        self.pos += 1;
        Ok(())
    }

    /// Opens the object that must come next.
    pub(crate) fn object(&mut self) -> Res<Seq> {
        if self.peek()? != b'{' {
            return Err(Refused);
        }
        self.open().map(|()| Seq { first: true })
    }

    /// Opens the array that must come next.
    pub(crate) fn array(&mut self) -> Res<Seq> {
        if self.peek()? != b'[' {
            return Err(Refused);
        }
        self.open().map(|()| Seq { first: true })
    }

    /// Consumes `null` when it comes next: true if it did.
    pub(crate) fn null(&mut self) -> Res<bool> {
        if self.peek()? != b'n' {
            return Ok(false);
        }
        self.word("null").map(|()| true)
    }

    /// The `true` or `false` that must come next.
    pub(crate) fn boolean(&mut self) -> Res<bool> {
        let b = self.peek()? == b't';
        self.word(if b { "true" } else { "false" }).map(|()| b)
    }

    fn word(&mut self, word: &str) -> Res<()> {
        let end = self.pos + word.len();
        if self.bytes().get(self.pos..end) != Some(word.as_bytes()) {
            return Err(Refused);
        }
        self.pos = end;
        Ok(())
    }

    /// The number that must come next, as serde_json reads it (`u64` when a
    /// non-negative integer fits, else `i64`, else `f64`; `-0` is `f64`).
    pub(crate) fn number(&mut self) -> Res<Number> {
        let text = self.number_text()?;
        number_value(text)
    }

    /// The text of the number that must come next, checked against JSON's
    /// grammar and serde_json's range.
    fn number_text(&mut self) -> Res<&'a str> {
        self.peek()?;
        let start = self.pos;
        let bytes = self.bytes();
        let mut i = start;
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let digits = |mut i: usize| {
            while at(i).is_ascii_digit() {
                i += 1;
            }
            i
        };
        if at(i) == b'-' {
            i += 1;
        }
        match at(i) {
            b'0' => i += 1,
            b'1'..=b'9' => i = digits(i + 1),
            _ => return Err(Refused),
        }
        let mut plain = true;
        if at(i) == b'.' {
            plain = false;
            let end = digits(i + 1);
            if end == i + 1 {
                return Err(Refused);
            }
            i = end;
        }
        if matches!(at(i), b'e' | b'E') {
            plain = false;
            i += 1;
            if matches!(at(i), b'+' | b'-') {
                i += 1;
            }
            let end = digits(i);
            if end == i {
                return Err(Refused);
            }
            i = end;
        }
        // serde_json refuses a digit after a leading zero (`01`) as a bad
        // number; any other byte is the next token's business.
        let text = self.text.get(start..i).ok_or(Refused)?;
        self.pos = i;
        if !plain || text.len() > 19 || text.starts_with('-') {
            // Floats, long and negative integers: serde_json's own reading
            // (it refuses what `f64` cannot hold).
            number_value(text)?;
        }
        Ok(text)
    }

    /// The string that must come next, unescaped: borrowed when it holds no escape.
    pub(crate) fn string(&mut self) -> Res<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return Err(Refused);
        }
        let start = self.pos + 1;
        let bytes = self.bytes();
        let mut i = start;
        loop {
            match bytes.get(i).copied() {
                Some(b'"') => {
                    self.pos = i + 1;
                    return self.text.get(start..i).map(Cow::Borrowed).ok_or(Refused);
                }
                Some(b'\\') => break,
                Some(b) if b >= 0x20 => i += 1,
                _ => return Err(Refused),
            }
        }
        let mut out = String::from(self.text.get(start..i).ok_or(Refused)?);
        self.pos = i;
        self.escaped(&mut out)?;
        Ok(Cow::Owned(out))
    }

    /// The rest of a string from an escape on, decoded into `out`, past its closing quote.
    fn escaped(&mut self, out: &mut String) -> Res<()> {
        let bytes = self.bytes();
        loop {
            let run = self.pos;
            while let Some(b) = bytes.get(self.pos).copied() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run..self.pos).ok_or(Refused)?);
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {}
                _ => return Err(Refused),
            }
            let c = match bytes.get(self.pos + 1).copied() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    let c = self.unicode_escape()?;
                    out.push(c);
                    continue;
                }
                _ => return Err(Refused),
            };
            self.pos += 2;
            out.push(c);
        }
    }

    /// The character of a `\uXXXX` escape (a surrogate pair's two), past it.
    /// A lone surrogate is refused, as serde_json refuses it in a string.
    fn unicode_escape(&mut self) -> Res<char> {
        let unit = self.hex_at(self.pos + 2)?;
        self.pos += 6;
        let code = match unit {
            0xDC00..=0xDFFF => return Err(Refused),
            0xD800..=0xDBFF => {
                if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(Refused);
                }
                let low = self.hex_at(self.pos + 2)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(Refused);
                }
                self.pos += 6;
                0x1_0000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            _ => u32::from(unit),
        };
        char::from_u32(code).ok_or(Refused)
    }

    /// The four hex digits at `at`.
    fn hex_at(&self, at: usize) -> Res<u16> {
        let hex = self.bytes().get(at..at + 4).ok_or(Refused)?;
        hex.iter().try_fold(0u16, |n, b| {
            let d = (*b as char).to_digit(16).ok_or(Refused)?;
            Ok((n << 4) | d as u16)
        })
    }

    /// Skips a string, checking it as [`Pull::string`] does, without copying.
    fn skip_string(&mut self) -> Res<()> {
        self.pos += 1;
        let bytes = self.bytes();
        loop {
            match bytes.get(self.pos).copied() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => match bytes.get(self.pos + 1).copied() {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 2,
                    Some(b'u') => {
                        self.unicode_escape()?;
                    }
                    _ => return Err(Refused),
                },
                Some(b) if b >= 0x20 => self.pos += 1,
                _ => return Err(Refused),
            }
        }
    }

    /// Skips the value that comes next, checking all of it, and returns its
    /// text (without the whitespace around it). No recursion: one loop, the
    /// open levels kept as bits (object or array).
    pub(crate) fn skip(&mut self) -> Res<&'a str> {
        self.peek()?;
        let start = self.pos;
        let base = self.depth;
        // Bit `n` set: level `base + n + 1` is an object.
        let mut objects: u128 = 0;
        loop {
            // A value.
            match self.peek()? {
                open @ (b'{' | b'[') => {
                    self.open()?;
                    let bit = 1u128 << (self.depth - base - 1);
                    let empty = if open == b'{' {
                        objects |= bit;
                        b'}'
                    } else {
                        objects &= !bit;
                        b']'
                    };
                    if self.peek()? != empty {
                        if open == b'{' {
                            self.member_key()?;
                        }
                        continue;
                    }
                    self.close()?;
                }
                b'"' => self.skip_string()?,
                b'-' | b'0'..=b'9' => {
                    self.number_text()?;
                }
                b't' | b'f' => {
                    self.boolean()?;
                }
                b'n' => self.word("null")?,
                _ => return Err(Refused),
            }
            // After a value: close the levels it ends, or go on to the next one.
            loop {
                if self.depth == base {
                    return self.text.get(start..self.pos).ok_or(Refused);
                }
                let object = objects & (1u128 << (self.depth - base - 1)) != 0;
                match self.peek()? {
                    b',' => {
                        self.pos += 1;
                        if object {
                            self.member_key()?;
                        }
                        break;
                    }
                    b'}' if object => self.close()?,
                    b']' if !object => self.close()?,
                    _ => return Err(Refused),
                }
            }
        }
    }

    /// A member's key and colon (the key checked, not kept).
    fn member_key(&mut self) -> Res<()> {
        if self.peek()? != b'"' {
            return Err(Refused);
        }
        self.skip_string()?;
        if self.peek()? != b':' {
            return Err(Refused);
        }
        self.pos += 1;
        Ok(())
    }
}

/// A number's text (JSON's grammar already checked) as serde_json reads it.
fn number_value(text: &str) -> Res<Number> {
    if text.len() <= 19 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<u64>().map(Number::from).map_err(|_| Refused);
    }
    text.parse::<Number>().map_err(|_| Refused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    /// Any value by the pull reader, as a `serde_json::Value` (a repeated key
    /// keeps its last value, as serde_json's map does).
    fn value(p: &mut Pull) -> Res<Value> {
        Ok(match p.kind()? {
            Kind::Object => {
                let mut map = Map::new();
                let mut obj = p.object()?;
                while let Some(key) = obj.key(p)? {
                    let v = value(p)?;
                    map.insert(key.into_owned(), v);
                }
                Value::Object(map)
            }
            Kind::Array => {
                let mut items = Vec::new();
                let mut arr = p.array()?;
                while arr.item(p)? {
                    items.push(value(p)?);
                }
                Value::Array(items)
            }
            Kind::Str => Value::String(p.string()?.into_owned()),
            Kind::Num => Value::Number(p.number()?),
            Kind::Bool => Value::Bool(p.boolean()?),
            Kind::Null => {
                p.word("null")?;
                Value::Null
            }
        })
    }

    /// The whole text read as one value by the pull reader.
    pub(crate) fn read(text: &str) -> Res<Value> {
        let mut p = Pull::new(text);
        let v = value(&mut p)?;
        p.end().map(|()| v)
    }

    /// The whole text skipped: its raw text when it is one valid value.
    pub(crate) fn skipped(text: &str) -> Res<&str> {
        let mut p = Pull::new(text);
        let raw = p.skip()?;
        p.end().map(|()| raw)
    }

    fn serde(text: &str) -> Option<Value> {
        serde_json::from_str::<Value>(text).ok()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,"x",true,false,null,{"b":[]}],"big":18446744073709551615}"#,
            " [ ] ",
            "{}",
            r#""\u00e9\ud83d\ude00\n\"\\\/\b\f\r\t""#,
            "-0",
            "0",
            "-0.0",
            "1e5",
            "1E+5",
            "1e-400",
            "123456789012345678901234567890",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "1.7976931348623157e308",
            r#"{"a":1,"a":2}"#,
            "\"caf\u{e9} \u{1f600}\"",
        ] {
            let expected = serde(text).unwrap_or_else(|| panic!("serde reads {text}"));
            assert_eq!(read(text), Ok(expected.clone()), "{text}");
            assert_eq!(skipped(text), Ok(text.trim()), "{text}");
            if let Value::Number(n) = &expected {
                let ours = Pull::new(text.trim()).number().expect("a number");
                assert_eq!(
                    ours.to_string(),
                    n.to_string(),
                    "{text}: same kind of number"
                );
            }
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "[,1]",
            r#"{"a":1,}"#,
            r#"{,"a":1}"#,
            r#"{"a" 1}"#,
            r#"{"a":}"#,
            r#"{1:2}"#,
            "[1 2]",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "1e400",
            "-1e400",
            "NaN",
            "Infinity",
            "tru",
            "nul",
            "truex",
            "[1]]",
            "{} {}",
            "\"a\tb\"",
            "\"a\u{1}b\"",
            r#""\x""#,
            r#""\u12""#,
            r#""\u12G4""#,
            r#""\ud800""#,
            r#""\ude00""#,
            r#""\ud800\u0041""#,
            r#""\ud800\n""#,
            r#""\ud800\ud800""#,
            "\"abc",
            "[\"abc]",
        ] {
            assert!(serde(text).is_none(), "serde refuses {text:?}");
            assert_eq!(read(text), Err(Refused), "{text:?}");
            assert_eq!(skipped(text), Err(Refused), "{text:?}");
        }
    }

    /// SplitMix64: one proptest seed stands for one whole text.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        fn chance(&mut self, percent: u64) -> bool {
            self.below(100) < percent
        }
    }

    fn ws(rng: &mut Rng, out: &mut String) {
        while rng.chance(15) {
            out.push([' ', '\t', '\n', '\r'][rng.below(4) as usize]);
        }
    }

    fn digits(rng: &mut Rng, out: &mut String, most: u64) {
        for _ in 0..=rng.below(most) {
            out.push(char::from(b'0' + rng.below(10) as u8));
        }
    }

    /// A number JSON allows: small and huge integers, -0, fractions, exponents
    /// (some beyond what `f64` holds, which serde_json refuses).
    fn number(rng: &mut Rng, out: &mut String) {
        if rng.chance(10) {
            out.push_str(
                [
                    "-0",
                    "0",
                    "-0.0",
                    "18446744073709551615",
                    "18446744073709551616",
                    "-9223372036854775808",
                    "-9223372036854775809",
                    "1e308",
                    "1.8e308",
                    "4.9e-324",
                    "2.2250738585072014e-308",
                    "0.1",
                    "1E400",
                    "-1e-400",
                ][rng.below(14) as usize],
            );
            return;
        }
        if rng.chance(30) {
            out.push('-');
        }
        if rng.chance(20) {
            out.push('0');
        } else {
            out.push(char::from(b'1' + rng.below(9) as u8));
            let most = if rng.chance(10) { 40 } else { 8 };
            digits(rng, out, most);
        }
        if rng.chance(25) {
            out.push('.');
            digits(rng, out, 20);
        }
        if rng.chance(20) {
            out.push(if rng.chance(50) { 'e' } else { 'E' });
            match rng.below(3) {
                0 => out.push('+'),
                1 => out.push('-'),
                _ => {}
            }
            digits(rng, out, 3);
        }
    }

    const CHARS: &[char] = &[
        'a',
        'Z',
        '0',
        ' ',
        '"',
        '\\',
        '/',
        '\n',
        '\t',
        '\u{1}',
        '\u{1f}',
        '\u{7f}',
        'é',
        '\u{2028}',
        '\u{fffd}',
        '😀',
        '𝄞',
        '\u{10ffff}',
        '{',
        '}',
        '[',
        ']',
        ':',
        ',',
    ];

    /// A string with every kind of escape (surrogate pairs for astral
    /// characters, both hex cases), and now and then a lone surrogate.
    fn string(rng: &mut Rng, out: &mut String) {
        out.push('"');
        for _ in 0..rng.below(8) {
            let c = CHARS[rng.below(CHARS.len() as u64) as usize];
            let escape = rng.chance(40) || c < ' ' || c == '"' || c == '\\';
            if !escape {
                out.push(c);
                continue;
            }
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '/' if rng.chance(50) => out.push_str("\\/"),
                '\n' if rng.chance(50) => out.push_str("\\n"),
                '\t' if rng.chance(50) => out.push_str("\\t"),
                _ => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        let hex = format!("\\u{:04x}", u);
                        out.push_str(&if rng.chance(50) {
                            hex.to_uppercase().replace("\\U", "\\u")
                        } else {
                            hex
                        });
                    }
                }
            }
        }
        if rng.chance(3) {
            out.push_str(
                ["\\ud83d", "\\ude00", "\\ud83d\\u0041", "\\ud83dx"][rng.below(4) as usize],
            );
        }
        out.push('"');
    }

    /// A random JSON text (valid unless a lone surrogate or a number out of
    /// `f64`'s range was chosen), nesting up to `depth`.
    fn text(rng: &mut Rng, depth: u32, out: &mut String) {
        ws(rng, out);
        let compound = depth > 0 && rng.chance(if depth > 2 { 100 } else { 45 });
        if compound && rng.chance(50) {
            out.push('[');
            ws(rng, out);
            let n = if depth > 2 { 1 } else { rng.below(4) };
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                text(rng, depth - 1, out);
            }
            out.push(']');
        } else if compound {
            out.push('{');
            ws(rng, out);
            let n = if depth > 2 { 1 } else { rng.below(4) };
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                    ws(rng, out);
                }
                // Deep chains get plain keys, so their nesting decides.
                if depth > 2 || rng.chance(20) {
                    out.push_str(["\"a\"", "\"b\"", "\"\\u0061\""][rng.below(3) as usize]);
                } else {
                    string(rng, out);
                }
                ws(rng, out);
                out.push(':');
                text(rng, depth - 1, out);
            }
            out.push('}');
        } else {
            match rng.below(6) {
                0 | 1 => number(rng, out),
                2 | 3 => string(rng, out),
                4 => out.push_str(["true", "false"][rng.below(2) as usize]),
                _ => out.push_str("null"),
            }
        }
        ws(rng, out);
    }

    /// Bytes a mutation inserts: JSON's punctuation, escapes, digits, letters
    /// of its words, control characters, non-ASCII.
    const INSERTS: &[&str] = &[
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "u", "0", "1", "-", "+", ".", "e", "E",
        "t", "n", "f", "l", " ", "\u{0}", "\u{1f}", "\n", "é", "x", "/",
    ];

    /// `text` with one random edit at a character boundary.
    fn mutate(rng: &mut Rng, text: &str) -> String {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let at = bounds[rng.below(bounds.len() as u64) as usize];
        let next = bounds
            .iter()
            .copied()
            .find(|b| *b > at)
            .unwrap_or(text.len());
        let (head, tail) = text.split_at(at);
        let insert = INSERTS[rng.below(INSERTS.len() as u64) as usize];
        let closers: Vec<usize> = text.match_indices(['}', ']']).map(|(i, _)| i).collect();
        match rng.below(5) {
            // A trailing comma.
            4 if !closers.is_empty() => {
                let (head, tail) = text.split_at(closers[rng.below(closers.len() as u64) as usize]);
                format!("{head},{tail}")
            }
            0 | 4 => format!("{head}{insert}{tail}"),
            1 => format!("{head}{}", &text[next..]),
            2 => format!("{head}{insert}{}", &text[next..]),
            _ => head.to_string(),
        }
    }

    /// Both readers agree on `text`: both refuse it, or both read the same
    /// value (numbers of the same kind), and skipping it gives its text.
    fn agrees(text: &str) -> Result<bool, TestCaseError> {
        let ours = read(text);
        match serde(text) {
            Some(expected) => {
                prop_assert_eq!(ours.as_ref().ok(), Some(&expected), "read {:?}", text);
                prop_assert_eq!(
                    ours.map(|v| v.to_string()).ok(),
                    Some(expected.to_string()),
                    "same numbers {:?}",
                    text
                );
                prop_assert_eq!(
                    skipped(text),
                    Ok(text.trim_matches([' ', '\t', '\n', '\r'])),
                    "skip {:?}",
                    text
                );
                Ok(true)
            }
            None => {
                prop_assert_eq!(ours, Err(Refused), "read {:?}", text);
                prop_assert_eq!(skipped(text), Err(Refused), "skip {:?}", text);
                Ok(false)
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Random texts (escapes, surrogates, huge numbers, -0, exponents,
        /// whitespace, repeated keys): read exactly as serde_json reads them.
        #[test]
        fn random_texts_read_as_serde_json_reads_them(seed in any::<u64>()) {
            let mut rng = Rng(seed);
            let mut t = String::new();
            let depth = if rng.chance(3) { 120 + rng.below(15) as u32 } else { rng.below(6) as u32 };
            text(&mut rng, depth, &mut t);
            agrees(&t)?;
        }

        /// Random texts with one to three random edits: both refuse, or both
        /// read the same.
        #[test]
        fn mutated_texts_are_refused_as_serde_json_refuses_them(seed in any::<u64>()) {
            let mut rng = Rng(seed);
            let mut t = String::new();
            let depth = 1 + rng.below(5) as u32;
            text(&mut rng, depth, &mut t);
            for _ in 0..=rng.below(3) {
                t = mutate(&mut rng, &t);
            }
            agrees(&t)?;
        }
    }

    #[test]
    fn the_generated_texts_are_mostly_valid_and_their_mutations_mostly_not() {
        let (mut valid, mut mutated_valid) = (0, 0);
        for seed in 0..1000u64 {
            let mut rng = Rng(seed);
            let mut t = String::new();
            let depth = 1 + rng.below(5) as u32;
            text(&mut rng, depth, &mut t);
            valid += usize::from(serde(&t).is_some());
            mutated_valid += usize::from(serde(&mutate(&mut rng, &t)).is_some());
        }
        assert!(valid > 700, "{valid} of 1000 generated texts are valid");
        assert!(
            mutated_valid < 500,
            "{mutated_valid} of 1000 mutated texts are valid"
        );
        assert!(
            mutated_valid > 20,
            "{mutated_valid} of 1000 mutated texts are valid"
        );
    }

    #[test]
    fn long_strings_are_scanned_exactly() {
        // A quote, escape or control character at every place of the first
        // few eight-byte words, after ASCII and non-ASCII text.
        for filler in ["a", "é", "\u{7f}", "~", "😀"] {
            for k in 0..20 {
                for special in [
                    "\"", "\\n", "\\u0041", "\u{1}", "\u{1f}", "\t", " ", "\\\"", "\\",
                ] {
                    let text = format!(
                        "[\"{}{special}{}\",\"x\"]",
                        filler.repeat(k),
                        filler.repeat(9)
                    );
                    let expected = serde(&text);
                    assert_eq!(read(&text).ok(), expected, "{text:?}");
                    assert_eq!(skipped(&text).is_ok(), expected.is_some(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn nests_as_deep_as_serde_json_and_no_deeper() {
        for depth in [MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1, 1000] {
            for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
                let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                let ok = serde(&text).is_some();
                assert_eq!(ok, depth <= MAX_NESTING, "serde at {depth}");
                assert_eq!(read(&text).is_ok(), ok, "{depth} {open}");
                assert_eq!(skipped(&text).is_ok(), ok, "{depth} {open} skipped");
            }
        }
    }
}
