//! Bearer-token authentication and workspace membership. Tokens (personal and OAuth) live in SQLite.

use axum::http::HeaderMap;
use rusqlite::{params, Connection};
use webwork_core::access::Scope;
use webwork_core::models::Role;

use super::context::{AuthUser, Membership};
use crate::store::optional;

/// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The user behind a token that is valid at `now_ms` (personal tokens never expire; OAuth access
/// tokens until their `expires_at_ms`), with the token's scopes.
pub fn user_by_token(db: &Connection, token: &str, now_ms: i64) -> rusqlite::Result<Option<AuthUser>> {
    optional(
        db.prepare_cached(
            "SELECT u.id, u.email, u.firstname, u.lastname, t.scopes FROM tokens t JOIN users u ON u.id = t.user_id
             WHERE t.token = ?1 AND (t.expires_at_ms IS NULL OR t.expires_at_ms > ?2)",
        )?
        .query_row(params![token, now_ms], |r| {
            Ok(AuthUser {
                id: r.get(0)?,
                email: r.get(1)?,
                firstname: r.get(2)?,
                lastname: r.get(3)?,
                scopes: parse_scopes(&r.get::<_, String>(4)?),
            })
        }),
    )
}

/// The user id behind a valid token, for the per-user rate limit.
pub fn user_id_by_token(db: &Connection, token: &str, now_ms: i64) -> rusqlite::Result<Option<i64>> {
    optional(
        db.prepare_cached("SELECT user_id FROM tokens WHERE token = ?1 AND (expires_at_ms IS NULL OR expires_at_ms > ?2)")?
            .query_row(params![token, now_ms], |r| r.get(0)),
    )
}

/// Scopes as stored (space-separated); unknown words are dropped (tolerant reading).
pub fn parse_scopes(text: &str) -> Vec<Scope> {
    let mut scopes: Vec<Scope> = text.split_ascii_whitespace().filter_map(Scope::parse).collect();
    scopes.sort();
    scopes.dedup();
    scopes
}

/// The caller's membership in an active workspace, if it grants access: not archived, not
/// blocked, and not a member who has left.
pub fn membership(db: &Connection, ws: i64, user: i64) -> rusqlite::Result<Option<Membership>> {
    optional(
        db.prepare_cached(
            "SELECT m.role, m.rate_status, w.owner_id FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
             WHERE m.workspace_id = ?1 AND m.user_id = ?2 AND w.status = 'active'
               AND m.deleted_at IS NULL AND m.is_blocked = 0 AND m.status <> 'left'",
        )?
        .query_row(params![ws, user], |r| {
            Ok(Membership { workspace_id: ws, role: Role::parse(&r.get::<_, String>(0)?), rate_status: r.get(1)?, owner_id: r.get(2)? })
        }),
    )
}
