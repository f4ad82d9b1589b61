//! Webhooks: the list, create (URL checked as typed, events as checkboxes; the returned token
//! shown once with Copy), edit events and URL, delete.

use std::collections::BTreeSet;

use leptos::prelude::*;
use webwork_core::models::{Webhook, WebhookEvent};
use webwork_core::ops::{CreateWebhook, DeleteWebhook, GetWebhook, ListWebhooks, Operation, UpdateWebhook};
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, ConfirmDialog, ErrorBanner, FieldState, Form, SubmitButton, TagChip, TextField, Toaster};

use super::{BackLink, ConfirmAction, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

/// What the webhook pages ask first ([`super::FirstRequests`]): the list's page, a webhook's read.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    match route {
        Route::Webhooks { ws } => vec![super::url_page(ListWebhooks::new(*ws), query).to_request()],
        Route::Webhook { ws, id } => vec![GetWebhook::new(id.clone(), *ws).to_request()],
        _ => Vec::new(),
    }
}

#[component]
pub fn WebhooksPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let res = load(move || api.page(super::url_page(ListWebhooks::new(ws), query)));
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new((String::new(), String::new()));
    let columns = vec![
        Column::new("webhooks-col-url", move |w: &Webhook| {
            view! { <a href=Route::Webhook { ws, id: w.id.clone() }.href()>{w.url.clone()}</a> }.into_any()
        }),
        Column::new("webhooks-col-events", |w: &Webhook| {
            view! { <span class="chips">{w.events.iter().map(|e| view! { <TagChip name=e.as_str().to_owned()/> }).collect_view()}</span> }.into_any()
        })
        .class("hide-sm"),
        Column::new("", move |w: &Webhook| {
            let (id, url) = (w.id.clone(), w.url.clone());
            view! {
                <ConfirmAction label=msg_id("common-delete") aria=t_args("webhooks-delete-name", &[("url", url.as_str().into())]) target=(id.clone(), url.clone()) pending=pending confirm=confirm/>
            }
            .into_any()
        })
        .class("actions"),
    ];
    let delete = Callback::new(move |_| {
        let (id, url) = pending.get_untracked();
        leptos::task::spawn_local(async move {
            match api.send(DeleteWebhook::new(id, ws)).await {
                Ok(_) => toaster.show(t_args("webhooks-deleted", &[("url", url.as_str().into())])),
                Err(e) => toaster.error(t_args("webhooks-delete-failed", &[("error", webwork_ui::error_sentence(&e).into())])),
            };
            res.refetch();
        });
    });
    view! {
        <PageHeader title=t("nav-webhooks")>
            <a class="btn primary" href=move || Route::WebhookNew { ws }.href()>{t("webhooks-new-title")}</a>
            <ExportButton file="webhooks" request=Callback::new(move |_| webwork_core::Operation::to_request(&ListWebhooks::new(ws)))/>
        </PageHeader>
        <ListFrame res query caption=t("nav-webhooks") columns key=|w: &Webhook| w.id.clone() label=|w: &Webhook| w.url.clone()
            on_open=Callback::new(move |w: Webhook| nav.go(&Route::Webhook { ws, id: w.id.clone() }.href()))
            empty_title=t("webhooks-empty") empty_hint=t("webhooks-empty-hint") cols=3/>
        <ConfirmDialog open=confirm title=t("webhooks-delete-title")
            message=Signal::derive(move || t_args("webhooks-delete-confirm", &[("url", pending.get().1.into())]))
            confirm_label=msg_id("common-delete") danger=true on_confirm=delete/>
    }
}

