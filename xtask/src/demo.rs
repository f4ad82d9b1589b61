//! `cargo xtask demo`: the project's main job on this machine.
//!
//! Once the sandbox exists: build the admin panel (the split build, `cargo xtask panel --split` into
//! $CARGO_TARGET_DIR/panel-split), then run the sandbox with its demo data at http://127.0.0.1:8080,
//! serving the panel beside the API.
//! Until then: say plainly what is not built yet and run what exists (the core crate's native tests),
//! so the command always finishes.
//!
//! `cargo xtask demo --gateway`: the same builds, then the deployment of README.md's "Deploy on your
//! own server" on one machine: the sandbox (API and OAuth server) on 127.0.0.1:8081 and
//! `webwork-gateway` on 127.0.0.1:8080 in front of it, with OAuth sign-in against the sandbox and the
//! widgets in service mode.

use crate::util::{self, cmd, exists, root, Result, Server};
use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SANDBOX_PACKAGE: &str = "webwork-sandbox";
const SANDBOX_DIR: &str = "crates/sandbox";
const SANDBOX_ADDR: &str = "127.0.0.1:8080";
/// The stub main.rs that holds the sandbox's place in the workspace prints this; the real one will not.
const SANDBOX_PLACEHOLDER: &str = "webwork-sandbox: not built yet";
/// The admin panel's site (the split build, xtask/src/panel_split.rs); served when present.
fn panel_dir() -> PathBuf {
    crate::size::target_dir().join("panel-split")
}
const ADMIN_DIR: &str = "crates/admin";
const CORE_PACKAGE: &str = "webwork-core";
const CORE_DIR: &str = "crates/core";

const GATEWAY_PACKAGE: &str = "webwork-gateway";
const GATEWAY_ADDR: &str = "127.0.0.1:8080";
/// The origin to open. The gateway's session cookie is `Secure`; over plain http browsers keep such
/// cookies only for localhost (Chromium also for 127.0.0.1, others not all), and the gateway's CSRF
/// check and redirect URI need the origin the browser really uses: this one.
const GATEWAY_ORIGIN: &str = "http://localhost:8080";
/// Behind the gateway: the API and the OAuth server the browser is sent to for approval.
const UPSTREAM_ADDR: &str = "127.0.0.1:8081";
/// The gateway's secrets (the demo app's client secret, the widgets' service token), mode 0600.
const GATEWAY_SECRETS_DIR: &str = "target/demo-gateway";

