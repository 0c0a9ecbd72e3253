//! Word tables: a fast hash map keyed by folded words, and matching of multi-word entries
//! (legal forms, titles) at the start or end of a token list.
//!
//! The tables are small (hundreds to a few thousand words) and looked up once
//! per token, so the hasher matters: std's SipHash costs more than the rest
//! of a lookup. Keys are our own data, so a simple multiplicative hash is
//! fine (no untrusted keys are inserted).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// A multiplicative word hasher (the FxHash scheme), eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// One bit per cheap hash of a word's length and first, second and last
/// bytes, set for the words of a table: most words looked up are in no table,
/// and a clear bit says so without hashing the whole word.
pub(crate) struct Sketch(Box<[u64]>);

impl Sketch {
    const BITS: usize = 1 << 16;

    /// The sketch of `words`.
    pub(crate) fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Sketch {
        let mut bits = vec![0u64; Self::BITS / 64].into_boxed_slice();
        for w in words {
            let h = Self::hash(w);
            bits[h / 64] |= 1 << (h % 64);
        }
        Sketch(bits)
    }

    #[inline]
    fn hash(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, second, last) =
            (b.first().copied().unwrap_or(0), b.get(1).copied().unwrap_or(0), b.last().copied().unwrap_or(0));
        let h = (b.len() as u32)
            .wrapping_mul(0x9E37_79B9)
            .wrapping_add(u32::from(first) << 16 | u32::from(second) << 8 | u32::from(last))
            .wrapping_mul(0x85EB_CA6B);
        (h >> 16) as usize
    }

    /// False if `word` is certainly not one of the words; true if it may be.
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let h = Self::hash(word);
        self.0.get(h / 64).is_some_and(|w| w & (1 << (h % 64)) != 0)
    }
}

/// A map from static words to data, with [`WordHasher`].
pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

/// Splits a data table into entries: one per non-empty line, `#` starts a comment.
pub(crate) fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// Phrases sharing a first (or last) word, longest first.
type Bucket<V> = Vec<(Box<[&'static str]>, V)>;

/// Multi-word entries, indexed by their first and by their last word.
pub(crate) struct Phrases<V: Copy> {
    by_first: WordMap<Bucket<V>>,
    by_last: WordMap<Bucket<V>>,
    firsts: Sketch,
    lasts: Sketch,
}

impl<V: Copy> Phrases<V> {
    /// Builds the index; longer phrases are tried first.
    pub(crate) fn new(entries: impl IntoIterator<Item = (Vec<&'static str>, V)>) -> Self {
        let mut by_first: WordMap<Bucket<V>> = WordMap::default();
        let mut by_last: WordMap<Bucket<V>> = WordMap::default();
        for (words, v) in entries {
            let (Some(&first), Some(&last)) = (words.first(), words.last()) else { continue };
            let words: Box<[&'static str]> = words.into_boxed_slice();
            by_first.entry(first).or_default().push((words.clone(), v));
            by_last.entry(last).or_default().push((words, v));
        }
        for list in by_first.values_mut().chain(by_last.values_mut()) {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            list.dedup_by(|a, b| a.0 == b.0);
        }
        let (firsts, lasts) = (Sketch::of(by_first.keys().copied()), Sketch::of(by_last.keys().copied()));
        Phrases { by_first, by_last, firsts, lasts }
    }

    /// The longest phrase starting at `words[at]`: its length and value.
    pub(crate) fn at_start<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<(usize, V)> {
        let word = words.get(at)?.as_ref();
        if !self.firsts.may_contain(word) {
            return None;
        }
        let list = self.by_first.get(word)?;
        list.iter()
            .find(|(p, _)| words.len() - at >= p.len() && p.iter().zip(&words[at..]).all(|(a, b)| *a == b.as_ref()))
            .map(|(p, v)| (p.len(), *v))
    }

    /// The longest phrase ending at the last of `words[..end]`: its length and value.
    pub(crate) fn at_end<S: AsRef<str>>(&self, words: &[S], end: usize) -> Option<(usize, V)> {
        if end == 0 {
            return None;
        }
        let word = words.get(end - 1)?.as_ref();
        if !self.lasts.may_contain(word) {
            return None;
        }
        let list = self.by_last.get(word)?;
        list.iter()
            .find(|(p, _)| end >= p.len() && p.iter().zip(&words[end - p.len()..end]).all(|(a, b)| *a == b.as_ref()))
            .map(|(p, v)| (p.len(), *v))
    }

    /// Whether some phrase starts with `word`.
    pub(crate) fn starts_with(&self, word: &str) -> bool {
        self.firsts.may_contain(word) && self.by_first.contains_key(word)
    }

    /// The first words of the phrases.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_first.keys().copied()
    }

    /// The number of phrases.
    pub(crate) fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    //! 1. Phrases match longest first, at the start and at the end.
    //! 2. The hasher separates short keys that share a prefix.
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn longest_phrase_wins() {
        let p = Phrases::new([(vec!["co"], 1), (vec!["co", "ltd"], 2), (vec!["ltd"], 3)]);
        let words = ["ketee", "co", "ltd"];
        assert_eq!(p.at_end(&words, 3), Some((2, 2)));
        assert_eq!(p.at_start(&words, 1), Some((2, 2)));
        assert_eq!(p.at_start(&words, 2), Some((1, 3)));
        assert_eq!(p.at_start(&words, 0), None);
        assert_eq!(p.at_end(&words, 0), None);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn hasher_separates_keys() {
        let b = BuildHasherDefault::<WordHasher>::default();
        assert_ne!(b.hash_one("abc"), b.hash_one("abd"));
        assert_ne!(b.hash_one("abcdefgh1"), b.hash_one("abcdefgh2"));
    }
}
