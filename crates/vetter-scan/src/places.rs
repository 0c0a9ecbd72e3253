//! Jurisdictions in text: countries, their adjectives and demonyms, capitals
//! and metonyms (`Tehran`, `the Kremlin`, `the Islamic Republic`), each mapped
//! to a country code and to the sanctions programs of the loaded lists that
//! target it.
//!
//! Country names, demonyms and formal names come from
//! `vetter_model::country::country_code`; this module adds the capitals and
//! metonyms news writing uses ([`METONYMS`]). Programs are derived from the
//! program codes of the loaded entities (`RUSSIA-EO14024` → `ru`, `EU-IRN` →
//! `ir`, `UN-DPRK` → `kp`), with a small curated table ([`CURATED`]) for codes
//! that do not name their country or name the wrong one.

use std::collections::{BTreeMap, HashMap};

use vetter_engine::Engine;
use vetter_model::{Prop, country};

use crate::words::{Script, Word};

/// How a jurisdiction was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The country's name (`Iran`, `North Korea`, `Islamic Republic of Iran`).
    Name,
    /// An adjective or demonym (`Iranian`, `Russians`).
    Demonym,
    /// The capital or seat of government (`Tehran`, `Moscow`, `Pyongyang`).
    Capital,
    /// Another stand-in for the state (`the Kremlin`, `the Islamic Republic`).
    Metonym,
}

/// Capitals and metonyms that stand for a state in news writing: `(phrase, code, via)`.
pub const METONYMS: &[(&str, &str, Via)] = &[
    ("tehran", "ir", Via::Capital),
    ("islamic republic", "ir", Via::Metonym),
    ("kremlin", "ru", Via::Metonym),
    ("кремль", "ru", Via::Metonym),
    ("кремле", "ru", Via::Metonym),
    ("кремля", "ru", Via::Metonym),
    ("москва", "ru", Via::Capital),
    ("москве", "ru", Via::Capital),
    ("россия", "ru", Via::Name),
    ("россии", "ru", Via::Name),
    ("دمشق", "sy", Via::Capital),
    ("طهران", "ir", Via::Capital),
    ("moscow", "ru", Via::Capital),
    ("pyongyang", "kp", Via::Capital),
    ("damascus", "sy", Via::Capital),
    ("havana", "cu", Via::Capital),
    ("minsk", "by", Via::Capital),
    ("caracas", "ve", Via::Capital),
    ("sevastopol", "ua-cri", Via::Capital),
    ("simferopol", "ua-cri", Via::Capital),
    ("donetsk", "ua-dpr", Via::Capital),
    ("luhansk", "ua-lpr", Via::Capital),
    ("lugansk", "ua-lpr", Via::Capital),
    ("beijing", "cn", Via::Capital),
    ("kyiv", "ua", Via::Capital),
    ("kiev", "ua", Via::Capital),
    ("khartoum", "sd", Via::Capital),
    ("kabul", "af", Via::Capital),
    ("baghdad", "iq", Via::Capital),
    ("sanaa", "ye", Via::Capital),
    ("managua", "ni", Via::Capital),
    ("naypyidaw", "mm", Via::Capital),
    ("tripoli", "ly", Via::Capital),
    ("mogadishu", "so", Via::Capital),
    ("soviet", "suhh", Via::Demonym),
    ("dprk", "kp", Via::Name),
];

