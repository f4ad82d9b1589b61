//! Who may call what: ONE table, operation id -> the roles allowed. Follows catalog 1.9 and
//! each operation's "Who may call"; rows marked `inferred` are our decision where the reference
//! is silent. Reads marked `filtered` return only what the caller's role may see.
//!
//! The sandbox enforces this table; the panel and the widgets read it to offer only the actions
//! a role may take (the server stays the authority: a 403 is still shown as a refusal).

use crate::models::Role;
use crate::ops::Operation;

/// A set of roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Any valid token; the operation is not scoped to a workspace.
    Authenticated,
    /// Every member of the workspace, project viewers included.
    Everyone,
    /// Every member but project viewers (people who track time).
    Staff,
    /// Owners, executive managers, project managers and team managers.
    Managers,
    /// Owners and executive managers only.
    Admin,
}

impl Access {
    pub fn allows(self, role: &Role) -> bool {
        match self {
            Access::Authenticated | Access::Everyone => true,
            Access::Staff => !matches!(role, Role::ProjectViewer | Role::Client),
            Access::Managers => matches!(role, Role::Owner | Role::ExecutiveManager | Role::ProjectManager | Role::TeamManager),
            Access::Admin => role.is_admin(),
        }
    }

    /// The label SANDBOX.md uses.
    pub fn label(self) -> &'static str {
        match self {
            Access::Authenticated => "any token",
            Access::Everyone => "all members",
            Access::Staff => "all but viewers",
            Access::Managers => "owner, EM, PM, TM",
            Access::Admin => "owner, EM",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub op: &'static str,
    pub access: Access,
    /// The result is narrowed to what the role may see (and "own" for writes on one's own data).
    pub filtered: bool,
    /// Not stated by the reference: our decision.
    pub inferred: bool,
}

const fn r(op: &'static str, access: Access, filtered: bool, inferred: bool) -> Rule {
    Rule { op, access, filtered, inferred }
}

use Access::*;

/// The table. Order follows the operation table.
pub const RULES: &[Rule] = &[
    r("getWorkspaces", Authenticated, true, false),
    r("getMembers", Everyone, true, false),
    r("inviteMember", Admin, false, false),
    r("getMember", Everyone, true, false),
    r("updateMember", Admin, false, false),
    r("deleteMember", Admin, false, false),
    r("restoreMember", Admin, false, true),
    r("getProjects", Everyone, true, false),
    r("createProject", Admin, false, false),
    r("getProject", Everyone, true, true),
    r("updateProject", Admin, false, false),
    r("deleteProject", Admin, false, false),
    r("getContracts", Everyone, true, false),
    r("createContract", Admin, false, false),
    r("getContract", Everyone, true, false),
    r("updateContract", Admin, false, false),
    r("deleteContract", Admin, false, false),
    r("getTasks", Everyone, true, true),
    r("createTask", Managers, true, false),
    r("getTask", Everyone, true, true),
    r("updateTask", Managers, true, true),
    r("deleteTask", Managers, true, true),
    r("getTaskAssignees", Everyone, true, true),
    r("assignTask", Managers, true, true),
    r("unassignTask", Managers, true, true),
    r("getProjectViewers", Managers, false, true),
    r("createProjectViewer", Admin, false, false),
    r("getProjectViewer", Managers, false, true),
    r("deleteProjectViewer", Admin, false, true),
    r("restoreProjectViewer", Admin, false, true),
    r("assignProjectToViewer", Admin, false, true),
    r("unassignProjectFromViewer", Admin, false, true),
    r("startTimeTracking", Admin, false, false),
    r("stopTimeTracking", Admin, false, false),
    r("getCurrentTrackerData", Admin, false, false),
    r("getTimeEntries", Admin, false, false),
    r("createTimeEntry", Admin, false, false),
    r("updateTimeEntry", Admin, false, false),
    r("deleteTimeEntry", Admin, false, false),
    r("getTimesheets", Staff, true, true),
    r("approveTimesheet", Admin, false, false),
    r("rejectTimesheet", Admin, false, false),
    r("submitTimesheet", Staff, true, true),
    r("unsubmitTimesheet", Staff, true, true),
    r("getTimeRequests", Staff, true, true),
    r("getTimeRequest", Staff, true, true),
    r("createTimeRequest", Staff, true, true),
    r("approveTimeRequest", Admin, false, true),
    r("rejectTimeRequest", Admin, false, true),
    r("getLeaves", Staff, true, true),
    r("createLeaveRequest", Staff, true, true),
    r("getLeaveBalances", Staff, true, true),
    r("getLeavePolicies", Staff, false, true),
    r("approveLeave", Admin, false, true),
    r("rejectLeave", Admin, false, true),
    r("getExpenses", Staff, true, true),
    r("createExpense", Staff, true, true),
    r("updateExpense", Staff, true, true),
    r("deleteExpense", Staff, true, true),
    r("getExpenseCategories", Staff, false, true),
    r("getTrackedHoursReport", Admin, false, false),
    r("getDailyTimelineReport", Admin, false, false),
    r("getActivityLevelReport", Admin, false, false),
    r("getDailyAttendanceReport", Admin, false, false),
    r("getTaskReport", Admin, false, false),
    r("getActivityDescriptionsReport", Admin, false, true),
    r("getWebhooks", Admin, false, true),
    r("createWebhook", Admin, false, true),
    r("getWebhook", Admin, false, true),
    r("updateWebhook", Admin, false, true),
    r("deleteWebhook", Admin, false, true),
];

/// The rule of an operation. Operations missing from the table are owner/EM only (the
/// safe default; a test keeps the table complete).
pub fn rule(op: &str) -> Rule {
    RULES.iter().find(|r| r.op == op).copied().unwrap_or(Rule { op: "", access: Admin, filtered: false, inferred: true })
}

/// Whether `role` may call the operation with this id (`OpInfo::id`).
pub fn may(role: &Role, op_id: &str) -> bool {
    rule(op_id).access.allows(role)
}

/// Whether `role` may call operation `O`.
pub fn may_call<O: Operation>(role: &Role) -> bool {
    may(role, O::INFO.id)
}

/// What an OAuth token may be used for (inferred: the reference shows only `read`, on
/// `GET /leaves`). Personal access tokens carry all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Read,
    Write,
    Admin,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Read, Scope::Write, Scope::Admin];

    /// The wire spelling: `read`, `write`, `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
            Scope::Admin => "admin",
        }
    }

    /// Reads one scope name (exact, lower case, as OAuth scope tokens are case-sensitive).
    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|sc| sc.as_str() == s)
    }
}

