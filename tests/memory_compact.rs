//! The compact memory (src/memory_compact.rs) and the restore in chunks:
//! every field of a random account comes back as it went in; a record read
//! by the quick reader gives the same entry as the general (serde) one; and
//! restoring records in key-range chunks, as memory-store.js hands them over,
//! gives the same memory and the same next save as restoring them in one go.

use followback::memory::{Changes, Memory, Records};
use followback::model::{Account, Interaction, InteractionKind, Source, Tweet};
use proptest::prelude::*;
use serde_json::Value;

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::Graphql),
        Just(Source::Page),
        Just(Source::File),
        Just(Source::Memory)
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _.,]{0,20}",
        "[a-z\"\\\\\n\té👍]{0,8}",
        Just(String::new()),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[1-9][0-9]{0,19}",
        Just("0".to_string()),
        "0[0-9]{1,3}",
        "[a-z]{1,4}",
        Just(String::new()),
        Just("18446744073709551616".to_string()),
    ]
}

fn account() -> impl Strategy<Value = Account> {
    let strings = (
        proptest::option::of(id()),
        "[A-Za-z0-9_]{1,15}",
        proptest::collection::vec(proptest::option::of(text()), 8),
    );
    let numbers = (
        proptest::collection::vec(proptest::option::of(any::<u64>()), 7),
        proptest::option::of(any::<i64>()),
        proptest::option::of(-2_000_000_000i64..4_000_000_000),
        proptest::collection::vec(proptest::option::of(any::<bool>()), 9),
        source(),
    );
    (strings, numbers).prop_map(
        |((id, handle, t), (c, created, observed, f, source))| Account {
            id,
            handle,
            name: t[0].clone(),
            bio: t[1].clone(),
            location: t[2].clone(),
            url: t[3].clone(),
            verified_type: t[4].clone(),
            automated_by: t[5].clone(),
            parody_label: t[6].clone(),
            based_in: t[7].clone(),
            followers: c[0],
            following: c[1],
            tweets: c[2],
            likes: c[3],
            listed: c[4],
            media: c[5],
            username_changes: c[6],
            created_at: created,
            observed_at: observed,
            default_avatar: f[0],
            default_profile: f[1],
            verified: f[2],
            blue_verified: f[3],
            identity_verified: f[4],
            automated: f[5],
            protected: f[6],
            follows_you: f[7],
            you_follow: f[8],
            source,
        },
    )
}

/// The key memory-store.js stores an account's records under.
fn key_of(a: &Account) -> String {
    match a.id.as_deref().filter(|i| !i.is_empty()) {
        Some(id) => format!("#{id}"),
        None => format!("@{}", a.handle.to_ascii_lowercase()),
    }
}

fn line(key: &str, record: &str) -> String {
    format!(
        "{}\t{record}",
        serde_json::to_string(key).unwrap_or_default()
    )
}

/// An `accounts` record as the worker writes it, with some of the ways an
/// older or hand-edited one differs: nulls written, keys reordered or
/// unknown, a handle with `@`, spaces.
fn record(a: &Account, last_seen: i64, variant: u8) -> String {
    let mut account = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut account {
        match variant % 6 {
            1 => {
                for k in ["url", "likes", "default_profile", "verified_type"] {
                    map.entry(k).or_insert(Value::Null);
                }
            }
            2 => {
                map.insert("unknown".into(), Value::from(1));
            }
            3 => {
                let h = format!("@{}", a.handle);
                map.insert("handle".into(), Value::from(h));
            }
            4 => {
                map.insert("followers".into(), Value::from(1.5));
            }
            _ => {}
        }
    }
    let r = serde_json::json!({ "account": account, "last_seen": last_seen });
    let text = r.to_string();
    if variant % 6 == 5 {
        text.replace(':', " : ").replace(',', " ,\n ")
    } else {
        text
    }
}

#[path = "common/store.rs"]
mod store;
use store::Store;

