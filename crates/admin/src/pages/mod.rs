//! One module per resource; shared page pieces here (list frame, headers, detail lists,
//! option loaders). "Admin panel II" adds time entries, timesheets, leaves, expenses and
//! reports as further modules beside these, with routes in `crate::routes`.

pub mod contracts;
pub mod members;
pub mod projects;
pub mod reauth;
pub mod shell;
pub mod signin;
pub mod tasks;
pub mod viewers;
pub mod webhooks;
// Admin panel II, time.
pub mod dashboard;
pub mod time_common;
pub mod time_entries;
pub mod time_requests;
pub mod timesheets;
pub mod tracking;
// Admin panel II: leaves, expenses, reports.
pub mod expenses;
pub mod leaves;
pub mod reports;

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use webwork_core::envelope::Pagination as PageInfo;
use webwork_core::ops::{ListMembers, ListProjects, Paginated};
use webwork_core::{ApiError, ApiRequest, Page};
use webwork_ui::{Column, DataTable, EmptyState, ErrorBanner, Pagination, SkeletonRows};

use crate::api::{Api, Resource};
use crate::nav::UrlQuery;

/// A page's title row: the heading and its actions.
#[component]
pub fn PageHeader(#[prop(into)] title: Signal<String>, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <div class="page-header">
            <h1>{move || title.get()}</h1>
            <div class="actions">{children.map(|c| c())}</div>
        </div>
    }
}

/// The standard body of a list: error banner with Retry (retrying by itself after a rate
/// limit), skeletons on first load, an empty state, the table and the pagination control.
#[component]
pub fn ListFrame<T>(
    res: Resource<Page<T>>,
    query: UrlQuery,
    #[prop(into)] caption: String,
    columns: Vec<Column<T>>,
    key: fn(&T) -> String,
    label: fn(&T) -> String,
    #[prop(optional)] selection: Option<RwSignal<BTreeSet<String>>>,
    #[prop(optional, into)] on_open: Option<Callback<T>>,
    #[prop(into)] empty_title: Signal<String>,
    #[prop(optional, into)] empty_hint: Option<String>,
    #[prop(default = 5)] cols: usize,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let rows = Signal::derive(move || res.ready().map(|p| p.items).unwrap_or_default());
    let info = Signal::derive(move || res.with_ready(|p| p.pagination).flatten());
    let has_rows = move || rows.with(|r| !r.is_empty());
    let hint = StoredValue::new(empty_hint.unwrap_or_default());
    let ready_empty = move || res.with_ready(|p| p.items.is_empty()).unwrap_or(false);
    let table = match (selection, on_open) {
        (Some(s), Some(o)) => view! { <DataTable caption columns rows key label selection=s on_open=o/> }.into_any(),
        (Some(s), None) => view! { <DataTable caption columns rows key label selection=s/> }.into_any(),
        (None, Some(o)) => view! { <DataTable caption columns rows key label on_open=o/> }.into_any(),
        (None, None) => view! { <DataTable caption columns rows key label/> }.into_any(),
    };
    view! {
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        <Show when=move || res.loading()><SkeletonRows cols=cols/></Show>
        <Show when=ready_empty>
            {move || view! { <EmptyState title=empty_title.get() hint=hint.get_value()/> }}
        </Show>
        <div class="list-body" class:hidden=move || !has_rows() aria-busy=move || res.refreshing.get().to_string()>
            {table}
        </div>
        // Nothing to page through on an empty first page ("0 of 0", a lone "1"); past the end
        // the control stays, as the way back.
        <Show when=move || res.is_ready() && (has_rows() || query.page() > 1)>
            <Pagination
                page=Signal::derive(move || info.get().map(|p| p.current_page).filter(|p| *p > 0).unwrap_or_else(|| query.page()))
                per_page=Signal::derive(move || query.per_page())
                last_page=Signal::derive(move || info.get().map(|p| p.last_page).filter(|p| *p > 0))
                total=Signal::derive(move || info.get().map(|p| p.total))
                shown=Signal::derive(move || rows.with(Vec::len))
                on_page=Callback::new(move |p: u32| query.set_one("page", Some(p.to_string())))
                on_per_page=Callback::new(move |n: u32| query.set_one("per_page", Some(n.to_string())))
            />
        </Show>
    }
}

