//! Time tracking: start, stop (a real time entry with the clock's duration), current data,
//! one tracker per person, validation, roles and isolation.

use serde_json::json;
use webwork_sandbox::clock;

use crate::support::*;

/// Moves the running tracker of `user` back by `minutes` (and five seconds); returns the new
/// start in Unix ms.
fn backdate(app: &std::sync::Arc<App>, user: i64, minutes: i64) -> i64 {
    let db = app.store.lock();
    let started: String = db.conn.query_row("SELECT started_at FROM running_trackers WHERE user_id = ?1", [user], |r| r.get(0)).unwrap();
    let ms = clock::parse_iso(&started).unwrap() - minutes * 60_000 - 5_000;
    db.conn.execute("UPDATE running_trackers SET started_at = ?2 WHERE user_id = ?1", rusqlite::params![user, clock::iso(ms)]).unwrap();
    ms
}

/// Minutes since midnight UTC now (the sandbox's clock only shifts whole days).
/// Minutes since midnight UTC on the sandbox's clock (tests start it at 09:00).
fn minutes_today(app: &std::sync::Arc<App>) -> i64 {
    app.store.clock.now_ms().rem_euclid(86_400_000) / 60_000
}

#[tokio::test]
async fn start_stop_writes_an_entry_with_the_tracked_duration() {
    let app = app();
    let c = client(&app, OWNER);
    let contract = c.send(&ListContracts::new(WS).user_id(5u64).project_id(1u64)).await.unwrap()[0].clone();
    let task = c.send(&ListTasks::new(WS).project_id(1u64)).await.unwrap()[0].clone();

    let reply = c
        .send_reply(&StartTracking::new(WS, 5u64).contract_id(contract.id).task_id(task.id).activity_description("Pairing on the header"))
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.message.as_deref(), Some("Time tracking started successfully"));
    let started = reply.data;
    assert_eq!(started.message.as_deref(), Some("Time tracking started successfully"));
    assert_eq!(
        (started.user_id, started.contract_id, started.project_id, started.task_id),
        (Some(5), Some(contract.id), Some(1), Some(task.id))
    );
    assert_eq!(started.project_name.as_deref(), Some("Website Redesign"));
    assert_eq!(started.user_name.as_deref(), Some("Seán O'Brien"));
    assert_eq!(started.activity_description.as_deref(), Some("Pairing on the header"));
    assert!(started.start_time.starts_with(testing::TODAY) && started.start_time.ends_with("+00:00"), "{}", started.start_time);

    // One running tracker per person.
    let err = c.send(&StartTracking::new(WS, 5u64)).await.unwrap_err();
    assert_eq!(status(&err), 409, "{err}");
    assert!(err.to_string().contains("already has a running tracker"), "{err}");

    // 95 minutes later (moved on the stored clock).
    let start_ms = backdate(&app, 5, 95);
    let now = c.send_reply(&GetTrackerState::new(WS, 5u64)).await.unwrap();
    assert_eq!(now.message.as_deref(), Some("Current tracker data retrieved successfully"));
    let state = now.data;
    assert_eq!((state.user_id, state.is_running, state.contract_id, state.task_id), (5, Some(true), Some(contract.id), Some(task.id)));
    assert_eq!((state.task_title.as_deref(), state.project_id), (Some(task.title.as_str()), Some(1)));
    assert_eq!(state.date, testing::TODAY);
    let today_part = 95.min(minutes_today(&app));
    assert!((today_part - 1..=today_part + 1).contains(&state.total_minutes), "{} vs {today_part}", state.total_minutes);
    assert!((0..60).contains(&state.total_seconds));

    let reply = c.send_reply(&StopTracking::new(WS, 5u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Time tracking stopped successfully"));
    let stopped = reply.data;
    assert_eq!(stopped.message.as_deref(), Some("Time tracking stopped successfully"));
    assert!(clock::parse_iso(&stopped.stopped_at).is_some());
    let entry = stopped.time_entry.expect("the stop wrote an entry");
    assert_eq!((entry.user_id, entry.contract_id, entry.project_id, entry.task_id), (5, Some(contract.id), Some(1), Some(task.id)));
    assert_eq!(entry.method, TimeEntryMethod::WebTracker);
    assert_eq!(entry.activity_description.as_deref(), Some("Pairing on the header"));
    let total: i64 = count(
        &app,
        &format!(
            "SELECT SUM(duration_minutes) FROM time_entries WHERE user_id = 5 AND method = 'Web tracker' AND start_at >= '{}'",
            clock::iso(start_ms)
        ),
    );
    assert!((94..=95).contains(&total), "tracked {total} minutes");
    if minutes_today(&app) > 100 {
        assert_eq!(entry.duration_minutes, 95);
        assert_eq!(entry.date, testing::TODAY);
        // The entry is listed with the day's entries.
        let listed = c.send(&ListTimeEntries::new(WS, 5u64, testing::TODAY)).await.unwrap();
        assert!(listed.contains(&entry));
    }

    // Stopped: current data shows no tracker; a second stop is refused.
    let state = c.send(&GetTrackerState::new(WS, 5u64)).await.unwrap();
    assert_eq!((state.is_running, state.contract_id, state.start_time), (Some(false), None, None));
    assert_eq!(status(&c.send(&StopTracking::new(WS, 5u64)).await.unwrap_err()), 409);
    // The tracker webhook got both events (its https URL is logged, never sent).
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = 'wh_demo_tracker' AND event = 'tracker.started'"),
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = 'wh_demo_tracker' AND event = 'tracker.stopped'"),
        1
    );
    // A tracker without a contract works too, and a quick stop writes nothing under a minute.
    c.send(&StartTracking::new(WS, 5u64)).await.unwrap();
    let stopped = c.send(&StopTracking::new(WS, 5u64)).await.unwrap();
    assert!(stopped.time_entry.is_none());
}

