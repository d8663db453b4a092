//! The records and requests the wasm reads from JSON, each with one
//! hand-written reader over `serde_json::Value` (the tree the generic page
//! walker builds anyway): [`account`], [`tweet`], [`interaction`],
//! [`snapshot`], [`entry_data`], [`account_record`], [`verdict_request`],
//! [`interaction_request`], [`dom_facts`], [`dom_tweet`], and [`from_text`] to
//! read any of them from a JSON text. They accept and refuse what the derived
//! serde readers accept and refuse (unknown fields ignored, absent fields
//! defaulted as `#[serde(default)]` does, `null` only where a field is an
//! `Option`, the same integer ranges, an object only where a record is
//! expected), with messages in serde's words that name the field; the
//! property tests in `objects_props.rs` hold them to the derives. Two
//! differences: a key repeated in one object reads as its last value (the
//! tree keeps one), where the derive refuses a repeated known field; and the
//! old JSON account record and the memory file's top level, whose plain
//! derives also read an array by position, are objects only like the rest.
//!
//! The derives stay for the native tools and as the tests' oracle (no wasm
//! path calls them, so the wasm carries none of their code). The types named
//! in [`objects_only!`] derive their serde code as inherent functions
//! (`#[serde(remote = "Self")]`) and get trait impls here that read a JSON
//! object and nothing else, as the hand-written readers do: serde's own
//! `deserialize_struct` also reads a struct from an array, field by field in
//! order. A type named there needs `#[serde(remote = "Self")]` beside its derives.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, MapAccess, Visitor};

/// A type whose derived reader (`T::deserialize`, inherent) is to read JSON objects only.
pub(crate) trait FromObject<'de>: Sized {
    /// The derived reader, given an object's entries.
    fn from_entries<A: MapAccess<'de>>(map: MapAccessDeserializer<A>) -> Result<Self, A::Error>;
    /// The derived reader, given [`Shape`] (which only notes what it is asked for).
    fn shape(probe: Shape) -> Result<Self, Shape>;
}

/// A deserializer that only notes the struct name and field names serde's
/// derive asks `deserialize_struct` for (they are private to the derive), so
/// [`object_only`] can ask the real deserializer for the same struct.
#[derive(Debug)]
pub(crate) struct Shape(Option<(&'static str, &'static [&'static str])>);

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not a struct")
    }
}

impl std::error::Error for Shape {}

impl serde::de::Error for Shape {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Shape(None)
    }
}

impl<'de> Deserializer<'de> for Shape {
    type Error = Shape;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Shape> {
        Err(Shape(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Shape> {
        Err(Shape(Some((name, fields))))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Reads `T` from a JSON object only (asking for the struct serde's derive
/// names, so a deserializer sees the same `deserialize_struct` call).
pub(crate) fn object_only<'de, D: Deserializer<'de>, T: FromObject<'de>>(
    d: D,
) -> Result<T, D::Error> {
    struct V<T>(PhantomData<T>);
    impl<'de, T: FromObject<'de>> Visitor<'de> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::from_entries(MapAccessDeserializer::new(map))
        }
    }
    match T::shape(Shape(None)) {
        Err(Shape(Some((name, fields)))) => d.deserialize_struct(name, fields, V(PhantomData)),
        _ => d.deserialize_map(V(PhantomData)),
    }
}

/// The serde trait impls of types that derive with `#[serde(remote = "Self")]`:
/// `Serialize` as derived, `Deserialize` from an object only.
macro_rules! objects_only {
    ($($t:ty),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }
        impl<'de> FromObject<'de> for $t {
            fn from_entries<A: MapAccess<'de>>(
                map: MapAccessDeserializer<A>,
            ) -> Result<Self, A::Error> {
                <$t>::deserialize(map)
            }
            fn shape(probe: Shape) -> Result<Self, Shape> {
                <$t>::deserialize(probe)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                object_only(d)
            }
        }
    )*};
}

objects_only!(
    crate::model::Account,
    crate::model::Tweet,
    crate::model::Interaction,
    crate::model::Snapshot,
    crate::memory::EntryData,
    crate::boundary::VerdictRequest,
    crate::boundary::InteractionRequest,
    super::dom::DomFacts,
    super::dom_tweet::DomLink,
    super::dom_tweet::DomTweet,
);

// ---------------------------------------------------------------- hand-written readers

use serde_json::{Map, Value};

use super::dom::DomFacts;
use super::dom_tweet::{DomLink, DomTweet};
use crate::boundary::{InteractionRequest, VerdictRequest};
use crate::memory::EntryData;
use crate::model::{Account, Interaction, InteractionKind, Snapshot, Source, Tweet, TweetKind};

