//! Reports against independent sums over the seeded time entries (straight SQL on the table,
//! not the report code).

use std::collections::BTreeMap;

use webwork_core::date::CivilDate;

use crate::support::*;

const FROM: &str = "2026-02-16";
const TO: &str = "2026-03-01";

fn num(app: &std::sync::Arc<App>, sql: &str) -> f64 {
    let db = app.store.lock();
    db.conn.query_row(sql, [], |r| r.get::<_, Option<f64>>(0)).expect("a number").unwrap_or(0.0)
}

fn text(app: &std::sync::Arc<App>, sql: &str) -> Option<String> {
    let db = app.store.lock();
    db.conn.query_row(sql, [], |r| r.get(0)).ok()
}

fn pairs(app: &std::sync::Arc<App>, sql: &str) -> BTreeMap<String, i64> {
    let db = app.store.lock();
    let mut stmt = db.conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, Option<String>>(0)?.unwrap_or_default(), r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[tokio::test]
async fn tracked_hours_equal_the_entries() {
    let app = app();
    let c = client(&app, OWNER);
    let report = c.send(&GetTrackedHoursReport::new(WS).user_id(5u64).start_date(FROM).end_date(TO)).await.unwrap();
    assert_eq!((report.report_type.as_str(), report.start_date.as_str(), report.end_date.as_str()), ("tracked_hours", FROM, TO));
    let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = 5 AND date BETWEEN '{FROM}' AND '{TO}'");
    assert_eq!(report.total.total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) {base}")));
    assert!(report.total.total_minutes > 0);
    let per_day = pairs(&app, &format!("SELECT date, SUM(duration_minutes) {base} GROUP BY date"));
    let got: BTreeMap<String, i64> =
        report.dates.iter().map(|(d, day)| (d.clone(), day.users.iter().map(|r| r.total_minutes).sum())).collect();
    assert_eq!(got, per_day);

    // Amounts: minutes / 60 x the contract's rate as getContract shows it (billable projects only).
    let mut total_amount = 0.0;
    for day in report.dates.values() {
        for row in &day.users {
            assert_eq!(row.user_id, 5);
            let contract = c.send(&GetContract::new(row.contract_id.unwrap(), WS)).await.unwrap();
            match (contract.rate, &row.total_amount) {
                (Some(rate), Some(amount)) => {
                    assert_eq!(amount.total(), round2(row.total_minutes as f64 / 60.0 * rate));
                    total_amount += amount.total();
                }
                (None, amount) => assert!(amount.is_none()),
                (Some(_), None) => panic!("a billable row without an amount"),
            }
        }
    }
    assert!((report.total.total_amount.map(|a| a.total()).unwrap_or(0.0) - total_amount).abs() < 0.05);

    // The whole workspace over five weeks (no 31-day limit without user_id), and filters.
    let all = c.send(&GetTrackedHoursReport::new(WS).start_date("2026-01-26").end_date(TO)).await.unwrap();
    assert_eq!(
        all.total.total_minutes,
        count(
            &app,
            &format!("SELECT SUM(duration_minutes) FROM time_entries WHERE workspace_id = 1 AND date BETWEEN '2026-01-26' AND '{TO}'")
        )
    );
    let p1 = c.send(&GetTrackedHoursReport::new(WS).start_date(FROM).end_date(TO).projects(vec![1u64])).await.unwrap();
    assert!(p1.dates.values().flat_map(|d| &d.users).all(|r| r.project_id == Some(1)));
    assert_eq!(p1.total.total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) FROM time_entries WHERE workspace_id = 1 AND project_id = 1 AND date BETWEEN '{FROM}' AND '{TO}'")));
    let design = c.send(&GetTrackedHoursReport::new(WS).start_date(FROM).end_date(TO).teams(vec![1u64])).await.unwrap();
    assert!(design.dates.values().flat_map(|d| &d.users).all(|r| [4, 5, 13, 14, 15, 16, 17, 18, 19, 20].contains(&r.user_id)));
    let users = c.send(&GetTrackedHoursReport::new(WS).start_date(FROM).end_date(TO).users(vec![5u64, 21])).await.unwrap();
    assert_eq!(users.total.total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) FROM time_entries WHERE workspace_id = 1 AND user_id IN (5, 21) AND date BETWEEN '{FROM}' AND '{TO}'")));

    // Defaults to the current week (Monday 2 to Sunday 8 March 2026).
    let week = c.send(&GetTrackedHoursReport::new(WS)).await.unwrap();
    assert_eq!((week.start_date.as_str(), week.end_date.as_str()), ("2026-03-02", "2026-03-08"));
    assert_eq!(
        week.total.total_minutes,
        count(&app, "SELECT SUM(duration_minutes) FROM time_entries WHERE workspace_id = 1 AND date BETWEEN '2026-03-02' AND '2026-03-08'")
    );

    // Range rules, sent raw (the client refuses to send them).
    let r =
        call(&app, OWNER, "GET", "/api/v2/reports/tracked-hours?workspace_id=1&user_id=5&start_date=2026-01-01&end_date=2026-02-01", None)
            .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.message().contains("end_date") && r.message().contains("31"), "{}", r.message());
    let r = call(&app, OWNER, "GET", "/api/v2/reports/tracked-hours?workspace_id=1&start_date=2026-02-10&end_date=2026-02-01", None).await;
    assert_eq!((r.status, r.message().contains("end_date")), (422, true));
    // 31 days exactly is fine.
    c.send(&GetTrackedHoursReport::new(WS).user_id(5u64).start_date("2026-01-01").end_date("2026-01-31")).await.unwrap();
}

