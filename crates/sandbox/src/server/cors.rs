//! CORS for a page on another origin: preflight answered with 204, the allowed origin on every
//! reply (any, or the one given with `--cors-origin`), the rate-limit headers exposed.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::App;

pub async fn layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(header::ORIGIN).cloned();
    let mut resp = if req.method() == Method::OPTIONS {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, PUT, DELETE, OPTIONS"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("authorization, content-type, accept"));
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        r
    } else {
        next.run(req).await
    };
    allow(resp.headers_mut(), app.config.cors_origin.as_deref(), origin.as_ref());
    resp
}

fn allow(h: &mut HeaderMap, configured: Option<&str>, origin: Option<&HeaderValue>) {
    match configured {
        None => {
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        }
        Some(allowed) => {
            h.append(header::VARY, HeaderValue::from_static("Origin"));
            if origin.and_then(|o| o.to_str().ok()) == Some(allowed) {
                if let Ok(v) = HeaderValue::from_str(allowed) {
                    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
                }
            }
        }
    }
    h.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("X-RateLimit-Limit, X-RateLimit-Remaining, Retry-After"));
}
