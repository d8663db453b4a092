//! Settings: one schema for every threshold, weight, keyword list and level
//! boundary; reading saved settings (tolerant, with notices), strict validation
//! for the options page (errors per setting), migration of older shapes.
//!
//! Saved shape: `{ "version": N, "values": { "<id>": number | bool | [text] } }`.
//! Missing ids take their default.

#[macro_use]
mod macros;
mod migrate;
mod restore;
mod spec;
mod table;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use restore::{
    changed_ids, check_import, export_document, ImportPlan, ImportRejection, EXPORT_MARKER,
    MARKER_KEY,
};
pub use spec::{SettingKind, SettingSpec, KEYWORDS_MAX_COUNT, KEYWORD_MAX_CHARS};
pub use table::{schema, Settings, ORDERED_PAIRS};

/// Version of the saved settings shape this build writes.
pub const VERSION: u32 = 1;

/// Settings read from storage, with what had to be repaired or migrated.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The settings, valid and complete.
    pub settings: Settings,
    /// One plain sentence per repair, migration or dropped entry.
    pub notices: Vec<String>,
}

/// A problem with one setting (`id` empty when the document as a whole is wrong).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The setting's dotted id, empty for the document as a whole.
    pub id: String,
    /// What is wrong, in one sentence.
    pub message: String,
}

/// Why settings could not be used as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    /// The text is not JSON.
    NotJson(String),
    /// The JSON was read, but some values are not allowed.
    Invalid(Vec<FieldError>),
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::NotJson(e) => write!(f, "settings are not valid JSON: {e}"),
            SettingsError::Invalid(errors) => {
                let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
                write!(f, "{}", messages.join(" "))
            }
        }
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads saved settings, repairing instead of failing: corrupt JSON gives
    /// the defaults, a refused value gives that setting's default, unknown ids
    /// are dropped, older versions are migrated; each with a notice.
    /// (Never returns `Err` today; see [`Settings::from_json_strict`] for a reader that does.)
    pub fn from_json(text: &str) -> Result<Loaded, SettingsError> {
        let value: Value = match crate::read::value_from_str(text) {
            Ok(v) => v,
            Err(e) => {
                return Ok(Loaded {
                    settings: Settings::default(),
                    notices: vec![format!(
                        "Saved settings were not valid JSON ({e}); using the defaults."
                    )],
                })
            }
        };
        Ok(load_value(&value))
    }

    /// Reads settings strictly: any refused value is an error (for imports and the CLI).
    pub fn from_json_strict(text: &str) -> Result<Settings, SettingsError> {
        let value: Value =
            crate::read::value_from_str(text).map_err(|e| SettingsError::NotJson(e.to_string()))?;
        validate(&value).map_err(SettingsError::Invalid)
    }

    /// `{"version": N, "values": {...}}` with every setting.
    pub fn to_value(&self) -> Value {
        let mut values = Map::new();
        for spec in schema() {
            if let Some(v) = self.value_of(spec.id) {
                values.insert(spec.id.to_string(), v);
            }
        }
        let mut doc = Map::new();
        doc.insert("version".into(), Value::from(VERSION));
        doc.insert("values".into(), Value::Object(values));
        Value::Object(doc)
    }

    /// [`Settings::to_value`] as JSON text.
    pub fn to_json(&self) -> String {
        crate::json_out::to_json(&self.to_value())
    }
}

impl Serialize for Settings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

/// Strict validation (the options page): every refused value and every broken
/// ordering between settings is an error naming the setting and its range.
/// Older versions are migrated first; unknown ids are ignored.
pub fn validate(value: &Value) -> Result<Settings, Vec<FieldError>> {
    let mut ignored = Vec::new();
    let values = values_of(value, &mut ignored).map_err(|message| {
        vec![FieldError {
            id: String::new(),
            message,
        }]
    })?;
    let (settings, mut errors, _unknown) = apply(&values);
    errors.extend(order_errors(&settings));
    if errors.is_empty() {
        Ok(settings)
    } else {
        Err(errors)
    }
}

