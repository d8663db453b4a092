//! The typed streaming reader for page payloads: reads X's timelines of users
//! (Followers, Following, list members, likers, ...) of every user generation
//! straight from the bytes with the pull reader ([`super::pull`]: borrowed
//! strings, unknown fields skipped, each struct read by a plain loop over its
//! keys) instead of building a `serde_json::Value` tree and walking it.
//!
//! It yields exactly what the generic walker ([`super::walk`]) yields. A part
//! it does not read itself (a post, an unknown child of a user) is handed to
//! the generic walker on its own; a page it cannot read exactly (an unknown
//! operation's shape, a user shape none of the generations match, a
//! notification, a duplicate key, a value of an unexpected type, a lone
//! surrogate, any text serde_json would refuse) is refused with [`Fallback`],
//! and the caller reads the whole page with the generic walker, which keeps
//! every tolerance and reports every error.

use std::borrow::Cow;

use serde_json::{Number, Value};

use super::errors_warning;
use super::json;
use super::pull::{index_of, plain_end, same, Kind, Pull, Refused};
use super::user;
use super::walk::{self, Collector, Mode, MAX_DEPTH};
use crate::model::{Account, Source};

/// The page is not one the typed reader reads exactly: read it with the generic walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fallback;

impl From<Refused> for Fallback {
    fn from(_: Refused) -> Self {
        Fallback
    }
}

/// A result of the typed reader.
type R<T> = Result<T, Fallback>;

/// Levels kept free below [`MAX_DEPTH`]: deeper typed parts go to the generic walker,
/// which reports them exactly as before.
const DEPTH_MARGIN: usize = 8;

/// Reads a page payload (already size-checked, BOM removed), or refuses it.
pub(crate) fn read_page(text: &str) -> Result<Collector, Fallback> {
    let mut p = Pull::new(text);
    let root = Node::read(&mut p)?;
    p.end()?;
    let Node::Obj(root) = root else {
        return Err(Fallback);
    };
    let mut c = Collector::with_mode(Mode::Page, None);
    apply_root(&root, &mut c)?;
    Ok(c)
}

// ---------------------------------------------------------------------------
// Leaf values
// ---------------------------------------------------------------------------

/// One JSON value as the fact readers see it: objects and arrays only as "not a scalar".
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Scalar<'a> {
    /// The field is not there (a present `null` is [`Scalar::Null`]).
    #[default]
    Absent,
    Null,
    Bool(bool),
    Num(Number),
    Str(Cow<'a, str>),
    Compound,
}

/// Any value as a [`Scalar`] (an object or array skipped, as [`Scalar::Compound`]).
fn scalar<'a>(p: &mut Pull<'a>) -> R<Scalar<'a>> {
    Ok(match p.kind()? {
        Kind::Str => Scalar::Str(p.string()?),
        Kind::Num => Scalar::Num(p.number()?),
        Kind::Bool => Scalar::Bool(p.boolean()?),
        Kind::Null => {
            p.null()?;
            Scalar::Null
        }
        Kind::Object | Kind::Array => {
            p.skip()?;
            Scalar::Compound
        }
    })
}

/// An optional value: `null` is `None` (as serde's `Option`), anything else read by `read`.
fn opt<'a, T>(p: &mut Pull<'a>, read: impl FnOnce(&mut Pull<'a>) -> R<T>) -> R<Option<T>> {
    if p.null()? {
        return Ok(None);
    }
    read(p).map(Some)
}

/// A field that is present, null included: `Some(None)` for `null`.
fn present<'a, T>(
    p: &mut Pull<'a>,
    read: impl FnOnce(&mut Pull<'a>) -> R<T>,
) -> R<Option<Option<T>>> {
    opt(p, read).map(Some)
}

/// An array of `read` items (no `null`).
fn list<'a, T>(p: &mut Pull<'a>, read: fn(&mut Pull<'a>) -> R<T>) -> R<Vec<T>> {
    let mut items = Vec::new();
    let mut arr = p.array()?;
    while arr.item(p)? {
        items.push(read(p)?);
    }
    Ok(items)
}

/// An optional array: `null` is `None`.
fn opt_list<'a, T>(p: &mut Pull<'a>, read: fn(&mut Pull<'a>) -> R<T>) -> R<Option<Vec<T>>> {
    opt(p, |p| list(p, read))
}

/// Marks key number `bit` as read: a repeated known key is refused, as
/// serde's derive refuses a duplicate field.
fn once(seen: &mut u64, bit: usize) -> R<()> {
    let mask = 1u64 << bit;
    if *seen & mask != 0 {
        return Err(Fallback);
    }
    *seen |= mask;
    Ok(())
}

/// A field's value, [`Scalar::Absent`] when absent.
type F<'a> = Scalar<'a>;

/// Reads an object whose known keys are `names`: `read(p, i)` reads the
/// value of `names[i]`; other keys' values are skipped. A known key read
/// twice is refused, as serde's derive refused a duplicate field. One loop
/// for every such struct (small code).
fn fields<'a>(
    p: &mut Pull<'a>,
    names: &[&str],
    read: &mut dyn FnMut(&mut Pull<'a>, usize) -> R<()>,
) -> R<()> {
    let mut seen = 0u64;
    let mut keys = p.object()?;
    while let Some(key) = keys.key(p)? {
        match index_of(names, &key) {
            Some(i) => {
                once(&mut seen, i)?;
                read(p, i)?;
            }
            None => {
                p.skip()?;
            }
        }
    }
    Ok(())
}

// Mirrors of the readers in `json.rs`, over [`Scalar`].

fn s_str<'s>(s: &'s Scalar) -> Option<&'s str> {
    match s {
        Scalar::Str(v) if !json::trimmed(v).is_empty() => Some(v),
        _ => None,
    }
}

fn s_text(s: &Scalar) -> Option<String> {
    let s = s_str(s)?;
    Some(s.to_string())
}

fn s_count(s: &Scalar) -> Option<u64> {
    json::leaf_count(s.leaf())
}

fn s_flag(s: &Scalar) -> Option<bool> {
    json::leaf_flag(s.leaf())
}

fn s_ident(s: &Scalar) -> Option<String> {
    json::leaf_ident(s.leaf())
}

fn s_timestamp(s: &Scalar) -> Option<i64> {
    json::leaf_timestamp(s.leaf())
}

fn s_handle(s: &Scalar) -> Option<String> {
    json::handle_of(s_str(s)?)
}

impl Scalar<'_> {
    /// Its scalar part, as the generic walker's readers take it.
    fn leaf(&self) -> json::Leaf<'_> {
        match self {
            Scalar::Num(n) => json::Leaf::Num(n),
            Scalar::Str(s) => json::Leaf::Str(s),
            Scalar::Bool(b) => json::Leaf::Bool(*b),
            _ => json::Leaf::Other,
        }
    }
}

