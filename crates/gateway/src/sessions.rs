//! Server-side sessions and pending sign-ins, in SQLite (a file, or memory with `--sessions memory`).
//! The browser holds only a random id; the store keys rows by its SHA-256, so a copied database
//! file yields no usable cookie. Tokens stay here and never go to the browser.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};

use crate::util::{digest, unix_now};

/// One signed-in browser.
#[derive(Clone)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// Unix seconds.
    pub expires_at: u64,
    pub scopes: String,
    /// `{"id","email","firstname","lastname"}` or null.
    pub user: serde_json::Value,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("expires_at", &self.expires_at).field("scopes", &self.scopes).finish_non_exhaustive()
    }
}

/// A sign-in started at /auth/login, waiting for its callback.
#[derive(Debug, Clone)]
pub struct PendingLogin {
    pub nonce_digest: String,
    pub return_path: String,
    pub expires_at: u64,
}

pub struct Sessions(Mutex<Connection>);

/// How long a started sign-in may take (the authorize page, the user choosing).
pub const LOGIN_TTL_SECS: u64 = 600;

impl Sessions {
    pub fn open(path: Option<&Path>) -> Result<Sessions, String> {
        let conn = match path {
            Some(p) => {
                let c = Connection::open(p).map_err(|e| format!("cannot open the session store {}: {e}", p.display()))?;
                restrict_permissions(p);
                c
            }
            None => Connection::open_in_memory().map_err(|e| e.to_string())?,
        };
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, access_token TEXT NOT NULL, refresh_token TEXT,
                 expires_at INTEGER NOT NULL, scopes TEXT NOT NULL, user TEXT NOT NULL, created_at INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS logins (state TEXT PRIMARY KEY, nonce TEXT NOT NULL, return_path TEXT NOT NULL,
                 expires_at INTEGER NOT NULL);",
        )
        .map_err(|e| format!("cannot prepare the session store: {e}"))?;
        Ok(Sessions(Mutex::new(conn)))
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn add_login(&self, state: &str, nonce: &str, return_path: &str) {
        let c = self.conn();
        let now = unix_now();
        let _ = c.execute("DELETE FROM logins WHERE expires_at < ?1", [now]);
        let _ = c.execute(
            "INSERT OR REPLACE INTO logins (state, nonce, return_path, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![digest(state), digest(nonce), return_path, now + LOGIN_TTL_SECS],
        );
    }

    /// Removes and returns the pending sign-in of `state`: single use whatever happens next.
    pub fn take_login(&self, state: &str) -> Option<PendingLogin> {
        let c = self.conn();
        let key = digest(state);
        let found = c
            .query_row("SELECT nonce, return_path, expires_at FROM logins WHERE state = ?1", [&key], |r| {
                Ok(PendingLogin { nonce_digest: r.get(0)?, return_path: r.get(1)?, expires_at: r.get(2)? })
            })
            .optional()
            .ok()
            .flatten();
        let _ = c.execute("DELETE FROM logins WHERE state = ?1", [&key]);
        found
    }

    pub fn put(&self, id: &str, s: &Session) {
        let _ = self.conn().execute(
            "INSERT OR REPLACE INTO sessions (id, access_token, refresh_token, expires_at, scopes, user, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![digest(id), s.access_token, s.refresh_token, s.expires_at, s.scopes, s.user.to_string(), unix_now()],
        );
    }

    pub fn get(&self, id: &str) -> Option<Session> {
        self.conn()
            .query_row("SELECT access_token, refresh_token, expires_at, scopes, user FROM sessions WHERE id = ?1", [digest(id)], |r| {
                let user: String = r.get(4)?;
                Ok(Session {
                    access_token: r.get(0)?,
                    refresh_token: r.get(1)?,
                    expires_at: r.get(2)?,
                    scopes: r.get(3)?,
                    user: serde_json::from_str(&user).unwrap_or(serde_json::Value::Null),
                })
            })
            .optional()
            .ok()
            .flatten()
    }

    pub fn delete(&self, id: &str) {
        let _ = self.conn().execute("DELETE FROM sessions WHERE id = ?1", [digest(id)]);
    }
}

#[cfg(unix)]
fn restrict_permissions(p: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict_permissions(_: &Path) {}
