//! Generic parameter validation from an operation's `ParamInfo` list: required, kind (integer,
//! number, boolean, date, time, date-time, e-mail, URL, enums, lists), `page`/`per_page`
//! ranges and string length. Failures are 422 with a message naming the field, Laravel style
//! ("The email field must be a valid email address."). Unknown parameters are ignored.

use std::collections::BTreeMap;

use serde_json::{Number, Value};
use webwork_core::ops::{Location, OpInfo, ParamInfo};
use webwork_core::params::{parse_clock, DateTime, Email, ParamKind, Url, MAX_STRING_LEN, MAX_URL_TEXT_ITEMS, MAX_URL_TEXT_LEN};

use super::envelope::HttpError;

/// The request's inputs before validation.
#[derive(Debug, Default)]
pub struct RawInput {
    /// Decoded query pairs in order; `name[]` is read as `name`.
    pub query: Vec<(String, String)>,
    /// The JSON (or form) body as an object; `Null` when there was none.
    pub body: Value,
    /// Path parameters by template name.
    pub path: Vec<(&'static str, String)>,
}

impl RawInput {
    fn query_values(&self, name: &str) -> Vec<&str> {
        self.query.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    fn body_value(&self, name: &str) -> Option<&Value> {
        self.body.as_object().and_then(|o| o.get(name))
    }
}

/// Validated parameter values, normalised to JSON: integers as integers, numbers as floats,
/// lists as arrays, enum values in their documented spelling. An explicit JSON `null` in the
/// body is kept as `Null` (so updates can tell "clear" from "leave alone").
#[derive(Debug, Default, Clone)]
pub struct Params {
    pub values: BTreeMap<&'static str, Value>,
    pub path: BTreeMap<&'static str, Value>,
}

/// Where a parameter's raw value came from.
enum Source<'a> {
    Query(Vec<&'a str>),
    Json(&'a Value),
}

/// Reads `workspace_id` from the query string or the JSON body (both editions of the docs).
/// `Ok(None)` when absent.
pub fn workspace_id(input: &RawInput) -> Result<Option<i64>, HttpError> {
    let q = input.query_values("workspace_id");
    let source = if let Some(last) = q.last().filter(|v| !v.trim().is_empty()) {
        Source::Query(vec![last])
    } else {
        match input.body_value("workspace_id") {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
            Some(v) => Source::Json(v),
        }
    };
    match integer("workspace_id", &source)? {
        Value::Number(n) => Ok(n.as_i64()),
        _ => Ok(None),
    }
}

/// Validates every parameter the operation declares.
pub fn validate(op: &OpInfo, input: &RawInput) -> Result<Params, HttpError> {
    let mut out = Params::default();
    for p in op.params {
        if p.location == Location::Path {
            let raw = input.path.iter().find(|(n, _)| *n == p.name).map(|(_, v)| v.as_str()).unwrap_or("");
            let v = check(p, &Source::Query(vec![raw]), op)?;
            out.path.insert(p.name, v);
            continue;
        }
        let source = find(p, input);
        match source {
            None => {
                if p.required {
                    return Err(required(p.name));
                }
            }
            Some(Source::Json(Value::Null)) => {
                if p.required {
                    return Err(required(p.name));
                }
                out.values.insert(p.name, Value::Null);
            }
            Some(src) => {
                let v = check(p, &src, op)?;
                if p.required && is_blank(&v) {
                    return Err(required(p.name));
                }
                out.values.insert(p.name, v);
            }
        }
    }
    Ok(out)
}

fn find<'a>(p: &ParamInfo, input: &'a RawInput) -> Option<Source<'a>> {
    let from_query = |input: &'a RawInput| {
        let vals = input.query_values(p.name);
        (!vals.is_empty()).then_some(Source::Query(vals))
    };
    let from_body = |input: &'a RawInput| input.body_value(p.name).map(Source::Json);
    match p.location {
        Location::Query => from_query(input),
        Location::Body => from_body(input),
        // The editions disagree; accept either place.
        Location::Workspace => from_query(input).or_else(|| from_body(input)),
        Location::Path => None,
    }
}

