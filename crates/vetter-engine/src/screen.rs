//! Screening: find the listed entities a person, organisation or vessel may be.
//!
//! 1. Candidates: every word of the query name is looked up in the index's
//!    postings under three keys (the word, its phonetic key and its consonant
//!    skeleton), so that word order, spelling variants and script do not hide
//!    an entity; candidates are ranked by the summed rarity of the words they
//!    share, and the best [`CANDIDATES`] that share at least 35% of what the
//!    best one shares are scored.
//! 2. Name score: the matcher scores the query against each of a candidate's
//!    distinct names that shares a key or a cognate group with it (weak
//!    aliases count 0.9 of their score) and keeps the best.
//! 3. Entity score: birth date, country, a person's patronymic and identifiers
//!    move the name score
//!    (see [`Features`]), and a schema that cannot be the query's rules a
//!    candidate out. Every adjustment is listed in the hit's explanation; the
//!    name explanation is written only for the hits returned.
//!
//! An entity's names are normalised the first time it is a candidate and
//! kept (`Prepped`) for the life of the [`Engine`], shared by all threads: a
//! one-off query normalises only its candidates' names, a bulk run each
//! listed name at most once.

use vetter_matcher::{Algorithm, Prepared, align_prepared, compare_prepared, prepare, rarity, score_prepared};
use vetter_model::{Entity, PartialDate, Prop, Schema, SourceRef, country};

use crate::Engine;

/// How many candidates are scored per query.
pub const CANDIDATES: usize = 100;

/// The postings keys of one word: `t:` the word, `p:` its phonetic key and
/// `s:` its consonant skeleton (keys of under two letters are left out).
fn token_keys(t: &vetter_names::NameToken) -> impl Iterator<Item = String> + '_ {
    weighted_token_keys(t).map(|(key, _)| key)
}

/// The parts of a word's postings keys: tag, text, and the share of the word
/// a candidate sharing the key shares (see [`weighted_token_keys`]).
///
/// A Latin word with p, v or g has a second skeleton, as Arabic script
/// writes it (`vetter_names::arabic_skeleton`: Tavakkoli is تفكولي, `tfkl`,
/// where its own skeleton drops the v, `tkl`), so that a name in Arabic
/// script finds its Latin spellings; from three consonants, as the matcher
/// counts it.
fn key_parts(t: &vetter_names::NameToken) -> impl Iterator<Item = (u8, std::borrow::Cow<'_, str>, f64)> {
    use std::borrow::Cow;
    let arabic = vetter_names::arabic_skeleton(&t.text)
        .filter(|k| k.as_str().len() >= 3 && k.as_str() != t.skeleton)
        .map(|k| (b's', Cow::Owned(k.as_str().to_owned()), 0.7));
    // Best share first (see `Engine::candidates`).
    fn own(tag: u8, key: &str, min: usize, share: f64) -> Option<(u8, Cow<'_, str>, f64)> {
        (key.len() >= min).then_some((tag, Cow::Borrowed(key), share))
    }
    own(b't', &t.text, 1, 1.0).into_iter().chain(own(b's', &t.skeleton, 2, 0.7)).chain(arabic).chain(own(
        b'p',
        &t.phonetic,
        2,
        0.6,
    ))
}

/// [`token_keys`] with how much a candidate sharing the key shares of the
/// word: all of it for the word itself, less for its skeleton, least for its
/// sound, so that "OOO Sokhra" ranks the entity named Sokhra above the
/// hundreds whose names merely sound alike.
fn weighted_token_keys(t: &vetter_names::NameToken) -> impl Iterator<Item = (String, f64)> + '_ {
    key_parts(t).map(|(tag, key, share)| (format!("{}:{key}", char::from(tag)), share))
}

/// The postings keys of a prepared name (see `token_keys`), and `t:` and
/// the letters of each run of single letters (see `letter_runs`).
pub fn name_keys(name: &Prepared) -> Vec<String> {
    let tokens = &name.form.tokens[..name.form.tokens.len().min(vetter_matcher::MAX_TOKENS)];
    tokens.iter().flat_map(token_keys).chain(letter_runs(tokens).map(|run| format!("t:{run}"))).collect()
}

/// The letters (or digits) of each run of two or more one-character words,
/// joined: `M.S.D.` gives `msd`, `S 7 Engineering` `s7`. A single letter is
/// too common to look up; the run says which name is meant, and meets the
/// acronym printed as one word (`MSD`).
fn letter_runs(tokens: &[vetter_names::NameToken]) -> impl Iterator<Item = String> + '_ {
    let single = |t: &vetter_names::NameToken| t.text.len() == 1;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < tokens.len() {
            let start = i;
            while i < tokens.len() && single(&tokens[i]) {
                i += 1;
            }
            if i - start >= 2 {
                return Some(tokens[start..i].iter().map(|t| t.text.as_str()).collect());
            }
            i = i.max(start + 1);
        }
        None
    })
}

