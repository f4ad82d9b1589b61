//! Decoding arbitrary bytes and arbitrary JSON into every operation's output never panics,
//! and neither does building any operation from arbitrary parameters.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Map, Value};
use webwork_core::ops::{decode_for, request_for, CATALOG};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "[a-z0-9 :._-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256), status in 100u16..600) {
        for op in CATALOG {
            let _ = decode_for(op.id, status, &bytes, None);
        }
    }

    #[test]
    fn arbitrary_json_data_never_panics(data in json_value(), message in json_value(), meta in json_value()) {
        let body = serde_json::json!({"success": true, "data": data, "message": message, "meta": meta}).to_string();
        for op in CATALOG {
            let _ = decode_for(op.id, 200, body.as_bytes(), None);
        }
    }

    #[test]
    fn arbitrary_params_never_panic(params in prop::collection::btree_map("[a-z_]{1,14}", json_value(), 0..8)) {
        let params: Map<String, Value> = params.into_iter().collect();
        for op in CATALOG {
            let _ = request_for(op.id, &params);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Known field names with arbitrary values: the readers meet real keys with wrong types.
    #[test]
    fn known_fields_with_arbitrary_values_never_panic(values in prop::collection::vec(json_value(), 24)) {
        let names = ["id", "user_id", "status", "rate", "email", "events", "daily_breakdown", "total_minutes",
            "assignees", "tags", "is_blocked", "rate_status", "priority", "amount", "type", "member",
            "leave_information", "projects", "dates", "users", "statuses", "pagination", "total_amount", "method"];
        let object: Map<String, Value> = names.iter().map(|n| n.to_string()).zip(values).collect();
        let one = serde_json::json!({"success": true, "data": object.clone()}).to_string();
        let list = serde_json::json!({"success": true, "data": [object]}).to_string();
        for op in CATALOG {
            let _ = decode_for(op.id, 200, one.as_bytes(), None);
            let _ = decode_for(op.id, 200, list.as_bytes(), None);
        }
    }
}
