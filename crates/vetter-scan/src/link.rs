//! Linking a candidate name to a listed entity: a cheap test on the index's
//! postings first, then `Engine::screen`, then a stricter test for prose.
//!
//! 1. **Prefilter.** A name of two or more words is screened only when one
//!    listed entity has at least two of its words (under the postings keys
//!    screening uses: the word, its phonetic key, its consonant skeleton).
//!    Most capitalised runs in news text (people on no list, places, titles
//!    of works) fail this test in microseconds, which is what makes scanning
//!    fast. A single word is linked only when it is the whole name of a
//!    listed organisation (`Hezbollah`), never to a person.
//! 2. **Screening.** `Engine::screen` ranks the candidates and scores them.
//! 3. **Prose test.** Screening is tuned for names typed into a search box and
//!    gives credit for partial overlaps; in prose that would turn `Henry
//!    Ford` into `Harold E. Ford Jr.`. A hit is kept only when every word of
//!    the mention aligns with a word of the listed name (not by initial
//!    alone), at least two words align, and the listed name has no
//!    unaligned word of weight beyond a missing middle name or patronymic.

use std::collections::HashMap;

use vetter_engine::{Engine, Hit, Query};
use vetter_matcher::{Algorithm, compare};
use vetter_model::Schema;
use vetter_names::{NameKind, fold, normalize};

use crate::spans::Kind;

/// A listed entity a mention is linked to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntityRef {
    /// Entity id.
    pub id: String,
    /// Display name.
    pub caption: String,
    /// Schema.
    pub schema: Schema,
    /// Datasets.
    pub datasets: Vec<String>,
    /// Topics.
    pub topics: Vec<String>,
    /// The list records behind it.
    pub sources: Vec<vetter_model::SourceRef>,
    /// `sanctioned`, `sanction-linked`, `PEP`, `crime`, `other`.
    pub risk: String,
    /// Sanctions programs.
    pub programs: Vec<String>,
}

/// A link with its evidence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Link {
    /// The entity.
    pub entity: EntityRef,
    /// The screening score.
    pub score: f64,
    /// The listed name that matched.
    pub matched_name: String,
    /// Why: the name comparison and the prose test.
    pub explanation: String,
    /// Other entities the name matches as well (lists not merged into one entity).
    pub also: Vec<String>,
}

/// Riskiest first: sanctioned, sanction-linked, PEP, crime, other.
pub fn risk_rank(risk: &str) -> u8 {
    match risk {
        "sanctioned" => 0,
        "sanction-linked" => 1,
        "PEP" => 2,
        "crime" => 3,
        _ => 4,
    }
}

impl EntityRef {
    fn from_hit(hit: &Hit) -> EntityRef {
        EntityRef {
            id: hit.id.clone(),
            caption: hit.caption.clone(),
            schema: hit.schema,
            datasets: hit.datasets.clone(),
            topics: hit.topics.clone(),
            sources: hit.sources.clone(),
            risk: hit.risk.clone(),
            programs: hit.programs.clone(),
        }
    }
}

/// Counters of the linker's work, for benchmarks and `--verbose` output.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LinkStats {
    /// Names looked up (cache misses).
    pub looked_up: u64,
    /// Names that passed the prefilter and were screened.
    pub screened: u64,
    /// Names linked.
    pub linked: u64,
}

/// Links names to entities, remembering every answer.
#[derive(Debug, Default)]
pub struct Linker {
    cache: HashMap<(String, Kind), Option<Link>>,
    /// Counters.
    pub stats: LinkStats,
}

/// At most this many remembered names; the cache is cleared when full.
const CACHE_LIMIT: usize = 200_000;

impl Linker {
    /// The entity `name` (a candidate of `kind` with `words` words) denotes, if any.
    pub fn link(&mut self, engine: &Engine, name: &str, kind: Kind, words: usize) -> Option<Link> {
        let key = (fold(name), kind);
        if let Some(hit) = self.cache.get(&key) {
            return hit.clone();
        }
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.stats.looked_up += 1;
        let found = if words == 1 { self.link_word(engine, &key.0) } else { self.link_name(engine, name, kind) };
        if found.is_some() {
            self.stats.linked += 1;
        }
        self.cache.insert(key, found.clone());
        found
    }

    fn link_name(&mut self, engine: &Engine, name: &str, kind: Kind) -> Option<Link> {
        // Screening reads the name with no schema (`MADURO MOROS, Nicolas`
        // scores higher that way than as a Person query); a person-like
        // mention then keeps person hits only.
        let only_persons = kind == Kind::Person;
        let only_orgs = kind == Kind::Organization;
        self.link_schema(engine, name, None, only_persons, only_orgs)
    }

