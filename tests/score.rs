//! Score: points add up to the score (with a clamp line when needed), levels
//! follow the settings, confidence falls when data is missing, and evidence is
//! shown in a fixed order.

use followback::score::{confidence_label, level, score};
use followback::verdict::ConfidenceLabel;
use followback::{Account, Level, Settings, Source, Subject, Verdict};
use serde_json::Value;

const NOW: i64 = 1_767_225_600; // 2026-01-01
const DAY: i64 = 86_400;

fn full_person() -> Account {
    Account {
        id: Some("42".into()),
        name: Some("Ann".into()),
        bio: Some("Gardener and reader".into()),
        location: Some("Oslo".into()),
        created_at: Some(NOW - 3_000 * DAY),
        followers: Some(400),
        following: Some(350),
        tweets: Some(4_000),
        likes: Some(6_000),
        listed: Some(4),
        default_avatar: Some(false),
        verified: Some(false),
        blue_verified: Some(false),
        follows_you: Some(true),
        ..Account::with_handle("ann", Source::Graphql)
    }
}

fn verdict(a: &Account, s: &Settings) -> Verdict {
    score(&Subject::profile(a), s, NOW)
}

fn adds_up(v: &Verdict) -> bool {
    v.base + v.evidence.iter().map(|e| e.points).sum::<i32>() == i32::from(v.score)
}

#[test]
fn points_and_base_add_up_to_the_score() {
    let v = verdict(&full_person(), &Settings::default());
    assert!(adds_up(&v));
    assert_eq!(v.base, 50);
    assert!(v.score > 50);
    assert_eq!(v.handle, "ann");
    assert_eq!(v.id.as_deref(), Some("42"));
    assert!(v.evidence.iter().all(|e| e.signal != "score_limit"));
}

#[test]
fn a_clamp_adds_a_line_so_points_still_add_up() {
    let mut s = Settings {
        score_base: 100,
        ..Settings::default()
    };
    let high = verdict(&full_person(), &s);
    assert_eq!(high.score, 100);
    assert!(adds_up(&high));
    let last = high.evidence.last().cloned();
    let last = last.unwrap_or_else(|| panic!("no evidence"));
    assert_eq!(last.signal, "score_limit");
    assert!(last.points < 0);
    assert_eq!(last.weight, 0);

    s.score_base = 0;
    let egg = Account {
        bio: Some("".into()),
        default_avatar: Some(true),
        tweets: Some(0),
        created_at: Some(NOW - 400 * DAY),
        ..Account::with_handle("x", Source::Graphql)
    };
    let low = verdict(&egg, &s);
    assert_eq!(low.score, 0);
    assert!(adds_up(&low));
    assert!(low
        .evidence
        .last()
        .is_some_and(|e| e.signal == "score_limit" && e.points > 0));
}

#[test]
fn missing_data_gives_no_points_and_lower_confidence() {
    let s = Settings::default();
    let full = verdict(&full_person(), &s);
    let mut partial = full_person();
    partial.likes = None;
    partial.listed = None;
    partial.tweets = None;
    let part = verdict(&partial, &s);
    assert!(part.confidence.value < full.confidence.value);
    for id in ["likes", "listed", "activity"] {
        let e = part.evidence.iter().find(|e| e.signal == id);
        assert!(e.is_some_and(|e| e.seen.is_none() && e.points == 0), "{id}");
    }
    assert!(adds_up(&part));
    // A fully seen profile with no posts, interactions or history is only
    // "medium": behaviour signals carry the rest (score.rs, confidence).
    assert_eq!(full.confidence.label, ConfidenceLabel::Medium);
}

