//! Streaming parsers for every list format vetter reads, one module per format.
//!
//! A data folder has the layout of `data/lists` (see its `MANIFEST.md`):
//! `<source>/<snapshot-date>/<files>`. [`discover`] maps each known folder to a
//! [`DatasetSource`] (dataset id, format, files, snapshot date) and [`parse`]
//! turns one into a [`Parsed`]: the entities, plus every problem found with its
//! file and line or record ([`Issue`]).
//!
//! Parsers never drop a record silently: each record read is either an entity
//! (or part of one) or counted in `skipped` with an issue or a documented
//! reason, so `seen == parsed + skipped` holds. A record with a problem that
//! makes its reading unreliable is an [`Severity::Error`]; the compiler refuses
//! to build from a dataset with errors, because a silently dropped row of a
//! sanctions list is a missed hit.
//!
//! Quirks handled here, per format:
//! - OFAC legacy CSV: no header, `-0-` is null, a trailing 0x1A byte, Latin-1 bytes.
//! - UN XML: aliases of quality `Low` are weak aliases; dates may be `BETWEEN` or `APPROXIMATELY`.
//! - EU Official Journal CSV: consolidated files plus amendment files applied on top.
//! - UK FCDO: an OpenDocument spreadsheet, one row per designation, grouped by OFSI group id.
//! - trade.gov CSL: gzip CSV whose `source` column names the sub-list.
//! - OpenSanctions exports: targets.simple.csv, Senzing JSON lines, FtM JSON lines and deltas.
//! - Wikidata world leaders: one row per office holding.

pub mod decode;
mod discover;
pub mod eu_journal_csv;
pub mod ftm_json;
pub mod ofac_csv;
pub mod os_targets_csv;
pub mod senzing_json;
mod tabular;
pub mod uk_fcdo_ods;
pub mod un_xml;
pub mod us_csl;
pub mod wikidata_leaders;

use std::fmt;
use std::path::{Path, PathBuf};

pub use discover::{DatasetSource, Format, discover};
use vetter_model::{Entity, SourceRef};

/// An IO or structural error that stops a dataset from being read at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The file could not be read.
    #[error("reading `{path}`: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The data folder has no known list in it, or is not a folder.
    #[error("`{path}` is not a vetter data folder: {message}")]
    NotADataFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

impl SourceError {
    /// An IO error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> SourceError {
        SourceError::Io { path: path.to_owned(), source }
    }
}

/// How bad an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something odd that does not change what the record means (an unknown extra column).
    Warning,
    /// The record or file cannot be read reliably; the dataset must not be used.
    Error,
}

/// Where in a file an issue is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole file.
    File,
    /// A 1-based line number.
    Line(u64),
    /// A 1-based line and the record id found there.
    Record {
        /// The line.
        line: u64,
        /// The list's id of the record.
        id: String,
    },
    /// A byte offset (XML).
    Byte(u64),
    /// A spreadsheet cell row (1-based).
    Row(u64),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Line(l) => write!(f, ":{l}"),
            Location::Record { line, id } => write!(f, ":{line} (record {id})"),
            Location::Byte(b) => write!(f, " at byte {b}"),
            Location::Row(r) => write!(f, " row {r}"),
        }
    }
}

/// A problem found while parsing, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// How bad it is.
    pub severity: Severity,
    /// The file.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// What is wrong, lower case, no trailing period.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}{}: {}", self.file.display(), self.location, self.message)
    }
}

/// What a parser read from one dataset.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The dataset id.
    pub dataset: String,
    /// The snapshot date.
    pub snapshot: String,
    /// The entities, in file order.
    pub entities: Vec<Entity>,
    /// Every problem found.
    pub issues: Vec<Issue>,
    /// Records read (rows, XML elements, JSON lines, delta ops).
    pub seen: usize,
    /// Records that did not become an entity of their own: folded into
    /// another entity (addresses, aliases, FtM Sanction objects), deleted by a
    /// delta, or refused with an issue. `seen - skipped` records made entities.
    pub skipped: usize,
}

impl Parsed {
    /// An empty result for a dataset.
    pub fn new(source: &DatasetSource) -> Parsed {
        Parsed { dataset: source.dataset.clone(), snapshot: source.snapshot.clone(), ..Parsed::default() }
    }

    /// A source reference of this dataset.
    pub fn source_ref(&self, record_id: &str) -> SourceRef {
        SourceRef { dataset: self.dataset.clone(), record_id: record_id.to_owned(), snapshot: self.snapshot.clone() }
    }

    /// The entity id of a record of this dataset: `{dataset}-{record_id}`.
    pub fn entity_id(&self, record_id: &str) -> String {
        format!("{}-{}", self.dataset, record_id)
    }

    /// Records an issue.
    pub fn issue(&mut self, severity: Severity, file: &Path, location: Location, message: impl Into<String>) {
        self.issues.push(Issue { severity, file: file.to_owned(), location, message: message.into() });
    }

    /// True when an issue of severity `Error` was found.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}

/// Parses one dataset with the parser its format names.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = match source.format {
        Format::OfacSdn => ofac_csv::parse_sdn(source),
        Format::OfacCons => ofac_csv::parse_cons(source),
        Format::UnXml => un_xml::parse(source),
        Format::EuJournalCsv => eu_journal_csv::parse(source),
        Format::UkFcdoOds => uk_fcdo_ods::parse(source),
        Format::UsCsl => us_csl::parse(source),
        Format::OsTargetsCsv => os_targets_csv::parse(source),
        Format::SenzingJson => senzing_json::parse(source),
        Format::FtmJson => ftm_json::parse(source),
        Format::WikidataLeaders => wikidata_leaders::parse(source),
    }?;
    for e in &mut parsed.entities {
        e.ensure_caption();
    }
    Ok(parsed)
}
