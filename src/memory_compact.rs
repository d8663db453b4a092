//! The compact in-heap form of a remembered account, and the indexes that
//! find it without copying its strings.
//!
//! An [`Account`] is ~280 bytes of fields before its strings; remembered, it
//! is one byte string instead: a header of presence bits, flags and source,
//! then the id (a number when it is one), the handle, the texts present and
//! the counts present as varints. [`decode`] gives the `Account` back exactly.
//! The indexes map a 32-bit hash of a key to a slot and check the slot itself,
//! so they hold no key copies; the rare colliding keys go to an overflow map.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

use crate::model::{Account, Source};

/// The id as stored: absent, a canonical decimal number, or any other text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum IdRef<'a> {
    None,
    Num(u64),
    Text(&'a str),
}

impl IdRef<'_> {
    /// True when this is the id written as `id`.
    pub(super) fn is(self, id: &str) -> bool {
        match self {
            IdRef::None => false,
            IdRef::Num(n) => canonical_number(id) == Some(n),
            IdRef::Text(t) => t == id,
        }
    }
}

/// `text` as a u64 when it is one written the usual way (digits, no leading
/// zero, no sign): then the number alone gives the text back.
pub(super) fn canonical_number(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    if b.is_empty() || b.len() > 20 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if b.len() > 1 && b[0] == b'0' {
        return None;
    }
    // Up to 19 digits cannot overflow a u64 (a restore reads one per
    // entry: no 128-bit multiply for the overflow check in wasm); 20 can.
    let (head, tail) = b.split_at(b.len().min(19));
    let n = head.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
    match tail.first() {
        None => Some(n),
        Some(d) => n.checked_mul(10)?.checked_add(u64::from(d - b'0')),
    }
}

const ID_NONE: u64 = 0;
const ID_NUM: u64 = 1;
const ID_TEXT: u64 = 2;

/// A source as two bits (accounts and saved posts alike).
pub(super) fn source_bits(s: Source) -> u64 {
    match s {
        Source::Graphql => 0,
        Source::Page => 1,
        Source::File => 2,
        Source::Memory => 3,
    }
}

/// The source two bits name.
pub(super) fn source_of(bits: u64) -> Source {
    match bits & 3 {
        1 => Source::Page,
        2 => Source::File,
        3 => Source::Memory,
        _ => Source::Graphql,
    }
}

// Header layout (one varint): bits 0-1 id kind, 2-3 source, 4-11 which of the
// eight optional texts are present, 12-18 which of the seven counts, 19-20
// the two times, 21-38 nine flags of two bits (0 absent, 1 false, 2 true).
const TEXTS_AT: u32 = 4;
const COUNTS_AT: u32 = 12;
const TIMES_AT: u32 = 19;
const FLAGS_AT: u32 = 21;

/// An account's facts by kind, borrowed: what [`encode_parts`] writes, from
/// an [`Account`] or straight from a saved record ([`read_account_record`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Parts<'a> {
    pub(super) id: Option<&'a str>,
    pub(super) handle: &'a str,
    /// name, bio, location, url, verified_type, automated_by, parody_label, based_in.
    pub(super) texts: [Option<&'a str>; 8],
    /// followers, following, tweets, likes, listed, media, username_changes.
    pub(super) counts: [Option<u64>; 7],
    /// created_at, observed_at.
    pub(super) times: [Option<i64>; 2],
    /// default_avatar, default_profile, verified, blue_verified,
    /// identity_verified, automated, protected, follows_you, you_follow.
    pub(super) flags: [Option<bool>; 9],
    pub(super) source: Source,
}

