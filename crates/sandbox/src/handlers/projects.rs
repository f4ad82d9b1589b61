//! Projects: list (case-insensitive partial `name` filter, role-filtered), create (201), get,
//! update, delete = archive (`deleted_at` set, `status` 0; idempotent). Tags are given by name
//! and created in the workspace on first use. A live project name is unique per workspace (409).

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![("getProjects", list), ("createProject", create), ("getProject", get), ("updateProject", update), ("deleteProject", archive)]
}

const SELECT: &str = "SELECT p.id, p.name, p.owner_id, p.start_date, p.deadline, p.estimation, p.budget, p.notes, p.icon,
        p.is_billable, p.rate, p.weekly_hours_limit, p.screenshots, p.status, p.created_at, p.updated_at, p.deleted_at,
        (SELECT COUNT(*) FROM contracts c WHERE c.project_id = p.id AND c.deleted_at IS NULL)
    FROM projects p WHERE p.workspace_id = ?1";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Project> {
    Ok(Project {
        id: r.get::<_, i64>(0)? as u64,
        name: r.get(1)?,
        owner_id: r.get::<_, i64>(2)? as u64,
        start_date: r.get(3)?,
        deadline: r.get(4)?,
        estimation: r.get(5)?,
        budget_estimation: r.get(6)?,
        notes: r.get(7)?,
        icon: r.get(8)?,
        is_billable: r.get(9)?,
        rate: r.get(10)?,
        weekly_hours_limit: r.get(11)?,
        screenshots: r.get(12)?,
        tags: Vec::new(),
        status: r.get(13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
        deleted_at: r.get(16)?,
        contracts_count: r.get::<_, i64>(17)? as u64,
    })
}

fn tags_of(ctx: &Ctx, project: u64) -> Result<Vec<Tag>, HttpError> {
    let mut stmt = ctx.db.prepare_cached(
        "SELECT t.id, t.name, t.color FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.project_id = ?1 ORDER BY t.name",
    )?;
    let rows = stmt.query_map([project as i64], |r| Ok(Tag { id: r.get::<_, i64>(0)? as u64, name: r.get(1)?, color: r.get(2)? }))?;
    collect(rows)
}

fn finish(ctx: &Ctx, mut p: Project) -> Result<Project, HttpError> {
    p.tags = tags_of(ctx, p.id)?;
    p.rate = rate_for(ctx, p.rate);
    if !ctx.can_see_rates() {
        p.budget_estimation = None;
    }
    Ok(p)
}

/// A project of the caller's workspace (archived included).
pub(crate) fn load(ctx: &Ctx, id: i64) -> Result<Option<Project>, HttpError> {
    let sql = format!("{SELECT} AND p.id = ?2");
    match optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))? {
        Some(p) => Ok(Some(finish(ctx, p)?)),
        None => Ok(None),
    }
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let scope = ctx.visible_projects()?;
    let sql = format!("{SELECT} AND p.deleted_at IS NULL AND {} ORDER BY p.id", scope.sql("p.id"));
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = stmt.query_map([ctx.ws_id()], row)?;
    let mut all = collect(rows)?;
    if let Some(name) = ctx.str("name") {
        // Case-insensitive for every script, not only ASCII (SQLite's LIKE is ASCII-only).
        let needle = name.to_lowercase();
        all.retain(|p| p.name.to_lowercase().contains(&needle));
    }
    let total = all.len() as u64;
    let (page, per_page) = (ctx.page(), ctx.per_page());
    let start = ((page - 1) as usize).saturating_mul(per_page as usize);
    let items = all.into_iter().skip(start).take(per_page as usize).map(|p| finish(ctx, p)).collect::<Result<Vec<_>, _>>()?;
    Ok(Reply::page(items, total, page, per_page))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("projectId");
    let project = load(ctx, id)?.ok_or_else(|| HttpError::not_found("Project"))?;
    if project.deleted_at.is_some() && !ctx.is_admin() {
        return Err(HttpError::not_found("Project"));
    }
    if !ctx.visible_projects()?.allows(id) {
        return Err(HttpError::forbidden("Your role may not view this project."));
    }
    Ok(Reply::data(project))
}

/// Checks the fields create and update share; `current` holds the stored dates on update.
fn check_fields(ctx: &Ctx, current: Option<&Project>) -> Result<(), HttpError> {
    if let Some(name) = ctx.raw_str("name") {
        if name.trim().is_empty() {
            return Err(HttpError::invalid("name", "must not be empty"));
        }
        if name.chars().count() > 255 {
            return Err(HttpError::invalid("name", "must not be greater than 255 characters"));
        }
    }
    for field in ["estimation", "budget", "rate"] {
        if ctx.num(field).is_some_and(|v| v < 0.0) {
            return Err(HttpError::invalid(field, "must be at least 0"));
        }
    }
    let start = ctx.str("start_date").map(str::to_owned).or_else(|| current.and_then(|p| p.start_date.clone()));
    let deadline = ctx.str("deadline").map(str::to_owned).or_else(|| current.and_then(|p| p.deadline.clone()));
    if let (Some(s), Some(d)) = (start, deadline) {
        if d < s {
            return Err(HttpError::invalid("deadline", "must be a date after or equal to start_date"));
        }
    }
    if let Some(tags) = ctx.strs("tags") {
        if tags.iter().any(|t| t.trim().is_empty() || t.chars().count() > 100) {
            return Err(HttpError::invalid("tags", "must be names of 1 to 100 characters"));
        }
    }
    Ok(())
}

