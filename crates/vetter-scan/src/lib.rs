//! Free-text scanning: which listed people and organisations, which
//! sanctioned jurisdictions, which foreign officials and which contacts of a
//! subject a news article, report or meeting memo mentions.
//!
//! [`Scanner::scan`] runs these steps on one document:
//!
//! 1. [`words`]: words and sentences with byte spans; possessives are taken
//!    off (`Putin's`), `U.S.` is one word, `Gen.` ends no sentence.
//! 2. [`places`]: countries, demonyms, capitals and metonyms (`Iranian`,
//!    `Tehran`, `the Kremlin`, `the Islamic Republic`) with their ISO code and
//!    the programs of the loaded lists that target them.
//! 3. [`spans`]: candidate names (capitalised runs with particles,
//!    `SURNAME, Given`, Cyrillic and Arabic runs), cut at titles and places.
//! 4. [`link`]: each full name is screened against the lists (a postings
//!    prefilter, `Engine::screen_entities` on the entities sharing two of its
//!    words, then a stricter test for prose); a later
//!    surname refers to the earlier full name of the same document; a surname
//!    with no earlier full name is linked to nothing.
//! 5. [`roles`]: officials described by their role, with their country and,
//!    where printed, their name.
//! 6. [`contacts`]: with a subject, every sentence in which the subject meets,
//!    calls or communicates with a counterpart.
//!
//! Spans are byte offsets into the UTF-8 text given to [`Scanner::scan`].
//!
//! ```no_run
//! use vetter_engine::{Engine, OpenOptions};
//! let (engine, _) = Engine::open(&OpenOptions::new("data/lists")).unwrap();
//! let mut scanner = vetter_scan::Scanner::new(&engine);
//! let report = scanner.scan("Elon Musk met Russian President Vladimir Putin.", Some("Elon Musk"));
//! assert_eq!(report.mentions[0].entity.caption, "PUTIN, Vladimir Vladimirovich");
//! assert_eq!(report.interactions[0].counterpart, "Vladimir Putin");
//! ```

pub mod contacts;
pub mod input;
pub mod lexicon;
pub mod link;
pub mod places;
pub mod roles;
pub mod spans;
pub mod words;

use std::collections::{HashMap, HashSet};

pub use lexicon::ContactKind;
pub use link::{EntityRef, Link, LinkStats, Linker};
pub use places::{ProgramTable, Via};
pub use spans::Kind;
use vetter_engine::Engine;
use vetter_model::country;

/// A mention of a listed entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mention {
    /// The text as printed (without a possessive ending).
    pub text: String,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The full name the mention stands for (`Vladimir Putin` for a later `Putin`).
    pub name: String,
    /// `name` (the full name), `surname` (a later reference to an earlier full name) or `word` (a one-word organisation name).
    pub via: String,
    /// The listed entity.
    pub entity: EntityRef,
    /// The screening score of the full name.
    pub score: f64,
    /// The listed name that matched.
    pub matched_name: String,
    /// Why.
    pub explanation: String,
    /// Other entities the name matches as well (records the lists did not merge).
    pub also: Vec<String>,
}

/// A person or organisation the text names, listed or not, with how often.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Named {
    /// The fullest form printed.
    pub name: String,
    /// Person, organization or unknown.
    pub kind: Kind,
    /// Byte span of the first mention.
    pub start: usize,
    /// End of the first mention.
    pub end: usize,
    /// Number of mentions.
    pub mentions: usize,
    /// The listed entity, if any.
    pub entity: Option<String>,
    /// Its caption.
    pub caption: Option<String>,
    /// Its risk label.
    pub risk: Option<String>,
    /// Roles the text gives it (`President`, `ambassador to the United Nations`).
    pub roles: Vec<String>,
    /// It is the subject given with `--subject`.
    pub subject: bool,
}

/// A jurisdiction named in the text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Jurisdiction {
    /// ISO 3166 code (lower case; `ua-cri` for Crimea).
    pub country: String,
    /// English short name.
    pub country_name: String,
    /// The text as printed.
    pub text: String,
    /// Byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Name, demonym, capital or metonym.
    pub via: Via,
    /// Programs of the loaded lists that target the country, most entities first.
    pub programs: Vec<String>,
}

