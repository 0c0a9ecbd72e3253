//! Contacts of a subject: sentences in which the subject meets, calls, talks
//! to or is in contact with a counterpart.
//!
//! The rules work on parties (names, role phrases and places, as word
//! ranges) and on trigger words (`met`, `meeting`, `call`, `communication`,
//! `contacts`, `relationship`...):
//!
//! - **forward**: a trigger followed by its counterpart, `met (with) X`,
//!   `a phone call with X`, `in covert communication with X`, `interactions
//!   with X`, in a sentence that refers to the subject (by name, surname or a
//!   pronoun whose antecedent is the subject); a noun trigger takes its
//!   counterpart only after `with`;
//! - **backward**: `X met (with) SUBJECT`, `X persuaded SUBJECT`.
//!
//! A pronoun (`he`, `his`, `she`, `her`) refers to the subject when the last
//! person named before it, in its sentence or the two before, is the subject.

use crate::lexicon::{ContactKind, PRONOUNS, TriggerForm, trigger};
use crate::words::{Sentence, Word};

/// Something that can take part in a contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// First word.
    pub first: usize,
    /// Last word (inclusive).
    pub last: usize,
    /// It refers to the subject.
    pub subject: bool,
    /// A person (for pronoun antecedents).
    pub person: bool,
    /// A place (a counterpart only after `with` or `to`, and only as a noun:
    /// `talks with Iran`, not `meetings with Iranian figures`).
    pub place: bool,
    /// For a place: it is used as an adjective or noun adjunct.
    pub modifier: bool,
}

/// One contact found: sentence index, counterpart party index, kind, trigger word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    /// The sentence.
    pub sentence: usize,
    /// The counterpart, an index into the parties.
    pub counterpart: usize,
    /// What kind of contact.
    pub kind: ContactKind,
    /// The trigger word.
    pub trigger: usize,
}

const ADVERBS: &[&str] = &[
    "directly",
    "personally",
    "privately",
    "secretly",
    "covertly",
    "reportedly",
    "frequently",
    "regularly",
    "twice",
    "again",
    "repeatedly",
    "also",
    "allegedly",
    "briefly",
    "later",
    "once",
    "recently",
    "then",
];
const FILLERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "several", "senior", "top", "leading", "two", "three", "one",
    "some",
];

/// Finds the subject's contacts; `parties` must be sorted by `first`.
pub fn find(words: &[Word], sentences: &[Sentence], parties: &[Party]) -> Vec<Contact> {
    let mut starts = vec![None; words.len()];
    let mut ends = vec![None; words.len()];
    let mut inside = vec![None; words.len()];
    for (k, p) in parties.iter().enumerate() {
        if starts[p.first].is_none() {
            starts[p.first] = Some(k);
        }
        // The longest party ending at a word (an official's phrase over the place in it).
        if ends[p.last].is_none_or(|e: usize| parties[e].first > p.first) {
            ends[p.last] = Some(k);
        }
        for slot in &mut inside[p.first..=p.last] {
            if slot.is_none() {
                *slot = Some(k);
            }
        }
    }
    // Words that refer to the subject: its names and pronouns with the subject as antecedent.
    let mut subject_word = vec![false; words.len()];
    let mut last_person: Option<(usize, bool)> = None; // (sentence, is subject)
    for (i, w) in words.iter().enumerate() {
        if let Some(k) = starts[i] {
            let p = &parties[k];
            if p.subject {
                for slot in &mut subject_word[p.first..=p.last] {
                    *slot = true;
                }
            }
            if p.person || p.subject {
                last_person = Some((w.sentence, p.subject));
            }
        }
        if inside[i].is_none()
            && PRONOUNS.contains(&w.lower.as_str())
            && last_person.is_some_and(|(s, subj)| subj && w.sentence <= s + 2)
        {
            subject_word[i] = true;
        }
    }
    let mut out: Vec<Contact> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if !(s.first..s.last).any(|i| subject_word[i]) {
            continue;
        }
        for t in s.first..s.last {
            let Some((mut kind, form)) = trigger(&words[t].lower) else { continue };
            if inside[t].is_some() {
                continue;
            }
            if t > s.first && matches!(words[t - 1].lower.as_str(), "phone" | "video" | "telephone" | "zoom") {
                kind = ContactKind::Call;
            }
            // Forward.
            let mut m = t + 1;
            while m < s.last && ADVERBS.contains(&words[m].lower.as_str()) {
                m += 1;
            }
            let prep = m < s.last && matches!(words[m].lower.as_str(), "with" | "to");
            if prep {
                m += 1;
            }
            let mut found = None;
            if prep || form == TriggerForm::Verb {
                let mut k = m;
                while k < s.last && k < m + 3 {
                    if let Some(p) = starts[k] {
                        found = Some(p);
                        break;
                    }
                    if !FILLERS.contains(&words[k].lower.as_str()) {
                        break;
                    }
                    k += 1;
                }
            }
            let subject_before = (s.first..t).any(|i| subject_word[i]);
            let forward_ok = |p: usize| {
                let party = &parties[p];
                !party.subject
                    && (!party.place || (prep && !party.modifier))
                    && (form == TriggerForm::Noun || prep || subject_before)
                    && (s.first..s.last).any(|i| subject_word[i] && !(party.first..=party.last).contains(&i))
            };
            if let Some(p) = found.filter(|&p| forward_ok(p)) {
                push(&mut out, Contact { sentence: si, counterpart: p, kind, trigger: t });
                continue;
            }
            // Backward: `X met (with) SUBJECT`.
            if form == TriggerForm::Verb && t > s.first {
                let mut b = t - 1;
                while b > s.first && ADVERBS.contains(&words[b].lower.as_str()) {
                    b -= 1;
                }
                let mut a = t + 1;
                if a < s.last && matches!(words[a].lower.as_str(), "with" | "to") {
                    a += 1;
                }
                // The subject follows within a few words (`met a European arms dealer, Marco Bellini`).
                let subject_after = (a..s.last.min(a + 7)).any(|i| subject_word[i]);
                if let Some(p) = ends[b]
                    && !parties[p].subject
                    && !parties[p].place
                    && a < s.last
                    && subject_after
                {
                    push(&mut out, Contact { sentence: si, counterpart: p, kind, trigger: t });
                }
            }
        }
    }
    out
}

fn push(out: &mut Vec<Contact>, c: Contact) {
    if !out.iter().any(|o| o.sentence == c.sentence && o.counterpart == c.counterpart) {
        out.push(c);
    }
}
