//! Normalised name forms: tokens with their phonetic and skeleton keys, and
//! the parts of a printed name that are not name words (titles, legal forms),
//! kept as typed attributes; [`normalize`] runs the steps in order.

use crate::translit::{self, Case, Systems, Tok, concat, joined};
use crate::{annotations, arabic, honorifics, legal_form, phonetic, variants, vessel};

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
    ///
    /// Classes: `llc`, `gmbh`, `sarl`, `srl` (also s.r.o., sp. z o.o., d.o.o., Kft,
    /// Ltda), `bv`, `ltd` (also Pte Ltd, Pvt Ltd, Sdn Bhd, 有限公司), `plc`, `jsc`
    /// (also AO, AT, 株式会社), `pjsc`, `cjsc`, `ojsc`, `ag`, `sa`, `spa`, `nv`, `ab`,
    /// `as` (also A/S, Turkish A.Ş.), `oy`, `sas`, `se`, `zrt`, `ad`, `inc`, `corp`,
    /// `co`, `llp`, `lp` (also KG), `fsue` (FGUP), `sue` (GUP), `mue` (MUP), `fsbi`
    /// (FGBU), `npo`, `ano`.
    pub canonical: &'static str,
    /// The words as printed (folded).
    pub printed: String,
}

impl LegalForm {
    /// The family of the form: `limited` (llc, gmbh, ltd, sarl, srl, bv, oy),
    /// `stock` (jsc, cjsc, ojsc, ag, sa, spa, nv, ab, as, ...), `public` (pjsc,
    /// plc), `corporation` (inc, corp), `company` (co), `partnership` (llp, lp),
    /// `state` (fsue, sue, mue, fsbi) or `other`. Forms of one family are
    /// comparable even where their classes differ.
    pub fn family(&self) -> &'static str {
        legal_form::family(self.canonical)
    }
}

/// One word of a normalised name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameToken {
    /// The folded ASCII form (`vladimir`).
    pub text: String,
    /// A phonetic key (see [`phonetic`](crate::phonetic): Double Metaphone's
    /// classes, after normalising transliteration spellings such as `kh`→`h`).
    pub phonetic: crate::Key,
    /// The consonant skeleton (`mhmd` for Mohammed, Muhammad, محمد), for
    /// scripts written without vowels.
    pub skeleton: crate::Key,
    /// The canonical form of the token's group of cognates and nicknames
    /// (`alexander` for Aleksandr, Oleksandr, Sasha; `muhammad` for Mohammed), if any.
    pub group: Option<&'static str>,
    /// True for a single letter (an initial).
    pub initial: bool,
    /// True for a generic organisation word ("trading", "international", "group", "bank"),
    /// and for name particles that carry little identity (`al`, `bin`, `bint`, `ould`).
    pub generic: bool,
    /// True for a word printed before the comma of "SURNAME, Given" (persons):
    /// a family name, never a middle name.
    pub surname: bool,
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
    /// Whether the name reads as Korean (Hangul, or a Korean surname first or
    /// last): its given name is two syllables that belong together
    /// (`Hyun-min` is not `Min`).
    pub korean: bool,
    /// The normalisation steps that changed something, for explanations
    /// (`transliterated from Cyrillic`, `removed title "dr"`, `legal form "ooo" = llc`).
    pub steps: Vec<String>,
}

impl NameForm {
    /// The token texts joined by spaces (`vladimir vladimirovich putin`).
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.tokens.iter().map(|t| t.text.len() + 1).sum());
        for t in &self.tokens {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t.text);
        }
        out
    }
}

