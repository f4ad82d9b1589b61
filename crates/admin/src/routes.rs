//! Every route of the panel, in one place.
//!
//! Three top-level routes: `/`, `/signin` and everything under `/w/` (the workspace shell).
//! Inside the shell, [`Page::parse`] reads the rest of the path and [`render`] picks the page.
//! Plain matches over the path (from `crate::nav::Location`) instead of a router's generic
//! route types keep the wasm small; back/forward, reload and bookmarks work the same, since the
//! view state is all in the URL. Paths are built by `crate::nav::paths`.
//!
//! Adding a page ("Admin panel II": time entries, timesheets, leaves, expenses, reports): a
//! variant here, a line in `parse` and in `render`, a module under `pages/`.

use leptos::prelude::*;

use crate::pages::shell::{Home, NotFound, Shell};
use crate::pages::signin::SignIn;
use crate::pages::{contracts, members, projects, tasks, viewers, webhooks};
use crate::pages::{dashboard, time_entries, time_requests, timesheets, tracking};
use crate::pages::{expenses, leaves, reports};

/// The top level of the panel, from the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Top {
    Home,
    SignIn,
    /// `/w/...`: the workspace shell, which picks a [`Page`].
    Shell,
    NotFound,
}

impl Top {
    pub fn parse(path: &str) -> Top {
        let path = path.trim_end_matches('/');
        match path {
            "" => Top::Home,
            "/signin" => Top::SignIn,
            _ if path == "/w" || path.starts_with("/w/") => Top::Shell,
            _ => Top::NotFound,
        }
    }
}

