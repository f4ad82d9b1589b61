//! The one error type of the crate. Every face (panel, widgets, JS package) shows people the
//! `Display` text, so it is written as a sentence for a person, not for a log.

use core::fmt;

/// Everything that can go wrong with a call, told apart by what the caller can do about it.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request was refused before sending: a parameter breaks the API's documented rules.
    InvalidRequest { field: &'static str, reason: String },
    /// The server refused the input (400 or 422), with its message.
    Validation { status: u16, message: String, detail: Option<String> },
    /// 401: the token is missing, wrong or expired.
    Unauthorized { message: String },
    /// 403: the token is valid but its role may not do this.
    Forbidden { message: String },
    /// 404: no such thing in this workspace.
    NotFound { message: String },
    /// 409: the request conflicts with the current state (e.g. a tracker already running).
    Conflict { message: String },
    /// 429: the rate budget is spent; `retry_after_ms` comes from `Retry-After` when sent.
    RateLimited { retry_after_ms: Option<u64>, message: String },
    /// 5xx: the server failed.
    Server { status: u16, message: String },
    /// Any other HTTP status the API does not document.
    Http { status: u16, message: String },
    /// The request never got an HTTP answer (offline, DNS, refused, or blocked by CORS).
    Network { message: String },
    /// No answer within the configured time.
    Timeout { after_ms: u64 },
    /// The caller cancelled the request.
    Aborted,
    /// The answer was not what the API documents; `path` is the JSON path of the bad field.
    Decode { path: String, message: String },
}

impl ApiError {
    /// The HTTP status behind this error, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Validation { status, .. } | ApiError::Server { status, .. } | ApiError::Http { status, .. } => Some(*status),
            ApiError::Unauthorized { .. } => Some(401),
            ApiError::Forbidden { .. } => Some(403),
            ApiError::NotFound { .. } => Some(404),
            ApiError::Conflict { .. } => Some(409),
            ApiError::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// A stable, short name of the variant, for programs (the JS package exposes it as `kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            ApiError::InvalidRequest { .. } => "invalid_request",
            ApiError::Validation { .. } => "validation",
            ApiError::Unauthorized { .. } => "unauthorized",
            ApiError::Forbidden { .. } => "forbidden",
            ApiError::NotFound { .. } => "not_found",
            ApiError::Conflict { .. } => "conflict",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Server { .. } => "server",
            ApiError::Http { .. } => "http",
            ApiError::Network { .. } => "network",
            ApiError::Timeout { .. } => "timeout",
            ApiError::Aborted => "aborted",
            ApiError::Decode { .. } => "decode",
        }
    }

    /// A list page's decode error, saying which page: its path counts items within the page,
    /// so `data[23]` alone would be ambiguous when several pages were read.
    pub fn on_page(self, page: u32) -> Self {
        match self {
            ApiError::Decode { path, message } => ApiError::Decode { path, message: format!("{message} (page {page} of the list)") },
            other => other,
        }
    }

    /// Whether sending the same request again later may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, ApiError::RateLimited { .. } | ApiError::Network { .. } | ApiError::Timeout { .. })
            || matches!(self, ApiError::Server { status, .. } if matches!(status, 502..=504))
    }

    /// The field a validation error is about, when the API or our check names one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::InvalidRequest { field, .. } => Some(field),
            ApiError::Validation { message, detail, .. } => guess_field(detail.as_deref().unwrap_or("")).or_else(|| guess_field(message)),
            _ => None,
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        ApiError::InvalidRequest { field, reason: reason.into() }
    }

    /// Builds the error for an HTTP error answer from its status and the error body's fields.
    pub fn from_status(status: u16, message: Option<String>, detail: Option<String>, retry_after_ms: Option<u64>) -> Self {
        let message = message.filter(|m| !m.trim().is_empty());
        let msg = |default: &str| message.clone().unwrap_or_else(|| default.to_owned());
        match status {
            400 | 422 => ApiError::Validation { status, message: msg("The server did not accept the request."), detail },
            401 => ApiError::Unauthorized { message: msg("The access token was not accepted.") },
            403 => ApiError::Forbidden { message: msg("This action is not allowed for your role.") },
            404 => ApiError::NotFound { message: msg("Not found.") },
            409 => ApiError::Conflict { message: msg("The request conflicts with the current state.") },
            429 => ApiError::RateLimited { retry_after_ms, message: msg("Too many requests.") },
            500..=599 => ApiError::Server { status, message: msg("The server failed.") },
            _ => ApiError::Http { status, message: msg("The server answered with an unexpected status.") },
        }
    }
}

