//! Who may call what: the core's table (`webwork_core::access`), which the panel uses too, plus
//! what only the emulator needs (rate visibility) and the check that SANDBOX.md says the same.

pub use webwork_core::access::{rule, Access, Rule, RULES};
use webwork_core::models::Role;

/// Whether `role` may see rates and amounts: owners and executive managers always; other
/// members when their own `rate_status` is 1 (visible).
pub fn can_see_rates(role: &Role, rate_status: i64) -> bool {
    role.is_admin() || rate_status == 1
}

#[cfg(test)]
mod doc_tests {
    use super::*;

    /// SANDBOX.md's role table says the same as `RULES`.
    #[test]
    fn sandbox_md_matches_the_table() {
        let doc = include_str!("../SANDBOX.md");
        for r in RULES {
            let row = format!(
                "| `{}` | {} | {} | {} |",
                r.op,
                r.access.label(),
                if r.filtered { "yes" } else { "" },
                if r.inferred { "inferred" } else { "" }
            );
            assert!(doc.contains(&row), "SANDBOX.md lacks: {row}");
        }
    }
}
