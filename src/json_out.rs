//! JSON text for everything the wasm hands out, without serde's serializer
//! (`derive(Serialize)` and `serde_json::ser` cost the wasm tens of KB).
//!
//! A type writes itself with [`WriteJson`]; [`to_json`] gives its text. The
//! text is byte-identical to `serde_json::to_string` of the same value:
//! strings escaped as serde_json escapes them (`"`, `\`, the control
//! characters; nothing else), integers in decimal, floats in their shortest
//! round-trip form by the same printer serde_json uses (`zmij`), NaN and the
//! infinities as `null`. The derives stay on the types for the native tools,
//! and the property tests (`tests/json_out_props.rs`) hold the two equal.
//!
//! Also the float printers for messages and evidence ([`fixed`], [`shortest`]),
//! exactly `format!("{:.*}", d, v)` and `format!("{v}")` but without
//! `core::fmt`'s float code (`tests/decimal_props.rs`).

mod decimal;
mod model;

pub use decimal::{fixed, shortest};

/// A value that writes itself as JSON text.
pub trait WriteJson {
    /// Appends the value's JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// The JSON text of `value`.
pub fn to_json<T: WriteJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Appends `s` as a JSON string, escaped exactly as serde_json escapes it.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    loop {
        // The bytes that need escaping are the reader's special bytes.
        i = crate::read::pull::plain_end(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        i += 1;
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => "",
        };
        // Only ASCII bytes are split on, so both sides stay whole characters.
        out.push_str(s.get(start..i - 1).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Appends an unsigned integer in decimal.
pub fn uint(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[at..] {
        out.push(char::from(d));
    }
}

/// Appends a signed integer in decimal.
pub fn int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    uint(out, n.unsigned_abs());
}

/// Appends a float as serde_json writes it: shortest round-trip digits
/// (`1.0`, `0.3`, `1e+20` as `zmij` prints them), `null` when not finite.
pub fn float(out: &mut String, v: f64) {
    if v.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(v));
    } else {
        out.push_str("null");
    }
}

/// An object being written: `{`, then one `"key":value` per [`Obj::field`],
/// then `}` at [`Obj::end`]. Keys are written as given (they are the field
/// names of our own types: plain ASCII, nothing to escape).
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    /// Starts an object.
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }

    /// The key of the next member, followed by its `:`; the caller writes the value.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }

    /// One member.
    pub fn field<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        value.write_json(self.key(key));
        self
    }

    /// One member when `value` is `Some` (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn some<T: WriteJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if let Some(v) = value {
            self.field(key, v);
        }
        self
    }

    /// Ends the object.
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// Appends `items` as a JSON array.
pub fn array<T: WriteJson>(out: &mut String, items: impl IntoIterator<Item = T>) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

impl WriteJson for str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl WriteJson for f64 {
    fn write_json(&self, out: &mut String) {
        float(out, *self);
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl WriteJson for $t {
            fn write_json(&self, out: &mut String) {
                uint(out, *self as u64);
            }
        }
    )*};
}
unsigned!(u8, u32, u64, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl WriteJson for $t {
            fn write_json(&self, out: &mut String) {
                int(out, i64::from(*self));
            }
        }
    )*};
}
signed!(i32, i64);

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut String) {
        array(out, self);
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        array(out, self.as_slice());
    }
}

/// Numbers as serde_json keeps them: an unsigned or a negative integer as
/// read, anything else a float.
impl WriteJson for serde_json::Number {
    fn write_json(&self, out: &mut String) {
        if let Some(u) = self.as_u64() {
            uint(out, u);
        } else if let Some(i) = self.as_i64() {
            int(out, i);
        } else {
            float(out, self.as_f64().unwrap_or(f64::NAN));
        }
    }
}

/// An untyped value (settings documents), its object members in the map's
/// order, as serde_json writes it.
impl WriteJson for serde_json::Value {
    fn write_json(&self, out: &mut String) {
        use serde_json::Value;
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => n.write_json(out),
            Value::String(s) => string(out, s),
            Value::Array(items) => array(out, items),
            Value::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(out, k);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }
}
