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
use std::sync::{Arc, Mutex};
use webwork_core::client::CallOptions;
use webwork_core::ops::{CreateTimeEntry, ListMembers, ListWorkspaces, Operation, Paginated};

use webwork_core::client::TokenFuture;
use webwork_core::{
    ApiError, CancelToken, Client, ClientConfig, Credentials, HttpRequest, HttpResponse, Method, RetryPolicy, Token, Transport,
    TransportError,
};

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

/// A walk over a misbehaving server ends with the walker's error after at most the cap.
fn walk_error(fake: &Fake) -> ApiError {
    let err = block_on(client(fake).all(ListMembers::new(1u64))).unwrap_err();
    assert_eq!(err.kind(), "decode", "{err}");
    assert!(fake.requests().len() as u32 <= webwork_core::pages::MAX_PAGES);
    err
}

#[test]
fn a_server_that_ignores_page_ends_the_walk_at_the_second_page() {
    // Every request gets page 1 again, whatever `page` says.
    let fake = Fake::default();
    *fake.fallback.borrow_mut() = Some(member_page(1, 3, 100));
    let err = walk_error(&fake);
    assert_eq!(fake.requests().len(), 2);
    assert!(err.to_string().contains("the server sent page 2 again (the same items as page 1)"), "{err}");
}

#[test]
fn a_growing_last_page_ends_the_walk_at_the_cap() {
    let cap = webwork_core::pages::MAX_PAGES;
    let fake = Fake::with((1..=cap).map(|page| member_page(page, page + 1, 100)).collect());
    let err = walk_error(&fake);
    assert_eq!(fake.requests().len() as u32, cap);
    assert!(err.to_string().contains(&format!("more than {cap} pages (the server said 2 pages at first and {} now)", cap + 1)), "{err}");
}

#[test]
fn a_list_without_pagination_whose_full_pages_never_end_stops_at_the_cap() {
    // Every page full (100 of 100), each with new items, no pagination block: only the cap ends it.
    let cap = webwork_core::pages::MAX_PAGES;
    let page = |p: u32| {
        let items: Vec<_> = (0..100).map(|i| json!({"id": p * 1000 + i})).collect();
        answer(200, json!({"success": true, "data": items}))
    };
    let fake = Fake::with((1..=cap).map(page).collect());
    let err = walk_error(&fake);
    assert_eq!(fake.requests().len() as u32, cap);
    assert!(err.to_string().contains(&format!("more than {cap} pages")), "{err}");
}

#[test]
fn an_empty_page_that_says_more_follow_ends_the_walk() {
    let fake = Fake::with(vec![member_page(1, 9, 100), member_page(2, 9, 100), member_page(3, 9, 0)]);
    let err = walk_error(&fake);
    assert_eq!(fake.requests().len(), 3);
    assert!(err.to_string().contains("page 3 is empty but the server says 9 pages"), "{err}");
    // The pages before the bad one still reach a stream's reader.
    let fake = Fake::with(vec![member_page(1, 9, 100), member_page(2, 9, 0)]);
    let c = client(&fake);
    let pages: Vec<_> = block_on(c.pages(ListMembers::new(1u64), CallOptions::default()).collect());
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].as_ref().map(|p| p.items.len()), Ok(100));
    assert!(pages[1].as_ref().is_err_and(|e| e.to_string().contains("page 2 is empty")));
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
    let Credentials::Token(token) = &c.config().credentials else { panic!("ClientConfig::new keeps a fixed token") };
    for text in [format!("{c:?}"), format!("{:?}", c.config()), format!("{err}"), format!("{err:?}"), token.to_string()] {
        assert!(!text.contains("secret-token-123"), "{text}");
    }
    assert_eq!(token.expose(), "secret-token-123");
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

// ---- credentials: a token provider, a gateway ----

/// A provider that hands out `tok-1`, `tok-2`, ... and records each `renew` flag it was asked with.
#[derive(Clone, Default)]
struct Tokens {
    asked: Arc<Mutex<Vec<bool>>>,
}

