//! Messages by id: what every text of the components and the panel goes through.
//!
//! The host installs a translator ([`set_translator`]): the panel's is a Fluent bundle of the
//! chosen language's catalog (crates/admin/src/i18n.rs). This crate does not depend on Fluent, so
//! the widgets, which use a few of these components and ship no catalog yet, do not carry it:
//! components here call [`t_or`] with the English they always had, shown when no translator is
//! installed. Ids are literals at the call (`t("members-title")`), so `cargo xtask test` can check
//! them against every catalog (xtask/src/i18n.rs).

use std::cell::RefCell;
use std::rc::Rc;

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
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &max_fraction.into());
    let locales = js_sys::Array::of1(&locale().into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    format
        .call1(&wasm_bindgen::JsValue::NULL, &n.into())
        .ok()
        .and_then(|v| v.as_string())
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
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &option.into(), &value.into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    let locales = js_sys::Array::of1(&locale().into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
    let date = js_sys::Date::new(&js_sys::Date::utc(f64::from(year), f64::from(month) - 1.0).into());
    date.set_utc_date(day);
    format.call1(&wasm_bindgen::JsValue::NULL, &date).ok().and_then(|v| v.as_string()).unwrap_or_default()
}
