use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn list_filters_and_pagination() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c.send_reply(&ListMembers::new(WS)).await.unwrap();
    let p = reply.pagination.unwrap();
    // 46 members, two archived ones left out by default.
    assert_eq!((p.total, p.per_page, p.last_page, p.from, p.to), (44, 20, 3, Some(1), Some(20)));
    assert_eq!(reply.data.len(), 20);
    assert_eq!(reply.data[0].id, 1);

    let all = c.all(ListMembers::new(WS)).await.unwrap();
    assert_eq!(all.len(), 44);
    assert!(all.iter().all(|m| m.deleted_at.is_none()));
    // Hostile and international names come back as stored.
    assert!(all.iter().any(|m| m.firstname == "<img src=x onerror=alert(1)>"));
    assert!(all.iter().any(|m| m.lastname == "O'Brien" && m.firstname == "Seán"));
    assert!(all.iter().any(|m| m.firstname == "伟" && m.lastname == "李"));

    let inactive = c.send(&ListMembers::new(WS).status(MemberStatus::Inactive)).await.unwrap();
    assert_eq!(inactive.iter().map(|m| m.id).collect::<Vec<_>>(), vec![41, 42]);
    // A status filter includes archived members with that status.
    let active = c.all(ListMembers::new(WS).status(MemberStatus::Active)).await.unwrap();
    assert!(active.iter().any(|m| m.id == 45 && m.deleted_at.is_some()));
    let viewers = c.send(&ListMembers::new(WS).role(Role::ProjectViewer)).await.unwrap();
    assert_eq!(viewers.iter().map(|m| m.id).collect::<Vec<_>>(), vec![6, 11, 12, 40]);
    let by_email = c.send(&ListMembers::new(WS).email("REGULAR@acme.test")).await.unwrap();
    assert_eq!(by_email.len(), 1);
    assert_eq!(by_email[0].id, 5);
    assert_eq!(by_email[0].team_name.as_deref(), Some("Design"));
    assert!(by_email[0].rate.is_some(), "owners see rates");
}

