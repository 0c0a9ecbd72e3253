//! Name normalisation for vetter: `&str` in, folded text, tokens and keys out.
//!
//! This crate does no IO and never panics. It knows nothing of entities or
//! lists; it only turns a printed name into comparable forms:
//!
//! - [`fold`]: Unicode compatibility decomposition (NFKD), combining marks
//!   removed, every script transliterated to Latin (via `any_ascii`), lower
//!   case, punctuation turned into spaces, whitespace collapsed;
//! - [`tokens`]: the words of the folded form;
//! - [`name_key`]: the tokens sorted and joined, so that `PUTIN, Vladimir`
//!   and `Vladimir Putin` share a key;
//! - [`normalize`]: a [`NameForm`] for matching: tokens in given-name order with
//!   their [`phonetic`] key, consonant [`skeleton`] and variant group, titles
//!   and legal forms taken out as typed attributes, and the steps taken;
//! - [`romanizations`]: the forms of a non-Latin name under the common
//!   romanisation systems, for indexing;
//! - [`pinyin_syllables`]: `jinping` → `jin ping`, to align Chinese names.
//!
//! ```
//! use vetter_names::{NameKind, normalize};
//! assert_eq!(vetter_names::fold("PUTIN, Vladimir"), "putin vladimir");
//! assert_eq!(vetter_names::fold("Влади́мир Пу́тин"), "vladimir putin");
//! assert_eq!(vetter_names::name_key("Vladimir Vladimirovich PUTIN"), "putin vladimir vladimirovich");
//!
//! let a = normalize("ЗЕЛЕНСЬКИЙ Володимир Олександрович", NameKind::Person);
//! let b = normalize("Zelenskyy, Volodymyr", NameKind::Person);
//! assert_eq!(a.tokens[1].group, Some("vladimir"));
//! assert_eq!(a.tokens[1].group, b.tokens[0].group);
//! assert_eq!(a.tokens[0].phonetic, b.tokens[1].phonetic);
//! ```
//!
//! # Quirks of names in the lists
//!
//! - **Surname first.** OFAC and the UN print `SURNAME, Given`; the Ukrainian
//!   lists print `SURNAME Given Patronymic` without a comma. Only the comma form
//!   is reordered; matchers should not rely on word order.
//! - **Several romanisations.** Russian names appear as BGN/PCGN (`Yevgeniy`),
//!   passport/ICAO (`Evgenii`) and others; Ukrainian names under the national
//!   system (`Serhii`), BGN (`Serhiy`) or in their Russian form (`Sergey`).
//!   Tokens carry a [`phonetic`] key and a `group` so that these align;
//!   [`romanizations`] gives the systems' forms for indexing.
//! - **Scripts written without vowels.** Arabic and Persian names transliterate
//!   to consonants (`محمد` → `mhmd`); the [`skeleton`] of a Latin spelling
//!   (`Mohammed` → `mhmd`) is what they share.
//! - **Mixed scripts in one word.** EU data has `Сергiй` with a Latin `i`; a
//!   Latin look-alike inside a Cyrillic word is read as Cyrillic.

mod annotations;
mod arabic;
mod cyrillic;
mod form;
mod greek;
mod hangul;
mod honorifics;
mod key;
mod legal_form;
mod lexicon;
mod phonetic;
mod pinyin;
mod romanize;
mod script;
mod surnames;
mod translit;
mod variants;
mod vessel;
mod wade_giles;

pub use annotations::split_names;
pub use form::{LegalForm, NameForm, NameKind, NameToken, Script, normalize};
pub use honorifics::{is_title, is_title_word};
pub use key::Key;
pub use legal_form::{is_generic, legal_form_class};
pub use phonetic::{arabic_skeleton, hebrew_key, phonetic, skeleton};
pub use pinyin::{is_pinyin_syllable, pinyin_syllable_count, pinyin_syllables};
pub use romanize::romanizations;
pub use surnames::chinese_surnames;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
pub use variants::name_group;
pub use wade_giles::{is_wade_giles_only, wade_giles_pinyin, wade_giles_reads_as};

/// The sizes of the crate's tables, for documentation and tests:
/// `(table, entries)`.
#[doc(hidden)]
pub fn table_sizes() -> Vec<(&'static str, usize)> {
    let (groups, spellings, korean) = variants::table_sizes();
    let (classes, forms) = legal_form::table_sizes();
    let (divine, vocalised) = arabic::table_sizes();
    let (chinese, chinese_spellings) = surnames::table_size();
    vec![
        ("name groups", groups),
        ("name spellings", spellings),
        ("korean syllable spellings", korean),
        ("legal form classes", classes),
        ("legal forms", forms),
        ("generic organisation words", legal_form::generic_table_size()),
        ("titles", honorifics::table_size()),
        ("vessel prefixes", vessel::table_size()),
        ("divine names after abd", divine),
        ("vocalised arabic names", vocalised),
        ("pinyin syllables", pinyin::syllable_count()),
        ("chinese family names", chinese),
        ("chinese family name spellings", chinese_spellings),
    ]
}

