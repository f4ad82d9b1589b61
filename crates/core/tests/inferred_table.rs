//! The table of what is inferred in ARCHITECTURE.md is the one `ops::inferred::markdown()`
//! generates from the operation table. `cargo xtask inferred` (this test with
//! `WEBWORK_WRITE_INFERRED=1`) rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

const START: &str = "<!-- inferred-table:start -->\n";
const END: &str = "<!-- inferred-table:end -->";

#[test]
fn architecture_md_carries_the_generated_inferred_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md");
    let text = std::fs::read_to_string(&path).expect("ARCHITECTURE.md is readable");
    let start = text.find(START).expect("ARCHITECTURE.md has the inferred-table start marker") + START.len();
    let end = start + text[start..].find(END).expect("ARCHITECTURE.md has the inferred-table end marker");
    let generated = webwork_core::ops::inferred::markdown();
    if text[start..end] == generated {
        return;
    }
    if std::env::var_os("WEBWORK_WRITE_INFERRED").is_some() {
        let rewritten = format!("{}{generated}{}", &text[..start], &text[end..]);
        std::fs::write(&path, rewritten).expect("ARCHITECTURE.md is writable");
        println!("rewrote the inferred table in {}", path.display());
        return;
    }
    panic!(
        "the inferred table in ARCHITECTURE.md differs from the operation table's; run `cargo xtask inferred` to rewrite it.\n\
         generated:\n{generated}"
    );
}
