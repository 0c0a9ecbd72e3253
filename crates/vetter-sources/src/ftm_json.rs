//! FollowTheMoney entity streams and OpenSanctions delta files (JSON lines).
//!
//! A plain line is one FtM entity, `{"id", "schema", "caption", "properties":
//! {name: [values]}, "referents", "datasets", ...}`; a delta line wraps one in
//! an operation, `{"op": "ADD" | "MOD" | "DEL", "entity": {...}}` (a `DEL`
//! entity may hold only its id). The kind is detected per line. Lines are
//! applied in order to a map keyed by entity id: `ADD` and `MOD` insert or
//! replace, `DEL` removes; a plain line repeating an id adds its values to the
//! earlier one (an unmerged export splits an entity into fragments).
//!
//! Then the surviving entities are converted:
//! - Thing schemas become entities: `Person`, `Organization`, `Company`,
//!   `LegalEntity`, `PublicBody` (→ Organization), `Vessel` and `Airplane` (→ Aircraft).
//! - Properties map by their FtM name ([`Prop`]'s string form), plus
//!   `programId` → `program` and `secondName` → `middleName`. Country
//!   properties hold codes (`ru`, `suhh`, `xk`) and go through the country
//!   table, dates through the date reader; a value neither can read is kept as
//!   a `property: value` note with a warning. `topics` become topic tags.
//!   Properties vetter does not model (`modifiedAt`, `createdAt`, `summary`,
//!   `uniqueEntityId`...) are dropped and counted: one warning per property
//!   name with the number of values dropped.
//! - Non-thing entities that describe a thing are folded into it, and their
//!   id is added to its sources: `Sanction` (its `entity` is the holder;
//!   `program`/`programId` → program, `authority`, `startDate`/`listingDate`/`date`
//!   → listing date, `endDate`, `reason`, `sourceUrl`), `Address` (referenced
//!   from a thing's `addressEntity`; its `full` text, or its parts joined,
//!   becomes an address) and `Passport`/`Identification` (`holder`; `number` →
//!   passport or id number). References resolve through ids and `referents`.
//!   A sanction or document whose holder is not in the file gives one warning
//!   with the count.
//! - Relationship schemas (`Ownership`, `Directorship`, `Family`, `Associate`,
//!   `Membership`, `Occupancy`, `Employment`, `Representation`,
//!   `UnknownLink`...), unreferenced addresses and every other schema are not
//!   entities.
//!
//! Counting: each non-blank line (entity or delta op) is a record in `seen`;
//! `skipped` is every line that did not end up as a thing entity of its own:
//! folded, relationship and other non-thing records, `DEL` ops and the
//! entities they removed, entities replaced by a later `MOD`, fragments
//! merged into an earlier line, and lines refused with an error.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use vetter_model::{Entity, Prop, PropKind, Schema};

use crate::tabular;
use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// Parses an FtM JSON-lines or delta dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let mut store = Store::default();
    for path in &source.files {
        let bytes = tabular::read_bytes(path)?;
        let text = tabular::decode_utf8(&mut parsed, path, &bytes);
        read_lines(&mut parsed, &mut store, path, &text);
    }
    convert(&mut parsed, &store);
    parsed.skipped = parsed.seen.saturating_sub(parsed.entities.len());
    Ok(parsed)
}

/// One FtM entity as read.
#[derive(Debug, Clone)]
struct FtmEntity {
    id: String,
    schema: String,
    caption: String,
    properties: BTreeMap<String, Vec<String>>,
    referents: Vec<String>,
    /// Where it was read (the last line that changed it).
    file: usize,
    line: u64,
}

impl FtmEntity {
    fn values(&self, prop: &str) -> &[String] {
        self.properties.get(prop).map_or(&[], Vec::as_slice)
    }
}

/// The entities by id, in the order their ids first appeared.
#[derive(Default)]
struct Store {
    files: Vec<PathBuf>,
    slots: Vec<Option<FtmEntity>>,
    index: HashMap<String, usize>,
}

