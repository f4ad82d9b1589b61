//! The gateway in front of an in-process sandbox, which is also the authorization server
//! (its own /oauth/authorize and /oauth/token).

mod common;

use std::time::Duration;

use base64::Engine;
use common::*;
use sha2::Digest;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use webwork_core::ops::{Method, CATALOG};

#[tokio::test]
async fn proxies_status_body_and_rate_limit_headers_without_hop_by_hop_or_cookies() {
    let up = upstream(Some(60)).await;
    let g = gateway(config(&up.root, false)).await;
    let resp = client()
        .get(format!("{}/api/v2/members?workspace_id=1&per_page=2", g.base))
        .header("authorization", "Bearer demo-owner")
        .header("cookie", "webwork_session=abc; other=1")
        .header("connection", "keep-alive, x-private")
        .header("x-private", "secret-hop")
        .header("x-custom", "kept")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-ratelimit-limit"], "60");
    assert!(resp.headers().contains_key("x-ratelimit-remaining"));
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["data"].as_array().unwrap().len(), 2);
    let seen = up.last_seen();
    assert_eq!(seen.uri, "/api/v2/members?workspace_id=1&per_page=2");
    assert_eq!(seen.headers["authorization"], "Bearer demo-owner");
    assert_eq!(seen.headers["x-custom"], "kept");
    assert!(!seen.headers.contains_key("cookie") && !seen.headers.contains_key("x-private"));
    // An error of the API comes back unchanged.
    let resp = client().get(format!("{}/api/v2/members/999999?workspace_id=1", g.base)).bearer_auth("demo-owner").send().await.unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.json::<serde_json::Value>().await.unwrap()["message"], "Member not found.");
    // A write with a body.
    let resp = client()
        .post(format!("{}/api/v2/tasks", g.base))
        .bearer_auth("demo-owner")
        .json(&serde_json::json!({"workspace_id": 1, "project_id": 1, "title": "Through the gateway"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
}

#[tokio::test]
async fn upstream_down_is_502_slow_is_504_and_big_bodies_413() {
    let g = gateway(config("http://127.0.0.1:1", false)).await;
    let resp = client().get(format!("{}/api/v2/workspaces", g.base)).bearer_auth("demo-owner").send().await.unwrap();
    assert_eq!(resp.status(), 502);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["success"], false);
    assert_eq!(body["meta"]["api_version"], "2.0.0");

    let mut slow = sandbox_config();
    slow.latency_ms = 5000;
    let slow = upstream_with(slow).await;
    let mut c = config(&slow.root, false);
    c.upstream_timeout = Duration::from_secs(1);
    let g = gateway(c).await;
    let resp = client().get(format!("{}/api/v2/workspaces", g.base)).bearer_auth("demo-owner").send().await.unwrap();
    assert_eq!(resp.status(), 504);
    assert!(resp.json::<serde_json::Value>().await.unwrap()["message"].as_str().unwrap().contains("in time"));

    let resp = client().post(format!("{}/api/v2/tasks", g.base)).bearer_auth("demo-owner").body(vec![b'x'; 10 << 20]).send().await;
    // The gateway may answer before reading the whole body; either it says 413 or closes.
    if let Ok(resp) = resp {
        assert_eq!(resp.status(), 413);
        assert_eq!(resp.json::<serde_json::Value>().await.unwrap()["success"], false);
    }
}

fn site() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("webwork-gateway-test-{}", webwork_gateway::util::random_id()));
    std::fs::create_dir_all(dir.join("widgets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><script>document.documentElement.dataset.theme='dark'</script>\
         <script type=\"module\">import init from '/app-0123456789abcdef.js'; init();</script><p>panel</p>",
    )
    .unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js"), "export default function init() {}\n".repeat(50)).unwrap();
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("widgets/index.html"), "<!doctype html><script type=module>import './webwork-widgets.js';</script>").unwrap();
    std::fs::write(dir.join("widgets/webwork-widgets.js"), "customElements.define('x', class {});\n".repeat(40)).unwrap();
    std::fs::write(dir.parent().unwrap().join("webwork-gateway-outside.txt"), "outside").unwrap();
    dir
}