/// Renders the top-level route; changes of the path within it re-render nothing here.
#[component]
pub fn AppRoutes() -> impl IntoView {
    let location = crate::nav::use_location();
    let top = Memo::new(move |_| location.pathname.with(|p| Top::parse(p)));
    move || match top.get() {
        Top::Home => view! { <Home/> }.into_any(),
        Top::SignIn => view! { <SignIn/> }.into_any(),
        Top::Shell => view! { <Shell/> }.into_any(),
        Top::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// A page of a workspace, from the path after `/w/{ws}/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/w/{ws}`: the dashboard.
    Home,
    Members,
    MemberInvite,
    Member,
    MemberEdit,
    Projects,
    ProjectNew,
    Project,
    Contracts,
    ContractNew,
    Contract,
    Tasks,
    TaskNew,
    Task,
    Viewers,
    ViewerNew,
    Viewer,
    Webhooks,
    WebhookNew,
    Webhook,
    // Admin panel II, time.
    Tracking,
    TimeEntries,
    Timesheets,
    TimeRequests,
    // Admin panel II: leaves, expenses, reports.
    Leaves,
    LeaveNew,
    Expenses,
    ExpenseNew,
    Expense,
    Reports,
    /// `/w/{ws}/reports/{kind}`, one of `pages::reports::REPORTS`.
    Report(&'static str),
    NotFound,
}

impl Page {
    /// The page for a path such as `/w/1/members/13/edit`.
    pub fn parse(path: &str) -> Page {
        let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
        // Only `/w/{number}/...` is a workspace page (the shell may see other paths for a
        // moment while it navigates away).
        if segs.first() != Some(&"w") || segs.get(1).is_none_or(|ws| ws.parse::<u64>().is_err()) {
            return Page::NotFound;
        }
        let rest: &[&str] = segs.get(2..).unwrap_or(&[]);
        let id = |s: &str| !s.is_empty();
        let num = |s: &str| s.parse::<u64>().is_ok();
        match rest {
            [] => Page::Home,
            ["members"] => Page::Members,
            ["members", "invite"] => Page::MemberInvite,
            ["members", i] if num(i) => Page::Member,
            ["members", i, "edit"] if num(i) => Page::MemberEdit,
            ["projects"] => Page::Projects,
            ["projects", "new"] => Page::ProjectNew,
            ["projects", i] if num(i) => Page::Project,
            ["contracts"] => Page::Contracts,
            ["contracts", "new"] => Page::ContractNew,
            ["contracts", i] if num(i) => Page::Contract,
            ["tasks"] => Page::Tasks,
            ["tasks", "new"] => Page::TaskNew,
            ["tasks", i] if num(i) => Page::Task,
            ["viewers"] => Page::Viewers,
            ["viewers", "new"] => Page::ViewerNew,
            ["viewers", i] if num(i) => Page::Viewer,
            ["webhooks"] => Page::Webhooks,
            ["webhooks", "new"] => Page::WebhookNew,
            ["webhooks", i] if id(i) => Page::Webhook,
            ["tracking"] => Page::Tracking,
            ["time-entries"] => Page::TimeEntries,
            ["timesheets"] => Page::Timesheets,
            ["time-requests"] => Page::TimeRequests,
            ["leaves"] => Page::Leaves,
            ["leaves", "new"] => Page::LeaveNew,
            ["expenses"] => Page::Expenses,
            ["expenses", "new"] => Page::ExpenseNew,
            ["expenses", i] if id(i) => Page::Expense,
            ["reports"] => Page::Reports,
            ["reports", kind] => match reports::REPORTS.iter().find(|(k, _, _)| k == kind) {
                Some((k, _, _)) => Page::Report(k),
                None => Page::NotFound,
            },
            _ => Page::NotFound,
        }
    }
}

/// The view of a page.
pub fn render(page: Page) -> AnyView {
    // `cargo xtask size admin-floor`: no page at all, so the optimiser drops every page's code.
    let page = if cfg!(feature = "size-floor") { Page::NotFound } else { page };
    match page {
        Page::Home => view! { <dashboard::DashboardPage/> }.into_any(),
        Page::Members => view! { <members::MembersPage/> }.into_any(),
        Page::MemberInvite => view! { <members::InvitePage/> }.into_any(),
        Page::Member => view! { <members::MemberDetailPage/> }.into_any(),
        Page::MemberEdit => view! { <members::MemberEditPage/> }.into_any(),
        Page::Projects => view! { <projects::ProjectsPage/> }.into_any(),
        Page::ProjectNew => view! { <projects::ProjectNewPage/> }.into_any(),
        Page::Project => view! { <projects::ProjectPage/> }.into_any(),
        Page::Contracts => view! { <contracts::ContractsPage/> }.into_any(),
        Page::ContractNew => view! { <contracts::ContractNewPage/> }.into_any(),
        Page::Contract => view! { <contracts::ContractPage/> }.into_any(),
        Page::Tasks => view! { <tasks::TasksPage/> }.into_any(),
        Page::TaskNew => view! { <tasks::TaskNewPage/> }.into_any(),
        Page::Task => view! { <tasks::TaskPage/> }.into_any(),
        Page::Viewers => view! { <viewers::ViewersPage/> }.into_any(),
        Page::ViewerNew => view! { <viewers::ViewerNewPage/> }.into_any(),
        Page::Viewer => view! { <viewers::ViewerPage/> }.into_any(),
        Page::Webhooks => view! { <webhooks::WebhooksPage/> }.into_any(),
        Page::WebhookNew => view! { <webhooks::WebhookNewPage/> }.into_any(),
        Page::Webhook => view! { <webhooks::WebhookPage/> }.into_any(),
        Page::Tracking => view! { <tracking::TrackingPage/> }.into_any(),
        Page::TimeEntries => view! { <time_entries::TimeEntriesPage/> }.into_any(),
        Page::Timesheets => view! { <timesheets::TimesheetsPage/> }.into_any(),
        Page::TimeRequests => view! { <time_requests::TimeRequestsPage/> }.into_any(),
        Page::Leaves => view! { <leaves::LeavesPage/> }.into_any(),
        Page::LeaveNew => view! { <leaves::LeaveNewPage/> }.into_any(),
        Page::Expenses => view! { <expenses::ExpensesPage/> }.into_any(),
        Page::ExpenseNew => view! { <expenses::ExpenseNewPage/> }.into_any(),
        Page::Expense => view! { <expenses::ExpensePage/> }.into_any(),
        Page::Reports => view! { <reports::ReportsPage/> }.into_any(),
        Page::Report(kind) => match kind {
            "tracked-hours" => view! { <reports::TrackedHoursPage/> }.into_any(),
            "timeline" => view! { <reports::TimelinePage/> }.into_any(),
            "activity" => view! { <reports::ActivityPage/> }.into_any(),
            "attendance" => view! { <reports::AttendancePage/> }.into_any(),
            _ => view! { <reports::TaskReportPage/> }.into_any(),
        },
        Page::NotFound => view! {
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address in this workspace."</p>
        }
        .into_any(),
    }
}
