//! `--access reference` (the default outside tests): every workspace operation is open to owners
//! and executive managers only; `getWorkspaces` to every token. Each demo role of workspace 1,
//! on reads and writes; the role matrix of `--access roles` is `roles.rs`.

use serde_json::json;

use crate::support::*;

/// Every demo role of workspace 1 with its name as the API spells it.
const ROLES: [(&str, &str); 6] = [
    (OWNER, "Owner"),
    (EXEC, "Executive manager"),
    (PM, "Project manager"),
    (TM, "Team manager"),
    (REGULAR, "Regular User"),
    (VIEWER, "Project viewer"),
];

fn refusal(role: &str) -> String {
    format!("The API is open to workspace owners and executive managers only (your role here: {role}).")
}

#[tokio::test]
async fn only_owners_and_executive_managers_reach_workspace_operations() {
    let app = testing::reference_app();
    // Reads every role may make under the role matrix, and writes some of them may.
    let calls: [(&str, &str, Option<serde_json::Value>); 5] = [
        ("GET", "/api/v2/members?workspace_id=1", None),
        ("GET", "/api/v2/projects/1?workspace_id=1", None),
        ("GET", "/api/v2/tasks?workspace_id=1&project_id=1", None),
        ("GET", "/api/v2/leaves/policies?workspace_id=1", None),
        ("POST", "/api/v2/tasks", Some(json!({"workspace_id": 1, "project_id": 1, "title": "Reference rule"}))),
    ];
    for (token, role) in ROLES {
        let admin = matches!(role, "Owner" | "Executive manager");
        for (method, path, body) in &calls {
            let r = call(&app, token, method, path, body.clone()).await;
            if admin {
                assert!((200..300).contains(&r.status), "{role} {method} {path}: {} {}", r.status, r.message());
            } else {
                assert_eq!(r.status, 403, "{role} {method} {path}");
                assert_eq!(r.message(), refusal(role), "{role} {method} {path}");
            }
        }
        // getWorkspaces is not a workspace operation: open to every token.
        let r = call(&app, token, "GET", "/api/v2/workspaces", None).await;
        assert_eq!(r.status, 200, "{role} getWorkspaces");
    }
    // Refused writes leave nothing behind: only the owner's and the EM's tasks were made.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM tasks WHERE title = 'Reference rule'"), 2);
}

#[tokio::test]
async fn a_regular_user_is_refused_even_their_own_requests() {
    let app = testing::reference_app();
    let c = client(&app, REGULAR);
    let err = c.send(&ListTimesheets::new(WS)).await.unwrap_err();
    assert_eq!(status(&err), 403);
    assert!(err.to_string().contains("your role here: Regular User"), "{err}");
    // The Executive manager of workspace 1 is a Regular User of workspace 2: refused there.
    let r = call(&app, EXEC, "GET", "/api/v2/members?workspace_id=2", None).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.message(), refusal("Regular User"));
    // Non-members still get the membership refusal, not the role one.
    let r = call(&app, OTHER_OWNER, "GET", "/api/v2/members?workspace_id=1", None).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.message(), "You do not have access to this workspace.");
}

#[tokio::test]
async fn roles_mode_keeps_the_role_matrix() {
    // The same calls under `--access roles` (the tests' default): the regular user reads members
    // and lists their timesheets; only the task write is refused, with the matrix's message.
    let app = app();
    assert_eq!(app.config.access, webwork_sandbox::config::AccessMode::Roles);
    assert_eq!(call(&app, REGULAR, "GET", "/api/v2/members?workspace_id=1", None).await.status, 200);
    assert!(client(&app, REGULAR).send(&ListTimesheets::new(WS)).await.is_ok());
    let r = call(&app, REGULAR, "POST", "/api/v2/tasks", Some(json!({"workspace_id": 1, "project_id": 1, "title": "T"}))).await;
    assert_eq!(r.status, 403);
    assert!(r.message().starts_with("Your role (Regular User) may not perform this action"), "{}", r.message());
}
