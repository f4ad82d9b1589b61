//! Projects: the list (name filter, tags as chips), create and edit on one form, archive.
//! URL state of the list: `name`, `page`, `per_page`.

use leptos::prelude::*;
use webwork_core::models::{Project, ScreenshotMode};
use webwork_core::ops::{CreateProject, DeleteProject, GetProject, ListProjects, Operation, UpdateProject};
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{
    CheckboxField, Column, ConfirmDialog, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TagChip, TextArea, TextField, Toaster,
};

use super::{num, opt, Allowed, BackLink, ConfirmAction, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

/// Screenshot modes as select options, "(not set)" first. A saved mode outside the documented
/// list (the seed's own project sample has `blur`) is offered as it is, so an edit form shows
/// what is saved instead of "(not set)".
pub fn screenshot_options(saved: &str) -> Vec<(String, String)> {
    let mut list = super::options(
        Some(&t("common-not-set")),
        ScreenshotMode::ALL.iter().map(|m| (m.as_str().to_owned(), m.as_str().replace('_', " "))),
    );
    if !saved.is_empty() && !ScreenshotMode::ALL.iter().any(|m| m.as_str() == saved) {
        list.push((saved.to_owned(), t_args("projects-as-saved", &[("mode", saved.into())])));
    }
    list
}

/// The screenshot mode to send: none while the field holds what is saved, so editing other
/// fields never fails on a mode the server itself set (the API would refuse it as input).
pub fn screenshot_change(field: FieldState, saved: &str) -> Option<ScreenshotMode> {
    field.opt().filter(|v| v != saved).map(|v| ScreenshotMode::parse(&v))
}

fn tags_view(p: &Project) -> AnyView {
    view! {
        <span class="chips">
            {p.tags.iter().map(|t| view! { <TagChip name=t.name.clone() color=t.color.clone().unwrap_or_default()/> }).collect_view()}
        </span>
    }
    .into_any()
}

/// The list's filters from the URL (shared by the list and its export).
fn projects_op(query: crate::nav::UrlQuery, ws: u64) -> ListProjects {
    let mut op = ListProjects::new(ws);
    if let Some(n) = query.get("name") {
        op = op.name(n);
    }
    op
}

/// What the project pages ask first ([`super::FirstRequests`]): the list's page, a project's read.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    match *route {
        Route::Projects { ws } => vec![super::url_page(projects_op(query, ws), query).to_request()],
        Route::Project { ws, id } => vec![GetProject::new(id, ws).to_request()],
        _ => Vec::new(),
    }
}

