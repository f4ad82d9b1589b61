//! OAuth2 as a backend-for-frontend (CONTRACT.md section 3): the gateway runs the authorization
//! code flow, keeps the tokens in its session store, and the browser only holds an opaque
//! `webwork_session` cookie. Proxied calls with that cookie get the session's bearer token.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use crate::config::OAuthConfig;
use crate::sessions::{Session, Sessions};
use crate::util::{cookie, digest, envelope, random_id, set_cookie, unix_now};
use crate::Gateway;

pub const SESSION_COOKIE: &str = "webwork_session";
const LOGIN_COOKIE: &str = "webwork_login";
/// Refresh when the access token has less than this left.
pub const REFRESH_MARGIN_SECS: u64 = 300;
pub const SESSION_ENDED: &str = "Your session has ended; sign in again.";

pub struct OAuth {
    pub cfg: OAuthConfig,
    pub sessions: Sessions,
    /// One lock per session being refreshed: concurrent refreshes of a session make one token call.
    refreshing: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// What the token endpoint gave.
#[derive(Deserialize)]
pub struct TokenAnswer {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    pub expires_in: Option<u64>,
    #[serde(default)]
    pub scope: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokenError {
    /// The server said no (RFC 6749 5.2: 400/401).
    Refused,
    /// No usable answer (network, 5xx, garbage).
    Unavailable,
}

/// One call to the token endpoint; client authentication by `client_id` + `client_secret` in the body.
pub async fn token_call(http: &reqwest::Client, cfg: &OAuthConfig, form: &[(&str, &str)]) -> Result<TokenAnswer, TokenError> {
    let mut fields: Vec<(&str, &str)> = form.to_vec();
    fields.push(("client_id", &cfg.client_id));
    fields.push(("client_secret", &cfg.client_secret));
    let body = serde_urlencoded::to_string(&fields).map_err(|_| TokenError::Unavailable)?;
    let resp = http
        .post(&cfg.token_url)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(body)
        .timeout(std::time::Duration::from_secs(30))
        .send()
        .await
        .map_err(|_| TokenError::Unavailable)?;
    let status = resp.status().as_u16();
    if status == 400 || status == 401 {
        return Err(TokenError::Refused);
    }
    if !(200..300).contains(&status) {
        return Err(TokenError::Unavailable);
    }
    let bytes = resp.bytes().await.map_err(|_| TokenError::Unavailable)?;
    serde_json::from_slice::<TokenAnswer>(&bytes).map_err(|_| TokenError::Unavailable)
}

/// Only a path on this origin: `/x`, never `//evil`, `/\evil`, `https://evil`, nor control characters.
pub fn safe_return(asked: Option<&str>) -> String {
    let Some(p) = asked else { return "/".into() };
    let ok = p.starts_with('/')
        && !p.starts_with("//")
        && !p.starts_with("/\\")
        && !p.chars().any(|c| c.is_control() || c == '\\')
        && !p.to_ascii_lowercase().contains("%5c")
        && !p[1..].starts_with("%2f")
        && !p[1..].starts_with("%2F");
    if ok {
        p.to_owned()
    } else {
        "/".into()
    }
}

/// The contract's CSRF rule for a state-changing request that relies on the session cookie.
pub fn csrf_ok(gw: &Gateway, method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if headers.get("x-webwork-client").is_some_and(|v| !v.is_empty()) {
        return true;
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    origin.is_some_and(|o| o == gw.config.public_origin || gw.config.cors_allow.iter().any(|a| a == o))
}

pub fn csrf_refusal() -> Response {
    envelope(403, "Cross-site request refused: send the header X-WebWork-Client or call from this site's own pages.")
}

/// A session that ended: the contract's 401 and the cookie cleared.
pub fn ended() -> Response {
    let mut r = envelope(401, SESSION_ENDED);
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, None, "/", None));
    r
}

impl OAuth {
    pub fn new(cfg: OAuthConfig, sessions: Sessions) -> Self {
        OAuth { cfg, sessions, refreshing: Mutex::new(HashMap::new()) }
    }

