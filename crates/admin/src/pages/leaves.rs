//! Leaves: requests (filter, approve, reject with a reason), a month calendar of who is away,
//! balances per member and leave type, the policies, and the request form (day-based with half
//! days, hour-based with times). URL state: `tab` (`requests` | `calendar` | `balances` |
//! `policies`), the list's `status`, `member`, `policy`, `from`, `to`, `page`, `per_page`; the
//! calendar's `month` (`YYYY-MM`); the balances' `year`.

use std::collections::BTreeMap;

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Leave, LeaveBalance, LeavePeriod, LeavePolicy, LeavePolicyKind, LeaveStatus};
use webwork_core::ops::{ApproveLeave, ListLeaveBalances, ListLeavePolicies, ListLeaves, Operation, RejectLeave, RequestLeave};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TextArea, TextField, Toaster};

use super::{member_options, opt, options, BackLink, ListFrame, PageHeader};
use crate::api::{load, save, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

/// Member id to name, for rows that carry only the id.
pub type Names = Signal<BTreeMap<u64, String>>;

/// The workspace's members by id (every page, once per page view).
pub fn member_names(api: Api, ws: u64) -> Names {
    let res = load(move || member_options(api, ws));
    Signal::derive(move || super::map_of(res.ready().unwrap_or_default().into_iter().map(|(id, label)| (id, short_name(&label)))))
}

/// "Ada Lovelace (ada@x)" as "Ada Lovelace".
fn short_name(label: &str) -> String {
    label.rsplit_once(" (").map_or(label, |(name, _)| name).to_owned()
}

fn name_of(names: Names, id: Option<u64>) -> String {
    id.map(|id| names.with(|n| n.get(&id).cloned().unwrap_or_else(|| t_args("time-member-fallback", &[("id", id.to_string().into())]))))
        .unwrap_or_default()
}

/// The days or hours a leave takes, as people say it.
pub fn leave_amount(l: &Leave) -> String {
    match (l.hours, l.days) {
        (Some(h), _) if l.start_time.is_some() => t_args("time-hours", &[("hours", crate::format::number(h).into())]),
        (_, Some(d)) => t_args("leaves-days", &[("days", d.into())]),
        (Some(h), None) => t_args("time-hours", &[("hours", crate::format::number(h).into())]),
        _ => String::new(),
    }
}

/// "2026-03-09 – 2026-03-13", "2026-03-09 (first half)", "2026-03-09 10:00–12:00".
pub fn leave_dates(l: &Leave) -> String {
    let (s, e) = (opt(&l.start_date), opt(&l.end_date));
    let mut text = if e.is_empty() || s == e { s } else { format!("{s} – {e}") };
    if let (Some(a), Some(b)) = (&l.start_time, &l.end_time) {
        text.push_str(&format!(" {a}–{b}"));
    } else if let Some(p) = l.leave_period.filter(|p| *p != LeavePeriod::FullDay) {
        text.push_str(&format!(" ({})", period_inline(p)));
    }
    text
}

/// A part of the day as a select option: `First half`.
pub fn period_label(p: LeavePeriod) -> String {
    t_args("leaves-period", &[("code", p.code().into()), ("label", p.label().into_owned().into())])
}

/// A part of the day inside a sentence: `first half`.
pub fn period_inline(p: LeavePeriod) -> String {
    t_args("leaves-period-inline", &[("code", p.code().into()), ("label", webwork_ui::lowercase(&p.label()).into())])
}

const TABS: [(&str, &str); 4] = [
    ("requests", msg_id("leaves-tab-requests")),
    ("calendar", msg_id("leaves-tab-calendar")),
    ("balances", msg_id("leaves-tab-balances")),
    ("policies", msg_id("leaves-tab-policies")),
];

/// The tab of the URL (`tab`), the requests by default.
fn tab_of(query: UrlQuery) -> String {
    query.get("tab").unwrap_or_else(|| "requests".to_owned())
}

/// What the leave pages ask first ([`super::FirstRequests`]): the tab's list and the
/// directory and policies its selects and names read; the request form's selects.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    use crate::api::first_of_all;
    match *route {
        Route::Leaves { ws } => match tab_of(query).as_str() {
            "calendar" => vec![first_of_all(month_op(query, ws)), super::members_first(ws)],
            "balances" => vec![first_of_all(balances_op(ws, balance_year(query)))],
            "policies" => vec![ListLeavePolicies::new(ws).to_request()],
            _ => vec![leaves_op(query, ws).to_request(), ListLeavePolicies::new(ws).to_request(), super::members_first(ws)],
        },
        Route::LeaveNew { ws } => vec![super::members_first(ws), ListLeavePolicies::new(ws).to_request()],
        _ => Vec::new(),
    }
}