#[tokio::test]
async fn get_member_and_role_filtering() {
    let app = app();
    let reply = client(&app, OWNER).send_reply(&GetMember::new(5u64, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Member retrieved successfully"));
    assert_eq!(reply.data.email, "regular@acme.test");
    assert_eq!(reply.data.current_role, Role::RegularUser);

    // A regular user sees only themselves, without rates.
    let regular = client(&app, REGULAR);
    let list = regular.send(&ListMembers::new(WS)).await.unwrap();
    assert_eq!(list.iter().map(|m| m.id).collect::<Vec<_>>(), vec![5]);
    assert_eq!(list[0].rate, None);
    let err = regular.send(&GetMember::new(1u64, WS)).await.unwrap_err();
    assert_eq!(status(&err), 403);

    // A team manager sees their team; a project manager the people on managed projects.
    let team = client(&app, TM).all(ListMembers::new(WS)).await.unwrap();
    let ids: Vec<u64> = team.iter().map(|m| m.id).collect();
    assert!(ids.contains(&4) && ids.contains(&5) && ids.contains(&13) && !ids.contains(&21), "{ids:?}");
    let pm = client(&app, PM).all(ListMembers::new(WS)).await.unwrap();
    assert!(pm.iter().any(|m| m.id == 5) && pm.iter().all(|m| m.id != 33));
    assert!(pm.iter().any(|m| m.rate.is_some()), "rate_status 1 lets the PM see rates");

    let err = client(&app, OWNER).send(&GetMember::new(999u64, WS)).await.unwrap_err();
    assert_eq!(status(&err), 404);
}

#[tokio::test]
async fn get_member_checks_the_role_before_the_id_exists() {
    let app = app();
    let regular = client(&app, REGULAR);
    // A role that may not read member 1 gets the same 403 for an id that does not exist:
    // nothing to learn by probing ids.
    let hidden = regular.send(&GetMember::new(1u64, WS)).await.unwrap_err();
    let missing = regular.send(&GetMember::new(999u64, WS)).await.unwrap_err();
    assert_eq!((status(&hidden), status(&missing)), (403, 403));
    assert_eq!(hidden.to_string(), missing.to_string());
}

#[tokio::test]
async fn invite_update_archive_restore() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c.send_reply(&InviteMember::new(WS, "new.person@example.com", "Nouvelle", "Personne", Role::ProjectManager)).await.unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Member invited successfully"));
    let id = reply.data.user_id;
    assert!(reply.data.invitation_link.starts_with("https://"));
    let m = c.send(&GetMember::new(id, WS)).await.unwrap();
    assert_eq!(
        (m.firstname.as_str(), m.current_role.clone(), m.status.clone()),
        ("Nouvelle", Role::ProjectManager, MemberStatus::Inactive)
    );

    // The same e-mail again: conflict, nothing written.
    let before = count(&app, "SELECT COUNT(*) FROM memberships");
    let err = c.send(&InviteMember::new(WS, "NEW.person@example.com", "X", "Y", Role::RegularUser)).await.unwrap_err();
    assert_eq!(status(&err), 409);
    // Owner cannot be assigned: the client refuses before sending, the server as well.
    let err = c.send(&InviteMember::new(WS, "someone@example.com", "X", "Y", Role::Owner)).await.unwrap_err();
    assert_eq!((err.kind(), err.field()), ("invalid_request", Some("role")), "{err}");
    let body = json!({"workspace_id": 1, "email": "someone@example.com", "firstname": "X", "lastname": "Y", "role": "Owner"});
    assert_eq!(call(&app, OWNER, "POST", "/api/v2/members", Some(body)).await.status, 422);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM memberships"), before);

    // An existing person of another workspace joins as the same user.
    let r = c.send(&InviteMember::new(WS, "hank.scorpio@globex.test", "H", "S", Role::RegularUser)).await.unwrap();
    assert_eq!(r.user_id, 101);

    let reply = c
        .send_reply(
            &UpdateMember::new(id, WS)
                .firstname("Renamed")
                .role(Role::TeamManager)
                .weekly_hours_limit(25u64)
                .rate_status(RateStatus::Visible),
        )
        .await
        .unwrap();
    assert_eq!(reply.message.as_deref(), Some("Member updated successfully"));
    let m = c.send(&GetMember::new(id, WS)).await.unwrap();
    assert_eq!((m.firstname.as_str(), m.current_role.clone(), m.weekly_hours_limit), ("Renamed", Role::TeamManager, Some(25)));
    assert_eq!(m.rate_status, Some(RateStatus::Visible));
    let err = c.send(&UpdateMember::new(1u64, WS).role(Role::RegularUser)).await.unwrap_err();
    assert_eq!(status(&err), 422, "the owner's role is fixed");
    // A duplicate e-mail is a validation failure (422, Laravel's message), never 409.
    let r =
        call(&app, OWNER, "PUT", &format!("/api/v2/members/{id}"), Some(json!({"workspace_id": 1, "email": "regular@acme.test"}))).await;
    assert_eq!((r.status, r.body["message"].as_str()), (422, Some("The email has already been taken.")));

    let reply = c.send_reply(&DeleteMember::new(id, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Member deleted successfully"));
    let m = c.send(&GetMember::new(id, WS)).await.unwrap();
    assert!(m.deleted_at.is_some());
    assert_eq!(m.status, MemberStatus::Inactive, "archiving keeps the status");
    assert!(c.all(ListMembers::new(WS)).await.unwrap().iter().all(|m| m.id != id));
    c.send(&DeleteMember::new(id, WS)).await.expect("archiving twice is fine");

    let reply = c.send_reply(&RestoreMember::new(id, WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Member restored successfully"));
    assert!(c.send(&GetMember::new(id, WS)).await.unwrap().deleted_at.is_none());

    assert_eq!(status(&c.send(&DeleteMember::new(1u64, WS)).await.unwrap_err()), 422, "the owner cannot be archived");
    assert_eq!(status(&c.send(&DeleteMember::new(999u64, WS)).await.unwrap_err()), 404);
}

#[tokio::test]
async fn archived_member_loses_access() {
    let app = app();
    let owner = client(&app, OWNER);
    owner.send(&DeleteMember::new(5u64, WS)).await.unwrap();
    let err = client(&app, REGULAR).send(&ListMembers::new(WS)).await.unwrap_err();
    assert_eq!(status(&err), 403);
    assert!(client(&app, REGULAR).send(&ListWorkspaces::new()).await.unwrap().is_empty());
    owner.send(&RestoreMember::new(5u64, WS)).await.unwrap();
    assert_eq!(client(&app, REGULAR).send(&ListMembers::new(WS)).await.unwrap().len(), 1);
}

#[tokio::test]
async fn update_refuses_a_time_zone_that_does_not_exist() {
    let app = app();
    let c = client(&app, OWNER);
    let err = c.send(&UpdateMember::new(20u64, WS).timezone("Mars/Base")).await.unwrap_err();
    assert_eq!(status(&err), 422);
    assert_eq!(err.field(), Some("timezone"), "{err}");
    assert!(err.to_string().contains("valid timezone"), "{err}");
    // Nothing was stored; a real zone is accepted.
    let before = c.send(&GetMember::new(20u64, WS)).await.unwrap();
    assert_ne!(before.timezone.as_deref(), Some("Mars/Base"));
    c.send(&UpdateMember::new(20u64, WS).timezone("America/Argentina/Buenos_Aires")).await.unwrap();
    let after = c.send(&GetMember::new(20u64, WS)).await.unwrap();
    assert_eq!(after.timezone.as_deref(), Some("America/Argentina/Buenos_Aires"));
}
