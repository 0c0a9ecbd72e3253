//! OpenSanctions Senzing exports (`us_congress`): JSON lines, one record per line.
//!
//! A record looks like `{"DATA_SOURCE": "OS_US_CONGRESS", "RECORD_ID": "Q101196632",
//! "RECORD_TYPE": "PERSON", "NAMES": [{"NAME_TYPE": "PRIMARY", "NAME_FULL": "..."}],
//! "DATES": [{"DATE_OF_BIRTH": "1988"}], "COUNTRIES": [{"NATIONALITY": "us"}],
//! "RISKS": [{"TOPIC": "role.pep"}], "IDENTIFIERS": [...], "RELATIONSHIPS": [...],
//! "URL": "..."}`.
//!
//! Quirks:
//! - Features are arrays of small objects, one attribute family each: `NAMES`
//!   (`NAME_FULL`, `NAME_ORG`, or `NAME_FIRST`/`NAME_MIDDLE`/`NAME_LAST`;
//!   `NAME_TYPE` `PRIMARY` is the name, anything else an alias), `DATES`
//!   (`DATE_OF_BIRTH`, `DATE_OF_DEATH`, `REGISTRATION_DATE`), `COUNTRIES`
//!   (`NATIONALITY`, `CITIZENSHIP`, `REGISTRATION_COUNTRY`, any other key a
//!   plain country), `ADDRESSES`, `PHONES`, `EMAIL_ADDRESSES`, `WEBSITES`,
//!   `IDENTIFIERS` (`TRUSTED_ID_*` with type `WIKIDATA` is the Wikidata id,
//!   `OTHER_ID_*` with type `OPEN_SANCTIONS` repeats the record id and is
//!   dropped, Senzing's `PASSPORT_NUMBER`, `NATIONAL_ID_NUMBER`,
//!   `TAX_ID_NUMBER`, `LEI_NUMBER`...), `RISKS` (`TOPIC` → topics).
//! - Positions are records of their own, without a `RECORD_TYPE`
//!   (`"RECORD_TYPE": null`), that persons point to with a `RELATIONSHIPS`
//!   entry `REL_POINTER_ROLE: Occupancy`, `REL_POINTER_KEY: <position id>`; the
//!   position record carries the matching `REL_ANCHOR_KEY`. The position's
//!   name becomes the person's `position`. A pointer to a record not in the
//!   file is ignored.
//! - `URL` is the OpenSanctions page (`sourceUrl`); `DATA_SOURCE` and
//!   `LAST_CHANGE` are not mapped. A key the parser does not know gives one
//!   warning per key name for the whole file.
//!
//! Counting: each non-blank line is a record in `seen`. `skipped` counts
//! records without a `RECORD_TYPE` (positions and other relationship
//! anchors), lines that are not a JSON object (an error each), records with
//! an unknown `RECORD_TYPE` or no `RECORD_ID` (an error each), and records
//! repeating an earlier `RECORD_ID` (merged into it).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Map, Value};
use vetter_model::{Entity, Prop, Schema};

use crate::tabular;
use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// Parses a Senzing JSON-lines dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    for path in &source.files {
        let bytes = tabular::read_bytes(path)?;
        let text = tabular::decode_utf8(&mut parsed, path, &bytes);
        parse_text(&mut parsed, path, &text);
    }
    for e in &mut parsed.entities {
        e.ensure_caption();
    }
    Ok(parsed)
}

/// A record read from a line, before positions are resolved.
struct Record {
    entity: Entity,
    /// `REL_POINTER_KEY`s of occupancy relationships.
    occupies: Vec<String>,
}

/// Unknown keys: the first line each was seen on, and how often.
type UnknownKeys = BTreeMap<String, (u64, usize)>;

