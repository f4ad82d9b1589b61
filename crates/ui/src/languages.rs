//! The languages the panel and the widgets have catalogs for, and which one a reader gets: one
//! list and one matching rule for both hosts (crates/admin/src/i18n.rs, crates/widgets/src/lang.rs).

/// (BCP 47 tag, its name in itself). The names are never translated: a reader looks for their
/// own language's name.
pub const LANGUAGES: &[(&str, &str)] =
    &[("en", "English"), ("es", "Español"), ("de", "Deutsch"), ("pt-BR", "Português (Brasil)"), ("en-XA", "Ƥšéúđó (en-XA)")];

/// The language everything falls back to.
pub const DEFAULT: &str = "en";

/// The best catalog for the reader's `preferred` languages (first is preferred): an exact tag
/// first, else the first preferred language whose primary language we have (`pt-PT` reads
/// `pt-BR`, `de-AT` reads `de`), else English. The pseudo-locale only when asked for by its exact tag.
pub fn best_match(preferred: &[String]) -> &'static str {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    for want in preferred {
        if let Some((tag, _)) = LANGUAGES.iter().find(|(tag, _)| tag.eq_ignore_ascii_case(&want.trim().replace('_', "-"))) {
            return tag;
        }
        if let Some((tag, _)) = LANGUAGES.iter().filter(|(tag, _)| *tag != "en-XA").find(|(tag, _)| primary(tag) == primary(want.trim())) {
            return tag;
        }
    }
    DEFAULT
}

/// `tag` when it is one of [`LANGUAGES`] exactly.
pub fn known(tag: &str) -> Option<&'static str> {
    LANGUAGES.iter().map(|(t, _)| *t).find(|t| *t == tag)
}

/// The browser's languages (`navigator.languages`, else `navigator.language`), most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}
