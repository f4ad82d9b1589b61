//! What the panel's browser tests share: a place on the page to mount into, and a wait.
#![allow(dead_code)] // each test crate uses its own part

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The English catalog, as the panel fetches it at start-up (the tests mount pages without
/// `start`, and find elements by their English text).
pub fn english() {
    if !webwork_ui::i18n::has_translator() {
        webwork_admin::i18n::install("en", include_str!("../../i18n/en.ftl"));
    }
}

/// A fresh element at the end of the page's body (with the English catalog installed).
pub fn container() -> HtmlElement {
    english();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Waits until `done` holds (polling every 10 ms, at most 5 s), or fails naming `what`: for a
/// check that something did NOT happen, the event after which it would have happened.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    panic!("never happened: {what}");
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
