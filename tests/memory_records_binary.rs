//! The memory's stored records in their binary form (src/memory_binary.rs):
//! random memories come back whole from them; a store written by an older
//! version (JSON strings) restores to the same memory and is written again
//! in the binary form at the next save; a truncated or garbage record is
//! skipped, counted and deleted at the next save.

use followback::memory::{Memory, Records};
use followback::model::{
    Account, Interaction, InteractionKind, Snapshot, Source, Tweet, TweetKind,
};
use proptest::prelude::*;
use serde_json::Value;

mod common;
#[path = "common/store.rs"]
mod store;
use store::Store;

/// A remembered entry in the export format, with what the scoring
/// generators leave out: ids (numeric or not), links, replies, clients,
/// posts by others, interactions with notification ids, page sources.
fn entry() -> impl Strategy<Value = Value> {
    let id = prop_oneof![
        2 => Just(None),
        4 => (1u64..u64::MAX).prop_map(|n| Some(n.to_string())),
        1 => "0[0-9]{1,4}|[a-z]{1,6}".prop_map(Some),
    ];
    let source = prop_oneof![
        Just(Source::Graphql),
        Just(Source::Page),
        Just(Source::File),
        Just(Source::Memory),
    ];
    let post = (
        (
            proptest::option::of("[0-9]{1,19}"),
            prop_oneof![
                Just(TweetKind::Original),
                Just(TweetKind::Reply),
                Just(TweetKind::Repost),
                Just(TweetKind::Quote),
            ],
            "[a-zé🙂 #@]{0,40}",
            proptest::option::of(-5i64..2_000_000_000),
        ),
        (
            proptest::option::of("[a-z]{1,8}"),
            proptest::collection::vec("https://[a-z]{1,8}\\.com/[a-z]{0,5}", 0..3),
            proptest::option::of("[A-Za-z ]{1,12}"),
            source.clone(),
            proptest::option::of(("[0-9]{1,5}", "[a-z]{1,8}")),
        ),
    );
    let kind = prop_oneof![
        Just(InteractionKind::Followed),
        Just(InteractionKind::Liked),
        Just(InteractionKind::Reposted),
        Just(InteractionKind::Replied),
        Just(InteractionKind::Mentioned),
        Just(InteractionKind::Messaged),
    ];
    let act = (
        kind,
        proptest::option::of(0i64..2_000_000_000),
        source.clone(),
        proptest::option::of("[a-zA-Z0-9-]{1,20}"),
    );
    (
        common::account(),
        id,
        source,
        proptest::option::of(0i64..2_000_000_000),
        proptest::collection::vec(post, 0..5),
        prop_oneof![2 => Just(None), 1 => common::history().prop_map(Some)],
        proptest::collection::vec(act, 0..4),
        0i64..2_000_000_000,
    )
        .prop_map(
            |(mut account, id, source, observed, posts, history, acts, last_seen)| {
                account.id = id;
                account.source = source;
                account.observed_at = observed;
                let tweets: Vec<Tweet> = posts
                    .into_iter()
                    .map(
                        |((pid, kind, text, at), (reply, urls, client, src, by))| Tweet {
                            id: pid,
                            author_id: by.as_ref().map(|b| b.0.clone()),
                            author_handle: by.map(|b| b.1),
                            text,
                            created_at: at,
                            kind,
                            reply_to: reply,
                            urls,
                            client,
                            source: src,
                        },
                    )
                    .collect();
                let interactions: Vec<Interaction> = acts
                    .into_iter()
                    .map(|(kind, at, source, notification)| Interaction {
                        handle: account.handle.clone(),
                        kind,
                        at,
                        source,
                        notification,
                    })
                    .collect();
                let mut e = serde_json::json!({
                    "account": account,
                    "tweets": tweets,
                    "interactions": interactions,
                    "last_seen": last_seen,
                });
                if let Some(h) = history {
                    e["history"] = serde_json::to_value::<Vec<Snapshot>>(h).unwrap_or(Value::Null);
                }
                e
            },
        )
}

/// A memory of `entries` (imported, as from a memory file).
fn memory_of(entries: &[Value]) -> Memory {
    let file = serde_json::json!({ "version": 1, "capacity": 1000, "entries": entries });
    Memory::from_json(&file.to_string()).expect("an export-format memory")
}

