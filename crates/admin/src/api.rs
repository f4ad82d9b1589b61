//! The panel's one way to call the API: an [`Api`] handle in context that owns the client,
//! counts calls in flight, shows the rate budget, and asks the person to sign in again on a 401
//! (keeping the page and its forms). Pages load
//! data through [`load`] (a small resource that maps every outcome to a UI state); forms submit
//! through [`save`] or [`save_with`], actions call [`Api::send`].
//!
//! Every GET goes through the cache ([`crate::cache`]): a fresh answer costs no request; a stale
//! one is shown at once, with its age, and asked for again in the background, and the resources
//! that showed it load again when the new answer is in. Writes drop what they make stale. The
//! client's pacer is shared by every tab of the origin (`webwork_core::client::origin`).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use webwork_ui::i18n::{t, t_args};

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use webwork_core::cache::{key_of, Cached};
use webwork_core::client::origin::OriginLog;
use webwork_core::client::{origin_key, CallOptions, Priority, Transport};
use webwork_core::models::json::FromJson;
use webwork_core::models::{Role, Workspace};
use webwork_core::ops::{ListWorkspaces, Operation, Paginated};
use webwork_core::pages::{PageSeen, Step, Walker};
use webwork_core::{ApiError, ApiRequest, Client, FetchTransport, Meta, Method, Pacer, Page, Reply};

use crate::cache::PanelCache;
use crate::session::{Credential, Session};

/// The rate budget as the header shows it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BudgetView {
    /// Our own count (the client's pacer): the limit it keeps to, 0 when pacing is off.
    pub limit: u32,
    /// Requests our pacer lets go now without waiting.
    pub remaining: u32,
    /// When the next request may go, if none may go now.
    pub next_free_in_ms: Option<f64>,
    /// What the server said in its last answer (`X-RateLimit-Remaining`, `X-RateLimit-Limit`;
    /// the names are inferred): (remaining, limit). Only while current: the last answer carried
    /// them and they are less than one window old; otherwise the header shows our own count.
    pub server: Option<(u32, u32)>,
}

/// How long the server's figures describe the budget: its window is a minute.
const SERVER_FIGURES_FRESH_MS: f64 = 60_000.0;

impl BudgetView {
    /// None may go now: the pacer holds the next request for this long.
    pub fn spent_for_ms(&self) -> Option<f64> {
        self.next_free_in_ms.filter(|_| self.remaining == 0)
    }

    /// The header's meter, short: where the number comes from is part of it.
    pub fn text(&self) -> String {
        if let Some(ms) = self.spent_for_ms() {
            return t_args("budget-spent", &[("seconds", seconds(ms).into())]);
        }
        match self.server {
            Some((remaining, limit)) => t_args("budget-server", &[("remaining", remaining.into()), ("limit", limit.into())]),
            None if self.limit == 0 => t("budget-unlimited"),
            None => t_args("budget-estimate", &[("remaining", self.remaining.into()), ("limit", self.limit.into())]),
        }
    }

    /// The meter's tooltip: where the number comes from, and how sure it is.
    pub fn title(&self) -> String {
        let source = match self.server {
            Some((remaining, limit)) => t_args("budget-server-title", &[("remaining", remaining.into()), ("limit", limit.into())]),
            None if self.limit == 0 => t("budget-unlimited-title"),
            None => t_args("budget-estimate-title", &[("remaining", self.remaining.into()), ("limit", self.limit.into())]),
        };
        match self.spent_for_ms() {
            Some(ms) => t_args("budget-spent-title", &[("seconds", seconds(ms).into()), ("source", source.into())]),
            None => source,
        }
    }

    /// What a loading view says while a page's data waits for a slot (`waiting` requests are
    /// held by the pacer); None once a slot is free and the request has gone.
    pub fn wait_note(&self, waiting: u32) -> Option<String> {
        let ms = self.next_free_in_ms.filter(|_| waiting > 0)?;
        Some(t_args("budget-wait-note", &[("seconds", seconds(ms).into())]))
    }
}

/// Whole seconds, rounded up: "in 0 s" would promise a request that has not gone yet.
fn seconds(ms: f64) -> u64 {
    (ms / 1000.0).ceil().max(1.0) as u64
}

