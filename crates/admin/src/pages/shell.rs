//! The frame around every workspace page: header (workspace switcher, rate budget, in-flight
//! indicator, theme, sign out), navigation, the guard that sends a signed-out visitor to
//! the sign-in page with the way back, and what replaces the page when the server refuses the
//! session (sign in again, over the page) or the role (one screen that says why).

use std::time::Duration;

use leptos::prelude::*;
use webwork_ui::{ErrorBanner, ThemeToggle};

use crate::api::use_api;
use crate::nav::{encode, paths, use_location, use_nav, use_ws};
use crate::pages::reauth::{ReauthDialog, RefusedScreen};

/// Sections of the navigation: (label, path under /w/{ws}).
const SECTIONS: &[(&str, &str)] = &[
    // Admin panel II, time: the dashboard is the workspace's home (`/w/{ws}`).
    ("Dashboard", ""),
    ("Live tracking", "tracking"),
    ("Time entries", "time-entries"),
    ("Timesheets", "timesheets"),
    ("Time requests", "time-requests"),
    ("Leaves", "leaves"),
    ("Expenses", "expenses"),
    ("Reports", "reports"),
    ("Members", "members"),
    ("Projects", "projects"),
    ("Contracts", "contracts"),
    ("Tasks", "tasks"),
    ("Project viewers", "viewers"),
    ("Webhooks", "webhooks"),
];

