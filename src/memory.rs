//! What the extension remembers across visits: accounts, count history, recent
//! tweets and interactions with the viewer; bounded, least recently seen evicted.
//!
//! Pure data structure: persisting it is the caller's job, record by record
//! through [`Memory::take_changes`] / [`Memory::from_records`] (the worker's
//! IndexedDB, restored in bounded chunks: [`Memory::restore_begin`]), or whole
//! through [`Memory::to_json`] / [`Memory::from_json`] (export, import, and the
//! old chrome.storage.local string).
//!
//! Ids win over handles: a record is keyed by its numeric id when known, a
//! handle belongs to the record that showed it last (a handle held by a
//! different id moves to the new id), and histories never merge across ids.
//! Only an observation without an id (the page, a notification row) joins
//! by handle alone. Every string is capped on the way in ([`crate::read::bounds`]).
//!
//! In the heap an account is kept compact (`memory_compact.rs`: one byte
//! string for its facts, indexes that copy no key); [`Memory::get`] reads it
//! back as an [`Entry`].

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

#[path = "memory_records.rs"]
mod records;
pub use records::{
    loose_limit, read_page, Changes, ForgetError, LoadReport, Records, RecordsError,
    DEFAULT_MAX_BYTES, PAGE_ACCOUNTS,
};
use records::{Tracker, ACCOUNT, ALL, INTERACTIONS, PAGED, TWEETS};

#[path = "memory_binary.rs"]
mod binary;
#[path = "memory_compact.rs"]
mod compact;
#[path = "memory_slots.rs"]
mod slots;
use compact::{IdRef, Index};

use serde::{Deserialize, Serialize};

use crate::analysis::features::FeatureCache;
use crate::model::{
    Account, Interaction, InteractionKind, Observations, Snapshot, Source, Tweet, TweetKind,
};
use crate::read::bounds;
use crate::signals::Subject;

/// Default number of accounts kept: records in the worker's IndexedDB take
/// about 0.4 KB a profile (more with saved posts), 100,000 well within
/// [`DEFAULT_MAX_BYTES`].
pub const DEFAULT_CAPACITY: usize = 100_000;
/// Recent tweets kept per account (newest kept).
pub const TWEETS_PER_ACCOUNT: usize = 40;
/// Recent tweets saved per account (newest kept): fewer than are kept while
/// running, as tweet texts dominate the saved size (40 posts ~8 KB, a profile
/// ~0.4 KB); still twice the default `posts.min_count` (10).
pub const SAVED_TWEETS_PER_ACCOUNT: usize = 20;
/// Count snapshots kept per account (newest kept).
pub const SNAPSHOTS_PER_ACCOUNT: usize = 24;
/// Interactions kept per account (newest kept).
pub const INTERACTIONS_PER_ACCOUNT: usize = 40;
/// Version of the saved format.
pub const FORMAT_VERSION: u32 = 1;
/// At most this many accounts are reserved for ahead of a restore, whatever
/// the caller expects.
const MAX_RESERVE: usize = 1 << 20;

/// Everything remembered about one account, owned: as loaded from a file,
/// and while an observation is merged in.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, remote = "Self")] // serde impls: read::objects
pub struct EntryData {
    /// The account's facts, merged from every observation (newest win).
    pub account: Account,
    /// Its recent posts, oldest first (at most [`TWEETS_PER_ACCOUNT`]).
    pub tweets: Vec<Tweet>,
    /// Its counts at each visit where they changed (at most [`SNAPSHOTS_PER_ACCOUNT`]).
    pub history: Vec<Snapshot>,
    /// What it did to the viewer, oldest first (at most [`INTERACTIONS_PER_ACCOUNT`]).
    pub interactions: Vec<Interaction>,
    /// Last time (unix seconds) anything about this account was seen.
    pub last_seen: i64,
}

/// One remembered account as [`Memory::get`] reads it back: its facts
/// decoded, its posts and interactions borrowed.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    /// The account's facts, merged from every observation (newest win).
    pub account: Account,
    /// Its recent posts, oldest first (at most [`TWEETS_PER_ACCOUNT`]).
    pub tweets: &'a Vec<Tweet>,
    /// Its counts at each visit where they changed (at most [`SNAPSHOTS_PER_ACCOUNT`]).
    pub history: Cow<'a, [Snapshot]>,
    /// What it did to the viewer, oldest first (at most [`INTERACTIONS_PER_ACCOUNT`]).
    pub interactions: &'a Vec<Interaction>,
    /// Last time (unix seconds) anything about this account was seen.
    pub last_seen: i64,
    /// Its features, kept with its slot (see [`Slot`]).
    pub features: &'a FeatureCache,
}

static NO_TWEETS: Vec<Tweet> = Vec::new();
static NO_INTERACTIONS: Vec<Interaction> = Vec::new();

impl Entry<'_> {
    /// The scoring view of this entry.
    pub fn subject(&self) -> Subject<'_> {
        Subject {
            account: &self.account,
            tweets: self.tweets,
            history: &self.history,
            interactions: self.interactions,
            prepared: None,
            features: Some(self.features),
        }
    }

    /// An owned copy.
    pub fn to_data(&self) -> EntryData {
        EntryData {
            account: self.account.clone(),
            tweets: self.tweets.clone(),
            history: self.history.to_vec(),
            interactions: self.interactions.clone(),
            last_seen: self.last_seen,
        }
    }
}

impl EntryData {
    /// The scoring view of this entry.
    pub fn subject(&self) -> Subject<'_> {
        Subject {
            account: &self.account,
            tweets: &self.tweets,
            history: &self.history,
            interactions: &self.interactions,
            prepared: None,
            features: None,
        }
    }

    fn record_snapshot(&mut self, at: i64) {
        let a = &self.account;
        if a.followers.is_none() && a.following.is_none() && a.tweets.is_none() {
            return;
        }
        let snap = Snapshot {
            at,
            followers: a.followers,
            following: a.following,
            tweets: a.tweets,
        };
        let same_counts = self.history.last().is_some_and(|last| {
            last.followers == snap.followers
                && last.following == snap.following
                && last.tweets == snap.tweets
        });
        if !same_counts {
            self.history.push(snap);
            // An observation older than the last one (an imported file) goes
            // in its place: history stays oldest first, as a file loads it.
            crate::sort::by_key(&mut self.history, |s| s.at);
            keep_newest(&mut self.history, SNAPSHOTS_PER_ACCOUNT);
        }
    }
}

/// One remembered account in the heap.
#[derive(Clone, Debug)]
struct Slot {
    /// The account's facts ([`compact::encode`]).
    blob: Box<[u8]>,
    /// Posts, interactions, a history its counts do not imply, and the sizes
    /// of its stored post and interaction records; `None` when there are none.
    extra: Option<Box<Extra>>,
    /// Bytes of its stored account record (0: not written yet), and in the
    /// top bit ([`PAGED`]) whether the store holds it in a page only (no
    /// loose records of its own): one bit, no side table.
    account_bytes: u32,
    /// Last time (unix seconds) anything about this account was seen.
    last_seen: i64,
    /// Its features, computed at its first scoring and kept until its facts,
    /// posts or count history change (a new slot, or `remember_tweet`);
    /// derived, never saved (`analysis::features`).
    features: FeatureCache,
}

/// An account's recent posts: decoded, or (restored from the store and not
/// needed since) still their stored `tweets` record, decoded at first use.
/// Most remembered posts are never read between a restart and the next
/// compaction, which writes such a record as it is: a restore copies their
/// bytes instead of building every post's strings. Decoding lets the record
/// go (posts are held once), so a later save writes them again from the
/// decoded list: the same bytes, the record being canonical.
#[derive(Default)]
struct Posts {
    /// The stored record, in the canonical binary form
    /// ([`binary::check_tweets`]: decoding it and writing it again gives it
    /// back byte for byte); `None` once the posts are decoded or change, or
    /// for posts decoded when read (remembered, another form). A `Cell`, so
    /// that decoding through `&self` lets it go.
    record: Cell<Option<Box<[u8]>>>,
    /// The posts, oldest first (at most [`TWEETS_PER_ACCOUNT`]): set, or
    /// decoded from `record` on first use.
    list: OnceCell<Vec<Tweet>>,
}

impl Clone for Posts {
    fn clone(&self) -> Posts {
        Posts {
            record: Cell::new(self.with_record(|r| r.map(Box::from))),
            list: self.list.clone(),
        }
    }
}

impl std::fmt::Debug for Posts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stored = self.with_record(|r| r.map(<[u8]>::len));
        f.debug_struct("Posts")
            .field("record_bytes", &stored)
            .field("list", &self.list.get())
            .finish()
    }
}

impl Posts {
    fn of(list: Vec<Tweet>) -> Posts {
        Posts {
            record: Cell::new(None),
            list: OnceCell::from(list),
        }
    }

