//! Every operation against the repository copy of the reference's `endpoints.json`: each one
//! has a builder, with the documented method, path and parameters, and builds the request the
//! documentation describes.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Map, Value};
use webwork_core::ops::{self, request_for, Location, Method, OpInfo, CATALOG};
use webwork_core::params::ParamKind;
use webwork_core::ApiError;

fn reference() -> Vec<Value> {
    serde_json::from_str(include_str!("../endpoints.json")).expect("endpoints.json is JSON")
}

fn find_by_reference(entry: &Value) -> &'static OpInfo {
    let method = entry["method"].as_str().unwrap();
    match entry["path"].as_str() {
        Some(path) => CATALOG
            .iter()
            .find(|op| op.method.as_str() == method && op.path == path)
            .unwrap_or_else(|| panic!("no builder for {method} {path}")),
        None => {
            let id = entry["operation_id"].as_str().unwrap();
            ops::find(id).unwrap_or_else(|| panic!("no builder for unconfirmed operation {id}"))
        }
    }
}

#[test]
fn every_reference_operation_has_exactly_one_builder() {
    let reference = reference();
    assert_eq!(reference.len(), 69, "the reference lists 69 operations");
    let mut seen = std::collections::HashSet::new();
    for entry in &reference {
        let op = find_by_reference(entry);
        assert!(seen.insert(op.id), "{} matched twice", op.id);
        if let Some(id) = entry["operation_id"].as_str() {
            assert_eq!(op.id, id, "operation id of {} {}", op.method, op.path);
        }
        assert_eq!(op.method.as_str(), entry["method"].as_str().unwrap(), "{}", op.id);
        // deleteWebhook's path is the reference's guess from its siblings ("NOT seen verbatim").
        let unconfirmed =
            entry["status"].as_str() == Some("unconfirmed") || entry["notes"].as_str().is_some_and(|n| n.contains("NOT seen verbatim"));
        assert_eq!(op.doc().inferred, unconfirmed, "{}: inferred iff the reference never saw the path", op.id);
    }
    // The two extras are the inferred leave approvals.
    let extras: Vec<_> = CATALOG.iter().filter(|op| !seen.contains(op.id)).collect();
    assert_eq!(extras.iter().map(|op| op.id).collect::<Vec<_>>(), ["approveLeave", "rejectLeave"]);
    assert!(extras.iter().all(|op| op.doc().inferred));
    assert_eq!(CATALOG.len(), 71);
}

#[test]
fn every_documented_parameter_is_in_the_builder_at_its_place() {
    for entry in reference() {
        let op = find_by_reference(&entry);
        for (place, list) in [("path", "path_params"), ("query", "query"), ("body", "body")] {
            for p in entry[list].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap();
                if name.starts_with('(') || name.contains('/') {
                    continue; // "(more)" and "page/per_page": cut-off notes in the reference
                }
                let ours = op
                    .params
                    .iter()
                    .find(|q| q.name == name)
                    .unwrap_or_else(|| panic!("{}: documented parameter `{name}` is missing", op.id));
                let ok = match (place, ours.location) {
                    (_, Location::Workspace) => name == "workspace_id",
                    ("path", Location::Path) | ("query", Location::Query) | ("body", Location::Body) => true,
                    _ => false,
                };
                assert!(ok, "{}: `{name}` is documented in the {place}, ours is {:?}", op.id, ours.location);
            }
        }
        // Path placeholders and path parameters agree.
        let placeholders: Vec<&str> = op.path.split('{').skip(1).map(|s| s.split('}').next().unwrap()).collect();
        let path_params: Vec<&str> = op.path_params().map(|p| p.name).collect();
        assert_eq!(placeholders, path_params, "{}", op.id);
    }
}

/// The success messages the seed document shows (it wins over the catalog for Members).
const SEED_MESSAGES: &[(&str, &str)] = &[
    ("inviteMember", "Member invited successfully"),
    ("getMember", "Member retrieved successfully"),
    ("updateMember", "Member updated successfully"),
    ("deleteMember", "Member deleted successfully"),
    ("restoreMember", "Member restored successfully"),
];