/// The postings keys of an entity's identifiers: `i:` and the value reduced
/// to letters and digits, with an `IMO` prefix dropped (at least 5 characters).
pub fn identifier_keys(entity: &Entity) -> Vec<String> {
    entity
        .properties
        .iter()
        .filter(|(p, _)| p.kind() == vetter_model::PropKind::Identifier && **p != Prop::SameAs)
        .flat_map(|(_, values)| values.iter())
        .map(|v| identifier_value(v))
        .filter(|k| k.len() >= 5)
        .map(|k| format!("i:{k}"))
        .collect()
}

fn identifier_value(v: &str) -> String {
    let key = vetter_names::identifier_key(v);
    key.strip_prefix("IMO").map(str::to_owned).unwrap_or(key)
}

/// What to screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The name as given.
    pub name: String,
    /// The kind of thing, when known; `None` screens against every schema.
    pub schema: Option<Schema>,
    /// A birth date in any shape `PartialDate::parse_loose` reads.
    pub birth_date: Option<String>,
    /// Countries (codes or names).
    pub countries: Vec<String>,
    /// Identifiers (passport, registration, IMO...).
    pub identifiers: Vec<String>,
    /// Only entities from these datasets (all when empty).
    pub datasets: Vec<String>,
}

/// Which hits a screening returns, besides the query itself (the request
/// parameters of the field's matching APIs).
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// Only entities from at least one of these datasets (all when empty);
    /// added to [`Query::datasets`].
    pub include_datasets: Vec<String>,
    /// No entity all of whose sources are in these datasets.
    pub exclude_datasets: Vec<String>,
    /// Only entities with at least one of these topics (`sanction`,
    /// `role.pep`...; a prefix such as `crime` also takes `crime.terror`).
    pub topics: Vec<String>,
    /// Only hits scoring at least this.
    pub min_score: f64,
    /// At most this many hits.
    pub limit: usize,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            include_datasets: Vec::new(),
            exclude_datasets: Vec::new(),
            topics: Vec::new(),
            min_score: 0.0,
            limit: 10,
        }
    }
}

impl Filters {
    /// True when no filter but the limit is set.
    fn admits_all(&self, query: &Query) -> bool {
        query.datasets.is_empty()
            && self.include_datasets.is_empty()
            && self.exclude_datasets.is_empty()
            && self.topics.is_empty()
    }

    /// Whether an entity with these source datasets and topics is admitted.
    fn admits<'a>(
        &self,
        query: &Query,
        datasets: impl Iterator<Item = &'a str> + Clone,
        mut topics: impl Iterator<Item = &'a str>,
    ) -> bool {
        let mut include = query.datasets.iter().chain(&self.include_datasets).peekable();
        if include.peek().is_some() && !datasets.clone().any(|d| include.clone().any(|i| i == d)) {
            return false;
        }
        if !self.exclude_datasets.is_empty() && datasets.clone().all(|d| self.exclude_datasets.iter().any(|x| x == d)) {
            return false;
        }
        if !self.topics.is_empty()
            && !topics.any(|t| {
                self.topics.iter().any(|f| t == f || t.strip_prefix(f.as_str()).is_some_and(|r| r.starts_with('.')))
            })
        {
            return false;
        }
        true
    }
}

/// One entity-level adjustment of the name score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Features {
    /// The feature (`birth_date`, `patronymic`, `country`, `identifier`, `weak_alias`).
    pub name: String,
    /// What was found (`same date 1952-10-07`, `conflict: ru vs ir`).
    pub detail: String,
    /// How much it moved the score.
    pub delta: f64,
}

/// One screening result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// Entity id.
    pub id: String,
    /// Display name.
    pub caption: String,
    /// Schema.
    pub schema: Schema,
    /// Score in [0, 1].
    pub score: f64,
    /// True at the default threshold (0.7).
    #[serde(rename = "match")]
    pub is_match: bool,
    /// Datasets of the entity.
    pub datasets: Vec<String>,
    /// Topics of the entity.
    pub topics: Vec<String>,
    /// The list records behind the entity.
    pub sources: Vec<SourceRef>,
    /// `sanctioned`, `sanction-linked`, `PEP`, `crime`, `other`.
    pub risk: String,
    /// Programs the entity is listed under.
    pub programs: Vec<String>,
    /// The entity's name that matched best.
    pub matched_name: String,
    /// Why: the name comparison, then each entity-level adjustment.
    pub explanation: HitExplanation,
}

/// Why a hit scored what it did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HitExplanation {
    /// The name comparison's summary.
    pub name: String,
    /// The best name score before adjustments.
    pub name_score: f64,
    /// The adjustments.
    pub features: Vec<Features>,
}

