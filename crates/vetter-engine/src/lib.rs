//! The vetter engine: the one API the command line, the server and the
//! Python bindings call.
//!
//! [`Engine::open`] finds the compiled index for a data folder and loads it,
//! or (re)builds it when the folder changed: every dataset is parsed
//! ([`vetter_sources`]), records that denote the same entity across lists are
//! merged ([`resolve`]), and the result is written atomically as one
//! memory-mappable artifact ([`vetter_index`]). A data folder with a broken
//! list file fails to compile with every issue named, and the last good
//! artifact stays in place.
//!
//! ```no_run
//! use vetter_engine::{Engine, OpenOptions};
//! let (engine, _report) = Engine::open(&OpenOptions::new("data/lists")).unwrap();
//! for ds in engine.status().datasets {
//!     println!("{} {}", ds.dataset, ds.entities);
//! }
//! ```

pub mod columns;
mod compile;
mod diff;
mod fingerprint;
pub mod resolve;
pub mod screen;

use std::path::{Path, PathBuf};

pub use compile::{compile, dataset_priority};
pub use diff::{DatasetDiff, Diff, RecordChange};
pub use fingerprint::fingerprint;
pub use screen::{Filters, Hit, PreparedQuery, Query};
use vetter_index::{Index, IndexError};
use vetter_model::{Entity, Schema};
pub use vetter_sources::{Issue, Severity};

/// Errors of the engine.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// A data folder could not be read.
    #[error(transparent)]
    Source(#[from] vetter_sources::SourceError),
    /// List files have errors; nothing was built.
    #[error("{} error(s) in the list files, the index was not rebuilt:\n{}", .errors, .issues.iter().filter(|i| i.severity == Severity::Error).take(50).map(|i| format!("  {i}")).collect::<Vec<_>>().join("\n"))]
    InvalidData {
        /// Number of errors.
        errors: usize,
        /// Every issue, errors and warnings.
        issues: Vec<Issue>,
    },
    /// The artifact could not be read or written.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// IO outside the lists and the artifact.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Where the data and the artifact are.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// The data folder (layout of `data/lists`).
    pub data_dir: PathBuf,
    /// The artifact path; by default one per data folder in the cache folder.
    pub index_path: Option<PathBuf>,
    /// Rebuild even when the artifact is current.
    pub force_rebuild: bool,
}

impl OpenOptions {
    /// Options for a data folder with the default artifact path.
    pub fn new(data_dir: impl Into<PathBuf>) -> OpenOptions {
        OpenOptions { data_dir: data_dir.into(), index_path: None, force_rebuild: false }
    }
}

/// What [`Engine::open`] did.
#[derive(Debug, Default)]
pub struct OpenReport {
    /// True when the artifact was (re)built.
    pub rebuilt: bool,
    /// Warnings from the parsers (only when rebuilt).
    pub warnings: Vec<Issue>,
    /// The artifact path.
    pub index_path: PathBuf,
}

/// A loaded index over a data folder.
#[derive(Debug)]
pub struct Engine {
    index: Index,
    data_dir: PathBuf,
    /// Screening data of each entity, prepared on first use.
    cache: screen::Cache,
}

/// Counts for one dataset, as `vetter lists status` prints them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DatasetStatus {
    /// Dataset id.
    pub dataset: String,
    /// Snapshot date.
    pub snapshot: String,
    /// Entities the dataset's records made (before merging across lists).
    pub entities: u64,
    /// Full names of those entities.
    pub names: u64,
    /// Records read.
    pub records: u64,
    /// Entities per schema.
    pub schemas: Vec<(Schema, u64)>,
    /// Files read, relative to the data folder.
    pub files: Vec<String>,
}

/// The status of a loaded index.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    /// Canonical entities after merging.
    pub total_entities: u64,
    /// Source entities before merging.
    pub total_records: u64,
    /// Canonical entities that merge two or more records.
    pub merged_entities: u64,
    /// Merges per resolution rule (see [`resolve`]).
    pub merge_rules: std::collections::BTreeMap<String, u64>,
    /// Per dataset.
    pub datasets: Vec<DatasetStatus>,
    /// The artifact path.
    pub index_path: PathBuf,
    /// The artifact size in bytes.
    pub index_bytes: u64,
}

/// One source record of an entity, as `lists show` prints it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RecordRef {
    /// Source entity id.
    pub id: String,
    /// Dataset.
    pub dataset: String,
    /// Caption in that dataset.
    pub caption: String,
}

/// One merge reason.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MergeReason {
    /// One source entity id.
    pub left: String,
    /// The other.
    pub right: String,
    /// The rule (see [`resolve`]).
    pub rule: String,
    /// The evidence.
    pub evidence: String,
}

