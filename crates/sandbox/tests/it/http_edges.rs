//! The HTTP surface: unknown paths and methods, rate limiting, CORS, static files, faults.

use std::sync::Arc;

use webwork_sandbox::config::Config;

use crate::support::*;

fn with(f: impl FnOnce(&mut Config)) -> Arc<App> {
    let mut c = Config::for_tests(testing::TODAY);
    f(&mut c);
    testing::app_with(c)
}

#[tokio::test]
async fn unknown_paths_and_methods() {
    let app = app();
    let r = call(&app, OWNER, "GET", "/api/v2/nothing-here", None).await;
    assert_eq!((r.status, r.body["success"].clone()), (404, false.into()));
    let r = call(&app, OWNER, "PATCH", "/api/v2/members/5", None).await;
    assert_eq!(r.status, 405);
    let r = call(&app, OWNER, "PUT", "/api/v2/members", None).await;
    assert_eq!(r.status, 405);
    assert!(r.message().contains("GET, POST"));
    let r = call(&app, OWNER, "GET", "/api/elsewhere", None).await;
    assert_eq!(r.status, 404);
    let r = raw(&app, "GET", "/", None, None, &[]).await;
    assert_eq!(r.status, 200, "a landing page without --serve");
}

#[tokio::test]
async fn rate_limit_per_token() {
    let app = with(|c| c.rate_limit = Some(60));
    for i in 0..60u32 {
        let r = call(&app, OWNER, "GET", "/api/v2/workspaces", None).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("x-ratelimit-limit"), Some("60"));
        assert_eq!(r.header("x-ratelimit-remaining"), Some((59 - i).to_string().as_str()));
    }
    let r = call(&app, OWNER, "GET", "/api/v2/workspaces", None).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.body["success"], false);
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
    // Another token has its own budget; error replies carry the headers too.
    let r = call(&app, REGULAR, "GET", "/api/v2/members", None).await;
    assert_eq!((r.status, r.header("x-ratelimit-remaining")), (400, Some("59")));
    // The client reads the 429 as RateLimited with the wait.
    let err = client(&app, OWNER).send(&ListWorkspaces::new()).await.unwrap_err();
    assert!(matches!(err, ApiError::RateLimited { retry_after_ms: Some(ms), .. } if ms >= 1000), "{err:?}");
}

#[tokio::test]
async fn cors() {
    let app = app();
    let r = raw(
        &app,
        "OPTIONS",
        "/api/v2/members",
        None,
        None,
        &[("origin", "https://intranet.example"), ("access-control-request-method", "POST")],
    )
    .await;
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r.header("access-control-allow-methods").unwrap().contains("DELETE"));
    assert!(r.header("access-control-allow-headers").unwrap().contains("authorization"));
    let r = call(&app, OWNER, "GET", "/api/v2/workspaces", None).await;
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r.header("access-control-expose-headers").unwrap().contains("Retry-After"));

    let app = with(|c| c.cors_origin = Some("https://ok.example".into()));
    let r = raw(&app, "GET", "/api/v2/workspaces", Some(OWNER), None, &[("origin", "https://ok.example")]).await;
    assert_eq!(r.header("access-control-allow-origin"), Some("https://ok.example"));
    let r = raw(&app, "GET", "/api/v2/workspaces", Some(OWNER), None, &[("origin", "https://evil.example")]).await;
    assert_eq!(r.header("access-control-allow-origin"), None);
}

