//! The export engine on a fake paging server with a fake clock: every page walked at
//! `per_page=100`, the pacer's budget kept (never more than 60 requests in any minute, yet the
//! whole budget used), no row cap, progress after each page, cancel midway.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use futures_executor::block_on;
use serde_json::{json, Value};
use webwork_core::export::{fetch_all, list_rows, to_csv, Progress};
use webwork_core::ops::{ListMembers, Operation};
use webwork_core::{ApiError, CancelToken, Client, ClientConfig, HttpRequest, HttpResponse, Transport, TransportError};

/// A list of `rows` rows served in pages; each answer takes `answer_ms` of fake time. With
/// `paginate` false the replies carry no pagination block (a short page ends the list).
#[derive(Clone)]
struct Pages {
    rows: u64,
    answer_ms: f64,
    paginate: bool,
    /// Serve page 1 whatever `page` asks (a server that ignores it).
    ignore_page: bool,
    /// Say one page more than the one asked for, every time (a `last_page` that keeps growing).
    grow: bool,
    /// From this page on, send no items while the pagination still says 9 pages.
    empty_from: Option<u64>,
    now: Rc<Cell<f64>>,
    sent: Rc<RefCell<Vec<(f64, String)>>>,
}

impl Pages {
    fn new(rows: u64) -> Self {
        Pages {
            rows,
            answer_ms: 20.0,
            paginate: true,
            ignore_page: false,
            grow: false,
            empty_from: None,
            now: Rc::default(),
            sent: Rc::default(),
        }
    }
}

fn query_num(url: &str, key: &str) -> Option<u64> {
    url.split(['?', '&']).find_map(|kv| kv.strip_prefix(&format!("{key}=")).and_then(|v| v.parse().ok()))
}

impl Transport for Pages {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>> {
        self.sent.borrow_mut().push((self.now.get(), request.url.clone()));
        self.now.set(self.now.get() + self.answer_ms);
        let page = if self.ignore_page { 1 } else { query_num(&request.url, "page").unwrap_or(1) };
        let per = query_num(&request.url, "per_page").unwrap_or(20);
        let first = (page - 1) * per;
        let end = if self.grow { first + per } else { (first + per).min(self.rows) };
        let mut items: Vec<Value> = (first..end).map(|i| json!({"id": i + 1, "name": format!("Row {}", i + 1)})).collect();
        let mut last_page = self.rows.div_ceil(per).max(1);
        if self.grow {
            last_page = page + 1;
        }
        if self.empty_from.is_some_and(|from| page >= from) {
            items.clear();
            last_page = 9;
        }
        let meta = if self.paginate {
            json!({"pagination": {"total": self.rows, "per_page": per, "current_page": page, "last_page": last_page}})
        } else {
            json!({})
        };
        let body = json!({"success": true, "data": items, "meta": meta}).to_string();
        std::future::ready(Ok(HttpResponse { status: 200, headers: vec![], body: body.into_bytes() }))
    }
    fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
        self.now.set(self.now.get() + ms as f64);
        std::future::ready(())
    }
    fn now_ms(&self) -> f64 {
        self.now.get()
    }
}

fn client(t: &Pages) -> Client<Pages> {
    Client::new(t.clone(), ClientConfig::new("https://api.example.test/api/v2", "tok"))
}

fn members_request() -> webwork_core::ApiRequest {
    // The list's own page and page size are replaced by the export's.
    ListMembers::new(1u64).page(3u32).per_page(20u32).to_request().unwrap()
}

#[test]
fn a_list_with_a_smaller_largest_page_is_walked_at_its_own() {
    // `GET /time-entries` allows at most 50 a page: asking 100 is a 422.
    let t = Pages::new(120);
    let request = webwork_core::ops::ListTimeEntries::new(1u64, 3u64, "2026-12-01").to_request().unwrap();
    let rows = block_on(fetch_all(&client(&t), request, list_rows, &CancelToken::new(), &mut |_| {})).unwrap();
    assert_eq!(rows.len(), 120);
    let asked: Vec<Option<u64>> = t.sent.borrow().iter().map(|(_, url)| query_num(url, "per_page")).collect();
    assert_eq!(asked, vec![Some(50); 3]);
}

