//! Candidate names in running text: capitalised runs of words (with name
//! particles such as `bin`, `al`, `von`), all-capital names, `SURNAME, Given`,
//! and runs of Cyrillic or Arabic words, cut at jurisdictions, titles and
//! sentence-initial common words.
//!
//! A candidate carries its word range, its byte span, the title printed
//! before it (`Gen.`, `President`), and its kind: a person when a title or a
//! role precedes it, an organisation when it holds an organisation word
//! (`Bank`, `Council`, `Corps`), else unknown.

use std::collections::HashSet;
use std::hash::BuildHasher;

use crate::lexicon::{ORG_CONNECTORS, is_not_name, is_org_word, is_particle, is_role_modifier, is_title};
use crate::places::Place;
use crate::words::{Script, Tokens, Word};

/// What a candidate name seems to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person (a title or role precedes it, or it is a surname of one).
    Person,
    /// An organisation (it holds an organisation word).
    Organization,
    /// Nothing says which.
    Unknown,
}

/// A candidate name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First word index.
    pub first: usize,
    /// Last word index (inclusive).
    pub last: usize,
    /// Byte offset of the first word.
    pub start: usize,
    /// Byte offset after the last word (without a possessive ending).
    pub end: usize,
    /// The title printed before it (`Gen`, `President`), lower case.
    pub title: Option<String>,
    /// What it seems to name.
    pub kind: Kind,
    /// The first word starts its sentence.
    pub sentence_initial: bool,
    /// Its sentence is a headline (most words capitalised).
    pub headline: bool,
    /// Printed `SURNAME, Given`.
    pub comma_form: bool,
}

impl Candidate {
    /// The number of words.
    pub fn len(&self) -> usize {
        self.last + 1 - self.first
    }

