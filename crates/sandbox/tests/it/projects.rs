use crate::support::*;

fn ids(list: &[Project]) -> Vec<u64> {
    list.iter().map(|p| p.id).collect()
}

#[tokio::test]
async fn list_filter_and_role_scopes() {
    let app = app();
    let c = client(&app, OWNER);
    let all = c.all(ListProjects::new(WS)).await.unwrap();
    assert_eq!(ids(&all), (1..=10).collect::<Vec<_>>(), "the archived project 11 is left out");
    let web = &all[0];
    assert_eq!(web.name, "Website Redesign");
    assert!(web.tags.iter().any(|t| t.name == "Design" && t.color.as_deref() == Some("#e91e63")));
    assert!(web.contracts_count > 0);
    assert_eq!(web.rate, Some(85.0));
    assert_eq!(web.status, Some(1));

    // Partial, case-insensitive, for every script.
    assert_eq!(ids(&c.send(&ListProjects::new(WS).name("CAFÉ")).await.unwrap()), vec![10]);
    assert_eq!(ids(&c.send(&ListProjects::new(WS).name("app")).await.unwrap()), vec![2]);
    let page = c.send_reply(&ListProjects::new(WS).per_page(3u32).page(4u32)).await.unwrap();
    assert_eq!(ids(&page.data), vec![10]);
    assert_eq!(page.pagination.unwrap().last_page, 4);

    assert_eq!(ids(&client(&app, PM).send(&ListProjects::new(WS)).await.unwrap()), vec![1, 2, 3]);
    let regular = client(&app, REGULAR).send(&ListProjects::new(WS)).await.unwrap();
    assert_eq!(ids(&regular), vec![1, 2]);
    assert!(regular.iter().all(|p| p.rate.is_none() && p.budget_estimation.is_none()), "no rates for the regular user");
    assert_eq!(ids(&client(&app, VIEWER).send(&ListProjects::new(WS)).await.unwrap()), vec![1, 4]);
    let tm = ids(&client(&app, TM).send(&ListProjects::new(WS)).await.unwrap());
    assert!(tm.contains(&1) && tm.contains(&4) && !tm.contains(&9), "{tm:?}");
}

#[tokio::test]
async fn create_get_update_archive() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c
        .send_reply(
            &CreateProject::new(WS, "Nouveau projet")
                .start_date("2026-03-01")
                .deadline("2026-06-30")
                .estimation(120.0)
                .budget(9000.0)
                .is_billable(true)
                .rate(99.0)
                .tags(vec!["Design".to_owned(), "Fresh tag".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Project created successfully"));
    let p = reply.data;
    assert_eq!((p.name.as_str(), p.budget_estimation, p.owner_id, p.contracts_count), ("Nouveau projet", Some(9000.0), 1, 0));
    let tag_names: Vec<&str> = p.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tag_names, vec!["Design", "Fresh tag"]);
    assert!(p.tags.iter().all(|t| t.color.is_some()));
    let design = count(&app, "SELECT COUNT(*) FROM tags WHERE workspace_id = 1 AND name = 'Design'");
    assert_eq!(design, 1, "existing tags are reused");

    let err = c.send(&CreateProject::new(WS, "nouveau projet ")).await.unwrap_err();
    assert_eq!(status(&err), 409, "names are unique per workspace, ignoring case and edges");
    let err = c.send(&CreateProject::new(WS, "Nouveau projet")).await.unwrap_err();
    assert_eq!(status(&err), 409);

    let got = c.send_reply(&GetProject::new(p.id, WS)).await.unwrap();
    assert_eq!(got.message.as_deref(), Some("Project retrieved successfully"));
    assert_eq!(got.data, p);

    let reply =
        c.send_reply(&UpdateProject::new(p.id, WS).name("Renamed project").tags(vec!["Client".to_owned()]).notes("n")).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Project updated successfully"));
    let got = c.send(&GetProject::new(p.id, WS)).await.unwrap();
    assert_eq!((got.name.as_str(), got.notes.as_deref(), got.tags.len()), ("Renamed project", Some("n"), 1));
    assert_eq!(got.deadline.as_deref(), Some("2026-06-30"), "untouched fields are kept");
    // The stored start date still bounds a new deadline.
    let r =
        call(&app, OWNER, "PUT", &format!("/api/v2/projects/{}?workspace_id=1", p.id), Some(serde_json::json!({"deadline": "2026-01-01"})))
            .await;
    assert_eq!(r.status, 422, "{}", r.body);

    let reply = c.send_reply(&DeleteProject::new(p.id, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Project deleted successfully"));
    let got = c.send(&GetProject::new(p.id, WS)).await.unwrap();
    assert!(got.deleted_at.is_some());
    assert_eq!(got.status, Some(0));
    assert!(c.all(ListProjects::new(WS)).await.unwrap().iter().all(|x| x.id != p.id));
    assert_eq!(status(&c.send(&UpdateProject::new(p.id, WS).name("x")).await.unwrap_err()), 404);
    assert_eq!(status(&client(&app, REGULAR).send(&GetProject::new(11u64, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&client(&app, REGULAR).send(&GetProject::new(5u64, WS)).await.unwrap_err()), 403);
}
