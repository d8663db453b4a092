//! The memory as per-account records (the worker's IndexedDB): only what
//! changed is handed out, deletes follow evictions and moved keys, eviction by
//! count and by bytes is reported, and restoring from the records gives back
//! what was remembered. A fake store applies each save as the worker does.

use followback::memory::{read_page, Memory, SAVED_TWEETS_PER_ACCOUNT};
use followback::model::{Account, Interaction, InteractionKind, Source, Tweet};

#[path = "common/store.rs"]
mod store;
use store::Store;

impl Store {
    fn restore(&self, capacity: usize) -> Memory {
        let (m, report) = Memory::from_stored(capacity, self.records());
        assert_eq!(report.skipped, 0, "{report:?}");
        m
    }

    fn bytes(&self) -> usize {
        [&self.accounts, &self.tweets, &self.interactions]
            .iter()
            .flat_map(|m| m.values())
            .map(Vec::len)
            .sum()
    }
}

fn acct(handle: &str, id: Option<&str>, followers: u64) -> Account {
    Account {
        id: id.map(String::from),
        followers: Some(followers),
        following: Some(10),
        bio: Some(format!("bio of {handle}")),
        ..Account::with_handle(handle, Source::Graphql)
    }
}

fn post(n: usize, author: &str) -> Tweet {
    Tweet {
        id: Some(format!("{}", 9_000 + n)),
        author_id: Some(author.into()),
        text: format!("post number {n}"),
        created_at: Some(1_000 + n as i64),
        ..Tweet::default()
    }
}

fn like(handle: &str, at: i64) -> Interaction {
    Interaction {
        handle: handle.into(),
        kind: InteractionKind::Liked,
        at: Some(at),
        source: Source::Page,
        notification: None,
    }
}

/// The accounts and posts records a compaction's pages hold.
fn in_pages(c: &followback::memory::Changes) -> (usize, usize) {
    let pages = c.pages.as_deref().unwrap_or_default();
    let read: Vec<_> = pages.iter().filter_map(|p| read_page(p)).collect();
    assert_eq!(read.len(), pages.len(), "every page reads");
    (
        read.iter().map(|r| r.accounts.len()).sum(),
        read.iter().map(|r| r.tweets.len()).sum(),
    )
}

#[test]
fn only_what_changed_is_handed_out_once() {
    let mut m = Memory::new(100);
    m.remember_account(acct("ann", Some("1"), 5), 10);
    m.remember_account(acct("bob", Some("2"), 7), 11);
    let first = m.take_changes();
    let keys: Vec<&str> = first.accounts.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys.len(), 2);
    assert!(keys.contains(&"#1") && keys.contains(&"#2"), "{keys:?}");
    assert_eq!(first.total, 2);
    assert!(m.take_changes().is_empty(), "nothing changed since");

    m.remember_tweet(post(1, "1"), 12);
    let second = m.take_changes();
    assert_eq!(second.accounts.len(), 1, "last seen moved: {second:?}");
    assert_eq!(second.tweets.len(), 1);
    assert_eq!(second.tweets[0].0, "#1");
    assert!(
        second.interactions.is_empty(),
        "interactions unchanged: not rewritten"
    );
    m.remember_interaction(like("bob", 50), 13);
    let third = m.take_changes();
    assert_eq!(
        third
            .interactions
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>(),
        vec!["#2"]
    );
    assert!(third.tweets.is_empty());
}

#[test]
fn restoring_from_the_records_gives_back_what_was_remembered() {
    let mut m = Memory::new(100);
    let mut store = Store::default();
    for i in 0..30u64 {
        let id = i.to_string();
        m.remember_account(acct(&format!("user{i}"), Some(&id), i), 100 + i as i64);
        for n in 0..25 {
            m.remember_tweet(post(n, &id), 100 + i as i64);
        }
        m.remember_account(acct(&format!("user{i}"), Some(&id), i + 1), 200 + i as i64);
        m.remember_interaction(like(&format!("user{i}"), 300), 300 + i as i64);
        store.apply(&m.take_changes());
    }
    // An account known by handle only, and one with nothing but a profile.
    m.remember_account(acct("nameless", None, 3), 400);
    m.remember_account(acct("plain", Some("77"), 3), 401);
    let last = m.take_changes();
    store.apply(&last);
    assert_eq!(
        last.bytes,
        store.bytes(),
        "the byte count is what the store holds"
    );
    assert!(
        !store.tweets.contains_key("#77") && !store.interactions.contains_key("#77"),
        "no empty records"
    );
    let back = store.restore(100);
    assert_eq!(back.len(), m.len());
    assert_eq!(back.stored_bytes(), store.bytes());
    for e in m.entries() {
        let b = back
            .get(e.account.id.as_deref(), Some(&e.account.handle))
            .unwrap_or_else(|| panic!("{} restored", e.account.handle));
        assert_eq!(b.account, e.account);
        assert_eq!(b.history, e.history, "{}", e.account.handle);
        assert_eq!(b.interactions, e.interactions);
        assert_eq!(b.last_seen, e.last_seen);
        let skip = e.tweets.len().saturating_sub(SAVED_TWEETS_PER_ACCOUNT);
        assert_eq!(b.tweets.as_slice(), &e.tweets[skip..], "newest posts kept");
    }
    let mut again = back;
    assert!(
        again.take_changes().is_empty(),
        "restored records count as written"
    );
}

