//! Tolerant reading of reply data straight from the JSON, field by field.
//!
//! Why not the core's models: the widgets show a handful of fields of nine models, and reading
//! the whole models cost kilobytes each (with derived `Deserialize`, that put the bundle some 20%
//! over its budget; the models' readers are smaller since `#[derive(FromJson)]`, but still read
//! every field). These
//! accessors keep the core's tolerance where the widgets need it: numbers that arrive as
//! strings, missing fields and `null` lists, enum values in any case, a person as a bare name.

use serde_json::Value;

/// A list, or nothing (`null`, missing, not a list).
pub fn items(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// A string field (numbers as text); `None` when missing or blank.
pub fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A number field, from a number or a numeric string.
pub fn num(v: &Value, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => webwork_core::number::parse_number(s),
        _ => None,
    }
}

/// A whole number (minutes), rounded.
pub fn int(v: &Value, key: &str) -> Option<i64> {
    num(v, key).filter(|n| n.is_finite()).map(|n| n.round() as i64)
}

/// An id (a positive whole number).
pub fn id(v: &Value, key: &str) -> Option<u64> {
    int(v, key).filter(|n| *n > 0).map(|n| n as u64)
}

/// A flag from `true`/`false`, `1`/`0` or their strings.
pub fn flag(v: &Value, key: &str) -> Option<bool> {
    match v.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|n| n != 0.0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Whether an enum field has `value` (case-insensitive, as the core reads enums).
pub fn is(v: &Value, key: &str, value: &str) -> bool {
    text(v, key).is_some_and(|s| s.eq_ignore_ascii_case(value))
}

/// A person's name: a bare string, `name`, first and last name, or the e-mail.
pub fn person(v: &Value) -> Option<String> {
    if let Some(s) = v.as_str() {
        return Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    }
    let full = format!("{} {}", text(v, "firstname").unwrap_or_default(), text(v, "lastname").unwrap_or_default());
    text(v, "name").or_else(|| Some(full.trim().to_owned()).filter(|s| !s.is_empty())).or_else(|| text(v, "email"))
}