/// A memory's entries, comparable whatever order they are kept in.
fn entries(m: &Memory) -> Vec<String> {
    let file: Value = serde_json::from_str(&m.to_json()).unwrap_or(Value::Null);
    let mut out: Vec<String> = file["entries"]
        .as_array()
        .map(|a| a.iter().map(Value::to_string).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// The records the worker would hold for `m` (its first save applied).
fn saved(m: &mut Memory) -> Store {
    let mut store = Store::default();
    store.apply(&m.take_changes());
    store
}

fn key_of(a: &Value) -> String {
    match a["id"].as_str().filter(|i| !i.is_empty()) {
        Some(id) => format!("#{id}"),
        None => format!(
            "@{}",
            a["handle"]
                .as_str()
                .unwrap_or_default()
                .to_ascii_lowercase()
        ),
    }
}

/// The records an older version wrote for `m`: JSON strings, the account
/// record `{account, history?, last_seen}`, the saved posts and the
/// interactions as lists, which is what its memory file holds per entry.
fn old_form(m: &Memory) -> Store {
    let file: Value = serde_json::from_str(&m.to_json()).unwrap_or(Value::Null);
    let mut store = Store::default();
    for e in file["entries"].as_array().cloned().unwrap_or_default() {
        let key = key_of(&e["account"]);
        let mut record =
            serde_json::json!({ "account": e["account"], "last_seen": e["last_seen"] });
        if let Some(h) = e.get("history") {
            record["history"] = h.clone();
        }
        store
            .accounts
            .insert(key.clone(), record.to_string().into_bytes());
        for (map, list) in [
            (&mut store.tweets, &e["tweets"]),
            (&mut store.interactions, &e["interactions"]),
        ] {
            if list.as_array().is_some_and(|l| !l.is_empty()) {
                map.insert(key.clone(), list.to_string().into_bytes());
            }
        }
    }
    store
}

fn is_binary(record: &[u8]) -> bool {
    record.first() == Some(&1)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Random memory → records in the binary form → restore: the same
    /// memory, and nothing to write again.
    #[test]
    fn binary_records_restore_the_memory_they_were_written_from(
        list in proptest::collection::vec(entry(), 0..12),
    ) {
        let mut m = memory_of(&list);
        let store = saved(&mut m);
        for v in store.accounts.values().chain(store.tweets.values()).chain(store.interactions.values()) {
            prop_assert!(is_binary(v), "every record written in the binary form");
        }
        let (mut back, report) = Memory::from_stored(1000, store.records());
        prop_assert_eq!(report.skipped, 0);
        prop_assert_eq!(report.loaded, m.len());
        prop_assert_eq!(entries(&back), entries(&m));
        prop_assert_eq!(back.stored_bytes(), m.stored_bytes());
        prop_assert!(back.take_changes().is_empty(), "nothing to write after a restore");
    }

    /// Restored from pages, every entry reads back as the memory the pages
    /// were written from, posts field by field (their authors filled in as
    /// when they were remembered: posts kept in their stored form until
    /// first read, `src/memory.rs` `Posts`), before and after one of them
    /// is read or gets a new post; and a compaction of the restored memory
    /// writes the same pages, byte for byte (stored post records written as
    /// they are).
    #[test]
    fn posts_restored_from_pages_read_back_whole_and_are_written_again_unchanged(
        list in proptest::collection::vec(entry(), 0..12),
        touched in any::<prop::sample::Index>(),
    ) {
        let mut m = memory_of(&list);
        let _ = m.take_changes();
        let pages: Vec<Vec<u8>> = m.pages().collect();
        let restore = |pages: &[Vec<u8>]| {
            let mut back = Memory::new(1000);
            back.restore_begin(1000);
            for p in pages {
                assert!(back.restore_page(p), "a page the core wrote");
            }
            let report = back.restore_finish();
            (back, report)
        };
        let (mut back, report) = restore(&pages);
        prop_assert_eq!(report.skipped, 0);
        prop_assert_eq!(back.len(), m.len());
        let again: Vec<Vec<u8>> = back.pages().collect();
        prop_assert_eq!(&again, &pages, "the restored memory's pages are the ones it was read from");
        let live: Vec<(Option<String>, String)> = m
            .entries()
            .map(|e| (e.account.id.clone(), e.account.handle.clone()))
            .collect();
        for (id, handle) in &live {
            let a = m.get(id.as_deref(), Some(handle)).map(|e| e.to_data());
            let b = back.get(id.as_deref(), Some(handle)).map(|e| e.to_data());
            prop_assert_eq!(&b, &a, "entry {:?} / {}", id, handle);
        }
        // Read now, their stored records let go: written again from the
        // decoded posts, the same bytes.
        let read: Vec<Vec<u8>> = back.pages().collect();
        prop_assert_eq!(&read, &pages, "pages after every entry's posts were read");
        // A new post for one of them: its stored record is no longer its own.
        if !live.is_empty() {
            let (id, handle) = &live[touched.index(live.len())];
            let post = Tweet {
                id: Some("999".into()),
                author_id: id.clone(),
                author_handle: Some(handle.clone()),
                text: "one more".into(),
                created_at: Some(2_100_000_000),
                ..Tweet::default()
            };
            for memory in [&mut m, &mut back] {
                memory.remember_tweet(post.clone(), 2_100_000_000);
            }
            let (mut m2, mut back2) = (m.clone(), back.clone());
            for memory in [&mut m2, &mut back2] {
                memory.rewrite_all();
                let _ = memory.take_changes();
            }
            let a: Vec<Vec<u8>> = m2.pages().collect();
            let b: Vec<Vec<u8>> = back2.pages().collect();
            prop_assert_eq!(b, a, "pages after a new post");
            let a = m.get(id.as_deref(), Some(handle)).map(|e| e.to_data());
            let b = back.get(id.as_deref(), Some(handle)).map(|e| e.to_data());
            prop_assert_eq!(b, a, "the entry with the new post");
        }
    }

    /// A store an older version wrote (JSON strings) restores to the same
    /// memory; the next save writes every record again in the binary form,
    /// and that store restores to the same memory too. A store holding
    /// both forms does as well.
    #[test]
    fn records_in_the_old_json_form_restore_and_are_rewritten(
        list in proptest::collection::vec(entry(), 0..12),
        mixed in any::<u64>(),
    ) {
        let mut m = memory_of(&list);
        let old = old_form(&m);
        let (mut back, report) = Memory::from_stored(1000, old.records());
        prop_assert_eq!(report.skipped, 0);
        prop_assert_eq!(entries(&back), entries(&m));
        let mut store = old.clone();
        let changes = back.take_changes();
        prop_assert_eq!(changes.accounts.len(), m.len(), "every account record written again");
        prop_assert!(changes.deleted.is_empty());
        store.apply(&changes);
        for v in store.accounts.values().chain(store.tweets.values()).chain(store.interactions.values()) {
            prop_assert!(is_binary(v), "no JSON record left");
        }
        let (again, _) = Memory::from_stored(1000, store.records());
        prop_assert_eq!(entries(&again), entries(&m));

        // Half the records in each form.
        let new = saved(&mut m);
        let mut half = new.clone();
        for (i, (k, v)) in old.accounts.iter().enumerate() {
            if mixed >> (i % 64) & 1 == 1 {
                half.accounts.insert(k.clone(), v.clone());
                for (from, to) in [(&old.tweets, &mut half.tweets), (&old.interactions, &mut half.interactions)] {
                    if let Some(r) = from.get(k) {
                        to.insert(k.clone(), r.clone());
                    }
                }
            }
        }
        let (both, report) = Memory::from_stored(1000, half.records());
        prop_assert_eq!(report.skipped, 0);
        prop_assert_eq!(entries(&both), entries(&m));
    }
}

/// One account with posts, interactions and a count history, saved.
fn one_saved() -> (Memory, Store, String) {
    let ann = serde_json::json!({
        "account": { "id": "42", "handle": "Ann", "bio": "maps", "followers": 5, "observed_at": 100 },
        "tweets": [{ "id": "7", "text": "hello", "created_at": 90, "urls": ["https://a.example/"] }],
        "history": [{ "at": 50, "followers": 3 }, { "at": 100, "followers": 5 }],
        "interactions": [{ "handle": "Ann", "kind": "liked", "at": 95, "notification": "n1" }],
        "last_seen": 100,
    });
    let bob = serde_json::json!({ "account": { "id": "43", "handle": "bob" }, "last_seen": 90 });
    let mut m = memory_of(&[ann, bob]);
    let store = saved(&mut m);
    (m, store, "#42".to_string())
}

#[test]
fn a_truncated_account_record_is_skipped_counted_and_deleted_at_the_next_save() {
    let (_, store, key) = one_saved();
    let full = store.accounts[&key].clone();
    assert!(is_binary(&full));
    for cut in 0..full.len() {
        let mut broken = store.clone();
        broken.accounts.insert(key.clone(), full[..cut].to_vec());
        let (mut m, report) = Memory::from_stored(10, broken.records());
        assert_eq!(
            (report.loaded, report.skipped),
            (1, 1),
            "cut at {cut}: {report:?}"
        );
        assert!(m.get(Some("42"), None).is_none(), "cut at {cut}");
        assert!(
            m.get(Some("43"), None).is_some(),
            "the other account is kept"
        );
        let c = m.take_changes();
        assert_eq!(c.deleted, vec![key.clone()], "cut at {cut}");
    }
}

#[test]
fn garbage_account_records_are_skipped_counted_and_deleted_at_the_next_save() {
    let (_, store, key) = one_saved();
    let full = store.accounts[&key].clone();
    // The handle's bytes made invalid UTF-8 ("Ann" is stored as written).
    let at = full
        .windows(3)
        .position(|w| w == b"Ann")
        .expect("the handle in the record");
    let mut bad_text = full.clone();
    bad_text[at] = 0xff;
    let mut newer = full.clone();
    newer[0] = 2;
    let mut extra = full.clone();
    extra.push(0);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("version only", vec![1]),
        ("unterminated varint", vec![1, 0x80]),
        ("all ones", vec![1; 40]),
        ("0xff", vec![0xff; 40]),
        ("a newer version", newer),
        ("a byte too many", extra),
        ("not UTF-8", bad_text),
        ("not JSON either", b"{\"account\":".to_vec()),
    ];
    for (what, record) in cases {
        let mut broken = store.clone();
        broken.accounts.insert(key.clone(), record);
        let (mut m, report) = Memory::from_stored(10, broken.records());
        assert_eq!(
            (report.loaded, report.skipped),
            (1, 1),
            "{what}: {report:?}"
        );
        assert!(m.get(Some("42"), None).is_none(), "{what}");
        assert_eq!(m.take_changes().deleted, vec![key.clone()], "{what}");
    }
}

#[test]
fn damaged_posts_or_interactions_are_skipped_counted_and_deleted_at_the_next_save() {
    let (_, store, key) = one_saved();
    for kind in ["tweets", "interactions"] {
        let mut broken = store.clone();
        let map = if kind == "tweets" {
            &mut broken.tweets
        } else {
            &mut broken.interactions
        };
        let full = map[&key].clone();
        for cut in 1..full.len() {
            map.insert(key.clone(), full[..cut].to_vec());
            let (mut m, report) = Memory::from_stored(10, broken_records(map, &store, kind));
            assert_eq!(
                (report.loaded, report.skipped),
                (2, 1),
                "{kind} cut at {cut}"
            );
            let ann = m.get(Some("42"), None).expect("the account is kept");
            let (posts, acts) = (ann.tweets.len(), ann.interactions.len());
            assert_eq!(
                (posts == 0, acts == 0),
                (kind == "tweets", kind == "interactions"),
                "{kind}"
            );
            let c = m.take_changes();
            let list = if kind == "tweets" {
                &c.tweets
            } else {
                &c.interactions
            };
            assert_eq!(
                list,
                &vec![(key.clone(), None)],
                "{kind} deleted at the next save"
            );
            assert!(c.deleted.is_empty());
        }
    }
}

/// `store` with `kind`'s records replaced by `map`.
fn broken_records<'a>(
    map: &'a std::collections::BTreeMap<String, Vec<u8>>,
    store: &'a Store,
    kind: &str,
) -> Records<'a> {
    let mut r = store.records();
    let list = map.iter().map(|(k, v)| (k.clone(), v.as_slice())).collect();
    if kind == "tweets" {
        r.tweets = list;
    } else {
        r.interactions = list;
    }
    r
}