/// The reference's sample message, where it shows one: the seed's, else the catalog's (its
/// "example text reads '...' (sic)" notes quote the sample).
fn reference_message(id: &str, entry: &Value) -> Option<String> {
    if let Some((_, m)) = SEED_MESSAGES.iter().find(|(op, _)| *op == id) {
        return Some((*m).to_owned());
    }
    let text = entry["response"]["message"].as_str()?;
    Some(match text.split_once("reads '") {
        Some((_, quoted)) => quoted.split('\'').next().unwrap_or(quoted).to_owned(),
        None => text.to_owned(),
    })
}

#[test]
fn what_the_reference_does_not_show_is_marked_inferred_and_nothing_else() {
    for entry in reference() {
        let op = find_by_reference(&entry);
        let doc = op.doc();
        if doc.inferred {
            continue; // the whole operation is ours
        }
        let documented: Vec<&str> = ["path_params", "query", "body"]
            .iter()
            .flat_map(|list| entry[*list].as_array().into_iter().flatten())
            .filter_map(|p| p["name"].as_str())
            .flat_map(|n| n.split('/'))
            .collect();
        for p in op.params.iter().filter(|p| p.name != "workspace_id" && p.location != Location::Path) {
            let shown = documented.contains(&p.name);
            assert_eq!(
                doc.inferred_params.contains(&p.name),
                !shown,
                "{}: `{}` is inferred iff the reference does not list it",
                op.id,
                p.name
            );
        }
        assert!(doc.inferred_params.iter().all(|n| op.params.iter().any(|p| p.name == *n)), "{}: a mark names no parameter", op.id);

        // A 200 is what every sample reply of `success: true` implies; any other status must
        // be the reference's or be marked.
        let status = entry["response"]["http_status"].as_u64();
        let shown = status == Some(u64::from(doc.success_status)) || (status.is_none() && doc.success_status == 200);
        assert_eq!(doc.status_inferred, !shown, "{}: status {} (reference: {status:?})", op.id, doc.success_status);

        let reference = reference_message(op.id, &entry);
        match (doc.message, reference.as_deref()) {
            (Some(ours), Some(theirs)) => {
                assert_eq!(ours, theirs, "{}: the reference's message", op.id);
                assert!(!doc.message_inferred, "{}: a documented message is not inferred", op.id);
            }
            (Some(ours), None) => assert!(doc.message_inferred, "{}: \"{ours}\" is not in the reference: mark it inferred", op.id),
            (None, _) => assert!(!doc.message_inferred, "{}", op.id),
        }
    }
}

/// A valid sample value for a parameter, so that every operation can be built generically.
fn sample(name: &str, kind: ParamKind) -> Value {
    let end = name.contains("end") || name == "deadline" || name == "date_to";
    match kind {
        ParamKind::Integer => json!(7),
        ParamKind::Number => json!(1.5),
        ParamKind::Boolean => json!(true),
        ParamKind::String => json!(format!("sample {name}")),
        ParamKind::Date => json!(if end { "2024-01-10" } else { "2024-01-08" }),
        ParamKind::Time => json!(if end { "17:00" } else { "09:00" }),
        ParamKind::DateTime => json!(if end { "2024-01-15T17:00:00Z" } else { "2024-01-15T09:00:00Z" }),
        ParamKind::Email => json!("ana.souza@example.com"),
        ParamKind::Url => json!("https://hooks.example.com/webwork"),
        ParamKind::IntegerList => json!([1, 2]),
        ParamKind::StringList => json!(["design"]),
        ParamKind::Enum(values) if name == "role" => json!(values[4]), // "Regular User"
        ParamKind::Enum(values) => json!(values[0]),
        ParamKind::IntEnum(codes) => json!(codes[0]),
        ParamKind::Flag => json!(1),
        ParamKind::EnumList(values) => json!([values[0], values[1]]),
    }
}

