//! Reader tests on the fixture payloads: every user-object generation, every
//! timeline operation, v1.1 objects, JSON Lines, and bad input.

use followback::read::{read_any, read_any_from, ReadError};
use followback::{Account, Observations, Source, TweetKind};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Observations {
    read_any(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn account<'a>(obs: &'a Observations, handle: &str) -> &'a Account {
    obs.accounts
        .iter()
        .find(|a| a.handle == handle)
        .unwrap_or_else(|| panic!("no account {handle} in {:?}", handles(obs)))
}

fn handles(obs: &Observations) -> Vec<&str> {
    obs.accounts.iter().map(|a| a.handle.as_str()).collect()
}

/// (handle, id, followers, following, tweets, likes) of the cast.
const CAST: [(&str, &str, u64, u64, u64, u64); 7] = [
    ("maria_okafor", "1350001", 2345, 512, 8912, 15400),
    ("dev_tomasz", "1350002", 812, 403, 3120, 5230),
    ("fb_grow_4u", "1350003", 5102, 4980, 21400, 48000),
    ("jsmith84029317", "1350004", 3, 1204, 0, 2),
    ("crypto_gains_bot", "1350005", 120, 4999, 58000, 12),
    ("quiet_reader", "1350006", 14, 188, 2, 30),
    ("city_transit", "1350007", 184000, 220, 45210, 1200),
];

fn check_counts(obs: &Observations) {
    for a in &obs.accounts {
        let (h, id, followers, following, tweets, likes) = CAST
            .iter()
            .copied()
            .find(|c| c.0 == a.handle)
            .unwrap_or_else(|| panic!("unexpected account {}", a.handle));
        assert_eq!(a.id.as_deref(), Some(id), "{h} id");
        assert_eq!(a.followers, Some(followers), "{h} followers");
        assert_eq!(a.following, Some(following), "{h} following");
        assert_eq!(a.tweets, Some(tweets), "{h} tweets");
        assert_eq!(a.likes, Some(likes), "{h} likes");
    }
}

const MARIA_CREATED: i64 = 1_294_625_194; // Mon Jan 10 02:06:34 +0000 2011

fn check_followers(gen: u8) {
    let obs = read(&format!("graphql/followers_gen{gen}.json"));
    assert_eq!(
        handles(&obs),
        [
            "maria_okafor",
            "fb_grow_4u",
            "jsmith84029317",
            "crypto_gains_bot",
            "quiet_reader",
            "dev_tomasz"
        ],
        "gen {gen}"
    );
    assert_eq!(obs.unavailable, 1, "gen {gen} unavailable");
    assert!(obs.tweets.is_empty());
    assert!(obs.warnings.is_empty(), "{:?}", obs.warnings);
    check_counts(&obs);
    for a in &obs.accounts {
        assert_eq!(a.follows_you, Some(true), "gen {gen} {}", a.handle);
        assert_eq!(a.source, Source::Graphql);
    }
    let maria = account(&obs, "maria_okafor");
    assert_eq!(maria.name.as_deref(), Some("Maria Okafor"));
    assert_eq!(maria.created_at, Some(MARIA_CREATED));
    assert_eq!(maria.location.as_deref(), Some("Lagos, Nigeria"));
    assert_eq!(
        maria.url.as_deref(),
        Some("https://mariaokafor.example.com")
    );
    assert_eq!(maria.default_avatar, Some(false));
    assert_eq!(maria.media, Some(412));
    assert!(maria
        .bio
        .as_deref()
        .is_some_and(|b| b.starts_with("Science writer")));

    let beggar = account(&obs, "fb_grow_4u");
    let bio = beggar.bio.as_deref().unwrap_or_default();
    assert!(bio.contains("#TeamFollowBack"), "{bio}");
    assert!(
        bio.contains("<img src=x onerror=alert(1)>"),
        "bio kept verbatim: {bio}"
    );
    assert_eq!(beggar.url, None);

    let fake = account(&obs, "jsmith84029317");
    assert_eq!(fake.default_avatar, Some(true), "gen {gen}");
    assert_eq!(
        fake.bio.as_deref(),
        Some(""),
        "an empty bio is seen as empty"
    );
    assert_eq!(
        fake.location.as_deref(),
        Some(""),
        "an empty location is seen as empty"
    );

    let quiet = account(&obs, "quiet_reader");
    assert_eq!(quiet.protected, Some(true));
    let dev = account(&obs, "dev_tomasz");
    assert_eq!(dev.blue_verified, Some(true));
    assert_eq!(dev.you_follow, Some(true));
    assert_eq!(maria.you_follow, Some(false));

    if gen < 3 {
        assert_eq!(maria.listed, Some(61));
        assert_eq!(fake.default_profile, Some(true));
        assert_eq!(maria.default_profile, Some(false));
    } else {
        assert_eq!(maria.listed, None, "generation 3 has no listed_count");
        assert_eq!(fake.default_profile, None);
    }
}