impl<'a> Parts<'a> {
    pub(super) fn of(a: &'a Account) -> Self {
        Parts {
            id: a.id.as_deref(),
            handle: &a.handle,
            texts: [
                a.name.as_deref(),
                a.bio.as_deref(),
                a.location.as_deref(),
                a.url.as_deref(),
                a.verified_type.as_deref(),
                a.automated_by.as_deref(),
                a.parody_label.as_deref(),
                a.based_in.as_deref(),
            ],
            counts: [
                a.followers,
                a.following,
                a.tweets,
                a.likes,
                a.listed,
                a.media,
                a.username_changes,
            ],
            times: [a.created_at, a.observed_at],
            flags: [
                a.default_avatar,
                a.default_profile,
                a.verified,
                a.blue_verified,
                a.identity_verified,
                a.automated,
                a.protected,
                a.follows_you,
                a.you_follow,
            ],
            source: a.source,
        }
    }
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(super) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(super) fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// The compact form of `p`, written into `out` (cleared first).
pub(super) fn encode_parts(p: &Parts<'_>, out: &mut Vec<u8>) {
    out.clear();
    let id_num = p.id.and_then(canonical_number);
    let id_kind = match (p.id, id_num) {
        (None, _) => ID_NONE,
        (Some(_), Some(_)) => ID_NUM,
        (Some(_), None) => ID_TEXT,
    };
    let mut header = id_kind | source_bits(p.source) << 2;
    for (i, t) in p.texts.iter().enumerate() {
        if t.is_some() {
            header |= 1 << (TEXTS_AT + i as u32);
        }
    }
    for (i, c) in p.counts.iter().enumerate() {
        if c.is_some() {
            header |= 1 << (COUNTS_AT + i as u32);
        }
    }
    for (i, t) in p.times.iter().enumerate() {
        if t.is_some() {
            header |= 1 << (TIMES_AT + i as u32);
        }
    }
    for (i, f) in p.flags.iter().enumerate() {
        let bits = match f {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        };
        header |= bits << (FLAGS_AT + 2 * i as u32);
    }
    put_varint(out, header);
    match (p.id, id_num) {
        (_, Some(n)) => put_varint(out, n),
        (Some(text), None) => put_str(out, text),
        (None, None) => {}
    }
    put_str(out, p.handle);
    for t in p.texts.into_iter().flatten() {
        put_str(out, t);
    }
    for c in p.counts.into_iter().flatten() {
        put_varint(out, c);
    }
    for t in p.times.into_iter().flatten() {
        put_varint(out, zigzag(t));
    }
}

/// The compact form of `a`, sized to fit.
pub(super) fn encode(a: &Account) -> Box<[u8]> {
    let mut out = Vec::new();
    encode_parts(&Parts::of(a), &mut out);
    Box::from(out.as_slice())
}

/// Reads a blob written by [`encode`]; past its end every read gives nothing
/// (never panics).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// One varint; the one-byte case (string lengths, small counts: most
    /// reads) inline, the rest in [`Reader::varint_long`]. `always`: at
    /// opt-level "z" a plain `inline` left it a call per field.
    #[inline(always)]
    fn varint(&mut self) -> u64 {
        match self.bytes.get(self.at) {
            Some(&b) if b & 0x80 == 0 => {
                self.at += 1;
                u64::from(b)
            }
            _ => self.varint_long(),
        }
    }

    #[inline(never)]
    fn varint_long(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            if shift < 64 {
                v |= u64::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        v
    }

    fn str(&mut self) -> &'a str {
        let len = usize::try_from(self.varint()).unwrap_or(usize::MAX);
        let end = self.at.saturating_add(len).min(self.bytes.len());
        let text = self.bytes.get(self.at..end).unwrap_or_default();
        self.at = end;
        std::str::from_utf8(text).unwrap_or_default()
    }
}

/// The header, id and handle: what indexing needs, without decoding the rest.
fn head(blob: &[u8]) -> (u64, IdRef<'_>, &str, Reader<'_>) {
    let mut r = Reader { bytes: blob, at: 0 };
    let header = r.varint();
    let id = match header & 3 {
        ID_NUM => IdRef::Num(r.varint()),
        ID_TEXT => IdRef::Text(r.str()),
        _ => IdRef::None,
    };
    let handle = r.str();
    (header, id, handle, r)
}

/// The id stored in `blob` (its handle not read: a numeric id is found
/// without checking any text).
pub(super) fn id(blob: &[u8]) -> IdRef<'_> {
    let mut r = Reader { bytes: blob, at: 0 };
    match r.varint() & 3 {
        ID_NUM => IdRef::Num(r.varint()),
        ID_TEXT => IdRef::Text(r.str()),
        _ => IdRef::None,
    }
}

