//! Officials described by their role: `Iran's ambassador to the United
//! Nations, Amir Saeid Iravani`, `the Russian deputy defence minister`,
//! `Chinese President Xi Jinping`, `Volodymyr Zelensky, the president of
//! Ukraine`.
//!
//! A role phrase is a role head (`ambassador`, `minister`, `official`...) with
//! the words before it that qualify it (`deputy defence`, `senior`, `U.N.`)
//! and a country that the official serves: a demonym (`Iranian`), a
//! possessive (`Iran's`, `Tehran's`), an abbreviation used as an adjective
//! (`U.S. official`) or an `of` complement (`president of Ukraine`). A bare
//! country name before the role names its topic, not its employer (`Trump's
//! Iran envoy` is an American), and gives no country.
//!
//! A name is attached when the role is printed as a title (`President
//! Vladimir Putin`) or in apposition (`the Iranian ambassador, Amir Saeid
//! Iravani,` and `Zelensky, the president of Ukraine`). A later `the
//! ambassador` refers back to the only earlier ambassador with a country.

use crate::lexicon::{is_role_head, is_role_modifier, is_title};
use crate::places::{Place, Via};
use crate::spans::Candidate;
use crate::words::Word;

/// A role phrase found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct RolePhrase {
    /// First word of the phrase (the determiner, when there is one).
    pub first: usize,
    /// Last word of the phrase (the head or its complement).
    pub last: usize,
    /// The role head's word index.
    pub head: usize,
    /// First and last word of the role text (modifiers, head, complement; no determiner, no country).
    pub role: (usize, usize),
    /// The country the official serves.
    pub country: Option<&'static str>,
    /// The country was found through an earlier phrase (`the ambassador`).
    pub resolved: bool,
    /// `foreign officials`: a foreign official of no named country.
    pub foreign: bool,
    /// `former`, `ex-`.
    pub former: bool,
    /// The candidate name attached to the role.
    pub name: Option<usize>,
}

const DETERMINERS: &[&str] = &["the", "a", "an", "one", "two", "three", "several", "some", "many", "its", "their"];

/// Abbreviations that English prints as adjectives of nationality (`U.S. official`).
fn adjectival_abbreviation(w: &Word) -> bool {
    matches!(w.lower.as_str(), "u.s." | "us" | "uk" | "u.k." | "uae" | "eu" | "prc" | "dprk" | "rok")
}

fn singular(head: &str) -> &str {
    match head {
        "gen" => "general",
        "officials" => "official",
        "ambassadors" => "ambassador",
        "envoys" => "envoy",
        "ministers" => "minister",
        "diplomats" => "diplomat",
        "commanders" => "commander",
        "representatives" => "representative",
        "agents" => "agent",
        "officers" => "officer",
        "lawmakers" => "lawmaker",
        "leaders" => "leader",
        "negotiators" => "negotiator",
        "delegates" => "delegate",
        h => h,
    }
}

