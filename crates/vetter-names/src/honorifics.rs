//! Honorifics and titles before a person's name, in the languages of the lists:
//! `Mr`, `Dr`, `Sheikh`, `Haji`, `Mullah`, `General`, `President`, `Prince`,
//! `Señor`, `Herr`, `Господин`, `الشيخ`, ...
//!
//! Titles are removed from the start of a name (and from the start of the given
//! names in `SURNAME, Given` form), one after another (`H.E. Dr. Sheikh`), but
//! never when they are the whole name. Words that are both a title and a common
//! given name (`Amir`, `Sultan`, `Don`, `Sen`) are not in the table.

use crate::lexicon::{Phrases, lines};
use crate::translit::Tok;
use std::sync::LazyLock;

/// Titles as folded words, separated by commas; a title may have several words.
const TITLES: &str = "
# Courtesy titles
mr, mister, mrs, ms, miss, mx, messrs, mstr
dr, doctor, doktor, dott, dottore, drs, prof, professor, professeur, dktwr, al dktwr, dktr
sir, dame, lord, lady, hon, honourable, honorable, h e, his excellency, her excellency, excellency
hrh, his royal highness, her royal highness, his highness, her highness
rev, reverend, fr, father, pastor, bishop, archbishop, cardinal, rabbi, metropolitan, patriarch
# Spanish, Portuguese, Italian, French, German, Dutch
senor, sr, sra, senora, srta, senorita, dona, signor, sig, signora, sgra
monsieur, mme, madame, mlle, mademoiselle, herr, frau, fraulein, dipl ing, dhr, mevr, mevrouw
# Russian and Ukrainian (folded), with abbreviations as they fold (`г-н` is `g n`)
gospodin, gospozha, g n, g zha, d r, pan, pani
general, heneral, general leytenant, general mayor, general polkovnik, general armii, polkovnik, podpolkovnik
mayor, kapitan, leytenant, admiral, vitse admiral, kontr admiral, marshal
prezident, prezydent, premyer ministr, premier ministr, ministr, posol, senator, deputat, knyaz, knyaginya, komandir
# Islamic titles
sheikh, shaikh, shaykh, sheik, cheikh, sheykh, shiekh, shaykha, sheikha, shaikha, sheykha, shykh, al shykh, alshykh
haji, hajji, hadji, hajj, haj, hadj, alhaj, alhajj, al haj, al hajj, el hadj, el haj, hajjah, hajja, hajia, hajy, al hajy, haja
mullah, mulla, molla, mullo, moulla, mla, mollah
maulana, mawlana, moulana, mowlana, molana, maulavi, maulvi, molvi, mawlawi, moulvi, mawlavi, mavlavi, mwlwy
mufti, qari, imam, emam, ayatollah, ayatullah, ayatolah, grand ayatollah, hojatoleslam, hojjat al eslam, hujjat al islam
sayyid, sayed, sayyed, seyed, seyyed, syed, sayid, sayyida, sayeda, seyyedeh
# Afghan honorific (champion)
pahlawan, pahlavan, pehlwan
# Military ranks
gen, lt gen, maj gen, brig gen, lieutenant general, major general, brigadier general
colonel, col, lt col, lieutenant colonel, major, maj, captain, capt, cpt, lieutenant, lt, lieut
adm, vice admiral, rear admiral, commodore, commander, cmdr, cdr
brigadier, brig, field marshal, air marshal, air chief marshal
sergeant, sgt, corporal, cpl
# Offices and royalty
president, presidente, vice president, prime minister, minister, deputy minister
ambassador, amb, governor, chairman
king, queen, prince, princess, emir, crown prince
# Cambodian honorifics (Neak Oknha, a title granted to tycoons)
neak oknha, oknha, okhna, samdech
";

static TABLE: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::new(
        lines(TITLES)
            .flat_map(|line| line.split(','))
            .map(|t| (t.split_whitespace().collect::<Vec<_>>(), ()))
            .filter(|(w, _)| !w.is_empty()),
    )
});

/// The number of titles (words and phrases) in the table.
pub(crate) fn table_size() -> usize {
    TABLE.len()
}

/// Whether `word` is a title (or starts one).
pub fn is_title(word: &str) -> bool {
    TABLE.starts_with(word)
}

/// Whether `word` is a title by itself (`dr`, `haji`, `mullah`), not a
/// word that only starts one (`lt` of `lt gen`, `al` of `al hajj`), nor a
/// title that is also a name (`King`, `Bishop`, `Major`, `Lord` in English;
/// Sayyid, which South Asian names carry as a given name and Arabic ones as
/// a family name, `Al-Sayed`): a matcher may excuse it when one name has it
/// and the other not.
///
/// ```
/// use vetter_names::is_title_word;
/// assert!(is_title_word("dr") && is_title_word("haji") && is_title_word("mullah"));
/// assert!(!is_title_word("al") && !is_title_word("king") && !is_title_word("sayed"));
/// ```
pub fn is_title_word(word: &str) -> bool {
    const NAMES: [&str; 28] = [
        "king", "queen", "prince", "princess", "bishop", "major", "lord", "lady", "father", "pastor", "cardinal",
        "dame", "marshal", "governor", "chairman", "admiral", "sir", "pan", "sayyid", "sayed", "sayyed", "seyed",
        "seyyed", "syed", "sayid", "sayyida", "sayeda", "imam",
    ];
    word.len() >= 2 && !NAMES.contains(&word) && TABLE.at_start(&[word], 0).is_some_and(|(len, ())| len == 1)
}