fn name_taken(ctx: &Ctx, name: &str, except: i64) -> Result<bool, HttpError> {
    let n: i64 = ctx.db.query_row(
        "SELECT COUNT(*) FROM projects WHERE workspace_id = ?1 AND deleted_at IS NULL AND name = ?2 COLLATE NOCASE AND id <> ?3",
        params![ctx.ws_id(), name.trim(), except],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

const TAG_PALETTE: &[&str] = &["#e91e63", "#3f51b5", "#009688", "#ff9800", "#673ab7", "#4caf50", "#f44336", "#795548"];

fn set_tags(ctx: &Ctx, project: i64, names: &[String]) -> Result<(), HttpError> {
    let ws = ctx.ws_id();
    ctx.db.execute("DELETE FROM project_tags WHERE project_id = ?1", [project])?;
    for name in names {
        let name = name.trim();
        let existing: Option<i64> =
            ctx.db.query_row("SELECT id FROM tags WHERE workspace_id = ?1 AND name = ?2", params![ws, name], |r| r.get(0)).optional()?;
        let tag = match existing {
            Some(id) => id,
            None => {
                let count: i64 = ctx.db.query_row("SELECT COUNT(*) FROM tags WHERE workspace_id = ?1", [ws], |r| r.get(0))?;
                let color = TAG_PALETTE[count as usize % TAG_PALETTE.len()];
                ctx.db.execute("INSERT INTO tags (workspace_id, name, color) VALUES (?1, ?2, ?3)", params![ws, name, color])?;
                ctx.db.last_insert_rowid()
            }
        };
        ctx.db.execute("INSERT OR IGNORE INTO project_tags (project_id, tag_id) VALUES (?1, ?2)", params![project, tag])?;
    }
    Ok(())
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    check_fields(ctx, None)?;
    let name = ctx.req_str("name")?.trim().to_owned();
    if name_taken(ctx, &name, -1)? {
        return Err(HttpError::conflict("A project with this name already exists in this workspace."));
    }
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO projects (workspace_id, name, owner_id, start_date, deadline, estimation, budget, notes, icon, is_billable, rate, weekly_hours_limit, screenshots, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, ?14, ?14)",
        params![
            ctx.ws_id(), name, ctx.user_id(), ctx.str("start_date"), ctx.str("deadline"), ctx.num("estimation"),
            ctx.num("budget"), ctx.raw_str("notes"), ctx.str("icon"), ctx.bool("is_billable").unwrap_or(false),
            ctx.num("rate"), ctx.int("weekly_hours_limit").unwrap_or(168), ctx.str("screenshots"), now
        ],
    )?;
    let id = ctx.db.last_insert_rowid();
    if let Some(tags) = ctx.strs("tags") {
        set_tags(ctx, id, &tags)?;
    }
    let project = load(ctx, id)?;
    ctx.emit(WebhookEvent::ProjectCreated, &project)?;
    Ok(Reply::data(project))
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("projectId");
    let current = load(ctx, id)?.filter(|p| p.deleted_at.is_none()).ok_or_else(|| HttpError::not_found("Project"))?;
    check_fields(ctx, Some(&current))?;
    if let Some(name) = ctx.str("name") {
        if name_taken(ctx, name, id)? {
            return Err(HttpError::conflict("A project with this name already exists in this workspace."));
        }
    }
    // Each optional field: given -> set (an explicit null clears it), absent -> kept.
    let mut sets = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    for (param, column) in [
        ("name", "name"),
        ("start_date", "start_date"),
        ("deadline", "deadline"),
        ("estimation", "estimation"),
        ("budget", "budget"),
        ("notes", "notes"),
        ("icon", "icon"),
        ("is_billable", "is_billable"),
        ("rate", "rate"),
        ("weekly_hours_limit", "weekly_hours_limit"),
        ("screenshots", "screenshots"),
    ] {
        if ctx.has(param) {
            if param == "name" && ctx.is_null("name") {
                return Err(HttpError::invalid("name", "must not be empty"));
            }
            let v = ctx.params.values.get(param).cloned().unwrap_or(Value::Null);
            let v = match v {
                Value::String(s) if param == "name" => Value::String(s.trim().to_owned()),
                Value::String(s) if s.trim().is_empty() && param != "notes" => Value::Null,
                other => other,
            };
            args.push(v);
            sets.push(format!("{column} = ?{}", args.len()));
        }
    }
    args.push(json!(ctx.now_iso()));
    sets.push(format!("updated_at = ?{}", args.len()));
    args.push(json!(id));
    let sql = format!("UPDATE projects SET {} WHERE id = ?{}", sets.join(", "), args.len());
    ctx.db.execute(&sql, params_from_iter(args.iter().map(sql_value)))?;
    if let Some(tags) = ctx.strs("tags") {
        set_tags(ctx, id, &tags)?;
    }
    let project = load(ctx, id)?;
    ctx.emit(WebhookEvent::ProjectUpdated, project)?;
    Ok(Reply::empty())
}

fn archive(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("projectId");
    let project = load(ctx, id)?.ok_or_else(|| HttpError::not_found("Project"))?;
    if project.deleted_at.is_none() {
        let now = ctx.now_iso();
        ctx.db.execute("UPDATE projects SET deleted_at = ?2, status = 0, updated_at = ?2 WHERE id = ?1", params![id, now])?;
        let project = load(ctx, id)?;
        ctx.emit(WebhookEvent::ProjectDeleted, project)?;
    }
    Ok(Reply::empty())
}
