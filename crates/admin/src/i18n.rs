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

/// The languages the panel has catalogs for: (BCP 47 tag, its name in itself). The names are
/// never translated: a reader looks for their own language's name.
pub const LANGUAGES: &[(&str, &str)] =
    &[("en", "English"), ("es", "Español"), ("de", "Deutsch"), ("pt-BR", "Português (Brasil)"), ("en-XA", "Ƥšéúđó (en-XA)")];

/// Where the chosen language is remembered (a preference, not data: it stays after sign-out).
pub const STORAGE_KEY: &str = "webwork-lang";

/// The language everything falls back to.
pub const DEFAULT: &str = "en";

/// The best catalog for the reader's `preferred` languages (`navigator.languages`, first is
/// preferred): an exact tag first, else the first preferred language whose primary language we
/// have (`pt-PT` reads `pt-BR`, `de-AT` reads `de`), else English. The pseudo-locale only when asked
/// for by its exact tag.
pub fn best_match(preferred: &[String]) -> &'static str {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    for want in preferred {
        if let Some((tag, _)) = LANGUAGES.iter().find(|(tag, _)| tag.eq_ignore_ascii_case(&want.replace('_', "-"))) {
            return tag;
        }
        if let Some((tag, _)) = LANGUAGES.iter().filter(|(tag, _)| *tag != "en-XA").find(|(tag, _)| primary(tag) == primary(want)) {
            return tag;
        }
    }
    DEFAULT
}

fn known(tag: &str) -> Option<&'static str> {
    LANGUAGES.iter().map(|(t, _)| *t).find(|t| *t == tag)
}

/// The browser's languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

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
