//! `cargo xtask bench panel` (issue 23): cold load to a usable sign-in form, and sign-in to the
//! first Members row, in headless Chromium throttled to 10 Mbit/s with 50 ms latency; the unsplit
//! panel (Trunk's `dist/`) beside the split one (`cargo xtask panel --split` ->
//! `$CARGO_TARGET_DIR/panel-split/`) when that is built. Each site is served compressed by
//! webwork-gateway in front of an in-memory sandbox. The measuring is tests/bench/panel-load.mjs
//! (fresh browser context per run, DevTools throttling, times taken in the page, bytes from the
//! DevTools protocol); this builds what it drives and runs it.
//!
//! Arguments: `--runs N` (per site, default 5), `--unsplit DIR` (instead of `dist/`), `--split DIR`
//! (instead of `$CARGO_TARGET_DIR/panel-split/`), `--json FILE` (every run and request),
//! `--no-build` (the sandbox, the gateway and the sites are built already).
//!
//! Builds the release sandbox and gateway, and the unsplit panel when `dist/index.html` is missing
//! (a `dist/` that is there is measured as it is: its build time is printed). The split site is not
//! built here: when it is missing the bench says so and measures the unsplit one alone.

use std::path::{Path, PathBuf};

use crate::size::target_dir;
use crate::util::{self, cmd, release_binary, root, Result};

const SCRIPT: &str = "tests/bench/panel-load.mjs";
/// The script imports playwright-core through tests/e2e/support.mjs, so that install serves it.
const E2E_DIR: &str = "tests/e2e";

struct Options {
    runs: u32,
    unsplit: Option<PathBuf>,
    split: Option<PathBuf>,
    json: Option<PathBuf>,
    build: bool,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options { runs: 5, unsplit: None, split: None, json: None, build: true };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("bench panel: {arg} needs a value"));
        match arg.as_str() {
            "--runs" => {
                let v = value()?;
                o.runs = v
                    .parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| format!("bench panel: --runs needs a whole number >= 1, not '{v}'"))?;
            }
            "--unsplit" => o.unsplit = Some(PathBuf::from(value()?)),
            "--split" => o.split = Some(PathBuf::from(value()?)),
            "--json" => o.json = Some(PathBuf::from(value()?)),
            "--no-build" => o.build = false,
            other => {
                return Err(format!(
                    "bench panel: unknown argument '{other}' (known: --runs N, --unsplit DIR, --split DIR, --json FILE, --no-build)"
                ))
            }
        }
    }
    Ok(o)
}

/// A site folder as given (relative to the repository root, where xtask runs its children).
fn absolute(dir: &Path) -> PathBuf {
    if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        root().join(dir)
    }
}

fn has_site(dir: &Path) -> bool {
    dir.join("index.html").is_file()
}

/// How long ago `dir/index.html` was written, for the line that says which build is measured.
fn age(dir: &Path) -> String {
    let modified = std::fs::metadata(dir.join("index.html")).and_then(|m| m.modified());
    match modified.ok().and_then(|t| t.elapsed().ok()) {
        Some(d) if d.as_secs() < 120 => format!("built {} s ago", d.as_secs()),
        Some(d) if d.as_secs() < 7200 => format!("built {} min ago", d.as_secs() / 60),
        Some(d) => format!("built {} h ago", d.as_secs() / 3600),
        None => "build time unknown".to_owned(),
    }
}

pub fn run(args: &[String]) -> Result {
    let o = options(args)?;
    let default_dist = o.unsplit.is_none();
    let unsplit = absolute(o.unsplit.as_deref().unwrap_or(Path::new("dist")));
    let split = o.split.as_deref().map_or_else(|| target_dir().join("panel-split"), absolute);

    if o.build {
        crate::setup::run()?;
        util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-sandbox", "-p", "webwork-gateway"]))?;
        if default_dist && !has_site(&unsplit) {
            util::run(cmd("trunk").args(["build", "--release"]))?;
            util::precompress(&root().join("dist"))?;
        }
    }
    for name in ["webwork-sandbox", "webwork-gateway"] {
        if !release_binary(name).exists() {
            return Err(format!("{} is missing; run without --no-build", release_binary(name).display()));
        }
    }
    if !has_site(&unsplit) {
        let hint = if default_dist { "run `trunk build --release` (or this bench without --no-build)" } else { "give a built site folder" };
        return Err(format!("bench panel: {}/index.html is missing; {hint}", unsplit.display()));
    }
    if !root().join(E2E_DIR).join("node_modules/playwright-core").exists() {
        return Err(format!("{E2E_DIR}/node_modules has no playwright-core; run `cargo xtask setup`"));
    }

    println!("bench panel: unsplit site {} ({})", unsplit.display(), age(&unsplit));
    let mut sites = vec![format!("unsplit={}", unsplit.display())];
    if has_site(&split) {
        println!("bench panel: split site {} ({})", split.display(), age(&split));
        sites.push(format!("split={}", split.display()));
    } else if o.split.is_some() {
        // Asked for by name: a missing folder is a mistake, not a build still to come.
        return Err(format!("bench panel: --split {}: no index.html there", split.display()));
    } else {
        println!(
            "bench panel: split build missing: run cargo xtask panel --split (looked in {}); measuring the unsplit site alone",
            split.display()
        );
    }

    let mut node = cmd("node");
    node.arg(SCRIPT).args(["--runs", &o.runs.to_string()]);
    for site in &sites {
        node.args(["--site", site]);
    }
    if let Some(json) = &o.json {
        node.arg("--json").arg(absolute(json));
    }
    node.env("WEBWORK_SANDBOX", release_binary("webwork-sandbox")).env("WEBWORK_GATEWAY", release_binary("webwork-gateway"));
    // The script exits 1 when a check failed (after printing the table), 2 when it could not run.
    util::run(&mut node).map_err(
        |e| {
            if e.contains("exit status: 1)") {
                "bench panel: a check failed (see FAIL above)".to_owned()
            } else {
                e
            }
        },
    )
}
