//! The API pipeline, in the order a request meets it: fault injection, the rate limit (per user),
//! routing (404/405), the body size (413), the bearer token (401), JSON (400), the token's scope
//! (403), `workspace_id` (400) and membership (403), the access rule (`--access`: reference or
//! the role table; 403), parameter validation (422), then the operation's handler inside one
//! SQLite transaction, committed only when it succeeds; last, `--fail-after-commit` may lose the
//! answer of a committed write.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rusqlite::TransactionBehavior;
use serde_json::Value;
use webwork_core::access::scope_for;
use webwork_core::ops::routes::{self, Match};
use webwork_core::ops::{Method, OpInfo};

use super::context::Ctx;
use super::envelope::{HttpError, Reply};
use super::params::{self, RawInput};
use super::{auth, faults, App};
use crate::config::AccessMode;
use crate::store::Db;

/// The largest request body accepted.
pub const MAX_BODY: usize = 1024 * 1024;

pub async fn handle(State(app): State<Arc<App>>, req: Request) -> Response {
    let timestamp = app.store.clock.now_iso();
    if let Some(resp) = faults::inject(&app, &timestamp).await {
        return resp;
    }
    let token = auth::bearer(req.headers()).map(str::to_owned);
    let is_write = !matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS);
    let budget = match app.limiter.enabled() {
        true => app.limiter.hit(&rate_key(&app, token.as_deref()).await),
        false => None,
    };
    let mut resp = match budget.and_then(|b| b.retry_after) {
        Some(secs) => {
            HttpError { retry_after: Some(secs), ..HttpError::new(429, webwork_core::ops::inferred::too_many_requests_message(secs)) }
                .into_response_at(&timestamp)
        }
        None => match dispatch(&app, req, token, &timestamp).await {
            Ok(resp) => resp,
            Err(e) => e.into_response_at(&timestamp),
        },
    };
    if faults::lose_committed_answer(&app, is_write, resp.status().as_u16()) {
        // The transaction has committed (and webhooks are queued): only the answer is lost.
        return faults::cut_off(resp).await;
    }
    if let Some(b) = budget {
        let h = resp.headers_mut();
        h.insert("x-ratelimit-limit", HeaderValue::from(b.limit));
        h.insert("x-ratelimit-remaining", HeaderValue::from(b.remaining));
    }
    resp
}

/// Whose budget a request spends: the user behind a valid token (so a user's personal and OAuth
/// tokens share one, as the reference's "60 a minute per authenticated user" says), else the
/// token string itself (unknown or expired tokens), else one shared anonymous budget.
async fn rate_key(app: &Arc<App>, token: Option<&str>) -> String {
    let Some(token) = token else { return "anonymous".to_owned() };
    let (app2, owned, now_ms) = (app.clone(), token.to_owned(), app.store.clock.now_ms());
    let user = tokio::task::spawn_blocking(move || {
        let db = app2.store.lock();
        auth::user_id_by_token(&db.conn, &owned, now_ms).ok().flatten()
    })
    .await
    .ok()
    .flatten();
    match user {
        Some(id) => format!("user:{id}"),
        None => format!("token:{token}"),
    }
}

async fn dispatch(app: &Arc<App>, req: Request, token: Option<String>, timestamp: &str) -> Result<Response, HttpError> {
    let (parts, body) = req.into_parts();
    let rel = parts.uri.path().strip_prefix(routes::PREFIX).unwrap_or("");
    let method = Method::parse(parts.method.as_str());
    let (op, path) = match method.map(|m| routes::find(m, rel)) {
        Some(Match::Op(op, path)) => (op, path),
        Some(Match::NotFound) => return Err(not_found_endpoint()),
        Some(Match::MethodNotAllowed(_)) | None => {
            // A known path with another method, or a method the API never uses (PATCH,
            // HEAD...): 405 with an `Allow` header listing the path's methods.
            let allowed = allowed_methods(rel);
            if allowed.is_empty() {
                return Err(not_found_endpoint());
            }
            let mut resp = method_not_allowed(&parts.method, &allowed).into_response_at(timestamp);
            let list: Vec<&str> = allowed.iter().map(|m| m.as_str()).collect();
            if let Ok(v) = HeaderValue::from_str(&list.join(", ")) {
                resp.headers_mut().insert(header::ALLOW, v);
            }
            return Ok(resp);
        }
    };
    let too_large = || HttpError::new(413, "The request body is larger than 1 MiB.");
    let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(too_large());
    }
    let bytes = to_bytes(body, MAX_BODY).await.map_err(|_| too_large())?;
    let Some(token) = token else {
        return Err(HttpError::unauthorized(webwork_core::ops::inferred::NO_TOKEN_MESSAGE));
    };
    let query = parse_query(parts.uri.query())?;
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let body = parse_body(&bytes, &content_type)?;
    let input = RawInput { query, body, path };

    let app2 = app.clone();
    let now_ms = app.store.clock.now_ms();
    let outcome = tokio::task::spawn_blocking(move || run(&app2, op, &token, input, now_ms)).await;
    let (reply, deliveries) = match outcome {
        Ok(result) => result?,
        Err(join) => {
            eprintln!("webwork-sandbox: handler {} panicked: {join}", op.id);
            return Err(HttpError::internal("The sandbox failed while handling the request."));
        }
    };
    app.outbox.send(deliveries);
    let status = StatusCode::from_u16(reply.status.unwrap_or(op.doc().success_status)).unwrap_or(StatusCode::OK);
    Ok((status, axum::Json(reply.body(op.doc().message, timestamp))).into_response())
}

