//! Command-line flags: clap parses them into [`Args`], which converts into [`Config`] (the struct
//! the gateway and the tests build directly), reading the secret files and checking the flags that
//! go together.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use webwork_core::cli::{self, FlagsError};

/// The OAuth2 client, when the gateway signs people in.
#[derive(Clone)]
pub struct OAuthConfig {
    pub client_id: String,
    pub client_secret: String,
    pub authorize_url: String,
    pub token_url: String,
    pub scopes: String,
    pub redirect_uri: String,
}

impl std::fmt::Debug for OAuthConfig {
    // The secret never reaches a log, even through Debug.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthConfig")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("authorize_url", &self.authorize_url)
            .field("token_url", &self.token_url)
            .field("scopes", &self.scopes)
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// Where the service token comes from.
#[derive(Clone)]
pub enum ServiceCredentials {
    /// A personal token (never expires).
    Token(String),
    /// The OAuth client's `client_credentials` grant, renewed before expiry.
    ClientCredentials,
}

impl std::fmt::Debug for ServiceCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServiceCredentials::Token(_) => f.write_str("Token(<redacted>)"),
            ServiceCredentials::ClientCredentials => f.write_str("ClientCredentials"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: String,
    /// Without a trailing slash.
    pub upstream: String,
    pub public_origin: String,
    pub panel: Option<PathBuf>,
    pub widgets: Option<PathBuf>,
    pub upstream_timeout: Duration,
    pub max_body: usize,
    pub cors_allow: Vec<String>,
    pub trust_forwarded: bool,
    pub oauth: Option<OAuthConfig>,
    /// `None`: in memory.
    pub sessions: Option<PathBuf>,
    pub service: Option<ServiceCredentials>,
    /// Operation ids added to the default allow-list.
    pub widget_allow: Vec<String>,
    pub cache_ttl: HashMap<String, Duration>,
    pub service_rate: u32,
    pub visitor_share: u32,
}

pub const DEFAULT_AUTHORIZE_URL: &str = "https://webwork-tracker.com/oauth/authorize";
pub const DEFAULT_TOKEN_URL: &str = "https://webwork-tracker.com/oauth/token";

impl Config {
    /// A config with every default and this upstream (tests build on it).
    pub fn new(upstream: &str) -> Self {
        Config {
            addr: "127.0.0.1:8080".into(),
            upstream: upstream.trim_end_matches('/').to_owned(),
            public_origin: "http://127.0.0.1:8080".into(),
            panel: None,
            widgets: None,
            upstream_timeout: Duration::from_secs(30),
            max_body: 1 << 20,
            cors_allow: Vec::new(),
            trust_forwarded: false,
            oauth: None,
            sessions: None,
            service: None,
            widget_allow: Vec::new(),
            cache_ttl: HashMap::new(),
            service_rate: 60,
            visitor_share: 10,
        }
    }

