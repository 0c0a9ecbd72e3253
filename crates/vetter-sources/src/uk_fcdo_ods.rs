//! The UK FCDO sanctions list (UK Sanctions List export), an OpenDocument
//! spreadsheet read with `calamine`.
//!
//! Layout: one sheet (`UK_Sanction_List`); a header row with the columns
//! `Unique ID`, `OFSI Group ID`, `Name`, `Regime Name`, `Type`,
//! `Designation source`, `Date Designated` and `Sanctions Imposed`, possibly
//! under title rows; then one row per designation.
//!
//! Quirks handled here:
//! - A row is a designation, not a party: a person designated under two
//!   regimes has two rows (two `Unique ID`s, `AQD0194` and `SOM0003`) with
//!   the same `OFSI Group ID`. Rows are grouped by group id into one entity,
//!   whose id comes from the first row's Unique ID and which has one source
//!   reference per Unique ID.
//! - Ships (and a few others) have a blank group id: each such row is an
//!   entity of its own, never grouped with the other blank rows.
//! - The rows of one group may spell the name differently (`Karaev` /
//!   `Karayev`); every spelling is kept as a name.
//! - `Type` is `Individual`, `Entity` or `Ship`.
//! - `Date Designated` is a text cell, day first: `29-06-2012` in this
//!   export, `29/06/2012` in others; real date cells are read too.
//! - `Designation source` is `UK`, `UN` or `UK|UN`.
//! - Cells that only hold layout whitespace count as empty; fully empty
//!   rows (the export ends with one) are not records.
//! - The export has only the primary name: no aliases, dates of birth or addresses.
//! - The export's `content.xml` is pretty-printed, and calamine 0.38 refuses
//!   whitespace between the cells of a row ("Expecting 'table-cell'"). When it
//!   does, the archive is rebuilt in memory with that whitespace (and nothing
//!   else) removed from `content.xml`, and calamine reads the rebuilt archive.
//!
//! A file that is not a readable OpenDocument spreadsheet (not a zip, a
//! truncated zip, no `content.xml`...) gives an error issue for the whole
//! file; a header row lacking a column gives an error at that row.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read, Seek, Write};
use std::path::Path;

use calamine::{Data, Ods, OdsError, Range, Reader, open_workbook};
use quick_xml::events::Event;
use vetter_model::{Entity, PartialDate, Prop, Schema, Ymd, clean_value, topic};

use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// The columns of the export, in its order.
const COLUMNS: [&str; 8] = [
    "Unique ID",
    "OFSI Group ID",
    "Name",
    "Regime Name",
    "Type",
    "Designation source",
    "Date Designated",
    "Sanctions Imposed",
];
const UID: usize = 0;
const GROUP: usize = 1;
const NAME: usize = 2;
const REGIME: usize = 3;
const TYPE: usize = 4;
const SOURCE: usize = 5;
const DATE: usize = 6;
const IMPOSED: usize = 7;

/// How many rows may precede the header (title rows).
const HEADER_SEARCH_ROWS: usize = 50;

/// Parses every spreadsheet of a `gb_fcdo_sanctions` dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let mut groups = Groups::default();
    for file in &source.files {
        // IO problems (missing file, no permission) are not format problems.
        fs_err::File::open(file).map_err(|e| SourceError::io(file, e))?;
        match read_workbook(file) {
            Ok(sheets) => read_sheets(&mut parsed, &mut groups, file, &sheets),
            Err(message) => parsed.issue(Severity::Error, file, Location::File, message),
        }
    }
    Ok(parsed)
}

/// The entities built so far, by group id, and the Unique IDs seen.
#[derive(Debug, Default)]
struct Groups {
    by_group: HashMap<String, usize>,
    uids: HashSet<String>,
}

