//! getWorkspaces: the workspaces the token's user may use.

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![("getWorkspaces", list)]
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    // Same access rule as authentication: active workspace, live, unblocked, not "left".
    let mut stmt = ctx.db.prepare_cached(
        "SELECT w.id, w.owner_id, w.name, m.role, m.status, w.created_at, w.activated_at
         FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.user_id = ?1 AND w.status = 'active' AND m.deleted_at IS NULL AND m.is_blocked = 0 AND m.status <> 'left'
         ORDER BY w.id",
    )?;
    let user = ctx.user_id();
    let rows = stmt.query_map([user], |r| {
        Ok(Workspace {
            id: r.get::<_, i64>(0)? as u64,
            owner_id: r.get::<_, i64>(1)? as u64,
            user_id: user as u64,
            workspace_name: r.get(2)?,
            role: Role::parse(&r.get::<_, String>(3)?),
            status: MemberStatus::parse(&r.get::<_, String>(4)?),
            created_at: r.get(5)?,
            activated_at: r.get(6)?,
        })
    })?;
    let all = collect(rows)?;
    Ok(Reply::paged(all, ctx.page(), ctx.per_page()))
}
