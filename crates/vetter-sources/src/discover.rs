//! Finding the datasets in a data folder.

use std::path::{Path, PathBuf};

use crate::{Issue, Location, Severity, SourceError};

/// The file format of a dataset, which selects its parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// OFAC SDN legacy CSV: `sdn.csv`, `alt.csv`, `add.csv`.
    OfacSdn,
    /// OFAC consolidated non-SDN legacy CSV: `cons_prim.csv`, `cons_alt.csv`, `cons_add.csv`, `cons_comments.csv`.
    OfacCons,
    /// UN Security Council consolidated list XML.
    UnXml,
    /// EU Official Journal CSVs: `consolidated/*.csv` and `amendments/*.csv`.
    EuJournalCsv,
    /// UK FCDO sanctions list, OpenDocument spreadsheet.
    UkFcdoOds,
    /// trade.gov Consolidated Screening List CSV, optionally gzipped.
    UsCsl,
    /// OpenSanctions `targets.simple.csv`.
    OsTargetsCsv,
    /// OpenSanctions Senzing JSON lines.
    SenzingJson,
    /// FollowTheMoney JSON lines, or a delta file of `{"op", "entity"}` lines.
    FtmJson,
    /// Wikidata world leaders CSV.
    WikidataLeaders,
}

/// One dataset found in a data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetSource {
    /// The dataset id (`us_ofac_sdn`).
    pub dataset: String,
    /// The parser to use.
    pub format: Format,
    /// The snapshot date, from the folder name (`2024-05-03`).
    pub snapshot: String,
    /// The files, sorted by path.
    pub files: Vec<PathBuf>,
}

impl DatasetSource {
    /// The file with this name, if the dataset has one.
    pub fn file_named(&self, name: &str) -> Option<&Path> {
        self.files.iter().find(|f| f.file_name().is_some_and(|n| n == name)).map(PathBuf::as_path)
    }
}

/// Finds every known dataset under `dir`, with warnings for entries it does not know.
///
/// For each source folder the newest snapshot folder is used (names sort by date).
/// The OFAC SDN files may come from different snapshot folders: `sdn.csv` sets the
/// snapshot date, and `alt.csv`/`add.csv` come from the newest folder that has them.
pub fn discover(dir: &Path) -> Result<(Vec<DatasetSource>, Vec<Issue>), SourceError> {
    let mut sources = Vec::new();
    let mut issues = Vec::new();
    if !dir.is_dir() {
        return Err(SourceError::NotADataFolder { path: dir.to_owned(), message: "no such folder".into() });
    }
    for entry in sorted_entries(dir)? {
        let name = file_name(&entry);
        if !entry.is_dir() {
            continue;
        }
        match name.as_str() {
            "ofac_sdn" => {
                let snapshots = sorted_dirs(&entry)?;
                let pick = |file: &str| snapshots.iter().rev().map(|d| d.join(file)).find(|p| p.is_file());
                if let Some(sdn) = pick("sdn.csv") {
                    let mut files = vec![sdn.clone()];
                    files.extend(pick("alt.csv"));
                    files.extend(pick("add.csv"));
                    sources.push(source("us_ofac_sdn", Format::OfacSdn, sdn.parent().unwrap_or(&entry), files));
                }
            }
            "ofac_consolidated_non_sdn" => push_latest(&mut sources, &entry, "us_ofac_cons", Format::OfacCons, |f| {
                f.starts_with("cons_") && f.ends_with(".csv")
            })?,
            "un_sc" => push_latest(&mut sources, &entry, "un_sc_sanctions", Format::UnXml, |f| f.ends_with(".xml"))?,
            "eu_oj_sanctions_opensanctions" => {
                if let Some(latest) = sorted_dirs(&entry)?.pop() {
                    let mut files = Vec::new();
                    for sub in ["consolidated", "amendments"] {
                        let d = latest.join(sub);
                        if d.is_dir() {
                            files.extend(sorted_entries(&d)?.into_iter().filter(|p| has_ext(p, "csv")));
                        }
                    }
                    if !files.is_empty() {
                        sources.push(source("eu_journal_sanctions", Format::EuJournalCsv, &latest, files));
                    }
                }
            }
            "uk_fcdo_sanctions_list" => {
                push_latest(&mut sources, &entry, "gb_fcdo_sanctions", Format::UkFcdoOds, |f| f.ends_with(".ods"))?
            }
            "us_csl" => push_latest(&mut sources, &entry, "us_trade_csl", Format::UsCsl, |f| {
                f.ends_with(".csv") || f.ends_with(".csv.gz")
            })?,
            "wikidata_world_leaders" => {
                push_latest(&mut sources, &entry, "wd_peps", Format::WikidataLeaders, |f| f.ends_with(".csv"))?
            }
            "opensanctions" | "ftm" => {
                for ds in sorted_entries(&entry)?.into_iter().filter(|p| p.is_dir()) {
                    let dataset = file_name(&ds);
                    let Some(latest) = sorted_dirs(&ds)?.pop() else { continue };
                    let files: Vec<PathBuf> = sorted_entries(&latest)?.into_iter().filter(|p| p.is_file()).collect();
                    let fmt = |f: &PathBuf| {
                        let n = file_name(f);
                        if n == "targets.simple.csv" {
                            Some(Format::OsTargetsCsv)
                        } else if n.ends_with(".json") && n.contains("senzing") {
                            Some(Format::SenzingJson)
                        } else if n.ends_with(".json") || n.ends_with(".jsonl") {
                            Some(Format::FtmJson)
                        } else {
                            None
                        }
                    };
                    let known: Vec<(Format, PathBuf)> =
                        files.iter().filter_map(|f| fmt(f).map(|k| (k, f.clone()))).collect();
                    match known.as_slice() {
                        [] => issues.push(warning(&ds, "no known list file in the newest snapshot folder")),
                        [(format, file)] => sources.push(source(&dataset, *format, &latest, vec![file.clone()])),
                        _ => issues.push(Issue {
                            severity: Severity::Error,
                            file: latest.clone(),
                            location: Location::File,
                            message: "more than one list file: a dataset folder holds exactly one".into(),
                        }),
                    }
                }
            }
            _ => issues.push(warning(&entry, "unknown source folder, ignored")),
        }
    }
    if sources.is_empty() && issues.is_empty() {
        return Err(SourceError::NotADataFolder { path: dir.to_owned(), message: "no known list folder in it".into() });
    }
    Ok((sources, issues))
}