/// `Value::as_str`: any string, empty included.
fn s_as_str<'s>(s: &'s Scalar) -> Option<&'s str> {
    match s {
        Scalar::Str(v) => Some(v),
        _ => None,
    }
}

/// The first candidate (newest place first) `read` accepts.
/// (A plain loop, here and in [`first_str`]: iterator adapters such as
/// `flatten` and `find_map` are calls in the wasm.)
fn first<T>(candidates: &[Option<&Scalar>], read: fn(&Scalar) -> Option<T>) -> Option<T> {
    let mut i = 0;
    while let Some(candidate) = candidates.get(i) {
        if let Some(s) = candidate {
            if let Some(v) = read(s) {
                return Some(v);
            }
        }
        i += 1;
    }
    None
}

/// [`first`] with [`s_str`], borrowed.
fn first_str<'s>(candidates: &[Option<&'s Scalar>]) -> Option<&'s str> {
    let mut i = 0;
    while let Some(candidate) = candidates.get(i) {
        if let Some(v) = candidate.and_then(s_str) {
            return Some(v);
        }
        i += 1;
    }
    None
}

/// `json::first_text_or_empty`: text, or `""` when a candidate is a string.
fn first_text_or_empty(candidates: &[Option<&Scalar>]) -> Option<String> {
    first(candidates, s_text).or_else(|| {
        candidates
            .iter()
            .flatten()
            .any(|s| matches!(s, Scalar::Str(_)))
            .then(String::new)
    })
}

/// The first present of several keys (null counts as present), as a string.
fn first_present_str<'s>(keys: &[&'s Scalar]) -> Option<&'s str> {
    keys.iter()
        .find(|k| !matches!(k, Scalar::Absent))
        .and_then(|k| s_as_str(k))
}

// ---------------------------------------------------------------------------
// The skeleton above the timeline
// ---------------------------------------------------------------------------

/// Keys that make an object a user or a post (or the viewer's wrapper): the
/// typed skeleton does not read such objects, the generic walker does.
const SKELETON_REFUSED_KEYS: &[&str] =
    &["rest_id", "legacy", "core", "id_str", "viewer", "viewer_v2"];
/// Type names the generic walker reads (or counts) rather than walks through.
const SKELETON_REFUSED_TYPES: &[&str] = &[
    "UserUnavailable",
    "Tweet",
    "TweetWithVisibilityResults",
    "TweetTombstone",
    "TweetUnavailable",
];

/// Any JSON value above (or beside) a timeline.
enum Node<'a> {
    Scalar,
    Arr(Vec<Node<'a>>),
    Obj(Obj<'a>),
}

/// An object of the skeleton: its children, and its timeline when it has one.
struct Obj<'a> {
    children: Vec<(Cow<'a, str>, Node<'a>)>,
    message: Option<Scalar<'a>>,
    instructions: Option<Vec<Instruction<'a>>>,
}

impl<'a> Node<'a> {
    /// Any value of the skeleton (nesting bounded by the pull reader).
    fn read(p: &mut Pull<'a>) -> R<Self> {
        match p.kind()? {
            Kind::Array => Ok(Node::Arr(list(p, Node::read)?)),
            Kind::Object => Obj::read(p).map(Node::Obj),
            _ => scalar(p).map(|_| Node::Scalar),
        }
    }
}

impl<'a> Obj<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut obj = Obj {
            children: Vec::new(),
            message: None,
            instructions: None,
        };
        let mut keys = p.object()?;
        while let Some(key) = keys.key(p)? {
            if index_of(SKELETON_REFUSED_KEYS, &key).is_some()
                || obj.children.iter().any(|(k, _)| same(k, &key))
            {
                return Err(Fallback);
            }
            let node = match key.as_ref() {
                "instructions" => {
                    obj.instructions = opt_list(p, Instruction::read)?;
                    Node::Scalar
                }
                // Objects and arrays under these keys are walked as any other.
                "__typename" | "message" if matches!(p.kind()?, Kind::Object | Kind::Array) => {
                    Node::read(p)?
                }
                "__typename" => {
                    let t = scalar(p)?;
                    if s_as_str(&t).is_some_and(|t| SKELETON_REFUSED_TYPES.contains(&t)) {
                        return Err(Fallback);
                    }
                    Node::Scalar
                }
                "message" => {
                    obj.message = Some(scalar(p)?);
                    Node::Scalar
                }
                _ => Node::read(p)?,
            };
            obj.children.push((key, node));
        }
        Ok(obj)
    }
}

fn guard(depth: usize) -> Result<(), Fallback> {
    if depth + DEPTH_MARGIN > MAX_DEPTH {
        Err(Fallback)
    } else {
        Ok(())
    }
}

/// `read_document`: X's `errors`, then the walk (the skeleton never holds the viewer).
fn apply_root(root: &Obj, c: &mut Collector) -> Result<(), Fallback> {
    if let Some((_, Node::Arr(errors))) = root.children.iter().find(|(k, _)| k == "errors") {
        if !errors.is_empty() {
            c.reported_errors = true;
            let mut messages = errors.iter().map(|e| match e {
                Node::Obj(o) => o.message.as_ref().and_then(s_as_str),
                _ => None,
            });
            c.observations
                .warnings
                .push(errors_warning(errors.len(), &mut messages));
        }
    }
    apply_obj(root, 0, c)
}

/// `visit_object` for a skeleton object: its timeline, or its children in key order.
fn apply_obj(obj: &Obj, depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    guard(depth)?;
    if let Some(instructions) = &obj.instructions {
        return timeline(instructions, depth + 1, c);
    }
    let mut children: Vec<&(Cow<str>, Node)> = obj.children.iter().collect();
    crate::sort::by(&mut children, |a, b| a.0.cmp(&b.0));
    for (_, child) in children {
        apply_node(child, depth + 1, c)?;
    }
    Ok(())
}

fn apply_node(node: &Node, depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    guard(depth)?;
    match node {
        Node::Scalar => Ok(()),
        Node::Arr(items) => items.iter().try_for_each(|i| apply_node(i, depth + 1, c)),
        Node::Obj(o) => apply_obj(o, depth, c),
    }
}

// ---------------------------------------------------------------------------
// Timelines
// ---------------------------------------------------------------------------
//
// Each struct is read from an object only, by [`fields`]: a known key read
// twice is refused (as serde's derive refused a duplicate field), an unknown
// key's value skipped (checked, not kept).

#[derive(Default)]
struct Instruction<'a> {
    kind: F<'a>,
    typename: F<'a>,
    entries: Option<Vec<Entry<'a>>>,
    entry: Option<Entry<'a>>,
    module_items: Option<Vec<ModuleItem<'a>>>,
}

