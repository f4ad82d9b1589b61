//! `cargo xtask test`: setup, then every test suite the project has, in order, stopping at the first failure.
//!
//! Suites: native (`cargo fmt --check`, clippy with warnings denied, then `cargo test --workspace`), API fuzzing (schemathesis against a fresh sandbox), wasm
//! in headless Chromium (against the mock API server in tests/mock-server), end-to-end (`node --test`
//! in tests/e2e, after building the panel and the release sandbox), the npm package, the widgets
//! (`node --test` in tests/widgets after `cargo xtask widgets`). A suite whose crate or folder
//! does not exist yet is skipped and says so. A summary is printed at the end, also after a failure.

use crate::util::{self, cmd, exists, root, Result};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Packages that only build for wasm32, left out of the native run: (package, directory).
const WASM_ONLY_CRATES: &[(&str, &str)] = &[
    // The panel and its components have browser tests only (natively the panel compiles to an
    // empty crate); leaving them out spares the native suite a native build of Leptos.
    ("webwork-admin", "crates/admin"),
    ("webwork-ui", "crates/ui"),
    // Not the widgets: natively they build their answer readers only (no Leptos), whose tests run here.
];

/// Packages linted for wasm32 that have no wasm-bindgen tests of their own (the npm package's
/// tests run in Node against its build).
const WASM_LINT_ONLY: &[(&str, &str)] = &[("webwork-js", "crates/js")];

/// Packages whose wasm-bindgen tests run in headless Chromium: (package, directory).
/// Add the admin panel, widgets and the JS package here as they gain browser tests.
const WASM_TEST_CRATES: &[(&str, &str)] = &[
    ("webwork-core", "crates/core"),
    // Component tests: table keyboard navigation and selection, forms, error display.
    ("webwork-ui", "crates/ui"),
    // Panel tests: forms over a scripted fetch (422 at the field), routes, sign-in messages.
    ("webwork-admin", "crates/admin"),
    // Widget pieces: tolerant reading, date attributes, a mounted widget's states.
    ("webwork-widgets", "crates/widgets"),
];

/// The WebDriver the wasm test runner starts (Debian's chromium-driver, matching /usr/bin/chromium).
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Seconds one wasm test binary may run in the browser (the runner's default of 20 is too tight for
/// the client's retry/timeout tests on a 2-core machine).
const WASM_TEST_TIMEOUT_SECS: &str = "120";
/// Seconds chromedriver may take to bind its port (runner default 5; cold starts on a busy machine are slower).
const WASM_DRIVER_TIMEOUT_SECS: &str = "30";
/// Chrome flags for the runner. wasm-bindgen-test-runner reads `webdriver.json` from its current directory,
/// which under cargo is the package directory (crates/core), unless WASM_BINDGEN_TEST_WEBDRIVER_JSON names
/// a file. We point it at the single copy in the repository root.
const WEBDRIVER_JSON: &str = "webdriver.json";

const MOCK_SERVER: &str = "tests/mock-server/server.mjs";
/// Preferred mock server port. The URL is compiled into the wasm tests, so a stable port keeps cargo's
/// cache valid between runs; when it is taken we let the server pick any free port (and cargo rebuilds).
const MOCK_PORT: u16 = 47831;
/// The admin panel's end-to-end tests (own package.json and lockfile, installed by setup).
const E2E_DIR: &str = "tests/e2e";

enum Outcome {
    Passed,
    Skipped(String),
    Failed(String),
}

struct Suite {
    name: &'static str,
    run: fn(&mut Counts) -> Result<Option<String>>,
}

/// Test counts read from the runners' closing lines, for the final `N passed, N failed, N skipped` line
/// (CI reads the last closing line; without ours it would be the last crate's doc-tests, often "0 passed").
/// Behaviour tests are counted apart from the generated wiring tests: those whose name starts with
/// [`WIRING_MARK`] (the npm package's conformance cases, one per operation from the core's fixtures,
/// which check that the package sends and reads what the core it is built from does).
#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
    /// Of `passed`: generated wiring tests.
    wiring_passed: u64,
}

/// How a generated wiring test's name starts (web/tests/conformance.test.mjs).
const WIRING_MARK: &str = "wiring: ";

