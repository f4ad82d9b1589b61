//! Panel tests in headless Chromium: forms against a scripted `fetch` (the real client, the
//! real envelope decoding), the 401 path, routes and the sign-in messages.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};
use webwork_admin::api::Api;
use webwork_admin::nav::safe_next;
use webwork_admin::nav::Query;
use webwork_admin::pages::members::InviteForm;
use webwork_admin::pages::signin::sign_in_problem;
use webwork_admin::routes::{ReportKind, Route};
use webwork_core::{ApiError, FetchTransport};
use webwork_ui::provide_toaster;

mod support;
use support::{container, sleep, until};

wasm_bindgen_test_configure!(run_in_browser);

/// A `fetch` that answers every call with `status` and `body` after 150 ms, counting calls in
/// `globalThis[counter]` and keeping the last request body in `globalThis[counter + "_body"]`.
fn scripted_fetch(counter: &str, status: u16, body: &str) -> FetchTransport {
    let js = format!(
        "globalThis['{counter}'] = (globalThis['{counter}'] || 0) + 1;
         globalThis['{counter}_body'] = init && init.body;
         return new Promise(r => setTimeout(() => r(new Response({body:?}, {{ status: {status}, headers: {{ 'content-type': 'application/json' }} }})), 150));"
    );
    FetchTransport::with_fetch(js_sys::Function::new_with_args("url, init", &js))
}

fn calls(counter: &str) -> u32 {
    js_sys::Reflect::get(&js_sys::global(), &counter.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32
}

fn last_body(counter: &str) -> String {
    js_sys::Reflect::get(&js_sys::global(), &format!("{counter}_body").into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn input(el: &HtmlElement, name: &str) -> HtmlInputElement {
    el.query_selector(&format!("[name={name}]")).unwrap().unwrap_or_else(|| panic!("field {name}")).unchecked_into()
}

fn field_error(el: &HtmlElement, name: &str) -> String {
    el.query_selector(&format!("#f-{name}-error")).unwrap().unwrap().text_content().unwrap_or_default()
}

fn mount_invite(api: Api) -> HtmlElement {
    let el = container();
    leptos::mount::mount_to(el.clone(), move || {
        provide_context(api);
        provide_toaster();
        view! { <InviteForm ws=1/> }
    })
    .forget();
    el
}

#[wasm_bindgen_test]
async fn a_422_lands_at_its_field_keeps_every_value_and_saves_once() {
    let counter = "invite422";
    let body = r#"{"success":false,"message":"The email field has already been taken.","meta":{"api_version":"2.0.0"}}"#;
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch(counter, 422, body));
    let el = mount_invite(api);
    sleep(20).await;
    let save: HtmlButtonElement = el.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into();

    type_into(&input(&el, "email"), "not-an-address");
    sleep(20).await;
    assert_eq!(field_error(&el, "email"), "Must be an e-mail address such as name@example.com.");
    assert!(save.disabled(), "Save is disabled while a field is wrong");

    type_into(&input(&el, "email"), "ada@example.com");
    type_into(&input(&el, "firstname"), "Ada");
    type_into(&input(&el, "lastname"), "<b>Lovelace</b>");
    sleep(20).await;
    assert!(!save.disabled());

    save.click();
    save.click(); // a double click sends once
    sleep(20).await;
    assert!(save.disabled(), "Save is disabled while saving");
    // Both clicks came before the answer: once the save has ended (its error is at the field),
    // a second request would have been counted.
    until("the save to end", || field_error(&el, "email") == "The email field has already been taken.").await;
    assert_eq!(calls(counter), 1, "one request for two clicks");
    assert!(last_body(counter).contains("\"email\":\"ada@example.com\""), "{}", last_body(counter));

    assert_eq!(field_error(&el, "email"), "The email field has already been taken.");
    assert_eq!(input(&el, "email").value(), "ada@example.com");
    assert_eq!(input(&el, "firstname").value(), "Ada");
    assert_eq!(input(&el, "lastname").value(), "<b>Lovelace</b>");
    assert!(el.query_selector("b").unwrap().is_none());
    assert!(el.query_selector(".banner.error").unwrap().is_none(), "a field error is not repeated as a banner");
}

#[wasm_bindgen_test]
async fn an_error_without_a_field_shows_on_the_form_and_keeps_values() {
    let counter = "invite403";
    let body = r#"{"success":false,"message":"Only owners and executive managers may invite.","meta":{}}"#;
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch(counter, 403, body));
    let el = mount_invite(api);
    sleep(20).await;
    type_into(&input(&el, "email"), "grace@example.com");
    type_into(&input(&el, "firstname"), "Grace");
    type_into(&input(&el, "lastname"), "Hopper");
    sleep(20).await;
    el.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into::<HtmlButtonElement>().click();
    until("a form-level banner", || el.query_selector(".banner.error").unwrap().is_some()).await;
    let banner = el.query_selector(".banner.error").unwrap().expect("a form-level banner");
    let text = banner.text_content().unwrap();
    assert!(text.contains("Not allowed"), "{text}");
    assert!(text.contains("Only owners and executive managers may invite."), "{text}");
    assert_eq!(input(&el, "firstname").value(), "Grace");
    assert!(
        !el.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into::<HtmlButtonElement>().disabled(),
        "Save is back for another try"
    );
}

#[wasm_bindgen_test]
async fn an_invitation_shows_its_link() {
    let counter = "invite201";
    let body = r#"{"success":true,"data":{"user_id":77,"invitation_link":"https://webwork-tracker.com/join/abc"},"message":"Member invited successfully","meta":{}}"#;
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch(counter, 201, body));
    let el = mount_invite(api);
    sleep(20).await;
    type_into(&input(&el, "email"), "alan@example.com");
    type_into(&input(&el, "firstname"), "Alan");
    type_into(&input(&el, "lastname"), "Turing");
    sleep(20).await;
    el.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into::<HtmlButtonElement>().click();
    until("the link to the new member", || el.query_selector("a[href='/w/1/members/77']").unwrap().is_some()).await;
    let text = el.text_content().unwrap();
    assert!(text.contains("https://webwork-tracker.com/join/abc"), "{text}");
    let link = el.query_selector("a[href='/w/1/members/77']").unwrap();
    assert!(link.is_some(), "a link to the new member");
}

