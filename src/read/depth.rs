//! Bounds on a JavaScript value before it becomes JSON text: the wasm entry
//! points check every JS value with [`check_bounds`] before `JSON.stringify`,
//! so a deeply nested (or cyclic) object from a settings file or a page message
//! is refused with a message instead of recursing until the stack overflows (a
//! trap, or a `RangeError` with no word of what was wrong). The number of
//! values is bounded too: a JavaScript object graph can share children, so a
//! small object can stand for an exponentially large tree (and text).

/// Deepest nesting of arrays and objects accepted from JavaScript (settings
/// are 3 deep, verdict requests under 10).
pub const MAX_JS_DEPTH: usize = 64;
/// Most arrays, objects and entries read from one JavaScript value (a
/// 10,000-entry keyword list or a page of verdict requests is far below it).
pub const MAX_JS_VALUES: usize = 1_000_000;

/// A tree of values as [`check_bounds`] walks it: a JS value in wasm, a
/// `serde_json::Value` in tests.
pub trait Nested {
    /// True for an array or an object (whose children count and nest).
    fn is_compound(&self) -> bool;
    /// Calls `each` on every child of an array or object, in order, stopping
    /// at its first error (or at an error reading the children).
    fn each_child(&self, each: &mut dyn FnMut(&Self) -> Result<(), String>) -> Result<(), String>;
}

/// Refuses a value whose arrays and objects nest deeper than [`MAX_JS_DEPTH`]
/// or that holds more than [`MAX_JS_VALUES`] values, with why.
pub fn check_bounds<T: Nested>(value: &T) -> Result<(), String> {
    let mut budget = MAX_JS_VALUES;
    check(value, MAX_JS_DEPTH, &mut budget)
}

/// [`check_bounds`] with `left` more levels allowed at `value` and `budget`
/// values still allowed in all.
fn check<T: Nested>(value: &T, left: usize, budget: &mut usize) -> Result<(), String> {
    if !value.is_compound() {
        return Ok(());
    }
    let inner = left
        .checked_sub(1)
        .ok_or_else(|| format!("nested deeper than {MAX_JS_DEPTH} levels"))?;
    value.each_child(&mut |child| {
        *budget = budget
            .checked_sub(1)
            .ok_or_else(|| format!("more than {MAX_JS_VALUES} values"))?;
        check(child, inner, budget)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    impl Nested for Value {
        fn is_compound(&self) -> bool {
            matches!(self, Value::Array(_) | Value::Object(_))
        }
        fn each_child(
            &self,
            each: &mut dyn FnMut(&Self) -> Result<(), String>,
        ) -> Result<(), String> {
            match self {
                Value::Array(items) => items.iter().try_for_each(each),
                Value::Object(map) => map.values().try_for_each(each),
                _ => Ok(()),
            }
        }
    }

    fn nested(depth: usize) -> String {
        format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
    }

    fn parse(text: &str) -> Result<Value, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        check_bounds(&value).map(|()| value)
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
        assert!(e.contains("nested deeper than 64 levels"), "{e}");
        let objects = format!("{}1{}", r#"{"a":"#.repeat(100), "}".repeat(100));
        assert!(parse(&objects).is_err());
    }

    #[test]
    fn refuses_more_values_than_the_budget() {
        let wide = format!("[{}0]", "0,".repeat(MAX_JS_VALUES));
        let e = parse(&wide).expect_err("too many");
        assert!(e.contains("more than 1000000 values"), "{e}");
        let fits = format!("[{}0]", "0,".repeat(MAX_JS_VALUES - 1));
        assert!(parse(&fits).is_ok());
    }

    #[test]
    fn refuses_deep_values_whatever_their_source_allows() {
        // A `Value` built in memory has no recursion limit of its own.
        let mut deep = Value::from(1);
        for _ in 0..5_000 {
            deep = Value::Array(vec![deep]);
        }
        assert!(check_bounds(&deep).is_err());
        // Drop it iteratively so the test itself needs no deep stack.
        let mut v = deep;
        while let Value::Array(mut items) = v {
            v = items.pop().unwrap_or(Value::Null);
        }
    }
}