#[test]
fn few_observed_signals_read_not_enough_data() {
    let s = Settings::default();
    let nothing = verdict(&Account::with_handle("", Source::Page), &s);
    assert_eq!(nothing.level, Level::NotEnoughData);
    assert_eq!(nothing.confidence.value, 0.0);
    assert_eq!(nothing.score, 50);

    // A loud red flag with almost nothing else seen must not look confident.
    let beggar = Account {
        bio: Some("#TeamFollowBack".into()),
        ..Account::with_handle("", Source::Page)
    };
    let v = verdict(&beggar, &s);
    assert!(v.score < 45);
    assert_eq!(v.level, Level::NotEnoughData);
    assert_eq!(v.confidence.label, ConfidenceLabel::Low);

    let mut lenient = s.clone();
    lenient.level_min_confidence = 0.0;
    assert_eq!(verdict(&beggar, &lenient).level, Level::Skip);
}

#[test]
fn levels_follow_the_thresholds() {
    let s = Settings::default();
    assert_eq!(level(100, 1.0, &s), Level::FollowBack);
    assert_eq!(level(65, 1.0, &s), Level::FollowBack);
    assert_eq!(level(64, 1.0, &s), Level::Maybe);
    assert_eq!(level(45, 1.0, &s), Level::Maybe);
    assert_eq!(level(44, 1.0, &s), Level::Skip);
    assert_eq!(level(90, 0.3, &s), Level::FollowBack);
    assert_eq!(level(90, 0.29, &s), Level::NotEnoughData);
    assert_eq!(level(10, 0.29, &s), Level::NotEnoughData);

    let mut strict = s.clone();
    strict.level_follow_back_min = 95;
    let v = verdict(&full_person(), &strict);
    assert_eq!(v.level, Level::Maybe, "{}", v.score);
    assert_eq!(verdict(&full_person(), &s).level, Level::FollowBack);
}

#[test]
fn confidence_labels_have_fixed_cut_points() {
    assert_eq!(confidence_label(0.0), ConfidenceLabel::Low);
    assert_eq!(confidence_label(0.39), ConfidenceLabel::Low);
    assert_eq!(confidence_label(0.4), ConfidenceLabel::Medium);
    assert_eq!(confidence_label(0.69), ConfidenceLabel::Medium);
    assert_eq!(confidence_label(0.7), ConfidenceLabel::High);
    assert_eq!(confidence_label(1.0), ConfidenceLabel::High);
}

#[test]
fn evidence_is_ordered_points_then_observed_then_not_seen() {
    let mut a = full_person();
    a.listed = None;
    a.bio = Some("social media guru".into());
    let v = verdict(&a, &Settings::default());
    let band = |e: &followback::Evidence| {
        if e.signal == "score_limit" {
            3
        } else if e.points != 0 {
            0
        } else if e.observed() {
            1
        } else {
            2
        }
    };
    let bands: Vec<u8> = v.evidence.iter().map(band).collect();
    let mut sorted = bands.clone();
    sorted.sort_unstable();
    assert_eq!(
        bands,
        sorted,
        "{:?}",
        v.evidence.iter().map(|e| &e.signal).collect::<Vec<_>>()
    );
    let scored: Vec<u32> = v
        .evidence
        .iter()
        .filter(|e| e.points != 0)
        .map(|e| e.points.unsigned_abs())
        .collect();
    assert!(scored.windows(2).all(|w| w[0] >= w[1]), "{scored:?}");
    assert!(bands.contains(&2));
}

#[test]
fn settings_change_the_verdict() {
    let beggar = Account {
        bio: Some("#F4F music".into()),
        ..full_person()
    };
    let s = Settings::default();
    let mut off = s.clone();
    off.begging_points = 0;
    let with = verdict(&beggar, &s);
    let without = verdict(&beggar, &off);
    assert_eq!(i32::from(without.score) - i32::from(with.score), 25);
}