/// `save_with` (the task form's save: the task, then its assignees) is the same submit as
/// `save`: one run for two clicks, the error at its field with the values kept, and what follows
/// a success only after the form is finished.
#[wasm_bindgen_test]
async fn a_save_of_several_calls_runs_once_and_ends_like_a_single_save() {
    use std::cell::Cell;
    use std::rc::Rc;
    use webwork_admin::api::save_with;
    use webwork_ui::{FieldState, Form};

    // Mounting starts Leptos' executor, which the save's task runs on.
    leptos::mount::mount_to(container(), || ()).forget();
    let owner = Owner::new();
    owner.set();
    let title = FieldState::new("title", "Write the report");
    let form = Form::new(vec![title]);
    let (runs, succeeded) = (Rc::new(Cell::new(0u32)), Rc::new(Cell::new(false)));
    for _ in 0..2 {
        let (runs, succeeded) = (runs.clone(), succeeded.clone());
        save_with(
            form,
            async move {
                runs.set(runs.get() + 1);
                sleep(50).await;
                Err::<u64, _>(ApiError::InvalidRequest { field: "title", reason: "is taken".to_owned() })
            },
            move |_| succeeded.set(true),
        );
    }
    assert!(form.saving.get_untracked(), "saving while the calls run");
    until("the save to end", || !form.saving.get_untracked()).await;
    assert_eq!(runs.get(), 1, "the second click is ignored while the first save runs");
    assert!(!succeeded.get(), "no success after an error");
    assert!(!form.saving.get_untracked(), "Save is back for another try");
    assert_eq!(title.server_error.get_untracked().as_deref(), Some("Is taken."));
    assert!(form.error.get_untracked().is_none(), "a field error is not repeated on the form");
    assert_eq!(title.value.get_untracked(), "Write the report");

    title.server_error.set(None);
    let saved = Rc::new(Cell::new(None));
    let seen = saved.clone();
    save_with(form, async { Ok(31u64) }, move |id| seen.set(Some((id, form.saving.get_untracked()))));
    sleep(50).await;
    assert_eq!(saved.get(), Some((31, false)), "on_ok gets the result once the form is finished");
}

#[wasm_bindgen_test]
async fn a_401_asks_to_sign_in_again_and_keeps_the_session() {
    let counter = "expired401";
    let body = r#"{"success":false,"message":"Unauthenticated.","meta":{}}"#;
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch(counter, 401, body));
    assert!(api.session.get_untracked().is_some());
    let err = api.send(webwork_core::ops::ListWorkspaces::new()).await.unwrap_err();
    assert_eq!(err.kind(), "unauthorized");
    assert!(api.expired.get_untracked(), "the shell's sign-in dialog opens");
    assert!(api.session.get_untracked().is_some(), "the session (and the page with its forms) stays until the person acts");
    assert_eq!(api.in_flight.get_untracked(), 0);
    api.sign_out();
    assert!(api.session.get_untracked().is_none() && !api.expired.get_untracked(), "signing out instead ends it");
}

