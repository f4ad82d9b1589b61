//! The built panel at `/` (SPA fallback to index.html for paths without a file extension) and the
//! widget folder at `/widgets/`. tower-http's `ServeDir` does the file work (content types from
//! the extension, `..` refused, ranges, conditional requests); this module adds the caching rule
//! and the Content-Security-Policy of HTML answers.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::util::envelope;

/// Whether every compressed copy of `file` (`.br`, `.gz` beside it) is at least as new as the
/// file; true when there is none. (tokio's `metadata`: a `stat` off the request threads.)
async fn copies_are_fresh(dir: &Path, file: &str) -> bool {
    async fn modified(path: &Path) -> Option<std::time::SystemTime> {
        tokio::fs::metadata(path).await.ok()?.modified().ok()
    }
    let path = dir.join(file.trim_start_matches('/'));
    let Some(source) = modified(&path).await else { return true };
    for extension in ["br", "gz"] {
        let mut copy = path.clone().into_os_string();
        copy.push(format!(".{extension}"));
        if modified(Path::new(&copy)).await.is_some_and(|t| t < source) {
            return false;
        }
    }
    true
}

/// One served folder. The CSP of an HTML file is computed from the file as it is when served, so
/// a new deployment's `index.html` (new inline loader, new hashes) works without a restart.
pub struct Site {
    dir: PathBuf,
    /// The authorize URL's origin, which sign-in forms post to.
    form_origin: Option<String>,
}

pub struct Statics {
    pub panel: Option<Site>,
    pub widgets: Option<Site>,
}

impl Statics {
    /// `form_origin`: the authorize URL's origin (forms post there to sign in), if OAuth is on.
    pub fn new(panel: Option<&Path>, widgets: Option<&Path>, form_origin: Option<&str>) -> Self {
        let site = |dir: &Path| Site { dir: dir.to_path_buf(), form_origin: form_origin.map(str::to_owned) };
        Statics { panel: panel.map(site), widgets: widgets.map(site) }
    }
}

impl Site {
    /// The CSP for `file` as it is now: its own inline scripts allowed by hash, no other. (A
    /// few KB hashed per HTML answer; an unreadable file gets no inline script.)
    async fn csp_for(&self, file: &str) -> String {
        let html = tokio::fs::read_to_string(self.dir.join(file.trim_start_matches('/'))).await.unwrap_or_default();
        policy(&inline_script_hashes(&html), self.form_origin.as_deref())
    }
}

/// The CSP of an HTML answer: scripts from the origin and the page's own inline scripts only,
/// WebAssembly compilation allowed (`'wasm-unsafe-eval'`), never `'unsafe-eval'`. Styles allow
/// inline because the panel and widgets set `style` attributes (bar widths, colours); styles
/// cannot run code.
pub fn policy(hashes: &[String], form_origin: Option<&str>) -> String {
    let scripts: String = hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    let forms = form_origin.map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; form-action 'self'{forms}; frame-ancestors 'self'; base-uri 'self'; object-src 'none'"
    )
}

/// sha256 (base64) of the text of every `<script>` without `src` (Trunk's loader, the theme script).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        let Some(open_end) = lower[start..].find('>').map(|i| start + i + 1) else { break };
        let Some(close) = lower[open_end..].find("</script").map(|i| open_end + i) else { break };
        let tag = &lower[start..open_end];
        if !tag.contains(" src=") && !tag.contains(" src =") {
            let digest = Sha256::digest(&html.as_bytes()[open_end..close]);
            let hash = base64::engine::general_purpose::STANDARD.encode(digest);
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        at = close;
    }
    hashes
}

/// Trunk's content-hashed names (`name-<16 hex>.ext`, `name-<16 hex>_bg.wasm`) never change
/// content, so they may be cached for a year; everything else must be revalidated.
pub fn is_hashed_name(name: &str) -> bool {
    let b = name.as_bytes();
    b.windows(18).any(|w| w[0] == b'-' && w[1..17].iter().all(u8::is_ascii_hexdigit) && (w[17] == b'.' || w[17] == b'_'))
}

pub async fn serve(statics: &Statics, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    // Unknown API and auth paths are not the single-page app's routes.
    if path == "/api" || path.starts_with("/api/") || path.starts_with("/auth/") {
        return envelope(404, "The requested endpoint does not exist.");
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return envelope(405, "Only GET is allowed for static files.");
    }
    let (site, rel, spa) = if path == "/widgets" {
        let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
        return (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, format!("/widgets/{query}"))]).into_response();
    } else if let Some(rest) = path.strip_prefix("/widgets/") {
        (statics.widgets.as_ref(), format!("/{rest}"), false)
    } else {
        (statics.panel.as_ref(), path.clone(), true)
    };
    let Some(site) = site else {
        return envelope(404, "Not found.");
    };
    let last = rel.rsplit('/').next().unwrap_or("");
    // The single-page app's own routes (`/w/1/members`) get index.html; a missing `x.js` stays 404.
    let file = if rel.ends_with('/') {
        format!("{rel}index.html")
    } else if spa && !last.contains('.') {
        "/index.html".to_owned()
    } else {
        rel.clone()
    };
    let (mut parts, _) = req.into_parts();
    parts.uri = match Uri::builder().path_and_query(file.as_str()).build() {
        Ok(uri) => uri,
        Err(_) => return envelope(400, "Bad path."),
    };
    let serve = ServeDir::new(&site.dir).append_index_html_on_directories(false);
    // Compressed copies written by `cargo xtask` (brotli 11 is 130 KB smaller than the on-the-fly
    // brotli of the panel's wasm), unless one is older than its file: then the file, compressed
    // as it goes.
    let serve = if copies_are_fresh(&site.dir, &file).await { serve.precompressed_br().precompressed_gzip() } else { serve };
    let resp = match serve.oneshot(Request::from_parts(parts, Body::empty())).await {
        Ok(resp) => resp.map(Body::new),
        Err(_) => return envelope(500, "The file could not be read."),
    };
    let mut resp = resp.into_response();
    if resp.status() == StatusCode::NOT_FOUND {
        return envelope(404, "Not found.");
    }
    let name = file.rsplit('/').next().unwrap_or("");
    let cache = if is_hashed_name(name) { "public, max-age=31536000, immutable" } else { "no-cache" };
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    let is_html = resp.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    if is_html {
        if let Ok(v) = HeaderValue::from_str(&site.csp_for(&file).await) {
            resp.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
        resp.headers_mut().insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        resp.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_names() {
        let html = "<script>a()</script><SCRIPT type=module>b()</SCRIPT><script src=x.js></script>";
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0], base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a()")));
        assert!(is_hashed_name("webwork-admin-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_name("admin-0123456789abcdef.css"));
        assert!(!is_hashed_name("index.html"));
        assert!(!is_hashed_name("webwork-widgets.js"));
        let p = policy(&h, Some("https://auth.example"));
        assert!(p.contains("'wasm-unsafe-eval'") && !p.contains("'unsafe-eval'"));
        assert!(p.contains("form-action 'self' https://auth.example"));
    }
}
