//! Calendar dates without a time-zone library: the API speaks `YYYY-MM-DD`, and range checks,
//! report presets and the sandbox's seed only need day arithmetic.

use core::fmt;

/// A proleptic Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CivilDate {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (1..=12).contains(&month).then(|| days_in_month(year, month)).filter(|&dim| (1..=dim).contains(&day)).map(|_| CivilDate {
            year,
            month,
            day,
        })
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let digits = |r: core::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return Err(format!("\"{s}\" is not a date as YYYY-MM-DD"));
        }
        let n = |r: core::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        CivilDate::new(n(0..4) as i32, n(5..7), n(8..10)).ok_or_else(|| format!("\"{s}\" is not a day of the calendar"))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    /// The UTC date of a Unix timestamp in milliseconds.
    pub fn from_unix_ms(ms: f64) -> Self {
        Self::from_days((ms / 86_400_000.0).floor() as i64)
    }

    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: CivilDate) -> i64 {
        other.to_days() - self.to_days()
    }

    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// The Monday of this date's ISO week.
    pub fn week_start(self) -> Self {
        self.add_days(-(self.weekday() as i64))
    }

    pub fn month_start(self) -> Self {
        CivilDate { day: 1, ..self }
    }

    pub fn month_end(self) -> Self {
        CivilDate { day: days_in_month(self.year, self.month), ..self }
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = CivilDate::parse("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(CivilDate::from_days(d.to_days()), d);
        assert_eq!(CivilDate::parse("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(CivilDate::parse("2026-11-28").unwrap().weekday(), 5); // a Saturday
        assert_eq!(d.add_days(1).to_string(), "2024-03-01");
        assert_eq!(CivilDate::parse("2026-11-28").unwrap().week_start().to_string(), "2026-11-23");
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-1-01", "2024-01-32"] {
            assert!(CivilDate::parse(bad).is_err(), "{bad}");
        }
    }
}
