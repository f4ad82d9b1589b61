//! The application root: contexts (API handle, toasts, location and navigation), the routes and
//! the toasts; and [`render`], which turns a [`Route`] into its page, handing the page its
//! workspace and item ids as props.

use leptos::prelude::*;
use webwork_ui::i18n::t;
use webwork_ui::{provide_toaster, Toasts};

use crate::api::Api;
use crate::nav::Nav;
use crate::pages::shell::{Home, NotFound, Shell};
use crate::pages::signin::SignIn;
use crate::pages::{contracts, members, projects, tasks, viewers, webhooks};
use crate::pages::{dashboard, time_entries, time_requests, timesheets, tracking};
use crate::pages::{expenses, leaves, reports};
use crate::routes::{ReportKind, Route};

/// `lang`: the language whose catalog is installed (crate::i18n); a change of language renders
/// everything below the contexts again, since lookups are not reactive.
#[component]
pub fn App(#[prop(default = crate::i18n::DEFAULT)] lang: &'static str) -> impl IntoView {
    Api::provide();
    provide_toaster();
    webwork_ui::theme::apply_theme(webwork_ui::theme::stored_theme().as_deref());
    Nav::provide();
    let lang = crate::i18n::Lang(RwSignal::new(lang));
    provide_context(lang);
    move || {
        lang.0.track();
        view! {
            <a class="skip-link" href="#main">{t("common-skip-to-content")}</a>
            <AppRoutes/>
            <Toasts/>
        }
    }
}

