//! Robustness of everything that reads outside data, with proptest as the
//! fuzzer: arbitrary text, JSON-ish trees keyed with the real GraphQL
//! vocabulary, mutated fixtures, page strings, saved settings and saved memory.
//! Properties: nothing panics, every verdict stays in 0..=100 with its points
//! adding up (base + sum of points == score), confidence in 0..=1, and what
//! we save reads back the same.
//!
//! Case count: `PROPTEST_CASES` (default 64); `./build.sh fuzz` runs these
//! with 20,000 in release mode. Hostile nesting and a 10 MB payload are plain
//! tests at the end (their speed is measured by `examples/bench.rs`, not here).

use std::sync::OnceLock;

use followback::memory::Memory;
use followback::read::{self, dom};
use followback::score::score;
use followback::settings::{self, SettingKind, Settings};
use followback::{Account, Subject, Verdict};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};

/// 2026-11-21T10:00:00Z, the "now" the other tests use.
const NOW: i64 = 1_795_255_200;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(64)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/// Every verdict: score in 0..=100, base + points == score, confidence in 0..=1, serialisable.
fn check_verdict(v: &Verdict) {
    assert!(
        v.score <= 100,
        "score {} out of range for {:?}",
        v.score,
        v.handle
    );
    let sum = i64::from(v.base) + v.evidence.iter().map(|e| i64::from(e.points)).sum::<i64>();
    assert_eq!(
        sum,
        i64::from(v.score),
        "base {} + points != score {} for {:?}: {:#?}",
        v.base,
        v.score,
        v.handle,
        v.evidence
    );
    assert!(
        v.confidence.value.is_finite() && (0.0..=1.0).contains(&v.confidence.value),
        "confidence {} out of range",
        v.confidence.value
    );
    for e in &v.evidence {
        assert!(!e.signal.is_empty(), "an evidence line without a signal id");
        assert!(
            !e.reason.is_empty(),
            "{}: an evidence line without a reason",
            e.signal
        );
        if e.seen.is_none() {
            assert_eq!(e.points, 0, "{}: points for something not seen", e.signal);
        }
    }
    let json = serde_json::to_string(v).expect("a verdict serialises");
    let back: Verdict = serde_json::from_str(&json).expect("a verdict reads back");
    assert_eq!(back.score, v.score);
    assert_eq!(back.evidence.len(), v.evidence.len());
}

/// Scores each account alone and with everything remembered about it, and
/// checks that saved memory reads back.
fn check_observations(obs: followback::Observations, settings: &Settings) {
    for a in &obs.accounts {
        check_verdict(&score(&Subject::profile(a), settings, NOW));
    }
    let mut memory = Memory::new(10_000);
    memory.remember(obs, NOW);
    for entry in memory.entries() {
        check_verdict(&score(&entry.subject(), settings, NOW));
    }
    let saved = memory.to_json();
    let back = Memory::from_json(&saved).expect("our own saved memory reads back");
    assert_eq!(back.len(), memory.len(), "saved memory lost accounts");
    for entry in memory.entries() {
        let again = back
            .get(entry.account.id.as_deref(), Some(&entry.account.handle))
            .expect("every saved account is found again");
        assert_eq!(
            again, entry,
            "an account changed on its way through storage"
        );
    }
}

