//! Typed access to the WebWork Tracker REST API v2.
//!
//! The crate is layered so that everything except the transport is pure and testable natively:
//!
//! * [`access`]: which roles may call which operation (the one table the sandbox enforces).
//! * [`models`]: the resources the API returns, read tolerantly (unknown fields ignored, unknown
//!   enum values kept, numbers that arrive as strings accepted).
//! * [`ops`]: one typed builder per operation, generated from a single table. Each builder turns
//!   into an [`ApiRequest`] without doing I/O and names the type its reply decodes into.
//! * [`envelope`]: the `{success, data, message, meta}` wrapper, pagination, and decoding.
//! * [`error`]: the one error type every face shows to people.
//! * [`client`]: auth, pacing to the 60 requests/minute budget, retries, timeouts, cancellation and
//!   pagination over any [`Transport`]; [`FetchTransport`] is the browser/Node one.
//! * [`cache`]: what a cache in front of the client keeps, how long it stays fresh, what a write drops.
//! * [`confirm`]: whether a create whose answer was lost happened (before offering to send again).
//! * [`pages`]: the one page walker: whether a list has a next page, and its end on a bad server.
//! * [`export`]: a whole list (every page, paced) as CSV or JSON, with progress and cancel.
//! * [`number`]: numbers to and from text without linking `f64`'s formatter and parser.
//! * [`zone`]: the time-zone decision's pure part: a member's zone, ISO stamps with offsets.
//! * `cli` (feature `cli`): the native binaries' flags through clap, one way to report a bad one.

// The models' derived readers name their trait `::webwork_core::models::json::FromJson`.
extern crate self as webwork_core;

pub mod access;
pub mod cache;
#[cfg(feature = "cli")]
pub mod cli;
pub mod client;
pub mod confirm;
pub mod date;
pub mod envelope;
pub mod error;
pub mod export;
pub mod models;
pub mod number;
pub mod ops;
pub mod pages;
pub mod params;
pub mod zone;

#[cfg(target_arch = "wasm32")]
pub use client::fetch::FetchTransport;
pub use client::{
    CancelToken, Client, ClientConfig, Credentials, HttpRequest, HttpResponse, Pacer, RetryPolicy, SharedProvider, Token, TokenFuture,
    TokenProvider, Transport, TransportError,
};
pub use envelope::{Meta, Page, Pagination, Reply};
pub use error::ApiError;
pub use ops::{ApiRequest, Method, OpInfo, Operation, Paginated};

/// The production base URL of API v2.
pub const DEFAULT_BASE_URL: &str = "https://api.webwork-tracker.com/api/v2";
/// The `meta.api_version` every reply of API v2 carries.
pub const API_VERSION: &str = "2.0.0";
