//! Exporting a whole list: every page of a list request, walked at `per_page=100` through the
//! client (so its pacer keeps the 60 requests/minute budget and its retries honour
//! `Retry-After`), then assembled as CSV or JSON. Runtime-free like the client: the browser
//! panel and the native bench run this same code.
//!
//! * [`fetch_all`]: walks the pages, reports [`Progress`] after each, stops at a cancelled
//!   [`CancelToken`] (`ApiError::Aborted`). [`fetch_all_of`]: the same over several requests.
//! * [`to_csv`] / [`to_json`]: the rows as a file. Rows are raw `serde_json::Value` objects, so
//!   any list exports, including fields this crate does not model.
//! * Row shapers for reports whose `data` is not a list of rows: [`tracked_hours_rows`],
//!   [`activity_level_rows`], [`nested_rows`].
//! * [`split_range`]: cuts a date range into pieces the API accepts (at most 31 days each).

use serde_json::{Map, Value};

use crate::client::{CallOptions, CancelToken, Client, Transport};
use crate::date::CivilDate;
use crate::error::ApiError;
use crate::ops::ApiRequest;
use crate::pages::{PageSeen, Step, Walker};

/// The largest page the API serves (a list may allow fewer: its `per_page_max`).
pub const EXPORT_PER_PAGE: u32 = 100;

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    /// The rows as this format's file.
    pub fn render(self, rows: &[Value]) -> String {
        match self {
            ExportFormat::Csv => to_csv(rows),
            ExportFormat::Json => to_json(rows),
        }
    }
}

/// Where an export stands, after each page.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// Rows fetched so far.
    pub rows: u64,
    /// All rows, once the first page said (`pagination.total`).
    pub total: Option<u64>,
    /// Pages fetched so far (= requests that succeeded).
    pub pages: u32,
    /// The number of pages, once known.
    pub last_page: Option<u32>,
    /// Since the export started.
    pub elapsed_ms: f64,
    /// An estimate of the time left: when the pacer can have let the pages still to fetch go
    /// (its window played forward), plus an answer time (the quickest seen so far).
    pub eta_ms: Option<f64>,
}

impl Progress {
    /// 0.0 to 1.0, once the total is known.
    pub fn fraction(&self) -> Option<f64> {
        match (self.total, self.last_page) {
            (Some(t), _) if t > 0 => Some((self.rows as f64 / t as f64).min(1.0)),
            (_, Some(l)) if l > 0 => Some((self.pages as f64 / l as f64).min(1.0)),
            (Some(0), _) => Some(1.0),
            _ => None,
        }
    }
}

/// How the rows of one page are read from its `data`.
pub type RowsOf = fn(Value) -> Result<Vec<Value>, ApiError>;

/// `data` as a list of rows (every list operation).
pub fn list_rows(data: Value) -> Result<Vec<Value>, ApiError> {
    match data {
        Value::Array(items) => Ok(items),
        Value::Null => Ok(Vec::new()),
        other => Err(ApiError::Decode {
            path: "data".into(),
            message: format!("expected a list, got {}", crate::models::lenient::read::kind(&other)),
        }),
    }
}