    /// The session's access token, refreshed first when it is near expiry or when `stale` (the
    /// token an upstream 401 refused) is still the stored one.
    pub async fn access_token(&self, http: &reqwest::Client, sid: &str, stale: Option<&str>) -> Result<String, TokenError> {
        let needs = |s: &Session| s.expires_at <= unix_now() + REFRESH_MARGIN_SECS || stale == Some(s.access_token.as_str());
        let s = self.sessions.get(sid).ok_or(TokenError::Refused)?;
        if !needs(&s) {
            return Ok(s.access_token);
        }
        let lock = {
            let mut map = self.refreshing.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(digest(sid)).or_default().clone()
        };
        let _held = lock.lock().await;
        // Whoever held the lock before may have refreshed already.
        let s = self.sessions.get(sid).ok_or(TokenError::Refused)?;
        if !needs(&s) {
            return Ok(s.access_token);
        }
        let result = self.refresh(http, sid, &s).await;
        self.refreshing.lock().unwrap_or_else(|e| e.into_inner()).remove(&digest(sid));
        result
    }

    async fn refresh(&self, http: &reqwest::Client, sid: &str, s: &Session) -> Result<String, TokenError> {
        let Some(refresh) = s.refresh_token.as_deref() else {
            self.sessions.delete(sid);
            return Err(TokenError::Refused);
        };
        match token_call(http, &self.cfg, &[("grant_type", "refresh_token"), ("refresh_token", refresh)]).await {
            Ok(t) => {
                let next = Session {
                    expires_at: unix_now() + t.expires_in.unwrap_or(3600),
                    // The refresh token rotates; keep the old one only if none came back.
                    refresh_token: t.refresh_token.or_else(|| s.refresh_token.clone()),
                    scopes: t.scope.unwrap_or_else(|| s.scopes.clone()),
                    access_token: t.access_token,
                    user: s.user.clone(),
                };
                self.sessions.put(sid, &next);
                Ok(next.access_token)
            }
            Err(TokenError::Refused) => {
                self.sessions.delete(sid);
                Err(TokenError::Refused)
            }
            Err(e) => Err(e),
        }
    }
}

#[derive(Deserialize)]
pub struct LoginQuery {
    #[serde(rename = "return")]
    return_path: Option<String>,
}

pub async fn login(State(gw): State<Arc<Gateway>>, Query(q): Query<LoginQuery>) -> Response {
    let Some(oauth) = &gw.oauth else { return not_configured() };
    let state = random_id();
    let nonce = random_id();
    oauth.sessions.add_login(&state, &nonce, &safe_return(q.return_path.as_deref()));
    let query = serde_urlencoded::to_string([
        ("response_type", "code"),
        ("client_id", oauth.cfg.client_id.as_str()),
        ("redirect_uri", oauth.cfg.redirect_uri.as_str()),
        ("scope", oauth.cfg.scopes.as_str()),
        ("state", state.as_str()),
    ])
    .unwrap_or_default();
    let sep = if oauth.cfg.authorize_url.contains('?') { '&' } else { '?' };
    let location = format!("{}{sep}{query}", oauth.cfg.authorize_url);
    let mut r = StatusCode::FOUND.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&location) {
        h.insert(header::LOCATION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Binds the pending sign-in to this browser: a callback URL replayed elsewhere is refused.
    h.append(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, Some(&nonce), "/auth", Some(crate::sessions::LOGIN_TTL_SECS)));
    r
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

pub async fn callback(State(gw): State<Arc<Gateway>>, headers: HeaderMap, Query(q): Query<CallbackQuery>) -> Response {
    let Some(oauth) = &gw.oauth else { return not_configured() };
    let pending = q.state.as_deref().and_then(|s| oauth.sessions.take_login(s));
    let nonce = cookie(&headers, LOGIN_COOKIE);
    let verified = match (&pending, &nonce) {
        (Some(p), Some(n)) => p.expires_at >= unix_now() && p.nonce_digest == digest(n),
        _ => false,
    };
    let clear_login = set_cookie(LOGIN_COOKIE, None, "/auth", None);
    let with_clear = |mut r: Response| {
        r.headers_mut().append(header::SET_COOKIE, clear_login.clone());
        r
    };
    let Some(pending) = pending.filter(|_| verified) else {
        return with_clear(envelope(400, "This sign-in could not be verified (unknown, used or expired state); start again."));
    };
    if q.error.is_some() {
        return with_clear(envelope(401, "The sign-in was not approved."));
    }
    let Some(code) = q.code.as_deref().filter(|c| !c.is_empty()) else {
        return with_clear(envelope(400, "The sign-in answer carries no code."));
    };
    let answer = token_call(
        &gw.http,
        &oauth.cfg,
        &[("grant_type", "authorization_code"), ("code", code), ("redirect_uri", &oauth.cfg.redirect_uri)],
    )
    .await;
    let t = match answer {
        Ok(t) => t,
        Err(TokenError::Refused) => return with_clear(envelope(401, "The authorization server refused the sign-in code; start again.")),
        Err(TokenError::Unavailable) => return with_clear(envelope(502, "The authorization server could not be reached.")),
    };
    let user = who_is(&gw, &t.access_token).await;
    let session = Session {
        expires_at: unix_now() + t.expires_in.unwrap_or(3600),
        refresh_token: t.refresh_token,
        scopes: t.scope.unwrap_or_else(|| oauth.cfg.scopes.clone()),
        access_token: t.access_token,
        user,
    };
    let sid = random_id();
    oauth.sessions.put(&sid, &session);
    let mut r = StatusCode::FOUND.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&pending.return_path) {
        h.insert(header::LOCATION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, Some(&sid), "/", None));
    with_clear(r)
}

/// The signed-in person, for /auth/session: the API has no "me" operation, so the first
/// workspace's `user_id` and that member's record (best effort; null when either fails).
async fn who_is(gw: &Gateway, token: &str) -> serde_json::Value {
    let get = |path: String| async move {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, crate::proxy::bearer(token)?);
        h.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        let up = crate::proxy::call(&gw.http, &gw.config.upstream, gw.config.upstream_timeout, &Method::GET, &path, h, Default::default())
            .await
            .ok()?;
        let v: serde_json::Value = serde_json::from_slice(&up.body).ok()?;
        up.status.is_success().then(|| v["data"].clone())
    };
    let Some(workspaces) = get("/workspaces".into()).await else { return serde_json::Value::Null };
    let Some(first) = workspaces.as_array().and_then(|a| a.first()) else { return serde_json::Value::Null };
    let (Some(ws), Some(uid)) = (first["id"].as_u64(), first["user_id"].as_u64()) else { return serde_json::Value::Null };
    match get(format!("/members/{uid}?workspace_id={ws}")).await {
        Some(m) => json!({ "id": uid, "email": m["email"], "firstname": m["firstname"], "lastname": m["lastname"] }),
        None => json!({ "id": uid, "email": null, "firstname": null, "lastname": null }),
    }
}