impl Counts {
    /// libtest and wasm-bindgen-test-runner: `test result: ok. 15 passed; 0 failed; 2 ignored; ...`;
    /// node --test: `# pass 3` / `# fail 0` / `# skipped 1` (TAP) or `ℹ pass 3` ... (spec reporter).
    fn read(&mut self, line: &str) {
        // A passed test's own line: `ok 12 - NAME` (TAP, indented when nested) or `✔ NAME (3ms)` (spec).
        let passed_name = line.trim_start().strip_prefix("ok ").and_then(|rest| rest.split_once(" - ").map(|(_, name)| name));
        if passed_name.or_else(|| line.trim_start().strip_prefix("✔ ")).is_some_and(|name| name.starts_with(WIRING_MARK)) {
            self.wiring_passed += 1;
            return;
        }
        if let Some(rest) = line.trim().strip_prefix("test result: ") {
            for part in rest.split(['.', ';']) {
                let mut words = part.split_whitespace();
                if let (Some(number), Some(what)) = (words.next(), words.next()) {
                    if let Ok(n) = number.parse::<u64>() {
                        match what {
                            "passed" => self.passed += n,
                            "failed" => self.failed += n,
                            "ignored" => self.skipped += n,
                            _ => {}
                        }
                    }
                }
            }
            return;
        }
        let line = line.trim_start_matches(['#', 'ℹ', ' ']);
        let mut words = line.split_whitespace();
        if let (Some(what), Some(number), None) = (words.next(), words.next(), words.next()) {
            if let Ok(n) = number.parse::<u64>() {
                match what {
                    "pass" => self.passed += n,
                    "fail" => self.failed += n,
                    "skipped" | "todo" => self.skipped += n,
                    _ => {}
                }
            }
        }
    }
}

/// The suites, in the order they run. `Ok(None)` = passed, `Ok(Some(reason))` = skipped.
const SUITES: &[Suite] = &[
    Suite { name: "native", run: native },
    Suite { name: "API fuzzing (schemathesis)", run: api_fuzzing },
    Suite { name: "wasm (headless Chromium)", run: wasm },
    Suite { name: "end-to-end", run: end_to_end },
    Suite { name: "npm package", run: npm_package },
    Suite { name: "widgets", run: widgets },
    Suite { name: "decode fuzzing", run: |_| crate::fuzz::test_suite() },
];

/// `only`: run the suites whose name starts with one of these (`native`, `wasm`, `end`, `npm`,
/// `widgets`, `API`); all of them when empty. CI runs them all.
pub fn run(only: &[String]) -> Result {
    let chosen: Vec<&Suite> = SUITES.iter().filter(|s| only.is_empty() || only.iter().any(|o| s.name.starts_with(o.as_str()))).collect();
    if chosen.is_empty() {
        let names: Vec<&str> = SUITES.iter().map(|s| s.name).collect();
        return Err(format!("test: no suite matches {only:?} (suites: {})", names.join(", ")));
    }
    crate::setup::run()?;

    let mut counts = Counts::default();
    let mut results: Vec<(&str, Outcome, Duration)> = Vec::new();
    for suite in &chosen {
        println!("\n=== test suite: {} ===", suite.name);
        let (result, took) = util::timed(|| (suite.run)(&mut counts));
        let outcome = match result {
            Ok(None) => Outcome::Passed,
            Ok(Some(reason)) => {
                println!("skipped: {reason}");
                Outcome::Skipped(reason)
            }
            Err(error) => Outcome::Failed(error),
        };
        let failed = matches!(outcome, Outcome::Failed(_));
        results.push((suite.name, outcome, took));
        if failed {
            break;
        }
    }

    println!("\n=== summary ===");
    for (name, outcome, took) in &results {
        match outcome {
            Outcome::Passed => println!("  PASS  {name:<28} {}", util::secs(*took)),
            Outcome::Skipped(reason) => println!("  SKIP  {name:<28} {reason}"),
            Outcome::Failed(error) => println!("  FAIL  {name:<28} {}  {error}", util::secs(*took)),
        }
    }
    for suite in &chosen[results.len()..] {
        println!("  ----  {:<28} not run (stopped at the first failure)", suite.name);
    }
    println!("tests: {} passed, {} failed, {} skipped", counts.passed, counts.failed, counts.skipped);
    println!(
        "       of the passed: {} behaviour tests, {} generated wiring tests (the npm package's conformance cases against its core)",
        counts.passed.saturating_sub(counts.wiring_passed),
        counts.wiring_passed
    );
    match results.iter().find(|(_, outcome, _)| matches!(outcome, Outcome::Failed(_))) {
        Some((name, _, _)) => Err(format!("test suite '{name}' failed")),
        None => Ok(()),
    }
}