#[wasm_bindgen_test]
async fn a_403_on_a_read_for_a_role_below_executive_is_the_apis_access_rule() {
    use webwork_core::models::{Role, Workspace};
    use webwork_core::ops::{ListMembers, ListProjects};
    let counter = "refused403";
    let body = r#"{"success":false,"message":"The API is open to workspace owners and executive managers only (your role here: Regular User).","meta":{}}"#;
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch(counter, 403, body));
    let ws = |id: u64, role: Role| Workspace { id, workspace_name: format!("W{id}"), role, ..Default::default() };
    api.workspaces.set(Some(vec![ws(1, Role::Owner), ws(2, Role::RegularUser)]));

    assert!(api.send(ListMembers::new(1u64)).await.is_err());
    assert_eq!(api.refused.get_untracked(), None, "an owner's 403 is an ordinary refusal");
    assert!(api.send(webwork_core::ops::ListProjectViewers::new(2u64)).await.is_err());
    assert_eq!(api.refused.get_untracked(), None, "a read the role table refuses too is an ordinary refusal");
    assert!(api.send(ListProjects::new(2u64)).await.is_err());
    let (ws_id, message) = api.refused.get_untracked().expect("a regular user's refused read is the role's refusal");
    assert_eq!(ws_id, 2);
    assert!(message.contains("owners and executive managers only"), "{message}");
}

#[wasm_bindgen_test]
async fn identical_reads_at_once_share_one_request_and_a_change_starts_afresh() {
    use webwork_core::ops::{DeleteProjectViewer, ListWorkspaces};
    let counter = "sharedreads";
    let body = r#"{"success":true,"data":[{"id":1,"name":"Acme","user_id":5,"role":"Owner","status":"active"}],"message":"ok","meta":{}}"#;
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch(counter, 200, body));

    let (a, b, other) =
        futures_util::join!(api.send(ListWorkspaces::new()), api.send(ListWorkspaces::new()), api.send(ListWorkspaces::new().page(2u32)));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len(), 1);
    assert_eq!(a, b, "both callers get the answer");
    assert!(other.is_ok());
    assert_eq!(calls(counter), 2, "two identical reads at once make one request; another page makes its own");
    assert_eq!(api.in_flight.get_untracked(), 0);

    api.send(ListWorkspaces::new()).await.unwrap();
    assert_eq!(calls(counter), 3, "a read after the answer came asks again");

    // A read asked for after a change starts while the earlier read is still out: it must not
    // be handed the answer from before the change.
    let (before, (_, after)) = futures_util::join!(api.send(ListWorkspaces::new()), async {
        futures_util::join!(api.send(DeleteProjectViewer::new(9u64, 1u64)), api.send(ListWorkspaces::new()))
    });
    assert!(before.is_ok() && after.is_ok());
    assert_eq!(calls(counter), 6, "the read, the change and the read after it each went out");
}

#[wasm_bindgen_test]
fn a_size_build_leaves_out_exactly_the_groups_it_names() {
    use webwork_admin::app::{listed, SIZE_DROP};
    assert!(listed("members", "members"));
    assert!(listed("time-entries,reports", "reports"));
    assert!(listed("time-entries,reports", "time-entries"));
    assert!(listed("all", "webhooks"));
    assert!(!listed("time-entries,reports", "time"));
    assert!(!listed("members", "member"));
    assert!(!listed("", "members"));
    assert!(!listed("allx", "members"));
    // The tests run the panel whole.
    assert_eq!(SIZE_DROP, "");
}

