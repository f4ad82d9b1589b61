//! The `#[wasm_bindgen]` surface the JS half calls. Strings in, promises of strings out; errors
//! reject with the JSON of [`convert::error_json`], which `web/src/index.js` turns into a
//! `WebWorkError`. These objects never reach user code: the JS half owns and frees them (and
//! wasm-bindgen's FinalizationRegistry frees a `Core` whose `WebWorkClient` was collected).

use js_sys::{Function, Promise};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use webwork_core::client::fetch::FunctionTokenProvider;
use webwork_core::client::{CallOptions, CancelToken};
use webwork_core::pages::{PageSeen, Step, Walker};
use webwork_core::{ApiError, Client, ClientConfig, FetchTransport, Pagination, Reply, RetryPolicy};

use crate::convert;

// One API client: base URL, credentials, pacer and retry policy. Each call gets a client of its
// own over the `fetch` the JS half gives it (the clients share the pacer and the provider's token).
// Plain comments on exported items: wasm-bindgen copies `///` doc comments into the shipped glue.
#[wasm_bindgen]
pub struct Core {
    client: Client<FetchTransport>,
}

// A cancel handle for one call; the JS half cancels it from the caller's `AbortSignal`.
#[wasm_bindgen]
pub struct Cancel(CancelToken);

#[wasm_bindgen]
impl Cancel {
    #[wasm_bindgen(constructor, skip_jsdoc)]
    pub fn new() -> Cancel {
        Cancel(CancelToken::new())
    }

    #[wasm_bindgen(skip_jsdoc)]
    pub fn cancel(&self) {
        self.0.cancel();
    }
}

impl Default for Cancel {
    fn default() -> Self {
        Self::new()
    }
}

// The page a walk over a list asks for after `page`, or 0 at the end of the list, for the JS
// half's `for await` (`#iterate` in web/src/index.js); throws the core walker's error (a
// repeated page, an empty page that says more follow, more pages than the cap). The core's
// [`Walker`] resumed from the state JS keeps as plain numbers, so no wasm object lives across a
// walk: `previous` is the fingerprint of the page before (JS hashes each page's JSON text),
// `first_last_page` the page count of the walk's first page; `current_page`/`last_page` are the
// reply's pagination (0 when none was sent).
// A plain comment, not `///`, and `skip_jsdoc`: wasm-bindgen copies doc comments and writes
// JSDoc of the parameters into the shipped glue, which the JS half (its only caller) never reads.
#[wasm_bindgen(js_name = nextPage, skip_jsdoc)]
#[allow(clippy::too_many_arguments)]
pub fn next_page(
    first_page: u32,
    page: u32,
    per_page: u32,
    items: u32,
    current_page: u32,
    last_page: u32,
    previous: f64,
    fingerprint: f64,
    first_last_page: u32,
) -> Result<u32, JsValue> {
    let pagination = (last_page > 0).then_some(Pagination { total: 0, per_page, current_page, last_page, from: None, to: None });
    let seen = PageSeen { items: items as usize, fingerprint: fingerprint as u64, pagination, is_list: true };
    match Walker::resume(first_page, page, per_page, Some(previous as u64), Some(first_last_page)).step(&seen) {
        Ok(Step::Next(next)) => Ok(next),
        Ok(Step::Done) => Ok(0),
        Err(e) => Err(reject(&e)),
    }
}

impl Core {
    /// This client's config and pacer over `fetch`: the JS half's `fetch` of one call, which
    /// keeps the answer's `data` on its side and hands the core the envelope (web/src/index.js,
    /// `keepingData`).
    fn over(&self, fetch: Function) -> Client<FetchTransport> {
        Client::with_pacer(FetchTransport::with_fetch(fetch), self.client.config().clone(), self.client.pacer().clone())
    }
}

fn reject(error: &ApiError) -> JsValue {
    JsValue::from_str(&convert::error_json(error))
}

fn options(cancel: &Cancel, timeout_ms: Option<f64>) -> CallOptions {
    CallOptions { cancel: Some(cancel.0.clone()), timeout_ms: timeout_ms.map(|ms| ms.max(0.0) as u64), ..CallOptions::default() }
}

#[wasm_bindgen]
impl Core {
    // The JS half has checked the options; `requests_per_minute` 0 turns pacing off,
    // `timeout_ms` 0 means no timeout.
    // Exactly one of `token`, `token_provider` and `gateway` is set (the JS half checks);
    // a provider is the core's `Credentials::Provider`, so renewal after a 401 is the core's.
    #[wasm_bindgen(constructor, skip_jsdoc)]
    pub fn new(
        base_url: String,
        token: Option<String>,
        token_provider: Option<Function>,
        gateway: bool,
        requests_per_minute: u32,
        timeout_ms: f64,
        max_retries: u32,
    ) -> Core {
        let mut config = match (token_provider, gateway) {
            (Some(provider), _) => ClientConfig::with_provider(base_url, FunctionTokenProvider::new(provider)),
            (None, true) => ClientConfig::gateway(base_url),
            (None, false) => ClientConfig::new(base_url, token.unwrap_or_default()),
        };
        config.requests_per_minute = requests_per_minute;
        config.timeout_ms = timeout_ms.max(0.0) as u64;
        config.retry = RetryPolicy { max_retries, ..RetryPolicy::default() };
        Core { client: Client::new(FetchTransport::new(), config) }
    }

    // Calls operation `op` (its documented id) with `params`: JSON text of an object keyed by
    // the operation's wire names (the JS half renames camelCase keys with the generated table).
    // The core's builder checks every rule before anything is sent. Resolves to the JSON text
    // of [`convert::reply_json`] (the envelope; `data` stays with the JS half's `fetch`).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn call(&self, op: String, params: String, cancel: &Cancel, timeout_ms: Option<f64>, fetch: Function) -> Promise {
        let client = self.over(fetch);
        let opts = options(cancel, timeout_ms);
        future_to_promise(async move {
            let run = async {
                let wire = convert::parse_params(&params)?;
                let paging = convert::page_of(&wire);
                let request = webwork_core::ops::request_for(&op, &wire)?;
                let reply: Reply<Value> = client.request_json(&request, &opts).await?;
                convert::reply_json(reply, Some(paging))
            };
            run.await.map(|text| JsValue::from_str(&text)).map_err(|e| reject(&e))
        })
    }

    // Any request under the base URL; `query` is JSON text of `[name, value]` pairs, `body`
    // JSON text or empty. Resolves like [`Core::call`].
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(skip_jsdoc)]
    pub fn raw(
        &self,
        method: String,
        path: String,
        query: String,
        body: String,
        cancel: &Cancel,
        timeout_ms: Option<f64>,
        fetch: Function,
    ) -> Promise {
        let client = self.over(fetch);
        let opts = options(cancel, timeout_ms);
        future_to_promise(async move {
            let run = async {
                let request = convert::raw_request(&method, &path, &query, &body)?;
                let reply: Reply<Value> = client.request_json(&request, &opts).await?;
                convert::reply_json(reply, None)
            };
            run.await.map(|text| JsValue::from_str(&text)).map_err(|e| reject(&e))
        })
    }

    // The rate budget now: JSON text of `{limit, remaining, nextFreeInMs}`.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn budget(&self) -> String {
        convert::budget_json(self.client.budget())
    }
}
