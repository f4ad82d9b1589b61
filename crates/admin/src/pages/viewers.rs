//! Project viewers (read-only clients): the list, an archived view, create, archive with
//! Undo, restore, and assigning/unassigning projects. URL state: `view=archived`, `page`,
//! `per_page`.

use leptos::prelude::*;
use webwork_ui::i18n::{msg_id, t, t_args};

use super::members::status_name;
use webwork_core::models::{Member, MemberStatus, ProjectViewer, Role};
use webwork_core::ops::{
    AssignProjectToViewer, CreateProjectViewer, DeleteProjectViewer, GetProjectViewer, ListMembers, ListProjectViewers, Operation,
    RestoreProjectViewer, UnassignProjectFromViewer,
};
use webwork_core::{ApiError, Page};
use webwork_ui::form::checks;
use webwork_ui::{Column, ErrorBanner, FieldState, Form, SubmitButton, TagChip, TextField, Toaster};

use super::{local_page, opt, project_options, Allowed, BackLink, Details, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

fn viewer_name(v: &ProjectViewer) -> String {
    let n = format!("{} {}", v.firstname.trim(), v.lastname.trim());
    let n = n.trim();
    if n.is_empty() {
        v.email.clone()
    } else {
        n.to_owned()
    }
}

/// Archived viewers: the viewer list leaves them out, so they come from the members list
/// (viewers are members with the role "Project viewer"), asked per status.
async fn archived_viewers(api: Api, ws: u64, page: u32, per_page: u32) -> Result<Page<ProjectViewer>, ApiError> {
    let mut all: Vec<Member> = Vec::new();
    for s in MemberStatus::ALL {
        let op = ListMembers::new(ws).role(Role::ProjectViewer).status(s.clone());
        all.extend(api.all(op).await?.into_iter().filter(Member::is_archived));
    }
    super::sort_by_text(&mut all, |m| super::id_key(m.id));
    let viewers = all
        .into_iter()
        .map(|m| ProjectViewer {
            id: m.id,
            email: m.email,
            firstname: m.firstname,
            lastname: m.lastname,
            status: Some(m.status),
            deleted_at: m.deleted_at,
            ..Default::default()
        })
        .collect();
    Ok(local_page(viewers, page, per_page))
}

fn archive_with_undo(api: Api, toaster: Toaster, ws: u64, id: u64, name: String, after: Callback<()>) {
    leptos::task::spawn_local(async move {
        match api.send(DeleteProjectViewer::new(id, ws)).await {
            Ok(_) => {
                toaster.with_undo(
                    t_args("members-archived-one", &[("name", name.as_str().into())]),
                    Callback::new(move |_| restore(api, toaster, ws, id, after)),
                );
            }
            Err(e) => {
                toaster.error(t_args(
                    "projects-archive-failed",
                    &[("name", name.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                ));
            }
        }
        after.run(());
    });
}

fn restore(api: Api, toaster: Toaster, ws: u64, id: u64, after: Callback<()>) {
    leptos::task::spawn_local(async move {
        match api.send(RestoreProjectViewer::new(id, ws)).await {
            Ok(_) => toaster.show(t("viewers-restored")),
            Err(e) => toaster.error(t_args("members-restore-failed-any", &[("error", webwork_ui::error_sentence(&e).into())])),
        };
        after.run(());
    });
}

/// A page of the list (the archived view walks the members instead).
fn list_page_op(ws: u64, page: u32, per_page: u32) -> ListProjectViewers {
    ListProjectViewers::new(ws).page(page).per_page(per_page)
}

/// The archived view (`view=archived`), else the list.
fn archived_view(query: UrlQuery) -> bool {
    query.get("view").as_deref() == Some("archived")
}

/// What the viewer pages ask first ([`super::FirstRequests`]): the list's page (not the archived
/// view, which walks several), a viewer's read and the project select.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    match *route {
        Route::Viewers { ws } if !archived_view(query) => vec![list_page_op(ws, query.page(), query.per_page()).to_request()],
        Route::Viewer { ws, id } => vec![GetProjectViewer::new(id, ws).to_request(), super::projects_first(ws)],
        _ => Vec::new(),
    }
}

#[component]
pub fn ViewersPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let archived = Memo::new(move |_| archived_view(query));
    let res = load(move || {
        let (ws, archived, page, per) = (ws, archived.get(), query.page(), query.per_page());
        async move {
            if archived {
                archived_viewers(api, ws, page, per).await
            } else {
                api.page(list_page_op(ws, page, per)).await
            }
        }
    });
    let reload = Callback::new(move |_| res.refetch());
    let columns = vec![
        Column::new("members-col-name", move |v: &ProjectViewer| {
            view! { <a href=Route::Viewer { ws, id: v.id }.href()>{viewer_name(v)}</a> }.into_any()
        }),
        Column::text("members-col-email", |v: &ProjectViewer| v.email.clone()).class("hide-sm"),
        Column::text("members-col-status", |v: &ProjectViewer| v.status.as_ref().map(status_name).unwrap_or_default()),
        Column::new("nav-projects", |v: &ProjectViewer| {
            view! { <span class="chips">{v.projects.iter().map(|p| view! { <TagChip name=p.project_name.clone()/> }).collect_view()}</span> }.into_any()
        })
        .class("hide-sm"),
        Column::new("", move |v: &ProjectViewer| {
            let (id, name, is_archived) = (v.id, viewer_name(v), v.deleted_at.is_some());
            let label = if is_archived {
                t_args("members-restore-name", &[("name", name.as_str().into())])
            } else {
                t_args("members-archive-name", &[("name", name.as_str().into())])
            };
            view! {
                <Allowed ws op=DeleteProjectViewer::INFO.id>
                    <button type="button" class="btn small ghost" aria-label=label on:click=move |_| {
                        if is_archived {
                            restore(api, toaster, ws, id, reload);
                        } else {
                            archive_with_undo(api, toaster, ws, id, name.clone(), reload);
                        }
                    }>{if is_archived { t("members-restore") } else { t("members-archive") }}</button>
                </Allowed>
            }
            .into_any()
        })
        .class("actions"),
    ];
    view! {
        <PageHeader title=t("nav-viewers")>
            <Allowed ws op=CreateProjectViewer::INFO.id>
                <a class="btn primary" href=move || Route::ViewerNew { ws }.href()>{t("viewers-new")}</a>
            </Allowed>
            <ExportButton file="project-viewers" request=Callback::new(move |_| webwork_core::Operation::to_request(&ListProjectViewers::new(ws)))/>
        </PageHeader>
        <div class="tabs" role="tablist" aria-label=t("viewers-tabs-label")>
            <button type="button" role="tab" aria-selected=move || (!archived.get()).to_string() on:click=move |_| query.set_one("view", None)>{t("members-tab-current")}</button>
            <button type="button" role="tab" aria-selected=move || archived.get().to_string() on:click=move |_| query.set_one("view", Some("archived".into()))>{t("members-tab-archived")}</button>
        </div>
        <ListFrame res query caption=t("nav-viewers") columns key=|v: &ProjectViewer| v.id.to_string() label=viewer_name
            on_open=Callback::new(move |v: ProjectViewer| nav.go(&Route::Viewer { ws, id: v.id }.href()))
            empty_title=Signal::derive(move || if archived.get() { t("viewers-empty-archived") } else { t("viewers-empty") })
            empty_hint=t("viewers-empty-hint") cols=4/>
    }
}

