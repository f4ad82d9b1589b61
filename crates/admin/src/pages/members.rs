//! Members: the list (API filters, search, archived view, bulk archive/restore), the detail
//! page with every field of the model, invite, and edit.
//!
//! URL state of the list: `status`, `role`, `email` (the API's filters), `q` (search by name,
//! e-mail or title over every page), `view=archived`, `page`, `per_page`.

use std::collections::BTreeSet;

use leptos::prelude::*;
use webwork_core::models::json::FromJson;
use webwork_core::models::{Member, MemberStatus, RateStatus, Role};
use webwork_core::ops::{DeleteMember, GetMember, InviteMember, ListMembers, Operation, RestoreMember, UpdateMember};
use webwork_core::{ApiError, Page};
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{CheckboxField, Column, ConfirmDialog, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TextField, Toaster};

use super::{local_page, opt, Allowed, BackLink, Details, FirstRequests, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api, Api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

fn role_options(roles: &[Role], none: Option<&str>) -> Vec<(String, String)> {
    super::options(none, roles.iter().map(|r| (r.as_str().to_owned(), role_label(r))))
}

/// A role's name in the reader's language; a role the panel does not know, as the API sent it.
pub fn role_label(role: &Role) -> String {
    let id = match role {
        Role::Owner => msg_id("role-owner"),
        Role::ExecutiveManager => msg_id("role-executive-manager"),
        Role::ProjectManager => msg_id("role-project-manager"),
        Role::TeamManager => msg_id("role-team-manager"),
        Role::RegularUser => msg_id("role-regular-user"),
        Role::ProjectViewer => msg_id("role-project-viewer"),
        Role::Client => msg_id("role-client"),
        Role::Other(raw) => return raw.clone(),
    };
    t(id)
}

/// A member status's name in the reader's language.
pub fn status_name(status: &MemberStatus) -> String {
    let id = match status {
        MemberStatus::Active => msg_id("member-status-active"),
        MemberStatus::Inactive => msg_id("member-status-inactive"),
        MemberStatus::Left => msg_id("member-status-left"),
        MemberStatus::Unknown => msg_id("member-status-unknown"),
        MemberStatus::Other(raw) if !raw.is_empty() => return raw.clone(),
        MemberStatus::Other(_) => msg_id("member-status-unknown"),
    };
    t(id)
}

fn status_label(m: &Member) -> String {
    let s = status_name(&m.status);
    if m.is_archived() {
        t_args("members-status-archived", &[("status", s.into())])
    } else {
        s
    }
}

/// Filters a list by a search text over name, e-mail and title (case-insensitive).
pub fn matches_search(m: &Member, q: &str) -> bool {
    let q = webwork_ui::lowercase(q);
    [m.full_name(), m.email.clone(), m.title.clone().unwrap_or_default()].iter().any(|f| webwork_ui::lowercase(f).contains(&q))
}

/// The API's filters of the view (role, e-mail): what the list asks and the export walks.
fn members_op(ws: u64, q: &UrlState) -> ListMembers {
    let mut op = ListMembers::new(ws);
    if let Some(r) = &q.role {
        op = op.role(Role::parse(r));
    }
    if let Some(e) = &q.email {
        op = op.email(e.as_str());
    }
    op
}

/// What the members pages ask first ([`super::FirstRequests`]): the list's one page (not the
/// archived view, not a search, which walk several), a member's read.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> FirstRequests {
    match *route {
        Route::Members { ws } => {
            let q = read_state(&query);
            if q.archived || q.search.is_some() {
                return Vec::new();
            }
            vec![list_page_op(ws, &q).to_request()]
        }
        Route::Member { ws, id } | Route::MemberEdit { ws, id } => vec![GetMember::new(id, ws).to_request()],
        _ => Vec::new(),
    }
}

/// The list's page as the URL describes it, when it is one request.
fn list_page_op(ws: u64, q: &UrlState) -> ListMembers {
    with_status(members_op(ws, q), q).page(q.page).per_page(q.per_page)
}