/// The id and the handle stored in `blob`, read once.
pub(super) fn id_and_handle(blob: &[u8]) -> (IdRef<'_>, &str) {
    let (_, id, handle, _) = head(blob);
    (id, handle)
}

/// The handle stored in `blob`, as X spells it.
pub(super) fn handle(blob: &[u8]) -> &str {
    head(blob).2
}

/// The account stored in `blob`.
pub(super) fn decode(blob: &[u8]) -> Account {
    let mut a = Account::default();
    decode_into(blob, &mut a);
    a
}

/// Sets `to` to `text`, reusing the capacity of the string `to` holds.
fn refill(to: &mut Option<String>, text: Option<&str>) {
    match (to.as_mut(), text) {
        (Some(kept), Some(t)) => {
            kept.clear();
            kept.push_str(t);
        }
        (None, Some(t)) => *to = Some(t.to_string()),
        (_, None) => *to = None,
    }
}

/// Overwrites every field of `into` with the account stored in `blob`
/// (equal to [`decode`]), keeping the capacity of the strings `into` already
/// holds: a walk over many accounts decodes each into one reused [`Account`]
/// instead of allocating a new one per account (`tests/decode_into_props.rs`).
pub(super) fn decode_into(blob: &[u8], into: &mut Account) {
    let (header, id, handle, mut r) = head(blob);
    let bit = |at: u32| header >> at & 1 == 1;
    match id {
        IdRef::None => into.id = None,
        IdRef::Num(n) => {
            let kept = into.id.get_or_insert_with(String::new);
            kept.clear();
            crate::json_out::uint(kept, n);
        }
        IdRef::Text(t) => refill(&mut into.id, Some(t)),
    }
    into.handle.clear();
    into.handle.push_str(handle);
    for field in [
        &mut into.name,
        &mut into.bio,
        &mut into.location,
        &mut into.url,
        &mut into.verified_type,
        &mut into.automated_by,
        &mut into.parody_label,
        &mut into.based_in,
    ]
    .into_iter()
    .enumerate()
    .map(|(i, f)| (i as u32, f))
    {
        let (i, to) = field;
        let text = bit(TEXTS_AT + i).then(|| r.str());
        refill(to, text);
    }
    let mut count = |i: u32| bit(COUNTS_AT + i).then(|| r.varint());
    into.followers = count(0);
    into.following = count(1);
    into.tweets = count(2);
    into.likes = count(3);
    into.listed = count(4);
    into.media = count(5);
    into.username_changes = count(6);
    let mut time = |i: u32| bit(TIMES_AT + i).then(|| unzigzag(r.varint()));
    into.created_at = time(0);
    into.observed_at = time(1);
    let flag = |i: u32| match header >> (FLAGS_AT + 2 * i) & 3 {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    };
    into.default_avatar = flag(0);
    into.default_profile = flag(1);
    into.verified = flag(2);
    into.blue_verified = flag(3);
    into.identity_verified = flag(4);
    into.automated = flag(5);
    into.protected = flag(6);
    into.follows_you = flag(7);
    into.you_follow = flag(8);
    into.source = source_of(header >> 2);
}

/// The bytes [`put_varint`] writes `v` in.
pub(super) fn varint_len(v: u64) -> usize {
    (64 - v.leading_zeros()).div_ceil(7).max(1) as usize
}

/// A strict reader of bytes this module (or `memory_binary.rs`) wrote:
/// every read is `None` on anything malformed (a varint past the end or over
/// 64 bits, a string past the end or not UTF-8), so a damaged stored record
/// is refused, never half read.
pub(super) struct Strict<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Strict<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Strict { bytes, at: 0 }
    }

    #[inline(always)]
    pub(super) fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    pub(super) fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return None;
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }

    /// A zig-zagged signed varint.
    pub(super) fn int(&mut self) -> Option<i64> {
        self.varint().map(unzigzag)
    }

    /// [`Strict::varint`], and whether it took the fewest bytes (as
    /// [`put_varint`] writes it).
    pub(super) fn varint_fewest(&mut self) -> Option<(u64, bool)> {
        let start = self.at;
        let v = self.varint()?;
        Some((v, self.at - start == varint_len(v)))
    }

    /// [`Strict::str`], and whether its length took the fewest bytes.
    pub(super) fn str_fewest(&mut self) -> Option<(&'a str, bool)> {
        let start = self.at;
        let text = self.str()?;
        let len = text.len();
        Some((text, self.at - start == varint_len(len as u64) + len))
    }

    pub(super) fn str(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.varint()?).ok()?;
        let end = self.at.checked_add(len)?;
        let text = self.bytes.get(self.at..end)?;
        self.at = end;
        std::str::from_utf8(text).ok()
    }

    /// A length-prefixed byte string (as [`put_str`] writes one, any bytes).
    pub(super) fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.varint()?).ok()?;
        let end = self.at.checked_add(len)?;
        let bytes = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(bytes)
    }

    /// What is left, consumed.
    pub(super) fn rest(&mut self) -> &'a [u8] {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        self.at = self.bytes.len();
        rest
    }

    /// True when every byte was read.
    pub(super) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// What [`check`] found in a well-formed blob: what indexing needs, and
