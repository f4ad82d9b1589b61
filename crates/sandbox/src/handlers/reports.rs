//! Reports, computed from the stored time entries with SQL aggregations: tracked hours (minutes
//! per day, member, project and contract, with amounts), the daily timeline (each member's spans
//! of one day), activity level (per member per day), daily attendance (statuses against a
//! 09:00-17:00 working day), the task report and the activity-descriptions report.
//!
//! Decisions where the reference is silent (documented in SANDBOX.md):
//! - Range rules: `end_date` before `start_date` is 422 naming `end_date`; activity level, task
//!   and activity-descriptions reports (and tracked hours with `user_id`) span at most 31 days.
//!   Tracked hours defaults to the current week; a missing end is the end of the start's week
//!   (a missing start the Monday of the end's week). The daily timeline's `date` lies within a
//!   year of today either way.
//! - Amounts (rates visible only): minutes / 60 x the effective rate (contract custom rate,
//!   member rate or project rate by the contract's `rate_type`) on billable projects, per
//!   currency. `titles` of tracked hours is accepted and ignored (the sandbox has no title ids).
//! - Activity is the duration-weighted mean of the entries' activity levels (entries without
//!   one, e.g. manual time, count towards minutes but not activity), rounded to 2 decimals.
//! - Attendance: a working day is Monday to Friday, 09:00-17:00 in the workspace's time zone,
//!   480 expected minutes. `Late`: first start after 09:00; `Left early`: last end before 17:00;
//!   `Tracked less`: fewer minutes than expected; `Absent`: no time on a working day;
//!   `On leave`: an approved leave covers the day (half days and hour-based leave reduce the
//!   expected minutes and move the start or end); `Holiday`: a weekend day without time.
//!   Breaks are the gaps between consecutive entries.
//! - Task report: `include_no_task` defaults to true, or to false when `task_id` is given.
//! - Activity descriptions: one row per member, day, description and project; entries without
//!   a description are left out.
//! - Pages: reports page over members (activity descriptions over rows), 30 per page by default.

use std::collections::BTreeMap;

use super::leaves::{check_window, date_param};
use super::prelude::*;
use crate::zone;
use jiff::tz::TimeZone;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getTrackedHoursReport", tracked_hours),
        ("getDailyTimelineReport", daily_timeline),
        ("getActivityLevelReport", activity_level),
        ("getDailyAttendanceReport", daily_attendance),
        ("getTaskReport", task_report),
        ("getActivityDescriptionsReport", activity_descriptions),
    ]
}

const MAX_DAYS: i64 = 31;
const PER_PAGE: u32 = 30;
const DAY_START: i64 = 9 * 60;
const DAY_END: i64 = 17 * 60;

/// Entries joined with what the reports need; `?1` is the workspace.
const FROM: &str = "FROM time_entries te
    JOIN users u ON u.id = te.user_id
    JOIN workspaces w ON w.id = te.workspace_id
    LEFT JOIN contracts c ON c.id = te.contract_id
    LEFT JOIN projects p ON p.id = te.project_id
    LEFT JOIN tasks t ON t.id = te.task_id
    LEFT JOIN memberships m ON m.workspace_id = te.workspace_id AND m.user_id = te.user_id
    WHERE te.workspace_id = ?1";

/// The effective hourly rate of an entry: only on billable projects.
const RATE: &str = "(CASE WHEN p.is_billable = 1 THEN
        CASE c.rate_type WHEN 2 THEN m.rate WHEN 3 THEN p.rate ELSE COALESCE(c.rate, p.rate) END
    END)";
const CURRENCY: &str = "COALESCE(c.currency, m.currency, w.currency, 'USD')";

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Filters built up as SQL with their arguments.
struct Filter {
    sql: String,
    args: Vec<Value>,
}

