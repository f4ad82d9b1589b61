//! The one page walker: after each page of a list, whether to ask for the next one, stop, or
//! give up with an error a person can read. Pure and runtime-free: `Client::pages`/`all`, the
//! exports (`export::fetch_all`), the panel (`Api::all`) and the npm package (`nextPage` in
//! crates/js, through the wasm) all feed it the pages they receive, so the rule exists once.
//!
//! A walk ends with an error, never a loop, when the server misbehaves:
//! * a page with the same items as the one before (a server that ignores `page`);
//! * an empty page whose pagination says more pages follow;
//! * more than the cap of pages (a `last_page` that keeps growing, or a list with no end).

use serde_json::Value;

use crate::envelope::Pagination;
use crate::error::ApiError;

/// The most pages one walk asks for: 100,000 items at the API's largest page size, about 17
/// minutes of the 60 requests/minute budget.
pub const MAX_PAGES: u32 = 1000;

/// What the walker needs to know about a page it was given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSeen {
    /// How many items the page held.
    pub items: usize,
    /// [`fingerprint`] of the page's items: equal fingerprints mean the same items.
    pub fingerprint: u64,
    /// The reply's pagination, when it sent one.
    pub pagination: Option<Pagination>,
    /// Whether `data` was a list. A `data` object without pagination (a report) is the whole
    /// answer, whatever its number of rows.
    pub is_list: bool,
}

impl PageSeen {
    /// A page whose items are `items` (a list's `data`, or an export's rows), as `pagination` placed it.
    pub fn new(items: &[Value], pagination: Option<Pagination>, is_list: bool) -> Self {
        PageSeen { items: items.len(), fingerprint: fingerprint(items), pagination, is_list }
    }

    /// A list reply's `data` (`null` reads as an empty list; any other non-list as no list).
    pub fn of_data(data: &Value, pagination: Option<Pagination>) -> Self {
        match data {
            Value::Array(items) => PageSeen::new(items, pagination, true),
            Value::Null => PageSeen::new(&[], pagination, true),
            _ => PageSeen::new(&[], pagination, false),
        }
    }
}

/// What to do after a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Ask for this page next.
    Next(u32),
    /// The list is complete.
    Done,
}

/// Whether another page follows `page` (asked for at `per_page`) that held `items` items: the
/// server's `last_page` when it names one, otherwise a full list page may have a next.
pub fn has_next(pagination: Option<&Pagination>, page: u32, per_page: u32, items: usize) -> bool {
    match pagination {
        Some(p) if p.last_page > 0 => p.current_page.max(page) < p.last_page,
        _ => items > 0 && items as u64 >= u64::from(per_page),
    }
}

/// The state of one walk over a list's pages.
#[derive(Debug, Clone)]
pub struct Walker {
    /// The page asked for now (the one the next [`Walker::step`] is about).
    page: u32,
    per_page: u32,
    max_pages: u32,
    /// Pages seen so far.
    walked: u32,
    /// The fingerprint of the last non-empty page.
    previous: Option<u64>,
    /// The page count the first page announced.
    first_last_page: Option<u32>,
}

impl Walker {
    /// A walk from `first_page` (1 when unsure) at `per_page`, capped at [`MAX_PAGES`].
    pub fn new(first_page: u32, per_page: u32) -> Self {
        Walker { page: first_page.max(1), per_page, max_pages: MAX_PAGES, walked: 0, previous: None, first_last_page: None }
    }

    /// A walk from `first_page` resumed at `page` from state kept elsewhere (the npm package keeps
    /// it in JS as numbers, so its wasm holds no walker object): `previous` is the fingerprint of
    /// the page before `page`, `first_last_page` the page count the first page announced.
    pub fn resume(first_page: u32, page: u32, per_page: u32, previous: Option<u64>, first_last_page: Option<u32>) -> Self {
        let mut walker = Walker::new(first_page, per_page);
        walker.walked = page.saturating_sub(walker.page);
        walker.page = walker.page.max(page);
        if walker.walked > 0 {
            walker.previous = previous;
            walker.first_last_page = first_last_page.filter(|&n| n > 0);
        }
        walker
    }

    /// The same walk with another cap (at least 1).
    pub fn with_max_pages(mut self, max_pages: u32) -> Self {
        self.max_pages = max_pages.max(1);
        self
    }

    /// The page to ask for now.
    pub fn page(&self) -> u32 {
        self.page
    }

    pub fn per_page(&self) -> u32 {
        self.per_page
    }