/// The API handle pages get from context. Copy: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct Api {
    client: StoredValue<Option<Client<FetchTransport>>, LocalStorage>,
    /// Signed in (base URL and "remember me"; the token stays inside the client).
    pub session: RwSignal<Option<(String, bool)>>,
    /// The session is a webwork-gateway's OAuth sign-in (no token in this browser).
    pub gateway: RwSignal<bool>,
    /// Requests under way, for the header's quiet indicator.
    pub in_flight: RwSignal<u32>,
    pub budget: RwSignal<BudgetView>,
    /// Set when the server refused the credentials (401). The session stays, so the page and
    /// whatever was typed into it stay too, until the person signs in again or signs out.
    pub expired: RwSignal<bool>,
    /// The server's refusal of the signed-in role in a workspace (a 403 on a read the panel
    /// offered): (workspace id, the server's message). The API itself is "restricted to workspace
    /// owners and executive managers only", so every page of that workspace would fail the same way.
    pub refused: RwSignal<Option<(u64, String)>>,
    /// The workspaces of the signed-in user (from `GET /workspaces`).
    pub workspaces: RwSignal<Option<Vec<Workspace>>>,
    /// Reads under way, which an identical read joins instead of asking again.
    reads: StoredValue<Reads, LocalStorage>,
    /// Requests that started while the budget was spent, so the pacer holds them (until they end).
    pub waiting: RwSignal<u32>,
    /// The last answer carried the server's budget headers (else the header shows our count).
    last_answer_counted: StoredValue<bool, LocalStorage>,
    /// Answers kept for this session, shown at once and refreshed in the background.
    pub cache: PanelCache,
    /// Background refreshes of cached answers under way.
    pub revalidating: RwSignal<u32>,
    /// When the data of each loaded resource on screen was produced, for the shell's "data from
    /// N min ago" (each resource adds its own and removes it when it goes).
    pub shown: RwSignal<Vec<RwSignal<Option<f64>>>>,
    /// The time, ticked each second by the shell (for "… ago").
    pub now: RwSignal<f64>,
}

type SharedReply = futures_util::future::Shared<BoxFuture<Reply<Value>>>;

/// The GETs in flight, by URL. Several parts of a page often need the same thing at once (the
/// workspaces, the server's date, a member's tracker): each asking would spend the 60/minute
/// budget several times on one answer. Entries are weak, so a read whose callers all went away
/// is not kept alive, and each leaves the table when its answer comes (the cache keeps it).
#[derive(Default)]
struct Reads {
    /// Numbers the entries, so a finished read removes its own entry and no newer one.
    next: u64,
    entries: Vec<(String, u64, WeakRead)>,
}

/// A read in flight that its callers hold, not the table.
type WeakRead = futures_util::future::WeakShared<BoxFuture<Reply<Value>>>;

/// Whose budget and whose answers a session's requests are: the API and the person, never the
/// token itself. A gateway session is the gateway's one cookie, the same in every tab.
fn identity(s: &Session) -> String {
    match &s.credential {
        Credential::Token(t) => origin_key(&s.base_url, t.expose()),
        Credential::Gateway => origin_key(&s.base_url, "gateway session"),
    }
}

/// A session's client, its pacer shared with every tab of the origin for the same person.
fn shared_client(s: &Session, transport: FetchTransport) -> Client<FetchTransport> {
    let config = s.client_config();
    let pacer = Pacer::new(config.requests_per_minute).shared_with(OriginLog::new(identity(s)).into_shared());
    Client::with_pacer(transport, config, pacer)
}

/// A kept answer as the reply it was.
fn reply_of(cached: Cached) -> Reply<Value> {
    Reply { data: cached.data, message: None, meta: Meta::default(), pagination: cached.pagination, saved_minutes: None, status: 200 }
}

/// A session that is not stored, for [`Api::with_transport`].
fn test_session(base_url: &str, token: &str) -> Session {
    Session { base_url: base_url.to_owned(), credential: Credential::Token(webwork_core::Token::new(token)), remember: false }
}

/// What a call without a session fails with.
fn not_signed_in() -> ApiError {
    ApiError::Unauthorized { message: t("api-not-signed-in") }
}

impl Api {
    /// A handle with the session kept from an earlier sign-in, if any.
    pub fn new() -> Self {
        let api = Api::new_empty();
        if let Some(s) = Session::load() {
            api.cache.open(&identity(&s), true);
            api.install_client(&s, shared_client(&s, FetchTransport::new()));
        }
        api
    }

    /// Provides a new handle as context and returns it.
    pub fn provide() -> Self {
        let api = Api::new();
        provide_context(api);
        api.provide_loading_note();
        api
    }

    /// Makes the loading views (`webwork_ui::SkeletonRows`) say when a page's data waits for
    /// a slot of the rate budget, with the seconds left, instead of showing bare skeletons.
    pub fn provide_loading_note(self) {
        webwork_ui::provide_loading_note(Signal::derive(move || self.budget.with(|b| b.wait_note(self.waiting.get()))));
    }

    /// A handle for tests and embedders: a signed-in client over `transport` (e.g.
    /// `FetchTransport::with_fetch` with a scripted fetch), nothing stored.
    pub fn with_transport(base_url: &str, token: &str, transport: FetchTransport) -> Self {
        let api = Api::new_empty();
        let session = test_session(base_url, token);
        api.install_client(&session, Client::new(transport, session.client_config()));
        api
    }

    /// [`Api::with_transport`] with a cache (in memory only) and a pacer of `requests_per_minute`.
    pub fn with_transport_cached(base_url: &str, token: &str, transport: FetchTransport, requests_per_minute: u32) -> Self {
        let api = Api::with_transport_paced(base_url, token, transport, requests_per_minute);
        api.cache.open(&identity(&test_session(base_url, token)), false);
        api
    }

