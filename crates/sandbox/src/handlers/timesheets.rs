//! Weekly timesheets (Monday..Sunday): list (id/status/user/date filters, role-filtered,
//! ordered by `created_at`), and the status flow
//!
//! ```text
//! pending --submit--> submitted --approve--> approved
//!    ^  ^                 |  \---reject----> rejected --submit--> submitted
//!    |  +----unsubmit-----+
//! ```
//!
//! Any other transition is 422 naming the current status. Approve and reject are owner/EM
//! only (the role table); members submit and unsubmit their own timesheets (owners and EMs
//! anyone's). Totals and the daily breakdown per project come from the stored time entries;
//! amounts only for callers who may see rates (effective contract rate on billable projects).
//! The `open` status of the older edition is read as `pending`.

use std::collections::BTreeMap;

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getTimesheets", list),
        ("approveTimesheet", approve),
        ("rejectTimesheet", reject),
        ("submitTimesheet", submit),
        ("unsubmitTimesheet", unsubmit),
    ]
}

const SELECT: &str = "SELECT s.id, s.user_id, u.firstname, u.lastname, u.email, s.date_from, s.date_to, s.status,
        s.reject_reason, s.submitted_at, s.approved_at, s.created_at
    FROM timesheets s JOIN users u ON u.id = s.user_id
    WHERE s.workspace_id = ?1";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Timesheet> {
    let user: i64 = r.get(1)?;
    let (first, last): (String, String) = (r.get(2)?, r.get(3)?);
    Ok(Timesheet {
        id: r.get(0)?,
        user_id: Some(user as u64),
        member: Some(PersonRef {
            id: Some(user as u64),
            name: Some(format!("{first} {last}").trim().to_owned()),
            firstname: Some(first),
            lastname: Some(last),
            email: Some(r.get(4)?),
        }),
        date_from: Some(r.get(5)?),
        date_to: Some(r.get(6)?),
        status: TimesheetStatus::parse(&r.get::<_, String>(7)?),
        reject_reason: r.get(8)?,
        submitted_on: r.get(9)?,
        approved_on: r.get(10)?,
        created_at: r.get(11)?,
        ..Timesheet::default()
    })
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Fills totals and the daily breakdown from the member's time entries of the period.
fn fill(ctx: &Ctx, sheet: &mut Timesheet) -> Result<(), HttpError> {
    let mut stmt = ctx.db.prepare_cached(
        "SELECT e.date, e.project_id, p.name, e.contract_id, SUM(e.duration_minutes),
            CASE WHEN p.is_billable THEN CASE c.rate_type WHEN 2 THEN m.rate WHEN 3 THEN p.rate ELSE c.rate END END
         FROM time_entries e
         LEFT JOIN projects p ON p.id = e.project_id
         LEFT JOIN contracts c ON c.id = e.contract_id
         LEFT JOIN memberships m ON m.workspace_id = e.workspace_id AND m.user_id = e.user_id
         WHERE e.workspace_id = ?1 AND e.user_id = ?2 AND e.date BETWEEN ?3 AND ?4
         GROUP BY e.date, e.project_id, e.contract_id
         ORDER BY e.date, e.project_id, e.contract_id",
    )?;
    let user = sheet.user_id.unwrap_or(0) as i64;
    let (from, to) = (sheet.date_from.clone().unwrap_or_default(), sheet.date_to.clone().unwrap_or_default());
    let rows = collect(stmt.query_map(params![ctx.ws_id(), user, from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, Option<f64>>(5)?,
        ))
    })?)?;
    let rates = ctx.can_see_rates();
    let mut days: BTreeMap<String, Vec<TimesheetDay>> = BTreeMap::new();
    let (mut minutes, mut amount) = (0i64, 0.0f64);
    for (date, project, name, contract, mins, rate) in rows {
        let value = round2(mins as f64 / 60.0 * rate.unwrap_or(0.0));
        minutes += mins;
        amount += value;
        days.entry(date).or_default().push(TimesheetDay {
            project_id: project.map(|v| v as u64),
            project_name: name,
            contract_id: contract.map(|v| v as u64),
            total_minutes: mins,
            total_amount: rates.then_some(Amount::Single(value)),
        });
    }
    sheet.total_minutes = Some(minutes);
    sheet.total_hours = Some(round2(minutes as f64 / 60.0));
    sheet.daily_breakdown = days;
    sheet.total_amount = rates.then_some(Amount::Single(round2(amount)));
    Ok(())
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let from = ctx.str("date_from").map(str::to_owned);
    let to = ctx.str("date_to").map(str::to_owned);
    if let (Some(f), Some(t)) = (&from, &to) {
        if t < f {
            return Err(HttpError::invalid("date_to", "must be a date after or equal to date_from"));
        }
    }
    let scope = ctx.visible_users()?;
    let mut query = Query::new(format!("{SELECT} AND {}", scope.sql("s.user_id")), vec![json!(ctx.ws_id())]);
    if let Some(id) = ctx.str("id") {
        query.and("s.id = ?", json!(id));
    }
    if let Some(status) = ctx.str("status") {
        let status = if status == "open" { "pending" } else { status };
        query.and("s.status = ?", json!(status));
    }
    if let Some(user) = ctx.int("user_id") {
        query.and("s.user_id = ?", json!(user));
    }
    // The window keeps every timesheet whose period touches it.
    if let Some(f) = from {
        query.and("s.date_to >= ?", json!(f));
    }
    if let Some(t) = to {
        query.and("s.date_from <= ?", json!(t));
    }
    let order = if ctx.str("order_by") == Some("asc") { "ASC" } else { "DESC" };
    let (mut items, total) = query.page(ctx, &format!("s.created_at {order}, s.date_from {order}, s.user_id, s.id"), row)?;
    for sheet in &mut items {
        fill(ctx, sheet)?;
    }
    Ok(Reply::page(items, total, ctx.page(), ctx.per_page()))
}

