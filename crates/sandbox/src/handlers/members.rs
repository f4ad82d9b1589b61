//! Members: list (email/status/role filters, role-filtered), invite, get, update, archive
//! (soft delete: `deleted_at` set, status kept) and restore.
//!
//! Archived members are left out of the list unless a `status` filter is given: a status
//! filter returns every member with that status, archived ones included (they carry
//! `deleted_at`). Archive and restore are idempotent. Inviting an e-mail that is already in
//! the workspace is 409.

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getMembers", list),
        ("inviteMember", invite),
        ("getMember", get),
        ("updateMember", update),
        ("deleteMember", archive),
        ("restoreMember", restore),
    ]
}

const SELECT: &str = "SELECT u.id, u.email, u.firstname, u.lastname, u.avatar, m.role, u.timezone, m.status, t.name,
        m.title, u.birth_date, m.hired_at, u.preferred_timezone, m.settings_max_inactive_minutes, m.currency,
        m.rate, m.rate_type, m.rate_status, m.tax_country, m.tax_state, m.is_blocked, m.weekly_hours_limit,
        m.screenshots, m.created_at, m.updated_at, m.deleted_at
    FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN teams t ON t.id = m.team_id
    WHERE m.workspace_id = ?1";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    Ok(Member {
        id: r.get::<_, i64>(0)? as u64,
        email: r.get(1)?,
        firstname: r.get(2)?,
        lastname: r.get(3)?,
        avatar: r.get(4)?,
        current_role: Role::parse(&r.get::<_, String>(5)?),
        timezone: r.get(6)?,
        status: MemberStatus::parse(&r.get::<_, String>(7)?),
        team_name: r.get(8)?,
        title: r.get(9)?,
        birth_date: r.get(10)?,
        hired_at: r.get(11)?,
        preferred_timezone: r.get(12)?,
        settings_max_inactive_minutes: r.get(13)?,
        currency: r.get(14)?,
        rate: r.get(15)?,
        rate_type: r.get(16)?,
        rate_status: Some(if r.get::<_, i64>(17)? == 1 { RateStatus::Visible } else { RateStatus::Hidden }),
        tax_country: r.get(18)?,
        tax_state: r.get(19)?,
        is_blocked: r.get(20)?,
        weekly_hours_limit: r.get(21)?,
        screenshots: r.get(22)?,
        created_at: r.get(23)?,
        updated_at: r.get(24)?,
        deleted_at: r.get(25)?,
    })
}

/// A member of the caller's workspace (archived included), rates hidden as the caller must see them.
pub(crate) fn load(ctx: &Ctx, user_id: i64) -> Result<Option<Member>, HttpError> {
    let sql = format!("{SELECT} AND m.user_id = ?2");
    let mut m = optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), user_id], row))?;
    if let Some(m) = m.as_mut() {
        m.rate = rate_for(ctx, m.rate);
    }
    Ok(m)
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let scope = ctx.visible_users()?;
    let mut sql = format!("{SELECT} AND {}", scope.sql("m.user_id"));
    let mut args: Vec<Value> = vec![json!(ctx.ws_id())];
    if let Some(email) = ctx.str("email") {
        args.push(json!(email));
        sql.push_str(&format!(" AND u.email = ?{} COLLATE NOCASE", args.len()));
    }
    match ctx.str("status") {
        Some(status) => {
            args.push(json!(status));
            sql.push_str(&format!(" AND m.status = ?{}", args.len()));
        }
        None => sql.push_str(" AND m.deleted_at IS NULL"),
    }
    if let Some(role) = ctx.str("role") {
        args.push(json!(role));
        sql.push_str(&format!(" AND m.role = ?{}", args.len()));
    }
    sql.push_str(" ORDER BY u.id");
    let mut stmt = ctx.db.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter().map(sql_value)), row)?;
    let mut all = collect(rows)?;
    for m in &mut all {
        m.rate = rate_for(ctx, m.rate);
    }
    Ok(Reply::paged(all, ctx.page(), ctx.per_page()))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("memberId");
    // The role first: a role that may not see this id learns nothing of whether it exists.
    if !ctx.visible_users()?.allows(id) {
        return Err(HttpError::forbidden("Your role may not view this member."));
    }
    Ok(Reply::data(load(ctx, id)?.ok_or_else(|| HttpError::not_found("Member"))?))
}

fn assignable(field: &str, role: &str) -> Result<(), HttpError> {
    if Role::ASSIGNABLE.iter().any(|r| r.as_str() == role) {
        Ok(())
    } else {
        let list: Vec<&str> = Role::ASSIGNABLE.iter().map(Role::as_str).collect();
        Err(HttpError::unprocessable(format!("The selected {field} is invalid. Allowed values: {}.", list.join(", "))))
    }
}

fn invite(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let email = ctx.req_str("email")?;
    let first = ctx.req_str("firstname")?;
    let last = ctx.req_str("lastname")?;
    let role = ctx.req_str("role")?;
    assignable("role", &role)?;
    check_name_len("firstname", &first)?;
    check_name_len("lastname", &last)?;
    let ws = ctx.ws_id();
    let now = ctx.now_iso();
    let existing: Option<i64> = ctx.db.query_row("SELECT id FROM users WHERE email = ?1", [&email], |r| r.get(0)).optional()?;
    let user_id = match existing {
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
        "INSERT INTO memberships (workspace_id, user_id, role, status, invitation_code, currency, rate_type, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'inactive', ?4, 'USD', 'Hourly', ?5, ?5)",
        params![ws, user_id, role, code, now],
    )?;
    let member = load(ctx, user_id)?;
    ctx.emit(WebhookEvent::MemberInvited, member)?;
    Ok(Reply::data(InviteResult {
        user_id: user_id as u64,
        invitation_link: format!("https://app.webwork-tracker.com/dashboard/accept-invitation/{code}"),
    }))
}

