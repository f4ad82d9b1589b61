//! The Export button of lists and reports: every row of the current filters (all pages, not
//! just the visible one) as CSV or JSON, assembled in the browser and offered as a download.
//!
//! The walk is the core's (`webwork_core::export::fetch_all`, through [`Api::export`]): pages of
//! 100 through the client's pacer, so an export never spends more than the 60 requests a minute
//! the API allows, whatever else the panel does. While it runs: a progress bar with rows
//! fetched and an estimate of the time left, and Cancel (which aborts the request in flight).

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use webwork_core::export::{list_rows, ExportFormat, Progress, RowsOf};
use webwork_core::{ApiError, ApiRequest, CancelToken};
use webwork_ui::i18n::{t, t_args};
use webwork_ui::{ErrorBanner, Toaster};

use crate::api::use_api;

/// "about 1 min 20 s left".
pub fn time_left(ms: f64) -> String {
    let s = (ms / 1000.0).ceil().max(0.0) as u64;
    match s {
        0 => t("export-almost-done"),
        1..=59 => t_args("export-seconds-left", &[("seconds", s.into())]),
        _ => t_args("export-minutes-left", &[("minutes", (s / 60).into()), ("seconds", (s % 60).into())]),
    }
}

/// The sentence under the progress bar.
pub fn progress_text(p: &Progress) -> String {
    let rows = match p.total {
        Some(total) => t_args("export-rows-of", &[("rows", p.rows.into()), ("total", total.into())]),
        None => t_args("export-rows", &[("rows", p.rows.into())]),
    };
    match p.eta_ms {
        Some(ms) => format!("{rows} · {}", time_left(ms)),
        None => rows,
    }
}

/// A file name without characters a file system refuses, with today's date and the extension.
/// The bases are the panel's own ASCII names (`time-entries`); ASCII-only also spares the bundle
/// the Unicode tables of `char::is_alphanumeric`.
pub fn file_name(base: &str, format: ExportFormat) -> String {
    let clean: String = base.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let day = webwork_ui::daterange::today();
    format!("{}-{day}.{}", clean.trim_matches('-'), format.extension())
}

/// Offers `text` as a download named `name`.
fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| {
        let why = webwork_core::client::fetch::js_message(&e).unwrap_or_else(|| t("export-no-reason"));
        t_args("export-browser-refused", &[("reason", why.into())])
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| t("export-no-document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Give the download a moment to start before the URL is released.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
    Ok(())
}

/// How a list's current filters become the request to export (page and page size are set by
/// the export).
pub type RequestFn = Callback<(), Result<ApiRequest, ApiError>>;
/// The same for a report asked in several requests (day by day, 31-day pieces).
pub type RequestsFn = Callback<(), Result<Vec<ApiRequest>, ApiError>>;

/// Export CSV / Export JSON for a list or report. `request` gives the request of the view's
/// current filters (or `requests`, several exported as one file); `rows_of` reads a page's rows
/// (lists: `data` itself; reports whose `data` is an object pass one of the core's row
/// shapers).
#[component]
pub fn ExportButton(
    /// The file's name without date and extension (`members`, `expenses`).
    #[prop(into)]
    file: String,
    #[prop(optional)] request: Option<RequestFn>,
    #[prop(optional)] requests: Option<RequestsFn>,
    #[prop(optional)] rows_of: Option<RowsOf>,
    /// Keeps only the rows this says yes to (views that filter in the panel, e.g. a search).
    #[prop(optional)]
    keep: Option<Callback<serde_json::Value, bool>>,
) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let rows_of = rows_of.unwrap_or(list_rows);
    let running = RwSignal::new(None::<CancelToken>);
    let progress = RwSignal::new(Progress::default());
    let error = RwSignal::new(None::<ApiError>);
    let file = StoredValue::new(file);

    let start = move |format: ExportFormat| {
        if running.get_untracked().is_some() {
            return;
        }
        error.set(None);
        let asked = match (request, requests) {
            (Some(one), _) => one.run(()).map(|r| vec![r]),
            (None, Some(many)) => many.run(()),
            (None, None) => Ok(Vec::new()),
        };
        let requests = match asked {
            Ok(r) => r,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let cancel = CancelToken::new();
        running.set(Some(cancel.clone()));
        progress.set(Progress::default());
        spawn_local(async move {
            let result = api.export(requests, rows_of, cancel, move |p| progress.set(*p)).await;
            running.set(None);
            match result {
                Ok(mut rows) => {
                    if let Some(keep) = keep {
                        rows.retain(|r| keep.run(r.clone()));
                    }
                    let name = file_name(&file.get_value(), format);
                    let text = format.render(&rows);
                    match download(&name, format.mime(), &text) {
                        Ok(()) => toaster.show(t_args("export-done", &[("rows", rows.len().into()), ("file", name.into())])),
                        Err(e) => toaster.error(t_args("export-save-failed", &[("file", name.into()), ("error", e.into())])),
                    };
                }
                Err(ApiError::Aborted) => {
                    toaster.show(t("export-cancelled"));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let busy = move || running.with(Option::is_some);
    // Whole percents as integers: f64's Display would link Rust's float printer.
    let percent = move || progress.with(|p| p.fraction()).map(|f| (f * 100.0).round().clamp(0.0, 100.0) as u32);
    view! {
        <div class="export">
            <button type="button" class="btn" disabled=busy on:click=move |_| start(ExportFormat::Csv)>{t("export-csv")}</button>
            <button type="button" class="btn ghost" disabled=busy on:click=move |_| start(ExportFormat::Json)>{t("export-json")}</button>
            <Show when=busy>
                <div class="export-progress" role="status" aria-live="polite">
                    <progress max="100" aria-label=t("export-progress") value=move || percent().map(|p| p.to_string())></progress>
                    <span class="muted">{move || progress.with(progress_text)}</span>
                    <button type="button" class="btn small" on:click=move |_| {
                        if let Some(c) = running.get_untracked() {
                            c.cancel();
                        }
                    }>{t("common-cancel")}</button>
                </div>
            </Show>
            <ErrorBanner error=error/>
        </div>
    }
}
