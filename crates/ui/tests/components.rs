//! Component tests in headless Chromium (`cargo xtask test` runs them; by hand:
//! `cargo test -p webwork-ui --target wasm32-unknown-unknown` with CHROMEDRIVER set).
//! Each test mounts a component into a fresh container, drives it with real DOM events and
//! reads the DOM back.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::{error_title, Column, DataTable, ErrorBanner, FieldState, Form, TextField};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page.
fn container() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

fn key(target: &web_sys::Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn active_element() -> web_sys::Element {
    document().active_element().expect("something has focus")
}

#[derive(Clone, Debug, PartialEq)]
struct Person {
    id: u64,
    name: String,
}

fn people() -> Vec<Person> {
    ["Ada Lovelace", "<img src=x onerror=alert(1)>", "Zoë Ōkubo"]
        .iter()
        .enumerate()
        .map(|(i, n)| Person { id: i as u64 + 1, name: n.to_string() })
        .collect()
}

/// Mounts a selectable table of `people()`; returns the container, the selection and the
/// rows opened so far.
fn mount_table() -> (HtmlElement, RwSignal<BTreeSet<String>>, RwSignal<Vec<u64>>) {
    let el = container();
    let selection = RwSignal::new(BTreeSet::new());
    let opened = RwSignal::new(Vec::new());
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let columns =
            vec![Column::text("Name", |p: &Person| p.name.clone()), Column::text("ID", |p: &Person| p.id.to_string()).class("num")];
        view! {
            <DataTable caption="People" columns rows=Signal::derive(people)
                key=|p: &Person| p.id.to_string() label=|p: &Person| p.name.clone()
                selection on_open=Callback::new(move |p: Person| opened.update(|o| o.push(p.id)))/>
        }
    });
    handle.forget();
    (el, selection, opened)
}

fn rows(el: &HtmlElement) -> Vec<web_sys::Element> {
    let list = el.query_selector_all("tbody tr").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

#[wasm_bindgen_test]
async fn arrow_keys_move_focus_between_rows_and_enter_opens() {
    let (el, _selection, opened) = mount_table();
    settle().await;
    let rows = rows(&el);
    assert_eq!(rows.len(), 3);
    // One tab stop: the first row.
    assert_eq!(rows[0].get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(rows[1].get_attribute("tabindex").as_deref(), Some("-1"));
    rows[0].unchecked_ref::<HtmlElement>().focus().unwrap();

    key(&rows[0], "ArrowDown");
    settle().await;
    assert!(active_element().is_same_node(Some(&rows[1])), "ArrowDown focuses the second row");
    assert_eq!(rows[1].get_attribute("tabindex").as_deref(), Some("0"), "the tab stop moves along");
    assert!(rows[1].class_list().contains("active"));
    assert!(!rows[0].class_list().contains("active"));

    key(&rows[1], "ArrowDown");
    key(&rows[2], "ArrowDown");
    settle().await;
    assert!(active_element().is_same_node(Some(&rows[2])), "stays on the last row");

    key(&rows[2], "ArrowUp");
    settle().await;
    assert!(active_element().is_same_node(Some(&rows[1])));

    key(&rows[1], "Enter");
    settle().await;
    assert_eq!(opened.get_untracked(), vec![2], "Enter opens the focused row");

    key(&rows[1], "Home");
    settle().await;
    assert!(active_element().is_same_node(Some(&rows[0])));
    key(&rows[0], "End");
    settle().await;
    assert!(active_element().is_same_node(Some(&rows[2])));
}

#[wasm_bindgen_test]
async fn space_and_checkboxes_select_rows() {
    let (el, selection, opened) = mount_table();
    settle().await;
    let rows = rows(&el);
    rows[0].unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&rows[0], "ArrowDown");
    key(&rows[1], " ");
    settle().await;
    assert_eq!(selection.get_untracked(), BTreeSet::from(["2".to_string()]), "Space selects the focused row");
    assert_eq!(rows[1].get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(rows[0].get_attribute("aria-selected").as_deref(), Some("false"));
    assert!(opened.get_untracked().is_empty(), "selecting opens nothing");

    // The row's own checkbox toggles it too, and says whose it is.
    let boxes = el.query_selector_all("tbody input[type=checkbox]").unwrap();
    let first: HtmlInputElement = boxes.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("aria-label").as_deref(), Some("Select Ada Lovelace"));
    first.click();
    settle().await;
    assert_eq!(selection.get_untracked().len(), 2);

    // Select all, then none.
    let all: HtmlInputElement = el.query_selector("thead input[type=checkbox]").unwrap().unwrap().unchecked_into();
    all.click();
    settle().await;
    assert_eq!(selection.get_untracked().len(), 3);
    assert!(all.checked());
    all.click();
    settle().await;
    assert!(selection.get_untracked().is_empty());

    key(&rows[1], " ");
    settle().await;
    key(&rows[1], " ");
    settle().await;
    assert!(selection.get_untracked().is_empty(), "Space again deselects");
}

#[wasm_bindgen_test]
async fn server_text_that_looks_like_html_stays_text() {
    let (el, _, _) = mount_table();
    settle().await;
    assert!(el.query_selector("img").unwrap().is_none(), "no element was made from the name");
    let text = el.text_content().unwrap();
    assert!(text.contains("<img src=x onerror=alert(1)>"), "the name is shown as typed: {text}");
    let label = el.query_selector_all("tbody input[type=checkbox]").unwrap().item(1).unwrap();
    let label: web_sys::Element = label.unchecked_into();
    assert_eq!(label.get_attribute("aria-label").as_deref(), Some("Select <img src=x onerror=alert(1)>"));
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn typing_a_bad_email_shows_why_and_disables_save() {
    let el = container();
    let email = FieldState::new("email", "").check(checks::email);
    let form = Form::new(vec![email]);
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <TextField field=email label="E-mail" kind="email" form=form required=true/>
            <button id="save" disabled=move || form.saving.get() || !form.is_valid()>"Save"</button>
        }
    })
    .forget();
    settle().await;
    let input: HtmlInputElement = el.query_selector("input").unwrap().unwrap().unchecked_into();
    let save: web_sys::HtmlButtonElement = el.query_selector("#save").unwrap().unwrap().unchecked_into();
    let error = || el.query_selector(".field-error").unwrap().unwrap().text_content().unwrap_or_default();
    assert_eq!(error(), "", "nothing shown before typing");
    assert!(save.disabled(), "an empty required field keeps Save disabled");

    type_into(&input, "ada@");
    settle().await;
    assert_eq!(error(), "Must be an e-mail address such as name@example.com.");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(save.disabled());

    type_into(&input, "ada@example.com");
    settle().await;
    assert_eq!(error(), "");
    assert!(!save.disabled(), "a valid address enables Save");

    // The server refuses it: the message lands at the field, the value stays.
    form.finish(Err(ApiError::from_status(422, Some("The email field has already been taken.".into()), None, None)));
    settle().await;
    assert_eq!(error(), "The email field has already been taken.");
    assert_eq!(input.value(), "ada@example.com");
    assert!(form.error.get_untracked().is_none(), "not repeated on the form");

    // Editing clears the server's word.
    type_into(&input, "ada2@example.com");
    settle().await;
    assert_eq!(error(), "");
}

