//! The panel's cache in headless Chromium, over a scripted `fetch` that counts its requests:
//! fresh answers cost nothing, stale ones are shown at once and replaced in the background,
//! writes drop what they change, and signing out leaves nothing in storage; and the rate budget
//! shared by the tabs of an origin through IndexedDB.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen_test::*;
use webwork_admin::api::{load, Api};
use webwork_admin::cache::{now_ms, STORAGE_KEY};
use webwork_admin::pages::shell::DataAge;
use webwork_core::cache::{key_of, Cached};
use webwork_core::client::origin::OriginLog;
use webwork_core::client::Priority;
use webwork_core::ops::{DeleteMember, ListMembers, ListWebhooks, Operation};
use webwork_core::{FetchTransport, Pacer};

mod support;
use support::{container, sleep};

wasm_bindgen_test_configure!(run_in_browser);

const BASE: &str = "http://sandbox.test/api/v2";

/// A `fetch` that counts its calls in `globalThis[name]` (and the URLs in `name + '_urls'`) and
/// answers, after `delay_ms`, a list whose one member is named after the call's number.
fn counting_fetch(name: &str, delay_ms: u32) -> FetchTransport {
    let js = format!(
        "const n = globalThis['{name}'] = (globalThis['{name}'] || 0) + 1;
         (globalThis['{name}_urls'] = globalThis['{name}_urls'] || []).push(url);
         const body = JSON.stringify({{ success: true, message: 'ok', meta: {{}}, data: [{{ id: n, firstname: 'Answer ' + n, lastname: 'X', email: 'a' + n + '@x.test', role: 'Member' }}] }});
         return new Promise(r => setTimeout(() => r(new Response(body, {{ status: 200, headers: {{ 'content-type': 'application/json' }} }})), {delay_ms}));"
    );
    FetchTransport::with_fetch(js_sys::Function::new_with_args("url, init", &js))
}

fn calls(name: &str) -> u32 {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32
}

fn first_name(data: &[webwork_core::models::Member]) -> String {
    data.first().map(|m| m.firstname.clone()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_fresh_answer_costs_no_request() {
    let api = Api::with_transport_cached(BASE, "fresh", counting_fetch("cache_fresh", 5), 0);
    let first = api.send(ListMembers::new(1u64)).await.unwrap();
    let again = api.send(ListMembers::new(1u64)).await.unwrap();
    assert_eq!(calls("cache_fresh"), 1, "the second read is answered from the cache");
    assert_eq!(first_name(&first), first_name(&again));
    // Another query is another answer.
    api.send(ListMembers::new(1u64).page(2u32)).await.unwrap();
    assert_eq!(calls("cache_fresh"), 2);
}

#[wasm_bindgen_test]
async fn without_a_cache_every_read_asks() {
    let api = Api::with_transport(BASE, "uncached", counting_fetch("cache_none", 5));
    api.send(ListMembers::new(1u64)).await.unwrap();
    api.send(ListMembers::new(1u64)).await.unwrap();
    assert_eq!(calls("cache_none"), 2);
}

#[wasm_bindgen_test]
async fn a_write_drops_exactly_what_it_makes_stale() {
    let api = Api::with_transport_cached(BASE, "writes", counting_fetch("cache_writes", 5), 0);
    api.send(ListMembers::new(1u64)).await.unwrap();
    api.send(ListWebhooks::new(1u64)).await.unwrap();
    assert_eq!(calls("cache_writes"), 2);
    let _ = api.send(DeleteMember::new(7u64, 1u64)).await;
    assert_eq!(calls("cache_writes"), 3);
    let members = api.send(ListMembers::new(1u64)).await.unwrap();
    assert_eq!(calls("cache_writes"), 4, "the members list is asked for again after a member's archive");
    assert_eq!(first_name(&members), "Answer 4", "the write's own result is never shown stale");
    api.send(ListWebhooks::new(1u64)).await.unwrap();
    assert_eq!(calls("cache_writes"), 4, "webhooks did not change: still from the cache");
}

#[wasm_bindgen_test]
async fn a_stale_answer_shows_at_once_with_its_age_and_is_replaced_in_the_background() {
    let api = Api::with_transport_cached(BASE, "stale", counting_fetch("cache_stale", 300), 0);
    let op = ListMembers::new(1u64);
    let ten_minutes_ago = now_ms() - 600_000.0;
    let old = json!([{ "id": 1, "firstname": "Kept", "lastname": "X", "email": "k@x.test", "role": "Member" }]);
    api.cache.put(key_of(&op.to_request().unwrap()), Cached { at: ten_minutes_ago, data: old, pagination: None }, api.cache.writes());
    // The shell ticks the clock the age is read from; here the test does.
    api.now.set(ten_minutes_ago + 600_000.0);

    let el = container();
    let (res, shown) = {
        let res = StoredValue::new(None);
        leptos::mount::mount_to(el.clone(), move || {
            provide_context(api);
            let r = load(move || api.send(ListMembers::new(1u64)));
            res.set_value(Some(r));
            view! { <DataAge/><p class="name">{move || r.ready().map(|m| first_name(&m))}</p> }
        })
        .forget();
        (res, el.clone())
    };
    sleep(30).await;
    let text = shown.text_content().unwrap_or_default();
    assert!(text.contains("Kept"), "the kept answer is on screen before the refresh returns: {text}");
    assert!(text.contains("Data from 10 min ago"), "and says how old it is: {text}");
    assert!(text.contains("refreshing"), "while a newer answer is fetched: {text}");
    assert_eq!(calls("cache_stale"), 1, "one background refresh");

    sleep(500).await;
    let text = shown.text_content().unwrap_or_default();
    assert!(text.contains("Answer 1"), "the refreshed answer replaces it: {text}");
    assert!(!text.contains("Data from"), "new data needs no age: {text}");
    let as_of = res.get_value().unwrap().as_of().unwrap();
    assert!(now_ms() - as_of < 2_000.0, "the resource's data is new now");
    assert_eq!(calls("cache_stale"), 1, "the reload after the refresh came from the cache");
}

#[wasm_bindgen_test]
async fn identical_reads_of_a_page_join_one_request() {
    let api = Api::with_transport_cached(BASE, "join", counting_fetch("cache_join", 50), 0);
    let (a, b) = futures_util::future::join(api.send(ListMembers::new(1u64)), api.send(ListMembers::new(1u64))).await;
    assert!(a.is_ok() && b.is_ok());
    assert_eq!(calls("cache_join"), 1);
}

#[wasm_bindgen_test]
async fn the_stored_cache_belongs_to_one_user_and_signing_out_removes_it() {
    let storage = web_sys::window().unwrap().session_storage().unwrap().unwrap();
    let api = Api::with_transport_cached(BASE, "stored", counting_fetch("cache_stored", 5), 0);
    api.cache.open("alice", true);
    api.send(ListMembers::new(1u64)).await.unwrap();
    sleep(400).await;
    let text = storage.get_item(STORAGE_KEY).unwrap().expect("the answers are in sessionStorage");
    assert!(text.contains("a1@x.test") && text.contains("alice"));
    assert!(web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item(STORAGE_KEY).unwrap().is_none(), "never localStorage");

    // Another user: the stored answers go.
    api.cache.open("bob", true);
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_none());
    assert!(api.cache.get(&key_of(&ListMembers::new(1u64).to_request().unwrap())).is_none());

    api.send(ListMembers::new(1u64)).await.unwrap();
    sleep(400).await;
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_some());
    api.sign_out();
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_none(), "sign-out leaves no answer in storage");
    sleep(400).await;
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_none(), "no late save brings it back");
}