fn native(counts: &mut Counts) -> Result<Option<String>> {
    // The tree is kept rustfmt-clean (rustfmt.toml). Setup installs rustfmt through rustup; only a
    // toolchain not managed by rustup can lack it, and then this says so and goes on.
    if util::probe(cmd("cargo").args(["fmt", "--version"])).is_some() {
        util::run(cmd("cargo").args(["fmt", "--all", "--", "--check"]))?;
    } else {
        println!("rustfmt is not installed: formatting not checked");
    }
    lint()?;
    let mut test = cmd("cargo");
    test.args(["test", "--workspace"]);
    for (package, dir) in WASM_ONLY_CRATES {
        if exists(dir) {
            test.args(["--exclude", package]);
        }
    }
    util::run_reading(&mut test, |line| counts.read(line))?;
    Ok(None)
}

/// Clippy with warnings denied, natively for the workspace and for wasm32 where the browser
/// crates' real code is (natively the panel is an empty crate). Setup installs the component; a
/// toolchain not managed by rustup may lack it, and then this says so and goes on.
fn lint() -> Result {
    if util::probe(cmd("cargo").args(["clippy", "--version"])).is_none() {
        println!("clippy is not installed: lints not checked");
        return Ok(());
    }
    let deny = ["--all-targets", "--no-deps", "--", "-D", "warnings"];
    util::run(cmd("cargo").args(["clippy", "--workspace"]).args(deny))?;
    let mut wasm = cmd("cargo");
    wasm.args(["clippy", "--target", "wasm32-unknown-unknown"]);
    for (package, dir) in WASM_TEST_CRATES.iter().chain(WASM_LINT_ONLY) {
        if exists(dir) {
            wasm.args(["-p", package]);
        }
    }
    util::run(wasm.args(deny))
}

fn wasm(counts: &mut Counts) -> Result<Option<String>> {
    let present: Vec<&(&str, &str)> = WASM_TEST_CRATES.iter().filter(|(_, dir)| exists(dir)).collect();
    for (package, dir) in WASM_TEST_CRATES.iter().filter(|(_, dir)| !exists(dir)) {
        println!("skipping {package}: {dir} does not exist yet");
    }
    if present.is_empty() {
        return Ok(Some("no wasm test crate exists yet".into()));
    }

    // One mock server for all wasm crates; tests keep apart by using their own keys. Dropping the guard
    // kills it, so it also goes away when a suite fails.
    let mock = MockServer::start()?;
    println!("mock API server: {}", mock.url);

    for (package, _) in present {
        util::run_reading(
            cmd("cargo")
                .args(["test", "-p", package, "--target", "wasm32-unknown-unknown"])
                // Compiled into the tests (`option_env!("WEBWORK_MOCK_URL")`), so a change of port rebuilds
                // only the test crate.
                .env("WEBWORK_MOCK_URL", &mock.url)
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", WASM_TEST_TIMEOUT_SECS)
                .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", WASM_DRIVER_TIMEOUT_SECS)
                .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", root().join(WEBDRIVER_JSON)),
            |line| counts.read(line),
        )?;
    }
    Ok(None)
}

