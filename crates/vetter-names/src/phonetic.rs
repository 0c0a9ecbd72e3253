//! Sound keys of folded words: a Metaphone-style phonetic key that is robust to
//! transliteration spellings, and a consonant skeleton for names from scripts
//! written without vowels (Arabic, Persian, Hebrew).
//!
//! Why not Double Metaphone? `rphonetic`'s DoubleMetaphone takes about 240 ns a
//! word here (it allocates and works on `String`s), which alone would use most of
//! the 1 µs budget for a three-word name; it also truncates codes to four
//! letters and reads `Mukhammad` as `MKMT` against `MHMT` for `Muhammad`. The key
//! below follows Double Metaphone's main classes (voicing ignored, vowels dropped
//! except a leading one, `A` for a leading vowel), adds the transliteration rules
//! (`kh`→`h`, `ph`→`f`, `w`→`v`, `ts`→`s`, `zh`/`dzh`→`j`, `shch`/`sch`/`sh`/`ch`→`x`),
//! keeps the whole word, and takes about 20 ns.

use crate::key::Key;

/// The phonetic key of a folded word (lower-case ASCII letters and digits).
///
/// Classes: `b p`→`p`, `d t th dh`→`t`, `g k q c(a,o,u) ck gh`→`k`, `v w f ph`→`f`,
/// `s z c(e,i,y) ts tz`→`s`, `sh ch sch shch cz sz tch`→`x`, `j zh dzh dj`→`j`,
/// `x`→`ks`; `h` (and `kh`) only at the start or between vowels; vowels (with
/// `y`) only as a leading `a`; repeated codes collapse.
///
/// ```
/// use vetter_names::phonetic;
/// assert_eq!(phonetic("vladimir"), phonetic("volodymyr"));
/// assert_eq!(phonetic("muhammad"), phonetic("mukhammad"));
/// assert_eq!(phonetic("aleksandr"), phonetic("alexander"));
/// ```
pub fn phonetic(word: &str) -> String {
    let mut out = Vec::with_capacity(word.len() + 2);
    push_phonetic(&mut out, word.as_bytes());
    // The key is ASCII: only ASCII codes are ever written.
    String::from_utf8(out).unwrap_or_default()
}

/// Where keys are written: a `Vec` or a buffer on the stack.
pub(crate) trait Sink {
    fn put(&mut self, b: u8);
}

impl Sink for Vec<u8> {
    #[inline]
    fn put(&mut self, b: u8) {
        self.push(b);
    }
}

/// Words up to this long have their keys written on the stack (a key is at
/// most twice as long as its word: `x` becomes two letters).
const STACK_WORD: usize = 24;

/// A key being written on the stack.
struct Stack {
    buf: [u8; 2 * STACK_WORD],
    len: usize,
}

impl Stack {
    /// The key written.
    #[inline]
    fn key(&self) -> Key {
        match self.buf.first_chunk() {
            // The bytes after `len` were never written: zero, as the inline key wants them.
            Some(inline) if self.len <= inline.len() => Key::inline_ascii(self.len, *inline),
            _ => Key::from_ascii(&self.buf[..self.len]),
        }
    }
}

impl Sink for Stack {
    #[inline]
    fn put(&mut self, b: u8) {
        // Never out of bounds for a word of at most `STACK_WORD` bytes; `get_mut` keeps it a no-op otherwise.
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }
}

/// The [`phonetic`] key of a word as a [`Key`], without a heap allocation for most words.
pub(crate) fn phonetic_key(word: &str) -> Key {
    key_of(word, push_phonetic, phonetic)
}

