//! Readers that accept the drift the API's documentation shows: numbers sent as strings,
//! booleans sent as 0/1 or "yes"/"no", ids sent as numbers where strings are expected.
//! The models read through these ([`super::json`]), and so does the reply envelope.

/// The rules themselves, over a JSON value. The models' readers ([`super::json`]) and the reply
/// envelope (`crate::envelope`) both go through these, so each rule is written once.
pub mod read {
    use serde_json::Value;

    use super::Number;

    /// What a JSON value is, for messages.
    pub fn kind(v: &Value) -> &'static str {
        match v {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }

    /// `v` as compact JSON text. Not `v.to_string()`: `Display` carries its own (and a
    /// pretty) copy of the serializer, a second one in every bundle that also writes JSON.
    pub fn json_text(v: &Value) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }

    /// A number, or a numeric string; `null` and an empty string read as `None`.
    pub fn opt_num<T: Number>(v: Value) -> Result<Option<T>, String> {
        let n = match &v {
            Value::Null => return Ok(None),
            Value::Bool(b) => T::from_u64(u64::from(*b)),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => T::from_u64(u),
                (_, Some(i), _) => T::from_i64(i),
                (_, _, Some(f)) => {
                    return T::from_f64(f).map(Some).ok_or_else(|| format!("{} is not a whole number", crate::number::float_text(f)))
                }
                _ => None,
            },
            Value::String(s) => {
                let t = s.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                return T::parse_text(t).map(Some).ok_or_else(|| format!("\"{s}\" is not a number"));
            }
            other => return Err(format!("expected a number or a numeric string, found {}", kind(other))),
        };
        n.map(Some).ok_or_else(|| format!("{} is out of range", json_text(&v)))
    }

    /// A boolean, `0`/`1`, or `"yes"`/`"no"`/`"true"`/`"1"`/`"on"`...; `null` reads as `None`.
    pub fn opt_flag(v: Value) -> Result<Option<bool>, String> {
        match v {
            Value::Null => Ok(None),
            Value::Bool(b) => Ok(Some(b)),
            Value::Number(n) => Ok(Some(n.as_f64() != Some(0.0))),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "" => Ok(None),
                "1" | "true" | "yes" | "y" | "on" => Ok(Some(true)),
                "0" | "false" | "no" | "n" | "off" => Ok(Some(false)),
                _ => Err(format!("\"{s}\" is not a boolean")),
            },
            other => Err(format!("expected a boolean, 0/1 or yes/no, found {}", kind(&other))),
        }
    }

    /// A string that may have been sent as a number or a boolean; `null` reads as `None`.
    pub fn opt_string(v: Value) -> Result<Option<String>, String> {
        match v {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s)),
            Value::Bool(b) => Ok(Some(b.to_string())),
            Value::Number(n) => Ok(Some(match n.as_f64() {
                Some(f) if !n.is_u64() && !n.is_i64() => crate::number::float_text(f),
                _ => n.to_string(),
            })),
            other => Err(format!("expected a string, found {}", kind(&other))),
        }
    }
}

/// The numeric types the lenient readers produce.
pub trait Number: Sized {
    fn from_i64(v: i64) -> Option<Self>;
    fn from_u64(v: u64) -> Option<Self>;
    fn from_f64(v: f64) -> Option<Self>;
    /// Reads a numeric string (already trimmed).
    fn parse_text(s: &str) -> Option<Self>;
}

macro_rules! whole_number {
    ($($t:ty),*) => {$(
        impl Number for $t {
            fn from_i64(v: i64) -> Option<Self> { <$t>::try_from(v).ok() }
            fn from_u64(v: u64) -> Option<Self> { <$t>::try_from(v).ok() }
            fn from_f64(v: f64) -> Option<Self> {
                (v.fract() == 0.0 && v >= <$t>::MIN as f64 && v <= <$t>::MAX as f64).then(|| v as $t)
            }
            fn parse_text(s: &str) -> Option<Self> { s.parse().ok() }
        }
    )*};
}
whole_number!(i32, i64, u32, u64);

impl Number for f64 {
    fn from_i64(v: i64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(v)
    }
    /// Through serde_json's number reader (linked anyway) rather than `f64::from_str` (~8 KB).
    fn parse_text(s: &str) -> Option<Self> {
        crate::number::parse_number(s)
    }
}
