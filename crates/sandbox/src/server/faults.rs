//! Fault injection for API requests (`--latency`, `--fail-rate`): a fixed delay, and a share of
//! requests answered with 503 or with a connection dropped mid-answer. Never applied to
//! preflight or static files (the router only calls this for `/api/v2`).

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::response::Response;

use super::envelope::HttpError;
use super::App;

/// `Some(reply)` when this request is chosen to fail.
pub async fn inject(app: &Arc<App>, timestamp: &str) -> Option<Response> {
    if app.config.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(app.config.latency_ms)).await;
    }
    if app.config.fail_rate <= 0.0 {
        return None;
    }
    let (fail, drop_connection) = {
        let mut rng = app.fault_rng.lock().unwrap_or_else(|e| e.into_inner());
        (rng.chance(app.config.fail_rate), rng.next_u64() & 1 == 1)
    };
    if !fail {
        return None;
    }
    if drop_connection {
        // A body that fails: the server aborts the connection after the head, so the client
        // sees a broken answer, as with a network fault.
        let stream = futures_util::stream::once(async {
            Err::<Bytes, std::io::Error>(std::io::Error::other("injected connection drop (--fail-rate)"))
        });
        return Some(Response::new(Body::from_stream(stream)));
    }
    Some(HttpError::new(503, "The sandbox injected a failure (--fail-rate). Try again.").into_response_at(timestamp))
}
