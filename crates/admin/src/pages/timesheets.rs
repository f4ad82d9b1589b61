//! Timesheets: the approval queue (submitted first), filters by status, member and period, the
//! daily breakdown per project, approve, reject with a reason, submit, unsubmit, and approving
//! several at once. URL state: `status` (default `submitted`; `any` for every status),
//! `member`, `from`, `to`, `open` (the timesheet whose breakdown shows), `page`, `per_page`.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Member, Timesheet, TimesheetStatus};
use webwork_core::ops::{ApproveTimesheet, ListTimesheets, Operation, RejectTimesheet, SubmitTimesheet, UnsubmitTimesheet};
use webwork_core::{ApiError, Page};
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, ConfirmDialog, Toaster};

use super::time_common::{
    duration_text, member_directory, name_in, project_fallback, queue_status, queue_status_select, stamp_text, status_badge, status_text,
    url_dates, url_select, ReasonDialog,
};
use super::{opt, Allowed, ListFrame, PageHeader};
use crate::api::{load, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_url_query, UrlQuery};
use crate::routes::Route;

/// Bumped when a timesheet changes state, so the navigation's pending count reloads.
#[derive(Clone, Copy)]
pub struct QueueChanged(pub RwSignal<u32>);

/// Puts the signal in context (the shell does, once).
pub fn provide_queue_changed() {
    provide_context(QueueChanged(RwSignal::new(0)));
}

fn queue_changed() -> Option<QueueChanged> {
    use_context::<QueueChanged>()
}

/// The navigation's badge for a section: the count of submitted timesheets beside
/// "Timesheets", nothing elsewhere.
pub fn nav_badge(section: &Route, ws: Memo<u64>) -> Option<AnyView> {
    matches!(section, Route::Timesheets { .. }).then(|| view! { <PendingBadge ws/> }.into_any())
}

/// How many timesheets wait for approval (one request: a page of one, reading the total).
/// The queue's filters from the URL (status, member, period), shared by the list and its export.
fn timesheets_op(query: UrlQuery, ws: u64) -> ListTimesheets {
    let mut op = ListTimesheets::new(ws);
    if let Some(s) = status_filter(&query) {
        op = op.status(s);
    }
    if let Some(m) = query.get("member").and_then(|v| v.parse::<u64>().ok()) {
        op = op.user_id(m);
    }
    if let Some(f) = query.get("from") {
        op = op.date_from(f);
    }
    if let Some(t) = query.get("to") {
        op = op.date_to(t);
    }
    op
}

#[component]
fn PendingBadge(ws: Memo<u64>) -> impl IntoView {
    let api = use_api();
    let changed = queue_changed();
    let count = load(move || {
        if let Some(c) = changed {
            c.0.track();
        }
        let ws = ws.get();
        async move {
            if ws == 0 {
                return Ok(0);
            }
            let page = api.page(ListTimesheets::new(ws).status(TimesheetStatus::Submitted).per_page(1u32)).await?;
            Ok(page.pagination.map(|p| p.total).unwrap_or(page.items.len() as u64))
        }
    });
    move || {
        count.ready().filter(|n| *n > 0).map(|n| {
            view! { <span class="badge count" aria-label=t_args("timesheets-waiting", &[("count", n.into())])>{n.to_string()}</span> }
        })
    }
}

/// The member's name on a timesheet: the reply's own, else the directory's.
fn sheet_member(t: &Timesheet, members: &[Member]) -> String {
    let own = t.member.as_ref().map(|m| m.display_name()).filter(|n| !n.trim().is_empty());
    own.unwrap_or_else(|| name_in(members, t.user_id.or_else(|| t.member.as_ref().and_then(|m| m.id)).unwrap_or(0)))
}

/// "Olivia Martin's timesheet 2026-02-23 – 2026-03-01" from the reply alone (row labels).
fn sheet_label(t: &Timesheet) -> String {
    let who = t.member.as_ref().map(|m| m.display_name()).filter(|n| !n.trim().is_empty());
    let who = who.unwrap_or_else(|| t_args("time-member-fallback", &[("id", t.user_id.unwrap_or(0).to_string().into())]));
    whose_sheet(&who, t)
}

/// "Olivia Martin's timesheet 2026-02-23 – 2026-03-01".
fn whose_sheet(who: &str, t: &Timesheet) -> String {
    t_args("timesheets-whose", &[("who", who.into()), ("period", period_text(t).into())])
}

fn period_text(t: &Timesheet) -> String {
    format!("{} – {}", opt(&t.date_from), opt(&t.date_to))
}

