//! What a cache in front of the client keeps and for how long: answers to GETs by path and
//! query, for one signed-in user. Pure: no storage and no clock of its own, so the panel (in
//! sessionStorage) and the widgets can both use it, and its rules are tested natively.
//!
//! * **Freshness** per kind of data ([`fresh_for_ms`]): a fresh answer costs no request; a stale
//!   one is still shown (with its age) while a new one is asked for (stale-while-revalidate).
//! * **Invalidation** by writes ([`dropped_by`]): a write drops the answers of its own family and
//!   of the families whose answers it changes (a member's archive changes the reports' names).

use serde_json::Value;

use crate::date::CivilDate;
use crate::envelope::Pagination;
use crate::models::lenient::read::json_text;
use crate::ops::{ApiRequest, Method};

/// Answers older than this are not shown at all, however they were kept.
pub const MAX_AGE_MS: f64 = 3_600_000.0;
/// How many answers are kept; the least recently used go first.
pub const MAX_ENTRIES: usize = 300;
/// About how much JSON text the cache may hold (sessionStorage allows about 5 MB per origin).
pub const MAX_CHARS: usize = 2_000_000;

/// One kept answer: `data` and `pagination` as the server sent them, and when it came.
#[derive(Debug, Clone, PartialEq)]
pub struct Cached {
    /// ms since the epoch.
    pub at: f64,
    pub data: Value,
    pub pagination: Option<Pagination>,
}

impl Cached {
    pub fn age_ms(&self, now_ms: f64) -> f64 {
        (now_ms - self.at).max(0.0)
    }
}

/// The answers of one user, least recently used first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyCache {
    user: String,
    /// Key, answer, and the answer's data as JSON text (measured once for the size limit, and
    /// reused by every [`ReplyCache::to_text`]).
    entries: Vec<(String, Cached, String)>,
    chars: usize,
}

/// What identifies a read: its path and query, in order.
pub fn key_of(request: &ApiRequest) -> String {
    let mut key = request.path.clone();
    for (name, value) in &request.query {
        key.push('&');
        key.push_str(name);
        key.push('=');
        key.push_str(value);
    }
    key
}

/// The family of a path: its first segment (`/members/7/restore` is `members`).
pub fn family(path: &str) -> &str {
    path.trim_start_matches('/').split(['/', '&', '?']).next().unwrap_or("")
}

/// How long an answer to `key` stays fresh, `today` being the viewer's day (a report of days
/// that are over no longer changes; one that includes today does).
pub fn fresh_for_ms(key: &str, today: CivilDate) -> f64 {
    const SECOND: f64 = 1_000.0;
    const MINUTE: f64 = 60.0 * SECOND;
    match family(key) {
        "time-tracking" => 15.0 * SECOND,
        "time-entries" | "timesheets" | "time-requests" | "leaves" | "expenses" => MINUTE,
        "workspaces" | "members" | "projects" | "contracts" | "tasks" | "project-viewers" | "webhooks" => 5.0 * MINUTE,
        "reports" => match range_end(key) {
            Some(end) if end < today => 60.0 * MINUTE,
            _ => 2.0 * MINUTE,
        },
        _ => MINUTE,
    }
}

/// The last day a report's query covers (`end_date`, `date_to` or a single `date`).
fn range_end(key: &str) -> Option<CivilDate> {
    key.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        matches!(name, "end_date" | "date_to" | "date").then(|| CivilDate::parse(value).ok()).flatten()
    })
}

