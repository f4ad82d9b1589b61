//! The application root: contexts (API handle, toasts, location and navigation), the routes and the toasts.

use leptos::prelude::*;
use webwork_ui::{provide_toaster, Toasts};

use crate::api::Api;
use crate::nav::Nav;
use crate::routes::AppRoutes;

#[component]
pub fn App() -> impl IntoView {
    Api::provide();
    provide_toaster();
    webwork_ui::theme::apply_theme(webwork_ui::theme::stored_theme().as_deref());
    Nav::provide();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <AppRoutes/>
        <Toasts/>
    }
}
