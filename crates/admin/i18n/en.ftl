# The panel's texts in English: the source every other catalog translates.
# Ids are kebab-case, grouped by page (CONTRACT.md). After a change: `cargo xtask i18n`.

## The application and its frame
app-name = WebWork admin
common-skip-to-content = Skip to content
header-workspace = Workspace
header-loading-workspaces = Loading workspaces…
header-language = Language
header-sign-out = Sign out
nav-label = Sections
nav-dashboard = Dashboard
nav-tracking = Live tracking
nav-time-entries = Time entries
nav-timesheets = Timesheets
nav-time-requests = Time requests
nav-leaves = Leaves
nav-expenses = Expenses
nav-reports = Reports
nav-members = Members
nav-projects = Projects
nav-contracts = Contracts
nav-tasks = Tasks
nav-viewers = Project viewers
nav-webhooks = Webhooks
shell-not-member = You are not a member of workspace { $workspace }. Pick one of yours from the list above.
shell-workspace-name = Workspace: { $name }
shell-data-age = Data from { $age } ago
shell-data-age-refreshing = { " " }· refreshing…
shell-data-age-title = The oldest data on this page; it is fetched again when it may have changed.
shell-data-age-refreshing-title = Shown from this tab's cache while a newer answer is fetched.
home-opening = Opening your workspace…
home-no-workspace = This account belongs to no active workspace.
notfound-title = Page not found
notfound-nothing-here = There is nothing at this address.
notfound-in-workspace = There is nothing at this address in this workspace.
notfound-go-home = Go to your workspace
theme-system-dark = Theme: system (dark)
theme-system-light = Theme: system (light)
theme-light = Theme: light
theme-dark = Theme: dark

## The rate budget in the header
budget-spent = Budget spent: next request in { $seconds } s
budget-server = { $remaining }/{ $limit } left (server)
budget-unlimited = Budget: unlimited
budget-estimate = ≈ { $remaining }/{ $limit } left (our count)
budget-server-title = The server's last answer said { $remaining } of { $limit } requests are left in this minute (X-RateLimit-Remaining and X-RateLimit-Limit; these header names are inferred, the API reference does not show them).
budget-unlimited-title = This panel does not pace its requests (the API allows 60 a minute).
budget-estimate-title = An estimate: our own count of what this panel sent in the last minute ({ $remaining } of { $limit } left). The server's last answer carried no budget (X-RateLimit-Remaining and X-RateLimit-Limit; these header names are inferred, the API reference does not show them), and other tabs or apps using the same token are not counted.
budget-spent-title = No request may go now without waiting; the next one goes in { $seconds } s. { $source }
budget-wait-note = Waiting for the API's rate limit: next data in { $seconds } s
api-not-signed-in = You are not signed in.
api-lost-answer-absent = the answer was lost on the way, and the list shows nothing was saved, so sending again makes no duplicate
api-lost-answer-unsure = The answer was lost on the way, and the list cannot tell whether this was saved: look at the list before sending again.

## Shared words
common-loading = Loading…
common-retry = Retry
common-cancel = Cancel
common-confirm = Confirm
common-undo = Undo
common-dismiss = Dismiss
common-save = Save
common-saving = Saving…
common-edit = Edit
common-apply = Apply
common-clear = Clear
common-clear-selection = Clear selection
common-any = Any
common-yes = yes
common-no = no
common-unknown = unknown
common-not-set = (not set)
common-selected = { $count } selected

## Errors: a heading by kind, and a sentence with what the server said as data
error-title-check-form = Please check the form
error-title-signed-out = Signed out
error-title-not-allowed = Not allowed
error-title-not-found = Not found
error-title-conflict = Conflict
error-title-rate-limited = Rate limit reached
error-title-server = Server error
error-title-http = Unexpected answer
error-title-network = Server unreachable
error-title-timeout = Timed out
error-title-aborted = Cancelled
error-title-decode = Unreadable answer
error-invalid-request = `{ $field }` { $reason }; the request was not sent.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
error-unauthorized = Not signed in: { $message } Check the access token, or sign in again.
error-forbidden = Not allowed: { $message } Your role in this workspace may not do this.
error-not-found = Not found: { $message } It may have been deleted, or be in another workspace.
error-conflict = { $message }
error-rate-limited = Too many requests: the budget of 60 a minute is spent. Try again in a minute.
error-rate-limited-wait = Too many requests: the budget of 60 a minute is spent. It frees up in { $seconds } s.
error-rate-limited-countdown = Too many requests: the budget of 60 a minute is spent. It frees up in { $seconds } s.
error-rate-limited-countdown-retry = Too many requests: the budget of 60 a minute is spent. It frees up in { $seconds } s. This retries by itself then.
error-rate-limited-freed = Too many requests: the budget of 60 a minute was spent. It has freed up: send again.
error-server = The server failed ({ $status }): { $message } Try again in a moment.
error-http = Unexpected answer ({ $status }): { $message }
error-network = Could not reach the server: { $message }. Check the connection and the API address; in a browser, a server that does not allow this page's origin (CORS) fails the same way.
error-timeout = The server did not answer within { $seconds } s.
error-aborted = The request was cancelled.
error-decode = The server's answer could not be read at `{ $path }`: { $message }

