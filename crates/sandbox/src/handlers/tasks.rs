//! Tasks: list by `project_id` (or `contract_id`, whose project is used) with status,
//! priority and parent filters; create with assignees (base status codes only); get; update;
//! delete (soft); assignees list; assign and unassign (both idempotent). Every call names the
//! project, and a task of another project (or workspace) is 404.

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getTasks", list),
        ("createTask", create),
        ("getTask", get),
        ("updateTask", update),
        ("deleteTask", delete),
        ("getTaskAssignees", assignees),
        ("assignTask", assign),
        ("unassignTask", unassign),
    ]
}

/// Name and colour of a status code (custom codes included).
pub fn status_name(code: i64) -> (String, &'static str) {
    match code {
        0 => ("Open".into(), "#9e9e9e"),
        1 => ("Backlog".into(), "#bdbdbd"),
        2 => ("Blocked".into(), "#e53935"),
        10 => ("In Progress".into(), "#1e88e5"),
        11 => ("In Review".into(), "#8e24aa"),
        20 => ("Done".into(), "#43a047"),
        21 => ("Verified".into(), "#2e7d32"),
        30 => ("Closed".into(), "#6d4c41"),
        other => (format!("Custom status {other}"), "#757575"),
    }
}

fn priority_name(code: i64) -> String {
    match code {
        10 => "Urgent",
        20 => "High",
        30 => "Normal",
        40 => "Low",
        _ => "Custom",
    }
    .to_owned()
}

const SELECT: &str = "SELECT id, title, description, project_id, owner_id, creator_id, status, priority, start_date, end_date,
        completed_at, parent_id, created_at, updated_at, deleted_at
    FROM tasks WHERE workspace_id = ?1 AND deleted_at IS NULL";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Task> {
    let status: i64 = r.get(6)?;
    let priority: Option<i64> = r.get(7)?;
    let (status_name, status_color) = status_name(status);
    Ok(Task {
        id: r.get::<_, i64>(0)? as u64,
        title: r.get(1)?,
        description: r.get(2)?,
        project_id: r.get::<_, i64>(3)? as u64,
        owner_id: r.get::<_, Option<i64>>(4)?.map(|v| v as u64),
        creator_id: r.get::<_, Option<i64>>(5)?.map(|v| v as u64),
        status: Some(TaskStatus::from_code(status)),
        priority: priority.map(TaskPriority::from_code),
        start_date: r.get(8)?,
        end_date: r.get(9)?,
        completed_at: r.get(10)?,
        assignees: Vec::new(),
        parent_id: r.get::<_, Option<i64>>(11)?.map(|v| v as u64),
        status_name: Some(status_name),
        status_color: Some(status_color.to_owned()),
        priority_name: priority.map(priority_name),
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        deleted_at: r.get(14)?,
    })
}

fn assignees_of(ctx: &Ctx, task: i64) -> Result<Vec<TaskAssignee>, HttpError> {
    let mut stmt = ctx.db.prepare_cached(
        "SELECT u.id, u.firstname, u.lastname, u.email FROM task_assignees a JOIN users u ON u.id = a.user_id WHERE a.task_id = ?1 ORDER BY u.id",
    )?;
    let rows = stmt.query_map([task], |r| {
        Ok(TaskAssignee { id: r.get::<_, i64>(0)? as u64, firstname: r.get(1)?, lastname: r.get(2)?, email: r.get(3)? })
    })?;
    collect(rows)
}

fn load(ctx: &Ctx, id: i64) -> Result<Option<Task>, HttpError> {
    let sql = format!("{SELECT} AND id = ?2");
    match optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))? {
        Some(mut t) => {
            t.assignees = assignees_of(ctx, id)?;
            Ok(Some(t))
        }
        None => Ok(None),
    }
}

/// The project named by the request (`project_id`, or `contract_id`'s project on lists),
/// which must be in the workspace (404) and visible to the caller (403).
fn scoped_project(ctx: &Ctx) -> Result<i64, HttpError> {
    let project = match (ctx.int("project_id"), ctx.int("contract_id")) {
        (Some(p), _) => p,
        (None, Some(c)) => lookup::contract(ctx.db, ctx.ws_id(), c)?.ok_or_else(|| HttpError::not_found("Contract"))?.project_id,
        (None, None) => return Err(HttpError::invalid("project_id", "is required when contract_id is not present")),
    };
    let p = lookup::project(ctx.db, ctx.ws_id(), project)?.ok_or_else(|| HttpError::not_found("Project"))?;
    if p.archived && !ctx.is_admin() {
        return Err(HttpError::not_found("Project"));
    }
    if !ctx.visible_projects()?.allows(project) {
        return Err(HttpError::forbidden("Your role may not access this project."));
    }
    Ok(project)
}

