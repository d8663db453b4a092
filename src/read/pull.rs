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
//! refusal is [`Refused`] (no payload, for the typed reader's speed); a
//! `Pull<true>` also keeps why and where, and [`Pull::error`] says it as
//! serde_json does ("EOF while parsing an object at line 1 column 9"). The
//! typed reader's `Pull` (`Pull<false>`) keeps nothing: keeping it costs the
//! reading loops ~10% of their speed.
//!
//! [`value_from_str`] builds a `serde_json::Value` on it: every JSON text the
//! wasm reads as a tree goes through it (serde_json's own deserializer is
//! not in the wasm). [`Pull::skip_raw`] checks a part as serde_json's
//! `RawValue` does, for the memory file's entries.

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

/// The text is not JSON as serde_json reads it (or nests deeper than it reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refused;

/// A result of the pull reader.
pub(crate) type Res<T> = Result<T, Refused>;

/// Deepest nesting of arrays and objects serde_json reads (its recursion
/// limit of 128 counts down on each level and refuses the one reaching 0).
pub(crate) const MAX_NESTING: usize = 127;

/// Why a text was refused, named as serde_json names it (the text of each
/// is [`Why::message`]).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    InvalidUnicodeCodePoint,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Why {
    /// The message serde_json gives for this refusal.
    pub fn message(self) -> &'static str {
        match self {
            Why::EofWhileParsingList => "EOF while parsing a list",
            Why::EofWhileParsingObject => "EOF while parsing an object",
            Why::EofWhileParsingString => "EOF while parsing a string",
            Why::EofWhileParsingValue => "EOF while parsing a value",
            Why::ExpectedColon => "expected `:`",
            Why::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Why::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Why::ExpectedSomeIdent => "expected ident",
            Why::ExpectedSomeValue => "expected value",
            Why::InvalidEscape => "invalid escape",
            Why::InvalidNumber => "invalid number",
            Why::NumberOutOfRange => "number out of range",
            Why::InvalidUnicodeCodePoint => "invalid unicode code point",
            Why::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Why::KeyMustBeAString => "key must be a string",
            Why::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Why::TrailingComma => "trailing comma",
            Why::TrailingCharacters => "trailing characters",
            Why::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Why::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }
}

/// A JSON text that does not read: why, and where (1-based line; column as
/// serde_json counts it, the bytes of the line up to and including the
/// offending one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    why: Why,
    line: usize,
    column: usize,
}

impl JsonError {
    fn at(why: Why, text: &str, at: usize) -> Self {
        let (line, column) = place(text, text.len().min(at + 1));
        JsonError { why, line, column }
    }

    /// Why the text was refused.
    pub fn why(&self) -> Why {
        self.why
    }

    /// What is wrong, without the place (serde_json's message).
    pub fn reason(&self) -> &'static str {
        self.why.message()
    }

    /// The line of the refusal (1-based).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of the refusal.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason())?;
        f.write_str(" at line ")?;
        f.write_str(itoa(self.line).as_str())?;
        f.write_str(" column ")?;
        f.write_str(itoa(self.column).as_str())
    }
}

impl std::error::Error for JsonError {}

/// Line (1-based) and column of the first `end` bytes of `text`, as serde_json counts them.
fn place(text: &str, end: usize) -> (usize, usize) {
    let upto = text.as_bytes().get(..end).unwrap_or_default();
    let start_of_line = upto.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + upto
        .iter()
        .take(start_of_line)
        .filter(|b| **b == b'\n')
        .count();
    (line, upto.len() - start_of_line)
}

/// A count in decimal (no core::fmt integer machinery needed).
fn itoa(n: usize) -> String {
    let mut digits = String::new();
    crate::json_out::uint(&mut digits, n as u64);
    digits
}

/// The whole of `text` as a `serde_json::Value`, as `serde_json::from_str`
/// reads it (a repeated key keeps its last value), or why it does not read.
pub fn value_from_str(text: &str) -> Result<Value, JsonError> {
    let mut p = Pull::<true>::new(text);
    match build(&mut p).and_then(|v| p.end().map(|()| v)) {
        Ok(v) => Ok(v),
        Err(Refused) => Err(p.error()),
    }
}

