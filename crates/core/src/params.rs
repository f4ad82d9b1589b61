//! Parameter values: how each kind is checked before sending and how it is written to the
//! query string and the JSON body. The checks mirror the API's documented rules so a mistake
//! is reported with the field's name before any request leaves.

use serde_json::Value;

use crate::error::ApiError;

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
    /// `0` or `1`, the API's way of writing a boolean (`remove_avatar`); `true`/`false` read too.
    Flag,
    /// A list of string values from a closed list.
    EnumList(&'static [&'static str]),
}

/// The longest string we send; the sandbox refuses longer ones too.
pub const MAX_STRING_LEN: usize = 10_000;
// `check_len` writes the number into its message (a `&'static str`); keep the two together.
const _: () = assert!(MAX_STRING_LEN == 10_000);

/// The longest text a path or query parameter may carry: ids and filters are short, and a URL
/// of long percent-encoded text passes what HTTP servers accept (a 414 before the API answers).
/// The sandbox refuses longer ones too (the limit is ours: inferred).
pub const MAX_URL_TEXT_LEN: usize = 255;
/// The most texts a list in the query string may carry (`currencies`), for the same reason.
pub const MAX_URL_TEXT_ITEMS: usize = 10;

/// Checks a normalized value bound for the path or the query string against the two limits above.
pub(crate) fn check_in_url(value: &Value, field: &'static str) -> Result<(), ApiError> {
    let too_long = |s: &str| s.chars().count() > MAX_URL_TEXT_LEN;
    match value {
        Value::String(s) if too_long(s) => Err(ApiError::invalid(field, "is longer than 255 characters (it travels in the URL)")),
        Value::Array(items) if items.iter().any(Value::is_string) => {
            if items.len() > MAX_URL_TEXT_ITEMS {
                return Err(ApiError::invalid(field, "has more than 10 items (it travels in the URL)"));
            }
            match items.iter().filter_map(Value::as_str).any(too_long) {
                true => Err(ApiError::invalid(field, "has an item longer than 255 characters (it travels in the URL)")),
                false => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// A typed value that can be an operation's parameter: its kind, and its JSON form. The typed
/// builders hand their fields to the one validator ([`normalize`], run by `ops::build`) as
/// JSON, so a typed call and a dynamic call (the JS package) pass through the same checks.
pub trait Param {
    const KIND: ParamKind;
    fn to_json(&self) -> Value;
}

/// A parameter's value as JSON, callable through `dyn` (a [`Param`] has an associated const,
/// so it cannot be a trait object itself).
pub trait ParamValue {
    fn param_json(&self) -> Value;
}

impl<T: Param> ParamValue for T {
    fn param_json(&self) -> Value {
        self.to_json()
    }
}

/// The error for a JSON value of the wrong shape.
pub(crate) fn wrong_type(field: &'static str, expected: &str) -> ApiError {
    ApiError::invalid(field, format!("must be {expected}"))
}

/// A JSON value as text, for parameters that are text (strings and numbers accepted: an id
/// given as a number is still its text). serde_json prints numbers without `f64`'s formatter.
pub(crate) fn json_text(value: &Value, field: &'static str) -> Result<String, ApiError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(wrong_type(field, "a string")),
    }
}

macro_rules! number_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            const KIND: ParamKind = ParamKind::Integer;
            fn to_json(&self) -> Value { Value::from(*self) }
        }
    )*};
}
number_param!(u32, u64);

impl Param for f64 {
    const KIND: ParamKind = ParamKind::Number;
    /// A value JSON cannot hold (NaN, infinities) travels as its text, so the validator can
    /// name the field instead of seeing a missing value.
    fn to_json(&self) -> Value {
        let text = if self.is_nan() {
            "NaN"
        } else if *self > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        serde_json::Number::from_f64(*self).map(Value::Number).unwrap_or_else(|| Value::from(text))
    }
}

impl Param for bool {
    const KIND: ParamKind = ParamKind::Boolean;
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Param for String {
    const KIND: ParamKind = ParamKind::String;
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl<T: Param> Param for Vec<T> {
    const KIND: ParamKind = match T::KIND {
        ParamKind::Integer => ParamKind::IntegerList,
        ParamKind::Enum(values) => ParamKind::EnumList(values),
        _ => ParamKind::StringList,
    };
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(T::to_json).collect())
    }
}

/// Whether a required value counts as missing: absent, null, blank text or an empty list.
pub(crate) fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false,
    }
}

