//! A JSON value from any serde deserializer with bounded nesting: the wasm
//! entry points turn JavaScript values into JSON through it, so a deeply
//! nested (or cyclic) object from a settings file or a page message is refused
//! with a message instead of recursing until the stack overflows (a trap that
//! leaves the wasm module unusable for the rest of the page's life). The
//! number of values read is bounded too: a JavaScript object graph can share
//! children, so a small object can stand for an exponentially large tree.

use std::cell::Cell;

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Deepest nesting of arrays and objects accepted from JavaScript (settings
/// are 3 deep, verdict requests under 10).
pub const MAX_JS_DEPTH: usize = 64;
/// Most arrays, objects and entries read from one JavaScript value (a
/// 10,000-entry keyword list or a page of verdict requests is far below it).
pub const MAX_JS_VALUES: usize = 1_000_000;

/// Reads a JSON value from `deserializer`, refusing arrays and objects nested
/// deeper than [`MAX_JS_DEPTH`] or holding more than [`MAX_JS_VALUES`] values.
pub fn bounded_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
    let budget = Cell::new(MAX_JS_VALUES);
    Seed {
        left: MAX_JS_DEPTH,
        budget: &budget,
    }
    .deserialize(deserializer)
}

/// One level of the value being read, with `left` more levels allowed below
/// it and the values still allowed in all.
#[derive(Clone, Copy)]
struct Seed<'b> {
    left: usize,
    budget: &'b Cell<usize>,
}

impl<'b> Seed<'b> {
    fn deeper<E: Error>(self) -> Result<Seed<'b>, E> {
        match self.left.checked_sub(1) {
            Some(left) => Ok(Seed {
                left,
                budget: self.budget,
            }),
            None => Err(E::custom(format!(
                "nested deeper than {MAX_JS_DEPTH} levels"
            ))),
        }
    }

    /// Counts one value read.
    fn spend<E: Error>(self) -> Result<(), E> {
        match self.budget.get().checked_sub(1) {
            Some(rest) => {
                self.budget.set(rest);
                Ok(())
            }
            None => Err(E::custom(format!("more than {MAX_JS_VALUES} values"))),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Value, E> {
        // NaN and infinities have no JSON form: null, as JSON.stringify writes them.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Array(v.iter().map(|b| Value::from(*b)).collect()))
    }

    fn visit_none<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(inner)? {
            self.spend()?;
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            self.spend()?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
    }

    fn parse(text: &str) -> Result<Value, serde_json::Error> {
        bounded_value(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn reads_values_exactly_as_serde_json_does() {
        let text = r#"{"version":2,"values":{"a":[1,-2,3.5,"x",true,null,{"b":[]}]},"big":18446744073709551615}"#;
        let plain: Value = serde_json::from_str(text).expect("json");
        assert_eq!(parse(text).expect("bounded"), plain);
    }

    #[test]
    fn refuses_nesting_beyond_the_limit() {
        assert!(parse(&nested(MAX_JS_DEPTH)).is_ok());
        let e = parse(&nested(MAX_JS_DEPTH + 1)).expect_err("too deep");
        assert!(
            e.to_string().contains("nested deeper than 64 levels"),
            "{e}"
        );
        let objects = format!("{}1{}", r#"{"a":"#.repeat(100), "}".repeat(100));
        assert!(parse(&objects).is_err());
    }

    #[test]
    fn refuses_more_values_than_the_budget() {
        let wide = format!("[{}0]", "0,".repeat(MAX_JS_VALUES));
        let e = parse(&wide).expect_err("too many");
        assert!(e.to_string().contains("more than 1000000 values"), "{e}");
        let fits = format!("[{}0]", "0,".repeat(MAX_JS_VALUES - 1));
        assert!(parse(&fits).is_ok());
    }

    #[test]
    fn refuses_deep_values_whatever_the_deserializer_allows() {
        // A `Value` as deserializer has no recursion limit of its own.
        let mut deep = Value::from(1);
        for _ in 0..5_000 {
            deep = Value::Array(vec![deep]);
        }
        assert!(bounded_value(&deep).is_err());
        // Drop it iteratively so the test itself needs no deep stack.
        let mut v = deep;
        while let Value::Array(mut items) = v {
            v = items.pop().unwrap_or(Value::Null);
        }
    }
}
