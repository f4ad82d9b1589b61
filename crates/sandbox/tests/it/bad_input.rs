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

/// Requests by the owner that must fail: method, path, body, status, part of the message.
fn owner_mistakes() -> Vec<(&'static str, String, Option<serde_json::Value>, u16, &'static str)> {
    let get = |path: &str, status, part| ("GET", path.to_owned(), None, status, part);
    let post = |path: &str, body, status, part| ("POST", path.to_owned(), Some(body), status, part);
    let project = |extra: serde_json::Value| {
        let mut body = json!({"workspace_id": 1, "name": "x"});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        body
    };
    let member = json!({"workspace_id": 1, "email": "a@b.co", "firstname": "a", "lastname": "b", "role": "Regular User"});
    let member_with = |key: &str, value: Option<&str>| {
        let mut body = member.clone();
        match value {
            Some(v) => body[key] = json!(v),
            None => drop(body.as_object_mut().unwrap().remove(key)),
        }
        body
    };
    let mut cases = vec![
        // workspace_id missing, wrong type, unknown.
        get("/api/v2/members", 400, "workspace_id is required"),
        post("/api/v2/projects", json!({"name": "x"}), 400, "workspace_id is required"),
        get("/api/v2/members?workspace_id=abc", 422, "workspace_id"),
        get("/api/v2/members?workspace_id=999", 403, "access"),
        // Wrong types and rules, each naming the field.
        post("/api/v2/projects", project(json!({"name": 42})), 422, "The name field must be a string."),
        post("/api/v2/projects", project(json!({"estimation": "lots"})), 422, "The estimation field must be a number."),
        post(
            "/api/v2/contracts",
            json!({"workspace_id": 1, "project_id": "one", "user_id": 5}),
            422,
            "The project_id field must be an integer.",
        ),
        post("/api/v2/projects", project(json!({"is_billable": "maybe"})), 422, "is_billable"),
        post("/api/v2/members", member_with("email", Some("not-an-email")), 422, "The email field must be a valid email address."),
        get("/api/v2/members?workspace_id=1&email=bad", 422, "email"),
        post("/api/v2/members", member_with("role", Some("Boss")), 422, "The selected role is invalid"),
        post("/api/v2/members", member_with("firstname", None), 422, "The firstname field is required."),
        post("/api/v2/projects", project(json!({"start_date": "2024-02-30"})), 422, "The start_date field must be a valid date"),
        post("/api/v2/projects", project(json!({"start_date": "15/01/2024"})), 422, "start_date"),
        post("/api/v2/projects", project(json!({"start_date": "2024-03-01", "deadline": "2024-02-01"})), 422, "deadline"),
        post("/api/v2/projects", project(json!({"rate": -5})), 422, "rate"),
        post("/api/v2/projects", project(json!({"name": "   "})), 422, "name"),
        post("/api/v2/contracts", json!({"workspace_id": 1, "project_id": 1, "user_id": 5, "screenshots": "blur"}), 422, "screenshots"),
        post("/api/v2/webhooks", json!({"workspace_id": 1, "url": "ftp://x.example", "events": ["tracker.started"]}), 422, "url"),
        get("/api/v2/tasks?workspace_id=1", 422, "project_id"),
        get("/api/v2/members/abc?workspace_id=1", 422, "memberId"),
        get("/api/v2/members/-3?workspace_id=1", 422, "memberId"),
        // Over-long strings.
        post("/api/v2/projects", project(json!({"name": "é".repeat(10_001)})), 422, "10000 characters"),
        post("/api/v2/projects", project(json!({"name": "x".repeat(300)})), 422, "255"),
        // Unknown ids.
        get("/api/v2/members/4242?workspace_id=1", 404, "Member not found"),
        ("PUT", "/api/v2/projects/4242".to_owned(), Some(project(json!({}))), 404, "Project not found"),
        ("DELETE", "/api/v2/contracts/4242".to_owned(), Some(json!({"workspace_id": 1})), 404, "Contract not found"),
        get("/api/v2/tasks/4242?workspace_id=1&project_id=1", 404, "Task not found"),
        get("/api/v2/project-viewers/4242?workspace_id=1", 404, "not found"),
        get("/api/v2/webhooks/wh_nope?workspace_id=1", 404, "Webhook not found"),
        post("/api/v2/contracts", json!({"workspace_id": 1, "project_id": 4242, "user_id": 5}), 422, "The selected project_id is invalid."),
        // A write that fails half-way (second assignee unknown) leaves no trace.
        post("/api/v2/tasks", json!({"workspace_id": 1, "project_id": 1, "title": "t", "assignees": [5, 4242]}), 422, "assignees"),
    ];
    // Paging.
    for (bad, field) in
        [("per_page=0", "per_page"), ("per_page=101", "per_page"), ("per_page=x", "per_page"), ("page=0", "page"), ("page=-1", "page")]
    {
        cases.push(("GET", format!("/api/v2/members?workspace_id=1&{bad}"), None, 422, field));
    }
    cases
}

