//! The language each widget shows, and its catalog (`crates/widgets/i18n/<tag>.ftl`, Project
//! Fluent, formatted by `webwork_ui::i18n`'s vendored `@fluent/bundle`).
//!
//! Which language: the JS half lists what the element asks for (its own `lang`, else the nearest
//! ancestor's or `<html lang>`, then `navigator.languages`) and [`pick`] best-matches that list as
//! the panel does (`webwork_ui::languages::best_match`). Elements of one page may differ.
//!
//! Catalogs: each language's is fetched once for the page, from `<bundle>/i18n/<tag>.ftl` (the JS
//! half gives the folder, next to its own URL); every widget in that language shares it. English
//! is in the wasm (a few KB): English readers fetch nothing, and a catalog that cannot be fetched
//! leaves its widget in English rather than without words.
//!
//! One translator serves the page (`webwork_ui::i18n` has one): it asks the reactive owner which
//! language is in context ([`Shown`], provided by each widget's root), so components of
//! webwork-ui inside a widget (error banners, the chart) speak the widget's language. Code that
//! runs outside a widget's owner (a request's continuation) names the language with [`within`].

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use webwork_ui::i18n::{self, Arg, Translator};
use webwork_ui::languages::{best_match, DEFAULT};

/// The English catalog, built into the wasm.
const ENGLISH: &str = include_str!("../i18n/en.ftl");

/// Where a language's catalog is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Catalog {
    Loading,
    Ready,
    /// Could not be fetched: its widgets show English.
    Failed,
}

struct Loaded {
    tag: &'static str,
    state: ArcRwSignal<Catalog>,
    translator: Option<Translator>,
}

thread_local! {
    /// The catalogs' folder URL, ending in `/` (set by the JS half).
    static FOLDER: RefCell<String> = RefCell::new("i18n/".to_owned());
    /// The languages asked for so far; English first, always ready.
    static LOADED: RefCell<Vec<Loaded>> = const { RefCell::new(Vec::new()) };
    /// The language of code running outside any widget's owner ([`within`]).
    static FORCED: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The language a widget shows, in context under its root.
#[derive(Clone, Copy, Debug)]
pub struct Shown(pub &'static str);

/// The catalogs' folder (`https://cdn.example/webwork-widgets/i18n/`).
pub fn set_folder(url: &str) {
    let url = if url.ends_with('/') { url.to_owned() } else { format!("{url}/") };
    FOLDER.with_borrow_mut(|f| *f = url);
}

/// The best language for what an element asks for (most preferred first).
pub fn pick(asked: &[String]) -> &'static str {
    best_match(asked)
}

/// Installs the page's one translator (dispatching by language) with English, once.
fn ensure_installed() {
    let first = LOADED.with_borrow_mut(|loaded| {
        if !loaded.is_empty() {
            return false;
        }
        let english = i18n::translator(DEFAULT, ENGLISH);
        loaded.push(Loaded { tag: DEFAULT, state: ArcRwSignal::new(Catalog::Ready), translator: Some(english) });
        true
    });
    if first {
        i18n::set_translator(Rc::new(dispatch));
    }
}

fn translator_of(tag: &str) -> Option<Translator> {
    LOADED.with_borrow(|loaded| {
        let of = |t: &str| loaded.iter().find(|l| l.tag == t).and_then(|l| l.translator.clone());
        of(tag).or_else(|| of(DEFAULT))
    })
}

fn dispatch(id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let translator = translator_of(current())?;
    translator(id, args)
}

/// The language in force: [`within`]'s, else the widget's whose owner runs this, else English.
pub fn current() -> &'static str {
    FORCED.get().or_else(|| use_context::<Shown>().map(|s| s.0)).unwrap_or(DEFAULT)
}

/// Runs `f` in language `tag` (for code that runs outside the widget's owner).
pub fn within<R>(tag: &'static str, f: impl FnOnce() -> R) -> R {
    let before = FORCED.replace(Some(tag));
    let result = f();
    FORCED.set(before);
    result
}

/// `fut`, each step of it run [`within`] language `tag`: a request's continuation (spawned, so
/// outside the widget's owner) still speaks the widget's language.
pub fn in_language<F: Future>(tag: &'static str, fut: F) -> impl Future<Output = F::Output> {
    let mut fut = Box::pin(fut);
    std::future::poll_fn(move |cx| within(tag, || fut.as_mut().poll(cx)))
}

/// Makes `ftl` the catalog of `tag` without fetching it (the wasm tests, which have no server).
pub fn add_catalog(tag: &'static str, ftl: &str) {
    ensure_installed();
    let translator = Some(i18n::translator(tag, ftl));
    let waiting = LOADED.with_borrow_mut(|loaded| match loaded.iter_mut().find(|l| l.tag == tag) {
        Some(l) => {
            l.translator = translator;
            Some(l.state.clone())
        }
        None => {
            loaded.push(Loaded { tag, state: ArcRwSignal::new(Catalog::Ready), translator });
            None
        }
    });
    // Outside the borrow: widgets waiting for this language render now.
    if let Some(state) = waiting {
        state.set(Catalog::Ready);
    }
}

/// The state of `tag`'s catalog (reactive); the first call fetches it.
pub fn catalog(tag: &'static str) -> Catalog {
    ensure_installed();
    let (state, fetch) = LOADED.with_borrow_mut(|loaded| match loaded.iter().find(|l| l.tag == tag) {
        Some(l) => (l.state.clone(), false),
        None => {
            let state = ArcRwSignal::new(Catalog::Loading);
            loaded.push(Loaded { tag, state: state.clone(), translator: None });
            (state, true)
        }
    });
    if fetch {
        let url = FOLDER.with_borrow(|f| format!("{f}{tag}.ftl"));
        let writer = state.clone();
        leptos::task::spawn_local(async move {
            let outcome = match i18n::fetch_catalog(&url).await {
                Ok(ftl) => {
                    let translator = i18n::translator(tag, &ftl);
                    LOADED.with_borrow_mut(|loaded| {
                        if let Some(l) = loaded.iter_mut().find(|l| l.tag == tag) {
                            l.translator = Some(translator);
                        }
                    });
                    Catalog::Ready
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("webwork-widgets: {e}; this widget shows English").into());
                    Catalog::Failed
                }
            };
            writer.set(outcome);
        });
    }
    state.get()
}

/// Message `id` in the current language.
pub fn t(id: &str) -> String {
    ensure_installed();
    i18n::t(id)
}

/// Message `id` with its placeholders, in the current language.
pub fn t_args(id: &str, args: &[(&str, Arg)]) -> String {
    ensure_installed();
    i18n::t_args(id, args)
}

/// Ids used outside this crate's Rust: the JS half's message when the wasm cannot load (it reads
/// the line from the catalog itself).
pub const JS_IDS: &[&str] = &[i18n::msg_id("widget-load-failed")];
