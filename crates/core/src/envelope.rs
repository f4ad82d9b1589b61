//! The reply envelope `{success, data, message, meta}`, pagination, and turning an HTTP answer
//! into `T` or an [`ApiError`].

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::models::json::FromJson;
use crate::models::lenient::{self, read};

/// `meta` of every reply.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Meta {
    pub api_version: Option<String>,
    pub timestamp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
}

/// Where a list reply is in the whole list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Pagination {
    pub total: u64,
    pub per_page: u32,
    /// The older field name `page` is read as well.
    pub current_page: u32,
    pub last_page: u32,
    /// 1-based index of the first item on this page; `None` on an empty page.
    pub from: Option<u64>,
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
        let data = serde_json::to_value(&self.data).map_err(|e| ApiError::Decode { path: "data".to_owned(), message: e.to_string() })?;
        Ok(Reply {
            data,
            message: self.message,
            meta: self.meta,
            pagination: self.pagination,
            saved_minutes: self.saved_minutes,
            status: self.status,
        })
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
    /// The rule is the page walker's ([`crate::pages::has_next`]).
    pub fn has_next(&self) -> bool {
        crate::pages::has_next(self.pagination.as_ref(), self.page, self.per_page, self.items.len())
    }

    /// The total when the server says it.
    pub fn total(&self) -> Option<u64> {
        self.pagination.map(|p| p.total)
    }
}

/// A field the envelope could not read, named by its JSON path.
fn bad_field(path: &str) -> impl FnOnce(String) -> ApiError + '_ {
    move |message| ApiError::Decode { path: path.to_owned(), message }
}

fn object(v: Value, path: &str) -> Result<Option<Map<String, Value>>, ApiError> {
    match v {
        Value::Null => Ok(None),
        Value::Object(map) => Ok(Some(map)),
        other => Err(ApiError::Decode { path: path.to_owned(), message: format!("expected an object, found {}", read::kind(&other)) }),
    }
}

fn take(map: &mut Map<String, Value>, key: &str) -> Value {
    map.remove(key).unwrap_or(Value::Null)
}

/// A success reply's envelope, read by hand from the JSON value: no derived reader, so a bundle
/// that only reads JSON (the npm package, the widgets) carries no serde visitor code and none of
/// the float printing serde's type-error messages link. `data` is left as sent (`Null` when
/// absent); `success: false` is the failure it reports.
fn read_envelope(root: Value, status: u16) -> Result<Reply<Value>, ApiError> {
    let mut root = object(root, "")?.unwrap_or_default();
    let success = read::opt_flag(take(&mut root, "success")).map_err(bad_field("success"))?;
    let message = read::opt_string(take(&mut root, "message")).map_err(bad_field("message"))?;
    if success == Some(false) {
        let message = message.map_or_else(|| "The server reported a failure.".to_owned(), bounded);
        return Err(ApiError::Http { status, message });
    }
    let meta = match object(take(&mut root, "meta"), "meta")? {
        Some(mut meta) => Meta {
            api_version: read::opt_string(take(&mut meta, "api_version")).map_err(bad_field("meta.api_version"))?,
            timestamp: read::opt_string(take(&mut meta, "timestamp")).map_err(bad_field("meta.timestamp"))?,
            pagination: read_pagination(take(&mut meta, "pagination"), "meta.pagination")?,
        },
        None => Meta::default(),
    };
    // One edition's contracts list sends pagination at the top level.
    let beside = read_pagination(take(&mut root, "pagination"), "pagination")?;
    Ok(Reply {
        pagination: meta.pagination.or(beside),
        saved_minutes: read::opt_num(take(&mut root, "saved_minutes")).map_err(bad_field("saved_minutes"))?,
        data: take(&mut root, "data"),
        message,
        meta,
        status,
    })
}

/// Missing counts read as 0, as the API's own defaults; the older name `page` is read for
/// `current_page`.
fn read_pagination(v: Value, path: &str) -> Result<Option<Pagination>, ApiError> {
    let Some(mut p) = object(v, path)? else { return Ok(None) };
    fn count<T: lenient::Number>(p: &mut Map<String, Value>, path: &str, names: &[&str]) -> Result<Option<T>, ApiError> {
        let value = names.iter().map(|n| take(p, n)).find(|v| !v.is_null()).unwrap_or(Value::Null);
        read::opt_num(value).map_err(|message| ApiError::Decode { path: format!("{path}.{}", names[0]), message })
    }
    Ok(Some(Pagination {
        total: count(&mut p, path, &["total"])?.unwrap_or(0),
        per_page: count(&mut p, path, &["per_page"])?.unwrap_or(0),
        current_page: count(&mut p, path, &["current_page", "page"])?.unwrap_or(0),
        last_page: count(&mut p, path, &["last_page"])?.unwrap_or(0),
        from: count(&mut p, path, &["from"])?,
        to: count(&mut p, path, &["to"])?,
    }))
}