/// A GET of a static path through the router: status, the `header` asked for, body.
async fn get_static(app: Arc<App>, path: &str, header: &str) -> (u16, Option<String>, String) {
    let req = axum::http::Request::builder().uri(path).body(axum::body::Body::empty()).unwrap();
    let resp = tower::ServiceExt::oneshot(webwork_sandbox::router(app), req).await.unwrap();
    let status = resp.status().as_u16();
    let value = resp.headers().get(header).map(|v| v.to_str().unwrap().to_owned());
    let body = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
    (status, value, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn static_files_with_spa_fallback() {
    let dir = std::env::temp_dir().join(format!("webwork-sandbox-static-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<h1>panel</h1>").unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log(1)").unwrap();
    let app = with(|c| c.serve = Some(dir.clone()));
    let get = |p: &'static str| get_static(app.clone(), p, "content-type");
    assert_eq!(get("/").await.2, "<h1>panel</h1>");
    let (s, ct, body) = get("/assets/app.js").await;
    assert_eq!((s, body.as_str()), (200, "console.log(1)"));
    assert!(ct.unwrap().starts_with("text/javascript"));
    assert_eq!(get("/w/1/members").await.2, "<h1>panel</h1>", "SPA fallback");
    assert_eq!(get("/assets/missing.js").await.0, 404);
    assert_eq!(get("/../Cargo.toml").await.0, 404);
    assert_eq!(get("/api/v2/nope").await.0, 404, "the API is never the SPA");
    let _ = std::fs::remove_dir_all(dir);
}

async fn get_encoded(app: Arc<App>, path: &str, accept: Option<&str>) -> (Option<String>, String, String) {
    let mut req = axum::http::Request::builder().uri(path);
    if let Some(accept) = accept {
        req = req.header("accept-encoding", accept);
    }
    let resp = tower::ServiceExt::oneshot(webwork_sandbox::router(app), req.body(axum::body::Body::empty()).unwrap()).await.unwrap();
    let header = |name: &str| resp.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let (encoding, kind) = (header("content-encoding"), header("content-type").unwrap_or_default());
    let body = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
    (encoding, kind, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn compressed_copies_are_sent_when_accepted_and_fresh() {
    let dir = std::env::temp_dir().join(format!("webwork-sandbox-encoded-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<h1>panel</h1>").unwrap();
    std::fs::write(dir.join("app.wasm"), "RAW").unwrap();
    std::fs::write(dir.join("app.wasm.br"), "BROTLI").unwrap();
    std::fs::write(dir.join("app.wasm.gz"), "GZIP").unwrap();
    let app = with(|c| c.serve = Some(dir.clone()));
    let get = |accept: Option<&'static str>| get_encoded(app.clone(), "/app.wasm", accept);

    let (encoding, kind, body) = get(Some("gzip, deflate, br")).await;
    assert_eq!((encoding.as_deref(), body.as_str()), (Some("br"), "BROTLI"));
    assert_eq!(kind, "application/wasm", "the type of the file, not of its copy");
    assert_eq!(get(Some("gzip")).await.2, "GZIP");
    assert_eq!(get(Some("br;q=0, gzip;q=0.5")).await.2, "GZIP", "q=0 refuses");
    let (encoding, _, body) = get(None).await;
    assert_eq!((encoding, body.as_str()), (None, "RAW"));

    // A rebuild that did not compress again: the copies are older than the file, so never sent.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    std::fs::File::options().write(true).open(dir.join("app.wasm")).unwrap().set_modified(later).unwrap();
    let (encoding, _, body) = get(Some("gzip, br")).await;
    assert_eq!((encoding, body.as_str()), (None, "RAW"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn mounted_folders_beside_the_panel() {
    let base = std::env::temp_dir().join(format!("webwork-sandbox-mount-{}", std::process::id()));
    let (panel, widgets) = (base.join("panel"), base.join("widgets"));
    std::fs::create_dir_all(&panel).unwrap();
    std::fs::create_dir_all(&widgets).unwrap();
    std::fs::write(panel.join("index.html"), "<h1>panel</h1>").unwrap();
    std::fs::write(widgets.join("index.html"), "<h1>intranet</h1>").unwrap();
    std::fs::write(widgets.join("webwork-widgets.js"), "export {}").unwrap();
    let app = with(|c| {
        c.serve = Some(panel.clone());
        c.mounts = vec![("/widgets".into(), widgets.clone())];
    });
    let get = |p: &'static str| get_static(app.clone(), p, "location");
    assert_eq!(get("/widgets/").await.2, "<h1>intranet</h1>");
    assert_eq!(get("/widgets/webwork-widgets.js").await.2, "export {}");
    assert_eq!(get("/widgets?a=1").await.0, 308);
    assert_eq!(get("/widgets?a=1").await.1.as_deref(), Some("/widgets/?a=1"), "relative URLs need the slash");
    assert_eq!(get("/widgets/missing.js").await.0, 404, "a mount never falls back to the panel");
    assert_eq!(get("/widgets/../panel/index.html").await.0, 404);
    assert_eq!(get("/widgetsx").await.2, "<h1>panel</h1>", "only the prefix as a whole segment");
    assert_eq!(get("/w/1/members").await.2, "<h1>panel</h1>");
    let _ = std::fs::remove_dir_all(base);
}

#[tokio::test]
async fn fault_injection_hits_the_api_only() {
    let app = with(|c| {
        c.fail_rate = 1.0;
        c.latency_ms = 5;
    });
    let mut answered_503 = 0;
    let mut dropped = 0;
    let c = client(&app, OWNER);
    for _ in 0..20 {
        match c.send(&ListWorkspaces::new()).await {
            Err(ApiError::Server { status: 503, .. }) => answered_503 += 1,
            Err(ApiError::Network { .. }) => dropped += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(answered_503 > 0 && dropped > 0, "{answered_503} / {dropped}");
    let r = raw(&app, "OPTIONS", "/api/v2/members", None, None, &[]).await;
    assert_eq!(r.status, 204, "preflight is never faulted");
}
