//! Time entries: the day list, manual creation (overlaps saved partially), update, delete,
//! the approved-timesheet lock, validation, roles and isolation.

use serde_json::json;
use webwork_core::date::CivilDate;

use crate::support::*;

fn day(offset: i64) -> String {
    CivilDate::parse(testing::TODAY).unwrap().add_days(offset).to_string()
}

/// The most recent of the last weekdays on which user 5 has entries.
async fn worked_day(c: &Client<InProcess>) -> (String, Vec<TimeEntry>) {
    for back in 1..10 {
        let d = day(-back);
        let entries = c.send(&ListTimeEntries::new(WS, 5u64, d.as_str()).per_page(50u32)).await.unwrap();
        if !entries.is_empty() {
            return (d, entries);
        }
    }
    panic!("user 5 has no recent entries");
}

#[tokio::test]
async fn list_one_member_one_day() {
    let app = app();
    let c = client(&app, OWNER);
    let (d, entries) = worked_day(&c).await;
    for e in &entries {
        assert_eq!((e.user_id, e.date.as_str()), (5, d.as_str()));
        assert!(e.method.is_known(), "{:?}", e.method);
        assert!(e.id.starts_with("te_"));
        let (s, t) = (
            webwork_sandbox::clock::parse_iso(&e.start_time).unwrap(),
            webwork_sandbox::clock::parse_iso(e.end_time.as_deref().unwrap()).unwrap(),
        );
        assert_eq!((t - s) / 60_000, e.duration_minutes);
        assert!(e.project_name.is_some() && e.contract_id.is_some());
        assert!(!e.locked, "this week and last are not approved for user 5");
    }
    assert!(entries.windows(2).all(|w| w[0].start_time <= w[1].start_time), "ordered by start");
    let reply = c.send_reply(&ListTimeEntries::new(WS, 5u64, d.as_str()).per_page(1u32)).await.unwrap();
    let p = reply.pagination.unwrap();
    assert_eq!((p.total as usize, p.per_page, reply.data.len()), (entries.len(), 1, 1));
    let project = entries[0].project_id.unwrap();
    let filtered = c.send(&ListTimeEntries::new(WS, 5u64, d.as_str()).project_id(project)).await.unwrap();
    assert!(!filtered.is_empty() && filtered.iter().all(|e| e.project_id == Some(project)));

    // per_page at most 50; the user must be a member; the date is required and valid.
    let r = call(&app, OWNER, "GET", &format!("/api/v2/time-entries?workspace_id=1&user_id=5&date={d}&per_page=51"), None).await;
    assert_eq!((r.status, r.message()), (422, "The per_page field must be between 1 and 50."));
    let r = call(&app, OWNER, "GET", &format!("/api/v2/time-entries?workspace_id=1&user_id=5&date={d}&per_page=50"), None).await;
    assert_eq!(r.status, 200);
    let r = call(&app, OWNER, "GET", "/api/v2/time-entries?workspace_id=1&user_id=5", None).await;
    assert_eq!((r.status, r.message()), (422, "The date field is required."));
    let r = call(&app, OWNER, "GET", "/api/v2/time-entries?workspace_id=1&user_id=5&date=2026-02-30", None).await;
    assert_eq!(r.status, 422);
    assert!(r.message().contains("date"));
    let r = call(&app, OWNER, "GET", &format!("/api/v2/time-entries?workspace_id=1&user_id=101&date={d}"), None).await;
    assert_eq!((r.status, r.message()), (422, "The selected user_id is invalid."));
    // Owner and EM only.
    assert!(client(&app, EXEC).send(&ListTimeEntries::new(WS, 5u64, d.as_str())).await.is_ok());
    for token in [PM, TM, REGULAR, VIEWER] {
        assert_eq!(status(&client(&app, token).send(&ListTimeEntries::new(WS, 5u64, d.as_str())).await.unwrap_err()), 403, "{token}");
    }
    // Another workspace: 403 for its owner on Acme; Acme's owner sees no Globex member.
    assert_eq!(status(&client(&app, OTHER_OWNER).send(&ListTimeEntries::new(WS, 5u64, d.as_str())).await.unwrap_err()), 403);
    let r = call(&app, OWNER, "GET", &format!("/api/v2/time-entries?workspace_id=1&user_id=102&date={d}"), None).await;
    assert_eq!(r.status, 422);
}