    fn link_schema(
        &mut self,
        engine: &Engine,
        name: &str,
        schema: Option<Schema>,
        only_persons: bool,
        only_orgs: bool,
    ) -> Option<Link> {
        if !prefilter(engine, name, schema.unwrap_or(Schema::LegalEntity)) {
            return None;
        }
        self.stats.screened += 1;
        let query = Query { name: name.to_owned(), schema, ..Query::default() };
        let arabic = name.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
        let passed: Vec<(Hit, String)> = engine
            .screen(&query, 10)
            .into_iter()
            .filter(|h| h.is_match)
            .filter(|h| !only_persons || h.schema == Schema::Person)
            .filter(|h| !only_orgs || h.schema.is_organization())
            .filter_map(|h| prose_test(name, &h, arabic).map(|why| (h, why)))
            .collect();
        let best = passed.first()?.0.score;
        // Lists that were not merged into one entity give near-equal hits:
        // the riskiest is the link, the others are named beside it.
        let near: Vec<&(Hit, String)> = passed.iter().filter(|(h, _)| h.score >= best - 0.03).collect();
        // Ties go to the entity on the most lists.
        let (hit, why) =
            near.iter().min_by_key(|(h, _)| (risk_rank(&h.risk), std::cmp::Reverse(h.datasets.len()))).copied()?;
        let also = near.iter().filter(|(h, _)| h.id != hit.id).map(|(h, _)| h.id.clone()).collect();
        Some(Link {
            entity: EntityRef::from_hit(hit),
            score: hit.score,
            matched_name: hit.matched_name.clone(),
            explanation: format!("{}; {why}", hit.explanation.name),
            also,
        })
    }

    /// A single word is linked only to an organisation (or vessel-free legal
    /// entity) whose whole name it is.
    fn link_word(&mut self, engine: &Engine, folded: &str) -> Option<Link> {
        if folded.len() < 4 || folded.contains(' ') {
            return None;
        }
        let data = engine.index().data();
        let form = normalize(folded, NameKind::Organization);
        let phonetic = form.tokens.first().map(|t| t.phonetic.clone()).unwrap_or_default();
        let exact = data.postings.get(&format!("t:{folded}"));
        let sound = if phonetic.len() >= 2 { data.postings.get(&format!("p:{phonetic}")) } else { &[] };
        if (exact.is_empty() && sound.is_empty()) || exact.len() > 400 || sound.len() > 400 {
            return None;
        }
        self.stats.screened += 1;
        let mut ids: Vec<u32> = exact.iter().chain(sound.iter()).map(|e| e.to_native()).collect();
        ids.sort_unstable();
        ids.dedup();
        let entities: Vec<vetter_model::Entity> = ids.iter().filter_map(|&i| engine.index().entity(i)).collect();
        // A word that names people in the lists (`Assad`) is a surname, not an organisation.
        let has_word =
            |e: &vetter_model::Entity| e.names().any(|(_, n)| vetter_names::tokens(n).iter().any(|t| t == folded));
        let persons = entities.iter().filter(|e| e.schema == Schema::Person && has_word(e)).count();
        let orgs = entities.iter().filter(|e| e.schema.is_organization() && has_word(e)).count();
        if persons > orgs {
            return None;
        }
        let mut best: Option<Link> = None;
        for entity in &entities {
            if !entity.schema.is_organization() {
                continue;
            }
            let whole = entity.names().filter(|(p, _)| *p != vetter_model::Prop::WeakAlias).find_map(|(_, n)| {
                if fold(n) == folded {
                    return Some((n.to_owned(), 1.0, "the word is the whole listed name".to_owned()));
                }
                let c = compare(folded, n, Schema::Organization, Algorithm::Vetter);
                let e = &c.explanation;
                let one = e.aligned.len() == 1
                    && e.aligned[0].similarity >= 0.9
                    && e.unmatched_left.is_empty()
                    && e.unmatched_right.is_empty();
                one.then(|| (n.to_owned(), c.score, format!("one-word name: {}", e.summary)))
            });
            if let Some((matched, score, why)) = whole {
                let topics = entity.topics.clone();
                let link = Link {
                    entity: EntityRef {
                        id: entity.id.clone(),
                        caption: entity.caption.clone(),
                        schema: entity.schema,
                        datasets: entity.datasets().into_iter().map(str::to_owned).collect(),
                        risk: vetter_engine::screen::risk_label(&topics).to_owned(),
                        topics,
                        sources: entity.sources.clone(),
                        programs: entity.get(vetter_model::Prop::Program).to_vec(),
                    },
                    score,
                    matched_name: matched.clone(),
                    explanation: format!("{why} \"{matched}\""),
                    also: Vec::new(),
                };
                // Prefer a sanctioned entity, then the better score, then the first by id.
                let better = best.as_ref().is_none_or(|b| {
                    (risk_rank(&link.entity.risk), -link.score) < (risk_rank(&b.entity.risk), -b.score)
                });
                if let Some(b) = best.as_mut().filter(|_| !better) {
                    b.also.push(link.entity.id.clone());
                } else {
                    let mut link = link;
                    if let Some(b) = best.take() {
                        link.also.push(b.entity.id.clone());
                        link.also.extend(b.also);
                    }
                    best = Some(link);
                }
            }
        }
        best
    }
}

