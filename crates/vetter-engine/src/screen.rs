//! Screening: find the listed entities a person, organisation or vessel may be.
//!
//! 1. Candidates: every word of the query name is looked up in the index's
//!    postings under three keys (the word, its phonetic key and its consonant
//!    skeleton), so that word order, spelling variants and script do not hide
//!    an entity; candidates are ranked by the summed rarity of the words they
//!    share, and the best [`CANDIDATES`] that share at least 35% of what the
//!    best one shares are scored.
//! 2. Name score: the matcher scores the query against each of a candidate's
//!    names (weak aliases count 0.9 of their score) and keeps the best.
//! 3. Entity score: birth date, country and identifiers move the name score
//!    (see [`Features`]), and a schema that cannot be the query's rules a
//!    candidate out. Every adjustment is listed in the hit's explanation.

use std::collections::HashMap;

use vetter_matcher::{Algorithm, Prepared, compare_prepared, prepare, rarity, score_prepared};
use vetter_model::{Entity, PartialDate, Prop, Schema, SourceRef, country};

use crate::Engine;

/// How many candidates are scored per query.
pub const CANDIDATES: usize = 100;

/// The postings keys of one word: `t:` the word, `p:` its phonetic key and
/// `s:` its consonant skeleton (keys of under two letters are left out).
fn token_keys(t: &vetter_names::NameToken) -> impl Iterator<Item = String> + '_ {
    [("t:", &t.text, 1), ("p:", &t.phonetic, 2), ("s:", &t.skeleton, 2)]
        .into_iter()
        .filter(|(_, key, min)| key.len() >= *min)
        .map(|(tag, key, _)| format!("{tag}{key}"))
}

