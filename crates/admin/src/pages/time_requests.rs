//! Manual-time requests: the queue (pending first) with filters, approve (the API writes the
//! time entry), reject with a comment, and filing one for a member. URL state: `status`
//! (default `pending`; `any` for every status), `member`, `from`, `to` (the window on the
//! request's start; default the 30 days up to the API's today), `page`, `per_page`.

use leptos::prelude::*;
use webwork_core::models::{TimeRequest, TimeRequestStatus};
use webwork_core::ops::{ApproveTimeRequest, CreateTimeRequest, ListTimeRequests, Operation, RejectTimeRequest};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TextField, Toaster};

use super::time_common::{
    date_of, duration_text, member_directory, name_in, project_fallback, queue_status, queue_status_select, range_dates, server_today,
    status_badge, tracker_options, url_select, Days, ReasonDialog, SpanFields, SpanRow, WorkPicker,
};
use super::{opt, project_options, ListFrame, PageHeader};
use crate::api::{load, save, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_url_query, UrlQuery};
use crate::routes::Route;

/// The longest window the queue reads at once.
const MAX_DAYS: i64 = 366;

/// Minutes between two ISO 8601 stamps, when both read.
pub fn minutes_between(start: &str, end: &str) -> Option<i64> {
    let (s, e) = (js_sys::Date::parse(start), js_sys::Date::parse(end));
    (!s.is_nan() && !e.is_nan()).then(|| ((e - s) / 60_000.0).round() as i64)
}

/// The stamp the API takes for a day and an `HH:mm` time of the API's clock (UTC).
pub fn stamp(date: &str, clock: &str) -> String {
    format!("{}T{}:00Z", date.trim(), clock.trim())
}

fn status_filter(query: &UrlQuery) -> Option<TimeRequestStatus> {
    queue_status(query, "pending").map(|s| TimeRequestStatus::parse(&s))
}

async fn window(api: Api, ws: u64, from: Option<String>, to: Option<String>) -> Result<Days, ApiError> {
    let today = server_today(api, ws).await?;
    let to = to.unwrap_or_else(|| today.to_string());
    let from = from.unwrap_or_else(|| today.add_days(-30).to_string());
    Days::parse(&from, &to, MAX_DAYS).map_err(|reason| ApiError::InvalidRequest { field: "date_to", reason })
}

fn description(r: &TimeRequest) -> String {
    r.activity_description.clone().or_else(|| r.notes.clone()).unwrap_or_default()
}

/// What Time requests asks first ([`super::FirstRequests`]): the member and project selects. The
/// list is not: its window waits for the API's today.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, _: UrlQuery) -> super::FirstRequests {
    let Route::TimeRequests { ws } = *route else { return Vec::new() };
    vec![super::members_first(ws), super::projects_first(ws)]
}

