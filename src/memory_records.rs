//! Memory as per-account records for a key-value store (the service worker's
//! IndexedDB, extension/shared/memory-store.js): which records changed
//! since the last save ([`Memory::take_changes`]), their compact encoding, and
//! restoring from them ([`Memory::from_records`]). Pure: the store itself is
//! the caller's.
//!
//! Three kinds of record, one object store each, keyed by the memory key
//! (`#id` / `@handle`): `accounts` (the facts, count history, last seen),
//! `tweets` (the newest saved posts) and `interactions`. An account without
//! posts or interactions has no record of those kinds.
//!
//! Records are written in the binary form (`memory_binary.rs`: the account's
//! compact byte string itself, so a restore copies bytes instead of parsing
//! JSON); the JSON strings an older version wrote are still read, and
//! written again in the binary form at the next save.
//!
//! Pages: most of the memory is stored packed, [`PAGE_ACCOUNTS`] entries to
//! a value (`pages` store, [`Changes::pages`]), as reading a value costs
//! IndexedDB the same whatever its size. A save writes the entries changed
//! since as loose records (the three kinds above; the first change to an
//! entry read from a page writes all its kinds, so an entry's loose records
//! always replace its page copy whole) and the keys taken out as tombstones
//! (`gone`). When the loose records and tombstones pass [`loose_limit`] (or
//! after a clear, an import, [`Memory::rewrite_all`], a damaged page), the
//! save is a compaction: the whole memory in pages into an emptied store.
//! A restore reads the pages ([`Memory::restore_page`]), then the tombstones
//! ([`Memory::restore_forget`]), then the loose records
//! ([`Memory::restore_records`]).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{
    binary, compact, entry_key, load_entry_parts, saved_tweets, Entry, EntryData, Memory,
    SavedTweet, Slot, MAX_RESERVE,
};
use crate::model::{Account, Interaction, Snapshot, Tweet};
use compact::IdRef;

/// Record kinds, as bits of a changed-kinds mask.
pub(super) const ACCOUNT: u8 = 1;
pub(super) const TWEETS: u8 = 2;
pub(super) const INTERACTIONS: u8 = 4;
pub(super) const ALL: u8 = ACCOUNT | TWEETS | INTERACTIONS;

/// The top bit of a slot's `account_bytes`: the entry is stored in a page
/// only (no loose records of its own).
pub(super) const PAGED: u32 = 1 << 31;

/// Entries per page (the last page of a compaction holds the rest).
pub const PAGE_ACCOUNTS: usize = 1_000;

/// The restore cost model behind [`loose_limit`] (Chromium, IndexedDB's
/// reads and the core, as `tests/bench/idb-restore.mjs` measures a
/// restarted worker's restore on this project's 2-core machine, with a
/// margin): 2.2 ms per page of [`PAGE_ACCOUNTS`] entries (measured 1.7-1.9
/// ms: `restore_page_us`, the pages' reads and the core's, the loose
/// records' reads under way meanwhile), 30 µs per loose value (a loose
/// record or a tombstone: 25-37 µs when read after the pages, as before
/// the restore asked for them while the pages load; about 5 µs each now,
/// `restore_loose_value_us`, while the pages' reads leave IndexedDB time).
const PAGE_RESTORE_US: usize = 2_200;
const LOOSE_RESTORE_US: usize = 30;
/// What a restore may take at worst: 270 ms, a tenth under the 300 ms goal.
const RESTORE_BUDGET_US: usize = 270_000;
/// The limit never goes below this (a memory of more than ~109,000 entries,
/// whose pages alone take most of the budget, still compacts only every
/// 1,000 loose values), nor above [`MAX_LOOSE`] (a small memory's restore
/// stays short and its loose stores small; compacting a small memory is
/// cheap).
const MIN_LOOSE: usize = 1_000;
const MAX_LOOSE: usize = 4_000;

/// The compaction policy: how many loose values (loose records written since
/// the last pages, and tombstones) a memory of `accounts` entries may have in
/// its store; a save that would pass it is a compaction instead. It spends on
/// loose values what the pages leave of the restore budget:
/// `(270 ms - ceil(accounts / 1,000) x 2.2 ms) / 30 µs`, within
/// 1,000..=4,000. So 4,000 up to 68,000 entries, 1,666 at 100,000 (worst
/// restore about 100 x 2.2 + 1,666 x 0.030 = 270 ms), 1,000 from about
/// 109,000 up.
pub fn loose_limit(accounts: usize) -> usize {
    let pages = accounts.div_ceil(PAGE_ACCOUNTS);
    let left = RESTORE_BUDGET_US.saturating_sub(pages.saturating_mul(PAGE_RESTORE_US));
    (left / LOOSE_RESTORE_US).clamp(MIN_LOOSE, MAX_LOOSE)
}

/// Default cap on the stored bytes of all records: 100,000 accounts at about
/// 2 KB each (a profile ~0.4 KB, 20 saved posts ~3 KB for the few with posts).
pub const DEFAULT_MAX_BYTES: usize = 200 * 1024 * 1024;

/// What changed since the last save: what has been written, and what must be.
/// The bytes of each stored record live on the entry's slot; an entry taken
/// out keeps its sizes here until it is back under the same key or gone.
#[derive(Clone, Debug)]
pub(super) struct Tracker {
    /// Keys whose records changed, with the kinds that did.
    dirty: HashMap<String, u8>,
    /// Keys taken out (evicted, moved to an id, folded into another entry).
    gone: HashSet<String>,
    /// Stored sizes (account, tweets, interactions) of entries taken out,
    /// and whether they were paged.
    detached: HashMap<String, ([u32; 3], bool)>,
    stored_bytes: usize,
    /// Accounts evicted since the last save.
    evicted: usize,
    /// The store must be emptied before this save's records are written.
    cleared: bool,
    /// A page could not be read at the restore: the next save compacts.
    damaged: bool,
    /// Loose values (records and tombstones) in the store since the last
    /// pages, as counted at each save (and read at the restore).
    loose: usize,
    /// A limit set in place of [`loose_limit`] ([`Memory::set_loose_limit`]).
    limit: Option<usize>,
    max_bytes: usize,
}

