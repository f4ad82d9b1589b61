//! `cargo xtask <command>`: the project's one entry point for setting up a machine, testing and measuring.
//!
//! The alias lives in `.cargo/config.toml` (`xtask = "run --quiet --package xtask --"`).
//! One module per command; `util` holds the shared helpers for running child processes.

mod bench;
mod bench_budget;
mod bench_npm;
mod bench_panel;
mod demo;
mod fluent_js;
mod fuzz;
mod i18n;
mod inferred;
mod mixed;
mod npm;
mod panel_split;
mod setup;
mod size;
mod soak;
mod test;
mod util;
mod wasm_code;
mod widgets;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup          install what is missing (wasm target, wasm-bindgen, trunk, chromium, npm and python tools)
  test [SUITE..] setup, then every test suite (or those whose name starts with a SUITE given):
                 native, wasm in headless Chromium, end-to-end
  size [NAME..]  build the size probe(s), run wasm-bindgen + wasm-opt, print raw / optimised / gzip sizes
                 (all budgeted artifacts, or only those named: core, js, admin, widgets,
                 admin-floor = the panel without its pages, for reference;
                 admin-pages = what each page group of the panel costs, one build per group)
  demo           setup, then run the sandbox (and the panel when built); otherwise run what exists
  demo --gateway the same builds, then the sandbox on 127.0.0.1:8081 and webwork-gateway in front of it
                 (open http://localhost:8080): OAuth sign-in against the sandbox, widgets in service mode
  npm            build the npm package (webwork-tracker) into web/pkg and its tarball into target/npm
  panel --split  build the admin panel as one wasm chunk per page group into $CARGO_TARGET_DIR/panel-split
                 (a complete site: index.html, css, i18n, js, hashed wasm; see xtask/src/panel_split.rs)
  widgets        build the embeddable widgets (webwork-widgets.js + wasm) and their demo page into target/widgets
  bench <name>   run a named benchmark
  inferred       rewrite the table of what is inferred in ARCHITECTURE.md from the operation table
  i18n           write the pseudo-locale catalog en-XA.ftl from en.ftl (the catalogs' check is in `test`)
                 and the vendored translator crates/ui/js/fluent-bundle.js from @fluent/bundle
  fuzz [--cases N] [--seed S] [--case I] [--native-only]
                 the decode fuzzer: N generated and mutated answers through every reader (native and the npm package)
";

fn main() -> ExitCode {
    // Trunk must never try to download tools or phone home for a version check; every child inherits these.
    util::export_tool_env();

    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(),
        Some("test") => test::run(&args[1..]),
        Some("size") => size::run(&args[1..]),
        Some("demo") => demo::run(&args[1..]),
        Some("npm") => npm::run(),
        Some("widgets") => widgets::run(),
        Some("panel") => panel_split::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("inferred") => inferred::run(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("i18n") => fluent_js::write().and_then(|()| i18n::run()),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command '{other}'\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