impl Pull<'_, true> {
    /// The value that comes next, as a `serde_json::Value`.
    pub(crate) fn value(&mut self) -> Res<Value> {
        build(self)
    }
}

/// Inside an object or array, running out of text is "EOF while parsing" it.
fn eof_in(p: &mut Pull<'_, true>, why: Why) -> Refused {
    let after_comma = ends_with_comma(p.text.as_bytes());
    let object_member = why == Why::EofWhileParsingObject && after_comma;
    if p.why == Why::EofWhileParsingValue && p.at >= p.text.len() && !object_member {
        p.why = why;
    }
    Refused
}

/// Any value by the pull reader, as a `serde_json::Value`.
fn build(p: &mut Pull<'_, true>) -> Res<Value> {
    Ok(match p.kind()? {
        Kind::Object => {
            let mut map = Map::new();
            let mut obj = p.object()?;
            while let Some(key) = obj
                .key(p)
                .map_err(|_| eof_in(p, Why::EofWhileParsingObject))?
            {
                let v = build(p)?;
                map.insert(key.into_owned(), v);
            }
            Value::Object(map)
        }
        Kind::Array => {
            let mut items = Vec::new();
            let mut arr = p.array()?;
            while arr
                .item(p)
                .map_err(|_| eof_in(p, Why::EofWhileParsingList))?
            {
                items.push(build(p)?);
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
pub(crate) struct Pull<'a, const WHY: bool = false> {
    text: &'a str,
    pos: usize,
    depth: usize,
    /// Why the last refusal happened, and at which byte.
    why: Why,
    at: usize,
    /// Numbers checked for grammar only (see [`Pull::skip_raw`]).
    raw: bool,
}

/// One open object or array: [`Seq::key`] / [`Seq::item`] step through it.
pub(crate) struct Seq {
    first: bool,
}

impl Seq {
    /// The next key of an object (the reader then stands at its value, which
    /// the caller must read or skip), or `None` after its closing brace.
    pub(crate) fn key<'a, const W: bool>(
        &mut self,
        p: &mut Pull<'a, W>,
    ) -> Res<Option<Cow<'a, str>>> {
        let b = p.peek()?;
        if b == b'}' && self.first {
            return p.close().map(|()| None);
        }
        if !self.first {
            match b {
                b'}' => return p.close().map(|()| None),
                b',' => p.pos += 1,
                _ => return p.fail(Why::ExpectedObjectCommaOrEnd),
            }
        }
        self.first = false;
        if p.peek()? != b'"' {
            return p.fail_key();
        }
        let key = p.string()?;
        if p.peek()? != b':' {
            return p.fail(Why::ExpectedColon);
        }
        p.pos += 1;
        Ok(Some(key))
    }

    /// True when the array has another item (the reader then stands at it,
    /// and the caller must read or skip it), false after its closing bracket.
    pub(crate) fn item<const W: bool>(&mut self, p: &mut Pull<'_, W>) -> Res<bool> {
        let b = p.peek()?;
        if b == b']' {
            return p.close().map(|()| false);
        }
        if !self.first {
            if b != b',' {
                return p.fail(Why::ExpectedListCommaOrEnd);
            }
            p.pos += 1;
        }
        self.first = false;
        Ok(true)
    }
}

impl<'a, const WHY: bool> Pull<'a, WHY> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Pull {
            text,
            pos: 0,
            depth: 0,
            why: Why::EofWhileParsingValue,
            at: 0,
            raw: false,
        }
    }

    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline(always)]
    fn byte(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// The next byte after whitespace (not consumed).
    #[inline(always)]
    fn peek(&mut self) -> Res<u8> {
        while let Some(b) = self.byte() {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Ok(b);
            }
            self.pos += 1;
        }
        self.fail(Why::EofWhileParsingValue)
    }

    /// A refusal for `why`, at the current position (kept by a `Pull<true>`).
    #[inline(always)]
    fn fail<T>(&mut self, why: Why) -> Res<T> {
        let at = self.pos;
        self.fail_at(why, at)
    }

    /// A refusal for `why`, at byte `at` (kept for [`Pull::error`]).
    #[inline(always)]
    fn fail_at<T>(&mut self, why: Why, at: usize) -> Res<T> {
        if WHY {
            self.why = why;
            self.at = at;
        }
        Err(Refused)
    }

    /// `message` with the reader's place in the text, as serde_json places
    /// a reader's own error ("... at line L column C").
    pub(crate) fn said(&self, message: &str) -> String {
        let (line, column) = place(self.text, self.pos);
        let mut out = String::from(message);
        for part in [" at line ", &itoa(line), " column ", &itoa(column)] {
            out.push_str(part);
        }
        out
    }

    /// Skips the value that comes next and returns its text, checking only
    /// its syntax as serde_json's `RawValue` does: any `\\uXXXX` escape and
    /// any number JSON's grammar allows pass (a lone surrogate, `1e400`),
    /// and nesting has no limit. For a part that may be refused on its own.
    pub(crate) fn skip_raw(&mut self) -> Res<&'a str> {
        self.raw = true;
        let raw = self.skip_raw_value();
        self.raw = false;
        raw
    }

    /// [`Pull::skip_raw`], with `raw` set.
    fn skip_raw_value(&mut self) -> Res<&'a str> {
        self.peek()?;
        let start = self.pos;
        // One entry a level: true for an object.
        let mut open: Vec<bool> = Vec::new();
        loop {
            match self.peek()? {
                b @ (b'{' | b'[') => {
                    self.pos += 1;
                    let close = if b == b'{' { b'}' } else { b']' };
                    if self.peek()? == close {
                        self.pos += 1;
                    } else {
                        open.push(b == b'{');
                        if b == b'{' {
                            self.member_key_raw()?;
                        }
                        continue;
                    }
                }
                b'"' => self.skip_string_raw()?,
                b'-' | b'0'..=b'9' => {
                    self.number_text()?;
                }
                b't' | b'f' => {
                    self.boolean()?;
                }
                b'n' => self.word("null")?,
                _ => return self.kind().and_then(|_| self.fail(Why::ExpectedSomeValue)),
            }
            loop {
                let Some(&object) = open.last() else {
                    return match self.text.get(start..self.pos) {
                        Some(raw) => Ok(raw),
                        None => self.fail(Why::InvalidUnicodeCodePoint),
                    };
                };
                match self.peek()? {
                    b',' => {
                        self.pos += 1;
                        if object {
                            self.member_key_raw()?;
                        }
                        break;
                    }
                    b'}' if object => {
                        self.pos += 1;
                        open.pop();
                    }
                    b']' if !object => {
                        self.pos += 1;
                        open.pop();
                    }
                    _ if object => return self.fail(Why::ExpectedObjectCommaOrEnd),
                    _ => return self.fail(Why::ExpectedListCommaOrEnd),
                }
            }
        }
    }

    /// Skips a string checking its escapes' form only (any four hex digits after `\\u`).
    fn skip_string_raw(&mut self) -> Res<()> {
        self.pos += 1;
        loop {
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => match self.bytes().get(self.pos + 1).copied() {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 2,
                    Some(b'u') => {
                        self.hex_at(self.pos + 2)?;
                        self.pos += 6;
                    }
                    Some(_) => return self.fail_at(Why::InvalidEscape, self.pos + 1),
                    None => return self.fail_at(Why::EofWhileParsingString, self.pos + 1),
                },
                Some(b) if b >= 0x20 => self.pos += 1,
                Some(_) => return self.fail(Why::ControlCharacterWhileParsingString),
                None => return self.fail(Why::EofWhileParsingString),
            }
        }
    }

    /// Why the last refusal happened and where, as serde_json says it.
    pub(crate) fn error(&self) -> JsonError {
        JsonError::at(self.why, self.text, self.at)
    }

    /// Only whitespace is left.
    pub(crate) fn end(&mut self) -> Res<()> {
        match self.peek() {
            Err(Refused) => Ok(()),
            Ok(_) => self.fail(Why::TrailingCharacters),
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
            _ => return self.fail_value(),
        })
    }

    /// One level deeper, past the opening byte.
    fn open(&mut self) -> Res<()> {
        if self.depth >= MAX_NESTING {
            return self.fail(Why::RecursionLimitExceeded);
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// One level up, past the closing byte.
    fn close(&mut self) -> Res<()> {
        let Some(depth) = self.depth.checked_sub(1) else {
            return self.fail(Why::ExpectedSomeValue);
        };
        self.depth = depth;
        self.pos += 1;
        Ok(())
    }

    /// Opens the object that must come next.
    pub(crate) fn object(&mut self) -> Res<Seq> {
        if self.peek()? != b'{' {
            return self.fail(Why::ExpectedSomeValue);
        }
        self.open().map(|()| Seq { first: true })
    }

    /// Opens the array that must come next.
    pub(crate) fn array(&mut self) -> Res<Seq> {
        if self.peek()? != b'[' {
            return self.fail(Why::ExpectedSomeValue);
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
        // Byte by byte: a slice comparison is a memcmp call for four bytes.
        let bytes = self.bytes();
        let mut i = 0;
        while let Some(&b) = word.as_bytes().get(i) {
            match bytes.get(self.pos + i) {
                Some(&c) if c == b => i += 1,
                _ => return self.fail_word(word),
            }
        }
        self.pos += i;
        Ok(())
    }

    /// No value starts here: "expected value", or "trailing comma" for `[1,]`.
    #[inline(always)]
    fn fail_value<T>(&mut self) -> Res<T> {
        if !WHY {
            return Err(Refused);
        }
        let why = after_comma(self.text, self.pos, b']', Why::ExpectedSomeValue);
        self.fail(why)
    }

    /// `word` (`true`, `false`, `null`) does not come next: cut short, or another word.
    #[inline(always)]
    fn fail_word<T>(&mut self, word: &str) -> Res<T> {
        if !WHY {
            return Err(Refused);
        }
        let (why, at) = word_why(self.text, self.pos, word);
        self.fail_at(why, at)
    }

    /// A leading surrogate not followed by `\\u`.
    #[inline(always)]
    fn fail_lone<T>(&mut self) -> Res<T> {
        if !WHY {
            return Err(Refused);
        }
        let (why, at) = lone_why(self.text, self.pos);
        self.fail_at(why, at)
    }

    /// The number that must come next, as serde_json reads it (`u64` when a
    /// non-negative integer fits, else `i64`, else `f64`; `-0` is `f64`).
    pub(crate) fn number(&mut self) -> Res<Number> {
        let text = self.number_text()?;
        match number_value(text) {
            Ok(n) => Ok(n),
            Err(Refused) => self.fail_at(Why::NumberOutOfRange, self.pos - 1),
        }
    }

    /// The text of the number that must come next, checked against JSON's
    /// grammar and serde_json's range.
    fn number_text(&mut self) -> Res<&'a str> {
        self.peek()?;
        let start = self.pos;
        let bytes = self.bytes();
        let mut i = start;
        if at(bytes, i) == b'-' {
            i += 1;
        }
        match at(bytes, i) {
            b'0' if at(bytes, i + 1).is_ascii_digit() => {
                return self.fail_at(Why::InvalidNumber, i + 1)
            }
            b'0' => i += 1,
            b'1'..=b'9' => i = digits(bytes, i + 1),
            _ => return self.fail_at(number_why(bytes, i), i),
        }
        let mut exponent = false;
        if at(bytes, i) == b'.' {
            let end = digits(bytes, i + 1);
            if end == i + 1 {
                return self.fail_at(number_why(bytes, end), end);
            }
            i = end;
        }
        if matches!(at(bytes, i), b'e' | b'E') {
            exponent = true;
            i += 1;
            if matches!(at(bytes, i), b'+' | b'-') {
                i += 1;
            }
            let end = digits(bytes, i);
            if end == i {
                return self.fail_at(number_why(bytes, end), end);
            }
            i = end;
        }
        // serde_json refuses a digit after a leading zero (`01`) as a bad
        // number; any other byte is the next token's business.
        let Some(text) = self.text.get(start..i) else {
            return self.fail_at(Why::InvalidNumber, i);
        };
        self.pos = i;
        // serde_json refuses what `f64` cannot hold (infinite). Without an
        // exponent, a number of at most 300 bytes is below 1e300: it holds.
        if !self.raw && (exponent || text.len() > 300) && number_value(text).is_err() {
            return self.fail_at(Why::NumberOutOfRange, i - 1);
        }
        Ok(text)
    }

    /// The string that must come next, unescaped: borrowed when it holds no escape.
    pub(crate) fn string(&mut self) -> Res<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return self.fail(Why::ExpectedSomeValue);
        }
        let start = self.pos + 1;
        let bytes = self.bytes();
        let i = plain_end(bytes, start);
        match bytes.get(i).copied() {
            Some(b'"') => {
                self.pos = i + 1;
                if let Some(s) = self.text.get(start..i) {
                    return Ok(Cow::Borrowed(s));
                }
                return self.fail(Why::InvalidUnicodeCodePoint);
            }
            Some(b'\\') => {}
            Some(_) => return self.fail_at(Why::ControlCharacterWhileParsingString, i),
            None => return self.fail_at(Why::EofWhileParsingString, i),
        }
        let Some(run) = self.text.get(start..i) else {
            return self.fail_at(Why::InvalidUnicodeCodePoint, i);
        };
        let mut out = String::from(run);
        self.pos = i;
        self.escaped(&mut out)?;
        Ok(Cow::Owned(out))
    }

    /// The rest of a string from an escape on, decoded into `out`, past its closing quote.
    fn escaped(&mut self, out: &mut String) -> Res<()> {
        let bytes = self.bytes();
        loop {
            let run = self.pos;
            self.pos = plain_end(bytes, run);
            let Some(plain) = self.text.get(run..self.pos) else {
                return self.fail(Why::InvalidUnicodeCodePoint);
            };
            out.push_str(plain);
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {}
                Some(_) => return self.fail(Why::ControlCharacterWhileParsingString),
                None => return self.fail(Why::EofWhileParsingString),
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
                Some(_) => return self.fail_at(Why::InvalidEscape, self.pos + 1),
                None => return self.fail_at(Why::EofWhileParsingString, self.pos + 1),
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
            0xDC00..=0xDFFF => {
                return self.fail_at(Why::LoneLeadingSurrogateInHexEscape, self.pos - 1)
            }
            0xD800..=0xDBFF => {
                if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return self.fail_lone();
                }
                let low = self.hex_at(self.pos + 2)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return self.fail_at(Why::LoneLeadingSurrogateInHexEscape, self.pos + 5);
                }
                self.pos += 6;
                0x1_0000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            _ => u32::from(unit),
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail(Why::InvalidUnicodeCodePoint),
        }
    }

    /// The four hex digits at `at`.
    fn hex_at(&mut self, at: usize) -> Res<u16> {
        if at + 4 > self.text.len() {
            let end = self.text.len();
            return self.fail_at(Why::EofWhileParsingString, end);
        }
        let mut n = 0u16;
        for i in at..at + 4 {
            match self.bytes().get(i).map(|b| (*b as char).to_digit(16)) {
                Some(Some(d)) => n = (n << 4) | d as u16,
                Some(None) => return self.fail_at(Why::InvalidEscape, i + 1),
                None => return self.fail_at(Why::EofWhileParsingString, i),
            }
        }
        Ok(n)
    }

    /// Skips a string, checking it as [`Pull::string`] does, without copying.
    fn skip_string(&mut self) -> Res<()> {
        self.pos += 1;
        let bytes = self.bytes();
        loop {
            self.pos = plain_end(bytes, self.pos);
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
                    Some(_) => return self.fail_at(Why::InvalidEscape, self.pos + 1),
                    None => return self.fail_at(Why::EofWhileParsingString, self.pos + 1),
                },
                Some(b) if b >= 0x20 => self.pos += 1,
                Some(_) => return self.fail(Why::ControlCharacterWhileParsingString),
                None => return self.fail(Why::EofWhileParsingString),
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
        // Bit `n` set: level `base + n + 1` is an object (two words, not a
        // u128: its shifts are calls in the wasm).
        let mut objects = [0u64; 2];
        loop {
            // A value.
            match self.peek()? {
                open @ (b'{' | b'[') => {
                    self.open()?;
                    let level = self.depth - base - 1;
                    let bit = 1u64 << (level % 64);
                    let word = objects.get_mut(level / 64).ok_or(Refused)?;
                    let empty = if open == b'{' {
                        *word |= bit;
                        b'}'
                    } else {
                        *word &= !bit;
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
                _ => return self.kind().and_then(|_| self.fail(Why::ExpectedSomeValue)),
            }
            // After a value: close the levels it ends, or go on to the next one.
            loop {
                if self.depth == base {
                    return match self.text.get(start..self.pos) {
                        Some(raw) => Ok(raw),
                        None => self.fail(Why::InvalidUnicodeCodePoint),
                    };
                }
                let level = self.depth - base - 1;
                let word = objects.get(level / 64).copied().unwrap_or(0);
                let object = word & (1u64 << (level % 64)) != 0;
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
                    _ if object => return self.fail(Why::ExpectedObjectCommaOrEnd),
                    _ => return self.fail(Why::ExpectedListCommaOrEnd),
                }
            }
        }
    }

    /// A member's key and colon (the key checked, not kept).
    fn member_key(&mut self) -> Res<()> {
        if self.peek()? != b'"' {
            return self.fail_key();
        }
        self.skip_string()?;
        if self.peek()? != b':' {
            return self.fail(Why::ExpectedColon);
        }
        self.pos += 1;
        Ok(())
    }

    /// [`Pull::member_key`] for [`Pull::skip_raw`] (the key's escapes checked for form only).
    fn member_key_raw(&mut self) -> Res<()> {
        if self.peek()? != b'"' {
            return self.fail_key();
        }
        self.skip_string_raw()?;
        if self.peek()? != b':' {
            return self.fail(Why::ExpectedColon);
        }
        self.pos += 1;
        Ok(())
    }

    /// No key where one must come: "trailing comma" for `{"a":1,}`, else
    /// "key must be a string".
    #[inline(always)]
    fn fail_key<T>(&mut self) -> Res<T> {
        if !WHY {
            return Err(Refused);
        }
        let why = after_comma(self.text, self.pos, b'}', Why::KeyMustBeAString);
        self.fail(why)
    }
}

