//! `cargo xtask setup`: make this machine able to build and test everything, installing only what is missing.
//!
//! Idempotent and cheap when all is present: each check is a file test or a `--version` probe, so a
//! second run takes a second or two. Every install is printed before it runs. To add a tool, add one
//! line to the matching table below (CARGO_TOOLS, APT_TOOLS, PY_TOOLS); npm folders are discovered.

use crate::util::{self, cmd, probe, root, which, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The target every wasm face compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// A tool installed with `cargo install`. It counts as present when every binary reports `version`.
struct CargoTool {
    krate: &'static str,
    version: &'static str,
    /// `--locked` uses the tool's own Cargo.lock; wasm-bindgen-cli is installed without it (its
    /// lockfile pins crates that no longer build with current rustc).
    locked: bool,
    bins: &'static [&'static str],
    /// Features to install with (`--features`).
    features: &'static str,
    /// Whether the binaries answer `--version`; the others count as present when `cargo install
    /// --list` names this version and every binary is on PATH.
    answers_version: bool,
}

const CARGO_TOOLS: &[CargoTool] = &[
    // Must equal the `wasm-bindgen` crate version pinned in the workspace Cargo.toml (=0.2.130): the CLI
    // refuses to process a module built by another version. Brings the wasm test runner with it.
    CargoTool {
        krate: "wasm-bindgen-cli",
        version: "0.2.130",
        locked: false,
        bins: &["wasm-bindgen", "wasm-bindgen-test-runner"],
        features: "",
        answers_version: true,
    },
    CargoTool { krate: "trunk", version: "0.21.14", locked: true, bins: &["trunk"], features: "", answers_version: true },
    // The splitter of the panel's split build (`cargo xtask panel --split`, xtask/src/panel_split.rs):
    // cuts the linked wasm at Leptos's `wasm_split` points into one chunk per page group.
    CargoTool {
        krate: "wasm_split_cli_support",
        version: "0.2.4",
        locked: true,
        bins: &["wasm-split-cli"],
        features: "build-binary",
        answers_version: false,
    },
];

/// How to tell whether something installed by apt is there.
enum Present {
    /// A fixed path (the wasm test runner and chromedriver look for these exact paths).
    File(&'static str),
    /// Any executable of that name on PATH.
    OnPath(&'static str),
}

/// A Debian package set needed for a tool.
struct AptTool {
    what: &'static str,
    present: Present,
    packages: &'static [&'static str],
}

const APT_TOOLS: &[AptTool] = &[
    AptTool { what: "chromium", present: Present::File("/usr/bin/chromium"), packages: &["chromium"] },
    AptTool { what: "chromedriver", present: Present::File("/usr/bin/chromedriver"), packages: &["chromium-driver"] },
    // Debian's wasm-opt (binaryen 108) is a fallback only: xtask puts binaryen 132 from xtask/tools (npm) first
    // on PATH, because 108 corrupts wasm-bindgen's externref table export. Checked by path for that reason.
    AptTool { what: "wasm-opt", present: Present::File("/usr/bin/wasm-opt"), packages: &["binaryen"] },
    // Node runs the mock API server and the end-to-end tests; usually present already.
    AptTool { what: "node", present: Present::OnPath("node"), packages: &["nodejs"] },
    AptTool { what: "npm", present: Present::OnPath("npm"), packages: &["npm"] },
];

/// A Python command-line tool installed with pip into the project venv (`target/venv`).
struct PyTool {
    /// The executable it puts in `target/venv/bin`; present when that file exists.
    bin: &'static str,
    /// What to hand to `pip install`.
    spec: &'static str,
}

/// Python tools (e.g. schemathesis against the sandbox's OpenAPI document) go here, one line each:
/// `PyTool { bin: "schemathesis", spec: "schemathesis==3.39.16" },`
const PY_TOOLS: &[PyTool] = &[
    // Fuzzes the sandbox against its own OpenAPI document (the "API fuzzing" suite of `cargo xtask test`).
    PyTool { bin: "schemathesis", spec: "schemathesis==4.32.5" },
];

/// Where the Python tools live; under target/ so `cargo clean` removes them and git ignores them.
pub fn venv_dir() -> PathBuf {
    root().join("target/venv")
}

/// Folders skipped when looking for npm lockfiles.
const NOT_SEARCHED: &[&str] = &[".git", "target", "node_modules", "dist", ".sandbox"];

pub fn run() -> Result {
    let (result, took) = util::timed(|| -> Result<usize> {
        let mut installed = 0;
        installed += wasm_target()?;
        installed += rust_components()?;
        installed += cargo_tools()?;
        installed += apt_tools()?;
        installed += npm_folders()?;
        installed += python_tools()?;
        Ok(installed)
    });
    match result? {
        0 => println!("setup: everything present ({})", util::secs(took)),
        n => println!("setup: installed {n} item(s) ({})", util::secs(took)),
    }
    Ok(())
}

fn wasm_target() -> Result<usize> {
    if which("rustup").is_none() {
        println!("setup: rustup not found; assuming the toolchain already has {WASM_TARGET}");
        return Ok(0);
    }
    // Run in the repository root so rustup answers for the toolchain pinned by rust-toolchain.toml.
    let installed = probe(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(0);
    }
    println!("setup: installing the Rust target {WASM_TARGET}");
    util::run(cmd("rustup").args(["target", "add", WASM_TARGET]))?;
    Ok(1)
}

/// rustfmt and clippy, for the format and lint checks of `cargo xtask test` (rust-toolchain.toml's
/// "minimal" profile leaves them out): (component, the cargo subcommand that answers when present).
fn rust_components() -> Result<usize> {
    let mut installed = 0;
    for (component, subcommand) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if which("rustup").is_none() || probe(cmd("cargo").args([subcommand, "--version"])).is_some() {
            continue;
        }
        println!("setup: installing the {component} component");
        // A check, not a build step: where rustup cannot reach its server, the test run says it
        // skipped the check instead of failing here.
        match util::run(cmd("rustup").args(["component", "add", component])) {
            Ok(()) => installed += 1,
            Err(e) => println!("setup: {component} could not be installed ({e}); `cargo xtask test` skips its check"),
        }
    }
    Ok(installed)
}

