//! Time entries: list one member's entries of one day (project/task filters, at most 50 a
//! page), create manual entries (`HH:mm` span on one date; the parts that overlap existing time
//! are left out and the reply's `saved_minutes` says what was kept), update (a missing side of
//! the span keeps its value; overlapping another entry is 409) and delete (permanent).
//!
//! Entries on a day covered by an APPROVED timesheet refuse every change (409 naming the
//! timesheet) and list with `locked: true`. Dates and `HH:mm` times are the member's wall clock in
//! the member's zone (inferred, see `crate::zone`): stored as UTC instants, answered as ISO 8601
//! with the zone's offset at that instant; manual time may not lie on a future day of the member.
//!
//! The helpers shared with tracking and time requests (validation of the member, contract and
//! task; the approved-timesheet lock; writing entries split at midnight) live here too.

use super::prelude::*;
use crate::store::lookup::{ContractRef, MemberRef, TaskRef};
use crate::zone;
use jiff::tz::TimeZone;
use webwork_core::params::parse_clock;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![("getTimeEntries", list), ("createTimeEntry", create), ("updateTimeEntry", update), ("deleteTimeEntry", delete)]
}

const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 86_400_000;

/// The method of time tracked through the API (the docs: current data "works only when the
/// tracker was started from the API or the browser").
pub(super) const TRACKER_METHOD: &str = "Web tracker";
/// The method of manual entries and approved time requests.
pub(super) const MANUAL_METHOD: &str = "Manually added time";

const SELECT: &str = "SELECT e.id, e.user_id, e.contract_id, e.project_id, p.name, e.task_id, t.title,
        e.activity_description, e.method, e.date, e.start_at, e.end_at, e.duration_minutes,
        EXISTS (SELECT 1 FROM timesheets s WHERE s.workspace_id = e.workspace_id AND s.user_id = e.user_id
                AND s.status = 'approved' AND e.date BETWEEN s.date_from AND s.date_to),
        COALESCE(NULLIF(TRIM(u.timezone), ''), NULLIF(TRIM(u.preferred_timezone), ''), 'UTC')
    FROM time_entries e LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN tasks t ON t.id = e.task_id
        LEFT JOIN users u ON u.id = e.user_id
    WHERE e.workspace_id = ?1";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimeEntry> {
    let id = |i: usize| -> rusqlite::Result<Option<u64>> { Ok(r.get::<_, Option<i64>>(i)?.map(|v| v as u64)) };
    // Stored in UTC; answered on the member's wall clock with its offset then.
    let tz = zone::named(&r.get::<_, String>(14)?);
    Ok(TimeEntry {
        id: r.get(0)?,
        user_id: r.get::<_, i64>(1)? as u64,
        contract_id: id(2)?,
        project_id: id(3)?,
        project_name: r.get(4)?,
        task_id: id(5)?,
        task_title: r.get(6)?,
        activity_description: r.get(7)?,
        method: TimeEntryMethod::parse(&r.get::<_, String>(8)?),
        date: r.get(9)?,
        start_time: zone::answer(&tz, &r.get::<_, String>(10)?),
        end_time: r.get::<_, Option<String>>(11)?.map(|e| zone::answer(&tz, &e)),
        duration_minutes: r.get(12)?,
        locked: r.get(13)?,
    })
}

/// An entry of the caller's workspace.
pub(super) fn load(ctx: &Ctx, id: &str) -> Result<Option<TimeEntry>, HttpError> {
    let sql = format!("{SELECT} AND e.id = ?2");
    Ok(optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))?)
}

// ---- shared validation ----

/// A member who tracks time: a live, active member of the workspace who is not a project
/// viewer (422 naming `field` otherwise).
pub(super) fn tracking_member(ctx: &Ctx, field: &str, user_id: i64) -> Result<MemberRef, HttpError> {
    let m = member_ref(ctx, field, user_id)?;
    if m.role == Role::ProjectViewer.as_str() || m.role == Role::Client.as_str() {
        return Err(HttpError::unprocessable(format!("The selected {field} is a project viewer; project viewers do not track time.")));
    }
    if m.status != "active" {
        return Err(HttpError::unprocessable(format!("The selected {field} is not an active member (status: {}).", m.status)));
    }
    Ok(m)
}

