//! Operations: one typed builder per API operation, all generated from the table in
//! [`table`]. A builder holds its parameters, checks them against the documented rules, and
//! becomes an [`ApiRequest`] without I/O. Its reply type is attached as [`Operation::Output`].
//!
//! Adding an endpoint is one entry in `table.rs`.

#[macro_use]
mod macros;
mod build;
pub mod inferred;
pub mod routes;
mod table;

pub use build::{build, build_typed, Args, Rule};
pub use table::*;

use crate::models::json::FromJson;
use serde_json::Value;

use crate::error::ApiError;
use crate::params::ParamKind;

/// The HTTP methods API v2 uses (it has no PATCH).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending twice has the effect of sending once; only these are retried.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post)
    }

    pub fn parse(s: &str) -> Option<Method> {
        match s.to_ascii_uppercase().as_str() {
            "GET" => Some(Method::Get),
            "POST" => Some(Method::Post),
            "PUT" => Some(Method::Put),
            "DELETE" => Some(Method::Delete),
            _ => None,
        }
    }
}

impl core::fmt::Display for Method {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Body,
    /// `workspace_id`: the query string on reads; both the query string and the JSON body on
    /// writes, because the API's documentation editions disagree on its place (catalog 0.5).
    Workspace,
}

/// Lower-case names for the table's `@ query` / `@ body` / `@ ws` markers.
#[allow(non_upper_case_globals)]
pub(crate) mod loc {
    use super::Location;
    pub const query: Location = Location::Query;
    pub const body: Location = Location::Body;
    pub const ws: Location = Location::Workspace;
}

/// One parameter of an operation, as data (for the OpenAPI document and dynamic callers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamInfo {
    /// The wire name.
    pub name: &'static str,
    pub location: Location,
    pub required: bool,
    pub kind: ParamKind,
}

/// An operation as data: what the table says about it.
/// What a request of one operation needs: checked and built by [`build`] from this alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OpInfo {
    /// The documentation's operation id, e.g. `getMembers`.
    pub id: &'static str,
    pub method: Method,
    /// The path template relative to the base URL, e.g. `/members/{memberId}`.
    pub path: &'static str,
    pub params: &'static [ParamInfo],
    /// The largest `per_page` of a paginated list; `None` when the operation is not paginated.
    pub per_page_max: Option<u32>,
    /// The documented rules across fields (a date range's order and length, fields that go
    /// together), run by [`build`] after each parameter passed its own checks.
    pub rule: Rule,
}

/// What documents one operation: for the sandbox, the OpenAPI document and the generated
/// TypeScript, never for making a request. A table of its own ([`DOCS`], reached by
/// [`OpInfo::doc`]) so that a bundle which only sends requests (the npm package) does not
/// carry every summary and message: about 9 KB of the catalog's data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OpDoc {
    /// The builder's type name, e.g. `ListMembers`.
    pub name: &'static str,
    /// The documentation's group, e.g. `Members`.
    pub tag: &'static str,
    pub summary: &'static str,
    /// The reply's `data` type name; lists read `[Member]`.
    pub output: &'static str,
    /// The HTTP status of success.
    pub success_status: u16,
    /// The documented success message, when there is one.
    pub message: Option<&'static str>,
    /// The operation itself is not confirmed by the vendor's documentation (its path was never
    /// seen): path and behaviour follow the API's own conventions.
    pub inferred: bool,
    /// `success_status` is ours: the reference shows no status for this operation's success.
    pub status_inferred: bool,
    /// `message` is ours: the reference shows no success message for this operation.
    pub message_inferred: bool,
    /// Wire names of the parameters the reference does not list for this operation.
    pub inferred_params: &'static [&'static str],
    /// Other behaviour of this operation that is ours, said in a sentence each.
    pub inferred_notes: &'static [&'static str],
}

impl OpDoc {
    /// Whether the reference does not list parameter `name` for this operation.
    pub fn param_inferred(&self, name: &str) -> bool {
        self.inferred || self.inferred_params.contains(&name)
    }
}

/// The documentation of an operation outside the catalog (none is).
const UNDOCUMENTED: OpDoc = OpDoc {
    name: "",
    tag: "",
    summary: "",
    output: "",
    success_status: 200,
    message: None,
    inferred: true,
    status_inferred: true,
    message_inferred: true,
    inferred_params: &[],
    inferred_notes: &[],
};

impl OpInfo {
    /// This operation's row of [`DOCS`].
    pub fn doc(&self) -> &'static OpDoc {
        CATALOG.iter().position(|op| op.id == self.id).map_or(&UNDOCUMENTED, |i| &DOCS[i])
    }

    /// The parameters in the path, in template order.
    pub fn path_params(&self) -> impl Iterator<Item = &ParamInfo> {
        self.params.iter().filter(|p| p.location == Location::Path)
    }

    /// Whether the operation is scoped to a workspace.
    pub fn has_workspace(&self) -> bool {
        self.params.iter().any(|p| p.location == Location::Workspace)
    }
}