impl Filter {
    fn new(ctx: &Ctx) -> Result<Filter, HttpError> {
        let scope = ctx.visible_users()?;
        Ok(Filter { sql: format!(" AND {}", scope.sql("te.user_id")), args: vec![json!(ctx.ws_id())] })
    }

    fn push(&mut self, condition: &str, value: Value) {
        self.args.push(value);
        self.sql.push_str(&format!(" AND {}", condition.replace('?', &format!("?{}", self.args.len()))));
    }

    /// `te.date` within the window.
    fn dates(&mut self, from: CivilDate, to: CivilDate) {
        self.push("te.date >= ?", json!(from.to_string()));
        self.push("te.date <= ?", json!(to.to_string()));
    }

    /// `column IN (ids)` when the list parameter was given (integers only, so inlined).
    fn ids(&mut self, ctx: &Ctx, param: &str, column: &str) {
        if let Some(ids) = ctx.ints(param).filter(|ids| !ids.is_empty()) {
            let list: Vec<String> = ids.iter().map(i64::to_string).collect();
            self.sql.push_str(&format!(" AND {column} IN ({})", list.join(",")));
        }
    }

    fn params(&self) -> rusqlite::ParamsFromIter<impl Iterator<Item = rusqlite::types::Value> + '_> {
        params_from_iter(self.args.iter().map(sql_value))
    }
}

/// A required report range (`start_date`..`end_date`), at most `max` days.
fn range(ctx: &Ctx, max: Option<i64>) -> Result<(CivilDate, CivilDate), HttpError> {
    let from = date_param(ctx, "start_date")?.ok_or_else(|| HttpError::invalid("start_date", "is required"))?;
    let to = date_param(ctx, "end_date")?.ok_or_else(|| HttpError::invalid("end_date", "is required"))?;
    check_window(Some(from), Some(to), "start_date", "end_date", max)?;
    Ok((from, to))
}

/// The zone of the workspace owner, whose offset the daily timeline answers with (the reference:
/// "returns times with the workspace owner's timezone offset").
fn owner_zone(ctx: &Ctx) -> Result<TimeZone, HttpError> {
    let owner: i64 = ctx.db.query_row("SELECT owner_id FROM workspaces WHERE id = ?1", [ctx.ws_id()], |r| r.get(0))?;
    Ok(zone::of_user(ctx.db, owner)?)
}

/// Minutes after the member's local midnight (inferred: attendance clock times are the member's
/// wall clock, like time entries).
fn local_minutes(tz: &TimeZone, ms: i64) -> i64 {
    zone::ms_to_local(tz, ms).1 / 60
}