fn warning(path: &Path, message: &str) -> Issue {
    Issue { severity: Severity::Warning, file: path.to_owned(), location: Location::File, message: message.into() }
}

fn source(dataset: &str, format: Format, folder: &Path, files: Vec<PathBuf>) -> DatasetSource {
    DatasetSource { dataset: dataset.to_owned(), format, snapshot: snapshot_date(folder), files }
}

fn push_latest(
    sources: &mut Vec<DatasetSource>,
    dir: &Path,
    dataset: &str,
    format: Format,
    wanted: impl Fn(&str) -> bool,
) -> Result<(), SourceError> {
    if let Some(latest) = sorted_dirs(dir)?.pop() {
        let files: Vec<PathBuf> =
            sorted_entries(&latest)?.into_iter().filter(|p| p.is_file() && wanted(&file_name(p))).collect();
        if !files.is_empty() {
            sources.push(source(dataset, format, &latest, files));
        }
    }
    Ok(())
}

/// The `YYYY-MM-DD` prefix of a snapshot folder name, or the whole name.
fn snapshot_date(folder: &Path) -> String {
    let name = file_name(folder);
    match name.get(..10) {
        Some(prefix)
            if prefix
                .bytes()
                .enumerate()
                .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }) =>
        {
            prefix.to_owned()
        }
        _ => name,
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn has_ext(p: &Path, ext: &str) -> bool {
    p.extension().is_some_and(|e| e == ext)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let mut out = Vec::new();
    for entry in fs_err::read_dir(dir).map_err(|e| SourceError::io(dir, e))? {
        let entry = entry.map_err(|e| SourceError::io(dir, e))?;
        if !file_name(&entry.path()).starts_with('.') {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>, SourceError> {
    Ok(sorted_entries(dir)?.into_iter().filter(|p| p.is_dir()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_from_folder() {
        assert_eq!(snapshot_date(Path::new("x/2026-06-02_add_alt_only")), "2026-06-02");
        assert_eq!(snapshot_date(Path::new("x/latest")), "latest");
    }
}
