//! Every address of the panel, in one place: [`Route`], whose variants carry their parameters,
//! one parser ([`Route::parse`]) and one writer ([`Route::href`]).
//!
//! Pages never read the address to learn where they are: `crate::app` parses it once and hands
//! each page its workspace and item ids as props; links and redirects are `Route::...href()`.
//! Filters and paging stay in the query string (`crate::nav::use_url_query`), outside the route,
//! so changing them re-renders no page. This module depends on no page and on no Leptos view code.
//!
//! Adding a page: a variant here, a line in `parse`, `href` and `section`, a line in
//! `crate::app::render`, a module under `pages/`. Every path the panel ever wrote must keep
//! parsing to the same page (bookmarks exist; tests/panel.rs `old_paths_still_open_their_page`).

use crate::nav::{decode, encode, safe_next, Query};

/// The five reports, in the order the reports page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    TrackedHours,
    Timeline,
    Activity,
    Attendance,
    Tasks,
}

impl ReportKind {
    pub const ALL: [ReportKind; 5] =
        [ReportKind::TrackedHours, ReportKind::Timeline, ReportKind::Activity, ReportKind::Attendance, ReportKind::Tasks];

    /// Its path segment (`/w/{ws}/reports/{kind}`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::TrackedHours => "tracked-hours",
            ReportKind::Timeline => "timeline",
            ReportKind::Activity => "activity",
            ReportKind::Attendance => "attendance",
            ReportKind::Tasks => "tasks",
        }
    }

    fn from_segment(s: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A place in the panel. Workspace pages carry the workspace id `ws`; item pages their item's id
/// (numbers, except webhooks and expenses, whose ids are text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: opens the first workspace, or sign-in.
    Home,
    /// `/signin?next=...`: `next` is where to go once signed in (only a path of this site);
    /// `gateway` is set when a webwork-gateway's sign-in comes back here (`&gateway=1`).
    SignIn {
        next: Option<String>,
        gateway: bool,
    },
    /// `/signed-in`: where a sign-in popup lands (crate::pages::reauth).
    SignedIn,
    /// `/w/{ws}`: the workspace's home, the dashboard.
    Dashboard {
        ws: u64,
    },
    Members {
        ws: u64,
    },
    MemberInvite {
        ws: u64,
    },
    Member {
        ws: u64,
        id: u64,
    },
    MemberEdit {
        ws: u64,
        id: u64,
    },
    Projects {
        ws: u64,
    },
    ProjectNew {
        ws: u64,
    },
    Project {
        ws: u64,
        id: u64,
    },
    Contracts {
        ws: u64,
    },
    ContractNew {
        ws: u64,
    },
    Contract {
        ws: u64,
        id: u64,
    },
    /// The task list; its project is a filter in the query string (`?project=`).
    Tasks {
        ws: u64,
    },
    /// `/w/{ws}/tasks/new?project={project}`: the API files a task under a project.
    TaskNew {
        ws: u64,
        project: u64,
    },
    /// `/w/{ws}/tasks/{id}?project={project}`: the API reads a task by project and id.
    Task {
        ws: u64,
        project: u64,
        id: u64,
    },
    Viewers {
        ws: u64,
    },
    ViewerNew {
        ws: u64,
    },
    Viewer {
        ws: u64,
        id: u64,
    },
    Webhooks {
        ws: u64,
    },
    WebhookNew {
        ws: u64,
    },
    Webhook {
        ws: u64,
        id: String,
    },
    Tracking {
        ws: u64,
    },
    TimeEntries {
        ws: u64,
    },
    Timesheets {
        ws: u64,
    },
    TimeRequests {
        ws: u64,
    },
    Leaves {
        ws: u64,
    },
    LeaveNew {
        ws: u64,
    },
    Expenses {
        ws: u64,
    },
    ExpenseNew {
        ws: u64,
    },
    Expense {
        ws: u64,
        id: String,
    },
    Reports {
        ws: u64,
    },
    Report {
        ws: u64,
        kind: ReportKind,
    },
    /// `/w/{ws}/...` that names no page: "not found" inside the workspace's frame.
    WorkspaceNotFound {
        ws: u64,
    },
    /// Any other address.
    NotFound,
}

