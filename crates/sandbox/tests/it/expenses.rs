use serde_json::json;

use crate::support::*;

async fn category(c: &Client<InProcess>, name: &str) -> String {
    c.send(&ListExpenseCategories::new(WS)).await.unwrap().into_iter().find(|k| k.name == name).expect("a seeded category").id
}

#[tokio::test]
async fn categories_and_list_filters() {
    let app = app();
    let c = client(&app, OWNER);
    let cats = c.send(&ListExpenseCategories::new(WS)).await.unwrap();
    let names: Vec<&str> = cats.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["Hardware", "Meals", "Office supplies", "Software", "Travel"]);
    assert!(cats.iter().all(|k| k.id.len() == 36 && k.color.is_some()));
    let globex = client(&app, OTHER_OWNER).send(&ListExpenseCategories::new(OTHER_WS)).await.unwrap();
    assert!(globex.iter().all(|g| !cats.iter().any(|k| k.id == g.id)), "categories are per workspace");

    let reply = c.send_reply(&ListExpenses::new(WS).per_page(7u32)).await.unwrap();
    let pagination = reply.pagination.unwrap();
    assert_eq!((pagination.total, pagination.per_page, pagination.last_page), (30, 7, 5));
    let all = c.all(ListExpenses::new(WS)).await.unwrap();
    assert_eq!(all.len(), 30);
    let e = &all[0];
    assert!(e.member.is_some() && e.category.is_some() && e.expense_date.is_some() && e.added_dte.is_some() && e.amount > 0.0);
    assert!(all.windows(2).all(|w| w[0].date >= w[1].date), "newest first");

    // Each filter, checked against the table.
    let (from, to) = ("2026-01-15", "2026-02-15");
    let window = c.all(ListExpenses::new(WS).date_from(from).date_to(to)).await.unwrap();
    let expected = count(&app, &format!("SELECT COUNT(*) FROM expenses WHERE workspace_id = 1 AND date BETWEEN '{from}' AND '{to}'"));
    assert_eq!(window.len() as i64, expected);
    assert!(window.iter().all(|e| (from..=to).contains(&e.date.as_deref().unwrap())));
    let user = e.user_id.unwrap();
    let theirs = c.all(ListExpenses::new(WS).user_id(user)).await.unwrap();
    assert_eq!(theirs.len() as i64, count(&app, &format!("SELECT COUNT(*) FROM expenses WHERE workspace_id = 1 AND user_id = {user}")));
    let travel = category(&c, "Travel").await;
    let trips = c.all(ListExpenses::new(WS).category_id(travel.clone())).await.unwrap();
    assert!(!trips.is_empty() && trips.iter().all(|e| e.category.as_deref() == Some("Travel")));
    let billable = c.all(ListExpenses::new(WS).r#type(ExpenseType::Billable)).await.unwrap();
    assert_eq!(billable.len() as i64, count(&app, "SELECT COUNT(*) FROM expenses WHERE workspace_id = 1 AND is_billable = 1"));
    assert!(billable.iter().all(|e| e.expense_type == ExpenseType::Billable));
    let project = all.iter().find_map(|e| e.project_id).unwrap();
    let on_project = c.all(ListExpenses::new(WS).project_id(project)).await.unwrap();
    assert!(!on_project.is_empty() && on_project.iter().all(|e| e.project_id == Some(project) && e.project.is_some()));
    let one = c.send(&ListExpenses::new(WS).id(e.id.clone())).await.unwrap();
    assert_eq!(one, vec![e.clone()]);

    let r = call(&app, OWNER, "GET", "/api/v2/expenses?workspace_id=1&date_from=2026-02-10&date_to=2026-02-01", None).await;
    assert_eq!((r.status, r.message().contains("date_to")), (422, true));
}