fn params_for(op: &OpInfo, with_optional: bool) -> Map<String, Value> {
    op.params
        .iter()
        .filter(|p| p.required || with_optional)
        .map(|p| {
            (
                p.name.to_owned(),
                match p.name {
                    "page" => json!(2),
                    "per_page" => json!(10),
                    _ => sample(p.name, p.kind),
                },
            )
        })
        .collect()
}

#[test]
fn every_operation_builds_its_documented_request() {
    for op in CATALOG {
        let params = params_for(op, true);
        let req = request_for(op.id, &params).unwrap_or_else(|e| panic!("{}: {e}", op.id));
        assert_eq!(req.method, op.method, "{}", op.id);
        let mut expected_path = op.path.to_owned();
        for p in op.path_params() {
            let v = &params[p.name];
            let text = v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string());
            expected_path = expected_path.replace(&format!("{{{}}}", p.name), &text.replace(' ', "%20"));
        }
        assert_eq!(req.path, expected_path, "{}", op.id);
        assert!(!req.path.contains('{'), "{}: unfilled placeholder", op.id);

        let body = req.body.as_ref().map(|b| b.as_object().unwrap().clone());
        assert_eq!(body.is_some(), op.method != Method::Get, "{}: reads have no body, writes do", op.id);
        for p in op.params {
            let in_query = req.query_value(p.name).is_some();
            let in_body = body.as_ref().is_some_and(|b| b.contains_key(p.name));
            let (want_query, want_body) = match p.location {
                Location::Path => (false, false),
                Location::Query => (true, false),
                Location::Body => (false, true),
                // Catalog 0.5: both places on writes, the query string on reads.
                Location::Workspace => (true, op.method != Method::Get),
            };
            assert_eq!((in_query, in_body), (want_query, want_body), "{}: `{}`", op.id, p.name);
        }
        // Nothing else travels.
        assert_eq!(
            req.query.len(),
            op.params.iter().filter(|p| matches!(p.location, Location::Query | Location::Workspace)).count(),
            "{}",
            op.id
        );
    }
}

#[test]
fn required_parameters_are_enforced_for_every_operation() {
    for op in CATALOG {
        // With only the required parameters, every operation builds but one: the task list
        // needs a project or a contract, both optional on their own.
        let minimal = params_for(op, false);
        match (request_for(op.id, &minimal), op.id) {
            (Err(e), "getTasks") => assert_eq!(e.field(), Some("project_id")),
            (Ok(_), "getTasks") => panic!("getTasks without project or contract must be refused"),
            (Err(e), id) => panic!("{id}: {e}"),
            (Ok(_), _) => {}
        }
        // Without each required parameter, the builder names it.
        for p in op.params.iter().filter(|p| p.required) {
            let mut missing = minimal.clone();
            missing.remove(p.name);
            let err = request_for(op.id, &missing).expect_err(p.name);
            assert!(matches!(err, ApiError::InvalidRequest { .. }), "{}: {err:?}", op.id);
            assert_eq!(err.field(), Some(p.name), "{}", op.id);
        }
    }
}

