//! The client: the one place that owns call policy (auth, pacing, retries, timeouts,
//! cancellation, pagination). Pages and widgets only build operations and show results.

mod cancel;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(all(target_arch = "wasm32", feature = "origin-budget"))]
pub mod origin;
mod pacer;
mod retry;
#[cfg(feature = "origin-budget")]
mod shared;

pub use cancel::{CancelToken, Cancelled};
pub use pacer::{reserve, Budget, Pacer, Priority, ServerBudget};
pub use retry::{parse_retry_after, RetryPolicy};
#[cfg(feature = "origin-budget")]
pub use shared::{LogEdit, LogFuture, SharedLog};

use core::fmt;
use core::future::Future;
use std::sync::Arc;

use crate::models::json::FromJson;
use futures_util::future::{select, Either};
use futures_util::stream::{self, Stream, StreamExt};

use crate::envelope::{decode, Page, Reply};
use crate::error::ApiError;
use crate::ops::{ApiRequest, Operation, Paginated};
use crate::pages::{PageSeen, Step, Walker};

/// Names one user's budget at one API without holding their token: the API's URL and a
/// fingerprint of the identity (FNV-1a, 64 bits; a token has far more entropy than that, so
/// the fingerprint gives nothing of it away). For [`SharedLog`] keys.
pub fn origin_key(base_url: &str, identity: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in identity.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{} {hash:016x}", base_url.trim_end_matches('/'))
}

/// A personal access token (or OAuth access token). Never printed: `Debug` and `Display`
/// show `***`, and no error message carries it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(token: impl Into<String>) -> Self {
        Token(token.into())
    }

    /// The secret itself, for the `Authorization` header and for storage the user asked for.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Where a client's authority comes from.
#[derive(Clone)]
pub enum Credentials {
    /// A fixed bearer token (what [`ClientConfig::new`] builds).
    Token(Token),
    /// A source asked for a token at first use, and again with `renew = true` after a 401.
    Provider(SharedProvider),
    /// No `Authorization` header: a webwork-gateway adds it from its session cookie or its
    /// service token. Requests carry `X-WebWork-Client: 1` (the gateway's CSRF check) and, in a
    /// browser, `credentials: 'include'` so the session cookie flows to an allow-listed gateway.
    Gateway,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Token(_) => f.write_str("Token(***)"),
            Credentials::Provider(_) => f.write_str("Provider"),
            Credentials::Gateway => f.write_str("Gateway"),
        }
    }
}

/// The provider's answer. `Send` on native targets, so a client's futures can be spawned on a
/// multi-threaded runtime; local on wasm32, where a JS `Function` provider cannot be `Send`.
#[cfg(not(target_arch = "wasm32"))]
pub type TokenFuture = futures_util::future::BoxFuture<'static, Result<Token, ApiError>>;
/// The provider's answer. `Send` on native targets, so a client's futures can be spawned on a
/// multi-threaded runtime; local on wasm32, where a JS `Function` provider cannot be `Send`.
#[cfg(target_arch = "wasm32")]
pub type TokenFuture = futures_util::future::LocalBoxFuture<'static, Result<Token, ApiError>>;

/// `Send + Sync` on native targets, nothing on wasm32 (one thread; JS values are not `Send`).
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSendSync: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSendSync for T {}
/// `Send + Sync` on native targets, nothing on wasm32 (one thread; JS values are not `Send`).
#[cfg(target_arch = "wasm32")]
pub trait MaybeSendSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSendSync for T {}

/// A source of tokens: an OAuth refresh, the app's own backend, a JS function.
/// `renew` is true after the API refused the last token with a 401: give a new one, not a
/// cached copy. An error is returned to the caller as it is.
pub trait TokenProvider: MaybeSendSync {
    fn token(&self, renew: bool) -> TokenFuture;
}

/// Any `Fn(renew) -> TokenFuture` is a provider.
impl<F> TokenProvider for F
where
    F: Fn(bool) -> TokenFuture + MaybeSendSync,
{
    fn token(&self, renew: bool) -> TokenFuture {
        self(renew)
    }
}

/// A provider and the last token it gave, shared by every clone of the config and every client
/// built from it (the widgets' clients, one per base URL, ask once between them).
#[derive(Clone)]
pub struct SharedProvider {
    provider: Arc<dyn TokenProvider>,
    last: Arc<std::sync::Mutex<Option<Token>>>,
}

impl SharedProvider {
    pub fn new(provider: impl TokenProvider + 'static) -> Self {
        SharedProvider { provider: Arc::new(provider), last: Arc::default() }
    }

