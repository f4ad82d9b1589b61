//! A minimal HTTP/1.1 client over a Tokio `TcpStream`, enough to POST a webhook to an
//! `http://` URL and read the status code (no TLS, no redirects, no keep-alive).

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Splits `http://host[:port]/path?query` into (host, port, path-and-query).
pub fn split_url(url: &str) -> Option<(String, u16, String)> {
    let rest = url.strip_prefix("http://")?;
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let path = path.split('#').next().unwrap_or("/");
    let path = if path.starts_with('/') { path.to_owned() } else { format!("/{path}") };
    let authority = authority.rsplit('@').next()?;
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, rest) = v6.split_once(']')?;
        let port = rest.strip_prefix(':').map(str::parse).transpose().ok()?.unwrap_or(80);
        (h.to_owned(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_owned(), p.parse().ok()?),
            None => (authority.to_owned(), 80),
        }
    };
    (!host.is_empty()).then_some((host, port, path))
}

/// POSTs `body` and returns the response's status code.
pub async fn post(url: &str, headers: &[(&str, &str)], body: &[u8], timeout: Duration) -> Result<u16, String> {
    let (host, port, path) = split_url(url).ok_or_else(|| format!("not an http:// URL: {url}"))?;
    let work = async {
        let mut stream = TcpStream::connect((host.as_str(), port)).await.map_err(|e| e.to_string())?;
        let host_header = if port == 80 { host.clone() } else { format!("{host}:{port}") };
        let mut head = format!("POST {path} HTTP/1.1\r\nHost: {host_header}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
        for (k, v) in headers {
            // Header values come from our own data; strip line breaks all the same.
            let v: String = v.chars().filter(|c| *c != '\r' && *c != '\n').collect();
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.map_err(|e| e.to_string())?;
        stream.write_all(body).await.map_err(|e| e.to_string())?;
        stream.flush().await.map_err(|e| e.to_string())?;
        // Only the status line matters.
        let mut buf = Vec::with_capacity(256);
        let mut chunk = [0u8; 256];
        while !buf.windows(2).any(|w| w == b"\r\n") && buf.len() < 8192 {
            let n = stream.read(&mut chunk).await.map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let line = String::from_utf8_lossy(&buf);
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| "no HTTP status line in the answer".to_owned())?;
        Ok(status)
    };
    tokio::time::timeout(timeout, work).await.map_err(|_| "timed out".to_owned())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(split_url("http://127.0.0.1:9000/hook?x=1"), Some(("127.0.0.1".into(), 9000, "/hook?x=1".into())));
        assert_eq!(split_url("http://example.com"), Some(("example.com".into(), 80, "/".into())));
        assert_eq!(split_url("http://[::1]:81/a"), Some(("::1".into(), 81, "/a".into())));
        assert_eq!(split_url("https://example.com"), None);
    }
}
