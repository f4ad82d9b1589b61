//! `cargo xtask bench <name>`: a dispatcher for named benchmarks.
//!
//! * `sandbox`: a load test of the emulator. Builds the release sandbox (`native-release`),
//!   starts it in memory with the rate limit off on a free loopback port, and measures with a
//!   small std-only HTTP/1.1 keep-alive client, for a few seconds each, at 1 and 4 connections:
//!   a 100-row member list, a 100-row timesheet list (totals computed per row), createTask and
//!   createTimeEntry. Prints requests/second, p50 and p99 latency. Then the mixed workload of
//!   `mixed.rs`: 50 connections for `--mixed-seconds N` (default 60) of reads, writes and reports
//!   together (`--mixed-seconds 0` leaves it out). A report, not a gate.
//! * `soak`: writes under SIGKILL of the sandbox every 30 s for 10 minutes (`soak.rs`).
//! * `export`: a 10,000-row export (the admin panel's Export engine from the core) against a
//!   sandbox with the real 60/minute limit; prints rows a minute, requests and 429s, and fails
//!   on a 429, a missing row, or under 90% of the budget's ceiling.
//! * `budget`: the panel's 16-page session in headless Chromium at the real 60/minute limit,
//!   then a reload (xtask/src/bench_budget.rs, tests/bench/budget.mjs): how long pages wait for
//!   the budget, requests cold and warm, what a reload costs, 429s; issue 20's goals as its pass line.
//! * `npm`: the npm package's typed read of a 100-member page against a plain `fetch` +
//!   `JSON.parse` of it in Node (xtask/src/bench_npm.rs, tests/bench/npm-read.mjs); issue 22's
//!   1.5x as its pass line.
//! * `panel`: cold load to a usable sign-in form and sign-in to the first Members row in headless
//!   Chromium at 10 Mbit/s and 50 ms, served compressed by the gateway; unsplit `dist/` beside the
//!   split build when there is one (xtask/src/bench_panel.rs, tests/bench/panel-load.mjs; issue 23).
//! * `gateway`: the webwork-gateway's cost and its widget service mode. Part 1: requests per
//!   second and p50/p99 of GET /members through the gateway (plain proxy) beside the same calls
//!   straight to the sandbox, at 1 and 4 connections. Part 2: 500 simulated intranet visitors
//!   (plain HTTP clients making the widgets' reads without a token, each with its own
//!   X-Forwarded-For; the gateway runs with --trust-forwarded) for `--seconds N` (default 120)
//!   through a widget-mode gateway in front of a sandbox with `--rate-limit 60`: upstream calls a
//!   minute (must be <= 60), 429s seen by visitors (must be 0), visitor p50/p99.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::size::target_dir;
use crate::util::{self, cmd, release_binary as binary, Result, Server};

struct Bench {
    name: &'static str,
    about: &'static str,
    run: fn(&[String]) -> Result,
}

const BENCHES: &[Bench] = &[
    Bench {
        name: "sandbox",
        about: "load test of the sandbox: req/s, p50, p99 for 100-row lists and writes, then 50 connections of mixed reads, writes and reports [--seconds N] [--mixed-seconds N] [--no-build]",
        run: sandbox,
    },
    Bench {
        name: "export",
        about: "a 10,000-row export through the core's export engine at the real 60/min limit: rows/min, requests, 429s [--rows N]",
        run: export,
    },
    Bench {
        name: "budget",
        about: "the panel's 16-page session at 60/min in Chromium, then a reload: waits for the budget, requests, 429s [--no-build]",
        run: crate::bench_budget::run,
    },
    Bench {
        name: "gateway",
        about:
            "the gateway's added latency vs the sandbox, then 500 widget visitors through service mode at 60/min [--seconds N] [--no-build]",
        run: gateway,
    },
    Bench {
        name: "npm",
        about: "the npm package's typed read of a 100-member page vs fetch + JSON.parse in Node, 5 runs of 30 pages; pass at <= 1.5x [--runs N] [--pages N] [--no-build]",
        run: crate::bench_npm::run,
    },
    Bench {
        name: "panel",
        about: "cold load to the sign-in form and sign-in to the first Members row at 10 Mbit/s, 50 ms, through the gateway (compressed): unsplit dist/ beside the split build [--runs N] [--unsplit DIR] [--split DIR] [--json FILE] [--no-build]",
        run: crate::bench_panel::run,
    },
    Bench {
        name: "soak",
        about: "writes under SIGKILL of the sandbox every 30 s for 10 minutes; fails if an acknowledged write is lost [--minutes N] [--kill-every S]",
        run: crate::soak::run,
    },
];