    /// Parses flags (without the program name) through clap; `--flag value` and `--flag=value` both
    /// work. Reads the secret files named on the command line.
    pub fn parse(args: impl IntoIterator<Item = impl Into<OsString>>) -> Result<Config, FlagsError> {
        let program = std::iter::once(OsString::from("webwork-gateway"));
        cli::parse_from(program.chain(args.into_iter().map(Into::into)), <Config as TryFrom<Args>>::try_from)
    }
}

/// The flags as clap reads them; each value is checked here, the combinations in `TryFrom`.
#[derive(Debug, Parser)]
#[command(
    name = "webwork-gateway",
    about = "webwork-gateway: serves the WebWork admin panel and widgets and forwards /api/v2 to the real API"
)]
// The last of a repeated single-value flag wins, as it always did.
#[command(args_override_self = true)]
pub struct Args {
    /// the API v2 base, e.g. https://api.webwork-tracker.com/api/v2
    #[arg(long, value_name = "URL", required = true, value_parser = http_url)]
    upstream: String,
    /// where to listen
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: String,
    /// the origin browsers see, e.g. https://intranet.example.com (default http://ADDR); used for the redirect URI and the CSRF check
    #[arg(long, value_name = "URL", value_parser = origin)]
    public_origin: Option<String>,
    /// the built admin panel (trunk build) at / with SPA fallback
    #[arg(long, value_name = "DIR")]
    panel: Option<PathBuf>,
    /// the widget folder (cargo xtask widgets) at /widgets/
    #[arg(long, value_name = "DIR")]
    widgets: Option<PathBuf>,
    /// give up on the API after SECS -> 504
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = number)]
    upstream_timeout: u64,
    /// largest request body accepted -> 413
    #[arg(long, value_name = "BYTES", default_value = "1048576", value_parser = number)]
    max_body: u64,
    /// an origin allowed to call with credentials (repeatable; never *)
    #[arg(long, value_name = "ORIGIN", value_parser = cors_origin)]
    cors_allow_origin: Vec<String>,
    /// take the visitor's address from X-Forwarded-For (behind a proxy)
    #[arg(long)]
    trust_forwarded: bool,
    /// OAuth2 sign-in: the client id (needs --oauth-client-secret-file)
    #[arg(long, value_name = "ID", help_heading = "OAuth2 backend-for-frontend")]
    oauth_client_id: Option<String>,
    /// the client secret, in a file (not on the command line)
    #[arg(long, value_name = "PATH", help_heading = "OAuth2 backend-for-frontend")]
    oauth_client_secret_file: Option<String>,
    /// as documented by WebWork
    #[arg(long, value_name = "URL", default_value = DEFAULT_AUTHORIZE_URL, value_parser = http_url, help_heading = "OAuth2 backend-for-frontend")]
    oauth_authorize_url: String,
    /// the token endpoint (inferred)
    #[arg(long, value_name = "URL", default_value = DEFAULT_TOKEN_URL, value_parser = http_url, help_heading = "OAuth2 backend-for-frontend")]
    oauth_token_url: String,
    /// requested scopes, space-separated
    #[arg(long, value_name = "S S", default_value = "read write", help_heading = "OAuth2 backend-for-frontend")]
    oauth_scopes: String,
    /// must be registered with the OAuth app (default PUBLIC_ORIGIN/auth/callback)
    #[arg(long, value_name = "URL", value_parser = http_url, help_heading = "OAuth2 backend-for-frontend")]
    oauth_redirect_uri: Option<String>,
    /// where sessions live: an SQLite file, or memory
    #[arg(long, value_name = "PATH|memory", default_value = "memory", help_heading = "OAuth2 backend-for-frontend")]
    sessions: String,
    /// a personal token, in a file
    #[arg(long, value_name = "PATH", help_heading = "Widget service mode (answers credential-less reads of the allow-list itself)")]
    service_token_file: Option<String>,
    /// get the token with the OAuth client's client_credentials grant
    #[arg(long, help_heading = "Widget service mode (answers credential-less reads of the allow-list itself)")]
    service_client_credentials: bool,
    /// add a GET operation to the allow-list (repeatable)
    #[arg(long, value_name = "OP_ID", value_parser = operation_id, help_heading = "Widget service mode (answers credential-less reads of the allow-list itself)")]
    widget_allow: Vec<String>,
    /// how long a service answer stays fresh (repeatable)
    #[arg(long, value_name = "OP_ID=SECS", value_parser = cache_ttl, help_heading = "Widget service mode (answers credential-less reads of the allow-list itself)")]
    cache_ttl: Vec<(String, Duration)>,
    /// upstream calls a minute for the service token
    #[arg(long, value_name = "N", default_value = "60", value_parser = number, help_heading = "Widget service mode (answers credential-less reads of the allow-list itself)")]
    service_rate: u64,
    /// upstream calls a minute one visitor may cause
    #[arg(long, value_name = "N", default_value = "10", value_parser = number, help_heading = "Widget service mode (answers credential-less reads of the allow-list itself)")]
    visitor_share: u64,
}

impl TryFrom<Args> for Config {
    type Error = String;

