//! Differences between two compiled data folders, per dataset: the basis of monitoring.

use std::collections::{BTreeMap, HashMap};

use crate::Engine;

/// One record in a diff.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RecordChange {
    /// Source entity id.
    pub id: String,
    /// Caption (the new one for a changed record).
    pub caption: String,
}

/// Changes in one dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DatasetDiff {
    /// Dataset id.
    pub dataset: String,
    /// Snapshot in the old folder, if the dataset was there.
    pub old_snapshot: Option<String>,
    /// Snapshot in the new folder, if the dataset is there.
    pub new_snapshot: Option<String>,
    /// Records only in the new folder.
    pub added: Vec<RecordChange>,
    /// Records only in the old folder.
    pub removed: Vec<RecordChange>,
    /// Records in both whose content changed.
    pub changed: Vec<RecordChange>,
    /// Records in both with the same content.
    pub unchanged: u64,
}

/// Changes between two folders.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Diff {
    /// Per dataset, sorted by dataset id.
    pub datasets: Vec<DatasetDiff>,
}

impl Diff {
    /// Compares the records of two loaded indexes.
    pub fn between(old: &Engine, new: &Engine) -> Diff {
        let (od, nd) = (old.index().data(), new.index().data());
        let mut out: BTreeMap<String, DatasetDiff> = BTreeMap::new();
        for d in od.datasets.iter() {
            dataset(&mut out, &d.dataset).old_snapshot = Some(d.snapshot.to_string());
        }
        for d in nd.datasets.iter() {
            dataset(&mut out, &d.dataset).new_snapshot = Some(d.snapshot.to_string());
        }
        let old_by_id: HashMap<&str, (&str, u64, &str)> = od
            .records
            .iter()
            .map(|r| (r.id.as_str(), (r.dataset.as_str(), r.content_hash.to_native(), r.caption.as_str())))
            .collect();
        let mut new_ids = std::collections::HashSet::new();
        for r in nd.records.iter() {
            new_ids.insert(r.id.as_str());
            let ds = dataset(&mut out, &r.dataset);
            let change = RecordChange { id: r.id.to_string(), caption: r.caption.to_string() };
            match old_by_id.get(r.id.as_str()) {
                None => ds.added.push(change),
                Some((_, hash, _)) if *hash != r.content_hash.to_native() => ds.changed.push(change),
                Some(_) => ds.unchanged += 1,
            }
        }
        for r in od.records.iter() {
            if !new_ids.contains(r.id.as_str()) {
                dataset(&mut out, &r.dataset)
                    .removed
                    .push(RecordChange { id: r.id.to_string(), caption: r.caption.to_string() });
            }
        }
        Diff { datasets: out.into_values().collect() }
    }
}

fn dataset<'a>(out: &'a mut BTreeMap<String, DatasetDiff>, id: &str) -> &'a mut DatasetDiff {
    out.entry(id.to_owned()).or_insert_with(|| DatasetDiff { dataset: id.to_owned(), ..DatasetDiff::default() })
}
