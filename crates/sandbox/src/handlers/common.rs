//! Helpers shared by handler modules.

use rusqlite::Row;

use crate::server::context::Ctx;
use crate::server::envelope::HttpError;
use crate::store::lookup::{self, ContractRef, MemberRef, ProjectRef, TaskRef};

/// Collects mapped rows.
pub fn collect<T>(rows: rusqlite::MappedRows<'_, impl FnMut(&Row<'_>) -> rusqlite::Result<T>>) -> Result<Vec<T>, HttpError> {
    Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
}

/// A body/query reference to a member (`user_id`, `assignees`): 422 naming the field when the
/// id is not a live member of the workspace (Laravel's "The selected x is invalid.").
pub fn member_ref(ctx: &Ctx, field: &str, user_id: i64) -> Result<MemberRef, HttpError> {
    lookup::live_member(ctx.db, ctx.ws_id(), user_id)?.ok_or_else(|| selected_invalid(field))
}

/// A body/query reference to a live project of the workspace (422 otherwise).
pub fn project_ref(ctx: &Ctx, field: &str, id: i64) -> Result<ProjectRef, HttpError> {
    lookup::project(ctx.db, ctx.ws_id(), id)?.filter(|p| !p.archived).ok_or_else(|| selected_invalid(field))
}

/// A body/query reference to a live contract of the workspace (422 otherwise).
pub fn contract_ref(ctx: &Ctx, field: &str, id: i64) -> Result<ContractRef, HttpError> {
    lookup::contract(ctx.db, ctx.ws_id(), id)?.ok_or_else(|| selected_invalid(field))
}

/// A body/query reference to a live task of the workspace (422 otherwise).
pub fn task_ref(ctx: &Ctx, field: &str, id: i64) -> Result<TaskRef, HttpError> {
    lookup::task(ctx.db, ctx.ws_id(), id)?.ok_or_else(|| selected_invalid(field))
}

pub fn selected_invalid(field: &str) -> HttpError {
    HttpError::unprocessable(format!("The selected {field} is invalid."))
}

/// A rate or amount as the caller may see it: `None` without rate permission.
pub fn rate_for(ctx: &Ctx, value: Option<f64>) -> Option<f64> {
    if ctx.can_see_rates() {
        value
    } else {
        None
    }
}

/// `Jan 15, 2024`: the display form expense dates use.
pub fn display_date(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let d = webwork_core::date::CivilDate::parse(date).ok()?;
    Some(format!("{} {}, {}", MONTHS[(d.month - 1) as usize], d.day, d.year))
}

/// A JSON value as an SQL parameter (for dynamically built filters).
pub fn sql_value(v: &serde_json::Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as S;
    match v {
        serde_json::Value::Null => S::Null,
        serde_json::Value::Bool(b) => S::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => n.as_i64().map(S::Integer).unwrap_or_else(|| S::Real(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::String(s) => S::Text(s.clone()),
        other => S::Text(other.to_string()),
    }
}

/// An SQL query grown from optional filters, with its positional arguments: `and` appends
/// ` AND {cond}` with its `?` numbered after the arguments so far.
pub struct Query {
    pub sql: String,
    pub args: Vec<serde_json::Value>,
}

impl Query {
    pub fn new(sql: impl Into<String>, args: Vec<serde_json::Value>) -> Self {
        Query { sql: sql.into(), args }
    }

    /// ` AND {cond}`, where `cond` holds one `?` for `value`.
    pub fn and(&mut self, cond: &str, value: serde_json::Value) {
        self.args.push(value);
        self.sql.push_str(" AND ");
        self.sql.push_str(&cond.replace('?', &format!("?{}", self.args.len())));
    }

    /// `column = value` for each request parameter that is present and not blank.
    pub fn and_params(&mut self, ctx: &Ctx, pairs: &[(&str, &str)]) {
        for (param, column) in pairs {
            if let Some(v) = ctx.value(param) {
                if !v.as_str().is_some_and(|s| s.trim().is_empty()) {
                    self.and(&format!("{column} = ?"), v.clone());
                }
            }
        }
    }

    pub fn params(&self) -> rusqlite::ParamsFromIter<impl Iterator<Item = rusqlite::types::Value> + '_> {
        rusqlite::params_from_iter(self.args.iter().map(sql_value))
    }

    /// The caller's page of the rows in `order`, and how many rows there are in all.
    pub fn page<T>(mut self, ctx: &Ctx, order: &str, row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>) -> Result<(Vec<T>, u64), HttpError> {
        let total: i64 = ctx.db.prepare(&format!("SELECT COUNT(*) FROM ({})", self.sql))?.query_row(self.params(), |r| r.get(0))?;
        let (limit, offset) = ctx.limit_offset();
        self.sql.push_str(&format!(" ORDER BY {order} LIMIT {limit} OFFSET {offset}"));
        let mut stmt = ctx.db.prepare(&self.sql)?;
        let items = collect(stmt.query_map(self.params(), row)?)?;
        Ok((items, total.max(0) as u64))
    }
}
