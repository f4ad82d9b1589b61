//! Webhook delivery to a local receiver: the event's payload with the webhook's token, and a
//! retry after a first failing delivery.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use crate::support::*;

/// One received POST: (headers in lower case, body).
type Received = (Vec<(String, String)>, serde_json::Value);

/// A receiver that answers 500 to the first request and 200 afterwards.
async fn receiver() -> (u16, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut served = 0;
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let (head_end, length) = loop {
                let n = sock.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break (None, 0);
                }
                buf.extend_from_slice(&chunk[..n]);
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..i]).to_string();
                    let len = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    break (Some(i + 4), len);
                }
            };
            let Some(start) = head_end else { continue };
            while buf.len() < start + length {
                let n = sock.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            let head = String::from_utf8_lossy(&buf[..start]).to_string();
            let headers = head
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned())))
                .collect();
            let body = serde_json::from_slice(&buf[start..]).unwrap_or(serde_json::Value::Null);
            served += 1;
            let status = if served == 1 { "500 Internal Server Error" } else { "200 OK" };
            let _ = sock.write_all(format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes()).await;
            let _ = tx.send((headers, body));
        }
    });
    (port, rx)
}

async fn wait(rx: &mut mpsc::UnboundedReceiver<Received>) -> Received {
    tokio::time::timeout(Duration::from_secs(10), rx.recv()).await.expect("a delivery arrives").unwrap()
}

fn header<'a>(h: &'a [(String, String)], name: &str) -> Option<&'a str> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn deliveries_carry_the_token_and_are_retried() {
    let app = app();
    let (port, mut rx) = receiver().await;
    let c = client(&app, OWNER);
    let hook = c
        .send(&CreateWebhook::new(
            WS,
            format!("http://127.0.0.1:{port}/hook").as_str(),
            vec![WebhookEvent::ProjectCreated, WebhookEvent::MemberInvited],
        ))
        .await
        .unwrap();
    let project = c.send(&CreateProject::new(WS, "Hooked project")).await.unwrap();

    let first = wait(&mut rx).await;
    let second = wait(&mut rx).await;
    for (headers, body) in [&first, &second] {
        assert_eq!(header(headers, "x-webhook-token"), hook.token.as_deref());
        assert_eq!(header(headers, "x-webhook-event"), Some("project.created"));
        assert_eq!(header(headers, "content-type"), Some("application/json"));
        let delivery: WebhookDelivery = serde_json::from_value(body.clone()).unwrap();
        assert_eq!((delivery.event, delivery.workspace_id), (WebhookEvent::ProjectCreated, 1));
        assert_eq!(delivery.data["id"], project.id);
        assert_eq!(delivery.data["name"], "Hooked project");
        assert!(delivery.occurred_at.ends_with('Z'));
    }
    // The log shows the retry.
    let mut delivered = false;
    for _ in 0..50 {
        let n = count(&app, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered' AND attempts = 2 AND event = 'project.created' AND url LIKE 'http://127.0.0.1:%'");
        if n == 1 {
            delivered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(delivered, "the delivery log records two attempts");

    // A refused write notifies nobody; an invite does.
    assert!(c.send(&CreateProject::new(WS, "Hooked project")).await.is_err());
    c.send(&InviteMember::new(WS, "hooked@example.com", "Hoo", "Ked", Role::RegularUser)).await.unwrap();
    let (headers, body) = wait(&mut rx).await;
    assert_eq!(header(&headers, "x-webhook-event"), Some("member.invited"));
    assert_eq!(body["data"]["email"], "hooked@example.com");
    // Nothing else is sent, proven without waiting: every delivery is a row written in its write's
    // transaction, and this URL has two (the project's, retried once, and the invite's); the
    // invite's is logged as delivered at its first attempt, so it is not sent again.
    let hooked = "url LIKE 'http://127.0.0.1:%'";
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM webhook_deliveries WHERE {hooked}")), 2, "the refused write queued nothing");
    let invite_logged = format!(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE {hooked} AND event = 'member.invited' AND status = 'delivered' AND attempts = 1"
    );
    for _ in 0..250 {
        if count(&app, &invite_logged) == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(count(&app, &invite_logged), 1, "the invite's delivery is logged as done");
    assert!(rx.try_recv().is_err(), "nothing else arrived");
    // The demo webhooks use https URLs: logged as undeliverable, never sent.
    for _ in 0..50 {
        if count(&app, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'undeliverable'") >= 2 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("https deliveries were not marked undeliverable");
}
