//! What every widget on a page shares: the credentials (given once by
//! `WebWorkWidgets.configure`), one pacer, the clients (one per base URL, all on that pacer),
//! and the one request path.
//!
//! The token never comes from markup. A token provider is the core's `Credentials::Provider`:
//! asked when the first request needs a token and again after a 401 (the core renews once and
//! repeats the request). In gateway mode no token is in the page at all: the gateway adds it.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use leptos::prelude::*;

use crate::answers;
pub use crate::answers::Person;
use crate::lang::{t, t_args};
use std::future::Future;

use serde_json::Value;
use webwork_core::client::fetch::FunctionTokenProvider;
use webwork_core::client::origin::OriginLog;
use webwork_core::client::{origin_key, CallOptions, Pacer, SharedProvider};
use webwork_core::ops::{ListMembers, Paginated};
use webwork_core::{ApiError, ApiRequest, Client, ClientConfig, Credentials, FetchTransport, Reply};

/// (base URL, workspace).
type MembersKey = (String, u64);

struct Shared {
    /// `None` until `configure` gives a token, a provider or `gateway: true`.
    credentials: Option<Credentials>,
    /// `configure({ baseUrl })`: the base URL of widgets without a `base-url` attribute.
    base_url: Option<String>,
    pacer: Pacer,
    /// One client per base URL, all with the configured credentials; emptied by `configure`.
    clients: Vec<(String, Client<FetchTransport>)>,
    /// Members per (base URL, workspace), for names (time requests and leaves carry ids only).
    members: Vec<(MembersKey, Rc<Vec<Person>>)>,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared {
        credentials: None,
        base_url: None,
        pacer: Pacer::new(60),
        clients: Vec::new(),
        members: Vec::new(),
    });
    /// Bumped by every `configure`: widgets read it, so they load again with the new token.
    /// An `ArcRwSignal`, not an arena signal: it must outlive the widget that first touched it.
    static GENERATION: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// `configure`: replaces the credentials (and the default base URL when given). A provider
/// wins over a token, the gateway over both (the JS half lets only one through).
pub fn configure(token: Option<String>, provider: Option<Function>, gateway: bool, base_url: Option<String>) {
    SHARED.with_borrow_mut(|s| {
        s.credentials = match (gateway, provider, token) {
            (true, _, _) => Some(Credentials::Gateway),
            (false, Some(f), _) => Some(Credentials::Provider(SharedProvider::new(FunctionTokenProvider::new(f)))),
            (false, None, Some(t)) if !t.trim().is_empty() => Some(Credentials::Token(webwork_core::Token::new(t.trim()))),
            _ => None,
        };
        s.clients.clear();
        s.members.clear();
        if let Some(b) = base_url.filter(|b| !b.trim().is_empty()) {
            s.base_url = Some(normal_base(&b));
        }
    });
    GENERATION.with(|g| g.update(|n| *n = n.wrapping_add(1)));
}

/// Tracks the configuration (reactive): which `configure` call is in force, once credentials
/// were given (`None` before).
pub fn configured() -> Option<u32> {
    let generation = GENERATION.with(|g| g.get());
    SHARED.with_borrow(|s| s.credentials.is_some()).then_some(generation)
}

/// The base URL for a widget: its attribute, else the configured default.
pub fn base_url(attribute: Option<String>) -> Option<String> {
    GENERATION.with(|g| g.track());
    attribute.filter(|b| !b.trim().is_empty()).map(|b| normal_base(&b)).or_else(|| SHARED.with_borrow(|s| s.base_url.clone()))
}

fn normal_base(b: &str) -> String {
    b.trim().trim_end_matches('/').to_owned()
}

