//! `cargo xtask size`: how big each shipped wasm face is, after wasm-bindgen, after wasm-opt, and gzipped.
//!
//! Pipeline per artifact: `cargo build --release --target wasm32-unknown-unknown` (the workspace's
//! size-tuned release profile) -> `wasm-bindgen --target web` -> `wasm-opt -Oz` -> `gzip -9` byte count.
//! Each artifact has a budget in gzipped KB for wasm + JS glue together; the command fails when one is over.
//!
//! wasm-opt: Debian bookworm ships binaryen 108, which rewrites the export of wasm-bindgen's externref
//! table (`__wbindgen_externrefs`) to point at the funcref table, so the optimised module throws at
//! start-up ("Table.grow/set ... invalid"). Fixed in binaryen 110. Setup therefore installs binaryen 132
//! from npm (xtask/tools) and util::export_tool_env puts it first on PATH; we refuse anything older than 110.

use crate::util::{self, cmd, exists, root, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// What cargo builds for an artifact.
#[derive(Clone, Copy)]
enum Source {
    /// `--example NAME` (a cdylib example), output `examples/NAME.wasm`.
    Example(&'static str),
    /// `--lib` of a cdylib crate, output `LIBNAME.wasm` (the crate name with `_`).
    Lib(&'static str),
    /// `--bin NAME` (e.g. a Leptos CSR app), output `NAME.wasm`.
    Bin(&'static str),
}

#[derive(Clone, Copy)]
struct Artifact<'a> {
    /// Shown in the table; also the folder under target/size/.
    name: &'static str,
    package: &'static str,
    source: Source,
    /// The file that must exist for this artifact to be measured (skipped with a note otherwise).
    requires: &'static str,
    /// `WEBWORK_SIZE_DROP` for this build: the panel's page groups it leaves out
    /// (crates/admin/src/app.rs); empty for what ships.
    drop: &'a str,
    /// Budget for the gzipped wasm + JS glue, in KB (1 KB = 1024 bytes); `None`: a measurement
    /// for reference, never a failure.
    budget_kb: Option<u64>,
    /// Measured only when named (`cargo xtask size admin-floor`), not in the default run.
    on_request: bool,
}

/// One entry per shipped wasm. Admin panel, npm package and widgets get one line each, e.g.
/// `Artifact { name: "js", package: "webwork-js", source: Source::Lib("webwork_js"), requires: "crates/js/Cargo.toml", drop: "", budget_kb: Some(150), on_request: false },`
const ARTIFACTS: &[Artifact<'static>] = &[
    Artifact {
        name: "core",
        package: "webwork-core",
        source: Source::Example("size_probe"),
        requires: "crates/core/examples/size_probe.rs",
        // Measured 93.7 KB (wasm 89.4 + JS 4.3) when first built; the budget leaves room to grow, not to bloat.
        drop: "",
        budget_kb: Some(120),
        on_request: false,
    },
    Artifact {
        name: "js",
        package: "webwork-js",
        source: Source::Lib("webwork_js"),
        requires: "crates/js/Cargo.toml",
        // The npm package's wasm + glue (`cargo xtask npm` also prints its index.js and api.js).
        // Budget as briefed: 80 KB; crates/js/README.md ("Size") has the measured history and what was removed.
        drop: "",
        budget_kb: Some(80),
        on_request: false,
    },
    Artifact {
        name: "admin",
        package: "webwork-admin",
        source: Source::Bin("webwork-admin"),
        requires: "crates/admin/Cargo.toml",
        // The Leptos admin panel (what `trunk build --release` ships in dist/). Budget as briefed:
        // 300 KB. See crates/admin/README.md ("Size") for where the bytes go.
        drop: "",
        budget_kb: Some(300),
        on_request: false,
    },
    Artifact {
        name: "admin-floor",
        package: "webwork-admin",
        source: Source::Bin("webwork-admin"),
        requires: "crates/admin/Cargo.toml",
        // The panel with every workspace page replaced by "not found" (`WEBWORK_SIZE_DROP=all`):
        // what the shell, sign-in, the API handle, the core, the UI kit and Leptos cost before
        // any page. The admin budget minus this is what all the pages together may cost
        // (crates/admin/README.md, "Size").
        drop: "all",
        budget_kb: None,
        on_request: true,
    },
    Artifact {
        name: "admin-members-path",
        package: "webwork-admin",
        source: Source::Bin("webwork-admin"),
        requires: "crates/admin/Cargo.toml",
        // The panel with every page group but members left out, unsplit: the least that the first
        // load plus sign-in to the members list can download, however the panel is split (the
        // split build's two limits for that path sum to 310 KB; crates/admin/README.md, "Size").
        drop: "dashboard,tracking,time-entries,timesheets,time-requests,leaves,expenses,reports,projects,contracts,tasks,viewers,webhooks",
        budget_kb: None,
        on_request: true,
    },
    Artifact {
        name: "widgets",
        package: "webwork-widgets",
        source: Source::Lib("webwork_widgets"),
        requires: "crates/widgets/Cargo.toml",
        // The embeddable widgets' wasm + glue (`cargo xtask widgets` also prints the hand-written
        // webwork-widgets.js and its stylesheet). Budget as briefed: 250 KB.
        drop: "",
        budget_kb: Some(250),
        on_request: false,
    },
];

/// Features rustc 1.95 enables by default for wasm32-unknown-unknown; wasm-opt must be told, since the
/// release profile strips the `target_features` section that would tell it.
pub(crate) const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// First binaryen release that keeps wasm-bindgen's externref table export intact.
const MIN_BINARYEN: u32 = 110;

struct Row {
    artifact: String,
    file: String,
    raw: u64,
    optimised: Option<u64>,
    gzip: u64,
}

pub fn run(only: &[String]) -> Result {
    if only == ["admin-pages"] {
        return pages();
    }
    // The split build (issue 23): in the default run, or named `admin-split` (then with the
    // unsplit `admin` to compare against).
    let split = only.is_empty() || only.iter().any(|n| n == "admin-split");
    let only: Vec<String> = match only.iter().any(|n| n == "admin-split") {
        true => only.iter().filter(|n| *n != "admin-split").cloned().chain(["admin".to_owned()]).collect(),
        false => only.to_vec(),
    };
    let only = only.as_slice();
    if let Some(unknown) = only.iter().find(|n| !ARTIFACTS.iter().any(|a| a.name == n.as_str())) {
        let names: Vec<&str> = ARTIFACTS.iter().map(|a| a.name).collect();
        return Err(format!("size: no artifact '{unknown}' (known: {})", names.join(", ")));
    }
    let (present, missing): (Vec<&Artifact>, Vec<&Artifact>) = ARTIFACTS
        .iter()
        .filter(|artifact| if only.is_empty() { !artifact.on_request } else { only.iter().any(|n| n == artifact.name) })
        .partition(|artifact| exists(artifact.requires));
    for artifact in &missing {
        println!("size: skipping {}: {} does not exist yet", artifact.name, artifact.requires);
    }
    if present.is_empty() {
        println!("size: nothing to measure yet");
        return Ok(());
    }
    crate::setup::run()?;
    let wasm_opt = checked_wasm_opt()?;

    let mut rows = Vec::new();
    let mut verdicts = Vec::new();
    for artifact in present {
        let (wasm, js) = build(artifact, &wasm_opt, &mut rows)?;
        let total = wasm + js;
        let over = artifact.budget_kb.is_some_and(|kb| total > kb * 1024);
        verdicts.push((artifact.name, total, artifact.budget_kb, over));
    }

    println!();
    println!("{:<18} {:<28} {:>10} {:>10} {:>10}", "artifact", "file", "raw", "wasm-opt", "gzip -9");
    for row in &rows {
        let optimised = row.optimised.map_or("-".to_string(), |bytes| bytes.to_string());
        println!("{:<18} {:<28} {:>10} {:>10} {:>10}", row.artifact, row.file, row.raw, optimised, row.gzip);
    }
    println!();
    println!("{:<18} {:>12} {:>10}  verdict", "artifact", "gzip total", "budget");
    for (name, total, budget_kb, over) in &verdicts {
        let (budget, verdict) = match budget_kb {
            Some(kb) => (format!("{kb} KB"), if *over { "OVER" } else { "PASS" }),
            None => ("-".to_owned(), "(reference)"),
        };
        println!("{:<18} {:>9.1} KB {:>10}  {verdict}", name, *total as f64 / 1024.0, budget);
    }
    catalogs()?;
    let mut over: Vec<&str> = verdicts.iter().filter(|v| v.3).map(|v| v.0).collect();
    if split {
        let unsplit = verdicts.iter().find(|v| v.0 == "admin").map(|v| v.1);
        over.extend(split_report(unsplit)?);
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {}", over.join(", ")))
    }
}

/// The message catalogs of the panel (crates/admin/i18n, served as dist/i18n/) and of the
/// widgets (crates/widgets/i18n, beside their bundle): a page downloads the chosen language's
/// one only, on top of the bundle. Reported, not budgeted.
fn catalogs() -> Result {
    for (title, folder) in
        [("catalogs (one a page)", "crates/admin/i18n"), ("widget catalogs (one a language a page)", crate::widgets::CATALOGS)]
    {
        let dir = root().join(folder);
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        let mut files: Vec<String> =
            entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".ftl")).collect();
        files.sort();
        let names: Vec<&str> = files.iter().map(String::as_str).collect();
        print_sizes(title, &dir, &names)?;
    }
    Ok(())
}

/// The panel's page groups (the names in crates/admin/src/app.rs, `render`), by issue.
const PAGE_GROUPS: &[(&str, &[&str])] = &[
    ("Admin panel I", &["members", "projects", "contracts", "tasks", "viewers", "webhooks"]),
    ("Admin panel II", &["dashboard", "tracking", "time-entries", "timesheets", "time-requests", "leaves", "expenses", "reports"]),
];

/// `cargo xtask size admin-pages`: what each page group of the panel costs, gzipped. The panel
/// is built once whole, once per group without that group, once per issue without its groups,
/// and once without any page; a cost is the whole panel minus the build without it. Groups share
/// code (the table, the forms, the charts), so the parts do not add up to the whole: shared code
/// counts only when everything that uses it is left out. 18 release builds, about 16 minutes
/// on two cores.
fn pages() -> Result {
    crate::setup::run()?;
    let wasm_opt = checked_wasm_opt()?;
    let admin = *ARTIFACTS.iter().find(|a| a.name == "admin").ok_or("size: no admin artifact")?;
    let mut rows = Vec::new();
    let mut measure = |name: &'static str, drop: &str| -> Result<u64> {
        let artifact = Artifact { name, drop, budget_kb: None, ..admin };
        let (wasm, js) = build(&artifact, &wasm_opt, &mut rows)?;
        Ok(wasm + js)
    };
    let whole = measure("admin", "")?;
    let mut lines = Vec::new();
    for (issue, groups) in PAGE_GROUPS {
        for group in *groups {
            let without = measure("admin-pages", group)?;
            if without == whole {
                return Err(format!("size: leaving out '{group}' changed nothing; is it a group of crates/admin/src/app.rs?"));
            }
            lines.push((format!("  {group}"), whole - without));
        }
        lines.push((format!("{issue} (all its groups)"), whole - measure("admin-pages", &groups.join(","))?));
    }
    let floor = measure("admin-floor", "all")?;
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    println!();
    println!("{:<36} {:>10}", "the panel's parts", "gzip KB");
    println!("{:<36} {:>10.1}", "whole panel", kb(whole));
    for (name, cost) in &lines {
        println!("{name:<36} {:>10.1}", kb(*cost));
    }
    println!("{:<36} {:>10.1}", "all pages", kb(whole - floor));
    println!("{:<36} {:>10.1}", "no page (admin-floor)", kb(floor));
    Ok(())
}