/// Why a JSON value is not the record wanted: what is wrong (in serde's
/// words) and where, as a path of fields from the record (`dom.handle`,
/// `tweets[2].urls[0]`; empty for the record itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    at: String,
    why: String,
}

impl ShapeError {
    fn new(why: String) -> ShapeError {
        ShapeError {
            at: String::new(),
            why,
        }
    }

    /// The same error, one step further from the record's root: inside `field`
    /// (an object key, or `[i]` for an array item).
    fn within(mut self, field: &str) -> ShapeError {
        if !self.at.is_empty() && !self.at.starts_with('[') {
            self.at.insert(0, '.');
        }
        self.at.insert_str(0, field);
        self
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.why)?;
        if !self.at.is_empty() {
            write!(f, " in `{}`", self.at)?;
        }
        Ok(())
    }
}

impl std::error::Error for ShapeError {}

/// Why a JSON text did not read as a record: not JSON at all, or JSON of
/// another shape.
#[derive(Debug)]
pub enum TextError {
    /// serde_json's syntax error (with its line and column).
    Json(super::pull::JsonError),
    /// The JSON is not the record wanted.
    Shape(ShapeError),
}

impl TextError {
    /// What is wrong, without serde's place in the text (one small value from
    /// JavaScript: the place says nothing); a shape error keeps its field.
    pub fn reason(&self) -> String {
        match self {
            TextError::Json(e) => e.reason().to_string(),
            TextError::Shape(e) => e.to_string(),
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TextError::Json(e) => e.fmt(f),
            TextError::Shape(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TextError {}

/// A reader of one record type from a JSON value.
pub type Reader<T> = fn(Value) -> Result<T, ShapeError>;

type R<T> = Result<T, ShapeError>;

/// `read` over a JSON text.
pub fn from_text<T>(text: &str, read: Reader<T>) -> Result<T, TextError> {
    let value = super::pull::value_from_str(text).map_err(TextError::Json)?;
    read(value).map_err(TextError::Shape)
}

/// What a value is, in serde's words ("invalid type: {this}, expected ...").
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => format!("integer `{u}`"),
            (_, Some(i)) => format!("integer `{i}`"),
            _ => "floating point number".to_string(),
        },
        Value::String(s) => format!("string \"{s}\""),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

fn invalid_type(v: &Value, expected: &str) -> ShapeError {
    ShapeError::new(format!(
        "invalid type: {}, expected {expected}",
        unexpected(v)
    ))
}

fn missing(field: &str) -> ShapeError {
    ShapeError::new(format!("missing field `{field}`"))
}

/// A JSON object's entries; anything else is refused.
fn object(v: Value) -> R<Map<String, Value>> {
    match v {
        Value::Object(m) => Ok(m),
        v => Err(invalid_type(&v, "an object")),
    }
}

fn string(v: Value) -> R<String> {
    match v {
        Value::String(s) => Ok(s),
        v => Err(invalid_type(&v, "a string")),
    }
}

fn boolean(v: Value) -> R<bool> {
    v.as_bool().ok_or_else(|| invalid_type(&v, "a boolean"))
}

/// A whole number within `T` (as serde reads integers: no floats, no
/// integers out of range), `name` the type as serde names it.
fn whole<T: TryFrom<u64> + TryFrom<i64>>(v: Value, name: &str) -> R<T> {
    let fitted = match &v {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Some(T::try_from(u).ok()),
            (_, Some(i)) => Some(T::try_from(i).ok()),
            _ => None,
        },
        _ => None,
    };
    match fitted {
        Some(Some(n)) => Ok(n),
        Some(None) => Err(ShapeError::new(format!(
            "invalid value: {}, expected {name}",
            unexpected(&v)
        ))),
        None => Err(invalid_type(&v, name)),
    }
}

fn uint(v: Value) -> R<u64> {
    whole(v, "u64")
}

fn int(v: Value) -> R<i64> {
    whole(v, "i64")
}

fn float(v: Value) -> R<f64> {
    v.as_f64().ok_or_else(|| invalid_type(&v, "f64"))
}

/// `null` as `None`, anything else read by `read`.
fn opt<T>(v: Value, read: Reader<T>) -> R<Option<T>> {
    match v {
        Value::Null => Ok(None),
        v => read(v).map(Some),
    }
}

/// A JSON array, each item read by `read`; an error names the item's index.
fn list<T>(v: Value, read: Reader<T>) -> R<Vec<T>> {
    let mut out = Vec::new();
    items(v, &mut |item| {
        out.push(read(item)?);
        Ok(())
    })?;
    Ok(out)
}

/// Hands each item of a JSON array to `each`, up to the first refusal (which
/// names the item's index); anything else is refused. One loop for every
/// [`list`] (small code).
fn items(v: Value, each: &mut dyn FnMut(Value) -> R<()>) -> R<()> {
    match v {
        Value::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                each(item).map_err(|e| e.within(&format!("[{i}]")))?;
            }
            Ok(())
        }
        v => Err(invalid_type(&v, "a sequence")),
    }
}