/// A key under which a Latin spelling of a Hebrew name and the
/// romanisation of its Hebrew script agree, or an empty string when it has
/// fewer than three consonants (two say too little).
///
/// Hebrew script writes no vowels and does not say whether `פ` is p or f,
/// `ב` b or v, `כ` k or kh, nor whether `ו` and `י` are consonants or
/// vowels. The key keeps consonant classes only: p/f, b/v, k/q/c/kh, h,
/// s/sh, z/ts/tz (`צ` is the z of Herzog), t, d, g, l, m, n, r, and the
/// `ch` of `צ'`; vowels, y, j (Benjamin is בנימין), w and a final h are
/// dropped. A letter repeated is written once, since Hebrew writes a
/// doubled letter once and its romanisation drops the alef between two
/// (`בצלאל`, Bezalel, romanises as `btsll`).
///
/// ```
/// use vetter_names::hebrew_key;
/// assert_eq!(hebrew_key("lapid"), hebrew_key("lfyd"));
/// assert_eq!(hebrew_key("herzog"), hebrew_key("hrtswg"));
/// assert_eq!(hebrew_key("benjamin"), hebrew_key("bnymyn"));
/// assert_ne!(hebrew_key("lapid"), hebrew_key("lvyd"));
/// assert_ne!(hebrew_key("nasser"), hebrew_key("nzr"));
/// assert_eq!(hebrew_key("manoj"), "");
/// ```
pub fn hebrew_key(word: &str) -> String {
    let b = word.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (class, len) = match (b[i], next) {
            (b'p', Some(b'h')) => (Some('f'), 2),
            (b'k', Some(b'h')) | (b'c', Some(b'k')) => (Some('k'), 2),
            (b's', Some(b'h')) => (Some('s'), 2),
            (b't', Some(b's' | b'z')) => (Some('z'), 2),
            (b'c', Some(b'h')) => (Some('c'), 2),
            (c, _) => (
                match c {
                    b'p' | b'f' => Some('f'),
                    b'b' | b'v' => Some('b'),
                    b'k' | b'q' | b'c' | b'x' => Some('k'),
                    b's' => Some('s'),
                    b'z' => Some('z'),
                    b'h' | b't' | b'd' | b'g' | b'l' | b'm' | b'n' | b'r' => Some(c as char),
                    _ => None,
                },
                1,
            ),
        };
        if let Some(c) = class
            && !out.ends_with(c)
        {
            out.push(c);
        }
        i += len;
    }
    if out.ends_with('h') {
        out.pop();
    }
    if out.len() < 3 {
        out.clear();
    }
    out
}

/// The [`skeleton`] of `word` spelled as Arabic script writes foreign
/// names, which has no p, v or hard g: `p`→`b`, `v`→`f`, `g` (not `gh`)→`j`
/// (Peyman is بيمن, Parviz برفيز, Gachi جشي), and the Persian `gh` of ق as
/// `q` (Ghorban is قربان), and the French `ch` of ش as `sh` (Achraf is
/// أشرف); `None` when the word has none of these letters,
/// so that its plain skeleton stands.
///
/// ```
/// use vetter_names::{arabic_skeleton, skeleton};
/// assert_eq!(arabic_skeleton("peyman").unwrap().as_str(), skeleton("bymn"));
/// assert_eq!(arabic_skeleton("parviz").unwrap().as_str(), skeleton("brfyz"));
/// assert_eq!(arabic_skeleton("ghorban").unwrap().as_str(), skeleton("qrban"));
/// assert_eq!(arabic_skeleton("achraf").unwrap().as_str(), skeleton("ashrf"));
/// assert!(arabic_skeleton("hussein").is_none());
/// ```
pub fn arabic_skeleton(word: &str) -> Option<Key> {
    let b = word.as_bytes();
    if !b
        .iter()
        .enumerate()
        .any(|(i, c)| matches!(c, b'p' | b'v' | b'g') || (*c == b'c' && b.get(i + 1) == Some(&b'h')))
    {
        return None;
    }
    // Persian romanises ق as `gh` (Ghorban/قربان, Sadegh/صادق), where Arabic
    // writes `q`; the `h` of `gh` is dropped (`None`).
    let map = |i: usize, c: u8| match c {
        b'p' => Some(b'b'),
        b'v' => Some(b'f'),
        b'g' if b.get(i + 1) == Some(&b'h') => Some(b'q'),
        b'g' => Some(b'j'),
        b'h' if i > 0 && b[i - 1] == b'g' => None,
        // French romanises ش as `ch` (Achraf, Bouchachi, Chaudhry).
        b'c' if b.get(i + 1) == Some(&b'h') => Some(b's'),
        other => Some(other),
    };
    let mut stack = [0u8; 64];
    if b.len() <= stack.len() {
        let mut n = 0;
        for (i, &c) in b.iter().enumerate() {
            if let Some(m) = map(i, c) {
                stack[n] = m;
                n += 1;
            }
        }
        // Only ASCII letters were replaced by ASCII letters.
        return std::str::from_utf8(&stack[..n]).ok().map(skeleton_key);
    }
    let spelled: Vec<u8> = b.iter().enumerate().filter_map(|(i, &c)| map(i, c)).collect();
    String::from_utf8(spelled).ok().map(|s| skeleton_key(&s))
}

