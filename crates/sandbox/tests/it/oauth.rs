//! The OAuth 2.0 emulation: the authorization page, every grant and every error of the token
//! endpoint, code and refresh-token reuse (a replayed code revokes its tokens), expiry with
//! 1-second lifetimes and the clearing out of what expired, scopes on the API,
//! and the per-user rate limit shared by personal and OAuth tokens.

use serde_json::Value;
use webwork_sandbox::config::{AccessMode, Config};

use crate::support::*;

const REDIRECT: &str = "http://127.0.0.1:5173/callback";
const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");
/// `demo-client:demo-secret` in base64.
const BASIC: &str = "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=";

fn enc(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

async fn post_form(app: &std::sync::Arc<App>, path: &str, pairs: &[(&str, &str)], extra: &[(&str, &str)]) -> RawResponse {
    let mut headers = vec![FORM];
    headers.extend_from_slice(extra);
    raw(app, "POST", path, None, Some(&enc(pairs)), &headers).await
}

/// The query parameters of a 303's Location, after checking it goes back to `redirect`.
fn location_params(r: &RawResponse, redirect: &str) -> Vec<(String, String)> {
    assert_eq!(r.status, 303, "{}", r.text);
    let location = r.header("location").expect("a Location header");
    let (base, query) = location.split_once('?').expect("a query string");
    assert_eq!(base, redirect);
    serde_urlencoded::from_str(query).unwrap()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Approves on the authorization page as `user_id`; returns the code.
async fn approve(app: &std::sync::Arc<App>, user_id: &str, scope: &str) -> String {
    let r = post_form(
        app,
        "/oauth/authorize",
        &[
            ("client_id", "demo-client"),
            ("redirect_uri", REDIRECT),
            ("scope", scope),
            ("state", "s1"),
            ("user_id", user_id),
            ("decision", "approve"),
        ],
        &[],
    )
    .await;
    let pairs = location_params(&r, REDIRECT);
    assert_eq!(param(&pairs, "state"), Some("s1"));
    param(&pairs, "code").expect("a code").to_owned()
}

async fn exchange(app: &std::sync::Arc<App>, code: &str) -> RawResponse {
    post_form(
        app,
        "/oauth/token",
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("client_id", "demo-client"),
            ("client_secret", "demo-secret"),
        ],
        &[],
    )
    .await
}

async fn refresh(app: &std::sync::Arc<App>, token: &str, scope: Option<&str>) -> RawResponse {
    let mut pairs = vec![("grant_type", "refresh_token"), ("refresh_token", token)];
    if let Some(s) = scope {
        pairs.push(("scope", s));
    }
    post_form(app, "/oauth/token", &pairs, &[("authorization", BASIC)]).await
}

/// An access and a refresh token of `user_id` with `scope`, by the authorization-code flow.
async fn tokens_for(app: &std::sync::Arc<App>, user_id: &str, scope: &str) -> (String, String) {
    let code = approve(app, user_id, scope).await;
    token_pair(&exchange(app, &code).await)
}

/// The access and refresh token of a successful token answer.
fn token_pair(r: &RawResponse) -> (String, String) {
    assert_eq!(r.status, 200, "{}", r.text);
    (r.body["access_token"].as_str().unwrap().to_owned(), r.body["refresh_token"].as_str().unwrap().to_owned())
}

fn assert_oauth_error(r: &RawResponse, status: u16, error: &str) {
    assert_eq!(r.status, status, "{}", r.text);
    assert_eq!(r.body["error"], error, "{}", r.text);
    assert!(r.body["error_description"].as_str().is_some_and(|d| !d.is_empty()), "{}", r.text);
    assert_eq!(r.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn authorize_page_offers_the_users_and_escapes_every_text() {
    let app = app();
    let hostile_state = "\"><script>alert(1)</script>";
    let hostile_redirect = "http://127.0.0.1:9/cb?x=\"><b>bold</b>";
    let query = enc(&[
        ("response_type", "code"),
        ("client_id", "demo-client"),
        ("redirect_uri", hostile_redirect),
        ("scope", "read write"),
        ("state", hostile_state),
    ]);
    let r = raw(&app, "GET", &format!("/oauth/authorize?{query}"), None, None, &[]).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.header("x-frame-options"), Some("DENY"));
    let page = &r.text;
    assert!(page.contains("<form method=\"post\" action=\"/oauth/authorize\">"));
    assert!(page.contains("<select id=\"user_id\" name=\"user_id\">"));
    assert!(page.contains("name=\"decision\" value=\"approve\"") && page.contains("name=\"decision\" value=\"deny\""));
    assert!(page.contains("<option value=\"1\">"), "the owner is offered");
    assert!(page.contains("<option value=\"101\">"), "users of workspace 2 too");
    assert!(page.contains("<code>read</code>") && page.contains("<code>write</code>") && !page.contains("<code>admin</code>"));
    assert!(page.contains("name=\"scope\" value=\"read write\""));
    // Hostile text arrives escaped: the state, the redirect_uri, and user 13's name.
    assert!(!page.contains("<script>alert(1)</script>") && !page.contains("<b>bold</b>"));
    assert!(page.contains("name=\"state\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    assert!(page.contains("x=&quot;&gt;&lt;b&gt;bold&lt;/b&gt;"));
    assert!(!page.contains("<img src=x onerror=alert(1)>") && page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!page.contains("<option value=\"1\">\"") && !page.contains("demo-secret"));
}

#[tokio::test]
async fn unknown_client_or_redirect_is_a_400_page_without_redirect() {
    let app = app();
    let cases = [
        enc(&[("response_type", "code"), ("client_id", "evil-client"), ("redirect_uri", REDIRECT), ("state", "x")]),
        enc(&[("response_type", "code"), ("redirect_uri", REDIRECT)]),
        enc(&[("response_type", "code"), ("client_id", "demo-client"), ("redirect_uri", "https://evil.test/cb"), ("state", "x")]),
        enc(&[("response_type", "code"), ("client_id", "demo-client"), ("redirect_uri", "http://127.0.0.1.evil.test/cb")]),
        enc(&[("response_type", "code"), ("client_id", "demo-client")]),
    ];
    for query in cases {
        let r = raw(&app, "GET", &format!("/oauth/authorize?{query}"), None, None, &[]).await;
        assert_eq!(r.status, 400, "{query}");
        assert!(r.header("location").is_none(), "{query}");
        assert!(r.text.contains("cannot be served"), "{query}");
    }
    // The decision is checked the same way: no code goes to an unregistered redirect_uri.
    let r = post_form(
        &app,
        "/oauth/authorize",
        &[("client_id", "demo-client"), ("redirect_uri", "https://evil.test/cb"), ("user_id", "1"), ("decision", "approve")],
        &[],
    )
    .await;
    assert_eq!(r.status, 400);
    assert!(r.header("location").is_none());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM oauth_codes"), 0);
}

#[tokio::test]
async fn registered_redirect_uris_are_accepted_exactly() {
    let mut config = Config::for_tests(testing::TODAY);
    config.oauth_redirect_uris.push("https://app.example/auth/callback".into());
    let app = testing::app_with(config);
    let ok = enc(&[("response_type", "code"), ("client_id", "demo-client"), ("redirect_uri", "https://app.example/auth/callback")]);
    assert_eq!(raw(&app, "GET", &format!("/oauth/authorize?{ok}"), None, None, &[]).await.status, 200);
    let other = enc(&[("response_type", "code"), ("client_id", "demo-client"), ("redirect_uri", "https://app.example/auth/callback2")]);
    assert_eq!(raw(&app, "GET", &format!("/oauth/authorize?{other}"), None, None, &[]).await.status, 400);
}

#[tokio::test]
async fn bad_response_type_or_scope_and_deny_go_back_with_the_error() {
    let app = app();
    let r = raw(
        &app,
        "GET",
        &format!(
            "/oauth/authorize?{}",
            enc(&[("response_type", "token"), ("client_id", "demo-client"), ("redirect_uri", REDIRECT), ("state", "a b")])
        ),
        None,
        None,
        &[],
    )
    .await;
    let pairs = location_params(&r, REDIRECT);
    assert_eq!(param(&pairs, "error"), Some("unsupported_response_type"));
    assert_eq!(param(&pairs, "state"), Some("a b"));

    let r = raw(
        &app,
        "GET",
        &format!(
            "/oauth/authorize?{}",
            enc(&[
                ("response_type", "code"),
                ("client_id", "demo-client"),
                ("redirect_uri", REDIRECT),
                ("scope", "read delete"),
                ("state", "z")
            ])
        ),
        None,
        None,
        &[],
    )
    .await;
    let pairs = location_params(&r, REDIRECT);
    assert_eq!(param(&pairs, "error"), Some("invalid_scope"));
    assert_eq!(param(&pairs, "state"), Some("z"));

    let r = post_form(
        &app,
        "/oauth/authorize",
        &[
            ("client_id", "demo-client"),
            ("redirect_uri", REDIRECT),
            ("scope", "read"),
            ("state", "s9"),
            ("user_id", "1"),
            ("decision", "deny"),
        ],
        &[],
    )
    .await;
    let pairs = location_params(&r, REDIRECT);
    assert_eq!(param(&pairs, "error"), Some("access_denied"));
    assert_eq!(param(&pairs, "state"), Some("s9"));
    assert!(param(&pairs, "code").is_none());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM oauth_codes"), 0);
}

#[tokio::test]
async fn authorization_code_grant_gives_tokens_that_work_and_the_code_is_single_use() {
    let app = app();
    let code = approve(&app, "2", "read write").await;
    let r = exchange(&app, &code).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.body["token_type"], "Bearer");
    assert_eq!(r.body["expires_in"], 1_296_000);
    assert_eq!(r.body["scope"], "read write");
    let access = r.body["access_token"].as_str().unwrap().to_owned();
    assert!(r.body["refresh_token"].as_str().is_some_and(|t| t.len() > 30 && t != access));

    // The token acts as user 2 (the executive manager).
    let me = client(&app, &access).send(&GetMember::new(2u64, WS)).await.unwrap();
    assert_eq!(me.id, 2);

    // Used once: the second exchange is refused, like any unknown code.
    assert_oauth_error(&exchange(&app, &code).await, 400, "invalid_grant");
    assert_oauth_error(&exchange(&app, "wwac_0000").await, 400, "invalid_grant");

    // A code is bound to its redirect_uri.
    let code = approve(&app, "1", "read").await;
    let r = post_form(
        &app,
        "/oauth/token",
        &[("grant_type", "authorization_code"), ("code", &code), ("redirect_uri", "http://127.0.0.1:5173/other")],
        &[("authorization", BASIC)],
    )
    .await;
    assert_oauth_error(&r, 400, "invalid_grant");
    // JSON bodies are accepted too.
    let body = serde_json::json!({"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "client_id": "demo-client", "client_secret": "demo-secret"});
    let r = raw(&app, "POST", "/oauth/token", None, Some(&body.to_string()), &[]).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["scope"], "read");
}

#[tokio::test]
async fn a_replayed_code_revokes_every_token_descended_from_it() {
    let app = app();
    let code = approve(&app, "2", "read write").await;
    let (first_access, first_refresh) = token_pair(&exchange(&app, &code).await);
    let (second_access, second_refresh) = token_pair(&refresh(&app, &first_refresh, None).await);
    // Another sign-in of the same person, from another code: not part of the replayed grant.
    let (other_access, other_refresh) = tokens_for(&app, "2", "read").await;
    let works = |token: String| {
        let app = app.clone();
        async move { call(&app, &token, "GET", "/api/v2/workspaces", None).await.status }
    };
    assert_eq!(works(second_access.clone()).await, 200);

    // The replay gets the answer any bad code gets...
    assert_oauth_error(&exchange(&app, &code).await, 400, "invalid_grant");
    // ...and everything issued from that code, through refreshes too, stops working.
    assert_eq!(works(first_access).await, 401);
    assert_eq!(works(second_access).await, 401);
    assert_oauth_error(&refresh(&app, &second_refresh, None).await, 400, "invalid_grant");
    assert_eq!(works(other_access).await, 200);
    assert_eq!(refresh(&app, &other_refresh, None).await.status, 200);
    assert_eq!(works(OWNER.to_owned()).await, 200, "personal tokens are not OAuth grants");
}

#[tokio::test]
async fn each_grant_clears_out_expired_codes_and_tokens() {
    let app = short_lived(1, 1);
    let (access, refresh_token) = tokens_for(&app, "1", "read").await;
    let stale_code = approve(&app, "1", "read").await;
    {
        let db = app.store.lock();
        db.conn.execute("UPDATE oauth_codes SET expires_at_ms = expires_at_ms - 600001 WHERE code = ?1", [&stale_code]).unwrap();
    }
    let rows = |app: &std::sync::Arc<App>| -> (i64, i64, i64) {
        let db = app.store.lock();
        let count = |sql: &str, key: &str| db.conn.query_row(sql, [key], |r| r.get::<_, i64>(0)).unwrap();
        (
            count("SELECT COUNT(*) FROM tokens WHERE token = ?1", &access),
            count("SELECT COUNT(*) FROM oauth_refresh_tokens WHERE token = ?1", &refresh_token),
            count("SELECT COUNT(*) FROM oauth_codes WHERE code = ?1", &stale_code),
        )
    };
    assert_eq!(rows(&app), (1, 1, 1));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let r = post_form(&app, "/oauth/token", &[("grant_type", "client_credentials")], &[("authorization", BASIC)]).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(rows(&app), (0, 0, 0), "the expired access token, refresh token and code are gone");
    // The fresh token of that grant stays.
    assert_eq!(call(&app, r.body["access_token"].as_str().unwrap(), "GET", "/api/v2/workspaces", None).await.status, 200);
    assert_eq!(call(&app, OWNER, "GET", "/api/v2/workspaces", None).await.status, 200, "personal tokens never expire");
}

#[tokio::test]
async fn expired_codes_are_refused() {
    let app = app();
    let code = approve(&app, "1", "read").await;
    {
        let db = app.store.lock();
        db.conn.execute("UPDATE oauth_codes SET expires_at_ms = expires_at_ms - 600001", []).unwrap();
    }
    assert_oauth_error(&exchange(&app, &code).await, 400, "invalid_grant");
    let ttl: i64 = {
        let code = approve(&app, "1", "read").await;
        let db = app.store.lock();
        db.conn.query_row("SELECT expires_at_ms FROM oauth_codes WHERE code = ?1", [&code], |r| r.get::<_, i64>(0)).unwrap()
            - app.store.clock.now_ms()
    };
    assert!((599_000..=600_000).contains(&ttl), "codes live 10 minutes: {ttl}");
}

#[tokio::test]
async fn client_authentication_errors() {
    let app = app();
    let grant = [("grant_type", "client_credentials")];
    // No credentials, a wrong secret, an unknown client, malformed Basic: 401 with WWW-Authenticate.
    for extra in [
        vec![],
        vec![("client_id", "demo-client"), ("client_secret", "bad-guess-42")],
        vec![("client_id", "other"), ("client_secret", "demo-secret")],
        vec![("client_id", "demo-client")],
    ] {
        let mut pairs = grant.to_vec();
        pairs.extend(extra.iter().copied());
        let r = post_form(&app, "/oauth/token", &pairs, &[]).await;
        assert_oauth_error(&r, 401, "invalid_client");
        assert_eq!(r.header("www-authenticate"), Some("Basic realm=\"oauth\""));
        assert!(!r.text.contains("demo-secret") && !r.text.contains("bad-guess-42"));
    }
    let r = post_form(&app, "/oauth/token", &grant, &[("authorization", "Basic ZGVtby1jbGllbnQ6bm9wZQ==")]).await; // demo-client:nope
    assert_oauth_error(&r, 401, "invalid_client");
    let r = post_form(&app, "/oauth/token", &grant, &[("authorization", "Basic !!!")]).await;
    assert_oauth_error(&r, 401, "invalid_client");
    // Two authentication methods at once.
    let r = post_form(
        &app,
        "/oauth/token",
        &[("grant_type", "client_credentials"), ("client_secret", "demo-secret")],
        &[("authorization", BASIC)],
    )
    .await;
    assert_oauth_error(&r, 400, "invalid_request");
    // Basic alone works.
    let r = post_form(&app, "/oauth/token", &grant, &[("authorization", BASIC)]).await;
    assert_eq!(r.status, 200, "{}", r.text);
}

#[tokio::test]
async fn request_errors_in_oauth_format() {
    let app = app();
    let auth = [("authorization", BASIC)];
    assert_oauth_error(&post_form(&app, "/oauth/token", &[], &auth).await, 400, "invalid_request");
    assert_oauth_error(&post_form(&app, "/oauth/token", &[("grant_type", "password")], &auth).await, 400, "unsupported_grant_type");
    assert_oauth_error(&post_form(&app, "/oauth/token", &[("grant_type", "authorization_code")], &auth).await, 400, "invalid_request");
    assert_oauth_error(
        &post_form(&app, "/oauth/token", &[("grant_type", "authorization_code"), ("code", "x")], &auth).await,
        400,
        "invalid_request",
    );
    assert_oauth_error(&post_form(&app, "/oauth/token", &[("grant_type", "refresh_token")], &auth).await, 400, "invalid_request");
    assert_oauth_error(
        &post_form(&app, "/oauth/token", &[("grant_type", "client_credentials"), ("scope", "read superuser")], &auth).await,
        400,
        "invalid_scope",
    );
    let r = raw(&app, "POST", "/oauth/token", None, Some("grant_type=client_credentials&grant_type=refresh_token"), &[FORM, auth[0]]).await;
    assert_oauth_error(&r, 400, "invalid_request");
    let r = raw(&app, "POST", "/oauth/token", None, Some("{not json"), &[("content-type", "application/json"), auth[0]]).await;
    assert_oauth_error(&r, 400, "invalid_request");
}

#[tokio::test]
async fn refresh_tokens_rotate() {
    let app = app();
    let (first_access, first_refresh) = tokens_for(&app, "1", "read write").await;
    let r = refresh(&app, &first_refresh, None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.body["scope"], "read write");
    let second_access = r.body["access_token"].as_str().unwrap().to_owned();
    let second_refresh = r.body["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(second_refresh, first_refresh);
    assert_ne!(second_access, first_access);
    // The used refresh token is revoked.
    assert_oauth_error(&refresh(&app, &first_refresh, None).await, 400, "invalid_grant");
    assert!(client(&app, &second_access).send(&ListProjects::new(WS)).await.is_ok());
    // A narrower scope may be asked for; a wider one may not.
    assert_oauth_error(&refresh(&app, &second_refresh, Some("read write admin")).await, 400, "invalid_scope");
    let r = refresh(&app, &second_refresh, Some("read")).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["scope"], "read");
    // The rotated refresh token keeps the original grant.
    let r = refresh(&app, r.body["refresh_token"].as_str().unwrap(), None).await;
    assert_eq!(r.body["scope"], "read write");
    assert_oauth_error(&refresh(&app, "wwrt_unknown", None).await, 400, "invalid_grant");
}

#[tokio::test]
async fn client_credentials_act_as_the_apps_owner_without_a_refresh_token() {
    let app = app();
    let r = post_form(&app, "/oauth/token", &[("grant_type", "client_credentials")], &[("authorization", BASIC)]).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.body["scope"], "read write admin");
    assert!(r.body.get("refresh_token").is_none());
    let token = r.body["access_token"].as_str().unwrap().to_owned();
    let workspaces = client(&app, &token).send(&ListWorkspaces::new()).await.unwrap();
    assert!(workspaces.iter().any(|w| w.id == 1 && w.owner_id == 1), "{workspaces:?}");

    let r = post_form(
        &app,
        "/oauth/token",
        &[("grant_type", "client_credentials"), ("scope", "read"), ("client_id", "demo-client"), ("client_secret", "demo-secret")],
        &[],
    )
    .await;
    assert_eq!(r.body["scope"], "read");
    // OAuth tokens never show in the banner's list of personal tokens.
    assert!(webwork_sandbox::seed::tokens(&app.store).iter().all(|(t, _)| t.starts_with("demo-")));
}

#[tokio::test]
async fn scopes_are_enforced_on_the_api() {
    let app = app();
    let (read_only, _) = tokens_for(&app, "1", "read").await;
    let reader = client(&app, &read_only);
    assert!(reader.send(&ListMembers::new(WS)).await.is_ok());
    let body = serde_json::json!({"workspace_id": 1, "name": "Scoped"});
    let r = call(&app, &read_only, "POST", "/api/v2/projects", Some(body.clone())).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.message(), "This token lacks the scope \"write\" that this action needs.");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM projects WHERE name = 'Scoped'"), 0);

    let (writer, _) = tokens_for(&app, "1", "read write").await;
    assert_eq!(call(&app, &writer, "POST", "/api/v2/projects", Some(body)).await.status, 201);
    let invite =
        serde_json::json!({"workspace_id": 1, "email": "scoped@example.com", "firstname": "S", "lastname": "C", "role": "Regular User"});
    let r = call(&app, &writer, "POST", "/api/v2/members", Some(invite.clone())).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.message(), "This token lacks the scope \"admin\" that this action needs.");
    let r = call(&app, &writer, "GET", "/api/v2/webhooks?workspace_id=1", None).await;
    assert_eq!(r.message(), "This token lacks the scope \"admin\" that this action needs.");
    // A write-only token may not read.
    let (write_only, _) = tokens_for(&app, "1", "write").await;
    let r = call(&app, &write_only, "GET", "/api/v2/members?workspace_id=1", None).await;
    assert_eq!(r.message(), "This token lacks the scope \"read\" that this action needs.");

    let (admin, _) = tokens_for(&app, "1", "read write admin").await;
    assert_eq!(call(&app, &admin, "POST", "/api/v2/members", Some(invite)).await.status, 201);
    // Personal tokens carry every scope.
    let r = call(&app, OWNER, "GET", "/api/v2/webhooks?workspace_id=1", None).await;
    assert_eq!(r.status, 200);
}

fn short_lived(access: u64, refresh: u64) -> std::sync::Arc<App> {
    let mut config = Config::for_tests(testing::TODAY);
    config.access_token_ttl_secs = access;
    config.refresh_token_ttl_secs = refresh;
    testing::app_with(config)
}

#[tokio::test]
async fn access_tokens_expire() {
    let app = short_lived(1, 60);
    let (access, refresh_token) = tokens_for(&app, "1", "read").await;
    let r = call(&app, &access, "GET", "/api/v2/workspaces", None).await;
    assert_eq!(r.status, 200);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let r = call(&app, &access, "GET", "/api/v2/workspaces", None).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.message(), "The access token is invalid or has expired.");
    // The refresh token still gives a fresh one, with the shortened lifetime announced.
    let r = refresh(&app, &refresh_token, None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["expires_in"], 1);
    let fresh = r.body["access_token"].as_str().unwrap();
    assert_eq!(call(&app, fresh, "GET", "/api/v2/workspaces", None).await.status, 200);
    // Personal tokens never expire.
    assert_eq!(call(&app, OWNER, "GET", "/api/v2/workspaces", None).await.status, 200);
}