/// The full path for one text: read, then score everything found.
fn read_and_score(text: &str) {
    if let Ok(obs) = read::read_any(text) {
        check_observations(obs, &Settings::default());
    }
    // The page's entry point: X's shapes only, so every fact is from X's data.
    // Its typed reader yields what the generic walker yields, on any input.
    let page = read::read_page(text);
    assert_eq!(
        page,
        read::read_page_generic(text),
        "typed and generic page readers differ"
    );
    if let Ok(obs) = page {
        let graphql = followback::model::Source::Graphql;
        assert!(obs.accounts.iter().all(|a| a.source == graphql));
        assert!(obs.tweets.iter().all(|t| t.source == graphql));
        assert!(obs.interactions.iter().all(|i| i.source == graphql));
        check_observations(obs, &Settings::default());
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// Keys from the real payload shapes (GraphQL generations 1-3, v1.1, our exports, DOM facts).
const KEYS: &[&str] = &[
    "data",
    "user",
    "result",
    "legacy",
    "core",
    "timeline",
    "timeline_v2",
    "instructions",
    "entries",
    "entry",
    "content",
    "itemContent",
    "items",
    "item",
    "moduleItems",
    "user_results",
    "tweet_results",
    "__typename",
    "type",
    "itemType",
    "entryType",
    "entryId",
    "cursorType",
    "value",
    "screen_name",
    "name",
    "rest_id",
    "id",
    "id_str",
    "followers_count",
    "friends_count",
    "statuses_count",
    "favourites_count",
    "listed_count",
    "media_count",
    "relationship_counts",
    "followers",
    "following",
    "tweet_counts",
    "tweets",
    "media_tweets",
    "action_counts",
    "favorites_count",
    "created_at",
    "description",
    "profile_bio",
    "location",
    "avatar",
    "image_url",
    "profile_image_url_https",
    "default_profile_image",
    "default_profile",
    "verification",
    "verified",
    "is_blue_verified",
    "privacy",
    "protected",
    "relationship_perspectives",
    "followed_by",
    "website",
    "url",
    "entities",
    "urls",
    "expanded_url",
    "full_text",
    "text",
    "note_tweet",
    "note_tweet_results",
    "retweeted_status_result",
    "quoted_status_result",
    "is_quote_status",
    "in_reply_to_screen_name",
    "in_reply_to_status_id_str",
    "user_id_str",
    "tweet",
    "errors",
    "message",
    "facts",
    "handle",
    "account",
    "history",
    "interactions",
    "kind",
    "at",
    "last_seen",
    "followersText",
    "followingText",
    "joinedText",
    "avatarUrl",
    "followsYou",
    "youFollow",
    "defaultAvatar",
    "bio",
    "users",
    "home",
    "home_timeline_urt",
    "list",
    "members_timeline",
    "search_by_raw_query",
    "search_timeline",
    "threaded_conversation_with_injections_v2",
    "profile_bio",
    "description",
    "verification",
    "verified_type",
    "verification_info",
    "is_identity_verified",
    "affiliates_highlighted_label",
    "label",
    "userLabelType",
    "longDescription",
    "ref",
    "mention_results",
    "parody_commentary_fan_label",
    "about_profile",
    "username_changes",
    "count",
    "account_based_in",
    "source",
    "card",
    "user_refs_results",
    "extended_entities",
    "media",
    "additional_media_info",
    "source_user",
    "viewer_v2",
    "notification_timeline",
    "notification_icon",
    "template",
    "from_users",
    "target_objects",
    "aggregateUserActionsV1",
    "fromUsers",
    "timestamp_ms",
    "notification",
    "0",
    "1",
    "",
];

/// String values that steer the readers down their branches.
const STRINGS: &[&str] = &[
    "User",
    "UserUnavailable",
    "Tweet",
    "TweetWithVisibilityResults",
    "TweetTombstone",
    "TimelineUser",
    "TimelineTweet",
    "TimelineAddEntries",
    "TimelinePinEntry",
    "TimelineAddToModule",
    "TimelineTimelineCursor",
    "TimelineTimelineItem",
    "TimelineTimelineModule",
    "TimelineClearCache",
    "TimelineNotification",
    "person_icon",
    "heart_icon",
    "retweet_icon",
    "reply",
    "AutomatedLabel",
    "BusinessLabel",
    "Automated by @",
    "Business",
    "Government",
    "Parody",
    "None",
    "https://t.co/abc",
    "<a href=\"https://buffer.com\" rel=\"nofollow\">Buffer</a>",
    "&amp;&#x;&#99999999;&",
    "1764666000000",
    "cursor-top-1859",
    "user-1350001",
    "tweet-1",
    "Mon Jan 10 02:06:34 +0000 2011",
    "Fri Nov 20 09:59:59 +0000 2026",
    "2011-01-10T02:06:34Z",
    "2011-01-10",
    "1294625194",
    "12.5K",
    "1,234",
    "1.2万",
    "-5",
    "",
    " ",
    "maria_okafor",
    "@Ann",
    "MARIA_OKAFOR",
    "1350001",
    "99999999999999999999999",
    "#TeamFollowBack 100% follow back",
    "social media guru",
    "Joined March 2011",
    "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png",
    "https://pbs.twimg.com/profile_images/1/x_normal.jpg",
    "true",
    "false",
    "followed",
    "liked",
    "graphql",
    "page",
    "\u{202e}evil\u{202c}",
    "a\u{200b}b\u{200d}c",
    "<img src=x onerror=alert(1)>",
    "👩‍👩‍👧‍👦",
    "e\u{301}",
    "\u{feff}",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => "[a-z_]{0,12}",
        1 => any::<String>(),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => (0u64..100_000).prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        4 => prop::sample::select(STRINGS).prop_map(Value::from),
        1 => any::<String>().prop_map(Value::from),
    ]
}

/// Nested objects and arrays keyed with the payload vocabulary.
fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(10, 400, 8, |inner| {
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            2 => prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// Pieces of almost-JSON, to reach the JSON Lines fallback and parser errors.
fn json_ish_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        prop::sample::select(
            &[
                "{", "}", "[", "]", ":", ",", "\"", "\n", "\r\n", " ", "null", "true", "false",
                "0", "-1", "1e999", "1.5", "\\", "\\u202e", "\\ud800", "\u{feff}",
            ][..]
        )
        .prop_map(str::to_string),
        prop::sample::select(KEYS).prop_map(|k| format!("\"{k}\"")),
        prop::sample::select(STRINGS).prop_map(|s| serde_json::to_string(s).unwrap_or_default()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(token, 0..80).prop_map(|t| t.concat())
}

/// The fixtures (written by us, modelled on X's shapes), as parsed JSON.
fn fixtures() -> &'static [Value] {
    static FIXTURES: OnceLock<Vec<Value>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        [
            include_str!("fixtures/graphql/followers_gen1.json"),
            include_str!("fixtures/graphql/followers_gen2.json"),
            include_str!("fixtures/graphql/followers_gen3.json"),
            include_str!("fixtures/graphql/user_by_screen_name_gen1.json"),
            include_str!("fixtures/graphql/user_by_screen_name_gen3.json"),
            include_str!("fixtures/graphql/user_tweets.json"),
            include_str!("fixtures/graphql/home_timeline.json"),
            include_str!("fixtures/graphql/tweet_detail.json"),
            include_str!("fixtures/graphql/search_timeline.json"),
            include_str!("fixtures/graphql/unknown_operation.json"),
            include_str!("fixtures/graphql/partial_errors.json"),
            include_str!("fixtures/graphql/labels_gen1.json"),
            include_str!("fixtures/graphql/labels_gen3.json"),
            include_str!("fixtures/graphql/about_account.json"),
            include_str!("fixtures/graphql/notifications_timeline.json"),
            include_str!("fixtures/graphql/user_tweets_clients_cards.json"),
            include_str!("fixtures/v11/users.json"),
        ]
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect()
    })
}