#[test]
fn typed_builders_and_the_dynamic_path_agree() {
    use webwork_core::models::*;
    use webwork_core::ops::*;
    let typed = ListMembers::new(1u64).status(MemberStatus::Active).role(Role::RegularUser).per_page(50u32).to_request().unwrap();
    let dynamic = request_for(
        "getMembers",
        json!({"workspace_id": 1, "status": "active", "role": "Regular User", "per_page": 50}).as_object().unwrap(),
    )
    .unwrap();
    assert_eq!(typed, dynamic);
    assert_eq!(
        typed.url("https://api.webwork-tracker.com/api/v2/"),
        "https://api.webwork-tracker.com/api/v2/members?workspace_id=1&status=active&role=Regular%20User&per_page=50"
    );

    let invite = InviteMember::new(1u64, "john.doe@example.com", "John", "Doe", Role::RegularUser).to_request().unwrap();
    assert_eq!(invite.method, Method::Post);
    assert_eq!(invite.query, vec![("workspace_id".to_owned(), "1".to_owned())]);
    assert_eq!(
        invite.body,
        Some(json!({"workspace_id": 1, "email": "john.doe@example.com", "firstname": "John", "lastname": "Doe", "role": "Regular User"}))
    );

    let update = UpdateMember::new(100u64, 1u64)
        .rate_status(RateStatus::Visible)
        .remove_avatar(false)
        .weekly_hours_limit(40u64)
        .to_request()
        .unwrap();
    assert_eq!(update.path, "/members/100");
    assert_eq!(update.body, Some(json!({"workspace_id": 1, "rate_status": 1, "weekly_hours_limit": 40, "remove_avatar": 0})));

    let del = DeleteTimeEntry::new("abc/123+x=", 1u64).to_request().unwrap();
    assert_eq!(del.path, "/time-entries/abc%2F123%2Bx%3D", "opaque ids are percent-encoded");
    assert_eq!(del.body, Some(json!({"workspace_id": 1})), "DELETE carries workspace_id in its JSON body");

    let report = GetTaskReport::new(1u64, "2024-01-01", "2024-01-31").users(vec![3u64, 4]).include_no_task(false).to_request().unwrap();
    assert_eq!(report.query_value("users"), Some("3,4"));
    assert_eq!(report.query_value("include_no_task"), Some("0"));

    let expenses = ListExpenses::new(1u64).r#type(ExpenseType::NonBillable).to_request().unwrap();
    assert_eq!(expenses.query_value("type"), Some("non-billable"));

    let hook = CreateWebhook::new(1u64, "https://example.com/h", vec![WebhookEvent::TrackerStarted, WebhookEvent::MemberInvited])
        .to_request()
        .unwrap();
    assert_eq!(hook.body.unwrap()["events"], json!(["tracker.started", "member.invited"]));
}

#[test]
fn dynamic_parameters_are_read_strictly() {
    let p = |v: Value| v.as_object().unwrap().clone();
    let typo = request_for("getMembers", &p(json!({"workspace_id": 1, "stauts": "active"}))).unwrap_err();
    assert!(typo.to_string().contains("stauts"), "{typo}");
    let bad_enum = request_for("getMembers", &p(json!({"workspace_id": 1, "status": "sleeping"}))).unwrap_err();
    assert_eq!(bad_enum.field(), Some("status"));
    assert!(bad_enum.to_string().contains("active, inactive, left, unknown"), "{bad_enum}");
    let bad_number = request_for("getMembers", &p(json!({"workspace_id": "one"}))).unwrap_err();
    assert_eq!(bad_number.field(), Some("workspace_id"));
    // Numbers as strings and comma-separated lists are accepted.
    let ok = request_for(
        "getTaskReport",
        &p(json!({"workspace_id": "1", "start_date": "2024-01-01", "end_date": "2024-01-02", "users": "5, 6"})),
    )
    .unwrap();
    assert_eq!(ok.query_value("users"), Some("5,6"));
    assert!(request_for("noSuchOperation", &Map::new()).is_err());
}

#[test]
fn info_is_consistent() {
    for op in CATALOG {
        assert!(op.path.starts_with('/'), "{}", op.id);
        assert!(!op.doc().summary.is_empty(), "{} has a summary", op.id);
        let has_paging = op.params.iter().any(|p| p.name == "per_page");
        if op.per_page_max.is_some() {
            assert!(has_paging && op.doc().output.starts_with('['), "{}: paginated lists take page and per_page", op.id);
        }
        let writes = op.method != Method::Get;
        if writes {
            assert!(op.has_workspace(), "{}: every write is scoped to a workspace", op.id);
        }
    }
    assert_eq!(ops::find("getTimeEntries").unwrap().per_page_max, Some(50));
    assert_eq!(ops::find("ListMembers").unwrap().id, "getMembers");
    // Each row's documentation is its own, typed or looked up.
    use webwork_core::ops::Operation;
    assert_eq!(ops::ListMembers::INFO.doc(), &ops::ListMembers::DOC);
    assert_eq!(ops::find("inviteMember").unwrap().doc().message, Some("Member invited successfully"));
    assert_eq!(ops::DOCS.len(), ops::CATALOG.len());
    let stranger = ops::OpInfo { id: "notAnOperation", ..ops::ListMembers::INFO };
    assert_eq!(stranger.doc().name, "");
}

