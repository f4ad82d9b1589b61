//! OAuth 2.0 emulation (RFC 6749): the authorization page (`GET`/`POST /oauth/authorize`) and
//! the token endpoint (`POST /oauth/token`) for one demo app, so clients can try the flows they
//! meet on the real API. The reference documents only that OAuth2 exists with a `read` scope;
//! everything else here (paths, scopes `write`/`admin`, lifetimes of codes) is inferred and
//! labelled so in SANDBOX.md.
//!
//! Codes, access and refresh tokens live in SQLite (`oauth_codes`, `tokens` with kind `oauth`,
//! `oauth_refresh_tokens`); none of them is ever written to a log or an error message.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rusqlite::{params, Transaction};
use serde_json::{json, Value};
use webwork_core::access::Scope;

use super::auth::parse_scopes;
use super::App;
use crate::clock;
use crate::config::Config;
use crate::ids::unguessable;
use crate::store::optional;

/// The demo OAuth app's client id.
pub const DEMO_CLIENT_ID: &str = "demo-client";
/// The demo OAuth app's secret (demo data, printed in the start banner like the demo tokens).
pub const DEMO_CLIENT_SECRET: &str = "demo-secret";
/// The user the demo app belongs to; `client_credentials` tokens act as this user.
pub const DEMO_CLIENT_OWNER: i64 = 1;
/// How long an authorization code may wait for its exchange (inferred): 10 minutes.
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;

/// The scopes an authorization request without `scope` gets (inferred): the least, `read`.
const DEFAULT_AUTHORIZE_SCOPES: &[Scope] = &[Scope::Read];

/// Whether the demo app may send users back to `uri`: any loopback `http://` URL on any port
/// (RFC 8252's rule for native apps), or one of the `--oauth-redirect-uri` URLs exactly.
/// Fragments are never allowed (RFC 6749 3.1.2).
pub fn redirect_allowed(config: &Config, uri: &str) -> bool {
    if uri.contains('#') {
        return false;
    }
    if config.oauth_redirect_uris.iter().any(|u| u == uri) {
        return true;
    }
    ["http://127.0.0.1", "http://localhost", "http://[::1]"].iter().any(|host| {
        let Some(rest) = uri.strip_prefix(host) else { return false };
        let rest = match rest.strip_prefix(':') {
            Some(port_and_path) => {
                let digits = port_and_path.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 || digits > 5 {
                    return false;
                }
                &port_and_path[digits..]
            }
            None => rest,
        };
        rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')
    })
}

/// Parses a requested `scope` (space-separated). `Ok(None)` when none was asked for; an unknown
/// word is an error (`invalid_scope`).
fn requested_scopes(text: Option<&str>) -> Result<Option<Vec<Scope>>, ()> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else { return Ok(None) };
    let mut scopes = Vec::new();
    for word in text.split_ascii_whitespace() {
        scopes.push(Scope::parse(word).ok_or(())?);
    }
    scopes.sort();
    scopes.dedup();
    Ok(Some(scopes))
}

/// Scopes as the wire writes them: `read write admin` order, space-separated.
fn scope_text(scopes: &[Scope]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
}

/// Form or query pairs into a map; the first of repeated names wins.
fn pairs_to_map(pairs: Vec<(String, String)>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (k, v) in pairs {
        map.entry(k).or_insert(v);
    }
    map
}

// ---------------------------------------------------------------- the authorization page