## Forms
form-required = Required.
form-max-chars = At most { $max } characters.
form-between = Must be between { $min } and { $max }.
form-whole-number = Must be a whole number.
form-not-negative = Must not be negative.
form-number = Must be a number.
reason-too-large = Is too large.
reason-one-or-more = Must be 1 or more.
reason-zero-or-one = Must be 0 or 1.
reason-project-or-contract = Required (or choose a contract instead).
reason-task-status = A new task's status must be 0, 10, 20 or 30.
reason-task-priority = Must be 10, 20, 30 or 40.
reason-needs-contract = Needs a contract as well.
reason-after-start = Must be after the start.
reason-with-start-time = Goes together with a start time (a leave counted in hours).
reason-hours-per-day = Must be more than 0 and at most 24.
reason-one-event = Choose at least one event.
reason-url-text-long = Is longer than 255 characters (it travels in the address).
reason-url-list-long = Has more than 10 items (they travel in the address).
reason-url-item-long = Has an item longer than 255 characters (it travels in the address).
reason-text = Must be text.
reason-true-or-false = Must be yes or no.
reason-text-long = Is longer than 10,000 characters.
reason-date = Must be a date as YYYY-MM-DD.
reason-clock = Must be a time as HH:mm (00:00 to 23:59).
reason-date-time = Must be a date and time such as 2024-01-15T09:00:00Z.
reason-email = Must be an e-mail address such as name@example.com.
reason-url = Must be an http:// or https:// address.
reason-not-before-start = Must not be before the start date.
reason-end-before-start = The end date { $end } is before the start date { $start }.
reason-between-one-and = Must be between 1 and { $value }.
reason-one-of = Must be one of: { $value }.
reason-range-too-long = { $days ->
    [one] Makes a range of { $days } day; the API allows at most { $max }.
   *[other] Makes a range of { $days } days; the API allows at most { $max }.
}

## Tables, pages, date ranges, charts
table-actions = Actions
table-select-all = Select all rows on this page
table-select-row = Select { $label }
pagination-label = Pagination
pagination-previous = ‹ Previous
pagination-previous-label = Previous page
pagination-next = Next ›
pagination-next-label = Next page
pagination-page = Page { $page }
pagination-per-page = Per page
pagination-none-of = 0 of { $total }
pagination-empty-page = No items on this page
pagination-range-of = { $from }–{ $to } of { $total }
pagination-range = { $from }–{ $to }
range-label = Date range
range-this-week = This week
range-last-week = Last week
range-this-month = This month
range-last-month = Last month
range-custom = Custom
range-previous = Previous range
range-previous-key = Previous range ([)
range-next = Next range
range-next-key = Next range (])
range-start = Start
range-end = End
range-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
range-end-before-start = The end date ({ $end }) is before the start date ({ $start }).
range-too-long = This report covers at most { $max } days; the range has { $days }. Choose a shorter range.
chart-table-view = Table view
chart-legend = Legend
chart-total = Total ({ $unit })
chart-bars-summary = { $title }: { $categories } categories, { $series } series, { $total } { $unit } in total, at most { $max } { $unit } in one
chart-start = Start
chart-end = End
chart-hours = Hours
chart-what = What
chart-timeline-summary = { $title }: { $lanes } lanes from { $from } to { $to }, { $hours } h tracked
chart-no-data = No data
chart-date = Date
chart-status = Status
chart-detail = Detail
chart-heat-summary = { $title }: { $days } days. { $summary }
chart-others = Others

