//! Tasks of a project: the list (status and priority filters, names for the integer codes),
//! create and edit, assign and unassign members (a multi-select of the project's people),
//! delete. URL state: `project`, `status`, `priority`, `page`, `per_page`.

use std::collections::BTreeSet;

use leptos::prelude::*;
use webwork_core::models::{Task, TaskPriority, TaskStatus};
use webwork_core::ops::{AssignTask, CreateTask, DeleteTask, GetTask, ListContracts, ListTasks, Operation, UnassignTask, UpdateTask};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{
    Column, ConfirmDialog, EmptyState, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TextArea, TextField, Toaster,
};

use super::{opt, project_options, Allowed, BackLink, ConfirmAction, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, save_with, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query};
use crate::routes::Route;

/// A status for people: the server's own name when it sends one (custom codes), else ours.
/// The name the workspace gave the status (data), else the status's name in the reader's language.
pub fn status_text(task: &Task) -> String {
    task.status_name.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| task.status.map(status_label).unwrap_or_default())
}

/// The name the workspace gave the priority (data), else the priority's name in the reader's language.
pub fn priority_text(task: &Task) -> String {
    task.priority_name.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| task.priority.map(priority_label).unwrap_or_default())
}

fn status_label(s: TaskStatus) -> String {
    match s {
        TaskStatus::Open => t("tasks-status-open"),
        TaskStatus::InProgress => t("tasks-status-in-progress"),
        TaskStatus::Done => t("tasks-status-done"),
        TaskStatus::Closed => t("tasks-status-closed"),
        other => other.label().into_owned(),
    }
}

fn priority_label(p: TaskPriority) -> String {
    match p {
        TaskPriority::Urgent => t("tasks-priority-urgent"),
        TaskPriority::High => t("tasks-priority-high"),
        TaskPriority::Normal => t("tasks-priority-normal"),
        TaskPriority::Low => t("tasks-priority-low"),
        other => other.label().into_owned(),
    }
}

