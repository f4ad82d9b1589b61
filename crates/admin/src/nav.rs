//! View state in the URL: the workspace in the path, filters and paging in the query string,
//! so back/forward, reload and bookmarks bring a view back exactly.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// Navigates to a path; `true` replaces the current history entry.
type NavigateFn = Rc<dyn Fn(&str, bool)>;

/// Navigation that pages and helpers can hold (Copy) and call from event handlers.
#[derive(Clone, Copy)]
pub struct Nav(StoredValue<NavigateFn, LocalStorage>);

impl Nav {
    /// Captures the router's navigate; call inside the `<Router>`.
    pub fn provide() -> Nav {
        let navigate = use_navigate();
        let nav = Nav(StoredValue::new_local(Rc::new(move |to: &str, replace: bool| {
            navigate(to, NavigateOptions { replace, ..Default::default() })
        })));
        provide_context(nav);
        nav
    }

    pub fn go(&self, to: &str) {
        self.0.with_value(|f| f(to, false));
    }

    /// Navigates without a new history entry (redirects, normalising a URL).
    pub fn replace(&self, to: &str) {
        self.0.with_value(|f| f(to, true));
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// The `n`th segment of a path (`/w/1/members/13`: 1 is `1`, 3 is `13`), percent-decoded.
pub fn segment(path: &str, n: usize) -> Option<String> {
    path.trim_start_matches('/').split('/').nth(n).filter(|s| !s.is_empty()).map(|s| {
        js_sys::decode_uri_component(s).ok().and_then(|v| v.as_string()).unwrap_or_else(|| s.to_owned())
    })
}

/// The current workspace id from the path (`/w/{ws}/...`); 0 when absent.
pub fn use_ws() -> Memo<u64> {
    let loc = use_location();
    Memo::new(move |_| loc.pathname.with(|p| segment(p, 1).and_then(|v| v.parse().ok()).unwrap_or(0)))
}

/// The item id in the path (`/w/{ws}/{section}/{id}`); 0 when absent or not a number.
pub fn use_item_id() -> Memo<u64> {
    let loc = use_location();
    Memo::new(move |_| loc.pathname.with(|p| segment(p, 3).and_then(|v| v.parse().ok()).unwrap_or(0)))
}

/// The item id in the path as text (webhook ids are strings).
pub fn use_item_text() -> Memo<String> {
    let loc = use_location();
    Memo::new(move |_| loc.pathname.with(|p| segment(p, 3).unwrap_or_default()))
}

/// The query string of the current view, read reactively and changed by navigating.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    path: Memo<String>,
    query: Memo<ParamsMap>,
    nav: Nav,
}

pub fn use_url_query() -> UrlQuery {
    let loc = use_location();
    UrlQuery { path: loc.pathname, query: loc.query, nav: use_nav() }
}

impl UrlQuery {
    /// A value, `None` when absent or empty.
    pub fn get(&self, key: &str) -> Option<String> {
        self.query.with(|q| q.get(key)).filter(|v| !v.is_empty())
    }

    pub fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or_default()
    }

    /// A value now, without tracking (initial values of inputs).
    pub fn initial(&self, key: &str) -> String {
        self.query.with_untracked(|q| q.get(key)).unwrap_or_default()
    }

    /// A number, `default` when absent or not a number.
    pub fn num<N: std::str::FromStr>(&self, key: &str, default: N) -> N {
        self.get(key).and_then(|v| v.parse().ok()).unwrap_or(default)
    }

    /// `page`, at least 1.
    pub fn page(&self) -> u32 {
        self.num("page", 1u32).max(1)
    }

    /// `per_page`, within the API's 1..=100 (20 by default, as the API's own default).
    pub fn per_page(&self) -> u32 {
        self.num("per_page", 20u32).clamp(1, 100)
    }

    /// Sets (or, with `None`/empty, removes) values. Changing anything but `page` goes back to
    /// page 1, since the old page number means nothing in a new result.
    pub fn set(&self, changes: &[(&str, Option<String>)]) {
        let mut q = self.query.get_untracked();
        let mut reset_page = false;
        for (key, value) in changes {
            if *key != "page" {
                reset_page = true;
            }
            q.remove(key);
            if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
                q.insert(key.to_string(), v.clone());
            }
        }
        if reset_page && !changes.iter().any(|(k, _)| *k == "page") {
            q.remove("page");
        }
        let qs = q.to_query_string();
        let path = self.path.get_untracked();
        self.nav.go(&format!("{path}{qs}"));
    }

    pub fn set_one(&self, key: &str, value: Option<String>) {
        self.set(&[(key, value)]);
    }
}

/// A return path given in `?next=`: only a path of this site (no scheme, no `//host`).
pub fn safe_next(next: Option<String>) -> Option<String> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && !n.starts_with("/signin"))
}

