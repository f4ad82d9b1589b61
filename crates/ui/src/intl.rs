//! The browser's `Intl` formatters, kept: building one costs far more than using it, and a list
//! of 100 rows formats a few hundred values with a handful of distinct formats. One formatter per
//! (kind, language, options), in a JS map for the page's life; the key holds the language, so a
//! change of it (the panel's picker, a widget's `lang`) starts anew. Used by the panel's
//! `format.rs`, the charts and the widgets alike.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "const kept = new Map();
export function intlFormat(kind, locale, options, value) {
    const key = kind + '|' + locale + '|' + JSON.stringify(options);
    let format = kept.get(key);
    if (!format) {
        format = new Intl[kind](locale, options).format;
        kept.set(key, format);
    }
    return format(value);
}")]
extern "C" {
    #[wasm_bindgen(js_name = intlFormat, catch)]
    fn intl_format(kind: &str, locale: &str, options: &Object, value: &JsValue) -> Result<JsValue, JsValue>;
}

/// The formatters this module keeps.
#[derive(Clone, Copy)]
pub enum Kind {
    Number,
    DateTime,
}

/// `value` formatted by the `Intl` formatter of `kind` in `locale` with the options `pairs`;
/// `None` when `Intl` refuses them (an unknown currency code, a zone it does not know).
pub fn format(kind: Kind, locale: &str, pairs: &[(&str, JsValue)], value: &JsValue) -> Option<String> {
    let options = Object::new();
    for (name, option) in pairs {
        let _ = Reflect::set(&options, &(*name).into(), option);
    }
    let kind = match kind {
        Kind::Number => "NumberFormat",
        Kind::DateTime => "DateTimeFormat",
    };
    intl_format(kind, locale, &options, value).ok().and_then(|v| v.as_string())
}

/// A calendar day as a `Date` at its UTC midnight: formatted with `timeZone: UTC`, it is the same
/// day everywhere.
pub fn utc_day(year: i32, month: u32, day: u32) -> js_sys::Date {
    let date = js_sys::Date::new(&js_sys::Date::utc(f64::from(year), f64::from(month) - 1.0).into());
    date.set_utc_date(day);
    date
}