/// whether the blob can be kept as it is (`plain`: every text within its
/// cap, a handle that is not empty and has no `@`, an id in its usual form),
/// else it is to be decoded and capped like any loaded account.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Checked<'a> {
    pub(super) id: IdRef<'a>,
    pub(super) handle: &'a str,
    pub(super) observed_at: Option<i64>,
    pub(super) plain: bool,
}

/// The caps of the eight optional texts, in [`Parts::texts`] order (bytes:
/// a text of at most that many bytes is within its cap in characters).
fn text_caps() -> [usize; 8] {
    use crate::read::bounds::{
        BIO_MAX_CHARS, LABEL_MAX_CHARS, LOCATION_MAX_CHARS, NAME_MAX_CHARS, URL_MAX_CHARS,
    };
    [
        NAME_MAX_CHARS,
        BIO_MAX_CHARS,
        LOCATION_MAX_CHARS,
        URL_MAX_CHARS,
        LABEL_MAX_CHARS,
        LABEL_MAX_CHARS,
        LABEL_MAX_CHARS,
        LABEL_MAX_CHARS,
    ]
}

/// Reads a stored blob strictly (the form [`encode`] writes, read back from
/// outside the heap): `None` when it is not one (a header with unknown bits,
/// a read past the end, bytes left over, a text not UTF-8).
pub(super) fn check(blob: &[u8]) -> Option<Checked<'_>> {
    let mut r = Strict::new(blob);
    let header = r.varint()?;
    if header >> (FLAGS_AT + 18) != 0 || (0..9).any(|i| header >> (FLAGS_AT + 2 * i) & 3 == 3) {
        return None;
    }
    let bit = |at: u32| header >> at & 1 == 1;
    let mut plain = true;
    let id = match header & 3 {
        ID_NONE => IdRef::None,
        ID_NUM => IdRef::Num(r.varint()?),
        ID_TEXT => {
            let t = r.str()?;
            plain &= t.len() <= IDENT_MAX && canonical_number(t).is_none();
            IdRef::Text(t)
        }
        _ => return None,
    };
    let handle = r.str()?;
    plain &= !handle.is_empty() && !handle.starts_with('@') && handle.len() <= IDENT_MAX;
    for (i, cap) in text_caps().iter().enumerate() {
        if bit(TEXTS_AT + i as u32) {
            plain &= r.str()?.len() <= *cap;
        }
    }
    for i in 0..7 {
        if bit(COUNTS_AT + i) {
            r.varint()?;
        }
    }
    if bit(TIMES_AT) {
        r.int()?;
    }
    let observed_at = if bit(TIMES_AT + 1) {
        Some(r.int()?)
    } else {
        None
    };
    r.done().then_some(Checked {
        id,
        handle,
        observed_at,
        plain,
    })
}

/// An `accounts` record read by [`read_account_record`]: the facts and when
/// the account was last seen.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct AccountRecordRef<'a> {
    pub(super) parts: Parts<'a>,
    pub(super) last_seen: i64,
}

