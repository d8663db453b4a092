//! Safe restore: the settings export file and the checks an import goes
//! through before anything is applied.
//!
//! Export file shape (what the options page downloads):
//!
//! ```json
//! { "format": "followback-settings", "version": 1,
//!   "values": { "<id>": value }, "overrides": { "<handle>": "always" | "never" } }
//! ```
//!
//! An import must carry the marker (or, for files exported before the marker
//! existed, a whole-number `version` and a `values` object naming at least one
//! known setting), a version this build can read, and only allowed values.
//! A file that passes gives an [`ImportPlan`]: the settings it would apply and
//! which settings would change, so the page can ask before applying.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{schema, validate, FieldError, Settings, VERSION};

/// The `format` value of a Followback settings export.
pub const EXPORT_MARKER: &str = "followback-settings";
/// The key that holds [`EXPORT_MARKER`].
pub const MARKER_KEY: &str = "format";

/// Why an import file is refused (nothing is applied).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportRejection {
    /// Not a JSON object at all (an array, a number, a string…).
    NotAnObject,
    /// An object, but not a Followback settings export (no marker, no settings).
    NotFollowback,
    /// Carries a marker, but of another kind of file (e.g. a memory export).
    OtherMarker(String),
    /// Written by a newer Followback whose format this version cannot read.
    NewerVersion {
        /// The version the file says it has.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The version is missing or not a whole number.
    BadVersion,
    /// The file is a settings export, but some values are not allowed.
    Invalid(Vec<FieldError>),
}

impl ImportRejection {
    /// A short machine-readable kind for the page and the tests.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportRejection::NotAnObject | ImportRejection::NotFollowback => "not_followback",
            ImportRejection::OtherMarker(_) => "other_file",
            ImportRejection::NewerVersion { .. } => "newer_version",
            ImportRejection::BadVersion => "bad_version",
            ImportRejection::Invalid(_) => "invalid",
        }
    }

    /// The problems by setting (only for [`ImportRejection::Invalid`]).
    pub fn errors(&self) -> &[FieldError] {
        match self {
            ImportRejection::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

impl std::fmt::Display for ImportRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportRejection::NotAnObject | ImportRejection::NotFollowback => write!(
                f,
                "This is not a Followback settings file: it has no Followback marker and no settings this version knows. Nothing was changed."
            ),
            ImportRejection::OtherMarker(m) => write!(
                f,
                "This file is a “{m}” file, not a Followback settings export. Nothing was changed."
            ),
            ImportRejection::NewerVersion { found, supported } => write!(
                f,
                "This file comes from a newer version of Followback (format {found}; this version reads up to format {supported}). Update the extension to import it. Nothing was changed."
            ),
            ImportRejection::BadVersion => write!(
                f,
                "This Followback file has no readable format version. Nothing was changed."
            ),
            ImportRejection::Invalid(errors) => write!(
                f,
                "This Followback settings file has {} value(s) that are not allowed. Nothing was changed.",
                errors.len()
            ),
        }
    }
}

impl std::error::Error for ImportRejection {}

/// What a valid import would do.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportPlan {
    /// The settings the file gives (every setting; missing ones take their default).
    pub settings: Settings,
    /// Ids of the settings whose value differs from the current settings, in schema order.
    pub changed: Vec<String>,
    /// The file's format version.
    pub version: u64,
    /// True when the file has no marker (exported before the marker existed).
    pub legacy: bool,
    /// Plain sentences about what is ignored (unknown settings, older format).
    pub notices: Vec<String>,
}

/// The export file for `settings` and the stored per-account `overrides`.
pub fn export_document(settings: &Settings, overrides: &Value) -> Value {
    let mut doc = Map::new();
    doc.insert(MARKER_KEY.into(), Value::from(EXPORT_MARKER));
    doc.insert("version".into(), Value::from(VERSION));
    let values = settings
        .to_value()
        .get("values")
        .cloned()
        .unwrap_or_default();
    doc.insert("values".into(), values);
    let overrides = if overrides.is_object() {
        overrides.clone()
    } else {
        Value::Object(Map::new())
    };
    doc.insert("overrides".into(), overrides);
    Value::Object(doc)
}

/// Checks an import file against the current settings. Pure: nothing is applied.
pub fn check_import(doc: &Value, current: &Settings) -> Result<ImportPlan, ImportRejection> {
    let Some(obj) = doc.as_object() else {
        return Err(ImportRejection::NotAnObject);
    };
    let known: Vec<&'static str> = schema().iter().map(|s| s.id).collect();
    let legacy = match obj.get(MARKER_KEY) {
        Some(Value::String(m)) if m == EXPORT_MARKER => false,
        Some(Value::String(m)) => {
            let shown: String = m.chars().take(40).collect();
            return Err(ImportRejection::OtherMarker(shown));
        }
        Some(_) => return Err(ImportRejection::NotFollowback),
        None => {
            // Before the marker: `{version, values}` naming known settings.
            let names_known = obj
                .get("values")
                .and_then(Value::as_object)
                .is_some_and(|v| v.keys().any(|k| known.contains(&k.as_str())));
            if !names_known || obj.get("version").and_then(Value::as_u64).is_none() {
                return Err(ImportRejection::NotFollowback);
            }
            true
        }
    };
    let version = obj
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(ImportRejection::BadVersion)?;
    if version > u64::from(VERSION) {
        return Err(ImportRejection::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    let Some(values) = obj.get("values").and_then(Value::as_object) else {
        return Err(ImportRejection::NotFollowback);
    };
    let mut notices = Vec::new();
    if version < u64::from(VERSION) {
        notices.push(format!(
            "The file uses an older format ({version}); it was brought up to date."
        ));
    }
    if version == u64::from(VERSION) {
        let unknown: Vec<String> = values
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .map(|k| format!("\"{}\"", k.chars().take(60).collect::<String>()))
            .collect();
        if !unknown.is_empty() {
            notices.push(format!(
                "Ignored {} setting(s) this version does not know: {}.",
                unknown.len(),
                unknown.join(", ")
            ));
        }
    }
    let mut doc = Map::new();
    doc.insert("version".into(), Value::from(version));
    doc.insert("values".into(), Value::Object(values.clone()));
    let settings = validate(&Value::Object(doc)).map_err(ImportRejection::Invalid)?;
    let changed = changed_ids(current, &settings);
    Ok(ImportPlan {
        settings,
        changed,
        version,
        legacy,
        notices,
    })
}

/// Ids of the settings whose values differ between `a` and `b`, in schema order.
pub fn changed_ids(a: &Settings, b: &Settings) -> Vec<String> {
    schema()
        .iter()
        .filter(|s| a.value_of(s.id) != b.value_of(s.id))
        .map(|s| s.id.to_string())
        .collect()
}
