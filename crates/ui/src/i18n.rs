//! Messages by id: what every text of the components, the panel and the widgets goes through.
//!
//! The host installs a catalog ([`install`], Fluent text fetched with [`fetch_catalog`]); it is
//! formatted by Project Fluent's JS implementation (`js/fluent-bundle.js`, vendored from npm by
//! `cargo xtask i18n`), whose plural rules and number formats are the browser's `Intl`. Components
//! here call [`t_or`] with the English they always had, shown when no catalog has the id. Ids are
//! literals at the call (`t("members-title")`), so `cargo xtask test` can check them against every
//! catalog (xtask/src/i18n.rs).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A value for a message's `{ $placeholder }`: numbers select plural forms and are formatted by
/// the translator in its language; text is inserted as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Number(f64),
    Text(String),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(f64, f32, u64, u32, u16, usize, i64, i32);

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

/// Formats message `id` with `args`; `None` when the catalog has no such message.
pub type Translator = Rc<dyn Fn(&str, &[(&str, Arg)]) -> Option<String>>;

thread_local! {
    static TRANSLATOR: RefCell<Option<Translator>> = const { RefCell::new(None) };
}

/// Makes `translator` the source of every message from now on (the host re-renders its views
/// after a change of language; lookups are not reactive).
pub fn set_translator(translator: Translator) {
    TRANSLATOR.with(|t| *t.borrow_mut() = Some(translator));
}

#[wasm_bindgen(module = "/js/fluent-bundle.js")]
extern "C" {
    #[wasm_bindgen(js_name = fluentBundle)]
    fn fluent_bundle(locale: &str, ftl: &str) -> JsValue;
    #[wasm_bindgen(js_name = fluentFormat)]
    fn fluent_format(bundle: &JsValue, id: &str, args: &js_sys::Object) -> Option<String>;
}

/// Makes `ftl` (a Fluent catalog in language `tag`) the source of every message, and `tag` the
/// [`locale`]. A catalog with errors still serves its readable messages.
pub fn install(tag: &str, ftl: &str) {
    set_locale(tag);
    set_translator(translator(tag, ftl));
}

/// A translator of `ftl` in language `tag`, not installed: a host showing several languages at
/// once (the widgets, one per element) keeps one per language and dispatches itself.
pub fn translator(tag: &str, ftl: &str) -> Translator {
    // The pseudo-locale selects plural forms and formats numbers as English does (no CLDR data).
    let rules = if tag == "en-XA" { "en" } else { tag };
    let bundle = fluent_bundle(rules, ftl);
    Rc::new(move |id: &str, args: &[(&str, Arg)]| {
        let object = js_sys::Object::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => JsValue::from_f64(*n),
                Arg::Text(s) => JsValue::from_str(s),
            };
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &value);
        }
        fluent_format(&bundle, id, &object)
    })
}

/// The text of the catalog at `url` (a GET through `fetch`); the error says which URL failed how.
pub async fn fetch_catalog(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let reply = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| format!("{url}: no answer"))?;
    let reply: web_sys::Response = reply.dyn_into().map_err(|_| format!("{url}: not a response"))?;
    if !reply.ok() {
        return Err(format!("{url}: {}", reply.status()));
    }
    let text = reply.text().map_err(|_| format!("{url}: no body"))?;
    wasm_bindgen_futures::JsFuture::from(text).await.ok().and_then(|v| v.as_string()).ok_or_else(|| format!("{url}: unreadable body"))
}

/// Whether a translator is installed.
pub fn has_translator() -> bool {
    TRANSLATOR.with(|t| t.borrow().is_some())
}

fn lookup(id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let translator = TRANSLATOR.with(|t| t.borrow().clone())?;
    translator(id, args)
}

/// Message `id` of the installed catalog; the id itself when there is none (visible, and the
/// catalog check in `cargo xtask test` fails first).
pub fn t(id: &str) -> String {
    lookup(id, &[]).unwrap_or_else(|| id.to_owned())
}

/// Message `id` with its placeholders.
pub fn t_args(id: &str, args: &[(&str, Arg)]) -> String {
    lookup(id, args).unwrap_or_else(|| id.to_owned())
}

/// Message `id`, or `english()` when the host has no catalog with it (components of this crate).
pub fn t_or(id: &str, args: &[(&str, Arg)], english: impl FnOnce() -> String) -> String {
    lookup(id, args).unwrap_or_else(english)
}

/// An id kept for a later lookup (tables of labels): marks it for the catalog check.
pub const fn msg_id(id: &'static str) -> &'static str {
    id
}

thread_local! {
    static LOCALE: RefCell<String> = RefCell::new("en".to_owned());
}

/// The BCP 47 tag the host's texts are in (`en`, `pt-BR`, `en-XA`), for `Intl` formatting.
pub fn locale() -> String {
    LOCALE.with(|l| l.borrow().clone())
}

/// Sets the tag [`locale`] returns (the host, with its translator).
pub fn set_locale(tag: &str) {
    LOCALE.with(|l| *l.borrow_mut() = tag.to_owned());
}

/// One part of a date, short, in [`locale`] by the browser's `Intl.DateTimeFormat`: `part` is
/// `weekday` ("Mon", "lun") or `month` ("Jan", "ene"). The chart's axis labels.
pub fn short_date_part(year: i32, month: u32, day: u32, part: &str) -> String {
    utc_day_text(year, month, day, part, "short")
}

/// A number in [`locale`] by the browser's `Intl.NumberFormat`, with at most `max_fraction`
/// decimals: `1,129.1` (en), `1.129,1` (de). The charts' numbers where the host has a catalog.
pub fn decimal(n: f64, max_fraction: u32) -> String {
    crate::intl::format(crate::intl::Kind::Number, &locale(), &[("maximumFractionDigits", max_fraction.into())], &n.into())
        .unwrap_or_else(|| webwork_core::number::one_decimal(n))
}

/// A calendar day in [`locale`], medium (`Mar 4, 2026`, `04.03.2026`), by the browser's
/// `Intl.DateTimeFormat` in UTC (where the day is built, so it is the same day everywhere).
pub fn medium_date(year: i32, month: u32, day: u32) -> String {
    utc_day_text(year, month, day, "dateStyle", "medium")
}

/// A calendar day by `Intl.DateTimeFormat` in [`locale`] with one option (`option: value`), in UTC,
/// where the day is built.
fn utc_day_text(year: i32, month: u32, day: u32, option: &str, value: &str) -> String {
    let pairs = [(option, value.into()), ("timeZone", "UTC".into())];
    crate::intl::format(crate::intl::Kind::DateTime, &locale(), &pairs, &crate::intl::utc_day(year, month, day)).unwrap_or_default()
}
