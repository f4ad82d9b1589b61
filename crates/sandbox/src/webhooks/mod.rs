//! Webhook delivery. An event recorded by a handler (`Ctx::emit`) becomes one row per
//! subscribed webhook in `webhook_deliveries`, inside the handler's transaction (an outbox).
//! After commit the dispatcher hands the row ids to a background task that POSTs the payload
//! `{event, workspace_id, occurred_at, data}` (`webwork_core::models::WebhookDelivery`, our own
//! shape: the reference documents none) with `X-Webhook-Token` and `X-Webhook-Event`, retrying
//! with exponential backoff. Rows still pending at start (a crash mid-retry) are sent again.

mod http;

use std::sync::Arc;
use std::time::Duration;

use rusqlite::{params, Connection};
use serde_json::Value;
use tokio::sync::mpsc;
use webwork_core::models::{WebhookDelivery, WebhookEvent};

use crate::store::Store;

/// How many times a delivery is tried before it is marked failed.
pub const MAX_ATTEMPTS: u32 = 5;

/// Hands committed deliveries to the delivery task.
#[derive(Clone)]
pub struct Outbox {
    tx: mpsc::UnboundedSender<i64>,
}

impl Outbox {
    pub fn send(&self, ids: impl IntoIterator<Item = i64>) {
        for id in ids {
            let _ = self.tx.send(id);
        }
    }
}

/// Records deliveries of `event` to every webhook of workspace `ws` subscribed to it; returns
/// their ids. Runs inside the caller's transaction.
pub fn enqueue(db: &Connection, ws: i64, event: &WebhookEvent, data: Value, now_ms: i64) -> rusqlite::Result<Vec<i64>> {
    let occurred_at = crate::clock::iso(now_ms);
    let payload = WebhookDelivery { event: event.clone(), workspace_id: ws as u64, occurred_at: occurred_at.clone(), data };
    let payload = serde_json::to_string(&payload).unwrap_or_default();
    let hooks: Vec<(String, String, String, String)> = {
        let mut stmt = db.prepare_cached("SELECT id, url, token, events FROM webhooks WHERE workspace_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([ws], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut ids = Vec::new();
    for (id, url, token, events) in hooks {
        let subscribed = serde_json::from_str::<Vec<String>>(&events).unwrap_or_default();
        if !subscribed.iter().any(|e| e == event.as_str()) {
            continue;
        }
        db.prepare_cached(
            "INSERT INTO webhook_deliveries (webhook_id, workspace_id, event, url, token, payload, status, attempts, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7)",
        )?
        .execute(params![id, ws, event.as_str(), url, token, payload, occurred_at])?;
        ids.push(db.last_insert_rowid());
    }
    Ok(ids)
}

/// Starts the delivery task (needs a Tokio runtime) and re-queues deliveries left pending.
/// `backoff_ms` is the first retry delay; each later one doubles it (0.5 s, 1 s, 2 s, 4 s).
pub fn start(store: Arc<Store>, backoff_ms: u64) -> Outbox {
    let (tx, mut rx) = mpsc::unbounded_channel::<i64>();
    let pending: Vec<i64> = {
        let db = store.lock();
        db.conn
            .prepare("SELECT id FROM webhook_deliveries WHERE status = 'pending' ORDER BY id")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_default()
    };
    for id in pending {
        let _ = tx.send(id);
    }
    tokio::spawn(async move {
        while let Some(id) = rx.recv().await {
            // One task per delivery, so a slow receiver does not hold up the others.
            tokio::spawn(deliver(store.clone(), id, backoff_ms));
        }
    });
    Outbox { tx }
}

struct Job {
    url: String,
    token: String,
    event: String,
    payload: String,
}

async fn deliver(store: Arc<Store>, id: i64, backoff_ms: u64) {
    let s = store.clone();
    let job = tokio::task::spawn_blocking(move || {
        let db = s.lock();
        db.conn
            .query_row("SELECT url, token, event, payload FROM webhook_deliveries WHERE id = ?1 AND status = 'pending'", [id], |r| {
                Ok(Job { url: r.get(0)?, token: r.get(1)?, event: r.get(2)?, payload: r.get(3)? })
            })
            .ok()
    })
    .await
    .ok()
    .flatten();
    let Some(job) = job else { return };

    if !job.url.starts_with("http://") {
        eprintln!("webwork-sandbox: webhook {} to {} not sent: the sandbox delivers to http:// URLs only", job.event, job.url);
        record(&store, id, "undeliverable", 0, None, Some("https is not delivered by the sandbox".into())).await;
        return;
    }
    let headers = [
        ("Content-Type", "application/json"),
        ("User-Agent", "webwork-sandbox"),
        ("X-Webhook-Token", job.token.as_str()),
        ("X-Webhook-Event", job.event.as_str()),
    ];
    for attempt in 1..=MAX_ATTEMPTS {
        let outcome = http::post(&job.url, &headers, job.payload.as_bytes(), Duration::from_secs(5)).await;
        match outcome {
            Ok(status) if (200..300).contains(&status) => {
                record(&store, id, "delivered", attempt, Some(status), None).await;
                return;
            }
            Ok(status) => record(&store, id, "pending", attempt, Some(status), Some(format!("HTTP {status}"))).await,
            Err(e) => record(&store, id, "pending", attempt, None, Some(e)).await,
        }
        if attempt < MAX_ATTEMPTS {
            tokio::time::sleep(Duration::from_millis(backoff_ms << (attempt - 1))).await;
        }
    }
    eprintln!("webwork-sandbox: webhook {} to {} failed after {MAX_ATTEMPTS} attempts", job.event, job.url);
    record(&store, id, "failed", MAX_ATTEMPTS, None, None).await;
}

async fn record(store: &Arc<Store>, id: i64, status: &'static str, attempts: u32, code: Option<u16>, error: Option<String>) {
    let store = store.clone();
    let _ = tokio::task::spawn_blocking(move || {
        let now = store.clock.now_iso();
        store.write(|tx, _| {
            tx.execute(
                "UPDATE webhook_deliveries SET status = ?2, attempts = MAX(attempts, ?3),
                 last_status = COALESCE(?4, last_status), last_error = COALESCE(?5, last_error), updated_at = ?6 WHERE id = ?1",
                params![id, status, attempts, code, error, now],
            )
        })
    })
    .await;
}
