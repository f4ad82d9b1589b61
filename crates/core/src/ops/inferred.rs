//! What the project infers beyond the operation table's rows: the conventions every operation
//! shares that the reference does not show (header names, the 401 and 429 messages), and the
//! table of everything inferred that ARCHITECTURE.md carries, generated from the operation
//! table so the two cannot drift (`core/tests/inferred_table.rs` checks the committed text).

use super::{CATALOG, DOCS};

/// The 401 message when no bearer token is sent (inferred wording).
pub const NO_TOKEN_MESSAGE: &str = "Unauthenticated. Send the header Authorization: Bearer <token>.";
/// The 401 message for an unknown, revoked or expired token (inferred wording).
pub const BAD_TOKEN_MESSAGE: &str = "The access token is invalid or has expired.";
/// The rate-limit headers of every answer: the reference says the limit is reported in headers
/// but does not name them; these are the common Laravel names.
pub const RATE_LIMIT_HEADERS: [&str; 2] = ["X-RateLimit-Limit", "X-RateLimit-Remaining"];

/// The 429 message (inferred wording; the reference shows no 429 body).
pub fn too_many_requests_message(retry_after_secs: u64) -> String {
    format!("Too many requests. Try again in {retry_after_secs} seconds.")
}

/// Behaviour every operation shares that the reference does not show: (what, our choice).
pub const CONVENTIONS: &[(&str, &str)] = &[
    ("Rate-limit headers", "`X-RateLimit-Limit` and `X-RateLimit-Remaining` on every answer, `Retry-After` (seconds) on a 429"),
    ("429 message", "\"Too many requests. Try again in N seconds.\""),
    ("401 messages", "\"Unauthenticated. Send the header Authorization: Bearer <token>.\" without a token; \"The access token is invalid or has expired.\" for a token that is unknown, revoked or expired"),
    ("Error statuses 405, 409, 413", "405 (with `Allow`) for a method the path does not have, 409 for a conflict with the current state, 413 for a body over 1 MiB: the reference lists none of them"),
    ("Text in the URL", "a path or query value of at most 255 characters, a list of texts in the query of at most 10 items (the client refuses longer ones before sending, the sandbox answers 422): longer percent-encoded text passes what HTTP servers accept"),
    ("Blank typed values", "an optional date, time, e-mail or URL given as an empty string is 422, not ignored, and so is an empty item of an enumerated list in the query (`status=`); send JSON `null` to clear a field"),
    ("400 for a missing `workspace_id` on a read", "\"workspace_id is required\" (the reference's sample, \"workspace_id is required in request body\" without an `error` key, is for a write)"),
];

/// The markdown table of everything inferred, as ARCHITECTURE.md carries it between
/// `<!-- inferred-table:start -->` and `<!-- inferred-table:end -->`.
pub fn markdown() -> String {
    let mut out = String::from(
        "Generated from the operation table (`core/src/ops/table.rs`, its `inferred: [...]` and \
         `#[inferred]` marks) and `core/src/ops/inferred.rs`; `cargo xtask inferred` rewrites it and \
         `core/tests/inferred_table.rs` fails when it differs. \"Operation\" means the path itself was \
         never seen, so everything about it is ours.\n\n\
         | Operation | Inferred |\n|---|---|\n",
    );
    for (op, doc) in CATALOG.iter().zip(DOCS) {
        let mut parts: Vec<String> = Vec::new();
        if doc.inferred {
            parts.push(format!("operation (`{} {}`)", op.method, op.path));
        }
        if doc.status_inferred && !doc.inferred {
            parts.push(format!("success status {}", doc.success_status));
        }
        if let (true, false, Some(message)) = (doc.message_inferred, doc.inferred, doc.message) {
            parts.push(format!("message \"{message}\""));
        }
        if !doc.inferred_params.is_empty() && !doc.inferred {
            let names: Vec<String> = doc.inferred_params.iter().map(|p| format!("`{p}`")).collect();
            parts.push(format!("{} {}", if names.len() == 1 { "parameter" } else { "parameters" }, names.join(", ")));
        }
        parts.extend(doc.inferred_notes.iter().map(|n| (*n).to_owned()));
        if !parts.is_empty() {
            out.push_str(&format!("| `{}` | {} |\n", op.id, parts.join("; ").replace('|', "\\|")));
        }
    }
    out.push_str("\n| Every operation | Inferred |\n|---|---|\n");
    for (what, text) in CONVENTIONS {
        out.push_str(&format!("| {what} | {text} |\n"));
    }
    out
}
