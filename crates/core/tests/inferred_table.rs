//! The table of what is inferred in ARCHITECTURE.md and crates/sandbox/SANDBOX.md is the one
//! `ops::inferred::markdown()` generates from the operation table. `cargo xtask inferred` (this
//! test with `WEBWORK_WRITE_INFERRED=1`) rewrites both.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

const START: &str = "<!-- inferred-table:start -->\n";
const END: &str = "<!-- inferred-table:end -->";

/// The documents that carry the table, relative to the repository's root.
const DOCUMENTS: &[&str] = &["ARCHITECTURE.md", "crates/sandbox/SANDBOX.md"];

#[test]
fn the_documents_carry_the_generated_inferred_table() {
    let generated = webwork_core::ops::inferred::markdown();
    let mut stale = Vec::new();
    for document in DOCUMENTS {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(document);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{document}: {e}"));
        let start = text.find(START).unwrap_or_else(|| panic!("{document} has no inferred-table start marker")) + START.len();
        let end = start + text[start..].find(END).unwrap_or_else(|| panic!("{document} has no inferred-table end marker"));
        if text[start..end] == generated {
            continue;
        }
        if std::env::var_os("WEBWORK_WRITE_INFERRED").is_some() {
            std::fs::write(&path, format!("{}{generated}{}", &text[..start], &text[end..])).expect("the document is writable");
            println!("rewrote the inferred table in {document}");
        } else {
            stale.push(*document);
        }
    }
    assert!(
        stale.is_empty(),
        "the inferred table in {stale:?} differs from the operation table's; run `cargo xtask inferred` to rewrite it.\ngenerated:\n{generated}"
    );
}