#[test]
fn followers_generation_1() {
    check_followers(1);
}

#[test]
fn followers_generation_2() {
    check_followers(2);
}

#[test]
fn followers_generation_3() {
    check_followers(3);
}

#[test]
fn generations_agree_on_every_shared_fact() {
    let g1 = read("graphql/followers_gen1.json");
    let g2 = read("graphql/followers_gen2.json");
    let g3 = read("graphql/followers_gen3.json");
    for ((a, b), c) in g1.accounts.iter().zip(&g2.accounts).zip(&g3.accounts) {
        // Generation 3 dropped listed and default_profile: compare the rest.
        let strip = |x: &Account| Account {
            listed: None,
            default_profile: None,
            ..x.clone()
        };
        assert_eq!(strip(a), strip(b));
        assert_eq!(strip(b), strip(c));
    }
}

#[test]
fn user_by_screen_name_each_generation() {
    for gen in 1..=3 {
        let obs = read(&format!("graphql/user_by_screen_name_gen{gen}.json"));
        assert_eq!(handles(&obs), ["maria_okafor"], "gen {gen}");
        check_counts(&obs);
        let maria = account(&obs, "maria_okafor");
        assert_eq!(maria.follows_you, Some(true));
        assert_eq!(maria.created_at, Some(MARIA_CREATED));
        assert_eq!(maria.verified, Some(false));
    }
}

