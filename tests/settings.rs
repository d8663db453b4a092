//! Settings: schema shape, defaults, JSON round trip, tolerant reading with
//! notices, strict validation errors, cross-field rules and migration.

use followback::settings::{
    schema, validate, SettingKind, Settings, KEYWORDS_MAX_COUNT, KEYWORD_MAX_CHARS, VERSION,
};
use serde_json::{json, Value};

fn doc(values: Value) -> Value {
    json!({ "version": VERSION, "values": values })
}

fn load(v: &Value) -> followback::settings::Loaded {
    match Settings::from_json(&v.to_string()) {
        Ok(l) => l,
        Err(e) => panic!("from_json refused {v}: {e}"),
    }
}

fn errors_for(v: &Value) -> Vec<followback::settings::FieldError> {
    match validate(v) {
        Ok(_) => panic!("expected errors for {v}"),
        Err(e) => e,
    }
}

#[test]
fn schema_entries_are_complete_unique_and_in_range() {
    let specs = schema();
    assert!(specs.len() > 40, "only {} settings", specs.len());
    let mut ids: Vec<&str> = specs.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), specs.len(), "duplicate ids");
    for s in &specs {
        assert!(s.id.contains('.'), "{} is not dotted", s.id);
        assert!(
            !s.label.is_empty() && !s.group.is_empty() && !s.source.is_empty(),
            "{}",
            s.id
        );
        assert!(!s.help.is_empty(), "{} has no help", s.id);
        match s.kind {
            SettingKind::Number | SettingKind::Integer => {
                let v = s.default.as_f64().unwrap_or(f64::NAN);
                let (lo, hi) = (s.min.unwrap_or(f64::NAN), s.max.unwrap_or(f64::NAN));
                assert!(
                    lo <= v && v <= hi,
                    "{} default {v} outside {lo}..{hi}",
                    s.id
                );
                assert!(s.step.is_some(), "{} has no step", s.id);
                if s.kind == SettingKind::Integer {
                    assert!(s.default.is_i64(), "{} default is not whole", s.id);
                }
            }
            SettingKind::Bool => assert!(s.default.is_boolean(), "{}", s.id),
            SettingKind::Keywords => {
                // The person's own interests start empty; every other list has defaults.
                let empty_ok = s.id == "interests.keywords";
                assert!(
                    s.default
                        .as_array()
                        .is_some_and(|a| empty_ok || !a.is_empty()),
                    "{}",
                    s.id
                )
            }
        }
    }
}