/// Build, bind and optimise one artifact; push its table rows; return the gzipped (wasm, js) sizes.
fn build(artifact: &Artifact, wasm_opt: &Path, rows: &mut Vec<Row>) -> Result<(u64, u64)> {
    let mut build = cmd("cargo");
    build.args(["build", "-p", artifact.package, "--release", "--target", WASM_TARGET]);
    let release = target_dir().join(WASM_TARGET).join("release");
    let wasm_in = match artifact.source {
        Source::Example(name) => {
            build.args(["--example", name]);
            release.join("examples").join(format!("{name}.wasm"))
        }
        Source::Lib(name) => {
            build.arg("--lib");
            release.join(format!("{name}.wasm"))
        }
        Source::Bin(name) => {
            build.args(["--bin", name]);
            release.join(format!("{name}.wasm"))
        }
    };
    // Cargo rebuilds the panel whenever this changes, so a build that left pages out is never
    // measured (or shipped) as the whole panel. Removed for the whole panel, so that it is the
    // build Trunk makes (Trunk never sets it).
    if artifact.drop.is_empty() {
        build.env_remove("WEBWORK_SIZE_DROP");
    } else {
        build.env("WEBWORK_SIZE_DROP", artifact.drop);
    }
    util::run(&mut build)?;

    let out_dir = root().join("target/size").join(artifact.name);
    // A clean folder, so a renamed artifact never leaves a stale file to be measured.
    let _ = fs::remove_dir_all(&out_dir);
    util::run(cmd("wasm-bindgen").args(["--target", "web", "--out-dir"]).arg(&out_dir).arg(&wasm_in))?;

    let stem = wasm_in.file_stem().expect("a .wasm file name").to_string_lossy().into_owned();
    let bg_wasm = out_dir.join(format!("{stem}_bg.wasm"));
    let glue_js = out_dir.join(format!("{stem}.js"));
    let raw = file_size(&bg_wasm)?;
    // Optimise in place: target/size/<name>/ is then the package exactly as it would ship.
    util::run(cmd(wasm_opt).arg("-Oz").args(WASM_OPT_FEATURES).arg(&bg_wasm).arg("-o").arg(&bg_wasm))?;
    let optimised = file_size(&bg_wasm)?;
    let wasm_gz = gzip_size(&bg_wasm)?;
    let js_gz = gzip_size(&glue_js)?;
    rows.push(Row { artifact: artifact.name.into(), file: format!("{stem}_bg.wasm"), raw, optimised: Some(optimised), gzip: wasm_gz });
    rows.push(Row { artifact: String::new(), file: format!("{stem}.js"), raw: file_size(&glue_js)?, optimised: None, gzip: js_gz });
    // The crates' inline JS (the panel's translator, the core's shared budget) ships beside the glue.
    let mut js_total = js_gz;
    for snippet in walk(&out_dir.join("snippets")) {
        let gzip = gzip_size(&snippet)?;
        js_total += gzip;
        let file = snippet.strip_prefix(&out_dir).unwrap_or(&snippet).to_string_lossy().into_owned();
        rows.push(Row { artifact: String::new(), file, raw: file_size(&snippet)?, optimised: None, gzip });
    }
    Ok((wasm_gz, js_total))
}

