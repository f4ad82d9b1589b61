//! Durability: the real binary on a file, writes acknowledged, SIGKILL, restart: every
//! acknowledged write is there.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(db: &std::path::Path, port: u16) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_webwork-sandbox"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--rate-limit",
            "off",
            "--access",
            "reference",
            "--today",
            webwork_sandbox::testing::TODAY,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the sandbox binary starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok((200, _)) = http(port, "GET", "/api/v2/openapi.json", None) {
            return child;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the sandbox did not come up on port {port}");
}

/// A minimal blocking HTTP/1.1 exchange as demo-owner.
fn http(port: u16, method: &str, path: &str, body: Option<Value>) -> std::io::Result<(u16, Value)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-owner\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut out = Vec::new();
    s.read_to_end(&mut out)?;
    let text = String::from_utf8_lossy(&out);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, serde_json::from_str(rest).unwrap_or(Value::Null)))
}

#[test]
fn kill_and_restart_keeps_every_acknowledged_write() {
    let dir = std::env::temp_dir().join(format!("webwork-sandbox-durability-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("sandbox.db");
    let port = free_port();
    let mut child = start(&db, port);

    let mut acknowledged = Vec::new();
    for i in 0..15 {
        let (status, body) =
            http(port, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": format!("Durable {i}")}))).unwrap();
        assert_eq!(status, 201, "{body}");
        acknowledged.push(body["data"]["id"].as_u64().unwrap());
    }
    let (status, _) =
        http(port, "PUT", "/api/v2/projects/1", Some(json!({"workspace_id": 1, "notes": "written before the crash"}))).unwrap();
    assert_eq!(status, 200);
    let (status, _) = http(port, "DELETE", "/api/v2/members/30", Some(json!({"workspace_id": 1}))).unwrap();
    assert_eq!(status, 200);

    // SIGKILL: no shutdown, no flush.
    child.kill().unwrap();
    child.wait().unwrap();

    let mut child = start(&db, port);
    let (status, body) = http(port, "GET", "/api/v2/projects?workspace_id=1&name=Durable&per_page=100", None).unwrap();
    assert_eq!(status, 200);
    let mut ids: Vec<u64> = body["data"].as_array().unwrap().iter().map(|p| p["id"].as_u64().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, acknowledged);
    let (_, body) = http(port, "GET", "/api/v2/projects/1?workspace_id=1", None).unwrap();
    assert_eq!(body["data"]["notes"], "written before the crash");
    let (_, body) = http(port, "GET", "/api/v2/members/30?workspace_id=1", None).unwrap();
    assert!(body["data"]["deleted_at"].is_string());
    // The restart did not seed again.
    let (_, body) = http(port, "GET", "/api/v2/projects?workspace_id=1&name=Website", None).unwrap();
    assert_eq!(body["data"].as_array().unwrap().len(), 1);

    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
