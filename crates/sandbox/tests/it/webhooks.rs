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
