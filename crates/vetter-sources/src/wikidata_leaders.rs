//! Wikidata world leaders CSV (`wd_peps`): heads of state and government.
//!
//! The header is `countryid,country,position,positionLabel,officeholder,
//! officeholderLabel,start_year,end_year`, one row per office holding.
//!
//! Quirks:
//! - A person holding several offices (the British monarch reigns over 15
//!   realms) has one row per office: rows are grouped by the `officeholder`
//!   QID into one Person whose record id and `wikidataId` are that QID.
//! - Labels are English Wikidata labels: `officeholderLabel` is the name,
//!   `positionLabel` the position, and each row adds an occupancy
//!   `positionLabel (start–end)`; an open term (empty `end_year`) is written
//!   `(2012–)`, an unknown start `(?–2022)`.
//! - `country` is a country name (`Russia`, `People's Republic of China`,
//!   `Kingdom of the Netherlands`); names the country table does not know
//!   (`Republic of Artsakh`, `Somaliland`...) are kept as `country: <name>`
//!   notes with a warning.
//! - `countryid` and `position` (QIDs of the country and office) are not mapped.
//! - Every person gets the topic `role.pep`.
//!
//! Counting: each data row is a record in `seen`; `skipped` counts rows
//! folded into the person of an earlier row (further offices of the same
//! officeholder) and rows refused with an error (no officeholder, a wrong
//! number of fields).

use std::collections::HashMap;
use std::path::Path;

use vetter_model::{Entity, Prop, Schema, topic};

use crate::tabular;
use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// The columns of the file, in file order.
const COLUMNS: [&str; 8] = [
    "countryid",
    "country",
    "position",
    "positionLabel",
    "officeholder",
    "officeholderLabel",
    "start_year",
    "end_year",
];

/// Column indexes into [`COLUMNS`].
mod col {
    pub const COUNTRY: usize = 1;
    pub const POSITION_LABEL: usize = 3;
    pub const OFFICEHOLDER: usize = 4;
    pub const OFFICEHOLDER_LABEL: usize = 5;
    pub const START_YEAR: usize = 6;
    pub const END_YEAR: usize = 7;
}

/// Parses a Wikidata world leaders dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let mut by_qid: HashMap<String, usize> = HashMap::new();
    for path in &source.files {
        let bytes = tabular::read_bytes(path)?;
        let text = tabular::decode_utf8(&mut parsed, path, &bytes);
        let Some(rows) = tabular::read_csv(&mut parsed, path, &text, &COLUMNS, &COLUMNS) else {
            continue;
        };
        for row in &rows {
            read_row(&mut parsed, &mut by_qid, path, row);
        }
    }
    for e in &mut parsed.entities {
        e.ensure_caption();
    }
    Ok(parsed)
}

fn read_row(parsed: &mut Parsed, by_qid: &mut HashMap<String, usize>, path: &Path, row: &tabular::Row) {
    let qid = row.get(col::OFFICEHOLDER).trim();
    if qid.is_empty() {
        parsed.issue(Severity::Error, path, Location::Line(row.line), "row without an `officeholder`");
        parsed.skipped += 1;
        return;
    }
    let loc = Location::Record { line: row.line, id: qid.to_owned() };
    let at = match by_qid.get(qid) {
        Some(&at) => {
            parsed.skipped += 1;
            at
        }
        None => {
            let mut e = Entity::new(parsed.entity_id(qid), Schema::Person);
            e.add_source(parsed.source_ref(qid));
            e.add_topic(topic::PEP);
            if tabular::is_qid(qid) {
                e.add(Prop::WikidataId, qid);
            } else {
                parsed.issue(
                    Severity::Warning,
                    path,
                    loc.clone(),
                    format!("`officeholder` `{qid}` is not a Wikidata id"),
                );
            }
            by_qid.insert(qid.to_owned(), parsed.entities.len());
            parsed.entities.push(e);
            parsed.entities.len() - 1
        }
    };
    let mut e = std::mem::replace(&mut parsed.entities[at], Entity::new("", Schema::Person));
    e.add(Prop::Name, row.get(col::OFFICEHOLDER_LABEL));
    let position = row.get(col::POSITION_LABEL).trim();
    e.add(Prop::Position, position);
    if !position.is_empty() {
        e.add(Prop::Occupancy, &occupancy(position, row.get(col::START_YEAR), row.get(col::END_YEAR)));
    }
    tabular::add_countries(&mut e, parsed, path, &loc, Prop::Country, "country", row.get(col::COUNTRY));
    parsed.entities[at] = e;
}

/// `President of Russia (2012–)`: a position with its term, see [`Prop::Occupancy`].
fn occupancy(position: &str, start: &str, end: &str) -> String {
    let start = start.trim();
    let start = if start.is_empty() { "?" } else { start };
    format!("{position} ({start}–{})", end.trim())
}