fn required(field: &str) -> HttpError {
    HttpError::invalid(field, "is required")
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn check(p: &ParamInfo, src: &Source, op: &OpInfo) -> Result<Value, HttpError> {
    let name = p.name;
    if name == "page" {
        let v = integer(name, src)?;
        if v.as_i64().unwrap_or(0) < 1 {
            return Err(HttpError::invalid(name, "must be at least 1"));
        }
        return Ok(v);
    }
    if name == "per_page" {
        let max = op.per_page_max.unwrap_or(100) as i64;
        let v = integer(name, src)?;
        if !(1..=max).contains(&v.as_i64().unwrap_or(0)) {
            return Err(HttpError::invalid(name, &format!("must be between 1 and {max}")));
        }
        return Ok(v);
    }
    match p.kind {
        ParamKind::Integer => integer(name, src),
        ParamKind::Number => number(name, src),
        ParamKind::Boolean => boolean(name, src),
        ParamKind::String => string(name, src).map(Value::String),
        ParamKind::Date => {
            text_rule(name, p.required, src, |s| webwork_core::date::CivilDate::parse(s).is_ok(), "must be a valid date (YYYY-MM-DD)")
        }
        ParamKind::Time => text_rule(name, p.required, src, |s| parse_clock(s).is_some(), "must be a valid time (HH:mm)"),
        ParamKind::DateTime => text_rule(
            name,
            p.required,
            src,
            |s| DateTime::from(s).is_valid(),
            "must be a valid ISO 8601 date and time (e.g. 2024-01-15T09:00:00Z)",
        ),
        ParamKind::Email => text_rule(name, p.required, src, |s| Email::from(s).is_valid(), "must be a valid email address"),
        ParamKind::Url => text_rule(name, p.required, src, |s| Url::from(s).is_valid(), "must be a valid http:// or https:// URL"),
        ParamKind::Enum(values) => {
            let s = string(name, src)?;
            canonical(name, &s, values).map(Value::String)
        }
        // Task status allows workspace-defined codes; every other coded field is closed.
        ParamKind::IntEnum(_) if name == "status" => integer(name, src),
        ParamKind::IntEnum(codes) => coded(name, src, codes),
        ParamKind::Flag => coded(name, src, &[0, 1]),
        ParamKind::IntegerList => {
            let items = list_items(name, src)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let v = integer(name, &item_source(&item)).map_err(|_| HttpError::invalid(name, "must be a list of integers"))?;
                out.push(v);
            }
            Ok(Value::Array(out))
        }
        ParamKind::StringList => {
            let items = list_items(name, src)?;
            if matches!(src, Source::Query(_)) && items.len() > MAX_URL_TEXT_ITEMS {
                return Err(HttpError::invalid(name, &format!("must not have more than {MAX_URL_TEXT_ITEMS} items")));
            }
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let s = string(name, &item_source(&item)).map_err(|_| HttpError::invalid(name, "must be a list of strings"))?;
                out.push(Value::String(s));
            }
            Ok(Value::Array(out))
        }
        ParamKind::EnumList(values) => {
            // An empty item (`status=`, `status=a,,b`) is none of the values: 422, like a blank
            // date (inferred; SANDBOX.md, "Blank typed values").
            if let Source::Query(given) = src {
                if given.iter().any(|v| v.split(',').any(|t| t.trim().is_empty())) {
                    return canonical(name, "", values).map(Value::String);
                }
            }
            let items = list_items(name, src)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let s = string(name, &item_source(&item)).map_err(|_| HttpError::invalid(name, "must be a list of strings"))?;
                out.push(Value::String(canonical(name, &s, values)?));
            }
            Ok(Value::Array(out))
        }
    }
}

