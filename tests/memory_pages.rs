//! The packed-pages memory store (src/memory_records.rs, the page form in
//! src/memory_binary.rs): a Rust model of the worker's IndexedDB exactly as
//! the contract states `writeChanges` and `restoreRecords` (pages, the three
//! loose stores, the `gone` tombstones), driven by random sequences of
//! remembering, evictions, clears, failed saves and restarts, always restores
//! the live memory; damaged pages are skipped, counted and compacted away;
//! the loose count survives a restore; the compaction policy is what its doc
//! says; bad tombstone text changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use followback::memory::{loose_limit, read_page, Changes, LoadReport, Memory, PAGE_ACCOUNTS};
use followback::model::{Account, Interaction, InteractionKind, Source, Tweet};
use proptest::prelude::*;
use serde_json::Value;

/// The worker's IndexedDB as memory-store.js keeps it (DB_VERSION 2).
#[derive(Default, Debug, Clone)]
struct Idb {
    pages: BTreeMap<usize, Vec<u8>>,
    accounts: BTreeMap<String, Vec<u8>>,
    tweets: BTreeMap<String, Vec<u8>>,
    interactions: BTreeMap<String, Vec<u8>>,
    gone: BTreeSet<String>,
}

impl Idb {
    /// `writeChanges`: a compaction replaces everything with the pages;
    /// otherwise deletes (each kept as a tombstone), then puts (each
    /// taking its key's tombstone away).
    fn write(&mut self, c: &Changes) {
        if let Some(pages) = &c.pages {
            assert!(c.clear, "a compaction clears");
            assert!(
                c.accounts.is_empty()
                    && c.tweets.is_empty()
                    && c.interactions.is_empty()
                    && c.deleted.is_empty(),
                "a compaction holds nothing but pages"
            );
            *self = Idb::default();
            for (i, p) in pages.iter().enumerate() {
                self.pages.insert(i, p.clone());
            }
            return;
        }
        assert!(!c.clear, "a clear always comes with pages");
        for k in &c.deleted {
            self.accounts.remove(k);
            self.tweets.remove(k);
            self.interactions.remove(k);
            self.gone.insert(k.clone());
        }
        for (k, v) in &c.accounts {
            self.accounts.insert(k.clone(), v.clone());
            self.gone.remove(k);
        }
        for (map, list) in [
            (&mut self.tweets, &c.tweets),
            (&mut self.interactions, &c.interactions),
        ] {
            for (k, v) in list {
                match v {
                    Some(v) => map.insert(k.clone(), v.clone()),
                    None => map.remove(k),
                };
                self.gone.remove(k);
            }
        }
    }

    /// Loose values a restore reads one by one (records and tombstones).
    fn loose_values(&self) -> usize {
        self.accounts.len() + self.tweets.len() + self.interactions.len() + self.gone.len()
    }

    /// `restoreRecords`: every page in key order, then the tombstones as one
    /// JSON array, then the loose records in batches of `batch` accounts
    /// with the posts and interactions of the same key range.
    fn restore(&self, capacity: usize, batch: usize) -> (Memory, LoadReport) {
        let mut m = Memory::new(capacity);
        m.restore_begin(self.pages.len() * PAGE_ACCOUNTS + self.accounts.len());
        for page in self.pages.values() {
            m.restore_page(page);
        }
        let gone: Vec<&String> = self.gone.iter().collect();
        let text = serde_json::to_string(&gone).unwrap_or_default();
        assert!(m.restore_forget_json(&text).is_ok());
        let keys: Vec<&String> = self.accounts.keys().collect();
        let mut after: Option<&String> = None;
        let mut start = 0;
        loop {
            let chunk = &keys[start..(start + batch).min(keys.len())];
            let last = chunk.len() < batch;
            let upto = if last { None } else { chunk.last().copied() };
            let in_range =
                |k: &&String| after.map_or(true, |a| *k > a) && upto.map_or(true, |u| *k <= u);
            fn list<'a>(
                m: &'a BTreeMap<String, Vec<u8>>,
                in_range: &dyn Fn(&&String) -> bool,
            ) -> Vec<(String, &'a [u8])> {
                m.iter()
                    .filter(|(k, _)| in_range(k))
                    .map(|(k, v)| (k.clone(), v.as_slice()))
                    .collect()
            }
            m.restore_records(followback::memory::Records {
                accounts: chunk
                    .iter()
                    .map(|k| ((*k).clone(), self.accounts[*k].as_slice()))
                    .collect(),
                tweets: list(&self.tweets, &in_range),
                interactions: list(&self.interactions, &in_range),
            });
            if last {
                break;
            }
            after = upto;
            start += batch;
        }
        let report = m.restore_finish();
        (m, report)
    }

    /// The loose records alone, as one batch (a v1 store's restore).
    fn loose_batch(&self) -> followback::memory::Records<'_> {
        fn list(m: &BTreeMap<String, Vec<u8>>) -> Vec<(String, &[u8])> {
            m.iter().map(|(k, v)| (k.clone(), v.as_slice())).collect()
        }
        followback::memory::Records {
            accounts: list(&self.accounts),
            tweets: list(&self.tweets),
            interactions: list(&self.interactions),
        }
    }
}

