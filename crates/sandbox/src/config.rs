//! Command-line flags: clap parses them into [`Args`], which converts into [`Config`] (the struct
//! the server and the tests build directly).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;
use webwork_core::cli::{self, FlagsError};
use webwork_core::date::CivilDate;

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
    /// `--fail-after-commit`: the share (0..1) of successful writes whose answer is lost after the
    /// commit (a test fault: the client cannot tell whether the write happened).
    pub fail_after_commit: f64,
    /// `None`: any origin.
    pub cors_origin: Option<String>,
    pub today: Option<CivilDate>,
    /// `--time`: the UTC time of day the clock starts at, in minutes (`None`: the real one).
    pub time_of_day: Option<u32>,
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
            fail_after_commit: 0.0,
            cors_origin: None,
            today: None,
            time_of_day: None,
            webhook_backoff_ms: 500,
            bulk_entries: 0,
            access: AccessMode::Reference,
            access_token_ttl_secs: ACCESS_TOKEN_TTL_SECS,
            refresh_token_ttl_secs: REFRESH_TOKEN_TTL_SECS,
            oauth_redirect_uris: Vec::new(),
        }
    }
}

impl Config {
    /// An in-memory demo sandbox for tests: fixed date and start at 09:00 UTC (every demo member
    /// on that date, none near midnight), no rate limit, fast webhook retries,
    /// and `access: AccessMode::Roles` (the inferred role matrix, which most tests exercise role
    /// by role); tests of the reference rule set `access: AccessMode::Reference` themselves.
    pub fn for_tests(today: &str) -> Self {
        Config {
            db: None,
            rate_limit: None,
            today: CivilDate::parse(today).ok(),
            time_of_day: Some(9 * 60),
            webhook_backoff_ms: 50,
            access: AccessMode::Roles,
            ..Config::default()
        }
    }

    /// Parses flags (without the program name) through clap; `--flag value` and `--flag=value` both work.
    pub fn parse(args: impl IntoIterator<Item = impl Into<OsString>>) -> Result<Config, FlagsError> {
        let program = std::iter::once(OsString::from("webwork-sandbox"));
        cli::parse_from(program.chain(args.into_iter().map(Into::into)), |parsed: Args| Ok(Config::from(parsed)))
    }
}

/// The flags as clap reads them; every value is checked here, so the conversion cannot fail.
#[derive(Debug, Parser)]
#[command(name = "webwork-sandbox", about = "webwork-sandbox: a local emulator of the WebWork Tracker REST API v2")]
// The last of a repeated single-value flag wins, as it always did (launchers append overrides).
#[command(args_override_self = true)]
pub struct Args {
    /// where to listen
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: String,
    /// SQLite database file (created and seeded on first run)
    #[arg(long, value_name = "PATH", default_value = ".sandbox/webwork.db")]
    db: PathBuf,
    /// keep everything in memory instead of a file
    #[arg(long)]
    memory: bool,
    /// what a new database starts with
    #[arg(long, value_name = "demo|empty", default_value = "demo", value_parser = seed)]
    seed: Seed,
    /// delete the database file first, then seed it again
    #[arg(long)]
    reset: bool,
    /// requests per minute per authenticated user (unknown tokens: per token)
    // Spelled out: clap would read a plain `Option` as "the flag may be absent".
    #[arg(long, value_name = "N|off", default_value = "60", value_parser = rate_limit)]
    rate_limit: ::std::option::Option<u32>,
    /// serve static files from DIR at / (SPA fallback to index.html)
    #[arg(long, value_name = "DIR")]
    serve: Option<PathBuf>,
    /// also serve DIR at /PREFIX/ (repeatable; e.g. the widget demo at /widgets/)
    #[arg(long = "mount", value_name = "/PREFIX=DIR", value_parser = mount)]
    mounts: Vec<(String, PathBuf)>,
    /// delay every API request by MS milliseconds
    #[arg(long = "latency", value_name = "MS", default_value = "0", value_parser = milliseconds)]
    latency_ms: u64,
    /// answer that share (0..1) of API requests with 503 or a dropped connection
    #[arg(long, value_name = "P", default_value = "0", value_parser = fail_rate)]
    fail_rate: f64,
    /// test fault: that share (0..1) of successful writes commits, then the connection drops before the answer
    #[arg(long, value_name = "P", default_value = "0", value_parser = fail_rate)]
    fail_after_commit: f64,
    /// the only origin allowed by CORS (default: any)
    #[arg(long, value_name = "ORIGIN")]
    cors_origin: Option<String>,
    /// the date the demo data and "now" are relative to (default: today, UTC)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    today: Option<CivilDate>,
    /// the time of day (UTC) the clock starts at, then runs from (default: the real one); tests pass one so the suite sees the same hour whenever it runs
    #[arg(long = "time", value_name = "HH:MM", value_parser = time_of_day)]
    time_of_day: Option<u32>,
    /// first webhook retry delay, doubled each retry
    #[arg(long = "webhook-backoff", value_name = "MS", default_value = "500", value_parser = milliseconds)]
    webhook_backoff_ms: u64,
    /// add N one-minute time entries of the owner on a project of their own ("Bulk export data"), for export benchmarks (demo seed, new database)
    #[arg(long, value_name = "N", default_value = "0", value_parser = count)]
    bulk_entries: u64,
    /// who may call workspace operations: reference = owners and executive managers only, as the reference says; roles = the richer role matrix of webwork_core::access::RULES (inferred)
    #[arg(long, value_name = "reference|roles", default_value = "reference", value_parser = access)]
    access: AccessMode,
    /// lifetime of OAuth access tokens (15 days)
    #[arg(long = "access-token-ttl", value_name = "SECS", default_value_t = ACCESS_TOKEN_TTL_SECS, value_parser = seconds)]
    access_token_ttl_secs: u64,
    /// lifetime of OAuth refresh tokens (30 days)
    #[arg(long = "refresh-token-ttl", value_name = "SECS", default_value_t = REFRESH_TOKEN_TTL_SECS, value_parser = seconds)]
    refresh_token_ttl_secs: u64,
    /// also accept this redirect_uri for the demo OAuth app (exact match, repeatable; loopback http URLs are always accepted)
    #[arg(long = "oauth-redirect-uri", value_name = "URL", value_parser = redirect_uri)]
    oauth_redirect_uris: Vec<String>,
}

