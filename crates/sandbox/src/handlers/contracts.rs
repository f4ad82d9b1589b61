//! Contracts (a member's assignment to a project): list (project/user/status filters,
//! role-filtered), create (201; one live contract per member and project, else 409), get,
//! update (limits, screenshots, rate, pause/activate via `status`), delete (soft).
//! The rate shows only to callers who may see rates, and only on billable projects.

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![("getContracts", list), ("createContract", create), ("getContract", get), ("updateContract", update), ("deleteContract", delete)]
}

const SELECT: &str = "SELECT c.id, c.project_id, p.name, p.icon, c.user_id, u.firstname, u.lastname, u.email, m.role,
        c.weekly_hours_limit, c.screenshots, c.rate, c.rate_type, c.status, c.currency, c.created_at, c.updated_at,
        p.is_billable, p.rate, m.rate
    FROM contracts c JOIN projects p ON p.id = c.project_id JOIN users u ON u.id = c.user_id
    LEFT JOIN memberships m ON m.workspace_id = c.workspace_id AND m.user_id = c.user_id
    WHERE c.workspace_id = ?1 AND c.deleted_at IS NULL";

/// The label a screenshot mode shows as.
pub fn screenshots_label(mode: &str) -> Option<&'static str> {
    Some(match mode {
        "full" => "Screenshot on",
        "blurred" => "Blurred screenshots",
        "no_preview" => "Screenshots without preview",
        "no_screenshot" => "Screenshot off",
        "background_blurred" => "Background blurred",
        "video_full" => "Video on",
        "video_blurred" => "Blurred video",
        "video_full_silent" => "Video on (silent)",
        "video_blurred_silent" => "Blurred video (silent)",
        _ => return None,
    })
}

struct Row {
    contract: Contract,
    billable: bool,
    project_rate: Option<f64>,
    member_rate: Option<f64>,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let screenshots: Option<String> = r.get(10)?;
    let rate_type: Option<i64> = r.get(12)?;
    Ok(Row {
        contract: Contract {
            id: r.get::<_, i64>(0)? as u64,
            project_id: r.get::<_, i64>(1)? as u64,
            project_name: r.get(2)?,
            project_icon: r.get(3)?,
            user_id: r.get::<_, i64>(4)? as u64,
            user_firstname: r.get(5)?,
            user_lastname: r.get(6)?,
            user_email: r.get(7)?,
            user_role: r.get::<_, Option<String>>(8)?.map(|s| Role::parse(&s)),
            weekly_hours_limit: r.get(9)?,
            screenshots_label: screenshots.as_deref().and_then(screenshots_label).map(str::to_owned),
            screenshots,
            rate: r.get(11)?,
            rate_type: rate_type.map(|t| match t {
                1 => RateType::Custom,
                2 => RateType::Member,
                3 => RateType::Project,
                other => RateType::Other(other),
            }),
            status: ContractStatus::parse(&r.get::<_, String>(13)?),
            currency: r.get(14)?,
            created_at: r.get(15)?,
            updated_at: r.get(16)?,
        },
        billable: r.get(17)?,
        project_rate: r.get(18)?,
        member_rate: r.get(19)?,
    })
}

/// The contract as the caller sees it: the effective rate (custom, member or project) only
/// with rate permission on a billable project.
fn finish(ctx: &Ctx, r: Row) -> Contract {
    let mut c = r.contract;
    let effective = match c.rate_type {
        Some(RateType::Member) => r.member_rate,
        Some(RateType::Project) => r.project_rate,
        _ => c.rate,
    };
    c.rate = if r.billable { rate_for(ctx, effective) } else { None };
    c
}

fn load(ctx: &Ctx, id: i64) -> Result<Option<(Contract, i64, i64)>, HttpError> {
    let sql = format!("{SELECT} AND c.id = ?2");
    Ok(optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))?.map(|r| {
        let (project, user) = (r.contract.project_id as i64, r.contract.user_id as i64);
        (finish(ctx, r), project, user)
    }))
}

