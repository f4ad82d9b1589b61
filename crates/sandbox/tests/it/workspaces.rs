use crate::support::*;

#[tokio::test]
async fn workspaces_per_token() {
    let app = app();
    let list = client(&app, OWNER).send(&ListWorkspaces::new()).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].id, list[0].role.clone(), list[0].workspace_name.as_str()), (1, Role::Owner, "Acme Studio"));
    assert_eq!(list[0].user_id, 1);
    assert!(list[0].activated_at.as_deref().is_some_and(|a| a.len() == 19 && a.contains(' ')));

    let list = client(&app, EXEC).send(&ListWorkspaces::new()).await.unwrap();
    let roles: Vec<(u64, Role)> = list.iter().map(|w| (w.id, w.role.clone())).collect();
    assert_eq!(roles, vec![(1, Role::ExecutiveManager), (2, Role::RegularUser)]);

    let reply = client(&app, OTHER_OWNER).send_reply(&ListWorkspaces::new().per_page(1u32)).await.unwrap();
    assert_eq!(reply.data.len(), 1);
    assert_eq!(reply.data[0].id, 2);
    let p = reply.pagination.unwrap();
    assert_eq!((p.total, p.per_page, p.current_page, p.last_page, p.from, p.to), (1, 1, 1, 1, Some(1), Some(1)));
    assert_eq!(reply.meta.api_version.as_deref(), Some("2.0.0"));
}