/// The risk label of an entity's topics.
pub fn risk_label(topics: &[String]) -> &'static str {
    let has = |t: &str| topics.iter().any(|x| x == t);
    if has("sanction") {
        "sanctioned"
    } else if has("sanction.linked") {
        "sanction-linked"
    } else if has("role.pep") || has("role.rca") {
        "PEP"
    } else if has("crime") || topics.iter().any(|t| t.starts_with("crime.")) {
        "crime"
    } else {
        "other"
    }
}

/// What screening needs of one entity, prepared once and kept for the life
/// of the [`Engine`]: the entity, its names normalised for matching, its birth
/// dates and its identifier keys.
#[derive(Debug)]
pub(crate) struct Prepped {
    entity: Entity,
    /// Distinct names (by normalised words; a strong name wins over a weak alias of the same words).
    names: Vec<(Prop, Prepared)>,
    /// The hashes of every name's postings keys ([`word_hashes`]), each with
    /// the index of the name in `names`, sorted: a query's keys find the
    /// names that share them with one search each.
    keys: Vec<(u64, u32)>,
    dates: Vec<PartialDate>,
    ids: Vec<String>,
}

/// Hashes of a word's postings keys and of its group of cognates: two names
/// that share none of these share no word the matcher could align.
fn word_hashes(t: &vetter_names::NameToken) -> impl Iterator<Item = u64> + '_ {
    use vetter_matcher::hash::{FNV_OFFSET, fnv1a_from};
    // The hash of the key's text (`t:putin`), without writing the key out.
    let hash = |tag: u8, key: &str| fnv1a_from(fnv1a_from(FNV_OFFSET, &[tag, b':']), key.as_bytes());
    key_parts(t).map(move |(tag, key, _)| hash(tag, &key)).chain(t.group.map(move |g| hash(b'g', g)))
}

/// The distinct folded words of an entity's full names, sorted, one space
/// between words, with the end of each word in `text`: a word is found by
/// binary search (organisations have hundreds of words in many scripts).
#[derive(Debug, Default)]
pub(crate) struct NameWords {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl NameWords {
    fn new(mut words: Vec<String>) -> NameWords {
        words.sort_unstable();
        words.dedup();
        let mut ends = Vec::with_capacity(words.len());
        let mut len = 0;
        for w in &words {
            len += w.len() + usize::from(len > 0);
            ends.push(len as u32);
        }
        NameWords { text: words.join(" ").into_boxed_str(), ends: ends.into_boxed_slice() }
    }

    fn word(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize + 1 };
        &self.text[start..self.ends[k] as usize]
    }

