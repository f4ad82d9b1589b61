//! Contracts (a member's assignment to a project): the list by project or member, create,
//! edit, pause/activate, delete. URL state of the list: `project`, `member`, `status`, `page`,
//! `per_page`.

use leptos::prelude::*;
use webwork_core::models::{Contract, ContractStatus, RateType};
use webwork_core::ops::{CreateContract, DeleteContract, GetContract, ListContracts, Operation, UpdateContract};
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, ConfirmDialog, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TextField, Toaster};

use super::projects::{screenshot_change, screenshot_options};
use super::{member_options, num, opt, project_options, Allowed, BackLink, ConfirmAction, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

fn member_name(c: &Contract) -> String {
    let n = format!("{} {}", c.user_firstname.as_deref().unwrap_or(""), c.user_lastname.as_deref().unwrap_or(""));
    let n = n.trim();
    if n.is_empty() {
        c.user_email.clone().unwrap_or_else(|| t_args("contracts-member-id", &[("id", c.user_id.to_string().into())]))
    } else {
        n.to_owned()
    }
}

fn rate_text(c: &Contract) -> String {
    let rate = c.rate.map(crate::format::number).unwrap_or_else(|| "—".to_owned());
    match c.rate_type {
        Some(t) => t_args("contracts-rate-with-type", &[("rate", rate.into()), ("type", rate_type_label(t).into())]),
        None => rate,
    }
}

/// Where a rate comes from, in the reader's language.
fn rate_type_label(kind: RateType) -> String {
    match kind {
        RateType::Custom => t("contracts-rate-custom"),
        RateType::Member => t("contracts-rate-member"),
        RateType::Project => t("contracts-rate-project"),
        other => other.label().into_owned(),
    }
}

/// A contract status's name in the reader's language.
fn status_label(s: &ContractStatus) -> String {
    match s {
        ContractStatus::Active => t("contracts-status-active"),
        ContractStatus::Paused => t("contracts-status-paused"),
        other => other.as_str().to_owned(),
    }
}

fn rate_type_options() -> Vec<(String, String)> {
    super::options(Some(&t("contracts-server-default")), RateType::ALL.iter().map(|t| (t.code().to_string(), rate_type_label(*t))))
}

/// "Ana Silva on Website", in the reader's language.
fn on_project(c: &Contract) -> String {
    t_args("contracts-on-project", &[("member", member_name(c).into()), ("project", c.project_name.clone().unwrap_or_default().into())])
}

/// Pauses or activates a contract, then reloads.
fn set_status(api: Api, toaster: Toaster, ws: u64, c: &Contract, status: ContractStatus, after: Callback<()>) {
    let (id, name) = (c.id, on_project(c));
    leptos::task::spawn_local(async move {
        let paused = status == ContractStatus::Paused;
        match api.send(UpdateContract::new(id, ws).status(status)).await {
            Ok(_) if paused => toaster.show(t_args("contracts-paused", &[("name", name.as_str().into())])),
            Ok(_) => toaster.show(t_args("contracts-activated", &[("name", name.as_str().into())])),
            Err(e) => toaster.error(t_args(
                "contracts-change-failed",
                &[("name", name.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
            )),
        };
        after.run(());
    });
}

/// The list's filters from the URL (shared by the list and its export).
fn contracts_op(query: crate::nav::UrlQuery, ws: u64) -> ListContracts {
    let mut op = ListContracts::new(ws);
    if let Some(p) = query.get("project").and_then(|v| v.parse::<u64>().ok()) {
        op = op.project_id(p);
    }
    if let Some(m) = query.get("member").and_then(|v| v.parse::<u64>().ok()) {
        op = op.user_id(m);
    }
    if let Some(s) = query.get("status") {
        op = op.status(ContractStatus::parse(&s));
    }
    op
}

/// What the contract pages ask first ([`super::FirstRequests`]): the list's page and its
/// project and member selects, the new contract's selects, a contract's read.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    match *route {
        Route::Contracts { ws } => {
            vec![super::url_page(contracts_op(query, ws), query).to_request(), super::projects_first(ws), super::members_first(ws)]
        }
        Route::ContractNew { ws } => vec![super::members_first(ws), super::projects_first(ws)],
        Route::Contract { ws, id } => vec![GetContract::new(id, ws).to_request()],
        _ => Vec::new(),
    }
}

#[component]
pub fn ContractsPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let res = load(move || api.page(super::url_page(contracts_op(query, ws), query)));
    let export = Callback::new(move |_| contracts_op(query, ws).to_request());
    let projects = load(move || project_options(api, ws));
    let members = load(move || member_options(api, ws));
    let reload = Callback::new(move |_| res.refetch());
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new((0u64, String::new()));

    let columns = vec![
        Column::new("contracts-member", move |c: &Contract| {
            view! { <a href=Route::Contract { ws, id: c.id }.href()>{member_name(c)}</a> }.into_any()
        }),
        Column::text("contracts-project", |c: &Contract| opt(&c.project_name)),
        Column::text("member-rate", rate_text).class("hide-sm"),
        Column::text("contracts-hours-week", |c: &Contract| opt(&c.weekly_hours_limit)).class("num hide-md"),
        Column::text("member-screenshots", |c: &Contract| c.screenshots_label.clone().or_else(|| c.screenshots.clone()).unwrap_or_default()).class("hide-md"),
        Column::new("members-col-status", |c: &Contract| {
            view! { <span class="badge" data-status=c.status.as_str().to_owned()>{status_label(&c.status)}</span> }.into_any()
        }),
        Column::new("", move |c: &Contract| {
            let paused = c.status == ContractStatus::Paused;
            let (c1, id, who) = (c.clone(), c.id, member_name(c));
            let who2 = who.clone();
            view! {
                <Allowed ws op=UpdateContract::INFO.id>
                    <button type="button" class="btn small ghost" aria-label=t_args(if paused { msg_id("contracts-activate-name") } else { msg_id("contracts-pause-name") }, &[("name", who.as_str().into())])
                        on:click=move |_| {
                            let next = if paused { ContractStatus::Active } else { ContractStatus::Paused };
                            set_status(api, toaster, ws, &c1, next, reload);
                        }>{if paused { t("contracts-activate") } else { t("contracts-pause") }}</button>
                </Allowed>
                <Allowed ws op=DeleteContract::INFO.id>
                    <ConfirmAction label=msg_id("common-delete") aria=t_args("contracts-delete-name", &[("name", who2.as_str().into())]) target=(id, who2.clone()) pending=pending confirm=confirm/>
                </Allowed>
            }
            .into_any()
        })
        .class("actions"),
    ];
    let delete = Callback::new(move |_| {
        let (id, who) = pending.get_untracked();
        leptos::task::spawn_local(async move {
            match api.send(DeleteContract::new(id, ws)).await {
                Ok(_) => toaster.show(t_args("contracts-deleted", &[("name", who.as_str().into())])),
                Err(e) => toaster.error(t_args("contracts-delete-failed", &[("error", webwork_ui::error_sentence(&e).into())])),
            };
            res.refetch();
        });
    });
    let filter_select = move |key: &'static str, label: &'static str, opts: Signal<Vec<(u64, String)>>| {
        view! {
            <label>{t(label)}
                <select on:change=move |ev| query.set_one(key, Some(event_target_value(&ev)))>
                    <option value="">{t("common-any")}</option>
                    {move || opts.get().into_iter().map(|(id, name)| {
                        let selected = query.get(key) == Some(id.to_string());
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <PageHeader title=t("nav-contracts")>
            <Allowed ws op=CreateContract::INFO.id>
                <a class="btn primary" href=move || Route::ContractNew { ws }.href()>{t("contracts-new")}</a>
            </Allowed>
            <ExportButton file="contracts" request=export/>
        </PageHeader>
        <div class="filters">
            {filter_select("project", msg_id("contracts-project"), Signal::derive(move || projects.ready().unwrap_or_default()))}
            {filter_select("member", msg_id("contracts-member"), Signal::derive(move || members.ready().unwrap_or_default()))}
            <label>{t("members-col-status")}
                <select on:change=move |ev| query.set_one("status", Some(event_target_value(&ev)))>
                    <option value="">{t("common-any")}</option>
                    {ContractStatus::ALL.iter().map(|s| {
                        let v = s.as_str();
                        view! { <option value=v selected=move || query.get("status").as_deref() == Some(v)>{status_label(s)}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <ListFrame res query caption=t("nav-contracts") columns key=|c: &Contract| c.id.to_string() label=member_name
            on_open=Callback::new(move |c: Contract| nav.go(&Route::Contract { ws, id: c.id }.href()))
            empty_title=t("contracts-empty") empty_hint=t("contracts-empty-hint") cols=6/>
        <ConfirmDialog open=confirm title=t("contracts-delete-title")
            message=Signal::derive(move || t_args("contracts-delete-confirm", &[("name", pending.get().1.into())]))
            confirm_label="Delete" danger=true on_confirm=delete/>
    }
}

/// Create (no `contract`) or edit a contract.
#[component]
pub fn ContractForm(ws: u64, #[prop(optional)] contract: Option<Contract>, on_saved: Callback<u64>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let c = contract.clone().unwrap_or_default();
    let editing = contract.as_ref().map(|c| c.id);
    let query = use_url_query();
    let member =
        FieldState::new("user_id", query.initial("member")).check(move |v| if editing.is_none() { checks::required(v) } else { None });
    let project =
        FieldState::new("project_id", query.initial("project")).check(move |v| if editing.is_none() { checks::required(v) } else { None });
    let rate_type = FieldState::new("rate_type", c.rate_type.map(|t| t.code().to_string()).unwrap_or_default());
    let rate = FieldState::new("rate", c.rate.map(num).unwrap_or_default()).check(checks::optional_amount);
    let hours = FieldState::new("weekly_hours_limit", opt(&c.weekly_hours_limit)).check(checks::optional_int(0, 168));
    let saved_mode = StoredValue::new(opt(&c.screenshots));
    let screenshots = FieldState::new("screenshots", saved_mode.get_value());
    let status = FieldState::new("status", c.status.as_str());
    let form = Form::new(vec![member, project, rate_type, rate, hours, screenshots, status]);
    let custom_rate = move || rate_type.value.get() == RateType::Custom.code().to_string();
    let (members, projects) = if editing.is_none() {
        (Some(load(move || member_options(api, ws))), Some(load(move || project_options(api, ws))))
    } else {
        (None, None)
    };
    let as_options = |list: Option<Vec<(u64, String)>>, none: &str| {
        super::options(Some(none), list.unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n)))
    };

    macro_rules! fill {
        ($op:expr) => {{
            let mut op = $op;
            if let Some(t) = rate_type.num::<i64>() {
                op = op.rate_type(RateType::from_code(t));
            }
            if custom_rate() {
                if let Some(r) = rate.num::<f64>() {
                    op = op.rate(r);
                }
            }
            if let Some(h) = hours.num::<u64>() {
                op = op.weekly_hours_limit(h);
            }
            if let Some(s) = saved_mode.with_value(|m| screenshot_change(screenshots, m)) {
                op = op.screenshots(s);
            }
            op
        }};
    }
    let build_create = move || fill!(CreateContract::new(ws, project.num::<u64>().unwrap_or(0), member.num::<u64>().unwrap_or(0)));
    let build_update = move |id: u64| fill!(UpdateContract::new(id, ws).status(ContractStatus::parse(&status.value.get())));
    Effect::new(move |_| {
        let rule = match editing {
            Some(id) => build_update(id).to_request().map(|_| ()),
            None => build_create().to_request().map(|_| ()),
        };
        // "is required" for a 0 id is the select's own check; show only the other rules.
        if !matches!(&rule, Err(webwork_core::ApiError::InvalidRequest { field: "project_id" | "user_id", .. })) {
            form.show_rule(&rule);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match editing {
            Some(id) => save(api, form, untrack(|| build_update(id)), move |_| {
                toaster.show(t("contracts-saved"));
                on_saved.run(id);
            }),
            None => save(api, form, untrack(build_create), move |c: Contract| {
                toaster.show(t("contracts-created"));
                on_saved.run(c.id);
            }),
        }
    };
    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            {match (members, projects) {
                (Some(members), Some(projects)) => view! {
                    <ErrorBanner error=Signal::derive(move || members.error().or_else(|| projects.error()))/>
                    <div class="row">
                        <SelectField field=member label=msg_id("contracts-member") form=form required=true
                            options=Signal::derive(move || as_options(members.ready(), &t("contracts-choose-member")))/>
                        <SelectField field=project label=msg_id("contracts-project") form=form required=true
                            options=Signal::derive(move || as_options(projects.ready(), &t("viewers-choose-project")))/>
                    </div>
                }.into_any(),
                _ => view! {
                    <p>{on_project(&c)}</p>
                    <SelectField field=status label=msg_id("members-col-status") form=form
                        options=Signal::derive(|| ContractStatus::ALL.iter().map(|s| (s.as_str().to_owned(), status_label(s))).collect())/>
                }.into_any(),
            }}
            <div class="row">
                <SelectField field=rate_type label=msg_id("member-rate-type") form=form options=Signal::derive(rate_type_options)
                    hint=msg_id("contracts-rate-type-hint")/>
                <Show when=custom_rate>
                    <TextField field=rate label=msg_id("projects-rate-per-hour") kind="number" step="any" form=form/>
                </Show>
            </div>
            <div class="row">
                <TextField field=hours label=msg_id("member-weekly-hours") kind="number" step="1" form=form hint=msg_id("contracts-weekly-hours-hint")/>
                <SelectField field=screenshots label=msg_id("projects-screenshot-mode") form=form options=Signal::derive(move || saved_mode.with_value(|m| screenshot_options(m)))/>
            </div>
            <div class="form-actions">
                <SubmitButton form=form label={if editing.is_some() { msg_id("common-save") } else { msg_id("contracts-create") }}/>
            </div>
        </form>
    }
}

#[component]
pub fn ContractNewPage(ws: u64) -> impl IntoView {
    let nav = use_nav();
    view! {
        <BackLink href=Route::Contracts { ws }.href() text=t("nav-contracts")/>
        <PageHeader title=t("contracts-new")/>
        <ContractForm ws=ws on_saved=Callback::new(move |_| nav.go(&Route::Contracts { ws }.href()))/>
    }
}

#[component]
pub fn ContractPage(ws: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let res = load(move || async move { api.send(GetContract::new(id, ws)).await });
    view! {
        <BackLink href=Route::Contracts { ws }.href() text=t("nav-contracts")/>
        <ItemFrame res>
            {move || res.ready().map(|c| view! {
                <PageHeader title=t_args("contracts-title", &[("id", c.id.to_string().into())])/>
                <ContractForm ws=ws contract=c on_saved=Callback::new(move |_| res.refetch())/>
            })}
        </ItemFrame>
    }
}