#[tokio::test]
async fn daily_timeline_lists_each_span() {
    let app = app();
    let c = client(&app, OWNER);
    let day = "2026-03-03";
    let rows = c.send(&GetDailyTimelineReport::new(WS, day).user_ids(vec![5u64])).await.unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!((row.user_id, row.user_name.as_str(), row.date.as_str()), (5, "Seán O'Brien", day));
    let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = 5 AND date = '{day}'");
    assert_eq!(row.entries.len() as i64, count(&app, &format!("SELECT COUNT(*) {base}")));
    assert_eq!(row.total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) {base}")));
    assert_eq!(row.entries.iter().map(|e| e.duration_minutes).sum::<i64>(), row.total_minutes);
    assert!(row.entries.windows(2).all(|w| w[0].start_time <= w[1].start_time));
    let first = text(&app, &format!("SELECT MIN(start_at) {base}")).unwrap();
    // The owner's offset (user 1 is in Europe/Paris: UTC+1 in March before the change), same instant.
    let parse = webwork_sandbox::clock::parse_iso;
    assert_eq!(parse(&row.entries[0].start_time), parse(&first));
    assert!(row.entries[0].start_time.ends_with("+01:00"), "{}", row.entries[0].start_time);
    assert!(row.entries.iter().all(|e| e.project_name.is_some() && e.method.is_known() && e.end_time.is_some()));
    assert!(row.total_amount.is_some() && row.currency.as_deref() == Some("USD"));

    // Paged over members, 30 by default.
    let reply = c.send_reply(&GetDailyTimelineReport::new(WS, day)).await.unwrap();
    let pagination = reply.pagination.unwrap();
    assert_eq!(pagination.per_page, 30);
    assert!(pagination.total > 30 && reply.data.len() == 30);
    let busy = count(&app, &format!("SELECT COUNT(DISTINCT user_id) FROM time_entries WHERE workspace_id = 1 AND date = '{day}'"));
    let everyone = c.all(GetDailyTimelineReport::new(WS, day)).await.unwrap();
    assert_eq!(everyone.iter().filter(|r| !r.entries.is_empty()).count() as i64, busy);

    for bad in ["2027-03-05", "2025-03-03"] {
        let r = call(&app, OWNER, "GET", &format!("/api/v2/reports/daily-timeline?workspace_id=1&date={bad}"), None).await;
        assert_eq!((r.status, r.message().contains("date")), (422, true), "{bad}");
    }
}