    /// [`Api::with_transport`] with a pacer of `requests_per_minute` (0: none), e.g. one a
    /// minute to see what the panel shows while a request waits for its slot.
    pub fn with_transport_paced(base_url: &str, token: &str, transport: FetchTransport, requests_per_minute: u32) -> Self {
        let api = Api::new_empty();
        let session = test_session(base_url, token);
        let mut config = session.client_config();
        config.requests_per_minute = requests_per_minute;
        api.install_client(&session, Client::new(transport, config));
        api
    }

    fn new_empty() -> Self {
        Api {
            client: StoredValue::new_local(None),
            session: RwSignal::new(None),
            gateway: RwSignal::new(false),
            in_flight: RwSignal::new(0),
            budget: RwSignal::new(BudgetView::default()),
            expired: RwSignal::new(false),
            refused: RwSignal::new(None),
            workspaces: RwSignal::new(None),
            reads: StoredValue::new_local(Reads::default()),
            waiting: RwSignal::new(0),
            last_answer_counted: StoredValue::new_local(false),
            cache: PanelCache::new(),
            revalidating: RwSignal::new(0),
            shown: RwSignal::new(Vec::new()),
            now: RwSignal::new(crate::cache::now_ms()),
        }
    }

    fn install_client(&self, s: &Session, client: Client<FetchTransport>) {
        self.last_answer_counted.set_value(false);
        self.client.set_value(Some(client));
        self.forget_reads();
        self.session.set(Some((s.base_url.clone(), s.remember)));
        self.gateway.set(s.is_gateway());
        self.expired.set(false);
        self.refused.set(None);
        self.refresh_budget();
    }

    /// Checks a personal access token with `GET /workspaces` and, when it is accepted, keeps the session.
    pub async fn sign_in(self, base_url: String, token: String, remember: bool) -> Result<Vec<Workspace>, ApiError> {
        let base_url = base_url.trim().trim_end_matches('/').to_owned();
        self.sign_in_with(Session { base_url, credential: Credential::Token(webwork_core::Token::new(token.trim())), remember }).await
    }

    /// Signs in through the webwork-gateway that served the panel: its cookie session holds the
    /// token, so this browser keeps none.
    pub async fn sign_in_gateway(self) -> Result<Vec<Workspace>, ApiError> {
        let base_url = crate::session::same_origin_base();
        self.sign_in_with(Session { base_url, credential: Credential::Gateway, remember: false }).await
    }

    /// Checks the session with `GET /workspaces` and, when it is accepted, keeps it. Used for a
    /// first sign-in and for signing in again after a 401: the page on screen stays as it is.
    async fn sign_in_with(self, session: Session) -> Result<Vec<Workspace>, ApiError> {
        let client = shared_client(&session, FetchTransport::new());
        self.in_flight.update(|n| *n += 1);
        let result = match ListWorkspaces::new().per_page(100u32).to_request() {
            Ok(request) => client.request_json(&request, &CallOptions::default()).await,
            Err(e) => Err(e),
        };
        self.in_flight.update(|n| *n = n.saturating_sub(1));
        let reply = result?;
        let workspaces: Vec<Workspace> = typed(reply.data.clone())?;
        session.save();
        // Another person's answers (or none) go; the same person's stay.
        self.cache.open(&identity(&session), true);
        if let Ok(request) = ListWorkspaces::new().per_page(100u32).to_request() {
            self.cache.put(
                key_of(&request),
                Cached { at: crate::cache::now_ms(), data: reply.data, pagination: reply.pagination },
                self.cache.writes(),
            );
        }
        self.last_answer_counted.set_value(client.pacer().server_budget().is_some());
        self.client.set_value(Some(client));
        self.forget_reads();
        self.session.set(Some((session.base_url.clone(), session.remember)));
        self.gateway.set(session.is_gateway());
        self.expired.set(false);
        self.refused.set(None);
        self.workspaces.set(Some(workspaces.clone()));
        self.refresh_budget();
        Ok(workspaces)
    }

    /// Forgets the session (storage and memory); a gateway session is ended at the gateway too.
    pub fn sign_out(&self) {
        if self.gateway.get_untracked() {
            spawn_local(crate::session::gateway_logout());
        }
        Session::clear();
        self.cache.close(true);
        self.client.set_value(None);
        self.forget_reads();
        self.workspaces.set(None);
        self.session.set(None);
        self.gateway.set(false);
        self.expired.set(false);
        self.refused.set(None);
    }

    pub fn signed_in(&self) -> bool {
        self.session.get().is_some()
    }

    fn client(&self) -> Result<Client<FetchTransport>, ApiError> {
        self.client.with_value(|c| c.clone()).ok_or_else(not_signed_in)
    }

    /// Reads the client's pacer into [`Api::budget`].
    pub fn refresh_budget(&self) {
        let view = self.client.with_value(|c| {
            c.as_ref().map(|c| {
                let b = c.budget();
                let now = c.transport().now_ms();
                let counted = self.last_answer_counted.get_value();
                let server = c.pacer().server_budget().filter(|s| counted && now - s.seen_at_ms < SERVER_FIGURES_FRESH_MS);
                BudgetView {
                    limit: b.limit,
                    remaining: b.remaining,
                    next_free_in_ms: b.next_free_in_ms,
                    server: server.map(|s| (s.remaining, s.limit)),
                }
            })
        });
        let view = view.unwrap_or_default();
        if self.budget.get_untracked() != view {
            self.budget.set(view);
        }
    }