/// A typed call and a call by id go through the same checker (`ops::build`), so they refuse
/// the same things with the same words.
#[test]
fn typed_and_dynamic_calls_refuse_alike() {
    use webwork_core::models::*;
    use webwork_core::ops::*;
    let p = |v: Value| v.as_object().unwrap().clone();
    let same = |typed: webwork_core::ApiError, dynamic: webwork_core::ApiError, field: &str| {
        assert_eq!(typed.field(), Some(field), "{typed}");
        assert_eq!(typed.to_string(), dynamic.to_string());
    };

    // A role the API does not know is not sent, even when built as `Role::Other`.
    let typed = InviteMember::new(1u64, "a@example.com", "A", "B", Role::Other("Boss".into())).to_request().unwrap_err();
    let dynamic = request_for(
        "inviteMember",
        &p(json!({"workspace_id": 1, "email": "a@example.com", "firstname": "A", "lastname": "B", "role": "Boss"})),
    )
    .unwrap_err();
    same(typed, dynamic, "role");

    // A number JSON cannot carry is named, not dropped as if it were missing.
    let typed = CreateExpense::new(1u64, "Taxi", "2024-01-02", f64::NAN, "travel").to_request().unwrap_err();
    let dynamic = request_for(
        "createExpense",
        &p(json!({"workspace_id": 1, "expense_name": "Taxi", "date": "2024-01-02", "amount": "NaN", "category_id": "travel"})),
    )
    .unwrap_err();
    same(typed, dynamic, "amount");
    assert!(typed_message(CreateExpense::new(1u64, "Taxi", "2024-01-02", f64::INFINITY, "travel")).contains("finite"));

    // Rules across fields: the end of a leave before its start.
    let typed = RequestLeave::new(1u64, 3u64, "2024-03-05", "2024-03-01", 7u64).to_request().unwrap_err();
    let dynamic = request_for(
        "createLeaveRequest",
        &p(json!({"workspace_id": 1, "user_id": 7, "policy_id": 3, "start": "2024-03-05", "end": "2024-03-01"})),
    )
    .unwrap_err();
    same(typed, dynamic, "end");

    // Blank required text counts as missing; so does an empty required list.
    let typed = CreateProject::new(1u64, "   ").to_request().unwrap_err();
    let dynamic = request_for("createProject", &p(json!({"workspace_id": 1, "name": ""}))).unwrap_err();
    same(typed, dynamic, "name");
    let no_events = CreateWebhook::new(1u64, "https://example.com/h", Vec::<WebhookEvent>::new()).to_request().unwrap_err();
    assert_eq!((no_events.field(), no_events.to_string().contains("required")), (Some("events"), true), "{no_events}");

    // `remove_avatar` is a 0/1 flag that reads booleans; `rate_status` is a code like any other.
    let flags =
        request_for("updateMember", &p(json!({"memberId": 5, "workspace_id": 1, "remove_avatar": true, "rate_status": 1}))).unwrap();
    assert_eq!(flags.body.as_ref().unwrap()["remove_avatar"], json!(1));
    let bad_flag = request_for("updateMember", &p(json!({"memberId": 5, "workspace_id": 1, "remove_avatar": 2}))).unwrap_err();
    assert_eq!(bad_flag.field(), Some("remove_avatar"));
    let coded = request_for("updateMember", &p(json!({"memberId": 5, "workspace_id": 1, "rate_status": "1"}))).unwrap();
    assert_eq!(coded.body.unwrap()["rate_status"], json!(1));
    // Integer codes may be negative (workspace-defined task statuses are sent as given).
    let custom = ListTasks::new(1u64).project_id(2u64).status(TaskStatus::Other(-1)).to_request().unwrap();
    assert_eq!(custom.query_value("status"), Some("-1"));
    // ... but creating a task still takes the base codes only, negative ones included.
    let create = CreateTask::new(1u64, 2u64, "T").status(TaskStatus::Other(-1)).to_request().unwrap_err();
    assert_eq!(create.field(), Some("status"));
    let priority = request_for("createTask", &p(json!({"workspace_id": 1, "project_id": 2, "title": "T", "priority": -15}))).unwrap_err();
    assert_eq!((priority.field(), priority.to_string().contains("10, 20, 30 or 40")), (Some("priority"), true), "{priority}");
    // A page beyond 32 bits is refused, not sent.
    let huge = request_for("getMembers", &p(json!({"workspace_id": 1, "page": 4_294_967_296u64}))).unwrap_err();
    assert_eq!(huge.field(), Some("page"));
    // Text parameters take numbers as their text.
    let named = request_for("updateMember", &p(json!({"memberId": 5, "workspace_id": 1, "firstname": -5}))).unwrap();
    assert_eq!(named.body.unwrap()["firstname"], json!("-5"));

    // Values come out in the API's spelling whichever way they went in.
    let dynamic = request_for("getMembers", &p(json!({"workspace_id": "1", "role": "regular user", "page": "2"}))).unwrap();
    let typed = ListMembers::new(1u64).role(Role::RegularUser).page(2u32).to_request().unwrap();
    assert_eq!(dynamic, typed);
}

