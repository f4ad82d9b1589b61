use crate::support::*;

#[tokio::test]
async fn viewers_lifecycle() {
    let app = app();
    let c = client(&app, OWNER);
    let list = c.send(&ListProjectViewers::new(WS)).await.unwrap();
    assert_eq!(list.iter().map(|v| v.id).collect::<Vec<_>>(), vec![6, 11, 12, 40]);
    let zoe = &list[0];
    assert_eq!(zoe.projects.iter().map(|p| p.project_id).collect::<Vec<_>>(), vec![1, 4]);
    assert!(zoe.member_since.is_some());
    assert_eq!(c.send(&ListProjectViewers::new(WS).email("viewer@acme.test")).await.unwrap().len(), 1);

    let reply = c.send_reply(&CreateProjectViewer::new(WS, "client@customer.example", "Cliente", "Ñandú")).await.unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Project viewer created successfully"));
    let v = reply.data;
    assert_eq!((v.firstname.as_str(), v.status.clone(), v.projects.len()), ("Cliente", Some(MemberStatus::Inactive), 0));
    assert_eq!(status(&c.send(&CreateProjectViewer::new(WS, "client@customer.example", "A", "B")).await.unwrap_err()), 409);
    assert_eq!(status(&c.send(&CreateProjectViewer::new(WS, "regular@acme.test", "A", "B")).await.unwrap_err()), 409);

    let reply = c.send_reply(&AssignProjectToViewer::new(v.id, WS, 2u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Project assigned to viewer successfully"));
    c.send(&AssignProjectToViewer::new(v.id, WS, 2u64)).await.expect("idempotent");
    c.send(&AssignProjectToViewer::new(v.id, WS, 3u64)).await.unwrap();
    let got = c.send_reply(&GetProjectViewer::new(v.id, WS)).await.unwrap();
    assert_eq!(got.message.as_deref(), Some("Project viewer retrieved successfully"));
    assert_eq!(got.data.projects.iter().map(|p| p.project_name.as_str()).collect::<Vec<_>>(), vec!["Mobile App", "Internal Tools"]);
    assert_eq!(status(&c.send(&AssignProjectToViewer::new(v.id, WS, 12u64)).await.unwrap_err()), 422);

    let reply = c.send_reply(&UnassignProjectFromViewer::new(v.id, WS, 2u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Project unassigned from viewer successfully"));
    assert_eq!(c.send(&GetProjectViewer::new(v.id, WS)).await.unwrap().projects.len(), 1);

    let reply = c.send_reply(&DeleteProjectViewer::new(v.id, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Project viewer deleted successfully"));
    assert!(c.send(&GetProjectViewer::new(v.id, WS)).await.unwrap().deleted_at.is_some());
    assert!(c.send(&ListProjectViewers::new(WS)).await.unwrap().iter().all(|x| x.id != v.id));
    assert_eq!(status(&c.send(&AssignProjectToViewer::new(v.id, WS, 2u64)).await.unwrap_err()), 422, "archived viewer");
    let reply = c.send_reply(&RestoreProjectViewer::new(v.id, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Project viewer restored successfully"));
    assert!(c.send(&GetProjectViewer::new(v.id, WS)).await.unwrap().deleted_at.is_none());

    assert_eq!(status(&c.send(&GetProjectViewer::new(5u64, WS)).await.unwrap_err()), 404, "a member who is not a viewer");
    assert_eq!(status(&client(&app, PM).send(&GetProjectViewer::new(6u64, WS)).await.map(|_| ()).unwrap_err_or_ok()), 200);
}

/// `Result<(), ApiError>` -> 200 or the error's status.
trait StatusOf {
    fn unwrap_err_or_ok(self) -> ApiError;
}

impl StatusOf for Result<(), ApiError> {
    fn unwrap_err_or_ok(self) -> ApiError {
        match self {
            Ok(()) => ApiError::Http { status: 200, message: String::new() },
            Err(e) => e,
        }
    }
}