/// Whether the last byte of `bytes` that is not JSON whitespace is a comma.
fn ends_with_comma(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .rev()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        == Some(&b',')
}

/// "trailing comma" when `close` stands at `pos` after a comma, else `other`.
#[cold]
#[inline(never)]
fn after_comma(text: &str, pos: usize, close: u8, other: Why) -> Why {
    let comma = ends_with_comma(text.as_bytes().get(..pos).unwrap_or_default());
    if comma && text.as_bytes().get(pos) == Some(&close) {
        Why::TrailingComma
    } else {
        other
    }
}

/// Why `word` does not stand at `pos`, and where serde_json says so.
#[cold]
#[inline(never)]
fn word_why(text: &str, pos: usize, word: &str) -> (Why, usize) {
    let end = pos + word.len();
    let rest = text.as_bytes().get(pos..).unwrap_or_default();
    let why = if end > text.len() && word.as_bytes().starts_with(rest) {
        Why::EofWhileParsingValue
    } else {
        Why::ExpectedSomeIdent
    };
    (why, text.len().min(end))
}

/// Why a leading surrogate's escape ending before `pos` has no `\\u` after it.
#[cold]
#[inline(never)]
fn lone_why(text: &str, pos: usize) -> (Why, usize) {
    let rest = text.as_bytes().get(pos..).unwrap_or_default();
    let why = if rest.is_empty() || rest == b"\\" {
        Why::EofWhileParsingString
    } else {
        Why::UnexpectedEndOfHexEscape
    };
    (why, text.len().min(pos + 1))
}