/// The page groups (each a wasm chunk in the split build): every page of a workspace has one, the
/// pages outside have none, and each section of the sidebar opens its own group, in order.
#[wasm_bindgen_test]
fn every_workspace_page_belongs_to_a_page_group() {
    use webwork_admin::app::Group;
    for route in every_route() {
        let in_workspace = route.ws().is_some() && !matches!(route, Route::WorkspaceNotFound { .. });
        assert_eq!(Group::of(&route).is_some(), in_workspace, "{route:?}");
    }
    let sidebar = [
        Route::Dashboard { ws: 1 },
        Route::Tracking { ws: 1 },
        Route::TimeEntries { ws: 1 },
        Route::Timesheets { ws: 1 },
        Route::TimeRequests { ws: 1 },
        Route::Leaves { ws: 1 },
        Route::Expenses { ws: 1 },
        Route::Reports { ws: 1 },
        Route::Members { ws: 1 },
        Route::Projects { ws: 1 },
        Route::Contracts { ws: 1 },
        Route::Tasks { ws: 1 },
        Route::Viewers { ws: 1 },
        Route::Webhooks { ws: 1 },
    ];
    let groups: Vec<Option<Group>> = sidebar.iter().map(Group::of).collect();
    assert_eq!(groups, Group::ALL.map(Some).to_vec());
    assert_eq!(Group::of(&Route::Task { ws: 1, project: 2, id: 3 }), Some(Group::Tasks));
    assert_eq!(Group::of(&Route::Report { ws: 1, kind: ReportKind::Timeline }), Some(Group::Reports));
}

/// One of every route, with the awkward values (text ids that need encoding, a `next` with its
/// own query string).
fn every_route() -> Vec<Route> {
    let ws = 7;
    let mut all = vec![
        Route::Home,
        Route::SignIn { next: None, gateway: false },
        Route::SignIn { next: Some("/w/1/members?status=active&page=2".to_owned()), gateway: false },
        Route::SignIn { next: Some("/w/1/tasks/5?project=2".to_owned()), gateway: true },
        Route::SignIn { next: None, gateway: true },
        Route::SignedIn,
        Route::Dashboard { ws },
        Route::Members { ws },
        Route::MemberInvite { ws },
        Route::Member { ws, id: 13 },
        Route::MemberEdit { ws, id: 13 },
        Route::Projects { ws },
        Route::ProjectNew { ws },
        Route::Project { ws, id: 4 },
        Route::Contracts { ws },
        Route::ContractNew { ws },
        Route::Contract { ws, id: 9 },
        Route::Tasks { ws },
        Route::TaskNew { ws, project: 2 },
        Route::Task { ws, project: 2, id: 31 },
        Route::Viewers { ws },
        Route::ViewerNew { ws },
        Route::Viewer { ws, id: 3 },
        Route::Webhooks { ws },
        Route::WebhookNew { ws },
        Route::Webhook { ws, id: "wh_demo_tracker".to_owned() },
        Route::Webhook { ws, id: "wh a/b?c#d%e".to_owned() },
        Route::Tracking { ws },
        Route::TimeEntries { ws },
        Route::Timesheets { ws },
        Route::TimeRequests { ws },
        Route::Leaves { ws },
        Route::LeaveNew { ws },
        Route::Expenses { ws },
        Route::ExpenseNew { ws },
        Route::Expense { ws, id: "ex_0a1b".to_owned() },
        Route::Expense { ws, id: "new one".to_owned() },
        Route::Reports { ws },
        Route::WorkspaceNotFound { ws },
        Route::NotFound,
    ];
    all.extend(ReportKind::ALL.map(|kind| Route::Report { ws, kind }));
    all
}

#[wasm_bindgen_test]
fn every_route_reads_back_from_its_href() {
    for route in every_route() {
        let href = route.href();
        assert_eq!(Route::parse(&href), route, "{href}");
        // View state in the query string does not change the page.
        assert_eq!(Route::parse(&route.href_with(&[("page", "2"), ("status", "a b&c")])), route, "{href} with a query");
    }
    // The only route named "new" is the form, never an item called "new".
    assert_eq!(Route::parse(&Route::Expense { ws: 1, id: "new".to_owned() }.href()), Route::ExpenseNew { ws: 1 });
}

