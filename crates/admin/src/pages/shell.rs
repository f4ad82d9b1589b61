//! The frame around every workspace page: header (workspace switcher, rate budget, in-flight
//! indicator, theme, sign out), navigation, the guard that sends a signed-out visitor to
//! the sign-in page with the way back, and what replaces the page when the server refuses the
//! session (sign in again, over the page) or the role (one screen that says why).

use std::time::Duration;

use leptos::prelude::*;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{ErrorBanner, ThemeToggle};

use crate::api::use_api;
use crate::nav::{use_location, use_nav};
use crate::pages::reauth::{ReauthDialog, RefusedScreen};
use crate::routes::Route;

/// A section of the navigation: its label's message id, and its page in a workspace.
type Section = (&'static str, fn(u64) -> Route);

/// Sections of the navigation.
const SECTIONS: &[Section] = &[
    // Admin panel II, time: the dashboard is the workspace's home (`/w/{ws}`).
    (msg_id("nav-dashboard"), |ws| Route::Dashboard { ws }),
    (msg_id("nav-tracking"), |ws| Route::Tracking { ws }),
    (msg_id("nav-time-entries"), |ws| Route::TimeEntries { ws }),
    (msg_id("nav-timesheets"), |ws| Route::Timesheets { ws }),
    (msg_id("nav-time-requests"), |ws| Route::TimeRequests { ws }),
    (msg_id("nav-leaves"), |ws| Route::Leaves { ws }),
    (msg_id("nav-expenses"), |ws| Route::Expenses { ws }),
    (msg_id("nav-reports"), |ws| Route::Reports { ws }),
    (msg_id("nav-members"), |ws| Route::Members { ws }),
    (msg_id("nav-projects"), |ws| Route::Projects { ws }),
    (msg_id("nav-contracts"), |ws| Route::Contracts { ws }),
    (msg_id("nav-tasks"), |ws| Route::Tasks { ws }),
    (msg_id("nav-viewers"), |ws| Route::Viewers { ws }),
    (msg_id("nav-webhooks"), |ws| Route::Webhooks { ws }),
];

/// `route` is where the person is (a page of a workspace); `page` renders it, and is rendered again
/// when the route changes (a new query string outside the route re-renders nothing here).
#[component]
pub fn Shell(route: Memo<Route>, page: ViewFn) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let ws = Memo::new(move |_| route.with(|r| r.ws().unwrap_or(0)));
    let location = use_location();
    // The live trackers (dashboard, tracking) and the pending-timesheets count of the navigation.
    crate::pages::tracking::provide_board();
    crate::pages::timesheets::provide_queue_changed();

    // Signed out (never signed in, signed out, or the token refused): to sign-in, with the way back.
    Effect::new(move |_| {
        if api.session.get().is_none() {
            let search = location.search.get_untracked();
            let sep = if search.is_empty() || search.starts_with('?') { "" } else { "?" };
            let here = format!("{}{sep}{search}", location.pathname.get_untracked());
            nav.replace(&Route::SignIn { next: Some(here), gateway: false }.href());
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

    if let Ok(handle) = set_interval_with_handle(
        move || {
            api.refresh_budget();
            api.now.set(crate::cache::now_ms());
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    let switch = move |ev: leptos::ev::Event| {
        if let Ok(id) = event_target_value(&ev).parse::<u64>() {
            // Same section in the other workspace; ids of one workspace mean nothing in another.
            nav.go(&route.with_untracked(|r| r.section(id)).href());
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
                <a class="brand" href="/">{t("app-name")}</a>
                <label class="ws-switch">
                    <span class="visually-hidden">{t("header-workspace")}</span>
                    <select aria-label=t("header-workspace") on:change=switch>
                        {move || match api.workspaces.get() {
                            None => view! { <option>{t("header-loading-workspaces")}</option> }.into_any(),
                            Some(list) => list.into_iter().map(|w| {
                                let id = w.id;
                                view! { <option value=id.to_string() selected=move || ws.get() == id>{w.workspace_name}</option> }
                            }).collect_view().into_any(),
                        }}
                    </select>
                </label>
                <span class="spacer"></span>
                <DataAge/>
                <Budget/>
                <span class="busy" role="status" aria-live="polite">
                    {move || (api.in_flight.get() > 0).then(|| view! { <span class="dot" aria-hidden="true"></span>" " {t("common-loading")} })}
                </span>
                <crate::i18n::LanguagePicker/>
                <ThemeToggle/>
                <button type="button" class="btn ghost" on:click=move |_| {
                    api.sign_out();
                    nav.go(&Route::SignIn { next: None, gateway: false }.href());
                }>{t("header-sign-out")}</button>
            </header>
            <nav class="sidebar" aria-label=t("nav-label")>
                <ul>
                    {SECTIONS.iter().map(|(label, section)| {
                        let href = move || section(ws.get()).href();
                        let current = move || route.with(|r| r.section(ws.get()) == section(ws.get()));
                        let badge = crate::pages::timesheets::nav_badge(&section(0), ws);
                        view! {
                            <li><a href=href aria-current=move || current().then_some("page")>{t(label)}{badge}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <main class="content" id="main" tabindex="-1">
                {move || workspaces.get().and_then(|r| r.err()).map(|e| view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> })}
                <Show when=not_member>
                    <div class="banner warn" role="alert">
                        <p>{move || t_args("shell-not-member", &[("workspace", ws.get().to_string().into())])}</p>
                    </div>
                </Show>
                <p class="visually-hidden">{move || current_name().map(|n| t_args("shell-workspace-name", &[("name", n.into())]))}</p>
                {move || match refused.get() {
                    Some((w, message)) => view! { <RefusedScreen ws=w message=message/> }.into_any(),
                    None => page.run(),
                }}
            </main>
            <ReauthDialog/>
        </div>
    }
}

/// The rate budget: the server's figures when its last answer carried them, else our own count
/// labelled as an estimate, and when it is spent, how long until the next request may go.
#[component]
pub fn Budget() -> impl IntoView {
    let api = use_api();
    let low = move || {
        let b = api.budget.get();
        let (remaining, limit) = b.server.unwrap_or((b.remaining, b.limit));
        b.spent_for_ms().is_some() || (limit > 0 && remaining * 5 < limit)
    };
    view! {
        <span
            class="budget"
            class:low=low
            class:estimate=move || api.budget.with(|b| b.server.is_none())
            title=move || api.budget.with(|b| b.title())
        >
            {move || api.budget.with(|b| b.text())}
        </span>
    }
}

/// How old an answer is, short: "40 s", "3 min", "2 h" (in the reader's language, by Intl).
pub fn age_text(ms: f64) -> String {
    let s = (ms / 1000.0).floor().max(0.0);
    crate::format::duration(match s as u64 {
        0..60 => s,
        60..3600 => (s / 60.0).floor() * 60.0,
        _ => (s / 3600.0).floor() * 3600.0,
    })
}

/// How old the data on screen is, once it is old enough to matter (shown from the cache, or a
/// poll that waits for the budget): the oldest answer any part of the page shows.
#[component]
pub fn DataAge() -> impl IntoView {
    const WORTH_SAYING_MS: f64 = 20_000.0;
    let api = use_api();
    let now = api.now;
    let oldest = move || api.shown.with(|v| v.iter().filter_map(|s| s.get()).reduce(f64::min));
    let age = move || oldest().map(|at| now.get() - at).filter(|ms| *ms >= WORTH_SAYING_MS);
    move || {
        age().map(|ms| {
            let refreshing = api.revalidating.get() > 0;
            let title = if refreshing { t("shell-data-age-refreshing-title") } else { t("shell-data-age-title") };
            view! {
                <span class="data-age" title=title>
                    {t_args("shell-data-age", &[("age", age_text(ms).into())])}
                    {refreshing.then(|| t("shell-data-age-refreshing"))}
                </span>
            }
        })
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
            nav.replace(&Route::SignIn { next: None, gateway: false }.href());
            return;
        }
        leptos::task::spawn_local(async move {
            match api.ensure_workspaces().await {
                Ok(list) => match list.first() {
                    Some(w) => nav.replace(&Route::Members { ws: w.id }.href()),
                    None => failed.set(Some(webwork_core::ApiError::NotFound { message: t("home-no-workspace") })),
                },
                Err(e) => failed.set(Some(e)),
            }
        });
    });
    view! {
        <main class="content narrow" id="main" tabindex="-1">
            <ErrorBanner error=failed/>
            <p class="muted">{t("home-opening")}</p>
        </main>
    }
}

/// No route matched.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="content narrow" id="main" tabindex="-1">
            <h1>{t("notfound-title")}</h1>
            <p>{t("notfound-nothing-here")} " " <a href="/">{t("notfound-go-home")}</a></p>
        </main>
    }
}