#[wasm_bindgen_test]
async fn a_second_submit_while_saving_is_refused() {
    let name = FieldState::new("name", "Acme").check(checks::required);
    let form = Form::new(vec![name]);
    assert!(form.begin(), "the first save starts");
    assert!(form.saving.get_untracked());
    assert!(!form.begin(), "the second is ignored while the first runs");
    form.finish(Ok(()));
    assert!(form.begin(), "and allowed again after");
    form.finish(Ok(()));
    name.set("");
    assert!(!form.begin(), "nothing is sent with a field in error");
}

fn every_error() -> Vec<ApiError> {
    vec![
        ApiError::InvalidRequest { field: "email", reason: "must be an e-mail address".into() },
        ApiError::from_status(422, Some("The selected role is invalid.".into()), None, None),
        ApiError::from_status(401, Some("Unauthenticated.".into()), None, None),
        ApiError::from_status(403, Some("Only owners may do this.".into()), None, None),
        ApiError::from_status(404, Some("Member not found.".into()), None, None),
        ApiError::from_status(409, Some("Already invited.".into()), None, None),
        ApiError::from_status(429, None, None, None),
        ApiError::from_status(500, Some("Oops.".into()), None, None),
        ApiError::from_status(418, None, None, None),
        ApiError::Network { message: "Failed to fetch".into() },
        ApiError::Timeout { after_ms: 30_000 },
        ApiError::Aborted,
        ApiError::Decode { path: "data[0].id".into(), message: "invalid type".into() },
    ]
}