async fn raw_get(base: &str, path: &str) -> String {
    raw_get_with(base, path, "").await
}

/// A GET as bytes on the socket (no client decoding anything), with extra header lines.
async fn raw_get_with(base: &str, path: &str, headers: &str) -> String {
    let mut s = tokio::net::TcpStream::connect(base.trim_start_matches("http://")).await.unwrap();
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n{headers}Connection: close\r\n\r\n").as_bytes()).await.unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out).await;
    out
}

#[tokio::test]
async fn static_files_cache_csp_compression_and_traversal() {
    let dir = site();
    let mut c = config("http://127.0.0.1:1", true);
    c.panel = Some(dir.clone());
    c.widgets = Some(dir.join("widgets"));
    let g = gateway(c).await;
    let get = |p: &str| client().get(format!("{}{p}", g.base)).send();

    let index = get("/").await.unwrap();
    assert_eq!(index.headers()["cache-control"], "no-cache");
    let csp = index.headers()["content-security-policy"].to_str().unwrap().to_owned();
    for h in webwork_gateway::statics::inline_script_hashes(&std::fs::read_to_string(dir.join("index.html")).unwrap()) {
        assert!(csp.contains(&format!("'sha256-{h}'")), "{csp}");
    }
    assert_eq!(csp.matches("'sha256-").count(), 2);
    assert!(csp.contains("'wasm-unsafe-eval'") && !csp.contains("'unsafe-eval'"));
    for part in ["connect-src 'self'", "form-action 'self' http://127.0.0.1:1", "frame-ancestors 'self'", "base-uri 'self'"] {
        assert!(csp.contains(part), "{part}: {csp}");
    }
    // A new deployment while the gateway runs: the new index.html's loader is allowed, the old one
    // no longer, without a restart.
    let hash_of = |script: &str| base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
    let (old_loader, new_loader) =
        ("import init from '/app-0123456789abcdef.js'; init();", "import init from '/app-fedcba9876543210.js'; init();");
    assert!(csp.contains(&hash_of(old_loader)), "{csp}");
    std::fs::write(dir.join("index.html"), format!("<!doctype html><script type=\"module\">{new_loader}</script><p>panel</p>")).unwrap();
    let redeployed = get("/w/1/members").await.unwrap().headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(redeployed.contains(&hash_of(new_loader)) && !redeployed.contains(&hash_of(old_loader)), "{redeployed}");
    assert_eq!(redeployed.matches("'sha256-").count(), 1);
    // An HTML file added after start-up is served with its own scripts' hashes too.
    std::fs::write(dir.join("added.html"), "<script>added()</script>").unwrap();
    let added = get("/added.html").await.unwrap().headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(added.contains(&hash_of("added()")), "{added}");
    // SPA fallback for app routes, not for missing files.
    let route = get("/w/1/members").await.unwrap();
    assert_eq!(route.status(), 200);
    assert!(route.text().await.unwrap().contains("panel"));
    assert_eq!(get("/missing.js").await.unwrap().status(), 404);
    assert_eq!(get("/api/v1/members").await.unwrap().status(), 404, "not the SPA");

    let js = get("/app-0123456789abcdef.js").await.unwrap();
    assert_eq!(js.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(js.headers().get("content-security-policy").is_none());
    let wasm = get("/app-0123456789abcdef_bg.wasm").await.unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(wasm.headers()["cache-control"], "public, max-age=31536000, immutable");

    let widgets = get("/widgets/").await.unwrap();
    assert_eq!(widgets.status(), 200);
    let wcsp = widgets.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert_eq!(wcsp.matches("'sha256-").count(), 1);
    assert_eq!(get("/widgets/webwork-widgets.js").await.unwrap().headers()["cache-control"], "no-cache");

    for enc in ["gzip", "br"] {
        let r = client().get(format!("{}/widgets/webwork-widgets.js", g.base)).header("accept-encoding", enc).send().await.unwrap();
        assert_eq!(r.headers()["content-encoding"], enc);
    }
    // A compressed copy beside a file is sent as it is, while it is not older than the file.
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm.br"), "BROTLI-COPY").unwrap();
    let answer = raw_get_with(&g.base, "/app-0123456789abcdef_bg.wasm", "Accept-Encoding: br\r\n").await.to_ascii_lowercase();
    assert!(answer.contains("content-encoding: br") && answer.contains("content-type: application/wasm"), "{answer}");
    assert!(answer.ends_with("brotli-copy"), "{answer}");
    let later = std::time::SystemTime::now() + Duration::from_secs(60);
    std::fs::File::options().write(true).open(dir.join("app-0123456789abcdef_bg.wasm")).unwrap().set_modified(later).unwrap();
    let answer = raw_get_with(&g.base, "/app-0123456789abcdef_bg.wasm", "Accept-Encoding: br\r\n").await.to_ascii_lowercase();
    assert!(!answer.contains("brotli-copy"), "a stale copy is never sent: {answer}");
    for path in ["/../webwork-gateway-outside.txt", "/%2e%2e/webwork-gateway-outside.txt", "/widgets/..%2f..%2fwebwork-gateway-outside.txt"]
    {
        let answer = raw_get(&g.base, path).await;
        assert!(!answer.contains("outside"), "{path}: {answer}");
        assert!(!answer.starts_with("HTTP/1.1 200"), "{path}: {answer}");
    }
}

/// Signs in through the gateway, approving on the sandbox's authorize page; returns the session
/// cookie value and where the callback sent the browser.
async fn sign_in(base: &str, up: &Upstream, ret: &str) -> (String, String) {
    let login = client().get(format!("{base}/auth/login")).query(&[("return", ret)]).send().await.unwrap();
    assert_eq!(login.status(), 302);
    let authorize = login.headers()["location"].to_str().unwrap().to_owned();
    let q: std::collections::HashMap<String, String> = reqwest::Url::parse(&authorize).unwrap().query_pairs().into_owned().collect();
    assert_eq!(q["scope"], "read write");
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], CLIENT_ID);
    assert_eq!(q["redirect_uri"], REDIRECT_URI);
    let (nonce, _) = set_cookie(&login, "webwork_login").unwrap();
    let back = up.approve(&authorize).await;
    assert_eq!(back.as_str().split('?').next(), Some(REDIRECT_URI));
    let cb = client()
        .get(format!("{base}/auth/callback?{}", back.query().unwrap()))
        .header("cookie", format!("webwork_login={nonce}"))
        .send()
        .await
        .unwrap();
    assert_eq!(cb.status(), 302, "{:?}", cb.text().await);
    let (sid, line) = set_cookie(&cb, "webwork_session").unwrap();
    assert!(line.contains("HttpOnly") && line.contains("Secure") && line.contains("SameSite=Lax") && line.contains("Path=/"), "{line}");
    (sid, cb.headers()["location"].to_str().unwrap().to_owned())
}