    /// The one place a request goes out. A GET is answered from the cache when it holds a fresh
    /// answer; a stale one is answered at once too and asked for again in the background;
    /// otherwise it joins an identical GET already under way. Any other call first ends that
    /// sharing and then drops the cached answers it makes stale, so a read asked for after a
    /// change never gets an answer from before it.
    async fn call(self, request: Result<ApiRequest, ApiError>) -> Result<Reply<Value>, ApiError> {
        let request = request?;
        if request.method != Method::Get {
            self.forget_reads();
            let (method, path) = (request.method, request.path.clone());
            let result = self.call_fresh(request, Priority::Visible).await;
            // Whatever the outcome: a write that failed on the way back may still have happened.
            self.cache.wrote(method, &path);
            return result;
        }
        let key = key_of(&request);
        if let Some(hit) = self.cache.get(&key) {
            note_use(&key, hit.cached.at);
            if !hit.fresh {
                self.revalidate(key, request);
            }
            return Ok(reply_of(hit.cached));
        }
        let result = self.read(key.clone(), request, Priority::Visible).await;
        note_use(&key, crate::cache::now_ms());
        result
    }

    /// A GET over the network, joining an identical one under way.
    fn read(self, key: String, request: ApiRequest, priority: Priority) -> SharedReply {
        let joined = self.reads.with_value(|r| r.entries.iter().find(|(k, _, _)| *k == key).and_then(|(_, _, weak)| weak.upgrade()));
        match joined {
            Some(shared) => shared,
            None => self.start_read(key, request, priority),
        }
    }

    /// Asks again for a stale answer, behind what the person is waiting for; the resources that
    /// showed the old answer load again once the new one is kept.
    fn revalidate(self, key: String, request: ApiRequest) {
        if self.reads.with_value(|r| r.entries.iter().any(|(k, _, _)| *k == key)) {
            return;
        }
        let read = self.start_read(key.clone(), request, Priority::Background);
        self.revalidating.update(|n| *n += 1);
        spawn_local(async move {
            let result = read.await;
            self.revalidating.try_update(|n| *n = n.saturating_sub(1));
            if result.is_ok() {
                answer_changed(&key);
            }
        });
    }

    fn start_read(self, key: String, request: ApiRequest, priority: Priority) -> SharedReply {
        let number = self.reads.try_update_value(|r| {
            r.next += 1;
            r.next
        });
        let number = number.unwrap_or_default();
        let writes = self.cache.writes();
        let cache_key = key.clone();
        let read = async move {
            let result = self.call_fresh(request, priority).await;
            self.reads.try_update_value(|r| r.entries.retain(|(_, n, _)| *n != number));
            if let Ok(reply) = &result {
                let cached = Cached { at: crate::cache::now_ms(), data: reply.data.clone(), pagination: reply.pagination };
                self.cache.put(cache_key, cached, writes);
            }
            result
        };
        let shared = futures_util::FutureExt::shared(Box::pin(read) as BoxFuture<Reply<Value>>);
        if let Some(weak) = shared.downgrade() {
            self.reads.try_update_value(|r| r.entries.push((key, number, weak)));
        }
        shared
    }

    /// Later reads go to the server again (after a change, or for another session).
    fn forget_reads(&self) {
        self.reads.try_update_value(|r| r.entries.clear());
    }

    /// Sends one request: counts it in flight, refreshes the budget, ends the session on a
    /// 401. Not generic: every operation shares this code (the wasm stays small); only the
    /// typed reading of `data` differs per type.
    async fn call_fresh(self, request: ApiRequest, priority: Priority) -> Result<Reply<Value>, ApiError> {
        let client = self.client()?;
        self.in_flight.update(|n| *n += 1);
        let started = client.transport().now_ms();
        // Held by the pacer: the loading views say so (`wait_note`) instead of showing bare skeletons.
        let held = priority == Priority::Visible && client.budget().next_free_in_ms.is_some();
        if held {
            self.waiting.update(|n| *n += 1);
        }
        self.refresh_budget();
        let result = client.request_json(&request, &CallOptions { priority, ..CallOptions::default() }).await;
        if held {
            self.waiting.update(|n| *n = n.saturating_sub(1));
        }
        // Whether this answer carried the budget headers: the pacer noted them during the call.
        self.last_answer_counted.set_value(client.pacer().server_budget().is_some_and(|s| s.seen_at_ms >= started));
        self.call_ended(&result);
        self.note_refusal(&request, &result);
        result
    }

    /// [`Api::call`] behind a box. The generic callers below (one per operation or data type)
    /// then each hold a pointer to the one state machine of `call` instead of inlining their
    /// own copy of it (crates/admin/README.md, "Size rules in the code").
    fn call_boxed(self, request: Result<ApiRequest, ApiError>) -> BoxFuture<Reply<Value>> {
        Box::pin(self.call(request))
    }