pub fn run(args: &[String]) -> Result {
    let mut gateway = false;
    for arg in args {
        match arg.as_str() {
            "--gateway" => gateway = true,
            other => return Err(format!("demo: unknown argument '{other}' (the one option is --gateway)")),
        }
    }
    crate::setup::run()?;

    if gateway && !sandbox_built() {
        return Err(format!("demo --gateway needs the sandbox, and {SANDBOX_DIR} is still a placeholder"));
    }
    if sandbox_built() {
        // The admin panel as it ships: one wasm chunk per page group (issue 23).
        if exists(&format!("{ADMIN_DIR}/Cargo.toml")) {
            println!("demo: building the admin panel into {}/", panel_dir().display());
            crate::panel_split::build(&root(), &panel_dir())?;
        }
        let panel_built = panel_dir().join("index.html").exists();
        // The embeddable widgets and their demo intranet page (target/widgets), at /widgets/.
        let widgets = if exists("crates/widgets/Cargo.toml") {
            println!("demo: building the widgets into {}/", crate::widgets::OUT_DIR);
            Some(crate::widgets::build()?)
        } else {
            None
        };
        if gateway {
            return run_gateway(panel_built, widgets.as_deref());
        }
        let mut run = cmd("cargo");
        // The reference's access rule, chosen explicitly (as the sandbox's own default).
        run.args(["run", "--profile", "native-release", "-p", SANDBOX_PACKAGE, "--", "--addr", SANDBOX_ADDR, "--access", "reference"]);
        println!(
            "demo: access rule: reference (workspace operations for owners and executive managers only, as the API's \
             reference says); `cargo run -p {SANDBOX_PACKAGE} -- --access roles` enables the inferred role matrix"
        );
        if panel_built {
            run.arg("--serve").arg(panel_dir());
            println!(
                "demo: the admin panel and the API are both at http://{SANDBOX_ADDR} \
                 (sign in with a demo token the sandbox prints below, e.g. demo-owner)"
            );
        } else {
            println!("demo: the admin panel is not built ({}/index.html missing); serving the API only", panel_dir().display());
        }
        if let Some(dir) = &widgets {
            run.arg("--mount").arg(format!("/widgets={}", dir.display()));
            println!("demo: the widget demo (an intranet page with every widget) is at http://{SANDBOX_ADDR}/widgets/");
        }
        println!("demo: starting the sandbox at http://{SANDBOX_ADDR} (Ctrl-C stops it)");
        return util::run(&mut run);
    }

    let panel_built = panel_dir().join("index.html").exists();
    println!("demo: not built yet:");
    println!("  - the sandbox (API v2 emulator with demo data): {SANDBOX_DIR} is still a placeholder");
    if !panel_built {
        let why = if exists(ADMIN_DIR) { "not built yet (cargo xtask panel --split)" } else { "crates/admin does not exist yet" };
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

/// The sandbox on 127.0.0.1:8081 and the gateway on 127.0.0.1:8080 in front of it, until Ctrl-C
/// (which reaches both, being in this terminal's process group) or until one of them stops.
fn run_gateway(panel_built: bool, widgets: Option<&Path>) -> Result {
    util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", SANDBOX_PACKAGE, "-p", GATEWAY_PACKAGE]))?;
    for addr in [UPSTREAM_ADDR, GATEWAY_ADDR] {
        TcpListener::bind(addr).map_err(|e| format!("demo --gateway: {addr} is not free ({e}); is another demo running?"))?;
    }
    let secrets = root().join(GATEWAY_SECRETS_DIR);
    let client_secret = secret_file(&secrets, "client-secret", "demo-secret")?;
    let service_token = secret_file(&secrets, "service-token", "demo-owner")?;

    let upstream = format!("http://{UPSTREAM_ADDR}");
    println!("demo: starting the sandbox (the API v2 and its OAuth server) at {upstream}, access rule: reference");
    let mut sandbox = start(
        SANDBOX_PACKAGE,
        // The reference's access rule, chosen explicitly; the demo OAuth app accepts any
        // http://localhost:PORT redirect URI, so the gateway's needs no --oauth-redirect-uri.
        &["--addr", UPSTREAM_ADDR, "--access", "reference"].map(String::from),
    )?;
    wait_listening(UPSTREAM_ADDR, &mut sandbox, SANDBOX_PACKAGE)?;

    let mut args: Vec<String> = [
        "--upstream",
        &format!("{upstream}/api/v2"),
        "--addr",
        GATEWAY_ADDR,
        "--public-origin",
        GATEWAY_ORIGIN,
        "--oauth-client-id",
        "demo-client",
        "--oauth-client-secret-file",
        &client_secret.to_string_lossy(),
        "--oauth-authorize-url",
        &format!("{upstream}/oauth/authorize"),
        "--oauth-token-url",
        &format!("{upstream}/oauth/token"),
        "--service-token-file",
        &service_token.to_string_lossy(),
    ]
    .map(String::from)
    .to_vec();
    if panel_built {
        args.extend(["--panel".into(), panel_dir().to_string_lossy().into_owned()]);
    }
    if let Some(dir) = widgets {
        args.extend(["--widgets".into(), dir.to_string_lossy().into_owned()]);
    }
    println!("demo: starting webwork-gateway at {GATEWAY_ADDR} in front of it");
    let mut gateway = start(GATEWAY_PACKAGE, &args)?;
    wait_listening(GATEWAY_ADDR, &mut gateway, GATEWAY_PACKAGE)?;

    println!();
    if panel_built {
        println!("demo: open {GATEWAY_ORIGIN}/ (localhost, not 127.0.0.1: the gateway's Secure session cookie and its");
        println!("      CSRF check belong to that origin). Sign in with WebWork: the sandbox's authorize page");
        println!("      ({upstream}) lets you pick who approves; choose user 1, Olivia Martin (owner of Acme Studio),");
        println!("      or user 2 (executive manager): the reference access rule refuses every other role.");
        println!("      A personal token such as demo-owner works too. The browser never holds an OAuth token.");
    } else {
        println!("demo: the admin panel is not built ({}/index.html missing); the gateway serves the API only", panel_dir().display());
    }
    if widgets.is_some() {
        println!("demo: the widgets: {GATEWAY_ORIGIN}/widgets/ with no token in the page; the gateway answers their");
        println!("      reads with demo-owner's token (service mode). Starting a timer or approving needs a person");
        println!("      signed in: the page's Sign in link, then the same authorize page.");
    }
    println!("demo: Ctrl-C stops both");
    loop {
        for (server, name) in [(&mut sandbox, SANDBOX_PACKAGE), (&mut gateway, GATEWAY_PACKAGE)] {
            if let Some(status) = server.exited() {
                // The other one is stopped as `sandbox` and `gateway` drop.
                return if status.success() { Ok(()) } else { Err(format!("{name} stopped ({status})")) };
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Starts a release binary of the workspace in the repository root, its output on this terminal.
fn start(package: &str, args: &[String]) -> Result<Server> {
    let binary = util::release_binary(package);
    let mut command = std::process::Command::new(&binary);
    command.current_dir(root()).args(args);
    println!("$ {}", util::describe(&command));
    command.spawn().map(Server::new).map_err(|e| format!("could not start {}: {e}", binary.display()))
}

/// Waits until `addr` accepts connections, or says that the server stopped or is too slow.
fn wait_listening(addr: &str, server: &mut Server, name: &str) -> Result {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(status) = server.exited() {
            return Err(format!("{name} stopped before it listened on {addr} ({status})"));
        }
        if TcpStream::connect(addr).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{name} did not listen on {addr} within 30 s"))
}

/// Writes a secret the gateway reads from a file (never from its command line), readable by this
/// user only.
fn secret_file(dir: &Path, name: &str, value: &str) -> Result<PathBuf> {
    fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let path = dir.join(name);
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        // A file left by an earlier run keeps its mode through `open`: tighten it first.
        if path.exists() {
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let mut file = options.open(&path).map_err(|e| format!("writing {}: {e}", path.display()))?;
    std::io::Write::write_all(&mut file, value.as_bytes()).map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(path)
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