/// The API's messages name the field first in Laravel style ("The email field ...") or as
/// `field_name is required`; take the first snake_case word that looks like a parameter.
fn guess_field(text: &str) -> Option<&str> {
    // The API's messages name fields in Laravel's phrasings: "workspace_id is required ...",
    // "The email field must be ...", "The selected project_id is invalid.", "The end date must be
    // after ..." (rare; only snake_case or a word before "field" is trusted as a name).
    let words: Vec<&str> = text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    let mut rest = words.as_slice();
    if let [the, tail @ ..] = rest {
        if the.eq_ignore_ascii_case("the") {
            rest = tail;
        }
    }
    let mut selected = false;
    if let ["selected", tail @ ..] = rest {
        if !tail.is_empty() {
            rest = tail;
            selected = true;
        }
    }
    let first = *rest.first()?;
    if selected || first.contains('_') || rest.get(1) == Some(&"field") {
        return Some(first);
    }
    // "... the user_id field ..." further in.
    words.windows(2).find(|w| w[1] == "field" && !w[0].eq_ignore_ascii_case("the")).map(|w| w[0])
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::InvalidRequest { field, reason } => {
                write!(f, "`{field}` {reason}; the request was not sent.")
            }
            ApiError::Validation { message, detail, .. } => match detail {
                Some(d) if !d.is_empty() && d != message => write!(f, "{message} ({d})"),
                _ => f.write_str(message),
            },
            ApiError::Unauthorized { message } => {
                write!(f, "Not signed in: {message} Check the access token, or sign in again.")
            }
            ApiError::Forbidden { message } => {
                write!(f, "Not allowed: {message} Your role in this workspace may not do this.")
            }
            ApiError::NotFound { message } => {
                write!(f, "Not found: {message} It may have been deleted, or be in another workspace.")
            }
            ApiError::Conflict { message } => f.write_str(message),
            ApiError::RateLimited { retry_after_ms, .. } => match retry_after_ms {
                Some(ms) => write!(f, "Too many requests: the budget of 60 a minute is spent. It frees up in {} s.", ms.div_ceil(1000)),
                None => f.write_str("Too many requests: the budget of 60 a minute is spent. Try again in a minute."),
            },
            ApiError::Server { status, message } => {
                write!(f, "The server failed ({status}): {message} Try again in a moment.")
            }
            ApiError::Http { status, message } => write!(f, "Unexpected answer ({status}): {message}"),
            ApiError::Network { message } => write!(
                f,
                "Could not reach the server: {message}. Check the connection and the API address; \
                 in a browser, a server that does not allow this page's origin (CORS) fails the same way."
            ),
            ApiError::Timeout { after_ms } => {
                // Tenths of a second by integer arithmetic: `{:.1}` of an f64 links float formatting.
                let tenths = after_ms.saturating_add(50) / 100;
                write!(f, "The server did not answer within {}.{} s.", tenths / 10, tenths % 10)
            }
            ApiError::Aborted => f.write_str("The request was cancelled."),
            ApiError::Decode { path, message } => {
                write!(f, "The server's answer could not be read at `{path}`: {message}")
            }
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod field_tests {
    use super::guess_field;

    #[test]
    fn laravel_phrasings_name_their_field() {
        assert_eq!(guess_field("workspace_id is required in request body"), Some("workspace_id"));
        assert_eq!(guess_field("The email field must be a valid email address."), Some("email"));
        assert_eq!(guess_field("The selected project_id is invalid."), Some("project_id"));
        assert_eq!(guess_field("The selected role is invalid."), Some("role"));
        assert_eq!(guess_field("The per_page field must be between 1 and 100."), Some("per_page"));
        assert_eq!(guess_field("Something went wrong."), None);
        assert_eq!(guess_field("The given data was invalid."), None);
    }
}
