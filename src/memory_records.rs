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
    entry_key, implied_history, load_entry_parts, saved_tweets, Entry, Memory, SavedTweet,
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
#[derive(Clone, Debug)]
pub(super) struct Tracker {
    /// Keys whose records changed, with the kinds that did.
    dirty: HashMap<String, u8>,
    /// Keys taken out (evicted, moved to an id, folded into another entry).
    gone: HashSet<String>,
    /// Bytes of each stored record by key: account, tweets, interactions.
    stored: HashMap<String, [u32; 3]>,
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
            stored: HashMap::new(),
            stored_bytes: 0,
            evicted: 0,
            cleared: false,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl Tracker {
    /// Notes that `kinds` of the record under `key` changed.
    pub(super) fn mark(&mut self, key: &str, kinds: u8) {
        self.gone.remove(key);
        // A record never written is written whole.
        let kinds = if self.stored.contains_key(key) {
            kinds
        } else {
            ALL
        };
        *self.dirty.entry(key.to_string()).or_insert(0) |= kinds;
    }

    /// Notes that the entry under `key` was taken out.
    pub(super) fn gone(&mut self, key: &str) {
        self.gone.insert(key.to_string());
    }

    pub(super) fn evicted(&mut self, count: usize) {
        self.evicted += count;
    }

    /// Everything is to be written again, into an emptied store.
    pub(super) fn replace_all<'a>(&mut self, keys: impl Iterator<Item = &'a String>) {
        *self = Tracker {
            cleared: true,
            max_bytes: self.max_bytes,
            evicted: self.evicted,
            ..Tracker::default()
        };
        for key in keys {
            self.dirty.insert(key.clone(), ALL);
        }
    }

    fn set_stored(&mut self, key: &str, kind: usize, bytes: usize) {
        let sizes = self.stored.entry(key.to_string()).or_insert([0; 3]);
        self.stored_bytes = self.stored_bytes - sizes[kind] as usize + bytes;
        sizes[kind] = u32::try_from(bytes).unwrap_or(u32::MAX);
    }

    /// Sizes of a key's records as loaded (not stored before).
    fn set_all_stored(&mut self, key: String, sizes: [u32; 3]) {
        self.stored_bytes += sizes.iter().map(|b| *b as usize).sum::<usize>();
        if let Some(old) = self.stored.insert(key, sizes) {
            self.stored_bytes -= old.iter().map(|b| *b as usize).sum::<usize>();
        }
    }

