//! Running child processes and small filesystem helpers shared by the commands.

use std::env;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Result<T = ()> = std::result::Result<T, String>;

/// Environment every child process gets (set once on our own process, so it is inherited).
const TOOL_ENV: &[(&str, &str)] = &[
    // Trunk would otherwise download wasm-bindgen / wasm-opt itself and check crates.io for a newer trunk.
    ("TRUNK_OFFLINE", "true"),
    ("TRUNK_SKIP_VERSION_CHECK", "true"),
];

/// Where `npm ci` in xtask/tools puts the Node-distributed tools (binaryen's wasm-opt, see size.rs).
pub const NODE_TOOLS_BIN: &str = "xtask/tools/node_modules/.bin";

pub fn export_tool_env() {
    // Single-threaded at this point (called first thing in main), so mutating the environment is sound.
    for (key, value) in TOOL_ENV {
        env::set_var(key, value);
    }
    // Put the project's wasm-opt ahead of Debian's (binaryen 108 breaks wasm-bindgen output, see size.rs),
    // so every child that looks for wasm-opt on PATH (our size command, trunk) gets the working one.
    let mut paths = vec![root().join(NODE_TOOLS_BIN)];
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    if let Ok(joined) = env::join_paths(paths) {
        env::set_var("PATH", joined);
    }
}

/// The repository root: xtask lives in `<root>/xtask`.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits one level below the repository root").to_path_buf()
}

/// A command that starts in the repository root (so rust-toolchain.toml picks the pinned toolchain).
pub fn cmd(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root());
    command
}

/// A human-readable rendering of a command line, for the "$ ..." echo and error messages.
pub fn describe(command: &Command) -> String {
    let mut text = String::new();
    for (key, value) in command.get_envs() {
        if let Some(value) = value {
            text.push_str(&format!("{}={} ", key.to_string_lossy(), value.to_string_lossy()));
        }
    }
    text.push_str(&command.get_program().to_string_lossy());
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Run a command with inherited stdio, echoing it first; a non-zero exit is an error.
pub fn run(command: &mut Command) -> Result {
    println!("$ {}", describe(command));
    let status = command.status().map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Run a command quietly and return its stdout when it succeeds; `None` when it is missing or fails.
/// Used for the cheap "is it installed / which version" probes of setup.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Find an executable on PATH (like `which`).
pub fn which(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path).map(|dir| dir.join(name)).find(|candidate| candidate.is_file())
}

/// Whole seconds with one decimal, for timings in summaries.
pub fn secs(duration: Duration) -> String {
    format!("{:.1}s", duration.as_secs_f64())
}

/// Time a closure.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// Copies one file, naming both ends in the error.
pub fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

/// Whether a workspace package directory exists (suites and artifacts for crates not written yet are skipped).
pub fn exists(relative: &str) -> bool {
    root().join(relative).exists()
}

/// Like [`run`], but stdout passes through us line by line so the caller can read it (test counts);
/// stderr stays attached to the terminal.
pub fn run_reading(command: &mut Command, mut on_line: impl FnMut(&str)) -> Result {
    use std::io::{BufRead, BufReader};
    println!("$ {}", describe(command));
    let mut child = command.stdout(Stdio::piped()).spawn().map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines().map_while(|line| line.ok()) {
        println!("{line}");
        on_line(&line);
    }
    let status = child.wait().map_err(|e| format!("waiting for `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// A server this process started (the sandbox, the gateway), killed however the caller ends:
/// a returned error, a panic, or the normal end.
pub struct Server(Child);

impl Server {
    pub fn new(child: Child) -> Self {
        Server(child)
    }

    /// Its exit status once it has stopped on its own.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.0.try_wait().ok().flatten()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A binary of this workspace built with `cargo build --profile native-release`.
pub fn release_binary(name: &str) -> PathBuf {
    crate::size::target_dir().join("native-release").join(format!("{name}{}", env::consts::EXE_SUFFIX))
}

/// Writes brotli and gzip copies beside a built site's files (xtask/tools/precompress.mjs), which
/// the sandbox and webwork-gateway send in place of compressing as they go.
pub fn precompress(site: &Path) -> Result {
    run(cmd("node").arg(root().join("xtask/tools/precompress.mjs")).arg(site))
}
