//! Reading models from JSON values: [`FromJson`], what `#[derive(FromJson)]` (crate
//! `webwork-derive`) writes for every model, and the rules for the field types they use.
//!
//! Why not derived `serde::Deserialize`: it is generic over the deserializer and instantiated
//! per model and field, which made the models' readers about a tenth of the admin panel's wasm.
//! Here a model's reader is one call per field to [`field`], generic only over the field's type,
//! so every `u64` field of every model shares one instance. The client has the reply as a
//! [`Value`] already (the envelope is read first), so nothing is parsed twice. Models still
//! implement `Deserialize`, through the same reader ([`deserialize_via`]).
//!
//! The rules (tolerant reading, see [`super::lenient::read`]):
//! - a missing field, or one sent as `null`, reads as its type's default (`None`, `0`, `""`,
//!   an empty list); unknown fields are ignored;
//! - numbers may arrive as numeric strings; `Option` numbers read `""` as `None`;
//! - booleans may arrive as `0`/`1` or `"yes"`/`"no"`; strings may arrive as numbers;
//! - anything else that does not fit is a [`ReadError`] naming where it is (`[1].id`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use super::lenient::{read, Number};
use crate::error::ApiError;

/// A type read from a JSON value, tolerantly (see the module's rules).
pub trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self, ReadError>;

    /// The same as an `Option`: `null` is `None`; numbers and booleans also read an empty
    /// string as `None`.
    fn from_json_opt(value: Value) -> Result<Option<Self>, ReadError> {
        if value.is_null() {
            Ok(None)
        } else {
            Self::from_json(value).map(Some)
        }
    }
}

/// Why a value could not be read, and where: the path is kept innermost first while the
/// error travels out, and only rendered when asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    message: String,
    path: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// A field of a model, or a key of a map (`.id`, `.2024-01-01`).
    Name(Cow<'static, str>),
    /// An item of a list (`[1]`).
    Index(usize),
}

impl ReadError {
    pub fn new(message: impl Into<String>) -> Self {
        ReadError { message: message.into(), path: Vec::new() }
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where the error is, below `root`: `data[1].id` for root `data`.
    pub fn path_from(&self, root: &str) -> String {
        let mut out = root.to_owned();
        for step in self.path.iter().rev() {
            match step {
                Step::Name(name) => {
                    out.push('.');
                    out.push_str(name);
                }
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// The client's error for a reply whose `root` (`data`) could not be read.
    pub fn into_decode(self, root: &str) -> ApiError {
        ApiError::Decode { path: self.path_from(root), message: self.message }
    }

    /// [`ReadError::into_decode`] for a list that was sent in pages of `page_lengths` items: the
    /// item is named by its index within its page, and the page (1-based) is said.
    pub fn into_decode_across_pages(mut self, root: &str, page_lengths: &[usize]) -> ApiError {
        let mut page = 1;
        if let Some(Step::Index(index)) = self.path.last_mut() {
            for &length in page_lengths {
                if *index < length {
                    break;
                }
                *index -= length;
                page += 1;
            }
        }
        self.into_decode(root).on_page(page)
    }

    fn at(mut self, step: Step) -> Self {
        self.path.push(step);
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path_from("");
        match path.strip_prefix('.').unwrap_or(&path) {
            "" => f.write_str(&self.message),
            path => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for ReadError {}

/// A model's fields: the object itself, or an error saying what came instead.
pub fn object(value: Value) -> Result<Map<String, Value>, ReadError> {
    match value {
        Value::Object(fields) => Ok(fields),
        other => Err(ReadError::new(format!("expected an object, found {}", read::kind(&other)))),
    }
}

/// Takes field `key` out of `object` and reads it; missing or `null` is the default. On an
/// error the field reads as its default too, and the first error of the model is kept in
/// `error` for [`finish`] (the derived readers do not return early; see `webwork-derive`).
pub fn field<T: FromJson + Default>(object: &mut Map<String, Value>, key: &'static str, error: &mut Option<ReadError>) -> T {
    field_with(object, key, T::from_json, error)
}

/// [`field`] with a reader of its own (`#[json(with = path)]`).
pub fn field_with<T: Default>(
    object: &mut Map<String, Value>,
    key: &'static str,
    read: fn(Value) -> Result<T, ReadError>,
    error: &mut Option<ReadError>,
) -> T {
    match object.remove(key).filter(|v| !v.is_null()).map(read) {
        None => T::default(),
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            if error.is_none() {
                *error = Some(e.at(Step::Name(Cow::Borrowed(key))));
            }
            T::default()
        }
    }
}

/// A model read field by field, or the first error one of its fields had.
pub fn finish<T>(read: T, error: Option<ReadError>) -> Result<T, ReadError> {
    match error {
        None => Ok(read),
        Some(e) => Err(e),
    }
}

/// `Deserialize` for a [`FromJson`] type: the input as a JSON value, then the reader.
pub fn deserialize_via<'de, D: serde::Deserializer<'de>, T: FromJson>(d: D) -> Result<T, D::Error> {
    let value = <Value as serde::Deserialize>::deserialize(d)?;
    T::from_json(value).map_err(serde::de::Error::custom)
}

/// A string enumeration's wire text (a number or boolean is taken as its text).
pub fn string_enum_value(value: Value) -> Result<String, ReadError> {
    read::opt_string(value).map_err(ReadError::new)?.ok_or_else(|| ReadError::new("expected a string, found null"))
}

fn number<T: Number>(value: Value) -> Result<Option<T>, ReadError> {
    read::opt_num(value).map_err(ReadError::new)
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: Value) -> Result<Self, ReadError> {
                let kind = if value.is_null() { "null" } else { "an empty string" };
                number(value)?.ok_or_else(|| ReadError::new(format!("expected a number, found {kind}")))
            }
            fn from_json_opt(value: Value) -> Result<Option<Self>, ReadError> {
                number(value)
            }
        }
    )*};
}
numbers!(u64, i64, u32, i32, f64);

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        Self::from_json_opt(value).map(Option::unwrap_or_default)
    }
    fn from_json_opt(value: Value) -> Result<Option<Self>, ReadError> {
        read::opt_flag(value).map_err(ReadError::new)
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        Self::from_json_opt(value).map(Option::unwrap_or_default)
    }
    fn from_json_opt(value: Value) -> Result<Option<Self>, ReadError> {
        read::opt_string(value).map_err(ReadError::new)
    }
}