/// A memory's entries in the export format, comparable whatever order they
/// are kept in (the export is what a user can see of the memory: every fact,
/// post, snapshot and interaction of every entry, and the cap).
fn entries(m: &Memory) -> (usize, Vec<String>) {
    let file: Value = serde_json::from_str(&m.to_json()).unwrap_or(Value::Null);
    let mut out: Vec<String> = file["entries"]
        .as_array()
        .map(|a| a.iter().map(Value::to_string).collect())
        .unwrap_or_default();
    out.sort();
    (m.capacity(), out)
}

const HANDLES: [&str; 6] = ["ann", "bob", "cat", "dan", "eve", "fay"];

fn id_of(person: u8) -> String {
    format!("{}", 100 + u64::from(person))
}

fn handle_of(person: u8, variant: u8) -> String {
    HANDLES[usize::from(person + variant) % HANDLES.len()].to_string()
}

#[derive(Clone, Debug)]
enum Op {
    /// An account seen (with its id, or only its handle: the id arrives later).
    Account {
        person: u8,
        variant: u8,
        followers: u64,
        with_id: bool,
    },
    /// A post by the person (known by id or by handle).
    Post {
        person: u8,
        n: u16,
        by_id: bool,
    },
    /// An interaction by a handle (creates the account when new).
    Act {
        person: u8,
        variant: u8,
    },
    /// A save written to the store.
    Save,
    /// A save lost (the write failed): everything is written again.
    FailedSave,
    Clear,
    Rewrite,
    /// The byte cap (evictions by bytes at the next save).
    MaxBytes(usize),
    /// The worker restarts: the memory is what the store restores.
    Restart {
        batch: usize,
    },
    /// Save, then restore a fresh memory and compare.
    Check {
        batch: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0u8..10, 0u8..3, 0u64..4, prop::bool::weighted(0.8)).prop_map(
            |(person, variant, followers, with_id)| Op::Account { person, variant, followers, with_id }
        ),
        3 => (0u8..10, 0u16..30, any::<bool>()).prop_map(|(person, n, by_id)| Op::Post { person, n, by_id }),
        2 => (0u8..10, 0u8..3).prop_map(|(person, variant)| Op::Act { person, variant }),
        4 => Just(Op::Save),
        1 => Just(Op::FailedSave),
        1 => Just(Op::Clear),
        1 => Just(Op::Rewrite),
        1 => (200usize..4000).prop_map(Op::MaxBytes),
        2 => (1usize..6).prop_map(|batch| Op::Restart { batch }),
        3 => (1usize..6).prop_map(|batch| Op::Check { batch }),
    ]
}

/// Saves `m` into `idb`, checking the store holds no more loose values than
/// the limit allows.
fn save(m: &mut Memory, idb: &mut Idb, limit: usize) {
    let c = m.take_changes();
    idb.write(&c);
    if c.pages.is_none() {
        assert!(
            idb.loose_values() <= limit,
            "{} loose values past the limit {limit}",
            idb.loose_values()
        );
    } else {
        assert_eq!(m.loose_records(), 0, "a compaction starts the count again");
        assert_eq!(
            c.bytes,
            page_record_bytes(&c),
            "bytes are the pages' records"
        );
        assert_eq!(c.total, m.len());
    }
}

