//! Sign-in: "Sign in with WebWork" when a webwork-gateway with OAuth serves the panel, and
//! always the API base URL with a personal access token; either is checked with `GET /workspaces`.

use leptos::prelude::*;
use webwork_core::{ApiError, DEFAULT_BASE_URL};
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{CheckboxField, FieldState, Form, TextField, ThemeToggle};

use crate::api::use_api;
use crate::nav::use_nav;
use crate::routes::Route;
use crate::session::{gateway_login_href, same_origin_base, GatewayStatus, Session};

/// What went wrong signing in, for a person.
pub fn sign_in_problem(e: &ApiError, base: &str) -> String {
    match e {
        ApiError::Unauthorized { .. } => t("signin-problem-token"),
        ApiError::Network { .. } | ApiError::Timeout { .. } => {
            let id = if base.starts_with(DEFAULT_BASE_URL) {
                msg_id("signin-problem-unreachable-cors")
            } else {
                msg_id("signin-problem-unreachable")
            };
            t_args(id, &[("base", base.into())])
        }
        ApiError::NotFound { .. } => t_args("signin-problem-not-api", &[("base", base.into())]),
        other => webwork_ui::error_sentence(other),
    }
}

/// `next`: where to go once signed in (a path of this site); `gateway`: back from a
/// webwork-gateway's sign-in (both from `Route::SignIn`).
#[component]
pub fn SignIn(next: Option<String>, gateway: bool) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    let base = FieldState::new("base_url", Session::last_base_url().unwrap_or_else(same_origin_base)).check(checks::url);
    let token = FieldState::new("token", "").check(checks::required);
    let remember = RwSignal::new(false);
    let form = Form::new(vec![base, token]);
    let problem = RwSignal::new(None::<String>);
    let go_next = move |list: Vec<webwork_core::models::Workspace>, next: Option<String>| match (next, list.first()) {
        (Some(next), _) => nav.go(&next),
        (None, Some(w)) => nav.go(&Route::Members { ws: w.id }.href()),
        (None, None) => problem.set(Some(t("signin-no-workspace"))),
    };

    // A webwork-gateway with OAuth offers its sign-in; back from it, the session is taken up here.
    // Back from the gateway's sign-in (`gateway` set): only then does this page take the
    // gateway's session by itself (after a sign-out the gateway may not have ended it yet).
    let back_from_gateway = gateway;
    let gateway = RwSignal::new(GatewayStatus::default());
    {
        let next = next.clone();
        leptos::task::spawn_local(async move {
            let status = GatewayStatus::fetch().await;
            gateway.set(status.clone());
            if status.signed_in && back_from_gateway {
                match api.sign_in_gateway().await {
                    Ok(list) => go_next(list, next),
                    Err(e) => problem.set(Some(sign_in_problem(&e, &same_origin_base()))),
                }
            }
        });
    }
    let login_href = {
        let back = Route::SignIn { next: next.clone(), gateway: true }.href();
        gateway_login_href(&back)
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.begin() {
            return;
        }
        problem.set(None);
        let (b, t) = (base.value.get_untracked(), token.value.get_untracked());
        let next = next.clone();
        leptos::task::spawn_local(async move {
            match api.sign_in(b.clone(), t, remember.get_untracked()).await {
                Ok(list) => {
                    form.finish(Ok(()));
                    // The token field is emptied once it is kept where the person asked.
                    token.value.set(String::new());
                    go_next(list, next);
                }
                Err(e) => {
                    form.finish(Ok(()));
                    problem.set(Some(sign_in_problem(&e, b.trim())));
                }
            }
        });
    };

    view! {
        <main class="signin" id="main" tabindex="-1">
            <div class="signin-card card">
                <div class="signin-head">
                    <h1>{t("app-name")}</h1>
                    <ThemeToggle/>
                </div>
                {move || problem.get().map(|p| view! {
                    <div class="banner error" role="alert"><div class="banner-text"><strong>{t("signin-failed")}</strong><p>{p}</p></div></div>
                })}
                <Show when=move || gateway.get().oauth>
                    <div class="signin-oauth">
                        <a class="btn primary wide" rel="external" href=login_href.clone()>{t("signin-with-webwork")}</a>
                        <p class="hint">{t("signin-with-webwork-hint")}</p>
                        <p class="divider"><span>{t("signin-or-token")}</span></p>
                    </div>
                </Show>
                <form on:submit=submit novalidate>
                    <TextField field=base label=msg_id("signin-base-url") kind="url" form=form required=true autocomplete="url"
                        hint=msg_id("signin-base-url-hint")/>
                    <div class="inline-actions">
                        <button type="button" class="btn ghost small" on:click=move |_| base.set(same_origin_base())>{t("signin-this-server")}</button>
                        <button type="button" class="btn ghost small" on:click=move |_| base.set(DEFAULT_BASE_URL)>{t("signin-real-api")}</button>
                        <button type="button" class="btn ghost small" title=t("signin-dev-proxy-title")
                            on:click=move |_| base.set(same_origin_base().replace("/api/v2", "/real-api/v2"))>{t("signin-dev-proxy")}</button>
                    </div>
                    <TextField field=token label=msg_id("signin-token") kind="password" form=form required=true autocomplete="off"
                        hint=msg_id("signin-token-hint")/>
                    <CheckboxField checked=remember label=msg_id("signin-remember")
                        hint=msg_id("signin-remember-hint")/>
                    <button type="submit" class="btn primary wide" disabled=move || form.saving.get() || !form.is_valid()>
                        {move || if form.saving.get() { t("signin-signing-in") } else { t("signin-submit") }}
                    </button>
                </form>
            </div>
        </main>
    }
}