/// The wasm-opt on PATH, if it is recent enough (see the module comment).
pub(crate) fn checked_wasm_opt() -> Result<PathBuf> {
    let path = util::which("wasm-opt").ok_or("wasm-opt not found; run `cargo xtask setup`")?;
    let version = util::probe(cmd(&path).arg("--version")).unwrap_or_default();
    // "wasm-opt version 132 (version_132)"
    let number = version.split_whitespace().skip_while(|word| *word != "version").nth(1).and_then(|word| word.parse::<u32>().ok());
    match number {
        Some(n) if n >= MIN_BINARYEN => Ok(path),
        _ => Err(format!(
            "{} reports `{}`; binaryen {MIN_BINARYEN} or newer is needed (older ones corrupt wasm-bindgen's \
             externref table). `cargo xtask setup` installs one into {}",
            path.display(),
            version.trim(),
            util::NODE_TOOLS_BIN
        )),
    }
}

/// A release wasm library through `wasm-bindgen --target web --out-name NAME --no-typescript`
/// (plus `extra` flags) into `staging`, then `wasm-opt -Oz` into `out`: `out/NAME_bg.wasm` and
/// `out/NAME.js`. Used by the npm package and the widget bundle.
pub(crate) fn bind_and_optimise(lib: &str, name: &str, extra: &[&str], staging: &Path, out: &Path) -> Result<Vec<String>> {
    let wasm_opt = checked_wasm_opt()?;
    let wasm_in = target_dir().join(WASM_TARGET).join(format!("release/{lib}.wasm"));
    util::run(
        cmd("wasm-bindgen")
            .args(["--target", "web", "--out-name", name, "--no-typescript"])
            .args(extra)
            .arg("--out-dir")
            .arg(staging)
            .arg(&wasm_in),
    )?;
    let bg = format!("{name}_bg.wasm");
    util::run(cmd(&wasm_opt).arg("-Oz").args(WASM_OPT_FEATURES).arg(staging.join(&bg)).arg("-o").arg(out.join(&bg)))?;
    util::copy(&staging.join(format!("{name}.js")), &out.join(format!("{name}.js")))?;
    copy_snippets(staging, out)
}

