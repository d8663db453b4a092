//! Ids win over handles in memory: accounts that swap or reuse handles stay
//! apart with their own histories; observations without an id join the
//! account that holds the handle now; saved memory keeps it so.

use followback::analysis::churn::ChurnStats;
use followback::memory::Memory;
use followback::model::{Account, Interaction, InteractionKind, Source, Tweet};

const T0: i64 = 1_700_000_000;
const DAY: i64 = 86_400;

fn seen(id: &str, handle: &str, followers: u64, following: u64, at: i64) -> Account {
    Account {
        id: Some(id.into()),
        followers: Some(followers),
        following: Some(following),
        observed_at: Some(at),
        ..Account::with_handle(handle, Source::Graphql)
    }
}

fn replied(handle: &str, at: i64) -> Interaction {
    Interaction {
        handle: handle.into(),
        kind: InteractionKind::Replied,
        at: Some(at),
        source: Source::Graphql,
        notification: None,
    }
}

fn post(id: &str, author_id: &str, author_handle: &str, at: i64) -> Tweet {
    Tweet {
        id: Some(id.into()),
        author_id: Some(author_id.into()),
        author_handle: Some(author_handle.into()),
        text: format!("post {id}"),
        created_at: Some(at),
        ..Tweet::default()
    }
}

fn no_churn(m: &Memory, id: &str) {
    let e = m
        .get(Some(id), None)
        .unwrap_or_else(|| panic!("{id} remembered"));
    let stats = ChurnStats::from_history(&e.history, &e.account);
    assert!(
        stats.max_rise.is_none() && stats.max_fall.is_none() && stats.reversals == 0,
        "{id}: no churn from another account's counts: {stats:?}"
    );
}

#[test]
fn a_handle_swap_keeps_two_accounts_with_their_own_histories() {
    let mut m = Memory::new(100);
    m.remember_account(seen("1", "alice", 100, 4_900, T0), T0);
    m.remember_account(seen("2", "bob", 5_000, 300, T0), T0);
    m.remember_tweet(post("10", "1", "alice", T0), T0);
    m.remember_tweet(post("20", "2", "bob", T0), T0);
    m.remember_interaction(replied("bob", T0), T0);

    // A week later they swap handles (counts unchanged).
    let t1 = T0 + 7 * DAY;
    m.remember_account(seen("2", "alice", 5_000, 300, t1), t1);
    m.remember_account(seen("1", "bob", 100, 4_900, t1), t1);
    m.remember_tweet(post("11", "1", "bob", t1), t1);

    assert_eq!(m.len(), 2);
    let one = m.get(Some("1"), None).expect("1");
    let two = m.get(Some("2"), None).expect("2");
    assert_eq!(one.account.handle, "bob");
    assert_eq!(two.account.handle, "alice");
    assert_eq!(one.history.len(), 1, "{:?}", one.history);
    assert_eq!(two.history.len(), 1, "{:?}", two.history);
    assert_eq!(one.account.following, Some(4_900));
    assert_eq!(two.account.following, Some(300));
    let ids = |e: &followback::memory::Entry| -> Vec<String> {
        e.tweets.iter().filter_map(|t| t.id.clone()).collect()
    };
    assert_eq!(ids(&one), ["10", "11"]);
    assert_eq!(ids(&two), ["20"]);
    // The reply came from @bob when bob was account 2: it stays there.
    assert_eq!(two.interactions.len(), 1);
    assert!(one.interactions.is_empty());
    no_churn(&m, "1");
    no_churn(&m, "2");

    // Handles now answer for their new holders; an id never for another's handle.
    assert_eq!(
        m.get(None, Some("@Alice")).and_then(|e| e.account.id),
        Some("2".to_string())
    );
    assert_eq!(
        m.get(None, Some("bob")).and_then(|e| e.account.id),
        Some("1".to_string())
    );
    assert!(
        m.get(Some("3"), Some("bob")).is_none(),
        "a new id is not bob's holder"
    );

    // And so after saving and loading.
    let back = Memory::from_json(&m.to_json()).expect("loads");
    assert_eq!(back.len(), 2);
    assert_eq!(
        back.get(None, Some("alice")).and_then(|e| e.account.id),
        Some("2".to_string())
    );
    assert_eq!(back.get(Some("1"), None), m.get(Some("1"), None));
    assert_eq!(back.get(Some("2"), None), m.get(Some("2"), None));
}

#[test]
fn a_reused_handle_moves_to_the_new_id_and_the_old_account_keeps_its_history() {
    let mut m = Memory::new(100);
    m.remember_account(seen("1", "sam", 40, 4_990, T0), T0);
    m.remember_account(seen("1", "sam", 40, 3_000, T0 + DAY), T0 + DAY);
    // Account 1 renamed away unseen; account 9 now uses @sam.
    let t = T0 + 30 * DAY;
    m.remember_account(seen("9", "sam", 2_000, 150, t), t);
    assert_eq!(m.len(), 2);
    let old = m.get(Some("1"), None).expect("old account kept");
    assert_eq!(old.history.len(), 2);
    let new = m.get(Some("9"), None).expect("new account");
    assert_eq!(new.history.len(), 1);
    assert_eq!(new.account.following, Some(150));
    no_churn(&m, "9");
    assert_eq!(
        m.get(None, Some("sam")).and_then(|e| e.account.id),
        Some("9".to_string())
    );
    // A post by @sam with account 1's id stays with account 1.
    m.remember_tweet(post("5", "1", "sam", t), t);
    assert_eq!(m.get(Some("1"), None).map(|e| e.tweets.len()), Some(1));
    assert_eq!(m.get(Some("9"), None).map(|e| e.tweets.len()), Some(0));
    // Saved memory: the newer holder keeps the handle, whatever the order.
    let back = Memory::from_json(&m.to_json()).expect("loads");
    assert_eq!(back.len(), 2);
    assert_eq!(
        back.get(None, Some("sam")).and_then(|e| e.account.id),
        Some("9".to_string())
    );
}

