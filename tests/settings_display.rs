//! The per-surface switches (issue 12, "what to show where"): five booleans in
//! their own group at the end of the schema, with the defaults the popup and the
//! content script assume, read back from saved settings and refused when not
//! booleans.

use followback::settings::{schema, validate, SettingKind, Settings, VERSION};
use serde_json::{json, Value};

const SWITCHES: [(&str, bool); 5] = [
    ("display.lists", true),
    ("display.profiles", true),
    ("display.notifications", true),
    ("display.hover_cards", true),
    ("display.hide_not_enough_data", false),
];

#[test]
fn the_switches_are_booleans_in_one_group_at_the_end() {
    let specs = schema();
    let tail = &specs[specs.len() - SWITCHES.len()..];
    for (spec, (id, default)) in tail.iter().zip(SWITCHES) {
        assert_eq!(spec.id, id);
        assert_eq!(spec.kind, SettingKind::Bool, "{id}");
        assert_eq!(spec.default, Value::Bool(default), "{id}");
        assert_eq!(spec.group, "What to show where", "{id}");
        assert!(!spec.label.is_empty() && !spec.help.is_empty(), "{id}");
    }
    let before = &specs[specs.len() - SWITCHES.len() - 1];
    assert_ne!(before.group, "What to show where");
}

#[test]
fn saved_switches_are_read_back() {
    let values: serde_json::Map<String, Value> = SWITCHES
        .iter()
        .map(|(id, d)| (id.to_string(), Value::Bool(!d)))
        .collect();
    let doc = json!({ "version": VERSION, "values": values });
    let settings = match validate(&doc) {
        Ok(s) => s,
        Err(e) => panic!("refused {doc}: {e:?}"),
    };
    let back = settings.to_value();
    for (id, default) in SWITCHES {
        assert_eq!(back["values"][id], Value::Bool(!default), "{id}");
    }
    let defaults = Settings::default().to_value();
    for (id, default) in SWITCHES {
        assert_eq!(defaults["values"][id], Value::Bool(default), "{id}");
    }
}

#[test]
fn a_switch_that_is_not_a_boolean_is_refused() {
    let doc = json!({ "version": VERSION, "values": { "display.lists": "no" } });
    match validate(&doc) {
        Ok(_) => panic!("accepted a string for display.lists"),
        Err(errors) => assert!(errors.iter().any(|e| e.id == "display.lists"), "{errors:?}"),
    }
}
