//! Driving the sandbox from tests without a socket: an in-process [`Transport`] over the axum
//! router (each request is one `tower::ServiceExt::oneshot`), so `webwork_core::Client` and its
//! typed operations talk to the sandbox exactly as they would over HTTP. Other crates' tests can
//! use it too:
//!
//! ```ignore
//! let app = webwork_sandbox::testing::demo_app();
//! let client = webwork_sandbox::testing::client(&app, "demo-owner");
//! let members = client.send(&ListMembers::new(1u64)).await?;
//! ```

use std::future::Future;
use std::sync::Arc;

use axum::body::Body;
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use webwork_core::client::{HttpRequest, HttpResponse, RetryPolicy, Transport, TransportError};
use webwork_core::{Client, ClientConfig};

use crate::config::Config;
use crate::server::{router, App};

/// The base URL clients use with [`InProcess`] (the host is ignored).
pub const BASE_URL: &str = "http://sandbox.test/api/v2";

/// The fixed "today" of test sandboxes (a Wednesday), so the demo seed is the same every run.
pub const TODAY: &str = "2026-03-04";

/// A transport that hands each request to the router in-process.
#[derive(Clone)]
pub struct InProcess {
    router: Router,
}

impl InProcess {
    pub fn new(router: Router) -> Self {
        InProcess { router }
    }

    pub fn for_app(app: &Arc<App>) -> Self {
        InProcess::new(router(app.clone()))
    }
}

/// The path and query of a URL (`http://host/a?b` -> `/a?b`).
fn path_and_query(url: &str) -> &str {
    match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
        None => url,
    }
}

impl Transport for InProcess {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>> {
        let router = self.router.clone();
        async move {
            let mut builder = axum::http::Request::builder().method(request.method.as_str()).uri(path_and_query(&request.url));
            for (k, v) in &request.headers {
                builder = builder.header(k.as_str(), v.as_str());
            }
            let body = request.body.map(Body::from).unwrap_or_else(Body::empty);
            let req = builder.body(body).map_err(|e| TransportError::Network(e.to_string()))?;
            let resp = router.oneshot(req).await.map_err(|e| TransportError::Network(e.to_string()))?;
            let status = resp.status().as_u16();
            let headers =
                resp.headers().iter().map(|(k, v)| (k.as_str().to_ascii_lowercase(), v.to_str().unwrap_or("").to_owned())).collect();
            let body = resp
                .into_body()
                .collect()
                .await
                .map_err(|e| TransportError::Network(format!("connection dropped: {e}")))?
                .to_bytes()
                .to_vec();
            Ok(HttpResponse { status, headers, body })
        }
    }

    fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
        tokio::time::sleep(std::time::Duration::from_millis(ms))
    }

    fn now_ms(&self) -> f64 {
        crate::clock::system_ms() as f64
    }
}

/// An in-memory sandbox with the demo seed as of [`TODAY`], rate limit off, and the inferred role
/// matrix (`--access roles`, see [`Config::for_tests`]). Needs a Tokio runtime (use it from
/// `#[tokio::test]`).
pub fn demo_app() -> Arc<App> {
    App::new(Config::for_tests(TODAY)).expect("the demo sandbox starts")
}

/// An in-memory demo sandbox under the reference's access rule (`--access reference`): workspace
/// operations for owners and executive managers only.
pub fn reference_app() -> Arc<App> {
    App::new(Config { access: crate::config::AccessMode::Reference, ..Config::for_tests(TODAY) }).expect("the demo sandbox starts")
}

/// An in-memory sandbox with a custom configuration (e.g. a rate limit).
pub fn app_with(config: Config) -> Arc<App> {
    App::new(config).expect("the sandbox starts")
}

/// A core client for `token` against `app`, with pacing off and no retries (so tests see
/// every answer as the sandbox gave it).
pub fn client(app: &Arc<App>, token: &str) -> Client<InProcess> {
    let mut config = ClientConfig::new(BASE_URL, token);
    config.requests_per_minute = 0;
    config.retry = RetryPolicy::NONE;
    Client::new(InProcess::for_app(app), config)
}

/// A raw answer, for tests of what the typed client would refuse to send.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
    /// The body as text (HTML pages, or JSON as sent).
    pub text: String,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The error or success message.
    pub fn message(&self) -> &str {
        self.body["message"].as_str().unwrap_or("")
    }
}

/// Sends any request: `path` is relative to the server root (e.g. `/api/v2/members?workspace_id=1`),
/// `body` is sent as-is (so malformed JSON can be tested).
pub async fn raw(
    app: &Arc<App>,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> RawResponse {
    let mut builder = axum::http::Request::builder().method(method).uri(path);
    if let Some(t) = token {
        builder = builder.header("authorization", format!("Bearer {t}"));
    }
    if body.is_some() && !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
        builder = builder.header("content-type", "application/json");
    }
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    let req = builder.body(body.map(|b| Body::from(b.to_owned())).unwrap_or_else(Body::empty)).expect("a valid request");
    let resp = router(app.clone()).oneshot(req).await.expect("the router answers");
    let status = resp.status().as_u16();
    let headers = resp.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    let bytes = resp.into_body().collect().await.map(|b| b.to_bytes().to_vec()).unwrap_or_default();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    RawResponse { status, headers, body, text }
}