impl Store {
    fn upsert(&mut self, entity: FtmEntity, merge: bool) {
        match self.index.get(&entity.id) {
            Some(&at) => match (&mut self.slots[at], merge) {
                (Some(old), true) => {
                    for (prop, values) in entity.properties {
                        let mine = old.properties.entry(prop).or_default();
                        for v in values {
                            if !mine.contains(&v) {
                                mine.push(v);
                            }
                        }
                    }
                    for r in entity.referents {
                        if !old.referents.contains(&r) {
                            old.referents.push(r);
                        }
                    }
                    if old.caption.is_empty() {
                        old.caption = entity.caption;
                    }
                }
                (slot, _) => *slot = Some(entity),
            },
            None => {
                self.index.insert(entity.id.clone(), self.slots.len());
                self.slots.push(Some(entity));
            }
        }
    }

    fn delete(&mut self, id: &str) {
        if let Some(at) = self.index.remove(id) {
            self.slots[at] = None;
        }
    }

    fn live(&self) -> impl Iterator<Item = &FtmEntity> {
        self.slots.iter().flatten()
    }
}

fn read_lines(parsed: &mut Parsed, store: &mut Store, path: &Path, text: &str) {
    let file = store.files.len();
    store.files.push(path.to_owned());
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        parsed.seen += 1;
        let error = |parsed: &mut Parsed, message: String| {
            parsed.issue(Severity::Error, path, Location::Line(line_no), message);
        };
        let object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                error(parsed, "line is not a JSON object".into());
                continue;
            }
            Err(err) => {
                error(parsed, format!("line is not valid JSON: {err}"));
                continue;
            }
        };
        let Some(op) = object.get("op") else {
            match read_entity(&object, file, line_no) {
                Ok(entity) => store.upsert(entity, true),
                Err(message) => error(parsed, message),
            }
            continue;
        };
        let Some(entity) = object.get("entity").and_then(Value::as_object) else {
            error(parsed, "delta line without an `entity` object".into());
            continue;
        };
        match op.as_str() {
            Some("ADD" | "MOD") => match read_entity(entity, file, line_no) {
                Ok(entity) => store.upsert(entity, false),
                Err(message) => error(parsed, message),
            },
            Some("DEL") => match entity.get("id").and_then(Value::as_str).filter(|id| !id.is_empty()) {
                Some(id) => store.delete(id),
                None => error(parsed, "`DEL` without an entity id".into()),
            },
            _ => error(parsed, format!("unknown delta op {op}")),
        }
    }
}

fn read_entity(object: &Map<String, Value>, file: usize, line: u64) -> Result<FtmEntity, String> {
    let id =
        object.get("id").and_then(Value::as_str).filter(|s| !s.trim().is_empty()).ok_or("entity without an `id`")?;
    let schema = object
        .get("schema")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("entity `{id}` without a `schema`"))?;
    let mut properties = BTreeMap::new();
    match object.get("properties") {
        None | Some(Value::Null) => {}
        Some(Value::Object(props)) => {
            for (name, values) in props {
                let values: Vec<String> = match values {
                    Value::Array(items) => items.iter().filter_map(scalar).collect(),
                    other => scalar(other).into_iter().collect(),
                };
                properties.insert(name.clone(), values);
            }
        }
        Some(_) => return Err(format!("entity `{id}`: `properties` is not an object")),
    }
    let referents = object
        .get("referents")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    let caption = object.get("caption").and_then(Value::as_str).unwrap_or("").to_owned();
    Ok(FtmEntity { id: id.trim().to_owned(), schema: schema.to_owned(), caption, properties, referents, file, line })
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The vetter schema of an FtM thing schema; `None` for every other schema.
fn thing_schema(schema: &str) -> Option<Schema> {
    Some(match schema {
        "Person" => Schema::Person,
        "Organization" | "PublicBody" => Schema::Organization,
        "Company" => Schema::Company,
        "LegalEntity" => Schema::LegalEntity,
        "Vessel" => Schema::Vessel,
        "Airplane" | "Aircraft" => Schema::Aircraft,
        _ => return None,
    })
}

