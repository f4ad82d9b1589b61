//! Forwarding to the API: method, path, query, body and Authorization as they came; hop-by-hop
//! headers, Host and the browser's Cookie never go upstream; the API's status, body and
//! rate-limit headers come back unchanged.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use bytes::Bytes;

use crate::util::envelope;

/// An answer of the API, read whole.
#[derive(Debug, Clone)]
pub struct Upstream {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UpstreamError {
    Timeout,
    Down,
}

impl UpstreamError {
    pub fn response(self) -> Response {
        match self {
            UpstreamError::Timeout => envelope(504, "The WebWork API did not answer in time."),
            UpstreamError::Down => envelope(502, "The WebWork API could not be reached."),
        }
    }
}

const HOP_BY_HOP: &[&str] = &["connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade"];

/// The headers that may cross the proxy, either way: minus hop-by-hop ones (and those named in
/// `Connection`), `Proxy-*`, Host, Content-Length (recomputed), Cookie and Set-Cookie (the
/// browser's cookies are for the gateway, the API's are not for the gateway's origin).
pub fn forwardable(headers: &HeaderMap) -> HeaderMap {
    let named: Vec<String> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|s| s.trim().to_ascii_lowercase())
        .collect();
    let mut out = HeaderMap::new();
    for (name, value) in headers {
        let n = name.as_str();
        let drop = HOP_BY_HOP.contains(&n)
            || n.starts_with("proxy-")
            || named.iter().any(|c| c == n)
            || matches!(n, "host" | "content-length" | "cookie" | "set-cookie");
        if !drop {
            out.append(name.clone(), value.clone());
        }
    }
    out
}

/// One call to the API. `path_and_query` is relative to the upstream base (`/members?x=1`).
pub async fn call(
    http: &reqwest::Client,
    base: &str,
    timeout: Duration,
    method: &Method,
    path_and_query: &str,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Upstream, UpstreamError> {
    let url = format!("{base}{path_and_query}");
    let method = reqwest::Method::from_bytes(method.as_str().as_bytes()).map_err(|_| UpstreamError::Down)?;
    let mut request = http.request(method, url).headers(headers);
    if !body.is_empty() {
        request = request.body(body);
    }
    let exchange = async {
        let resp = request.send().await?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.bytes().await?;
        Ok::<_, reqwest::Error>(Upstream { status, headers, body })
    };
    match tokio::time::timeout(timeout, exchange).await {
        Err(_) => Err(UpstreamError::Timeout),
        Ok(Err(e)) if e.is_timeout() => Err(UpstreamError::Timeout),
        Ok(Err(_)) => Err(UpstreamError::Down),
        Ok(Ok(up)) => Ok(up),
    }
}

/// The API's answer as the gateway's.
pub fn respond(up: Upstream) -> Response {
    let mut resp = Response::new(Body::from(up.body));
    *resp.status_mut() = up.status;
    let mut headers = forwardable(&up.headers);
    // CORS is the gateway's to decide (its allow-list), whatever the API says.
    let api_cors: Vec<_> = headers.keys().filter(|k| k.as_str().starts_with("access-control-")).cloned().collect();
    for name in api_cors {
        headers.remove(name);
    }
    *resp.headers_mut() = headers;
    resp
}

pub fn bearer(token: &str) -> Option<HeaderValue> {
    let mut v = HeaderValue::from_str(&format!("Bearer {token}")).ok()?;
    v.set_sensitive(true);
    Some(v)
}

pub fn header_u32(headers: &HeaderMap, name: &str) -> Option<u32> {
    headers.get(HeaderName::from_bytes(name.as_bytes()).ok()?)?.to_str().ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hop_by_hop_and_cookies_are_dropped() {
        let mut h = HeaderMap::new();
        for (k, v) in [
            ("connection", "keep-alive, x-private"),
            ("x-private", "1"),
            ("keep-alive", "timeout=5"),
            ("proxy-authorization", "Basic x"),
            ("cookie", "webwork_session=s"),
            ("te", "trailers"),
            ("authorization", "Bearer t"),
            ("x-ratelimit-limit", "60"),
        ] {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        let out = forwardable(&h);
        let names: Vec<&str> = out.keys().map(|k| k.as_str()).collect();
        assert_eq!(names, vec!["authorization", "x-ratelimit-limit"]);
    }
}