/// Escapes text for HTML element content and quoted attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML answer that no one may frame or cache (the page grants access).
fn html(status: StatusCode, body: String) -> Response {
    let mut resp = (status, body).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"),
    );
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    resp
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d2433}\
h1{font-size:1.4rem}select,button{font:inherit;padding:.4rem .6rem}select{width:100%}button{margin:1rem .5rem 0 0}\
.note{color:#5a6478;font-size:.9rem}li code{font-weight:600}";

/// A 400 page for requests that must not be redirected: the client or its redirect_uri is not
/// trusted, so the error is shown here (RFC 6749 4.1.2.1).
fn error_page(message: &str) -> Response {
    html(
        StatusCode::BAD_REQUEST,
        format!(
            "<!doctype html><html lang=en><meta charset=utf-8><title>Authorization error</title><style>{STYLE}</style>\
             <h1>This authorization request cannot be served</h1><p>{}</p>\
             <p class=note>webwork-sandbox, demo OAuth app <code>{DEMO_CLIENT_ID}</code>.</p></html>",
            html_escape(message)
        ),
    )
}

/// `redirect_uri` with `pairs` added to its query string.
fn redirect_to(redirect_uri: &str, pairs: &[(&str, &str)]) -> Response {
    let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
    let sep = if redirect_uri.contains('?') { '&' } else { '?' };
    let location = format!("{redirect_uri}{sep}{query}");
    let mut resp = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// An error sent back to the client at its redirect_uri, with the request's state.
fn redirect_error(redirect_uri: &str, error: &str, state: Option<&str>) -> Response {
    let mut pairs = vec![("error", error)];
    if let Some(s) = state {
        pairs.push(("state", s));
    }
    redirect_to(redirect_uri, &pairs)
}

/// What both halves of the authorization step check first. `Err` is the answer to give.
struct AuthorizeRequest {
    redirect_uri: String,
    scopes: Vec<Scope>,
    scope_text: String,
    state: Option<String>,
}

fn check_authorize(app: &App, p: &HashMap<String, String>, check_response_type: bool) -> Result<AuthorizeRequest, Box<Response>> {
    match p.get("client_id").map(String::as_str) {
        Some(DEMO_CLIENT_ID) => {}
        Some(_) => return Err(Box::new(error_page("Unknown client_id: this sandbox knows one OAuth app, demo-client."))),
        None => return Err(Box::new(error_page("The request lacks client_id."))),
    }
    let redirect_uri = match p.get("redirect_uri") {
        Some(uri) if redirect_allowed(&app.config, uri) => uri.clone(),
        Some(_) => {
            return Err(Box::new(error_page(
                "This redirect_uri is not registered for demo-client: use a loopback http:// URL \
                 (127.0.0.1, localhost or [::1], any port) or start the sandbox with --oauth-redirect-uri.",
            )))
        }
        None => return Err(Box::new(error_page("The request lacks redirect_uri."))),
    };
    let state = p.get("state").cloned();
    if check_response_type {
        match p.get("response_type").map(String::as_str) {
            Some("code") => {}
            Some(_) => return Err(Box::new(redirect_error(&redirect_uri, "unsupported_response_type", state.as_deref()))),
            None => return Err(Box::new(redirect_error(&redirect_uri, "invalid_request", state.as_deref()))),
        }
    }
    let scopes = match requested_scopes(p.get("scope").map(String::as_str)) {
        Ok(Some(s)) => s,
        Ok(None) => DEFAULT_AUTHORIZE_SCOPES.to_vec(),
        Err(()) => return Err(Box::new(redirect_error(&redirect_uri, "invalid_scope", state.as_deref()))),
    };
    Ok(AuthorizeRequest { redirect_uri, scope_text: scope_text(&scopes), scopes, state })
}

fn scope_meaning(scope: Scope) -> &'static str {
    match scope {
        Scope::Read => "see the workspace's data",
        Scope::Write => "create, change and delete time, projects, tasks, leaves and expenses",
        Scope::Admin => "manage members and webhooks",
    }
}

/// `GET /oauth/authorize`: the consent page. The sandbox has no sign-in: the page lets you pick
/// which seeded user approves.
pub async fn authorize_page(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response {
    let pairs: Vec<(String, String)> = match serde_urlencoded::from_str(query.as_deref().unwrap_or("")) {
        Ok(p) => p,
        Err(_) => return error_page("The query string is malformed."),
    };
    let p = pairs_to_map(pairs);
    let req = match check_authorize(&app, &p, true) {
        Ok(r) => r,
        Err(resp) => return *resp,
    };
    let app2 = app.clone();
    let users = tokio::task::spawn_blocking(move || -> rusqlite::Result<Vec<(i64, String, String)>> {
        let db = app2.store.lock();
        let mut stmt = db.conn.prepare("SELECT id, firstname || ' ' || lastname, email FROM users ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    })
    .await;
    let Ok(Ok(users)) = users else { return error_page("The sandbox could not read its users.") };

    let options: String = users
        .iter()
        .map(|(id, name, email)| format!("<option value=\"{id}\">{} &lt;{}&gt;</option>", html_escape(name), html_escape(email)))
        .collect();
    let scopes: String =
        req.scopes.iter().map(|s| format!("<li><code>{}</code>: {}</li>", s.as_str(), html_escape(scope_meaning(*s)))).collect();
    let hidden = |name: &str, value: &str| format!("<input type=\"hidden\" name=\"{name}\" value=\"{}\">", html_escape(value));
    let body = format!(
        "<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content=\"width=device-width\">\
         <title>Authorize WebWork Sandbox Demo App</title><style>{STYLE}</style>\
         <h1>Authorize WebWork Sandbox Demo App</h1>\
         <p><strong>WebWork Sandbox Demo App</strong> (<code>{DEMO_CLIENT_ID}</code>) asks to act for you with these scopes:</p>\
         <ul>{scopes}</ul><p class=note>It will return to {}</p>\
         <form method=\"post\" action=\"/oauth/authorize\">{}{}{}{}\
         <label for=\"user_id\">Sign in as (a sandbox has no passwords)</label>\
         <select id=\"user_id\" name=\"user_id\">{options}</select>\
         <button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>\
         <button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form></html>",
        html_escape(&req.redirect_uri),
        hidden("client_id", DEMO_CLIENT_ID),
        hidden("redirect_uri", &req.redirect_uri),
        hidden("scope", &req.scope_text),
        req.state.as_deref().map(|s| hidden("state", s)).unwrap_or_default(),
    );
    html(StatusCode::OK, body)
}

/// `POST /oauth/authorize`: the user's decision. Approve: a code bound to the client, the
/// redirect_uri, the user and the scopes; deny: `error=access_denied`. Both as 303 See Other.
pub async fn authorize_decision(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return error_page("The form is malformed.");
    };
    let p = pairs_to_map(pairs);
    let req = match check_authorize(&app, &p, false) {
        Ok(r) => r,
        Err(resp) => return *resp,
    };
    match p.get("decision").map(String::as_str) {
        Some("deny") => return redirect_error(&req.redirect_uri, "access_denied", req.state.as_deref()),
        Some("approve") => {}
        _ => return error_page("Choose Approve or Deny."),
    }
    let Some(user_id) = p.get("user_id").and_then(|v| v.trim().parse::<i64>().ok()) else {
        return error_page("Choose the user who approves.");
    };
    let (app2, redirect_uri, scopes) = (app.clone(), req.redirect_uri.clone(), req.scope_text.clone());
    let made = tokio::task::spawn_blocking(move || {
        let now = app2.store.clock.now_ms();
        app2.store.write(|tx, _| -> rusqlite::Result<Option<String>> {
            let known = tx.prepare_cached("SELECT 1 FROM users WHERE id = ?1")?.exists([user_id])?;
            if !known {
                return Ok(None);
            }
            let code = unguessable("wwac_");
            tx.execute(
                "INSERT INTO oauth_codes (code, client_id, redirect_uri, user_id, scopes, expires_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![code, DEMO_CLIENT_ID, redirect_uri, user_id, scopes, now + CODE_TTL_MS],
            )?;
            Ok(Some(code))
        })
    })
    .await;
    match made {
        Ok(Ok(Some(code))) => {
            let mut pairs = vec![("code", code.as_str())];
            if let Some(s) = &req.state {
                pairs.push(("state", s));
            }
            redirect_to(&req.redirect_uri, &pairs)
        }
        Ok(Ok(None)) => error_page("There is no such user in this sandbox."),
        _ => error_page("The sandbox could not store the authorization."),
    }
}

// ---------------------------------------------------------------- the token endpoint

/// An error of the token endpoint in OAuth's own format (RFC 6749 5.2), not the API's envelope.
#[derive(Debug)]
pub struct OAuthError {
    status: StatusCode,
    error: &'static str,
    description: String,
}

impl OAuthError {
    fn new(status: StatusCode, error: &'static str, description: impl Into<String>) -> Self {
        OAuthError { status, error, description: description.into() }
    }
    fn invalid_request(d: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", d)
    }
    fn invalid_client(d: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "invalid_client", d)
    }
    fn invalid_grant(d: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_grant", d)
    }
    fn invalid_scope(d: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_scope", d)
    }
}

impl From<rusqlite::Error> for OAuthError {
    fn from(e: rusqlite::Error) -> Self {
        eprintln!("webwork-sandbox: database error in the token endpoint: {e}");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "server_error", "The sandbox failed while issuing the token.")
    }
}

/// Token answers must never be cached (RFC 6749 5.1).
fn no_store(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    resp
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let unauthorized = self.status == StatusCode::UNAUTHORIZED;
        let mut resp = (self.status, axum::Json(json!({"error": self.error, "error_description": self.description}))).into_response();
        if unauthorized {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"oauth\""));
        }
        no_store(resp)
    }
}

