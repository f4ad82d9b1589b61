//! The one module over SQLite. One connection behind a mutex: SQLite has one writer anyway,
//! and each request's work is microseconds, so serialising requests is simpler and no slower
//! than a pool. WAL with `synchronous=FULL` makes every committed transaction durable before
//! the reply is sent, so a sandbox killed with SIGKILL keeps every acknowledged write.

pub mod lookup;
pub mod visibility;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::clock::Clock;
use crate::ids::IdGen;

/// The whole schema, every resource of the API (run on every start; all statements are
/// `IF NOT EXISTS`).
pub const SCHEMA: &str = include_str!("schema.sql");

/// The connection and the string-id generator, guarded together.
pub struct Db {
    pub conn: Connection,
    pub ids: IdGen,
}

pub struct Store {
    db: Mutex<Db>,
    pub clock: Clock,
}

/// Whether the database had to be seeded on open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Fresh,
    Existing,
}

impl Store {
    /// Opens (creating when missing) the database at `path`, or an in-memory one.
    pub fn open(path: Option<&Path>, clock: Clock) -> rusqlite::Result<(Store, Opened)> {
        let conn = match path {
            Some(p) => {
                if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                    let _ = std::fs::create_dir_all(dir);
                }
                Connection::open(p)?
            }
            None => Connection::open_in_memory()?,
        };
        // WAL + FULL: a commit returns only once the WAL is fsynced.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        migrate(&conn)?;
        let seeded: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'seed'", [], |r| r.get(0)).ok();
        let opened = if seeded.is_some() { Opened::Existing } else { Opened::Fresh };
        let store = Store { db: Mutex::new(Db { conn, ids: IdGen::from_entropy() }), clock };
        Ok((store, opened))
    }

    /// Locks the database. A panic while holding it leaves no open transaction behind (the
    /// transaction rolls back on drop), so a poisoned lock is safe to take over.
    pub fn lock(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` in one write transaction: committed when `f` returns `Ok`, rolled back (leaving
    /// no trace) when it returns `Err` or panics.
    pub fn write<R, E>(&self, f: impl FnOnce(&Transaction<'_>, &mut IdGen) -> Result<R, E>) -> Result<R, E>
    where
        E: From<rusqlite::Error>,
    {
        let mut guard = self.lock();
        let Db { conn, ids } = &mut *guard;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx, ids)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Columns added after a table was first released: `CREATE TABLE IF NOT EXISTS` leaves an
/// older file's table as it was, so each missing column is added here (with a default, so old
/// rows read as before: old tokens are personal, with every scope, never expiring).
const ADDED_COLUMNS: &[(&str, &str, &str)] = &[
    ("tokens", "kind", "TEXT NOT NULL DEFAULT 'personal'"),
    ("tokens", "scopes", "TEXT NOT NULL DEFAULT 'read write admin'"),
    ("tokens", "expires_at_ms", "INTEGER"),
    ("tokens", "client_id", "TEXT"),
    ("tokens", "grant_code", "TEXT"),
    ("oauth_refresh_tokens", "grant_code", "TEXT"),
];

/// Brings a database made by an older sandbox up to the current schema.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    for (table, column, decl) in ADDED_COLUMNS {
        let mut stmt = conn.prepare(&format!("SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?1"))?;
        if !stmt.exists([column])? {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {decl}"))?;
        }
    }
    Ok(())
}

/// Reads an optional row: `Ok(None)` when the query returns nothing.
pub fn optional<T>(r: rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Placeholders `?,?,?` for an `IN (...)` list of `n` values (at least one, so the SQL stays
/// valid for an empty list: `IN (NULL)` matches nothing).
pub fn placeholders(n: usize) -> String {
    if n == 0 {
        return "NULL".to_owned();
    }
    let mut s = String::with_capacity(n * 2);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push('?');
    }
    s
}