impl<'a> Instruction<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut ins = Instruction::default();
        fields(
            p,
            &["type", "__typename", "entries", "entry", "moduleItems"],
            &mut |p, i| {
                match i {
                    0 => ins.kind = scalar(p)?,
                    1 => ins.typename = scalar(p)?,
                    2 => ins.entries = opt_list(p, Entry::read)?,
                    3 => ins.entry = opt(p, Entry::read)?,
                    _ => ins.module_items = opt_list(p, ModuleItem::read)?,
                }
                Ok(())
            },
        )?;
        Ok(ins)
    }
}

#[derive(Default)]
struct Entry<'a> {
    entry_id: F<'a>,
    content: Option<Content<'a>>,
}

impl<'a> Entry<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut e = Entry::default();
        fields(p, &["entryId", "content"], &mut |p, i| {
            match i {
                0 => e.entry_id = scalar(p)?,
                _ => e.content = opt(p, Content::read)?,
            }
            Ok(())
        })?;
        Ok(e)
    }
}

#[derive(Default)]
struct Content<'a> {
    entry_type: F<'a>,
    typename: F<'a>,
    item_type: F<'a>,
    item_content: Option<Option<ItemContent<'a>>>,
    items: Option<Option<Vec<ModuleItem<'a>>>>,
}

impl<'a> Content<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut c = Content::default();
        fields(
            p,
            &[
                "entryType",
                "__typename",
                "itemType",
                "itemContent",
                "items",
            ],
            &mut |p, i| {
                match i {
                    0 => c.entry_type = scalar(p)?,
                    1 => c.typename = scalar(p)?,
                    2 => c.item_type = scalar(p)?,
                    3 => c.item_content = present(p, ItemContent::read)?,
                    _ => c.items = present(p, |p| list(p, ModuleItem::read))?,
                }
                Ok(())
            },
        )?;
        Ok(c)
    }
}

#[derive(Default)]
struct ModuleItem<'a> {
    entry_id: F<'a>,
    item: Option<Option<ModuleInner<'a>>>,
}

impl<'a> ModuleItem<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut m = ModuleItem::default();
        fields(p, &["entryId", "item"], &mut |p, i| {
            match i {
                0 => m.entry_id = scalar(p)?,
                _ => m.item = present(p, ModuleInner::read)?,
            }
            Ok(())
        })?;
        Ok(m)
    }
}

#[derive(Default)]
struct ModuleInner<'a> {
    item_content: Option<Option<ItemContent<'a>>>,
    content: Option<Option<ItemContent<'a>>>,
}

impl<'a> ModuleInner<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut m = ModuleInner::default();
        fields(p, &["itemContent", "content"], &mut |p, i| {
            let value = present(p, ItemContent::read)?;
            match i {
                0 => m.item_content = value,
                _ => m.content = value,
            }
            Ok(())
        })?;
        Ok(m)
    }
}

#[derive(Default)]
struct ItemContent<'a> {
    item_type: F<'a>,
    typename: F<'a>,
    entry_type: F<'a>,
    /// `user_results` (absent or null: `None`), then its `result` (absent:
    /// `None`, null: `Some(None)`).
    user_results: Option<Option<Option<Box<UserResult<'a>>>>>,
    /// The text of `tweet_results` (not null), for the generic walker.
    tweet_results: Option<&'a str>,
}

impl<'a> ItemContent<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut ic = ItemContent::default();
        fields(
            p,
            &[
                "itemType",
                "__typename",
                "entryType",
                "user_results",
                "tweet_results",
            ],
            &mut |p, i| {
                match i {
                    0 => ic.item_type = scalar(p)?,
                    1 => ic.typename = scalar(p)?,
                    2 => ic.entry_type = scalar(p)?,
                    3 => ic.user_results = opt(p, user_results)?,
                    _ => ic.tweet_results = opt(p, |p| p.skip().map_err(Fallback::from))?,
                }
                Ok(())
            },
        )?;
        Ok(ic)
    }
}

/// A `user_results` object: its `result` (absent: `None`, null: `Some(None)`).
fn user_results<'a>(p: &mut Pull<'a>) -> R<Option<Option<Box<UserResult<'a>>>>> {
    let mut result = None;
    fields(p, &["result"], &mut |p, _| {
        result = present(p, UserResult::read)?;
        Ok(())
    })?;
    Ok(result)
}

const ADD_ENTRIES: &str = "TimelineAddEntries";
const PIN_ENTRY: &str = "TimelinePinEntry";
const ADD_TO_MODULE: &str = "TimelineAddToModule";
const CURSOR: &str = "TimelineTimelineCursor";