    /// After a call: no longer in flight, the budget display current, and a 401 asks the person
    /// to sign in again (the shell's dialog), keeping the page and its forms as they are.
    fn call_ended<T>(&self, result: &Result<T, ApiError>) {
        self.in_flight.update(|n| *n = n.saturating_sub(1));
        self.refresh_budget();
        if let Err(ApiError::Unauthorized { .. }) = result {
            if self.session.get_untracked().is_some() {
                self.forget_reads();
                self.expired.set(true);
            }
        }
    }

    /// A read refused with 403 although our role table (`webwork_core::access`, inferred) lets
    /// this role make it, for a role below executive manager: the API's own rule ("restricted
    /// to workspace owners and executive managers only"), so the shell shows one screen that
    /// says why instead of a wall of refusals. A read the table itself refuses stays an ordinary
    /// refusal on its page.
    fn note_refusal(&self, request: &ApiRequest, result: &Result<Reply<Value>, ApiError>) {
        let Err(ApiError::Forbidden { message }) = result else { return };
        if request.method != Method::Get {
            return;
        }
        let Some(op) = webwork_core::ops::routes::find(request.method, &request.path).op() else { return };
        let ws = request.query.iter().find(|(k, _)| k == "workspace_id").and_then(|(_, v)| v.parse::<u64>().ok());
        let Some(ws) = ws else { return };
        if self.role_in_untracked(ws).is_some_and(|role| !role.is_admin() && webwork_core::access::may(&role, op.id)) {
            self.refused.set(Some((ws, message.clone())));
        }
    }

    fn role_in_untracked(&self, ws: u64) -> Option<Role> {
        self.workspaces.with_untracked(|list| list.as_ref()?.iter().find(|w| w.id == ws).map(|w| w.role.clone()))
    }

    // `send`, `page` and `all` turn the operation into its request before the future starts,
    // so their futures hold only the boxed call: one future type per output type, none holding
    // an operation (a future per operation is a copy per operation; README, "Size rules in the code").

    /// Starts a read now and drops its answer once kept: a page whose code is still downloading
    /// (the split build) has its request under way already, and its own identical read joins it.
    pub fn prefetch(self, request: Result<ApiRequest, ApiError>) {
        spawn_local(async move {
            // The page reports a failure itself when it asks.
            let _ = self.call_boxed(request).await;
        });
    }

    /// Sends an operation; its `data`.
    pub fn send<O: Operation>(self, op: O) -> impl Future<Output = Result<O::Output, ApiError>> {
        self.send_request(op.to_request())
    }

    async fn send_request<T: FromJson>(self, request: Result<ApiRequest, ApiError>) -> Result<T, ApiError> {
        typed(self.call_boxed(request).await?.data)
    }

    /// One page of a list.
    pub fn page<O: Paginated>(self, op: O) -> impl Future<Output = Result<Page<O::Item>, ApiError>> {
        let (page, per_page) = (op.page_number().unwrap_or(1), op.page_size().unwrap_or(20));
        self.page_request(op.to_request(), page, per_page)
    }

    async fn page_request<T: FromJson>(self, request: Result<ApiRequest, ApiError>, page: u32, per_page: u32) -> Result<Page<T>, ApiError> {
        let reply = self.call_boxed(request).await?;
        Ok(Page { items: typed(reply.data)?, pagination: reply.pagination, page, per_page })
    }

    /// Every item of a list (pages of 100, each through the pacer).
    pub fn all<O: Paginated>(self, op: O) -> impl Future<Output = Result<Vec<O::Item>, ApiError>> {
        self.all_request(first_of_all(op), O::PER_PAGE_MAX)
    }

    async fn all_request<T: FromJson>(self, request: Result<ApiRequest, ApiError>, per_page: u32) -> Result<Vec<T>, ApiError> {
        webwork_core::envelope::decode_pages(Box::pin(self.all_pages(request, per_page)).await?)
    }

    /// The `data` of every page, page by page (so a decode error can say which page); the
    /// core's page walker decides whether another page follows, and ends a bad server's walk.
    async fn all_pages(self, request: Result<ApiRequest, ApiError>, per_page: u32) -> Result<Vec<Vec<Value>>, ApiError> {
        let mut request = request?;
        let mut out = Vec::new();
        let mut walker = Walker::new(1, per_page);
        loop {
            let page = walker.page();
            request.set_query("page", page.to_string());
            let reply = self.call(Ok(request.clone())).await?;
            let items = webwork_core::export::list_rows(reply.data).map_err(|e| e.on_page(page))?;
            let step = walker.step(&PageSeen::new(&items, reply.pagination, true))?;
            out.push(items);
            if step == Step::Done {
                return Ok(out);
            }
        }
    }