#[wasm_bindgen_test]
fn old_paths_still_open_their_page() {
    // Every address the panel wrote before its routes were typed (bookmarks exist).
    let ws = 1;
    let cases = [
        ("/", Route::Home),
        ("", Route::Home),
        ("/signin", Route::SignIn { next: None, gateway: false }),
        ("/signin/", Route::SignIn { next: None, gateway: false }),
        ("/signin?next=%2Fw%2F1%2Fmembers%3Fpage%3D2", Route::SignIn { next: Some("/w/1/members?page=2".to_owned()), gateway: false }),
        ("/signin?gateway=1&next=%2Fw%2F1%2Fleaves", Route::SignIn { next: Some("/w/1/leaves".to_owned()), gateway: true }),
        ("/signin?gateway=1", Route::SignIn { next: None, gateway: true }),
        ("/signed-in", Route::SignedIn),
        ("/w/1", Route::Dashboard { ws }),
        ("/w/1/", Route::Dashboard { ws }),
        ("/w/2", Route::Dashboard { ws: 2 }),
        ("/w/1/members", Route::Members { ws }),
        ("/w/1/members?status=active&page=2", Route::Members { ws }),
        ("/w/1/members/invite", Route::MemberInvite { ws }),
        ("/w/1/members/13", Route::Member { ws, id: 13 }),
        ("/w/1/members/13/edit", Route::MemberEdit { ws, id: 13 }),
        ("/w/1/projects", Route::Projects { ws }),
        ("/w/1/projects/new", Route::ProjectNew { ws }),
        ("/w/1/projects/5", Route::Project { ws, id: 5 }),
        ("/w/1/contracts", Route::Contracts { ws }),
        ("/w/1/contracts?member=13", Route::Contracts { ws }),
        ("/w/1/contracts/new", Route::ContractNew { ws }),
        ("/w/1/contracts/3", Route::Contract { ws, id: 3 }),
        ("/w/1/tasks", Route::Tasks { ws }),
        ("/w/1/tasks?project=2", Route::Tasks { ws }),
        ("/w/1/tasks/new?project=2", Route::TaskNew { ws, project: 2 }),
        ("/w/1/tasks/7?project=2", Route::Task { ws, project: 2, id: 7 }),
        ("/w/1/tasks/7", Route::Task { ws, project: 0, id: 7 }),
        ("/w/1/viewers", Route::Viewers { ws }),
        ("/w/1/viewers/new", Route::ViewerNew { ws }),
        ("/w/1/viewers/4", Route::Viewer { ws, id: 4 }),
        ("/w/1/webhooks", Route::Webhooks { ws }),
        ("/w/1/webhooks/new", Route::WebhookNew { ws }),
        ("/w/1/webhooks/wh_demo_tracker", Route::Webhook { ws, id: "wh_demo_tracker".to_owned() }),
        ("/w/1/webhooks/wh%20x", Route::Webhook { ws, id: "wh x".to_owned() }),
        ("/w/1/tracking", Route::Tracking { ws }),
        ("/w/1/tracking?running=1", Route::Tracking { ws }),
        ("/w/1/time-entries", Route::TimeEntries { ws }),
        ("/w/1/time-entries?member=3&from=2026-11-30&to=2026-12-06", Route::TimeEntries { ws }),
        ("/w/1/timesheets", Route::Timesheets { ws }),
        ("/w/1/timesheets?status=any&from=2026-11-30&to=2026-12-06", Route::Timesheets { ws }),
        ("/w/1/time-requests", Route::TimeRequests { ws }),
        ("/w/1/leaves", Route::Leaves { ws }),
        ("/w/1/leaves?tab=calendar", Route::Leaves { ws }),
        ("/w/1/leaves/new", Route::LeaveNew { ws }),
        ("/w/1/expenses", Route::Expenses { ws }),
        ("/w/1/expenses?tab=categories", Route::Expenses { ws }),
        ("/w/1/expenses/new", Route::ExpenseNew { ws }),
        ("/w/1/expenses/ex_0a1b", Route::Expense { ws, id: "ex_0a1b".to_owned() }),
        ("/w/1/reports", Route::Reports { ws }),
        ("/w/1/reports/tracked-hours", Route::Report { ws, kind: ReportKind::TrackedHours }),
        ("/w/1/reports/timeline", Route::Report { ws, kind: ReportKind::Timeline }),
        ("/w/1/reports/activity", Route::Report { ws, kind: ReportKind::Activity }),
        ("/w/1/reports/attendance", Route::Report { ws, kind: ReportKind::Attendance }),
        ("/w/1/reports/tasks", Route::Report { ws, kind: ReportKind::Tasks }),
        // Inside a workspace, an unknown page is "not found" in the workspace's frame.
        ("/w/1/members/abc", Route::WorkspaceNotFound { ws }),
        ("/w/1/reports/payroll", Route::WorkspaceNotFound { ws }),
        ("/w/1/timesheets/extra", Route::WorkspaceNotFound { ws }),
        ("/w/1/nothing", Route::WorkspaceNotFound { ws }),
        ("/w", Route::NotFound),
        ("/w/abc/members", Route::NotFound),
        ("/wx", Route::NotFound),
        ("/signing", Route::NotFound),
    ];
    for (url, route) in cases {
        assert_eq!(Route::parse(url), route, "{url}");
    }
}