#[tokio::test]
async fn activity_level_is_the_time_weighted_mean() {
    let app = app();
    let c = client(&app, OWNER);
    let (from, to) = ("2026-02-23", "2026-03-03");
    let report = c.send(&GetActivityLevelReport::new(WS, from, to).user_ids(vec![5u64, 21])).await.unwrap();
    assert_eq!(report.users.len(), 2);
    assert_eq!(report.statistics.users_count, 2);
    for user in &report.users {
        assert_eq!(user.days.len(), 9, "every day of the range");
        for d in &user.days {
            let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = {} AND date = '{}'", user.user_id, d.date);
            assert_eq!(d.tracked_minutes, count(&app, &format!("SELECT COALESCE(SUM(duration_minutes), 0) {base}")));
            let weighted = num(&app, &format!("SELECT SUM(activity_level * duration_minutes) * 1.0 / SUM(CASE WHEN activity_level IS NOT NULL THEN duration_minutes END) {base}"));
            match d.activity_level {
                Some(level) => assert_eq!(level, round2(weighted), "{} {}", user.user_id, d.date),
                None => assert_eq!(count(&app, &format!("SELECT COUNT(activity_level) {base}")), 0),
            }
        }
        let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = {} AND date BETWEEN '{from}' AND '{to}'", user.user_id);
        let mean = num(&app, &format!("SELECT SUM(activity_level * duration_minutes) * 1.0 / SUM(CASE WHEN activity_level IS NOT NULL THEN duration_minutes END) {base}"));
        assert_eq!(user.average_activity, Some(round2(mean)));
    }
    let total = count(&app, &format!("SELECT SUM(duration_minutes) FROM time_entries WHERE workspace_id = 1 AND user_id IN (5, 21) AND date BETWEEN '{from}' AND '{to}'"));
    assert_eq!(report.statistics.total_minutes, total);

    // By contract; paging over members.
    let contract = c.send(&ListContracts::new(WS).user_id(5u64)).await.unwrap()[0].id;
    let one = c.send(&GetActivityLevelReport::new(WS, from, to).contract_id(contract)).await.unwrap();
    assert_eq!(one.users.iter().map(|u| u.user_id).collect::<Vec<_>>(), vec![5]);
    assert_eq!(
        one.statistics.total_minutes,
        count(
            &app,
            &format!("SELECT SUM(duration_minutes) FROM time_entries WHERE contract_id = {contract} AND date BETWEEN '{from}' AND '{to}'")
        )
    );
    let reply = c.send_reply(&GetActivityLevelReport::new(WS, from, to).per_page(5u32).page(2u32)).await.unwrap();
    assert_eq!(reply.data.users.len(), 5);
    assert_eq!(reply.pagination.map(|p| p.total), Some(reply.data.statistics.users_count));

    let r = call(&app, OWNER, "GET", "/api/v2/reports/activity-level?workspace_id=1&start_date=2026-01-01&end_date=2026-02-01", None).await;
    assert_eq!((r.status, r.message().contains("end_date")), (422, true), "{}", r.body);
    let r = call(
        &app,
        OWNER,
        "GET",
        "/api/v2/reports/activity-level?workspace_id=1&start_date=2026-01-01&end_date=2026-01-02&contract_id=99999",
        None,
    )
    .await;
    assert_eq!((r.status, r.message()), (422, "The selected contract_id is invalid."));
}