    /// Takes in the page just received (the one [`Walker::page`] named) and says what follows.
    pub fn step(&mut self, seen: &PageSeen) -> Result<Step, ApiError> {
        let page = self.page;
        self.walked += 1;
        let last_page = seen.pagination.map(|p| p.last_page).filter(|&n| n > 0);
        if self.walked == 1 {
            self.first_last_page = last_page;
        }
        if seen.items > 0 && self.previous == Some(seen.fingerprint) {
            return Err(stopped(format!(
                "the server sent page {page} again (the same items as page {}); it seems to ignore `page`",
                page - 1
            )));
        }
        let more = if seen.is_list || seen.pagination.is_some() {
            has_next(seen.pagination.as_ref(), page, self.per_page, seen.items)
        } else {
            false
        };
        if !more {
            return Ok(Step::Done);
        }
        if seen.items == 0 {
            let pages = last_page.unwrap_or(page + 1);
            return Err(stopped(format!("page {page} is empty but the server says {pages} pages")));
        }
        if self.walked >= self.max_pages {
            let growth = match (self.first_last_page, last_page) {
                (Some(first), Some(now)) if now > first => format!(" (the server said {first} pages at first and {now} now)"),
                _ => String::new(),
            };
            return Err(stopped(format!("more than {} pages{growth}", self.max_pages)));
        }
        self.previous = Some(seen.fingerprint);
        self.page = page + 1;
        Ok(Step::Next(self.page))
    }
}

/// The walker's refusals: the answer is not a list the API documents.
fn stopped(why: String) -> ApiError {
    ApiError::Decode { path: "meta.pagination".to_owned(), message: format!("{why}: stopped walking the list.") }
}

