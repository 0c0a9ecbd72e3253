//! Words that lists and their aggregators print inside a name field but that
//! are not part of the name: a birth clause (`Kalad Belkasam born 31 Dec.
//! 1979`), a remark on the alias's quality (`(pseudonyme fiable)`, `(low
//! quality)`, `(previously listed as)`), an `a.k.a.` before the name, and the
//! numbered name parts of the UN's format (`1: LIONEL 2: DUMONT 3: NA 4: NA`).
//!
//! [`strip`] removes them before the name is tokenised, so that they neither
//! count as unmatched words nor raise a numbers conflict, and says what it
//! removed for the explanation. [`split_names`] splits a field that holds
//! several names.

use crate::NameKind;

/// Phrases that make a parenthesised or bracketed remark an annotation when
/// the remark starts with one of them (compared folded to lower-case ASCII).
const REMARKS: &[&str] = &[
    "pseudonyme",
    "pseudonym",
    "fiable",
    "peu fiable",
    "previously listed",
    "formerly listed",
    "listed as",
    "low quality",
    "good quality",
    "weak alias",
    "strong alias",
    "born",
    "dob",
    "d.o.b",
    "date of birth",
    "nee ",
    "née ",
    "deceased",
    "reportedly deceased",
    "possibly",
    "probably",
    "alleged",
];

/// Words that start a name field with an alias marker (`A.K.A. Khabar, Abu`).
const PREFIXES: &[&str] =
    &["a.k.a.", "a.k.a", "aka ", "f.k.a.", "fka ", "also known as ", "formerly known as ", "alias ", "alias: "];

/// `name` without the annotations it carries, and the steps taken; `None`
/// when there is nothing to remove. [`may_carry`] tells cheaply whether
/// to call it.
pub(crate) fn strip(name: &str) -> Option<(String, Vec<String>)> {
    let mut text = name.to_owned();
    let mut steps = Vec::new();
    // A leading alias marker.
    let lower = text.to_ascii_lowercase();
    let trimmed = lower.trim_start();
    if let Some(p) = PREFIXES.iter().find(|p| trimmed.starts_with(**p)) {
        let start = lower.len() - trimmed.len();
        let rest = text[start + p.len()..].trim_start();
        if rest.bytes().any(|b| b.is_ascii_alphabetic()) || !rest.is_ascii() {
            steps.push(format!("removed alias marker \"{}\"", p.trim()));
            text = rest.to_owned();
        }
    }
    // Parenthesised and bracketed remarks.
    while let Some((open, close)) = remark(&text) {
        let removed = text[open..=close].to_owned();
        let keeps_letters = text[..open].chars().chain(text[close + 1..].chars()).any(char::is_alphabetic);
        if !keeps_letters {
            break;
        }
        text.replace_range(open..=close, " ");
        steps.push(format!("removed remark \"{}\"", removed.trim()));
    }
    // A birth clause: ` born 21 Oct. 1977 in Tunisia`, up to a comma or the end.
    while let Some((at, end)) = birth_clause(&text) {
        let removed = text[at..end].trim().to_owned();
        text.replace_range(at..end, " ");
        steps.push(format!("removed \"{removed}\" (not part of the name)"));
    }
    // UN name parts: `1: IBRAHIM 2: ALI 3: ABU BAKR 4: TANTOUSH`.
    if let Some(parts) = numbered_parts(&text) {
        steps.push("read numbered name parts (\"1: ... 2: ...\") as one name".to_owned());
        text = parts;
    }
    if steps.is_empty() { None } else { Some((text, steps)) }
}

/// A cheap test, on a name and its words, of whether [`strip`] may find
/// something: brackets or a colon, or one of the marker words.
pub(crate) fn may_carry(name: &str, words: &[crate::translit::Tok]) -> bool {
    memchr::memchr3(b'(', b'[', b':', name.as_bytes()).is_some()
        || words.iter().enumerate().any(|(i, w)| match w.text.as_str() {
            "born" | "aka" | "fka" | "alias" | "known" => true,
            "k" => i > 0 && matches!(words[i - 1].text.as_str(), "a" | "f"),
            _ => false,
        })
}

/// The byte range (inclusive) of the first bracketed remark of `text` that is an annotation.
fn remark(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(rel) = text[from..].find(['(', '[']) {
        let open = from + rel;
        let closer = if text.as_bytes()[open] == b'(' { ')' } else { ']' };
        let close = match text[open + 1..].find(closer) {
            Some(c) => open + 1 + c,
            // An unclosed remark runs to the end of the field.
            None => text.len() - 1,
        };
        let inner = text[open + 1..=close].trim_end_matches([')', ']']).trim().to_lowercase();
        if REMARKS.iter().any(|r| inner.starts_with(r)) {
            return Some((open, close));
        }
        from = close + 1;
        if from >= text.len() {
            break;
        }
    }
    None
}