/// An official described by role.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Official {
    /// The phrase as printed (with the name, when it is printed beside it).
    pub text: String,
    /// Byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The role (`ambassador to the United Nations`, `deputy defence minister`).
    pub role: String,
    /// The country the official serves (ISO code); `null` for `foreign officials`.
    pub country: Option<String>,
    /// The country's name.
    pub country_name: Option<String>,
    /// The official's name, when the text gives it.
    pub name: Option<String>,
    /// The listed entity of that name, if any.
    pub entity: Option<String>,
    /// Its risk label.
    pub risk: Option<String>,
    /// A former holder of the role.
    pub former: bool,
    /// The country or name comes from another phrase about the same official.
    pub resolved: bool,
}

/// A contact of the subject.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Interaction {
    /// The subject as given.
    pub subject: String,
    /// The counterpart: a name, or the role phrase when no name is known.
    pub counterpart: String,
    /// The counterpart's role, when it is an official.
    pub counterpart_role: Option<String>,
    /// The counterpart's country, when it is an official or a state.
    pub counterpart_country: Option<String>,
    /// The counterpart's listed entity, if any.
    pub counterpart_entity: Option<String>,
    /// Its risk label.
    pub counterpart_risk: Option<String>,
    /// Meeting, call, communication or other.
    pub kind: ContactKind,
    /// The word that reports the contact.
    pub trigger: String,
    /// The sentence.
    pub sentence: String,
    /// Byte offset of the sentence.
    pub start: usize,
    /// End byte offset of the sentence.
    pub end: usize,
}

/// Everything found in one document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Report {
    /// Mentions of listed entities.
    pub mentions: Vec<Mention>,
    /// Jurisdictions.
    pub jurisdictions: Vec<Jurisdiction>,
    /// Officials described by role.
    pub officials: Vec<Official>,
    /// Contacts of the subject.
    pub interactions: Vec<Interaction>,
    /// Every person and organisation named, listed or not.
    pub names: Vec<Named>,
    /// Words scanned.
    pub words: usize,
}

/// A person or organisation named in one document, with every mention.
#[derive(Debug, Clone)]
struct Cluster {
    name: String,
    tokens: Vec<String>,
    surname: String,
    kind: Kind,
    link: Option<Link>,
    start: usize,
    end: usize,
    count: usize,
    subject: bool,
    roles: Vec<String>,
}

/// Scans documents against one engine; remembers the names it has looked up.
#[derive(Debug)]
pub struct Scanner<'e> {
    engine: &'e Engine,
    programs: ProgramTable,
    linker: Linker,
    countries: HashMap<String, Option<&'static str>, lexicon::BuildWordHasher>,
    /// The last document's words, whose memory the next one reuses.
    tokens: words::Tokens,
}