/// One page of `items` held in memory (search results, the archived view).
pub fn local_page<T>(items: Vec<T>, page: u32, per_page: u32) -> Page<T> {
    let total = items.len() as u64;
    let info = PageInfo::compute(total, page, per_page);
    let start = ((page.max(1) - 1) as usize).saturating_mul(per_page as usize);
    let items: Vec<T> = items.into_iter().skip(start).take(per_page as usize).collect();
    Page { items, pagination: Some(info), page, per_page }
}

/// A definition list of label/value pairs (detail pages): labels are message ids, values text.
#[component]
pub fn Details(rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <dl class="details">
            {rows.into_iter().map(|(k, v)| {
                let empty = v.is_empty();
                view! {
                    <dt>{webwork_ui::i18n::t(k)}</dt>
                    <dd class:muted=empty>{if empty { "—".to_owned() } else { v }}</dd>
                }
            }).collect_view()}
        </dl>
    }
}

/// Options for a select: (value, label), with a first "none" entry when `none` is given.
pub fn options(none: Option<&str>, items: impl IntoIterator<Item = (String, String)>) -> Vec<(String, String)> {
    none.map(|n| (String::new(), n.to_owned())).into_iter().chain(items).collect()
}

/// The reads a page makes first that its address alone decides (none waits for another answer).
/// The split build sends them beside the page's chunk download (crates/admin/src/app/lazy.rs)
/// and the page's identical reads join them; each page builds its reads through the same
/// functions as its `first_requests`, so the two cannot differ (which would ask twice).
pub type FirstRequests = Vec<Result<ApiRequest, ApiError>>;

/// `op` at the URL's page and page size (`page`, `per_page`): what a list page asks, and the
/// split build's prefetch of it.
pub fn url_page<O: Paginated>(mut op: O, query: crate::nav::UrlQuery) -> O {
    op.set_page(query.page());
    op.set_per_page(query.per_page());
    op
}

/// The first read of [`member_options`] (and `time_common::member_directory`).
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub fn members_first(ws: u64) -> Result<ApiRequest, ApiError> {
    crate::api::first_of_all(ListMembers::new(ws))
}

/// The first read of [`project_options`].
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub fn projects_first(ws: u64) -> Result<ApiRequest, ApiError> {
    crate::api::first_of_all(ListProjects::new(ws))
}

/// The workspace's members as select options, "Name (email)" (every page, at 100 a request).
pub async fn member_options(api: Api, ws: u64) -> Result<Vec<(u64, String)>, ApiError> {
    let members = api.all(ListMembers::new(ws)).await?;
    Ok(members.into_iter().map(|m| (m.id, format!("{} ({})", m.full_name(), m.email))).collect())
}

/// The workspace's projects as select options.
pub async fn project_options(api: Api, ws: u64) -> Result<Vec<(u64, String)>, ApiError> {
    let projects = api.all(ListProjects::new(ws)).await?;
    Ok(projects.into_iter().map(|p| (p.id, p.name)).collect())
}

/// Sorts `items` by a text key, stably, in code point order: for keys made for sorting (ids
/// through [`id_key`], ISO dates). Every caller shares one instance of the standard sort (over
/// `(String, usize)`); a `sort_by` per element type would be its own copy of it.
pub fn sort_by_text<T>(items: &mut Vec<T>, key: impl Fn(&T) -> String) {
    sort_keyed(items, key, None);
}