    /// Posts to decode from `record` (canonical: [`binary::check_tweets`]
    /// said so) at first use.
    fn stored(record: &[u8]) -> Posts {
        Posts {
            record: Cell::new(Some(Box::from(record))),
            list: OnceCell::new(),
        }
    }

    /// `f` of the stored record, left in place.
    fn with_record<R>(&self, f: impl FnOnce(Option<&[u8]>) -> R) -> R {
        let record = self.record.take();
        let out = f(record.as_deref());
        self.record.set(record);
        out
    }

    fn is_empty(&self) -> bool {
        // A canonical record holds at least one post.
        !self.with_record(|r| r.is_some()) && self.list.get().map_or(true, Vec::is_empty)
    }

    /// The posts of the account whose facts are `blob`; decoding them lets
    /// the stored record go.
    fn get(&self, blob: &[u8]) -> &Vec<Tweet> {
        self.list
            .get_or_init(|| decode_posts(self.record.take().as_deref(), blob))
    }

    /// The posts to change, decoded (always `Some`); the stored record is
    /// no longer theirs.
    fn get_mut(&mut self, blob: &[u8]) -> Option<&mut Vec<Tweet>> {
        let record = self.record.get_mut().take();
        if self.list.get().is_none() {
            self.list = OnceCell::from(decode_posts(record.as_deref(), blob));
        }
        self.list.get_mut()
    }

    fn into_list(self, blob: &[u8]) -> Vec<Tweet> {
        let Posts { record, list } = self;
        list.into_inner()
            .unwrap_or_else(|| decode_posts(record.into_inner().as_deref(), blob))
    }

    /// A copy of the stored record, when it is still theirs (a save writes
    /// it as it is).
    fn record(&self) -> Option<Vec<u8>> {
        self.with_record(|r| r.map(<[u8]>::to_vec))
    }
}

/// The posts of a canonical `tweets` record, settled for the account whose
/// facts are `blob`, as an eager restore settles them ([`settle_lists`]).
fn decode_posts(record: Option<&[u8]>, blob: &[u8]) -> Vec<Tweet> {
    let Some(mut tweets) = record.and_then(binary::read_tweets) else {
        return Vec::new();
    };
    let (id, handle) = compact::id_and_handle(blob);
    let id = match id {
        IdRef::None => None,
        IdRef::Num(n) => Some(n.to_string()),
        IdRef::Text(t) => Some(t.to_string()),
    };
    settle_tweets(&mut tweets, id.as_deref(), handle);
    tweets.shrink_to_fit();
    tweets
}

/// What most accounts of a followers list do not have.
#[derive(Clone, Debug, Default)]
struct Extra {
    tweets: Posts,
    /// `None`: the one snapshot the account's counts imply ([`implied_history`]).
    history: Option<Vec<Snapshot>>,
    interactions: Vec<Interaction>,
    /// Bytes of its stored tweets and interactions records.
    stored: [u32; 2],
}

impl Extra {
    fn is_empty(&self) -> bool {
        self.tweets.is_empty()
            && self.history.is_none()
            && self.interactions.is_empty()
            && self.stored == [0, 0]
    }
}

impl Slot {
    /// `entry` in its compact form, with the sizes of its stored records.
    fn of(entry: EntryData, sizes: [u32; 3]) -> Slot {
        let EntryData {
            account,
            mut tweets,
            history,
            mut interactions,
            last_seen,
        } = entry;
        let history = (history != implied_history(&account)).then(|| {
            let mut h = history;
            h.shrink_to_fit();
            h
        });
        tweets.shrink_to_fit();
        interactions.shrink_to_fit();
        let extra = Extra {
            tweets: Posts::of(tweets),
            history,
            interactions,
            stored: [sizes[1], sizes[2]],
        };
        Slot {
            blob: compact::encode(&account),
            extra: (!extra.is_empty()).then(|| Box::new(extra)),
            account_bytes: sizes[0],
            last_seen,
            features: FeatureCache::default(),
        }
    }

    /// [`Slot::view`]'s subject, its account decoded into `account`.
    fn with_subject<R>(&self, account: &mut Account, f: impl FnOnce(&Subject<'_>) -> R) -> R {
        compact::decode_into(&self.blob, account);
        let (tweets, history, interactions) = match self.extra.as_deref() {
            Some(x) => (
                x.tweets.get(&self.blob).as_slice(),
                x.history.as_deref(),
                x.interactions.as_slice(),
            ),
            None => (NO_TWEETS.as_slice(), None, NO_INTERACTIONS.as_slice()),
        };
        let implied = implied_snapshot(account);
        let history = history.unwrap_or(implied.as_slice());
        f(&Subject {
            account,
            tweets,
            history,
            interactions,
            prepared: None,
            features: Some(&self.features),
        })
    }

    fn view(&self) -> Entry<'_> {
        let account = compact::decode(&self.blob);
        let (tweets, history, interactions) = match self.extra.as_deref() {
            Some(x) => (
                x.tweets.get(&self.blob),
                x.history.as_deref().map(Cow::Borrowed),
                &x.interactions,
            ),
            None => (&NO_TWEETS, None, &NO_INTERACTIONS),
        };
        let history = history.unwrap_or_else(|| Cow::Owned(implied_history(&account)));
        Entry {
            account,
            tweets,
            history,
            interactions,
            last_seen: self.last_seen,
            features: &self.features,
        }
    }

    fn into_data(self) -> EntryData {
        let account = compact::decode(&self.blob);
        let extra = self.extra.map(|x| *x).unwrap_or_default();
        EntryData {
            history: extra.history.unwrap_or_else(|| implied_history(&account)),
            tweets: extra.tweets.into_list(&self.blob),
            account,
            interactions: extra.interactions,
            last_seen: self.last_seen,
        }
    }

    fn sizes(&self) -> [u32; 3] {
        let [t, i] = self.extra.as_ref().map_or([0, 0], |x| x.stored);
        [self.account_bytes & !PAGED, t, i]
    }

    /// The memory key: `#id` when it has an id, else `@` and its lower-case handle.
    fn key(&self) -> String {
        match compact::id(&self.blob) {
            IdRef::Num(n) => format!("#{n}"),
            IdRef::Text(t) if !t.is_empty() => format!("#{t}"),
            _ => format!("@{}", compact::handle(&self.blob).to_ascii_lowercase()),
        }
    }

    /// `(when last observed with its handle, last seen)`: newer wins a handle.
    fn order(&self) -> (i64, i64) {
        let observed = compact::decode(&self.blob).observed_at;
        (observed.unwrap_or(self.last_seen), self.last_seen)
    }
}

/// True when `b` is the post `a` already is: the same id, or (a repost read
/// from the page, which shows only the original's id) a repost of the same text.
fn same_post(a: &Tweet, b: &Tweet) -> bool {
    if a.id.is_some() && a.id == b.id {
        return true;
    }
    a.kind == TweetKind::Repost
        && b.kind == TweetKind::Repost
        && (a.source == Source::Page) != (b.source == Source::Page)
        && !a.text.is_empty()
        && a.text == b.text
}

fn keep_newest<T>(items: &mut Vec<T>, cap: usize) {
    if items.len() > cap {
        let excess = items.len() - cap;
        items.drain(..excess);
    }
}

/// Why saved memory could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemoryError {
    /// The text is not JSON (the parser's message).
    NotJson(String),
    /// Written by a newer version in a format this one does not know.
    NewerVersion(u32),
}

impl std::fmt::Display for MemoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MemoryError::NotJson(m) => write!(f, "saved memory is not readable JSON: {m}"),
            MemoryError::NewerVersion(v) => write!(
                f,
                "saved memory is format {v}, newer than this version understands ({FORMAT_VERSION})"
            ),
        }
    }
}

impl std::error::Error for MemoryError {}

/// What [`Memory::to_json_within`] wrote: the JSON, how many accounts it
/// holds and how many are remembered.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Trimmed {
    /// The saved memory, in the format [`Memory::from_json`] reads.
    pub json: String,
    /// Accounts in `json` (the most recently seen).
    pub kept: usize,
    /// Accounts remembered.
    pub total: usize,
}

#[derive(Serialize)]
struct Saved<'a> {
    version: u32,
    capacity: usize,
    entries: Vec<SavedEntry<'a>>,
}

/// One entry as saved: the lean form of [`Entry`] (what can be rebuilt on
/// load is left out; see [`SavedEntry::of`] and [`Memory::from_json`]).
#[derive(Serialize)]
struct SavedEntry<'a> {
    account: &'a Account,
    /// Always written, like `interactions`, even when empty: readers of an
    /// exported memory (and the extension's pages) expect the lists.
    tweets: Vec<SavedTweet<'a>>,
    /// Left out when it is the one snapshot implied by the account's counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<&'a [Snapshot]>,
    interactions: &'a [Interaction],
    /// Always written: the worker trims saved memory by it when storage is full.
    last_seen: i64,
}