/// The task of the path in the request's project.
fn scoped_task(ctx: &Ctx) -> Result<(i64, Task), HttpError> {
    let project = scoped_project(ctx)?;
    let id = ctx.path_int("taskId");
    let task = load(ctx, id)?.filter(|t| t.project_id as i64 == project).ok_or_else(|| HttpError::not_found("Task"))?;
    Ok((project, task))
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let project = scoped_project(ctx)?;
    let order = match ctx.str("order_by") {
        None | Some("id") => "id",
        Some("title") => "title COLLATE NOCASE, id",
        Some("status") => "status, id",
        Some("priority") => "priority IS NULL, priority, id",
        Some("created_at") => "created_at, id",
        Some("end_date") => "end_date IS NULL, end_date, id",
        Some(_) => {
            return Err(HttpError::unprocessable(
                "The selected order_by is invalid. Allowed values: id, title, status, priority, created_at, end_date.",
            ))
        }
    };
    let mut filter = " AND project_id = ?2".to_owned();
    let mut args: Vec<Value> = vec![json!(ctx.ws_id()), json!(project)];
    for (param, column) in [("status", "status"), ("priority", "priority"), ("parent_id", "parent_id")] {
        if let Some(v) = ctx.value(param) {
            args.push(v.clone());
            filter.push_str(&format!(" AND {column} = ?{}", args.len()));
        }
    }
    let count_sql = format!("SELECT COUNT(*) FROM tasks WHERE workspace_id = ?1 AND deleted_at IS NULL{filter}");
    let total: i64 = ctx.db.query_row(&count_sql, params_from_iter(args.iter().map(sql_value)), |r| r.get(0))?;
    let mut sql = format!("{SELECT}{filter}");
    let (limit, offset) = ctx.limit_offset();
    sql.push_str(&format!(" ORDER BY {order} LIMIT {limit} OFFSET {offset}"));
    let mut stmt = ctx.db.prepare(&sql)?;
    let mut tasks = collect(stmt.query_map(params_from_iter(args.iter().map(sql_value)), row)?)?;
    for t in &mut tasks {
        t.assignees = assignees_of(ctx, t.id as i64)?;
    }
    Ok(Reply::page(tasks, total as u64, ctx.page(), ctx.per_page()))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (_, task) = scoped_task(ctx)?;
    Ok(Reply::data(task))
}

/// Rules create and update share; `current` holds the stored task on update.
fn check_fields(ctx: &Ctx, project: i64, current: Option<&Task>) -> Result<(), HttpError> {
    if let Some(title) = ctx.raw_str("title") {
        if title.trim().is_empty() {
            return Err(HttpError::invalid("title", "must not be empty"));
        }
        if title.chars().count() > 255 {
            return Err(HttpError::invalid("title", "must not be greater than 255 characters"));
        }
    }
    if ctx.is_null("title") {
        return Err(HttpError::invalid("title", "must not be empty"));
    }
    let start = ctx.str("start_date").map(str::to_owned).or_else(|| current.and_then(|t| t.start_date.clone()));
    let end = ctx.str("end_date").map(str::to_owned).or_else(|| current.and_then(|t| t.end_date.clone()));
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(HttpError::invalid("end_date", "must be a date after or equal to start_date"));
        }
    }
    if let Some(parent) = ctx.int("parent_id") {
        let ok = lookup::task(ctx.db, ctx.ws_id(), parent)?.is_some_and(|t| t.project_id == project)
            && current.is_none_or(|t| t.id as i64 != parent);
        if !ok {
            return Err(selected_invalid("parent_id"));
        }
    }
    Ok(())
}