    fn last(&self) -> Option<Token> {
        self.last.lock().ok().and_then(|t| t.clone())
    }

    /// The [`origin_key`] of the last token given, once one was: whose budget its requests spend.
    pub fn origin_key(&self, base_url: &str) -> Option<String> {
        self.last().map(|t| origin_key(base_url, t.expose()))
    }

    /// The token to send: the last one, or the provider's first.
    async fn current(&self) -> Result<Token, ApiError> {
        match self.last() {
            Some(t) => Ok(t),
            None => self.ask(false).await,
        }
    }

    /// A token after `refused` got a 401: the provider is asked with `renew = true`, unless
    /// another call already renewed it meanwhile (then its token is used).
    async fn after_refusal(&self, refused: &Token) -> Result<Token, ApiError> {
        match self.last() {
            Some(t) if t != *refused => Ok(t),
            _ => self.ask(true).await,
        }
    }

    async fn ask(&self, renew: bool) -> Result<Token, ApiError> {
        let token = self.provider.token(renew).await?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some(token.clone());
        }
        Ok(token)
    }
}

impl fmt::Debug for SharedProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedProvider")
    }
}

/// An HTTP request as a transport sends it.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub method: crate::ops::Method,
    pub url: String,
    /// Includes `Authorization`; do not log this request as a whole.
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    /// Send the browser's cookies even cross-site (`fetch`'s `credentials: 'include'`): the
    /// gateway's session cookie. False leaves `fetch`'s default (same-origin only).
    pub include_credentials: bool,
}

/// An HTTP answer: status, the headers the client reads, and the body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A header's value by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn header_num(&self, name: &str) -> Option<u32> {
        self.header(name).and_then(|v| v.trim().parse().ok())
    }

    pub fn retry_after_ms(&self) -> Option<u64> {
        self.header("retry-after").and_then(parse_retry_after)
    }
}

/// Why a transport got no HTTP answer.
#[derive(Debug, Clone, PartialEq)]
pub enum TransportError {
    /// Offline, refused, DNS, or CORS in a browser (the browser does not say which).
    Network(String),
    /// The transport itself was aborted.
    Aborted,
}

/// Sends HTTP requests and keeps time: `fetch` and `setTimeout` in the browser and Node, an
/// in-process router or a loopback client in native tests, a scripted fake in unit tests.
/// No `Send` bound: browser futures are single-threaded.
pub trait Transport {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>>;
    fn sleep(&self, ms: u64) -> impl Future<Output = ()>;
    /// Milliseconds on a monotonic-enough clock (Unix time is fine).
    fn now_ms(&self) -> f64;
}

/// What a client is set up with.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// e.g. `https://api.webwork-tracker.com/api/v2` or a sandbox's `http://127.0.0.1:8080/api/v2`.
    pub base_url: String,
    /// A token, a token provider, or a gateway that adds the token itself.
    pub credentials: Credentials,
    /// The budget; 60 is the API's. 0 turns pacing off (for a sandbox run with `--rate-limit off`).
    pub requests_per_minute: u32,
    /// Per attempt; 0 means none.
    pub timeout_ms: u64,
    pub retry: RetryPolicy,
}

impl ClientConfig {
    /// A client with a fixed bearer token.
    pub fn new(base_url: impl Into<String>, token: impl Into<String>) -> Self {
        Self::with_credentials(base_url, Credentials::Token(Token::new(token)))
    }

    /// A client that asks `provider` for its token (and again after a 401).
    pub fn with_provider(base_url: impl Into<String>, provider: impl TokenProvider + 'static) -> Self {
        Self::with_credentials(base_url, Credentials::Provider(SharedProvider::new(provider)))
    }

    /// A client of a webwork-gateway at `base_url` (e.g. `https://intranet.example/api/v2`),
    /// which holds the token itself.
    pub fn gateway(base_url: impl Into<String>) -> Self {
        Self::with_credentials(base_url, Credentials::Gateway)
    }

    pub fn with_credentials(base_url: impl Into<String>, credentials: Credentials) -> Self {
        ClientConfig {
            base_url: base_url.into().trim_end_matches('/').to_owned(),
            credentials,
            requests_per_minute: 60,
            timeout_ms: 30_000,
            retry: RetryPolicy::default(),
        }
    }
}