#[cfg(test)]
mod tests {
    //! 1. Occupancy strings for open, closed and unknown-start terms.
    //! 2. Fixtures: a verbatim cut of the real file, and broken files whose
    //!    error names the file and line.
    //! 3. The real file: row and officeholder counts measured independently,
    //!    and the Putin record.
    use std::collections::HashSet;
    use std::path::PathBuf;

    use super::*;
    use crate::Format;

    fn check_occupancy(start: &str, end: &str, expect: &str) {
        assert_eq!(occupancy("President of Russia", start, end), expect);
    }

    #[test]
    fn open_term() {
        check_occupancy("2012", "", "President of Russia (2012–)");
    }
    #[test]
    fn closed_term() {
        check_occupancy("2000", "2008", "President of Russia (2000–2008)");
    }
    #[test]
    fn unknown_start() {
        check_occupancy("", "2008", "President of Russia (?–2008)");
    }

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wikidata_leaders")).join(name)
    }

    fn parse_files(files: Vec<PathBuf>) -> Parsed {
        let source = DatasetSource {
            dataset: "wd_peps".into(),
            format: Format::WikidataLeaders,
            snapshot: "2022-10-09".into(),
            files,
        };
        parse(&source).unwrap()
    }

    #[test]
    fn fixture_ok() {
        let parsed = parse_files(vec![fixture("ok/wikidata.csv")]);
        assert!(!parsed.has_errors(), "{:?}", parsed.issues);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (6, 1, 5));
        let putin = parsed.entities.iter().find(|e| e.id == "wd_peps-Q7747").unwrap();
        assert_eq!(putin.caption, "Vladimir Putin");
        assert_eq!(putin.get(Prop::Position), ["President of Russia"]);
        assert_eq!(putin.get(Prop::Occupancy), ["President of Russia (2012–)"]);
        assert_eq!(putin.get(Prop::Country), ["ru"]);
        assert_eq!(putin.topics, ["role.pep"]);
        assert_eq!(putin.sources[0].record_id, "Q7747");
        let saud = parsed.entities.iter().find(|e| e.id == "wd_peps-Q367825").unwrap();
        assert_eq!(saud.get(Prop::Position), ["King of Saudi Arabia", "Prime Minister of Saudi Arabia"]);
        assert_eq!(
            saud.get(Prop::Occupancy),
            ["King of Saudi Arabia (2015–)", "Prime Minister of Saudi Arabia (2015–2022)"]
        );
    }

    fn check_error(file: &str, line: u64, needle: &str) {
        let path = fixture(file);
        let parsed = parse_files(vec![path.clone()]);
        let issue = parsed.issues.iter().find(|i| i.severity == Severity::Error).expect("an error");
        assert_eq!(issue.file, path);
        assert_eq!(issue.location, Location::Line(line), "{issue}");
        assert!(issue.message.contains(needle), "{issue}");
    }

    #[test]
    fn error_wrong_header() {
        check_error("err/wrong_header.csv", 1, "missing column `officeholder`");
    }
    #[test]
    fn error_broken_quote() {
        check_error("err/broken_quote.csv", 3, "broken quote");
    }
    #[test]
    fn error_no_officeholder() {
        check_error("err/no_officeholder.csv", 2, "without an `officeholder`");
    }

    const REAL: &str =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/wikidata_world_leaders/2022-10-09/wikidata.csv");

    #[test]
    fn real_file() {
        // Independent count: data lines (no field holds a line break) and distinct
        // officeholders (the 5th field; only the label after it is ever quoted).
        let text = std::fs::read_to_string(REAL).unwrap();
        let lines: Vec<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
        let holders: HashSet<&str> = lines.iter().filter_map(|l| l.split(',').nth(4)).collect();
        assert_eq!(lines.len(), 424);

        let parsed = parse_files(vec![PathBuf::from(REAL)]);
        assert!(!parsed.has_errors());
        assert_eq!(parsed.seen, lines.len());
        assert_eq!(parsed.entities.len(), holders.len());
        assert_eq!(parsed.skipped, lines.len() - holders.len());
        let putin = parsed.entities.iter().find(|e| e.id == "wd_peps-Q7747").unwrap();
        assert_eq!(putin.get(Prop::Name), ["Vladimir Putin"]);
        assert_eq!(putin.get(Prop::WikidataId), ["Q7747"]);
        assert_eq!(putin.get(Prop::Position), ["President of Russia"]);
        assert_eq!(putin.get(Prop::Country), ["ru"]);
        let xi = parsed.entities.iter().find(|e| e.id == "wd_peps-Q15031").unwrap();
        assert_eq!(xi.get(Prop::Name), ["Xi Jinping"]);
        assert!(parsed.entities.iter().all(|e| e.topics == ["role.pep"] && e.first(Prop::WikidataId).is_some()));
    }
}
