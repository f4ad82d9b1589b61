//! The demo seed (`--seed demo`): deterministic, relative to the configured "today", one
//! transaction. Its shape (ids and tokens tests may rely on) is documented in SANDBOX.md:
//!
//! * Workspace 1 "Acme Studio" (owner user 1) with users 1..=46; workspace 2 "Globex Labs"
//!   (owner user 101) with users 101..=105 and user 2 as a regular user.
//! * Tokens: demo-owner (1), demo-executive (2), demo-project-manager (3), demo-team-manager (4),
//!   demo-regular (5), demo-viewer (6), demo-other-owner (101).
//! * Projects 1..=10 active and 11 archived in workspace 1; 12 and 13 in workspace 2.
//! * Tasks 1..=60 in workspace 1 (6 per project 1..=10), 61..=66 in workspace 2.

mod people;

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Transaction};
use webwork_core::date::CivilDate;

use crate::clock::{at, iso, sql_datetime};
use crate::ids::IdGen;
use crate::store::Store;
use crate::zone;
use people::*;

pub const ACME: i64 = 1;
pub const GLOBEX: i64 = 2;

/// The fixed demo tokens: (token, user id).
pub const TOKENS: &[(&str, i64)] = &[
    ("demo-owner", 1),
    ("demo-executive", 2),
    ("demo-project-manager", 3),
    ("demo-team-manager", 4),
    ("demo-regular", 5),
    ("demo-viewer", 6),
    ("demo-other-owner", 101),
];

/// The demo data.
pub fn demo(tx: &Transaction<'_>, today: CivilDate) -> rusqlite::Result<()> {
    let mut s = Seeder::new(tx, today);
    s.acme()?;
    s.globex()?;
    let created = s.stamp(-400, 9 * 60);
    for (token, user) in TOKENS {
        tx.execute("INSERT INTO tokens (token, user_id, name, created_at) VALUES (?1, ?2, 'demo', ?3)", params![token, user, created])?;
    }
    Ok(())
}

/// An empty workspace with its owner and the `demo-owner` token, so the sandbox is usable.
pub fn empty(tx: &Transaction<'_>, today: CivilDate) -> rusqlite::Result<()> {
    let s = Seeder::new(tx, today);
    let created = s.stamp(-1, 9 * 60);
    s.user(1, "owner@acme.test", "Olivia", "Martin", "UTC", &created)?;
    tx.execute(
        "INSERT INTO workspaces (id, name, owner_id, status, created_at, activated_at) VALUES (1, 'My Workspace', 1, 'active', ?1, ?2)",
        params![created, sql_datetime(at(today.add_days(-1), 9 * 60))],
    )?;
    s.membership(1, 1, "Owner", "active", None, &created)?;
    tx.execute("INSERT INTO tokens (token, user_id, name, created_at) VALUES ('demo-owner', 1, 'demo', ?1)", [&created])?;
    Ok(())
}

/// The project `--bulk-entries` adds its time to.
pub const BULK_PROJECT_NAME: &str = "Bulk export data";
/// Minutes of bulk time per day: 00:00 to 06:00, before any demo time.
const BULK_MINUTES_PER_DAY: i64 = 360;

/// `--bulk-entries N`: `n` one-minute time entries of the owner (user 1) in workspace 1, on a
/// project of their own (`BULK_PROJECT_NAME`, the next free id) with an active contract, each
/// with its own activity description ("Bulk entry 1" ...), from 00:00 on the days before today
/// (360 a day, so 10,000 fit in 28 days: one activity-descriptions report of 31 days holds them
/// all, one row each). For export benchmarks; the demo data is left as it is.
pub fn bulk_entries(tx: &Transaction<'_>, today: CivilDate, n: u64) -> rusqlite::Result<i64> {
    let project: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM projects", [], |r| r.get(0))?;
    let made = iso(at(today.add_days(-60), 9 * 60));
    tx.execute(
        "INSERT INTO projects (id, workspace_id, name, owner_id, is_billable, status, created_at, updated_at) VALUES (?1, ?2, ?3, 1, 0, 1, ?4, ?4)",
        params![project, ACME, BULK_PROJECT_NAME, made],
    )?;
    tx.execute(
        "INSERT INTO contracts (workspace_id, project_id, user_id, weekly_hours_limit, screenshots, status, created_at, updated_at) VALUES (?1, ?2, 1, 168, 'off', 'active', ?3, ?3)",
        params![ACME, project, made],
    )?;
    let contract = tx.last_insert_rowid();
    let mut ids = IdGen::seeded(0xB01C_2026);
    let mut insert = tx.prepare_cached(
        "INSERT INTO time_entries (id, workspace_id, user_id, contract_id, project_id, activity_description, method, date, start_at, end_at, duration_minutes, activity_level, created_at, updated_at)
         VALUES (?1, ?2, 1, ?3, ?4, ?5, 'Desktop tracker', ?6, ?7, ?8, 1, 50, ?8, ?8)",
    )?;
    let owner_zone = zone::of_user(tx, 1)?;
    for i in 0..n as i64 {
        let day = today.add_days(-1 - i / BULK_MINUTES_PER_DAY);
        let start = zone::local_to_ms(&owner_zone, day, i % BULK_MINUTES_PER_DAY);
        insert.execute(params![
            ids.opaque("te"),
            ACME,
            contract,
            project,
            format!("Bulk entry {}", i + 1),
            day.to_string(),
            iso(start),
            iso(start + 60_000)
        ])?;
    }
    Ok(project)
}

