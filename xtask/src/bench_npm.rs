//! `cargo xtask bench npm` (issue 22): the npm package's typed read of a 100-member page beside a
//! plain `fetch` + `JSON.parse` of the same page, in Node. The measuring is tests/bench/npm-read.mjs
//! (5 runs of 30 pages each, interleaved; medians, ratio, PASS/FAIL against 1.5x); this builds
//! what it drives and runs it.
//!
//! Then the other half: everything the package ships (wasm, glue, index.js, api.js)
//! gzipped, against its cap of 90 KB.
//!
//! Builds the package (`cargo xtask npm`, into web/pkg) and the release sandbox first, unless
//! `--no-build`. Other arguments go to the script: `--runs N`, `--pages N`, `--warmup N`, and
//! `--profile` (the package side only, for `node --cpu-prof`).

use crate::util::{self, cmd, release_binary, root, Result};

const SCRIPT: &str = "tests/bench/npm-read.mjs";
/// What the package ships and a page downloads (the README and types aside).
const SHIPPED: &[&str] = &["wasm_bg.wasm", "wasm.js", "index.js", "api.js"];
/// Issue 22: the package may not grow past this, gzipped, for everything in [`SHIPPED`].
const SHIPPED_CAP_KB: u64 = 90;

pub fn run(args: &[String]) -> Result {
    let build = !args.iter().any(|a| a == "--no-build");
    let passed: Vec<&String> = args.iter().filter(|a| a.as_str() != "--no-build").collect();
    if build {
        crate::setup::run()?;
        crate::npm::build()?;
        util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-sandbox"]))?;
    }
    let sandbox = release_binary("webwork-sandbox");
    let package = root().join(crate::npm::PACKAGE_DIR);
    if !sandbox.exists() || !package.join("index.js").exists() {
        return Err(format!("{} or {}/index.js is missing; run without --no-build", sandbox.display(), package.display()));
    }
    // The script exits 1 when the ratio missed its pass line (after printing the table), 2 when it could not run.
    let speed = util::run(cmd("node").arg(SCRIPT).args(passed).env("WEBWORK_SANDBOX", &sandbox).env("WEBWORK_NPM_PACKAGE", &package));
    let mut shipped = 0;
    for file in SHIPPED {
        shipped += crate::size::gzip_size(&package.join(file))?;
    }
    let over = shipped > SHIPPED_CAP_KB * 1024;
    println!(
        "{}: the package ships {:.1} KB gzipped ({shipped} bytes: {}; cap {SHIPPED_CAP_KB} KB)",
        if over { "FAIL" } else { "PASS" },
        shipped as f64 / 1024.0,
        SHIPPED.join(", ")
    );
    match (speed, over) {
        (Err(e), _) if !e.contains("exit status: 1)") => Err(e),
        (Err(_), _) => Err("bench npm: the package's read missed its pass line (table above)".to_owned()),
        (Ok(()), true) => Err(format!("bench npm: the package is over its {SHIPPED_CAP_KB} KB cap")),
        (Ok(()), false) => Ok(()),
    }
}