/// Every sheet of the workbook, in workbook order; `Err` with a message when
/// the file is not a readable OpenDocument spreadsheet.
fn read_workbook(file: &Path) -> Result<Vec<(String, Range<Data>)>, String> {
    // The reader is a third-party parser of untrusted input: a panic in it
    // becomes an error issue, not a crash.
    let result = std::panic::catch_unwind(|| -> Result<Vec<(String, Range<Data>)>, String> {
        match open_workbook::<Ods<_>, _>(file).and_then(all_sheets) {
            Ok(sheets) => Ok(sheets),
            // calamine 0.38 refuses whitespace text between the cells of a row,
            // which pretty-printed exports such as the FCDO's have.
            Err(OdsError::Mismatch { expected: "table-cell", .. }) => {
                let bytes = without_row_whitespace(file)?;
                <Ods<_> as Reader<_>>::new(Cursor::new(bytes))
                    .and_then(all_sheets)
                    .map_err(|e| format!("not a readable OpenDocument spreadsheet: {e}"))
            }
            Err(e) => Err(format!("not a readable OpenDocument spreadsheet: {e}")),
        }
    });
    result.unwrap_or_else(|_| Err("the spreadsheet reader failed on this file: not a readable spreadsheet".into()))
}

fn all_sheets<RS: Read + Seek>(mut workbook: Ods<RS>) -> Result<Vec<(String, Range<Data>)>, OdsError> {
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name)?;
        sheets.push((name, range));
    }
    Ok(sheets)
}

