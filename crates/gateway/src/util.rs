//! Small shared pieces: the API's error envelope, random ids, cookies, time.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};

/// An error in the API's envelope (`{"success":false,"message",..,"meta":{"api_version","timestamp"}}`),
/// so every client of the API reads the gateway's refusals like the API's own.
pub fn envelope(status: u16, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = json!({
        "success": false,
        "message": message,
        "error": null,
        "meta": { "api_version": webwork_core::API_VERSION, "timestamp": now_iso() },
    });
    let mut resp = (status, axum::Json(body)).into_response();
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// 32 random bytes, URL-safe base64 (session ids, OAuth state, login nonces).
pub fn random_id() -> String {
    let mut bytes = [0u8; 32];
    // The OS source failing is not recoverable in a way that keeps sessions safe.
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the stores keep instead of a browser-held secret: a leaked store gives no usable cookie.
pub fn digest(secret: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(secret.as_bytes()))
}

/// The value of cookie `name` in the request's Cookie headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

/// A `Set-Cookie` value with the contract's flags; `None` clears the cookie.
pub fn set_cookie(name: &str, value: Option<&str>, path: &str, max_age: Option<u64>) -> HeaderValue {
    let text = match value {
        Some(v) => {
            let age = max_age.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
            format!("{name}={v}; HttpOnly; Secure; SameSite=Lax; Path={path}{age}")
        }
        None => format!("{name}=; HttpOnly; Secure; SameSite=Lax; Path={path}; Max-Age=0"),
    };
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Now as ISO 8601 UTC (`2026-03-04T10:00:00Z`), the API's `meta.timestamp` form.
pub fn now_iso() -> String {
    let secs = unix_now();
    let (date, rem) = (webwork_core::date::CivilDate::from_days((secs / 86_400) as i64), secs % 86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", rem / 3600, rem / 60 % 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_and_ids() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; webwork_session=xyz; b="));
        assert_eq!(cookie(&h, "webwork_session").as_deref(), Some("xyz"));
        assert_eq!(cookie(&h, "b"), None);
        assert_ne!(random_id(), random_id());
        assert_eq!(random_id().len(), 43);
        let c = set_cookie("webwork_session", Some("v"), "/", None);
        assert_eq!(c.to_str().unwrap(), "webwork_session=v; HttpOnly; Secure; SameSite=Lax; Path=/");
        assert!(now_iso().ends_with('Z') && now_iso().len() == 20);
    }
}
