//! Every operation of the catalog, driven once through the core client against a fresh demo
//! sandbox: each answers its documented status (and message), decodes into the core's output
//! type, and says something sensible. Failures are collected so one run names every broken
//! operation; a final check makes sure none of the catalog was skipped.

use std::collections::BTreeSet;

use webwork_core::ops::Operation;

use crate::support::*;

#[derive(Default)]
struct Run {
    covered: BTreeSet<&'static str>,
    failures: Vec<String>,
}

impl Run {
    /// Sends `op` and checks the reply's status and message against the operation table.
    async fn call<O: Operation>(&mut self, c: &Client<InProcess>, op: &O) -> Option<O::Output> {
        let info = O::INFO;
        self.covered.insert(info.id);
        match c.send_reply(op).await {
            Ok(reply) => {
                if reply.status != info.doc().success_status {
                    self.failures.push(format!("{}: status {} (expected {})", info.id, reply.status, info.doc().success_status));
                }
                if let Some(m) = info.doc().message {
                    if reply.message.as_deref() != Some(m) {
                        self.failures.push(format!("{}: message {:?} (expected {m:?})", info.id, reply.message));
                    }
                }
                if reply.meta.api_version.as_deref() != Some("2.0.0") {
                    self.failures.push(format!("{}: api_version {:?}", info.id, reply.meta.api_version));
                }
                Some(reply.data)
            }
            Err(e) => {
                self.failures.push(format!("{}: {e}", info.id));
                None
            }
        }
    }

    fn check(&mut self, id: &str, ok: bool, what: &str) {
        if !ok {
            self.failures.push(format!("{id}: {what}"));
        }
    }
}

