//! Time tracking through the API: start (one running tracker per person, across workspaces:
//! a second start is 409), stop (the span becomes "Web tracker" time entries, split at UTC
//! midnight, with the real duration on the sandbox clock) and the current data of one member
//! (today's minutes including the running tracker). Start and stop emit `tracker.started` and
//! `tracker.stopped`.

use super::prelude::*;
use super::time_entries::{self, NewEntry, TRACKER_METHOD};

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![("startTimeTracking", start), ("stopTimeTracking", stop), ("getCurrentTrackerData", current)]
}

/// A tracker running in the caller's workspace.
struct Running {
    contract_id: Option<i64>,
    project_id: Option<i64>,
    project_name: Option<String>,
    task_id: Option<i64>,
    task_title: Option<String>,
    activity_description: Option<String>,
    started_at: String,
}

fn running(ctx: &Ctx, user: i64) -> Result<Option<Running>, HttpError> {
    Ok(optional(
        ctx.db
            .prepare_cached(
                "SELECT r.contract_id, r.project_id, p.name, r.task_id, t.title, r.activity_description, r.started_at
         FROM running_trackers r LEFT JOIN projects p ON p.id = r.project_id LEFT JOIN tasks t ON t.id = r.task_id
         WHERE r.user_id = ?1 AND r.workspace_id = ?2",
            )?
            .query_row(params![user, ctx.ws_id()], |r| {
                Ok(Running {
                    contract_id: r.get(0)?,
                    project_id: r.get(1)?,
                    project_name: r.get(2)?,
                    task_id: r.get(3)?,
                    task_title: r.get(4)?,
                    activity_description: r.get(5)?,
                    started_at: r.get(6)?,
                })
            }),
    )?)
}

/// ISO 8601 with an explicit offset (`2024-01-15T10:30:00+00:00`), as the start reply documents.
fn with_offset(ms: i64) -> String {
    let s = iso(ms);
    format!("{}+00:00", s.trim_end_matches('Z'))
}

fn start(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user = ctx.req_int("user_id")?;
    let member = time_entries::tracking_member(ctx, "user_id", user)?;
    let (contract, task) = time_entries::work_refs(ctx, user, ctx.int("contract_id"), ctx.int("task_id"))?;
    let elsewhere: Option<i64> =
        optional(ctx.db.prepare_cached("SELECT workspace_id FROM running_trackers WHERE user_id = ?1")?.query_row([user], |r| r.get(0)))?;
    if let Some(ws) = elsewhere {
        let where_ = if ws == ctx.ws_id() { "" } else { " in another workspace" };
        return Err(HttpError::conflict(format!("This member already has a running tracker{where_}; stop it before starting another.")));
    }
    let description = ctx.str("activity_description").map(str::to_owned);
    let started = clock::iso(ctx.now_ms);
    ctx.db.execute(
        "INSERT INTO running_trackers (user_id, workspace_id, contract_id, project_id, task_id, activity_description, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            user,
            ctx.ws_id(),
            contract.as_ref().map(|c| c.id),
            contract.as_ref().map(|c| c.project_id),
            task.as_ref().map(|t| t.id),
            description,
            started
        ],
    )?;
    let project_name = match &contract {
        Some(c) => lookup::project(ctx.db, ctx.ws_id(), c.project_id)?.map(|p| p.name),
        None => None,
    };
    let data = TrackerStarted {
        message: Some("Time tracking started successfully".to_owned()),
        start_time: with_offset(ctx.now_ms),
        user_id: Some(user as u64),
        user_name: Some(member.full_name()),
        user_email: Some(member.email.clone()),
        contract_id: contract.as_ref().map(|c| c.id as u64),
        project_id: contract.as_ref().map(|c| c.project_id as u64),
        project_name,
        task_id: task.as_ref().map(|t| t.id as u64),
        activity_description: description,
    };
    ctx.emit(WebhookEvent::TrackerStarted, &data)?;
    Ok(Reply::data(data))
}

fn stop(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user = ctx.req_int("user_id")?;
    let member = lookup::member(ctx.db, ctx.ws_id(), user)?.ok_or_else(|| selected_invalid("user_id"))?;
    let run = running(ctx, user)?.ok_or_else(|| HttpError::conflict("This member has no running tracker in this workspace."))?;
    let started = clock::parse_iso(&run.started_at).unwrap_or(ctx.now_ms);
    ctx.db.execute("DELETE FROM running_trackers WHERE user_id = ?1", [user])?;
    let contract = match run.contract_id {
        Some(id) => lookup::contract(ctx.db, ctx.ws_id(), id)?,
        None => None,
    };
    let task = match run.task_id {
        Some(id) => lookup::task(ctx.db, ctx.ws_id(), id)?,
        None => None,
    };
    let new = NewEntry {
        user,
        contract: contract.as_ref(),
        task: task.as_ref(),
        description: run.activity_description.as_deref(),
        method: TRACKER_METHOD,
        time_request_id: None,
    };
    let ids = time_entries::write_span(ctx, &new, started, ctx.now_ms.max(started))?;
    let entry = match ids.last() {
        Some(id) => time_entries::load(ctx, id)?,
        None => None,
    };
    let data =
        TrackerStopped { message: Some("Time tracking stopped successfully".to_owned()), stopped_at: iso(ctx.now_ms), time_entry: entry };
    let mut event = serde_json::to_value(&data).unwrap_or(Value::Null);
    event["user_id"] = json!(user);
    event["user_name"] = json!(member.full_name());
    event["started_at"] = json!(run.started_at);
    ctx.emit(WebhookEvent::TrackerStopped, event)?;
    Ok(Reply::data(data))
}

fn current(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user = ctx.req_int("user_id")?;
    lookup::member(ctx.db, ctx.ws_id(), user)?.ok_or_else(|| selected_invalid("user_id"))?;
    // The member's day (inferred zone decision): Auckland's today, not the UTC one.
    let tz = crate::zone::of_user(ctx.db, user)?;
    let today = crate::zone::local_date(&tz, ctx.now_ms);
    let logged: i64 = ctx
        .db
        .prepare_cached(
            "SELECT COALESCE(SUM(duration_minutes), 0) FROM time_entries WHERE workspace_id = ?1 AND user_id = ?2 AND date = ?3",
        )?
        .query_row(params![ctx.ws_id(), user, today.to_string()], |r| r.get(0))?;
    let run = running(ctx, user)?;
    // The running tracker's part of today, in whole seconds.
    let running_secs = run
        .as_ref()
        .and_then(|r| clock::parse_iso(&r.started_at))
        .map(|s| (ctx.now_ms - s.max(crate::zone::local_to_ms(&tz, today, 0))).max(0) / 1000)
        .unwrap_or(0);
    let data = TrackerState {
        contract_id: run.as_ref().and_then(|r| r.contract_id).map(|v| v as u64),
        user_id: user as u64,
        activity_description: run.as_ref().and_then(|r| r.activity_description.clone()),
        task_id: run.as_ref().and_then(|r| r.task_id).map(|v| v as u64),
        task_title: run.as_ref().and_then(|r| r.task_title.clone()),
        total_seconds: running_secs % 60,
        total_minutes: logged + running_secs / 60,
        date: today.to_string(),
        is_running: Some(run.is_some()),
        start_time: run.as_ref().map(|r| r.started_at.clone()),
        project_id: run.as_ref().and_then(|r| r.project_id).map(|v| v as u64),
        project_name: run.as_ref().and_then(|r| r.project_name.clone()),
    };
    Ok(Reply::data(data))
}