/// The vetter property of an FtM property of a thing.
fn thing_prop(name: &str) -> Option<Prop> {
    match name {
        "programId" => Some(Prop::Program),
        "secondName" => Some(Prop::MiddleName),
        _ => name.parse().ok(),
    }
}

/// Dropped properties: the first file and line each was seen on, and the number of values.
type Dropped = BTreeMap<String, (usize, u64, usize)>;

fn drop_values(dropped: &mut Dropped, name: String, record: &FtmEntity, count: usize) {
    dropped.entry(name).or_insert((record.file, record.line, 0)).2 += count;
}

fn convert(parsed: &mut Parsed, store: &Store) {
    // Every id and referent of a live entity, to the entity.
    let mut resolve: HashMap<&str, &FtmEntity> = HashMap::new();
    for record in store.live() {
        for r in &record.referents {
            resolve.entry(r.as_str()).or_insert(record);
        }
    }
    for record in store.live() {
        resolve.insert(record.id.as_str(), record);
    }
    let mut dropped = Dropped::new();
    let mut things: HashMap<&str, usize> = HashMap::new();
    for record in store.live() {
        let Some(schema) = thing_schema(&record.schema) else { continue };
        let entity = convert_thing(parsed, store, &resolve, &mut dropped, record, schema);
        things.insert(record.id.as_str(), parsed.entities.len());
        parsed.entities.push(entity);
    }
    let mut orphans: BTreeMap<&str, usize> = BTreeMap::new();
    for record in store.live() {
        let holder_prop = match record.schema.as_str() {
            "Sanction" => "entity",
            "Passport" | "Identification" => "holder",
            _ => continue,
        };
        let holders: Vec<usize> = record
            .values(holder_prop)
            .iter()
            .filter_map(|h| resolve.get(h.as_str()))
            .filter_map(|target| things.get(target.id.as_str()).copied())
            .collect();
        if holders.is_empty() {
            *orphans.entry(record.schema.as_str()).or_default() += 1;
            continue;
        }
        let path = &store.files[record.file];
        for at in holders {
            let mut e = std::mem::replace(&mut parsed.entities[at], Entity::new("", Schema::LegalEntity));
            fold(parsed, path, &mut dropped, &mut e, record, holder_prop);
            parsed.entities[at] = e;
        }
    }
    for (schema, count) in orphans {
        let message = format!(
            "{count} {schema} record{} refer to no entity in the file and were not used",
            if count > 1 { "s" } else { "" }
        );
        let file = store.files.first().cloned().unwrap_or_default();
        parsed.issue(Severity::Warning, &file, Location::File, message);
    }
    for (name, (file, line, count)) in dropped {
        let message =
            format!("property `{name}` is not modelled: {count} value{} dropped", if count > 1 { "s" } else { "" });
        let path = store.files.get(file).cloned().unwrap_or_default();
        parsed.issue(Severity::Warning, &path, Location::Line(line), message);
    }
}

fn convert_thing(
    parsed: &mut Parsed,
    store: &Store,
    resolve: &HashMap<&str, &FtmEntity>,
    dropped: &mut Dropped,
    record: &FtmEntity,
    schema: Schema,
) -> Entity {
    let path = &store.files[record.file];
    let loc = Location::Record { line: record.line, id: record.id.clone() };
    let mut e = Entity::new(parsed.entity_id(&record.id), schema);
    e.add_source(parsed.source_ref(&record.id));
    for (name, values) in &record.properties {
        match name.as_str() {
            "topics" => {
                for t in values.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                    e.add_topic(t);
                }
            }
            "addressEntity" => {
                for address in values.iter().filter_map(|a| resolve.get(a.as_str())).filter(|a| a.schema == "Address") {
                    if let Some(text) = address_text(address) {
                        e.add(Prop::Address, &text);
                        e.add_source(parsed.source_ref(&address.id));
                    }
                }
            }
            _ => match thing_prop(name) {
                Some(prop) => {
                    for value in values {
                        add_value(parsed, path, &loc, &mut e, prop, name, value);
                    }
                }
                None => drop_values(dropped, name.clone(), record, values.len()),
            },
        }
    }
    e.caption = vetter_model::clean_value(&record.caption);
    e.ensure_caption();
    e
}

