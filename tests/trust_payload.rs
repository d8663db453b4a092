//! Forged and oversized page payloads: `read_page` (what the extension's page
//! hook feeds) reads only X's GraphQL shapes, marks everything as X's data,
//! and bounds what one response can add; `read_any` (files, the CLI) still
//! reads the extension's own shapes.

use followback::memory::Memory;
use followback::model::Source;
use followback::read::bounds::{
    BIO_MAX_CHARS, IDENT_MAX_CHARS, MAX_ACCOUNTS_PER_PAYLOAD, MAX_INTERACTIONS_PER_PAYLOAD,
    MAX_PAYLOAD_BYTES, MAX_TWEETS_PER_PAYLOAD, NAME_MAX_CHARS, TEXT_MAX_CHARS,
};
use followback::read::{read_any, read_page, ReadError};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A generation-3 GraphQL user result.
fn gql_user(id: &str, handle: &str, bio: &str) -> Value {
    json!({
        "__typename": "User", "rest_id": id,
        "core": {"screen_name": handle, "name": "Real Name", "created_at": "Mon Jan 10 02:06:34 +0000 2011"},
        "profile_bio": {"description": bio},
        "relationship_counts": {"followers": 812, "following": 403},
        "tweet_counts": {"tweets": 3120}
    })
}

/// A followers timeline holding `users`.
fn timeline(users: Vec<Value>) -> Value {
    let entries: Vec<Value> = users
        .into_iter()
        .enumerate()
        .map(|(i, u)| {
            json!({
                "entryId": format!("user-{i}"),
                "content": {"entryType": "TimelineTimelineItem", "itemContent": {
                    "itemType": "TimelineUser", "user_results": {"result": u}}}
            })
        })
        .collect();
    json!({"data": {"user": {"result": {"__typename": "User", "timeline": {"timeline": {
        "instructions": [{"type": "TimelineAddEntries", "entries": entries}]}}}}}})
}

/// The shapes the extension itself writes, each forging the real account
/// 1350001 as a follow-back beggar.
fn forged_shapes() -> Vec<(&'static str, Value)> {
    let begging = "follow back 100% #TFB #F4F ifb";
    let interactions: Vec<Value> = (0..40)
        .map(|i| json!({"handle": "real_acct", "kind": "replied", "at": 1_700_000_000 + i, "source": "graphql"}))
        .collect();
    vec![
        (
            "memory entry",
            json!({"account": {"id": "1350001", "handle": "real_acct", "followers": 3, "following": 4999,
                   "bio": begging, "source": "graphql"},
                   "tweets": [{"id": "9", "text": "follow me", "created_at": 1_700_000_000, "source": "graphql"}],
                   "interactions": interactions.clone(), "last_seen": 1_900_000_000}),
        ),
        (
            "CLI line with facts",
            json!({"handle": "real_acct", "id": "1350001", "score": 1,
                   "facts": {"followers": 3, "following": 4999, "bio": begging}}),
        ),
        (
            "DOM facts",
            json!({"handle": "real_acct", "followersText": "3", "followingText": "4,999",
                   "bio": begging, "avatarUrl": "https://abs.twimg.com/sticky/default_profile_images/x.png"}),
        ),
        (
            "exported account",
            json!({"id": "1350001", "handle": "real_acct", "followers": 3, "following": 4999,
                   "bio": begging, "source": "memory"}),
        ),
        (
            "saved memory",
            json!({"version": 1, "capacity": 15000, "entries": [
                {"account": {"id": "1350001", "handle": "real_acct", "followers": 3, "following": 4999}}]}),
        ),
        (
            "interactions of a memory entry",
            json!({"account": {"handle": "real_acct"}, "interactions": interactions}),
        ),
    ]
}

