//! Report rows. The vendor's pages show these only in part; the fields they name are here with
//! their names, the rest is inferred (and is what our sandbox computes).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};
use webwork_derive::FromJson;

use super::json::{self, FromJson, ReadError};
use super::{Amount, AttendanceStatus, TimeEntryMethod};
use crate::date::CivilDate;

/// `GET /reports/tracked-hours`: minutes per day, per user and project.
///
/// The reference says only that the breakdown is "keyed by date". The reader takes the dates
/// under `data.dates` (the sandbox's shape; the key name is inferred) or directly in `data`
/// (keys that are `YYYY-MM-DD` dates), and refuses an answer with neither rather than show an
/// empty chart; the one exception is a report whose `total` says nothing was tracked, which
/// has no date to list in either shape.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackedHoursReport {
    /// `tracked_hours`.
    pub report_type: String,
    pub start_date: String,
    pub end_date: String,
    pub total: TrackedTotal,
    /// Date (`YYYY-MM-DD`) to that day's rows, wherever the answer put them.
    pub dates: BTreeMap<String, TrackedDay>,
}

impl FromJson for TrackedHoursReport {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        let mut object = json::object(value)?;
        let mut error = None;
        let has_total = object.get("total").is_some_and(Value::is_object);
        let mut read = TrackedHoursReport {
            report_type: json::field(&mut object, "report_type", &mut error),
            start_date: json::field(&mut object, "start_date", &mut error),
            end_date: json::field(&mut object, "end_date", &mut error),
            total: json::field(&mut object, "total", &mut error),
            dates: BTreeMap::new(),
        };
        let nested = object.get("dates").is_some_and(Value::is_object);
        if nested {
            read.dates = json::field(&mut object, "dates", &mut error);
        } else {
            // The dates directly in `data`: every key that is a calendar date.
            let keyed: Map<String, Value> = object.into_iter().filter(|(key, _)| CivilDate::parse(key).is_ok()).collect();
            if keyed.is_empty() && !(has_total && read.total.total_minutes == 0) {
                return Err(ReadError::new(
                    "the per-date breakdown is missing: expected dates under `dates` or as keys of `data` (YYYY-MM-DD)",
                ));
            }
            match BTreeMap::<String, TrackedDay>::from_json(Value::Object(keyed)) {
                Ok(dates) => read.dates = dates,
                Err(e) => error = error.or(Some(e)),
            }
        }
        json::finish(read, error)
    }
}

impl<'de> serde::Deserialize<'de> for TrackedHoursReport {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        json::deserialize_via(d)
    }
}

/// Totals of a tracked-hours report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackedTotal {
    pub total_minutes: i64,
    pub total_amount: Option<Amount>,
}

/// One day of a tracked-hours report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackedDay {
    pub users: Vec<TrackedRow>,
}

/// Minutes of one user on one project on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackedRow {
    pub user_id: u64,
    pub project_id: Option<u64>,
    pub contract_id: Option<u64>,
    pub total_minutes: i64,
    /// Currency to amount, when rates are visible.
    pub total_amount: Option<Amount>,
}

/// `GET /reports/daily-timeline`: one user's day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimelineRow {
    pub user_id: u64,
    pub user_name: String,
    pub date: String,
    pub entries: Vec<TimelineEntry>,
    pub total_minutes: i64,
    pub total_amount: Option<Amount>,
    pub currency: Option<String>,
}

/// One span on a timeline; times carry the workspace owner's offset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimelineEntry {
    pub start_time: String,
    pub end_time: Option<String>,
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    pub task_id: Option<u64>,
    pub task_title: Option<String>,
    pub activity_description: Option<String>,
    pub method: TimeEntryMethod,
    /// Percent, 0 to 100.
    pub activity_level: Option<f64>,
    pub duration_minutes: i64,
}

/// `GET /reports/activity-level`: activity per user per day, with overall statistics.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActivityLevelReport {
    pub start_date: String,
    pub end_date: String,
    pub users: Vec<ActivityUser>,
    pub statistics: ActivityStatistics,
}

/// One user's activity over the range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActivityUser {
    pub user_id: u64,
    pub user_name: String,
    pub days: Vec<ActivityDay>,
    /// Percent over the range, weighted by tracked time.
    pub average_activity: Option<f64>,
}

/// One user's activity on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActivityDay {
    pub date: String,
    /// Percent, 0 to 100; `None` on days without tracked time.
    pub activity_level: Option<f64>,
    pub tracked_minutes: i64,
}

/// Overall statistics of an activity-level report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActivityStatistics {
    pub average_activity: Option<f64>,
    pub total_minutes: i64,
    pub users_count: u64,
}

/// `GET /reports/daily-attendance`: one user's attendance on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AttendanceRow {
    pub user_id: u64,
    pub user_name: String,
    pub date: String,
    pub statuses: Vec<AttendanceStatus>,
    /// `HH:mm` of the first start, when the user tracked.
    pub arrived_at: Option<String>,
    /// `HH:mm` of the last end.
    pub left_at: Option<String>,
    pub tracked_minutes: i64,
    pub expected_minutes: i64,
    pub late_minutes: i64,
    pub break_minutes: i64,
    /// Spans such as `14:30 - 15:25`.
    pub breaks: Vec<String>,
    /// Percent, 0 to 100.
    pub productivity: Option<f64>,
}

/// `GET /reports/task-report`: one user's time per task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TaskReportRow {
    pub user_id: u64,
    pub user_name: String,
    pub tasks_breakdown: Vec<TaskTotal>,
    pub daily_breakdown: Vec<TaskDayTotal>,
    pub total_minutes: i64,
}

/// Minutes on one task over the range; `task_id` is `None` for time without a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TaskTotal {
    pub task_id: Option<u64>,
    pub task_title: Option<String>,
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    pub total_minutes: i64,
}

/// Minutes on one task on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TaskDayTotal {
    pub date: String,
    pub task_id: Option<u64>,
    pub total_minutes: i64,
}

/// Activity-descriptions report row (the operation itself is inferred): time per description.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActivityDescriptionRow {
    pub user_id: u64,
    pub user_name: String,
    pub date: String,
    pub activity_description: String,
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    pub total_minutes: i64,
}