    fn try_from(a: Args) -> Result<Config, String> {
        let mut c = Config::new(&a.upstream);
        c.public_origin = a.public_origin.unwrap_or_else(|| format!("http://{}", a.addr));
        c.addr = a.addr;
        c.panel = a.panel;
        c.widgets = a.widgets;
        c.upstream_timeout = Duration::from_secs(a.upstream_timeout.max(1));
        c.max_body = usize::try_from(a.max_body).unwrap_or(usize::MAX);
        c.cors_allow = a.cors_allow_origin;
        c.trust_forwarded = a.trust_forwarded;
        c.sessions = if a.sessions == "memory" { None } else { Some(PathBuf::from(a.sessions)) };
        c.widget_allow = a.widget_allow;
        c.cache_ttl = a.cache_ttl.into_iter().collect();
        c.service_rate = a.service_rate.clamp(1, 100_000) as u32;
        c.visitor_share = a.visitor_share.clamp(1, 100_000) as u32;
        match (a.oauth_client_id, a.oauth_client_secret_file) {
            (Some(client_id), Some(file)) => {
                let client_secret = read_secret("--oauth-client-secret-file", &file)?;
                let redirect_uri = a.oauth_redirect_uri.unwrap_or_else(|| format!("{}/auth/callback", c.public_origin));
                let scopes = a.oauth_scopes.split_whitespace().collect::<Vec<_>>().join(" ");
                let (authorize_url, token_url) = (a.oauth_authorize_url, a.oauth_token_url);
                c.oauth = Some(OAuthConfig { client_id, client_secret, authorize_url, token_url, scopes, redirect_uri });
            }
            (None, None) => {}
            _ => return Err("OAuth needs both --oauth-client-id and --oauth-client-secret-file".into()),
        }
        c.service = match (a.service_token_file, a.service_client_credentials) {
            (Some(_), true) => return Err("choose one of --service-token-file and --service-client-credentials".into()),
            (Some(path), false) => Some(ServiceCredentials::Token(read_secret("--service-token-file", &path)?)),
            (None, true) if c.oauth.is_none() => {
                return Err("--service-client-credentials needs --oauth-client-id and --oauth-client-secret-file".into())
            }
            (None, true) => Some(ServiceCredentials::ClientCredentials),
            (None, false) => None,
        };
        Ok(c)
    }
}

// Value parsers: clap prints "invalid value 'X' for '--flag <V>': " before each message.

fn number(v: &str) -> Result<u64, String> {
    v.parse::<u64>().map_err(|_| "must be a number".into())
}

fn origin(v: &str) -> Result<String, String> {
    http_url(v).map(|url| origin_of(&url))
}

fn cors_origin(v: &str) -> Result<String, String> {
    if v == "*" {
        return Err("takes one origin; * is never allowed with credentials".into());
    }
    origin(v)
}

fn operation_id(op: &str) -> Result<String, String> {
    if webwork_core::ops::CATALOG.iter().any(|o| o.id == op) {
        Ok(op.to_owned())
    } else {
        Err("unknown operation id (see the operation table)".into())
    }
}

fn cache_ttl(v: &str) -> Result<(String, Duration), String> {
    let (op, secs) = v.split_once('=').ok_or("must be OP_ID=SECS")?;
    Ok((operation_id(op)?, Duration::from_secs(number(secs)?)))
}

fn http_url(v: &str) -> Result<String, String> {
    if (v.starts_with("http://") || v.starts_with("https://")) && reqwest::Url::parse(v).is_ok() {
        Ok(v.trim_end_matches('/').to_owned())
    } else {
        Err("must be an http(s) URL".into())
    }
}

/// `scheme://host[:port]` of a URL (the origin a browser sends in `Origin`).
pub fn origin_of(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => url.trim_end_matches('/').to_owned(),
    }
}

