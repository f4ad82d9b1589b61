//! The JSON that crosses the JS boundary. Plain text both ways (`JSON.stringify` / `JSON.parse`
//! on the JS side), so no wasm object ever reaches user code and nothing needs `.free()`:
//! parameters come in by their wire names, replies go out with `data` as sent and the envelope
//! (meta, pagination) in camelCase, errors go out as `{kind, status, message, retryAfter, field}`.
//! Everything here is pure and tested natively; `bindings` adds the I/O.

use serde_json::{Map, Value};
use webwork_core::envelope::{Meta, Page, Pagination, Reply};
use webwork_core::models::lenient::read::json_text;
use webwork_core::ops::{ApiRequest, Method};
use webwork_core::ApiError;

use crate::naming::camel;

/// The API's default page size when `per_page` is not given.
const DEFAULT_PER_PAGE: u32 = 20;

fn invalid(field: &'static str, reason: impl Into<String>) -> ApiError {
    ApiError::InvalidRequest { field, reason: reason.into() }
}

/// Reads JSON text of an object (parameters by their wire names, as the JS half sends them).
pub fn parse_params(text: &str) -> Result<Map<String, Value>, ApiError> {
    parse_object(text, "params")
}

fn parse_object(text: &str, field: &'static str) -> Result<Map<String, Value>, ApiError> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(text.as_bytes()) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        _ => Err(invalid(field, "must be an object")),
    }
}

/// The `page` and `per_page` a list call asked for (the API's defaults otherwise).
pub fn page_of(wire: &Map<String, Value>) -> (u32, u32) {
    let num = |name: &str, default: u32| {
        wire.get(name)
            .and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())))
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(default)
    };
    (num("page", 1), num("per_page", DEFAULT_PER_PAGE))
}

/// Every object key that is a `snake_case` identifier, in camelCase, at any depth.
pub fn camelize(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (camel(&k).into_owned(), camelize(v))).collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(camelize).collect()),
        other => other,
    }
}

/// A JSON object of `entries`, in their order. Built by hand rather than with `json!` or
/// `to_value`: those link serde_json's value serializer (and `json!` an `unwrap` that prints
/// errors with `Debug`), a second serializer beside the text one the client needs anyway.
fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Object(entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn or_null<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

/// The core's `Pagination` as JS reads it: its serialized form, camelCased.
fn pagination_json(p: Option<Pagination>) -> Value {
    let Some(p) = p else { return Value::Null };
    object([
        ("total", p.total.into()),
        ("perPage", p.per_page.into()),
        ("currentPage", p.current_page.into()),
        ("lastPage", p.last_page.into()),
        ("from", or_null(p.from)),
        ("to", or_null(p.to)),
    ])
}

/// The core's `Meta` as JS reads it: its serialized form, camelCased (`pagination` only when sent).
fn meta_json(meta: &Meta) -> Value {
    let mut out = Map::new();
    out.insert("apiVersion".into(), or_null(meta.api_version.clone()));
    out.insert("timestamp".into(), or_null(meta.timestamp.clone()));
    if meta.pagination.is_some() {
        out.insert("pagination".into(), pagination_json(meta.pagination));
    }
    Value::Object(out)
}

/// The reply for JS, without `data`: the JS half's `fetch` keeps an answer's `data` (parsed once,
/// by `JSON.parse`, and read there through the operation's generated shape, see
/// `web/src/index.js`) and hands the core the envelope with `data` replaced by its number of
/// items when it is a list. Beside `message`, `meta` and `pagination` (typed by the core,
/// camelCased), `status` and `savedMinutes` when sent, a list asked for by `page`/`per_page`
/// gets whether another page follows (`hasNext`, the core's [`Page::has_next`]). `data` may also
/// be the list itself (a caller that kept it, such as the decode fuzzer).
pub fn reply_json(reply: Reply<Value>, paging: Option<(u32, u32)>) -> Result<String, ApiError> {
    let mut out = Map::new();
    out.insert("pagination".into(), pagination_json(reply.pagination));
    let items = match &reply.data {
        Value::Number(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        Value::Array(items) => Some(items.len()),
        _ => None,
    };
    if let (Some((page, per_page)), Some(items)) = (paging, items) {
        let page = Page { items: vec![(); items], pagination: reply.pagination, page, per_page };
        out.insert("hasNext".into(), Value::Bool(page.has_next()));
    }
    finish(out, &reply)
}

fn finish(mut out: Map<String, Value>, reply: &Reply<Value>) -> Result<String, ApiError> {
    out.insert("message".into(), or_null(reply.message.clone()));
    out.insert("meta".into(), meta_json(&reply.meta));
    out.insert("status".into(), Value::from(reply.status));
    if let Some(minutes) = reply.saved_minutes {
        out.insert("savedMinutes".into(), Value::from(minutes));
    }
    serde_json::to_string(&Value::Object(out)).map_err(|e| ApiError::Decode { path: String::new(), message: e.to_string() })
}

/// A request for any path: `query` is JSON text of `[name, value]` pairs (`Object.entries`, so
/// the caller's order is kept) whose values are strings, numbers, booleans or lists of them
/// (lists travel comma-separated); `body` is JSON text or empty.
pub fn raw_request(method: &str, path: &str, query_json: &str, body_json: &str) -> Result<ApiRequest, ApiError> {
    let method = Method::parse(method).ok_or_else(|| invalid("method", "must be GET, POST, PUT or DELETE"))?;
    if path.as_bytes().windows(3).any(|w| w == b"://") || path.trim().is_empty() {
        return Err(invalid("path", "must be a path under the base URL, such as /members"));
    }
    let mut request = ApiRequest::raw(method, path);
    for (key, value) in query_pairs(query_json)? {
        let text = match value {
            Value::Null => continue,
            Value::Array(items) => items.iter().map(scalar_text).collect::<Result<Vec<_>, _>>()?.join(","),
            other => scalar_text(&other)?,
        };
        request = request.with_query(key, text);
    }
    if !body_json.trim().is_empty() {
        let body = serde_json::from_slice(body_json.as_bytes()).map_err(|_| invalid("body", "must be JSON"))?;
        request = request.with_body(body);
    }
    Ok(request)
}

/// `[[name, value], ...]` (read from the JSON value by hand: a typed read would link serde's
/// type-error messages and their float printer).
fn query_pairs(query_json: &str) -> Result<Vec<(String, Value)>, ApiError> {
    let not_pairs = || invalid("query", "must be an object");
    if query_json.trim().is_empty() {
        return Ok(Vec::new());
    }
    let Ok(Value::Array(pairs)) = serde_json::from_slice::<Value>(query_json.as_bytes()) else { return Err(not_pairs()) };
    pairs
        .into_iter()
        .map(|pair| match pair {
            Value::Array(mut kv) if kv.len() == 2 => match (kv.pop(), kv.pop()) {
                (Some(value), Some(Value::String(key))) => Ok((key, value)),
                _ => Err(not_pairs()),
            },
            _ => Err(not_pairs()),
        })
        .collect()
}

fn scalar_text(value: &Value) -> Result<String, ApiError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(if *b { "1" } else { "0" }.to_owned()),
        _ => Err(invalid("query", "values must be strings, numbers, booleans or lists of them")),
    }
}