/// Finds the role phrases of a text.
pub fn find(words: &[Word], places: &[Place], candidates: &[Candidate]) -> Vec<RolePhrase> {
    let mut place_end = vec![None; words.len()];
    let mut place_start = vec![None; words.len()];
    for (k, p) in places.iter().enumerate() {
        place_end[p.last] = Some(k);
        place_start[p.first] = Some(k);
    }
    let mut cand_start = vec![None; words.len()];
    let mut cand_end = vec![None; words.len()];
    let mut in_cand = vec![false; words.len()];
    for (k, c) in candidates.iter().enumerate() {
        cand_start[c.first] = Some(k);
        cand_end[c.last] = Some(k);
        for slot in &mut in_cand[c.first..=c.last] {
            *slot = true;
        }
    }
    let mut out: Vec<RolePhrase> = Vec::new();
    for h in 0..words.len() {
        let w = &words[h];
        if !is_role_head(&w.lower) || in_cand[h] {
            continue;
        }
        if matches!(w.lower.as_str(), "general" | "gen" | "head" | "chief") && !w.cap {
            continue;
        }
        let sentence = w.sentence;
        let same = |k: usize| words[k].sentence == sentence;
        // Walk left over modifiers to the country anchor and the determiner.
        let mut first = h;
        let mut role_first = h;
        let mut country = None;
        let mut former = false;
        let mut k = h;
        let mut anchored = false;
        while k > 0 && same(k - 1) && words[k].clean_before {
            let prev = &words[k - 1];
            if !anchored && let Some(p) = place_end[k - 1] {
                let place = &places[p];
                let affiliation = prev.possessive
                    || matches!(place.via, Via::Demonym)
                    || (place.first == place.last && adjectival_abbreviation(prev));
                if affiliation {
                    country = Some(place.code);
                    anchored = true;
                    k = place.first;
                    first = k;
                    continue;
                }
                break;
            }
            if prev.possessive {
                break;
            }
            if DETERMINERS.contains(&prev.lower.as_str()) && !prev.cap {
                first = k - 1;
                break;
            }
            if is_role_modifier(&prev.lower) || is_title(&prev.lower) || prev.lower == "ex" {
                if prev.lower == "former" || prev.lower == "ex" {
                    former = true;
                }
                k -= 1;
                first = k;
                if !anchored {
                    role_first = k;
                }
                continue;
            }
            break;
        }
        // Right: `of [the] Country`, `to [the] United Nations`.
        let mut last = h;
        let mut k = h + 1;
        if k < words.len() && same(k) && words[k].clean_before && matches!(words[k].lower.as_str(), "of" | "to") {
            let is_of = words[k].lower == "of";
            let mut m = k + 1;
            if m < words.len() && words[m].lower == "the" && words[m].clean_before {
                m += 1;
            }
            if m < words.len() && same(m) && words[m].clean_before {
                if let Some(p) = place_start[m] {
                    if is_of && country.is_none() {
                        country = Some(places[p].code);
                    }
                    last = places[p].last;
                } else if words[m].cap || words[m].lower == "u.n." {
                    let mut e = m;
                    while e + 1 < words.len()
                        && same(e + 1)
                        && words[e + 1].clean_before
                        && words[e + 1].cap
                        && e < m + 4
                    {
                        e += 1;
                    }
                    if !is_of {
                        last = e;
                    }
                }
            }
            k = last + 1;
        }
        let _ = k;
        let foreign = country.is_none() && (role_first..h).any(|m| words[m].lower == "foreign");
        // Names: `President Vladimir Putin`, `the ambassador, Amir Saeid Iravani,`, `Zelensky, the president`.
        let mut name = None;
        if h + 1 < words.len()
            && (w.cap || w.dot_after)
            && last == h
            && let Some(c) = cand_start[h + 1]
            && (words[h + 1].clean_before || w.dot_after)
        {
            name = Some(c);
        }
        if name.is_none()
            && last + 1 < words.len()
            && same(last + 1)
            && words[last + 1].comma_before
            && let Some(c) = cand_start[last + 1]
            && candidates[c].kind != crate::spans::Kind::Organization
        {
            name = Some(c);
        }
        if name.is_none()
            && first > 0
            && words[first].comma_before
            && let Some(c) = cand_end[first - 1]
            && candidates[c].kind != crate::spans::Kind::Organization
        {
            name = Some(c);
        }
        out.push(RolePhrase {
            first,
            last,
            head: h,
            role: (role_first, last),
            country,
            resolved: false,
            foreign,
            former,
            name,
        });
    }
    resolve(words, &mut out);
    out
}

/// `the ambassador` after `Iran's ambassador`: the country of the earlier
/// phrases with the same head, when they all agree.
fn resolve(words: &[Word], phrases: &mut [RolePhrase]) {
    for i in 0..phrases.len() {
        let definite = words[phrases[i].first].lower == "the" && phrases[i].first + 1 == phrases[i].role.0;
        let head = singular(&words[phrases[i].head].lower).to_owned();
        let plural = singular(&words[phrases[i].head].lower) != words[phrases[i].head].lower;
        if plural {
            continue;
        }
        let earlier: Vec<usize> = (0..phrases.len())
            .filter(|&j| j != i && phrases[j].country.is_some())
            .filter(|&j| singular(&words[phrases[j].head].lower) == head)
            .filter(|&j| phrases[j].country == phrases[i].country || phrases[i].country.is_none())
            .collect();
        if phrases[i].country.is_none() && definite {
            let countries: Vec<_> = earlier.iter().filter(|&&j| j < i).map(|&j| phrases[j].country).collect();
            if !countries.is_empty() && countries.iter().all(|c| *c == countries[0]) {
                phrases[i].country = countries[0];
                phrases[i].resolved = true;
            }
        }
    }
}

/// The singular head of a phrase (`officials` → `official`, `Gen.` → `general`).
pub fn head_word(words: &[Word], p: &RolePhrase) -> String {
    singular(&words[p.head].lower).to_owned()
}