fn assignee_names(t: &Task) -> String {
    t.assignees
        .iter()
        .map(|a| format!("{} {}", a.firstname.as_deref().unwrap_or(""), a.lastname.as_deref().unwrap_or("")).trim().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_options(none: &str, extra: Option<TaskStatus>) -> Vec<(String, String)> {
    let mut list: Vec<TaskStatus> = TaskStatus::ALL.to_vec();
    if let Some(e) = extra.filter(|e| !e.is_known()) {
        list.push(e);
    }
    super::options(Some(none), list.into_iter().map(|s| (s.code().to_string(), status_label(s))))
}

fn priority_options(none: &str) -> Vec<(String, String)> {
    super::options(Some(none), TaskPriority::ALL.iter().map(|p| (p.code().to_string(), priority_label(*p))))
}

/// People who can take tasks of a project: those with a contract on it.
async fn project_people(api: Api, ws: u64, project: u64) -> Result<Vec<(u64, String)>, ApiError> {
    let contracts = api.all(people_op(ws, project)).await?;
    let mut seen = BTreeSet::new();
    Ok(contracts
        .into_iter()
        .filter(|c| seen.insert(c.user_id))
        .map(|c| {
            let name = format!("{} {}", c.user_firstname.unwrap_or_default(), c.user_lastname.unwrap_or_default());
            (c.user_id, name.trim().to_owned())
        })
        .collect())
}

/// The task list of one project (the list's project is a filter in its query string).
fn tasks_of_project(ws: u64, project: u64) -> String {
    Route::Tasks { ws }.href_with(&[("project", &project.to_string())])
}

/// The list's status and priority filters from the URL (shared by the list and its export).
fn tasks_op(query: crate::nav::UrlQuery, ws: u64) -> ListTasks {
    let mut op = ListTasks::new(ws);
    if let Some(s) = query.get("status").and_then(|v| v.parse::<i64>().ok()) {
        op = op.status(TaskStatus::from_code(s));
    }
    if let Some(p) = query.get("priority").and_then(|v| v.parse::<i64>().ok()) {
        op = op.priority(TaskPriority::from_code(p));
    }
    op
}

/// The list's project (`project`): the API lists tasks per project.
fn url_project(query: crate::nav::UrlQuery) -> Option<u64> {
    query.get("project").and_then(|v| v.parse::<u64>().ok())
}

/// The list's page of `project` as the URL describes it.
fn list_page_op(query: crate::nav::UrlQuery, ws: u64, project: u64) -> ListTasks {
    super::url_page(tasks_op(query, ws), query).project_id(project)
}

/// The contracts of a project: who may be assigned its tasks.
fn people_op(ws: u64, project: u64) -> ListContracts {
    ListContracts::new(ws).project_id(project)
}

/// What the task pages ask first ([`super::FirstRequests`]): the project select and, with a
/// project in the URL, its list's page (without one, the first project is chosen from the
/// select's answer); the new task's assignees; a task's read (its form's assignees follow the
/// task's project, from the answer).
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: crate::nav::UrlQuery) -> super::FirstRequests {
    match *route {
        Route::Tasks { ws } => {
            let list = url_project(query).map(|p| list_page_op(query, ws, p).to_request());
            std::iter::once(super::projects_first(ws)).chain(list).collect()
        }
        Route::TaskNew { ws, project } => vec![crate::api::first_of_all(people_op(ws, project))],
        Route::Task { ws, project, id } => vec![GetTask::new(id, ws, project).to_request()],
        _ => Vec::new(),
    }
}

#[component]
pub fn TasksPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let project = Memo::new(move |_| url_project(query));
    let projects = load(move || project_options(api, ws));
    // Without a project in the URL, open the first one (replacing the URL, so Back works).
    // Runs when the projects arrive, and only while the address is still this list's: an
    // answer that lands as the person leaves (their next URL has no `project` either) must not
    // bring them back here.
    let location = crate::nav::use_location();
    let list_path = Route::Tasks { ws }.href();
    Effect::new(move |_| {
        let first = projects.ready().and_then(|p| p.first().map(|(id, _)| *id));
        let here = location.pathname.with_untracked(|p| p.trim_end_matches('/') == list_path);
        if let (Some(first), true, None) = (first, here, project.get_untracked()) {
            nav.replace(&tasks_of_project(ws, first));
        }
    });
    let res = load(move || {
        let op = project.get().map(|p| list_page_op(query, ws, p));
        async move {
            match op {
                Some(op) => api.page(op).await,
                None => Ok(webwork_core::Page { items: Vec::new(), pagination: None, page: 1, per_page: 20 }),
            }
        }
    });
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new((0u64, String::new()));
    let columns = vec![
        Column::new("tasks-task", move |t: &Task| {
            view! { <a href=Route::Task { ws, project: t.project_id, id: t.id }.href()>{t.title.clone()}</a> }.into_any()
        }),
        Column::text("members-col-status", status_text),
        Column::text("tasks-priority", priority_text).class("hide-sm"),
        Column::text("tasks-assignees", assignee_names).class("hide-sm"),
        Column::text("tasks-due", |task: &Task| task.end_date.as_deref().map(crate::format::date_text).unwrap_or_default()).class("hide-md"),
        Column::new("", move |t: &Task| {
            let (id, title) = (t.id, t.title.clone());
            view! {
                <Allowed ws op=DeleteTask::INFO.id>
                    <ConfirmAction label=msg_id("common-delete") aria=t_args("tasks-delete-name", &[("title", title.as_str().into())]) target=(id, title.clone()) pending=pending confirm=confirm/>
                </Allowed>
            }
            .into_any()
        })
        .class("actions"),
    ];
    let delete = Callback::new(move |_| {
        let (id, title) = pending.get_untracked();
        let (ws, Some(p)) = (ws, project.get_untracked()) else { return };
        leptos::task::spawn_local(async move {
            match api.send(DeleteTask::new(id, ws, p)).await {
                Ok(_) => toaster.show(t_args("tasks-deleted", &[("title", title.as_str().into())])),
                Err(e) => toaster.error(t_args(
                    "tasks-delete-failed",
                    &[("title", title.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                )),
            };
            res.refetch();
        });
    });
    let code_select = move |key: &'static str, label: &'static str, opts: Vec<(String, String)>| {
        view! {
            <label>{t(label)}
                <select on:change=move |ev| query.set_one(key, Some(event_target_value(&ev)))>
                    {opts.into_iter().map(|(v, text)| {
                        let v2 = v.clone();
                        view! { <option value=v selected=move || query.text(key) == v2>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <PageHeader title=t("nav-tasks")>
            {move || project.get().map(|p| view! { <Allowed ws op=CreateTask::INFO.id><a class="btn primary" href=Route::TaskNew { ws, project: p }.href()>{t("tasks-new")}</a></Allowed> })}
            <ExportButton file="tasks" request=Callback::new(move |_| match project.get_untracked() {
                Some(p) => tasks_op(query, ws).project_id(p).to_request(),
                None => Err(ApiError::InvalidRequest { field: "project_id", reason: t("tasks-choose-project-first") }),
            })/>
        </PageHeader>
        <ErrorBanner error=Signal::derive(move || projects.error()) on_retry=Callback::new(move |_| projects.refetch())/>
        <div class="filters">
            <label>{t("contracts-project")}
                <select on:change=move |ev| query.set(&[("project", Some(event_target_value(&ev))), ("status", None), ("priority", None)])>
                    {move || projects.ready().unwrap_or_default().into_iter().map(|(id, name)| {
                        view! { <option value=id.to_string() selected=move || project.get() == Some(id)>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            {code_select("status", msg_id("members-col-status"), status_options(&t("common-any"), None))}
            {code_select("priority", msg_id("tasks-priority"), priority_options(&t("common-any")))}
        </div>
        <Show when=move || projects.with_ready(Vec::is_empty).unwrap_or(false)>
            <EmptyState title=t("tasks-no-projects") hint=t("tasks-no-projects-hint")/>
        </Show>
        <ListFrame res query caption=t("nav-tasks") columns key=|t: &Task| t.id.to_string() label=|t: &Task| t.title.clone()
            on_open=Callback::new(move |t: Task| nav.go(&Route::Task { ws, project: t.project_id, id: t.id }.href()))
            empty_title=t("tasks-empty") empty_hint=t("tasks-empty-hint") cols=5/>
        <ConfirmDialog open=confirm title=t("tasks-delete-title")
            message=Signal::derive(move || t_args("tasks-delete-confirm", &[("title", pending.get().1.into())]))
            confirm_label=msg_id("common-delete") danger=true on_confirm=delete/>
    }
}

/// Create (no `task`) or edit a task of `project`, with its assignees.
#[component]
pub fn TaskForm(ws: u64, project: u64, #[prop(optional)] task: Option<Task>, on_saved: Callback<u64>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let t = task.clone().unwrap_or_default();
    let editing = task.as_ref().map(|t| t.id);
    let title = FieldState::new("title", t.title.clone()).check(checks::text(255));
    let description = FieldState::new("description", opt(&t.description)).check(checks::max_len(10_000));
    let status = FieldState::new("status", t.status.map(|s| s.code().to_string()).unwrap_or_else(|| "0".into()));
    let priority = FieldState::new("priority", t.priority.map(|p| p.code().to_string()).unwrap_or_default());
    let start = FieldState::new("start_date", opt(&t.start_date)).check(checks::optional_date);
    let end = FieldState::new("end_date", opt(&t.end_date)).check(checks::optional_date);
    let form = Form::new(vec![title, description, status, priority, start, end]);
    let before: BTreeSet<u64> = super::set_of(t.assignees.iter().map(|a| a.id));
    let assignees = RwSignal::new(before.clone());
    let before = StoredValue::new(before);
    let people = load(move || project_people(api, ws, project));

    macro_rules! fill {
        ($op:expr) => {{
            let mut op = $op;
            if let Some(d) = description.opt() {
                op = op.description(d);
            }
            if let Some(s) = status.num::<i64>() {
                op = op.status(TaskStatus::from_code(s));
            }
            if let Some(p) = priority.num::<i64>() {
                op = op.priority(TaskPriority::from_code(p));
            }
            if let Some(d) = start.opt() {
                op = op.start_date(d.as_str());
            }
            if let Some(d) = end.opt() {
                op = op.end_date(d.as_str());
            }
            op
        }};
    }
    let build_create = move || {
        let list: Vec<u64> = assignees.get().into_iter().collect();
        let op = fill!(CreateTask::new(ws, project, title.value.get().trim().to_owned()));
        if list.is_empty() {
            op
        } else {
            op.assignees(list)
        }
    };
    let build_update = move |id: u64| fill!(UpdateTask::new(id, ws, project).title(title.value.get().trim().to_owned()));
    Effect::new(move |_| {
        let rule = match editing {
            Some(id) => build_update(id).to_request().map(|_| ()),
            None => build_create().to_request().map(|_| ()),
        };
        form.show_rule(&rule);
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let saved = move |id: u64| {
            toaster.show(if editing.is_some() { webwork_ui::i18n::t("tasks-saved") } else { webwork_ui::i18n::t("tasks-created") });
            on_saved.run(id);
        };
        let Some(id) = editing else {
            save(api, form, untrack(build_create), move |t: Task| saved(t.id));
            return;
        };
        let op = untrack(|| build_update(id));
        save_with(
            form,
            async move {
                api.send(op).await?;
                // The task saved; now the assignment changes, one call each.
                let (now, was) = (assignees.get_untracked(), before.get_value());
                let mut failed = None;
                for user in now.difference(&was) {
                    if let Err(e) = api.send(AssignTask::new(id, *user, ws, project)).await {
                        failed.get_or_insert(e);
                    }
                }
                for user in was.difference(&now) {
                    if let Err(e) = api.send(UnassignTask::new(id, *user, ws, project)).await {
                        failed.get_or_insert(e);
                    }
                }
                match failed {
                    None => {
                        before.set_value(now);
                        Ok(id)
                    }
                    Some(e) => Err(e),
                }
            },
            saved,
        );
    };
    let current_status = t.status;
    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <TextField field=title label=msg_id("tasks-title") form=form required=true/>
            <TextArea field=description label=msg_id("tasks-description") form=form rows=3/>
            <div class="row">
                <SelectField field=status label=msg_id("members-col-status") form=form
                    options=Signal::derive(move || status_options("", current_status).into_iter().skip(1).collect())/>
                <SelectField field=priority label=msg_id("tasks-priority") form=form options=Signal::derive(|| priority_options(&webwork_ui::i18n::t("tasks-no-priority")))/>
            </div>
            <div class="row">
                <TextField field=start label=msg_id("projects-start-date") kind="date" form=form/>
                <TextField field=end label=msg_id("tasks-due-date") kind="date" form=form/>
            </div>
            <fieldset>
                <legend>{webwork_ui::i18n::t("tasks-assignees")}</legend>
                <ErrorBanner error=Signal::derive(move || people.error()) on_retry=Callback::new(move |_| people.refetch())/>
                <div class="checks">
                    {move || people.ready().map(|list| {
                        if list.is_empty() {
                            return view! { <p class="hint">{webwork_ui::i18n::t("tasks-nobody")}</p> }.into_any();
                        }
                        list.into_iter().map(|(id, name)| view! {
                            <label>
                                <input type="checkbox" prop:checked=move || assignees.with(|a| a.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        assignees.update(|a| { if on { a.insert(id); } else { a.remove(&id); } });
                                    }/>
                                {name}
                            </label>
                        }).collect_view().into_any()
                    })}
                </div>
            </fieldset>
            <div class="form-actions">
                <SubmitButton form=form label={if editing.is_some() { msg_id("common-save") } else { msg_id("tasks-create") }}/>
            </div>
        </form>
    }
}

#[component]
pub fn TaskNewPage(ws: u64, project: u64) -> impl IntoView {
    let nav = use_nav();
    view! {
        <BackLink href=tasks_of_project(ws, project) text=t("nav-tasks")/>
        <PageHeader title=t("tasks-new")/>
        <TaskForm ws=ws project
            on_saved=Callback::new(move |_| nav.go(&tasks_of_project(ws, project)))/>
    }
}

#[component]
pub fn TaskPage(ws: u64, project: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let res = load(move || async move { api.send(GetTask::new(id, ws, project)).await });
    view! {
        <BackLink href=tasks_of_project(ws, project) text=t("nav-tasks")/>
        <ItemFrame res>
            {move || res.ready().map(|t| view! {
                <PageHeader title=t_args("tasks-page-title", &[("title", t.title.as_str().into())])/>
                <p class="muted">{format!("Task {} · created {} · completed {}", t.id, opt(&t.created_at), opt(&t.completed_at))}</p>
                <TaskForm ws=ws project=t.project_id task=t on_saved=Callback::new(move |_| res.refetch())/>
            })}
        </ItemFrame>
    }
}
