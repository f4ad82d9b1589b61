//! Decoding the reference's example replies (both documentation editions), tolerance to
//! drift, and every `ApiError` variant from a crafted answer.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use webwork_core::envelope::decode;
use webwork_core::models::*;
use webwork_core::ops::decode_for;
use webwork_core::ApiError;

fn ok<T: webwork_core::models::json::FromJson>(body: serde_json::Value) -> webwork_core::Reply<T> {
    decode::<T>(200, body.to_string().as_bytes(), None).unwrap_or_else(|e| panic!("{e}"))
}

const META: &str = r#"{"api_version":"2.0.0","timestamp":"2019-08-24T14:15:22Z"}"#;

#[test]
fn the_seed_documents_member_reply_reads_completely() {
    // Verbatim from seed/members-api-v2.txt.
    let body = format!(
        r#"{{ "success": true, "message": "Member retrieved successfully", "data": {{ "id": 100, "email": "john.doe@example.com", "firstname": "John", "lastname": "Doe", "avatar": "avatar.jpg", "current_role": "Regular User", "timezone": "America/New_York", "status": "active", "team_name": "Development Team", "title": "Senior Developer, Manager", "birth_date": "1990-01-01", "hired_at": "2023-01-15T09:00:00Z", "preferred_timezone": "America/New_York", "settings_max_inactive_minutes": 15, "currency": "USD", "rate": 50, "rate_type": "Hourly", "rate_status": 1, "tax_country": "US", "tax_state": "NY", "is_blocked": false, "weekly_hours_limit": 40, "screenshots": "blur", "created_at": "2023-01-15T09:00:00Z", "updated_at": "2023-01-15T09:00:00Z", "deleted_at": null }}, "meta": {META} }}"#
    );
    let reply = decode::<Member>(200, body.as_bytes(), None).unwrap();
    let m = reply.data;
    assert_eq!(reply.message.as_deref(), Some("Member retrieved successfully"));
    assert_eq!(reply.meta.api_version.as_deref(), Some("2.0.0"));
    assert_eq!((m.id, m.current_role.clone(), m.status.clone()), (100, Role::RegularUser, MemberStatus::Active));
    assert_eq!(m.rate, Some(50.0));
    assert_eq!(m.rate_status, Some(RateStatus::Visible));
    assert_eq!(m.settings_max_inactive_minutes, Some(15));
    assert_eq!(m.title.as_deref(), Some("Senior Developer, Manager"));
    assert_eq!(m.full_name(), "John Doe");
    assert!(!m.is_archived() && !m.is_blocked);

    let invite = ok::<InviteResult>(
        json!({"success": true, "message": "Member invited successfully", "data": {"user_id": 100, "invitation_link": "https://app.webwork-tracker.com/dashboard/accept-invitation/abc123def456"}, "meta": {}}),
    );
    assert_eq!(invite.data.user_id, 100);

    // "data": null replies (update, delete, restore).
    let updated = ok::<Empty>(json!({"success": true, "message": "Member updated successfully", "data": null, "meta": {}}));
    assert_eq!(updated.message.as_deref(), Some("Member updated successfully"));
    // Update-webhook (older edition) documents only {"success": true}.
    ok::<Empty>(json!({"success": true}));
}

