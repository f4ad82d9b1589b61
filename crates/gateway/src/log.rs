//! Structured access logs: one JSON line per request (method, path without the query, status,
//! duration). Only those fields are ever written, so no token, code, secret or cookie can leak
//! through the log. The sink is swappable so tests can read what was written.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::json;

/// Where log lines go (stdout in the binary; a buffer in tests).
#[derive(Clone)]
pub struct LogSink(Arc<Mutex<Box<dyn Write + Send>>>);

impl LogSink {
    pub fn stdout() -> Self {
        LogSink(Arc::new(Mutex::new(Box::new(std::io::stdout()))))
    }

    pub fn to(writer: Box<dyn Write + Send>) -> Self {
        LogSink(Arc::new(Mutex::new(writer)))
    }

    pub fn line(&self, value: &serde_json::Value) {
        let mut w = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let _ = writeln!(w, "{value}");
        let _ = w.flush();
    }
}

pub async fn access_log(State(sink): State<LogSink>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    // The path only: OAuth callbacks carry the code and state in the query.
    let path = req.uri().path().to_owned();
    let resp = next.run(req).await;
    sink.line(&json!({
        "ts": crate::util::now_iso(),
        "method": method,
        "path": path,
        "status": resp.status().as_u16(),
        "ms": (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
    }));
    resp
}
