//! The viewer (the logged-in account) from the payloads that carry it:
//! `data.viewer` (the `Viewer` query) and `data.viewer_v2` (the notifications
//! timeline's wrapper), in both readers, in the ingest report, and never from
//! an account that merely appears in a payload.

use followback::boundary::IngestReport;
use followback::model::Viewer;
use followback::read::{read_any, read_page};
use followback::{InteractionKind, Observations};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/viewer/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Both readers of one fixture: the strict page reader, and the any-shape reader.
fn both(name: &str) -> [Observations; 2] {
    let text = fixture(name);
    [
        read_page(&text).unwrap_or_else(|e| panic!("{name} (page): {e}")),
        read_any(&text).unwrap_or_else(|e| panic!("{name} (any): {e}")),
    ]
}

fn viewer(handle: &str, id: &str) -> Option<Viewer> {
    Some(Viewer {
        handle: handle.into(),
        id: Some(id.into()),
    })
}

#[test]
fn the_viewer_query_names_the_viewer() {
    for obs in both("viewer_query.json") {
        assert_eq!(obs.viewer, viewer("quill_writes", "444001"));
        // The viewer is also an account like any other.
        assert!(obs.accounts.iter().any(|a| a.handle == "quill_writes"));
    }
}

#[test]
fn the_notifications_wrapper_names_the_viewer_and_its_actors_are_not_it() {
    for obs in both("viewer_v2_notifications.json") {
        assert_eq!(obs.viewer, viewer("tide_notes", "444002"));
        assert_eq!(obs.interactions.len(), 1, "{:?}", obs.interactions);
        assert_eq!(obs.interactions[0].handle, "sam_sails");
        assert_eq!(obs.interactions[0].kind, InteractionKind::Followed);
    }
}

#[test]
fn the_repo_notifications_fixture_names_its_viewer() {
    let path = format!(
        "{}/tests/fixtures/graphql/notifications_timeline.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let obs = read_page(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(obs.viewer, viewer("viewer_me", "1349999"));
}

#[test]
fn a_profile_payload_names_no_viewer() {
    for obs in both("no_viewer_profile.json") {
        assert_eq!(obs.viewer, None);
        assert_eq!(obs.accounts.len(), 1);
    }
}

#[test]
fn a_viewer_handle_x_could_not_issue_is_no_viewer_and_loses_nothing_else() {
    for obs in both("viewer_forged.json") {
        assert_eq!(obs.viewer, None);
        assert!(obs.accounts.iter().any(|a| a.handle == "shown_one"));
    }
}

#[test]
fn a_viewer_nested_below_the_top_is_not_the_viewer() {
    let text = format!(
        r#"{{"data": {{"list": {{"members": {}}}}}}}"#,
        fixture("viewer_query.json")
    );
    let obs = read_page(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(obs.viewer, None);
    assert!(obs.accounts.iter().any(|a| a.handle == "quill_writes"));
}

#[test]
fn json_lines_keep_the_first_viewer() {
    let compact = |name: &str| {
        let v: serde_json::Value = serde_json::from_str(&fixture(name)).unwrap_or_default();
        v.to_string()
    };
    let text = format!(
        "{}\n{}\n{}\n",
        compact("no_viewer_profile.json"),
        compact("viewer_v2_notifications.json"),
        compact("viewer_query.json")
    );
    let obs = read_any(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(obs.viewer, viewer("tide_notes", "444002"));
}

#[test]
fn the_ingest_report_carries_the_viewer_only_when_seen() {
    let mut obs = read_page(&fixture("viewer_query.json")).unwrap_or_else(|e| panic!("{e}"));
    let report = IngestReport::of(&mut obs);
    assert_eq!(report.viewer, viewer("quill_writes", "444001"));
    let json = serde_json::to_value(&report).unwrap_or_default();
    assert_eq!(json["viewer"]["handle"], "quill_writes");
    assert_eq!(json["viewer"]["id"], "444001");

    let mut obs = read_page(&fixture("no_viewer_profile.json")).unwrap_or_else(|e| panic!("{e}"));
    let report = IngestReport::of(&mut obs);
    assert_eq!(report.viewer, None);
    let json = serde_json::to_value(&report).unwrap_or_default();
    assert!(json.get("viewer").is_none(), "{json}");
}

#[test]
fn observations_without_a_viewer_field_still_read() {
    let obs: Observations =
        serde_json::from_str(r#"{"accounts": [], "warnings": []}"#).unwrap_or_default();
    assert_eq!(obs.viewer, None);
    let with: Observations =
        serde_json::from_str(r#"{"viewer": {"handle": "me"}}"#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        with.viewer,
        Some(Viewer {
            handle: "me".into(),
            id: None
        })
    );
}