/// The timesheet of the path, 404 outside the workspace, 403 when a member who is not an
/// owner or EM acts on someone else's.
fn target(ctx: &Ctx) -> Result<(String, i64, TimesheetStatus), HttpError> {
    let id = ctx.path_str("timesheetId");
    let found: Option<(i64, String)> = optional(
        ctx.db
            .prepare_cached("SELECT user_id, status FROM timesheets WHERE workspace_id = ?1 AND id = ?2")?
            .query_row(params![ctx.ws_id(), id], |r| Ok((r.get(0)?, r.get(1)?))),
    )?;
    let (user, status) = found.ok_or_else(|| HttpError::not_found("Timesheet"))?;
    if !ctx.is_admin() && user != ctx.user_id() {
        return Err(HttpError::forbidden("Your role may only act on your own timesheets."));
    }
    Ok((id, user, TimesheetStatus::parse(&status)))
}

fn wrong_status(action: &str, needs: &str, status: &TimesheetStatus) -> HttpError {
    HttpError::unprocessable(format!("Only a {needs} timesheet can be {action}; this one is {status}."))
}

fn submit(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (id, _, status) = target(ctx)?;
    if !(status.is_unsubmitted() || status == TimesheetStatus::Rejected) {
        return Err(wrong_status("submitted", "pending or rejected", &status));
    }
    ctx.db.execute(
        "UPDATE timesheets SET status = 'submitted', submitted_at = ?2, reject_reason = NULL, rejected_at = NULL, rejected_by = NULL, updated_at = ?2 WHERE id = ?1",
        params![id, ctx.now_iso()],
    )?;
    Ok(Reply::empty())
}

fn unsubmit(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (id, _, status) = target(ctx)?;
    if status != TimesheetStatus::Submitted {
        return Err(wrong_status("unsubmitted", "submitted", &status));
    }
    ctx.db.execute(
        "UPDATE timesheets SET status = 'pending', submitted_at = NULL, updated_at = ?2 WHERE id = ?1",
        params![id, ctx.now_iso()],
    )?;
    Ok(Reply::empty())
}

fn approve(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (id, _, status) = target(ctx)?;
    if status != TimesheetStatus::Submitted {
        return Err(wrong_status("approved", "submitted", &status));
    }
    ctx.db.execute(
        "UPDATE timesheets SET status = 'approved', approved_at = ?2, approved_by = ?3, updated_at = ?2 WHERE id = ?1",
        params![id, ctx.now_iso(), ctx.user_id()],
    )?;
    Ok(Reply::empty())
}

fn reject(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let reason = ctx.req_str("reason")?;
    let (id, _, status) = target(ctx)?;
    if status != TimesheetStatus::Submitted {
        return Err(wrong_status("rejected", "submitted", &status));
    }
    ctx.db.execute(
        "UPDATE timesheets SET status = 'rejected', reject_reason = ?4, rejected_at = ?2, rejected_by = ?3, updated_at = ?2 WHERE id = ?1",
        params![id, ctx.now_iso(), ctx.user_id(), reason],
    )?;
    Ok(Reply::empty())
}
