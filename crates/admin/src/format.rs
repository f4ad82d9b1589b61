//! Every date, time, number, percentage, amount of money and duration the panel shows, in the
//! chosen language's conventions, by the browser's `Intl` (no tables of our own in the wasm).
//!
//! Exports never come here: CSV and JSON keep ISO dates and dot decimals in every language
//! (`webwork_core::export`; tested in tests/panel.rs).

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;
use webwork_core::date::CivilDate;
use webwork_ui::intl::{self, Kind};

/// The chosen language's tag (`en`, `pt-BR`, `en-XA`); `Intl` falls back by itself from a tag
/// it does not know.
pub fn locale() -> String {
    webwork_ui::i18n::locale()
}

fn locales() -> Array {
    Array::of1(&locale().into())
}

/// `value` by the `Intl` formatter `kind` with `pairs`, in the chosen language (kept between
/// values: `webwork_ui::intl`); empty when `Intl` refuses the options.
fn formatted(kind: Kind, pairs: &[(&str, JsValue)], value: &JsValue) -> String {
    intl::format(kind, &locale(), pairs, value).unwrap_or_default()
}

fn number_with(n: f64, pairs: &[(&str, JsValue)]) -> String {
    formatted(Kind::Number, pairs, &n.into())
}

/// A number with at most two decimals: `1,234.5` (en), `1.234,5` (de).
pub fn number(n: f64) -> String {
    number_with(n, &[("maximumFractionDigits", 2.into())])
}

/// A number with exactly `digits` decimals (hours `7.5`, `7,5`).
pub fn fixed(n: f64, digits: u32) -> String {
    number_with(n, &[("minimumFractionDigits", digits.into()), ("maximumFractionDigits", digits.into())])
}

/// A fraction as a percentage: 0.425 -> `42.5%`, `42,5 %`.
pub fn percent(fraction: f64) -> String {
    number_with(fraction, &[("style", "percent".into()), ("maximumFractionDigits", 1.into())])
}

/// An amount in its own currency (the row's ISO 4217 code): `$1,234.50`, `1.234,50 €`. A code
/// `Intl` would refuse (not three letters) is shown after the number instead of failing.
pub fn money(amount: f64, currency: &str) -> String {
    let code = currency.trim();
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()) {
        number_with(amount, &[("style", "currency".into()), ("currency", code.to_ascii_uppercase().into())])
    } else {
        format!("{} {code}", fixed(amount, 2)).trim_end().to_owned()
    }
}

fn date_with(d: CivilDate, pairs: &[(&str, JsValue)]) -> String {
    // A calendar date is the same day everywhere: formatted in UTC, where it was built.
    let mut all = vec![("timeZone", JsValue::from("UTC"))];
    all.extend(pairs.iter().cloned());
    formatted(Kind::DateTime, &all, &intl::utc_day(d.year, d.month, d.day).into())
}

/// A calendar day, medium: `Mar 4, 2026`, `4 mar 2026`, `04.03.2026`.
pub fn date(d: CivilDate) -> String {
    date_with(d, &[("dateStyle", "medium".into())])
}

/// A calendar day with its weekday, short: `Wed, Mar 4`, `mié, 4 mar`.
pub fn weekday_date(d: CivilDate) -> String {
    date_with(d, &[("weekday", "short".into()), ("month", "short".into()), ("day", "numeric".into())])
}

/// A month and its year, long: `March 2026`, `marzo de 2026`, `März 2026`.
pub fn month_year(d: CivilDate) -> String {
    date_with(d, &[("month", "long".into()), ("year", "numeric".into())])
}

/// An ISO date (`2026-03-04`) as [`date`]; text that is not one is shown as it is.
pub fn date_text(iso: &str) -> String {
    match CivilDate::parse(iso.get(..10).unwrap_or(iso)) {
        Ok(d) => date(d),
        Err(_) => iso.to_owned(),
    }
}

/// An instant (ms since the epoch) as date and time in the browser's zone: `Mar 4, 2026, 9:05 AM`.
pub fn date_time(ms: f64) -> String {
    formatted(Kind::DateTime, &[("dateStyle", "medium".into()), ("timeStyle", "short".into())], &js_sys::Date::new(&ms.into()).into())
}

/// A clock time given as hours and minutes (a time entry's `09:05`): `9:05 AM`, `09:05`.
pub fn clock(hour: u32, minute: u32) -> String {
    let value = js_sys::Date::new(&js_sys::Date::utc(2024.0, 0.0).into());
    value.set_utc_hours(hour);
    value.set_utc_minutes(minute);
    formatted(Kind::DateTime, &[("timeZone", "UTC".into()), ("timeStyle", "short".into())], &value.into())
}

fn unit(n: f64, name: &str) -> String {
    number_with(n, &[("style", "unit".into()), ("unit", name.into()), ("unitDisplay", "short".into()), ("maximumFractionDigits", 0.into())])
}

/// A duration in seconds: `3 hr, 20 min` style, by `Intl` units: hours and minutes, or minutes
/// and seconds under an hour.
pub fn duration(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as u64;
    let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60);
    match (h, m) {
        (0, 0) => unit(s as f64, "second"),
        (0, _) => unit(m as f64, "minute"),
        (_, 0) => unit(h as f64, "hour"),
        _ => format!("{} {}", unit(h as f64, "hour"), unit(m as f64, "minute")),
    }
}

/// Hours as a decimal number with the unit: `7.5 h`, `7,5 h`.
pub fn hours(h: f64) -> String {
    number_with(
        h,
        &[("style", "unit".into()), ("unit", "hour".into()), ("unitDisplay", "narrow".into()), ("maximumFractionDigits", 2.into())],
    )
}

/// How long ago (or how soon, for a negative age): "3 minutes ago", "hace 3 minutos", "now".
pub fn relative(age_ms: f64) -> String {
    let seconds = -(age_ms / 1000.0);
    let (value, name) = match seconds.abs() {
        s if s < 60.0 => (seconds, "second"),
        s if s < 3600.0 => (seconds / 60.0, "minute"),
        s if s < 86_400.0 => (seconds / 3600.0, "hour"),
        _ => (seconds / 86_400.0, "day"),
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"numeric".into(), &"auto".into());
    let format = Intl::RelativeTimeFormat::new(&locales(), &options);
    format.format(value.trunc(), name).into()
}
