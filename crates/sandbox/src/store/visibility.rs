//! What each role may see (catalog 1.9 and each op's "Who may call"): owners and executive
//! managers see the whole workspace; project managers their managed projects and the people on
//! them; team managers their teams' people and those people's projects; regular users
//! themselves and their assigned projects; project viewers their assigned projects.

use std::collections::BTreeSet;

use rusqlite::{params, Connection};
use webwork_core::models::Role;

/// A set of ids a caller may see, or everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Only(BTreeSet<i64>),
}

impl Scope {
    pub fn allows(&self, id: i64) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(ids) => ids.contains(&id),
        }
    }

    /// An SQL condition on `column` (ids are integers, so inlining them is safe).
    pub fn sql(&self, column: &str) -> String {
        match self {
            Scope::All => "1=1".to_owned(),
            Scope::Only(ids) if ids.is_empty() => "0=1".to_owned(),
            Scope::Only(ids) => {
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                format!("{column} IN ({})", list.join(","))
            }
        }
    }
}

fn ids(conn: &Connection, sql: &str, ws: i64, user: i64) -> rusqlite::Result<BTreeSet<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![ws, user], |r| r.get::<_, i64>(0))?;
    rows.collect()
}

const OWN_PROJECTS: &str = "SELECT project_id FROM contracts WHERE workspace_id = ?1 AND user_id = ?2 AND deleted_at IS NULL";
const MANAGED_PROJECTS: &str =
    "SELECT pm.project_id FROM project_managers pm JOIN projects p ON p.id = pm.project_id WHERE p.workspace_id = ?1 AND pm.user_id = ?2";
const VIEWER_PROJECTS: &str = "SELECT project_id FROM viewer_projects WHERE workspace_id = ?1 AND user_id = ?2";
const TEAM_PEOPLE: &str =
    "SELECT m.user_id FROM memberships m JOIN teams t ON t.id = m.team_id WHERE m.workspace_id = ?1 AND t.manager_id = ?2";
const PEOPLE_ON_MANAGED: &str = "SELECT c.user_id FROM contracts c JOIN project_managers pm ON pm.project_id = c.project_id WHERE c.workspace_id = ?1 AND pm.user_id = ?2 AND c.deleted_at IS NULL";
const TEAM_PROJECTS: &str = "SELECT c.project_id FROM contracts c JOIN memberships m ON m.user_id = c.user_id AND m.workspace_id = c.workspace_id JOIN teams t ON t.id = m.team_id WHERE c.workspace_id = ?1 AND t.manager_id = ?2 AND c.deleted_at IS NULL";

/// Projects of workspace `ws` that `user` with `role` may see.
pub fn projects(conn: &Connection, ws: i64, user: i64, role: &Role) -> rusqlite::Result<Scope> {
    let mut set = match role {
        Role::Owner | Role::ExecutiveManager => return Ok(Scope::All),
        Role::ProjectManager => ids(conn, MANAGED_PROJECTS, ws, user)?,
        Role::TeamManager => ids(conn, TEAM_PROJECTS, ws, user)?,
        Role::ProjectViewer | Role::Client => return Ok(Scope::Only(ids(conn, VIEWER_PROJECTS, ws, user)?)),
        _ => BTreeSet::new(),
    };
    set.extend(ids(conn, OWN_PROJECTS, ws, user)?);
    Ok(Scope::Only(set))
}

/// Members of workspace `ws` (user ids) that `user` with `role` may see.
pub fn users(conn: &Connection, ws: i64, user: i64, role: &Role) -> rusqlite::Result<Scope> {
    let mut set = match role {
        Role::Owner | Role::ExecutiveManager => return Ok(Scope::All),
        Role::ProjectManager => ids(conn, PEOPLE_ON_MANAGED, ws, user)?,
        Role::TeamManager => ids(conn, TEAM_PEOPLE, ws, user)?,
        _ => BTreeSet::new(),
    };
    set.insert(user);
    Ok(Scope::Only(set))
}
