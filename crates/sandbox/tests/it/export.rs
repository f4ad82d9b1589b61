//! The core's export engine (`webwork_core::export`) against the sandbox in-process: a
//! multi-page report walked to the end with the rows the sandbox holds, a list's CSV matching
//! its JSON, and `--bulk-entries` seeding exactly the rows an export benchmark counts on.

use serde_json::Value;
use webwork_core::date::CivilDate;
use webwork_core::export::{activity_level_rows, fetch_all, list_rows, to_csv, tracked_hours_rows};
use webwork_core::CancelToken;
use webwork_sandbox::seed::BULK_PROJECT_NAME;
use webwork_sandbox::Config;

use crate::support::*;

fn today() -> CivilDate {
    CivilDate::parse(testing::TODAY).unwrap()
}

#[tokio::test]
async fn a_multi_page_report_exports_every_row_once() {
    let app = app();
    let c = client(&app, OWNER);
    let op = GetActivityDescriptionsReport::new(WS, today().add_days(-14), today().add_days(-1));
    let mut pages = Vec::new();
    let rows = fetch_all(&c, op.to_request().unwrap(), list_rows, &CancelToken::new(), &mut |p| pages.push(p.pages)).await.unwrap();
    let expected = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM time_entries WHERE workspace_id = 1 AND date BETWEEN '{}' AND '{}'
             AND TRIM(COALESCE(activity_description, '')) <> '' GROUP BY user_id, date, activity_description, project_id)",
            today().add_days(-14),
            today().add_days(-1)
        ),
    );
    assert!(expected > 200, "the demo has several pages of rows: {expected}");
    assert_eq!(rows.len() as i64, expected);
    assert_eq!(pages.len() as i64, (expected + 99) / 100, "pages of 100");
    let mut keys: Vec<String> =
        rows.iter().map(|r| format!("{}|{}|{}|{}", r["user_id"], r["date"], r["activity_description"], r["project_id"])).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), rows.len(), "no row twice (no page fetched twice)");
}

#[tokio::test]
async fn a_list_exports_as_csv_with_every_member() {
    let app = app();
    let c = client(&app, OWNER);
    let rows = fetch_all(&c, ListMembers::new(WS).to_request().unwrap(), list_rows, &CancelToken::new(), &mut |_| {}).await.unwrap();
    let members = c.all(ListMembers::new(WS)).await.unwrap();
    assert_eq!(rows.len(), members.len());
    let csv = to_csv(&rows);
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap().to_owned();
    assert!(header.split(',').any(|h| h == "email"), "{header}");
    // The member named like markup is exported as the text it is.
    assert!(csv.contains("<img src=x onerror=alert(1)>"));
    for m in &members {
        assert!(csv.contains(&m.email), "{} is in the file", m.email);
    }
}

#[tokio::test]
async fn report_shapes_export_as_rows() {
    let app = app();
    let c = client(&app, OWNER);
    let (from, to) = (today().add_days(-7), today().add_days(-1));
    let th = GetTrackedHoursReport::new(WS).start_date(from).end_date(to).to_request().unwrap();
    let rows = fetch_all(&c, th, tracked_hours_rows, &CancelToken::new(), &mut |_| {}).await.unwrap();
    let minutes: i64 = rows.iter().map(|r| r["total_minutes"].as_i64().unwrap_or(0)).sum();
    let expected = count(
        &app,
        &format!("SELECT COALESCE(SUM(duration_minutes), 0) FROM time_entries WHERE workspace_id = 1 AND date BETWEEN '{from}' AND '{to}'"),
    );
    assert_eq!(minutes, expected);
    assert!(rows.iter().all(|r| r["date"].as_str().is_some_and(|d| d >= from.to_string().as_str())));
    let al = GetActivityLevelReport::new(WS, from, to).to_request().unwrap();
    let rows = fetch_all(&c, al, activity_level_rows, &CancelToken::new(), &mut |_| {}).await.unwrap();
    assert!(rows.len() > 30 && rows.iter().all(|r| r.get("user_name").is_some_and(Value::is_string)), "{}", rows.len());
}

#[tokio::test]
async fn bulk_entries_seed_one_report_row_each() {
    let mut config = Config::for_tests(testing::TODAY);
    config.bulk_entries = 1_234;
    let app = testing::app_with(config);
    let c = client(&app, OWNER);
    let project = c.send(&ListProjects::new(WS).name(BULK_PROJECT_NAME)).await.unwrap()[0].id;
    let op = GetActivityDescriptionsReport::new(WS, today().add_days(-4), today().add_days(-1)).projects(vec![project]);
    let rows = fetch_all(&c, op.to_request().unwrap(), list_rows, &CancelToken::new(), &mut |_| {}).await.unwrap();
    assert_eq!(rows.len(), 1_234);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM time_entries WHERE activity_description LIKE 'Bulk entry %'"), 1_234);
    // Bulk time never overlaps demo time of the owner.
    let overlaps = count(
        &app,
        "SELECT COUNT(*) FROM time_entries a JOIN time_entries b ON a.user_id = b.user_id AND a.id < b.id
         AND a.start_at < b.end_at AND b.start_at < a.end_at WHERE a.user_id = 1",
    );
    assert_eq!(overlaps, 0);
}
