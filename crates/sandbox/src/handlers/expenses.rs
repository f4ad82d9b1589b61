//! Expenses: list (id, date window, member, project, category and type filters; paged), create
//! (201, the Expense), update, delete (soft), and the categories list.
//!
//! Decisions where the reference is silent (documented in SANDBOX.md):
//! - Amounts are financial data, and the Expense model's `amount` is a required number, so
//!   instead of hiding it: owners and EMs see every expense; other members who may see rates
//!   see the expenses of the people their role shows them; everyone else sees only their own.
//! - Members other than owners/EMs create, edit and delete only their own expenses (403).
//! - `amount` must be more than 0 (at most 1,000,000,000), rounded to cents; `category_id` a
//!   category of the workspace; `project_id` a live project the caller may see. `is_billable`
//!   defaults to the project's billability (false without a project).
//! - `note` shows the note, or the description when there is no note.

use super::leaves::{check_window, date_param};
use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![
        ("getExpenses", list),
        ("createExpense", create),
        ("updateExpense", update),
        ("deleteExpense", delete),
        ("getExpenseCategories", categories),
    ]
}

const MAX_AMOUNT: f64 = 1_000_000_000.0;

const SELECT: &str = "SELECT e.id, e.user_id, u.firstname, u.lastname, e.date, e.expense_name, e.project_id, p.name, e.category_id, c.name,
        e.amount, e.note, e.description, e.is_billable, e.created_at
    FROM expenses e JOIN users u ON u.id = e.user_id
    LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN expense_categories c ON c.id = e.category_id
    WHERE e.workspace_id = ?1 AND e.deleted_at IS NULL";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Expense> {
    let date: String = r.get(4)?;
    let created: String = r.get(14)?;
    let note: Option<String> = r.get(11)?;
    let description: Option<String> = r.get(12)?;
    Ok(Expense {
        id: r.get(0)?,
        user_id: Some(r.get::<_, i64>(1)? as u64),
        member: Some(format!("{} {}", r.get::<_, String>(2)?, r.get::<_, String>(3)?).trim().to_owned()),
        expense_date: display_date(&date),
        expense_name: r.get(5)?,
        project_id: r.get::<_, Option<i64>>(6)?.map(|v| v as u64),
        project: r.get(7)?,
        category_id: r.get(8)?,
        category: r.get(9)?,
        amount: r.get(10)?,
        note: note.filter(|n| !n.is_empty()).or(description),
        expense_type: if r.get::<_, bool>(13)? { ExpenseType::Billable } else { ExpenseType::NonBillable },
        added_dte: created.get(..10).and_then(display_date),
        date: Some(date),
    })
}

/// Whose expenses the caller may see.
fn scope(ctx: &Ctx) -> Result<Scope, HttpError> {
    if ctx.is_admin() {
        Ok(Scope::All)
    } else if ctx.can_see_rates() {
        ctx.visible_users()
    } else {
        Ok(Scope::Only([ctx.user_id()].into_iter().collect()))
    }
}

/// The expense of the path, if the caller may see it (404 otherwise) and change it (403).
fn editable(ctx: &Ctx) -> Result<Expense, HttpError> {
    let id = ctx.path_str("expenseId");
    let sql = format!("{SELECT} AND e.id = ?2");
    let expense = optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))?
        .filter(|e| scope(ctx).map(|s| s.allows(e.user_id.unwrap_or(0) as i64)).unwrap_or(false))
        .ok_or_else(|| HttpError::not_found("Expense"))?;
    if !ctx.is_admin() && expense.user_id != Some(ctx.user_id() as u64) {
        return Err(HttpError::forbidden("Your role may only change your own expenses."));
    }
    Ok(expense)
}

fn load(ctx: &Ctx, id: &str) -> Result<Option<Expense>, HttpError> {
    let sql = format!("{SELECT} AND e.id = ?2");
    Ok(optional(ctx.db.prepare_cached(&sql)?.query_row(params![ctx.ws_id(), id], row))?)
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let from = date_param(ctx, "date_from")?;
    let to = date_param(ctx, "date_to")?;
    check_window(from, to, "date_from", "date_to", None)?;
    let mut query = Query::new(format!("{SELECT} AND {}", scope(ctx)?.sql("e.user_id")), vec![json!(ctx.ws_id())]);
    query.and_params(ctx, &[("id", "e.id"), ("user_id", "e.user_id"), ("project_id", "e.project_id"), ("category_id", "e.category_id")]);
    if let Some(f) = from {
        query.and("e.date >= ?", json!(f.to_string()));
    }
    if let Some(t) = to {
        query.and("e.date <= ?", json!(t.to_string()));
    }
    match ctx.str("type") {
        Some("billable") => query.sql.push_str(" AND e.is_billable = 1"),
        Some("non-billable") => query.sql.push_str(" AND e.is_billable = 0"),
        _ => {}
    }
    let (rows, total) = query.page(ctx, "e.date DESC, e.created_at DESC, e.id", row)?;
    Ok(Reply::page(rows, total, ctx.page(), ctx.per_page()))
}