/// Reads an `accounts` record of the usual shape straight into its parts,
/// borrowing its strings: `{"account":{...},"last_seen":N}`, every key known
/// and once, strings without escapes, within the caps
/// ([`crate::read::bounds`], so capping changes nothing), a handle without
/// `@`, integers written plainly. Anything else is `None`, and the caller
/// reads the record the general way (serde, then the caps): for what this
/// accepts, both give the same account.
pub(super) fn read_account_record(record: &str) -> Option<AccountRecordRef<'_>> {
    let mut r = Json {
        text: record,
        at: 0,
    };
    let mut parts = None;
    let mut last_seen = None;
    r.object(|r, key| match key {
        "account" if parts.is_none() => {
            parts = Some(r.account()?);
            Some(())
        }
        "last_seen" if last_seen.is_none() => {
            last_seen = Some(r.int()?);
            Some(())
        }
        _ => None,
    })?;
    r.ws();
    if r.at != record.len() {
        return None;
    }
    let parts = parts?;
    if parts.handle.is_empty() || parts.handle.starts_with('@') {
        return None;
    }
    Some(AccountRecordRef {
        parts,
        last_seen: last_seen.unwrap_or(0),
    })
}

/// The account fields by JSON name: where each goes in [`Parts`], and the
/// cap of a text in characters (a text of at most that many bytes is within it).
enum Field {
    Id,
    Handle,
    Text(usize, usize),
    Count(usize),
    Time(usize),
    Flag(usize),
    Source,
}

fn field(name: &str) -> Option<(u32, Field)> {
    use crate::read::bounds::{
        BIO_MAX_CHARS, LABEL_MAX_CHARS, LOCATION_MAX_CHARS, NAME_MAX_CHARS, URL_MAX_CHARS,
    };
    let f = match name {
        "id" => Field::Id,
        "handle" => Field::Handle,
        "name" => Field::Text(0, NAME_MAX_CHARS),
        "bio" => Field::Text(1, BIO_MAX_CHARS),
        "location" => Field::Text(2, LOCATION_MAX_CHARS),
        "url" => Field::Text(3, URL_MAX_CHARS),
        "verified_type" => Field::Text(4, LABEL_MAX_CHARS),
        "automated_by" => Field::Text(5, LABEL_MAX_CHARS),
        "parody_label" => Field::Text(6, LABEL_MAX_CHARS),
        "based_in" => Field::Text(7, LABEL_MAX_CHARS),
        "followers" => Field::Count(0),
        "following" => Field::Count(1),
        "tweets" => Field::Count(2),
        "likes" => Field::Count(3),
        "listed" => Field::Count(4),
        "media" => Field::Count(5),
        "username_changes" => Field::Count(6),
        "created_at" => Field::Time(0),
        "observed_at" => Field::Time(1),
        "default_avatar" => Field::Flag(0),
        "default_profile" => Field::Flag(1),
        "verified" => Field::Flag(2),
        "blue_verified" => Field::Flag(3),
        "identity_verified" => Field::Flag(4),
        "automated" => Field::Flag(5),
        "protected" => Field::Flag(6),
        "follows_you" => Field::Flag(7),
        "you_follow" => Field::Flag(8),
        "source" => Field::Source,
        _ => return None,
    };
    // A bit per field, to refuse a key written twice (serde does).
    let bit = match f {
        Field::Id => 0,
        Field::Handle => 1,
        Field::Text(i, _) => 2 + i as u32,
        Field::Count(i) => 10 + i as u32,
        Field::Time(i) => 17 + i as u32,
        Field::Flag(i) => 19 + i as u32,
        Field::Source => 28,
    };
    Some((bit, f))
}