    /// Always false: a candidate has at least one word.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Whether a word may be part of a name by itself.
fn is_name_word(w: &Word) -> bool {
    match w.script {
        Script::Arabic => !w.lower.is_empty(),
        Script::Digits | Script::Other => false,
        _ => {
            // Most words are not capitalised: that is tested first.
            if !w.cap {
                return false;
            }
            let not_a_name = is_not_name(&w.lower)
                || !w.lower.chars().any(|c| c.is_alphabetic())
                || w.lower.contains('.')
                || (w.upper && w.lower.contains('-'));
            !not_a_name || (w.dot_after && w.lower.chars().count() == 1)
        }
    }
}

/// Finds the candidate names of a text. `places` are the jurisdictions
/// found in it; `lower_vocab` holds the words the text prints in lower case
/// (a sentence-initial word among them is an ordinary word, not a name).
pub fn candidates<S: BuildHasher>(tokens: &Tokens, places: &[Place], lower_vocab: &HashSet<&str, S>) -> Vec<Candidate> {
    let words = &tokens.words;
    let mut place_at = vec![None; words.len()];
    for (k, p) in places.iter().enumerate() {
        for slot in &mut place_at[p.first..=p.last] {
            *slot = Some(k);
        }
    }
    let mut out = Vec::new();
    for s in &tokens.sentences {
        let caps = words[s.first..s.last].iter().filter(|w| w.cap).count();
        let headline = s.last - s.first >= 3 && caps * 10 >= (s.last - s.first) * 6;
        let mut i = s.first;
        while i < s.last {
            if !is_name_word(&words[i]) && place_at[i].is_none() {
                i += 1;
                continue;
            }
            // The capitalised run from i.
            let mut j = i;
            let mut comma_at = None;
            loop {
                if words[j].possessive {
                    break;
                }
                let k = j + 1;
                if k >= s.last {
                    break;
                }
                let wk = &words[k];
                if wk.clean_before && (is_name_word(wk) || place_at[k].is_some()) {
                    j = k;
                    continue;
                }
                // `SURNAME, Given`.
                if (j == i || (j > i && ORG_CONNECTORS.contains(&words[j - 1].lower.as_str())))
                    && comma_at.is_none()
                    && words[j].upper
                    && !is_not_name(&words[j].lower)
                    && wk.comma_before
                    && wk.cap
                    && !wk.upper
                    && is_name_word(wk)
                {
                    comma_at = Some(j);
                    j = k;
                    continue;
                }
                // Particles and connectors between name words.
                let joiner = is_particle(&wk.lower) || ORG_CONNECTORS.contains(&wk.lower.as_str());
                if wk.clean_before && !wk.cap && joiner {
                    let mut m = k + 1;
                    while m < s.last && !words[m].cap && is_particle(&words[m].lower) && words[m].clean_before {
                        m += 1;
                    }
                    if m < s.last && words[m].clean_before && (is_name_word(&words[m]) || place_at[m].is_some()) {
                        j = m;
                        continue;
                    }
                }
                break;
            }
            split_run(words, i, j, &place_at, places, lower_vocab, s.first, headline, comma_at, &mut out);
            i = j + 1;
        }
    }
    out
}

/// Cuts one capitalised run into candidates.
#[allow(clippy::too_many_arguments)]
fn split_run<S: BuildHasher>(
    words: &[Word],
    i: usize,
    j: usize,
    place_at: &[Option<usize>],
    places: &[Place],
    lower_vocab: &HashSet<&str, S>,
    sentence_first: usize,
    headline: bool,
    comma_at: Option<usize>,
    out: &mut Vec<Candidate>,
) {
    let has_org_word = (i..=j).any(|k| is_org_word(&words[k].lower) && words[k].cap);
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut from = i;
    let mut k = i;
    while k <= j {
        if let Some(p) = place_at[k] {
            let place = &places[p];
            // A jurisdiction inside an organisation's name (`Central Bank of
            // Iran`, `National Iranian Oil Company`) stays in the name.
            let org_after = (place.last + 1..=j).any(|m| is_org_word(&words[m].lower) && words[m].cap);
            let after_of = k > i && matches!(words[k - 1].lower.as_str(), "of" | "for");
            if has_org_word && (org_after || after_of) {
                k = place.last + 1;
                continue;
            }
            if from < k {
                pieces.push((from, k - 1));
            }
            k = place.last.max(k) + 1;
            from = k;
            continue;
        }
        k += 1;
    }
    if from <= j {
        pieces.push((from, j));
    }
    for (a, b) in pieces {
        // Connectors only hold an organisation's name together.
        let org = (a..=b).any(|m| is_org_word(&words[m].lower) && words[m].cap);
        let mut parts = vec![(a, b)];
        if !org {
            parts.clear();
            let mut from = a;
            for (m, word) in words.iter().enumerate().take(b + 1).skip(a) {
                if ORG_CONNECTORS.contains(&word.lower.as_str()) && !word.cap {
                    if from < m {
                        parts.push((from, m - 1));
                    }
                    from = m + 1;
                }
            }
            if from <= b {
                parts.push((from, b));
            }
        }
        for (x, y) in parts {
            let (mut x, mut y) = (x, y);
            let mut title: Option<(usize, String)> = None;
            // Leading titles and sentence-initial ordinary words.
            while x <= y {
                let w = &words[x];
                if is_title(&w.lower) && !w.possessive {
                    title = Some((x, w.lower.clone()));
                    x += 1;
                } else if (x == sentence_first && is_ordinary(w, lower_vocab)) || !is_name_word(w) {
                    x += 1;
                } else {
                    break;
                }
            }
            while y >= x && y > 0 && !is_name_word(&words[y]) {
                y -= 1;
            }
            if x > y {
                continue;
            }
            // A title inside: `Foreign Minister Sergei Lavrov`, `Deputy Prime Minister Alexander Novak`.
            if !org && let Some(t) = (x + 1..y).rev().find(|&m| is_title(&words[m].lower) && !words[m].possessive) {
                let all_roles = (x..t).all(|m| is_role_modifier(&words[m].lower) || is_title(&words[m].lower));
                if !all_roles {
                    out.push(Candidate {
                        first: x,
                        last: t - 1,
                        start: words[x].start,
                        end: words[t - 1].end,
                        title: None,
                        kind: Kind::Unknown,
                        sentence_initial: x == sentence_first,
                        headline,
                        comma_form: false,
                    });
                }
                title = Some((t, words[t].lower.clone()));
                x = t + 1;
            }
            let titled = title.as_ref().is_some_and(|(t, _)| t + 1 == x);
            let kind = if org {
                Kind::Organization
            } else if titled
                || (x > 0
                    && is_title(&words[x - 1].lower)
                    && !words[x - 1].possessive
                    && (words[x].clean_before || words[x - 1].dot_after))
            {
                Kind::Person
            } else {
                Kind::Unknown
            };
            out.push(Candidate {
                first: x,
                last: y,
                start: words[x].start,
                end: words[y].end,
                title: title.filter(|_| titled).map(|(_, t)| t),
                kind,
                sentence_initial: x == sentence_first,
                headline,
                comma_form: comma_at == Some(x) && y > x,
            });
        }
    }
}
/// A capitalised word at a sentence start that is an ordinary word: printed
/// in lower case elsewhere in the text, or a function word.
fn is_ordinary<S: BuildHasher>(w: &Word, lower_vocab: &HashSet<&str, S>) -> bool {
    is_not_name(&w.lower) || (!w.upper && lower_vocab.contains(w.lower.as_str()))
}

/// The text of a candidate as a name: its words joined by single spaces, a
/// comma kept after the surname of `SURNAME, Given`.
pub fn name_text(c: &Candidate, words: &[Word], text: &str) -> String {
    let mut out = String::new();
    for k in c.first..=c.last {
        if k > c.first {
            if c.comma_form && k == c.first + 1 {
                out.push(',');
            }
            out.push(' ');
        }
        out.push_str(&text[words[k].start..words[k].end]);
    }
    out
}

#[cfg(test)]
mod tests {
    //! 1. Titles, jurisdictions and ordinary sentence starts are cut off.
    //! 2. Particles and `SURNAME, Given` stay in one name.
    //! 3. Organisation names keep their connectors and inner countries.
    use super::*;
    use crate::places;
    use crate::words::tokenize;