fn check_user_tweets(name: &str) {
    let obs = read(name);
    assert_eq!(
        handles(&obs),
        ["maria_okafor", "city_transit", "dev_tomasz"],
        "{name}"
    );
    check_counts(&obs);
    assert_eq!(account(&obs, "city_transit").verified, Some(true));
    let tweet = |id: &str| {
        obs.tweets
            .iter()
            .find(|t| t.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{name}: no tweet {id}"))
    };
    assert_eq!(obs.tweets.len(), 10, "{name}");
    let pinned = tweet("1990000000000000001");
    assert_eq!(pinned.kind, TweetKind::Original);
    assert_eq!(pinned.author_handle.as_deref(), Some("maria_okafor"));
    assert_eq!(pinned.author_id.as_deref(), Some("1350001"));
    assert_eq!(
        pinned.urls,
        ["https://lagosreview.example/2026/heat-streets"]
    );
    assert_eq!(
        pinned.created_at,
        followback::time::parse_x_date("Mon Oct 05 09:00:00 +0000 2026")
    );
    let reply = tweet("1990000000000000003");
    assert_eq!(reply.kind, TweetKind::Reply);
    assert_eq!(reply.reply_to.as_deref(), Some("dev_tomasz"));
    let repost = tweet("1990000000000000004");
    assert_eq!(repost.kind, TweetKind::Repost);
    assert_eq!(repost.author_handle.as_deref(), Some("maria_okafor"));
    assert!(
        repost.text.starts_with("Line 4 is running") && repost.text.ends_with("at Central."),
        "repost carries the reposted text: {}",
        repost.text
    );
    let reposted = tweet("1990000000000000101");
    assert_eq!(reposted.author_handle.as_deref(), Some("city_transit"));
    assert_eq!(reposted.kind, TweetKind::Original);
    let quote = tweet("1990000000000000005");
    assert_eq!(quote.kind, TweetKind::Quote);
    let quoted = tweet("1990000000000000102");
    assert_eq!(quoted.author_handle.as_deref(), Some("dev_tomasz"));
    assert_eq!(quoted.urls.len(), 1);
    let limited = tweet("1990000000000000006");
    assert_eq!(limited.author_handle.as_deref(), Some("maria_okafor"));
    let thread_reply = tweet("1990000000000000008");
    assert_eq!(thread_reply.kind, TweetKind::Reply);
    assert_eq!(thread_reply.reply_to.as_deref(), Some("maria_okafor"));
}

#[test]
fn user_tweets_current_timeline_path() {
    check_user_tweets("graphql/user_tweets.json");
}

#[test]
fn user_tweets_old_timeline_v2_path_with_generation_1_authors() {
    check_user_tweets("graphql/user_tweets_v2.json");
}

#[test]
fn following_marks_you_follow() {
    let obs = read("graphql/following.json");
    assert_eq!(
        handles(&obs),
        ["city_transit", "dev_tomasz", "quiet_reader"]
    );
    check_counts(&obs);
    assert!(obs.accounts.iter().all(|a| a.you_follow == Some(true)));
    assert_eq!(account(&obs, "city_transit").follows_you, Some(false));
    assert_eq!(account(&obs, "dev_tomasz").follows_you, Some(true));
}

#[test]
fn home_timeline_tweets_authors_and_modules() {
    let obs = read("graphql/home_timeline.json");
    let mut got = handles(&obs);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "city_transit",
            "crypto_gains_bot",
            "dev_tomasz",
            "fb_grow_4u",
            "jsmith84029317",
            "maria_okafor",
            "quiet_reader"
        ]
    );
    check_counts(&obs);
    assert_eq!(obs.tweets.len(), 5);
    let spam = obs
        .tweets
        .iter()
        .find(|t| t.author_handle.as_deref() == Some("crypto_gains_bot"))
        .expect("spam tweet");
    assert_eq!(spam.urls, ["https://airdrop-gains.example/claim?ref=55"]);
    let repost = obs
        .tweets
        .iter()
        .find(|t| t.author_handle.as_deref() == Some("fb_grow_4u"))
        .expect("repost");
    assert_eq!(repost.kind, TweetKind::Repost);
    assert_eq!(
        repost.urls,
        ["https://mariaokafor.example.com/notes/flood-workshop"]
    );
}

#[test]
fn tweet_detail_replies_visibility_wrapper_tombstone_and_add_to_module() {
    let obs = read("graphql/tweet_detail.json");
    let mut got = handles(&obs);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "crypto_gains_bot",
            "dev_tomasz",
            "fb_grow_4u",
            "maria_okafor",
            "quiet_reader"
        ]
    );
    assert_eq!(obs.tweets.len(), 6);
    let replies = obs
        .tweets
        .iter()
        .filter(|t| t.kind == TweetKind::Reply)
        .count();
    assert_eq!(replies, 5);
    assert!(obs
        .tweets
        .iter()
        .any(|t| t.author_handle.as_deref() == Some("crypto_gains_bot")));
    assert_eq!(obs.unavailable, 0, "a tweet tombstone is not a user");
}

#[test]
fn search_timeline_users_and_tweets() {
    let obs = read("graphql/search_timeline.json");
    assert_eq!(handles(&obs), ["fb_grow_4u", "crypto_gains_bot"]);
    check_counts(&obs);
    assert_eq!(obs.tweets.len(), 2);
    assert!(obs
        .tweets
        .iter()
        .all(|t| t.text.contains("#TeamFollowBack")));
}