/// The list's operation with the URL's status filter (every view but the archived one).
fn with_status(op: ListMembers, q: &UrlState) -> ListMembers {
    match &q.status {
        Some(s) => op.status(MemberStatus::parse(s)),
        None => op,
    }
}

/// The list as the URL describes it.
async fn fetch_members(api: Api, ws: u64, q: UrlState) -> Result<Page<Member>, ApiError> {
    let op = members_op(ws, &q);
    if q.archived {
        // The API leaves archived members out unless a status filter is given, and then
        // returns them with `deleted_at`: ask per status, keep the archived ones.
        let statuses: Vec<MemberStatus> = match &q.status {
            Some(s) => vec![MemberStatus::parse(s)],
            None => MemberStatus::ALL.to_vec(),
        };
        let mut all = Vec::new();
        for s in statuses {
            all.extend(api.all(op.clone().status(s)).await?.into_iter().filter(Member::is_archived));
        }
        if let Some(text) = &q.search {
            all.retain(|m| matches_search(m, text));
        }
        super::sort_by_text(&mut all, |m| super::id_key(m.id));
        return Ok(local_page(all, q.page, q.per_page));
    }
    match &q.search {
        // No name filter in the API: search walks every page (100 a request) and pages here.
        Some(text) => {
            let mut all = api.all(with_status(op, &q)).await?;
            all.retain(|m| matches_search(m, text));
            Ok(local_page(all, q.page, q.per_page))
        }
        None => api.page(list_page_op(ws, &q)).await,
    }
}

#[derive(Clone, Debug, PartialEq)]
struct UrlState {
    status: Option<String>,
    role: Option<String>,
    email: Option<String>,
    search: Option<String>,
    archived: bool,
    page: u32,
    per_page: u32,
}

fn read_state(q: &UrlQuery) -> UrlState {
    UrlState {
        status: q.get("status"),
        role: q.get("role"),
        email: q.get("email"),
        search: q.get("q"),
        archived: q.get("view").as_deref() == Some("archived"),
        page: q.page(),
        per_page: q.per_page(),
    }
}

/// Archives members, with an Undo that restores them. Returns how many were archived.
async fn archive_members(api: Api, ws: u64, members: Vec<(u64, String)>) -> (Vec<(u64, String)>, Vec<ApiError>) {
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for (id, name) in members {
        match api.send(DeleteMember::new(id, ws)).await {
            Ok(_) => done.push((id, name)),
            Err(e) => failed.push(e),
        }
    }
    (done, failed)
}

async fn restore_members(api: Api, ws: u64, ids: Vec<u64>) -> (usize, Vec<ApiError>) {
    let mut n = 0;
    let mut failed = Vec::new();
    for id in ids {
        match api.send(RestoreMember::new(id, ws)).await {
            Ok(_) => n += 1,
            Err(e) => failed.push(e),
        }
    }
    (n, failed)
}

/// Archives with a toast whose Undo restores; `after` runs when the list should reload.
fn archive_with_undo(api: Api, toaster: Toaster, ws: u64, members: Vec<(u64, String)>, after: Callback<()>) {
    leptos::task::spawn_local(async move {
        let (done, failed) = archive_members(api, ws, members).await;
        if let Some(e) = failed.first() {
            toaster.error(t_args(
                "members-archive-failed",
                &[("count", failed.len().into()), ("error", webwork_ui::error_sentence(e).into())],
            ));
        }
        if !done.is_empty() {
            let text = match done.as_slice() {
                [(_, name)] => t_args("members-archived-one", &[("name", name.into())]),
                many => t_args("members-archived-many", &[("count", many.len().into())]),
            };
            let ids: Vec<u64> = done.iter().map(|(id, _)| *id).collect();
            toaster.with_undo(
                text,
                Callback::new(move |_| {
                    let ids = ids.clone();
                    leptos::task::spawn_local(async move {
                        let (n, failed) = restore_members(api, ws, ids).await;
                        match failed.first() {
                            None => toaster.show(t_args("members-restored", &[("count", n.into())])),
                            Some(e) => {
                                toaster.error(t_args("members-restore-failed-any", &[("error", webwork_ui::error_sentence(e).into())]))
                            }
                        };
                        after.run(());
                    });
                }),
            );
        }
        after.run(());
    });
}

