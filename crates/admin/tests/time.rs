//! The time pages' logic in the browser: `HH:mm` reading and the order of start and end, week
//! ranges, the refresh plan that keeps the tracker board within the rate budget, why an entry
//! is locked, the timesheet breakdown grid, tracker replies on the board, the dashboard's
//! figures and the reason dialog.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement};
use webwork_admin::api::BudgetView;
use webwork_admin::pages::dashboard::{leave_text, WeekHours};
use webwork_admin::pages::time_common::{
    clock_check, clock_of, duration_text, hours_text, minutes_within, normalize_clock, refresh_plan, span_minutes, stamp_text, Days,
    ReasonDialog, Refresh, MIN_INTERVAL_MS, RESERVE,
};
use webwork_admin::pages::time_entries::lock_reason;
use webwork_admin::pages::time_requests::{minutes_between, stamp};
use webwork_admin::pages::timesheets::breakdown_grid;
use webwork_admin::pages::tracking::{is_running, started_state, stopped_state};
use webwork_core::date::CivilDate;
use webwork_core::models::{Leave, LeavePeriod, TimeEntry, Timesheet, TimesheetDay, TrackerStarted, TrackerState, TrackerStopped};

mod support;
use support::{document, sleep};

wasm_bindgen_test_configure!(run_in_browser);

fn day(s: &str) -> CivilDate {
    CivilDate::parse(s).unwrap()
}

#[wasm_bindgen_test]
fn clock_times_read_and_their_order_is_checked() {
    support::english();
    assert_eq!(clock_of("2026-03-03T09:05:00Z"), "09:05");
    assert_eq!(clock_of("2026-03-03T17:30:00+02:00"), "17:30");
    assert_eq!(clock_of("2026-03-03"), "", "no time part");
    assert_eq!(stamp_text("2026-03-02T09:00:00Z"), "2026-03-02 09:00 UTC");
    assert_eq!(stamp_text("2026-03-02T09:00:00+08:00"), "2026-03-02 09:00 UTC+8", "the offset is named");
    assert_eq!(stamp_text("yesterday"), "yesterday", "as sent when it does not read");
    assert_eq!(clock_check("09:00"), None);
    assert_eq!(clock_check(""), Some("Required.".to_owned()));
    for bad in ["24:00", "9:5", "12:60", "noon"] {
        assert!(clock_check(bad).is_some(), "{bad} is refused");
    }
    // Typed loosely, sent strictly.
    assert_eq!(normalize_clock("9:05"), "09:05");
    assert_eq!(normalize_clock("0905"), "09:05");
    assert_eq!(normalize_clock("17.30"), "17:30");
    assert_eq!(normalize_clock("7"), "07:00");
    assert_eq!(normalize_clock("25:00"), "25:00", "left as typed, so its check says why");
    assert_eq!(span_minutes("09:00", "10:30"), Some(90));
    assert_eq!(span_minutes("10:30", "10:30"), None, "an end equal to the start is not after it");
    assert_eq!(span_minutes("18:00", "09:00"), None);
    assert_eq!(duration_text(45), "45 min");
    assert_eq!(duration_text(125), "2 h 05 min");
    assert_eq!(hours_text(450), "7.5 h");
    assert_eq!(stamp("2026-03-02", "04:30"), "2026-03-02T04:30:00Z");
    assert_eq!(minutes_between("2026-03-02T04:30:00Z", "2026-03-02T05:45:00Z"), Some(75));
    assert_eq!(minutes_between("soon", "2026-03-02T05:45:00Z"), None);
}