#[test]
fn list_members_and_retweeters() {
    let obs = read("graphql/list_members.json");
    assert_eq!(
        handles(&obs),
        ["maria_okafor", "dev_tomasz", "city_transit"]
    );
    check_counts(&obs);
    let obs = read("graphql/retweeters.json");
    assert_eq!(
        handles(&obs),
        ["fb_grow_4u", "crypto_gains_bot", "jsmith84029317"]
    );
    assert_eq!(obs.unavailable, 1);
    assert!(obs.accounts.iter().all(|a| a.follows_you == Some(false)));
}

#[test]
fn unknown_operation_is_walked() {
    let obs = read("graphql/unknown_operation.json");
    assert_eq!(
        handles(&obs),
        ["quiet_reader", "dev_tomasz", "city_transit"]
    );
    check_counts(&obs);
    assert_eq!(obs.unavailable, 1);
    assert_eq!(obs.tweets.len(), 1);
    assert_eq!(obs.tweets[0].author_id.as_deref(), Some("1350002"));
}

#[test]
fn errors_alone_are_a_warning_and_with_data_too() {
    let obs = read("graphql/errors_only.json");
    assert!(obs.accounts.is_empty());
    assert_eq!(obs.warnings.len(), 1);
    assert!(
        obs.warnings[0].contains("Rate limit exceeded"),
        "{:?}",
        obs.warnings
    );

    let obs = read("graphql/partial_errors.json");
    assert_eq!(handles(&obs), ["dev_tomasz", "quiet_reader"]);
    assert!(obs.warnings.iter().any(|w| w.contains("Authorization")));
}

#[test]
fn v11_array_single_wrapped_and_lines() {
    let obs = read("v11/users.json");
    assert_eq!(
        handles(&obs),
        [
            "maria_okafor",
            "dev_tomasz",
            "jsmith84029317",
            "crypto_gains_bot"
        ]
    );
    check_counts(&obs);
    assert!(obs.accounts.iter().all(|a| a.source == Source::File));
    assert!(
        obs.tweets.is_empty(),
        "a user's embedded status is not read as a tweet"
    );
    let maria = account(&obs, "maria_okafor");
    assert_eq!(maria.created_at, Some(MARIA_CREATED));
    assert_eq!(maria.listed, Some(61));
    assert_eq!(
        maria.url.as_deref(),
        Some("https://mariaokafor.example.com")
    );
    assert_eq!(account(&obs, "jsmith84029317").default_avatar, Some(true));

    let obs = read("v11/single_user.json");
    assert_eq!(handles(&obs), ["maria_okafor"]);

    let obs = read("v11/wrapped_users.json");
    assert_eq!(handles(&obs), ["quiet_reader", "city_transit"]);
    check_counts(&obs);

    let obs = read("v11/users.jsonl");
    assert_eq!(
        handles(&obs),
        ["fb_grow_4u", "quiet_reader", "city_transit", "dev_tomasz"]
    );
    check_counts(&obs);
    assert!(obs.warnings.is_empty());
}

#[test]
fn json_lines_skip_bad_lines_naming_them() {
    let obs = read("v11/users_with_junk.jsonl");
    assert_eq!(handles(&obs), ["fb_grow_4u", "quiet_reader"]);
    assert_eq!(obs.warnings.len(), 2, "{:?}", obs.warnings);
    assert!(obs.warnings[0].contains("line 2"), "{:?}", obs.warnings);
    assert!(obs.warnings[1].contains("line 4"), "{:?}", obs.warnings);
}

#[test]
fn read_any_from_forces_the_source() {
    let obs =
        read_any_from(&fixture("graphql/followers_gen2.json"), Source::File).expect("readable");
    assert!(obs.accounts.iter().all(|a| a.source == Source::File));
}