/// The bytes of every record a compaction's pages hold.
fn page_record_bytes(c: &Changes) -> usize {
    c.pages
        .iter()
        .flatten()
        .filter_map(|p| read_page(p))
        .map(|r| {
            [r.accounts, r.tweets, r.interactions]
                .iter()
                .flatten()
                .map(|(_, v)| v.len())
                .sum::<usize>()
        })
        .sum()
}

/// A restore of `idb` equals `live` (its export), reads nothing damaged,
/// seeds the loose count with the values read, and leaves nothing to write.
fn check(live: &Memory, idb: &Idb, batch: usize) -> Memory {
    let (back, report) = idb.restore(live.capacity(), batch);
    assert_eq!(report.skipped, 0, "{report:?}");
    assert_eq!(report.loaded, live.len(), "{report:?}");
    assert_eq!(entries(&back), entries(live));
    assert_eq!(back.loose_records(), idb.loose_values());
    assert!(back.loose_records() <= live.loose_records().max(idb.loose_values()));
    if idb.pages.is_empty() {
        // A store without pages (a v1 store) restores as a batch of its records does.
        let (v1, _) = Memory::from_stored(live.capacity(), idb.loose_batch());
        assert_eq!(entries(&v1), entries(&back));
    }
    let again = back.clone().take_changes();
    assert!(
        again.is_empty() || again.pages.is_some(),
        "nothing to write after a restore but a compaction: {again:?}"
    );
    back
}

fn run(ops: &[Op], capacity: usize, limit: usize) {
    let mut m = Memory::new(capacity);
    m.set_loose_limit(Some(limit));
    let mut idb = Idb::default();
    let mut max_bytes = None;
    let mut now = 1_700_000_000i64;
    for op in ops {
        now += 10;
        match op.clone() {
            Op::Account {
                person,
                variant,
                followers,
                with_id,
            } => {
                let handle = handle_of(person, variant);
                let a = Account {
                    id: with_id.then(|| id_of(person)),
                    followers: Some(followers),
                    following: Some(3),
                    bio: Some(format!("bio {person}")),
                    ..Account::with_handle(handle, Source::Graphql)
                };
                m.remember_account(a, now);
            }
            Op::Post { person, n, by_id } => m.remember_tweet(
                Tweet {
                    id: Some(format!("9{n}")),
                    author_id: by_id.then(|| id_of(person)),
                    author_handle: (!by_id).then(|| handle_of(person, 0)),
                    text: format!("post {n}"),
                    created_at: Some(now),
                    ..Tweet::default()
                },
                now,
            ),
            Op::Act { person, variant } => m.remember_interaction(
                Interaction {
                    handle: handle_of(person, variant),
                    kind: InteractionKind::Liked,
                    at: Some(now),
                    source: Source::Page,
                    notification: None,
                },
                now,
            ),
            Op::Save => save(&mut m, &mut idb, limit),
            Op::FailedSave => {
                let _lost = m.take_changes();
                m.rewrite_all();
            }
            Op::Clear => m.clear(),
            Op::Rewrite => m.rewrite_all(),
            Op::MaxBytes(b) => {
                max_bytes = Some(b);
                m.set_max_bytes(b);
            }
            Op::Restart { batch } => {
                save(&mut m, &mut idb, limit);
                m = check(&m, &idb, batch);
                m.set_loose_limit(Some(limit));
                if let Some(b) = max_bytes {
                    m.set_max_bytes(b);
                }
            }
            Op::Check { batch } => {
                save(&mut m, &mut idb, limit);
                check(&m, &idb, batch);
            }
        }
    }
    save(&mut m, &mut idb, limit);
    check(&m, &idb, 3);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Random remembering, evictions (count cap and byte cap), clears,
    /// rewrites, failed saves and restarts, saved at random points into the
    /// modelled store: a fresh memory restored from it (pages, tombstones,
    /// loose records) is the live memory, whatever the compaction limit.
    #[test]
    fn pages_tombstones_and_loose_records_restore_the_live_memory(
        ops in proptest::collection::vec(op(), 1..60),
        capacity in 3usize..14,
        limit in 0usize..12,
    ) {
        run(&ops, capacity, limit);
    }
}

