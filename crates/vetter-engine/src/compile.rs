//! Compiling a data folder: parse every dataset, resolve, build [`IndexData`].

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use vetter_index::{DatasetInfo, IndexData, MergeInfo, RecordInfo};
use vetter_model::{Entity, Schema};
use vetter_sources::{Issue, Location, Parsed, Severity};

use crate::EngineError;
use crate::resolve::resolve;

/// The order in which datasets lead a merged entity: the first dataset of a
/// cluster gives the entity its id and caption. Official sanctions lists come
/// first, then derived and PEP lists.
pub fn dataset_priority(dataset: &str) -> usize {
    const ORDER: [&str; 12] = [
        "us_ofac_sdn",
        "un_sc_sanctions",
        "eu_journal_sanctions",
        "gb_fcdo_sanctions",
        "us_ofac_cons",
        "us_trade_csl",
        "ua_war_sanctions",
        "yente_fixture_sanctions_delta",
        "yente_fixture_zala_cluster",
        "wd_peps",
        "us_congress",
        "interpol_red_notices",
    ];
    ORDER.iter().position(|d| *d == dataset).unwrap_or(ORDER.len())
}

/// Parses and resolves every dataset in `data_dir`. Returns the index data
/// (with a zero fingerprint) and the warnings; fails with every issue when any
/// list file has an error.
pub fn compile(data_dir: &Path) -> Result<(IndexData, Vec<Issue>), EngineError> {
    let (sources, mut issues) = vetter_sources::discover(data_dir)?;
    let results: Vec<Result<Parsed, vetter_sources::SourceError>> =
        sources.par_iter().map(vetter_sources::parse).collect();
    let mut parsed = Vec::with_capacity(results.len());
    for r in results {
        let p = r?;
        issues.extend(p.issues.iter().cloned());
        parsed.push(p);
    }
    parsed.sort_by(|a, b| (dataset_priority(&a.dataset), &a.dataset).cmp(&(dataset_priority(&b.dataset), &b.dataset)));

    // Every record id must be unique: it is how records are found and diffed.
    let mut seen_ids: HashMap<&str, &str> = HashMap::new();
    let mut duplicate_issues = Vec::new();
    for p in &parsed {
        for e in &p.entities {
            if let Some(other) = seen_ids.insert(&e.id, &p.dataset) {
                duplicate_issues.push(Issue {
                    severity: Severity::Error,
                    file: data_dir.to_owned(),
                    location: Location::File,
                    message: format!("record id `{}` appears twice (datasets `{other}` and `{}`)", e.id, p.dataset),
                });
            }
        }
    }
    issues.extend(duplicate_issues);
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
    if errors > 0 {
        return Err(EngineError::InvalidData { errors, issues });
    }

    let mut datasets = Vec::with_capacity(parsed.len());
    let mut records: Vec<Entity> = Vec::new();
    for p in parsed {
        let mut schemas: BTreeMap<Schema, u64> = BTreeMap::new();
        for e in &p.entities {
            *schemas.entry(e.schema).or_default() += 1;
        }
        let source = sources.iter().find(|s| s.dataset == p.dataset);
        datasets.push(DatasetInfo {
            dataset: p.dataset.clone(),
            snapshot: p.snapshot.clone(),
            files: source
                .map(|s| {
                    s.files
                        .iter()
                        .map(|f| f.strip_prefix(data_dir).unwrap_or(f).to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default(),
            records_seen: p.seen as u64,
            entities: p.entities.len() as u64,
            names: p.entities.iter().map(|e| e.name_count() as u64).sum(),
            schemas: schemas.into_iter().collect(),
        });
        records.extend(p.entities);
    }

    let resolution = resolve(&records);
    let mut canonical: Vec<(Entity, Vec<usize>)> = resolution
        .clusters
        .into_iter()
        .map(|mut members| {
            members
                .sort_by_key(|&i| (dataset_priority(records[i].sources.first().map_or("", |s| s.dataset.as_str())), i));
            let mut entity = records[members[0]].clone();
            for &m in &members[1..] {
                entity.merge_from(&records[m]);
            }
            (entity, members)
        })
        .collect();
    canonical.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let mut entity_of = vec![0u32; records.len()];
    for (at, (_, members)) in canonical.iter().enumerate() {
        for &m in members {
            entity_of[m] = at as u32;
        }
    }
    let mut record_infos: Vec<RecordInfo> = records
        .iter()
        .enumerate()
        .map(|(i, r)| RecordInfo {
            id: r.id.clone(),
            dataset: r.sources.first().map(|s| s.dataset.clone()).unwrap_or_default(),
            caption: r.caption.clone(),
            entity: entity_of[i],
            content_hash: content_hash(r),
        })
        .collect();
    record_infos.sort_by(|a, b| a.id.cmp(&b.id));
    let mut merges: Vec<MergeInfo> = resolution
        .merges
        .into_iter()
        .map(|m| MergeInfo {
            entity: entity_of[m.left],
            left: records[m.left].id.clone(),
            right: records[m.right].id.clone(),
            rule: m.rule.to_owned(),
            evidence: m.evidence,
        })
        .collect();
    merges.sort_by_key(|m| m.entity);
    let entities: Vec<Entity> = canonical.into_iter().map(|(e, _)| e).collect();
    let postings = build_postings(&entities);
    Ok((IndexData { data_fingerprint: 0, datasets, entities, records: record_infos, merges, postings }, issues))
}

/// The candidate index: every name key of every entity's names.
fn build_postings(entities: &[Entity]) -> vetter_index::Postings {
    let pairs: Vec<(String, u32)> = entities
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, e)| {
            let mut keys = Vec::new();
            for (_, name) in e.names() {
                keys.extend(crate::screen::name_keys(&vetter_matcher::prepare(name, e.schema)));
            }
            keys.extend(crate::screen::identifier_keys(e));
            keys.sort_unstable();
            keys.dedup();
            keys.into_iter().map(move |k| (k, i as u32))
        })
        .collect();
    vetter_index::Postings::build(pairs)
}

/// A hash of what a record says (schema, caption, properties, topics), not of
/// where or when it was read, so a new snapshot of an unchanged record has the same hash.
fn content_hash(e: &Entity) -> u64 {
    let text = format!("{}|{}|{:?}|{:?}", e.schema, e.caption, e.properties, e.topics);
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}
