//! `webwork-fuzz`: feeds generated and mutated API answers to every reader we ship and checks
//! that none panics or hangs (see the README for what runs and the figures of the last runs).
//!
//! ```text
//! webwork-fuzz [--cases N] [--seed S] [--start I]   run N cases natively, print the figures
//! webwork-fuzz --case I [--seed S]                 print case I (to reproduce a failure)
//! webwork-fuzz --emit [--cases N] [--seed S]       write the cases to stdout for web/tests/fuzz.mjs
//! webwork-fuzz --record BASE_URL [--token T]       record the seed corpus from a running sandbox
//! ```
//!
//! Exit status 1 when a case panicked or took longer than the per-case limit.

mod cases;
mod paths;
mod record;
mod rng;

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use webwork_core::ops::CATALOG;

use crate::cases::{case, Case, Corpus, KINDS};
use crate::paths::Verdict;

/// A case that takes more CPU time than this counts as a hang. CPU time of the fuzzing thread,
/// not wall time: on a machine shared with other builds, wall time measures the neighbours.
const SLOW: Duration = Duration::from_secs(1);
/// A case still running after this is stuck: the watchdog reports it and ends the run.
const STUCK: Duration = Duration::from_secs(30);
/// How much of a failing body the report shows (`--case` shows all of it).
const SHOWN_BYTES: usize = 4096;

struct Args {
    cases: u64,
    seed: u64,
    start: u64,
    case: Option<u64>,
    emit: bool,
    record: Option<String>,
    token: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { cases: 10_000, seed: 1, start: 0, case: None, emit: false, record: None, token: "demo-owner".into() };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        let number =
            |name: &str, v: String| v.replace('_', "").parse::<u64>().map_err(|_| format!("{name} must be a whole number, not {v:?}"));
        match flag.as_str() {
            "--cases" => args.cases = number("--cases", value("--cases")?)?,
            "--seed" => args.seed = number("--seed", value("--seed")?)?,
            "--start" => args.start = number("--start", value("--start")?)?,
            "--case" => args.case = Some(number("--case", value("--case")?)?),
            "--emit" => args.emit = true,
            "--record" => args.record = Some(value("--record")?),
            "--token" => args.token = value("--token")?,
            other => return Err(format!("unknown argument {other:?} (see the top of crates/fuzz/src/main.rs)")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("webwork-fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(base) = &args.record {
        return match record::record(base, &args.token) {
            Ok(corpus) => {
                println!("{}", serde_json::to_string_pretty(&corpus).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("webwork-fuzz: recording failed: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let corpus = Corpus::committed();
    if let Some(index) = args.case {
        let c = case(args.seed, index, &corpus);
        println!("{}", describe(args.seed, &c, usize::MAX));
        return ExitCode::SUCCESS;
    }
    if args.emit {
        return match emit(&args, &corpus) {
            Ok(()) => ExitCode::SUCCESS,
            // The reader went away (Node stopped early): its own report says why.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("webwork-fuzz: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if run(&args, &corpus) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A case for a person: where it comes from, how to get it again, and its body.
fn describe(seed: u64, c: &Case, max_bytes: usize) -> String {
    let shown = &c.body[..c.body.len().min(max_bytes)];
    let more = if shown.len() < c.body.len() {
        format!("… ({} bytes more; `--case {}` shows all)", c.body.len() - shown.len(), c.index)
    } else {
        String::new()
    };
    format!(
        "case {} (seed {seed}; reproduce: cargo xtask fuzz --seed {seed} --case {}): {} for {} ({}), status {}, retry-after {:?}, {} bytes:\n{}{more}",
        c.index,
        c.index,
        c.kind.name(),
        CATALOG[c.op].id,
        CATALOG[c.op].path,
        c.status,
        c.retry_after_ms,
        c.body.len(),
        shown.escape_ascii()
    )
}

/// Frames for the JS driver: index (u64), operation id (u8 length + bytes), status (u16),
/// body (u32 length + bytes), all little-endian.
fn emit(args: &Args, corpus: &Corpus) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    for index in args.start..args.start + args.cases {
        let c = case(args.seed, index, corpus);
        let id = CATALOG[c.op].id.as_bytes();
        out.write_all(&index.to_le_bytes())?;
        out.write_all(&[id.len() as u8])?;
        out.write_all(id)?;
        out.write_all(&c.status.to_le_bytes())?;
        out.write_all(&(c.body.len() as u32).to_le_bytes())?;
        out.write_all(&c.body)?;
    }
    out.flush()
}

/// Peak resident memory of this process, from /proc (Linux), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of the calling thread (Linux: /proc/thread-self/schedstat, nanoseconds on CPU).
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(text.split_whitespace().next()?.parse().ok()?))
}

/// What one thread saw of its cases.
#[derive(Default)]
struct Stats {
    per_kind: [u64; KINDS.len()],
    time_per_kind: [Duration; KINDS.len()],
    read_per_op: Vec<u64>,
    read: u64,
    refused: u64,
    panics: u64,
    hangs: u64,
    /// (CPU time, case index) of the slowest case.
    slowest: (Duration, u64),
    bytes: u64,
}

impl Stats {
    fn add(&mut self, other: Stats) {
        for k in 0..KINDS.len() {
            self.per_kind[k] += other.per_kind[k];
            self.time_per_kind[k] += other.time_per_kind[k];
        }
        self.read_per_op.resize(CATALOG.len(), 0);
        for (mine, theirs) in self.read_per_op.iter_mut().zip(other.read_per_op) {
            *mine += theirs;
        }
        self.read += other.read;
        self.refused += other.refused;
        self.panics += other.panics;
        self.hangs += other.hangs;
        self.slowest = self.slowest.max(other.slowest);
        self.bytes += other.bytes;
    }
}

thread_local! {
    /// The message of the last panic on this thread (the hook runs on the panicking thread).
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The case a worker is on and since when (ms from the start), for the watchdog.
struct Slot {
    case: AtomicU64,
    since_ms: AtomicU64,
}

/// The native run, its cases dealt round-robin to one worker per core; true when no case
/// panicked or hung.
fn run(args: &Args, corpus: &Corpus) -> bool {
    // A panic's message goes to the report, not to stderr as it happens.
    panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PANIC.with_borrow_mut(|m| *m = Some(format!("{info}{at}")));
    }));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(args.cases.max(1) as usize);
    let started = Instant::now();
    let slots: Arc<Vec<Slot>> =
        Arc::new((0..threads).map(|_| Slot { case: AtomicU64::new(u64::MAX), since_ms: AtomicU64::new(0) }).collect());

    // The watchdog: a case that never returns cannot be caught in its own thread.
    {
        let (slots, seed) = (slots.clone(), args.seed);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            for slot in slots.iter() {
                let index = slot.case.load(Ordering::SeqCst);
                let running_ms = (started.elapsed().as_millis() as u64).saturating_sub(slot.since_ms.load(Ordering::SeqCst));
                if index != u64::MAX && running_ms > STUCK.as_millis() as u64 {
                    let c = case(seed, index, &Corpus::committed());
                    eprintln!("\nfuzz: HANG: still running after {} s\n{}", STUCK.as_secs(), describe(seed, &c, SHOWN_BYTES));
                    std::process::exit(1);
                }
            }
        });
    }

    let done = AtomicU64::new(0);
    let mut stats = Stats::default();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (slot, done) = (&slots[t], &done);
                let indices = (args.start + t as u64..args.start + args.cases).step_by(threads);
                scope.spawn(move || worker(args, corpus, indices, slot, done, started))
            })
            .collect();
        for w in workers {
            match w.join() {
                Ok(s) => stats.add(s),
                Err(_) => stats.panics += 1,
            }
        }
    });

    let elapsed = started.elapsed().as_secs_f64();
    let ops_read = stats.read_per_op.iter().filter(|n| **n > 0).count();
    println!("fuzz (native readers): {} cases, seed {}, from case {}, {threads} threads", args.cases, args.seed, args.start);
    println!(
        "  time: {elapsed:.1} s ({:.0} cases/s), {:.1} MB of answers",
        args.cases as f64 / elapsed.max(1e-9),
        stats.bytes as f64 / 1e6
    );
    let kinds: Vec<String> = KINDS
        .iter()
        .zip(stats.per_kind.iter().zip(&stats.time_per_kind))
        .map(|(k, (n, t))| format!("{} {n} ({:.1} s)", k.name(), t.as_secs_f64()))
        .collect();
    println!("  cases (CPU time): {}", kinds.join(", "));
    println!(
        "  typed readers ({} operations): {} read, {} refused with a typed error; {ops_read} operations read at least one case",
        CATALOG.len(),
        stats.read,
        stats.refused
    );
    println!("  panics: {}", stats.panics);
    println!(
        "  hangs (over {} s of CPU): {}; slowest case {:.3} s (#{})",
        SLOW.as_secs(),
        stats.hangs,
        stats.slowest.0.as_secs_f64(),
        stats.slowest.1
    );
    match peak_rss_kib() {
        Some(kib) => println!("  peak memory (VmHWM): {:.0} MB", kib as f64 / 1024.0),
        None => println!("  peak memory: not available (no /proc/self/status)"),
    }
    stats.panics == 0 && stats.hangs == 0
}

