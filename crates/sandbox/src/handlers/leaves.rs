//! Leaves: list requests (id, policy, paid, status, member and date-window filters;
//! role-filtered), request leave (day-based with half days, or hour-based), balances per member
//! and leave type, policies, and the inferred approve/reject (owners and EMs).
//!
//! Decisions where the reference is silent (documented in SANDBOX.md):
//! - A request counts working days (Monday to Friday) between `start` and `end`: a full day is
//!   1, a half day (`leave_period` 1 or 2, one day only) 0.5. Hour-based policies count hours:
//!   `hours_per_day` (default: `end_time - start_time`) per working day.
//! - Allowances are per calendar year: a member's own allowance for the policy, else the
//!   policy's. A request may not take more than is left in the year of its `start` (approved and
//!   pending requests counted); approval checks again against approved ones only.
//! - `getLeaveBalances`: balance = allowance - approved leave starting inside the window.
//! - A request overlapping the member's pending or approved leave is 409 (half days on
//!   different halves and disjoint hour spans do not overlap).
//! - Only the member themself, or an owner/EM, may request leave for a member (else 403).

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getLeaves", list),
        ("createLeaveRequest", create),
        ("getLeaveBalances", balances),
        ("getLeavePolicies", policies),
        ("approveLeave", approve),
        ("rejectLeave", reject),
    ]
}

/// The longest leave request, in days.
const MAX_LEAVE_DAYS: i64 = 366;

// ---- shared date helpers (reports and expenses use them too) ----

/// A date parameter (already validated by the dispatcher); `None` when absent or blank.
pub(super) fn date_param(ctx: &Ctx, name: &str) -> Result<Option<CivilDate>, HttpError> {
    match ctx.str(name) {
        None => Ok(None),
        Some(s) => CivilDate::parse(s.trim()).map(Some).map_err(|_| HttpError::invalid(name, "must be a valid date (YYYY-MM-DD)")),
    }
}

/// `from`..`to`: 422 naming `to_name` when it ends before it starts, or spans more than `max` days.
pub(super) fn check_window(
    from: Option<CivilDate>,
    to: Option<CivilDate>,
    from_name: &str,
    to_name: &str,
    max: Option<i64>,
) -> Result<(), HttpError> {
    if let (Some(f), Some(t)) = (from, to) {
        let span = f.days_until(t);
        if span < 0 {
            return Err(HttpError::invalid(to_name, &format!("must be a date after or equal to {from_name}")));
        }
        if let Some(max) = max {
            if span + 1 > max {
                return Err(HttpError::invalid(
                    to_name,
                    &format!("must be at most {max} days after {from_name} (the range may not exceed {max} days)"),
                ));
            }
        }
    }
    Ok(())
}

/// Working days (Monday to Friday) in `start..=end`.
pub(super) fn working_days(start: CivilDate, end: CivilDate) -> i64 {
    let span = start.days_until(end);
    if span < 0 {
        return 0;
    }
    (0..=span).filter(|d| start.add_days(*d).weekday() < 5).count() as i64
}

/// `10`, `7.5`, `0.25`: a number without trailing zeros.
fn fmt_num(v: f64) -> String {
    let v = (v * 100.0).round() / 100.0;
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// `10 days`, `1 day`, `7.5 hours`.
fn fmt_amount(v: f64, hour_based: bool) -> String {
    let unit = match (hour_based, v == 1.0) {
        (true, true) => "hour",
        (true, false) => "hours",
        (false, true) => "day",
        (false, false) => "days",
    };
    format!("{} {unit}", fmt_num(v))
}

// ---- policies ----

struct Policy {
    id: i64,
    name: String,
    kind: String,
    is_paid: String,
    allowance: Option<f64>,
    color: Option<String>,
}

impl Policy {
    fn hour_based(&self) -> bool {
        self.kind == "hour_based"
    }

    fn model(&self) -> LeavePolicy {
        LeavePolicy {
            id: self.id as u64,
            name: self.name.clone(),
            kind: LeavePolicyKind::parse(&self.kind),
            is_paid: YesNo::parse(&self.is_paid),
            allowance: self.allowance,
            color: self.color.clone(),
        }
    }
}

const POLICY_SELECT: &str = "SELECT id, name, kind, is_paid, allowance, color FROM leave_policies WHERE workspace_id = ?1";

fn policy_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Policy> {
    Ok(Policy { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, is_paid: r.get(3)?, allowance: r.get(4)?, color: r.get(5)? })
}

fn all_policies(ctx: &Ctx) -> Result<Vec<Policy>, HttpError> {
    let sql = format!("{POLICY_SELECT} ORDER BY id");
    let mut stmt = ctx.db.prepare_cached(&sql)?;
    let rows = collect(stmt.query_map([ctx.ws_id()], policy_row)?)?;
    Ok(rows)
}

fn load_policy(ctx: &Ctx, id: i64) -> Result<Option<Policy>, HttpError> {
    let sql = format!("{POLICY_SELECT} AND id = ?2");
    Ok(optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], policy_row))?)
}