    /// Every row of list requests for an export (`webwork_core::export::fetch_all_of`): pages
    /// of 100 through this client's pacer, `on_progress` after each, stopped by `cancel`.
    /// Counts as a call in flight, keeps the budget display current, and ends the session on
    /// a 401 like every other call.
    pub async fn export(
        self,
        requests: Vec<ApiRequest>,
        rows_of: webwork_core::export::RowsOf,
        cancel: webwork_core::CancelToken,
        mut on_progress: impl FnMut(&webwork_core::export::Progress),
    ) -> Result<Vec<Value>, ApiError> {
        let client = self.client()?;
        self.in_flight.update(|n| *n += 1);
        let result = webwork_core::export::fetch_all_of(&client, requests, rows_of, &cancel, &mut |p| {
            self.refresh_budget();
            on_progress(p);
        })
        .await;
        self.call_ended(&result);
        result
    }

    /// The signed-in user's workspaces, loaded once per session.
    pub async fn ensure_workspaces(self) -> Result<Vec<Workspace>, ApiError> {
        if let Some(w) = self.workspaces.get_untracked() {
            return Ok(w);
        }
        let w = self.send(ListWorkspaces::new().per_page(100u32)).await?;
        self.workspaces.set(Some(w.clone()));
        Ok(w)
    }

    /// The signed-in user's role in workspace `ws`, once the workspaces are loaded (reactive).
    pub fn role_in(&self, ws: u64) -> Option<Role> {
        self.workspaces.with(|list| list.as_ref()?.iter().find(|w| w.id == ws).map(|w| w.role.clone()))
    }

    /// Whether the signed-in user's role in `ws` may call the operation `op_id`
    /// (`webwork_core::access`), so pages offer only the actions the API would accept. True
    /// while the role is unknown: the server decides then, and a refusal is still shown.
    pub fn may(&self, ws: u64, op_id: &str) -> bool {
        self.role_in(ws).is_none_or(|role| webwork_core::access::may(&role, op_id))
    }
}

#[allow(dead_code)]
fn assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Api>();
}

impl Default for Api {
    fn default() -> Self {
        Api::new()
    }
}

/// Reads a reply's `data` as `T` (tolerant models: defaults, numbers from strings).
fn typed<T: FromJson>(data: Value) -> Result<T, ApiError> {
    T::from_json(data).map_err(|e| e.into_decode("data"))
}

/// The first request [`Api::all`] makes for `op` (its first page of 100): what the split build's
/// prefetch sends for a page that reads a whole list, so the page's walk starts with it.
pub fn first_of_all<O: Paginated>(mut op: O) -> Result<ApiRequest, ApiError> {
    op.set_page(1);
    op.set_per_page(O::PER_PAGE_MAX);
    op.to_request()
}

/// The handle from context.
pub fn use_api() -> Api {
    expect_context::<Api>()
}

/// Loaded data, shared and with its type erased: every [`Resource`] keeps its state in a signal
/// of the same type, so Leptos' signal code (read, write, subscribe, drop) exists once in the
/// wasm instead of once per data type (about 40 of them).
type Data = std::sync::Arc<dyn std::any::Any + Send + Sync>;

/// The state of something loading.
#[derive(Clone)]
enum Load {
    Loading,
    Ready(Data),
    Failed(ApiError),
}

/// Data loaded from the API: re-runs when the signals its fetcher reads change, or on
/// [`Resource::refetch`]. Only the newest answer counts (an older one arriving late is dropped).
pub struct Resource<T> {
    state: RwSignal<Load>,
    /// Reloading while the previous data stays on screen.
    pub refreshing: RwSignal<bool>,
    tick: RwSignal<u32>,
    /// When the server produced the data on screen (ms since the epoch; an answer from the
    /// cache keeps the time it was fetched).
    as_of: RwSignal<Option<f64>>,
    data: std::marker::PhantomData<fn() -> T>,
}

impl<T> Clone for Resource<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Resource<T> {}

impl<T: Clone + 'static> Resource<T> {
    pub fn refetch(&self) {
        self.tick.update(|t| *t = t.wrapping_add(1));
    }

    /// The data when ready (reactive).
    pub fn ready(&self) -> Option<T> {
        ready_data(self.state, true).and_then(|d| d.downcast_ref::<T>().cloned())
    }

    /// What `f` reads from the data when ready (reactive), without copying the data.
    pub fn with_ready<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        ready_data(self.state, true).and_then(|d| d.downcast_ref::<T>().map(f))
    }

    /// Whether the data is ready (reactive).
    pub fn is_ready(&self) -> bool {
        ready_data(self.state, true).is_some()
    }

    /// The data when ready, without subscribing.
    pub fn ready_untracked(&self) -> Option<T> {
        ready_data(self.state, false).and_then(|d| d.downcast_ref::<T>().cloned())
    }

    /// The error when failed (reactive).
    pub fn error(&self) -> Option<ApiError> {
        failure(self.state)
    }

    pub fn loading(&self) -> bool {
        is_loading(self.state)
    }

    /// When the server produced the data on screen, in ms since the epoch (reactive): what a
    /// page's "updated … ago" reads. None before the first answer.
    pub fn as_of(&self) -> Option<f64> {
        self.as_of.get()
    }

    /// Changes the loaded data (after a save, without a reload).
    pub fn update(&self, f: impl FnOnce(&mut T))
    where
        T: Send + Sync,
    {
        if let Some(mut data) = self.ready_untracked() {
            f(&mut data);
            self.state.set(Load::Ready(std::sync::Arc::new(data)));
        }
    }
}