/// `n` accounts with ids, one post each for every third.
fn memory_of(n: usize, capacity: usize) -> Memory {
    let mut m = Memory::new(capacity);
    for i in 0..n {
        let id = (1_500_000_000_000_000_000u64 + i as u64).to_string();
        let a = Account {
            id: Some(id.clone()),
            followers: Some(i as u64),
            ..Account::with_handle(format!("user_{i}"), Source::Graphql)
        };
        m.remember_account(a, 1_700_000_000 + i as i64);
        if i % 3 == 0 {
            m.remember_tweet(
                Tweet {
                    id: Some(format!("7{i}")),
                    author_id: Some(id),
                    text: format!("post {i}"),
                    created_at: Some(1_700_000_000),
                    ..Tweet::default()
                },
                1_700_000_000 + i as i64,
            );
        }
    }
    m
}

#[test]
fn a_compaction_writes_pages_of_a_thousand_in_key_order() {
    let mut m = memory_of(2_345, 10_000);
    m.rewrite_all();
    let c = m.take_changes();
    let pages = c.pages.as_deref().unwrap_or_default();
    assert!(c.clear && c.accounts.is_empty() && c.deleted.is_empty());
    let read: Vec<_> = pages.iter().filter_map(|p| read_page(p)).collect();
    let sizes: Vec<usize> = read.iter().map(|r| r.accounts.len()).collect();
    assert_eq!(sizes, vec![1_000, 1_000, 345]);
    let keys: Vec<&String> = read
        .iter()
        .flat_map(|r| r.accounts.iter().map(|(k, _)| k))
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "keys ascend across pages"
    );
    assert_eq!(read.iter().map(|r| r.tweets.len()).sum::<usize>(), 782);
    assert_eq!(c.total, 2_345);
    assert_eq!(c.bytes, page_record_bytes(&c));
    assert_eq!(m.loose_records(), 0);
    assert!(m.take_changes().is_empty(), "nothing more to write");
}

#[test]
fn the_first_change_to_a_paged_entry_writes_all_its_kinds() {
    let mut m = memory_of(10, 100);
    m.rewrite_all();
    let mut idb = Idb::default();
    idb.write(&m.take_changes());
    // #..000 has a post: a new count alone rewrites its account, posts (and no interactions).
    let a = Account {
        id: Some("1500000000000000000".into()),
        followers: Some(99),
        ..Account::with_handle("user_0", Source::Graphql)
    };
    m.remember_account(a.clone(), 1_800_000_000);
    let c = m.take_changes();
    assert!(c.pages.is_none());
    let key = "#1500000000000000000".to_string();
    assert_eq!(
        c.accounts.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        vec![&key]
    );
    assert_eq!(c.tweets.len(), 1);
    assert!(c.tweets[0].1.is_some(), "its posts come along");
    assert_eq!(c.interactions, vec![(key.clone(), None)]);
    idb.write(&c);
    assert_eq!(m.loose_records(), 2, "an account and a posts record");
    // Once loose, a change writes only what changed.
    m.remember_account(
        Account {
            followers: Some(100),
            ..a
        },
        1_800_000_100,
    );
    let c = m.take_changes();
    assert_eq!(c.accounts.len(), 1);
    assert!(c.tweets.is_empty() && c.interactions.is_empty());
    idb.write(&c);
    assert_eq!(m.loose_records(), 2, "the same values rewritten");
    let (back, report) = idb.restore(100, 4);
    assert_eq!(
        report,
        LoadReport {
            loaded: 10,
            skipped: 0
        }
    );
    assert_eq!(entries(&back), entries(&m));
    assert_eq!(
        back.get(Some("1500000000000000000"), None)
            .and_then(|e| e.account.followers),
        Some(100),
        "the loose record replaced the page's"
    );
}

#[test]
fn a_clear_is_a_compaction_of_nothing() {
    let mut m = memory_of(5, 100);
    let _ = m.take_changes();
    m.clear();
    let c = m.take_changes();
    assert!(c.clear);
    assert_eq!(c.pages, Some(Vec::new()));
    assert_eq!((c.total, c.bytes), (0, 0));
}

