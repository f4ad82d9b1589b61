use crate::support::*;

#[tokio::test]
async fn list_and_filters() {
    let app = app();
    let c = client(&app, OWNER);
    let reply = c.send_reply(&ListTasks::new(WS).project_id(1u64)).await.unwrap();
    assert_eq!(reply.data.len(), 6);
    assert_eq!(reply.pagination.unwrap().total, 6);
    assert!(reply.data.iter().all(|t| t.project_id == 1 && t.status_name.is_some()));
    assert!(reply.data.iter().all(|t| !t.assignees.is_empty()));
    let open = c.send(&ListTasks::new(WS).project_id(1u64).status(TaskStatus::Open)).await.unwrap();
    assert!(!open.is_empty() && open.iter().all(|t| t.status == Some(TaskStatus::Open)));
    let custom = c.send(&ListTasks::new(WS).project_id(1u64).status(TaskStatus::Other(1))).await.unwrap();
    assert!(custom.iter().all(|t| t.status == Some(TaskStatus::Other(1)) && t.status_name.as_deref() == Some("Backlog")));
    let urgent = c.send(&ListTasks::new(WS).project_id(2u64).priority(TaskPriority::Urgent)).await.unwrap();
    assert!(urgent.iter().all(|t| t.priority == Some(TaskPriority::Urgent)));
    let total: usize = {
        let mut n = 0;
        for p in 1..=10u64 {
            n += c.send(&ListTasks::new(WS).project_id(p)).await.unwrap().len();
        }
        n
    };
    assert_eq!(total, 60);
    // contract_id stands for its project.
    let contract = c.send(&ListContracts::new(WS).user_id(5u64).project_id(2u64)).await.unwrap()[0].id;
    let by_contract = c.send(&ListTasks::new(WS).contract_id(contract)).await.unwrap();
    assert!(by_contract.iter().all(|t| t.project_id == 2) && by_contract.len() == 6);
    let titles = c.send(&ListTasks::new(WS).project_id(1u64).order_by("title")).await.unwrap();
    let mut sorted: Vec<String> = titles.iter().map(|t| t.title.to_lowercase()).collect();
    let got = sorted.clone();
    sorted.sort();
    assert_eq!(got, sorted);

    assert_eq!(status(&client(&app, REGULAR).send(&ListTasks::new(WS).project_id(5u64)).await.unwrap_err()), 403);
    assert_eq!(status(&c.send(&ListTasks::new(WS).project_id(12u64)).await.unwrap_err()), 404);
}

#[tokio::test]
async fn create_get_update_assign_delete() {
    let app = app();
    let pm = client(&app, PM);
    let reply = pm
        .send_reply(
            &CreateTask::new(WS, 1u64, "Write the spec")
                .description("All of it")
                .status(TaskStatus::InProgress)
                .priority(TaskPriority::High)
                .start_date("2026-03-01")
                .end_date("2026-03-20")
                .assignees(vec![5u64, 13]),
        )
        .await
        .unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.message.as_deref(), Some("Task created successfully"));
    let t = reply.data;
    assert_eq!(
        (t.title.as_str(), t.creator_id, t.status, t.priority),
        ("Write the spec", Some(3), Some(TaskStatus::InProgress), Some(TaskPriority::High))
    );
    assert_eq!(t.assignees.iter().map(|a| a.id).collect::<Vec<_>>(), vec![5, 13]);
    assert!(t.completed_at.is_none());

    let before = count(&app, "SELECT COUNT(*) FROM tasks");
    assert_eq!(status(&pm.send(&CreateTask::new(WS, 1u64, "Bad").assignees(vec![5u64, 101])).await.unwrap_err()), 422);
    assert_eq!(
        status(&pm.send(&CreateTask::new(WS, 1u64, "Custom").status(TaskStatus::Other(11))).await.unwrap_err()),
        0,
        "the client refuses custom codes on create"
    );
    let r =
        call(&app, PM, "POST", "/api/v2/tasks", Some(serde_json::json!({"workspace_id": 1, "project_id": 1, "title": "x", "status": 11})))
            .await;
    assert_eq!(r.status, 422);
    assert_eq!(status(&pm.send(&CreateTask::new(WS, 5u64, "Not mine")).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, REGULAR).send(&CreateTask::new(WS, 1u64, "No")).await.unwrap_err()), 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM tasks"), before, "failed creates leave no trace");

    let c = client(&app, OWNER);
    let got = c.send_reply(&GetTask::new(t.id, WS, 1u64)).await.unwrap();
    assert_eq!(got.message.as_deref(), Some("Task retrieved successfully"));
    assert_eq!(got.data, t);
    assert_eq!(status(&c.send(&GetTask::new(t.id, WS, 2u64)).await.unwrap_err()), 404, "task of another project");

    let reply = pm.send_reply(&UpdateTask::new(t.id, WS, 1u64).status(TaskStatus::Done).title("Spec written")).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Task updated successfully"));
    let got = c.send(&GetTask::new(t.id, WS, 1u64)).await.unwrap();
    assert_eq!((got.title.as_str(), got.status), ("Spec written", Some(TaskStatus::Done)));
    assert!(got.completed_at.is_some());
    assert_eq!(got.end_date.as_deref(), Some("2026-03-20"));
    c.send(&UpdateTask::new(t.id, WS, 1u64).status(TaskStatus::Other(11))).await.expect("custom codes are fine on update");
    assert!(c.send(&GetTask::new(t.id, WS, 1u64)).await.unwrap().completed_at.is_none());

    let reply = pm.send_reply(&AssignTask::new(t.id, 20u64, WS, 1u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Task assigned successfully"));
    pm.send(&AssignTask::new(t.id, 20u64, WS, 1u64)).await.expect("assigning twice is idempotent");
    let who = c.send(&ListTaskAssignees::new(t.id, WS, 1u64)).await.unwrap();
    assert_eq!(who.iter().map(|a| a.id).collect::<Vec<_>>(), vec![5, 13, 20]);
    assert_eq!(who[2].email.as_deref(), Some("maryjane.watson@acme.test"));
    let reply = pm.send_reply(&UnassignTask::new(t.id, 13u64, WS, 1u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Task unassigned successfully"));
    assert_eq!(c.send(&ListTaskAssignees::new(t.id, WS, 1u64)).await.unwrap().len(), 2);
    assert_eq!(status(&pm.send(&AssignTask::new(t.id, 101u64, WS, 1u64)).await.unwrap_err()), 404);
    assert_eq!(status(&pm.send(&AssignTask::new(t.id, 6u64, WS, 1u64)).await.unwrap_err()), 404, "viewers take no tasks");

    let reply = pm.send_reply(&DeleteTask::new(t.id, WS, 1u64)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Task deleted successfully"));
    assert_eq!(status(&c.send(&GetTask::new(t.id, WS, 1u64)).await.unwrap_err()), 404);
}