#[test]
fn accounts_seen_twice_are_merged_within_one_payload() {
    let text = r#"[
        {"__typename":"User","rest_id":"42","core":{"screen_name":"Twice"},"relationship_counts":{"followers":5}},
        {"__typename":"User","rest_id":"42","core":{"screen_name":"twice"},"tweet_counts":{"tweets":9}},
        {"screen_name":"TWICE","followers_count":6,"listed_count":2}
    ]"#;
    let obs = read_any(text).expect("readable");
    assert_eq!(obs.accounts.len(), 1);
    let a = &obs.accounts[0];
    assert_eq!(a.handle, "Twice");
    assert_eq!(a.followers, Some(5), "first seen wins");
    assert_eq!(a.tweets, Some(9));
    assert_eq!(a.listed, Some(2));
}

#[test]
fn own_export_lines_round_trip() {
    let line = r#"{"handle":"ann","id":"7","score":50,"facts":{"followers":10,"following":20,"tweets":30,"created_at":"2011-01-10T02:06:34Z","default_avatar":true}}"#;
    let obs = read_any(line).expect("readable");
    let a = &obs.accounts[0];
    assert_eq!(a.handle, "ann");
    assert_eq!(a.id.as_deref(), Some("7"));
    assert_eq!(
        (a.followers, a.following, a.tweets),
        (Some(10), Some(20), Some(30))
    );
    assert_eq!(a.created_at, Some(MARIA_CREATED));
    assert_eq!(a.default_avatar, Some(true));

    let dom = r#"{"handle":"@Bob","followersText":"12,5 k","joinedText":"Joined March 2011"}"#;
    let obs = read_any(dom).expect("readable");
    assert_eq!(obs.accounts[0].handle, "Bob");
    assert_eq!(obs.accounts[0].followers, Some(12_500));
    assert_eq!(obs.accounts[0].source, Source::Page);
}

#[test]
fn garbage_and_truncated_input_is_an_error_not_a_panic() {
    assert!(matches!(read_any(""), Err(ReadError::NotJson(_))));
    assert!(matches!(read_any("   \n "), Err(ReadError::NotJson(_))));
    assert!(matches!(read_any("hello"), Err(ReadError::NotJson(_))));
    assert!(matches!(read_any("{"), Err(ReadError::NotJson(_))));
    assert_eq!(read_any("[]"), Err(ReadError::NothingFound));
    assert_eq!(read_any("{}"), Err(ReadError::NothingFound));
    assert_eq!(read_any("42"), Err(ReadError::NothingFound));
    assert_eq!(
        read_any(r#"{"data":{"user":{"result":{"__typename":"User"}}}}"#),
        Err(ReadError::NothingFound)
    );
    let full = fixture("graphql/followers_gen3.json");
    let cut = &full[..full.len() / 2];
    match read_any(cut) {
        Err(ReadError::NotJson(m)) => assert!(m.contains("EOF"), "{m}"),
        other => panic!("truncated JSON: {other:?}"),
    }
    // Wrong types everywhere: read what can be read, never panic.
    let odd = r#"{"__typename":"User","rest_id":"9","core":{"screen_name":"odd"},
        "relationship_counts":{"followers":"lots","following":-3},"legacy":{"followers_count":[1]},
        "profile_bio":{"description":7},"verification":"yes"}"#;
    let obs = read_any(odd).expect("readable");
    let a = &obs.accounts[0];
    assert_eq!(a.handle, "odd");
    assert_eq!(
        (a.followers, a.following, a.bio.clone(), a.verified),
        (None, None, None, None)
    );
}