/// wasm-bindgen's `snippets/` (a crate's inline JS, e.g. the core's shared budget) go with the
/// glue that imports them; returns their paths relative to `out`, for the size table.
fn copy_snippets(staging: &Path, out: &Path) -> Result<Vec<String>> {
    let mut copied = Vec::new();
    let mut folders = vec![PathBuf::from("snippets")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(staging.join(&folder)) else { continue };
        fs::create_dir_all(out.join(&folder)).map_err(|e| format!("creating {}: {e}", out.join(&folder).display()))?;
        for entry in entries.flatten() {
            let relative = folder.join(entry.file_name());
            if entry.path().is_dir() {
                folders.push(relative);
            } else {
                util::copy(&entry.path(), &out.join(&relative))?;
                copied.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    copied.sort();
    Ok(copied)
}

/// Prints raw and gzipped sizes of `files` in `dir` and their total (what a page downloads).
pub(crate) fn print_sizes(title: &str, dir: &Path, files: &[&str]) -> Result {
    println!("\n{title:<22} {:>10} {:>10}", "raw", "gzip -9");
    let (mut raw, mut gz) = (0, 0);
    for file in files {
        let path = dir.join(file);
        let (r, g) = (file_size(&path)?, gzip_size(&path)?);
        println!("{file:<22} {r:>10} {g:>10}");
        raw += r;
        gz += g;
    }
    println!("{:<22} {raw:>10} {gz:>10}  ({:.1} KB gzipped)", "total", gz as f64 / 1024.0);
    Ok(())
}

pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

pub(crate) fn file_size(path: &Path) -> Result<u64> {
    fs::metadata(path).map(|meta| meta.len()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Bytes of `gzip -9` output (the system gzip keeps xtask free of dependencies; Debian always has it).
pub(crate) fn gzip_size(path: &Path) -> Result<u64> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    gzip_len(&bytes).map_err(|e| format!("{e} (on {})", path.display()))
}

/// Bytes of `gzip -9` output for `bytes`.
fn gzip_len(bytes: &[u8]) -> Result<u64> {
    use std::io::Write;
    let mut gzip = cmd("gzip")
        .args(["-9", "--stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not run gzip: {e}"))?;
    // Written from another thread: gzip's output fills its pipe before it has read all its input.
    let mut input = gzip.stdin.take().ok_or("gzip: no stdin")?;
    let output = std::thread::scope(|scope| {
        let writer = scope.spawn(move || input.write_all(bytes));
        let output = gzip.wait_with_output();
        (writer.join(), output)
    });
    match output {
        (Ok(Ok(())), Ok(output)) if output.status.success() => Ok(output.stdout.len() as u64),
        _ => Err("gzip failed".into()),
    }
}

/// Issue 23's limits on the split panel (gzip -9, KB of 1024 bytes): everything the browser
/// fetches before the sign-in form works; what sign-in to the first members list adds; how much
/// the whole panel, summed over its chunks, may grow over the unsplit build (percent).
const FIRST_LOAD_KB: f64 = 250.0;
const SIGN_IN_TO_MEMBERS_KB: f64 = 60.0;
const SPLIT_GROWTH_PERCENT: f64 = 5.0;
/// Of the first load, the translations (the translator and the first catalog) may be at most this.
const TRANSLATIONS_KB: f64 = 15.0;
/// Of the first load, the data layer (ARCHITECTURE.md, "The panel's data layer") may be at most this.
const DATA_LAYER_KB: f64 = 20.0;
/// The data layer's Rust modules: the panel's API handle and cache, the core's caching rules and
/// its client (pacer, priorities, the origin's shared budget).
const DATA_LAYER: &[&str] = &["webwork_admin::api", "webwork_admin::cache", "webwork_core::cache", "webwork_core::client"];
/// The core's inline JS in a site (the origin's budget in IndexedDB, core/src/client/origin.rs),
/// the data layer's part of the first load's snippets.
const DATA_LAYER_SNIPPETS: &str = "snippets/webwork-core-";

/// `cargo xtask panel --split`'s site measured against [`FIRST_LOAD_KB`], [`SIGN_IN_TO_MEMBERS_KB`]
/// and [`SPLIT_GROWTH_PERCENT`] (over `unsplit`, the gzipped wasm + glue of the `admin` row, when
/// measured); returns the names of the limits it is over.
fn split_report(unsplit: Option<u64>) -> Result<Vec<&'static str>> {
    let site = target_dir().join("panel-split");
    crate::panel_split::build(&root(), &site)?;
    let named_main = crate::panel_split::named_main_module()?;
    report_split_site(&site, &named_main, unsplit)
}

/// [`split_report`] of a site already built; `named_main` is its main module with names
/// (`panel_split::named_main_module`).
fn report_split_site(site: &Path, named_main: &Path, unsplit: Option<u64>) -> Result<Vec<&'static str>> {
    let sizes = SplitSizes::measure(site)?;
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    println!("\nthe split panel (gzip -9; $CARGO_TARGET_DIR/panel-split)");
    println!("{:<46} {:>10}", "first load (page, css, glue, loader, main wasm, snippets, en.ftl)", "");
    for (file, gz) in &sizes.first_load {
        println!("  {file:<44} {gz:>10}");
    }
    let first = sizes.first_load.iter().map(|f| f.1).sum::<u64>();
    println!("  {:<44} {:>10}  {:.1} KB (limit {FIRST_LOAD_KB} KB)", "total", first, kb(first));
    let translations: u64 =
        sizes.first_load.iter().filter(|(file, _)| file.ends_with("fluent-bundle.js") || file.ends_with(".ftl")).map(|f| f.1).sum();
    println!(
        "  {:<44} {:>10}  {:.1} KB (limit {TRANSLATIONS_KB} KB)",
        "of it translations (translator, en.ftl)",
        translations,
        kb(translations)
    );
    let data = DataLayer::measure(&sizes, site, named_main)?;
    println!(
        "  {:<44} {:>10}  {:.1} KB (limit {DATA_LAYER_KB} KB)",
        "of it the data layer (estimate, see below)",
        data.total(),
        kb(data.total())
    );
    data.explain();
    let members = sizes.group_total("members");
    println!(
        "sign-in to members (split_members + the {} shared chunks it needs): {members} bytes, {:.1} KB (limit {SIGN_IN_TO_MEMBERS_KB} KB)",
        sizes.deps.get("members").map_or(0, Vec::len),
        kb(members)
    );
    println!("\n{:<16} {:>10} {:>12} {:>8}", "page group", "own gzip", "with shared", "chunks");
    let mut groups: Vec<&String> = sizes.deps.keys().collect();
    groups.sort();
    for group in groups {
        let own = sizes.chunk_gz(&format!("split_{group}"));
        let deps = sizes.deps.get(group).map_or(0, Vec::len);
        println!("{group:<16} {own:>10} {:>12} {:>8}", sizes.group_total(group), deps + 1);
    }
    let shared: u64 = sizes.chunks.iter().filter(|(name, _)| name.starts_with("chunk_")).map(|c| c.1).sum();
    println!("{:<16} {shared:>10}  ({} shared chunks)", "shared", sizes.chunks.iter().filter(|(n, _)| n.starts_with("chunk_")).count());
    let whole = sizes.whole;
    let mut over = Vec::new();
    if first as f64 > FIRST_LOAD_KB * 1024.0 {
        over.push("split first load");
    }
    if members as f64 > SIGN_IN_TO_MEMBERS_KB * 1024.0 {
        over.push("split sign-in to members");
    }
    if translations as f64 > TRANSLATIONS_KB * 1024.0 {
        over.push("split translations");
    }
    if data.total() as f64 > DATA_LAYER_KB * 1024.0 {
        over.push("split data layer");
    }
    match unsplit {
        Some(unsplit) => {
            let growth = (whole as f64 / unsplit as f64 - 1.0) * 100.0;
            println!(
                "whole split panel (every wasm and js): {:.1} KB against {:.1} KB unsplit: {growth:+.1}% (limit +{SPLIT_GROWTH_PERCENT}%)",
                kb(whole),
                kb(unsplit)
            );
            if growth > SPLIT_GROWTH_PERCENT {
                over.push("split growth");
            }
        }
        None => println!("whole split panel (every wasm and js): {:.1} KB (the unsplit admin was not measured)", kb(whole)),
    }
    Ok(over)
}

/// The data layer's part of the split panel's first load. A module's function bodies are
/// attributed by their symbol names: the main module shipped has none, so they are read from the
/// same module optimised with names kept, whose bodies must be the shipped ones.
struct DataLayer {
    /// Functions whose path (or, for a trait impl, whose type) is in a [`DATA_LAYER`] module.
    own: Code,
    /// Functions of other crates instantiated for its types (`drop_in_place`, serde, Leptos), by a
    /// data-layer path among their generic arguments.
    instances: Code,
    /// Every function body of the main module.
    main_code: u64,
    /// Functions the module does not name (glue the tools add), counted nowhere.
    unnamed: Code,
    /// `gzip -9` of the own and the instances' bodies together.
    with_instances_gz: u64,
    /// Its inline JS, gzipped.
    snippets_gz: u64,
}

/// Some functions of a module: how many, their bodies' bytes, and `gzip -9` of those bodies alone.
#[derive(Default)]
struct Code {
    functions: usize,
    raw: u64,
    gz: u64,
}

impl DataLayer {
    fn measure(sizes: &SplitSizes, site: &Path, named_main: &Path) -> Result<DataLayer> {
        let read = |path: &Path| fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
        let main_file = sizes
            .first_load
            .iter()
            .find(|(file, _)| crate::panel_split::is_main_module(file))
            .ok_or("size: no main module in the split site")?;
        let (shipped, named) = (read(&site.join(&main_file.0))?, read(named_main)?);
        let shipped = crate::wasm_code::functions(&shipped).map_err(|e| format!("{}: {e}", main_file.0))?;
        let named = crate::wasm_code::functions(&named).map_err(|e| format!("{}: {e}", named_main.display()))?;
        if shipped.len() != named.len() || shipped.iter().zip(&named).any(|(s, n)| s.body != n.body) {
            return Err(format!(
                "size: {} does not hold the shipped main module's code ({} functions against {}), so its names cannot attribute it",
                named_main.display(),
                named.len(),
                shipped.len()
            ));
        }
        if named.iter().all(|f| f.name.is_none()) {
            return Err(format!("size: {} has no function names", named_main.display()));
        }
        let (mut own, mut instances, mut unnamed) = (Vec::new(), Vec::new(), Vec::new());
        for function in &named {
            let Some(name) = function.name else {
                unnamed.push(function.body);
                continue;
            };
            let path = crate::wasm_code::symbol_path(name);
            let owner = crate::wasm_code::owner(&path);
            if DATA_LAYER.iter().any(|module| crate::wasm_code::is_in(owner, module)) {
                own.push(function.body);
            } else if DATA_LAYER.iter().any(|module| crate::wasm_code::mentions(&path, module)) {
                instances.push(function.body);
            }
        }
        let code = |bodies: &[&[u8]]| -> Result<Code> {
            Ok(Code { functions: bodies.len(), raw: bodies.iter().map(|b| b.len() as u64).sum(), gz: gzip_len(&bodies.concat())? })
        };
        let snippets_gz = sizes.first_load.iter().filter(|(file, _)| file.starts_with(DATA_LAYER_SNIPPETS)).map(|f| f.1).sum();
        Ok(DataLayer {
            own: code(&own)?,
            instances: code(&instances)?,
            main_code: named.iter().map(|f| f.body.len() as u64).sum(),
            unnamed: code(&unnamed)?,
            with_instances_gz: gzip_len(&[own, instances].concat().concat())?,
            snippets_gz,
        })
    }

    /// What the limit applies to: its own code and its inline JS.
    fn total(&self) -> u64 {
        self.own.gz + self.snippets_gz
    }

    fn explain(&self) {
        let share = |raw: u64| raw as f64 * 100.0 / self.main_code.max(1) as f64;
        println!(
            "    its code ({}): {} functions, {} bytes raw, {:.1}% of the main module's {} bytes of code; gzip -9 of those bodies alone {}",
            DATA_LAYER.join(", "),
            self.own.functions,
            self.own.raw,
            share(self.own.raw),
            self.main_code,
            self.own.gz
        );
        println!("    its inline JS (the core's snippets: the origin's budget in IndexedDB): {}", self.snippets_gz);
        println!(
            "    not counted: other crates' generics instantiated for its types: {} functions, {} bytes raw ({:.1}%); gzip -9 of them and its code {}",
            self.instances.functions,
            self.instances.raw,
            share(self.instances.raw),
            self.with_instances_gz
        );
        println!(
            "    not counted: {} functions without a name, {} bytes raw ({:.1}%)",
            self.unnamed.functions,
            self.unnamed.raw,
            share(self.unnamed.raw)
        );
        println!(
            "    (an estimate: bodies gzip differently in the module; code inlined into other functions counts there, wasm-bindgen's glue for its browser calls is not counted)"
        );
    }
}

/// The gzipped sizes of a split site and which shared chunks each page group loads.
struct SplitSizes {
    first_load: Vec<(String, u64)>,
    /// Each chunk's stem (`split_members`, `chunk_12`) and gzipped size.
    chunks: Vec<(String, u64)>,
    /// Page group -> the stems of the shared chunks its loader fetches with it.
    deps: std::collections::BTreeMap<String, Vec<String>>,
    /// Every wasm and js of the site.
    whole: u64,
}

impl SplitSizes {
    fn measure(site: &Path) -> Result<SplitSizes> {
        let mut files: Vec<String> = fs::read_dir(site)
            .map_err(|e| format!("{}: {e}", site.display()))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let stem = |file: &str| file.rsplit_once('-').map_or(file.to_owned(), |(stem, _)| stem.to_owned());
        let mut first_load = Vec::new();
        let mut chunks = Vec::new();
        let mut whole = 0;
        let mut loader = String::new();
        for file in &files {
            let path = site.join(file);
            // Directories, and the compressed copies servers send (measured here from the files).
            if path.is_dir() || is_compressed_copy(&path) {
                continue;
            }
            let gz = gzip_size(&path)?;
            if file.ends_with(".wasm") || file.ends_with(".js") {
                whole += gz;
            }
            if file.starts_with("split_") || file.starts_with("chunk_") {
                chunks.push((stem(file), gz));
            } else {
                first_load.push((file.clone(), gz));
            }
            if file.starts_with("__wasm_split") {
                loader = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        for snippet in walk(&site.join("snippets")) {
            let gz = gzip_size(&snippet)?;
            whole += gz;
            first_load.push((snippet.strip_prefix(site).unwrap_or(&snippet).display().to_string(), gz));
        }
        let catalog = site.join("i18n/en.ftl");
        if catalog.exists() {
            first_load.push(("i18n/en.ftl".into(), gzip_size(&catalog)?));
        }
        Ok(SplitSizes { first_load, chunks, deps: loader_deps(&loader), whole })
    }

    fn chunk_gz(&self, stem: &str) -> u64 {
        self.chunks.iter().find(|c| c.0 == stem).map_or(0, |c| c.1)
    }

    /// A group's chunk and every shared chunk it loads with it.
    fn group_total(&self, group: &str) -> u64 {
        let deps = self.deps.get(group).map(Vec::as_slice).unwrap_or(&[]);
        self.chunk_gz(&format!("split_{group}")) + deps.iter().map(|d| self.chunk_gz(d)).sum::<u64>()
    }
}

/// From the splitter's loader: each `__wasm_split_load_<group>`'s list of `__chunk_<n>`, as chunk stems.
fn loader_deps(loader: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut deps = std::collections::BTreeMap::new();
    for part in loader.split("export const __wasm_split_load_").skip(1) {
        let Some((group, rest)) = part.split_once(' ') else { continue };
        let list = rest.rsplit_once(", [").map_or("", |(_, list)| list.split(']').next().unwrap_or(""));
        let chunks = list.split(',').map(str::trim).filter_map(|c| c.strip_prefix("__chunk_")).map(|n| format!("chunk_{n}")).collect();
        deps.insert(group.to_owned(), chunks);
    }
    deps
}

/// Every file under `dir` but the compressed copies (`util::precompress`), sorted; none when `dir`
/// does not exist.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return found };
    for entry in entries.flatten() {
        if entry.path().is_dir() {
            found.extend(walk(&entry.path()));
        } else if !is_compressed_copy(&entry.path()) {
            found.push(entry.path());
        }
    }
    found.sort();
    found
}

pub(crate) fn is_compressed_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_site_is_measured_as_first_load_and_per_group() {
        let site = std::env::temp_dir().join(format!("xtask-split-sizes-{}", std::process::id()));
        let _ = fs::remove_dir_all(&site);
        fs::create_dir_all(site.join("snippets/core")).unwrap();
        fs::create_dir_all(site.join("i18n")).unwrap();
        let loader = "export const __wasm_split_load_members = wrapAsyncCb(makeLoad(() => {\n}\n, [__chunk_1]));\n";
        let files: &[(&str, &str)] = &[
            ("index.html", "<html></html>"),
            ("admin-0123456789abcdef.css", "body {}"),
            ("webwork-admin-0123456789abcdef.js", "export default 1;"),
            ("__wasm_split-0123456789abcdef.js", loader),
            ("webwork-admin_bg-0123456789abcdef.wasm", "main"),
            ("split_members-0123456789abcdef.wasm", "members members members"),
            ("chunk_1-0123456789abcdef.wasm", "shared"),
            ("chunk_2-0123456789abcdef.wasm", "not for members"),
            ("snippets/core/inline0.js", "export const x = 1;"),
            ("i18n/en.ftl", "app-name = WebWork"),
            ("i18n/de.ftl", "app-name = WebWork"),
        ];
        for (name, text) in files {
            fs::write(site.join(name), text).unwrap();
        }
        let sizes = SplitSizes::measure(&site).unwrap();
        let gz = |name: &str| gzip_size(&site.join(name)).unwrap();
        let first: Vec<&str> = sizes.first_load.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            first,
            [
                "__wasm_split-0123456789abcdef.js",
                "admin-0123456789abcdef.css",
                "index.html",
                "webwork-admin-0123456789abcdef.js",
                "webwork-admin_bg-0123456789abcdef.wasm",
                "snippets/core/inline0.js",
                "i18n/en.ftl",
            ]
        );
        assert_eq!(sizes.deps["members"], vec!["chunk_1"]);
        assert_eq!(sizes.group_total("members"), gz("split_members-0123456789abcdef.wasm") + gz("chunk_1-0123456789abcdef.wasm"));
        let every_wasm_and_js: u64 =
            files.iter().filter(|(name, _)| name.ends_with(".wasm") || name.ends_with(".js")).map(|(name, _)| gz(name)).sum();
        assert_eq!(sizes.whole, every_wasm_and_js);
        fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn the_data_layer_is_its_modules_functions_and_the_cores_snippets() {
        use crate::wasm_code::build::module;
        let site = std::env::temp_dir().join(format!("xtask-data-layer-{}", std::process::id()));
        let _ = fs::remove_dir_all(&site);
        fs::create_dir_all(site.join("snippets/webwork-core-0123456789abcdef")).unwrap();
        let bodies: [&[u8]; 4] = [&[0, 0x01, 0x0b], &[0, 0x01, 0x01, 0x0b], &[0, 0x01, 0x01, 0x01, 0x0b], &[0, 0x0b]];
        let names: &[&str] = &[
            "_ZN13webwork_admin3api3Api4call17h0123456789abcdefE",
            "_ZN4core3ptr48drop_in_place$LT$webwork_core..client..Pacer$GT$17h0123456789abcdefE",
            "_ZN13webwork_admin5pages7members4list17h0123456789abcdefE",
            "_ZN88_$LT$webwork_core..client..cancel..Cancelled$u20$as$u20$core..future..future..Future$GT$4poll17h1248dbc869ff0cd4E",
        ];
        fs::write(site.join("webwork-admin_bg-0123456789abcdef.wasm"), module(&bodies, None)).unwrap();
        fs::write(site.join("snippets/webwork-core-0123456789abcdef/inline0.js"), "export function budget() {}").unwrap();
        let named = site.join("named.wasm");
        fs::write(&named, module(&bodies, Some(names))).unwrap();
        let sizes = SplitSizes::measure(&site).unwrap();
        let data = DataLayer::measure(&sizes, &site, &named).unwrap();
        assert_eq!((data.own.functions, data.own.raw), (2, 3 + 2));
        assert_eq!(data.own.gz, gzip_len(&[bodies[0], bodies[3]].concat()).unwrap());
        assert_eq!((data.instances.functions, data.instances.raw), (1, 4));
        assert_eq!(data.main_code, 3 + 4 + 5 + 2);
        assert_eq!(data.total(), data.own.gz + gzip_size(&site.join("snippets/webwork-core-0123456789abcdef/inline0.js")).unwrap());
        // Names from a module whose code is not the shipped one attribute nothing.
        fs::write(&named, module(&bodies[..3], Some(&names[..3]))).unwrap();
        assert!(DataLayer::measure(&sizes, &site, &named).is_err());
        fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn loader_deps_reads_each_groups_shared_chunks() {
        let loader = "const __chunk_3 = makeLoad(() => {\n}\n, []);\nexport const __wasm_split_load_members = wrapAsyncCb(makeLoad(() => {\n    const src = fetch(new URL(\"./split_members-1.wasm\", import.meta.url));\n}\n, [__chunk_3, __chunk_12]));\nexport const __wasm_split_load_tasks = wrapAsyncCb(makeLoad(() => {\n}\n, []));\n";
        let deps = loader_deps(loader);
        assert_eq!(deps["members"], vec!["chunk_3", "chunk_12"]);
        assert!(deps["tasks"].is_empty());
        assert_eq!(deps.len(), 2);
    }
}
