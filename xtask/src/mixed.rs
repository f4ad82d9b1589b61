//! The mixed workload of `cargo xtask bench sandbox`: 50 keep-alive connections for 60 s against
//! one sandbox (rate limit off), each request chosen by a shared sequence number so the mix is
//! the same every run: 60% reads (member, project and timesheet lists, live tracking), 25% writes
//! (createTask, createTimeEntry, updateProject) and 15% reports (tracked hours, task report,
//! daily timeline). Prints throughput, p50/p99 and errors, in all and per kind. A report, not a
//! gate: it fails only when the sandbox stops answering.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::bench::{time_entry_body, Conn};
use crate::util::Result;

/// The first `time_entry_body` slot of the mix.
const FIRST_SLOT: usize = 45_000;

/// The workload's concurrent connections.
pub const CONNECTIONS: usize = 50;

/// Takes `--mixed-seconds N` (default 60; 0 leaves the mixed workload out) from the bench's
/// arguments and returns the others.
pub fn take_seconds(args: &[String]) -> Result<(f64, Vec<String>)> {
    let (mut seconds, mut rest) = (60.0, Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--mixed-seconds" {
            seconds = it.next().and_then(|v| v.parse().ok()).filter(|s: &f64| *s >= 0.0).ok_or("--mixed-seconds needs a number")?;
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((seconds, rest))
}

/// What a request is, for the per-kind lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Read,
    Write,
    Report,
}

const KINDS: [(Kind, &str); 3] = [(Kind::Read, "reads"), (Kind::Write, "writes"), (Kind::Report, "reports")];