/// A store of 1,005 entries in two pages (1,000 and 5), and a loose change.
fn two_pages() -> (Memory, Idb) {
    let mut m = memory_of(1_005, 10_000);
    let mut idb = Idb::default();
    m.rewrite_all();
    idb.write(&m.take_changes());
    assert_eq!(idb.pages.len(), 2);
    m.remember_account(
        Account {
            id: Some("1500000000000000001".into()),
            followers: Some(7),
            ..Account::with_handle("user_1", Source::Graphql)
        },
        1_800_000_000,
    );
    idb.write(&m.take_changes());
    assert_eq!(idb.accounts.len(), 1);
    (m, idb)
}

#[test]
fn a_damaged_page_is_skipped_counted_and_compacted_away() {
    let (live, idb) = two_pages();
    let small = idb.pages[&1].clone();
    let mut garbage: Vec<Vec<u8>> = (0..small.len()).map(|cut| small[..cut].to_vec()).collect();
    let mut trailing = small.clone();
    trailing.push(0);
    let mut other_version = small.clone();
    other_version[0] = 1;
    garbage.extend([
        trailing,
        other_version,
        b"{\"not\":\"a page\"}".to_vec(),
        vec![
            2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
        ],
        vec![2, 1, 0, 0, 0, 0],
    ]);
    let every = garbage.len();
    for (n, bad) in garbage.into_iter().enumerate() {
        // Every cut is read; the rewrite after it is checked for a sample of them.
        let full = n % 20 == 0 || n + 8 >= every;
        let mut damaged = idb.clone();
        damaged.pages.insert(1, bad.clone());
        let (mut back, report) = damaged.restore(10_000, 100);
        assert_eq!(
            report,
            LoadReport {
                loaded: 1_000,
                skipped: 1
            },
            "{bad:?}"
        );
        // The first page and the loose record are there.
        assert_eq!(
            back.get(Some("1500000000000000001"), None)
                .and_then(|e| e.account.followers),
            Some(7)
        );
        assert!(back.get(None, Some("user_999")).is_some());
        assert!(
            back.get(None, Some("user_1004")).is_none(),
            "its entries are lost"
        );
        if !full {
            continue;
        }
        // The next save rewrites the store without it, though nothing changed.
        let c = back.take_changes();
        let pages = c.pages.as_deref().unwrap_or_default();
        assert_eq!(pages.len(), 1);
        damaged.write(&c);
        let (again, report) = damaged.restore(10_000, 100);
        assert_eq!(
            report,
            LoadReport {
                loaded: 1_000,
                skipped: 0
            }
        );
        assert_eq!(entries(&again), entries(&back));
    }
    // Undamaged, everything is there.
    let (back, report) = idb.restore(10_000, 7);
    assert_eq!(report.skipped, 0);
    assert_eq!(entries(&back), entries(&live));
}

/// A page built by hand in the documented form: version 2, the count, then
/// each entry's key and three length-prefixed records (0: none).
fn hand_page(entries: &[(&str, &[u8])]) -> Vec<u8> {
    fn varint(out: &mut Vec<u8>, mut v: usize) {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }
    let mut out = vec![2];
    varint(&mut out, entries.len());
    for (key, account) in entries {
        varint(&mut out, key.len());
        out.extend_from_slice(key.as_bytes());
        varint(&mut out, account.len());
        out.extend_from_slice(account);
        out.extend([0, 0]);
    }
    out
}