impl Route {
    /// The route of an address: a path with an optional query string and fragment
    /// (`/w/1/tasks/7?project=2#x`). Tolerant: a trailing `/` is ignored, path segments are
    /// percent-decoded, and a `next` that is not a path of this site is dropped.
    pub fn parse(url: &str) -> Route {
        let url = url.split_once('#').map_or(url, |(u, _)| u);
        let (path, search) = url.split_once('?').unwrap_or((url, ""));
        let query = Query::parse(search);
        let segs: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
        match segs.as_slice() {
            [] => Route::Home,
            ["signin"] => Route::SignIn { next: safe_next(query.get("next")), gateway: query.get("gateway").is_some() },
            ["signed-in"] => Route::SignedIn,
            ["w", ws, rest @ ..] => match ws.parse::<u64>() {
                Ok(ws) => Route::in_workspace(ws, rest, &query),
                Err(_) => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The page of `/w/{ws}/{rest...}`.
    fn in_workspace(ws: u64, rest: &[&str], query: &Query) -> Route {
        let num = |s: &str| s.parse::<u64>().ok();
        // Tasks are read per project; an address without one reads as project 0 (none).
        let project = || query.get("project").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
        match *rest {
            [] => Route::Dashboard { ws },
            ["members"] => Route::Members { ws },
            ["members", "invite"] => Route::MemberInvite { ws },
            ["members", i] if num(i).is_some() => Route::Member { ws, id: num(i).unwrap_or(0) },
            ["members", i, "edit"] if num(i).is_some() => Route::MemberEdit { ws, id: num(i).unwrap_or(0) },
            ["projects"] => Route::Projects { ws },
            ["projects", "new"] => Route::ProjectNew { ws },
            ["projects", i] if num(i).is_some() => Route::Project { ws, id: num(i).unwrap_or(0) },
            ["contracts"] => Route::Contracts { ws },
            ["contracts", "new"] => Route::ContractNew { ws },
            ["contracts", i] if num(i).is_some() => Route::Contract { ws, id: num(i).unwrap_or(0) },
            ["tasks"] => Route::Tasks { ws },
            ["tasks", "new"] => Route::TaskNew { ws, project: project() },
            ["tasks", i] if num(i).is_some() => Route::Task { ws, project: project(), id: num(i).unwrap_or(0) },
            ["viewers"] => Route::Viewers { ws },
            ["viewers", "new"] => Route::ViewerNew { ws },
            ["viewers", i] if num(i).is_some() => Route::Viewer { ws, id: num(i).unwrap_or(0) },
            ["webhooks"] => Route::Webhooks { ws },
            ["webhooks", "new"] => Route::WebhookNew { ws },
            ["webhooks", id] => Route::Webhook { ws, id: id.to_owned() },
            ["tracking"] => Route::Tracking { ws },
            ["time-entries"] => Route::TimeEntries { ws },
            ["timesheets"] => Route::Timesheets { ws },
            ["time-requests"] => Route::TimeRequests { ws },
            ["leaves"] => Route::Leaves { ws },
            ["leaves", "new"] => Route::LeaveNew { ws },
            ["expenses"] => Route::Expenses { ws },
            ["expenses", "new"] => Route::ExpenseNew { ws },
            ["expenses", id] => Route::Expense { ws, id: id.to_owned() },
            ["reports"] => Route::Reports { ws },
            ["reports", kind] => match ReportKind::from_segment(kind) {
                Some(kind) => Route::Report { ws, kind },
                None => Route::WorkspaceNotFound { ws },
            },
            _ => Route::WorkspaceNotFound { ws },
        }
    }

    /// The address of the route: what [`Route::parse`] reads back as this route.
    pub fn href(&self) -> String {
        let (ws, rest) = match self {
            Route::Home => return "/".to_owned(),
            Route::SignIn { next, gateway } => {
                let mut query = Query::default();
                if *gateway {
                    query.insert("gateway".to_owned(), "1".to_owned());
                }
                if let Some(next) = next {
                    query.insert("next".to_owned(), next.clone());
                }
                return format!("/signin{}", query.to_query_string());
            }
            Route::SignedIn => return "/signed-in".to_owned(),
            Route::NotFound => return "/not-found".to_owned(),
            Route::Dashboard { ws } => return format!("/w/{ws}"),
            Route::WorkspaceNotFound { ws } => (ws, "not-found".to_owned()),
            Route::Members { ws } => (ws, "members".to_owned()),
            Route::MemberInvite { ws } => (ws, "members/invite".to_owned()),
            Route::Member { ws, id } => (ws, format!("members/{id}")),
            Route::MemberEdit { ws, id } => (ws, format!("members/{id}/edit")),
            Route::Projects { ws } => (ws, "projects".to_owned()),
            Route::ProjectNew { ws } => (ws, "projects/new".to_owned()),
            Route::Project { ws, id } => (ws, format!("projects/{id}")),
            Route::Contracts { ws } => (ws, "contracts".to_owned()),
            Route::ContractNew { ws } => (ws, "contracts/new".to_owned()),
            Route::Contract { ws, id } => (ws, format!("contracts/{id}")),
            Route::Tasks { ws } => (ws, "tasks".to_owned()),
            Route::TaskNew { ws, project } => (ws, format!("tasks/new?project={project}")),
            Route::Task { ws, project, id } => (ws, format!("tasks/{id}?project={project}")),
            Route::Viewers { ws } => (ws, "viewers".to_owned()),
            Route::ViewerNew { ws } => (ws, "viewers/new".to_owned()),
            Route::Viewer { ws, id } => (ws, format!("viewers/{id}")),
            Route::Webhooks { ws } => (ws, "webhooks".to_owned()),
            Route::WebhookNew { ws } => (ws, "webhooks/new".to_owned()),
            Route::Webhook { ws, id } => (ws, format!("webhooks/{}", encode(id))),
            Route::Tracking { ws } => (ws, "tracking".to_owned()),
            Route::TimeEntries { ws } => (ws, "time-entries".to_owned()),
            Route::Timesheets { ws } => (ws, "timesheets".to_owned()),
            Route::TimeRequests { ws } => (ws, "time-requests".to_owned()),
            Route::Leaves { ws } => (ws, "leaves".to_owned()),
            Route::LeaveNew { ws } => (ws, "leaves/new".to_owned()),
            Route::Expenses { ws } => (ws, "expenses".to_owned()),
            Route::ExpenseNew { ws } => (ws, "expenses/new".to_owned()),
            Route::Expense { ws, id } => (ws, format!("expenses/{}", encode(id))),
            Route::Reports { ws } => (ws, "reports".to_owned()),
            Route::Report { ws, kind } => (ws, format!("reports/{}", kind.as_str())),
        };
        format!("/w/{ws}/{rest}")
    }

    /// The address with view state in the query string (`?status=active&page=2`): filters for a
    /// list route. Empty values are left out; keys and values are percent-encoded.
    pub fn href_with(&self, query: &[(&str, &str)]) -> String {
        let pairs: Vec<String> = query.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        let href = self.href();
        match (pairs.is_empty(), href.contains('?')) {
            (true, _) => href,
            (false, false) => format!("{href}?{}", pairs.join("&")),
            (false, true) => format!("{href}&{}", pairs.join("&")),
        }
    }

    /// The workspace of a page inside the workspace frame (`/w/{ws}/...`).
    pub fn ws(&self) -> Option<u64> {
        match self {
            Route::Home | Route::SignIn { .. } | Route::SignedIn | Route::NotFound => None,
            Route::Dashboard { ws }
            | Route::WorkspaceNotFound { ws }
            | Route::Members { ws }
            | Route::MemberInvite { ws }
            | Route::Member { ws, .. }
            | Route::MemberEdit { ws, .. }
            | Route::Projects { ws }
            | Route::ProjectNew { ws }
            | Route::Project { ws, .. }
            | Route::Contracts { ws }
            | Route::ContractNew { ws }
            | Route::Contract { ws, .. }
            | Route::Tasks { ws }
            | Route::TaskNew { ws, .. }
            | Route::Task { ws, .. }
            | Route::Viewers { ws }
            | Route::ViewerNew { ws }
            | Route::Viewer { ws, .. }
            | Route::Webhooks { ws }
            | Route::WebhookNew { ws }
            | Route::Webhook { ws, .. }
            | Route::Tracking { ws }
            | Route::TimeEntries { ws }
            | Route::Timesheets { ws }
            | Route::TimeRequests { ws }
            | Route::Leaves { ws }
            | Route::LeaveNew { ws }
            | Route::Expenses { ws }
            | Route::ExpenseNew { ws }
            | Route::Expense { ws, .. }
            | Route::Reports { ws }
            | Route::Report { ws, .. } => Some(*ws),
        }
    }

    /// The navigation section the page belongs to, as that section's own page in workspace
    /// `ws`: a member's page is in Members, a report in Reports. Switching workspace keeps the
    /// section, since item ids of one workspace mean nothing in another.
    pub fn section(&self, ws: u64) -> Route {
        match self {
            Route::Members { .. } | Route::MemberInvite { .. } | Route::Member { .. } | Route::MemberEdit { .. } => Route::Members { ws },
            Route::Projects { .. } | Route::ProjectNew { .. } | Route::Project { .. } => Route::Projects { ws },
            Route::Contracts { .. } | Route::ContractNew { .. } | Route::Contract { .. } => Route::Contracts { ws },
            Route::Tasks { .. } | Route::TaskNew { .. } | Route::Task { .. } => Route::Tasks { ws },
            Route::Viewers { .. } | Route::ViewerNew { .. } | Route::Viewer { .. } => Route::Viewers { ws },
            Route::Webhooks { .. } | Route::WebhookNew { .. } | Route::Webhook { .. } => Route::Webhooks { ws },
            Route::Tracking { .. } => Route::Tracking { ws },
            Route::TimeEntries { .. } => Route::TimeEntries { ws },
            Route::Timesheets { .. } => Route::Timesheets { ws },
            Route::TimeRequests { .. } => Route::TimeRequests { ws },
            Route::Leaves { .. } | Route::LeaveNew { .. } => Route::Leaves { ws },
            Route::Expenses { .. } | Route::ExpenseNew { .. } | Route::Expense { .. } => Route::Expenses { ws },
            Route::Reports { .. } | Route::Report { .. } => Route::Reports { ws },
            Route::Home
            | Route::SignIn { .. }
            | Route::SignedIn
            | Route::NotFound
            | Route::Dashboard { .. }
            | Route::WorkspaceNotFound { .. } => Route::Dashboard { ws },
        }
    }
}