/// JSON pointers to every node of `v`.
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{here}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

/// A fixture with some of its nodes replaced by arbitrary trees (or deleted).
fn mutated_fixture() -> impl Strategy<Value = Value> {
    (
        any::<Index>(),
        prop::collection::vec((any::<Index>(), prop::option::weighted(0.8, tree())), 1..6),
    )
        .prop_map(|(which, edits)| {
            let list = fixtures();
            let mut doc = list[which.index(list.len())].clone();
            for (at, replacement) in edits {
                let mut all = Vec::new();
                pointers(&doc, String::new(), &mut all);
                let ptr = &all[at.index(all.len())];
                if ptr.is_empty() {
                    continue;
                }
                let replacement = replacement.unwrap_or(Value::Null);
                if let Some(slot) = doc.pointer_mut(ptr) {
                    *slot = replacement;
                }
            }
            doc
        })
}

/// Strings shaped like the counts X shows, and junk around them.
fn count_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        "[0-9]{1,4}",
        prop::sample::select(
            &[
                ",",
                ".",
                " ",
                "\u{a0}",
                "\u{202f}",
                "'",
                "K",
                "k",
                "M",
                "B",
                "Mio.",
                "Mrd.",
                "mil",
                "mi",
                "万",
                "億",
                "천",
                "만",
                " Followers",
                "−",
                "-",
                "\u{200b}",
                "\u{202e}",
                "٫",
            ][..]
        )
        .prop_map(str::to_string),
    ];
    prop::collection::vec(part, 0..8).prop_map(|p| p.concat())
}