/// Every row of a list request, page after page from page 1 at the list's largest page (else
/// [`EXPORT_PER_PAGE`]), each page
/// through `client` (paced, retried as the client does). `on_progress` runs after every page.
/// A cancelled `cancel` ends the walk with `ApiError::Aborted`, also mid-request.
///
/// The page walker ([`crate::pages::Walker`]) decides when the walk ends: at the last page the
/// server names, or, when it names none, at the first list shorter than asked (a `data` object
/// without pagination is a whole report: one request); it stops with an error when the server
/// repeats a page, sends an empty page that says more follow, or the walk passes
/// [`crate::pages::MAX_PAGES`].
pub async fn fetch_all<T: Transport>(
    client: &Client<T>,
    request: ApiRequest,
    rows_of: RowsOf,
    cancel: &CancelToken,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<Vec<Value>, ApiError> {
    let mut request = request;
    // Each list's own largest page (time entries allow 50), else the API's largest.
    // (A list's path has no parameters, so the path itself finds its operation.)
    let per_page = crate::ops::CATALOG
        .iter()
        .find(|op| op.method == request.method && op.path == request.path)
        .and_then(|op| op.per_page_max)
        .unwrap_or(EXPORT_PER_PAGE);
    request.set_query("per_page", per_page.to_string());
    let opts = CallOptions::cancel(cancel);
    let started = client.transport().now_ms();
    let mut progress = Progress::default();
    let mut out = Vec::new();
    // The quickest answer so far: the time a page takes when the pacer lets it go at once.
    let mut answer_ms = f64::INFINITY;
    let mut walker = Walker::new(1, per_page);
    loop {
        if cancel.is_cancelled() {
            return Err(ApiError::Aborted);
        }
        let page = walker.page();
        request.set_query("page", page.to_string());
        let asked_at = client.transport().now_ms();
        let reply = client.request_json(&request, &opts).await?;
        let now = client.transport().now_ms();
        answer_ms = answer_ms.min(now - asked_at);
        let is_list = reply.data.is_array();
        let rows = rows_of(reply.data)?;
        let step = walker.step(&PageSeen::new(&rows, reply.pagination, is_list))?;
        out.extend(rows);
        progress.rows = out.len() as u64;
        progress.pages = page;
        if let Some(p) = &reply.pagination {
            if p.last_page > 0 {
                progress.last_page = Some(p.last_page);
                progress.total = Some(p.total);
            }
        }
        let more = step != Step::Done;
        progress.elapsed_ms = now - started;
        progress.eta_ms = if more {
            progress.last_page.map(|last| {
                let left = last.saturating_sub(page).max(1);
                // When the pacer lets the last page go, or the answers' own time if longer.
                let paced = client.pacer().time_for(left, now);
                paced.max(f64::from(left - 1) * answer_ms) + answer_ms
            })
        } else {
            Some(0.0)
        };
        on_progress(&progress);
        if !more {
            break;
        }
    }
    Ok(out)
}

/// Every row of several requests, one after the other (a report asked day by day, a range cut
/// into 31-day pieces), as one export: progress counts rows and pages across all of them, and
/// the total is known once each piece's first page has said its own (pieces not begun count as
/// one page).
pub async fn fetch_all_of<T: Transport>(
    client: &Client<T>,
    requests: Vec<ApiRequest>,
    rows_of: RowsOf,
    cancel: &CancelToken,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<Vec<Value>, ApiError> {
    let pieces = requests.len() as u32;
    let mut out = Vec::new();
    let mut done = Progress::default();
    let started = client.transport().now_ms();
    for (i, request) in requests.into_iter().enumerate() {
        let not_begun = pieces - i as u32 - 1;
        let before = done;
        let mut piece_pages = 0;
        let rows = fetch_all(client, request, rows_of, cancel, &mut |p| {
            piece_pages = p.pages;
            let last = p.last_page.unwrap_or(p.pages);
            let progress = Progress {
                rows: before.rows + p.rows,
                total: (pieces == 1).then_some(p.total).flatten(),
                pages: before.pages + p.pages,
                last_page: Some(before.pages + last + not_begun),
                elapsed_ms: client.transport().now_ms() - started,
                eta_ms: p.eta_ms.map(|ms| ms + f64::from(not_begun) * per_page_ms(p)),
            };
            on_progress(&progress);
        })
        .await?;
        done.rows += rows.len() as u64;
        done.pages += piece_pages;
        out.extend(rows);
    }
    Ok(out)
}

/// The time a page took on average so far (for estimates over pieces not begun).
fn per_page_ms(p: &Progress) -> f64 {
    if p.pages == 0 {
        0.0
    } else {
        p.elapsed_ms / f64::from(p.pages)
    }
}

/// The most columns an export has. No documented answer comes close (a few dozen fields), but a
/// server whose every row brings a field of its own would make an n-by-n table: gigabytes and
/// minutes of work for 40,000 rows. Fields past the cap go to one last column, [`OTHER_COLUMN`],
/// as JSON, so nothing is lost and the work stays linear in the answer.
pub const MAX_COLUMNS: usize = 500;

/// The column that holds, as a JSON object, the fields of a row beyond [`MAX_COLUMNS`].
pub const OTHER_COLUMN: &str = "other_fields";

/// The columns of `rows`: every key of every row in first-seen order, nested objects as
/// dotted paths (`project.name`); past [`MAX_COLUMNS`], one more: [`OTHER_COLUMN`].
pub fn columns(rows: &[Value]) -> Vec<String> {
    let mut cols: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        let mut flat = Vec::new();
        flatten("", row, &mut flat);
        for (k, _) in flat {
            if seen.contains(&k) {
                continue;
            }
            if cols.len() == MAX_COLUMNS {
                cols.push(OTHER_COLUMN.to_owned());
                return cols;
            }
            seen.insert(k.clone());
            cols.push(k);
        }
    }
    cols
}

/// A row as (column, cell) pairs: objects are walked into dotted names, lists stay one cell
/// (as JSON), a row that is not an object is one `value` column.
fn flatten<'v>(prefix: &str, v: &'v Value, out: &mut Vec<(String, &'v Value)>) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, child) in map {
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&name, child, out);
            }
        }
        _ => out.push((if prefix.is_empty() { "value".to_owned() } else { prefix.to_owned() }, v)),
    }
}