#[tokio::test]
async fn create_update_delete() {
    let app = app();
    let c = client(&app, OWNER);
    let software = category(&c, "Software").await;
    let reply = c
        .send_reply(
            &CreateExpense::new(WS, "Design tool seat", "2026-02-27", 59.999, software.clone())
                .project_id(1u64)
                .user_id(5u64)
                .note("Annual plan"),
        )
        .await
        .unwrap();
    assert_eq!((reply.status, reply.message.as_deref()), (201, Some("Expense created successfully")));
    let e = reply.data;
    assert_eq!(e.expense_name, "Design tool seat");
    assert_eq!((e.amount, e.expense_date.as_deref(), e.date.as_deref()), (60.0, Some("Feb 27, 2026"), Some("2026-02-27")));
    assert_eq!((e.member.as_deref(), e.user_id), (Some("Seán O'Brien"), Some(5)));
    assert_eq!(
        (e.project.as_deref(), e.category.as_deref(), e.note.as_deref()),
        (Some("Website Redesign"), Some("Software"), Some("Annual plan"))
    );
    assert_eq!(e.expense_type, ExpenseType::Billable, "project 1 is billable");
    assert_eq!(e.added_dte.as_deref(), Some("Mar 4, 2026"));

    let reply = c
        .send_reply(&UpdateExpense::new(e.id.clone(), WS).amount(75.5).expense_name("Design tool (team)").is_billable(false))
        .await
        .unwrap();
    assert_eq!(reply.message.as_deref(), Some("Expense updated successfully"));
    let got = c.send(&ListExpenses::new(WS).id(e.id.clone())).await.unwrap().remove(0);
    assert_eq!((got.amount, got.expense_name.as_str(), got.expense_type), (75.5, "Design tool (team)", ExpenseType::NonBillable));
    assert_eq!(got.category, e.category, "untouched fields stay");
    // An explicit null clears the project.
    let r = call(&app, OWNER, "PUT", &format!("/api/v2/expenses/{}", e.id), Some(json!({"workspace_id": 1, "project_id": null}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(c.send(&ListExpenses::new(WS).id(e.id.clone())).await.unwrap()[0].project, None);

    let reply = c.send_reply(&DeleteExpense::new(e.id.clone(), WS)).await.unwrap();
    assert_eq!(reply.message.as_deref(), Some("Expense deleted successfully"));
    assert!(c.send(&ListExpenses::new(WS).id(e.id.clone())).await.unwrap().is_empty());
    assert_eq!(status(&c.send(&UpdateExpense::new(e.id.clone(), WS).amount(1.0)).await.unwrap_err()), 404);
    assert_eq!(status(&c.send(&DeleteExpense::new(e.id.clone(), WS)).await.unwrap_err()), 404);
}

#[tokio::test]
async fn validation_names_the_field() {
    let app = app();
    let c = client(&app, OWNER);
    let meals = category(&c, "Meals").await;
    let globex_category = client(&app, OTHER_OWNER).send(&ListExpenseCategories::new(OTHER_WS)).await.unwrap()[0].id.clone();
    let before = count(&app, "SELECT COUNT(*) FROM expenses");
    for (body, field) in [
        (json!({"amount": 0}), "amount"),
        (json!({"amount": -3}), "amount"),
        (json!({"amount": "lots"}), "amount"),
        (json!({"amount": 2e9}), "amount"),
        (json!({"category_id": "nope"}), "category_id"),
        (json!({"category_id": globex_category}), "category_id"),
        (json!({"date": "2026-02-30"}), "date"),
        (json!({"date": "2030-01-01"}), "date"),
        (json!({"expense_name": "  "}), "expense_name"),
        (json!({"expense_name": "x".repeat(256)}), "expense_name"),
        (json!({"project_id": 12}), "project_id"),
        (json!({"project_id": 11}), "project_id"),
        (json!({"user_id": 101}), "user_id"),
        (json!({"is_billable": "perhaps"}), "is_billable"),
    ] {
        let mut b = json!({"workspace_id": 1, "expense_name": "Lunch", "date": "2026-03-02", "amount": 12.5, "category_id": meals});
        b.as_object_mut().unwrap().extend(body.as_object().unwrap().clone());
        let r = call(&app, OWNER, "POST", "/api/v2/expenses", Some(b)).await;
        assert_eq!(r.status, 422, "{body}: {}", r.body);
        assert!(r.message().contains(field), "{body}: {:?}", r.message());
    }
    let r = call(
        &app,
        OWNER,
        "POST",
        "/api/v2/expenses",
        Some(json!({"workspace_id": 1, "date": "2026-03-02", "amount": 1, "category_id": meals})),
    )
    .await;
    assert_eq!((r.status, r.message()), (422, "The expense_name field is required."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM expenses"), before);

    let e = c.send(&CreateExpense::new(WS, "Lunch", "2026-03-02", 12.5, meals)).await.unwrap();
    for (body, field) in [
        (json!({"amount": 0}), "amount"),
        (json!({"amount": null}), "amount"),
        (json!({"category_id": "x"}), "category_id"),
        (json!({"expense_name": ""}), "expense_name"),
    ] {
        let mut b = json!({"workspace_id": 1});
        b.as_object_mut().unwrap().extend(body.as_object().unwrap().clone());
        let r = call(&app, OWNER, "PUT", &format!("/api/v2/expenses/{}", e.id), Some(b)).await;
        assert_eq!(r.status, 422, "{body}: {}", r.body);
        assert!(r.message().contains(field), "{body}: {:?}", r.message());
    }
    assert_eq!(c.send(&ListExpenses::new(WS).id(e.id.clone())).await.unwrap()[0].amount, 12.5);
}

#[tokio::test]
async fn roles_and_isolation() {
    let app = app();
    let owner = client(&app, OWNER);
    let travel = category(&owner, "Travel").await;
    let regular = client(&app, REGULAR);
    // A regular user records and sees only their own expenses.
    let mine = regular.send(&CreateExpense::new(WS, "Taxi", "2026-03-03", 23.0, travel.clone()).project_id(2u64)).await.unwrap();
    assert_eq!(mine.user_id, Some(5));
    let seen = regular.all(ListExpenses::new(WS)).await.unwrap();
    assert!(!seen.is_empty() && seen.iter().all(|e| e.user_id == Some(5)));
    assert_eq!(
        status(&regular.send(&CreateExpense::new(WS, "Taxi", "2026-03-03", 23.0, travel.clone()).user_id(33u64)).await.unwrap_err()),
        403
    );
    assert_eq!(
        status(&regular.send(&CreateExpense::new(WS, "Taxi", "2026-03-03", 23.0, travel.clone()).project_id(9u64)).await.unwrap_err()),
        422,
        "not their project"
    );
    regular.send(&UpdateExpense::new(mine.id.clone(), WS).amount(25.0)).await.unwrap();
    let other = owner.all(ListExpenses::new(WS)).await.unwrap().into_iter().find(|e| e.user_id != Some(5)).unwrap();
    assert_eq!(status(&regular.send(&UpdateExpense::new(other.id.clone(), WS).amount(1.0)).await.unwrap_err()), 404);
    assert_eq!(status(&regular.send(&DeleteExpense::new(other.id.clone(), WS)).await.unwrap_err()), 404);

    // A project manager (rates visible) sees the people of the projects they manage, but edits only their own.
    let pm = client(&app, PM).all(ListExpenses::new(WS)).await.unwrap();
    let people: Vec<i64> = {
        let db = app.store.lock();
        let mut stmt = db.conn.prepare("SELECT DISTINCT c.user_id FROM contracts c JOIN project_managers pm ON pm.project_id = c.project_id WHERE pm.user_id = 3 AND c.deleted_at IS NULL").unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert!(pm.iter().any(|e| e.id == mine.id));
    assert!(pm.iter().all(|e| e.user_id == Some(3) || people.contains(&(e.user_id.unwrap() as i64))));
    assert_eq!(status(&client(&app, PM).send(&UpdateExpense::new(mine.id.clone(), WS).amount(1.0)).await.unwrap_err()), 403);
    // A team manager without rate permission sees only their own.
    assert!(client(&app, TM).all(ListExpenses::new(WS)).await.unwrap().iter().all(|e| e.user_id == Some(4)));
    assert_eq!(status(&client(&app, VIEWER).send(&ListExpenses::new(WS)).await.unwrap_err()), 403);
    assert_eq!(status(&client(&app, VIEWER).send(&ListExpenseCategories::new(WS)).await.unwrap_err()), 403);
    regular.send(&DeleteExpense::new(mine.id.clone(), WS)).await.unwrap();

    // Isolation.
    let globex = client(&app, OTHER_OWNER);
    assert_eq!(status(&globex.send(&UpdateExpense::new(other.id.clone(), OTHER_WS).amount(1.0)).await.unwrap_err()), 404);
    assert_eq!(status(&globex.send(&ListExpenses::new(WS)).await.unwrap_err()), 403);
    let theirs = globex.all(ListExpenses::new(OTHER_WS)).await.unwrap();
    assert_eq!(theirs.len(), 3);
    assert!(!theirs.iter().any(|e| e.id == other.id));
}