fn read_secret(flag: &str, path: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{flag}: cannot read {path}: {e}"))?;
    let secret = text.trim().to_owned();
    if secret.is_empty() {
        return Err(format!("{flag}: {path} is empty"));
    }
    Ok(secret)
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
    fn flags_and_refusals() {
        let c = parse(&["--upstream", "https://api.example.com/api/v2/", "--addr=0.0.0.0:9", "--max-body", "10"]).unwrap();
        assert_eq!(c.upstream, "https://api.example.com/api/v2");
        assert_eq!(c.public_origin, "http://0.0.0.0:9");
        assert_eq!(c.max_body, 10);
        assert_eq!((c.upstream_timeout, c.service_rate, c.visitor_share), (Duration::from_secs(30), 60, 10));
        assert!(c.oauth.is_none() && c.service.is_none() && c.sessions.is_none());
        assert!(refusal(&["--addr", "x"]).contains("--upstream"));
        assert!(refusal(&["--upstream", "ftp://x"]).contains("http(s) URL"));
        assert!(refusal(&["--upstream", "http://x", "--cors-allow-origin", "*"]).contains("never allowed"));
        assert!(refusal(&["--upstream", "http://x", "--oauth-client-id", "a"]).contains("needs both"));
        assert!(refusal(&["--upstream", "http://x", "--widget-allow", "nope"]).contains("unknown operation id"));
        assert!(refusal(&["--upstream", "http://x", "--cache-ttl", "nope=5"]).contains("unknown operation id"));
        assert!(refusal(&["--upstream", "http://x", "--cache-ttl", "getMembers"]).contains("OP_ID=SECS"));
        assert!(refusal(&["--upstream", "http://x", "--max-body", "big"]).contains("must be a number"));
        assert!(refusal(&["--upstream", "http://x", "--service-client-credentials"]).contains("needs --oauth-client-id"));
        assert!(refusal(&["--upstream", "http://x", "--service-token-file", "/nonexistent/token"]).contains("cannot read"));
        assert!(refusal(&["--upstream", "http://x", "--bogus"]).contains("--bogus"));
        assert!(matches!(parse(&["--help"]), Err(FlagsError::Help(text)) if text.contains("--cors-allow-origin <ORIGIN>")));
        let c = parse(&[
            "--upstream",
            "http://x",
            "--public-origin",
            "https://a.example/x",
            "--cache-ttl",
            "getMembers=7",
            "--cors-allow-origin=https://b.example/page",
            "--cors-allow-origin",
            "http://c.example:81",
        ])
        .unwrap();
        assert_eq!(c.public_origin, "https://a.example");
        assert_eq!(c.cache_ttl["getMembers"], Duration::from_secs(7));
        assert_eq!(c.cors_allow, vec!["https://b.example".to_owned(), "http://c.example:81".to_owned()]);
    }

    #[test]
    fn secrets_come_from_files() {
        let dir = std::env::temp_dir().join(format!("webwork-gateway-flags-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (secret, token, empty) = (dir.join("secret"), dir.join("token"), dir.join("empty"));
        std::fs::write(&secret, "s3cret\n").unwrap();
        std::fs::write(&token, "tok\n").unwrap();
        std::fs::write(&empty, "  \n").unwrap();
        let (secret, token, empty) = (secret.to_str().unwrap(), token.to_str().unwrap(), empty.to_str().unwrap());
        let base = ["--upstream", "http://x", "--public-origin", "https://g.example", "--oauth-client-id", "app"];
        let c = parse(
            &[&base[..], &["--oauth-client-secret-file", secret, "--oauth-scopes", " read  write admin ", "--service-client-credentials"]]
                .concat(),
        )
        .unwrap();
        let oauth = c.oauth.as_ref().unwrap();
        assert_eq!((oauth.client_secret.as_str(), oauth.scopes.as_str()), ("s3cret", "read write admin"));
        assert_eq!(oauth.redirect_uri, "https://g.example/auth/callback");
        assert_eq!((oauth.authorize_url.as_str(), oauth.token_url.as_str()), (DEFAULT_AUTHORIZE_URL, DEFAULT_TOKEN_URL));
        assert!(matches!(c.service, Some(ServiceCredentials::ClientCredentials)));
        let c = parse(&["--upstream", "http://x", "--service-token-file", token, "--sessions", "s.db"]).unwrap();
        assert!(matches!(c.service, Some(ServiceCredentials::Token(ref t)) if t == "tok"));
        assert_eq!(c.sessions, Some(PathBuf::from("s.db")));
        assert!(refusal(&[&base[..], &["--oauth-client-secret-file", empty]].concat()).contains("is empty"));
        let both =
            [&base[..], &["--oauth-client-secret-file", secret, "--service-token-file", token, "--service-client-credentials"]].concat();
        assert!(refusal(&both).contains("choose one"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