/// Kept as sent (a webhook's event `data`).
impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        Ok(value)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        T::from_json_opt(value)
    }
}

// Plain loops, not `collect()`: collecting `Result`s into a `Vec` instantiates the in-place
// iteration machinery per item type, and into a `BTreeMap` a stable sort per value type.

/// `null` reads as an empty list.
impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        match value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    out.push(T::from_json(item).map_err(|e| e.at(Step::Index(i)))?);
                }
                Ok(out)
            }
            other => Err(ReadError::new(format!("expected a list, found {}", read::kind(&other)))),
        }
    }
}

/// An object keyed by dates or currencies; `null` reads as an empty map.
impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        match value {
            Value::Null => Ok(BTreeMap::new()),
            Value::Object(entries) => {
                let mut out = BTreeMap::new();
                for (key, item) in entries {
                    match T::from_json(item) {
                        Ok(v) => {
                            out.insert(key, v);
                        }
                        Err(e) => return Err(e.at(Step::Name(Cow::Owned(key)))),
                    }
                }
                Ok(out)
            }
            other => Err(ReadError::new(format!("expected an object, found {}", read::kind(&other)))),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn paths_name_fields_indexes_and_keys_outermost_first() {
        let e = ReadError::new("bad").at(Step::Name("id".into())).at(Step::Index(2)).at(Step::Name("2024-01-01".to_owned().into()));
        assert_eq!(e.path_from("data"), "data.2024-01-01[2].id");
        assert_eq!(e.to_string(), "2024-01-01[2].id: bad");
        assert_eq!(ReadError::new("bad").to_string(), "bad");
        let err = Vec::<Vec<u64>>::from_json(json!([[1], [2, "x"]])).unwrap_err();
        assert_eq!((err.path_from("data").as_str(), err.message()), ("data[1][1]", "\"x\" is not a number"));
    }

    #[test]
    fn missing_and_null_fields_read_as_defaults_but_wrong_shapes_do_not() {
        let mut m = object(json!({"n": null, "s": 5, "list": null, "flag": "yes", "opt": ""})).unwrap();
        let mut error = None;
        assert_eq!(field::<u64>(&mut m, "n", &mut error), 0);
        assert_eq!(field::<u64>(&mut m, "absent", &mut error), 0);
        assert_eq!(field::<String>(&mut m, "s", &mut error), "5");
        assert_eq!(field::<Vec<String>>(&mut m, "list", &mut error), Vec::<String>::new());
        assert!(field::<bool>(&mut m, "flag", &mut error));
        assert_eq!(field::<Option<f64>>(&mut m, "opt", &mut error), None);
        assert_eq!(error, None);
        // The first error is the one kept.
        let mut m = object(json!({"n": [1], "k": {}})).unwrap();
        assert_eq!(field::<u64>(&mut m, "n", &mut error), 0);
        assert_eq!(field::<u64>(&mut m, "k", &mut error), 0);
        let err = finish((), error).unwrap_err();
        assert_eq!((err.path_from("data").as_str(), err.message()), ("data.n", "expected a number or a numeric string, found a list"));
        assert_eq!(object(json!([])).unwrap_err().message(), "expected an object, found a list");
        assert_eq!(u64::from_json(json!("")).unwrap_err().message(), "expected a number, found an empty string");
        assert!(BTreeMap::<String, u64>::from_json(json!({"a": "1", "b": true})).is_ok());
        assert_eq!(BTreeMap::<String, u64>::from_json(json!({"a": {}})).unwrap_err().path_from(""), ".a");
    }
}
