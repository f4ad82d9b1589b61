//! Durability: the real binary on a file, writes acknowledged, SIGKILL, restart: every
//! acknowledged write is there. The soak does it again and again under concurrent writers
//! (short here; `cargo xtask bench soak --minutes 10` runs it for 10 minutes, a kill every 30 s).

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
    let mut s = TcpStream::connect_timeout(&std::net::SocketAddr::from(([127, 0, 0, 1], port)), Duration::from_secs(5))?;
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

/// A whole number from the environment, else `default` (the bench sets the long run's figures).
fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The sandbox process, killed however the test ends (a failed assertion included).
struct Running(Child);

impl Running {
    /// SIGKILL (no shutdown, no flush), then a restart on the same file and port.
    fn kill_and_restart(&mut self, db: &std::path::Path, port: u16) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
        self.0 = start(db, port);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What one writer saw: the projects it created with a complete 201 (id, name), the names whose
/// answer never came (the sandbox was killed in between), and its own project's notes counter:
/// the last value acknowledged and the last one sent.
#[derive(Default)]
struct Writer {
    acknowledged: Vec<(u64, String)>,
    unanswered: Vec<String>,
    own_project: u64,
    notes_acknowledged: u64,
    notes_sent: u64,
}

impl Writer {
    /// Creates a project; false when the answer did not arrive.
    fn create(&mut self, port: u16, name: String) -> bool {
        match http(port, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": name}))) {
            Ok((201, body)) if body["data"]["id"].is_u64() => {
                self.acknowledged.push((body["data"]["id"].as_u64().unwrap(), name));
                true
            }
            // No answer, or one cut short by the kill (status 0, or a 201 without its body).
            Err(_) | Ok((0 | 201, _)) => {
                self.unanswered.push(name);
                false
            }
            Ok((status, body)) => panic!("a create answered {status}: {body}"),
        }
    }

    /// Sets the own project's notes to `n`; false when the answer did not arrive.
    fn update(&mut self, port: u16, n: u64) -> bool {
        self.notes_sent = n;
        let path = format!("/api/v2/projects/{}", self.own_project);
        match http(port, "PUT", &path, Some(json!({"workspace_id": 1, "notes": n.to_string()}))) {
            Ok((200, body)) if body["data"]["id"].is_u64() => {
                self.notes_acknowledged = n;
                true
            }
            Err(_) | Ok((0 | 200, _)) => false,
            Ok((status, body)) => panic!("an update answered {status}: {body}"),
        }
    }
}

/// Writers create projects and update one of their own as fast as they can while the sandbox is
/// killed with SIGKILL every `WEBWORK_SOAK_KILL_EVERY` seconds (default 12) for
/// `WEBWORK_SOAK_SECONDS` (default 40: 3 kills), then once more after they stop. After the last
/// restart every acknowledged creation is in the database and served by the API, and no
/// acknowledged update is undone. Answers lost to a kill are ambiguous: counted, never asserted.
#[test]
fn writes_under_repeated_sigkill_are_never_lost() {
    const WRITERS: usize = 4;
    let seconds = Duration::from_secs(env_u64("WEBWORK_SOAK_SECONDS", 40));
    let kill_every = Duration::from_secs(env_u64("WEBWORK_SOAK_KILL_EVERY", 12).max(1));
    let dir = std::env::temp_dir().join(format!("webwork-sandbox-soak-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("sandbox.db");
    let port = free_port();
    let mut sandbox = Running(start(&db, port));

    let stop = std::sync::atomic::AtomicBool::new(false);
    let started = Instant::now();
    let mut kills = 0u32;
    let writers: Vec<Writer> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let stop = &stop;
                scope.spawn(move || {
                    let mut me = Writer::default();
                    let (status, body) =
                        http(port, "POST", "/api/v2/projects", Some(json!({"workspace_id": 1, "name": format!("Soak own {w}")}))).unwrap();
                    assert_eq!(status, 201, "{body}");
                    me.own_project = body["data"]["id"].as_u64().unwrap();
                    let mut n = 0u64;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        n += 1;
                        let answered = if n % 2 == 1 { me.create(port, format!("Soak w{w} n{n}")) } else { me.update(port, n) };
                        if !answered {
                            // The sandbox is down: try again shortly, with the next write.
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                    me
                })
            })
            .collect();
        let sleep_until = |at: Duration| std::thread::sleep(at.saturating_sub(started.elapsed()));
        while kill_every * (kills + 1) < seconds {
            sleep_until(kill_every * (kills + 1));
            sandbox.kill_and_restart(&db, port);
            kills += 1;
        }
        sleep_until(seconds);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        handles.into_iter().map(|h| h.join().expect("a writer panicked")).collect()
    });
    // A last kill after the writers stopped: what the restart finds is what was on disk.
    sandbox.kill_and_restart(&db, port);
    kills += 1;

    let stored: std::collections::HashMap<u64, String> = {
        let conn = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut stmt = conn.prepare("SELECT id, name FROM projects WHERE name LIKE 'Soak %'").unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, String>(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let acknowledged: usize = writers.iter().map(|w| w.acknowledged.len()).sum();
    let unanswered: usize = writers.iter().map(|w| w.unanswered.len()).sum();
    let names: std::collections::HashSet<&String> = stored.values().collect();
    let unanswered_committed = writers.iter().flat_map(|w| &w.unanswered).filter(|n| names.contains(n)).count();
    let lost: Vec<&(u64, String)> =
        writers.iter().flat_map(|w| &w.acknowledged).filter(|(id, name)| stored.get(id) != Some(name)).collect();
    println!(
        "soak: {kills} kills (SIGKILL) in {:.0} s, {WRITERS} writers: {acknowledged} creates acknowledged, {} lost; \
         {unanswered} creates unanswered because of a kill ({unanswered_committed} of them committed anyway)",
        started.elapsed().as_secs_f64(),
        lost.len()
    );
    assert!(kills >= 3, "the soak killed the sandbox only {kills} times");
    assert!(acknowledged >= 20 * WRITERS, "too few writes to prove anything: {acknowledged}");
    assert!(lost.is_empty(), "acknowledged creates missing after a kill: {:?}", &lost[..lost.len().min(10)]);

    // The API serves them too: each writer's last creates; and its project's notes are at least
    // the last update acknowledged (a later, unanswered one may have committed).
    for w in &writers {
        for (id, name) in w.acknowledged.iter().rev().take(5) {
            let (status, body) = http(port, "GET", &format!("/api/v2/projects/{id}?workspace_id=1"), None).unwrap();
            assert_eq!((status, body["data"]["name"].as_str()), (200, Some(name.as_str())), "{body}");
        }
        let (_, body) = http(port, "GET", &format!("/api/v2/projects/{}?workspace_id=1", w.own_project), None).unwrap();
        let notes: u64 = body["data"]["notes"].as_str().and_then(|n| n.parse().ok()).unwrap_or(0);
        assert!(
            (w.notes_acknowledged..=w.notes_sent).contains(&notes),
            "project {} notes {notes}: acknowledged {}, last sent {}",
            w.own_project,
            w.notes_acknowledged,
            w.notes_sent
        );
    }
    drop(sandbox);
    let _ = std::fs::remove_dir_all(&dir);
}
