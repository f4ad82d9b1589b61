//! A small deterministic PRNG (SplitMix64): each case draws from its own stream, seeded by
//! (seed, case index), so any case reproduces alone.

pub struct Rng(u64);

impl Rng {
    /// The stream of case `index` under `seed`.
    pub fn for_case(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        r.next();
        Rng(r.next() ^ index)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// A length in `0..n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// True with `percent` per cent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_stream_depends_on_seed_and_index_only() {
        let a: Vec<u64> = (0..4).map(|_| Rng::for_case(7, 3).next()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::for_case(7, 3).next(), Rng::for_case(7, 4).next());
        assert_ne!(Rng::for_case(7, 3).next(), Rng::for_case(8, 3).next());
        let mut r = Rng::for_case(1, 1);
        assert!((0..1000).all(|_| r.below(10) < 10));
    }
}