#[tokio::test]
async fn oauth_sign_in_bearer_refresh_logout_and_no_secret_in_logs() {
    let up = upstream(None).await;
    let g = gateway(config(&up.root, true)).await;
    let base = &g.base;

    // A callback with an unknown state, or without the browser's login cookie, is refused.
    let bad = client().get(format!("{base}/auth/callback?code=x&state=forged")).send().await.unwrap();
    assert_eq!(bad.status(), 400);
    let login = client().get(format!("{base}/auth/login")).send().await.unwrap();
    let approved = up.approve(login.headers()["location"].to_str().unwrap()).await;
    let stolen = client().get(format!("{base}/auth/callback?{}", approved.query().unwrap())).send().await.unwrap();
    assert_eq!(stolen.status(), 400, "a callback without the login cookie");
    let pair = |name: &str| approved.query_pairs().find(|(k, _)| k == name).unwrap().1.into_owned();
    let (code, state) = (pair("code"), pair("state"));

    let (sid, location) = sign_in(base, &up, "/w/1/members").await;
    assert_eq!(location, "/w/1/members");
    assert_eq!(up.grants(), ["authorization_code"]);
    let with_cookie = |path: &str| client().get(format!("{base}{path}")).header("cookie", format!("webwork_session={sid}"));

    let session: serde_json::Value = with_cookie("/auth/session").send().await.unwrap().json().await.unwrap();
    assert_eq!(session["signed_in"], true);
    assert_eq!(session["oauth"], true);
    assert_eq!(session["user"]["id"], 1);
    assert!(session["user"]["email"].is_string());
    assert_eq!(session["scopes"], serde_json::json!(["read", "write"]));
    for secret in up.secrets() {
        assert!(!session.to_string().contains(&secret), "a token in /auth/session");
    }

    // The session's token is added upstream.
    let r = with_cookie("/api/v2/workspaces").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(up.last_seen().headers["authorization"], format!("Bearer {}", up.newest_access_token()));

    // The access token expired early at the API (the gateway thinks it has 15 days): the API's
    // 401, one refresh, and the request again with the new token.
    up.expire_access_tokens();
    let (calls, seen) = (up.token_calls().len(), up.upstream_calls());
    let r = with_cookie("/api/v2/workspaces").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(up.grants()[calls..], ["refresh_token"]);
    let statuses: Vec<u16> = up.seen()[seen..].iter().map(|s| s.status).collect();
    assert_eq!(statuses, [401, 200]);
    assert_eq!(up.last_seen().headers["authorization"], format!("Bearer {}", up.newest_access_token()));

    // Concurrent calls that all meet the 401 share one refresh.
    up.expire_access_tokens();
    let calls = up.token_calls().len();
    let all: Vec<_> = (0..10).map(|_| with_cookie("/api/v2/workspaces").send()).collect();
    for r in futures_util::future::join_all(all).await {
        assert_eq!(r.unwrap().status(), 200);
    }
    assert_eq!(up.token_calls().len(), calls + 1, "one refresh for ten concurrent calls");

    // The refresh token expired too: the sandbox refuses the refresh and the session ends.
    up.expire_access_tokens();
    up.expire_refresh_tokens();
    let r = with_cookie("/api/v2/workspaces").send().await.unwrap();
    assert_eq!(r.status(), 401);
    let refused = up.token_calls().pop().unwrap();
    assert_eq!((refused.status, refused.answer["error"].as_str()), (400, Some("invalid_grant")));
    let (cleared, line) = set_cookie(&r, "webwork_session").unwrap();
    assert!(cleared.is_empty() && line.contains("Max-Age=0"));
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["message"], "Your session has ended; sign in again.");
    let session: serde_json::Value = with_cookie("/auth/session").send().await.unwrap().json().await.unwrap();
    assert_eq!(session["signed_in"], false);

    // Logout.
    let (sid2, _) = sign_in(base, &up, "/").await;
    let out = client()
        .post(format!("{base}/auth/logout"))
        .header("cookie", format!("webwork_session={sid2}"))
        .header("x-webwork-client", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    assert!(set_cookie(&out, "webwork_session").unwrap().1.contains("Max-Age=0"));
    let r = client().get(format!("{base}/api/v2/workspaces")).header("cookie", format!("webwork_session={sid2}")).send().await.unwrap();
    assert_eq!(r.status(), 401);

    // Nothing secret in the access log: no session id, client secret, code, state or token.
    let log = g.log.text();
    assert!(log.lines().count() > 10);
    for line in log.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["method"].is_string() && v["status"].is_u64() && v["ms"].is_number());
        assert!(!v["path"].as_str().unwrap().contains('?'));
    }
    let secrets = up.secrets();
    assert!(secrets.len() >= 10, "codes, access and refresh tokens: {}", secrets.len());
    for secret in [sid.as_str(), sid2.as_str(), CLIENT_SECRET, &code, &state, "wwat_", "wwrt_", "wwac_", "demo-owner"] {
        assert!(!log.contains(secret), "{secret} in the log");
    }
    for secret in &secrets {
        assert!(!log.contains(secret.as_str()), "a token in the log");
    }
}