#[component]
pub fn ViewerNewPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let email = FieldState::new("email", "").check(checks::email);
    let firstname = FieldState::new("firstname", "").check(checks::text(255));
    let lastname = FieldState::new("lastname", "").check(checks::text(255));
    let form = Form::new(vec![email, firstname, lastname]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let op = CreateProjectViewer::new(
            ws,
            email.value.get_untracked().trim(),
            firstname.value.get_untracked().trim().to_owned(),
            lastname.value.get_untracked().trim().to_owned(),
        );
        save(api, form, op, move |v: ProjectViewer| {
            toaster.show(t_args("viewers-created", &[("name", viewer_name(&v).into())]));
            nav.go(&Route::Viewer { ws, id: v.id }.href());
        });
    };
    view! {
        <BackLink href=Route::Viewers { ws }.href() text=t("nav-viewers")/>
        <PageHeader title=t("viewers-new-title")/>
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <TextField field=email label="E-mail" kind="email" form=form required=true autocomplete="off"/>
            <div class="row">
                <TextField field=firstname label=msg_id("member-first-name") form=form required=true/>
                <TextField field=lastname label=msg_id("member-last-name") form=form required=true/>
            </div>
            <div class="form-actions">
                <SubmitButton form=form label=msg_id("viewers-create") busy=msg_id("webhooks-creating")/>
            </div>
        </form>
    }
}

