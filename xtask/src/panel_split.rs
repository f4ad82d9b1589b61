//! `cargo xtask panel --split`: the admin panel as one wasm chunk per page group, a complete site
//! in `$CARGO_TARGET_DIR/panel-split/` (index.html, css, i18n/, js, content-hashed wasm).
//!
//! Trunk 0.21 has no step between cargo and wasm-bindgen, so xtask drives the whole build,
//! offline, with the tools setup installs:
//!
//! 1. `cargo rustc --release --target wasm32-unknown-unknown -p webwork-admin --features split --
//!    -C link-arg=--emit-relocs` (through `cargo rustc`, so `.cargo/config.toml`'s rustflags, i.e.
//!    `--cfg erase_components`, still apply): the splitter needs the linker's relocations.
//! 2. `wasm-split-cli` (wasm_split_cli_support 0.2.4) cuts the module at the `wasm_split` points of
//!    crates/admin/src/app/lazy.rs: a main module, one `split_<group>.wasm` per page group, shared
//!    `chunk_<n>.wasm`, and the loader `__wasm_split.js`.
//! 3. `wasm-bindgen --target web --keep-lld-exports --no-demangle` on the main module (the chunks
//!    link against the exports it keeps).
//! 4. wasm-opt (binaryen 132, the flags of index.html's `data-wasm-opt-params`) on every module.
//! 5. Content-hashed names, the references to them rewritten, and an index.html written from the
//!    repository's (Trunk's `data-trunk` links replaced by what they stand for) with a
//!    `<meta name="webwork-build">` the app compares to tell a new deployment (lazy.rs).

use crate::size::{checked_wasm_opt, target_dir, WASM_OPT_FEATURES};
use crate::util::{self, cmd, Result};
use std::fs;
use std::path::{Path, PathBuf};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The panel's binary, and the stem of its files in the site.
const BIN: &str = "webwork-admin";
/// The splitter's loader module, as the main module imports it.
const LINK_MODULE: &str = "__wasm_split.js";
/// Chunks smaller than this (bytes) go through the native wasm-opt when there is one (`build`, step 4).
const OPTIMISED_FROM: usize = 8 * 1024;

/// `cargo xtask panel --split [--out DIR]`.
pub fn run(args: &[String]) -> Result {
    let mut split = false;
    let mut out = target_dir().join("panel-split");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--split" => split = true,
            "--out" => out = PathBuf::from(rest.next().ok_or("panel: --out needs a folder")?),
            other => return Err(format!("panel: unknown argument '{other}' (usage: cargo xtask panel --split [--out DIR])")),
        }
    }
    if !split {
        return Err(
            "panel: only the split build is made here (`cargo xtask panel --split`); `trunk build --release` makes the unsplit one".into(),
        );
    }
    // `build` empties the folder first: only one that is empty, missing or a site already.
    let built_here = fs::read_to_string(out.join("index.html")).is_ok_and(|html| html.contains("name=\"webwork-build\""));
    let is_site_or_empty = fs::read_dir(&out).map_or(true, |mut entries| entries.next().is_none() || built_here);
    if !is_site_or_empty {
        return Err(format!("panel: {} is not empty and holds no built site; choose another --out", out.display()));
    }
    crate::setup::run()?;
    build(&util::root(), &out)?;
    report(&out)
}

