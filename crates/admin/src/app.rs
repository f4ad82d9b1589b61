//! The application root: contexts (API handle, toasts, navigation), the router and the toasts.

use leptos::prelude::*;
use leptos_router::components::Router;
use webwork_ui::{provide_toaster, Toasts};

use crate::api::Api;
use crate::nav::Nav;
use crate::routes::AppRoutes;

#[component]
pub fn App() -> impl IntoView {
    Api::provide();
    provide_toaster();
    webwork_ui::theme::apply_theme(webwork_ui::theme::stored_theme().as_deref());
    view! {
        <Router>
            <Root/>
        </Router>
    }
}

/// Inside the router: navigation for helpers, the routes, the notices.
#[component]
fn Root() -> impl IntoView {
    Nav::provide();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <AppRoutes/>
        <Toasts/>
    }
}