/// The member's yearly allowance for the policy (their own, else the policy's); `None` is unlimited.
fn allowance(ctx: &Ctx, user: i64, policy: &Policy) -> Result<Option<f64>, HttpError> {
    let own: Option<f64> = optional(
        ctx.db
            .prepare_cached("SELECT allowance FROM leave_allowances WHERE workspace_id = ?1 AND user_id = ?2 AND policy_id = ?3")?
            .query_row(params![ctx.ws_id(), user, policy.id], |r| r.get(0)),
    )?;
    Ok(own.or(policy.allowance))
}

/// Days (or hours, for hour-based policies) the member's requests in `statuses` take, counting
/// those that start inside `from..=to`, leaving out request `except`.
fn used(ctx: &Ctx, user: i64, policy: &Policy, statuses: &[&str], from: CivilDate, to: CivilDate, except: &str) -> Result<f64, HttpError> {
    let column = if policy.hour_based() { "hours" } else { "days" };
    let sql = format!(
        "SELECT COALESCE(SUM({column}), 0) FROM leave_requests
         WHERE workspace_id = ?1 AND user_id = ?2 AND policy_id = ?3 AND start_date >= ?4 AND start_date <= ?5 AND id <> ?6
           AND status IN ({})",
        statuses.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(",")
    );
    let total: f64 =
        ctx.db.query_row(&sql, params![ctx.ws_id(), user, policy.id, from.to_string(), to.to_string(), except], |r| r.get(0))?;
    Ok(total)
}

/// The calendar year around `day`.
fn year_of(day: CivilDate) -> (CivilDate, CivilDate) {
    let first = CivilDate::new(day.year, 1, 1).unwrap_or(day);
    let last = CivilDate::new(day.year, 12, 31).unwrap_or(day);
    (first, last)
}

fn policies(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let list: Vec<LeavePolicy> = all_policies(ctx)?.iter().map(Policy::model).collect();
    Ok(Reply::data(list))
}

// ---- requests ----

const SELECT: &str = "SELECT l.id, l.user_id, l.status, l.note, l.is_paid, l.created_by, l.approved_by, l.rejected_by, l.reject_reason,
        l.start_date, l.end_date, l.policy_id, p.name, l.leave_period, l.start_time, l.end_time, l.days, l.hours, l.created_at
    FROM leave_requests l JOIN leave_policies p ON p.id = l.policy_id
    WHERE l.workspace_id = ?1";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Leave> {
    let opt_u64 = |i: usize| r.get::<_, Option<i64>>(i).map(|v| v.map(|v| v as u64));
    Ok(Leave {
        id: r.get(0)?,
        user_id: opt_u64(1)?,
        status: LeaveStatus::parse(&r.get::<_, String>(2)?),
        note: r.get(3)?,
        is_paid: YesNo::parse(&r.get::<_, String>(4)?),
        created_by: opt_u64(5)?,
        approved_by: opt_u64(6)?,
        rejected_by: opt_u64(7)?,
        reject_reason: r.get(8)?,
        start_date: r.get(9)?,
        end_date: r.get(10)?,
        policy_id: opt_u64(11)?,
        policy_name: r.get(12)?,
        leave_period: r.get::<_, Option<i64>>(13)?.map(LeavePeriod::from_code),
        start_time: r.get(14)?,
        end_time: r.get(15)?,
        days: r.get(16)?,
        hours: r.get(17)?,
        created_at: r.get(18)?,
    })
}