fn timeline(instructions: &[Instruction], depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    for ins in instructions {
        match first_present_str(&[&ins.kind, &ins.typename]) {
            Some(ADD_ENTRIES) => {
                for e in ins.entries.iter().flatten() {
                    entry(e, depth + 1, c)?;
                }
            }
            Some(PIN_ENTRY) => {
                if let Some(e) = &ins.entry {
                    entry(e, depth + 1, c)?;
                }
            }
            Some(ADD_TO_MODULE) => {
                for item in ins.module_items.iter().flatten() {
                    module_item(item, depth + 1, c)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_cursor(entry_id: Option<&str>, types: Option<[&Scalar; 3]>) -> bool {
    let by_id = entry_id.is_some_and(walk::is_cursor_id);
    by_id || types.is_some_and(|t| first_present_str(&t) == Some(CURSOR))
}

fn entry(e: &Entry, depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    guard(depth)?;
    let entry_id = s_str(&e.entry_id);
    let Some(content) = &e.content else {
        return Ok(());
    };
    if is_cursor(
        entry_id,
        Some([&content.entry_type, &content.typename, &content.item_type]),
    ) {
        return Ok(());
    }
    match (&content.item_content, &content.items) {
        (Some(Some(ic)), _) => item_content(ic, depth + 1, c),
        (Some(None), _) => Ok(()),
        (None, Some(Some(items))) => items
            .iter()
            .try_for_each(|item| module_item(item, depth + 1, c)),
        (None, _) => Err(Fallback),
    }
}

fn module_item(item: &ModuleItem, depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    guard(depth)?;
    let entry_id = s_str(&item.entry_id);
    let content = match &item.item {
        Some(Some(inner)) => inner.item_content.as_ref().or(inner.content.as_ref()),
        _ => None,
    };
    let types = match content {
        Some(Some(ic)) => Some([&ic.entry_type, &ic.typename, &ic.item_type]),
        _ => None,
    };
    if is_cursor(entry_id, types) {
        return Ok(());
    }
    match (content, &item.item) {
        (Some(Some(ic)), _) => item_content(ic, depth + 1, c),
        (Some(None), _) | (None, Some(None)) => Ok(()),
        // The item itself as content, or no item: walked whole by the generic walker.
        (None, _) => Err(Fallback),
    }
}

fn item_content(ic: &ItemContent, depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    guard(depth)?;
    if is_cursor(None, Some([&ic.entry_type, &ic.typename, &ic.item_type])) {
        return Ok(());
    }
    match first_present_str(&[&ic.item_type, &ic.typename]) {
        Some("TimelineUser") => match &ic.user_results {
            Some(Some(Some(u))) => walk_user(u, depth + 1, c),
            Some(Some(None)) => Ok(()),
            _ => Err(Fallback),
        },
        Some("TimelineTweet") => {
            let raw = ic.tweet_results.ok_or(Fallback)?;
            let results: Value = super::pull::value_from_str(raw).map_err(|_| Fallback)?;
            let result = results.get("result").ok_or(Fallback)?;
            walk::walk(result, depth + 1, c);
            Ok(())
        }
        _ => Err(Fallback),
    }
}

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

/// Indexes into [`SMALL_KEYS`]: the objects of scalar facts only.
const CORE: usize = 0;
const LOCATION: usize = 1;
const WEBSITE: usize = 2;
const AVATAR: usize = 3;
const RELATIONSHIP_COUNTS: usize = 4;
const TWEET_COUNTS: usize = 5;
const ACTION_COUNTS: usize = 6;
const VERIFICATION: usize = 7;
const PRIVACY: usize = 8;
const PERSPECTIVES: usize = 9;
const VERIFICATION_INFO: usize = 10;
const STATUS: usize = 11;
const USERNAME_CHANGES: usize = 12;
const URL_ENTITY: usize = 13;

/// The keys read from each small object, in the order of its values.
const SMALL_KEYS: [&[&str]; 14] = [
    &["screen_name", "name", "created_at"],
    &["location"],
    &["url"],
    &["image_url"],
    &["followers", "following"],
    &["tweets", "media_tweets"],
    &["favorites_count"],
    &["verified", "verified_type"],
    &["protected"],
    &["followed_by", "following"],
    &["is_identity_verified"],
    &["created_at"],
    &["count"],
    &["url", "expanded_url"],
];

/// An object of up to three scalar facts (`SMALL_KEYS[kind]`, in order),
/// read from an object only by one loop shared by every kind (small code).
/// A repeated key it reads is refused, as serde's derive did.
struct Small<'a>([Scalar<'a>; 3]);

impl<'a> Small<'a> {
    fn read(p: &mut Pull<'a>, kind: usize) -> R<Self> {
        let names = SMALL_KEYS.get(kind).copied().unwrap_or_default();
        let mut values: [Scalar<'a>; 3] = Default::default();
        let mut keys = p.object()?;
        while let Some(key) = keys.key(p)? {
            match index_of(names, &key) {
                Some(i) => {
                    let slot = values.get_mut(i).ok_or(Fallback)?;
                    if !matches!(slot, Scalar::Absent) {
                        return Err(Fallback);
                    }
                    *slot = scalar(p)?;
                }
                None => {
                    p.skip()?;
                }
            }
        }
        Ok(Small(values))
    }
}

/// An optional small object of `kind` (null: `None`).
fn small<'a>(p: &mut Pull<'a>, kind: usize) -> R<Option<Small<'a>>> {
    opt(p, |p| Small::read(p, kind))
}

/// Value `i` of an optional small object.
macro_rules! small {
    ($obj:expr, $i:expr) => {
        $obj.as_ref().and_then(|o| o.0.get($i))
    };
}

/// The keys read from X's `legacy` user object: the scalar facts first (kept
/// by index in [`Legacy::s`]), then the objects.
#[derive(Clone, Copy)]
enum LegacyKey {
    IdStr,
    Id,
    ScreenName,
    Name,
    CreatedAt,
    Description,
    Location,
    Url,
    ProfileImageUrlHttps,
    ProfileImageUrl,
    FollowersCount,
    FriendsCount,
    StatusesCount,
    MediaCount,
    FavouritesCount,
    ListedCount,
    DefaultProfile,
    DefaultProfileImage,
    Verified,
    IsBlueVerified,
    Protected,
    FollowedBy,
    Following,
    VerifiedType,
    ParodyCommentaryFanLabel,
    Entities,
    Status,
    VerificationInfo,
    AffiliatesHighlightedLabel,
    Other,
}

impl LegacyKey {
    /// The key X spells `name` (snake case), or [`LegacyKey::Other`].
    fn of(name: &str) -> Self {
        for (spelt, key) in LEGACY_KEYS {
            if same(spelt, name) {
                return key;
            }
        }
        LegacyKey::Other
    }
}

/// How X spells each [`LegacyKey`] (one table: a `match` on strings is a
/// chain of string comparisons in the wasm).
const LEGACY_KEYS: [(&str, LegacyKey); LegacyKey::Other as usize] = {
    use LegacyKey::*;
    [
        ("id_str", IdStr),
        ("id", Id),
        ("screen_name", ScreenName),
        ("name", Name),
        ("created_at", CreatedAt),
        ("description", Description),
        ("location", Location),
        ("url", Url),
        ("profile_image_url_https", ProfileImageUrlHttps),
        ("profile_image_url", ProfileImageUrl),
        ("followers_count", FollowersCount),
        ("friends_count", FriendsCount),
        ("statuses_count", StatusesCount),
        ("media_count", MediaCount),
        ("favourites_count", FavouritesCount),
        ("listed_count", ListedCount),
        ("default_profile", DefaultProfile),
        ("default_profile_image", DefaultProfileImage),
        ("verified", Verified),
        ("is_blue_verified", IsBlueVerified),
        ("protected", Protected),
        ("followed_by", FollowedBy),
        ("following", Following),
        ("verified_type", VerifiedType),
        ("parody_commentary_fan_label", ParodyCommentaryFanLabel),
        ("entities", Entities),
        ("status", Status),
        ("verification_info", VerificationInfo),
        ("affiliates_highlighted_label", AffiliatesHighlightedLabel),
    ]
};

/// How many of [`LegacyKey`]'s keys are scalar facts.
const LEGACY_SCALARS: usize = LegacyKey::Entities as usize;

/// X's `legacy` user object, read by one loop. A repeated key it reads is
/// refused, as serde's derive did.
#[derive(Default)]
struct Legacy<'a> {
    /// The scalar facts, by [`LegacyKey`].
    s: [F<'a>; LEGACY_SCALARS],
    entities: Option<Entities<'a>>,
    status: Option<Small<'a>>,
    verification_info: Option<Small<'a>>,
    /// Its text when present, null included.
    affiliates_highlighted_label: Option<&'a str>,
}

impl<'a> Legacy<'a> {
    /// The scalar fact `key` ([`Scalar::Absent`] for a key that is not one).
    fn f(&self, key: LegacyKey) -> &F<'a> {
        self.s.get(key as usize).unwrap_or(&Scalar::Absent)
    }

    /// Boxed: it is large, and moving it out through each `Option` and
    /// `Result` on the way up is a copy of all of it.
    fn read(p: &mut Pull<'a>) -> R<Box<Self>> {
        let mut l = Box::<Legacy>::default();
        let mut seen = 0u64;
        let mut keys = p.object()?;
        while let Some(key) = keys.key(p)? {
            let key = LegacyKey::of(&key);
            if !matches!(key, LegacyKey::Other) {
                once(&mut seen, key as usize)?;
            }
            match key {
                LegacyKey::Entities => l.entities = opt(p, Entities::read)?,
                LegacyKey::Status => l.status = small(p, STATUS)?,
                LegacyKey::VerificationInfo => l.verification_info = small(p, VERIFICATION_INFO)?,
                LegacyKey::AffiliatesHighlightedLabel => {
                    l.affiliates_highlighted_label = Some(p.skip()?);
                }
                LegacyKey::Other => {
                    p.skip()?;
                }
                scalar_key => {
                    let value = scalar(p)?;
                    if let Some(slot) = l.s.get_mut(scalar_key as usize) {
                        *slot = value;
                    }
                }
            }
        }
        Ok(l)
    }
}

#[derive(Default)]
struct Entities<'a> {
    url: Option<UrlList<'a>>,
    description: Option<UrlList<'a>>,
}