fn typed_message(op: impl webwork_core::ops::Operation) -> String {
    op.to_request().unwrap_err().to_string()
}

#[test]
fn local_checks_refuse_what_the_server_refuses_before_sending() {
    use webwork_core::models::*;
    use webwork_core::ops::*;
    // Owner cannot be assigned: on invite as on update.
    let invite = InviteMember::new(1u64, "new@example.com", "New", "Person", Role::Owner).to_request().unwrap_err();
    assert_eq!(invite.field(), Some("role"), "{invite}");
    let update = UpdateMember::new(5u64, 1u64).role(Role::Owner).to_request().unwrap_err();
    assert_eq!(update.field(), Some("role"), "{update}");
    let dynamic = request_for(
        "inviteMember",
        json!({"workspace_id": 1, "email": "a@example.com", "firstname": "A", "lastname": "B", "role": "owner"}).as_object().unwrap(),
    )
    .unwrap_err();
    assert_eq!(dynamic.field(), Some("role"));
    assert!(InviteMember::new(1u64, "new@example.com", "New", "Person", Role::ProjectViewer).to_request().is_ok());
    // rate_status: 0 or 1 only.
    for bad in [2, -1, 10] {
        let err =
            request_for("updateMember", json!({"workspace_id": 1, "memberId": 5, "rate_status": bad}).as_object().unwrap()).unwrap_err();
        assert_eq!((err.field(), err.to_string().contains("0 or 1")), (Some("rate_status"), true), "{bad}: {err}");
    }
    for ok in [0, 1] {
        assert!(request_for("updateMember", json!({"workspace_id": 1, "memberId": 5, "rate_status": ok}).as_object().unwrap()).is_ok());
    }
}

#[test]
fn a_webhook_update_that_keeps_task_updated_sends_it_back() {
    use webwork_core::models::*;
    use webwork_core::ops::*;
    let hook: Webhook =
        serde_json::from_value(json!({"id": "wh_1", "url": "https://x.example/h", "events": ["member.invited", "task.updated"]})).unwrap();
    let req = UpdateWebhook::new(hook.id.clone(), 1u64, hook.url.as_str()).events(hook.events.clone()).to_request().unwrap();
    assert_eq!(req.body.unwrap()["events"], json!(["member.invited", "task.updated"]));
}