#[component]
pub fn ProjectsPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let res = load(move || api.page(super::url_page(projects_op(query, ws), query)));
    let name = RwSignal::new(query.initial("name"));
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new((0u64, String::new()));
    let columns = vec![
        Column::new("members-col-name", move |p: &Project| {
            view! { <a href=Route::Project { ws, id: p.id }.href()>{p.name.clone()}</a> }.into_any()
        }),
        Column::new("projects-tags", tags_view),
        Column::text("projects-billable", |p: &Project| if p.is_billable { t("common-yes") } else { t("common-no") }).class("hide-sm"),
        Column::text("member-rate", |p: &Project| p.rate.map(crate::format::number).unwrap_or_default()).class("num hide-sm"),
        Column::text("projects-deadline", |p: &Project| p.deadline.as_deref().map(crate::format::date_text).unwrap_or_default()).class("hide-md"),
        Column::text("nav-contracts", |p: &Project| crate::format::number(p.contracts_count as f64)).class("num hide-md"),
        Column::new("", move |p: &Project| {
            let (id, name) = (p.id, p.name.clone());
            view! {
                <a class="btn small ghost" href=Route::Tasks { ws }.href_with(&[("project", &id.to_string())])>{t("nav-tasks")}</a>
                <a class="btn small ghost hide-sm" href=format!("{}?project={id}", Route::Contracts { ws }.href())>{t("nav-contracts")}</a>
                <Allowed ws op=DeleteProject::INFO.id>
                    <ConfirmAction label=msg_id("members-archive") aria=t_args("members-archive-name", &[("name", name.as_str().into())]) target=(id, name.clone()) pending=pending confirm=confirm/>
                </Allowed>
            }
            .into_any()
        })
        .class("actions"),
    ];
    let archive = Callback::new(move |_| {
        let (id, name) = pending.get_untracked();
        leptos::task::spawn_local(async move {
            match api.send(DeleteProject::new(id, ws)).await {
                Ok(_) => {
                    toaster.show(t_args("members-archived-one", &[("name", name.as_str().into())]));
                    res.refetch();
                }
                Err(e) => {
                    toaster.error(t_args(
                        "projects-archive-failed",
                        &[("name", name.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                    ));
                }
            }
        });
    });
    view! {
        <PageHeader title=t("nav-projects")>
            <Allowed ws op=CreateProject::INFO.id>
                <a class="btn primary" href=move || Route::ProjectNew { ws }.href()>{t("projects-new")}</a>
            </Allowed>
            <ExportButton file="projects" request=Callback::new(move |_| projects_op(query, ws).to_request())/>
        </PageHeader>
        <form class="filters" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set_one("name", Some(name.get_untracked().trim().to_owned()));
        }>
            <label>{t("projects-name-contains")} " " <input type="search" bind:value=name placeholder=t("projects-name-placeholder")/></label>
            <button type="submit" class="btn">{t("common-apply")}</button>
        </form>
        <ListFrame res query caption=t("nav-projects") columns key=|p: &Project| p.id.to_string() label=|p: &Project| p.name.clone()
            on_open=Callback::new(move |p: Project| nav.go(&Route::Project { ws, id: p.id }.href()))
            empty_title=t("projects-empty") empty_hint=t("projects-empty-hint") cols=6/>
        <ConfirmDialog open=confirm title=t("projects-archive-title")
            message=Signal::derive(move || t_args("projects-archive-confirm", &[("name", pending.get().1.into())]))
            confirm_label=msg_id("members-archive") danger=true on_confirm=archive/>
    }
}

