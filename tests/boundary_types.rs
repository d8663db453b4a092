//! The TypeScript declarations of the wasm boundary (`boundary::TYPESCRIPT`,
//! emitted into followback.d.ts) name exactly the fields serde reads and
//! writes for each Rust type: a field added, renamed or removed in Rust fails
//! here until the declaration follows.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::Serialize;

use followback::boundary::{
    self, ImportReport, IngestReport, InteractionRequest, RecordedReport, RememberedVerdict,
    Repaired, SettingsReport, Validation, VerdictRequest,
};
use followback::model::Viewer;
use followback::read::dom::DomFacts;
use followback::read::dom_tweet::{DomLink, DomTweet};
use followback::settings::FieldError;
use followback::verdict::Confidence;
use followback::{score, Account, Evidence, Settings, Source, Subject, Verdict};

/// Field names of every `export interface` in the declarations.
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let text = boundary::TYPESCRIPT;
    let mut rest = text;
    while let Some(at) = rest.find("export interface ") {
        let after = &rest[at + "export interface ".len()..];
        let name: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        let open = after.find('{').expect("interface body");
        let close = after.find("\n}").map_or_else(
            || after.find('}').expect("interface end"),
            |multi| after[..multi].find('}').unwrap_or(multi),
        );
        let body = &after[open + 1..close];
        let mut fields = BTreeSet::new();
        for part in body.split([';', '\n']) {
            let part = part.trim();
            if part.is_empty() || part.starts_with("/*") || part.starts_with('*') {
                continue;
            }
            if let Some((field, _)) = part.split_once(':') {
                fields.insert(field.trim().trim_end_matches('?').to_string());
            }
        }
        out.insert(name, fields);
        rest = &after[close..];
    }
    out
}

/// Why [`FieldNames`] stopped (always: it only wants the names).
#[derive(Debug)]
struct Stop(Option<&'static [&'static str]>);

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field names captured")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Stop(None)
    }
}

/// A deserializer that only captures the field names serde asks a struct for.
struct FieldNames;

impl<'de> Deserializer<'de> for FieldNames {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        Err(Stop(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        Err(Stop(Some(fields)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The names serde reads for struct `T` (after renames).
fn read_fields<'de, T: Deserialize<'de>>() -> BTreeSet<String> {
    match T::deserialize(FieldNames) {
        Err(Stop(Some(fields))) => fields.iter().map(|f| f.to_string()).collect(),
        _ => panic!("not a struct"),
    }
}

/// The keys serde writes for `value`.
fn written_fields<T: Serialize>(value: &T) -> BTreeSet<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
        other => panic!("not an object: {other:?}"),
    }
}

fn sample_verdict() -> Verdict {
    let account = Account::with_handle("ann", Source::Graphql);
    score::score(&Subject::profile(&account), &Settings::default(), 0)
}

#[test]
fn every_declared_interface_has_exactly_the_rust_fields() {
    let declared = declared();
    let account = Account::with_handle("ann", Source::Graphql);
    let verdict = sample_verdict();
    let rust: Vec<(&str, BTreeSet<String>)> = vec![
        ("Verdict", read_fields::<Verdict>()),
        ("Evidence", read_fields::<Evidence>()),
        ("Confidence", read_fields::<Confidence>()),
        ("DomFacts", read_fields::<DomFacts>()),
        ("DomLink", read_fields::<DomLink>()),
        ("DomTweet", read_fields::<DomTweet>()),
        ("Account", read_fields::<Account>()),
        ("VerdictRequest", read_fields::<VerdictRequest>()),
        ("InteractionRequest", read_fields::<InteractionRequest>()),
        ("FieldError", read_fields::<FieldError>()),
        ("Validation", read_fields::<Validation>()),
        ("SettingsReport", read_fields::<SettingsReport>()),
        ("IngestReport", read_fields::<IngestReport>()),
        ("Viewer", read_fields::<Viewer>()),
        ("ImportReport", read_fields::<ImportReport>()),
        ("RecordedReport", read_fields::<RecordedReport>()),
        ("StoredSettings", written_fields(&Settings::default())),
        (
            "Repaired",
            written_fields(&Repaired {
                settings: Settings::default(),
                notices: Vec::new(),
            }),
        ),
        (
            "RememberedVerdict",
            written_fields(&RememberedVerdict {
                verdict,
                account: &account,
                seen_at: 0,
            }),
        ),
        (
            "SettingSpec",
            written_fields(&followback::settings::schema()[0]),
        ),
    ];
    let checked: BTreeSet<&str> = rust.iter().map(|(n, _)| *n).collect();
    let undeclared: Vec<&String> = declared
        .keys()
        .filter(|k| !checked.contains(k.as_str()))
        .collect();
    assert!(
        undeclared.is_empty(),
        "declared but not checked here: {undeclared:?}"
    );
    for (name, fields) in rust {
        let Some(ts) = declared.get(name) else {
            panic!("{name} is not declared in boundary::TYPESCRIPT");
        };
        assert_eq!(
            ts, &fields,
            "boundary::TYPESCRIPT interface {name} vs the Rust type's serde fields"
        );
    }
}

#[test]
fn declared_string_unions_are_the_serde_names() {
    let text = boundary::TYPESCRIPT;
    let level = serde_json::to_value(sample_verdict().level).expect("a level");
    assert!(
        text.contains(&format!("{level}")),
        "Level union names {level}"
    );
    for level in ["follow_back", "maybe", "skip", "not_enough_data"] {
        let parsed: Result<followback::Level, _> = serde_json::from_value(serde_json::json!(level));
        assert!(parsed.is_ok(), "{level} is a Level");
        assert!(text.contains(&format!("\"{level}\"")), "{level} declared");
    }
    for kind in [
        "followed",
        "liked",
        "reposted",
        "replied",
        "mentioned",
        "messaged",
    ] {
        let parsed: Result<followback::InteractionKind, _> =
            serde_json::from_value(serde_json::json!(kind));
        assert!(parsed.is_ok(), "{kind} is an InteractionKind");
        assert!(text.contains(&format!("\"{kind}\"")), "{kind} declared");
    }
}