impl Default for Tracker {
    fn default() -> Self {
        Tracker {
            dirty: HashMap::new(),
            gone: HashSet::new(),
            detached: HashMap::new(),
            stored_bytes: 0,
            evicted: 0,
            cleared: false,
            damaged: false,
            loose: 0,
            limit: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

fn total(sizes: [u32; 3]) -> usize {
    sizes.iter().map(|b| *b as usize).sum()
}

impl Tracker {
    /// Notes that `kinds` of the record under `key` changed; `stored`: its
    /// records were written before (else it is written whole).
    pub(super) fn mark(&mut self, key: &str, kinds: u8, stored: bool) {
        self.gone.remove(key);
        let kinds = if stored { kinds } else { ALL };
        match self.dirty.get_mut(key) {
            Some(k) => *k |= kinds,
            None => drop(self.dirty.insert(key.to_string(), kinds)),
        }
    }

    /// Notes that the entry under `key` was taken out.
    pub(super) fn gone(&mut self, key: &str) {
        self.gone.insert(key.to_string());
    }

    /// The entry under `key` is back before the save (its records stay).
    fn ungone(&mut self, key: &str) {
        self.gone.remove(key);
    }

    /// Keeps the stored sizes of an entry taken out, and whether it was paged.
    pub(super) fn detach(&mut self, key: &str, sizes: [u32; 3], paged: bool) {
        if sizes != [0; 3] {
            self.detached.insert(key.to_string(), (sizes, paged));
        }
    }

    /// The stored sizes of the entry that was under `key` and whether it was
    /// paged, for the entry now put there; `None` when nothing under it was written.
    pub(super) fn reattach(&mut self, key: &str) -> Option<([u32; 3], bool)> {
        self.detached.remove(key)
    }

    pub(super) fn evicted(&mut self, count: usize) {
        self.evicted += count;
    }

    /// Everything is to be written again, into an emptied store (the next
    /// save is a compaction).
    pub(super) fn replace_all(&mut self) {
        *self = Tracker {
            cleared: true,
            max_bytes: self.max_bytes,
            limit: self.limit,
            evicted: self.evicted,
            ..Tracker::default()
        };
    }

    /// `sizes[kind]` becomes `bytes`.
    fn set_stored(&mut self, sizes: &mut [u32; 3], kind: usize, bytes: usize) {
        let new = u32::try_from(bytes).unwrap_or(u32::MAX).min(PAGED - 1);
        self.stored_bytes = self.stored_bytes.saturating_sub(sizes[kind] as usize) + new as usize;
        sizes[kind] = new;
    }

    fn forget_stored(&mut self, key: &str) {
        if let Some((sizes, _)) = self.detached.remove(key) {
            self.stored_bytes = self.stored_bytes.saturating_sub(total(sizes));
        }
    }
}

/// One save: the records to write (`None`: delete that record) and the keys
/// whose records all go. Written in one transaction, in this order: clear (when
/// set), deletes, then puts. A compaction (`pages` set) is the whole memory
/// in pages, `clear` set, and no records or deletes.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Empty every store first (after a clear or an import; with `pages`).
    pub clear: bool,
    /// A compaction: the whole memory, page `i` under key `i` ([`PAGE_ACCOUNTS`]
    /// entries each, keys ascending within and across pages); `None` otherwise.
    pub pages: Option<Vec<Vec<u8>>>,
    /// `[key, record]` for the `accounts` store (binary records).
    pub accounts: Vec<(String, Vec<u8>)>,
    /// `[key, record | null]` for the `tweets` store.
    pub tweets: Vec<(String, Option<Vec<u8>>)>,
    /// `[key, record | null]` for the `interactions` store.
    pub interactions: Vec<(String, Option<Vec<u8>>)>,
    /// Keys whose records go from every store (kept as tombstones until the next pages).
    pub deleted: Vec<String>,
    /// Accounts forgotten (least recently seen) since the last save, by count or by bytes.
    pub evicted: usize,
    /// Bytes of every stored record once this save is written: each
    /// entry's current records once, loose or in a page (a page's framing,
    /// a few bytes an entry, and its copies superseded by loose records are
    /// not counted).
    pub bytes: usize,
    /// Accounts remembered.
    pub total: usize,
}

impl Changes {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        !self.clear
            && self.pages.is_none()
            && self.accounts.is_empty()
            && self.tweets.is_empty()
            && self.interactions.is_empty()
            && self.deleted.is_empty()
    }
}

/// What [`Memory::from_records`] read.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Accounts restored.
    pub loaded: usize,
    /// Records that could not be read (they are deleted at the next save).
    pub skipped: usize,
}

/// Why [`Memory::restore_forget_json`] refused its keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForgetError(String);

impl std::fmt::Display for ForgetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the memory's forgotten keys are not a JSON list of strings ({}); nothing was forgotten",
            self.0
        )
    }
}

impl std::error::Error for ForgetError {}

/// A page's entries as one batch of records (keys in order).
fn page_records<'a>(entries: &[binary::PageEntryIn<'a>]) -> Records<'a> {
    let mut records = Records {
        accounts: Vec::with_capacity(entries.len()),
        ..Records::default()
    };
    for e in entries {
        records.accounts.push((e.key.to_string(), e.account));
        if let Some(t) = e.tweets {
            records.tweets.push((e.key.to_string(), t));
        }
        if let Some(i) = e.interactions {
            records.interactions.push((e.key.to_string(), i));
        }
    }
    records
}

/// The records a page holds, as one batch (for a store that keeps them
/// apart, and diagnostics); `None` when the page is damaged.
pub fn read_page(page: &[u8]) -> Option<Records<'_>> {
    binary::read_page(page).map(|entries| page_records(&entries))
}

fn account_record(slot: &Slot) -> Vec<u8> {
    let history = slot.extra.as_deref().and_then(|x| x.history.as_deref());
    binary::account_record(slot.last_seen, history, &slot.blob)
}