/// Folds a name to lower-case ASCII words separated by single spaces.
///
/// Apostrophes and similar marks inside a word are dropped (`O'Neil` →
/// `oneil`, `Zelens'kiy` → `zelenskiy`); other punctuation separates words.
pub fn fold(text: &str) -> String {
    // ASCII decomposes to itself and has no combining marks: the first pass
    // would copy it unchanged (most names in English text are ASCII).
    if text.is_ascii() { fold_ascii(text) } else { fold_ascii(&to_ascii(text)) }
}

/// Decomposes, drops combining marks and transliterates to ASCII (the first pass of [`fold`]).
fn to_ascii(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len());
    for original in text.chars() {
        if is_hangul_syllable(original) {
            // NFKD would split a syllable into jamo; transliterate it whole.
            push_transliterated(&mut ascii, original);
            continue;
        }
        for c in std::iter::once(original).nfkd() {
            if is_combining_mark(c) {
                continue;
            }
            if c.is_ascii() {
                ascii.push(c);
            } else if is_apostrophe(c) {
                ascii.push('\'');
            } else {
                push_transliterated(&mut ascii, c);
            }
        }
    }
    ascii
}

/// Lower-case words of ASCII text separated by single spaces (the second pass of [`fold`]).
fn fold_ascii(ascii: &str) -> String {
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '`' {
            // Dropped inside words.
        } else {
            pending_space = true;
        }
    }
    out
}

fn push_transliterated(out: &mut String, c: char) {
    let t = any_ascii::any_ascii_char(c);
    if t.is_empty() && c.is_whitespace() {
        out.push(' ');
        return;
    }
    // Syllabic scripts come out as CamelCase syllables (`XiJinPing`);
    // a space before each keeps the syllables apart.
    if t.len() > 1 && t.starts_with(|c: char| c.is_ascii_uppercase()) && c.is_alphabetic() && !is_alphabet_script(c) {
        out.push(' ');
    }
    out.push_str(t);
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{02b9}' | '\u{02bb}' | '\u{2032}' | '\u{00b4}')
}

/// Alphabetic scripts whose letters transliterate one by one (no syllable breaks needed).
fn is_alphabet_script(c: char) -> bool {
    let cp = c as u32;
    // Latin extended, Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, Devanagari and their supplements.
    cp < 0x0900
        || (0x10A0..=0x10FF).contains(&cp)
        || (0x1C80..=0x1CBF).contains(&cp)
        || (0x1E00..=0x1FFF).contains(&cp)
        || (0xFB00..=0xFEFF).contains(&cp)
}

/// The words of [`fold`].
pub fn tokens(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

/// The sorted tokens of a name joined by spaces: equal for the same words in any order.
pub fn name_key(text: &str) -> String {
    let mut t = tokens(text);
    t.sort_unstable();
    t.join(" ")
}

/// An identifier reduced to upper-case letters and digits (`IMO 9253325` stays
/// `IMO9253325`; callers strip known prefixes).
pub fn identifier_key(value: &str) -> String {
    value.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

#[cfg(test)]
mod tests {
    //! 1. Latin names fold to lower-case words without punctuation or diacritics.
    //! 2. Cyrillic, Greek, Arabic and Han names come out in Latin letters.
    //! 3. `fold` is idempotent and never panics (property tests).
    //! 4. `name_key` ignores word order.
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(fold(input), expect, "input {input:?}");
    }

    #[test]
    fn comma_form() {
        check("PUTIN, Vladimir Vladimirovich", "putin vladimir vladimirovich");
    }
    #[test]
    fn diacritics() {
        check("Bălți José Müller", "balti jose muller");
    }
    #[test]
    fn apostrophe() {
        check("Zelens’kiy O'Neil", "zelenskiy oneil");
    }
    #[test]
    fn cyrillic() {
        check("Владимир Путин", "vladimir putin");
    }
    #[test]
    fn ukrainian() {
        check("ПУТІН володимир", "putin volodimir");
    }
    #[test]
    fn greek() {
        check("Αλέξης Τσίπρας", "alexis tsipras");
    }
    #[test]
    fn han() {
        check("习近平", "xi jin ping");
    }
    #[test]
    fn hangul() {
        check("김정은", "gim jeong eun");
    }
    #[test]
    fn arabic() {
        check("محمد", "mhmd");
    }
    #[test]
    fn hyphen() {
        check("Abdul-Rahman al-Hassan", "abdul rahman al hassan");
    }
    #[test]
    fn spaced_cyrillic() {
        check("Влади мир ПУ ТИН", "vladi mir pu tin");
    }
    #[test]
    fn empty() {
        check(" ,. ", "");
    }

    #[test]
    fn key_ignores_order() {
        assert_eq!(name_key("PUTIN, Vladimir"), name_key("vladimir putin"));
        assert_eq!(identifier_key("IMO 9253325"), "IMO9253325");
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,30}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert!(once.is_ascii());
        }

        #[test]
        fn ascii_shortcut_folds_as_the_full_path(s in "[ -~]{0,30}") {
            prop_assert_eq!(fold(&s), fold_ascii(&to_ascii(&s)));
        }

        #[test]
        fn ascii_words_pass_through(s in "[a-z]{1,8}( [a-z]{1,8}){0,3}") {
            prop_assert_eq!(fold(&s), s);
        }
    }
}