/// Program codes whose country is not the one their words name, or that
/// name none; `(code, countries)`.
///
/// Sources: OFAC's program pages ("Ukraine-/Russia-Related Sanctions": EO
/// 13660 on persons undermining Ukraine, EO 13661 on Russian government
/// officials, EO 13662 on sectors of the Russian economy, EO 13685 on the
/// Crimea region; "Iran Sanctions": the Iranian Financial Sanctions
/// Regulations, 31 CFR part 561, and the IRGC designations; "North Korea
/// Sanctions": the North Korea Sanctions and Policy Enhancement Act, NKSPEA;
/// "Foreign Sanctions Evaders" EO 13608, suffixed per country;
/// "Hizballah"/"Magnitsky" pages for HRIT and MAGNIT), Council Regulation
/// (EU) No 269/2014 (`EU-UKR`: actions undermining Ukraine's territorial
/// integrity, mostly Russian persons) and Ukraine's War and Sanctions
/// register (`UA-WS-*`: persons and vessels of Russia's war).
pub const CURATED: &[(&str, &[&str])] = &[
    ("UKRAINE-EO13660", &["ua", "ru"]),
    ("UKRAINE-EO13661", &["ru"]),
    ("UKRAINE-EO13662", &["ru"]),
    ("UKRAINE-EO13685", &["ua-cri"]),
    ("EU-UKR", &["ru", "ua"]),
    ("IFSR", &["ir"]),
    ("IRGC", &["ir"]),
    ("HRIT-IR", &["ir"]),
    ("HRIT-SY", &["sy"]),
    ("FSE-IR", &["ir"]),
    ("FSE-SY", &["sy"]),
    ("NKSPEA", &["kp"]),
    ("DPRK-NKSPEA", &["kp"]),
    ("MAGNIT", &["ru"]),
    ("CAATSA - RUSSIA", &["ru"]),
    ("CAATSA - IRAN", &["ir"]),
    ("RUSSIA-EO14024", &["ru"]),
    ("BELARUS-EO14038", &["by"]),
];

/// Program-code words that are not countries although a country table reads them as one.
const NOT_COUNTRY_WORDS: &[&str] = &["CON", "ARM", "GLO", "CAR", "TCO", "HK"];

/// The countries a program code targets (none for thematic programs such as `SDGT`).
pub fn program_countries(code: &str) -> Vec<String> {
    if let Some((_, cs)) = CURATED.iter().find(|(c, _)| c.eq_ignore_ascii_case(code)) {
        return cs.iter().map(|c| (*c).to_owned()).collect();
    }
    if code.starts_with("UA-WS") {
        return vec!["ru".to_owned()];
    }
    // UN reference numbers (`IRi.040`, `QDi.357`) are not programs.
    if is_un_reference(code) {
        return Vec::new();
    }
    let cleaned: String = code.chars().map(|c| if c.is_alphabetic() { c } else { ' ' }).collect();
    let phrase = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if phrase.split(' ').count() > 1
        && let Some(c) = country::country_code(&phrase)
        && !c.is_empty()
    {
        return vec![c.to_owned()];
    }
    let mut out = Vec::new();
    for piece in phrase.split(' ') {
        if piece.len() < 3 || NOT_COUNTRY_WORDS.contains(&piece) {
            continue;
        }
        if let Some(c) = country::country_code(piece)
            && !c.is_empty()
            && !out.iter().any(|o: &String| o == c)
        {
            out.push(c.to_owned());
        }
    }
    out
}

fn is_un_reference(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() > 4 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() && b[2] == b'i' && b[3] == b'.'
}

/// One program of the loaded lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Program {
    /// The code as the lists print it.
    pub code: String,
    /// Entities listed under it.
    pub entities: u32,
}

/// Programs per country, derived from the loaded lists.
#[derive(Debug, Default, Clone)]
pub struct ProgramTable {
    by_country: HashMap<String, Vec<Program>>,
}

impl ProgramTable {
    /// Reads every entity's program codes from the engine's index.
    pub fn from_engine(engine: &Engine) -> ProgramTable {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for e in engine.index().data().entities.iter() {
            for (prop, values) in e.properties.iter() {
                if *prop == Prop::Program {
                    for v in values.iter() {
                        *counts.entry(v.as_str().to_owned()).or_default() += 1;
                    }
                }
            }
        }
        ProgramTable::from_counts(counts)
    }

    /// A table from program codes and their entity counts.
    pub fn from_counts(counts: BTreeMap<String, u32>) -> ProgramTable {
        let mut by_country: HashMap<String, Vec<Program>> = HashMap::new();
        for (code, entities) in counts {
            for c in program_countries(&code) {
                by_country.entry(c).or_default().push(Program { code: code.clone(), entities });
            }
        }
        for list in by_country.values_mut() {
            list.sort_by(|a, b| b.entities.cmp(&a.entities).then_with(|| a.code.cmp(&b.code)));
        }
        ProgramTable { by_country }
    }

