//! `cargo xtask bench budget` (issue 20): the 16-page session of a manager in headless Chromium
//! against a sandbox at the API's real limit (60 a minute), then a reload; how long pages wait for
//! the rate budget, what a reload costs, how many 429s. The browser part is tests/bench/budget.mjs
//! (Playwright, borrowing tests/e2e's helpers and install); this builds what it drives and runs it.
//!
//! Builds the panel (`trunk build --release` into dist/) and the release sandbox first, unless
//! `--no-build`. Other arguments go to the script: `--reload-seconds N` (how long the reload's
//! requests are counted, default 10), `--page-timeout N` (seconds a page may take to show its
//! data, default 120), `--json FILE` (every request with its time and status).

use crate::util::{self, cmd, release_binary, root, Result};

const SCRIPT: &str = "tests/bench/budget.mjs";
/// The script imports playwright-core through tests/e2e/support.mjs, so that install serves it.
const E2E_DIR: &str = "tests/e2e";

pub fn run(args: &[String]) -> Result {
    let build = !args.iter().any(|a| a == "--no-build");
    let passed: Vec<&String> = args.iter().filter(|a| a.as_str() != "--no-build").collect();
    if build {
        crate::setup::run()?;
        util::run(cmd("trunk").args(["build", "--release"]))?;
        util::precompress(&root().join("dist"))?;
        util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-sandbox"]))?;
    }
    let sandbox = release_binary("webwork-sandbox");
    let dist = root().join("dist");
    if !sandbox.exists() || !dist.join("index.html").exists() {
        return Err(format!("{} or {}/index.html is missing; run without --no-build", sandbox.display(), dist.display()));
    }
    if !root().join(E2E_DIR).join("node_modules/playwright-core").exists() {
        return Err(format!("{E2E_DIR}/node_modules has no playwright-core; run `cargo xtask setup`"));
    }
    // The script exits 1 when the session missed its pass line (after printing the table), 2 when it could not run.
    util::run(cmd("node").arg(SCRIPT).args(passed).env("WEBWORK_SANDBOX", &sandbox).env("WEBWORK_DIST", &dist)).map_err(|e| {
        if e.contains("exit status: 1)") {
            "bench budget: the session missed its pass line (table above)".to_owned()
        } else {
            e
        }
    })
}
