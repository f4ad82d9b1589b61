use serde_json::json;

use crate::support::*;

const YEAR: (&str, &str) = ("2026-01-01", "2026-12-31");

/// The balance of `policy` for `user` over the whole of 2026, as the API reports it.
async fn balance(c: &Client<InProcess>, user: u64, policy: u64) -> f64 {
    let rows = c.send(&ListLeaveBalances::new(WS, YEAR.0, YEAR.1).user_id(user)).await.unwrap();
    assert_eq!(rows.len(), 1);
    let entry = rows[0].leave_information.iter().find(|e| e.policy_id == Some(policy)).expect("the policy's balance");
    entry.amount().expect("a numeric balance")
}

/// The pending requests of `user` starting on `start`.
async fn pending_on(c: &Client<InProcess>, user: u64, start: &str) -> Leave {
    let list = c.all(ListLeaves::new(WS).user_id(user).status(LeaveStatus::Pending).date_from(start).date_to(start)).await.unwrap();
    list.into_iter().find(|l| l.start_date.as_deref() == Some(start)).expect("the new request is listed")
}

#[tokio::test]
async fn policies_and_list_filters() {
    let app = app();
    let c = client(&app, OWNER);
    let policies = c.send(&ListLeavePolicies::new(WS)).await.unwrap();
    let names: Vec<&str> = policies.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Vacation", "Sick leave", "Unpaid leave", "Doctor appointment"]);
    assert_eq!(policies[3].kind, LeavePolicyKind::HourBased);
    assert_eq!((policies[2].is_paid.clone(), policies[0].allowance), (YesNo::No, Some(20.0)));
    let globex = client(&app, OTHER_OWNER).send(&ListLeavePolicies::new(OTHER_WS)).await.unwrap();
    assert_eq!(globex.iter().map(|p| p.id).collect::<Vec<_>>(), vec![5]);

    let reply = c.send_reply(&ListLeaves::new(WS).user_id(5u64)).await.unwrap();
    assert_eq!(reply.data.len(), 4);
    assert!(reply.pagination.is_some());
    assert!(reply.data.iter().all(|l| l.user_id == Some(5) && l.policy_name.is_some()));
    let statuses: Vec<LeaveStatus> = reply.data.iter().map(|l| l.status.clone()).collect();
    for s in [LeaveStatus::Pending, LeaveStatus::Approved, LeaveStatus::Rejected] {
        assert!(statuses.contains(&s), "{s:?}");
    }
    let rejected = c.all(ListLeaves::new(WS).status(LeaveStatus::Rejected)).await.unwrap();
    assert!(
        !rejected.is_empty()
            && rejected.iter().all(|l| l.status == LeaveStatus::Rejected && l.reject_reason.is_some() && l.rejected_by.is_some())
    );
    let unpaid = c.all(ListLeaves::new(WS).is_paid(YesNo::No)).await.unwrap();
    assert!(!unpaid.is_empty() && unpaid.iter().all(|l| l.is_paid == YesNo::No && l.policy_id == Some(3)));
    let hourly = c.all(ListLeaves::new(WS).policy_id(4u64)).await.unwrap();
    assert_eq!(hourly.len(), 1);
    assert_eq!(
        (hourly[0].start_time.as_deref(), hourly[0].end_time.as_deref(), hourly[0].hours),
        (Some("14:00"), Some("16:00"), Some(2.0))
    );

    // The date window keeps requests overlapping it (independent check against the table).
    let (from, to) = ("2026-02-01", "2026-02-28");
    let window = c.all(ListLeaves::new(WS).date_from(from).date_to(to)).await.unwrap();
    let expected = count(
        &app,
        &format!("SELECT COUNT(*) FROM leave_requests WHERE workspace_id = 1 AND start_date <= '{to}' AND end_date >= '{from}'"),
    );
    assert_eq!(window.len() as i64, expected);
    assert!(window.iter().all(|l| l.start_date.as_deref().unwrap() <= to && l.end_date.as_deref().unwrap() >= from));

    let by_id = c.send(&ListLeaves::new(WS).id(reply.data[0].id.clone())).await.unwrap();
    assert_eq!(by_id, vec![reply.data[0].clone()]);

    // Role filtering: a regular user sees only their own; a team manager their team's.
    let mine = client(&app, REGULAR).all(ListLeaves::new(WS)).await.unwrap();
    assert_eq!(mine.len(), 4);
    let team = client(&app, TM).all(ListLeaves::new(WS)).await.unwrap();
    assert!(team.iter().all(|l| [4, 5, 13, 14, 15, 16, 17, 18, 19, 20].contains(&l.user_id.unwrap())));
    assert_eq!(status(&client(&app, VIEWER).send(&ListLeaves::new(WS)).await.unwrap_err()), 403);

    // date_to before date_from (sent raw: the client refuses to).
    let r = call(&app, OWNER, "GET", "/api/v2/leaves?workspace_id=1&date_from=2026-03-10&date_to=2026-03-01", None).await;
    assert_eq!((r.status, r.message().contains("date_to")), (422, true), "{}", r.body);
}

