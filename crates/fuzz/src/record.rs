//! `webwork-fuzz --record http://127.0.0.1:PORT/api/v2 [--token T]`: asks a running sandbox
//! (demo seed) every read operation of the table and writes the answers as the fuzzer's seed
//! corpus (JSON on stdout; committed as corpus/answers.json). Plain HTTP/1.0 over std's
//! TcpStream: the sandbox is local, and the fuzzer needs no HTTP client for anything else.

use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::{json, Map, Value};
use webwork_core::ops::{request_for, Method, CATALOG};
use webwork_core::params::ParamKind;

/// Parameters for `op` that the builder accepts and that name the demo seed's data: workspace 1,
/// ids 1 and 2, the week of the seed's `--today` (2026-03-04).
fn params(op: &webwork_core::ops::OpInfo, choice: usize) -> Map<String, Value> {
    let mut out = Map::new();
    for p in op.params.iter().filter(|p| p.required || p.name == "project_id") {
        let late = p.name.starts_with("end") || p.name.ends_with("_to");
        let v = match p.kind {
            ParamKind::Integer if p.name == "workspace_id" => json!(1),
            ParamKind::Integer => json!(1 + choice),
            ParamKind::Number => json!(1.5),
            ParamKind::Boolean | ParamKind::Flag => json!(1),
            ParamKind::String => json!((1 + choice).to_string()),
            ParamKind::Date => json!(if late { "2026-03-04" } else { "2026-03-01" }),
            ParamKind::Time => json!(if late { "17:00" } else { "09:00" }),
            ParamKind::DateTime => json!(if late { "2026-03-04T17:00:00Z" } else { "2026-03-01T09:00:00Z" }),
            ParamKind::Email => json!("ann.lee@example.com"),
            ParamKind::Url => json!("https://example.com/hook"),
            ParamKind::IntegerList => json!([1, 2]),
            ParamKind::StringList => json!(["1"]),
            ParamKind::Enum(v) => json!(v[choice % v.len()]),
            ParamKind::EnumList(v) => json!([v[choice % v.len()]]),
            ParamKind::IntEnum(c) => json!(c[choice % c.len()]),
        };
        out.insert(p.name.to_owned(), v);
    }
    if op.per_page_max.is_some() {
        out.insert("per_page".into(), json!(5));
    }
    out
}

/// `GET url` with a bearer token: (status, body).
fn get(url: &str, token: &str) -> Result<(u16, Vec<u8>), String> {
    let rest = url.strip_prefix("http://").ok_or("only http:// URLs (a local sandbox)")?;
    let (host, path) = rest.split_once('/').map(|(h, p)| (h, format!("/{p}"))).unwrap_or((rest, "/".into()));
    let mut stream = TcpStream::connect(host).map_err(|e| format!("{host}: {e}"))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\n\r\n")
        .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no header end")?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or("no status")?;
    Ok((status, raw[split + 4..].to_vec()))
}

/// Every read operation, two parameter choices each; answers that are JSON, deduplicated.
pub fn record(base: &str, token: &str) -> Result<Value, String> {
    let mut answers = Vec::new();
    for op in CATALOG.iter().filter(|op| op.method == Method::Get) {
        let mut seen = Vec::new();
        for choice in 0..2 {
            let Ok(request) = request_for(op.id, &params(op, choice)) else { continue };
            let (status, body) = get(&request.url(base), token)?;
            let Ok(body) = serde_json::from_slice::<Value>(&body) else { continue };
            if !seen.contains(&body) {
                seen.push(body.clone());
                answers.push(json!({"op": op.id, "status": status, "body": body}));
            }
        }
    }
    Ok(Value::Array(answers))
}
