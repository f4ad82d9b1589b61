//! webwork-sandbox: a faithful local emulator of the WebWork Tracker REST API v2 on axum and
//! SQLite, with a deterministic demo seed, generated routing and OpenAPI document, roles,
//! rate limiting, CORS, webhooks and fault injection. See SANDBOX.md.
//!
//! * [`server`]: the HTTP side (pipeline, validation, request context, envelope), and the OAuth 2.0
//!   emulation (`server::oauth`: the authorization page and the token endpoint).
//! * [`handlers`]: one module per resource; each contributes `(operation id, handler)` pairs.
//! * [`store`]: SQLite (schema in `store/schema.sql`), lookups and role visibility.
//! * [`roles`]: the one table of who may call what under `--access roles` (the default,
//!   `--access reference`, admits owners and executive managers only).
//! * [`seed`]: the demo data. [`openapi`]: the document. [`webhooks`]: delivery.
//! * [`zone`]: members' wall clocks (the time-zone decision, inferred).
//! * [`testing`]: an in-process `Transport` so `webwork_core::Client` can drive the sandbox.

pub mod clock;
pub mod config;
pub mod handlers;
pub mod ids;
pub mod openapi;
pub mod roles;
pub mod seed;
pub mod server;
pub mod store;
pub mod testing;
pub mod webhooks;
pub mod zone;

pub use config::Config;
pub use server::{router, App};
