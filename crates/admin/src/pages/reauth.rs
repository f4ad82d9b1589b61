//! What the panel shows when the server stops accepting the session or the role:
//! [`ReauthDialog`] (a 401: sign in again without leaving the page, so a half-filled form stays),
//! [`RefusedScreen`] (a 403 for the role itself: one screen that says why, not a wall of
//! refusals) and [`SignedIn`] (the page a sign-in popup lands on, which closes itself).

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{FieldState, Form, TextField};

use crate::api::use_api;
use crate::nav::use_nav;
use crate::pages::signin::sign_in_problem;
use crate::routes::Route;
use crate::session::{gateway_login_href, GatewayStatus};

/// Where a sign-in popup comes back to.
pub const SIGNED_IN_PATH: &str = "/signed-in";

/// How long the dialog waits for a sign-in popup before it stops asking the gateway.
const POPUP_WAIT: Duration = Duration::from_secs(600);

/// A modal over the page while `api.expired`: the form behind it keeps what was typed. A token
/// session asks for a new token; a gateway session signs in through the gateway in a popup and
/// the dialog notices the new session by itself.
#[component]
pub fn ReauthDialog() -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(api.expired.get()));
    webwork_ui::dialog::follow_open(open, dialog, || {});

    let token = FieldState::new("reauth_token", "").check(checks::required);
    let form = Form::new(vec![token]);
    let problem = RwSignal::new(None::<String>);
    let waiting = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.begin() {
            return;
        }
        problem.set(None);
        let Some((base, remember)) = api.session.get_untracked() else { return };
        let t = token.value.get_untracked();
        leptos::task::spawn_local(async move {
            let result = api.sign_in(base.clone(), t, remember).await;
            form.finish(Ok(()));
            match result {
                Ok(_) => token.value.set(String::new()),
                Err(e) => problem.set(Some(sign_in_problem(&e, &base))),
            }
        });
    };

    // The popup signs in at the gateway (its cookie is this origin's too); this page then asks
    // the gateway until it says so, and carries on with the new session.
    let popup = move |_| {
        problem.set(None);
        let href = gateway_login_href(SIGNED_IN_PATH);
        let opened = window().open_with_url_and_target_and_features(&href, "webwork-signin", "popup,width=520,height=680").ok().flatten();
        if opened.is_none() {
            problem.set(Some(t("reauth-popup-blocked")));
            return;
        }
        waiting.set(true);
        leptos::task::spawn_local(async move {
            let started = js_sys::Date::now();
            while api.expired.get_untracked() && js_sys::Date::now() - started < POPUP_WAIT.as_millis() as f64 {
                webwork_core::client::Transport::sleep(&webwork_core::FetchTransport::new(), 1_000).await;
                if GatewayStatus::fetch().await.signed_in {
                    if let Err(e) = api.sign_in_gateway().await {
                        problem.set(Some(e.to_string()));
                    }
                    break;
                }
            }
            waiting.set(false);
        });
    };

    view! {
        <dialog node_ref=dialog class="dialog reauth" aria-labelledby="reauth-t" aria-describedby="reauth-m"
            on:cancel=|ev: leptos::ev::Event| ev.prevent_default()>
            <h2 id="reauth-t">{t("reauth-title")}</h2>
            <p id="reauth-m">{t("reauth-message")}</p>
            {move || problem.get().map(|p| view! { <div class="banner error" role="alert"><p>{p}</p></div> })}
            {move || if api.gateway.get() {
                view! {
                    <div class="actions">
                        <button type="button" class="btn primary" on:click=popup disabled=move || waiting.get()>
                            {move || if waiting.get() { t("reauth-waiting") } else { t("signin-with-webwork") }}
                        </button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <form on:submit=submit novalidate>
                        <TextField field=token label=msg_id("signin-token") kind="password" form=form required=true autocomplete="off"/>
                        <div class="actions">
                            <button type="submit" class="btn primary" disabled=move || form.saving.get() || !form.is_valid()>
                                {move || if form.saving.get() { t("signin-signing-in") } else { t("reauth-title") }}
                            </button>
                        </div>
                    </form>
                }.into_any()
            }}
            <div class="actions">
                <button type="button" class="btn ghost" on:click=move |_| {
                    api.sign_out();
                    nav.go(&Route::SignIn { next: None, gateway: false }.href());
                }>{t("reauth-sign-out")}</button>
            </div>
        </dialog>
    }
}

/// In place of a workspace's pages when the API refused the signed-in role there.
#[component]
pub fn RefusedScreen(ws: u64, message: String) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let workspace = move || api.workspaces.get().and_then(|list| list.into_iter().find(|w| w.id == ws));
    let name = move || {
        workspace().map(|w| w.workspace_name).unwrap_or_else(|| t_args("refused-workspace", &[("workspace", ws.to_string().into())]))
    };
    let role = move || workspace().map(|w| crate::pages::members::role_label(&w.role)).unwrap_or_else(|| t("common-unknown"));
    // Workspaces where this person is an owner or executive manager: the way out, if any.
    let others =
        move || api.workspaces.get().unwrap_or_default().into_iter().filter(|w| w.id != ws && w.role.is_admin()).collect::<Vec<_>>();
    view! {
        <section class="refused card" role="alert" aria-labelledby="refused-t">
            <h1 id="refused-t">{t("refused-title")}</h1>
            <p>{move || t_args("refused-role", &[("workspace", name().into()), ("role", role().into())])}</p>
            <p class="muted">{t("refused-server-said")} " " {message}</p>
            <p>{t("refused-ask-owner")}</p>
            {move || {
                let list = others();
                (!list.is_empty()).then(|| view! {
                    <p>{t("refused-workspaces")} " "
                        {list.into_iter().map(|w| view! { <a href=Route::Members { ws: w.id }.href()>{w.workspace_name}</a>" " }).collect_view()}
                    </p>
                })
            }}
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| {
                    api.sign_out();
                    nav.go(&Route::SignIn { next: None, gateway: false }.href());
                }>{t("refused-other-account")}</button>
            </div>
        </section>
    }
}

/// `/signed-in`: where a sign-in popup lands after the gateway's OAuth callback. The page that
/// opened it notices the new session by itself; this one only closes.
#[component]
pub fn SignedIn() -> impl IntoView {
    Effect::new(move |_| {
        if window().opener().is_ok_and(|o| !o.is_null()) {
            let _ = window().close();
        }
    });
    view! {
        <main class="content narrow">
            <h1>{t("signedin-title")}</h1>
            <p>{t("signedin-close")} " " <a href="/">{t("signedin-open-here")}</a></p>
        </main>
    }
}
