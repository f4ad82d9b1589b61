//! Widget service mode: credential-less reads of an allow-list of GET operations answered with
//! the gateway's own service token, through a shared cache (freshness per operation), with
//! identical concurrent misses joined into one upstream call, an upstream pacer (the API's 60 a
//! minute), a stale answer rather than a 429 when that budget is spent, and a per-visitor share
//! of cache misses. The service token is only ever put on the upstream request.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use futures_util::future::{BoxFuture, FutureExt, Shared};
use webwork_core::client::Pacer;
use webwork_core::ops::OpInfo;

use crate::config::ServiceCredentials;
use crate::oauth::{token_call, TokenError};
use crate::proxy::{self, UpstreamError};
use crate::util::{envelope, unix_now};
use crate::Gateway;

/// The GET operations the five widgets make (crates/widgets/src).
pub const WIDGET_READS: &[&str] = &[
    "getCurrentTrackerData",
    "getMembers",
    "getProjects",
    "getContracts",
    "getTasks",
    "getTimesheets",
    "getTimeRequests",
    "getLeaves",
    "getTrackedHoursReport",
];

/// Freshness of a cached answer when `--cache-ttl` does not say.
pub fn default_ttl(op: &str) -> Duration {
    Duration::from_secs(match op {
        "getCurrentTrackerData" => 30,
        "getMembers" | "getMember" | "getProjects" | "getProject" | "getContracts" | "getContract" | "getTasks" | "getTask" => 300,
        o if o.ends_with("Report") => 300,
        "getLeaves" | "getLeaveBalances" | "getLeavePolicies" => 120,
        _ => 60,
    })
}

const MAX_ENTRIES: usize = 10_000;

/// An answer of the API kept for everyone.
#[derive(Debug, Clone)]
pub struct Cached {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Bytes,
    at: Instant,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Failure {
    Upstream(UpstreamError),
    /// The token could not be obtained.
    NoToken,
}

type Flight = Shared<BoxFuture<'static, Result<(Arc<Cached>, &'static str), Failure>>>;

pub struct Service {
    creds: ServiceCredentials,
    /// A client_credentials token and its expiry (unix seconds); the lock joins renewals.
    token: tokio::sync::Mutex<Option<(String, u64)>>,
    allow: HashSet<&'static str>,
    ttl: HashMap<String, Duration>,
    cache: Mutex<HashMap<String, Arc<Cached>>>,
    inflight: Mutex<HashMap<String, Flight>>,
    pacer: Pacer,
    visitor_share: u32,
    visitors: Mutex<HashMap<String, Pacer>>,
    epoch: Instant,
    /// Calls made to the API with the service token (for /healthz and the bench).
    pub upstream_calls: AtomicU64,
}