/// One worker's share of the cases.
fn worker(args: &Args, corpus: &Corpus, indices: impl Iterator<Item = u64>, slot: &Slot, done: &AtomicU64, started: Instant) -> Stats {
    let mut stats = Stats { read_per_op: vec![0; CATALOG.len()], ..Stats::default() };
    for index in indices {
        let c = case(args.seed, index, corpus);
        let kind = KINDS.iter().position(|k| *k == c.kind).unwrap_or(0);
        stats.per_kind[kind] += 1;
        stats.bytes += c.body.len() as u64;
        let op = &CATALOG[c.op];
        slot.since_ms.store(started.elapsed().as_millis() as u64, Ordering::SeqCst);
        slot.case.store(index, Ordering::SeqCst);
        let (wall, cpu) = (Instant::now(), thread_cpu());
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| paths::run(&c, op)));
        let took = match (cpu, thread_cpu()) {
            (Some(before), Some(after)) => after.saturating_sub(before),
            _ => wall.elapsed(),
        };
        slot.case.store(u64::MAX, Ordering::SeqCst);
        match outcome {
            Ok(Verdict::Read) => {
                stats.read += 1;
                stats.read_per_op[c.op] += 1;
            }
            Ok(Verdict::Refused) => stats.refused += 1,
            Err(_) => {
                stats.panics += 1;
                let message = LAST_PANIC.with_borrow_mut(Option::take).unwrap_or_default();
                eprintln!("\nfuzz: PANIC: {message}\n{}", describe(args.seed, &c, SHOWN_BYTES));
            }
        }
        stats.time_per_kind[kind] += took;
        stats.slowest = stats.slowest.max((took, index));
        if took > SLOW {
            stats.hangs += 1;
            eprintln!(
                "\nfuzz: HANG: {:.2} s of CPU (limit {} s)\n{}",
                took.as_secs_f64(),
                SLOW.as_secs(),
                describe(args.seed, &c, SHOWN_BYTES)
            );
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if n.is_multiple_of(100_000) {
            eprintln!("fuzz: {n} of {} cases, {:.0} s", args.cases, started.elapsed().as_secs_f64());
        }
    }
    stats
}