fn joined_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        "[0-9]{1,5}",
        prop::sample::select(
            &[
                "Joined ",
                "March",
                "mars",
                "März",
                "marzo",
                "março",
                "de ",
                "en ",
                " ",
                "年",
                "月",
                "からXを利用しています",
                "Seit ",
                " bei X",
                "\u{200f}",
                "\u{202e}",
                "Sept",
                "Sep.",
            ][..]
        )
        .prop_map(str::to_string),
    ];
    prop::collection::vec(part, 0..8).prop_map(|p| p.concat())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        prop::sample::select(STRINGS).prop_map(str::to_string),
        any::<String>(),
        count_text(),
        joined_text(),
    ])
}

fn dom_facts() -> impl Strategy<Value = dom::DomFacts> {
    (
        (
            any::<String>(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
        ),
        (count_text(), count_text(), joined_text(), opt_text()),
        prop::collection::vec(prop::option::of(any::<bool>()), 6),
        (opt_text(), opt_text(), opt_text()),
    )
        .prop_map(
            |((handle, id, name, bio, url), (fol, fng, joined, avatar), flags, labels)| {
                let (verified_type, automated_by, parody_label) = labels;
                let flag = |i: usize| flags.get(i).copied().flatten();
                dom::DomFacts {
                    handle,
                    id,
                    name,
                    bio,
                    location: None,
                    url,
                    followers_text: Some(fol),
                    following_text: Some(fng),
                    joined_text: Some(joined),
                    follows_you: flag(0),
                    you_follow: flag(1),
                    default_avatar: flag(2),
                    verified: flag(3),
                    blue_verified: flag(4),
                    automated: flag(5),
                    verified_type,
                    automated_by,
                    parody_label,
                    avatar_url: avatar,
                }
            },
        )
}

/// A value for one setting: in range, at and past its limits, the wrong type, or junk.
fn setting_value(kind: SettingKind, min: Option<f64>, max: Option<f64>) -> BoxedStrategy<Value> {
    let lo = min.unwrap_or(-1e6);
    let hi = max.unwrap_or(1e6).max(lo);
    let wrong = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(STRINGS).prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::collection::vec(leaf(), 0..3).prop_map(Value::Array),
    ];
    let right: BoxedStrategy<Value> = match kind {
        SettingKind::Number => prop_oneof![
            (lo..=hi).prop_map(Value::from),
            Just(Value::from(lo)),
            Just(Value::from(hi)),
            (hi..hi + 1e9).prop_map(Value::from),
        ]
        .boxed(),
        SettingKind::Integer => prop_oneof![
            (lo..=hi).prop_map(|f| Value::from(f.round() as i64)),
            (lo..=hi).prop_map(Value::from),
            Just(Value::from(hi as i64 + 1)),
        ]
        .boxed(),
        SettingKind::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        SettingKind::Keywords => prop::collection::vec(
            prop_oneof![
                prop::sample::select(STRINGS).prop_map(Value::from),
                any::<String>().prop_map(Value::from),
                "[a-z #]{0,20}".prop_map(Value::from),
                "[a-z]{101,140}".prop_map(Value::from),
                leaf(),
            ],
            0..12,
        )
        .prop_map(Value::Array)
        .boxed(),
    };
    prop_oneof![4 => right, 1 => wrong].boxed()
}

