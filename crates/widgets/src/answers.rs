//! What the widgets take from an answer's `data`, as plain functions over the JSON: the part of
//! each widget that reads the server, apart from its view. Compiled natively too, so the decode
//! fuzzer (crates/fuzz) drives exactly these functions with broken answers; the widgets call them
//! after the core's envelope reading (`Client::request_json`).

use serde_json::Value;
use webwork_core::date::CivilDate;

use webwork_core::models::lenient::read::kind;

use crate::read;

/// A member as the widgets need one.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: u64,
    pub name: String,
    pub active: bool,
    /// Project viewers do not track time.
    pub viewer: bool,
}

/// The members of a `GET /members` page; an item without an id is left out.
pub fn people(items: &[Value]) -> Vec<Person> {
    items
        .iter()
        .filter_map(|m| {
            Some(Person {
                id: read::id(m, "id")?,
                name: read::person(m).unwrap_or_default(),
                active: read::is(m, "status", "active"),
                viewer: read::is(m, "current_role", "Project viewer"),
            })
        })
        .collect()
}

/// A list's `data`: the items, nothing for `null`, a decode error for anything else.
pub fn list(data: Value) -> Result<Vec<Value>, webwork_core::ApiError> {
    match data {
        Value::Array(items) => Ok(items),
        Value::Null => Ok(Vec::new()),
        // The type, never the value: it may be megabytes.
        other => Err(webwork_core::ApiError::Decode { path: "data".into(), message: format!("expected a list, found {}", kind(&other)) }),
    }
}

/// Minutes per group (a member's or a project's id, `None` for rows without one) and per day of
/// `days` days from `from`, from a tracked-hours report's `dates`, groups in order of first
/// appearance. Days outside the range and rows that cannot be read are skipped; sums saturate
/// (a server's absurd minutes must not wrap into negative bars). Finding a row's group is O(1)
/// ([`Slots`]), so a report with tens of thousands of groups stays linear.
pub fn minutes_per_group_and_day(report: &Value, from: CivilDate, days: usize, by_project: bool) -> Vec<(Option<u64>, Vec<i64>)> {
    let mut per: Vec<(Option<u64>, Vec<i64>)> = Vec::new();
    let mut slots = Slots::default();
    // The dates under `dates`, or directly in the report (the core's reader accepts both).
    let dates = report.get("dates").and_then(|d| d.as_object()).or_else(|| report.as_object());
    for (date, day) in dates.into_iter().flatten() {
        let Ok(d) = CivilDate::parse(date) else { continue };
        let i = from.days_until(d);
        if i < 0 || i as usize >= days {
            continue;
        }
        for row in day.get("users").map(read::items).unwrap_or_default() {
            let key = if by_project { read::id(row, "project_id") } else { read::id(row, "user_id") };
            let slot = slots.find_or_add(key, &mut per, days);
            let cell = &mut per[slot].1[i as usize];
            *cell = cell.saturating_add(read::int(row, "total_minutes").unwrap_or(0));
        }
    }
    per
}

/// Where each group sits in the list of groups: open addressing over a table kept at most half
/// full. Not a `HashMap`: its code would cost the widget bundle kilobytes (see lib.rs, "Size").
#[derive(Default)]
struct Slots {
    /// 1 + the group's index in the list, 0 for a free entry; the length is a power of two.
    table: Vec<usize>,
}

impl Slots {
    fn start(key: Option<u64>, mask: usize) -> usize {
        let h = key.map_or(0x5bd1_e995, |k| k ^ 0x2545_f491_4f6c_dd1d).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & mask
    }

