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

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{
    compact, entry_key, implied_history, load_entry_parts, saved_tweets, Entry, EntryData, Memory,
    SavedTweet, Slot, MAX_RESERVE,
};
use crate::model::{Account, Interaction, Snapshot, Tweet};

/// Record kinds, as bits of a changed-kinds mask.
pub(super) const ACCOUNT: u8 = 1;
pub(super) const TWEETS: u8 = 2;
pub(super) const INTERACTIONS: u8 = 4;
pub(super) const ALL: u8 = ACCOUNT | TWEETS | INTERACTIONS;

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
    /// Stored sizes (account, tweets, interactions) of entries taken out.
    detached: HashMap<String, [u32; 3]>,
    stored_bytes: usize,
    /// Accounts evicted since the last save.
    evicted: usize,
    /// The store must be emptied before this save's records are written.
    cleared: bool,
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

    /// Keeps the stored sizes of an entry taken out.
    pub(super) fn detach(&mut self, key: &str, sizes: [u32; 3]) {
        if sizes != [0; 3] {
            self.detached.insert(key.to_string(), sizes);
        }
    }

    /// The stored sizes of the entry that was under `key`, for the entry now
    /// put there; `None` when nothing under it was written.
    pub(super) fn reattach(&mut self, key: &str) -> Option<[u32; 3]> {
        self.detached.remove(key)
    }

    pub(super) fn evicted(&mut self, count: usize) {
        self.evicted += count;
    }

    /// Everything is to be written again, into an emptied store.
    pub(super) fn replace_all(&mut self, keys: impl Iterator<Item = String>) {
        *self = Tracker {
            cleared: true,
            max_bytes: self.max_bytes,
            evicted: self.evicted,
            ..Tracker::default()
        };
        for key in keys {
            self.dirty.insert(key, ALL);
        }
    }

    /// `sizes[kind]` becomes `bytes`.
    fn set_stored(&mut self, sizes: &mut [u32; 3], kind: usize, bytes: usize) {
        let new = u32::try_from(bytes).unwrap_or(u32::MAX);
        self.stored_bytes = self.stored_bytes.saturating_sub(sizes[kind] as usize) + new as usize;
        sizes[kind] = new;
    }

    fn forget_stored(&mut self, key: &str) {
        if let Some(sizes) = self.detached.remove(key) {
            self.stored_bytes = self.stored_bytes.saturating_sub(total(sizes));
        }
    }
}

/// One save: the records to write (`None`: delete that record) and the keys
/// whose records all go. Written in one transaction, in this order: clear (when
/// set), deletes, then puts.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Empty every store first (after a clear or an import).
    pub clear: bool,
    /// `[key, record]` for the `accounts` store.
    pub accounts: Vec<(String, String)>,
    /// `[key, record | null]` for the `tweets` store.
    pub tweets: Vec<(String, Option<String>)>,
    /// `[key, record | null]` for the `interactions` store.
    pub interactions: Vec<(String, Option<String>)>,
    /// Keys whose records go from every store.
    pub deleted: Vec<String>,
    /// Accounts forgotten (least recently seen) since the last save, by count or by bytes.
    pub evicted: usize,
    /// Bytes of every stored record once this save is written.
    pub bytes: usize,
    /// Accounts remembered.
    pub total: usize,
}

impl Changes {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        !self.clear
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

/// An `accounts` record: the facts, the count history when it says more than
/// the counts, and when the account was last seen.
#[derive(Serialize)]
struct AccountRecord<'a> {
    account: &'a Account,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<&'a [Snapshot]>,
    last_seen: i64,
}

#[derive(Deserialize)]
struct AccountRecordIn {
    account: Account,
    #[serde(default)]
    history: Option<Vec<Snapshot>>,
    #[serde(default)]
    last_seen: i64,
}

