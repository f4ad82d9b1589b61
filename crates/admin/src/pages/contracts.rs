//! Contracts (a member's assignment to a project): the list by project or member, create,
//! edit, pause/activate, delete. URL state of the list: `project`, `member`, `status`, `page`,
//! `per_page`.

use leptos::prelude::*;
use webwork_core::models::{Contract, ContractStatus, RateType};
use webwork_core::ops::{CreateContract, DeleteContract, GetContract, ListContracts, Operation, UpdateContract};
use webwork_ui::form::checks;
use webwork_ui::{Column, ConfirmDialog, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TextField, Toaster};

use super::projects::{screenshot_change, screenshot_options};
use super::{member_options, num, opt, project_options, Allowed, BackLink, ConfirmAction, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query};
use crate::routes::Route;

fn member_name(c: &Contract) -> String {
    let n = format!("{} {}", c.user_firstname.as_deref().unwrap_or(""), c.user_lastname.as_deref().unwrap_or(""));
    let n = n.trim();
    if n.is_empty() {
        c.user_email.clone().unwrap_or_else(|| format!("member {}", c.user_id))
    } else {
        n.to_owned()
    }
}

fn rate_text(c: &Contract) -> String {
    let rate = c.rate.map(num).unwrap_or_else(|| "—".to_owned());
    match c.rate_type {
        Some(t) => format!("{rate} ({})", webwork_ui::lowercase(&t.label())),
        None => rate,
    }
}

fn rate_type_options() -> Vec<(String, String)> {
    super::options(Some("(server default)"), RateType::ALL.iter().map(|t| (t.code().to_string(), t.label().into_owned())))
}