pub fn run(args: &[String]) -> Result {
    let Some(name) = args.first() else {
        list();
        return Err("usage: cargo xtask bench <name>".into());
    };
    match BENCHES.iter().find(|bench| bench.name == name.as_str()) {
        Some(bench) => (bench.run)(&args[1..]),
        None => {
            println!("bench: unknown benchmark '{name}'.");
            list();
            Err(format!("unknown benchmark '{name}'"))
        }
    }
}

fn list() {
    println!("bench: available benchmarks:");
    for bench in BENCHES {
        println!("  {:<20} {}", bench.name, bench.about);
    }
}

// ---- export ----

/// Builds and runs `crates/sandbox/examples/export_bench.rs` (it needs the core and the sandbox,
/// which this std-only crate does not link): an in-memory sandbox with the 60/minute limit and
/// `--bulk-entries`, exported page by page through a default client. About a minute and a half.
fn export(args: &[String]) -> Result {
    let mut command = cmd("cargo");
    command.args(["run", "--profile", "native-release", "-p", "webwork-sandbox", "--example", "export_bench", "--"]).args(args);
    util::run(&mut command)
}

// ---- sandbox ----

/// The fixed date the sandbox runs at (a Wednesday), so the demo data is the same every run.
const TODAY: &str = "2026-03-04";
/// The UTC time the sandbox's clock starts at, as in the tests (the same hour every run).
const START_TIME: &str = "09:00";
const TOKEN: &str = "demo-owner";

/// A bench's `--seconds N` (else `default`) and `--no-build` (binaries already built).
fn seconds_and_build(bench: &str, args: &[String], default: f64) -> Result<(f64, bool)> {
    let (mut seconds, mut build) = (default, true);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = it.next().and_then(|v| v.parse().ok()).filter(|s: &f64| *s > 0.0).ok_or("--seconds needs a positive number")?;
            }
            "--no-build" => build = false,
            other => return Err(format!("bench {bench}: unknown argument '{other}'")),
        }
    }
    Ok((seconds, build))
}

fn sandbox(args: &[String]) -> Result {
    let (mixed_seconds, args) = crate::mixed::take_seconds(args)?;
    let (seconds, build) = seconds_and_build("sandbox", &args, 3.0)?;
    if build {
        util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-sandbox"]))?;
    }
    let binary = util::release_binary("webwork-sandbox");
    if !binary.exists() {
        return Err(format!("{} is missing; run without --no-build", binary.display()));
    }
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| format!("no free loopback port: {e}"))?.port();
    let addr = format!("127.0.0.1:{port}");
    println!("bench: starting {} on {addr} (in memory, rate limit off, today {TODAY})", binary.display());
    let child = std::process::Command::new(&binary)
        // Only demo-owner calls: the reference's access rule, chosen explicitly.
        .args(["--memory", "--rate-limit", "off", "--access", "reference", "--addr", &addr, "--today", TODAY, "--time", START_TIME])
        .stdout(Stdio::null())
        // Quiet: the demo webhooks log every invite of the setup as undeliverable.
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
    let _server = Server::new(child);
    wait_ready(&addr)?;

    // Setup: enough members for a 100-row page.
    let mut conn = Conn::open(&addr)?;
    for i in 0..60 {
        let body = format!(
            r#"{{"workspace_id":1,"email":"bench-{i}@example.com","firstname":"Bench","lastname":"User {i}","role":"Regular User"}}"#
        );
        let (status, text) = conn.request("POST", "/api/v2/members", Some(&body))?;
        if status != 201 {
            return Err(format!("setup: inviting a member answered {status}: {text}"));
        }
    }
    let members = "/api/v2/members?workspace_id=1&per_page=100";
    let timesheets = "/api/v2/timesheets?workspace_id=1&per_page=100";
    for path in [members, timesheets] {
        let (status, text) = conn.request("GET", path, None)?;
        let rows = page_rows(&text);
        if status != 200 || rows != Some(100) {
            return Err(format!("setup: GET {path} answered {status} with {rows:?} rows, not 100"));
        }
    }
    drop(conn);

    let scenarios: Vec<Scenario> = vec![
        Scenario { name: "GET /members (100 rows)", method: "GET", expect: 200, make: Box::new(move |_| (members.to_owned(), None)) },
        Scenario { name: "GET /timesheets (100 rows)", method: "GET", expect: 200, make: Box::new(move |_| (timesheets.to_owned(), None)) },
        Scenario {
            name: "POST /tasks",
            method: "POST",
            expect: 201,
            make: Box::new(|n| {
                let body = format!(r#"{{"workspace_id":1,"project_id":{},"title":"Bench task {n}","priority":30}}"#, 1 + n % 10);
                ("/api/v2/tasks".to_owned(), Some(body))
            }),
        },
        Scenario { name: "POST /time-entries", method: "POST", expect: 201, make: Box::new(time_entry_body) },
    ];

    let duration = Duration::from_secs_f64(seconds);
    let mut rows = Vec::new();
    for scenario in &scenarios {
        // One sequence per scenario, so each write gets a fresh slot.
        let counter = AtomicUsize::new(0);
        for connections in [1usize, 4] {
            let result = measure(&addr, scenario, connections, duration, &counter)?;
            rows.push(result);
        }
    }

    println!();
    println!("sandbox load ({seconds} s per row, keep-alive HTTP/1.1, release build, in-memory SQLite)");
    println!("{:<28} {:>5} {:>9} {:>10} {:>9} {:>9} {:>7}", "request", "conns", "requests", "req/s", "p50 ms", "p99 ms", "errors");
    for r in &rows {
        println!(
            "{:<28} {:>5} {:>9} {:>10.0} {:>9.2} {:>9.2} {:>7}",
            r.name, r.connections, r.requests, r.per_second, r.p50_ms, r.p99_ms, r.errors
        );
    }
    if mixed_seconds > 0.0 {
        crate::mixed::run(&addr, crate::mixed::CONNECTIONS, Duration::from_secs_f64(mixed_seconds))?;
    }
    Ok(())
}

