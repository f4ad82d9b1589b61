//! Members' wall clocks (the time-zone decision, inferred; see SANDBOX.md "Time zones" and
//! `webwork_core::zone`): a time entry's `date` and `HH:mm` times are the member's wall clock in
//! the member's zone, stored as UTC instants, and answered as ISO 8601 with the zone's offset at
//! that instant. Zone rules come from jiff's bundled IANA database, so daylight-saving changes
//! are the real ones.

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use webwork_core::date::CivilDate;

const DAY_MS: i64 = 86_400_000;

/// A known IANA zone by its exact name (the `timezone` rule of PUT /members/{id}).
pub fn is_known(name: &str) -> bool {
    TimeZone::get(name).ok().and_then(|tz| tz.iana_name().map(|n| n == name)).unwrap_or(false)
}

/// The zone called `name`; UTC for a blank or unknown name (stored data is read tolerantly).
pub fn named(name: &str) -> TimeZone {
    TimeZone::get(name.trim()).unwrap_or(TimeZone::UTC)
}

/// Unix ms of `date` at `minutes` after the member's midnight. A clock time the zone skips (the
/// spring-forward hour) moves forward by the gap; one it repeats (the fall-back hour) is its first
/// occurrence (jiff's "compatible" rule, the one RFC 5545 and Temporal use).
pub fn local_to_ms(tz: &TimeZone, date: CivilDate, minutes: i64) -> i64 {
    let wall = i16::try_from(date.year)
        .ok()
        .and_then(|y| civil::Date::new(y, date.month as i8, date.day as i8).ok())
        .and_then(|d| d.at(0, 0, 0, 0).checked_add(jiff::Span::new().minutes(minutes)).ok());
    match wall.map(|w| tz.to_ambiguous_timestamp(w).compatible()) {
        Some(Ok(ts)) => ts.as_millisecond(),
        _ => crate::clock::at(date, minutes),
    }
}

/// The member's wall clock at `ms`: (date, seconds after that day's midnight, offset in seconds).
pub fn ms_to_local(tz: &TimeZone, ms: i64) -> (CivilDate, i64, i32) {
    let ts = Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH);
    let offset = tz.to_offset(ts).seconds();
    let local = ms + offset as i64 * 1000;
    (CivilDate::from_days(local.div_euclid(DAY_MS)), local.rem_euclid(DAY_MS) / 1000, offset)
}

/// The member's date at `ms`.
pub fn local_date(tz: &TimeZone, ms: i64) -> CivilDate {
    ms_to_local(tz, ms).0
}

/// ISO 8601 of `ms` on the zone's wall clock with its offset then: `2026-10-26T09:15:00+08:00`;
/// `Z` when the offset is zero (the form the reference's samples use for UTC).
pub fn iso_in(tz: &TimeZone, ms: i64) -> String {
    let (stamp, zero) = (iso_with_offset(tz, ms), ms_to_local(tz, ms).2 == 0);
    if zero {
        format!("{}Z", stamp.trim_end_matches("+00:00"))
    } else {
        stamp
    }
}