fn check_name_len(field: &str, value: &str) -> Result<(), HttpError> {
    if value.chars().count() > 255 {
        return Err(HttpError::invalid(field, "must not be greater than 255 characters"));
    }
    Ok(())
}

/// Laravel's `timezone` rule: an IANA time zone name (the tz database jiff bundles), so
/// "Mars/Base" is refused like the real API would refuse it.
fn check_timezone(tz: &str) -> Result<(), HttpError> {
    if crate::zone::is_known(tz) {
        Ok(())
    } else {
        Err(HttpError::invalid("timezone", "must be a valid timezone"))
    }
}

fn non_blank(ctx: &Ctx, field: &str) -> Result<Option<String>, HttpError> {
    if !ctx.has(field) {
        return Ok(None);
    }
    match ctx.str(field) {
        Some(v) => {
            check_name_len(field, v)?;
            Ok(Some(v.to_owned()))
        }
        None => Err(HttpError::invalid(field, "must not be empty")),
    }
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("memberId");
    let ws = ctx.ws_id();
    let target = lookup::member(ctx.db, ws, id)?.ok_or_else(|| HttpError::not_found("Member"))?;
    let email = non_blank(ctx, "email")?;
    let first = non_blank(ctx, "firstname")?;
    let last = non_blank(ctx, "lastname")?;
    let timezone = non_blank(ctx, "timezone")?;
    if let Some(tz) = &timezone {
        check_timezone(tz)?;
    }
    if let Some(role) = ctx.str("role") {
        assignable("role", role)?;
        if target.role == Role::Owner.as_str() && role != target.role {
            return Err(HttpError::unprocessable("The workspace owner's role cannot be changed."));
        }
    }
    if let Some(email) = &email {
        let taken: Option<i64> =
            ctx.db.query_row("SELECT id FROM users WHERE email = ?1 AND id <> ?2", params![email, id], |r| r.get(0)).optional()?;
        if taken.is_some() {
            // Laravel's unique rule, a validation failure like the API's others (inferred).
            return Err(HttpError::unprocessable("The email has already been taken."));
        }
    }
    let now = ctx.now_iso();
    ctx.db.execute(
        "UPDATE users SET email = COALESCE(?2, email), firstname = COALESCE(?3, firstname), lastname = COALESCE(?4, lastname),
           timezone = COALESCE(?5, timezone), avatar = CASE WHEN ?6 = 1 THEN NULL ELSE avatar END, updated_at = ?7 WHERE id = ?1",
        params![id, email, first, last, timezone, ctx.int("remove_avatar").unwrap_or(0), now],
    )?;
    ctx.db.execute(
        "UPDATE memberships SET role = COALESCE(?3, role), rate_status = COALESCE(?4, rate_status),
           weekly_hours_limit = CASE WHEN ?5 THEN ?6 ELSE weekly_hours_limit END, updated_at = ?7
         WHERE workspace_id = ?1 AND user_id = ?2",
        params![ws, id, ctx.str("role"), ctx.int("rate_status"), ctx.has("weekly_hours_limit"), ctx.int("weekly_hours_limit"), now],
    )?;
    let member = load(ctx, id)?;
    ctx.emit(WebhookEvent::MemberUpdated, member)?;
    Ok(Reply::empty())
}

fn archive(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("memberId");
    let ws = ctx.ws_id();
    let target = lookup::member(ctx.db, ws, id)?.ok_or_else(|| HttpError::not_found("Member"))?;
    if target.role == Role::Owner.as_str() {
        return Err(HttpError::unprocessable("The workspace owner cannot be archived."));
    }
    if id == ctx.user_id() {
        return Err(HttpError::unprocessable("You cannot archive yourself."));
    }
    if !target.archived {
        let now = ctx.now_iso();
        ctx.db.execute(
            "UPDATE memberships SET deleted_at = ?3, updated_at = ?3 WHERE workspace_id = ?1 AND user_id = ?2",
            params![ws, id, now],
        )?;
        let member = load(ctx, id)?;
        ctx.emit(WebhookEvent::MemberArchived, &member)?;
        ctx.emit(WebhookEvent::MemberDeleted, &member)?;
    }
    Ok(Reply::empty())
}

fn restore(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_int("memberId");
    let ws = ctx.ws_id();
    let target = lookup::member(ctx.db, ws, id)?.ok_or_else(|| HttpError::not_found("Member"))?;
    if target.archived {
        let now = ctx.now_iso();
        ctx.db.execute(
            "UPDATE memberships SET deleted_at = NULL, updated_at = ?3 WHERE workspace_id = ?1 AND user_id = ?2",
            params![ws, id, now],
        )?;
        let member = load(ctx, id)?;
        ctx.emit(WebhookEvent::MemberActivated, member)?;
    }
    Ok(Reply::empty())
}