/// Personal tokens with who they are, for the start-up banner (never OAuth tokens).
pub fn tokens(store: &Store) -> Vec<(String, String)> {
    let db = store.lock();
    let sql = "SELECT t.token, u.firstname || ' ' || u.lastname,
                      COALESCE((SELECT group_concat(m.role || ' of ' || w.name || ' (workspace ' || w.id || ')', '; ')
                                FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
                                WHERE m.user_id = u.id AND m.deleted_at IS NULL), '')
               FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.kind = 'personal' ORDER BY u.id";
    let mut out = Vec::new();
    if let Ok(mut stmt) = db.conn.prepare(sql) {
        if let Ok(rows) = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))) {
            for (token, name, roles) in rows.flatten() {
                out.push((token, format!("{name}: {roles}")));
            }
        }
    }
    out
}

struct Seeder<'a> {
    tx: &'a Transaction<'a>,
    today: CivilDate,
    rng: IdGen,
}

/// A member who tracks time, with their contracts (contract id, project id).
struct Tracker {
    user: i64,
    contracts: Vec<(i64, i64)>,
    activity: f64,
}

impl<'a> Seeder<'a> {
    fn new(tx: &'a Transaction<'a>, today: CivilDate) -> Self {
        Seeder { tx, today, rng: IdGen::seeded(0x5EED_2026) }
    }

    /// ISO stamp `days` from today at `minutes` after midnight.
    fn stamp(&self, days: i64, minutes: i64) -> String {
        iso(at(self.today.add_days(days), minutes))
    }