#[test]
fn walks_every_page_at_100_and_reports_progress() {
    let t = Pages::new(250);
    let mut seen: Vec<Progress> = Vec::new();
    let rows = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |p| seen.push(*p))).unwrap();
    assert_eq!(rows.len(), 250);
    assert_eq!(rows[0]["id"], 1);
    assert_eq!(rows[249]["id"], 250);
    let urls: Vec<String> = t.sent.borrow().iter().map(|(_, u)| u.clone()).collect();
    assert_eq!(urls.len(), 3, "{urls:?}");
    for (i, u) in urls.iter().enumerate() {
        assert_eq!(query_num(u, "per_page"), Some(100), "{u}");
        assert_eq!(query_num(u, "page"), Some(i as u64 + 1), "{u}");
        assert_eq!(query_num(u, "workspace_id"), Some(1), "{u}");
    }
    assert_eq!(seen.iter().map(|p| p.rows).collect::<Vec<_>>(), vec![100, 200, 250]);
    assert!(seen.iter().all(|p| p.total == Some(250) && p.last_page == Some(3)));
    assert_eq!(seen.last().unwrap().eta_ms, Some(0.0));
    assert_eq!(seen.last().unwrap().fraction(), Some(1.0));
    let csv = to_csv(&rows);
    assert_eq!(csv.lines().count(), 251, "a header and one line per row");
}

#[test]
fn ten_thousand_rows_keep_the_budget_and_use_it() {
    let t = Pages::new(10_000);
    let mut etas = Vec::new();
    let rows = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |p| etas.push(p.eta_ms))).unwrap();
    assert_eq!(rows.len(), 10_000, "no cap at 1,000 rows or 10 pages");
    let times: Vec<f64> = t.sent.borrow().iter().map(|(at, _)| *at).collect();
    assert_eq!(times.len(), 100);
    for (i, &at) in times.iter().enumerate() {
        let in_window = times[i..].iter().take_while(|&&u| u < at + 60_000.0).count();
        assert!(in_window <= 60, "{in_window} requests in the minute after {at}");
    }
    let minutes = (t.now.get() - times[0]) / 60_000.0;
    let per_minute = rows.len() as f64 / minutes;
    assert!(per_minute >= 5_400.0, "{per_minute:.0} rows a minute is under 90% of the 6,000 ceiling");
    // After the first minute's burst the estimate waits for the window: at page 30 the 40
    // pages past the burst cannot start before the first slots return, a minute on.
    let at_30 = etas[29].unwrap();
    let actual_30 = t.now.get() - times[29];
    assert!((at_30 - actual_30).abs() < 2_000.0, "estimated {at_30}, took {actual_30}");
    assert_eq!(etas[99], Some(0.0));
}

#[test]
fn without_pagination_a_short_page_ends_the_walk() {
    let mut t = Pages::new(230);
    t.paginate = false;
    let rows = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |_| {})).unwrap();
    assert_eq!(rows.len(), 230);
    assert_eq!(t.sent.borrow().len(), 3);
    // Exactly a multiple of 100: one more request finds the empty page.
    let mut t = Pages::new(200);
    t.paginate = false;
    let rows = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |_| {})).unwrap();
    assert_eq!(rows.len(), 200);
    assert_eq!(t.sent.borrow().len(), 3);
}

#[test]
fn cancel_midway_stops_at_once() {
    let t = Pages::new(1_000);
    let cancel = CancelToken::new();
    let c2 = cancel.clone();
    let result = block_on(fetch_all(&client(&t), members_request(), list_rows, &cancel, &mut |p| {
        if p.pages == 2 {
            c2.cancel();
        }
    }));
    assert!(matches!(result, Err(ApiError::Aborted)), "{result:?}");
    assert_eq!(t.sent.borrow().len(), 2, "no request after the cancel");
}