#[tokio::test]
async fn start_validates_member_contract_and_task() {
    let app = app();
    let c = client(&app, OWNER);
    let theirs = c.send(&ListContracts::new(WS).user_id(3u64).project_id(1u64)).await.unwrap()[0].id;
    let mine = c.send(&ListContracts::new(WS).user_id(5u64).project_id(1u64)).await.unwrap()[0].id;
    let other_task = c.send(&ListTasks::new(WS).project_id(4u64)).await.unwrap()[0].id;
    let post = |body: serde_json::Value| {
        let app = app.clone();
        async move { call(&app, OWNER, "POST", "/api/v2/time-tracking/start", Some(body)).await }
    };
    let r = post(json!({"workspace_id": 1, "user_id": 5, "contract_id": theirs})).await;
    assert_eq!((r.status, r.message()), (422, "The selected contract_id does not belong to the selected user_id."));
    let r = post(json!({"workspace_id": 1, "user_id": 5, "contract_id": mine, "task_id": other_task})).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.message().contains("task_id"));
    let r = post(json!({"workspace_id": 1, "user_id": 5, "task_id": other_task})).await;
    assert_eq!((r.status, r.message()), (422, "The task_id field needs contract_id as well."));
    let r = post(json!({"workspace_id": 1, "user_id": 6})).await;
    assert_eq!(r.status, 422, "viewers do not track: {}", r.body);
    let r = post(json!({"workspace_id": 1, "user_id": 101})).await;
    assert_eq!((r.status, r.message()), (422, "The selected user_id is invalid."));
    let r = post(json!({"workspace_id": 1, "user_id": 41})).await;
    assert_eq!(r.status, 422, "an invited (inactive) member: {}", r.body);
    let r = post(json!({"workspace_id": 1, "user_id": 5, "contract_id": 4242})).await;
    assert_eq!((r.status, r.message()), (422, "The selected contract_id is invalid."));
    let paused = c.all(ListContracts::new(WS).status(ContractStatus::Paused)).await.unwrap();
    if let Some(k) = paused.first() {
        let r = post(json!({"workspace_id": 1, "user_id": k.user_id, "contract_id": k.id})).await;
        assert_eq!(r.status, 422, "paused contract: {}", r.body);
    }
    let r = post(json!({"workspace_id": 1})).await;
    assert_eq!((r.status, r.message()), (422, "The user_id field is required."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM running_trackers"), 0, "nothing started");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM webhook_deliveries"), 0, "nobody notified");
}