impl Tokens {
    fn provider(&self) -> impl Fn(bool) -> TokenFuture + Send + Sync + 'static {
        let asked = self.asked.clone();
        move |renew| {
            let mut asked = asked.lock().unwrap();
            asked.push(renew);
            let token = Token::new(format!("tok-{}", asked.len()));
            Box::pin(async move { Ok(token) })
        }
    }
    fn asked(&self) -> Vec<bool> {
        self.asked.lock().unwrap().clone()
    }
}

fn provided(fake: &Fake, tokens: &Tokens) -> Client<Fake> {
    Client::new(fake.clone(), ClientConfig::with_provider("https://api.example.test/api/v2", tokens.provider()))
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
    request.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn unauthenticated() -> Script {
    answer(401, json!({"success": false, "message": "The access token is invalid or has expired."}))
}

#[test]
fn a_provider_is_asked_once_at_first_use_and_its_token_kept() {
    let fake = Fake::with(vec![answer(200, workspaces_body()), answer(200, workspaces_body())]);
    let tokens = Tokens::default();
    let c = provided(&fake, &tokens);
    assert!(tokens.asked().is_empty(), "nothing is asked before the first request");
    block_on(c.send(&ListWorkspaces::new())).unwrap();
    block_on(c.clone().send(&ListWorkspaces::new())).unwrap();
    assert_eq!(tokens.asked(), vec![false]);
    let auth: Vec<_> = fake.requests().iter().map(|r| header(r, "authorization").map(str::to_owned)).collect();
    assert_eq!(auth, vec![Some("Bearer tok-1".to_owned()), Some("Bearer tok-1".to_owned())]);
    assert!(fake.requests().iter().all(|r| !r.include_credentials && header(r, "x-webwork-client").is_none()));
}

#[test]
fn a_401_renews_the_token_and_repeats_the_request_once() {
    let fake = Fake::with(vec![unauthenticated(), answer(200, workspaces_body())]);
    let tokens = Tokens::default();
    let c = provided(&fake, &tokens);
    let ws = block_on(c.send(&ListWorkspaces::new())).unwrap();
    assert_eq!(ws[0].workspace_name, "Acme");
    assert_eq!(tokens.asked(), vec![false, true]);
    let sent = fake.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(header(&sent[0], "authorization"), Some("Bearer tok-1"));
    assert_eq!(header(&sent[1], "authorization"), Some("Bearer tok-2"));
    assert_eq!(sent[0].url, sent[1].url);
}

#[test]
fn a_post_refused_with_401_is_repeated_too() {
    // A POST is never retried after a 5xx (it may have been done), but a 401 means nothing was.
    let fake = Fake::with(vec![unauthenticated(), answer(201, json!({"success": true, "data": {"id": 9}}))]);
    let tokens = Tokens::default();
    let request = CreateTimeEntry::new(1u64, 7u64, "2024-01-15", "09:00", "10:00").to_request().unwrap();
    let reply = block_on(provided(&fake, &tokens).request_json(&request, &CallOptions::default())).unwrap();
    assert_eq!(reply.data["id"], 9);
    let sent = fake.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!((sent[0].method, sent[1].method), (Method::Post, Method::Post));
    assert_eq!(sent[0].body, sent[1].body);
    assert_eq!(header(&sent[1], "authorization"), Some("Bearer tok-2"));
}

#[test]
fn a_second_401_is_returned_to_the_caller() {
    let fake = Fake::with(vec![unauthenticated(), unauthenticated()]);
    let tokens = Tokens::default();
    let c = provided(&fake, &tokens);
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    assert!(matches!(err, ApiError::Unauthorized { .. }), "{err:?}");
    assert_eq!(fake.requests().len(), 2, "renewed once, not again");
    assert_eq!(tokens.asked(), vec![false, true]);
    // The renewed token is kept for the next call.
    fake.script.borrow_mut().push_back(answer(200, workspaces_body()));
    block_on(c.send(&ListWorkspaces::new())).unwrap();
    assert_eq!(header(&fake.requests()[2], "authorization"), Some("Bearer tok-2"));
    assert_eq!(tokens.asked().len(), 2);
}

#[test]
fn the_providers_error_is_returned_as_is() {
    let failing =
        |_renew: bool| -> TokenFuture { Box::pin(async { Err(ApiError::Network { message: "the sign-in service is down".into() }) }) };
    let fake = Fake::with(vec![]);
    let c = Client::new(fake.clone(), ClientConfig::with_provider("https://x/api/v2", failing));
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    assert_eq!(err, ApiError::Network { message: "the sign-in service is down".into() });
    assert!(fake.requests().is_empty(), "nothing is sent without a token");

    // At renewal too: the first token was refused, the provider then fails.
    let calls = Arc::new(Mutex::new(0));
    let counted = calls.clone();
    let once = move |_renew: bool| -> TokenFuture {
        let mut n = counted.lock().unwrap();
        *n += 1;
        let first = *n == 1;
        Box::pin(async move {
            if first {
                Ok(Token::new("old"))
            } else {
                Err(ApiError::Forbidden { message: "Signed out.".into() })
            }
        })
    };
    let fake = Fake::with(vec![unauthenticated()]);
    let c = Client::new(fake.clone(), ClientConfig::with_provider("https://x/api/v2", once));
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    assert_eq!(err, ApiError::Forbidden { message: "Signed out.".into() });
    assert_eq!(fake.requests().len(), 1);
}

#[test]
fn a_gateway_client_sends_no_authorization_but_the_client_header() {
    let fake = Fake::with(vec![answer(200, workspaces_body()), unauthenticated()]);
    let c = Client::new(fake.clone(), ClientConfig::gateway("https://intranet.example/api/v2/"));
    block_on(c.send(&ListWorkspaces::new())).unwrap();
    let request = &fake.requests()[0];
    assert_eq!(request.url, "https://intranet.example/api/v2/workspaces");
    assert_eq!(header(request, "authorization"), None);
    assert_eq!(header(request, "x-webwork-client"), Some("1"));
    assert!(request.include_credentials, "the gateway's session cookie must flow");
    // A 401 from the gateway (the session ended) goes to the caller; there is nothing to renew.
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    assert!(matches!(err, ApiError::Unauthorized { .. }));
    assert_eq!(fake.requests().len(), 2);
}

#[test]
fn a_fixed_token_sends_no_client_header_and_no_cookies() {
    let fake = Fake::with(vec![answer(200, workspaces_body())]);
    block_on(client(&fake).send(&ListWorkspaces::new())).unwrap();
    let request = &fake.requests()[0];
    assert_eq!(header(request, "x-webwork-client"), None);
    assert!(!request.include_credentials);
}

#[test]
fn a_provided_token_never_shows() {
    let secret = |_renew: bool| -> TokenFuture { Box::pin(async { Ok(Token::new("provided-secret-456")) }) };
    let fake = Fake::with(vec![unauthenticated(), unauthenticated()]);
    let c = Client::new(fake.clone(), ClientConfig::with_provider("https://x/api/v2", secret));
    let err = block_on(c.send(&ListWorkspaces::new())).unwrap_err();
    for text in
        [format!("{c:?}"), format!("{:?}", c.config()), format!("{:?}", c.config().credentials), format!("{err}"), format!("{err:?}")]
    {
        assert!(!text.contains("provided-secret-456"), "{text}");
    }
    assert_eq!(header(&fake.requests()[0], "authorization"), Some("Bearer provided-secret-456"));
    let gateway = ClientConfig::gateway("https://g/api/v2");
    assert!(format!("{gateway:?}").contains("Gateway"));
}

/// The sandbox's tests spawn clients on tokio: a config, and so a client over a `Send`
/// transport, stays `Send + Sync` with a provider inside.
#[test]
fn a_config_with_a_provider_is_send_and_sync() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    send_sync(&ClientConfig::with_provider("https://x/api/v2", Tokens::default().provider()));
}