/// Event checkboxes; at least one must stay ticked.
#[component]
fn EventChecks(events: RwSignal<BTreeSet<String>>, form: Form) -> impl IntoView {
    let _ = form;
    let error = move || events.with(BTreeSet::is_empty).then(|| t("webhooks-events-required"));
    view! {
        <fieldset aria-describedby="events-error">
            <legend>{t("webhooks-col-events")} <span class="req" aria-hidden="true">" *"</span></legend>
            <div class="checks">
                {WebhookEvent::ALL.iter().map(|e| {
                    let name = e.as_str().to_owned();
                    // In the reference's sample webhook only, not in its list of events.
                    let inferred = (*e == WebhookEvent::TaskUpdated)
                        .then(|| view! { <small class="muted" title=t("webhooks-inferred-title")>" " {t("webhooks-inferred")}</small> });
                    let (n1, n2) = (name.clone(), name.clone());
                    view! {
                        <label>
                            <input type="checkbox" prop:checked=move || events.with(|s| s.contains(&n1))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    events.update(|s| { if on { s.insert(n2.clone()); } else { s.remove(&n2); } });
                                }/>
                            <code>{name}</code>{inferred}
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="field-error" id="events-error" aria-live="polite">{error}</p>
        </fieldset>
    }
}

fn event_list(events: &BTreeSet<String>) -> Vec<WebhookEvent> {
    events.iter().map(|e| WebhookEvent::parse(e)).collect()
}

#[component]
pub fn WebhookNewPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let url = FieldState::new("url", "").check(checks::url);
    let form = Form::new(vec![url]);
    let events = RwSignal::new(BTreeSet::<String>::new());
    let created = RwSignal::new(None::<Webhook>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if events.with_untracked(BTreeSet::is_empty) {
            form.submitted.set(true);
            return;
        }
        let op = CreateWebhook::new(ws, url.value.get_untracked().trim(), event_list(&events.get_untracked()));
        save(api, form, op, move |w: Webhook| created.set(Some(w)));
    };
    view! {
        <BackLink href=Route::Webhooks { ws }.href() text=t("nav-webhooks")/>
        <PageHeader title=t("webhooks-new-title")/>
        {move || match created.get() {
            Some(w) => {
                let token = w.token.clone().unwrap_or_default();
                let copy = token.clone();
                view! {
                    <div class="banner success" role="status">
                        <div class="banner-text">
                            <strong>{t("webhooks-created")}</strong>
                            <p>{t_args("webhooks-created-token", &[("url", w.url.clone().into())])}</p>
                            <p><code class="secret">{token}</code></p>
                        </div>
                        <button type="button" class="btn" on:click=move |_| { webwork_ui::copy_to_clipboard(&copy); }>{t("webhooks-copy-token")}</button>
                        <a class="btn ghost" href=Route::Webhooks { ws }.href()>{t("common-done")}</a>
                    </div>
                }.into_any()
            }
            None => view! {
                <ErrorBanner error=form.error/>
                <form class="card form" on:submit=submit novalidate>
                    <TextField field=url label=msg_id("webhooks-col-url") kind="url" form=form required=true placeholder=msg_id("webhooks-url-placeholder")
                        hint=msg_id("webhooks-url-hint")/>
                    <EventChecks events form/>
                    <div class="form-actions">
                        <SubmitButton form=form label=msg_id("webhooks-create") busy=msg_id("webhooks-creating") blocked=Signal::derive(move || events.with(BTreeSet::is_empty))/>
                    </div>
                </form>
            }.into_any(),
        }}
    }
}

#[component]
pub fn WebhookPage(ws: u64, id: String) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let res = load(move || {
        let id = id.clone();
        async move { api.send(GetWebhook::new(id, ws)).await }
    });
    view! {
        <BackLink href=Route::Webhooks { ws }.href() text=t("nav-webhooks")/>
        <ItemFrame res>
            {move || res.ready().map(|w| {
                let url = FieldState::new("url", w.url.clone()).check(checks::url);
                let form = Form::new(vec![url]);
                let events = RwSignal::new(super::set_of(w.events.iter().map(|e| e.as_str().to_owned())));
                let wid = w.id.clone();
                let submit = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if events.with_untracked(BTreeSet::is_empty) {
                        form.submitted.set(true);
                        return;
                    }
                    let op = UpdateWebhook::new(wid.clone(), ws, url.value.get_untracked().trim())
                        .events(event_list(&events.get_untracked()));
                    save(api, form, op, move |_| { toaster.show(t("webhooks-saved")); });
                };
                view! {
                    <PageHeader title=t("webhooks-edit-title")/>
                    <p class="muted">{t("webhooks-id")} " " <code>{w.id.clone()}</code></p>
                    <ErrorBanner error=form.error/>
                    <form class="card form" on:submit=submit novalidate>
                        <TextField field=url label=msg_id("webhooks-col-url") kind="url" form=form required=true/>
                        <EventChecks events form/>
                        <div class="form-actions">
                            <SubmitButton form=form label=msg_id("common-save") blocked=Signal::derive(move || events.with(BTreeSet::is_empty))/>
                        </div>
                    </form>
                }
            })}
        </ItemFrame>
    }
}
