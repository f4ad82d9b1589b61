//! Test rig: an in-process sandbox that is both the upstream API and the authorization server
//! (its own `/oauth/authorize` and `/oauth/token`, demo app `demo-client`), behind a layer that
//! records what reached it, and a gateway whose access log goes to a buffer the tests read.
//! No OAuth stub: every token, refusal and expiry below is the sandbox's own.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use webwork_gateway::config::{Config, OAuthConfig};
use webwork_gateway::log::LogSink;
use webwork_gateway::Gateway;
use webwork_sandbox::config::AccessMode;

/// The sandbox's demo OAuth app (crates/sandbox/SANDBOX.md).
pub const CLIENT_ID: &str = "demo-client";
pub const CLIENT_SECRET: &str = "demo-secret";
/// The gateway's redirect URI in these tests; the sandbox accepts it through its
/// `--oauth-redirect-uri` list (`Config::oauth_redirect_uris`).
pub const REDIRECT_URI: &str = "http://gateway.test/auth/callback";
/// Who approves on the sandbox's authorize page: user 1, the owner of workspace 1.
pub const APPROVER: &str = "1";

/// An API call that reached the sandbox: method, path with query, headers, and its status.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub uri: String,
    pub headers: HeaderMap,
    pub status: u16,
}

/// A call of the sandbox's token endpoint: the form sent and the JSON answered.
#[derive(Clone, Debug)]
pub struct TokenCall {
    pub form: Vec<(String, String)>,
    pub status: u16,
    pub answer: serde_json::Value,
}

impl TokenCall {
    pub fn grant(&self) -> &str {
        self.form.iter().find(|(k, _)| k == "grant_type").map_or("", |(_, v)| v.as_str())
    }
}

#[derive(Default)]
pub struct Recorder {
    seen: Mutex<Vec<Seen>>,
    token_calls: Mutex<Vec<TokenCall>>,
}

/// The running sandbox: its root URL, its state (for expiring tokens in its database) and what
/// reached it.
pub struct Upstream {
    pub root: String,
    pub app: Arc<webwork_sandbox::App>,
    rec: Arc<Recorder>,
}

impl Upstream {
    /// API calls so far.
    pub fn upstream_calls(&self) -> usize {
        self.rec.seen.lock().unwrap().len()
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.rec.seen.lock().unwrap().clone()
    }

    pub fn last_seen(&self) -> Seen {
        self.seen().pop().expect("no API call reached the sandbox")
    }

    pub fn token_calls(&self) -> Vec<TokenCall> {
        self.rec.token_calls.lock().unwrap().clone()
    }

    pub fn grants(&self) -> Vec<String> {
        self.token_calls().iter().map(|c| c.grant().to_owned()).collect()
    }

    /// Every code, access token and refresh token that went through the token endpoint.
    pub fn secrets(&self) -> Vec<String> {
        let mut out = Vec::new();
        for call in self.token_calls() {
            out.extend(call.form.iter().filter(|(k, _)| k == "code" || k == "refresh_token").map(|(_, v)| v.clone()));
            for field in ["access_token", "refresh_token"] {
                out.extend(call.answer[field].as_str().map(str::to_owned));
            }
        }
        out
    }

    /// The access token of the latest successful token call.
    pub fn newest_access_token(&self) -> String {
        let calls = self.token_calls();
        let answer = calls.iter().rev().find_map(|c| c.answer["access_token"].as_str()).expect("no token issued");
        answer.to_owned()
    }

    /// Makes every OAuth access token the sandbox issued so far expired in its database, while
    /// the gateway still believes them valid for an hour: the API then answers its own 401.
    pub fn expire_access_tokens(&self) {
        self.app.store.lock().conn.execute("UPDATE tokens SET expires_at_ms = 0 WHERE kind = 'oauth'", []).unwrap();
    }

    /// Makes every refresh token expired: the sandbox's token endpoint answers `invalid_grant`.
    pub fn expire_refresh_tokens(&self) {
        self.app.store.lock().conn.execute("UPDATE oauth_refresh_tokens SET expires_at_ms = 0", []).unwrap();
    }

