//! Older saved-settings shapes brought up to the current one.
//!
//! Version 0 (before the `{version, values}` envelope) was one flat object with
//! camelCase keys, penalties stored as negative numbers, the minimum confidence
//! as a percentage and the follow-back keywords as one comma-separated text:
//!
//! ```json
//! { "base": 50, "followBackMin": 65, "maybeMin": 45, "minConfidencePercent": 30,
//!   "beggingPenalty": -25, "followBackKeywords": "#TFB, #F4F", "ratioSevere": 50 }
//! ```
//!
//! Version 1 is the current shape: `{ "version": 1, "values": { "<id>": value } }`.

use serde_json::{Map, Value};

/// How a version-0 value turns into its version-1 value.
#[derive(Clone, Copy)]
enum Change {
    /// Same meaning, new id.
    Rename,
    /// A percentage (0-100) that is now a share (0-1).
    PercentToShare,
    /// A penalty stored as a negative number that is now a magnitude.
    NegativeToMagnitude,
    /// One text with entries separated by commas or new lines, now a list.
    TextToList,
}

/// Version-0 key, its version-1 id, and how its value changes.
const V0_KEYS: &[(&str, &str, Change)] = &[
    ("base", "score.base", Change::Rename),
    ("followBackMin", "level.follow_back_min", Change::Rename),
    ("maybeMin", "level.maybe_min", Change::Rename),
    (
        "minConfidencePercent",
        "level.min_confidence",
        Change::PercentToShare,
    ),
    (
        "beggingPenalty",
        "begging.points",
        Change::NegativeToMagnitude,
    ),
    ("followBackKeywords", "begging.keywords", Change::TextToList),
    ("ratioSevere", "ratio.severe", Change::Rename),
];

fn change(value: &Value, how: Change) -> Value {
    match how {
        Change::Rename => value.clone(),
        Change::PercentToShare => match value.as_f64() {
            Some(v) => serde_json::Number::from_f64(v / 100.0).map_or(Value::Null, Value::Number),
            None => value.clone(),
        },
        Change::NegativeToMagnitude => match (value.as_i64(), value.as_f64()) {
            (Some(v), _) => Value::from(v.saturating_abs()),
            (None, Some(v)) => {
                serde_json::Number::from_f64(v.abs()).map_or(Value::Null, Value::Number)
            }
            _ => value.clone(),
        },
        Change::TextToList => match value.as_str() {
            Some(text) => Value::from(
                text.split([',', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>(),
            ),
            None => value.clone(),
        },
    }
}

/// Turns a version-0 flat object into version-1 values. Keys version 0 did not
/// have are kept as they are (they may already be version-1 ids); the caller
/// drops what it does not know.
pub fn from_v0(flat: &Map<String, Value>, notices: &mut Vec<String>) -> Map<String, Value> {
    let mut out = Map::new();
    let mut moved = 0usize;
    for (key, value) in flat {
        match V0_KEYS.iter().find(|(old, _, _)| old == key) {
            Some((_, new, how)) => {
                out.insert((*new).to_string(), change(value, *how));
                moved += 1;
            }
            None => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    if !flat.is_empty() {
        notices.push(format!(
            "Settings from an older version were updated to the current format ({moved} carried over)."
        ));
    }
    out
}