/// Request `n` of the mix: (kind, method, path, body, expected status). Out of every 20:
/// 12 reads, 5 writes, 3 reports.
fn request(n: usize) -> (Kind, &'static str, String, Option<String>, u16) {
    let read = |path: &str| (Kind::Read, "GET", path.to_owned(), None, 200);
    let report = |path: &str| (Kind::Report, "GET", path.to_owned(), None, 200);
    match n % 20 {
        0..=3 => read("/api/v2/members?workspace_id=1&per_page=20"),
        4..=6 => read("/api/v2/projects?workspace_id=1&per_page=100"),
        7..=9 => read("/api/v2/timesheets?workspace_id=1&per_page=100"),
        10 | 11 => read(&format!("/api/v2/time-tracking/current-data?workspace_id=1&user_id={}", 1 + n / 20 % 8)),
        12 | 13 => {
            let body = format!(r#"{{"workspace_id":1,"project_id":{},"title":"Mixed task {n}","priority":30}}"#, 1 + n / 20 % 10);
            (Kind::Write, "POST", "/api/v2/tasks".to_owned(), Some(body), 201)
        }
        14 | 15 => {
            // Slots from 45,000 on (of 58,320): the single-request rows before this took the first
            // ones; two entries in every 20 requests, each its own slot, so none overlaps.
            let (path, body) = time_entry_body(FIRST_SLOT + n / 20 * 2 + (n % 20 - 14));
            (Kind::Write, "POST", path, body, 201)
        }
        16 => {
            let body = format!(r#"{{"workspace_id":1,"notes":"mixed load {n}"}}"#);
            (Kind::Write, "PUT", format!("/api/v2/projects/{}", 1 + n / 20 % 10), Some(body), 200)
        }
        17 => report("/api/v2/reports/tracked-hours?workspace_id=1&start_date=2026-02-23&end_date=2026-03-04"),
        18 => report("/api/v2/reports/task-report?workspace_id=1&start_date=2026-02-04&end_date=2026-03-04&per_page=100"),
        _ => report("/api/v2/reports/daily-timeline?workspace_id=1&date=2026-03-03&per_page=100"),
    }
}

/// One thread's results: latency and error per request, by kind; and connection failures.
#[derive(Default)]
struct Seen {
    samples: Vec<(Kind, Duration, bool)>,
    broken_connections: usize,
    /// The first unexpected answer, to say what the errors were.
    first_error: Option<String>,
}

pub fn run(addr: &str, connections: usize, duration: Duration) -> Result {
    // Figures from a busy machine mean less: say how busy it was (Linux only).
    let load_before = load_average();
    let counter = AtomicUsize::new(0);
    let started = Instant::now();
    let deadline = started + duration;
    let seen: Vec<Result<Seen>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..connections)
            .map(|_| {
                let counter = &counter;
                scope.spawn(move || -> Result<Seen> {
                    let mut seen = Seen::default();
                    let mut conn = Conn::open(addr)?;
                    while Instant::now() < deadline {
                        let (kind, method, path, body, expect) = request(counter.fetch_add(1, Ordering::Relaxed));
                        let t = Instant::now();
                        match conn.request(method, &path, body.as_deref()) {
                            Ok((status, text)) => {
                                seen.samples.push((kind, t.elapsed(), status != expect));
                                if status != expect && seen.first_error.is_none() {
                                    seen.first_error = Some(format!("{method} {path} answered {status}: {text}"));
                                }
                            }
                            Err(_) => {
                                // Counted as an error; a new connection carries on.
                                seen.samples.push((kind, t.elapsed(), true));
                                seen.broken_connections += 1;
                                conn = Conn::open(addr)?;
                            }
                        }
                    }
                    Ok(seen)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("a bench thread panicked".into()))).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut all = Vec::new();
    let (mut broken, mut first_error) = (0, None);
    for s in seen {
        let s = s?;
        all.extend(s.samples);
        broken += s.broken_connections;
        first_error = first_error.or(s.first_error);
    }

    println!();
    println!(
        "mixed workload: {connections} connections for {:.0} s (60% reads, 25% writes, 15% reports; keep-alive HTTP/1.1, release build, in-memory SQLite, rate limit off)",
        duration.as_secs_f64()
    );
    println!("{:<10} {:>9} {:>10} {:>9} {:>9} {:>7}", "kind", "requests", "req/s", "p50 ms", "p99 ms", "errors");
    let line = |name: &str, samples: Vec<&(Kind, Duration, bool)>| {
        let mut latencies: Vec<Duration> = samples.iter().map(|s| s.1).collect();
        latencies.sort();
        let errors = samples.iter().filter(|s| s.2).count();
        println!(
            "{:<10} {:>9} {:>10.0} {:>9.2} {:>9.2} {:>7}",
            name,
            latencies.len(),
            latencies.len() as f64 / elapsed,
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99),
            errors
        );
    };
    for (kind, name) in KINDS {
        line(name, all.iter().filter(|s| s.0 == kind).collect());
    }
    line("all", all.iter().collect());
    if let (Some(before), Some(after)) = (load_before, load_average()) {
        println!("machine load average (1 min) before / after: {before} / {after}");
    }
    if let Some(error) = first_error {
        println!("first error: {}", error.chars().take(300).collect::<String>());
    }
    if broken > 0 {
        println!("({broken} connections broke and were reopened; counted as errors)");
    }
    Ok(())
}

/// The one-minute load average, from /proc/loadavg.
fn load_average() -> Option<String> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next().map(str::to_owned)
}

/// The `p` quantile of sorted latencies, in milliseconds (0 when there are none).
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_is_twelve_reads_five_writes_three_reports_in_twenty() {
        let kinds: Vec<Kind> = (0..20).map(|n| request(n).0).collect();
        let count = |k| kinds.iter().filter(|x| **x == k).count();
        assert_eq!((count(Kind::Read), count(Kind::Write), count(Kind::Report)), (12, 5, 3));
    }

    #[test]
    fn time_entries_of_the_mix_never_share_a_slot() {
        let bodies: std::collections::HashSet<String> =
            (0..20_000).filter(|n| matches!(n % 20, 14 | 15)).map(|n| request(n).3.expect("a body")).collect();
        assert_eq!(bodies.len(), 2_000);
    }
}
