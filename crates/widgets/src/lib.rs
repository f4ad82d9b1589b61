//! Embeddable WebWork widgets: the wasm half of `webwork-widgets.js` (web/widgets/).
//!
//! Leptos has no web-component export, so the JS half defines the custom elements (attributes,
//! shadow root, styles) and calls [`mount`] with a container inside the shadow root; this crate
//! mounts the widget's Leptos view there with the element's attributes as signals, and
//! [`Widget::set_attribute`] / [`Widget::unmount`] follow the element's life.
//!
//! * [`shared`]: the page-wide token, pacer and clients; the one request path.
//! * [`frame`]: attributes as signals, the loader, the frame showing every state.
//! * [`lang`]: each widget's language and the catalogs (`crates/widgets/i18n/`), one fetch per
//!   language per page.
//! * [`widgets`]: one module per element. [`read`]: reply fields from JSON. [`format`]: dates.
//!   The hours chart draws with `webwork_ui::StackedBarChart`.
//!
//! Size (budget 250 KB gzipped for wasm + glue; `cargo xtask size`, row `widgets`): 240.8 KB on
//! 2026-12-05 with the languages (issue 21), 12.4 KB more than without them: the English catalog
//! built in (2.4 KB), the per-widget language, the Intl formats and zone labels. Beside it the page
//! loads `@fluent/bundle` (a wasm-bindgen snippet of webwork-ui: 4.1 KB gzipped minified, which
//! `cargo xtask size` counts since snippets are in the budget) and the catalog of each other
//! language it shows (2.4 to 3.2 KB).
//! What kept it there, measured from the name section before wasm-opt: replies are read field by
//! field from JSON ([`read`]) instead of through nine core models (-51 KB gzipped with the
//! StackedBarChart swap), one type-erased loader instead of one per widget, no std sorts or
//! BTreeMap (-10 KB), and the core's `Client::request_json` without serde_path_to_error (-7 KB).
//! What is left is mostly Leptos (reactive_graph ~145 KB and tachys ~95 KB before wasm-opt), Rust's
//! core and alloc (~200 KB, float formatting 15 KB), serde_json ~33 KB and the core's client.
//!
//! Off wasm32 only [`read`] and [`answers`] (what the widgets take from an answer) are built:
//! the decode fuzzer (crates/fuzz) drives them natively; Leptos and the browser APIs are
//! wasm32-only dependencies, so a native build of the workspace never compiles them.

pub mod answers;
pub mod read;

#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod frame;
#[cfg(target_arch = "wasm32")]
pub mod lang;
#[cfg(target_arch = "wasm32")]
pub mod shared;
#[cfg(target_arch = "wasm32")]
pub mod widgets;

#[cfg(target_arch = "wasm32")]
pub use mounting::*;

/// The custom elements' entry points (wasm32 only).
#[cfg(target_arch = "wasm32")]
mod mounting {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;

    use crate::frame::Attrs;
    use crate::lang::{self, Catalog, Shown};
    use crate::{shared, widgets};

    /// Where the catalogs are (`<bundle>/i18n/`): the JS half says, from its own URL.
    #[wasm_bindgen]
    pub fn catalogs_at(url: &str) {
        lang::set_folder(url);
    }

    fn strings(list: &js_sys::Array) -> Vec<String> {
        list.iter().filter_map(|v| v.as_string()).filter(|s| !s.trim().is_empty()).collect()
    }

    /// `WebWorkWidgets.configure(...)`, after the JS half has checked the options: a fixed token, a
    /// token provider (a function returning a token or a promise of one) or `gateway` (a
    /// webwork-gateway adds the token), and a default base URL.
    #[wasm_bindgen]
    pub fn configure(token: Option<String>, provider: Option<js_sys::Function>, gateway: bool, base_url: Option<String>) {
        shared::configure(token, provider, gateway, base_url);
    }

    /// A mounted widget, owned by its element.
    #[wasm_bindgen]
    pub struct Widget {
        attrs: ArcRwSignal<Vec<(String, String)>>,
        /// The language it shows (a tag of `webwork_ui::languages::LANGUAGES`).
        lang: ArcRwSignal<&'static str>,
        /// Dropping the handle removes the view and disposes its reactive owner.
        _mounted: Box<dyn std::any::Any>,
    }

    #[wasm_bindgen]
    impl Widget {
        /// An attribute changed (`None`: removed).
        pub fn set_attribute(&self, name: String, value: Option<String>) {
            self.attrs.update(|list| {
                list.retain(|(n, _)| *n != name);
                if let Some(v) = value {
                    list.push((name, v));
                }
            });
        }

        /// What the element asks for now (its `lang`, its ancestors', the browser's, most preferred
        /// first): the widget renders again when that changes its language. Returns the language.
        pub fn set_languages(&self, asked: js_sys::Array) -> String {
            let tag = lang::pick(&strings(&asked));
            if self.lang.get_untracked() != tag {
                self.lang.set(tag);
            }
            tag.to_owned()
        }

        /// The language the widget shows.
        pub fn language(&self) -> String {
            self.lang.get_untracked().to_owned()
        }

        /// The element left the page: the view and its timers go.
        pub fn unmount(self) {}
    }

    /// A widget's view over its attributes.
    type WidgetView = fn(Attrs) -> AnyView;

    /// The widgets by element name.
    const KINDS: &[(&str, WidgetView)] = &[
        ("webwork-timer", widgets::timer::view),
        ("webwork-team-status", widgets::team_status::view),
        ("webwork-hours-chart", widgets::hours_chart::view),
        ("webwork-leave-calendar", widgets::leave_calendar::view),
        ("webwork-approvals", widgets::approvals::view),
    ];

    /// Mounts the widget `kind` (an element name) into `container` with the element's attributes
    /// (`[[name, value], ...]`), in the best language for `asked` (see [`Widget::set_languages`]).
    /// Nothing shows until that language's catalog is there (no flash of English).
    #[wasm_bindgen]
    pub fn mount(kind: &str, container: web_sys::HtmlElement, attributes: js_sys::Array, asked: js_sys::Array) -> Result<Widget, JsValue> {
        let view =
            KINDS.iter().find(|(k, _)| *k == kind).map(|(_, v)| *v).ok_or_else(|| JsValue::from_str(&format!("unknown widget {kind}")))?;
        let initial: Vec<(String, String)> = attributes
            .iter()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect();
        let attrs = ArcRwSignal::new(initial);
        let shared_attrs = attrs.clone();
        let lang = ArcRwSignal::new(lang::pick(&strings(&asked)));
        let shown_lang = lang.clone();
        let mounted = leptos::mount::mount_to(container, move || {
            // An arena signal owned by this mount, fed from the Arc one the element writes to.
            let local = RwSignal::new_local(shared_attrs.get_untracked());
            Effect::new(move |_| local.set(shared_attrs.get()));
            // The whole view again when the language changes (its texts are not reactive).
            move || {
                let tag = shown_lang.get();
                match lang::catalog(tag) {
                    Catalog::Loading => ().into_any(),
                    state => {
                        provide_context(Shown(if state == Catalog::Ready { tag } else { webwork_ui::languages::DEFAULT }));
                        view(Attrs(local))
                    }
                }
            }
        });
        Ok(Widget { attrs, lang, _mounted: Box::new(mounted) })
    }
}