/// Checks a parameter's JSON value against its kind and gives it back in the form it is sent:
/// numbers may come as numeric strings, lists as arrays or comma-separated text, enumeration
/// values in any letter case (sent in the API's spelling). The one validator of every call.
pub(crate) fn normalize(kind: ParamKind, value: &Value, field: &'static str) -> Result<Value, ApiError> {
    let text = || json_text(value, field);
    let rule = |check: TextRule| {
        let s = text()?;
        check(&s).map_err(|reason| ApiError::invalid(field, reason))?;
        Ok(Value::String(s))
    };
    match kind {
        ParamKind::Integer => whole(value, field).map(Value::from),
        ParamKind::Number => {
            let not_finite = || ApiError::invalid(field, "must be a finite number");
            // Text goes through serde_json's number reader, which is linked anyway.
            let n = match value {
                Value::Number(n) => n.as_f64(),
                Value::String(s) if matches!(s.trim(), "NaN" | "inf" | "-inf") => return Err(not_finite()),
                Value::String(s) => crate::number::parse_number(s),
                _ => None,
            }
            .ok_or_else(|| wrong_type(field, "a number"))?;
            serde_json::Number::from_f64(n).map(Value::Number).ok_or_else(not_finite)
        }
        ParamKind::Boolean => flag(value, field).map(Value::Bool),
        ParamKind::String => rule(check_len),
        ParamKind::Date => rule(date_rule),
        ParamKind::Time => rule(clock_rule),
        ParamKind::DateTime => rule(datetime_rule),
        ParamKind::Email => rule(email_rule),
        ParamKind::Url => rule(url_rule),
        ParamKind::Enum(values) => one_of(&text()?, values, field).map(Value::from),
        ParamKind::Flag => flag(value, field).map(|b| Value::from(b as u8)),
        // Other codes stay allowed: workspaces define their own task statuses.
        ParamKind::IntEnum(_) => code(value, field).map(Value::from),
        ParamKind::IntegerList => list(value, |v| whole(v, field).map(Value::from)),
        ParamKind::StringList => list(value, |v| json_text(v, field).map(Value::String)),
        ParamKind::EnumList(values) => list(value, |v| one_of(&json_text(v, field)?, values, field).map(Value::from)),
    }
}

/// How a normalized value travels in the query string: lists comma-separated, booleans as 1/0.
pub(crate) fn query_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(query_text).collect::<Vec<_>>().join(","),
        Value::Null | Value::Object(_) => String::new(),
    }
}

/// A whole number from a JSON number or numeric text; `read` says which range is allowed.
fn integer<T: core::str::FromStr>(value: &Value, field: &'static str, read: fn(&serde_json::Number) -> Option<T>) -> Result<T, ApiError> {
    match value {
        Value::Number(n) => read(n),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| wrong_type(field, "a whole number"))
}

/// A count or an id: not negative.
fn whole(value: &Value, field: &'static str) -> Result<u64, ApiError> {
    integer(value, field, serde_json::Number::as_u64)
}

/// An integer code, which may be negative.
fn code(value: &Value, field: &'static str) -> Result<i64, ApiError> {
    integer(value, field, serde_json::Number::as_i64)
}

fn flag(value: &Value, field: &'static str) -> Result<bool, ApiError> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_f64() {
            Some(0.0) => Some(false),
            Some(1.0) => Some(true),
            _ => None,
        },
        Value::String(s) => match s.as_str() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
    .ok_or_else(|| wrong_type(field, "true or false"))
}

fn one_of(text: &str, values: &'static [&'static str], field: &'static str) -> Result<&'static str, ApiError> {
    let text = text.trim();
    values
        .iter()
        .find(|v| v.eq_ignore_ascii_case(text))
        .copied()
        .ok_or_else(|| ApiError::invalid(field, format!("must be one of: {}", values.join(", "))))
}

/// A list given as an array, comma-separated text, or a single value. Plain loops: iterator
/// adapters over `Result` cost the bundles a few KB here.
fn list(value: &Value, item: impl Fn(&Value) -> Result<Value, ApiError>) -> Result<Value, ApiError> {
    let mut out = Vec::new();
    match value {
        Value::Array(items) => {
            for v in items {
                out.push(item(v)?);
            }
        }
        Value::String(s) if s.trim().is_empty() => {}
        Value::String(s) => {
            for part in s.split(',') {
                out.push(item(&Value::String(part.trim().to_owned()))?);
            }
        }
        other => out.push(item(other)?),
    }
    Ok(Value::Array(out))
}

/// A rule over a text parameter; the error is the reason, the field is added by the caller.
type TextRule = fn(&str) -> Result<(), &'static str>;

fn check_len(s: &str) -> Result<(), &'static str> {
    if s.chars().count() > MAX_STRING_LEN {
        Err("is longer than 10000 characters")
    } else {
        Ok(())
    }
}

fn date_rule(s: &str) -> Result<(), &'static str> {
    crate::date::CivilDate::parse(s).map(|_| ()).map_err(|_| "must be a date as YYYY-MM-DD")
}

