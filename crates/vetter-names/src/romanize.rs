//! Romanisations of a name under the common systems, for indexing: a Cyrillic
//! name under BGN/PCGN, ICAO, ISO 9 and the scholarly system (Ukrainian also
//! under its national system), Greek under ELOT 743 and phonetically, Hangul
//! under RR, McCune-Reischauer and the North Korean spelling, Han as Pinyin
//! syllables and with the given name joined (`xi jinping`).

use crate::cyrillic::CyrSystem;
use crate::form::Script;
use crate::greek::GreekSystem;
use crate::hangul::HangulSystem;
use crate::translit::{Systems, Tok, tokenize};

fn join(tokens: &[Tok]) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.text.len() + 1).sum());
    for t in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

/// Han names as usually printed in Latin: the surname syllable, then the
/// given-name syllables joined (`习近平` → `xi jinping`).
fn han_joined(tokens: &[Tok]) -> String {
    let mut out = String::new();
    let mut run = 0;
    for t in tokens {
        let han = t.script == Script::Han;
        if han && run >= 2 {
            out.push_str(&t.text);
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t.text);
        }
        run = if han { run + 1 } else { 0 };
    }
    out
}

/// The distinct folded romanisations of a name under the common systems,
/// primary first (the form [`normalize`](crate::normalize) tokenises), then
/// the other systems, then [`fold`](crate::fold)'s `any_ascii` form. A Latin
/// name gives its folded form only.
///
/// ```
/// let r = vetter_names::romanizations("Юлия Тимошенко");
/// assert_eq!(r[0], "yuliya timoshenko");
/// assert!(r.contains(&"iuliia timoshenko".to_owned()));
/// let r = vetter_names::romanizations("习近平");
/// assert!(r.contains(&"xi jinping".to_owned()));
/// ```
pub fn romanizations(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    let primary = tokenize(text, Systems::PRIMARY);
    add(join(&primary.tokens));
    let counts = primary.marks.counts;
    if counts.has(Script::Cyrillic) {
        for cyrillic in [CyrSystem::Bgn, CyrSystem::Icao, CyrSystem::Iso9, CyrSystem::Scholarly] {
            add(join(&tokenize(text, Systems { cyrillic, ..Systems::PRIMARY }).tokens));
        }
    }
    if counts.has(Script::Greek) {
        add(join(&tokenize(text, Systems { greek: GreekSystem::Phonetic, ..Systems::PRIMARY }).tokens));
    }
    if counts.has(Script::Hangul) {
        for hangul in [HangulSystem::Mr, HangulSystem::Dprk, HangulSystem::DprkVoiced] {
            add(join(&tokenize(text, Systems { hangul, ..Systems::PRIMARY }).tokens));
        }
    }
    if counts.has(Script::Han) {
        add(han_joined(&primary.tokens));
    }
    add(crate::fold(text));
    out
}

#[cfg(test)]
mod tests {
    //! 1. Each script gives its systems' forms, primary first, without duplicates.
    //! 2. Latin names give one form; empty names none.
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        assert_eq!(romanizations(text), expect, "{text}");
    }

    #[test]
    fn cyrillic() {
        check("Хрущёв Евгений", &["khrushchev yevgeniy", "khrushchev evgenii", "hrusev evgenij", "xruscev evgenij"]);
        let r = romanizations("Зеленський Володимир");
        assert_eq!(r[0], "zelenskyi volodymyr");
        assert!(r.contains(&"zelenskyy volodymyr".to_owned()), "{r:?}");
        assert!(r.contains(&"zelenskij volodimir".to_owned()), "{r:?}");
    }

    #[test]
    fn other_scripts() {
        check("Αλέξης Τσίπρας", &["alexis tsipras"]);
        check("Γιάννης Παπαδόπουλος", &["giannis papadopoulos", "yiannis papadopulos", "giannis papadopoylos"]);
        let r = romanizations("김정은");
        assert_eq!(r, ["gim jeong eun", "kim chong un", "kim jong un"]);
        let r = romanizations("리영길");
        assert!(r.contains(&"ri yong gil".to_owned()), "{r:?}");
        check("习近平", &["xi jin ping", "xi jinping"]);
        check("محمد", &["mhmd"]);
    }

    #[test]
    fn latin_and_empty() {
        check("PUTIN, Vladimir", &["putin vladimir"]);
        check("", &[]);
        check(" .,", &[]);
    }
}
