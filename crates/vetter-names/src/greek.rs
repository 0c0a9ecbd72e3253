//! Greek to Latin: ELOT 743 (the Greek standard, used in passports) and a
//! phonetic transcription (`Yiannis`, `Evangelos`, `Papadopulos`), folded to ASCII.

use unicode_normalization::UnicodeNormalization;

/// A romanisation system for Greek.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GreekSystem {
    /// ELOT 743 / ISO 843 transcription.
    Elot,
    /// As pronounced: η, υ, ει, οι → i; αι → e; ου → u; χ → kh; γι → yi.
    Phonetic,
}

/// The lower-case base letter of a Greek character and whether it carries a
/// diaeresis (which splits a diphthong: `αϊ` is a-i).
pub(crate) fn base(c: char) -> Option<(char, bool)> {
    let cp = c as u32;
    let plain = |c: char| Some((c, false));
    match cp {
        0x3B1..=0x3C9 => plain(if c == 'ς' { 'σ' } else { c }),
        0x391..=0x3A9 => char::from_u32(cp + 0x20).map(|c| (c, false)),
        _ => match c {
            'ά' | 'Ά' => plain('α'),
            'έ' | 'Έ' => plain('ε'),
            'ή' | 'Ή' => plain('η'),
            'ί' | 'Ί' => plain('ι'),
            'ό' | 'Ό' => plain('ο'),
            'ύ' | 'Ύ' => plain('υ'),
            'ώ' | 'Ώ' => plain('ω'),
            'ϊ' | 'Ϊ' | 'ΐ' => Some(('ι', true)),
            'ϋ' | 'Ϋ' | 'ΰ' => Some(('υ', true)),
            'ϐ' => plain('β'),
            'ϑ' => plain('θ'),
            'ϕ' => plain('φ'),
            'ϖ' => plain('π'),
            'ϰ' => plain('κ'),
            'ϱ' => plain('ρ'),
            'ϲ' | 'ϵ' => plain(if c == 'ϲ' { 'σ' } else { 'ε' }),
            _ if (0x1F00..=0x1FFF).contains(&cp) => {
                // Polytonic: decompose and keep the base letter.
                let mut d = std::iter::once(c).nfd();
                let b = d.next().filter(|&b| b != c)?;
                let diaeresis = d.any(|m| m == '\u{308}');
                base(b).map(|(b, _)| (b, diaeresis))
            }
            _ => None,
        },
    }
}

fn voiced_or_vowel(c: char) -> bool {
    matches!(c, 'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω' | 'β' | 'γ' | 'δ' | 'ζ' | 'λ' | 'μ' | 'ν' | 'ρ')
}

/// Appends the romanisation of the Greek letter at `letters[i]` and returns
/// how many letters it used (digraphs use two). `letters` holds the base
/// letters of one word with their diaeresis flags.
pub(crate) fn push(out: &mut String, sys: GreekSystem, letters: &[(char, bool)], i: usize) -> usize {
    let (c, _) = letters[i];
    let (next, next_diaeresis) = letters.get(i + 1).copied().unwrap_or(('\0', false));
    let after = letters.get(i + 2).map_or('\0', |l| l.0);
    let start = i == 0;
    let phonetic = sys == GreekSystem::Phonetic;
    // Digraphs.
    let two = if next_diaeresis {
        None
    } else {
        match (c, next) {
            ('ο', 'υ') => Some("ou"),
            ('α', 'υ') | ('ε', 'υ') | ('η', 'υ') => {
                let v = voiced_or_vowel(after);
                Some(match (c, v) {
                    ('α', true) => "av",
                    ('α', false) => "af",
                    ('ε', true) => "ev",
                    ('ε', false) => "ef",
                    (_, true) => "iv",
                    (_, false) => "if",
                })
            }
            ('μ', 'π') if start => Some("b"),
            ('ν', 'τ') if start => Some("d"),
            ('γ', 'γ') => Some("ng"),
            ('γ', 'κ') if start => Some("g"),
            ('γ', 'κ') => Some("ng"),
            ('γ', 'ξ') => Some("nx"),
            ('γ', 'χ') => Some(if phonetic { "nkh" } else { "nch" }),
            ('α', 'ι') if phonetic => Some("e"),
            ('ε', 'ι') | ('ο', 'ι') | ('υ', 'ι') if phonetic => Some("i"),
            ('μ', 'π') if phonetic => Some("b"),
            ('ν', 'τ') if phonetic => Some("d"),
            _ => None,
        }
    };
    if let Some(s) = two {
        // `ou` in the phonetic system is `u`.
        out.push_str(if phonetic && s == "ou" { "u" } else { s });
        return 2;
    }
    out.push_str(match c {
        'α' => "a",
        'β' => "v",
        'γ' if phonetic && matches!(next, 'ε' | 'ι' | 'η' | 'υ') => "y",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' => "s",
        'τ' => "t",
        'υ' if phonetic => "i",
        'υ' => "y",
        'φ' => "f",
        'χ' if phonetic => "kh",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => "",
    });
    1
}

#[cfg(test)]
mod tests {
    //! 1. Greek names romanise under ELOT 743 as printed in lists and passports.
    //! 2. Diphthongs, αυ/ευ before voiced and voiceless letters, μπ/ντ at the start, diaeresis.
    //! 3. The phonetic system gives the English-style spellings.
    use super::*;

    fn romanise(word: &str, sys: GreekSystem) -> String {
        let letters: Vec<(char, bool)> = word.chars().filter_map(base).collect();
        let mut out = String::new();
        let mut i = 0;
        while i < letters.len() {
            i += push(&mut out, sys, &letters, i);
        }
        out
    }

    fn check(word: &str, expect: &str) {
        assert_eq!(romanise(word, GreekSystem::Elot), expect, "{word}");
    }

    fn check_phonetic(word: &str, expect: &str) {
        assert_eq!(romanise(word, GreekSystem::Phonetic), expect, "{word}");
    }

    #[test]
    fn elot() {
        check("Αλέξης", "alexis");
        check("Τσίπρας", "tsipras");
        check("Κυριάκος", "kyriakos");
        check("Μητσοτάκης", "mitsotakis");
        check("Ευάγγελος", "evangelos");
        check("Παπαδόπουλος", "papadopoulos");
        check("Μπακογιάννης", "bakogiannis");
        check("Ντόρα", "dora");
        check("Καραμπέτσος", "karampetsos");
        check("Ευθύμιος", "efthymios");
        check("Αϊβαλιώτης", "aivaliotis");
        check("Ἀθῆναι", "athinai");
        check("ΧΡΗΣΤΟΣ", "christos");
    }

    #[test]
    fn phonetic() {
        check_phonetic("Γιάννης", "yiannis");
        check_phonetic("Παπαδόπουλος", "papadopulos");
        check_phonetic("Χρήστος", "khristos");
        check_phonetic("Κυριάκος", "kiriakos");
    }
}