#[tokio::test]
async fn near_expiry_tokens_are_refreshed_before_the_call() {
    // Access tokens of 60 s: less than the gateway's 5-minute margin from the start.
    let mut short = sandbox_config();
    short.access_token_ttl_secs = 60;
    let up = upstream_with(short).await;
    let g = gateway(config(&up.root, true)).await;
    let (sid, _) = sign_in(&g.base, &up, "/").await;
    let signed_in_with = up.newest_access_token();
    let (calls, seen) = (up.token_calls().len(), up.upstream_calls());
    let r = client().get(format!("{}/api/v2/workspaces", g.base)).header("cookie", format!("webwork_session={sid}")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(up.grants()[calls..], ["refresh_token"]);
    assert_eq!(up.upstream_calls(), seen + 1, "refreshed before the call, not after a 401");
    let bearer = up.last_seen().headers["authorization"].to_str().unwrap().to_owned();
    assert_eq!(bearer, format!("Bearer {}", up.newest_access_token()));
    assert_ne!(bearer, format!("Bearer {signed_in_with}"));
}

#[tokio::test]
async fn hostile_return_paths_land_on_root() {
    let up = upstream(None).await;
    let g = gateway(config(&up.root, true)).await;
    for hostile in [
        "//evil.com",
        "/\\evil.com",
        "https://evil.com/x",
        "http:evil.com",
        "evil.com",
        "/%5Cevil.com",
        "/%2F%2Fevil.com",
        "\\\\evil",
        " //evil",
    ] {
        let (_, location) = sign_in(&g.base, &up, hostile).await;
        assert_eq!(location, "/", "{hostile:?}");
    }
    let (_, location) = sign_in(&g.base, &up, "/w/2/leaves?month=2026-03").await;
    assert_eq!(location, "/w/2/leaves?month=2026-03");
}

#[tokio::test]
async fn cross_site_posts_with_the_cookie_are_refused() {
    let up = upstream(None).await;
    let mut c = config(&up.root, true);
    c.cors_allow = vec!["https://intranet.example".into()];
    let g = gateway(c).await;
    let (sid, _) = sign_in(&g.base, &up, "/").await;
    let body = serde_json::json!({"workspace_id": 1, "project_id": 1, "title": "CSRF"});
    let post = || client().post(format!("{}/api/v2/tasks", g.base)).header("cookie", format!("webwork_session={sid}")).json(&body);
    let calls = up.upstream_calls();
    assert_eq!(post().header("origin", "https://evil.example").send().await.unwrap().status(), 403);
    assert_eq!(post().send().await.unwrap().status(), 403, "no Origin, no X-WebWork-Client");
    assert_eq!(up.upstream_calls(), calls, "nothing reached the API");
    assert_eq!(post().header("origin", "http://gateway.test").send().await.unwrap().status(), 201);
    assert_eq!(post().header("origin", "https://intranet.example").send().await.unwrap().status(), 201);
    assert_eq!(post().header("x-webwork-client", "1").send().await.unwrap().status(), 201);
    let out = client()
        .post(format!("{}/auth/logout", g.base))
        .header("cookie", format!("webwork_session={sid}"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 403);
}

#[tokio::test]
async fn widget_mode_answers_only_allow_listed_reads_with_the_service_token() {
    let up = upstream(None).await;
    let mut c = config(&up.root, false);
    c.service = Some(webwork_gateway::config::ServiceCredentials::Token("demo-owner".into()));
    c.cache_ttl.insert("getWorkspaces".into(), Duration::from_secs(1));
    c.widget_allow = vec!["getWorkspaces".into()];
    c.visitor_share = 1000;
    let g = gateway(c).await;
    let allowed = webwork_gateway::service::WIDGET_READS;
    for op in CATALOG {
        let path = op.path.replace(['{', '}'], "");
        let method = reqwest::Method::from_bytes(op.method.as_str().as_bytes()).unwrap();
        let r = client().request(method, format!("{}/api/v2{path}?workspace_id=1", g.base)).send().await.unwrap();
        let listed = op.method == Method::Get && (allowed.contains(&op.id) || op.id == "getWorkspaces");
        if listed {
            assert_ne!(r.status(), 401, "{} should be answered", op.id);
        } else {
            assert_eq!(r.status(), 401, "{} should be refused", op.id);
        }
        let text = r.text().await.unwrap();
        assert!(!text.contains("demo-owner"), "{}", op.id);
    }
    // Every call upstream carried the service token, and only for the listed reads.
    for s in up.seen() {
        assert_eq!(s.method, "GET");
        assert_eq!(s.headers["authorization"], "Bearer demo-owner");
    }

    // 100 identical concurrent reads: one upstream call.
    let before = up.upstream_calls();
    let url = format!("{}/api/v2/members?workspace_id=1&per_page=3", g.base);
    let all: Vec<_> = (0..100).map(|_| client().get(&url).send()).collect();
    for r in futures_util::future::join_all(all).await {
        let r = r.unwrap();
        assert_eq!(r.status(), 200);
        for (name, value) in r.headers() {
            assert!(!value.to_str().unwrap_or("").contains("demo-owner"), "{name}");
        }
    }
    assert_eq!(up.upstream_calls(), before + 1);
    // Freshness per operation: a 1 s TTL expires, the 5 min one does not.
    let ws = format!("{}/api/v2/workspaces", g.base);
    client().get(&ws).send().await.unwrap();
    assert_eq!(client().get(&ws).send().await.unwrap().headers()["x-webwork-cache"], "hit");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(client().get(&ws).send().await.unwrap().headers()["x-webwork-cache"], "miss");
    assert_eq!(client().get(&url).send().await.unwrap().headers()["x-webwork-cache"], "hit");
    // A request with its own Authorization is a plain proxy call.
    let before = up.upstream_calls();
    let own = client().get(&url).bearer_auth("demo-regular").send().await.unwrap();
    assert!(own.headers().get("x-webwork-cache").is_none());
    assert_eq!(up.upstream_calls(), before + 1);
    assert_eq!(up.last_seen().headers["authorization"], "Bearer demo-regular");
}

#[tokio::test]
async fn fair_share_and_stale_answers_when_the_budget_is_spent() {
    let up = upstream(None).await;
    let mut c = config(&up.root, false);
    c.service = Some(webwork_gateway::config::ServiceCredentials::Token("demo-owner".into()));
    c.visitor_share = 2;
    c.trust_forwarded = true;
    c.cache_ttl.insert("getMembers".into(), Duration::from_millis(0));
    let g = gateway(c).await;
    let get = |visitor: &str, page: u32| {
        client().get(format!("{}/api/v2/members?workspace_id=1&page={page}", g.base)).header("x-forwarded-for", visitor.to_owned()).send()
    };
    assert_eq!(get("10.0.0.1", 1).await.unwrap().status(), 200);
    assert_eq!(get("10.0.0.1", 2).await.unwrap().status(), 200);
    // The third miss of this visitor in a minute: stale if there is one, else 429 for this visitor only.
    assert_eq!(get("10.0.0.1", 1).await.unwrap().headers()["x-webwork-cache"], "stale");
    let r = get("10.0.0.1", 3).await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    assert_eq!(get("10.0.0.2", 3).await.unwrap().status(), 200, "another visitor is not starved");
    assert_eq!(up.upstream_calls(), 3);
}

#[tokio::test]
async fn cors_only_for_listed_origins_never_star() {
    let up = upstream(None).await;
    let mut c = config(&up.root, false);
    c.cors_allow = vec!["https://intranet.example".into()];
    let g = gateway(c).await;
    let pre = |origin: &str| {
        client()
            .request(reqwest::Method::OPTIONS, format!("{}/api/v2/members", g.base))
            .header("origin", origin.to_owned())
            .header("access-control-request-method", "GET")
            .send()
    };
    let ok = pre("https://intranet.example").await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "https://intranet.example");
    assert_eq!(ok.headers()["access-control-allow-credentials"], "true");
    assert!(ok.headers().get_all("vary").iter().any(|v| v == "Origin"));
    let other = pre("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    assert!(other.headers().get("access-control-allow-credentials").is_none());
    let get = client()
        .get(format!("{}/api/v2/workspaces", g.base))
        .bearer_auth("demo-owner")
        .header("origin", "https://intranet.example")
        .send()
        .await
        .unwrap();
    assert_eq!(get.headers()["access-control-allow-origin"], "https://intranet.example");
    let get = client()
        .get(format!("{}/api/v2/workspaces", g.base))
        .bearer_auth("demo-owner")
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(get.headers().get("access-control-allow-origin").is_none());
    let health: serde_json::Value = client().get(format!("{}/healthz", g.base)).send().await.unwrap().json().await.unwrap();
    assert_eq!(health["status"], "ok");
}

#[tokio::test]
async fn client_credentials_service_token_is_fetched_once_and_never_shown() {
    let up = upstream(None).await;
    let mut c = config(&up.root, true);
    c.service = Some(webwork_gateway::config::ServiceCredentials::ClientCredentials);
    let g = gateway(c).await;
    for page in 1..=3 {
        let r = client().get(format!("{}/api/v2/projects?workspace_id=1&page={page}", g.base)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let text = r.text().await.unwrap();
        assert!(!text.contains("wwat_") && !text.contains(&up.newest_access_token()));
    }
    assert_eq!(up.grants(), ["client_credentials"]);
    let service_token = up.newest_access_token();
    assert_eq!(up.last_seen().headers["authorization"], format!("Bearer {service_token}"));
    // The token expired early at the API: renewed once and the read repeated.
    up.expire_access_tokens();
    let r = client().get(format!("{}/api/v2/projects?workspace_id=1&page=9", g.base)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(up.grants(), ["client_credentials", "client_credentials"]);
    assert_ne!(up.newest_access_token(), service_token);
}

#[tokio::test]
async fn shutdown_lets_requests_in_flight_finish_and_then_stops_listening() {
    let mut slow = sandbox_config();
    slow.latency_ms = 800;
    let up = upstream_with(slow).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let gw = webwork_gateway::Gateway::new(config(&up.root, false)).unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server =
        tokio::spawn(webwork_gateway::serve_on(listener, gw, webwork_gateway::log::LogSink::to(Box::new(Buffer::default())), async {
            let _ = stopped.await;
        }));

    let in_flight = tokio::spawn({
        let url = format!("{base}/api/v2/projects?workspace_id=1");
        async move { client().get(url).bearer_auth("demo-owner").send().await.map(|r| r.status().as_u16()) }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(()).unwrap();
    assert_eq!(in_flight.await.unwrap().unwrap(), 200, "the call under way when shutdown began still got its answer");
    tokio::time::timeout(Duration::from_secs(5), server).await.expect("the server ends once idle").unwrap().unwrap();
    assert!(client().get(format!("{base}/healthz")).send().await.is_err(), "nothing listens any more");
}
