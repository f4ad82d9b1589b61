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