    /// Plays the person on the sandbox's authorize page: loads the page the gateway sent the
    /// browser to, approves as [`APPROVER`] with the page's hidden fields, and returns where the
    /// sandbox redirects (the gateway's callback with `code` and `state`).
    pub async fn approve(&self, authorize_url: &str) -> reqwest::Url {
        let url = reqwest::Url::parse(authorize_url).unwrap();
        assert!(authorize_url.starts_with(&format!("{}/oauth/authorize?", self.root)), "{authorize_url}");
        let page = client().get(url.clone()).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains("name=\"user_id\""));
        let mut form: Vec<(String, String)> =
            url.query_pairs().into_owned().filter(|(k, _)| ["client_id", "redirect_uri", "scope", "state"].contains(&k.as_str())).collect();
        form.push(("user_id".into(), APPROVER.into()));
        form.push(("decision".into(), "approve".into()));
        let decided = client().post(format!("{}/oauth/authorize", self.root)).form(&form).send().await.unwrap();
        assert_eq!(decided.status(), 303);
        reqwest::Url::parse(decided.headers()["location"].to_str().unwrap()).unwrap()
    }
}

/// Records API calls, and the token endpoint's forms and answers (their bodies are read here and
/// handed on unchanged).
async fn record(State(rec): State<Arc<Recorder>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/api/v2") {
        let (method, uri, headers) = (req.method().to_string(), req.uri().to_string(), req.headers().clone());
        let resp = next.run(req).await;
        rec.seen.lock().unwrap().push(Seen { method, uri, headers, status: resp.status().as_u16() });
        return resp;
    }
    if path != "/oauth/token" {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let sent = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let form = serde_urlencoded::from_bytes(&sent).unwrap_or_default();
    let resp = next.run(Request::from_parts(parts, Body::from(sent))).await;
    let (parts, body) = resp.into_parts();
    let answer = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let call = TokenCall { form, status: parts.status.as_u16(), answer: serde_json::from_slice(&answer).unwrap_or_default() };
    rec.token_calls.lock().unwrap().push(call);
    Response::from_parts(parts, Body::from(answer))
}

pub async fn listen(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await;
    });
    addr
}

/// The sandbox these tests run: the demo data on the tests' date, the real API's access rule
/// (`reference`: owners and executive managers), and the gateway's redirect URI registered.
pub fn sandbox_config() -> webwork_sandbox::Config {
    let mut config = webwork_sandbox::Config::for_tests("2026-03-04");
    config.access = AccessMode::Reference;
    config.oauth_redirect_uris.push(REDIRECT_URI.into());
    config
}

/// A sandbox (optionally rate limited) with [`sandbox_config`].
pub async fn upstream(rate_limit: Option<u32>) -> Upstream {
    let mut config = sandbox_config();
    config.rate_limit = rate_limit;
    upstream_with(config).await
}

pub async fn upstream_with(config: webwork_sandbox::Config) -> Upstream {
    let app = webwork_sandbox::App::new(config).unwrap();
    let rec = Arc::new(Recorder::default());
    let router = webwork_sandbox::router(app.clone()).layer(axum::middleware::from_fn_with_state(rec.clone(), record));
    let addr = listen(router).await;
    Upstream { root: format!("http://{addr}"), app, rec }
}

#[derive(Clone, Default)]
pub struct Buffer(pub Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buffer {
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

/// A gateway config over `upstream_root` (the sandbox root), with OAuth against that sandbox.
pub fn config(upstream_root: &str, oauth: bool) -> Config {
    let mut c = Config::new(&format!("{upstream_root}/api/v2"));
    c.public_origin = "http://gateway.test".into();
    if oauth {
        c.oauth = Some(OAuthConfig {
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            authorize_url: format!("{upstream_root}/oauth/authorize"),
            token_url: format!("{upstream_root}/oauth/token"),
            scopes: "read write".into(),
            redirect_uri: REDIRECT_URI.into(),
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