/// A fingerprint of a page's items (FNV-1a over their JSON text): the same items give the same
/// number, and two different pages collide only by chance (1 in 2^64). Over the text, not a walk
/// of the values: the serializer is in every bundle already, a walk would add code to the npm
/// package's wasm.
pub fn fingerprint(items: &[Value]) -> u64 {
    let text = serde_json::to_vec(items).unwrap_or_default();
    text.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list(items: &[Value], pagination: Option<Pagination>) -> PageSeen {
        PageSeen::new(items, pagination, true)
    }

    fn items(from: u64, n: u64) -> Vec<Value> {
        (from..from + n).map(|id| json!({"id": id})).collect()
    }

    fn paged(current: u32, last: u32) -> Option<Pagination> {
        Some(Pagination { total: u64::from(last) * 2, per_page: 2, current_page: current, last_page: last, from: None, to: None })
    }

    #[test]
    fn walks_to_the_last_page_the_server_names() {
        let mut w = Walker::new(1, 2);
        assert_eq!(w.step(&list(&items(1, 2), paged(1, 3))), Ok(Step::Next(2)));
        assert_eq!(w.page(), 2);
        assert_eq!(w.step(&list(&items(3, 2), paged(2, 3))), Ok(Step::Next(3)));
        assert_eq!(w.step(&list(&items(5, 1), paged(3, 3))), Ok(Step::Done));
    }

    #[test]
    fn without_pagination_a_full_page_may_have_a_next_and_a_short_one_ends() {
        let mut w = Walker::new(1, 2);
        assert_eq!(w.step(&list(&items(1, 2), None)), Ok(Step::Next(2)));
        assert_eq!(w.step(&list(&items(3, 1), None)), Ok(Step::Done));
        let mut w = Walker::new(1, 2);
        assert_eq!(w.step(&list(&items(1, 2), None)), Ok(Step::Next(2)));
        assert_eq!(w.step(&list(&[], None)), Ok(Step::Done), "an empty page after a full one ends a list without pagination");
    }

    #[test]
    fn an_empty_first_page_is_a_complete_empty_list() {
        let empty = Pagination { total: 0, per_page: 20, current_page: 1, last_page: 1, from: None, to: None };
        assert_eq!(Walker::new(1, 20).step(&list(&[], Some(empty))), Ok(Step::Done));
        assert_eq!(Walker::new(1, 20).step(&list(&[], None)), Ok(Step::Done));
    }

    #[test]
    fn a_report_object_without_pagination_is_the_whole_answer() {
        let rows = PageSeen { items: 500, fingerprint: 7, pagination: None, is_list: false };
        assert_eq!(Walker::new(1, 100).step(&rows), Ok(Step::Done));
    }

    #[test]
    fn a_walk_may_start_later_and_the_server_current_page_counts() {
        let mut w = Walker::new(3, 2);
        assert_eq!(w.step(&list(&items(5, 2), paged(3, 4))), Ok(Step::Next(4)));
        // A server that says it is already on the last page ends the walk.
        assert_eq!(Walker::new(1, 2).step(&list(&items(1, 2), paged(4, 4))), Ok(Step::Done));
    }

    #[test]
    fn a_page_that_repeats_the_one_before_is_an_error() {
        let mut w = Walker::new(1, 2);
        let same = items(1, 2);
        assert_eq!(w.step(&list(&same, paged(1, 5))), Ok(Step::Next(2)));
        let err = w.step(&list(&same, paged(1, 5))).unwrap_err();
        assert_eq!(err.kind(), "decode");
        let text = err.to_string();
        assert!(text.contains("the server sent page 2 again (the same items as page 1)"), "{text}");
        assert!(text.contains("stopped walking the list"), "{text}");
        // Without pagination too (a full page repeated forever).
        let mut w = Walker::new(1, 2);
        assert_eq!(w.step(&list(&same, None)), Ok(Step::Next(2)));
        assert!(w.step(&list(&same, None)).unwrap_err().to_string().contains("page 2 again"));
    }

    #[test]
    fn an_empty_page_that_says_more_follow_is_an_error() {
        let mut w = Walker::new(1, 2);
        assert_eq!(w.step(&list(&items(1, 2), paged(1, 9))), Ok(Step::Next(2)));
        assert_eq!(w.step(&list(&items(3, 2), paged(2, 9))), Ok(Step::Next(3)));
        let err = w.step(&list(&[], paged(3, 9))).unwrap_err();
        assert!(err.to_string().contains("page 3 is empty but the server says 9 pages"), "{err}");
    }

    #[test]
    fn a_growing_last_page_ends_at_the_cap_and_says_it_grew() {
        let mut w = Walker::new(1, 2).with_max_pages(5);
        let mut asked = 0;
        let err = loop {
            asked += 1;
            let page = w.page();
            match w.step(&list(&items(u64::from(page) * 10, 2), paged(page, page + 1))) {
                Ok(Step::Next(_)) => continue,
                Ok(Step::Done) => panic!("a growing list never ends by itself"),
                Err(e) => break e,
            }
        };
        assert_eq!(asked, 5, "no more pages than the cap");
        assert!(err.to_string().contains("more than 5 pages (the server said 2 pages at first and 6 now)"), "{err}");
    }

    #[test]
    fn the_default_cap_is_max_pages() {
        let mut w = Walker::new(1, 1);
        let mut asked = 0u32;
        let err = loop {
            asked += 1;
            if let Err(e) = w.step(&list(&items(u64::from(asked), 1), None)) {
                break e;
            }
        };
        assert_eq!(asked, MAX_PAGES);
        assert!(err.to_string().contains(&format!("more than {MAX_PAGES} pages")), "{err}");
    }

    #[test]
    fn the_last_page_of_a_capped_walk_still_ends_it() {
        let mut w = Walker::new(1, 2).with_max_pages(2);
        assert_eq!(w.step(&list(&items(1, 2), paged(1, 2))), Ok(Step::Next(2)));
        assert_eq!(w.step(&list(&items(3, 2), paged(2, 2))), Ok(Step::Done));
    }

    #[test]
    fn a_walk_resumed_at_every_page_answers_like_one_walker() {
        // Per scenario: the pages a server sends for the page asked (items, pagination).
        type Server = fn(u32) -> (Vec<Value>, Option<Pagination>);
        let servers: [Server; 4] = [
            |p| (items(u64::from(p) * 10, 2), paged(p, 3)),
            |_| (items(1, 2), paged(1, 5)),
            |p| (items(u64::from(p) * 10, 2), paged(p, p + 1)),
            |p| (if p >= 3 { Vec::new() } else { items(u64::from(p) * 10, 2) }, paged(p, 9)),
        ];
        for server in servers {
            let mut walker = Walker::new(2, 2).with_max_pages(MAX_PAGES);
            let (mut previous, mut first_last_page) = (None, None);
            loop {
                let page = walker.page();
                let (data, pagination) = server(page);
                let seen = list(&data, pagination);
                let mut resumed = Walker::resume(2, page, 2, previous, first_last_page);
                let step = walker.step(&seen);
                assert_eq!(resumed.step(&seen), step, "page {page}");
                if page == 2 {
                    first_last_page = pagination.map(|p| p.last_page);
                }
                previous = Some(seen.fingerprint);
                if step != Ok(Step::Next(page + 1)) {
                    break;
                }
            }
        }
    }

    #[test]
    fn fingerprints_tell_pages_apart_and_match_equal_ones() {
        assert_eq!(fingerprint(&items(1, 3)), fingerprint(&items(1, 3)));
        assert_ne!(fingerprint(&items(1, 3)), fingerprint(&items(2, 3)));
        assert_ne!(fingerprint(&[json!("ab"), json!("c")]), fingerprint(&[json!("a"), json!("bc")]));
        assert_ne!(fingerprint(&[json!({"a": 1})]), fingerprint(&[json!({"a": "1"})]));
        assert_ne!(fingerprint(&[json!(1.5)]), fingerprint(&[json!(2.5)]));
    }
}