#[tokio::test]
async fn daily_attendance_statuses() {
    let app = app();
    let c = client(&app, OWNER);
    let day = "2026-03-03";
    let row = c.send(&GetDailyAttendanceReport::new(WS, day).users(vec![5u64])).await.unwrap().remove(0);
    let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = 5 AND date = '{day}'");
    let tracked = count(&app, &format!("SELECT SUM(duration_minutes) {base}"));
    let arrived = text(&app, &format!("SELECT substr(MIN(start_at), 12, 5) {base}")).unwrap();
    let left = text(&app, &format!("SELECT substr(MAX(end_at), 12, 5) {base}")).unwrap();
    assert_eq!((row.tracked_minutes, row.expected_minutes), (tracked, 480));
    assert_eq!((row.arrived_at.as_deref(), row.left_at.as_deref()), (Some(arrived.as_str()), Some(left.as_str())));
    assert!(row.statuses.contains(&AttendanceStatus::Present));
    assert_eq!(row.statuses.contains(&AttendanceStatus::Late), arrived.as_str() > "09:00");
    assert_eq!(row.statuses.contains(&AttendanceStatus::LeftEarly), left.as_str() < "17:00");
    assert_eq!(row.statuses.contains(&AttendanceStatus::TrackedLess), tracked < 480);
    assert_eq!(row.breaks.is_empty(), row.break_minutes == 0);
    assert!(row.breaks.iter().all(|b| b.len() == 13 && b.contains(" - ")), "{:?}", row.breaks);
    assert!(row.productivity.is_some());

    // An approved full-day leave on a working day: On leave, nothing expected.
    let leaves = {
        let db = app.store.lock();
        let mut stmt = db.conn.prepare("SELECT user_id, start_date FROM leave_requests WHERE workspace_id = 1 AND status = 'approved' AND policy_id <> 4 AND start_date < '2026-03-04'").unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>()
    };
    let (user, date) = leaves.into_iter().find(|(_, d)| CivilDate::parse(d).unwrap().weekday() < 5).expect("a weekday leave");
    let row = c.send(&GetDailyAttendanceReport::new(WS, date.as_str()).users(vec![user as u64])).await.unwrap().remove(0);
    assert_eq!((row.statuses.clone(), row.expected_minutes, row.tracked_minutes), (vec![AttendanceStatus::OnLeave], 0, 0));
    let on_leave = c.all(GetDailyAttendanceReport::new(WS, date.as_str()).status(vec![AttendanceFilter::OnLeave])).await.unwrap();
    assert!(on_leave.iter().any(|r| r.user_id == user as u64));
    assert!(on_leave.iter().all(|r| r.statuses.contains(&AttendanceStatus::OnLeave)));

    // Filters keep rows with any of the statuses; absent rows tracked nothing.
    let absent = c.all(GetDailyAttendanceReport::new(WS, day).status(vec![AttendanceFilter::Absent])).await.unwrap();
    assert!(absent.iter().all(|r| r.statuses == vec![AttendanceStatus::Absent] && r.tracked_minutes == 0));
    let late = c.all(GetDailyAttendanceReport::new(WS, day).status(vec![AttendanceFilter::Late])).await.unwrap();
    assert!(late.iter().all(|r| r.late_minutes > 0 && r.arrived_at.as_deref().unwrap() > "09:00"));
    let everyone = c.all(GetDailyAttendanceReport::new(WS, day)).await.unwrap();
    assert_eq!(
        everyone.iter().filter(|r| r.tracked_minutes > 0).count() as i64,
        count(&app, &format!("SELECT COUNT(DISTINCT user_id) FROM time_entries WHERE workspace_id = 1 AND date = '{day}'"))
    );

    // A Sunday: nothing expected; people who did not work show Holiday.
    let sunday = c.all(GetDailyAttendanceReport::new(WS, "2026-03-01")).await.unwrap();
    assert!(sunday.iter().all(|r| r.expected_minutes == 0
        && (r.tracked_minutes > 0 || r.statuses.contains(&AttendanceStatus::Holiday) || r.statuses.contains(&AttendanceStatus::OnLeave))));
}

#[tokio::test]
async fn task_report_sums_per_task_and_day() {
    let app = app();
    let c = client(&app, OWNER);
    let rows = c.send(&GetTaskReport::new(WS, FROM, TO).users(vec![5u64])).await.unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = 5 AND date BETWEEN '{FROM}' AND '{TO}'");
    assert_eq!(row.total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) {base}")));
    let per_task = pairs(&app, &format!("SELECT CAST(task_id AS TEXT), SUM(duration_minutes) {base} GROUP BY task_id"));
    let mut got: BTreeMap<String, i64> = BTreeMap::new();
    for t in &row.tasks_breakdown {
        *got.entry(t.task_id.map(|v| v.to_string()).unwrap_or_default()).or_default() += t.total_minutes;
        assert_eq!(t.task_id.is_some(), t.task_title.is_some());
    }
    assert_eq!(got, per_task);
    assert_eq!(row.daily_breakdown.iter().map(|d| d.total_minutes).sum::<i64>(), row.total_minutes);
    assert!(row.tasks_breakdown.windows(2).all(|w| w[0].total_minutes >= w[1].total_minutes));

    let tasks_only = c.send(&GetTaskReport::new(WS, FROM, TO).users(vec![5u64]).include_no_task(false)).await.unwrap();
    assert!(tasks_only[0].tasks_breakdown.iter().all(|t| t.task_id.is_some()));
    assert_eq!(tasks_only[0].total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) {base} AND task_id IS NOT NULL")));
    let task = row.tasks_breakdown.iter().find_map(|t| t.task_id).unwrap();
    let one = c.send(&GetTaskReport::new(WS, FROM, TO).task_id(vec![task])).await.unwrap();
    assert!(one.iter().flat_map(|r| &r.tasks_breakdown).all(|t| t.task_id == Some(task)));
    let project = c.send(&GetTaskReport::new(WS, FROM, TO).project_id(vec![2u64])).await.unwrap();
    assert!(project.iter().flat_map(|r| &r.tasks_breakdown).all(|t| t.project_id == Some(2)));

    let reply = c.send_reply(&GetTaskReport::new(WS, FROM, TO)).await.unwrap();
    assert_eq!(
        reply.pagination.map(|p| (p.per_page, p.total as i64)),
        Some((
            30,
            count(
                &app,
                &format!("SELECT COUNT(DISTINCT user_id) FROM time_entries WHERE workspace_id = 1 AND date BETWEEN '{FROM}' AND '{TO}'")
            )
        ))
    );
    let r = call(&app, OWNER, "GET", "/api/v2/reports/task-report?workspace_id=1&start_date=2026-01-01&end_date=2026-02-01", None).await;
    assert_eq!((r.status, r.message().contains("end_date")), (422, true));
}