fn load(ctx: &Ctx, id: &str) -> Result<Option<Leave>, HttpError> {
    let sql = format!("{SELECT} AND l.id = ?2");
    Ok(optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))?)
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let from = date_param(ctx, "date_from")?;
    let to = date_param(ctx, "date_to")?;
    check_window(from, to, "date_from", "date_to", None)?;
    let scope = ctx.visible_users()?;
    let mut query = Query::new(format!("{SELECT} AND {}", scope.sql("l.user_id")), vec![json!(ctx.ws_id())]);
    query.and_params(
        ctx,
        &[("id", "l.id"), ("policy_id", "l.policy_id"), ("is_paid", "l.is_paid"), ("status", "l.status"), ("user_id", "l.user_id")],
    );
    // A request is in the window when it overlaps it.
    if let Some(f) = from {
        query.and("l.end_date >= ?", json!(f.to_string()));
    }
    if let Some(t) = to {
        query.and("l.start_date <= ?", json!(t.to_string()));
    }
    let (rows, total) = query.page(ctx, "l.start_date DESC, l.created_at DESC, l.id", row)?;
    Ok(Reply::page(rows, total, ctx.page(), ctx.per_page()))
}

/// The part of each day a request takes, in minutes after midnight.
fn day_part(leave_period: Option<i64>, start_time: Option<&str>, end_time: Option<&str>) -> (u32, u32) {
    use webwork_core::params::parse_clock;
    match (start_time.and_then(parse_clock), end_time.and_then(parse_clock)) {
        (Some(s), Some(e)) => (s, e),
        _ => match leave_period {
            Some(1) => (0, 720),
            Some(2) => (720, 1440),
            _ => (0, 1440),
        },
    }
}