/// The [`skeleton`] of a word as a [`Key`], without a heap allocation for most words.
pub(crate) fn skeleton_key(word: &str) -> Key {
    key_of(word, push_skeleton, skeleton)
}

/// A key `push` writes, on the stack for a word of at most [`STACK_WORD`]
/// bytes, else through `long` (the same key as a `String`).
fn key_of(word: &str, push: fn(&mut Stack, &[u8]), long: fn(&str) -> String) -> Key {
    if word.len() <= STACK_WORD {
        let mut out = Stack { buf: [0; 2 * STACK_WORD], len: 0 };
        push(&mut out, word.as_bytes());
        out.key()
    } else {
        Key::from(long(word))
    }
}

#[inline]
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Classes of [`PHONETIC_CLASS`] and [`SKELETON_CLASS`]; any other value is
/// the code the byte gives by itself.
const LOOK: u8 = 0;
const VOWEL: u8 = 1;
const IGNORED: u8 = 2;

/// The phonetic code of a byte that needs no look-around (`b` → `p`), or
/// [`VOWEL`], [`IGNORED`] (not a letter or digit), [`LOOK`] (the match in
/// [`push_phonetic`] decides).
static PHONETIC_CLASS: [u8; 256] = {
    let mut t = [IGNORED; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => VOWEL,
            b'b' => b'p',
            b'f' | b'v' | b'w' => b'f',
            b'q' => b'k',
            b'l' | b'm' | b'n' | b'r' | b'0'..=b'9' => b,
            b'c' | b'd' | b'g' | b'h' | b'j' | b'k' | b'p' | b's' | b't' | b'x' | b'z' => LOOK,
            _ => IGNORED,
        };
        c += 1;
    }
    t
};

/// The skeleton code of a byte after a word's first, when it needs no
/// look-around (`q` → `k`), or [`IGNORED`] (vowels, `y`, `w`, `v`, not a
/// letter or digit), [`LOOK`] (the match in [`push_skeleton`] decides).
static SKELETON_CLASS: [u8; 256] = {
    let mut t = [IGNORED; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b'b' | b'f' | b'j' | b'l' | b'm' | b'n' | b'r' | b'z' | b'0'..=b'9' => b,
            b'q' => b'k',
            b'c' | b'd' | b'g' | b'h' | b'k' | b'p' | b's' | b't' | b'x' => LOOK,
            _ => IGNORED,
        };
        c += 1;
    }
    t
};