/// The families whose answers a write to `path` makes stale (its own first).
pub fn dropped_by(method: Method, path: &str) -> &'static [&'static str] {
    if method == Method::Get {
        return &[];
    }
    match family(path) {
        "members" => &["members", "workspaces", "reports", "time-tracking", "tasks", "contracts", "project-viewers", "timesheets"],
        "projects" => &["projects", "tasks", "contracts", "reports", "project-viewers", "time-tracking"],
        "contracts" => &["contracts", "members", "reports", "time-tracking"],
        "tasks" => &["tasks", "reports", "time-tracking"],
        // A viewer is a member: the archived viewers come from the members list.
        "project-viewers" => &["project-viewers", "members"],
        "time-tracking" => &["time-tracking", "time-entries", "timesheets", "reports"],
        "time-entries" => &["time-entries", "time-tracking", "timesheets", "reports"],
        "timesheets" => &["timesheets", "time-entries", "reports"],
        "time-requests" => &["time-requests", "time-entries", "timesheets", "reports", "time-tracking"],
        "leaves" => &["leaves"],
        "expenses" => &["expenses", "reports"],
        "webhooks" => &["webhooks"],
        // A write we have no rule for: everything may have changed.
        _ => &[""],
    }
}

impl ReplyCache {
    pub fn new(user: impl Into<String>) -> Self {
        ReplyCache { user: user.into(), ..Default::default() }
    }