/// A number that stops short at byte `i`: the text ran out, or a wrong byte.
fn number_why(bytes: &[u8], i: usize) -> Why {
    if i >= bytes.len() {
        Why::EofWhileParsingValue
    } else {
        Why::InvalidNumber
    }
}

/// `a == b`, lengths compared first: a string comparison is a call in the
/// wasm, and keys of other lengths need none.
#[inline(always)]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    // Byte by byte (keys are short, and most differ in their first byte):
    // a slice comparison is three calls deep in the wasm.
    let mut i = 0;
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(i)) {
        if x != y {
            return false;
        }
        i += 1;
    }
    true
}

/// Where `key` is in `names` (by [`same`]).
pub(crate) fn index_of(names: &[&str], key: &str) -> Option<usize> {
    let mut i = 0;
    while let Some(name) = names.get(i) {
        if same(name, key) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Where the run of string bytes that need no care (not `"`, `\\` nor a
/// control character) starting at `i` ends: the index of the first such
/// byte, or the length. Eight bytes at a time (SWAR: a byte of a word is
/// flagged when it is a quote, a backslash or below 0x20; the lowest flag is
/// exact), then byte by byte.
pub(crate) fn plain_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let zero = |x: u64| x.wrapping_sub(ONES) & !x;
        let flags = (zero(quote) | zero(backslash) | w.wrapping_sub(ONES * 0x20)) & !w & HIGH;
        if flags != 0 {
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// The byte at `i`, 0 past the end.
#[inline(always)]
fn at(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

/// The end of the run of ASCII digits at `i`.
fn digits(bytes: &[u8], mut i: usize) -> usize {
    while at(bytes, i).is_ascii_digit() {
        i += 1;
    }
    i
}

/// A number's text (JSON's grammar already checked) as serde_json reads it.
fn number_value(text: &str) -> Res<Number> {
    let (negative, digits) = match text.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text.as_bytes()),
    };
    // Integers of up to 18 digits (they fit an i64): by hand. serde_json
    // reads `-0` as a float, so it goes the long way.
    if digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
        let n = digits
            .iter()
            .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        match (negative, n) {
            (false, n) => return Ok(Number::from(n)),
            (true, 1..) => return Ok(Number::from(-(n as i64))),
            (true, 0) => {}
        }
    }
    if !negative && digits.len() == 19 && digits.iter().all(u8::is_ascii_digit) {
        return text.parse::<u64>().map(Number::from).map_err(|_| Refused);
    }
    text.parse::<Number>().map_err(|_| Refused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The whole text read as one value by the pull reader.
    pub(crate) fn read(text: &str) -> Res<Value> {
        value_from_str(text).map_err(|_| Refused)
    }

    /// The whole text skipped: its raw text when it is one valid value.
    pub(crate) fn skipped(text: &str) -> Res<&str> {
        let mut p = Pull::<false>::new(text);
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
                let ours = Pull::<false>::new(text.trim()).number().expect("a number");
                assert_eq!(
                    ours.to_string(),
                    n.to_string(),
                    "{text}: same kind of number"
                );
            }
        }
    }

    /// `number_value`'s integers by hand are serde_json's, at the edges of
    /// the fast path (18 and 19 digits, `-0`, i64's least).
    #[test]
    fn number_value_is_serde_jsons() {
        for text in [
            "0",
            "7",
            "-0",
            "-1",
            "-0.0",
            "999999999999999999",
            "-999999999999999999",
            "1000000000000000000",
            "-1000000000000000000",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "12.5",
            "1e3",
        ] {
            let theirs: Number = text.parse().expect("a number");
            let ours = number_value(text).expect("reads");
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}: same kind");
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

        /// `same` is `==`, and `index_of` is `position` by `==`, on keys
        /// that share lengths and prefixes (non-ASCII included).
        #[test]
        fn same_and_index_of_are_equality(
            key in "[ab\u{e9}_]{0,4}",
            names in proptest::collection::vec("[ab\u{e9}_]{0,4}", 0..6),
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            for name in &names {
                prop_assert_eq!(same(name, &key), *name == key);
            }
            prop_assert_eq!(index_of(&names, &key), names.iter().position(|n| *n == key));
        }

        /// `plain_end` finds the first quote, backslash or control byte, as
        /// a plain scan does, from any start, on bytes around every edge
        /// (0x1f/0x20, the quote and backslash and their neighbours, high bytes).
        #[test]
        fn plain_end_is_a_plain_scan(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    0u8, 0x01, 0x1f, 0x20, 0x21, b'"', 0x23, b'[', b'\\', b']', b'a',
                    0x7f, 0x80, 0xa2, 0xdc, 0xff,
                ]),
                0..40,
            ),
            weights in proptest::collection::vec(0u8..8, 40),
            start in 0usize..42,
        ) {
            // Mostly plain bytes, so runs are long enough for whole words.
            let bytes: Vec<u8> = bytes
                .iter()
                .zip(&weights)
                .map(|(b, w)| if *w < 6 { b'a' + w } else { *b })
                .collect();
            let reference = (start..bytes.len())
                .find(|i| matches!(bytes[*i], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(bytes.len().max(start));
            prop_assert_eq!(plain_end(&bytes, start), reference);
        }

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

        /// `skip_raw` passes and returns what serde_json's `RawValue` does
        /// (lone surrogates, numbers `f64` cannot hold, any depth), and the
        /// builder says what serde_json says on the texts both refuse.
        #[test]
        fn raw_skips_as_serde_json_raw_values_and_errors_say_the_same(seed in any::<u64>()) {
            let mut rng = Rng(seed);
            let mut t = String::new();
            let depth = if rng.chance(3) { 120 + rng.below(15) as u32 } else { rng.below(6) as u32 };
            text(&mut rng, depth, &mut t);
            for _ in 0..rng.below(3) {
                t = mutate(&mut rng, &t);
            }
            let theirs = serde_json::from_str::<&serde_json::value::RawValue>(&t).map(|r| r.get());
            let mut p = Pull::<true>::new(&t);
            let ours = p.skip_raw().and_then(|raw| p.end().map(|()| raw));
            prop_assert_eq!(ours.ok(), theirs.ok(), "raw {:?}", t);
            if let (Err(a), Err(b)) = (value_from_str(&t), serde_json::from_str::<Value>(&t)) {
                let b = b.to_string();
                let b = b.split(" at line ").next().unwrap_or_default();
                prop_assert_eq!(a.reason(), b, "{:?}", t);
            }
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

#[cfg(test)]
mod message_tests {
    use super::*;

    /// The builder says what serde_json says, where it says it, on texts
    /// with one thing wrong (the messages callers show).
    #[test]
    fn refusals_say_what_serde_json_says() {
        let mut wrong = Vec::new();
        for text in [
            "",
            " ",
            "{",
            "[",
            "[1,",
            "{\"a\":1",
            "{\"a\"",
            "[1,]",
            "[,1]",
            r#"{"a":1,}"#,
            r#"{,"a":1}"#,
            r#"{"a" 1}"#,
            r#"{"a":}"#,
            r#"{1:2}"#,
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "-",
            "1e400",
            "-1e400",
            "[1.5e999]",
            "NaN",
            "tru",
            "truex",
            "[1]]",
            "{} {}",
            "\n\n  {} x",
            "\"a\tb\"",
            "\"a\u{1}b\"",
            r#""\x""#,
            r#""\u12G4""#,
            r#""\ud800""#,
            r#""\ude00""#,
            r#""\ud800\u0041""#,
            r#""\ud800\n""#,
            r#""\ud800\ud800""#,
            "\"abc",
            "[\"abc]",
            "\"ab\\",
        ] {
            let theirs = serde_json::from_str::<Value>(text).expect_err(text);
            let ours = value_from_str(text).expect_err(text);
            if ours.to_string() != theirs.to_string() {
                wrong.push(format!("{text:?}: {ours} / serde_json: {theirs}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let theirs = serde_json::from_str::<Value>(&deep).expect_err("deep");
        assert_eq!(
            value_from_str(&deep).expect_err("deep").to_string(),
            theirs.to_string()
        );
    }
}
