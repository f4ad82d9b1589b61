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
    --rate-limit N|off    requests per minute per authenticated user (unknown tokens: per token; default 60)
    --serve DIR           serve static files from DIR at / (SPA fallback to index.html)
    --mount /PREFIX=DIR   also serve DIR at /PREFIX/ (repeatable; e.g. the widget demo at /widgets/)
    --latency MS          delay every API request by MS milliseconds
    --fail-rate P         answer that share (0..1) of API requests with 503 or a dropped connection
    --cors-origin ORIGIN  the only origin allowed by CORS (default: any)
    --today YYYY-MM-DD    the date the demo data and \"now\" are relative to (default: today, UTC)
    --webhook-backoff MS  first webhook retry delay, doubled each retry (default 500)
    --bulk-entries N      add N one-minute time entries of the owner on a project of their own
                          (\"Bulk export data\"), for export benchmarks (demo seed, new database)
    --access reference|roles
                          who may call workspace operations: reference (default) = owners and
                          executive managers only, as the reference says; roles = the richer role
                          matrix of webwork_core::access::RULES (inferred)
    --access-token-ttl SECS
                          lifetime of OAuth access tokens (default 1296000 = 15 days)
    --refresh-token-ttl SECS
                          lifetime of OAuth refresh tokens (default 2592000 = 30 days)
    --oauth-redirect-uri URL
                          also accept this redirect_uri for the demo OAuth app (exact match,
                          repeatable; loopback http URLs are always accepted)
    --help                print this help
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seed {
    Demo,
    Empty,
}

/// Who may call the operations scoped to a workspace (`--access`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessMode {
    /// The reference's rule: owners and executive managers only, every other role 403.
    Reference,
    /// The richer, inferred role matrix of `webwork_core::access::RULES`.
    Roles,
}

impl AccessMode {
    pub fn as_str(self) -> &'static str {
        match self {
            AccessMode::Reference => "reference",
            AccessMode::Roles => "roles",
        }
    }
}

/// Default lifetime of an OAuth access token: 15 days.
pub const ACCESS_TOKEN_TTL_SECS: u64 = 15 * 86_400;
/// Default lifetime of an OAuth refresh token: 30 days.
pub const REFRESH_TOKEN_TTL_SECS: u64 = 30 * 86_400;

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: String,
    /// `None`: in memory.
    pub db: Option<PathBuf>,
    pub seed: Seed,
    pub reset: bool,
    /// Requests per minute per authenticated user (per token for unknown tokens); `None` is off.
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
    /// `--access`: the reference's owner/EM-only rule or the inferred role matrix.
    pub access: AccessMode,
    /// `--access-token-ttl`: seconds an OAuth access token lives.
    pub access_token_ttl_secs: u64,
    /// `--refresh-token-ttl`: seconds an OAuth refresh token lives.
    pub refresh_token_ttl_secs: u64,
    /// `--oauth-redirect-uri`: redirect URIs accepted besides loopback ones (exact match).
    pub oauth_redirect_uris: Vec<String>,
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
            access: AccessMode::Reference,
            access_token_ttl_secs: ACCESS_TOKEN_TTL_SECS,
            refresh_token_ttl_secs: REFRESH_TOKEN_TTL_SECS,
            oauth_redirect_uris: Vec::new(),
        }
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// Boxed: a `Config` is large and `Help` is nothing.
    Run(Box<Config>),
    Help,
}

impl Config {
    /// An in-memory demo sandbox for tests: fixed date, no rate limit, fast webhook retries,
    /// and `access: AccessMode::Roles` (the inferred role matrix, which most tests exercise role
    /// by role); tests of the reference rule set `access: AccessMode::Reference` themselves.
    pub fn for_tests(today: &str) -> Self {
        Config {
            db: None,
            rate_limit: None,
            today: CivilDate::parse(today).ok(),
            webhook_backoff_ms: 50,
            access: AccessMode::Roles,
            ..Config::default()
        }
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
                "--access" => {
                    c.access = match value("--access")?.as_str() {
                        "reference" => AccessMode::Reference,
                        "roles" => AccessMode::Roles,
                        other => return Err(format!("--access must be reference or roles, not {other:?}")),
                    }
                }
                "--access-token-ttl" => c.access_token_ttl_secs = seconds("--access-token-ttl", &value("--access-token-ttl")?)?,
                "--refresh-token-ttl" => c.refresh_token_ttl_secs = seconds("--refresh-token-ttl", &value("--refresh-token-ttl")?)?,
                "--oauth-redirect-uri" => {
                    let v = value("--oauth-redirect-uri")?;
                    if !(v.starts_with("http://") || v.starts_with("https://")) || v.contains('#') {
                        return Err(format!("--oauth-redirect-uri must be an http(s) URL without a fragment, not {v:?}"));
                    }
                    c.oauth_redirect_uris.push(v);
                }
                other => return Err(format!("unknown flag {other:?} (see --help)")),
            }
        }
        Ok(Command::Run(Box::new(c)))
    }
}

/// A lifetime in whole seconds, at least 1.
fn seconds(flag: &str, v: &str) -> Result<u64, String> {
    v.parse::<u64>().ok().filter(|n| *n >= 1).ok_or_else(|| format!("{flag} must be a whole number of seconds (at least 1), not {v:?}"))
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

    #[test]
    fn oauth_and_access_flags() {
        let Command::Run(c) = parse(&[]).unwrap() else { panic!() };
        assert_eq!(c.access, AccessMode::Reference);
        assert_eq!((c.access_token_ttl_secs, c.refresh_token_ttl_secs), (1_296_000, 2_592_000));
        let Command::Run(c) = parse(&[
            "--access",
            "roles",
            "--access-token-ttl=2",
            "--refresh-token-ttl",
            "5",
            "--oauth-redirect-uri",
            "https://app.example/cb",
            "--oauth-redirect-uri=http://h.test/cb",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(c.access, AccessMode::Roles);
        assert_eq!((c.access_token_ttl_secs, c.refresh_token_ttl_secs), (2, 5));
        assert_eq!(c.oauth_redirect_uris, vec!["https://app.example/cb".to_owned(), "http://h.test/cb".to_owned()]);
        assert!(parse(&["--access", "everyone"]).is_err());
        assert!(parse(&["--access-token-ttl", "0"]).is_err());
        assert!(parse(&["--refresh-token-ttl", "soon"]).is_err());
        assert!(parse(&["--oauth-redirect-uri", "ftp://x"]).is_err());
        assert_eq!(Config::for_tests("2026-03-04").access, AccessMode::Roles);
    }
}