fn parse_text(parsed: &mut Parsed, path: &Path, text: &str) {
    let mut records: Vec<Record> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut positions: HashMap<String, String> = HashMap::new();
    let mut unknown = UnknownKeys::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        parsed.seen += 1;
        let object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                parsed.issue(Severity::Error, path, Location::Line(line_no), "line is not a JSON object");
                parsed.skipped += 1;
                continue;
            }
            Err(err) => {
                parsed.issue(Severity::Error, path, Location::Line(line_no), format!("line is not valid JSON: {err}"));
                parsed.skipped += 1;
                continue;
            }
        };
        let Some(record_id) = object.get("RECORD_ID").and_then(scalar).filter(|s| !s.trim().is_empty()) else {
            parsed.issue(Severity::Error, path, Location::Line(line_no), "record without a `RECORD_ID`");
            parsed.skipped += 1;
            continue;
        };
        let record_id = record_id.trim().to_owned();
        let loc = Location::Record { line: line_no, id: record_id.clone() };
        let schema = match object.get("RECORD_TYPE") {
            None | Some(Value::Null) => {
                // A relationship anchor such as a position: keep its name for the occupants.
                if let Some(name) = primary_name(&object) {
                    for key in anchor_keys(&object) {
                        positions.insert(key, name.clone());
                    }
                }
                parsed.skipped += 1;
                continue;
            }
            Some(Value::String(t)) if t == "PERSON" => Schema::Person,
            Some(Value::String(t)) if t == "ORGANIZATION" => Schema::Organization,
            Some(other) => {
                parsed.issue(Severity::Error, path, loc, format!("unknown `RECORD_TYPE` {other}"));
                parsed.skipped += 1;
                continue;
            }
        };
        let mut record = Record { entity: Entity::new(parsed.entity_id(&record_id), schema), occupies: Vec::new() };
        record.entity.add_source(parsed.source_ref(&record_id));
        read_record(parsed, path, &loc, line_no, &object, &mut record, &mut unknown);
        match by_id.get(&record_id) {
            Some(&at) => {
                parsed.issue(
                    Severity::Warning,
                    path,
                    loc,
                    "`RECORD_ID` repeated: the record is merged into the earlier one",
                );
                let Record { entity, occupies } = record;
                records[at].entity.merge_from(&entity);
                records[at].occupies.extend(occupies);
                parsed.skipped += 1;
            }
            None => {
                by_id.insert(record_id, records.len());
                records.push(record);
            }
        }
    }
    for (key, (line, count)) in unknown {
        let message = format!("unknown key `{key}` ignored ({count} record{})", if count > 1 { "s" } else { "" });
        parsed.issue(Severity::Warning, path, Location::Line(line), message);
    }
    for Record { mut entity, occupies } in records {
        for key in occupies {
            if let Some(position) = positions.get(&key) {
                entity.add(Prop::Position, position);
            }
        }
        parsed.entities.push(entity);
    }
}

/// The string form of a scalar JSON value (strings as they are, numbers printed).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The items of a feature array, each an object; anything else yields nothing.
fn items<'a>(object: &'a Map<String, Value>, key: &str) -> impl Iterator<Item = &'a Map<String, Value>> {
    object.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object)
}

fn primary_name(object: &Map<String, Value>) -> Option<String> {
    items(object, "NAMES").find_map(|n| full_name(n).map(|(name, _)| name))
}

fn anchor_keys(object: &Map<String, Value>) -> Vec<String> {
    let mut keys: Vec<String> =
        items(object, "RELATIONSHIPS").filter_map(|r| r.get("REL_ANCHOR_KEY").and_then(scalar)).collect();
    if keys.is_empty() {
        keys.extend(object.get("RECORD_ID").and_then(scalar));
    }
    keys
}

/// A full name from `NAME_FULL`, `NAME_ORG` or the name parts, with the parts used.
fn full_name(name: &Map<String, Value>) -> Option<(String, Vec<(Prop, String)>)> {
    let get = |k: &str| name.get(k).and_then(scalar).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(full) = get("NAME_FULL").or_else(|| get("NAME_ORG")) {
        return Some((full, Vec::new()));
    }
    let parts: Vec<(Prop, String)> =
        [("NAME_FIRST", Prop::FirstName), ("NAME_MIDDLE", Prop::MiddleName), ("NAME_LAST", Prop::LastName)]
            .into_iter()
            .filter_map(|(k, p)| get(k).map(|v| (p, v)))
            .collect();
    if parts.is_empty() {
        return None;
    }
    let full = parts.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>().join(" ");
    Some((full, parts))
}

/// Notes an unknown key (`NAMES.NAME_SUFFIX` for a key inside a feature).
fn unknown_key(unknown: &mut UnknownKeys, key: String, line: u64) {
    unknown.entry(key).or_insert((line, 0)).1 += 1;
}

