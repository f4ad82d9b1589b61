//! The sandbox's notion of "now": real time shifted so that it starts on the configured
//! `--today`, and at the configured `--time` of day. Tests pass both, so the demo seed, every
//! relative date and which members are already on another day (the demo spans Auckland to New
//! York) are the same at whatever hour the suite runs; the clock still moves from there (trackers
//! need a running clock).

use std::time::{SystemTime, UNIX_EPOCH};

use webwork_core::date::CivilDate;

const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    offset_ms: i64,
}

impl Clock {
    /// A clock that starts on `today` at `time_of_day` (minutes after midnight, UTC); each left
    /// out is the real one.
    pub fn new(today: Option<CivilDate>, time_of_day: Option<u32>) -> Self {
        let real = system_ms();
        let day = today.map_or(real.div_euclid(DAY_MS), |d| d.to_days());
        let time = time_of_day.map_or(real.rem_euclid(DAY_MS), |m| i64::from(m) * 60_000);
        Clock { offset_ms: day * DAY_MS + time - real }
    }

    pub fn now_ms(&self) -> i64 {
        system_ms() + self.offset_ms
    }

    pub fn today(&self) -> CivilDate {
        CivilDate::from_days(self.now_ms().div_euclid(DAY_MS))
    }

    /// `now` as ISO 8601, e.g. `2024-01-15T09:30:00Z`.
    pub fn now_iso(&self) -> String {
        iso(self.now_ms())
    }
}

pub fn system_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Splits Unix milliseconds into a date and seconds of that day.
fn split(ms: i64) -> (CivilDate, i64) {
    let day = ms.div_euclid(DAY_MS);
    (CivilDate::from_days(day), ms.rem_euclid(DAY_MS) / 1000)
}

/// ISO 8601 in UTC with seconds: `2024-01-15T09:30:00Z` (the form the API's samples use).
pub fn iso(ms: i64) -> String {
    let (d, s) = split(ms);
    format!("{d}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// `YYYY-MM-DD HH:MM:SS`, the non-ISO form of a workspace's `activated_at`.
pub fn sql_datetime(ms: i64) -> String {
    let (d, s) = split(ms);
    format!("{d} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// Unix milliseconds of `date` at `minutes` after midnight UTC.
pub fn at(date: CivilDate, minutes: i64) -> i64 {
    date.to_days() * DAY_MS + minutes * 60_000
}

/// Reads an ISO 8601 date-time (`Z`, `+hh:mm` offsets, fractional seconds, or a space instead
/// of `T`; no zone means UTC) into Unix milliseconds.
pub fn parse_iso(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, rest) = s.split_once(['T', ' '])?;
    let date = CivilDate::parse(date).ok()?;
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(zone_at);
    let mut parts = time.split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let sec: f64 = parts.next().map(|v| v.parse().ok()).unwrap_or(Some(0.0))?;
    if h > 23 || m > 59 || !(0.0..61.0).contains(&sec) {
        return None;
    }
    let offset_min = match zone {
        "" | "Z" | "z" => 0,
        z => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let (oh, om) = z[1..].split_once(':').unwrap_or((&z[1..], "0"));
            sign * (oh.parse::<i64>().ok()? * 60 + om.parse::<i64>().ok()?)
        }
    };
    Some(at(date, h * 60 + m - offset_min) + (sec * 1000.0) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let ms = parse_iso("2024-01-15T09:30:05Z").unwrap();
        assert_eq!(iso(ms), "2024-01-15T09:30:05Z");
        assert_eq!(parse_iso("2024-01-15T11:30:05+02:00"), Some(ms));
        assert_eq!(parse_iso("2024-01-15 09:30:05.000000Z"), Some(ms));
        assert_eq!(sql_datetime(ms), "2024-01-15 09:30:05");
        assert!(parse_iso("2024-01-15").is_none());
    }

    #[test]
    fn fixed_today() {
        let day = CivilDate::parse("2026-03-04").unwrap();
        assert_eq!(Clock::new(Some(day), None).today(), day);
    }

    #[test]
    fn fixed_time_of_day_starts_there_and_runs() {
        let day = CivilDate::parse("2026-03-04").unwrap();
        let clock = Clock::new(Some(day), Some(23 * 60 + 59));
        let start = clock.now_ms();
        assert!(clock.now_iso().starts_with("2026-03-04T23:59:"), "{}", clock.now_iso());
        assert!(start - at(day, 23 * 60 + 59) < 1_000, "starts within a second of 23:59");
        // Real time, not a frozen instant: it moves on (and reaches the next day a minute later).
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(clock.now_ms() > start);
        let real_date = Clock::new(None, Some(0));
        assert_eq!(real_date.today(), CivilDate::from_days(system_ms().div_euclid(DAY_MS)));
        assert!(real_date.now_ms().rem_euclid(DAY_MS) < 1_000);
    }
}
