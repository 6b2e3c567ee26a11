//! Stable hashing for feature keys, a fast hasher for in-memory tables, and a seeded RNG.
//!
//! Feature keys are stored in the model file, so the hash must not depend on the platform, the
//! Rust version or a per-process seed (std's SipHash is seeded randomly): we use our own.

use std::hash::{BuildHasherDefault, Hasher};

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// Final avalanche (the splitmix64 finaliser): every input bit affects every output bit.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hash of a byte string, stable across platforms (little-endian reads).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = K2 ^ (bytes.len() as u64).wrapping_mul(K1);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h ^ mix(u64::from_le_bytes(a)))
            .wrapping_mul(K1)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = (h ^ mix(u64::from_le_bytes(a)))
            .wrapping_mul(K1)
            .rotate_left(29);
    }
    mix(h)
}

/// Hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combine a feature template id with up to three values into a non-zero key
/// (zero marks an empty slot in the frozen table).
#[inline]
pub fn key(template: u32, a: u64, b: u64, c: u64) -> u64 {
    let mut h = mix((template as u64).wrapping_mul(K1) ^ a);
    h = mix(h ^ b.wrapping_mul(K2));
    h = mix(h ^ c.rotate_left(17));
    h | 1
}

/// A multiply-rotate hasher for u64 keys that are already well mixed; std's SipHash is
/// several times slower on the training hot path.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes) ^ self.0.rotate_left(5);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K1);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
}

/// `HashMap<K, V, FastBuild>`.
pub type FastBuild = BuildHasherDefault<FastHasher>;

/// splitmix64: a small seeded generator, so training runs are reproducible.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K1);
        mix(self.0)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_across_builds() {
        // Pinned value: the model file stores these hashes, so a change must fail loudly.
        assert_eq!(hash_str("the"), 0xcfd6_262e_d54e_8b2e);
        assert_ne!(hash_str("the"), hash_str("The"));
        assert_ne!(hash_str("abcdefgh"), hash_str("abcdefgh\0"));
        assert_ne!(key(1, 2, 3, 4), key(2, 2, 3, 4));
        assert_eq!(key(0, 0, 0, 0) & 1, 1);
    }

    #[test]
    fn rng_is_seeded() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let mut r = Rng::new(7);
        let b: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(Rng::new(8).next_u64(), a[0]);
    }
}