impl Store {
    fn one_go(&self, capacity: usize) -> (Memory, followback::memory::LoadReport) {
        Memory::from_stored(capacity, self.records())
    }

    /// As memory-store.js restoreRecords: `batch` accounts a chunk, with the
    /// posts and interactions of the keys up to the chunk's last (all the
    /// rest with the last chunk).
    fn in_chunks(&self, capacity: usize, batch: usize) -> (Memory, followback::memory::LoadReport) {
        let mut m = Memory::new(capacity);
        m.restore_begin(self.accounts.len());
        let keys: Vec<&String> = self.accounts.keys().collect();
        let mut after: Option<&String> = None;
        let mut start = 0;
        fn list<'a>(
            entries: &mut dyn Iterator<Item = (&'a String, &'a Vec<u8>)>,
        ) -> Vec<(String, &'a [u8])> {
            entries.map(|(k, v)| (k.clone(), v.as_slice())).collect()
        }
        loop {
            let chunk = &keys[start..(start + batch).min(keys.len())];
            let last = chunk.len() < batch;
            let upto = if last { None } else { chunk.last().copied() };
            let in_range =
                |k: &&String| after.map_or(true, |a| *k > a) && upto.map_or(true, |u| *k <= u);
            let records = Records {
                accounts: list(&mut chunk.iter().map(|k| (*k, &self.accounts[*k]))),
                tweets: list(&mut self.tweets.iter().filter(|(k, _)| in_range(k))),
                interactions: list(&mut self.interactions.iter().filter(|(k, _)| in_range(k))),
            };
            m.restore_records(records);
            if last {
                break;
            }
            after = upto;
            start += batch;
        }
        let report = m.restore_finish();
        (m, report)
    }
}

fn post(author: &Account, n: u8) -> Tweet {
    Tweet {
        id: Some(format!("9{n}")),
        author_id: author.id.clone(),
        author_handle: Some(author.handle.clone()),
        text: format!("post {n}"),
        created_at: Some(1_700_000_000 + i64::from(n)),
        ..Tweet::default()
    }
}