#[tokio::test]
async fn refresh_tokens_expire() {
    let app = short_lived(60, 1);
    let (_, refresh_token) = tokens_for(&app, "1", "read").await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_oauth_error(&refresh(&app, &refresh_token, None).await, 400, "invalid_grant");
}

#[tokio::test]
async fn the_rate_limit_counts_per_user_across_their_tokens() {
    let mut config = Config::for_tests(testing::TODAY);
    config.rate_limit = Some(5);
    let app = testing::app_with(config);
    // The token endpoint is not under the API's budget.
    let (oauth_owner, _) = tokens_for(&app, "1", "read").await;
    let path = "/api/v2/workspaces";
    for (i, token) in [OWNER, OWNER, &oauth_owner, OWNER, &oauth_owner].into_iter().enumerate() {
        let r = call(&app, token, "GET", path, None).await;
        assert_eq!(r.status, 200, "request {i}");
        assert_eq!(r.header("x-ratelimit-remaining"), Some((4 - i).to_string().as_str()), "request {i}");
    }
    for token in [OWNER, oauth_owner.as_str()] {
        let r = call(&app, token, "GET", path, None).await;
        assert_eq!(r.status, 429);
        assert!(r.header("retry-after").is_some());
    }
    // Another user has a budget of their own.
    assert_eq!(call(&app, EXEC, "GET", path, None).await.status, 200);
    // Unknown tokens are counted per token string.
    for _ in 0..5 {
        assert_eq!(call(&app, "no-such-token", "GET", path, None).await.status, 401);
    }
    assert_eq!(call(&app, "no-such-token", "GET", path, None).await.status, 429);
    assert_eq!(call(&app, "another-unknown-token", "GET", path, None).await.status, 401);
}