/// Adds one value by the kind of its property (see the module doc).
fn add_value(parsed: &mut Parsed, path: &Path, loc: &Location, e: &mut Entity, prop: Prop, label: &str, value: &str) {
    match prop.kind() {
        PropKind::Country => tabular::add_countries(e, parsed, path, loc, prop, label, value),
        PropKind::Date => {
            // FtM dates may carry a time: `2024-05-02T10:00:00`.
            let date = match value.get(..10) {
                Some(day) if value.as_bytes().get(10) == Some(&b'T') => day,
                _ => value,
            };
            tabular::add_date_or_note(e, parsed, path, loc, prop, label, date);
        }
        _ => {
            e.add(prop, value);
        }
    }
}

/// The one-line text of an FtM `Address`: its `full`, or its parts joined.
fn address_text(address: &FtmEntity) -> Option<String> {
    if let Some(full) = address.values("full").iter().find(|f| !f.trim().is_empty()) {
        return Some(full.clone());
    }
    let parts: Vec<&str> = ["street", "street2", "postOfficeBox", "city", "postalCode", "region", "state", "country"]
        .iter()
        .filter_map(|p| address.values(p).first())
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Folds a `Sanction`, `Passport` or `Identification` into its holder.
fn fold(
    parsed: &mut Parsed,
    path: &Path,
    dropped: &mut Dropped,
    e: &mut Entity,
    record: &FtmEntity,
    holder_prop: &str,
) {
    let loc = Location::Record { line: record.line, id: record.id.clone() };
    e.add_source(parsed.source_ref(&record.id));
    let sanction = record.schema == "Sanction";
    for (name, values) in &record.properties {
        if name == holder_prop {
            continue;
        }
        let prop = match (sanction, name.as_str()) {
            (true, "program" | "programId") => Prop::Program,
            (true, "authority") => Prop::Authority,
            (true, "startDate" | "listingDate" | "date") => Prop::ListingDate,
            (true, "endDate") => Prop::EndDate,
            (true, "reason") => Prop::Reason,
            (true, "sourceUrl") => Prop::SourceUrl,
            (false, "number") if record.schema == "Passport" => Prop::PassportNumber,
            (false, "number") => Prop::IdNumber,
            _ => {
                drop_values(dropped, format!("{}:{name}", record.schema), record, values.len());
                continue;
            }
        };
        let label = format!("{}:{name}", record.schema);
        for value in values {
            add_value(parsed, path, &loc, e, prop, &label, value);
        }
    }
}

#[cfg(test)]
mod tests {
    //! 1. Hand-written streams: delta semantics (ADD, MOD, DEL in order),
    //!    folding of sanctions, addresses and passports, referents, dropped
    //!    properties.
    //! 2. Fixtures: a verbatim cut of the zala cluster file, and broken files
    //!    whose error names the file and line.
    //! 3. The real files: thing counts measured independently with
    //!    `serde_json::Value`, a deleted entity absent, a modified one present.
    use std::collections::HashSet;

    use super::*;
    use crate::Format;

    fn source(dataset: &str, files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource { dataset: dataset.into(), format: Format::FtmJson, snapshot: "2026-04-29".into(), files }
    }

    fn parse_lines(lines: &[&str]) -> Parsed {
        let mut parsed = Parsed::new(&source("ftm", Vec::new()));
        let mut store = Store::default();
        read_lines(&mut parsed, &mut store, Path::new("test.json"), &lines.join("\n"));
        convert(&mut parsed, &store);
        parsed.skipped = parsed.seen - parsed.entities.len();
        parsed
    }

    fn check(lines: &[&str], id: &str, prop: Prop, expect: &[&str]) {
        let parsed = parse_lines(lines);
        let e = parsed.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no {id}: {:?}", parsed.issues));
        assert_eq!(e.get(prop), expect);
    }

    const PERSON: &str = r#"{"id":"p1","schema":"Person","caption":"Ivan","properties":{"name":["Ivan Petrov"],"birthDate":["1970-01-02"],"country":["ru"],"topics":["sanction"],"modifiedAt":["2024-01-01"],"wikidataId":["Q1"]},"referents":["old-p1"]}"#;

    #[test]
    fn thing_properties() {
        check(&[PERSON], "ftm-p1", Prop::Name, &["Ivan Petrov"]);
        check(&[PERSON], "ftm-p1", Prop::BirthDate, &["1970-01-02"]);
        check(&[PERSON], "ftm-p1", Prop::Country, &["ru"]);
        check(&[PERSON], "ftm-p1", Prop::WikidataId, &["Q1"]);
    }
    #[test]
    fn topics_and_caption() {
        let parsed = parse_lines(&[PERSON]);
        assert_eq!(parsed.entities[0].topics, ["sanction"]);
        assert_eq!(parsed.entities[0].caption, "Ivan");
    }
    #[test]
    fn dropped_property_warns() {
        let parsed = parse_lines(&[PERSON]);
        let messages: Vec<&str> = parsed.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(messages, ["property `modifiedAt` is not modelled: 1 value dropped"]);
    }
    #[test]
    fn sanction_folds_through_referent() {
        let sanction = r#"{"id":"s1","schema":"Sanction","properties":{"entity":["old-p1"],"program":["EU-UKR"],"authority":["Council"],"startDate":["2022-02-25"],"provisions":["Asset freeze"]}}"#;
        check(&[PERSON, sanction], "ftm-p1", Prop::Program, &["EU-UKR"]);
        check(&[PERSON, sanction], "ftm-p1", Prop::ListingDate, &["2022-02-25"]);
        let parsed = parse_lines(&[sanction, PERSON]);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 1, 1));
        assert_eq!(parsed.entities[0].sources.len(), 2);
    }
    #[test]
    fn address_entity() {
        let person = r#"{"id":"p2","schema":"Person","properties":{"name":["A"],"addressEntity":["a1"]}}"#;
        let address = r#"{"id":"a1","schema":"Address","properties":{"full":["1 Main St, Moscow"]}}"#;
        check(&[person, address], "ftm-p2", Prop::Address, &["1 Main St, Moscow"]);
    }
    #[test]
    fn passport_number() {
        let passport = r#"{"id":"d1","schema":"Passport","properties":{"holder":["p1"],"number":["7201234"]}}"#;
        check(&[PERSON, passport], "ftm-p1", Prop::PassportNumber, &["7201234"]);
    }
    #[test]
    fn delta_add_mod_del_in_order() {
        let lines = [
            r#"{"op":"ADD","entity":{"id":"x","schema":"Company","properties":{"name":["Old"]}}}"#,
            r#"{"op":"ADD","entity":{"id":"y","schema":"Company","properties":{"name":["Gone"]}}}"#,
            r#"{"op":"MOD","entity":{"id":"x","schema":"Company","properties":{"name":["New"]}}}"#,
            r#"{"op":"DEL","entity":{"id":"y"}}"#,
        ];
        let parsed = parse_lines(&lines);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (4, 3, 1));
        assert_eq!(parsed.entities[0].get(Prop::Name), ["New"]);
    }
    #[test]
    fn plain_fragments_merge() {
        let lines = [
            r#"{"id":"x","schema":"Company","properties":{"name":["A"]}}"#,
            r#"{"id":"x","schema":"Company","properties":{"alias":["B"]}}"#,
        ];
        check(&lines, "ftm-x", Prop::Alias, &["B"]);
        check(&lines, "ftm-x", Prop::Name, &["A"]);
    }
    #[test]
    fn relationships_are_skipped() {
        let link = r#"{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"]}}"#;
        let parsed = parse_lines(&[PERSON, link]);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 1, 1));
    }
    #[test]
    fn unknown_op_is_an_error() {
        let parsed = parse_lines(&[r#"{"op":"PATCH","entity":{"id":"x"}}"#]);
        assert!(parsed.has_errors());
        assert_eq!((parsed.seen, parsed.skipped), (1, 1));
    }

    proptest::proptest! {
        #[test]
        fn any_lines_never_panic(text in "[\\[\\]{}:,\"a-zA-Z_0-9\n ]{0,200}") {
            let parsed = parse_lines(&[&text]);
            proptest::prop_assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
        }

        #[test]
        fn odd_entities_never_panic(value in "\\PC{0,20}", schema in "(Person|Sanction|Address|Passport|Vessel)", op in "(ADD|MOD|DEL|X)") {
            let lines = [
                format!(r#"{{"op":"{op}","entity":{{"id":"a","schema":"{schema}","properties":{{"entity":["b"],"holder":["b"],"addressEntity":["a"],"birthDate":[{value:?}],"country":[{value:?}],"full":[{value:?}]}},"referents":["b"]}}}}"#),
                format!(r#"{{"id":"b","schema":"Person","properties":{{"name":{value:?},"addressEntity":["a"]}}}}"#),
            ];
            let parsed = parse_lines(&[&lines[0], &lines[1]]);
            proptest::prop_assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
        }
    }

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ftm_json")).join(name)
    }

    #[test]
    fn fixture_ok() {
        let parsed = parse(&source("yente_fixture_zala_cluster", vec![fixture("ok/entities.ftm.json")])).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (5, 3, 2));
        let zakharov =
            parsed.entities.iter().find(|e| e.id == "yente_fixture_zala_cluster-NK-aU5ybkbRFJucf8YMwsJvDw").unwrap();
        assert_eq!(zakharov.caption, "Alexander Vyacheslavovich ZAKHAROV");
        assert!(zakharov.get(Prop::Name).contains(&"Alexander Vyacheslavovich ZAKHAROV".to_owned()));
        assert!(zakharov.get(Prop::Country).contains(&"ru".to_owned()));
        assert!(zakharov.topics.contains(&"sanction".to_owned()));
        assert!(!zakharov.get(Prop::Program).is_empty(), "the Sanction is folded in");
        assert!(zakharov.get(Prop::Address).contains(&"272 Pushkinskaya Street, Apt 41, Izhevsk, 426008".to_owned()));
        // Its own record, the folded Sanction and the folded Address.
        assert_eq!(zakharov.sources.len(), 3);
    }

    fn check_error(file: &str, line: u64, needle: &str) {
        let path = fixture(file);
        let parsed = parse(&source("x", vec![path.clone()])).unwrap();
        let issue = parsed.issues.iter().find(|i| i.severity == Severity::Error).expect("an error");
        assert_eq!(issue.file, path);
        assert_eq!(issue.location, Location::Line(line), "{issue}");
        assert!(issue.message.contains(needle), "{issue}");
    }

    #[test]
    fn error_truncated_line() {
        check_error("err/truncated.json", 2, "not valid JSON");
    }
    #[test]
    fn error_delta_without_entity() {
        check_error("err/delta_no_entity.json", 2, "without an `entity`");
    }
    #[test]
    fn error_no_schema() {
        check_error("err/no_schema.json", 1, "without a `schema`");
    }

    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/opensanctions");
    const THINGS: [&str; 7] = ["Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"];

    fn lines(path: &Path) -> Vec<Value> {
        let text = std::fs::read_to_string(path).unwrap();
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn real_zala_cluster() {
        let path = PathBuf::from(REAL).join("yente_fixture_zala_cluster/2026-04-29/entities.ftm.json");
        let values = lines(&path);
        let is = |v: &Value, s: &str| v["schema"] == s;
        let things = values.iter().filter(|v| THINGS.iter().any(|s| is(v, s))).count();
        let persons = values.iter().filter(|v| is(v, "Person")).count();
        let companies = values.iter().filter(|v| is(v, "Company")).count();
        assert_eq!((values.len(), persons, companies), (91, 6, 11));

        let parsed = parse(&source("yente_fixture_zala_cluster", vec![path])).unwrap();
        assert!(!parsed.has_errors());
        assert_eq!(parsed.seen, values.len());
        assert_eq!(parsed.entities.len(), things);
        assert_eq!(parsed.skipped, values.len() - things);
        assert_eq!(parsed.entities.iter().filter(|e| e.schema == Schema::Person).count(), persons);
        assert_eq!(parsed.entities.iter().filter(|e| e.schema == Schema::Company).count(), companies);
        assert!(parsed.entities.iter().all(|e| e.name_count() > 0));
        // Every Sanction names a thing of the file: none is left over.
        assert!(!parsed.issues.iter().any(|i| i.message.contains("refer to no entity")));
    }

    #[test]
    fn real_delta() {
        let path = PathBuf::from(REAL).join("yente_fixture_sanctions_delta/2024-05-30/entities.delta.json");
        let values = lines(&path);
        assert_eq!(values.len(), 1700);
        // Independent replay of the ops.
        let mut live: Vec<(String, String)> = Vec::new();
        let mut deleted: HashSet<String> = HashSet::new();
        for v in &values {
            let id = v["entity"]["id"].as_str().unwrap().to_owned();
            live.retain(|(i, _)| *i != id);
            match v["op"].as_str().unwrap() {
                "DEL" => {
                    deleted.insert(id);
                }
                _ => live.push((id, v["entity"]["schema"].as_str().unwrap().to_owned())),
            }
        }
        let things = live.iter().filter(|(_, s)| THINGS.contains(&s.as_str())).count();

        let parsed = parse(&source("yente_fixture_sanctions_delta", vec![path])).unwrap();
        assert!(!parsed.has_errors());
        assert_eq!(parsed.seen, 1700);
        assert_eq!(parsed.entities.len(), things);
        assert_eq!(parsed.skipped, 1700 - things);
        let ids: HashSet<&str> = parsed.entities.iter().map(|e| e.id.as_str()).collect();
        let gone = "NK-3MDjERC9RyRHv3wEq9xWe4";
        assert!(deleted.contains(gone));
        assert!(!ids.contains(format!("yente_fixture_sanctions_delta-{gone}").as_str()));
        assert!(deleted.iter().all(|d| !ids.contains(format!("yente_fixture_sanctions_delta-{d}").as_str())));
        // A MOD'd person carries the values of its MOD line.
        let modded = values
            .iter()
            .find(|v| {
                v["op"] == "MOD"
                    && v["entity"]["schema"] == "Person"
                    && v["entity"]["properties"]["birthDate"].is_array()
            })
            .unwrap();
        let id = format!("yente_fixture_sanctions_delta-{}", modded["entity"]["id"].as_str().unwrap());
        let e = parsed.entities.iter().find(|e| e.id == id).unwrap();
        let names: Vec<String> = modded["entity"]["properties"]["name"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| vetter_model::clean_value(n.as_str().unwrap()))
            .collect();
        assert_eq!(e.get(Prop::Name), names.as_slice());
        assert!(!e.get(Prop::BirthDate).is_empty());
    }
}
