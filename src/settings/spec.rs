//! What one setting is (its schema entry) and how each kind of value is read,
//! checked against its range and written back as JSON.

use std::collections::HashSet;

use serde::{Serialize, Serializer};
use serde_json::Value;

/// Most entries a keyword list may hold.
pub const KEYWORDS_MAX_COUNT: usize = 200;
/// Longest keyword, in characters.
pub const KEYWORD_MAX_CHARS: usize = 100;

/// The kind of value a setting holds; the options page picks its input from it.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SettingKind {
    /// A decimal number.
    Number,
    /// A whole number.
    Integer,
    /// On or off.
    Bool,
    /// A list of keywords, one a line.
    Keywords,
}

/// One setting's schema entry, as the options page receives it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct SettingSpec {
    /// Dotted id, e.g. `"begging.points"`: the key in the saved `values`.
    pub id: &'static str,
    /// Section of the options page; sections appear in schema order.
    pub group: &'static str,
    /// Name shown on the options page.
    pub label: &'static str,
    /// One or two sentences under the name.
    pub help: &'static str,
    /// Which input the options page shows.
    pub kind: SettingKind,
    /// Smallest value allowed (numbers only).
    #[serde(serialize_with = "plain_number")]
    pub min: Option<f64>,
    /// Largest value allowed (numbers only).
    #[serde(serialize_with = "plain_number")]
    pub max: Option<f64>,
    /// Step of the number input (numbers only).
    #[serde(serialize_with = "plain_number")]
    pub step: Option<f64>,
    /// Unit shown after the input ("days", "points").
    pub unit: Option<&'static str>,
    /// The default value, as JSON.
    pub default: Value,
    /// Where the default comes from (a study, an audit tool's rule, a user's words).
    pub source: &'static str,
}

/// Writes whole numbers as JSON integers (5000, not 5000.0).
fn plain_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number_value(*v).serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// A JSON number, integral when the value is whole.
pub fn number_value(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

impl SettingKind {
    /// The kind's JSON name (snake_case, as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            SettingKind::Number => "number",
            SettingKind::Integer => "integer",
            SettingKind::Bool => "bool",
            SettingKind::Keywords => "keywords",
        }
    }
}

impl crate::json_out::WriteJson for SettingKind {
    fn write_json(&self, out: &mut String) {
        crate::json_out::string(out, self.name());
    }
}

/// A bound as [`plain_number`] writes it (whole numbers as integers).
fn write_plain_number(out: &mut String, value: Option<f64>) {
    use crate::json_out::WriteJson;
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => crate::json_out::int(out, v as i64),
        Some(v) => v.write_json(out),
        None => out.push_str("null"),
    }
}

/// The same text as the derive above, without serde's serializer (what the
/// wasm writes; `tests/json_out_props.rs`).
impl crate::json_out::WriteJson for SettingSpec {
    fn write_json(&self, out: &mut String) {
        let mut o = crate::json_out::Obj::new(out);
        o.field("id", self.id)
            .field("group", self.group)
            .field("label", self.label)
            .field("help", self.help)
            .field("kind", &self.kind);
        write_plain_number(o.key("min"), self.min);
        write_plain_number(o.key("max"), self.max);
        write_plain_number(o.key("step"), self.step);
        o.field("unit", &self.unit)
            .field("default", &self.default)
            .field("source", self.source)
            .end();
    }
}

/// A number as people read it in a message: "5000", "0.3".
pub fn show_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        crate::json_out::shortest(v)
    }
}

/// The fixed parts of one schema entry (the settings table's rows); the
/// default value is added when the entry is built ([`SpecRow::spec`]).
pub struct SpecRow {
    pub id: &'static str,
    pub group: &'static str,
    pub label: &'static str,
    /// Not in the wasm build (the pages read help from `_locales`).
    #[cfg(not(target_arch = "wasm32"))]
    pub help: &'static str,
    pub kind: SettingKind,
    /// `[min, max, step]`, empty for bools and keyword lists.
    pub bounds: &'static [f64],
    pub unit: &'static str,
    /// Not in the wasm build (the options page reads `setting-sources.js`).
    #[cfg(not(target_arch = "wasm32"))]
    pub source: &'static str,
}

