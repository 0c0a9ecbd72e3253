//! Linking a candidate name to a listed entity: a cheap test on the index's
//! postings first, then scoring, then a stricter test for prose.
//!
//! 1. **Candidates.** A name of two or more words is scored only against the
//!    listed entities that have at least two of its words (under the postings
//!    keys screening uses: the word and its phonetic key, and for Arabic
//!    script its consonant skeleton), found by intersecting the words'
//!    posting lists. Most capitalised runs in news text (people on no list,
//!    places, titles of works) have no such entity and cost a normalisation
//!    and a few lookups, which is what makes scanning fast. A single word is
//!    linked only when it is the whole name of a listed organisation
//!    (`Hezbollah`), never to a person. A window of a longer run that did
//!    not link (`Yesterday Vladimir Putin`, an Arabic sentence) is scored
//!    only against entities that have every one of its words
//!    ([`Linker::link_window`]): the prose test needs each word to align.
//! 2. **Scoring.** `Engine::screen_entities_unexplained` scores those
//!    entities (at most [`vetter_engine::screen::CANDIDATES`], most shared
//!    rarity first) and writes out the ones that reach the match threshold,
//!    without the name explanation (`Engine::explain_name` writes it for the
//!    hit linked). The prose test below
//!    needs two words of the mention to align strongly with the listed name,
//!    so an entity with fewer of its words would rarely be linked; scoring
//!    every entity that shares one word (`Engine::screen`, still used when
//!    [`Linker::full_screening`] is set) costs some hundred times more.
//! 3. **Prose test.** Screening is tuned for names typed into a search box and
//!    gives credit for partial overlaps; in prose that would turn `Henry
//!    Ford` into `Harold E. Ford Jr.`. A hit is kept only when every word of
//!    the mention aligns with a word of the listed name (not by initial
//!    alone), at least two words align, and the listed name has no
//!    unaligned word of weight beyond a missing middle name or patronymic.

use std::collections::HashMap;

use vetter_engine::{Engine, Filters, Hit, Query};
use vetter_matcher::{Algorithm, Prepared};
use vetter_model::Schema;
use vetter_names::{fold, normalize};

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
    cache: HashMap<(String, Kind, bool), Option<Link>, crate::lexicon::BuildWordHasher>,
    /// The entities of each word looked up in the current document (by its
    /// postings keys), sorted: the windows of a long run share their words.
    words: HashMap<String, Vec<u32>, crate::lexicon::BuildWordHasher>,
    /// Counters.
    pub stats: LinkStats,
    /// Score a name that passes the prefilter against every entity sharing
    /// one of its words (`Engine::screen`), not only those sharing two: the
    /// slow reference the fast path is checked against.
    pub full_screening: bool,
}

/// At most this many remembered names; the cache is cleared when full.
const CACHE_LIMIT: usize = 200_000;

impl Linker {
    /// Forgets every name looked up (the counters stay).
    pub fn forget(&mut self) {
        self.cache.clear();
        self.words.clear();
    }

    /// Called before each document: forgets the entities of its words.
    pub fn start_document(&mut self) {
        self.words.clear();
    }

    /// The entity `name` (a candidate of `kind` with `words` words) denotes, if any.
    pub fn link(&mut self, engine: &Engine, name: &str, kind: Kind, words: usize) -> Option<Link> {
        self.link_run(engine, name, kind, words, false)
    }

    /// [`Linker::link`] for a window of a longer run that did not link
    /// (`Yesterday Vladimir Putin`, an Arabic sentence): only entities that
    /// share every word of the window (by postings keys) are scored, since
    /// the prose test needs every word of it to align with the listed name.
    pub fn link_window(&mut self, engine: &Engine, name: &str, kind: Kind, words: usize) -> Option<Link> {
        self.link_run(engine, name, kind, words, true)
    }

    fn link_run(&mut self, engine: &Engine, name: &str, kind: Kind, words: usize, window: bool) -> Option<Link> {
        let key = (fold(name), kind, window && words > 2);
        if let Some(hit) = self.cache.get(&key) {
            return hit.clone();
        }
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.stats.looked_up += 1;
        let found = if words == 1 { self.link_word(engine, &key.0) } else { self.link_name(engine, name, kind, key.2) };
        if found.is_some() {
            self.stats.linked += 1;
        }
        self.cache.insert(key, found.clone());
        found
    }