/// The single value of a source (the last one when a query parameter repeats).
fn single<'a>(src: &'a Source) -> Option<&'a str> {
    match src {
        Source::Query(v) => v.last().copied(),
        Source::Json(Value::String(s)) => Some(s.as_str()),
        Source::Json(_) => None,
    }
}

fn integer(name: &str, src: &Source) -> Result<Value, HttpError> {
    let err = || HttpError::invalid(name, "must be an integer");
    let n: i64 = match src {
        Source::Json(Value::Number(n)) => match n.as_i64() {
            Some(i) => i,
            None => match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => f as i64,
                _ => return Err(err()),
            },
        },
        _ => single(src).and_then(|s| s.trim().parse::<i64>().ok()).ok_or_else(err)?,
    };
    if n < 0 {
        return Err(HttpError::invalid(name, "must be at least 0"));
    }
    Ok(Value::from(n))
}

fn number(name: &str, src: &Source) -> Result<Value, HttpError> {
    let err = || HttpError::invalid(name, "must be a number");
    let f = match src {
        Source::Json(Value::Number(n)) => n.as_f64().ok_or_else(err)?,
        _ => single(src).and_then(|s| s.trim().parse::<f64>().ok()).ok_or_else(err)?,
    };
    Number::from_f64(f).map(Value::Number).ok_or_else(err)
}

/// An integer from a closed list of codes.
fn coded(name: &str, src: &Source, codes: &[i64]) -> Result<Value, HttpError> {
    let v = integer(name, src)?;
    if !codes.contains(&v.as_i64().unwrap_or(-1)) {
        let list: Vec<String> = codes.iter().map(i64::to_string).collect();
        return Err(HttpError::unprocessable(format!("The selected {name} is invalid. Allowed values: {}.", list.join(", "))));
    }
    Ok(v)
}

fn boolean(name: &str, src: &Source) -> Result<Value, HttpError> {
    let err = || HttpError::invalid(name, "must be true or false");
    match src {
        Source::Json(Value::Bool(b)) => Ok(Value::Bool(*b)),
        Source::Json(Value::Number(n)) => match n.as_i64() {
            Some(0) => Ok(Value::Bool(false)),
            Some(1) => Ok(Value::Bool(true)),
            _ => Err(err()),
        },
        _ => match single(src).map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("1" | "true" | "yes" | "on") => Ok(Value::Bool(true)),
            Some("0" | "false" | "no" | "off") => Ok(Value::Bool(false)),
            _ => Err(err()),
        },
    }
}

fn string(name: &str, src: &Source) -> Result<String, HttpError> {
    let s = single(src).ok_or_else(|| HttpError::invalid(name, "must be a string"))?;
    // Text in the path or the query string is short (ids, filters): the client's limit too.
    let max = if matches!(src, Source::Query(_)) { MAX_URL_TEXT_LEN } else { MAX_STRING_LEN };
    if s.chars().count() > max {
        return Err(HttpError::invalid(name, &format!("must not be greater than {max} characters")));
    }
    Ok(s.to_owned())
}

fn text_rule(name: &str, required: bool, src: &Source, ok: impl Fn(&str) -> bool, rule: &str) -> Result<Value, HttpError> {
    let s = string(name, src).map_err(|_| HttpError::invalid(name, rule))?;
    if s.trim().is_empty() {
        // Blank: the required check names a required one; an optional one given blank is not
        // a date (or e-mail...), as the OpenAPI document says, and as the client refuses it.
        // To clear a field, send JSON `null`.
        return if required { Ok(Value::String(String::new())) } else { Err(HttpError::invalid(name, rule)) };
    }
    if !ok(s.trim()) {
        return Err(HttpError::invalid(name, rule));
    }
    Ok(Value::String(s.trim().to_owned()))
}

/// An enum value in its documented spelling (matching case-insensitively).
fn canonical(name: &str, s: &str, values: &[&str]) -> Result<String, HttpError> {
    values
        .iter()
        .find(|v| v.eq_ignore_ascii_case(s.trim()))
        .map(|v| (*v).to_owned())
        .ok_or_else(|| HttpError::unprocessable(format!("The selected {name} is invalid. Allowed values: {}.", values.join(", "))))
}

