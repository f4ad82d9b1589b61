//! `--fail-after-commit`: a share of successful writes commits, then the connection drops before
//! the answer. The client sees a network error (no status at all), yet the write is there; reads
//! and refused writes are never chosen.

use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use webwork_sandbox::config::Config;

use crate::support::*;

fn app_losing(share: f64) -> Arc<App> {
    testing::app_with(Config { fail_after_commit: share, ..Config::for_tests(testing::TODAY) })
}

fn projects_named(app: &Arc<App>, name: &str) -> i64 {
    let db = app.store.lock();
    db.conn.query_row("SELECT COUNT(*) FROM projects WHERE name = ?1", [name], |r| r.get(0)).expect("count query")
}

#[tokio::test]
async fn a_write_whose_answer_is_lost_has_committed() {
    let app = app_losing(1.0);
    let c = client(&app, OWNER);
    let err = c.send(&CreateProject::new(WS, "Lost answer")).await.unwrap_err();
    assert!(matches!(err, ApiError::Network { .. }), "the client sees a network error, not a status: {err:?}");
    assert_eq!(projects_named(&app, "Lost answer"), 1, "the write committed before the answer was lost");
    // The API itself serves it (reads are never faulted).
    let listed = c.send(&ListProjects::new(WS).name("Lost answer")).await.unwrap();
    assert_eq!(listed.len(), 1);
}

/// Over a real socket the client gets no byte of an answer: not even a status line.
#[tokio::test]
async fn over_tcp_the_answer_is_cut_off_after_its_head() {
    let app = app_losing(1.0);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, webwork_sandbox::server::router(app.clone())).await });

    let body = r#"{"workspace_id":1,"name":"Lost over TCP"}"#;
    let request = format!(
        "POST /api/v2/projects HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {OWNER}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    // The server closes the connection; a reset is as good as an end for this test.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), s.read_to_end(&mut answer)).await.expect("the connection closes");
    let text = String::from_utf8_lossy(&answer);
    // The head goes out (a browser resends a request itself when a reused connection closes
    // before any byte), the body does not arrive whole, and the chunked body never ends.
    assert!(text.starts_with("HTTP/1.1 201") || text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(!text.contains(r#""name":"Lost over TCP""#) || !text.ends_with("0\r\n\r\n"), "a whole answer arrived: {text}");
    assert!(!text.ends_with("0\r\n\r\n"), "the body is cut off: {text}");

    let get = format!("GET /api/v2/projects?workspace_id=1&name=Lost%20over%20TCP HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {OWNER}\r\nConnection: close\r\n\r\n");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(get.as_bytes()).await.unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#""name":"Lost over TCP""#), "the write is there: {answer}");
    server.abort();
}

#[tokio::test]
async fn reads_and_refused_writes_keep_their_answers() {
    let app = app_losing(1.0);
    let c = client(&app, OWNER);
    for _ in 0..20 {
        assert!(c.send(&ListProjects::new(WS)).await.is_ok(), "a read is never chosen");
    }
    // A refused write changed nothing, so its answer is not ambiguous and arrives.
    let r = call(&app, OWNER, "POST", "/api/v2/projects", Some(serde_json::json!({"workspace_id": 1}))).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let r = call(&app, OWNER, "POST", "/api/v2/projects", Some(serde_json::json!({"workspace_id": 999, "name": "x"}))).await;
    assert_eq!(r.status, 403, "{}", r.body);
}

#[tokio::test]
async fn a_share_of_writes_loses_its_answer_and_every_write_commits() {
    let app = app_losing(0.2);
    let c = client(&app, OWNER);
    let mut lost = 0;
    for i in 0..200 {
        match c.send(&CreateProject::new(WS, format!("Share {i}"))).await {
            Ok(_) => {}
            Err(ApiError::Network { .. }) => lost += 1,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    // Binomial(200, 0.2): mean 40, sd 5.7; these bounds are more than 4 sd away.
    assert!((15..=70).contains(&lost), "{lost} of 200 answers lost at 0.2");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM projects WHERE name LIKE 'Share %'"), 200, "every write committed");
}
