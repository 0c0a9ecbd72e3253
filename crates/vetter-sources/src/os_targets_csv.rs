//! OpenSanctions `targets.simple.csv` exports (`ua_war_sanctions`, `interpol_red_notices`).
//!
//! The header is `id,schema,name,aliases,birth_date,countries,addresses,
//! identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,
//! last_seen,last_change`; `program_ids` is missing from older exports (the
//! INTERPOL file), so it is the one optional column.
//!
//! Quirks:
//! - Multi-valued cells join their values with `;`, and a value holding `;` or
//!   `"` is CSV-quoted *inside* the cell (`;"In 2014, ..."`, `""""` for one
//!   empty value), so cells are decoded with a second, `;`-delimited CSV pass
//!   (`tabular::split_multi`).
//! - `countries` holds lower-case codes; `birth_date` ISO dates.
//! - `identifiers` mixes every identifier kind without labels: `IMO9253325`
//!   (a ship or company IMO number), 9-digit MMSIs and call signs on vessels,
//!   Russian INN (12 digits for a person, 10 for an organisation) and OGRN (13
//!   or 15 digits) codes. A value is always kept: as `imoNumber`, `mmsi` or
//!   `callSign` on a vessel, otherwise as `idNumber`, and also as `innCode` or
//!   `ogrnCode` when the entity is linked to Russia (`ru` in `countries`).
//! - `id` is the OpenSanctions entity id; a Wikidata id (`Q7747`) is also
//!   stored as `wikidataId`.
//! - The file carries no topics: `interpol_red_notices` (and any dataset whose
//!   id names INTERPOL or crime) gets `crime`, every other dataset `sanction`.
//! - `dataset`, `first_seen`, `last_seen` and `last_change` are provenance and
//!   are not mapped.
//!
//! Counting: every data row is one record in `seen`. `skipped` counts rows
//! refused with an error (a wrong number of fields, no id, an unknown schema)
//! and rows repeating an id seen before, which are merged into that entity.

use std::collections::HashMap;
use std::path::Path;

use vetter_model::{Entity, Prop, Schema, topic};

use crate::tabular;
use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// The columns of `targets.simple.csv`, in file order.
const COLUMNS: [&str; 16] = [
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "program_ids",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
];

/// Column indexes into [`COLUMNS`].
mod col {
    pub const ID: usize = 0;
    pub const SCHEMA: usize = 1;
    pub const NAME: usize = 2;
    pub const ALIASES: usize = 3;
    pub const BIRTH_DATE: usize = 4;
    pub const COUNTRIES: usize = 5;
    pub const ADDRESSES: usize = 6;
    pub const IDENTIFIERS: usize = 7;
    pub const SANCTIONS: usize = 8;
    pub const PHONES: usize = 9;
    pub const EMAILS: usize = 10;
    pub const PROGRAM_IDS: usize = 11;
}

/// Parses a `targets.simple.csv` dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let topic = dataset_topic(&source.dataset);
    let required: Vec<&str> = COLUMNS.iter().copied().filter(|c| *c != "program_ids").collect();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for path in &source.files {
        let bytes = tabular::read_bytes(path)?;
        let text = tabular::decode_utf8(&mut parsed, path, &bytes);
        let Some(rows) = tabular::read_csv(&mut parsed, path, &text, &COLUMNS, &required) else {
            continue;
        };
        for row in &rows {
            read_row(&mut parsed, &mut by_id, path, row, topic);
        }
    }
    Ok(parsed)
}

/// The topic of every target of a dataset, from its id.
fn dataset_topic(dataset: &str) -> &'static str {
    if dataset.contains("interpol") || dataset.contains("crime") { topic::CRIME } else { topic::SANCTION }
}