#[component]
pub fn LeavesPage(ws: u64) -> impl IntoView {
    let query = use_url_query();
    let tab = move || tab_of(query);
    view! {
        <PageHeader title=t("nav-leaves")>
            <a class="btn primary" href=move || Route::LeaveNew { ws }.href()>{t("leaves-request")}</a>
        </PageHeader>
        <nav class="tabs" aria-label=t("leaves-views")>
            {TABS.into_iter().map(|(key, label)| view! {
                <a href=move || format!("{}?tab={key}", Route::Leaves { ws }.href())
                    aria-current=move || (tab() == key).then_some("page")>{t(label)}</a>
            }).collect_view()}
        </nav>
        {move || match tab().as_str() {
            "calendar" => view! { <LeaveCalendar ws/> }.into_any(),
            "balances" => view! { <Balances ws/> }.into_any(),
            "policies" => view! { <Policies ws/> }.into_any(),
            _ => view! { <Requests ws/> }.into_any(),
        }}
    }
}

/// The list's operation from the URL (shared by the list and its export).
fn leaves_op(query: UrlQuery, ws: u64) -> ListLeaves {
    let mut op = ListLeaves::new(ws).page(query.page()).per_page(query.per_page());
    if let Some(s) = query.get("status") {
        op = op.status(LeaveStatus::parse(&s));
    }
    if let Some(m) = query.get("member").and_then(|v| v.parse::<u64>().ok()) {
        op = op.user_id(m);
    }
    if let Some(p) = query.get("policy").and_then(|v| v.parse::<u64>().ok()) {
        op = op.policy_id(p);
    }
    if let Some(f) = query.get("from") {
        op = op.date_from(f);
    }
    if let Some(t) = query.get("to") {
        op = op.date_to(t);
    }
    op
}

fn policy_options_of(policies: Option<Vec<LeavePolicy>>, none: &str) -> Vec<(String, String)> {
    options(Some(none), policies.unwrap_or_default().into_iter().map(|p| (p.id.to_string(), p.name)))
}