/// A remembered post as saved: its author is the entry's account, so the
/// author's id and handle are left out when both are the account's.
#[derive(Serialize)]
struct SavedTweet<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_handle: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<i64>,
    #[serde(skip_serializing_if = "is_original")]
    kind: TweetKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    urls: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    client: Option<&'a str>,
    #[serde(skip_serializing_if = "is_graphql")]
    source: Source,
}

fn is_original(kind: &TweetKind) -> bool {
    *kind == TweetKind::Original
}

fn is_graphql(source: &Source) -> bool {
    *source == Source::Graphql
}

impl<'a> SavedTweet<'a> {
    fn of(t: &'a Tweet, author: &Account) -> Self {
        // Every field named (no `..`): a new field must be saved here too.
        let Tweet {
            id,
            author_id,
            author_handle,
            text,
            created_at,
            kind,
            reply_to,
            urls,
            client,
            source,
        } = t;
        // Both left out, or both written: loading fills both (exactly as they were).
        let by_account = author_id.as_deref() == author.id.as_deref()
            && author_handle.as_deref() == Some(author.handle.as_str());
        SavedTweet {
            id: id.as_deref(),
            author_id: author_id.as_deref().filter(|_| !by_account),
            author_handle: author_handle.as_deref().filter(|_| !by_account),
            text,
            created_at: *created_at,
            kind: *kind,
            reply_to: reply_to.as_deref(),
            urls,
            client: client.as_deref(),
            source: *source,
        }
    }
}

// The saved form's JSON as the wasm writes it: the same text as the derives
// above (`tests/json_out_props.rs`), without serde's serializer.

impl crate::json_out::WriteJson for Saved<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json_out::Obj::new(out)
            .field("version", &self.version)
            .field("capacity", &self.capacity)
            .field("entries", &self.entries)
            .end();
    }
}

impl crate::json_out::WriteJson for SavedEntry<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json_out::Obj::new(out)
            .field("account", self.account)
            .field("tweets", &self.tweets)
            .some("history", &self.history)
            .field("interactions", self.interactions)
            .field("last_seen", &self.last_seen)
            .end();
    }
}

impl crate::json_out::WriteJson for SavedTweet<'_> {
    fn write_json(&self, out: &mut String) {
        let mut o = crate::json_out::Obj::new(out);
        o.some("id", &self.id)
            .some("author_id", &self.author_id)
            .some("author_handle", &self.author_handle)
            .field("text", self.text)
            .some("created_at", &self.created_at);
        if !is_original(&self.kind) {
            o.field("kind", &self.kind);
        }
        o.some("reply_to", &self.reply_to);
        if !self.urls.is_empty() {
            o.field("urls", self.urls);
        }
        o.some("client", &self.client);
        if !is_graphql(&self.source) {
            o.field("source", &self.source);
        }
        o.end();
    }
}

/// The tweets saved for an entry: the newest [`SAVED_TWEETS_PER_ACCOUNT`].
fn saved_tweets<'a>(entry: &'a Entry<'_>) -> Vec<SavedTweet<'a>> {
    let skip = entry.tweets.len().saturating_sub(SAVED_TWEETS_PER_ACCOUNT);
    entry
        .tweets
        .iter()
        .skip(skip)
        .map(|t| SavedTweet::of(t, &entry.account))
        .collect()
}

impl<'a> SavedEntry<'a> {
    fn of(entry: &'a Entry<'_>) -> Self {
        let a = &entry.account;
        let implied = implied_history(a);
        SavedEntry {
            account: a,
            tweets: saved_tweets(entry),
            history: (implied.as_slice() != &*entry.history).then_some(&*entry.history),
            interactions: entry.interactions,
            last_seen: entry.last_seen,
        }
    }
}

/// The history an entry seen once has: one snapshot of its counts at `observed_at`.
fn implied_history(a: &Account) -> Vec<Snapshot> {
    implied_snapshot(a).into_iter().collect()
}

/// [`implied_history`] without allocating: its one snapshot, if any.
fn implied_snapshot(a: &Account) -> Option<Snapshot> {
    match a.observed_at {
        Some(at) if a.followers.is_some() || a.following.is_some() || a.tweets.is_some() => {
            Some(Snapshot {
                at,
                followers: a.followers,
                following: a.following,
                tweets: a.tweets,
            })
        }
        _ => None,
    }
}

/// A notification without a time seen again within this long (seconds) is
/// taken to be the same notification, not a new interaction.
pub const UNTIMED_REPEAT_S: i64 = 24 * 60 * 60;

/// What [`Memory::remember_page_interaction`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageInteraction {
    /// Remembered.
    Recorded,
    /// The handle is not an X handle (1 to 15 letters, digits or `_`).
    NoValidHandle,
    /// Already recorded: an untimed repeat of a recent notification.
    Repeat,
}

/// True for an X handle without its `@`: 1 to 15 ASCII letters, digits or `_`.
fn valid_handle(handle: &str) -> bool {
    !handle.is_empty()
        && handle.len() <= 15
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The key of an entry: `#` and its numeric id when known, else `@` and its
/// lower-case handle.
fn entry_key(a: &Account) -> String {
    match a.id.as_deref().filter(|i| !i.is_empty()) {
        Some(id) => format!("#{id}"),
        None => format!("@{}", a.key()),
    }
}

/// A handle as looked up: without `@`, lower-case.
fn handle_key(handle: &str) -> String {
    handle.trim_start_matches('@').to_ascii_lowercase()
}

/// Folds an id-less entry into the entry that now holds its handle: its
/// posts, interactions and count history join (the same person, seen on the
/// page before X's data named the id).
fn absorb(into: &mut EntryData, from: EntryData) {
    for t in from.tweets {
        if !into.tweets.iter().any(|k| same_post(k, &t)) {
            into.tweets.push(t);
        }
    }
    crate::sort::by_key(&mut into.tweets, |t| t.created_at.unwrap_or(i64::MIN));
    keep_newest(&mut into.tweets, TWEETS_PER_ACCOUNT);
    for i in from.interactions {
        let duplicate = into.interactions.iter().any(|k| {
            k.kind == i.kind
                && ((k.at == i.at && k.at.is_some())
                    || (k.notification.is_some() && k.notification == i.notification))
        });
        if !duplicate {
            into.interactions.push(i);
        }
    }
    crate::sort::by_key(&mut into.interactions, |i| i.at.unwrap_or(i64::MIN));
    keep_newest(&mut into.interactions, INTERACTIONS_PER_ACCOUNT);
    if into.history.is_empty() {
        into.history = from.history;
    }
    into.last_seen = into.last_seen.max(from.last_seen);
}

/// The bounded store: compact slots, found by numeric id (else by key text),
/// with an index of which slot holds each lower-case handle now.
#[derive(Clone, Debug)]
pub struct Memory {
    capacity: usize,
    /// `None`: a free slot (its index is in `free`).
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    count: usize,
    /// Slots keyed by a numeric id.
    by_id: Index<u64>,
    /// Slots under any other key (`#` and an id that is not a plain number, `@handle`).
    by_text: HashMap<Box<str>, u32>,
    /// The slot that holds each lower-case handle.
    by_handle: Index<Box<str>>,
    /// What changed since the last [`Memory::take_changes`].
    tracker: Tracker,
    /// A chunked restore in progress: what it read so far.
    restoring: Option<LoadReport>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory::new(DEFAULT_CAPACITY)
    }
}

/// The id of a slot (none for a free one).
fn id_at(slots: &[Option<Slot>], i: u32) -> IdRef<'_> {
    match slots.get(i as usize) {
        Some(Some(s)) => compact::id(&s.blob),
        _ => IdRef::None,
    }
}

/// True when the slot's handle is `handle` (lower-case).
fn has_handle(slots: &[Option<Slot>], i: u32, handle: &str) -> bool {
    match slots.get(i as usize) {
        Some(Some(s)) => compact::handle(&s.blob).eq_ignore_ascii_case(handle),
        _ => false,
    }
}

impl Memory {
    /// An empty store holding at most `capacity` accounts (at least 1).
    pub fn new(capacity: usize) -> Self {
        Memory {
            capacity: capacity.max(1),
            slots: Vec::new(),
            free: Vec::new(),
            count: 0,
            by_id: Index::default(),
            by_text: HashMap::new(),
            by_handle: Index::default(),
            tracker: Tracker::default(),
            restoring: None,
        }
    }

    /// Number of accounts remembered.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// How many accounts are kept at most.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Changes the cap, evicting at once when it shrinks.
    pub fn set_capacity(&mut self, capacity: usize) {
        self.capacity = capacity.max(1);
        self.evict_to(self.capacity);
    }

