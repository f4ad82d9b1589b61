//! `FetchTransport` and the client in headless Chromium, against the scripted mock server that
//! `cargo xtask test` starts (tests/mock-server). Each test uses its own key so the server's
//! request counters do not mix.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::*;
use webwork_core::client::CallOptions;
use webwork_core::ops::{CreateTimeEntry, ListMembers, ListWorkspaces, Method};
use webwork_core::{ApiError, ApiRequest, CancelToken, Client, ClientConfig, FetchTransport, HttpRequest, RetryPolicy, Transport};

wasm_bindgen_test_configure!(run_in_browser);

fn mock() -> &'static str {
    option_env!("WEBWORK_MOCK_URL").unwrap_or("http://127.0.0.1:47831")
}

fn key(name: &str) -> String {
    format!("{name}-{}", (js_sys::Math::random() * 1e9) as u64)
}

fn client(scenario: &str, key: &str) -> Client<FetchTransport> {
    let mut config = ClientConfig::new(format!("{}/s/{scenario}/{key}/api/v2", mock()), "browser-test-token");
    config.retry = RetryPolicy { max_retries: 3, base_delay_ms: 50, max_delay_ms: 200, max_retry_after_ms: 5_000 };
    config.timeout_ms = 10_000;
    Client::new(FetchTransport::new(), config)
}

/// How many requests (not counting preflights) the server saw for `key`.
async fn count(key: &str) -> u64 {
    let response = FetchTransport::new()
        .send(HttpRequest {
            method: Method::Get,
            url: format!("{}/count/{key}", mock()),
            headers: vec![],
            body: None,
            include_credentials: false,
        })
        .await
        .expect("count endpoint answers");
    let body: Value = serde_json::from_slice(&response.body).unwrap();
    body["count"].as_u64().unwrap()
}

#[wasm_bindgen_test]
async fn success_decodes_a_typed_list() {
    let k = key("ok");
    let workspaces = client("ok", &k).send(&ListWorkspaces::new()).await.unwrap();
    assert_eq!(workspaces.len(), 1);
    assert_eq!(workspaces[0].workspace_name, "Acme");
    assert_eq!(count(&k).await, 1);
}

#[wasm_bindgen_test]
async fn sends_bearer_token_query_and_json_body() {
    let k = key("echo");
    let c = client("ok", &k);
    let req = ApiRequest::raw(Method::Post, "/anything")
        .with_query("workspace_id", "1")
        .with_body(serde_json::json!({"workspace_id": 1, "note": "zoë"}));
    let reply = c.request::<Value>(&req, &CallOptions::default()).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("echo"));
    assert_eq!(reply.data["method"], "POST");
    assert_eq!(reply.data["path"], "/anything");
    assert_eq!(reply.data["query"]["workspace_id"], "1");
    assert_eq!(reply.data["body"]["note"], "zoë");
    assert_eq!(reply.data["authorization"], "Bearer browser-test-token");
    // The exposed rate-limit headers reached the pacer through CORS.
    assert_eq!(c.pacer().server_budget().map(|b| b.remaining), Some(59));
}

#[wasm_bindgen_test]
async fn error_envelope_becomes_a_typed_error() {
    let err = client("error422", &key("e422")).send(&ListWorkspaces::new()).await.unwrap_err();
    assert_eq!(err.kind(), "validation");
    assert_eq!(err.status(), Some(422));
    assert!(err.to_string().contains("must be a valid email address"), "{err}");
    let err = client("error401", &key("e401")).send(&ListWorkspaces::new()).await.unwrap_err();
    assert!(matches!(err, ApiError::Unauthorized { .. }), "{err:?}");
    let err = client("error404", &key("e404")).send(&ListWorkspaces::new()).await.unwrap_err();
    assert!(matches!(err, ApiError::NotFound { .. }), "{err:?}");
}

#[wasm_bindgen_test]
async fn retries_after_429_honouring_retry_after() {
    let k = key("rl");
    let started = js_sys::Date::now();
    let workspaces = client("ratelimit", &k).send(&ListWorkspaces::new()).await.unwrap();
    assert_eq!(workspaces.len(), 1);
    assert_eq!(count(&k).await, 2, "one 429, then one success");
    assert!(js_sys::Date::now() - started >= 1_000.0, "waited for Retry-After: 1");
}

#[wasm_bindgen_test]
async fn times_out_on_a_slow_server() {
    let k = key("slow");
    let opts = CallOptions { timeout_ms: Some(300), ..CallOptions::default() };
    let started = js_sys::Date::now();
    let err = client("slow", &k).send_with(&ListWorkspaces::new(), &opts).await.unwrap_err();
    assert_eq!(err, ApiError::Timeout { after_ms: 300 });
    assert!(js_sys::Date::now() - started < 2_500.0, "did not wait for the answer");
}

#[wasm_bindgen_test]
async fn abort_cancels_a_request_in_flight() {
    let k = key("abort");
    let token = CancelToken::new();
    let c = client("slow", &k);
    let op = ListWorkspaces::new();
    let opts = CallOptions::cancel(&token);
    let call = c.send_with(&op, &opts);
    let canceller = async {
        FetchTransport::new().sleep(100).await;
        token.cancel();
    };
    let started = js_sys::Date::now();
    let (result, ()) = futures_util::future::join(call, canceller).await;
    assert_eq!(result.unwrap_err(), ApiError::Aborted);
    assert!(js_sys::Date::now() - started < 2_500.0);
}

#[wasm_bindgen_test]
async fn a_post_is_not_retried_after_503_but_a_get_is() {
    let k = key("post503");
    let op = CreateTimeEntry::new(1u64, 7u64, "2024-01-15", "09:00", "10:00");
    let err = client("flaky503", &k).send(&op).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(count(&k).await, 1, "a POST goes once");

    let k = key("get503");
    client("flaky503", &k).send(&ListWorkspaces::new()).await.unwrap_err();
    assert_eq!(count(&k).await, 4, "a GET goes once and is retried three times");
}

#[wasm_bindgen_test]
async fn bad_json_is_a_decode_error_with_its_path() {
    let err = client("garbage", &key("garbage")).send(&ListWorkspaces::new()).await.unwrap_err();
    match err {
        ApiError::Decode { path, .. } => assert_eq!(path, "data[0].id"),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn walks_all_pages_at_per_page_100() {
    let k = key("pages");
    let members = client("pages", &k).all(ListMembers::new(1u64)).await.unwrap();
    assert_eq!(members.len(), 250);
    assert_eq!(members[249].id, 250);
    assert_eq!(count(&k).await, 3);
}

#[wasm_bindgen_test]
async fn network_failure_mentions_cors() {
    // Nothing listens on port 9 (discard); the browser reports a network error.
    let mut config = ClientConfig::new("http://127.0.0.1:9/api/v2", "t");
    config.retry = RetryPolicy::NONE;
    let err = Client::new(FetchTransport::new(), config).send(&ListWorkspaces::new()).await.unwrap_err();
    assert_eq!(err.kind(), "network");
    assert!(err.to_string().contains("CORS"), "{err}");
}