fn tweets_record(entry: &Entry<'_>) -> Option<Vec<u8>> {
    let saved: Vec<SavedTweet<'_>> = saved_tweets(entry);
    (!saved.is_empty()).then(|| binary::tweets_record(&saved))
}

fn interactions_record(slot: &Slot) -> Option<Vec<u8>> {
    slot.extra
        .as_deref()
        .filter(|x| !x.interactions.is_empty())
        .map(|x| binary::interactions_record(&x.interactions))
}

/// One batch of stored records for [`Memory::restore_records`]: `(key,
/// record)` per store, each record in the binary form or the older JSON text
/// (as UTF-8 bytes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records<'a> {
    /// `accounts` records, in key order.
    pub accounts: Vec<(String, &'a [u8])>,
    /// `tweets` records of the same key range.
    pub tweets: Vec<(String, &'a [u8])>,
    /// `interactions` records of the same key range.
    pub interactions: Vec<(String, &'a [u8])>,
}

/// Why a batch of records could not be split ([`Records::split`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordsError {
    /// Not one length per key.
    Lengths {
        /// Keys in the batch.
        keys: usize,
        /// Lengths given.
        lengths: usize,
    },
    /// The lengths do not add up to the bytes given.
    Bytes {
        /// What the lengths add up to.
        expected: usize,
        /// Bytes given.
        given: usize,
    },
}

impl std::fmt::Display for RecordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordsError::Lengths { keys, lengths } => {
                write!(
                    f,
                    "a batch of memory records has {keys} keys but {lengths} lengths"
                )
            }
            RecordsError::Bytes { expected, given } => write!(
                f,
                "a batch of memory records should hold {expected} bytes but holds {given}"
            ),
        }
    }
}

impl std::error::Error for RecordsError {}

impl<'a> Records<'a> {
    /// A batch as the worker hands it over: each store's keys, and every
    /// record's bytes one after the other (accounts, then tweets, then
    /// interactions, in key order) with each record's length.
    pub fn split(
        keys: [Vec<String>; 3],
        values: &'a [u8],
        lengths: &[u32],
    ) -> Result<Records<'a>, RecordsError> {
        let count: usize = keys.iter().map(Vec::len).sum();
        if count != lengths.len() {
            return Err(RecordsError::Lengths {
                keys: count,
                lengths: lengths.len(),
            });
        }
        let expected: usize = lengths.iter().map(|l| *l as usize).sum();
        if expected != values.len() {
            return Err(RecordsError::Bytes {
                expected,
                given: values.len(),
            });
        }
        let mut at = 0;
        let mut lens = lengths.iter();
        let mut take = |list: Vec<String>| -> Vec<(String, &'a [u8])> {
            list.into_iter()
                .map(|key| {
                    let len = lens.next().map_or(0, |l| *l as usize);
                    let record = values.get(at..at + len).unwrap_or_default();
                    at += len;
                    (key, record)
                })
                .collect()
        };
        let [accounts, tweets, interactions] = keys;
        Ok(Records {
            accounts: take(accounts),
            tweets: take(tweets),
            interactions: take(interactions),
        })
    }
}

/// `key\trecord` lines (the key as a JSON string) by key.
fn lines(text: &str) -> impl Iterator<Item = (Option<String>, &str)> {
    text.split('\n').filter(|l| !l.is_empty()).map(|line| {
        let (key, record) = line.split_once('\t').unwrap_or(("", line));
        (json_string(key), record)
    })
}

/// A JSON string's value (quick for the usual key without escapes).
fn json_string(text: &str) -> Option<String> {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) if !inner.contains(['\\', '"']) && !inner.chars().any(char::is_control) => {
            Some(inner.to_string())
        }
        _ => match crate::read::value_from_str(text) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        },
    }
}

/// An `accounts` record as read: bad, of the usual shape (kept compact), or
/// read whole (the account, a written history, last seen).
enum Read<'a> {
    Bad,
    Quick(Quick<'a>),
    General(Box<Account>, Option<Vec<Snapshot>>, i64),
}

/// An account record of the usual shape: its blob as stored (binary) or
/// just encoded into the caller's scratch (JSON), with what indexing needs.
struct Quick<'a> {
    stored: Option<&'a [u8]>,
    id: IdRef<'a>,
    handle: &'a str,
    observed_at: Option<i64>,
    last_seen: i64,
    /// A count history written with it (binary records only).
    history: Option<Vec<Snapshot>>,
}

impl<'a> Quick<'a> {
    fn blob<'s>(&self, scratch: &'s [u8]) -> &'s [u8]
    where
        'a: 's,
    {
        self.stored.unwrap_or(scratch)
    }

    /// The memory key of the account; `None` when it is `stored`, the key it
    /// was filed under (the usual case: no new string).
    fn own_key(&self, stored: &str) -> Option<String> {
        let handle = self.handle;
        let filed_right = match self.id {
            IdRef::Num(n) => {
                stored.strip_prefix('#').and_then(compact::canonical_number) == Some(n)
            }
            IdRef::Text(t) if !t.is_empty() => stored.strip_prefix('#') == Some(t),
            _ => stored.strip_prefix('@').is_some_and(|h| {
                h.len() == handle.len()
                    && h.bytes()
                        .zip(handle.bytes())
                        .all(|(a, b)| a == b.to_ascii_lowercase())
            }),
        };
        if filed_right {
            return None;
        }
        Some(match self.id {
            IdRef::Num(n) => format!("#{n}"),
            IdRef::Text(t) if !t.is_empty() => format!("#{t}"),
            _ => format!("@{}", handle.to_ascii_lowercase()),
        })
    }
}

/// A binary `accounts` record: its blob kept as it is when plain; read
/// whole when it needs capping.
fn read_binary_account(record: &[u8]) -> Read<'_> {
    let Some(rec) = binary::read_account(record) else {
        return Read::Bad;
    };
    let Some(head) = compact::check(rec.blob) else {
        return Read::Bad;
    };
    if head.plain {
        return Read::Quick(Quick {
            stored: Some(rec.blob),
            id: head.id,
            handle: head.handle,
            observed_at: head.observed_at,
            last_seen: rec.last_seen,
            history: rec.history,
        });
    }
    Read::General(
        Box::new(compact::decode(rec.blob)),
        rec.history,
        rec.last_seen,
    )
}