/// ISO 8601 of `ms` on the zone's wall clock, always with a numeric offset (`+00:00` too), the
/// form of the daily timeline's samples.
pub fn iso_with_offset(tz: &TimeZone, ms: i64) -> String {
    let (date, secs, offset) = ms_to_local(tz, ms);
    let sign = if offset < 0 { '-' } else { '+' };
    let m = offset.abs() / 60;
    format!("{date}T{:02}:{:02}:{:02}{sign}{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60, m / 60, m % 60)
}

/// Re-reads a stored stamp (UTC, as `clock::iso` writes) for the answer in `tz`; a stamp that does
/// not parse is answered as stored.
pub fn answer(tz: &TimeZone, stored: &str) -> String {
    match crate::clock::parse_iso(stored) {
        Some(ms) => iso_in(tz, ms),
        None => stored.to_owned(),
    }
}

/// Splits `[start, end)` at the member's midnights: one `(member date, start, end)` per day.
/// On a day with a daylight-saving change the day is 23 or 25 hours long; nothing is shifted
/// or counted twice.
pub fn split_days(tz: &TimeZone, start: i64, end: i64) -> Vec<(CivilDate, i64, i64)> {
    let mut out = Vec::new();
    let mut s = start;
    while s < end {
        let day = local_date(tz, s);
        let next_midnight = local_to_ms(tz, day.add_days(1), 0);
        let e = end.min(next_midnight.max(s + 1));
        out.push((day, s, e));
        s = e;
    }
    out
}

/// The SQL expression of a user's zone (users aliased `alias`): `timezone`, else
/// `preferred_timezone`, else UTC, as `webwork_core::zone::member_zone` picks.
pub fn sql(alias: &str) -> String {
    format!("COALESCE(NULLIF(TRIM({alias}.timezone), ''), NULLIF(TRIM({alias}.preferred_timezone), ''), 'UTC')")
}

/// The zone of user `id` (UTC when the user is unknown).
pub fn of_user(db: &rusqlite::Connection, id: i64) -> rusqlite::Result<TimeZone> {
    let name: Option<String> = db
        .prepare_cached(&format!("SELECT {} FROM users u WHERE u.id = ?1", sql("u")))?
        .query_row([id], |r| r.get(0))
        .map(Some)
        .or_else(|e| if matches!(e, rusqlite::Error::QueryReturnedNoRows) { Ok(None) } else { Err(e) })?;
    Ok(named(name.as_deref().unwrap_or("UTC")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn madrid_wall_clock_across_the_october_change() {
        let madrid = named("Europe/Madrid");
        // Saturday before the change: summer time, UTC+2.
        let sat = local_to_ms(&madrid, day("2026-10-24"), 9 * 60);
        assert_eq!(iso_in(&madrid, sat), "2026-10-24T09:00:00+02:00");
        assert_eq!(crate::clock::iso(sat), "2026-10-24T07:00:00Z");
        // Monday after: winter time, UTC+1; the same 09:00 is an hour later in UTC.
        let mon = local_to_ms(&madrid, day("2026-10-26"), 9 * 60);
        assert_eq!(iso_in(&madrid, mon), "2026-10-26T09:00:00+01:00");
        assert_eq!(crate::clock::iso(mon), "2026-10-26T08:00:00Z");
        // The change day is 25 hours long and split once, at the next midnight.
        let sunday = local_to_ms(&madrid, day("2026-10-25"), 0);
        let parts = split_days(&madrid, sunday, local_to_ms(&madrid, day("2026-10-26"), 60));
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].0, (parts[0].2 - parts[0].1) / 60_000), (day("2026-10-25"), 25 * 60));
        assert_eq!((parts[1].0, (parts[1].2 - parts[1].1) / 60_000), (day("2026-10-26"), 60));
        // 02:30 happens twice that night: the first (summer) one.
        assert_eq!(iso_in(&madrid, local_to_ms(&madrid, day("2026-10-25"), 150)), "2026-10-25T02:30:00+02:00");
        // 02:30 does not exist on 29 March: it moves forward to 03:30 summer time.
        assert_eq!(iso_in(&madrid, local_to_ms(&madrid, day("2026-03-29"), 150)), "2026-03-29T03:30:00+02:00");
    }

    #[test]
    fn date_line_zones_keep_their_own_day() {
        let auckland = named("Pacific/Auckland");
        // Auckland's Monday 08:00 (summer time, UTC+13) is Sunday evening in UTC.
        let ms = local_to_ms(&auckland, day("2026-03-02"), 8 * 60);
        assert_eq!(crate::clock::iso(ms), "2026-03-01T19:00:00Z");
        assert_eq!(iso_in(&auckland, ms), "2026-03-02T08:00:00+13:00");
        assert_eq!(local_date(&auckland, ms), day("2026-03-02"));
        let manila = named("Asia/Manila");
        assert_eq!(iso_in(&manila, ms), "2026-03-02T03:00:00+08:00");
        assert_eq!(iso_in(&named("UTC"), ms), "2026-03-01T19:00:00Z");
        assert_eq!(iso_in(&named("Asia/Kolkata"), ms), "2026-03-02T00:30:00+05:30");
    }

    #[test]
    fn names() {
        assert!(is_known("Asia/Manila"));
        assert!(!is_known("asia/manila"));
        assert!(!is_known("Mars/Olympus"));
        assert_eq!(named("Mars/Olympus"), TimeZone::UTC);
    }
}