## Sign-in
signin-failed = Could not sign in
signin-with-webwork = Sign in with WebWork
signin-with-webwork-hint = Through this server: your WebWork account's token stays on the server, never in this browser.
signin-or-token = or use a personal access token
signin-base-url = API base URL
signin-base-url-hint = The address of API v2, ending in /api/v2.
signin-this-server = This server
signin-real-api = The real WebWork API
signin-dev-proxy = Real API via dev proxy
signin-dev-proxy-title = Under trunk serve: the real API through the dev server, so CORS does not apply
signin-token = Personal access token
signin-token-hint = Created in WebWork under Settings → REST API. The sandbox prints demo tokens, e.g. demo-owner.
signin-remember = Remember me on this device
signin-remember-hint = Keeps the token in this browser's local storage. Otherwise it is forgotten when the tab closes.
signin-submit = Sign in
signin-signing-in = Signing in…
signin-no-workspace = Signed in, but this account belongs to no active workspace.
signin-problem-token = The server did not accept this token (401). Check that it is complete and not expired, or create a new personal access token in WebWork under Settings → REST API.
signin-problem-unreachable = Could not reach { $base }. Check the address and your connection.
signin-problem-unreachable-cors = Could not reach { $base }. Check the address and your connection. The real API may also refuse calls from this page's origin (CORS): the browser then fails the same way. Run the panel behind the dev proxy instead (README, "Dev proxy").
signin-problem-not-api = { $base } answered 404: this does not look like the API v2 base URL (it ends in /api/v2).
reauth-title = Sign in again
reauth-message = Your session has ended. Sign in again to carry on: this page and anything you typed stay as they are; send the form again once you are back.
reauth-waiting = Waiting for the sign-in window…
reauth-popup-blocked = The browser blocked the sign-in window. Allow pop-ups for this site, or sign out and sign in again.
reauth-sign-out = Sign out instead
refused-title = The WebWork API does not open this workspace to your role
refused-role = The API is open to workspace owners and executive managers only. Your role in { $workspace } is { $role }, so none of its pages can load.
refused-workspace = workspace { $workspace }
refused-server-said = The server said:
refused-ask-owner = Ask the workspace's owner to make you an executive manager, or sign in with an owner's or executive manager's account.
refused-workspaces = Workspaces you can manage:
refused-other-account = Sign in with another account
signedin-title = You are signed in
signedin-close = You can close this window and go back to the panel.
signedin-open-here = Open the panel here

## Members
role-owner = Owner
role-executive-manager = Executive manager
role-project-manager = Project manager
role-team-manager = Team manager
role-regular-user = Regular User
role-project-viewer = Project viewer
role-client = Client
member-status-active = active
member-status-inactive = inactive
member-status-left = left
member-status-unknown = unknown
members-title = Members
members-archived-title = Archived members
members-invite = Invite member
members-tabs-label = Which members
members-tab-current = Current
members-tab-archived = Archived
members-search = Search
members-search-placeholder = Name, e-mail or title
members-email-exact = E-mail (exact)
members-email-placeholder = name@example.com
members-search-hint = Search and the archived view read every page of the list (100 members a request) and page the result here.
members-selected-label = Selected members
members-restore-selected = Restore selected
members-archive-selected = Archive selected
members-col-name = Name
members-col-email = E-mail
members-col-role = Role
members-col-status = Status
members-col-team = Team
members-col-title = Title
members-status-archived = { $status } · archived
members-restore = Restore
members-restore-name = Restore { $name }
members-archive = Archive
members-archive-name = Archive { $name }
members-empty = No members match
members-empty-archived = No archived members
members-empty-hint = Change the filters, or invite someone.
members-archive-title = { $count ->
    [one] Archive this member?
   *[other] Archive { $count } members?
}
members-archive-confirm-one = { $name } loses access to this workspace. You can restore them later from the archived view.
members-archive-confirm-many = { $count } members lose access to this workspace. You can restore them later from the archived view.
members-archived-one = Archived { $name }.
members-archived-many = Archived { $count } members.
members-archive-failed = { $count ->
    [one] Could not archive 1 member: { $error }
   *[other] Could not archive { $count } members: { $error }
}
members-restored = { $count ->
    [one] Restored 1 member.
   *[other] Restored { $count } members.
}
members-restore-failed = { $count ->
    [one] Could not restore 1 member: { $error }
   *[other] Could not restore { $count } members: { $error }
}
members-restore-failed-any = Could not restore: { $error }
member-back = Member
member-archived-banner = This member is archived: they cannot reach the workspace until restored.
member-archive-confirm = { $name } loses access to this workspace. You can restore them later.
member-id = ID
member-first-name = First name
member-last-name = Last name
member-avatar = Avatar
member-time-zone = Time zone
member-time-zone-placeholder = Europe/Berlin
member-time-zone-hint = Start typing a city or region; the list has every zone this browser knows.
member-preferred-time-zone = Preferred time zone
member-titles = Titles
member-birth-date = Birth date
member-hired = Hired
member-max-inactive = Max inactive minutes
member-currency = Currency
member-rate = Rate
member-rate-type = Rate type
member-rate-visibility = Rate visibility
member-rate-visibility-hint = Whether this member may see rates and amounts.
member-rate-hidden = Hidden
member-rate-visible = Visible
member-tax-country = Tax country
member-tax-state = Tax state
member-blocked = Blocked
member-weekly-hours = Weekly hours limit
member-weekly-hours-hint = 0 to 168.
member-screenshots = Screenshots
member-created = Created
member-updated = Updated
member-archived = Archived
member-owner-role = Role: Owner. The workspace owner's role cannot change.
member-remove-avatar = Remove the avatar
member-saved = Member saved.
member-edit-title = Edit { $name }
invite-title = Invite a member
invite-submit = Send invitation
invite-sending = Sending…
invite-sent = Invitation sent
invite-link = They can also join with this link:
invite-copy-link = Copy link
invite-view-member = View member