    /// Unix ms of `day` at `minutes` on `user`'s wall clock.
    fn local(&self, user: i64, day: CivilDate, minutes: i64) -> rusqlite::Result<i64> {
        Ok(zone::local_to_ms(&zone::of_user(self.tx, user)?, day, minutes))
    }

    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.rng.below(items.len() as u64) as usize]
    }

    fn user(&self, id: i64, email: &str, first: &str, last: &str, tz: &str, created: &str) -> rusqlite::Result<()> {
        self.tx.prepare_cached(
            "INSERT INTO users (id, email, firstname, lastname, timezone, preferred_timezone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?6)",
        )?
        .execute(params![id, email, first, last, tz, created])?;
        Ok(())
    }

    fn membership(&self, ws: i64, user: i64, role: &str, status: &str, team: Option<i64>, created: &str) -> rusqlite::Result<()> {
        self.tx.prepare_cached(
            "INSERT INTO memberships (workspace_id, user_id, role, status, team_id, hired_at, created_at, updated_at, currency, rate_type, screenshots, settings_max_inactive_minutes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6, 'USD', 'Hourly', 'blur', 15)",
        )?
        .execute(params![ws, user, role, status, team, created])?;
        Ok(())
    }

    fn acme(&mut self) -> rusqlite::Result<()> {
        let tx = self.tx;
        let created = self.stamp(-400, 9 * 60);
        // People (users first: teams reference their managers).
        for (i, (first, last, role, team, status)) in ACME_PEOPLE.iter().enumerate() {
            let id = i as i64 + 1;
            let email = email_for(id, first, last);
            let tz = TIMEZONES[i % TIMEZONES.len()];
            let joined = self.stamp(-380 + (i as i64 * 7), 9 * 60);
            self.user(id, &email, first, last, tz, &joined)?;
            let _ = (role, team, status);
        }
        tx.execute(
            "INSERT INTO workspaces (id, name, owner_id, status, timezone, currency, created_at, activated_at) VALUES (?1, 'Acme Studio', 1, 'active', 'UTC', 'USD', ?2, ?3)",
            params![ACME, created, sql_datetime(at(self.today.add_days(-400), 9 * 60 + 5))],
        )?;
        for (id, name, manager) in TEAMS {
            tx.execute("INSERT INTO teams (id, workspace_id, name, manager_id) VALUES (?1, ?2, ?3, ?4)", params![id, ACME, name, manager])?;
        }
        for (i, (_, _, role, team, status)) in ACME_PEOPLE.iter().enumerate() {
            let id = i as i64 + 1;
            let joined = self.stamp(-380 + (i as i64 * 7), 9 * 60);
            let real_status = if *status == "archived" { "active" } else { status };
            self.membership(ACME, id, role, real_status, *team, &joined)?;
            let rate = 25.0 + (id * 7 % 70) as f64;
            let rate_status = i64::from(matches!(&**role, "Owner" | "Executive manager" | "Project manager"));
            let title = TITLES[i % TITLES.len()];
            let birth = CivilDate::new(1970 + (id as i32 * 3 % 35), (id as u32 % 12) + 1, (id as u32 * 5 % 28) + 1).map(|d| d.to_string());
            tx.execute(
                "UPDATE memberships SET rate = ?3, rate_status = ?4, title = ?5, weekly_hours_limit = ?6,
                   tax_country = ?7, tax_state = ?8, is_blocked = ?9, deleted_at = ?10, invitation_code = ?11
                 WHERE workspace_id = ?1 AND user_id = ?2",
                params![
                    ACME,
                    id,
                    rate,
                    rate_status,
                    title,
                    if id % 5 == 0 { 30 } else { 40 },
                    if id % 3 == 0 { "DE" } else { "US" },
                    if id % 3 == 0 { None } else { Some("NY") },
                    id == 44,
                    (*status == "archived").then(|| self.stamp(-20, 17 * 60)),
                    (*status == "inactive").then(|| format!("inv{id:04}acme")),
                ],
            )?;
            tx.execute(
                "UPDATE users SET birth_date = ?2, avatar = ?3 WHERE id = ?1",
                params![id, birth, (id % 4 == 0).then(|| format!("avatar-{id}.png"))],
            )?;
        }

        // Tags and projects.
        for (name, color) in TAG_COLORS {
            tx.execute("INSERT INTO tags (workspace_id, name, color) VALUES (?1, ?2, ?3)", params![ACME, name, color])?;
        }
        for (i, (name, billable, rate, tags, icon)) in PROJECTS.iter().enumerate() {
            let id = i as i64 + 1;
            let start = self.today.add_days(-120 + i as i64 * 5);
            let deadline = (i % 3 != 2).then(|| self.today.add_days(30 + i as i64 * 14).to_string());
            let made = self.stamp(-120 + i as i64 * 5, 10 * 60);
            tx.execute(
                "INSERT INTO projects (id, workspace_id, name, owner_id, start_date, deadline, estimation, budget, notes, icon, is_billable, rate, weekly_hours_limit, screenshots, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 168, 'blur', 1, ?12, ?12)",
                params![
                    id, ACME, name, start.to_string(), deadline,
                    (i % 4 != 3).then_some(80.0 + i as f64 * 40.0),
                    billable.then_some(5000.0 + i as f64 * 2500.0),
                    (i % 2 == 0).then(|| format!("Notes for {name}: keep the client in the loop.")),
                    icon, billable, rate, made
                ],
            )?;
            for tag in *tags {
                tx.execute(
                    "INSERT INTO project_tags (project_id, tag_id) SELECT ?1, id FROM tags WHERE workspace_id = ?2 AND name = ?3",
                    params![id, ACME, tag],
                )?;
            }
        }
        let archived = self.stamp(-30, 16 * 60);
        tx.execute(
            "INSERT INTO projects (id, workspace_id, name, owner_id, start_date, is_billable, status, created_at, updated_at, deleted_at)
             VALUES (11, ?1, 'Legacy CRM Migration', 1, ?2, 0, 0, ?3, ?4, ?4)",
            params![ACME, self.today.add_days(-300).to_string(), self.stamp(-300, 9 * 60), archived],
        )?;
        for (pm, projects) in [(3, &[1, 2, 3][..]), (8, &[4, 5][..]), (9, &[6][..])] {
            for p in projects {
                tx.execute("INSERT INTO project_managers (project_id, user_id) VALUES (?1, ?2)", params![p, pm])?;
            }
        }
        // Viewers' projects.
        for (viewer, projects) in [(6, &[1, 4][..]), (11, &[2][..]), (12, &[10][..]), (40, &[7, 8][..])] {
            for p in projects {
                tx.execute(
                    "INSERT INTO viewer_projects (workspace_id, user_id, project_id) VALUES (?1, ?2, ?3)",
                    params![ACME, viewer, p],
                )?;
            }
        }

        // Contracts.
        let mut plan: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        plan.insert(1, vec![1, 8]);
        plan.insert(2, vec![3]);
        plan.insert(3, vec![1, 2, 3]);
        plan.insert(4, vec![4]);
        plan.insert(5, vec![1, 2]);
        plan.insert(7, vec![7]);
        plan.insert(8, vec![4, 5]);
        plan.insert(9, vec![6]);
        plan.insert(10, vec![2, 5]);
        for user in 13..=20 {
            plan.insert(user, pick_two(&[1, 4, 10], user));
        }
        for user in 21..=32 {
            plan.insert(user, pick_two(&[2, 3, 5, 9], user));
        }
        for user in 33..=39 {
            plan.insert(user, pick_two(&[4, 7, 6, 8], user));
        }
        let mut trackers = Vec::new();
        for (user, projects) in &plan {
            let mut contracts = Vec::new();
            for (k, project) in projects.iter().enumerate() {
                let (rate_type, rate): (i64, Option<f64>) = match (user + k as i64) % 3 {
                    0 => (1, Some(40.0 + (*user % 9) as f64 * 5.0)),
                    1 => (2, None),
                    _ => (3, None),
                };
                let status = if (user * 7 + *project) % 11 == 0 { "paused" } else { "active" };
                let screenshots = ["full", "blurred", "no_screenshot", "background_blurred"][(*user as usize + k) % 4];
                let made = self.stamp(-100 + *project, 9 * 60 + 30);
                tx.prepare_cached(
                    "INSERT INTO contracts (workspace_id, project_id, user_id, weekly_hours_limit, screenshots, rate, rate_type, status, currency, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'USD', ?9, ?9)",
                )?
                .execute(params![ACME, project, user, if k == 0 { 40 } else { 20 }, screenshots, rate, rate_type, status, made])?;
                if status == "active" {
                    contracts.push((tx.last_insert_rowid(), *project));
                }
            }
            if !contracts.is_empty() {
                let activity = 45.0 + (*user * 13 % 45) as f64;
                trackers.push(Tracker { user: *user, contracts, activity });
            }
        }

        // Tasks: 6 per project, ids 1..=60.
        let statuses = [0, 10, 20, 30, 1, 2, 11, 21, 0, 10];
        let priorities = [Some(10), Some(20), Some(30), Some(40), None];
        let mut tasks_by_project: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for project in 1..=10i64 {
            let holders: Vec<i64> = plan.iter().filter(|(_, ps)| ps.contains(&project)).map(|(u, _)| *u).collect();
            for k in 0..6i64 {
                let n = (project - 1) * 6 + k;
                let title = TASK_TITLES[(n as usize * 7) % TASK_TITLES.len()];
                let status = statuses[(n as usize) % statuses.len()];
                let priority = priorities[(n as usize) % priorities.len()];
                let start = self.today.add_days(-60 + n % 30);
                let end = (n % 3 != 0).then(|| start.add_days(7 + n % 21).to_string());
                let completed = (status >= 20 && status % 10 == 0).then(|| self.stamp(-5 - n % 20, 15 * 60));
                let creator = if project <= 3 { 3 } else { 1 };
                let made = self.stamp(-60 + n % 30, 11 * 60);
                tx.prepare_cached(
                    "INSERT INTO tasks (workspace_id, project_id, title, description, owner_id, creator_id, status, priority, start_date, end_date, completed_at, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                )?
                .execute(params![
                    ACME, project, format!("{title} #{}", k + 1),
                    (k % 2 == 0).then(|| format!("{title} for project {project}.")),
                    creator, status, priority, start.to_string(), end, completed, made
                ])?;
                let task = tx.last_insert_rowid();
                tasks_by_project.entry(project).or_default().push(task);
                if !holders.is_empty() {
                    let a = holders[(n as usize) % holders.len()];
                    tx.execute("INSERT OR IGNORE INTO task_assignees (task_id, user_id) VALUES (?1, ?2)", params![task, a])?;
                    if k % 3 == 1 && holders.len() > 1 {
                        let b = holders[(n as usize + 1) % holders.len()];
                        tx.execute("INSERT OR IGNORE INTO task_assignees (task_id, user_id) VALUES (?1, ?2)", params![task, b])?;
                    }
                }
            }
        }

        // Leave policies, allowances and requests (before time entries: leave days stay empty).
        for (id, name, kind, paid, allowance, color) in [
            (1, "Vacation", "day_based", "yes", 20.0, "#2196f3"),
            (2, "Sick leave", "day_based", "yes", 10.0, "#f44336"),
            (3, "Unpaid leave", "day_based", "no", 30.0, "#9e9e9e"),
            (4, "Doctor appointment", "hour_based", "yes", 16.0, "#00bcd4"),
        ] {
            tx.execute(
                "INSERT INTO leave_policies (id, workspace_id, name, kind, is_paid, allowance, color, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, ACME, name, kind, paid, allowance, color, created],
            )?;
        }
        for t in &trackers {
            let allowance = if t.user == 5 {
                22.0
            } else if t.user % 4 == 0 {
                25.0
            } else {
                20.0
            };
            tx.execute(
                "INSERT INTO leave_allowances (workspace_id, user_id, policy_id, allowance) VALUES (?1, ?2, 1, ?3)",
                params![ACME, t.user, allowance],
            )?;
        }
        let leave_days = self.leaves(&trackers)?;

        // Time entries: 12 weeks up to yesterday.
        self.time_entries(&trackers, &tasks_by_project, &leave_days)?;
        self.timesheets(ACME, &trackers, 12)?;
        self.time_requests(&trackers)?;
        self.expenses(ACME, &trackers, 30)?;

        // Webhooks: https URLs, which the sandbox logs as undeliverable (no traffic leaves).
        tx.execute(
            "INSERT INTO webhooks (id, workspace_id, url, events, token, created_by, created_at, updated_at) VALUES ('wh_demo_tracker', ?1, 'https://hooks.example.com/webwork/tracker', ?2, 'whsec_demo_tracker_0123456789abcdef', 1, ?3, ?3)",
            params![ACME, r#"["tracker.started","tracker.stopped"]"#, created],
        )?;
        tx.execute(
            "INSERT INTO webhooks (id, workspace_id, url, events, token, created_by, created_at, updated_at) VALUES ('wh_demo_people', ?1, 'https://hooks.example.com/webwork/people', ?2, 'whsec_demo_people_0123456789abcdef', 1, ?3, ?3)",
            params![ACME, r#"["member.invited","member.updated","member.deleted","member.activated","member.archived","project.created","project.updated","project.deleted","task.updated"]"#, created],
        )?;
        Ok(())
    }

    /// Leave requests in every status; returns the approved (user, day) pairs.
    fn leaves(&mut self, trackers: &[Tracker]) -> rusqlite::Result<BTreeSet<(i64, CivilDate)>> {
        let mut days = BTreeSet::new();
        // (user, policy, start offset, length, status, hour-based times)
        #[allow(clippy::type_complexity)]
        let mut plan: Vec<(i64, i64, i64, i64, &str, Option<(&str, &str)>)> = vec![
            (5, 1, -40, 2, "approved", None),
            (5, 1, 25, 3, "pending", None),
            (5, 2, -12, 1, "rejected", None),
            (5, 4, -8, 1, "approved", Some(("14:00", "16:00"))),
        ];
        for (k, t) in trackers.iter().filter(|t| t.user != 5).enumerate().take(20) {
            let status = ["approved", "pending", "rejected", "approved"][k % 4];
            let start = if status == "pending" { 10 + k as i64 } else { -70 + k as i64 * 3 };
            let policy = [1, 2, 3, 1][k % 4];
            plan.push((t.user, policy, start, 1 + (k as i64 % 3), status, None));
        }
        for (user, policy, offset, len, status, hours) in plan {
            let start = self.today.add_days(offset);
            let end = start.add_days(len - 1);
            let workdays = (0..len).filter(|d| start.add_days(*d).weekday() < 5).count() as f64;
            let (days_taken, hours_taken, period) = match hours {
                Some(_) => (None, Some(2.0), None),
                None => (Some(workdays), None, Some(0)),
            };
            let id = self.rng.uuid();
            let made = self.stamp(offset - 14, 10 * 60);
            let decided = (status != "pending").then(|| self.stamp(offset - 10, 11 * 60));
            let paid = if policy == 3 { "no" } else { "yes" };
            self.tx.prepare_cached(
                "INSERT INTO leave_requests (id, workspace_id, user_id, policy_id, start_date, end_date, leave_period, start_time, end_time, hours_per_day, days, hours, status, note, is_paid, created_by, approved_by, rejected_by, reject_reason, decided_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?3, ?16, ?17, ?18, ?19, ?20, ?20)",
            )?
            .execute(params![
                id, ACME, user, policy, start.to_string(), end.to_string(), period,
                hours.map(|h| h.0), hours.map(|h| h.1), hours.map(|_| 2.0), days_taken, hours_taken,
                status, "Family matters", paid,
                (status == "approved").then_some(1), (status == "rejected").then_some(2),
                (status == "rejected").then_some("Too many people are off that week."),
                decided, made
            ])?;
            if status == "approved" && hours.is_none() {
                for d in 0..len {
                    days.insert((user, start.add_days(d)));
                }
            }
        }
        Ok(days)
    }

    fn time_entries(
        &mut self,
        trackers: &[Tracker],
        tasks: &BTreeMap<i64, Vec<i64>>,
        leave: &BTreeSet<(i64, CivilDate)>,
    ) -> rusqlite::Result<()> {
        for t in trackers {
            for back in (1..=84).rev() {
                let day = self.today.add_days(-back);
                let weekend = day.weekday() >= 5;
                if leave.contains(&(t.user, day)) {
                    continue;
                }
                if weekend {
                    // A few people work a short Saturday now and then; most weekends are empty.
                    if day.weekday() == 5 && self.rng.chance(0.08) {
                        let start = 10 * 60 + self.rng.below(60) as i64;
                        let len = 90 + self.rng.below(60) as i64;
                        self.entry(ACME, t, tasks, day, start, len)?;
                    }
                    continue;
                }
                if self.rng.chance(0.06) {
                    continue; // a day off
                }
                // Morning block from ~8:30-9:45, lunch 30-60 min, afternoon block.
                let mut clock = 8 * 60 + 30 + self.rng.below(75) as i64;
                let morning = 150 + self.rng.below(60) as i64;
                let parts = 1 + self.rng.below(2) as i64;
                for _ in 0..parts {
                    let len = morning / parts;
                    self.entry(ACME, t, tasks, day, clock, len)?;
                    clock += len;
                }
                clock += 30 + self.rng.below(31) as i64;
                let afternoon = 180 + self.rng.below(75) as i64;
                let parts = 1 + self.rng.below(2) as i64;
                for _ in 0..parts {
                    let len = afternoon / parts;
                    self.entry(ACME, t, tasks, day, clock, len)?;
                    clock += len + self.rng.below(10) as i64;
                }
            }
        }
        Ok(())
    }

    fn entry(
        &mut self,
        ws: i64,
        t: &Tracker,
        tasks: &BTreeMap<i64, Vec<i64>>,
        day: CivilDate,
        start_min: i64,
        minutes: i64,
    ) -> rusqlite::Result<()> {
        let (contract, project) = *self.pick(&t.contracts);
        let task = match tasks.get(&project) {
            Some(list) if self.rng.chance(0.7) => Some(*self.pick(list)),
            _ => None,
        };
        let method = match self.rng.below(20) {
            0 => "Manually added time",
            1 | 2 => "Web tracker",
            3 => "Mobile tracker",
            _ => "Desktop tracker",
        };
        let activity = (t.activity + self.rng.below(31) as f64 - 15.0).clamp(5.0, 100.0);
        let description = *self.pick(DESCRIPTIONS);
        let id = self.rng.opaque("te");
        // The member's wall clock (the time-zone decision): 09:00 in Auckland is 09:00 there.
        let start = self.local(t.user, day, start_min)?;
        let end = start + minutes * 60_000;
        self.tx.prepare_cached(
            "INSERT INTO time_entries (id, workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, date, start_at, end_at, duration_minutes, activity_level, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?11, ?11)",
        )?
        .execute(params![id, ws, t.user, contract, project, task, description, method, day.to_string(), iso(start), iso(end), minutes, activity.round()])?;
        Ok(())
    }

    /// Weekly timesheets in every status for the last `weeks` weeks and the current one.
    fn timesheets(&mut self, ws: i64, trackers: &[Tracker], weeks: i64) -> rusqlite::Result<()> {
        let this_week = self.today.week_start();
        for t in trackers {
            for w in 0..=weeks {
                let from = this_week.add_days(-7 * w);
                let to = from.add_days(6);
                let status = match (t.user, w) {
                    (_, 0) => "pending",
                    (5, 1) => "submitted",
                    (5, 2) => "rejected",
                    (5, _) => "approved",
                    (_, 1) => {
                        if self.rng.chance(0.6) {
                            "submitted"
                        } else {
                            "pending"
                        }
                    }
                    _ => match self.rng.below(100) {
                        0..=84 => "approved",
                        85..=92 => "rejected",
                        _ => "submitted",
                    },
                };
                let submitted = (status != "pending").then(|| iso(at(to.add_days(1), 9 * 60)));
                let approved = (status == "approved").then(|| iso(at(to.add_days(2), 10 * 60)));
                let rejected = (status == "rejected").then(|| iso(at(to.add_days(2), 10 * 60)));
                let reason = (status == "rejected").then_some("Please split the Friday entry by task.");
                let id = self.rng.opaque("ts");
                let made = iso(at(from, 0));
                self.tx.prepare_cached(
                    "INSERT INTO timesheets (id, workspace_id, user_id, date_from, date_to, status, reject_reason, submitted_at, approved_at, approved_by, rejected_at, rejected_by, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                )?
                .execute(params![
                    id, ws, t.user, from.to_string(), to.to_string(), status, reason, submitted, approved,
                    approved.as_ref().map(|_| 1), rejected, rejected.as_ref().map(|_| 2), made
                ])?;
            }
        }
        Ok(())
    }

    fn time_requests(&mut self, trackers: &[Tracker]) -> rusqlite::Result<()> {
        let mut plan: Vec<(&Tracker, &str)> = Vec::new();
        if let Some(regular) = trackers.iter().find(|t| t.user == 5) {
            plan.extend([(regular, "pending"), (regular, "approved"), (regular, "rejected")]);
        }
        for (k, t) in trackers.iter().filter(|t| t.user != 5).enumerate().take(12) {
            plan.push((t, ["pending", "approved", "rejected", "pending"][k % 4]));
        }
        for (k, (t, status)) in plan.into_iter().enumerate() {
            let day = self.today.add_days(-2 - k as i64 * 2);
            // Evening time (the member's), after the normal blocks, so it never overlaps seeded entries.
            let start = self.local(t.user, day, 18 * 60 + 30)?;
            let minutes = 60 + (k as i64 % 3) * 30;
            let end = start + minutes * 60_000;
            let (contract, project) = t.contracts[0];
            let id = self.rng.opaque("tr");
            let made = iso(at(day.add_days(1), 9 * 60));
            let decided = (status != "pending").then(|| iso(at(day.add_days(1), 12 * 60)));
            let entry = if status == "approved" {
                let entry_id = self.rng.opaque("te");
                self.tx.prepare_cached(
                    "INSERT INTO time_entries (id, workspace_id, user_id, contract_id, project_id, activity_description, method, date, start_at, end_at, duration_minutes, time_request_id, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'Evening release support', 'Manually added time', ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                )?
                .execute(params![entry_id, ACME, t.user, contract, project, day.to_string(), iso(start), iso(end), minutes, id, decided])?;
                Some(entry_id)
            } else {
                None
            };
            self.tx.prepare_cached(
                "INSERT INTO time_requests (id, workspace_id, user_id, contract_id, project_id, start_at, end_at, status, notes, activity_description, comment, updated_by, time_entry_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                id, ACME, t.user, contract, project, iso(start), iso(end), status, "Evening release support",
                (status == "rejected").then_some("Not pre-approved; please ask first next time."),
                decided.as_ref().map(|_| 1), entry, made, decided.clone().unwrap_or_else(|| made.clone())
            ])?;
        }
        Ok(())
    }

    fn expenses(&mut self, ws: i64, trackers: &[Tracker], count: usize) -> rusqlite::Result<()> {
        let mut categories = Vec::new();
        for (name, color) in CATEGORIES {
            let id = self.rng.uuid();
            self.tx.execute(
                "INSERT INTO expense_categories (id, workspace_id, name, color) VALUES (?1, ?2, ?3, ?4)",
                params![id, ws, name, color],
            )?;
            categories.push(id);
        }
        if trackers.is_empty() {
            return Ok(());
        }
        for k in 0..count {
            let t = &trackers[(k * 7) % trackers.len()];
            let (name, cat, base) = EXPENSE_NAMES[k % EXPENSE_NAMES.len()];
            let amount = ((base * (0.8 + (k % 5) as f64 * 0.1)) * 100.0).round() / 100.0;
            let day = self.today.add_days(-(k as i64 * 3 % 80) - 1);
            let project = (k % 4 != 3).then(|| t.contracts[k % t.contracts.len()].1);
            let id = self.rng.uuid();
            let made = iso(at(day, 17 * 60));
            self.tx.prepare_cached(
                "INSERT INTO expenses (id, workspace_id, user_id, project_id, category_id, expense_name, amount, currency, note, description, is_billable, date, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'USD', ?8, ?8, ?9, ?10, ?11, ?11)",
            )?
            .execute(params![id, ws, t.user, project, categories[cat], name, amount, (k % 3 == 0).then_some("Receipt attached"), k % 2 == 0, day.to_string(), made])?;
        }
        Ok(())
    }

    /// Workspace 2: a few people and items, so isolation can be tested.
    fn globex(&mut self) -> rusqlite::Result<()> {
        let tx = self.tx;
        let created = self.stamp(-200, 8 * 60);
        for (i, (first, last, _)) in GLOBEX_PEOPLE.iter().enumerate() {
            let id = 101 + i as i64;
            self.user(
                id,
                &format!("{}.{}@globex.test", first.to_lowercase(), last.to_lowercase()),
                first,
                last,
                "America/Chicago",
                &created,
            )?;
        }
        tx.execute(
            "INSERT INTO workspaces (id, name, owner_id, status, timezone, currency, created_at, activated_at) VALUES (?1, 'Globex Labs', 101, 'active', 'UTC', 'USD', ?2, ?3)",
            params![GLOBEX, created, sql_datetime(at(self.today.add_days(-200), 8 * 60 + 1))],
        )?;
        for (i, (_, _, role)) in GLOBEX_PEOPLE.iter().enumerate() {
            self.membership(GLOBEX, 101 + i as i64, role, "active", None, &created)?;
            tx.execute(
                "UPDATE memberships SET rate = 50, rate_status = 1 WHERE workspace_id = ?1 AND user_id = ?2",
                params![GLOBEX, 101 + i as i64],
            )?;
        }
        // User 2 (demo-executive) is also a regular user here: one person, two workspaces.
        self.membership(GLOBEX, 2, "Regular User", "active", None, &created)?;
        tx.execute("INSERT INTO tags (workspace_id, name, color) VALUES (?1, 'Secret', '#000000')", [GLOBEX])?;
        for (id, name) in [(12, "Doomsday Device"), (13, "Hammock District")] {
            tx.execute(
                "INSERT INTO projects (id, workspace_id, name, owner_id, start_date, is_billable, rate, status, created_at, updated_at) VALUES (?1, ?2, ?3, 101, ?4, 1, 200, 1, ?5, ?5)",
                params![id, GLOBEX, name, self.today.add_days(-150).to_string(), created],
            )?;
            tx.execute(
                "INSERT INTO project_tags (project_id, tag_id) SELECT ?1, id FROM tags WHERE workspace_id = ?2",
                params![id, GLOBEX],
            )?;
        }
        tx.execute("INSERT INTO project_managers (project_id, user_id) VALUES (12, 105)", [])?;
        let mut trackers = Vec::new();
        for user in [102i64, 104, 105, 2] {
            let project = if user % 2 == 0 { 12 } else { 13 };
            tx.execute(
                "INSERT INTO contracts (workspace_id, project_id, user_id, weekly_hours_limit, screenshots, rate, rate_type, status, currency, created_at, updated_at) VALUES (?1, ?2, ?3, 40, 'full', 75, 1, 'active', 'USD', ?4, ?4)",
                params![GLOBEX, project, user, created],
            )?;
            trackers.push(Tracker { user, contracts: vec![(tx.last_insert_rowid(), project)], activity: 60.0 });
        }
        let mut tasks: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for k in 0..6i64 {
            let project = 12 + k % 2;
            tx.execute(
                "INSERT INTO tasks (workspace_id, project_id, title, owner_id, creator_id, status, priority, created_at, updated_at) VALUES (?1, ?2, ?3, 101, 101, ?4, 30, ?5, ?5)",
                params![GLOBEX, project, format!("Globex task {}", k + 1), [0, 10, 20][k as usize % 3], created],
            )?;
            let task = tx.last_insert_rowid();
            tasks.entry(project).or_default().push(task);
            tx.execute("INSERT INTO task_assignees (task_id, user_id) VALUES (?1, 102)", [task])?;
        }
        for t in &trackers {
            for back in 1..=10 {
                let day = self.today.add_days(-back);
                if day.weekday() < 5 {
                    self.entry(GLOBEX, t, &tasks, day, 9 * 60, 240)?;
                }
            }
        }
        self.timesheets(GLOBEX, &trackers, 1)?;
        tx.execute(
            "INSERT INTO leave_policies (id, workspace_id, name, kind, is_paid, allowance, color, created_at) VALUES (5, ?1, 'Globex vacation', 'day_based', 'yes', 15, '#000000', ?2)",
            params![GLOBEX, created],
        )?;
        self.expenses(GLOBEX, &trackers, 3)?;
        tx.execute(
            "INSERT INTO webhooks (id, workspace_id, url, events, token, created_by, created_at, updated_at) VALUES ('wh_globex_people', ?1, 'https://hooks.globex.test/webwork', ?2, 'whsec_globex_0123456789abcdef0123', 101, ?3, ?3)",
            params![GLOBEX, r#"["member.invited"]"#, created],
        )?;
        Ok(())
    }
}

/// Two projects from `options`, chosen by `seed`.
fn pick_two(options: &[i64], seed: i64) -> Vec<i64> {
    let n = options.len();
    let a = seed as usize % n;
    let b = (a + 1 + (seed as usize / n) % (n - 1)) % n;
    vec![options[a], options[b]]
}

/// A stable ASCII e-mail for a demo person.
fn email_for(id: i64, first: &str, last: &str) -> String {
    match id {
        1 => "owner@acme.test".into(),
        2 => "executive@acme.test".into(),
        3 => "pm@acme.test".into(),
        4 => "tm@acme.test".into(),
        5 => "regular@acme.test".into(),
        6 => "viewer@acme.test".into(),
        _ => {
            let clean = |s: &str| -> String { s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase() };
            let (f, l) = (clean(first), clean(last));
            match (f.is_empty(), l.is_empty()) {
                (false, false) => format!("{f}.{l}@acme.test"),
                (false, true) => format!("{f}.{id}@acme.test"),
                (true, false) => format!("{l}.{id}@acme.test"),
                (true, true) => format!("member{id}@acme.test"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_seed_is_consistent_and_fast() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::store::SCHEMA).unwrap();
        let today = CivilDate::parse("2026-03-04").unwrap();
        let started = std::time::Instant::now();
        let tx = conn.transaction().unwrap();
        demo(&tx, today).unwrap();
        tx.commit().unwrap();
        let elapsed = started.elapsed();
        let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
        let bad: Vec<(String, i64, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap();
        assert!(bad.is_empty(), "{:?}", &bad[..bad.len().min(5)]);
        let members: i64 = conn.query_row("SELECT COUNT(*) FROM memberships WHERE workspace_id = 1", [], |r| r.get(0)).unwrap();
        let tasks: i64 = conn.query_row("SELECT COUNT(*) FROM tasks WHERE workspace_id = 1", [], |r| r.get(0)).unwrap();
        let entries: i64 = conn.query_row("SELECT COUNT(*) FROM time_entries", [], |r| r.get(0)).unwrap();
        assert!(members >= 40);
        assert_eq!(tasks, 60);
        assert!(entries > 3000, "{entries}");
        eprintln!("seeded {entries} time entries in {elapsed:?}");
    }
}
