//! Tracking, time entries, timesheets and manual-time requests.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lenient;
use super::{Amount, PersonRef, TimeEntryMethod, TimeRequestStatus, TimesheetStatus};

/// One recorded span of work.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimeEntry {
    /// An opaque (encrypted) id.
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    #[serde(deserialize_with = "lenient::num")]
    pub user_id: u64,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub contract_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
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
    #[serde(deserialize_with = "lenient::num")]
    pub duration_minutes: i64,
    /// Set when an approved timesheet covers this entry, which then refuses edits
    /// (inferred: the docs do not show it; our sandbox sends it).
    #[serde(deserialize_with = "lenient::flag")]
    pub locked: bool,
}

/// `GET /time-tracking/current-data`: the live tracker of one user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackerState {
    #[serde(deserialize_with = "lenient::opt_num")]
    pub contract_id: Option<u64>,
    #[serde(deserialize_with = "lenient::num")]
    pub user_id: u64,
    pub activity_description: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub task_id: Option<u64>,
    pub task_title: Option<String>,
    /// Seconds of the running tracker beyond whole minutes.
    #[serde(deserialize_with = "lenient::num")]
    pub total_seconds: i64,
    /// Today's minutes including the running tracker.
    #[serde(deserialize_with = "lenient::num")]
    pub total_minutes: i64,
    pub date: String,
    /// Whether a tracker is running now (inferred: our sandbox sends it; absent from the docs).
    #[serde(deserialize_with = "lenient::opt_flag")]
    pub is_running: Option<bool>,
    /// ISO 8601 start of the running tracker (inferred, as above).
    pub start_time: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
}

/// What starting a tracker returns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrackerStarted {
    pub message: Option<String>,
    /// ISO 8601 with offset.
    pub start_time: String,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub user_id: Option<u64>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub contract_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub task_id: Option<u64>,
    pub activity_description: Option<String>,
}

/// What stopping a tracker returns. The current edition puts `message` inside `data`, the
/// older one beside it; both end up readable (see [`crate::Reply::message`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Timesheet {
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub user_id: Option<u64>,
    #[serde(deserialize_with = "PersonRef::deserialize_loose")]
    pub member: Option<PersonRef>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub total_hours: Option<f64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub total_minutes: Option<i64>,
    pub submitted_on: Option<String>,
    pub reject_reason: Option<String>,
    pub status: TimesheetStatus,
    /// Date (`YYYY-MM-DD`) to the projects worked on that day.
    #[serde(deserialize_with = "lenient_map")]
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
            .unwrap_or_else(|| {
                self.daily_breakdown.values().flatten().map(|d| d.total_minutes).sum()
            })
    }
}

fn lenient_map<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    Option::<BTreeMap<String, V>>::deserialize(d).map(Option::unwrap_or_default)
}

/// Minutes on one project on one day of a timesheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimesheetDay {
    #[serde(deserialize_with = "lenient::opt_num")]
    pub project_id: Option<u64>,
    pub project_name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub contract_id: Option<u64>,
    #[serde(deserialize_with = "lenient::num")]
    pub total_minutes: i64,
    pub total_amount: Option<Amount>,
}

/// A request to add manual time, pending approval.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimeRequest {
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub user_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub contract_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub project_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
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
    #[serde(deserialize_with = "lenient::opt_num")]
    pub updated_by: Option<u64>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// What creating a time entry returns. The reply also carries a top-level `saved_minutes`
/// ([`crate::Reply::saved_minutes`]), which may be less than asked when entries overlap.
pub type CreatedTimeEntry = TimeEntry;
