//! Timesheets: the list (filters, role filtering, totals from the entries, amounts only with
//! rate permission) and the status flow with its refusals.

use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn list_with_totals_from_the_entries() {
    let app = app();
    let c = client(&app, OWNER);
    let sheets = c.all(ListTimesheets::new(WS).user_id(5u64)).await.unwrap();
    assert_eq!(sheets.len(), 13, "this week and twelve before");
    let statuses: Vec<TimesheetStatus> = sheets.iter().map(|s| s.status.clone()).collect();
    for s in [TimesheetStatus::Pending, TimesheetStatus::Submitted, TimesheetStatus::Rejected, TimesheetStatus::Approved] {
        assert!(statuses.contains(&s), "{s}");
    }
    assert!(sheets.windows(2).all(|w| w[0].created_at >= w[1].created_at), "newest first by default");
    for s in &sheets {
        let (from, to) = (s.date_from.clone().unwrap(), s.date_to.clone().unwrap());
        let minutes = count(&app, &format!("SELECT COALESCE(SUM(duration_minutes), 0) FROM time_entries WHERE workspace_id = 1 AND user_id = 5 AND date BETWEEN '{from}' AND '{to}'"));
        assert_eq!(s.total_minutes, Some(minutes), "{from}");
        assert_eq!(s.minutes(), minutes);
        assert_eq!(s.daily_breakdown.values().flatten().map(|d| d.total_minutes).sum::<i64>(), minutes);
        assert!(s.daily_breakdown.keys().all(|d| *d >= from && *d <= to));
        assert_eq!(s.member.as_ref().and_then(|m| m.firstname.as_deref()), Some("Seán"));
        assert_eq!(s.user_id, Some(5));
        // The owner sees amounts: projects 1 and 2 are billable.
        if minutes > 0 {
            assert!(s.total_amount.as_ref().is_some_and(|a| a.total() > 0.0), "{from}");
            assert!(s.daily_breakdown.values().flatten().all(|d| d.total_amount.is_some() && d.project_name.is_some()));
        }
    }
    let rejected = sheets.iter().find(|s| s.status == TimesheetStatus::Rejected).unwrap();
    assert!(rejected.reject_reason.is_some() && rejected.submitted_on.is_some());
    assert!(sheets.iter().filter(|s| s.status == TimesheetStatus::Approved).all(|s| s.approved_on.is_some()));

    // Filters: status (`open` reads as pending), id, window (touching), order.
    let pending = c.all(ListTimesheets::new(WS).user_id(5u64).status(TimesheetStatus::Open)).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].status, TimesheetStatus::Pending);
    let by_id = c.send(&ListTimesheets::new(WS).id(rejected.id.clone())).await.unwrap();
    assert_eq!(by_id, vec![rejected.clone()]);
    let wed = c.send(&ListTimesheets::new(WS).user_id(5u64).date_from(testing::TODAY).date_to(testing::TODAY)).await.unwrap();
    assert_eq!(wed.len(), 1);
    assert!(wed[0].date_from.as_deref().unwrap() <= testing::TODAY && wed[0].date_to.as_deref().unwrap() >= testing::TODAY);
    let asc = c.send(&ListTimesheets::new(WS).user_id(5u64).order_by(SortOrder::Asc).per_page(100u32)).await.unwrap();
    assert_eq!(asc.first().map(|s| &s.id), sheets.last().map(|s| &s.id));
    let r = call(&app, OWNER, "GET", "/api/v2/timesheets?workspace_id=1&date_from=2026-03-04&date_to=2026-03-01", None).await;
    assert_eq!(r.status, 422);
    assert!(r.message().contains("date_to"));
    let r = call(&app, OWNER, "GET", "/api/v2/timesheets?workspace_id=1&status=closed", None).await;
    assert_eq!(r.status, 422);
    let r = call(&app, OWNER, "GET", "/api/v2/timesheets?workspace_id=1&per_page=101", None).await;
    assert_eq!(r.status, 422);

    // Role filtering: a regular user sees only their own and no amounts; a team manager their team.
    let own = client(&app, REGULAR).all(ListTimesheets::new(WS)).await.unwrap();
    assert_eq!(own.len(), 13);
    assert!(own.iter().all(|s| s.user_id == Some(5) && s.total_amount.is_none()));
    assert!(own.iter().flat_map(|s| s.daily_breakdown.values().flatten()).all(|d| d.total_amount.is_none()));
    assert!(client(&app, REGULAR).send(&ListTimesheets::new(WS).user_id(7u64)).await.unwrap().is_empty());
    let team = client(&app, TM).all(ListTimesheets::new(WS).status(TimesheetStatus::Pending)).await.unwrap();
    assert!(
        team.iter().all(|s| [4, 5, 13, 14, 15, 16, 17, 18, 19, 20].contains(&s.user_id.unwrap())),
        "{:?}",
        team.iter().map(|s| s.user_id).collect::<Vec<_>>()
    );
    assert!(team.iter().any(|s| s.user_id == Some(14)));
    assert_eq!(status(&client(&app, VIEWER).send(&ListTimesheets::new(WS)).await.unwrap_err()), 403);
    // Workspaces do not mix.
    let globex = client(&app, OTHER_OWNER).all(ListTimesheets::new(OTHER_WS)).await.unwrap();
    assert!(!globex.is_empty() && globex.iter().all(|s| s.user_id.unwrap() > 100 || s.user_id == Some(2)));
    assert!(c.all(ListTimesheets::new(WS).status(TimesheetStatus::Approved)).await.unwrap().iter().all(|s| s.user_id.unwrap() < 100));
}