#[tokio::test]
async fn approving_reduces_the_balance_by_exactly_the_days() {
    let app = app();
    let owner = client(&app, OWNER);
    let regular = client(&app, REGULAR);

    // Three working days (Monday 13 to Wednesday 15 April), requested by the member themself.
    let vacation_before = balance(&owner, 5, 1).await;
    let reply = regular.send_reply(&RequestLeave::new(WS, 1u64, "2026-04-13", "2026-04-15", 5u64).reason("Family trip")).await.unwrap();
    assert_eq!((reply.status, reply.message.as_deref()), (201, Some("Leave request created successfully")));
    let leave = pending_on(&owner, 5, "2026-04-13").await;
    assert_eq!(
        (leave.days, leave.note.as_deref(), leave.created_by, leave.is_paid.clone()),
        (Some(3.0), Some("Family trip"), Some(5), YesNo::Yes)
    );
    assert_eq!(balance(&owner, 5, 1).await, vacation_before, "pending requests do not change the balance");

    let reply = owner.send_reply(&ApproveLeave::new(leave.id.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Leave request approved successfully"));
    assert_eq!(balance(&owner, 5, 1).await, vacation_before - 3.0);
    let approved = owner.send(&ListLeaves::new(WS).id(leave.id.clone())).await.unwrap().remove(0);
    assert_eq!((approved.status, approved.approved_by), (LeaveStatus::Approved, Some(1)));
    assert_eq!(status(&owner.send(&ApproveLeave::new(leave.id.clone(), WS)).await.unwrap_err()), 422, "only pending requests");
    assert_eq!(status(&owner.send(&RejectLeave::new(leave.id.clone(), WS, "late")).await.unwrap_err()), 422);

    // A half day counts 0.5; a weekend inside a range counts nothing.
    owner.send(&RequestLeave::new(WS, 1u64, "2026-04-20", "2026-04-20", 5u64).leave_period(LeavePeriod::FirstHalf)).await.unwrap();
    let half = pending_on(&owner, 5, "2026-04-20").await;
    assert_eq!((half.days, half.leave_period), (Some(0.5), Some(LeavePeriod::FirstHalf)));
    // The other half of the same day does not overlap it.
    owner.send(&RequestLeave::new(WS, 2u64, "2026-04-20", "2026-04-20", 5u64).leave_period(LeavePeriod::SecondHalf)).await.unwrap();
    owner.send(&ApproveLeave::new(half.id, WS)).await.unwrap();
    assert_eq!(balance(&owner, 5, 1).await, vacation_before - 3.5);
    owner.send(&RequestLeave::new(WS, 2u64, "2026-05-08", "2026-05-11", 5u64)).await.unwrap();
    assert_eq!(pending_on(&owner, 5, "2026-05-08").await.days, Some(2.0), "Friday and Monday");

    // Hour-based: hours per working day.
    let doctor_before = balance(&owner, 5, 4).await;
    owner.send(&RequestLeave::new(WS, 4u64, "2026-04-21", "2026-04-22", 5u64).start_time("10:00").end_time("12:30")).await.unwrap();
    let hourly = pending_on(&owner, 5, "2026-04-21").await;
    assert_eq!((hourly.hours, hourly.days, hourly.start_time.as_deref()), (Some(5.0), None, Some("10:00")));
    owner.send(&ApproveLeave::new(hourly.id, WS)).await.unwrap();
    assert_eq!(balance(&owner, 5, 4).await, doctor_before - 5.0);

    // Rejecting leaves the balance alone and records the reason.
    let sick_before = balance(&owner, 5, 2).await;
    owner.send(&RequestLeave::new(WS, 2u64, "2026-06-01", "2026-06-02", 5u64)).await.unwrap();
    let sick = pending_on(&owner, 5, "2026-06-01").await;
    let reply = owner.send_reply(&RejectLeave::new(sick.id.clone(), WS, "Project deadline")).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Leave request rejected successfully"));
    let rejected = owner.send(&ListLeaves::new(WS).id(sick.id.clone())).await.unwrap().remove(0);
    assert_eq!(
        (rejected.status, rejected.reject_reason.as_deref(), rejected.rejected_by),
        (LeaveStatus::Rejected, Some("Project deadline"), Some(1))
    );
    assert_eq!(balance(&owner, 5, 2).await, sick_before);
    // Its days are free again.
    owner.send(&RequestLeave::new(WS, 2u64, "2026-06-01", "2026-06-01", 5u64)).await.unwrap();

    // The balance counts approved leave starting inside the window only.
    let march = owner.send(&ListLeaveBalances::new(WS, "2026-03-01", "2026-03-31").user_id(5u64)).await.unwrap();
    let vacation = march[0].leave_information.iter().find(|e| e.leave_type == "Vacation").unwrap();
    assert_eq!(vacation.balance, "22 days", "user 5's own allowance, nothing approved in March");
}

#[tokio::test]
async fn balances_are_allowance_minus_approved_usage() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c.send_reply(&ListLeaveBalances::new(WS, "2025-01-01", "2026-12-31").per_page(100u32)).await.unwrap();
    let staff = count(&app, "SELECT COUNT(*) FROM memberships WHERE workspace_id = 1 AND deleted_at IS NULL AND role <> 'Project viewer'");
    assert_eq!(reply.pagination.as_ref().map(|p| p.total as i64), Some(staff));
    for row in &reply.data {
        assert_eq!(row.leave_information.len(), 4);
        for entry in &row.leave_information {
            let policy = entry.policy_id.unwrap();
            let column = if policy == 4 { "hours" } else { "days" };
            let allowance = count(
                &app,
                &format!("SELECT CAST(COALESCE((SELECT allowance FROM leave_allowances WHERE workspace_id = 1 AND user_id = {u} AND policy_id = {policy}), (SELECT allowance FROM leave_policies WHERE id = {policy})) * 100 AS INTEGER)", u = row.user_id),
            );
            let used = count(
                &app,
                &format!("SELECT CAST(COALESCE(SUM({column}), 0) * 100 AS INTEGER) FROM leave_requests WHERE workspace_id = 1 AND user_id = {} AND policy_id = {policy} AND status = 'approved' AND start_date BETWEEN '2025-01-01' AND '2026-12-31'", row.user_id),
            );
            assert_eq!((entry.amount().unwrap() * 100.0).round() as i64, allowance - used, "user {} policy {policy}", row.user_id);
            let unit = if policy == 4 { "hour" } else { "day" };
            assert!(entry.balance.contains(unit), "{}", entry.balance);
        }
    }
    // Paging over members; the regular user sees only themself.
    let page = c.send_reply(&ListLeaveBalances::new(WS, YEAR.0, YEAR.1).per_page(5u32).page(2u32)).await.unwrap();
    assert_eq!(page.data.len(), 5);
    assert_eq!(page.pagination.unwrap().current_page, 2);
    let mine = client(&app, REGULAR).send(&ListLeaveBalances::new(WS, YEAR.0, YEAR.1)).await.unwrap();
    assert_eq!(mine.iter().map(|b| b.user_id).collect::<Vec<_>>(), vec![5]);
    assert_eq!(mine[0].user_name, "Seán O'Brien");
    let r = call(&app, OWNER, "GET", "/api/v2/leaves/balances?workspace_id=1&date_from=2026-03-01", None).await;
    assert_eq!((r.status, r.message()), (422, "The date_to field is required."));
}

#[tokio::test]
async fn request_rules_and_roles() {
    let app = app();
    let owner = client(&app, OWNER);
    let post = |body: serde_json::Value| {
        let app = app.clone();
        async move {
            let mut b = json!({"workspace_id": 1, "policy_id": 1, "user_id": 5, "start": "2026-07-06", "end": "2026-07-07"});
            b.as_object_mut().unwrap().extend(body.as_object().unwrap().clone());
            call(&app, OWNER, "POST", "/api/v2/leaves", Some(b)).await
        }
    };
    let before = count(&app, "SELECT COUNT(*) FROM leave_requests");
    for (body, status, field) in [
        (json!({"end": "2026-07-01"}), 422, "end"),
        (json!({"end": "2027-12-31"}), 422, "end"),
        (json!({"start": "2026-07-11", "end": "2026-07-12"}), 422, "working day"),
        (json!({"policy_id": 99}), 422, "policy_id"),
        (json!({"policy_id": 5}), 422, "policy_id"),
        (json!({"user_id": 101}), 422, "user_id"),
        (json!({"user_id": 6}), 422, "user_id"),
        (json!({"start": "2026-07-06x"}), 422, "start"),
        (json!({"leave_period": 1}), 422, "leave_period"),
        (json!({"leave_period": 7}), 422, "leave_period"),
        (json!({"start_time": "09:00", "end_time": "10:00"}), 422, "start_time"),
        (json!({"policy_id": 4}), 422, "start_time"),
        (json!({"policy_id": 4, "start_time": "11:00", "end_time": "10:00"}), 422, "end_time"),
        (json!({"policy_id": 4, "start_time": "10:00", "end_time": "11:00", "hours_per_day": 3}), 422, "hours_per_day"),
        // 20 working days of vacation exceed user 5's 22-day allowance minus what is taken.
        (json!({"start": "2026-08-03", "end": "2026-08-28"}), 422, "balance"),
    ] {
        let r = post(body.clone()).await;
        assert_eq!(r.status, status, "{body}: {}", r.body);
        assert!(r.message().contains(field), "{body}: {:?} lacks {field}", r.message());
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM leave_requests"), before, "refused requests leave no trace");

    // Overlaps with pending or approved leave are conflicts.
    assert_eq!(post(json!({})).await.status, 201);
    let r = post(json!({"start": "2026-07-07", "end": "2026-07-09"})).await;
    assert_eq!(r.status, 409, "{}", r.body);

    // Who may do what.
    let regular = client(&app, REGULAR);
    assert_eq!(status(&regular.send(&RequestLeave::new(WS, 1u64, "2026-09-01", "2026-09-01", 33u64)).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, VIEWER).send(&RequestLeave::new(WS, 1u64, "2026-09-01", "2026-09-01", 6u64)).await.unwrap_err()), 403);
    client(&app, TM).send(&RequestLeave::new(WS, 1u64, "2026-09-01", "2026-09-01", 4u64)).await.unwrap();
    let pending = pending_on(&owner, 4, "2026-09-01").await;
    for token in [REGULAR, TM, PM, VIEWER] {
        assert_eq!(status(&client(&app, token).send(&ApproveLeave::new(pending.id.clone(), WS)).await.unwrap_err()), 403, "{token}");
        assert_eq!(status(&client(&app, token).send(&RejectLeave::new(pending.id.clone(), WS, "no")).await.unwrap_err()), 403, "{token}");
    }
    client(&app, EXEC).send(&ApproveLeave::new(pending.id.clone(), WS)).await.unwrap();
    assert_eq!(status(&owner.send(&ApproveLeave::new("nope", WS)).await.unwrap_err()), 404);
    let r = call(
        &app,
        OWNER,
        "POST",
        &format!("/api/v2/leaves/{}/reject", pending_on(&owner, 5, "2026-07-06").await.id),
        Some(json!({"workspace_id": 1, "reason": "  "})),
    )
    .await;
    assert_eq!((r.status, r.message()), (422, "The reason field is required."));

    // Isolation: another workspace's owner cannot see or decide workspace 1's requests.
    let other = client(&app, OTHER_OWNER);
    assert_eq!(status(&other.send(&ApproveLeave::new(pending.id.clone(), OTHER_WS)).await.unwrap_err()), 404);
    assert_eq!(status(&other.send(&ListLeaves::new(WS)).await.unwrap_err()), 403);
    assert!(other.all(ListLeaves::new(OTHER_WS)).await.unwrap().is_empty());
}