fn clock(ctx: &Ctx, name: &str) -> Result<Option<(String, u32)>, HttpError> {
    match ctx.str(name) {
        None => Ok(None),
        Some(s) => webwork_core::params::parse_clock(s.trim())
            .map(|m| Some((s.trim().to_owned(), m)))
            .ok_or_else(|| HttpError::invalid(name, "must be a valid time (HH:mm)")),
    }
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user_id = ctx.req_int("user_id")?;
    if !ctx.is_admin() && user_id != ctx.user_id() {
        return Err(HttpError::forbidden("Your role may only request leave for yourself."));
    }
    let start = date_param(ctx, "start")?.ok_or_else(|| HttpError::invalid("start", "is required"))?;
    let end = date_param(ctx, "end")?.ok_or_else(|| HttpError::invalid("end", "is required"))?;
    check_window(Some(start), Some(end), "start", "end", Some(MAX_LEAVE_DAYS))?;
    let policy = load_policy(ctx, ctx.req_int("policy_id")?)?.ok_or_else(|| selected_invalid("policy_id"))?;
    let member = member_ref(ctx, "user_id", user_id)?;
    if member.role == Role::ProjectViewer.as_str() {
        return Err(selected_invalid("user_id"));
    }
    let workdays = working_days(start, end);
    if workdays == 0 {
        return Err(HttpError::invalid("end", "must make a range that includes at least one working day (Monday to Friday)"));
    }
    let start_time = clock(ctx, "start_time")?;
    let end_time = clock(ctx, "end_time")?;
    let hours_per_day = ctx.num("hours_per_day");
    let period = ctx.int("leave_period");

    let (leave_period, days, hours) = if policy.hour_based() {
        let (Some((_, s)), Some((_, e))) = (&start_time, &end_time) else {
            let missing = if start_time.is_none() { "start_time" } else { "end_time" };
            return Err(HttpError::invalid(missing, "is required for an hour-based policy"));
        };
        if e <= s {
            return Err(HttpError::invalid("end_time", "must be a time after start_time"));
        }
        if period.is_some_and(|p| p != 0) {
            return Err(HttpError::invalid("leave_period", "applies to day-based policies only"));
        }
        let span = f64::from(e - s) / 60.0;
        let per_day = hours_per_day.unwrap_or(span);
        if !(per_day > 0.0 && per_day <= 24.0) {
            return Err(HttpError::invalid("hours_per_day", "must be more than 0 and at most 24"));
        }
        if per_day > span + 1e-9 {
            return Err(HttpError::invalid("hours_per_day", "must not exceed the time between start_time and end_time"));
        }
        (None, None, Some(per_day * workdays as f64))
    } else {
        for field in ["start_time", "end_time", "hours_per_day"] {
            if ctx.value(field).is_some_and(|v| !v.as_str().is_some_and(|s| s.trim().is_empty())) {
                return Err(HttpError::invalid(field, "applies to hour-based policies only"));
            }
        }
        let period = period.unwrap_or(0);
        if period != 0 && start != end {
            return Err(HttpError::invalid("leave_period", "must be 0 (full day) when the leave spans more than one day"));
        }
        let per_day = if period == 0 { 1.0 } else { 0.5 };
        (Some(period), Some(per_day * workdays as f64), None)
    };

    // No overlap with the member's other pending or approved leave.
    let mine = day_part(leave_period, start_time.as_ref().map(|t| t.0.as_str()), end_time.as_ref().map(|t| t.0.as_str()));
    let mut stmt = ctx.db.prepare_cached(
        "SELECT leave_period, start_time, end_time FROM leave_requests
         WHERE workspace_id = ?1 AND user_id = ?2 AND status IN ('pending', 'approved') AND start_date <= ?4 AND end_date >= ?3",
    )?;
    let others = collect(stmt.query_map(params![ctx.ws_id(), user_id, start.to_string(), end.to_string()], |r| {
        Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
    })?)?;
    drop(stmt);
    for (p, s, e) in others {
        let theirs = day_part(p, s.as_deref(), e.as_deref());
        if mine.0 < theirs.1 && theirs.0 < mine.1 {
            return Err(HttpError::conflict("The member already has a pending or approved leave request that overlaps these dates."));
        }
    }

    // The balance of the year must cover it (pending requests count as taken).
    let amount = days.or(hours).unwrap_or(0.0);
    if let Some(allowed) = allowance(ctx, user_id, &policy)? {
        let (y0, y1) = year_of(start);
        let left = allowed - used(ctx, user_id, &policy, &["pending", "approved"], y0, y1, "")?;
        if amount > left + 1e-9 {
            return Err(HttpError::unprocessable(format!(
                "The leave request exceeds the balance of policy_id {} ({}): {} requested, {} left in {} (pending requests included).",
                policy.id,
                policy.name,
                fmt_amount(amount, policy.hour_based()),
                fmt_amount(left.max(0.0), policy.hour_based()),
                start.year
            )));
        }
    }

    let id = ctx.ids.uuid();
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO leave_requests (id, workspace_id, user_id, policy_id, start_date, end_date, leave_period, start_time, end_time, hours_per_day, days, hours, status, note, is_paid, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'pending', ?13, ?14, ?15, ?16, ?16)",
        params![
            id, ctx.ws_id(), user_id, policy.id, start.to_string(), end.to_string(), leave_period,
            start_time.map(|t| t.0), end_time.map(|t| t.0), if policy.hour_based() { hours.map(|h| h / workdays as f64) } else { None },
            days, hours, ctx.raw_str("reason").filter(|s| !s.trim().is_empty()), policy.is_paid, ctx.user_id(), now
        ],
    )?;
    Ok(Reply::empty())
}

/// The request of the path, which must be pending (404 / 422 otherwise).
fn pending(ctx: &Ctx, action: &str) -> Result<Leave, HttpError> {
    let id = ctx.path_str("leaveId");
    let leave = load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Leave request"))?;
    if leave.status != LeaveStatus::Pending {
        return Err(HttpError::unprocessable(format!("Only pending leave requests can be {action}; this one is {}.", leave.status)));
    }
    Ok(leave)
}