## Reports
reports-tracked-hours = Tracked hours
reports-tracked-hours-about = Hours per day, stacked by project or member.
reports-timeline = Daily timeline
reports-timeline-about = Each member's tracked time across one day.
reports-activity = Activity level
reports-activity-about = Average activity per member over a range.
reports-attendance = Daily attendance
reports-attendance-about = Present, late, absent or on leave, day by day.
reports-tasks = Task report
reports-tasks-about = Time per task over a range.
reports-stack-by = Stack by
reports-day = Day
reports-member = Member
reports-project = Project
reports-task = Task
reports-everyone = Everyone
reports-every-project = Every project
reports-first-member = First member
reports-previous-day = Previous day
reports-next-day = Next day
reports-member-id = member { $id }
reports-project-id = project { $id }
reports-no-project = (no project)
reports-no-task = (no task)
reports-other-tasks = Other tasks
reports-nothing-tracked = Nothing tracked
reports-nothing-tracked-hint = No time in this range with these filters.
reports-split-note = The API gives at most { $max } days at a time: this range is asked in { $parts ->
    [one] { $parts } part.
   *[other] { $parts } parts.
}
reports-split-note-member = For one member the API gives at most { $max } days at a time: this range is asked in { $parts ->
    [one] { $parts } part.
   *[other] { $parts } parts.
}
reports-tracked-by-project = Tracked hours by project: { $total } h
reports-tracked-by-member = Tracked hours by member: { $total } h
reports-timeline-of = Timeline of { $date }
reports-span-activity = activity { $percent }
reports-average-activity = Average activity
reports-activity-title = Average activity per member
reports-status-present = Present
reports-status-late = Late
reports-status-left-early = Left early
reports-status-tracked-less = Tracked less
reports-status-absent = Absent
reports-status-on-leave = On leave
reports-status-holiday = Holiday
reports-attendance-note = One request per day: at most { $max } days.
reports-attendance-of = Attendance of { $name }
reports-attendance-summary = All members: { $present ->
    [one] { $present } present day
   *[other] { $present } present days
} of { $days ->
    [one] { $days } member-day.
   *[other] { $days } member-days.
}
reports-tasks-title = Hours per task, by member

## Export
export-csv = Export CSV
export-json = Export JSON
export-progress = Export progress
export-rows = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
export-rows-of = { $rows } of { $total } rows
export-almost-done = almost done
export-seconds-left = about { $seconds } s left
export-minutes-left = about { $minutes } min { $seconds } s left
export-done = { $rows ->
    [one] Exported { $rows } row to { $file }.
   *[other] Exported { $rows } rows to { $file }.
}
export-save-failed = Could not save { $file }: { $error }
export-browser-refused = the browser refused the download: { $reason }
export-no-reason = no reason given
export-no-document = no document
export-cancelled = Export cancelled.

## Webhooks
common-delete = Delete
webhooks-col-url = URL
webhooks-col-events = Events
webhooks-delete-name = Delete the webhook for { $url }
webhooks-deleted = Deleted the webhook for { $url }.
webhooks-delete-failed = Could not delete the webhook: { $error }
webhooks-empty = No webhooks
webhooks-empty-hint = A webhook calls your URL when members, projects or trackers change.
webhooks-delete-title = Delete this webhook?
webhooks-delete-confirm = { $url } gets no more events.
webhooks-events-required = Choose at least one event.
webhooks-inferred = (inferred)
webhooks-inferred-title = Not in the reference's list of events
webhooks-new-title = New webhook
webhooks-created = Webhook created
webhooks-created-token = Deliveries to { $url } carry this token in the X-Webhook-Token header. Copy it now: it is shown only this once.
webhooks-url-placeholder = https://hooks.example.com/webwork
webhooks-url-hint = An http:// or https:// address that accepts POST requests.
webhooks-create = Create webhook
webhooks-creating = Creating…
webhooks-saved = Webhook saved.
webhooks-edit-title = Edit webhook

