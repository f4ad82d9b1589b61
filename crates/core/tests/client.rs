//! The client's policy on a scripted transport with a fake clock: pacing, retries and their
//! backoff, `Retry-After`, timeouts, cancellation, pagination, and token hygiene.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;

use futures_executor::block_on;
use futures_util::StreamExt;
use serde_json::json;
use webwork_core::client::CallOptions;
use webwork_core::ops::{CreateTimeEntry, ListMembers, ListWorkspaces, Paginated};
use webwork_core::{ApiError, CancelToken, Client, ClientConfig, HttpRequest, HttpResponse, RetryPolicy, Transport, TransportError};

/// What the fake answers: a response, a network failure, or never.
#[derive(Clone)]
enum Script {
    Answer(u16, Vec<(&'static str, String)>, String),
    Fail,
    Hang,
}

fn answer(status: u16, body: serde_json::Value) -> Script {
    Script::Answer(status, vec![], body.to_string())
}

/// A transport whose clock only moves when someone sleeps: time-based behaviour is exact.
#[derive(Clone, Default)]
struct Fake {
    now: Rc<Cell<f64>>,
    script: Rc<RefCell<VecDeque<Script>>>,
    sent: Rc<RefCell<Vec<(f64, HttpRequest)>>>,
    /// Answer used when the script runs out.
    fallback: Rc<RefCell<Option<Script>>>,
}

impl Fake {
    fn with(script: Vec<Script>) -> Self {
        let f = Fake::default();
        f.script.borrow_mut().extend(script);
        f
    }
    fn requests(&self) -> Vec<HttpRequest> {
        self.sent.borrow().iter().map(|(_, r)| r.clone()).collect()
    }
    fn times(&self) -> Vec<f64> {
        self.sent.borrow().iter().map(|(t, _)| *t).collect()
    }
}

impl Transport for Fake {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>> {
        self.sent.borrow_mut().push((self.now.get(), request));
        let next = self.script.borrow_mut().pop_front().or_else(|| self.fallback.borrow().clone()).expect("script ran out");
        async move {
            match next {
                Script::Answer(status, headers, body) => Ok(HttpResponse {
                    status,
                    headers: headers.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
                    body: body.into_bytes(),
                }),
                Script::Fail => Err(TransportError::Network("connection refused".into())),
                Script::Hang => std::future::pending().await,
            }
        }
    }
    fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
        self.now.set(self.now.get() + ms as f64);
        std::future::ready(())
    }
    fn now_ms(&self) -> f64 {
        self.now.get()
    }
}

fn client(fake: &Fake) -> Client<Fake> {
    Client::new(fake.clone(), ClientConfig::new("https://api.example.test/api/v2/", "secret-token-123"))
}

fn workspaces_body() -> serde_json::Value {
    json!({"success": true, "data": [{"id": 1, "workspace_name": "Acme", "role": "Owner", "status": "active"}], "meta": {"api_version": "2.0.0"}})
}

#[test]
fn sends_bearer_auth_and_decodes() {
    let fake = Fake::with(vec![answer(200, workspaces_body())]);
    let ws = block_on(client(&fake).send(&ListWorkspaces::new())).unwrap();
    assert_eq!(ws[0].workspace_name, "Acme");
    let req = &fake.requests()[0];
    assert_eq!(req.url, "https://api.example.test/api/v2/workspaces");
    assert!(req.headers.contains(&("Authorization".into(), "Bearer secret-token-123".into())));
    assert_eq!(req.body, None);
}

#[test]
fn get_is_retried_on_503_with_backoff_then_succeeds() {
    let fake = Fake::with(vec![answer(503, json!({"success": false, "message": "busy"})), Script::Fail, answer(200, workspaces_body())]);
    let ws = block_on(client(&fake).send(&ListWorkspaces::new())).unwrap();
    assert_eq!(ws.len(), 1);
    let t = fake.times();
    assert_eq!(t.len(), 3, "two retries");
    let policy = RetryPolicy::default();
    // Jitter keeps each wait within the upper half of its step.
    assert!((t[1] - t[0]) >= policy.base_delay_ms as f64 / 2.0 && (t[1] - t[0]) <= policy.base_delay_ms as f64);
    assert!((t[2] - t[1]) >= policy.base_delay_ms as f64 && (t[2] - t[1]) <= 2.0 * policy.base_delay_ms as f64);
}

#[test]
fn post_is_never_retried() {
    let fake = Fake::with(vec![answer(503, json!({"success": false, "message": "Service Unavailable"}))]);
    let op = CreateTimeEntry::new(1u64, 7u64, "2024-01-15", "09:00", "10:00");
    let err = block_on(client(&fake).send(&op)).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(fake.requests().len(), 1);
    let fake = Fake::with(vec![Script::Fail]);
    assert!(matches!(block_on(client(&fake).send(&op)), Err(ApiError::Network { .. })));
    assert_eq!(fake.requests().len(), 1);
}

#[test]
fn not_retried_on_other_errors() {
    for status in [400, 401, 403, 404, 422, 500] {
        let fake = Fake::with(vec![answer(status, json!({"success": false, "message": "no"}))]);
        let err = block_on(client(&fake).send(&ListWorkspaces::new())).unwrap_err();
        assert_eq!(err.status(), Some(status));
        assert_eq!(fake.requests().len(), 1, "{status}");
    }
}

#[test]
fn gives_up_after_max_retries() {
    let fake = Fake::default();
    *fake.fallback.borrow_mut() = Some(answer(502, json!({"success": false, "message": "Bad Gateway"})));
    let err = block_on(client(&fake).send(&ListWorkspaces::new())).unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert_eq!(fake.requests().len(), 1 + RetryPolicy::default().max_retries as usize);
}

#[test]
fn honours_retry_after_on_429_and_pauses_the_pacer() {
    let limited = Script::Answer(
        429,
        vec![("retry-after", "3".into()), ("x-ratelimit-remaining", "0".into())],
        json!({"success": false, "message": "Too Many Attempts."}).to_string(),
    );
    let fake = Fake::with(vec![limited, answer(200, workspaces_body())]);
    let c = client(&fake);
    block_on(c.send(&ListWorkspaces::new())).unwrap();
    let t = fake.times();
    assert!(t[1] - t[0] >= 3000.0, "waited {} ms", t[1] - t[0]);
}

#[test]
fn a_retry_after_longer_than_the_policy_allows_is_returned() {
    let limited =
        Script::Answer(429, vec![("retry-after", "600".into())], json!({"success": false, "message": "Too Many Attempts."}).to_string());
    let fake = Fake::with(vec![limited]);
    let c = client(&fake);
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    assert_eq!(err, ApiError::RateLimited { retry_after_ms: Some(600_000), message: "Too Many Attempts.".into() });
    // The pacer now holds further requests until the server's time is up.
    assert_eq!(c.budget().remaining, 0);
    assert!(c.budget().next_free_in_ms.unwrap() > 590_000.0);
}

#[test]
fn the_pacer_spaces_requests_to_sixty_a_minute() {
    let fake = Fake::default();
    *fake.fallback.borrow_mut() = Some(answer(200, workspaces_body()));
    let c = client(&fake);
    for _ in 0..61 {
        block_on(c.send(&ListWorkspaces::new())).unwrap();
    }
    let t = fake.times();
    assert_eq!(t[59], 0.0, "the first 60 go at once");
    assert!(t[60] >= 60_000.0, "the 61st waits for the window: {}", t[60]);
    // A second client sharing the pacer shares the budget.
    let other = Client::with_pacer(fake.clone(), ClientConfig::new("https://x/api/v2", "t"), c.pacer().clone());
    assert_eq!(other.budget().remaining, c.budget().remaining);
}

#[test]
fn server_headers_lower_the_local_budget() {
    let answer_with_budget =
        Script::Answer(200, vec![("x-ratelimit-limit", "60".into()), ("x-ratelimit-remaining", "5".into())], workspaces_body().to_string());
    let fake = Fake::with(vec![answer_with_budget]);
    let c = client(&fake);
    block_on(c.send(&ListWorkspaces::new())).unwrap();
    assert_eq!(c.budget().remaining, 5);
    assert_eq!(c.pacer().server_budget().unwrap().remaining, 5);
}

#[test]
fn times_out_and_is_not_retried() {
    let fake = Fake::with(vec![Script::Hang]);
    let mut config = ClientConfig::new("https://x/api/v2", "t");
    config.timeout_ms = 1_500;
    let c = Client::new(fake.clone(), config);
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    assert_eq!(err, ApiError::Timeout { after_ms: 1_500 });
    assert_eq!(fake.requests().len(), 1);
}

#[test]
fn cancel_aborts_before_and_during_a_call() {
    let fake = Fake::with(vec![]);
    let token = CancelToken::new();
    token.cancel();
    let err = block_on(client(&fake).send_with(&ListWorkspaces::new(), &CallOptions::cancel(&token))).unwrap_err();
    assert_eq!(err, ApiError::Aborted);
    assert!(fake.requests().is_empty(), "nothing sent once cancelled");

    let fake = Fake::with(vec![Script::Hang]);
    let token = CancelToken::new();
    let c = client(&fake);
    let mut opts = CallOptions::cancel(&token);
    opts.timeout_ms = Some(0);
    let op = ListWorkspaces::new();
    let call = c.send_with(&op, &opts);
    let canceller = async {
        yield_once().await;
        token.cancel();
    };
    let (result, ()) = block_on(futures_util::future::join(call, canceller));
    assert_eq!(result.unwrap_err(), ApiError::Aborted);
    assert_eq!(fake.requests().len(), 1);
}

fn member_page(page: u32, last: u32, n: usize) -> Script {
    let items: Vec<_> = (0..n).map(|i| json!({"id": page * 1000 + i as u32, "email": format!("m{i}@x.y")})).collect();
    answer(
        200,
        json!({"success": true, "data": items, "meta": {"pagination": {"total": 250, "per_page": 100, "current_page": page, "last_page": last}}}),
    )
}

#[test]
fn walks_every_page_at_the_largest_page_size() {
    let fake = Fake::with(vec![member_page(1, 3, 100), member_page(2, 3, 100), member_page(3, 3, 50)]);
    let c = client(&fake);
    let all = block_on(c.all(ListMembers::new(1u64))).unwrap();
    assert_eq!(all.len(), 250);
    let urls: Vec<_> = fake.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(urls.len(), 3);
    for (i, url) in urls.iter().enumerate() {
        assert!(url.contains("per_page=100") && url.contains(&format!("page={}", i + 1)), "{url}");
    }
}

#[test]
fn item_stream_stops_on_error_and_pages_without_meta_stop_on_a_short_page() {
    let fake = Fake::with(vec![member_page(1, 3, 100), answer(403, json!({"success": false, "message": "no"}))]);
    let c = client(&fake);
    let items: Vec<_> = block_on(c.items(ListMembers::new(1u64), CallOptions::default()).collect());
    assert_eq!(items.len(), 101);
    assert!(items[100].as_ref().is_err_and(|e| e.kind() == "forbidden"));

    // No pagination in the reply: a page shorter than per_page is the last.
    let page = |n: usize| answer(200, json!({"success": true, "data": (0..n).map(|i| json!({"id": i})).collect::<Vec<_>>()}));
    let fake = Fake::with(vec![page(10), page(4)]);
    let c = client(&fake);
    let op = ListMembers::new(1u64).per_page(10u32);
    assert_eq!(op.page_size(), Some(10));
    let all = block_on(c.all(op)).unwrap();
    assert_eq!(all.len(), 14);
    assert_eq!(fake.requests().len(), 2);
}

#[test]
fn a_bad_item_on_a_later_page_is_named_by_page_and_index_within_it() {
    let mut bad: Vec<serde_json::Value> = (0..3).map(|i| json!({"id": 100 + i})).collect();
    bad[2] = json!({"id": "not a number"});
    let page2 = answer(
        200,
        json!({"success": true, "data": bad, "pagination": {"current_page": 2, "last_page": 2, "per_page": 100, "total": 103}}),
    );
    let fake = Fake::with(vec![member_page(1, 2, 100), page2]);
    let err = block_on(client(&fake).all(ListMembers::new(1u64))).unwrap_err();
    match &err {
        ApiError::Decode { path, message } => {
            assert_eq!(path, "data[2].id");
            assert!(message.ends_with("(page 2 of the list)"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(err.to_string().contains("`data[2].id`"), "{err}");
}

#[test]
fn invalid_requests_are_not_sent() {
    let fake = Fake::with(vec![]);
    let err = block_on(client(&fake).send(&ListMembers::new(1u64).per_page(101u32))).unwrap_err();
    assert_eq!(err.field(), Some("per_page"));
    let err = block_on(client(&fake).send(&CreateTimeEntry::new(1u64, 7u64, "2024-01-15", "10:00", "09:00"))).unwrap_err();
    assert_eq!(err.field(), Some("end_time"));
    assert!(fake.requests().is_empty());
}

#[test]
fn the_token_never_shows() {
    let fake = Fake::with(vec![answer(401, json!({"success": false, "message": "Unauthenticated."}))]);
    let c = client(&fake);
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    for text in [format!("{c:?}"), format!("{:?}", c.config()), format!("{err}"), format!("{err:?}"), c.config().token.to_string()] {
        assert!(!text.contains("secret-token-123"), "{text}");
    }
    assert_eq!(c.config().token.expose(), "secret-token-123");
}

#[test]
fn raw_requests_reach_any_path() {
    let fake = Fake::with(vec![answer(200, json!({"success": true, "data": {"anything": [1, 2]}}))]);
    let req = webwork_core::ApiRequest::raw(webwork_core::Method::Get, "reports/new-thing").with_query("q", "a b&c");
    let reply: webwork_core::Reply<serde_json::Value> = block_on(client(&fake).request(&req, &CallOptions::default())).unwrap();
    assert_eq!(reply.data["anything"][1], 2);
    assert_eq!(fake.requests()[0].url, "https://api.example.test/api/v2/reports/new-thing?q=a%20b%26c");
}

/// Lets the other side of a `join` run once before going on.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await
}
