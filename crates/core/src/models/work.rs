//! Projects, contracts and tasks.

use serde::Serialize;
use webwork_derive::FromJson;

use super::{ContractStatus, RateType, Role, TaskPriority, TaskStatus};

/// A project of a workspace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Project {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    /// `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// Hours.
    pub estimation: Option<f64>,
    /// Sent as `budget` on writes.
    pub budget_estimation: Option<f64>,
    pub notes: Option<String>,
    pub icon: Option<String>,
    pub is_billable: bool,
    pub rate: Option<f64>,
    pub weekly_hours_limit: Option<i64>,
    /// A screenshot mode code; projects also show `blur`, which is not in the contract enum.
    pub screenshots: Option<String>,
    pub tags: Vec<Tag>,
    pub contracts_count: u64,
    /// The docs show `1` and do not say what it means; our sandbox uses 1 active, 0 archived.
    pub status: Option<i64>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
}

/// A project tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Tag {
    pub id: u64,
    pub name: String,
    /// A CSS colour such as `#1e88e5`, when set.
    pub color: Option<String>,
}

/// A member's assignment to a project, with its rate and limits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Contract {
    pub id: u64,
    pub project_id: u64,
    pub project_name: Option<String>,
    pub project_icon: Option<String>,
    pub user_id: u64,
    pub user_firstname: Option<String>,
    pub user_lastname: Option<String>,
    pub user_email: Option<String>,
    pub user_role: Option<Role>,
    pub weekly_hours_limit: Option<i64>,
    /// A screenshot mode code (see [`super::ScreenshotMode`]).
    pub screenshots: Option<String>,
    /// e.g. `Screenshot on`.
    pub screenshots_label: Option<String>,
    /// Only with rate permission and a billable project.
    pub rate: Option<f64>,
    pub rate_type: Option<RateType>,
    pub status: ContractStatus,
    pub currency: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// A task of a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Task {
    pub id: u64,
    pub title: String,
    pub description: Option<String>,
    pub project_id: u64,
    pub owner_id: Option<u64>,
    pub creator_id: Option<u64>,
    pub status: Option<TaskStatus>,
    pub priority: Option<TaskPriority>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub completed_at: Option<String>,
    pub assignees: Vec<TaskAssignee>,
    pub parent_id: Option<u64>,
    pub status_name: Option<String>,
    pub status_color: Option<String>,
    pub priority_name: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
}

/// A user assigned to a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TaskAssignee {
    pub id: u64,
    pub firstname: Option<String>,
    pub lastname: Option<String>,
    pub email: Option<String>,
}