fn hhmm(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Members of the workspace who track time (live, not project viewers), in the caller's scope:
/// (user id, name, status).
fn trackers(ctx: &Ctx, filter_param: &str) -> Result<Vec<(i64, String, String)>, HttpError> {
    let scope = ctx.visible_users()?;
    let mut sql = format!(
        "SELECT u.id, u.firstname || ' ' || u.lastname, m.status FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = ?1 AND m.deleted_at IS NULL AND m.role <> 'Project viewer' AND {}",
        scope.sql("m.user_id")
    );
    if let Some(ids) = ctx.ints(filter_param).filter(|ids| !ids.is_empty()) {
        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
        sql.push_str(&format!(" AND m.user_id IN ({})", list.join(",")));
    }
    sql.push_str(" ORDER BY u.id");
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = collect(stmt.query_map([ctx.ws_id()], |r| Ok((r.get(0)?, r.get::<_, String>(1)?.trim().to_owned(), r.get(2)?)))?)?;
    Ok(rows)
}

/// Adds `amount` in `currency` to a per-currency total.
fn add_amount(totals: &mut BTreeMap<String, f64>, currency: String, amount: f64) {
    *totals.entry(currency).or_insert(0.0) += amount;
}

fn amount_of(totals: BTreeMap<String, f64>) -> Option<Amount> {
    (!totals.is_empty()).then(|| Amount::PerCurrency(totals.into_iter().map(|(k, v)| (k, round2(v))).collect()))
}

// ---- tracked hours ----

fn tracked_hours(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let week = ctx.today().week_start();
    let (from, to) = match (date_param(ctx, "start_date")?, date_param(ctx, "end_date")?) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, f.week_start().add_days(6)),
        (None, Some(t)) => (t.week_start(), t),
        (None, None) => (week, week.add_days(6)),
    };
    let max = ctx.int("user_id").map(|_| MAX_DAYS);
    check_window(Some(from), Some(to), "start_date", "end_date", max)?;
    let rates = ctx.can_see_rates();

    let mut f = Filter::new(ctx)?;
    f.dates(from, to);
    if let Some(user) = ctx.int("user_id") {
        f.push("te.user_id = ?", json!(user));
    }
    f.ids(ctx, "users", "te.user_id");
    f.ids(ctx, "projects", "te.project_id");
    f.ids(ctx, "teams", "m.team_id");
    if rates {
        if let Some(currencies) = ctx.strs("currencies").filter(|c| !c.is_empty()) {
            let list: Vec<String> = currencies.iter().map(|c| format!("'{}'", c.replace('\'', "''"))).collect();
            f.sql.push_str(&format!(" AND {CURRENCY} IN ({})", list.join(",")));
        }
    }
    let sql = format!(
        "SELECT te.date, te.user_id, te.project_id, te.contract_id, SUM(te.duration_minutes),
                SUM(te.duration_minutes * {RATE}) / 60.0, {CURRENCY}
         {FROM}{}
         GROUP BY te.date, te.user_id, te.project_id, te.contract_id
         ORDER BY te.date, te.user_id, te.project_id, te.contract_id",
        f.sql
    );
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = collect(stmt.query_map(f.params(), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, Option<f64>>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?)?;
    let mut dates: BTreeMap<String, TrackedDay> = BTreeMap::new();
    let mut total_minutes = 0;
    let mut totals = BTreeMap::new();
    for (date, user, project, contract, minutes, amount, currency) in rows {
        total_minutes += minutes;
        let amount = amount.filter(|_| rates);
        if let Some(a) = amount {
            add_amount(&mut totals, currency.clone(), a);
        }
        dates.entry(date).or_default().users.push(TrackedRow {
            user_id: user as u64,
            project_id: project.map(|v| v as u64),
            contract_id: contract.map(|v| v as u64),
            total_minutes: minutes,
            total_amount: amount.map(|a| Amount::PerCurrency([(currency, round2(a))].into_iter().collect())),
        });
    }
    Ok(Reply::data(TrackedHoursReport {
        report_type: "tracked_hours".into(),
        start_date: from.to_string(),
        end_date: to.to_string(),
        total: TrackedTotal { total_minutes, total_amount: amount_of(totals) },
        dates,
    }))
}

// ---- daily timeline ----

/// One entry as the timeline and attendance read it.
struct Span {
    user: i64,
    start_ms: i64,
    end_ms: i64,
    minutes: i64,
    project_id: Option<i64>,
    project_name: Option<String>,
    task_id: Option<i64>,
    task_title: Option<String>,
    description: Option<String>,
    method: String,
    activity: Option<f64>,
    amount: Option<f64>,
    currency: String,
}

