//! Time entries of one member over a range of days (the API lists one member's day per
//! request, so the range is at most 31 days), optionally of one project; add, edit and delete
//! manual entries; entries inside an approved timesheet are locked and say which one.
//! URL state: `member`, `from`, `to` (default: the API's week so far), `project`, `page`,
//! `per_page`.

use futures_util::future::join_all;
use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Contract, Member, TimeEntry, Timesheet, TimesheetStatus};
use webwork_core::ops::{CreateTimeEntry, DeleteTimeEntry, ListTimeEntries, ListTimesheets, Operation, UpdateTimeEntry};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, ConfirmDialog, ErrorBanner, FieldState, Form, SubmitButton, TextField, Toaster};

use super::time_common::{
    clock_of, duration_text, member_directory, range_dates, server_today, url_select, Days, SpanFields, SpanRow, WorkPicker,
};
use super::{local_page, opt, project_options, Allowed, ListFrame, PageHeader};
use crate::api::{load, save, use_api};
use crate::export::ExportButton;
use crate::nav::use_url_query;
use crate::routes::Route;

/// The longest range listed at once (a request per day).
pub const MAX_DAYS: i64 = 31;

/// An entry with why it cannot be changed, if it cannot.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRow {
    pub entry: TimeEntry,
    pub locked: Option<String>,
}

/// Why an entry of `date` is locked: an approved timesheet covers its day (the entry's own
/// `locked` flag, or the timesheets of the range say so).
pub fn lock_reason(entry: &TimeEntry, approved: &[Timesheet]) -> Option<String> {
    let day = CivilDate::parse(&entry.date).ok();
    let sheet = approved.iter().find(|t| {
        let from = t.date_from.as_deref().and_then(|d| CivilDate::parse(d).ok());
        let to = t.date_to.as_deref().and_then(|d| CivilDate::parse(d).ok());
        matches!((day, from, to), (Some(d), Some(f), Some(to)) if f <= d && d <= to)
    });
    match sheet {
        Some(t) => {
            let (from, to) = (opt(&t.date_from), opt(&t.date_to));
            Some(match t.approved_on.as_deref() {
                Some(a) => t_args(
                    "time-entries-locked-approved-on",
                    &[("from", from.into()), ("to", to.into()), ("on", a.get(..10).unwrap_or(a).into())],
                ),
                None => t_args("time-entries-locked-in", &[("from", from.into()), ("to", to.into())]),
            })
        }
        None if entry.locked => Some(webwork_ui::i18n::t("time-entries-locked")),
        None => None,
    }
}

/// The range the page shows: the URL's, or the API's week so far.
async fn range_of(api: crate::api::Api, ws: u64, from: Option<String>, to: Option<String>) -> Result<Days, ApiError> {
    match (from, to) {
        (None, None) => Ok(Days::week_so_far(server_today(api, ws).await?)),
        (f, t) => {
            let today = server_today(api, ws).await?;
            let f = f.unwrap_or_else(|| today.week_start().to_string());
            let t = t.unwrap_or_else(|| today.to_string());
            Days::parse(&f, &t, MAX_DAYS).map_err(|reason| ApiError::InvalidRequest { field: "date", reason })
        }
    }
}

/// All members as filter options, by name.
fn member_choices(members: &[Member]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = members.iter().map(|m| (m.id.to_string(), m.full_name())).collect();
    super::sort_by_name(&mut v, |(_, name)| name.clone());
    v
}

/// What Time entries asks first ([`super::FirstRequests`]): the member and project selects. The
/// entries and the approved timesheets are not: their range waits for the API's today.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, _: crate::nav::UrlQuery) -> super::FirstRequests {
    let Route::TimeEntries { ws } = *route else { return Vec::new() };
    vec![super::members_first(ws), super::projects_first(ws)]
}