fn read_row(parsed: &mut Parsed, by_id: &mut HashMap<String, usize>, path: &Path, row: &tabular::Row, topic: &str) {
    let id = row.get(col::ID).trim();
    if id.is_empty() {
        parsed.issue(Severity::Error, path, Location::Line(row.line), "row without an `id`");
        parsed.skipped += 1;
        return;
    }
    let loc = Location::Record { line: row.line, id: id.to_owned() };
    let schema_text = row.get(col::SCHEMA).trim();
    let Some(schema) = thing_schema(schema_text) else {
        parsed.issue(Severity::Error, path, loc, format!("unknown schema `{schema_text}`"));
        parsed.skipped += 1;
        return;
    };
    let mut e = Entity::new(parsed.entity_id(id), schema);
    e.add_source(parsed.source_ref(id));
    e.add_topic(topic);
    if tabular::is_qid(id) {
        e.add(Prop::WikidataId, id);
    }
    e.add(Prop::Name, row.get(col::NAME));
    for alias in tabular::split_multi(row.get(col::ALIASES)) {
        e.add(Prop::Alias, &alias);
    }
    for date in tabular::split_multi(row.get(col::BIRTH_DATE)) {
        tabular::add_date_or_note(&mut e, parsed, path, &loc, Prop::BirthDate, "birth_date", &date);
    }
    let countries = tabular::split_multi(row.get(col::COUNTRIES));
    for country in &countries {
        tabular::add_countries(&mut e, parsed, path, &loc, Prop::Country, "countries", country);
    }
    let russian = countries.iter().any(|c| c.eq_ignore_ascii_case("ru"));
    for address in tabular::split_multi(row.get(col::ADDRESSES)) {
        e.add(Prop::Address, &address);
    }
    for identifier in tabular::split_multi(row.get(col::IDENTIFIERS)) {
        add_identifier(&mut e, &identifier, russian);
    }
    for reason in tabular::split_multi(row.get(col::SANCTIONS)) {
        e.add(Prop::Reason, &reason);
    }
    for phone in tabular::split_multi(row.get(col::PHONES)) {
        e.add(Prop::Phone, &phone);
    }
    for email in tabular::split_multi(row.get(col::EMAILS)) {
        e.add(Prop::Email, &email);
    }
    for program in tabular::split_multi(row.get(col::PROGRAM_IDS)) {
        e.add(Prop::Program, &program);
    }
    e.ensure_caption();
    match by_id.get(id) {
        Some(&at) => {
            parsed.issue(Severity::Warning, path, loc, "id repeated: the row is merged into the earlier one");
            parsed.entities[at].merge_from(&e);
            parsed.skipped += 1;
        }
        None => {
            by_id.insert(id.to_owned(), parsed.entities.len());
            parsed.entities.push(e);
        }
    }
}

/// The schemas a target can have.
fn thing_schema(text: &str) -> Option<Schema> {
    Some(match text {
        "Person" => Schema::Person,
        "Company" => Schema::Company,
        "LegalEntity" => Schema::LegalEntity,
        "Organization" | "PublicBody" => Schema::Organization,
        "Vessel" => Schema::Vessel,
        "Airplane" | "Aircraft" => Schema::Aircraft,
        _ => return None,
    })
}

/// Files one value of the unlabelled `identifiers` column (see the module doc).
fn add_identifier(e: &mut Entity, value: &str, russian: bool) {
    let value = value.trim();
    if let Some(imo) = imo_digits(value) {
        e.add(Prop::ImoNumber, &imo);
        return;
    }
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    if e.schema == Schema::Vessel {
        let prop = match value.len() {
            7 if digits => Prop::ImoNumber,
            9 if digits => Prop::Mmsi,
            3..=7 if value.bytes().all(|b| b.is_ascii_alphanumeric()) && !digits => Prop::CallSign,
            _ => Prop::IdNumber,
        };
        e.add(prop, value);
        return;
    }
    e.add(Prop::IdNumber, value);
    if russian && digits {
        match value.len() {
            12 if e.schema == Schema::Person => {
                e.add(Prop::InnCode, value);
            }
            10 if e.schema != Schema::Person => {
                e.add(Prop::InnCode, value);
            }
            13 | 15 => {
                e.add(Prop::OgrnCode, value);
            }
            _ => {}
        }
    }
}

