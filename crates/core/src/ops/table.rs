//! The operation table: every operation of API v2 in documentation order (the catalog's
//! sections 4.1 to 4.14), plus two inferred leave operations. Entries marked
//! `inferred: true` are not confirmed by the vendor's documentation; their path or
//! behaviour follows the API's own conventions (see ARCHITECTURE.md).

use super::Args;
use crate::error::ApiError;
use crate::models::*;
use crate::params::{check_range, parse_clock, ClockTime, Date, DateTime, Email, Param, Url};

/// `0`/`1` integers that the API uses as booleans (`remove_avatar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZeroOne(pub bool);

impl From<bool> for ZeroOne {
    fn from(v: bool) -> Self {
        ZeroOne(v)
    }
}

impl Param for ZeroOne {
    const KIND: crate::params::ParamKind = crate::params::ParamKind::Flag;
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::from(self.0 as u8)
    }
}

operations! {
    // ---- 4.1 Workspaces ----
    /// Lists the workspaces the token's user belongs to (active ones only).
    ListWorkspaces {
        id: "getWorkspaces", tag: "Workspaces", method: Get, path: "/workspaces",
        output: [Workspace], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [],
        optional: [query page: u32, query per_page: u32],
        check: none,
    }

    // ---- 4.2 Members ----
    /// Lists the people of a workspace, optionally filtered.
    ListMembers {
        id: "getMembers", tag: "Members", method: Get, path: "/members",
        output: [Member], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query email: Email, query status: MemberStatus, query role: Role,
                   query page: u32, query per_page: u32],
        check: none,
    }
    /// Sends a workspace invitation to a new person.
    InviteMember {
        id: "inviteMember", tag: "Members", method: Post, path: "/members",
        output: InviteResult, paged: none, status: 201, message: "Member invited successfully", inferred: [status],
        path_params: [],
        required: [ws workspace_id: u64, body email: Email, body firstname: String,
                   body lastname: String, body role: Role],
        optional: [],
        check: check_assignable_role,
    }
    /// Fetches one member.
    GetMember {
        id: "getMember", tag: "Members", method: Get, path: "/members/{memberId}",
        output: Member, paged: none, status: 200, message: "Member retrieved successfully", inferred: [],
        path_params: [member_id: u64 = "memberId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Changes a member's profile, role or rate settings.
    UpdateMember {
        id: "updateMember", tag: "Members", method: Put, path: "/members/{memberId}",
        output: Empty, paged: none, status: 200, message: "Member updated successfully", inferred: ["422 \"The email has already been taken.\" for an e-mail another member of the workspace has (Laravel's unique rule, like the API's other validation failures; the reference lists no 409)"],
        path_params: [member_id: u64 = "memberId"],
        required: [ws workspace_id: u64],
        optional: [body email: Email, body firstname: String, body lastname: String,
                   body timezone: String, body role: Role, body rate_status: RateStatus,
                   body weekly_hours_limit: u64, body remove_avatar: ZeroOne],
        check: check_member_update,
    }
    /// Archives (soft-deletes) a member; `RestoreMember` undoes it.
    DeleteMember {
        id: "deleteMember", tag: "Members", method: Delete, path: "/members/{memberId}",
        output: Empty, paged: none, status: 200, message: "Member deleted successfully", inferred: ["422 \"You cannot archive yourself.\" when a member archives themselves, and 422 when the owner is archived"],
        path_params: [member_id: u64 = "memberId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Restores an archived member.
    RestoreMember {
        id: "restoreMember", tag: "Members", method: Post, path: "/members/{memberId}/restore",
        output: Empty, paged: none, status: 200, message: "Member restored successfully", inferred: [],
        path_params: [member_id: u64 = "memberId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.3 Projects ----
    /// Lists the projects of a workspace; `name` matches case-insensitively in part.
    ListProjects {
        id: "getProjects", tag: "Projects", method: Get, path: "/projects",
        output: [Project], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query name: String, query page: u32, query per_page: u32],
        check: none,
    }
    /// Adds a project. `is_billable`, `rate`, `weekly_hours_limit`, `screenshots` and `tags`
    /// are inferred from the project model (the create page does not list them).
    CreateProject {
        id: "createProject", tag: "Projects", method: Post, path: "/projects",
        output: Project, paged: none, status: 201, message: "Project created successfully", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, body name: String],
        optional: [body start_date: Date, body deadline: Date, body estimation: f64,
                   body budget: f64, body notes: String, body icon: String,
                   #[inferred] body is_billable: bool, #[inferred] body rate: f64, #[inferred] body weekly_hours_limit: u64,
                   #[inferred] body screenshots: ScreenshotMode, #[inferred] body tags: Vec<String>],
        check: check_project,
    }
    /// Fetches one project.
    GetProject {
        id: "getProject", tag: "Projects", method: Get, path: "/projects/{projectId}",
        output: Project, paged: none, status: 200, message: "Project retrieved successfully", inferred: [message],
        path_params: [project_id: u64 = "projectId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Edits a project (fields as `CreateProject`).
    UpdateProject {
        id: "updateProject", tag: "Projects", method: Put, path: "/projects/{projectId}",
        output: Empty, paged: none, status: 200, message: "Project updated successfully", inferred: [message],
        path_params: [project_id: u64 = "projectId"],
        required: [ws workspace_id: u64],
        optional: [body name: String, body start_date: Date, body deadline: Date,
                   body estimation: f64, body budget: f64, body notes: String, body icon: String,
                   #[inferred] body is_billable: bool, #[inferred] body rate: f64, #[inferred] body weekly_hours_limit: u64,
                   #[inferred] body screenshots: ScreenshotMode, #[inferred] body tags: Vec<String>],
        check: check_project,
    }
    /// Archives a project.
    DeleteProject {
        id: "deleteProject", tag: "Projects", method: Delete, path: "/projects/{projectId}",
        output: Empty, paged: none, status: 200, message: "Project deleted successfully", inferred: [message],
        path_params: [project_id: u64 = "projectId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.4 Contracts ----
    /// Lists contracts (members assigned to projects).
    ListContracts {
        id: "getContracts", tag: "Contracts", method: Get, path: "/contracts",
        output: [Contract], paged: 100, status: 200, message: "Contracts retrieved successfully", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query project_id: u64, query user_id: u64, query status: ContractStatus,
                   query page: u32, query per_page: u32],
        check: none,
    }
    /// Assigns a member to a project. `rate_type` is inferred.
    CreateContract {
        id: "createContract", tag: "Contracts", method: Post, path: "/contracts",
        output: Contract, paged: none, status: 201, message: "Contract created successfully", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, body project_id: u64, body user_id: u64],
        optional: [body weekly_hours_limit: u64, body screenshots: ScreenshotMode, body rate: f64,
                   #[inferred] body rate_type: RateType],
        check: check_rate,
    }
    /// Fetches one contract.
    GetContract {
        id: "getContract", tag: "Contracts", method: Get, path: "/contracts/{contractId}",
        output: Contract, paged: none, status: 200, message: "Contract retrieved successfully", inferred: [],
        path_params: [contract_id: u64 = "contractId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Edits limits, screenshot mode, rate or status (pause/activate) of a contract.
    UpdateContract {
        id: "updateContract", tag: "Contracts", method: Put, path: "/contracts/{contractId}",
        output: Contract, paged: none, status: 200, message: "Contract retrieved successfully", inferred: [],
        path_params: [contract_id: u64 = "contractId"],
        required: [ws workspace_id: u64],
        optional: [body weekly_hours_limit: u64, body screenshots: ScreenshotMode, body rate: f64,
                   body status: ContractStatus, #[inferred] body rate_type: RateType],
        check: check_rate,
    }
    /// Soft-deletes a contract.
    DeleteContract {
        id: "deleteContract", tag: "Contracts", method: Delete, path: "/contracts/{contractId}",
        output: Empty, paged: none, status: 200, message: "Contract deleted successfully", inferred: [],
        path_params: [contract_id: u64 = "contractId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.5 Tasks ----
    /// Lists the tasks of a project (or of a contract's project).
    ListTasks {
        id: "getTasks", tag: "Tasks", method: Get, path: "/tasks",
        output: [Task], paged: 100, status: 200, message: "", inferred: ["`order_by` values `id`, `title`, `status`, `priority`, `created_at`, `end_date` (the reference names the parameter, not its values)"],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query project_id: u64, query contract_id: u64, query status: TaskStatus,
                   query priority: TaskPriority, query parent_id: u64, query order_by: String,
                   query page: u32, query per_page: u32],
        check: check_task_scope,
    }
    /// Adds a task to a project; `assignees` are user ids.
    CreateTask {
        id: "createTask", tag: "Tasks", method: Post, path: "/tasks",
        output: Task, paged: none, status: 201, message: "Task created successfully", inferred: [status, message],
        path_params: [],
        required: [ws workspace_id: u64, body project_id: u64, body title: String],
        optional: [body description: String, body status: TaskStatus, body priority: TaskPriority,
                   body start_date: Date, body end_date: Date, body assignees: Vec<u64>,
                   body parent_id: u64],
        check: check_task_create,
    }
    /// Fetches one task.
    GetTask {
        id: "getTask", tag: "Tasks", method: Get, path: "/tasks/{taskId}",
        output: Task, paged: none, status: 200, message: "Task retrieved successfully", inferred: [message],
        path_params: [task_id: u64 = "taskId"],
        required: [ws workspace_id: u64, query project_id: u64],
        optional: [],
        check: none,
    }
    /// Edits a task.
    UpdateTask {
        id: "updateTask", tag: "Tasks", method: Put, path: "/tasks/{taskId}",
        output: Empty, paged: none, status: 200, message: "Task updated successfully", inferred: [message],
        path_params: [task_id: u64 = "taskId"],
        required: [ws workspace_id: u64, body project_id: u64],
        optional: [body title: String, body description: String, body status: TaskStatus,
                   body priority: TaskPriority, body start_date: Date, body end_date: Date,
                   body parent_id: u64],
        check: check_task_update,
    }
    /// Removes a task.
    DeleteTask {
        id: "deleteTask", tag: "Tasks", method: Delete, path: "/tasks/{taskId}",
        output: Empty, paged: none, status: 200, message: "Task deleted successfully", inferred: [message],
        path_params: [task_id: u64 = "taskId"],
        required: [ws workspace_id: u64, body project_id: u64],
        optional: [],
        check: none,
    }
    /// Lists the users assigned to a task.
    ListTaskAssignees {
        id: "getTaskAssignees", tag: "Tasks", method: Get, path: "/tasks/{taskId}/assignees",
        output: [TaskAssignee], paged: none, status: 200, message: "", inferred: [],
        path_params: [task_id: u64 = "taskId"],
        required: [ws workspace_id: u64, query project_id: u64],
        optional: [],
        check: none,
    }
    /// Adds a user to a task.
    AssignTask {
        id: "assignTask", tag: "Tasks", method: Post, path: "/tasks/{taskId}/assign/{userId}",
        output: Empty, paged: none, status: 200, message: "Task assigned successfully", inferred: [message],
        path_params: [task_id: u64 = "taskId", user_id: u64 = "userId"],
        required: [ws workspace_id: u64, body project_id: u64],
        optional: [],
        check: none,
    }
    /// Removes a user from a task.
    UnassignTask {
        id: "unassignTask", tag: "Tasks", method: Delete, path: "/tasks/{taskId}/unassign/{userId}",
        output: Empty, paged: none, status: 200, message: "Task unassigned successfully", inferred: [message],
        path_params: [task_id: u64 = "taskId", user_id: u64 = "userId"],
        required: [ws workspace_id: u64, body project_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.6 Project viewers ----
    /// Lists external read-only viewers (clients).
    ListProjectViewers {
        id: "getProjectViewers", tag: "Project Viewers", method: Get, path: "/project-viewers",
        output: [ProjectViewer], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query email: Email, query page: u32, query per_page: u32],
        check: none,
    }
    /// Invites a new project viewer.
    CreateProjectViewer {
        id: "createProjectViewer", tag: "Project Viewers", method: Post, path: "/project-viewers",
        output: ProjectViewer, paged: none, status: 201, message: "Project viewer created successfully", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, body email: Email, body firstname: String, body lastname: String],
        optional: [],
        check: none,
    }
    /// Fetches one viewer.
    GetProjectViewer {
        id: "getProjectViewer", tag: "Project Viewers", method: Get, path: "/project-viewers/{viewerId}",
        output: ProjectViewer, paged: none, status: 200, message: "Project viewer retrieved successfully", inferred: [],
        path_params: [viewer_id: u64 = "viewerId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Archives a viewer (reversible).
    DeleteProjectViewer {
        id: "deleteProjectViewer", tag: "Project Viewers", method: Delete, path: "/project-viewers/{viewerId}",
        output: Empty, paged: none, status: 200, message: "Project viewer deleted successfully", inferred: [message],
        path_params: [viewer_id: u64 = "viewerId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Restores an archived viewer.
    RestoreProjectViewer {
        id: "restoreProjectViewer", tag: "Project Viewers", method: Post, path: "/project-viewers/{viewerId}/restore",
        output: Empty, paged: none, status: 200, message: "Project viewer restored successfully", inferred: [],
        path_params: [viewer_id: u64 = "viewerId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Grants a viewer read access to a project.
    AssignProjectToViewer {
        id: "assignProjectToViewer", tag: "Project Viewers", method: Post, path: "/project-viewers/{viewerId}/assign-project",
        output: Empty, paged: none, status: 200, message: "Project assigned to viewer successfully", inferred: [],
        path_params: [viewer_id: u64 = "viewerId"],
        required: [ws workspace_id: u64, body project_id: u64],
        optional: [],
        check: none,
    }
    /// Revokes a viewer's access to a project.
    UnassignProjectFromViewer {
        id: "unassignProjectFromViewer", tag: "Project Viewers", method: Delete, path: "/project-viewers/{viewerId}/unassign-project",
        output: Empty, paged: none, status: 200, message: "Project unassigned from viewer successfully", inferred: [],
        path_params: [viewer_id: u64 = "viewerId"],
        required: [ws workspace_id: u64, body project_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.7 Time tracking ----
    /// Starts a member's tracker, optionally on a contract and task.
    StartTracking {
        id: "startTimeTracking", tag: "Time Tracking", method: Post, path: "/time-tracking/start",
        output: TrackerStarted, paged: none, status: 200, message: "Time tracking started successfully", inferred: [message],
        path_params: [],
        required: [ws workspace_id: u64, body user_id: u64],
        optional: [body contract_id: u64, body task_id: u64, body activity_description: String],
        check: check_start_tracking,
    }
    /// Stops a member's running tracker; the span becomes a time entry.
    StopTracking {
        id: "stopTimeTracking", tag: "Time Tracking", method: Post, path: "/time-tracking/stop",
        output: TrackerStopped, paged: none, status: 200, message: "Time tracking stopped successfully", inferred: [message],
        path_params: [],
        required: [ws workspace_id: u64, body user_id: u64],
        optional: [],
        check: none,
    }
    /// Reads a member's live tracker and today's total.
    GetTrackerState {
        id: "getCurrentTrackerData", tag: "Time Tracking", method: Get, path: "/time-tracking/current-data",
        output: TrackerState, paged: none, status: 200, message: "Current tracker data retrieved successfully", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, query user_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.8 Time entries ----
    /// Lists one member's time entries of one day (at most 50 a page).
    ListTimeEntries {
        id: "getTimeEntries", tag: "Time Entries", method: Get, path: "/time-entries",
        output: [TimeEntry], paged: 50, status: 200, message: "", inferred: ["Time zones (inferred decision, core/src/zone.rs): `date` is the member's day in the member's zone (`timezone`, else `preferred_timezone`, else UTC); `start_time`/`end_time` are ISO 8601 with that zone's offset at that instant"],
        path_params: [],
        required: [ws workspace_id: u64, query user_id: u64, query date: Date],
        optional: [query project_id: u64, query task_id: u64, query page: u32, query per_page: u32],
        check: none,
    }
    /// Adds a manual time entry; the reply's `saved_minutes` may be less than asked on overlap.
    CreateTimeEntry {
        id: "createTimeEntry", tag: "Time Entries", method: Post, path: "/time-entries",
        output: TimeEntry, paged: none, status: 201, message: "Time entry created successfully", inferred: [message, "Time zones (inferred decision, core/src/zone.rs): `date` and the `HH:mm` times are the member's wall clock in the member's zone; a clock time skipped by a daylight-saving change moves forward, a repeated one is its first occurrence"],
        path_params: [],
        required: [ws workspace_id: u64, body user_id: u64, body date: Date,
                   body start_time: ClockTime, body end_time: ClockTime],
        optional: [body contract_id: u64, body task_id: u64, body notes: String],
        check: check_clock_order,
    }
    /// Edits a time entry; a missing side of the span keeps its value.
    UpdateTimeEntry {
        id: "updateTimeEntry", tag: "Time Entries", method: Put, path: "/time-entries/{time_entry_id}",
        output: Empty, paged: none, status: 200, message: "Time entry updated successfully", inferred: ["Time zones (inferred decision, core/src/zone.rs): `date` and the `HH:mm` times are the member's wall clock in the member's zone; a missing side keeps its wall-clock time"],
        path_params: [time_entry_id: String = "time_entry_id"],
        required: [ws workspace_id: u64],
        optional: [body project_id: u64, body task_id: u64, body notes: String, body date: Date,
                   body start_time: ClockTime, body end_time: ClockTime],
        check: check_clock_order,
    }
    /// Permanently deletes a time entry.
    DeleteTimeEntry {
        id: "deleteTimeEntry", tag: "Time Entries", method: Delete, path: "/time-entries/{time_entry_id}",
        output: Empty, paged: none, status: 200, message: "Time entry deleted successfully", inferred: [],
        path_params: [time_entry_id: String = "time_entry_id"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.9 Timesheets ----
    /// Lists timesheets with filters.
    ListTimesheets {
        id: "getTimesheets", tag: "Timesheets", method: Get, path: "/timesheets",
        output: [Timesheet], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query id: String, query status: TimesheetStatus, query date_from: Date,
                   query date_to: Date, query user_id: u64, query order_by: SortOrder,
                   query page: u32, query per_page: u32],
        check: check_date_from_to,
    }
    /// Approves a submitted timesheet; its entries then refuse edits.
    ApproveTimesheet {
        id: "approveTimesheet", tag: "Timesheets", method: Put, path: "/timesheets/{timesheetId}/approve",
        output: Empty, paged: none, status: 200, message: "Timesheet approved successfully", inferred: [message],
        path_params: [timesheet_id: String = "timesheetId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Rejects a submitted timesheet with a reason shown to the member.
    RejectTimesheet {
        id: "rejectTimesheet", tag: "Timesheets", method: Put, path: "/timesheets/{timesheetId}/reject",
        output: Empty, paged: none, status: 200, message: "Timesheet rejected successfully", inferred: [],
        path_params: [timesheet_id: String = "timesheetId"],
        required: [ws workspace_id: u64, body reason: String],
        optional: [],
        check: none,
    }
    /// Submits a timesheet for approval.
    SubmitTimesheet {
        id: "submitTimesheet", tag: "Timesheets", method: Put, path: "/timesheets/{timesheetId}/submit",
        output: Empty, paged: none, status: 200, message: "Timesheet submitted successfully", inferred: [message],
        path_params: [timesheet_id: String = "timesheetId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Pulls a submitted timesheet back to pending.
    UnsubmitTimesheet {
        id: "unsubmitTimesheet", tag: "Timesheets", method: Put, path: "/timesheets/{timesheetId}/unsubmit",
        output: Empty, paged: none, status: 200, message: "Timesheet unsubmitted successfully", inferred: [],
        path_params: [timesheet_id: String = "timesheetId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.10 Time requests ----
    /// Lists manual-time requests in a date window.
    ListTimeRequests {
        id: "getTimeRequests", tag: "Time Requests", method: Get, path: "/time-requests",
        output: [TimeRequest], paged: 100, status: 200, message: "", inferred: ["Time zones (inferred decision, core/src/zone.rs): `start`/`end` are instants (any offset accepted), answered on the member's wall clock with its offset"],
        path_params: [],
        required: [ws workspace_id: u64, query date_from: Date, query date_to: Date],
        optional: [query status: TimeRequestStatus, #[inferred] query user_id: u64, #[inferred] query page: u32, #[inferred] query per_page: u32],
        check: check_date_from_to,
    }
    /// Fetches one manual-time request.
    GetTimeRequest {
        id: "getTimeRequest", tag: "Time Requests", method: Get, path: "/time-requests/{id}",
        output: TimeRequest, paged: none, status: 200, message: "Time request retrieved successfully", inferred: [message],
        path_params: [time_request_id: String = "id"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Files a manual-time request for a member (`start`/`end` in ISO 8601).
    CreateTimeRequest {
        id: "createTimeRequest", tag: "Time Requests", method: Post, path: "/time-requests",
        output: TimeRequest, paged: none, status: 201, message: "Time request created successfully", inferred: ["Time zones (inferred decision, core/src/zone.rs): `start`/`end` are instants (any offset accepted), answered on the member's wall clock with its offset"],
        path_params: [],
        required: [ws workspace_id: u64, body user_id: u64, body start: DateTime, body end: DateTime],
        optional: [body contract_id: u64, body task_id: u64, body activity_description: String,
                   body notes: String],
        check: check_time_request,
    }
    /// Approves a pending request; its time becomes a time entry.
    ApproveTimeRequest {
        id: "approveTimeRequest", tag: "Time Requests", method: Post, path: "/time-requests/{timeRequestId}/approve",
        output: Empty, paged: none, status: 200, message: "Time request approved successfully", inferred: [message],
        path_params: [time_request_id: String = "timeRequestId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Rejects a pending request with a comment.
    RejectTimeRequest {
        id: "rejectTimeRequest", tag: "Time Requests", method: Post, path: "/time-requests/{timeRequestId}/reject",
        output: Empty, paged: none, status: 200, message: "Time request rejected successfully", inferred: [message],
        path_params: [time_request_id: String = "timeRequestId"],
        required: [ws workspace_id: u64, body comment: String],
        optional: [],
        check: none,
    }

    // ---- 4.11 Leaves ----
    /// Lists leave requests.
    ListLeaves {
        id: "getLeaves", tag: "Leaves", method: Get, path: "/leaves",
        output: [Leave], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query id: String, query policy_id: u64, query is_paid: YesNo,
                   query status: LeaveStatus, query date_from: Date, query date_to: Date,
                   query user_id: u64, query page: u32, query per_page: u32],
        check: check_date_from_to,
    }
    /// Files a leave request. Hour-based policies need `start_time`, `end_time` and `hours_per_day`.
    RequestLeave {
        id: "createLeaveRequest", tag: "Leaves", method: Post, path: "/leaves",
        output: Empty, paged: none, status: 201, message: "Leave request created successfully", inferred: [message],
        path_params: [],
        required: [ws workspace_id: u64, body policy_id: u64, body start: Date, body end: Date,
                   body user_id: u64],
        optional: [body start_time: ClockTime, body end_time: ClockTime, body hours_per_day: f64,
                   body leave_period: LeavePeriod, body reason: String],
        check: check_leave_request,
    }
    /// Leave balances per member over a date window.
    ListLeaveBalances {
        id: "getLeaveBalances", tag: "Leaves", method: Get, path: "/leaves/balances",
        output: [LeaveBalance], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, query date_from: Date, query date_to: Date],
        optional: [query user_id: u64, query page: u32, #[inferred] query per_page: u32],
        check: check_date_from_to,
    }
    /// Lists the workspace's leave policies (path inferred).
    ListLeavePolicies {
        id: "getLeavePolicies", tag: "Leaves", method: Get, path: "/leaves/policies",
        output: [LeavePolicy], paged: none, status: 200, message: "", inferred: [operation],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Approves a pending leave request, reducing the balance (inferred operation).
    ApproveLeave {
        id: "approveLeave", tag: "Leaves", method: Post, path: "/leaves/{leaveId}/approve",
        output: Empty, paged: none, status: 200, message: "Leave request approved successfully", inferred: [operation],
        path_params: [leave_id: String = "leaveId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Rejects a pending leave request with a reason (inferred operation).
    RejectLeave {
        id: "rejectLeave", tag: "Leaves", method: Post, path: "/leaves/{leaveId}/reject",
        output: Empty, paged: none, status: 200, message: "Leave request rejected successfully", inferred: [operation],
        path_params: [leave_id: String = "leaveId"],
        required: [ws workspace_id: u64, body reason: String],
        optional: [],
        check: none,
    }

    // ---- 4.12 Expenses ----
    /// Lists expenses. The filters past `date_to` are inferred.
    ListExpenses {
        id: "getExpenses", tag: "Expenses", method: Get, path: "/expenses",
        output: [Expense], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query id: String, query date_from: Date, query date_to: Date,
                   #[inferred] query user_id: u64, #[inferred] query project_id: u64, #[inferred] query category_id: String,
                   #[inferred] query r#type: ExpenseType, query page: u32, query per_page: u32],
        check: check_date_from_to,
    }
    /// Records an expense.
    CreateExpense {
        id: "createExpense", tag: "Expenses", method: Post, path: "/expenses",
        output: Expense, paged: none, status: 201, message: "Expense created successfully", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, body expense_name: String, body date: Date, body amount: f64,
                   body category_id: String],
        optional: [body project_id: u64, body note: String, body description: String,
                   body is_billable: bool, #[inferred] body user_id: u64],
        check: check_expense_amount,
    }
    /// Edits an expense (body fields as `CreateExpense`, all optional).
    UpdateExpense {
        id: "updateExpense", tag: "Expenses", method: Put, path: "/expenses/{expenseId}",
        output: Empty, paged: none, status: 200, message: "Expense updated successfully", inferred: [message],
        path_params: [expense_id: String = "expenseId"],
        required: [ws workspace_id: u64],
        optional: [#[inferred] body expense_name: String, #[inferred] body date: Date, #[inferred] body amount: f64, #[inferred] body category_id: String,
                   #[inferred] body project_id: u64, #[inferred] body note: String, #[inferred] body description: String,
                   #[inferred] body is_billable: bool, #[inferred] body user_id: u64],
        check: check_expense_amount,
    }
    /// Deletes an expense (path inferred).
    DeleteExpense {
        id: "deleteExpense", tag: "Expenses", method: Delete, path: "/expenses/{expenseId}",
        output: Empty, paged: none, status: 200, message: "Expense deleted successfully", inferred: [operation],
        path_params: [expense_id: String = "expenseId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Lists expense categories (path inferred).
    ListExpenseCategories {
        id: "getExpenseCategories", tag: "Expenses", method: Get, path: "/expenses/categories",
        output: [ExpenseCategory], paged: none, status: 200, message: "", inferred: [operation],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }

    // ---- 4.13 Reports ----
    /// Minutes per day per member and project; at most 31 days when `user_id` is given.
    GetTrackedHoursReport {
        id: "getTrackedHoursReport", tag: "Reports", method: Get, path: "/reports/tracked-hours",
        output: TrackedHoursReport, paged: none, status: 200, message: "", inferred: ["Time zones (inferred decision, core/src/zone.rs): each date is the member's own day (entries are split at the member's midnights)"],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query user_id: u64, query start_date: Date, query end_date: Date,
                   query users: Vec<u64>, query projects: Vec<u64>, query teams: Vec<u64>,
                   query titles: Vec<u64>, query currencies: Vec<String>],
        check: check_tracked_hours,
    }
    /// One day's timeline per member.
    GetDailyTimelineReport {
        id: "getDailyTimelineReport", tag: "Reports", method: Get, path: "/reports/daily-timeline",
        output: [TimelineRow], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, query date: Date],
        optional: [query user_ids: Vec<u64>, query page: u32, query per_page: u32],
        check: none,
    }
    /// Activity per member per day over at most 31 days.
    GetActivityLevelReport {
        id: "getActivityLevelReport", tag: "Reports", method: Get, path: "/reports/activity-level",
        output: ActivityLevelReport, paged: none, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, query start_date: Date, query end_date: Date],
        optional: [query contract_id: u64, query user_ids: Vec<u64>, query page: u32, query per_page: u32],
        check: check_activity_level,
    }
    /// Attendance statuses and times per member for one day.
    GetDailyAttendanceReport {
        id: "getDailyAttendanceReport", tag: "Reports", method: Get, path: "/reports/daily-attendance",
        output: [AttendanceRow], paged: 100, status: 200, message: "", inferred: ["Time zones (inferred decision, core/src/zone.rs): `arrived_at`, `left_at` and breaks are the member's wall clock, lateness against the member's own working day"],
        path_params: [],
        required: [ws workspace_id: u64, query date: Date],
        optional: [query users: Vec<u64>, query status: Vec<AttendanceFilter>,
                   query page: u32, query per_page: u32],
        check: none,
    }
    /// Time per task per member over at most 31 days.
    GetTaskReport {
        id: "getTaskReport", tag: "Reports", method: Get, path: "/reports/task-report",
        output: [TaskReportRow], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64, query start_date: Date, query end_date: Date],
        optional: [query users: Vec<u64>, query project_id: Vec<u64>, query task_id: Vec<u64>,
                   query include_no_task: bool, query page: u32, query per_page: u32],
        check: check_start_end_31,
    }
    /// Time per activity description over at most 31 days (operation inferred).
    GetActivityDescriptionsReport {
        id: "getActivityDescriptionsReport", tag: "Reports", method: Get, path: "/reports/activity-descriptions",
        output: [ActivityDescriptionRow], paged: 100, status: 200, message: "", inferred: [operation],
        path_params: [],
        required: [ws workspace_id: u64, query start_date: Date, query end_date: Date],
        optional: [query users: Vec<u64>, query projects: Vec<u64>, query page: u32, query per_page: u32],
        check: check_start_end_31,
    }

    // ---- 4.14 Webhooks ----
    /// Lists registered webhooks.
    ListWebhooks {
        id: "getWebhooks", tag: "Webhooks", method: Get, path: "/webhooks",
        output: [Webhook], paged: 100, status: 200, message: "", inferred: [],
        path_params: [],
        required: [ws workspace_id: u64],
        optional: [query page: u32, query per_page: u32],
        check: none,
    }
    /// Registers a callback URL for events; the reply's `token` is shown once.
    CreateWebhook {
        id: "createWebhook", tag: "Webhooks", method: Post, path: "/webhooks",
        output: Webhook, paged: none, status: 200, message: "Webhook created successfully", inferred: [message, "the event `task.updated` (in the reference's sample webhook, not in its create enum) is accepted"],
        path_params: [],
        required: [ws workspace_id: u64, body url: Url, body events: Vec<WebhookEvent>],
        optional: [],
        check: none,
    }
    /// Fetches one webhook.
    GetWebhook {
        id: "getWebhook", tag: "Webhooks", method: Get, path: "/webhooks/{webhookId}",
        output: Webhook, paged: none, status: 200, message: "", inferred: [],
        path_params: [webhook_id: String = "webhookId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
    /// Changes a webhook's URL and events.
    UpdateWebhook {
        id: "updateWebhook", tag: "Webhooks", method: Put, path: "/webhooks/{webhookId}",
        output: Empty, paged: none, status: 200, message: "Webhook updated successfully", inferred: [message, "the event `task.updated` (in the reference's sample webhook, not in its create enum) is accepted and kept"],
        path_params: [webhook_id: String = "webhookId"],
        required: [ws workspace_id: u64, body url: Url],
        optional: [body events: Vec<WebhookEvent>],
        check: check_webhook_events,
    }
    /// Removes a webhook.
    DeleteWebhook {
        id: "deleteWebhook", tag: "Webhooks", method: Delete, path: "/webhooks/{webhookId}",
        output: Empty, paged: none, status: 200, message: "Webhook deleted successfully", inferred: [operation, message],
        path_params: [webhook_id: String = "webhookId"],
        required: [ws workspace_id: u64],
        optional: [],
        check: none,
    }
}

// ---- Rules across fields, as the documentation states them ----

fn check_assignable_role(a: &Args) -> Result<(), ApiError> {
    match a.text("role") {
        Some(role) if !Role::ASSIGNABLE.iter().any(|r| r.as_str() == role) => {
            Err(ApiError::invalid("role", format!("must be one of: {}", assignable_roles())))
        }
        _ => Ok(()),
    }
}

/// The role as on invite; `rate_status` is 0 (rates hidden) or 1 (shown), nothing else.
fn check_member_update(a: &Args) -> Result<(), ApiError> {
    check_assignable_role(a)?;
    match a.code("rate_status") {
        Some(code) if !RateStatus::from_code(code).is_known() => Err(ApiError::invalid("rate_status", "must be 0 or 1")),
        _ => Ok(()),
    }
}

fn assignable_roles() -> String {
    Role::ASSIGNABLE.iter().map(Role::as_str).collect::<Vec<_>>().join(", ")
}

fn check_not_negative(a: &Args, fields: &[&'static str]) -> Result<(), ApiError> {
    match fields.iter().find(|f| a.number(f).is_some_and(|v| v < 0.0)) {
        Some(field) => Err(ApiError::invalid(field, "must not be negative")),
        None => Ok(()),
    }
}

/// `from..=to` in order, and at most `max_days` long.
fn dates(a: &Args, from: &str, to: &'static str, max_days: Option<i64>) -> Result<(), ApiError> {
    check_range(a.text(from), a.text(to), to, max_days)
}

fn check_project(a: &Args) -> Result<(), ApiError> {
    dates(a, "start_date", "deadline", None)?;
    check_not_negative(a, &["estimation", "budget", "rate"])
}

fn check_rate(a: &Args) -> Result<(), ApiError> {
    check_not_negative(a, &["rate"])
}

fn check_task_scope(a: &Args) -> Result<(), ApiError> {
    if !a.has("project_id") && !a.has("contract_id") {
        return Err(ApiError::invalid("project_id", "is required (or give contract_id instead)"));
    }
    Ok(())
}

/// Creating accepts the base status codes only; custom codes are for filters.
fn check_task_create(a: &Args) -> Result<(), ApiError> {
    if a.code("status").is_some_and(|s| !TaskStatus::from_code(s).is_known()) {
        return Err(ApiError::invalid("status", "must be 0, 10, 20 or 30 when creating a task"));
    }
    check_task_update(a)
}

fn check_task_update(a: &Args) -> Result<(), ApiError> {
    if a.code("priority").is_some_and(|p| !TaskPriority::from_code(p).is_known()) {
        return Err(ApiError::invalid("priority", "must be 10, 20, 30 or 40"));
    }
    dates(a, "start_date", "end_date", None)
}

fn check_start_tracking(a: &Args) -> Result<(), ApiError> {
    if a.has("task_id") && !a.has("contract_id") {
        return Err(ApiError::invalid("task_id", "needs contract_id as well"));
    }
    Ok(())
}

fn check_clock_order(a: &Args) -> Result<(), ApiError> {
    let minutes = |name| a.text(name).and_then(parse_clock);
    match (minutes("start_time"), minutes("end_time")) {
        (Some(s), Some(e)) if e <= s => Err(ApiError::invalid("end_time", "must be after start_time")),
        _ => Ok(()),
    }
}

fn check_date_from_to(a: &Args) -> Result<(), ApiError> {
    dates(a, "date_from", "date_to", None)
}

fn check_time_request(a: &Args) -> Result<(), ApiError> {
    // Same-format stamps compare as text; mixed offsets are left to the server.
    let (Some(s), Some(e)) = (a.text("start"), a.text("end")) else { return Ok(()) };
    let same_zone = s.len() == e.len() && s.get(19..) == e.get(19..);
    if same_zone && e <= s {
        return Err(ApiError::invalid("end", "must be after start"));
    }
    Ok(())
}

fn check_leave_request(a: &Args) -> Result<(), ApiError> {
    dates(a, "start", "end", None)?;
    if a.has("start_time") != a.has("end_time") {
        return Err(ApiError::invalid("end_time", "goes together with start_time (hour-based leave)"));
    }
    check_clock_order(a)?;
    match a.number("hours_per_day") {
        Some(h) if !(h > 0.0 && h <= 24.0) => Err(ApiError::invalid("hours_per_day", "must be more than 0 and at most 24")),
        _ => Ok(()),
    }
}

fn check_expense_amount(a: &Args) -> Result<(), ApiError> {
    check_not_negative(a, &["amount"])
}

const MAX_REPORT_DAYS: i64 = 31;

fn check_tracked_hours(a: &Args) -> Result<(), ApiError> {
    let max = a.has("user_id").then_some(MAX_REPORT_DAYS);
    dates(a, "start_date", "end_date", max)
}

fn check_activity_level(a: &Args) -> Result<(), ApiError> {
    check_start_end_31(a)?;
    crate::ops::check_paging(a.page("page")?, a.page("per_page")?, 100)
}

fn check_start_end_31(a: &Args) -> Result<(), ApiError> {
    dates(a, "start_date", "end_date", Some(MAX_REPORT_DAYS))
}

fn check_webhook_events(a: &Args) -> Result<(), ApiError> {
    match a.list("events") {
        Some([]) => Err(ApiError::invalid("events", "must name at least one event")),
        _ => Ok(()),
    }
}