/// Where a birth clause starts and ends: `born` followed by a date, a
/// place (`in`, `on`, `at`) or a circa, up to the next comma or the end,
/// when the field has letters outside it. The clause may come first, in
/// `born 1977, NAME`, which "SURNAME, Given" would otherwise turn around
/// (and a second normalisation would then take out).
fn birth_clause(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(rel) = lower[from..].find("born") {
        let at = from + rel;
        from = at + 4;
        let before_ok = at == 0 || matches!(lower.as_bytes()[at - 1], b' ' | b',');
        let after = lower[at + 4..].trim_start();
        let after_ok = lower[at + 4..].starts_with(' ')
            && (after.starts_with(|c: char| c.is_ascii_digit())
                || ["in ", "on ", "at ", "circa", "c.", "ca.", "approx"].iter().any(|w| after.starts_with(w)));
        if !(before_ok && after_ok) {
            continue;
        }
        let mut end = lower[at..].find(',').map_or(text.len(), |c| at + c);
        // A birthplace runs to the end of the field when the name comes
        // before it: `born 1 Jan. 1958 in Bouressa, Bourem Region, Mali`.
        let wordy_before = text[..at].chars().any(char::is_alphabetic);
        if wordy_before && lower[at..end].contains(" in ") {
            end = text.len();
        }
        // Anything that may transliterate to a word counts (`𖭛` is `caum`).
        let wordy = |c: char| c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace());
        if text[..at].chars().chain(text[end..].chars()).any(wordy) {
            return Some((at, end));
        }
    }
    None
}

/// The name of a field in the UN's numbered parts format, without the
/// numbers and `NA` fillers; `None` unless the field starts with `1:` and
/// has a `2:`.
fn numbered_parts(text: &str) -> Option<String> {
    let t = text.trim_start();
    if !t.starts_with("1:") && !t.starts_with("1 :") || !t.contains("2:") {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        let bare = word.trim_end_matches(':');
        let numbered = word.ends_with(':') && !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit());
        if numbered || word.eq_ignore_ascii_case("na") || word.eq_ignore_ascii_case("n/a") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.chars().any(char::is_alphabetic).then_some(out)
}

/// Generational suffixes and the like, which a comma may separate from a
/// name without starting another name (`SMITH, John, Jr.`).
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "junior", "senior", "esq", "phd", "md"];

/// The `a.k.a.` marker a bracketed remark starts with, if any, and its length.
fn aka_marker(inner: &str) -> Option<usize> {
    ["a.k.a.", "a.k.a", "aka ", "alias "]
        .iter()
        .find(|m| inner.get(..m.len()).is_some_and(|head| head.eq_ignore_ascii_case(m)))
        .map(|m| m.len())
}

/// Whether the text of an `a.k.a.` remark lists spellings of one word
/// (several, comma-separated, or one word) rather than another name.
fn lists_spellings(spellings: &str) -> bool {
    spellings.contains(',') || spellings.split_whitespace().count() < 2
}