/// The entries of `date` of the given members, by member and start.
fn spans(ctx: &Ctx, date: CivilDate, users: &[i64]) -> Result<BTreeMap<i64, Vec<Span>>, HttpError> {
    let mut f = Filter::new(ctx)?;
    f.dates(date, date);
    let list: Vec<String> = users.iter().map(i64::to_string).collect();
    f.sql.push_str(&format!(" AND te.user_id IN ({})", if list.is_empty() { "NULL".to_owned() } else { list.join(",") }));
    let sql = format!(
        "SELECT te.user_id, te.start_at, te.end_at, te.duration_minutes, te.project_id, p.name, te.task_id, t.title,
                te.activity_description, te.method, te.activity_level, te.duration_minutes * {RATE} / 60.0, {CURRENCY}
         {FROM}{} ORDER BY te.user_id, te.start_at, te.id",
        f.sql
    );
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = collect(stmt.query_map(f.params(), |r| {
        let start: String = r.get(1)?;
        let end: Option<String> = r.get(2)?;
        let minutes: i64 = r.get(3)?;
        let start_ms = clock::parse_iso(&start).unwrap_or(0);
        let end_ms = end.as_deref().and_then(clock::parse_iso).unwrap_or(start_ms + minutes * 60_000);
        Ok(Span {
            user: r.get(0)?,
            start_ms,
            end_ms,
            minutes,
            project_id: r.get(4)?,
            project_name: r.get(5)?,
            task_id: r.get(6)?,
            task_title: r.get(7)?,
            description: r.get(8)?,
            method: r.get(9)?,
            activity: r.get(10)?,
            amount: r.get(11)?,
            currency: r.get(12)?,
        })
    })?)?;
    let mut out: BTreeMap<i64, Vec<Span>> = BTreeMap::new();
    for s in rows {
        out.entry(s.user).or_default().push(s);
    }
    Ok(out)
}

/// Members with time on `date` (for members the tracker list leaves out, e.g. inactive ones).
fn tracked_on(ctx: &Ctx, date: CivilDate) -> Result<std::collections::BTreeSet<i64>, HttpError> {
    let mut stmt = ctx.db.prepare_cached("SELECT DISTINCT user_id FROM time_entries WHERE workspace_id = ?1 AND date = ?2")?;
    let rows = collect(stmt.query_map(params![ctx.ws_id(), date.to_string()], |r| r.get::<_, i64>(0))?)?;
    Ok(rows.into_iter().collect())
}

fn daily_timeline(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let date = date_param(ctx, "date")?.ok_or_else(|| HttpError::invalid("date", "is required"))?;
    let today = ctx.today();
    if date < today.add_days(-365) || date > today.add_days(365) {
        return Err(HttpError::invalid("date", "must be a date within the past year and at most a year ahead"));
    }
    let owner = owner_zone(ctx)?;
    let tracked = tracked_on(ctx, date)?;
    let people: Vec<(i64, String)> = trackers(ctx, "user_ids")?
        .into_iter()
        .filter(|(id, _, status)| status == "active" || tracked.contains(id))
        .map(|(id, name, _)| (id, name))
        .collect();
    let total = people.len() as u64;
    let (page, per) = (ctx.page(), ctx.per_page_or(PER_PAGE));
    let start = (page as usize - 1).saturating_mul(per as usize);
    let people: Vec<(i64, String)> = people.into_iter().skip(start).take(per as usize).collect();
    let ids: Vec<i64> = people.iter().map(|p| p.0).collect();
    let mut spans = spans(ctx, date, &ids)?;
    let rates = ctx.can_see_rates();
    let mut rows = Vec::new();
    for (user, name) in people {
        let list = spans.remove(&user).unwrap_or_default();
        let mut totals = BTreeMap::new();
        let mut entries = Vec::new();
        let mut minutes = 0;
        for s in list {
            minutes += s.minutes;
            if let (true, Some(a)) = (rates, s.amount) {
                add_amount(&mut totals, s.currency.clone(), a);
            }
            entries.push(TimelineEntry {
                start_time: zone::iso_with_offset(&owner, s.start_ms),
                end_time: Some(zone::iso_with_offset(&owner, s.end_ms)),
                project_id: s.project_id.map(|v| v as u64),
                project_name: s.project_name,
                task_id: s.task_id.map(|v| v as u64),
                task_title: s.task_title,
                activity_description: s.description,
                method: TimeEntryMethod::parse(&s.method),
                activity_level: s.activity,
                duration_minutes: s.minutes,
            });
        }
        let (total_amount, currency) = match totals.len() {
            0 => (None, None),
            1 => {
                let (c, v) = totals.into_iter().next().unwrap_or_default();
                (Some(Amount::Single(round2(v))), Some(c))
            }
            _ => (amount_of(totals), None),
        };
        rows.push(TimelineRow {
            user_id: user as u64,
            user_name: name,
            date: date.to_string(),
            entries,
            total_minutes: minutes,
            total_amount,
            currency,
        });
    }
    Ok(Reply::page(rows, total, page, per))
}

