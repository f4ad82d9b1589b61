//! Workspace isolation: a token never reads or changes another workspace's data.

use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn other_workspace_owner_is_refused_everywhere() {
    let app = app();
    let before = count(&app, "SELECT COUNT(*) FROM projects") + count(&app, "SELECT COUNT(*) FROM memberships");
    for op in CATALOG.iter().filter(|o| o.has_workspace()) {
        let path = op
            .path
            .replace("{memberId}", "5")
            .replace("{projectId}", "1")
            .replace("{contractId}", "8")
            .replace("{taskId}", "1")
            .replace("{userId}", "5")
            .replace("{viewerId}", "6")
            .replace("{webhookId}", "wh_demo_people")
            .replace(['{', '}'], "");
        let r = call(
            &app,
            OTHER_OWNER,
            op.method.as_str(),
            &format!("/api/v2{path}?workspace_id=1&project_id=1"),
            Some(json!({"workspace_id": 1, "project_id": 1})),
        )
        .await;
        assert_eq!(r.status, 403, "{}: {}", op.id, r.body);
        assert!(r.body.get("data").is_none());
    }
    let after = count(&app, "SELECT COUNT(*) FROM projects") + count(&app, "SELECT COUNT(*) FROM memberships");
    assert_eq!(before, after);
    // Their own workspace works.
    assert_eq!(client(&app, OTHER_OWNER).send(&ListProjects::new(OTHER_WS)).await.unwrap().len(), 2);
}

#[tokio::test]
async fn ids_of_another_workspace_are_not_found() {
    let app = app();
    let c = client(&app, OWNER);
    assert_eq!(status(&c.send(&ListMembers::new(OTHER_WS)).await.unwrap_err()), 403);
    assert_eq!(status(&c.send(&GetMember::new(101u64, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&UpdateMember::new(101u64, WS).firstname("x")).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&DeleteMember::new(101u64, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&GetProject::new(12u64, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&UpdateProject::new(12u64, WS).name("mine now")).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&DeleteProject::new(13u64, WS)).await.unwrap_err()), 404);
    let globex_contract = client(&app, OTHER_OWNER).send(&ListContracts::new(OTHER_WS)).await.unwrap()[0].id;
    assert_eq!(status(&c.send(&GetContract::new(globex_contract, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&DeleteContract::new(globex_contract, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&GetTask::new(61u64, WS, 12u64)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&GetTask::new(61u64, WS, 1u64)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&GetWebhook::new("wh_globex_people", WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&GetProjectViewer::new(101u64, WS)).await.unwrap_err()), 404);
    // Nothing of workspace 2 changed.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM projects WHERE workspace_id = 2 AND deleted_at IS NULL"), 2);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM users WHERE id = 101 AND firstname = 'Hank'"), 1);
    // Lists never mix workspaces.
    let members = c.all(ListMembers::new(WS)).await.unwrap();
    assert!(members.iter().all(|m| m.id < 100));
    let globex = client(&app, OTHER_OWNER).all(ListMembers::new(OTHER_WS)).await.unwrap();
    assert_eq!(globex.iter().map(|m| m.id).collect::<Vec<_>>(), vec![2, 101, 102, 103, 104, 105]);
}
