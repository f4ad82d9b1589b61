//! Operation handlers, one module per resource. Each module exposes
//! `pub fn handlers() -> Vec<(&'static str, Handler)>` (operation id -> handler); `registry`
//! concatenates them. An operation without a handler answers 501 ("Not implemented in the
//! sandbox yet"); `tests/progress.rs` prints which ones are left.
//!
//! A handler is a plain function over the request context, run inside one transaction:
//!
//! ```ignore
//! use super::prelude::*;
//!
//! pub fn handlers() -> Vec<(&'static str, Handler)> {
//!     vec![("getLeavePolicies", list_policies)]
//! }
//!
//! fn list_policies(ctx: &mut Ctx) -> Result<Reply, HttpError> {
//!     let mut stmt = ctx.db.prepare("SELECT id, name FROM leave_policies WHERE workspace_id = ?1")?;
//!     let rows = stmt.query_map([ctx.ws_id()], |r| Ok(json!({"id": r.get::<_, i64>(0)?, "name": r.get::<_, String>(1)?})))?;
//!     Ok(Reply::data(rows.collect::<rusqlite::Result<Vec<_>>>()?))
//! }
//! ```

use std::collections::HashMap;

use crate::server::context::Handler;

mod common;

mod contracts;
mod members;
mod projects;
mod tasks;
mod viewers;
mod webhooks;
mod workspaces;

mod expenses;
mod leaves;
mod reports;
mod time_entries;
mod time_requests;
mod timesheets;
mod tracking;

/// What a handler module needs, in one import: `use super::prelude::*;`.
pub mod prelude {
    pub use super::common::*;
    pub use crate::clock::{self, iso};
    pub use crate::server::context::{Ctx, Handler};
    pub use crate::server::envelope::{HttpError, Reply};
    pub use crate::store::visibility::Scope;
    pub use crate::store::{lookup, optional, placeholders};
    pub use rusqlite::{params, params_from_iter, OptionalExtension};
    pub use serde_json::{json, Value};
    pub use webwork_core::date::CivilDate;
    pub use webwork_core::models::*;
}

/// Every module's handlers, by operation id.
pub fn registry() -> HashMap<&'static str, Handler> {
    let lists = [
        workspaces::handlers(),
        members::handlers(),
        projects::handlers(),
        contracts::handlers(),
        tasks::handlers(),
        viewers::handlers(),
        webhooks::handlers(),
        tracking::handlers(),
        time_entries::handlers(),
        timesheets::handlers(),
        time_requests::handlers(),
        leaves::handlers(),
        expenses::handlers(),
        reports::handlers(),
    ];
    let mut map = HashMap::new();
    for (id, handler) in lists.into_iter().flatten() {
        assert!(webwork_core::ops::find(id).is_some(), "handler for unknown operation {id}");
        assert!(map.insert(id, handler).is_none(), "two handlers for {id}");
    }
    map
}

/// Operation ids that still answer 501.
pub fn unimplemented() -> Vec<&'static str> {
    let map = registry();
    webwork_core::ops::CATALOG.iter().map(|op| op.id).filter(|id| !map.contains_key(id)).collect()
}