// ---- activity level ----

/// Per member and day: (minutes, activity-weighted minutes, minutes with an activity level).
type DayActivity = (i64, f64, i64);

fn weighted(sum: f64, minutes: i64) -> Option<f64> {
    (minutes > 0).then(|| round2(sum / minutes as f64))
}

fn activity_level(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (from, to) = range(ctx, Some(MAX_DAYS))?;
    let mut f = Filter::new(ctx)?;
    f.dates(from, to);
    if let Some(contract) = ctx.int("contract_id") {
        contract_ref(ctx, "contract_id", contract)?;
        f.push("te.contract_id = ?", json!(contract));
    }
    f.ids(ctx, "user_ids", "te.user_id");
    let sql = format!(
        "SELECT te.user_id, u.firstname || ' ' || u.lastname, te.date, SUM(te.duration_minutes),
                COALESCE(SUM(te.activity_level * te.duration_minutes), 0),
                COALESCE(SUM(CASE WHEN te.activity_level IS NOT NULL THEN te.duration_minutes END), 0)
         {FROM}{} GROUP BY te.user_id, te.date ORDER BY te.user_id, te.date",
        f.sql
    );
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = collect(stmt.query_map(f.params(), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            (r.get::<_, i64>(3)?, r.get::<_, f64>(4)?, r.get::<_, i64>(5)?),
        ))
    })?)?;
    let mut by_user: BTreeMap<i64, (String, BTreeMap<String, DayActivity>)> = BTreeMap::new();
    for (user, name, date, day) in rows {
        by_user.entry(user).or_insert_with(|| (name.trim().to_owned(), BTreeMap::new())).1.insert(date, day);
    }
    let (mut all_minutes, mut all_sum, mut all_weighted) = (0, 0.0, 0);
    let mut users = Vec::new();
    for (user, (name, days)) in &by_user {
        let (mut minutes, mut sum, mut with) = (0, 0.0, 0);
        let mut out = Vec::new();
        for k in 0..=from.days_until(to) {
            let day = from.add_days(k).to_string();
            let (m, s, w) = days.get(&day).copied().unwrap_or((0, 0.0, 0));
            minutes += m;
            sum += s;
            with += w;
            out.push(ActivityDay { date: day, activity_level: weighted(s, w), tracked_minutes: m });
        }
        all_minutes += minutes;
        all_sum += sum;
        all_weighted += with;
        users.push(ActivityUser { user_id: *user as u64, user_name: name.clone(), days: out, average_activity: weighted(sum, with) });
    }
    let total = users.len() as u64;
    let (page, per) = (ctx.page(), ctx.per_page_or(PER_PAGE));
    let start = (page as usize - 1).saturating_mul(per as usize);
    let statistics =
        ActivityStatistics { average_activity: weighted(all_sum, all_weighted), total_minutes: all_minutes, users_count: total };
    let users: Vec<ActivityUser> = users.into_iter().skip(start).take(per as usize).collect();
    let mut reply = Reply::data(ActivityLevelReport { start_date: from.to_string(), end_date: to.to_string(), users, statistics });
    reply.pagination = Some(webwork_core::Pagination::compute(total, page, per));
    Ok(reply)
}

// ---- daily attendance ----

/// An approved leave on the day: (policy kind, leave_period, start_time, end_time, hours_per_day).
type LeaveOnDay = (String, Option<i64>, Option<String>, Option<String>, Option<f64>);