/// The admin panel end to end: the split build (`cargo xtask panel --split` into
/// $CARGO_TARGET_DIR/panel-split, xtask/src/panel_split.rs), the widget bundle, the release sandbox and gateway, then
/// `node --test` in tests/e2e: Chromium (playwright-core, /usr/bin/chromium) against an
/// in-memory sandbox serving dist/, or a gateway serving it in front of one, that the tests start themselves.
fn end_to_end(counts: &mut Counts) -> Result<Option<String>> {
    if !exists(&format!("{E2E_DIR}/package.json")) {
        return Ok(Some(format!("{E2E_DIR}/package.json does not exist yet (no end-to-end tests)")));
    }
    if !exists("crates/admin/Cargo.toml") || !exists("crates/sandbox/Cargo.toml") {
        return Ok(Some("crates/admin or crates/sandbox does not exist yet".into()));
    }
    // The split build (issue 23) is what ships, so every e2e test runs against it; `trunk serve`
    // and the wasm tests stay unsplit.
    let panel = crate::size::target_dir().join("panel-split");
    crate::panel_split::build(&root(), &panel)?;
    // budget.test.mjs opens the widgets' demo page beside the panel (one budget per origin).
    let widgets = crate::widgets::build()?;
    let target = build_servers()?;
    util::run_reading(
        cmd("node")
            .current_dir(root().join(E2E_DIR))
            .arg("--test")
            .env("WEBWORK_SANDBOX", target.join("native-release/webwork-sandbox"))
            .env("WEBWORK_GATEWAY", target.join("native-release/webwork-gateway"))
            .env("WEBWORK_DIST", &panel)
            .env("WEBWORK_WIDGETS", widgets),
        |line| counts.read(line),
    )?;
    Ok(None)
}

/// The npm package's tests: where they live (own package.json and lockfile, installed by setup).
const NPM_TESTS_DIR: &str = "web/tests";

/// The npm package as a user gets it: `cargo xtask npm`'s build, its tarball unpacked into
/// web/tests/node_modules/webwork-tracker, then `node --test` there: Node against sandboxes it
/// starts (calls, pages, errors, abort, 429), conformance with the core for every operation,
/// `tsc --strict` over a TypeScript example, and Chromium (playwright-core) on a plain module
/// page and on the Vite example app after `vite build`.
fn npm_package(counts: &mut Counts) -> Result<Option<String>> {
    if !exists("crates/js/Cargo.toml") || !exists(&format!("{NPM_TESTS_DIR}/package.json")) {
        return Ok(Some(format!("crates/js or {NPM_TESTS_DIR}/package.json does not exist yet")));
    }
    let built = crate::npm::build()?;
    crate::npm::install_into(&root().join(NPM_TESTS_DIR), &built)?;
    util::run(cmd("cargo").args(["build", "-p", "webwork-sandbox"]))?;
    let sandbox = crate::size::target_dir().join("debug/webwork-sandbox");
    util::run_reading(
        cmd("node")
            .current_dir(root().join(NPM_TESTS_DIR))
            .arg("--test")
            .env("WEBWORK_SANDBOX", &sandbox)
            .env("WEBWORK_FIXTURES", &built.fixtures),
        |line| counts.read(line),
    )?;
    Ok(None)
}

/// The embeddable widgets' tests (own package.json and lockfile, installed by setup).
const WIDGET_TESTS_DIR: &str = "tests/widgets";

/// The widgets end to end: `cargo xtask widgets` into target/widgets, the release sandbox and
/// gateway, then `node --test` in tests/widgets: Chromium opens the demo intranet page at /widgets/
/// of an in-memory sandbox and checks every widget against direct API calls, then the widgets
/// behind a gateway that holds the token.
fn widgets(counts: &mut Counts) -> Result<Option<String>> {
    if !exists("crates/widgets/Cargo.toml") || !exists(&format!("{WIDGET_TESTS_DIR}/package.json")) {
        return Ok(Some(format!("crates/widgets or {WIDGET_TESTS_DIR}/package.json does not exist yet")));
    }
    let dir = crate::widgets::build()?;
    let target = build_servers()?;
    util::run_reading(
        cmd("node")
            .current_dir(root().join(WIDGET_TESTS_DIR))
            .arg("--test")
            .env("WEBWORK_SANDBOX", target.join("native-release/webwork-sandbox"))
            .env("WEBWORK_GATEWAY", target.join("native-release/webwork-gateway"))
            .env("WEBWORK_WIDGETS", dir),
        |line| counts.read(line),
    )?;
    Ok(None)
}

