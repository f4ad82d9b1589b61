//! The split build (feature `split`): each page group is a wasm chunk, fetched the first time one
//! of its pages opens, through Leptos's `wasm_split` in its fallible form (a chunk that does not
//! load is an `Err` here, never a panic, which `panic = "abort"` would turn into a dead app).
//!
//! * A page whose chunk is in renders at once; otherwise the loading rows show while it comes,
//!   and a failed load shows the error banner with Retry (which tries the chunk again).
//! * A failed load right after a new deployment (the old chunk names are gone) reloads the app
//!   once, so the tab picks up the new build; the sessionStorage note of that build keeps it
//!   from reloading in a loop.
//! * After sign-in the sidebar's chunks are fetched one by one, each once the page on screen
//!   has its chunk and data and the browser is idle.
//!
//! Only `cargo xtask panel --split` links this: the split points import the chunk loader
//! (`__wasm_split*.js`) that only the splitter writes.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::{JsCast, JsValue};
use webwork_core::ApiError;
use webwork_ui::feedback::{ErrorBanner, SkeletonRows};

use super::{Group, PageFn};
use crate::routes::Route;

/// A page group's chunk did not load (what failed is in the browser console: the loader logs it).
pub struct ChunkError;

impl From<SplitLoaderError> for ChunkError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkError
    }
}

/// One split point per group: it hands out the group's page builder, which lives in the chunk,
/// and a preload function that fetches the chunk without rendering anything.
macro_rules! split_points {
    ($($group:ident => $chunk:ident, $pages:ident, $preload:ident;)*) => {
        $(
            #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
            fn $chunk() -> Result<PageFn, ChunkError> {
                Ok(super::$pages)
            }
        )*

        /// Fetches the group's chunk when it is not in yet, then gives its page builder.
        async fn load(group: Group) -> Result<PageFn, ChunkError> {
            match group {
                $(Group::$group => $chunk().await,)*
            }
        }

        /// Fetches the group's chunk without running it.
        fn preload(group: Group) -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>> {
            match group {
                $(Group::$group => Box::pin($preload()),)*
            }
        }
    };
}

split_points! {
    Dashboard => dashboard, dashboard_pages, preload_dashboard;
    Tracking => tracking, tracking_pages, preload_tracking;
    TimeEntries => time_entries, time_entries_pages, preload_time_entries;
    Timesheets => timesheets, timesheets_pages, preload_timesheets;
    TimeRequests => time_requests, time_requests_pages, preload_time_requests;
    Leaves => leaves, leaves_pages, preload_leaves;
    Expenses => expenses, expenses_pages, preload_expenses;
    Reports => reports, reports_pages, preload_reports;
    Members => members, members_pages, preload_members;
    Projects => projects, projects_pages, preload_projects;
    Contracts => contracts, contracts_pages, preload_contracts;
    Tasks => tasks, tasks_pages, preload_tasks;
    Viewers => viewers, viewers_pages, preload_viewers;
    Webhooks => webhooks, webhooks_pages, preload_webhooks;
}

thread_local! {
    /// The page builders of the chunks that are in, so a page of a loaded group renders at once
    /// (no loading frame on every navigation).
    static LOADED: Cell<[Option<PageFn>; 14]> = const { Cell::new([None; 14]) };
}

fn index(group: Group) -> usize {
    Group::ALL.iter().position(|g| *g == group).unwrap_or(0)
}

fn loaded(group: Group) -> Option<PageFn> {
    LOADED.with(|all| all.get()[index(group)])
}

fn remember(group: Group, pages: PageFn) {
    LOADED.with(|all| {
        let mut now = all.get();
        now[index(group)] = Some(pages);
        all.set(now);
    });
}

/// The view of a workspace page in the split build.
pub fn render(route: Route) -> AnyView {
    let Some(group) = Group::of(&route) else {
        return super::not_found();
    };
    match loaded(group) {
        Some(pages) => pages(route),
        None => view! { <LazyPage group route/> }.into_any(),
    }
}

/// Where a page's chunk is: coming, in (its builder), or failed.
#[derive(Clone, Copy)]
enum Chunk {
    Loading,
    Ready(PageFn),
    Failed,
}

#[component]
fn LazyPage(group: Group, route: Route) -> impl IntoView {
    let chunk = RwSignal::new(Chunk::Loading);
    prefetch_data(&route);
    let fetch = move || {
        chunk.set(Chunk::Loading);
        leptos::task::spawn_local(async move {
            match load(group).await {
                Ok(pages) => {
                    remember(group, pages);
                    // try_set: the person may have left the page while it loaded.
                    chunk.try_set(Chunk::Ready(pages));
                }
                Err(ChunkError) => {
                    if !reload_for_new_deployment().await {
                        chunk.try_set(Chunk::Failed);
                    }
                }
            }
        });
    };
    fetch();
    let failure = Signal::derive(move || {
        matches!(chunk.get(), Chunk::Failed)
            .then(|| ApiError::Network { message: "this page's code did not load (the network or the server failed)".to_owned() })
    });
    move || match chunk.get() {
        Chunk::Loading => view! { <SkeletonRows/> }.into_any(),
        Chunk::Ready(pages) => pages(route.clone()),
        Chunk::Failed => view! { <ErrorBanner error=failure on_retry=Callback::new(move |()| fetch())/> }.into_any(),
    }
}