impl<'a> Entities<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut e = Entities::default();
        fields(p, &["url", "description"], &mut |p, i| {
            let value = opt(p, UrlList::read)?;
            match i {
                0 => e.url = value,
                _ => e.description = value,
            }
            Ok(())
        })?;
        Ok(e)
    }
}

#[derive(Default)]
struct UrlList<'a> {
    urls: Option<Vec<Small<'a>>>,
}

impl<'a> UrlList<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut u = UrlList::default();
        fields(p, &["urls"], &mut |p, _| {
            u.urls = opt_list(p, |p| Small::read(p, URL_ENTITY))?;
            Ok(())
        })?;
        Ok(u)
    }
}

#[derive(Default)]
struct ProfileBio<'a> {
    description: F<'a>,
    entities: Option<Entities<'a>>,
}

impl<'a> ProfileBio<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut b = ProfileBio::default();
        fields(p, &["description", "entities"], &mut |p, i| {
            match i {
                0 => b.description = scalar(p)?,
                _ => b.entities = opt(p, Entities::read)?,
            }
            Ok(())
        })?;
        Ok(b)
    }
}

#[derive(Default)]
struct AboutProfile<'a> {
    username_changes: Option<Small<'a>>,
    account_based_in: F<'a>,
}

impl<'a> AboutProfile<'a> {
    fn read(p: &mut Pull<'a>) -> R<Self> {
        let mut a = AboutProfile::default();
        fields(p, &["username_changes", "account_based_in"], &mut |p, i| {
            match i {
                0 => a.username_changes = small(p, USERNAME_CHANGES)?,
                _ => a.account_based_in = scalar(p)?,
            }
            Ok(())
        })?;
        Ok(a)
    }
}

/// Small objects a user result holds: [`CORE`] to [`VERIFICATION_INFO`].
const USER_SMALLS: usize = VERIFICATION_INFO + 1;

/// The keys of a user result that hold its facts (`user::USER_FACT_KEYS`,
/// none walked): first its small objects' (by kind, [`CORE`] to
/// [`VERIFICATION_INFO`]), then those from [`U_TYPENAME`] on, then the
/// skipped ones. One table, one scan: a `match` on strings is a chain of
/// string comparisons in the wasm.
const USER_KEYS: [&str; U_AFFILIATES + 3] = [
    "core",
    "location",
    "website",
    "avatar",
    "relationship_counts",
    "tweet_counts",
    "action_counts",
    "verification",
    "privacy",
    "relationship_perspectives",
    "verification_info",
    "__typename",
    "rest_id",
    "legacy",
    "profile_bio",
    "about_profile",
    "is_blue_verified",
    "parody_commentary_fan_label",
    "affiliates_highlighted_label",
    // Facts read elsewhere (or not at all): skipped.
    "id",
    "banner",
];
/// Indexes into [`USER_KEYS`] after the small objects'.
const U_TYPENAME: usize = USER_SMALLS;
const U_REST_ID: usize = USER_SMALLS + 1;
const U_LEGACY: usize = USER_SMALLS + 2;
const U_PROFILE_BIO: usize = USER_SMALLS + 3;
const U_ABOUT_PROFILE: usize = USER_SMALLS + 4;
const U_BLUE: usize = USER_SMALLS + 5;
const U_PARODY: usize = USER_SMALLS + 6;
const U_AFFILIATES: usize = USER_SMALLS + 7;

/// A user result of any generation: its facts typed, its other children kept
/// as text for the generic walker. A repeated key keeps its last value, as
/// the generic reader's map does.
#[derive(Default)]
struct UserResult<'a> {
    typename: F<'a>,
    rest_id: F<'a>,
    legacy: Option<Box<Legacy<'a>>>,
    /// The small objects, by kind ([`CORE`] to [`VERIFICATION_INFO`]): one
    /// array, so one line of code reads (and drops) each.
    small: [Option<Small<'a>>; USER_SMALLS],
    profile_bio: Option<ProfileBio<'a>>,
    about_profile: Option<AboutProfile<'a>>,
    is_blue_verified: F<'a>,
    parody_commentary_fan_label: F<'a>,
    /// Its text when present, null included.
    affiliates_highlighted_label: Option<&'a str>,
    has_instructions: bool,
    /// Deepest nesting of the children that are not facts and hold nothing to read.
    inert_depth: usize,
    /// Children that are not facts (objects and arrays) that may hold
    /// something to read, as text: walked by the generic walker.
    others: Vec<(Cow<'a, str>, &'a str)>,
}

impl<'a> UserResult<'a> {
    /// Boxed, as [`Legacy::read`].
    fn read(p: &mut Pull<'a>) -> R<Box<Self>> {
        let mut u = Box::<UserResult>::default();
        let mut keys = p.object()?;
        while let Some(key) = keys.key(p)? {
            match index_of(&USER_KEYS, &key) {
                Some(kind @ 0..USER_SMALLS) => {
                    let value = small(p, kind)?;
                    if let Some(slot) = u.small.get_mut(kind) {
                        *slot = value;
                    }
                }
                Some(U_TYPENAME) => u.typename = scalar(p)?,
                Some(U_REST_ID) => u.rest_id = scalar(p)?,
                Some(U_LEGACY) => u.legacy = opt(p, Legacy::read)?,
                Some(U_PROFILE_BIO) => u.profile_bio = opt(p, ProfileBio::read)?,
                Some(U_ABOUT_PROFILE) => u.about_profile = opt(p, AboutProfile::read)?,
                Some(U_BLUE) => u.is_blue_verified = scalar(p)?,
                Some(U_PARODY) => u.parody_commentary_fan_label = scalar(p)?,
                Some(U_AFFILIATES) => {
                    u.affiliates_highlighted_label = Some(p.skip()?);
                }
                Some(_) => {
                    p.skip()?;
                }
                None => {
                    if same(&key, "instructions") {
                        u.has_instructions = true;
                    }
                    let raw = p.skip()?;
                    // At most one earlier child of this key is kept (this
                    // keeps it so): a repeated key keeps its last value.
                    if let Some(i) = u.others.iter().position(|(other, _)| same(other, &key)) {
                        u.others.remove(i);
                    }
                    if matches!(raw.as_bytes().first(), Some(b'{' | b'[')) {
                        match inert_depth(raw) {
                            Some(d) => u.inert_depth = u.inert_depth.max(d),
                            None => u.others.push((key, raw)),
                        }
                    }
                }
            }
        }
        Ok(u)
    }
}