/// A saved settings document: current, older (v0, flat) or newer, with values of every kind.
fn settings_doc() -> impl Strategy<Value = Value> {
    let specs = settings::schema();
    let entries: Vec<BoxedStrategy<(String, Value)>> = specs
        .iter()
        .map(|s| {
            let id = s.id.to_string();
            setting_value(s.kind, s.min, s.max)
                .prop_map(move |v| (id.clone(), v))
                .boxed()
        })
        .collect();
    let chosen = prop::sample::subsequence(entries, 0..=specs.len())
        .prop_flat_map(|picked| picked)
        .prop_map(|kv| kv.into_iter().collect::<Map<String, Value>>());
    let extra = prop::collection::vec(
        (
            prop_oneof![
                prop::sample::select(
                    &[
                        "base",
                        "followBackMin",
                        "maybeMin",
                        "minConfidencePercent",
                        "beggingPenalty",
                        "followBackKeywords",
                        "ratioSevere",
                        "unknown.setting",
                    ][..]
                )
                .prop_map(str::to_string),
                key(),
            ],
            leaf(),
        ),
        0..4,
    );
    let version = prop_oneof![
        Just(None),
        Just(Some(Value::from(0))),
        Just(Some(Value::from(1))),
        Just(Some(Value::from(2))),
        leaf().prop_map(Some),
    ];
    (chosen, extra, version, any::<bool>()).prop_map(|(mut values, extra, version, flat)| {
        for (k, v) in extra {
            values.insert(k, v);
        }
        let mut doc = if flat {
            values
        } else {
            let mut d = Map::new();
            d.insert("values".into(), Value::Object(values));
            d
        };
        if let Some(v) = version {
            doc.insert("version".into(), v);
        }
        Value::Object(doc)
    })
}

/// Accounts scored under arbitrary settings: the fixture cast, read once.
fn cast() -> &'static [Account] {
    static CAST: OnceLock<Vec<Account>> = OnceLock::new();
    CAST.get_or_init(|| {
        let mut all = Vec::new();
        for text in [
            include_str!("fixtures/graphql/followers_gen1.json"),
            include_str!("fixtures/graphql/followers_gen3.json"),
        ] {
            if let Ok(obs) = read::read_any(text) {
                all.extend(obs.accounts);
            }
        }
        all.push(Account::with_handle(
            "nobody_known",
            followback::model::Source::Page,
        ));
        all
    })
}

fn check_settings(s: &Settings) {
    for a in cast() {
        check_verdict(&score(&Subject::profile(a), s, NOW));
    }
    let again = Settings::from_json(&s.to_json()).expect("saved settings read back");
    assert!(
        same_json(&again.settings.to_value(), &s.to_value()),
        "settings changed on their way through storage:\n{}\n{}",
        again.settings.to_json(),
        s.to_json()
    );
    assert!(
        again.notices.is_empty(),
        "reading our own saved settings gave notices: {:?}",
        again.notices
    );
}

