//! `cargo xtask demo`: the project's main job on this machine.
//!
//! Once the sandbox exists: build the admin panel (`trunk build --release` into dist/), then run the
//! sandbox with its demo data at http://127.0.0.1:8080, serving the panel from dist/ beside the API.
//! Until then: say plainly what is not built yet and run what exists (the core crate's native tests),
//! so the command always finishes.

use crate::util::{self, cmd, exists, root, Result};
use std::fs;

const SANDBOX_PACKAGE: &str = "webwork-sandbox";
const SANDBOX_DIR: &str = "crates/sandbox";
const SANDBOX_ADDR: &str = "127.0.0.1:8080";
/// The stub main.rs that holds the sandbox's place in the workspace prints this; the real one will not.
const SANDBOX_PLACEHOLDER: &str = "webwork-sandbox: not built yet";
/// Trunk's output for the admin panel; served by the sandbox when present.
const PANEL_DIST: &str = "dist";
const ADMIN_DIR: &str = "crates/admin";
const CORE_PACKAGE: &str = "webwork-core";
const CORE_DIR: &str = "crates/core";

pub fn run() -> Result {
    crate::setup::run()?;

    if sandbox_built() {
        // The admin panel: `trunk build --release` into dist/ (Trunk.toml: offline, binaryen's
        // wasm-opt from xtask/tools, which util::export_tool_env put first on PATH).
        if exists(&format!("{ADMIN_DIR}/Cargo.toml")) {
            println!("demo: building the admin panel into {PANEL_DIST}/");
            util::run(cmd("trunk").args(["build", "--release"]))?;
        }
        let panel_built = exists(&format!("{PANEL_DIST}/index.html"));
        // The embeddable widgets and their demo intranet page (target/widgets), at /widgets/.
        let widgets = if exists("crates/widgets/Cargo.toml") {
            println!("demo: building the widgets into {}/", crate::widgets::OUT_DIR);
            Some(crate::widgets::build()?)
        } else {
            None
        };
        let mut run = cmd("cargo");
        // The reference's access rule, chosen explicitly (as the sandbox's own default).
        run.args(["run", "--profile", "native-release", "-p", SANDBOX_PACKAGE, "--", "--addr", SANDBOX_ADDR, "--access", "reference"]);
        println!(
            "demo: access rule: reference (workspace operations for owners and executive managers only, as the API's \
             reference says); `cargo run -p {SANDBOX_PACKAGE} -- --access roles` enables the inferred role matrix"
        );
        if panel_built {
            run.args(["--serve", PANEL_DIST]);
            println!(
                "demo: the admin panel and the API are both at http://{SANDBOX_ADDR} \
                 (sign in with a demo token the sandbox prints below, e.g. demo-owner)"
            );
        } else {
            println!("demo: the admin panel is not built ({PANEL_DIST}/index.html missing); serving the API only");
        }
        if let Some(dir) = &widgets {
            run.arg("--mount").arg(format!("/widgets={}", dir.display()));
            println!("demo: the widget demo (an intranet page with every widget) is at http://{SANDBOX_ADDR}/widgets/");
        }
        println!("demo: starting the sandbox at http://{SANDBOX_ADDR} (Ctrl-C stops it)");
        return util::run(&mut run);
    }

    let panel_built = exists(&format!("{PANEL_DIST}/index.html"));
    println!("demo: not built yet:");
    println!("  - the sandbox (API v2 emulator with demo data): {SANDBOX_DIR} is still a placeholder");
    if !panel_built {
        let why = if exists(ADMIN_DIR) { "not built into dist/ yet" } else { "crates/admin does not exist yet" };
        println!("  - the admin panel: {why}");
    }
    if !exists(CORE_DIR) {
        return Err(format!("nothing to run: {CORE_DIR} does not exist either"));
    }
    println!("demo: what exists: the core crate ({CORE_PACKAGE}); running its native tests");
    util::run(cmd("cargo").args(["test", "-p", CORE_PACKAGE]))?;
    println!("demo: done. Once the sandbox exists, this command serves the demo at http://{SANDBOX_ADDR}.");
    Ok(())
}

/// The sandbox counts as built when its package has a `webwork-sandbox` binary that is not the stub.
fn sandbox_built() -> bool {
    let dir = root().join(SANDBOX_DIR);
    let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else {
        return false;
    };
    let main = dir.join("src/main.rs");
    // The binary target is implicit (src/main.rs of a package named webwork-sandbox) or a [[bin]] entry.
    let implicit_bin = manifest.contains(&format!("name = \"{SANDBOX_PACKAGE}\"")) && main.exists();
    let explicit_bin = manifest.contains("[[bin]]") && manifest.contains(&format!("\"{SANDBOX_PACKAGE}\""));
    if !(implicit_bin || explicit_bin) {
        return false;
    }
    !fs::read_to_string(&main).is_ok_and(|source| source.contains(SANDBOX_PLACEHOLDER))
}