/// Normalises a printed name.
///
/// Steps, each recorded in [`NameForm::steps`] when it changes something:
/// 1. Unicode folding and transliteration to Latin ([`fold`](crate::fold)'s rules,
///    with this crate's tables for Cyrillic (Russian BGN/PCGN, Ukrainian national
///    system), Greek (ELOT 743), Arabic/Persian and Hangul (RR)), and the
///    dominant [`Script`] of the original.
/// 2. [`NameKind::Person`]: titles after a comma are removed and `SURNAME, Given`
///    is read as `Given SURNAME`; titles at the start are removed (not when the
///    name is only titles).
/// 3. [`NameKind::Organization`]: legal forms at the start and end (and
///    distinctive ones anywhere) go to [`NameForm::legal_forms`]; generic words
///    are flagged, unambiguous abbreviations expanded (`intl` → `international`).
/// 4. [`NameKind::Vessel`]: type prefixes (`MV`, `M/T`) are removed.
/// 5. Arabic names: `Abd` + divine name joined (`abdulrahman`), `bin`/`ibn`,
///    articles and `ad-Din` normalised, common names in Arabic script vocalised.
/// 6. Each token gets its phonetic key, consonant skeleton, variant group,
///    and the `initial` and `generic` flags.
///
/// A name without letters (empty, punctuation or digits only) gives no tokens.
///
/// ```
/// use vetter_names::{NameKind, normalize};
/// let form = normalize("PUTIN, Vladimir Vladimirovich", NameKind::Person);
/// assert_eq!(form.text(), "vladimir vladimirovich putin");
/// let form = normalize("ООО «Ромашка»", NameKind::Organization);
/// assert_eq!(form.text(), "romashka");
/// assert_eq!(form.legal_forms[0].canonical, "llc");
/// ```
pub fn normalize(name: &str, kind: NameKind) -> NameForm {
    // The word list is scratch space: reuse one per thread.
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<Tok>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut tokens) => normalize_with(name, kind, &mut tokens),
        Err(_) => normalize_with(name, kind, &mut Vec::new()),
    })
}

fn normalize_with(name: &str, kind: NameKind, tokens: &mut Vec<Tok>) -> NameForm {
    let mut marks = translit::tokenize_into(name, Systems::PRIMARY, tokens);
    let mut steps = Vec::new();
    // Remarks printed inside the name: taken out, and the rest tokenised again.
    if annotations::may_carry(name, tokens)
        && let Some((text, removed)) = annotations::strip(name)
    {
        marks = translit::tokenize_into(&text, Systems::PRIMARY, tokens);
        steps = removed;
    }
    let script = marks.counts.dominant();
    for s in marks.counts.seen() {
        if let Some(step) = transliteration_step(s, marks.lang) {
            steps.push(step.to_owned());
        }
    }
    let mut honorifics = Vec::new();
    let mut legal_forms = Vec::new();
    if !tokens.iter().any(|t| t.text.bytes().any(|b| b.is_ascii_alphabetic())) {
        steps.push(
            if name.trim().is_empty() { "empty name: no tokens" } else { "no letters in name: no tokens" }.to_owned(),
        );
        tokens.clear();
    }
    // Ordinals as numbers (`Sara 2nd` = `Sara 2`), unless that leaves no letters.
    let ordinals = tokens.iter().filter(|t| ordinal(&t.text).is_some()).count();
    if ordinals > 0
        && tokens.iter().any(|t| ordinal(&t.text).is_none() && t.text.bytes().any(|b| b.is_ascii_alphabetic()))
    {
        for t in tokens.iter_mut() {
            if let Some(n) = ordinal(&t.text) {
                t.text.truncate(n);
            }
        }
    }
    match kind {
        NameKind::Person => person(tokens, marks.comma, &mut honorifics, &mut steps),
        NameKind::Organization => organization(tokens, &mut legal_forms, &mut steps),
        NameKind::Vessel => {
            for p in vessel::strip_prefix(tokens) {
                steps.push(concat(&["removed vessel prefix \"", &p, "\""]));
            }
            // A lone `I` after a vessel's name is its number (`Victory I` =
            // `Victory 1`), not an initial: ships are not named after initials.
            if tokens.len() >= 2
                && let Some(t) = tokens.last_mut().filter(|t| t.text == "i")
            {
                t.text.replace_range(.., "1");
                steps.push("read the final \"I\" as the number 1".to_owned());
            }
        }
        NameKind::Any => {}
    }
    arabic::apply(tokens, &mut steps, matches!(kind, NameKind::Person | NameKind::Any));
    let korean = tokens.iter().any(|t| t.script == Script::Hangul)
        || [tokens.first(), tokens.last()].into_iter().flatten().any(|t| variants::is_korean_surname(&t.text));
    let tokens = tokens.drain(..).map(|t| finish(t, kind, korean)).collect();
    NameForm { original: name.to_owned(), kind, script, tokens, legal_forms, honorifics, korean, steps }
}

