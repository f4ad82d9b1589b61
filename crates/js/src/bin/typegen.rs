//! `webwork-js-typegen --out-dir DIR [--fixtures FILE] [--markdown FILE]`: writes the generated
//! half of the npm package from the core's one operation table and its models.
//!
//! * `api.js`: the runtime table. One entry per operation of `CATALOG` under its namespace
//!   (method name, operation id, camelCase -> wire parameter names, the shape of its `data`, page
//!   cap and iterator name), plus `SHAPES`, every model as data: which keys it has, their types
//!   and defaults. `web/src/index.js` builds the namespaces from it and reads every reply
//!   through the shapes (the core's tolerant reading, done in JS so the wasm stays small).
//! * `api.d.ts`: TypeScript for every model (from the core's JSON Schemas, serialize contract,
//!   so the types describe exactly what the reader produces), every parameter object (from the
//!   CATALOG's parameter kinds), every namespace and the error kinds.
//! * `--fixtures FILE`: one case per operation for the package's conformance test: parameters,
//!   the request the core's builder makes of them, a reply `data` with the drift the core
//!   tolerates (numbers as strings, missing fields, `null` lists, other-case enum values...), and
//!   what the core's typed decoding (`decode_for`) reads from it. The JS package must agree.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};
use webwork_core::ops::{self, Location, OpInfo};
use webwork_core::params::ParamKind;
use webwork_core::ApiError;
use webwork_js::convert::camelize;
use webwork_js::naming::{self, camel, JsOp};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out_dir: Option<PathBuf> = None;
    let mut fixtures: Option<PathBuf> = None;
    let mut markdown: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out-dir" => out_dir = args.next().map(PathBuf::from),
            "--fixtures" => fixtures = args.next().map(PathBuf::from),
            "--markdown" => markdown = args.next().map(PathBuf::from),
            other => {
                fail(&format!("unknown argument {other:?}; usage: webwork-js-typegen --out-dir DIR [--fixtures FILE] [--markdown FILE]"))
            }
        }
    }
    let out_dir = out_dir.unwrap_or_else(|| fail("--out-dir DIR is required"));
    let model = Model::load();
    std::fs::create_dir_all(&out_dir).unwrap_or_else(|e| fail(&format!("{}: {e}", out_dir.display())));
    write(&out_dir.join("api.js"), &model.api_js());
    write(&out_dir.join("api.d.ts"), &model.api_dts());
    if let Some(path) = markdown {
        write(&path, &model.api_md());
    }
    if let Some(path) = fixtures {
        write(&path, &serde_json::to_string_pretty(&model.fixtures()).expect("fixtures are JSON"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("webwork-js-typegen: {message}");
    std::process::exit(2);
}

fn write(path: &std::path::Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    println!("wrote {}", path.display());
}

/// The core's CATALOG with JS names, and the JSON Schemas of every output.
struct Model {
    ops: Vec<JsOp>,
    /// Operation id -> schema of its `data`.
    outputs: BTreeMap<String, Value>,
    /// Model name -> schema.
    defs: BTreeMap<String, Value>,
}

impl Model {
    fn load() -> Model {
        // Serialize contract: the JS reader produces what the core's models serialize to, so
        // every field is present (nullable where it is an Option) unless skipped when empty.
        let mut generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
        let outputs = ops::output_schemas(&mut generator).into_iter().map(|(id, schema)| (id.to_owned(), schema.to_value())).collect();
        generator.subschema_for::<webwork_core::Meta>();
        let defs = generator.take_definitions(true).into_iter().collect();
        Model { ops: naming::operations(), outputs, defs }
    }

    fn output(&self, op: &OpInfo) -> &Value {
        self.outputs.get(op.id).unwrap_or_else(|| fail(&format!("no output schema for {}", op.id)))
    }

    fn namespaces(&self) -> Vec<(String, Vec<&JsOp>)> {
        naming::namespaces()
            .into_iter()
            .map(|ns| {
                let ops = self.ops.iter().filter(|o| o.namespace == ns).collect();
                (ns, ops)
            })
            .collect()
    }

    // ---- api.js ----

    fn api_js(&self) -> String {
        let mut out = String::from(HEADER_JS);
        // Parameters by their wire names only: the JS name is `naming::param_name` of it, which
        // index.js applies (shipping both cost 0.3 KB gzipped).
        out.push_str(
            "// [method, operation id, [wireName], shape of data, per-page cap or 0, iterator or \"\"]\nexport const OPERATIONS = {\n",
        );
        for (ns, ops) in self.namespaces() {
            let _ = writeln!(out, "  {ns}: [");
            for op in ops {
                let params: Vec<&str> = op.op.params.iter().map(|p| p.name).collect();
                let entry = json!([
                    op.method,
                    op.op.id,
                    params,
                    shape(self.output(op.op)),
                    op.op.per_page_max.unwrap_or(0),
                    op.iterator.clone().unwrap_or_default(),
                ]);
                let _ = writeln!(out, "    {entry},");
            }
            out.push_str("  ],\n");
        }
        out.push_str(
            "};\n\n// Every model: a struct is {f: [[wireName, shape, default]]}; see web/src/index.js.\nexport const SHAPES = {\n",
        );
        for (name, schema) in &self.defs {
            let _ = writeln!(out, "  {name}: {},", def_shape(schema));
        }
        out.push_str("};\n");
        out
    }

    // ---- api.d.ts ----

    fn api_dts(&self) -> String {
        let mut out = String::from(HEADER_DTS);
        out.push_str("import type { ApiResponse, CallOptions, PageResponse } from './index.js';\n\n");

        out.push_str("/** What went wrong, as `WebWorkError.kind` tells it (the core's `ApiError::kind`). */\nexport type ErrorKind =\n");
        for kind in error_kinds() {
            let _ = writeln!(out, "  | '{kind}'");
        }
        out.push_str(";\n\n// ---- Models (what `data` holds), from the core's Rust types ----\n\n");
        for (name, schema) in &self.defs {
            out.push_str(&doc(schema.get("description").and_then(Value::as_str).unwrap_or(""), ""));
            match schema.get("properties") {
                Some(_) => {
                    let _ = writeln!(out, "export interface {name} {}\n", ts_object(schema, ""));
                }
                None => {
                    let _ = writeln!(out, "export type {name} = {};\n", ts(schema));
                }
            }
        }

        out.push_str("// ---- Parameters of each operation (camelCase; the API's snake_case names on the wire) ----\n\n");
        for op in &self.ops {
            let _ = writeln!(
                out,
                "{}export interface {} {{",
                doc(&format!("Parameters of `{}.{}`: {}", op.namespace, op.method, self.js_text(op.op.doc().summary)), ""),
                params_type(op.op)
            );
            for p in op.op.params {
                let where_ = match p.location {
                    Location::Path => "in the path",
                    Location::Query => "in the query string",
                    Location::Body => "in the JSON body",
                    Location::Workspace => "in the query string (and the body of writes)",
                };
                let hint = kind_hint(p.kind);
                let inferred = if op.op.doc().param_inferred(p.name) { "; inferred: not in the vendor's reference" } else { "" };
                let text = format!("`{}` {where_}{}{}{inferred}", p.name, if hint.is_empty() { "" } else { "; " }, hint);
                out.push_str(&doc(&text, "  "));
                let _ = writeln!(out, "  {}{}: {};", naming::param_name(p.name), if p.required { "" } else { "?" }, kind_ts(p.kind));
            }
            out.push_str("}\n\n");
        }

        out.push_str("// ---- Namespaces: one per resource, one method per operation ----\n\n");
        for (ns, ops) in self.namespaces() {
            let _ = writeln!(out, "/** `client.{ns}` */\nexport interface {}Api {{", pascal(&ns));
            for op in ops {
                let info = op.op;
                let params = params_type(info);
                let optional = if info.params.iter().any(|p| p.required) { "" } else { "?" };
                let doc_row = info.doc();
                let inferred = if doc_row.inferred {
                    " Inferred: not confirmed by the vendor's reference."
                } else if doc_row.status_inferred || doc_row.message_inferred {
                    " Its success status or message is inferred (not shown by the vendor's reference)."
                } else {
                    ""
                };
                let head =
                    format!("{}{inferred}\n\n`{} {}` (operation `{}`).", self.js_text(info.doc().summary), info.method, info.path, info.id);
                let output = self.output(info);
                match (&op.iterator, item_schema(output)) {
                    (Some(iter), Some(item)) => {
                        let item = ts(item);
                        out.push_str(&doc(&format!("{head} One page; `hasNext` says whether another follows."), "  "));
                        let _ = writeln!(
                            out,
                            "  {}(params{optional}: {params}, options?: CallOptions): Promise<PageResponse<{item}>>;",
                            op.method
                        );
                        let max = info.per_page_max.unwrap_or(100);
                        out.push_str(&doc(
                            &format!("Every item of `{}` across all pages, fetched as you iterate (`perPage` defaults to {max}; each page goes through the rate pacer).", op.method),
                            "  ",
                        ));
                        let _ =
                            writeln!(out, "  {iter}(params{optional}: {params}, options?: CallOptions): AsyncIterableIterator<{item}>;");
                    }
                    _ => {
                        out.push_str(&doc(&head, "  "));
                        let _ = writeln!(
                            out,
                            "  {}(params{optional}: {params}, options?: CallOptions): Promise<ApiResponse<{}>>;",
                            op.method,
                            ts(output)
                        );
                    }
                }
            }
            out.push_str("}\n\n");
        }
        out.push_str("/** Every namespace of the client. */\nexport interface Namespaces {\n");
        for (ns, _) in self.namespaces() {
            let _ = writeln!(out, "  readonly {ns}: {}Api;", pascal(&ns));
        }
        out.push_str("}\n");
        out
    }

    /// A summary from the table in the package's terms: builder names become methods
    /// (`RestoreMember` -> `members.restore`), snake_case names camelCase (`user_id` -> `userId`).
    fn js_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for (i, part) in text.trim().split('`').enumerate() {
            if i % 2 == 0 {
                out.push_str(part);
                continue;
            }
            let name = match self.ops.iter().find(|o| o.op.doc().name == part) {
                Some(o) => format!("{}.{}", o.namespace, o.method),
                None => camel(part).into_owned(),
            };
            out.push('`');
            out.push_str(&name);
            out.push('`');
        }
        out
    }

    // ---- the README's table of methods ----

    fn api_md(&self) -> String {
        let mut out = String::from("| Method | Operation | HTTP | What it does |\n|---|---|---|---|\n");
        for op in &self.ops {
            let info = op.op;
            let iter = op.iterator.as_ref().map(|i| format!(" / `{i}`")).unwrap_or_default();
            let summary = self.js_text(info.doc().summary).replace('|', "\\|").replace('\n', " ");
            let inferred = if info.doc().inferred { " *(inferred)*" } else { "" };
            let _ = writeln!(
                out,
                "| `{}.{}`{iter} | `{}` | `{} {}` | {summary}{inferred} |",
                op.namespace, op.method, info.id, info.method, info.path
            );
        }
        out
    }

    // ---- conformance fixtures ----

    fn fixtures(&self) -> Value {
        const BASE: &str = "http://api.test/api/v2";
        let cases: Vec<Value> = self
            .ops
            .iter()
            .flat_map(|op| {
                let wire = sample_params(op.op);
                let request = ops::request_for(op.op.id, &wire)
                    .unwrap_or_else(|e| fail(&format!("sample parameters of {} are refused: {e}", op.op.id)));
                let js_params: Map<String, Value> = wire.iter().map(|(k, v)| (naming::param_name(k).into_owned(), v.clone())).collect();
                // Two replies: drift in the values, and drift in the containers (null lists,
                // missing objects, names for people), which would hide the first if combined.
                let mut replies = vec![self.drifted_reply(op.op, false), self.drifted_reply(op.op, true)];
                replies.dedup();
                replies
                    .into_iter()
                    .map(|(input, expected)| {
                        json!({
                            "namespace": op.namespace,
                            "method": op.method,
                            "iterator": op.iterator,
                            "id": op.op.id,
                            "params": js_params,
                            "request": {
                                "method": request.method.as_str(),
                                "url": request.url(BASE),
                                "body": request.body,
                            },
                            "data": input,
                            "expected": expected,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        json!({ "baseUrl": BASE, "cases": cases })
    }

    /// A reply `data` for `op` with as much tolerated drift as the core accepts, and what the
    /// core reads from it (camelCased as the package promises). Drift is applied leaf by leaf
    /// and kept only where `decode_for` still succeeds, so every case is one the core reads.
    fn drifted_reply(&self, op: &OpInfo, containers: bool) -> (Value, Value) {
        let decode = |data: &Value| {
            let body = serde_json::to_vec(&json!({ "data": data })).expect("JSON");
            ops::decode_for(op.id, 200, &body, None).ok().map(|r| camelize(r.data))
        };
        let mut data = self.sample(self.output(op), 0);
        if decode(&data).is_none() {
            fail(&format!("the core cannot read the clean sample reply of {}: {data}", op.id));
        }
        let mut paths = Vec::new();
        collect_paths(&data, &mut Vec::new(), &mut paths);
        if containers {
            // Inner containers first, so a list nulled inside an object is not hidden by the object.
            paths.reverse();
        }
        for (k, path) in paths.into_iter().enumerate() {
            let Some(current) = get(&data, &path) else { continue };
            if (current.is_array() || current.is_object()) != containers || path.is_empty() {
                continue;
            }
            let mut options = drifts(current);
            // Rotate so the sample mixes every kind of drift (strings for numbers, missing keys...).
            let turn = k % options.len().max(1);
            options.rotate_left(turn);
            for drifted in options {
                let mut candidate = data.clone();
                set(&mut candidate, &path, drifted);
                if decode(&candidate).is_some() {
                    data = candidate;
                    break;
                }
            }
        }
        // Unknown fields are ignored by the core: add one to every object.
        let mut candidate = data.clone();
        add_unknown_keys(&mut candidate);
        if decode(&candidate).is_some() {
            data = candidate;
        }
        let expected = decode(&data).expect("checked above");
        (data, expected)
    }

    /// A clean value of `schema` (the shape the sandbox sends).
    fn sample(&self, schema: &Value, depth: usize) -> Value {
        let Some(o) = schema.as_object() else { return Value::Null };
        if let Some(r) = o.get("$ref").and_then(Value::as_str) {
            let name = ref_name(r);
            let def = self.defs.get(name).unwrap_or_else(|| fail(&format!("unknown $ref {r}")));
            return self.sample(def, depth + 1);
        }
        if let Some(any) = o.get("anyOf").or_else(|| o.get("oneOf")).and_then(Value::as_array) {
            let first = any.iter().find(|s| s.get("type") != Some(&json!("null"))).unwrap_or(&Value::Null);
            return self.sample(first, depth);
        }
        if let Some(examples) = o.get("examples").and_then(Value::as_array) {
            return examples.first().cloned().unwrap_or(Value::Null);
        }
        let ty = match o.get("type") {
            Some(Value::Array(types)) => types.iter().find(|t| *t != "null").cloned().unwrap_or(Value::Null),
            Some(t) => t.clone(),
            None => return json!({"any": [1, "x"]}),
        };
        match ty.as_str().unwrap_or("null") {
            "integer" => json!(7),
            "number" => json!(12.5),
            "boolean" => json!(true),
            "string" => json!("text"),
            "null" => Value::Null,
            "array" => {
                let items = o.get("items").cloned().unwrap_or(Value::Bool(true));
                if depth > 6 {
                    json!([])
                } else {
                    json!([self.sample(&items, depth + 1)])
                }
            }
            "object" => {
                if let Some(props) = o.get("properties").and_then(Value::as_object) {
                    props.iter().map(|(k, s)| (k.clone(), self.sample(s, depth + 1))).collect::<Map<_, _>>().into()
                } else if let Some(ap) = o.get("additionalProperties") {
                    json!({ "2026-03-04": self.sample(ap, depth + 1) })
                } else {
                    json!({})
                }
            }
            _ => Value::Null,
        }
    }
}

const HEADER_JS: &str =
    "// Generated by `cargo xtask npm` (crates/js/src/bin/typegen.rs) from webwork-core's CATALOG\n// and models. Do not edit.\n\n";
const HEADER_DTS: &str =
    "// Generated by `cargo xtask npm` (crates/js/src/bin/typegen.rs) from webwork-core's CATALOG\n// and models. Do not edit.\n\n";

/// Every `ApiError::kind()`, in declaration order. The match makes a new variant a compile error here.
fn error_kinds() -> Vec<&'static str> {
    let all = [
        ApiError::InvalidRequest { field: "", reason: String::new() },
        ApiError::Validation { status: 422, message: String::new(), detail: None },
        ApiError::Unauthorized { message: String::new() },
        ApiError::Forbidden { message: String::new() },
        ApiError::NotFound { message: String::new() },
        ApiError::Conflict { message: String::new() },
        ApiError::RateLimited { retry_after_ms: None, message: String::new() },
        ApiError::Server { status: 500, message: String::new() },
        ApiError::Http { status: 418, message: String::new() },
        ApiError::Network { message: String::new() },
        ApiError::Timeout { after_ms: 0 },
        ApiError::Aborted,
        ApiError::Decode { path: String::new(), message: String::new() },
    ];
    for e in &all {
        match e {
            ApiError::InvalidRequest { .. }
            | ApiError::Validation { .. }
            | ApiError::Unauthorized { .. }
            | ApiError::Forbidden { .. }
            | ApiError::NotFound { .. }
            | ApiError::Conflict { .. }
            | ApiError::RateLimited { .. }
            | ApiError::Server { .. }
            | ApiError::Http { .. }
            | ApiError::Network { .. }
            | ApiError::Timeout { .. }
            | ApiError::Aborted
            | ApiError::Decode { .. } => {}
        }
    }
    all.iter().map(ApiError::kind).collect()
}

fn pascal(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

fn params_type(op: &OpInfo) -> String {
    format!("{}Params", op.doc().name)
}

fn ref_name(r: &str) -> &str {
    r.rsplit('/').next().unwrap_or(r)
}

/// A JSDoc block (empty text: nothing).
fn doc(text: &str, indent: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let text = text.replace("*/", "*\\/");
    let mut out = format!("{indent}/**\n");
    for line in text.lines() {
        if line.trim().is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {line}");
        }
    }
    let _ = writeln!(out, "{indent} */");
    out
}

fn is_identifier(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => other.to_string(),
    }
}

fn union(mut parts: Vec<String>) -> String {
    let mut seen = Vec::new();
    parts.retain(|p| {
        let fresh = !seen.contains(p);
        seen.push(p.clone());
        fresh
    });
    if parts.is_empty() {
        "never".into()
    } else {
        parts.join(" | ")
    }
}

/// The TypeScript of a schema.
fn ts(schema: &Value) -> String {
    let o = match schema {
        Value::Bool(true) => return "unknown".into(),
        Value::Bool(false) => return "never".into(),
        Value::Object(o) => o,
        _ => return "unknown".into(),
    };
    if let Some(r) = o.get("$ref").and_then(Value::as_str) {
        return ref_name(r).to_owned();
    }
    if let Some(any) = o.get("anyOf").or_else(|| o.get("oneOf")).and_then(Value::as_array) {
        return union(any.iter().map(ts).collect());
    }
    if let Some(c) = o.get("const") {
        return literal(c);
    }
    if let Some(values) = o.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(literal).collect());
    }
    match o.get("type") {
        Some(Value::Array(types)) => union(
            types
                .iter()
                .map(|t| {
                    let mut one = o.clone();
                    one.insert("type".into(), t.clone());
                    ts(&Value::Object(one))
                })
                .collect(),
        ),
        Some(Value::String(t)) => match t.as_str() {
            "string" | "integer" | "number" => {
                let base = if t == "string" { "string" } else { "number" };
                match o.get("examples").and_then(Value::as_array) {
                    // Open enumerations: the documented values, and any other the server may add.
                    Some(values) if !values.is_empty() => {
                        let mut parts: Vec<String> = values.iter().map(literal).collect();
                        parts.push(format!("({base} & {{}})"));
                        union(parts)
                    }
                    _ => base.into(),
                }
            }
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => {
                let item = o.get("items").map(ts).unwrap_or_else(|| "unknown".into());
                if item.contains(' ') {
                    format!("Array<{item}>")
                } else {
                    format!("{item}[]")
                }
            }
            "object" => {
                if o.contains_key("properties") {
                    ts_object(schema, "")
                } else if let Some(ap) = o.get("additionalProperties") {
                    format!("Record<string, {}>", ts(ap))
                } else {
                    "Record<string, unknown>".into()
                }
            }
            _ => "unknown".into(),
        },
        _ => "unknown".into(),
    }
}

/// `{ key: T; ... }` of an object schema, keys camelCased, in declaration order.
fn ts_object(schema: &Value, indent: &str) -> String {
    let props = schema.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
    let required: Vec<&str> =
        schema.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut out = String::from("{\n");
    for key in ordered_keys(&props, &required) {
        let s = &props[&key];
        let inner = format!("{indent}  ");
        out.push_str(&doc(s.get("description").and_then(Value::as_str).unwrap_or(""), &inner));
        let name = camel(&key);
        let name = if is_identifier(&name) { name.into_owned() } else { literal(&Value::String(name.into_owned())) };
        let optional = if required.contains(&key.as_str()) { "" } else { "?" };
        let _ = writeln!(out, "{inner}{name}{optional}: {};", ts(s));
    }
    out.push_str(indent);
    out.push('}');
    out
}

/// Declaration order where known (`required` keeps it), then the rest alphabetically.
fn ordered_keys(props: &Map<String, Value>, required: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = required.iter().filter(|k| props.contains_key(**k)).map(|k| (*k).to_owned()).collect();
    keys.extend(props.keys().filter(|k| !required.contains(&k.as_str())).cloned());
    keys
}

// ---- shapes: the models as data for the JS reader ----

/// The shape of a schema: `"i"` whole number, `"n"` number, `"b"` boolean, `"s"` string, `"z"`
/// null, `"u"` anything (kept as sent), `"Name"` a model, `["?", s]` nullable, `["[]", s]`
/// list, `["{}", s]` map (keys kept), `["|", a, b]` first that reads, `["e", v...]` open
/// string enumeration, `{f: [[wire, shape, default?]...]}` a struct (the JS name is
/// `naming::camel` of the wire name, which the reader applies: shipping both cost 0.5 KB gzipped).
fn shape(schema: &Value) -> Value {
    let Some(o) = schema.as_object() else { return json!("u") };
    if let Some(r) = o.get("$ref").and_then(Value::as_str) {
        return json!(ref_name(r));
    }
    if let Some(any) = o.get("anyOf").or_else(|| o.get("oneOf")).and_then(Value::as_array) {
        let nullable = any.iter().any(|s| s.get("type") == Some(&json!("null")));
        let rest: Vec<Value> = any.iter().filter(|s| s.get("type") != Some(&json!("null"))).map(shape).collect();
        let inner = match rest.len() {
            0 => json!("z"),
            1 => rest[0].clone(),
            _ => {
                let mut alts = vec![json!("|")];
                alts.extend(rest);
                Value::Array(alts)
            }
        };
        return if nullable { json!(["?", inner]) } else { inner };
    }
    let (ty, nullable) = match o.get("type") {
        Some(Value::Array(types)) => {
            (types.iter().find(|t| *t != "null").and_then(Value::as_str).unwrap_or("null"), types.iter().any(|t| t == "null"))
        }
        Some(Value::String(t)) => (t.as_str(), false),
        _ => return json!("u"),
    };
    let inner = match ty {
        "integer" => json!("i"),
        "number" => json!("n"),
        "boolean" => json!("b"),
        "null" => json!("z"),
        "string" => match o.get("examples").and_then(Value::as_array) {
            Some(values) if !values.is_empty() => {
                let mut e = vec![json!("e")];
                e.extend(values.iter().cloned());
                Value::Array(e)
            }
            _ => json!("s"),
        },
        "array" => json!(["[]", o.get("items").map(shape).unwrap_or(json!("u"))]),
        "object" => {
            if o.contains_key("properties") {
                struct_shape(schema)
            } else if let Some(ap) = o.get("additionalProperties") {
                json!(["{}", shape(ap)])
            } else {
                json!("u")
            }
        }
        _ => json!("u"),
    };
    if nullable && ty != "null" {
        json!(["?", inner])
    } else {
        inner
    }
}

fn struct_shape(schema: &Value) -> Value {
    let props = schema.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
    let required: Vec<&str> =
        schema.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let fields: Vec<Value> = ordered_keys(&props, &required)
        .into_iter()
        .map(|key| {
            let s = &props[&key];
            let mut f = vec![json!(key), shape(s)];
            // A `null` default is what the reader makes of a missing field anyway.
            if let Some(d) = s.get("default").filter(|d| !d.is_null()) {
                f.push(d.clone());
            }
            Value::Array(f)
        })
        .collect();
    json!({ "f": fields })
}

fn def_shape(schema: &Value) -> Value {
    shape(schema)
}

/// The item schema of a list output.
fn item_schema(schema: &Value) -> Option<&Value> {
    (schema.get("type") == Some(&json!("array"))).then(|| schema.get("items")).flatten()
}

// ---- parameters ----

fn kind_ts(kind: ParamKind) -> String {
    let lits = |v: &[&str]| union(v.iter().map(|s| literal(&json!(s))).collect());
    match kind {
        ParamKind::Integer | ParamKind::Number => "number".into(),
        ParamKind::Boolean => "boolean".into(),
        ParamKind::String | ParamKind::Date | ParamKind::Time | ParamKind::DateTime | ParamKind::Email | ParamKind::Url => "string".into(),
        ParamKind::IntegerList => "number[]".into(),
        ParamKind::StringList => "string[]".into(),
        ParamKind::Enum(values) => lits(values),
        // `0`/`1` flags (remove_avatar) take booleans too.
        ParamKind::Flag => "boolean | 0 | 1".into(),
        ParamKind::IntEnum(codes) => {
            let mut parts: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
            parts.push("(number & {})".into());
            union(parts)
        }
        ParamKind::EnumList(values) => format!("Array<{}>", lits(values)),
    }
}

fn kind_hint(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Date => "a date as `YYYY-MM-DD`",
        ParamKind::Time => "a time as `HH:mm`",
        ParamKind::DateTime => "an ISO 8601 date and time, e.g. `2026-03-04T09:00:00Z`",
        ParamKind::Email => "an e-mail address",
        ParamKind::Url => "an `http://` or `https://` URL",
        ParamKind::Integer => "a whole number",
        ParamKind::IntEnum(_) => "a documented code (workspaces may define more)",
        _ => "",
    }
}

/// Parameters the core's builder accepts: every required one, from its kind and name.
fn sample_params(op: &OpInfo) -> Map<String, Value> {
    let value = |name: &str, kind: ParamKind, choice: usize| -> Value {
        let late = name.starts_with("end") || name.ends_with("_to") || name == "deadline";
        match kind {
            ParamKind::Integer => json!(if name == "page" { 1 } else { 3 }),
            ParamKind::Number => json!(1.5),
            ParamKind::Boolean => json!(true),
            ParamKind::String => json!(if name.ends_with("id") || name.ends_with("Id") { "ab12" } else { "Text ✓" }),
            ParamKind::Date => json!(if late { "2026-03-06" } else { "2026-03-02" }),
            ParamKind::Time => json!(if late { "17:30" } else { "09:00" }),
            ParamKind::DateTime => json!(if late { "2026-03-02T17:30:00Z" } else { "2026-03-02T09:00:00Z" }),
            ParamKind::Email => json!("ann.lee@example.com"),
            ParamKind::Url => json!("https://example.com/hook"),
            ParamKind::IntegerList => json!([3, 4]),
            ParamKind::StringList => json!(["a", "b"]),
            ParamKind::Enum(v) | ParamKind::EnumList(v) => {
                let one = json!(v[choice % v.len()]);
                if matches!(kind, ParamKind::EnumList(_)) {
                    json!([one])
                } else {
                    one
                }
            }
            ParamKind::IntEnum(c) => json!(c[choice % c.len()]),
            ParamKind::Flag => json!(choice % 2),
        }
    };
    // Try enum choices until the builder's cross-field rules accept the set.
    for choice in 0..8 {
        let wire: Map<String, Value> =
            op.params.iter().filter(|p| p.required).map(|p| (p.name.to_owned(), value(p.name, p.kind, choice))).collect();
        if ops::request_for(op.id, &wire).is_ok() {
            return wire;
        }
    }
    // Some operations need an optional parameter (e.g. tasks need project_id or contract_id).
    for extra in op.params.iter().filter(|p| !p.required) {
        let mut wire: Map<String, Value> =
            op.params.iter().filter(|p| p.required).map(|p| (p.name.to_owned(), value(p.name, p.kind, 0))).collect();
        wire.insert(extra.name.to_owned(), value(extra.name, extra.kind, 0));
        if ops::request_for(op.id, &wire).is_ok() {
            return wire;
        }
    }
    fail(&format!("found no parameters that {} accepts", op.id))
}

// ---- drift: what the core's tolerant reading accepts ----

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn collect_paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(Step::Key(k.clone()));
                collect_paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                at.push(Step::Index(i));
                collect_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.as_object()?.get(k),
        Step::Index(i) => v.as_array()?.get(*i),
    })
}

