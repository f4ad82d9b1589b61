//! Command-line flags, parsed by hand like the sandbox's (no argument-parsing dependency: a
//! dozen flags do not need one, and `--help` stays one readable text).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
webwork-gateway: serves the WebWork admin panel and widgets and forwards /api/v2 to the real API

USAGE:
    webwork-gateway --upstream URL [FLAGS]

FLAGS:
    --upstream URL                 the API v2 base, e.g. https://api.webwork-tracker.com/api/v2 (required)
    --addr HOST:PORT               where to listen (default 127.0.0.1:8080)
    --public-origin URL            the origin browsers see, e.g. https://intranet.example.com
                                   (default http://ADDR); used for the redirect URI and the CSRF check
    --panel DIR                    the built admin panel (trunk build) at / with SPA fallback
    --widgets DIR                  the widget folder (cargo xtask widgets) at /widgets/
    --upstream-timeout SECS        give up on the API after SECS (default 30) -> 504
    --max-body BYTES               largest request body accepted (default 1048576) -> 413
    --cors-allow-origin ORIGIN     an origin allowed to call with credentials (repeatable; never *)
    --trust-forwarded              take the visitor's address from X-Forwarded-For (behind a proxy)

  OAuth2 backend-for-frontend (needs both of the first two):
    --oauth-client-id ID
    --oauth-client-secret-file PATH   the client secret, in a file (not on the command line)
    --oauth-authorize-url URL      (default https://webwork-tracker.com/oauth/authorize)
    --oauth-token-url URL          (default https://webwork-tracker.com/oauth/token; inferred)
    --oauth-scopes \"S S\"           (default \"read write\")
    --oauth-redirect-uri URL       (default PUBLIC_ORIGIN/auth/callback)
    --sessions PATH|memory         where sessions live (default memory)

  Widget service mode (answers credential-less reads of the allow-list itself):
    --service-token-file PATH      a personal token, in a file
    --service-client-credentials   get the token with the OAuth client's client_credentials grant
    --widget-allow OP_ID           add a GET operation to the allow-list (repeatable)
    --cache-ttl OP_ID=SECS         how long a service answer stays fresh (repeatable)
    --service-rate N               upstream calls a minute for the service token (default 60)
    --visitor-share N              upstream calls a minute one visitor may cause (default 10)

    --help                         print this help
";

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

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Run(Box<Config>),
    Help,
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

    /// Parses flags (without the program name); `--flag value` and `--flag=value` both work.
    /// Reads the secret files named on the command line.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
        let mut upstream = None;
        let mut c = Config::new("");
        let mut public_origin = None;
        let (mut client_id, mut secret_file, mut redirect) = (None, None, None);
        let mut authorize_url = DEFAULT_AUTHORIZE_URL.to_owned();
        let mut token_url = DEFAULT_TOKEN_URL.to_owned();
        let mut scopes = "read write".to_owned();
        let mut client_credentials = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, String> {
                inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"))
            };
            let number = |name: &str, v: String| -> Result<u64, String> {
                v.parse::<u64>().map_err(|_| format!("{name} must be a number, not {v:?}"))
            };
            match flag.as_str() {
                "--help" | "-h" => return Ok(Command::Help),
                "--upstream" => upstream = Some(http_url("--upstream", value("--upstream")?)?),
                "--addr" => c.addr = value("--addr")?,
                "--public-origin" => public_origin = Some(origin_of(&http_url("--public-origin", value("--public-origin")?)?)),
                "--panel" => c.panel = Some(PathBuf::from(value("--panel")?)),
                "--widgets" => c.widgets = Some(PathBuf::from(value("--widgets")?)),
                "--upstream-timeout" => {
                    let secs = number("--upstream-timeout", value("--upstream-timeout")?)?;
                    c.upstream_timeout = Duration::from_secs(secs.max(1));
                }
                "--max-body" => c.max_body = number("--max-body", value("--max-body")?)? as usize,
                "--cors-allow-origin" => {
                    let v = value("--cors-allow-origin")?;
                    if v == "*" {
                        return Err("--cors-allow-origin takes one origin; * is never allowed with credentials".into());
                    }
                    c.cors_allow.push(origin_of(&http_url("--cors-allow-origin", v)?));
                }
                "--trust-forwarded" => c.trust_forwarded = true,
                "--oauth-client-id" => client_id = Some(value("--oauth-client-id")?),
                "--oauth-client-secret-file" => secret_file = Some(value("--oauth-client-secret-file")?),
                "--oauth-authorize-url" => authorize_url = http_url("--oauth-authorize-url", value("--oauth-authorize-url")?)?,
                "--oauth-token-url" => token_url = http_url("--oauth-token-url", value("--oauth-token-url")?)?,
                "--oauth-scopes" => scopes = value("--oauth-scopes")?.split_whitespace().collect::<Vec<_>>().join(" "),
                "--oauth-redirect-uri" => redirect = Some(http_url("--oauth-redirect-uri", value("--oauth-redirect-uri")?)?),
                "--sessions" => {
                    let v = value("--sessions")?;
                    c.sessions = if v == "memory" { None } else { Some(PathBuf::from(v)) };
                }
                "--service-token-file" => {
                    let path = value("--service-token-file")?;
                    c.service = Some(ServiceCredentials::Token(read_secret("--service-token-file", &path)?));
                }
                "--service-client-credentials" => client_credentials = true,
                "--widget-allow" => c.widget_allow.push(value("--widget-allow")?),
                "--cache-ttl" => {
                    let v = value("--cache-ttl")?;
                    let (op, secs) = v.split_once('=').ok_or_else(|| format!("--cache-ttl must be OP_ID=SECS, not {v:?}"))?;
                    c.cache_ttl.insert(op.to_owned(), Duration::from_secs(number("--cache-ttl", secs.to_owned())?));
                }
                "--service-rate" => c.service_rate = number("--service-rate", value("--service-rate")?)?.clamp(1, 100_000) as u32,
                "--visitor-share" => c.visitor_share = number("--visitor-share", value("--visitor-share")?)?.clamp(1, 100_000) as u32,
                other => return Err(format!("unknown flag {other:?} (see --help)")),
            }
        }
        c.upstream = upstream.ok_or("--upstream URL is required (see --help)")?.trim_end_matches('/').to_owned();
        c.public_origin = public_origin.unwrap_or_else(|| format!("http://{}", c.addr));
        match (client_id, secret_file) {
            (Some(client_id), Some(file)) => {
                let client_secret = read_secret("--oauth-client-secret-file", &file)?;
                let redirect_uri = redirect.unwrap_or_else(|| format!("{}/auth/callback", c.public_origin));
                c.oauth = Some(OAuthConfig { client_id, client_secret, authorize_url, token_url, scopes, redirect_uri });
            }
            (None, None) => {}
            _ => return Err("OAuth needs both --oauth-client-id and --oauth-client-secret-file".into()),
        }
        if client_credentials {
            if c.oauth.is_none() {
                return Err("--service-client-credentials needs --oauth-client-id and --oauth-client-secret-file".into());
            }
            if c.service.is_some() {
                return Err("choose one of --service-token-file and --service-client-credentials".into());
            }
            c.service = Some(ServiceCredentials::ClientCredentials);
        }
        for op in c.widget_allow.iter().chain(c.cache_ttl.keys()) {
            if !webwork_core::ops::CATALOG.iter().any(|o| o.id == op) {
                return Err(format!("unknown operation id {op:?} (see the operation table)"));
            }
        }
        Ok(Command::Run(Box::new(c)))
    }
}