/// The postings keys of a prepared name (see `token_keys`).
pub fn name_keys(name: &Prepared) -> Vec<String> {
    name.form.tokens.iter().take(vetter_matcher::MAX_TOKENS).flat_map(token_keys).collect()
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

/// One entity-level adjustment of the name score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Features {
    /// The feature (`birth_date`, `country`, `identifier`, `weak_alias`).
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

impl Engine {
    /// Screens one query; hits best first (ties by id), at most `limit`.
    pub fn screen(&self, query: &Query, limit: usize) -> Vec<Hit> {
        let data = self.index().data();
        let query_schema = query.schema.unwrap_or(Schema::LegalEntity);
        let prepared = prepare(&query.name, query_schema);
        // 1. Candidates by shared rare words.
        let mut weight: HashMap<u32, f64> = HashMap::new();
        for t in prepared.form.tokens.iter().take(vetter_matcher::MAX_TOKENS) {
            let w = rarity(&t.text);
            let mut seen: Vec<u32> = Vec::new();
            // Single letters are indexed but too common to look up.
            for key in token_keys(t).filter(|k| k.len() >= 4) {
                for e in data.postings.get(&key) {
                    seen.push(e.to_native());
                }
            }
            seen.sort_unstable();
            seen.dedup();
            for e in seen {
                *weight.entry(e).or_default() += w;
            }
        }
        // An identifier on the list makes its entity a candidate whatever the name.
        for id in &query.identifiers {
            let key = identifier_value(id);
            if key.len() >= 5 {
                for e in data.postings.get(&format!("i:{key}")) {
                    *weight.entry(e.to_native()).or_default() += 100.0;
                }
            }
        }
        let mut candidates: Vec<(u32, f64)> = weight.into_iter().collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // Candidates that share much less of the query than the best one
        // cannot outscore it on the name; they are not scored.
        let best = candidates.first().map_or(0.0, |c| c.1);
        candidates.retain(|c| c.1 >= 0.35 * best.min(99.0));
        candidates.truncate(CANDIDATES);

        let query_dates: Vec<PartialDate> =
            query.birth_date.as_deref().and_then(PartialDate::parse_loose).into_iter().collect();
        let query_countries: Vec<&str> = query.countries.iter().filter_map(|c| country::country_code(c)).collect();
        let query_ids: Vec<String> = query.identifiers.iter().map(|i| identifier_value(i)).collect();

        let mut hits = Vec::new();
        for (index, _) in candidates {
            let Some(entity) = self.index().entity(index) else { continue };
            if let Some(s) = query.schema
                && !s.is_compatible(entity.schema)
            {
                continue;
            }
            if !query.datasets.is_empty() && !entity.datasets().iter().any(|d| query.datasets.iter().any(|q| q == d)) {
                continue;
            }
            if let Some(hit) =
                score_entity(&entity, &prepared, query_schema, &query_dates, &query_countries, &query_ids)
            {
                hits.push(hit);
            }
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        hits.truncate(limit);
        hits
    }
}

fn score_entity(
    entity: &Entity,
    query: &Prepared,
    query_schema: Schema,
    dates: &[PartialDate],
    countries: &[&str],
    ids: &[String],
) -> Option<Hit> {
    let schema = if query_schema == Schema::LegalEntity { entity.schema } else { query_schema };
    // 2. Best name.
    let mut best: Option<(f64, &str, Prop, Prepared)> = None;
    for (prop, name) in entity.names() {
        let candidate = prepare(name, schema);
        let mut s = score_prepared(query, &candidate, schema, Algorithm::Vetter);
        if prop == Prop::WeakAlias {
            s *= 0.9;
        }
        if best.as_ref().is_none_or(|(b, ..)| s > *b) {
            best = Some((s, name, prop, candidate));
        }
    }
    let (name_score, matched, prop, prepared_match) = best?;
    if name_score < 0.3 && ids.is_empty() {
        return None;
    }
    let comparison = compare_prepared(query, &prepared_match, schema, Algorithm::Vetter);
    let mut features = Vec::new();
    if prop == Prop::WeakAlias {
        features.push(Features { name: "weak_alias".into(), detail: "matched a weak alias (x0.9)".into(), delta: 0.0 });
    }
    let mut score = name_score;
    // 3. Entity-level features.
    let entity_dates: Vec<PartialDate> = entity.dates(Prop::BirthDate).collect();
    if let (Some(q), false) = (dates.first(), entity_dates.is_empty()) {
        let (delta, detail) = if entity_dates.iter().any(|d| d.is_full() && q.is_full() && d == q) {
            (0.05, format!("same birth date {q}"))
        } else if entity_dates.iter().any(|d| year_overlap(d, q)) {
            (0.02, format!("birth year agrees ({q})"))
        } else {
            let listed: Vec<String> = entity_dates.iter().map(ToString::to_string).collect();
            (-0.2, format!("birth date conflict: {q} vs {}", listed.join(", ")))
        };
        score += delta;
        features.push(Features { name: "birth_date".into(), detail, delta });
    }
    let entity_countries = entity.countries();
    if !countries.is_empty() && !entity_countries.is_empty() {
        let shared: Vec<&str> = countries.iter().copied().filter(|c| entity_countries.contains(c)).collect();
        let (delta, detail) = if shared.is_empty() {
            (-0.05, format!("country conflict: {} vs {}", countries.join(","), entity_countries.join(",")))
        } else {
            (0.03, format!("same country {}", shared.join(",")))
        };
        score += delta;
        features.push(Features { name: "country".into(), detail, delta });
    }
    if !ids.is_empty() {
        let listed: Vec<String> = identifier_keys(entity).into_iter().map(|k| k[2..].to_owned()).collect();
        if let Some(id) = ids.iter().find(|i| i.len() >= 5 && listed.iter().any(|l| l == *i)) {
            let delta = (0.99 - score).max(0.0);
            score += delta;
            features.push(Features {
                name: "identifier".into(),
                detail: format!("identifier {id} on the list"),
                delta,
            });
        }
    }
    let score = (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    Some(Hit {
        id: entity.id.clone(),
        caption: entity.caption.clone(),
        schema: entity.schema,
        score,
        is_match: score >= vetter_matcher::default_threshold(schema, Algorithm::Vetter),
        datasets: entity.datasets().into_iter().map(str::to_owned).collect(),
        topics: entity.topics.clone(),
        sources: entity.sources.clone(),
        risk: risk_label(&entity.topics).to_owned(),
        programs: entity.get(Prop::Program).to_vec(),
        matched_name: matched.to_owned(),
        explanation: HitExplanation { name: comparison.explanation.summary, name_score, features },
    })
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