#[component]
fn Requests(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let toaster = expect_context::<Toaster>();
    let names = member_names(api, ws);
    let res = load(move || api.page(leaves_op(query, ws)));
    let policies = load(move || api.send(ListLeavePolicies::new(ws)));
    let members = load(move || member_options(api, ws));
    let status = RwSignal::new(query.initial("status"));
    let member = RwSignal::new(query.initial("member"));
    let policy = RwSignal::new(query.initial("policy"));
    let from = RwSignal::new(query.initial("from"));
    let to = RwSignal::new(query.initial("to"));
    // The request being rejected, and the reason typed for it.
    let rejecting = RwSignal::new(None::<(String, String)>);
    let reason = FieldState::new("reason", "").check(checks::text(1000));
    let reject_form = Form::new(vec![reason]);

    let approve = move |id: String, who: String| {
        leptos::task::spawn_local(async move {
            match api.send(ApproveLeave::new(id, ws)).await {
                Ok(_) => {
                    toaster.show(t_args("leaves-approved", &[("who", who.as_str().into())]));
                    res.refetch();
                }
                Err(e) => {
                    toaster.error(t_args(
                        "leaves-approve-failed",
                        &[("who", who.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                    ));
                }
            }
        });
    };
    let columns = vec![
        Column::text("timesheets-member", move |l: &Leave| name_of(names, l.user_id)),
        Column::text("leaves-type", |l: &Leave| opt(&l.policy_name)),
        Column::text("leaves-dates", leave_dates).class("dates"),
        Column::text("leaves-amount", leave_amount).class("num"),
        Column::new("time-status-label", |l: &Leave| {
            let s = l.status.as_str().to_owned();
            view! { <span class=format!("status status-{s}")>{super::time_common::status_text(&s)}</span> }.into_any()
        }),
        Column::text("timesheets-reason", |l: &Leave| l.reject_reason.clone().or_else(|| l.note.clone()).unwrap_or_default())
            .class("hide-md"),
        Column::new("", move |l: &Leave| {
            if l.status != LeaveStatus::Pending || !api.may(ws, ApproveLeave::INFO.id) {
                return ().into_any();
            }
            let (id, who) = (l.id.clone(), name_of(names, l.user_id));
            let (id2, who2) = (id.clone(), who.clone());
            view! {
                <button type="button" class="btn small" aria-label=t_args("leaves-approve-who", &[("who", who.as_str().into())])
                    on:click=move |_| approve(id.clone(), who.clone())>{t("timesheets-approve")}</button>
                <button type="button" class="btn small ghost" aria-label=t_args("leaves-reject-who", &[("who", who2.as_str().into())])
                    on:click=move |_| {
                        reason.set("");
                        rejecting.set(Some((id2.clone(), who2.clone())));
                    }>{t("timesheets-reject")}</button>
            }
            .into_any()
        })
        .class("actions"),
    ];
    let reject = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((id, who)) = rejecting.get_untracked() else { return };
        let op = RejectLeave::new(id, ws, reason.value.get_untracked().trim().to_owned());
        save(api, reject_form, op, move |_| {
            toaster.show(t_args("leaves-rejected", &[("who", who.as_str().into())]));
            rejecting.set(None);
            res.refetch();
        });
    };
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(&[
            ("status", Some(status.get_untracked())),
            ("member", Some(member.get_untracked())),
            ("policy", Some(policy.get_untracked())),
            ("from", Some(from.get_untracked())),
            ("to", Some(to.get_untracked())),
        ]);
    };
    let status_options = || {
        options(
            Some(&t("leaves-any-status")),
            LeaveStatus::ALL.iter().map(|s| (s.as_str().to_owned(), super::time_common::status_text(s.as_str()))),
        )
    };
    view! {
        <form class="filters" role="search" aria-label=t("leaves-filter") on:submit=apply>
            <label>{t("time-status-label")} <select on:change=move |ev| status.set(event_target_value(&ev))>
                {status_options().into_iter().map(|(v, t)| { let s = v.clone(); view! { <option value=v selected=move || status.get() == s>{t}</option> } }).collect_view()}
            </select></label>
            <label>{t("timesheets-member")} <select on:change=move |ev| member.set(event_target_value(&ev))>
                {move || options(Some(&t("time-anyone")), members.ready().unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n)))
                    .into_iter().map(|(v, t)| { let s = v.clone(); view! { <option value=v selected=move || member.get() == s>{t}</option> } }).collect_view()}
            </select></label>
            <label>{t("leaves-type")} <select on:change=move |ev| policy.set(event_target_value(&ev))>
                {move || policy_options_of(policies.ready(), &t("leaves-any-type"))
                    .into_iter().map(|(v, t)| { let s = v.clone(); view! { <option value=v selected=move || policy.get() == s>{t}</option> } }).collect_view()}
            </select></label>
            <label>{t("time-from")} <input type="date" bind:value=from/></label>
            <label>{t("time-to")} <input type="date" bind:value=to/></label>
            <button type="submit" class="btn">{t("common-apply")}</button>
        </form>
        <div class="list-tools">
            <ExportButton file="leaves" request=Callback::new(move |_| leaves_op(query, ws).to_request())/>
        </div>
        {move || rejecting.get().map(|(_, who)| view! {
            <form class="card form reject" aria-label=t("leaves-reject-form") on:submit=reject novalidate>
                <h2>{t_args("leaves-reject-who", &[("who", who.as_str().into())])}</h2>
                <ErrorBanner error=reject_form.error/>
                <TextArea field=reason label=msg_id("timesheets-reason") form=reject_form rows=2 hint=msg_id("leaves-reason-hint")/>
                <div class="form-actions">
                    <button type="button" class="btn ghost" on:click=move |_| rejecting.set(None)>{t("common-cancel")}</button>
                    <button type="submit" class="btn danger" disabled=move || reject_form.saving.get() || !reject_form.is_valid()>{t("timesheets-reject")}</button>
                </div>
            </form>
        })}
        <ListFrame res query caption=t("leaves-requests") columns key=|l: &Leave| l.id.clone()
            label=|l: &Leave| t_args("leaves-row", &[("id", l.id.as_str().into())]) empty_title=t("leaves-empty") empty_hint=t("leaves-empty-hint") cols=6/>
    }
}