## Projects
projects-as-saved = { $mode } (as saved)
projects-tags = Tags
projects-tags-placeholder = design, client-a
projects-tags-hint = Separate tags with commas; new ones are created.
projects-billable = Billable
projects-billable-hint = Time on a billable project is billed at its rate.
projects-deadline = Deadline
projects-start-date = Start date
projects-estimation = Estimation (hours)
projects-budget = Budget
projects-rate-per-hour = Rate (per hour)
projects-screenshot-mode = Screenshot mode
projects-notes = Notes
projects-new = New project
projects-create = Create project
projects-name-contains = Name contains
projects-name-placeholder = Any part of the name
projects-empty = No projects
projects-empty-hint = Create one, or change the name filter.
projects-archive-title = Archive this project?
projects-archive-confirm = { $name } leaves the lists and takes no more time. The API has no way to restore a project.
projects-archive-failed = Could not archive { $name }: { $error }
projects-saved = Project saved.
projects-created = Created { $name }.
projects-summary = Project { $id } · { $contracts ->
    [one] { $contracts } contract
   *[other] { $contracts } contracts
} · created { $created }

## Project viewers
viewers-new = New viewer
viewers-new-title = New project viewer
viewers-create = Create viewer
viewers-created = Created { $name }. Assign projects next.
viewers-restored = Viewer restored.
viewers-tabs-label = Which viewers
viewers-empty = No project viewers
viewers-empty-archived = No archived viewers
viewers-empty-hint = Viewers are clients who may see some projects, read-only.
viewers-assigned = Project assigned.
viewers-unassigned = Project unassigned.
viewers-member-since = Member since
viewers-projects-seen = Projects this viewer sees
viewers-unassign = Unassign
viewers-unassign-name = Unassign { $project }
viewers-add-project = Add a project
viewers-choose-project = Choose a project
viewers-assign = Assign
viewers-none-yet = None yet.
webhooks-copy-token = Copy token
webhooks-id = Webhook
common-done = Done

## Contracts
contracts-member = Member
contracts-project = Project
contracts-member-id = member { $id }
contracts-on-project = { $member } on { $project }
contracts-rate-with-type = { $rate } ({ $type })
contracts-rate-custom = Custom rate
contracts-rate-member = Member rate
contracts-rate-project = Project rate
contracts-status-active = active
contracts-status-paused = paused
contracts-server-default = (server default)
contracts-paused = Paused { $name }.
contracts-activated = Activated { $name }.
contracts-change-failed = Could not change { $name }: { $error }
contracts-hours-week = Hours / week
contracts-activate = Activate
contracts-pause = Pause
contracts-activate-name = Activate the contract of { $name }
contracts-pause-name = Pause the contract of { $name }
contracts-delete-name = Delete the contract of { $name }
contracts-deleted = Deleted the contract of { $name }.
contracts-delete-failed = Could not delete the contract: { $error }
contracts-new = New contract
contracts-create = Create contract
contracts-empty = No contracts match
contracts-empty-hint = A contract puts a member on a project.
contracts-delete-title = Delete this contract?
contracts-delete-confirm = { $name } can no longer track time on this project.
contracts-saved = Contract saved.
contracts-created = Contract created.
contracts-choose-member = Choose a member
contracts-rate-type-hint = A custom rate for this contract, the member's rate, or the project's rate.
contracts-weekly-hours-hint = 0 to 168; 168 when left empty.
contracts-title = Contract { $id }

## Tasks
tasks-task = Task
tasks-priority = Priority
tasks-assignees = Assignees
tasks-due = Due
tasks-due-date = Due date
tasks-title = Title
tasks-description = Description
tasks-status-open = Open
tasks-status-in-progress = In Progress
tasks-status-done = Done
tasks-status-closed = Closed
tasks-priority-urgent = Urgent
tasks-priority-high = High
tasks-priority-normal = Normal
tasks-priority-low = Low
tasks-no-priority = (none)
tasks-new = New task
tasks-create = Create task
tasks-saved = Task saved.
tasks-created = Task created.
tasks-delete-name = Delete { $title }
tasks-deleted = Deleted { $title }.
tasks-delete-failed = Could not delete { $title }: { $error }
tasks-choose-project-first = choose a project first: tasks are listed per project
tasks-no-projects = No projects yet
tasks-no-projects-hint = Tasks belong to a project: create one first.
tasks-empty = No tasks match
tasks-empty-hint = Change the filters, or add a task.
tasks-delete-title = Delete this task?
tasks-delete-confirm = { $title } is removed from the project.
tasks-nobody = Nobody has a contract on this project yet.
tasks-page-title = Task: { $title }

