-- The sandbox's whole data model, every resource of API v2 in one file.
-- Conventions: timestamps are ISO 8601 UTC text (`2024-01-15T09:30:00Z`), dates `YYYY-MM-DD`,
-- clock times `HH:mm`. Integer ids come from SQLite; string ids are opaque text made by
-- `crate::ids::IdGen`. Soft deletes set `deleted_at`. Every statement is idempotent so the file
-- runs on every start.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- People, independent of workspaces (an e-mail is one person everywhere).
CREATE TABLE IF NOT EXISTS users (
    id                 INTEGER PRIMARY KEY,
    email              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    firstname          TEXT NOT NULL,
    lastname           TEXT NOT NULL,
    avatar             TEXT,
    timezone           TEXT,
    preferred_timezone TEXT,
    birth_date         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

-- Bearer tokens: personal access tokens (kind 'personal': every scope, never expire) and OAuth
-- access tokens (kind 'oauth'). The sandbox stores them in clear: they are demo data.
-- kind, scopes, expires_at_ms and client_id came later: `store::migrate` adds them to older files.
CREATE TABLE IF NOT EXISTS tokens (
    token         TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    name          TEXT,
    created_at    TEXT NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'personal',
    -- Space-separated OAuth scopes (`read write admin`).
    scopes        TEXT NOT NULL DEFAULT 'read write admin',
    -- Unix ms on the sandbox clock; NULL: never expires.
    expires_at_ms INTEGER,
    client_id     TEXT,
    -- The authorization code an OAuth token descends from (through refreshes); NULL otherwise.
    grant_code    TEXT
);

-- OAuth authorization codes: single use (used_at_ms set on exchange), bound to the client, the
-- redirect_uri, the user and the scopes.
CREATE TABLE IF NOT EXISTS oauth_codes (
    code          TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL,
    redirect_uri  TEXT NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    scopes        TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    used_at_ms    INTEGER
);

-- OAuth refresh tokens; revoked_at_ms is set when one is used (rotation).
CREATE TABLE IF NOT EXISTS oauth_refresh_tokens (
    token         TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    scopes        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER,
    grant_code    TEXT
);

CREATE TABLE IF NOT EXISTS workspaces (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    owner_id     INTEGER NOT NULL REFERENCES users(id),
    status       TEXT NOT NULL DEFAULT 'active',
    timezone     TEXT NOT NULL DEFAULT 'UTC',
    currency     TEXT NOT NULL DEFAULT 'USD',
    created_at   TEXT NOT NULL,
    activated_at TEXT
);

-- Teams give team managers their people (Member.team_name).
CREATE TABLE IF NOT EXISTS teams (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name         TEXT NOT NULL,
    manager_id   INTEGER REFERENCES users(id)
);

-- A person in a workspace: the workspace-specific half of the seed's Member model.
-- Archiving sets deleted_at and keeps status; restoring clears deleted_at.
CREATE TABLE IF NOT EXISTS memberships (
    workspace_id                  INTEGER NOT NULL REFERENCES workspaces(id),
    user_id                       INTEGER NOT NULL REFERENCES users(id),
    role                          TEXT NOT NULL,   -- Role wire text, e.g. 'Regular User'
    status                        TEXT NOT NULL,   -- active | inactive | left | unknown
    team_id                       INTEGER REFERENCES teams(id),
    title                         TEXT,
    hired_at                      TEXT,
    settings_max_inactive_minutes INTEGER,
    currency                      TEXT,
    rate                          REAL,
    rate_type                     TEXT,
    rate_status                   INTEGER NOT NULL DEFAULT 0,  -- 1: may see rates
    tax_country                   TEXT,
    tax_state                     TEXT,
    is_blocked                    INTEGER NOT NULL DEFAULT 0,
    weekly_hours_limit            INTEGER,
    screenshots                   TEXT,
    invitation_code               TEXT,
    created_at                    TEXT NOT NULL,
    updated_at                    TEXT NOT NULL,
    deleted_at                    TEXT,
    PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE IF NOT EXISTS projects (
    id                 INTEGER PRIMARY KEY,
    workspace_id       INTEGER NOT NULL REFERENCES workspaces(id),
    name               TEXT NOT NULL,
    owner_id           INTEGER NOT NULL REFERENCES users(id),
    start_date         TEXT,
    deadline           TEXT,
    estimation         REAL,
    budget             REAL,
    notes              TEXT,
    icon               TEXT,
    is_billable        INTEGER NOT NULL DEFAULT 0,
    rate               REAL,
    weekly_hours_limit INTEGER,
    screenshots        TEXT,
    status             INTEGER NOT NULL DEFAULT 1,  -- 1 active, 0 archived
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE INDEX IF NOT EXISTS projects_ws ON projects(workspace_id);

CREATE TABLE IF NOT EXISTS tags (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name         TEXT NOT NULL,
    color        TEXT,
    UNIQUE (workspace_id, name)
);

CREATE TABLE IF NOT EXISTS project_tags (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    tag_id     INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (project_id, tag_id)
);

-- Which project managers manage which projects (role filtering; not an API resource).
CREATE TABLE IF NOT EXISTS project_managers (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (project_id, user_id)
);

-- A member's assignment to a project. rate_type: 1 custom, 2 member rate, 3 project rate.
CREATE TABLE IF NOT EXISTS contracts (
    id                 INTEGER PRIMARY KEY,
    workspace_id       INTEGER NOT NULL REFERENCES workspaces(id),
    project_id         INTEGER NOT NULL REFERENCES projects(id),
    user_id            INTEGER NOT NULL REFERENCES users(id),
    weekly_hours_limit INTEGER,
    screenshots        TEXT,
    rate               REAL,
    rate_type          INTEGER,
    status             TEXT NOT NULL DEFAULT 'active',  -- active | paused
    currency           TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS contracts_live ON contracts(project_id, user_id) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS contracts_ws_user ON contracts(workspace_id, user_id);

-- status: 0 open, 10 in progress, 20 done, 30 closed, plus custom codes (1, 2, 11, 21 ...).
-- priority: 10 urgent, 20 high, 30 normal, 40 low, or NULL.
CREATE TABLE IF NOT EXISTS tasks (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    project_id   INTEGER NOT NULL REFERENCES projects(id),
    parent_id    INTEGER REFERENCES tasks(id),
    title        TEXT NOT NULL,
    description  TEXT,
    owner_id     INTEGER,
    creator_id   INTEGER,
    status       INTEGER NOT NULL DEFAULT 0,
    priority     INTEGER,
    start_date   TEXT,
    end_date     TEXT,
    completed_at TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX IF NOT EXISTS tasks_project ON tasks(project_id);

CREATE TABLE IF NOT EXISTS task_assignees (
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (task_id, user_id)
);

-- Projects a project viewer (a membership with role 'Project viewer') may see.
CREATE TABLE IF NOT EXISTS viewer_projects (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    project_id   INTEGER NOT NULL REFERENCES projects(id),
    PRIMARY KEY (workspace_id, user_id, project_id)
);

-- Recorded work. method: TimeEntryMethod wire text. activity_level: 0..100 (reports).
CREATE TABLE IF NOT EXISTS time_entries (
    id                   TEXT PRIMARY KEY,
    workspace_id         INTEGER NOT NULL REFERENCES workspaces(id),
    user_id              INTEGER NOT NULL REFERENCES users(id),
    contract_id          INTEGER REFERENCES contracts(id),
    project_id           INTEGER REFERENCES projects(id),
    task_id              INTEGER REFERENCES tasks(id),
    activity_description TEXT,
    method               TEXT NOT NULL,
    date                 TEXT NOT NULL,
    start_at             TEXT NOT NULL,
    end_at               TEXT,
    duration_minutes     INTEGER NOT NULL,
    activity_level       REAL,
    time_request_id      TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS time_entries_user_day ON time_entries(workspace_id, user_id, date);
CREATE INDEX IF NOT EXISTS time_entries_day ON time_entries(workspace_id, date);

-- At most one running tracker per person (across workspaces).
CREATE TABLE IF NOT EXISTS running_trackers (
    user_id              INTEGER PRIMARY KEY REFERENCES users(id),
    workspace_id         INTEGER NOT NULL REFERENCES workspaces(id),
    contract_id          INTEGER REFERENCES contracts(id),
    project_id           INTEGER REFERENCES projects(id),
    task_id              INTEGER REFERENCES tasks(id),
    activity_description TEXT,
    started_at           TEXT NOT NULL
);

-- Weekly timesheets (Monday..Sunday). status: pending | submitted | approved | rejected.
CREATE TABLE IF NOT EXISTS timesheets (
    id            TEXT PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    date_from     TEXT NOT NULL,
    date_to       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',
    reject_reason TEXT,
    submitted_at  TEXT,
    approved_at   TEXT,
    approved_by   INTEGER,
    rejected_at   TEXT,
    rejected_by   INTEGER,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (workspace_id, user_id, date_from)
);

-- Manual-time requests. Approval writes a time entry (time_entry_id).
CREATE TABLE IF NOT EXISTS time_requests (
    id                   TEXT PRIMARY KEY,
    workspace_id         INTEGER NOT NULL REFERENCES workspaces(id),
    user_id              INTEGER NOT NULL REFERENCES users(id),
    contract_id          INTEGER REFERENCES contracts(id),
    project_id           INTEGER REFERENCES projects(id),
    task_id              INTEGER REFERENCES tasks(id),
    start_at             TEXT NOT NULL,
    end_at               TEXT NOT NULL,
    status               TEXT NOT NULL DEFAULT 'pending',  -- pending | approved | rejected
    notes                TEXT,
    activity_description TEXT,
    comment              TEXT,
    updated_by           INTEGER,
    time_entry_id        TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

-- kind: day_based | hour_based. allowance: days (or hours) per year by default.
CREATE TABLE IF NOT EXISTS leave_policies (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    is_paid      TEXT NOT NULL DEFAULT 'yes',
    allowance    REAL,
    color        TEXT,
    created_at   TEXT NOT NULL
);

-- A member's own allowance for a policy, overriding the policy's default.
CREATE TABLE IF NOT EXISTS leave_allowances (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    policy_id    INTEGER NOT NULL REFERENCES leave_policies(id),
    allowance    REAL NOT NULL,
    PRIMARY KEY (workspace_id, user_id, policy_id)
);

-- Leave requests. days/hours: what the request takes from the balance once approved.
CREATE TABLE IF NOT EXISTS leave_requests (
    id            TEXT PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    policy_id     INTEGER NOT NULL REFERENCES leave_policies(id),
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    leave_period  INTEGER,           -- 0 full day, 1 first half, 2 second half
    start_time    TEXT,              -- HH:mm, hour-based policies
    end_time      TEXT,
    hours_per_day REAL,
    days          REAL,
    hours         REAL,
    status        TEXT NOT NULL DEFAULT 'pending',  -- pending | approved | rejected
    note          TEXT,
    is_paid       TEXT NOT NULL DEFAULT 'yes',
    created_by    INTEGER,
    approved_by   INTEGER,
    rejected_by   INTEGER,
    reject_reason TEXT,
    decided_at    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS expense_categories (
    id           TEXT PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name         TEXT NOT NULL,
    color        TEXT
);

CREATE TABLE IF NOT EXISTS expenses (
    id            TEXT PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    project_id    INTEGER REFERENCES projects(id),
    category_id   TEXT REFERENCES expense_categories(id),
    expense_name  TEXT NOT NULL,
    amount        REAL NOT NULL,
    currency      TEXT,
    note          TEXT,
    description   TEXT,
    is_billable   INTEGER NOT NULL DEFAULT 0,
    date          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);

-- events: a JSON array of WebhookEvent wire names.
CREATE TABLE IF NOT EXISTS webhooks (
    id           TEXT PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    url          TEXT NOT NULL,
    events       TEXT NOT NULL,
    token        TEXT NOT NULL,
    created_by   INTEGER,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- The delivery log, written in the same transaction as the change that caused the event
-- (an outbox): status pending | delivered | failed | undeliverable.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id           INTEGER PRIMARY KEY,
    webhook_id   TEXT NOT NULL,
    workspace_id INTEGER NOT NULL,
    event        TEXT NOT NULL,
    url          TEXT NOT NULL,
    token        TEXT NOT NULL,    -- the webhook's token when the event happened
    payload      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending',
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_status  INTEGER,
    last_error   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_pending ON webhook_deliveries(status);