fn leaves_on(ctx: &Ctx, date: CivilDate) -> Result<BTreeMap<i64, Vec<LeaveOnDay>>, HttpError> {
    let mut stmt = ctx.db.prepare_cached(
        "SELECT l.user_id, p.kind, l.leave_period, l.start_time, l.end_time, l.hours_per_day
         FROM leave_requests l JOIN leave_policies p ON p.id = l.policy_id
         WHERE l.workspace_id = ?1 AND l.status = 'approved' AND l.start_date <= ?2 AND l.end_date >= ?2",
    )?;
    let rows = collect(stmt.query_map(params![ctx.ws_id(), date.to_string()], |r| {
        Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
    })?)?;
    let mut out: BTreeMap<i64, Vec<LeaveOnDay>> = BTreeMap::new();
    for (user, leave) in rows {
        out.entry(user).or_default().push(leave);
    }
    Ok(out)
}

fn attendance_filter(name: &str) -> AttendanceStatus {
    match name {
        "late" => AttendanceStatus::Late,
        "left_early" => AttendanceStatus::LeftEarly,
        "tracked_less" => AttendanceStatus::TrackedLess,
        "absent" => AttendanceStatus::Absent,
        "on_leave" => AttendanceStatus::OnLeave,
        other => AttendanceStatus::Other(other.to_owned()),
    }
}

