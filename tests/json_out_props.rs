//! Property tests: every JSON text the wasm writes by hand (`json_out`) is
//! byte-identical to `serde_json::to_string` of the same value through the
//! types' `derive(Serialize)` (kept for the native tools, the oracle here),
//! on random values: hostile strings (quotes, backslashes, every control
//! character, U+2028, non-ASCII), floats of every kind (-0.0, tiny, huge,
//! whole, NaN and infinities, which serde_json writes as null).

use followback::boundary::{
    CompactVerdict, ImportReport, IngestReport, RecordedReport, RememberedVerdict, Repaired,
    SettingsReport, Validation,
};
use followback::json_out::{to_json, WriteJson};
use followback::memory::{LoadReport, Memory};
use followback::message::{Arg, Message};
use followback::model::{
    Account, Interaction, InteractionKind, Observations, Snapshot, Source, Tweet, TweetKind, Viewer,
};
use followback::selfcheck::self_check;
use followback::settings::{self, FieldError, SettingKind, SettingSpec, Settings};
use followback::verdict::{Confidence, ConfidenceLabel, Evidence, Level, Verdict};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// The writer's text equals serde_json's.
fn same<T: WriteJson + Serialize + ?Sized>(value: &T) -> Result<(), TestCaseError> {
    let ours = to_json(value);
    let serde = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(ours, serde);
    Ok(())
}

/// Text with what JSON must escape, and what it must not.
fn hostile() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('/'),
        Just('\u{2028}'),
        Just('\u{2029}'),
        Just('\u{7f}'),
        Just('é'),
        Just('😀'),
        (0u8..0x20).prop_map(char::from),
        any::<char>(),
        prop::char::range('a', 'z'),
    ];
    prop::collection::vec(ch, 0..12).prop_map(|v| v.into_iter().collect())
}

/// Floats of every kind.
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<u64>().prop_map(f64::from_bits),
        -1e6f64..1e6,
        0.0f64..1.0,
        (-100_000i64..100_000).prop_map(|n| n as f64),
        (-300i32..300).prop_map(|e| 10f64.powi(e)),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            0.3,
            1e15,
            1e16,
            1e17,
            1e21,
            1e22,
            1e-5,
            1e-6,
            1e-7,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            9007199254740993.0,
        ]),
    ]
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

const IDS: &[&str] = &["", "ev_ratio_label", "sum_why_skip", "odd\"id\\"];

fn arg() -> impl Strategy<Value = Arg> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(Arg::Int),
        (float(), 0u8..3).prop_map(|(v, d)| Arg::Num(v, d)),
        float().prop_map(Arg::Pct),
        any::<i32>().prop_map(Arg::Signed),
        hostile().prop_map(Arg::Text),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Arg::List),
            (
                prop::sample::select(IDS),
                prop::collection::vec(inner, 0..3)
            )
                .prop_map(|(id, args)| Arg::Msg(Message { id, args })),
        ]
    })
}

fn message() -> impl Strategy<Value = Message> {
    (
        prop::sample::select(IDS),
        prop::collection::vec(arg(), 0..4),
    )
        .prop_map(|(id, args)| Message { id, args })
}

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(vec![
        Level::FollowBack,
        Level::Maybe,
        Level::Skip,
        Level::NotEnoughData,
    ])
}

fn label() -> impl Strategy<Value = ConfidenceLabel> {
    prop::sample::select(vec![
        ConfidenceLabel::Low,
        ConfidenceLabel::Medium,
        ConfidenceLabel::High,
    ])
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        prop_oneof![
            hostile(),
            prop::sample::select(vec!["begging", "ratio", "score_limit", "bio"])
                .prop_map(String::from)
        ],
        message(),
        opt(message()),
        message(),
        any::<i32>(),
        any::<u32>(),
        message(),
    )
        .prop_map(
            |(signal, label, seen, threshold, points, weight, reason)| Evidence {
                signal,
                label,
                seen,
                threshold,
                points,
                weight,
                reason,
            },
        )
}

fn verdict() -> impl Strategy<Value = Verdict> {
    (
        hostile(),
        opt(hostile()),
        any::<u8>(),
        any::<i32>(),
        level(),
        (float(), label()).prop_map(|(value, label)| Confidence { value, label }),
        prop::collection::vec(evidence(), 0..6),
    )
        .prop_map(
            |(handle, id, score, base, level, confidence, evidence)| Verdict {
                handle,
                id,
                score,
                base,
                level,
                confidence,
                evidence,
            },
        )
}

