//! Every enumeration the API documents (catalog section 2).

string_enum! {
    /// A member's role in a workspace.
    Role {
        Owner = "Owner",
        ExecutiveManager = "Executive manager",
        ProjectManager = "Project manager",
        TeamManager = "Team manager",
        RegularUser = "Regular User",
        ProjectViewer = "Project viewer",
        /// Only on contracts (`user_role`).
        Client = "Client",
    }
}

impl Role {
    /// The roles `PUT /members/{id}` and invites accept.
    pub const ASSIGNABLE: &'static [Role] =
        &[Role::RegularUser, Role::ProjectManager, Role::TeamManager, Role::ExecutiveManager, Role::ProjectViewer];

    /// Owners and executive managers: the roles the API lets run the whole workspace.
    pub fn is_admin(&self) -> bool {
        matches!(self, Role::Owner | Role::ExecutiveManager)
    }
}

string_enum! {
    /// Status of a member or of the caller's membership in a workspace.
    MemberStatus { Active = "active", Inactive = "inactive", Left = "left", Unknown = "unknown" }
}

string_enum! {
    /// Status of a contract (a member's assignment to a project).
    ContractStatus { Active = "active", Paused = "paused" }
}

string_enum! {
    /// How screenshots are taken on a contract. Projects also show `blur`, kept as `Other`.
    ScreenshotMode {
        Full = "full",
        Blurred = "blurred",
        NoPreview = "no_preview",
        NoScreenshot = "no_screenshot",
        BackgroundBlurred = "background_blurred",
        VideoFull = "video_full",
        VideoBlurred = "video_blurred",
        VideoFullSilent = "video_full_silent",
        VideoBlurredSilent = "video_blurred_silent",
    }
}

int_enum! {
    /// Where a contract's rate comes from.
    RateType { Custom = 1 => "Custom rate", Member = 2 => "Member rate", Project = 3 => "Project rate" }
}

int_enum! {
    /// Whether a member may see rates.
    RateStatus { Hidden = 0 => "Hidden", Visible = 1 => "Visible" }
}

int_enum! {
    /// Task status. The current documentation's labels; the older edition called them
    /// Incomplete / Doing / Done / Completed. Workspaces may define custom codes (1, 2, 11, 21...).
    TaskStatus { Open = 0 => "Open", InProgress = 10 => "In Progress", Done = 20 => "Done", Closed = 30 => "Closed" }
}

int_enum! {
    /// Task priority.
    TaskPriority { Urgent = 10 => "Urgent", High = 20 => "High", Normal = 30 => "Normal", Low = 40 => "Low" }
}

string_enum! {
    /// Status of a leave request.
    LeaveStatus { Pending = "pending", Approved = "approved", Rejected = "rejected" }
}

string_enum! {
    /// `yes`/`no` as the leave endpoints spell booleans.
    YesNo { Yes = "yes", No = "no" }
}

int_enum! {
    /// Which part of a day a day-based leave takes.
    LeavePeriod { FullDay = 0 => "Full day", FirstHalf = 1 => "First half", SecondHalf = 2 => "Second half" }
}

string_enum! {
    /// Whether a leave policy counts days or hours (inferred spelling; the docs show two tabs).
    LeavePolicyKind { DayBased = "day_based", HourBased = "hour_based" }
}

string_enum! {
    /// Timesheet status. `open` (older edition) and `pending` (current edition) mean the same.
    TimesheetStatus {
        Open = "open",
        Pending = "pending",
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
    }
}

impl TimesheetStatus {
    /// Not yet submitted, in either edition's spelling.
    pub fn is_unsubmitted(&self) -> bool {
        matches!(self, TimesheetStatus::Open | TimesheetStatus::Pending)
    }
}

string_enum! {
    /// Sort order of the timesheet list (on `created_at`).
    SortOrder { Asc = "asc", Desc = "desc" }
}

string_enum! {
    /// Status of a manual-time request.
    TimeRequestStatus { Pending = "pending", Approved = "approved", Rejected = "rejected" }
}

string_enum! {
    /// Whether an expense is billed.
    ExpenseType { Billable = "billable", NonBillable = "non-billable" }
}

string_enum! {
    /// How a time entry was recorded (the API sends these labels).
    TimeEntryMethod {
        DesktopTracker = "Desktop tracker",
        MobileTracker = "Mobile tracker",
        ManuallyAdded = "Manually added time",
        ExtensionTracker = "Extension tracker",
        WebTracker = "Web tracker",
        IdleTime = "Idle time",
        PaidLeave = "Paid leave",
        Break = "Break",
        PaidHoliday = "Paid holiday",
    }
}

string_enum! {
    /// A status in the daily attendance report.
    AttendanceStatus {
        Present = "Present",
        Late = "Late",
        LeftEarly = "Left early",
        TrackedLess = "Tracked less",
        Absent = "Absent",
        OnLeave = "On leave",
        Holiday = "Holiday",
    }
}

string_enum! {
    /// A filter value of the daily attendance report.
    AttendanceFilter {
        Late = "late",
        LeftEarly = "left_early",
        TrackedLess = "tracked_less",
        Absent = "absent",
        OnLeave = "on_leave",
    }
}

string_enum! {
    /// An event a webhook can subscribe to: the reference's enum plus `task.updated` (inferred).
    WebhookEvent {
        TrackerStarted = "tracker.started",
        TrackerStopped = "tracker.stopped",
        MemberInvited = "member.invited",
        MemberUpdated = "member.updated",
        MemberDeleted = "member.deleted",
        MemberActivated = "member.activated",
        MemberArchived = "member.archived",
        ProjectCreated = "project.created",
        ProjectUpdated = "project.updated",
        ProjectDeleted = "project.deleted",
        /// Inferred: in the reference's own sample of a webhook, though not in its create enum.
        TaskUpdated = "task.updated",
    }
}
