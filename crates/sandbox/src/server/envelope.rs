//! The reference's reply bodies: success `{success:true, data, message?, meta}` (with
//! `meta.pagination` on paged lists) and error `{success:false, message, error, meta}`.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{json, Map, Value};
use webwork_core::{Pagination, API_VERSION};

/// `meta` of every reply.
pub fn meta(timestamp: &str, pagination: Option<&Pagination>) -> Value {
    let mut m = json!({ "api_version": API_VERSION, "timestamp": timestamp });
    if let Some(p) = pagination {
        m["pagination"] = serde_json::to_value(p).unwrap_or(Value::Null);
    }
    m
}

/// An error reply. `error` is the optional detail the reference allows (string or null).
#[derive(Debug, Clone, PartialEq)]
pub struct HttpError {
    pub status: u16,
    pub message: String,
    pub error: Option<String>,
    /// Seconds, for 429.
    pub retry_after: Option<u64>,
    /// Whether the body has the `error` key at all: the reference's sample 400 for a missing
    /// `workspace_id` has none.
    pub error_key: bool,
}

impl HttpError {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        HttpError { status, message: message.into(), error: None, retry_after: None, error_key: true }
    }

    /// 400 for a request without `workspace_id`, as the reference's sample for
    /// `DELETE /time-entries/{id}` shows it: "workspace_id is required in request body", no
    /// `error` key. A read carries it in the query string, so its message does not say "body"
    /// (inferred).
    pub fn workspace_id_missing(write: bool) -> Self {
        let message = if write { "workspace_id is required in request body" } else { "workspace_id is required" };
        HttpError { error_key: false, ..Self::bad_request(message) }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.error = Some(detail.into());
        self
    }

    /// 400: the request as a whole is unusable (malformed JSON, missing workspace_id).
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(401, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(403, message)
    }

    /// 404 for `what` (e.g. "Member"): "Member not found."
    pub fn not_found(what: &str) -> Self {
        Self::new(404, format!("{what} not found."))
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(409, message)
    }

    /// 422 with a message naming the field, Laravel style: `invalid("email", "must be a valid
    /// email address")` -> "The email field must be a valid email address."
    pub fn invalid(field: &str, rule: &str) -> Self {
        Self::new(422, format!("The {field} field {rule}."))
    }

    /// 422 with a free message.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(422, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(500, message)
    }

    pub fn body(&self, timestamp: &str) -> Value {
        let mut body = json!({
            "success": false,
            "message": self.message,
            "error": self.error,
            "meta": meta(timestamp, None),
        });
        if !self.error_key && self.error.is_none() {
            body.as_object_mut().map(|b| b.remove("error"));
        }
        body
    }

    pub fn into_response_at(self, timestamp: &str) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (status, axum::Json(self.body(timestamp))).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut().insert("retry-after", HeaderValue::from(secs));
        }
        resp
    }
}

/// A database failure. Constraint violations are the client's conflict (e.g. a duplicate); any
/// other error is ours (500) and is logged.
impl From<rusqlite::Error> for HttpError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            if f.code == rusqlite::ErrorCode::ConstraintViolation {
                return HttpError::conflict("The request conflicts with an existing record.");
            }
        }
        eprintln!("webwork-sandbox: database error: {e}");
        HttpError::internal("The sandbox failed to access its database.")
    }
}

/// What a handler answers with; status and message default to the operation's documented ones.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub data: Value,
    pub pagination: Option<Pagination>,
    /// Top-level fields beside `data` (create-time-entry's `saved_minutes`).
    pub extra: Map<String, Value>,
    pub message: Option<String>,
    pub status: Option<u16>,
}

impl Reply {
    /// `data` from any serializable value (a core model, a list, `json!`).
    pub fn data(value: impl Serialize) -> Self {
        Reply { data: to_value(value), ..Reply::default() }
    }

    /// `data: null`, for operations whose output is `Empty`.
    pub fn empty() -> Self {
        Reply::default()
    }

    /// One page of an already-counted list: `items` is the page, `total` the whole count.
    pub fn page<T: Serialize>(items: Vec<T>, total: u64, page: u32, per_page: u32) -> Self {
        Reply { data: to_value(items), pagination: Some(Pagination::compute(total, page, per_page)), ..Reply::default() }
    }

    /// Slices the whole list `all` to `page` at `per_page` and adds the pagination block.
    pub fn paged<T: Serialize>(all: Vec<T>, page: u32, per_page: u32) -> Self {
        let total = all.len() as u64;
        let start = (page.max(1) as usize - 1).saturating_mul(per_page as usize);
        let items: Vec<T> = all.into_iter().skip(start).take(per_page as usize).collect();
        Reply::page(items, total, page, per_page)
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn with_extra(mut self, key: &str, value: impl Serialize) -> Self {
        self.extra.insert(key.to_owned(), to_value(value));
        self
    }

    /// The success body.
    pub fn body(&self, default_message: Option<&str>, timestamp: &str) -> Value {
        let mut body = Map::new();
        body.insert("success".into(), Value::Bool(true));
        body.insert("data".into(), self.data.clone());
        if let Some(m) = self.message.as_deref().or(default_message) {
            body.insert("message".into(), Value::String(m.to_owned()));
        }
        for (k, v) in &self.extra {
            body.insert(k.clone(), v.clone());
        }
        body.insert("meta".into(), meta(timestamp, self.pagination.as_ref()));
        Value::Object(body)
    }
}

fn to_value(value: impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