/// The index in `names` of a unit variant, written as serde_json writes one
/// (`"name"`) or also reads one (`{"name": null}`).
fn variant(v: Value, names: &'static [&'static str]) -> R<usize> {
    let unknown = |name: &str| {
        let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        ShapeError::new(format!(
            "unknown variant `{name}`, expected one of {}",
            expected.join(", ")
        ))
    };
    let find = |name: &str| {
        names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| unknown(name))
    };
    match v {
        Value::String(name) => find(&name),
        Value::Object(m) if m.len() == 1 => {
            let Some((name, unit)) = m.into_iter().next() else {
                return Err(ShapeError::new("expected a variant".to_string()));
            };
            let at = find(&name)?;
            match unit {
                Value::Null => Ok(at),
                other => Err(invalid_type(&other, "unit").within(&name)),
            }
        }
        v => Err(invalid_type(&v, "a variant name")),
    }
}

const SOURCES: [Source; 4] = [Source::Graphql, Source::Page, Source::File, Source::Memory];
const SOURCE_NAMES: &[&str] = &["graphql", "page", "file", "memory"];
const TWEET_KINDS: [TweetKind; 4] = [
    TweetKind::Original,
    TweetKind::Reply,
    TweetKind::Repost,
    TweetKind::Quote,
];
const TWEET_KIND_NAMES: &[&str] = &["original", "reply", "repost", "quote"];
const INTERACTION_KINDS: [InteractionKind; 6] = [
    InteractionKind::Followed,
    InteractionKind::Liked,
    InteractionKind::Reposted,
    InteractionKind::Replied,
    InteractionKind::Mentioned,
    InteractionKind::Messaged,
];
const INTERACTION_KIND_NAMES: &[&str] = &[
    "followed",
    "liked",
    "reposted",
    "replied",
    "mentioned",
    "messaged",
];

fn source(v: Value) -> R<Source> {
    variant(v, SOURCE_NAMES).map(|i| SOURCES[i])
}

fn tweet_kind(v: Value) -> R<TweetKind> {
    variant(v, TWEET_KIND_NAMES).map(|i| TWEET_KINDS[i])
}

fn interaction_kind(v: Value) -> R<InteractionKind> {
    variant(v, INTERACTION_KIND_NAMES).map(|i| INTERACTION_KINDS[i])
}