/// The body of a token request: a form (the standard), or a JSON object (accepted too).
fn token_params(headers: &HeaderMap, body: &[u8]) -> Result<HashMap<String, String>, OAuthError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let pairs: Vec<(String, String)> = if content_type.starts_with("application/json") {
        let value: Value = serde_json::from_slice(body).map_err(|_| OAuthError::invalid_request("The JSON body is malformed."))?;
        let Value::Object(obj) = value else { return Err(OAuthError::invalid_request("The JSON body must be an object.")) };
        obj.into_iter()
            .filter_map(|(k, v)| match v {
                Value::String(s) => Some((k, s)),
                Value::Number(n) => Some((k, n.to_string())),
                _ => None,
            })
            .collect()
    } else {
        serde_urlencoded::from_bytes(body).map_err(|_| OAuthError::invalid_request("The form body is malformed."))?
    };
    // RFC 6749 3.2: a parameter sent twice is an invalid request.
    let mut map = HashMap::new();
    for (k, v) in pairs {
        if map.insert(k.clone(), v).is_some() {
            return Err(OAuthError::invalid_request(format!("The parameter {k} is repeated.")));
        }
    }
    Ok(map)
}

/// Decodes standard base64 (with or without padding); `None` on anything else.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Equality that takes the same time wherever the strings differ (secrets).
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Client authentication (RFC 6749 2.3.1): HTTP Basic or `client_id` + `client_secret` in the
/// body, not both.
fn authenticate_client(headers: &HeaderMap, p: &HashMap<String, String>) -> Result<(), OAuthError> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"));
    let (id, secret) = match basic {
        Some((_, encoded)) => {
            if p.contains_key("client_secret") {
                return Err(OAuthError::invalid_request("Authenticate the client one way: HTTP Basic or client_secret in the body."));
            }
            let decoded = base64_decode(encoded.trim()).and_then(|b| String::from_utf8(b).ok());
            let Some((id, secret)) = decoded.as_deref().and_then(|d| d.split_once(':')) else {
                return Err(OAuthError::invalid_client("The Basic credentials are malformed."));
            };
            // Basic credentials are form-encoded first (RFC 6749 2.3.1).
            let unform = |s: &str| {
                serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("v={s}"))
                    .ok()
                    .and_then(|v| v.into_iter().next())
                    .map(|(_, v)| v)
                    .unwrap_or_default()
            };
            let (id, secret) = (unform(id), unform(secret));
            if p.get("client_id").is_some_and(|body_id| *body_id != id) {
                return Err(OAuthError::invalid_request("client_id in the body differs from the Basic credentials."));
            }
            (id, secret)
        }
        None => match (p.get("client_id"), p.get("client_secret")) {
            (Some(id), Some(secret)) => (id.clone(), secret.clone()),
            _ => {
                return Err(OAuthError::invalid_client(
                    "Client authentication failed: send client_id and client_secret, in the body or as HTTP Basic.",
                ))
            }
        },
    };
    if id == DEMO_CLIENT_ID && same_secret(&secret, DEMO_CLIENT_SECRET) {
        Ok(())
    } else {
        Err(OAuthError::invalid_client("Client authentication failed: unknown client or wrong secret."))
    }
}

