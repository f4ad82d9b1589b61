//! Bearer-token authentication and workspace membership. Tokens live in SQLite.

use axum::http::HeaderMap;
use rusqlite::{params, Connection};
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

pub fn user_by_token(db: &Connection, token: &str) -> rusqlite::Result<Option<AuthUser>> {
    optional(
        db.prepare_cached(
            "SELECT u.id, u.email, u.firstname, u.lastname FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token = ?1",
        )?
        .query_row([token], |r| Ok(AuthUser { id: r.get(0)?, email: r.get(1)?, firstname: r.get(2)?, lastname: r.get(3)? })),
    )
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