fn daily_attendance(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    use webwork_core::params::parse_clock;
    let date = date_param(ctx, "date")?.ok_or_else(|| HttpError::invalid("date", "is required"))?;
    let tracked = tracked_on(ctx, date)?;
    let people: Vec<(i64, String)> = trackers(ctx, "users")?
        .into_iter()
        .filter(|(id, _, status)| status == "active" || tracked.contains(id))
        .map(|(id, name, _)| (id, name))
        .collect();
    let ids: Vec<i64> = people.iter().map(|p| p.0).collect();
    let mut spans = spans(ctx, date, &ids)?;
    let mut leaves = leaves_on(ctx, date)?;
    let workday = date.weekday() < 5;
    let wanted: Option<Vec<AttendanceStatus>> =
        ctx.strs("status").filter(|s| !s.is_empty()).map(|s| s.iter().map(|v| attendance_filter(v)).collect());

    let mut rows = Vec::new();
    for (user, name) in people {
        let list = spans.remove(&user).unwrap_or_default();
        let on_leave = leaves.remove(&user).unwrap_or_default();
        let tz = zone::of_user(ctx.db, user)?;
        // The member's working day, after leave.
        let (mut expected, mut day_start, mut day_end) =
            if workday { (DAY_END - DAY_START, DAY_START, DAY_END) } else { (0, DAY_START, DAY_END) };
        for (kind, period, start_time, end_time, per_day) in &on_leave {
            if kind == "hour_based" {
                let (s, e) = (start_time.as_deref().and_then(parse_clock), end_time.as_deref().and_then(parse_clock));
                let hours = per_day.unwrap_or_else(|| match (s, e) {
                    (Some(s), Some(e)) => f64::from(e.saturating_sub(s)) / 60.0,
                    _ => 0.0,
                });
                expected -= (hours * 60.0).round() as i64;
                if let (Some(s), Some(e)) = (s.map(i64::from), e.map(i64::from)) {
                    if s <= day_start && e > day_start {
                        day_start = e.min(day_end);
                    }
                    if e >= day_end && s < day_end {
                        day_end = s.max(day_start);
                    }
                }
            } else {
                match period {
                    Some(1) => {
                        expected -= (DAY_END - DAY_START) / 2;
                        day_start = DAY_START + (DAY_END - DAY_START) / 2;
                    }
                    Some(2) => {
                        expected -= (DAY_END - DAY_START) / 2;
                        day_end = DAY_START + (DAY_END - DAY_START) / 2;
                    }
                    _ => expected = 0,
                }
            }
        }
        let expected = if workday { expected.max(0) } else { 0 };

        let minutes: i64 = list.iter().map(|s| s.minutes).sum();
        let first = list.iter().map(|s| s.start_ms).min();
        let last = list.iter().map(|s| s.end_ms).max();
        let (mut sum, mut with) = (0.0, 0);
        for s in &list {
            if let Some(a) = s.activity {
                sum += a * s.minutes as f64;
                with += s.minutes;
            }
        }
        let mut breaks = Vec::new();
        let mut break_minutes = 0;
        let mut sorted: Vec<(i64, i64)> = list.iter().map(|s| (s.start_ms, s.end_ms)).collect();
        sorted.sort_unstable();
        let mut reach: Option<i64> = None;
        for (s, e) in sorted {
            if let Some(r) = reach {
                let gap = (s - r) / 60_000;
                if gap >= 1 {
                    break_minutes += gap;
                    breaks.push(format!("{} - {}", hhmm(local_minutes(&tz, r)), hhmm(local_minutes(&tz, s))));
                }
            }
            reach = Some(reach.map_or(e, |r| r.max(e)));
        }

        let mut statuses = Vec::new();
        if !on_leave.is_empty() {
            statuses.push(AttendanceStatus::OnLeave);
        }
        let mut late_minutes = 0;
        if minutes > 0 {
            statuses.push(AttendanceStatus::Present);
            if expected > 0 {
                let arrived = first.map(|ms| local_minutes(&tz, ms)).unwrap_or(0);
                let left = last.map(|ms| local_minutes(&tz, ms)).unwrap_or(0);
                if arrived > day_start {
                    late_minutes = arrived - day_start;
                    statuses.push(AttendanceStatus::Late);
                }
                if left < day_end {
                    statuses.push(AttendanceStatus::LeftEarly);
                }
                if minutes < expected {
                    statuses.push(AttendanceStatus::TrackedLess);
                }
            }
        } else if expected > 0 {
            statuses.push(AttendanceStatus::Absent);
        } else if !workday && on_leave.is_empty() {
            statuses.push(AttendanceStatus::Holiday);
        }
        if let Some(w) = &wanted {
            if !statuses.iter().any(|s| w.contains(s)) {
                continue;
            }
        }
        rows.push(AttendanceRow {
            user_id: user as u64,
            user_name: name,
            date: date.to_string(),
            statuses,
            arrived_at: first.map(|ms| hhmm(local_minutes(&tz, ms))),
            left_at: last.map(|ms| hhmm(local_minutes(&tz, ms))),
            tracked_minutes: minutes,
            expected_minutes: expected,
            late_minutes,
            break_minutes,
            breaks,
            productivity: weighted(sum, with),
        });
    }
    Ok(Reply::paged(rows, ctx.page(), ctx.per_page_or(PER_PAGE)))
}

// ---- task report ----