/// `YYYY-MM` of the URL's `month`, else this month.
fn url_month(query: UrlQuery) -> CivilDate {
    query
        .get("month")
        .and_then(|m| CivilDate::parse(&format!("{m}-01")).ok())
        .unwrap_or_else(|| webwork_ui::daterange::today().month_start())
}

/// Monday to Sunday, short, in the reader's language (the days of a week that starts on a Monday).
fn weekdays() -> Vec<String> {
    (1..=7).map(|d| webwork_ui::i18n::short_date_part(2024, 1, d, "weekday")).collect()
}

/// Who is away on `day` among `leaves` (pending ones marked).
fn away_on(leaves: &[Leave], day: CivilDate, names: Names) -> Vec<(String, bool)> {
    let d = day.to_string();
    leaves
        .iter()
        .filter(|l| l.status != LeaveStatus::Rejected)
        .filter(|l| {
            l.start_date.as_deref().is_some_and(|s| s <= d.as_str())
                && l.end_date.as_deref().or(l.start_date.as_deref()).is_some_and(|e| e >= d.as_str())
        })
        .map(|l| {
            (format!("{} ({})", name_of(names, l.user_id), l.policy_name.clone().unwrap_or_default()), l.status == LeaveStatus::Pending)
        })
        .collect()
}

/// The leaves of the calendar's month.
fn month_op(query: UrlQuery, ws: u64) -> ListLeaves {
    let month = url_month(query);
    ListLeaves::new(ws).date_from(month).date_to(month.month_end())
}

