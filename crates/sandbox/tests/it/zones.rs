//! The time-zone decision (inferred; SANDBOX.md "Time zones"): a time entry's `date` and `HH:mm`
//! are the member's wall clock, answers carry the zone's offset at that instant, per-day reports
//! count the member's days, and the daily timeline answers with the owner's offset.

use serde_json::json;

use crate::support::*;

/// The UTC stamp the sandbox stored for entry `id`.
fn stored_start(app: &std::sync::Arc<App>, id: &str) -> String {
    let db = app.store.lock();
    db.conn.query_row("SELECT start_at FROM time_entries WHERE id = ?1", [id], |r| r.get(0)).expect("stored entry")
}

async fn create(app: &std::sync::Arc<App>, user: u64, date: &str, start: &str, end: &str) -> RawResponse {
    let body = json!({"workspace_id": 1, "user_id": user, "date": date, "start_time": start, "end_time": end});
    call(app, OWNER, "POST", "/api/v2/time-entries", Some(body)).await
}

#[tokio::test]
async fn the_seed_has_members_across_the_date_line() {
    let app = app();
    let c = client(&app, OWNER);
    for (user, zone) in [(6u64, "Asia/Kolkata"), (7, "Asia/Manila"), (8, "Pacific/Auckland")] {
        let m = c.send(&GetMember::new(user, WS)).await.unwrap();
        assert_eq!(m.timezone.as_deref(), Some(zone), "user {user}");
    }
    // Their seeded work starts in their own morning: every entry's answer carries the offset and
    // a wall clock between 08:00 and 21:00.
    for (user, offset) in [(7u64, "+08:00"), (8, "+13:00")] {
        let mut seen = 0;
        for back in 1..8 {
            let day = webwork_core::date::CivilDate::parse(testing::TODAY).unwrap().add_days(-back).to_string();
            for e in c.send(&ListTimeEntries::new(WS, user, day.as_str()).per_page(50u32)).await.unwrap() {
                assert!(e.start_time.starts_with(&day) && e.start_time.ends_with(offset), "{}", e.start_time);
                let hour: u32 = e.start_time[11..13].parse().unwrap();
                assert!((8..21).contains(&hour), "{}", e.start_time);
                seen += 1;
            }
        }
        assert!(seen > 0, "user {user} has entries last week");
    }
}

#[tokio::test]
async fn manila_and_auckland_clock_times_are_their_own() {
    let app = app();
    let c = client(&app, OWNER);
    // Manila (user 7, UTC+8, no DST): 06:00 there is 22:00 UTC the day before.
    let r = create(&app, 7, "2026-03-02", "06:00", "07:00").await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(stored_start(&app, &id), "2026-03-01T22:00:00Z");
    let listed = c.send(&ListTimeEntries::new(WS, 7u64, "2026-03-02")).await.unwrap();
    let e = listed.iter().find(|e| e.id == id).expect("listed on the member's day");
    assert_eq!((e.date.as_str(), e.start_time.as_str()), ("2026-03-02", "2026-03-02T06:00:00+08:00"));
    assert_eq!(e.end_time.as_deref(), Some("2026-03-02T07:00:00+08:00"));
    assert!(c.send(&ListTimeEntries::new(WS, 7u64, "2026-03-01")).await.unwrap().iter().all(|e| e.id != id));

    // Auckland (user 8, UTC+13 in its summer): Monday 06:00 is Sunday 17:00 UTC.
    let r = create(&app, 8, "2026-03-02", "06:00", "06:30").await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["data"]["id"].as_str().unwrap().to_owned();
    assert_eq!(stored_start(&app, &id), "2026-03-01T17:00:00Z");
    let e = c.send(&ListTimeEntries::new(WS, 8u64, "2026-03-02")).await.unwrap().into_iter().find(|e| e.id == id).unwrap();
    assert_eq!((e.start_time.as_str(), e.duration_minutes), ("2026-03-02T06:00:00+13:00", 30));
    // An update that names only the end keeps the start on the member's wall clock.
    let r = call(&app, OWNER, "PUT", &format!("/api/v2/time-entries/{id}"), Some(json!({"workspace_id": 1, "end_time": "06:45"}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let e = c.send(&ListTimeEntries::new(WS, 8u64, "2026-03-02")).await.unwrap().into_iter().find(|e| e.id == id).unwrap();
    assert_eq!((e.start_time.as_str(), e.duration_minutes), ("2026-03-02T06:00:00+13:00", 45));

    // The daily timeline of that day answers with the owner's offset (user 1, Europe/Paris, UTC+1).
    let rows = c.send(&GetDailyTimelineReport::new(WS, "2026-03-02").user_ids(vec![8u64])).await.unwrap();
    let times: Vec<&str> = rows[0].entries.iter().map(|e| e.start_time.as_str()).collect();
    assert!(times.contains(&"2026-03-01T18:00:00+01:00"), "{times:?}");
}

#[tokio::test]
async fn madrid_daylight_saving_neither_shifts_nor_duplicates_time() {
    let app = app();
    let c = client(&app, OWNER);
    let r = call(&app, OWNER, "PUT", "/api/v2/members/5", Some(json!({"workspace_id": 1, "timezone": "Europe/Madrid"}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    // The week of the October 2025 change (Sunday 26th, 03:00 summer time becomes 02:00).
    let week = [
        ("2025-10-20", "09:00", "17:00", "+02:00", 480),
        ("2025-10-24", "09:00", "13:00", "+02:00", 240),
        // 01:00 to 04:00 on the change night is four real hours.
        ("2025-10-26", "01:00", "04:00", "+02:00", 240),
        ("2025-10-27", "09:00", "17:00", "+01:00", 480),
    ];
    for (date, start, end, offset, minutes) in week {
        let r = create(&app, 5, date, start, end).await;
        assert_eq!(r.status, 201, "{date}: {}", r.body);
        assert_eq!(r.body["saved_minutes"], minutes, "{date}");
        let e = c.send(&ListTimeEntries::new(WS, 5u64, date)).await.unwrap().into_iter().next().unwrap();
        assert_eq!(e.start_time, format!("{date}T{start}:00{offset}"));
        assert_eq!(e.duration_minutes, minutes);
    }
    // The same clock time after the change is an hour later in UTC.
    let after = c.send(&ListTimeEntries::new(WS, 5u64, "2025-10-27")).await.unwrap().remove(0);
    assert_eq!(stored_start(&app, &after.id), "2025-10-27T08:00:00Z");
    // The tracked-hours report counts the member's days: Monday..Sunday holds the first three.
    let report = c.send(&GetTrackedHoursReport::new(WS).user_id(5u64).start_date("2025-10-20").end_date("2025-10-26")).await.unwrap();
    assert_eq!(report.total.total_minutes, 480 + 240 + 240);
    assert_eq!(report.dates.keys().cloned().collect::<Vec<_>>(), ["2025-10-20", "2025-10-24", "2025-10-26"]);
    // The timesheet of that week says the same.
    let sheets = c.send(&ListTimesheets::new(WS).user_id(5u64).date_from("2025-10-20").date_to("2025-10-26")).await.unwrap();
    assert_eq!(sheets.len(), 1);
}