fn set(v: &mut Value, path: &[Step], new: Option<Value>) {
    let Some((last, parent)) = path.split_last() else {
        if let Some(new) = new {
            *v = new;
        }
        return;
    };
    let parent = parent.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    });
    match (last, new) {
        (Step::Key(k), None) => {
            if let Some(m) = parent.as_object_mut() {
                m.remove(k);
            }
        }
        (Step::Key(k), Some(new)) => parent[k.as_str()] = new,
        (Step::Index(i), Some(new)) => parent[*i] = new,
        (Step::Index(_), None) => {}
    }
}

/// Replacements to try for a value, most drifted first; `None` removes the key.
fn drifts(v: &Value) -> Vec<Option<Value>> {
    match v {
        Value::Number(n) if n.is_u64() || n.is_i64() => vec![Some(json!(n.to_string())), None],
        Value::Number(n) => vec![Some(json!(format!(" {n} "))), None],
        Value::Bool(b) => vec![Some(json!(if *b { "yes" } else { "0" })), Some(json!(*b as u8)), None],
        Value::String(s) if s.chars().any(|c| c.is_ascii_lowercase()) && s != "text" => {
            vec![Some(json!(s.to_uppercase())), None]
        }
        Value::String(_) => vec![Some(json!(42)), None, Some(Value::Null)],
        Value::Array(_) => vec![Some(Value::Null), None],
        // A person given by name only (PersonRef).
        Value::Object(m) if m.contains_key("name") && m.contains_key("firstname") => vec![Some(json!("Ann Lee"))],
        Value::Object(_) => vec![None, Some(Value::Null)],
        Value::Null => vec![None],
    }
}

/// Adds an unknown field to every struct. Maps (the samples key them by date) and empty objects
/// are left alone: a new key there is data, not an unknown field.
fn add_unknown_keys(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for x in m.values_mut() {
                add_unknown_keys(x);
            }
            // An empty object may be a map whose entries the drift removed (the tracked-hours
            // report's `dates`): a key added there would be data, read as a day.
            if !m.is_empty() && !m.keys().any(|k| k.starts_with(|c: char| c.is_ascii_digit())) {
                m.insert("zz_unknown_field".into(), json!({"nested_key": [1, "two"]}));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(add_unknown_keys),
        _ => {}
    }
}