    /// The programs that target a country, most entities first.
    pub fn programs(&self, code: &str) -> &[Program] {
        self.by_country.get(code).map_or(&[], Vec::as_slice)
    }
}

/// A jurisdiction named in the text, before programs are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// First word index.
    pub first: usize,
    /// Last word index (inclusive).
    pub last: usize,
    /// Country code.
    pub code: &'static str,
    /// How it was named.
    pub via: Via,
}

/// Country words that are also common given names or surnames; they count
/// only when no other name word stands next to them (`Chad Smith`, `Michael Jordan`).
const AMBIGUOUS: &[&str] = &["chad", "jordan", "georgia", "israel", "niger", "guinea", "lebanon", "cuba", "china"];

/// Short all-capital words that do name a country; other short capitals are
/// acronyms (`IT`, `CAN`, `IRA`).
const CAPITAL_CODES: &[&str] = &["US", "USA", "UK", "UAE", "DPRK", "PRC", "ROK", "USSR", "KSA"];

/// Finds the jurisdictions in `words`, longest phrase first, using `cache`
/// for `country_code` look-ups.
pub fn find<S: std::hash::BuildHasher>(
    words: &[Word],
    text: &str,
    cache: &mut HashMap<String, Option<&'static str>, S>,
) -> Vec<Place> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut phrase = String::new();
    while i < words.len() {
        let w = &words[i];
        if !(w.cap || w.lower == "u.s." || w.lower == "u.k.") || matches!(w.script, Script::Digits) {
            i += 1;
            continue;
        }
        let mut found: Option<Place> = None;
        let max = (i + 5).min(words.len());
        for j in (i..max).rev() {
            // Every word from i to j in one sentence, joined by white space;
            // inner words capitalised or `of`/`and`/`the`; only the last may be possessive.
            let span = &words[i..=j];
            if span.iter().any(|x| x.sentence != w.sentence) {
                continue;
            }
            if span[1..].iter().any(|x| !x.clean_before) {
                continue;
            }
            if !span.last().is_some_and(|x| x.cap) {
                continue;
            }
            if span.iter().any(|x| !x.cap && !matches!(x.lower.as_str(), "of" | "and" | "the")) {
                continue;
            }
            phrase.clear();
            for (k, x) in span.iter().enumerate() {
                if k > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(&x.lower);
                // `Democratic People's Republic`: an inner possessive is part of the name.
                if x.possessive && k + 1 < span.len() {
                    phrase.push('s');
                }
            }
            if let Some(&(_, code, via)) = METONYMS.iter().find(|(p, ..)| *p == phrase) {
                found = Some(Place { first: i, last: j, code, via });
                break;
            }
            if span.len() == 1 {
                let raw = &text[w.start..w.end];
                let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
                if w.upper && letters <= 4 && !CAPITAL_CODES.contains(&raw.replace('.', "").as_str()) {
                    continue;
                }
                if !w.upper && letters <= 3 && w.lower != "u.s." && w.lower != "u.k." {
                    continue;
                }
            }
            // Looked up before it is copied: most phrases were seen before.
            let code = match cache.get(phrase.as_str()) {
                Some(&code) => code,
                None => {
                    let code =
                        country::country_code(&phrase).filter(|c| !c.is_empty() && !is_hedged(&phrase)).or_else(|| {
                            // `Iranians`, `Russians`: plural demonyms.
                            let singular =
                                phrase.strip_suffix('s').filter(|p| looks_like_demonym(p) && !p.contains(' '))?;
                            country::country_code(singular).filter(|c| !c.is_empty())
                        });
                    cache.insert(phrase.clone(), code);
                    code
                }
            };
            if let Some(code) = code {
                let via = if country::country_name(code).is_some_and(|n| n.eq_ignore_ascii_case(&phrase))
                    || is_formal_name(&phrase)
                {
                    Via::Name
                } else if looks_like_demonym(&phrase) {
                    Via::Demonym
                } else {
                    Via::Name
                };
                found = Some(Place { first: i, last: j, code, via });
                break;
            }
        }
        match found {
            Some(p) => {
                let ambiguous = p.first == p.last && AMBIGUOUS.contains(&words[p.first].lower.as_str());
                let beside_name = |k: Option<usize>| {
                    k.and_then(|k| words.get(k))
                        .is_some_and(|x| x.cap && x.sentence == w.sentence && !crate::lexicon::is_not_name(&x.lower))
                };
                let before = beside_name(p.first.checked_sub(1)) && w.clean_before;
                let after = beside_name(Some(p.last + 1)) && words.get(p.last + 1).is_some_and(|x| x.clean_before);
                if ambiguous && (before || after) {
                    i += 1;
                    continue;
                }
                i = p.last + 1;
                out.push(p);
            }
            None => i += 1,
        }
    }
    out
}