/// The project form: creates when `project` is `None`, edits otherwise.
#[component]
pub fn ProjectForm(ws: u64, #[prop(optional)] project: Option<Project>, on_saved: Callback<u64>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let p = project.clone().unwrap_or_default();
    let editing = project.as_ref().map(|p| p.id);
    let name = FieldState::new("name", p.name.clone()).check(checks::text(255));
    let start = FieldState::new("start_date", opt(&p.start_date)).check(checks::optional_date);
    let deadline = FieldState::new("deadline", opt(&p.deadline)).check(checks::optional_date);
    let estimation = FieldState::new("estimation", p.estimation.map(num).unwrap_or_default()).check(checks::optional_amount);
    let budget = FieldState::new("budget", p.budget_estimation.map(num).unwrap_or_default()).check(checks::optional_amount);
    let rate = FieldState::new("rate", p.rate.map(num).unwrap_or_default()).check(checks::optional_amount);
    let hours = FieldState::new("weekly_hours_limit", opt(&p.weekly_hours_limit)).check(checks::optional_int(0, 168));
    let saved_mode = StoredValue::new(opt(&p.screenshots));
    let screenshots = FieldState::new("screenshots", saved_mode.get_value());
    let tags = FieldState::new("tags", p.tags.iter().map(|t| t.name.clone()).collect::<Vec<_>>().join(", "));
    let notes = FieldState::new("notes", opt(&p.notes)).check(checks::max_len(10_000));
    let billable = RwSignal::new(project.as_ref().map(|p| p.is_billable).unwrap_or(true));
    let form = Form::new(vec![name, start, deadline, estimation, budget, rate, hours, screenshots, tags, notes]);

    // Both operations take the same fields; one builder fills either.
    macro_rules! fill {
        ($op:expr) => {{
            let mut op = $op;
            if let Some(v) = start.opt() {
                op = op.start_date(v.as_str());
            }
            if let Some(v) = deadline.opt() {
                op = op.deadline(v.as_str());
            }
            if let Some(v) = estimation.num::<f64>() {
                op = op.estimation(v);
            }
            if let Some(v) = budget.num::<f64>() {
                op = op.budget(v);
            }
            op = op.is_billable(billable.get());
            if billable.get() {
                if let Some(v) = rate.num::<f64>() {
                    op = op.rate(v);
                }
            }
            if let Some(v) = hours.num::<u64>() {
                op = op.weekly_hours_limit(v);
            }
            if let Some(v) = saved_mode.with_value(|m| screenshot_change(screenshots, m)) {
                op = op.screenshots(v);
            }
            let tag_list: Vec<String> = tags.value.get().split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
            if !tag_list.is_empty() || editing.is_some() {
                op = op.tags(tag_list);
            }
            if let Some(v) = notes.opt() {
                op = op.notes(v);
            }
            op
        }};
    }
    let build_create = move || fill!(CreateProject::new(ws, name.value.get().trim().to_owned()));
    let build_update = move |id: u64| fill!(UpdateProject::new(id, ws).name(name.value.get().trim().to_owned()));
    Effect::new(move |_| {
        let rule = match editing {
            Some(id) => build_update(id).to_request().map(|_| ()),
            None => build_create().to_request().map(|_| ()),
        };
        form.show_rule(&rule);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match editing {
            Some(id) => save(api, form, untrack(|| build_update(id)), move |_| {
                toaster.show(t("projects-saved"));
                on_saved.run(id);
            }),
            None => save(api, form, untrack(build_create), move |p: Project| {
                toaster.show(t_args("projects-created", &[("name", p.name.as_str().into())]));
                on_saved.run(p.id);
            }),
        }
    };
    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <TextField field=name label=msg_id("members-col-name") form=form required=true/>
            <div class="row">
                <TextField field=start label=msg_id("projects-start-date") kind="date" form=form/>
                <TextField field=deadline label=msg_id("projects-deadline") kind="date" form=form/>
            </div>
            <div class="row">
                <TextField field=estimation label=msg_id("projects-estimation") kind="number" step="any" form=form/>
                <TextField field=budget label=msg_id("projects-budget") kind="number" step="any" form=form/>
            </div>
            <CheckboxField checked=billable label=msg_id("projects-billable") hint=msg_id("projects-billable-hint")/>
            <div class="row">
                <Show when=move || billable.get()>
                    <TextField field=rate label=msg_id("projects-rate-per-hour") kind="number" step="any" form=form/>
                </Show>
                <TextField field=hours label=msg_id("member-weekly-hours") kind="number" step="1" form=form hint=msg_id("member-weekly-hours-hint")/>
            </div>
            <SelectField field=screenshots label=msg_id("projects-screenshot-mode") form=form options=Signal::derive(move || saved_mode.with_value(|m| screenshot_options(m)))/>
            <TextField field=tags label=msg_id("projects-tags") form=form placeholder=msg_id("projects-tags-placeholder") hint=msg_id("projects-tags-hint")/>
            <TextArea field=notes label=msg_id("projects-notes") form=form/>
            <div class="form-actions">
                <SubmitButton form=form label={if editing.is_some() { msg_id("common-save") } else { msg_id("projects-create") }}/>
            </div>
        </form>
    }
}

#[component]
pub fn ProjectNewPage(ws: u64) -> impl IntoView {
    let nav = use_nav();
    view! {
        <BackLink href=Route::Projects { ws }.href() text=t("nav-projects")/>
        <PageHeader title=t("projects-new")/>
        <ProjectForm ws=ws on_saved=Callback::new(move |id| nav.go(&Route::Project { ws, id }.href()))/>
    }
}

#[component]
pub fn ProjectPage(ws: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let res = load(move || async move { api.send(GetProject::new(id, ws)).await });
    view! {
        <BackLink href=Route::Projects { ws }.href() text=t("nav-projects")/>
        <ItemFrame res>
            {move || res.ready().map(|p| {
                let (pid, title) = (p.id, p.name.clone());
                view! {
                    <PageHeader title=title>
                        <a class="btn" href=Route::Tasks { ws }.href_with(&[("project", &pid.to_string())])>{t("nav-tasks")}</a>
                        <a class="btn" href=format!("{}?project={pid}", Route::Contracts { ws }.href())>{t("nav-contracts")}</a>
                    </PageHeader>
                    <p class="muted">{t_args("projects-summary", &[("id", pid.to_string().into()), ("contracts", p.contracts_count.into()), ("created", opt(&p.created_at).into())])}</p>
                    <ProjectForm ws=ws project=p on_saved=Callback::new(move |_| res.refetch())/>
                }
            })}
        </ItemFrame>
    }
}
