//! The one way a request is made: an operation's row of the table plus its parameters as JSON
//! (wire names) in, a checked [`ApiRequest`] out. The typed builders hand their fields over as
//! JSON and the JS package passes the caller's object, so both take the same checks, and the
//! code for it exists once rather than once per operation.

use serde_json::{Map, Value};

use super::{check_paging, fill_path, ApiRequest, Location, Method, OpInfo, ParamInfo};
use crate::error::ApiError;
use crate::params::{check_in_url, is_blank, normalize, query_text, ParamValue};

/// The parameters of one call after each passed its own checks, for the rules across fields.
/// A list in table order: an operation has a handful, and a map would cost the bundles its code.
pub struct Args<'a>(&'a [(&'static ParamInfo, Value)]);

impl<'a> Args<'a> {
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.0.iter().find(|(p, _)| p.name == name).map(|(_, v)| v)
    }

    /// Whether the parameter was given.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// A text parameter (dates, times, enumeration values are text).
    pub fn text(&self, name: &str) -> Option<&'a str> {
        self.get(name).and_then(Value::as_str)
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        self.get(name).and_then(Value::as_f64)
    }

    pub fn whole(&self, name: &str) -> Option<u64> {
        self.get(name).and_then(Value::as_u64)
    }

    /// An integer code (`ParamKind::IntEnum`), which may be negative.
    pub fn code(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(Value::as_i64)
    }

    /// `page` or `per_page`: a whole number that fits the API's 32 bits.
    pub fn page(&self, name: &'static str) -> Result<Option<u32>, ApiError> {
        match self.whole(name) {
            None => Ok(None),
            Some(n) => u32::try_from(n).map(Some).map_err(|_| ApiError::invalid(name, "is too large")),
        }
    }

    /// A list parameter's items.
    pub fn list(&self, name: &str) -> Option<&'a [Value]> {
        self.get(name).and_then(Value::as_array).map(Vec::as_slice)
    }
}

/// An operation's rule across fields; [`Rule::NONE`] for operations without one.
#[derive(Clone, Copy)]
pub struct Rule(pub fn(&Args) -> Result<(), ApiError>);

impl Rule {
    pub const NONE: Rule = Rule(|_| Ok(()));
}

impl core::fmt::Debug for Rule {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Rule")
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        core::ptr::fn_addr_eq(self.0, other.0)
    }
}

/// A typed builder's request: `values` are its fields in the order of `op.params` (`None` for
/// an optional one not set). Not generic, so each builder's `to_request` is only the list of
/// its fields; the map is filled here once for all of them.
pub fn build_typed(op: &OpInfo, values: &[Option<&dyn ParamValue>]) -> Result<ApiRequest, ApiError> {
    let mut params = Map::new();
    for (info, value) in op.params.iter().zip(values) {
        if let Some(value) = value {
            params.insert(info.name.to_owned(), value.param_json());
        }
    }
    build(op, &params)
}

/// Checks `params` (keyed by wire names, path parameters by their template names) against the
/// operation's table row and builds its request. Unknown keys are refused: a typo would
/// otherwise be dropped silently and the call would do something else.
pub fn build(op: &OpInfo, params: &Map<String, Value>) -> Result<ApiRequest, ApiError> {
    if let Some(key) = params.keys().find(|k| !op.params.iter().any(|p| p.name == k.as_str())) {
        let known: Vec<&str> = op.params.iter().map(|p| p.name).collect();
        return Err(ApiError::InvalidRequest {
            field: "params",
            reason: format!("has `{key}`, which is not a parameter here (expected one of: {})", known.join(", ")),
        });
    }
    let mut values = Vec::with_capacity(op.params.len());
    for p in op.params {
        let given = params.get(p.name).filter(|v| !v.is_null());
        if p.required && is_blank(given) {
            return Err(ApiError::invalid(p.name, "is required"));
        }
        if let Some(value) = given {
            let value = normalize(p.kind, value, p.name)?;
            if matches!(p.location, Location::Path | Location::Query) {
                check_in_url(&value, p.name)?;
            }
            values.push((p, value));
        }
    }
    let args = Args(&values);
    if let Some(max) = op.per_page_max {
        check_paging(args.page("page")?, args.page("per_page")?, max)?;
    }
    (op.rule.0)(&args)?;

    let writes = op.method != Method::Get;
    let (mut query, mut body, mut path_values) = (Vec::new(), Map::new(), Vec::new());
    for (p, value) in values {
        let (in_query, in_body) = match p.location {
            Location::Path => {
                path_values.push((p.name, query_text(&value)));
                continue;
            }
            Location::Query => (true, false),
            Location::Body => (false, true),
            Location::Workspace => (true, writes),
        };
        if in_query {
            query.push((p.name.to_owned(), query_text(&value)));
        }
        if in_body {
            body.insert(p.name.to_owned(), value);
        }
    }
    let path = fill_path(op.path, &path_values)?;
    Ok(ApiRequest { method: op.method, path, query, body: writes.then_some(Value::Object(body)) })
}