/// Which contracts the caller may see: owners/EMs all; project managers those of the projects
/// they manage; team managers those of their teams' people; viewers those of their projects;
/// everyone their own.
fn visible(ctx: &Ctx) -> Result<Box<dyn Fn(i64, i64) -> bool>, HttpError> {
    let me = ctx.user_id();
    match ctx.role() {
        Role::Owner | Role::ExecutiveManager => Ok(Box::new(|_, _| true)),
        Role::ProjectManager => {
            let mut stmt = ctx.db.prepare_cached(
                "SELECT pm.project_id FROM project_managers pm JOIN projects p ON p.id = pm.project_id WHERE p.workspace_id = ?1 AND pm.user_id = ?2",
            )?;
            let managed: std::collections::BTreeSet<i64> =
                collect(stmt.query_map(params![ctx.ws_id(), me], |r| r.get(0))?)?.into_iter().collect();
            Ok(Box::new(move |project, user| user == me || managed.contains(&project)))
        }
        Role::ProjectViewer | Role::Client => {
            let projects = ctx.visible_projects()?;
            Ok(Box::new(move |project, _| projects.allows(project)))
        }
        _ => {
            let users = ctx.visible_users()?;
            Ok(Box::new(move |_, user| users.allows(user)))
        }
    }
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let mut sql = SELECT.to_owned();
    let mut args: Vec<Value> = vec![json!(ctx.ws_id())];
    for (param, column) in [("project_id", "c.project_id"), ("user_id", "c.user_id"), ("status", "c.status")] {
        if let Some(v) = ctx.value(param) {
            args.push(v.clone());
            sql.push_str(&format!(" AND {column} = ?{}", args.len()));
        }
    }
    sql.push_str(" ORDER BY c.id");
    let allowed = visible(ctx)?;
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = collect(stmt.query_map(params_from_iter(args.iter().map(sql_value)), row)?)?;
    let all: Vec<Contract> =
        rows.into_iter().filter(|r| allowed(r.contract.project_id as i64, r.contract.user_id as i64)).map(|r| finish(ctx, r)).collect();
    Ok(Reply::paged(all, ctx.page(), ctx.per_page()))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("contractId");
    let (contract, project, user) = load(ctx, id)?.ok_or_else(|| HttpError::not_found("Contract"))?;
    if !visible(ctx)?(project, user) {
        return Err(HttpError::forbidden("Your role may not view this contract."));
    }
    Ok(Reply::data(contract))
}

fn check_rate(ctx: &Ctx) -> Result<(), HttpError> {
    if ctx.num("rate").is_some_and(|r| r < 0.0) {
        return Err(HttpError::invalid("rate", "must be at least 0"));
    }
    if ctx.int("weekly_hours_limit").is_some_and(|h| h > 168) {
        return Err(HttpError::invalid("weekly_hours_limit", "must not be greater than 168"));
    }
    Ok(())
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    check_rate(ctx)?;
    let project = project_ref(ctx, "project_id", ctx.req_int("project_id")?)?;
    let user = member_ref(ctx, "user_id", ctx.req_int("user_id")?)?;
    if user.role == Role::ProjectViewer.as_str() {
        return Err(HttpError::unprocessable("Project viewers cannot have contracts; use assign-project instead."));
    }
    if lookup::contract_of(ctx.db, ctx.ws_id(), project.id, user.user_id)?.is_some() {
        return Err(HttpError::conflict("This member already has a contract on this project."));
    }
    let rate = if ctx.can_see_rates() { ctx.num("rate") } else { None };
    let rate_type = ctx.int("rate_type").unwrap_or(if rate.is_some() {
        1
    } else if project.rate.is_some() {
        3
    } else {
        2
    });
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO contracts (workspace_id, project_id, user_id, weekly_hours_limit, screenshots, rate, rate_type, status, currency, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', 'USD', ?8, ?8)",
        params![ctx.ws_id(), project.id, user.user_id, ctx.int("weekly_hours_limit").unwrap_or(168), ctx.str("screenshots").unwrap_or("full"), rate, rate_type, now],
    )?;
    let id = ctx.db.last_insert_rowid();
    let (contract, _, _) = load(ctx, id)?.ok_or_else(|| HttpError::internal("The new contract vanished."))?;
    Ok(Reply::data(contract))
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    check_rate(ctx)?;
    let id = ctx.path_int("contractId");
    load(ctx, id)?.ok_or_else(|| HttpError::not_found("Contract"))?;
    let rate = if ctx.can_see_rates() { ctx.num("rate") } else { None };
    // A new rate without a rate type makes the rate custom.
    let rate_type = ctx.int("rate_type").or(rate.map(|_| 1));
    ctx.db.execute(
        "UPDATE contracts SET weekly_hours_limit = COALESCE(?2, weekly_hours_limit), screenshots = COALESCE(?3, screenshots),
           rate = COALESCE(?4, rate), rate_type = COALESCE(?5, rate_type), status = COALESCE(?6, status), updated_at = ?7
         WHERE id = ?1",
        params![id, ctx.int("weekly_hours_limit"), ctx.str("screenshots"), rate, rate_type, ctx.str("status"), ctx.now_iso()],
    )?;
    let (contract, _, _) = load(ctx, id)?.ok_or_else(|| HttpError::not_found("Contract"))?;
    Ok(Reply::data(contract))
}

fn delete(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("contractId");
    load(ctx, id)?.ok_or_else(|| HttpError::not_found("Contract"))?;
    let now = ctx.now_iso();
    ctx.db.execute("UPDATE contracts SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", params![id, now])?;
    Ok(Reply::empty())
}