/// Removes the titles at the start of `tokens[from..]`, unless nothing but
/// titles would be left there. Returns the removed titles, in order.
pub(crate) fn strip_leading(tokens: &mut Vec<Tok>, from: usize) -> Vec<String> {
    if !tokens.get(from).is_some_and(|t| TABLE.starts_with(&t.text)) {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut at = from;
    while let Some((len, ())) = TABLE.at_start(tokens, at) {
        spans.push(at..at + len);
        at += len;
    }
    if at >= tokens.len()
        || spans.is_empty()
        || !crate::translit::has_letters(tokens[at..].iter().chain(&tokens[..from]))
    {
        return Vec::new();
    }
    let removed = spans.into_iter().map(|r| crate::translit::joined(&tokens[r])).collect();
    tokens.drain(from..at);
    removed
}

#[cfg(test)]
mod tests {
    //! 1. Titles in several languages and scripts are removed from the start of a name, repeatedly.
    //! 2. A title that is the whole name stays; titles inside a name stay.
    //! 3. `SURNAME, Title Given` loses the title after the comma too.
    use crate::form::{NameKind, normalize};

    fn check(name: &str, expect: &str, titles: &[&str]) {
        let form = normalize(name, NameKind::Person);
        let text: Vec<&str> = form.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(text.join(" "), expect, "{name}");
        assert_eq!(form.honorifics, titles, "{name}");
    }

    #[test]
    fn english_and_european() {
        check("Mr. John Smith", "john smith", &["mr"]);
        check("Dr Ayman al-Zawahiri", "ayman al zawahiri", &["dr"]);
        check("Prof. Dr. Hans Müller", "hans muller", &["prof", "dr"]);
        check("H.E. Sheikh Tamim bin Hamad Al Thani", "tamim bin hamad al thani", &["h e", "sheikh"]);
        check("Señor Nicolás Maduro", "nicolas maduro", &["senor"]);
        check("Sr. Nicolas Maduro Moros", "nicolas maduro moros", &["sr"]);
        check("Herr Olaf Scholz", "olaf scholz", &["herr"]);
        check("Président Emmanuel Macron", "emmanuel macron", &["president"]);
        check("Prime Minister Shehbaz Sharif", "shehbaz sharif", &["prime minister"]);
    }

    #[test]
    fn military_and_islamic() {
        check("General Qasem Soleimani", "qasem soleimani", &["general"]);
        check("Lt. Gen. Ali Ahmad", "ali ahmad", &["lt gen"]);
        check("Maj Gen Qasem Soleimani", "qasem soleimani", &["maj gen"]);
        check("Haji Khairullah Barakzai", "khairallah barakzai", &["haji"]);
        check("Al-Hajj Mohammed Omar", "mohammed omar", &["al hajj"]);
        check("Mullah Mohammed Omar", "mohammed omar", &["mullah"]);
        check("Mawlawi Abdul Kabir", "abdulkabir", &["mawlawi"]);
        check("Ayatollah Ali Khamenei", "ali khamenei", &["ayatollah"]);
        check("Sayed Hassan Nasrallah", "hassan nasrallah", &["sayed"]);
    }

    #[test]
    fn other_scripts() {
        check("Господин Владимир Путин", "vladimir putin", &["gospodin"]);
        check("г-н Владимир Путин", "vladimir putin", &["g n"]);
        check("генерал-полковник Сергей Суровикин", "sergey surovikin", &["general polkovnik"]);
        check("الشيخ محمد", "muhammad", &["al shykh"]);
        check("سيد محمد حقاني", "muhammad hqany", &["sayyid"]);
        check("سعيد محمد", "syd muhammad", &[]);
        check("حاجي محمد", "muhammad", &["hajy"]);
    }

    #[test]
    fn every_title_of_the_issue() {
        let titles = [
            "Mr",
            "Mrs",
            "Ms",
            "Dr",
            "Prof",
            "Sir",
            "Sheikh",
            "Shaikh",
            "Shaykh",
            "Haji",
            "Hajji",
            "Al-Hajj",
            "Mullah",
            "Maulana",
            "Mawlana",
            "Sayyid",
            "Sayed",
            "Imam",
            "Ayatollah",
            "General",
            "Gen",
            "Colonel",
            "Col",
            "Major",
            "Captain",
            "Admiral",
            "Lieutenant",
            "Brigadier",
            "Marshal",
            "President",
            "Presidente",
            "Président",
            "Prime Minister",
            "Minister",
            "Senator",
            "Ambassador",
            "Prince",
            "Princess",
            "Emir",
            "King",
            "Señor",
            "Sr.",
            "Herr",
            "Frau",
            "Madame",
            "Monsieur",
            "Господин",
            "г-н",
            "الشيخ",
        ];
        for title in titles {
            let name = format!("{title} Khalid Tikriti");
            check(
                &name,
                "khalid tikriti",
                &[crate::fold(title).as_str()].map(|t| if t == "lshykh" { "al shykh" } else { t }),
            );
        }
    }

    #[test]
    fn kept() {
        check("General", "general", &[]);
        check("Prince", "prince", &[]);
        check("Dr. Sheikh", "dr sheikh", &[]);
        check("John Major", "john major", &[]);
        check("Amir Saeid Iravani", "amir saeid iravani", &[]);
        check("PUTIN, Vladimir", "vladimir putin", &[]);
        check("SMITH, Dr. John", "john smith", &["dr"]);
    }
}