#[test]
fn a_handle_that_learns_its_id_moves_its_records() {
    let mut m = Memory::new(10);
    let mut store = Store::default();
    m.remember_account(acct("ann", None, 5), 1);
    m.remember_interaction(like("ann", 5), 2);
    store.apply(&m.take_changes());
    assert!(store.accounts.contains_key("@ann"));
    m.remember_account(acct("ann", Some("1"), 6), 3);
    let c = m.take_changes();
    assert_eq!(c.deleted, vec!["@ann".to_string()]);
    store.apply(&c);
    assert_eq!(store.accounts.keys().collect::<Vec<_>>(), vec!["#1"]);
    assert!(
        store.interactions.contains_key("#1"),
        "the interaction moved with it"
    );
    let back = store.restore(10);
    assert_eq!(
        back.get(Some("1"), None).map(|e| e.interactions.len()),
        Some(1)
    );
}

#[test]
fn eviction_by_count_deletes_the_least_recently_seen_and_says_how_many() {
    let mut m = Memory::new(10);
    let mut store = Store::default();
    for i in 0..10 {
        m.remember_account(acct(&format!("u{i}"), Some(&i.to_string()), 1), i);
    }
    store.apply(&m.take_changes());
    m.remember_account(acct("u0", Some("0"), 2), 50);
    m.remember_account(acct("late", Some("99"), 1), 60);
    let c = m.take_changes();
    assert!(c.evicted >= 1, "{c:?}");
    assert!(
        c.deleted.contains(&"#1".to_string()),
        "the oldest goes: {c:?}"
    );
    assert!(!c.deleted.contains(&"#0".to_string()), "seen again: kept");
    store.apply(&c);
    assert_eq!(store.accounts.len(), m.len());
    assert_eq!(m.take_changes().evicted, 0, "reported once");
}

#[test]
fn eviction_by_bytes_keeps_the_stored_records_under_the_cap() {
    let mut m = Memory::new(1000);
    let mut store = Store::default();
    for i in 0..200 {
        let id = i.to_string();
        m.remember_account(acct(&format!("u{i}"), Some(&id), 1), i);
        m.remember_tweet(post(i as usize, &id), i);
        store.apply(&m.take_changes());
    }
    let full = store.bytes();
    m.set_max_bytes(full / 2);
    m.remember_account(acct("newest", Some("5000"), 1), 10_000);
    let c = m.take_changes();
    store.apply(&c);
    assert!(c.evicted > 0 && c.evicted < 200, "{}", c.evicted);
    assert!(
        store.bytes() <= full / 2,
        "{} > {}",
        store.bytes(),
        full / 2
    );
    assert_eq!(c.bytes, store.bytes());
    assert!(m.get(Some("5000"), None).is_some(), "the newest is kept");
    assert!(m.get(Some("0"), None).is_none(), "the oldest is gone");
    let oldest_kept = m.entries().map(|e| e.last_seen).min().unwrap_or(0);
    assert!(oldest_kept > 0);
    assert_eq!(store.restore(1000).len(), m.len());
}

#[test]
fn clear_and_import_replace_the_whole_store() {
    let mut m = Memory::new(10);
    let mut store = Store::default();
    m.remember_account(acct("ann", Some("1"), 5), 1);
    store.apply(&m.take_changes());
    m.clear();
    let c = m.take_changes();
    assert!(c.clear && c.accounts.is_empty());
    store.apply(&c);
    assert!(store.accounts.is_empty());

    let mut other = Memory::new(10);
    other.remember_account(acct("bob", Some("2"), 5), 1);
    other.remember_account(acct("cat", Some("3"), 5), 1);
    let mut imported = Memory::from_json(&other.to_json()).expect("loads");
    let c = imported.take_changes();
    assert!(c.clear, "an import replaces what was stored");
    // In pages since the store holds them (a compaction).
    assert!(c.accounts.is_empty());
    assert_eq!(in_pages(&c), (2, 0));
    store.apply(&c);
    assert_eq!(store.restore(10).len(), 2);
}