    /// Finds an account by numeric id; else the account holding this handle
    /// (case-insensitive) now, unless that account has a different id.
    pub fn get(&self, id: Option<&str>, handle: Option<&str>) -> Option<Entry<'_>> {
        self.key_of(id, handle)
            .and_then(|i| self.slot(i))
            .map(Slot::view)
    }

    /// All entries, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.slots.iter().flatten().map(Slot::view)
    }

    /// Calls `f` with the subject of every entry, in [`Memory::entries`]
    /// order, as [`Entry::subject`] gives it (its kept features included),
    /// but decoded into one reused [`Account`]: no new strings per account
    /// once the first few have grown them (`tests/decode_into_props.rs`).
    /// The walk for scoring every remembered account.
    pub fn for_each_subject(&self, mut f: impl FnMut(&Subject<'_>)) {
        let mut account = Account::default();
        for slot in self.slots.iter().flatten() {
            slot.with_subject(&mut account, &mut f);
        }
    }

    /// Calls `f` with the subject of the entry `id` / `handle` names (as
    /// [`Memory::get`] finds it), decoded into `scratch` (its strings'
    /// capacity reused across calls); `None` when memory does not know it.
    pub fn with_subject<R>(
        &self,
        id: Option<&str>,
        handle: Option<&str>,
        scratch: &mut Account,
        f: impl FnOnce(&Subject<'_>) -> R,
    ) -> Option<R> {
        let slot = self.key_of(id, handle).and_then(|i| self.slot(i))?;
        Some(slot.with_subject(scratch, f))
    }

    fn slot(&self, i: u32) -> Option<&Slot> {
        self.slots.get(i as usize).and_then(Option::as_ref)
    }

    /// The slot of an entry by its id.
    fn find_id(&self, id: &str) -> Option<u32> {
        match compact::canonical_number(id) {
            Some(n) => self.find_number(n),
            None => self.by_text.get(format!("#{id}").as_str()).copied(),
        }
    }

    fn find_number(&self, n: u64) -> Option<u32> {
        let slots = &self.slots;
        self.by_id.get(compact::hash_number(n), &n, |i| {
            id_at(slots, i) == IdRef::Num(n)
        })
    }

    /// The slot of an entry by its memory key.
    fn find_key(&self, key: &str) -> Option<u32> {
        if let Some(n) = key.strip_prefix('#').and_then(compact::canonical_number) {
            return self.find_number(n);
        }
        self.by_text.get(key).copied()
    }

    /// The slot holding `handle` now.
    /// (Any case: the hash and the check fold it; the overflow, rarely used,
    /// is keyed lower-case.)
    fn holder(&self, handle: &str) -> Option<u32> {
        let slots = &self.slots;
        let h = compact::hash_folded(handle.as_bytes());
        let holds = |i| has_handle(slots, i, handle);
        if self.by_handle.has_overflow() && handle.bytes().any(|b| b.is_ascii_uppercase()) {
            return self
                .by_handle
                .get(h, handle.to_ascii_lowercase().as_str(), holds);
        }
        self.by_handle.get(h, handle, holds)
    }

    fn key_of(&self, id: Option<&str>, handle: Option<&str>) -> Option<u32> {
        let id = id.filter(|i| !i.is_empty());
        if let Some(id) = id {
            if let Some(i) = self.find_id(id) {
                return Some(i);
            }
        }
        let holder = self.holder(&handle_key(handle?))?;
        let theirs = id_at(&self.slots, holder);
        match id {
            Some(mine) if theirs != IdRef::None && !theirs.is(mine) => None,
            _ => Some(holder),
        }
    }

    /// Puts a slot in, under its key, holding its handle when `hold`.
    fn put(&mut self, slot: Slot, hold: bool) -> u32 {
        let i = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push(None);
                u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX)
            }
        };
        if let Some(place) = self.slots.get_mut(i as usize) {
            *place = Some(slot);
        }
        self.count += 1;
        let slots = &self.slots;
        let Some(Some(slot)) = slots.get(i as usize) else {
            return i;
        };
        let (id, handle) = compact::id_and_handle(&slot.blob);
        let number = match id {
            IdRef::Num(n) => Some(n),
            _ => None,
        };
        match number {
            Some(n) => {
                self.by_id.insert(
                    compact::hash_number(n),
                    || n,
                    i,
                    |s| id_at(slots, s) == IdRef::Num(n),
                );
            }
            None => {
                self.by_text.insert(slot.key().into_boxed_str(), i);
            }
        }
        if hold && !handle.is_empty() {
            self.by_handle.insert(
                compact::hash_folded(handle.as_bytes()),
                || handle.to_ascii_lowercase().into_boxed_str(),
                i,
                |s| has_handle(slots, s, handle),
            );
        }
        i
    }

    /// Stops `i` answering to `handle` (any case) when it holds it.
    fn release_handle(&mut self, handle: &str, i: u32) {
        let h = compact::hash_folded(handle.as_bytes());
        let lower = handle.to_ascii_lowercase();
        self.by_handle.remove(h, lower.as_str(), i);
    }

    /// Takes a slot out, freeing its key and its handle if it held it; its
    /// stored sizes wait in the tracker until the key is back or gone.
    fn take(&mut self, i: u32) -> Option<(String, Slot)> {
        let slot = self.slots.get_mut(i as usize)?.take()?;
        let key = slot.key();
        match compact::id(&slot.blob) {
            IdRef::Num(n) => self.by_id.remove(compact::hash_number(n), &n, i),
            _ => {
                if self.by_text.get(key.as_str()) == Some(&i) {
                    self.by_text.remove(key.as_str());
                }
            }
        }
        let handle = compact::handle(&slot.blob).to_ascii_lowercase();
        self.release_handle(&handle, i);
        self.free.push(i);
        self.count -= 1;
        self.tracker.gone(&key);
        self.tracker.detach(&key, slot.sizes(), slot.paged());
        Some((key, slot))
    }

    /// Takes an entry out, freeing its handle if it held it.
    fn remove(&mut self, i: u32) -> Option<EntryData> {
        self.take(i).map(|(_, slot)| slot.into_data())
    }

    /// Remembers one observation of an account: the new facts win, older facts
    /// fill what the new observation lacks, and changed counts are kept as history.
    pub fn remember_account(&mut self, mut account: Account, now: i64) {
        bounds::account(&mut account);
        let existing = self.key_of(account.id.as_deref(), Some(&account.handle));
        if account.handle.is_empty() && existing.is_none() {
            return;
        }
        let held = existing.and_then(|i| self.remove(i));
        let held_key = held.as_ref().map(|e| entry_key(&e.account));
        let mut entry = held.unwrap_or_default();
        let mut merged = account;
        merged.fill_from(&entry.account);
        if merged.observed_at.is_none() {
            merged.observed_at = Some(now);
        }
        let at = merged.observed_at.unwrap_or(now);
        entry.account = merged;
        entry.last_seen = now;
        entry.record_snapshot(at);
        // The same entry under the same key: its posts and interactions
        // records stand as stored.
        let continued = held_key.is_some_and(|k| k == entry_key(&entry.account));
        self.insert(entry, continued);
        self.evict_if_full();
    }

    /// The slot `i`'s parts that posts and interactions change, and whether
    /// its records were written; the entry's key.
    fn extra_mut(&mut self, i: u32) -> Option<(String, bool, &mut Slot)> {
        let slot = self.slots.get_mut(i as usize)?.as_mut()?;
        let key = slot.key();
        // Written as loose records (a paged entry's first change writes it whole).
        let stored = slot.sizes()[0] > 0 && !slot.paged();
        slot.extra.get_or_insert_with(Box::default);
        Some((key, stored, slot))
    }

    /// Remembers a post under its author, when the author is known.
    pub fn remember_tweet(&mut self, mut tweet: Tweet, now: i64) {
        bounds::tweet(&mut tweet);
        let Some(i) = self.key_of(tweet.author_id.as_deref(), tweet.author_handle.as_deref())
        else {
            return;
        };
        let Some((key, stored, slot)) = self.extra_mut(i) else {
            return;
        };
        let mut kinds = ACCOUNT;
        let posts = slot.extra.as_deref_mut();
        if let Some(tweets) = posts.and_then(|x| x.tweets.get_mut(&slot.blob)) {
            let same = tweets.iter().position(|t| same_post(t, &tweet));
            // A post read from the page gives way to the same post in X's data.
            let replace = same.filter(|&i| {
                tweet.source != Source::Page
                    && tweets.get(i).is_some_and(|t| t.source == Source::Page)
            });
            if let Some(i) = replace {
                tweets.remove(i);
            }
            if same.is_none() || replace.is_some() {
                tweets.push(tweet);
                crate::sort::by_key(tweets, |t| t.created_at.unwrap_or(i64::MIN));
                keep_newest(tweets, TWEETS_PER_ACCOUNT);
                kinds |= TWEETS;
                slot.features.clear();
            }
        }
        if slot.extra.as_deref().is_some_and(Extra::is_empty) {
            slot.extra = None;
        }
        slot.last_seen = now;
        self.tracker.mark(&key, kinds, stored);
    }

    /// Remembers an interaction with the viewer; the account is created by handle if new.
    pub fn remember_interaction(&mut self, mut interaction: Interaction, now: i64) {
        bounds::interaction(&mut interaction);
        let handle = handle_key(&interaction.handle);
        if handle.is_empty() {
            return;
        }
        if self.holder(&handle).is_none() {
            let account = Account::with_handle(
                interaction.handle.trim_start_matches('@'),
                interaction.source,
            );
            self.remember_account(account, now);
        }
        let Some(i) = self.holder(&handle) else {
            return;
        };
        let Some((key, stored, slot)) = self.extra_mut(i) else {
            return;
        };
        let mut kinds = ACCOUNT;
        if let Some(extra) = slot.extra.as_deref_mut() {
            let interactions = &mut extra.interactions;
            // The same notification read again (X moves an aggregated one's
            // time as more people act) is the same interaction; and the page
            // draws its notifications from that data, so once X's data gave
            // this kind for this account, the page's row of it adds nothing.
            let page_copy =
                interaction.source == Source::Page && interaction.notification.is_none();
            let duplicate = interactions.iter().any(|i| {
                i.kind == interaction.kind
                    && ((i.at == interaction.at && i.at.is_some())
                        || (i.notification.is_some()
                            && (page_copy || i.notification == interaction.notification)))
            });
            if !duplicate {
                interactions.push(interaction);
                crate::sort::by_key(interactions, |i| i.at.unwrap_or(i64::MIN));
                keep_newest(interactions, INTERACTIONS_PER_ACCOUNT);
                kinds |= INTERACTIONS;
            }
        }
        if slot.extra.as_deref().is_some_and(Extra::is_empty) {
            slot.extra = None;
        }
        slot.last_seen = now;
        self.tracker.mark(&key, kinds, stored);
    }

    /// Remembers everything a reader found: accounts first, then their tweets and interactions.
    pub fn remember(&mut self, observations: Observations, now: i64) {
        for account in observations.accounts {
            self.remember_account(account, now);
        }
        for tweet in observations.tweets {
            self.remember_tweet(tweet, now);
        }
        for interaction in observations.interactions {
            self.remember_interaction(interaction, now);
        }
    }

    /// Remembers what a page showed of an account (`read::dom`), known as
    /// `id` / `handle`: what is remembered from X's data wins for counts, the
    /// page fills gaps and is the fresher word on relationships. Accounts the
    /// page showed without a handle are ignored.
    pub fn remember_page_account(
        &mut self,
        shown: Account,
        id: Option<&str>,
        handle: Option<&str>,
        now: i64,
    ) {
        if shown.handle.is_empty() {
            return;
        }
        let merged = match self.get(id, handle) {
            Some(known) => {
                let mut base = known.account;
                base.fill_from(&shown);
                base.follows_you = shown.follows_you.or(base.follows_you);
                base.you_follow = shown.you_follow.or(base.you_follow);
                base
            }
            None => shown,
        };
        self.remember_account(merged, now);
    }

    /// Remembers a post read from the page under its author (a post is
    /// evidence enough that its author exists). False when it names no author.
    pub fn remember_page_tweet(&mut self, tweet: Tweet, now: i64) -> bool {
        let Some(handle) = tweet.author_handle.clone() else {
            return false;
        };
        if self.get(None, Some(&handle)).is_none() {
            self.remember_account(Account::with_handle(handle, Source::Page), now);
        }
        self.remember_tweet(tweet, now);
        true
    }

    /// Remembers an interaction read from the notifications page. `at` is in
    /// unix seconds; without a usable one the interaction is dated `now`,
    /// unless one of the same kind was recorded for that account within
    /// [`UNTIMED_REPEAT_S`] (the same notification seen again).
    pub fn remember_page_interaction(
        &mut self,
        handle: &str,
        kind: InteractionKind,
        at: Option<f64>,
        now: i64,
    ) -> PageInteraction {
        let handle = handle.trim_start_matches('@');
        if !valid_handle(handle) {
            return PageInteraction::NoValidHandle;
        }
        let timed = at
            .filter(|a| a.is_finite() && *a > 0.0)
            .map(|a| a as i64)
            .filter(|a| *a <= now + UNTIMED_REPEAT_S);
        if timed.is_none() {
            let repeat = self.get(None, Some(handle)).is_some_and(|e| {
                e.interactions
                    .iter()
                    .any(|i| i.kind == kind && i.at.is_some_and(|a| a >= now - UNTIMED_REPEAT_S))
            });
            if repeat {
                return PageInteraction::Repeat;
            }
        }
        self.remember_interaction(
            Interaction {
                handle: handle.to_string(),
                kind,
                at: Some(timed.unwrap_or(now)),
                source: Source::Page,
                notification: None,
            },
            now,
        );
        PageInteraction::Recorded
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.slots = Vec::new();
        self.free = Vec::new();
        self.count = 0;
        self.by_id.clear();
        self.by_text = HashMap::new();
        self.by_handle.clear();
        self.tracker.replace_all();
    }

    /// Adds an entry that holds its handle from now on. An id-less entry that
    /// held the handle is folded into it; an entry with another id keeps its
    /// own history (and its last-seen handle) but no longer answers to it.
    /// `continued`: the entry is the one held before under the same key with
    /// new facts (its posts and interactions as stored); else any records
    /// still stored under its key (an entry evicted or moved since the last
    /// save) are all written over.
    fn insert(&mut self, mut entry: EntryData, continued: bool) {
        let key = entry_key(&entry.account);
        let handle = entry.account.key();
        let mut kinds = if continued { ACCOUNT } else { ALL };
        if !handle.is_empty() {
            if let Some(previous) = self.holder(&handle) {
                let previous_key = self.slot(previous).map(Slot::key);
                if previous_key.as_deref() != Some(key.as_str()) {
                    if previous_key.is_some_and(|p| p.starts_with('@')) {
                        if let Some(orphan) = self.remove(previous) {
                            absorb(&mut entry, orphan);
                            kinds = ALL;
                        }
                    } else {
                        self.release_handle(&handle, previous);
                    }
                }
            }
        }
        if let Some(old) = self.find_key(&key) {
            // The same key already held (not expected): nothing it had is lost.
            if let Some(old) = self.remove(old) {
                absorb(&mut entry, old);
                kinds = ALL;
            }
        }
        // Its key's records as stored: loose ones are changed kind by kind,
        // a paged entry is written whole (its loose records replace the page's).
        let (sizes, paged) = self.tracker.reattach(&key).unwrap_or_default();
        self.tracker.mark(&key, kinds, sizes != [0; 3] && !paged);
        let mut slot = Slot::of(entry, sizes);
        slot.set_paged(paged);
        self.put(slot, true);
    }

    /// Adds a loaded entry, newest first: an entry already loaded under the
    /// same key, or holding the same handle, was observed later and wins.
    /// False when the entry was left out.
    fn insert_loaded(&mut self, entry: EntryData) -> bool {
        let key = entry_key(&entry.account);
        let handle = entry.account.key();
        if self.find_key(&key).is_some() {
            return false;
        }
        let hold = !handle.is_empty() && self.holder(&handle).is_none();
        if !hold && key.starts_with('@') {
            // An id-less entry whose handle a newer entry holds: unreachable.
            return false;
        }
        self.put(Slot::of(entry, [0; 3]), hold);
        true
    }

    fn evict_if_full(&mut self) {
        if self.count > self.capacity {
            // Evict a tenth at once so the scan is paid rarely.
            let target = self.capacity - self.capacity / 10;
            self.evict_to(target);
        }
    }

    /// Every slot, least recently seen first (ties by key, so eviction does
    /// not depend on where an entry sits).
    fn oldest_first(&self) -> Vec<u32> {
        let mut by_age: Vec<(i64, u32)> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|s| (s.last_seen, i as u32)))
            .collect();
        crate::sort::values(&mut by_age);
        let mut out = Vec::with_capacity(by_age.len());
        for group in by_age.chunk_by(|a, b| a.0 == b.0) {
            if let [(_, only)] = group {
                out.push(*only);
                continue;
            }
            let mut keyed: Vec<(String, u32)> = group
                .iter()
                .filter_map(|&(_, i)| self.slot(i).map(|s| (s.key(), i)))
                .collect();
            crate::sort::values(&mut keyed);
            out.extend(keyed.into_iter().map(|(_, i)| i));
        }
        out
    }

    fn evict_to(&mut self, target: usize) {
        if self.count <= target {
            return;
        }
        let excess = self.count - target;
        for i in self.oldest_first().into_iter().take(excess) {
            self.take(i);
        }
        self.tracker.evicted(excess);
    }

    /// The whole store as JSON, for chrome.storage or an export file.
    pub fn to_json(&self) -> String {
        self.to_json_within(usize::MAX).json
    }

    /// The store as JSON of at most `max_bytes` (UTF-8) bytes: the most
    /// recently seen accounts that fit, newest first, in the same format as
    /// [`Memory::to_json`] (so [`Memory::from_json`] reads it). When not even
    /// the empty store fits, `json` is that empty store anyway (`kept` 0).
    pub fn to_json_within(&self, max_bytes: usize) -> Trimmed {
        let mut slots: Vec<&Slot> = self.slots.iter().flatten().collect();
        crate::sort::by_key(&mut slots, |s| std::cmp::Reverse(s.last_seen));
        let total = slots.len();
        // Written as serde_json would write `Saved`, one entry at a time, so
        // the budget is checked on exact bytes.
        let head = crate::json_out::to_json(&Saved {
            version: FORMAT_VERSION,
            capacity: self.capacity,
            entries: Vec::new(),
        });
        // `head` ends with `[]}`: entries go between the brackets.
        let (open, close) = head.split_at(head.len().saturating_sub(2));
        let mut json = String::from(open);
        let mut kept = 0;
        for slot in slots {
            let entry = slot.view();
            let text = crate::json_out::to_json(&SavedEntry::of(&entry));
            let comma = usize::from(kept > 0);
            if json.len() + comma + text.len() + close.len() > max_bytes {
                break;
            }
            if comma == 1 {
                json.push(',');
            }
            json.push_str(&text);
            kept += 1;
        }
        json.push_str(close);
        Trimmed { json, kept, total }
    }

    /// [`Memory::to_json`] as serde's derives write it (native only, not in
    /// the wasm): the oracle `tests/json_out_props.rs` holds the hand-written
    /// text equal to.
    #[doc(hidden)]
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json_by_serde(&self) -> String {
        let mut slots: Vec<&Slot> = self.slots.iter().flatten().collect();
        crate::sort::by_key(&mut slots, |s| std::cmp::Reverse(s.last_seen));
        let views: Vec<_> = slots.iter().map(|s| s.view()).collect();
        serde_json::to_string(&Saved {
            version: FORMAT_VERSION,
            capacity: self.capacity,
            entries: views.iter().map(SavedEntry::of).collect(),
        })
        .unwrap_or_default()
    }

    /// Loads saved JSON. Entries that do not parse are skipped, not fatal.
    pub fn from_json(text: &str) -> Result<Memory, MemoryError> {
        let mut loaded: Vec<EntryData> = Vec::new();
        let head = crate::read::objects::saved_memory(text, &mut |entry| {
            loaded.extend(load_entry(entry));
        })
        .map_err(|e| MemoryError::NotJson(e.to_string()))?;
        if head.version > FORMAT_VERSION {
            return Err(MemoryError::NewerVersion(head.version));
        }
        let mut memory = Memory::new(head.capacity.unwrap_or(DEFAULT_CAPACITY));
        // Newest first, whatever order the file has: the account last
        // observed with a handle keeps it (a post or interaction seen later
        // does not make an old holder newer). Ties go to an account with an
        // id, then by key, so the same entries load the same in any order
        // (an export re-imports whole).
        crate::sort::by_cached_key(&mut loaded, |e| {
            let key = entry_key(&e.account);
            std::cmp::Reverse((
                e.account.observed_at.unwrap_or(e.last_seen),
                e.last_seen,
                key.starts_with('#'),
                std::cmp::Reverse(key),
            ))
        });
        for entry in loaded {
            memory.insert_loaded(entry);
        }
        memory.evict_to(memory.capacity);
        // Loaded whole: the records are all to be written, into an emptied store.
        memory.tracker.replace_all();
        Ok(memory)
    }
}