pub async fn session(State(gw): State<Arc<Gateway>>, headers: HeaderMap) -> Response {
    let sid = cookie(&headers, SESSION_COOKIE);
    let found = match (&gw.oauth, &sid) {
        (Some(o), Some(sid)) => o.sessions.get(sid),
        _ => None,
    };
    let scopes: Vec<&str> = found.as_ref().map(|s| s.scopes.split_whitespace().collect()).unwrap_or_default();
    let body = json!({
        "oauth": gw.oauth.is_some(),
        "signed_in": found.is_some(),
        "user": found.as_ref().map(|s| s.user.clone()).unwrap_or(serde_json::Value::Null),
        "scopes": scopes,
        "widgets": gw.service.is_some(),
    });
    let mut r = (StatusCode::OK, axum::Json(body)).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if sid.is_some() && found.is_none() {
        r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, None, "/", None));
    }
    r
}

pub async fn logout(State(gw): State<Arc<Gateway>>, method: Method, headers: HeaderMap) -> Response {
    if !csrf_ok(&gw, &method, &headers) {
        return csrf_refusal();
    }
    if let (Some(o), Some(sid)) = (&gw.oauth, cookie(&headers, SESSION_COOKIE)) {
        o.sessions.delete(&sid);
    }
    let mut r = StatusCode::NO_CONTENT.into_response();
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, None, "/", None));
    r
}

fn not_configured() -> Response {
    envelope(404, "Sign-in with OAuth is not configured on this gateway.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths() {
        assert_eq!(safe_return(Some("/w/1/members?x=1")), "/w/1/members?x=1");
        for hostile in ["//evil.com", "/\\evil.com", "https://evil.com", "evil.com", "/%5cevil", "/%2F%2Fevil", "/\tx", ""] {
            assert_eq!(safe_return(Some(hostile)), "/", "{hostile:?}");
        }
        assert_eq!(safe_return(None), "/");
    }
}
