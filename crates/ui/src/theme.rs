//! Light and dark themes: the system's choice by default; a toggle that remembers the
//! person's choice in localStorage (`webwork.theme` = `light` | `dark`). The CSS reads
//! `data-theme` on `<html>`, and `prefers-color-scheme` when it is absent.

use leptos::prelude::*;

use crate::i18n::t;

use crate::storage;

const KEY: &str = "webwork.theme";

/// `None` = follow the system.
pub fn stored_theme() -> Option<String> {
    storage::get(storage::local(), KEY).filter(|t| t == "light" || t == "dark")
}

/// Applies a theme to `<html data-theme>`; `None` removes it (system default).
pub fn apply_theme(theme: Option<&str>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    match theme {
        Some(t) => {
            let _ = root.set_attribute("data-theme", t);
        }
        None => {
            let _ = root.remove_attribute("data-theme");
        }
    }
}

fn system_dark() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

/// A button cycling System → Light → Dark; the label says the current choice.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(stored_theme());
    apply_theme(theme.get_untracked().as_deref());
    let next = move || match theme.get().as_deref() {
        None => Some("light"),
        Some("light") => Some("dark"),
        _ => None,
    };
    let label = move || match theme.get().as_deref() {
        None => {
            if system_dark() {
                t("theme-system-dark")
            } else {
                t("theme-system-light")
            }
        }
        Some("light") => t("theme-light"),
        _ => t("theme-dark"),
    };
    let icon = move || match theme.get().as_deref() {
        None => "◐",
        Some("light") => "☀",
        _ => "☾",
    };
    view! {
        <button type="button" class="btn ghost theme-toggle" title=label aria-label=label on:click=move |_| {
            let t = next();
            match t {
                Some(t) => storage::set(storage::local(), KEY, t),
                None => storage::remove(storage::local(), KEY),
            }
            apply_theme(t);
            theme.set(t.map(str::to_owned));
        }>{icon}</button>
    }
}