fn restore_with_toast(api: Api, toaster: Toaster, ws: u64, ids: Vec<u64>, after: Callback<()>) {
    leptos::task::spawn_local(async move {
        let (n, failed) = restore_members(api, ws, ids).await;
        if n > 0 {
            toaster.show(t_args("members-restored", &[("count", n.into())]));
        }
        if let Some(e) = failed.first() {
            toaster.error(t_args(
                "members-restore-failed",
                &[("count", failed.len().into()), ("error", webwork_ui::error_sentence(e).into())],
            ));
        }
        after.run(());
    });
}

#[component]
pub fn MembersPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let state = Memo::new(move |_| read_state(&query));
    let res = load(move || {
        let q = state.get();
        fetch_members(api, ws, q)
    });
    let selection = RwSignal::new(BTreeSet::<String>::new());
    // A new result (page, filter, view) starts with nothing selected.
    Effect::new(move |_| {
        state.track();
        selection.set(BTreeSet::new());
    });
    let archived_view = move || state.with(|s| s.archived);
    let reload = Callback::new(move |_| {
        selection.set(BTreeSet::new());
        res.refetch();
    });

    // Confirm dialog for archiving one member or the selection.
    let confirm_open = RwSignal::new(false);
    let pending = RwSignal::new(Vec::<(u64, String)>::new());
    let confirm_message = Signal::derive(move || match pending.get().as_slice() {
        [(_, name)] => t_args("members-archive-confirm-one", &[("name", name.into())]),
        many => t_args("members-archive-confirm-many", &[("count", many.len().into())]),
    });
    let confirm_title = Signal::derive(move || t_args("members-archive-title", &[("count", pending.with(Vec::len).into())]));
    let ask_archive = move |members: Vec<(u64, String)>| {
        pending.set(members);
        confirm_open.set(true);
    };

    let selected_members = move || {
        let sel = selection.get();
        res.ready()
            .map(|p| p.items.into_iter().filter(|m| sel.contains(&m.id.to_string())).map(|m| (m.id, m.full_name())).collect::<Vec<_>>())
            .unwrap_or_default()
    };

    let columns = vec![
        Column::new("members-col-name", move |m: &Member| {
            let href = Route::Member { ws, id: m.id }.href();
            view! { <a href=href>{m.full_name()}</a> }.into_any()
        }),
        Column::text("members-col-email", |m: &Member| m.email.clone()).class("hide-sm"),
        Column::text("members-col-role", |m: &Member| role_label(&m.current_role)),
        Column::new("members-col-status", |m: &Member| {
            view! { <span class="badge" class:muted=m.is_archived() data-status=m.status.as_str().to_owned()>{status_label(m)}</span> }
                .into_any()
        }),
        Column::text("members-col-team", |m: &Member| opt(&m.team_name)).class("hide-sm"),
        Column::text("members-col-title", |m: &Member| opt(&m.title)).class("hide-md"),
        Column::new("", move |m: &Member| {
            let (id, name) = (m.id, m.full_name());
            if m.is_archived() {
                view! {
                    <Allowed ws op=RestoreMember::INFO.id>
                        <button type="button" class="btn small" aria-label=t_args("members-restore-name", &[("name", name.into())])
                            on:click=move |_| restore_with_toast(api, toaster, ws, vec![id], reload)>{t("members-restore")}</button>
                    </Allowed>
                }
                .into_any()
            } else if m.current_role == Role::Owner {
                ().into_any()
            } else {
                let n2 = name.clone();
                view! {
                    <Allowed ws op=DeleteMember::INFO.id>
                        <button type="button" class="btn small ghost" aria-label=t_args("members-archive-name", &[("name", name.into())])
                            on:click=move |_| ask_archive(vec![(id, n2.clone())])>{t("members-archive")}</button>
                    </Allowed>
                }
                .into_any()
            }
        })
        .class("actions"),
    ];

    let search = RwSignal::new(query.initial("q"));
    let email = RwSignal::new(query.initial("email"));
    let on_open = Callback::new(move |m: Member| nav.go(&Route::Member { ws, id: m.id }.href()));

    view! {
        <PageHeader title=Signal::derive(move || if archived_view() { t("members-archived-title") } else { t("members-title") })>
            <Allowed ws op=InviteMember::INFO.id>
                <a class="btn primary" href=move || Route::MemberInvite { ws }.href()>{t("members-invite")}</a>
            </Allowed>
            // The same rows as the list: the API's filters, then (as the list does) the archived
            // view's per-status requests and the search, kept row by row.
            <ExportButton file="members"
                requests=Callback::new(move |_| {
                    let q = state.get_untracked();
                    let op = members_op(ws, &q);
                    let statuses: Vec<MemberStatus> = match (&q.status, q.archived) {
                        (Some(s), _) => vec![MemberStatus::parse(s)],
                        (None, true) => MemberStatus::ALL.to_vec(),
                        (None, false) => return op.to_request().map(|r| vec![r]),
                    };
                    statuses.into_iter().map(|s| op.clone().status(s).to_request()).collect()
                })
                keep=Callback::new(move |row: serde_json::Value| {
                    let q = state.get_untracked();
                    let m = Member::from_json(row).unwrap_or_default();
                    (!q.archived || m.is_archived()) && q.search.as_deref().is_none_or(|text| matches_search(&m, text))
                })/>
        </PageHeader>
        <div class="tabs" role="tablist" aria-label=t("members-tabs-label")>
            <button type="button" role="tab" aria-selected=move || (!archived_view()).to_string()
                on:click=move |_| query.set_one("view", None)>{t("members-tab-current")}</button>
            <button type="button" role="tab" aria-selected=move || archived_view().to_string()
                on:click=move |_| query.set_one("view", Some("archived".into()))>{t("members-tab-archived")}</button>
        </div>
        <form class="filters" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set(&[("q", Some(search.get_untracked().trim().to_owned())), ("email", Some(email.get_untracked().trim().to_owned()))]);
        }>
            <label>{t("members-search")}
                <input type="search" placeholder=t("members-search-placeholder") bind:value=search/>
            </label>
            <label>{t("members-col-status")}
                <select on:change=move |ev| query.set_one("status", Some(event_target_value(&ev)))>
                    <option value="" selected=move || state.with(|s| s.status.is_none())>{t("common-any")}</option>
                    {MemberStatus::ALL.iter().map(|s| {
                        let v = s.as_str().to_owned();
                        let v2 = v.clone();
                        let text = status_name(s);
                        view! { <option value=v selected=move || state.with(|s| s.status.as_deref() == Some(v2.as_str()))>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{t("members-col-role")}
                <select on:change=move |ev| query.set_one("role", Some(event_target_value(&ev)))>
                    <option value="" selected=move || state.with(|s| s.role.is_none())>{t("common-any")}</option>
                    {Role::ALL.iter().filter(|r| **r != Role::Client).map(|r| {
                        let v = r.as_str().to_owned();
                        let v2 = v.clone();
                        let text = role_label(r);
                        view! { <option value=v selected=move || state.with(|s| s.role.as_deref() == Some(v2.as_str()))>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{t("members-email-exact")}
                <input type="email" placeholder=t("members-email-placeholder") bind:value=email/>
            </label>
            <button type="submit" class="btn">{t("common-apply")}</button>
            <button type="button" class="btn ghost" on:click=move |_| {
                search.set(String::new());
                email.set(String::new());
                query.set(&[("q", None), ("email", None), ("status", None), ("role", None)]);
            }>{t("common-clear")}</button>
        </form>
        <Show when=move || state.with(|s| s.search.is_some() || s.archived)>
            <p class="hint">{t("members-search-hint")}</p>
        </Show>
        <Show when=move || !selection.with(BTreeSet::is_empty)>
            <div class="bulk-bar" role="region" aria-label=t("members-selected-label")>
                <span>{move || t_args("common-selected", &[("count", selection.with(BTreeSet::len).into())])}</span>
                {move || if archived_view() {
                    view! {
                        <Allowed ws op=RestoreMember::INFO.id>
                            <button type="button" class="btn" on:click=move |_| {
                                let ids = selected_members().into_iter().map(|(id, _)| id).collect();
                                restore_with_toast(api, toaster, ws, ids, reload);
                            }>{t("members-restore-selected")}</button>
                        </Allowed>
                    }.into_any()
                } else {
                    view! {
                        <Allowed ws op=DeleteMember::INFO.id>
                            <button type="button" class="btn danger" on:click=move |_| ask_archive(selected_members())>{t("members-archive-selected")}</button>
                        </Allowed>
                    }.into_any()
                }}
                <button type="button" class="btn ghost" on:click=move |_| selection.set(BTreeSet::new())>{t("common-clear-selection")}</button>
            </div>
        </Show>
        <ListFrame res query caption=t("members-title") columns key=|m: &Member| m.id.to_string() label=|m: &Member| m.full_name()
            selection on_open cols=6
            empty_title=Signal::derive(move || if archived_view() { t("members-empty-archived") } else { t("members-empty") })
            empty_hint=t("members-empty-hint")/>
        <ConfirmDialog open=confirm_open title=confirm_title message=confirm_message confirm_label=msg_id("members-archive") danger=true
            on_confirm=Callback::new(move |_| archive_with_undo(api, toaster, ws, pending.get_untracked(), reload))/>
    }
}

/// Rate visibility's name in the reader's language.
fn rate_status_label(r: RateStatus) -> String {
    match r {
        RateStatus::Hidden => t("member-rate-hidden"),
        RateStatus::Visible => t("member-rate-visible"),
        other => other.label().into_owned(),
    }
}

/// Every field of a member, as the detail page lists them (labels are message ids).
pub fn member_fields(m: &Member) -> Vec<(&'static str, String)> {
    vec![
        (msg_id("member-id"), m.id.to_string()),
        (msg_id("member-first-name"), m.firstname.clone()),
        (msg_id("member-last-name"), m.lastname.clone()),
        (msg_id("members-col-email"), m.email.clone()),
        (msg_id("members-col-role"), role_label(&m.current_role)),
        (msg_id("members-col-status"), status_name(&m.status)),
        (msg_id("member-avatar"), opt(&m.avatar)),
        (msg_id("member-time-zone"), opt(&m.timezone)),
        (msg_id("member-preferred-time-zone"), opt(&m.preferred_timezone)),
        (msg_id("members-col-team"), opt(&m.team_name)),
        (msg_id("member-titles"), opt(&m.title)),
        (msg_id("member-birth-date"), m.birth_date.as_deref().map(crate::format::date_text).unwrap_or_default()),
        (msg_id("member-hired"), m.hired_at.as_deref().map(crate::format::date_text).unwrap_or_default()),
        (msg_id("member-max-inactive"), m.settings_max_inactive_minutes.map(|n| crate::format::number(n as f64)).unwrap_or_default()),
        (msg_id("member-currency"), opt(&m.currency)),
        (
            msg_id("member-rate"),
            m.rate
                .map(|r| match &m.currency {
                    Some(c) => crate::format::money(r, c),
                    None => crate::format::number(r),
                })
                .unwrap_or_default(),
        ),
        (msg_id("member-rate-type"), opt(&m.rate_type)),
        (msg_id("member-rate-visibility"), m.rate_status.map(rate_status_label).unwrap_or_default()),
        (msg_id("member-tax-country"), opt(&m.tax_country)),
        (msg_id("member-tax-state"), opt(&m.tax_state)),
        (msg_id("member-blocked"), if m.is_blocked { t("common-yes") } else { t("common-no") }),
        (msg_id("member-weekly-hours"), opt(&m.weekly_hours_limit)),
        (msg_id("member-screenshots"), opt(&m.screenshots)),
        (msg_id("member-created"), opt(&m.created_at)),
        (msg_id("member-updated"), opt(&m.updated_at)),
        (msg_id("member-archived"), opt(&m.deleted_at)),
    ]
}

#[component]
pub fn MemberDetailPage(ws: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let res = load(move || async move { api.send(GetMember::new(id, ws)).await });
    let confirm_open = RwSignal::new(false);
    let reload = Callback::new(move |_| res.refetch());
    view! {
        <BackLink href=Route::Members { ws }.href() text=t("members-title")/>
        <ItemFrame res>
            {move || res.ready().map(|m| {
                let name = m.full_name();
                let (mid, archived, owner) = (m.id, m.is_archived(), m.current_role == Role::Owner);
                let n2 = name.clone();
                view! {
                    <PageHeader title=name.clone()>
                        <Allowed ws op=UpdateMember::INFO.id>
                            <a class="btn" href=Route::MemberEdit { ws, id: mid }.href()>{t("common-edit")}</a>
                        </Allowed>
                        <a class="btn ghost" href=format!("{}?member={mid}", Route::Contracts { ws }.href())>{t("nav-contracts")}</a>
                        {if archived {
                            view! { <Allowed ws op=RestoreMember::INFO.id><button type="button" class="btn" on:click=move |_| restore_with_toast(api, toaster, ws, vec![mid], reload)>{t("members-restore")}</button></Allowed> }.into_any()
                        } else if owner {
                            ().into_any()
                        } else {
                            view! { <Allowed ws op=DeleteMember::INFO.id><button type="button" class="btn danger" on:click=move |_| confirm_open.set(true)>{t("members-archive")}</button></Allowed> }.into_any()
                        }}
                    </PageHeader>
                    {archived.then(|| view! { <div class="banner warn" role="status"><p>{t("member-archived-banner")}</p></div> })}
                    <div class="card"><Details rows=member_fields(&m)/></div>
                    <ConfirmDialog open=confirm_open title=t_args("members-archive-title", &[("count", 1.into())])
                        message=t_args("member-archive-confirm", &[("name", n2.into())]) confirm_label=msg_id("members-archive") danger=true
                        on_confirm=Callback::new(move |_| archive_with_undo(api, toaster, ws, vec![(mid, name.clone())], reload))/>
                }
            })}
        </ItemFrame>
    }
}

/// The invite form. On success it shows the invitation link (with Copy) in place.
#[component]
pub fn InviteForm(ws: u64) -> impl IntoView {
    let api = use_api();
    let email = FieldState::new("email", "").check(checks::email);
    let firstname = FieldState::new("firstname", "").check(checks::text(255));
    let lastname = FieldState::new("lastname", "").check(checks::text(255));
    let role = FieldState::new("role", Role::RegularUser.as_str()).check(checks::required);
    let form = Form::new(vec![email, firstname, lastname, role]);
    let invited = RwSignal::new(None::<(u64, String)>);

    let build = move || {
        InviteMember::new(
            ws,
            email.value.get().trim(),
            firstname.value.get().trim().to_owned(),
            lastname.value.get().trim().to_owned(),
            Role::parse(&role.value.get()),
        )
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(api, form, untrack(build), move |result| invited.set(Some((result.user_id, result.invitation_link))));
    };

    view! {
        {move || invited.get().map(|(user_id, link)| {
            let copy = link.clone();
            view! {
                <div class="banner success" role="status">
                    <div class="banner-text">
                        <strong>{t("invite-sent")}</strong>
                        <p>{t("invite-link")}</p>
                        <p><code class="secret">{link}</code></p>
                    </div>
                    <button type="button" class="btn" on:click=move |_| { webwork_ui::copy_to_clipboard(&copy); }>{t("invite-copy-link")}</button>
                    <a class="btn ghost" href=Route::Member { ws, id: user_id }.href()>{t("invite-view-member")}</a>
                </div>
            }
        })}
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <TextField field=email label=msg_id("members-col-email") kind="email" form=form required=true autocomplete="off"/>
            <div class="row">
                <TextField field=firstname label=msg_id("member-first-name") form=form required=true/>
                <TextField field=lastname label=msg_id("member-last-name") form=form required=true/>
            </div>
            <SelectField field=role label=msg_id("members-col-role") form=form required=true options=Signal::derive(|| role_options(Role::ASSIGNABLE, None))/>
            <div class="form-actions">
                <SubmitButton form=form label=msg_id("invite-submit") busy=msg_id("invite-sending")/>
            </div>
        </form>
    }
}

#[component]
pub fn InvitePage(ws: u64) -> impl IntoView {
    view! {
        <BackLink href=Route::Members { ws }.href() text=t("members-title")/>
        <PageHeader title=t("invite-title")/>
        {move || view! { <InviteForm ws=ws/> }}
    }
}

/// Time zones the browser knows (`Intl.supportedValuesOf("timeZone")`), for the picker.
fn time_zones() -> Vec<String> {
    use wasm_bindgen::JsCast;
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok();
    let f = intl
        .as_ref()
        .and_then(|i| js_sys::Reflect::get(i, &"supportedValuesOf".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (intl, f) {
        (Some(intl), Some(f)) => f
            .call1(&intl, &"timeZone".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default(),
        _ => ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Asia/Yerevan"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    }
}

/// The API's `timezone` rule as the person types: an IANA name the browser knows. Only when the
/// browser can list its zones (`Intl.supportedValuesOf`); otherwise the server's 422 decides.
fn known_zone(zones: &[String], v: &str) -> Option<String> {
    let v = v.trim();
    if v.is_empty() || v == "UTC" || zones.len() < 50 || zones.iter().any(|z| z == v) {
        return None;
    }
    Some(format!("{v} is not a time zone; pick one from the list, such as Europe/Berlin."))
}

/// The edit form over a loaded member. Only changed fields are sent.
#[component]
pub fn MemberEditForm(ws: u64, member: Member, #[prop(optional, into)] on_saved: Option<Callback<()>>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let owner = member.current_role == Role::Owner;
    let email = FieldState::new("email", member.email.clone()).check(checks::email);
    let firstname = FieldState::new("firstname", member.firstname.clone()).check(checks::text(255));
    let lastname = FieldState::new("lastname", member.lastname.clone()).check(checks::text(255));
    let known_zones = std::sync::Arc::new(time_zones());
    let timezone = FieldState::new("timezone", opt(&member.timezone)).check(move |v| known_zone(&known_zones, v));
    let role = FieldState::new("role", member.current_role.as_str());
    let rate_status = FieldState::new("rate_status", member.rate_status.map(|r| r.code().to_string()).unwrap_or_default());
    let hours = FieldState::new("weekly_hours_limit", opt(&member.weekly_hours_limit)).check(checks::optional_int(0, 168));
    let remove_avatar = RwSignal::new(false);
    let form = Form::new(vec![email, firstname, lastname, timezone, role, rate_status, hours]);
    let original = StoredValue::new(member.clone());

    let build = move || {
        let m = original.get_value();
        let mut op = UpdateMember::new(m.id, ws);
        let changed = |f: &FieldState, old: &str| f.value.get().trim() != old;
        if changed(&email, &m.email) {
            op = op.email(email.value.get().trim());
        }
        if changed(&firstname, &m.firstname) {
            op = op.firstname(firstname.value.get().trim().to_owned());
        }
        if changed(&lastname, &m.lastname) {
            op = op.lastname(lastname.value.get().trim().to_owned());
        }
        if changed(&timezone, m.timezone.as_deref().unwrap_or("")) {
            if let Some(tz) = timezone.opt() {
                op = op.timezone(tz);
            }
        }
        if changed(&role, m.current_role.as_str()) {
            op = op.role(Role::parse(&role.value.get()));
        }
        let old_rate = m.rate_status.map(|r| r.code().to_string()).unwrap_or_default();
        if changed(&rate_status, &old_rate) {
            if let Some(code) = rate_status.num::<i64>() {
                op = op.rate_status(RateStatus::from_code(code));
            }
        }
        if changed(&hours, &opt(&m.weekly_hours_limit)) {
            if let Some(h) = hours.num::<u64>() {
                op = op.weekly_hours_limit(h);
            }
        }
        if remove_avatar.get() {
            op = op.remove_avatar(true);
        }
        op
    };
    // Cross-field and enum rules of the operation, at their fields as the person types.
    Effect::new(move |_| form.show_rule(&build().to_request().map(|_| ())));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(api, form, untrack(build), move |_| {
            toaster.show(t("member-saved"));
            if let Some(cb) = on_saved {
                cb.run(());
            }
        });
    };
    let zones = time_zones();
    let rate_options = Signal::derive(|| {
        super::options(Some(&t("common-not-set")), RateStatus::ALL.iter().map(|r| (r.code().to_string(), rate_status_label(*r))))
    });
    let has_avatar = member.avatar.is_some();

    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <div class="row">
                <TextField field=firstname label=msg_id("member-first-name") form=form required=true/>
                <TextField field=lastname label=msg_id("member-last-name") form=form required=true/>
            </div>
            <TextField field=email label=msg_id("members-col-email") kind="email" form=form required=true autocomplete="off"/>
            <TextField field=timezone label=msg_id("member-time-zone") form=form list="tz-list" placeholder=msg_id("member-time-zone-placeholder")
                hint=msg_id("member-time-zone-hint")/>
            <datalist id="tz-list">
                {zones.into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
            </datalist>
            {if owner {
                view! { <p class="hint">{t("member-owner-role")}</p> }.into_any()
            } else {
                view! { <SelectField field=role label=msg_id("members-col-role") form=form options=Signal::derive(|| role_options(Role::ASSIGNABLE, None))/> }.into_any()
            }}
            <div class="row">
                <SelectField field=rate_status label=msg_id("member-rate-visibility") form=form options=rate_options
                    hint=msg_id("member-rate-visibility-hint")/>
                <TextField field=hours label=msg_id("member-weekly-hours") kind="number" form=form step="1" hint=msg_id("member-weekly-hours-hint")/>
            </div>
            {has_avatar.then(|| view! { <CheckboxField checked=remove_avatar label=msg_id("member-remove-avatar")/> })}
            <div class="form-actions">
                <SubmitButton form=form label=msg_id("common-save")/>
            </div>
        </form>
    }
}

#[component]
pub fn MemberEditPage(ws: u64, id: u64) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let res = load(move || async move { api.send(GetMember::new(id, ws)).await });
    view! {
        <BackLink href=Route::Member { ws, id }.href() text=t("member-back")/>
        <ItemFrame res>
            {move || res.ready().map(|m| {
                let title = t_args("member-edit-title", &[("name", m.full_name().into())]);
                let mid = m.id;
                view! {
                    <PageHeader title=title/>
                    <MemberEditForm ws=ws member=m
                        on_saved=Callback::new(move |_| nav.go(&Route::Member { ws, id: mid }.href()))/>
                }
            })}
        </ItemFrame>
    }
}