fn source() -> impl Strategy<Value = Source> {
    prop::sample::select(vec![
        Source::Graphql,
        Source::Page,
        Source::File,
        Source::Memory,
    ])
}

fn account() -> impl Strategy<Value = Account> {
    (
        hostile(),
        prop::collection::vec(opt(hostile()), 10),
        prop::collection::vec(opt(any::<u64>()), 7),
        prop::collection::vec(opt(any::<bool>()), 10),
        (opt(any::<i64>()), opt(any::<i64>())),
        source(),
    )
        .prop_map(
            |(handle, s, n, b, (created_at, observed_at), source)| Account {
                id: s[0].clone(),
                handle,
                name: s[1].clone(),
                bio: s[2].clone(),
                location: s[3].clone(),
                url: s[4].clone(),
                created_at,
                followers: n[0],
                following: n[1],
                tweets: n[2],
                likes: n[3],
                listed: n[4],
                media: n[5],
                default_avatar: b[0],
                default_profile: b[1],
                verified: b[2],
                blue_verified: b[3],
                verified_type: s[5].clone(),
                identity_verified: b[4],
                automated: b[5],
                automated_by: s[6].clone(),
                parody_label: s[7].clone(),
                username_changes: n[6],
                based_in: s[8].clone(),
                protected: b[6],
                follows_you: b[7],
                you_follow: b[8],
                observed_at,
                source,
            },
        )
}

fn tweet() -> impl Strategy<Value = Tweet> {
    (
        prop::collection::vec(opt(hostile()), 5),
        hostile(),
        opt(any::<i64>()),
        prop::sample::select(vec![
            TweetKind::Original,
            TweetKind::Reply,
            TweetKind::Repost,
            TweetKind::Quote,
        ]),
        prop::collection::vec(hostile(), 0..3),
        source(),
    )
        .prop_map(|(s, text, created_at, kind, urls, source)| Tweet {
            id: s[0].clone(),
            author_id: s[1].clone(),
            author_handle: s[2].clone(),
            text,
            created_at,
            kind,
            reply_to: s[3].clone(),
            urls,
            client: s[4].clone(),
            source,
        })
}

fn interaction() -> impl Strategy<Value = Interaction> {
    (
        hostile(),
        prop::sample::select(vec![
            InteractionKind::Followed,
            InteractionKind::Liked,
            InteractionKind::Reposted,
            InteractionKind::Replied,
            InteractionKind::Mentioned,
            InteractionKind::Messaged,
        ]),
        opt(any::<i64>()),
        source(),
        opt(hostile()),
    )
        .prop_map(|(handle, kind, at, source, notification)| Interaction {
            handle,
            kind,
            at,
            source,
            notification,
        })
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        any::<i64>(),
        opt(any::<u64>()),
        opt(any::<u64>()),
        opt(any::<u64>()),
    )
        .prop_map(|(at, followers, following, tweets)| Snapshot {
            at,
            followers,
            following,
            tweets,
        })
}

/// Any JSON value: hostile keys and strings, integers of both signs, floats.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        float().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        hostile().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((hostile(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn field_error() -> impl Strategy<Value = FieldError> {
    (hostile(), hostile()).prop_map(|(id, message)| FieldError { id, message })
}

fn strings() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(hostile(), 0..4)
}