#[wasm_bindgen_test]
fn week_ranges_start_on_monday() {
    support::english();
    let wednesday = day("2026-03-04");
    let week = Days::week_of(wednesday);
    assert_eq!((week.from.to_string(), week.to.to_string()), ("2026-03-02".into(), "2026-03-08".into()));
    let so_far = Days::week_so_far(wednesday);
    assert_eq!(so_far.day_count(), 3);
    let before = so_far.week_before();
    assert_eq!((before.from.to_string(), before.to.to_string()), ("2026-02-23".into(), "2026-02-25".into()));
    // Across a year's end.
    let w = Days::week_of(day("2027-01-01"));
    assert_eq!(w.from.to_string(), "2026-12-28");
    assert_eq!(Days::week_of(day("2026-03-02")).from, day("2026-03-02"), "a Monday starts its own week");
    assert_eq!(so_far.each().iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2026-03-02", "2026-03-03", "2026-03-04"]);

    assert!(Days::parse("2026-03-01", "2026-03-31", 31).is_ok());
    assert_eq!(Days::parse("2026-03-05", "2026-03-04", 31).unwrap_err(), "The end date is before the start date.");
    assert!(Days::parse("2026-01-01", "2026-03-04", 31).unwrap_err().starts_with("At most 31 days"));
    assert!(Days::parse("2026-02-30", "2026-03-04", 31).is_err());

    let mut by_day = BTreeMap::new();
    for (d, m) in [("2026-03-01", 100), ("2026-03-02", 60), ("2026-03-04", 30), ("2026-03-05", 999)] {
        by_day.insert(d.to_owned(), m);
    }
    assert_eq!(minutes_within(&by_day, so_far, |m| *m), 90, "only the days of the range count");
}

#[wasm_bindgen_test]
fn the_refresh_plan_keeps_within_the_budget() {
    let budget = |limit, remaining| BudgetView { limit, remaining, next_free_in_ms: None, server: None };
    assert_eq!(refresh_plan(40, budget(0, 0)), Refresh::Every(MIN_INTERVAL_MS), "unlimited: the floor");
    // 40 members on 60 a minute: a round takes two thirds of a minute's budget, so one every 80 s.
    assert_eq!(refresh_plan(40, budget(60, 60)), Refresh::Every(80_000.0));
    assert_eq!(refresh_plan(3, budget(60, 60)), Refresh::Every(MIN_INTERVAL_MS), "never faster than the floor");
    // Too little left for a round and the reserve: wait for the budget, at least 5 s.
    assert!(matches!(refresh_plan(40, budget(60, 40 + RESERVE - 1)), Refresh::Paused(w) if w >= 5_000.0));
    let spent = BudgetView { limit: 60, remaining: 0, next_free_in_ms: Some(12_000.0), server: None };
    assert_eq!(refresh_plan(40, spent), Refresh::Paused(12_000.0));
    assert!(matches!(refresh_plan(40, budget(60, 40 + RESERVE)), Refresh::Every(_)));
}

fn sheet(from: &str, to: &str) -> Timesheet {
    Timesheet {
        id: "ts1".into(),
        date_from: Some(from.into()),
        date_to: Some(to.into()),
        approved_on: Some("2026-03-02T10:00:00Z".into()),
        ..Default::default()
    }
}

#[wasm_bindgen_test]
fn an_entry_in_an_approved_timesheet_says_why_it_is_locked() {
    support::english();
    let approved = vec![sheet("2026-02-23", "2026-03-01")];
    let entry = |date: &str, locked: bool| TimeEntry { date: date.into(), locked, ..Default::default() };
    assert_eq!(
        lock_reason(&entry("2026-02-24", false), &approved).as_deref(),
        Some("In the approved timesheet of 2026-02-23 – 2026-03-01, approved 2026-03-02."),
        "the timesheets say so even when the entry has no flag (the documented reply has none)"
    );
    assert!(lock_reason(&entry("2026-03-01", false), &approved).is_some(), "the last day of the period too");
    assert_eq!(lock_reason(&entry("2026-03-02", false), &approved), None);
    assert_eq!(lock_reason(&entry("2026-03-02", true), &approved).as_deref(), Some("An approved timesheet covers this day."));
}

#[wasm_bindgen_test]
fn the_breakdown_grid_has_every_day_and_sums_per_project() {
    support::english();
    let mut t = sheet("2026-02-23", "2026-03-01");
    let d = |p: &str, m: i64| TimesheetDay { project_name: Some(p.into()), total_minutes: m, ..Default::default() };
    t.daily_breakdown.insert("2026-02-23".into(), vec![d("Beta", 60), d("Alpha", 30)]);
    t.daily_breakdown.insert("2026-02-25".into(), vec![d("Alpha", 45), d("Alpha", 15)]);
    let (days, projects) = breakdown_grid(&t);
    assert_eq!(days.len(), 7, "every day of the period, also those without time");
    assert_eq!(days[0], "2026-02-23");
    assert_eq!(projects.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["Alpha", "Beta"]);
    assert_eq!(projects[0].1, vec![30, 0, 60, 0, 0, 0, 0]);
    assert_eq!(projects[1].1, vec![60, 0, 0, 0, 0, 0, 0]);
    assert_eq!(t.minutes(), 150, "the total falls back to the breakdown");
}

#[wasm_bindgen_test]
fn tracker_replies_show_on_the_board_at_once() {
    let idle = TrackerState { user_id: 7, total_minutes: 120, is_running: Some(false), ..Default::default() };
    assert!(!is_running(&idle));
    // The documented reply has no flag: a start time means it runs.
    assert!(is_running(&TrackerState { start_time: Some("2026-03-04T09:00:00Z".into()), ..Default::default() }));
    let started = TrackerStarted {
        start_time: "2026-03-04T10:00:00+00:00".into(),
        user_id: Some(7),
        contract_id: Some(3),
        project_id: Some(1),
        project_name: Some("Website".into()),
        activity_description: Some("Review".into()),
        ..Default::default()
    };
    let running = started_state(&started, Some(&idle));
    assert!(is_running(&running));
    assert_eq!(running.project_name.as_deref(), Some("Website"));
    assert_eq!(running.total_minutes, 120, "today's total is kept");
    let stopped = TrackerStopped {
        stopped_at: "2026-03-04T11:00:00Z".into(),
        time_entry: Some(TimeEntry { duration_minutes: 60, ..Default::default() }),
        ..Default::default()
    };
    let after = stopped_state(&stopped, Some(&running));
    assert!(!is_running(&after));
    assert_eq!(after.project_name, None);
    assert_eq!(after.total_minutes, 120);
}

#[wasm_bindgen_test]
fn dashboard_figures_read_well() {
    support::english();
    let week = |done, same| WeekHours {
        today: day("2026-03-04"),
        this_week: done,
        this_week_done: done,
        last_week_same_days: same,
        last_week: 2400,
    };
    assert_eq!(week(660, Some(600)).change_text().as_deref(), Some("+10 % from Monday to yesterday, against the same days last week"));
    assert_eq!(week(300, Some(600)).change_text().as_deref(), Some("-50 % from Monday to yesterday, against the same days last week"));
    assert_eq!(week(300, Some(0)).change_text(), None, "no comparison without time last week");
    assert_eq!(week(0, None).change_text(), None, "nor on a Monday");
    assert_eq!(week(300, Some(600)).last_week_text(), "Last week: 10.0 h on the same days, 40.0 h in all.");
    assert_eq!(week(0, None).last_week_text(), "Last week: 40.0 h in all.");
    let leave = Leave { policy_name: Some("Vacation".into()), leave_period: Some(LeavePeriod::FirstHalf), ..Default::default() };
    assert_eq!(leave_text(&leave), "Vacation, first half");
    let hours = Leave {
        policy_name: Some("Doctor appointment".into()),
        start_time: Some("09:00".into()),
        end_time: Some("11:00".into()),
        ..Default::default()
    };
    assert_eq!(leave_text(&hours), "Doctor appointment, 09:00–11:00");
}

#[wasm_bindgen_test]
async fn the_reason_dialog_wants_a_reason() {
    support::english();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let open = RwSignal::new(true);
    let got = RwSignal::new(None::<String>);
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ReasonDialog open title="Reject?" message="Why?" label="Reason" confirm_label="Reject"
                on_confirm=Callback::new(move |r: String| got.set(Some(r)))/>
        }
    })
    .forget();
    sleep(20).await;
    let confirm: HtmlButtonElement = el.query_selector("button.danger").unwrap().unwrap().unchecked_into();
    assert!(confirm.disabled(), "no reason, no rejection");
    let area: web_sys::HtmlTextAreaElement = el.query_selector("textarea").unwrap().unwrap().unchecked_into();
    area.set_value("   ");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    sleep(20).await;
    assert!(confirm.disabled(), "blanks are no reason");
    area.set_value("  Friday is missing ");
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    sleep(20).await;
    assert!(!confirm.disabled());
    confirm.click();
    sleep(20).await;
    assert_eq!(got.get_untracked().as_deref(), Some("Friday is missing"), "the reason, trimmed");
    assert!(!open.get_untracked(), "the dialog closes");
}