/// A field of an optional typed object.
macro_rules! field {
    ($obj:expr, $name:ident) => {
        $obj.as_ref().map(|o| &o.$name)
    };
}

/// The `url` list of some entities.
fn url_list<'s>(e: Option<&'s Entities<'s>>) -> Option<&'s UrlList<'s>> {
    e.and_then(|e| e.url.as_ref())
}

/// `urls[0].expanded_url` of an entities' list.
fn first_expanded<'s>(list: Option<&'s UrlList<'s>>) -> Option<&'s Scalar<'s>> {
    list.and_then(|l| l.urls.as_ref())
        .and_then(|urls| urls.first())
        .and_then(|u| u.0.get(1))
}

impl<'a> UserResult<'a> {
    fn legacy(&self) -> Option<&Legacy<'a>> {
        self.legacy.as_deref()
    }

    /// The small object of `kind`, if read.
    fn sm(&self, kind: usize) -> Option<&Small<'a>> {
        self.small.get(kind).and_then(Option::as_ref)
    }

    /// `user::is_graphql_user`.
    fn is_graphql_user(&self) -> bool {
        let l = self.legacy();
        (s_as_str(&self.typename) == Some("User")
            && Some(&self.rest_id).and_then(s_ident).is_some())
            || l.map(|l| l.f(LegacyKey::ScreenName))
                .and_then(s_handle)
                .is_some()
            || small!(self.sm(CORE), 0).and_then(s_handle).is_some()
    }

    /// `user::from_graphql`.
    fn account(&self) -> Result<Account, Fallback> {
        let l = self.legacy();
        let legacy = |key: LegacyKey| l.map(|l| l.f(key));
        let verified_type = first(
            &[
                small!(self.sm(VERIFICATION), 1),
                legacy(LegacyKey::VerifiedType),
            ],
            |s| s_str(s).and_then(user::check_kind_str),
        );
        let verified = if verified_type
            .as_deref()
            .is_some_and(user::is_organisation_check)
        {
            Some(true)
        } else {
            first(
                &[
                    small!(self.sm(VERIFICATION), 0),
                    legacy(LegacyKey::Verified),
                ],
                s_flag,
            )
        };
        let (automated, automated_by) = self.automated()?;
        let avatar = first_str(&[
            small!(self.sm(AVATAR), 0),
            legacy(LegacyKey::ProfileImageUrlHttps),
            legacy(LegacyKey::ProfileImageUrl),
        ]);
        let flagged = first(&[legacy(LegacyKey::DefaultProfileImage)], s_flag);
        let from_url = avatar.map(user::is_default_avatar_url);
        let default_avatar = if flagged == Some(true) || from_url == Some(true) {
            Some(true)
        } else {
            flagged.or(from_url)
        };
        let legacy_entities = l.and_then(|l| l.entities.as_ref());
        let bio_entities = self.profile_bio.as_ref().and_then(|b| b.entities.as_ref());
        let bio = first_text_or_empty(&[
            field!(self.profile_bio, description),
            legacy(LegacyKey::Description),
        ])
        .map(|bio| {
            let mut pairs = Vec::new();
            for entities in [bio_entities, legacy_entities].into_iter().flatten() {
                let urls = entities.description.as_ref().and_then(|d| d.urls.as_ref());
                for item in urls.into_iter().flatten() {
                    let short = item.0.first().and_then(s_text);
                    let long = item.0.get(1).and_then(s_text);
                    if let (Some(short), Some(long)) = (short, long) {
                        user::push_link(&mut pairs, short, long);
                    }
                }
            }
            user::apply_links(bio, pairs)
        });
        Ok(Account {
            id: first(
                &[
                    Some(&self.rest_id),
                    legacy(LegacyKey::IdStr),
                    legacy(LegacyKey::Id),
                ],
                s_ident,
            ),
            handle: first(
                &[small!(self.sm(CORE), 0), legacy(LegacyKey::ScreenName)],
                s_handle,
            )
            .unwrap_or_default(),
            name: first(&[small!(self.sm(CORE), 1), legacy(LegacyKey::Name)], s_text),
            bio,
            location: first_text_or_empty(&[
                small!(self.sm(LOCATION), 0),
                legacy(LegacyKey::Location),
            ]),
            url: first(
                &[
                    first_expanded(url_list(bio_entities)),
                    first_expanded(url_list(legacy_entities)),
                    small!(self.sm(WEBSITE), 0),
                    legacy(LegacyKey::Url),
                ],
                s_text,
            ),
            created_at: first(
                &[small!(self.sm(CORE), 2), legacy(LegacyKey::CreatedAt)],
                s_timestamp,
            ),
            followers: first(
                &[
                    small!(self.sm(RELATIONSHIP_COUNTS), 0),
                    legacy(LegacyKey::FollowersCount),
                ],
                s_count,
            ),
            following: first(
                &[
                    small!(self.sm(RELATIONSHIP_COUNTS), 1),
                    legacy(LegacyKey::FriendsCount),
                ],
                s_count,
            ),
            tweets: first(
                &[
                    small!(self.sm(TWEET_COUNTS), 0),
                    legacy(LegacyKey::StatusesCount),
                ],
                s_count,
            ),
            likes: first(
                &[
                    small!(self.sm(ACTION_COUNTS), 0),
                    legacy(LegacyKey::FavouritesCount),
                ],
                s_count,
            ),
            listed: first(&[legacy(LegacyKey::ListedCount)], s_count),
            media: first(
                &[
                    small!(self.sm(TWEET_COUNTS), 1),
                    legacy(LegacyKey::MediaCount),
                ],
                s_count,
            ),
            default_avatar,
            default_profile: first(&[legacy(LegacyKey::DefaultProfile)], s_flag),
            verified,
            blue_verified: first(
                &[
                    Some(&self.is_blue_verified),
                    legacy(LegacyKey::IsBlueVerified),
                ],
                s_flag,
            ),
            verified_type,
            identity_verified: first(
                &[
                    small!(self.sm(VERIFICATION_INFO), 0),
                    l.and_then(|l| small!(l.verification_info, 0)),
                ],
                s_flag,
            ),
            automated,
            automated_by,
            parody_label: first(
                &[
                    Some(&self.parody_commentary_fan_label),
                    legacy(LegacyKey::ParodyCommentaryFanLabel),
                ],
                |s| s_str(s).and_then(user::parody_kind_str),
            ),
            username_changes: first(
                &[self
                    .about_profile
                    .as_ref()
                    .and_then(|a| small!(a.username_changes, 0))],
                s_count,
            ),
            based_in: first(&[field!(self.about_profile, account_based_in)], s_text),
            protected: first(
                &[small!(self.sm(PRIVACY), 0), legacy(LegacyKey::Protected)],
                s_flag,
            ),
            follows_you: first(
                &[
                    small!(self.sm(PERSPECTIVES), 0),
                    legacy(LegacyKey::FollowedBy),
                ],
                s_flag,
            ),
            you_follow: first(
                &[
                    small!(self.sm(PERSPECTIVES), 1),
                    legacy(LegacyKey::Following),
                ],
                s_flag,
            ),
            observed_at: first(&[l.and_then(|l| small!(l.status, 0))], s_timestamp),
            source: Source::Graphql,
        })
    }

    /// `user::automated`: the highlighted labels (rare) read by the generic code.
    fn automated(&self) -> Result<(Option<bool>, Option<String>), Fallback> {
        let says_nothing =
            |raw: Option<&str>| !raw.is_some_and(|r| !matches!(r.trim(), "{}" | "null"));
        let top = self.affiliates_highlighted_label;
        let old = self.legacy().and_then(|l| l.affiliates_highlighted_label);
        if says_nothing(top) && says_nothing(old) {
            return Ok((None, None));
        }
        let parse = |raw: &str| super::pull::value_from_str(raw).map_err(|_| Fallback);
        let mut v = serde_json::Map::new();
        if let Some(raw) = top {
            v.insert("affiliates_highlighted_label".into(), parse(raw)?);
        }
        if let Some(raw) = old {
            let mut legacy = serde_json::Map::new();
            legacy.insert("affiliates_highlighted_label".into(), parse(raw)?);
            v.insert("legacy".into(), Value::Object(legacy));
        }
        Ok(user::automated(&Value::Object(v)))
    }
}