#[test]
fn a_batch_whose_parts_disagree_is_refused() {
    let keys = [vec!["#1".to_string()], vec![], vec![]];
    assert!(Records::split(keys.clone(), b"abc", &[3]).is_ok());
    let e = Records::split(keys.clone(), b"abc", &[3, 0]).expect_err("two lengths, one key");
    assert!(e.to_string().contains("1 keys but 2 lengths"), "{e}");
    let e = Records::split(keys, b"abc", &[2]).expect_err("lengths short of the bytes");
    assert!(e.to_string().contains("2 bytes but holds 3"), "{e}");
}

#[test]
fn a_profile_record_is_its_compact_bytes() {
    let a = Account {
        id: Some("1500000000000000000".into()),
        bio: Some("Writer & climber. Coffee, maps and bad puns.".into()),
        followers: Some(812),
        ..Account::with_handle("jane_000001", Source::Graphql)
    };
    let mut m = Memory::new(10);
    m.remember_account(a, 1_700_000_000);
    let store = saved(&mut m);
    let record = &store.accounts["#1500000000000000000"];
    // Version, last seen, no history, then the blob: the id as a varint, the
    // handle and bio as they are, no field names.
    assert!(record.len() < 90, "{} bytes", record.len());
    assert!(!record.windows(7).any(|w| w == b"account"), "no JSON keys");
}

