use crate::support::*;

#[tokio::test]
async fn webhooks_crud() {
    let app = app();
    let c = client(&app, OWNER);
    let list = c.send(&ListWebhooks::new(WS)).await.unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|w| w.token.as_deref().is_some_and(|t| t.starts_with("whsec_"))));

    let reply = c
        .send_reply(&CreateWebhook::new(
            WS,
            "https://example.com/hook",
            vec![WebhookEvent::ProjectCreated, WebhookEvent::ProjectCreated, WebhookEvent::TrackerStarted],
        ))
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.message.as_deref(), Some("Webhook created successfully"));
    let w = reply.data;
    assert_eq!(w.events, vec![WebhookEvent::ProjectCreated, WebhookEvent::TrackerStarted]);
    assert!(w.token.as_deref().is_some_and(|t| t.len() == 38));
    assert_eq!(
        status(&c.send(&CreateWebhook::new(WS, "https://example.com/hook", vec![WebhookEvent::MemberInvited])).await.unwrap_err()),
        409
    );

    let got = c.send(&GetWebhook::new(w.id.clone(), WS)).await.unwrap();
    assert_eq!(got, w);
    let reply = c
        .send_reply(&UpdateWebhook::new(w.id.clone(), WS, "http://127.0.0.1:9/x").events(vec![WebhookEvent::MemberUpdated]))
        .await
        .unwrap();
    assert_eq!(reply.message.as_deref(), Some("Webhook updated successfully"));
    let got = c.send(&GetWebhook::new(w.id.clone(), WS)).await.unwrap();
    assert_eq!(
        (got.url.as_str(), got.events.clone(), got.token.clone()),
        ("http://127.0.0.1:9/x", vec![WebhookEvent::MemberUpdated], w.token.clone())
    );
    let r = call(
        &app,
        OWNER,
        "PUT",
        &format!("/api/v2/webhooks/{}", w.id),
        Some(serde_json::json!({"workspace_id": 1, "url": "https://a.example", "events": []})),
    )
    .await;
    assert_eq!(r.status, 422);
    let r = call(
        &app,
        OWNER,
        "POST",
        "/api/v2/webhooks",
        Some(serde_json::json!({"workspace_id": 1, "url": "https://b.example", "events": ["task.exploded"]})),
    )
    .await;
    assert_eq!(r.status, 422);

    let reply = c.send_reply(&DeleteWebhook::new(w.id.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Webhook deleted successfully"));
    assert_eq!(status(&c.send(&GetWebhook::new(w.id.clone(), WS)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&GetWebhook::new("wh_globex_people", WS)).await.unwrap_err()), 404);
    assert_eq!(status(&client(&app, REGULAR).send(&ListWebhooks::new(WS)).await.unwrap_err()), 403);
}

#[tokio::test]
async fn webhook_lists_default_to_the_reference_page_size_of_50() {
    let app = app();
    let c = client(&app, OWNER);
    for i in 0..55 {
        c.send(&CreateWebhook::new(WS, format!("https://example.com/hook/{i}").as_str(), vec![WebhookEvent::MemberInvited])).await.unwrap();
    }
    let reply = c.send_reply(&ListWebhooks::new(WS)).await.unwrap();
    let p = reply.pagination.unwrap();
    assert_eq!((reply.data.len(), p.per_page, p.total, p.last_page), (50, 50, 57, 2));
}

#[tokio::test]
async fn task_updated_is_a_known_event_that_reads_and_survives_an_update() {
    let app = app();
    let c = client(&app, OWNER);
    // The seeded people webhook carries it, as the reference's own sample does.
    let people = c.send(&GetWebhook::new("wh_demo_people", WS)).await.unwrap();
    assert!(people.events.contains(&WebhookEvent::TaskUpdated), "{:?}", people.events);
    assert!(people.events.iter().all(WebhookEvent::is_known));
    // An update that keeps the events sends task.updated back, and it stays.
    c.send(&UpdateWebhook::new(people.id.clone(), WS, people.url.as_str()).events(people.events.clone())).await.unwrap();
    let again = c.send(&GetWebhook::new("wh_demo_people", WS)).await.unwrap();
    assert_eq!(again.events, people.events);
    // And a task update notifies it (when it fires is inferred).
    let before = count(&app, "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = 'wh_demo_people' AND event = 'task.updated'");
    c.send(&UpdateTask::new(1u64, WS, 1u64).title("Renamed task")).await.unwrap();
    let after = count(&app, "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = 'wh_demo_people' AND event = 'task.updated'");
    assert_eq!(after, before + 1);
}