/// Where one field's value goes, and so how it is read: what the derive
/// reads for a field of that type (`Option`: also `null`, as `None`).
enum Slot<'a> {
    Text(&'a mut String),
    /// A required string (`None` until read).
    Required(&'a mut Option<String>),
    OptText(&'a mut Option<String>),
    Flag(&'a mut bool),
    OptFlag(&'a mut Option<bool>),
    OptCount(&'a mut Option<u64>),
    Int(&'a mut i64),
    OptInt(&'a mut Option<i64>),
    OptFloat(&'a mut Option<f64>),
    Source(&'a mut Source),
    TweetKind(&'a mut TweetKind),
    /// A required interaction kind (`None` until read).
    Kind(&'a mut Option<InteractionKind>),
    Texts(&'a mut Vec<String>),
    Links(&'a mut Vec<DomLink>),
}

impl Slot<'_> {
    fn set(self, v: Value) -> R<()> {
        match self {
            Slot::Text(s) => *s = string(v)?,
            Slot::Required(s) => *s = Some(string(v)?),
            Slot::OptText(s) => *s = opt(v, string)?,
            Slot::Flag(b) => *b = boolean(v)?,
            Slot::OptFlag(b) => *b = opt(v, boolean)?,
            Slot::OptCount(n) => *n = opt(v, uint)?,
            Slot::Int(n) => *n = int(v)?,
            Slot::OptInt(n) => *n = opt(v, int)?,
            Slot::OptFloat(n) => *n = opt(v, float)?,
            Slot::Source(s) => *s = source(v)?,
            Slot::TweetKind(k) => *k = tweet_kind(v)?,
            Slot::Kind(k) => *k = Some(interaction_kind(v)?),
            Slot::Texts(l) => *l = list(v, string)?,
            Slot::Links(l) => *l = list(v, dom_link)?,
        }
        Ok(())
    }
}

/// Reads an object into `record`, each of its `keys` into the place `slot`
/// gives for that key's index (unknown keys ignored); an error names the key.
/// A record type's places, by the index of their key.
type Places<T> = for<'a> fn(&'a mut T, usize) -> Option<Slot<'a>>;

fn read_into<T>(v: Value, record: &mut T, keys: &[&str], slot: Places<T>) -> R<()> {
    known_entries(v, keys, &mut |n, value| match slot(record, n) {
        Some(place) => place.set(value),
        None => Ok(()),
    })
}

/// Hands each entry of an object whose key is one of `keys` to `each`, by
/// the key's index (other keys ignored); an error names the key. One loop
/// for every [`read_into`] (small code).
fn known_entries(v: Value, keys: &[&str], each: &mut dyn FnMut(usize, Value) -> R<()>) -> R<()> {
    for (key, value) in object(v)? {
        if let Some(n) = keys.iter().position(|k| *k == key) {
            each(n, value).map_err(|e| e.within(&key))?;
        }
    }
    Ok(())
}

/// The keys [`account`] reads, in the order of its places.
const ACCOUNT_KEYS: &[&str] = &[
    "id",
    "handle",
    "name",
    "bio",
    "location",
    "url",
    "created_at",
    "followers",
    "following",
    "tweets",
    "likes",
    "listed",
    "media",
    "default_avatar",
    "default_profile",
    "verified",
    "blue_verified",
    "verified_type",
    "identity_verified",
    "automated",
    "automated_by",
    "parody_label",
    "username_changes",
    "based_in",
    "protected",
    "follows_you",
    "you_follow",
    "observed_at",
    "source",
];

/// An [`Account`] (every field optional, `handle` empty when absent).
pub fn account(v: Value) -> R<Account> {
    let mut a = Account::default();
    read_into(v, &mut a, ACCOUNT_KEYS, |a, n| {
        Some(match n {
            0 => Slot::OptText(&mut a.id),
            1 => Slot::Text(&mut a.handle),
            2 => Slot::OptText(&mut a.name),
            3 => Slot::OptText(&mut a.bio),
            4 => Slot::OptText(&mut a.location),
            5 => Slot::OptText(&mut a.url),
            6 => Slot::OptInt(&mut a.created_at),
            7 => Slot::OptCount(&mut a.followers),
            8 => Slot::OptCount(&mut a.following),
            9 => Slot::OptCount(&mut a.tweets),
            10 => Slot::OptCount(&mut a.likes),
            11 => Slot::OptCount(&mut a.listed),
            12 => Slot::OptCount(&mut a.media),
            13 => Slot::OptFlag(&mut a.default_avatar),
            14 => Slot::OptFlag(&mut a.default_profile),
            15 => Slot::OptFlag(&mut a.verified),
            16 => Slot::OptFlag(&mut a.blue_verified),
            17 => Slot::OptText(&mut a.verified_type),
            18 => Slot::OptFlag(&mut a.identity_verified),
            19 => Slot::OptFlag(&mut a.automated),
            20 => Slot::OptText(&mut a.automated_by),
            21 => Slot::OptText(&mut a.parody_label),
            22 => Slot::OptCount(&mut a.username_changes),
            23 => Slot::OptText(&mut a.based_in),
            24 => Slot::OptFlag(&mut a.protected),
            25 => Slot::OptFlag(&mut a.follows_you),
            26 => Slot::OptFlag(&mut a.you_follow),
            27 => Slot::OptInt(&mut a.observed_at),
            28 => Slot::Source(&mut a.source),
            _ => return None,
        })
    })?;
    Ok(a)
}

/// The keys [`tweet`] reads, in the order of its places.
const TWEET_KEYS: &[&str] = &[
    "id",
    "author_id",
    "author_handle",
    "text",
    "created_at",
    "kind",
    "reply_to",
    "urls",
    "client",
    "source",
];

/// A [`Tweet`] (every field optional).
pub fn tweet(v: Value) -> R<Tweet> {
    let mut t = Tweet::default();
    read_into(v, &mut t, TWEET_KEYS, |t, n| {
        Some(match n {
            0 => Slot::OptText(&mut t.id),
            1 => Slot::OptText(&mut t.author_id),
            2 => Slot::OptText(&mut t.author_handle),
            3 => Slot::Text(&mut t.text),
            4 => Slot::OptInt(&mut t.created_at),
            5 => Slot::TweetKind(&mut t.kind),
            6 => Slot::OptText(&mut t.reply_to),
            7 => Slot::Texts(&mut t.urls),
            8 => Slot::OptText(&mut t.client),
            9 => Slot::Source(&mut t.source),
            _ => return None,
        })
    })?;
    Ok(t)
}

/// What an [`Interaction`] or an [`InteractionRequest`] holds while read.
#[derive(Default)]
struct InteractionIn {
    handle: Option<String>,
    kind: Option<InteractionKind>,
    at: Option<i64>,
    at_float: Option<f64>,
    source: Source,
    notification: Option<String>,
}

impl InteractionIn {
    /// The required `handle` and `kind`.
    fn required(&mut self) -> R<(String, InteractionKind)> {
        let handle = self.handle.take().ok_or_else(|| missing("handle"))?;
        Ok((handle, self.kind.ok_or_else(|| missing("kind"))?))
    }
}

/// The keys [`interaction`] reads, in the order of its places.
const INTERACTION_KEYS: &[&str] = &["handle", "kind", "at", "source", "notification"];

/// An [`Interaction`]: `handle` and `kind` required.
pub fn interaction(v: Value) -> R<Interaction> {
    let mut i = InteractionIn::default();
    read_into(v, &mut i, INTERACTION_KEYS, |i, n| {
        Some(match n {
            0 => Slot::Required(&mut i.handle),
            1 => Slot::Kind(&mut i.kind),
            2 => Slot::OptInt(&mut i.at),
            3 => Slot::Source(&mut i.source),
            4 => Slot::OptText(&mut i.notification),
            _ => return None,
        })
    })?;
    let (handle, kind) = i.required()?;
    Ok(Interaction {
        handle,
        kind,
        at: i.at,
        source: i.source,
        notification: i.notification,
    })
}

/// The keys [`interaction_request`] reads, in the order of its places.
const INTERACTION_REQUEST_KEYS: &[&str] = &["handle", "kind", "at"];

/// An [`InteractionRequest`]: `handle` and `kind` required.
pub fn interaction_request(v: Value) -> R<InteractionRequest> {
    let mut i = InteractionIn::default();
    read_into(v, &mut i, INTERACTION_REQUEST_KEYS, |i, n| {
        Some(match n {
            0 => Slot::Required(&mut i.handle),
            1 => Slot::Kind(&mut i.kind),
            2 => Slot::OptFloat(&mut i.at_float),
            _ => return None,
        })
    })?;
    let (handle, kind) = i.required()?;
    Ok(InteractionRequest {
        handle,
        kind,
        at: i.at_float,
    })
}

/// The keys [`snapshot`] reads, in the order of its places.
const SNAPSHOT_KEYS: &[&str] = &["at", "followers", "following", "tweets"];

/// A [`Snapshot`] (every field optional, `at` 0 when absent).
pub fn snapshot(v: Value) -> R<Snapshot> {
    let mut s = Snapshot::default();
    read_into(v, &mut s, SNAPSHOT_KEYS, |s, n| {
        Some(match n {
            0 => Slot::Int(&mut s.at),
            1 => Slot::OptCount(&mut s.followers),
            2 => Slot::OptCount(&mut s.following),
            3 => Slot::OptCount(&mut s.tweets),
            _ => return None,
        })
    })?;
    Ok(s)
}

/// Hands each entry of an object to `each` (unknown keys are for `each` to
/// ignore); an error names the key it came from. For records with nested
/// records (the [`Slot`] kinds cover the rest).
fn fields(v: Value, each: &mut dyn FnMut(&str, Value) -> R<()>) -> R<()> {
    for (key, value) in object(v)? {
        each(&key, value).map_err(|e| e.within(&key))?;
    }
    Ok(())
}

/// An [`EntryData`] (every field optional), and whether it writes a
/// `history` (`null` included): saved memory leaves out the one implied by
/// the account's counts.
pub fn entry_data(v: Value) -> R<(EntryData, bool)> {
    let mut e = EntryData::default();
    let mut has_history = false;
    fields(v, &mut |key, v| {
        match key {
            "account" => e.account = account(v)?,
            "tweets" => e.tweets = list(v, tweet)?,
            "history" => {
                has_history = true;
                e.history = list(v, snapshot)?;
            }
            "interactions" => e.interactions = list(v, interaction)?,
            "last_seen" => e.last_seen = int(v)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok((e, has_history))
}

/// An older version's JSON `accounts` record: `{account, history?, last_seen?}`
/// (`account` required).
pub fn account_record(v: Value) -> R<(Account, Option<Vec<Snapshot>>, i64)> {
    let (mut a, mut history, mut last_seen) = (None, None, 0);
    fields(v, &mut |key, v| {
        match key {
            "account" => a = Some(account(v)?),
            "history" => history = opt(v, |v| list(v, snapshot))?,
            "last_seen" => last_seen = int(v)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok((a.ok_or_else(|| missing("account"))?, history, last_seen))
}

/// A [`VerdictRequest`] (every field optional).
pub fn verdict_request(v: Value) -> R<VerdictRequest> {
    let mut r = VerdictRequest::default();
    fields(v, &mut |key, v| {
        match key {
            "id" => r.id = opt(v, string)?,
            "handle" => r.handle = opt(v, string)?,
            "dom" => r.dom = opt(v, dom_facts)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(r)
}

/// The keys [`dom_facts`] reads, in the order of its places.
const DOM_FACTS_KEYS: &[&str] = &[
    "handle",
    "id",
    "name",
    "bio",
    "location",
    "url",
    "followersText",
    "followingText",
    "joinedText",
    "followsYou",
    "youFollow",
    "defaultAvatar",
    "verified",
    "blueVerified",
    "verifiedType",
    "automated",
    "automatedBy",
    "parodyLabel",
    "avatarUrl",
];

/// [`DomFacts`] (camelCase keys, every field optional).
pub fn dom_facts(v: Value) -> R<DomFacts> {
    let mut d = DomFacts::default();
    read_into(v, &mut d, DOM_FACTS_KEYS, |d, n| {
        Some(match n {
            0 => Slot::Text(&mut d.handle),
            1 => Slot::OptText(&mut d.id),
            2 => Slot::OptText(&mut d.name),
            3 => Slot::OptText(&mut d.bio),
            4 => Slot::OptText(&mut d.location),
            5 => Slot::OptText(&mut d.url),
            6 => Slot::OptText(&mut d.followers_text),
            7 => Slot::OptText(&mut d.following_text),
            8 => Slot::OptText(&mut d.joined_text),
            9 => Slot::OptFlag(&mut d.follows_you),
            10 => Slot::OptFlag(&mut d.you_follow),
            11 => Slot::OptFlag(&mut d.default_avatar),
            12 => Slot::OptFlag(&mut d.verified),
            13 => Slot::OptFlag(&mut d.blue_verified),
            14 => Slot::OptText(&mut d.verified_type),
            15 => Slot::OptFlag(&mut d.automated),
            16 => Slot::OptText(&mut d.automated_by),
            17 => Slot::OptText(&mut d.parody_label),
            18 => Slot::OptText(&mut d.avatar_url),
            _ => return None,
        })
    })?;
    Ok(d)
}

/// The keys [`dom_link`] reads, in the order of its places.
const DOM_LINK_KEYS: &[&str] = &["href", "text", "title"];

/// A [`DomLink`] (camelCase keys, every field optional).
pub fn dom_link(v: Value) -> R<DomLink> {
    let mut l = DomLink::default();
    read_into(v, &mut l, DOM_LINK_KEYS, |l, n| {
        Some(match n {
            0 => Slot::Text(&mut l.href),
            1 => Slot::OptText(&mut l.text),
            2 => Slot::OptText(&mut l.title),
            _ => return None,
        })
    })?;
    Ok(l)
}

/// The keys [`dom_tweet`] reads, in the order of its places.
const DOM_TWEET_KEYS: &[&str] = &[
    "statusHref",
    "authorHref",
    "datetime",
    "text",
    "links",
    "repostedBy",
    "replyingTo",
    "quote",
];

/// A [`DomTweet`] (camelCase keys, every field optional).
pub fn dom_tweet(v: Value) -> R<DomTweet> {
    let mut t = DomTweet::default();
    read_into(v, &mut t, DOM_TWEET_KEYS, |t, n| {
        Some(match n {
            0 => Slot::Text(&mut t.status_href),
            1 => Slot::OptText(&mut t.author_href),
            2 => Slot::OptText(&mut t.datetime),
            3 => Slot::OptText(&mut t.text),
            4 => Slot::Links(&mut t.links),
            5 => Slot::OptText(&mut t.reposted_by),
            6 => Slot::OptText(&mut t.replying_to),
            7 => Slot::Flag(&mut t.quote),
            _ => return None,
        })
    })?;
    Ok(t)
}

/// A list of [`Tweet`]s (an older version's `tweets` record).
pub fn tweets(v: Value) -> R<Vec<Tweet>> {
    list(v, tweet)
}

/// A list of [`Interaction`]s (an older version's `interactions` record).
pub fn interactions(v: Value) -> R<Vec<Interaction>> {
    list(v, interaction)
}

/// A list of strings (the memory keys a restore forgets: `forgetMemoryKeys`).
pub fn string_list(v: Value) -> R<Vec<String>> {
    list(v, string)
}

/// Exactly three lists of strings (the memory records' keys: accounts,
/// posts, interactions; read by the wasm's `loadMemoryChunk`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn three_string_lists(v: Value) -> R<[Vec<String>; 3]> {
    match v {
        Value::Array(items) if items.len() == 3 => {
            let mut out: [Vec<String>; 3] = Default::default();
            for (i, (slot, item)) in out.iter_mut().zip(items).enumerate() {
                *slot = list(item, string).map_err(|e| e.within(&format!("[{i}]")))?;
            }
            Ok(out)
        }
        Value::Array(items) => Err(ShapeError::new(format!(
            "invalid length {}, expected an array of length 3",
            items.len()
        ))),
        v => Err(invalid_type(&v, "an array of length 3")),
    }
}

/// What a saved memory file's top level holds besides its entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SavedHead {
    /// The format version it was written in (0 when absent).
    pub version: u32,
    /// The cap it was saved with, when written (`null`: none).
    pub capacity: Option<usize>,
}

/// Reads a saved memory file, `{version?, capacity?, entries?: [...]}` (other
/// keys ignored, `null` refused but for `capacity`), handing each item of
/// `entries` to `each` as its JSON text (checked only as JSON syntax, as
/// serde_json's `RawValue` checks it: an entry the record reader refuses,
/// a lone surrogate in a string or a number out of range included, costs
/// only itself): the file is never held as one tree (read by the pull
/// reader, [`super::pull`]). Errors say what serde_json said, with the line
/// and column; a known key written twice is refused, as the derive did.
pub fn saved_memory(text: &str, each: &mut dyn FnMut(&str)) -> Result<SavedHead, String> {
    use super::pull::{Kind, Pull, Refused};

    /// A syntax error (the reader says which), or the file's own.
    enum Fault {
        Syntax,
        Said(String),
    }

    impl From<Refused> for Fault {
        fn from(_: Refused) -> Self {
            Fault::Syntax
        }
    }

    /// "invalid type: ..., expected `expected`" for the value that comes next.
    fn wrong(p: &mut Pull<'_, true>, expected: &str) -> Fault {
        let what = match p.kind() {
            Ok(Kind::Object) => "map",
            Ok(Kind::Array) => "sequence",
            Ok(Kind::Str) => "string",
            Ok(Kind::Num) => match p.number() {
                Ok(n) if n.is_f64() => "floating point number",
                Ok(_) => "integer",
                Err(Refused) => return Fault::Syntax,
            },
            Ok(Kind::Bool) => "boolean",
            Ok(Kind::Null) => "null",
            Err(Refused) => return Fault::Syntax,
        };
        Fault::Said(p.said(&format!("invalid type: {what}, expected {expected}")))
    }

    fn read(p: &mut Pull<'_, true>, each: &mut dyn FnMut(&str)) -> Result<SavedHead, Fault> {
        if p.kind()? != Kind::Object {
            return Err(wrong(p, "an object"));
        }
        let mut head = SavedHead::default();
        let mut seen = [false; 3];
        let mut obj = p.object()?;
        while let Some(key) = obj.key(p)? {
            let Some(at) = ["version", "capacity", "entries"]
                .iter()
                .position(|k| *k == key)
            else {
                p.skip()?;
                continue;
            };
            if std::mem::replace(&mut seen[at], true) {
                return Err(Fault::Said(p.said(&format!("duplicate field `{key}`"))));
            }
            let shape = |p: &Pull<'_, true>, e: ShapeError| {
                Fault::Said(p.said(&e.within(&key).to_string()))
            };
            match at {
                0 => {
                    let v = p.value()?;
                    head.version = whole(v, "u32").map_err(|e| shape(p, e))?;
                }
                1 => {
                    let v = p.value()?;
                    head.capacity = opt(v, |v| whole(v, "usize")).map_err(|e| shape(p, e))?;
                }
                _ => {
                    if p.kind()? != Kind::Array {
                        return Err(wrong(p, "a sequence"));
                    }
                    let mut items = p.array()?;
                    while items.item(p)? {
                        each(p.skip_raw()?);
                    }
                }
            }
        }
        Ok(head)
    }

    let mut p = Pull::<true>::new(text);
    let read = read(&mut p, each).and_then(|head| Ok(p.end().map(|()| head)?));
    match read {
        Ok(head) => Ok(head),
        Err(Fault::Syntax) => Err(p.error().to_string()),
        Err(Fault::Said(message)) => Err(message),
    }
}

#[cfg(test)]
#[path = "objects_props.rs"]
mod props;

#[cfg(test)]
mod tests {
    use crate::boundary::VerdictRequest;
    use crate::model::{Account, Interaction, InteractionKind, Source};

    #[test]
    fn objects_read_as_derived_and_round_trip() {
        let a: Account = serde_json::from_str(r#"{"handle":"ann","followers":12,"bogus":[1]}"#)
            .expect("an object reads");
        assert_eq!((a.handle.as_str(), a.followers), ("ann", Some(12)));
        let mut b = Account::with_handle("bob", Source::Graphql);
        b.following = Some(7);
        let text = serde_json::to_string(&b).expect("writes");
        assert_eq!(
            serde_json::from_str::<Account>(&text).expect("reads back"),
            b
        );
        let i: Interaction = serde_json::from_str(r#"{"handle":"cy","kind":"liked","at":5}"#)
            .expect("an interaction");
        assert_eq!((i.kind, i.at), (InteractionKind::Liked, Some(5)));
        // Absent optional parts, `null` ones and missing required fields behave as derived.
        let r: VerdictRequest =
            serde_json::from_str(r#"{"handle":"dee","dom":null}"#).expect("request");
        assert_eq!((r.handle.as_deref(), r.dom), (Some("dee"), None));
        let e = serde_json::from_str::<Interaction>(r#"{"handle":"cy"}"#).expect_err("no kind");
        assert!(e.to_string().contains("missing field `kind`"), "{e}");
    }

    #[test]
    fn arrays_are_not_read_as_records() {
        for text in [r#"["1","ann"]"#, "[]", r#""ann""#, "3"] {
            let e = serde_json::from_str::<Account>(text).expect_err(text);
            assert!(e.to_string().contains("expected an object"), "{text}: {e}");
        }
        let e = serde_json::from_str::<VerdictRequest>(r#"{"dom":["x"]}"#).expect_err("dom array");
        assert!(e.to_string().contains("expected an object"), "{e}");
    }

    #[test]
    fn hand_written_readers_say_what_is_wrong_and_where() {
        use super::{from_text, interaction_request, saved_memory, verdict_request};
        let reason = |text: &str| {
            from_text(text, interaction_request)
                .map(|_| ())
                .expect_err(text)
                .reason()
        };
        assert_eq!(reason(r#"{"handle":"ann"}"#), "missing field `kind`");
        assert_eq!(reason("null"), "invalid type: null, expected an object");
        assert_eq!(
            reason(r#"["ann","liked"]"#),
            "invalid type: sequence, expected an object"
        );
        assert_eq!(
            reason(r#"{"handle":"ann","kind":"waved"}"#),
            "unknown variant `waved`, expected one of `followed`, `liked`, `reposted`, \
             `replied`, `mentioned`, `messaged` in `kind`"
        );
        assert_eq!(
            reason(r#"{"handle":"ann","kind":"liked","at":"soon"}"#),
            "invalid type: string \"soon\", expected f64 in `at`"
        );
        // Syntax errors are serde_json's, without the place in the text.
        assert_eq!(reason(r#"{"handle":"#), "EOF while parsing a value");
        let e = from_text(r#"{"dom":{"handle":3}}"#, verdict_request).expect_err("number");
        assert_eq!(
            e.reason(),
            "invalid type: integer `3`, expected a string in `dom.handle`"
        );
        let e = from_text(r#"{"handle":"a","followers":-1}"#, super::account).expect_err("-1");
        assert_eq!(
            e.to_string(),
            "invalid value: integer `-1`, expected u64 in `followers`"
        );
        let e = from_text(r#"{"handle":"a","followers":1.5}"#, super::account).expect_err("1.5");
        assert_eq!(
            e.to_string(),
            "invalid type: floating point number, expected u64 in `followers`"
        );
        let e = from_text(
            r#"{"statusHref":"/a/status/1","links":[{"href":"x"},{"href":null}]}"#,
            super::dom_tweet,
        )
        .expect_err("null href");
        assert_eq!(
            e.reason(),
            "invalid type: null, expected a string in `links[1].href`"
        );
        // The memory file: serde_json's errors with their place; a field's own named.
        let mut entries = 0;
        let e = saved_memory(r#"{"version":"1","entries":[]}"#, &mut |_| entries += 1)
            .expect_err("version text");
        assert!(
            e.to_string()
                .starts_with("invalid type: string \"1\", expected u32 in `version`"),
            "{e}"
        );
        let e = saved_memory(r#"{"entries":[{},{}],"entries":[]}"#, &mut |_| entries += 1)
            .expect_err("twice");
        assert!(
            e.to_string().starts_with("duplicate field `entries`"),
            "{e}"
        );
        let e = saved_memory("[1]", &mut |_| entries += 1).expect_err("array");
        assert!(
            e.to_string()
                .starts_with("invalid type: sequence, expected an object"),
            "{e}"
        );
        assert_eq!(entries, 2);
        let head = saved_memory(
            r#"{"x":[{"y":1}],"capacity":null,"entries":[1,{"a":"\ud800"}],"version":1}"#,
            &mut |_| entries += 1,
        )
        .expect("a file");
        assert_eq!((head.version, head.capacity, entries), (1, None, 4));
    }
}
