//! Manual-time requests: list (required `date_from`..`date_to` window on the request's start
//! date, status and user filters, role-filtered), get, create (always `pending`, the older
//! edition's behaviour; members file their own, owners and EMs anyone's), approve (writes the
//! time entry in the same transaction; refused when the time overlaps existing entries or lies
//! in an approved timesheet) and reject (with a comment). Only pending requests can be decided
//! (422 otherwise).

use super::prelude::*;
use super::time_entries::{self, NewEntry, MANUAL_METHOD};

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getTimeRequests", list),
        ("getTimeRequest", get),
        ("createTimeRequest", create),
        ("approveTimeRequest", approve),
        ("rejectTimeRequest", reject),
    ]
}

const SELECT: &str = "SELECT id, user_id, contract_id, project_id, task_id, start_at, end_at, status, notes,
        activity_description, comment, updated_by, created_at, updated_at,
        (SELECT COALESCE(NULLIF(TRIM(u.timezone), ''), NULLIF(TRIM(u.preferred_timezone), ''), 'UTC')
           FROM users u WHERE u.id = time_requests.user_id)
    FROM time_requests WHERE workspace_id = ?1";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimeRequest> {
    let id = |i: usize| -> rusqlite::Result<Option<u64>> { Ok(r.get::<_, Option<i64>>(i)?.map(|v| v as u64)) };
    // Stored in UTC; answered on the member's wall clock with its offset (the zone decision).
    let tz = crate::zone::named(&r.get::<_, Option<String>>(14)?.unwrap_or_default());
    let answer =
        |i: usize| -> rusqlite::Result<Option<String>> { Ok(r.get::<_, Option<String>>(i)?.map(|s| crate::zone::answer(&tz, &s))) };
    Ok(TimeRequest {
        id: r.get(0)?,
        user_id: id(1)?,
        contract_id: id(2)?,
        project_id: id(3)?,
        task_id: id(4)?,
        start: answer(5)?,
        end: answer(6)?,
        status: TimeRequestStatus::parse(&r.get::<_, String>(7)?),
        notes: r.get(8)?,
        activity_description: r.get(9)?,
        comment: r.get(10)?,
        updated_by: id(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

fn load(ctx: &Ctx, id: &str) -> Result<Option<TimeRequest>, HttpError> {
    let sql = format!("{SELECT} AND id = ?2");
    Ok(optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))?)
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let from = ctx.req_str("date_from")?;
    let to = ctx.req_str("date_to")?;
    if to < from {
        return Err(HttpError::invalid("date_to", "must be a date after or equal to date_from"));
    }
    let scope = ctx.visible_users()?;
    let mut query = Query::new(
        format!("{SELECT} AND {} AND substr(start_at, 1, 10) BETWEEN ?2 AND ?3", scope.sql("user_id")),
        vec![json!(ctx.ws_id()), json!(from), json!(to)],
    );
    if let Some(status) = ctx.str("status") {
        query.and("status = ?", json!(status));
    }
    if let Some(user) = ctx.int("user_id") {
        query.and("user_id = ?", json!(user));
    }
    let (items, total) = query.page(ctx, "start_at DESC, id", row)?;
    Ok(Reply::page(items, total, ctx.page(), ctx.per_page()))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_str("id");
    let request = load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Time request"))?;
    if !ctx.visible_users()?.allows(request.user_id.unwrap_or(0) as i64) {
        return Err(HttpError::forbidden("Your role may not view this time request."));
    }
    Ok(Reply::data(request))
}

fn stamp(ctx: &Ctx, field: &str) -> Result<i64, HttpError> {
    let raw = ctx.req_str(field)?;
    clock::parse_iso(&raw).ok_or_else(|| HttpError::invalid(field, "must be a valid ISO 8601 date and time (e.g. 2024-01-15T09:00:00Z)"))
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user = ctx.req_int("user_id")?;
    if !ctx.is_admin() && user != ctx.user_id() {
        return Err(HttpError::forbidden("Your role may only request time for yourself."));
    }
    time_entries::tracking_member(ctx, "user_id", user)?;
    let (start, end) = (stamp(ctx, "start")?, stamp(ctx, "end")?);
    if end <= start {
        return Err(HttpError::invalid("end", "must be a date and time after start"));
    }
    if end - start < 60_000 {
        return Err(HttpError::invalid("end", "must be at least one minute after start"));
    }
    if end > ctx.now_ms {
        return Err(HttpError::invalid("end", "must not be in the future"));
    }
    if end - start > 86_400_000 {
        return Err(HttpError::invalid("end", "must be at most 24 hours after start"));
    }
    let (contract, task) = time_entries::work_refs(ctx, user, ctx.int("contract_id"), ctx.int("task_id"))?;
    // One description, under both editions' names.
    let description = ctx.raw_str("activity_description").or(ctx.raw_str("notes")).map(str::to_owned);
    let notes = ctx.raw_str("notes").map(str::to_owned).or(description.clone());
    let id = ctx.ids.opaque("tr");
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO time_requests (id, workspace_id, user_id, contract_id, project_id, task_id, start_at, end_at, status, notes,
            activity_description, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?10, ?11, ?11)",
        params![
            id,
            ctx.ws_id(),
            user,
            contract.as_ref().map(|c| c.id),
            contract.as_ref().map(|c| c.project_id),
            task.as_ref().map(|t| t.id),
            iso(start),
            iso(end),
            notes,
            description,
            now
        ],
    )?;
    let request = load(ctx, &id)?.ok_or_else(|| HttpError::internal("The new time request vanished."))?;
    Ok(Reply::data(request))
}

