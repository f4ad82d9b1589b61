//! The WebWork Tracker admin panel: a Leptos client-side app over `webwork-core`.
//!
//! * [`app`]: the root (contexts, location) and `render` (a route to its page, ids as props).
//!   [`routes`]: every address as a typed `Route`, one parser and one `href`.
//! * [`api`]: the `Api` handle in context (client, in-flight count, rate budget, 401 handling)
//!   and `load`, the resource pages read lists and items with.
//! * [`nav`]: the location (history, links followed in place), view state in the URL. [`session`]: where the token is kept.
//! * [`zone`]: which zone every time on screen is in, and the switch to the viewer's.
//! * [`pages`]: one module per resource. [`export`]: the Export button (every page as CSV/JSON).
//! * [`i18n`]: the language (picker, catalog fetched per language). [`format`]: dates, numbers,
//!   money and durations by the browser's `Intl`.
//!
//! The panel runs in a browser only (it calls the API through `fetch`): on other targets the crate
//! is empty, so `cargo build --workspace` still works natively.
#![cfg(target_arch = "wasm32")]

pub mod api;
pub mod app;
pub mod cache;
pub mod export;
pub mod format;
pub mod i18n;
pub mod nav;
pub mod pages;
pub mod routes;
pub mod session;
pub mod zone;

/// Mounts the panel on `<body>`, once the chosen language's catalog is in.
pub fn start() {
    // The browser's own executor: Leptos's starts with the first mount, which waits for this.
    wasm_bindgen_futures::spawn_local(async {
        let lang = i18n::load(i18n::initial()).await;
        leptos::mount::mount_to_body(move || view_app(lang));
    });
}

fn view_app(lang: &'static str) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <app::App lang/> }
}