#[tokio::test]
async fn an_older_database_file_opens_and_takes_oauth_tokens() {
    let dir = std::env::temp_dir().join(format!("webwork-sandbox-migrate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("old.db");
    let config = || Config { db: Some(path.clone()), ..Config::for_tests(testing::TODAY) };
    drop(testing::app_with(config()));
    {
        // Make the file look like one of an older sandbox: tokens without the OAuth columns,
        // and no OAuth tables.
        let conn = rusqlite::Connection::open(&path).unwrap();
        for column in ["kind", "scopes", "expires_at_ms", "client_id"] {
            conn.execute_batch(&format!("ALTER TABLE tokens DROP COLUMN {column}")).unwrap();
        }
        conn.execute_batch("DROP TABLE oauth_codes; DROP TABLE oauth_refresh_tokens;").unwrap();
    }
    let app = testing::app_with(config());
    assert!(client(&app, OWNER).send(&ListMembers::new(WS)).await.is_ok(), "old personal tokens keep every scope");
    let (access, refresh_token) = tokens_for(&app, "1", "read").await;
    assert!(client(&app, &access).send(&ListMembers::new(WS)).await.is_ok());
    assert_eq!(refresh(&app, &refresh_token, None).await.status, 200);
    let kinds: Value = {
        let db = app.store.lock();
        db.conn.query_row("SELECT json_group_array(DISTINCT kind) FROM tokens", [], |r| r.get::<_, String>(0)).unwrap().parse().unwrap()
    };
    assert_eq!(kinds.as_array().map(Vec::len), Some(2), "{kinds}");
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_reference_rule_is_the_default_outside_tests() {
    assert_eq!(Config::default().access, AccessMode::Reference);
    assert_eq!(Config::for_tests(testing::TODAY).access, AccessMode::Roles);
}