fn compact() -> impl Strategy<Value = CompactVerdict> {
    (
        opt(hostile()),
        hostile(),
        any::<u8>(),
        level(),
        label(),
        float(),
    )
        .prop_map(
            |(id, handle, score, level, confidence, confidence_value)| CompactVerdict {
                id,
                handle,
                score,
                level,
                confidence,
                confidence_value,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn strings_floats_and_integers_match_serde_json(
        s in hostile(),
        f in float(),
        i in any::<i64>(),
        u in any::<u64>(),
        n in any::<i32>(),
    ) {
        same(&s)?;
        same(s.as_str())?;
        same(&f)?;
        same(&i)?;
        same(&u)?;
        same(&n)?;
        same(&(u as usize))?;
        same(&(u as u8))?;
        same(&Some(f))?;
        same(&None::<String>)?;
        same(&vec![f, -f, f * 1e10])?;
    }

    #[test]
    fn values_match_serde_json(v in value()) {
        same(&v)?;
        // Also what strict validation writes: a value inside a report.
        same(&Validation { ok: true, errors: Vec::new(), settings: Some(v) })?;
    }

    #[test]
    fn verdicts_match_serde_json(v in verdict(), a in account(), seen_at in any::<i64>()) {
        same(&v)?;
        same(&v.evidence)?;
        same(&v.summary())?;
        same(&vec![Some(v.clone()), None])?;
        same(&vec![RememberedVerdict { verdict: v.clone(), account: &a, seen_at }])?;
        same(&self_check(&v, &a))?;
    }

    #[test]
    fn messages_match_serde_json(m in message(), args in prop::collection::vec(arg(), 0..6)) {
        same(&m)?;
        same(&args)?;
    }

    #[test]
    fn facts_match_serde_json(
        a in account(),
        t in tweet(),
        i in interaction(),
        s in snapshot(),
        viewer in (hostile(), opt(hostile())),
    ) {
        same(&a)?;
        same(&t)?;
        same(&i)?;
        same(&s)?;
        same(&Viewer { handle: viewer.0, id: viewer.1 })?;
    }

    #[test]
    fn reports_match_serde_json(
        counts in prop::collection::vec(any::<usize>(), 4),
        warnings in strings(),
        viewer in opt((hostile(), opt(hostile()))),
        text in hostile(),
        errors in prop::collection::vec(field_error(), 0..3),
        ok in any::<bool>(),
        error in opt(hostile()),
        compacts in prop::collection::vec(opt(compact()), 0..4),
    ) {
        same(&IngestReport {
            accounts: counts[0],
            tweets: counts[1],
            interactions: counts[2],
            unavailable: counts[3],
            warnings: warnings.clone(),
            viewer: viewer.map(|(handle, id)| Viewer { handle, id }),
            verdicts: text.clone(),
        })?;
        same(&RecordedReport { recorded: counts[0], skipped: counts[1], warnings: warnings.clone() })?;
        same(&ImportReport { ok, error })?;
        same(&SettingsReport { ok, errors: errors.clone(), notices: warnings.clone() })?;
        same(&Validation { ok, errors, settings: None })?;
        same(&Repaired { settings: Settings::default(), notices: warnings })?;
        same(&LoadReport { loaded: counts[2], skipped: counts[3] })?;
        same(&compacts)?;
        let present: Vec<CompactVerdict> = compacts.into_iter().flatten().collect();
        same(&present)?;
    }

    #[test]
    fn setting_specs_match_serde_json(
        bounds in prop::collection::vec(float(), 0..4),
        default in value(),
        unit in prop::sample::select(vec!["", "days", "points"]),
    ) {
        let spec = SettingSpec::new(
            "a.b", "Group", "Label \"quoted\"", "Help\\", SettingKind::Number,
            &bounds, unit, default, "Source",
        );
        same(&spec)?;
    }

    #[test]
    fn memory_exports_match_serde_json(
        accounts in prop::collection::vec(account(), 0..5),
        tweets in prop::collection::vec(tweet(), 0..6),
        interactions in prop::collection::vec(interaction(), 0..4),
        now in 1_600_000_000i64..1_800_000_000,
    ) {
        let mut memory = Memory::default();
        memory.remember(
            Observations { accounts, tweets, interactions, ..Observations::default() },
            now,
        );
        prop_assert_eq!(memory.to_json(), memory.to_json_by_serde());
    }
}

#[test]
fn the_schema_and_the_settings_match_serde_json() {
    let schema = settings::schema();
    assert!(!schema.is_empty());
    assert_eq!(to_json(&schema), serde_json::to_string(&schema).unwrap());
    let defaults = Settings::default();
    assert_eq!(
        to_json(&defaults),
        serde_json::to_string(&defaults).unwrap()
    );
    assert_eq!(
        defaults.to_json(),
        serde_json::to_string(&defaults.to_value()).unwrap()
    );
}

#[test]
fn edge_floats_and_escapes_are_written_as_serde_json_writes_them() {
    // Stated outright, so a change in both writers at once is seen too.
    assert_eq!(to_json(&-0.0f64), "-0.0");
    assert_eq!(to_json(&1.0f64), "1.0");
    assert_eq!(to_json(&f64::NAN), "null");
    assert_eq!(to_json(&f64::NEG_INFINITY), "null");
    assert_eq!(
        to_json("a\"b\\c\n\u{1}\u{2028}"),
        "\"a\\\"b\\\\c\\n\\u0001\u{2028}\""
    );
    for f in [-0.0, 1e21, 1e-7, 5e-324, f64::MAX, 0.1 + 0.2, 123456789.0] {
        assert_eq!(to_json(&f), serde_json::to_string(&f).unwrap(), "{f:e}");
    }
}
