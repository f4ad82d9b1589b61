//! Whether a create whose answer was lost happened. A POST that ends in a network error or a
//! timeout may have been stored (the connection dropped after the server committed), and the
//! client never sends a POST twice by itself. Before a person is offered "send again", a UI reads
//! the list the create wrote to ([`check_request`]) and looks for the row ([`find_created`]):
//! sending again only when it is not there is what keeps a retry from making a duplicate.

use serde_json::Value;

use crate::error::ApiError;
use crate::ops::{ApiRequest, Location, Method, CATALOG};

/// Whether `error` leaves a write's outcome unknown (no answer came back).
pub fn outcome_unknown(error: &ApiError) -> bool {
    matches!(error, ApiError::Network { .. } | ApiError::Timeout { .. })
}

/// The list read that shows whether `create` happened: the documented GET of the same path,
/// narrowed by the create's own values where the list filters by them (a task's project, a time
/// entry's member and day), at its largest page. `None` for a request that is not a create of a
/// listed collection.
pub fn check_request(create: &ApiRequest) -> Option<ApiRequest> {
    if create.method != Method::Post {
        return None;
    }
    let list = CATALOG.iter().find(|op| op.method == Method::Get && op.path == create.path)?;
    let mut request = ApiRequest::raw(Method::Get, create.path.clone());
    let body = create.body.as_ref().and_then(Value::as_object);
    for param in list.params.iter().filter(|p| matches!(p.location, Location::Query | Location::Workspace)) {
        let from_query = create.query_value(param.name).map(str::to_owned);
        let from_body = body.and_then(|b| b.get(param.name)).and_then(scalar_text);
        if let Some(value) = from_query.or(from_body) {
            request.set_query(param.name, value);
        }
    }
    if let Some(max) = list.per_page_max {
        request.set_query("per_page", max.to_string());
    }
    Some(request)
}

/// What a list says of a create whose answer was lost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seen<'a> {
    /// The row it created.
    Created(&'a Value),
    /// No row fits: it was not stored, and sending again makes no duplicate.
    Absent,
    /// More than one row fits (or nothing to compare): it cannot tell which is new.
    Unsure,
}

/// Looks for the row `body` created in `rows`: one whose every scalar shared with `body` is equal
/// (numbers and numeric text alike, e-mails in any case) and that shares one that is not an id.
pub fn find_created<'a>(rows: &'a [Value], body: &Value) -> Seen<'a> {
    let Some(body) = body.as_object() else { return Seen::Unsure };
    let mut found = rows.iter().filter(|row| {
        let Some(row) = row.as_object() else { return false };
        let mut telling = false;
        for (key, sent) in body {
            let (Some(sent), Some(kept)) = (scalar_text(sent), row.get(key).and_then(scalar_text)) else { continue };
            if !same(key, &sent, &kept) {
                return false;
            }
            telling |= key != "id" && !key.ends_with("_id");
        }
        telling
    });
    match (found.next(), found.next()) {
        (None, _) => Seen::Absent,
        (Some(row), None) => Seen::Created(row),
        (Some(_), Some(_)) => Seen::Unsure,
    }
}

fn same(key: &str, a: &str, b: &str) -> bool {
    if key.contains("email") {
        return a.eq_ignore_ascii_case(b);
    }
    // Clock times and dates the server may write longer ("09:00" and "09:00:00").
    let longer = |long: &str, short: &str| long.strip_prefix(short).is_some_and(|rest| rest.starts_with(':'));
    a == b || longer(b, a) || longer(a, b)
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(_) => Some(crate::models::lenient::read::json_text(v)),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::{CreateProject, CreateTask, Operation};
    use serde_json::json;

    #[test]
    fn the_check_reads_the_list_the_create_wrote_to() {
        let create = CreateTask::new(1u64, 7u64, "Write the report").to_request().unwrap();
        let check = check_request(&create).unwrap();
        assert_eq!(check.method, Method::Get);
        assert_eq!(check.path, "/tasks");
        assert_eq!(check.query_value("workspace_id"), Some("1"));
        assert_eq!(check.query_value("project_id"), Some("7"));
        assert_eq!(check.query_value("per_page"), Some("100"));
        assert!(check.body.is_none());
        let update = ApiRequest::raw(Method::Put, "/tasks/3");
        assert!(check_request(&update).is_none(), "only creates are checked");
        assert!(check_request(&ApiRequest::raw(Method::Post, "/tasks/3/assign/4")).is_none(), "no list at that path");
        let project = CreateProject::new(1u64, "Apollo").to_request().unwrap();
        assert_eq!(check_request(&project).unwrap().query_value("workspace_id"), Some("1"));
    }

    #[test]
    fn the_created_row_is_found_by_what_was_sent() {
        let body = json!({ "workspace_id": 1, "name": "Apollo", "email": "Ann@X.test", "start_time": "09:00", "tags": ["a"] });
        let rows = vec![
            json!({ "id": 1, "name": "Zeus", "email": "ann@x.test" }),
            json!({ "id": 2, "name": "Apollo", "email": "ann@x.test", "start_time": "09:00:00", "workspace_id": "1" }),
        ];
        assert_eq!(find_created(&rows, &body), Seen::Created(&rows[1]));
        // Not there: send again.
        assert_eq!(find_created(&rows[..1], &body), Seen::Absent);
        // Only ids in common say nothing.
        assert_eq!(find_created(&[json!({ "id": 3, "workspace_id": 1 })], &json!({ "workspace_id": 1 })), Seen::Absent);
        // Two rows that fit cannot say which one is new.
        let twice = [rows[1].clone(), rows[1].clone()];
        assert_eq!(find_created(&twice, &body), Seen::Unsure);
        assert_eq!(find_created(&rows, &json!("not an object")), Seen::Unsure);
    }

    #[test]
    fn only_a_lost_answer_leaves_the_outcome_unknown() {
        assert!(outcome_unknown(&ApiError::Network { message: "dropped".into() }));
        assert!(outcome_unknown(&ApiError::Timeout { after_ms: 30_000 }));
        assert!(!outcome_unknown(&ApiError::Unauthorized { message: "no".into() }));
    }
}