    fn link_name(&mut self, engine: &Engine, name: &str, kind: Kind, window: bool) -> Option<Link> {
        // Screening reads the name with no schema (`MADURO MOROS, Nicolas`
        // scores higher that way than as a Person query); a person-like
        // mention then keeps person hits only.
        let only_persons = kind == Kind::Person;
        let only_orgs = kind == Kind::Organization;
        self.link_schema(engine, name, None, only_persons, only_orgs, window)
    }

    fn link_schema(
        &mut self,
        engine: &Engine,
        name: &str,
        schema: Option<Schema>,
        only_persons: bool,
        only_orgs: bool,
        window: bool,
    ) -> Option<Link> {
        let query = Query { name: name.to_owned(), schema, ..Query::default() };
        // The name's words as screening reads them; the rest of its
        // preparation waits until some entity shares two of them (most
        // capitalised runs have none).
        let form = normalize(name, vetter_matcher::name_kind(schema.unwrap_or(Schema::LegalEntity)));
        let weights = Prepared::weights_of(&form);
        let arabic = name.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
        let mut candidates = shared_candidates(engine, &form.tokens, &weights, arabic, window, &mut self.words);
        // Hits of another kind than the mention's are dropped below: not scored.
        let data = engine.index().data();
        candidates.retain(|&c| {
            let s = &data.entities[c as usize].schema;
            let org = *s == Schema::LegalEntity || *s == Schema::Organization || *s == Schema::Company;
            (!only_persons || *s == Schema::Person) && (!only_orgs || org)
        });
        if candidates.is_empty() {
            return None;
        }
        let prepared = engine.prepare_query_form(&query, form);
        self.stats.screened += 1;
        let hits = if self.full_screening {
            engine.screen(&query, 10)
        } else {
            // Only matches are kept below, so only matches are written out:
            // the best 10 of those are the matches among the best 10 hits.
            // The prose test refuses most: the name explanation is written
            // below for the hit linked only.
            let threshold = vetter_matcher::default_threshold(schema.unwrap_or(Schema::LegalEntity), Algorithm::Vetter);
            engine.screen_entities_unexplained(
                &prepared,
                &candidates,
                &Filters { min_score: threshold, limit: 10, ..Filters::default() },
            )
        };
        // The mention as the prose test compares it: normalised for the
        // hit's schema (the query's own preparation is an organisation's).
        let mut as_kind: Vec<(vetter_names::NameKind, Prepared)> = Vec::new();
        let passed: Vec<(Hit, String, Option<u32>)> = hits
            .into_iter()
            .filter(|h| h.is_match)
            .filter(|h| !only_persons || h.schema == Schema::Person)
            .filter(|h| !only_orgs || h.schema.is_organization())
            .filter_map(|h| {
                let kind = vetter_matcher::name_kind(h.schema);
                let mention = if kind == vetter_matcher::name_kind(Schema::LegalEntity) {
                    prepared.prepared()
                } else {
                    let at = match as_kind.iter().position(|(k, _)| *k == kind) {
                        Some(at) => at,
                        None => {
                            as_kind.push((kind, vetter_matcher::prepare(name, h.schema)));
                            as_kind.len() - 1
                        }
                    };
                    &as_kind[at].1
                };
                // The listed name as screening prepared it for the entity's
                // schema, which is what `compare` would make of it again.
                let index = candidates.iter().copied().find(|&c| data.entities[c as usize].id.as_str() == h.id);
                let listed = index
                    .and_then(|i| engine.prepared_names(i).map(|(_, n)| n).find(|n| n.form.original == h.matched_name));
                let why = match listed {
                    Some(listed) => prose_test(mention, listed, &h, arabic),
                    None => prose_test(mention, &vetter_matcher::prepare(&h.matched_name, h.schema), &h, arabic),
                };
                why.map(|why| (h, why, index))
            })
            .collect();
        let best = passed.first()?.0.score;
        // Lists that were not merged into one entity give near-equal hits:
        // the riskiest is the link, the others are named beside it.
        let near: Vec<&(Hit, String, Option<u32>)> = passed.iter().filter(|(h, ..)| h.score >= best - 0.03).collect();
        // Ties go to the entity on the most lists.
        let (hit, why, index) =
            near.iter().min_by_key(|(h, ..)| (risk_rank(&h.risk), std::cmp::Reverse(h.datasets.len()))).copied()?;
        let also = near.iter().filter(|(h, ..)| h.id != hit.id).map(|(h, ..)| h.id.clone()).collect();
        // The reference path's hits are explained already; the fast path's
        // hits come from `candidates`, so their entity is known.
        let name_why = match index {
            Some(i) if hit.explanation.name.is_empty() => {
                engine.explain_name(&prepared, *i, hit).unwrap_or_else(|| hit.explanation.name.clone())
            }
            _ => hit.explanation.name.clone(),
        };
        Some(Link {
            entity: EntityRef::from_hit(hit),
            score: hit.score,
            matched_name: hit.matched_name.clone(),
            explanation: format!("{name_why}; {why}"),
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
        // As `prepare(folded, Schema::Organization)` normalises it.
        let form = normalize(folded, vetter_matcher::name_kind(Schema::Organization));
        let phonetic = form.tokens.first().map(|t| t.phonetic.as_str()).unwrap_or_default();
        let exact = data.postings.get(&format!("t:{folded}"));
        let sound = if phonetic.len() >= 2 { data.postings.get(&format!("p:{phonetic}")) } else { &[] };
        if (exact.is_empty() && sound.is_empty()) || exact.len() > 400 || sound.len() > 400 {
            return None;
        }
        self.stats.screened += 1;
        let mut ids: Vec<u32> = exact.iter().chain(sound.iter()).map(|e| e.to_native()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut best: Option<Link> = None;
        // Organisations whose whole name the word is, first: most words are
        // no organisation's whole name, and then no entity need be read whole.
        let is_org = |i: u32| {
            let s = &data.entities[i as usize].schema;
            *s == Schema::LegalEntity || *s == Schema::Organization || *s == Schema::Company
        };
        let word = Prepared::new(form);
        let mut buf = String::new();
        for &i in ids.iter().filter(|&&i| is_org(i)) {
            // A name that folds to the word has it among the entity's folded
            // name words (when the engine has them): only then are the short
            // names folded one by one.
            let may_be_whole = engine.has_name_word_if_folded(i, folded).unwrap_or(true);
            // The names as screening normalised them (for an organisation, as
            // `compare` does for `Schema::Organization`), kept by the engine.
            // A name that is the word, or one aligned pair, has at most two
            // words (`Al Qaida`): longer names need not be read.
            let whole =
                engine.prepared_names(i).filter(|(p, _)| *p != vetter_model::Prop::WeakAlias).find_map(|(_, n)| {
                    if n.form.tokens.len() > 2 {
                        return None;
                    }
                    if may_be_whole && fold_is(&n.form.original, folded, &mut buf) {
                        return Some((n.form.original.clone(), 1.0, "the word is the whole listed name".to_owned()));
                    }
                    // One aligned pair and no word left over: one word against
                    // two only fused, which the matcher tries only for a joined
                    // length within 2 letters and the same first letter.
                    if let ([w], [x, y]) = (word.form.tokens.as_slice(), n.form.tokens.as_slice())
                        && ((x.text.len() + y.text.len()).abs_diff(w.text.len()) > 2
                            || x.text.as_bytes().first() != w.text.as_bytes().first())
                    {
                        return None;
                    }
                    // Word against word, a pair aligns at 0.9 (rounded to 3 places) only if the loosest
                    // word similarity reaches it (Cyrillic aside, whose
                    // transliteration keys the comparison aligns at 0.9 whatever the spelling).
                    let cyrillic = [word.form.script, n.form.script].contains(&vetter_names::Script::Cyrillic);
                    if let ([_], [_]) = (word.form.tokens.as_slice(), n.form.tokens.as_slice())
                        && !cyrillic
                        && word.word_similarity(0, n, 0).is_some_and(|s| s.sim < 0.899)
                    {
                        return None;
                    }
                    let c = vetter_matcher::compare_prepared(&word, n, Schema::Organization, Algorithm::Vetter);
                    let e = &c.explanation;
                    let one = e.aligned.len() == 1
                        && e.aligned[0].similarity >= 0.9
                        && e.unmatched_left.is_empty()
                        && e.unmatched_right.is_empty();
                    one.then(|| (n.form.original.clone(), c.score, format!("one-word name: {}", e.summary)))
                });
            let Some((matched, score, why)) = whole else { continue };
            let Some(entity) = engine.index().entity(i) else { continue };
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
            let better = best
                .as_ref()
                .is_none_or(|b| (risk_rank(&link.entity.risk), -link.score) < (risk_rank(&b.entity.risk), -b.score));
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
        let best = best?;
        // A word that names people in the lists (`Assad`) is a surname, not an
        // organisation: more persons than organisations have it as a word.
        // The engine keeps each entity's folded name words: folding the
        // names again costs more than the test (any-ascii for other scripts).
        let has_word = |i: u32| engine.has_name_word(i, folded);
        let is_person = |i: u32| data.entities[i as usize].schema == Schema::Person;
        // Organisations are counted only up to the number of persons that
        // could have the word: then the persons cannot outnumber them.
        let could = ids.iter().filter(|&&i| is_person(i)).count();
        let orgs = ids.iter().filter(|&&i| is_org(i) && has_word(i)).take(could).count();
        if orgs >= could {
            return Some(best);
        }
        // Persons that have the word itself first: the answer is only
        // whether more than `orgs` persons have it, and those mostly do.
        let mut exact: Vec<u32> = exact.iter().map(|e| e.to_native()).collect();
        exact.sort_unstable();
        exact.dedup();
        let rest = ids.iter().copied().filter(|i| exact.binary_search(i).is_err()).collect::<Vec<_>>();
        let mut persons = exact.iter().chain(&rest).filter(move |&&i| is_person(i) && has_word(i));
        persons.nth(orgs).is_none().then_some(best)
    }
}

/// The entities that have at least two of the name's words (see the module
/// docs), most shared rarity first, at most `CANDIDATES`; none when the name
/// has fewer than two words that count.
fn shared_candidates(
    engine: &Engine,
    tokens: &[vetter_names::NameToken],
    weights: &[f64],
    arabic: bool,
    every_word: bool,
    words: &mut HashMap<String, Vec<u32>, crate::lexicon::BuildWordHasher>,
) -> Vec<u32> {
    let data = engine.index().data();
    let mut key = String::new();
    // Each word's entities, sorted, with the word's rarity weight.
    let mut sets: Vec<(&[u32], f64)> = Vec::new();
    let mut word_keys: Vec<(String, f64)> = Vec::new();
    for (t, &weight) in tokens.iter().zip(weights) {
        if t.generic || t.initial {
            continue;
        }
        // Consonant skeletons collide often (`hnr`); they are keys for Arabic script only.
        let keys = [("t:", t.text.as_str()), ("p:", t.phonetic.as_str()), ("s:", t.skeleton.as_str())];
        let keys = keys.into_iter().filter(|(tag, k)| k.len() + tag.len() >= 4 && (*tag != "s:" || arabic));
        let mut id = String::new();
        for (tag, k) in keys.clone() {
            id.push_str(tag);
            id.push_str(k);
            id.push(' ');
        }
        if !words.contains_key(&id) {
            // Each key's entities are sorted and unique in the artifact: merged, not sorted.
            let mut set: Vec<u32> = Vec::new();
            let mut merged: Vec<u32> = Vec::new();
            for (tag, k) in keys {
                key.clear();
                key.push_str(tag);
                key.push_str(k);
                let list = data.postings.get(&key);
                if set.is_empty() {
                    set.extend(list.iter().map(|e| e.to_native()));
                } else if !list.is_empty() {
                    merge_sorted(&set, list, |e| e.to_native(), &mut merged);
                    std::mem::swap(&mut set, &mut merged);
                }
            }
            words.insert(id.clone(), set);
        }
        word_keys.push((id, weight));
    }
    for (id, weight) in &word_keys {
        sets.push((words[id].as_slice(), *weight));
    }
    if sets.len() < 2 {
        return Vec::new();
    }
    // An entity in two or more sets is found from the smallest set it is in,
    // by galloping search in the larger ones (each set is walked forward
    // once); the largest set is only searched.
    sets.sort_by_key(|(s, _)| s.len());
    // A window of a longer run is a guess: only entities sharing every word count.
    let need = if every_word { sets.len() } else { 2 };

    let mut found: Vec<(u32, f64)> = Vec::new();
    let mut any_shared = false;
    let (mut at, mut shared) = (Vec::new(), Vec::new());
    for (i, (set, weight)) in sets.iter().enumerate() {
        let larger = &sets[i + 1..];
        if larger.is_empty() || (i > 0 && i + need > sets.len()) {
            break;
        }
        at.clear();
        at.resize(larger.len(), 0);
        for &e in set.iter().take(50_000) {
            shared.clear();
            for ((s, w), at) in larger.iter().zip(at.iter_mut()) {
                *at = seek(s, *at, e);
                if s.get(*at) == Some(&e) {
                    shared.push(*w);
                }
            }
            if !shared.is_empty() {
                any_shared = true;
                let n = 1 + shared.len();
                let w = weight + shared.iter().sum::<f64>();
                if n >= need {
                    found.push((e, w));
                }
            }
        }
        // When the word with the fewest entities shares none with another
        // word, nothing is scored (as the prefilter always did): a word no
        // list has keeps a longer run (`Yesterday Vladimir Putin`) from
        // being scored, and the scanner tries its shorter windows.
        if i == 0 && !any_shared {
            return Vec::new();
        }
    }
    // An entity found again from a larger set has less weight there: keep its first.
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    found.dedup_by_key(|e| e.0);
    found.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    found.truncate(vetter_engine::screen::CANDIDATES);
    found.into_iter().map(|(e, _)| e).collect()
}

/// The first index at or after `from` of a sorted list whose entity is not
/// below `e`, every entity before `from` being below `e`: steps of 1, 2, 4...
/// then a binary search within the last step.
fn seek(list: &[u32], from: usize, e: u32) -> usize {
    let (mut lo, mut hi, mut step) = (from, from, 1);
    while hi < list.len() && list[hi] < e {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(list.len());
    lo + list[lo..hi].partition_point(|&x| x < e)
}

/// The union of two sorted lists of distinct entities, sorted and distinct, into `out`.
/// (`native` reads an entity of `b` as the artifact stores it).
fn merge_sorted<T: Copy>(a: &[u32], b: &[T], native: impl Fn(T) -> u32, out: &mut Vec<u32>) {
    out.clear();
    out.reserve(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let y = native(b[j]);
        match a[i].cmp(&y) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(y);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend(b[j..].iter().map(|&e| native(e)));
}

/// The prose test of a hit (see the module docs): `Some(reason)` when it passes.
/// `mention` and `listed` are the two names prepared for the hit's schema
/// (as `compare` would prepare them).
fn prose_test(mention: &Prepared, listed: &Prepared, hit: &Hit, arabic: bool) -> Option<String> {
    // The alignment is tested, not read: no summary or normalisation steps written.
    let c = vetter_matcher::align_prepared(mention, listed, hit.schema, Algorithm::Vetter);
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

/// Calls `f` on each word of `fold(text)` until it returns true; whether it
/// did. ASCII text (most names) is folded a word at a time into `buf`, with
/// no allocation once `buf` has grown.
fn fold_words(text: &str, buf: &mut String, mut f: impl FnMut(&str) -> bool) -> bool {
    if !text.is_ascii() {
        return fold(text).split(' ').any(f);
    }
    // As `fold` does for ASCII: runs of letters and digits, lower-cased,
    // apostrophes dropped inside words.
    buf.clear();
    for c in text.bytes() {
        if c.is_ascii_alphanumeric() {
            buf.push(char::from(c.to_ascii_lowercase()));
        } else if c == b'\'' || c == b'`' {
        } else if !buf.is_empty() {
            if f(buf) {
                return true;
            }
            buf.clear();
        }
    }
    !buf.is_empty() && f(buf)
}

/// `fold(text) == word` for a `word` of one folded word.
fn fold_is(text: &str, word: &str, buf: &mut String) -> bool {
    let mut words = 0;
    let mut same = true;
    fold_words(text, buf, |t| {
        words += 1;
        same &= t == word;
        !same
    });
    same && words == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `seek` finds what a binary search from the start finds, walking forward.
    #[test]
    fn seek_is_a_forward_search() {
        let list: Vec<u32> = (0..300).map(|k| k * 8 + k % 7).collect();
        let mut at = 0;
        for e in 0..2500 {
            at = seek(&list, at, e);
            assert_eq!(at, list.partition_point(|&x| x < e), "{e}");
        }
        assert_eq!(seek(&[], 0, 5), 0);
    }

    /// `merge_sorted` is the sorted union.
    #[test]
    fn merge_is_the_union() {
        let (a, b) = (vec![1, 4, 5, 9], vec![0, 4, 6, 9, 12]);
        let mut out = Vec::new();
        merge_sorted(&a, &b, |e| e, &mut out);
        assert_eq!(out, [0, 1, 4, 5, 6, 9, 12]);
        merge_sorted(&[], &b, |e| e, &mut out);
        assert_eq!(out, b);
    }
}
