//! 64-bit FNV-1a, the one cheap hash of short words that screening uses
//! in memory (word comparisons, the rarity table, candidate keys): the words
//! are short and not chosen by an attacker, where SipHash would cost more.
//! Nothing hashed with it is stored.

/// The FNV-1a offset basis: the hash of nothing.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Continues an FNV-1a hash `h` with `bytes`.
pub fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The FNV-1a hash of `s`.
pub fn fnv1a(s: &str) -> u64 {
    fnv1a_from(FNV_OFFSET, s.as_bytes())
}

/// [`fnv1a`] as a `Hasher`, for maps keyed by words.
#[derive(Default)]
pub(crate) struct Fnv(Option<u64>);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0.unwrap_or(FNV_OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = Some(fnv1a_from(self.0.unwrap_or(FNV_OFFSET), bytes));
    }
}