/// A list item as its own source.
enum Item {
    Text(String),
    Json(Value),
}

fn item_source(item: &Item) -> Source<'_> {
    match item {
        Item::Text(s) => Source::Query(vec![s.as_str()]),
        Item::Json(v) => Source::Json(v),
    }
}

/// Lists arrive comma-separated, as repeated query parameters, or as JSON arrays.
fn list_items(name: &str, src: &Source) -> Result<Vec<Item>, HttpError> {
    let split =
        |s: &str| -> Vec<Item> { s.split(',').map(str::trim).filter(|t| !t.is_empty()).map(|t| Item::Text(t.to_owned())).collect() };
    match src {
        Source::Query(values) => Ok(values.iter().flat_map(|v| split(v)).collect()),
        Source::Json(Value::Array(a)) => Ok(a.iter().cloned().map(Item::Json).collect()),
        Source::Json(Value::String(s)) => Ok(split(s)),
        Source::Json(v @ Value::Number(_)) => Ok(vec![Item::Json((*v).clone())]),
        Source::Json(_) => Err(HttpError::invalid(name, "must be a list")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use webwork_core::ops::find;

    fn input(query: &[(&str, &str)], body: Value) -> RawInput {
        RawInput { query: query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), body, path: vec![] }
    }

    #[test]
    fn an_empty_item_of_an_enumerated_list_is_refused() {
        let op = find("getDailyAttendanceReport").unwrap();
        for status in ["", "present,,absent", " "] {
            let e = validate(op, &input(&[("workspace_id", "1"), ("date", "2026-03-04"), ("status", status)], Value::Null)).unwrap_err();
            assert_eq!(e.status, 422, "status={status:?}");
        }
    }

    #[test]
    fn messages_name_the_field() {
        let op = find("inviteMember").unwrap();
        let e = validate(
            op,
            &input(&[], json!({"workspace_id": 1, "email": "nope", "firstname": "a", "lastname": "b", "role": "Regular User"})),
        )
        .unwrap_err();
        assert_eq!(e.status, 422);
        assert_eq!(e.message, "The email field must be a valid email address.");
        let e =
            validate(op, &input(&[], json!({"workspace_id": 1, "email": "a@b.co", "lastname": "b", "role": "Regular User"}))).unwrap_err();
        assert_eq!(e.message, "The firstname field is required.");
    }

    #[test]
    fn paging_and_lists() {
        let op = find("getMembers").unwrap();
        assert!(validate(op, &input(&[("workspace_id", "1"), ("per_page", "0")], Value::Null)).is_err());
        assert!(validate(op, &input(&[("workspace_id", "1"), ("per_page", "101")], Value::Null)).is_err());
        let ok = validate(op, &input(&[("workspace_id", "1"), ("per_page", "100"), ("role", "owner")], Value::Null)).unwrap();
        assert_eq!(ok.values["role"], json!("Owner"));
        let op = find("getTaskReport").unwrap();
        let ok = validate(
            op,
            &input(
                &[("workspace_id", "1"), ("start_date", "2024-01-01"), ("end_date", "2024-01-02"), ("users", "1,2"), ("users[]", "3")],
                Value::Null,
            ),
        );
        // `users[]` is normalised by the query parser, not here; the comma list is read.
        assert_eq!(ok.unwrap().values["users"], json!([1, 2]));
    }

    #[test]
    fn workspace_from_either_place() {
        assert_eq!(workspace_id(&input(&[("workspace_id", "7")], Value::Null)).unwrap(), Some(7));
        assert_eq!(workspace_id(&input(&[], json!({"workspace_id": 8}))).unwrap(), Some(8));
        assert_eq!(workspace_id(&input(&[], json!({}))).unwrap(), None);
        assert_eq!(workspace_id(&input(&[("workspace_id", "x")], Value::Null)).unwrap_err().status, 422);
    }
}
