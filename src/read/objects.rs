//! Records read from JSON objects only, with one serde reader each: the types
//! named in [`objects_only!`] derive their serde code as inherent functions
//! (`#[serde(remote = "Self")]`) and get trait impls here that read a JSON
//! object and nothing else. serde's own `deserialize_struct` also reads a
//! struct from an array, field by field in order: code in the wasm for every
//! such type that no caller wants (our files, the records and the page's
//! messages write objects). An array now reads as "invalid type: sequence,
//! expected an object", as the typed page reader's objects already do.
//!
//! A type named here needs `#[serde(remote = "Self")]` beside its derives.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, MapAccess, Visitor};

/// A type whose derived reader (`T::deserialize`, inherent) is to read JSON objects only.
pub(crate) trait FromObject<'de>: Sized {
    /// The derived reader, given an object's entries.
    fn from_entries<A: MapAccess<'de>>(map: MapAccessDeserializer<A>) -> Result<Self, A::Error>;
    /// The derived reader, given [`Shape`] (which only notes what it is asked for).
    fn shape(probe: Shape) -> Result<Self, Shape>;
}

/// A deserializer that only notes the struct name and field names serde's
/// derive asks `deserialize_struct` for (they are private to the derive), so
/// [`object_only`] can ask the real deserializer for the same struct.
#[derive(Debug)]
pub(crate) struct Shape(Option<(&'static str, &'static [&'static str])>);

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not a struct")
    }
}

impl std::error::Error for Shape {}

impl serde::de::Error for Shape {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Shape(None)
    }
}

impl<'de> Deserializer<'de> for Shape {
    type Error = Shape;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Shape> {
        Err(Shape(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Shape> {
        Err(Shape(Some((name, fields))))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Reads `T` from a JSON object only (asking for the struct serde's derive
/// names, so a deserializer sees the same `deserialize_struct` call).
pub(crate) fn object_only<'de, D: Deserializer<'de>, T: FromObject<'de>>(
    d: D,
) -> Result<T, D::Error> {
    struct V<T>(PhantomData<T>);
    impl<'de, T: FromObject<'de>> Visitor<'de> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::from_entries(MapAccessDeserializer::new(map))
        }
    }
    match T::shape(Shape(None)) {
        Err(Shape(Some((name, fields)))) => d.deserialize_struct(name, fields, V(PhantomData)),
        _ => d.deserialize_map(V(PhantomData)),
    }
}

/// The serde trait impls of types that derive with `#[serde(remote = "Self")]`:
/// `Serialize` as derived, `Deserialize` from an object only.
macro_rules! objects_only {
    ($($t:ty),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }
        impl<'de> FromObject<'de> for $t {
            fn from_entries<A: MapAccess<'de>>(
                map: MapAccessDeserializer<A>,
            ) -> Result<Self, A::Error> {
                <$t>::deserialize(map)
            }
            fn shape(probe: Shape) -> Result<Self, Shape> {
                <$t>::deserialize(probe)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                object_only(d)
            }
        }
    )*};
}

objects_only!(
    crate::model::Account,
    crate::model::Tweet,
    crate::model::Interaction,
    crate::model::Snapshot,
    crate::memory::EntryData,
    crate::boundary::VerdictRequest,
    crate::boundary::InteractionRequest,
    super::dom::DomFacts,
    super::dom_tweet::DomLink,
    super::dom_tweet::DomTweet,
);

#[cfg(test)]
mod tests {
    use crate::boundary::VerdictRequest;
    use crate::model::{Account, Interaction, InteractionKind, Source};

    #[test]
    fn objects_read_as_derived_and_round_trip() {
        let a: Account = serde_json::from_str(r#"{"handle":"ann","followers":12,"bogus":[1]}"#)
            .expect("an object reads");
        assert_eq!((a.handle.as_str(), a.followers), ("ann", Some(12)));
        let mut b = Account::with_handle("bob", Source::Graphql);
        b.following = Some(7);
        let text = serde_json::to_string(&b).expect("writes");
        assert_eq!(
            serde_json::from_str::<Account>(&text).expect("reads back"),
            b
        );
        let i: Interaction = serde_json::from_str(r#"{"handle":"cy","kind":"liked","at":5}"#)
            .expect("an interaction");
        assert_eq!((i.kind, i.at), (InteractionKind::Liked, Some(5)));
        // Absent optional parts, `null` ones and missing required fields behave as derived.
        let r: VerdictRequest =
            serde_json::from_str(r#"{"handle":"dee","dom":null}"#).expect("request");
        assert_eq!((r.handle.as_deref(), r.dom), (Some("dee"), None));
        let e = serde_json::from_str::<Interaction>(r#"{"handle":"cy"}"#).expect_err("no kind");
        assert!(e.to_string().contains("missing field `kind`"), "{e}");
    }

    #[test]
    fn arrays_are_not_read_as_records() {
        for text in [r#"["1","ann"]"#, "[]", r#""ann""#, "3"] {
            let e = serde_json::from_str::<Account>(text).expect_err(text);
            assert!(e.to_string().contains("expected an object"), "{text}: {e}");
        }
        let e = serde_json::from_str::<VerdictRequest>(r#"{"dom":["x"]}"#).expect_err("dom array");
        assert!(e.to_string().contains("expected an object"), "{e}");
    }
}