    fn names(text: &str) -> Vec<String> {
        let t = tokenize(text);
        let p = places::find(&t.words, text, &mut std::collections::HashMap::new());
        let vocab: HashSet<&str> = t.words.iter().filter(|w| !w.cap).map(|w| w.lower.as_str()).collect();
        candidates(&t, &p, &vocab)
            .iter()
            .map(|c| format!("{}{}", name_text(c, &t.words, text), if c.kind == Kind::Person { "/P" } else { "" }))
            .collect()
    }

    #[test]
    fn titles_inside_runs() {
        assert_eq!(
            names("He met Foreign Minister Sergei Lavrov and Deputy Prime Minister Alexander Novak."),
            ["Sergei Lavrov/P", "Alexander Novak/P"]
        );
    }

    #[test]
    fn titles_and_places_cut() {
        assert_eq!(
            names("Russian President Vladimir Putin met Iranian Gen. Qassim Suleimani."),
            ["Vladimir Putin/P", "Qassim Suleimani/P"]
        );
    }

    #[test]
    fn particles_and_comma_form() {
        assert_eq!(
            names("They saw Osama bin Laden and PUTIN, Vladimir Vladimirovich today."),
            ["Osama bin Laden", "PUTIN, Vladimir Vladimirovich"]
        );
    }

    #[test]
    fn organisations() {
        assert_eq!(
            names("He joined the Council on Foreign Relations and the Central Bank of Iran."),
            ["Council on Foreign Relations", "Central Bank of Iran"]
        );
    }

    #[test]
    fn sentence_starts() {
        assert_eq!(names("Magnates like David Rockefeller were magnates."), ["David Rockefeller"]);
        assert_eq!(names("Putin's friend spoke."), ["Putin"]);
    }

    #[test]
    fn other_scripts() {
        assert_eq!(names("Вчера Владимир Путин и محمد بن سلمان говорили."), ["Вчера Владимир Путин", "محمد بن سلمان"]);
    }
}