#[tokio::test]
async fn every_bad_input_is_a_clear_4xx_and_changes_nothing() {
    let app = app();
    let before = snapshot(&app);

    // Authentication.
    assert_error(&raw(&app, "GET", "/api/v2/members?workspace_id=1", None, None, &[]).await, 401, "Unauthenticated");
    assert_error(&raw(&app, "GET", "/api/v2/members?workspace_id=1", Some("nope"), None, &[]).await, 401, "invalid");
    assert_error(&raw(&app, "GET", "/api/v2/members?workspace_id=1", None, None, &[("authorization", "Basic abc")]).await, 401, "Bearer");

    // Malformed JSON, non-object and over-large bodies.
    assert_error(
        &raw(&app, "POST", "/api/v2/projects", Some(OWNER), Some("{\"workspace_id\": 1, \"name\": "), &[]).await,
        400,
        "not valid JSON",
    );
    assert_error(&raw(&app, "POST", "/api/v2/projects", Some(OWNER), Some("[1,2]"), &[]).await, 400, "JSON object");
    let huge = format!("{{\"workspace_id\": 1, \"name\": \"x\", \"notes\": \"{}\"}}", "a".repeat(1024 * 1024 + 10));
    assert_error(&raw(&app, "POST", "/api/v2/projects", Some(OWNER), Some(&huge), &[]).await, 413, "1 MiB");

    let cases = owner_mistakes();
    assert_eq!(cases.len(), 37);
    for (method, path, body, status, part) in cases {
        let r = call(&app, OWNER, method, &path, body.clone()).await;
        assert!(r.status == status, "{method} {path} {body:?}: expected {status}, got {} {}", r.status, r.body);
        assert_error(&r, status, part);
    }

    assert_eq!(snapshot(&app), before, "no failed request changed anything");
}

#[tokio::test]
async fn lenient_where_the_api_is() {
    let app = app();
    // workspace_id in the body on a read-style write, numbers as strings, form bodies.
    let r =
        call(&app, OWNER, "POST", "/api/v2/projects?workspace_id=1", Some(json!({"name": "Query placement", "estimation": "12.5"}))).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"]["estimation"], 12.5);
    let r = raw(
        &app,
        "POST",
        "/api/v2/webhooks",
        Some(OWNER),
        Some("workspace_id=1&url=https%3A%2F%2Fform.example%2Fh&events[]=tracker.started&events[]=tracker.stopped"),
        &[("content-type", "application/x-www-form-urlencoded")],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["data"]["events"], json!(["tracker.started", "tracker.stopped"]));
    // Enum values match case-insensitively; lists come comma-separated or repeated.
    let r = call(&app, OWNER, "GET", "/api/v2/members?workspace_id=1&status=ACTIVE&role=regular%20user", None).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn a_missing_workspace_id_answers_as_the_reference_sample_shows() {
    let app = app();
    // The reference's sample for DELETE /time-entries/{id}: this message, and no `error` key.
    for (method, path) in [("DELETE", "/api/v2/time-entries/te_x"), ("POST", "/api/v2/projects"), ("PUT", "/api/v2/members/5")] {
        let r = call(&app, OWNER, method, path, Some(json!({"name": "x"}))).await;
        assert_error(&r, 400, "workspace_id is required in request body");
        assert_eq!(r.message(), "workspace_id is required in request body");
        assert!(r.body.get("error").is_none(), "{method} {path}: {}", r.body);
    }
    // A read carries it in the query string (inferred wording).
    let r = call(&app, OWNER, "GET", "/api/v2/members", None).await;
    assert_eq!((r.status, r.message()), (400, "workspace_id is required"));
    assert!(r.body.get("error").is_none(), "{}", r.body);
    // Other errors keep the optional `error` key.
    let r = call(&app, OWNER, "GET", "/api/v2/members/999?workspace_id=1", None).await;
    assert!(r.body.get("error").is_some(), "{}", r.body);
}