/// The contract and task time is recorded on: the contract must be the member's own live,
/// active contract; the task needs the contract and must belong to its project.
pub(super) fn work_refs(
    ctx: &Ctx,
    user_id: i64,
    contract_id: Option<i64>,
    task_id: Option<i64>,
) -> Result<(Option<ContractRef>, Option<TaskRef>), HttpError> {
    let contract = match contract_id {
        Some(id) => {
            let c = contract_ref(ctx, "contract_id", id)?;
            if c.user_id != user_id {
                return Err(HttpError::unprocessable("The selected contract_id does not belong to the selected user_id."));
            }
            if c.status != "active" {
                return Err(HttpError::unprocessable("The selected contract_id is paused; no time can be recorded on it."));
            }
            Some(c)
        }
        None => None,
    };
    let task = match task_id {
        Some(id) => {
            let Some(c) = &contract else {
                return Err(HttpError::invalid("task_id", "needs contract_id as well"));
            };
            let t = task_ref(ctx, "task_id", id)?;
            if t.project_id != c.project_id {
                return Err(HttpError::unprocessable("The selected task_id does not belong to the contract's project."));
            }
            Some(t)
        }
        None => None,
    };
    Ok((contract, task))
}

// ---- the approved-timesheet lock ----

/// The approved timesheet of `user` covering `date`, if any: (id, date_from, date_to).
pub(super) fn approved_sheet(ctx: &Ctx, user: i64, date: &str) -> Result<Option<(String, String, String)>, HttpError> {
    Ok(optional(
        ctx.db
            .prepare_cached(
                "SELECT id, date_from, date_to FROM timesheets
         WHERE workspace_id = ?1 AND user_id = ?2 AND status = 'approved' AND ?3 BETWEEN date_from AND date_to",
            )?
            .query_row(params![ctx.ws_id(), user, date], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))),
    )?)
}

/// 409 when `date` of `user` lies in an approved timesheet.
pub(super) fn check_unlocked(ctx: &Ctx, user: i64, date: &str) -> Result<(), HttpError> {
    match approved_sheet(ctx, user, date)? {
        Some((id, from, to)) => Err(HttpError::conflict(format!(
            "The time on {date} belongs to timesheet {id} ({from} to {to}), which is approved; approved time can no longer be changed."
        ))
        .with_detail(format!("timesheet_id={id}"))),
        None => Ok(()),
    }
}

/// Makes sure `user` has a (pending) timesheet for the Monday..Sunday week of `date`.
pub(super) fn ensure_timesheet(ctx: &mut Ctx, user: i64, date: CivilDate) -> Result<(), HttpError> {
    let from = date.week_start();
    let exists: bool = ctx
        .db
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM timesheets WHERE workspace_id = ?1 AND user_id = ?2 AND date_from = ?3)")?
        .query_row(params![ctx.ws_id(), user, from.to_string()], |r| r.get(0))?;
    if !exists {
        let id = ctx.ids.opaque("ts");
        let now = ctx.now_iso();
        ctx.db
            .prepare_cached(
                "INSERT INTO timesheets (id, workspace_id, user_id, date_from, date_to, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?6)",
            )?
            .execute(params![id, ctx.ws_id(), user, from.to_string(), from.add_days(6).to_string(), now])?;
    }
    Ok(())
}

// ---- spans ----

/// Splits `[start, end)` (Unix ms) at the midnights of `user`'s zone: one `(member date, start,
/// end)` per day touched.
pub(super) fn split_days(ctx: &Ctx, user: i64, start: i64, end: i64) -> Result<Vec<(CivilDate, i64, i64)>, HttpError> {
    Ok(zone::split_days(&zone::of_user(ctx.db, user)?, start, end))
}

