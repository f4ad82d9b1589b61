use crate::support::*;

#[tokio::test]
async fn document_lists_every_operation() {
    let app = app();
    let r = raw(&app, "GET", "/api/v2/openapi.json", None, None, &[]).await;
    assert_eq!(r.status, 200);
    let doc = r.body;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["servers"][0]["url"], "/api/v2");
    assert_eq!(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
    let oauth = &doc["components"]["securitySchemes"]["oauth2"];
    assert_eq!(oauth["type"], "oauth2");
    assert!(oauth["description"].as_str().unwrap().contains("inferred"));
    for flow in ["authorizationCode", "clientCredentials"] {
        assert_eq!(oauth["flows"][flow]["tokenUrl"], "/oauth/token", "{flow}");
        let scopes: Vec<&String> = oauth["flows"][flow]["scopes"].as_object().unwrap().keys().collect();
        assert_eq!(scopes.len(), 3, "{flow}");
        for s in ["read", "write", "admin"] {
            assert!(oauth["flows"][flow]["scopes"][s].is_string(), "{flow} {s}");
        }
    }
    assert_eq!(oauth["flows"]["authorizationCode"]["authorizationUrl"], "/oauth/authorize");
    assert_eq!(doc["paths"]["/members"]["post"]["security"][1]["oauth2"][0], "admin");
    assert_eq!(doc["paths"]["/members"]["get"]["security"][1]["oauth2"][0], "read");
    assert_eq!(doc["paths"]["/projects"]["post"]["security"][1]["oauth2"][0], "write");
    let mut seen = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            let info = find(id).unwrap();
            assert_eq!((path.as_str(), method.to_uppercase()), (info.path, info.method.as_str().to_owned()));
            let success = &op["responses"][info.doc().success_status.to_string()];
            assert!(success["content"]["application/json"]["schema"]["properties"]["data"].is_object(), "{id}");
            for code in ["400", "401", "403", "404", "422", "429"] {
                assert!(op["responses"][code].is_object(), "{id} {code}");
            }
            let params = op["parameters"].as_array().unwrap();
            for p in info.params.iter().filter(|p| p.location == Location::Path) {
                assert!(params.iter().any(|x| x["name"] == p.name && x["in"] == "path"), "{id} {}", p.name);
            }
            if info.doc().inferred {
                assert!(op["description"].as_str().unwrap().contains("Inferred"), "{id}");
            }
            seen.push(id.to_owned());
        }
    }
    assert_eq!(seen.len(), 71);
    assert_eq!(seen.len(), CATALOG.len());
    assert!(doc["components"]["schemas"]["Member"].is_object());
    assert!(doc["components"]["schemas"]["ErrorResponse"].is_object());
    // Request bodies carry the body parameters with their requiredness.
    let invite = &doc["paths"]["/members"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    assert!(invite["required"].as_array().unwrap().iter().any(|v| v == "email"));
    assert_eq!(invite["properties"]["email"]["format"], "email");
}