/// Two pacers over one IndexedDB log, as two tabs of the origin have them.
fn tab(key: &str, limit: u32) -> Pacer {
    Pacer::with_window(limit, 60_000.0).shared_with(OriginLog::new(key.to_owned()).into_shared())
}

#[wasm_bindgen_test]
async fn tabs_of_an_origin_share_one_budget_and_a_reload_resumes_it() {
    let key = format!("test tabs {}", now_ms());
    let (a, b) = (tab(&key, 4), tab(&key, 4));
    // Ten requests asked for at once from both tabs: the transactions take turns, four go.
    let asks = (0..10).map(|i| if i % 2 == 0 { a.acquire(now_ms(), Priority::Visible) } else { b.acquire(now_ms(), Priority::Visible) });
    let answers = futures_util::future::join_all(asks).await;
    assert_eq!(answers.iter().filter(|w| w.is_none()).count(), 4, "{answers:?}");
    assert!(answers.iter().flatten().all(|w| *w > 59_000.0), "the others wait for the window: {answers:?}");
    // Both meters count the origin's requests, and a reloaded tab resumes the window.
    assert_eq!(a.budget(now_ms()).remaining, 0);
    let reloaded = tab(&key, 4);
    assert!(reloaded.acquire(now_ms(), Priority::Visible).await.is_some());
    assert_eq!(reloaded.budget(now_ms()).remaining, 0);
    // Another user's budget is another log.
    assert_eq!(tab(&format!("{key} other"), 4).acquire(now_ms(), Priority::Visible).await, None);
}

#[wasm_bindgen_test]
async fn background_requests_leave_the_reserve_across_tabs() {
    let key = format!("test reserve {}", now_ms());
    let (a, b) = (tab(&key, 8), tab(&key, 8));
    for _ in 0..3 {
        assert_eq!(a.acquire(now_ms(), Priority::Background).await, None);
        assert_eq!(b.acquire(now_ms(), Priority::Background).await, None);
    }
    // Six of eight spent: background waits, the page in front of the person still gets two.
    assert!(a.acquire(now_ms(), Priority::Background).await.is_some());
    assert_eq!(b.acquire(now_ms(), Priority::Visible).await, None);
    assert_eq!(a.acquire(now_ms(), Priority::Visible).await, None);
    assert!(b.acquire(now_ms(), Priority::Visible).await.is_some());
}
