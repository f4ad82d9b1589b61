//! Test rig: an in-process sandbox as the real upstream, a fake OAuth token server following
//! CONTRACT.md section 1 (swap it for the sandbox's own /oauth/token once that lands: the tests
//! only talk to it through `Fake::authorize` and the token URL), and a gateway whose access log
//! goes to a buffer the tests read.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use webwork_gateway::config::{Config, OAuthConfig};
use webwork_gateway::log::LogSink;
use webwork_gateway::Gateway;

pub const CLIENT_ID: &str = "demo-client";
pub const CLIENT_SECRET: &str = "demo-secret-7f3a9c";

/// What the upstream saw: method, path with query, headers.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub uri: String,
    pub headers: HeaderMap,
}

/// The fake authorization server, and the tokens the upstream accepts.
#[derive(Default)]
pub struct Fake {
    next: AtomicU64,
    pub codes: Mutex<HashSet<String>>,
    pub access: Mutex<HashSet<String>>,
    pub refresh: Mutex<HashSet<String>>,
    pub refuse_refresh: AtomicBool,
    pub expires_in: AtomicU64,
    pub token_calls: AtomicU64,
    pub grants: Mutex<Vec<String>>,
    pub seen: Mutex<Vec<Seen>>,
}

impl Fake {
    fn mint(&self, prefix: &str) -> String {
        format!("{prefix}-{}-{}", self.next.fetch_add(1, Ordering::SeqCst), "zq81")
    }

    /// Plays the person on the authorize page: approves and returns the code.
    pub fn authorize(&self) -> String {
        let code = self.mint("code");
        self.codes.lock().unwrap().insert(code.clone());
        code
    }

    pub fn upstream_calls(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

async fn token(State(f): State<Arc<Fake>>, body: String) -> Response {
    f.token_calls.fetch_add(1, Ordering::SeqCst);
    let form: HashMap<String, String> = serde_urlencoded::from_str(&body).unwrap_or_default();
    if form.get("client_id").map(String::as_str) != Some(CLIENT_ID) || form.get("client_secret").map(String::as_str) != Some(CLIENT_SECRET)
    {
        return (StatusCode::UNAUTHORIZED, axum::Json(serde_json::json!({"error": "invalid_client"}))).into_response();
    }
    let grant = form.get("grant_type").cloned().unwrap_or_default();
    f.grants.lock().unwrap().push(grant.clone());
    let refused = || (StatusCode::BAD_REQUEST, axum::Json(serde_json::json!({"error": "invalid_grant"}))).into_response();
    let with_refresh = match grant.as_str() {
        "authorization_code" => {
            if !f.codes.lock().unwrap().remove(form.get("code").map(String::as_str).unwrap_or("")) {
                return refused();
            }
            true
        }
        "refresh_token" => {
            let rt = form.get("refresh_token").cloned().unwrap_or_default();
            if f.refuse_refresh.load(Ordering::SeqCst) || !f.refresh.lock().unwrap().remove(&rt) {
                return refused();
            }
            true
        }
        "client_credentials" => false,
        _ => return (StatusCode::BAD_REQUEST, axum::Json(serde_json::json!({"error": "unsupported_grant_type"}))).into_response(),
    };
    let access = f.mint("at");
    f.access.lock().unwrap().insert(access.clone());
    let mut body = serde_json::json!({"token_type": "Bearer", "expires_in": f.expires_in.load(Ordering::SeqCst), "access_token": access, "scope": "read write"});
    if with_refresh {
        let rt = f.mint("rt");
        f.refresh.lock().unwrap().insert(rt.clone());
        body["refresh_token"] = rt.into();
    }
    ([("cache-control", "no-store")], axum::Json(body)).into_response()
}

/// In front of the sandbox: records each request, and maps the fake's access tokens to
/// `demo-owner` (an unknown or revoked `at-*` token gets the API's 401).
async fn upstream_gate(State(f): State<Arc<Fake>>, mut req: Request, next: Next) -> Response {
    f.seen.lock().unwrap().push(Seen { method: req.method().to_string(), uri: req.uri().to_string(), headers: req.headers().clone() });
    let auth = req.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    if let Some(t) = auth.strip_prefix("Bearer at-").map(|r| format!("at-{r}")) {
        if !f.access.lock().unwrap().contains(&t) {
            let body = serde_json::json!({"success": false, "message": "The access token is invalid or has expired.", "meta": {}});
            return (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
        }
        req.headers_mut().insert("authorization", HeaderValue::from_static("Bearer demo-owner"));
    }
    next.run(req).await
}

pub async fn listen(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await;
    });
    addr
}

/// A sandbox (optionally rate limited) behind the recording gate, and the fake token server.
pub async fn upstream(rate_limit: Option<u32>) -> (String, Arc<Fake>) {
    let fake = Arc::new(Fake { expires_in: AtomicU64::new(3600), ..Fake::default() });
    let mut config = webwork_sandbox::Config::for_tests("2026-03-04");
    config.rate_limit = rate_limit;
    let app = webwork_sandbox::App::new(config).unwrap();
    let router = webwork_sandbox::router(app)
        .layer(axum::middleware::from_fn_with_state(fake.clone(), upstream_gate))
        .merge(Router::new().route("/oauth/token", post(token)).with_state(fake.clone()));
    let addr = listen(router).await;
    (format!("http://{addr}"), fake)
}

#[derive(Clone, Default)]
pub struct Buffer(pub Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Buffer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

pub struct Running {
    pub base: String,
    pub gw: Arc<Gateway>,
    pub log: Buffer,
}

pub async fn gateway(config: Config) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let gw = Gateway::new(config).unwrap();
    let log = Buffer::default();
    let sink = LogSink::to(Box::new(log.clone()));
    tokio::spawn(webwork_gateway::serve_on(listener, gw.clone(), sink, std::future::pending()));
    Running { base: format!("http://{addr}"), gw, log }
}

/// A gateway config over `upstream` (the sandbox root) with OAuth pointing at the fake.
pub fn config(upstream_root: &str, oauth: bool) -> Config {
    let mut c = Config::new(&format!("{upstream_root}/api/v2"));
    c.public_origin = "http://gateway.test".into();
    if oauth {
        c.oauth = Some(OAuthConfig {
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            authorize_url: "http://auth.test/oauth/authorize".into(),
            token_url: format!("{upstream_root}/oauth/token"),
            scopes: "read write".into(),
            redirect_uri: "http://gateway.test/auth/callback".into(),
        });
    }
    c
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// The value of `name` in a response's Set-Cookie headers, with the whole header line.
pub fn set_cookie(resp: &reqwest::Response, name: &str) -> Option<(String, String)> {
    resp.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find(|v| v.starts_with(&format!("{name}="))).map(|line| {
        let value = line[name.len() + 1..].split(';').next().unwrap_or("").to_owned();
        (value, line.to_owned())
    })
}