#[tokio::test]
async fn create_update_delete_manual_time() {
    let app = app();
    let c = client(&app, OWNER);
    let d = day(-1);
    let contract = c.send(&ListContracts::new(WS).user_id(5u64).project_id(2u64)).await.unwrap()[0].id;
    let task = c.send(&ListTasks::new(WS).project_id(2u64)).await.unwrap()[0].clone();

    let reply = c
        .send_reply(
            &CreateTimeEntry::new(WS, 5u64, d.as_str(), "21:00", "22:00").contract_id(contract).task_id(task.id).notes("Release notes"),
        )
        .await
        .unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Time entry created successfully"));
    assert_eq!(reply.saved_minutes, Some(60));
    let e = reply.data;
    assert_eq!((e.user_id, e.contract_id, e.project_id, e.task_id), (5, Some(contract), Some(2), Some(task.id)));
    assert_eq!((e.project_name.as_deref(), e.task_title.as_deref()), (Some("Mobile App"), Some(task.title.as_str())));
    assert_eq!((e.method.clone(), e.date.as_str(), e.duration_minutes), (TimeEntryMethod::ManuallyAdded, d.as_str(), 60));
    assert_eq!((e.start_time.clone(), e.end_time.clone()), (format!("{d}T21:00:00Z"), Some(format!("{d}T22:00:00Z"))));
    assert_eq!(e.activity_description.as_deref(), Some("Release notes"));

    // Overlaps: the free part is saved and the reply says how much.
    let reply = c.send_reply(&CreateTimeEntry::new(WS, 5u64, d.as_str(), "20:30", "21:30")).await.unwrap();
    assert_eq!(reply.saved_minutes, Some(30));
    assert!(reply.message.as_deref().unwrap().contains("30 of 60 minutes"), "{:?}", reply.message);
    assert_eq!((reply.data.start_time.clone(), reply.data.duration_minutes), (format!("{d}T20:30:00Z"), 30));
    let partial = reply.data.id;
    let err = c.send(&CreateTimeEntry::new(WS, 5u64, d.as_str(), "21:10", "21:50")).await.unwrap_err();
    assert_eq!(status(&err), 409, "entirely overlapping: {err}");

    // Update: a missing side keeps its value; overlapping another entry is refused.
    let reply = c.send_reply(&UpdateTimeEntry::new(e.id.clone(), WS).end_time("22:45").notes("Release notes, part 2")).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Time entry updated successfully"));
    let listed = c.send(&ListTimeEntries::new(WS, 5u64, d.as_str()).per_page(50u32)).await.unwrap();
    let got = listed.iter().find(|x| x.id == e.id).unwrap();
    assert_eq!((got.start_time.clone(), got.duration_minutes), (format!("{d}T21:00:00Z"), 105));
    assert_eq!((got.task_id, got.activity_description.as_deref()), (Some(task.id), Some("Release notes, part 2")));
    assert_eq!(status(&c.send(&UpdateTimeEntry::new(e.id.clone(), WS).start_time("20:45")).await.unwrap_err()), 409);
    // A new project takes the member's contract on it and drops a task of the old project.
    c.send(&UpdateTimeEntry::new(e.id.clone(), WS).project_id(1u64)).await.unwrap();
    let moved = c.send(&ListTimeEntries::new(WS, 5u64, d.as_str()).project_id(1u64).per_page(50u32)).await.unwrap();
    let got = moved.iter().find(|x| x.id == e.id).unwrap();
    let own = c.send(&ListContracts::new(WS).user_id(5u64).project_id(1u64)).await.unwrap()[0].id;
    assert_eq!((got.project_id, got.contract_id, got.task_id), (Some(1), Some(own), None));
    let r = call(&app, OWNER, "PUT", &format!("/api/v2/time-entries/{}", e.id), Some(json!({"workspace_id": 1, "project_id": 5}))).await;
    assert_eq!(r.status, 422, "no contract of user 5 on project 5: {}", r.body);
    let r =
        call(&app, OWNER, "PUT", &format!("/api/v2/time-entries/{}", e.id), Some(json!({"workspace_id": 1, "start_time": "23:00"}))).await;
    assert_eq!(r.status, 422, "start after the kept end: {}", r.body);
    assert!(r.message().contains("end_time"));
    // Moving to another day.
    c.send(&UpdateTimeEntry::new(e.id.clone(), WS).date(day(-3).as_str()).start_time("22:00").end_time("23:00")).await.unwrap();
    let there = c.send(&ListTimeEntries::new(WS, 5u64, day(-3).as_str()).per_page(50u32)).await.unwrap();
    assert_eq!(there.iter().find(|x| x.id == e.id).map(|x| x.duration_minutes), Some(60));

    // Delete is permanent.
    let reply = c.send_reply(&DeleteTimeEntry::new(partial.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Time entry deleted successfully"));
    assert_eq!(status(&c.send(&DeleteTimeEntry::new(partial.clone(), WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&UpdateTimeEntry::new(partial, WS).notes("x")).await.unwrap_err()), 404);
    // The freed half hour can be filled again.
    assert_eq!(c.send_reply(&CreateTimeEntry::new(WS, 5u64, d.as_str(), "20:30", "21:00")).await.unwrap().saved_minutes, Some(30));
}

#[tokio::test]
async fn create_validation_names_the_field() {
    let app = app();
    let c = client(&app, OWNER);
    let theirs = c.send(&ListContracts::new(WS).user_id(3u64).project_id(1u64)).await.unwrap()[0].id;
    let d = day(-1);
    let post = |body: serde_json::Value| {
        let app = app.clone();
        async move { call(&app, OWNER, "POST", "/api/v2/time-entries", Some(body)).await }
    };
    let base = |extra: serde_json::Value| {
        let mut b = json!({"workspace_id": 1, "user_id": 5, "date": d, "start_time": "21:00", "end_time": "22:00"});
        b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        b
    };
    let r = post(base(json!({"end_time": "20:00"}))).await;
    assert_eq!((r.status, r.message()), (422, "The end_time field must be a time after start_time."));
    let r = post(base(json!({"start_time": "9am"}))).await;
    assert_eq!(r.status, 422);
    assert!(r.message().contains("start_time"));
    let r = post(base(json!({"date": day(1)}))).await;
    assert_eq!((r.status, r.message()), (422, "The date field must be a date before or equal to today."));
    let r = post(base(json!({"contract_id": theirs}))).await;
    assert_eq!((r.status, r.message()), (422, "The selected contract_id does not belong to the selected user_id."));
    let r = post(base(json!({"user_id": 6}))).await;
    assert_eq!(r.status, 422, "viewer: {}", r.body);
    let r = post(base(json!({"user_id": 101}))).await;
    assert_eq!((r.status, r.message()), (422, "The selected user_id is invalid."));
    let mut no_end = base(json!({}));
    no_end.as_object_mut().unwrap().remove("end_time");
    let r = post(no_end).await;
    assert_eq!((r.status, r.message()), (422, "The end_time field is required."));
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM time_entries WHERE user_id = 5 AND date = '{d}' AND start_at >= '{d}T21:00:00Z'")),
        0
    );
    for token in [PM, TM, REGULAR, VIEWER] {
        assert_eq!(
            status(&client(&app, token).send(&CreateTimeEntry::new(WS, 5u64, d.as_str(), "21:00", "22:00")).await.unwrap_err()),
            403
        );
    }
    // Another workspace's entries are not found.
    let globex_entry: String = {
        let db = app.store.lock();
        db.conn.query_row("SELECT id FROM time_entries WHERE workspace_id = 2 LIMIT 1", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(status(&c.send(&UpdateTimeEntry::new(globex_entry.clone(), WS).notes("mine")).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&DeleteTimeEntry::new(globex_entry.clone(), WS)).await.unwrap_err()), 404);
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM time_entries WHERE id = '{globex_entry}'")), 1);
}

#[tokio::test]
async fn an_approved_timesheet_locks_its_entries() {
    let app = app();
    let c = client(&app, OWNER);
    // User 5's timesheets older than two weeks are approved in the seed.
    let approved = c.all(ListTimesheets::new(WS).user_id(5u64).status(TimesheetStatus::Approved)).await.unwrap();
    let sheet = approved.iter().find(|s| s.minutes() > 0).expect("an approved timesheet with time").clone();
    let (date, _) = sheet.daily_breakdown.iter().next().unwrap();
    let entries = c.send(&ListTimeEntries::new(WS, 5u64, date.as_str())).await.unwrap();
    assert!(!entries.is_empty() && entries.iter().all(|e| e.locked));
    let e = &entries[0];

    let err = c.send(&UpdateTimeEntry::new(e.id.clone(), WS).notes("too late")).await.unwrap_err();
    assert_eq!(status(&err), 409);
    assert!(err.to_string().contains(&sheet.id) && err.to_string().contains("approved"), "{err}");
    assert_eq!(status(&c.send(&DeleteTimeEntry::new(e.id.clone(), WS)).await.unwrap_err()), 409);
    let err = c.send(&CreateTimeEntry::new(WS, 5u64, date.as_str(), "22:00", "23:00")).await.unwrap_err();
    assert_eq!(status(&err), 409);
    assert!(err.to_string().contains(&sheet.id), "{err}");
    // Moving an open entry into the approved week is refused too.
    let open = c.send(&CreateTimeEntry::new(WS, 5u64, day(-1).as_str(), "22:00", "23:00")).await.unwrap();
    assert_eq!(status(&c.send(&UpdateTimeEntry::new(open.id.clone(), WS).date(date.as_str())).await.unwrap_err()), 409);

    // Approving this week's timesheet locks its entries from then on.
    let this_week =
        c.send(&ListTimesheets::new(WS).user_id(5u64).date_from(testing::TODAY).date_to(testing::TODAY)).await.unwrap()[0].clone();
    let today_entry = c.send(&CreateTimeEntry::new(WS, 5u64, testing::TODAY, "00:00", "00:01")).await.unwrap();
    client(&app, REGULAR).send(&SubmitTimesheet::new(this_week.id.clone(), WS)).await.unwrap();
    c.send(&ApproveTimesheet::new(this_week.id.clone(), WS)).await.unwrap();
    assert_eq!(status(&c.send(&DeleteTimeEntry::new(today_entry.id.clone(), WS)).await.unwrap_err()), 409);
    let listed = c.send(&ListTimeEntries::new(WS, 5u64, testing::TODAY)).await.unwrap();
    assert!(listed.iter().any(|x| x.id == today_entry.id && x.locked));
}