/// The seven digits of an `IMO1234567` value.
fn imo_digits(value: &str) -> Option<String> {
    let prefix = value.get(..3)?;
    if !prefix.eq_ignore_ascii_case("imo") {
        return None;
    }
    let rest = value.get(3..)?.trim_start_matches([' ', ':', '-']);
    (rest.len() == 7 && rest.bytes().all(|b| b.is_ascii_digit())).then(|| rest.to_owned())
}

#[cfg(test)]
mod tests {
    //! 1. The `;` cell decoder and the quote checker on hand-written cells.
    //! 2. Identifier classification per schema and country.
    //! 3. The verbatim fixtures: a good cut of each real file, and broken files
    //!    whose error names the file and line.
    //! 4. The real bundled files: counts per schema and the Putin record.
    use std::path::PathBuf;

    use super::tabular::{QuoteProblem, country_parts, quote_problem, split_multi};
    use super::*;
    use crate::Format;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/os_targets_csv")).join(name)
    }

    fn source(dataset: &str, files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource { dataset: dataset.into(), format: Format::OsTargetsCsv, snapshot: "2026-03-13".into(), files }
    }

    fn check_split(cell: &str, expect: &[&str]) {
        assert_eq!(split_multi(cell), expect, "cell {cell:?}");
    }

    #[test]
    fn split_plain() {
        check_split("Ceram Sea;Gold Sun;Nurkez", &["Ceram Sea", "Gold Sun", "Nurkez"]);
    }
    #[test]
    fn split_spaces() {
        check_split("Foo; Bar ;  Baz", &["Foo", "Bar", "Baz"]);
    }
    #[test]
    fn split_quoted() {
        check_split(r#""Foo; Bar"; Baz"#, &["Foo; Bar", "Baz"]);
    }
    #[test]
    fn split_doubled_quote() {
        check_split(r#""say ""hi""; ok""#, &[r#"say "hi"; ok"#]);
    }
    #[test]
    fn split_empty_quoted() {
        check_split(r#""""#, &[]);
    }
    #[test]
    fn split_leading_empty() {
        check_split(r#";"In 2014, a; b""#, &["In 2014, a; b"]);
    }
    #[test]
    fn split_unclosed() {
        check_split(r#""abc; def"#, &["abc; def"]);
    }
    #[test]
    fn split_empty() {
        check_split("", &[]);
        check_split(" ; ;", &[]);
    }

    #[test]
    fn quotes() {
        assert_eq!(quote_problem("a,\"b\nc\",d\n"), None);
        assert_eq!(quote_problem("a,b\"c,d\n"), None);
        assert_eq!(quote_problem("a,\"b\"\"c\"\r\n"), None);
        assert_eq!(quote_problem("h\na\n\"b,c\nd\n"), Some(QuoteProblem::Unclosed(3)));
        assert_eq!(quote_problem("h\n\"b\"x,c\n"), Some(QuoteProblem::TextAfterQuote(2)));
    }

    #[test]
    fn parts_of_country_text() {
        assert_eq!(country_parts("a) Syrian b) Palestinian"), ["Syrian", "Palestinian"]);
        assert_eq!(country_parts("Russian and Belarusian"), ["Russian", "Belarusian"]);
        assert_eq!(country_parts("(a) Iraq, (b) Syria."), ["Iraq", "Syria"]);
    }

    proptest::proptest! {
        #[test]
        fn cells_never_panic(s in "\\PC{0,60}") {
            let _ = split_multi(&s);
            let _ = country_parts(&s);
            let _ = quote_problem(&s);
            for schema in Schema::ALL {
                let mut e = Entity::new("x", schema);
                add_identifier(&mut e, &s, true);
            }
        }

        #[test]
        fn any_csv_never_panics(body in "[a-z0-9,;\"\r\n ]{0,200}", bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let mut parsed = Parsed::default();
            let path = Path::new("x.csv");
            let mut raw = format!("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n{body}").into_bytes();
            raw.extend(bytes);
            let text = tabular::decode_utf8(&mut parsed, path, &raw);
            if let Some(rows) = tabular::read_csv(&mut parsed, path, &text, &COLUMNS, &[]) {
                proptest::prop_assert_eq!(rows.len() + parsed.skipped, parsed.seen);
            }
        }
    }

    fn check_ids(schema: Schema, russian: bool, value: &str, expect: &[(Prop, &str)]) {
        let mut e = Entity::new("x", schema);
        add_identifier(&mut e, value, russian);
        let got: Vec<(Prop, &str)> =
            e.properties.iter().flat_map(|(p, vs)| vs.iter().map(move |v| (*p, v.as_str()))).collect();
        assert_eq!(got, expect, "{schema} {value}");
    }

    #[test]
    fn imo_on_company() {
        check_ids(Schema::Company, false, "IMO6495856", &[(Prop::ImoNumber, "6495856")]);
    }
    #[test]
    fn vessel_mmsi() {
        check_ids(Schema::Vessel, true, "273451870", &[(Prop::Mmsi, "273451870")]);
    }
    #[test]
    fn vessel_call_sign() {
        check_ids(Schema::Vessel, true, "UBRS8", &[(Prop::CallSign, "UBRS8")]);
    }
    #[test]
    fn vessel_bare_imo() {
        check_ids(Schema::Vessel, false, "9253325", &[(Prop::ImoNumber, "9253325")]);
    }
    #[test]
    fn russian_person_inn() {
        check_ids(
            Schema::Person,
            true,
            "711813038431",
            &[(Prop::IdNumber, "711813038431"), (Prop::InnCode, "711813038431")],
        );
    }
    #[test]
    fn foreign_person_number() {
        check_ids(Schema::Person, false, "773006863179", &[(Prop::IdNumber, "773006863179")]);
    }
    #[test]
    fn russian_company_inn() {
        check_ids(
            Schema::LegalEntity,
            true,
            "5042126251",
            &[(Prop::IdNumber, "5042126251"), (Prop::InnCode, "5042126251")],
        );
    }
    #[test]
    fn russian_ogrn() {
        check_ids(
            Schema::LegalEntity,
            true,
            "1125042006462",
            &[(Prop::IdNumber, "1125042006462"), (Prop::OgrnCode, "1125042006462")],
        );
    }
    #[test]
    fn russian_person_ten_digits_is_not_inn() {
        check_ids(Schema::Person, true, "3095703606", &[(Prop::IdNumber, "3095703606")]);
    }

    #[test]
    fn fixture_ok() {
        let parsed = parse(&source("ua_war_sanctions", vec![fixture("ok/targets.simple.csv")])).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues);
        assert_eq!(parsed.seen, 6);
        assert_eq!(parsed.entities.len(), 6);
        let putin = parsed.entities.iter().find(|e| e.id == "ua_war_sanctions-Q7747").unwrap();
        assert_eq!(putin.get(Prop::WikidataId), ["Q7747"]);
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert_eq!(putin.get(Prop::Country), ["ru"]);
        assert_eq!(putin.get(Prop::InnCode), ["711813038431"]);
        assert!(putin.get(Prop::Alias).contains(&"ПУТИН владимир владимирович".to_owned()));
        assert!(putin.get(Prop::Reason)[0].starts_with("In 2014, under putin's leadership"));
        assert_eq!(putin.topics, ["sanction"]);
        let vessel = parsed.entities.iter().find(|e| e.schema == Schema::Vessel).unwrap();
        assert_eq!(vessel.get(Prop::Program), ["UA-WS-MARE"]);
        assert_eq!(vessel.get(Prop::ImoNumber), ["9253325"]);
        assert_eq!(vessel.get(Prop::Alias), ["Ceram Sea", "Gold Sun", "Nurkez"]);
    }

    #[test]
    fn fixture_interpol_without_program_ids() {
        let parsed = parse(&source("interpol_red_notices", vec![fixture("ok/interpol.csv")])).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues);
        assert_eq!(parsed.entities.len(), 3);
        let e = &parsed.entities[0];
        assert_eq!(e.topics, ["crime"]);
        assert_eq!(e.get(Prop::Reason).len(), 1, "one quoted value holding `;`");
    }

    fn check_error(file: &str, line: u64, needle: &str) {
        let path = fixture(file);
        let parsed = parse(&source("ua_war_sanctions", vec![path.clone()])).unwrap();
        let issue = parsed
            .issues
            .iter()
            .find(|i| i.severity == Severity::Error)
            .unwrap_or_else(|| panic!("no error for {file}: {:?}", parsed.issues));
        assert_eq!(issue.file, path);
        assert_eq!(issue.location, Location::Line(line), "{issue}");
        assert!(issue.message.contains(needle), "{issue}");
        assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
    }

    #[test]
    fn error_wrong_header() {
        check_error("err/wrong_header.csv", 1, "missing column `birth_date`");
    }
    #[test]
    fn error_broken_quote() {
        check_error("err/broken_quote.csv", 4, "broken quote");
    }
    #[test]
    fn error_field_count() {
        check_error("err/short_row.csv", 3, "expected 16 fields");
    }
    #[test]
    fn error_latin1() {
        check_error("err/latin1.csv", 2, "not UTF-8");
    }

    #[test]
    fn extra_column_warns_once() {
        let parsed = parse(&source("ua_war_sanctions", vec![fixture("err/extra_column.csv")])).unwrap();
        assert!(!parsed.has_errors());
        let warnings: Vec<_> = parsed.issues.iter().filter(|i| i.message.contains("extra column")).collect();
        assert_eq!(warnings.len(), 1);
        assert_eq!(parsed.entities.len(), 2);
    }

    #[test]
    fn duplicate_id_is_merged() {
        let parsed = parse(&source("ua_war_sanctions", vec![fixture("err/duplicate_id.csv")])).unwrap();
        assert!(!parsed.has_errors());
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 1, 1));
        assert!(
            parsed
                .issues
                .iter()
                .any(|i| i.location == Location::Record { line: 3, id: "NK-24ZomtS59XsEEB94Qcqy7S".into() })
        );
    }

    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/opensanctions");

    #[test]
    fn real_ua_war_sanctions() {
        let path = PathBuf::from(REAL).join("ua_war_sanctions/2026-03-13/targets.simple.csv");
        let parsed = parse(&source("ua_war_sanctions", vec![path])).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues.iter().find(|i| i.severity == Severity::Error));
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (5600, 0, 5600));
        let count = |s: Schema| parsed.entities.iter().filter(|e| e.schema == s).count();
        assert_eq!(count(Schema::Person), 1543);
        assert_eq!(count(Schema::Company), 1524);
        assert_eq!(count(Schema::Vessel), 1340);
        assert_eq!(count(Schema::LegalEntity), 1193);
        let putin = parsed.entities.iter().find(|e| e.id == "ua_war_sanctions-Q7747").unwrap();
        assert_eq!(putin.schema, Schema::Person);
        assert_eq!(putin.get(Prop::WikidataId), ["Q7747"]);
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert!(putin.get(Prop::Alias).iter().any(|a| a.contains("ПУТИН")));
        assert!(parsed.entities.iter().all(|e| e.topics == ["sanction"] && e.name_count() > 0));
    }

    #[test]
    fn real_interpol() {
        let path = PathBuf::from(REAL).join("interpol_red_notices/2025-05-23/targets.simple.csv");
        let parsed = parse(&source("interpol_red_notices", vec![path])).unwrap();
        assert!(!parsed.has_errors());
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (6561, 0, 6561));
        assert!(parsed.entities.iter().all(|e| e.schema == Schema::Person && e.topics == ["crime"]));
    }
}