/// Equal JSON, numbers within a relative 1e-12: serde_json (without its
/// `float_roundtrip` feature) may read a printed float back one unit off in
/// the last place (seen with 2.175074803516761e-242).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Saved-memory documents: `{version, capacity, entries: [{account, tweets, history, interactions, last_seen}]}`.
fn memory_doc() -> impl Strategy<Value = Value> {
    let account = prop::collection::vec((key(), leaf()), 0..10).prop_map(|kv| {
        let mut m: Map<String, Value> = kv.into_iter().collect();
        if !m.contains_key("handle") {
            m.insert("handle".into(), Value::from("someone"));
        }
        Value::Object(m)
    });
    let entry = (account, tree(), tree(), tree(), leaf()).prop_map(|(a, t, h, i, seen)| {
        serde_json::json!({ "account": a, "tweets": t, "history": h, "interactions": i, "last_seen": seen })
    });
    (
        prop::collection::vec(prop_oneof![3 => entry, 1 => tree()], 0..8),
        leaf(),
        leaf(),
    )
        .prop_map(|(entries, version, capacity)| {
            serde_json::json!({ "version": version, "capacity": capacity, "entries": entries })
        })
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        read_and_score(&text);
        let _ = Settings::from_json(&text);
        let _ = Memory::from_json(&text);
        let _ = dom::parse_count(&text);
        let _ = dom::parse_joined(&text);
    }

    #[test]
    fn almost_json_never_panics(text in json_ish_text()) {
        read_and_score(&text);
        let _ = Settings::from_json(&text);
        let _ = Memory::from_json(&text);
    }

    #[test]
    fn json_trees_read_and_score_within_bounds(doc in tree()) {
        let text = doc.to_string();
        read_and_score(&text);
        // The same as JSON Lines: one copy per line, and one broken line.
        read_and_score(&format!("{text}\n{text}\n{{broken\n"));
        // Pretty-printed text reads the same as compact text.
        let pretty = serde_json::to_string_pretty(&doc).unwrap_or_default();
        prop_assert_eq!(read::read_any(&text), read::read_any(&pretty));
    }

    #[test]
    fn mutated_fixtures_read_and_score_within_bounds(doc in mutated_fixture()) {
        read_and_score(&doc.to_string());
    }

    #[test]
    fn page_strings_never_panic(count in count_text(), joined in joined_text(), junk in any::<String>()) {
        let _ = dom::parse_count(&count);
        let _ = dom::parse_count(&junk);
        if let Some(t) = dom::parse_joined(&joined) {
            // A join date is the first of a month between 1990 and 2100.
            prop_assert!((631_152_000..=4_133_980_800).contains(&t), "{joined:?} -> {t}");
            prop_assert_eq!(t % 86_400, 0);
        }
        let _ = dom::parse_joined(&junk);
    }

    #[test]
    fn plain_and_grouped_counts_read_exactly(n in any::<u64>(), sep in prop::sample::select(&[",", " ", "\u{a0}", "\u{202f}"][..])) {
        prop_assert_eq!(dom::parse_count(&n.to_string()), Some(n));
        let digits = n.to_string();
        let mut grouped = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push_str(sep);
            }
            grouped.push(d);
        }
        prop_assert_eq!(dom::parse_count(&grouped), Some(n), "{:?}", grouped);
        prop_assert_eq!(dom::parse_count(&format!("{grouped} Followers")), Some(n));
    }

    #[test]
    fn abbreviated_counts_read_exactly(whole in 1u64..1000, tenth in 0u64..10) {
        prop_assert_eq!(dom::parse_count(&format!("{whole}.{tenth}K")), Some(whole * 1000 + tenth * 100));
        prop_assert_eq!(dom::parse_count(&format!("{whole}.{tenth}M")), Some(whole * 1_000_000 + tenth * 100_000));
    }

    #[test]
    fn dom_facts_score_within_bounds(facts in dom_facts()) {
        let account = dom::account_from_dom(&facts);
        check_verdict(&score(&Subject::profile(&account), &Settings::default(), NOW));
        // DOM facts as JSON also go through the reader.
        if let Ok(text) = serde_json::to_string(&facts) {
            read_and_score(&text);
        }
    }

    #[test]
    fn any_saved_settings_load_and_keep_verdicts_within_bounds(doc in settings_doc()) {
        let text = doc.to_string();
        let loaded = Settings::from_json(&text).expect("saved settings never fail to load");
        check_settings(&loaded.settings);
        if let Ok(strict) = settings::validate(&doc) {
            check_settings(&strict);
        }
        if let Ok(strict) = Settings::from_json_strict(&text) {
            check_settings(&strict);
        }
    }

    #[test]
    fn any_saved_memory_loads_or_says_why(doc in memory_doc()) {
        if let Ok(memory) = Memory::from_json(&doc.to_string()) {
            for entry in memory.entries() {
                check_verdict(&score(&entry.subject(), &Settings::default(), NOW));
            }
            let back = Memory::from_json(&memory.to_json()).expect("our own saved memory reads back");
            prop_assert_eq!(back.len(), memory.len());
        }
    }
}

// ---------------------------------------------------------------------------
// Hostile sizes and nesting
// ---------------------------------------------------------------------------

const DEEP: usize = 10_000;

#[test]
fn deeply_nested_arrays_return_without_overflowing_the_stack() {
    let closed = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let open = "[".repeat(DEEP);
    for text in [&closed, &open] {
        assert!(
            read::read_any(text).is_err(),
            "nothing to find in bare nesting"
        );
        assert!(Memory::from_json(text).is_err());
        let loaded = Settings::from_json(text).expect("settings fall back to defaults");
        assert_eq!(loaded.settings, Settings::default());
        assert!(!loaded.notices.is_empty(), "the fallback is explained");
    }
}