fn read_record(
    parsed: &mut Parsed,
    path: &Path,
    loc: &Location,
    line: u64,
    object: &Map<String, Value>,
    record: &mut Record,
    unknown: &mut UnknownKeys,
) {
    let e = &mut record.entity;
    for (key, value) in object {
        match key.as_str() {
            "DATA_SOURCE" | "RECORD_ID" | "RECORD_TYPE" | "LAST_CHANGE" => {}
            "URL" => {
                if let Some(url) = scalar(value) {
                    e.add(Prop::SourceUrl, &url);
                }
            }
            "NAMES" => {
                for name in items(object, key) {
                    let primary = name.get("NAME_TYPE").and_then(Value::as_str).is_none_or(|t| t == "PRIMARY");
                    if let Some((full, parts)) = full_name(name) {
                        e.add(if primary { Prop::Name } else { Prop::Alias }, &full);
                        for (prop, part) in parts {
                            e.add(prop, &part);
                        }
                    }
                    for k in name.keys() {
                        if !matches!(
                            k.as_str(),
                            "NAME_TYPE" | "NAME_FULL" | "NAME_ORG" | "NAME_FIRST" | "NAME_MIDDLE" | "NAME_LAST"
                        ) {
                            unknown_key(unknown, format!("{key}.{k}"), line);
                        }
                    }
                }
            }
            "DATES" => {
                for date in items(object, key) {
                    for (k, v) in date {
                        let prop = match k.as_str() {
                            "DATE_OF_BIRTH" => Prop::BirthDate,
                            "DATE_OF_DEATH" => Prop::DeathDate,
                            "REGISTRATION_DATE" => Prop::IncorporationDate,
                            _ => {
                                unknown_key(unknown, format!("{key}.{k}"), line);
                                continue;
                            }
                        };
                        if let Some(text) = scalar(v) {
                            tabular::add_date_or_note(e, parsed, path, loc, prop, k, &text);
                        }
                    }
                }
            }
            "COUNTRIES" => {
                for country in items(object, key) {
                    for (k, v) in country {
                        let prop = match k.as_str() {
                            "NATIONALITY" => Prop::Nationality,
                            "CITIZENSHIP" => Prop::Citizenship,
                            "REGISTRATION_COUNTRY" => Prop::Jurisdiction,
                            _ => Prop::Country,
                        };
                        if let Some(text) = scalar(v) {
                            tabular::add_countries(e, parsed, path, loc, prop, k, &text);
                        }
                    }
                }
            }
            "ADDRESSES" => {
                for address in items(object, key) {
                    read_address(e, address, key, line, unknown);
                }
            }
            "PHONES" | "EMAIL_ADDRESSES" | "EMAILS" | "WEBSITES" => {
                for item in items(object, key) {
                    for (k, v) in item {
                        let prop = match k.as_str() {
                            "PHONE_NUMBER" => Prop::Phone,
                            "EMAIL_ADDRESS" => Prop::Email,
                            "WEBSITE_ADDRESS" => Prop::Website,
                            "PHONE_TYPE" | "EMAIL_TYPE" => continue,
                            _ => {
                                unknown_key(unknown, format!("{key}.{k}"), line);
                                continue;
                            }
                        };
                        if let Some(text) = scalar(v) {
                            e.add(prop, &text);
                        }
                    }
                }
            }
            "IDENTIFIERS" => {
                for id in items(object, key) {
                    read_identifier(e, id, key, line, unknown);
                }
            }
            "RISKS" => {
                for risk in items(object, key) {
                    for (k, v) in risk {
                        match (k.as_str(), v.as_str()) {
                            ("TOPIC", Some(t)) if !t.trim().is_empty() => e.add_topic(t.trim()),
                            ("TOPIC", _) => {}
                            _ => unknown_key(unknown, format!("{key}.{k}"), line),
                        }
                    }
                }
            }
            "RELATIONSHIPS" => {
                for rel in items(object, key) {
                    let role = rel.get("REL_POINTER_ROLE").and_then(Value::as_str);
                    if role.is_some_and(|r| r.eq_ignore_ascii_case("occupancy")) {
                        record.occupies.extend(rel.get("REL_POINTER_KEY").and_then(scalar));
                    }
                    for k in rel.keys() {
                        if !k.starts_with("REL_POINTER_") && !k.starts_with("REL_ANCHOR_") {
                            unknown_key(unknown, format!("{key}.{k}"), line);
                        }
                    }
                }
            }
            "GENDER" => {
                if let Some(g) = scalar(value) {
                    add_gender(e, parsed, path, loc, &g);
                }
            }
            _ => unknown_key(unknown, key.clone(), line),
        }
    }
}