/// `visit_object` on a user result: a user (read, then its other children
/// walked in key order), or an unavailable one (counted).
fn walk_user(u: &UserResult, depth: usize, c: &mut Collector) -> Result<(), Fallback> {
    guard(depth)?;
    if u.has_instructions {
        return Err(Fallback);
    }
    match s_as_str(&u.typename) {
        Some("UserUnavailable") => {
            c.observations.unavailable += 1;
            return Ok(());
        }
        Some(t) if SKELETON_REFUSED_TYPES.contains(&t) => return Err(Fallback),
        _ => {}
    }
    if !u.is_graphql_user() {
        return Err(Fallback);
    }
    c.add_account(u.account()?);
    if depth + 1 + u.inert_depth > MAX_DEPTH {
        return Err(Fallback);
    }
    let mut others: Vec<&(Cow<str>, &str)> = u.others.iter().collect();
    crate::sort::by(&mut others, |a, b| a.0.cmp(&b.0));
    for (_, raw) in others {
        let v: Value = super::pull::value_from_str(raw).map_err(|_| Fallback)?;
        walk::walk(&v, depth + 1, c);
    }
    Ok(())
}

/// Substrings without which the generic walker finds nothing in a part
/// (timelines, type names, users and posts all need one of them as a key).
const WALK_MARKERS: [&str; 4] = ["instructions", "__typename", "screen_name", "full_text"];

/// How deep `raw` nests when walking it can find nothing: no string that is
/// a marker key (and no escape that could spell one). `None` when it may hold
/// something to read. One pass over the bytes.
fn inert_depth(raw: &str) -> Option<usize> {
    let bytes = raw.as_bytes();
    let (mut i, mut level, mut deepest) = (0usize, 0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'"' => {
                // The string's end, eight bytes at a time (control bytes,
                // which a checked text has none of, are passed over).
                let mut end = plain_end(bytes, i);
                while bytes.get(end).is_some_and(|c| *c < 0x20) {
                    end = plain_end(bytes, end + 1);
                }
                let string = bytes.get(i..end).unwrap_or_default();
                if !matches!(bytes.get(end), Some(b'"'))
                    || WALK_MARKERS
                        .iter()
                        .any(|m| m.len() == string.len() && m.as_bytes() == string)
                {
                    return None;
                }
                i = end + 1;
            }
            b'{' | b'[' => {
                level += 1;
                deepest = deepest.max(level);
            }
            b'}' | b']' => level = level.saturating_sub(1),
            _ => {}
        }
    }
    Some(deepest)
}

