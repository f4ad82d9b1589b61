//! The OpenAPI 3.1 document at `/api/v2/openapi.json`, generated from the same operation table
//! the client and the router use (`webwork_core::ops::CATALOG`), with response schemas from the
//! core models (`output_schemas`, JSON Schema 2020-12 as OpenAPI 3.1 uses).

use std::collections::HashMap;

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};
use webwork_core::envelope::Meta;
use webwork_core::ops::{Location, Method, OpInfo, ParamInfo, CATALOG};
use webwork_core::params::{ParamKind, MAX_STRING_LEN};

/// Error statuses every operation may answer with (the reference's list plus 405, 409, 413, 429).
const ERROR_STATUSES: &[(&str, &str)] = &[
    ("400", "Malformed JSON or query, or workspace_id missing."),
    ("401", "Missing or invalid bearer token."),
    ("403", "Not a member of the workspace, the role may not do this, or the token lacks the scope."),
    ("404", "No such resource in this workspace."),
    ("405", "Method not allowed on this path."),
    ("409", "Conflicts with the current state."),
    ("413", "Body larger than 1 MiB."),
    ("422", "A parameter breaks a rule; the message names it."),
    ("429", "Rate limit spent; see Retry-After."),
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
            "description": "The sandbox's emulation of WebWork Tracker REST API v2, generated from the operation table of webwork-core. Operations marked inferred are not confirmed by the vendor's documentation.",
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
    if op.doc().inferred {
        description.push_str("\n\nInferred: this operation is not confirmed by the vendor's documentation; its path and behaviour follow the API's conventions.");
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

fn request_body(op: &OpInfo) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for p in op.params {
        match p.location {
            Location::Body => {
                props.insert(p.name.to_owned(), param_schema(op, p));
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
    responses.insert(
        op.doc().success_status.to_string(),
        json!({
            "description": op.doc().message.unwrap_or("Success"),
            "content": {"application/json": {"schema": {"type": "object", "required": ["success", "data", "meta"], "properties": props}}}
        }),
    );
    for (status, why) in ERROR_STATUSES {
        let mut r = json!({
            "description": why,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
        });
        if *status == "429" {
            r["headers"] = json!({"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds until the budget frees a slot."}});
        }
        responses.insert((*status).to_owned(), r);
    }
    Value::Object(responses)
}

fn param_schema(op: &OpInfo, p: &ParamInfo) -> Value {
    if p.name == "page" {
        return json!({"type": "integer", "minimum": 1});
    }
    if p.name == "per_page" {
        return json!({"type": "integer", "minimum": 1, "maximum": op.per_page_max.unwrap_or(100)});
    }
    kind_schema(p.kind, p.name)
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
