//! Dates, times, durations and numbers as widgets show them, in the widget's language
//! ([`crate::lang::current`]) through the browser's `Intl`; durations through the catalog
//! (`format-*`). `js_sys::Date` for the clock and the browser's time zone, the core's `CivilDate`
//! for calendar arithmetic; no date crate.

use wasm_bindgen::JsValue;
use webwork_core::date::CivilDate;
use webwork_ui::intl::{self, Kind};

use crate::lang::{self, t_args};

/// `200` -> "3 h 20 min", `45` -> "45 min", `0` -> "0 min" (in the widget's language).
pub fn minutes(total: i64) -> String {
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => t_args("format-minutes", &[("minutes", m.into())]),
        (h, 0) => t_args("format-hours", &[("hours", h.into())]),
        (h, m) => t_args("format-hours-minutes", &[("hours", h.into()), ("minutes", m.into())]),
    }
}

/// Minutes as hours with one decimal: `200` -> "3.3" (`3,3` in German).
pub fn hours(total: i64) -> String {
    number(total as f64 / 60.0, 1)
}

/// `n` with exactly `fraction` decimals, grouped, by `Intl.NumberFormat` in the widget's language.
pub fn number(n: f64, fraction: u32) -> String {
    let pairs = [("minimumFractionDigits", fraction.into()), ("maximumFractionDigits", fraction.into())];
    intl::format(Kind::Number, lang::current(), &pairs, &n.into()).unwrap_or_else(|| webwork_core::number::fixed(n, fraction))
}

/// Seconds as a running clock: `3725` -> "1:02:05".
pub fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// Milliseconds since the epoch of an ISO 8601 time, `None` when the browser cannot read it.
pub fn parse_ms(iso: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(iso);
    ms.is_finite().then_some(ms)
}

/// `Intl.DateTimeFormat(<widget's language>, options).format(ms)`.
fn date_text(ms: f64, options: &[(&str, &str)]) -> String {
    let pairs: Vec<(&str, JsValue)> = options.iter().map(|(k, v)| (*k, JsValue::from_str(v))).collect();
    intl::format(Kind::DateTime, lang::current(), &pairs, &js_sys::Date::new(&JsValue::from_f64(ms))).unwrap_or_default()
}

/// "09:05" (`9:05 AM` in English) in the browser's time zone; [`zone_note`] names it.
pub fn time_of_day(iso: &str) -> String {
    match parse_ms(iso) {
        Some(ms) => date_text(ms, &[("hour", "2-digit"), ("minute", "2-digit")]),
        None => iso.to_owned(),
    }
}

/// The browser's zone, named: `Manila time, UTC+8` (what [`time_of_day`] is in).
pub fn zone_label() -> String {
    webwork_ui::zone::zone_label(&webwork_ui::zone::viewer_zone(), js_sys::Date::now())
}

/// The sentence under a widget's times: "Times are in Manila time, UTC+8."
pub fn zone_note() -> String {
    t_args("zone-note", &[("zone", zone_label().into())])
}

/// Today in the browser's time zone.
pub fn today() -> CivilDate {
    let d = js_sys::Date::new_0();
    CivilDate::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| CivilDate::from_unix_ms(js_sys::Date::now()))
}

/// A calendar day by Intl, in UTC where it is built (so it is the same day everywhere).
fn day_text(d: CivilDate, options: &[(&str, &str)]) -> String {
    let ms = js_sys::Date::utc(f64::from(d.year), f64::from(d.month) - 1.0) + f64::from(d.day - 1) * 86_400_000.0;
    let mut all = options.to_vec();
    all.push(("timeZone", "UTC"));
    date_text(ms, &all)
}

/// "Mon, 2 Mar" (`lun, 2 mar` in Spanish).
pub fn day_label(d: CivilDate) -> String {
    day_text(d, &[("weekday", "short"), ("day", "numeric"), ("month", "short")])
}

/// "2 Mar" (`Mar 2` in English; short, for chart axes and spans).
pub fn short_date(d: CivilDate) -> String {
    day_text(d, &[("day", "numeric"), ("month", "short")])
}

/// [`short_date`] of `YYYY-MM-DD...`, or the text itself when it is not a date.
pub fn short_date_str(s: &str) -> String {
    match CivilDate::parse(s.get(..10).unwrap_or(s)) {
        Ok(d) => short_date(d),
        Err(_) => s.to_owned(),
    }
}

/// "March 2026" (`marzo de 2026`).
pub fn month_label(d: CivilDate) -> String {
    day_text(d, &[("month", "long"), ("year", "numeric")])
}

/// A date range attribute: `this-week` (default), `last-week`, `this-month`, `last-month`,
/// `last-N-days` (today and the N-1 days before), or `YYYY-MM-DD..YYYY-MM-DD`.
pub fn parse_range(value: Option<&str>, today: CivilDate) -> Result<(CivilDate, CivilDate), String> {
    let v = value.unwrap_or("this-week").trim();
    let week = today.week_start();
    let range = match v {
        "this-week" => (week, week.add_days(6)),
        "last-week" => (week.add_days(-7), week.add_days(-1)),
        "this-month" => (today.month_start(), today.month_end()),
        "last-month" => {
            let last = today.month_start().add_days(-1);
            (last.month_start(), last)
        }
        other => {
            if let Some(n) = other.strip_prefix("last-").and_then(|r| r.strip_suffix("-days")) {
                let n: i64 = n.parse().ok().filter(|n| (1..=366).contains(n)).ok_or_else(|| bad_range(other))?;
                (today.add_days(1 - n), today)
            } else {
                let (a, b) = other.split_once("..").ok_or_else(|| bad_range(other))?;
                let a = CivilDate::parse(a.trim()).map_err(|_| bad_range(other))?;
                let b = CivilDate::parse(b.trim()).map_err(|_| bad_range(other))?;
                if b < a || a.days_until(b) > 366 {
                    return Err(bad_range(other));
                }
                (a, b)
            }
        }
    };
    Ok(range)
}

fn bad_range(v: &str) -> String {
    t_args("widget-bad-range", &[("value", v.into())])
}

/// A `month` attribute (`YYYY-MM`, default this month): its first and last day.
pub fn parse_month(value: Option<&str>, today: CivilDate) -> Result<(CivilDate, CivilDate), String> {
    let first = match value {
        None => today.month_start(),
        Some(v) => {
            let parsed = v.trim().split_once('-').and_then(|(y, m)| CivilDate::new(y.parse().ok()?, m.parse().ok()?, 1));
            parsed.ok_or_else(|| t_args("widget-bad-month", &[("value", v.into())]))?
        }
    };
    Ok((first, first.month_end()))
}

/// Orders `v` by `key`, stably. An insertion sort: the widgets order a screenful of rows, and
/// the standard library's sorts cost kilobytes of wasm per element type.
pub fn order_by<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}