fn completed_at(ctx: &Ctx, status: i64, current: Option<&Task>) -> Option<String> {
    let done = status == 20 || status == 30;
    match current.and_then(|t| t.completed_at.clone()) {
        Some(at) if done => Some(at),
        _ if done => Some(ctx.now_iso()),
        _ => None,
    }
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let project = scoped_project(ctx)?;
    if lookup::project(ctx.db, ctx.ws_id(), project)?.is_some_and(|p| p.archived) {
        return Err(selected_invalid("project_id"));
    }
    check_fields(ctx, project, None)?;
    let status = ctx.int("status").unwrap_or(0);
    if ![0, 10, 20, 30].contains(&status) {
        return Err(HttpError::unprocessable("The selected status is invalid. A new task takes a base status: 0, 10, 20 or 30."));
    }
    let assignees = ctx.ints("assignees").unwrap_or_default();
    for a in &assignees {
        let m = member_ref(ctx, "assignees", *a)?;
        if m.role == Role::ProjectViewer.as_str() {
            return Err(selected_invalid("assignees"));
        }
    }
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO tasks (workspace_id, project_id, parent_id, title, description, owner_id, creator_id, status, priority, start_date, end_date, completed_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            ctx.ws_id(), project, ctx.int("parent_id"), ctx.req_str("title")?.trim(), ctx.raw_str("description"), ctx.user_id(),
            status, ctx.int("priority"), ctx.str("start_date"), ctx.str("end_date"), completed_at(ctx, status, None), now
        ],
    )?;
    let id = ctx.db.last_insert_rowid();
    for a in assignees {
        ctx.db.execute("INSERT OR IGNORE INTO task_assignees (task_id, user_id) VALUES (?1, ?2)", params![id, a])?;
    }
    Ok(Reply::data(load(ctx, id)?))
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (project, task) = scoped_task(ctx)?;
    check_fields(ctx, project, Some(&task))?;
    let mut sets = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    for (param, column) in [
        ("title", "title"),
        ("description", "description"),
        ("status", "status"),
        ("priority", "priority"),
        ("start_date", "start_date"),
        ("end_date", "end_date"),
        ("parent_id", "parent_id"),
    ] {
        if ctx.has(param) {
            if param == "status" && ctx.is_null("status") {
                return Err(HttpError::invalid("status", "must be an integer"));
            }
            let v = ctx.params.values.get(param).cloned().unwrap_or(Value::Null);
            let v = match v {
                Value::String(s) if param == "title" => Value::String(s.trim().to_owned()),
                Value::String(s) if s.trim().is_empty() && param != "description" => Value::Null,
                other => other,
            };
            args.push(v);
            sets.push(format!("{column} = ?{}", args.len()));
        }
    }
    if let Some(status) = ctx.int("status") {
        args.push(json!(completed_at(ctx, status, Some(&task))));
        sets.push(format!("completed_at = ?{}", args.len()));
    }
    args.push(json!(ctx.now_iso()));
    sets.push(format!("updated_at = ?{}", args.len()));
    args.push(json!(task.id));
    let sql = format!("UPDATE tasks SET {} WHERE id = ?{}", sets.join(", "), args.len());
    ctx.db.execute(&sql, params_from_iter(args.iter().map(sql_value)))?;
    // `task.updated` is in the reference's sample webhook only; when it fires is inferred.
    let updated = load(ctx, task.id as i64)?;
    ctx.emit(WebhookEvent::TaskUpdated, updated)?;
    Ok(Reply::empty())
}

fn delete(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (_, task) = scoped_task(ctx)?;
    let now = ctx.now_iso();
    ctx.db.execute("UPDATE tasks SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", params![task.id, now])?;
    Ok(Reply::empty())
}

fn assignees(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (_, task) = scoped_task(ctx)?;
    Ok(Reply::data(task.assignees))
}

/// The member of the path's `userId`: a live member who is not a project viewer (404 otherwise).
fn path_member(ctx: &Ctx) -> Result<i64, HttpError> {
    let user = ctx.path_int("userId");
    match lookup::live_member(ctx.db, ctx.ws_id(), user)? {
        Some(m) if m.role != Role::ProjectViewer.as_str() => Ok(user),
        _ => Err(HttpError::not_found("Member")),
    }
}

fn assign(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (_, task) = scoped_task(ctx)?;
    let user = path_member(ctx)?;
    ctx.db.execute("INSERT OR IGNORE INTO task_assignees (task_id, user_id) VALUES (?1, ?2)", params![task.id, user])?;
    Ok(Reply::empty())
}

fn unassign(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let (_, task) = scoped_task(ctx)?;
    let user = ctx.path_int("userId");
    if lookup::member(ctx.db, ctx.ws_id(), user)?.is_none() {
        return Err(HttpError::not_found("Member"));
    }
    ctx.db.execute("DELETE FROM task_assignees WHERE task_id = ?1 AND user_id = ?2", params![task.id, user])?;
    Ok(Reply::empty())
}
