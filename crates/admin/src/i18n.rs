//! The panel's language: which one (the header's picker, remembered; else the browser's) and its
//! Fluent catalog, fetched from `/i18n/<tag>.ftl` (Trunk copies `crates/admin/i18n/` there) and
//! installed as the translator every `webwork_ui::i18n::t` goes through.
//!
//! Only the chosen language's catalog is downloaded, before the panel first renders (so no text
//! flashes in another language). A change of language fetches the new catalog, then the panel
//! renders again under its contexts ([`Lang`]): session, cache and toasts stay.

use leptos::prelude::*;
use webwork_ui::i18n;
use webwork_ui::storage;

// The languages, English as the fallback and the reader's best match are shared with the widgets.
pub use webwork_ui::languages::{best_match, browser_languages, known, DEFAULT, LANGUAGES};

/// Where the chosen language is remembered (a preference, not data: it stays after sign-out).
pub const STORAGE_KEY: &str = "webwork-lang";

/// The language to show: the remembered choice, else the browser's best match.
pub fn initial() -> &'static str {
    storage::get(storage::local(), STORAGE_KEY).as_deref().and_then(known).unwrap_or_else(|| best_match(&browser_languages()))
}

/// The current language in context: pages that must render again after a change read it.
#[derive(Clone, Copy)]
pub struct Lang(pub RwSignal<&'static str>);

pub fn use_lang() -> Lang {
    expect_context::<Lang>()
}

/// Makes `catalog` (Fluent text in language `tag`) the source of every message, and sets
/// `<html lang>`.
pub fn install(tag: &str, catalog: &str) {
    i18n::install(tag, catalog);
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The catalog of `tag`, from the folder served next to the panel.
async fn fetch_catalog(tag: &str) -> Result<String, String> {
    i18n::fetch_catalog(&format!("/i18n/{tag}.ftl")).await
}

/// Loads and installs `tag`'s catalog, else English's; returns the language installed.
pub async fn load(tag: &'static str) -> &'static str {
    match fetch_catalog(tag).await {
        Ok(text) => {
            install(tag, &text);
            tag
        }
        Err(_) if tag != DEFAULT => {
            // A missing catalog must not leave the panel without words: English instead.
            if let Ok(text) = fetch_catalog(DEFAULT).await {
                install(DEFAULT, &text);
            }
            DEFAULT
        }
        Err(_) => DEFAULT,
    }
}

/// Switches to `tag`: remembers it, fetches its catalog, and renders the panel again.
pub fn choose(lang: Lang, tag: &'static str) {
    storage::set(storage::local(), STORAGE_KEY, tag);
    leptos::task::spawn_local(async move {
        let installed = load(tag).await;
        lang.0.set(installed);
    });
}

/// The header's language picker. Its visible label is the language's own name.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let lang = use_lang();
    let current = lang.0.get_untracked();
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{i18n::t("header-language")}</span>
            <select on:change=move |ev| {
                if let Some(tag) = known(&event_target_value(&ev)) {
                    choose(lang, tag);
                }
            }>
                {LANGUAGES.iter().map(|(tag, name)| view! {
                    <option value=*tag lang=*tag selected=*tag == current>{*name}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
