//! The OpenAPI 3.1 document at `/api/v2/openapi.json`, generated from the same operation table
//! the client and the router use (`webwork_core::ops::CATALOG`), with response schemas from the
//! core models (`output_schemas`, JSON Schema 2020-12 as OpenAPI 3.1 uses).

use std::collections::HashMap;

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};
use webwork_core::envelope::Meta;
use webwork_core::ops::{Location, Method, OpInfo, ParamInfo, CATALOG};
use webwork_core::params::{ParamKind, MAX_STRING_LEN, MAX_URL_TEXT_ITEMS, MAX_URL_TEXT_LEN};

/// Error statuses every operation may answer with: the reference's list (400, 401, 403, 404,
/// 422, 500) plus 405, 409, 413 and 429, which it does not list (inferred).
const ERROR_STATUSES: &[(&str, &str)] = &[
    ("400", "Malformed JSON or query, or workspace_id missing: \"workspace_id is required in request body\" on a write, without an `error` key, as the reference's sample shows it (\"workspace_id is required\" on a read: inferred)."),
    ("401", "Missing or invalid bearer token. Messages (inferred): \"Unauthenticated. Send the header Authorization: Bearer <token>.\" without a token; \"The access token is invalid or has expired.\" otherwise."),
    ("403", "Not a member of the workspace, the role may not do this, or the token lacks the scope."),
    ("404", "No such resource in this workspace."),
    ("405", "Method not allowed on this path; `Allow` lists the path's methods (inferred: the reference lists no 405)."),
    ("409", "Conflicts with the current state (inferred: the reference lists no 409)."),
    ("413", "Body larger than 1 MiB (inferred: the reference lists no 413)."),
    ("422", "A parameter breaks a rule; the message names it."),
    ("429", "Rate limit spent; see Retry-After. Message (inferred; the reference shows no 429 body): \"Too many requests. Try again in N seconds.\""),
    ("500", "Server failure."),
];

pub fn document() -> Value {
    let mut generator =
        SchemaSettings::draft2020_12().with(|s| s.definitions_path = "/components/schemas".into()).for_serialize().into_generator();
    let outputs: HashMap<&str, schemars::Schema> = webwork_core::ops::output_schemas(&mut generator).into_iter().collect();
    let meta = generator.subschema_for::<Meta>();
    let mut schemas = generator.take_definitions(true);
    schemas.insert(
        "ErrorResponse".into(),
        json!({
            "type": "object",
            "required": ["success", "message", "meta"],
            "properties": {
                "success": {"const": false},
                "message": {"type": "string"},
                "error": {"type": ["string", "null"]},
                "meta": meta.clone(),
            }
        }),
    );

    let mut paths: Map<String, Value> = Map::new();
    for op in CATALOG {
        let output = outputs.get(op.id).map(|s| s.clone().to_value()).unwrap_or(json!({}));
        let item = paths.entry(op.path.to_owned()).or_insert_with(|| json!({}));
        item[op.method.as_str().to_ascii_lowercase()] = operation(op, output, meta.clone().to_value());
    }

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "WebWork Tracker REST API v2 (webwork-sandbox)",
            "version": webwork_core::API_VERSION,
            "description": info_description(),
        },
        "servers": [{"url": "/api/v2"}],
        "security": [{"bearerAuth": []}, {"oauth2": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "description": "A personal access token, e.g. demo-owner in the sandbox. Personal tokens carry every scope."},
                "oauth2": {
                    "type": "oauth2",
                    "description": "OAuth 2.0. The reference documents OAuth2 with the scope read; the URLs, the scopes write and admin, the lifetimes (access tokens 15 days, refresh tokens 30 days, rotated on use) and which operation needs which scope are inferred (the sandbox's emulation). Demo app: client_id demo-client, client_secret demo-secret.",
                    "flows": {
                        "authorizationCode": {
                            "authorizationUrl": "/oauth/authorize",
                            "tokenUrl": "/oauth/token",
                            "refreshUrl": "/oauth/token",
                            "scopes": scopes_doc(),
                        },
                        "clientCredentials": {
                            "tokenUrl": "/oauth/token",
                            "scopes": scopes_doc(),
                        }
                    }
                }
            }
        }
    })
}

/// The document's description: what it is, and what every operation shares that the reference
/// does not show (`webwork_core::ops::inferred::CONVENTIONS`).
fn info_description() -> String {
    let mut text = String::from(
        "The sandbox's emulation of WebWork Tracker REST API v2, generated from the operation table of webwork-core. \
         Whatever the vendor's reference does not show is labelled inferred: whole operations, success statuses, \
         success messages, parameters and behaviour, in each operation's description.\n\nInferred for every operation:",
    );
    for (what, choice) in webwork_core::ops::inferred::CONVENTIONS {
        text.push_str(&format!("\n- {what}: {choice}."));
    }
    text
}

