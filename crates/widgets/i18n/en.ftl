# The widgets' messages (crates/widgets). `cargo xtask i18n` writes en-XA.ftl from this file and
# checks every catalog against the code; the part after "Shared with the panel" is webwork-ui's
# messages, kept word for word as the panel's catalog has them (the check compares them).

## What every widget says when it lacks something
widget-needs-configure = Not configured: the page must call { $call } once (the token never goes in the markup).
widget-needs-base-url = Not configured: set the base-url attribute (e.g. { $example }) or { $call }.
widget-needs-attribute = Not configured: set { $attribute } to { $what }.
widget-bad-value = Not configured: { $attribute } must be { $what }, not “{ $value }”.
widget-bad-range = Not configured: range must be this-week, last-week, this-month, last-month, last-N-days or YYYY-MM-DD..YYYY-MM-DD (at most a year), not “{ $value }”.
widget-bad-month = Not configured: month must be YYYY-MM, not “{ $value }”.
widget-what-workspace = the workspace's number
widget-what-member = the member's user id
widget-what-member-ids = user ids separated by commas
widget-what-group-by = member or project
widget-no-token = No token: call { $call } first.
widget-refused-title = Not allowed
widget-refused = The API refused this token for this widget (403): the token's role may not see it. Ask a workspace owner for access.
# Shown by webwork-widgets.js when the widgets' code cannot load at all.
widget-load-failed = This widget could not load ({ $error }).

## Durations, names and zones
format-minutes = { $minutes } min
format-hours = { $hours } h
format-hours-minutes = { $hours } h { $minutes } min
name-project = Project
name-task = Task
name-no-project = No project
name-member-number = Member #{ $id }
name-project-number = Project #{ $id }
name-unknown-member = Unknown member
name-unknown-project = Unknown project
zone-note = Times are in { $zone }.

## <webwork-timer>
timer-heading = Timer
timer-since = Tracking since { $time } ({ $zone })
timer-running-time = Running time
timer-stop = Stop
timer-stopped = Not tracking. Today: { $today }
timer-contract = Contract
timer-no-contract = No contract
timer-task = Task
timer-no-task = No task
timer-start = Start

## <webwork-team-status>
team-heading = Team status
team-summary = { $working } of { $total } working now
team-working = Working
team-not-tracking = Not tracking
team-since = { $on } · since { $time }
team-today = { $duration } today
team-empty = Nobody to show in this workspace.

## <webwork-hours-chart>
hours-heading = Tracked hours
hours-caption = Tracked hours { $from } to { $to }
hours-summary = { $hours } h in all
hours-value = { $hours } h
hours-unit = h
hours-day = Day
hours-others = Others
hours-totals = Totals
hours-empty = No tracked time in this range.

## <webwork-leave-calendar>
leave-heading = Who is away
leave-caption = Away in { $month }
leave-who = Who
leave-default-policy = Leave
leave-span = { $from } – { $to }
leave-detail = { $policy } · { $span }
leave-detail-pending = { $policy } · { $span } (pending)
leave-legend-away = away
leave-legend-pending = pending approval
leave-empty = Nobody is away in { $month }.

## <webwork-approvals>
approvals-heading = Approvals
approvals-summary = { $count } waiting
approvals-timesheet = Timesheet { $from } – { $to }
approvals-time-request = Time request { $when }
approvals-span = { $date } { $from }–{ $to }
approvals-detail-note = { $duration } · { $note }
approvals-item = { $what } of { $who }
approvals-approve = Approve
approvals-approve-item = Approve { $item }
approvals-reject = Reject
approvals-reject-item = Reject { $item }
approvals-reason = Reason (the member reads it)
approvals-confirm-rejection = Confirm rejection
approvals-cancel = Cancel
approvals-approved = Approved { $what }: { $who }.
approvals-rejected = Rejected { $what }: { $who }.
approvals-empty = Nothing is waiting for approval.

## Shared with the panel: webwork-ui's components in the widgets (error banners, loading,
## the chart, zone names); the same text as crates/admin/i18n has.
chart-bars-summary = { $title }: { $categories } categories, { $series } series, { $total } { $unit } in total, at most { $max } { $unit } in one
chart-date = Date
chart-detail = Detail
chart-end = End
chart-heat-summary = { $title }: { $days } days. { $summary }
chart-hours = Hours
chart-legend = Legend
chart-no-data = No data
chart-start = Start
chart-status = Status
chart-table-view = Table view
chart-timeline-summary = { $title }: { $lanes } lanes from { $from } to { $to }, { $hours } h tracked
chart-total = Total ({ $unit })
chart-what = What
common-loading = Loading…
common-retry = Retry
error-aborted = The request was cancelled.
error-conflict = { $message }
error-decode = The server's answer could not be read at `{ $path }`: { $message }
error-forbidden = Not allowed: { $message } Your role in this workspace may not do this.
error-http = Unexpected answer ({ $status }): { $message }
error-invalid-request = `{ $field }` { $reason }; the request was not sent.
error-network = Could not reach the server: { $message }. Check the connection and the API address; in a browser, a server that does not allow this page's origin (CORS) fails the same way.
error-not-found = Not found: { $message } It may have been deleted, or be in another workspace.
error-rate-limited = Too many requests: the budget of 60 a minute is spent. Try again in a minute.
error-rate-limited-countdown = Too many requests: the budget of 60 a minute is spent. It frees up in { $seconds } s.
error-rate-limited-countdown-retry = Too many requests: the budget of 60 a minute is spent. It frees up in { $seconds } s. This retries by itself then.
error-rate-limited-freed = Too many requests: the budget of 60 a minute was spent. It has freed up: send again.
error-rate-limited-wait = Too many requests: the budget of 60 a minute is spent. It frees up in { $seconds } s.
error-server = The server failed ({ $status }): { $message } Try again in a moment.
error-timeout = The server did not answer within { $seconds } s.
error-title-aborted = Cancelled
error-title-check-form = Please check the form
error-title-conflict = Conflict
error-title-decode = Unreadable answer
error-title-http = Unexpected answer
error-title-network = Server unreachable
error-title-not-allowed = Not allowed
error-title-not-found = Not found
error-title-rate-limited = Rate limit reached
error-title-server = Server error
error-title-signed-out = Signed out
error-title-timeout = Timed out
error-unauthorized = Not signed in: { $message } Check the access token, or sign in again.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
zone-city-time = { $city } time