#[component]
pub fn ViewerPage(ws: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let res = load(move || async move { api.send(GetProjectViewer::new(id, ws)).await });
    let projects = load(move || project_options(api, ws));
    let reload = Callback::new(move |_| res.refetch());
    let chosen = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let change = move |project: u64, assign: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = if assign {
                api.send(AssignProjectToViewer::new(id, ws, project)).await
            } else {
                api.send(UnassignProjectFromViewer::new(id, ws, project)).await
            };
            busy.set(false);
            match result {
                Ok(_) => {
                    toaster.show(if assign { t("viewers-assigned") } else { t("viewers-unassigned") });
                    chosen.set(String::new());
                }
                Err(e) => {
                    toaster.error(e.to_string());
                }
            }
            res.refetch();
        });
    };
    view! {
        <BackLink href=Route::Viewers { ws }.href() text=t("nav-viewers")/>
        <ItemFrame res>
            {move || res.ready().map(|v| {
                let (vid, name, archived) = (v.id, viewer_name(&v), v.deleted_at.is_some());
                let assigned: Vec<u64> = v.projects.iter().map(|p| p.project_id).collect();
                let n2 = name.clone();
                view! {
                    <PageHeader title=name.clone()>
                        {if archived {
                            view! { <Allowed ws op=RestoreProjectViewer::INFO.id><button type="button" class="btn" on:click=move |_| restore(api, toaster, ws, vid, reload)>{t("members-restore")}</button></Allowed> }.into_any()
                        } else {
                            view! { <Allowed ws op=DeleteProjectViewer::INFO.id><button type="button" class="btn danger" on:click=move |_| archive_with_undo(api, toaster, ws, vid, n2.clone(), reload)>{t("members-archive")}</button></Allowed> }.into_any()
                        }}
                    </PageHeader>
                    <div class="card">
                        <Details rows=vec![(msg_id("member-id"), v.id.to_string()), (msg_id("members-col-email"), v.email.clone()),
                            (msg_id("members-col-status"), v.status.as_ref().map(status_name).unwrap_or_default()),
                            (msg_id("viewers-member-since"), opt(&v.member_since)), (msg_id("member-archived"), opt(&v.deleted_at))]/>
                    </div>
                    <div class="card">
                        <h2>{t("viewers-projects-seen")}</h2>
                        {if v.projects.is_empty() {
                            view! { <p class="muted">{t("viewers-none-yet")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain">
                                    {v.projects.into_iter().map(|p| {
                                        let pid = p.project_id;
                                        view! {
                                            <li>
                                                {p.project_name.clone()} " "
                                                <button type="button" class="btn small ghost" disabled=move || busy.get()
                                                    aria-label=t_args("viewers-unassign-name", &[("project", p.project_name.as_str().into())])
                                                    on:click=move |_| change(pid, false)>{t("viewers-unassign")}</button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {(!archived).then(|| view! {
                            <div class="filters">
                                <label>{t("viewers-add-project")}
                                    <select on:change=move |ev| chosen.set(event_target_value(&ev))>
                                        <option value="" selected=move || chosen.get().is_empty()>{t("viewers-choose-project")}</option>
                                        {move || projects.ready().unwrap_or_default().into_iter().filter(|(p, _)| !assigned.contains(p)).map(|(p, n)| {
                                            view! { <option value=p.to_string()>{n}</option> }
                                        }).collect_view()}
                                    </select>
                                </label>
                                <button type="button" class="btn" disabled=move || busy.get() || chosen.get().is_empty()
                                    on:click=move |_| {
                                        if let Ok(p) = chosen.get_untracked().parse() {
                                            change(p, true);
                                        }
                                    }>{t("viewers-assign")}</button>
                            </div>
                        })}
                    </div>
                }
            })}
        </ItemFrame>
    }
}
