//! The reply envelope `{success, data, message, meta}`, pagination, and turning an HTTP answer
//! into `T` or an [`ApiError`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::ApiError;
use crate::models::lenient;

/// `meta` of every reply.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Meta {
    pub api_version: Option<String>,
    pub timestamp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
}

/// Where a list reply is in the whole list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Pagination {
    #[serde(deserialize_with = "lenient::num")]
    pub total: u64,
    #[serde(deserialize_with = "lenient::num")]
    pub per_page: u32,
    /// The older field name `page` is read as well.
    #[serde(alias = "page", deserialize_with = "lenient::num")]
    pub current_page: u32,
    #[serde(deserialize_with = "lenient::num")]
    pub last_page: u32,
    /// 1-based index of the first item on this page; `None` on an empty page.
    #[serde(deserialize_with = "lenient::opt_num")]
    pub from: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub to: Option<u64>,
}

impl Pagination {
    /// Builds the block a server sends for `page` of `total` items at `per_page`.
    pub fn compute(total: u64, page: u32, per_page: u32) -> Self {
        let per = u64::from(per_page.max(1));
        let last_page = total.div_ceil(per).max(1) as u32;
        let first = u64::from(page.max(1) - 1) * per + 1;
        let (from, to) = if first <= total { (Some(first), Some((first + per - 1).min(total))) } else { (None, None) };
        Pagination { total, per_page, current_page: page, last_page, from, to }
    }
}

/// A decoded success reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<T> {
    pub data: T,
    /// The top-level `message`, when sent.
    pub message: Option<String>,
    pub meta: Meta,
    /// From `meta.pagination`, or from a top-level `pagination` (one edition's contracts list).
    pub pagination: Option<Pagination>,
    /// Create-time-entry's top-level `saved_minutes`.
    pub saved_minutes: Option<i64>,
    pub status: u16,
}

impl<T: Serialize> Reply<T> {
    /// The same reply with `data` as JSON.
    pub fn into_json(self) -> Result<Reply<serde_json::Value>, ApiError> {
        let data = serde_json::to_value(&self.data)
            .map_err(|e| ApiError::Decode { path: "data".to_owned(), message: e.to_string() })?;
        Ok(Reply { data, message: self.message, meta: self.meta, pagination: self.pagination, saved_minutes: self.saved_minutes, status: self.status })
    }
}

/// One page of a list, with where it sits in the whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub pagination: Option<Pagination>,
    /// The page that was asked for.
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    /// Whether another page follows. Without pagination in the reply (some lists omit it),
    /// a full page means there may be more.
    pub fn has_next(&self) -> bool {
        match &self.pagination {
            Some(p) if p.last_page > 0 => p.current_page.max(self.page) < p.last_page,
            _ => !self.items.is_empty() && self.items.len() as u32 >= self.per_page,
        }
    }

    /// The total when the server says it.
    pub fn total(&self) -> Option<u64> {
        self.pagination.map(|p| p.total)
    }
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "T: DeserializeOwned"))]
struct SuccessBody<T> {
    #[serde(default, deserialize_with = "lenient::opt_flag")]
    success: Option<bool>,
    #[serde(default = "Option::default", deserialize_with = "present")]
    data: Option<Option<T>>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    message: Option<String>,
    #[serde(default)]
    meta: Option<Meta>,
    #[serde(default)]
    pagination: Option<Pagination>,
    #[serde(default, deserialize_with = "lenient::opt_num")]
    saved_minutes: Option<i64>,
}

/// Tells a present `null` (`Some(None)`) from a missing field (`None`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBody {
    #[serde(deserialize_with = "lenient::opt_string")]
    message: Option<String>,
    #[serde(deserialize_with = "error_detail")]
    error: Option<String>,
    /// Laravel-style `{field: [messages]}`, when a server sends one.
    errors: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `error` is documented as a string or null; accept any JSON and keep it as text.
fn error_detail<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// Turns an HTTP answer into a typed reply or the error it stands for.
pub fn decode<T: DeserializeOwned>(
    status: u16,
    body: &[u8],
    retry_after_ms: Option<u64>,
) -> Result<Reply<T>, ApiError> {
    decode_with(status, body, retry_after_ms, |text| {
        let mut de = serde_json::Deserializer::from_slice(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            unreadable(e.into_inner(), if path == "." { String::new() } else { path }, body)
        })
    })
}

/// [`decode`] for JSON data (`serde_json::Value`) without serde_path_to_error's path tracking:
/// JSON data has no shape to get wrong, so a path would never say more than "not JSON". The
/// same result as `decode::<Value>` for every answer; a bundle that reads data as JSON (the
/// widgets) then carries none of the path-tracking code (~27 KB of wasm before wasm-opt).
pub fn decode_json(status: u16, body: &[u8], retry_after_ms: Option<u64>) -> Result<Reply<serde_json::Value>, ApiError> {
    decode_with(status, body, retry_after_ms, |text| serde_json::from_slice(text).map_err(|e| unreadable(e, String::new(), body)))
}

/// Why a success body could not be read.
fn unreadable(inner: serde_json::Error, path: String, body: &[u8]) -> ApiError {
    if inner.is_syntax() || inner.is_eof() {
        ApiError::Decode { path: String::new(), message: format!("the answer is not JSON ({})", snippet(body)) }
    } else {
        ApiError::Decode { path, message: inner.to_string() }
    }
}

/// The body of [`decode`] and [`decode_json`]; `parse` reads a success body.
fn decode_with<T: DeserializeOwned>(
    status: u16,
    body: &[u8],
    retry_after_ms: Option<u64>,
    parse: impl FnOnce(&[u8]) -> Result<SuccessBody<T>, ApiError>,
) -> Result<Reply<T>, ApiError> {
    if !(200..300).contains(&status) {
        return Err(decode_error(status, body, retry_after_ms));
    }
    let text = if body.iter().all(u8::is_ascii_whitespace) { b"{}".as_slice() } else { body };
    let parsed = parse(text)?;
    if parsed.success == Some(false) {
        return Err(ApiError::Http {
            status,
            message: parsed.message.unwrap_or_else(|| "The server reported a failure.".to_owned()),
        });
    }
    let data = match parsed.data {
        Some(Some(data)) => data,
        // `data: null` or no data at all: fine for types that read null (Empty, Option).
        _ => T::deserialize(serde_json::Value::Null).map_err(|_| ApiError::Decode {
            path: "data".to_owned(),
            message: "the answer has no data".to_owned(),
        })?,
    };
    let meta = parsed.meta.unwrap_or_default();
    let pagination = meta.pagination.or(parsed.pagination);
    Ok(Reply { data, message: parsed.message, meta, pagination, saved_minutes: parsed.saved_minutes, status })
}

fn decode_error(status: u16, body: &[u8], retry_after_ms: Option<u64>) -> ApiError {
    let parsed: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    let detail = parsed.error.or_else(|| {
        parsed.errors.as_ref().map(|errs| {
            errs.iter()
                .map(|(field, msgs)| match msgs {
                    serde_json::Value::Array(list) => format!(
                        "{field}: {}",
                        list.iter().filter_map(|m| m.as_str()).collect::<Vec<_>>().join(" ")
                    ),
                    other => format!("{field}: {other}"),
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    });
    ApiError::from_status(status, parsed.message, detail, retry_after_ms)
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(80).collect::<String>())
    } else {
        one_line
    }
}