/// A one-minute manual entry for one of the members 13..=39 (active, not viewers) on this
/// week's open days (Monday..today), outside the demo data's working hours: request `n` gets
/// its own slot, so entries do not overlap (58,320 slots before they repeat).
pub(crate) fn time_entry_body(n: usize) -> (String, Option<String>) {
    const USERS: usize = 27; // 13..=39
    const SLOTS_PER_DAY: usize = 720; // 00:00-08:00 and 20:00-24:00
    let user = 13 + n % USERS;
    let slot = n / USERS;
    let day = 4 - (slot / SLOTS_PER_DAY) % 3; // 2026-03-04, -03, -02
    let m = slot % SLOTS_PER_DAY;
    let start = if m < 480 { m } else { 20 * 60 + (m - 480) };
    let end = start + 1;
    let body = format!(
        r#"{{"workspace_id":1,"user_id":{user},"date":"2026-03-0{day}","start_time":"{:02}:{:02}","end_time":"{:02}:{:02}","notes":"bench"}}"#,
        start / 60,
        start % 60,
        end / 60,
        end % 60
    );
    ("/api/v2/time-entries".to_owned(), Some(body))
}

type MakeRequest = Box<dyn Fn(usize) -> (String, Option<String>) + Send + Sync>;

struct Scenario {
    name: &'static str,
    method: &'static str,
    expect: u16,
    make: MakeRequest,
}