#[test]
fn list_replies_with_pagination_in_meta_or_beside_it() {
    let ws = ok::<Vec<Workspace>>(
        json!({"success": true, "data": [{"id": 1, "owner_id": 10, "user_id": 10, "workspace_name": "Acme", "role": "Owner", "status": "active", "created_at": "2025-02-19T19:24:55.000000Z", "activated_at": "2025-02-19 19:24:55"}], "meta": {"api_version": "2.0.0", "timestamp": "x", "pagination": {"total": 41, "per_page": 20, "current_page": 1, "last_page": 3, "from": 1, "to": 20}}}),
    );
    assert_eq!(ws.data[0].role, Role::Owner);
    assert_eq!(ws.pagination.unwrap().last_page, 3);

    // One edition's contracts list puts pagination at the top level, without from/to.
    let contracts = ok::<Vec<Contract>>(
        json!({"success": true, "message": "Contracts retrieved successfully", "data": [{"id": 5, "project_id": 2, "user_id": 9, "user_role": "Client", "rate_type": 3, "status": "paused", "rate": "12.50"}], "pagination": {"current_page": 2, "per_page": 1, "total": 3, "last_page": 3}, "meta": {}}),
    );
    let c = &contracts.data[0];
    assert_eq!(
        (c.user_role.clone(), c.rate_type, c.status.clone(), c.rate),
        (Some(Role::Client), Some(RateType::Project), ContractStatus::Paused, Some(12.5))
    );
    assert_eq!(contracts.pagination.unwrap().current_page, 2);

    // Many lists omit pagination entirely.
    let tasks = ok::<Vec<Task>>(
        json!({"success": true, "data": [{"id": 1, "title": "Wireframes", "project_id": 2, "owner_id": 1, "creator_id": 1, "status": 21, "priority": 10, "assignees": [{"id": 3, "firstname": "Zoë", "lastname": null}], "has_details": true}], "meta": {}}),
    );
    assert_eq!(tasks.pagination, None);
    let t = &tasks.data[0];
    assert_eq!(t.status, Some(TaskStatus::Other(21)), "custom status codes keep their number");
    assert_eq!(t.status.unwrap().code(), 21);
    assert_eq!(t.priority.unwrap().label(), "Urgent");
    assert_eq!(t.assignees[0].firstname.as_deref(), Some("Zoë"));
}

#[test]
fn both_timesheet_editions_read() {
    let old = ok::<Vec<Timesheet>>(
        json!({"success": true, "data": [{"id": "5f0c8e0a-1111-2222-3333-444455556666", "user_id": 7, "date_from": "2024-01-01", "date_to": "2024-01-07", "total_hours": 37.5, "submitted_on": "2024-01-08", "reject_reason": null, "status": "open"}], "meta": {}}),
    );
    let t = &old.data[0];
    assert!(t.status.is_unsubmitted());
    assert_eq!(t.minutes(), 2250);

    let current = ok::<Vec<Timesheet>>(
        json!({"success": true, "data": [{"id": "abc123xyz", "user_id": 7, "member": {"id": 7, "firstname": "Ana", "lastname": "Souza"}, "date_from": "2024-01-01", "date_to": "2024-01-07", "total_minutes": 600, "status": "pending", "daily_breakdown": {"2024-01-02": [{"project_id": 2, "project_name": "Site", "contract_id": 9, "total_minutes": 300, "total_amount": {"USD": 125.0}}]}, "total_amount": 250.0}], "meta": {}}),
    );
    let t = &current.data[0];
    assert_eq!(t.status, TimesheetStatus::Pending);
    assert!(t.status.is_unsubmitted());
    assert_eq!(t.minutes(), 600);
    assert_eq!(t.member.as_ref().unwrap().display_name(), "Ana Souza");
    assert_eq!(t.daily_breakdown["2024-01-02"][0].total_amount.as_ref().unwrap().total(), 125.0);
    assert_eq!(t.total_amount, Some(Amount::Single(250.0)));

    // `member` as a plain name also reads.
    let named = ok::<Timesheet>(json!({"success": true, "data": {"id": "x", "member": "Ana Souza", "status": "approved"}}));
    assert_eq!(named.data.member.unwrap().display_name(), "Ana Souza");
}

