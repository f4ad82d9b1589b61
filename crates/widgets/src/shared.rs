//! What every widget on a page shares: the token (given once by `WebWorkWidgets.configure`),
//! one pacer, the clients (one per base URL, all on that pacer), and the one request path.
//!
//! The token never comes from markup. A token provider is asked when the first request needs a
//! token and again after a 401 (the token may have expired); a fixed token is simply kept.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use leptos::prelude::*;

use crate::read;
use std::future::Future;

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use webwork_core::client::{CallOptions, Pacer};
use webwork_core::ops::{ListMembers, Paginated};
use webwork_core::{ApiError, ApiRequest, Client, ClientConfig, FetchTransport, Reply};

/// Where the token comes from.
#[derive(Clone)]
enum TokenSource {
    None,
    Fixed(String),
    Provider(Function),
}

/// (base URL, workspace).
type MembersKey = (String, u64);

struct Shared {
    source: TokenSource,
    /// The provider's last answer.
    provided: Option<String>,
    /// `configure({ baseUrl })`: the base URL of widgets without a `base-url` attribute.
    base_url: Option<String>,
    pacer: Pacer,
    /// (base URL, token, client): one client per base URL, rebuilt when the token changes.
    clients: Vec<(String, String, Client<FetchTransport>)>,
    /// Members per (base URL, workspace), for names (time requests and leaves carry ids only).
    members: Vec<(MembersKey, Rc<Vec<Person>>)>,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared {
        source: TokenSource::None,
        provided: None,
        base_url: None,
        pacer: Pacer::new(60),
        clients: Vec::new(),
        members: Vec::new(),
    });
    /// Bumped by every `configure`: widgets read it, so they load again with the new token.
    /// An `ArcRwSignal`, not an arena signal: it must outlive the widget that first touched it.
    static GENERATION: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// `configure`: replaces the token source (and the default base URL when given).
pub fn configure(token: Option<String>, provider: Option<Function>, base_url: Option<String>) {
    SHARED.with_borrow_mut(|s| {
        s.source = match (provider, token) {
            (Some(f), _) => TokenSource::Provider(f),
            (None, Some(t)) if !t.trim().is_empty() => TokenSource::Fixed(t.trim().to_owned()),
            _ => TokenSource::None,
        };
        s.provided = None;
        s.clients.clear();
        s.members.clear();
        if let Some(b) = base_url.filter(|b| !b.trim().is_empty()) {
            s.base_url = Some(normal_base(&b));
        }
    });
    GENERATION.with(|g| g.update(|n| *n = n.wrapping_add(1)));
}

/// Tracks the configuration (reactive): which `configure` call is in force, once a token or
/// provider was given (`None` before).
pub fn configured() -> Option<u32> {
    let generation = GENERATION.with(|g| g.get());
    SHARED.with_borrow(|s| !matches!(s.source, TokenSource::None)).then_some(generation)
}

/// The base URL for a widget: its attribute, else the configured default.
pub fn base_url(attribute: Option<String>) -> Option<String> {
    GENERATION.with(|g| g.track());
    attribute.filter(|b| !b.trim().is_empty()).map(|b| normal_base(&b)).or_else(|| SHARED.with_borrow(|s| s.base_url.clone()))
}

fn normal_base(b: &str) -> String {
    b.trim().trim_end_matches('/').to_owned()
}

fn refused_token(message: &str) -> ApiError {
    ApiError::Unauthorized { message: message.to_owned() }
}