    /// Whose answers these are (a fingerprint, never a token).
    pub fn user(&self) -> &str {
        &self.user
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The answer kept for `key`, unless it is older than [`MAX_AGE_MS`]; marks it used.
    pub fn get(&mut self, key: &str, now_ms: f64) -> Option<&Cached> {
        let i = self.entries.iter().position(|(k, _, _)| k == key)?;
        if self.entries[i].1.age_ms(now_ms) > MAX_AGE_MS {
            self.remove_at(i);
            return None;
        }
        let entry = self.entries.remove(i);
        self.entries.push(entry);
        self.entries.last().map(|(_, c, _)| c)
    }

    /// Keeps `cached` for `key`, dropping the least recently used answers over the limits. An
    /// answer too large for the cache alone is not kept.
    pub fn put(&mut self, key: String, cached: Cached) {
        if let Some(i) = self.entries.iter().position(|(k, _, _)| *k == key) {
            self.remove_at(i);
        }
        let text = json_text(&cached.data);
        let size = key.len() + text.len();
        if size > MAX_CHARS / 4 {
            return;
        }
        self.chars += size;
        self.entries.push((key, cached, text));
        while self.entries.len() > MAX_ENTRIES || self.chars > MAX_CHARS {
            self.remove_at(0);
        }
    }

    /// Drops the answers of `families` (`""` drops all); how many went.
    pub fn drop_families(&mut self, families: &[&str]) -> usize {
        let before = self.entries.len();
        if families.contains(&"") {
            self.entries.clear();
            self.chars = 0;
            return before;
        }
        let mut i = 0;
        while i < self.entries.len() {
            if families.contains(&family(&self.entries[i].0)) {
                self.remove_at(i);
            } else {
                i += 1;
            }
        }
        before - self.entries.len()
    }

    fn remove_at(&mut self, i: usize) {
        let (key, _, text) = self.entries.remove(i);
        self.chars -= key.len() + text.len();
    }

    /// The whole cache as JSON text, for storage: `{"user":…,"entries":[[key, at, data, pagination]…]}`,
    /// joined from each answer's text kept by [`ReplyCache::put`] rather than serialized again.
    pub fn to_text(&self) -> String {
        let number = |n: u64| Value::Number(n.into());
        let mut out = format!("{{\"user\":{},\"entries\":[", json_text(&Value::String(self.user.clone())));
        for (i, (key, c, data)) in self.entries.iter().enumerate() {
            let pagination = c.pagination.map_or(Value::Null, |p| {
                let opt = |n: Option<u64>| n.map_or(Value::Null, number);
                Value::Array(vec![
                    number(p.total),
                    number(p.per_page.into()),
                    number(p.current_page.into()),
                    number(p.last_page.into()),
                    opt(p.from),
                    opt(p.to),
                ])
            });
            let at = serde_json::Number::from_f64(c.at).map_or(Value::Null, Value::Number);
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            out.push_str(&json_text(&Value::String(key.clone())));
            out.push(',');
            out.push_str(&json_text(&at));
            out.push(',');
            out.push_str(data);
            out.push(',');
            out.push_str(&json_text(&pagination));
            out.push(']');
        }
        out.push_str("]}");
        out
    }

    /// Reads stored text for `user`: `None` when it is someone else's, unreadable, or empty
    /// of answers still young enough to show.
    pub fn from_text(text: &str, user: &str, now_ms: f64) -> Option<Self> {
        // As `Value` from bytes: the reader every answer goes through (no second copy in the wasm).
        let Ok(Value::Object(mut root)) = serde_json::from_slice::<Value>(text.as_bytes()) else { return None };
        if root.get("user").and_then(Value::as_str) != Some(user) {
            return None;
        }
        let mut cache = ReplyCache::new(user);
        let Some(Value::Array(entries)) = root.remove("entries") else { return None };
        for entry in entries {
            let Value::Array(mut parts) = entry else { continue };
            if parts.len() != 4 {
                continue;
            }
            let pagination = pagination_of(&parts[3]);
            let data = parts[2].take();
            let (Some(key), Some(at)) = (parts[0].as_str(), parts[1].as_f64()) else { continue };
            let cached = Cached { at, data, pagination };
            if cached.age_ms(now_ms) <= MAX_AGE_MS {
                cache.put(key.to_owned(), cached);
            }
        }
        (!cache.is_empty()).then_some(cache)
    }
}

fn pagination_of(v: &Value) -> Option<Pagination> {
    let n = v.as_array()?;
    let int = |i: usize| n.get(i).and_then(Value::as_u64);
    Some(Pagination {
        total: int(0)?,
        per_page: int(1)? as u32,
        current_page: int(2)? as u32,
        last_page: int(3)? as u32,
        from: int(4),
        to: int(5),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    fn answer(at: f64, data: Value) -> Cached {
        Cached { at, data, pagination: Some(Pagination::compute(41, 2, 20)) }
    }

    #[test]
    fn freshness_follows_the_kind_of_data() {
        let today = day("2026-12-05");
        assert_eq!(fresh_for_ms("/time-tracking/current-data&workspace_id=1&user_id=3", today), 15_000.0);
        assert_eq!(fresh_for_ms("/time-entries&workspace_id=1", today), 60_000.0);
        assert_eq!(fresh_for_ms("/members&workspace_id=1&page=1", today), 300_000.0);
        assert_eq!(fresh_for_ms("/project-viewers/4&workspace_id=1", today), 300_000.0);
        // A report of days that are over keeps; one that includes today does not for long.
        assert_eq!(fresh_for_ms("/reports/tracked-hours&workspace_id=1&start_date=2026-11-23&end_date=2026-11-29", today), 3_600_000.0);
        assert_eq!(fresh_for_ms("/reports/tracked-hours&workspace_id=1&start_date=2026-11-30&end_date=2026-12-05", today), 120_000.0);
        assert_eq!(fresh_for_ms("/reports/daily-timeline&workspace_id=1&date=2026-12-04", today), 3_600_000.0);
        assert_eq!(fresh_for_ms("/reports/activity-level&workspace_id=1", today), 120_000.0);
    }

    #[test]
    fn a_write_drops_exactly_what_it_makes_stale() {
        let mut cache = ReplyCache::new("u");
        for key in [
            "/members&workspace_id=1",
            "/members/7&workspace_id=1",
            "/reports/tracked-hours&workspace_id=1",
            "/leaves&workspace_id=1",
            "/webhooks&workspace_id=1",
        ] {
            cache.put(key.to_owned(), answer(0.0, json!([])));
        }
        assert_eq!(cache.drop_families(dropped_by(Method::Delete, "/members/7")), 3);
        assert!(cache.get("/members&workspace_id=1", 0.0).is_none());
        assert!(cache.get("/reports/tracked-hours&workspace_id=1", 0.0).is_none());
        assert!(cache.get("/leaves&workspace_id=1", 0.0).is_some());
        assert!(cache.get("/webhooks&workspace_id=1", 0.0).is_some());
        assert_eq!(cache.drop_families(dropped_by(Method::Get, "/webhooks")), 0);
        // Archiving a viewer changes the members list (where the archived viewers are read).
        cache.put("/members&workspace_id=1".to_owned(), answer(0.0, json!([])));
        assert_eq!(cache.drop_families(dropped_by(Method::Delete, "/project-viewers/6")), 1);
        assert!(cache.get("/members&workspace_id=1", 0.0).is_none());
        assert_eq!(cache.drop_families(dropped_by(Method::Put, "/webhooks/2")), 1);
        // A write with no rule drops everything.
        assert_eq!(cache.drop_families(dropped_by(Method::Post, "/something-new")), 1);
        assert!(cache.is_empty());
    }

    #[test]
    fn every_documented_write_has_a_rule() {
        for op in crate::ops::CATALOG.iter().filter(|op| op.method != Method::Get) {
            let families = dropped_by(op.method, op.path);
            assert_ne!(families, &[""], "{} {} has no invalidation rule", op.method.as_str(), op.path);
            assert_eq!(families[0], family(op.path), "{} drops its own family first", op.path);
        }
    }

    #[test]
    fn old_and_least_used_answers_go() {
        let mut cache = ReplyCache::new("u");
        cache.put("/members".to_owned(), answer(0.0, json!(1)));
        assert!(cache.get("/members", MAX_AGE_MS).is_some());
        assert!(cache.get("/members", MAX_AGE_MS + 1.0).is_none());
        for i in 0..MAX_ENTRIES + 5 {
            cache.put(format!("/tasks&page={i}"), answer(0.0, json!(i)));
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        assert!(cache.get("/tasks&page=0", 0.0).is_none());
        assert!(cache.get(&format!("/tasks&page={}", MAX_ENTRIES + 4), 0.0).is_some());
        // One answer larger than a quarter of the cache is not kept.
        cache.put("/big".to_owned(), answer(0.0, json!("x".repeat(MAX_CHARS / 4 + 1))));
        assert!(cache.get("/big", 0.0).is_none());
    }

    #[test]
    fn storage_round_trip_is_per_user() {
        let mut cache = ReplyCache::new("alice");
        cache.put("/members&page=2".to_owned(), answer(1_000.0, json!([{ "id": 7, "email": "a@b" }])));
        cache.put("/old".to_owned(), answer(-MAX_AGE_MS, json!(null)));
        let text = cache.to_text();
        let back = ReplyCache::from_text(&text, "alice", 2_000.0).unwrap();
        assert_eq!(back.len(), 1, "answers too old to show are not read back");
        assert_eq!(back.entries[0].1, answer(1_000.0, json!([{ "id": 7, "email": "a@b" }])));

        // Keys and texts that need escaping, a fractional time and no pagination read back whole.
        let mut odd = ReplyCache::new("al\"ice");
        odd.put("/tasks&search=\"quoted\" \\ é".to_owned(), answer(1_500.5, json!({ "title": "line\nbreak", "n": 1.5 })));
        odd.put("/members".to_owned(), Cached { at: 1_600.0, data: json!([]), pagination: None });
        assert_eq!(ReplyCache::from_text(&odd.to_text(), "al\"ice", 2_000.0), Some(odd));
        assert!(ReplyCache::from_text(&text, "bob", 2_000.0).is_none());
        assert!(ReplyCache::from_text("{not json", "alice", 2_000.0).is_none());
        assert!(ReplyCache::from_text(r#"{"user":"alice","entries":[["k","x",1,null],7]}"#, "alice", 0.0).is_none());
    }
}