/// The release sandbox and gateway (one cargo call: they share most of their dependencies);
/// returns the target dir they are in.
fn build_servers() -> Result<std::path::PathBuf> {
    util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-sandbox", "-p", "webwork-gateway"]))?;
    Ok(crate::size::target_dir())
}

/// The Node mock API server, killed when dropped.
struct MockServer {
    child: Child,
    url: String,
}

impl MockServer {
    fn start() -> Result<MockServer> {
        // Port 0 lets the server bind any free port itself; it reports the one it got.
        let port = if TcpListener::bind(("127.0.0.1", MOCK_PORT)).is_ok() { MOCK_PORT } else { 0 };
        let mut command = cmd("node");
        command.args([MOCK_SERVER, "--port", &port.to_string()]).stdin(Stdio::null()).stdout(Stdio::piped());
        println!("$ {}", util::describe(&command));
        let mut child = command.spawn().map_err(|e| format!("could not start the mock server: {e}"))?;

        // Read its stdout on a thread so we can give up after a timeout instead of hanging on a broken server.
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(|line| line.ok()) {
                if let Some(url) = line.strip_prefix("listening ") {
                    let _ = tx.send(url.trim().to_string());
                } else {
                    println!("[mock] {line}");
                }
            }
        });
        let mut server = MockServer { child, url: String::new() };
        match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(url) => {
                server.url = url;
                Ok(server)
            }
            Err(_) => Err("the mock server did not report `listening ...` within 15s".into()),
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Schemathesis settings that flags cannot carry (fixed demo ids, the webhook URL pin).
const SCHEMATHESIS_CONFIG: &str = "xtask/schemathesis.toml";
/// The checks of every run: no 5xx; every answer, success or error, as documented (schema, status
/// code, content type); data that breaks the request schema refused with a 4xx; no answer without
/// valid credentials but 401; a method the path does not have answered 405.
const SCHEMATHESIS_CHECKS: &str = "not_a_server_error,response_schema_conformance,negative_data_rejection,status_code_conformance,\
content_type_conformance,ignored_auth,unsupported_method";
/// The callers and the seconds each run may take (examples, then fuzzing until the budget is
/// spent; the coverage phase crashes inside the tool, see xtask/schemathesis.toml): the owner,
/// who reaches the sandbox's logic, then a role the reference's access rule refuses, whose every
/// workspace call must be a documented 403.
const SCHEMATHESIS_CALLERS: &[(&str, &str)] = &[("demo-owner", "55"), ("demo-regular", "20")];
/// The only webhook URLs a run may leave in the sandbox's delivery log: the pinned one
/// (schemathesis.toml's `body.url`) and the demo seed's.
const WEBHOOK_URLS_ALLOWED: &[&str] = &["https://hooks.example.test/schemathesis", "https://hooks.example.com/webwork/"];

/// Schemathesis against a fresh in-memory demo sandbox, driven from the sandbox's own OpenAPI
/// document, once per caller of `SCHEMATHESIS_CALLERS` (see `SCHEMATHESIS_CHECKS`). Bounded in
/// time and seeded, so a run is repeatable. Afterwards the sandbox's log must name no webhook
/// URL but the pinned ones: a generated `http://` URL would have been called.
fn api_fuzzing(_counts: &mut Counts) -> Result<Option<String>> {
    let schemathesis = crate::setup::venv_dir().join("bin/schemathesis");
    if !exists("crates/sandbox") {
        return Ok(Some("crates/sandbox does not exist yet".into()));
    }
    if !schemathesis.exists() {
        return Err(format!("{} is missing (cargo xtask setup installs it)", schemathesis.display()));
    }
    util::run(cmd("cargo").args(["build", "-p", "webwork-sandbox"]))?;
    for (token, seconds) in SCHEMATHESIS_CALLERS {
        let sandbox = FuzzSandbox::start()?;
        println!("sandbox under test: {} as {token} (log: {})", sandbox.base, sandbox.log.display());
        let result = util::run(
            cmd(&schemathesis)
                .arg("--config-file")
                .arg(root().join(SCHEMATHESIS_CONFIG))
                .args(["run", &format!("{}/openapi.json", sandbox.base)])
                .args(["--header", &format!("Authorization: Bearer {token}")])
                .args(["--checks", SCHEMATHESIS_CHECKS])
                .args(["--phases", "examples,fuzzing"])
                .args(["--max-examples", "10", "--max-time", seconds])
                .args(["--workers", "2", "--seed", "1", "--generation-database", "none"])
                .args(["--request-timeout", "10", "--no-color"])
                .current_dir(sandbox.log.parent().expect("the log sits in a folder")),
        )
        .and_then(|()| webhook_urls_pinned(&sandbox.log));
        if result.is_err() {
            println!("the sandbox's own log: {}", sandbox.log.display());
            return result.map(|_| None);
        }
    }
    Ok(None)
}