/// The token now: the fixed one, or the provider's (asked when there is none yet or `renew`).
async fn token(renew: bool) -> Result<String, ApiError> {
    let (source, provided) = SHARED.with_borrow(|s| (s.source.clone(), s.provided.clone()));
    match source {
        TokenSource::None => Err(refused_token("No token: call WebWorkWidgets.configure({ token }) first.")),
        TokenSource::Fixed(t) => Ok(t),
        TokenSource::Provider(f) => {
            if let (Some(t), false) = (provided, renew) {
                return Ok(t);
            }
            let answer = f.call0(&JsValue::NULL).map_err(|_| refused_token("The token provider threw an error."))?;
            let answer =
                JsFuture::from(Promise::resolve(&answer)).await.map_err(|_| refused_token("The token provider's promise was rejected."))?;
            let t = answer.as_string().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
            let t = t.ok_or_else(|| refused_token("The token provider gave no token (it must return a string or a promise of one)."))?;
            SHARED.with_borrow_mut(|s| s.provided = Some(t.clone()));
            Ok(t)
        }
    }
}

/// The client for `base` with `token`, sharing the page's pacer.
fn client(base: &str, token: &str) -> Client<FetchTransport> {
    SHARED.with_borrow_mut(|s| {
        if let Some((_, _, c)) = s.clients.iter().find(|(b, t, _)| b == base && t == token) {
            return c.clone();
        }
        s.clients.retain(|(b, _, _)| b != base);
        let c = Client::with_pacer(FetchTransport::new(), ClientConfig::new(base, token), s.pacer.clone());
        s.clients.push((base.to_owned(), token.to_owned(), c.clone()));
        c
    })
}

/// The one place a widget's request goes out (not generic: every operation shares this code).
/// A 401 with a token provider asks the provider again and retries once.
pub async fn call(base: String, request: Result<ApiRequest, ApiError>) -> Result<Reply<Value>, ApiError> {
    let request = request?;
    let has_provider = SHARED.with_borrow(|s| matches!(s.source, TokenSource::Provider(_)));
    let first = client(&base, &token(false).await?).request_json(&request, &CallOptions::default()).await;
    match first {
        Err(ApiError::Unauthorized { .. }) if has_provider => {
            client(&base, &token(true).await?).request_json(&request, &CallOptions::default()).await
        }
        other => other,
    }
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
    match data(base, request).await? {
        Value::Array(items) => Ok(items),
        Value::Null => Ok(Vec::new()),
        other => Err(ApiError::Decode { path: "data".into(), message: format!("expected a list, got {other}") }),
    }
}

/// A member as the widgets need one.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: u64,
    pub name: String,
    pub active: bool,
    /// Project viewers do not track time.
    pub viewer: bool,
}

/// The workspace's members (the first 100, for names), loaded once per page and workspace.
pub async fn members(base: String, workspace: u64) -> Result<Rc<Vec<Person>>, ApiError> {
    let key = (base.clone(), workspace);
    if let Some(m) = SHARED.with_borrow(|s| s.members.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone())) {
        return Ok(m);
    }
    let people: Vec<Person> = list(base, ListMembers::new(workspace))
        .await?
        .iter()
        .filter_map(|m| {
            Some(Person {
                id: read::id(m, "id")?,
                name: read::person(m).unwrap_or_default(),
                active: read::is(m, "status", "active"),
                viewer: read::is(m, "current_role", "Project viewer"),
            })
        })
        .collect();
    let fetched = Rc::new(people);
    SHARED.with_borrow_mut(|s| {
        s.members.retain(|(k, _)| *k != key);
        s.members.push((key, fetched.clone()));
    });
    Ok(fetched)
}

/// A member's name, or "Member #id".
pub fn name_of(members: &[Person], id: Option<u64>) -> String {
    let names: Vec<(u64, String)> = members.iter().map(|m| (m.id, m.name.clone())).collect();
    name_of_pairs(&names, id, "Member")
}

/// A name from (id, name) pairs, or "<noun> #id".
pub fn name_of_pairs(names: &[(u64, String)], id: Option<u64>, noun: &str) -> String {
    match id {
        Some(id) => names.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()).unwrap_or_else(|| format!("{noun} #{id}")),
        None => format!("Unknown {}", noun.to_ascii_lowercase()),
    }
}