#[component]
pub fn TimeEntriesPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let toaster = expect_context::<Toaster>();
    let range = RwSignal::new(None::<Days>);
    // Minutes of every entry in the range (the table shows one page of them).
    let sum = RwSignal::new(0i64);
    let members = load(move || member_directory(api, ws));
    let projects = load(move || project_options(api, ws));
    let member = Memo::new(move |_| query.get("member").and_then(|v| v.parse::<u64>().ok()).unwrap_or(0));
    let res = load(move || {
        let m = member.get();
        let (from, to, project) = (query.get("from"), query.get("to"), query.get("project").and_then(|p| p.parse::<u64>().ok()));
        let (page, per) = (query.page(), query.per_page());
        async move {
            let days = range_of(api, ws, from, to).await?;
            range.set(Some(days));
            if m == 0 {
                return Ok(local_page(Vec::new(), 1, per));
            }
            let reads = days.each().into_iter().map(|d| {
                let mut op = ListTimeEntries::new(ws, m, d.to_string());
                if let Some(p) = project {
                    op = op.project_id(p);
                }
                api.all(op)
            });
            let sheets =
                api.all(ListTimesheets::new(ws).user_id(m).status(TimesheetStatus::Approved).date_from(days.from).date_to(days.to));
            let (days_read, sheets) = futures_util::join!(join_all(reads), sheets);
            let sheets = sheets?;
            let mut rows = Vec::new();
            for day in days_read {
                for entry in day? {
                    let locked = lock_reason(&entry, &sheets);
                    rows.push(EntryRow { entry, locked });
                }
            }
            sum.set(rows.iter().map(|r| r.entry.duration_minutes).sum());
            // NUL sorts first, so the joined key orders as the pair (date, start) would.
            super::sort_by_text(&mut rows, |r| format!("{}\u{0}{}", r.entry.date, r.entry.start_time));
            Ok(local_page(rows, page, per))
        }
    });
    // The open form: `Some(None)` adds an entry, `Some(Some(e))` edits `e`.
    let editing = RwSignal::new(None::<Option<TimeEntry>>);
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new(None::<TimeEntry>);
    let columns = vec![
        crate::zone::date_column(|r: &EntryRow| &r.entry),
        crate::zone::time_column(|r: &EntryRow| &r.entry),
        Column::text("time-requests-duration", |r: &EntryRow| duration_text(r.entry.duration_minutes)).class("num dur"),
        Column::text("timesheets-project", |r: &EntryRow| opt(&r.entry.project_name)),
        Column::text("time-task", |r: &EntryRow| opt(&r.entry.task_title)).class("hide-md"),
        Column::text("time-requests-description", |r: &EntryRow| opt(&r.entry.activity_description)).class("hide-sm"),
        Column::text("time-entries-method", |r: &EntryRow| r.entry.method.as_str().to_owned()).class("hide-md"),
        Column::new("", move |r: &EntryRow| {
            let when = format!("{} {}", r.entry.date, clock_of(&r.entry.start_time));
            match &r.locked {
                Some(reason) => view! {
                    <span class="badge locked" data-status="locked" title=reason.clone()>{t("time-entries-locked-badge")}</span>
                    <span class="lock-reason">{reason.clone()}</span>
                }
                .into_any(),
                None => {
                    let (e1, e2) = (r.entry.clone(), r.entry.clone());
                    view! {
                        <button type="button" class="btn small ghost" aria-label=t_args("time-entries-edit-when", &[("when", when.as_str().into())])
                            on:click=move |_| editing.set(Some(Some(e1.clone())))>{t("common-edit")}</button>
                        <button type="button" class="btn small ghost" aria-label=t_args("time-entries-delete-when", &[("when", when.as_str().into())])
                            on:click=move |_| {
                                pending.set(Some(e2.clone()));
                                confirm.set(true);
                            }>{t("common-delete")}</button>
                    }
                    .into_any()
                }
            }
        })
        .class("actions"),
    ];
    let delete = Callback::new(move |_| {
        let Some(e) = pending.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            match api.send(DeleteTimeEntry::new(e.id.clone(), ws)).await {
                Ok(_) => {
                    toaster.show(t_args("time-entries-deleted", &[("when", format!("{} {}", e.date, clock_of(&e.start_time)).into())]))
                }
                Err(err) => toaster.error(t_args("time-entries-delete-failed", &[("error", webwork_ui::error_sentence(&err).into())])),
            };
            res.refetch();
        });
    });
    let member_opts = Signal::derive(move || member_choices(&members.ready().unwrap_or_default()));
    let project_opts =
        Signal::derive(move || projects.ready().unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n)).collect::<Vec<_>>());
    view! {
        <PageHeader title=t("nav-time-entries")>
            <Allowed ws op=CreateTimeEntry::INFO.id>
            <button type="button" class="btn primary" disabled=move || member.get() == 0
                on:click=move |_| editing.set(Some(None))>{t("time-entries-add")}</button>
            </Allowed>
            // The API lists one member's entries one day at a time: one request per day shown.
            <ExportButton file="time-entries" requests=Callback::new(move |_| {
                let (m, Some(days)) = (member.get_untracked(), range.get_untracked()) else {
                    return Err(ApiError::InvalidRequest { field: "date", reason: t("time-requests-wait-loaded") });
                };
                if m == 0 {
                    return Err(ApiError::InvalidRequest { field: "user_id", reason: t("time-entries-choose-member-first") });
                }
                let project = query.get("project").and_then(|p| p.parse::<u64>().ok());
                days.each().into_iter().map(|d| {
                    let mut op = ListTimeEntries::new(ws, m, d.to_string());
                    if let Some(p) = project {
                        op = op.project_id(p);
                    }
                    op.to_request()
                }).collect()
            })/>
        </PageHeader>
        <div class="filters">
            {url_select(query, "member", msg_id("timesheets-member"), msg_id("time-requests-choose-member"), member_opts)}
            {url_select(query, "project", msg_id("timesheets-project"), msg_id("time-entries-any-project"), project_opts)}
            {range_dates(query, range)}
        </div>
        <ErrorBanner error=Signal::derive(move || members.error())/>
        <crate::zone::ZoneSwitch member/>
        {move || editing.get().map(|entry| {
            // The loaded range, else the address's (the form may open before the list has loaded).
            let default_day = range.get_untracked().map(|d| d.to.to_string()).or_else(|| untrack(|| query.get("to"))).unwrap_or_default();
            view! {
                <EntryForm ws=ws member=member.get_untracked() entry default_day
                    on_done=Callback::new(move |saved: bool| {
                        editing.set(None);
                        if saved {
                            res.refetch();
                        }
                    })/>
            }
        })}
        <ListFrame res query caption=t("nav-time-entries") columns key=|r: &EntryRow| r.entry.id.clone()
            label=|r: &EntryRow| format!("{} {}", r.entry.date, clock_of(&r.entry.start_time))
            empty_title=Signal::derive(move || if member.get() == 0 { t("time-requests-choose-member") } else { t("time-entries-empty") })
            empty_hint=t("time-entries-empty-hint") cols=7/>
        <p class="muted">{move || res.ready().and_then(|p| p.pagination).filter(|p| p.total > 0).map(|p| {
            t_args("time-entries-total", &[("count", p.total.into()), ("duration", duration_text(sum.get()).into())])
        })}</p>
        <ConfirmDialog open=confirm title=t("time-entries-delete-title")
            message=Signal::derive(move || pending.get().map(|e| t_args("time-entries-delete-message", &[
                ("when", format!("{} {}–{}", e.date, clock_of(&e.start_time), e.end_time.as_deref().map(clock_of).unwrap_or_default()).into()),
                ("duration", duration_text(e.duration_minutes).into()),
            ])).unwrap_or_default())
            confirm_label=msg_id("common-delete") danger=true on_confirm=delete/>
    }
}