/// Percent-encodes a query value.
pub fn encode(v: &str) -> String {
    String::from(js_sys::encode_uri_component(v))
}

/// Paths of the panel, in one place.
pub mod paths {
    pub fn signin() -> String {
        "/signin".to_owned()
    }
    pub fn members(ws: u64) -> String {
        format!("/w/{ws}/members")
    }
    pub fn member(ws: u64, id: u64) -> String {
        format!("/w/{ws}/members/{id}")
    }
    pub fn member_edit(ws: u64, id: u64) -> String {
        format!("/w/{ws}/members/{id}/edit")
    }
    pub fn member_invite(ws: u64) -> String {
        format!("/w/{ws}/members/invite")
    }
    pub fn projects(ws: u64) -> String {
        format!("/w/{ws}/projects")
    }
    pub fn project_new(ws: u64) -> String {
        format!("/w/{ws}/projects/new")
    }
    pub fn project(ws: u64, id: u64) -> String {
        format!("/w/{ws}/projects/{id}")
    }
    pub fn contracts(ws: u64) -> String {
        format!("/w/{ws}/contracts")
    }
    pub fn contract_new(ws: u64) -> String {
        format!("/w/{ws}/contracts/new")
    }
    pub fn contract(ws: u64, id: u64) -> String {
        format!("/w/{ws}/contracts/{id}")
    }
    pub fn tasks(ws: u64, project: Option<u64>) -> String {
        match project {
            Some(p) => format!("/w/{ws}/tasks?project={p}"),
            None => format!("/w/{ws}/tasks"),
        }
    }
    pub fn task_new(ws: u64, project: u64) -> String {
        format!("/w/{ws}/tasks/new?project={project}")
    }
    pub fn task(ws: u64, project: u64, id: u64) -> String {
        format!("/w/{ws}/tasks/{id}?project={project}")
    }
    pub fn viewers(ws: u64) -> String {
        format!("/w/{ws}/viewers")
    }
    pub fn viewer_new(ws: u64) -> String {
        format!("/w/{ws}/viewers/new")
    }
    pub fn viewer(ws: u64, id: u64) -> String {
        format!("/w/{ws}/viewers/{id}")
    }
    pub fn webhooks(ws: u64) -> String {
        format!("/w/{ws}/webhooks")
    }
    pub fn webhook_new(ws: u64) -> String {
        format!("/w/{ws}/webhooks/new")
    }
    pub fn webhook(ws: u64, id: &str) -> String {
        format!("/w/{ws}/webhooks/{}", super::encode(id))
    }

    // Admin panel II, time.
    pub fn dashboard(ws: u64) -> String {
        format!("/w/{ws}")
    }
    pub fn tracking(ws: u64) -> String {
        format!("/w/{ws}/tracking")
    }
    /// A member's time entries from `from` to `to` (`YYYY-MM-DD`).
    pub fn time_entries(ws: u64, member: u64, from: &str, to: &str) -> String {
        format!("/w/{ws}/time-entries?member={member}&from={from}&to={to}")
    }
    /// The timesheets list; `status` and `from`/`to` filter when given.
    pub fn timesheets(ws: u64, status: Option<&str>, period: Option<(&str, &str)>) -> String {
        let mut q = Vec::new();
        if let Some(s) = status {
            q.push(format!("status={s}"));
        }
        if let Some((f, t)) = period {
            q.push(format!("from={f}&to={t}"));
        }
        with_query(format!("/w/{ws}/timesheets"), q)
    }
    pub fn time_requests(ws: u64, status: Option<&str>) -> String {
        with_query(format!("/w/{ws}/time-requests"), status.map(|s| format!("status={s}")).into_iter().collect())
    }
    fn with_query(path: String, q: Vec<String>) -> String {
        if q.is_empty() { path } else { format!("{path}?{}", q.join("&")) }
    }
    // ---- Admin panel II: leaves, expenses, reports ----
    pub fn leaves(ws: u64) -> String {
        format!("/w/{ws}/leaves")
    }
    pub fn leave_new(ws: u64) -> String {
        format!("/w/{ws}/leaves/new")
    }
    pub fn expenses(ws: u64) -> String {
        format!("/w/{ws}/expenses")
    }
    pub fn expense_new(ws: u64) -> String {
        format!("/w/{ws}/expenses/new")
    }
    pub fn expense(ws: u64, id: &str) -> String {
        format!("/w/{ws}/expenses/{}", super::encode(id))
    }
    pub fn reports(ws: u64) -> String {
        format!("/w/{ws}/reports")
    }
    /// One report: `tracked-hours`, `timeline`, `activity`, `attendance`, `tasks`.
    pub fn report(ws: u64, kind: &str) -> String {
        format!("/w/{ws}/reports/{kind}")
    }
}