impl core::fmt::Display for Scope {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The scope an operation needs (inferred rule): reads need `read`, writes `write`, and
/// managing members (invite, update, archive, restore) and every webhook operation `admin`.
/// Derived from the operation table (method and path), so a new operation gets a scope without
/// a second list; an unknown id needs `admin` (the safe default).
pub fn scope_for(op_id: &str) -> Scope {
    let Some(op) = crate::ops::CATALOG.iter().find(|op| op.id == op_id) else { return Scope::Admin };
    let under = |prefix: &str| op.path == prefix || op.path.starts_with(&format!("{prefix}/"));
    if under("/webhooks") || (under("/members") && op.method != crate::ops::Method::Get) {
        Scope::Admin
    } else if op.method == crate::ops::Method::Get {
        Scope::Read
    } else {
        Scope::Write
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::{DeleteMember, ListMembers, CATALOG};

    #[test]
    fn every_operation_has_exactly_one_rule() {
        for op in CATALOG {
            assert_eq!(RULES.iter().filter(|r| r.op == op.id).count(), 1, "{}", op.id);
        }
        assert_eq!(RULES.len(), CATALOG.len());
    }

    #[test]
    fn regular_users_may_read_members_but_not_archive_them() {
        assert!(may_call::<ListMembers>(&Role::RegularUser));
        assert!(!may_call::<DeleteMember>(&Role::RegularUser));
        assert!(may_call::<DeleteMember>(&Role::ExecutiveManager));
        assert!(!may(&Role::ProjectViewer, "createExpense"));
        assert!(may(&Role::TeamManager, "assignTask"));
    }

    #[test]
    fn unknown_operations_are_owner_and_em_only() {
        assert!(!may(&Role::ProjectManager, "noSuchOperation"));
        assert!(may(&Role::Owner, "noSuchOperation"));
    }
    #[test]
    fn scopes_follow_the_operation_table() {
        assert_eq!(scope_for("getMembers"), Scope::Read);
        assert_eq!(scope_for("getTimeEntries"), Scope::Read);
        assert_eq!(scope_for("createTimeEntry"), Scope::Write);
        assert_eq!(scope_for("deleteProject"), Scope::Write);
        assert_eq!(scope_for("approveLeave"), Scope::Write);
        for id in ["inviteMember", "updateMember", "deleteMember", "restoreMember"] {
            assert_eq!(scope_for(id), Scope::Admin, "{id}");
        }
        for op in CATALOG.iter().filter(|op| op.path.starts_with("/webhooks")) {
            assert_eq!(scope_for(op.id), Scope::Admin, "{}", op.id);
        }
        assert_eq!(scope_for("getWebhooks"), Scope::Admin);
        assert_eq!(scope_for("noSuchOperation"), Scope::Admin);
        // Every read of the table needs `read` unless it is a webhook read.
        for op in CATALOG.iter().filter(|op| op.method == crate::ops::Method::Get && !op.path.starts_with("/webhooks")) {
            assert_eq!(scope_for(op.id), Scope::Read, "{}", op.id);
        }
        assert_eq!(Scope::parse("write"), Some(Scope::Write));
        assert_eq!(Scope::parse("Write"), None);
        assert_eq!(Scope::Admin.to_string(), "admin");
    }
}