/// Adds (no `entry`) or edits a manual entry: the day, `HH:mm` start and end (end after
/// start), the contract (its project), an optional task, notes. `on_done(true)` after a save.
#[component]
fn EntryForm(ws: u64, member: u64, entry: Option<TimeEntry>, default_day: String, on_done: Callback<bool>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let e = entry.clone().unwrap_or_default();
    let editing = entry.as_ref().map(|e| e.id.clone());
    let day = if editing.is_some() { e.date.clone() } else { default_day };
    let span =
        SpanFields::new(day, clock_of(&e.start_time), e.end_time.as_deref().map(clock_of).unwrap_or_default(), "start_time", "end_time");
    let SpanFields { date, start, end } = span;
    let contract = FieldState::new("contract_id", opt(&e.contract_id));
    let task = FieldState::new("task_id", opt(&e.task_id));
    let notes = FieldState::new("notes", opt(&e.activity_description)).check(checks::max_len(10_000));
    let form = Form::new(vec![date, start, end, contract, task, notes]);
    let contracts = RwSignal::new(Vec::<Contract>::new());
    let old_project = e.project_id;

    let build_create = move || {
        let (s, e) = span.clocks();
        let mut op = CreateTimeEntry::new(ws, member, date.value.get().trim().to_owned(), s, e);
        if let Some(c) = contract.num::<u64>() {
            op = op.contract_id(c);
        }
        if let Some(t) = task.num::<u64>() {
            op = op.task_id(t);
        }
        if let Some(n) = notes.opt() {
            op = op.notes(n);
        }
        op
    };
    let build_update = move |id: String| {
        let (s, e) = span.clocks();
        let mut op = UpdateTimeEntry::new(id, ws).date(date.value.get().trim().to_owned()).start_time(s).end_time(e);
        let project = contract.num::<u64>().and_then(|c| contracts.with(|k| k.iter().find(|k| k.id == c).map(|k| k.project_id)));
        if let Some(p) = project.filter(|p| Some(*p) != old_project) {
            op = op.project_id(p);
        }
        if let Some(t) = task.num::<u64>() {
            op = op.task_id(t);
        }
        op.notes(notes.value.get().trim().to_owned())
    };
    let id_for_rule = editing.clone();
    Effect::new(move |_| {
        let rule = match &id_for_rule {
            Some(id) => build_update(id.clone()).to_request().map(|_| ()),
            None => build_create().to_request().map(|_| ()),
        };
        form.show_rule(&rule);
    });
    let id_for_submit = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match id_for_submit.clone() {
            Some(id) => save(api, form, untrack(|| build_update(id)), move |_| {
                toaster.show(t("time-entries-saved"));
                on_done.run(true);
            }),
            None => {
                let asked = untrack(|| span.minutes()).unwrap_or(0) as i64;
                save(api, form, untrack(build_create), move |saved: TimeEntry| {
                    if saved.duration_minutes > 0 && saved.duration_minutes < asked {
                        toaster.show(t_args(
                            "time-entries-saved-part",
                            &[("saved", duration_text(saved.duration_minutes).into()), ("asked", duration_text(asked).into())],
                        ));
                    } else {
                        toaster
                            .show(t_args("time-entries-added", &[("duration", duration_text(saved.duration_minutes.max(asked)).into())]));
                    }
                    on_done.run(true);
                })
            }
        }
    };
    let title = if editing.is_some() {
        t_args("time-entries-edit-when", &[("when", format!("{} {}", e.date, clock_of(&e.start_time)).into())])
    } else {
        t("time-entries-add")
    };
    let name = title.clone();
    view! {
        <form class="card form" on:submit=submit novalidate aria-label=name>
            <h2>{title}</h2>
            <ErrorBanner error=form.error/>
            <SpanRow span form zone_hint=msg_id("time-entries-clock-hint")/>
            <WorkPicker ws member=Signal::derive(move || member) contract task form contracts label=msg_id("time-entries-project-contract")/>
            <TextField field=notes label=msg_id("projects-notes") form=form placeholder=msg_id("time-entries-notes-placeholder")/>
            <div class="form-actions">
                <button type="button" class="btn ghost" on:click=move |_| on_done.run(false)>{t("common-cancel")}</button>
                <SubmitButton form=form label={if editing.is_some() { msg_id("common-save") } else { msg_id("time-entries-add") }}/>
            </div>
        </form>
    }
}