/// `name` without its bracketed `a.k.a.` remarks that list spellings of one
/// word (several, or one word), when it has any and no other brackets.
fn without_spelling_remarks(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    let mut removed = false;
    while let Some(open) = rest.find('(') {
        let close = open + rest[open..].find(')')?;
        let inner = rest[open + 1..close].trim();
        let m = aka_marker(inner)?;
        let spellings = inner[m..].trim();
        if inner[1..].contains('(') || !lists_spellings(spellings) {
            return None;
        }
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[close + 1..];
        removed = true;
    }
    if rest.contains(')') {
        return None;
    }
    out.push_str(rest);
    removed.then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The names of a field that holds several (`Dimitri SYTYI, Dmitry SYTIY`,
/// `Евгений ГРИЦЕНКО / Євген ГРИЦЕНКО`, `Kang Gye (Pi Ryu Gang)`); empty
/// when it holds one.
///
/// - A slash separates names when every part has three letters or more,
///   and either the slash is spaced or every part has two words or more
///   (`M/V`, `A/S` and `LIBERATION PARTY/FRONT` are not split).
/// - For persons, two commas or more separate names (unless a part is a
///   suffix such as `Jr`), and so does a single comma between two parts of
///   two words or more, each with a surname in capitals (`SURNAME, Given`
///   has one word in capitals on one side).
/// - For persons and vessels, a bracketed remark of two words or more is
///   another name: the field gives the name without it, and the remark. An
///   `a.k.a.` remark that lists spellings of one word (`Mohamed (a.k.a.
///   Mohammad, Muhammad) KHADDOR`) leaves the name without it.
pub fn split_names(name: &str, kind: NameKind) -> Vec<String> {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let words = |s: &str| s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count();
    if name.contains('/') {
        let parts: Vec<&str> = name.split('/').map(str::trim).collect();
        let spaced = name.contains(" / ");
        if parts.len() > 1 && parts.iter().all(|p| letters(p) >= 3 && (spaced || words(p) >= 2)) {
            return parts.into_iter().map(str::to_owned).collect();
        }
    }
    if !matches!(kind, NameKind::Person | NameKind::Vessel | NameKind::Organization) {
        return Vec::new();
    }
    // `Mohamed (a.k.a. Mohammad, Muhammad) Heikmat (a.k.a. Hikmat) IBRAHIM`:
    // each remark that lists spellings of one word goes, the words between
    // them stay.
    if name.matches('(').count() > 1
        && let Some(rest) = without_spelling_remarks(name)
    {
        let more = split_names(&rest, kind);
        return if !more.is_empty() {
            more
        } else if letters(&rest) >= 2 {
            vec![rest]
        } else {
            Vec::new()
        };
    }
    if let (Some(open), Some(close)) = (name.find('('), name.rfind(')'))
        && open < close
    {
        let mut inner = name[open + 1..close].trim();
        let outer = format!("{} {}", &name[..open], &name[close + 1..]);
        let outer = outer.split_whitespace().collect::<Vec<_>>().join(" ");
        // `Mohamed (a.k.a. Mohammad, Muhammad) KHADDOR`: other spellings of
        // one word, which the name without them already stands for.
        if let Some(m) = aka_marker(inner) {
            inner = inner[m..].trim();
            if lists_spellings(inner) {
                return if letters(&outer) >= 2 { vec![outer] } else { Vec::new() };
            }
        }
        // An organisation's brackets hold a qualifier as often as a second
        // name (`AL-HARAMAIN FOUNDATION (UNION OF THE COMOROS)`, a branch
        // that is another entity); they hold its short name when they repeat
        // one of its words (`ПАО «Энергия» (ПАО «Энергия»)`).
        let repeats = || {
            let outer_words = crate::tokens(&outer);
            crate::tokens(inner).iter().any(|w| w.len() >= 3 && outer_words.contains(w))
        };
        if inner.split_whitespace().count() >= 2
            && letters(&outer) >= 2
            && !inner.contains(['(', ')'])
            && (kind != NameKind::Organization || repeats())
        {
            return vec![outer, inner.to_owned()];
        }
    }
    if kind != NameKind::Person || !name.contains(',') {
        return Vec::new();
    }
    let parts: Vec<&str> = name.split(',').map(str::trim).collect();
    let suffix = |p: &str| SUFFIXES.iter().any(|x| p.trim_end_matches('.').eq_ignore_ascii_case(x));
    if parts.iter().any(|p| letters(p) == 0 || suffix(p)) {
        return Vec::new();
    }
    // A surname in capitals among other words (`Dmitry SYTIY`); initials
    // (`H.A.`) are not one.
    let surname_and_more = |p: &str| {
        p.split_whitespace().count() >= 2
            && p.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                w.chars().count() >= 2
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !w.chars().any(char::is_lowercase)
            })
    };
    let lower_too = name.chars().any(char::is_lowercase);
    // Two names of one family (`Jang Pom Su, Jang Hyon U`): a surname
    // before a comma never starts or ends the given names after it too.
    let same_family = parts.len() == 2 && {
        let (x, y) = (parts[0].split_whitespace(), parts[1].split_whitespace());
        let (x, y): (Vec<&str>, Vec<&str>) = (x.collect(), y.collect());
        x.len() >= 2
            && y.len() >= 2
            && (x[0].eq_ignore_ascii_case(y[0]) || x[x.len() - 1].eq_ignore_ascii_case(y[y.len() - 1]))
            && letters(x[0]) >= 2
            && letters(y[y.len() - 1]) >= 1
    };
    let several =
        parts.len() >= 3 || same_family || (parts.len() == 2 && lower_too && parts.iter().all(|p| surname_and_more(p)));
    if several { parts.into_iter().map(str::to_owned).collect() } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::{split_names, strip};
    use crate::NameKind;

    #[test]
    fn splits_fields_with_several_names() {
        let p = NameKind::Person;
        assert_eq!(split_names("Dimitri SYTYI, Dmitry SYTIY", p), ["Dimitri SYTYI", "Dmitry SYTIY"]);
        assert_eq!(
            split_names("KIM Yong-Nam, KIM Young-Nam, KIM Yong-Gon", p),
            ["KIM Yong-Nam", "KIM Young-Nam", "KIM Yong-Gon"]
        );
        assert_eq!(split_names("Евгений ГРИЦЕНКО / Євген ГРИЦЕНКО", p), ["Евгений ГРИЦЕНКО", "Євген ГРИЦЕНКО"]);
        assert_eq!(split_names("Kang Gye (Pi Ryu Gang)", NameKind::Vessel), ["Kang Gye", "Pi Ryu Gang"]);
        assert_eq!(split_names("Jang Pom Su, Jang Hyon U", p), ["Jang Pom Su", "Jang Hyon U"]);
        assert!(split_names("Jang, Pom Su", p).is_empty());
        assert_eq!(
            split_names("Major General Mohamed (a.k.a. Mohammad, Muhammad, Mohammed) KHADDOR", p),
            ["Major General Mohamed KHADDOR"]
        );
        assert_eq!(
            split_names("Mohamed (a.k.a. Mohammad, Muhammad, Mohammed) Heikmat (a.k.a. Hikmat, Hekmat) IBRAHIM", p),
            ["Mohamed Heikmat IBRAHIM"]
        );
        assert_eq!(
            split_names("Mahfouz Ould Al-Walid (a.k.a. Abu Hafs al-Mauritani)", p),
            ["Mahfouz Ould Al-Walid", "Abu Hafs al-Mauritani"]
        );
        for single in [
            "JILDAN, Wail H.A.",
            "PUTIN, Vladimir Vladimirovich",
            "CORADO ORTILLO, Jenny Judith",
            "SMITH, John, Jr.",
            "Ahmad (Ahmed) SANTOS",
        ] {
            assert!(split_names(single, p).is_empty(), "{single}");
        }
        assert!(split_names("M/V OCEAN STAR", NameKind::Vessel).is_empty());
        assert!(split_names("REVOLUTIONARY PEOPLE'S LIBERATION PARTY/FRONT", NameKind::Organization).is_empty());
        assert!(split_names("Meixin Electronics (Hong Kong) Ltd", NameKind::Organization).is_empty());
        assert!(split_names("Bank Otkritie, PJSC, Moscow", NameKind::Organization).is_empty());
    }

    fn cleaned(s: &str) -> String {
        strip(s).map(|(t, _)| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_else(|| s.to_owned())
    }

    #[test]
    fn removes_remarks_birth_clauses_and_markers() {
        assert_eq!(cleaned("Abu Mohammed al-Julani (pseudonyme fiable)"), "Abu Mohammed al-Julani");
        assert_eq!(cleaned("Said Jhan (pseudonyme peu fiable)"), "Said Jhan");
        assert_eq!(cleaned("Mohammad Shafiq Ahmadi (previously listed as)"), "Mohammad Shafiq Ahmadi");
        assert_eq!(cleaned("Hamraoui Kamel born 21 Oct. 1977 in Tunisia"), "Hamraoui Kamel");
        assert_eq!(cleaned("Kalad Belkasam born 31 Dec. 1979"), "Kalad Belkasam");
        assert_eq!(
            cleaned("Sidi Mohamed Arhali born 1 Jan. 1958 in Bouressa, Bourem Region, Mali"),
            "Sidi Mohamed Arhali"
        );
        assert_eq!(cleaned("born 21 Oct. 1977, KAMEL Hamraoui"), ", KAMEL Hamraoui");
        assert_eq!(cleaned("A.K.A. Khabar, Abu"), "Khabar, Abu");
        assert_eq!(cleaned("1: LIONEL 2: DUMONT 3: NA 4: NA"), "LIONEL DUMONT");
        assert_eq!(cleaned("1: IBRAHIM 2: ALI 3: ABU BAKR 4: TANTOUSH"), "IBRAHIM ALI ABU BAKR TANTOUSH");
    }

    #[test]
    fn leaves_names_alone() {
        for name in [
            "Vladimir Putin",
            "Kang Gye (Pi Ryu Gang)",
            "MUHAMMAD JAMAL NETWORK (MJN)",
            "Osborne Holdings",
            "Bornholm Shipping",
            "AL-HARAMAIN : ALBANIA BRANCH",
            "Born Free Foundation",
            "(pseudonyme fiable)",
        ] {
            assert_eq!(cleaned(name), name.split_whitespace().collect::<Vec<_>>().join(" "), "{name}");
        }
    }
}