fn http_url(flag: &str, v: String) -> Result<String, String> {
    if (v.starts_with("http://") || v.starts_with("https://")) && reqwest::Url::parse(&v).is_ok() {
        Ok(v.trim_end_matches('/').to_owned())
    } else {
        Err(format!("{flag} must be an http(s) URL, not {v:?}"))
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

    fn parse(args: &[&str]) -> Result<Command, String> {
        Config::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags_and_refusals() {
        let Command::Run(c) = parse(&["--upstream", "https://api.example.com/api/v2/", "--addr=0.0.0.0:9", "--max-body", "10"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(c.upstream, "https://api.example.com/api/v2");
        assert_eq!(c.public_origin, "http://0.0.0.0:9");
        assert_eq!(c.max_body, 10);
        assert!(parse(&["--addr", "x"]).unwrap_err().contains("--upstream"));
        assert!(parse(&["--upstream", "ftp://x"]).is_err());
        assert!(parse(&["--upstream", "http://x", "--cors-allow-origin", "*"]).is_err());
        assert!(parse(&["--upstream", "http://x", "--oauth-client-id", "a"]).is_err());
        assert!(parse(&["--upstream", "http://x", "--widget-allow", "nope"]).is_err());
        assert!(parse(&["--upstream", "http://x", "--service-client-credentials"]).is_err());
        assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
        let Command::Run(c) =
            parse(&["--upstream", "http://x", "--public-origin", "https://a.example/x", "--cache-ttl", "getMembers=7"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(c.public_origin, "https://a.example");
        assert_eq!(c.cache_ttl["getMembers"], Duration::from_secs(7));
    }
}