/// The document says "inferred" wherever the operation table does, and nowhere it does not.
#[tokio::test]
async fn the_document_labels_what_is_inferred_as_the_table_does() {
    let app = app();
    let doc = raw(&app, "GET", "/api/v2/openapi.json", None, None, &[]).await.body;
    let op = |path: &str, method: &str| doc["paths"][path][method].clone();
    let description = |path: &str, method: &str| op(path, method)["description"].as_str().unwrap_or("").to_owned();

    // Success statuses and messages the reference does not show.
    assert!(description("/members", "post").contains("the success status 201"), "{}", description("/members", "post"));
    assert!(op("/members", "post")["responses"]["201"]["description"].as_str().unwrap().contains("status inferred"));
    assert!(op("/tasks", "post")["responses"]["201"]["description"].as_str().unwrap().contains("status and message inferred"));
    assert!(description("/tasks/{taskId}", "put").contains("the success message \"Task updated successfully\""));
    // The reference's own message is not labelled.
    assert_eq!(op("/contracts/{contractId}", "put")["responses"]["200"]["description"], "Contract retrieved successfully");
    assert!(!description("/members/{memberId}", "get").contains("Inferred ("));
    // Parameters the reference does not list, in the query and in the body.
    let time_requests = op("/time-requests", "get");
    let param = |name: &str| time_requests["parameters"].as_array().unwrap().iter().find(|p| p["name"] == name).cloned().unwrap();
    assert!(param("user_id")["description"].as_str().unwrap().contains("Inferred"));
    assert!(param("date_from").get("description").is_none());
    let expense = &op("/expenses", "post")["requestBody"]["content"]["application/json"]["schema"]["properties"];
    assert!(expense["user_id"]["description"].as_str().unwrap().contains("Inferred"));
    assert!(expense["amount"].get("description").is_none());
    // Behaviour, whole operations, and what every operation shares.
    assert!(description("/members/{memberId}", "delete").contains("You cannot archive yourself."));
    assert!(description("/webhooks/{webhookId}", "delete").contains("Inferred: this operation"));
    let info = doc["info"]["description"].as_str().unwrap();
    assert!(info.contains("X-RateLimit-Remaining") && info.contains("Too many requests.") && info.contains("The access token is invalid"));
    let members = op("/members", "get");
    assert!(members["responses"]["200"]["headers"]["X-RateLimit-Limit"]["description"].as_str().unwrap().contains("inferred"));
    assert!(members["responses"]["429"]["headers"]["Retry-After"].is_object());
    assert!(members["responses"]["409"]["description"].as_str().unwrap().contains("inferred"));
}

/// Request schemas close the enumerations the API documents (replies are read tolerantly).
#[tokio::test]
async fn request_schemas_close_documented_enumerations() {
    let app = app();
    let doc = raw(&app, "GET", "/api/v2/openapi.json", None, None, &[]).await.body;
    let body =
        |path: &str, method: &str| doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]["properties"].clone();
    // A new task takes the base status codes only; filters and updates take custom ones too.
    assert_eq!(body("/tasks", "post")["status"]["enum"], serde_json::json!([0, 10, 20, 30]));
    assert!(body("/tasks/{taskId}", "put")["status"].get("enum").is_none());
    assert_eq!(body("/members/{memberId}", "put")["rate_status"]["enum"], serde_json::json!([0, 1]));
    let events = &body("/webhooks", "post")["events"]["items"]["enum"];
    assert!(events.as_array().unwrap().iter().any(|e| e == "task.updated"), "{events}");
    assert!(body("/members", "post")["role"]["enum"].as_array().unwrap().iter().all(|r| r.is_string()));
    // Text in the URL is short, as the client and the sandbox hold it.
    let list = doc["paths"]["/reports/tracked-hours"]["get"]["parameters"].as_array().unwrap().clone();
    let currencies = list.iter().find(|p| p["name"] == "currencies").unwrap();
    assert_eq!((currencies["schema"]["maxItems"].as_u64(), currencies["schema"]["items"]["maxLength"].as_u64()), (Some(10), Some(255)));
}

#[tokio::test]
async fn url_text_limits_and_blank_typed_values_are_refused_by_client_and_sandbox() {
    let app = app();
    let long = "x".repeat(256);
    let r = call(&app, OWNER, "GET", &format!("/api/v2/projects?workspace_id=1&name={long}"), None).await;
    assert_eq!((r.status, r.message()), (422, "The name field must not be greater than 255 characters."));
    let err = client(&app, OWNER).send(&ListProjects::new(WS).name(long.as_str())).await.unwrap_err();
    assert_eq!((err.kind(), err.field()), ("invalid_request", Some("name")));
    // A blank e-mail filter is not an e-mail (the document's format says so): refused, not ignored.
    let r = call(&app, OWNER, "GET", "/api/v2/members?workspace_id=1&email=", None).await;
    assert_eq!((r.status, r.message()), (422, "The email field must be a valid email address."));
    let r = call(&app, OWNER, "GET", "/api/v2/members?workspace_id=1&email=regular%40acme.test", None).await;
    assert_eq!(r.body["data"].as_array().map(Vec::len), Some(1));
}