    fn contains(&self, word: &str) -> bool {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// Per-entity [`Prepped`] data, filled on first use, shared by all threads.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    entities: Vec<std::sync::OnceLock<Prepped>>,
    /// Per entity, the words of its folded full names ([`Engine::name_words`]).
    words: Vec<std::sync::OnceLock<NameWords>>,
}

impl Cache {
    pub(crate) fn new(len: usize) -> Cache {
        Cache {
            entities: (0..len).map(|_| std::sync::OnceLock::new()).collect(),
            words: (0..len).map(|_| std::sync::OnceLock::new()).collect(),
        }
    }
}

/// Per-thread scratch space for candidate weights, reused across queries.
#[derive(Default)]
struct Scratch {
    weight: Vec<f64>,
    touched: Vec<u32>,
    /// For each entity, the last query word (a per-thread counter) that added
    /// to its weight: a word counts once per entity, by its first (best) key.
    word: Vec<u32>,
    /// The counter behind `word`.
    words: u32,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

impl Engine {
    fn prepped(&self, index: u32) -> Option<&Prepped> {
        let slot = self.cache.entities.get(index as usize)?;
        if let Some(p) = slot.get() {
            return Some(p);
        }
        let entity = self.index().entity(index)?;
        let mut names: Vec<(Prop, Prepared)> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for (prop, name) in entity.names() {
            let prepared = prepare(name, entity.schema);
            let text = prepared.form.text();
            match texts.iter().position(|t| *t == text) {
                Some(i) if names[i].0 == Prop::WeakAlias && prop != Prop::WeakAlias => names[i] = (prop, prepared),
                Some(_) => {}
                None => {
                    texts.push(text);
                    names.push((prop, prepared));
                }
            }
        }
        let mut keys: Vec<(u64, u32)> = names
            .iter()
            .enumerate()
            .flat_map(|(i, (_, n))| {
                n.form.tokens.iter().take(vetter_matcher::MAX_TOKENS).flat_map(word_hashes).map(move |h| (h, i as u32))
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let dates = entity.dates(Prop::BirthDate).collect();
        let ids = identifier_keys(&entity).into_iter().map(|k| k[2..].to_owned()).collect();
        Some(slot.get_or_init(|| Prepped { entity, names, keys, dates, ids }))
    }

    /// Candidate entities for a query, best first, with the summed rarity of
    /// the words they share with it.
    fn candidates(&self, prepared: &Prepared, identifiers: &[String], admit: impl Fn(u32) -> bool) -> Vec<(u32, f64)> {
        let data = self.index().data();
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            if scratch.weight.len() < data.entities.len() {
                scratch.weight.resize(data.entities.len(), 0.0);
                scratch.word.resize(data.entities.len(), 0);
            }
            let Scratch { weight, touched, word, words } = scratch;
            let mut add = |e: u32, w: f64| {
                let slot = &mut weight[e as usize];
                if *slot == 0.0 {
                    touched.push(e);
                }
                *slot += w;
            };
            let tokens = &prepared.form.tokens[..prepared.form.tokens.len().min(vetter_matcher::MAX_TOKENS)];
            // Each word of the query, and each run of single letters joined
            // (see `letter_runs`), with its keys.
            let looked_up = tokens
                .iter()
                .map(|t| (rarity(&t.text), weighted_token_keys(t).collect::<Vec<_>>()))
                .chain(letter_runs(tokens).map(|run| (rarity(&run), vec![(format!("t:{run}"), 1.0)])));
            for (w, keys) in looked_up {
                *words = words.wrapping_add(1);
                if *words == 0 {
                    // The counter wrapped: no stamp may be mistaken for the new word.
                    word.fill(0);
                    *words = 1;
                }
                // Single letters are indexed but too common to look up. The
                // keys come best share first, so each entity counts a word
                // once, by its best key.
                for (key, share) in keys.into_iter().filter(|(k, _)| k.len() >= 4) {
                    for e in data.postings.get(&key) {
                        let e = e.to_native();
                        if word[e as usize] != *words {
                            word[e as usize] = *words;
                            add(e, w * share);
                        }
                    }
                }
            }
            // An identifier on the list makes its entity a candidate whatever the name.
            for id in identifiers {
                let key = identifier_value(id);
                if key.len() >= 5 {
                    for e in data.postings.get(&format!("i:{key}")) {
                        add(e.to_native(), 100.0);
                    }
                }
            }
            let mut candidates: Vec<(u32, f64)> =
                touched.iter().filter(|&&e| admit(e)).map(|&e| (e, weight[e as usize])).collect();
            for &e in touched.iter() {
                weight[e as usize] = 0.0;
            }
            touched.clear();
            // Candidates that share much less of the query than the best one
            // cannot outscore it on the name; they are not scored.
            let best = candidates.iter().map(|c| c.1).fold(0.0, f64::max);
            candidates.retain(|c| c.1 >= 0.35 * best.min(99.0));
            let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if candidates.len() > CANDIDATES {
                candidates.select_nth_unstable_by(CANDIDATES, order);
                candidates.truncate(CANDIDATES);
            }
            candidates.sort_unstable_by(order);
            candidates
        })
    }

    /// Screens one query; hits best first (ties by id), at most `limit`.
    pub fn screen(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.screen_with(query, &Filters { limit, ..Filters::default() })
    }

    /// Screens one query; the hits `filters` admits, best first (ties by id).
    pub fn screen_with(&self, query: &Query, filters: &Filters) -> Vec<Hit> {
        let prepared = self.prepare_query(query);
        // Filtered before the cut to the best candidates, so that a filter
        // for PEPs is not left with what the sanctioned namesakes left over.
        let entities = &self.index().data().entities;
        let admits_all = filters.admits_all(query);
        let admit = |e: u32| {
            admits_all || {
                let entity = &entities[e as usize];
                filters.admits(
                    query,
                    entity.sources.iter().map(|s| s.dataset.as_str()),
                    entity.topics.iter().map(|t| t.as_str()),
                )
            }
        };
        let candidates = self.candidates(&prepared.prepared, &query.identifiers, admit);
        self.score_candidates(&prepared, candidates.into_iter().map(|(e, _)| e), filters, true)
    }

    /// Normalises a query's name once, for [`Engine::screen_entities`] (or to
    /// read its words, [`PreparedQuery::prepared`], before deciding to score).
    pub fn prepare_query(&self, query: &Query) -> PreparedQuery {
        let schema = query.schema.unwrap_or(Schema::LegalEntity);
        PreparedQuery { query: query.clone(), prepared: prepare(&query.name, schema) }
    }

    /// [`Engine::prepare_query`] with the name normalised by the caller
    /// (`vetter_names::normalize(&query.name, vetter_matcher::name_kind(schema))`,
    /// the query's schema or `LegalEntity`), who read its words first; a form
    /// of another name or kind is not used, the name is prepared again.
    pub fn prepare_query_form(&self, query: &Query, form: vetter_names::NameForm) -> PreparedQuery {
        let kind = vetter_matcher::name_kind(query.schema.unwrap_or(Schema::LegalEntity));
        if form.original != query.name || form.kind != kind {
            return self.prepare_query(query);
        }
        PreparedQuery { query: query.clone(), prepared: Prepared::new(form) }
    }