/// Tolerant reading of a parsed document.
fn load_value(value: &Value) -> Loaded {
    let mut notices = Vec::new();
    let values = match values_of(value, &mut notices) {
        Ok(v) => v,
        Err(message) => {
            notices.push(format!("{message} Using the defaults."));
            return Loaded {
                settings: Settings::default(),
                notices,
            };
        }
    };
    let (mut settings, errors, unknown) = apply(&values);
    let defaults = Settings::default();
    for e in errors {
        let default = defaults
            .value_of(&e.id)
            .map(|v| crate::json_out::to_json(&v))
            .unwrap_or_default();
        notices.push(format!("{} Using the default ({default}).", e.message));
    }
    if !unknown.is_empty() {
        notices.push(format!(
            "Dropped settings this version does not know: {}.",
            unknown.join(", ")
        ));
    }
    // Repair broken orderings by restoring both settings of a pair.
    for _ in 0..ORDERED_PAIRS.len() + 1 {
        let broken = order_errors(&settings);
        if broken.is_empty() {
            break;
        }
        for e in broken {
            notices.push(format!("{} Both were reset to their defaults.", e.message));
            if let Some((lo, hi)) = ORDERED_PAIRS.iter().find(|(_, hi)| *hi == e.id) {
                reset(&mut settings, &defaults, lo);
                reset(&mut settings, &defaults, hi);
            }
        }
    }
    Loaded { settings, notices }
}

fn reset(settings: &mut Settings, defaults: &Settings, id: &str) {
    if let (Some(spec), Some(v)) = (spec_of(id), defaults.value_of(id)) {
        let _ = settings.set_from(id, &v, &spec);
    }
}

fn spec_of(id: &str) -> Option<SettingSpec> {
    schema().into_iter().find(|s| s.id == id)
}

/// The values object of a document, migrated to current ids. `Err` when the
/// document as a whole cannot be read.
fn values_of(doc: &Value, notices: &mut Vec<String>) -> Result<Map<String, Value>, String> {
    let Some(obj) = doc.as_object() else {
        return Err("Settings must be a JSON object.".to_string());
    };
    let version = match obj.get("version") {
        None => None,
        Some(v) => match v.as_u64() {
            Some(n) => Some(n),
            None => {
                notices.push(format!(
                    "The settings version {} is not a whole number; reading them as version {VERSION}.",
                    crate::json_out::to_json(v)
                ));
                Some(u64::from(VERSION))
            }
        },
    };
    match (obj.get("values"), version) {
        (Some(Value::Object(values)), Some(0)) => Ok(migrate::from_v0(values, notices)),
        (Some(Value::Object(values)), v) => {
            if let Some(n) = v.filter(|n| *n > u64::from(VERSION)) {
                notices.push(format!(
                    "These settings come from a newer version (format {n}); reading what this version knows."
                ));
            }
            Ok(values.clone())
        }
        (Some(_), _) => Err("The settings' \"values\" must be an object.".to_string()),
        (None, None) => Ok(migrate::from_v0(obj, notices)),
        (None, Some(_)) => Err("The settings have a version but no \"values\".".to_string()),
    }
}

/// Applies every value onto the defaults: the settings, refused values as
/// errors, and unknown ids.
fn apply(values: &Map<String, Value>) -> (Settings, Vec<FieldError>, Vec<String>) {
    let specs = schema();
    let mut settings = Settings::default();
    let mut errors = Vec::new();
    let mut unknown = Vec::new();
    for (id, value) in values {
        let Some(spec) = specs.iter().find(|s| s.id == id) else {
            unknown.push(short_id(id));
            continue;
        };
        if let Some(Err(message)) = settings.set_from(id, value, spec) {
            errors.push(FieldError {
                id: id.clone(),
                message,
            });
        }
    }
    (settings, errors, unknown)
}

/// An unknown id, shortened for a notice.
fn short_id(id: &str) -> String {
    let short: String = id.chars().take(60).collect();
    if short.len() < id.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

/// Settings pairs whose lower value is not below the upper one.
fn order_errors(settings: &Settings) -> Vec<FieldError> {
    let specs = schema();
    let label = |id: &str| specs.iter().find(|s| s.id == id).map_or("", |s| s.label);
    let mut out = Vec::new();
    for (lo, hi) in ORDERED_PAIRS {
        let (Some(lv), Some(hv)) = (
            settings.value_of(lo).and_then(|v| v.as_f64()),
            settings.value_of(hi).and_then(|v| v.as_f64()),
        ) else {
            continue;
        };
        if lv >= hv {
            out.push(FieldError {
                id: (*hi).to_string(),
                message: format!(
                    "{} ({}) must be higher than {} ({}).",
                    label(hi),
                    spec::show_number(hv),
                    label(lo),
                    spec::show_number(lv)
                ),
            });
        }
    }
    out
}