/// The three scopes with what they allow (inferred beyond `read`).
fn scopes_doc() -> Value {
    json!({
        "read": "Read the workspace's data (every GET except webhooks).",
        "write": "Create, change and delete (inferred).",
        "admin": "Manage members (invite, update, archive, restore) and webhooks (inferred)."
    })
}

fn operation(op: &OpInfo, output: Value, meta: Value) -> Value {
    let rule = crate::roles::rule(op.id);
    let scope = webwork_core::access::scope_for(op.id);
    let mut description = if op.has_workspace() {
        format!(
            "{}\n\nWho may call: owners and executive managers (the reference's rule, the sandbox's default); with --access roles (inferred): {}.",
            op.doc().summary.trim(),
            rule.access.label()
        )
    } else {
        format!("{}\n\nWho may call: {}.", op.doc().summary.trim(), rule.access.label())
    };
    if rule.filtered {
        description.push_str(" Results are narrowed to what the caller's role may see.");
    }
    description.push_str(&format!(" OAuth scope needed: {scope} (inferred)."));
    let doc = op.doc();
    if doc.inferred {
        description.push_str("\n\nInferred: this operation is not confirmed by the vendor's documentation; its path and behaviour follow the API's conventions.");
    } else {
        let mut guesses = Vec::new();
        if doc.status_inferred {
            guesses.push(format!("the success status {}", doc.success_status));
        }
        if let (true, Some(message)) = (doc.message_inferred, doc.message) {
            guesses.push(format!("the success message \"{message}\""));
        }
        if !doc.inferred_params.is_empty() {
            let names: Vec<String> = doc.inferred_params.iter().map(|p| format!("`{p}`")).collect();
            guesses.push(format!("the parameter{} {}", if names.len() == 1 { "" } else { "s" }, names.join(", ")));
        }
        guesses.extend(doc.inferred_notes.iter().map(|n| (*n).to_owned()));
        if !guesses.is_empty() {
            description.push_str(&format!("\n\nInferred (not shown by the vendor's reference): {}.", guesses.join("; ")));
        }
    }

    let mut parameters = Vec::new();
    for p in op.params {
        let (location, required) = match p.location {
            Location::Path => ("path", true),
            Location::Query => ("query", p.required),
            // Accepted in the query string or the JSON body; documented in the query string.
            Location::Workspace => ("query", true),
            Location::Body => continue,
        };
        let mut param = json!({
            "name": p.name,
            "in": location,
            "required": required,
            "schema": param_schema(op, p),
        });
        if op.doc().param_inferred(p.name) {
            param["description"] = json!(INFERRED_PARAM);
        }
        if matches!(p.kind, ParamKind::IntegerList | ParamKind::StringList | ParamKind::EnumList(_)) {
            param["style"] = json!("form");
            param["explode"] = json!(false);
        }
        parameters.push(param);
    }

    let mut out = json!({
        "operationId": op.id,
        "tags": [op.doc().tag],
        "summary": first_line(op.doc().summary),
        "description": description,
        "parameters": parameters,
        "responses": responses(op, output, meta),
        "security": [{"bearerAuth": []}, {"oauth2": [scope.as_str()]}],
    });
    if op.method != Method::Get {
        out["requestBody"] = request_body(op);
    }
    out
}

/// What an inferred parameter's description says.
const INFERRED_PARAM: &str = "Inferred: the vendor's reference does not list this parameter for this operation.";

fn request_body(op: &OpInfo) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for p in op.params {
        match p.location {
            Location::Body => {
                let mut schema = param_schema(op, p);
                if op.doc().param_inferred(p.name) {
                    schema["description"] = json!(INFERRED_PARAM);
                }
                props.insert(p.name.to_owned(), schema);
                if p.required {
                    required.push(p.name);
                }
            }
            Location::Workspace => {
                props.insert(p.name.to_owned(), param_schema(op, p));
            }
            _ => {}
        }
    }
    json!({
        "required": false,
        "content": {"application/json": {"schema": {"type": "object", "properties": props, "required": required}}}
    })
}