/// The client for `base`, sharing the page's pacer and credentials.
fn client(base: &str) -> Result<Client<FetchTransport>, ApiError> {
    SHARED.with_borrow_mut(|s| {
        if let Some((_, c)) = s.clients.iter().find(|(b, _)| b == base) {
            return Ok(c.clone());
        }
        let credentials = s.credentials.clone().ok_or_else(|| ApiError::Unauthorized {
            message: t_args("widget-no-token", &[("call", "WebWorkWidgets.configure({ token })".into())]),
        })?;
        // A token's budget is shared with every tab of the origin using it (the panel too), keyed
        // by the absolute API URL as the panel keys it; the gateway's service budget is its own.
        let api = absolute(base);
        let log = match &credentials {
            Credentials::Token(t) => Some(OriginLog::new(origin_key(&api, t.expose()))),
            Credentials::Provider(p) => {
                let p = p.clone();
                Some(OriginLog::keyed_by(move || p.origin_key(&api)))
            }
            Credentials::Gateway => None,
        };
        let pacer = match log {
            Some(log) => Pacer::new(60).shared_with(log.into_shared()),
            None => s.pacer.clone(),
        };
        let c = Client::with_pacer(FetchTransport::new(), ClientConfig::with_credentials(base, credentials), pacer);
        s.clients.push((base.to_owned(), c.clone()));
        Ok(c)
    })
}

/// `base` as an absolute URL (a page may give `/api/v2`).
fn absolute(base: &str) -> String {
    match web_sys::window().and_then(|w| w.location().origin().ok()) {
        Some(origin) if base.starts_with('/') => format!("{origin}{base}"),
        _ => base.to_owned(),
    }
}

/// The one place a widget's request goes out (not generic: every operation shares this code).
pub async fn call(base: String, request: Result<ApiRequest, ApiError>) -> Result<Reply<Value>, ApiError> {
    let request = request?;
    client(&base)?.request_json(&request, &CallOptions::default()).await
}

/// An operation's `data` as JSON (read with [`crate::read`]).
pub async fn data(base: String, request: Result<ApiRequest, ApiError>) -> Result<Value, ApiError> {
    Ok(call(base, request).await?.data)
}

/// The first page of a list at the largest size the API allows (100): a widget shows what
/// fits on a screen, so it never walks further pages. Generic only in setting the page.
pub fn list<O: Paginated>(base: String, mut op: O) -> impl Future<Output = Result<Vec<Value>, ApiError>> {
    op.set_page(1);
    op.set_per_page(O::PER_PAGE_MAX);
    list_request(base, op.to_request())
}

async fn list_request(base: String, request: Result<ApiRequest, ApiError>) -> Result<Vec<Value>, ApiError> {
    answers::list(data(base, request).await?)
}

/// The workspace's members (the first 100, for names), loaded once per page and workspace.
pub async fn members(base: String, workspace: u64) -> Result<Rc<Vec<Person>>, ApiError> {
    let key = (base.clone(), workspace);
    if let Some(m) = SHARED.with_borrow(|s| s.members.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone())) {
        return Ok(m);
    }
    let fetched = Rc::new(answers::people(&list(base, ListMembers::new(workspace)).await?));
    SHARED.with_borrow_mut(|s| {
        s.members.retain(|(k, _)| *k != key);
        s.members.push((key, fetched.clone()));
    });
    Ok(fetched)
}

/// A member's name, or "Member #id".
pub fn name_of(members: &[Person], id: Option<u64>) -> String {
    let names: Vec<(u64, String)> = members.iter().map(|m| (m.id, m.name.clone())).collect();
    name_of_pairs(&names, id, Named::Member)
}

/// What an id names, for the text shown when its name is unknown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Member,
    Project,
}

/// A name from (id, name) pairs, or "Member #id" / "Project #id" (the id as written, not as a number).
pub fn name_of_pairs(names: &[(u64, String)], id: Option<u64>, kind: Named) -> String {
    match (id, kind) {
        (Some(id), _) => names.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()).unwrap_or_else(|| {
            let id = id.to_string();
            match kind {
                Named::Member => t_args("name-member-number", &[("id", id.into())]),
                Named::Project => t_args("name-project-number", &[("id", id.into())]),
            }
        }),
        (None, Named::Member) => t("name-unknown-member"),
        (None, Named::Project) => t("name-unknown-project"),
    }
}