/// Fails when the sandbox logged a webhook delivery to a URL the config did not pin (the
/// sandbox logs every delivery it does not send, and every one that failed).
fn webhook_urls_pinned(log: &std::path::Path) -> Result {
    let text = std::fs::read_to_string(log).map_err(|e| format!("reading {}: {e}", log.display()))?;
    let stray: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("webwork-sandbox: webhook "))
        .filter(|l| !WEBHOOK_URLS_ALLOWED.iter().any(|url| l.contains(&format!(" to {url}"))))
        .collect();
    match stray.first() {
        None => Ok(()),
        Some(line) => {
            Err(format!("a webhook URL that schemathesis.toml does not pin reached the sandbox ({} lines), e.g.: {line}", stray.len()))
        }
    }
}

/// `webwork-sandbox --memory` on a free loopback port, killed when dropped.
struct FuzzSandbox {
    child: Child,
    base: String,
    log: std::path::PathBuf,
}

impl FuzzSandbox {
    fn start() -> Result<FuzzSandbox> {
        let target = crate::size::target_dir();
        let dir = target.join("schemathesis");
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        let log = dir.join("sandbox.log");
        let file = std::fs::File::create(&log).map_err(|e| format!("creating {}: {e}", log.display()))?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        let port = TcpListener::bind(("127.0.0.1", 0))
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("finding a free port: {e}"))?;
        let addr = format!("127.0.0.1:{port}");
        let mut command = cmd(target.join("debug/webwork-sandbox"));
        command
            // The fuzzer calls as demo-owner: the reference's access rule, chosen explicitly.
            .args(["--memory", "--rate-limit", "off", "--access", "reference", "--today", "2026-03-04", "--time", "09:00", "--addr", &addr])
            .stdin(Stdio::null())
            .stdout(file)
            .stderr(err);
        println!("$ {}", util::describe(&command));
        let child = command.spawn().map_err(|e| format!("could not start the sandbox: {e}"))?;
        let mut sandbox = FuzzSandbox { child, base: format!("http://{addr}/api/v2"), log };
        for _ in 0..300 {
            if std::net::TcpStream::connect(&addr).is_ok() {
                return Ok(sandbox);
            }
            if let Ok(Some(status)) = sandbox.child.try_wait() {
                return Err(format!("the sandbox exited ({status}); see {}", sandbox.log.display()));
            }
            thread::sleep(Duration::from_millis(100));
        }
        Err(format!("the sandbox did not listen on {addr} within 30s"))
    }
}

impl Drop for FuzzSandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_libtest_and_node_lines_and_tell_wiring_tests_apart() {
        let mut c = Counts::default();
        for line in [
            "test result: ok. 15 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.5s",
            "# Subtest: wiring: members.list (getMembers) sends the core's request and reads like the core",
            "ok 3 - wiring: members.list (getMembers) sends the core's request and reads like the core",
            "    ok 1 - wiring: projects.get (getProject) sends the core's request and reads like the core",
            "ok 4 - every iterator walks pages until the last",
            "not ok 5 - wiring: tasks.list (getTasks) sends the core's request and reads like the core",
            "✔ wiring: tasks.get (getTask) sends the core's request and reads like the core (1.2ms)",
            "# pass 7",
            "# fail 1",
            "# skipped 1",
        ] {
            c.read(line);
        }
        assert_eq!((c.passed, c.failed, c.skipped), (22, 2, 3));
        assert_eq!(c.wiring_passed, 3, "passed wiring lines only; not the subtest header nor the failure");
    }
}
