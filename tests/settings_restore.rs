//! Safe restore: which files an import accepts, which it refuses and why, and
//! what it reports would change (src/settings/restore.rs).

use followback::settings::{
    self, check_import, export_document, ImportRejection, Settings, EXPORT_MARKER, MARKER_KEY,
};
use serde_json::{json, Value};

fn current_with(id: &str, value: Value) -> Settings {
    let doc = json!({ "version": settings::VERSION, "values": { id: value } });
    settings::validate(&doc).expect("valid current settings")
}

fn export_of(settings: &Settings) -> Value {
    export_document(settings, &json!({ "alice": "always" }))
}

#[test]
fn export_carries_the_marker_version_values_and_overrides() {
    let s = current_with("begging.points", json!(7));
    let doc = export_of(&s);
    assert_eq!(doc[MARKER_KEY], json!(EXPORT_MARKER));
    assert_eq!(doc["version"], json!(settings::VERSION));
    assert_eq!(doc["values"]["begging.points"], json!(7));
    assert_eq!(doc["overrides"], json!({ "alice": "always" }));
    // Overrides that are not an object become an empty object.
    assert_eq!(export_document(&s, &json!([1, 2]))["overrides"], json!({}));
}

#[test]
fn an_export_round_trips_and_counts_what_changes() {
    let exported = current_with("begging.points", json!(7));
    let doc = export_of(&exported);
    let plan = check_import(&doc, &Settings::default()).expect("an export imports");
    assert_eq!(plan.settings, exported);
    assert_eq!(plan.changed, vec!["begging.points".to_string()]);
    assert!(!plan.legacy);
    assert!(plan.notices.is_empty(), "{:?}", plan.notices);
    // Importing onto the same settings changes nothing.
    let same = check_import(&doc, &exported).expect("an export imports");
    assert!(same.changed.is_empty(), "{:?}", same.changed);
}

#[test]
fn unrelated_json_is_refused_not_read_as_defaults() {
    for doc in [
        json!({ "theme": "dark" }),
        json!({}),
        json!({ "version": 1, "values": { "theme": "dark" } }),
        json!({ "values": { "begging.points": 7 } }),
    ] {
        let err = check_import(&doc, &Settings::default()).expect_err("refused");
        assert_eq!(err, ImportRejection::NotFollowback, "{doc}");
        assert_eq!(err.kind(), "not_followback");
        assert!(err.to_string().contains("not a Followback settings file"));
    }
    for doc in [json!([1, 2]), json!("settings"), json!(3), Value::Null] {
        let err = check_import(&doc, &Settings::default()).expect_err("refused");
        assert_eq!(err, ImportRejection::NotAnObject, "{doc}");
    }
}

#[test]
fn another_marker_is_named_in_the_refusal() {
    let doc = json!({ "format": "followback-memory", "version": 1, "values": {} });
    let err = check_import(&doc, &Settings::default()).expect_err("refused");
    assert_eq!(
        err,
        ImportRejection::OtherMarker("followback-memory".into())
    );
    assert!(err.to_string().contains("followback-memory"));
    let odd = json!({ "format": 12, "version": 1, "values": {} });
    assert_eq!(
        check_import(&odd, &Settings::default()),
        Err(ImportRejection::NotFollowback)
    );
}

#[test]
fn a_newer_version_is_refused_with_both_versions_named() {
    let mut doc = export_of(&Settings::default());
    let newer = u64::from(settings::VERSION) + 1;
    doc["version"] = json!(newer);
    let err = check_import(&doc, &Settings::default()).expect_err("refused");
    assert_eq!(
        err,
        ImportRejection::NewerVersion {
            found: newer,
            supported: settings::VERSION
        }
    );
    assert_eq!(err.kind(), "newer_version");
    let text = err.to_string();
    assert!(text.contains(&format!("format {newer}")), "{text}");
    assert!(text.contains("newer version"), "{text}");
}

#[test]
fn a_marked_file_needs_a_whole_number_version_and_values() {
    for version in [json!(null), json!("1"), json!(1.5), json!(-1)] {
        let doc = json!({ "format": EXPORT_MARKER, "version": version, "values": {} });
        assert_eq!(
            check_import(&doc, &Settings::default()),
            Err(ImportRejection::BadVersion),
            "{doc}"
        );
    }
    let no_values = json!({ "format": EXPORT_MARKER, "version": 1 });
    assert_eq!(
        check_import(&no_values, &Settings::default()),
        Err(ImportRejection::NotFollowback)
    );
}

#[test]
fn bad_values_are_listed_by_setting() {
    let doc = json!({ "format": EXPORT_MARKER, "version": 1,
        "values": { "begging.points": -4, "level.follow_back_min": "high" } });
    let err = check_import(&doc, &Settings::default()).expect_err("refused");
    assert_eq!(err.kind(), "invalid");
    let ids: Vec<&str> = err.errors().iter().map(|e| e.id.as_str()).collect();
    assert!(ids.contains(&"begging.points"), "{ids:?}");
    assert!(ids.contains(&"level.follow_back_min"), "{ids:?}");
}

#[test]
fn an_unmarked_export_from_before_the_marker_still_imports() {
    let doc = json!({ "version": 1, "values": { "begging.points": 9 }, "overrides": {} });
    let plan = check_import(&doc, &Settings::default()).expect("legacy export imports");
    assert!(plan.legacy);
    assert_eq!(plan.changed, vec!["begging.points".to_string()]);
}

#[test]
fn unknown_settings_in_a_current_file_are_named_in_a_notice() {
    let doc = json!({ "format": EXPORT_MARKER, "version": 1,
        "values": { "begging.points": 9, "future.thing": 3 } });
    let plan = check_import(&doc, &Settings::default()).expect("imports");
    assert_eq!(plan.notices.len(), 1, "{:?}", plan.notices);
    assert!(plan.notices[0].contains("future.thing"));
}

#[test]
fn an_older_format_is_migrated_with_a_notice() {
    let doc = json!({ "format": EXPORT_MARKER, "version": 0, "values": { "beggingPenalty": -12 } });
    let plan = check_import(&doc, &Settings::default()).expect("older format imports");
    assert_eq!(
        plan.settings.value_of("begging.points"),
        Some(json!(12)),
        "the v0 penalty was migrated"
    );
    assert!(plan.notices.iter().any(|n| n.contains("older format")));
}

#[test]
fn changed_ids_counts_every_difference_in_schema_order() {
    let a = Settings::default();
    let doc =
        json!({ "version": 1, "values": { "begging.points": 9, "level.follow_back_min": 80 } });
    let b = settings::validate(&doc).expect("valid");
    let changed = settings::changed_ids(&a, &b);
    assert_eq!(changed.len(), 2, "{changed:?}");
    let order: Vec<&str> = settings::schema().iter().map(|s| s.id).collect();
    let pos = |id: &str| order.iter().position(|x| *x == id);
    assert!(pos(&changed[0]) < pos(&changed[1]));
    assert!(settings::changed_ids(&b, &b).is_empty());
}