/// [`inert_depth`] as it was, one byte at a time: the reference its tests
/// compare it with.
#[cfg(test)]
fn inert_depth_reference(raw: &str) -> Option<usize> {
    let mut bytes = raw.as_bytes().iter();
    let (mut level, mut deepest) = (0usize, 0usize);
    while let Some(b) = bytes.next() {
        match b {
            b'"' => {
                let rest = bytes.as_slice();
                let end = rest.iter().position(|c| *c == b'"' || *c == b'\\')?;
                let string = rest.get(..end).unwrap_or_default();
                if rest.get(end) != Some(&b'"')
                    || WALK_MARKERS
                        .iter()
                        .any(|m| m.len() == string.len() && m.as_bytes() == string)
                {
                    return None;
                }
                bytes = rest.get(end + 1..).unwrap_or_default().iter();
            }
            b'{' | b'[' => {
                level += 1;
                deepest = deepest.max(level);
            }
            b'}' | b']' => level = level.saturating_sub(1),
            _ => {}
        }
    }
    Some(deepest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_user_keys_are_the_fact_keys() {
        let mut ours = USER_KEYS.to_vec();
        let mut facts = user::USER_FACT_KEYS.to_vec();
        ours.sort_unstable();
        facts.sort_unstable();
        assert_eq!(ours, facts);
        assert_eq!(USER_KEYS[U_AFFILIATES], "affiliates_highlighted_label");
        assert_eq!(USER_KEYS[U_TYPENAME], "__typename");
    }

    /// Walking `raw` at `depth` finds and reports nothing.
    fn inert(raw: &str, depth: usize) -> bool {
        inert_depth(raw).is_some_and(|d| depth + d <= MAX_DEPTH)
    }

    proptest::proptest! {
        /// [`inert_depth`] says what its byte-at-a-time reference says, on
        /// texts of brackets, quotes, escapes, markers (whole and cut), control
        /// bytes, non-ASCII and runs long enough for whole words.
        #[test]
        fn inert_depth_is_its_reference(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "{", "}", "[", "]", "\"", "\\", ":", ",", "1", "a", "\u{1}", "é", "日",
                "instructions", "__typename", "screen_name", "full_text", "full_tex",
                "abcdefghijklmnopq", "\"k\":\"value of some length\"",
            ]),
            0..24,
        )) {
            let raw: String = parts.concat();
            proptest::prop_assert_eq!(inert_depth(&raw), inert_depth_reference(&raw));
        }
    }

    /// `text` read whole by `read`, as `serde_json::from_str` read it.
    fn whole<'a, T>(text: &'a str, read: impl FnOnce(&mut Pull<'a>) -> R<T>) -> R<T> {
        let mut p = Pull::new(text);
        let v = read(&mut p)?;
        p.end()?;
        Ok(v)
    }

    fn scalar_of(v: &Value) -> Scalar<'static> {
        match whole(&v.to_string(), scalar) {
            Ok(s) => match s {
                Scalar::Str(c) => Scalar::Str(Cow::Owned(c.into_owned())),
                Scalar::Null => Scalar::Null,
                Scalar::Bool(b) => Scalar::Bool(b),
                Scalar::Num(n) => Scalar::Num(n),
                Scalar::Compound => Scalar::Compound,
                Scalar::Absent => Scalar::Absent,
            },
            Err(e) => panic!("{v}: {e:?}"),
        }
    }

    #[test]
    fn legacy_reads_each_key_into_its_place_and_refuses_repeats() {
        let text = r#"{"id_str":"12","screen_name":"ann","followers_count":3,"listed_count":null,
            "parody_commentary_fan_label":"Parody","bogus":{"a":[1]},"bogus":2,
            "entities":{"url":{"urls":[{"expanded_url":"https://a.example"}]}},
            "status":{"created_at":"Mon Jan 10 02:06:34 +0000 2011"},"affiliates_highlighted_label":null}"#;
        let l = whole(text, Legacy::read).expect("a legacy object");
        assert_eq!(s_as_str(l.f(LegacyKey::IdStr)), Some("12"));
        assert_eq!(s_as_str(l.f(LegacyKey::ScreenName)), Some("ann"));
        assert_eq!(s_count(l.f(LegacyKey::FollowersCount)), Some(3));
        assert_eq!(
            l.f(LegacyKey::ListedCount),
            &Scalar::Null,
            "null is present"
        );
        assert_eq!(l.f(LegacyKey::FriendsCount), &Scalar::Absent);
        assert_eq!(
            s_as_str(l.f(LegacyKey::ParodyCommentaryFanLabel)),
            Some("Parody")
        );
        assert_eq!(
            l.f(LegacyKey::Entities),
            &Scalar::Absent,
            "not a scalar key"
        );
        let url = first_expanded(url_list(l.entities.as_ref())).and_then(s_as_str);
        assert_eq!(url, Some("https://a.example"));
        assert!(small!(l.status, 0).and_then(s_timestamp).is_some());
        assert!(
            l.affiliates_highlighted_label.is_some(),
            "a present null counts"
        );
        // Every scalar key lands in its own place.
        for (i, name) in ["id_str", "protected", "verified_type"].iter().enumerate() {
            let text = format!(r#"{{"{name}":{i}}}"#);
            let l = whole(&text, Legacy::read).expect(name);
            let placed: Vec<usize> = (0..LEGACY_SCALARS)
                .filter(|k| l.s.get(*k) != Some(&Scalar::Absent))
                .collect();
            assert_eq!(placed.len(), 1, "{name}");
        }
        for repeated in [
            r#"{"id_str":"1","id_str":"2"}"#,
            r#"{"entities":null,"entities":{}}"#,
            r#"{"affiliates_highlighted_label":{},"affiliates_highlighted_label":{}}"#,
        ] {
            assert!(whole(repeated, Legacy::read).is_err(), "{repeated}");
        }
        assert!(
            whole(r#"["12"]"#, Legacy::read).is_err(),
            "an array is no object"
        );
    }

    #[test]
    fn scalar_readers_agree_with_the_value_readers() {
        use super::super::json;
        let values = [
            json!(null),
            json!(true),
            json!(false),
            json!(0),
            json!(12),
            json!(-3),
            json!(3.0),
            json!(3.5),
            json!(1e300),
            json!(18446744073709551615u64),
            json!(""),
            json!("  "),
            json!("12"),
            json!(" 12 "),
            json!("12a"),
            json!("TRUE"),
            json!("false"),
            json!("@ann "),
            json!("@"),
            json!("Mon Jan 10 02:06:34 +0000 2011"),
            json!("2024-05-01"),
            json!("12345678901234567890"),
            json!([1]),
            json!({"a": 1}),
        ];
        for v in &values {
            let s = scalar_of(v);
            assert_eq!(s_text(&s), json::text(v), "text {v}");
            assert_eq!(s_count(&s), json::count(v), "count {v}");
            assert_eq!(s_flag(&s), json::flag(v), "flag {v}");
            assert_eq!(s_ident(&s), json::ident(v), "ident {v}");
            assert_eq!(s_timestamp(&s), json::timestamp(v), "timestamp {v}");
            assert_eq!(s_handle(&s), json::handle(v), "handle {v}");
            assert_eq!(s_as_str(&s), v.as_str(), "as_str {v}");
        }
    }

    #[test]
    fn inert_parts_are_skipped_and_others_walked() {
        assert!(inert(r#"{"can_dm":false}"#, 10));
        assert!(inert(r#"[]"#, 10));
        assert!(!inert(r#"{"u":{"screen_name":"x"}}"#, 10));
        assert!(!inert(r#"{"\u005f_typename":"User"}"#, 10));
        assert!(!inert(r#"[[[]]]"#, MAX_DEPTH - 2));
        assert!(inert(r#"{"a":"[[[[[[["}"#, MAX_DEPTH - 1));
        assert!(inert(
            r#"{"names":"screen_name is a word here, not a key"}"#,
            10
        ));
        assert!(
            !inert(r#"{"a":["full_text"]}"#, 10),
            "a marker as a value is walked too"
        );
        assert!(!inert(r#"{"a":"\"instructions\""}"#, 10));
    }

    #[test]
    fn structs_are_read_from_objects_only() {
        let core = |p: &mut Pull<'static>| Small::read(p, CORE);
        assert!(whole(r#"["a", "b", "c"]"#, core).is_err());
        assert!(whole(r#"["a", "b"]"#, ProfileBio::read).is_err());
        assert!(whole(r#"{"name": 1, "name": 2}"#, core).is_err());
        let core = whole(
            r#"{"screen_name": "ann", "name": null, "other": {"x": [1]}}"#,
            core,
        )
        .expect("an object");
        assert_eq!(core.0[0], Scalar::Str(Cow::Borrowed("ann")));
        assert_eq!(core.0[1], Scalar::Null, "null is present");
        assert_eq!(core.0[2], Scalar::Absent);
    }
}