/// A JSON `accounts` record (an older version's): of the usual shape, read
/// straight into the compact form in `scratch`; else through serde.
fn read_json_account<'a>(record: &'a [u8], scratch: &mut Vec<u8>) -> Read<'a> {
    if let Some(quick) = std::str::from_utf8(record)
        .ok()
        .and_then(compact::read_account_record)
    {
        let p = &quick.parts;
        compact::encode_parts(p, scratch);
        let id = match p.id {
            None => IdRef::None,
            Some(t) => compact::canonical_number(t).map_or(IdRef::Text(t), IdRef::Num),
        };
        return Read::Quick(Quick {
            stored: None,
            id,
            handle: p.handle,
            observed_at: p.times[1],
            last_seen: quick.last_seen,
            history: None,
        });
    }
    let text = String::from_utf8_lossy(record);
    match crate::read::objects::from_text(&text, crate::read::objects::account_record) {
        Ok((account, history, last_seen)) => Read::General(Box::new(account), history, last_seen),
        Err(_) => Read::Bad,
    }
}

/// A `tweets` record of either form.
fn read_tweets(record: &[u8]) -> Option<Vec<Tweet>> {
    if binary::is_binary(record) {
        binary::read_tweets(record)
    } else {
        let text = String::from_utf8_lossy(record);
        crate::read::objects::from_text(&text, crate::read::objects::tweets).ok()
    }
}

/// An `interactions` record of either form.
fn read_interactions(record: &[u8]) -> Option<Vec<Interaction>> {
    if binary::is_binary(record) {
        binary::read_interactions(record)
    } else {
        let text = String::from_utf8_lossy(record);
        crate::read::objects::from_text(&text, crate::read::objects::interactions).ok()
    }
}

impl Slot {
    /// Sets the sizes of its stored records (its paged bit kept).
    fn set_sizes(&mut self, sizes: [u32; 3]) {
        self.account_bytes = (sizes[0] & !PAGED) | (self.account_bytes & PAGED);
        let [_, t, i] = sizes;
        if t != 0 || i != 0 || self.extra.is_some() {
            self.extra.get_or_insert_with(Box::default).stored = [t, i];
        }
        if self.extra.as_deref().is_some_and(super::Extra::is_empty) {
            self.extra = None;
        }
    }

    /// True when the store holds it in a page only (no loose records).
    pub(super) fn paged(&self) -> bool {
        self.account_bytes & PAGED != 0
    }

    pub(super) fn set_paged(&mut self, paged: bool) {
        self.account_bytes = (self.account_bytes & !PAGED) | if paged { PAGED } else { 0 };
    }

    /// Loose values the store holds of it: none when paged, else one per
    /// record written.
    fn loose_values(&self) -> usize {
        if self.paged() {
            return 0;
        }
        self.sizes().iter().filter(|b| **b > 0).count()
    }

    /// Values a whole write of it holds: its account, and its posts and
    /// interactions when it has any.
    fn values_when_written(&self) -> usize {
        let x = self.extra.as_deref();
        1 + usize::from(x.is_some_and(|x| !x.tweets.is_empty()))
            + usize::from(x.is_some_and(|x| !x.interactions.is_empty()))
    }
}

/// The sizes of a slot's records as a page holds them (account, tweets,
/// interactions; 0: none).
fn page_sizes(slot: &Slot) -> [u32; 3] {
    let len = |r: Option<&Vec<u8>>| {
        r.map_or(0, |r| {
            u32::try_from(r.len()).unwrap_or(u32::MAX).min(PAGED - 1)
        })
    };
    [
        len(Some(&account_record(slot))),
        len(slot_tweets_record(slot).as_ref()),
        len(interactions_record(slot).as_ref()),
    ]
}

/// A slot's `tweets` record, without decoding its account when it has no
/// posts, nor its posts when their stored record is still theirs.
fn slot_tweets_record(slot: &Slot) -> Option<Vec<u8>> {
    let posts = slot.extra.as_deref().map(|x| &x.tweets);
    if let Some(record) = posts.and_then(super::Posts::record) {
        return Some(record);
    }
    if posts.is_some_and(|p| !p.is_empty()) {
        tweets_record(&slot.view())
    } else {
        None
    }
}

impl Memory {
    /// The records changed since the last call, and the keys to delete; after
    /// this, the memory counts them as written. Evicts the least recently seen
    /// accounts while the stored records would exceed the byte cap.
    ///
    /// A compaction instead ([`Changes::pages`]: the whole memory in pages,
    /// into an emptied store) after a clear, an import,
    /// [`Memory::rewrite_all`] or a damaged page, and when this save's loose
    /// values would take the store's past [`Memory::loose_limit`].
    pub fn take_changes(&mut self) -> Changes {
        let mut changes = self.take_changes_unpaged();
        if changes.pages.is_some() {
            changes.pages = Some(self.pages().collect());
        }
        changes
    }