#[test]
fn an_error_page_ends_the_export_with_that_error() {
    #[derive(Clone)]
    struct Refusing(Pages);
    impl Transport for Refusing {
        fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>> {
            let second = query_num(&request.url, "page") == Some(2);
            let ok = self.0.send(request);
            async move {
                if second {
                    let body = json!({"success": false, "message": "This action is unauthorized."}).to_string();
                    return Ok(HttpResponse { status: 403, headers: vec![], body: body.into_bytes() });
                }
                ok.await
            }
        }
        fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
            self.0.sleep(ms)
        }
        fn now_ms(&self) -> f64 {
            self.0.now_ms()
        }
    }
    let t = Refusing(Pages::new(300));
    let client = Client::new(t.clone(), ClientConfig::new("https://api.example.test/api/v2", "tok"));
    let result = block_on(fetch_all(&client, members_request(), list_rows, &CancelToken::new(), &mut |_| {}));
    assert!(matches!(result, Err(ApiError::Forbidden { .. })), "{result:?}");
}

#[test]
fn several_requests_export_as_one_with_progress_across_them() {
    let t = Pages::new(150);
    let requests = vec![members_request(), members_request(), members_request()];
    let mut seen: Vec<Progress> = Vec::new();
    let rows = block_on(webwork_core::export::fetch_all_of(&client(&t), requests, list_rows, &CancelToken::new(), &mut |p| seen.push(*p)))
        .unwrap();
    assert_eq!(rows.len(), 450);
    assert_eq!(t.sent.borrow().len(), 6);
    assert_eq!(seen.iter().map(|p| p.rows).collect::<Vec<_>>(), vec![100, 150, 250, 300, 400, 450]);
    assert_eq!(seen[0].last_page, Some(4), "2 pages of the first piece, one assumed for each of the others");
    assert_eq!(seen.last().unwrap().pages, 6);
    assert_eq!(seen.last().unwrap().last_page, Some(6));
    assert_eq!(seen.last().unwrap().fraction(), Some(1.0));
}

#[test]
fn a_report_object_without_pagination_is_one_request() {
    #[derive(Clone)]
    struct Report(Pages);
    impl Transport for Report {
        fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>> {
            self.0.sent.borrow_mut().push((0.0, request.url));
            let users: Vec<Value> = (0..150).map(|i| json!({"user_id": i, "total_minutes": 60})).collect();
            let body = json!({"success": true, "data": {"dates": {"2026-03-02": {"users": users}}}}).to_string();
            std::future::ready(Ok(HttpResponse { status: 200, headers: vec![], body: body.into_bytes() }))
        }
        fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
            self.0.sleep(ms)
        }
        fn now_ms(&self) -> f64 {
            self.0.now_ms()
        }
    }
    let t = Report(Pages::new(0));
    let client = Client::new(t.clone(), ClientConfig::new("https://api.example.test/api/v2", "tok"));
    let rows = block_on(fetch_all(&client, members_request(), webwork_core::export::tracked_hours_rows, &CancelToken::new(), &mut |_| {}))
        .unwrap();
    assert_eq!(rows.len(), 150, "more rows than a page, yet one answer");
    assert_eq!(t.0.sent.borrow().len(), 1);
}

#[test]
fn a_server_that_ignores_page_ends_the_export_with_the_walkers_error() {
    let t = Pages { ignore_page: true, ..Pages::new(250) };
    let err = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |_| {})).unwrap_err();
    assert_eq!(t.sent.borrow().len(), 2, "stopped at the repeated page");
    assert!(err.to_string().contains("the server sent page 2 again (the same items as page 1)"), "{err}");
}

#[test]
fn a_growing_last_page_ends_the_export_at_the_cap() {
    let cap = webwork_core::pages::MAX_PAGES;
    let t = Pages { grow: true, answer_ms: 1.0, ..Pages::new(0) };
    let err = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |_| {})).unwrap_err();
    assert_eq!(t.sent.borrow().len() as u32, cap, "no more requests than the cap");
    assert_eq!(err.kind(), "decode");
    assert!(err.to_string().contains(&format!("more than {cap} pages (the server said 2 pages at first and {} now)", cap + 1)), "{err}");
}

#[test]
fn an_empty_page_that_says_more_follow_ends_the_export() {
    let t = Pages { empty_from: Some(3), ..Pages::new(1000) };
    let err = block_on(fetch_all(&client(&t), members_request(), list_rows, &CancelToken::new(), &mut |_| {})).unwrap_err();
    assert_eq!(t.sent.borrow().len(), 3, "stopped at the empty page");
    assert!(err.to_string().contains("page 3 is empty but the server says 9 pages"), "{err}");
}