/// A strict reader of the JSON this module writes; `None` on anything else.
struct Json<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Json<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.peek()? == c).then(|| self.at += 1)
    }

    /// `null` (consumed): true.
    fn null(&mut self) -> bool {
        self.ws();
        let found = self.text.as_bytes().get(self.at..self.at + 4) == Some(b"null");
        if found {
            self.at += 4;
        }
        found
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        loop {
            match *bytes.get(self.at)? {
                b'"' => break,
                b'\\' => return None,
                c if c < 0x20 => return None,
                _ => self.at += 1,
            }
        }
        let s = self.text.get(start..self.at)?;
        self.at += 1;
        Some(s)
    }

    /// Digits without a leading zero, not followed by a fraction or exponent.
    fn digits(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut v: u64 = 0;
        while let Some(d) = bytes.get(self.at).filter(|b| b.is_ascii_digit()) {
            v = v.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.at += 1;
        }
        let len = self.at - start;
        if len == 0 || (len > 1 && bytes.get(start) == Some(&b'0')) {
            return None;
        }
        if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(v)
    }

    fn uint(&mut self) -> Option<u64> {
        self.ws();
        self.digits()
    }

    fn int(&mut self) -> Option<i64> {
        self.ws();
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let v = self.digits()?;
        if negative {
            // "-0" and the smallest i64 are left to the general reader.
            if v == 0 {
                return None;
            }
            i64::try_from(v).ok().map(|v| -v)
        } else {
            i64::try_from(v).ok()
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        self.ws();
        let rest = self.text.as_bytes().get(self.at..)?;
        if rest.starts_with(b"true") {
            self.at += 4;
            Some(true)
        } else if rest.starts_with(b"false") {
            self.at += 5;
            Some(false)
        } else {
            None
        }
    }

    /// An object: `each(self, key)` reads the value of every key.
    fn object(&mut self, mut each: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        self.ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            each(self, key)?;
            self.ws();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn account(&mut self) -> Option<Parts<'a>> {
        let mut p = Parts::default();
        let mut seen: u32 = 0;
        let mut has_handle = false;
        self.object(|r, key| {
            let (bit, f) = field(key)?;
            if seen & (1 << bit) != 0 {
                return None;
            }
            seen |= 1 << bit;
            match f {
                Field::Id => {
                    p.id = if r.null() {
                        None
                    } else {
                        // An over-long id is left to the caps.
                        Some(r.string().filter(|s| s.len() <= IDENT_MAX)?)
                    };
                }
                Field::Handle => {
                    let h = r.string()?;
                    if h.len() > IDENT_MAX {
                        return None;
                    }
                    p.handle = h;
                    has_handle = true;
                }
                Field::Text(i, cap) => {
                    let t = if r.null() {
                        None
                    } else {
                        Some(r.string().filter(|t| t.len() <= cap)?)
                    };
                    *p.texts.get_mut(i)? = t;
                }
                Field::Count(i) => {
                    *p.counts.get_mut(i)? = if r.null() { None } else { Some(r.uint()?) };
                }
                Field::Time(i) => {
                    *p.times.get_mut(i)? = if r.null() { None } else { Some(r.int()?) };
                }
                Field::Flag(i) => {
                    *p.flags.get_mut(i)? = if r.null() { None } else { Some(r.boolean()?) };
                }
                Field::Source => {
                    p.source = match r.string()? {
                        "graphql" => Source::Graphql,
                        "page" => Source::Page,
                        "file" => Source::File,
                        "memory" => Source::Memory,
                        _ => return None,
                    };
                }
            }
            Some(())
        })?;
        has_handle.then_some(p)
    }
}

/// Longest id or handle kept, in bytes here ([`crate::read::bounds::IDENT_MAX_CHARS`] characters).
const IDENT_MAX: usize = crate::read::bounds::IDENT_MAX_CHARS;