fn cargo_tools() -> Result<usize> {
    let mut installed = 0;
    let mut install_list = None;
    for tool in CARGO_TOOLS {
        if !tool.answers_version {
            let list = install_list.get_or_insert_with(|| probe(cmd("cargo").args(["install", "--list"])).unwrap_or_default());
            let listed = list.lines().any(|line| line.starts_with(&format!("{} v{}:", tool.krate, tool.version)));
            if listed && tool.bins.iter().all(|bin| which(bin).is_some()) {
                continue;
            }
            println!("setup: installing {} {} (not installed in that version)", tool.krate, tool.version);
            install(tool)?;
            installed += 1;
            continue;
        }
        let missing: Vec<String> = tool
            .bins
            .iter()
            .filter_map(|bin| match probe(cmd(bin).arg("--version")) {
                Some(out) if out.split_whitespace().any(|word| word == tool.version) => None,
                Some(out) => Some(format!("{bin} is {}", out.trim())),
                None => Some(format!("{bin} not found")),
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        println!("setup: installing {} {} ({})", tool.krate, tool.version, missing.join(", "));
        install(tool)?;
        installed += 1;
    }
    Ok(installed)
}

fn install(tool: &CargoTool) -> Result {
    let mut install = cmd("cargo");
    install.args(["install", tool.krate, "--version", tool.version]);
    if tool.locked {
        install.arg("--locked");
    }
    if !tool.features.is_empty() {
        install.args(["--features", tool.features]);
    }
    util::run(&mut install)
}

fn apt_tools() -> Result<usize> {
    let missing: Vec<&AptTool> = APT_TOOLS
        .iter()
        .filter(|tool| match tool.present {
            Present::File(path) => !Path::new(path).exists(),
            Present::OnPath(name) => which(name).is_none(),
        })
        .collect();
    if missing.is_empty() {
        return Ok(0);
    }
    let names: Vec<&str> = missing.iter().map(|tool| tool.what).collect();
    let packages: Vec<&str> = missing.iter().flat_map(|tool| tool.packages.iter().copied()).collect();
    println!("setup: installing Debian packages {} (missing: {})", packages.join(" "), names.join(", "));
    // apt needs root; on a developer machine that is not root, go through sudo.
    let as_root = probe(cmd("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root { cmd("apt-get") } else { cmd("sudo") };
        if !as_root {
            command.arg("apt-get");
        }
        command.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        command
    };
    util::run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y"]);
    install.args(&packages);
    util::run(&mut install)?;
    Ok(missing.len())
}

/// `npm ci` in every folder with a package-lock.json whose node_modules is missing or older than the lockfile.
fn npm_folders() -> Result<usize> {
    let mut lockfiles = Vec::new();
    find_lockfiles(&root(), 0, &mut lockfiles);
    let mut installed = 0;
    for lockfile in lockfiles {
        let dir = lockfile.parent().expect("a file has a parent");
        let modules = dir.join("node_modules");
        // npm ci writes node_modules/.package-lock.json last, so its age says when the install finished.
        let marker = if modules.join(".package-lock.json").exists() { modules.join(".package-lock.json") } else { modules.clone() };
        if modified(&marker).is_some_and(|done| Some(done) >= modified(&lockfile)) {
            continue;
        }
        let shown = dir.strip_prefix(root()).unwrap_or(dir).display().to_string();
        println!("setup: installing npm packages in {shown}/ (node_modules missing or older than package-lock.json)");
        util::run(cmd("npm").current_dir(dir).args(["ci", "--no-audit", "--no-fund"]))?;
        // A lockfile without dependencies leaves no node_modules behind; create it so the next run is a no-op.
        fs::create_dir_all(&modules).map_err(|e| format!("creating {}: {e}", modules.display()))?;
        installed += 1;
    }
    Ok(installed)
}

fn find_lockfiles(dir: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    // Lockfiles sit at most a few levels down (tests/, web/, web/examples/x/); no need to crawl further.
    if depth > 3 {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !NOT_SEARCHED.iter().any(|skip| name == *skip) {
                find_lockfiles(&path, depth + 1, found);
            }
        } else if name == "package-lock.json" {
            found.push(path);
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|meta| meta.modified()).ok()
}

fn python_tools() -> Result<usize> {
    let venv = venv_dir();
    let missing: Vec<&PyTool> = PY_TOOLS.iter().filter(|tool| !venv.join("bin").join(tool.bin).exists()).collect();
    if missing.is_empty() {
        return Ok(0);
    }
    if !venv.join("bin/python").exists() {
        println!("setup: creating the Python venv target/venv");
        util::run(cmd("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let specs: Vec<&str> = missing.iter().map(|tool| tool.spec).collect();
    println!("setup: installing Python tools {}", specs.join(" "));
    util::run(cmd(venv.join("bin/pip")).args(["install", "--quiet"]).args(&specs))?;
    Ok(missing.len())
}