#[wasm_bindgen_test]
fn a_route_writes_its_parameters_strictly_and_reads_them_tolerantly() {
    // Only a path of this site is followed back after signing in.
    assert_eq!(Route::parse("/signin?next=%2F%2Fevil.example"), Route::SignIn { next: None, gateway: false });
    assert_eq!(Route::parse("/signin?next=https%3A%2F%2Fevil.example"), Route::SignIn { next: None, gateway: false });
    assert_eq!(
        Route::SignIn { next: Some("/w/1/members?page=2".to_owned()), gateway: true }.href(),
        "/signin?gateway=1&next=%2Fw%2F1%2Fmembers%3Fpage%3D2"
    );
    assert_eq!(Route::Webhook { ws: 1, id: "wh a/b".to_owned() }.href(), "/w/1/webhooks/wh%20a%2Fb");
    assert_eq!(Route::Task { ws: 1, project: 2, id: 7 }.href(), "/w/1/tasks/7?project=2");
    assert_eq!(Route::Dashboard { ws: 3 }.href(), "/w/3");
    // Filters: empty values left out, a route's own query string kept.
    assert_eq!(Route::Tasks { ws: 1 }.href_with(&[("project", "2"), ("status", "")]), "/w/1/tasks?project=2");
    assert_eq!(Route::TaskNew { ws: 1, project: 2 }.href_with(&[("x", "a&b")]), "/w/1/tasks/new?project=2&x=a%26b");
    assert_eq!(Route::Members { ws: 1 }.href_with(&[]), "/w/1/members");
    assert_eq!(Route::parse("/w/1/members/13#top"), Route::Member { ws: 1, id: 13 });
}

#[wasm_bindgen_test]
fn the_workspace_switcher_keeps_the_section() {
    assert_eq!(Route::Member { ws: 1, id: 13 }.section(2), Route::Members { ws: 2 });
    assert_eq!(Route::Task { ws: 1, project: 2, id: 7 }.section(2), Route::Tasks { ws: 2 });
    assert_eq!(Route::Report { ws: 1, kind: ReportKind::Timeline }.section(2), Route::Reports { ws: 2 });
    assert_eq!(Route::Timesheets { ws: 1 }.section(2), Route::Timesheets { ws: 2 });
    assert_eq!(Route::WorkspaceNotFound { ws: 1 }.section(2), Route::Dashboard { ws: 2 });
    assert_eq!(Route::Members { ws: 1 }.ws(), Some(1));
    assert_eq!(Route::SignIn { next: None, gateway: false }.ws(), None);
    assert_eq!(Route::NotFound.ws(), None);
}

#[wasm_bindgen_test]
fn query_strings_read_and_write_back() {
    let q = Query::parse("?status=active&q=a+b%26c&empty=&flag&page=2");
    assert_eq!(q.get("status").as_deref(), Some("active"));
    assert_eq!(q.get("q").as_deref(), Some("a b&c"), "+ is a space, %26 an ampersand");
    assert_eq!(q.get("empty").as_deref(), Some(""));
    assert_eq!(q.get("flag").as_deref(), Some(""));
    assert_eq!(q.get("missing"), None);
    let mut q = q;
    q.remove("page");
    q.insert("status".into(), "archived".into());
    assert_eq!(q.to_query_string(), "?q=a%20b%26c&empty=&flag=&status=archived");
    assert_eq!(Query::parse(&q.to_query_string()), q, "what is written reads back the same");
    assert_eq!(Query::parse("").to_query_string(), "");
    assert_eq!(Query::parse("?%E0%A4%A=1").get("%E0%A4%A").as_deref(), Some("1"), "a malformed escape is kept as typed");
}

#[wasm_bindgen_test]
fn names_sort_as_people_read_them_not_by_code_point() {
    use webwork_admin::pages::sort_by_name;
    let mut people =
        vec!["Zoë Clarke", "Émile Durand", "ahmed Hassan", "Olivia Martin", "Élodie Fournier", "Bea 10", "Bea 9", "olivia martin"];
    sort_by_name(&mut people, |n| n.to_string());
    assert_eq!(
        people,
        vec!["ahmed Hassan", "Bea 9", "Bea 10", "Élodie Fournier", "Émile Durand", "Olivia Martin", "olivia martin", "Zoë Clarke"],
        "accents and case do not send a name past Z, numbers read as numbers, equal names keep their order"
    );
}