#[test]
fn deeply_nested_objects_return_without_overflowing_the_stack() {
    let mut text = String::new();
    for _ in 0..DEEP {
        text.push_str(r#"{"data":{"user":"#);
    }
    text.push_str(r#"{"__typename":"User","rest_id":"1","core":{"screen_name":"deep"}}"#);
    text.push_str(&"}}".repeat(DEEP));
    let _ = read::read_any(&text);
    // The same nesting as JSON Lines, beside a readable line.
    let lines = format!("{text}\n{{\"screen_name\":\"ok\",\"followers_count\":1}}\n{text}");
    let obs = read::read_any(&lines).expect("the readable line is read");
    assert_eq!(obs.accounts.len(), 1);
    assert_eq!(obs.accounts[0].handle, "ok");
    assert!(!obs.warnings.is_empty(), "the skipped lines are reported");
}

/// Builds nesting directly (past the parser's own limit) to test the walk's limit.
#[test]
fn values_nested_past_the_walk_limit_are_skipped_with_a_warning() {
    let user: Value = serde_json::json!({"__typename": "User", "rest_id": "7", "core": {"screen_name": "buried"}});
    let mut v = serde_json::json!([user.clone(), {"screen_name": "top", "followers_count": 3}]);
    for _ in 0..DEEP {
        v = Value::Array(vec![v]);
    }
    // (Not `json!` with `v` inside: it would serialise `v` recursively.)
    let mut doc = Map::new();
    doc.insert("deep".into(), v);
    doc.insert(
        "shallow".into(),
        serde_json::json!({"screen_name": "top", "followers_count": 3}),
    );
    let v = Value::Object(doc);
    let obs = read::read_value(&v, None).expect("the shallow account is read");
    let handles: Vec<&str> = obs.accounts.iter().map(|a| a.handle.as_str()).collect();
    assert_eq!(handles, ["top"]);
    assert!(
        obs.warnings.iter().any(|w| w.contains("deeper")),
        "warnings: {:?}",
        obs.warnings
    );
    dismantle(v);
}

/// Drops a deep value iteratively (serde_json's own drop recurses).
fn dismantle(v: Value) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items),
            Value::Object(m) => stack.extend(m.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// A Followers payload of about `bytes` bytes: the generation-3 fixture's user entries repeated.
fn big_followers_payload(bytes: usize) -> (String, usize) {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/graphql/followers_gen3.json"))
        .expect("fixture");
    let instructions = fixture
        .pointer("/data/user/result/timeline/timeline/instructions")
        .and_then(Value::as_array)
        .expect("the fixture has instructions");
    let users: Vec<Value> = instructions
        .iter()
        .filter_map(|i| i.get("entries").and_then(Value::as_array))
        .flatten()
        .filter(|e| {
            e.pointer("/content/itemContent/user_results/result/core")
                .is_some()
        })
        .cloned()
        .collect();
    assert!(!users.is_empty());
    let mut entries = Vec::new();
    let mut size = 0usize;
    let mut n = 0usize;
    while size < bytes {
        let mut e = users[n % users.len()].clone();
        let handle = format!("user_{n}");
        if let Some(core) = e.pointer_mut("/content/itemContent/user_results/result/core") {
            core["screen_name"] = Value::from(handle);
        }
        if let Some(result) = e.pointer_mut("/content/itemContent/user_results/result") {
            result["rest_id"] = Value::from((5_000_000 + n).to_string());
        }
        size += e.to_string().len() + 1;
        entries.push(e);
        n += 1;
    }
    let doc = serde_json::json!({"data": {"user": {"result": {"__typename": "User", "timeline": {"timeline": {
        "instructions": [{"type": "TimelineAddEntries", "entries": entries}]
    }}}}}});
    (doc.to_string(), n)
}

#[test]
fn a_ten_megabyte_payload_is_read_whole() {
    let (text, users) = big_followers_payload(10_000_000);
    assert!(text.len() >= 10_000_000, "payload is {} bytes", text.len());
    let obs = read::read_any(&text).expect("a large payload reads");
    assert_eq!(obs.accounts.len(), users);
}

#[test]
fn ten_megabytes_of_junk_return_an_error() {
    let brackets = "[".repeat(10_000_000);
    assert!(read::read_any(&brackets).is_err());
    let junk = "x\u{202e}<b>\n".repeat(1_000_000);
    assert!(read::read_any(&junk).is_err());
}