/// The busy spans of `user` that touch `[start, end)`: stored entries (but `except`) and a
/// tracker running in this workspace.
pub(super) fn busy(ctx: &Ctx, user: i64, start: i64, end: i64, except: Option<&str>) -> Result<Vec<(i64, i64, String)>, HttpError> {
    let from = CivilDate::from_days(start.div_euclid(DAY_MS)).add_days(-1).to_string();
    let to = CivilDate::from_days((end - 1).div_euclid(DAY_MS)).add_days(1).to_string();
    let mut stmt = ctx.db.prepare_cached(
        "SELECT id, start_at, end_at FROM time_entries
         WHERE workspace_id = ?1 AND user_id = ?2 AND date BETWEEN ?3 AND ?4 AND id IS NOT ?5 AND end_at IS NOT NULL
           AND start_at < ?6 AND end_at > ?7",
    )?;
    // Stamps are all written by `clock::iso`, so text order is time order (the SQL narrows,
    // the parsed comparison below decides).
    let args = params![ctx.ws_id(), user, from, to, except, iso(end + 1000), iso(start - 1000)];
    let rows: Vec<(String, String, String)> = collect(stmt.query_map(args, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)?;
    let mut out = Vec::new();
    for (id, s, e) in rows {
        if let (Some(s), Some(e)) = (clock::parse_iso(&s), clock::parse_iso(&e)) {
            if s < end && e > start {
                out.push((s, e, id));
            }
        }
    }
    let running: Option<String> = optional(
        ctx.db
            .prepare_cached("SELECT started_at FROM running_trackers WHERE user_id = ?1 AND workspace_id = ?2")?
            .query_row(params![user, ctx.ws_id()], |r| r.get(0)),
    )?;
    if let Some(s) = running.as_deref().and_then(clock::parse_iso) {
        if s < end && ctx.now_ms > start {
            out.push((s, ctx.now_ms, "the running tracker".to_owned()));
        }
    }
    out.sort();
    Ok(out)
}

/// `[start, end)` minus the busy spans: the free parts, each at least a minute long.
fn free_parts(start: i64, end: i64, busy: &[(i64, i64, String)]) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut cursor = start;
    for (s, e, _) in busy {
        if *s > cursor {
            out.push((cursor, (*s).min(end)));
        }
        cursor = cursor.max(*e);
        if cursor >= end {
            break;
        }
    }
    if cursor < end {
        out.push((cursor, end));
    }
    out.retain(|(s, e)| e - s >= MINUTE_MS);
    out
}

/// What a new entry records.
pub(super) struct NewEntry<'a> {
    pub user: i64,
    pub contract: Option<&'a ContractRef>,
    pub task: Option<&'a TaskRef>,
    pub description: Option<&'a str>,
    pub method: &'static str,
    pub time_request_id: Option<&'a str>,
}

/// Writes `[start, end)` as entries, one per day of the member touched (pieces under a minute are
/// dropped), and keeps the member's weekly timesheets in step. Returns the ids written.
pub(super) fn write_span(ctx: &mut Ctx, e: &NewEntry<'_>, start: i64, end: i64) -> Result<Vec<String>, HttpError> {
    let mut ids = Vec::new();
    for (date, s, t) in split_days(ctx, e.user, start, end)? {
        let minutes = (t - s) / MINUTE_MS;
        if minutes < 1 {
            continue;
        }
        let id = ctx.ids.opaque("te");
        let now = ctx.now_iso();
        ctx.db
            .prepare_cached(
                "INSERT INTO time_entries (id, workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, date,
                start_at, end_at, duration_minutes, time_request_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
            )?
            .execute(params![
                id,
                ctx.ws_id(),
                e.user,
                e.contract.map(|c| c.id),
                e.contract.map(|c| c.project_id),
                e.task.map(|t| t.id),
                e.description,
                e.method,
                date.to_string(),
                iso(s),
                iso(t),
                minutes,
                e.time_request_id,
                now
            ])?;
        ensure_timesheet(ctx, e.user, date)?;
        ids.push(id);
    }
    Ok(ids)
}

/// A required-format date parameter (already validated by the dispatcher).
fn date_param(ctx: &Ctx, name: &str) -> Result<Option<CivilDate>, HttpError> {
    match ctx.str(name) {
        Some(s) => CivilDate::parse(s).map(Some).map_err(|_| HttpError::invalid(name, "must be a valid date (YYYY-MM-DD)")),
        None => Ok(None),
    }
}

fn clock_param(ctx: &Ctx, name: &str) -> Result<Option<i64>, HttpError> {
    match ctx.str(name) {
        Some(s) => parse_clock(s).map(|m| Some(m as i64)).ok_or_else(|| HttpError::invalid(name, "must be a valid time (HH:mm)")),
        None => Ok(None),
    }
}

/// The member's today decides (Auckland's Tuesday starts while it is Monday in UTC).
fn not_future(ctx: &Ctx, tz: &TimeZone, date: CivilDate) -> Result<(), HttpError> {
    if date > zone::local_date(tz, ctx.now_ms) {
        return Err(HttpError::invalid("date", "must be a date before or equal to today"));
    }
    Ok(())
}