fn clock_rule(s: &str) -> Result<(), &'static str> {
    parse_clock(s).map(|_| ()).ok_or("must be a time as HH:mm (00:00 to 23:59)")
}

fn datetime_rule(s: &str) -> Result<(), &'static str> {
    check_datetime(s).ok_or("must be an ISO 8601 date and time such as 2024-01-15T09:00:00Z")
}

fn email_rule(s: &str) -> Result<(), &'static str> {
    check_email(s).ok_or("must be an e-mail address such as name@example.com")
}

fn url_rule(s: &str) -> Result<(), &'static str> {
    check_url(s).ok_or("must be an http:// or https:// URL")
}

macro_rules! text_param {
    ($(#[$m:meta])* $name:ident, $kind:ident, $rule:path) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// Whether the text has the expected form.
            pub fn is_valid(&self) -> bool {
                $rule(&self.0).is_ok()
            }
            /// What is wrong with the text, in the words of the request check (`must be ...`).
            pub fn problem(&self) -> Option<&'static str> {
                $rule(&self.0).err()
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
            fn to_json(&self) -> Value { Value::String(self.0.clone()) }
        }
    };
}

text_param!(
    /// A calendar date, `YYYY-MM-DD`.
    Date, Date, date_rule
);
text_param!(
    /// A clock time, `HH:mm` (24-hour).
    ClockTime, Time, clock_rule
);
text_param!(
    /// An ISO 8601 date and time such as `2024-01-15T09:00:00Z` or `2024-01-15T09:00:00+02:00`.
    DateTime, DateTime, datetime_rule
);
text_param!(
    /// An e-mail address.
    Email, Email, email_rule
);
text_param!(
    /// An absolute `http` or `https` URL.
    Url, Url, url_rule
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
    let (time, zone) = rest.split_at_checked(time_end)?;
    parse_clock(time.get(..5)?)?;
    let secs = time.get(5..)?;
    let two_digits = |s: &str| s.get(1..3).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()));
    if !(secs.is_empty() || (secs.starts_with(':') && two_digits(secs))) {
        return None;
    }
    match zone {
        "" | "Z" | "z" => Some(()),
        z if z.len() == 6 => parse_clock(z.strip_prefix(['+', '-'])?).map(|_| ()),
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
        && domain.split('.').all(|label| !label.is_empty() && label.chars().all(domain_char));
    ok.then_some(())
}

/// ASCII letters, digits and `-`, or any non-ASCII character (an internationalised domain;
/// the server has the last word). Not `char::is_alphanumeric`: its Unicode tables cost every
/// bundle about 2 KB for a check the server repeats.
fn domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii()
}

fn check_url(s: &str) -> Option<()> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let ok = !host.is_empty() && !s.contains(char::is_whitespace) && s.len() <= 2048;
    ok.then_some(())
}

/// Checks that `from..=to` is a valid range of at most `max_days` days (inclusive).
pub fn check_range(from: Option<&str>, to: Option<&str>, to_field: &'static str, max_days: Option<i64>) -> Result<(), ApiError> {
    let civil = |d: &str| crate::date::CivilDate::parse(d).ok();
    let (Some(from), Some(to)) = (from.and_then(civil), to.and_then(civil)) else {
        return Ok(());
    };
    let span = from.days_until(to);
    if span < 0 {
        return Err(ApiError::invalid(to_field, "must not be before the start date"));
    }
    match max_days {
        Some(max) if span + 1 > max => {
            Err(ApiError::invalid(to_field, format!("makes a range of {} days; the API allows at most {max}", span + 1)))
        }
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
        for bad in
            ["", "john", "john@", "@example.com", "jo hn@example.com", "a@b", "a@.com", "a@b..com", "a@b.com.", "a@b_c.com", "a@b!.com"]
        {
            assert!(!Email::from(bad).is_valid(), "{bad}");
        }
    }

    #[test]
    fn datetimes() {
        for ok in
            ["2024-01-15T09:00:00Z", "2024-01-15T09:00:00+02:00", "2024-01-15T09:00Z", "2026-01-29T12:00:00.000000Z", "2024-01-15 09:00:00"]
        {
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
        assert!(check_range(Some("2024-01-01"), Some("2024-01-31"), "end_date", Some(31)).is_ok());
        let err = check_range(Some("2024-01-01"), Some("2024-02-01"), "end_date", Some(31)).unwrap_err();
        assert_eq!(err.field(), Some("end_date"));
        assert!(err.to_string().contains("32 days"), "{err}");
        assert!(check_range(Some("2024-02-01"), Some("2024-01-01"), "date_to", None).is_err());
    }
}