/// Everything that touches the database, under its lock, in one transaction.
fn run(app: &App, op: &'static OpInfo, token: &str, input: RawInput, now_ms: i64) -> Result<(Reply, Vec<i64>), HttpError> {
    let mut guard = app.store.lock();
    let Db { conn, ids } = &mut *guard;
    let behavior = if op.method == Method::Get { TransactionBehavior::Deferred } else { TransactionBehavior::Immediate };
    let tx = conn.transaction_with_behavior(behavior)?;

    let user =
        auth::user_by_token(&tx, token, now_ms)?.ok_or_else(|| HttpError::unauthorized(webwork_core::ops::inferred::BAD_TOKEN_MESSAGE))?;
    let needed = scope_for(op.id);
    if !user.scopes.contains(&needed) {
        return Err(HttpError::forbidden(format!("This token lacks the scope \"{needed}\" that this action needs.")));
    }
    let ws = if op.has_workspace() {
        let id = params::workspace_id(&input)?.ok_or_else(|| HttpError::workspace_id_missing(op.method != Method::Get))?;
        let m = auth::membership(&tx, id, user.id)?.ok_or_else(|| HttpError::forbidden("You do not have access to this workspace."))?;
        Some(m)
    } else {
        None
    };
    if let Some(m) = &ws {
        match app.config.access {
            AccessMode::Reference if !m.role.is_admin() => {
                return Err(HttpError::forbidden(format!(
                    "The API is open to workspace owners and executive managers only (your role here: {}).",
                    m.role
                )));
            }
            AccessMode::Reference => {}
            AccessMode::Roles => {
                let rule = crate::roles::rule(op.id);
                if !rule.access.allows(&m.role) {
                    return Err(HttpError::forbidden(format!(
                        "Your role ({}) may not perform this action; it is limited to: {}.",
                        m.role,
                        rule.access.label()
                    )));
                }
            }
        }
    }
    let params = params::validate(op, &input)?;
    let Some(handler) = app.handlers.get(op.id).copied() else {
        return Err(HttpError::new(501, "Not implemented in the sandbox yet").with_detail(op.id));
    };
    let mut ctx = Ctx { op, db: &tx, ids, clock: app.store.clock, now_ms, user, ws, params, body: input.body, deliveries: Vec::new() };
    let reply = handler(&mut ctx)?;
    let deliveries = std::mem::take(&mut ctx.deliveries);
    drop(ctx);
    tx.commit()?;
    Ok((reply, deliveries))
}

fn not_found_endpoint() -> HttpError {
    HttpError::new(404, "The requested endpoint does not exist.")
}

/// The methods some operation answers on `rel` (a path under `/api/v2`), in GET, POST, PUT,
/// DELETE order.
fn allowed_methods(rel: &str) -> Vec<Method> {
    [Method::Get, Method::Post, Method::Put, Method::Delete]
        .into_iter()
        .filter(|m| matches!(routes::find(*m, rel), Match::Op(..)))
        .collect()
}

fn method_not_allowed(method: &axum::http::Method, allowed: &[Method]) -> HttpError {
    let list: Vec<&str> = allowed.iter().map(|m| m.as_str()).collect();
    HttpError::new(405, format!("The {method} method is not supported for this route. Supported methods: {}.", list.join(", ")))
}

/// Decoded query pairs; `name[]` is read as `name`.
fn parse_query(raw: Option<&str>) -> Result<Vec<(String, String)>, HttpError> {
    let Some(raw) = raw.filter(|q| !q.is_empty()) else { return Ok(Vec::new()) };
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw).map_err(|_| HttpError::bad_request("The query string is malformed."))?;
    Ok(pairs.into_iter().map(|(k, v)| (k.strip_suffix("[]").map(str::to_owned).unwrap_or(k), v)).collect())
}

/// The body as a JSON object: JSON (any content type that is not a form), or a form-encoded
/// body (the older docs accept forms for webhooks). Empty is `Null`.
fn parse_body(bytes: &[u8], content_type: &str) -> Result<Value, HttpError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let text = std::str::from_utf8(bytes).map_err(|_| HttpError::bad_request("The form body is not UTF-8."))?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(text).map_err(|_| HttpError::bad_request("The form body is malformed."))?;
        let mut obj = serde_json::Map::new();
        for (k, v) in pairs {
            match k.strip_suffix("[]") {
                Some(list) => {
                    let entry = obj.entry(list.to_owned()).or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(a) = entry {
                        a.push(Value::String(v));
                    }
                }
                None => {
                    obj.insert(k, Value::String(v));
                }
            }
        }
        return Ok(Value::Object(obj));
    }
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| HttpError::bad_request("The request body is not valid JSON.").with_detail(e.to_string()))?;
    match value {
        Value::Object(_) => Ok(value),
        _ => Err(HttpError::bad_request("The request body must be a JSON object.")),
    }
}

/// `Body` is re-exported for the testing transport.
pub type ApiBody = Body;