/// Appends the phonetic key of the word `b` to `out`.
fn push_phonetic<S: Sink>(out: &mut S, b: &[u8]) {
    let n = b.len();
    let at = |i: usize| -> u8 { if i < n { b[i] } else { 0 } };
    let mut last = 0u8;
    let emit = |out: &mut S, c: u8, last: &mut u8| {
        if c != *last {
            out.put(c);
            *last = c;
        }
    };
    let mut i = 0;
    if n > 0 && is_vowel(b[0]) {
        emit(out, b'a', &mut last);
        i = 1;
        while i < n && is_vowel(b[i]) {
            i += 1;
        }
    }
    while i < n {
        let c = b[i];
        // Most letters need no look-around: one table lookup.
        match PHONETIC_CLASS[usize::from(c)] {
            VOWEL => {
                last = 0;
                i += 1;
                continue;
            }
            IGNORED => {
                i += 1;
                continue;
            }
            LOOK => {}
            code => {
                emit(out, code, &mut last);
                i += 1;
                continue;
            }
        }
        let next = at(i + 1);
        let mut skip = 1;
        let code: Option<u8> = match c {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => {
                last = 0;
                None
            }
            b'b' | b'p' if c == b'p' && next == b'h' => {
                skip = 2;
                Some(b'f')
            }
            b'b' | b'p' => Some(b'p'),
            b'c' => match next {
                b'h' if at(i + 2) == b'r' => {
                    skip = 2;
                    Some(b'k')
                }
                b'h' | b'z' | b's' => {
                    skip = 2;
                    Some(b'x')
                }
                b'k' => {
                    skip = 2;
                    Some(b'k')
                }
                b'e' | b'i' | b'y' => Some(b's'),
                _ => Some(b'k'),
            },
            b'd' => match next {
                b'z' if at(i + 2) == b'h' => {
                    skip = 3;
                    Some(b'j')
                }
                b'j' => {
                    skip = 2;
                    Some(b'j')
                }
                b'h' => {
                    skip = 2;
                    Some(b't')
                }
                _ => Some(b't'),
            },
            b'f' | b'v' | b'w' => Some(b'f'),
            b'g' if next == b'h' => {
                skip = 2;
                Some(b'k')
            }
            b'g' | b'q' => Some(b'k'),
            b'k' if next == b'h' => {
                skip = 2;
                h_code(i, at(i.wrapping_sub(1)), at(i + 2))
            }
            b'k' => Some(b'k'),
            b'h' => h_code(i, at(i.wrapping_sub(1)), next),
            // A `j` after a vowel and before a consonant is a glide (`Sergej`, `Jurij`).
            b'j' if i > 0 && is_vowel(at(i - 1)) && !is_vowel(next) => {
                last = 0;
                None
            }
            b'j' => Some(b'j'),
            b's' => {
                if next == b'h' && at(i + 2) == b'c' && at(i + 3) == b'h' {
                    skip = 4;
                    Some(b'x')
                } else if next == b'c' && at(i + 2) == b'h' {
                    skip = 3;
                    Some(b'x')
                } else if next == b'h' || next == b'z' {
                    skip = 2;
                    Some(b'x')
                } else {
                    Some(b's')
                }
            }
            b't' => match next {
                b'h' => {
                    skip = 2;
                    Some(b't')
                }
                b's' if at(i + 2) == b'c' && at(i + 3) == b'h' => {
                    skip = 4;
                    Some(b'x')
                }
                b'c' if at(i + 2) == b'h' => {
                    skip = 3;
                    Some(b'x')
                }
                b's' | b'z' => {
                    skip = 2;
                    Some(b's')
                }
                _ => Some(b't'),
            },
            b'x' => {
                emit(out, b'k', &mut last);
                Some(b's')
            }
            b'z' if next == b'h' => {
                skip = 2;
                Some(b'j')
            }
            b'z' => Some(b's'),
            b'l' | b'm' | b'n' | b'r' => Some(c),
            b'0'..=b'9' => Some(c),
            _ => None,
        };
        if let Some(code) = code {
            emit(out, code, &mut last);
        }
        i += skip;
    }
}

/// `h` counts at the start of a word and between vowels (`Mohammed`, `Mikhail`).
#[inline]
fn h_code(i: usize, prev: u8, next: u8) -> Option<u8> {
    if i == 0 || (is_vowel(prev) && is_vowel(next)) { Some(b'h') } else { None }
}