#[test]
fn every_graphql_fixture_reads_the_same_from_the_page() {
    let names = [
        "about_account",
        "followers_gen1",
        "followers_gen2",
        "followers_gen3",
        "following",
        "home_timeline",
        "labels_gen1",
        "labels_gen2",
        "labels_gen3",
        "list_members",
        "notifications_timeline",
        "partial_errors",
        "retweeters",
        "search_timeline",
        "tweet_detail",
        "unknown_operation",
        "user_by_screen_name_gen1",
        "user_by_screen_name_gen2",
        "user_by_screen_name_gen3",
        "user_tweets",
        "user_tweets_clients_cards",
        "user_tweets_v2",
        "user_wrapping_timeline",
    ];
    for name in names {
        let text = fixture(&format!("graphql/{name}.json"));
        let any = read_any(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let page = read_page(&text).unwrap_or_else(|e| panic!("{name} from the page: {e}"));
        assert!(
            !page.is_empty() || page.unavailable > 0,
            "{name}: nothing read"
        );
        assert_eq!(page.accounts, any.accounts, "{name}: accounts");
        assert_eq!(page.tweets, any.tweets, "{name}: posts");
        assert_eq!(page.interactions, any.interactions, "{name}: interactions");
    }
}

#[test]
fn forged_own_shapes_record_nothing_from_the_page() {
    for (what, shape) in forged_shapes() {
        let text = shape.to_string();
        // Files still read them (so this test would see a reader that took them).
        let from_file = read_any(&text).unwrap_or_else(|e| panic!("{what} from a file: {e}"));
        assert!(!from_file.is_empty(), "{what}: files read it");

        assert_eq!(read_page(&text), Err(ReadError::NothingFound), "{what}");
        let mut memory = Memory::new(100);
        if let Ok(obs) = read_page(&text) {
            memory.remember(obs, 1_800_000_000);
        }
        assert_eq!(memory.len(), 0, "{what}: nothing remembered");

        // The same shape hidden inside a real response: only X's user is read.
        let mut wrapped = timeline(vec![gql_user("1350001", "real_acct", "Writer.")]);
        wrapped["data"]["forged"] = shape.clone();
        wrapped["data"]["user"]["result"]["timeline"]["extra"] = json!([shape]);
        let obs = read_page(&wrapped.to_string()).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(obs.accounts.len(), 1, "{what}");
        let a = &obs.accounts[0];
        assert_eq!(
            a.followers,
            Some(812),
            "{what}: X's counts, not the forged ones"
        );
        assert_eq!(a.bio.as_deref(), Some("Writer."), "{what}");
        assert_eq!(a.source, Source::Graphql);
        assert!(obs.tweets.is_empty(), "{what}: no forged posts");
        assert!(
            obs.interactions.is_empty(),
            "{what}: no forged interactions"
        );
    }
}

#[test]
fn page_payloads_never_take_a_source_from_the_data() {
    // A tweet with a `source` of "page" and a user result with a `source`:
    // X's `source` on a tweet is its client, never ours.
    let mut tl = timeline(vec![gql_user("1", "ann", "hi")]);
    tl["data"]["user"]["result"]["source"] = json!("memory");
    let obs = read_page(&tl.to_string()).expect("reads");
    assert!(obs.accounts.iter().all(|a| a.source == Source::Graphql));
    let text = fixture("graphql/user_tweets.json");
    let obs = read_page(&text).expect("reads");
    assert!(!obs.tweets.is_empty());
    assert!(obs.tweets.iter().all(|t| t.source == Source::Graphql));
    assert!(obs.accounts.iter().all(|a| a.source == Source::Graphql));
}

#[test]
fn page_payloads_are_json_documents_not_json_lines() {
    let line = gql_user("1", "ann", "hi").to_string();
    let lines = format!("{line}\n{line}\n");
    assert!(read_any(&lines).is_ok(), "files read JSON Lines");
    assert!(matches!(read_page(&lines), Err(ReadError::NotJson(_))));
}

#[test]
fn oversized_payloads_are_refused_whole_with_a_clear_message() {
    let user = gql_user("1", "ann", &"x".repeat(1000)).to_string();
    let mut users = String::from("[");
    while users.len() <= MAX_PAYLOAD_BYTES {
        users.push_str(&user);
        users.push(',');
    }
    users.push_str(&user);
    users.push(']');
    match read_page(&users) {
        Err(e @ ReadError::TooLarge { bytes, max }) => {
            assert_eq!(bytes, users.len());
            assert_eq!(max, MAX_PAYLOAD_BYTES);
            let message = e.to_string();
            assert!(message.contains("8,388,608"), "{message}");
            assert!(message.contains("nothing was read"), "{message}");
        }
        other => panic!("not refused: {other:?}"),
    }
    // Just under the cap: read.
    let small = format!("[{user}]");
    assert_eq!(read_page(&small).map(|o| o.accounts.len()), Ok(1));
}

#[test]
fn strings_are_capped_on_character_boundaries() {
    let bio: String = "é👍".repeat(BIO_MAX_CHARS); // 2,000 characters, 6,000 bytes
    let mut u = gql_user("1", "ann", &bio);
    u["core"]["name"] = json!("名".repeat(NAME_MAX_CHARS * 3));
    u["location"] = json!({"location": "L".repeat(10_000)});
    let long_id = gql_user(&"9".repeat(IDENT_MAX_CHARS + 1), "bob", "hi");
    let tweet = json!({"__typename": "Tweet", "rest_id": "77",
        "core": {"user_results": {"result": gql_user("1", "ann", "hi")}},
        "legacy": {"full_text": "ß".repeat(TEXT_MAX_CHARS * 2), "created_at": "Wed Oct 10 20:19:24 +0000 2018"}});
    let mut doc = timeline(vec![u, long_id]);
    // Walked after the timeline (keys are read in order), so ann's long bio is seen first.
    doc["data"]["zz_tweet"] = tweet;
    let obs = read_page(&doc.to_string()).expect("reads");
    let ann = obs
        .accounts
        .iter()
        .find(|a| a.handle == "ann")
        .expect("ann");
    let kept = ann.bio.as_deref().unwrap_or("");
    assert_eq!(kept.chars().count(), BIO_MAX_CHARS);
    assert!(bio.starts_with(kept));
    assert_eq!(
        ann.name.as_deref().map(|n| n.chars().count()),
        Some(NAME_MAX_CHARS)
    );
    assert_eq!(ann.location.as_deref().map(str::len), Some(200));
    let bob = obs
        .accounts
        .iter()
        .find(|a| a.handle == "bob")
        .expect("bob");
    assert_eq!(bob.id, None, "an id longer than X's is dropped");
    assert_eq!(obs.tweets.len(), 1);
    assert_eq!(obs.tweets[0].text.chars().count(), TEXT_MAX_CHARS);
    // Files are capped the same way.
    let from_file = read_any(&doc.to_string()).expect("reads");
    assert_eq!(from_file.accounts, obs.accounts);
}

#[test]
fn one_payload_adds_a_bounded_number_of_accounts() {
    let n = MAX_ACCOUNTS_PER_PAYLOAD + 500;
    let users: Vec<Value> = (0..n)
        .map(|i| gql_user(&(1_000_000 + i).to_string(), &format!("u{i}"), "hi"))
        .collect();
    let text = timeline(users).to_string();
    let obs = read_page(&text).expect("reads");
    assert_eq!(obs.accounts.len(), MAX_ACCOUNTS_PER_PAYLOAD);
    assert_eq!(obs.accounts[0].handle, "u0", "the first ones are kept");
    assert!(
        obs.warnings
            .iter()
            .any(|w| w.contains("Skipped 500 account(s)")),
        "{:?}",
        obs.warnings
    );
    // A file (an export of thousands) is not capped.
    assert_eq!(read_any(&text).map(|o| o.accounts.len()), Ok(n));
}

#[test]
fn one_payload_adds_a_bounded_number_of_posts() {
    let n = MAX_TWEETS_PER_PAYLOAD + 10;
    let tweets: Vec<Value> = (0..n)
        .map(|i| {
            json!({"__typename": "Tweet", "rest_id": i.to_string(),
            "legacy": {"full_text": "hello", "user_id_str": "1"}})
        })
        .collect();
    let obs = read_page(&json!({"data": {"tweets": tweets}}).to_string()).expect("reads");
    assert_eq!(obs.tweets.len(), MAX_TWEETS_PER_PAYLOAD);
    assert!(obs
        .warnings
        .iter()
        .any(|w| w.contains("Skipped 10 post(s)")));
}

/// A notifications timeline: `count` notifications, each of `kind_icon`
/// by the same actor, with ids from `id_of`.
fn notifications(count: usize, id_of: impl Fn(usize) -> String) -> Value {
    let entries: Vec<Value> = (0..count)
        .map(|i| {
            json!({"entryId": format!("notification-{i}"), "content": {
                "entryType": "TimelineTimelineItem",
                "itemContent": {"itemType": "TimelineNotification", "id": id_of(i),
                    "notification_icon": "reply_icon",
                    "timestampMs": (1_764_662_400_000u64 + 1000 * i as u64).to_string(),
                    "template": {"from_users": [
                        {"user_results": {"result": gql_user("5", "sam", "hi")}}]}}}})
        })
        .collect();
    json!({"data": {"viewer": {"timeline": {"instructions": [
        {"type": "TimelineAddEntries", "entries": entries}]}}}})
}

#[test]
fn interactions_are_deduplicated_and_bounded_per_payload() {
    // The same notification repeated: one interaction.
    let obs = read_page(&notifications(300, |_| "N1".into()).to_string()).expect("reads");
    assert_eq!(obs.interactions.len(), 1);
    assert_eq!(obs.accounts.len(), 1);
    // Distinct notifications beyond the cap: capped, with a warning.
    let n = MAX_INTERACTIONS_PER_PAYLOAD + 7;
    let obs = read_page(&notifications(n, |i| format!("N{i}")).to_string()).expect("reads");
    assert_eq!(obs.interactions.len(), MAX_INTERACTIONS_PER_PAYLOAD);
    assert!(obs
        .warnings
        .iter()
        .any(|w| w.contains("Skipped 7 interaction(s)")));
    // And memory keeps a bounded, deduplicated list for the account.
    let mut m = Memory::new(10);
    m.remember(obs, 1_800_000_000);
    let again = read_page(&notifications(50, |i| format!("N{i}")).to_string()).expect("reads");
    m.remember(again, 1_800_000_100);
    let sam = m.get(Some("5"), None).expect("sam");
    assert_eq!(
        sam.interactions.len(),
        followback::memory::INTERACTIONS_PER_ACCOUNT
    );
}
