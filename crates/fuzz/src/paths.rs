//! Every reader an answer meets on its way to a person, called the way the clients call it:
//!
//! * the Rust SDK and the admin panel: `envelope::decode::<Output>` of the operation, through
//!   `ops::decode_for` (one arm per operation, generated from the table: every output type);
//! * the npm package's wasm half: `envelope::decode_json`, then `convert::reply_json` (what
//!   `Core::call` resolves to) or `convert::error_json` (what it rejects with), and the page
//!   walker as `nextPage` runs it (`Walker::resume(..).step`) on the reply's numbers;
//! * the panel's exports: the rows of a list or report, as CSV and JSON;
//! * the widgets: `answers::list`, the members, pickers, tracker state and hours grid readers,
//!   and the field readers (`read::*`) on every item.
//!
//! The JS half of the npm package (web/src/index.js) is driven by web/tests/fuzz.mjs in Node.

use serde_json::Value;
use webwork_core::envelope::{decode_json, Reply};
use webwork_core::export;
use webwork_core::ops::{decode_for, OpInfo};
use webwork_core::pages::{fingerprint, PageSeen, Walker};
use webwork_core::ApiError;
use webwork_js::convert;
use webwork_widgets::{answers, read};

use crate::cases::Case;

/// What the typed reader made of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Read,
    Refused,
}

/// Runs `case` through every native reader. A panic here is a bug (the caller catches it).
pub fn run(case: &Case, op: &OpInfo) -> Verdict {
    let typed = decode_for(op.id, case.status, &case.body, case.retry_after_ms);
    let verdict = match &typed {
        Ok(reply) => {
            let _ = convert::reply_json(reply.clone(), None);
            Verdict::Read
        }
        Err(e) => {
            error_facets(e);
            Verdict::Refused
        }
    };
    match decode_json(case.status, &case.body, case.retry_after_ms) {
        Ok(reply) => as_sent(reply, op, case.index),
        Err(e) => {
            error_facets(&e);
            let _ = convert::error_json(&e);
        }
    }
    verdict
}

/// Everything a person may be shown of an error.
fn error_facets(e: &ApiError) {
    let _ = (e.to_string(), e.kind(), e.field(), e.status(), e.is_transient(), format!("{e:?}"));
}

/// The readers that take `data` as sent.
fn as_sent(reply: Reply<Value>, op: &OpInfo, index: u64) {
    let per_page = op.per_page_max.unwrap_or(20);
    // The npm package's reply, as `Core::call` sends it to JS.
    if let Err(e) = convert::reply_json(reply.clone(), Some((1, per_page))) {
        let _ = convert::error_json(&e);
    }
    walk(&reply, per_page, index);
    exports(&reply.data);
    widgets(&reply.data);
}

/// The page walker on this page: as the first page of a walk, and resumed mid-walk with the
/// numbers `nextPage` gets from JS (a page, the previous page's fingerprint, the first page count).
fn walk(reply: &Reply<Value>, per_page: u32, index: u64) {
    let seen = PageSeen::of_data(&reply.data, reply.pagination);
    let _ = Walker::new(1, per_page).step(&seen);
    let page = (index % 1200) as u32 + 1;
    let previous = if index.is_multiple_of(2) { Some(seen.fingerprint) } else { Some(index) };
    let _ = Walker::resume(1, page, per_page, previous, reply.pagination.map(|p| p.last_page)).step(&seen);
    if let Value::Array(items) = &reply.data {
        let _ = fingerprint(items);
    }
}

fn exports(data: &Value) {
    let tables = [export::list_rows(data.clone()), export::tracked_hours_rows(data.clone()), export::activity_level_rows(data.clone())];
    for rows in tables.into_iter().flatten() {
        let _ = export::to_csv(&rows);
        let _ = export::to_json(&rows);
    }
}

/// The field names the widgets read from items.
const WIDGET_FIELDS: [&str; 16] = [
    "id",
    "user_id",
    "project_id",
    "status",
    "current_role",
    "total_minutes",
    "total_hours",
    "start_time",
    "start",
    "end",
    "date_from",
    "date_to",
    "policy_name",
    "project_name",
    "task_title",
    "is_running",
];

fn widgets(data: &Value) {
    let from = webwork_core::date::CivilDate::parse("2026-03-01").expect("a date");
    let _ = answers::minutes_per_group_and_day(data, from, 31, false);
    let _ = answers::minutes_per_group_and_day(data, from, 7, true);
    let _ = answers::report_total_minutes(data);
    let _ = answers::running(data);
    if let Ok(items) = answers::list(data.clone()) {
        let _ = answers::people(&items);
        let _ = answers::choices(&items, "project_name", "Project");
        let _ = answers::choices(&items, "title", "Task");
        for item in &items {
            let _ = answers::running(item);
            let _ = read::person(item);
            let _ = item.get("member").and_then(read::person);
            // The leave calendar's and the approvals' dates: the first ten characters as a day.
            for field in ["start_date", "end_date", "date_from", "date_to", "date", "start", "end"] {
                let _ = read::text(item, field).and_then(|d| webwork_core::date::CivilDate::parse(d.get(..10)?).ok());
            }
            for field in WIDGET_FIELDS {
                let _ = (
                    read::text(item, field),
                    read::num(item, field),
                    read::int(item, field),
                    read::id(item, field),
                    read::flag(item, field),
                );
                let _ = read::is(item, field, "active");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::{Corpus, Kind};
    use webwork_core::ops::CATALOG;

    fn case_of(op: usize, status: u16, body: Vec<u8>) -> Case {
        Case { index: 0, op, status, retry_after_ms: None, body, kind: Kind::Mutated }
    }

    #[test]
    fn every_real_answer_of_the_corpus_reads_and_its_breakage_is_refused() {
        let corpus = Corpus::committed();
        for (id, status, body) in corpus.answers.iter().filter(|a| a.1 == 200) {
            let op = CATALOG.iter().position(|o| o.id == id).expect("a catalog operation");
            let text = serde_json::to_vec(body).unwrap();
            assert_eq!(run(&case_of(op, *status, text.clone()), &CATALOG[op]), Verdict::Read, "{id}");
            // The same answer cut in half, or with its envelope's `success` as a list, is refused.
            assert_eq!(run(&case_of(op, *status, text[..text.len() / 2].to_vec()), &CATALOG[op]), Verdict::Refused, "{id}");
            let mut wrong = body.clone();
            wrong["success"] = serde_json::json!([]);
            assert_eq!(run(&case_of(op, *status, serde_json::to_vec(&wrong).unwrap()), &CATALOG[op]), Verdict::Refused, "{id}");
        }
    }
}
