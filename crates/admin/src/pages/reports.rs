//! Reports, each a chart with its table view and an export: tracked hours (stacked bars per
//! day by project or member), the daily timeline (a bar per member across the day), activity
//! level, daily attendance (a calendar heat map of the statuses) and the task report.
//!
//! URL state: `from`/`to` (the range; this week by default), `date` (timeline), `by`
//! (`project` | `member`), `member`, `project`. Where the API allows at most 31 days (tracked
//! hours of one member, activity level) a longer range is asked in 31-day pieces and put back
//! together; where a piece per day is needed (attendance) or the pieces cannot be summed (task
//! report) ranges over 31 days are refused with a message at the picker.

use std::collections::BTreeMap;

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::export::{activity_level_rows, nested_rows, split_range, tracked_hours_rows};
use webwork_core::models::{
    ActivityLevelReport, ActivityUser, AttendanceRow, AttendanceStatus, TaskReportRow, TimelineRow, TrackedHoursReport,
};
use webwork_core::ops::{
    GetActivityLevelReport, GetDailyAttendanceReport, GetDailyTimelineReport, GetTaskReport, GetTrackedHoursReport, Operation,
};
use webwork_core::{ApiError, ApiRequest};
use webwork_ui::chart::{CalendarHeat, HeatDay, StackedBars, Timeline, TimelineLane, TimelineSpan};
use webwork_ui::daterange::{today, DateRangePicker, Preset};
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{CalendarHeatMap, EmptyState, ErrorBanner, SkeletonRows, StackedBarChart, TimelineChart};

use super::{member_options, options, project_options, PageHeader};
use crate::api::{load, use_api, Api, Resource};
use crate::export::ExportButton;
use crate::nav::{use_url_query, UrlQuery};
use crate::routes::{ReportKind, Route};

/// The API's longest range for the limited reports.
pub const MAX_DAYS: i64 = 31;

/// The reports: (kind, title, what it shows), as message ids.
pub const REPORTS: [(ReportKind, &str, &str); 5] = [
    (ReportKind::TrackedHours, msg_id("reports-tracked-hours"), msg_id("reports-tracked-hours-about")),
    (ReportKind::Timeline, msg_id("reports-timeline"), msg_id("reports-timeline-about")),
    (ReportKind::Activity, msg_id("reports-activity"), msg_id("reports-activity-about")),
    (ReportKind::Attendance, msg_id("reports-attendance"), msg_id("reports-attendance-about")),
    (ReportKind::Tasks, msg_id("reports-tasks"), msg_id("reports-tasks-about")),
];

#[component]
pub fn ReportsPage(ws: u64) -> impl IntoView {
    view! {
        <PageHeader title=t("nav-reports")/>
        <ul class="report-list">
            {REPORTS.into_iter().map(|(kind, title, about)| view! {
                <li class="card"><a href=Route::Report { ws, kind }.href()>{t(title)}</a><p class="muted">{t(about)}</p></li>
            }).collect_view()}
        </ul>
    }
}

/// What the report pages ask first ([`super::FirstRequests`]): the member select (every
/// report), the project select where there is one, and the report's reads for the URL. The list
/// of reports asks nothing.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    use crate::api::first_of_all;
    let Route::Report { ws, kind } = *route else { return Vec::new() };
    let reads = match kind {
        ReportKind::TrackedHours => [vec![super::projects_first(ws)], each(tracked_requests(query, ws), |op| op.to_request())].concat(),
        ReportKind::Timeline => vec![first_of_all(timeline_op(query, ws))],
        ReportKind::Activity => each(activity_requests(query, ws), |op| activity_page(op, 1).to_request()),
        ReportKind::Attendance => each(attendance_ops(query, ws), first_of_all),
        ReportKind::Tasks => vec![super::projects_first(ws), first_of_all(task_op(query, ws))],
    };
    [vec![super::members_first(ws)], reads].concat()
}

/// The request of each of `ops` (none when the URL's range is refused: the page says so).
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn each<O>(ops: Result<Vec<O>, ApiError>, request: impl Fn(O) -> Result<ApiRequest, ApiError>) -> super::FirstRequests {
    ops.map(|ops| ops.into_iter().map(request).collect()).unwrap_or_default()
}