    /// Scores the given entities (indices into the artifact's entities, as
    /// its postings hold them) against a prepared query, without a candidate
    /// search of its own: the hits `filters` admits, best first (ties by id).
    /// A caller that found its candidates itself (the text scanner, from the
    /// postings of a name's words) pays for those only. Given the candidates
    /// [`Engine::screen_with`] would find, it returns the same hits; indices
    /// out of range or repeated are skipped.
    pub fn screen_entities(&self, query: &PreparedQuery, entities: &[u32], filters: &Filters) -> Vec<Hit> {
        self.screen_given(query, entities, filters, true)
    }

    /// [`Engine::screen_entities`] without the name comparison's explanation:
    /// each hit's `explanation.name` is empty (the entity-level features are
    /// there). Writing the explanation compares the names again, with every
    /// aligned word written out; a caller that keeps few of the hits (the
    /// scanner, whose prose test refuses most) writes it for those with
    /// [`Engine::explain_name`].
    pub fn screen_entities_unexplained(&self, query: &PreparedQuery, entities: &[u32], filters: &Filters) -> Vec<Hit> {
        self.screen_given(query, entities, filters, false)
    }

    fn screen_given(&self, query: &PreparedQuery, entities: &[u32], filters: &Filters, explain: bool) -> Vec<Hit> {
        let data = &self.index().data().entities;
        let admits_all = filters.admits_all(&query.query);
        let mut unique = entities.to_vec();
        unique.sort_unstable();
        unique.dedup();
        let admitted = unique.into_iter().filter(|&e| {
            let Some(entity) = data.get(e as usize) else { return false };
            admits_all
                || filters.admits(
                    &query.query,
                    entity.sources.iter().map(|s| s.dataset.as_str()),
                    entity.topics.iter().map(|t| t.as_str()),
                )
        });
        self.score_candidates(query, admitted, filters, explain)
    }

    /// The name explanation [`Engine::screen_entities`] writes for a hit
    /// (`Hit::explanation.name`), for a hit of
    /// [`Engine::screen_entities_unexplained`] on the same query; `index` is
    /// the hit's entity. `None` when `index` is not the hit's entity or the
    /// entity has no name `hit.matched_name`.
    pub fn explain_name(&self, query: &PreparedQuery, index: u32, hit: &Hit) -> Option<String> {
        let p = self.prepped(index)?;
        if p.entity.id != hit.id {
            return None;
        }
        let (_, matched) = p.names.iter().find(|(_, n)| n.form.original == hit.matched_name)?;
        let schema = compared_as(query.query.schema.unwrap_or(Schema::LegalEntity), p.entity.schema);
        let (_, schema) = score_name(&query.prepared, person_like(&query.query, &query.prepared), matched, schema);
        Some(compare_prepared(&query.prepared, matched, schema, Algorithm::Vetter).explanation.summary)
    }

    /// Prepares the names of every entity now, as a long-running server or
    /// scanner ends up having done, so that later screenings find them ready
    /// (and folds their words, [`Engine::name_words`], which the scanner
    /// reads); returns the number of entities.
    pub fn warm(&self) -> usize {
        (0..self.len() as u32)
            .filter(|&i| {
                self.prepped(i).is_some() && {
                    self.name_words(i);
                    true
                }
            })
            .count()
    }

    /// An entity's distinct names as screening prepared them (normalised for
    /// its schema, kept for the life of the engine; see the module docs), with
    /// the property each comes from: a name that is both a strong name and a
    /// weak alias is listed once, as the strong name. Empty for an index out of range.
    pub fn prepared_names(&self, index: u32) -> impl Iterator<Item = (Prop, &Prepared)> {
        self.prepped(index).into_iter().flat_map(|p| p.names.iter().map(|(prop, name)| (*prop, name)))
    }

    /// The distinct words of [`vetter_names::fold`] of every full name of an
    /// entity (name, aliases, weak aliases, previous names), sorted, one space
    /// between words; empty for an index out of range. Folded on first use from
    /// the artifact in place and kept for the life of the engine: folding a
    /// name in another script (any-ascii) costs some ten thousand instructions,
    /// and the scanner asks this of the same entities in every document
    /// (`Assad`: how many persons and organisations have the word).
    pub fn name_words(&self, index: u32) -> &str {
        self.folded_words(index).map_or("", |w| &w.text)
    }

    fn folded_words(&self, index: u32) -> Option<&NameWords> {
        let slot = self.cache.words.get(index as usize)?;
        Some(slot.get_or_init(|| {
            let entity = &self.index().data().entities[index as usize];
            let mut words: Vec<String> = Vec::new();
            let full = entity.properties.iter().filter(|(p, _)| Prop::FULL_NAMES.iter().any(|f| *p == f));
            for (_, names) in full {
                for name in names.iter() {
                    words.extend(
                        vetter_names::fold(name.as_str()).split(' ').filter(|w| !w.is_empty()).map(str::to_owned),
                    );
                }
            }
            NameWords::new(words)
        }))
    }

