//! Entities as FollowTheMoney JSON, the shape yente and its clients read.
//!
//! Wire format of an entity (`EntityResponse` in yente):
//! - `id`: vetter's canonical id; `referents`: the ids of the other list records merged into it, sorted.
//! - `schema`: `Person`, `LegalEntity`, `Organization`, `Company`, `Vessel`, `Airplane` or `Asset`.
//! - `caption`: the display name.
//! - `properties`: FtM property name to values. Dates are ISO dates or prefixes (an EDTF range gives
//!   the years it spans, at most ten, else its two ends; an approximate date gives its date).
//!   `topics` holds the topic tags. vetter properties FtM's entity schemata lack (`authority`,
//!   `listingDate`, `endDate`, `reason`, `linkedTo`, `sameAs`, `occupancy`, `owner`, `cryptoWallet`)
//!   are kept in `notes` as `property: value`.
//! - `datasets`: the datasets of the records, sorted; `target`: true when the entity has a topic.
//! - `first_seen`, `last_seen`, `last_change`: the oldest and newest snapshot dates of its records,
//!   as timestamps (`2025-01-31T00:00:00`).

use std::collections::BTreeMap;

use vetter_engine::{EntityDetail, Hit};
use vetter_model::{Entity, PartialDate, Prop, PropKind, Schema};

use crate::state::Loaded;

/// One entity in FtM form.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct FtmEntity {
    /// Canonical entity id.
    pub id: String,
    /// Display name.
    pub caption: String,
    /// FtM schema name.
    pub schema: String,
    /// FtM property name to values.
    pub properties: BTreeMap<String, Vec<String>>,
    /// Datasets of the entity's records.
    pub datasets: Vec<String>,
    /// Ids of the other records merged into the entity.
    pub referents: Vec<String>,
    /// True for an entity a sanctions, PEP or crime list names.
    pub target: bool,
    /// The oldest snapshot date of its records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    /// The newest snapshot date of its records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// The newest snapshot date of its records (vetter keeps no change history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_change: Option<String>,
}

/// The FtM schema name of a vetter schema.
pub fn schema_name(schema: Schema) -> &'static str {
    match schema {
        Schema::Aircraft => "Airplane",
        other => other.as_str(),
    }
}

/// Properties of vetter's model that FtM's entity schemata do not have.
fn outside_ftm(prop: Prop) -> bool {
    matches!(
        prop,
        Prop::Owner
            | Prop::Occupancy
            | Prop::SameAs
            | Prop::CryptoWallet
            | Prop::Authority
            | Prop::ListingDate
            | Prop::EndDate
            | Prop::Reason
            | Prop::LinkedTo
    )
}

/// An EDTF date as FtM date values.
fn ftm_dates(value: &str) -> Vec<String> {
    let Some(date) = PartialDate::parse_edtf(value) else { return vec![value.to_owned()] };
    let start = date.start();
    match date.end() {
        None => vec![start.to_string()],
        Some(end) if end.year() == start.year() => vec![format!("{:04}", start.year())],
        Some(end) if end.year() - start.year() <= 10 => {
            (start.year()..=end.year()).map(|y| format!("{y:04}")).collect()
        }
        Some(end) => vec![start.to_string(), end.to_string()],
    }
}

/// The FtM form of an entity's properties.
pub fn properties(entity: &Entity) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut notes = Vec::new();
    for (&prop, values) in &entity.properties {
        if outside_ftm(prop) {
            notes.extend(values.iter().map(|v| format!("{prop}: {v}")));
            continue;
        }
        let slot = out.entry(prop.as_str().to_owned()).or_default();
        for value in values {
            let converted = if prop.kind() == PropKind::Date { ftm_dates(value) } else { vec![value.clone()] };
            for v in converted {
                if !slot.contains(&v) {
                    slot.push(v);
                }
            }
        }
    }
    if !notes.is_empty() {
        out.entry(Prop::Notes.as_str().to_owned()).or_default().extend(notes);
    }
    if !entity.topics.is_empty() {
        out.insert("topics".to_owned(), entity.topics.clone());
    }
    out
}

/// A snapshot date as the timestamp yente writes (`2025-01-31T00:00:00`).
pub fn timestamp(date: &str) -> String {
    if date.len() == 10 { format!("{date}T00:00:00") } else { date.to_owned() }
}

/// The FtM form of an entity with its records.
pub fn entity(detail: &EntityDetail) -> FtmEntity {
    from_parts(&detail.entity, detail.records.iter().map(|r| r.id.clone()))
}

/// The FtM form of an entity and the ids of the records merged into it.
fn from_parts(e: &Entity, record_ids: impl Iterator<Item = String>) -> FtmEntity {
    let mut referents: Vec<String> = record_ids.filter(|id| *id != e.id).collect();
    referents.sort();
    referents.dedup();
    let mut datasets: Vec<String> = e.datasets().into_iter().map(str::to_owned).collect();
    datasets.sort();
    datasets.dedup();
    let first_seen = e.sources.iter().map(|s| s.snapshot.as_str()).filter(|s| !s.is_empty()).min().map(timestamp);
    let last_seen = e.sources.iter().map(|s| s.snapshot.as_str()).filter(|s| !s.is_empty()).max().map(timestamp);
    FtmEntity {
        id: e.id.clone(),
        caption: e.caption.clone(),
        schema: schema_name(e.schema).to_owned(),
        properties: properties(e),
        datasets,
        referents,
        target: !e.topics.is_empty(),
        first_seen,
        last_change: last_seen.clone(),
        last_seen,
    }
}

/// A hit's entity in FtM form (the same as [`entity`] of [`vetter_engine::Engine::show`], without
/// its scan of every record), from the hit alone when the index no longer has it.
pub fn hit_entity(loaded: &Loaded, hit: &Hit) -> FtmEntity {
    let index = loaded.engine.index();
    let found = index.lookup(&hit.id).and_then(|at| Some((at, index.entity(at)?)));
    match found {
        Some((at, e)) => {
            let records = &index.data().records;
            let ids = loaded.records.of(at).iter().filter_map(|&i| records.get(i as usize)).map(|r| r.id.to_string());
            from_parts(&e, ids)
        }
        None => FtmEntity {
            id: hit.id.clone(),
            caption: hit.caption.clone(),
            schema: schema_name(hit.schema).to_owned(),
            properties: BTreeMap::from([("name".to_owned(), vec![hit.caption.clone()])]),
            datasets: hit.datasets.clone(),
            referents: Vec::new(),
            target: !hit.topics.is_empty(),
            first_seen: None,
            last_seen: None,
            last_change: None,
        },
    }
}

#[cfg(test)]
mod tests {
    //! 1. EDTF dates become FtM dates: exact and approximate dates keep their date, short ranges
    //!    give each year, long ranges their ends.

    use super::ftm_dates;

    #[track_caller]
    fn check(edtf: &str, expect: &[&str]) {
        assert_eq!(ftm_dates(edtf), expect);
    }

    #[test]
    fn dates() {
        check("1952-10-07", &["1952-10-07"]);
        check("1958~", &["1958"]);
        check("1950/1952", &["1950", "1951", "1952"]);
        check("1900/1990", &["1900", "1990"]);
        check("not a date", &["not a date"]);
    }
}
