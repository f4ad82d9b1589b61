//! The address as signals, history entries and links followed in place, and the view state in
//! the query string (filters, paging), so back/forward, reload and bookmarks bring a view back
//! exactly. What the path means (which page, which workspace and item) is `crate::routes::Route`.
//!
//! The panel keeps its own location instead of `leptos_router`: it dispatches pages itself
//! (`crate::routes`, `crate::app`), so all it needs from a router is the URL as signals, history entries, and
//! same-origin links followed without a reload. Doing that here saves the router's generic
//! route matching (crates/admin/README.md, "Size rules in the code").

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The browser's address as signals: `pathname` (`/w/1/members`), `search` (`?page=2`, or
/// empty) and the parsed `query`. Memos, so a navigation that changes only the query string
/// wakes nothing that reads only the path.
#[derive(Clone, Copy)]
pub struct Location {
    url: RwSignal<(String, String)>,
    pub pathname: Memo<String>,
    pub search: Memo<String>,
    pub query: Memo<Query>,
}

impl Location {
    fn new() -> Location {
        let url = RwSignal::new(browser_url());
        Location {
            url,
            pathname: Memo::new(move |_| url.with(|u| u.0.clone())),
            search: Memo::new(move |_| url.with(|u| u.1.clone())),
            query: Memo::new(move |_| url.with(|u| Query::parse(&u.1))),
        }
    }

    /// Re-reads the address (after Back/Forward or a history call).
    fn sync(&self) {
        self.url.set(browser_url());
    }
}

/// `(pathname, search)` of the window's address.
fn browser_url() -> (String, String) {
    let loc = window().location();
    (loc.pathname().unwrap_or_else(|_| "/".to_owned()), loc.search().unwrap_or_default())
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A query string as ordered key/value pairs (decoded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Reads `?a=1&b=x%20y` (the leading `?` optional; `+` is a space, as browsers send forms).
    pub fn parse(search: &str) -> Query {
        let decode = |s: &str| decode(&s.replace('+', " "));
        Query(
            search
                .trim_start_matches('?')
                .split('&')
                .filter(|kv| !kv.is_empty())
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    pub fn insert(&mut self, key: String, value: String) {
        self.remove(&key);
        self.0.push((key, value));
    }

    /// `?a=1&b=x%20y`, or empty when there is nothing.
    pub fn to_query_string(&self) -> String {
        let pairs: Vec<String> = self.0.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }
}

/// Navigates to a path; `true` replaces the current history entry.
type NavigateFn = Rc<dyn Fn(&str, bool)>;

/// Navigation that pages and helpers can hold (Copy) and call from event handlers.
#[derive(Clone, Copy)]
pub struct Nav(StoredValue<NavigateFn, LocalStorage>);

impl Nav {
    /// Provides the [`Location`] and the [`Nav`], and starts following Back/Forward and
    /// same-origin link clicks. Call once, at the root.
    pub fn provide() -> Nav {
        let location = Location::new();
        provide_context(location);
        let nav = Nav(StoredValue::new_local(Rc::new(move |to: &str, replace: bool| go_to(location, to, replace))));
        provide_context(nav);
        let on_pop = window_event_listener_untyped("popstate", move |_| location.sync());
        // Clicks bubble to the window after the elements' own handlers, so a handler that
        // prevents the default keeps its link.
        let on_click = window_event_listener_untyped("click", move |ev| {
            if let Ok(ev) = ev.dyn_into::<web_sys::MouseEvent>() {
                follow_link(location, ev);
            }
        });
        on_cleanup(move || {
            on_pop.remove();
            on_click.remove();
        });
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

/// A history entry for `to` (a path of this site, with query and hash), then the signals.
/// A new page starts at the top; a new query string (filters, paging) keeps the scroll.
fn go_to(location: Location, to: &str, replace: bool) {
    let Ok(history) = window().history() else { return };
    let pushed = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    };
    if pushed.is_err() {
        // Not a URL of this origin: let the browser go there.
        let _ = window().location().set_href(to);
        return;
    }
    let before = location.pathname.get_untracked();
    location.sync();
    if location.pathname.get_untracked() != before {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Follows a click on a link to this site in place (no reload), the way a router does: a plain
/// left click on an `<a href>` of this origin without `target`, `download` or
/// `rel="external"`. Modified clicks (new tab, download) and links within the page (`#main`)
/// stay the browser's.
fn follow_link(location: Location, ev: web_sys::MouseEvent) {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(a) = link else { return };
    if a.has_attribute("download") || !matches!(a.target().as_str(), "" | "_self") || a.rel().split_whitespace().any(|r| r == "external") {
        return;
    }
    let here = window().location();
    if here.origin().ok() != Some(a.origin()) {
        return;
    }
    let (path, search, hash) = (a.pathname(), a.search(), a.hash());
    if !hash.is_empty() && here.pathname().is_ok_and(|p| p == path) && here.search().is_ok_and(|s| s == search) {
        return;
    }
    ev.prevent_default();
    go_to(location, &format!("{path}{search}{hash}"), false);
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// Percent-decodes; text that is not valid percent-encoding is kept as it is.
pub(crate) fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s).ok().and_then(|v| v.as_string()).unwrap_or_else(|| s.to_owned())
}

/// The query string of the current view, read reactively and changed by navigating.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    path: Memo<String>,
    query: Memo<Query>,
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