/// Writes an access token (and, for user grants, a refresh token) and builds the answer.
/// `grant_code`: the authorization code the tokens descend from, so that a replay of that code
/// can revoke them all.
fn issue(
    app: &App,
    tx: &Transaction<'_>,
    now_ms: i64,
    user_id: i64,
    access_scopes: &[Scope],
    refresh_scopes: Option<&[Scope]>,
    grant_code: Option<&str>,
) -> rusqlite::Result<Value> {
    let created = clock::iso(now_ms);
    let access_ttl = app.config.access_token_ttl_secs;
    let access = unguessable("wwat_");
    let scope = scope_text(access_scopes);
    tx.execute(
        "INSERT INTO tokens (token, user_id, name, created_at, kind, scopes, expires_at_ms, client_id, grant_code) VALUES (?1, ?2, 'oauth', ?3, 'oauth', ?4, ?5, ?6, ?7)",
        params![access, user_id, created, scope, now_ms.saturating_add(access_ttl.saturating_mul(1000) as i64), DEMO_CLIENT_ID, grant_code],
    )?;
    let mut answer = json!({"token_type": "Bearer", "expires_in": access_ttl, "access_token": access, "scope": scope});
    if let Some(refresh_scopes) = refresh_scopes {
        let refresh = unguessable("wwrt_");
        let expires = now_ms.saturating_add(app.config.refresh_token_ttl_secs.saturating_mul(1000) as i64);
        tx.execute(
            "INSERT INTO oauth_refresh_tokens (token, client_id, user_id, scopes, created_at, expires_at_ms, grant_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![refresh, DEMO_CLIENT_ID, user_id, scope_text(refresh_scopes), created, expires, grant_code],
        )?;
        answer["refresh_token"] = Value::String(refresh);
    }
    Ok(answer)
}

