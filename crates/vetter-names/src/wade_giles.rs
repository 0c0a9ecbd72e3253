//! Wade-Giles, the romanisation of Mandarin before Pinyin (Taiwan, older
//! texts, and names such as Chiang Kai-shek or Mao Tse-tung), read as the
//! Pinyin syllables it may stand for.
//!
//! The lists and most texts drop Wade-Giles' apostrophes and umlauts, which
//! carried aspiration (`ch'` is Pinyin `ch` or `q`, `ch` is `zh` or `j`) and
//! the vowel ü, so one syllable may stand for several Pinyin syllables:
//! `chin` is `jin` or `qin`, `tung` is `dong` or `tong`. The conversion
//! follows the standard correspondence table of the two systems; only
//! candidates that are Pinyin syllables are kept.

use crate::lexicon::{Sketch, WordMap};
use crate::pinyin::is_pinyin_syllable;
use std::sync::LazyLock;

/// The Pinyin syllables a Wade-Giles syllable (folded, without apostrophes
/// or umlauts) may stand for; empty if it is no Wade-Giles syllable.
///
/// ```
/// use vetter_names::wade_giles_pinyin;
/// assert!(wade_giles_pinyin("hsi").contains(&"xi".to_string()));
/// assert!(wade_giles_pinyin("tse").contains(&"ze".to_string()));
/// assert!(wade_giles_pinyin("tung").contains(&"dong".to_string()));
/// assert!(wade_giles_pinyin("chiang").contains(&"jiang".to_string()));
/// assert!(wade_giles_pinyin("putin").is_empty());
/// ```
pub fn wade_giles_pinyin(syllable: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_spelling(syllable, |p| {
        if is_pinyin_syllable(p) && !out.iter().any(|o: &String| o == p) {
            out.push(p.to_owned());
        }
        false
    });
    out
}

/// Whether the Wade-Giles syllable `wg` may stand for `pinyin`, a Pinyin
/// syllable (see [`wade_giles_pinyin`]); no allocation and no lookup.
pub fn wade_giles_reads_as(wg: &str, pinyin: &str) -> bool {
    wg == pinyin || for_each_spelling(wg, |p| p == pinyin)
}

/// Whether `word` is a Wade-Giles syllable that is not also a Pinyin one
/// (`hsi`, `tse`, `tung`, `chin`), which tells a name written in Wade-Giles.
pub fn is_wade_giles_only(word: &str) -> bool {
    let set = &*WADE_GILES_ONLY;
    word.len() <= 7 && set.0.may_contain(word) && set.1.contains_key(word)
}

/// The Wade-Giles syllables that are no Pinyin ones: every initial with
/// every final of the system, kept when it reads as some Pinyin syllable.
static WADE_GILES_ONLY: LazyLock<(Sketch, WordMap<()>)> = LazyLock::new(|| {
    const FINALS: [&str; 35] = [
        "a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "erh", "i", "ia", "iang", "iao", "ieh", "ien", "ih",
        "in", "ing", "iu", "iung", "o", "ou", "u", "ua", "uai", "uan", "uang", "uei", "ui", "un", "ung", "uo", "ueh",
        "ek",
    ];
    let mut words: Vec<&'static str> = Vec::new();
    for (i, _) in INITIALS {
        for f in FINALS {
            let w = format!("{i}{f}");
            if !is_pinyin_syllable(&w) && for_each_spelling(&w, is_pinyin_syllable) && !words.contains(&w.as_str()) {
                words.push(Box::leak(w.into_boxed_str()));
            }
        }
    }
    (Sketch::of(words.iter().copied()), words.into_iter().map(|w| (w, ())).collect())
});

/// Whole syllables whose spelling the initial and final rules would not reach.
const WHOLE: [(&str, &[&str]); 18] = [
    ("erh", &["er"]),
    ("shih", &["shi"]),
    ("chih", &["zhi", "chi"]),
    ("jih", &["ri"]),
    ("tzu", &["zi", "ci"]),
    ("tsu", &["zi", "ci", "zu", "cu"]),
    ("ssu", &["si"]),
    ("szu", &["si"]),
    ("yu", &["you", "yu"]),
    ("yung", &["yong"]),
    ("yen", &["yan"]),
    ("yeh", &["ye"]),
    ("yueh", &["yue"]),
    ("yuan", &["yuan"]),
    ("yun", &["yun"]),
    ("ko", &["ge", "ke"]),
    ("ho", &["he"]),
    ("o", &["e"]),
];

