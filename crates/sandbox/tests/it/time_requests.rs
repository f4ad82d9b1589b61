//! Manual-time requests: list window and filters, get, create (pending), approve (writes the
//! time entry in the same transaction), reject (with a comment), roles and isolation.

use serde_json::json;
use webwork_core::date::CivilDate;

use crate::support::*;

fn day(offset: i64) -> String {
    CivilDate::parse(testing::TODAY).unwrap().add_days(offset).to_string()
}

#[tokio::test]
async fn list_and_get() {
    let app = app();
    let c = client(&app, OWNER);
    let (from, to) = (day(-60), testing::TODAY.to_owned());
    let all = c.all(ListTimeRequests::new(WS, from.as_str(), to.as_str())).await.unwrap();
    assert_eq!(all.len(), 15, "the seed's requests");
    assert!(all.windows(2).all(|w| w[0].start >= w[1].start), "newest first");
    for s in [TimeRequestStatus::Pending, TimeRequestStatus::Approved, TimeRequestStatus::Rejected] {
        let some = c.all(ListTimeRequests::new(WS, from.as_str(), to.as_str()).status(s.clone())).await.unwrap();
        assert!(!some.is_empty() && some.iter().all(|r| r.status == s));
    }
    let rejected = all.iter().find(|r| r.status == TimeRequestStatus::Rejected).unwrap();
    assert!(rejected.comment.is_some() && rejected.updated_by == Some(1));
    // The window is on the request's start date.
    let first_day = all.last().unwrap().start.clone().unwrap()[..10].to_owned();
    let narrow = c.send(&ListTimeRequests::new(WS, first_day.as_str(), first_day.as_str())).await.unwrap();
    assert!(!narrow.is_empty() && narrow.iter().all(|r| r.start.as_deref().unwrap().starts_with(&first_day)));
    let mine = c.send(&ListTimeRequests::new(WS, from.as_str(), to.as_str()).user_id(5u64)).await.unwrap();
    assert_eq!(mine.len(), 3);

    let reply = c.send_reply(&GetTimeRequest::new(rejected.id.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Time request retrieved successfully"));
    assert_eq!(&reply.data, rejected);

    // Required window, order of its ends.
    let r = call(&app, OWNER, "GET", "/api/v2/time-requests?workspace_id=1&date_from=2026-03-01", None).await;
    assert_eq!((r.status, r.message()), (422, "The date_to field is required."));
    let r = call(&app, OWNER, "GET", "/api/v2/time-requests?workspace_id=1&date_from=2026-03-04&date_to=2026-03-01", None).await;
    assert_eq!(r.status, 422);
    assert!(r.message().contains("date_to"));

    // Role filtering: members see their own.
    let me = client(&app, REGULAR);
    let own = me.all(ListTimeRequests::new(WS, from.as_str(), to.as_str())).await.unwrap();
    assert_eq!(own, mine);
    let not_mine = all.iter().find(|r| r.user_id != Some(5)).unwrap();
    assert_eq!(status(&me.send(&GetTimeRequest::new(not_mine.id.clone(), WS)).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, VIEWER).send(&ListTimeRequests::new(WS, from.as_str(), to.as_str())).await.unwrap_err()), 403);
    // Other workspaces: 403 on Acme for Globex's owner; Acme's ids are not found from Globex.
    let globex = client(&app, OTHER_OWNER);
    assert_eq!(status(&globex.send(&ListTimeRequests::new(WS, from.as_str(), to.as_str())).await.unwrap_err()), 403);
    assert_eq!(status(&globex.send(&GetTimeRequest::new(rejected.id.clone(), OTHER_WS)).await.unwrap_err()), 404);
    assert!(globex.send(&ListTimeRequests::new(OTHER_WS, from.as_str(), to.as_str())).await.unwrap().is_empty());
    assert_eq!(status(&c.send(&GetTimeRequest::new("tr_nope", WS)).await.unwrap_err()), 404);
}

#[tokio::test]
async fn create_approve_and_reject() {
    let app = app();
    let owner = client(&app, OWNER);
    let me = client(&app, REGULAR);
    let contract = owner.send(&ListContracts::new(WS).user_id(5u64).project_id(1u64)).await.unwrap()[0].id;
    let d = day(-1);
    let (start, end) = (format!("{d}T21:00:00Z"), format!("{d}T22:30:00Z"));

    let reply = me
        .send_reply(
            &CreateTimeRequest::new(WS, 5u64, start.as_str(), end.as_str()).contract_id(contract).activity_description("Hotfix deploy"),
        )
        .await
        .unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Time request created successfully"));
    let req = reply.data;
    assert_eq!(
        (req.status.clone(), req.user_id, req.contract_id, req.project_id),
        (TimeRequestStatus::Pending, Some(5), Some(contract), Some(1))
    );
    assert_eq!((req.start.as_deref(), req.end.as_deref()), (Some(start.as_str()), Some(end.as_str())));
    assert_eq!((req.activity_description.as_deref(), req.notes.as_deref()), (Some("Hotfix deploy"), Some("Hotfix deploy")));
    assert!(req.id.starts_with("tr_"));

    // Members request for themselves only; members do not decide.
    assert_eq!(status(&me.send(&CreateTimeRequest::new(WS, 7u64, start.as_str(), end.as_str())).await.unwrap_err()), 403);
    assert_eq!(status(&me.send(&ApproveTimeRequest::new(req.id.clone(), WS)).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, PM).send(&RejectTimeRequest::new(req.id.clone(), WS, "no")).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, VIEWER).send(&CreateTimeRequest::new(WS, 6u64, start.as_str(), end.as_str())).await.unwrap_err()), 403);

    // Approval writes the entry in the same transaction.
    let before = count(&app, "SELECT COUNT(*) FROM time_entries");
    let reply = owner.send_reply(&ApproveTimeRequest::new(req.id.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Time request approved successfully"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM time_entries"), before + 1);
    let entries = owner.send(&ListTimeEntries::new(WS, 5u64, d.as_str()).per_page(50u32)).await.unwrap();
    let e = entries.iter().find(|e| e.start_time == start).expect("the approved time is an entry");
    assert_eq!(
        (e.duration_minutes, e.method.clone(), e.contract_id, e.project_id),
        (90, TimeEntryMethod::ManuallyAdded, Some(contract), Some(1))
    );
    assert_eq!(e.activity_description.as_deref(), Some("Hotfix deploy"));
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM time_entries WHERE time_request_id = '{}' AND id = (SELECT time_entry_id FROM time_requests WHERE id = '{}')", req.id, req.id)), 1);
    let got = owner.send(&GetTimeRequest::new(req.id.clone(), WS)).await.unwrap();
    assert_eq!((got.status, got.updated_by), (TimeRequestStatus::Approved, Some(1)));
    let err = owner.send(&ApproveTimeRequest::new(req.id.clone(), WS)).await.unwrap_err();
    assert_eq!((status(&err), err.to_string()), (422, "Only a pending time request can be approved; this one is approved.".to_owned()));
    assert_eq!(status(&owner.send(&RejectTimeRequest::new(req.id.clone(), WS, "late")).await.unwrap_err()), 422);

    // A request over time that exists by now cannot be approved; it can be rejected.
    let overlapping =
        me.send(&CreateTimeRequest::new(WS, 5u64, format!("{d}T22:00:00Z").as_str(), format!("{d}T23:00:00Z").as_str())).await.unwrap();
    let err = owner.send(&ApproveTimeRequest::new(overlapping.id.clone(), WS)).await.unwrap_err();
    assert_eq!(status(&err), 409, "{err}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM time_entries"), before + 1, "nothing written");
    let r = call(&app, OWNER, "POST", &format!("/api/v2/time-requests/{}/reject", overlapping.id), Some(json!({"workspace_id": 1}))).await;
    assert_eq!((r.status, r.message()), (422, "The comment field is required."));
    let reply = client(&app, EXEC).send_reply(&RejectTimeRequest::new(overlapping.id.clone(), WS, "Already logged.")).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Time request rejected successfully"));
    let got = owner.send(&GetTimeRequest::new(overlapping.id.clone(), WS)).await.unwrap();
    assert_eq!((got.status, got.comment.as_deref(), got.updated_by), (TimeRequestStatus::Rejected, Some("Already logged."), Some(2)));

    // A request in an approved timesheet's week cannot be approved.
    let sheet = owner.all(ListTimesheets::new(WS).user_id(5u64).status(TimesheetStatus::Approved)).await.unwrap()[0].clone();
    let locked_day = sheet.date_from.clone().unwrap();
    let late = me
        .send(&CreateTimeRequest::new(WS, 5u64, format!("{locked_day}T22:00:00Z").as_str(), format!("{locked_day}T23:00:00Z").as_str()))
        .await
        .unwrap();
    let err = owner.send(&ApproveTimeRequest::new(late.id.clone(), WS)).await.unwrap_err();
    assert_eq!(status(&err), 409);
    assert!(err.to_string().contains(&sheet.id), "{err}");

    // Other workspaces' requests are not found.
    assert_eq!(status(&client(&app, OTHER_OWNER).send(&ApproveTimeRequest::new(late.id.clone(), OTHER_WS)).await.unwrap_err()), 404);
    assert_eq!(status(&client(&app, OTHER_OWNER).send(&ApproveTimeRequest::new(late.id.clone(), WS)).await.unwrap_err()), 403);
}