#[component]
pub fn TimeRequestsPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let toaster = expect_context::<Toaster>();
    let members = load(move || member_directory(api, ws));
    let projects = load(move || project_options(api, ws));
    let directory = Signal::derive(move || members.ready().unwrap_or_default());
    let range = RwSignal::new(None::<Days>);
    let res = load(move || {
        let (from, to, status) = (query.get("from"), query.get("to"), status_filter(&query));
        let member = query.get("member").and_then(|v| v.parse::<u64>().ok());
        let (page, per) = (query.page(), query.per_page());
        async move {
            let days = window(api, ws, from, to).await?;
            range.set(Some(days));
            let mut op = ListTimeRequests::new(ws, days.from, days.to).page(page).per_page(per);
            if let Some(s) = status {
                op = op.status(s);
            }
            if let Some(m) = member {
                op = op.user_id(m);
            }
            api.page(op).await
        }
    });
    let creating = RwSignal::new(false);
    let rejecting = RwSignal::new(None::<(String, String)>);
    let reject_open = RwSignal::new(false);
    let who = move |r: &TimeRequest| r.user_id.map(|u| name_in(&directory.get_untracked(), u)).unwrap_or_default();
    let when = |r: &TimeRequest| {
        let (s, e) = (opt(&r.start), opt(&r.end));
        crate::zone::span_with_offset(&s, &e)
    };
    let whose = move |r: &TimeRequest| t_args("time-requests-whose", &[("who", who(r).into()), ("when", when(r).into())]);
    let approve = move |r: TimeRequest| {
        let (id, ws) = (r.id.clone(), ws);
        let label = whose(&r);
        leptos::task::spawn_local(async move {
            match api.send(ApproveTimeRequest::new(id, ws)).await {
                Ok(_) => toaster.show(t_args("time-requests-approved", &[("who", label.as_str().into())])),
                Err(e) => toaster.error(t_args(
                    "time-requests-approve-failed",
                    &[("who", label.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                )),
            };
            res.refetch();
        });
    };
    let columns = vec![
        Column::text("timesheets-member", move |r: &TimeRequest| who(r)),
        Column::text("time-requests-when", when).class("dates"),
        Column::text("time-requests-duration", |r: &TimeRequest| minutes_between(&opt(&r.start), &opt(&r.end)).map(duration_text).unwrap_or_default()).class("num dur"),
        Column::text("timesheets-project", move |r: &TimeRequest| {
            r.project_id.map(|p| project_name(projects, p)).unwrap_or_default()
        }).class("hide-sm"),
        Column::text("time-requests-description", description).class("hide-md"),
        Column::new("time-status-label", |r: &TimeRequest| status_badge(r.status.as_str())),
        Column::text("time-requests-comment", |r: &TimeRequest| opt(&r.comment)).class("hide-md"),
        Column::new("", move |r: &TimeRequest| {
            let label = whose(r);
            let day = date_of(&opt(&r.start));
            let entries = r.user_id.filter(|_| r.status == TimeRequestStatus::Approved).map(|u| Route::TimeEntries { ws }.href_with(&[("member", &u.to_string()), ("from", &day), ("to", &day)]));
            let pending = r.status == TimeRequestStatus::Pending && api.may(ws, ApproveTimeRequest::INFO.id);
            let (r1, id) = (r.clone(), r.id.clone());
            let label2 = label.clone();
            view! {
                {pending.then(|| view! {
                    <button type="button" class="btn small ghost" aria-label=t_args("timesheets-approve-who", &[("who", label.as_str().into())]) on:click=move |_| approve(r1.clone())>{t("timesheets-approve")}</button>
                    <button type="button" class="btn small ghost" aria-label=t_args("timesheets-reject-who", &[("who", label2.as_str().into())]) on:click=move |_| {
                        rejecting.set(Some((id.clone(), label2.clone())));
                        reject_open.set(true);
                    }>{t("timesheets-reject")}</button>
                })}
                {entries.map(|href| view! { <a class="btn small ghost" href=href>{t("time-requests-entry")}</a> })}
            }
            .into_any()
        })
        .class("actions"),
    ];
    let reject = Callback::new(move |comment: String| {
        let Some((id, label)) = rejecting.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            match api.send(RejectTimeRequest::new(id, ws, comment)).await {
                Ok(_) => toaster.show(t_args("timesheets-rejected-who", &[("who", label.as_str().into())])),
                Err(e) => toaster.error(t_args(
                    "time-requests-reject-failed",
                    &[("who", label.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                )),
            };
            res.refetch();
        });
    });
    let member_opts = Signal::derive(move || tracker_options(&directory.get()));
    view! {
        <PageHeader title=t("nav-time-requests")>
            <button type="button" class="btn primary" on:click=move |_| creating.set(true)>{t("time-requests-new")}</button>
            // The window the list shows (it is read from the server's today first).
            <ExportButton file="time-requests" request=Callback::new(move |_| {
                let Some(days) = range.get_untracked() else {
                    return Err(ApiError::InvalidRequest { field: "date_from", reason: t("time-requests-wait-loaded") });
                };
                let mut op = ListTimeRequests::new(ws, days.from, days.to);
                if let Some(s) = status_filter(&query) {
                    op = op.status(s);
                }
                if let Some(m) = query.get("member").and_then(|v| v.parse::<u64>().ok()) {
                    op = op.user_id(m);
                }
                op.to_request()
            })/>
        </PageHeader>
        <div class="filters">
            {queue_status_select(query, "pending", msg_id("time-requests-status-waiting"), &["approved", "rejected"])}
            {url_select(query, "member", msg_id("timesheets-member"), msg_id("time-anyone"), member_opts)}
            {range_dates(query, range)}
        </div>
        <Show when=move || creating.get()>
            <RequestForm ws=ws members=member_opts
                on_done=Callback::new(move |saved: bool| {
                    creating.set(false);
                    if saved {
                        res.refetch();
                    }
                })/>
        </Show>
        <ListFrame res query caption=t("nav-time-requests") columns key=|r: &TimeRequest| r.id.clone() label=description
            empty_title=Signal::derive(move || if status_filter(&query) == Some(TimeRequestStatus::Pending) { t("time-requests-empty-waiting") } else { t("time-requests-empty") })
            empty_hint=t("time-requests-empty-hint") cols=6/>
        <ReasonDialog open=reject_open title=t("time-requests-reject-title")
            message=Signal::derive(move || t_args("time-requests-reject-message", &[("who", rejecting.get().map(|r| r.1).unwrap_or_default().into())]))
            label=msg_id("time-requests-comment") confirm_label=msg_id("timesheets-reject") on_confirm=reject/>
    }
}

/// A project's name from the loaded options (`project {id}` until they load).
fn project_name(projects: crate::api::Resource<Vec<(u64, String)>>, id: u64) -> String {
    let found = projects.ready_untracked().and_then(|list| list.into_iter().find(|(p, _)| *p == id).map(|(_, n)| n));
    found.unwrap_or_else(|| project_fallback(id))
}

/// Files a manual-time request for a member: the day, `HH:mm` start and end (UTC, as the API's
/// days are), the contract and task, a description.
#[component]
fn RequestForm(ws: u64, members: Signal<Vec<(String, String)>>, on_done: Callback<bool>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let member = FieldState::new("user_id", "").check(checks::required);
    let span = SpanFields::new(String::new(), String::new(), String::new(), "start", "end");
    let SpanFields { date, start, end } = span;
    let contract = FieldState::new("contract_id", "");
    let task = FieldState::new("task_id", "");
    let text = FieldState::new("activity_description", "").check(checks::max_len(10_000));
    let form = Form::new(vec![member, date, start, end, contract, task, text]);
    let user = Signal::derive(move || member.num::<u64>().unwrap_or(0));
    let build = move || {
        let (day, (s, e)) = (date.value.get(), span.clocks());
        let mut op = CreateTimeRequest::new(
            ws,
            user.get(),
            crate::zone::member_stamp(&day, &s, user.get()),
            crate::zone::member_stamp(&day, &e, user.get()),
        );
        if let Some(c) = contract.num::<u64>() {
            op = op.contract_id(c);
        }
        if let Some(t) = task.num::<u64>() {
            op = op.task_id(t);
        }
        if let Some(d) = text.opt() {
            op = op.activity_description(d);
        }
        op
    };
    Effect::new(move |_| {
        let rule = build().to_request().map(|_| ());
        // Unreadable stamps are the clock fields' own checks; show the other rules.
        if !matches!(&rule, Err(ApiError::InvalidRequest { field: "start" | "user_id", .. })) {
            form.show_rule(&rule);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(api, form, untrack(build), move |_: TimeRequest| {
            toaster.show(t("time-requests-filed"));
            on_done.run(true);
        });
    };
    let options = Signal::derive(move || super::options(Some(&t("time-requests-choose-member")), members.get()));
    view! {
        <form class="card form" on:submit=submit novalidate aria-label=t("time-requests-new")>
            <h2>{t("time-requests-new")}</h2>
            <ErrorBanner error=form.error/>
            <SelectField field=member label=msg_id("timesheets-member") form=form required=true options/>
            <SpanRow span form zone_hint=crate::zone::TEXT_CLOCK_HINT/>
            <WorkPicker ws member=user contract task form/>
            <TextField field=text label=msg_id("time-requests-activity") form=form/>
            <div class="form-actions">
                <button type="button" class="btn ghost" on:click=move |_| on_done.run(false)>{t("common-cancel")}</button>
                <SubmitButton form=form label=msg_id("time-requests-file") busy=msg_id("time-requests-filing")/>
            </div>
        </form>
    }
}