/// Builds the split panel from the repository at `root` into `out` (emptied first).
pub fn build(root: &Path, out: &Path) -> Result {
    let wasm_opt = checked_wasm_opt()?;
    let linked = link(root)?;
    let staging = staging();
    recreate(&staging)?;
    recreate(out)?;

    // 2. Split. `--out-name` makes the loader import `initSync` from the glue wasm-bindgen writes next.
    let split_dir = staging.join("split");
    util::run(cmd("wasm-split-cli").arg(&linked).arg(&split_dir).args(["--target", "web", "--out-name", BIN]))?;
    let main_wasm = split_dir.join(format!("{BIN}.wasm"));

    // 3. Bind the main module.
    let bound = staging.join("bound");
    util::run(
        cmd("wasm-bindgen")
            .args(["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript", "--out-name", BIN, "--out-dir"])
            .arg(&bound)
            .arg(&main_wasm),
    )?;
    // The crates' inline JS (e.g. the core's shared budget), imported by the glue as ./snippets/...
    if bound.join("snippets").exists() {
        copy_dir(&bound.join("snippets"), &out.join("snippets"))?;
    }

    // 4. Optimise every module into the site, under a content-hashed name. The splitter also
    // writes a couple of hundred tiny shared chunks (a few functions each, but each with the whole
    // type section: 280 KB gzipped together before wasm-opt). binaryen.js (xtask/tools) takes 1.3 s
    // a start, minutes for those; a native wasm-opt takes milliseconds, and the one fault of
    // Debian's binaryen 108 (wasm-bindgen's externref table export, size.rs) is not in a chunk,
    // which wasm-bindgen never sees. So small chunks go through the native one when there is one.
    let native = native_wasm_opt();
    let optimise = |from: &Path, stem: &str| -> Result<String> {
        let tmp = staging.join(format!("{stem}.opt.wasm"));
        let small = stem != format!("{BIN}_bg") && read(from)?.len() < OPTIMISED_FROM;
        let tool = match (&native, small) {
            (Some(native), true) => native.as_path(),
            _ => wasm_opt.as_path(),
        };
        let mut run = optimisation(tool, from, &tmp);
        if small {
            // Quietly: a couple of hundred lines otherwise.
            let status = run.status().map_err(|e| format!("could not start {}: {e}", tool.display()))?;
            if !status.success() {
                return Err(format!("`{}` failed ({status})", util::describe(&run)));
            }
        } else {
            util::run(&mut run)?;
        }
        let bytes = read(&tmp)?;
        let name = format!("{stem}-{}.wasm", short_hash(&bytes));
        write(&out.join(&name), &bytes)?;
        Ok(name)
    };
    let mut loader = read_text(&split_dir.join(LINK_MODULE))?;
    let mut chunks = Vec::new();
    for entry in fs::read_dir(&split_dir).map_err(|e| format!("reading {}: {e}", split_dir.display()))?.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = file.strip_suffix(".wasm") else { continue };
        if stem == BIN {
            continue;
        }
        let quoted = format!("\"./{file}\"");
        if !loader.contains(&quoted) {
            return Err(format!("panel: the splitter's {LINK_MODULE} does not name {file}"));
        }
        let hashed = optimise(&entry.path(), stem)?;
        loader = loader.replace(&quoted, &format!("\"./{hashed}\""));
        chunks.push(hashed);
    }
    if chunks.is_empty() {
        return Err("panel: the splitter wrote no chunk; were the split points (feature `split`) compiled in?".into());
    }
    chunks.sort();
    let main_name = optimise(&bound.join(format!("{BIN}_bg.wasm")), &format!("{BIN}_bg"))?;

    // 5. The loader and the glue, each under its hash, each naming the other's final name: the
    // loader imports the glue (for `initSync`) and the glue the loader (the main module's imports).
    let mut glue = read_text(&bound.join(format!("{BIN}.js")))?;
    if !glue.contains(&format!("./{LINK_MODULE}")) {
        return Err(format!("panel: the wasm-bindgen glue does not import ./{LINK_MODULE}"));
    }
    glue = glue.replace(&format!("{BIN}_bg.wasm"), &main_name);
    // The glue's hash covers the loader too (its chunk names), so neither file ever changes
    // under a name it had before.
    let glue_name = format!("{BIN}-{}.js", short_hash(format!("{glue}{loader}").as_bytes()));
    loader = loader.replace(&format!("\"./{BIN}.js\""), &format!("\"./{glue_name}\""));
    let loader_name = format!("__wasm_split-{}.js", short_hash(loader.as_bytes()));
    // Only the import statements: the wasm's own import module stays `./__wasm_split.js`, and
    // so must the key of the imports object the glue hands it.
    glue = glue.replace(&format!("from \"./{LINK_MODULE}\""), &format!("from \"./{loader_name}\""));
    write(&out.join(&glue_name), glue.as_bytes())?;
    write(&out.join(&loader_name), loader.as_bytes())?;

    // The stylesheets, the catalogs and the page.
    let mut styles = Vec::new();
    for css in ["crates/admin/assets/admin.css", "crates/ui/assets/chart.css"] {
        let bytes = read(&root.join(css))?;
        let stem = Path::new(css).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let name = format!("{stem}-{}.css", short_hash(&bytes));
        write(&out.join(&name), &bytes)?;
        styles.push(name);
    }
    crate::i18n::ship_catalogs(&root.join("crates/admin/i18n"), &out.join("i18n"))?;
    let build_id = short_hash(format!("{glue_name} {loader_name} {main_name} {}", chunks.join(" ")).as_bytes());
    let html = index_html(&read_text(&root.join("index.html"))?, &styles, &glue_name, &main_name, &build_id)?;
    write(&out.join("index.html"), html.as_bytes())?;
    util::precompress(out)?;
    println!("panel: split site in {} ({} chunks, build {build_id})", out.display(), chunks.len());
    Ok(())
}

/// Step 4's wasm-opt run of one module.
fn optimisation(wasm_opt: &Path, from: &Path, to: &Path) -> std::process::Command {
    let mut run = cmd(wasm_opt);
    // The two sections are for tools (wasm-bindgen has read them already) and cost about
    // 200 bytes in each of the couple of hundred chunks.
    run.arg("-Oz").args(WASM_OPT_FEATURES).args(["--strip-producers", "--strip-target-features"]).arg(from).arg("-o").arg(to);
    run
}

/// The last build's main module optimised as it ships but with its function names kept
/// (`-g`), for `cargo xtask size` to tell which code is whose; returns its path.
pub(crate) fn named_main_module() -> Result<PathBuf> {
    let named = staging().join(format!("{BIN}_bg.named.wasm"));
    let bound = staging().join("bound").join(format!("{BIN}_bg.wasm"));
    util::run(optimisation(&checked_wasm_opt()?, &bound, &named).arg("-g"))?;
    Ok(named)
}

