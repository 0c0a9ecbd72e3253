//! Hangul to Latin, one syllable at a time: Revised Romanization (South Korea),
//! McCune-Reischauer folded to ASCII, and the North Korean spelling of the lists
//! (`Kim Jong Un`, `Ri Yong Gil`, `Jang Song Thaek`), with and without voicing.
//!
//! Names are romanised syllable by syllable (as lists print them: `Kim Yong
//! Chol`), so the sound changes between syllables of one word are not applied,
//! except the voicing of k/t/p in the voiced North Korean variant.

/// A romanisation system for Hangul.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HangulSystem {
    /// Revised Romanization (`gim jeong eun`, `bak`, `ri`).
    Rr,
    /// McCune-Reischauer without breves and apostrophes (`kim chong un`).
    Mr,
    /// North Korean spelling: ㅈ `j`, aspirates `kh th ph` (`kim jong un`, `jang song thaek`).
    Dprk,
    /// As [`HangulSystem::Dprk`], with ㄱ ㄷ ㅂ voiced after a vowel or nasal (`ri yong gil`).
    DprkVoiced,
}

const FIRST: u32 = 0xAC00;
const LAST: u32 = 0xD7A3;

/// Whether `c` is a precomposed Hangul syllable.
#[inline]
pub(crate) fn is_syllable(c: char) -> bool {
    (FIRST..=LAST).contains(&(c as u32))
}

/// The initial, medial and final jamo indices of a syllable.
#[inline]
fn parts(c: char) -> (usize, usize, usize) {
    let s = (c as u32 - FIRST) as usize;
    (s / (21 * 28), (s % (21 * 28)) / 28, s % 28)
}

const INITIAL_RR: [&str; 19] =
    ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const INITIAL_MR: [&str; 19] =
    ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h"];
const INITIAL_DPRK: [&str; 19] =
    ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
const MEDIAL_RR: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
    "ui", "i",
];
const MEDIAL_MR: [&str; 21] = [
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui",
    "i",
];
const FINAL: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
];

/// Appends the romanisation of the syllable `c`; `prev` is the syllable before
/// it in the same word, if any (for voicing).
pub(crate) fn push(out: &mut String, sys: HangulSystem, c: char, prev: Option<char>) {
    if !is_syllable(c) {
        return;
    }
    let (i, m, f) = parts(c);
    let voiced = sys == HangulSystem::DprkVoiced
        && prev.is_some_and(|p| {
            if !is_syllable(p) {
                return false;
            }
            let (_, _, pf) = parts(p);
            // A vowel, or ㄴ ㄹ ㅁ ㅇ before.
            matches!(pf, 0 | 4 | 8 | 16 | 21)
        });
    let initial = match sys {
        HangulSystem::Rr => INITIAL_RR[i],
        HangulSystem::Mr => INITIAL_MR[i],
        HangulSystem::Dprk | HangulSystem::DprkVoiced => match (voiced, i) {
            (true, 0) => "g",
            (true, 3) => "d",
            (true, 7) => "b",
            _ => INITIAL_DPRK[i],
        },
    };
    let medial = if sys == HangulSystem::Rr { MEDIAL_RR[m] } else { MEDIAL_MR[m] };
    out.push_str(initial);
    out.push_str(medial);
    out.push_str(FINAL[f]);
}

#[cfg(test)]
mod tests {
    //! 1. Names of the DPRK designations romanise to the spellings the lists print.
    //! 2. RR gives the South Korean forms; finals are transcribed (`bak`, not `bag`).
    use super::*;

    fn romanise(name: &str, sys: HangulSystem) -> String {
        let mut out = String::new();
        let mut prev = None;
        for c in name.chars() {
            if c == ' ' {
                out.push(' ');
                prev = None;
                continue;
            }
            push(&mut out, sys, c, prev);
            out.push(' ');
            prev = Some(c);
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn check(name: &str, sys: HangulSystem, expect: &str) {
        assert_eq!(romanise(name, sys), expect, "{name} {sys:?}");
    }

    use HangulSystem::*;

    #[test]
    fn revised() {
        check("김정은", Rr, "gim jeong eun");
        check("박천산", Rr, "bak cheon san");
        check("리영길", Rr, "ri yeong gil");
        check("김영철", Rr, "gim yeong cheol");
        check("최용호", Rr, "choe yong ho");
    }

    #[test]
    fn mccune_reischauer() {
        check("김정은", Mr, "kim chong un");
        check("김영철", Mr, "kim yong chol");
        check("박천산", Mr, "pak chon san");
    }

    #[test]
    fn north_korean() {
        check("김정은", Dprk, "kim jong un");
        check("장성택", Dprk, "jang song thaek");
        check("김경희", Dprk, "kim kyong hui");
        check("리영길", DprkVoiced, "ri yong gil");
        check("노광철", Dprk, "no kwang chol");
        check("김 ", Dprk, "kim");
    }
}