// ---- handlers ----

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user = ctx.req_int("user_id")?;
    lookup::member(ctx.db, ctx.ws_id(), user)?.ok_or_else(|| selected_invalid("user_id"))?;
    let date = date_param(ctx, "date")?.ok_or_else(|| HttpError::invalid("date", "is required"))?;
    let mut query =
        Query::new(format!("{SELECT} AND e.user_id = ?2 AND e.date = ?3"), vec![json!(ctx.ws_id()), json!(user), json!(date.to_string())]);
    for (param, column) in [("project_id", "e.project_id = ?"), ("task_id", "e.task_id = ?")] {
        if let Some(v) = ctx.int(param) {
            query.and(column, json!(v));
        }
    }
    let (items, total) = query.page(ctx, "e.start_at, e.id", row)?;
    Ok(Reply::page(items, total, ctx.page(), ctx.per_page()))
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let user = ctx.req_int("user_id")?;
    tracking_member(ctx, "user_id", user)?;
    let date = date_param(ctx, "date")?.ok_or_else(|| HttpError::invalid("date", "is required"))?;
    let start_min = clock_param(ctx, "start_time")?.ok_or_else(|| HttpError::invalid("start_time", "is required"))?;
    let end_min = clock_param(ctx, "end_time")?.ok_or_else(|| HttpError::invalid("end_time", "is required"))?;
    if end_min <= start_min {
        return Err(HttpError::invalid("end_time", "must be a time after start_time"));
    }
    let tz = zone::of_user(ctx.db, user)?;
    not_future(ctx, &tz, date)?;
    let (contract, task) = work_refs(ctx, user, ctx.int("contract_id"), ctx.int("task_id"))?;
    check_unlocked(ctx, user, &date.to_string())?;

    // The member's wall clock; the real span (01:00 to 04:00 is 4 hours the night clocks fall back).
    let (start, end) = (zone::local_to_ms(&tz, date, start_min), zone::local_to_ms(&tz, date, end_min));
    if end - start < MINUTE_MS {
        return Err(HttpError::invalid("end_time", "must be a time after start_time"));
    }
    let asked = (end - start) / MINUTE_MS;
    let taken = busy(ctx, user, start, end, None)?;
    let parts = free_parts(start, end, &taken);
    if parts.is_empty() {
        let with: Vec<&str> = taken.iter().map(|(_, _, id)| id.as_str()).collect();
        return Err(HttpError::conflict(format!(
            "The time from {} to {} on {date} overlaps existing time ({}); nothing was saved.",
            ctx.str("start_time").unwrap_or(""),
            ctx.str("end_time").unwrap_or(""),
            with.join(", ")
        )));
    }
    let description = ctx.raw_str("notes").map(str::to_owned);
    let new = NewEntry {
        user,
        contract: contract.as_ref(),
        task: task.as_ref(),
        description: description.as_deref(),
        method: MANUAL_METHOD,
        time_request_id: None,
    };
    let mut ids = Vec::new();
    for (s, e) in &parts {
        ids.extend(write_span(ctx, &new, *s, *e)?);
    }
    let saved: i64 = parts.iter().map(|(s, e)| (e - s) / MINUTE_MS).sum();
    let first = match ids.first() {
        Some(id) => load(ctx, id)?,
        None => None,
    }
    .ok_or_else(|| HttpError::internal("The new time entry vanished."))?;
    let mut reply = Reply::data(first).with_extra("saved_minutes", saved);
    if saved < asked {
        reply =
            reply.with_message(format!("Time entry created partially: {saved} of {asked} minutes saved; the rest overlaps existing time."));
    }
    Ok(reply)
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_str("time_entry_id");
    let entry = load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Time entry"))?;
    let user = entry.user_id as i64;
    check_unlocked(ctx, user, &entry.date)?;

    let old_start = clock::parse_iso(&entry.start_time).unwrap_or(0);
    let old_end = entry.end_time.as_deref().and_then(clock::parse_iso).unwrap_or(old_start);
    let date = date_param(ctx, "date")?.unwrap_or_else(|| CivilDate::parse(&entry.date).unwrap_or_else(|_| ctx.today()));
    let start_min = clock_param(ctx, "start_time")?;
    let end_min = clock_param(ctx, "end_time")?;
    let tz = zone::of_user(ctx.db, user)?;
    // A missing side keeps its clock time on the member's wall clock (seconds included), moved
    // to the new date.
    let wall = |ms: i64| zone::ms_to_local(&tz, ms).1;
    let keep = |ms: i64| {
        let secs = wall(ms);
        zone::local_to_ms(&tz, date, secs / 60) + secs % 60 * 1000
    };
    let start = start_min.map(|m| zone::local_to_ms(&tz, date, m)).unwrap_or_else(|| keep(old_start));
    let end = end_min.map(|m| zone::local_to_ms(&tz, date, m)).unwrap_or_else(|| {
        // An entry that ended at the member's midnight keeps ending at the end of its day.
        if old_end > old_start && wall(old_end) == 0 {
            zone::local_to_ms(&tz, date.add_days(1), 0)
        } else {
            keep(old_end)
        }
    });
    if end <= start {
        return Err(HttpError::invalid("end_time", "must be a time after start_time"));
    }
    if end - start < MINUTE_MS {
        return Err(HttpError::invalid("end_time", "must be at least one minute after start_time"));
    }
    if date.to_string() != entry.date {
        not_future(ctx, &tz, date)?;
        check_unlocked(ctx, user, &date.to_string())?;
    }
    if let Some((_, _, other)) = busy(ctx, user, start, end, Some(&id))?.first() {
        return Err(HttpError::conflict(format!("The new time of this entry overlaps {other}; nothing was changed.")));
    }

    // Project (and with it the contract) and task.
    let mut contract_id = entry.contract_id.map(|v| v as i64);
    let mut project_id = entry.project_id.map(|v| v as i64);
    let mut task_id = entry.task_id.map(|v| v as i64);
    if ctx.is_null("project_id") {
        (contract_id, project_id, task_id) = (None, None, None);
    } else if let Some(p) = ctx.int("project_id") {
        let project = project_ref(ctx, "project_id", p)?;
        let c = lookup::contract_of(ctx.db, ctx.ws_id(), project.id, user)?
            .ok_or_else(|| HttpError::unprocessable("The selected project_id has no contract with this entry's member."))?;
        if Some(project.id) != project_id {
            task_id = None;
        }
        (contract_id, project_id) = (Some(c.id), Some(project.id));
    }
    if ctx.is_null("task_id") {
        task_id = None;
    } else if let Some(t) = ctx.int("task_id") {
        let task = task_ref(ctx, "task_id", t)?;
        if Some(task.project_id) != project_id {
            return Err(HttpError::unprocessable("The selected task_id does not belong to the entry's project."));
        }
        task_id = Some(task.id);
    }
    let description = if ctx.has("notes") { ctx.raw_str("notes").map(str::to_owned) } else { entry.activity_description.clone() };

    ctx.db.execute(
        "UPDATE time_entries SET contract_id = ?2, project_id = ?3, task_id = ?4, activity_description = ?5, date = ?6,
            start_at = ?7, end_at = ?8, duration_minutes = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            contract_id,
            project_id,
            task_id,
            description,
            date.to_string(),
            iso(start),
            iso(end),
            (end - start) / MINUTE_MS,
            ctx.now_iso()
        ],
    )?;
    ensure_timesheet(ctx, user, date)?;
    Ok(Reply::empty())
}

fn delete(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_str("time_entry_id");
    let entry = load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Time entry"))?;
    check_unlocked(ctx, entry.user_id as i64, &entry.date)?;
    ctx.db.execute("DELETE FROM time_entries WHERE id = ?1", [&id])?;
    Ok(Reply::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_at_midnight_and_subtract_busy_time() {
        let day = CivilDate::parse("2026-03-04").unwrap();
        let parts = zone::split_days(&TimeZone::UTC, clock::at(day, 23 * 60), clock::at(day, 25 * 60));
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].0, parts[1].0), (day, day.add_days(1)));
        assert_eq!(parts[1].1, clock::at(day.add_days(1), 0));

        let at = |m| clock::at(day, m);
        let busy = vec![(at(600), at(660), "a".to_owned()), (at(690), at(700), "b".to_owned())];
        assert_eq!(free_parts(at(540), at(720), &busy), vec![(at(540), at(600)), (at(660), at(690)), (at(700), at(720))]);
        assert!(free_parts(at(600), at(660), &busy).is_empty());
        assert_eq!(free_parts(at(500), at(540), &busy), vec![(at(500), at(540))]);
    }
}
