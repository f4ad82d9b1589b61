//! Shared test helpers.

#![allow(dead_code)]

use std::sync::Arc;

pub use webwork_core::models::*;
pub use webwork_core::ops::*;
pub use webwork_core::{ApiError, Client};
pub use webwork_sandbox::testing::{self, raw, InProcess, RawResponse};
pub use webwork_sandbox::App;

pub const WS: u64 = 1;
pub const OTHER_WS: u64 = 2;

/// Demo tokens by role, with their user ids.
pub const OWNER: &str = "demo-owner";
pub const EXEC: &str = "demo-executive";
pub const PM: &str = "demo-project-manager";
pub const TM: &str = "demo-team-manager";
pub const REGULAR: &str = "demo-regular";
pub const VIEWER: &str = "demo-viewer";
pub const OTHER_OWNER: &str = "demo-other-owner";

pub fn app() -> Arc<App> {
    testing::demo_app()
}

pub fn client(app: &Arc<App>, token: &str) -> Client<InProcess> {
    testing::client(app, token)
}

/// The HTTP status of an error (0 for errors without one).
pub fn status(e: &ApiError) -> u16 {
    e.status().unwrap_or(0)
}

/// Runs one SQL count against the sandbox's database.
pub fn count(app: &Arc<App>, sql: &str) -> i64 {
    let db = app.store.lock();
    db.conn.query_row(sql, [], |r| r.get(0)).expect("count query")
}

/// A raw JSON request as `token`.
pub async fn call(app: &Arc<App>, token: &str, method: &str, path: &str, body: Option<serde_json::Value>) -> RawResponse {
    let body = body.map(|b| b.to_string());
    raw(app, method, path, Some(token), body.as_deref(), &[]).await
}