fn approve(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let leave = pending(ctx, "approved")?;
    let user = leave.user_id.unwrap_or(0) as i64;
    let policy = load_policy(ctx, leave.policy_id.unwrap_or(0) as i64)?.ok_or_else(|| HttpError::not_found("Leave policy"))?;
    let start = leave.start_date.as_deref().and_then(|d| CivilDate::parse(d).ok()).unwrap_or(ctx.today());
    let amount = if policy.hour_based() { leave.hours } else { leave.days }.unwrap_or(0.0);
    if let Some(allowed) = allowance(ctx, user, &policy)? {
        let (y0, y1) = year_of(start);
        let left = allowed - used(ctx, user, &policy, &["approved"], y0, y1, &leave.id)?;
        if amount > left + 1e-9 {
            return Err(HttpError::unprocessable(format!(
                "The member's balance of {} is too low: the request takes {}, {} left in {}.",
                policy.name,
                fmt_amount(amount, policy.hour_based()),
                fmt_amount(left.max(0.0), policy.hour_based()),
                start.year
            )));
        }
    }
    let now = ctx.now_iso();
    ctx.db.execute(
        "UPDATE leave_requests SET status = 'approved', approved_by = ?2, rejected_by = NULL, reject_reason = NULL, decided_at = ?3, updated_at = ?3 WHERE id = ?1",
        params![leave.id, ctx.user_id(), now],
    )?;
    Ok(Reply::empty())
}

fn reject(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let reason = ctx.req_str("reason")?;
    let leave = pending(ctx, "rejected")?;
    let now = ctx.now_iso();
    ctx.db.execute(
        "UPDATE leave_requests SET status = 'rejected', rejected_by = ?2, reject_reason = ?3, decided_at = ?4, updated_at = ?4 WHERE id = ?1",
        params![leave.id, ctx.user_id(), reason.trim(), now],
    )?;
    Ok(Reply::empty())
}

// ---- balances ----

fn balances(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let from = date_param(ctx, "date_from")?.ok_or_else(|| HttpError::invalid("date_from", "is required"))?;
    let to = date_param(ctx, "date_to")?.ok_or_else(|| HttpError::invalid("date_to", "is required"))?;
    check_window(Some(from), Some(to), "date_from", "date_to", None)?;
    let scope = ctx.visible_users()?;
    let mut sql = format!(
        "SELECT u.id, u.firstname, u.lastname FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = ?1 AND m.deleted_at IS NULL AND m.role <> 'Project viewer' AND {}",
        scope.sql("m.user_id")
    );
    let mut args: Vec<Value> = vec![json!(ctx.ws_id())];
    if let Some(u) = ctx.int("user_id") {
        args.push(json!(u));
        sql.push_str(&format!(" AND m.user_id = ?{}", args.len()));
    }
    sql.push_str(" ORDER BY u.id");
    let mut stmt = ctx.db.prepare(&sql)?;
    let people = collect(stmt.query_map(params_from_iter(args.iter().map(sql_value)), |r| {
        Ok((r.get::<_, i64>(0)?, format!("{} {}", r.get::<_, String>(1)?, r.get::<_, String>(2)?).trim().to_owned()))
    })?)?;
    drop(stmt);
    let total = people.len() as u64;
    let (limit, offset) = ctx.limit_offset();
    let policies = all_policies(ctx)?;
    let mut out = Vec::new();
    for (user, name) in people.into_iter().skip(offset as usize).take(limit as usize) {
        let mut info = Vec::new();
        for p in &policies {
            let balance = match allowance(ctx, user, p)? {
                Some(a) => fmt_amount(a - used(ctx, user, p, &["approved"], from, to, "")?, p.hour_based()),
                None => "unlimited".to_owned(),
            };
            info.push(LeaveBalanceEntry { leave_type: p.name.clone(), balance, policy_id: Some(p.id as u64) });
        }
        out.push(LeaveBalance { user_id: user as u64, user_name: name, leave_information: info, total_balance: None });
    }
    Ok(Reply::page(out, total, ctx.page(), ctx.per_page()))
}