impl SpecRow {
    /// The schema entry, with its default value (help and source empty in
    /// the wasm build).
    pub fn spec(&self, default: Value) -> SettingSpec {
        #[cfg(not(target_arch = "wasm32"))]
        let (help, source) = (self.help, self.source);
        #[cfg(target_arch = "wasm32")]
        let (help, source) = ("", "");
        SettingSpec::new(
            self.id,
            self.group,
            self.label,
            help,
            self.kind,
            self.bounds,
            self.unit,
            default,
            source,
        )
    }
}

impl SettingSpec {
    /// Builds an entry; `bounds` is `[min, max, step]` (empty for bools and keyword lists).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: &'static str,
        group: &'static str,
        label: &'static str,
        help: &'static str,
        kind: SettingKind,
        bounds: &[f64],
        unit: &'static str,
        default: Value,
        source: &'static str,
    ) -> Self {
        SettingSpec {
            id,
            group,
            label,
            help,
            kind,
            min: bounds.first().copied(),
            max: bounds.get(1).copied(),
            step: bounds.get(2).copied(),
            unit: if unit.is_empty() { None } else { Some(unit) },
            default,
            source,
        }
    }

    /// "from 0 to 100 points" (or "of at least 0" when there is no upper bound).
    pub fn range_words(&self) -> String {
        let unit = self.unit.map(|u| format!(" {u}")).unwrap_or_default();
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => {
                format!("from {} to {}{unit}", show_number(lo), show_number(hi))
            }
            (Some(lo), None) => format!("of at least {}{unit}", show_number(lo)),
            (None, Some(hi)) => format!("of at most {}{unit}", show_number(hi)),
            (None, None) => "of any size".to_string(),
        }
    }

    fn in_range(&self, v: f64) -> bool {
        !matches!(self.min, Some(lo) if v < lo) && !matches!(self.max, Some(hi) if v > hi)
    }
}