    /// [`Memory::take_changes`] as loose records, and the loose values it adds.
    fn take_loose_changes(&mut self) -> (Changes, usize) {
        let mut changes = Changes::default();
        let mut added = 0;
        let dirty = std::mem::take(&mut self.tracker.dirty);
        for (key, kinds) in dirty {
            let Some(i) = self.find_key(&key) else {
                continue;
            };
            let Some(slot) = self.slots.get_mut(i as usize).and_then(Option::as_mut) else {
                continue;
            };
            // A paged entry's first change writes it whole.
            let kinds = if slot.paged() { ALL } else { kinds };
            let before = slot.loose_values();
            let account = (kinds & ACCOUNT != 0).then(|| account_record(slot));
            let tweets = (kinds & TWEETS != 0).then(|| slot_tweets_record(slot));
            let interactions = (kinds & INTERACTIONS != 0).then(|| interactions_record(slot));
            let mut sizes = slot.sizes();
            if let Some(record) = account {
                self.tracker.set_stored(&mut sizes, 0, record.len());
                changes.accounts.push((key.clone(), record));
            }
            if let Some(record) = tweets {
                let bytes = record.as_ref().map_or(0, Vec::len);
                self.tracker.set_stored(&mut sizes, 1, bytes);
                changes.tweets.push((key.clone(), record));
            }
            if let Some(record) = interactions {
                let bytes = record.as_ref().map_or(0, Vec::len);
                self.tracker.set_stored(&mut sizes, 2, bytes);
                changes.interactions.push((key, record));
            }
            slot.set_sizes(sizes);
            slot.set_paged(false);
            added += slot.loose_values().saturating_sub(before);
        }
        if self.tracker.stored_bytes > self.tracker.max_bytes {
            self.evict_bytes_to(self.tracker.max_bytes - self.tracker.max_bytes / 10);
        }
        let gone = std::mem::take(&mut self.tracker.gone);
        for key in gone {
            if self.find_key(&key).is_some() {
                continue;
            }
            self.tracker.forget_stored(&key);
            changes.deleted.push(key);
        }
        if !changes.deleted.is_empty() {
            let deleted: HashSet<&String> = changes.deleted.iter().collect();
            changes.accounts.retain(|(k, _)| !deleted.contains(k));
            changes.tweets.retain(|(k, _)| !deleted.contains(k));
            changes.interactions.retain(|(k, _)| !deleted.contains(k));
        }
        added += changes.deleted.len();
        crate::sort::values(&mut changes.deleted);
        changes.evicted = std::mem::take(&mut self.tracker.evicted);
        changes.bytes = self.tracker.stored_bytes;
        changes.total = self.count;
        (changes, added)
    }

    /// A compaction: every entry to be written in pages, into an emptied
    /// store; the least recently seen evicted first while their records
    /// would exceed the byte cap. `evicted`: accounts evicted earlier in this
    /// save. The pages themselves are written by [`Memory::pages`] (here
    /// `pages` is an empty list for them), so they need not all be in the
    /// heap at once.
    fn compact(&mut self, evicted: usize) -> Changes {
        let dirty = std::mem::take(&mut self.tracker.dirty);
        // After a clear, an import or a rewrite, what changed is not known.
        let measure_all = std::mem::take(&mut self.tracker.cleared);
        self.tracker.damaged = false;
        // Every entry's records as the pages will hold them: measured anew
        // where they changed or were never written, else as stored.
        let changed: Vec<u32> = dirty.keys().filter_map(|k| self.find_key(k)).collect();
        for i in changed {
            if let Some(slot) = self.slots.get_mut(i as usize).and_then(Option::as_mut) {
                slot.set_sizes(page_sizes(slot));
            }
        }
        let mut stored = 0;
        for slot in self.slots.iter_mut().flatten() {
            if measure_all || slot.sizes()[0] == 0 {
                slot.set_sizes(page_sizes(slot));
            }
            slot.set_paged(true);
            stored += total(slot.sizes());
        }
        self.tracker.stored_bytes = stored;
        if self.tracker.stored_bytes > self.tracker.max_bytes {
            self.evict_bytes_to(self.tracker.max_bytes - self.tracker.max_bytes / 10);
        }
        let tracker = &mut self.tracker;
        tracker.gone.clear();
        tracker.detached.clear();
        tracker.loose = 0;
        Changes {
            clear: true,
            pages: Some(Vec::new()),
            evicted: evicted + std::mem::take(&mut tracker.evicted),
            bytes: tracker.stored_bytes,
            total: self.count,
            ..Changes::default()
        }
    }

    /// [`Memory::take_changes`] with a compaction's pages left to
    /// [`Memory::pages`] (`pages` is then an empty list): the worker's
    /// binding copies them out one at a time, so a compaction of a large
    /// memory does not hold every page in the heap at once.
    pub fn take_changes_unpaged(&mut self) -> Changes {
        let limit = self.loose_limit();
        let mut evicted = 0;
        let compact = self.tracker.cleared || self.tracker.damaged || {
            // About what this save adds (exact for entries written as kept):
            // a save clearly past the limit is not built as loose records first.
            let dirty: usize = self
                .tracker
                .dirty
                .keys()
                .filter_map(|k| self.find_key(k).and_then(|i| self.slot(i)))
                .map(|s| s.values_when_written().saturating_sub(s.loose_values()))
                .sum();
            self.tracker.loose + dirty + self.tracker.gone.len() > limit
        };
        if !compact {
            let (changes, added) = self.take_loose_changes();
            if self.tracker.loose + added <= self.loose_limit() {
                self.tracker.loose += added;
                return changes;
            }
            // Evictions by bytes took it past: the records just built are
            // written in the pages instead.
            evicted = changes.evicted;
        }
        self.compact(evicted)
    }

