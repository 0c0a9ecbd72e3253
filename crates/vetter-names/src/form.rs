//! Normalised name forms: tokens with their phonetic and skeleton keys, and
//! the parts of a printed name that are not name words (titles, legal forms),
//! kept as typed attributes.
//!
//! SKELETON: the API is fixed; the bodies are being filled in.

use crate::fold;

/// What kind of thing a name names; selects which normalisations apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A natural person: honorifics and titles are removed, "SURNAME, Given" is read.
    Person,
    /// A company or organisation: legal forms are extracted, generic words marked.
    Organization,
    /// A vessel or aircraft: prefixes such as `MV`, `M/V` are removed.
    Vessel,
    /// Unknown: no kind-specific step.
    Any,
}

/// The dominant writing system of a printed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Script {
    /// Latin letters (with or without diacritics).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic, including Persian and Urdu letters.
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Armenian.
    Armenian,
    /// Georgian.
    Georgian,
    /// Devanagari.
    Devanagari,
    /// Han characters (Chinese, kanji).
    Han,
    /// Hangul.
    Hangul,
    /// Japanese kana.
    Kana,
    /// Thai.
    Thai,
    /// Several scripts, none dominant.
    Mixed,
    /// Any other script, or no letters.
    Other,
}

/// A legal form found in an organisation's name (`OOO`, `LLC`, `GmbH`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalForm {
    /// The canonical form shared by equivalents (`llc` for LLC, OOO, ООО,
    /// "Limited Liability Company", "Obshchestvo s Ogranichennoy Otvetstvennostyu").
    pub canonical: &'static str,
    /// The words as printed (folded).
    pub printed: String,
}

/// One word of a normalised name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameToken {
    /// The folded ASCII form (`vladimir`).
    pub text: String,
    /// A phonetic key (Double Metaphone primary code, after normalising
    /// transliteration spellings such as `kh`→`h`).
    pub phonetic: String,
    /// The consonant skeleton (`mhmd` for Mohammed, Muhammad, محمد), for
    /// scripts written without vowels.
    pub skeleton: String,
    /// The canonical form of the token's group of cognates and nicknames
    /// (`alexander` for Aleksandr, Oleksandr, Sasha; `muhammad` for Mohammed), if any.
    pub group: Option<&'static str>,
    /// True for a single letter (an initial).
    pub initial: bool,
    /// True for a generic organisation word ("trading", "international", "group", "bank").
    pub generic: bool,
}

/// A name normalised for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    /// The name as given.
    pub original: String,
    /// The kind it was normalised as.
    pub kind: NameKind,
    /// The dominant script of the original.
    pub script: Script,
    /// The name words, in printed order (after "SURNAME, Given" is read as given).
    pub tokens: Vec<NameToken>,
    /// Legal forms removed from the tokens (organisations).
    pub legal_forms: Vec<LegalForm>,
    /// Honorifics and titles removed from the tokens (`dr`, `sheikh`, `general`).
    pub honorifics: Vec<String>,
    /// The normalisation steps that changed something, for explanations
    /// (`transliterated from Cyrillic`, `removed title "dr"`, `legal form "ooo" = llc`).
    pub steps: Vec<String>,
}

/// Normalises a printed name.
pub fn normalize(name: &str, kind: NameKind) -> NameForm {
    let tokens = fold(name)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(|t| NameToken {
            text: t.to_owned(),
            phonetic: t.to_owned(),
            skeleton: t.to_owned(),
            group: None,
            initial: t.len() == 1,
            generic: false,
        })
        .collect();
    NameForm {
        original: name.to_owned(),
        kind,
        script: Script::Latin,
        tokens,
        legal_forms: Vec::new(),
        honorifics: Vec::new(),
        steps: Vec::new(),
    }
}