#[component]
pub fn Shell() -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let ws = use_ws();
    let location = use_location();
    // The page changes with the path only: a new query string (filters, page) re-renders nothing here.
    let page = Memo::new(move |_| location.pathname.with(|p| crate::routes::Page::parse(p)));
    // The live trackers (dashboard, tracking) and the pending-timesheets count of the navigation.
    crate::pages::tracking::provide_board();
    crate::pages::timesheets::provide_queue_changed();

    // Signed out (never signed in, signed out, or the token refused): to sign-in, with the way back.
    Effect::new(move |_| {
        if api.session.get().is_none() {
            let search = location.search.get_untracked();
            let sep = if search.is_empty() || search.starts_with('?') { "" } else { "?" };
            let here = format!("{}{sep}{search}", location.pathname.get_untracked());
            nav.replace(&format!("/signin?next={}", encode(&here)));
        }
    });

    let workspaces = RwSignal::new(None::<Result<(), webwork_core::ApiError>>);
    Effect::new(move |_| {
        if api.session.get().is_some() && api.workspaces.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                let r = api.ensure_workspaces().await.map(|_| ());
                workspaces.set(Some(r));
            });
        }
    });

    if let Ok(handle) = set_interval_with_handle(move || api.refresh_budget(), Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }

    let switch = move |ev: leptos::ev::Event| {
        if let Ok(id) = event_target_value(&ev).parse::<u64>() {
            // Same section in the other workspace; ids of one workspace mean nothing in another.
            let path = location.pathname.get_untracked();
            let section = path.split('/').nth(3).unwrap_or("");
            let section = SECTIONS.iter().find(|(_, p)| *p == section).map(|(_, p)| *p).unwrap_or("");
            nav.go(&format!("/w/{id}/{section}"));
        }
    };
    // A memo, so signing in again (which resets the refusal) does not re-render the page and
    // lose what its forms hold.
    let refused = Memo::new(move |_| api.refused.get().filter(|(w, _)| *w == ws.get()));
    let current_name = move || api.workspaces.get().and_then(|list| list.into_iter().find(|w| w.id == ws.get())).map(|w| w.workspace_name);
    let not_member = move || api.workspaces.get().is_some_and(|list| !list.iter().any(|w| w.id == ws.get()));

    view! {
        <div class="app">
            <div class="progress" class:active={move || api.in_flight.get() > 0} aria-hidden="true"></div>
            <header class="topbar">
                <a class="brand" href="/">"WebWork admin"</a>
                <label class="ws-switch">
                    <span class="visually-hidden">"Workspace"</span>
                    <select aria-label="Workspace" on:change=switch>
                        {move || match api.workspaces.get() {
                            None => view! { <option>"Loading workspaces…"</option> }.into_any(),
                            Some(list) => list.into_iter().map(|w| {
                                let id = w.id;
                                view! { <option value=id.to_string() selected=move || ws.get() == id>{w.workspace_name}</option> }
                            }).collect_view().into_any(),
                        }}
                    </select>
                </label>
                <span class="spacer"></span>
                <Budget/>
                <span class="busy" role="status" aria-live="polite">
                    {move || (api.in_flight.get() > 0).then(|| view! { <span class="dot" aria-hidden="true"></span>" Loading…" })}
                </span>
                <ThemeToggle/>
                <button type="button" class="btn ghost" on:click=move |_| {
                    api.sign_out();
                    nav.go(&paths::signin());
                }>"Sign out"</button>
            </header>
            <nav class="sidebar" aria-label="Sections">
                <ul>
                    {SECTIONS.iter().map(|(label, section)| {
                        let href = move || format!("/w/{}/{section}", ws.get());
                        let current = move || location.pathname.get().split('/').nth(3).unwrap_or("") == *section;
                        view! {
                            <li><a href=href aria-current=move || current().then_some("page")>{*label}{crate::pages::timesheets::nav_badge(section)}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <main class="content" id="main">
                {move || workspaces.get().and_then(|r| r.err()).map(|e| view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> })}
                <Show when=not_member>
                    <div class="banner warn" role="alert">
                        <p>"You are not a member of workspace " {move || ws.get()} ". Pick one of yours from the list above."</p>
                    </div>
                </Show>
                <p class="visually-hidden">{move || current_name().map(|n| format!("Workspace: {n}"))}</p>
                {move || match refused.get() {
                    Some((w, message)) => view! { <RefusedScreen ws=w message=message/> }.into_any(),
                    None => crate::routes::render(page.get()),
                }}
            </main>
            <ReauthDialog/>
        </div>
    }
}

/// The rate budget: what the client's pacer allows now, and what the server last said.
#[component]
fn Budget() -> impl IntoView {
    let api = use_api();
    let text = move || {
        let b = api.budget.get();
        if b.limit == 0 {
            return "Budget: unlimited".to_owned();
        }
        match b.next_free_in_ms {
            Some(ms) if b.remaining == 0 => format!("Budget spent · frees in {} s", (ms / 1000.0).ceil() as u64),
            _ => format!("Budget {}/{}", b.remaining, b.limit),
        }
    };
    let title = move || {
        let b = api.budget.get();
        let server = b.server.map(|(r, l)| format!("; the server last said {r} of {l} left")).unwrap_or_default();
        format!("API requests left this minute (the API allows {} a minute){server}", b.limit)
    };
    let low = move || {
        let b = api.budget.get();
        b.limit > 0 && b.remaining * 5 < b.limit
    };
    view! {
        <span class="budget" class:low=low title=title aria-label=title>{text}</span>
    }
}

/// `/`: the first workspace's members, or sign-in.
#[component]
pub fn Home() -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let failed = RwSignal::new(None);
    Effect::new(move |_| {
        if api.session.get().is_none() {
            nav.replace(&paths::signin());
            return;
        }
        leptos::task::spawn_local(async move {
            match api.ensure_workspaces().await {
                Ok(list) => match list.first() {
                    Some(w) => nav.replace(&paths::members(w.id)),
                    None => failed
                        .set(Some(webwork_core::ApiError::NotFound { message: "This account belongs to no active workspace.".to_owned() })),
                },
                Err(e) => failed.set(Some(e)),
            }
        });
    });
    view! {
        <main class="content narrow">
            <ErrorBanner error=failed/>
            <p class="muted">"Opening your workspace…"</p>
        </main>
    }
}

/// No route matched.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="content narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <a href="/">"Go to your workspace"</a></p>
        </main>
    }
}