/// A phrase that `country_code` reads through its hedges (`possibly Iranian`);
/// in running text only whole country phrases count.
fn is_hedged(phrase: &str) -> bool {
    phrase.split(' ').any(|w| matches!(w, "possibly" | "born" | "former" | "region" | "by" | "birth" | "since"))
}

fn is_formal_name(phrase: &str) -> bool {
    phrase.contains("republic") || phrase.contains("kingdom") || phrase.contains("federation") || phrase.contains(' ')
}

fn looks_like_demonym(phrase: &str) -> bool {
    let last = phrase.rsplit(' ').next().unwrap_or(phrase);
    ["an", "ans", "ese", "ish", "i", "is", "ic", "ot", "ots", "ch"].iter().any(|s| last.ends_with(s))
}

#[cfg(test)]
mod tests {
    //! 1. Program codes map to the countries they target, thematic ones to none.
    //! 2. Names, demonyms, capitals and metonyms are found, acronyms and given names are not.
    use super::*;
    use crate::words::tokenize;

    #[test]
    fn programs() {
        let check = |code: &str, expect: &[&str]| assert_eq!(program_countries(code), expect, "{code}");
        check("RUSSIA-EO14024", &["ru"]);
        check("EU-IRN", &["ir"]);
        check("UN-Iran", &["ir"]);
        check("IRAN-TRA", &["ir"]);
        check("SYRIA", &["sy"]);
        check("DPRK3", &["kp"]);
        check("CUBA", &["cu"]);
        check("VENEZUELA-EO13850", &["ve"]);
        check("UKRAINE-EO13685", &["ua-cri"]);
        check("SDGT", &[]);
        check("NPWMD", &[]);
        check("IRi.040", &[]);
        check("Russia", &["ru"]);
        check("UA-WS-MARE", &["ru"]);
    }

    fn places(text: &str) -> Vec<(String, &'static str, Via)> {
        let t = tokenize(text);
        find(&t.words, text, &mut HashMap::new())
            .into_iter()
            .map(|p| (text[t.words[p.first].start..t.words[p.last].end].to_owned(), p.code, p.via))
            .collect()
    }

    #[test]
    fn names_demonyms_metonyms() {
        let found =
            places("Iran’s envoy met Russian officials in Tehran; the Kremlin and the Islamic Republic agreed.");
        let codes: Vec<(&str, &str)> = found.iter().map(|(t, c, _)| (t.as_str(), *c)).collect();
        assert_eq!(
            codes,
            [("Iran", "ir"), ("Russian", "ru"), ("Tehran", "ir"), ("Kremlin", "ru"), ("Islamic Republic", "ir")]
        );
        assert_eq!(found[1].2, Via::Demonym);
        assert_eq!(found[2].2, Via::Capital);
    }

    #[test]
    fn long_names_first() {
        let found = places("North Korea, the DPRK and the Democratic People's Republic of Korea; Crimea and Syria.");
        let codes: Vec<&str> = found.iter().map(|(_, c, _)| *c).collect();
        assert_eq!(codes, ["kp", "kp", "kp", "ua-cri", "sy"]);
    }

    #[test]
    fn not_places() {
        assert!(places("Chad Smith and Michael Jordan said IT IS CAN do.").is_empty(), "{:?}", places("Chad Smith"));
    }
}
