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

/// The reports' sentences with counts: plural forms per language, numbers in its format, and
/// the English the e2e tests find.
#[wasm_bindgen_test]
fn report_sentences_in_each_language() {
    use webwork_ui::i18n::t_args;
    let summary = |present: u64, days: u64| t_args("reports-attendance-summary", &[("present", present.into()), ("days", days.into())]);
    let split = |parts: u64| t_args("reports-split-note", &[("max", 31u64.into()), ("parts", parts.into())]);
    let tracked = |total: f64| t_args("reports-tracked-by-project", &[("total", total.into())]);

    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(summary(1, 1), "All members: 1 present day of 1 member-day.");
    assert_eq!(summary(12, 1400), "All members: 12 present days of 1,400 member-days.");
    assert_eq!(split(2), "The API gives at most 31 days at a time: this range is asked in 2 parts.");
    assert_eq!(tracked(1129.1), "Tracked hours by project: 1,129.1 h");
    assert_eq!(t_args("reports-attendance-of", &[("name", "Seán O'Brien".into())]), "Attendance of Seán O'Brien");

    webwork_admin::i18n::install("de", include_str!("../i18n/de.ftl"));
    assert_eq!(summary(1, 1), "Alle Mitglieder: 1 Anwesenheitstag von 1 Mitgliedstag.");
    assert_eq!(summary(12, 1400), "Alle Mitglieder: 12 Anwesenheitstage von 1.400 Mitgliedstagen.");
    assert_eq!(split(3), "Die API liefert höchstens 31 Tage auf einmal: Dieser Zeitraum wird in 3 Teilen abgefragt.");
    assert_eq!(tracked(1129.1), "Erfasste Stunden nach Projekt: 1.129,1 h");

    webwork_admin::i18n::install("es", include_str!("../i18n/es.ftl"));
    assert_eq!(summary(1, 5), "Todos los miembros: 1 día presente de 5 días-miembro.");
    assert_eq!(split(2), "La API da como máximo 31 días cada vez: este rango se pide en 2 partes.");

    webwork_admin::i18n::install("pt-BR", include_str!("../i18n/pt-BR.ftl"));
    assert_eq!(summary(0, 1), "Todos os membros: 0 dia presente de 1 dia-membro.", "Portuguese counts 0 as one");
    assert_eq!(summary(2, 7), "Todos os membros: 2 dias presentes de 7 dias-membro.");
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
}

/// "Exported 1 row", not "1 rows", in every language.
#[wasm_bindgen_test]
fn export_done_counts_rows() {
    use webwork_ui::i18n::t_args;
    let done = |rows: u64| t_args("export-done", &[("rows", rows.into()), ("file", "tasks-2026-03-04.csv".into())]);
    for (tag, catalog, one, many) in [
        ("en", include_str!("../i18n/en.ftl"), "Exported 1 row to tasks-2026-03-04.csv.", "Exported 1,500 rows to tasks-2026-03-04.csv."),
        (
            "de",
            include_str!("../i18n/de.ftl"),
            "1 Zeile nach tasks-2026-03-04.csv exportiert.",
            "1.500 Zeilen nach tasks-2026-03-04.csv exportiert.",
        ),
        ("es", include_str!("../i18n/es.ftl"), "1 fila exportada a tasks-2026-03-04.csv.", "1500 filas exportadas a tasks-2026-03-04.csv."),
        (
            "pt-BR",
            include_str!("../i18n/pt-BR.ftl"),
            "1 linha exportada para tasks-2026-03-04.csv.",
            "1.500 linhas exportadas para tasks-2026-03-04.csv.",
        ),
    ] {
        webwork_admin::i18n::install(tag, catalog);
        assert_eq!(done(1), one, "{tag}");
        assert_eq!(done(1500), many, "{tag}");
    }
    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
}

/// The charts' numbers and days in the reader's format once the panel's catalog is installed
/// (the widgets, without one, keep `1129.1` and ISO days: crates/ui's own tests).
#[wasm_bindgen_test]
fn chart_tables_in_the_readers_format() {
    use webwork_core::date::CivilDate;
    use webwork_ui::chart::{CalendarHeat, HeatDay, StackedBars};
    let bars = StackedBars { categories: vec!["Mo".into()], series: vec![("A".into(), vec![1129.14]), ("B".into(), vec![0.25])] };
    let day = CivilDate::parse("2026-03-04").unwrap();
    let heat = CalendarHeat { levels: vec!["Anwesend".into()], days: vec![HeatDay { date: day, level: Some(0), detail: String::new() }] };

    webwork_admin::i18n::install("de", include_str!("../i18n/de.ftl"));
    assert_eq!(bars.table("Tag", "h").rows[0], vec!["Mo", "1.129,1", "0,3", "1.129,4"]);
    assert_eq!(bars.table("Tag", "h").headers.last().map(String::as_str), Some("Summe (h)"));
    assert_eq!(heat.table().rows[0][0], "04.03.2026");

    webwork_admin::i18n::install("en", include_str!("../i18n/en.ftl"));
    assert_eq!(bars.table("Day", "h").rows[0], vec!["Mo", "1,129.1", "0.3", "1,129.4"]);
    assert_eq!(heat.table().rows[0][0], "Mar 4, 2026");
}
