//! Dates, times and durations as widgets show them (`js_sys::Date` for the clock and the
//! browser's time zone, the core's `CivilDate` for calendar arithmetic; no date crate).

use webwork_core::date::CivilDate;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `200` -> "3 h 20 min", `45` -> "45 min", `0` -> "0 min".
pub fn minutes(total: i64) -> String {
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Minutes as hours with one decimal: `200` -> "3.3".
pub fn hours(total: i64) -> String {
    webwork_core::number::fixed(total as f64 / 60.0, 1)
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

/// "09:05" in the browser's time zone.
pub fn time_of_day(iso: &str) -> String {
    match parse_ms(iso) {
        Some(ms) => {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
            format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
        }
        None => iso.to_owned(),
    }
}

/// Today in the browser's time zone.
pub fn today() -> CivilDate {
    let d = js_sys::Date::new_0();
    CivilDate::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| CivilDate::from_unix_ms(js_sys::Date::now()))
}

/// "Mon 2 Mar".
pub fn day_label(d: CivilDate) -> String {
    format!("{} {} {}", WEEKDAYS[d.weekday() as usize % 7], d.day, MONTHS[(d.month as usize + 11) % 12])
}

/// "2 Mar" (short, for chart axes and spans).
pub fn short_date(d: CivilDate) -> String {
    format!("{} {}", d.day, MONTHS[(d.month as usize + 11) % 12])
}

/// "2 Mar" from `YYYY-MM-DD...`, or the text itself when it is not a date.
pub fn short_date_str(s: &str) -> String {
    match CivilDate::parse(s.get(..10).unwrap_or(s)) {
        Ok(d) => short_date(d),
        Err(_) => s.to_owned(),
    }
}

/// "March 2026".
pub fn month_label(d: CivilDate) -> String {
    format!("{} {}", MONTH_NAMES[(d.month as usize + 11) % 12], d.year)
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
    format!(
        "Not configured: range must be this-week, last-week, this-month, last-month, last-N-days or YYYY-MM-DD..YYYY-MM-DD (at most a year), not \u{201c}{v}\u{201d}."
    )
}

/// A `month` attribute (`YYYY-MM`, default this month): its first and last day.
pub fn parse_month(value: Option<&str>, today: CivilDate) -> Result<(CivilDate, CivilDate), String> {
    let first = match value {
        None => today.month_start(),
        Some(v) => {
            let parsed = v.trim().split_once('-').and_then(|(y, m)| CivilDate::new(y.parse().ok()?, m.parse().ok()?, 1));
            parsed.ok_or_else(|| format!("Not configured: month must be YYYY-MM, not \u{201c}{v}\u{201d}."))?
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