/// An error for JS: `{kind, status, message, retryAfter, field}`; `retryAfter` in seconds,
/// `field` in camelCase like the parameters.
pub fn error_json(error: &ApiError) -> String {
    let message = match error {
        ApiError::InvalidRequest { field, reason } => format!("`{}` {reason}; the request was not sent.", camel(field)),
        other => other.to_string(),
    };
    let retry_after = match error {
        ApiError::RateLimited { retry_after_ms: Some(ms), .. } => Value::from(*ms as f64 / 1000.0),
        _ => Value::Null,
    };
    json_text(&object([
        ("kind", error.kind().into()),
        ("status", or_null(error.status())),
        ("message", message.into()),
        ("retryAfter", retry_after),
        ("field", or_null(error.field().map(|f| camel(f).into_owned()))),
    ]))
}

/// The rate budget for JS: `{limit, remaining, nextFreeInMs}`.
pub fn budget_json(budget: webwork_core::client::Budget) -> String {
    json_text(&object([
        ("limit", budget.limit.into()),
        ("remaining", budget.remaining.into()),
        ("nextFreeInMs", budget.next_free_in_ms.into()),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use webwork_core::envelope::decode;
    use webwork_core::ops;

    #[test]
    fn parameters_reach_the_core_builders() {
        let wire = parse_params(r#"{"workspace_id":1,"per_page":5,"status":"active"}"#).unwrap();
        assert_eq!(page_of(&wire), (1, 5));
        let req = ops::request_for("getMembers", &wire).unwrap();
        assert_eq!(req.url("http://x/api/v2"), "http://x/api/v2/members?workspace_id=1&status=active&per_page=5");
        assert_eq!(page_of(&Map::new()), (1, 20));
        assert!(parse_params("[1]").is_err());
        assert!(parse_params("").unwrap().is_empty());
    }

    #[test]
    fn rule_errors_name_the_field_in_camel_case() {
        let wire = parse_params(r#"{"workspace_id":1,"per_page":500}"#).unwrap();
        let err = ops::request_for("getMembers", &wire).unwrap_err();
        let v: Value = serde_json::from_str(&error_json(&err)).unwrap();
        assert_eq!(v["kind"], "invalid_request");
        assert_eq!(v["field"], "perPage");
        assert_eq!(v["status"], Value::Null);
        assert!(v["message"].as_str().unwrap().starts_with("`perPage` must be between 1 and 100"));
    }

    #[test]
    fn server_errors_carry_status_field_and_retry_after() {
        let e = decode::<Value>(422, br#"{"success":false,"message":"The per_page field must be between 1 and 100."}"#, None).unwrap_err();
        let v: Value = serde_json::from_str(&error_json(&e)).unwrap();
        assert_eq!((v["kind"].as_str(), v["status"].as_u64(), v["field"].as_str()), (Some("validation"), Some(422), Some("perPage")));
        let e = decode::<Value>(429, br#"{"message":"Too Many Attempts."}"#, Some(12_000)).unwrap_err();
        let v: Value = serde_json::from_str(&error_json(&e)).unwrap();
        assert_eq!((v["kind"].as_str(), v["retryAfter"].as_f64()), (Some("rate_limited"), Some(12.0)));
    }

    #[test]
    fn replies_camel_case_the_envelope_and_leave_data_to_js() {
        // As the JS half's `fetch` hands it over: `data` is the number of items.
        let body = br#"{"success":true,"data":20,"message":"ok",
            "meta":{"api_version":"2.0.0","pagination":{"total":45,"per_page":20,"page":1,"last_page":3}}}"#;
        let reply = decode::<Value>(200, body, None).unwrap();
        let out: Value = serde_json::from_str(&reply_json(reply, Some((1, 20))).unwrap()).unwrap();
        assert!(out.get("data").is_none(), "data stays with the JS half");
        assert_eq!(out["meta"]["apiVersion"], "2.0.0");
        assert_eq!(out["pagination"]["currentPage"], 1);
        assert_eq!(out["pagination"]["lastPage"], 3);
        assert_eq!(out["hasNext"], true);
        assert_eq!(out["status"], 200);
        assert_eq!(out["message"], "ok");
        assert!(out.get("savedMinutes").is_none());
    }

    #[test]
    fn whether_another_page_follows_comes_from_the_count_or_the_list() {
        let has_next = |data: &str, paging| {
            let body = format!(r#"{{"success":true,"data":{data}}}"#);
            let out: Value =
                serde_json::from_str(&reply_json(decode::<Value>(200, body.as_bytes(), None).unwrap(), paging).unwrap()).unwrap();
            out.get("hasNext").cloned()
        };
        // No pagination: a full page may have more after it.
        assert_eq!(has_next("5", Some((1, 5))), Some(Value::Bool(true)));
        assert_eq!(has_next("4", Some((1, 5))), Some(Value::Bool(false)));
        assert_eq!(has_next("[1,2,3,4,5]", Some((1, 5))), Some(Value::Bool(true)));
        // Not a list (`null` from the JS half), or not a list call.
        assert_eq!(has_next("null", Some((1, 5))), None);
        assert_eq!(has_next("5", None), None);
    }

    #[test]
    fn envelope_parts_are_the_core_serialized_form_camel_cased() {
        let full = Pagination { total: 45, per_page: 20, current_page: 2, last_page: 3, from: Some(21), to: Some(40) };
        for p in [full, Pagination { from: None, to: None, ..full }] {
            assert_eq!(pagination_json(Some(p)), camelize(serde_json::to_value(p).unwrap()));
            let meta = Meta { api_version: Some("2.0.0".into()), timestamp: None, pagination: Some(p) };
            assert_eq!(meta_json(&meta), camelize(serde_json::to_value(&meta).unwrap()));
        }
        assert_eq!(meta_json(&Meta::default()), camelize(serde_json::to_value(Meta::default()).unwrap()));
        assert_eq!(pagination_json(None), Value::Null);
    }

    #[test]
    fn map_keys_are_kept() {
        let v = camelize(json!({"daily_breakdown": {"2026-03-04": [{"project_id": 1}]}, "total": {"USD": 1}}));
        assert_eq!(v, json!({"dailyBreakdown": {"2026-03-04": [{"projectId": 1}]}, "total": {"USD": 1}}));
    }

    #[test]
    fn raw_requests_take_any_path() {
        let req =
            raw_request("post", "members", r#"[["workspace_id",1],["ids",[1,2]],["flag",true],["skip",null]]"#, r#"{"a":1}"#).unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.url("http://x"), "http://x/members?workspace_id=1&ids=1,2&flag=1");
        assert_eq!(req.body, Some(json!({"a":1})));
        assert!(raw_request("PATCH", "/x", "", "").is_err());
        assert!(raw_request("GET", "https://evil.example/x", "", "").is_err());
    }
}