/// The address, parsed once. A memo of the route, so a navigation that changes only filters or
/// paging (the query string outside the route) re-renders nothing; inside a workspace only the
/// page under the shell is rendered again, the shell stays.
#[component]
fn AppRoutes() -> impl IntoView {
    let location = crate::nav::use_location();
    let route = Memo::new(move |_| location.pathname.with(|p| location.search.with(|s| Route::parse(&format!("{p}{s}")))));
    let in_workspace = Memo::new(move |_| route.with(|r| r.ws().is_some()));
    #[cfg(feature = "split")]
    {
        lazy::preload_when_idle(route);
        lazy::preload_landing_when_idle(route);
    }
    move || {
        if in_workspace.get() {
            return view! { <Shell route page=ViewFn::from(move || render(route.get()))/> }.into_any();
        }
        match route.get() {
            Route::Home => view! { <Home/> }.into_any(),
            Route::SignIn { next, gateway } => view! { <SignIn next gateway/> }.into_any(),
            Route::SignedIn => view! { <crate::pages::reauth::SignedIn/> }.into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

/// The page groups this build leaves out, for `cargo xtask size admin-pages` and `admin-floor`
/// only: the `WEBWORK_SIZE_DROP` of the build, a comma-separated list of the group names in
/// [`render`] (`members`, `reports`, ...) or `all`. Read at compile time, so that a page left out
/// renders "not found" and the optimiser drops its code; empty in every shipped build.
pub const SIZE_DROP: &str = match option_env!("WEBWORK_SIZE_DROP") {
    Some(groups) => groups,
    None => "",
};

/// Whether `group` is named in the comma-separated `list`, or the list is `all` (a `const fn`, so
/// that each page's test is decided when the panel compiles).
pub const fn listed(list: &str, group: &str) -> bool {
    let (list, name) = (list.as_bytes(), group.as_bytes());
    let mut start = 0;
    while start < list.len() {
        let mut end = start;
        while end < list.len() && list[end] != b',' {
            end += 1;
        }
        let item = end - start;
        let all = item == 3 && list[start] == b'a' && list[start + 1] == b'l' && list[start + 2] == b'l';
        let mut same = item == name.len();
        let mut i = 0;
        while same && i < item {
            same = list[start + i] == name[i];
            i += 1;
        }
        if all || same {
            return true;
        }
        start = end + 1;
    }
    false
}

/// A page of `group`, or "not found" when the build leaves the group out (see [`SIZE_DROP`]).
macro_rules! page {
    ($group:literal, $view:expr) => {
        if const { listed(SIZE_DROP, $group) } {
            not_found()
        } else {
            $view.into_any()
        }
    };
}

fn not_found() -> AnyView {
    view! {
        <h1>{t("notfound-title")}</h1>
        <p>{t("notfound-in-workspace")}</p>
    }
    .into_any()
}

/// The view of a workspace page (the shell around it is the caller's). In the split build
/// (feature `split`, `cargo xtask panel --split`) the page's group is a wasm chunk fetched the
/// first time one of its pages opens ([`lazy`]); otherwise every page is in the one module.
pub fn render(route: Route) -> AnyView {
    #[cfg(feature = "split")]
    {
        lazy::render(route)
    }
    #[cfg(not(feature = "split"))]
    {
        match Group::of(&route) {
            Some(group) => group.view_fn()(route),
            None => not_found(),
        }
    }
}

/// A page group: the pages of one section of the sidebar, which ship together (one chunk each in
/// the split build).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Dashboard,
    Tracking,
    TimeEntries,
    Timesheets,
    TimeRequests,
    Leaves,
    Expenses,
    Reports,
    Members,
    Projects,
    Contracts,
    Tasks,
    Viewers,
    Webhooks,
}

/// Builds a page of one group from its route (a plain function pointer, so the split build can
/// hand one out of a chunk once it is loaded).
pub type PageFn = fn(Route) -> AnyView;

impl Group {
    /// In the sidebar's order (which the split build preloads them in).
    pub const ALL: [Group; 14] = [
        Group::Dashboard,
        Group::Tracking,
        Group::TimeEntries,
        Group::Timesheets,
        Group::TimeRequests,
        Group::Leaves,
        Group::Expenses,
        Group::Reports,
        Group::Members,
        Group::Projects,
        Group::Contracts,
        Group::Tasks,
        Group::Viewers,
        Group::Webhooks,
    ];

    /// The group a workspace page belongs to; `None` for the pages outside a workspace.
    pub fn of(route: &Route) -> Option<Group> {
        Some(match route {
            Route::Dashboard { .. } => Group::Dashboard,
            Route::Members { .. } | Route::MemberInvite { .. } | Route::Member { .. } | Route::MemberEdit { .. } => Group::Members,
            Route::Projects { .. } | Route::ProjectNew { .. } | Route::Project { .. } => Group::Projects,
            Route::Contracts { .. } | Route::ContractNew { .. } | Route::Contract { .. } => Group::Contracts,
            Route::Tasks { .. } | Route::TaskNew { .. } | Route::Task { .. } => Group::Tasks,
            Route::Viewers { .. } | Route::ViewerNew { .. } | Route::Viewer { .. } => Group::Viewers,
            Route::Webhooks { .. } | Route::WebhookNew { .. } | Route::Webhook { .. } => Group::Webhooks,
            Route::Tracking { .. } => Group::Tracking,
            Route::TimeEntries { .. } => Group::TimeEntries,
            Route::Timesheets { .. } => Group::Timesheets,
            Route::TimeRequests { .. } => Group::TimeRequests,
            Route::Leaves { .. } | Route::LeaveNew { .. } => Group::Leaves,
            Route::Expenses { .. } | Route::ExpenseNew { .. } | Route::Expense { .. } => Group::Expenses,
            Route::Reports { .. } | Route::Report { .. } => Group::Reports,
            Route::WorkspaceNotFound { .. } | Route::Home | Route::SignIn { .. } | Route::SignedIn | Route::NotFound => return None,
        })
    }

    /// The page builder of the group, linked into the one module (the unsplit build).
    #[cfg(not(feature = "split"))]
    fn view_fn(self) -> PageFn {
        match self {
            Group::Dashboard => dashboard_pages,
            Group::Tracking => tracking_pages,
            Group::TimeEntries => time_entries_pages,
            Group::Timesheets => timesheets_pages,
            Group::TimeRequests => time_requests_pages,
            Group::Leaves => leaves_pages,
            Group::Expenses => expenses_pages,
            Group::Reports => reports_pages,
            Group::Members => members_pages,
            Group::Projects => projects_pages,
            Group::Contracts => contracts_pages,
            Group::Tasks => tasks_pages,
            Group::Viewers => viewers_pages,
            Group::Webhooks => webhooks_pages,
        }
    }
}

fn dashboard_pages(route: Route) -> AnyView {
    match route {
        Route::Dashboard { ws } => page!("dashboard", view! { <dashboard::DashboardPage ws/> }),
        _ => not_found(),
    }
}

fn members_pages(route: Route) -> AnyView {
    match route {
        Route::Members { ws } => page!("members", view! { <members::MembersPage ws/> }),
        Route::MemberInvite { ws } => page!("members", view! { <members::InvitePage ws/> }),
        Route::Member { ws, id } => page!("members", view! { <members::MemberDetailPage ws id/> }),
        Route::MemberEdit { ws, id } => page!("members", view! { <members::MemberEditPage ws id/> }),
        _ => not_found(),
    }
}

fn projects_pages(route: Route) -> AnyView {
    match route {
        Route::Projects { ws } => page!("projects", view! { <projects::ProjectsPage ws/> }),
        Route::ProjectNew { ws } => page!("projects", view! { <projects::ProjectNewPage ws/> }),
        Route::Project { ws, id } => page!("projects", view! { <projects::ProjectPage ws id/> }),
        _ => not_found(),
    }
}

fn contracts_pages(route: Route) -> AnyView {
    match route {
        Route::Contracts { ws } => page!("contracts", view! { <contracts::ContractsPage ws/> }),
        Route::ContractNew { ws } => page!("contracts", view! { <contracts::ContractNewPage ws/> }),
        Route::Contract { ws, id } => page!("contracts", view! { <contracts::ContractPage ws id/> }),
        _ => not_found(),
    }
}

fn tasks_pages(route: Route) -> AnyView {
    match route {
        Route::Tasks { ws } => page!("tasks", view! { <tasks::TasksPage ws/> }),
        Route::TaskNew { ws, project } => page!("tasks", view! { <tasks::TaskNewPage ws project/> }),
        Route::Task { ws, project, id } => page!("tasks", view! { <tasks::TaskPage ws project id/> }),
        _ => not_found(),
    }
}

fn viewers_pages(route: Route) -> AnyView {
    match route {
        Route::Viewers { ws } => page!("viewers", view! { <viewers::ViewersPage ws/> }),
        Route::ViewerNew { ws } => page!("viewers", view! { <viewers::ViewerNewPage ws/> }),
        Route::Viewer { ws, id } => page!("viewers", view! { <viewers::ViewerPage ws id/> }),
        _ => not_found(),
    }
}

fn webhooks_pages(route: Route) -> AnyView {
    match route {
        Route::Webhooks { ws } => page!("webhooks", view! { <webhooks::WebhooksPage ws/> }),
        Route::WebhookNew { ws } => page!("webhooks", view! { <webhooks::WebhookNewPage ws/> }),
        Route::Webhook { ws, id } => page!("webhooks", view! { <webhooks::WebhookPage ws id/> }),
        _ => not_found(),
    }
}

fn tracking_pages(route: Route) -> AnyView {
    match route {
        Route::Tracking { ws } => page!("tracking", view! { <tracking::TrackingPage ws/> }),
        _ => not_found(),
    }
}

fn time_entries_pages(route: Route) -> AnyView {
    match route {
        Route::TimeEntries { ws } => page!("time-entries", view! { <time_entries::TimeEntriesPage ws/> }),
        _ => not_found(),
    }
}

fn timesheets_pages(route: Route) -> AnyView {
    match route {
        Route::Timesheets { ws } => page!("timesheets", view! { <timesheets::TimesheetsPage ws/> }),
        _ => not_found(),
    }
}

fn time_requests_pages(route: Route) -> AnyView {
    match route {
        Route::TimeRequests { ws } => page!("time-requests", view! { <time_requests::TimeRequestsPage ws/> }),
        _ => not_found(),
    }
}

fn leaves_pages(route: Route) -> AnyView {
    match route {
        Route::Leaves { ws } => page!("leaves", view! { <leaves::LeavesPage ws/> }),
        Route::LeaveNew { ws } => page!("leaves", view! { <leaves::LeaveNewPage ws/> }),
        _ => not_found(),
    }
}

fn expenses_pages(route: Route) -> AnyView {
    match route {
        Route::Expenses { ws } => page!("expenses", view! { <expenses::ExpensesPage ws/> }),
        Route::ExpenseNew { ws } => page!("expenses", view! { <expenses::ExpenseNewPage ws/> }),
        Route::Expense { ws, id } => page!("expenses", view! { <expenses::ExpensePage ws id/> }),
        _ => not_found(),
    }
}

fn reports_pages(route: Route) -> AnyView {
    match route {
        Route::Reports { ws } => page!("reports", view! { <reports::ReportsPage ws/> }),
        Route::Report { ws, kind } => match kind {
            ReportKind::TrackedHours => page!("reports", view! { <reports::TrackedHoursPage ws/> }),
            ReportKind::Timeline => page!("reports", view! { <reports::TimelinePage ws/> }),
            ReportKind::Activity => page!("reports", view! { <reports::ActivityPage ws/> }),
            ReportKind::Attendance => page!("reports", view! { <reports::AttendancePage ws/> }),
            ReportKind::Tasks => page!("reports", view! { <reports::TaskReportPage ws/> }),
        },
        _ => not_found(),
    }
}

#[cfg(feature = "split")]
mod lazy;
