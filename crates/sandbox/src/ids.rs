//! Identifier generation. Integer ids come from SQLite; string ids (time entries, timesheets,
//! time requests, leaves, expenses, webhooks) are opaque text like the API's "encrypted" ids.
//! The generator is a SplitMix64 stream: seeded with a constant for the deterministic demo seed,
//! with the clock for ids made while serving.

#[derive(Debug, Clone)]
pub struct IdGen {
    state: u64,
}

impl IdGen {
    pub fn seeded(seed: u64) -> Self {
        IdGen { state: seed }
    }

    /// Seeded from the wall clock and the process id, for ids made while serving.
    pub fn from_entropy() -> Self {
        let t = crate::clock::system_ms() as u64;
        IdGen::seeded(t.rotate_left(17) ^ u64::from(std::process::id()).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// An opaque id such as `te_5f1c0a9d3b7e4c21a8f0` (prefix + 20 hex digits).
    pub fn opaque(&mut self, prefix: &str) -> String {
        let a = self.next_u64();
        let b = self.next_u64() >> 48;
        format!("{prefix}_{a:016x}{b:04x}")
    }

    /// A random (version 4) UUID, for the ids the docs call UUIDs (leaves, expenses, categories).
    pub fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        let a = (a & !0xF000) | 0x4000; // version 4 in the third group
        let b = (b & !(0xC << 60)) | (0x8 << 60); // RFC 4122 variant
        format!("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48, b & 0xFFFF_FFFF_FFFF)
    }

    /// A secret such as a webhook token: `whsec_` + 32 hex digits.
    pub fn secret(&mut self, prefix: &str) -> String {
        format!("{prefix}{:016x}{:016x}", self.next_u64(), self.next_u64())
    }
}

/// A credential nobody can guess from the clock or other tokens: `prefix` + 32 hex digits (128
/// bits) from the standard library's randomly keyed SipHash (`RandomState` draws its keys from
/// the operating system), so OAuth codes and tokens need no extra dependency. Not `IdGen`: its
/// stream is seeded from the clock and would be predictable.
pub fn unguessable(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let half = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        h.write_i64(crate::clock::system_ms());
        h.finish()
    };
    format!("{prefix}{:016x}{:016x}", half(), half())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let mut g = IdGen::seeded(1);
        let u = g.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_eq!(g.opaque("te").len(), 23);
        assert_ne!(g.opaque("x"), g.opaque("x"));
        let t = unguessable("wwat_");
        assert_eq!(t.len(), 5 + 32);
        assert_ne!(t, unguessable("wwat_"));
    }
}