/// What a memory holds and would write next, comparable across restores.
fn state(m: &mut Memory) -> (usize, String, Changes, usize) {
    let json = m.to_json();
    let mut changes = m.take_changes();
    changes.accounts.sort();
    changes.tweets.sort();
    changes.interactions.sort();
    (m.len(), json, changes, m.stored_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every field of an account comes back from the compact form as it went in.
    #[test]
    fn compact_accounts_round_trip_every_field(a in account(), now in 0i64..2_000_000_000) {
        let mut m = Memory::new(10);
        let mut expected = a.clone();
        followback::read::bounds::account(&mut expected);
        expected.observed_at = expected.observed_at.or(Some(now));
        m.remember_account(a.clone(), now);
        let got = m.get(a.id.as_deref(), Some(&a.handle)).expect("remembered");
        prop_assert_eq!(&got.account, &expected);
        prop_assert_eq!(got.last_seen, now);
        let listed: Vec<Account> = m.entries().map(|e| e.account).collect();
        prop_assert_eq!(listed, vec![expected]);
    }

    /// A record read by the quick reader (no posts or interactions) gives the
    /// same entry as the general reader (forced by an empty interactions record).
    #[test]
    fn quick_and_general_record_readers_agree(
        a in account(), last_seen in any::<i64>(), variant in any::<u8>()
    ) {
        let key = key_of(&a);
        let rec = record(&a, last_seen, variant);
        let (quick, qr) = Memory::from_records(10, &line(&key, &rec), "", "");
        let (general, gr) = Memory::from_records(10, &line(&key, &rec), "", &line(&key, "[]"));
        prop_assert_eq!(qr.loaded, gr.loaded);
        let q: Vec<_> = quick.entries().map(|e| e.to_data()).collect();
        let g: Vec<_> = general.entries().map(|e| e.to_data()).collect();
        prop_assert_eq!(q, g);
    }

    /// Restoring in chunks of any size equals restoring in one go: the same
    /// entries, the same report, the same next save and stored bytes.
    #[test]
    fn restore_in_chunks_equals_restore_in_one_go(
        accounts in proptest::collection::vec((account(), 0i64..50, any::<u8>(), 0u8..4), 0..40),
        batch in 1usize..12,
        capacity in 5usize..60,
        junk in proptest::collection::vec(("[#@][a-z0-9]{1,3}", "[a-z{}\\[\\]\":,0-9]{0,12}", 0u8..3), 0..6),
    ) {
        let mut store = Store::default();
        for (i, (a, seen, variant, extras)) in accounts.iter().enumerate() {
            // Few handles and ids, so keys and handles collide.
            let mut a = a.clone();
            a.handle = format!("h{}", a.handle.len() % 5);
            if let Some(id) = a.id.as_mut() {
                *id = format!("{}", id.len() % 7);
            }
            a.observed_at = Some(*seen / 2);
            let key = if variant % 9 == 0 { format!("@misfiled{i}") } else { key_of(&a) };
            store.accounts.insert(key.clone(), record(&a, *seen, *variant).into_bytes());
            if extras & 1 != 0 {
                let posts = vec![post(&a, 1), post(&a, 2)];
                store.tweets.insert(key.clone(), serde_json::to_vec(&posts).unwrap_or_default());
            }
            if extras & 2 != 0 {
                let acts = vec![Interaction {
                    handle: a.handle.clone(),
                    kind: InteractionKind::Liked,
                    at: Some(*seen),
                    source: Source::Page,
                    notification: None,
                }];
                store.interactions.insert(key, serde_json::to_vec(&acts).unwrap_or_default());
            }
        }
        for (key, value, kind) in junk {
            let map = match kind { 0 => &mut store.accounts, 1 => &mut store.tweets, _ => &mut store.interactions };
            map.insert(key, value.into_bytes());
        }
        let (mut whole, whole_report) = store.one_go(capacity);
        let (mut chunked, chunked_report) = store.in_chunks(capacity, batch);
        prop_assert_eq!(whole_report, chunked_report);
        prop_assert_eq!(state(&mut whole), state(&mut chunked));
    }
}

#[test]
fn a_restore_in_chunks_of_many_accounts_finds_every_one() {
    let mut m = Memory::new(5_000);
    for i in 0..3_000u64 {
        let a = Account {
            id: Some((1_500_000_000_000_000_000 + i).to_string()),
            followers: Some(i),
            bio: Some(format!("bio {i}")),
            ..Account::with_handle(format!("user_{i}"), Source::Graphql)
        };
        m.remember_account(a, 1_700_000_000 + i as i64);
    }
    let ann = Account {
        id: Some("7".into()),
        ..Account::with_handle("ann", Source::Graphql)
    };
    m.remember_account(ann.clone(), 1_800_000_000);
    m.remember_tweet(post(&ann, 1), 1_800_000_000);
    let mut store = Store::default();
    store.apply(&m.take_changes());
    let (mut whole, _) = store.one_go(5_000);
    let (mut chunked, report) = store.in_chunks(5_000, 1_000);
    assert_eq!(report.loaded, 3_001);
    assert_eq!(report.skipped, 0);
    for i in (0..3_000u64).step_by(97) {
        let id = (1_500_000_000_000_000_000 + i).to_string();
        let e = chunked.get(Some(&id), None).expect("by id");
        assert_eq!(e.account.followers, Some(i));
        let by_handle = chunked
            .get(None, Some(&format!("USER_{i}")))
            .expect("by handle");
        assert_eq!(by_handle.account.id.as_deref(), Some(id.as_str()));
    }
    assert_eq!(
        chunked.get(None, Some("ann")).map(|e| e.tweets.len()),
        Some(1)
    );
    assert_eq!(state(&mut whole), state(&mut chunked));
    assert!(
        chunked.take_changes().is_empty(),
        "nothing to write after a restore"
    );
}