## Expenses
expenses-new = New expense
expenses-views = Expense views
expenses-categories = Categories
expenses-expense = Expense
expenses-category = Category
expenses-type = Type
expenses-amount = Amount
expenses-type-billable = billable
expenses-type-non-billable = non-billable
expenses-no-category = (no category)
expenses-totals = { $count ->
    [one] { $count } expense, { $total } in total
   *[other] { $count } expenses, { $total } in total
}
expenses-totals-page = { $count ->
    [one] This page: { $count } expense, { $total } in total
   *[other] This page: { $count } expenses, { $total } in total
}
expenses-totals-label = Totals
expenses-totals-partial = (the filters match more than can be summed quickly; narrow them for a full total)
expenses-filter = Filter expenses
expenses-from = From
expenses-to = To
expenses-anyone = Anyone
expenses-any-project = Any project
expenses-any-category = Any category
expenses-any-type = Any type
expenses-empty = No expenses
expenses-empty-hint = Change the filters, or record one.
expenses-delete-title = Delete this expense?
expenses-delete-confirm = { $name } is removed from the lists and totals.
expenses-saved = Expense saved.
expenses-recorded = Recorded { $name }.
expenses-choose-category = Choose a category
expenses-me = (me)
expenses-member-hint = Whose expense it is; yourself when empty.
expenses-note = Note
expenses-record = Record expense
expenses-not-found = There is no expense { $id } in this workspace.
expenses-summary = { $member } · { $amount } · added { $added }

## What the time pages share
time-duration-minutes = { $sign }{ $minutes } min
time-duration-hours = { $sign }{ $hours } h { $minutes } min
time-hours = { $hours } h
time-clock-invalid = A time as HH:mm, 00:00 to 23:59.
time-start-not-date = The start date is not a date (YYYY-MM-DD).
time-end-not-date = The end date is not a date (YYYY-MM-DD).
time-end-before-start = The end date is before the start date.
time-range-too-long = { $max ->
    [one] At most { $max } day
   *[other] At most { $max } days
} at a time; this range has { $days }.
time-updated = Updated { $seconds } s ago.
time-reading = Reading…
time-refresh-now = Refresh now
time-member-fallback = member { $id }
time-project-fallback = project { $id }
time-status = { $status ->
    [any] any
    [pending] pending
    [submitted] submitted
    [approved] approved
    [rejected] rejected
    [unsubmitted] unsubmitted
    [cancelled] cancelled
   *[other] { $status }
}
time-status-label = Status
time-from = From
time-to = To
time-apply-dates = Apply dates
time-contract = Contract
time-contract-hint = The member's active contracts, by project.
time-choose-member-first = Choose a member first
time-no-contract = No contract (no project)
time-task = Task
time-no-task = No task
time-date = Date
time-start = Start
time-end = End
time-end-hint = HH:mm, after the start.
time-in-all = { $duration } in all.
time-anyone = Anyone

## Timesheets
timesheets-waiting = { $count } waiting for approval
timesheets-whose = { $who }'s timesheet { $period }
timesheets-no-project = No project
timesheets-breakdown-label = Daily breakdown of { $member }'s timesheet
timesheets-breakdown-summary = { $duration } in all · status { $status }
timesheets-rejected-reason = { " " }· rejected: { $reason }
timesheets-no-time = No time in this period.
timesheets-project = Project
timesheets-total = Total
timesheets-day-total = Day total
timesheets-member = Member
timesheets-period = Period
timesheets-submitted = Submitted
timesheets-reason = Reason
timesheets-approve = Approve
timesheets-approve-who = Approve { $who }
timesheets-approved-who = Approved { $who }.
timesheets-unsubmit = Unsubmit
timesheets-unsubmit-who = Unsubmit { $who }
timesheets-unsubmitted-who = Unsubmitted { $who }.
timesheets-submit = Submit
timesheets-submit-who = Submit { $who }
timesheets-submitted-who = Submitted { $who }.
timesheets-change-failed = Could not change { $who }
timesheets-reject = Reject
timesheets-reject-who = Reject { $who }
timesheets-rejected-who = Rejected { $who }.
timesheets-reject-failed = Could not reject { $who }
timesheets-breakdown = Breakdown
timesheets-entries = Entries
timesheets-approved-count = { $count ->
    [one] Approved { $count } timesheet.
   *[other] Approved { $count } timesheets.
}
timesheets-approved-some = Approved { $count }; { $failed } could not be approved ({ $errors }).
timesheets-status-waiting = submitted (waiting for approval)
timesheets-selected-region = Selected timesheets
timesheets-selected-submitted = { $count } selected, { $submitted } of them submitted
timesheets-approve-selected = Approve selected
timesheets-empty-waiting = Nothing waits for approval
timesheets-empty = No timesheets match
timesheets-empty-hint = Change the status, member or period.
timesheets-reject-title = Reject this timesheet?
timesheets-reject-message = { $who } goes back to the member with your reason.
timesheets-approve-title = Approve the selected timesheets?
timesheets-approve-message = { $count ->
    [one] { $count } submitted timesheet is approved; its entries can no longer be edited.
   *[other] { $count } submitted timesheets are approved; their entries can no longer be edited.
}

