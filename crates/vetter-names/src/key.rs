//! [`Key`]: a short string kept inline, for the phonetic key and the consonant
//! skeleton of a word.
//!
//! Every token of every normalised name carries both; as `String`s they were
//! two heap allocations (and two frees) per word, a fifth of the normaliser's
//! time. Keys are a few ASCII letters (`fltmr`, `mhmd`), so they fit in the 24
//! bytes a `String` takes anyway; a longer one goes to the heap.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The longest key kept inline.
pub(crate) const INLINE: usize = 22;

/// A short string stored inline (up to 22 bytes) or on the heap: the type of
/// [`NameToken::phonetic`](crate::NameToken::phonetic) and
/// [`NameToken::skeleton`](crate::NameToken::skeleton).
///
/// It dereferences to `str`, compares with `str` and `String`, and prints
/// (`Debug`, `Display`) as the string it holds.
///
/// ```
/// use vetter_names::Key;
/// let k = Key::from("mhmd");
/// assert_eq!(k, "mhmd");
/// assert_eq!(k.len(), 4);
/// assert_eq!(format!("{k:?}"), "\"mhmd\"");
/// assert_eq!(String::from(k), "mhmd");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Key(Repr);

/// Inline exactly when the text fits, with the unused bytes zero, so that the
/// derived equality is equality of the texts.
#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Key {
    /// The empty key.
    pub const fn new() -> Key {
        Key(Repr::Inline { len: 0, bytes: [0; INLINE] })
    }

    /// The key's bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Repr::Heap(s) => s.as_bytes(),
        }
    }

    /// The key as a string slice.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid: the bytes were copied from a whole `str`.
            Repr::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    /// The length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Inline { len, .. } => usize::from(*len),
            Repr::Heap(s) => s.len(),
        }
    }

    /// Whether the key is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Key {
    /// The key of the first `len` bytes of `bytes`, which are ASCII and followed by zeros.
    #[inline]
    pub(crate) fn inline_ascii(len: usize, bytes: [u8; INLINE]) -> Key {
        debug_assert!(len <= INLINE && bytes[..len].is_ascii() && bytes[len..].iter().all(|b| *b == 0));
        Key(Repr::Inline { len: len as u8, bytes })
    }

    /// A key of ASCII bytes (keys written byte by byte); anything else gives the empty key.
    pub(crate) fn from_ascii(b: &[u8]) -> Key {
        if b.len() <= INLINE && b.is_ascii() {
            let mut bytes = [0; INLINE];
            bytes[..b.len()].copy_from_slice(b);
            Key(Repr::Inline { len: b.len() as u8, bytes })
        } else {
            Key::from(std::str::from_utf8(b).unwrap_or_default())
        }
    }
}

impl Default for Key {
    fn default() -> Key {
        Key::new()
    }
}

impl From<&str> for Key {
    #[inline]
    fn from(s: &str) -> Key {
        if s.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Key(Repr::Inline { len: s.len() as u8, bytes })
        } else {
            Key(Repr::Heap(s.into()))
        }
    }
}

impl From<String> for Key {
    fn from(s: String) -> Key {
        if s.len() <= INLINE { Key::from(s.as_str()) } else { Key(Repr::Heap(s.into_boxed_str())) }
    }
}

impl From<Key> for String {
    fn from(k: Key) -> String {
        match k.0 {
            Repr::Inline { .. } => k.as_str().to_owned(),
            Repr::Heap(s) => s.into_string(),
        }
    }
}

impl Deref for Key {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for Key {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// Hashes as the `str` it holds (as `Borrow<str>` requires).
impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, other: &String) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<Key> for str {
    fn eq(&self, other: &Key) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<Key> for &str {
    fn eq(&self, other: &Key) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<Key> for String {
    fn eq(&self, other: &Key) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    //! 1. Short and long keys hold their text; equality, order and hash agree with `str`'s.
    use super::*;
    use proptest::prelude::*;
    use std::collections::hash_map::DefaultHasher;

    fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
        let mut h = DefaultHasher::new();
        t.hash(&mut h);
        h.finish()
    }

    #[test]
    fn inline_and_heap() {
        for s in ["", "a", "mhmd", "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvw", &"x".repeat(300)] {
            let k = Key::from(s);
            assert_eq!(k.as_str(), s);
            assert_eq!(k.len(), s.len());
            assert_eq!(Key::from(s.to_owned()), k);
            assert_eq!(String::from(k.clone()), s);
            assert_eq!(format!("{k:?}"), format!("{s:?}"));
            assert_eq!(hash(&k), hash(s));
        }
        assert_eq!(Key::default(), "");
    }

    proptest! {
        #[test]
        fn behaves_as_str(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            let (ka, kb) = (Key::from(a.as_str()), Key::from(b.as_str()));
            prop_assert_eq!(ka == kb, a == b);
            prop_assert_eq!(ka.cmp(&kb), a.as_bytes().cmp(b.as_bytes()));
            prop_assert_eq!(ka.as_str(), a.as_str());
        }
    }
}