#[test]
fn tracking_replies_of_both_editions() {
    let current = ok::<TrackerStopped>(
        json!({"success": true, "data": {"message": "Time tracking stopped successfully", "stopped_at": "2024-01-15T17:00:00+00:00"}, "meta": {}}),
    );
    assert_eq!(current.data.message.as_deref(), Some("Time tracking stopped successfully"));
    let old = ok::<TrackerStopped>(
        json!({"success": true, "message": "Time tracking stopped successfully", "data": {"stopped_at": "2024-01-15T17:00:00Z"}}),
    );
    assert_eq!(old.message.as_deref(), Some("Time tracking stopped successfully"));
    assert_eq!(old.data.stopped_at, "2024-01-15T17:00:00Z");

    let state = ok::<TrackerState>(
        json!({"success": true, "message": "Current tracker data retrieved successfully", "data": {"contract_id": null, "user_id": 7, "activity_description": null, "task_id": null, "task_title": null, "total_seconds": 42, "total_minutes": "95", "date": "2024-01-15"}}),
    );
    assert_eq!(state.data.total_minutes, 95);

    let entry = ok::<TimeEntry>(
        json!({"success": true, "message": "Time entry created, but only part of it was saved", "saved_minutes": 30, "data": {"user_id": 7, "contract_id": 9, "project_id": 2, "project_name": "Site", "task_id": null, "task_title": null, "activity_description": "Review", "method": "Manually added time", "date": "2024-01-15", "start_time": "2024-01-15T09:00:00Z", "end_time": "2024-01-15T09:30:00Z", "duration_minutes": 30}}),
    );
    assert_eq!(entry.saved_minutes, Some(30));
    assert_eq!(entry.data.method, TimeEntryMethod::ManuallyAdded);
}

#[test]
fn unknown_fields_and_values_are_tolerated() {
    let m = ok::<Member>(
        json!({"success": true, "data": {"id": "12", "email": "a@b.c", "current_role": "Chief Vibes Officer", "status": "on_vacation", "is_blocked": 1, "rate": "", "brand_new_field": {"x": 1}}}),
    );
    assert_eq!(m.data.id, 12, "ids as strings");
    assert_eq!(m.data.current_role, Role::Other("Chief Vibes Officer".into()));
    assert_eq!(m.data.current_role.to_string(), "Chief Vibes Officer");
    assert_eq!(m.data.status, MemberStatus::Other("on_vacation".into()));
    assert!(m.data.is_blocked, "0/1 booleans");
    assert_eq!(m.data.rate, None, "empty string numbers read as none");
    // Case differences are not "unknown".
    assert_eq!(Role::parse("regular user"), Role::RegularUser);

    let leave =
        ok::<Vec<Leave>>(json!({"success": true, "data": [{"id": "uuid-1", "status": "approved", "is_paid": "yes", "leave_period": 1}]}));
    assert_eq!(leave.data[0].leave_period, Some(LeavePeriod::FirstHalf));
    let bal = ok::<Vec<LeaveBalance>>(
        json!({"success": true, "data": [{"user_id": 7, "user_name": "Ana", "leave_information": [{"leave_type": "Vacation", "balance": "10 days"}], "total_balance": null}]}),
    );
    assert_eq!(bal.data[0].leave_information[0].amount(), Some(10.0));
    let exp = ok::<Vec<Expense>>(
        json!({"success": true, "data": [{"id": "e1", "member": "Ana Souza", "expense_date": "Jan 15, 2024", "expense_name": "Train", "amount": "42.10", "type": "non-billable", "added_dte": "Jan 16, 2024"}]}),
    );
    assert_eq!((exp.data[0].amount, exp.data[0].expense_type.clone()), (42.1, ExpenseType::NonBillable));
    let hook = ok::<Webhook>(
        json!({"success": true, "data": {"id": "encoded_string", "url": "https://x.y/z", "events": ["tracker.started", "task.updated"], "token": "whsec_1"}}),
    );
    // In the reference's own sample though not in its create enum: a known event (inferred).
    assert_eq!(hook.data.events[1], WebhookEvent::TaskUpdated);
    assert!(hook.data.events[1].is_known());
}

