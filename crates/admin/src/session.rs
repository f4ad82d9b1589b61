//! Where the session (API base URL and token) is kept between page loads.
//!
//! The token goes to sessionStorage (gone when the tab closes), or to localStorage when the
//! person ticks "remember me". It never goes into a URL, and nothing here prints it: the core's
//! `Token` shows `***` in every `Debug` and `Display`. The base URL alone is also remembered in
//! localStorage, to prefill the sign-in form next time.

use serde::{Deserialize, Serialize};
use webwork_core::Token;
use webwork_ui::storage;

const SESSION_KEY: &str = "webwork.session";
const BASE_KEY: &str = "webwork.base_url";

/// What signing in produced.
#[derive(Clone, PartialEq)]
pub struct Session {
    pub base_url: String,
    pub token: Token,
    pub remember: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("base_url", &self.base_url).field("token", &self.token).finish()
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    base_url: String,
    token: String,
}

impl Session {
    /// The session kept by an earlier sign-in: this tab's first, then a remembered one.
    pub fn load() -> Option<Session> {
        let read = |store, remember| {
            let text = storage::get(store, SESSION_KEY)?;
            let s: Stored = serde_json::from_str(&text).ok()?;
            (!s.token.is_empty()).then(|| Session { base_url: s.base_url, token: Token::new(s.token), remember })
        };
        read(storage::session(), false).or_else(|| read(storage::local(), true))
    }

    /// Keeps the session where the person asked (and removes it from the other store).
    pub fn save(&self) {
        let text =
            serde_json::to_string(&Stored { base_url: self.base_url.clone(), token: self.token.expose().to_owned() }).unwrap_or_default();
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

/// The API under the origin that served the panel (the sandbox serves both, and `trunk serve`
/// proxies `/api/v2` to one).
pub fn same_origin_base() -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}/api/v2")
}