/// An entity with its records and merge reasons.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityDetail {
    /// The canonical entity.
    pub entity: Entity,
    /// The source records merged into it.
    pub records: Vec<RecordRef>,
    /// Why they were merged.
    pub merges: Vec<MergeReason>,
}

impl Engine {
    fn new(index: Index, data_dir: PathBuf) -> Engine {
        let cache = screen::Cache::new(index.data().entities.len());
        Engine { index, data_dir, cache }
    }

    /// Loads the artifact for `options.data_dir`, building it first when it is
    /// missing, stale (the folder's fingerprint changed), damaged or from another
    /// format version.
    pub fn open(options: &OpenOptions) -> Result<(Engine, OpenReport), EngineError> {
        let data_dir = options.data_dir.clone();
        let index_path = match &options.index_path {
            Some(p) => p.clone(),
            None => default_index_path(&data_dir),
        };
        let fp = fingerprint(&data_dir)?;
        let mut report = OpenReport { index_path: index_path.clone(), ..OpenReport::default() };
        if !options.force_rebuild {
            let current = vetter_index::peek_footer(&index_path)
                .is_ok_and(|f| f.data_fingerprint == fp && f.version == vetter_index::FORMAT_VERSION);
            if current && let Ok(index) = Index::open(&index_path) {
                return Ok((Engine::new(index, data_dir), report));
            }
        }
        let (mut data, warnings) = compile(&data_dir)?;
        data.data_fingerprint = fp;
        vetter_index::write_atomic(&index_path, &data)?;
        drop(data);
        let index = Index::open(&index_path)?;
        report.rebuilt = true;
        report.warnings = warnings;
        Ok((Engine::new(index, data_dir), report))
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The loaded artifact.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Per-dataset counts.
    pub fn status(&self) -> Status {
        let data = self.index.data();
        let datasets = self
            .index
            .datasets()
            .into_iter()
            .map(|d| DatasetStatus {
                dataset: d.dataset,
                snapshot: d.snapshot,
                entities: d.entities,
                names: d.names,
                records: d.records_seen,
                schemas: d.schemas,
                files: d.files,
            })
            .collect();
        let mut merged = 0u64;
        let mut per_entity = vec![0u32; data.entities.len()];
        for r in data.records.iter() {
            per_entity[r.entity.to_native() as usize] += 1;
        }
        for n in per_entity {
            if n > 1 {
                merged += 1;
            }
        }
        let mut merge_rules = std::collections::BTreeMap::new();
        for m in data.merges.iter() {
            *merge_rules.entry(m.rule.to_string()).or_insert(0) += 1;
        }
        Status {
            merge_rules,
            total_entities: data.entities.len() as u64,
            total_records: data.records.len() as u64,
            merged_entities: merged,
            datasets,
            index_path: self.index.path().to_owned(),
            index_bytes: self.index.size() as u64,
        }
    }

    /// An entity by its id or the id of any record merged into it.
    pub fn show(&self, id: &str) -> Option<EntityDetail> {
        let at = self.index.lookup(id)?;
        let entity = self.index.entity(at)?;
        let data = self.index.data();
        let records = data
            .records
            .iter()
            .filter(|r| r.entity.to_native() == at)
            .map(|r| RecordRef { id: r.id.to_string(), dataset: r.dataset.to_string(), caption: r.caption.to_string() })
            .collect();
        let merges = data
            .merges
            .iter()
            .filter(|m| m.entity.to_native() == at)
            .map(|m| MergeReason {
                left: m.left.to_string(),
                right: m.right.to_string(),
                rule: m.rule.to_string(),
                evidence: m.evidence.to_string(),
            })
            .collect();
        Some(EntityDetail { entity, records, merges })
    }

    /// The number of canonical entities.
    pub fn len(&self) -> usize {
        self.index.data().entities.len()
    }

    /// True when no entity is loaded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The default artifact path for a data folder: `<cache>/vetter/index-<hash of the folder path>.vtx`,
/// where `<cache>` is `$VETTER_CACHE_DIR`, `$XDG_CACHE_HOME`, `$HOME/.cache` or the temp folder.
pub fn default_index_path(data_dir: &Path) -> PathBuf {
    let cache = std::env::var_os("VETTER_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_CACHE_HOME").map(|p| PathBuf::from(p).join("vetter")))
        .or_else(|| std::env::var_os("HOME").map(|p| PathBuf::from(p).join(".cache").join("vetter")))
        .unwrap_or_else(|| std::env::temp_dir().join("vetter"));
    let canonical = fs_err::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_owned());
    let hash = xxhash_rust::xxh3::xxh3_64(canonical.to_string_lossy().as_bytes());
    cache.join(format!("index-{hash:016x}.vtx"))
}
