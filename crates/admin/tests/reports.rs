//! Admin panel II in headless Chromium: the Export button's words (rows, time left, file names).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use webwork_admin::export::{file_name, progress_text, time_left};
use webwork_core::export::{ExportFormat, Progress};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn export_progress_in_words() {
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(time_left(0.0), "almost done");
    assert_eq!(time_left(41_200.0), "about 42 s left");
    assert_eq!(time_left(95_000.0), "about 1 min 35 s left");
    let p = Progress { rows: 1200, total: Some(10_000), pages: 12, last_page: Some(100), elapsed_ms: 900.0, eta_ms: Some(60_000.0) };
    // Counts are numbers in the reader's format (Intl): grouped in English.
    assert_eq!(progress_text(&p), "1,200 of 10,000 rows · about 1 min 0 s left");
    assert_eq!(progress_text(&Progress { rows: 300, ..Progress::default() }), "300 rows");
    let name = file_name("leave balances/2026", ExportFormat::Csv);
    assert!(name.starts_with("leave-balances-2026-") && name.ends_with(".csv"), "{name}");
    assert!(file_name("tasks", ExportFormat::Json).ends_with(".json"));
}

#[wasm_bindgen_test]
fn export_progress_in_german() {
    webwork_admin::i18n::install("de", include_str!("../i18n/de.ftl"));
    let p = Progress { rows: 1200, total: Some(10_000), pages: 12, last_page: Some(100), elapsed_ms: 900.0, eta_ms: Some(95_000.0) };
    assert_eq!(progress_text(&p), "1.200 von 10.000 Zeilen · noch etwa 1 min 35 s");
    assert_eq!(progress_text(&Progress { rows: 1, ..Progress::default() }), "1 Zeile");
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
}