// The readers of a resource's state, not generic: one copy for every data type.
fn ready_data(state: RwSignal<Load>, track: bool) -> Option<Data> {
    let read = |s: &Load| match s {
        Load::Ready(d) => Some(d.clone()),
        _ => None,
    };
    if track {
        state.with(read)
    } else {
        state.with_untracked(read)
    }
}

fn failure(state: RwSignal<Load>) -> Option<ApiError> {
    state.with(|s| match s {
        Load::Failed(e) => Some(e.clone()),
        _ => None,
    })
}

fn is_loading(state: RwSignal<Load>) -> bool {
    state.with(|s| matches!(s, Load::Loading))
}

/// What one run of a resource's fetch used from the API: the keys of its reads, and when the
/// oldest answer among them was produced.
#[derive(Default)]
struct Used {
    keys: RefCell<Vec<String>>,
    oldest: std::cell::Cell<Option<f64>>,
}

thread_local! {
    /// The run being polled now. Set around each poll of a resource's fetch ([`Tracked`]), so
    /// [`Api::call`] knows which resource an answer is for without every page passing it along.
    static USING: RefCell<Option<Rc<Used>>> = const { RefCell::new(None) };
    /// The resources to load again when an answer they showed is replaced: (key, their tick).
    static WATCHERS: RefCell<Vec<(String, RwSignal<u32>)>> = const { RefCell::new(Vec::new()) };
}

/// Notes that the run being polled used the answer to `key`, produced at `at`.
fn note_use(key: &str, at: f64) {
    USING.with(|u| {
        if let Some(used) = u.borrow().as_ref() {
            used.keys.borrow_mut().push(key.to_owned());
            used.oldest.set(Some(used.oldest.get().map_or(at, |o| o.min(at))));
        }
    });
}

/// A newer answer to `key` is kept: the resources that showed the old one load again (from the
/// cache, without a request).
fn answer_changed(key: &str) {
    let due: Vec<RwSignal<u32>> = WATCHERS.with(|w| {
        let mut w = w.borrow_mut();
        let (due, keep) = w.drain(..).partition::<Vec<_>, _>(|(k, _)| k == key);
        *w = keep;
        due.into_iter().map(|(_, tick)| tick).collect()
    });
    for tick in due {
        tick.try_update(|t| *t = t.wrapping_add(1));
    }
}

/// Watches the answers a finished run used (and forgets resources that are gone).
fn watch(used: &Used, tick: RwSignal<u32>) {
    WATCHERS.with(|w| {
        let mut w = w.borrow_mut();
        w.retain(|(_, t)| !t.is_disposed() && *t != tick);
        for key in used.keys.borrow().iter() {
            w.push((key.clone(), tick));
        }
    });
}

/// A fetch whose every poll is marked as this resource's ([`USING`]).
struct Tracked {
    used: Rc<Used>,
    inner: BoxFuture<Data>,
}

impl Future for Tracked {
    type Output = Result<Data, ApiError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let before = USING.with(|u| u.replace(Some(self.used.clone())));
        let out = self.inner.as_mut().poll(cx);
        USING.with(|u| *u.borrow_mut() = before);
        out
    }
}

/// A resource whose fetcher runs now and again whenever a signal it reads changes.
pub fn load<T, F, Fut>(fetch: F) -> Resource<T>
where
    T: Clone + Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let (state, refreshing, tick, as_of) = load_erased(Rc::new(move || {
        let fut = fetch();
        Box::pin(async move { fut.await.map(|v| std::sync::Arc::new(v) as Data) }) as BoxFuture<Data>
    }));
    Resource { state, refreshing, tick, as_of, data: std::marker::PhantomData }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// The body of [`load`], not generic: it turns each fetch into a future that ends with "put
/// the answer on screen", and [`drive`] does the rest.
fn load_erased(fetch: Rc<dyn Fn() -> BoxFuture<Data>>) -> (RwSignal<Load>, RwSignal<bool>, RwSignal<u32>, RwSignal<Option<f64>>) {
    let state = RwSignal::new(Load::Loading);
    let as_of = RwSignal::new(None);
    let tick = RwSignal::new(0u32);
    // The shell says how old the data on screen is: this resource's part of it.
    if let Some(api) = use_context::<Api>() {
        api.shown.update(|v| v.push(as_of));
        on_cleanup(move || {
            api.shown.try_update(|v| v.retain(|s| *s != as_of));
        });
    }
    let refreshing = RwSignal::new(false);
    let loading: Rc<dyn Fn()> = Rc::new(move || {
        // Data already on screen stays there while the new answer comes (no flash of skeletons).
        if state.with_untracked(|s| matches!(s, Load::Ready(_))) {
            refreshing.set(true);
        } else {
            state.set(Load::Loading);
        }
    });
    let run: Run = Rc::new(move || {
        let used = Rc::new(Used::default());
        let fut = Tracked { used: used.clone(), inner: fetch() };
        Box::pin(async move {
            let result = fut.await;
            Box::new(move || {
                watch(&used, tick);
                if result.is_ok() {
                    as_of.set(Some(used.oldest.get().unwrap_or_else(crate::cache::now_ms)));
                }
                state.set(match result {
                    Ok(v) => Load::Ready(v),
                    Err(e) => Load::Failed(e),
                })
            }) as Box<dyn FnOnce()>
        })
    });
    drive(tick, refreshing, loading, run);
    (state, refreshing, tick, as_of)
}

