//! webwork-gateway: what a customer runs on their own server in front of the WebWork API v2.
//! It serves the built admin panel and the widget folder, forwards `/api/v2/*` to the API, can
//! sign people in with OAuth2 keeping the tokens server-side (backend-for-frontend), and can
//! answer the widgets' reads with its own service token. See README.md.

pub mod config;
pub mod cors;
pub mod log;
pub mod oauth;
pub mod proxy;
pub mod service;
pub mod sessions;
pub mod statics;
pub mod util;

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::compression::CompressionLayer;
use webwork_core::ops::{routes, Method};

pub use config::Config;
use log::LogSink;
use oauth::{OAuth, SESSION_COOKIE};
use service::Service;
use util::{cookie, envelope};

/// Everything a request may need.
pub struct Gateway {
    pub config: Config,
    pub http: reqwest::Client,
    pub statics: statics::Statics,
    pub oauth: Option<OAuth>,
    pub service: Option<Service>,
}

impl Gateway {
    pub fn new(config: Config) -> Result<Arc<Gateway>, String> {
        let http = reqwest::Client::builder()
            // The API's redirects are the browser's business, not ours to follow with a token.
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(64)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        let oauth = match &config.oauth {
            Some(cfg) => Some(OAuth::new(cfg.clone(), sessions::Sessions::open(config.sessions.as_deref())?)),
            None => None,
        };
        let form_origin = config.oauth.as_ref().map(|o| config::origin_of(&o.authorize_url));
        let statics = statics::Statics::new(config.panel.as_deref(), config.widgets.as_deref(), form_origin.as_deref());
        let service = config
            .service
            .clone()
            .map(|c| Service::new(c, &config.widget_allow, &config.cache_ttl, config.service_rate, config.visitor_share));
        Ok(Arc::new(Gateway { config, http, statics, oauth, service }))
    }
}

/// The whole router, with access logs written to `sink`.
pub fn router(gw: Arc<Gateway>, sink: LogSink) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/auth/login", get(oauth::login))
        .route("/auth/callback", get(oauth::callback))
        .route("/auth/session", get(oauth::session))
        .route("/auth/logout", post(oauth::logout))
        .route("/api/v2", any(api))
        .route("/api/v2/{*rest}", any(api))
        .fallback(static_files)
        .layer(axum::middleware::from_fn_with_state(gw.clone(), cors::layer))
        .layer(CompressionLayer::new().gzip(true).br(true))
        .layer(axum::middleware::from_fn_with_state(sink, log::access_log))
        .with_state(gw)
}

/// Serves until SIGTERM or Ctrl-C; requests in flight finish first.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    gw: Arc<Gateway>,
    sink: LogSink,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    axum::serve(listener, router(gw, sink).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| e.to_string())
}

pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

async fn healthz(State(gw): State<Arc<Gateway>>) -> Response {
    let calls = gw.service.as_ref().map(|s| s.upstream_calls.load(Ordering::Relaxed));
    let mut r = axum::Json(serde_json::json!({ "status": "ok", "service_upstream_calls": calls })).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn static_files(State(gw): State<Arc<Gateway>>, req: Request) -> Response {
    statics::serve(&gw.statics, req).await
}

/// The visitor a fair share is kept for: the client's address (or, behind a trusted proxy, the
/// first X-Forwarded-For entry).
fn visitor_of(gw: &Gateway, req: &Request) -> String {
    if gw.config.trust_forwarded {
        if let Some(first) = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next()) {
            return first.trim().to_owned();
        }
    }
    req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string()).unwrap_or_default()
}

async fn api(State(gw): State<Arc<Gateway>>, req: Request) -> Response {
    let too_big = || envelope(413, &format!("The request body is larger than the gateway accepts ({} bytes).", gw.config.max_body));
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > gw.config.max_body as u64) {
        return too_big();
    }
    let visitor = visitor_of(&gw, &req);
    let (parts, body) = req.into_parts();
    let Ok(body) = axum::body::to_bytes(body, gw.config.max_body).await else { return too_big() };
    let rel = &parts.uri.path()[routes::PREFIX.len()..];
    let path_and_query = match parts.uri.query() {
        Some(q) => format!("{rel}?{q}"),
        None => rel.to_owned(),
    };
    let mut headers = proxy::forwardable(&parts.headers);
    let send = |headers| {
        proxy::call(&gw.http, &gw.config.upstream, gw.config.upstream_timeout, &parts.method, &path_and_query, headers, body.clone())
    };

    // 1. The caller's own token: a plain proxy.
    if parts.headers.contains_key(header::AUTHORIZATION) {
        return send(headers).await.map_or_else(|e| e.response(), proxy::respond);
    }
    // 2. A signed-in browser: the session's token, refreshed as needed.
    let sid = cookie(&parts.headers, SESSION_COOKIE);
    if let (Some(oauth), Some(sid)) = (&gw.oauth, sid.as_deref()) {
        if !oauth::csrf_ok(&gw, &parts.method, &parts.headers) {
            return oauth::csrf_refusal();
        }
        let token = match oauth.access_token(&gw.http, sid, None).await {
            Ok(t) => t,
            Err(oauth::TokenError::Refused) => return oauth::ended(),
            Err(oauth::TokenError::Unavailable) => return envelope(502, "The authorization server could not be reached."),
        };
        let Some(auth) = proxy::bearer(&token) else { return oauth::ended() };
        headers.insert(header::AUTHORIZATION, auth);
        let up = match send(headers.clone()).await {
            Ok(up) => up,
            Err(e) => return e.response(),
        };
        if up.status != StatusCode::UNAUTHORIZED {
            return proxy::respond(up);
        }
        // Once on a 401: a fresh token and the same request again (a 401 means nothing was done).
        let token = match oauth.access_token(&gw.http, sid, Some(&token)).await {
            Ok(t) => t,
            Err(oauth::TokenError::Refused) => return oauth::ended(),
            Err(oauth::TokenError::Unavailable) => return envelope(502, "The authorization server could not be reached."),
        };
        let Some(auth) = proxy::bearer(&token) else { return oauth::ended() };
        headers.insert(header::AUTHORIZATION, auth);
        return send(headers).await.map_or_else(|e| e.response(), proxy::respond);
    }
    // 3. Widget service mode: only allow-listed reads.
    if gw.service.is_some() {
        let op = Method::parse(parts.method.as_str()).and_then(|m| routes::find(m, rel).op());
        return match op {
            Some(op) if gw.service.as_ref().is_some_and(|s| s.allows(op)) => Service::read(gw.clone(), op, path_and_query, visitor).await,
            _ => envelope(401, "Sign in or send a token: without one this gateway answers only the widgets' reads."),
        };
    }
    // 4. No credentials and no service mode: the API itself answers (its 401).
    send(headers).await.map_or_else(|e| e.response(), proxy::respond)
}
