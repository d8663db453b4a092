//! The settings export file carries other top-level keys beside `version` and
//! `values` (the options page adds `overrides`): both the strict and the
//! tolerant reader must ignore them, without a notice and without an error.

use followback::settings::{self, Settings};
use serde_json::json;

fn export_with_overrides(values: serde_json::Value) -> serde_json::Value {
    json!({
        "version": settings::VERSION,
        "values": values,
        "overrides": { "alice": "always", "bob_2": "never" }
    })
}

#[test]
fn validate_ignores_an_overrides_key_beside_version_and_values() {
    let doc = export_with_overrides(json!({ "begging.points": 7 }));
    let s = settings::validate(&doc).expect("valid settings with an overrides key");
    assert_eq!(
        s.to_value()["values"]["begging.points"],
        json!(7),
        "the values were read"
    );
}

#[test]
fn validate_still_reports_bad_values_next_to_overrides() {
    let doc = export_with_overrides(json!({ "begging.points": -4 }));
    let errors = settings::validate(&doc).expect_err("an out-of-range value is an error");
    assert!(
        errors.iter().any(|e| e.id == "begging.points"),
        "{errors:?}"
    );
}

#[test]
fn from_json_reads_the_values_without_a_notice_for_overrides() {
    let doc = export_with_overrides(json!({ "begging.points": 7 }));
    let loaded = Settings::from_json(&doc.to_string()).expect("tolerant reader");
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert_eq!(
        loaded.settings.to_value()["values"]["begging.points"],
        json!(7)
    );
}

#[test]
fn from_json_strict_accepts_overrides() {
    let doc = export_with_overrides(json!({ "level.follow_back_min": 70 }));
    let s = Settings::from_json_strict(&doc.to_string()).expect("strict reader");
    assert_eq!(s.to_value()["values"]["level.follow_back_min"], json!(70));
}
