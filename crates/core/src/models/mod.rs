//! The resources of API v2 as plain data.
//!
//! Reading is tolerant on purpose: the two editions of the vendor's documentation disagree on
//! several shapes, and a client that breaks on a new field or a new enum value breaks its users.
//! So every struct defaults missing fields, unknown fields are ignored, unknown enum values are
//! kept in `Other(..)`, and numbers that arrive as strings are accepted (see [`json`] and [`lenient`]).
//! Writing is strict: enums serialize to exactly the documented spelling.
//!
//! Fields marked *inferred* in their docs are not in the vendor's documentation; they follow the
//! API's own conventions and are what our sandbox returns.

#[macro_use]
mod macros;
pub mod enums;
pub mod json;
mod leave_expense;
pub mod lenient;
mod people;
mod reports;
mod time;
mod webhook;
mod work;

pub use enums::*;
pub use leave_expense::*;
pub use people::*;
pub use reports::*;
pub use time::*;
pub use webhook::*;
pub use work::*;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use json::{FromJson, ReadError};

/// The `data` of an operation whose reply documents `data: null` (or no data at all).
///
/// It accepts any JSON so that a server which starts returning an object there does not break
/// the call; the message of such replies is on [`crate::Reply::message`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Empty;

impl FromJson for Empty {
    fn from_json(_: Value) -> Result<Self, ReadError> {
        Ok(Empty)
    }
}

impl<'de> Deserialize<'de> for Empty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Empty)
    }
}

/// Money that the API gives either as one number or per currency (`{"USD": 12.5}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Amount {
    Single(f64),
    PerCurrency(std::collections::BTreeMap<String, f64>),
}

/// A number (or numeric string) is [`Amount::Single`], an object [`Amount::PerCurrency`].
impl FromJson for Amount {
    fn from_json(value: Value) -> Result<Self, ReadError> {
        match value {
            Value::Object(_) => FromJson::from_json(value).map(Amount::PerCurrency),
            other => f64::from_json(other).map(Amount::Single),
        }
    }
    fn from_json_opt(value: Value) -> Result<Option<Self>, ReadError> {
        match value {
            Value::Object(_) => Self::from_json(value).map(Some),
            other => Ok(f64::from_json_opt(other)?.map(Amount::Single)),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        json::deserialize_via(d)
    }
}

impl Amount {
    /// The sum over currencies; meaningful when only one currency is in play.
    pub fn total(&self) -> f64 {
        match self {
            Amount::Single(v) => *v,
            Amount::PerCurrency(m) => m.values().sum(),
        }
    }
}