#[test]
fn decode_errors_name_the_json_path() {
    let err = decode::<Vec<Member>>(200, br#"{"success":true,"data":[{"id":1},{"id":{"no":1}}]}"#, None).unwrap_err();
    match &err {
        ApiError::Decode { path, .. } => assert_eq!(path, "data[1].id"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("data[1].id"), "{err}");
    let html = decode::<Vec<Member>>(200, b"<html>oops</html>", None).unwrap_err();
    assert!(matches!(&html, ApiError::Decode { message, .. } if message.contains("not JSON") && message.contains("oops")), "{html:?}");
    let missing = decode::<Member>(200, br#"{"success":true}"#, None).unwrap_err();
    assert!(matches!(missing, ApiError::Decode { ref path, .. } if path == "data"));
    // success:false with a 2xx status is still an error.
    let refused = decode::<Empty>(200, br#"{"success":false,"message":"Nope"}"#, None).unwrap_err();
    assert_eq!(refused.to_string(), "Unexpected answer (200): Nope");
}

#[test]
fn every_error_variant_from_a_crafted_answer() {
    let body = |message: &str| format!(r#"{{"success":false,"message":"{message}","error":"detail here","meta":{META}}}"#);
    let cases: Vec<(u16, &str, Option<u64>, &str)> = vec![
        (400, "workspace_id is required in request body", None, "validation"),
        (401, "Unauthenticated.", None, "unauthorized"),
        (403, "This action is unauthorized.", None, "forbidden"),
        (404, "Member not found", None, "not_found"),
        (409, "A tracker is already running", None, "conflict"),
        (422, "The email field must be a valid email address.", None, "validation"),
        (429, "Too Many Attempts.", Some(2_000), "rate_limited"),
        (500, "Server Error", None, "server"),
        (503, "Service Unavailable", None, "server"),
        (418, "I'm a teapot", None, "http"),
    ];
    for (status, message, retry_after, kind) in cases {
        let err = decode::<Empty>(status, body(message).as_bytes(), retry_after).unwrap_err();
        assert_eq!(err.kind(), kind, "{status}");
        assert_eq!(err.status(), Some(status));
        assert!(err.to_string().contains(message) || status == 429, "{status}: {err}");
    }
    let limited = decode::<Empty>(429, body("x").as_bytes(), Some(2_000)).unwrap_err();
    assert_eq!(limited, ApiError::RateLimited { retry_after_ms: Some(2_000), message: "x".into() });
    assert!(limited.to_string().contains("frees up in 2 s"));
    assert!(limited.is_transient());

    // The 400 sample without an `error` key, and a field named by the message.
    let no_error_key =
        decode::<Empty>(400, br#"{"success":false,"message":"workspace_id is required in request body","meta":{}}"#, None).unwrap_err();
    assert_eq!(no_error_key.field(), Some("workspace_id"));
    let laravel = decode::<Empty>(422, br#"{"success":false,"message":"The given data was invalid.","errors":{"email":["The email field must be a valid email address."]}}"#, None).unwrap_err();
    assert_eq!(laravel.field(), Some("email"));
    assert!(laravel.to_string().contains("email: The email field"), "{laravel}");
    // A proxy's HTML error page still gives a clear error.
    let gateway = decode::<Empty>(502, b"<html>Bad Gateway</html>", None).unwrap_err();
    assert_eq!(gateway.kind(), "server");
    assert!(gateway.is_transient());
}

#[test]
fn transport_side_errors_read_for_people() {
    let network = ApiError::Network { message: "Failed to fetch".into() };
    assert!(network.to_string().contains("CORS"), "{network}");
    assert_eq!(ApiError::Timeout { after_ms: 1500 }.to_string(), "The server did not answer within 1.5 s.");
    assert_eq!(ApiError::Aborted.kind(), "aborted");
}

#[test]
fn decode_for_normalises_through_the_typed_model() {
    let reply =
        decode_for("getMember", 200, br#"{"success":true,"data":{"id":"5","email":"a@b.c","rate":"10","unknown":1}}"#, None).unwrap();
    assert_eq!(reply.data["id"], json!(5));
    assert_eq!(reply.data["rate"], json!(10.0));
    assert!(reply.data.get("unknown").is_none(), "unknown fields dropped");
    assert_eq!(reply.data["deleted_at"], json!(null), "missing fields defaulted");
    let empty = decode_for("updateMember", 200, br#"{"success":true,"message":"Member updated successfully","data":null}"#, None).unwrap();
    assert_eq!(empty.data, json!(null));
}

#[test]
fn decode_json_reads_as_decode_of_value() {
    use webwork_core::envelope::decode_json;
    let bodies: &[(u16, &[u8])] = &[
        (200, br#"{"success":true,"data":[{"id":1,"name":"A"}],"meta":{"pagination":{"total":3,"per_page":1,"current_page":1,"last_page":3}}}"#),
        (200, br#"{"success":true,"data":{"x":"1"},"message":"Done","saved_minutes":"30"}"#),
        (200, br#"{"success":true,"data":null}"#),
        (200, b"   "),
        (200, b"<html>oops</html>"),
        (200, br#"{"success":false,"message":"Nope"}"#),
        (403, br#"{"success":false,"message":"Forbidden here"}"#),
        (422, br#"{"message":"Invalid","errors":{"email":["The email field must be a valid email address."]}}"#),
        (429, br#"{"message":"Too many"}"#),
    ];
    for (status, body) in bodies {
        let typed = decode::<serde_json::Value>(*status, body, Some(2_000));
        let json = decode_json(*status, body, Some(2_000));
        assert_eq!(format!("{typed:?}"), format!("{json:?}"), "status {status}, body {}", String::from_utf8_lossy(body));
    }
    assert!(decode_json(200, b"<html>oops</html>", None).is_err_and(|e| e.to_string().contains("not JSON")));
}

#[test]
fn the_envelope_reads_leniently_and_names_what_it_cannot_read() {
    use webwork_core::envelope::decode_json;
    // Counts as strings, the older `page`, `success` as 1, numeric message and api_version.
    let reply = decode_json(
        200,
        br#"{"success":1,"data":[],"message":7,"meta":{"api_version":2,"pagination":{"total":"41","per_page":"20","page":2,"last_page":3,"from":null}}}"#,
        None,
    )
    .unwrap();
    let p = reply.pagination.unwrap();
    assert_eq!((p.total, p.per_page, p.current_page, p.last_page, p.from), (41, 20, 2, 3, None));
    assert_eq!((reply.message.as_deref(), reply.meta.api_version.as_deref()), (Some("7"), Some("2")));

    let bad = |body: &[u8]| match decode_json(200, body, None) {
        Err(ApiError::Decode { path, message }) => (path, message),
        other => panic!("{other:?}"),
    };
    assert_eq!(bad(br#"{"data":[],"meta":{"pagination":{"total":"many"}}}"#).0, "meta.pagination.total");
    assert_eq!(bad(br#"{"data":[],"pagination":{"per_page":-1}}"#).0, "pagination.per_page");
    let (path, message) = bad(br#"{"data":[],"meta":[1]}"#);
    assert_eq!((path.as_str(), message.as_str()), ("meta", "expected an object, found a list"));
    assert_eq!(bad(br#"[1, 2]"#).1, "expected an object, found a list");
    assert_eq!(bad(br#"{"success":"maybe"}"#).0, "success");
    // A reported failure is that failure, whatever else the envelope holds.
    let failed = decode_json(200, br#"{"success":false,"message":"Nope","meta":[1]}"#, None).unwrap_err();
    assert_eq!(failed.to_string(), "Unexpected answer (200): Nope");

    // An error body that is not the documented shape still gives the status's error.
    let odd = decode_json(400, br#"{"message":{"text":"x"},"error":{"code":9}}"#, None).unwrap_err();
    assert_eq!(odd.kind(), "validation");
    assert!(odd.to_string().contains(r#"{"code":9}"#), "{odd}");
}

#[test]
fn serde_reads_the_models_as_the_client_does() {
    // `Deserialize` goes through the same reader (`#[derive(FromJson)]`): same tolerance,
    // same values, and an error that names its path.
    let text = r#"[{"id": "7", "title": 12, "project_id": 2, "status": "21", "assignees": null, "owner_id": null, "extra": [1]}]"#;
    let via_serde: Vec<Task> = serde_json::from_str(text).unwrap();
    let via_client = ok::<Vec<Task>>(json!({"success": true, "data": serde_json::from_str::<serde_json::Value>(text).unwrap()})).data;
    assert_eq!(via_serde, via_client);
    assert_eq!((via_serde[0].id, via_serde[0].title.as_str(), via_serde[0].owner_id), (7, "12", None));
    assert_eq!(via_serde[0].status, Some(TaskStatus::from_code(21)));
    let err = serde_json::from_str::<Vec<Task>>(r#"[{"id": 1}, {"project_id": {"x": 1}}]"#).unwrap_err();
    // serde reads a list's items one by one, so the path starts at the item (and serde_json adds
    // the position).
    assert!(err.to_string().starts_with("project_id: expected a number") && err.to_string().contains("line 1"), "{err}");
    // A field sent as null reads as its default; a model sent as null is no model.
    let sheet = ok::<Timesheet>(json!({"success": true, "data": {"id": 5, "status": null, "daily_breakdown": null, "member": "Ana Souza", "total_amount": {"USD": "12.5"}}})).data;
    assert_eq!((sheet.id.as_str(), sheet.status.clone(), sheet.daily_breakdown.len()), ("5", TimesheetStatus::default(), 0));
    assert_eq!(sheet.member.and_then(|m| m.name).as_deref(), Some("Ana Souza"));
    assert_eq!(sheet.total_amount.map(|a| a.total()), Some(12.5));
    let missing = decode::<Vec<Task>>(200, br#"{"success":true,"data":[null]}"#, None).unwrap_err();
    assert!(
        matches!(missing, ApiError::Decode { ref path, ref message } if path == "data[0]" && message == "expected an object, found null"),
        "{missing:?}"
    );
}

#[test]
fn pages_read_as_one_list_name_a_bad_item_by_its_page() {
    use webwork_core::envelope::decode_pages;
    let page = |ids: &[serde_json::Value]| ids.iter().map(|id| json!({"id": id})).collect::<Vec<_>>();
    let members: Vec<Member> = decode_pages(vec![page(&[json!(1), json!(2)]), page(&[json!(3)])]).unwrap();
    assert_eq!(members.iter().map(|m| m.id).collect::<Vec<_>>(), [1, 2, 3]);
    let err = decode_pages::<Member>(vec![page(&[json!(1), json!(2)]), page(&[json!(3), json!("x")])]).unwrap_err();
    match err {
        ApiError::Decode { path, message } => {
            assert_eq!(path, "data[1].id");
            assert!(message.ends_with("(page 2 of the list)"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    let err =
        decode_pages::<Member>(vec![page(&[json!(1)]), page(&[json!(2), json!(3)]), page(&[json!(4), json!(5), json!([])])]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The server's answer could not be read at `data[2].id`: expected a number or a numeric string, found a list (page 3 of the list)"
    );
    let err = decode_pages::<Member>(vec![page(&[json!({})])]).unwrap_err();
    assert!(err.to_string().contains("`data[0].id`") && err.to_string().ends_with("(page 1 of the list)"), "{err}");
}

#[test]
fn tracked_hours_dates_read_under_dates_or_directly_in_data() {
    let day = json!({"users": [{"user_id": 5, "project_id": 1, "contract_id": 3, "total_minutes": 90}]});
    let nested = ok::<TrackedHoursReport>(json!({"success": true, "data": {"report_type": "tracked_hours", "start_date": "2026-03-02",
        "end_date": "2026-03-08", "total": {"total_minutes": 90}, "dates": {"2026-03-02": day.clone()}}, "meta": {}}));
    let flat = ok::<TrackedHoursReport>(json!({"success": true, "data": {"report_type": "tracked_hours", "start_date": "2026-03-02",
        "end_date": "2026-03-08", "total": {"total_minutes": 90}, "2026-03-02": day}, "meta": {}}));
    assert_eq!(nested.data, flat.data);
    assert_eq!(flat.data.dates["2026-03-02"].users[0].total_minutes, 90);
    assert_eq!(flat.data.total.total_minutes, 90);
    // Through the JS package's path too: the dates come back under `dates`.
    let body = json!({"success": true, "data": {"total": {"total_minutes": 90}, "2026-03-02": {"users": []}}, "meta": {}});
    let js = decode_for("getTrackedHoursReport", 200, body.to_string().as_bytes(), None).unwrap();
    assert!(js.data["dates"]["2026-03-02"].is_object(), "{}", js.data);
}

#[test]
fn tracked_hours_without_a_breakdown_is_a_decode_error_not_an_empty_chart() {
    for data in [
        json!({"report_type": "tracked_hours", "total": {"total_minutes": 90}}),
        json!({"report_type": "tracked_hours", "total": {"total_minutes": 90}, "days": {"2026-03-02": {"users": []}}}),
        json!({"report_type": "tracked_hours"}),
        json!({"dates": [1, 2]}),
    ] {
        let body = json!({"success": true, "data": data, "meta": {}}).to_string();
        let err = decode::<TrackedHoursReport>(200, body.as_bytes(), None).unwrap_err();
        assert_eq!(err.kind(), "decode", "{data}: {err}");
    }
    // Nothing tracked: no date to list in either shape, and the total says so.
    let empty = ok::<TrackedHoursReport>(json!({"success": true, "data": {"total": {"total_minutes": 0}}, "meta": {}}));
    assert!(empty.data.dates.is_empty());
    // A bad day directly in `data` names its date.
    let body = json!({"success": true, "data": {"2026-03-02": {"users": "x"}}, "meta": {}}).to_string();
    let err = decode::<TrackedHoursReport>(200, body.as_bytes(), None).unwrap_err();
    assert!(err.to_string().contains("2026-03-02"), "{err}");
}

#[test]
fn a_server_text_of_megabytes_reaches_a_person_cut_to_a_thousand_characters() {
    use webwork_core::envelope::MAX_SERVER_TEXT;
    let long = "é".repeat(1 << 20);
    let errors: serde_json::Map<String, serde_json::Value> = (0..10_000).map(|i| (format!("field_{i}"), json!(["is wrong"]))).collect();
    let body = json!({"success": false, "message": long, "errors": errors}).to_string();
    match decode::<serde_json::Value>(422, body.as_bytes(), None).unwrap_err() {
        ApiError::Validation { message, detail, .. } => {
            assert_eq!(message.chars().count(), MAX_SERVER_TEXT + 1, "cut, with an ellipsis");
            assert!(message.ends_with("é…"));
            let detail = detail.expect("the errors");
            assert!(detail.starts_with("field_0: is wrong; field_1: is wrong"), "{}", &detail[..40]);
            assert_eq!(detail.chars().count(), MAX_SERVER_TEXT + 1);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    // A success: false answer with a 200 too; a short message stays whole.
    let body = json!({"success": false, "message": "x".repeat(5000)}).to_string();
    let shown = decode::<serde_json::Value>(200, body.as_bytes(), None).unwrap_err().to_string();
    assert!(shown.chars().count() < MAX_SERVER_TEXT + 100, "{} characters", shown.chars().count());
    let body = json!({"success": false, "message": "Nope."}).to_string();
    assert!(decode::<serde_json::Value>(403, body.as_bytes(), None).unwrap_err().to_string().contains("Nope."));
}