/// One saved entry (its JSON text), in the lean form or the older one (every field written,
/// `null` for missing facts); `None` when it is not an entry.
fn load_entry(text: &str) -> Option<EntryData> {
    use crate::read::objects::{entry_data, from_text};
    let (entry, has_history) = from_text(text, entry_data).ok()?;
    load_entry_parts(entry, has_history)
}

/// A loaded entry made safe and in order (the caps, sorted lists, the implied
/// history when none was `written`, posts' authors); `None` without a handle.
fn load_entry_parts(mut entry: EntryData, written: bool) -> Option<EntryData> {
    let has_history = written;
    bounds::account(&mut entry.account);
    // Handles are kept without `@`, as they are looked up (a file may write one).
    if entry.account.handle.starts_with('@') {
        entry.account.handle = entry.account.handle.trim_start_matches('@').to_string();
    }
    if entry.account.handle.is_empty() {
        return None;
    }
    let a = &entry.account;
    settle_lists(
        &mut entry.tweets,
        &mut entry.history,
        &mut entry.interactions,
        a.id.as_deref(),
        &a.handle,
    );
    if !has_history {
        entry.history = implied_history(&entry.account);
    }
    Some(entry)
}

/// A loaded entry's lists made safe and in order, for the account `id` /
/// `handle` (capped as it is): the caps, oldest first and the newest kept,
/// interactions with a handle, posts' authors filled in where left out.
fn settle_lists(
    tweets: &mut Vec<Tweet>,
    history: &mut Vec<Snapshot>,
    interactions: &mut Vec<Interaction>,
    id: Option<&str>,
    handle: &str,
) {
    // A file may hold anything: the same caps as when remembering.
    interactions.iter_mut().for_each(bounds::interaction);
    interactions.retain(|i| !i.handle.is_empty());
    // Oldest first, as remembering keeps them (a stable sort: saved memory is
    // already in order), so the newest are the ones kept.
    crate::sort::by_key(history, |h| h.at);
    crate::sort::by_key(interactions, |i| i.at.unwrap_or(i64::MIN));
    keep_newest(history, SNAPSHOTS_PER_ACCOUNT);
    keep_newest(interactions, INTERACTIONS_PER_ACCOUNT);
    settle_tweets(tweets, id, handle);
}

