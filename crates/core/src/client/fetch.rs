//! The browser (and Node 20+) transport: the global `fetch`, `setTimeout` and `Date.now`.
//! It looks them up on the global object rather than `window`, so the same code runs in a
//! page, a worker and Node.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, Response};

use super::{HttpRequest, HttpResponse, Token, TokenFuture, TokenProvider, Transport, TransportError};
use crate::error::ApiError;

/// The headers the client reads; a browser only shows cross-origin ones the server exposes.
const READ_HEADERS: &[&str] = &["retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "content-type"];

/// `fetch`-based transport.
#[derive(Debug, Clone, Default)]
pub struct FetchTransport {
    /// A replacement for the global `fetch` (e.g. a test double or a proxying fetch).
    fetch: Option<Function>,
}

impl FetchTransport {
    pub fn new() -> Self {
        FetchTransport { fetch: None }
    }

    /// Uses `fetch` instead of the global one.
    pub fn with_fetch(fetch: Function) -> Self {
        FetchTransport { fetch: Some(fetch) }
    }
}

/// A pending `setTimeout`, cleared when the sleep that set it is dropped before it fires (the
/// loser of a timeout race): otherwise the timer keeps a Node process alive until it fires.
struct ClearOnDrop(Option<JsValue>);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        if let (Some(id), Ok(clear)) = (self.0.take(), global_fn("clearTimeout")) {
            let _ = clear.call1(&JsValue::UNDEFINED, &id);
        }
    }
}

/// Aborts the request if its future is dropped before the answer is read (timeout, cancel).
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            c.abort();
        }
    }
}

fn global_fn(name: &str) -> Result<Function, TransportError> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| TransportError::Network(format!("this environment has no global `{name}`")))
}

fn describe(err: &JsValue) -> String {
    js_message(err).unwrap_or_else(|| "the request failed".to_owned())
}

/// What a thrown JS value says: an `Error`'s message, or a thrown string. Not `{:?}`, whose
/// float formatting would link Rust's float printer into every bundle that uses it.
pub fn js_message(err: &JsValue) -> Option<String> {
    match err.dyn_ref::<js_sys::Error>() {
        Some(e) => Some(String::from(e.message())),
        None => err.as_string(),
    }
}

fn is_abort(err: &JsValue) -> bool {
    Reflect::get(err, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError")
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let network = |e: JsValue| if is_abort(&e) { TransportError::Aborted } else { TransportError::Network(describe(&e)) };
        let controller = AbortController::new().ok();
        let mut guard = AbortOnDrop(controller.clone());
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        let headers = Headers::new().map_err(network)?;
        for (k, v) in &request.headers {
            headers.append(k, v).map_err(network)?;
        }
        init.set_headers(&headers);
        if request.include_credentials {
            init.set_credentials(RequestCredentials::Include);
        }
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        if let Some(c) = &controller {
            init.set_signal(Some(&c.signal()));
        }
        let fetch = match &self.fetch {
            Some(f) => f.clone(),
            None => global_fn("fetch")?,
        };
        let promise: Promise = fetch
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init)
            .map_err(network)?
            .dyn_into()
            .map_err(|_| TransportError::Network("fetch did not return a promise".to_owned()))?;
        let response: Response = JsFuture::from(promise)
            .await
            .map_err(network)?
            .dyn_into()
            .map_err(|_| TransportError::Network("fetch did not return a Response".to_owned()))?;
        let mut out = HttpResponse { status: response.status(), ..Default::default() };
        for name in READ_HEADERS {
            if let Ok(Some(v)) = response.headers().get(name) {
                out.headers.push(((*name).to_owned(), v));
            }
        }
        let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
        out.body = text.as_string().unwrap_or_default().into_bytes();
        guard.0 = None;
        Ok(out)
    }

    async fn sleep(&self, ms: u64) {
        let mut timer = ClearOnDrop(None);
        let promise = Promise::new(&mut |resolve, _reject| {
            if let Ok(set_timeout) = global_fn("setTimeout") {
                timer.0 = set_timeout.call2(&JsValue::UNDEFINED, &resolve, &JsValue::from_f64(ms as f64)).ok();
            }
        });
        let _ = JsFuture::from(promise).await;
        timer.0 = None;
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}

/// A JS function as a token provider: called as `provider({ renew })`, it returns a token string
/// or a promise of one. What it throws, rejects with or returns instead of a token becomes an
/// `Unauthorized` error whose message says so (never containing a token).
#[derive(Debug, Clone)]
pub struct FunctionTokenProvider(Function);

impl FunctionTokenProvider {
    pub fn new(provider: Function) -> Self {
        FunctionTokenProvider(provider)
    }
}

fn provider_failed(what: &str, err: Option<&JsValue>) -> ApiError {
    let because = err.and_then(js_message).map(|m| format!(": {m}")).unwrap_or_default();
    ApiError::Unauthorized { message: format!("The token provider {what}{because}") }
}

impl TokenProvider for FunctionTokenProvider {
    fn token(&self, renew: bool) -> TokenFuture {
        let arg = Object::new();
        let _ = Reflect::set(&arg, &JsValue::from_str("renew"), &JsValue::from_bool(renew));
        let called = self.0.call1(&JsValue::NULL, &arg);
        Box::pin(async move {
            let answer = called.map_err(|e| provider_failed("threw an error", Some(&e)))?;
            let answer = JsFuture::from(Promise::resolve(&answer)).await.map_err(|e| provider_failed("failed", Some(&e)))?;
            match answer.as_string().map(|t| t.trim().to_owned()) {
                Some(t) if !t.is_empty() => Ok(Token::new(t)),
                _ => Err(provider_failed("gave no token (it must return a string or a promise of one)", None)),
            }
        })
    }
}