fn account_record(entry: &Entry<'_>) -> String {
    let implied = implied_history(&entry.account);
    let record = AccountRecord {
        account: &entry.account,
        history: (implied.as_slice() != &*entry.history).then_some(&*entry.history),
        last_seen: entry.last_seen,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

fn tweets_record(entry: &Entry<'_>) -> Option<String> {
    let saved: Vec<SavedTweet<'_>> = saved_tweets(entry);
    (!saved.is_empty()).then(|| serde_json::to_string(&saved).unwrap_or_default())
}

fn interactions_record(entry: &Entry<'_>) -> Option<String> {
    (!entry.interactions.is_empty())
        .then(|| serde_json::to_string(&entry.interactions).unwrap_or_default())
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
        _ => serde_json::from_str::<String>(text).ok(),
    }
}

impl Slot {
    /// Sets the sizes of its stored records.
    fn set_sizes(&mut self, sizes: [u32; 3]) {
        self.account_bytes = sizes[0];
        let [_, t, i] = sizes;
        if t != 0 || i != 0 || self.extra.is_some() {
            self.extra.get_or_insert_with(Box::default).stored = [t, i];
        }
        if self.extra.as_deref().is_some_and(super::Extra::is_empty) {
            self.extra = None;
        }
    }
}

impl Memory {
    /// The records changed since the last call, and the keys to delete; after
    /// this, the memory counts them as written. Evicts the least recently seen
    /// accounts while the stored records would exceed the byte cap.
    pub fn take_changes(&mut self) -> Changes {
        let mut changes = Changes {
            clear: std::mem::take(&mut self.tracker.cleared),
            ..Changes::default()
        };
        if changes.clear {
            self.tracker.detached.clear();
            self.tracker.stored_bytes = 0;
            for slot in self.slots.iter_mut().flatten() {
                slot.set_sizes([0; 3]);
            }
        }
        let dirty = std::mem::take(&mut self.tracker.dirty);
        for (key, kinds) in dirty {
            let Some(i) = self.find_key(&key) else {
                continue;
            };
            let Some(slot) = self.slots.get_mut(i as usize).and_then(Option::as_mut) else {
                continue;
            };
            let entry = slot.view();
            let account = (kinds & ACCOUNT != 0).then(|| account_record(&entry));
            let tweets = (kinds & TWEETS != 0).then(|| tweets_record(&entry));
            let interactions = (kinds & INTERACTIONS != 0).then(|| interactions_record(&entry));
            drop(entry);
            let mut sizes = slot.sizes();
            if let Some(record) = account {
                self.tracker.set_stored(&mut sizes, 0, record.len());
                changes.accounts.push((key.clone(), record));
            }
            if let Some(record) = tweets {
                let bytes = record.as_ref().map_or(0, String::len);
                self.tracker.set_stored(&mut sizes, 1, bytes);
                changes.tweets.push((key.clone(), record));
            }
            if let Some(record) = interactions {
                let bytes = record.as_ref().map_or(0, String::len);
                self.tracker.set_stored(&mut sizes, 2, bytes);
                changes.interactions.push((key, record));
            }
            slot.set_sizes(sizes);
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
            if !changes.clear {
                changes.deleted.push(key);
            }
        }
        if !changes.deleted.is_empty() {
            let deleted: HashSet<&String> = changes.deleted.iter().collect();
            changes.accounts.retain(|(k, _)| !deleted.contains(k));
            changes.tweets.retain(|(k, _)| !deleted.contains(k));
            changes.interactions.retain(|(k, _)| !deleted.contains(k));
        }
        crate::sort::values(&mut changes.deleted);
        changes.evicted = std::mem::take(&mut self.tracker.evicted);
        changes.bytes = self.tracker.stored_bytes;
        changes.total = self.count;
        changes
    }

    /// Hands out every record again at the next save, into an emptied store
    /// (after a save that failed: what the store holds is then unknown).
    pub fn rewrite_all(&mut self) {
        let keys: Vec<String> = self.keys().collect();
        self.tracker.replace_all(keys.into_iter());
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

    /// Restores one chunk of records, each kind as `key\trecord` lines (the
    /// key a JSON string): some accounts records and the posts and
    /// interactions records of the same keys (one whose account is not in the
    /// chunk is skipped). Unreadable records are skipped (and deleted at the
    /// next save). Chunks in key order restore what one chunk of everything
    /// would: of two accounts under one key or holding one handle, the one
    /// last observed with it wins (the first read on a tie), as
    /// [`Memory::from_json`].
    pub fn restore_chunk(&mut self, accounts: &str, tweets: &str, interactions: &str) {
        let mut report = self.restoring.take().unwrap_or_default();
        let mut tweets_by: HashMap<String, &str> = HashMap::new();
        let mut interactions_by: HashMap<String, &str> = HashMap::new();
        for (key, record) in lines(tweets) {
            match key {
                Some(k) => drop(tweets_by.insert(k, record)),
                None => report.skipped += 1,
            }
        }
        for (key, record) in lines(interactions) {
            match key {
                Some(k) => drop(interactions_by.insert(k, record)),
                None => report.skipped += 1,
            }
        }
        let mut scratch = Vec::with_capacity(512);
        for (key, record) in lines(accounts) {
            let Some(key) = key else {
                report.skipped += 1;
                continue;
            };
            let posts = tweets_by.remove(&key);
            let acts = interactions_by.remove(&key);
            // Most accounts: the record's usual shape, no posts or
            // interactions, read straight into the compact form.
            let quick = (posts.is_none() && acts.is_none())
                .then(|| compact::read_account_record(record))
                .flatten();
            if let Some(quick) = quick {
                let p = &quick.parts;
                compact::encode_parts(p, &mut scratch);
                let filed_right = match p.id.filter(|i| !i.is_empty()) {
                    Some(id) => key.strip_prefix('#') == Some(id),
                    None => key.strip_prefix('@').is_some_and(|h| {
                        h.len() == p.handle.len()
                            && h.bytes()
                                .zip(p.handle.bytes())
                                .all(|(a, b)| a == b.to_ascii_lowercase())
                    }),
                };
                let own_key = if filed_right {
                    key.clone()
                } else {
                    match p.id.filter(|i| !i.is_empty()) {
                        Some(id) => format!("#{id}"),
                        None => format!("@{}", p.handle.to_ascii_lowercase()),
                    }
                };
                let last_seen = quick.last_seen;
                let order = (p.times[1].unwrap_or(last_seen), last_seen);
                let slot = Slot {
                    blob: Box::from(scratch.as_slice()),
                    extra: None,
                    account_bytes: u32::try_from(record.len()).unwrap_or(u32::MAX),
                    last_seen,
                    features: Default::default(),
                };
                let handle = p.handle;
                self.restore_slot(key, own_key, handle, order, slot, &mut report);
                continue;
            }
            let parsed = serde_json::from_str::<AccountRecordIn>(record)
                .ok()
                .and_then(|r| {
                    let tweets: Vec<Tweet> = posts
                        .and_then(|t| serde_json::from_str(t).ok())
                        .unwrap_or_default();
                    let interactions: Vec<Interaction> = acts
                        .and_then(|i| serde_json::from_str(i).ok())
                        .unwrap_or_default();
                    let has_history = r.history.is_some();
                    let entry = EntryData {
                        account: r.account,
                        tweets,
                        history: r.history.unwrap_or_default(),
                        interactions,
                        last_seen: r.last_seen,
                    };
                    load_entry_parts(entry, has_history)
                });
            let len = |s: Option<&str>| s.map_or(0, |s| u32::try_from(s.len()).unwrap_or(u32::MAX));
            match parsed {
                Some(entry) => {
                    let sizes = [len(Some(record)), len(posts), len(acts)];
                    self.restore_one(key, entry, sizes, &mut report);
                }
                None => {
                    report.skipped += 1;
                    self.tracker.gone(&key);
                }
            }
        }
        // Posts and interactions whose account record is missing.
        for key in tweets_by.into_keys().chain(interactions_by.into_keys()) {
            report.skipped += 1;
            self.tracker.gone(&key);
        }
        self.restoring = Some(report);
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
        stored_key: String,
        entry: EntryData,
        sizes: [u32; 3],
        report: &mut LoadReport,
    ) {
        let key = entry_key(&entry.account);
        let handle = entry.account.key();
        let order = (
            entry.account.observed_at.unwrap_or(entry.last_seen),
            entry.last_seen,
        );
        let slot = Slot::of(entry, sizes);
        self.restore_slot(stored_key, key, &handle, order, slot, report);
    }

    /// [`Memory::restore_one`] for an entry in its compact form, with its
    /// key, lower-case handle and `(observed with its handle, last seen)`.
    fn restore_slot(
        &mut self,
        stored_key: String,
        key: String,
        handle: &str,
        order: (i64, i64),
        mut slot: Slot,
        report: &mut LoadReport,
    ) {
        let newer_than =
            |memory: &Memory, i: u32| memory.slot(i).is_some_and(|s| order > s.order());
        if let Some(held) = self.find_key(&key) {
            if !newer_than(self, held) {
                report.skipped += 1;
                self.tracker.gone(&stored_key);
                return;
            }
            self.unrestore(held, report);
        }
        let mut hold = false;
        if !handle.is_empty() {
            match self.holder(handle) {
                None => hold = true,
                Some(other) if newer_than(self, other) => {
                    // The older holder loses the handle: without an id, it is unreachable.
                    if self.slot(other).is_some_and(|s| s.key().starts_with('@')) {
                        self.unrestore(other, report);
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
            self.tracker.gone(&stored_key);
            return;
        }
        report.loaded += 1;
        if stored_key == key {
            self.tracker.stored_bytes += slot.sizes().iter().map(|b| *b as usize).sum::<usize>();
            self.put(slot, hold);
        } else {
            // Stored under another key: written again under its own.
            self.tracker.gone(&stored_key);
            slot.set_sizes([0; 3]);
            self.put(slot, hold);
            self.tracker.mark(&key, ALL, false);
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
