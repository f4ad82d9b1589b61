//! `cargo xtask inferred`: rewrites the table of what is inferred in ARCHITECTURE.md from the
//! operation table (`webwork_core::ops::inferred::markdown`). The same test, without the
//! variable, is part of `cargo test --workspace` and fails while the committed table differs.

use crate::util::{self, cmd, Result};

pub fn run() -> Result {
    util::run(cmd("cargo").args(["test", "-p", "webwork-core", "--test", "inferred_table"]).env("WEBWORK_WRITE_INFERRED", "1"))
}