/// The shipped main module's name in a site built by [`build`] (it carries a content hash).
pub(crate) fn is_main_module(file: &str) -> bool {
    file.starts_with(&format!("{BIN}_bg-")) && file.ends_with(".wasm")
}

/// Where [`build`] keeps the modules between its steps.
fn staging() -> PathBuf {
    target_dir().join("panel-split-staging")
}

/// A native binaryen (Debian's /usr/bin/wasm-opt), for the small chunks.
fn native_wasm_opt() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/wasm-opt");
    util::probe(cmd(&path).arg("--version")).is_some().then_some(path)
}

/// 1. The release link with relocations kept; returns the linked module.
fn link(root: &Path) -> Result<PathBuf> {
    let mut rustc = cmd("cargo");
    rustc
        .current_dir(root)
        .args(["rustc", "--release", "--target", WASM_TARGET, "-p", "webwork-admin", "--bin", BIN, "--features", "split"])
        .args(["--", "-C", "link-arg=--emit-relocs"])
        // What ships is the whole panel (see size.rs, `drop`).
        .env_remove("WEBWORK_SIZE_DROP");
    util::run(&mut rustc)?;
    Ok(target_dir().join(WASM_TARGET).join("release").join(format!("{BIN}.wasm")))
}

/// The repository's index.html with Trunk's links replaced: the stylesheets, the module that
/// starts the app (as Trunk writes it), preloads of the glue and the main module, and the build id.
fn index_html(template: &str, styles: &[String], glue: &str, main_wasm: &str, build_id: &str) -> Result<String> {
    let mut html = String::new();
    let mut in_trunk_link = false;
    for line in template.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("<link data-trunk") {
            // A link may span lines (the rust link's wasm-opt params): skip to its end.
            in_trunk_link = !trimmed.ends_with('>');
            continue;
        }
        if in_trunk_link {
            in_trunk_link = !trimmed.ends_with('>');
            continue;
        }
        if trimmed.starts_with("<!-- The message catalogs") {
            continue;
        }
        if trimmed.starts_with("</head>") {
            html.push_str(&format!("    <meta name=\"webwork-build\" content=\"{build_id}\">\n"));
            for css in styles {
                html.push_str(&format!("    <link rel=\"stylesheet\" href=\"/{css}\">\n"));
            }
            html.push_str(&format!("    <link rel=\"modulepreload\" href=\"/{glue}\">\n"));
            html.push_str(&format!(
                "    <link rel=\"preload\" href=\"/{main_wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n"
            ));
            html.push_str(&format!(
                "    <script type=\"module\">import init from \"/{glue}\"; await init({{ module_or_path: \"/{main_wasm}\" }});</script>\n"
            ));
        }
        html.push_str(line);
        html.push('\n');
    }
    if !html.contains("webwork-build") {
        return Err("panel: index.html has no </head> line to put the app's links before".into());
    }
    Ok(html)
}

/// Prints every file of the site with its gzipped size.
fn report(out: &Path) -> Result {
    let mut files: Vec<String> = fs::read_dir(out)
        .map_err(|e| format!("reading {}: {e}", out.display()))?
        .flatten()
        .filter(|e| e.path().is_file() && !crate::size::is_compressed_copy(&e.path()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    crate::size::print_sizes("panel-split", out, &names)
}

/// 16 hex digits of FNV-1a over the bytes: a name that changes with the content (cache busting,
/// not security).
pub fn short_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn recreate(dir: &Path) -> Result {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("removing {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))?.flatten() {
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            util::copy(&entry.path(), &to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_html_replaces_trunk_links_and_keeps_the_rest() {
        let template = "<html>\n<head>\n    <title>T</title>\n    <link data-trunk rel=\"css\" href=\"a.css\">\n    <link data-trunk rel=\"rust\" href=\"x\"\n        data-wasm-opt-params=\"--y\">\n</head>\n<body></body>\n</html>\n";
        let html = index_html(template, &["admin-1.css".into()], "app-2.js", "app_bg-3.wasm", "b4").unwrap();
        assert!(!html.contains("data-trunk"), "{html}");
        assert!(!html.contains("--y"), "{html}");
        assert!(html.contains("<title>T</title>"));
        assert!(html.contains("<meta name=\"webwork-build\" content=\"b4\">"));
        assert!(html.contains("href=\"/admin-1.css\""));
        assert!(html.contains("import init from \"/app-2.js\"; await init({ module_or_path: \"/app_bg-3.wasm\" });"));
    }

    #[test]
    fn short_hash_follows_the_content() {
        assert_eq!(short_hash(b"a"), short_hash(b"a"));
        assert_ne!(short_hash(b"a"), short_hash(b"b"));
        assert_eq!(short_hash(b"").len(), 16);
    }
}
