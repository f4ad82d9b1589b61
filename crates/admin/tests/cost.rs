//! What the dashboard and live tracking cost, in headless Chromium over a scripted `fetch` that
//! answers like the API and writes down every request: the dashboard's cold round (with the
//! navigation's pending badge beside it, as in the shell) stays within 8 requests, and live
//! tracking reads the trackers of the rows on screen only, "Show more" those of the next ones.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use webwork_admin::api::Api;
use webwork_admin::nav::Nav;
use webwork_admin::pages::dashboard::{minutes_today, DashboardPage, ROUND_COST};
use webwork_admin::pages::tracking::{provide_board, Known, TrackingPage, PAGE};
use webwork_admin::routes::Route;
use webwork_core::models::{Role, TrackerState, Workspace};
use webwork_core::FetchTransport;
use webwork_ui::provide_toaster;

mod support;
use support::{container, sleep, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Trackable members in the scripted workspace: more than two pages of rows.
const MEMBERS: u64 = 25;

/// A `fetch` that answers like the API for workspace 1 (today 2026-03-04; members 1 to 25, named
/// so that their order by name is their id order; member 1 is the signed-in owner, whose tracker
/// runs) and pushes every request's path and query onto `globalThis[log]`.
fn api_like_fetch(log: &str) -> FetchTransport {
    let js = format!(
        "const u = new URL(url);
         (globalThis['{log}'] = globalThis['{log}'] || []).push(u.pathname.replace('/api/v2', '') + u.search);
         const q = u.searchParams, path = u.pathname.replace('/api/v2', '');
         const page = (data, total) => ({{ success: true, data, meta: {{ pagination: {{ total, per_page: 100, current_page: 1, last_page: 1 }} }} }});
         let body;
         if (path === '/members') {{
           const data = [];
           for (let i = 1; i <= {MEMBERS}; i++) data.push({{ id: i, email: 'm' + i + '@example.com', firstname: 'Member', lastname: String(i).padStart(2, '0'), current_role: i === 1 ? 'Owner' : 'Regular User', status: 'active' }});
           body = page(data, data.length);
         }} else if (path === '/time-tracking/current-data') {{
           const user = Number(q.get('user_id'));
           const running = user === 1;
           body = {{ success: true, data: {{ user_id: user, date: '2026-03-04', total_minutes: running ? 90 : 0, total_seconds: 0, is_running: running, start_time: running ? '2026-03-04T08:00:00Z' : null, project_name: running ? 'Apollo' : null }} }};
         }} else if (path === '/reports/tracked-hours') {{
           body = {{ success: true, data: {{ report_type: 'tracked_hours', start_date: q.get('start_date'), end_date: q.get('end_date'), total: {{ total_minutes: 300 }},
             dates: {{ '2026-02-24': {{ users: [{{ user_id: 2, total_minutes: 120 }}] }}, '2026-03-02': {{ users: [{{ user_id: 2, total_minutes: 120 }}] }},
                       '2026-03-04': {{ users: [{{ user_id: 1, total_minutes: 60 }}, {{ user_id: 2, total_minutes: 30 }}] }} }} }} }};
         }} else if (path === '/timesheets' || path === '/time-requests' || path === '/leaves') {{
           body = page([], q.get('status') === 'approved' ? 0 : 3);
         }} else {{
           body = {{ success: false, message: 'not scripted: ' + path }};
         }}
         return new Promise(r => setTimeout(() => r(new Response(JSON.stringify(body), {{ status: body.success ? 200 : 404, headers: {{ 'content-type': 'application/json' }} }})), 30));"
    );
    FetchTransport::with_fetch(js_sys::Function::new_with_args("url, init", &js))
}

fn requests(log: &str) -> Vec<String> {
    let list = js_sys::Reflect::get(&js_sys::global(), &log.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    if list.is_undefined() {
        return Vec::new();
    }
    js_sys::Array::from(&list).iter().filter_map(|v| v.as_string()).collect()
}

/// The users whose tracker was asked for.
fn tracker_reads(log: &str) -> Vec<u64> {
    requests(log)
        .iter()
        .filter(|r| r.starts_with("/time-tracking/current-data"))
        .filter_map(|r| r.split("user_id=").nth(1).and_then(|v| v.split('&').next()).and_then(|v| v.parse().ok()))
        .collect()
}

/// The panel's `Api` over the scripted API, signed in as the owner of workspace 1 (the shell
/// loads the workspaces before any page). Each test has its own host and token, so no answer
/// kept for one test (the data layer's cache) is another's.
fn signed_in(log: &str) -> Api {
    let api = Api::with_transport(&format!("http://{log}.test/api/v2"), log, api_like_fetch(log));
    api.workspaces.set(Some(vec![Workspace { id: 1, user_id: 1, workspace_name: "Acme".into(), role: Role::Owner, ..Default::default() }]));
    api
}

fn text_of(el: &HtmlElement, selector: &str) -> Option<String> {
    el.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

/// Mounts `page` with what the shell provides around a page (the API, toasts, navigation, the
/// tracking board).
fn mount_in_shell<V: IntoView + 'static>(api: Api, page: impl FnOnce() -> V + 'static) -> HtmlElement {
    let el = container();
    leptos::mount::mount_to(el.clone(), move || {
        provide_context(api);
        provide_toaster();
        Nav::provide();
        provide_board();
        page()
    })
    .forget();
    el
}

#[wasm_bindgen_test]
async fn a_cold_dashboard_round_costs_at_most_eight_requests() {
    let log = "dashboardcost";
    let api = signed_in(log);
    let el = mount_in_shell(api, || {
        webwork_admin::pages::timesheets::provide_queue_changed();
        let badge = webwork_admin::pages::timesheets::nav_badge(&Route::Timesheets { ws: 1 }, Memo::new(|_| 1));
        view! { {badge} <DashboardPage ws=1/> }
    });
    until("every tile", || text_of(&el, "[data-figure=on-leave]").is_some() && text_of(&el, "[data-figure=pending-leaves]").is_some())
        .await;
    until("the week", || text_of(&el, "[data-figure=hours-week]").is_some()).await;
    // Let anything late go out before counting.
    sleep(500).await;
    let sent = requests(log);
    assert!(sent.len() as u32 <= ROUND_COST && ROUND_COST <= 8, "a cold round: {} requests: {sent:#?}", sent.len());
    let mut distinct = sent.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), sent.len(), "no request twice (the badge's count and the tile's are one): {sent:#?}");
    assert_eq!(tracker_reads(log), vec![1], "the only tracker read is the signed-in user's (it also tells the API's today)");
    assert_eq!(sent.iter().filter(|r| r.starts_with("/reports/tracked-hours")).count(), 1, "one report for both weeks and today");

    // The figures from those answers: the owner's running tracker adds its 30 running minutes
    // to everyone's 90 closed ones today.
    assert_eq!(text_of(&el, "[data-figure=tracking-now]").as_deref(), Some("1"));
    assert!(el.text_content().unwrap_or_default().contains("Member 01 — Apollo"), "the running tracker by name");
    assert_eq!(text_of(&el, "[data-figure=hours-today]").as_deref(), Some("2 h 00 min"));
    assert_eq!(text_of(&el, "[data-figure=pending-timesheets]").as_deref(), Some("3"));
    assert!(el.text_content().unwrap_or_default().contains("Updated 0 s ago"), "says when it was read");
}