/// A cell's text: strings as they are, `null` empty, numbers and booleans as JSON writes
/// them, lists and empty objects as JSON.
fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
pub fn csv_field(text: &str, is_string: bool) -> String {
    let guarded;
    let text = if is_string && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{text}");
        guarded.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The rows as CSV: a UTF-8 byte-order mark (so spreadsheets read accents and CJK right), a
/// header of [`columns`], one line per row, CRLF line ends.
pub fn to_csv(rows: &[Value]) -> String {
    let mut cols = columns(rows);
    let other = cols.len() > MAX_COLUMNS;
    if other {
        cols.pop();
    }
    let mut out = String::from("\u{feff}");
    out.push_str(&cols.iter().map(|c| csv_field(c, false)).collect::<Vec<_>>().join(","));
    if other {
        out.push(',');
        out.push_str(OTHER_COLUMN);
    }
    out.push_str("\r\n");
    // The same set type as `columns`' (one copy of its code in the bundles).
    let kept: std::collections::HashSet<String> = if other { cols.iter().cloned().collect() } else { Default::default() };
    for row in rows {
        let mut flat = Vec::new();
        flatten("", row, &mut flat);
        let cells: Map<String, Value> = flat.into_iter().map(|(k, v)| (k, v.clone())).collect();
        let line: Vec<String> = cols
            .iter()
            .map(|c| match cells.get(c) {
                Some(v) => csv_field(&cell_text(v), v.is_string()),
                None => String::new(),
            })
            .collect();
        out.push_str(&line.join(","));
        if other {
            out.push(',');
            let rest: Map<String, Value> = cells.into_iter().filter(|(k, _)| !kept.contains(k)).collect();
            if !rest.is_empty() {
                out.push_str(&csv_field(&crate::models::lenient::read::json_text(&Value::Object(rest)), true));
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// The rows as a pretty-printed JSON array.
pub fn to_json(rows: &[Value]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_owned())
}

/// Rows of `GET /reports/tracked-hours`: one per date, member and project.
pub fn tracked_hours_rows(data: Value) -> Result<Vec<Value>, ApiError> {
    let mut out = Vec::new();
    let Value::Object(report) = data else { return Ok(out) };
    if let Some(Value::Object(dates)) = report.get("dates") {
        for (date, day) in dates {
            for user in day.get("users").and_then(Value::as_array).into_iter().flatten() {
                let mut row = Map::new();
                row.insert("date".into(), Value::String(date.clone()));
                if let Value::Object(fields) = user {
                    row.extend(fields.clone());
                }
                out.push(Value::Object(row));
            }
        }
    }
    Ok(out)
}

/// Rows of `GET /reports/activity-level`: one per member and day.
pub fn activity_level_rows(data: Value) -> Result<Vec<Value>, ApiError> {
    nested_rows(data.get("users").cloned().unwrap_or(Value::Null), "days", &["user_id", "user_name"])
}

/// One row per item of each parent's `child` list, carrying the parent's `keep` fields first
/// (a task report's `tasks_breakdown`, a timeline's `entries`).
pub fn nested_rows(parents: Value, child: &str, keep: &[&str]) -> Result<Vec<Value>, ApiError> {
    let mut out = Vec::new();
    for parent in list_rows(parents)? {
        for item in parent.get(child).and_then(Value::as_array).into_iter().flatten() {
            let mut row = Map::new();
            for k in keep {
                row.insert((*k).to_owned(), parent.get(*k).cloned().unwrap_or(Value::Null));
            }
            if let Value::Object(fields) = item {
                row.extend(fields.clone());
            }
            out.push(Value::Object(row));
        }
    }
    Ok(out)
}

/// A date range cut into consecutive pieces of at most `max_days` days (inclusive ranges), for
/// reports the API limits to 31 days. `Err` when `end` is before `start`.
pub fn split_range(start: CivilDate, end: CivilDate, max_days: i64) -> Result<Vec<(CivilDate, CivilDate)>, String> {
    if end < start {
        return Err(format!("The end date {end} is before the start date {start}."));
    }
    let max_days = max_days.max(1);
    let mut out = Vec::new();
    let mut from = start;
    while from <= end {
        let to = from.add_days(max_days - 1).min(end);
        out.push((from, to));
        from = to.add_days(1);
    }
    Ok(out)
}

/// Days in an inclusive range.
pub fn range_days(start: CivilDate, end: CivilDate) -> i64 {
    start.days_until(end) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn csv_quotes_flattens_and_guards_formulas() {
        let rows = vec![
            json!({"id": 1, "name": "Ada, \"the\" first", "project": {"id": 7, "name": "Café ☕"}, "tags": ["a", "b"]}),
            json!({"id": 2, "name": "=HYPERLINK(\"x\")", "note": "two\nlines", "rate": null, "amount": -3.5}),
        ];
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        // Keys in the order the rows give them, new ones appended.
        assert_eq!(lines[0], "id,name,project.id,project.name,tags,note,rate,amount");
        assert_eq!(lines[1], "1,\"Ada, \"\"the\"\" first\",7,Café ☕,\"[\"\"a\"\",\"\"b\"\"]\",,,");
        assert_eq!(lines[2], "2,\"'=HYPERLINK(\"\"x\"\")\",,,,\"two\nlines\",,-3.5");
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(to_csv(&[]), "\u{feff}\r\n");
    }

    #[test]
    fn rows_with_fields_of_their_own_stay_a_bounded_table() {
        // Each row brings a field no other row has: without the cap, n rows make n columns each.
        let n = MAX_COLUMNS + 300;
        let rows: Vec<Value> = (0..n).map(|i| json!({"id": i, format!("f{i}"): i})).collect();
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        assert_eq!(header.len(), MAX_COLUMNS + 1);
        assert_eq!(header[MAX_COLUMNS], OTHER_COLUMN);
        // A row whose field made it into the columns: no rest. One past the cap: its field as JSON.
        assert!(lines[1].ends_with(','), "{}", lines[1]);
        let last = lines[n];
        assert!(last.starts_with(&format!("{},", n - 1)), "{last}");
        assert!(last.ends_with(&format!("\"{{\"\"f{}\"\":{}}}\"", n - 1, n - 1)), "{last}");
        assert_eq!(last.matches(',').count(), MAX_COLUMNS, "one cell per column");
    }

    #[test]
    fn json_is_the_rows() {
        let rows = vec![json!({"a": 1}), json!({"a": "x"})];
        let back: Vec<Value> = serde_json::from_str(&to_json(&rows)).unwrap();
        assert_eq!(back, rows);
    }

    #[test]
    fn report_shapes_become_rows() {
        let th = json!({"dates": {"2026-03-02": {"users": [{"user_id": 5, "project_id": 1, "total_minutes": 60}]},
                                   "2026-03-03": {"users": [{"user_id": 5, "project_id": 2, "total_minutes": 30}, {"user_id": 6, "total_minutes": 15}]}}});
        let rows = tracked_hours_rows(th).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], json!({"date": "2026-03-03", "user_id": 5, "project_id": 2, "total_minutes": 30}));
        let al = json!({"users": [{"user_id": 5, "user_name": "Seán", "days": [{"date": "2026-03-02", "activity_level": 70.5}, {"date": "2026-03-03"}]}]});
        let rows = activity_level_rows(al).unwrap();
        assert_eq!(
            rows,
            vec![
                json!({"user_id": 5, "user_name": "Seán", "date": "2026-03-02", "activity_level": 70.5}),
                json!({"user_id": 5, "user_name": "Seán", "date": "2026-03-03"}),
            ]
        );
        assert!(list_rows(json!({"not": "a list"})).is_err());
        assert_eq!(list_rows(Value::Null).unwrap(), Vec::<Value>::new());
    }

    #[test]
    fn ranges_split_into_31_day_pieces() {
        assert_eq!(split_range(d("2026-03-01"), d("2026-03-31"), 31).unwrap(), vec![(d("2026-03-01"), d("2026-03-31"))]);
        let parts = split_range(d("2026-01-01"), d("2026-03-04"), 31).unwrap();
        assert_eq!(
            parts,
            vec![(d("2026-01-01"), d("2026-01-31")), (d("2026-02-01"), d("2026-03-03")), (d("2026-03-04"), d("2026-03-04")),]
        );
        assert!(parts.iter().all(|(a, b)| range_days(*a, *b) <= 31));
        assert_eq!(split_range(d("2026-03-04"), d("2026-03-04"), 31).unwrap().len(), 1);
        assert!(split_range(d("2026-03-04"), d("2026-03-03"), 31).is_err());
        assert_eq!(range_days(d("2026-02-01"), d("2026-03-03")), 31);
    }

    #[test]
    fn progress_fraction() {
        let p = Progress { rows: 250, total: Some(1000), pages: 3, last_page: Some(10), ..Progress::default() };
        assert_eq!(p.fraction(), Some(0.25));
        assert_eq!(Progress::default().fraction(), None);
        assert_eq!(Progress { total: Some(0), ..Progress::default() }.fraction(), Some(1.0));
    }
}