impl From<Args> for Config {
    fn from(a: Args) -> Self {
        Config {
            addr: a.addr,
            db: if a.memory { None } else { Some(a.db) },
            seed: a.seed,
            reset: a.reset,
            rate_limit: a.rate_limit,
            serve: a.serve,
            mounts: a.mounts,
            latency_ms: a.latency_ms,
            fail_rate: a.fail_rate,
            fail_after_commit: a.fail_after_commit,
            cors_origin: a.cors_origin,
            today: a.today,
            time_of_day: a.time_of_day,
            webhook_backoff_ms: a.webhook_backoff_ms,
            bulk_entries: a.bulk_entries,
            access: a.access,
            access_token_ttl_secs: a.access_token_ttl_secs,
            refresh_token_ttl_secs: a.refresh_token_ttl_secs,
            oauth_redirect_uris: a.oauth_redirect_uris,
        }
    }
}

// Value parsers: clap prints "invalid value 'X' for '--flag <V>': " before each message.

fn seed(v: &str) -> Result<Seed, String> {
    match v {
        "demo" => Ok(Seed::Demo),
        "empty" => Ok(Seed::Empty),
        _ => Err("must be demo or empty".into()),
    }
}

fn access(v: &str) -> Result<AccessMode, String> {
    match v {
        "reference" => Ok(AccessMode::Reference),
        "roles" => Ok(AccessMode::Roles),
        _ => Err("must be reference or roles".into()),
    }
}

fn rate_limit(v: &str) -> Result<Option<u32>, String> {
    match v {
        "off" | "0" => Ok(None),
        n => n.parse().map(Some).map_err(|_| "must be a number or off".into()),
    }
}

fn mount(v: &str) -> Result<(String, PathBuf), String> {
    v.split_once('=')
        .map(|(p, d)| (p.trim_end_matches('/'), d))
        .filter(|(p, d)| p.starts_with('/') && p.len() > 1 && !p.starts_with("/api") && !d.is_empty())
        .map(|(p, d)| (p.to_owned(), PathBuf::from(d)))
        .ok_or_else(|| "must be /PREFIX=DIR (not under /api)".into())
}

fn milliseconds(v: &str) -> Result<u64, String> {
    v.parse().map_err(|_| "must be milliseconds".into())
}

fn count(v: &str) -> Result<u64, String> {
    v.parse().map_err(|_| "must be a number".into())
}

fn fail_rate(v: &str) -> Result<f64, String> {
    v.parse::<f64>().ok().filter(|p| (0.0..=1.0).contains(p)).ok_or_else(|| "must be between 0 and 1".into())
}

fn date(v: &str) -> Result<CivilDate, String> {
    CivilDate::parse(v).map_err(|_| "must be YYYY-MM-DD".into())
}

fn time_of_day(v: &str) -> Result<u32, String> {
    webwork_core::params::parse_clock(v).ok_or_else(|| "must be HH:MM, 00:00 to 23:59".into())
}

fn redirect_uri(v: &str) -> Result<String, String> {
    if (v.starts_with("http://") || v.starts_with("https://")) && !v.contains('#') {
        Ok(v.to_owned())
    } else {
        Err("must be an http(s) URL without a fragment".into())
    }
}