#[wasm_bindgen_test]
async fn live_tracking_reads_only_the_trackers_on_screen() {
    let log = "trackingcost";
    let api = signed_in(log);
    let el = mount_in_shell(api, || view! { <TrackingPage ws=1/> });
    let rows = |el: &HtmlElement| el.query_selector_all("table tbody tr").map(|l| l.length()).unwrap_or(0) as usize;
    until("the first rows", || tracker_reads(log).len() == PAGE && rows(&el) == PAGE).await;
    sleep(300).await;
    let first: Vec<u64> = (1..=PAGE as u64).collect();
    let mut read = tracker_reads(log);
    read.sort();
    assert_eq!(read, first, "the trackers of the rows on screen, once each");
    assert_eq!(requests(log).len(), 1 + PAGE, "the directory and a tracker per row: {:#?}", requests(log));
    assert!(el.text_content().unwrap_or_default().contains("Updated 0 s ago"), "says when it was read");

    let more: HtmlElement = el.query_selector("button.show-more").unwrap().expect("Show more").unchecked_into();
    assert_eq!(more.text_content().unwrap_or_default(), format!("Show {PAGE} more ({} not shown)", MEMBERS as usize - PAGE));
    more.click();
    until("the next rows", || rows(&el) == 2 * PAGE).await;
    sleep(300).await;
    let mut read = tracker_reads(log);
    read.sort();
    assert_eq!(read, (1..=2 * PAGE as u64).collect::<Vec<_>>(), "Show more reads the next rows' trackers alone, once each");

    // Refresh now (what a poll does) reads every row on screen again, and none more.
    let refresh: HtmlElement = el.query_selector(".board-status button").unwrap().expect("Refresh now").unchecked_into();
    refresh.click();
    until("the second round", || tracker_reads(log).len() == 4 * PAGE).await;
    sleep(300).await;
    let mut again = tracker_reads(log).split_off(2 * PAGE);
    again.sort();
    assert_eq!(again, (1..=2 * PAGE as u64).collect::<Vec<_>>(), "a round reads the rows on screen");
}

#[wasm_bindgen_test]
fn hours_today_add_only_the_running_part_of_known_trackers() {
    let state = |user: u64, running: bool, total: i64, date: &str| Known {
        user,
        state: Ok(TrackerState { user_id: user, is_running: Some(running), total_minutes: total, date: date.into(), ..Default::default() }),
        at: 0.0,
    };
    let closed = [(1, 60), (2, 30)];
    assert_eq!(minutes_today(&closed, &[], "2026-03-04"), 90, "closed time alone");
    // Member 1 runs: 90 today of which 60 closed; member 2 is idle; member 3 started with no
    // closed time; a reply from yesterday counts for nothing today.
    let known = [
        state(1, true, 90, "2026-03-04"),
        state(2, false, 30, "2026-03-04"),
        state(3, true, 15, "2026-03-04"),
        state(4, true, 50, "2026-03-03"),
    ];
    assert_eq!(minutes_today(&closed, &known, "2026-03-04"), 90 + 30 + 15);
    let unread = Known { user: 5, state: Err("network".into()), at: 0.0 };
    assert_eq!(minutes_today(&closed, &[unread], "2026-03-04"), 90, "an unread tracker adds nothing");
}