/// A timesheet's breakdown as a grid: the days of its period (or of the breakdown), and per
/// project its minutes on each of those days, projects by name.
pub fn breakdown_grid(t: &Timesheet) -> (Vec<String>, Vec<(String, Vec<i64>)>) {
    let period = match (t.date_from.as_deref().map(CivilDate::parse), t.date_to.as_deref().map(CivilDate::parse)) {
        (Some(Ok(f)), Some(Ok(to))) if f <= to && f.days_until(to) < 31 => {
            super::time_common::Days { from: f, to }.each().into_iter().map(|d| d.to_string()).collect()
        }
        _ => Vec::new(),
    };
    let mut days: Vec<String> = period;
    for d in t.daily_breakdown.keys() {
        if !days.contains(d) {
            days.push(d.clone());
        }
    }
    super::sort_by_text(&mut days, String::clone);
    let mut projects: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (day, entries) in &t.daily_breakdown {
        let col = days.iter().position(|d| d == day).unwrap_or(0);
        for e in entries {
            let name = e
                .project_name
                .clone()
                .unwrap_or_else(|| e.project_id.map(project_fallback).unwrap_or_else(|| webwork_ui::i18n::t("timesheets-no-project")));
            projects.entry(name).or_insert_with(|| vec![0; days.len()])[col] += e.total_minutes;
        }
    }
    (days, projects.into_iter().collect())
}