/// Sorts `items` by a name, stably, the way the reader's language orders names: "Émile" with
/// the E's and "ahmed" before "Bea", where code point order puts accented and lower-case
/// initials after Z. The browser's `Intl.Collator` compares, so no Unicode tables ship in the
/// wasm.
pub fn sort_by_name<T>(items: &mut Vec<T>, name: impl Fn(&T) -> String) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"sensitivity".into(), &"base".into());
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &true.into());
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&webwork_ui::i18n::locale().into()), &options);
    sort_keyed(items, name, Some(collator.compare()));
}

fn sort_keyed<T>(items: &mut Vec<T>, key: impl Fn(&T) -> String, compare: Option<js_sys::Function>) {
    let mut keys: Vec<(String, usize)> = items.iter().map(key).zip(0..).collect();
    sort_pairs(&mut keys, compare.as_ref());
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keys.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// The one sort: by key (code points, or `compare` when given), then by index. The index makes
/// every pair distinct, so the unstable sort keeps equal keys in order.
fn sort_pairs(keys: &mut [(String, usize)], compare: Option<&js_sys::Function>) {
    keys.sort_unstable_by(|a, b| {
        let by_key = match compare {
            Some(f) => {
                let sign = f.call2(&wasm_bindgen::JsValue::NULL, &a.0.as_str().into(), &b.0.as_str().into()).ok().and_then(|v| v.as_f64());
                match sign {
                    Some(x) if x < 0.0 => std::cmp::Ordering::Less,
                    Some(x) if x > 0.0 => std::cmp::Ordering::Greater,
                    _ => std::cmp::Ordering::Equal,
                }
            }
            None => a.0.cmp(&b.0),
        };
        by_key.then(a.1.cmp(&b.1))
    });
}

/// A map from pairs, one insert at a time. `collect()` into a `BTreeMap` or `BTreeSet` sorts
/// the items first: a copy of the standard stable sort per item type.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// A set, one insert at a time (see [`map_of`]).
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// A sort key that orders ids as numbers.
pub fn id_key(id: u64) -> String {
    format!("{id:020}")
}

/// Text for an optional value.
pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// A number without a trailing `.0` (`5`, `2.5`).
pub use webwork_core::number::float_text as num;

/// Its children only when the signed-in user's role may call the operation `op` (an
/// `OpInfo::id`, e.g. `DeleteMember::INFO.id`): a Regular User sees no Archive button the API
/// would refuse in workspace `ws`.
///
/// The children are rendered once and hidden (`display: none`, so also from assistive
/// technology) while the role is refused: the role arrives after the first render, and
/// rendering once keeps the children `FnOnce` like any other markup.
#[component]
pub fn Allowed(ws: u64, op: &'static str, children: Children) -> impl IntoView {
    let api = crate::api::use_api();
    view! {
        <span class="allowed" style:display=move || if api.may(ws, op) { "contents" } else { "none" }>{children()}</span>
    }
}

/// A row's action that asks first (Archive, Delete): remembers the row in `pending` and opens
/// the page's confirm dialog, which acts on it. `label` is a message id.
#[component]
pub fn ConfirmAction<T>(label: &'static str, aria: String, target: T, pending: RwSignal<T>, confirm: RwSignal<bool>) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    view! {
        <button type="button" class="btn small ghost" aria-label=aria on:click=move |_| {
            pending.set(target.clone());
            confirm.set(true);
        }>{webwork_ui::i18n::t(label)}</button>
    }
}

/// A "Back to …" link.
#[component]
pub fn BackLink(href: String, #[prop(into)] text: String) -> impl IntoView {
    view! { <a class="back" href=href>"← " {text}</a> }
}

/// A loading/failed frame for a single item (detail and edit pages).
#[component]
pub fn ItemFrame<T>(res: Resource<T>, children: Children) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    view! {
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        <Show when=move || res.loading()>
            <div class="card" aria-busy="true"><SkeletonRows rows=4 cols=2/></div>
        </Show>
        {children()}
    }
}
