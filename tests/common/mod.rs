//! Random accounts for the scoring property tests (score_fast_props,
//! features_props): profiles with any fact present or missing, recent posts,
//! count history, interactions with the viewer, and random valid settings;
//! and the verdict from scratch they are compared with (also
//! score_explained_kept).
#![allow(dead_code)]

use followback::score::verdict_from;
use followback::settings::{schema, SettingKind};
use followback::signals;
use followback::{
    Account, Interaction, InteractionKind, Settings, Snapshot, Source, Subject, Tweet, TweetKind,
    Verdict,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

pub const NOW: i64 = 1_767_225_600; // 2026-01-01
pub const DAY: i64 = 86_400;

pub fn count() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        1 => Just(None),
        2 => (0u64..20).prop_map(Some),
        3 => (0u64..5_000).prop_map(Some),
        2 => (0u64..2_000_000).prop_map(Some),
    ]
}

pub fn text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(String::new())),
        3 => "[A-Za-z #]{1,40}".prop_map(Some),
        1 => Just(Some("Crypto signals, DM for promo #TeamFollowBack".to_string())),
        1 => Just(Some("social media guru and marketing ninja".to_string())),
        1 => Just(Some("a bot that posts rust and garden news".to_string())),
    ]
}

pub fn account() -> impl Strategy<Value = Account> {
    (
        "[a-z]{1,8}[0-9]{0,9}",
        (text(), text(), text()),
        (count(), count(), count(), count(), count()),
        proptest::option::of(0i64..6_000),
        proptest::option::of(any::<bool>()),
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(0u64..30),
        ),
    )
        .prop_map(
            |(
                handle,
                (name, bio, location),
                (followers, following, tweets, likes, listed),
                age,
                avatar,
                (verified, automated, follows_you, changes),
            )| Account {
                name,
                bio,
                location,
                followers,
                following,
                tweets,
                likes,
                listed,
                created_at: age.map(|d| NOW - d * DAY),
                default_avatar: avatar,
                verified,
                automated,
                follows_you,
                username_changes: changes,
                ..Account::with_handle(handle, Source::Graphql)
            },
        )
}

pub fn tweets(handle: String) -> impl Strategy<Value = Vec<Tweet>> {
    let kind = prop_oneof![
        Just(TweetKind::Original),
        Just(TweetKind::Reply),
        Just(TweetKind::Repost),
        Just(TweetKind::Quote),
    ];
    let one = (
        kind,
        prop_oneof![
            Just("Follow back! #TeamFollowBack".to_string()),
            Just("https://t.co/abc".to_string()),
            Just("Buy my course at my site".to_string()),
            "[a-z @#]{0,60}",
        ],
        0i64..(120 * DAY),
        proptest::option::of(prop_oneof![
            Just("dlvr.it".to_string()),
            Just("Twitter for iPhone".to_string()),
            Just("Buffer".to_string()),
        ]),
    );
    proptest::collection::vec(one, 0..30).prop_map(move |items| {
        items
            .into_iter()
            .enumerate()
            .map(|(i, (kind, text, ago, client))| Tweet {
                id: Some(format!("t{i}")),
                author_handle: Some(handle.clone()),
                text,
                created_at: Some(NOW - ago),
                kind,
                client,
                ..Tweet::default()
            })
            .collect()
    })
}

pub fn history() -> impl Strategy<Value = Vec<Snapshot>> {
    proptest::collection::vec((0i64..400, 0u64..8_000), 0..6).prop_map(|points| {
        let mut out: Vec<Snapshot> = points
            .into_iter()
            .map(|(days, following)| Snapshot {
                at: NOW - days * DAY,
                following: Some(following),
                ..Snapshot::default()
            })
            .collect();
        out.sort_by_key(|s| s.at);
        out
    })
}

pub fn interactions() -> impl Strategy<Value = Vec<Interaction>> {
    let kind = prop_oneof![
        Just(InteractionKind::Replied),
        Just(InteractionKind::Mentioned),
        Just(InteractionKind::Liked),
        Just(InteractionKind::Messaged),
        Just(InteractionKind::Followed),
    ];
    proptest::collection::vec((kind, 0i64..90), 0..6).prop_map(|items| {
        items
            .into_iter()
            .map(|(kind, days)| Interaction {
                handle: String::new(),
                kind,
                at: Some(NOW - days * DAY),
                source: Source::Graphql,
                notification: None,
            })
            .collect()
    })
}

/// Settings with every number at a random place in its range (`u` in 0..1
/// per setting) and every switch random; the loader repairs any ordering the
/// options page would refuse, so the result is always valid.
pub fn settings() -> impl Strategy<Value = Settings> {
    let n = schema().len();
    (
        proptest::collection::vec(0.0f64..1.0, n),
        proptest::collection::vec(any::<bool>(), n),
        proptest::collection::vec(any::<bool>(), n),
        any::<bool>(),
    )
        .prop_map(|(u, flip, keep, interests)| {
            let mut values = Map::new();
            for (i, spec) in schema().into_iter().enumerate() {
                if keep[i] {
                    continue; // about half the settings stay at their default
                }
                let v = match (spec.kind, spec.min, spec.max) {
                    (SettingKind::Number, Some(lo), Some(hi)) => Value::from(lo + u[i] * (hi - lo)),
                    (SettingKind::Integer, Some(lo), Some(hi)) => {
                        Value::from((lo + u[i] * (hi - lo)).round() as i64)
                    }
                    (SettingKind::Bool, _, _) => Value::from(flip[i]),
                    _ => continue,
                };
                values.insert(spec.id.to_string(), v);
            }
            if interests {
                values.insert(
                    "interests.keywords".into(),
                    Value::from(vec!["rust", "garden", "#TeamFollowBack"]),
                );
            }
            let mut doc = Settings::default().to_value();
            if let Some(Value::Object(all)) = doc.get_mut("values") {
                all.extend(values);
            }
            Settings::from_json(&doc.to_string())
                .map(|l| l.settings)
                .unwrap_or_default()
        })
}

pub fn subject_parts(
) -> impl Strategy<Value = (Account, Vec<Tweet>, Vec<Snapshot>, Vec<Interaction>)> {
    account().prop_flat_map(|a| {
        let handle = a.handle.clone();
        (Just(a), tweets(handle), history(), interactions())
    })
}

/// The verdict from scratch: nothing prepared, nothing kept (every signal
/// computes what it needs), the reference for scoring with kept features.
pub fn scratch(subject: &Subject, settings: &Settings) -> Verdict {
    let bare = Subject {
        prepared: None,
        features: None,
        ..*subject
    };
    let profile = signals::evaluate_profile(&bare, settings, NOW);
    let behaviour = signals::evaluate_behaviour(&bare, settings, NOW);
    verdict_from(&bare, settings, profile, behaviour)
}
