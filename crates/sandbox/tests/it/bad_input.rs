//! Bad input gets a clear 4xx error body and changes nothing; no client mistake yields a 500.

use serde_json::json;

use crate::support::*;

fn snapshot(app: &std::sync::Arc<App>) -> Vec<i64> {
    ["users", "memberships", "projects", "tags", "project_tags", "contracts", "tasks", "task_assignees", "webhooks", "viewer_projects"]
        .iter()
        .map(|t| count(app, &format!("SELECT COUNT(*) FROM {t}")))
        .collect()
}

fn assert_error(r: &RawResponse, status: u16, message_part: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.body["success"], false);
    assert_eq!(r.body["meta"]["api_version"], "2.0.0");
    assert!(r.body["meta"]["timestamp"].is_string());
    assert!(r.message().contains(message_part), "{:?} does not contain {message_part:?}", r.message());
}

#[tokio::test]
async fn every_bad_input_is_a_clear_4xx_and_changes_nothing() {
    let app = app();
    let before = snapshot(&app);

    // Authentication.
    assert_error(&raw(&app, "GET", "/api/v2/members?workspace_id=1", None, None, &[]).await, 401, "Unauthenticated");
    assert_error(&raw(&app, "GET", "/api/v2/members?workspace_id=1", Some("nope"), None, &[]).await, 401, "invalid");
    assert_error(&raw(&app, "GET", "/api/v2/members?workspace_id=1", None, None, &[("authorization", "Basic abc")]).await, 401, "Bearer");

    // Malformed JSON and non-object bodies.
    assert_error(&raw(&app, "POST", "/api/v2/projects", Some(OWNER), Some("{\"workspace_id\": 1, \"name\": "), &[]).await, 400, "not valid JSON");
    assert_error(&raw(&app, "POST", "/api/v2/projects", Some(OWNER), Some("[1,2]"), &[]).await, 400, "JSON object");

    // workspace_id missing, wrong type, unknown.
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members", None).await, 400, "workspace_id is required");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"name": "x"}))).await, 400, "workspace_id is required");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members?workspace_id=abc", None).await, 422, "workspace_id");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members?workspace_id=999", None).await, 403, "access");

    // Wrong types and rules, each naming the field.
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": 42}))).await, 422, "The name field must be a string.");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x", "estimation": "lots"}))).await, 422, "The estimation field must be a number.");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/contracts", Some(json!({"workspace_id": 1, "project_id": "one", "user_id": 5}))).await, 422, "The project_id field must be an integer.");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x", "is_billable": "maybe"}))).await, 422, "is_billable");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/members", Some(json!({"workspace_id": 1, "email": "not-an-email", "firstname": "a", "lastname": "b", "role": "Regular User"}))).await, 422, "The email field must be a valid email address.");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members?workspace_id=1&email=bad", None).await, 422, "email");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/members", Some(json!({"workspace_id": 1, "email": "a@b.co", "firstname": "a", "lastname": "b", "role": "Boss"}))).await, 422, "The selected role is invalid");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/members", Some(json!({"workspace_id": 1, "email": "a@b.co", "lastname": "b", "role": "Regular User"}))).await, 422, "The firstname field is required.");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x", "start_date": "2024-02-30"}))).await, 422, "The start_date field must be a valid date");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x", "start_date": "15/01/2024"}))).await, 422, "start_date");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x", "start_date": "2024-03-01", "deadline": "2024-02-01"}))).await, 422, "deadline");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x", "rate": -5}))).await, 422, "rate");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "   "}))).await, 422, "name");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/contracts", Some(json!({"workspace_id": 1, "project_id": 1, "user_id": 5, "screenshots": "blur"}))).await, 422, "screenshots");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/webhooks", Some(json!({"workspace_id": 1, "url": "ftp://x.example", "events": ["tracker.started"]}))).await, 422, "url");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/tasks?workspace_id=1", None).await, 422, "project_id");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members/abc?workspace_id=1", None).await, 422, "memberId");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members/-3?workspace_id=1", None).await, 422, "memberId");

    // Paging.
    for bad in ["per_page=0", "per_page=101", "per_page=x", "page=0", "page=-1"] {
        assert_error(&call(&app, OWNER, "GET", &format!("/api/v2/members?workspace_id=1&{bad}"), None).await, 422, bad.split('=').next().unwrap());
    }

    // Over-long strings and bodies.
    let long = "é".repeat(10_001);
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": long}))).await, 422, "10000 characters");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": "x".repeat(300)}))).await, 422, "255");
    let huge = format!("{{\"workspace_id\": 1, \"name\": \"x\", \"notes\": \"{}\"}}", "a".repeat(1024 * 1024 + 10));
    assert_error(&raw(&app, "POST", "/api/v2/projects", Some(OWNER), Some(&huge), &[]).await, 413, "1 MiB");

    // Unknown ids.
    assert_error(&call(&app, OWNER, "GET", "/api/v2/members/4242?workspace_id=1", None).await, 404, "Member not found");
    assert_error(&call(&app, OWNER, "PUT", "/api/v2/projects/4242", Some(json!({"workspace_id": 1, "name": "x"}))).await, 404, "Project not found");
    assert_error(&call(&app, OWNER, "DELETE", "/api/v2/contracts/4242", Some(json!({"workspace_id": 1}))).await, 404, "Contract not found");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/tasks/4242?workspace_id=1&project_id=1", None).await, 404, "Task not found");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/project-viewers/4242?workspace_id=1", None).await, 404, "not found");
    assert_error(&call(&app, OWNER, "GET", "/api/v2/webhooks/wh_nope?workspace_id=1", None).await, 404, "Webhook not found");
    assert_error(&call(&app, OWNER, "POST", "/api/v2/contracts", Some(json!({"workspace_id": 1, "project_id": 4242, "user_id": 5}))).await, 422, "The selected project_id is invalid.");

    // A write that fails half-way (second assignee unknown) leaves no trace.
    assert_error(&call(&app, OWNER, "POST", "/api/v2/tasks", Some(json!({"workspace_id": 1, "project_id": 1, "title": "t", "assignees": [5, 4242]}))).await, 422, "assignees");

    assert_eq!(snapshot(&app), before, "no failed request changed anything");
}

#[tokio::test]
async fn lenient_where_the_api_is() {
    let app = app();
    // workspace_id in the body on a read-style write, numbers as strings, form bodies.
    let r = call(&app, OWNER, "POST", "/api/v2/projects?workspace_id=1", Some(json!({"name": "Query placement", "estimation": "12.5"}))).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"]["estimation"], 12.5);
    let r = raw(&app, "POST", "/api/v2/webhooks", Some(OWNER), Some("workspace_id=1&url=https%3A%2F%2Fform.example%2Fh&events[]=tracker.started&events[]=tracker.stopped"), &[("content-type", "application/x-www-form-urlencoded")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["data"]["events"], json!(["tracker.started", "tracker.stopped"]));
    // Enum values match case-insensitively; lists come comma-separated or repeated.
    let r = call(&app, OWNER, "GET", "/api/v2/members?workspace_id=1&status=ACTIVE&role=regular%20user", None).await;
    assert_eq!(r.status, 200, "{}", r.body);
}