#[test]
fn schema_serialises_in_the_contract_shape() {
    let v = serde_json::to_value(schema()).unwrap_or(Value::Null);
    let first = &v[0];
    for key in [
        "id", "group", "label", "help", "kind", "min", "max", "step", "unit", "default", "source",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    let begging = v
        .as_array()
        .and_then(|a| a.iter().find(|s| s["id"] == "begging.points"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(begging["kind"], "integer");
    assert_eq!(begging["min"], json!(0));
    assert_eq!(begging["unit"], "points");
    let keywords = v
        .as_array()
        .and_then(|a| a.iter().find(|s| s["id"] == "begging.keywords"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(keywords["kind"], "keywords");
    assert_eq!(keywords["min"], Value::Null);
    assert!(keywords["default"]
        .as_array()
        .is_some_and(|a| a.iter().any(|k| k == "#TeamFollowBack")));
    let ratio = v
        .as_array()
        .and_then(|a| a.iter().find(|s| s["id"] == "ratio.severe"))
        .cloned()
        .unwrap_or(Value::Null);
    assert!(ratio["source"]
        .as_str()
        .is_some_and(|s| s.contains("Socialbakers") && s.contains("50:1")));
}

#[test]
fn groups_are_contiguous_so_the_form_can_section_them() {
    let specs = schema();
    let mut seen: Vec<&str> = Vec::new();
    for s in &specs {
        if seen.last() != Some(&s.group) {
            assert!(!seen.contains(&s.group), "group {} appears twice", s.group);
            seen.push(s.group);
        }
    }
    assert_eq!(seen.first(), Some(&"Score and levels"));
}

#[test]
fn defaults_validate_and_match_the_schema() {
    let d = Settings::default();
    assert_eq!(validate(&d.to_value()), Ok(d.clone()));
    for s in schema() {
        assert_eq!(d.value_of(s.id), Some(s.default.clone()), "{}", s.id);
    }
    assert_eq!(d.begging_points, 25);
    assert_eq!(d.level_follow_back_min, 65);
    assert!(d.level_follow_back_min > d.level_maybe_min);
}

#[test]
fn json_round_trip_keeps_every_value() {
    let s = Settings {
        begging_points: 30,
        level_min_confidence: 0.45,
        begging_in_name: false,
        guru_keywords: vec!["thought leader".into()],
        ..Settings::default()
    };
    let text = s.to_json();
    let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    assert_eq!(parsed["version"], json!(VERSION));
    assert_eq!(parsed["values"]["begging.points"], json!(30));
    let loaded = load(&parsed);
    assert_eq!(loaded.settings, s);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert_eq!(validate(&parsed), Ok(s));
}

#[test]
fn missing_ids_take_their_default_silently() {
    let loaded = load(&doc(json!({ "begging.points": 40 })));
    assert_eq!(loaded.settings.begging_points, 40);
    assert_eq!(loaded.settings.ratio_severe, 50.0);
    assert!(loaded.notices.is_empty());
}

#[test]
fn corrupt_json_gives_defaults_and_a_notice() {
    for text in ["{not json", "", "\u{0}\u{1}", "[1,2"] {
        let loaded = Settings::from_json(text);
        let Ok(loaded) = loaded else {
            panic!("from_json failed on {text:?}")
        };
        assert_eq!(loaded.settings, Settings::default());
        assert_eq!(loaded.notices.len(), 1, "{text:?}");
        assert!(loaded.notices[0].contains("not valid JSON"));
    }
    for v in [json!([1, 2]), json!("x"), json!(7), Value::Null] {
        let loaded = load(&v);
        assert_eq!(loaded.settings, Settings::default());
        assert!(
            loaded.notices[0].contains("JSON object"),
            "{:?}",
            loaded.notices
        );
    }
}

#[test]
fn unknown_ids_are_dropped_with_a_notice() {
    let loaded = load(&doc(json!({ "begging.points": 12, "nonsense.id": 3 })));
    assert_eq!(loaded.settings.begging_points, 12);
    assert_eq!(loaded.notices.len(), 1);
    assert!(loaded.notices[0].contains("nonsense.id"));
    // Strict validation ignores them too (the contract: dropped, not an error).
    assert!(validate(&doc(json!({ "nonsense.id": 3 }))).is_ok());
}

#[test]
fn refused_values_fall_back_to_their_default_with_a_notice() {
    let loaded = load(&doc(json!({
        "begging.points": 500,
        "level.min_confidence": "high",
        "begging.in_name": 1,
        "guru.points": 2.5,
        "bio.missing_points": 9,
    })));
    let d = Settings::default();
    assert_eq!(loaded.settings.begging_points, d.begging_points);
    assert_eq!(loaded.settings.level_min_confidence, d.level_min_confidence);
    assert_eq!(loaded.settings.begging_in_name, d.begging_in_name);
    assert_eq!(loaded.settings.guru_points, d.guru_points);
    assert_eq!(loaded.settings.bio_missing_points, 9);
    assert_eq!(loaded.notices.len(), 4, "{:?}", loaded.notices);
    assert!(loaded
        .notices
        .iter()
        .all(|n| n.contains("Using the default")));
}

#[test]
fn integers_written_as_whole_floats_are_accepted() {
    let s = validate(&doc(json!({ "begging.points": 20.0 })));
    assert_eq!(s.map(|s| s.begging_points), Ok(20));
}

#[test]
fn validate_names_the_setting_and_its_range() {
    let e = errors_for(&doc(json!({ "begging.points": 51 })));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].id, "begging.points");
    assert!(
        e[0].message
            .contains("Points taken for asking for follow-backs"),
        "{}",
        e[0].message
    );
    assert!(
        e[0].message.contains("from 0 to 50 points"),
        "{}",
        e[0].message
    );

    let e = errors_for(&doc(json!({ "level.min_confidence": -0.1 })));
    assert!(
        e[0].message
            .contains("Minimum confidence must be a number from 0 to 1"),
        "{}",
        e[0].message
    );

    let e = errors_for(&doc(json!({ "guru.points": 2.5 })));
    assert!(e[0].message.contains("whole number"), "{}", e[0].message);

    let e = errors_for(&doc(json!({ "begging.in_name": "yes" })));
    assert!(e[0].message.contains("true or false"), "{}", e[0].message);

    let e = errors_for(&doc(json!({ "begging.keywords": "#TFB" })));
    assert!(e[0].message.contains("list"), "{}", e[0].message);

    let e = errors_for(&doc(json!({ "begging.keywords": ["ok", 3] })));
    assert!(
        e[0].message.contains("every entry must be text"),
        "{}",
        e[0].message
    );

    // Several problems are all reported.
    let e = errors_for(&doc(json!({ "begging.points": -1, "guru.points": 99 })));
    assert_eq!(e.len(), 2);
}

#[test]
fn keyword_lists_are_trimmed_deduplicated_and_capped() {
    let s = validate(&doc(
        json!({ "begging.keywords": ["  #TFB ", "", "   ", "#tfb", "follow back"] }),
    ));
    assert_eq!(
        s.map(|s| s.begging_keywords),
        Ok(vec!["#TFB".to_string(), "follow back".to_string()])
    );

    let long = "x".repeat(KEYWORD_MAX_CHARS + 1);
    let e = errors_for(&doc(json!({ "guru.keywords": [long] })));
    assert!(e[0]
        .message
        .contains(&format!("at most {KEYWORD_MAX_CHARS} characters")));
    let exactly = "y".repeat(KEYWORD_MAX_CHARS);
    assert!(validate(&doc(json!({ "guru.keywords": [exactly] }))).is_ok());

    let many: Vec<String> = (0..=KEYWORDS_MAX_COUNT).map(|i| format!("k{i}")).collect();
    let e = errors_for(&doc(json!({ "guru.keywords": many })));
    assert!(e[0]
        .message
        .contains(&format!("at most {KEYWORDS_MAX_COUNT} entries")));
    let enough: Vec<String> = (0..KEYWORDS_MAX_COUNT).map(|i| format!("k{i}")).collect();
    assert!(validate(&doc(json!({ "guru.keywords": enough }))).is_ok());
}

#[test]
fn level_boundaries_must_be_ordered() {
    let e = errors_for(&doc(
        json!({ "level.follow_back_min": 40, "level.maybe_min": 45 }),
    ));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].id, "level.follow_back_min");
    assert!(e[0].message.contains("Follow back"), "{}", e[0].message);
    assert!(e[0].message.contains("Maybe"), "{}", e[0].message);
    // Equal is not higher.
    assert!(validate(&doc(
        json!({ "level.follow_back_min": 50, "level.maybe_min": 50 })
    ))
    .is_err());
    assert!(validate(&doc(
        json!({ "level.follow_back_min": 51, "level.maybe_min": 50 })
    ))
    .is_ok());
    // Other ordered pairs too.
    assert!(validate(&doc(json!({ "ratio.mild": 60.0 }))).is_err());
}

#[test]
fn from_json_repairs_broken_ordering_to_defaults() {
    let loaded = load(&doc(
        json!({ "level.follow_back_min": 40, "level.maybe_min": 70 }),
    ));
    let d = Settings::default();
    assert_eq!(
        loaded.settings.level_follow_back_min,
        d.level_follow_back_min
    );
    assert_eq!(loaded.settings.level_maybe_min, d.level_maybe_min);
    assert_eq!(loaded.notices.len(), 1);
    assert!(loaded.notices[0].contains("reset"));
}

#[test]
fn newer_versions_are_read_with_a_notice() {
    let loaded = load(&json!({ "version": VERSION + 1, "values": { "begging.points": 11 } }));
    assert_eq!(loaded.settings.begging_points, 11);
    assert!(loaded.notices.iter().any(|n| n.contains("newer version")));
}

#[test]
fn a_version_without_values_gives_defaults_and_a_notice() {
    let loaded = load(&json!({ "version": 1 }));
    assert_eq!(loaded.settings, Settings::default());
    assert!(loaded.notices.iter().any(|n| n.contains("no \"values\"")));
    let loaded = load(&json!({ "version": 1, "values": [1] }));
    assert_eq!(loaded.settings, Settings::default());
    assert!(!loaded.notices.is_empty());
    assert!(validate(&json!({ "version": 1 })).is_err());
}

#[test]
fn version_0_flat_settings_are_migrated() {
    let v0 = json!({
        "base": 55,
        "followBackMin": 70,
        "maybeMin": 40,
        "minConfidencePercent": 40,
        "beggingPenalty": -30,
        "followBackKeywords": "#TFB, follow back\n#F4F,, ",
        "ratioSevere": 40,
        "oldThing": true,
    });
    let loaded = load(&v0);
    let s = &loaded.settings;
    assert_eq!(s.score_base, 55);
    assert_eq!(s.level_follow_back_min, 70);
    assert_eq!(s.level_maybe_min, 40);
    assert!((s.level_min_confidence - 0.4).abs() < 1e-9);
    assert_eq!(s.begging_points, 30);
    assert_eq!(s.begging_keywords, vec!["#TFB", "follow back", "#F4F"]);
    assert_eq!(s.ratio_severe, 40.0);
    assert!(
        loaded.notices.iter().any(|n| n.contains("older version")),
        "{:?}",
        loaded.notices
    );
    assert!(
        loaded.notices.iter().any(|n| n.contains("oldThing")),
        "{:?}",
        loaded.notices
    );
    // Strict validation migrates too; the migrated settings save as the current version.
    assert_eq!(validate(&v0).as_ref(), Ok(s));
    let saved: Value = serde_json::from_str(&s.to_json()).unwrap_or(Value::Null);
    assert_eq!(saved["version"], json!(VERSION));
    assert_eq!(saved["values"]["begging.points"], json!(30));
    // An explicit version 0 envelope is migrated the same way.
    let enveloped = load(&json!({ "version": 0, "values": { "beggingPenalty": -7 } }));
    assert_eq!(enveloped.settings.begging_points, 7);
}

#[test]
fn from_json_strict_reports_errors() {
    assert!(Settings::from_json_strict("{").is_err());
    assert!(Settings::from_json_strict(&doc(json!({ "begging.points": 99 })).to_string()).is_err());
    assert_eq!(
        Settings::from_json_strict(&Settings::default().to_json()),
        Ok(Settings::default())
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            ".{0,12}".prop_map(Value::String),
            prop::sample::select(
                schema()
                    .iter()
                    .map(|s| s.id.to_string())
                    .collect::<Vec<_>>()
            )
            .prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(
                    (
                        prop_oneof![
                            prop::sample::select(
                                schema()
                                    .iter()
                                    .map(|s| s.id.to_string())
                                    .collect::<Vec<_>>()
                            ),
                            Just("values".to_string()),
                            Just("version".to_string()),
                            ".{0,6}",
                        ],
                        inner
                    ),
                    0..6
                )
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,64}") {
            let loaded = Settings::from_json(&text);
            prop_assert!(loaded.is_ok());
        }

        #[test]
        fn arbitrary_json_loads_to_valid_settings(v in json_value()) {
            let _ = validate(&v);
            let loaded = Settings::from_json(&v.to_string());
            let Ok(loaded) = loaded else { return Err(TestCaseError::fail("from_json failed")); };
            // Whatever was stored, what comes out is valid settings.
            prop_assert_eq!(validate(&loaded.settings.to_value()), Ok(loaded.settings.clone()));
            let wrapped = json!({ "version": 1, "values": v });
            let loaded = Settings::from_json(&wrapped.to_string());
            prop_assert!(loaded.is_ok_and(|l| validate(&l.settings.to_value()).is_ok()));
        }
    }
}