struct Row {
    name: &'static str,
    connections: usize,
    requests: usize,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

fn measure(addr: &str, s: &Scenario, connections: usize, duration: Duration, counter: &AtomicUsize) -> Result<Row> {
    let started = Instant::now();
    let deadline = started + duration;
    let results: Vec<Result<(Vec<Duration>, usize)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..connections)
            .map(|_| {
                scope.spawn(move || -> Result<(Vec<Duration>, usize)> {
                    let mut conn = Conn::open(addr)?;
                    let mut latencies = Vec::new();
                    let mut errors = 0;
                    while Instant::now() < deadline {
                        let n = counter.fetch_add(1, Ordering::Relaxed);
                        let (path, body) = (s.make)(n);
                        let t = Instant::now();
                        let (status, _) = conn.request(s.method, &path, body.as_deref())?;
                        latencies.push(t.elapsed());
                        if status != s.expect {
                            errors += 1;
                        }
                    }
                    Ok((latencies, errors))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("a bench thread panicked".into()))).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut all = Vec::new();
    let mut errors = 0;
    for r in results {
        let (l, e) = r?;
        all.extend(l);
        errors += e;
    }
    all.sort();
    let pct = |p: f64| -> f64 {
        if all.is_empty() {
            return 0.0;
        }
        let i = ((all.len() as f64 * p).ceil() as usize).clamp(1, all.len()) - 1;
        all[i].as_secs_f64() * 1000.0
    };
    Ok(Row {
        name: s.name,
        connections,
        requests: all.len(),
        per_second: all.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        errors,
    })
}

fn wait_ready(addr: &str) -> Result {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(mut conn) = Conn::open(addr) {
            if let Ok((200, _)) = conn.request("GET", "/api/v2/openapi.json", None) {
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("the sandbox did not answer on {addr} within 30 s"))
}

/// The number of rows on a page, from `meta.pagination`'s `from` and `to`.
fn page_rows(body: &str) -> Option<usize> {
    let pagination = &body[body.find("\"pagination\"")?..];
    let number = |key: &str| -> Option<usize> {
        let at = pagination.find(key)? + key.len();
        let digits: String = pagination[at..].trim_start().chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    Some(number("\"to\":")? + 1 - number("\"from\":")?)
}

/// One keep-alive HTTP/1.1 connection.
pub(crate) struct Conn {
    addr: String,
    reader: BufReader<TcpStream>,
    /// Extra request header lines (`Authorization`, `X-Forwarded-For`), each ending in CRLF.
    headers: String,
}

impl Conn {
    pub(crate) fn open(addr: &str) -> Result<Conn> {
        Self::with_headers(addr, format!("Authorization: Bearer {TOKEN}\r\n"))
    }

    fn with_headers(addr: &str, headers: String) -> Result<Conn> {
        let stream = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
        stream.set_nodelay(true).ok();
        stream.set_read_timeout(Some(Duration::from_secs(30))).ok();
        Ok(Conn { addr: addr.to_owned(), reader: BufReader::new(stream), headers })
    }

    /// Sends one request and reads the whole answer: (status, body).
    pub(crate) fn request(&mut self, method: &str, path: &str, body: Option<&str>) -> Result<(u16, String)> {
        let body = body.unwrap_or("");
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\n{}Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            self.headers,
            body.len()
        );
        let io = |e: std::io::Error| format!("{method} {path}: {e}");
        let stream = self.reader.get_mut();
        stream.write_all(head.as_bytes()).map_err(io)?;
        stream.write_all(body.as_bytes()).map_err(io)?;

        let mut line = String::new();
        self.reader.read_line(&mut line).map_err(io)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("{method} {path}: bad status line {line:?}"))?;
        let (mut length, mut chunked) = (None, false);
        loop {
            line.clear();
            if self.reader.read_line(&mut line).map_err(io)? == 0 {
                return Err(format!("{method} {path}: connection closed in the headers"));
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
                if k == "content-length" {
                    length = v.parse::<usize>().ok();
                } else if k == "transfer-encoding" && v.eq_ignore_ascii_case("chunked") {
                    chunked = true;
                }
            }
        }
        let mut bytes = Vec::new();
        if chunked {
            loop {
                line.clear();
                self.reader.read_line(&mut line).map_err(io)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                    .map_err(|_| format!("{method} {path}: bad chunk size"))?;
                let mut chunk = vec![0; size + 2];
                self.reader.read_exact(&mut chunk).map_err(io)?;
                if size == 0 {
                    break;
                }
                bytes.extend_from_slice(&chunk[..size]);
            }
        } else if let Some(n) = length {
            bytes.resize(n, 0);
            self.reader.read_exact(&mut bytes).map_err(io)?;
        }
        Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
    }
}

// ---- gateway ----

fn free_addr() -> Result<String> {
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| format!("no free loopback port: {e}"))?.port();
    Ok(format!("127.0.0.1:{port}"))
}

fn spawn(name: &str, args: &[&str]) -> Result<Server> {
    let child = std::process::Command::new(binary(name))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {name}: {e}"))?;
    Ok(Server::new(child))
}

fn wait_health(addr: &str) -> Result {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(mut conn) = Conn::with_headers(addr, String::new()) {
            if let Ok((200, _)) = conn.request("GET", "/healthz", None) {
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("the gateway did not answer on {addr} within 30 s"))
}

/// The reads the five widgets make on the demo intranet page (workspace 1, the bench's today).
fn widget_reads() -> Vec<String> {
    let mut reads: Vec<String> = (1..=8).map(|u| format!("/api/v2/time-tracking/current-data?workspace_id=1&user_id={u}")).collect();
    reads.extend(
        [
            "/api/v2/members?workspace_id=1&per_page=100",
            "/api/v2/projects?workspace_id=1&per_page=100",
            "/api/v2/contracts?workspace_id=1&per_page=100",
            "/api/v2/timesheets?workspace_id=1&status=submitted&per_page=100",
            "/api/v2/time-requests?workspace_id=1&date_from=2026-02-02&date_to=2026-03-04&status=pending&per_page=100",
            "/api/v2/leaves?workspace_id=1&date_from=2026-03-01&date_to=2026-03-31&per_page=100",
            "/api/v2/reports/tracked-hours?workspace_id=1&start_date=2026-02-23&end_date=2026-03-01",
        ]
        .map(str::to_owned),
    );
    reads
}

fn service_calls(gateway: &str) -> Result<u64> {
    let (_, body) = Conn::with_headers(gateway, String::new())?.request("GET", "/healthz", None)?;
    let at = body.find("\"service_upstream_calls\":").ok_or("healthz has no service_upstream_calls")? + 25;
    body[at..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().map_err(|_| format!("bad healthz: {body}"))
}

fn gateway(args: &[String]) -> Result {
    let (seconds, build) = seconds_and_build("gateway", args, 120.0)?;
    if build {
        util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-sandbox", "-p", "webwork-gateway"]))?;
    }
    for name in ["webwork-sandbox", "webwork-gateway"] {
        if !binary(name).exists() {
            return Err(format!("{} is missing; run without --no-build", binary(name).display()));
        }
    }

    // Part 1: the proxy's cost.
    let sandbox = free_addr()?;
    // Only demo-owner calls: the reference's access rule, chosen explicitly.
    let _sandbox = spawn(
        "webwork-sandbox",
        &["--memory", "--rate-limit", "off", "--access", "reference", "--addr", &sandbox, "--today", TODAY, "--time", START_TIME],
    )?;
    wait_ready(&sandbox)?;
    let proxy = free_addr()?;
    let upstream = format!("http://{sandbox}/api/v2");
    let _proxy = spawn("webwork-gateway", &["--upstream", &upstream, "--addr", &proxy])?;
    wait_health(&proxy)?;
    let members = "/api/v2/members?workspace_id=1&per_page=20";
    let scenario =
        Scenario { name: "GET /members (20 rows)", method: "GET", expect: 200, make: Box::new(move |_| (members.to_owned(), None)) };
    let short = Duration::from_secs_f64((seconds / 12.0).clamp(2.0, 5.0));
    println!();
    println!("gateway overhead ({} s per row, keep-alive HTTP/1.1, release builds): {}", short.as_secs_f64(), scenario.name);
    println!(
        "{:>5} {:>12} {:>12} {:>10} {:>10} {:>10} {:>10} {:>12} {:>12}",
        "conns", "direct req/s", "proxy req/s", "direct p50", "proxy p50", "direct p99", "proxy p99", "added p50 ms", "added p99 ms"
    );
    for connections in [1usize, 4] {
        let counter = AtomicUsize::new(0);
        let d = measure(&sandbox, &scenario, connections, short, &counter)?;
        let p = measure(&proxy, &scenario, connections, short, &counter)?;
        println!(
            "{:>5} {:>12.0} {:>12.0} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>12.2} {:>12.2}",
            connections,
            d.per_second,
            p.per_second,
            d.p50_ms,
            p.p50_ms,
            d.p99_ms,
            p.p99_ms,
            p.p50_ms - d.p50_ms,
            p.p99_ms - d.p99_ms
        );
        if d.errors + p.errors > 0 {
            return Err(format!("bench gateway: {} unexpected statuses", d.errors + p.errors));
        }
    }
    drop(_proxy);
    drop(_sandbox);

    // Part 2: 500 visitors through widget service mode, the sandbox at the real 60/minute.
    // The service token is demo-owner's: the real API's access rule (`reference`) lets it read.
    let sandbox = free_addr()?;
    let _sandbox = spawn(
        "webwork-sandbox",
        &["--memory", "--rate-limit", "60", "--access", "reference", "--addr", &sandbox, "--today", TODAY, "--time", START_TIME],
    )?;
    wait_ready(&sandbox)?;
    let token_file = target_dir().join("bench-gateway-service-token");
    std::fs::write(&token_file, TOKEN).map_err(|e| format!("writing {}: {e}", token_file.display()))?;
    let widget_gw = free_addr()?;
    let upstream = format!("http://{sandbox}/api/v2");
    let token_path = token_file.to_string_lossy().into_owned();
    let _gw = spawn(
        "webwork-gateway",
        &["--upstream", &upstream, "--addr", &widget_gw, "--service-token-file", &token_path, "--trust-forwarded"],
    )?;
    wait_health(&widget_gw)?;
    const VISITORS: usize = 500;
    const THREADS: usize = 50;
    let reads = widget_reads();
    let duration = Duration::from_secs_f64(seconds);
    println!();
    println!("widget service mode: {VISITORS} visitors for {seconds} s, sandbox at 60 requests/minute");
    let started = Instant::now();
    let deadline = started + duration;
    let results: Vec<Result<(Vec<Duration>, usize, usize)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let reads = &reads;
                let widget_gw = widget_gw.as_str();
                scope.spawn(move || -> Result<(Vec<Duration>, usize, usize)> {
                    // Each thread plays VISITORS / THREADS visitors, one connection each; a visitor
                    // loads the page (every widget read), then one read a second, round robin.
                    let mut conns = Vec::new();
                    for v in 0..VISITORS / THREADS {
                        let n = t * (VISITORS / THREADS) + v;
                        conns.push(Conn::with_headers(widget_gw, format!("X-Forwarded-For: 10.0.{}.{}\r\n", n / 250, n % 250 + 1))?);
                    }
                    let (mut latencies, mut limited, mut other) = (Vec::new(), 0, 0);
                    let mut round = 0usize;
                    while Instant::now() < deadline {
                        let tick = Instant::now();
                        for (v, conn) in conns.iter_mut().enumerate() {
                            let path = &reads[(round + v) % reads.len()];
                            let t0 = Instant::now();
                            let (status, _) = conn.request("GET", path, None)?;
                            latencies.push(t0.elapsed());
                            match status {
                                200 => {}
                                429 => limited += 1,
                                _ => other += 1,
                            }
                        }
                        round += 1;
                        let spent = tick.elapsed();
                        if round > reads.len() && spent < Duration::from_secs(1) {
                            std::thread::sleep(Duration::from_secs(1) - spent);
                        }
                    }
                    Ok((latencies, limited, other))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("a bench thread panicked".into()))).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let (mut all, mut limited, mut other) = (Vec::new(), 0, 0);
    for r in results {
        let (l, a, b) = r?;
        all.extend(l);
        limited += a;
        other += b;
    }
    all.sort();
    let pct = |p: f64| -> f64 {
        let i = ((all.len() as f64 * p).ceil() as usize).clamp(1, all.len().max(1)) - 1;
        all.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let calls = service_calls(&widget_gw)?;
    let per_minute = calls as f64 / elapsed * 60.0;
    println!("  visitor requests:        {} ({:.0}/s)", all.len(), all.len() as f64 / elapsed);
    println!("  visitor p50 / p99:       {:.2} ms / {:.2} ms", pct(0.5), pct(0.99));
    println!("  429s seen by visitors:   {limited}");
    println!("  other non-200 answers:   {other}");
    if elapsed >= 60.0 {
        println!("  upstream calls:          {calls} in {elapsed:.0} s ({per_minute:.1} a minute; budget 60)");
    } else {
        // Under a minute a rate would extrapolate the start-up burst (one call per distinct read).
        println!("  upstream calls:          {calls} in {elapsed:.0} s (budget: 60 in any minute)");
    }
    let mut failures = Vec::new();
    // The pacer's window is a minute: in any run, no more than 60 calls per started minute.
    let minutes = (elapsed / 60.0).ceil().max(1.0);
    if calls as f64 > 60.0 * minutes {
        failures.push(format!("{calls} upstream calls in {elapsed:.0} s exceed 60 a minute"));
    }
    if limited > 0 {
        failures.push(format!("visitors saw {limited} 429s"));
    }
    if other > 0 {
        failures.push(format!("visitors saw {other} answers that were neither 200 nor 429"));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("bench gateway: {}", failures.join("; ")))
    }
}
