//! The widgets' own pieces in headless Chromium (`cargo xtask test`, wasm suite; by hand:
//! `cargo test -p webwork-widgets --target wasm32-unknown-unknown` with CHROMEDRIVER set):
//! tolerant reading, the date attributes, ordering, and a mounted widget's states without a
//! server (what an unconfigured element says, attribute changes, unmounting). The widgets
//! against the sandbox are tests/widgets (Playwright).
#![cfg(target_arch = "wasm32")]

use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use webwork_core::date::CivilDate;
use webwork_widgets::{format, read};

wasm_bindgen_test_configure!(run_in_browser);

fn day(s: &str) -> CivilDate {
    CivilDate::parse(s).unwrap()
}

#[wasm_bindgen_test]
fn reading_is_tolerant() {
    let v = json!({"id": "42", "minutes": "90.4", "on": "1", "off": 0, "name": "  Ada ", "blank": " ", "status": "ACTIVE",
                   "list": null, "member": "Seán O'Brien", "person": {"firstname": "Grace", "lastname": "Hopper"}});
    assert_eq!(read::id(&v, "id"), Some(42));
    assert_eq!(read::int(&v, "minutes"), Some(90));
    assert_eq!(read::flag(&v, "on"), Some(true));
    assert_eq!(read::flag(&v, "off"), Some(false));
    assert_eq!(read::flag(&v, "missing"), None);
    assert_eq!(read::text(&v, "name").as_deref(), Some("Ada"));
    assert_eq!(read::text(&v, "blank"), None);
    assert_eq!(read::text(&v, "id").as_deref(), Some("42"));
    assert!(read::is(&v, "status", "active"));
    assert!(read::items(&v["list"]).is_empty());
    assert_eq!(read::person(&v["member"]).as_deref(), Some("Seán O'Brien"));
    assert_eq!(read::person(&v["person"]).as_deref(), Some("Grace Hopper"));
    assert_eq!(read::person(&json!({"email": "x@example.com"})).as_deref(), Some("x@example.com"));
    assert_eq!(read::id(&json!({"id": -3}), "id"), None);
}

#[wasm_bindgen_test]
fn ranges_and_months() {
    let today = day("2026-03-04"); // a Wednesday
    let r = |v: Option<&str>| format::parse_range(v, today).map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(r(None).unwrap(), ("2026-03-02".into(), "2026-03-08".into()));
    assert_eq!(r(Some("last-week")).unwrap(), ("2026-02-23".into(), "2026-03-01".into()));
    assert_eq!(r(Some("this-month")).unwrap(), ("2026-03-01".into(), "2026-03-31".into()));
    assert_eq!(r(Some("last-month")).unwrap(), ("2026-02-01".into(), "2026-02-28".into()));
    assert_eq!(r(Some("last-7-days")).unwrap(), ("2026-02-26".into(), "2026-03-04".into()));
    assert_eq!(r(Some("2026-01-05..2026-01-11")).unwrap(), ("2026-01-05".into(), "2026-01-11".into()));
    for bad in ["2026-01-11..2026-01-05", "yesterday", "last-0-days", "2025-01-01..2026-03-01"] {
        assert!(r(Some(bad)).unwrap_err().contains(bad), "{bad}");
    }
    let (first, last) = format::parse_month(Some("2024-02"), today).unwrap();
    assert_eq!((first.to_string(), last.to_string()), ("2024-02-01".into(), "2024-02-29".into()));
    assert!(format::parse_month(Some("2024-13"), today).is_err());
    assert_eq!(format::minutes(200), "3 h 20 min");
    assert_eq!(format::minutes(120), "2 h");
    assert_eq!(format::clock(3725), "1:02:05");
}

#[wasm_bindgen_test]
fn ordering_is_stable() {
    let mut v = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d")];
    format::order_by(&mut v, |x| x.0);
    assert_eq!(v, vec![(1, "b"), (1, "d"), (2, "a"), (2, "c")]);
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

/// The frame's `data-state` and its note.
fn state(el: &web_sys::HtmlElement) -> (String, String) {
    let section = el.query_selector("section.widget").unwrap().expect("a frame");
    let note = el.query_selector(".state-note").unwrap().map(|n| n.text_content().unwrap_or_default()).unwrap_or_default();
    (section.get_attribute("data-state").unwrap_or_default(), note)
}

fn heading(el: &web_sys::HtmlElement) -> String {
    el.query_selector("h2").unwrap().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
async fn a_mounted_widget_says_what_it_needs_and_follows_its_attributes() {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let attrs = js_sys::Array::of1(&js_sys::Array::of2(&"workspace-id".into(), &"1".into()));
    let widget = webwork_widgets::mount("webwork-timer", el.clone(), attrs).unwrap();
    settle().await;
    let (s, note) = state(&el);
    assert_eq!(s, "not-configured");
    assert!(note.contains("WebWorkWidgets.configure"), "{note}");

    webwork_widgets::configure(Some("demo-owner".into()), None, false, None);
    settle().await;
    assert!(state(&el).1.contains("base-url"), "{:?}", state(&el));

    widget.set_attribute("base-url".into(), Some("http://127.0.0.1:9/api/v2".into()));
    settle().await;
    assert!(state(&el).1.contains("set member-id"), "{:?}", state(&el));
    widget.set_attribute("member-id".into(), Some("five".into()));
    settle().await;
    assert!(state(&el).1.contains("member-id must be"), "{:?}", state(&el));
    assert_eq!(heading(&el), "Timer");
    widget.set_attribute("heading".into(), Some("Mine".into()));
    settle().await;
    assert_eq!(heading(&el), "Mine");

    widget.unmount();
    settle().await;
    assert!(el.query_selector("section.widget").unwrap().is_none(), "unmounting removes the view");
    assert!(webwork_widgets::mount("webwork-nothing", el, js_sys::Array::new()).is_err());
}
