//! Workspaces, members and project viewers.

use serde::Serialize;
use webwork_derive::FromJson;

use super::json::{FromJson, ReadError};

use super::{MemberStatus, RateStatus, Role};

/// A workspace the token's user belongs to (`GET /workspaces`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Workspace {
    pub id: u64,
    pub owner_id: u64,
    pub user_id: u64,
    pub workspace_name: String,
    /// The caller's role in this workspace.
    pub role: Role,
    pub status: MemberStatus,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// `YYYY-MM-DD HH:MM:SS` (not ISO 8601, as the API sends it).
    pub activated_at: Option<String>,
}

/// A person in a workspace, with every field of the seed document's model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Member {
    pub id: u64,
    pub email: String,
    pub firstname: String,
    pub lastname: String,
    /// A file name, not a URL.
    pub avatar: Option<String>,
    pub current_role: Role,
    pub timezone: Option<String>,
    pub status: MemberStatus,
    pub team_name: Option<String>,
    /// Comma-separated titles.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    pub hired_at: Option<String>,
    pub preferred_timezone: Option<String>,
    pub settings_max_inactive_minutes: Option<i64>,
    pub currency: Option<String>,
    /// Only when the caller may see rates.
    pub rate: Option<f64>,
    /// e.g. `Hourly`.
    pub rate_type: Option<String>,
    pub rate_status: Option<RateStatus>,
    pub tax_country: Option<String>,
    pub tax_state: Option<String>,
    pub is_blocked: bool,
    pub weekly_hours_limit: Option<i64>,
    pub screenshots: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// Set while the member is archived.
    pub deleted_at: Option<String>,
}

impl Member {
    /// First and last name, trimmed; the e-mail when both are empty.
    pub fn full_name(&self) -> String {
        let name = format!("{} {}", self.firstname.trim(), self.lastname.trim());
        let name = name.trim();
        if name.is_empty() {
            self.email.clone()
        } else {
            name.to_owned()
        }
    }

    /// Archived members carry a `deleted_at`.
    pub fn is_archived(&self) -> bool {
        self.deleted_at.is_some()
    }
}

/// What inviting a member returns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct InviteResult {
    pub user_id: u64,
    pub invitation_link: String,
}

/// An external, read-only viewer of some projects (a client).
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ProjectViewer {
    /// The viewer's user id.
    pub id: u64,
    pub email: String,
    pub firstname: String,
    pub lastname: String,
    pub status: Option<MemberStatus>,
    pub member_since: Option<String>,
    pub projects: Vec<ViewerProject>,
    /// Set while the viewer is archived (inferred: the docs do not show it).
    pub deleted_at: Option<String>,
}

/// A project a viewer can see.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ViewerProject {
    pub project_id: u64,
    pub project_name: String,
}

/// A person as some replies embed them: either a name string or an object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PersonRef {
    pub id: Option<u64>,
    pub firstname: Option<String>,
    pub lastname: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
}

impl PersonRef {
    /// A display name from whatever the reply carried.
    pub fn display_name(&self) -> String {
        if let Some(n) = &self.name {
            return n.clone();
        }
        let n = format!("{} {}", self.firstname.as_deref().unwrap_or(""), self.lastname.as_deref().unwrap_or(""));
        let n = n.trim();
        if n.is_empty() {
            self.email.clone().unwrap_or_default()
        } else {
            n.to_owned()
        }
    }

    /// A person sent either as an object or as just a name (one edition's timesheets).
    pub(crate) fn read_loose(value: serde_json::Value) -> Result<Option<PersonRef>, ReadError> {
        match value {
            serde_json::Value::String(name) => Ok(Some(PersonRef { name: Some(name), ..Default::default() })),
            other => Option::<PersonRef>::from_json(other),
        }
    }
}
