//! Benchmarks of vetter on the bundled lists: `cargo bench -p vetter-bench`.
//!
//! The benches live in `benches/`; this library locates the bundled data and
//! reads the names the normaliser's and the matcher's benches share with
//! their instruction counts.

use std::path::PathBuf;

/// The bundled data folder, `data/lists` at the repository root.
pub fn bundled_data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists"))
}

/// The labelled pairs of `data/eval` (`generated.csv`, then
/// `handwritten.csv`) as `(name1, name2, schema, expected)`, for the
/// matcher's bench (`benches/matcher.rs`) and instruction count
/// (`examples/matcher_instr.rs`).
pub fn eval_pairs() -> Vec<(String, String, String, bool)> {
    let dir = bundled_data().join("../eval");
    let mut out = Vec::new();
    for file in ["generated.csv", "handwritten.csv"] {
        let mut reader = csv::Reader::from_path(dir.join(file)).expect("eval file");
        for rec in reader.records() {
            let rec = rec.expect("record");
            out.push((rec[0].to_owned(), rec[1].to_owned(), rec[2].to_owned(), &rec[3] == "true"));
        }
    }
    out
}

/// The real list names of the normaliser's bench (`benches/names.rs`) and
/// instruction count (`examples/names_instr.rs`), with the kind each is
/// normalised as.
pub mod names {
    use super::bundled_data;
    use vetter_names::NameKind;

    /// Names taken from each list.
    pub const PER_LIST: usize = 5_000;

    /// All primary names of the SDN list, with their kind.
    pub fn ofac_all() -> Vec<(NameKind, String)> {
        let path = bundled_data().join("ofac_sdn/2024-05-03/sdn.csv");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(&path).expect("sdn.csv");
        let mut out = Vec::new();
        for record in reader.records().flatten() {
            let (Some(name), Some(kind)) = (record.get(1), record.get(2)) else { continue };
            let kind = match kind.trim() {
                "individual" => NameKind::Person,
                "vessel" => NameKind::Vessel,
                "-0-" => NameKind::Organization,
                _ => NameKind::Any,
            };
            out.push((kind, name.to_owned()));
        }
        out
    }

    /// [`PER_LIST`] SDN names spread over the whole list (old Cuba entries to 2024 Russia entries).
    pub fn ofac(all: &[(NameKind, String)]) -> Vec<(NameKind, String)> {
        let step = all.len() / PER_LIST;
        all.iter().step_by(step.max(1)).take(PER_LIST).cloned().collect()
    }

    /// The first [`PER_LIST`] names and aliases of the Ukrainian War and
    /// Sanctions list (Cyrillic and Latin).
    pub fn ukraine() -> Vec<(NameKind, String)> {
        let path = bundled_data().join("opensanctions/ua_war_sanctions/2026-03-13/targets.simple.csv");
        let mut reader = csv::Reader::from_path(&path).expect("targets.simple.csv");
        let mut out = Vec::new();
        for record in reader.records().flatten() {
            let kind = match &record[1] {
                "Person" => NameKind::Person,
                "Vessel" => NameKind::Vessel,
                "Company" | "LegalEntity" | "Organization" => NameKind::Organization,
                _ => NameKind::Any,
            };
            out.push((kind, record[2].to_owned()));
            out.extend(record[3].split(';').filter(|a| !a.is_empty()).map(|a| (kind, a.to_owned())));
            if out.len() >= PER_LIST {
                break;
            }
        }
        out.truncate(PER_LIST);
        out
    }
}