/// A request ready for a transport: nothing here has touched the network.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequest {
    pub method: Method,
    /// Relative to the base URL, path parameters filled in and percent-encoded.
    pub path: String,
    /// Unencoded pairs, in order.
    pub query: Vec<(String, String)>,
    /// The JSON body; `None` for reads.
    pub body: Option<Value>,
}

impl ApiRequest {
    /// A request for any path, for endpoints this crate lacks.
    pub fn raw(method: Method, path: impl Into<String>) -> Self {
        let mut path = path.into();
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
        ApiRequest { method, path, query: Vec::new(), body: None }
    }

    pub fn with_query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    pub fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The value of a query parameter.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Sets a query parameter, replacing an earlier value.
    pub fn set_query(&mut self, name: &str, value: String) {
        match self.query.iter_mut().find(|(k, _)| k == name) {
            Some(pair) => pair.1 = value,
            None => self.query.push((name.to_owned(), value)),
        }
    }

    /// The full URL under `base` (e.g. `https://api.webwork-tracker.com/api/v2`).
    pub fn url(&self, base: &str) -> String {
        let mut url = String::with_capacity(base.len() + self.path.len() + 32);
        url.push_str(base.trim_end_matches('/'));
        url.push_str(&self.path);
        for (i, (k, v)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            encode_into(&mut url, k, QUERY_SAFE);
            url.push('=');
            encode_into(&mut url, v, QUERY_SAFE);
        }
        url
    }
}

/// A typed operation: parameters in, `Output` out.
pub trait Operation {
    /// What the reply's `data` decodes into.
    type Output: FromJson;
    /// What the table says about this operation's requests.
    const INFO: OpInfo;
    /// What the table says to document it.
    const DOC: OpDoc;
    /// Checks the parameters and builds the request; a rule broken is
    /// [`ApiError::InvalidRequest`] naming the field, and nothing is sent.
    fn to_request(&self) -> Result<ApiRequest, ApiError>;
}

/// A list operation the client can walk page by page.
pub trait Paginated: Operation<Output = Vec<Self::Item>> + Clone {
    type Item: FromJson;
    /// The largest `per_page` the API allows here (100, or 50 for time entries).
    const PER_PAGE_MAX: u32;
    fn set_page(&mut self, page: u32);
    fn set_per_page(&mut self, per_page: u32);
    fn page_number(&self) -> Option<u32>;
    fn page_size(&self) -> Option<u32>;
}

/// Fills a path template's `{name}` placeholders with percent-encoded values.
pub(crate) fn fill_path(template: &'static str, values: &[(&str, String)]) -> Result<String, ApiError> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // Split, not sliced by index: a str index links the char-boundary panic and its Unicode
    // printing tables into every bundle (the same in check_datetime, CivilDate::parse, parse_number).
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let (name, after) = after.split_once('}').unwrap_or((after, ""));
        let (_, value) = values.iter().find(|(n, _)| *n == name).expect("every placeholder has a value");
        if value.is_empty() {
            return Err(ApiError::invalid(name, "is required"));
        }
        encode_into(&mut out, value, PATH_SAFE);
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

const PATH_SAFE: &[u8] = b"-._~";
const QUERY_SAFE: &[u8] = b"-._~,";

/// Percent-encodes everything but ASCII alphanumerics and `safe`.
pub(crate) fn encode_into(out: &mut String, s: &str, safe: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || safe.contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Builds the request of the operation with documented id `id` from JSON parameters (wire
/// names), with every check the typed builder makes; the JS package calls every operation
/// through this one function.
pub fn request_for(id: &str, params: &serde_json::Map<String, Value>) -> Result<ApiRequest, ApiError> {
    match CATALOG.iter().find(|op| op.id == id) {
        Some(op) => build(op, params),
        None => Err(ApiError::InvalidRequest { field: "operation", reason: format!("\"{id}\" is not an operation of API v2") }),
    }
}

/// Looks an operation up by its documented id (e.g. `getMembers`) or builder name.
pub fn find(id_or_name: &str) -> Option<&'static OpInfo> {
    CATALOG.iter().zip(DOCS).find(|(op, doc)| op.id == id_or_name || doc.name == id_or_name).map(|(op, _)| op)
}

/// Checks a paginated operation's `page` and `per_page`.
pub(crate) fn check_paging(page: Option<u32>, per_page: Option<u32>, max: u32) -> Result<(), ApiError> {
    if page == Some(0) {
        return Err(ApiError::invalid("page", "must be 1 or more"));
    }
    match per_page {
        Some(n) if n == 0 || n > max => Err(ApiError::invalid("per_page", format!("must be between 1 and {max}"))),
        _ => Ok(()),
    }
}

/// The wire name of a field: the identifier without a raw-identifier prefix (`r#type` -> `type`).
pub(crate) const fn wire_name(ident: &'static str) -> &'static str {
    match ident.as_bytes() {
        [b'r', b'#', ..] => ident.split_at(2).1,
        _ => ident,
    }
}