#[tokio::test]
async fn create_validation_names_the_field() {
    let app = app();
    let d = day(-1);
    let post = |token: &'static str, body: serde_json::Value| {
        let app = app.clone();
        async move { call(&app, token, "POST", "/api/v2/time-requests", Some(body)).await }
    };
    let r =
        post(REGULAR, json!({"workspace_id": 1, "user_id": 5, "start": format!("{d}T22:00:00Z"), "end": format!("{d}T21:00:00Z")})).await;
    assert_eq!((r.status, r.message()), (422, "The end field must be a date and time after start."));
    let r = post(REGULAR, json!({"workspace_id": 1, "user_id": 5, "start": "yesterday", "end": format!("{d}T21:00:00Z")})).await;
    assert_eq!(r.status, 422);
    assert!(r.message().contains("start"));
    let r = post(
        REGULAR,
        json!({"workspace_id": 1, "user_id": 5, "start": format!("{}T10:00:00Z", day(1)), "end": format!("{}T11:00:00Z", day(1))}),
    )
    .await;
    assert_eq!((r.status, r.message()), (422, "The end field must not be in the future."));
    let r = post(REGULAR, json!({"workspace_id": 1, "user_id": 5, "start": format!("{d}T21:00:00Z")})).await;
    assert_eq!((r.status, r.message()), (422, "The end field is required."));
    let r = post(
        OWNER,
        json!({"workspace_id": 1, "user_id": 5, "task_id": 1, "start": format!("{d}T21:00:00Z"), "end": format!("{d}T22:00:00Z")}),
    )
    .await;
    assert_eq!((r.status, r.message()), (422, "The task_id field needs contract_id as well."));
    let r =
        post(OWNER, json!({"workspace_id": 1, "user_id": 101, "start": format!("{d}T21:00:00Z"), "end": format!("{d}T22:00:00Z")})).await;
    assert_eq!((r.status, r.message()), (422, "The selected user_id is invalid."));
    // Offsets are understood: 23:00+02:00 is 21:00Z.
    let r = post(REGULAR, json!({"workspace_id": 1, "user_id": 5, "start": format!("{d}T23:00:00+02:00"), "end": format!("{d}T23:30:00+02:00"), "notes": "old name"})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (r.body["data"]["start"].as_str(), r.body["data"]["activity_description"].as_str()),
        (Some(format!("{d}T21:00:00Z").as_str()), Some("old name"))
    );
}