    fn forget_stored(&mut self, key: &str) {
        if let Some(sizes) = self.stored.remove(key) {
            let bytes: usize = sizes.iter().map(|b| *b as usize).sum();
            self.stored_bytes = self.stored_bytes.saturating_sub(bytes);
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

fn account_record(entry: &Entry) -> String {
    let implied = implied_history(&entry.account);
    let record = AccountRecord {
        account: &entry.account,
        history: (implied.as_slice() != entry.history.as_slice())
            .then_some(entry.history.as_slice()),
        last_seen: entry.last_seen,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

fn tweets_record(entry: &Entry) -> Option<String> {
    let saved: Vec<SavedTweet<'_>> = saved_tweets(entry);
    (!saved.is_empty()).then(|| serde_json::to_string(&saved).unwrap_or_default())
}

fn interactions_record(entry: &Entry) -> Option<String> {
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

/// An entry read from its records, with what ordering and inserting it needs
/// (worked out while its record is at hand).
struct Loaded {
    /// Newest first: when it was last observed with its handle, then last seen.
    order: (i64, i64),
    key: String,
    handle: String,
    entry: Entry,
    sizes: [u32; 3],
    stored_key: String,
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
            self.tracker.stored.clear();
            self.tracker.stored_bytes = 0;
        }
        let dirty = std::mem::take(&mut self.tracker.dirty);
        for (key, kinds) in dirty {
            let Some(entry) = self.entries.get(&key) else {
                continue;
            };
            if kinds & ACCOUNT != 0 {
                let record = account_record(entry);
                self.tracker.set_stored(&key, 0, record.len());
                changes.accounts.push((key.clone(), record));
            }
            if kinds & TWEETS != 0 {
                let record = tweets_record(entry);
                self.tracker
                    .set_stored(&key, 1, record.as_ref().map_or(0, String::len));
                changes.tweets.push((key.clone(), record));
            }
            if kinds & INTERACTIONS != 0 {
                let record = interactions_record(entry);
                self.tracker
                    .set_stored(&key, 2, record.as_ref().map_or(0, String::len));
                changes.interactions.push((key, record));
            }
        }
        if self.tracker.stored_bytes > self.tracker.max_bytes {
            self.evict_bytes_to(self.tracker.max_bytes - self.tracker.max_bytes / 10);
        }
        let gone = std::mem::take(&mut self.tracker.gone);
        for key in gone {
            if self.entries.contains_key(&key) {
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
        changes.deleted.sort_unstable();
        changes.evicted = std::mem::take(&mut self.tracker.evicted);
        changes.bytes = self.tracker.stored_bytes;
        changes.total = self.entries.len();
        changes
    }

    /// Hands out every record again at the next save, into an emptied store
    /// (after a save that failed: what the store holds is then unknown).
    pub fn rewrite_all(&mut self) {
        self.tracker.replace_all(self.entries.keys());
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
        let mut by_age: Vec<(i64, String)> = self
            .entries
            .iter()
            .map(|(k, e)| (e.last_seen, k.clone()))
            .collect();
        by_age.sort_unstable();
        let mut evicted = 0;
        for (_, key) in by_age {
            if self.tracker.stored_bytes <= target {
                break;
            }
            self.remove(&key);
            self.tracker.forget_stored(&key);
            evicted += 1;
        }
        self.tracker.evicted(evicted);
    }

    /// Restores a memory from its records, each kind as `key\trecord` lines
    /// (the key a JSON string). Unreadable records and posts or interactions
    /// without an account are skipped (and deleted at the next save); the
    /// account last observed with a handle keeps it, as [`Memory::from_json`].
    pub fn from_records(
        capacity: usize,
        accounts: &str,
        tweets: &str,
        interactions: &str,
    ) -> (Memory, LoadReport) {
        let mut memory = Memory::new(capacity);
        let mut report = LoadReport::default();
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
        let mut loaded: Vec<Loaded> = Vec::new();
        for (key, record) in lines(accounts) {
            let Some(key) = key else {
                report.skipped += 1;
                continue;
            };
            let posts = tweets_by.remove(&key);
            let acts = interactions_by.remove(&key);
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
                    let entry = Entry {
                        account: r.account,
                        tweets,
                        history: r.history.unwrap_or_default(),
                        interactions,
                        last_seen: r.last_seen,
                        features: Default::default(),
                    };
                    load_entry_parts(entry, has_history)
                });
            let len = |s: Option<&str>| s.map_or(0, |s| u32::try_from(s.len()).unwrap_or(u32::MAX));
            match parsed {
                Some(entry) => {
                    let sizes = [len(Some(record)), len(posts), len(acts)];
                    loaded.push(Loaded {
                        order: (
                            entry.account.observed_at.unwrap_or(entry.last_seen),
                            entry.last_seen,
                        ),
                        key: entry_key(&entry.account),
                        handle: entry.account.key(),
                        entry,
                        sizes,
                        stored_key: key,
                    });
                }
                None => {
                    report.skipped += 1;
                    memory.tracker.gone(&key);
                }
            }
        }
        // Posts and interactions whose account record is missing.
        for key in tweets_by.into_keys().chain(interactions_by.into_keys()) {
            report.skipped += 1;
            memory.tracker.gone(&key);
        }
        // Sorted by index: the entries themselves are large to move.
        let mut order: Vec<(std::cmp::Reverse<(i64, i64)>, usize)> = loaded
            .iter()
            .enumerate()
            .map(|(i, l)| (std::cmp::Reverse(l.order), i))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Loaded>> = loaded.into_iter().map(Some).collect();
        memory.entries.reserve(slots.len());
        memory.by_handle.reserve(slots.len());
        memory.tracker.stored.reserve(slots.len());
        for (_, i) in order {
            let Some(l) = slots.get_mut(i).and_then(Option::take) else {
                continue;
            };
            let Loaded {
                key,
                handle,
                entry,
                sizes,
                stored_key,
                ..
            } = l;
            if memory.insert_loaded_as(key.clone(), handle, entry) {
                report.loaded += 1;
                if stored_key == key {
                    memory.tracker.set_all_stored(stored_key, sizes);
                } else {
                    // Stored under another key: written again under its own.
                    memory.tracker.gone(&stored_key);
                    memory.tracker.mark(&key, ALL);
                }
            } else {
                report.skipped += 1;
                memory.tracker.gone(&stored_key);
            }
        }
        memory.evict_to(memory.capacity);
        (memory, report)
    }
}
