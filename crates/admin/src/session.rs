//! Where the session (API base URL and how requests are authorised) is kept between page loads.
//!
//! Two kinds of session. With a personal access token, the token goes to sessionStorage (gone when
//! the tab closes), or to localStorage when the person ticks "remember me". With a webwork-gateway's
//! OAuth sign-in, the browser holds no token at all: the gateway keeps it and knows the browser by an
//! `HttpOnly` cookie, so only the fact "signed in through the gateway" is stored. A token never goes
//! into a URL, and nothing here prints it: the core's `Token` shows `***` in every `Debug` and
//! `Display`. The base URL alone is also remembered in localStorage, to prefill the sign-in form.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use webwork_core::client::{HttpRequest, Transport};
use webwork_core::{ClientConfig, FetchTransport, Method, Token};
use webwork_ui::storage;

const SESSION_KEY: &str = "webwork.session";
const BASE_KEY: &str = "webwork.base_url";

/// How the panel's requests are authorised.
#[derive(Clone, PartialEq)]
pub enum Credential {
    /// A personal access token, sent as `Authorization: Bearer`.
    Token(Token),
    /// A webwork-gateway's OAuth session: the gateway adds the token; the browser has a cookie.
    Gateway,
}

/// What signing in produced.
#[derive(Clone, PartialEq)]
pub struct Session {
    pub base_url: String,
    pub credential: Credential,
    pub remember: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.credential {
            Credential::Token(_) => "token ***",
            Credential::Gateway => "gateway session",
        };
        f.debug_struct("Session").field("base_url", &self.base_url).field("credential", &kind).finish()
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    base_url: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    gateway: bool,
}

impl Session {
    /// The client configuration for this session.
    pub fn client_config(&self) -> ClientConfig {
        match &self.credential {
            Credential::Token(t) => ClientConfig::new(self.base_url.clone(), t.expose()),
            Credential::Gateway => ClientConfig::gateway(self.base_url.clone()),
        }
    }

    pub fn is_gateway(&self) -> bool {
        self.credential == Credential::Gateway
    }

    /// The session kept by an earlier sign-in: this tab's first, then a remembered one.
    pub fn load() -> Option<Session> {
        let read = |store, remember| {
            let text = storage::get(store, SESSION_KEY)?;
            let s: Stored = serde_json::from_str(&text).ok()?;
            let credential = match (s.gateway, s.token.is_empty()) {
                (true, _) => Credential::Gateway,
                (false, false) => Credential::Token(Token::new(s.token)),
                (false, true) => return None,
            };
            Some(Session { base_url: s.base_url, credential, remember })
        };
        read(storage::session(), false).or_else(|| read(storage::local(), true))
    }

    /// Keeps the session where the person asked (and removes it from the other store).
    pub fn save(&self) {
        let (token, gateway) = match &self.credential {
            Credential::Token(t) => (t.expose().to_owned(), false),
            Credential::Gateway => (String::new(), true),
        };
        let text = serde_json::to_string(&Stored { base_url: self.base_url.clone(), token, gateway }).unwrap_or_default();
        let (keep, drop) = if self.remember { (storage::local(), storage::session()) } else { (storage::session(), storage::local()) };
        storage::set(keep, SESSION_KEY, &text);
        storage::remove(drop, SESSION_KEY);
        storage::set(storage::local(), BASE_KEY, &self.base_url);
    }

    /// Forgets the token everywhere (the base URL stays, for the next sign-in).
    pub fn clear() {
        storage::remove(storage::session(), SESSION_KEY);
        storage::remove(storage::local(), SESSION_KEY);
    }

    /// The base URL used last, if any.
    pub fn last_base_url() -> Option<String> {
        storage::get(storage::local(), BASE_KEY).filter(|s| !s.is_empty())
    }
}

/// The origin that served the panel.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The API under the origin that served the panel (the sandbox and the gateway serve both, and
/// `trunk serve` proxies `/api/v2` to one).
pub fn same_origin_base() -> String {
    format!("{}/api/v2", origin())
}

/// What a webwork-gateway serving the panel says of its sign-in (`GET /auth/session`). Any other
/// server (the sandbox, `trunk serve`, a static host) has no such path: then OAuth is off.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GatewayStatus {
    /// The gateway offers "Sign in with WebWork".
    pub oauth: bool,
    /// This browser has a live gateway session.
    pub signed_in: bool,
    /// The signed-in person's name, for the sign-in page.
    pub name: Option<String>,
}

impl GatewayStatus {
    /// Reads a `/auth/session` answer tolerantly; anything unexpected means "no OAuth".
    pub fn from_json(v: &Value) -> GatewayStatus {
        let flag = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
        let name = v.get("user").and_then(|u| {
            let part = |k: &str| u.get(k).and_then(Value::as_str).unwrap_or("").trim().to_owned();
            let full = format!("{} {}", part("firstname"), part("lastname")).trim().to_owned();
            (!full.is_empty()).then_some(full).or_else(|| u.get("email").and_then(Value::as_str).map(str::to_owned))
        });
        GatewayStatus { oauth: flag("oauth"), signed_in: flag("oauth") && flag("signed_in"), name }
    }

    /// Asks the gateway that served the panel; "no OAuth" when nothing answers as a gateway.
    pub async fn fetch() -> GatewayStatus {
        let request = HttpRequest {
            method: Method::Get,
            url: format!("{}/auth/session", origin()),
            headers: vec![("Accept".to_owned(), "application/json".to_owned())],
            body: None,
            include_credentials: false,
        };
        match FetchTransport::new().send(request).await {
            Ok(resp) if resp.status == 200 => {
                serde_json::from_slice::<Value>(&resp.body).map(|v| GatewayStatus::from_json(&v)).unwrap_or_default()
            }
            _ => GatewayStatus::default(),
        }
    }
}

/// Where "Sign in with WebWork" goes: the gateway's login, coming back to `back` (a path here).
pub fn gateway_login_href(back: &str) -> String {
    format!("/auth/login?return={}", crate::nav::encode(back))
}

/// Ends the gateway's session (it forgets the tokens and clears the cookie). Best effort: the
/// panel forgets its side whatever the answer.
pub async fn gateway_logout() {
    let request = HttpRequest {
        method: Method::Post,
        url: format!("{}/auth/logout", origin()),
        headers: vec![("X-WebWork-Client".to_owned(), "1".to_owned())],
        body: None,
        include_credentials: false,
    };
    let _ = FetchTransport::new().send(request).await;
}