#[test]
fn a_page_in_the_documented_form_reads_and_keys_out_of_order_do_not() {
    let mut m = Memory::new(10);
    for (i, h) in ["ann", "bob"].iter().enumerate() {
        m.remember_account(
            Account {
                id: Some(format!("{}", i + 1)),
                ..Account::with_handle(*h, Source::Graphql)
            },
            5,
        );
    }
    let c = m.take_changes();
    assert!(c.pages.is_none());
    let record = |k: &str| {
        c.accounts
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    let (one, two) = (record("#1"), record("#2"));
    let good = hand_page(&[("#1", &one), ("#2", &two)]);
    let read = read_page(&good).expect("the documented form reads");
    assert_eq!(read.accounts.len(), 2);
    let mut restored = Memory::new(10);
    restored.restore_begin(2);
    assert!(restored.restore_page(&good));
    assert_eq!(
        restored.restore_finish(),
        LoadReport {
            loaded: 2,
            skipped: 0
        }
    );
    assert_eq!(entries(&restored), entries(&m));
    for bad in [
        hand_page(&[("#2", &two), ("#1", &one)]),
        hand_page(&[("#1", &one), ("#1", &one)]),
        hand_page(&[("#1", &[])]),
    ] {
        assert!(read_page(&bad).is_none(), "{bad:?}");
    }
    // A bad account record inside a sound page is skipped alone.
    let page = hand_page(&[("#1", &one), ("#2", b"\x01garbage")]);
    let mut partial = Memory::new(10);
    partial.restore_begin(2);
    assert!(partial.restore_page(&page));
    assert_eq!(
        partial.restore_finish(),
        LoadReport {
            loaded: 1,
            skipped: 1
        }
    );
    let c = partial.take_changes();
    let rewritten: Vec<_> = c
        .pages
        .iter()
        .flatten()
        .filter_map(|p| read_page(p))
        .collect();
    assert_eq!(rewritten.len(), 1, "the page is written again...");
    assert_eq!(rewritten[0].accounts.len(), 1, "...without the bad record");
}

#[test]
fn the_loose_count_survives_a_restore() {
    let (live, mut idb) = two_pages();
    assert_eq!(live.loose_records(), 1);
    let (mut back, _) = idb.restore(10_000, 50);
    assert_eq!(back.loose_records(), 1);
    // Evictions add tombstones; a restart reads them back into the count.
    back.set_capacity(900);
    let c = back.take_changes();
    assert!(c.pages.is_none());
    assert_eq!(c.deleted.len(), 105, "{} deleted", c.deleted.len());
    idb.write(&c);
    assert_eq!(back.loose_records(), idb.loose_values());
    let (again, report) = idb.restore(900, 50);
    assert_eq!(report.skipped, 0);
    assert_eq!(again.loose_records(), 1 + 105);
    assert_eq!(entries(&again), entries(&back));
}

#[test]
fn the_policy_is_what_its_doc_says() {
    assert_eq!(loose_limit(0), 4_000);
    assert_eq!(loose_limit(1_000), 4_000);
    assert_eq!(loose_limit(10_000), 4_000);
    assert_eq!(loose_limit(68_000), 4_000);
    assert!(loose_limit(69_000) < 4_000);
    assert_eq!(loose_limit(100_000), 1_666);
    assert!(loose_limit(109_000) > 1_000);
    assert_eq!(loose_limit(109_001), 1_000);
    assert_eq!(loose_limit(1_000_000), 1_000);
    // The worst restore of 100k it allows, by its cost model.
    let worst_us = 100 * 2_200 + loose_limit(100_000) * 30;
    assert!(worst_us <= 270_000, "{worst_us} µs");
    // A memory's limit is the policy's at its size.
    let m = memory_of(1_000, 10_000);
    assert_eq!(m.loose_limit(), 4_000);
}

#[test]
fn a_save_that_would_pass_the_limit_compacts_instead() {
    // 1,000 paged entries, then every save touches 3 of them (3 values each
    // with a post, 1 without): the saves stay loose until one would pass 4,000.
    let mut m = memory_of(1_000, 10_000);
    let mut idb = Idb::default();
    m.rewrite_all();
    idb.write(&m.take_changes());
    assert!(!idb.pages.is_empty());
    let limit = m.loose_limit();
    assert_eq!(limit, 4_000);
    let mut compactions = 0;
    let mut now = 1_800_000_000;
    for round in 0..2_000u64 {
        for j in 0..3 {
            let i = (round * 3 + j) % 1_000 + 1;
            now += 1;
            let id = (1_500_000_000_000_000_000u64 + i).to_string();
            m.remember_account(
                Account {
                    id: Some(id),
                    followers: Some(round),
                    ..Account::with_handle(format!("user_{i}"), Source::Graphql)
                },
                now,
            );
            // New accounts (one value each) and evictions of the oldest.
            m.remember_account(
                Account {
                    id: Some(format!("{}", 9_000_000 + round * 3 + j)),
                    ..Account::with_handle(format!("new_{round}_{j}"), Source::Graphql)
                },
                now,
            );
        }
        let before = m.loose_records();
        let c = m.take_changes();
        idb.write(&c);
        if c.pages.is_some() {
            compactions += 1;
            assert!(before > limit / 2, "compacted early at {before}");
            assert_eq!(m.loose_records(), 0);
        } else {
            assert!(m.loose_records() <= limit);
            assert!(idb.loose_values() <= limit);
        }
    }
    assert!(compactions >= 1);
    let (back, report) = idb.restore(10_000, 500);
    assert_eq!(report.skipped, 0);
    assert_eq!(entries(&back), entries(&m));
}

#[test]
fn bad_tombstone_text_is_refused_and_changes_nothing() {
    let (_, idb) = two_pages();
    let mut m = Memory::new(10_000);
    m.restore_begin(2_000);
    for p in idb.pages.values() {
        m.restore_page(p);
    }
    let before = (entries(&m), m.loose_records(), m.len());
    for bad in [
        "{oops",
        "",
        "[\"#1500000000000000002\", 5]",
        "{\"keys\":[]}",
        "\"#1500000000000000002\"",
    ] {
        let err = m.restore_forget_json(bad).expect_err(bad);
        assert!(
            err.to_string().contains("not a JSON list of strings"),
            "{err}"
        );
        assert_eq!((entries(&m), m.loose_records(), m.len()), before, "{bad}");
    }
    assert_eq!(m.restore_forget_json("[\"#1500000000000000002\"]"), Ok(1));
    assert_eq!(m.len(), 1_004);
    assert_eq!(
        m.restore_finish(),
        LoadReport {
            loaded: 1_004,
            skipped: 0
        }
    );
}

/// A small real page (three entries, one with a post and an interaction).
fn small_page() -> Vec<u8> {
    let mut m = Memory::new(10);
    for (i, h) in ["ann", "bob", "cat"].iter().enumerate() {
        let id = format!("{}", i + 1);
        m.remember_account(
            Account {
                id: Some(id.clone()),
                followers: Some(i as u64),
                ..Account::with_handle(*h, Source::Graphql)
            },
            5,
        );
        if i == 1 {
            m.remember_tweet(
                Tweet {
                    id: Some("77".into()),
                    author_id: Some(id),
                    text: "hello".into(),
                    created_at: Some(4),
                    ..Tweet::default()
                },
                6,
            );
            m.remember_interaction(
                Interaction {
                    handle: (*h).into(),
                    kind: InteractionKind::Replied,
                    at: Some(6),
                    source: Source::Graphql,
                    notification: Some("n1".into()),
                },
                6,
            );
        }
    }
    m.rewrite_all();
    let c = m.take_changes();
    c.pages
        .and_then(|p| p.into_iter().next())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any bytes, and a real page with bytes changed: read whole or skipped
    /// whole (one count), never a panic; what loads is at most what it holds.
    #[test]
    fn any_page_bytes_are_read_or_skipped_whole(
        noise in proptest::collection::vec(any::<u8>(), 0..64),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        raw in any::<bool>(),
    ) {
        let mut page = if raw { noise.clone() } else { small_page() };
        if !raw {
            for (at, byte) in &flips {
                let i = at.index(page.len());
                page[i] = *byte;
            }
            page.extend_from_slice(&noise[..noise.len().min(2)]);
        }
        let mut m = Memory::new(10);
        m.restore_begin(3);
        let read = m.restore_page(&page);
        let report = m.restore_finish();
        prop_assert_eq!(read, read_page(&page).is_some());
        if read {
            let entries = read_page(&page).map_or(0, |r| r.accounts.len());
            prop_assert!(report.loaded <= entries);
            prop_assert_eq!(report.loaded, m.len());
        } else {
            prop_assert_eq!(report, LoadReport { loaded: 0, skipped: 1 });
            prop_assert!(m.take_changes().pages.is_some(), "a damaged page compacts");
        }
    }
}
