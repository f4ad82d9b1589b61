//! Static files for `--serve DIR` (the built admin panel) and `--mount /PREFIX=DIR` (the widget
//! demo at /widgets/), with the single-page
//! app fallback: a path that is not a file (and not under /api) gets index.html. Paths whose
//! last segment looks like a file name (has a dot) answer 404 when missing, so a missing script
//! is not answered with HTML.
//!
//! A file with a compressed copy beside it (`app.wasm.br`, `app.wasm.gz`, written by `cargo xtask`
//! after a build) is sent as that copy when the browser accepts its encoding and the copy is not
//! older than the file: the panel's wasm is 1.7 MB raw, 0.5 MB as brotli.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use super::envelope::HttpError;
use super::App;

const LANDING: &str = "<!doctype html><meta charset=utf-8><title>webwork-sandbox</title>\
<h1>webwork-sandbox</h1><p>The WebWork Tracker API v2 emulator is running: the API is at \
<code>/api/v2</code>, its OpenAPI document at <a href=\"/api/v2/openapi.json\">/api/v2/openapi.json</a>. \
Start it with <code>--serve DIR</code> to serve a web app here.</p>";

pub async fn serve(State(app): State<Arc<App>>, req: Request) -> Response {
    let ts = app.store.clock.now_iso();
    let path = req.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return HttpError::new(404, "The requested endpoint does not exist.").into_response_at(&ts);
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return HttpError::new(405, "Only GET is allowed for static files.").into_response_at(&ts);
    }
    let accepted = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    // `--mount /PREFIX=DIR`: the prefix without its slash redirects, so relative URLs resolve.
    if let Some((prefix, dir)) = app.config.mounts.iter().find(|(p, _)| path == *p || path.starts_with(&format!("{p}/"))) {
        if path == *prefix {
            let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
            return (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, format!("{prefix}/{query}"))]).into_response();
        }
        return match resolve(dir, &path[prefix.len()..]).await {
            Some(file) => file_response(&file, &accepted).await,
            None => HttpError::new(404, "Not found.").into_response_at(&ts),
        };
    }
    let Some(dir) = app.config.serve.clone() else {
        if path == "/" {
            return ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], LANDING).into_response();
        }
        return HttpError::new(404, "Not found.").into_response_at(&ts);
    };
    let Some(file) = resolve(&dir, &path).await else {
        return HttpError::new(404, "Not found.").into_response_at(&ts);
    };
    file_response(&file, &accepted).await
}

async fn file_response(file: &Path, accepted: &str) -> Response {
    let (body_file, encoding) = match precompressed(file, accepted).await {
        Some((copy, encoding)) => (copy, Some(encoding)),
        None => (file.to_path_buf(), None),
    };
    match tokio::fs::read(&body_file).await {
        Ok(bytes) => {
            let mut resp = Response::new(Body::from(bytes));
            let headers = resp.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(file)));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            if let Some(encoding) = encoding {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
            }
            resp
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The compressed copy of `file` to send for `accept_encoding`, brotli first: one that exists,
/// is not older than the file (a rebuild without compressing again must not send old bytes), and
/// whose encoding the browser accepts (`q=0` refuses).
async fn precompressed(file: &Path, accept_encoding: &str) -> Option<(PathBuf, &'static str)> {
    let accepts = |name: &str| {
        accept_encoding.split(',').any(|item| {
            let mut parts = item.split(';').map(str::trim);
            parts.next().is_some_and(|token| token.eq_ignore_ascii_case(name))
                && !parts.any(|p| p.strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()) == Some(0.0))
        })
    };
    let source = tokio::fs::metadata(file).await.ok()?.modified().ok()?;
    for (extension, encoding) in [("br", "br"), ("gz", "gzip")] {
        if !accepts(encoding) {
            continue;
        }
        let mut name = file.as_os_str().to_owned();
        name.push(format!(".{extension}"));
        let copy = PathBuf::from(name);
        let fresh = tokio::fs::metadata(&copy).await.ok().and_then(|m| m.modified().ok()).is_some_and(|t| t >= source);
        if fresh {
            return Some((copy, encoding));
        }
    }
    None
}

/// The file for a URL path: the file itself, a directory's index.html, or the SPA fallback.
async fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = webwork_core::ops::routes::percent_decode(url_path);
    let mut file = dir.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0') {
            return None;
        }
        file.push(seg);
    }
    if is_file(&file).await {
        return Some(file);
    }
    let index = file.join("index.html");
    if is_file(&index).await {
        return Some(index);
    }
    let last = decoded.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return None;
    }
    let root_index = dir.join("index.html");
    is_file(&root_index).await.then_some(root_index)
}

async fn is_file(p: &Path) -> bool {
    tokio::fs::metadata(p).await.is_ok_and(|m| m.is_file())
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