fn responses(op: &OpInfo, output: Value, meta: Value) -> Value {
    let mut props = json!({
        "success": {"const": true},
        "data": output,
        "message": {"type": "string"},
        "meta": meta,
    });
    if op.id == "createTimeEntry" {
        props["saved_minutes"] = json!({"type": "integer"});
    }
    let mut responses = Map::new();
    let doc = op.doc();
    let success = match (doc.message, doc.status_inferred, doc.message_inferred) {
        (None, false, _) => "Success".to_owned(),
        (None, true, _) => format!("Success (status {} inferred).", doc.success_status),
        (Some(m), s, mi) if s || mi => {
            let what = match (s, mi) {
                (true, true) => "status and message",
                (true, false) => "status",
                _ => "message",
            };
            format!("{m} ({what} inferred: not shown by the vendor's reference).")
        }
        (Some(m), _, _) => m.to_owned(),
    };
    responses.insert(
        doc.success_status.to_string(),
        json!({
            "description": success,
            "headers": rate_limit_headers(),
            "content": {"application/json": {"schema": {"type": "object", "required": ["success", "data", "meta"], "properties": props}}}
        }),
    );
    for (status, why) in ERROR_STATUSES {
        let mut r = json!({
            "description": why,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
        });
        let mut headers = rate_limit_headers();
        if *status == "429" {
            headers["Retry-After"] = json!({"schema": {"type": "integer"}, "description": "Seconds until the budget frees a slot."});
        }
        r["headers"] = headers;
        responses.insert((*status).to_owned(), r);
    }
    Value::Object(responses)
}

/// The rate-limit headers of every answer; their names are inferred (the reference says the
/// limit is reported in headers without naming them).
fn rate_limit_headers() -> Value {
    let [limit, remaining] = webwork_core::ops::inferred::RATE_LIMIT_HEADERS;
    json!({
        limit: {"schema": {"type": "integer"}, "description": "Requests a minute (inferred header name)."},
        remaining: {"schema": {"type": "integer"}, "description": "Requests left in the window (inferred header name)."},
    })
}

fn param_schema(op: &OpInfo, p: &ParamInfo) -> Value {
    if p.name == "page" {
        return json!({"type": "integer", "minimum": 1});
    }
    if p.name == "per_page" {
        return json!({"type": "integer", "minimum": 1, "maximum": op.per_page_max.unwrap_or(100)});
    }
    let mut schema = kind_schema(p.kind, p.name);
    // Task status: a new task takes the base codes only; filters and updates take custom ones.
    if let (ParamKind::IntEnum(codes), "status", Method::Post) = (p.kind, p.name, op.method) {
        schema = json!({"type": "integer", "enum": codes});
    }
    // Text in the path or the query string is short (ids, filters; inferred limits).
    if matches!(p.location, Location::Path | Location::Query) {
        match p.kind {
            ParamKind::String => schema["maxLength"] = json!(MAX_URL_TEXT_LEN),
            ParamKind::StringList => {
                schema["maxItems"] = json!(MAX_URL_TEXT_ITEMS);
                schema["items"]["maxLength"] = json!(MAX_URL_TEXT_LEN);
            }
            _ => {}
        }
    }
    schema
}

fn kind_schema(kind: ParamKind, name: &str) -> Value {
    match kind {
        ParamKind::Integer => json!({"type": "integer", "minimum": 0}),
        ParamKind::Number => json!({"type": "number"}),
        ParamKind::Boolean => json!({"type": "boolean"}),
        ParamKind::String => json!({"type": "string", "maxLength": MAX_STRING_LEN}),
        ParamKind::Date => json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
        ParamKind::Time => json!({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "examples": ["09:30"]}),
        ParamKind::DateTime => json!({"type": "string", "format": "date-time"}),
        ParamKind::Email => json!({"type": "string", "format": "email", "maxLength": 254}),
        ParamKind::Url => json!({"type": "string", "format": "uri", "pattern": "^https?://[^\\s/?#]+", "maxLength": 2048}),
        ParamKind::IntegerList => json!({"type": "array", "items": {"type": "integer", "minimum": 0}}),
        ParamKind::StringList => json!({"type": "array", "items": {"type": "string", "maxLength": MAX_STRING_LEN}}),
        ParamKind::Enum(values) => json!({"type": "string", "enum": values}),
        // Task status takes workspace-defined codes too.
        ParamKind::IntEnum(codes) if name == "status" => json!({"type": "integer", "minimum": 0, "examples": codes}),
        ParamKind::IntEnum(codes) => json!({"type": "integer", "enum": codes}),
        ParamKind::Flag => json!({"type": "integer", "enum": [0, 1]}),
        ParamKind::EnumList(values) => json!({"type": "array", "items": {"type": "string", "enum": values}}),
    }
}

fn first_line(s: &str) -> &str {
    let s = s.trim();
    s.split_terminator(['\n']).next().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_operation_is_documented() {
        let doc = super::document();
        let mut ids = Vec::new();
        for (_, item) in doc["paths"].as_object().unwrap() {
            for (_, op) in item.as_object().unwrap() {
                ids.push(op["operationId"].as_str().unwrap().to_owned());
            }
        }
        assert_eq!(ids.len(), webwork_core::ops::CATALOG.len());
    }
}