fn required<'a>(p: &'a HashMap<String, String>, name: &str) -> Result<&'a str, OAuthError> {
    p.get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| OAuthError::invalid_request(format!("The request lacks {name}.")))
}

/// The grants, inside one write transaction.
fn grant(app: &App, p: &HashMap<String, String>) -> Result<Value, OAuthError> {
    let grant_type = required(p, "grant_type")?;
    if !matches!(grant_type, "authorization_code" | "refresh_token" | "client_credentials") {
        return Err(OAuthError::new(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Supported grant types: authorization_code, refresh_token, client_credentials.",
        ));
    }
    let asked = requested_scopes(p.get("scope").map(String::as_str))
        .map_err(|()| OAuthError::invalid_scope("Known scopes: read, write, admin."))?;
    let now = app.store.clock.now_ms();
    // The outer `Err` rolls back; an inner one is an answer whose writes (a revocation) stand.
    app.store.write(|tx, _| -> Result<Result<Value, OAuthError>, OAuthError> {
        purge_expired(tx, now)?;
        grant_in(app, tx, now, grant_type, asked, p)
    })?
}

/// Expired codes and tokens are of no use to anyone: each grant clears them out (a used code is
/// kept until it expires, so that a replay is still recognised).
fn purge_expired(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM oauth_codes WHERE expires_at_ms <= ?1", [now])?;
    tx.execute("DELETE FROM tokens WHERE kind = 'oauth' AND expires_at_ms <= ?1", [now])?;
    tx.execute("DELETE FROM oauth_refresh_tokens WHERE expires_at_ms <= ?1", [now])?;
    Ok(())
}

/// Revokes every token descended from `code` (RFC 6749 §4.1.2: a code used twice may have been
/// stolen, and the tokens issued for it are no longer trusted).
fn revoke_grant(tx: &Transaction<'_>, code: &str, now: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM tokens WHERE grant_code = ?1", [code])?;
    tx.execute("UPDATE oauth_refresh_tokens SET revoked_at_ms = ?2 WHERE grant_code = ?1 AND revoked_at_ms IS NULL", params![code, now])?;
    Ok(())
}