#[wasm_bindgen_test]
fn sorting_by_text_is_stable_and_orders_ids_as_numbers() {
    use webwork_admin::pages::{id_key, sort_by_text};
    let mut people = vec![(3, "bea"), (1, "Al"), (2, "bea"), (10, "al"), (4, "Cy")];
    sort_by_text(&mut people, |(_, n)| n.to_lowercase());
    assert_eq!(people, vec![(1, "Al"), (10, "al"), (3, "bea"), (2, "bea"), (4, "Cy")], "equal keys keep their order");
    sort_by_text(&mut people, |(id, _)| id_key(*id));
    assert_eq!(people.iter().map(|p| p.0).collect::<Vec<_>>(), vec![1, 2, 3, 4, 10], "10 after 4, not after 1");
    let mut none: Vec<u64> = Vec::new();
    sort_by_text(&mut none, |id| id_key(*id));
    assert!(none.is_empty());
}

#[wasm_bindgen_test]
fn only_local_return_paths_are_followed() {
    assert_eq!(safe_next(Some("/w/1/members?page=2".into())).as_deref(), Some("/w/1/members?page=2"));
    assert_eq!(safe_next(Some("//evil.example/x".into())), None);
    assert_eq!(safe_next(Some("https://evil.example/".into())), None);
    assert_eq!(safe_next(Some("/signin".into())), None);
}

#[wasm_bindgen_test]
fn sign_in_problems_say_what_to_do() {
    support::english();
    let bad = sign_in_problem(&ApiError::from_status(401, None, None, None), "http://127.0.0.1:8080/api/v2");
    assert!(bad.contains("did not accept this token"), "{bad}");
    let real = sign_in_problem(&ApiError::Network { message: "Failed to fetch".into() }, "https://api.webwork-tracker.com/api/v2");
    assert!(real.contains("Could not reach") && real.contains("CORS") && real.contains("dev proxy"), "{real}");
    let local = sign_in_problem(&ApiError::Network { message: "Failed to fetch".into() }, "http://127.0.0.1:9/api/v2");
    assert!(local.contains("Could not reach http://127.0.0.1:9/api/v2") && !local.contains("CORS"), "{local}");
}

/// In German the screen writes `7,5` and `4. März 2026`; an export of the same rows still
/// writes `7.5` and `2026-03-04` (CSV and JSON are for machines, whatever the reader's language).
#[wasm_bindgen_test]
fn exports_stay_iso_dates_and_dot_decimals_in_every_language() {
    use webwork_core::date::CivilDate;
    use webwork_core::export::ExportFormat;
    let rows = vec![serde_json::json!({ "date": "2026-03-04", "hours": 7.5, "amount": 1234.25, "note": "Überstunden" })];
    for (tag, catalog) in [("de", include_str!("../i18n/de.ftl")), ("pt-BR", include_str!("../i18n/pt-BR.ftl"))] {
        webwork_admin::i18n::install(tag, catalog);
        // The language really is in force on screen.
        assert_eq!(webwork_admin::format::number(7.5), "7,5", "{tag}");
        assert_ne!(webwork_admin::format::date(CivilDate::parse("2026-03-04").unwrap()), "2026-03-04", "{tag}");
        let csv = ExportFormat::Csv.render(&rows);
        assert!(csv.contains("2026-03-04") && csv.contains("7.5") && csv.contains("1234.25"), "{tag}: {csv}");
        assert!(!csv.contains("7,5") && !csv.contains("1.234"), "{tag}: {csv}");
        let json = ExportFormat::Json.render(&rows);
        assert!(json.contains("\"2026-03-04\"") && json.contains("7.5") && json.contains("1234.25"), "{tag}: {json}");
    }
    // The other tests read English.
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
}

/// Plurals and placeholders come from the catalog in the reader's language.
#[wasm_bindgen_test]
fn messages_take_plural_forms_and_numbers_in_the_readers_language() {
    use webwork_ui::i18n::t_args;
    webwork_admin::i18n::install("de", include_str!("../i18n/de.ftl"));
    assert_eq!(t_args("range-days", &[("days", 1.into())]), "1 Tag");
    assert_eq!(t_args("range-days", &[("days", 1234.into())]), "1.234 Tage");
    webwork_admin::i18n::install("es", include_str!("../i18n/es.ftl"));
    assert_eq!(t_args("members-archive-title", &[("count", 3.into())]), "¿Archivar a 3 miembros?");
    webwork_admin::i18n::install("en-XA", include_str!("../i18n/en-XA.ftl"));
    let one = t_args("range-days", &[("days", 1.into())]);
    assert!(one.starts_with("1 ") && !one.contains("day"), "English plural rules, pseudo text: {one}");
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(t_args("range-days", &[("days", 2.into())]), "2 days");
}