/// The bytes of the archive with the whitespace-only text between the cells
/// of each table row removed from `content.xml` (every other entry, and every
/// other byte of `content.xml`, is kept), so that calamine can read it.
fn without_row_whitespace(file: &Path) -> Result<Vec<u8>, String> {
    let fail = |e: &dyn std::fmt::Display| format!("not a readable OpenDocument spreadsheet: {e}");
    let bytes = fs_err::read(file).map_err(|e| fail(&e))?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| fail(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| fail(&e))?;
        let name = entry.name().map_err(|e| fail(&e))?.into_owned();
        if name != "content.xml" {
            out.raw_copy_file(entry).map_err(|e| fail(&e))?;
            continue;
        }
        drop(entry);
        let mut xml = Vec::new();
        archive.by_index(i).and_then(|mut f| Ok(f.read_to_end(&mut xml)?)).map_err(|e| fail(&e))?;
        let xml = strip_row_whitespace(&xml).map_err(|e| fail(&e))?;
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(&xml).map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

/// Copies an XML document event by event, dropping whitespace-only text
/// whose parent is a `table:table-row`.
fn strip_row_whitespace(xml: &[u8]) -> Result<Vec<u8>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut in_row: Vec<bool> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        match &event {
            Event::Eof => break,
            Event::Text(t) if in_row.last() == Some(&true) && t.trim().is_empty() => {}
            _ => {
                match &event {
                    Event::Start(e) => in_row.push(e.name().as_ref() == "table:table-row"),
                    Event::End(_) => {
                        in_row.pop();
                    }
                    _ => {}
                }
                writer.write_event(event.borrow()).map_err(|e| e.to_string())?;
            }
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// Reads the first sheet that has the header row; other non-empty sheets are reported.
fn read_sheets(parsed: &mut Parsed, groups: &mut Groups, file: &Path, sheets: &[(String, Range<Data>)]) {
    let mut used: Option<&str> = None;
    for (name, range) in sheets {
        if used.is_some() {
            if !range.is_empty() {
                parsed.issue(
                    Severity::Warning,
                    file,
                    Location::File,
                    format!("sheet `{name}` ignored: only one sheet is read"),
                );
            }
            continue;
        }
        if find_header(range).is_some() {
            used = Some(name);
            read_range(parsed, groups, file, range);
        } else if !range.is_empty() {
            parsed.issue(Severity::Warning, file, Location::File, format!("sheet `{name}` has no header row, ignored"));
        }
    }
    if used.is_none() {
        let message = format!("no sheet has a header row with the columns {}", COLUMNS.join(", "));
        parsed.issue(Severity::Error, file, Location::File, message);
    }
}

/// The text of a cell, trimmed with whitespace collapsed; `None` for an error cell.
fn cell_text(cell: &Data) -> Option<String> {
    Some(match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => clean_value(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::Empty => String::new(),
        Data::Error(_) => return None,
    })
}

fn header_key(text: &str) -> String {
    clean_value(text).to_lowercase()
}

/// The index of the header row within the range: the first of the top rows
/// naming at least three of the known columns.
fn find_header(range: &Range<Data>) -> Option<usize> {
    range.rows().take(HEADER_SEARCH_ROWS).position(|row| {
        let keys: Vec<String> = row.iter().filter_map(cell_text).map(|t| header_key(&t)).collect();
        COLUMNS.iter().filter(|c| keys.contains(&header_key(c))).count() >= 3
    })
}

/// Reads one sheet: the header, then every designation row.
fn read_range(parsed: &mut Parsed, groups: &mut Groups, file: &Path, range: &Range<Data>) {
    let Some(header_index) = find_header(range) else { return };
    let first_row = range.start().map_or(0, |(r, _)| u64::from(r));
    let row_number = |index: usize| first_row + index as u64 + 1;
    let Some(header) = range.rows().nth(header_index) else { return };
    let header_row = row_number(header_index);

    let keys: Vec<String> = header.iter().map(|c| cell_text(c).map(|t| header_key(&t)).unwrap_or_default()).collect();
    let mut columns = [0usize; COLUMNS.len()];
    let mut missing = Vec::new();
    for (slot, name) in columns.iter_mut().zip(COLUMNS) {
        match keys.iter().position(|k| *k == header_key(name)) {
            Some(i) => *slot = i,
            None => missing.push(name),
        }
    }
    if !missing.is_empty() {
        let message = format!("the header row lacks the column(s) {}: the sheet is not read", missing.join(", "));
        parsed.issue(Severity::Error, file, Location::Row(header_row), message);
        return;
    }
    let extra: Vec<String> = header
        .iter()
        .filter_map(cell_text)
        .filter(|t| !t.is_empty() && !COLUMNS.iter().any(|c| header_key(c) == header_key(t)))
        .collect();
    if !extra.is_empty() {
        let message = format!("unknown column(s) ignored: {}", extra.join(", "));
        parsed.issue(Severity::Warning, file, Location::Row(header_row), message);
    }

    for (index, row) in range.rows().enumerate().skip(header_index + 1) {
        if row.iter().all(|c| cell_text(c).is_some_and(|t| t.is_empty())) {
            continue;
        }
        read_row(parsed, groups, file, row_number(index), row, &columns);
    }
}

/// Reads one designation row into a new entity or the entity of its group.
fn read_row(
    parsed: &mut Parsed,
    groups: &mut Groups,
    file: &Path,
    row_number: u64,
    row: &[Data],
    columns: &[usize; 8],
) {
    parsed.seen += 1;
    let location = Location::Row(row_number);
    let mut values: [String; 8] = Default::default();
    for (i, value) in values.iter_mut().enumerate() {
        match row.get(columns[i]).map(cell_text) {
            Some(Some(text)) => *value = text,
            Some(None) => {
                let message = format!("error cell in column {}, read as empty", COLUMNS[i]);
                parsed.issue(Severity::Warning, file, location.clone(), message);
            }
            None => {}
        }
    }
    let uid = values[UID].clone();
    if uid.is_empty() {
        parsed.skipped += 1;
        parsed.issue(Severity::Error, file, location, "row refused: it has no Unique ID");
        return;
    }
    if !groups.uids.insert(uid.clone()) {
        parsed.skipped += 1;
        let message = format!("row refused: the Unique ID `{uid}` is used by an earlier row");
        parsed.issue(Severity::Error, file, location, message);
        return;
    }
    let schema = match values[TYPE].to_lowercase().as_str() {
        "individual" => Schema::Person,
        "entity" => Schema::Organization,
        "ship" => Schema::Vessel,
        other => {
            let message = format!("{uid}: unknown Type `{other}`, read as a legal entity");
            parsed.issue(Severity::Warning, file, location.clone(), message);
            Schema::LegalEntity
        }
    };
    if values[NAME].is_empty() {
        parsed.issue(Severity::Warning, file, location.clone(), format!("{uid}: row has no name"));
    }

    let group = values[GROUP].clone();
    let existing = if group.is_empty() { None } else { groups.by_group.get(&group).copied() };
    let source_ref = parsed.source_ref(&uid);
    let index = match existing {
        Some(index) => {
            parsed.skipped += 1;
            index
        }
        None => {
            let entity = Entity::new(parsed.entity_id(&uid), schema);
            parsed.entities.push(entity);
            let index = parsed.entities.len() - 1;
            if !group.is_empty() {
                groups.by_group.insert(group.clone(), index);
            }
            index
        }
    };
    let mut issues = Vec::new();
    if let Some(e) = parsed.entities.get_mut(index) {
        if e.schema != schema {
            issues
                .push(format!("{uid}: OFSI group {group} mixes types {} and {}, kept {}", e.schema, schema, e.schema));
        }
        e.add_source(source_ref);
        e.add_topic(topic::SANCTION);
        e.add(Prop::Name, &values[NAME]);
        e.add(Prop::Program, &values[REGIME]);
        for authority in values[SOURCE].split('|') {
            e.add(Prop::Authority, authority);
        }
        let date = &values[DATE];
        if !date.is_empty() {
            match designation_date(date) {
                Some(d) => {
                    e.add(Prop::ListingDate, &d.to_string());
                }
                None => issues.push(format!("{uid}: unreadable Date Designated `{date}`")),
            }
        }
        e.add(Prop::Notes, &values[IMPOSED]);
    }
    for message in issues {
        parsed.issue(Severity::Warning, file, location.clone(), message);
    }
}

/// A designation date: `29-06-2012` or `29/06/2012` (day first), or an ISO
/// date or date-time from a date cell.
fn designation_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && d.len() <= 2
        && m.len() <= 2
        && y.len() == 4
    {
        let date = Ymd::new(y.parse().ok()?, Some(m.parse().ok()?), Some(d.parse().ok()?))?;
        return Some(PartialDate::exact(date));
    }
    text.get(..10)
        .filter(|_| text.len() == 10 || text.as_bytes().get(10) == Some(&b'T'))
        .and_then(PartialDate::parse_edtf)
        .or_else(|| PartialDate::parse_loose(text))
}

#[cfg(test)]
mod tests {
    //! 1. Dates as the export prints them.
    //! 2. Sheets built in memory: title rows, grouping, blank group ids, an
    //!    extra column, a missing column, no header, bad rows.
    //! 3. Files that are not spreadsheets, or are cut short, give a file error.
    //! 4. The real bundled file: counts, grouping, golden records, speed.
    use super::*;
    use crate::{Format, Issue};
    use std::path::PathBuf;

    const REAL: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/uk_fcdo_sanctions_list/2025-08-11/FCDO_SL_Mon_Aug 11 2025.ods"
    );

    fn source(files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource {
            dataset: "gb_fcdo_sanctions".into(),
            format: Format::UkFcdoOds,
            snapshot: "2025-08-11".into(),
            files,
        }
    }

    fn sheet(rows: &[&[&str]]) -> Range<Data> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(1).max(1);
        let mut range = Range::new((0, 0), (rows.len().max(1) as u32 - 1, width as u32 - 1));
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if !value.is_empty() {
                    range.set_value((r as u32, c as u32), Data::String((*value).to_owned()));
                }
            }
        }
        range
    }

    fn read(rows: &[&[&str]]) -> Parsed {
        let mut parsed = Parsed::new(&source(vec![]));
        let mut groups = Groups::default();
        let sheets = vec![("UK_Sanction_List".to_owned(), sheet(rows))];
        read_sheets(&mut parsed, &mut groups, Path::new("t.ods"), &sheets);
        parsed
    }

    fn entity<'a>(parsed: &'a Parsed, uid: &str) -> &'a Entity {
        let id = parsed.entity_id(uid);
        parsed.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no entity {id}"))
    }

    fn errors(parsed: &Parsed) -> Vec<&Issue> {
        parsed.issues.iter().filter(|i| i.severity == Severity::Error).collect()
    }

    const HEADER: &[&str] = &COLUMNS;

    #[test]
    fn dates() {
        for (text, expect) in [
            ("29-06-2012", Some("2012-06-29")),
            ("25/02/2022", Some("2022-02-25")),
            ("1-2-2020", Some("2020-02-01")),
            ("2022-02-25", Some("2022-02-25")),
            ("2022-02-25T00:00:00", Some("2022-02-25")),
            ("31-02-2022", None),
            ("", None),
            ("n/a", None),
        ] {
            assert_eq!(designation_date(text).map(|d| d.to_string()).as_deref(), expect, "{text:?}");
        }
    }

    #[test]
    fn row_whitespace_only_is_removed() {
        let xml = "<table:table><table:table-row>\n  <table:table-cell><text:p> a  b </text:p></table:table-cell>\n  \
                   <table:table-cell/>\n</table:table-row>\n<x> </x></table:table>";
        let out = strip_row_whitespace(xml.as_bytes()).expect("well-formed");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "<table:table><table:table-row><table:table-cell><text:p> a  b </text:p></table:table-cell>\
             <table:table-cell/></table:table-row>\n<x> </x></table:table>"
        );
        assert!(strip_row_whitespace(b"<a><b></a>").is_err());
    }

    #[test]
    fn groups_rows_and_handles_blank_groups() {
        let parsed = read(&[
            &["UK Sanctions List"],
            &[],
            HEADER,
            &[
                "AQD0194",
                "6995",
                "AWEYS HASSAN DAHIR",
                "ISIL (Da'esh) and Al-Qaida",
                "Individual",
                "UN",
                "09-11-2001",
                "Arms embargo, Asset freeze, Travel Ban",
            ],
            &[
                "DPR0075",
                "",
                "Petrel 8",
                "Democratic People's Republic of Korea",
                "Ship",
                "UN",
                "03-10-2017",
                "Prohibition of port entry",
            ],
            &[
                "SOM0003",
                "6995",
                "AWEYS HASSAN DAHIR",
                "Somalia",
                "Individual",
                "UN",
                "12-04-2010",
                "Asset freeze, Travel Ban",
            ],
            &["RUS0999", "", "SOME SHIP", "Russia", "Ship", "UK|UN", "25/02/2022", ""],
            &[],
        ]);
        assert!(parsed.issues.is_empty(), "{:?}", parsed.issues);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (4, 1, 3));
        let e = entity(&parsed, "AQD0194");
        assert_eq!(e.schema, Schema::Person);
        assert_eq!(e.get(Prop::Program), ["ISIL (Da'esh) and Al-Qaida", "Somalia"]);
        assert_eq!(e.get(Prop::ListingDate), ["2001-11-09", "2010-04-12"]);
        assert_eq!(e.sources, [parsed.source_ref("AQD0194"), parsed.source_ref("SOM0003")]);
        assert_eq!(e.topics, ["sanction"]);
        let ship = entity(&parsed, "RUS0999");
        assert_eq!(ship.schema, Schema::Vessel);
        assert_eq!(ship.get(Prop::Authority), ["UK", "UN"]);
        assert!(ship.get(Prop::Notes).is_empty());
        assert_eq!(entity(&parsed, "DPR0075").sources.len(), 1);
    }

    #[test]
    fn header_problems() {
        // An extra column: one warning, rows still read.
        let mut header: Vec<&str> = HEADER.to_vec();
        header.push("Last Updated");
        let parsed = read(&[
            &header,
            &[
                "RUS0251",
                "14196",
                "PUTIN Vladimir Vladimirovich",
                "Russia",
                "Individual",
                "UK",
                "25-02-2022",
                "Asset freeze",
                "x",
            ],
        ]);
        assert_eq!(parsed.issues.len(), 1);
        assert_eq!(parsed.issues[0].severity, Severity::Warning);
        assert_eq!(parsed.issues[0].location, Location::Row(1));
        assert!(parsed.issues[0].message.contains("Last Updated"));
        assert_eq!(parsed.entities.len(), 1);

        // A missing column: an error at the header row, nothing read.
        let parsed = read(&[
            &["title"],
            &["Unique ID", "OFSI Group ID", "Name", "Type"],
            &["RUS0251", "14196", "PUTIN", "Individual"],
        ]);
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].location, Location::Row(2));
        assert!(errs[0].message.contains("Regime Name"), "{}", errs[0].message);
        assert!(parsed.entities.is_empty());

        // No header at all: an error for the file.
        let parsed = read(&[&["a", "b"], &["c", "d"]]);
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].location, Location::File);
    }

    #[test]
    fn bad_rows() {
        let parsed = read(&[
            HEADER,
            &["", "1", "NO ID", "Russia", "Individual", "UK", "25-02-2022", ""],
            &["RUS0001", "2", "A", "Russia", "Individual", "UK", "25-02-2022", ""],
            &["RUS0001", "3", "B", "Russia", "Individual", "UK", "25-02-2022", ""],
            &["RUS0002", "4", "C", "Russia", "Submarine", "UK", "someday", ""],
            &["RUS0003", "5", "", "Russia", "Entity", "UK", "25-02-2022", ""],
        ]);
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].location, Location::Row(2));
        assert_eq!(errs[1].location, Location::Row(4));
        assert!(errs[1].message.contains("RUS0001"));
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (5, 2, 3));
        let warnings: Vec<&str> =
            parsed.issues.iter().filter(|i| i.severity == Severity::Warning).map(|i| i.message.as_str()).collect();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert_eq!(entity(&parsed, "RUS0002").schema, Schema::LegalEntity);
        assert_eq!(entity(&parsed, "RUS0003").schema, Schema::Organization);
    }

    #[test]
    fn not_a_spreadsheet() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = std::fs::read(REAL).expect("real file");
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("text.ods", b"Unique ID,OFSI Group ID,Name\nRUS0251,14196,PUTIN\n".to_vec()),
            ("empty.ods", Vec::new()),
            ("truncated.ods", real[..real.len() / 2].to_vec()),
            ("head.ods", real[..100].to_vec()),
        ];
        for (name, bytes) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            let parsed = parse(&source(vec![path])).expect("readable file");
            let errs = errors(&parsed);
            assert_eq!(errs.len(), 1, "{name}: {:?}", parsed.issues);
            assert_eq!(errs[0].location, Location::File, "{name}");
            assert!(errs[0].file.ends_with(name));
            assert!(parsed.entities.is_empty(), "{name}");
        }
        // A missing file is an IO error, not an issue.
        assert!(parse(&source(vec![dir.path().join("missing.ods")])).is_err());
    }

    #[test]
    fn real_file() {
        let started = std::time::Instant::now();
        let parsed = parse(&source(vec![PathBuf::from(REAL)])).expect("real file");
        let elapsed = started.elapsed();
        assert!(!parsed.has_errors(), "{:?}", errors(&parsed));
        // Two rows of the export have an empty name (BEL0174, RUS1467).
        let warnings: Vec<&Issue> = parsed.issues.iter().filter(|i| i.severity == Severity::Warning).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let named: Vec<(&Location, &str)> = warnings.iter().map(|w| (&w.location, w.message.as_str())).collect();
        assert_eq!(
            named,
            [(&Location::Row(649), "BEL0174: row has no name"), (&Location::Row(3524), "RUS1467: row has no name")]
        );
        assert_eq!(parsed.seen, 5302);
        assert_eq!(parsed.entities.len(), 5286);
        assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
        let count = |s: Schema| parsed.entities.iter().filter(|e| e.schema == s).count();
        assert_eq!((count(Schema::Person), count(Schema::Organization), count(Schema::Vessel)), (3740, 1085, 461));
        let sources: usize = parsed.entities.iter().map(|e| e.sources.len()).sum();
        assert_eq!(sources, 5302);

        let putin = entity(&parsed, "RUS0251");
        assert_eq!(putin.schema, Schema::Person);
        assert_eq!(putin.get(Prop::Name), ["PUTIN Vladimir Vladimirovich"]);
        assert_eq!(putin.get(Prop::Program), ["Russia"]);
        assert_eq!(putin.get(Prop::ListingDate), ["2022-02-25"]);
        assert_eq!(putin.get(Prop::Authority), ["UK"]);
        assert_eq!(
            putin.get(Prop::Notes),
            ["Asset freeze, Director Disqualification Sanction, Trust Services Sanctions"]
        );
        assert_eq!(putin.sources, [parsed.source_ref("RUS0251")]);
        assert_eq!(putin.topics, ["sanction"]);

        // A group of two designations with two spellings of the name.
        let e = entity(&parsed, "BEL0005");
        assert_eq!(e.get(Prop::Name), ["Karaev Yuri Khadzimuratovich", "Karayev Yuri Khadzimuratovich"]);
        assert_eq!(e.get(Prop::Program), ["Belarus", "Global Human Rights"]);
        assert_eq!(e.sources.len(), 2);
        // A group of three.
        assert_eq!(entity(&parsed, "INU0011").get(Prop::Program), ["Iran (Nuclear)", "Iran", "Syria"]);
        assert!(
            parsed.entities.iter().all(|e| e.get(Prop::ListingDate).len() == e.sources.len() || e.sources.len() > 1)
        );
        assert!(elapsed.as_secs_f64() < 10.0, "took {elapsed:?}");
    }
}
