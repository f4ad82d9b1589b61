//! Routing generated from `webwork_core::ops::CATALOG`: every operation's path template (the
//! same `{param}` syntax axum uses) is matched under `/api/v2`. Matching is ours rather than
//! axum's so that a known path with the wrong method answers 405 with the reference's error
//! body, and so templates that differ only in a parameter's name (`/time-requests/{id}` and
//! `/time-requests/{timeRequestId}/approve`) coexist. Literal segments win over parameters
//! (`/expenses/categories` over `/expenses/{expenseId}`).

use webwork_core::ops::{Method, OpInfo, CATALOG};

/// The prefix every operation is mounted under.
pub const PREFIX: &str = "/api/v2";

#[derive(Debug)]
pub enum Match {
    Op(&'static OpInfo, Vec<(&'static str, String)>),
    /// The path exists with other methods.
    MethodNotAllowed(Vec<Method>),
    NotFound,
}

/// Matches a path relative to `/api/v2` (e.g. `/members/5`).
pub fn find(method: Method, path: &str) -> Match {
    let path = path.trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').skip(1).collect();
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

/// Returns the count of literal segments matched and the parameter values.
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

/// Decodes `%XX` escapes (a path segment; `+` stays `+`).
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
    fn every_operation_is_reachable() {
        for op in CATALOG {
            let path = op.path.replace(['{', '}'], "");
            match find(op.method, &path) {
                Match::Op(found, _) => assert_eq!(found.id, op.id, "{}", op.path),
                other => panic!("{} {}: {other:?}", op.method, op.path),
            }
        }
    }

    #[test]
    fn literals_win_and_methods_are_told() {
        assert!(matches!(find(Method::Get, "/expenses/categories"), Match::Op(op, _) if op.id == "getExpenseCategories"));
        assert!(matches!(find(Method::Put, "/expenses/abc"), Match::Op(op, p) if op.id == "updateExpense" && p[0].1 == "abc"));
        assert!(matches!(find(Method::Put, "/members"), Match::MethodNotAllowed(m) if m.contains(&Method::Get)));
        assert!(matches!(find(Method::Get, "/nope"), Match::NotFound));
        assert!(matches!(find(Method::Get, "/members/5/"), Match::Op(op, _) if op.id == "getMember"));
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
    }
}