/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    pub cancel: Option<CancelToken>,
    /// Overrides the client's timeout for this call.
    pub timeout_ms: Option<u64>,
    /// Background calls leave the pacer's reserve to visible ones and wait in a hidden tab.
    pub priority: Priority,
}

impl CallOptions {
    pub fn cancel(token: &CancelToken) -> Self {
        CallOptions { cancel: Some(token.clone()), ..CallOptions::default() }
    }

    /// Options for work the person did not ask for (a refresh, a poll, a prefetch).
    pub fn background() -> Self {
        CallOptions { priority: Priority::Background, ..CallOptions::default() }
    }
}

/// An API client over a transport. Cloning is cheap and clones share the pacer.
pub struct Client<T: Transport> {
    transport: Arc<T>,
    config: Arc<ClientConfig>,
    pacer: Pacer,
    jitter: Arc<std::sync::Mutex<retry::Jitter>>,
}

impl<T: Transport> Clone for Client<T> {
    fn clone(&self) -> Self {
        Client { transport: self.transport.clone(), config: self.config.clone(), pacer: self.pacer.clone(), jitter: self.jitter.clone() }
    }
}

impl<T: Transport> fmt::Debug for Client<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client").field("config", &self.config).finish_non_exhaustive()
    }
}

impl<T: Transport> Client<T> {
    /// A client with its own pacer.
    pub fn new(transport: T, config: ClientConfig) -> Self {
        let pacer = Pacer::new(config.requests_per_minute);
        Self::with_pacer(transport, config, pacer)
    }