/// True when one listed entity has at least two of the name's words.
fn prefilter(engine: &Engine, name: &str, schema: Schema) -> bool {
    let kind = vetter_matcher::name_kind(schema);
    let form = normalize(name, if kind == NameKind::Any { NameKind::Person } else { kind });
    let data = engine.index().data();
    let arabic = name.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
    let mut sets: Vec<Vec<u32>> = Vec::new();
    for t in form.tokens.iter().take(vetter_matcher::MAX_TOKENS) {
        if t.generic || t.initial {
            continue;
        }
        let mut set: Vec<u32> = Vec::new();
        // Consonant skeletons collide often (`hnr`); they are keys for Arabic script only.
        for (tag, key) in [("t:", &t.text), ("p:", &t.phonetic), ("s:", &t.skeleton)] {
            if key.len() + tag.len() < 4 || (tag == "s:" && !arabic) {
                continue;
            }
            set.extend(data.postings.get(&format!("{tag}{key}")).iter().map(|e| e.to_native()));
        }
        set.sort_unstable();
        set.dedup();
        sets.push(set);
    }
    if sets.len() < 2 {
        return false;
    }
    sets.sort_by_key(Vec::len);
    let (smallest, rest) = sets.split_first().expect("at least two sets");
    smallest.iter().take(50_000).any(|e| rest.iter().any(|s| s.binary_search(e).is_ok()))
}

/// The prose test of a hit (see the module docs): `Some(reason)` when it passes.
fn prose_test(mention: &str, hit: &Hit, arabic: bool) -> Option<String> {
    let schema = if hit.schema == Schema::Person { Schema::Person } else { hit.schema };
    let c = compare(mention, &hit.matched_name, schema, Algorithm::Vetter);
    let e = &c.explanation;
    if e.identical {
        return Some("same name".to_owned());
    }
    // A consonant skeleton is evidence for scripts written without vowels only.
    let strong =
        |r: &str| matches!(r, "exact" | "variant" | "spelling" | "sound" | "fused") || (arabic && r == "skeleton");
    if !arabic && e.aligned.iter().any(|a| a.reason == "skeleton") {
        return None;
    }
    // Organisations: every word the same or a known variant (`Two words
    // fused into one` and loose spellings are evidence for people only).
    if hit.schema != Schema::Person
        && e.aligned.iter().any(|a| !matches!(a.reason.as_str(), "exact" | "variant") || a.similarity < 0.95)
    {
        return None;
    }
    let aligned_left: Vec<&str> = e.aligned.iter().flat_map(|a| a.left.split(' ')).collect();
    let strong_pairs = e.aligned.iter().filter(|a| strong(&a.reason) && a.similarity >= 0.8).count();
    // Every word of the mention aligns (particles aside).
    for t in &e.left_tokens {
        let particle = crate::lexicon::is_particle(t);
        if !particle && !aligned_left.contains(&t.as_str()) {
            return None;
        }
    }
    if e.aligned.iter().any(|a| a.reason == "initial" && a.left.len() > 1) {
        return None;
    }
    if strong_pairs < 2 && !(strong_pairs == 1 && e.aligned.iter().any(|a| a.reason == "fused")) {
        return None;
    }
    // The listed name keeps nothing heavier than a middle name or patronymic.
    let left_over: f64 = e.unmatched_right.iter().map(|u| u.weight).sum();
    let limit = if hit.schema == Schema::Person { 0.6 } else { 0.3 };
    let extra = e.unmatched_right.iter().filter(|u| !u.reason.contains("patronymic")).count();
    if left_over > limit || (hit.schema == Schema::Person && extra > 1) {
        return None;
    }
    Some(format!(
        "all {} words of the mention align with \"{}\"{}",
        e.left_tokens.len(),
        hit.matched_name,
        if e.unmatched_right.is_empty() {
            String::new()
        } else {
            format!(
                " (not in the mention: {})",
                e.unmatched_right.iter().map(|u| u.token.as_str()).collect::<Vec<_>>().join(", ")
            )
        }
    ))
}
