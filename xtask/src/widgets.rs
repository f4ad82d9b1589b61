//! `cargo xtask widgets`: the embeddable widget bundle, assembled into one servable folder,
//! `target/widgets/` (used by `cargo xtask demo` at /widgets/ and by the widget tests).
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown -p webwork-widgets --lib`;
//! 2. `wasm-bindgen --target web --out-name widgets_wasm` (the glue the hand-written module imports);
//! 3. `wasm-opt -Oz` (binaryen 132, see size.rs);
//! 4. the hand-written half from web/widgets/ (`webwork-widgets.js`, its stylesheet, the editors'
//!    README) and the demo intranet page web/examples/intranet.html as `index.html`;
//! 5. the catalogs crates/widgets/i18n/*.ftl into `i18n/` (a page fetches the ones its widgets show);
//! 6. a size table (gzip -9): what a page downloads for the widgets.

use crate::size;
use crate::util::{self, cmd, copy, root, Result};
use std::fs;
use std::path::PathBuf;

/// The servable folder (gitignored, under target/).
pub const OUT_DIR: &str = "target/widgets";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Files copied from the repository: (source, name in the folder).
const HAND_WRITTEN: &[(&str, &str)] = &[
    ("web/widgets/webwork-widgets.js", "webwork-widgets.js"),
    ("web/widgets/webwork-widgets.css", "webwork-widgets.css"),
    ("web/widgets/README.md", "README.md"),
    ("web/examples/intranet.html", "index.html"),
];
/// The widgets' catalogs, served as `i18n/<tag>.ftl` beside the bundle.
pub const CATALOGS: &str = "crates/widgets/i18n";

/// What a page loads, for the size table.
const SHIPPED: &[&str] = &["widgets_wasm_bg.wasm", "widgets_wasm.js", "webwork-widgets.js", "webwork-widgets.css"];

pub fn run() -> Result {
    crate::setup::run()?;
    let dir = build()?;
    println!("\nwidgets: bundle and demo page in {} (cargo xtask demo serves them at /widgets/)", dir.display());
    Ok(())
}

/// The whole pipeline; returns the folder.
pub fn build() -> Result<PathBuf> {
    size::checked_wasm_opt()?;
    let out = root().join(OUT_DIR);
    let staging = root().join("target/widgets-bindgen");
    for dir in [&staging, &out] {
        // A clean folder, so nothing stale is ever served.
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    util::run(cmd("cargo").args(["build", "--release", "--target", WASM_TARGET, "-p", "webwork-widgets", "--lib"]))?;
    let snippets = size::bind_and_optimise("webwork_widgets", "widgets_wasm", &[], &staging, &out)?;
    for (from, to) in HAND_WRITTEN {
        copy(&root().join(from), &out.join(to))?;
    }
    let catalog_dir = out.join("i18n");
    let names = crate::i18n::ship_catalogs(&root().join(CATALOGS), &catalog_dir)?;
    let shipped: Vec<&str> = SHIPPED.iter().copied().chain(snippets.iter().map(String::as_str)).collect();
    size::print_sizes("widgets", &out, &shipped)?;
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    size::print_sizes("widget catalogs (English is in the wasm; a page fetches each other language it shows)", &catalog_dir, &names)?;
    util::precompress(&out)?;
    Ok(out)
}