#[tokio::test]
async fn every_operation_answers_and_decodes() {
    let app = app();
    let owner = client(&app, OWNER);
    let regular = client(&app, REGULAR);
    let mut run = Run::default();
    let r = &mut run;

    // ---- workspaces and members ----
    if let Some(ws) = r.call(&owner, &ListWorkspaces::new()).await {
        r.check("getWorkspaces", ws.iter().any(|w| w.id == WS && w.role == Role::Owner), "workspace 1 with role Owner");
    }
    if let Some(members) = r.call(&owner, &ListMembers::new(WS)).await {
        r.check("getMembers", members.iter().any(|m| m.id == 5), "member 5 listed");
    }
    let invited = r.call(&owner, &InviteMember::new(WS, "every.op@example.com", "Every", "Operation", Role::RegularUser)).await;
    let new_member = invited.as_ref().map(|i| i.user_id).unwrap_or(0);
    r.check("inviteMember", invited.is_some_and(|i| i.user_id > 0 && i.invitation_link.starts_with("https://")), "user id and link");
    if let Some(m) = r.call(&owner, &GetMember::new(new_member, WS)).await {
        r.check("getMember", m.email == "every.op@example.com" && m.status == MemberStatus::Inactive, "the invitee, inactive");
    }
    r.call(&owner, &UpdateMember::new(new_member, WS).firstname("Renamed")).await;
    r.call(&owner, &DeleteMember::new(new_member, WS)).await;
    r.call(&owner, &RestoreMember::new(new_member, WS)).await;
    if let Ok(m) = owner.send(&GetMember::new(new_member, WS)).await {
        r.check("updateMember", m.firstname == "Renamed", "the new first name");
        r.check("restoreMember", m.deleted_at.is_none(), "restored");
    }

    // ---- projects and contracts ----
    if let Some(projects) = r.call(&owner, &ListProjects::new(WS)).await {
        r.check("getProjects", projects.len() >= 10, "the demo projects");
    }
    let project = r.call(&owner, &CreateProject::new(WS, "Every Operation Project").is_billable(true).rate(80.0)).await;
    let project_id = project.as_ref().map(|p| p.id).unwrap_or(0);
    r.check("createProject", project.is_some_and(|p| p.name == "Every Operation Project"), "the new project");
    if let Some(p) = r.call(&owner, &GetProject::new(project_id, WS)).await {
        r.check("getProject", p.id == project_id, "the project");
    }
    r.call(&owner, &UpdateProject::new(project_id, WS).notes("Touched by every_operation")).await;
    let contract = r.call(&owner, &CreateContract::new(WS, project_id, 20u64)).await;
    let contract_id = contract.as_ref().map(|k| k.id).unwrap_or(0);
    r.check("createContract", contract.is_some_and(|k| k.user_id == 20 && k.project_id == project_id), "member 20 on the project");
    if let Some(list) = r.call(&owner, &ListContracts::new(WS).project_id(project_id)).await {
        r.check("getContracts", list.iter().any(|k| k.id == contract_id), "the new contract");
    }
    if let Some(k) = r.call(&owner, &GetContract::new(contract_id, WS)).await {
        r.check("getContract", k.rate == Some(80.0), "the project rate on a billable project");
    }
    if let Some(k) = r.call(&owner, &UpdateContract::new(contract_id, WS).weekly_hours_limit(10u64)).await {
        r.check("updateContract", k.weekly_hours_limit == Some(10), "the new limit");
    }

    // ---- tasks ----
    if let Some(tasks) = r.call(&owner, &ListTasks::new(WS).project_id(1u64)).await {
        r.check("getTasks", !tasks.is_empty() && tasks.iter().all(|t| t.project_id == 1), "project 1's tasks");
    }
    let task = r.call(&owner, &CreateTask::new(WS, 1u64, "Every operation task").assignees(vec![5u64])).await;
    let task_id = task.as_ref().map(|t| t.id).unwrap_or(0);
    r.check("createTask", task.is_some_and(|t| t.assignees.iter().any(|a| a.id == 5)), "assigned to 5");
    if let Some(t) = r.call(&owner, &GetTask::new(task_id, WS, 1u64)).await {
        r.check("getTask", t.title == "Every operation task", "the task");
    }
    r.call(&owner, &UpdateTask::new(task_id, WS, 1u64).status(TaskStatus::InProgress)).await;
    r.call(&owner, &AssignTask::new(task_id, 33u64, WS, 1u64)).await;
    if let Some(a) = r.call(&owner, &ListTaskAssignees::new(task_id, WS, 1u64)).await {
        r.check("assignTask", a.iter().any(|x| x.id == 33), "33 assigned");
    }
    r.call(&owner, &UnassignTask::new(task_id, 33u64, WS, 1u64)).await;
    r.call(&owner, &DeleteTask::new(task_id, WS, 1u64)).await;

    // ---- project viewers ----
    if let Some(v) = r.call(&owner, &ListProjectViewers::new(WS)).await {
        r.check("getProjectViewers", v.iter().any(|x| x.id == 6), "viewer 6");
    }
    let viewer = r.call(&owner, &CreateProjectViewer::new(WS, "every.viewer@example.com", "Every", "Viewer")).await;
    let viewer_id = viewer.as_ref().map(|v| v.id).unwrap_or(0);
    r.call(&owner, &AssignProjectToViewer::new(viewer_id, WS, 2u64)).await;
    if let Some(v) = r.call(&owner, &GetProjectViewer::new(viewer_id, WS)).await {
        r.check("assignProjectToViewer", v.projects.iter().any(|p| p.project_id == 2), "project 2 assigned");
    }
    r.call(&owner, &UnassignProjectFromViewer::new(viewer_id, WS, 2u64)).await;
    r.call(&owner, &DeleteProjectViewer::new(viewer_id, WS)).await;
    r.call(&owner, &RestoreProjectViewer::new(viewer_id, WS)).await;

    // ---- time tracking and entries ----
    let my_contract = owner.send(&ListContracts::new(WS).user_id(5u64).project_id(1u64)).await.map(|k| k[0].id).unwrap_or(0);
    if let Some(s) = r.call(&owner, &StartTracking::new(WS, 5u64).contract_id(my_contract)).await {
        r.check("startTimeTracking", !s.start_time.is_empty(), "a start time");
    }
    if let Some(s) = r.call(&owner, &GetTrackerState::new(WS, 5u64)).await {
        r.check("getCurrentTrackerData", s.user_id == 5 && s.is_running != Some(false), "user 5's running tracker");
    }
    if let Some(s) = r.call(&owner, &StopTracking::new(WS, 5u64)).await {
        r.check("stopTimeTracking", !s.stopped_at.is_empty(), "a stop time");
    }
    if let Some(list) = r.call(&owner, &ListTimeEntries::new(WS, 5u64, "2026-03-03")).await {
        r.check("getTimeEntries", !list.is_empty() && list.iter().all(|e| e.user_id == 5 && e.date == "2026-03-03"), "yesterday's entries");
    }
    let entry = r.call(&owner, &CreateTimeEntry::new(WS, 5u64, "2026-03-03", "21:00", "21:45").contract_id(my_contract)).await;
    let entry_id = entry.as_ref().map(|e| e.id.clone()).unwrap_or_default();
    r.check("createTimeEntry", entry.is_some_and(|e| e.duration_minutes == 45), "45 minutes");
    r.call(&owner, &UpdateTimeEntry::new(entry_id.clone(), WS).notes("Every operation")).await;
    r.call(&owner, &DeleteTimeEntry::new(entry_id, WS)).await;

    // ---- timesheets ----
    let sheets = r.call(&owner, &ListTimesheets::new(WS).user_id(5u64)).await.unwrap_or_default();
    r.check("getTimesheets", sheets.len() > 1, "user 5's timesheets");
    let find = |status: TimesheetStatus| sheets.iter().find(|s| s.status == status).map(|s| s.id.clone()).unwrap_or_default();
    let (pending, submitted) = (find(TimesheetStatus::Pending), find(TimesheetStatus::Submitted));
    r.call(&regular, &SubmitTimesheet::new(pending.clone(), WS)).await;
    r.call(&regular, &UnsubmitTimesheet::new(pending.clone(), WS)).await;
    r.call(&owner, &ApproveTimesheet::new(submitted, WS)).await;
    let _ = regular.send(&SubmitTimesheet::new(pending.clone(), WS)).await;
    r.call(&owner, &RejectTimesheet::new(pending, WS, "Please add task names")).await;

    // ---- time requests ----
    if let Some(list) = r.call(&owner, &ListTimeRequests::new(WS, "2026-01-01", "2026-03-04")).await {
        r.check("getTimeRequests", !list.is_empty(), "the seeded requests");
        if let Some(first) = list.first() {
            if let Some(one) = r.call(&owner, &GetTimeRequest::new(first.id.clone(), WS)).await {
                r.check("getTimeRequest", one.id == first.id, "the same request");
            }
        }
    }
    let request =
        r.call(&regular, &CreateTimeRequest::new(WS, 5u64, "2026-03-03T20:00:00Z", "2026-03-03T21:00:00Z").contract_id(my_contract)).await;
    let request_id = request.as_ref().map(|t| t.id.clone()).unwrap_or_default();
    r.check("createTimeRequest", request.is_some_and(|t| t.status == TimeRequestStatus::Pending), "pending");
    r.call(&owner, &ApproveTimeRequest::new(request_id, WS)).await;
    let second =
        regular.send(&CreateTimeRequest::new(WS, 5u64, "2026-03-02T20:00:00Z", "2026-03-02T21:00:00Z").contract_id(my_contract)).await;
    r.call(&owner, &RejectTimeRequest::new(second.map(|t| t.id).unwrap_or_default(), WS, "Not agreed")).await;

    // ---- leaves ----
    if let Some(p) = r.call(&owner, &ListLeavePolicies::new(WS)).await {
        r.check("getLeavePolicies", p.len() == 4, "four policies");
    }
    r.call(&regular, &RequestLeave::new(WS, 1u64, "2026-05-04", "2026-05-05", 5u64)).await;
    r.call(&regular, &RequestLeave::new(WS, 2u64, "2026-05-11", "2026-05-11", 5u64)).await;
    let leaves = r
        .call(&owner, &ListLeaves::new(WS).user_id(5u64).status(LeaveStatus::Pending).date_from("2026-05-01").date_to("2026-05-31"))
        .await
        .unwrap_or_default();
    r.check("createLeaveRequest", leaves.len() == 2, "both requests listed");
    let before = owner.send(&ListLeaveBalances::new(WS, "2026-01-01", "2026-12-31").user_id(5u64)).await.ok();
    if let Some(l) = leaves.iter().find(|l| l.policy_id == Some(1)) {
        r.call(&owner, &ApproveLeave::new(l.id.clone(), WS)).await;
    }
    if let Some(l) = leaves.iter().find(|l| l.policy_id == Some(2)) {
        r.call(&owner, &RejectLeave::new(l.id.clone(), WS, "Cover needed")).await;
    }
    if let Some(after) = r.call(&owner, &ListLeaveBalances::new(WS, "2026-01-01", "2026-12-31").user_id(5u64)).await {
        let vacation = |rows: &[LeaveBalance]| {
            rows.first().and_then(|b| b.leave_information.iter().find(|e| e.policy_id == Some(1))).and_then(|e| e.amount())
        };
        let b = before.as_deref().and_then(vacation);
        r.check("approveLeave", b.is_some() && vacation(&after) == b.map(|v| v - 2.0), "vacation balance down by two days");
    }

    // ---- expenses ----
    let categories = r.call(&owner, &ListExpenseCategories::new(WS)).await.unwrap_or_default();
    r.check("getExpenseCategories", categories.len() == 5, "five categories");
    let category = categories.first().map(|k| k.id.clone()).unwrap_or_default();
    if let Some(list) = r.call(&owner, &ListExpenses::new(WS)).await {
        r.check("getExpenses", list.len() == 20, "the first page of 30 expenses");
    }
    let expense = r.call(&regular, &CreateExpense::new(WS, "Every operation taxi", "2026-03-02", 18.4, category)).await;
    let expense_id = expense.as_ref().map(|e| e.id.clone()).unwrap_or_default();
    r.check("createExpense", expense.is_some_and(|e| e.amount == 18.4 && e.user_id == Some(5)), "the expense");
    r.call(&regular, &UpdateExpense::new(expense_id.clone(), WS).amount(19.0)).await;
    r.call(&regular, &DeleteExpense::new(expense_id, WS)).await;

    // ---- reports ----
    if let Some(t) = r.call(&owner, &GetTrackedHoursReport::new(WS).start_date("2026-02-23").end_date("2026-03-01")).await {
        r.check("getTrackedHoursReport", t.total.total_minutes > 0 && !t.dates.is_empty(), "tracked time last week");
    }
    if let Some(rows) = r.call(&owner, &GetDailyTimelineReport::new(WS, "2026-03-03").user_ids(vec![5u64])).await {
        r.check("getDailyTimelineReport", rows.len() == 1 && !rows[0].entries.is_empty(), "user 5's day");
    }
    if let Some(a) = r.call(&owner, &GetActivityLevelReport::new(WS, "2026-02-23", "2026-03-01")).await {
        r.check("getActivityLevelReport", a.statistics.users_count > 0 && a.statistics.average_activity.is_some(), "statistics");
    }
    if let Some(rows) = r.call(&owner, &GetDailyAttendanceReport::new(WS, "2026-03-03")).await {
        r.check("getDailyAttendanceReport", rows.iter().any(|x| x.statuses.contains(&AttendanceStatus::Present)), "someone present");
    }
    if let Some(rows) = r.call(&owner, &GetTaskReport::new(WS, "2026-02-23", "2026-03-01")).await {
        r.check(
            "getTaskReport",
            rows.iter().all(|x| x.total_minutes == x.tasks_breakdown.iter().map(|t| t.total_minutes).sum::<i64>()),
            "totals add up",
        );
    }
    if let Some(rows) = r.call(&owner, &GetActivityDescriptionsReport::new(WS, "2026-02-23", "2026-03-01")).await {
        r.check(
            "getActivityDescriptionsReport",
            !rows.is_empty() && rows.iter().all(|x| !x.activity_description.is_empty()),
            "descriptions",
        );
    }

    // ---- webhooks ----
    if let Some(w) = r.call(&owner, &ListWebhooks::new(WS)).await {
        r.check("getWebhooks", w.iter().any(|x| x.id == "wh_demo_people"), "the demo webhook");
    }
    let hook =
        r.call(&owner, &CreateWebhook::new(WS, "https://hooks.example.test/every-operation", vec![WebhookEvent::ProjectCreated])).await;
    let hook_id = hook.as_ref().map(|h| h.id.clone()).unwrap_or_default();
    r.check("createWebhook", hook.is_some_and(|h| h.token.is_some()), "a token");
    r.call(&owner, &UpdateWebhook::new(hook_id.clone(), WS, "https://hooks.example.test/every-operation-2")).await;
    if let Some(h) = r.call(&owner, &GetWebhook::new(hook_id.clone(), WS)).await {
        r.check("updateWebhook", h.url.ends_with("-2"), "the new URL");
    }
    r.call(&owner, &DeleteWebhook::new(hook_id, WS)).await;

    // ---- clean-up operations ----
    r.call(&owner, &DeleteContract::new(contract_id, WS)).await;
    r.call(&owner, &DeleteProject::new(project_id, WS)).await;

    let missing: Vec<&str> = CATALOG.iter().map(|op| op.id).filter(|id| !run.covered.contains(id)).collect();
    assert!(missing.is_empty(), "operations not exercised: {missing:?}");
    assert_eq!(run.covered.len(), CATALOG.len());
    assert!(run.failures.is_empty(), "{} of {} operations failed:\n{}", run.failures.len(), CATALOG.len(), run.failures.join("\n"));
}