/// Field rules shared by create and update; returns the project's billability when a project is named.
fn check_fields(ctx: &Ctx) -> Result<Option<bool>, HttpError> {
    for field in ["expense_name", "date", "amount", "category_id"] {
        if ctx.is_null(field) || (ctx.has(field) && ctx.raw_str(field).is_some_and(|s| s.trim().is_empty())) {
            return Err(HttpError::invalid(field, "must not be empty"));
        }
    }
    if let Some(name) = ctx.str("expense_name") {
        if name.chars().count() > 255 {
            return Err(HttpError::invalid("expense_name", "must not be greater than 255 characters"));
        }
    }
    if let Some(amount) = ctx.num("amount") {
        if amount.is_nan() || amount <= 0.0 {
            return Err(HttpError::invalid("amount", "must be greater than 0"));
        }
        if amount > MAX_AMOUNT {
            return Err(HttpError::invalid("amount", "must not be greater than 1000000000"));
        }
    }
    if let Some(day) = date_param(ctx, "date")? {
        if day.year < 1970 || day > ctx.today().add_days(366) {
            return Err(HttpError::invalid("date", "must be a date between 1970-01-01 and a year from today"));
        }
    }
    if let Some(category) = ctx.str("category_id") {
        let found: Option<String> = optional(
            ctx.db
                .prepare_cached("SELECT id FROM expense_categories WHERE workspace_id = ?1 AND id = ?2")?
                .query_row(params![ctx.ws_id(), category.trim()], |r| r.get(0)),
        )?;
        if found.is_none() {
            return Err(selected_invalid("category_id"));
        }
    }
    if let Some(user) = ctx.int("user_id") {
        if !ctx.is_admin() && user != ctx.user_id() {
            return Err(HttpError::forbidden("Your role may only record expenses for yourself."));
        }
        let m = member_ref(ctx, "user_id", user)?;
        if m.role == Role::ProjectViewer.as_str() {
            return Err(selected_invalid("user_id"));
        }
    }
    match ctx.int("project_id") {
        Some(p) => {
            let project = project_ref(ctx, "project_id", p)?;
            if !ctx.visible_projects()?.allows(p) {
                return Err(selected_invalid("project_id"));
            }
            Ok(Some(project.is_billable))
        }
        None => Ok(None),
    }
}

fn rounded(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let name = ctx.req_str("expense_name")?;
    let date = ctx.req_str("date")?;
    let amount = ctx.num("amount").ok_or_else(|| HttpError::invalid("amount", "is required"))?;
    let category = ctx.req_str("category_id")?;
    let project_billable = check_fields(ctx)?;
    let user = ctx.int("user_id").unwrap_or(ctx.user_id());
    let billable = ctx.bool("is_billable").or(project_billable).unwrap_or(false);
    let currency: String = ctx.db.query_row("SELECT currency FROM workspaces WHERE id = ?1", [ctx.ws_id()], |r| r.get(0))?;
    let id = ctx.ids.uuid();
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO expenses (id, workspace_id, user_id, project_id, category_id, expense_name, amount, currency, note, description, is_billable, date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            id, ctx.ws_id(), user, ctx.int("project_id"), category.trim(), name.trim(), rounded(amount), currency,
            ctx.raw_str("note"), ctx.raw_str("description"), billable, date.trim(), now
        ],
    )?;
    let expense = load(ctx, &id)?.ok_or_else(|| HttpError::internal("The new expense vanished."))?;
    Ok(Reply::data(expense))
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let expense = editable(ctx)?;
    check_fields(ctx)?;
    let mut sets = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    for (param, column) in [
        ("expense_name", "expense_name"),
        ("date", "date"),
        ("amount", "amount"),
        ("category_id", "category_id"),
        ("project_id", "project_id"),
        ("note", "note"),
        ("description", "description"),
        ("is_billable", "is_billable"),
        ("user_id", "user_id"),
    ] {
        if !ctx.has(param) {
            continue;
        }
        let v = match ctx.params.values.get(param).cloned().unwrap_or(Value::Null) {
            Value::String(s) if matches!(param, "expense_name" | "date" | "category_id") => Value::String(s.trim().to_owned()),
            Value::Number(n) if param == "amount" => json!(rounded(n.as_f64().unwrap_or(0.0))),
            Value::Null if matches!(param, "is_billable" | "user_id") => continue,
            other => other,
        };
        args.push(v);
        sets.push(format!("{column} = ?{}", args.len()));
    }
    args.push(json!(ctx.now_iso()));
    sets.push(format!("updated_at = ?{}", args.len()));
    args.push(json!(expense.id));
    let sql = format!("UPDATE expenses SET {} WHERE id = ?{}", sets.join(", "), args.len());
    ctx.db.execute(&sql, params_from_iter(args.iter().map(sql_value)))?;
    Ok(Reply::empty())
}

fn delete(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let expense = editable(ctx)?;
    let now = ctx.now_iso();
    ctx.db.execute("UPDATE expenses SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", params![expense.id, now])?;
    Ok(Reply::empty())
}

fn categories(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let mut stmt =
        ctx.db.prepare_cached("SELECT id, name, color FROM expense_categories WHERE workspace_id = ?1 ORDER BY name COLLATE NOCASE, id")?;
    let rows = collect(stmt.query_map([ctx.ws_id()], |r| Ok(ExpenseCategory { id: r.get(0)?, name: r.get(1)?, color: r.get(2)? }))?)?;
    Ok(Reply::data(rows))
}