#[test]
fn an_id_less_page_observation_joins_the_account_that_holds_the_handle_now() {
    let mut m = Memory::new(100);
    m.remember_account(seen("1", "kim", 10, 20, T0), T0);
    m.remember_account(seen("2", "kim", 500, 60, T0 + DAY), T0 + DAY);
    // The page shows @kim without an id (a badge's DOM facts).
    let page = Account {
        bio: Some("from the page".into()),
        follows_you: Some(true),
        ..Account::with_handle("Kim", Source::Page)
    };
    m.remember_account(page, T0 + 2 * DAY);
    assert_eq!(m.len(), 2);
    let holder = m.get(Some("2"), None).expect("2");
    assert_eq!(holder.account.bio.as_deref(), Some("from the page"));
    assert_eq!(holder.account.follows_you, Some(true));
    assert_eq!(
        holder.account.followers,
        Some(500),
        "page facts do not touch counts it lacks"
    );
    let other = m.get(Some("1"), None).expect("1");
    assert_eq!(other.account.bio, None);
    // An interaction named by handle joins the holder too.
    m.remember_interaction(replied("kim", T0 + 2 * DAY), T0 + 2 * DAY);
    assert_eq!(
        m.get(Some("2"), None).map(|e| e.interactions.len()),
        Some(1)
    );
    assert_eq!(
        m.get(Some("1"), None).map(|e| e.interactions.len()),
        Some(0)
    );
}

#[test]
fn an_id_less_record_is_folded_into_the_id_that_claims_its_handle() {
    let mut m = Memory::new(100);
    // Seen on the page first (no id), with an interaction.
    m.remember_account(Account::with_handle("lee", Source::Page), T0);
    m.remember_interaction(replied("lee", T0), T0);
    // X's data names the id: the same record, now keyed by id.
    m.remember_account(seen("7", "lee", 30, 40, T0 + 1), T0 + 1);
    assert_eq!(m.len(), 1);
    let e = m.get(Some("7"), None).expect("7");
    assert_eq!(e.interactions.len(), 1);

    // An account known by id renames to a handle an id-less record holds:
    // the id-less record (posts, interactions) joins it, nothing is left behind.
    m.remember_account(seen("8", "old_name", 1, 1, T0), T0);
    m.remember_account(Account::with_handle("new_name", Source::Page), T0 + 5);
    m.remember_interaction(replied("new_name", T0 + 5), T0 + 5);
    assert_eq!(m.len(), 3);
    m.remember_account(seen("8", "new_name", 1, 1, T0 + 10), T0 + 10);
    assert_eq!(m.len(), 2);
    let e = m.get(Some("8"), None).expect("8");
    assert_eq!(e.account.handle, "new_name");
    assert_eq!(e.interactions.len(), 1);
    assert!(
        m.get(None, Some("old_name")).is_none(),
        "the old handle is free"
    );
}

#[test]
fn what_memory_takes_in_is_capped_whatever_the_path() {
    use followback::memory::{INTERACTIONS_PER_ACCOUNT, TWEETS_PER_ACCOUNT};
    use followback::read::bounds::{BIO_MAX_CHARS, TEXT_MAX_CHARS};
    let mut m = Memory::new(10);
    // The page path (DOM facts become an account without the readers).
    let page = Account {
        bio: Some("ü".repeat(50_000)),
        ..Account::with_handle("pat", Source::Page)
    };
    m.remember_account(page, T0);
    let pat = m.get(None, Some("pat")).expect("pat");
    assert_eq!(
        pat.account.bio.as_deref().map(|b| b.chars().count()),
        Some(BIO_MAX_CHARS)
    );
    m.remember_tweet(
        Tweet {
            text: "x".repeat(TEXT_MAX_CHARS * 3),
            ..post("1", "", "pat", T0)
        },
        T0,
    );
    let pat = m.get(None, Some("pat")).expect("pat");
    assert_eq!(
        pat.tweets.first().map(|t| t.text.len()),
        Some(TEXT_MAX_CHARS)
    );

    // An imported file: one account with 10,000 interactions, 5,000 posts
    // and a 100,000-character bio loads capped.
    // Newest first in the file: the newest are still the ones kept.
    let interactions: Vec<Interaction> =
        (0..10_000).rev().map(|i| replied("imp", T0 + i)).collect();
    let tweets: Vec<Tweet> = (0..5_000)
        .map(|i| post(&i.to_string(), "77", "imp", T0 + i))
        .collect();
    let file = serde_json::json!({"version": 1, "entries": [{
        "account": {"id": "77", "handle": "imp", "bio": "b".repeat(100_000)},
        "tweets": tweets, "interactions": interactions, "last_seen": T0}]});
    let loaded = Memory::from_json(&file.to_string()).expect("loads");
    let imp = loaded.get(Some("77"), None).expect("imp");
    assert_eq!(
        imp.account.bio.as_deref().map(str::len),
        Some(BIO_MAX_CHARS)
    );
    assert_eq!(imp.interactions.len(), INTERACTIONS_PER_ACCOUNT);
    assert_eq!(
        imp.interactions.last().and_then(|i| i.at),
        Some(T0 + 9_999),
        "newest kept"
    );
    assert_eq!(imp.tweets.len(), TWEETS_PER_ACCOUNT);
}