fn grant_in(
    app: &App,
    tx: &Transaction<'_>,
    now: i64,
    grant_type: &str,
    asked: Option<Vec<Scope>>,
    p: &HashMap<String, String>,
) -> Result<Result<Value, OAuthError>, OAuthError> {
    match grant_type {
        "authorization_code" => {
            let code = required(p, "code")?;
            let redirect_uri = required(p, "redirect_uri")?;
            let row = optional(
                tx.prepare_cached(
                    "SELECT client_id, redirect_uri, user_id, scopes, expires_at_ms, used_at_ms FROM oauth_codes WHERE code = ?1",
                )?
                .query_row([code], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                    ))
                }),
            )?;
            let refused = || OAuthError::invalid_grant("The authorization code is invalid, expired or already used.");
            let Some((client, bound_uri, user, scopes, expires, used)) = row else { return Err(refused()) };
            if client != DEMO_CLIENT_ID || expires <= now {
                return Err(refused());
            }
            if used.is_some() {
                // The same answer as for any bad code; only the revocation tells the replay apart.
                revoke_grant(tx, code, now)?;
                return Ok(Err(refused()));
            }
            if bound_uri != redirect_uri {
                return Err(OAuthError::invalid_grant("redirect_uri differs from the one of the authorization request."));
            }
            tx.execute("UPDATE oauth_codes SET used_at_ms = ?2 WHERE code = ?1", params![code, now])?;
            let scopes = parse_scopes(&scopes);
            Ok(Ok(issue(app, tx, now, user, &scopes, Some(&scopes), Some(code))?))
        }
        "refresh_token" => {
            let token = required(p, "refresh_token")?;
            let row = optional(
                tx.prepare_cached(
                    "SELECT client_id, user_id, scopes, expires_at_ms, revoked_at_ms, grant_code FROM oauth_refresh_tokens WHERE token = ?1",
                )?
                .query_row([token], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Option<i64>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                }),
            )?;
            let refused = || OAuthError::invalid_grant("The refresh token is invalid, expired or revoked.");
            let Some((client, user, granted, expires, revoked, grant_code)) = row else { return Err(refused()) };
            if revoked.is_some() || expires <= now || client != DEMO_CLIENT_ID {
                return Err(refused());
            }
            let granted = parse_scopes(&granted);
            let access_scopes = match asked {
                Some(asked) if asked.iter().any(|s| !granted.contains(s)) => {
                    return Err(OAuthError::invalid_scope("The requested scope exceeds the scope originally granted."))
                }
                Some(asked) => asked,
                None => granted.clone(),
            };
            // Rotation: the used refresh token is revoked in the same transaction as the new one is made.
            tx.execute("UPDATE oauth_refresh_tokens SET revoked_at_ms = ?2 WHERE token = ?1", params![token, now])?;
            Ok(Ok(issue(app, tx, now, user, &access_scopes, Some(&granted), grant_code.as_deref())?))
        }
        _ => {
            // client_credentials: the app acts as its owner; without `scope`, every scope.
            let scopes = asked.unwrap_or_else(|| Scope::ALL.to_vec());
            Ok(Ok(issue(app, tx, now, DEMO_CLIENT_OWNER, &scopes, None, None)?))
        }
    }
}

/// `POST /oauth/token`.
pub async fn token(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let p = match token_params(&headers, &body) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    if let Err(e) = authenticate_client(&headers, &p) {
        return e.into_response();
    }
    let app2 = app.clone();
    match tokio::task::spawn_blocking(move || grant(&app2, &p)).await {
        Ok(Ok(answer)) => no_store((StatusCode::OK, axum::Json(answer)).into_response()),
        Ok(Err(e)) => e.into_response(),
        Err(_) => OAuthError::new(StatusCode::INTERNAL_SERVER_ERROR, "server_error", "The sandbox failed while issuing the token.")
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_and_listed_redirects_only() {
        let mut c = Config::for_tests("2026-03-04");
        c.oauth_redirect_uris.push("https://app.example/cb".into());
        for ok in [
            "http://127.0.0.1:5173/cb",
            "http://localhost:8080/auth/callback?x=1",
            "http://[::1]:9/",
            "http://localhost",
            "https://app.example/cb",
        ] {
            assert!(redirect_allowed(&c, ok), "{ok}");
        }
        for bad in [
            "http://127.0.0.1.evil.test/cb",
            "http://localhost:80@evil.test/",
            "http://localhost:/cb",
            "https://127.0.0.1:5173/cb",
            "http://127.0.0.1:5173/cb#frag",
            "https://app.example/cb/other",
            "javascript:alert(1)",
        ] {
            assert!(!redirect_allowed(&c, bad), "{bad}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(html_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(base64_decode("ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=").as_deref(), Some(&b"demo-client:demo-secret"[..]));
        assert_eq!(base64_decode("not base64!"), None);
        assert_eq!(requested_scopes(Some("write read write")), Ok(Some(vec![Scope::Read, Scope::Write])));
        assert_eq!(requested_scopes(Some("  ")), Ok(None));
        assert_eq!(requested_scopes(Some("read delete")), Err(()));
        assert!(same_secret("demo-secret", "demo-secret") && !same_secret("demo-secret", "demo-secreT"));
    }
}
