//! Which operation of `webwork_core::ops::CATALOG` a request is, by method and path (relative to
//! `/api/v2`). The same rule as the sandbox's router (crates/sandbox/src/server/routes.rs):
//! literal segments win over parameters (`/expenses/categories` over `/expenses/{expenseId}`).

use webwork_core::ops::{Method, OpInfo, CATALOG};

pub fn find(method: Method, path: &str) -> Option<&'static OpInfo> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    let mut best: Option<(usize, &'static OpInfo)> = None;
    for op in CATALOG.iter().filter(|op| op.method == method) {
        let parts: Vec<&str> = op.path.split('/').skip(1).collect();
        if parts.len() != segments.len() {
            continue;
        }
        let mut literals = 0;
        let fits = parts.iter().zip(&segments).all(|(part, seg)| {
            if part.starts_with('{') {
                !seg.is_empty()
            } else if part == seg {
                literals += 1;
                true
            } else {
                false
            }
        });
        if fits && best.is_none_or(|(l, _)| literals > l) {
            best = Some((literals, op));
        }
    }
    best.map(|(_, op)| op)
}

pub fn method_of(m: &axum::http::Method) -> Option<Method> {
    Some(match m.as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_found() {
        for op in CATALOG {
            let path = op.path.replace(['{', '}'], "");
            assert_eq!(find(op.method, &path).map(|o| o.id), Some(op.id), "{}", op.path);
        }
        assert_eq!(find(Method::Get, "/expenses/categories").map(|o| o.id), Some("getExpenseCategories"));
        assert!(find(Method::Get, "/nope").is_none());
    }
}