/// One fetch of a resource: its future answers with what applies the result to the signals.
type Run = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Box<dyn FnOnce()>>>>>;

/// Runs `run` now and whenever `tick` or a signal read by the fetch changes, and applies only
/// the newest answer (an older one arriving late is dropped). Not generic, so the effect and
/// the task exist once in the wasm rather than once per data type (36 of them).
fn drive(tick: RwSignal<u32>, refreshing: RwSignal<bool>, loading: Rc<dyn Fn()>, run: Run) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        tick.track();
        let fut = run();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        loading();
        spawn_local(async move {
            let apply = fut.await;
            if generation.try_get_value() == Some(mine) {
                refreshing.set(false);
                apply();
            }
        });
    });
}

/// Saves through a form: nothing happens while a save runs or a field has a problem; the
/// answer's error lands on its field (or the form); values stay as typed whatever happens.
pub fn save<O>(api: Api, form: webwork_ui::Form, op: O, on_ok: impl FnOnce(O::Output) + 'static)
where
    O: Operation + 'static,
{
    let read: ReadSaved = Box::new(move |data| {
        let out = typed::<O::Output>(data)?;
        Ok(Box::new(move || on_ok(out)))
    });
    save_request(api, form, op.to_request(), read);
}

/// Saves through a form whose save is more than one call (a task, then its assignees): `work`
/// runs only once the form may begin, and its outcome is handled as [`save`] handles its call's.
pub fn save_with<T: 'static>(
    form: webwork_ui::Form,
    work: impl Future<Output = Result<T, ApiError>> + 'static,
    on_ok: impl FnOnce(T) + 'static,
) {
    submit(
        form,
        Box::pin(async move {
            let out = work.await?;
            Ok(Box::new(move || on_ok(out)) as Box<dyn FnOnce()>)
        }),
    );
}

/// Reads a save's `data` as its operation's output and hands back what to do with it once the
/// form is finished.
type ReadSaved = Box<dyn FnOnce(Value) -> Result<Box<dyn FnOnce()>, ApiError>>;

/// The shared body of [`save`], not generic: one future type for every single-call form. A
/// create whose answer was lost is looked for in its list before the form offers to send again.
fn save_request(api: Api, form: webwork_ui::Form, request: Result<ApiRequest, ApiError>, read: ReadSaved) {
    submit(
        form,
        Box::pin(async move {
            let request = request?;
            match api.call(Ok(request.clone())).await {
                Ok(reply) => read(reply.data),
                Err(e) if webwork_core::confirm::outcome_unknown(&e) && request.method == Method::Post => {
                    read(api.confirm_create(&request, e).await?)
                }
                Err(e) => Err(e),
            }
        }),
    );
}

impl Api {
    /// After a create's answer was lost: its row from the list it wrote to when it is there (the
    /// form then ends as if the answer had come), else an error that says whether sending again
    /// is safe. `lost` is returned for a request no list can confirm.
    async fn confirm_create(self, create: &ApiRequest, lost: ApiError) -> Result<Value, ApiError> {
        use webwork_core::confirm::{check_request, find_created, Seen};
        let (Some(check), Some(body)) = (check_request(create), create.body.as_ref()) else { return Err(lost) };
        let per_page = check.query_value("per_page").and_then(|n| n.parse().ok()).unwrap_or(100);
        let rows: Vec<Value> = Box::pin(self.all_pages(Ok(check), per_page)).await?.into_iter().flatten().collect();
        match find_created(&rows, body) {
            Seen::Created(row) => Ok(row.clone()),
            Seen::Absent => Err(ApiError::Network { message: t("api-lost-answer-absent") }),
            Seen::Unsure => Err(ApiError::Conflict { message: t("api-lost-answer-unsure") }),
        }
    }
}

/// The one submit of the panel's forms, not generic: nothing happens while a save runs or a
/// field has a problem; an error lands on its field (or the form), values stay as typed, and
/// what follows a success runs after the form is finished. `saving` is not polled otherwise.
fn submit(form: webwork_ui::Form, saving: BoxFuture<Box<dyn FnOnce()>>) {
    if !form.begin() {
        return;
    }
    spawn_local(async move {
        match saving.await {
            Ok(then) => {
                form.finish(Ok(()));
                then();
            }
            Err(e) => form.finish(Err(e)),
        }
    });
}