#[tokio::test]
async fn activity_descriptions_group_the_time() {
    let app = app();
    let c = client(&app, OWNER);
    let rows = c.all(GetActivityDescriptionsReport::new(WS, FROM, TO).users(vec![5u64])).await.unwrap();
    let base = format!("FROM time_entries WHERE workspace_id = 1 AND user_id = 5 AND date BETWEEN '{FROM}' AND '{TO}' AND activity_description IS NOT NULL");
    assert_eq!(rows.iter().map(|r| r.total_minutes).sum::<i64>(), count(&app, &format!("SELECT SUM(duration_minutes) {base}")));
    let per_description = pairs(&app, &format!("SELECT activity_description, SUM(duration_minutes) {base} GROUP BY activity_description"));
    let mut got: BTreeMap<String, i64> = BTreeMap::new();
    for r in &rows {
        assert_eq!(r.user_id, 5);
        *got.entry(r.activity_description.clone()).or_default() += r.total_minutes;
    }
    assert_eq!(got, per_description);
    let p2 = c.all(GetActivityDescriptionsReport::new(WS, FROM, TO).projects(vec![2u64])).await.unwrap();
    assert!(!p2.is_empty() && p2.iter().all(|r| r.project_id == Some(2) && r.project_name.is_some()));
    let r =
        call(&app, OWNER, "GET", "/api/v2/reports/activity-descriptions?workspace_id=1&start_date=2026-01-01&end_date=2026-02-01", None)
            .await;
    assert_eq!((r.status, r.message().contains("end_date")), (422, true));
}

#[tokio::test]
async fn reports_are_for_owners_and_executives_and_stay_in_their_workspace() {
    let app = app();
    for token in [PM, TM, REGULAR, VIEWER] {
        let c = client(&app, token);
        assert_eq!(status(&c.send(&GetTrackedHoursReport::new(WS)).await.unwrap_err()), 403, "{token}");
        assert_eq!(status(&c.send(&GetDailyTimelineReport::new(WS, "2026-03-03")).await.unwrap_err()), 403);
        assert_eq!(status(&c.send(&GetActivityLevelReport::new(WS, FROM, TO)).await.unwrap_err()), 403);
        assert_eq!(status(&c.send(&GetDailyAttendanceReport::new(WS, "2026-03-03")).await.unwrap_err()), 403);
        assert_eq!(status(&c.send(&GetTaskReport::new(WS, FROM, TO)).await.unwrap_err()), 403);
        assert_eq!(status(&c.send(&GetActivityDescriptionsReport::new(WS, FROM, TO)).await.unwrap_err()), 403);
    }
    client(&app, EXEC).send(&GetTaskReport::new(WS, FROM, TO)).await.unwrap();
    let globex = client(&app, OTHER_OWNER);
    assert_eq!(status(&globex.send(&GetTrackedHoursReport::new(WS)).await.unwrap_err()), 403);
    let theirs = globex.send(&GetTrackedHoursReport::new(OTHER_WS).start_date(FROM).end_date(TO)).await.unwrap();
    assert!(theirs.total.total_minutes > 0);
    assert!(theirs.dates.values().flat_map(|d| &d.users).all(|r| [2, 102, 104, 105].contains(&r.user_id)));
    // User 2 tracks in both workspaces; each report shows only its own workspace's time.
    let both = globex.send(&GetTaskReport::new(OTHER_WS, FROM, TO).users(vec![2u64])).await.unwrap();
    assert_eq!(both[0].total_minutes, count(&app, &format!("SELECT SUM(duration_minutes) FROM time_entries WHERE workspace_id = 2 AND user_id = 2 AND date BETWEEN '{FROM}' AND '{TO}'")));
}