/// Turns an HTTP answer into a typed reply or the error it stands for. An error in `data` is
/// reported with its JSON path (`data[1].id`).
pub fn decode<T: FromJson>(status: u16, body: &[u8], retry_after_ms: Option<u64>) -> Result<Reply<T>, ApiError> {
    let reply = decode_json(status, body, retry_after_ms)?;
    let data = decode_data(reply.data)?;
    Ok(Reply { data, message: reply.message, meta: reply.meta, pagination: reply.pagination, saved_minutes: reply.saved_minutes, status })
}

/// A reply's `data` (as [`decode_json`] left it) read as `T`, an error named by its path (`data[1].id`).
pub fn decode_data<T: FromJson>(data: Value) -> Result<T, ApiError> {
    if data.is_null() {
        T::from_json(Value::Null).map_err(|_| ApiError::Decode { path: "data".to_owned(), message: "the answer has no data".to_owned() })
    } else {
        T::from_json(data).map_err(|e| e.into_decode("data"))
    }
}

/// An HTTP answer with `data` as JSON (`Null` when the reply has none): the envelope is read
/// and checked, `data` is left as sent.
pub fn decode_json(status: u16, body: &[u8], retry_after_ms: Option<u64>) -> Result<Reply<Value>, ApiError> {
    if !(200..300).contains(&status) {
        return Err(decode_error(status, body, retry_after_ms));
    }
    let root = if body.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        serde_json::from_slice(body)
            .map_err(|_| ApiError::Decode { path: String::new(), message: format!("the answer is not JSON ({})", snippet(body)) })?
    };
    read_envelope(root, status)
}

/// An error answer: its `message`, and as detail `error` (text, or any JSON as text) or a
/// Laravel-style `errors: {field: [messages]}`. Whatever cannot be read is left out: an error
/// page from a proxy still becomes the error its status stands for.
/// The `data` lists of several pages of one list, read as one list of `T`. A bad item is named
/// by its index within its page and by the page (1-based), as the pages were sent.
pub fn decode_pages<T: FromJson>(pages: Vec<Vec<Value>>) -> Result<Vec<T>, ApiError> {
    let (all, lengths) = concat_pages(pages);
    Vec::<T>::from_json(all).map_err(|e| e.into_decode_across_pages("data", &lengths))
}

/// Not generic: the pages as one JSON list, and how many items each page had.
fn concat_pages(pages: Vec<Vec<Value>>) -> (Value, Vec<usize>) {
    let lengths = pages.iter().map(Vec::len).collect();
    let mut all = Vec::new();
    for mut page in pages {
        all.append(&mut page);
    }
    (Value::Array(all), lengths)
}

/// The most characters of a server's text an error carries. The text is shown to a person, and
/// a runaway `message` or `errors` object can be megabytes (found by the decode fuzzer).
pub const MAX_SERVER_TEXT: usize = 1000;

/// `text` cut to [`MAX_SERVER_TEXT`] characters, with "…" when cut. `truncate`, not a slice:
/// a slice links the formatted panic of a bad char boundary (4 KB of the npm package's wasm).
fn bounded(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(MAX_SERVER_TEXT) {
        text.truncate(cut);
        text.push('…');
    }
    text
}

fn decode_error(status: u16, body: &[u8], retry_after_ms: Option<u64>) -> ApiError {
    let mut root = match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let message = read::opt_string(take(&mut root, "message")).ok().flatten().map(bounded);
    let detail = match take(&mut root, "error") {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(read::json_text(&other)),
    };
    let detail = detail.or_else(|| match take(&mut root, "errors") {
        Value::Object(errs) => Some(
            errs.iter()
                .map(|(field, msgs)| match msgs {
                    Value::Array(list) => {
                        format!("{field}: {}", list.iter().filter_map(|m| m.as_str()).collect::<Vec<_>>().join(" "))
                    }
                    other => format!("{field}: {}", read::json_text(other)),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    });
    ApiError::from_status(status, message, detail.map(bounded), retry_after_ms)
}

fn snippet(body: &[u8]) -> String {
    // The readable start of the body (a browser's body is always text; this never needs
    // the lossy decoder's replacement machinery).
    let text = match core::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => core::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default(),
    };
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(80).collect::<String>())
    } else {
        one_line
    }
}