fn task_report(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (from, to) = range(ctx, Some(MAX_DAYS))?;
    let mut f = Filter::new(ctx)?;
    f.dates(from, to);
    f.ids(ctx, "users", "te.user_id");
    f.ids(ctx, "project_id", "te.project_id");
    let tasks = ctx.ints("task_id").filter(|t| !t.is_empty());
    let include_no_task = ctx.bool("include_no_task").unwrap_or(tasks.is_none());
    let mut task_cond = Vec::new();
    if let Some(tasks) = &tasks {
        let list: Vec<String> = tasks.iter().map(i64::to_string).collect();
        task_cond.push(format!("te.task_id IN ({})", list.join(",")));
    } else {
        task_cond.push("te.task_id IS NOT NULL".to_owned());
    }
    if include_no_task {
        task_cond.push("te.task_id IS NULL".to_owned());
    }
    f.sql.push_str(&format!(" AND ({})", task_cond.join(" OR ")));

    let sql = format!(
        "SELECT te.user_id, u.firstname || ' ' || u.lastname, te.task_id, t.title, te.project_id, p.name, SUM(te.duration_minutes) AS total
         {FROM}{} GROUP BY te.user_id, te.task_id, te.project_id ORDER BY te.user_id, total DESC, te.task_id IS NULL, te.task_id, te.project_id",
        f.sql
    );
    let mut stmt = ctx.db.prepare(&sql)?;
    let totals = collect(stmt.query_map(f.params(), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            TaskTotal {
                task_id: r.get::<_, Option<i64>>(2)?.map(|v| v as u64),
                task_title: r.get(3)?,
                project_id: r.get::<_, Option<i64>>(4)?.map(|v| v as u64),
                project_name: r.get(5)?,
                total_minutes: r.get(6)?,
            },
        ))
    })?)?;
    drop(stmt);
    let sql = format!(
        "SELECT te.user_id, te.date, te.task_id, SUM(te.duration_minutes)
         {FROM}{} GROUP BY te.user_id, te.date, te.task_id ORDER BY te.user_id, te.date, te.task_id IS NULL, te.task_id",
        f.sql
    );
    let mut stmt = ctx.db.prepare(&sql)?;
    let daily = collect(stmt.query_map(f.params(), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            TaskDayTotal { date: r.get(1)?, task_id: r.get::<_, Option<i64>>(2)?.map(|v| v as u64), total_minutes: r.get(3)? },
        ))
    })?)?;
    let mut rows: BTreeMap<i64, TaskReportRow> = BTreeMap::new();
    for (user, name, total) in totals {
        let row = rows.entry(user).or_insert_with(|| TaskReportRow {
            user_id: user as u64,
            user_name: name.trim().to_owned(),
            ..TaskReportRow::default()
        });
        row.total_minutes += total.total_minutes;
        row.tasks_breakdown.push(total);
    }
    for (user, day) in daily {
        if let Some(row) = rows.get_mut(&user) {
            row.daily_breakdown.push(day);
        }
    }
    Ok(Reply::paged(rows.into_values().collect(), ctx.page(), ctx.per_page_or(PER_PAGE)))
}

// ---- activity descriptions ----

fn activity_descriptions(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (from, to) = range(ctx, Some(MAX_DAYS))?;
    let mut f = Filter::new(ctx)?;
    f.dates(from, to);
    f.ids(ctx, "users", "te.user_id");
    f.ids(ctx, "projects", "te.project_id");
    f.sql.push_str(" AND TRIM(COALESCE(te.activity_description, '')) <> ''");
    let count_sql =
        format!("SELECT COUNT(*) FROM (SELECT 1 {FROM}{} GROUP BY te.user_id, te.date, te.activity_description, te.project_id)", f.sql);
    let total: i64 = ctx.db.query_row(&count_sql, f.params(), |r| r.get(0))?;
    let (page, per) = (ctx.page(), ctx.per_page_or(PER_PAGE));
    let offset = (page as i64 - 1) * per as i64;
    let sql = format!(
        "SELECT te.user_id, u.firstname || ' ' || u.lastname, te.date, te.activity_description, te.project_id, p.name, SUM(te.duration_minutes)
         {FROM}{} GROUP BY te.user_id, te.date, te.activity_description, te.project_id
         ORDER BY te.user_id, te.date, te.activity_description, te.project_id LIMIT {per} OFFSET {offset}",
        f.sql
    );
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = collect(stmt.query_map(f.params(), |r| {
        Ok(ActivityDescriptionRow {
            user_id: r.get::<_, i64>(0)? as u64,
            user_name: r.get::<_, String>(1)?.trim().to_owned(),
            date: r.get(2)?,
            activity_description: r.get(3)?,
            project_id: r.get::<_, Option<i64>>(4)?.map(|v| v as u64),
            project_name: r.get(5)?,
            total_minutes: r.get(6)?,
        })
    })?)?;
    Ok(Reply::page(rows, total as u64, page, per))
}