/// A 32-bit FNV-1a hash of `bytes`, ASCII letters folded to lower case.
pub(super) fn hash_folded(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= u32::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A 32-bit hash of a numeric id.
pub(super) fn hash_number(n: u64) -> u32 {
    let mixed = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as u32
}

use super::slots::HashSlots as Primary;

/// Slots by key, holding no key: `primary` maps the key's 32-bit hash to the
/// slot (checked against the slot's own key), `overflow` the keys whose hash
/// another key already has.
#[derive(Clone, Debug)]
pub(super) struct Index<K> {
    primary: Primary,
    overflow: HashMap<K, u32>,
}

impl<K> Default for Index<K> {
    fn default() -> Self {
        Index {
            primary: Primary::default(),
            overflow: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash> Index<K> {
    pub(super) fn reserve(&mut self, n: usize) {
        self.primary.reserve(n);
    }

    /// True when some keys are in the overflow.
    pub(super) fn has_overflow(&self) -> bool {
        !self.overflow.is_empty()
    }

    pub(super) fn clear(&mut self) {
        self.primary = Primary::default();
        self.overflow = HashMap::new();
    }

    /// The slot holding `key` (hash `h`); `holds(slot)`: the slot's key is `key`.
    pub(super) fn get<Q>(&self, h: u32, key: &Q, holds: impl Fn(u32) -> bool) -> Option<u32>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        if let Some(slot) = self.primary.get(h) {
            if holds(slot) {
                return Some(slot);
            }
        }
        if self.overflow.is_empty() {
            return None;
        }
        self.overflow.get(key).copied()
    }

    /// Makes `slot` the holder of `key()` (hash `h`; the key is only built
    /// when the overflow needs it); the previous holder, if any.
    pub(super) fn insert(
        &mut self,
        h: u32,
        key: impl FnOnce() -> K,
        slot: u32,
        holds: impl Fn(u32) -> bool,
    ) -> Option<u32> {
        // The key, built at most once and only when the overflow needs it.
        let mut key = Err(key);
        if !self.overflow.is_empty() {
            let built = key.unwrap_or_else(|make| make());
            if let Some(held) = self.overflow.get_mut(&built) {
                return Some(std::mem::replace(held, slot));
            }
            key = Ok(built);
        }
        match self.primary.get(h) {
            Some(other) if !holds(other) => {
                let built = key.unwrap_or_else(|make| make());
                self.overflow.insert(built, slot)
            }
            _ => self.primary.insert(h, slot),
        }
    }

    /// Forgets `key` (hash `h`) when `slot` holds it.
    pub(super) fn remove<Q>(&mut self, h: u32, key: &Q, slot: u32)
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        if self.primary.get(h) == Some(slot) {
            self.primary.remove(h);
        } else if self.overflow.get(key) == Some(&slot) {
            self.overflow.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_numbers_only() {
        assert_eq!(
            canonical_number("1500000000000000000"),
            Some(1_500_000_000_000_000_000)
        );
        assert_eq!(canonical_number("0"), Some(0));
        for text in ["", "01", "+1", "-1", "1e3", "18446744073709551616", " 1"] {
            assert_eq!(canonical_number(text), None, "{text:?}");
        }
        // The digit loop agrees with `str::parse` at every length, and at the u64 edge.
        for text in [
            "9",
            "1234567890123456789",
            "9999999999999999999",
            "10000000000000000000",
            "18446744073709551615",
            "18446744073709551616",
            "19999999999999999999",
            "99999999999999999999",
        ] {
            assert_eq!(canonical_number(text), text.parse().ok(), "{text:?}");
        }
    }

    #[test]
    fn empty_and_truncated_blobs_read_as_nothing() {
        let a = decode(&[]);
        assert_eq!(a, Account::default());
        let full = encode(&Account {
            id: Some("12".into()),
            bio: Some("a bio".into()),
            followers: Some(5),
            ..Account::with_handle("ann", Source::Page)
        });
        for cut in 0..full.len() {
            let _ = decode(&full[..cut]);
        }
    }

    #[test]
    fn the_index_survives_colliding_hashes() {
        let keys = ["a", "b", "c"];
        let mut index: Index<Box<str>> = Index::default();
        fn holds<'a>(keys: &'a [&str], k: &'a str) -> impl Fn(u32) -> bool + 'a {
            move |slot: u32| keys.get(slot as usize) == Some(&k)
        }
        // Every key hashes to 7: all but the first go to the overflow.
        for (slot, k) in keys.iter().enumerate() {
            assert_eq!(
                index.insert(7, || (*k).into(), slot as u32, holds(&keys, k)),
                None
            );
        }
        for (slot, k) in keys.iter().enumerate() {
            assert_eq!(index.get(7, *k, holds(&keys, k)), Some(slot as u32));
        }
        index.remove(7, "a", 0);
        assert_eq!(index.get(7, "a", holds(&keys, "a")), None);
        assert_eq!(index.get(7, "b", holds(&keys, "b")), Some(1));
        assert_eq!(
            index.insert(7, || "c".into(), 2, holds(&keys, "c")),
            Some(2)
        );
        index.remove(7, "c", 2);
        assert_eq!(index.get(7, "c", holds(&keys, "c")), None);
        assert_eq!(index.get(7, "b", holds(&keys, "b")), Some(1));
    }
}
