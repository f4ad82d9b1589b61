//! Every route of the panel, in one place.
//!
//! Four top-level routes: `/`, `/signin`, `/signed-in` (a sign-in popup's landing) and everything under `/w/` (the workspace shell).
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
    /// `/signed-in`: where a sign-in popup lands (crate::pages::reauth).
    SignedIn,
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
            crate::pages::reauth::SIGNED_IN_PATH => Top::SignedIn,
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
        Top::SignedIn => view! { <crate::pages::reauth::SignedIn/> }.into_any(),
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
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address in this workspace."</p>
    }
    .into_any()
}

/// The view of a page.
pub fn render(page: Page) -> AnyView {
    match page {
        Page::Home => page!("dashboard", view! { <dashboard::DashboardPage/> }),
        Page::Members => page!("members", view! { <members::MembersPage/> }),
        Page::MemberInvite => page!("members", view! { <members::InvitePage/> }),
        Page::Member => page!("members", view! { <members::MemberDetailPage/> }),
        Page::MemberEdit => page!("members", view! { <members::MemberEditPage/> }),
        Page::Projects => page!("projects", view! { <projects::ProjectsPage/> }),
        Page::ProjectNew => page!("projects", view! { <projects::ProjectNewPage/> }),
        Page::Project => page!("projects", view! { <projects::ProjectPage/> }),
        Page::Contracts => page!("contracts", view! { <contracts::ContractsPage/> }),
        Page::ContractNew => page!("contracts", view! { <contracts::ContractNewPage/> }),
        Page::Contract => page!("contracts", view! { <contracts::ContractPage/> }),
        Page::Tasks => page!("tasks", view! { <tasks::TasksPage/> }),
        Page::TaskNew => page!("tasks", view! { <tasks::TaskNewPage/> }),
        Page::Task => page!("tasks", view! { <tasks::TaskPage/> }),
        Page::Viewers => page!("viewers", view! { <viewers::ViewersPage/> }),
        Page::ViewerNew => page!("viewers", view! { <viewers::ViewerNewPage/> }),
        Page::Viewer => page!("viewers", view! { <viewers::ViewerPage/> }),
        Page::Webhooks => page!("webhooks", view! { <webhooks::WebhooksPage/> }),
        Page::WebhookNew => page!("webhooks", view! { <webhooks::WebhookNewPage/> }),
        Page::Webhook => page!("webhooks", view! { <webhooks::WebhookPage/> }),
        Page::Tracking => page!("tracking", view! { <tracking::TrackingPage/> }),
        Page::TimeEntries => page!("time-entries", view! { <time_entries::TimeEntriesPage/> }),
        Page::Timesheets => page!("timesheets", view! { <timesheets::TimesheetsPage/> }),
        Page::TimeRequests => page!("time-requests", view! { <time_requests::TimeRequestsPage/> }),
        Page::Leaves => page!("leaves", view! { <leaves::LeavesPage/> }),
        Page::LeaveNew => page!("leaves", view! { <leaves::LeaveNewPage/> }),
        Page::Expenses => page!("expenses", view! { <expenses::ExpensesPage/> }),
        Page::ExpenseNew => page!("expenses", view! { <expenses::ExpenseNewPage/> }),
        Page::Expense => page!("expenses", view! { <expenses::ExpensePage/> }),
        Page::Reports => page!("reports", view! { <reports::ReportsPage/> }),
        Page::Report(kind) => match kind {
            "tracked-hours" => page!("reports", view! { <reports::TrackedHoursPage/> }),
            "timeline" => page!("reports", view! { <reports::TimelinePage/> }),
            "activity" => page!("reports", view! { <reports::ActivityPage/> }),
            "attendance" => page!("reports", view! { <reports::AttendancePage/> }),
            _ => page!("reports", view! { <reports::TaskReportPage/> }),
        },
        Page::NotFound => not_found(),
    }
}