    /// Whether `word` (one folded word) is a word of [`Engine::name_words`].
    pub fn has_name_word(&self, index: u32, word: &str) -> bool {
        self.folded_words(index).is_some_and(|w| w.contains(word))
    }

    /// [`Engine::has_name_word`] if the entity's names were folded already
    /// (by an earlier call or [`Engine::warm`]), `None` if not: a caller
    /// that needs only some of the names can fold those itself rather than
    /// have every name folded.
    pub fn has_name_word_if_folded(&self, index: u32, word: &str) -> Option<bool> {
        Some(self.cache.words.get(index as usize)?.get()?.contains(word))
    }

    /// Scores candidates (indices of admitted entities) and writes the best out as hits.
    fn score_candidates(
        &self,
        query: &PreparedQuery,
        candidates: impl Iterator<Item = u32>,
        filters: &Filters,
        explain: bool,
    ) -> Vec<Hit> {
        let (query, prepared) = (&query.query, &query.prepared);
        let query_schema = query.schema.unwrap_or(Schema::LegalEntity);
        let q = QueryFeatures {
            keys: {
                let mut keys: Vec<(u64, u32)> = prepared
                    .form
                    .tokens
                    .iter()
                    .take(vetter_matcher::MAX_TOKENS)
                    .enumerate()
                    .flat_map(|(i, t)| word_hashes(t).map(move |h| (h, 1u32 << i)))
                    .collect();
                keys.sort_unstable();
                keys.dedup_by(|b, a| {
                    let same = a.0 == b.0;
                    if same {
                        a.1 |= b.1;
                    }
                    same
                });
                keys
            },
            rarities: prepared.form.tokens.iter().take(vetter_matcher::MAX_TOKENS).map(|t| rarity(&t.text)).collect(),
            person_like: person_like(query, prepared),
            prepared,
            schema: query_schema,
            dates: query.birth_date.as_deref().and_then(PartialDate::parse_loose).into_iter().collect(),
            countries: query.countries.iter().filter_map(|c| country::country_code(c)).collect(),
            ids: query.identifiers.iter().map(|i| identifier_value(i)).collect(),
        };
        let mut scored: Vec<Scored> = Vec::new();
        for index in candidates {
            let Some(p) = self.prepped(index) else { continue };
            if let Some(s) = query.schema
                && !s.is_compatible(p.entity.schema)
            {
                continue;
            }
            if let Some(s) = score_entity(p, &q)
                && s.score >= filters.min_score
            {
                scored.push(s);
            }
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.prepped.entity.id.cmp(&b.prepped.entity.id)));
        scored.truncate(filters.limit);
        scored.into_iter().map(|s| s.hit(&q, explain)).collect()
    }
}

/// A query with its name normalised and weighed, ready to score many
/// candidates ([`Engine::prepare_query`]).
#[derive(Debug, Clone)]
pub struct PreparedQuery {
    query: Query,
    prepared: Prepared,
}

impl PreparedQuery {
    /// The query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Its name, normalised as screening reads it (as an organisation's when
    /// the query has no schema), with each word's rarity weight.
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }
}

/// The query, read once for all candidates.
struct QueryFeatures<'a> {
    prepared: &'a Prepared,
    /// The postings key hashes of the query's words, sorted, each with the
    /// words (bit `i` for word `i`) that have it.
    keys: Vec<(u64, u32)>,
    /// Each word's rarity.
    rarities: Vec<f64>,
    schema: Schema,
    /// The query has no schema but its name reads as a person's (see [`person_like`]).
    person_like: bool,
    dates: Vec<PartialDate>,
    countries: Vec<&'static str>,
    ids: Vec<String>,
}

/// A candidate's score, before the hit is written out.
struct Scored<'e> {
    prepped: &'e Prepped,
    /// The schema names were compared as.
    schema: Schema,
    /// Index into `prepped.names` of the best name.
    best: usize,
    name_score: f64,
    score: f64,
    features: Vec<Features>,
}

impl Scored<'_> {
    /// The hit, with the name comparison's explanation when `explain`.
    fn hit(self, q: &QueryFeatures<'_>, explain: bool) -> Hit {
        let entity = &self.prepped.entity;
        let (prop, ref matched) = self.prepped.names[self.best];
        let name = if explain {
            compare_prepared(q.prepared, matched, self.schema, Algorithm::Vetter).explanation.summary
        } else {
            String::new()
        };
        let mut features = self.features;
        if prop == Prop::WeakAlias {
            features.insert(
                0,
                Features { name: "weak_alias".into(), detail: "matched a weak alias (x0.9)".into(), delta: 0.0 },
            );
        }
        Hit {
            id: entity.id.clone(),
            caption: entity.caption.clone(),
            schema: entity.schema,
            score: self.score,
            is_match: self.score >= vetter_matcher::default_threshold(self.schema, Algorithm::Vetter),
            datasets: entity.datasets().into_iter().map(str::to_owned).collect(),
            topics: entity.topics.clone(),
            sources: entity.sources.clone(),
            risk: risk_label(&entity.topics).to_owned(),
            programs: entity.get(Prop::Program).to_vec(),
            matched_name: matched.form.original.clone(),
            explanation: HitExplanation { name, name_score: self.name_score, features },
        }
    }
}

