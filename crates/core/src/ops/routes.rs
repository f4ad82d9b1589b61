//! Which operation of [`CATALOG`] a request is, from its method and its path under `/api/v2`,
//! with the path parameters' values. One rule for every server that reads requests: the sandbox
//! routes with it and webwork-gateway picks the widgets' reads with it. Pure: no I/O, no HTTP types.
//!
//! Templates that differ only in a parameter's name (`/time-requests/{id}` and
//! `/time-requests/{timeRequestId}/approve`) coexist; literal segments win over parameters
//! (`/expenses/categories` over `/expenses/{expenseId}`); a trailing slash is ignored.

use super::{Method, OpInfo, CATALOG};

/// The prefix every operation is mounted under.
pub const PREFIX: &str = "/api/v2";

/// What a method and a path are.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// The operation and its path parameters (name from the template, value percent-decoded).
    Op(&'static OpInfo, Vec<(&'static str, String)>),
    /// The path exists with other methods (those, in catalog order).
    MethodNotAllowed(Vec<Method>),
    NotFound,
}

impl Match {
    /// The operation, when there is one.
    pub fn op(&self) -> Option<&'static OpInfo> {
        match self {
            Match::Op(op, _) => Some(op),
            _ => None,
        }
    }
}

/// Matches a path relative to `/api/v2` (e.g. `/members/5`).
pub fn find(method: Method, path: &str) -> Match {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    type Best = (usize, &'static OpInfo, Vec<(&'static str, String)>);
    let mut best: Option<Best> = None;
    let mut allowed = Vec::new();
    for op in CATALOG {
        let Some((literals, params)) = match_template(op.path, &segments) else { continue };
        if op.method != method {
            if !allowed.contains(&op.method) {
                allowed.push(op.method);
            }
            continue;
        }
        if best.as_ref().is_none_or(|(l, _, _)| literals > *l) {
            best = Some((literals, op, params));
        }
    }
    match best {
        Some((_, op, params)) => Match::Op(op, params),
        None if !allowed.is_empty() => Match::MethodNotAllowed(allowed),
        None => Match::NotFound,
    }
}

/// The count of literal segments matched and the parameter values, or `None` when the template
/// does not fit.
fn match_template(template: &'static str, segments: &[&str]) -> Option<(usize, Vec<(&'static str, String)>)> {
    let parts: Vec<&'static str> = template.split('/').skip(1).collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut literals = 0;
    let mut params = Vec::new();
    for (part, seg) in parts.iter().zip(segments) {
        if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            if seg.is_empty() {
                return None;
            }
            params.push((name, percent_decode(seg)));
        } else if part == seg {
            literals += 1;
        } else {
            return None;
        }
    }
    Some((literals, params))
}

/// Decodes `%XX` escapes of a path segment (`+` stays `+`; a malformed escape stays as it is).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_found_by_its_own_path() {
        for op in CATALOG {
            let path = op.path.replace(['{', '}'], "");
            assert_eq!(find(op.method, &path).op().map(|o| o.id), Some(op.id), "{} {}", op.method, op.path);
        }
    }

    #[test]
    fn literals_win_over_parameters() {
        assert_eq!(find(Method::Get, "/expenses/categories").op().map(|o| o.id), Some("getExpenseCategories"));
        assert!(
            matches!(find(Method::Put, "/expenses/abc"), Match::Op(op, p) if op.id == "updateExpense" && p == [("expenseId", "abc".to_owned())])
        );
    }

    #[test]
    fn parameters_are_named_by_their_template_and_decoded() {
        let Match::Op(op, params) = find(Method::Post, "/time-requests/7%20b/approve") else { panic!("no match") };
        assert_eq!(op.id, "approveTimeRequest");
        assert_eq!(params, [("timeRequestId", "7 b".to_owned())]);
    }

    #[test]
    fn other_methods_and_unknown_paths_are_told_apart() {
        assert!(matches!(find(Method::Put, "/members"), Match::MethodNotAllowed(m) if m.contains(&Method::Get)));
        assert_eq!(find(Method::Get, "/nope"), Match::NotFound);
        assert_eq!(find(Method::Get, ""), Match::NotFound);
        assert_eq!(find(Method::Get, "/members//"), find(Method::Get, "/members"));
        assert_eq!(find(Method::Get, "/members/5/").op().map(|o| o.id), Some("getMember"));
        assert_eq!(find(Method::Post, "/time-requests//approve"), Match::NotFound, "an empty segment is no parameter");
    }

    #[test]
    fn percent_decoding_keeps_what_it_cannot_read() {
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
        assert_eq!(percent_decode("%zz+%41"), "%zz+A");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }
}
