//! Time zones: the pure part of the time-zone decision (inferred; the reference says only that
//! timestamps carry `Z` or an offset and that the daily timeline uses the owner's offset).
//!
//! The decision, followed by the sandbox and every client:
//! * a time entry's `date` and the `HH:mm` clock times written with it are the member's wall clock
//!   in the member's zone ([`member_zone`]: `timezone`, else `preferred_timezone`, else UTC);
//! * the API answers `start_time`/`end_time` as ISO 8601 with that zone's offset at that instant
//!   (so a daylight-saving change shows in the offset), which makes the text before the offset the
//!   member's wall clock and the whole string one instant ([`ZonedStamp`]);
//! * the days of timesheets, tracked hours and other per-day reports are the member's local days;
//!   the daily timeline answers with the workspace owner's offset.
//!
//! Nothing here knows zone rules: the sandbox asks a time-zone database, the browser asks `Intl`.

use crate::date::CivilDate;

/// The zone a member's days and clock times are in: `timezone`, else `preferred_timezone`, else
/// `UTC` (blank values count as missing).
pub fn member_zone<'a>(timezone: Option<&'a str>, preferred_timezone: Option<&'a str>) -> &'a str {
    [timezone, preferred_timezone].into_iter().flatten().map(str::trim).find(|z| !z.is_empty()).unwrap_or("UTC")
}

/// An ISO 8601 timestamp read as written: the wall clock before the offset and the offset, which
/// together name one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZonedStamp {
    /// The date as written (the wall-clock day of the zone the offset belongs to).
    pub date: CivilDate,
    /// Seconds after that day's midnight, as written.
    pub seconds: u32,
    /// Minutes east of UTC (`Z` is 0; no offset at all is read as UTC).
    pub offset_minutes: i32,
}

impl ZonedStamp {
    /// `2026-03-29T09:30:00+02:00`, `…Z`, `….000000Z`, a space for `T`, `+0200` or `+02`; None for
    /// anything else (never a panic).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (date, rest) = s.split_once(['T', ' ', 't'])?;
        let date = CivilDate::parse(date).ok()?;
        let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
        let (time, zone) = rest.split_at(zone_at);
        let mut parts = time.split(':');
        let h: u32 = parse_digits(parts.next()?)?;
        let m: u32 = parse_digits(parts.next()?)?;
        let sec: u32 = match parts.next() {
            Some(v) => parse_digits(v.split('.').next()?)?,
            None => 0,
        };
        if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
            return None;
        }
        let offset_minutes = match zone {
            "" | "Z" | "z" => 0,
            z => {
                let sign = if z.starts_with('-') { -1 } else { 1 };
                let body = &z[1..];
                let (oh, om) = match body.split_once(':') {
                    Some((h, m)) => (h, m),
                    None if body.len() == 4 => body.split_at(2),
                    None => (body, "00"),
                };
                let (oh, om): (i32, i32) = (parse_digits(oh)? as i32, parse_digits(om)? as i32);
                if oh > 18 || om > 59 {
                    return None;
                }
                sign * (oh * 60 + om)
            }
        };
        Some(ZonedStamp { date, seconds: h * 3600 + m * 60 + sec.min(59), offset_minutes })
    }

    /// The instant, in Unix milliseconds.
    pub fn unix_ms(&self) -> i64 {
        (self.date.to_days() * 86_400 + self.seconds as i64 - self.offset_minutes as i64 * 60) * 1000
    }

    /// The wall clock as written, `HH:mm`.
    pub fn clock(&self) -> String {
        format!("{:02}:{:02}", self.seconds / 3600, self.seconds / 60 % 60)
    }

    /// The offset as people read it: `UTC`, `UTC+8`, `UTC+5:30`, `UTC-3`.
    pub fn offset_label(&self) -> String {
        offset_label(self.offset_minutes)
    }
}

/// `UTC`, `UTC+8`, `UTC+5:30`, `UTC-9:30` for minutes east of UTC.
pub fn offset_label(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
    match (minutes, m) {
        (0, _) => "UTC".to_owned(),
        (_, 0) => format!("UTC{sign}{h}"),
        _ => format!("UTC{sign}{h}:{m:02}"),
    }
}

/// The place part of an IANA zone name, as people read it: `Asia/Manila` → `Manila`,
/// `America/Argentina/Buenos_Aires` → `Buenos Aires`, `UTC` → `UTC`.
pub fn zone_city(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

fn parse_digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_zone_prefers_timezone_then_preferred_then_utc() {
        assert_eq!(member_zone(Some("Asia/Manila"), Some("Europe/Madrid")), "Asia/Manila");
        assert_eq!(member_zone(Some("  "), Some("Europe/Madrid")), "Europe/Madrid");
        assert_eq!(member_zone(None, None), "UTC");
        assert_eq!(member_zone(Some(""), None), "UTC");
    }

    #[test]
    fn stamps_with_offsets_name_one_instant_and_keep_the_wall_clock() {
        let manila = ZonedStamp::parse("2026-10-26T09:15:00+08:00").unwrap();
        let utc = ZonedStamp::parse("2026-10-26T01:15:00Z").unwrap();
        assert_eq!(manila.unix_ms(), utc.unix_ms());
        assert_eq!(
            (manila.date.to_string(), manila.clock(), manila.offset_label()),
            ("2026-10-26".to_owned(), "09:15".to_owned(), "UTC+8".to_owned())
        );
        // Across the date line: Auckland's morning is the previous UTC day.
        let auckland = ZonedStamp::parse("2026-03-02T08:00:00+13:00").unwrap();
        assert_eq!(auckland.unix_ms(), ZonedStamp::parse("2026-03-01T19:00:00Z").unwrap().unix_ms());
        assert_eq!(ZonedStamp::parse("2026-01-29T12:00:00.000000Z").unwrap().clock(), "12:00");
        assert_eq!(ZonedStamp::parse("2026-01-29 12:00:00-0330").unwrap().offset_minutes, -210);
        assert_eq!(ZonedStamp::parse("2026-01-29T12:00+05").unwrap().offset_minutes, 300);
        for bad in ["2026-01-29", "2026-01-29T25:00:00Z", "2026-01-29T12:00:00+99:00", "x", "2026-01-29Tab:cd", ""] {
            assert!(ZonedStamp::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(offset_label(0), "UTC");
        assert_eq!(offset_label(330), "UTC+5:30");
        assert_eq!(offset_label(-570), "UTC-9:30");
        assert_eq!(offset_label(780), "UTC+13");
        assert_eq!(zone_city("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(zone_city("UTC"), "UTC");
    }
}