    /// A client that shares `pacer` with others using the same token.
    pub fn with_pacer(transport: T, config: ClientConfig, pacer: Pacer) -> Self {
        let seed = transport.now_ms().to_bits() ^ 0x9E37_79B9_7F4A_7C15;
        // `Arc`, not `Rc`: a native client crosses threads; in a browser the config is not `Sync`.
        #[allow(clippy::arc_with_non_send_sync)]
        Client {
            transport: Arc::new(transport),
            config: Arc::new(config),
            pacer,
            jitter: Arc::new(std::sync::Mutex::new(retry::Jitter::new(seed))),
        }
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    pub fn pacer(&self) -> &Pacer {
        &self.pacer
    }

    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The budget now, for a header display.
    pub fn budget(&self) -> Budget {
        self.pacer.budget(self.transport.now_ms())
    }

    /// Sends an operation and returns its `data`.
    pub async fn send<O: Operation>(&self, op: &O) -> Result<O::Output, ApiError> {
        self.send_reply(op).await.map(|r| r.data)
    }

    /// Sends an operation and returns the whole reply (message, meta, pagination).
    pub async fn send_reply<O: Operation>(&self, op: &O) -> Result<Reply<O::Output>, ApiError> {
        self.send_with(op, &CallOptions::default()).await
    }

    /// Sends an operation with per-call options (cancellation, timeout).
    pub async fn send_with<O: Operation>(&self, op: &O, opts: &CallOptions) -> Result<Reply<O::Output>, ApiError> {
        let request = op.to_request()?;
        self.request(&request, opts).await
    }

    /// Sends any request (for endpoints this crate lacks) and decodes `data` as `D`
    /// (`serde_json::Value` for anything).
    pub async fn request<D: FromJson>(&self, request: &ApiRequest, opts: &CallOptions) -> Result<Reply<D>, ApiError> {
        let response = self.execute(request, opts).await?;
        decode(response.status, &response.body, response.retry_after_ms())
    }

    /// [`Client::request`] with `data` as JSON, read by [`crate::envelope::decode_json`] (no
    /// path tracking: a bundle that only reads JSON this way carries none of its code).
    pub async fn request_json(&self, request: &ApiRequest, opts: &CallOptions) -> Result<Reply<serde_json::Value>, ApiError> {
        let response = self.execute(request, opts).await?;
        crate::envelope::decode_json(response.status, &response.body, response.retry_after_ms())
    }

    /// One page of a list operation.
    pub async fn page<O: Paginated>(&self, op: &O, opts: &CallOptions) -> Result<Page<O::Item>, ApiError> {
        let reply = self.send_with(op, opts).await?;
        Ok(Page {
            items: reply.data,
            pagination: reply.pagination,
            page: op.page_number().unwrap_or(1),
            per_page: op.page_size().unwrap_or(20),
        })
    }

    /// Every page of a list, from the operation's `page` (or 1) on, at the largest page size
    /// the API allows unless the operation sets one. Each page goes through the pacer; the page
    /// walker ([`crate::pages::Walker`]) decides whether another follows, and ends the stream with
    /// an error when the server repeats a page, sends an empty page that says more follow, or the
    /// walk passes [`crate::pages::MAX_PAGES`].
    pub fn pages<'a, O: Paginated + 'a>(&'a self, op: O, opts: CallOptions) -> impl Stream<Item = Result<Page<O::Item>, ApiError>> + 'a {
        let mut first = op;
        if first.page_size().is_none() {
            first.set_per_page(O::PER_PAGE_MAX);
        }
        let walker = Walker::new(first.page_number().unwrap_or(1), first.page_size().unwrap_or(O::PER_PAGE_MAX));
        stream::unfold(Some((first, walker)), move |state| {
            let opts = opts.clone();
            async move {
                let (mut op, mut walker) = state?;
                op.set_page(walker.page());
                match self.walk_page(&op, &mut walker, &opts).await {
                    Ok((page, Step::Next(_))) => Some((Ok(page), Some((op, walker)))),
                    Ok((page, Step::Done)) => Some((Ok(page), None)),
                    Err(e) => Some((Err(e), None)),
                }
            }
        })
    }

    /// One page of a walk: its items, and what the walker says follows.
    async fn walk_page<O: Paginated>(&self, op: &O, walker: &mut Walker, opts: &CallOptions) -> Result<(Page<O::Item>, Step), ApiError> {
        let reply = self.request_json(&op.to_request()?, opts).await?;
        let seen = PageSeen::of_data(&reply.data, reply.pagination);
        let page = walker.page();
        let items = crate::envelope::decode_data(reply.data).map_err(|e| e.on_page(page))?;
        let step = walker.step(&seen)?;
        Ok((Page { items, pagination: reply.pagination, page, per_page: walker.per_page() }, step))
    }

    /// Every item of a list, across all pages.
    pub fn items<'a, O: Paginated + 'a>(&'a self, op: O, opts: CallOptions) -> impl Stream<Item = Result<O::Item, ApiError>> + 'a {
        self.pages(op, opts).flat_map(|page| {
            let items: Vec<Result<O::Item, ApiError>> = match page {
                Ok(p) => p.items.into_iter().map(Ok).collect(),
                Err(e) => vec![Err(e)],
            };
            stream::iter(items)
        })
    }

    /// Every item of a list, collected.
    pub async fn all<O: Paginated>(&self, op: O) -> Result<Vec<O::Item>, ApiError> {
        let mut out = Vec::new();
        let mut pages = std::pin::pin!(self.pages(op, CallOptions::default()));
        while let Some(page) = pages.next().await {
            out.extend(page?.items);
        }
        Ok(out)
    }

    /// Sends with the credentials; with a provider, a 401 asks it for a new token once and
    /// sends the request once more, whatever its method: a 401 means the server did nothing.
    async fn execute(&self, request: &ApiRequest, opts: &CallOptions) -> Result<HttpResponse, ApiError> {
        let Credentials::Provider(provider) = &self.config.credentials else {
            return self.execute_as(request, opts, None).await;
        };
        let token = self.or_cancel(provider.current(), opts.cancel.as_ref()).await?;
        let response = self.execute_as(request, opts, Some(&token)).await?;
        if response.status != 401 {
            return Ok(response);
        }
        let renewed = self.or_cancel(provider.after_refusal(&token), opts.cancel.as_ref()).await?;
        self.execute_as(request, opts, Some(&renewed)).await
    }

    /// A provider's answer, unless the call is cancelled first.
    async fn or_cancel(&self, ask: impl Future<Output = Result<Token, ApiError>>, cancel: Option<&CancelToken>) -> Result<Token, ApiError> {
        let ask = std::pin::pin!(ask);
        match cancel {
            None => ask.await,
            Some(c) => match select(ask, c.cancelled()).await {
                Either::Left((answer, _)) => answer,
                Either::Right(_) => Err(ApiError::Aborted),
            },
        }
    }

    /// Sends with pacing, timeout, cancellation and retries; returns the final HTTP answer.
    /// `token` is the provider's; a fixed token or the gateway come from the config.
    async fn execute_as(&self, request: &ApiRequest, opts: &CallOptions, token: Option<&Token>) -> Result<HttpResponse, ApiError> {
        let http = self.http_request(request, token);
        let retryable = request.method.is_idempotent();
        let timeout = opts.timeout_ms.unwrap_or(self.config.timeout_ms);
        let mut attempt = 0;
        loop {
            self.wait_for_slot(opts.cancel.as_ref(), opts.priority).await?;
            let outcome = self.attempt(http.clone(), timeout, opts.cancel.as_ref()).await;
            let now = self.transport.now_ms();
            let retry_after = match &outcome {
                Ok(resp) => {
                    self.pacer.observe(resp.header_num("x-ratelimit-limit"), resp.header_num("x-ratelimit-remaining"), now);
                    if resp.status == 429 {
                        let wait = resp.retry_after_ms().unwrap_or(self.config.retry.base_delay_ms.max(1_000));
                        self.pacer.pause(now, wait as f64);
                    }
                    if !RetryPolicy::retries_status(resp.status) {
                        return outcome;
                    }
                    resp.retry_after_ms()
                }
                Err(ApiError::Network { .. }) => None,
                Err(_) => return outcome,
            };
            let jitter = self.jitter.lock().map(|mut j| j.next()).unwrap_or(0.5);
            let delay = if retryable { self.config.retry.delay_ms(attempt, retry_after, jitter) } else { None };
            let Some(delay) = delay else { return outcome };
            attempt += 1;
            self.sleep_or_cancel(delay, opts.cancel.as_ref()).await?;
        }
    }

    fn http_request(&self, request: &ApiRequest, provided: Option<&Token>) -> HttpRequest {
        let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
        let bearer = match &self.config.credentials {
            Credentials::Token(t) => Some(t),
            Credentials::Provider(_) => provided,
            Credentials::Gateway => {
                headers.push(("X-WebWork-Client".to_owned(), "1".to_owned()));
                None
            }
        };
        if let Some(t) = bearer {
            headers.push(("Authorization".to_owned(), format!("Bearer {}", t.expose())));
        }
        let include_credentials = matches!(self.config.credentials, Credentials::Gateway);
        let body = request.body.as_ref().map(|b| {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
            crate::models::lenient::read::json_text(b)
        });
        HttpRequest { method: request.method, url: request.url(&self.config.base_url), headers, body, include_credentials }
    }

    async fn wait_for_slot(&self, cancel: Option<&CancelToken>, priority: Priority) -> Result<(), ApiError> {
        loop {
            if cancel.is_some_and(CancelToken::is_cancelled) {
                return Err(ApiError::Aborted);
            }
            // Without a shared budget the decision needs no waiting of its own (the npm package).
            #[cfg(feature = "origin-budget")]
            let wait = self.pacer.acquire(self.transport.now_ms(), priority).await;
            #[cfg(not(feature = "origin-budget"))]
            let wait = self.pacer.try_acquire_as(self.transport.now_ms(), priority);
            match wait {
                None => return Ok(()),
                Some(wait) => self.sleep_or_cancel(wait.ceil() as u64, cancel).await?,
            }
        }
    }

    async fn sleep_or_cancel(&self, ms: u64, cancel: Option<&CancelToken>) -> Result<(), ApiError> {
        let sleep = std::pin::pin!(self.transport.sleep(ms));
        match cancel {
            None => {
                sleep.await;
                Ok(())
            }
            Some(token) => match select(sleep, token.cancelled()).await {
                Either::Left(_) => Ok(()),
                Either::Right(_) => Err(ApiError::Aborted),
            },
        }
    }

    /// One try: the transport raced against the timeout and the cancel token. Losing the race
    /// drops the transport's future, which aborts the underlying fetch.
    async fn attempt(&self, http: HttpRequest, timeout_ms: u64, cancel: Option<&CancelToken>) -> Result<HttpResponse, ApiError> {
        let send = std::pin::pin!(self.transport.send(http));
        let stop = std::pin::pin!(async {
            let timeout = async {
                if timeout_ms == 0 {
                    std::future::pending::<()>().await
                } else {
                    self.transport.sleep(timeout_ms).await
                }
            };
            let cancelled = async {
                match cancel {
                    Some(token) => token.cancelled().await,
                    None => std::future::pending::<()>().await,
                }
            };
            match select(std::pin::pin!(timeout), std::pin::pin!(cancelled)).await {
                Either::Left(_) => ApiError::Timeout { after_ms: timeout_ms },
                Either::Right(_) => ApiError::Aborted,
            }
        });
        match select(send, stop).await {
            Either::Left((Ok(resp), _)) => Ok(resp),
            Either::Left((Err(TransportError::Aborted), _)) => Err(ApiError::Aborted),
            Either::Left((Err(TransportError::Network(message)), _)) => Err(ApiError::Network { message }),
            Either::Right((err, _)) => Err(err),
        }
    }
}
