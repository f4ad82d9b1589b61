//! How the JS package names things. One set of rules, used by the wasm dispatcher (parameter
//! keys in, reply keys out, error fields) and by the type generator (namespaces, methods,
//! `.d.ts`), so the runtime and the types cannot disagree.
//!
//! * Keys: the API's `snake_case` becomes `camelCase` at the boundary, both ways. Only keys that
//!   are `snake_case` identifiers change; map keys such as dates (`2026-03-04`), currency codes
//!   (`USD`) or ids stay as they are.
//! * Namespaces: one per documentation tag, in camelCase (`Project Viewers` -> `projectViewers`).
//! * Methods: the builder's name without the resource noun (`ListMembers` -> `list`,
//!   `ListTaskAssignees` -> `listAssignees`), reports without `Get`/`Report`
//!   (`GetDailyTimelineReport` -> `dailyTimeline`), plus a few overrides where that reads badly.
//! * Paginated operations also get an iterator over every item: `list` -> `all`,
//!   `listBalances` -> `allBalances`, `dailyTimeline` -> `allDailyTimeline`.

use std::borrow::Cow;

use webwork_core::ops::{OpInfo, CATALOG};

/// Where the rule gives a poor name: (operation id, method name).
const METHOD_OVERRIDES: &[(&str, &str)] = &[
    ("startTimeTracking", "start"),
    ("stopTimeTracking", "stop"),
    ("getCurrentTrackerData", "current"),
    ("assignProjectToViewer", "assignProject"),
    ("unassignProjectFromViewer", "unassignProject"),
    ("getTaskReport", "tasks"),
];

/// Names the client object itself uses; no namespace may take one.
pub const CLIENT_MEMBERS: &[&str] = &["request", "budget", "ready", "options"];

/// Whether `key` is a `snake_case` identifier with at least one underscore.
fn is_snake(key: &str) -> bool {
    let b = key.as_bytes();
    b.first().is_some_and(u8::is_ascii_lowercase)
        && b.last() != Some(&b'_')
        && b.contains(&b'_')
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}

/// `workspace_id` -> `workspaceId`; anything that is not a `snake_case` identifier is kept.
pub fn camel(key: &str) -> Cow<'_, str> {
    if !is_snake(key) {
        return Cow::Borrowed(key);
    }
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The JS name of an operation parameter (its wire name in camelCase).
pub fn param_name(wire: &str) -> Cow<'_, str> {
    camel(wire)
}

/// `Project Viewers` -> `projectViewers`.
pub fn namespace(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    for (i, word) in tag.split_whitespace().enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.extend(first.to_lowercase());
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Time Entries` -> `TimeEntry`, `Leaves` -> `Leave`.
fn singular(plural: &str) -> String {
    if let Some(stem) = plural.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        plural.strip_suffix('s').unwrap_or(plural).to_owned()
    }
}

/// The method name of an operation inside its namespace.
pub fn method(op: &OpInfo) -> String {
    if let Some((_, name)) = METHOD_OVERRIDES.iter().find(|(id, _)| *id == op.id) {
        return (*name).to_owned();
    }
    let plural: String = op.doc().tag.split_whitespace().collect();
    let one = singular(&plural);
    let name = op.doc().name;
    if plural == "Reports" {
        let core = name.strip_prefix("Get").unwrap_or(name);
        let core = core.strip_suffix("Report").unwrap_or(core);
        return lower_first(core);
    }
    let stripped = if name.contains(plural.as_str()) { name.replacen(plural.as_str(), "", 1) } else { name.replacen(one.as_str(), "", 1) };
    if stripped.is_empty() {
        lower_first(name)
    } else {
        lower_first(&stripped)
    }
}

/// The name of the every-item iterator of a paginated operation; `None` for the others.
pub fn iterator(op: &OpInfo) -> Option<String> {
    op.per_page_max?;
    let m = method(op);
    Some(match m.strip_prefix("list") {
        Some("") => "all".to_owned(),
        Some(rest) => format!("all{rest}"),
        None => format!("all{}", upper_first(&m)),
    })
}

/// An operation as the JS package exposes it.
#[derive(Debug, Clone)]
pub struct JsOp {
    pub op: &'static OpInfo,
    pub namespace: String,
    pub method: String,
    pub iterator: Option<String>,
}

/// Every operation of the core's CATALOG, named, in catalog order.
pub fn operations() -> Vec<JsOp> {
    CATALOG.iter().map(|op| JsOp { op, namespace: namespace(op.doc().tag), method: method(op), iterator: iterator(op) }).collect()
}

/// The namespaces in catalog order, each once.
pub fn namespaces() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for op in CATALOG {
        let ns = namespace(op.doc().tag);
        if !out.contains(&ns) {
            out.push(ns);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn camel_changes_snake_identifiers_only() {
        assert_eq!(camel("workspace_id"), "workspaceId");
        assert_eq!(camel("settings_max_inactive_minutes"), "settingsMaxInactiveMinutes");
        assert_eq!(camel("per_page"), "perPage");
        for kept in ["id", "memberId", "2026-03-04", "USD", "_private", "trailing_", "Mixed_Case", "a-b_c", ""] {
            assert_eq!(camel(kept), kept);
        }
    }

    #[test]
    fn resource_methods_read_naturally() {
        let find = |id: &str| operations().into_iter().find(|o| o.op.id == id).unwrap();
        let pairs = [
            ("getMembers", "members", "list", Some("all")),
            ("inviteMember", "members", "invite", None),
            ("getTaskAssignees", "tasks", "listAssignees", None),
            ("getProjectViewers", "projectViewers", "list", Some("all")),
            ("startTimeTracking", "timeTracking", "start", None),
            ("getTimeEntries", "timeEntries", "list", Some("all")),
            ("createLeaveRequest", "leaves", "request", None),
            ("getLeaveBalances", "leaves", "listBalances", Some("allBalances")),
            ("getExpenseCategories", "expenses", "listCategories", None),
            ("getDailyTimelineReport", "reports", "dailyTimeline", Some("allDailyTimeline")),
            ("getTrackedHoursReport", "reports", "trackedHours", None),
            ("getWorkspaces", "workspaces", "list", Some("all")),
        ];
        for (id, ns, method, iter) in pairs {
            let op = find(id);
            assert_eq!((op.namespace.as_str(), op.method.as_str(), op.iterator.as_deref()), (ns, method, iter), "{id}");
        }
    }

    #[test]
    fn every_operation_has_a_unique_valid_name() {
        let ops = operations();
        assert_eq!(ops.len(), CATALOG.len());
        let mut seen = HashSet::new();
        for op in &ops {
            for name in std::iter::once(&op.method).chain(op.iterator.as_ref()) {
                assert!(
                    name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && name.chars().all(|c| c.is_ascii_alphanumeric()),
                    "{} -> {name}",
                    op.op.id
                );
                assert!(seen.insert((op.namespace.clone(), name.clone())), "{}.{name} twice", op.namespace);
            }
        }
        for ns in namespaces() {
            assert!(!CLIENT_MEMBERS.contains(&ns.as_str()), "namespace {ns} hides a client member");
        }
    }

    #[test]
    fn parameter_names_do_not_collide_in_camel_case() {
        for op in CATALOG {
            let mut seen = HashSet::new();
            for p in op.params {
                assert!(seen.insert(param_name(p.name).into_owned()), "{}: {} twice", op.id, p.name);
            }
        }
    }
}
