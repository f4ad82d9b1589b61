//! Project viewers (members with the role "Project viewer", usually clients): list (e-mail
//! filter; archived ones left out), create (201; an e-mail already in the workspace is 409),
//! get (archived included), delete = archive and restore (both idempotent), assign and unassign
//! a project (both idempotent).

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getProjectViewers", list),
        ("createProjectViewer", create),
        ("getProjectViewer", get),
        ("deleteProjectViewer", archive),
        ("restoreProjectViewer", restore),
        ("assignProjectToViewer", assign),
        ("unassignProjectFromViewer", unassign),
    ]
}

const SELECT: &str = "SELECT u.id, u.email, u.firstname, u.lastname, m.status, m.created_at, m.deleted_at
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.workspace_id = ?1 AND m.role = 'Project viewer'";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProjectViewer> {
    Ok(ProjectViewer {
        id: r.get::<_, i64>(0)? as u64,
        email: r.get(1)?,
        firstname: r.get(2)?,
        lastname: r.get(3)?,
        status: Some(MemberStatus::parse(&r.get::<_, String>(4)?)),
        member_since: r.get(5)?,
        projects: Vec::new(),
        deleted_at: r.get(6)?,
    })
}

fn projects_of(ctx: &Ctx, viewer: i64) -> Result<Vec<ViewerProject>, HttpError> {
    let mut stmt = ctx.db.prepare_cached(
        "SELECT p.id, p.name FROM viewer_projects v JOIN projects p ON p.id = v.project_id
         WHERE v.workspace_id = ?1 AND v.user_id = ?2 AND p.deleted_at IS NULL ORDER BY p.id",
    )?;
    let rows = stmt.query_map(params![ctx.ws_id(), viewer], |r| {
        Ok(ViewerProject { project_id: r.get::<_, i64>(0)? as u64, project_name: r.get(1)? })
    })?;
    collect(rows)
}

fn load(ctx: &Ctx, id: i64) -> Result<Option<ProjectViewer>, HttpError> {
    let sql = format!("{SELECT} AND u.id = ?2");
    match optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))? {
        Some(mut v) => {
            v.projects = projects_of(ctx, id)?;
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let mut sql = format!("{SELECT} AND m.deleted_at IS NULL");
    let mut args: Vec<Value> = vec![json!(ctx.ws_id())];
    if let Some(email) = ctx.str("email") {
        args.push(json!(email));
        sql.push_str(" AND u.email = ?2 COLLATE NOCASE");
    }
    sql.push_str(" ORDER BY u.id");
    let mut stmt = ctx.db.prepare(&sql)?;
    let mut all = collect(stmt.query_map(params_from_iter(args.iter().map(sql_value)), row)?)?;
    for v in &mut all {
        v.projects = projects_of(ctx, v.id as i64)?;
    }
    Ok(Reply::paged(all, ctx.page(), ctx.per_page()))
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let email = ctx.req_str("email")?;
    let first = ctx.req_str("firstname")?;
    let last = ctx.req_str("lastname")?;
    for (field, v) in [("firstname", &first), ("lastname", &last)] {
        if v.chars().count() > 255 {
            return Err(HttpError::invalid(field, "must not be greater than 255 characters"));
        }
    }
    let ws = ctx.ws_id();
    let now = ctx.now_iso();
    let existing: Option<i64> = ctx.db.query_row("SELECT id FROM users WHERE email = ?1", [&email], |r| r.get(0)).optional()?;
    let user = match existing {
        Some(id) => {
            if lookup::member(ctx.db, ws, id)?.is_some() {
                return Err(HttpError::conflict("A member with this email already exists in this workspace."));
            }
            id
        }
        None => {
            ctx.db.execute(
                "INSERT INTO users (email, firstname, lastname, timezone, created_at, updated_at) VALUES (?1, ?2, ?3, 'UTC', ?4, ?4)",
                params![email, first, last, now],
            )?;
            ctx.db.last_insert_rowid()
        }
    };
    let code = ctx.ids.secret("");
    ctx.db.execute(
        "INSERT INTO memberships (workspace_id, user_id, role, status, invitation_code, created_at, updated_at)
         VALUES (?1, ?2, 'Project viewer', 'inactive', ?3, ?4, ?4)",
        params![ws, user, code, now],
    )?;
    let viewer = load(ctx, user)?;
    ctx.emit(WebhookEvent::MemberInvited, &viewer)?;
    Ok(Reply::data(viewer))
}

fn path_viewer(ctx: &Ctx) -> Result<ProjectViewer, HttpError> {
    load(ctx, ctx.path_int("viewerId"))?.ok_or_else(|| HttpError::not_found("Project viewer"))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    Ok(Reply::data(path_viewer(ctx)?))
}

fn set_archived(ctx: &mut Ctx, archived: bool) -> Result<Reply, HttpError> {
    let viewer = path_viewer(ctx)?;
    if viewer.deleted_at.is_some() == archived {
        return Ok(Reply::empty());
    }
    let now = ctx.now_iso();
    ctx.db.execute(
        "UPDATE memberships SET deleted_at = ?3, updated_at = ?4 WHERE workspace_id = ?1 AND user_id = ?2",
        params![ctx.ws_id(), viewer.id, archived.then_some(&now), now],
    )?;
    let viewer = load(ctx, viewer.id as i64)?;
    if archived {
        ctx.emit(WebhookEvent::MemberArchived, &viewer)?;
        ctx.emit(WebhookEvent::MemberDeleted, &viewer)?;
    } else {
        ctx.emit(WebhookEvent::MemberActivated, &viewer)?;
    }
    Ok(Reply::empty())
}

fn archive(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    set_archived(ctx, true)
}

fn restore(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    set_archived(ctx, false)
}

fn assign(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let viewer = path_viewer(ctx)?;
    if viewer.deleted_at.is_some() {
        return Err(HttpError::unprocessable("The project viewer is archived; restore them first."));
    }
    let project = project_ref(ctx, "project_id", ctx.req_int("project_id")?)?;
    ctx.db.execute(
        "INSERT OR IGNORE INTO viewer_projects (workspace_id, user_id, project_id) VALUES (?1, ?2, ?3)",
        params![ctx.ws_id(), viewer.id, project.id],
    )?;
    Ok(Reply::empty())
}

fn unassign(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let viewer = path_viewer(ctx)?;
    let project = ctx.req_int("project_id")?;
    if lookup::project(ctx.db, ctx.ws_id(), project)?.is_none() {
        return Err(selected_invalid("project_id"));
    }
    ctx.db.execute(
        "DELETE FROM viewer_projects WHERE workspace_id = ?1 AND user_id = ?2 AND project_id = ?3",
        params![ctx.ws_id(), viewer.id, project],
    )?;
    Ok(Reply::empty())
}
