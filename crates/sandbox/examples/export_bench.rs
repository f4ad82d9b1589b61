//! The export benchmark behind `cargo xtask bench export`: the core's export engine
//! (`webwork_core::export::fetch_all`, the code the admin panel's Export button runs) against an
//! in-memory demo sandbox with the real rate limit (60 requests a minute per token) and
//! `--bulk-entries N` extra time entries, exporting the activity-descriptions report of the bulk
//! project (one row per entry, so N rows in N/100 pages). The client is a default one: the
//! 60/minute pacer and the retry policy it ships with.
//!
//! Prints rows per minute, requests made and 429s seen; exits non-zero when a row is missing,
//! a 429 was seen, or the rate fell under 90% of the budget's ceiling (60 x 100 rows a minute).
//!
//! `cargo run --profile native-release -p webwork-sandbox --example export_bench -- [--rows N]`

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::time::Instant;

use webwork_core::client::{HttpRequest, HttpResponse, Transport, TransportError};
use webwork_core::date::CivilDate;
use webwork_core::export::{fetch_all, list_rows, to_csv, EXPORT_PER_PAGE};
use webwork_core::ops::{GetActivityDescriptionsReport, ListProjects, Operation};
use webwork_core::{CancelToken, Client, ClientConfig};
use webwork_sandbox::seed::BULK_PROJECT_NAME;
use webwork_sandbox::testing::{self, InProcess};
use webwork_sandbox::Config;

/// The in-process transport, counting requests and 429 answers.
#[derive(Clone)]
struct Counting {
    inner: InProcess,
    requests: Rc<Cell<u32>>,
    too_many: Rc<Cell<u32>>,
    /// When each request left (ms).
    sent_at: Rc<std::cell::RefCell<Vec<f64>>>,
}

impl Transport for Counting {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>> {
        self.requests.set(self.requests.get() + 1);
        self.sent_at.borrow_mut().push(self.inner.now_ms());
        let answer = self.inner.send(request);
        let too_many = self.too_many.clone();
        async move {
            let resp = answer.await?;
            if resp.status == 429 {
                too_many.set(too_many.get() + 1);
            }
            Ok(resp)
        }
    }
    fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
        self.inner.sleep(ms)
    }
    fn now_ms(&self) -> f64 {
        self.inner.now_ms()
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("bench export: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let mut rows_wanted: u64 = 10_000;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rows" => {
                rows_wanted = args.next().and_then(|v| v.parse().ok()).filter(|n| *n > 0).ok_or("--rows needs a positive number")?
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let mut config = Config::for_tests(testing::TODAY);
    config.rate_limit = Some(60);
    config.bulk_entries = rows_wanted;
    let seeding = Instant::now();
    let app = testing::app_with(config);
    println!(
        "bench export: sandbox in memory, rate limit 60/min, {rows_wanted} bulk time entries (seeded in {:.1} s)",
        seeding.elapsed().as_secs_f64()
    );

    let transport = Counting { inner: InProcess::for_app(&app), requests: Rc::default(), too_many: Rc::default(), sent_at: Rc::default() };
    let client = Client::new(transport.clone(), ClientConfig::new(testing::BASE_URL, "demo-owner"));
    let projects =
        client.send(&ListProjects::new(1u64).name(BULK_PROJECT_NAME)).await.map_err(|e| format!("finding the bulk project: {e}"))?;
    let project = projects.first().ok_or("the bulk project is missing")?.id;
    let today = CivilDate::parse(testing::TODAY).map_err(|e| e.to_string())?;
    let days = rows_wanted.div_ceil(360) as i64;
    if days > 31 {
        return Err(format!("{rows_wanted} rows need {days} days; one report spans at most 31 (use --rows 11160 or fewer)"));
    }
    let request = GetActivityDescriptionsReport::new(1u64, today.add_days(-days), today.add_days(-1))
        .projects(vec![project])
        .to_request()
        .map_err(|e| e.to_string())?;
    let setup_requests = transport.requests.get();

    let started = Instant::now();
    let mut last_print = 0;
    let rows = fetch_all(&client, request, list_rows, &CancelToken::new(), &mut |p| {
        if p.pages >= last_print + 10 || p.eta_ms == Some(0.0) {
            last_print = p.pages;
            println!(
                "  {:>6} of {} rows, page {:>3} of {}, {:>5.1} s, about {:.0} s left",
                p.rows,
                p.total.map_or("?".into(), |t| t.to_string()),
                p.pages,
                p.last_page.map_or("?".into(), |l| l.to_string()),
                p.elapsed_ms / 1000.0,
                p.eta_ms.unwrap_or(0.0) / 1000.0
            );
        }
    })
    .await
    .map_err(|e| format!("the export failed: {e}"))?;
    let fetched = started.elapsed();
    let csv = to_csv(&rows);
    let total = started.elapsed();

    let requests = transport.requests.get() - setup_requests;
    let minutes = fetched.as_secs_f64() / 60.0;
    let per_minute = rows.len() as f64 / minutes;
    let ceiling = 60.0 * f64::from(EXPORT_PER_PAGE);
    println!(
        "bench export: {} rows in {:.1} s ({} requests at per_page={EXPORT_PER_PAGE}, {} answered 429)",
        rows.len(),
        fetched.as_secs_f64(),
        requests,
        transport.too_many.get()
    );
    let times = transport.sent_at.borrow().clone();
    let busiest = (0..times.len()).map(|i| times[i..].iter().take_while(|&&t| t < times[i] + 60_000.0).count()).max().unwrap_or(0);
    println!("bench export: {per_minute:.0} rows a minute = {:.0}% of the steady ceiling ({ceiling:.0} rows a minute: 60 requests of 100); the budget starts full, so a 100-request export takes one window plus the 40 past it", per_minute / ceiling * 100.0);
    println!("bench export: at most {busiest} requests in any 60 s (setup included)");
    println!(
        "bench export: CSV {} lines, {:.1} MB, assembled in {:.0} ms",
        csv.lines().count(),
        csv.len() as f64 / 1e6,
        (total - fetched).as_secs_f64() * 1000.0
    );

    let mut failures = Vec::new();
    if rows.len() as u64 != rows_wanted {
        failures.push(format!("{} rows instead of {rows_wanted}", rows.len()));
    }
    if transport.too_many.get() > 0 {
        failures.push(format!("{} answers were 429", transport.too_many.get()));
    }
    if busiest > 60 {
        failures.push(format!("{busiest} requests in one minute"));
    }
    if per_minute < 0.9 * ceiling {
        failures.push(format!("{per_minute:.0} rows a minute is under 90% of {ceiling:.0}"));
    }
    if failures.is_empty() {
        println!("bench export: ok");
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}