fn score_entity<'e>(p: &'e Prepped, q: &QueryFeatures<'_>) -> Option<Scored<'e>> {
    let entity = &p.entity;
    let schema = compared_as(q.schema, entity.schema);
    // 2. Best name. Names keep the normalisation of the entity's own schema:
    // a Person query against a LegalEntity's names sees its legal forms and
    // company words for what they are, and is scored by the person rules.
    // Only the names that share a word, sound, skeleton or cognate group
    // with the query are scored (any, when none does: an identifier hit).
    // Which query words (bit i for word i) each name shares a key with,
    // then their summed rarity.
    let n = p.names.len();
    let mut words = [0u32; 64];
    let words: &mut [u32] = if n <= words.len() { &mut words[..n] } else { &mut vec![0; n] };
    for &(k, mask) in &q.keys {
        let start = p.keys.partition_point(|e| e.0 < k);
        for &(_, name) in p.keys[start..].iter().take_while(|e| e.0 == k) {
            words[name as usize] |= mask;
        }
    }
    let mut shared = [0.0f64; 64];
    let shared: &mut [f64] = if n <= shared.len() { &mut shared[..n] } else { &mut vec![0.0; n] };
    for (s, &w) in shared.iter_mut().zip(words.iter()) {
        if w != 0 {
            *s = q.rarities.iter().enumerate().filter(|(k, _)| w & (1 << k) != 0).map(|(_, r)| r).sum();
        }
    }
    let most = shared.iter().copied().fold(0.0, f64::max);
    // A LegalEntity may be a person or an organisation; a name with a legal
    // form or a company word ("LIMITED LIABILITY COMPANY ASSAD-M") says which,
    // and is not a person's name.
    let person_vs_org = q.schema == Schema::Person && entity.schema == Schema::LegalEntity;
    let mut best: Option<(f64, usize, Schema)> = None;
    for (i, (prop, name)) in p.names.iter().enumerate() {
        if most > 0.0 && shared[i] < 0.5 * most {
            continue;
        }
        if person_vs_org && names_an_organisation(&name.form) {
            continue;
        }
        let (mut s, used) = score_name(q.prepared, q.person_like, name, schema);
        if *prop == Prop::WeakAlias {
            s *= 0.9;
        }
        if best.as_ref().is_none_or(|(b, ..)| s > *b) {
            best = Some((s, i, used));
        }
    }
    let (name_score, best, schema) = best?;
    if name_score < 0.3 && q.ids.is_empty() {
        return None;
    }
    let mut features = Vec::new();
    let mut score = name_score;
    // 3. Entity-level features.
    if let (Some(qd), false) = (q.dates.first(), p.dates.is_empty()) {
        let (delta, detail) = if p.dates.iter().any(|d| d.is_full() && qd.is_full() && d == qd) {
            (0.05, format!("same birth date {qd}"))
        } else if p.dates.iter().any(|d| year_overlap(d, qd)) {
            (0.02, format!("birth year agrees ({qd})"))
        } else {
            let listed: Vec<String> = p.dates.iter().map(ToString::to_string).collect();
            // Namesakes are common; a listed birth date in another year is
            // strong evidence of another person, and takes an exact name
            // below the threshold.
            (-0.35, format!("birth date conflict: {qd} vs {}", listed.join(", ")))
        };
        score += delta;
        features.push(Features { name: "birth_date".into(), detail, delta });
    }
    // A father's name is as much a fact of a person as a birth date: a
    // query's patronymic that none of the listed person's names agrees with
    // says another person, even when the name that matched best leaves the
    // patronymic out.
    if schema == Schema::Person
        && entity.schema == Schema::Person
        && let Some((asked, listed)) = vetter_matcher::patronymic_conflict(q.prepared, p.names.iter().map(|(_, n)| n))
    {
        let delta = -0.35;
        score += delta;
        features.push(Features {
            name: "patronymic".into(),
            detail: format!("patronymic conflict: {asked} vs {listed}"),
            delta,
        });
    }
    if !q.countries.is_empty() {
        let entity_countries = entity.countries();
        if !entity_countries.is_empty() {
            let shared: Vec<&str> = q.countries.iter().copied().filter(|c| entity_countries.contains(c)).collect();
            // None of the listed person's or organisation's countries
            // (nationality, citizenship, addresses, jurisdiction) is the
            // query's: evidence of another party, weaker than a birth date.
            let (delta, detail) = if shared.is_empty() {
                let countries = format!("{} vs {}", q.countries.join(","), entity_countries.join(","));
                // A person's name that matches on common words only
                // (Mehmet Kaya, Mohammad Jafari) is shared by thousands:
                // another country then says another person as surely as
                // another birth year does.
                let matched = &p.names[best].1;
                if schema == Schema::Person
                    && name_score >= vetter_matcher::default_threshold(schema, Algorithm::Vetter)
                    && common_words_only(q.prepared, matched, schema)
                {
                    (-0.35, format!("country conflict on a common name: {countries}"))
                } else {
                    (-0.2, format!("country conflict: {countries}"))
                }
            } else {
                (0.03, format!("same country {}", shared.join(",")))
            };
            score += delta;
            features.push(Features { name: "country".into(), detail, delta });
        }
    }
    if let Some(id) = q.ids.iter().find(|i| i.len() >= 5 && p.ids.iter().any(|l| l == *i)) {
        let delta = (0.99 - score).max(0.0);
        score += delta;
        features.push(Features { name: "identifier".into(), detail: format!("identifier {id} on the list"), delta });
    }
    let score = (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    Some(Scored { prepped: p, schema, best, name_score, score, features })
}

/// The score of a listed name against the query's, compared as `schema`,
/// and the schema that gave it. A query of no schema whose name reads as a
/// person's ([`person_like`]) is held to a person's rules too, whichever is
/// stricter: an organisation's or a vessel's name is not matched by a
/// person's that merely contains it or one word like it (`Daniel Ortega` is
/// not the vessel DANIEL, nor `Victoria Smith` Vector Group LLC).
fn score_name(query: &Prepared, person_like: bool, name: &Prepared, schema: Schema) -> (f64, Schema) {
    let s = score_prepared(query, name, schema, Algorithm::Vetter);
    if person_like && schema != Schema::Person {
        let as_person = score_prepared(query, name, Schema::Person, Algorithm::Vetter);
        if as_person < s {
            return (as_person, Schema::Person);
        }
    }
    (s, schema)
}

/// Whether a query of no schema reads as a person's name: two words or
/// more, no legal form, company word or number, and a given name or
/// surname common in the population among them (Victoria Smith, Daniel
/// Ortega; not Ocean Star, Sea Rose 1 or Vector Group).
fn person_like(query: &Query, prepared: &Prepared) -> bool {
    let tokens = &prepared.form.tokens;
    query.schema.is_none_or(|s| s == Schema::LegalEntity)
        && tokens.len() >= 2
        && !names_an_organisation(&prepared.form)
        && !tokens.iter().any(|t| t.text.bytes().any(|b| b.is_ascii_digit()))
        && tokens.iter().any(|t| {
            !t.generic && (vetter_matcher::is_common_name(&t.text) || vetter_names::name_group(&t.text).is_some())
        })
}

/// The rarity below which a word is common: names the population shares
/// by the thousand are capped at 0.35, and a word of the lists this
/// common is in some 380 of their 143,000 names or more (a weight of 0.5
/// is the square root of their count; see `vetter_matcher::rarity`).
const COMMON_WORD: f64 = 0.5;

/// Whether every word of the query that aligns with the listed name is
/// common ([`COMMON_WORD`]): the query's person shares the name with
/// thousands, however rare the list's spelling of it (JABARI for Jafari).
fn common_words_only(query: &Prepared, listed: &Prepared, schema: Schema) -> bool {
    let aligned = align_prepared(query, listed, schema, Algorithm::Vetter).explanation.aligned;
    // A spelling the lists rarely use (Mohamad) is as common as its name.
    let common =
        |w: &str| rarity(w) < COMMON_WORD || vetter_names::name_group(w).is_some_and(|g| rarity(g) < COMMON_WORD);
    !aligned.is_empty() && aligned.iter().flat_map(|a| a.left.split(' ')).all(common)
}

/// The schema a query of `query` schema (`LegalEntity` when it has none)
/// and an entity's names are compared as: the entity's own for a query of
/// no particular kind.
fn compared_as(query: Schema, entity: Schema) -> Schema {
    if query == Schema::LegalEntity { entity } else { query }
}

/// Whether a name is an organisation's: it has a legal form or a company
/// word of a known group (`trading`, `bank`; not a particle such as `al`,
/// `de` or `van`, which the generic words also hold but without a group).
fn names_an_organisation(form: &vetter_names::NameForm) -> bool {
    !form.legal_forms.is_empty() || form.tokens.iter().any(|t| t.generic && t.group.is_some())
}

fn year_overlap(a: &PartialDate, b: &PartialDate) -> bool {
    let range = |d: &PartialDate| {
        let start = d.start().year();
        let end = d.end().map_or(start, |e| e.year());
        let slack = u16::from(d.is_circa()) * 2;
        (start.saturating_sub(slack), end + slack)
    };
    let (a0, a1) = range(a);
    let (b0, b1) = range(b);
    a0 <= b1 && b0 <= a1
}
