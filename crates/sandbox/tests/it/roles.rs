//! The role matrix: each demo role x each operation of workspaces, members, projects,
//! contracts, tasks, project viewers and webhooks: allowed (2xx) or refused (403). Written out
//! independently of the sandbox's own role table, from catalog 1.9 and SANDBOX.md.

use serde_json::{json, Value};

use crate::support::*;

/// Roles in column order, with their user ids.
const ROLES: [(&str, u64); 6] = [(OWNER, 1), (EXEC, 2), (PM, 3), (TM, 4), (REGULAR, 5), (VIEWER, 6)];

const ALL: [bool; 6] = [true; 6];
const ADMIN: [bool; 6] = [true, true, false, false, false, false];
const MANAGERS: [bool; 6] = [true, true, true, true, false, false];

/// (operation, method, path, body, who may call). `{me}` is the caller's user id.
#[allow(clippy::type_complexity)]
fn matrix() -> Vec<(&'static str, &'static str, &'static str, Option<Value>, [bool; 6])> {
    let w = |extra: Value| {
        let mut b = json!({"workspace_id": 1});
        if let (Some(b), Some(e)) = (b.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        Some(b)
    };
    vec![
        ("getWorkspaces", "GET", "/workspaces", None, ALL),
        ("getMembers", "GET", "/members?workspace_id=1", None, ALL),
        (
            "inviteMember",
            "POST",
            "/members",
            w(json!({"email": "matrix-{me}@example.com", "firstname": "M", "lastname": "X", "role": "Regular User"})),
            ADMIN,
        ),
        ("getMember", "GET", "/members/{me}?workspace_id=1", None, ALL),
        ("updateMember", "PUT", "/members/20", w(json!({"timezone": "Europe/Oslo"})), ADMIN),
        ("deleteMember", "DELETE", "/members/39", w(json!({})), ADMIN),
        ("restoreMember", "POST", "/members/45/restore", w(json!({})), ADMIN),
        ("getProjects", "GET", "/projects?workspace_id=1", None, ALL),
        ("createProject", "POST", "/projects", w(json!({"name": "Matrix {me}"})), ADMIN),
        ("getProject", "GET", "/projects/1?workspace_id=1", None, ALL),
        ("updateProject", "PUT", "/projects/2", w(json!({"notes": "matrix"})), ADMIN),
        ("deleteProject", "DELETE", "/projects/9", w(json!({})), ADMIN),
        ("getContracts", "GET", "/contracts?workspace_id=1", None, ALL),
        ("createContract", "POST", "/contracts", w(json!({"project_id": 6, "user_id": 20})), ADMIN),
        ("getContract", "GET", "/contracts/8?workspace_id=1", None, ALL),
        ("updateContract", "PUT", "/contracts/8", w(json!({"weekly_hours_limit": 30})), ADMIN),
        ("deleteContract", "DELETE", "/contracts/3", w(json!({})), ADMIN),
        ("getTasks", "GET", "/tasks?workspace_id=1&project_id=1", None, ALL),
        ("createTask", "POST", "/tasks", w(json!({"project_id": 1, "title": "Matrix task"})), MANAGERS),
        ("getTask", "GET", "/tasks/1?workspace_id=1&project_id=1", None, ALL),
        ("updateTask", "PUT", "/tasks/2", w(json!({"project_id": 1, "title": "Renamed"})), MANAGERS),
        ("getTaskAssignees", "GET", "/tasks/1/assignees?workspace_id=1&project_id=1", None, ALL),
        ("assignTask", "POST", "/tasks/1/assign/5", w(json!({"project_id": 1})), MANAGERS),
        ("unassignTask", "DELETE", "/tasks/4/unassign/5", w(json!({"project_id": 1})), MANAGERS),
        ("deleteTask", "DELETE", "/tasks/3", w(json!({"project_id": 1})), MANAGERS),
        ("getProjectViewers", "GET", "/project-viewers?workspace_id=1", None, MANAGERS),
        (
            "createProjectViewer",
            "POST",
            "/project-viewers",
            w(json!({"email": "viewer-{me}@example.com", "firstname": "V", "lastname": "M"})),
            ADMIN,
        ),
        ("getProjectViewer", "GET", "/project-viewers/6?workspace_id=1", None, MANAGERS),
        ("deleteProjectViewer", "DELETE", "/project-viewers/40", w(json!({})), ADMIN),
        ("restoreProjectViewer", "POST", "/project-viewers/40/restore", w(json!({})), ADMIN),
        ("assignProjectToViewer", "POST", "/project-viewers/11/assign-project", w(json!({"project_id": 3})), ADMIN),
        ("unassignProjectFromViewer", "DELETE", "/project-viewers/11/unassign-project", w(json!({"project_id": 2})), ADMIN),
        ("getWebhooks", "GET", "/webhooks?workspace_id=1", None, ADMIN),
        ("createWebhook", "POST", "/webhooks", w(json!({"url": "https://m{me}.example/hook", "events": ["project.created"]})), ADMIN),
        ("getWebhook", "GET", "/webhooks/wh_demo_people?workspace_id=1", None, ADMIN),
        ("updateWebhook", "PUT", "/webhooks/wh_demo_tracker", w(json!({"url": "https://t{me}.example/hook"})), ADMIN),
        ("deleteWebhook", "DELETE", "/webhooks/wh_demo_people", w(json!({})), ADMIN),
    ]
}

#[tokio::test]
async fn role_matrix() {
    let mut failures = Vec::new();
    for (col, (token, me)) in ROLES.iter().enumerate() {
        // A fresh sandbox per role, so one role's writes do not change another's targets.
        let app = app();
        for (op, method, path, body, allowed) in matrix() {
            let path = format!("/api/v2{}", path.replace("{me}", &me.to_string()));
            let body = body.map(|b| serde_json::from_str::<Value>(&b.to_string().replace("{me}", &me.to_string())).unwrap());
            let r = call(&app, token, method, &path, body).await;
            let ok = if allowed[col] { (200..300).contains(&r.status) } else { r.status == 403 };
            if !ok {
                failures.push(format!(
                    "{token} {op}: expected {}, got {} {}",
                    if allowed[col] { "2xx" } else { "403" },
                    r.status,
                    r.message()
                ));
            }
            if r.status == 403 {
                assert!(r.body.get("data").is_none(), "a refusal carries no data");
            }
        }
    }
    assert!(failures.is_empty(), "role matrix:\n{}", failures.join("\n"));
    // The table covers every operation of these groups.
    let covered: Vec<&str> = matrix().iter().map(|m| m.0).collect();
    for op in CATALOG
        .iter()
        .filter(|o| ["Workspaces", "Members", "Projects", "Contracts", "Tasks", "Project Viewers", "Webhooks"].contains(&o.doc().tag))
    {
        assert!(covered.contains(&op.id), "{} missing from the matrix", op.id);
    }
}