/// The range in the URL (`from`, `to`), else `default` on today.
pub fn url_range(query: UrlQuery, default: Preset) -> (CivilDate, CivilDate) {
    let parse = |k: &str| query.get(k).and_then(|v| CivilDate::parse(&v).ok());
    match (parse("from"), parse("to")) {
        (Some(f), Some(t)) => (f, t),
        _ => default.range(today()).unwrap_or_else(|| (today(), today())),
    }
}

/// The range picker bound to the URL.
#[component]
pub fn UrlRangePicker(
    query: UrlQuery,
    #[prop(optional)] max_days: Option<i64>,
    #[prop(optional, into)] note: Option<Signal<String>>,
) -> impl IntoView {
    let range = Signal::derive(move || url_range(query, Preset::ThisWeek));
    let on_change =
        Callback::new(move |(f, t): (CivilDate, CivilDate)| query.set(&[("from", Some(f.to_string())), ("to", Some(t.to_string()))]));
    match (max_days, note) {
        (Some(m), Some(n)) => view! { <DateRangePicker range on_change max_days=m note=n/> }.into_any(),
        (Some(m), None) => view! { <DateRangePicker range on_change max_days=m/> }.into_any(),
        (None, Some(n)) => view! { <DateRangePicker range on_change note=n/> }.into_any(),
        (None, None) => view! { <DateRangePicker range on_change/> }.into_any(),
    }
}

fn id_param(query: UrlQuery, key: &str) -> Option<u64> {
    query.get(key).and_then(|v| v.parse().ok())
}

/// Every day of a range.
fn days_of(start: CivilDate, end: CivilDate) -> Vec<CivilDate> {
    (0..=start.days_until(end).max(-1)).map(|i| start.add_days(i)).collect()
}

/// "Mon, Mar 2" in the reader's language.
fn day_label(d: CivilDate) -> String {
    crate::format::weekday_date(d)
}