impl<'e> Scanner<'e> {
    /// A scanner over `engine`, with the program table read from its lists.
    pub fn new(engine: &'e Engine) -> Scanner<'e> {
        Scanner::with_programs(engine, ProgramTable::from_engine(engine))
    }

    /// A scanner with a program table already built (to share it between threads).
    pub fn with_programs(engine: &'e Engine, programs: ProgramTable) -> Scanner<'e> {
        Scanner {
            engine,
            programs,
            linker: Linker::default(),
            countries: HashMap::default(),
            tokens: words::Tokens::default(),
        }
    }

    /// The program table.
    pub fn programs(&self) -> &ProgramTable {
        &self.programs
    }

    /// How much linking work was done so far.
    pub fn stats(&self) -> LinkStats {
        self.linker.stats
    }

    /// The linker: to forget the names looked up ([`Linker::forget`]) or to
    /// turn on [`Linker::full_screening`].
    pub fn linker_mut(&mut self) -> &mut Linker {
        &mut self.linker
    }

    /// Scans one document; `subject` turns on contact finding.
    pub fn scan(&mut self, text: &str, subject: Option<&str>) -> Report {
        let mut tokens = std::mem::take(&mut self.tokens);
        words::tokenize_into(text, &mut tokens);
        let report = self.scan_tokens(text, subject, &tokens);
        self.tokens = tokens;
        report
    }

    /// [`Scanner::scan`] of a text split into `tokens`.
    fn scan_tokens(&mut self, text: &str, subject: Option<&str>, tokens: &words::Tokens) -> Report {
        self.linker.start_document();
        let w = &tokens.words;
        let mut lower_vocab: HashSet<&str, lexicon::BuildWordHasher> =
            HashSet::with_capacity_and_hasher(w.len(), Default::default());
        lower_vocab.extend(w.iter().filter(|x| !x.cap && x.script != words::Script::Arabic).map(|x| x.lower.as_str()));
        let places = places::find(w, text, &mut self.countries);
        let mut cands = spans::candidates(tokens, &places, &lower_vocab);
        let subject_tokens: Vec<String> = subject.map(vetter_names::tokens).unwrap_or_default();

        // Clusters: full names, later surnames, one-word organisations.
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut cand_cluster: Vec<usize> = Vec::with_capacity(cands.len());
        let mut via: Vec<&'static str> = Vec::with_capacity(cands.len());
        #[allow(clippy::needless_range_loop)] // `cands[ci]` is replaced inside the loop.
        for ci in 0..cands.len() {
            let c = cands[ci].clone();
            let name = spans::name_text(&c, w, text);
            let toks = vetter_names::tokens(&name);
            if toks.is_empty() {
                cand_cluster.push(usize::MAX);
                via.push("");
                continue;
            }
            // A shorter form of an earlier name: `Putin`, `Ben Taleblu`, `Mr. Musk`.
            let earlier = clusters.iter().rposition(|k| {
                k.kind != Kind::Organization
                    && c.kind != Kind::Organization
                    && k.tokens.len() > toks.len()
                    && (if toks.len() == 1 {
                        toks[0] == k.surname || toks[0] == *k.tokens.last().unwrap_or(&k.surname)
                    } else {
                        toks.iter().all(|t| k.tokens.contains(t))
                    })
            });
            let same = clusters.iter().rposition(|k| k.tokens == toks);
            if let Some(k) = earlier.or(same) {
                clusters[k].count += 1;
                cand_cluster.push(k);
                via.push(if Some(k) == same { "name" } else { "surname" });
                if let Some(t) = &c.title {
                    push_role(&mut clusters[k].roles, t);
                }
                continue;
            }
            if c.len() == 1 && (c.sentence_initial || c.headline) && c.kind != Kind::Person {
                cand_cluster.push(usize::MAX);
                via.push("");
                continue;
            }
            let mut link = None;
            let mut windowed = false;
            if c.len() == 1 {
                let w0 = &w[c.first];
                let plain_word = lower_vocab.contains(w0.lower.as_str());
                let acronym = w0.upper && w0.lower.chars().count() <= 3;
                if c.kind != Kind::Person && !c.sentence_initial && !c.headline && !plain_word && !acronym {
                    link = self.linker.link(self.engine, &name, c.kind, 1);
                }
            } else {
                link = self.linker.link(self.engine, &name, c.kind, c.len());
                // `Вчера Владимир Путин`, an Arabic sentence: a name inside a longer run.
                let other_script = w[c.first].script != words::Script::Latin;
                if link.is_none() && c.len() >= 3 && (c.sentence_initial || other_script) {
                    let sizes = if c.len() <= 12 { (2..c.len()).rev().collect::<Vec<_>>() } else { vec![3, 2] };
                    'windows: for size in sizes {
                        for from in c.first..=c.last + 1 - size {
                            let mut sub = c.clone();
                            sub.first = from;
                            sub.last = from + size - 1;
                            sub.start = w[sub.first].start;
                            sub.end = w[sub.last].end;
                            sub.comma_form = c.comma_form && from == c.first;
                            sub.sentence_initial = c.sentence_initial && from == c.first;
                            let sub_name = spans::name_text(&sub, w, text);
                            if let Some(l) = self.linker.link_window(self.engine, &sub_name, sub.kind, size) {
                                link = Some(l);
                                cands[ci] = sub;
                                windowed = true;
                                break 'windows;
                            }
                        }
                    }
                }
            }
            let c = &cands[ci];
            // A window that linked stands for the run from now on.
            let (name, toks) = if windowed {
                let name = spans::name_text(c, w, text);
                let toks = vetter_names::tokens(&name);
                (name, toks)
            } else {
                (name, toks)
            };
            let family_first = c.comma_form
                || (toks.len() == 2
                    && toks.iter().all(|t| vetter_names::is_pinyin_syllable(&t[..t.len().min(3)]) && t.len() <= 7)
                    && toks[0].len() <= 3);
            let surname = if family_first { toks[0].clone() } else { toks.last().cloned().unwrap_or_default() };
            let is_subject = !subject_tokens.is_empty()
                && c.kind != Kind::Organization
                && toks.iter().all(|t| subject_tokens.contains(t))
                && subject_tokens.last().is_some_and(|s| toks.contains(s));
            let single_link = link.is_some() && c.len() == 1;
            clusters.push(Cluster {
                name: name.clone(),
                tokens: toks,
                surname,
                kind: if link.as_ref().is_some_and(|l| l.entity.schema == vetter_model::Schema::Person) {
                    Kind::Person
                } else if link.is_some() && c.kind == Kind::Unknown {
                    Kind::Organization
                } else {
                    c.kind
                },
                link,
                start: c.start,
                end: c.end,
                count: 1,
                subject: is_subject,
                roles: c.title.iter().cloned().collect(),
            });
            cand_cluster.push(clusters.len() - 1);
            via.push(if single_link { "word" } else { "name" });
        }
        // A single word printed before the full name is the same person, but
        // gets no link from it (the full name must come first).
        for k in 0..clusters.len() {
            if clusters[k].tokens.len() == 1 && clusters[k].link.is_none() {
                let t = clusters[k].tokens[0].clone();
                if let Some(full) =
                    clusters.iter().position(|f| f.tokens.len() > 1 && f.surname == t && f.link.is_none())
                {
                    let n = clusters[k].count;
                    clusters[full].count += n;
                    clusters[k].count = 0;
                    for cc in cand_cluster.iter_mut() {
                        if *cc == k {
                            *cc = full;
                        }
                    }
                }
            }
        }
        for k in &mut clusters {
            if !subject_tokens.is_empty() && k.kind != Kind::Organization && !k.subject {
                k.subject = k.tokens.iter().all(|t| subject_tokens.contains(t))
                    && subject_tokens.last().is_some_and(|s| k.tokens.contains(s));
            }
        }

        // Mentions of listed entities.
        let mut report = Report { words: w.len(), ..Report::default() };
        for (ci, c) in cands.iter().enumerate() {
            let k = cand_cluster[ci];
            if k == usize::MAX {
                continue;
            }
            let cl = &clusters[k];
            let Some(link) = &cl.link else { continue };
            let how = via[ci];
            report.mentions.push(Mention {
                text: text[c.start..c.end].to_owned(),
                start: c.start,
                end: c.end,
                name: cl.name.clone(),
                via: how.to_owned(),
                entity: link.entity.clone(),
                score: link.score,
                matched_name: link.matched_name.clone(),
                also: link.also.clone(),
                explanation: if how == "surname" {
                    format!("refers to \"{}\" at byte {}; {}", cl.name, cl.start, link.explanation)
                } else {
                    link.explanation.clone()
                },
            });
        }

        // Jurisdictions.
        for p in &places {
            let programs = self.programs.programs(p.code).iter().map(|x| x.code.clone()).collect();
            report.jurisdictions.push(Jurisdiction {
                country: p.code.to_owned(),
                country_name: country::country_name(p.code).unwrap_or(p.code).to_owned(),
                text: text[w[p.first].start..w[p.last].end].to_owned(),
                start: w[p.first].start,
                end: w[p.last].end,
                via: p.via,
                programs,
            });
        }

        // Officials.
        let phrases = roles::find(w, &places, &cands);
        let mut phrase_name: Vec<Option<usize>> = phrases.iter().map(|p| p.name.map(|c| cand_cluster[c])).collect();
        let mut phrase_resolved: Vec<bool> = phrases.iter().map(|p| p.resolved).collect();
        // One named official per role and country: unnamed mentions of it get the name.
        for i in 0..phrases.len() {
            if phrase_name[i].is_some() || phrases[i].country.is_none() {
                continue;
            }
            let head = roles::head_word(w, &phrases[i]);
            if head != w[phrases[i].head].lower && w[phrases[i].head].lower != "gen" {
                continue; // plural
            }
            let names: HashSet<usize> = (0..phrases.len())
                .filter(|&j| phrases[j].country == phrases[i].country && roles::head_word(w, &phrases[j]) == head)
                .filter_map(|j| phrase_name[j])
                .collect();
            if names.len() == 1 {
                phrase_name[i] = names.into_iter().next();
                phrase_resolved[i] = true;
            }
        }
        let mut official_party: Vec<Option<usize>> = vec![None; phrases.len()];
        for (i, p) in phrases.iter().enumerate() {
            if p.country.is_none() && !p.foreign {
                continue;
            }
            let (mut a, mut b) = (p.first, p.last);
            if let Some(c) = p.name.map(|c| &cands[c]) {
                a = a.min(c.first);
                b = b.max(c.last);
            }
            let role = text[w[p.role.0].start..w[p.role.1].end].to_owned();
            if let Some(k) = phrase_name[i].filter(|&k| k != usize::MAX) {
                push_role(&mut clusters[k].roles, &role);
                if clusters[k].kind == Kind::Unknown {
                    clusters[k].kind = Kind::Person;
                }
            }
            // Borrowed, not cloned: only its name and its link's id and risk are read.
            let name_cluster = phrase_name[i].filter(|&k| k != usize::MAX).map(|k| &clusters[k]);
            official_party[i] = Some(report.officials.len());
            report.officials.push(Official {
                text: text[w[a].start..w[b].end].to_owned(),
                start: w[a].start,
                end: w[b].end,
                role,
                country: p.country.map(str::to_owned),
                country_name: p.country.and_then(country::country_name).map(str::to_owned),
                name: name_cluster.map(|k| k.name.clone()),
                entity: name_cluster.and_then(|k| k.link.as_ref()).map(|l| l.entity.id.clone()),
                risk: name_cluster.and_then(|k| k.link.as_ref()).map(|l| l.entity.risk.clone()),
                former: p.former,
                resolved: phrase_resolved[i] || p.resolved,
            });
        }

        // Contacts.
        if let Some(subject) = subject {
            enum Who {
                Cand(usize),
                Official(usize),
                Place(usize),
            }
            let mut parties: Vec<(contacts::Party, Who)> = Vec::new();
            for (ci, c) in cands.iter().enumerate() {
                let k = cand_cluster[ci];
                if k == usize::MAX {
                    continue;
                }
                let cl = &clusters[k];
                parties.push((
                    contacts::Party {
                        first: c.first,
                        last: c.last,
                        subject: cl.subject,
                        person: cl.kind != Kind::Organization,
                        place: false,
                        modifier: false,
                    },
                    Who::Cand(k),
                ));
            }
            for (i, p) in phrases.iter().enumerate() {
                let Some(o) = official_party[i] else { continue };
                let (mut a, mut b) = (p.first, p.last);
                if let Some(c) = p.name.map(|c| &cands[c]) {
                    a = a.min(c.first);
                    b = b.max(c.last);
                }
                parties.push((
                    contacts::Party { first: a, last: b, subject: false, person: true, place: false, modifier: false },
                    Who::Official(o),
                ));
            }
            for (i, p) in places.iter().enumerate() {
                let next = w.get(p.last + 1).filter(|x| x.sentence == w[p.last].sentence && x.clean_before);
                let modifier = p.via == Via::Demonym
                    || w[p.last].possessive
                    || next.is_some_and(|x| {
                        x.cap || (x.lower.chars().all(char::is_alphabetic) && !CLAUSE_WORDS.contains(&x.lower.as_str()))
                    });
                parties.push((
                    contacts::Party {
                        first: p.first,
                        last: p.last,
                        subject: false,
                        person: false,
                        place: true,
                        modifier,
                    },
                    Who::Place(i),
                ));
            }
            parties.sort_by(|a, b| a.0.first.cmp(&b.0.first).then(b.0.last.cmp(&a.0.last)));
            let list: Vec<contacts::Party> = parties.iter().map(|(p, _)| p.clone()).collect();
            for found in contacts::find(w, &tokens.sentences, &list) {
                let s = tokens.sentences[found.sentence];
                let (counterpart, role, country_code, entity, risk) = match &parties[found.counterpart].1 {
                    Who::Cand(k) => {
                        let cl = &clusters[*k];
                        let link = cl.link.as_ref();
                        (
                            cl.name.clone(),
                            cl.roles.first().cloned(),
                            None,
                            link.map(|l| l.entity.id.clone()),
                            link.map(|l| l.entity.risk.clone()),
                        )
                    }
                    Who::Official(o) => {
                        let off = &report.officials[*o];
                        let label = off.name.clone().unwrap_or_else(|| off.text.clone());
                        (label, Some(off.role.clone()), off.country.clone(), off.entity.clone(), off.risk.clone())
                    }
                    Who::Place(i) => {
                        let p = &places[*i];
                        (text[w[p.first].start..w[p.last].end].to_owned(), None, Some(p.code.to_owned()), None, None)
                    }
                };
                if report.interactions.iter().any(|x| x.start == s.start && x.counterpart == counterpart) {
                    continue;
                }
                report.interactions.push(Interaction {
                    subject: subject.to_owned(),
                    counterpart,
                    counterpart_role: role,
                    counterpart_country: country_code,
                    counterpart_entity: entity,
                    counterpart_risk: risk,
                    kind: found.kind,
                    trigger: w[found.trigger].lower.clone(),
                    sentence: text[s.start..s.end].to_owned(),
                    start: s.start,
                    end: s.end,
                });
            }
        }

        // Everyone named.
        for k in clusters.into_iter().filter(|k| k.count > 0) {
            report.names.push(Named {
                name: k.name,
                kind: k.kind,
                start: k.start,
                end: k.end,
                mentions: k.count,
                entity: k.link.as_ref().map(|l| l.entity.id.clone()),
                caption: k.link.as_ref().map(|l| l.entity.caption.clone()),
                risk: k.link.as_ref().map(|l| l.entity.risk.clone()),
                roles: k.roles,
                subject: k.subject,
            });
        }
        report
    }
}

/// Words that may follow a country used as a noun (`talks with Iran on ...`).
const CLAUSE_WORDS: &[&str] = &[
    "on", "about", "over", "in", "at", "and", "or", "to", "for", "since", "during", "last", "this", "before", "after",
    "as", "but", "while", "until", "from", "that", "which", "who", "earlier", "later", "recently", "twice", "again",
];

fn push_role(roles: &mut Vec<String>, role: &str) {
    if !roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
        roles.push(role.to_owned());
    }
}

impl Report {
    /// Moves the findings of a later chunk of the same document into this
    /// report; `offset` is the chunk's byte offset in the document.
    pub fn absorb(&mut self, mut other: Report, offset: usize) {
        for m in &mut other.mentions {
            m.start += offset;
            m.end += offset;
        }
        for j in &mut other.jurisdictions {
            j.start += offset;
            j.end += offset;
        }
        for o in &mut other.officials {
            o.start += offset;
            o.end += offset;
        }
        for i in &mut other.interactions {
            i.start += offset;
            i.end += offset;
        }
        for n in &mut other.names {
            n.start += offset;
            n.end += offset;
        }
        self.mentions.append(&mut other.mentions);
        self.jurisdictions.append(&mut other.jurisdictions);
        self.officials.append(&mut other.officials);
        self.interactions.append(&mut other.interactions);
        for n in other.names {
            match self.names.iter_mut().find(|x| x.name == n.name && x.entity == n.entity) {
                Some(x) => x.mentions += n.mentions,
                None => self.names.push(n),
            }
        }
        self.words += other.words;
    }
}