/// The answer's provenance, in `X-WebWork-Cache` (ours, inferred).
fn answer(c: &Cached, how: &'static str) -> Response {
    let mut r = Response::new(Body::from(c.body.clone()));
    *r.status_mut() = c.status;
    let h = r.headers_mut();
    if let Some(ct) = &c.content_type {
        h.insert(header::CONTENT_TYPE, ct.clone());
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-webwork-cache", HeaderValue::from_static(how));
    r
}

impl Service {
    pub fn new(creds: ServiceCredentials, extra_allow: &[String], ttl: &HashMap<String, Duration>, rate: u32, visitor_share: u32) -> Self {
        let mut allow: HashSet<&'static str> = WIDGET_READS.iter().copied().collect();
        for op in webwork_core::ops::CATALOG {
            // Writes are never answered with the service token: they need a signed-in person.
            if extra_allow.iter().any(|a| a == op.id) && op.method == webwork_core::ops::Method::Get {
                allow.insert(op.id);
            }
        }
        Service {
            creds,
            token: tokio::sync::Mutex::new(None),
            allow,
            ttl: ttl.clone(),
            cache: Mutex::new(HashMap::new()),
            inflight: Mutex::new(HashMap::new()),
            pacer: Pacer::new(rate),
            visitor_share,
            visitors: Mutex::new(HashMap::new()),
            epoch: Instant::now(),
            upstream_calls: AtomicU64::new(0),
        }
    }

    pub fn allows(&self, op: &OpInfo) -> bool {
        op.method == webwork_core::ops::Method::Get && self.allow.contains(op.id)
    }

    fn ttl_of(&self, op: &str) -> Duration {
        self.ttl.get(op).copied().unwrap_or_else(|| default_ttl(op))
    }

    fn now_ms(&self) -> f64 {
        self.epoch.elapsed().as_secs_f64() * 1000.0
    }

    /// The service token; `renew` after the API refused the current one.
    async fn bearer(&self, gw: &Gateway, renew: bool) -> Result<String, Failure> {
        match &self.creds {
            ServiceCredentials::Token(t) => Ok(t.clone()),
            ServiceCredentials::ClientCredentials => {
                let mut slot = self.token.lock().await;
                if let Some((t, exp)) = slot.as_ref() {
                    if !renew && *exp > unix_now() + crate::oauth::REFRESH_MARGIN_SECS {
                        return Ok(t.clone());
                    }
                }
                let cfg = gw.oauth.as_ref().map(|o| &o.cfg).ok_or(Failure::NoToken)?;
                // Only reads are ever made with it, so it asks for no more than `read`.
                let form = [("grant_type", "client_credentials"), ("scope", "read")];
                let t = token_call(&gw.http, cfg, &form).await.map_err(|_: TokenError| Failure::NoToken)?;
                let exp = unix_now() + t.expires_in.unwrap_or(3600);
                *slot = Some((t.access_token.clone(), exp));
                Ok(t.access_token)
            }
        }
    }

    /// Answers one allow-listed read. `key` is the path and query relative to the upstream base.
    pub async fn read(gw: Arc<Gateway>, op: &'static OpInfo, key: String, visitor: String) -> Response {
        let Some(svc) = gw.service.as_ref() else { return envelope(401, "No credentials.") };
        let ttl = svc.ttl_of(op.id);
        let cached = svc.cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned();
        if let Some(c) = cached.as_ref().filter(|c| c.at.elapsed() < ttl) {
            return answer(c, "hit");
        }
        let flight = {
            let mut inflight = svc.inflight.lock().unwrap_or_else(|e| e.into_inner());
            match inflight.get(&key) {
                Some(f) => f.clone(),
                None => {
                    // Fair share: a visitor may start only so many upstream calls a minute, so one
                    // visitor walking many distinct URLs cannot spend everyone's budget.
                    if !svc.visitor_may_miss(&visitor) {
                        drop(inflight);
                        return match cached {
                            Some(c) => answer(&c, "stale"),
                            None => {
                                let mut r = envelope(429, "Too many new requests from your address; try again in a minute.");
                                r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
                                r
                            }
                        };
                    }
                    let task = tokio::spawn(Service::fetch(gw.clone(), key.clone(), cached.clone()));
                    let f: Flight = async move { task.await.unwrap_or(Err(Failure::Upstream(UpstreamError::Down))) }.boxed().shared();
                    inflight.insert(key.clone(), f.clone());
                    f
                }
            }
        };
        match flight.await {
            Ok((c, how)) => answer(&c, how),
            Err(Failure::Upstream(e)) => match cached {
                Some(c) => answer(&c, "stale"),
                None => e.response(),
            },
            Err(Failure::NoToken) => match cached {
                Some(c) => answer(&c, "stale"),
                None => envelope(502, "The gateway could not obtain its service token."),
            },
        }
    }

    fn visitor_may_miss(&self, visitor: &str) -> bool {
        let now = self.now_ms();
        let mut visitors = self.visitors.lock().unwrap_or_else(|e| e.into_inner());
        if visitors.len() > MAX_ENTRIES {
            // Forget everyone rather than grow without bound; a minute's shares restart.
            visitors.clear();
        }
        visitors.entry(visitor.to_owned()).or_insert_with(|| Pacer::with_window(self.visitor_share, 60_000.0)).try_acquire(now).is_none()
    }

    /// The upstream call behind a miss (spawned: it finishes even if the visitor leaves).
    async fn fetch(gw: Arc<Gateway>, key: String, stale: Option<Arc<Cached>>) -> Result<(Arc<Cached>, &'static str), Failure> {
        let result = Service::fetch_inner(&gw, &key, stale).await;
        if let Some(svc) = gw.service.as_ref() {
            svc.inflight.lock().unwrap_or_else(|e| e.into_inner()).remove(&key);
        }
        result
    }

    async fn fetch_inner(gw: &Gateway, key: &str, stale: Option<Arc<Cached>>) -> Result<(Arc<Cached>, &'static str), Failure> {
        let svc = gw.service.as_ref().ok_or(Failure::NoToken)?;
        let deadline = Instant::now() + gw.config.upstream_timeout;
        let mut renewed = false;
        loop {
            // The budget: a stale answer now beats waiting (or a 429) for a fresh one.
            while let Some(wait_ms) = svc.pacer.try_acquire(svc.now_ms()) {
                if let Some(s) = stale.clone() {
                    return Ok((s, "stale"));
                }
                let wait = Duration::from_millis(wait_ms.ceil() as u64);
                if Instant::now() + wait > deadline {
                    return Err(Failure::Upstream(UpstreamError::Timeout));
                }
                tokio::time::sleep(wait).await;
            }
            let token = svc.bearer(gw, renewed).await?;
            let mut headers = HeaderMap::new();
            headers.insert(header::AUTHORIZATION, proxy::bearer(&token).ok_or(Failure::NoToken)?);
            headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
            svc.upstream_calls.fetch_add(1, Ordering::Relaxed);
            let up = proxy::call(&gw.http, &gw.config.upstream, gw.config.upstream_timeout, &Method::GET, key, headers, Bytes::new())
                .await
                .map_err(Failure::Upstream)?;
            let now = svc.now_ms();
            svc.pacer.observe(
                proxy::header_u32(&up.headers, "x-ratelimit-limit"),
                proxy::header_u32(&up.headers, "x-ratelimit-remaining"),
                now,
            );
            if up.status == StatusCode::UNAUTHORIZED && !renewed && matches!(svc.creds, ServiceCredentials::ClientCredentials) {
                renewed = true;
                continue;
            }
            if up.status == StatusCode::TOO_MANY_REQUESTS {
                let secs =
                    up.headers.get(header::RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<f64>().ok()).unwrap_or(5.0);
                svc.pacer.pause(now, secs * 1000.0);
                if let Some(s) = stale {
                    return Ok((s, "stale"));
                }
            }
            let c = Arc::new(Cached {
                status: up.status,
                content_type: up.headers.get(header::CONTENT_TYPE).cloned(),
                body: up.body,
                at: Instant::now(),
            });
            if up.status.is_success() {
                let mut cache = svc.cache.lock().unwrap_or_else(|e| e.into_inner());
                if cache.len() >= MAX_ENTRIES {
                    cache.retain(|_, v| v.at.elapsed() < Duration::from_secs(300));
                    if cache.len() >= MAX_ENTRIES {
                        cache.clear();
                    }
                }
                cache.insert(key.to_owned(), c.clone());
            }
            return Ok((c, "miss"));
        }
    }
}
