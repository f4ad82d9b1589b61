//! Tracking, time entries, timesheets and manual-time requests.

use std::collections::BTreeMap;

use serde::Serialize;
use webwork_derive::FromJson;

use super::{Amount, PersonRef, TimeEntryMethod, TimeRequestStatus, TimesheetStatus};

/// One recorded span of work.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimeEntry {
    /// An opaque (encrypted) id.
    pub id: String,
    pub user_id: u64,
    pub contract_id: Option<u64>,
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    pub task_id: Option<u64>,
    pub task_title: Option<String>,
    pub activity_description: Option<String>,
    pub method: TimeEntryMethod,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// ISO 8601.
    pub start_time: String,
    /// ISO 8601; `None` while running.
    pub end_time: Option<String>,
    pub duration_minutes: i64,
    /// Set when an approved timesheet covers this entry, which then refuses edits
    /// (inferred: the docs do not show it; our sandbox sends it).
    pub locked: bool,
}

/// `GET /time-tracking/current-data`: the live tracker of one user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackerState {
    pub contract_id: Option<u64>,
    pub user_id: u64,
    pub activity_description: Option<String>,
    pub task_id: Option<u64>,
    pub task_title: Option<String>,
    /// Seconds of the running tracker beyond whole minutes.
    pub total_seconds: i64,
    /// Today's minutes including the running tracker.
    pub total_minutes: i64,
    pub date: String,
    /// Whether a tracker is running now (inferred: our sandbox sends it; absent from the docs).
    pub is_running: Option<bool>,
    /// ISO 8601 start of the running tracker (inferred, as above).
    pub start_time: Option<String>,
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
}

/// What starting a tracker returns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackerStarted {
    pub message: Option<String>,
    /// ISO 8601 with offset.
    pub start_time: String,
    pub user_id: Option<u64>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub contract_id: Option<u64>,
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    pub task_id: Option<u64>,
    pub activity_description: Option<String>,
}

/// What stopping a tracker returns. The current edition puts `message` inside `data`, the
/// older one beside it; both end up readable (see [`crate::Reply::message`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackerStopped {
    pub message: Option<String>,
    /// ISO 8601.
    pub stopped_at: String,
    /// The entry the stop wrote (inferred: our sandbox sends it).
    pub time_entry: Option<TimeEntry>,
}

/// A member's timesheet for a period. Both editions' shapes read into it: `total_hours` (older)
/// and `total_minutes` + `daily_breakdown` (current); status `open` (older) or `pending`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Timesheet {
    pub id: String,
    pub user_id: Option<u64>,
    #[json(with = PersonRef::read_loose)]
    pub member: Option<PersonRef>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub total_hours: Option<f64>,
    pub total_minutes: Option<i64>,
    pub submitted_on: Option<String>,
    pub reject_reason: Option<String>,
    pub status: TimesheetStatus,
    /// Date (`YYYY-MM-DD`) to the projects worked on that day.
    pub daily_breakdown: BTreeMap<String, Vec<TimesheetDay>>,
    /// Only with rate permission.
    pub total_amount: Option<Amount>,
    pub approved_on: Option<String>,
    pub created_at: Option<String>,
}

impl Timesheet {
    /// Total minutes from whichever total the reply carried.
    pub fn minutes(&self) -> i64 {
        self.total_minutes
            .or_else(|| self.total_hours.map(|h| (h * 60.0).round() as i64))
            .unwrap_or_else(|| self.daily_breakdown.values().flatten().map(|d| d.total_minutes).sum())
    }
}

/// Minutes on one project on one day of a timesheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimesheetDay {
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    pub contract_id: Option<u64>,
    pub total_minutes: i64,
    pub total_amount: Option<Amount>,
}

/// A request to add manual time, pending approval.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimeRequest {
    pub id: String,
    pub user_id: Option<u64>,
    pub contract_id: Option<u64>,
    pub project_id: Option<u64>,
    pub task_id: Option<u64>,
    /// ISO 8601.
    pub start: Option<String>,
    /// ISO 8601.
    pub end: Option<String>,
    pub status: TimeRequestStatus,
    /// The older edition's name for the description.
    pub notes: Option<String>,
    /// The current edition's name for the description.
    pub activity_description: Option<String>,
    /// The rejection comment.
    pub comment: Option<String>,
    pub updated_by: Option<u64>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// What creating a time entry returns. The reply also carries a top-level `saved_minutes`
/// ([`crate::Reply::saved_minutes`]), which may be less than asked when entries overlap.
pub type CreatedTimeEntry = TimeEntry;