fn transliteration_step(script: Script, lang: crate::script::CyrLang) -> Option<&'static str> {
    use crate::script::CyrLang;
    Some(match script {
        Script::Cyrillic => match lang {
            CyrLang::Russian => "transliterated from Cyrillic (Russian, BGN/PCGN)",
            CyrLang::Ukrainian => "transliterated from Cyrillic (Ukrainian, national system)",
            CyrLang::Belarusian => "transliterated from Cyrillic (Belarusian, BGN/PCGN)",
            CyrLang::SouthSlavic => "transliterated from Cyrillic (Serbian/Macedonian Latin)",
            CyrLang::Bulgarian => "transliterated from Cyrillic (Bulgarian, national system)",
        },
        Script::Greek => "transliterated from Greek (ELOT 743)",
        Script::Arabic => "transliterated from Arabic script (consonantal)",
        Script::Hebrew => "transliterated from Hebrew",
        Script::Armenian => "transliterated from Armenian",
        Script::Georgian => "transliterated from Georgian",
        Script::Devanagari => "transliterated from Devanagari",
        Script::Han => "transliterated from Han (Pinyin syllables)",
        Script::Hangul => "transliterated from Hangul (Revised Romanization syllables)",
        Script::Kana => "transliterated from kana (Hepburn)",
        Script::Thai => "transliterated from Thai",
        Script::Other => "transliterated from another script",
        Script::Latin | Script::Mixed => return None,
    })
}

fn push_joined(out: &mut String, tokens: &[Tok]) {
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
}

/// The length of the number in an ordinal (`2nd`, `33rd`, `4th` → the digits).
fn ordinal(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len().checked_sub(2)?;
    let digits = n > 0 && b[..n].iter().all(u8::is_ascii_digit);
    (digits && matches!(&b[n..], b"st" | b"nd" | b"rd" | b"th")).then_some(n)
}

/// Generational suffixes: `SMITH, Jr.` is not `SURNAME, Given`.
fn is_suffix(word: &str) -> bool {
    matches!(word, "jr" | "sr" | "ii" | "iii" | "iv" | "junior" | "senior")
}

fn person(tokens: &mut Vec<Tok>, comma: Option<usize>, honorifics: &mut Vec<String>, steps: &mut Vec<String>) {
    // سيد (Sayyid, a title) and سعيد (Said, a name) both romanise to `syd`
    // without their vowels; the title has three letters.
    for t in tokens.iter_mut() {
        if t.script == Script::Arabic && t.letters == 3 && t.text == "syd" {
            t.text.clear();
            t.text.push_str("sayyid");
        }
    }
    if let Some(c) = comma.filter(|&c| c > 0 && c < tokens.len()) {
        for title in honorifics::strip_leading(tokens, c) {
            steps.push(concat(&["removed title \"", &title, "\""]));
            honorifics.push(title);
        }
        if !tokens[c..].iter().all(|t| is_suffix(&t.text)) {
            // One allocation: this step is recorded for most listed persons.
            let len: usize = tokens.iter().map(|t| 2 * t.text.len() + 2).sum();
            let mut step = String::with_capacity(len + 16);
            step.push_str("read \"");
            push_joined(&mut step, &tokens[..c]);
            step.push_str(", ");
            push_joined(&mut step, &tokens[c..]);
            step.push_str("\" as \"");
            push_joined(&mut step, &tokens[c..]);
            step.push(' ');
            push_joined(&mut step, &tokens[..c]);
            step.push('"');
            steps.push(step);
            for t in &mut tokens[..c] {
                t.surname = true;
            }
            tokens.rotate_left(c);
        }
    }
    for title in honorifics::strip_leading(tokens, 0) {
        steps.push(concat(&["removed title \"", &title, "\""]));
        honorifics.push(title);
    }
    // Lists print "Given SURNAME": in a name of both cases, the words in
    // capitals are the family name (`Hamid Reza SHARIFI TEHRANI`), which
    // is never a middle name. Not a generational suffix (`John SMITH III`).
    let capitals = |t: &Tok| t.case == Case::Capitals && !is_suffix(&t.text);
    if !tokens.iter().any(|t| t.surname) && tokens.iter().any(|t| t.case == Case::Small) && tokens.iter().any(capitals)
    {
        let mut step = String::from("family name in capitals:");
        for t in tokens.iter_mut().filter(|t| capitals(t)) {
            t.surname = true;
            step.push_str(" \"");
            step.push_str(&t.text);
            step.push('"');
        }
        steps.push(step);
    }
}