#[component]
fn LeaveCalendar(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let names = member_names(api, ws);
    let res = load(move || api.all(month_op(query, ws)));
    let go = move |m: CivilDate| query.set_one("month", Some(format!("{:04}-{:02}", m.year, m.month)));
    view! {
        <div class="month-nav">
            <button type="button" class="btn small ghost" on:click=move |_| go(url_month(query).add_days(-1).month_start())>{t("leaves-previous-month")}</button>
            <h2>{move || crate::format::month_year(url_month(query))}</h2>
            <button type="button" class="btn small ghost" on:click=move |_| go(url_month(query).month_end().add_days(1))>{t("leaves-next-month")}</button>
        </div>
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        {move || res.ready().map(|leaves| {
            let month = url_month(query);
            let first = month.week_start();
            let weeks = (first.days_until(month.month_end()) / 7 + 1) as usize;
            let caption = t_args("leaves-away-in", &[("month", crate::format::month_year(month).into())]);
            view! {
                <div class="table-wrap">
                    <table class="leave-calendar">
                        <caption>{caption}</caption>
                        <thead><tr>{weekdays().into_iter().map(|w| view! { <th scope="col">{w}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {(0..weeks).map(|w| view! {
                                <tr>{(0..7).map(|d| {
                                    let day = first.add_days((w * 7 + d) as i64);
                                    let inside = day.month == month.month;
                                    let away = if inside { away_on(&leaves, day, names) } else { Vec::new() };
                                    view! {
                                        <td class:outside=!inside class:weekend={d >= 5} data-date=day.to_string()>
                                            <span class="day">{day.day}</span>
                                            <ul>{away.into_iter().map(|(who, pending)| view! {
                                                <li class:pending=pending>{who}{pending.then(|| t("leaves-pending-mark"))}</li>
                                            }).collect_view()}</ul>
                                        </td>
                                    }
                                }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })}
    }
}

/// The balances' window: the calendar year of the URL's `year`, else this year.
fn balance_year(query: UrlQuery) -> i32 {
    query.num("year", webwork_ui::daterange::today().year)
}

fn balances_op(ws: u64, year: i32) -> ListLeaveBalances {
    let from = CivilDate::new(year, 1, 1).unwrap_or(CivilDate { year, month: 1, day: 1 });
    ListLeaveBalances::new(ws, from, CivilDate { month: 12, day: 31, ..from })
}

#[component]
fn Balances(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let res = load(move || api.all(balances_op(ws, balance_year(query))));
    view! {
        <div class="month-nav">
            <button type="button" class="btn small ghost" on:click=move |_| query.set_one("year", Some((balance_year(query) - 1).to_string()))>{t("leaves-previous-year")}</button>
            <h2>{move || t_args("leaves-balances-year", &[("year", balance_year(query).to_string().into())])}</h2>
            <button type="button" class="btn small ghost" on:click=move |_| query.set_one("year", Some((balance_year(query) + 1).to_string()))>{t("leaves-next-year")}</button>
            <ExportButton file="leave-balances" request=Callback::new(move |_| balances_op(ws, balance_year(query)).to_request())/>
        </div>
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        {move || res.ready().map(balance_table)}
    }
}

/// Members down, leave types across (in the order the first member lists them).
fn balance_table(rows: Vec<LeaveBalance>) -> AnyView {
    let mut types: Vec<String> = Vec::new();
    for r in &rows {
        for e in &r.leave_information {
            if !types.contains(&e.leave_type) {
                types.push(e.leave_type.clone());
            }
        }
    }
    let cells = |r: &LeaveBalance| -> Vec<String> {
        types
            .iter()
            .map(|t| r.leave_information.iter().find(|e| &e.leave_type == t).map(|e| e.balance.clone()).unwrap_or_default())
            .collect()
    };
    view! {
        <div class="table-wrap">
            <table class="data-table balances">
                <caption>{t("leaves-balances-caption")}</caption>
                <thead><tr><th scope="col">{t("timesheets-member")}</th>{types.iter().map(|t| view! { <th scope="col" class="num">{t.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.iter().map(|r| view! {
                    <tr data-user=r.user_id.to_string()>
                        <th scope="row">{r.user_name.clone()}</th>
                        {cells(r).into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Policies(ws: u64) -> impl IntoView {
    let api = use_api();
    let res = load(move || api.send(ListLeavePolicies::new(ws)));
    view! {
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        {move || res.ready().map(|list| view! {
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{t("leaves-policies")}</caption>
                    <thead><tr><th scope="col">{t("leaves-type")}</th><th scope="col">{t("leaves-counts")}</th><th scope="col">{t("leaves-paid")}</th><th scope="col" class="num">{t("leaves-allowance")}</th></tr></thead>
                    <tbody>{list.into_iter().map(|p| {
                        let hours = p.kind == LeavePolicyKind::HourBased;
                        view! {
                            <tr>
                                <th scope="row">{p.name.clone()}</th>
                                <td>{if hours { t("leaves-counts-hours") } else { t("leaves-counts-days") }}</td>
                                <td>{if p.is_paid.as_str() == "yes" { t("common-yes") } else if p.is_paid.as_str() == "no" { t("common-no") } else { p.is_paid.as_str().to_owned() }}</td>
                                <td class="num">{p.allowance.map(|a| if hours { t_args("time-hours", &[("hours", crate::format::number(a).into())]) } else { t_args("leaves-allowance-days", &[("days", a.into())]) }).unwrap_or_else(|| t("leaves-unlimited"))}</td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
            </div>
        })}
    }
}

fn required_error(field: &'static str) -> ApiError {
    ApiError::InvalidRequest { field, reason: "is required".to_owned() }
}

/// The request form: member, type, dates; half days for a one-day day-based leave, times and
/// hours per day for an hour-based one.
#[component]
pub fn LeaveNewPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let members = load(move || member_options(api, ws));
    let policies = load(move || api.send(ListLeavePolicies::new(ws)));
    let user = FieldState::new("user_id", "").check(checks::required);
    let policy = FieldState::new("policy_id", "").check(checks::required);
    let start = FieldState::new("start", "").check(|v| checks::required(v).or_else(|| checks::optional_date(v)));
    let end = FieldState::new("end", "").check(|v| checks::required(v).or_else(|| checks::optional_date(v)));
    let period = FieldState::new("leave_period", "0");
    let start_time = FieldState::new("start_time", "");
    let end_time = FieldState::new("end_time", "");
    let hours = FieldState::new("hours_per_day", "").check(checks::optional_amount);
    let reason = FieldState::new("reason", "").check(checks::max_len(1000));
    let form = Form::new(vec![user, policy, start, end, period, start_time, end_time, hours, reason]);
    let hour_based = move || {
        let id = policy.value.get();
        policies.ready().unwrap_or_default().iter().any(|p| p.id.to_string() == id && p.kind == LeavePolicyKind::HourBased)
    };
    let one_day = move || !start.value.get().is_empty() && start.value.get() == end.value.get();
    // Typing the start fills an empty end (most leave is one day or starts the span).
    Effect::new(move |_| {
        let s = start.value.get();
        if !s.is_empty() && end.value.get_untracked().is_empty() {
            end.value.set(s);
        }
    });
    let build = move || -> Result<RequestLeave, ApiError> {
        let uid = user.num::<u64>().ok_or_else(|| required_error("user_id"))?;
        let pid = policy.num::<u64>().ok_or_else(|| required_error("policy_id"))?;
        let mut op = RequestLeave::new(ws, pid, start.value.get().trim().to_owned(), end.value.get().trim().to_owned(), uid);
        if hour_based() {
            if let Some(v) = start_time.opt() {
                op = op.start_time(v);
            }
            if let Some(v) = end_time.opt() {
                op = op.end_time(v);
            }
            if let Some(h) = hours.num::<f64>() {
                op = op.hours_per_day(h);
            }
        } else if one_day() {
            if let Some(code) = period.num::<i64>().filter(|c| *c != 0) {
                op = op.leave_period(LeavePeriod::from_code(code));
            }
        }
        if let Some(r) = reason.opt() {
            op = op.reason(r);
        }
        Ok(op)
    };
    Effect::new(move |_| {
        let rule = build().and_then(|op| op.to_request().map(|_| ()));
        // A missing member or type is shown by its field's own check, not as a rule.
        if !matches!(&rule, Err(ApiError::InvalidRequest { reason, .. }) if *reason == "is required") {
            form.show_rule(&rule);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(op) = untrack(build) else {
            form.begin();
            return;
        };
        save(api, form, op, move |_| {
            toaster.show(t("leaves-requested"));
            nav.go(&Route::Leaves { ws }.href());
        });
    };
    let period_options = || LeavePeriod::ALL.iter().map(|p| (p.code().to_string(), period_label(*p))).collect::<Vec<_>>();
    view! {
        <BackLink href=Route::Leaves { ws }.href() text=t("nav-leaves")/>
        <PageHeader title=t("leaves-request")/>
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <SelectField field=user label=msg_id("timesheets-member") form=form required=true
                options=Signal::derive(move || options(Some(&t("time-requests-choose-member")), members.ready().unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n))))/>
            <SelectField field=policy label=msg_id("leaves-leave-type") form=form required=true
                options=Signal::derive(move || policy_options_of(policies.ready(), &t("leaves-choose-type")))/>
            <div class="row">
                <TextField field=start label=msg_id("leaves-first-day") kind="date" form=form required=true/>
                <TextField field=end label=msg_id("leaves-last-day") kind="date" form=form required=true/>
            </div>
            <Show when=move || !hour_based() && one_day()>
                <SelectField field=period label=msg_id("leaves-part-of-day") form=form options=Signal::derive(period_options)
                    hint=msg_id("leaves-part-of-day-hint")/>
            </Show>
            <Show when=hour_based>
                <div class="row">
                    <TextField field=start_time label=msg_id("time-from") kind="time" form=form/>
                    <TextField field=end_time label=msg_id("time-to") kind="time" form=form/>
                    <TextField field=hours label=msg_id("leaves-hours-per-day") kind="number" step="any" form=form hint=msg_id("leaves-hours-per-day-hint")/>
                </div>
            </Show>
            <TextArea field=reason label=msg_id("timesheets-reason") form=form rows=2/>
            <p class="hint">{t("leaves-working-days")}</p>
            <div class="form-actions">
                <SubmitButton form=form label=msg_id("leaves-request") busy=msg_id("leaves-requesting")/>
            </div>
        </form>
    }
}
