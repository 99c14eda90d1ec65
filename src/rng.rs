//! A small seeded random generator, so that a seed always yields the same shuffles on every platform.

/// SplitMix64: tiny, fast, and good enough to shuffle quiz questions.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for one attempt of a session: the same seed and attempt give the same sequence.
    pub(crate) fn for_attempt(seed: u64, attempt: u32) -> Rng {
        Rng(seed ^ u64::from(attempt).wrapping_mul(0xd1b5_4a32_d192_ed03))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in `0..n` (`n` > 0), without modulo bias.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_same_seed_and_attempt_shuffle_the_same_way() {
        let shuffled = |seed, attempt| {
            let mut v: Vec<u32> = (0..20).collect();
            Rng::for_attempt(seed, attempt).shuffle(&mut v);
            v
        };
        assert_eq!(shuffled(7, 0), shuffled(7, 0));
        assert_ne!(shuffled(7, 0), shuffled(7, 1));
        assert_ne!(shuffled(7, 0), shuffled(8, 0));
    }

    #[test]
    fn every_position_is_reachable() {
        let mut rng = Rng::for_attempt(1, 0);
        let mut seen = [0u32; 5];
        for _ in 0..5_000 {
            seen[rng.below(5)] += 1;
        }
        assert!(seen.iter().all(|&count| (800..1200).contains(&count)), "{seen:?}");
    }
}
