//! Parameter values: how each kind is checked before sending and how it is written to the
//! query string and the JSON body. The checks mirror the API's documented rules so a mistake
//! is reported with the field's name before any request leaves.

use serde_json::Value;

use crate::error::ApiError;
use crate::models::{AttendanceFilter, WebhookEvent};

/// What a parameter is, for validation messages and the sandbox's OpenAPI document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    Integer,
    Number,
    Boolean,
    String,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:mm`.
    Time,
    /// ISO 8601 date and time.
    DateTime,
    Email,
    Url,
    IntegerList,
    StringList,
    /// String values from a closed list.
    Enum(&'static [&'static str]),
    /// Integer codes from a list (more codes may exist).
    IntEnum(&'static [i64]),
    /// A list of string values from a closed list.
    EnumList(&'static [&'static str]),
}

/// The longest string we send; the sandbox refuses longer ones too.
pub const MAX_STRING_LEN: usize = 10_000;

/// A value that can be an operation's parameter.
pub trait Param {
    const KIND: ParamKind;
    /// Checks the value against the API's rules; `field` names it in the error.
    fn check(&self, _field: &'static str) -> Result<(), ApiError> {
        Ok(())
    }
    /// Whether a required parameter should count as missing.
    fn is_blank(&self) -> bool {
        false
    }
    fn to_json(&self) -> Value;
    fn to_query(&self) -> String;
    /// Reads the value from JSON (the dynamic path used by the JS package): numbers may come
    /// as numeric strings, lists as arrays or comma-separated strings.
    fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError>
    where
        Self: Sized;
}

/// The error for a JSON value of the wrong shape.
pub(crate) fn wrong_type(field: &'static str, expected: &str) -> ApiError {
    ApiError::invalid(field, format!("must be {expected}"))
}

/// A JSON value as text, for parameters that are text (strings and numbers accepted).
pub(crate) fn json_text(value: &Value, field: &'static str) -> Result<String, ApiError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(wrong_type(field, "a string")),
    }
}

macro_rules! number_param {
    ($($t:ty => $kind:ident),*) => {$(
        impl Param for $t {
            const KIND: ParamKind = ParamKind::$kind;
            fn to_json(&self) -> Value { Value::from(*self) }
            fn to_query(&self) -> String { self.to_string() }
            fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError> {
                let parsed = match value {
                    Value::Number(n) => n.to_string().parse().ok(),
                    Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                };
                parsed.ok_or_else(|| wrong_type(field, "a whole number"))
            }
        }
    )*};
}
number_param!(u32 => Integer, u64 => Integer, i64 => Integer);

impl Param for f64 {
    const KIND: ParamKind = ParamKind::Number;
    fn check(&self, field: &'static str) -> Result<(), ApiError> {
        if self.is_finite() {
            Ok(())
        } else {
            Err(ApiError::invalid(field, "must be a finite number"))
        }
    }
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
    fn to_query(&self) -> String {
        self.to_string()
    }
    fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError> {
        let parsed = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        parsed.ok_or_else(|| wrong_type(field, "a number"))
    }
}

impl Param for bool {
    const KIND: ParamKind = ParamKind::Boolean;
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
    fn to_query(&self) -> String {
        if *self { "1" } else { "0" }.to_owned()
    }
    fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError> {
        match value {
            Value::Bool(b) => Ok(*b),
            Value::Number(n) if n.as_f64() == Some(0.0) => Ok(false),
            Value::Number(n) if n.as_f64() == Some(1.0) => Ok(true),
            Value::String(s) => match s.as_str() {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err(wrong_type(field, "true or false")),
            },
            _ => Err(wrong_type(field, "true or false")),
        }
    }
}

impl Param for String {
    const KIND: ParamKind = ParamKind::String;
    fn check(&self, field: &'static str) -> Result<(), ApiError> {
        check_len(self, field)
    }
    fn is_blank(&self) -> bool {
        self.trim().is_empty()
    }
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
    fn to_query(&self) -> String {
        self.clone()
    }
    fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError> {
        json_text(value, field)
    }
}

fn check_len(s: &str, field: &'static str) -> Result<(), ApiError> {
    if s.chars().count() > MAX_STRING_LEN {
        Err(ApiError::invalid(field, format!("is longer than {MAX_STRING_LEN} characters")))
    } else {
        Ok(())
    }
}

macro_rules! text_param {
    ($(#[$m:meta])* $name:ident, $kind:ident, $check:expr) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// Whether the text has the expected form.
            pub fn is_valid(&self) -> bool {
                let check: fn(&str) -> Result<(), &'static str> = $check;
                check(&self.0).is_ok()
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self { $name(s.to_owned()) }
        }
        impl From<String> for $name {
            fn from(s: String) -> Self { $name(s) }
        }
        impl From<&String> for $name {
            fn from(s: &String) -> Self { $name(s.clone()) }
        }
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str(&self.0) }
        }

        impl Param for $name {
            const KIND: ParamKind = ParamKind::$kind;
            fn check(&self, field: &'static str) -> Result<(), ApiError> {
                let check: fn(&str) -> Result<(), &'static str> = $check;
                check(&self.0).map_err(|reason| ApiError::invalid(field, reason))
            }
            fn is_blank(&self) -> bool { self.0.trim().is_empty() }
            fn to_json(&self) -> Value { Value::String(self.0.clone()) }
            fn to_query(&self) -> String { self.0.clone() }
            fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError> {
                json_text(value, field).map($name)
            }
        }
    };
}

text_param!(
    /// A calendar date, `YYYY-MM-DD`.
    Date, Date, |s| crate::date::CivilDate::parse(s).map(|_| ()).map_err(|_| "must be a date as YYYY-MM-DD")
);
text_param!(
    /// A clock time, `HH:mm` (24-hour).
    ClockTime, Time, |s| parse_clock(s).map(|_| ()).ok_or("must be a time as HH:mm (00:00 to 23:59)")
);
text_param!(
    /// An ISO 8601 date and time such as `2024-01-15T09:00:00Z` or `2024-01-15T09:00:00+02:00`.
    DateTime, DateTime, |s| check_datetime(s).ok_or("must be an ISO 8601 date and time such as 2024-01-15T09:00:00Z")
);
text_param!(
    /// An e-mail address.
    Email, Email, |s| check_email(s).ok_or("must be an e-mail address such as name@example.com")
);
text_param!(
    /// An absolute `http` or `https` URL.
    Url, Url, |s| check_url(s).ok_or("must be an http:// or https:// URL")
);

impl Date {
    /// The parsed date.
    pub fn civil(&self) -> Option<crate::date::CivilDate> {
        crate::date::CivilDate::parse(&self.0).ok()
    }
}

impl From<crate::date::CivilDate> for Date {
    fn from(d: crate::date::CivilDate) -> Self {
        Date(d.to_string())
    }
}

/// Minutes after midnight of an `HH:mm` time.
pub fn parse_clock(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn check_datetime(s: &str) -> Option<()> {
    let (date, rest) = s.split_once(['T', ' '])?;
    crate::date::CivilDate::parse(date).ok()?;
    let time_end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_end);
    parse_clock(time.get(..5)?)?;
    let secs = &time[5..];
    if !(secs.is_empty() || (secs.starts_with(':') && secs.len() >= 3 && secs[1..3].bytes().all(|b| b.is_ascii_digit()))) {
        return None;
    }
    match zone {
        "" | "Z" | "z" => Some(()),
        z if (z.starts_with('+') || z.starts_with('-')) && z.len() == 6 => parse_clock(&z[1..]).map(|_| ()),
        _ => None,
    }
}

fn check_email(s: &str) -> Option<()> {
    let (local, domain) = s.rsplit_once('@')?;
    let ok = !local.is_empty()
        && s.len() <= 254
        && !s.contains(char::is_whitespace)
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    ok.then_some(())
}

fn check_url(s: &str) -> Option<()> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let ok = !host.is_empty() && !s.contains(char::is_whitespace) && s.len() <= 2048;
    ok.then_some(())
}

macro_rules! list_param {
    ($t:ty, $kind:expr, $item_json:expr, $item_query:expr, $item_from:expr) => {
        impl Param for Vec<$t> {
            const KIND: ParamKind = $kind;
            fn is_blank(&self) -> bool {
                self.is_empty()
            }
            fn to_json(&self) -> Value {
                Value::Array(self.iter().map($item_json).collect())
            }
            /// Lists travel comma-separated in the query string.
            fn to_query(&self) -> String {
                self.iter().map($item_query).collect::<Vec<_>>().join(",")
            }
            fn from_json(value: &Value, field: &'static str) -> Result<Self, ApiError> {
                let from: fn(&Value, &'static str) -> Result<$t, ApiError> = $item_from;
                match value {
                    Value::Array(items) => items.iter().map(|v| from(v, field)).collect(),
                    Value::String(s) if s.trim().is_empty() => Ok(Vec::new()),
                    Value::String(s) => s.split(',').map(|p| from(&Value::String(p.trim().to_owned()), field)).collect(),
                    other => from(other, field).map(|v| vec![v]),
                }
            }
        }
    };
}
list_param!(u64, ParamKind::IntegerList, |v| Value::from(*v), |v| v.to_string(), <u64 as Param>::from_json);
list_param!(String, ParamKind::StringList, |v| Value::String(v.clone()), |v| v.clone(), json_text);
list_param!(
    WebhookEvent,
    ParamKind::EnumList(WebhookEvent::VALUES),
    |v| Value::String(v.as_str().to_owned()),
    |v| v.as_str().to_owned(),
    |v, field| json_text(v, field).map(|s| s.as_str().into())
);
list_param!(
    AttendanceFilter,
    ParamKind::EnumList(AttendanceFilter::VALUES),
    |v| Value::String(v.as_str().to_owned()),
    |v| v.as_str().to_owned(),
    |v, field| json_text(v, field).map(|s| s.as_str().into())
);

/// Checks that `from..=to` is a valid range of at most `max_days` days (inclusive).
pub fn check_range(
    from: Option<&Date>,
    to: Option<&Date>,
    to_field: &'static str,
    max_days: Option<i64>,
) -> Result<(), ApiError> {
    let (Some(from), Some(to)) = (from.and_then(Date::civil), to.and_then(Date::civil)) else {
        return Ok(());
    };
    let span = from.days_until(to);
    if span < 0 {
        return Err(ApiError::invalid(to_field, "must not be before the start date"));
    }
    match max_days {
        Some(max) if span + 1 > max => Err(ApiError::invalid(
            to_field,
            format!("makes a range of {} days; the API allows at most {max}", span + 1),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times() {
        assert_eq!(parse_clock("09:30"), Some(570));
        assert_eq!(parse_clock("23:59"), Some(1439));
        for bad in ["24:00", "9:30", "09:60", "0930", "ab:cd", "09:3", ""] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(Email::from("john.doe@example.com").is_valid());
        assert!(Email::from("zoë@exämple.de").is_valid());
        for bad in ["", "john", "john@", "@example.com", "jo hn@example.com", "a@b", "a@.com", "a@b..com"] {
            assert!(!Email::from(bad).is_valid(), "{bad}");
        }
    }

    #[test]
    fn datetimes() {
        for ok in ["2024-01-15T09:00:00Z", "2024-01-15T09:00:00+02:00", "2024-01-15T09:00Z", "2026-01-29T12:00:00.000000Z", "2024-01-15 09:00:00"] {
            assert!(DateTime::from(ok).is_valid(), "{ok}");
        }
        for bad in ["2024-01-15", "2024-13-15T09:00:00Z", "2024-01-15T25:00:00Z", "2024-01-15T09:00:00+2"] {
            assert!(!DateTime::from(bad).is_valid(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert!(Url::from("https://hooks.example.com/webwork").is_valid());
        assert!(Url::from("http://127.0.0.1:9000/x").is_valid());
        for bad in ["ftp://x.y", "https://", "example.com", "https://a b.com"] {
            assert!(!Url::from(bad).is_valid(), "{bad}");
        }
    }

    #[test]
    fn ranges() {
        let d = |s: &str| Date::from(s);
        assert!(check_range(Some(&d("2024-01-01")), Some(&d("2024-01-31")), "end_date", Some(31)).is_ok());
        let err = check_range(Some(&d("2024-01-01")), Some(&d("2024-02-01")), "end_date", Some(31)).unwrap_err();
        assert_eq!(err.field(), Some("end_date"));
        assert!(err.to_string().contains("32 days"), "{err}");
        assert!(check_range(Some(&d("2024-02-01")), Some(&d("2024-01-01")), "date_to", None).is_err());
    }
}
