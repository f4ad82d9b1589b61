use crate::support::*;

#[tokio::test]
async fn list_filters_and_visibility() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c.send_reply(&ListContracts::new(WS).project_id(1u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Contracts retrieved successfully"));
    assert!(reply.data.iter().all(|k| k.project_id == 1 && k.project_name.as_deref() == Some("Website Redesign")));
    assert!(reply.data.iter().any(|k| k.user_id == 5));
    let mine = c.send(&ListContracts::new(WS).user_id(5u64)).await.unwrap();
    assert_eq!(mine.iter().map(|k| k.project_id).collect::<Vec<_>>(), vec![1, 2]);
    let k = &mine[0];
    assert_eq!((k.user_firstname.as_deref(), k.user_role.clone()), (Some("Seán"), Some(Role::RegularUser)));
    assert!(k.rate.is_some(), "billable project, owner sees the rate");
    assert!(k.screenshots_label.is_some());
    let paused = c.all(ListContracts::new(WS).status(ContractStatus::Paused)).await.unwrap();
    assert!(paused.iter().all(|k| k.status == ContractStatus::Paused));
    let internal = c.send(&ListContracts::new(WS).project_id(3u64)).await.unwrap();
    assert!(internal.iter().all(|k| k.rate.is_none()), "no rate on a non-billable project");

    let regular = client(&app, REGULAR).all(ListContracts::new(WS)).await.unwrap();
    assert_eq!(regular.len(), 2);
    assert!(regular.iter().all(|k| k.user_id == 5 && k.rate.is_none()));
    let pm = client(&app, PM).all(ListContracts::new(WS)).await.unwrap();
    assert!(pm.iter().all(|k| k.user_id == 3 || [1, 2, 3].contains(&k.project_id)));
    let viewer = client(&app, VIEWER).all(ListContracts::new(WS)).await.unwrap();
    assert!(!viewer.is_empty() && viewer.iter().all(|k| [1, 4].contains(&k.project_id)));
    let other = c.all(ListContracts::new(WS).user_id(33u64)).await.unwrap()[0].id;
    assert_eq!(status(&client(&app, REGULAR).send(&GetContract::new(other, WS)).await.unwrap_err()), 403);
}

#[tokio::test]
async fn create_update_delete() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c
        .send_reply(&CreateContract::new(WS, 9u64, 5u64).weekly_hours_limit(12u64).screenshots(ScreenshotMode::Blurred).rate(44.0))
        .await
        .unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Contract created successfully"));
    let k = reply.data;
    assert_eq!((k.project_id, k.user_id, k.weekly_hours_limit, k.rate, k.rate_type), (9, 5, Some(12), Some(44.0), Some(RateType::Custom)));
    assert_eq!((k.screenshots.as_deref(), k.screenshots_label.as_deref()), (Some("blurred"), Some("Blurred screenshots")));
    assert_eq!(k.status, ContractStatus::Active);

    assert_eq!(status(&c.send(&CreateContract::new(WS, 9u64, 5u64)).await.unwrap_err()), 409);
    assert_eq!(status(&c.send(&CreateContract::new(WS, 9u64, 6u64)).await.unwrap_err()), 422, "viewers have no contracts");
    assert_eq!(status(&c.send(&CreateContract::new(WS, 12u64, 5u64)).await.unwrap_err()), 422, "project of another workspace");
    assert_eq!(status(&c.send(&CreateContract::new(WS, 9u64, 101u64)).await.unwrap_err()), 422, "member of another workspace");

    let got = c.send_reply(&GetContract::new(k.id, WS)).await.unwrap();
    assert_eq!(got.message.as_deref(), Some("Contract retrieved successfully"));
    assert_eq!(got.data, k);

    let reply = c.send_reply(&UpdateContract::new(k.id, WS).status(ContractStatus::Paused).rate(50.0)).await.unwrap();
    // The reference's sample message for an update, as documented (sic).
    assert_eq!(reply.message.as_deref(), Some("Contract retrieved successfully"));
    assert_eq!((reply.data.status.clone(), reply.data.rate), (ContractStatus::Paused, Some(50.0)));
    let back = c.send(&UpdateContract::new(k.id, WS).status(ContractStatus::Active)).await.unwrap();
    assert_eq!(back.status, ContractStatus::Active);
    assert_eq!(back.weekly_hours_limit, Some(12));

    let reply = c.send_reply(&DeleteContract::new(k.id, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Contract deleted successfully"));
    assert_eq!(status(&c.send(&GetContract::new(k.id, WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&DeleteContract::new(k.id, WS)).await.unwrap_err()), 404);
    // A deleted contract frees the pair for a new one.
    c.send(&CreateContract::new(WS, 9u64, 5u64)).await.unwrap();
}