## Time requests
time-requests-whose = { $who }'s request of { $when }
time-requests-approved = Approved { $who }; its time entry was written.
time-requests-approve-failed = Could not approve { $who }: { $error }
time-requests-reject-failed = Could not reject { $who }: { $error }
time-requests-when = When
time-requests-duration = Duration
time-requests-description = Description
time-requests-comment = Comment
time-requests-entry = Entry
time-requests-new = Request time for a member
time-requests-wait-loaded = wait until the list has loaded
time-requests-status-waiting = pending (waiting for approval)
time-requests-empty-waiting = No request waits for approval
time-requests-empty = No requests match
time-requests-empty-hint = The window is on the day the requested time starts.
time-requests-reject-title = Reject this request?
time-requests-reject-message = { $who } is refused; the member sees your comment.
time-requests-filed = Time request filed; it waits for approval.
time-requests-choose-member = Choose a member
time-requests-activity = Activity description
time-requests-file = File request
time-requests-filing = Filing…

## Time zones of the time pages
zone-time = Time
zone-clock-hint = HH:mm, 24-hour, on the member's clock.
zone-city-time = { $city } time
zone-running = running
zone-member-mode = Times are in the member's zone: { $zone }.
zone-viewer-mode = Times are in your zone: { $zone }. Days and day totals are the member's days.
zone-show-viewer = Show in my zone ({ $zone })
zone-show-member = Show in the member's zone
zone-days-note = Days and day totals are the member's days ({ $zone }).
zone-timeline = Times are on the workspace owner's clock, as the API answers ({ $offset }).

## Leaves
leaves-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
leaves-period = { $code ->
    [0] Full day
    [1] First half
    [2] Second half
   *[other] { $label }
}
leaves-period-inline = { $code ->
    [0] full day
    [1] first half
    [2] second half
   *[other] { $label }
}
leaves-tab-requests = Requests
leaves-tab-calendar = Calendar
leaves-tab-balances = Balances
leaves-tab-policies = Policies
leaves-request = Request leave
leaves-requesting = Requesting…
leaves-views = Leave views
leaves-approved = Approved the leave of { $who }.
leaves-approve-failed = Could not approve the leave of { $who }: { $error }
leaves-approve-who = Approve the leave of { $who }
leaves-reject-who = Reject the leave of { $who }
leaves-rejected = Rejected the leave of { $who }.
leaves-type = Type
leaves-dates = Dates
leaves-amount = Amount
leaves-any-status = Any status
leaves-any-type = Any type
leaves-filter = Filter leave requests
leaves-reject-form = Reject leave
leaves-reason-hint = Shown to the member.
leaves-requests = Leave requests
leaves-row = leave { $id }
leaves-empty = No leave requests
leaves-empty-hint = Change the filters, or request leave.
leaves-previous-month = ‹ Previous month
leaves-next-month = Next month ›
leaves-away-in = Who is away in { $month }
leaves-pending-mark = { " " }· pending
leaves-previous-year = ‹ Previous year
leaves-next-year = Next year ›
leaves-balances-year = Balances { $year }
leaves-balances-caption = Leave balances: allowance left in the year
leaves-policies = Leave policies
leaves-counts = Counts
leaves-paid = Paid
leaves-allowance = Allowance a year
leaves-counts-hours = hours
leaves-counts-days = days
leaves-allowance-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
leaves-unlimited = unlimited
leaves-requested = Leave requested.
leaves-leave-type = Leave type
leaves-choose-type = Choose a type
leaves-first-day = First day
leaves-last-day = Last day
leaves-part-of-day = Part of the day
leaves-part-of-day-hint = Half days count as 0.5.
leaves-hours-per-day = Hours per day
leaves-hours-per-day-hint = Empty: the span from–to.
leaves-working-days = Working days (Monday to Friday) count; the request waits for approval.

