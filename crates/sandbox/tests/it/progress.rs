//! Which operations still answer 501 (informational: never fails on them).

use crate::support::*;

#[tokio::test]
async fn unimplemented_operations_answer_501() {
    let missing = webwork_sandbox::handlers::unimplemented();
    println!("{} of {} operations implemented", CATALOG.len() - missing.len(), CATALOG.len());
    if !missing.is_empty() {
        println!("still 501 in the sandbox: {}", missing.join(", "));
    }
    // Each of them answers the 501 envelope, after authentication and role checks.
    let app = app();
    for id in missing {
        let op = find(id).unwrap();
        let path = op.path.replace("{", "").replace("}", "");
        let sep = if path.contains('?') { '&' } else { '?' };
        let r = call(
            &app,
            OWNER,
            op.method.as_str(),
            &format!("/api/v2{path}{sep}workspace_id=1"),
            Some(serde_json::json!({"workspace_id": 1})),
        )
        .await;
        assert!(matches!(r.status, 501 | 422), "{id}: {} {}", r.status, r.body);
        if r.status == 501 {
            assert_eq!(r.message(), "Not implemented in the sandbox yet");
            assert_eq!(r.body["success"], false);
        }
    }
}