/// A posts record in the binary form but not as this version writes it
/// (posts out of order, the account written as their author, a length in
/// more bytes than it needs) restores as the same posts written the usual
/// way would, and the next compaction writes them the usual way: only a
/// record a compaction would write again byte for byte is kept as it is.
#[test]
fn posts_records_in_another_binary_shape_are_read_whole_and_written_anew() {
    // Bob (#43) with two posts: "b" at 20 and "a" at 10, oldest first as remembered.
    let bob = serde_json::json!({
        "account": { "id": "43", "handle": "bob" },
        "tweets": [
            { "text": "a", "created_at": 10 },
            { "text": "b", "created_at": 20 },
        ],
        "last_seen": 90,
    });
    let mut usual = memory_of(&[bob]);
    let store = saved(&mut usual);
    let written = store.tweets["#43"].clone();
    // Version, 2 posts; each: header (bit 3: a time), text, time (zig-zag), no links.
    assert_eq!(written, vec![1, 2, 8, 1, b'a', 20, 0, 8, 1, b'b', 40, 0]);
    // Author id and handle (bits 1, 2): "43", "bob".
    let by_bob = |text: u8, at: u8| {
        vec![
            8 | 2 | 4,
            2,
            b'4',
            b'3',
            3,
            b'b',
            b'o',
            b'b',
            1,
            text,
            at,
            0,
        ]
    };
    let shapes: Vec<(&str, Vec<u8>)> = vec![
        (
            "out of order",
            vec![1, 2, 8, 1, b'b', 40, 0, 8, 1, b'a', 20, 0],
        ),
        (
            "the account written as author",
            [vec![1, 2], by_bob(b'a', 20), by_bob(b'b', 40)].concat(),
        ),
        (
            "a length in two bytes",
            vec![1, 2, 8, 0x81, 0, b'a', 20, 0, 8, 1, b'b', 40, 0],
        ),
        (
            "a count in two bytes",
            vec![1, 0x82, 0, 8, 1, b'a', 20, 0, 8, 1, b'b', 40, 0],
        ),
    ];
    let want = usual.get(Some("43"), None).map(|e| e.to_data());
    assert!(want.as_ref().is_some_and(|e| e.tweets.len() == 2));
    for (what, record) in shapes {
        let mut odd = store.clone();
        odd.tweets.insert("#43".into(), record.clone());
        let (mut m, report) = Memory::from_stored(10, odd.records());
        assert_eq!((report.loaded, report.skipped), (1, 0), "{what}");
        assert_eq!(m.get(Some("43"), None).map(|e| e.to_data()), want, "{what}");
        m.rewrite_all();
        let mut again = Store::default();
        again.apply(&m.take_changes());
        assert_eq!(
            again.tweets["#43"], written,
            "{what}: written again the usual way"
        );
        assert_ne!(record, written, "{what}");
    }
}