/// Wade-Giles initials, longest first, with the Pinyin initials each may be.
const INITIALS: [(&str, &[&str]); 20] = [
    ("hs", &["x"]),
    ("ch", &["zh", "ch", "j", "q"]),
    ("sh", &["sh"]),
    ("ts", &["z", "c"]),
    ("tz", &["z", "c"]),
    ("ss", &["s"]),
    ("sz", &["s"]),
    ("k", &["g", "k"]),
    ("p", &["b", "p"]),
    ("t", &["d", "t"]),
    ("j", &["r"]),
    ("s", &["s"]),
    ("m", &["m"]),
    ("n", &["n"]),
    ("l", &["l"]),
    ("f", &["f"]),
    ("h", &["h"]),
    ("w", &["w"]),
    ("y", &["y"]),
    ("", &[""]),
];

/// Calls `f` with each spelling the initial and final rules give a
/// Wade-Giles syllable, Pinyin or not, until it returns true; returns
/// whether it did. Callers keep the spellings that are Pinyin syllables.
fn for_each_spelling(syllable: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    if syllable.is_empty() || syllable.len() > 7 || !syllable.bytes().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if let Some((_, readings)) = WHOLE.iter().find(|(w, _)| *w == syllable) {
        return readings.iter().any(|p| f(p));
    }
    let Some((initial, pinyin_initials)) = INITIALS.iter().find(|(i, _)| syllable.starts_with(i)) else {
        return false;
    };
    let rest = &syllable[initial.len()..];
    // Finals: Wade-Giles spelling to Pinyin.
    let finals: &[&str] = match rest {
        "ung" => &["ong"],
        "iung" => &["iong"],
        "ieh" => &["ie"],
        "ueh" => &["ue", "ve"],
        "ien" => &["ian"],
        "uei" => &["ui"],
        "ih" => &["i"],
        "o" if matches!(*initial, "p" | "m" | "f" | "w") => &["o"],
        "o" if matches!(*initial, "k" | "h") => &["e"],
        "o" => &["uo", "e"],
        "u" => &["u", "v"],
        "un" => &["un", "en"],
        "ek" => &["i", "e"],
        _ => std::slice::from_ref(&rest),
    };
    let mut buf = [0u8; 16];
    for pi in *pinyin_initials {
        for fin in finals {
            let n = pi.len() + fin.len();
            if n == 0 || n > buf.len() {
                continue;
            }
            buf[..pi.len()].copy_from_slice(pi.as_bytes());
            buf[pi.len()..n].copy_from_slice(fin.as_bytes());
            // Only ASCII letters were copied.
            let Ok(candidate) = std::str::from_utf8(&buf[..n]) else { continue };
            if f(candidate) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::wade_giles_pinyin;

    fn has(wg: &str, pinyin: &str) -> bool {
        wade_giles_pinyin(wg).iter().any(|p| p == pinyin)
    }

    #[test]
    fn famous_names() {
        // Mao Tse-tung, Chiang Kai-shek, Teng Hsiao-ping, Chou En-lai, Hsi Chin-ping.
        for (wg, py) in [
            ("tse", "ze"),
            ("tung", "dong"),
            ("chiang", "jiang"),
            ("hsiao", "xiao"),
            ("ping", "ping"),
            ("chou", "zhou"),
            ("hsi", "xi"),
            ("chin", "jin"),
            ("kuo", "guo"),
            ("hsieh", "xie"),
            ("chang", "zhang"),
            ("li", "li"),
        ] {
            assert!(has(wg, py), "{wg} -> {py}: {:?}", wade_giles_pinyin(wg));
        }
        assert!(!has("tung", "tang"));
        assert!(wade_giles_pinyin("smith").is_empty());
        for w in ["hsi", "tse", "tung", "chin", "hsiao", "hsieh"] {
            assert!(super::is_wade_giles_only(w), "{w}");
        }
        for w in ["ping", "li", "smith", "anna"] {
            assert!(!super::is_wade_giles_only(w), "{w}");
        }
    }
}