/// The daily breakdown of a timesheet as a table with totals.
#[component]
fn Breakdown(sheet: Timesheet, member: String) -> impl IntoView {
    let (days, projects) = breakdown_grid(&sheet);
    let day_totals: Vec<i64> = (0..days.len()).map(|i| projects.iter().map(|(_, m)| m[i]).sum()).collect();
    let cell = |m: i64| if m == 0 { "—".to_owned() } else { duration_text(m) };
    let label = |d: &str| {
        CivilDate::parse(d)
            .map(|c| format!("{} {}", webwork_ui::i18n::short_date_part(c.year, c.month, c.day, "weekday"), &d[5..]))
            .unwrap_or_else(|_| d.to_owned())
    };
    let total = sheet.minutes();
    view! {
        <section class="card breakdown" aria-label=t_args("timesheets-breakdown-label", &[("member", member.as_str().into())])>
            <h2>{format!("{member}: {}", period_text(&sheet))}</h2>
            <p class="muted">{t_args("timesheets-breakdown-summary", &[("duration", duration_text(total).into()), ("status", status_text(sheet.status.as_str()).into())])}
                {sheet.reject_reason.clone().filter(|r| !r.is_empty()).map(|r| t_args("timesheets-rejected-reason", &[("reason", r.into())]))}</p>
            <crate::zone::MemberDays member=sheet.user_id/>
            {if projects.is_empty() {
                view! { <p>{t("timesheets-no-time")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <thead><tr>
                                <th scope="col">{t("timesheets-project")}</th>
                                {days.iter().map(|d| view! { <th scope="col" class="num">{label(d)}</th> }).collect_view()}
                                <th scope="col" class="num">{t("timesheets-total")}</th>
                            </tr></thead>
                            <tbody>
                                {projects.iter().map(|(name, mins)| view! {
                                    <tr>
                                        <th scope="row">{name.clone()}</th>
                                        {mins.iter().map(|m| view! { <td class="num dur">{cell(*m)}</td> }).collect_view()}
                                        <td class="num dur">{duration_text(mins.iter().sum())}</td>
                                    </tr>
                                }).collect_view()}
                                <tr class="total">
                                    <th scope="row">{t("timesheets-day-total")}</th>
                                    {day_totals.iter().map(|m| view! { <td class="num dur">{cell(*m)}</td> }).collect_view()}
                                    <td class="num dur">{duration_text(day_totals.iter().sum())}</td>
                                </tr>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

type Action = Pin<Box<dyn Future<Output = Result<(), ApiError>>>>;

/// Runs one state change and says how it went; `after` reloads.
fn act(toaster: Toaster, done: String, failed: String, action: Action, after: impl Fn() + 'static) {
    leptos::task::spawn_local(async move {
        match action.await {
            Ok(()) => {
                toaster.show(done);
            }
            Err(e) => {
                toaster.error(format!("{failed}: {}", webwork_ui::error_sentence(&e)));
            }
        }
        after();
    });
}

/// The status filter: the URL's, `submitted` by default, `None` for "any".
fn status_filter(query: &UrlQuery) -> Option<TimesheetStatus> {
    queue_status(query, "submitted").map(|s| TimesheetStatus::parse(&s))
}

/// What Timesheets asks first ([`super::FirstRequests`]): the list's page and the directory.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    let Route::Timesheets { ws } = *route else { return Vec::new() };
    vec![super::url_page(timesheets_op(query, ws), query).to_request(), super::members_first(ws)]
}

#[component]
pub fn TimesheetsPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let toaster = expect_context::<Toaster>();
    let changed = queue_changed();
    let members = load(move || member_directory(api, ws));
    let directory = Signal::derive(move || members.ready().unwrap_or_default());
    let res = load(move || api.page(super::url_page(timesheets_op(query, ws), query)));
    let selection = RwSignal::new(BTreeSet::<String>::new());
    let reload = move || {
        res.refetch();
        if let Some(c) = changed {
            c.0.update(|n| *n += 1);
        }
    };
    let rejecting = RwSignal::new(None::<(String, String)>);
    let reject_open = RwSignal::new(false);
    let bulk_open = RwSignal::new(false);

    let columns = vec![
        Column::new("timesheets-member", move |t: &Timesheet| {
            let name = sheet_member(t, &directory.get_untracked());
            match t.user_id {
                Some(u) => view! { <a href=Route::Member { ws, id: u }.href()>{name}</a> }.into_any(),
                None => name.into_any(),
            }
        }),
        Column::text("timesheets-period", period_text).class("dates"),
        Column::text("timesheets-total", |t: &Timesheet| duration_text(t.minutes())).class("num dur"),
        Column::new("time-status-label", |t: &Timesheet| status_badge(t.status.as_str())),
        Column::text("timesheets-submitted", |t: &Timesheet| t.submitted_on.as_deref().map(stamp_text).unwrap_or_default()).class("hide-md dates"),
        Column::text("timesheets-reason", |t: &Timesheet| opt(&t.reject_reason)).class("hide-sm"),
        Column::new("", move |t: &Timesheet| {
            let (id, who) = (t.id.clone(), whose_sheet(&sheet_member(t, &directory.get_untracked()), t));
            let member_week = match (t.user_id, t.date_from.clone(), t.date_to.clone()) {
                (Some(u), Some(f), Some(to)) => Some(Route::TimeEntries { ws }.href_with(&[("member", &u.to_string()), ("from", &f), ("to", &to)])),
                _ => None,
            };
            let open_id = id.clone();
            let submitted = t.status == TimesheetStatus::Submitted;
            // A member may submit their own timesheet but not approve or reject it.
            let decides = submitted && api.may(ws, ApproveTimesheet::INFO.id);
            let can_submit = t.status.is_unsubmitted() || t.status == TimesheetStatus::Rejected;
            // Message ids: the button's text, its accessible name with the timesheet, the toast.
            let button = move |label: &'static str, aria: &'static str, make: fn(String, u64, Api) -> Action, done: &'static str| {
                let (id, who) = (id.clone(), who.clone());
                view! {
                    <button type="button" class="btn small ghost" aria-label=t_args(aria, &[("who", who.as_str().into())]) on:click=move |_| {
                        let said = [("who", who.as_str().into())];
                        act(toaster, t_args(done, &said), t_args("timesheets-change-failed", &said), make(id.clone(), ws, api), reload);
                    }>{webwork_ui::i18n::t(label)}</button>
                }
            };
            let approve = decides.then(|| button(msg_id("timesheets-approve"), msg_id("timesheets-approve-who"), |id, ws, api| Box::pin(async move { api.send(ApproveTimesheet::new(id, ws)).await.map(|_| ()) }), msg_id("timesheets-approved-who")));
            let unsubmit = submitted.then(|| button(msg_id("timesheets-unsubmit"), msg_id("timesheets-unsubmit-who"), |id, ws, api| Box::pin(async move { api.send(UnsubmitTimesheet::new(id, ws)).await.map(|_| ()) }), msg_id("timesheets-unsubmitted-who")));
            let submit = can_submit.then(|| button(msg_id("timesheets-submit"), msg_id("timesheets-submit-who"), |id, ws, api| Box::pin(async move { api.send(SubmitTimesheet::new(id, ws)).await.map(|_| ()) }), msg_id("timesheets-submitted-who")));
            let reject = decides.then(|| {
                let (id, who) = (t.id.clone(), whose_sheet(&sheet_member(t, &directory.get_untracked()), t));
                view! {
                    <button type="button" class="btn small ghost" aria-label=t_args("timesheets-reject-who", &[("who", who.as_str().into())]) on:click=move |_| {
                        rejecting.set(Some((id.clone(), who.clone())));
                        reject_open.set(true);
                    }>{webwork_ui::i18n::t("timesheets-reject")}</button>
                }
            });
            let shown_id = open_id.clone();
            view! {
                <button type="button" class="btn small ghost" aria-expanded=move || (query.get("open") == Some(shown_id.clone())).to_string()
                    on:click=move |_| {
                        let showing = query.initial("open") == open_id;
                        query.set_one("open", (!showing).then(|| open_id.clone()));
                    }>{webwork_ui::i18n::t("timesheets-breakdown")}</button>
                {member_week.map(|href| view! { <a class="btn small ghost hide-sm" href=href>{webwork_ui::i18n::t("timesheets-entries")}</a> })}
                {approve}{reject}{submit}{unsubmit}
            }
            .into_any()
        })
        .class("actions many"),
    ];
    let open_sheet = move || {
        let id = query.get("open")?;
        res.ready().and_then(|p: Page<Timesheet>| p.items.into_iter().find(|t| t.id == id))
    };
    let selected_submitted = move || {
        let sel = selection.get();
        res.ready()
            .map(|p| p.items.into_iter().filter(|t| sel.contains(&t.id) && t.status == TimesheetStatus::Submitted).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let approve_selected = Callback::new(move |_| {
        let sheets = selected_submitted();
        leptos::task::spawn_local(async move {
            let (mut ok, mut failed) = (0usize, Vec::new());
            for t in &sheets {
                match api.send(ApproveTimesheet::new(t.id.clone(), ws)).await {
                    Ok(_) => ok += 1,
                    Err(e) => failed.push(format!("{}: {}", period_text(t), webwork_ui::error_sentence(&e))),
                }
            }
            if failed.is_empty() {
                toaster.show(t_args("timesheets-approved-count", &[("count", ok.into())]));
            } else {
                toaster.error(t_args(
                    "timesheets-approved-some",
                    &[("count", ok.into()), ("failed", failed.len().into()), ("errors", failed.join("; ").into())],
                ));
            }
            selection.set(BTreeSet::new());
            reload();
        });
    });
    let reject = Callback::new(move |reason: String| {
        let Some((id, who)) = rejecting.get_untracked() else { return };
        act(
            toaster,
            t_args("timesheets-rejected-who", &[("who", who.as_str().into())]),
            t_args("timesheets-reject-failed", &[("who", who.as_str().into())]),
            Box::pin(async move { api.send(RejectTimesheet::new(id, ws, reason)).await.map(|_| ()) }),
            reload,
        );
    });
    let member_opts = Signal::derive(move || super::time_common::tracker_options(&directory.get()));
    view! {
        <PageHeader title=t("nav-timesheets")>
            <ExportButton file="timesheets" request=Callback::new(move |_| timesheets_op(query, ws).to_request())/>
        </PageHeader>
        <div class="filters">
            {queue_status_select(query, "submitted", msg_id("timesheets-status-waiting"), &["pending", "approved", "rejected"])}
            {url_select(query, "member", msg_id("timesheets-member"), msg_id("time-anyone"), member_opts)}
            {url_dates(query, Signal::derive(move || query.text("from")), Signal::derive(move || query.text("to")))}
        </div>
        <Show when=move || !selection.with(BTreeSet::is_empty)>
            <div class="bulk-bar" role="region" aria-label=t("timesheets-selected-region")>
                <span>{move || {
                    let n = selection.with(BTreeSet::len);
                    let s = selected_submitted().len();
                    if s == n { t_args("common-selected", &[("count", n.into())]) } else { t_args("timesheets-selected-submitted", &[("count", n.into()), ("submitted", s.into())]) }
                }}</span>
                <Allowed ws op=ApproveTimesheet::INFO.id>
                <button type="button" class="btn primary" disabled=move || selected_submitted().is_empty()
                    on:click=move |_| bulk_open.set(true)>{t("timesheets-approve-selected")}</button>
                </Allowed>
                <button type="button" class="btn ghost" on:click=move |_| selection.set(BTreeSet::new())>{t("common-clear")}</button>
            </div>
        </Show>
        {move || open_sheet().map(|t| {
            let name = sheet_member(&t, &directory.get_untracked());
            view! { <Breakdown sheet=t member=name/> }
        })}
        <ListFrame res query caption=t("nav-timesheets") columns key=|t: &Timesheet| t.id.clone() label=sheet_label selection
            empty_title=Signal::derive(move || if status_filter(&query) == Some(TimesheetStatus::Submitted) { t("timesheets-empty-waiting") } else { t("timesheets-empty") })
            empty_hint=t("timesheets-empty-hint") cols=6/>
        <ReasonDialog open=reject_open title=t("timesheets-reject-title")
            message=Signal::derive(move || t_args("timesheets-reject-message", &[("who", rejecting.get().map(|r| r.1).unwrap_or_default().into())]))
            label=msg_id("timesheets-reason") confirm_label=msg_id("timesheets-reject") on_confirm=reject/>
        <ConfirmDialog open=bulk_open title=t("timesheets-approve-title")
            message=Signal::derive(move || t_args("timesheets-approve-message", &[("count", selected_submitted().len().into())]))
            confirm_label=msg_id("timesheets-approve") on_confirm=approve_selected/>
    }
}
