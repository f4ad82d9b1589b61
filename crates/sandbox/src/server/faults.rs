//! Fault injection for API requests (`--latency`, `--fail-rate`, `--fail-after-commit`): a fixed
//! delay, a share of requests answered with 503 or with a connection dropped mid-answer before
//! anything ran, and a share of successful writes whose answer is lost after their commit. Never
//! applied to preflight or static files (the router only calls this for `/api/v2`).

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::response::Response;
use futures_util::StreamExt;

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
        return Some(dropped_connection("injected connection drop (--fail-rate)"));
    }
    Some(HttpError::new(503, "The sandbox injected a failure (--fail-rate). Try again.").into_response_at(timestamp))
}

/// `--fail-after-commit`: whether the answer of this write, already committed, is to be lost.
/// Only successful writes are chosen: a refused one changed nothing, so losing its answer would
/// not be ambiguous.
pub fn lose_committed_answer(app: &App, is_write: bool, status: u16) -> bool {
    let p = app.config.fail_after_commit;
    if p <= 0.0 || !is_write || !(200..300).contains(&status) {
        return false;
    }
    app.fault_rng.lock().unwrap_or_else(|e| e.into_inner()).chance(p)
}

/// The answer of a committed write, cut off: its head and half its body go out, then the
/// connection drops, so the client has no answer it can read. Not before the head: a browser
/// sends a request again by itself (a POST too) when a reused connection closes before any byte
/// of the answer, taking it for a stale keep-alive connection, and the fault would turn into a
/// duplicate write the page never asked for.
pub async fn cut_off(resp: Response) -> Response {
    let (mut parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let half = Bytes::copy_from_slice(&bytes[..bytes.len() / 2]);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let stream = futures_util::stream::iter([Ok(half)]).chain(futures_util::stream::once(async {
        // Long enough for the head and the first half to be flushed before the drop.
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err::<Bytes, std::io::Error>(std::io::Error::other("answer dropped after the commit (--fail-after-commit)"))
    }));
    Response::from_parts(parts, Body::from_stream(stream))
}

/// A reply whose body fails at once: hyper gives up on the connection before it has flushed the
/// head, so the client sees the connection close with no status at all, as with a network fault.
pub fn dropped_connection(reason: &'static str) -> Response {
    let stream = futures_util::stream::once(async move { Err::<Bytes, std::io::Error>(std::io::Error::other(reason)) });
    Response::new(Body::from_stream(stream))
}