/// A pending request of the workspace (404 / 422 otherwise).
fn pending(ctx: &Ctx, action: &str) -> Result<TimeRequest, HttpError> {
    let id = ctx.path_str("timeRequestId");
    let request = load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Time request"))?;
    if request.status != TimeRequestStatus::Pending {
        return Err(HttpError::unprocessable(format!("Only a pending time request can be {action}; this one is {}.", request.status)));
    }
    Ok(request)
}

fn approve(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let request = pending(ctx, "approved")?;
    let user = request.user_id.unwrap_or(0) as i64;
    let start = request.start.as_deref().and_then(clock::parse_iso).unwrap_or(0);
    let end = request.end.as_deref().and_then(clock::parse_iso).unwrap_or(start);
    for (date, _, _) in time_entries::split_days(ctx, user, start, end)? {
        time_entries::check_unlocked(ctx, user, &date.to_string())?;
    }
    if let Some((_, _, other)) = time_entries::busy(ctx, user, start, end, None)?.first() {
        return Err(HttpError::conflict(format!(
            "The requested time overlaps {other}; edit or delete that time first, or reject the request."
        )));
    }
    let contract = match request.contract_id {
        Some(id) => lookup::contract(ctx.db, ctx.ws_id(), id as i64)?,
        None => None,
    };
    let task = match request.task_id {
        Some(id) => lookup::task(ctx.db, ctx.ws_id(), id as i64)?,
        None => None,
    };
    let description = request.activity_description.clone().or(request.notes.clone());
    let new = NewEntry {
        user,
        contract: contract.as_ref(),
        task: task.as_ref(),
        description: description.as_deref(),
        method: MANUAL_METHOD,
        time_request_id: Some(&request.id),
    };
    let ids = time_entries::write_span(ctx, &new, start, end)?;
    ctx.db.execute(
        "UPDATE time_requests SET status = 'approved', updated_by = ?2, time_entry_id = ?3, updated_at = ?4 WHERE id = ?1",
        params![request.id, ctx.user_id(), ids.first(), ctx.now_iso()],
    )?;
    Ok(Reply::empty())
}

fn reject(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let comment = ctx.req_str("comment")?;
    let request = pending(ctx, "rejected")?;
    ctx.db.execute(
        "UPDATE time_requests SET status = 'rejected', comment = ?2, updated_by = ?3, updated_at = ?4 WHERE id = ?1",
        params![request.id, comment, ctx.user_id(), ctx.now_iso()],
    )?;
    Ok(Reply::empty())
}
