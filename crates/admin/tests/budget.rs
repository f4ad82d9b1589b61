//! The header's budget meter and the loading views' waiting note, in headless Chromium, over a
//! scripted `fetch` that answers with or without the server's `x-ratelimit-*` headers.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use webwork_admin::api::{load, Api};
use webwork_admin::pages::shell::Budget;
use webwork_admin::pages::ItemFrame;
use webwork_core::ops::ListWorkspaces;
use webwork_core::FetchTransport;

mod support;
use support::{container, sleep};

wasm_bindgen_test_configure!(run_in_browser);

const BODY: &str =
    r#"{"success":true,"data":[{"id":1,"name":"Acme","user_id":5,"role":"Owner","status":"active"}],"message":"ok","meta":{}}"#;

/// A `fetch` whose answers follow `script` in turn (the last one repeats): `Some((remaining,
/// limit))` sends `x-ratelimit-remaining`/`x-ratelimit-limit`, `None` sends no budget headers.
fn scripted_fetch(name: &str, script: &[Option<(u32, u32)>]) -> FetchTransport {
    let answers: Vec<String> = script
        .iter()
        .map(|s| match s {
            Some((remaining, limit)) => {
                format!("{{'content-type':'application/json','x-ratelimit-remaining':'{remaining}','x-ratelimit-limit':'{limit}'}}")
            }
            None => "{'content-type':'application/json'}".to_owned(),
        })
        .collect();
    let js = format!(
        "const answers = [{}];
         const n = globalThis['{name}'] = (globalThis['{name}'] || 0) + 1;
         const headers = answers[Math.min(n, answers.length) - 1];
         return new Promise(r => setTimeout(() => r(new Response({BODY:?}, {{ status: 200, headers }})), 20));",
        answers.join(",")
    );
    FetchTransport::with_fetch(js_sys::Function::new_with_args("url, init", &js))
}

fn mount_budget(api: Api) -> HtmlElement {
    let el = container();
    leptos::mount::mount_to(el.clone(), move || {
        provide_context(api);
        view! { <Budget/> }
    })
    .forget();
    el
}

/// The meter's text and tooltip. Its accessible name is its text: no `aria-label` that could
/// say something else than what is seen (axe's label-content-name-mismatch).
fn meter(el: &HtmlElement) -> (String, String) {
    let span = el.query_selector(".budget").unwrap().expect("the meter");
    assert!(span.get_attribute("aria-label").is_none(), "the visible text is the meter's name");
    (span.text_content().unwrap_or_default(), span.get_attribute("title").unwrap_or_default())
}

/// The whole seconds in "... in N s".
fn seconds_in(text: &str) -> u64 {
    let tail = text.rsplit(" in ").next().unwrap_or_default();
    tail.trim_end_matches(" s").parse().unwrap_or_else(|_| panic!("no seconds in {text:?}"))
}

#[wasm_bindgen_test]
async fn the_meter_shows_the_servers_figures_when_its_last_answer_carried_them() {
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch("meter_server", &[Some((42, 60))]));
    let el = mount_budget(api);
    api.send(ListWorkspaces::new()).await.unwrap();
    sleep(20).await;
    let (text, title) = meter(&el);
    assert_eq!(text, "42/60 left (server)");
    assert!(title.contains("X-RateLimit-Remaining") && title.contains("inferred"), "the tooltip names the headers as inferred: {title}");
    assert!(el.query_selector(".budget.estimate").unwrap().is_none(), "not styled as an estimate");
}

#[wasm_bindgen_test]
async fn without_budget_headers_the_meter_is_our_count_labelled_an_estimate() {
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch("meter_ours", &[None]));
    let el = mount_budget(api);
    let (text, _) = meter(&el);
    assert_eq!(text, "≈ 60/60 left (our count)", "before any answer: our count");
    api.send(ListWorkspaces::new()).await.unwrap();
    sleep(20).await;
    let (text, title) = meter(&el);
    assert_eq!(text, "≈ 59/60 left (our count)");
    assert!(title.contains("estimate") && title.contains("carried no budget"), "{title}");
    assert!(el.query_selector(".budget.estimate").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn an_answer_without_the_headers_turns_the_server_figures_back_into_our_estimate() {
    let api = Api::with_transport("http://sandbox.test/api/v2", "t", scripted_fetch("meter_then_none", &[Some((50, 60)), None]));
    let el = mount_budget(api);
    api.send(ListWorkspaces::new()).await.unwrap();
    sleep(20).await;
    assert_eq!(meter(&el).0, "50/60 left (server)");
    api.send(ListWorkspaces::new().page(2u32)).await.unwrap();
    sleep(20).await;
    // The server said 50 left, so our pacer counts the other 10 as spent too, plus this request.
    assert_eq!(meter(&el).0, "≈ 49/60 left (our count)");
}

#[wasm_bindgen_test]
async fn a_spent_budget_says_when_the_next_request_may_go() {
    let api = Api::with_transport_paced("http://sandbox.test/api/v2", "t", scripted_fetch("meter_spent", &[None]), 1);
    let el = mount_budget(api);
    assert_eq!(meter(&el).0, "≈ 1/1 left (our count)");
    api.send(ListWorkspaces::new()).await.unwrap();
    sleep(20).await;
    let (text, title) = meter(&el);
    assert!(text.starts_with("Budget spent: next request in "), "{text}");
    let s = seconds_in(&text);
    assert!((55..=61).contains(&s), "a slot comes back a minute (and a half-second guard) later: {s} s");
    assert!(title.contains(&format!("the next one goes in {s} s")), "{title}");
    assert!(el.query_selector(".budget.low").unwrap().is_some(), "a spent budget is marked low");
}

#[wasm_bindgen_test]
async fn a_page_waiting_for_a_budget_slot_says_when_its_data_comes() {
    let api = Api::with_transport_paced("http://sandbox.test/api/v2", "t", scripted_fetch("meter_wait", &[None]), 1);
    let el = container();
    leptos::mount::mount_to(el.clone(), move || {
        provide_context(api);
        api.provide_loading_note();
        let first = load(move || api.send(ListWorkspaces::new()));
        view! { <div class="first"><ItemFrame res=first>{"ready"}</ItemFrame></div> }
    })
    .forget();
    sleep(5).await;
    let first = el.query_selector(".first").unwrap().unwrap();
    assert!(!first.text_content().unwrap_or_default().contains("Waiting for the API"), "a request with a free slot just goes");
    sleep(200).await;

    // The one request of this minute is spent: the next page's data waits for the pacer.
    let second = container();
    leptos::mount::mount_to(second.clone(), move || {
        provide_context(api);
        api.provide_loading_note();
        let res = load(move || api.send(ListWorkspaces::new().page(2u32)));
        view! { <ItemFrame res>{"ready"}</ItemFrame> }
    })
    .forget();
    sleep(100).await;
    let note = second.query_selector(".loading-note").unwrap().expect("the waiting note");
    let text = note.text_content().unwrap_or_default();
    assert!(text.starts_with("Waiting for the API's rate limit: next data in "), "{text}");
    assert!((55..=61).contains(&seconds_in(&text)), "{text}");
    let region = note.parent_element().unwrap();
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(api.waiting.get_untracked(), 1, "one request held by the pacer");
}