#[tokio::test]
async fn status_flow_and_refusals() {
    let app = app();
    let owner = client(&app, OWNER);
    let me = client(&app, REGULAR);
    let sheets = owner.all(ListTimesheets::new(WS).user_id(5u64)).await.unwrap();
    let find = |s: TimesheetStatus| sheets.iter().find(|x| x.status == s).unwrap().id.clone();
    let (current, submitted, approved) =
        (find(TimesheetStatus::Pending), find(TimesheetStatus::Submitted), find(TimesheetStatus::Approved));
    let get = |id: String| {
        let owner = owner.clone();
        async move { owner.send(&ListTimesheets::new(WS).id(id)).await.unwrap().remove(0) }
    };

    // pending: cannot be approved, rejected or unsubmitted.
    let err = owner.send(&ApproveTimesheet::new(current.clone(), WS)).await.unwrap_err();
    assert_eq!((status(&err), err.to_string()), (422, "Only a submitted timesheet can be approved; this one is pending.".to_owned()));
    assert_eq!(status(&owner.send(&RejectTimesheet::new(current.clone(), WS, "no")).await.unwrap_err()), 422);
    assert_eq!(status(&me.send(&UnsubmitTimesheet::new(current.clone(), WS)).await.unwrap_err()), 422);

    // The member submits their own, may pull it back, and submits again.
    let reply = me.send_reply(&SubmitTimesheet::new(current.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Timesheet submitted successfully"));
    let s = get(current.clone()).await;
    assert_eq!(s.status, TimesheetStatus::Submitted);
    assert!(s.submitted_on.is_some());
    assert_eq!(status(&me.send(&SubmitTimesheet::new(current.clone(), WS)).await.unwrap_err()), 422);
    let reply = me.send_reply(&UnsubmitTimesheet::new(current.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Timesheet unsubmitted successfully"));
    assert_eq!(get(current.clone()).await.status, TimesheetStatus::Pending);
    me.send(&SubmitTimesheet::new(current.clone(), WS)).await.unwrap();

    // Only owners and EMs decide; a reason is required to reject.
    for token in [PM, TM, REGULAR] {
        assert_eq!(status(&client(&app, token).send(&ApproveTimesheet::new(current.clone(), WS)).await.unwrap_err()), 403, "{token}");
        assert_eq!(status(&client(&app, token).send(&RejectTimesheet::new(current.clone(), WS, "x")).await.unwrap_err()), 403, "{token}");
    }
    let r = call(&app, OWNER, "PUT", &format!("/api/v2/timesheets/{current}/reject"), Some(json!({"workspace_id": 1}))).await;
    assert_eq!((r.status, r.message()), (422, "The reason field is required."));
    let r =
        call(&app, OWNER, "PUT", &format!("/api/v2/timesheets/{current}/reject"), Some(json!({"workspace_id": 1, "reason": "  "}))).await;
    assert_eq!((r.status, r.message()), (422, "The reason field is required."));
    let reply = owner.send_reply(&RejectTimesheet::new(current.clone(), WS, "Tuesday is missing its task.")).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Timesheet rejected successfully"));
    let s = get(current.clone()).await;
    assert_eq!((s.status, s.reject_reason.as_deref()), (TimesheetStatus::Rejected, Some("Tuesday is missing its task.")));
    assert_eq!(status(&owner.send(&ApproveTimesheet::new(current.clone(), WS)).await.unwrap_err()), 422, "rejected is not approvable");
    // Rejected -> submitted again -> approved (by an EM); approved is final.
    me.send(&SubmitTimesheet::new(current.clone(), WS)).await.unwrap();
    assert_eq!(get(current.clone()).await.reject_reason, None);
    let reply = client(&app, EXEC).send_reply(&ApproveTimesheet::new(current.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Timesheet approved successfully"));
    let s = get(current.clone()).await;
    assert_eq!(s.status, TimesheetStatus::Approved);
    assert!(s.approved_on.is_some());
    for err in [
        me.send(&UnsubmitTimesheet::new(current.clone(), WS)).await.unwrap_err(),
        me.send(&SubmitTimesheet::new(current.clone(), WS)).await.unwrap_err(),
        owner.send(&ApproveTimesheet::new(current.clone(), WS)).await.unwrap_err(),
        owner.send(&RejectTimesheet::new(approved.clone(), WS, "late")).await.unwrap_err(),
    ] {
        assert_eq!(status(&err), 422, "{err}");
    }
    // The seed's submitted one: the owner may unsubmit anyone's.
    owner.send(&UnsubmitTimesheet::new(submitted.clone(), WS)).await.unwrap();

    // Members act on their own timesheets only; other workspaces' are not found.
    let someone_else = owner.send(&ListTimesheets::new(WS).user_id(7u64).status(TimesheetStatus::Pending)).await.unwrap()[0].id.clone();
    assert_eq!(status(&me.send(&SubmitTimesheet::new(someone_else.clone(), WS)).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, TM).send(&SubmitTimesheet::new(someone_else.clone(), WS)).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, VIEWER).send(&SubmitTimesheet::new(someone_else.clone(), WS)).await.unwrap_err()), 403);
    let globex = client(&app, OTHER_OWNER).send(&ListTimesheets::new(OTHER_WS)).await.unwrap()[0].id.clone();
    assert_eq!(status(&owner.send(&SubmitTimesheet::new(globex.clone(), WS)).await.unwrap_err()), 404);
    assert_eq!(status(&owner.send(&ApproveTimesheet::new(globex.clone(), WS)).await.unwrap_err()), 404);
    assert_eq!(status(&owner.send(&ApproveTimesheet::new("ts_nope", WS)).await.unwrap_err()), 404);
    assert_eq!(status(&client(&app, OTHER_OWNER).send(&ApproveTimesheet::new(current, WS)).await.unwrap_err()), 403);
}