/// Pauses or activates a contract, then reloads.
fn set_status(api: Api, toaster: Toaster, ws: u64, c: &Contract, status: ContractStatus, after: Callback<()>) {
    let (id, name) = (c.id, format!("{} on {}", member_name(c), c.project_name.clone().unwrap_or_default()));
    leptos::task::spawn_local(async move {
        let verb = if status == ContractStatus::Paused { "Paused" } else { "Activated" };
        match api.send(UpdateContract::new(id, ws).status(status)).await {
            Ok(_) => toaster.show(format!("{verb} {name}.")),
            Err(e) => toaster.error(format!("Could not change {name}: {e}")),
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

#[component]
pub fn ContractsPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let res = load(move || api.page(contracts_op(query, ws).page(query.page()).per_page(query.per_page())));
    let export = Callback::new(move |_| contracts_op(query, ws).to_request());
    let projects = load(move || project_options(api, ws));
    let members = load(move || member_options(api, ws));
    let reload = Callback::new(move |_| res.refetch());
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new((0u64, String::new()));

    let columns = vec![
        Column::new("Member", move |c: &Contract| {
            view! { <a href=Route::Contract { ws, id: c.id }.href()>{member_name(c)}</a> }.into_any()
        }),
        Column::text("Project", |c: &Contract| opt(&c.project_name)),
        Column::text("Rate", rate_text).class("hide-sm"),
        Column::text("Hours / week", |c: &Contract| opt(&c.weekly_hours_limit)).class("num hide-md"),
        Column::text("Screenshots", |c: &Contract| c.screenshots_label.clone().or_else(|| c.screenshots.clone()).unwrap_or_default()).class("hide-md"),
        Column::new("Status", |c: &Contract| {
            view! { <span class="badge" data-status=c.status.as_str().to_owned()>{c.status.as_str().to_owned()}</span> }.into_any()
        }),
        Column::new("", move |c: &Contract| {
            let paused = c.status == ContractStatus::Paused;
            let (c1, id, who) = (c.clone(), c.id, member_name(c));
            let who2 = who.clone();
            view! {
                <Allowed ws op=UpdateContract::INFO.id>
                    <button type="button" class="btn small ghost" aria-label=format!("{} the contract of {who}", if paused { "Activate" } else { "Pause" })
                        on:click=move |_| {
                            let next = if paused { ContractStatus::Active } else { ContractStatus::Paused };
                            set_status(api, toaster, ws, &c1, next, reload);
                        }>{if paused { "Activate" } else { "Pause" }}</button>
                </Allowed>
                <Allowed ws op=DeleteContract::INFO.id>
                    <ConfirmAction label="Delete" aria=format!("Delete the contract of {who2}") target=(id, who2.clone()) pending=pending confirm=confirm/>
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
                Ok(_) => toaster.show(format!("Deleted the contract of {who}.")),
                Err(e) => toaster.error(format!("Could not delete the contract: {e}")),
            };
            res.refetch();
        });
    });
    let filter_select = move |key: &'static str, label: &'static str, opts: Signal<Vec<(u64, String)>>| {
        view! {
            <label>{label}
                <select on:change=move |ev| query.set_one(key, Some(event_target_value(&ev)))>
                    <option value="">"Any"</option>
                    {move || opts.get().into_iter().map(|(id, name)| {
                        let selected = query.get(key) == Some(id.to_string());
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <PageHeader title="Contracts">
            <Allowed ws op=CreateContract::INFO.id>
                <a class="btn primary" href=move || Route::ContractNew { ws }.href()>"New contract"</a>
            </Allowed>
            <ExportButton file="contracts" request=export/>
        </PageHeader>
        <div class="filters">
            {filter_select("project", "Project", Signal::derive(move || projects.ready().unwrap_or_default()))}
            {filter_select("member", "Member", Signal::derive(move || members.ready().unwrap_or_default()))}
            <label>"Status"
                <select on:change=move |ev| query.set_one("status", Some(event_target_value(&ev)))>
                    <option value="">"Any"</option>
                    {ContractStatus::ALL.iter().map(|s| {
                        let v = s.as_str();
                        view! { <option value=v selected=move || query.get("status").as_deref() == Some(v)>{v}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <ListFrame res query caption="Contracts" columns key=|c: &Contract| c.id.to_string() label=member_name
            on_open=Callback::new(move |c: Contract| nav.go(&Route::Contract { ws, id: c.id }.href()))
            empty_title="No contracts match" empty_hint="A contract puts a member on a project." cols=6/>
        <ConfirmDialog open=confirm title="Delete this contract?"
            message=Signal::derive(move || format!("{} can no longer track time on this project.", pending.get().1))
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
                toaster.show("Contract saved.");
                on_saved.run(id);
            }),
            None => save(api, form, untrack(build_create), move |c: Contract| {
                toaster.show("Contract created.");
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
                        <SelectField field=member label="Member" form=form required=true
                            options=Signal::derive(move || as_options(members.ready(), "Choose a member"))/>
                        <SelectField field=project label="Project" form=form required=true
                            options=Signal::derive(move || as_options(projects.ready(), "Choose a project"))/>
                    </div>
                }.into_any(),
                _ => view! {
                    <p>{format!("{} on {}", member_name(&c), c.project_name.clone().unwrap_or_default())}</p>
                    <SelectField field=status label="Status" form=form
                        options=Signal::derive(|| ContractStatus::ALL.iter().map(|s| (s.as_str().to_owned(), s.as_str().to_owned())).collect())/>
                }.into_any(),
            }}
            <div class="row">
                <SelectField field=rate_type label="Rate type" form=form options=Signal::derive(rate_type_options)
                    hint="A custom rate for this contract, the member's rate, or the project's rate."/>
                <Show when=custom_rate>
                    <TextField field=rate label="Rate (per hour)" kind="number" step="any" form=form/>
                </Show>
            </div>
            <div class="row">
                <TextField field=hours label="Weekly hours limit" kind="number" step="1" form=form hint="0 to 168; 168 when left empty."/>
                <SelectField field=screenshots label="Screenshot mode" form=form options=Signal::derive(move || saved_mode.with_value(|m| screenshot_options(m)))/>
            </div>
            <div class="form-actions">
                <SubmitButton form=form label={if editing.is_some() { "Save" } else { "Create contract" }}/>
            </div>
        </form>
    }
}

#[component]
pub fn ContractNewPage(ws: u64) -> impl IntoView {
    let nav = use_nav();
    view! {
        <BackLink href=Route::Contracts { ws }.href() text="Contracts"/>
        <PageHeader title="New contract"/>
        <ContractForm ws=ws on_saved=Callback::new(move |_| nav.go(&Route::Contracts { ws }.href()))/>
    }
}

#[component]
pub fn ContractPage(ws: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let res = load(move || async move { api.send(GetContract::new(id, ws)).await });
    view! {
        <BackLink href=Route::Contracts { ws }.href() text="Contracts"/>
        <ItemFrame res>
            {move || res.ready().map(|c| view! {
                <PageHeader title=format!("Contract {}", c.id)/>
                <ContractForm ws=ws contract=c on_saved=Callback::new(move |_| res.refetch())/>
            })}
        </ItemFrame>
    }
}