/// Starts the page's first data requests now, beside its chunk's download rather than after it:
/// the page's own reads, made later inside the chunk, join these while they are under way (the
/// data layer joins identical reads) or find their answers kept (then fresh). Every page group
/// does, for the reads its address alone decides: each page module's `first_requests`
/// (`crate::pages::FirstRequests`), which its page builds its reads through. Untyped (the
/// answers' decoding stays in the chunks): only the requests are built here.
fn prefetch_data(route: &Route) {
    use crate::pages::*;
    let Some(group) = Group::of(route) else { return };
    let first_requests: fn(&Route, crate::nav::UrlQuery) -> FirstRequests = match group {
        Group::Dashboard => dashboard::first_requests,
        Group::Tracking => tracking::first_requests,
        Group::TimeEntries => time_entries::first_requests,
        Group::Timesheets => timesheets::first_requests,
        Group::TimeRequests => time_requests::first_requests,
        Group::Leaves => leaves::first_requests,
        Group::Expenses => expenses::first_requests,
        Group::Reports => reports::first_requests,
        Group::Members => members::first_requests,
        Group::Projects => projects::first_requests,
        Group::Contracts => contracts::first_requests,
        Group::Tasks => tasks::first_requests,
        Group::Viewers => viewers::first_requests,
        Group::Webhooks => webhooks::first_requests,
    };
    let api = crate::api::use_api();
    for request in first_requests(route, crate::nav::use_url_query()) {
        api.prefetch(request);
    }
}

/// The sessionStorage key naming the build the app last reloaded itself for.
const RELOADED_FOR: &str = "webwork.reloaded-for-build";

/// The build this page runs: `<meta name="webwork-build">`, written by `cargo xtask panel --split`.
fn build_of(html: &str) -> Option<String> {
    let at = html.find("name=\"webwork-build\"")?;
    let rest = &html[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    let end = rest[start..].find('"')?;
    Some(rest[start..start + end].to_owned())
}

fn current_build() -> Option<String> {
    let meta = web_sys::window()?.document()?.query_selector("meta[name=webwork-build]").ok()??;
    meta.get_attribute("content")
}

/// After a chunk failed: when the site now serves another build (a deployment since this tab
/// opened, so the chunk names it knows are gone), reload once into it and say so (`true`). Not
/// when the site cannot be reached or still serves this build: that failure is the banner's.
async fn reload_for_new_deployment() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(current) = current_build() else {
        return false;
    };
    // A query the static server ignores, so no cache answers with the old page.
    let url = format!("/?build-check={}", js_sys::Date::now() as u64);
    let Ok(answer) = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&url)).await else {
        return false;
    };
    let Ok(answer) = answer.dyn_into::<web_sys::Response>() else {
        return false;
    };
    if !answer.ok() {
        return false;
    }
    let Ok(text) = answer.text() else {
        return false;
    };
    let Some(served) = wasm_bindgen_futures::JsFuture::from(text).await.ok().and_then(|t| t.as_string()).and_then(|t| build_of(&t)) else {
        return false;
    };
    if served == current {
        return false;
    }
    let storage = window.session_storage().ok().flatten();
    let already = storage.as_ref().and_then(|s| s.get_item(RELOADED_FOR).ok().flatten());
    if already.as_deref() == Some(served.as_str()) {
        // Reloaded for this build once already and it still fails: the banner says so.
        return false;
    }
    if let Some(storage) = storage {
        let _ = storage.set_item(RELOADED_FOR, &served);
    }
    window.location().reload().is_ok()
}

/// Once signed in to a workspace: fetch the sidebar's chunks one after the other (the order of
/// the sidebar), so the next page opens without waiting, each only once the page in front of the
/// person is served ([`page_served`]): a preload never holds back what the person waits for. A
/// chunk that fails here is left for its page to load again.
pub fn preload_when_idle(route: Memo<Route>) {
    let api = crate::api::use_api();
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        if !(route.with(|r| r.ws().is_some()) && api.session.get().is_some()) {
            return false;
        }
        leptos::task::spawn_local(async move {
            for group in Group::ALL {
                if !page_served(api, route).await {
                    return;
                }
                if loaded(group).is_none() {
                    let _ = preload(group).await;
                }
            }
        });
        true
    });
}

/// Resolves once the page on screen has its chunk in and no API request is under way, and then
/// the browser is idle (`true`); `false` when `route` is gone (a change of language renders the
/// routes again, and their new route starts its own preloading). Polled every 100 ms: the chunk
/// table and the request count are cheap to read, and a page that waits on a failed chunk or a
/// held request may wait long.
async fn page_served(api: crate::api::Api, route: Memo<Route>) -> bool {
    use webwork_core::client::Transport;
    let served = move || {
        let page_in = route.try_with_untracked(|r| Group::of(r).is_none_or(|g| loaded(g).is_some()))?;
        Some(page_in && api.in_flight.try_get_untracked()? == 0)
    };
    loop {
        match served() {
            None => return false,
            Some(true) => {
                idle().await;
                match served() {
                    None => return false,
                    Some(true) => return true,
                    Some(false) => {}
                }
            }
            Some(false) => webwork_core::FetchTransport::new().sleep(100).await,
        }
    }
}

/// On the sign-in page, when the browser is idle (the person is typing or pasting a token): fetch
/// the chunk of the page sign-in leads to (its `next`, else the members list, where it lands), so
/// the first page after sign-in waits for its data only.
pub fn preload_landing_when_idle(route: Memo<Route>) {
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Route::SignIn { next, .. } = route.get() else { return false };
        let group = next.map(|path| Route::parse(&path)).as_ref().and_then(Group::of).unwrap_or(Group::Members);
        leptos::task::spawn_local(async move {
            idle().await;
            if loaded(group).is_none() {
                let _ = preload(group).await;
            }
        });
        true
    });
}

/// Resolves when the browser is idle (`requestIdleCallback`); in browsers without it, after a
/// second.
async fn idle() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let _ = match idle {
            Some(request) => request.call1(&window, &resolve).map(drop),
            None => window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000).map(drop),
        };
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}