/// A lifetime in whole seconds, at least 1.
fn seconds(v: &str) -> Result<u64, String> {
    v.parse::<u64>().ok().filter(|n| *n >= 1).ok_or_else(|| "must be a whole number of seconds (at least 1)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, FlagsError> {
        Config::parse(args.iter().copied())
    }

    /// The one-line message of a refusal (panics if the flags were accepted).
    fn refusal(args: &[&str]) -> String {
        parse(args).err().and_then(FlagsError::into_bad).expect("a refusal")
    }

    #[test]
    fn flags() {
        let c = parse(&["--addr", "0.0.0.0:1", "--memory", "--rate-limit=off", "--today", "2024-02-29", "--fail-rate", "0.5"]).unwrap();
        assert_eq!(c.addr, "0.0.0.0:1");
        assert!(c.db.is_none() && c.rate_limit.is_none());
        assert_eq!(c.today.unwrap().to_string(), "2024-02-29");
        assert_eq!(c.time_of_day, None, "the real time of day unless --time says");
        assert_eq!(parse(&["--time", "09:30"]).unwrap().time_of_day, Some(9 * 60 + 30));
        assert_eq!(c.fail_rate, 0.5);
        let defaults = parse(&[]).unwrap();
        assert_eq!((defaults.addr.as_str(), defaults.rate_limit, defaults.seed), ("127.0.0.1:8080", Some(60), Seed::Demo));
        assert_eq!(defaults.db, Some(PathBuf::from(".sandbox/webwork.db")));
        assert_eq!((defaults.latency_ms, defaults.webhook_backoff_ms, defaults.fail_rate), (0, 500, 0.0));
        // The last of a repeated flag wins, as launchers that append an override expect.
        assert_eq!(parse(&["--addr", "a:1", "--addr=b:2"]).unwrap().addr, "b:2");
        assert!(
            matches!(parse(&["--help"]), Err(FlagsError::Help(text)) if text.contains("--fail-rate <P>") && text.contains("--fail-after-commit <P>"))
        );
        assert!(refusal(&["--bogus"]).contains("--bogus"));
        assert!(refusal(&["--addr"]).contains("--addr"));
        assert!(refusal(&["--seed", "lots"]).contains("demo or empty"));
        assert!(refusal(&["--rate-limit", "lots"]).contains("number or off"));
        assert!(refusal(&["--today", "2024-02-30"]).contains("YYYY-MM-DD"));
        assert!(refusal(&["--time", "24:00"]).contains("HH:MM"));
        assert!(refusal(&["--time", "9:30"]).contains("HH:MM"));
        assert!(refusal(&["--latency", "soon"]).contains("milliseconds"));
        let c = parse(&["--bulk-entries", "10000"]).unwrap();
        assert_eq!(c.bulk_entries, 10_000);
        assert!(refusal(&["--bulk-entries", "many"]).contains("--bulk-entries"));
        assert!(refusal(&["--fail-rate", "2"]).contains("between 0 and 1"));
        assert_eq!(parse(&["--fail-after-commit", "0.2"]).unwrap().fail_after_commit, 0.2);
        assert_eq!(defaults.fail_after_commit, 0.0);
        assert!(refusal(&["--fail-after-commit", "1.5"]).contains("between 0 and 1"));
        let c = parse(&["--mount", "/widgets/=target/widgets", "--mount=/b=dir"]).unwrap();
        assert_eq!(c.mounts, vec![("/widgets".into(), PathBuf::from("target/widgets")), ("/b".into(), PathBuf::from("dir"))]);
        assert!(refusal(&["--mount", "widgets"]).contains("/PREFIX=DIR"));
        assert!(refusal(&["--mount", "/api/x=dir"]).contains("/PREFIX=DIR"));
        assert!(!refusal(&["--bogus"]).contains('\n'));
    }

    #[test]
    fn oauth_and_access_flags() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.access, AccessMode::Reference);
        assert_eq!((c.access_token_ttl_secs, c.refresh_token_ttl_secs), (1_296_000, 2_592_000));
        let c = parse(&[
            "--access",
            "roles",
            "--access-token-ttl=2",
            "--refresh-token-ttl",
            "5",
            "--oauth-redirect-uri",
            "https://app.example/cb",
            "--oauth-redirect-uri=http://h.test/cb",
        ])
        .unwrap();
        assert_eq!(c.access, AccessMode::Roles);
        assert_eq!((c.access_token_ttl_secs, c.refresh_token_ttl_secs), (2, 5));
        assert_eq!(c.oauth_redirect_uris, vec!["https://app.example/cb".to_owned(), "http://h.test/cb".to_owned()]);
        assert!(refusal(&["--access", "everyone"]).contains("reference or roles"));
        assert!(refusal(&["--access-token-ttl", "0"]).contains("at least 1"));
        assert!(refusal(&["--refresh-token-ttl", "soon"]).contains("--refresh-token-ttl"));
        assert!(refusal(&["--oauth-redirect-uri", "ftp://x"]).contains("without a fragment"));
        assert!(refusal(&["--oauth-redirect-uri", "http://x/#f"]).contains("without a fragment"));
        assert_eq!(Config::for_tests("2026-03-04").access, AccessMode::Roles);
    }
}