#[tokio::test]
async fn tracking_is_owner_and_em_only() {
    let app = app();
    for token in [PM, TM, REGULAR, VIEWER] {
        let cl = client(&app, token);
        assert_eq!(status(&cl.send(&StartTracking::new(WS, 5u64)).await.unwrap_err()), 403, "{token}");
        assert_eq!(status(&cl.send(&StopTracking::new(WS, 5u64)).await.unwrap_err()), 403, "{token}");
        assert_eq!(status(&cl.send(&GetTrackerState::new(WS, 5u64)).await.unwrap_err()), 403, "{token}");
    }
    let em = client(&app, EXEC);
    em.send(&StartTracking::new(WS, 7u64)).await.unwrap();
    assert_eq!(em.send(&GetTrackerState::new(WS, 7u64)).await.unwrap().is_running, Some(true));
    em.send(&StopTracking::new(WS, 7u64)).await.unwrap();
}

#[tokio::test]
async fn one_tracker_per_person_across_workspaces() {
    let app = app();
    let acme = client(&app, OWNER);
    let globex = client(&app, OTHER_OWNER);
    // User 2 belongs to both workspaces; user 5 only to Acme.
    assert_eq!(status(&globex.send(&StartTracking::new(OTHER_WS, 5u64)).await.unwrap_err()), 422);
    assert_eq!(status(&globex.send(&GetTrackerState::new(OTHER_WS, 5u64)).await.unwrap_err()), 422);
    globex.send(&StartTracking::new(OTHER_WS, 2u64)).await.unwrap();
    let err = acme.send(&StartTracking::new(WS, 2u64)).await.unwrap_err();
    assert_eq!(status(&err), 409);
    assert!(err.to_string().contains("another workspace"), "{err}");
    // Acme sees no tracker of its own for user 2, and cannot stop Globex's.
    assert_eq!(acme.send(&GetTrackerState::new(WS, 2u64)).await.unwrap().is_running, Some(false));
    assert_eq!(status(&acme.send(&StopTracking::new(WS, 2u64)).await.unwrap_err()), 409);
    // Another workspace's token cannot act on Acme.
    assert_eq!(status(&globex.send(&StopTracking::new(WS, 2u64)).await.unwrap_err()), 403);
    globex.send(&StopTracking::new(OTHER_WS, 2u64)).await.unwrap();
    acme.send(&StartTracking::new(WS, 2u64)).await.unwrap();
}

#[tokio::test]
async fn method_not_allowed_lists_the_allowed_methods() {
    let app = app();
    let r = call(&app, OWNER, "GET", "/api/v2/time-tracking/start?workspace_id=1", None).await;
    assert_eq!((r.status, r.header("allow")), (405, Some("POST")));
    let r = call(&app, OWNER, "PATCH", "/api/v2/time-entries/te_x", None).await;
    assert_eq!((r.status, r.header("allow")), (405, Some("PUT, DELETE")));
    let r = call(&app, OWNER, "DELETE", "/api/v2/members", None).await;
    assert_eq!((r.status, r.header("allow")), (405, Some("GET, POST")));
    assert!(r.message().contains("GET, POST"));
    let r = call(&app, OWNER, "PATCH", "/api/v2/nothing", None).await;
    assert_eq!((r.status, r.header("allow")), (404, None));
}
