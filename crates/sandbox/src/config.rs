//! Command-line flags, parsed by hand (no argument-parsing dependency).

use std::path::PathBuf;

use webwork_core::date::CivilDate;

pub const USAGE: &str = "\
webwork-sandbox: a local emulator of the WebWork Tracker REST API v2

USAGE:
    webwork-sandbox [FLAGS]

FLAGS:
    --addr HOST:PORT      where to listen (default 127.0.0.1:8080)
    --db PATH             SQLite database file (default .sandbox/webwork.db; created and seeded on first run)
    --memory              keep everything in memory instead of a file
    --seed demo|empty     what a new database starts with (default demo)
    --reset               delete the database file first, then seed it again
    --rate-limit N|off    requests per minute per token (default 60)
    --serve DIR           serve static files from DIR at / (SPA fallback to index.html)
    --mount /PREFIX=DIR   also serve DIR at /PREFIX/ (repeatable; e.g. the widget demo at /widgets/)
    --latency MS          delay every API request by MS milliseconds
    --fail-rate P         answer that share (0..1) of API requests with 503 or a dropped connection
    --cors-origin ORIGIN  the only origin allowed by CORS (default: any)
    --today YYYY-MM-DD    the date the demo data and \"now\" are relative to (default: today, UTC)
    --webhook-backoff MS  first webhook retry delay, doubled each retry (default 500)
    --bulk-entries N      add N one-minute time entries of the owner on a project of their own
                          (\"Bulk export data\"), for export benchmarks (demo seed, new database)
    --help                print this help
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seed {
    Demo,
    Empty,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: String,
    /// `None`: in memory.
    pub db: Option<PathBuf>,
    pub seed: Seed,
    pub reset: bool,
    /// Requests per minute per token; `None` is off.
    pub rate_limit: Option<u32>,
    pub serve: Option<PathBuf>,
    /// `--mount`: (URL prefix without a trailing slash, e.g. `/widgets`; folder).
    pub mounts: Vec<(String, PathBuf)>,
    pub latency_ms: u64,
    pub fail_rate: f64,
    /// `None`: any origin.
    pub cors_origin: Option<String>,
    pub today: Option<CivilDate>,
    pub webhook_backoff_ms: u64,
    /// `--bulk-entries`: extra time entries seeded for export benchmarks (0: none).
    pub bulk_entries: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: "127.0.0.1:8080".into(),
            db: Some(PathBuf::from(".sandbox/webwork.db")),
            seed: Seed::Demo,
            reset: false,
            rate_limit: Some(60),
            serve: None,
            mounts: Vec::new(),
            latency_ms: 0,
            fail_rate: 0.0,
            cors_origin: None,
            today: None,
            webhook_backoff_ms: 500,
            bulk_entries: 0,
        }
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Run(Config),
    Help,
}

impl Config {
    /// An in-memory demo sandbox for tests: fixed date, no rate limit, fast webhook retries.
    pub fn for_tests(today: &str) -> Self {
        Config { db: None, rate_limit: None, today: CivilDate::parse(today).ok(), webhook_backoff_ms: 50, ..Config::default() }
    }

    /// Parses flags (without the program name). Both `--flag value` and `--flag=value` work.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
        let mut c = Config::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, String> {
                inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"))
            };
            match flag.as_str() {
                "--help" | "-h" => return Ok(Command::Help),
                "--addr" => c.addr = value("--addr")?,
                "--db" => c.db = Some(PathBuf::from(value("--db")?)),
                "--memory" => c.db = None,
                "--seed" => {
                    c.seed = match value("--seed")?.as_str() {
                        "demo" => Seed::Demo,
                        "empty" => Seed::Empty,
                        other => return Err(format!("--seed must be demo or empty, not {other:?}")),
                    }
                }
                "--reset" => c.reset = true,
                "--rate-limit" => {
                    let v = value("--rate-limit")?;
                    c.rate_limit = match v.as_str() {
                        "off" | "0" => None,
                        n => Some(n.parse().map_err(|_| format!("--rate-limit must be a number or off, not {n:?}"))?),
                    }
                }
                "--serve" => c.serve = Some(PathBuf::from(value("--serve")?)),
                "--mount" => {
                    let v = value("--mount")?;
                    let (prefix, dir) = v
                        .split_once('=')
                        .map(|(p, d)| (p.trim_end_matches('/'), d))
                        .filter(|(p, d)| p.starts_with('/') && p.len() > 1 && !p.starts_with("/api") && !d.is_empty())
                        .ok_or_else(|| format!("--mount must be /PREFIX=DIR (not under /api), not {v:?}"))?;
                    c.mounts.push((prefix.to_owned(), PathBuf::from(dir)));
                }
                "--latency" => {
                    let v = value("--latency")?;
                    c.latency_ms = v.parse().map_err(|_| format!("--latency must be milliseconds, not {v:?}"))?;
                }
                "--fail-rate" => {
                    let v = value("--fail-rate")?;
                    c.fail_rate = v
                        .parse::<f64>()
                        .ok()
                        .filter(|p| (0.0..=1.0).contains(p))
                        .ok_or_else(|| format!("--fail-rate must be between 0 and 1, not {v:?}"))?;
                }
                "--cors-origin" => c.cors_origin = Some(value("--cors-origin")?),
                "--today" => {
                    let v = value("--today")?;
                    c.today = Some(CivilDate::parse(&v).map_err(|_| format!("--today must be YYYY-MM-DD, not {v:?}"))?);
                }
                "--webhook-backoff" => {
                    let v = value("--webhook-backoff")?;
                    c.webhook_backoff_ms = v.parse().map_err(|_| format!("--webhook-backoff must be milliseconds, not {v:?}"))?;
                }
                "--bulk-entries" => {
                    let v = value("--bulk-entries")?;
                    c.bulk_entries = v.parse().map_err(|_| format!("--bulk-entries must be a number, not {v:?}"))?;
                }
                other => return Err(format!("unknown flag {other:?} (see --help)")),
            }
        }
        Ok(Command::Run(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        Config::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags() {
        let Command::Run(c) =
            parse(&["--addr", "0.0.0.0:1", "--memory", "--rate-limit=off", "--today", "2024-02-29", "--fail-rate", "0.5"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(c.addr, "0.0.0.0:1");
        assert!(c.db.is_none() && c.rate_limit.is_none());
        assert_eq!(c.today.unwrap().to_string(), "2024-02-29");
        assert_eq!(c.fail_rate, 0.5);
        assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--seed", "lots"]).is_err());
        let Command::Run(c) = parse(&["--bulk-entries", "10000"]).unwrap() else { panic!() };
        assert_eq!(c.bulk_entries, 10_000);
        assert!(parse(&["--bulk-entries", "many"]).is_err());
        assert!(parse(&["--fail-rate", "2"]).is_err());
        let Command::Run(c) = parse(&["--mount", "/widgets/=target/widgets", "--mount=/b=dir"]).unwrap() else { panic!() };
        assert_eq!(c.mounts, vec![("/widgets".into(), PathBuf::from("target/widgets")), ("/b".into(), PathBuf::from("dir"))]);
        assert!(parse(&["--mount", "widgets"]).is_err());
        assert!(parse(&["--mount", "/api/x=dir"]).is_err());
    }
}