#[test]
fn unreadable_records_are_skipped_and_deleted_at_the_next_save() {
    let good = "\"#1\"\t{\"account\":{\"id\":\"1\",\"handle\":\"ann\"},\"last_seen\":5}\n";
    let accounts =
        format!("{good}\"#2\"\t{{oops\nnot a line\n\"#3\"\t{{\"account\":{{\"handle\":\"\"}}}}\n");
    let tweets = "\"#9\"\t[{\"text\":\"orphan\"}]\n\"#1\"\t[{\"id\":\"4\",\"text\":\"hi\"}]\n";
    let (mut m, report) = Memory::from_records(10, &accounts, tweets, "");
    assert_eq!(report.loaded, 1);
    assert_eq!(report.skipped, 4, "{report:?}");
    let ann = m.get(Some("1"), None).expect("ann");
    assert_eq!(ann.tweets.len(), 1);
    assert_eq!(
        ann.tweets[0].author_handle.as_deref(),
        Some("ann"),
        "author restored"
    );
    let c = m.take_changes();
    assert_eq!(
        c.deleted,
        vec!["#2".to_string(), "#3".to_string(), "#9".to_string()]
    );
}

/// A typical account from a followers list: every profile fact X sends.
fn typical(i: usize) -> Account {
    Account {
        id: Some(format!("{}", 1_500_000_000_000_000_000u64 + i as u64)),
        name: Some(format!("Jane Doe {i}")),
        bio: Some(format!(
            "{i:04} Writer & climber. Coffee, maps and bad puns. Opinions are my own, mostly."
        )),
        location: Some("Lisbon, Portugal".into()),
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

#[test]
fn a_profile_record_is_compact() {
    let mut m = Memory::new(1000);
    for i in 0..500 {
        m.remember_account(typical(i), 1_700_000_000);
    }
    let c = m.take_changes();
    let per_account = c.bytes / 500;
    println!("stored_bytes_per_profile_account {per_account} bytes");
    // The export's lean entry less its empty post and interaction lists.
    assert!(
        per_account < 520,
        "{per_account} bytes per profile-only account"
    );
    assert!(c.tweets.iter().all(|(_, v)| v.is_none()));
}

#[test]
fn after_a_failed_save_everything_is_written_again() {
    let mut m = Memory::new(10);
    m.remember_account(acct("ann", Some("1"), 5), 1);
    m.remember_tweet(post(1, "1"), 1);
    let _lost = m.take_changes();
    m.remember_account(acct("bob", Some("2"), 5), 2);
    m.rewrite_all();
    let c = m.take_changes();
    assert!(c.clear);
    // In pages since the store holds them (a compaction).
    assert!(c.accounts.is_empty() && c.tweets.is_empty());
    assert_eq!(in_pages(&c), (2, 1));
    let mut store = Store::default();
    store.apply(&c);
    assert_eq!(store.restore(10).len(), 2);
}

#[test]
fn keys_with_quotes_or_control_characters_restore() {
    let mut m = Memory::new(10);
    m.remember_account(acct("we\"ird\tone", None, 5), 1);
    m.remember_account(acct("plain", Some("1"), 5), 2);
    let mut store = Store::default();
    store.apply(&m.take_changes());
    assert!(store.accounts.contains_key("@we\"ird\tone"), "{store:?}");
    let back = store.restore(10);
    assert_eq!(back.len(), 2);
    assert!(back.get(None, Some("we\"ird\tone")).is_some());
}

#[test]
fn an_entry_evicted_and_seen_again_before_a_save_gets_no_old_records_back() {
    let mut m = Memory::new(2);
    let mut store = Store::default();
    m.remember_account(acct("ann", Some("1"), 5), 1);
    m.remember_tweet(post(1, "1"), 1);
    m.remember_interaction(like("ann", 1), 1);
    store.apply(&m.take_changes());
    assert_eq!((store.tweets.len(), store.interactions.len()), (1, 1));
    // Evicted (the least recently seen), then seen again as a new entry.
    m.remember_account(acct("bob", Some("2"), 5), 2);
    m.remember_account(acct("cat", Some("3"), 5), 3);
    assert!(m.get(Some("1"), None).is_none(), "evicted");
    m.remember_account(acct("ann", Some("1"), 6), 4);
    let ann = m.get(Some("1"), None).expect("back");
    assert!(ann.tweets.is_empty() && ann.interactions.is_empty());
    store.apply(&m.take_changes());
    assert!(
        store.tweets.is_empty() && store.interactions.is_empty(),
        "{store:?}"
    );
    let back = store.restore(2);
    assert_eq!(back.get(Some("1"), None), m.get(Some("1"), None));
}