fn add_gender(e: &mut Entity, parsed: &mut Parsed, path: &Path, loc: &Location, text: &str) {
    let g = text.trim().to_ascii_lowercase();
    match g.as_str() {
        "m" | "male" => {
            e.add(Prop::Gender, "male");
        }
        "f" | "female" => {
            e.add(Prop::Gender, "female");
        }
        "" => {}
        _ => tabular::keep_as_note(e, parsed, path, loc, "GENDER", text, "unknown gender"),
    }
}

fn read_address(e: &mut Entity, address: &Map<String, Value>, key: &str, line: u64, unknown: &mut UnknownKeys) {
    const PARTS: [&str; 9] = [
        "ADDR_LINE1",
        "ADDR_LINE2",
        "ADDR_LINE3",
        "ADDR_CITY",
        "ADDR_STATE",
        "ADDR_POSTAL_CODE",
        "ADDR_COUNTRY",
        "ADDR_LINE4",
        "ADDR_LINE5",
    ];
    for k in address.keys() {
        if !matches!(k.as_str(), "ADDR_FULL" | "ADDR_TYPE") && !PARTS.contains(&k.as_str()) {
            unknown_key(unknown, format!("{key}.{k}"), line);
        }
    }
    if let Some(full) = address.get("ADDR_FULL").and_then(scalar) {
        e.add(Prop::Address, &full);
        return;
    }
    let parts: Vec<String> =
        PARTS.iter().filter_map(|k| address.get(*k).and_then(scalar)).filter(|s| !s.trim().is_empty()).collect();
    if !parts.is_empty() {
        e.add(Prop::Address, &parts.join(", "));
    }
}

fn read_identifier(e: &mut Entity, id: &Map<String, Value>, key: &str, line: u64, unknown: &mut UnknownKeys) {
    for (k, v) in id {
        let Some(value) = scalar(v) else { continue };
        let prop = match k.as_str() {
            "TRUSTED_ID_NUMBER" | "OTHER_ID_NUMBER" => {
                let kind = if k.starts_with("TRUSTED") { "TRUSTED_ID_TYPE" } else { "OTHER_ID_TYPE" };
                match id.get(kind).and_then(Value::as_str) {
                    Some("WIKIDATA") => Prop::WikidataId,
                    // The OpenSanctions entity id: the record id itself.
                    Some("OPEN_SANCTIONS") => continue,
                    Some("LEI") => Prop::LeiCode,
                    Some("INN") => Prop::InnCode,
                    Some("OGRN") => Prop::OgrnCode,
                    Some("IMO") => Prop::ImoNumber,
                    Some("SWIFT" | "BIC") => Prop::SwiftBic,
                    _ => Prop::IdNumber,
                }
            }
            "PASSPORT_NUMBER" => Prop::PassportNumber,
            "NATIONAL_ID_NUMBER" | "SSN_NUMBER" | "DRIVERS_LICENSE_NUMBER" => Prop::IdNumber,
            "TAX_ID_NUMBER" => Prop::TaxNumber,
            "LEI_NUMBER" => Prop::LeiCode,
            "DUNS_NUMBER" | "NPI_NUMBER" => Prop::RegistrationNumber,
            "TRUSTED_ID_TYPE"
            | "OTHER_ID_TYPE"
            | "PASSPORT_COUNTRY"
            | "NATIONAL_ID_COUNTRY"
            | "TAX_ID_COUNTRY"
            | "TAX_ID_TYPE"
            | "NATIONAL_ID_TYPE"
            | "OTHER_ID_COUNTRY" => continue,
            _ => {
                unknown_key(unknown, format!("{key}.{k}"), line);
                continue;
            }
        };
        e.add(prop, &value);
    }
}

#[cfg(test)]
mod tests {
    //! 1. Records from hand-written lines: names, dates, identifiers, positions.
    //! 2. Fixtures: a verbatim cut of the real file, and broken files (a
    //!    truncated line, a line that is not an object) whose error names the
    //!    file and line.
    //! 3. The real file: counts measured independently, and a golden record.
    use std::path::PathBuf;

    use super::*;
    use crate::Format;

    fn source(files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource {
            dataset: "us_congress".into(),
            format: Format::SenzingJson,
            snapshot: "2025-12-08".into(),
            files,
        }
    }

    fn parse_lines(text: &str) -> Parsed {
        let mut parsed = Parsed::new(&source(Vec::new()));
        parse_text(&mut parsed, Path::new("test.json"), text);
        parsed
    }