/// A short, safe rendering of a rejected value for an error message.
fn got(value: &Value) -> String {
    let text = crate::json_out::to_json(value);
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// A Rust type a setting can hold: how it reads, checks and writes itself.
pub trait SettingValue: Sized {
    const KIND: SettingKind;
    fn to_value(&self) -> Value;
    /// Reads a value and checks it against the spec; the error names the setting.
    fn parse(value: &Value, spec: &SettingSpec) -> Result<Self, String>;
    /// The field, typed by kind, for reading.
    fn slot(&self) -> Slot<'_>;
    /// The field, typed by kind, for writing.
    fn slot_mut(&mut self) -> SlotMut<'_>;
}

/// One setting's field by kind: code that reads any setting matches on the
/// four kinds once instead of once per setting (the wasm size).
pub enum Slot<'a> {
    Number(&'a f64),
    Integer(&'a i64),
    Bool(&'a bool),
    Keywords(&'a Vec<String>),
}

/// One setting's field by kind, for writing (see [`Slot`]).
pub enum SlotMut<'a> {
    Number(&'a mut f64),
    Integer(&'a mut i64),
    Bool(&'a mut bool),
    Keywords(&'a mut Vec<String>),
}

impl Slot<'_> {
    /// The field's JSON value.
    pub fn to_value(&self) -> Value {
        match self {
            Slot::Number(v) => v.to_value(),
            Slot::Integer(v) => v.to_value(),
            Slot::Bool(v) => v.to_value(),
            Slot::Keywords(v) => v.to_value(),
        }
    }
}

impl SlotMut<'_> {
    /// Reads `value` into the field after checking it against `spec`; on
    /// error the field keeps its value.
    pub fn set(self, value: &Value, spec: &SettingSpec) -> Result<(), String> {
        match self {
            SlotMut::Number(f) => f64::parse(value, spec).map(|v| *f = v),
            SlotMut::Integer(f) => i64::parse(value, spec).map(|v| *f = v),
            SlotMut::Bool(f) => bool::parse(value, spec).map(|v| *f = v),
            SlotMut::Keywords(f) => Vec::<String>::parse(value, spec).map(|v| *f = v),
        }
    }
}

impl SettingValue for f64 {
    const KIND: SettingKind = SettingKind::Number;
    fn slot(&self) -> Slot<'_> {
        Slot::Number(self)
    }
    fn slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Number(self)
    }
    fn to_value(&self) -> Value {
        number_value(*self)
    }
    fn parse(value: &Value, spec: &SettingSpec) -> Result<Self, String> {
        match value.as_f64() {
            Some(v) if v.is_finite() && spec.in_range(v) => Ok(v),
            _ => Err(format!(
                "{} must be a number {}; got {}.",
                spec.label,
                spec.range_words(),
                got(value)
            )),
        }
    }
}

impl SettingValue for i64 {
    const KIND: SettingKind = SettingKind::Integer;
    fn slot(&self) -> Slot<'_> {
        Slot::Integer(self)
    }
    fn slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Integer(self)
    }
    fn to_value(&self) -> Value {
        Value::from(*self)
    }
    fn parse(value: &Value, spec: &SettingSpec) -> Result<Self, String> {
        let whole = value.as_i64().or_else(|| {
            value
                .as_f64()
                .filter(|v| v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15)
                .map(|v| v as i64)
        });
        match whole {
            Some(v) if spec.in_range(v as f64) => Ok(v),
            _ => Err(format!(
                "{} must be a whole number {}; got {}.",
                spec.label,
                spec.range_words(),
                got(value)
            )),
        }
    }
}

impl SettingValue for bool {
    const KIND: SettingKind = SettingKind::Bool;
    fn slot(&self) -> Slot<'_> {
        Slot::Bool(self)
    }
    fn slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Bool(self)
    }
    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
    fn parse(value: &Value, spec: &SettingSpec) -> Result<Self, String> {
        value.as_bool().ok_or_else(|| {
            format!(
                "{} must be on or off (true or false); got {}.",
                spec.label,
                got(value)
            )
        })
    }
}

impl SettingValue for Vec<String> {
    const KIND: SettingKind = SettingKind::Keywords;
    fn slot(&self) -> Slot<'_> {
        Slot::Keywords(self)
    }
    fn slot_mut(&mut self) -> SlotMut<'_> {
        SlotMut::Keywords(self)
    }
    fn to_value(&self) -> Value {
        Value::from(self.clone())
    }
    fn parse(value: &Value, spec: &SettingSpec) -> Result<Self, String> {
        let Some(items) = value.as_array() else {
            return Err(format!(
                "{} must be a list of words or phrases; got {}.",
                spec.label,
                got(value)
            ));
        };
        let mut out: Vec<String> = Vec::new();
        // Lower-cased entries already kept: one hash lookup per entry keeps
        // validation linear (a 10,000-entry list used to take 52 s).
        let mut seen: HashSet<String> = HashSet::new();
        for item in items {
            let Some(text) = item.as_str() else {
                return Err(format!(
                    "{}: every entry must be text; got {}.",
                    spec.label,
                    got(item)
                ));
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if text.chars().count() > KEYWORD_MAX_CHARS {
                return Err(format!(
                    "{}: entries can be at most {KEYWORD_MAX_CHARS} characters; \"{}…\" is longer.",
                    spec.label,
                    text.chars().take(30).collect::<String>()
                ));
            }
            if seen.insert(crate::case::lower(text)) {
                out.push(text.to_string());
            }
        }
        if out.len() > KEYWORDS_MAX_COUNT {
            return Err(format!(
                "{} can hold at most {KEYWORDS_MAX_COUNT} entries; it has {}.",
                spec.label,
                out.len()
            ));
        }
        Ok(out)
    }
}

/// A keyword list from string literals (for defaults).
pub fn keywords(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}