/// The consonant skeleton of a folded word.
///
/// A leading vowel becomes `a`; later vowels, `y` and `w` (and `v`, which
/// stands for `w` in Persian and Turkic spellings) are dropped; digraphs
/// become one letter (`kh`→`h`, `gh`→`g`, `th`→`t`, `dh`→`d`, `ph`→`f`,
/// `sh`→`s`, `zh`→`j`, `ch`→`c`); `q`→`k`, `c`→`k`, `x`→`ks`; a final `h` is
/// dropped (`Abdullah`, `Fatimah`); repeated letters collapse. So Mohammed,
/// Muhammad, Mukhammad and محمد all give `mhmd`, and Hussein, Husayn and حسين `hsn`.
///
/// ```
/// use vetter_names::skeleton;
/// assert_eq!(skeleton("mohammed"), "mhmd");
/// assert_eq!(skeleton("husayn"), skeleton("hussein"));
/// assert_eq!(skeleton("osama"), skeleton("usama"));
/// ```
pub fn skeleton(word: &str) -> String {
    let mut out = Vec::with_capacity(word.len() + 2);
    push_skeleton(&mut out, word.as_bytes());
    // The skeleton is ASCII: only ASCII codes are ever written.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the consonant skeleton of the word `b` to `out`.
fn push_skeleton<S: Sink>(out: &mut S, b: &[u8]) {
    let n = b.len();
    let at = |i: usize| -> u8 { if i < n { b[i] } else { 0 } };
    let mut last = 0u8;
    let mut i = 0;
    let mut first = true;
    while i < n {
        let c = b[i];
        // After the first letter, most letters need no look-around: one table lookup.
        if !first {
            match SKELETON_CLASS[usize::from(c)] {
                IGNORED => {
                    i += 1;
                    continue;
                }
                LOOK => {}
                code => {
                    if code != last {
                        out.put(code);
                        last = code;
                    }
                    i += 1;
                    continue;
                }
            }
        }
        let next = at(i + 1);
        let mut skip = 1;
        let code = match c {
            b'a' | b'e' | b'i' | b'o' | b'u' => {
                if first {
                    Some(b'a')
                } else {
                    None
                }
            }
            b'y' | b'w' | b'v' => {
                if first {
                    Some(if c == b'v' { b'w' } else { c })
                } else {
                    None
                }
            }
            // `zh` is two consonants here: Arabic script romanised gives it
            // for ز+ه (Zuhair زهير, Azhar أزهر, Zahrani الزهراني), which Latin
            // spellings write with a vowel between (`zuhair`, `zahrani`).
            b'k' | b'g' | b't' | b'd' | b'p' | b's' | b'c' if next == b'h' => {
                skip = 2;
                let code = match c {
                    b'k' => b'h',
                    b'p' => b'f',
                    other => other,
                };
                if code == b'h' && i + 2 >= n && !first { None } else { Some(code) }
            }
            b'q' | b'c' => Some(b'k'),
            b'x' => {
                if last != b'k' {
                    out.put(b'k');
                }
                Some(b's')
            }
            b'h' => {
                if i + 1 >= n && !first {
                    None
                } else {
                    Some(b'h')
                }
            }
            b'b' | b'd' | b'f' | b'g' | b'j' | b'k' | b'l' | b'm' | b'n' | b'p' | b'r' | b's' | b't' | b'z' => Some(c),
            b'0'..=b'9' => Some(c),
            _ => None,
        };
        first = false;
        if let Some(code) = code
            && code != last
        {
            out.put(code);
            last = code;
        }
        i += skip;
    }
}

#[cfg(test)]
mod tests {
    //! 1. Transliteration spellings of one name share a phonetic key (Slavic, Arabic, Greek).
    //! 2. Different names keep different keys.
    //! 3. Skeletons of Latin spellings equal those of Arabic-script transliterations.
    //! 4. Neither key panics or leaves ASCII on any input (property test).
    use super::*;
    use proptest::prelude::*;

    fn same(words: &[&str]) {
        let key = phonetic(words[0]);
        for w in words {
            assert_eq!(phonetic(w), key, "{w} vs {}", words[0]);
        }
    }

    fn check(word: &str, expect: &str) {
        assert_eq!(phonetic(word), expect, "{word}");
    }

    fn check_skeleton(word: &str, expect: &str) {
        assert_eq!(skeleton(word), expect, "{word}");
    }

    #[test]
    fn slavic_spellings() {
        same(&["vladimir", "volodymyr", "wladimir", "volodimir"]);
        same(&["aleksandr", "alexander", "oleksandr", "aleksander"]);
        same(&["dmitry", "dmytro", "dmitriy", "dimitri"]);
        same(&["yuriy", "yuri", "iurii", "yury", "yurii"]);
        same(&["khrushchev", "khrushchov", "hrushchev"]);
        same(&["zelenskiy", "zelenskyy", "zelensky", "zelenskyi", "selenskij"]);
        same(&["tsipras", "cipras"]);
        same(&["lavrov", "lawrow"]);
        same(&["shoigu", "shoygu", "schoigu"]);
        same(&["dzhokhar", "jokhar", "djokhar"]);
    }

    #[test]
    fn arabic_spellings() {
        same(&["muhammad", "mohammed", "mohamed", "mukhammad", "mohamad", "muhamad"]);
        same(&["ahmad", "ahmed", "akhmed"]);
        same(&["hussein", "husayn", "hussain", "husein", "hsyn"]);
        same(&["osama", "usama", "oussama"]);
        same(&["qasem", "qassim", "kasem", "qasim", "kassem"]);
        same(&["soleimani", "suleimani", "sulaimani", "solaimani"]);
        same(&["abdullah", "abdulla", "abdallah"]);
    }

    #[test]
    fn keys() {
        check("vladimir", "fltmr");
        check("mohammed", "mhmt");
        check("putin", "ptn");
        check("xi", "ks");
        check("a", "a");
        check("48", "48");
        check("", "");
        assert_ne!(phonetic("ivan"), phonetic("ivanov"));
        assert_ne!(phonetic("putin"), phonetic("patel"));
    }

    #[test]
    fn skeletons() {
        check_skeleton("mohammed", "mhmd");
        check_skeleton("muhammad", "mhmd");
        check_skeleton("mukhammad", "mhmd");
        check_skeleton("mhmd", "mhmd");
        check_skeleton("ahmed", "ahmd");
        check_skeleton("akhmed", "ahmd");
        check_skeleton("ahmd", "ahmd");
        check_skeleton("hussein", "hsn");
        check_skeleton("hsyn", "hsn");
        check_skeleton("abdullah", "abdl");
        check_skeleton("abdulla", "abdl");
        check_skeleton("yusuf", "ysf");
        check_skeleton("ywsf", "ysf");
        check_skeleton("qasim", "ksm");
        check_skeleton("omar", "amr");
        check_skeleton("umar", "amr");
        check_skeleton("khalid", "hld");
        check_skeleton("abdulrahman", "abdlrhmn");
        check_skeleton("abdulrhmn", "abdlrhmn");
        check_skeleton("tikriti", "tkrt");
        check_skeleton("tkryty", "tkrt");
        check_skeleton("xi", "ks");
        check_skeleton("h", "h");
        check_skeleton("", "");
    }

    proptest! {
        #[test]
        fn keys_are_ascii(s in "[a-z0-9]{0,20}") {
            prop_assert!(phonetic(&s).is_ascii());
            prop_assert!(skeleton(&s).is_ascii());
        }

        #[test]
        fn keys_never_panic(s in "\\PC{0,20}") {
            let _ = phonetic(&s);
            let _ = skeleton(&s);
        }
    }
}