fn organization(tokens: &mut Vec<Tok>, legal_forms: &mut Vec<LegalForm>, steps: &mut Vec<String>) {
    let n = tokens.len();
    let mut found: Vec<(std::ops::Range<usize>, &'static str)> = Vec::new();
    let mut start = 0;
    while let Some((len, class)) = legal_form::at_start(tokens, start) {
        found.push((start..start + len, class));
        start += len;
    }
    let mut end = n;
    let mut at_end = Vec::new();
    // A legal form of single letters that would leave one letter is the
    // end of an acronym (`Y.A.S.`, `K.A.S.`, `C.A.D. S.A.`), not the Czech
    // a.s. or the Serbian a.d.
    let single = |t: &Tok| t.text.len() == 1;
    while end > start {
        match legal_form::at_end(tokens, end) {
            Some((len, _)) if end - len == start + 1 && tokens[start..end].iter().all(single) => {
                break;
            }
            Some((len, class)) if end - len >= start => {
                at_end.push((end - len..end, class));
                end -= len;
            }
            _ => break,
        }
    }
    if start >= end {
        // Only legal forms: they are the name.
        return;
    }
    // One pass over the other words: distinctive legal forms, generic words
    // and phrases, abbreviations.
    let mut middle = Vec::new();
    let mut i = start;
    while i < end {
        // Cyrillic abbreviations (АО, ООО) are never words: a legal form anywhere.
        if tokens[i].script == Script::Cyrillic
            && tokens[i].letters <= 4
            && let Some(class) = legal_form::single(&tokens[i].text)
        {
            middle.push((i..i + 1, class));
            i += 1;
            continue;
        }
        let Some(w) = legal_form::org_word(&tokens[i].text) else {
            i += 1;
            continue;
        };
        if let Some(class) = w.middle {
            middle.push((i..i + 1, class));
            i += 1;
            continue;
        }

        if w.phrase
            && let Some((len, g)) = legal_form::generic_phrase(&tokens[..end], i)
        {
            for t in &mut tokens[i..i + len] {
                t.generic = true;
                t.group = t.group.or(g.group);
            }
            i += len;
            continue;
        }
        if let Some(g) = w.generic {
            let t = &mut tokens[i];
            t.generic = true;
            t.group = t.group.or(g.group);
            if let Some(long) = g.expand {
                steps.push(concat(&["expanded \"", &t.text, "\" to \"", long, "\""]));
                t.text.clear();
                t.text.push_str(long);
            } else if g.maybe
                && let Some(long) = g.group
            {
                steps.push(concat(&["abbreviation \"", &t.text, "\" may stand for \"", long, "\""]));
            }
        }
        i += 1;
    }
    // Keep a name that would be only legal forms.
    if middle.len() < end - start {
        found.extend(middle);
    }
    found.extend(at_end.into_iter().rev());
    if found.is_empty() {
        return;
    }
    for (range, class) in &found {
        let printed = joined(&tokens[range.clone()]);
        steps.push(concat(&["legal form \"", &printed, "\" = ", class]));
        legal_forms.push(LegalForm { canonical: class, printed });
    }
    let mut keep = vec![true; n];
    for (range, _) in &found {
        keep[range.clone()].iter_mut().for_each(|k| *k = false);
    }
    // A name that would keep only numbers (`11420 Corp.`) keeps its legal forms.
    if !translit::has_letters(tokens.iter().zip(&keep).filter(|(_, k)| **k).map(|(t, _)| t)) {
        legal_forms.clear();
        steps.retain(|s| !s.starts_with("legal form"));
        return;
    }
    let mut i = 0;
    tokens.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

fn finish(t: Tok, kind: NameKind, korean: bool) -> NameToken {
    let alphabetic =
        matches!(t.script, Script::Latin | Script::Cyrillic | Script::Greek | Script::Armenian | Script::Georgian);
    let initial = alphabetic && t.letters == 1 && t.text.bytes().all(|b| b.is_ascii_alphabetic());
    let group = if initial {
        None
    } else {
        t.group
            .or_else(|| variants::group(&t.text, t.script == Script::Hangul, korean))
            .filter(|_| kind != NameKind::Organization || !t.generic || t.group.is_some())
    };
    let ph = phonetic::phonetic_key(&t.text);
    let sk = phonetic::skeleton_key(&t.text);
    NameToken { text: t.text, phonetic: ph, skeleton: sk, group, initial, generic: t.generic, surname: t.surname }
}

#[cfg(test)]
mod tests {
    //! 1. Real list names of each kind and script normalise to the expected tokens (data-driven).
    //! 2. `SURNAME, Given` is read as `Given SURNAME`, with a step.
    //! 3. Initials are marked: single letters of any alphabet (`J.`, `Д.`, `Ю.`), not Han or Hangul syllables.
    //! 4. Empty, punctuation-only and digits-only names give no tokens and a step.
    //! 5. Properties: no panic on any input (combining marks, RTL, zero-width, 10,000
    //!    characters); `normalize` is idempotent on its output text; ASCII words pass
    //!    through unchanged; token texts, keys and skeletons are ASCII.
    use super::*;
    use proptest::prelude::*;

    fn check(name: &str, kind: NameKind, expect: &str) {
        let form = normalize(name, kind);
        assert_eq!(form.text(), expect, "{name}: steps {:?}", form.steps);
    }

    #[test]
    fn persons() {
        use NameKind::Person as P;
        check("PUTIN, Vladimir Vladimirovich", P, "vladimir vladimirovich putin");
        check("IVAKHA Denis Vladimirovich", P, "ivakha denis vladimirovich");
        check("ІВАХА Денис Володимирович", P, "ivakha denys volodymyrovych");
        check("ИВАХА Денис Владимирович", P, "ivakha denis vladimirovich");
        check("Sergey Valeryevich AKSYONOV", P, "sergey valeryevich aksyonov");
        check("Сергей Валерьевич АКСЁНОВ", P, "sergey valeryevich aksenov");
        check("Сергiй Валерiйович АКСЬОНОВ", P, "serhii valeriiovych aksonov");
        check("KIM Yong Chol", P, "kim yong chol");
        check("김영철", P, "gim yeong cheol");
        check("习近平", P, "xi jin ping");
        check("Αλέξης Τσίπρας", P, "alexis tsipras");
        check("صدام حسين التكريتي", P, "saddam hussein al tkryty");
        check("AL-ZAWAHIRI, Ayman", P, "ayman al zawahiri");
        check("SMITH, Jr.", P, "smith jr");
        check("Sara 2nd", NameKind::Vessel, "sara 2");
        check("33RD LIGHT INFANTRY DIVISION", NameKind::Organization, "33 light infantry division");
        check("4th", NameKind::Any, "4th");
        check("11420 CORP.", NameKind::Organization, "11420 corp");
        check("Dr 123", NameKind::Person, "dr 123");
    }

    #[test]
    fn comma_form_step() {
        let form = normalize("PUTIN, Vladimir", NameKind::Person);
        assert_eq!(form.steps, ["read \"putin, vladimir\" as \"vladimir putin\""]);
        let form = normalize("PUTIN, Vladimir", NameKind::Any);
        assert_eq!(form.text(), "putin vladimir");
        let form = normalize("ANGLO-CARIBBEAN CO., LTD.", NameKind::Organization);
        assert_eq!(form.text(), "anglo caribbean");
    }

    #[test]
    fn capitals_mark_the_family_name() {
        let form = normalize("Hamid Reza SHARIFI TEHRANI", NameKind::Person);
        let surnames: Vec<bool> = form.tokens.iter().map(|t| t.surname).collect();
        assert_eq!(surnames, [false, false, true, true]);
        assert_eq!(form.steps, ["family name in capitals: \"sharifi\" \"tehrani\""]);
        // Not in a name all in capitals, nor all in small letters, nor a suffix.
        for name in ["HAMID REZA SHARIFI TEHRANI", "Hamid Reza Sharifi Tehrani"] {
            assert!(normalize(name, NameKind::Person).tokens.iter().all(|t| !t.surname), "{name}");
        }
        let form = normalize("John SMITH III", NameKind::Person);
        assert_eq!(form.tokens.iter().filter(|t| t.surname).count(), 1);
        // The comma says it first.
        let form = normalize("SMITH, John ALLEN", NameKind::Person);
        assert_eq!(form.tokens.iter().filter(|t| t.surname).count(), 1);
    }

    #[test]
    fn steps_and_script() {
        let form = normalize("ІВАХА Денис Володимирович", NameKind::Person);
        assert_eq!(form.script, Script::Cyrillic);
        assert_eq!(
            form.steps,
            ["transliterated from Cyrillic (Ukrainian, national system)", "family name in capitals: \"ivakha\""]
        );
        assert!(form.tokens[0].surname && !form.tokens[1].surname);
        let form = normalize("KIM Ho Kyu 김호규", NameKind::Person);
        assert_eq!(form.script, Script::Mixed);
        assert_eq!(form.original, "KIM Ho Kyu 김호규");
        assert_eq!(form.kind, NameKind::Person);
    }

    #[test]
    fn initials() {
        let flags = |name: &str| normalize(name, NameKind::Person).tokens.iter().map(|t| t.initial).collect::<Vec<_>>();
        assert_eq!(flags("ИВАНОВ Д. В."), [false, true, true]);
        assert_eq!(flags("Smith J. R"), [false, true, true]);
        assert_eq!(flags("ЮДИН Ю. Я."), [false, true, true]);
        assert_eq!(flags("이 영"), [false, false]);
        assert_eq!(flags("习近平"), [false, false, false]);
        assert_eq!(flags("Smith 2"), [false, false]);
        let form = normalize("ЮДИН Ю. Я.", NameKind::Person);
        assert_eq!(form.text(), "yudin yu ya");
    }

    #[test]
    fn groups_and_keys() {
        let form = normalize("Mukhammad Akhmedov", NameKind::Person);
        assert_eq!(form.tokens[0].group, Some("muhammad"));
        assert_eq!(form.tokens[0].skeleton, "mhmd");
        assert_eq!(form.tokens[0].phonetic, "mhmt");
        let form = normalize("محمد", NameKind::Person);
        assert_eq!(form.tokens[0].group, Some("muhammad"));
        assert_eq!(form.tokens[0].skeleton, "mhmd");
        let a = normalize("김정은", NameKind::Person);
        let b = normalize("Kim Jong Un", NameKind::Person);
        let groups = |f: &NameForm| f.tokens.iter().map(|t| t.group).collect::<Vec<_>>();
        assert_eq!(groups(&a), groups(&b));
    }

    #[test]
    fn bad_input() {
        for name in ["", "   ", ",.;-", "12345", "№ 5", "\u{200B}", "(48)"] {
            let form = normalize(name, NameKind::Person);
            assert!(form.tokens.is_empty(), "{name:?}: {:?}", form.tokens);
            assert!(form.steps.iter().any(|s| s.contains("no tokens")), "{name:?}: {:?}", form.steps);
        }
        assert!(normalize("", NameKind::Any).steps.contains(&"empty name: no tokens".to_owned()));
    }

    /// Strings with the characters that break normalisers.
    fn nasty() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            "\\PC{0,8}",
            Just("\u{0301}".to_owned()),
            Just("\u{0306}".to_owned()),
            Just("\u{200B}\u{200C}\u{200D}\u{FEFF}".to_owned()),
            Just("\u{202E}\u{202B}".to_owned()),
            Just("محمد بن".to_owned()),
            Just("עברית".to_owned()),
            Just("Сергiй, ".to_owned()),
            Just("김정은".to_owned()),
            Just("习近平".to_owned()),
            Just("Abd al-".to_owned()),
            Just(" LLC ".to_owned()),
            Just(" Dr. ".to_owned()),
            Just("M/V ".to_owned()),
            Just(" born 21 Oct. 1977".to_owned()),
            Just(" (pseudonyme fiable".to_owned()),
            Just("1: NA 2:".to_owned()),
            Just("A.K.A. ".to_owned()),
            Just(" / ".to_owned()),
            Just("(a.k.a. ".to_owned()),
            Just("ООО".to_owned()),
            Just(", ".to_owned()),
            Just("ザ\u{3099}".to_owned()),
            Just("ﷲ ﻻ".to_owned()),
            Just("Ǆ ﬁ Ａ".to_owned()),
        ];
        proptest::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
    }

    fn kinds() -> impl Strategy<Value = NameKind> {
        prop_oneof![Just(NameKind::Person), Just(NameKind::Organization), Just(NameKind::Vessel), Just(NameKind::Any)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_and_stays_ascii(name in nasty(), kind in kinds()) {
            let form = normalize(&name, kind);
            for t in &form.tokens {
                prop_assert!(!t.text.is_empty());
                prop_assert!(t.text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{:?}", t.text);
                prop_assert!(t.phonetic.is_ascii() && t.skeleton.is_ascii());
            }
            let _ = crate::romanizations(&name);
            for part in crate::split_names(&name, kind) {
                prop_assert!(part.chars().any(char::is_alphabetic), "{:?} gave {:?}", name, part);
            }
        }

        #[test]
        fn idempotent(name in nasty(), kind in kinds()) {
            let once = normalize(&name, kind);
            let twice = normalize(&once.text(), kind);
            prop_assert_eq!(twice.text(), once.text(), "{:?} steps {:?} then {:?}", name, once.steps, twice.steps);
            if name.is_ascii() {
                // `surname` reads the comma of "SURNAME, Given", which the
                // normalised text no longer has: the words must agree, not it.
                let words = |tokens: &[NameToken]| {
                    tokens.iter().map(|t| NameToken { surname: false, ..t.clone() }).collect::<Vec<_>>()
                };
                prop_assert_eq!(words(&twice.tokens), words(&once.tokens));
            }
        }

        #[test]
        fn ascii_words_pass_through(s in "[a-z]{1,10}( [a-z]{1,10}){0,3}") {
            prop_assert_eq!(translit::tokenize(&s, Systems::PRIMARY).tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "), s);
        }

        #[test]
        fn long_input(c in "\\PC", n in 9_000usize..10_001) {
            let name: String = std::iter::repeat_n(c, n).collect();
            let _ = normalize(&name, NameKind::Person);
            let _ = normalize(&name, NameKind::Organization);
        }
    }

    #[test]
    fn long_real_input() {
        let name = "Сергiй Валерiйович АКСЬОНОВ محمد 김정은 习近平 Abd al-Rahman LLC, ".repeat(200);
        let form = normalize(&name, NameKind::Person);
        assert!(form.tokens.len() > 1000);
        assert_eq!(normalize(&form.text(), NameKind::Person).text(), form.text());
    }
}
