//! Generators for the API's two kinds of enumeration: string-valued and integer-coded.
//! Both keep values they do not know, so a new value on the server never fails a read.

/// A string enumeration: `Name { Variant = "wire text", .. }` plus `Other(String)`.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the crate does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// Every documented value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The wire spelling of every documented value.
            pub const VALUES: &'static [&'static str] = &[$($text),+];

            /// The exact spelling the API uses.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Other(s) => s,
                }
            }

            /// Reads a wire value; a case-insensitive match is accepted, anything else is kept.
            pub fn parse(s: &str) -> Self {
                match s {
                    $($text => $name::$variant,)+
                    other => Self::ALL
                        .iter()
                        .find(|v| v.as_str().eq_ignore_ascii_case(other))
                        .cloned()
                        .unwrap_or_else(|| $name::Other(other.to_owned())),
                }
            }

            /// Whether this is a documented value.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::Other(String::new())
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::parse(s)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self::parse(&s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::models::json::FromJson for $name {
            fn from_json(value: serde_json::Value) -> Result<Self, $crate::models::json::ReadError> {
                $crate::models::json::string_enum_value(value).map(|s| Self::parse(&s))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::models::json::deserialize_via(d)
            }
        }

        impl $crate::params::Param for $name {
            const KIND: $crate::params::ParamKind = $crate::params::ParamKind::Enum(&[$($text),+]);
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(self.as_str().to_owned())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                // Open enumeration: documented values are listed, others are tolerated.
                schemars::json_schema!({
                    "type": "string",
                    "examples": [$($text),+]
                })
            }
        }
    };
}

/// An integer-coded enumeration: `Name { Variant = code => "label", .. }` plus `Other(i64)`.
/// The number is what travels; the label is for people.
macro_rules! int_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A code this version of the crate does not know (custom statuses), kept as sent.
            Other(i64),
        }

        impl $name {
            /// Every documented value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The documented codes.
            pub const CODES: &'static [i64] = &[$($code),+];

            /// The number the API uses.
            pub fn code(self) -> i64 {
                match self {
                    $($name::$variant => $code,)+
                    $name::Other(c) => c,
                }
            }

            /// A name for people; unknown codes read as `code N`.
            pub fn label(self) -> std::borrow::Cow<'static, str> {
                match self {
                    $($name::$variant => $label.into(),)+
                    $name::Other(c) => format!("code {c}").into(),
                }
            }

            /// Reads a code; unknown codes are kept.
            pub fn from_code(code: i64) -> Self {
                match code {
                    $($code => $name::$variant,)+
                    other => $name::Other(other),
                }
            }

            /// Whether this is a documented value.
            pub fn is_known(self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.label())
            }
        }

        impl From<i64> for $name {
            fn from(code: i64) -> Self {
                Self::from_code(code)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i64(self.code())
            }
        }

        impl $crate::models::json::FromJson for $name {
            fn from_json(value: serde_json::Value) -> Result<Self, $crate::models::json::ReadError> {
                <i64 as $crate::models::json::FromJson>::from_json(value).map(Self::from_code)
            }
            fn from_json_opt(value: serde_json::Value) -> Result<Option<Self>, $crate::models::json::ReadError> {
                Ok(<i64 as $crate::models::json::FromJson>::from_json_opt(value)?.map(Self::from_code))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::models::json::deserialize_via(d)
            }
        }

        impl $crate::params::Param for $name {
            const KIND: $crate::params::ParamKind = $crate::params::ParamKind::IntEnum(&[$($code),+]);
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::from(self.code())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "integer",
                    "examples": [$($code),+]
                })
            }
        }
    };
}