/// Every catalog is valid Fluent: each message of en.ftl resolves in each language (a syntax
/// error turns a message into junk that Fluent skips, which the key check cannot see).
#[wasm_bindgen_test]
fn every_catalog_parses_and_has_every_message() {
    use webwork_ui::i18n::t;
    let english = include_str!("../i18n/en.ftl");
    let ids: Vec<&str> = english
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
        .collect();
    assert!(ids.len() > 100, "{}", ids.len());
    for (tag, catalog) in [
        ("en", english),
        ("es", include_str!("../i18n/es.ftl")),
        ("de", include_str!("../i18n/de.ftl")),
        ("pt-BR", include_str!("../i18n/pt-BR.ftl")),
        ("en-XA", include_str!("../i18n/en-XA.ftl")),
    ] {
        webwork_admin::i18n::install(tag, catalog);
        let missing: Vec<&&str> = ids.iter().filter(|id| t(id) == **id).collect();
        assert!(missing.is_empty(), "{tag} does not resolve {missing:?}");
    }
    webwork_admin::i18n::install("en", english);
}

/// Formatters are kept between values, per language: a change of language is seen at once.
#[wasm_bindgen_test]
fn kept_formatters_follow_the_language() {
    use webwork_admin::format::{money, number};
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(number(1234.5), "1,234.5");
    assert_eq!(money(1234.5, "EUR"), "€1,234.50");
    webwork_admin::i18n::install("de", include_str!("../i18n/de.ftl"));
    assert_eq!(number(1234.5), "1.234,5");
    assert_eq!(money(1234.5, "EUR"), "1.234,50\u{a0}€");
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(number(1234.5), "1,234.5");
}

/// The core's rule reasons are English data; the panel shows each in the reader's language,
/// values kept. Every reason below is one the core really gives.
#[wasm_bindgen_test]
fn the_cores_rule_reasons_are_shown_in_the_readers_language() {
    use webwork_core::date::CivilDate;
    use webwork_core::params::{ClockTime, Date, DateTime, Email, Url};
    use webwork_ui::form::sentence;
    let mut reasons: Vec<String> = [
        Date::from("4.3.2026").problem(),
        ClockTime::from("25:00").problem(),
        DateTime::from("yesterday").problem(),
        Email::from("nobody").problem(),
        Url::from("ftp://x").problem(),
    ]
    .into_iter()
    .map(|p| p.expect("a problem").to_owned())
    .collect();
    let day = |s| CivilDate::parse(s).unwrap();
    reasons.push(webwork_core::export::split_range(day("2026-03-09"), day("2026-03-01"), 31).unwrap_err());
    for params in [
        serde_json::json!({ "workspace_id": 1, "per_page": 0 }),
        serde_json::json!({ "workspace_id": 1, "page": 0 }),
        serde_json::json!({ "workspace_id": 1, "date_from": "2026-03-09", "date_to": "2026-03-01" }),
        serde_json::json!({}),
    ] {
        let params = params.as_object().unwrap().clone();
        match webwork_core::ops::request_for("getTimesheets", &params) {
            Err(webwork_core::ApiError::InvalidRequest { reason, .. }) => reasons.push(reason),
            other => panic!("{params:?} was not refused: {other:?}"),
        }
    }
    assert!(reasons.len() >= 8, "{reasons:?}");
    webwork_admin::i18n::install("de", include_str!("../i18n/de.ftl"));
    for reason in &reasons {
        let shown = sentence(reason);
        assert!(!shown.to_lowercase().contains("must") && !shown.contains(" is "), "{reason} -> {shown}");
    }
    assert_eq!(sentence("must be between 1 and 100"), "Muss zwischen 1 und 100 liegen.");
    assert_eq!(
        sentence("The end date 2026-03-01 is before the start date 2026-03-09."),
        "Das Enddatum 2026-03-01 liegt vor dem Anfangsdatum 2026-03-09."
    );
    // A reason the panel does not know (a server's) stays as it is, made a sentence.
    assert_eq!(sentence("is taken"), "Is taken.");
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(sentence("must be 1 or more"), "Must be 1 or more.");
}