/// [`settle_lists`] for the posts alone: capped, oldest first, the newest
/// [`TWEETS_PER_ACCOUNT`] kept, their authors filled in where left out.
fn settle_tweets(tweets: &mut Vec<Tweet>, id: Option<&str>, handle: &str) {
    tweets.iter_mut().for_each(bounds::tweet);
    crate::sort::by_key(tweets, |t| t.created_at.unwrap_or(i64::MIN));
    keep_newest(tweets, TWEETS_PER_ACCOUNT);
    for t in tweets {
        if t.author_id.is_none() && t.author_handle.is_none() {
            t.author_id = id.map(str::to_string);
            t.author_handle = Some(handle.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InteractionKind, Source};

    fn acct(handle: &str, id: &str, followers: u64) -> Account {
        Account {
            id: Some(id.into()),
            followers: Some(followers),
            following: Some(10),
            ..Account::with_handle(handle, Source::Graphql)
        }
    }

    /// Whether the entry of `id` still holds its stored posts record.
    fn holds_record(m: &Memory, id: &str) -> bool {
        let i = m.find_key(&format!("#{id}")).expect("remembered");
        m.slots[i as usize]
            .as_ref()
            .and_then(|s| s.extra.as_deref())
            .is_some_and(|x| x.tweets.with_record(|r| r.is_some()))
    }

    #[test]
    fn posts_read_after_a_restore_are_held_once() {
        let mut m = Memory::new(10);
        m.remember_account(acct("ann", "1", 5), 100);
        let post = Tweet {
            id: Some("7".into()),
            author_id: Some("1".into()),
            author_handle: Some("ann".into()),
            text: "hello".into(),
            created_at: Some(90),
            ..Tweet::default()
        };
        m.remember_tweet(post, 100);
        let _ = m.take_changes();
        let pages: Vec<Vec<u8>> = m.pages().collect();
        let mut back = Memory::new(10);
        back.restore_begin(10);
        for p in &pages {
            assert!(back.restore_page(p));
        }
        let _ = back.restore_finish();
        assert!(
            holds_record(&back, "1"),
            "restored posts wait as their record"
        );
        let e = back.get(Some("1"), None).expect("restored");
        assert_eq!(e.tweets.len(), 1);
        assert!(!holds_record(&back, "1"), "decoded, the record is let go");
        let again: Vec<Vec<u8>> = back.pages().collect();
        assert_eq!(again, pages, "written again from the posts: the same bytes");
    }

    #[test]
    fn joins_by_id_and_by_handle_case_insensitively() {
        let mut m = Memory::new(10);
        m.remember_account(acct("Ann", "1", 5), 100);
        assert!(m.get(Some("1"), None).is_some());
        assert!(m.get(None, Some("@ANN")).is_some());
        assert!(m.get(Some("2"), Some("bob")).is_none());
    }

    #[test]
    fn newer_facts_win_and_older_fill_gaps_and_history_records_changes() {
        let mut m = Memory::new(10);
        let mut first = acct("ann", "1", 5);
        first.bio = Some("hello".into());
        m.remember_account(first, 100);
        m.remember_account(acct("ann", "1", 5), 150);
        m.remember_account(acct("ann", "1", 9), 200);
        let e = m.get(Some("1"), None).expect("remembered");
        assert_eq!(e.account.followers, Some(9));
        assert_eq!(e.account.bio.as_deref(), Some("hello"));
        assert_eq!(e.history.len(), 2, "unchanged counts are not repeated");
        assert_eq!(e.history[1].followers, Some(9));
    }

    #[test]
    fn evicts_least_recently_seen_beyond_capacity() {
        let mut m = Memory::new(10);
        for i in 0..10 {
            m.remember_account(acct(&format!("u{i}"), &i.to_string(), 1), i);
        }
        // Touch the oldest so it survives.
        m.remember_account(acct("u0", "0", 2), 50);
        m.remember_account(acct("new", "99", 1), 60);
        assert!(m.len() <= 10);
        assert!(m.get(None, Some("u0")).is_some(), "recently seen survives");
        assert!(m.get(None, Some("u1")).is_none(), "oldest is evicted");
        assert!(
            m.get(Some("1"), None).is_none(),
            "id index follows eviction"
        );
        assert!(m.get(None, Some("new")).is_some());
    }

    #[test]
    fn saving_within_a_size_keeps_the_most_recently_seen_that_fit() {
        let mut m = Memory::new(100);
        for i in 0..40 {
            m.remember_account(acct(&format!("user{i:02}"), &i.to_string(), 7), i);
        }
        let all = m.to_json_within(usize::MAX);
        assert_eq!(
            all.json,
            m.to_json(),
            "no limit: the whole store, as to_json"
        );
        assert_eq!((all.kept, all.total), (40, 40));
        let budget = all.json.len() / 3;
        let cut = m.to_json_within(budget);
        assert!(cut.json.len() <= budget, "{} > {budget}", cut.json.len());
        assert!(cut.kept > 0 && cut.kept < 40, "kept {}", cut.kept);
        assert_eq!(cut.total, 40);
        let back = Memory::from_json(&cut.json).expect("the cut memory loads");
        assert_eq!(back.len(), cut.kept);
        let oldest_kept = back.entries().map(|e| e.last_seen).min().unwrap_or(0);
        for e in m.entries() {
            let kept = back.get(None, Some(&e.account.handle)).is_some();
            assert_eq!(kept, e.last_seen >= oldest_kept, "{}", e.account.handle);
        }
        // One entry more would not have fitted.
        let one_more = m.to_json_within(cut.json.len() + 1);
        assert_eq!(one_more.kept, cut.kept);
        let nothing = m.to_json_within(0);
        assert_eq!(nothing.kept, 0);
        assert_eq!(Memory::from_json(&nothing.json).map(|m| m.len()), Ok(0));
    }

    #[test]
    fn page_accounts_fill_gaps_and_refresh_relationships_only() {
        let mut m = Memory::new(10);
        let mut known = acct("ann", "1", 500);
        known.you_follow = Some(false);
        m.remember_account(known, 1);
        let mut shown = Account::with_handle("ann", Source::Page);
        shown.followers = Some(12);
        shown.bio = Some("from the page".into());
        shown.you_follow = Some(true);
        m.remember_page_account(shown, Some("1"), Some("ann"), 2);
        let ann = m.get(None, Some("ann")).expect("ann");
        assert_eq!(ann.account.followers, Some(500), "X's data wins for counts");
        assert_eq!(ann.account.bio.as_deref(), Some("from the page"));
        assert_eq!(
            ann.account.you_follow,
            Some(true),
            "the page is fresher on relationships"
        );
        m.remember_page_account(Account::default(), None, None, 3);
        assert_eq!(m.len(), 1, "no handle, nothing remembered");
    }

    #[test]
    fn page_interactions_need_a_handle_and_untimed_repeats_count_once() {
        let mut m = Memory::new(10);
        let now = 1_000_000;
        let liked = InteractionKind::Liked;
        assert_eq!(
            m.remember_page_interaction("@Bob", liked, None, now),
            PageInteraction::Recorded
        );
        assert_eq!(
            m.remember_page_interaction("bob", liked, None, now + 60),
            PageInteraction::Repeat
        );
        assert_eq!(
            m.remember_page_interaction("bob", liked, Some(500_000.0), now),
            PageInteraction::Recorded,
            "a timed one is its own interaction"
        );
        assert_eq!(
            m.remember_page_interaction("not a handle", liked, None, now),
            PageInteraction::NoValidHandle
        );
        assert_eq!(
            m.remember_page_interaction("sixteen_chars_xx", liked, None, now),
            PageInteraction::NoValidHandle
        );
        assert_eq!(
            m.remember_page_interaction("bob", liked, None, now + UNTIMED_REPEAT_S + 1),
            PageInteraction::Recorded,
            "a day later it is a new one"
        );
        assert_eq!(
            m.get(None, Some("bob")).map(|e| e.interactions.len()),
            Some(3)
        );
    }

    #[test]
    fn page_posts_create_their_author() {
        let mut m = Memory::new(10);
        let post = Tweet {
            id: Some("5".into()),
            author_handle: Some("dana".into()),
            source: Source::Page,
            ..Tweet::default()
        };
        assert!(m.remember_page_tweet(post, 1));
        assert_eq!(m.get(None, Some("dana")).map(|e| e.tweets.len()), Some(1));
        assert!(!m.remember_page_tweet(Tweet::default(), 1), "no author");
    }

    #[test]
    fn tweets_and_interactions_attach_bounded_and_deduplicated() {
        let mut m = Memory::new(10);
        m.remember_account(acct("ann", "1", 5), 0);
        for i in 0..(TWEETS_PER_ACCOUNT + 5) {
            let t = Tweet {
                id: Some(i.to_string()),
                author_id: Some("1".into()),
                created_at: Some(i as i64),
                ..Tweet::default()
            };
            m.remember_tweet(t.clone(), 1);
            m.remember_tweet(t, 1);
        }
        let like = Interaction {
            handle: "Bob".into(),
            kind: InteractionKind::Liked,
            at: Some(5),
            source: Source::Page,
            notification: None,
        };
        m.remember_interaction(like.clone(), 2);
        m.remember_interaction(like, 2);
        let ann = m.get(None, Some("ann")).expect("ann");
        assert_eq!(ann.tweets.len(), TWEETS_PER_ACCOUNT);
        assert_eq!(ann.tweets.last().and_then(|t| t.created_at), Some(44));
        let bob = m
            .get(None, Some("bob"))
            .expect("interaction creates the account");
        assert_eq!(bob.interactions.len(), 1);
    }

    #[test]
    fn posts_from_x_data_replace_the_same_posts_read_from_the_page() {
        let mut m = Memory::new(10);
        m.remember_account(acct("ann", "1", 5), 0);
        let post = |id: &str, kind: TweetKind, text: &str, source: Source| Tweet {
            id: Some(id.into()),
            author_handle: Some("ann".into()),
            text: text.into(),
            kind,
            created_at: Some(10),
            source,
            ..Tweet::default()
        };
        // Page first, then X's data: X's data wins.
        m.remember_tweet(post("5", TweetKind::Original, "hi", Source::Page), 1);
        m.remember_tweet(post("5", TweetKind::Original, "hi", Source::Graphql), 1);
        // X's data first: the page's copy is skipped.
        m.remember_tweet(post("6", TweetKind::Original, "yo", Source::Graphql), 1);
        m.remember_tweet(post("6", TweetKind::Original, "yo", Source::Page), 1);
        // A repost on the page carries the original's id; X's data the repost's own.
        m.remember_tweet(
            post("70", TweetKind::Repost, "their words", Source::Page),
            1,
        );
        m.remember_tweet(
            post("71", TweetKind::Repost, "their words", Source::Graphql),
            1,
        );
        m.remember_tweet(
            post("72", TweetKind::Repost, "their words", Source::Page),
            1,
        );
        // Two page reposts of different posts are both kept.
        m.remember_tweet(post("80", TweetKind::Repost, "other", Source::Page), 1);
        let ann = m.get(None, Some("ann")).expect("ann");
        let ids: Vec<(&str, Source)> = ann
            .tweets
            .iter()
            .map(|t| (t.id.as_deref().unwrap_or(""), t.source))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("5", Source::Graphql),
                ("6", Source::Graphql),
                ("71", Source::Graphql),
                ("80", Source::Page),
            ]
        );
    }

    #[test]
    fn json_round_trip_and_bad_input() {
        let mut m = Memory::new(7);
        m.remember_account(acct("ann", "1", 5), 10);
        let back = Memory::from_json(&m.to_json()).expect("round trip");
        assert_eq!(back.capacity(), 7);
        assert_eq!(
            back.get(Some("1"), None).map(|e| e.account.followers),
            Some(Some(5))
        );
        assert!(matches!(
            Memory::from_json("{oops"),
            Err(MemoryError::NotJson(_))
        ));
        assert!(matches!(
            Memory::from_json(r#"{"version":99,"entries":[]}"#),
            Err(MemoryError::NewerVersion(99))
        ));
        let partial =
            Memory::from_json(r#"{"version":1,"entries":[42,{"account":{"handle":"x"}}]}"#)
                .expect("bad entries are skipped");
        assert_eq!(partial.len(), 1);
    }

    /// A typical account from a followers list: every profile fact X sends,
    /// an 80-character bio, seen once.
    fn typical(i: usize) -> Account {
        Account {
            id: Some(format!("{}", 1_500_000_000_000_000_000u64 + i as u64)),
            name: Some(format!("Jane Doe {i}")),
            bio: Some(format!(
                "{i:04} Writer & climber. Coffee, maps and bad puns. Opinions are my own, mostly."
            )),
            location: Some("Lisbon, Portugal".into()),
            url: None,
            created_at: Some(1_400_000_000 + i as i64),
            followers: Some(812 + i as u64),
            following: Some(403),
            tweets: Some(3120),
            likes: Some(5210),
            listed: Some(4),
            media: Some(120),
            default_avatar: Some(false),
            default_profile: Some(false),
            verified: Some(false),
            blue_verified: Some(false),
            protected: Some(false),
            follows_you: Some(true),
            you_follow: Some(false),
            ..Account::with_handle(format!("jane_doe_{i:04}"), Source::Graphql)
        }
    }

    fn post(i: usize, author: &Account) -> Tweet {
        Tweet {
            id: Some(format!("{}", 1_700_000_000_000_000_000u64 + i as u64)),
            author_id: author.id.clone(),
            author_handle: Some(author.handle.clone()),
            text: format!("{i:03} Shipping a new release today: faster, fewer allocations and better errors. Notes in the thread."),
            created_at: Some(1_699_000_000 + i as i64 * 3600),
            urls: if i % 4 == 0 { vec!["https://example.com/p/1".into()] } else { Vec::new() },
            ..Tweet::default()
        }
    }

    /// Saved bytes per account, with `tweets` posts each.
    fn saved_bytes_per_account(tweets: usize) -> (usize, Memory) {
        const N: usize = 200;
        let mut m = Memory::new(N);
        for i in 0..N {
            let a = typical(i);
            let posts: Vec<Tweet> = (0..tweets).map(|t| post(t, &a)).collect();
            m.remember_account(a, 1_700_000_000);
            for t in posts {
                m.remember_tweet(t, 1_700_000_000);
            }
        }
        (m.to_json().len() / N, m)
    }

    #[test]
    fn saved_memory_is_lean_for_profile_only_accounts() {
        let (bytes, m) = saved_bytes_per_account(0);
        // The 20 facts' names (kept readable), `last_seen` and the empty post and
        // interaction lists cost 287 bytes, the id, handle, counts, flags and
        // times ~130, the 80-character bio, name and location ~115: 550 leaves
        // no room for `null`s, the default source, or a history that only repeats
        // the account's counts (the version-1 writer used ~640 bytes here).
        assert!(bytes < 550, "{bytes} bytes per profile-only account");
        let back = Memory::from_json(&m.to_json()).expect("loads");
        assert_eq!(back.len(), m.len());
        for e in m.entries() {
            let b = back.get(e.account.id.as_deref(), None).expect("kept");
            assert_eq!(b, e, "nothing lost in the lean form");
        }
    }

    #[test]
    fn saved_memory_keeps_the_newest_posts_with_their_authors() {
        let (bytes, m) = saved_bytes_per_account(TWEETS_PER_ACCOUNT);
        let (profile_only, _) = saved_bytes_per_account(0);
        let per_post = (bytes - profile_only) / SAVED_TWEETS_PER_ACCOUNT;
        // A post: 19-digit id, ~100-character text, time, sometimes a link.
        assert!(per_post < 200, "{per_post} bytes per saved post");
        let back = Memory::from_json(&m.to_json()).expect("loads");
        for e in m.entries() {
            let b = back.get(e.account.id.as_deref(), None).expect("kept");
            let skip = TWEETS_PER_ACCOUNT - SAVED_TWEETS_PER_ACCOUNT;
            assert_eq!(
                b.tweets.as_slice(),
                &e.tweets[skip..],
                "newest posts, authors restored"
            );
            assert_eq!(b.history, e.history);
            assert_eq!(b.last_seen, e.last_seen);
        }
    }

    #[test]
    fn saved_memory_writes_history_when_it_says_more() {
        let mut m = Memory::new(10);
        m.remember_account(acct("ann", "1", 5), 100);
        m.remember_account(acct("ann", "1", 9), 200);
        m.remember_interaction(
            Interaction {
                handle: "ann".into(),
                kind: InteractionKind::Replied,
                at: None,
                source: Source::Page,
                notification: None,
            },
            300,
        );
        m.remember_account(acct("bob", "2", 1), 50);
        let mut bob = acct("bob", "2", 1);
        bob.observed_at = None;
        m.remember_account(bob, 60);
        let back = Memory::from_json(&m.to_json()).expect("loads");
        for key in ["ann", "bob"] {
            assert_eq!(back.get(None, Some(key)), m.get(None, Some(key)), "{key}");
        }
        let ann = back.get(None, Some("ann")).expect("ann");
        assert_eq!(ann.history.len(), 2);
        assert_eq!(ann.last_seen, 300);
    }

    #[test]
    fn saved_posts_keep_authors_exactly_as_they_were() {
        let mut m = Memory::new(10);
        m.remember_account(acct("ann", "1", 5), 0);
        let by_id = Tweet {
            id: Some("7".into()),
            author_id: Some("1".into()),
            text: "known by id only".into(),
            created_at: Some(1),
            ..Tweet::default()
        };
        let by_both = Tweet {
            id: Some("8".into()),
            author_id: Some("1".into()),
            author_handle: Some("ann".into()),
            created_at: Some(2),
            ..Tweet::default()
        };
        m.remember_tweet(by_id, 1);
        m.remember_tweet(by_both, 1);
        let saved = m.to_json();
        assert_eq!(saved.matches("author_id").count(), 1, "{saved}");
        let back = Memory::from_json(&saved).expect("loads");
        assert_eq!(back.get(None, Some("ann")), m.get(None, Some("ann")));
    }

    #[test]
    fn version_1_memory_with_nulls_still_loads() {
        let old = r#"{"version":1,"capacity":500,"entries":[{"account":{"id":"1350004","handle":"jsmith","name":"John Smith","bio":"","location":"","url":null,"created_at":1739607164,"followers":3,"following":1204,"tweets":0,"likes":null,"listed":0,"media":0,"default_avatar":true,"default_profile":null,"verified":false,"blue_verified":false,"protected":false,"follows_you":true,"you_follow":false,"observed_at":1700000000,"source":"graphql"},"tweets":[{"id":"9","author_id":"1350004","author_handle":"jsmith","text":"hi","created_at":1699999000,"kind":"reply","reply_to":"ann","urls":[],"source":"page"}],"history":[],"interactions":[{"handle":"jsmith","kind":"liked","at":null,"source":"page"}],"last_seen":1700000500}]}"#;
        let m = Memory::from_json(old).expect("version 1 loads");
        assert_eq!(m.capacity(), 500);
        let e = m.get(Some("1350004"), None).expect("entry");
        assert_eq!(e.account.url, None);
        assert_eq!(e.account.likes, None);
        assert_eq!(e.account.bio.as_deref(), Some(""));
        assert_eq!(e.account.followers, Some(3));
        assert_eq!(e.account.default_avatar, Some(true));
        assert_eq!(e.history, Vec::new(), "a written empty history stays empty");
        assert_eq!(e.last_seen, 1_700_000_500);
        assert_eq!(e.tweets.len(), 1);
        assert_eq!(e.tweets[0].kind, TweetKind::Reply);
        assert_eq!(e.tweets[0].reply_to.as_deref(), Some("ann"));
        assert_eq!(e.tweets[0].source, Source::Page);
        assert_eq!(e.interactions.len(), 1);
        assert_eq!(e.interactions[0].at, None);
        // And it saves back in the lean form and loads the same.
        let again = Memory::from_json(&m.to_json()).expect("lean form loads");
        assert_eq!(again.get(Some("1350004"), None), Some(e));
        assert!(!m.to_json().contains("null"));
    }
}