#[test]
fn hostile_nesting_is_bounded() {
    // Deeper than serde_json's recursion limit: a parse error.
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(matches!(read_any(&deep), Err(ReadError::NotJson(_))));
    // Within the parser's limit but beyond the walk's depth: skipped.
    let user = r#"{"screen_name":"deep","followers_count":1}"#;
    let nest = |n: usize| "{\"a\":".repeat(n) + user + &"}".repeat(n);
    assert_eq!(read_any(&nest(100)), Err(ReadError::NothingFound));
    let obs = read_any(&nest(40)).expect("within depth");
    assert_eq!(obs.accounts[0].handle, "deep");
}

#[test]
fn every_prefix_of_a_fixture_reads_or_fails_cleanly() {
    let full = fixture("graphql/tweet_detail.json");
    let mut cut = 0;
    while cut < full.len() {
        if full.is_char_boundary(cut) {
            let _ = read_any(&full[..cut]);
        }
        cut += 997;
    }
}

#[test]
fn extension_memory_export_reads_back() {
    let mut memory = followback::memory::Memory::new(100);
    memory.remember(read("graphql/user_tweets.json"), 1_795_255_200);
    let obs = read_any(&memory.to_json()).expect("memory export is readable");
    let mut got = handles(&obs);
    got.sort_unstable();
    assert_eq!(got, ["city_transit", "dev_tomasz", "maria_okafor"]);
    check_counts(&obs);
    assert!(obs.accounts.iter().all(|a| a.source == Source::Memory));
    assert_eq!(obs.tweets.len(), 10);
}

mod never_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text(s in "\\PC{0,200}") {
            let _ = read_any(&s);
        }

        #[test]
        fn json_like_text(s in "[\\[\\]{}\",:0-9a-z_ \n]{0,300}") {
            let _ = read_any(&s);
        }

        #[test]
        fn fixture_with_one_byte_changed(at in 0usize..20_000, byte in 0u8..128) {
            let mut bytes = fixture("graphql/followers_gen2.json").into_bytes();
            let len = bytes.len();
            if let Some(b) = bytes.get_mut(at % len) {
                *b = byte;
            }
            let _ = read_any(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn empty_bio_and_location_present_in_the_data_are_seen_as_empty() {
    let gen3 = r#"{"data":{"user":{"result":{"__typename":"User","rest_id":"77",
        "core":{"screen_name":"egg77","name":"egg"},
        "profile_bio":{"description":""},"location":{"location":""},
        "relationship_counts":{"followers":1,"following":300}}}}}"#;
    let a = &followback::read::read_any(gen3).expect("reads").accounts[0];
    assert_eq!(a.bio.as_deref(), Some(""));
    assert_eq!(a.location.as_deref(), Some(""));

    let gen1 = r#"{"data":{"user":{"result":{"__typename":"User","rest_id":"78",
        "legacy":{"screen_name":"egg78","description":"","followers_count":1}}}}}"#;
    let a = &followback::read::read_any(gen1).expect("reads").accounts[0];
    assert_eq!(a.bio.as_deref(), Some(""));
    assert_eq!(a.location, None, "a field absent everywhere stays unknown");

    // The newest place with text wins over an older empty one.
    let mixed = r#"{"data":{"user":{"result":{"__typename":"User","rest_id":"79",
        "core":{"screen_name":"m79"},"profile_bio":{"description":"real bio"},
        "legacy":{"description":"","followers_count":3}}}}}"#;
    let a = &followback::read::read_any(mixed).expect("reads").accounts[0];
    assert_eq!(a.bio.as_deref(), Some("real bio"));
}

#[test]
fn v11_embedded_status_time_is_when_the_account_was_seen() {
    let v11 = r#"{"id_str":"5","screen_name":"old","followers_count":10,"friends_count":20,
        "statuses_count":30,"created_at":"Mon Jan 10 02:06:34 +0000 2011",
        "status":{"created_at":"Tue Mar 03 10:00:00 +0000 2015","text":"hi"}}"#;
    let a = &followback::read::read_any(v11).expect("reads").accounts[0];
    assert_eq!(a.observed_at, Some(1_425_376_800));
}