/// A select bound to one URL key, options from a loader of (id, name); `label` and `none` are
/// message ids.
fn url_select(query: UrlQuery, key: &'static str, label: &'static str, none: &'static str, opts: Resource<Vec<(u64, String)>>) -> AnyView {
    view! {
        <label>{t(label)} " "
            <select on:change=move |ev| query.set_one(key, Some(event_target_value(&ev)))>
                {move || options(Some(&t(none)), opts.ready().unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n))).into_iter().map(|(v, t)| {
                    let selected = query.text(key) == v;
                    view! { <option value=v selected=selected>{t}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// Loading, failed and empty states around a report's chart.
#[component]
fn ReportFrame<T: Clone + Send + Sync + 'static>(
    res: Resource<T>,
    is_empty: fn(&T) -> bool,
    chart: fn(T, Signal<BTreeMap<u64, String>>) -> AnyView,
    names: Signal<BTreeMap<u64, String>>,
) -> impl IntoView {
    view! {
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        <Show when=move || res.loading()><SkeletonRows rows=4 cols=4/></Show>
        {move || res.ready().map(|data| if is_empty(&data) {
            view! { <EmptyState title=t("reports-nothing-tracked") hint=t("reports-nothing-tracked-hint")/> }.into_any()
        } else {
            chart(data, names)
        })}
    }
}

/// What every report page starts with: the API, the workspace, the URL, the members (for the
/// member filter) and their names by id.
struct Ctx {
    api: Api,
    ws: u64,
    query: UrlQuery,
    members: Resource<Vec<(u64, String)>>,
    names: Signal<BTreeMap<u64, String>>,
}

fn report_ctx(ws: u64) -> Ctx {
    let api = use_api();
    let members = load(move || member_options(api, ws));
    let names = Signal::derive(move || {
        super::map_of(
            members
                .ready()
                .unwrap_or_default()
                .into_iter()
                .map(|(id, l)| (id, l.rsplit_once(" (").map_or(l.as_str(), |(n, _)| n).to_owned())),
        )
    });
    Ctx { api, ws, query: use_url_query(), members, names }
}

/// Under the picker: how a range longer than the API's 31 days is asked (when `applies`);
/// `message` is the id of the sentence, with `$max` days and `$parts`.
fn split_note(query: UrlQuery, applies: fn(UrlQuery) -> bool, message: &'static str) -> Signal<String> {
    Signal::derive(move || {
        let (f, t) = url_range(query, Preset::ThisWeek);
        let days = f.days_until(t) + 1;
        if applies(query) && days > MAX_DAYS {
            t_args(message, &[("max", MAX_DAYS.into()), ("parts", ((days + MAX_DAYS - 1) / MAX_DAYS).into())])
        } else {
            String::new()
        }
    })
}

// ---- tracked hours ----

/// The tracked-hours request(s) of the URL: one for the range, or 31-day pieces when a member
/// is chosen (the API's limit for `user_id`).
fn tracked_requests(query: UrlQuery, ws: u64) -> Result<Vec<GetTrackedHoursReport>, ApiError> {
    let (from, to) = url_range(query, Preset::ThisWeek);
    let member = id_param(query, "member");
    let pieces = match member {
        Some(_) => split_range(from, to, MAX_DAYS).map_err(|reason| ApiError::InvalidRequest { field: "end_date", reason })?,
        None => vec![(from, to)],
    };
    Ok(pieces
        .into_iter()
        .map(|(f, t)| {
            let mut op = GetTrackedHoursReport::new(ws).start_date(f).end_date(t);
            if let Some(m) = member {
                op = op.user_id(m);
            }
            if let Some(p) = id_param(query, "project") {
                op = op.projects(vec![p]);
            }
            op
        })
        .collect())
}

fn requests_of<O: Operation>(ops: Result<Vec<O>, ApiError>) -> Result<Vec<ApiRequest>, ApiError> {
    ops?.iter().map(Operation::to_request).collect()
}

/// Tracked hours as stacked bars: `(range, by member?, reports, project names)`.
type TrackedData = ((CivilDate, CivilDate), bool, Vec<TrackedHoursReport>, BTreeMap<u64, String>);

fn tracked_bars(data: &TrackedData, names: &BTreeMap<u64, String>) -> StackedBars {
    let ((from, to), by_member, reports, projects) = data;
    let days = days_of(*from, *to);
    let index: BTreeMap<String, usize> = super::map_of(days.iter().enumerate().map(|(i, d)| (d.to_string(), i)));
    let mut series: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for report in reports {
        for (date, day) in &report.dates {
            let Some(&i) = index.get(date) else { continue };
            for row in &day.users {
                let name = if *by_member {
                    names
                        .get(&row.user_id)
                        .cloned()
                        .unwrap_or_else(|| t_args("reports-member-id", &[("id", row.user_id.to_string().into())]))
                } else {
                    row.project_id
                        .map(|p| projects.get(&p).cloned().unwrap_or_else(|| t_args("reports-project-id", &[("id", p.to_string().into())])))
                        .unwrap_or_else(|| t("reports-no-project"))
                };
                series.entry(name).or_insert_with(|| vec![0.0; days.len()])[i] += row.total_minutes as f64 / 60.0;
            }
        }
    }
    StackedBars { categories: days.into_iter().map(day_label).collect(), series: series.into_iter().collect() }
}

#[component]
pub fn TrackedHoursPage(ws: u64) -> impl IntoView {
    let Ctx { api, ws, query, members, names } = report_ctx(ws);
    let projects = load(move || project_options(api, ws));
    let res = load(move || {
        let ops = tracked_requests(query, ws);
        let range = url_range(query, Preset::ThisWeek);
        let by_member = query.get("by").as_deref() == Some("member");
        let project_names: BTreeMap<u64, String> = super::map_of(projects.ready().unwrap_or_default());
        async move {
            let mut reports = Vec::new();
            for op in ops? {
                reports.push(api.send(op).await?);
            }
            Ok::<TrackedData, ApiError>((range, by_member, reports, project_names))
        }
    });
    let note = split_note(query, |q| id_param(q, "member").is_some(), msg_id("reports-split-note-member"));
    let by = move || query.get("by").unwrap_or_else(|| "project".to_owned());
    view! {
        <ReportHeader ws title=msg_id("reports-tracked-hours")/>
        <div class="filters report-filters">
            <UrlRangePicker query note/>
            <fieldset class="segmented">
                <legend>{t("reports-stack-by")}</legend>
                {[("project", msg_id("reports-project")), ("member", msg_id("reports-member"))].into_iter().map(|(v, label)| view! {
                    <label><input type="radio" name="by" value=v prop:checked=move || by() == v
                        on:change=move |_| query.set_one("by", Some(v.to_owned()))/>" " {t(label)}</label>
                }).collect_view()}
            </fieldset>
            {url_select(query, "member", msg_id("reports-member"), msg_id("reports-everyone"), members)}
            {url_select(query, "project", msg_id("reports-project"), msg_id("reports-every-project"), projects)}
            <ExportButton file="tracked-hours" rows_of=tracked_hours_rows
                requests=Callback::new(move |_| requests_of(tracked_requests(query, ws)))/>
        </div>
        <ReportFrame res names is_empty={|d: &TrackedData| d.2.iter().all(|r| r.dates.is_empty())}
            chart={|d: TrackedData, names| {
                let bars = names.with(|n| tracked_bars(&d, n));
                let total: f64 = bars.totals().iter().sum();
                // One decimal, as the chart's own numbers.
                let args = [("total", ((total * 10.0).round() / 10.0).into())];
                let title = if d.1 { t_args("reports-tracked-by-member", &args) } else { t_args("reports-tracked-by-project", &args) };
                view! { <StackedBarChart title data=bars category_header=t("reports-day") others_label=t("chart-others")/> }.into_any()
            }}/>
    }
}

#[component]
fn ReportHeader(ws: u64, title: &'static str) -> impl IntoView {
    view! {
        <a class="back" href=move || Route::Reports { ws }.href()>"← " {t("nav-reports")}</a>
        <PageHeader title=t(title)/>
    }
}

// ---- daily timeline ----

fn url_date(query: UrlQuery) -> CivilDate {
    query.get("date").and_then(|d| CivilDate::parse(&d).ok()).unwrap_or_else(|| today().add_days(-1))
}

fn timeline_op(query: UrlQuery, ws: u64) -> GetDailyTimelineReport {
    let mut op = GetDailyTimelineReport::new(ws, url_date(query));
    if let Some(m) = id_param(query, "member") {
        op = op.user_ids(vec![m]);
    }
    op
}

/// Hours since midnight of an ISO time (`2026-03-03T09:30:00+00:00` -> 9.5), as the API
/// writes it in the workspace's zone.
fn hour_of(stamp: &str) -> Option<f64> {
    let t = stamp.get(11..16)?;
    let (h, m) = t.split_once(':')?;
    Some(f64::from(h.parse::<u32>().ok()?) + f64::from(m.parse::<u32>().ok()?) / 60.0)
}

fn timeline_data(rows: &[TimelineRow]) -> Timeline {
    let mut projects: Vec<String> = Vec::new();
    let lanes = rows
        .iter()
        .filter(|r| !r.entries.is_empty())
        .map(|r| TimelineLane {
            label: r.user_name.clone(),
            spans: r
                .entries
                .iter()
                .filter_map(|e| {
                    let start = hour_of(&e.start_time)?;
                    let end = e.end_time.as_deref().and_then(hour_of).unwrap_or(start + e.duration_minutes as f64 / 60.0);
                    let project = e.project_name.clone().unwrap_or_else(|| t("reports-no-project"));
                    let series = projects.iter().position(|p| *p == project).unwrap_or_else(|| {
                        projects.push(project.clone());
                        projects.len() - 1
                    });
                    let what = [
                        Some(project),
                        e.task_title.clone(),
                        e.activity_level.map(|a| t_args("reports-span-activity", &[("percent", crate::format::percent(a / 100.0).into())])),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    Some(TimelineSpan { start, end: end.max(start), series, label: what })
                })
                .collect(),
        })
        .collect();
    Timeline { lanes, series: projects }
}

fn timeline_rows(data: serde_json::Value) -> Result<Vec<serde_json::Value>, ApiError> {
    nested_rows(data, "entries", &["user_id", "user_name", "date"])
}

#[component]
pub fn TimelinePage(ws: u64) -> impl IntoView {
    let Ctx { api, ws, query, members, names } = report_ctx(ws);
    let res = load(move || api.all(timeline_op(query, ws)));
    let set_date = move |d: CivilDate| query.set_one("date", Some(d.to_string()));
    view! {
        <ReportHeader ws title=msg_id("reports-timeline")/>
        <div class="filters report-filters">
            <button type="button" class="btn small ghost" aria-label=t("reports-previous-day") on:click=move |_| set_date(url_date(query).add_days(-1))>"‹"</button>
            <label>{t("reports-day")} " " <input type="date" prop:value=move || url_date(query).to_string()
                on:change=move |ev| if let Ok(d) = CivilDate::parse(&event_target_value(&ev)) { set_date(d) }/></label>
            <button type="button" class="btn small ghost" aria-label=t("reports-next-day") on:click=move |_| set_date(url_date(query).add_days(1))>"›"</button>
            {url_select(query, "member", msg_id("reports-member"), msg_id("reports-everyone"), members)}
            <ExportButton file="daily-timeline" rows_of=timeline_rows request=Callback::new(move |_| timeline_op(query, ws).to_request())/>
        </div>
        <ReportFrame res names is_empty={|rows: &Vec<TimelineRow>| rows.iter().all(|r| r.entries.is_empty())}
            chart={|rows: Vec<TimelineRow>, _| {
                let date = rows.first().map(|r| crate::format::date_text(&r.date)).unwrap_or_default();
                let title = t_args("reports-timeline-of", &[("date", date.into())]);
                view! { <TimelineChart title data=timeline_data(&rows) lane_header=t("reports-member")/>{crate::zone::timeline_note(&rows)} }.into_any()
            }}/>
    }
}

// ---- activity level ----

fn activity_requests(query: UrlQuery, ws: u64) -> Result<Vec<GetActivityLevelReport>, ApiError> {
    let (from, to) = url_range(query, Preset::ThisWeek);
    let pieces = split_range(from, to, MAX_DAYS).map_err(|reason| ApiError::InvalidRequest { field: "end_date", reason })?;
    Ok(pieces
        .into_iter()
        .map(|(f, t)| {
            let mut op = GetActivityLevelReport::new(ws, f, t);
            if let Some(m) = id_param(query, "member") {
                op = op.user_ids(vec![m]);
            }
            op
        })
        .collect())
}

/// A page of 100 members of an activity report.
fn activity_page(op: GetActivityLevelReport, page: u32) -> GetActivityLevelReport {
    op.page(page).per_page(100u32)
}

/// Every member of every piece (pages of 100 members), merged per member.
async fn activity_users(api: Api, ops: Vec<GetActivityLevelReport>) -> Result<Vec<ActivityUser>, ApiError> {
    let mut users: BTreeMap<u64, ActivityUser> = BTreeMap::new();
    for op in ops {
        for page in 1u32.. {
            let report: ActivityLevelReport = api.send(activity_page(op.clone(), page)).await?;
            let n = report.users.len();
            for u in report.users {
                let entry = users.entry(u.user_id).or_insert_with(|| ActivityUser {
                    user_id: u.user_id,
                    user_name: u.user_name.clone(),
                    ..ActivityUser::default()
                });
                entry.days.extend(u.days);
            }
            if n < 100 {
                break;
            }
        }
    }
    Ok(users.into_values().collect())
}

/// The duration-weighted mean over the days (what the API computes per piece).
fn average_activity(u: &ActivityUser) -> Option<f64> {
    let (mut weighted, mut minutes) = (0.0, 0.0);
    for d in &u.days {
        if let Some(a) = d.activity_level {
            weighted += a * d.tracked_minutes as f64;
            minutes += d.tracked_minutes as f64;
        }
    }
    (minutes > 0.0).then(|| weighted / minutes)
}

#[component]
pub fn ActivityPage(ws: u64) -> impl IntoView {
    let Ctx { api, ws, query, members, names } = report_ctx(ws);
    let res = load(move || {
        let ops = activity_requests(query, ws);
        async move { activity_users(api, ops?).await }
    });
    let note = split_note(query, |_| true, msg_id("reports-split-note"));
    view! {
        <ReportHeader ws title=msg_id("reports-activity")/>
        <div class="filters report-filters">
            <UrlRangePicker query note/>
            {url_select(query, "member", msg_id("reports-member"), msg_id("reports-everyone"), members)}
            <ExportButton file="activity-level" rows_of=activity_level_rows
                requests=Callback::new(move |_| requests_of(activity_requests(query, ws)))/>
        </div>
        <ReportFrame res names is_empty={|u: &Vec<ActivityUser>| u.iter().all(|u| average_activity(u).is_none())}
            chart={|users: Vec<ActivityUser>, _| {
                let rated: Vec<(String, f64)> = users.iter().filter_map(|u| Some((u.user_name.clone(), average_activity(u)?))).collect();
                let data = StackedBars {
                    categories: rated.iter().map(|(n, _)| n.clone()).collect(),
                    series: vec![(t("reports-average-activity"), rated.iter().map(|(_, a)| *a).collect())],
                };
                view! { <StackedBarChart title=t("reports-activity-title") data unit="%" category_header=t("reports-member") others_label=t("chart-others")/> }.into_any()
            }}/>
    }
}

// ---- daily attendance ----

/// Heat levels of the statuses, in legend order (the chart's `--heat-N` colours): the API's
/// name of each and its message id.
const ATTENDANCE_LEVELS: [(&str, &str); 7] = [
    ("Present", msg_id("reports-status-present")),
    ("Late", msg_id("reports-status-late")),
    ("Left early", msg_id("reports-status-left-early")),
    ("Tracked less", msg_id("reports-status-tracked-less")),
    ("Absent", msg_id("reports-status-absent")),
    ("On leave", msg_id("reports-status-on-leave")),
    ("Holiday", msg_id("reports-status-holiday")),
];

/// A status in the reader's language; one the API added later, as the API names it.
fn status_name(status: &AttendanceStatus) -> String {
    ATTENDANCE_LEVELS.iter().find(|(name, _)| *name == status.as_str()).map_or_else(|| status.as_str().to_owned(), |(_, id)| t(id))
}

/// The one level a day shows: the weightiest of its statuses.
fn attendance_level(statuses: &[AttendanceStatus]) -> Option<usize> {
    const WEIGHT: [AttendanceStatus; 7] = [
        AttendanceStatus::OnLeave,
        AttendanceStatus::Absent,
        AttendanceStatus::Holiday,
        AttendanceStatus::Late,
        AttendanceStatus::LeftEarly,
        AttendanceStatus::TrackedLess,
        AttendanceStatus::Present,
    ];
    let top = WEIGHT.iter().find(|w| statuses.contains(w))?;
    ATTENDANCE_LEVELS.iter().position(|(name, _)| *name == top.as_str())
}

fn attendance_ops(query: UrlQuery, ws: u64) -> Result<Vec<GetDailyAttendanceReport>, ApiError> {
    let (from, to) = url_range(query, Preset::ThisWeek);
    if let Some(problem) = webwork_ui::daterange::range_problem((from, to), Some(MAX_DAYS)) {
        return Err(ApiError::InvalidRequest { field: "date", reason: problem });
    }
    Ok(days_of(from, to).into_iter().map(|d| GetDailyAttendanceReport::new(ws, d)).collect())
}

/// `(member shown, every row of the range)`.
type AttendanceData = (Option<u64>, Vec<AttendanceRow>);

fn attendance_heat(member: Option<u64>, rows: &[AttendanceRow]) -> (String, CalendarHeat) {
    let who = member.or_else(|| rows.first().map(|r| r.user_id));
    let mine: Vec<&AttendanceRow> = rows.iter().filter(|r| Some(r.user_id) == who).collect();
    let name = mine.first().map(|r| r.user_name.clone()).unwrap_or_default();
    let days = mine
        .iter()
        .filter_map(|r| {
            let date = CivilDate::parse(&r.date).ok()?;
            let statuses = r.statuses.iter().map(status_name).collect::<Vec<_>>().join(", ");
            let times = match (&r.arrived_at, &r.left_at) {
                (Some(a), Some(l)) => format!(", {a}–{l}"),
                _ => String::new(),
            };
            Some(HeatDay {
                date,
                level: attendance_level(&r.statuses),
                detail: format!("{statuses}{times}, {}", crate::format::hours(r.tracked_minutes as f64 / 60.0)),
            })
        })
        .collect();
    (name, CalendarHeat { levels: ATTENDANCE_LEVELS.iter().map(|(_, id)| t(id)).collect(), days })
}

#[component]
pub fn AttendancePage(ws: u64) -> impl IntoView {
    let Ctx { api, ws, query, members, names } = report_ctx(ws);
    let res = load(move || {
        let ops = attendance_ops(query, ws);
        let member = id_param(query, "member");
        async move {
            let mut rows = Vec::new();
            for op in ops? {
                rows.extend(api.all(op).await?);
            }
            Ok::<AttendanceData, ApiError>((member, rows))
        }
    });
    let note = Signal::derive(|| t_args("reports-attendance-note", &[("max", MAX_DAYS.into())]));
    view! {
        <ReportHeader ws title=msg_id("reports-attendance")/>
        <div class="filters report-filters">
            <UrlRangePicker query max_days=MAX_DAYS note/>
            {url_select(query, "member", msg_id("reports-member"), msg_id("reports-first-member"), members)}
            <ExportButton file="daily-attendance" requests=Callback::new(move |_| requests_of(attendance_ops(query, ws)))/>
        </div>
        <ReportFrame res names is_empty={|d: &AttendanceData| d.1.is_empty()}
            chart={|(member, rows): AttendanceData, _| {
                let (name, heat) = attendance_heat(member, &rows);
                let present = rows.iter().filter(|r| r.statuses.contains(&AttendanceStatus::Present)).count();
                view! {
                    <CalendarHeatMap title=t_args("reports-attendance-of", &[("name", name.into())]) data=heat/>
                    <p class="muted">{t_args("reports-attendance-summary", &[("present", present.into()), ("days", rows.len().into())])}</p>
                }.into_any()
            }}/>
    }
}

// ---- task report ----

fn task_op(query: UrlQuery, ws: u64) -> GetTaskReport {
    let (from, to) = url_range(query, Preset::ThisWeek);
    let mut op = GetTaskReport::new(ws, from, to);
    if let Some(m) = id_param(query, "member") {
        op = op.users(vec![m]);
    }
    if let Some(p) = id_param(query, "project") {
        op = op.project_id(vec![p]);
    }
    op
}

fn task_rows(data: serde_json::Value) -> Result<Vec<serde_json::Value>, ApiError> {
    nested_rows(data, "tasks_breakdown", &["user_id", "user_name"])
}

/// Hours per task (the 12 largest, the rest as "Other tasks"), stacked by member.
fn task_bars(rows: &[TaskReportRow]) -> StackedBars {
    let mut per_task: BTreeMap<String, f64> = BTreeMap::new();
    for r in rows {
        for t in &r.tasks_breakdown {
            *per_task.entry(task_name(t)).or_insert(0.0) += t.total_minutes as f64 / 60.0;
        }
    }
    let mut ranked: Vec<(String, f64)> = per_task.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top: Vec<String> = ranked.iter().take(12).map(|(n, _)| n.clone()).collect();
    let mut categories = top.clone();
    let other = ranked.len() > top.len();
    if other {
        categories.push(t("reports-other-tasks"));
    }
    let series = rows
        .iter()
        .filter(|r| r.total_minutes > 0)
        .map(|r| {
            let mut values = vec![0.0; categories.len()];
            for t in &r.tasks_breakdown {
                let name = task_name(t);
                let i = top.iter().position(|n| *n == name).unwrap_or(categories.len() - 1);
                values[i] += t.total_minutes as f64 / 60.0;
            }
            (r.user_name.clone(), values)
        })
        .collect();
    StackedBars { categories, series }
}

fn task_name(task: &webwork_core::models::TaskTotal) -> String {
    task.task_title.clone().unwrap_or_else(|| t("reports-no-task"))
}

#[component]
pub fn TaskReportPage(ws: u64) -> impl IntoView {
    let Ctx { api, ws, query, members, names } = report_ctx(ws);
    let projects = load(move || project_options(api, ws));
    let res = load(move || {
        let op = task_op(query, ws);
        async move { api.all(op).await }
    });
    view! {
        <ReportHeader ws title=msg_id("reports-tasks")/>
        <div class="filters report-filters">
            <UrlRangePicker query max_days=MAX_DAYS/>
            {url_select(query, "member", msg_id("reports-member"), msg_id("reports-everyone"), members)}
            {url_select(query, "project", msg_id("reports-project"), msg_id("reports-every-project"), projects)}
            <ExportButton file="task-report" rows_of=task_rows request=Callback::new(move |_| task_op(query, ws).to_request())/>
        </div>
        <ReportFrame res names is_empty={|rows: &Vec<TaskReportRow>| rows.iter().all(|r| r.total_minutes == 0)}
            chart={|rows: Vec<TaskReportRow>, _| view! {
                <StackedBarChart title=t("reports-tasks-title") data=task_bars(&rows) category_header=t("reports-task") others_label=t("chart-others")/>
            }.into_any()}/>
    }
}