    fn check(line: &str, prop: Prop, expect: &[&str]) {
        let parsed = parse_lines(line);
        assert_eq!(parsed.entities.len(), 1, "{:?}", parsed.issues);
        assert_eq!(parsed.entities[0].get(prop), expect, "{line}");
    }

    #[test]
    fn name_full() {
        check(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FULL":"Jake Auchincloss"}]}"#,
            Prop::Name,
            &["Jake Auchincloss"],
        );
    }
    #[test]
    fn name_parts() {
        let line = r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FIRST":"Jake","NAME_LAST":"Auchincloss"}]}"#;
        check(line, Prop::Name, &["Jake Auchincloss"]);
        check(line, Prop::LastName, &["Auchincloss"]);
    }
    #[test]
    fn alias() {
        check(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","NAMES":[{"NAME_TYPE":"ALIAS","NAME_FULL":"Jim"}]}"#,
            Prop::Alias,
            &["Jim"],
        );
    }
    #[test]
    fn organization_name() {
        let parsed = parse_lines(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"ORGANIZATION","NAMES":[{"NAME_TYPE":"PRIMARY","NAME_ORG":"ACME"}]}"#,
        );
        assert_eq!(parsed.entities[0].schema, Schema::Organization);
        assert_eq!(parsed.entities[0].get(Prop::Name), ["ACME"]);
    }
    #[test]
    fn death_date() {
        check(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","DATES":[{"DATE_OF_BIRTH":"1944"},{"DATE_OF_DEATH":"2024-05-02"}]}"#,
            Prop::DeathDate,
            &["2024-05-02"],
        );
    }
    #[test]
    fn wikidata_identifier() {
        check(
            r#"{"RECORD_ID":"Q1","RECORD_TYPE":"PERSON","IDENTIFIERS":[{"TRUSTED_ID_TYPE":"WIKIDATA","TRUSTED_ID_NUMBER":"Q1"},{"OTHER_ID_TYPE":"OPEN_SANCTIONS","OTHER_ID_NUMBER":"Q1"}]}"#,
            Prop::WikidataId,
            &["Q1"],
        );
    }
    #[test]
    fn nationality() {
        check(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","COUNTRIES":[{"NATIONALITY":"us"}]}"#,
            Prop::Nationality,
            &["us"],
        );
    }
    #[test]
    fn unreadable_date_is_a_note() {
        check(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","DATES":[{"DATE_OF_BIRTH":"spring"}]}"#,
            Prop::Notes,
            &["DATE_OF_BIRTH: spring"],
        );
    }
    #[test]
    fn position_from_anchor_after_the_person() {
        let text = concat!(
            r#"{"RECORD_ID":"p","RECORD_TYPE":"PERSON","RELATIONSHIPS":[{"REL_POINTER_ROLE":"Occupancy","REL_POINTER_DOMAIN":"OPEN_SANCTIONS","REL_POINTER_KEY":"Q4416090"}]}"#,
            "\n",
            r#"{"RECORD_ID":"Q4416090","RECORD_TYPE":null,"NAMES":[{"NAME_TYPE":"PRIMARY","NAME_FULL":"United States senator"}],"RELATIONSHIPS":[{"REL_ANCHOR_DOMAIN":"OPEN_SANCTIONS","REL_ANCHOR_KEY":"Q4416090"}]}"#,
        );
        let parsed = parse_lines(text);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 1, 1));
        assert_eq!(parsed.entities[0].get(Prop::Position), ["United States senator"]);
    }
    #[test]
    fn unknown_keys_warn_once_per_key() {
        let text = concat!(
            r#"{"RECORD_ID":"1","RECORD_TYPE":"PERSON","FOO":1,"NAMES":[{"NAME_FULL":"A","NAME_SUFFIX":"Jr"}]}"#,
            "\n",
            r#"{"RECORD_ID":"2","RECORD_TYPE":"PERSON","FOO":2}"#,
        );
        let parsed = parse_lines(text);
        let warnings: Vec<String> = parsed.issues.iter().map(|i| i.message.clone()).collect();
        assert_eq!(
            warnings,
            ["unknown key `FOO` ignored (2 records)", "unknown key `NAMES.NAME_SUFFIX` ignored (1 record)"]
        );
        assert!(!parsed.has_errors());
    }
    #[test]
    fn unknown_record_type_is_an_error() {
        let parsed = parse_lines(r#"{"RECORD_ID":"1","RECORD_TYPE":"VESSEL"}"#);
        assert!(parsed.has_errors());
        assert_eq!((parsed.seen, parsed.skipped), (1, 1));
    }

    proptest::proptest! {
        #[test]
        fn any_lines_never_panic(text in "[\\[\\]{}:,\"A-Z_0-9a-z\n ]{0,200}") {
            let parsed = parse_lines(&text);
            proptest::prop_assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
        }

        #[test]
        fn odd_records_never_panic(names in "\\PC{0,20}", kind in "(PERSON|ORGANIZATION|null|1|\\[\\])") {
            let kind = if kind.starts_with(['n', '1', '[']) { kind } else { format!("{kind:?}") };
            let line = format!(r#"{{"RECORD_ID":"x","RECORD_TYPE":{kind},"NAMES":[{{"NAME_TYPE":7,"NAME_FULL":{names:?}}}],"DATES":[{{"DATE_OF_BIRTH":{names:?}}}],"COUNTRIES":{{"NATIONALITY":1}},"IDENTIFIERS":[1,{{"TRUSTED_ID_NUMBER":[]}}]}}"#);
            let _ = parse_lines(&line);
        }
    }

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/senzing_json")).join(name)
    }

    #[test]
    fn fixture_ok() {
        let parsed = parse(&source(vec![fixture("ok/us_congress_senzing.json")])).unwrap();
        assert!(parsed.issues.is_empty(), "{:?}", parsed.issues);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (6, 2, 4));
        let jake = parsed.entities.iter().find(|e| e.id == "us_congress-Q101196632").unwrap();
        assert_eq!(jake.caption, "Jake Auchincloss");
        assert_eq!(jake.get(Prop::BirthDate), ["1988"]);
        assert_eq!(jake.get(Prop::Nationality), ["us"]);
        assert_eq!(jake.get(Prop::WikidataId), ["Q101196632"]);
        assert_eq!(jake.get(Prop::Position), ["United States representative"]);
        assert_eq!(jake.get(Prop::SourceUrl), ["https://www.opensanctions.org/entities/Q101196632"]);
        assert_eq!(jake.topics, ["role.pep"]);
    }

    fn check_error(file: &str, line: u64, needle: &str) {
        let path = fixture(file);
        let parsed = parse(&source(vec![path.clone()])).unwrap();
        let issue = parsed.issues.iter().find(|i| i.severity == Severity::Error).expect("an error");
        assert_eq!(issue.file, path);
        assert_eq!(issue.location, Location::Line(line), "{issue}");
        assert!(issue.message.contains(needle), "{issue}");
        assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
    }

    #[test]
    fn error_truncated_line() {
        check_error("err/truncated.json", 3, "not valid JSON");
    }
    #[test]
    fn error_not_an_object() {
        check_error("err/array_line.json", 2, "not a JSON object");
    }
    #[test]
    fn error_latin1() {
        check_error("err/latin1.json", 2, "not UTF-8");
    }

    const REAL: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/opensanctions/us_congress/2025-12-08/us_congress_senzing.json"
    );

    #[test]
    fn real_file() {
        let text = std::fs::read_to_string(REAL).unwrap();
        let values: Vec<Value> =
            text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
        let persons = values.iter().filter(|v| v["RECORD_TYPE"] == "PERSON").count();
        let anchors = values.iter().filter(|v| v["RECORD_TYPE"].is_null()).count();
        assert_eq!(values.len(), 1319);

        let parsed = parse(&source(vec![PathBuf::from(REAL)])).unwrap();
        assert!(parsed.issues.is_empty(), "{:?}", parsed.issues);
        assert_eq!(parsed.seen, values.len());
        assert_eq!(parsed.skipped, anchors);
        assert_eq!(parsed.entities.len(), persons);
        assert!(parsed.entities.iter().all(|e| e.schema == Schema::Person && e.name_count() > 0));
        assert!(parsed.entities.iter().all(|e| e.topics == ["role.pep"]));
        assert!(parsed.entities.iter().all(|e| !e.get(Prop::Position).is_empty()));
        let mcclellan = parsed.entities.iter().find(|e| e.id == "us_congress-NK-AQ4HymsADSK2D63MkyTqfC").unwrap();
        assert_eq!(mcclellan.get(Prop::Name), ["Jennifer L. McClellan"]);
        assert_eq!(mcclellan.get(Prop::BirthDate), ["1972"]);
        assert_eq!(mcclellan.get(Prop::Position), ["United States representative"]);
    }
}
