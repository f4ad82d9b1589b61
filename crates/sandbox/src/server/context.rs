//! The request context every handler receives: the caller, their role in the requested
//! workspace, validated parameters, the parsed body, the open transaction and the clock.
//! Handlers are plain synchronous functions over it; the dispatcher commits their transaction
//! when they return `Ok` and rolls it back otherwise.

use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;
use webwork_core::date::CivilDate;
use webwork_core::models::{Role, WebhookEvent};
use webwork_core::ops::OpInfo;

use super::envelope::{HttpError, Reply};
use super::params::Params;
use crate::clock::{self, Clock};
use crate::ids::IdGen;
use crate::store::visibility::{self, Scope};

/// What a handler is: `fn(&mut Ctx) -> Result<Reply, HttpError>`.
pub type Handler = fn(&mut Ctx<'_>) -> Result<Reply, HttpError>;

/// The authenticated person.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: i64,
    pub email: String,
    pub firstname: String,
    pub lastname: String,
    /// What the token may do (personal tokens: every scope).
    pub scopes: Vec<webwork_core::access::Scope>,
}

/// The caller's membership in the requested workspace.
#[derive(Debug, Clone)]
pub struct Membership {
    pub workspace_id: i64,
    pub role: Role,
    pub rate_status: i64,
    pub owner_id: i64,
}

pub struct Ctx<'a> {
    pub op: &'static OpInfo,
    /// The open transaction (it derefs to a connection): everything a handler does here is
    /// committed or rolled back as one.
    pub db: &'a Connection,
    /// Generator for string ids (`ids.opaque("te")`, `ids.uuid()`).
    pub ids: &'a mut IdGen,
    pub clock: Clock,
    /// "Now" for this request, fixed at its start (Unix ms on the sandbox clock).
    pub now_ms: i64,
    pub user: AuthUser,
    /// Set for every operation scoped to a workspace (all but getWorkspaces).
    pub ws: Option<Membership>,
    pub params: Params,
    /// The JSON body as sent (an object, or `Null`).
    pub body: Value,
    /// Webhook deliveries recorded by `emit`, handed to the delivery task after commit.
    pub(crate) deliveries: Vec<i64>,
}

impl<'a> Ctx<'a> {
    // ---- who ----

    pub fn user_id(&self) -> i64 {
        self.user.id
    }

    /// The requested workspace (validated: the caller is a live member of it).
    pub fn ws_id(&self) -> i64 {
        self.ws.as_ref().map(|m| m.workspace_id).unwrap_or(0)
    }

    pub fn role(&self) -> Role {
        self.ws.as_ref().map(|m| m.role.clone()).unwrap_or(Role::RegularUser)
    }

    /// Owner or executive manager.
    pub fn is_admin(&self) -> bool {
        self.role().is_admin()
    }

    /// Whether rates and amounts are shown to the caller (null otherwise).
    pub fn can_see_rates(&self) -> bool {
        self.ws.as_ref().is_some_and(|m| crate::roles::can_see_rates(&m.role, m.rate_status))
    }

    /// Projects the caller may see in this workspace.
    pub fn visible_projects(&self) -> Result<Scope, HttpError> {
        Ok(visibility::projects(self.db, self.ws_id(), self.user.id, &self.role())?)
    }

    /// Members (user ids) the caller may see in this workspace.
    pub fn visible_users(&self) -> Result<Scope, HttpError> {
        Ok(visibility::users(self.db, self.ws_id(), self.user.id, &self.role())?)
    }

    // ---- when ----

    pub fn now_iso(&self) -> String {
        clock::iso(self.now_ms)
    }

    pub fn today(&self) -> CivilDate {
        CivilDate::from_days(self.now_ms.div_euclid(86_400_000))
    }

    // ---- parameters (validated and typed by the dispatcher) ----

    /// Whether the parameter was given (an explicit JSON `null` counts).
    pub fn has(&self, name: &str) -> bool {
        self.params.values.contains_key(name)
    }

    /// Whether the parameter was given as an explicit JSON `null`.
    pub fn is_null(&self, name: &str) -> bool {
        matches!(self.params.values.get(name), Some(Value::Null))
    }

    pub fn value(&self, name: &str) -> Option<&Value> {
        self.params.values.get(name).filter(|v| !v.is_null())
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.value(name).and_then(Value::as_i64)
    }

    pub fn num(&self, name: &str) -> Option<f64> {
        self.value(name).and_then(Value::as_f64)
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        self.value(name).and_then(Value::as_bool)
    }

    /// A string parameter; blank strings read as absent.
    pub fn str(&self, name: &str) -> Option<&str> {
        self.value(name).and_then(Value::as_str).filter(|s| !s.trim().is_empty())
    }

    /// A string parameter as given, blank included (for updates that may clear text).
    pub fn raw_str(&self, name: &str) -> Option<&str> {
        self.value(name).and_then(Value::as_str)
    }

    pub fn ints(&self, name: &str) -> Option<Vec<i64>> {
        self.value(name).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_i64).collect())
    }

    pub fn strs(&self, name: &str) -> Option<Vec<String>> {
        self.value(name).and_then(Value::as_array).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
    }

    /// A required integer (the dispatcher already refused requests without it).
    pub fn req_int(&self, name: &str) -> Result<i64, HttpError> {
        self.int(name).ok_or_else(|| HttpError::invalid(name, "is required"))
    }

    /// A required string.
    pub fn req_str(&self, name: &str) -> Result<String, HttpError> {
        self.str(name).map(str::to_owned).ok_or_else(|| HttpError::invalid(name, "is required"))
    }

    /// An integer path parameter by its template name (e.g. `memberId`).
    pub fn path_int(&self, name: &str) -> i64 {
        self.params.path.get(name).and_then(Value::as_i64).unwrap_or(-1)
    }

    /// A string path parameter by its template name (e.g. `timesheetId`).
    pub fn path_str(&self, name: &str) -> String {
        match self.params.path.get(name) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    }

    pub fn page(&self) -> u32 {
        self.int("page").unwrap_or(1).clamp(1, u32::MAX as i64) as u32
    }

    /// `per_page`, 20 when not given.
    pub fn per_page(&self) -> u32 {
        self.per_page_or(20)
    }

    /// `per_page` with another default (reports use 30).
    pub fn per_page_or(&self, default: u32) -> u32 {
        self.int("per_page").map(|v| v as u32).unwrap_or(default)
    }

    /// SQL `LIMIT`/`OFFSET` for the requested page.
    pub fn limit_offset(&self) -> (i64, i64) {
        let per = self.per_page() as i64;
        (per, (self.page() as i64 - 1) * per)
    }

    // ---- side effects ----

    /// Records a webhook event for the caller's workspace: every webhook subscribed to it gets
    /// a delivery, written in this transaction and sent after commit (so a rolled-back change
    /// notifies nobody).
    pub fn emit(&mut self, event: WebhookEvent, data: impl Serialize) -> Result<(), HttpError> {
        let data = serde_json::to_value(data).unwrap_or(Value::Null);
        let ids = crate::webhooks::enqueue(self.db, self.ws_id(), &event, data, self.now_ms)?;
        self.deliveries.extend(ids);
        Ok(())
    }
}
