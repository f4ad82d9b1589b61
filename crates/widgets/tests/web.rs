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
use webwork_widgets::{format, lang, read};

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
    assert_eq!(format::minutes(45), "45 min");
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
    let widget = webwork_widgets::mount("webwork-timer", el.clone(), attrs, js_sys::Array::of1(&"en-US".into())).unwrap();
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
    assert!(webwork_widgets::mount("webwork-nothing", el, js_sys::Array::new(), js_sys::Array::new()).is_err());
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[wasm_bindgen_test]
fn the_language_is_the_best_match_of_what_is_asked() {
    assert_eq!(lang::pick(&strings(&["es"])), "es");
    assert_eq!(lang::pick(&strings(&["pt-PT"])), "pt-BR", "by primary language");
    assert_eq!(lang::pick(&strings(&["fr", "de-AT"])), "de", "the first one with a catalog");
    assert_eq!(lang::pick(&strings(&["en-XA"])), "en-XA");
    assert_eq!(lang::pick(&strings(&["fr"])), "en", "English at last");
}

#[wasm_bindgen_test]
fn texts_numbers_and_dates_follow_the_language_in_force() {
    lang::add_catalog("de", include_str!("../i18n/de.ftl"));
    lang::add_catalog("es", include_str!("../i18n/es.ftl"));
    let march = day("2026-03-02");
    assert_eq!(lang::within("de", || format::minutes(200)), "3 Std. 20 Min.");
    assert_eq!(lang::within("de", || format::hours(200)), "3,3");
    assert_eq!(lang::within("en", || format::hours(200)), "3.3");
    assert_eq!(lang::within("es", || format::month_label(march)), "marzo de 2026");
    assert_eq!(lang::within("en", || format::month_label(march)), "March 2026");
    assert_eq!(
        lang::within("de", || format::parse_month(Some("x"), march).unwrap_err()),
        "Nicht eingerichtet: month muss die Form JJJJ-MM haben, nicht „x“."
    );
    // Plurals from the catalog: Spanish says "trabaja" for one, "trabajan" for more.
    let summary = |n: u32| webwork_widgets::lang::t_args("team-summary", &[("working", n.into()), ("total", 8u32.into())]);
    assert_eq!(lang::within("es", || summary(1)), "1 de 8 trabaja ahora");
    assert_eq!(lang::within("es", || summary(3)), "3 de 8 trabajan ahora");
    assert_eq!(lang::within("en", || summary(3)), "3 of 8 working now");
}

#[wasm_bindgen_test]
async fn a_widget_shows_its_language_and_changes_with_it() {
    lang::add_catalog("de", include_str!("../i18n/de.ftl"));
    lang::add_catalog("es", include_str!("../i18n/es.ftl"));
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let attrs = js_sys::Array::of1(&js_sys::Array::of2(&"workspace-id".into(), &"1".into()));
    let widget =
        webwork_widgets::mount("webwork-leave-calendar", el.clone(), attrs, js_sys::Array::of2(&"es-MX".into(), &"de".into())).unwrap();
    settle().await;
    assert_eq!(widget.language(), "es");
    assert_eq!(heading(&el), "Quién está ausente");
    assert_eq!(el.query_selector("section.widget").unwrap().unwrap().get_attribute("lang").as_deref(), Some("es"));
    assert!(state(&el).1.starts_with("Sin configurar"), "{:?}", state(&el));

    assert_eq!(widget.set_languages(js_sys::Array::of1(&"de-CH".into())), "de");
    settle().await;
    assert_eq!(heading(&el), "Wer abwesend ist");
    assert!(state(&el).1.starts_with("Nicht eingerichtet"), "{:?}", state(&el));
    widget.unmount();
}
