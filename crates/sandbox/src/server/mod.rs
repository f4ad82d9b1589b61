//! The HTTP server: state, router and start-up. One module per concern:
//! `api` (the request pipeline; it matches the operation table with `webwork_core::ops::routes`), `params`
//! (validation), `context` (what handlers get), `envelope` (reply bodies), `auth`,
//! `ratelimit`, `cors`, `faults`, `statics`, and `oauth` (the OAuth 2.0 endpoints beside the API).

pub mod api;
pub mod auth;
pub mod context;
pub mod cors;
pub mod envelope;
pub mod faults;
pub mod oauth;
pub mod params;
pub mod ratelimit;
pub mod statics;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::routing::{any, get, post};
use axum::Router;

use crate::config::{Config, Seed};
use crate::ids::IdGen;
use crate::store::{Opened, Store};
use crate::webhooks::{self, Outbox};
use context::Handler;
use ratelimit::RateLimiter;

/// Everything a request may need.
pub struct App {
    pub config: Config,
    pub store: Arc<Store>,
    pub handlers: HashMap<&'static str, Handler>,
    pub limiter: RateLimiter,
    pub outbox: Outbox,
    /// The OpenAPI document, serialised once.
    pub openapi: String,
    pub fault_rng: Mutex<IdGen>,
}

impl App {
    /// Opens (resetting and seeding as configured) the store and starts the webhook task.
    /// Needs a Tokio runtime.
    pub fn new(config: Config) -> Result<Arc<App>, String> {
        if config.reset {
            if let Some(path) = &config.db {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
        }
        let clock = crate::clock::Clock::new(config.today, config.time_of_day);
        let (store, opened) = Store::open(config.db.as_deref(), clock).map_err(|e| format!("cannot open the database: {e}"))?;
        if opened == Opened::Fresh {
            let kind = config.seed;
            let bulk = config.bulk_entries;
            store
                .write(|tx, _| -> rusqlite::Result<()> {
                    match kind {
                        Seed::Demo => crate::seed::demo(tx, clock.today())?,
                        Seed::Empty => crate::seed::empty(tx, clock.today())?,
                    }
                    if bulk > 0 && kind == Seed::Demo {
                        crate::seed::bulk_entries(tx, clock.today(), bulk)?;
                    }
                    tx.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('seed', ?1)",
                        [match kind {
                            Seed::Demo => "demo",
                            Seed::Empty => "empty",
                        }],
                    )?;
                    Ok(())
                })
                .map_err(|e| format!("cannot seed the database: {e}"))?;
        }
        let store = Arc::new(store);
        let outbox = webhooks::start(store.clone(), config.webhook_backoff_ms);
        let openapi = crate::openapi::document().to_string();
        Ok(Arc::new(App {
            limiter: RateLimiter::new(config.rate_limit),
            handlers: crate::handlers::registry(),
            config,
            store,
            outbox,
            openapi,
            fault_rng: Mutex::new(IdGen::from_entropy()),
        }))
    }
}

/// The whole router: the API under /api/v2, its OpenAPI document, OAuth under /oauth, static
/// files; CORS around all.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/v2/openapi.json", get(openapi))
        .route("/api/v2", any(api::handle))
        .route("/api/v2/{*rest}", any(api::handle))
        .route("/oauth/authorize", get(oauth::authorize_page).post(oauth::authorize_decision))
        .route("/oauth/token", post(oauth::token))
        .fallback(statics::serve)
        .layer(axum::middleware::from_fn_with_state(app.clone(), cors::layer))
        .with_state(app)
}

async fn openapi(axum::extract::State(app): axum::extract::State<Arc<App>>) -> axum::response::Response {
    use axum::response::IntoResponse;
    ([(axum::http::header::CONTENT_TYPE, "application/json")], app.openapi.clone()).into_response()
}

/// Binds, prints where everything is, and serves until Ctrl-C.
pub async fn serve(config: Config) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(&config.addr).await.map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let app = App::new(config)?;
    print_banner(&app, &addr.to_string());
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}

fn print_banner(app: &App, addr: &str) {
    let c = &app.config;
    println!("webwork-sandbox listening on http://{addr}");
    println!("  API:      http://{addr}/api/v2");
    println!("  OpenAPI:  http://{addr}/api/v2/openapi.json");
    match &c.db {
        Some(p) => println!("  database: {}", p.display()),
        None => println!("  database: in memory"),
    }
    println!("  now:      {} (the clock runs from here)", app.store.clock.now_iso());
    match c.rate_limit {
        Some(n) => println!("  rate limit: {n} requests per minute per user"),
        None => println!("  rate limit: off"),
    }
    match c.access {
        crate::config::AccessMode::Reference => {
            println!("  access:   reference (workspace operations: owners and executive managers only; --access roles enables the inferred role matrix)")
        }
        crate::config::AccessMode::Roles => println!("  access:   roles (the inferred role matrix of webwork_core::access)"),
    }
    if let Some(dir) = &c.serve {
        println!("  serving:  {} at http://{addr}/", dir.display());
    }
    for (prefix, dir) in &c.mounts {
        println!("  serving:  {} at http://{addr}{prefix}/", dir.display());
    }
    println!("  OAuth:    http://{addr}/oauth/authorize, token URL http://{addr}/oauth/token");
    println!(
        "            client_id {} client_secret {} (redirect_uri: loopback http URLs{})",
        oauth::DEMO_CLIENT_ID,
        oauth::DEMO_CLIENT_SECRET,
        if c.oauth_redirect_uris.is_empty() { String::new() } else { format!(", {}", c.oauth_redirect_uris.join(", ")) }
    );
    println!("            tokens live {} s, refresh tokens {} s", c.access_token_ttl_secs, c.refresh_token_ttl_secs);
    let tokens = crate::seed::tokens(&app.store);
    if !tokens.is_empty() {
        println!("  tokens (Authorization: Bearer <token>):");
        for (token, who) in tokens {
            println!("    {token:<22} {who}");
        }
    }
}
