//! `cargo xtask test`: setup, then every test suite the project has, in order, stopping at the first failure.
//!
//! Suites: native (`cargo test --workspace`), wasm in headless Chromium (against the mock API server in
//! tests/mock-server), end-to-end (`node --test` in tests/). A suite whose crate or folder does not exist
//! yet is skipped and says so. A summary is printed at the end, also after a failure.

use crate::util::{self, cmd, exists, root, Result};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Packages that only build for wasm32, left out of the native run: (package, directory).
const WASM_ONLY_CRATES: &[(&str, &str)] = &[
    // e.g. ("webwork-admin", "crates/admin"), once a face cannot compile natively.
];

/// Packages whose wasm-bindgen tests run in headless Chromium: (package, directory).
/// Add the admin panel, widgets and the JS package here as they gain browser tests.
const WASM_TEST_CRATES: &[(&str, &str)] = &[("webwork-core", "crates/core")];

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
const E2E_DIR: &str = "tests";

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
#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    /// libtest and wasm-bindgen-test-runner: `test result: ok. 15 passed; 0 failed; 2 ignored; ...`;
    /// node --test: `# pass 3` / `# fail 0` / `# skipped 1` (TAP) or `ℹ pass 3` ... (spec reporter).
    fn read(&mut self, line: &str) {
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
    Suite {
        name: "native",
        run: native,
    },
    Suite {
        name: "wasm (headless Chromium)",
        run: wasm,
    },
    Suite {
        name: "end-to-end",
        run: end_to_end,
    },
];

pub fn run() -> Result {
    crate::setup::run()?;

    let mut counts = Counts::default();
    let mut results: Vec<(&str, Outcome, Duration)> = Vec::new();
    for suite in SUITES {
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
    for suite in &SUITES[results.len()..] {
        println!(
            "  ----  {:<28} not run (stopped at the first failure)",
            suite.name
        );
    }
    println!(
        "tests: {} passed, {} failed, {} skipped",
        counts.passed, counts.failed, counts.skipped
    );
    match results
        .iter()
        .find(|(_, outcome, _)| matches!(outcome, Outcome::Failed(_)))
    {
        Some((name, _, _)) => Err(format!("test suite '{name}' failed")),
        None => Ok(()),
    }
}

fn native(counts: &mut Counts) -> Result<Option<String>> {
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

fn wasm(counts: &mut Counts) -> Result<Option<String>> {
    let present: Vec<&(&str, &str)> = WASM_TEST_CRATES
        .iter()
        .filter(|(_, dir)| exists(dir))
        .collect();
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
                .env(
                    "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                    root().join(WEBDRIVER_JSON),
                ),
            |line| counts.read(line),
        )?;
    }
    Ok(None)
}

fn end_to_end(counts: &mut Counts) -> Result<Option<String>> {
    if !exists(&format!("{E2E_DIR}/package.json")) {
        return Ok(Some(format!(
            "{E2E_DIR}/package.json does not exist yet (no end-to-end tests)"
        )));
    }
    util::run_reading(
        cmd("node").current_dir(root().join(E2E_DIR)).arg("--test"),
        |line| counts.read(line),
    )?;
    Ok(None)
}

/// The Node mock API server, killed when dropped.
struct MockServer {
    child: Child,
    url: String,
}

impl MockServer {
    fn start() -> Result<MockServer> {
        // Port 0 lets the server bind any free port itself; it reports the one it got.
        let port = if TcpListener::bind(("127.0.0.1", MOCK_PORT)).is_ok() {
            MOCK_PORT
        } else {
            0
        };
        let mut command = cmd("node");
        command
            .args([MOCK_SERVER, "--port", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped());
        println!("$ {}", util::describe(&command));
        let mut child = command
            .spawn()
            .map_err(|e| format!("could not start the mock server: {e}"))?;

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
        let mut server = MockServer {
            child,
            url: String::new(),
        };
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