    /// The index of `key` in `per`, added (with `days` zeros) when new.
    fn find_or_add(&mut self, key: Option<u64>, per: &mut Vec<(Option<u64>, Vec<i64>)>, days: usize) -> usize {
        if (per.len() + 1) * 2 > self.table.len() {
            self.table = vec![0; (self.table.len() * 2).max(16)];
            let mask = self.table.len() - 1;
            for (i, (k, _)) in per.iter().enumerate() {
                let mut at = Slots::start(*k, mask);
                while self.table[at] != 0 {
                    at = (at + 1) & mask;
                }
                self.table[at] = i + 1;
            }
        }
        let mask = self.table.len() - 1;
        let mut at = Slots::start(key, mask);
        loop {
            match self.table[at] {
                0 => {
                    per.push((key, vec![0; days]));
                    self.table[at] = per.len();
                    return per.len() - 1;
                }
                i if per[i - 1].0 == key => return i - 1,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// A report's `total.total_minutes` (0 when missing or unreadable).
pub fn report_total_minutes(report: &Value) -> i64 {
    report.get("total").and_then(|t| read::int(t, "total_minutes")).unwrap_or(0)
}

/// The sum of a series, saturating.
pub fn sum(values: &[i64]) -> i64 {
    values.iter().fold(0i64, |a, b| a.saturating_add(*b))
}

/// Whether a tracker state says it runs (`is_running`, else a start time).
pub fn running(state: &Value) -> bool {
    read::flag(state, "is_running").unwrap_or_else(|| read::text(state, "start_time").is_some())
}

/// (id, label) choices for a picker; an item without an id is left out, one without a label is "<noun> #id".
pub fn choices(items: &[Value], label: &str, noun: &str) -> Vec<(u64, String)> {
    items
        .iter()
        .filter_map(|i| {
            let id = read::id(i, "id")?;
            Some((id, read::text(i, label).unwrap_or_else(|| format!("{noun} #{id}"))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn minutes_per_day_saturate_and_skip_what_is_outside_the_range() {
        let from = CivilDate::parse("2026-03-02").unwrap();
        let report = json!({"dates": {
            "2026-03-02": {"users": [{"user_id": 7, "total_minutes": i64::MAX}, {"user_id": "7", "total_minutes": "90"}]},
            "2026-03-03": {"users": [{"project_id": 3, "total_minutes": 30}]},
            "2026-04-01": {"users": [{"user_id": 7, "total_minutes": 10}]},
            "not a date": {"users": [{"user_id": 7, "total_minutes": 10}]},
            "2026-03-04": "not an object"
        }});
        let per = minutes_per_group_and_day(&report, from, 3, false);
        // The same days directly in the report read the same.
        assert_eq!(minutes_per_group_and_day(&report["dates"], from, 3, false), per);
        assert_eq!(per, vec![(Some(7), vec![i64::MAX, 0, 0]), (None, vec![0, 30, 0])]);
        assert_eq!(sum(&[i64::MAX, 1]), i64::MAX);
    }

    #[test]
    fn many_groups_keep_their_order_and_their_own_minutes() {
        let from = CivilDate::parse("2026-03-02").unwrap();
        let users: Vec<Value> = (0..5000u64).rev().map(|i| json!({"project_id": i + 1, "total_minutes": i})).collect();
        let again: Vec<Value> = (0..5000u64).map(|i| json!({"project_id": i + 1, "total_minutes": 1})).collect();
        let report = json!({"dates": {"2026-03-02": {"users": users}, "2026-03-03": {"users": again}}});
        let per = minutes_per_group_and_day(&report, from, 2, true);
        assert_eq!(per.len(), 5000);
        assert_eq!(per[0], (Some(5000), vec![4999, 1]));
        assert_eq!(per[4999], (Some(1), vec![0, 1]));
    }

    #[test]
    fn people_and_lists_read_tolerantly_and_refuse_what_is_no_list() {
        let people = people(&[json!({"id": "4", "firstname": "Ana", "lastname": "Silva", "status": "Active"}), json!({"name": "no id"})]);
        assert_eq!(people, vec![Person { id: 4, name: "Ana Silva".into(), active: true, viewer: false }]);
        assert_eq!(list(Value::Null).unwrap(), Vec::<Value>::new());
        let err = list(json!({"a": "x".repeat(10_000)})).unwrap_err();
        assert!(err.to_string().len() < 200, "the message names the type, not the value: {err}");
    }
}