## Time entries
time-entries-locked-approved-on = In the approved timesheet of { $from } – { $to }, approved { $on }.
time-entries-locked-in = In the approved timesheet of { $from } – { $to }.
time-entries-locked = An approved timesheet covers this day.
time-entries-locked-badge = Locked
time-entries-method = Method
time-entries-edit-when = Edit the entry of { $when }
time-entries-delete-when = Delete the entry of { $when }
time-entries-deleted = Deleted the entry of { $when }.
time-entries-delete-failed = Could not delete the entry: { $error }
time-entries-add = Add time
time-entries-choose-member-first = choose a member first
time-entries-any-project = Any project
time-entries-empty = No time in these days
time-entries-empty-hint = The API lists one member's time at a time; pick the member and the days.
time-entries-total = { $count ->
    [one] { $count } entry, { $duration } in all.
   *[other] { $count } entries, { $duration } in all.
}
time-entries-delete-title = Delete this time entry?
time-entries-delete-message = The entry of { $when } ({ $duration }) is removed for good.
time-entries-saved = Time entry saved.
time-entries-saved-part = Saved { $saved } of { $asked }: the rest overlapped time already recorded.
time-entries-added = Added { $duration }.
time-entries-clock-hint = HH:mm, 24-hour.
time-entries-project-contract = Project (contract)
time-entries-notes-placeholder = What was done

## Live tracking
tracking-tracking = tracking
tracking-since = since { $since }
tracking-since-for = since { $since } ({ $duration })
tracking-stopped = Stopped { $name }'s tracker: { $duration } written ({ $span }).
tracking-stopped-short = Stopped { $name }'s tracker. It ran under a minute, so no time entry was written.
tracking-stop-failed = Could not stop { $name }'s tracker: { $error }
tracking-tracker = Tracker
tracking-unknown = unknown: { $problem }
tracking-not-tracking = not tracking
tracking-on = On
tracking-today = Today
tracking-stop = Stop
tracking-stop-who = Stop { $name }'s tracker
tracking-start-for = Start a tracker for { $name }
tracking-summary = { $running } tracking now among the { $checked ->
    [one] { $checked } member
   *[other] { $checked } members
} on screen ({ $all } in all; the API reads one tracker per request).
tracking-name-placeholder = Name or e-mail
tracking-only-running = Only members tracking now
tracking-none-can-track = No member can track time
tracking-none-can-track-hint = Active members who are not project viewers appear here.
tracking-trackers = Trackers
tracking-no-match = No member matches
tracking-no-match-hint = Change the name filter, show members who are not tracking, or show more members.
tracking-show-more = Show { $count } more ({ $left } not shown)
tracking-started-on = Started { $name }'s tracker on { $project } at { $at }.
tracking-started = Started { $name }'s tracker at { $at }.
tracking-activity-placeholder = What they are working on
tracking-start-tracker = Start tracker
tracking-starting = Starting…

## Dashboard
dashboard-change = { $sign }{ $percent } % from Monday to yesterday, against the same days last week
dashboard-last-week-same = Last week: { $same } on the same days, { $all } in all.
dashboard-last-week = Last week: { $all } in all.
dashboard-leave = Leave
dashboard-tracking-now = Tracking now
dashboard-trackers-read = Trackers read in the last 5 minutes: { $read } of { $members ->
    [one] { $members } member
   *[other] { $members } members
} (yours, and the rows shown on Live tracking). The API reads one tracker per request; Live tracking shows the others.
dashboard-hours-today = Hours today
dashboard-hours-today-hint = Everyone's closed time today, plus the running trackers of Tracking now.
dashboard-this-week = This week
dashboard-monday-to-today = Monday to today ({ $today }), closed time.
dashboard-waiting = Waiting for approval
dashboard-pending-timesheets = { $count ->
    [one] { " " }timesheet
   *[other] { " " }timesheets
}
dashboard-pending-time-requests = { $count ->
    [one] { " " }time request
   *[other] { " " }time requests
}
dashboard-pending-leaves = { $count ->
    [one] { " " }leave request
   *[other] { " " }leave requests
}
dashboard-on-leave = On leave today
dashboard-nobody-on-leave = Nobody is on leave today.