#[test]
fn verdict_serialises_in_the_contract_shape() {
    let mut a = full_person();
    a.listed = None;
    let v = verdict(&a, &Settings::default());
    let j = serde_json::to_value(&v).unwrap_or(Value::Null);
    assert_eq!(j["level"], "follow_back");
    assert!(j["confidence"]["value"].is_f64());
    assert!(j["confidence"]["label"].is_string());
    let listed = j["evidence"]
        .as_array()
        .and_then(|l| l.iter().find(|e| e["signal"] == "listed"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(listed["seen"], Value::Null);
    assert_eq!(listed["points"], 0);
    for key in [
        "signal",
        "label",
        "seen",
        "threshold",
        "points",
        "weight",
        "reason",
    ] {
        assert!(listed.get(key).is_some(), "{key}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn opt<T: std::fmt::Debug + Clone>(
        s: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = Option<T>> {
        prop::option::of(s)
    }

    prop_compose! {
        fn account()(
            bio in opt(".{0,20}"),
            location in opt(".{0,5}"),
            age in opt(-10i64..8_000),
            followers in opt(0u64..100_000),
            following in opt(0u64..100_000),
            tweets in opt(0u64..1_000_000),
            likes in opt(0u64..1_000_000),
            listed in opt(0u64..5_000),
            flags in (opt(any::<bool>()), opt(any::<bool>()), opt(any::<bool>()), opt(any::<bool>())),
            handle in "[a-z0-9_]{0,15}",
        ) -> Account {
            Account {
                bio, location, followers, following, tweets, likes, listed,
                created_at: age.map(|d| NOW - d * DAY),
                default_avatar: flags.0,
                verified: flags.1,
                blue_verified: flags.2,
                follows_you: flags.3,
                ..Account::with_handle(handle, Source::Graphql)
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn any_account_gets_a_consistent_verdict(a in account(), base in 0i64..=100) {
            let s = Settings { score_base: base, ..Settings::default() };
            let v = score(&Subject::profile(&a), &s, NOW);
            prop_assert!(adds_up(&v));
            prop_assert!(v.score <= 100);
            prop_assert!((0.0..=1.0).contains(&v.confidence.value));
            prop_assert_eq!(v.confidence.label, confidence_label(v.confidence.value));
            for e in &v.evidence {
                prop_assert!(e.points.unsigned_abs() <= e.weight || e.signal == "score_limit");
                if e.seen.is_none() {
                    prop_assert_eq!(e.points, 0);
                }
            }
        }
    }
}

#[test]
fn settings_saved_before_the_graded_signals_still_load() {
    // Ids of the stepped signals that are gone, next to ones that stayed.
    let old = r#"{"version": 1, "values": {
        "likes.age_days": 30, "likes.per_post_min": 0.02, "likes.few": 10, "likes.many": 200,
        "activity.healthy_points": 6, "activity.weekly_min": 1.0, "listed.unlisted_points": 3,
        "following_growth.young_days": 90, "ratio.reward_min_followers": 100,
        "begging.points": 30
    }}"#;
    let loaded = Settings::from_json(old).expect("loads");
    let s = loaded.settings;
    assert_eq!(s.begging_points, 30);
    assert_eq!((s.likes_few, s.likes_many), (10, 200));
    assert_eq!(s.likes_per_post_min, 0.02);
    let dropped = loaded
        .notices
        .iter()
        .find(|n| n.starts_with("Dropped settings"))
        .cloned()
        .unwrap_or_default();
    for id in [
        "likes.age_days",
        "activity.healthy_points",
        "activity.weekly_min",
        "listed.unlisted_points",
        "following_growth.young_days",
        "ratio.reward_min_followers",
    ] {
        assert!(
            dropped.contains(id),
            "{id} not named in {:?}",
            loaded.notices
        );
    }
    // And they score: the likes ramp uses the old anchors.
    let a = Account {
        likes: Some(200),
        ..Account::with_handle("ann", Source::Graphql)
    };
    let v = followback::score::score(&Subject::profile(&a), &s, 1_767_225_600);
    let likes = v
        .evidence
        .iter()
        .find(|e| e.signal == "likes")
        .map(|e| e.points);
    assert_eq!(likes, Some(s.likes_many_points as i32));
}