    /// The whole memory as pages of [`PAGE_ACCOUNTS`] entries, keys
    /// ascending within and across pages, written one at a time as the
    /// iterator is driven (after a compaction: [`Memory::take_changes_unpaged`]).
    pub fn pages(&self) -> impl Iterator<Item = Vec<u8>> + '_ {
        let mut keyed: Vec<(String, u32)> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|s| (s.key(), i as u32)))
            .collect();
        crate::sort::values(&mut keyed);
        let mut at = 0;
        std::iter::from_fn(move || {
            let chunk = keyed.get(at..(at + PAGE_ACCOUNTS).min(keyed.len()))?;
            if chunk.is_empty() {
                return None;
            }
            at += chunk.len();
            let mut page = binary::page_start(chunk.len(), chunk.len() * 256);
            for (key, i) in chunk {
                let Some(slot) = self.slot(*i) else {
                    continue;
                };
                let account = account_record(slot);
                let tweets = slot_tweets_record(slot);
                let interactions = interactions_record(slot);
                binary::page_entry(
                    &mut page,
                    key,
                    &account,
                    tweets.as_deref(),
                    interactions.as_deref(),
                );
            }
            Some(page)
        })
    }

    /// Hands out every record again at the next save, into an emptied store
    /// (after a save that failed: what the store holds is then unknown): a
    /// compaction.
    pub fn rewrite_all(&mut self) {
        self.tracker.replace_all();
    }

    /// Loose values (loose records and tombstones) the store holds since its
    /// last pages, as counted at each save and read back at a restore.
    pub fn loose_records(&self) -> usize {
        self.tracker.loose
    }

    /// The loose values at which the next save compacts, for this memory's
    /// size now ([`loose_limit`]).
    pub fn loose_limit(&self) -> usize {
        self.tracker
            .limit
            .unwrap_or_else(|| loose_limit(self.count))
    }

    /// Sets the loose values past which a save compacts in place of
    /// [`loose_limit`] (`None`: the policy again), until the next restore:
    /// for tests that need compactions of a small memory, and diagnostics.
    pub fn set_loose_limit(&mut self, limit: Option<usize>) {
        self.tracker.limit = limit;
    }

    /// Bytes of every record written so far (what the store holds after the
    /// last [`Memory::take_changes`] is written).
    pub fn stored_bytes(&self) -> usize {
        self.tracker.stored_bytes
    }

    /// Caps the stored bytes of all records (the least recently seen accounts
    /// are evicted at the next save beyond it).
    pub fn set_max_bytes(&mut self, max_bytes: usize) {
        self.tracker.max_bytes = max_bytes.max(1);
    }

    /// Evicts the least recently seen until the stored records take at most `target` bytes.
    fn evict_bytes_to(&mut self, target: usize) {
        let mut evicted = 0;
        for i in self.oldest_first() {
            if self.tracker.stored_bytes <= target {
                break;
            }
            if let Some((key, _)) = self.take(i) {
                self.tracker.forget_stored(&key);
                evicted += 1;
            }
        }
        self.tracker.evicted(evicted);
    }

    /// Restores a memory from its records, each kind as `key\trecord` lines
    /// (the key a JSON string), in one go: [`Memory::restore_begin`], one
    /// [`Memory::restore_chunk`], [`Memory::restore_finish`].
    pub fn from_records(
        capacity: usize,
        accounts: &str,
        tweets: &str,
        interactions: &str,
    ) -> (Memory, LoadReport) {
        let mut memory = Memory::new(capacity);
        memory.restore_begin(accounts.bytes().filter(|b| *b == b'\n').count() + 1);
        memory.restore_chunk(accounts, tweets, interactions);
        let report = memory.restore_finish();
        (memory, report)
    }

    /// Restores a memory from one batch of every stored record, in one go.
    pub fn from_stored(capacity: usize, records: Records<'_>) -> (Memory, LoadReport) {
        let mut memory = Memory::new(capacity);
        memory.restore_begin(records.accounts.len());
        memory.restore_records(records);
        let report = memory.restore_finish();
        (memory, report)
    }

    /// Starts restoring from records in chunks: empties the memory (its cap
    /// kept, the byte cap back to the default) and makes room for `expected`
    /// accounts, so the heap holds them without growing twice.
    pub fn restore_begin(&mut self, expected: usize) {
        *self = Memory::new(self.capacity);
        let room = expected.min(MAX_RESERVE);
        self.slots.reserve_exact(room);
        self.by_id.reserve(room);
        self.by_handle.reserve(room);
        self.restoring = Some(LoadReport::default());
    }

    /// [`Memory::restore_records`] for records as `key\trecord` lines (the
    /// key a JSON string; a line whose key is not one is skipped).
    pub fn restore_chunk(&mut self, accounts: &str, tweets: &str, interactions: &str) {
        fn list(text: &str) -> Vec<(Option<String>, &[u8])> {
            lines(text).map(|(k, r)| (k, r.as_bytes())).collect()
        }
        self.restore_from(list(accounts), list(tweets), list(interactions), false);
    }

    /// Restores one page (`pages` store) as [`Memory::restore_records`]
    /// restores its records: before the tombstones and the loose records
    /// (which replace its entries under the same key). A damaged page (another
    /// version, cut short, garbage) is skipped whole, counted as one in the
    /// report's `skipped`, and the next save compacts (writing the memory
    /// again without it); so does a sound page with a record that cannot be
    /// read (that record skipped and counted alone). False when it was skipped.
    pub fn restore_page(&mut self, page: &[u8]) -> bool {
        let Some(entries) = binary::read_page(page) else {
            if let Some(report) = self.restoring.as_mut() {
                report.skipped += 1;
            }
            self.tracker.damaged = true;
            return false;
        };
        // Each entry with its own records: no batch to group by key.
        let mut report = self.restoring.take().unwrap_or_default();
        let skipped = report.skipped;
        // Used by JSON records only (a page holds binary ones): no allocation.
        let mut scratch = Vec::new();
        for e in entries {
            self.restore_entry(
                e.key,
                e.account,
                e.tweets,
                e.interactions,
                true,
                &mut report,
                &mut scratch,
            );
        }
        // A record in it could not be read (or lost a tie): the next save
        // compacts, so the page is written again without it.
        if report.skipped > skipped {
            self.tracker.damaged = true;
        }
        self.restoring = Some(report);
        true
    }

    /// Takes out, during a restore, the entries under `keys` (the store's
    /// tombstones, read after the pages and before the loose records). The
    /// tombstones stay in the store until the next pages, so they count as
    /// loose values.
    pub fn restore_forget(&mut self, keys: &[String]) {
        let mut report = self.restoring.take().unwrap_or_default();
        for key in keys {
            if let Some(i) = self.find_key(key) {
                if let Some((taken, _)) = self.take(i) {
                    report.loaded = report.loaded.saturating_sub(1);
                    self.tracker.forget_stored(&taken);
                    // Its tombstone is stored already.
                    self.tracker.ungone(&taken);
                }
            }
        }
        self.tracker.loose += keys.len();
        self.restoring = Some(report);
    }

    /// [`Memory::restore_forget`] for the keys as one JSON array of strings;
    /// text that is not one is refused, changing nothing.
    pub fn restore_forget_json(&mut self, keys: &str) -> Result<usize, ForgetError> {
        let keys = crate::read::objects::from_text(keys, crate::read::objects::string_list)
            .map_err(|e| ForgetError(e.to_string()))?;
        self.restore_forget(&keys);
        Ok(keys.len())
    }

    /// Restores one batch of records: some accounts records and the posts and
    /// interactions records of the same keys (one whose account is not in the
    /// batch is skipped), each in the binary form or the older JSON text.
    /// Unreadable records are skipped (and deleted at the next save); records
    /// in the JSON form are written again, in the binary form, at the next
    /// save. Batches in key order restore what one batch of everything
    /// would: of two accounts under one key or holding one handle, the one
    /// last observed with it wins (the first read on a tie), as
    /// [`Memory::from_json`].
    pub fn restore_records(&mut self, records: Records<'_>) {
        fn keyed(list: Vec<(String, &[u8])>) -> Vec<(Option<String>, &[u8])> {
            list.into_iter().map(|(k, r)| (Some(k), r)).collect()
        }
        let Records {
            accounts,
            tweets,
            interactions,
        } = records;
        self.restore_from(keyed(accounts), keyed(tweets), keyed(interactions), false);
    }

    /// Restores a batch of records, from a page (`paged`) or loose.
    fn restore_from(
        &mut self,
        accounts: Vec<(Option<String>, &[u8])>,
        tweets: Vec<(Option<String>, &[u8])>,
        interactions: Vec<(Option<String>, &[u8])>,
        paged: bool,
    ) {
        let mut report = self.restoring.take().unwrap_or_default();
        if !paged {
            // Every loose value read counts until the next pages (so a restart
            // does not reset the compaction clock).
            self.tracker.loose += accounts.len() + tweets.len() + interactions.len();
        }
        let mut tweets_by: HashMap<String, &[u8]> = HashMap::new();
        let mut interactions_by: HashMap<String, &[u8]> = HashMap::new();
        for (list, by) in [
            (tweets, &mut tweets_by),
            (interactions, &mut interactions_by),
        ] {
            for (key, record) in list {
                match key {
                    Some(k) => drop(by.insert(k, record)),
                    None => report.skipped += 1,
                }
            }
        }
        let mut scratch = Vec::with_capacity(512);
        for (key, record) in accounts {
            let Some(key) = key else {
                report.skipped += 1;
                continue;
            };
            let posts = tweets_by.remove(&key);
            let acts = interactions_by.remove(&key);
            self.restore_entry(&key, record, posts, acts, paged, &mut report, &mut scratch);
        }
        // Posts and interactions whose account record is missing.
        for key in tweets_by.into_keys().chain(interactions_by.into_keys()) {
            report.skipped += 1;
            self.tracker.gone(&key);
        }
        self.restoring = Some(report);
    }

    /// Restores one entry from its records (`posts`, `acts`: its tweets and
    /// interactions records, if stored), from a page (`paged`) or loose.
    #[allow(clippy::too_many_arguments)]
    fn restore_entry(
        &mut self,
        key: &str,
        record: &[u8],
        posts: Option<&[u8]>,
        acts: Option<&[u8]>,
        paged: bool,
        report: &mut LoadReport,
        scratch: &mut Vec<u8>,
    ) {
        let len = |s: Option<&[u8]>| s.map_or(0, |s| u32::try_from(s.len()).unwrap_or(u32::MAX));
        let sizes = [len(Some(record)), len(posts), len(acts)];
        // Records in the JSON form are written again in the binary one.
        let json = |r: Option<&[u8]>| r.is_some_and(|r| !binary::is_binary(r));
        let mut rewrite = 0;
        for (r, kind) in [
            (Some(record), ACCOUNT),
            (posts, TWEETS),
            (acts, INTERACTIONS),
        ] {
            if json(r) {
                rewrite |= kind;
            }
        }
        let read = if binary::is_binary(record) {
            read_binary_account(record)
        } else {
            read_json_account(record, scratch)
        };
        if matches!(read, Read::Bad) {
            report.skipped += 1;
            self.tracker.gone(key);
            return;
        }
        // Posts or interactions that cannot be read are left out, counted,
        // and deleted at the next save (written again without them).
        let mut unreadable = |kind: u8| {
            report.skipped += 1;
            rewrite |= kind;
        };
        // A canonical binary record is kept as it is, decoded at first use
        // (most posts are not read before the next compaction writes them).
        let mut stored_posts = None;
        let mut tweets = match posts {
            None => Vec::new(),
            Some(p) if binary::is_binary(p) && matches!(read, Read::Quick(_)) => {
                let owner = match &read {
                    Read::Quick(q) => (q.id, q.handle),
                    _ => (IdRef::None, ""),
                };
                match binary::check_tweets(p, owner.0, owner.1) {
                    None => {
                        unreadable(TWEETS);
                        Vec::new()
                    }
                    Some(true) => {
                        stored_posts = Some(p);
                        Vec::new()
                    }
                    Some(false) => read_tweets(p).unwrap_or_default(),
                }
            }
            Some(p) => match read_tweets(p) {
                Some(t) => t,
                None => {
                    unreadable(TWEETS);
                    Vec::new()
                }
            },
        };
        let mut interactions = match acts.map(read_interactions) {
            None => Vec::new(),
            Some(Some(i)) => i,
            Some(None) => {
                unreadable(INTERACTIONS);
                Vec::new()
            }
        };
        let (account, history, last_seen) = match read {
            Read::Bad => return,
            // Most accounts: their facts put in as they are, not decoded.
            Read::Quick(mut quick) => {
                let own_key = quick.own_key(key);
                let order = (
                    quick.observed_at.unwrap_or(quick.last_seen),
                    quick.last_seen,
                );
                let written = quick.history.is_some();
                let mut history = quick.history.take().unwrap_or_default();
                let any_posts = !tweets.is_empty() || stored_posts.is_some();
                if any_posts || !interactions.is_empty() || written {
                    let id = match quick.id {
                        IdRef::None => None,
                        IdRef::Num(n) => Some(n.to_string()),
                        IdRef::Text(t) => Some(t.to_string()),
                    };
                    let (t, h, i) = (&mut tweets, &mut history, &mut interactions);
                    super::settle_lists(t, h, i, id.as_deref(), quick.handle);
                }
                tweets.shrink_to_fit();
                interactions.shrink_to_fit();
                history.shrink_to_fit();
                let tweets = match stored_posts {
                    Some(record) => super::Posts::stored(record),
                    None => super::Posts::of(tweets),
                };
                let extra = super::Extra {
                    tweets,
                    history: written.then_some(history),
                    interactions,
                    stored: [sizes[1], sizes[2]],
                };
                let slot = Slot {
                    blob: Box::from(quick.blob(scratch)),
                    extra: (!extra.is_empty()).then(|| Box::new(extra)),
                    account_bytes: sizes[0],
                    last_seen: quick.last_seen,
                    features: Default::default(),
                };
                let handle = quick.handle;
                let mut slot = slot;
                slot.set_paged(paged);
                self.restore_slot(key, own_key, handle, order, slot, rewrite, report);
                return;
            }
            Read::General(account, history, last_seen) => (*account, history, last_seen),
        };
        let has_history = history.is_some();
        let entry = EntryData {
            account,
            tweets,
            history: history.unwrap_or_default(),
            interactions,
            last_seen,
        };
        match load_entry_parts(entry, has_history) {
            Some(entry) => self.restore_one(key, entry, sizes, rewrite, paged, report),
            None => {
                report.skipped += 1;
                self.tracker.gone(key);
            }
        }
    }

    /// Ends a restore: evicts beyond the cap, and tells what was read.
    pub fn restore_finish(&mut self) -> LoadReport {
        let report = self.restoring.take().unwrap_or_default();
        self.evict_to(self.capacity);
        report
    }

    /// Puts in one restored entry read under `stored_key`, unless an entry
    /// read before under the same key or holding the same handle is newer.
    fn restore_one(
        &mut self,
        stored_key: &str,
        entry: EntryData,
        sizes: [u32; 3],
        rewrite: u8,
        paged: bool,
        report: &mut LoadReport,
    ) {
        let key = entry_key(&entry.account);
        let handle = entry.account.key();
        let order = (
            entry.account.observed_at.unwrap_or(entry.last_seen),
            entry.last_seen,
        );
        let mut slot = Slot::of(entry, sizes);
        slot.set_paged(paged);
        let key = (key != stored_key).then_some(key);
        self.restore_slot(stored_key, key, &handle, order, slot, rewrite, report);
    }

    /// [`Memory::restore_one`] for an entry in its compact form, with its
    /// key, handle and `(observed with its handle, last seen)`; the kinds
    /// of its records to `rewrite` at the next save (read in the JSON form).
    /// Its loose records replace an entry read from a page under the same
    /// key, whatever their order (a loose record is newer by construction).
    #[allow(clippy::too_many_arguments)]
    fn restore_slot(
        &mut self,
        stored_key: &str,
        key: Option<String>,
        handle: &str,
        order: (i64, i64),
        mut slot: Slot,
        rewrite: u8,
        report: &mut LoadReport,
    ) {
        let key = key.as_deref().unwrap_or(stored_key);
        let newer_than =
            |memory: &Memory, i: u32| memory.slot(i).is_some_and(|s| order > s.order());
        let paged = slot.paged();
        // `key` is the slot's own: a numeric id is looked up as the number
        // it is (not parsed from the key text again).
        let held = match compact::id(&slot.blob) {
            IdRef::Num(n) => self.find_number(n),
            _ => self.find_key(key),
        };
        if let Some(held) = held {
            let held_paged = self.slot(held).is_some_and(Slot::paged);
            if held_paged && !paged {
                self.replace_paged(held, report);
            } else if paged && !held_paged {
                // A page read after the loose records: they are newer.
                return;
            } else if newer_than(self, held) {
                self.unrestore(held, report);
            } else {
                report.skipped += 1;
                self.tracker.gone(stored_key);
                return;
            }
        }
        let mut hold = false;
        if !handle.is_empty() {
            match self.holder(handle) {
                None => hold = true,
                Some(other) if newer_than(self, other) => {
                    // The older holder loses the handle: without an id, it is
                    // unreachable. From a page, to a loose record, it is stale
                    // (the live memory folded it in, or its own loose record,
                    // newer, follows): replaced, not skipped.
                    let other_slot = self.slot(other);
                    if other_slot.is_some_and(|s| s.key().starts_with('@')) {
                        if !paged && other_slot.is_some_and(Slot::paged) {
                            self.replace_paged(other, report);
                        } else {
                            self.unrestore(other, report);
                        }
                    } else {
                        self.release_handle(handle, other);
                    }
                    hold = true;
                }
                Some(_) => {}
            }
        }
        if !hold && key.starts_with('@') {
            // An id-less entry whose handle a newer entry holds: unreachable.
            report.skipped += 1;
            self.tracker.gone(stored_key);
            return;
        }
        report.loaded += 1;
        if stored_key == key {
            self.tracker.stored_bytes += slot.sizes().iter().map(|b| *b as usize).sum::<usize>();
            self.put(slot, hold);
            if rewrite != 0 {
                // A paged entry is written whole.
                self.tracker.mark(key, rewrite, !paged);
            }
        } else {
            // Stored under another key: written again under its own.
            self.tracker.gone(stored_key);
            slot.set_sizes([0; 3]);
            slot.set_paged(false);
            self.put(slot, hold);
            self.tracker.mark(key, ALL, false);
        }
    }

    /// Takes out an entry read from a page whose loose records are being
    /// read: not skipped, replaced (its page copy no longer counted).
    fn replace_paged(&mut self, i: u32, report: &mut LoadReport) {
        if let Some((key, _)) = self.take(i) {
            report.loaded = report.loaded.saturating_sub(1);
            self.tracker.forget_stored(&key);
            self.tracker.ungone(&key);
        }
    }

    /// Takes out an entry restored before (a newer one took its key or handle).
    fn unrestore(&mut self, i: u32, report: &mut LoadReport) {
        if let Some((key, _)) = self.take(i) {
            report.loaded = report.loaded.saturating_sub(1);
            report.skipped += 1;
            self.tracker.forget_stored(&key);
        }
    }
}
