//! The panel's zone module in the browser: wall clocks of other zones through Intl (daylight
//! saving included), zone labels, entries on the member's or the viewer's clock, and the stamps
//! the time-request form sends on the member's clock.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use webwork_admin::zone::{
    entry_shown, member_stamp, offset_minutes_at, remember, span_with_offset, viewer_zone, wall_clock, zone_label, Mode,
};
use webwork_core::models::{Member, TimeEntry};
use webwork_core::zone::ZonedStamp;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

fn ms(iso: &str) -> f64 {
    ZonedStamp::parse(iso).unwrap().unix_ms() as f64
}

#[wasm_bindgen_test]
fn wall_clocks_and_labels_of_other_zones() {
    support::english();
    let w = wall_clock(ms("2026-03-01T22:00:00Z"), "Asia/Manila").unwrap();
    assert_eq!((w.date.as_str(), w.clock.as_str(), w.offset.as_str()), ("2026-03-02", "06:00", "UTC+8"));
    // Madrid across the October 2025 change: UTC+2, then UTC+1.
    assert_eq!(offset_minutes_at(ms("2025-10-25T12:00:00Z"), "Europe/Madrid"), Some(120));
    assert_eq!(offset_minutes_at(ms("2025-10-26T12:00:00Z"), "Europe/Madrid"), Some(60));
    assert_eq!(offset_minutes_at(ms("2026-03-01T12:00:00Z"), "Pacific/Auckland"), Some(780));
    assert_eq!(offset_minutes_at(ms("2026-03-01T12:00:00Z"), "Asia/Kolkata"), Some(330));
    assert_eq!(zone_label("Asia/Manila", ms("2026-03-01T00:00:00Z")), "Manila time, UTC+8");
    assert_eq!(zone_label("Asia/Kolkata", ms("2026-03-01T00:00:00Z")), "Kolkata time, UTC+5:30");
    assert_eq!(zone_label("UTC", ms("2026-03-01T00:00:00Z")), "UTC");
    // A zone the browser does not know is None, not a trap.
    assert!(wall_clock(0.0, "Mars/Olympus").is_none());
    assert!(!viewer_zone().is_empty());
}

#[wasm_bindgen_test]
fn entries_on_the_member_clock_and_on_the_viewer_clock() {
    support::english();
    let e = TimeEntry {
        date: "2026-03-02".into(),
        start_time: "2026-03-02T06:00:00+08:00".into(),
        end_time: Some("2026-03-02T06:45:00+08:00".into()),
        ..Default::default()
    };
    let member = entry_shown(&e, Mode::Member);
    assert_eq!((member.date.as_str(), member.span.as_str(), member.offset.as_str()), ("2026-03-02", "06:00–06:45", "UTC+8"));
    // The viewer's clock is the browser's: compare with what Intl says for the same instant.
    let here = wall_clock(ms(&e.start_time), &viewer_zone()).unwrap();
    let viewer = entry_shown(&e, Mode::Viewer);
    assert_eq!((viewer.date, viewer.offset), (here.date, here.offset));
    assert!(viewer.span.starts_with(&here.clock), "{}", viewer.span);
    // A running entry and an unreadable stamp.
    let running = TimeEntry { end_time: None, ..e.clone() };
    assert_eq!(entry_shown(&running, Mode::Member).span, "06:00–running");
    let odd = TimeEntry { start_time: "soon".into(), ..e };
    assert_eq!(entry_shown(&odd, Mode::Viewer).span, "soon");
}

#[wasm_bindgen_test]
fn request_stamps_are_on_the_member_clock() {
    let member = |id: u64, tz: &str| Member { id, timezone: Some(tz.into()), ..Default::default() };
    remember(&[member(901, "America/New_York"), member(902, "Europe/Madrid"), member(903, "UTC")]);
    assert_eq!(member_stamp("2026-03-02", "04:30", 901), "2026-03-02T04:30:00-05:00");
    assert_eq!(member_stamp("2025-10-24", "09:00", 902), "2025-10-24T09:00:00+02:00");
    assert_eq!(member_stamp("2025-10-27", "09:00", 902), "2025-10-27T09:00:00+01:00");
    assert_eq!(member_stamp("2026-03-02", "04:30", 903), "2026-03-02T04:30:00Z");
    // An unknown member: the API's clock, UTC.
    assert_eq!(member_stamp("2026-03-02", "04:30", 999), "2026-03-02T04:30:00Z");
}

#[wasm_bindgen_test]
fn request_spans_name_their_offset() {
    assert_eq!(span_with_offset("2026-03-02T04:30:00-05:00", "2026-03-02T05:45:00-05:00"), "2026-03-02 04:30–05:45 UTC-5");
    assert_eq!(span_with_offset("2026-03-02T23:30:00Z", "2026-03-03T00:30:00Z"), "2026-03-02 23:30–2026-03-03 00:30 UTC");
    assert_eq!(span_with_offset("", "later"), "–later");
}
