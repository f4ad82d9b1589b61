//! Small shared lookups the handlers need: "does this id exist in this workspace", names for
//! display fields. Each returns `Ok(None)` for ids of other workspaces, so a handler that
//! answers 404 on `None` never leaks another workspace's data.

use rusqlite::{params, Connection};

use super::optional;

/// A workspace member as other resources reference them.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRef {
    pub user_id: i64,
    pub email: String,
    pub firstname: String,
    pub lastname: String,
    pub role: String,
    pub status: String,
    pub archived: bool,
}

impl MemberRef {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.firstname, self.lastname).trim().to_owned()
    }
}

/// A member of `ws` (archived ones included; check `archived`).
pub fn member(conn: &Connection, ws: i64, user: i64) -> rusqlite::Result<Option<MemberRef>> {
    optional(
        conn.prepare_cached(
            "SELECT u.id, u.email, u.firstname, u.lastname, m.role, m.status, m.deleted_at IS NOT NULL
         FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = ?1 AND m.user_id = ?2",
        )?
        .query_row(params![ws, user], |r| {
            Ok(MemberRef {
                user_id: r.get(0)?,
                email: r.get(1)?,
                firstname: r.get(2)?,
                lastname: r.get(3)?,
                role: r.get(4)?,
                status: r.get(5)?,
                archived: r.get(6)?,
            })
        }),
    )
}

/// A live (not archived) member of `ws`.
pub fn live_member(conn: &Connection, ws: i64, user: i64) -> rusqlite::Result<Option<MemberRef>> {
    Ok(member(conn, ws, user)?.filter(|m| !m.archived))
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRef {
    pub id: i64,
    pub name: String,
    pub icon: Option<String>,
    pub is_billable: bool,
    pub rate: Option<f64>,
    pub archived: bool,
}

/// A project of `ws` (archived ones included; check `archived`).
pub fn project(conn: &Connection, ws: i64, id: i64) -> rusqlite::Result<Option<ProjectRef>> {
    optional(
        conn.prepare_cached(
            "SELECT id, name, icon, is_billable, rate, deleted_at IS NOT NULL FROM projects WHERE workspace_id = ?1 AND id = ?2",
        )?
        .query_row(params![ws, id], |r| {
            Ok(ProjectRef { id: r.get(0)?, name: r.get(1)?, icon: r.get(2)?, is_billable: r.get(3)?, rate: r.get(4)?, archived: r.get(5)? })
        }),
    )
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContractRef {
    pub id: i64,
    pub project_id: i64,
    pub user_id: i64,
    pub status: String,
}

/// A live (not deleted) contract of `ws`.
pub fn contract(conn: &Connection, ws: i64, id: i64) -> rusqlite::Result<Option<ContractRef>> {
    optional(
        conn.prepare_cached(
            "SELECT id, project_id, user_id, status FROM contracts WHERE workspace_id = ?1 AND id = ?2 AND deleted_at IS NULL",
        )?
        .query_row(params![ws, id], |r| Ok(ContractRef { id: r.get(0)?, project_id: r.get(1)?, user_id: r.get(2)?, status: r.get(3)? })),
    )
}

/// The live contract of `user` on `project`, if any.
pub fn contract_of(conn: &Connection, ws: i64, project: i64, user: i64) -> rusqlite::Result<Option<ContractRef>> {
    optional(conn.prepare_cached(
        "SELECT id, project_id, user_id, status FROM contracts WHERE workspace_id = ?1 AND project_id = ?2 AND user_id = ?3 AND deleted_at IS NULL",
    )?.query_row(params![ws, project, user], |r| {
        Ok(ContractRef { id: r.get(0)?, project_id: r.get(1)?, user_id: r.get(2)?, status: r.get(3)? })
    }))
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskRef {
    pub id: i64,
    pub project_id: i64,
    pub title: String,
}

/// A live (not deleted) task of `ws`.
pub fn task(conn: &Connection, ws: i64, id: i64) -> rusqlite::Result<Option<TaskRef>> {
    optional(
        conn.prepare_cached("SELECT id, project_id, title FROM tasks WHERE workspace_id = ?1 AND id = ?2 AND deleted_at IS NULL")?
            .query_row(params![ws, id], |r| Ok(TaskRef { id: r.get(0)?, project_id: r.get(1)?, title: r.get(2)? })),
    )
}