#[wasm_bindgen_test]
async fn every_error_kind_renders_its_sentence() {
    for e in every_error() {
        let el = container();
        let shown = e.clone();
        leptos::mount::mount_to(el.clone(), move || view! { <ErrorBanner error=Signal::derive(move || Some(shown.clone()))/> }).forget();
        settle().await;
        let banner = el.query_selector("[role=alert]").unwrap().unwrap_or_else(|| panic!("{} renders an alert", e.kind()));
        assert_eq!(banner.get_attribute("data-kind").as_deref(), Some(e.kind()));
        let text = banner.text_content().unwrap();
        assert!(text.contains(&error_title(&e)), "{}: {text}", e.kind());
        assert!(text.contains(&e.to_string()), "{} shows its sentence: {text}", e.kind());
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn rate_limit_counts_down_and_retries_by_itself() {
    let el = container();
    let retried = RwSignal::new(0);
    let error = RwSignal::new(Some(ApiError::RateLimited { retry_after_ms: Some(1_200), message: "Too many".into() }));
    leptos::mount::mount_to(el.clone(), move || {
        view! { <ErrorBanner error=error on_retry=Callback::new(move |_| retried.update(|n| *n += 1)) auto_retry=true/> }
    })
    .forget();
    settle().await;
    let text = el.text_content().unwrap();
    assert!(text.contains("It frees up in 2 s"), "{text}");
    assert!(text.contains("retries by itself"), "{text}");
    assert_eq!(retried.get_untracked(), 0);
    gloo_sleep(1_800).await;
    assert_eq!(retried.get_untracked(), 1, "retried once the budget freed up");
    // The wait is over: the banner no longer says "It frees up in 2 s".
    let text = el.text_content().unwrap();
    assert!(text.contains("It has freed up: send again.") && !text.contains("frees up in"), "{text}");
}

#[wasm_bindgen_test]
async fn an_error_without_one_shows_nothing() {
    let el = container();
    leptos::mount::mount_to(el.clone(), || view! { <ErrorBanner error=Signal::derive(|| None)/> }).forget();
    settle().await;
    assert!(el.query_selector("[role=alert]").unwrap().is_none());
}

async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn skeleton_rows_say_the_apps_loading_note_in_a_polite_live_region() {
    let note = RwSignal::new(None::<String>);
    let el = container();
    leptos::mount::mount_to(el.clone(), move || {
        webwork_ui::provide_loading_note(note.into());
        view! { <webwork_ui::SkeletonRows rows=2 cols=2/> }
    })
    .forget();
    settle().await;
    let region = el.query_selector("[aria-live='polite']").unwrap().expect("the live region is there before any note");
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(region.text_content().unwrap_or_default(), "", "no note, no words");

    note.set(Some("Waiting for the API's rate limit: next data in 12 s".to_owned()));
    settle().await;
    assert_eq!(region.text_content().unwrap_or_default(), "Waiting for the API's rate limit: next data in 12 s");
    assert!(el.query_selector(".skeleton-table").unwrap().is_some(), "the skeletons stay under the note");

    note.set(None);
    settle().await;
    assert!(el.query_selector(".loading-note").unwrap().is_none(), "the note goes when the data no longer waits");
}

#[wasm_bindgen_test]
async fn skeleton_rows_without_an_app_note_show_only_skeletons() {
    let el = container();
    leptos::mount::mount_to(el.clone(), || view! { <webwork_ui::SkeletonRows/> }).forget();
    settle().await;
    assert!(el.query_selector(".loading-note").unwrap().is_none());
    assert_eq!(el.query_selector_all(".skeleton-table tr").unwrap().length(), 5);
}

fn nine_series() -> webwork_ui::StackedBars {
    webwork_ui::StackedBars {
        categories: vec!["Mo".into(), "Di".into()],
        series: (0..9).map(|i| (format!("M{i}"), vec![(i + 1) as f64, 1.0])).collect(),
    }
}

fn texts(el: &HtmlElement, selector: &str) -> Vec<String> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

/// The panel passes the chart its words in the reader's language, made at run time (not
/// `'static`); the widgets leave them out and get the English.
#[wasm_bindgen_test]
async fn a_bar_chart_shows_the_unit_headers_and_others_it_is_given() {
    let el = container();
    let (unit, header, others) = (String::from("Std"), format!("{}g", "Ta"), String::from("Sonstige"));
    leptos::mount::mount_to(el.clone(), move || {
        view! { <webwork_ui::StackedBarChart title="Stunden" data=nine_series() unit category_header=header others_label=others/> }
    })
    .forget();
    settle().await;
    let legend = texts(&el, ".chart-legend li");
    assert_eq!(legend.len(), 8, "seven series and the rest");
    assert_eq!(legend[7], "Sonstige");
    assert!(el.query_selector("svg text").unwrap().unwrap().text_content().unwrap().ends_with(" Std"), "the axis has the unit");
    el.query_selector(".chart-toggle").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    let headers = texts(&el, ".chart-table thead th");
    assert_eq!(headers.first().map(String::as_str), Some("Tag"));
    assert_eq!(headers.get(1).map(String::as_str), Some("M0 (Std)"), "the table keeps every series");
    assert_eq!(headers.len(), 9 + 2);

    let plain = container();
    leptos::mount::mount_to(plain.clone(), move || view! { <webwork_ui::StackedBarChart title="Hours" data=nine_series()/> }).forget();
    settle().await;
    assert_eq!(texts(&plain, ".chart-legend li").last().map(String::as_str), Some("Others"));
    plain.query_selector(".chart-toggle").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(texts(&plain, ".chart-table thead th").first().map(String::as_str), Some("Day"));
}
