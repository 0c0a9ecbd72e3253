//! The UN Security Council consolidated list, XML (`CONSOLIDATED_LIST`,
//! schema `sc-sanctions.xsd`), read with a streaming pull parser.
//!
//! Layout: `<CONSOLIDATED_LIST dateGenerated="...">` holds `<INDIVIDUALS>`
//! and `<ENTITIES>`; each `<INDIVIDUAL>` (a Person) or `<ENTITY>` (an
//! Organization) is one record, with flat fields (`FIRST_NAME`,
//! `REFERENCE_NUMBER`...) and one level of groups (`INDIVIDUAL_ALIAS`,
//! `INDIVIDUAL_DATE_OF_BIRTH`, `DESIGNATION/VALUE`...).
//!
//! Quirks handled here:
//! - The record id is `REFERENCE_NUMBER` (`QDi.001`); `DATAID` is the fallback.
//! - Names come in up to four parts (`FIRST_NAME`..`FOURTH_NAME`) in the
//!   order the UN prints them; the UN does not say which part is the surname,
//!   so `firstName`/`lastName` are only set for two-part names.
//! - Alias `QUALITY` is `Good`, `a.k.a.` or empty (alias), `Low` (weak alias:
//!   a nickname or nom de guerre) or `f.k.a.` (previous name). Empty
//!   `<ALIAS_NAME/>` placeholders are common and ignored. An alias may carry
//!   its own `DATE_OF_BIRTH` / `CITY_OF_BIRTH` / `COUNTRY_OF_BIRTH`, which
//!   are added to the person.
//! - Dates of birth have a `TYPE_OF_DATE`: `EXACT` (`DATE` or `YEAR`),
//!   `APPROXIMATELY` (a circa date) or `BETWEEN` (`FROM_YEAR`/`TO_YEAR`, a
//!   range). A `NOTE` sometimes holds the month (`Sep.`) or the whole date
//!   (`Nov. 1973`); notes that are not dates (`30-35 years old`) give a warning.
//! - `LISTED_ON` is sometimes printed with a time-zone suffix (`2015-04-07-04:00`).
//! - Document types are free text and partly not in English (`Número de
//!   pasaporte`); anything naming a passport is a passport number, the rest
//!   are id numbers. Documents without a `NUMBER` (the number is buried in
//!   the `NOTE` prose) are not read.
//! - An address made of a country alone only sets `country`.
//! - Text may contain entity references (`&amp;`), split by the parser into
//!   separate events and joined back here.
//!
//! A file that is not UTF-8, is not well-formed, or ends before its root
//! element closes (a truncated download) gives an error issue with the byte
//! offset; a record left open by the truncation is refused.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use vetter_model::{Entity, PartialDate, Prop, Schema, Ymd, topic};

use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// The record fields this parser knows, each with the sub-fields it knows.
const KNOWN: &[(&str, &[&str])] = &[
    ("DATAID", &[]),
    ("VERSIONNUM", &[]),
    ("FIRST_NAME", &[]),
    ("SECOND_NAME", &[]),
    ("THIRD_NAME", &[]),
    ("FOURTH_NAME", &[]),
    ("UN_LIST_TYPE", &[]),
    ("REFERENCE_NUMBER", &[]),
    ("LISTED_ON", &[]),
    ("GENDER", &[]),
    ("COMMENTS1", &[]),
    ("NAME_ORIGINAL_SCRIPT", &[]),
    ("SUBMITTED_BY", &[]),
    ("SORT_KEY", &[]),
    ("SORT_KEY_LAST_MOD", &[]),
    ("DELISTED_ON", &[]),
    ("DESIGNATION", &["VALUE"]),
    ("TITLE", &["VALUE"]),
    ("NATIONALITY", &["VALUE"]),
    ("LIST_TYPE", &["VALUE"]),
    ("LAST_DAY_UPDATED", &["VALUE"]),
    ("INDIVIDUAL_ALIAS", ALIAS_FIELDS),
    ("ENTITY_ALIAS", ALIAS_FIELDS),
    ("INDIVIDUAL_ADDRESS", ADDRESS_FIELDS),
    ("ENTITY_ADDRESS", ADDRESS_FIELDS),
    ("INDIVIDUAL_DATE_OF_BIRTH", &["TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"]),
    ("INDIVIDUAL_PLACE_OF_BIRTH", &["STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE"]),
    (
        "INDIVIDUAL_DOCUMENT",
        &[
            "TYPE_OF_DOCUMENT",
            "TYPE_OF_DOCUMENT2",
            "NUMBER",
            "ISSUING_COUNTRY",
            "DATE_OF_ISSUE",
            "CITY_OF_ISSUE",
            "COUNTRY_OF_ISSUE",
            "NOTE",
        ],
    ),
];

const ALIAS_FIELDS: &[&str] = &["QUALITY", "ALIAS_NAME", "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH", "NOTE"];
const ADDRESS_FIELDS: &[&str] = &["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"];

/// Parses every XML file of a `un_sc_sanctions` dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let mut ids = HashSet::new();
    for file in &source.files {
        let bytes = fs_err::read(file).map_err(|e| SourceError::io(file, e))?;
        parse_bytes(&mut parsed, &mut ids, file, &bytes);
    }
    Ok(parsed)
}

/// One child element of a record: a field with its text, or a group such as
/// `<INDIVIDUAL_ALIAS>` with its own fields.
#[derive(Debug, Default)]
struct Node {
    name: String,
    text: String,
    fields: Vec<(String, String)>,
}

impl Node {
    /// The trimmed text of the first non-empty sub-field `name`.
    fn field<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.fields(name).next()
    }

    /// The trimmed, non-empty texts of the sub-fields `name`.
    fn fields<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }
}

/// An `<INDIVIDUAL>` or `<ENTITY>` being read.
#[derive(Debug)]
struct Record {
    schema: Schema,
    /// The 1-based line of the start tag.
    line: u64,
    /// The depth of the record element in the element stack.
    depth: usize,
    children: Vec<Node>,
}

impl Record {
    /// The trimmed text of the first non-empty field `name`.
    fn text(&self, name: &str) -> Option<&str> {
        self.children.iter().filter(|c| c.name == name).map(|c| c.text.trim()).find(|t| !t.is_empty())
    }

    fn groups<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The id used in issues before the record is fully read.
    fn label(&self) -> String {
        self.text("REFERENCE_NUMBER").or_else(|| self.text("DATAID")).unwrap_or("?").to_owned()
    }
}

/// Turns byte offsets into 1-based line numbers, scanning forward only.
struct Lines<'a> {
    text: &'a [u8],
    pos: usize,
    line: u64,
}

impl Lines<'_> {
    fn at(&mut self, offset: u64) -> u64 {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(self.text.len());
        if offset < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.text[self.pos..offset].iter().filter(|&&b| b == b'\n').count() as u64;
        self.pos = offset;
        self.line
    }
}

/// State of one file's parse.
struct FileParse<'p, 'f> {
    parsed: &'p mut Parsed,
    ids: &'p mut HashSet<String>,
    file: &'f Path,
    /// The length of the byte-order mark before the parsed text.
    bom: u64,
    /// Unknown element paths, with the first line and the count.
    unknown: BTreeMap<String, (u64, usize)>,
    /// Country names `add_country` did not know, with a count.
    unknown_countries: BTreeMap<String, usize>,
}

fn parse_bytes(parsed: &mut Parsed, ids: &mut HashSet<String>, file: &Path, bytes: &[u8]) {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let bytes = bytes.get(bom..).unwrap_or_default();
    let mut lines = Lines { text: bytes, pos: 0, line: 1 };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to() as u64;
            let line = lines.at(at);
            parsed.issue(
                Severity::Error,
                file,
                Location::Byte(at + bom as u64),
                format!("bytes that are not UTF-8 at line {line}: the file cannot be read"),
            );
            return;
        }
    };
    let mut state =
        FileParse { parsed, ids, file, bom: bom as u64, unknown: BTreeMap::new(), unknown_countries: BTreeMap::new() };
    state.run(text, &mut lines);
    state.finish();
}

impl FileParse<'_, '_> {
    /// The location of a byte offset of the parsed text, in the file.
    fn byte(&self, at: u64) -> Location {
        Location::Byte(at + self.bom)
    }

    fn error(&mut self, location: Location, message: String) {
        self.parsed.issue(Severity::Error, self.file, location, message);
    }

    fn warning(&mut self, location: Location, message: String) {
        self.parsed.issue(Severity::Warning, self.file, location, message);
    }

    fn note_unknown(&mut self, path: String, line: u64) {
        self.unknown.entry(path).or_insert((line, 0)).1 += 1;
    }

    /// Refuses a record that could not be read to its end.
    fn refuse_open(&mut self, record: Option<Record>, why: &str) {
        if let Some(rec) = record {
            self.parsed.seen += 1;
            self.parsed.skipped += 1;
            let id = rec.label();
            self.error(Location::Record { line: rec.line, id }, format!("record refused: {why}"));
        }
    }

    fn run(&mut self, text: &str, lines: &mut Lines<'_>) {
        let mut reader = Reader::from_str(text);
        let mut stack: Vec<String> = Vec::new();
        let mut record: Option<Record> = None;
        let mut root_seen = false;
        loop {
            let start = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(err) => {
                    let at = reader.error_position();
                    let line = lines.at(at);
                    self.error(self.byte(at), format!("malformed XML at line {line}: {err}"));
                    self.refuse_open(record.take(), "the XML breaks inside it");
                    return;
                }
            };
            match event {
                Event::Start(e) => {
                    let name = e.name().as_ref().to_owned();
                    if stack.is_empty() {
                        if !self.open_root(&e, start, &mut root_seen, lines) {
                            return;
                        }
                    } else {
                        self.open(&mut record, &stack, &name, start, lines);
                    }
                    stack.push(name);
                }
                Event::Empty(e) => {
                    if stack.is_empty() {
                        if !self.open_root(&e, start, &mut root_seen, lines) {
                            return;
                        }
                    } else {
                        let name = e.name().as_ref().to_owned();
                        self.open(&mut record, &stack, &name, start, lines);
                        self.close(&mut record, stack.len());
                    }
                }
                Event::End(_) => {
                    stack.pop();
                    self.close(&mut record, stack.len());
                }
                Event::Text(t) => push_text(&mut record, stack.len(), &t.xml10_content()),
                Event::CData(t) => push_text(&mut record, stack.len(), &t.xml10_content()),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_owned),
                        Err(_) => None,
                    };
                    match resolved {
                        Some(s) => push_text(&mut record, stack.len(), &s),
                        None => {
                            let line = lines.at(start);
                            let name: &str = &r;
                            self.warning(
                                Location::Line(line),
                                format!("unknown entity reference `&{name};` kept as printed"),
                            );
                            push_text(&mut record, stack.len(), &format!("&{name};"));
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !root_seen {
            self.error(Location::File, "no root element: the file is empty or not XML".into());
        } else if !stack.is_empty() {
            let at = text.len() as u64;
            let line = lines.at(at);
            self.error(
                self.byte(at),
                format!("the file ends at line {line} inside <{}>: it is truncated", stack.join("/")),
            );
            self.refuse_open(record.take(), "the file ends before its end tag");
        }
    }

    /// Checks the root element; false when the file is not a UN list.
    fn open_root(&mut self, e: &BytesStart<'_>, start: u64, root_seen: &mut bool, lines: &mut Lines<'_>) -> bool {
        if *root_seen {
            let line = lines.at(start);
            self.error(self.byte(start), format!("a second root element at line {line}"));
            return false;
        }
        *root_seen = true;
        let name = e.name();
        if name.as_ref() != "CONSOLIDATED_LIST" {
            self.error(
                self.byte(start),
                format!("the root element is <{}>, not <CONSOLIDATED_LIST>: not a UN consolidated list", name.as_ref()),
            );
            return false;
        }
        let generated = e
            .try_get_attribute("dateGenerated")
            .ok()
            .flatten()
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()));
        match generated {
            Some(g) => {
                let day = g.get(..10).unwrap_or(&g);
                if day != self.parsed.snapshot {
                    let snapshot = self.parsed.snapshot.clone();
                    self.warning(
                        self.byte(start),
                        format!("dateGenerated `{g}` does not match the snapshot date {snapshot}"),
                    );
                }
            }
            None => self.warning(self.byte(start), "no dateGenerated attribute on the root".into()),
        }
        true
    }

    fn open(&mut self, record: &mut Option<Record>, stack: &[String], name: &str, start: u64, lines: &mut Lines<'_>) {
        let depth = stack.len();
        match record {
            None => {
                let parent = stack.last().map(String::as_str);
                match (parent, name) {
                    (Some("INDIVIDUALS"), "INDIVIDUAL") | (Some("ENTITIES"), "ENTITY") => {
                        let schema = if name == "INDIVIDUAL" { Schema::Person } else { Schema::Organization };
                        *record = Some(Record { schema, line: lines.at(start), depth, children: Vec::new() });
                    }
                    (Some("CONSOLIDATED_LIST"), "INDIVIDUALS" | "ENTITIES") => {}
                    _ => {
                        let path = format!("{}/{name}", stack.join("/"));
                        self.note_unknown(path, lines.at(start));
                    }
                }
            }
            Some(rec) => match depth.saturating_sub(rec.depth) {
                1 => {
                    if !KNOWN.iter().any(|(n, _)| *n == name) {
                        self.note_unknown(format!("{}/{name}", stack.join("/")), lines.at(start));
                    }
                    rec.children.push(Node { name: name.to_owned(), ..Node::default() });
                }
                2 => {
                    let group = stack.last().map(String::as_str).unwrap_or_default();
                    let known = KNOWN.iter().find(|(n, _)| *n == group).is_some_and(|(_, f)| f.contains(&name));
                    // Sub-fields of unknown groups are reported with their group.
                    if !known && KNOWN.iter().any(|(n, _)| *n == group) {
                        self.note_unknown(format!("{}/{name}", stack.join("/")), lines.at(start));
                    }
                    if let Some(node) = rec.children.last_mut() {
                        node.fields.push((name.to_owned(), String::new()));
                    }
                }
                _ => self.note_unknown(format!("{}/{name}", stack.join("/")), lines.at(start)),
            },
        }
    }

    /// Called after an element closed; `depth` is the stack depth after the pop.
    fn close(&mut self, record: &mut Option<Record>, depth: usize) {
        if record.as_ref().is_some_and(|r| r.depth == depth)
            && let Some(rec) = record.take()
        {
            self.finish_record(rec);
        }
    }

    fn finish_record(&mut self, rec: Record) {
        self.parsed.seen += 1;
        let Some(id) = rec.text("REFERENCE_NUMBER").or_else(|| rec.text("DATAID")).map(str::to_owned) else {
            self.parsed.skipped += 1;
            self.error(Location::Line(rec.line), "record refused: it has neither REFERENCE_NUMBER nor DATAID".into());
            return;
        };
        let location = Location::Record { line: rec.line, id: id.clone() };
        if !self.ids.insert(id.clone()) {
            self.parsed.skipped += 1;
            self.error(location, format!("record refused: the id `{id}` is used by an earlier record"));
            return;
        }
        let entity = self.build(&rec, &id, &location);
        self.parsed.entities.push(entity);
    }

    fn country(&mut self, e: &mut Entity, prop: Prop, text: &str) {
        let text = text.trim();
        if !text.is_empty() && !e.add_country(prop, text) {
            *self.unknown_countries.entry(text.to_owned()).or_default() += 1;
        }
    }

    fn build(&mut self, rec: &Record, id: &str, location: &Location) -> Entity {
        let mut e = Entity::new(self.parsed.entity_id(id), rec.schema);
        e.add_source(self.parsed.source_ref(id));
        e.add_topic(topic::SANCTION);

        let parts: Vec<&str> =
            ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].iter().filter_map(|n| rec.text(n)).collect();
        if parts.is_empty() {
            self.warning(location.clone(), "record has no name".into());
        }
        e.add(Prop::Name, &parts.join(" "));
        if rec.schema == Schema::Person
            && rec.text("THIRD_NAME").is_none()
            && rec.text("FOURTH_NAME").is_none()
            && let (Some(first), Some(second)) = (rec.text("FIRST_NAME"), rec.text("SECOND_NAME"))
        {
            e.add(Prop::FirstName, first);
            e.add(Prop::LastName, second);
        }
        for original in rec.groups("NAME_ORIGINAL_SCRIPT") {
            e.add(Prop::Alias, &original.text);
        }
        for alias in rec.groups("INDIVIDUAL_ALIAS").chain(rec.groups("ENTITY_ALIAS")) {
            let Some(name) = alias.field("ALIAS_NAME") else { continue };
            let quality = alias.field("QUALITY").unwrap_or_default();
            let prop = match quality.to_lowercase().as_str() {
                "low" => Prop::WeakAlias,
                "f.k.a." | "fka" => Prop::PreviousName,
                "good" | "a.k.a." | "aka" | "" => Prop::Alias,
                _ => {
                    self.warning(location.clone(), format!("unknown alias quality `{quality}`, read as an alias"));
                    Prop::Alias
                }
            };
            e.add(prop, name);
            if let Some(dob) = alias.field("DATE_OF_BIRTH")
                && !add_un_date(&mut e, Prop::BirthDate, dob)
            {
                self.warning(location.clone(), format!("unreadable alias date of birth `{dob}`"));
            }
            let place: Vec<&str> =
                ["CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"].iter().filter_map(|f| alias.field(f)).collect();
            e.add(Prop::BirthPlace, &place.join(", "));
            if let Some(country) = alias.field("COUNTRY_OF_BIRTH") {
                self.country(&mut e, Prop::BirthCountry, country);
            }
        }
        for (group, prop) in [("DESIGNATION", Prop::Position), ("TITLE", Prop::Title)] {
            for node in rec.groups(group) {
                for value in node.fields("VALUE") {
                    e.add(prop, value);
                }
            }
        }
        for node in rec.groups("NATIONALITY") {
            for value in node.fields("VALUE") {
                self.country(&mut e, Prop::Nationality, value);
            }
        }
        if let Some(gender) = rec.text("GENDER") {
            e.add(Prop::Gender, &gender.to_lowercase());
        }
        if let Some(listed) = rec.text("LISTED_ON")
            && !add_un_date(&mut e, Prop::ListingDate, listed)
        {
            self.warning(location.clone(), format!("unreadable LISTED_ON `{listed}`"));
        }
        if let Some(list) = rec.text("UN_LIST_TYPE") {
            e.add(Prop::Program, &format!("UN-{list}"));
        }
        if let Some(reference) = rec.text("REFERENCE_NUMBER") {
            e.add(Prop::Program, reference);
        }
        if let Some(comments) = rec.text("COMMENTS1") {
            e.add(Prop::Notes, comments);
        }
        for dob in rec.groups("INDIVIDUAL_DATE_OF_BIRTH") {
            match birth_date(dob) {
                Ok(Some(date)) => {
                    e.add(Prop::BirthDate, &date.to_string());
                }
                Ok(None) => {}
                Err(what) => self.warning(location.clone(), format!("date of birth not read: {what}")),
            }
        }
        for pob in rec.groups("INDIVIDUAL_PLACE_OF_BIRTH") {
            let place: Vec<&str> =
                ["STREET", "CITY", "STATE_PROVINCE", "COUNTRY"].iter().filter_map(|f| pob.field(f)).collect();
            e.add(Prop::BirthPlace, &place.join(", "));
            if let Some(country) = pob.field("COUNTRY") {
                self.country(&mut e, Prop::BirthCountry, country);
            }
        }
        for doc in rec.groups("INDIVIDUAL_DOCUMENT") {
            let Some(number) = doc.field("NUMBER") else { continue };
            let kind = doc.field("TYPE_OF_DOCUMENT").unwrap_or_default();
            e.add(document_prop(kind), number);
        }
        for address in rec.groups("INDIVIDUAL_ADDRESS").chain(rec.groups("ENTITY_ADDRESS")) {
            if let Some(line) = address_line(address) {
                e.add(Prop::Address, &line);
            }
            if let Some(country) = address.field("COUNTRY") {
                self.country(&mut e, Prop::Country, country);
            }
        }
        e
    }

    /// Emits the per-file summary warnings.
    fn finish(mut self) {
        if !self.unknown.is_empty() {
            let list: Vec<String> =
                self.unknown.iter().map(|(path, (line, n))| format!("<{path}> ({n}x, first at line {line})")).collect();
            self.warning(Location::File, format!("unknown elements ignored: {}", list.join(", ")));
        }
        if !self.unknown_countries.is_empty() {
            let n: usize = self.unknown_countries.values().sum();
            let names: Vec<&str> = self.unknown_countries.keys().map(String::as_str).collect();
            let message = format!("{n} country values not recognised, not stored as countries: {}", names.join("; "));
            self.warning(Location::File, message);
        }
    }
}

/// Appends text to the open field of the record; text elsewhere is layout whitespace.
fn push_text(record: &mut Option<Record>, depth: usize, text: &str) {
    let Some(rec) = record else { return };
    match depth.checked_sub(rec.depth) {
        Some(2) => {
            if let Some(node) = rec.children.last_mut() {
                node.text.push_str(text);
            }
        }
        Some(3) => {
            if let Some((_, value)) = rec.children.last_mut().and_then(|n| n.fields.last_mut()) {
                value.push_str(text);
            }
        }
        _ => {}
    }
}

/// The property for a document number, from the free-text document type.
fn document_prop(kind: &str) -> Prop {
    let kind = kind.to_lowercase();
    if ["passport", "pasaporte", "passeport"].iter().any(|p| kind.contains(p)) {
        Prop::PassportNumber
    } else {
        Prop::IdNumber
    }
}

/// The address as one line, or `None` when it has nothing more specific than a country.
fn address_line(address: &Node) -> Option<String> {
    let parts: Vec<&str> =
        ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE"].iter().filter_map(|f| address.field(f)).collect();
    if parts.is_empty() {
        return None;
    }
    let mut line = parts.join(", ");
    if let Some(country) = address.field("COUNTRY") {
        line.push_str(", ");
        line.push_str(country);
    }
    if let Some(note) = address.field("NOTE") {
        line.push_str(" (");
        line.push_str(note);
        line.push(')');
    }
    Some(line)
}

/// A UN date: ISO, possibly with a time-zone suffix (`2015-04-07-04:00`), or any printed shape.
fn un_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    text.get(..10)
        .and_then(PartialDate::parse_edtf)
        .filter(|d| d.start().is_full())
        .or_else(|| PartialDate::parse_loose(text))
}

fn add_un_date(e: &mut Entity, prop: Prop, text: &str) -> bool {
    match un_date(text) {
        Some(date) => {
            e.add(prop, &date.to_string());
            true
        }
        None => false,
    }
}

fn year(text: &str) -> Option<Ymd> {
    Ymd::new(text.trim().parse().ok()?, None, None)
}

/// Reads an `INDIVIDUAL_DATE_OF_BIRTH`: `Ok(None)` when it is empty, `Err`
/// with the printed values when they do not make a date.
fn birth_date(node: &Node) -> Result<Option<PartialDate>, String> {
    let kind = node.field("TYPE_OF_DATE").unwrap_or_default().to_uppercase();
    let date = node.field("DATE");
    let single = node.field("YEAR");
    let (from, to) = (node.field("FROM_YEAR"), node.field("TO_YEAR"));
    let note = node.field("NOTE");
    if date.is_none() && single.is_none() && from.is_none() && to.is_none() && note.is_none() {
        return Ok(None);
    }
    let printed = || {
        node.fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(n, v)| format!("{n}={}", v.trim()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let base = if let Some(date) = date {
        un_date(date)
    } else if let Some(y) = single {
        // A note may name the month: YEAR 1958, NOTE `Sep.`.
        note.and_then(|n| PartialDate::parse_loose(&format!("{n} {y}")))
            .filter(|d| d.end().is_none() && !d.is_circa())
            .or_else(|| year(y).map(PartialDate::exact))
    } else if from.is_some() || to.is_some() {
        match (from.and_then(year), to.and_then(year)) {
            (Some(a), Some(b)) => PartialDate::range(a, b),
            _ => None,
        }
    } else {
        note.and_then(PartialDate::parse_loose)
    };
    let Some(base) = base else { return Err(printed()) };
    Ok(Some(match kind.as_str() {
        "APPROXIMATELY" if base.end().is_none() => PartialDate::circa(base.start()),
        _ => base,
    }))
}

#[cfg(test)]
mod tests {
    //! 1. DOB, date, document and address helpers on the shapes found in the real file.
    //! 2. Fixtures cut from the real file: a good one (golden values) and broken ones
    //!    (truncated, not UTF-8, wrong root, unknown element, missing id), each
    //!    checked for the issue's severity and location.
    //! 3. The real bundled file: counts, golden records, no errors, fast enough.
    use super::*;
    use crate::{Format, Issue};
    use std::path::PathBuf;

    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/un_sc/2026-02-27/UN_consolidated.xml");
    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/un_xml");

    fn source(files: Vec<PathBuf>, snapshot: &str) -> DatasetSource {
        DatasetSource { dataset: "un_sc_sanctions".into(), format: Format::UnXml, snapshot: snapshot.into(), files }
    }

    fn fixture(name: &str) -> Parsed {
        let path = PathBuf::from(FIXTURES).join(name);
        parse(&source(vec![path], "2026-02-27")).expect("fixture readable")
    }

    fn entity<'a>(parsed: &'a Parsed, id: &str) -> &'a Entity {
        let id = parsed.entity_id(id);
        parsed.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no entity {id}"))
    }

    fn errors(parsed: &Parsed) -> Vec<&Issue> {
        parsed.issues.iter().filter(|i| i.severity == Severity::Error).collect()
    }

    fn node(fields: &[(&str, &str)]) -> Node {
        Node {
            name: "INDIVIDUAL_DATE_OF_BIRTH".into(),
            text: String::new(),
            fields: fields.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
        }
    }

    #[test]
    fn birth_dates() {
        type Case<'a> = (&'a [(&'a str, &'a str)], Result<Option<&'a str>, ()>);
        let cases: &[Case<'_>] = &[
            (&[("TYPE_OF_DATE", "EXACT"), ("DATE", "1978-04-28")], Ok(Some("1978-04-28"))),
            (&[("TYPE_OF_DATE", "EXACT"), ("YEAR", "1971")], Ok(Some("1971"))),
            (&[("TYPE_OF_DATE", "APPROXIMATELY"), ("YEAR", "1966")], Ok(Some("1966~"))),
            (&[("TYPE_OF_DATE", "BETWEEN"), ("FROM_YEAR", "1973"), ("TO_YEAR", "1974")], Ok(Some("1973/1974"))),
            (
                &[("TYPE_OF_DATE", "BETWEEN"), ("FROM_YEAR", "1955"), ("TO_YEAR", "1958"), ("NOTE", "Approximately")],
                Ok(Some("1955/1958")),
            ),
            (&[("TYPE_OF_DATE", "EXACT"), ("NOTE", "Nov. 1973 ")], Ok(Some("1973-11"))),
            (&[("TYPE_OF_DATE", "EXACT"), ("YEAR", "1958"), ("NOTE", "Sep.")], Ok(Some("1958-09"))),
            (
                &[("TYPE_OF_DATE", "EXACT"), ("DATE", "1979-03-03"), ("NOTE", "from false passport")],
                Ok(Some("1979-03-03")),
            ),
            (&[("TYPE_OF_DATE", "")], Ok(None)),
            (&[("TYPE_OF_DATE", "APPROXIMATELY"), ("NOTE", "30-35 years old")], Err(())),
            (&[("TYPE_OF_DATE", "BETWEEN"), ("FROM_YEAR", "1980"), ("TO_YEAR", "1970")], Err(())),
            (&[("TYPE_OF_DATE", "EXACT"), ("YEAR", "19x1")], Err(())),
        ];
        for (fields, expect) in cases {
            let got = birth_date(&node(fields)).map(|d| d.map(|d| d.to_string())).map_err(|_| ());
            let expect = expect.map(|d| d.map(str::to_owned));
            assert_eq!(got, expect, "{fields:?}");
        }
    }

    #[test]
    fn dates_and_documents() {
        for (text, expect) in [
            ("2015-04-07-04:00", Some("2015-04-07")),
            ("2012-12-31", Some("2012-12-31")),
            ("26 Feb. 2011", Some("2011-02-26")),
            ("", None),
            ("someday", None),
        ] {
            assert_eq!(un_date(text).map(|d| d.to_string()).as_deref(), expect, "{text}");
        }
        for (kind, prop) in [
            ("Passport", Prop::PassportNumber),
            ("Numéro de passeport ", Prop::PassportNumber),
            ("Número de pasaporte", Prop::PassportNumber),
            ("National Identification Number", Prop::IdNumber),
            ("", Prop::IdNumber),
        ] {
            assert_eq!(document_prop(kind), prop, "{kind}");
        }
    }

    #[test]
    fn addresses() {
        let mut a =
            node(&[("CITY", "Kinshasa"), ("COUNTRY", "Democratic Republic of the Congo"), ("NOTE", "as of June 2016")]);
        assert_eq!(address_line(&a).as_deref(), Some("Kinshasa, Democratic Republic of the Congo (as of June 2016)"));
        a = node(&[("COUNTRY", "Rwanda"), ("NOTE", "as of early 2016")]);
        assert_eq!(address_line(&a), None);
    }

    /// Issues other than the summary of country names the country table does not know yet.
    fn issues_besides_countries(parsed: &Parsed) -> Vec<&Issue> {
        parsed.issues.iter().filter(|i| !i.message.contains("country values not recognised")).collect()
    }

    #[test]
    fn fixture_ok_golden() {
        let parsed = fixture("ok/sample.xml");
        assert!(issues_besides_countries(&parsed).is_empty(), "{:?}", parsed.issues);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (5, 0, 5));
        let ids: Vec<&str> = parsed.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "un_sc_sanctions-CDi.014",
                "un_sc_sanctions-CDi.030",
                "un_sc_sanctions-QDi.295",
                "un_sc_sanctions-CDe.001",
                "un_sc_sanctions-KPe.055",
            ]
        );

        // Weak aliases and a range date of birth.
        let e = entity(&parsed, "CDi.030");
        assert_eq!(e.schema, Schema::Person);
        assert_eq!(e.get(Prop::WeakAlias), ["Lydia", "Terminator", "Tango Romeo", "Romeo", "Major"]);
        assert_eq!(e.get(Prop::BirthDate), ["1973/1974"]);
        assert_eq!(e.get(Prop::Program), ["UN-DRC", "CDi.030"]);
        assert_eq!(e.sources, [parsed.source_ref("CDi.030")]);
        assert_eq!(e.topics, ["sanction"]);

        // An exact and an approximate date of birth; a two-part name has first and last names.
        let e = entity(&parsed, "CDi.014");
        assert_eq!(e.get(Prop::BirthDate), ["1962-03-17", "1966~"]);
        assert_eq!(e.get(Prop::BirthPlace), ["Kigali, Rwanda"]);
        assert_eq!(e.first(Prop::Name), Some("LEOPOLD MUJYAMBERE"));
        assert_eq!(e.get(Prop::FirstName), ["LEOPOLD"]);
        assert_eq!(e.get(Prop::LastName), ["MUJYAMBERE"]);

        // A three-part name: no guess at the surname. A DOB with a note; id numbers.
        let e = entity(&parsed, "QDi.295");
        assert_eq!(e.first(Prop::Name), Some("MUHAMMAD JIBRIL ABDUL RAHMAN"));
        assert!(e.get(Prop::FirstName).is_empty() && e.get(Prop::LastName).is_empty());
        assert_eq!(e.get(Prop::WeakAlias), ["Muhammad Yunus", "Heris Syah"]);
        assert!(e.get(Prop::Alias).iter().any(|a| a == "Muhammad Ricky Ardhan bin Abu Jibril"));
        assert!(e.get(Prop::BirthDate).iter().any(|d| d == "1979-03-03"));
        assert_eq!(e.get(Prop::IdNumber), ["3219222002.2181558", "2181558"]);
        assert!(e.get(Prop::Notes)[0].starts_with("Senior member of Jemaah Islamiyah (QDe.092) directly involved"));

        // An organisation with a.k.a. and f.k.a. names.
        let e = entity(&parsed, "CDe.001");
        assert_eq!(e.schema, Schema::Organization);
        assert_eq!(e.get(Prop::Alias), ["Allied Democratic Forces"]);
        assert_eq!(
            e.get(Prop::PreviousName),
            ["Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda", "ADF/NALU", "NALU"]
        );

        // An entity reference in a name; a trailing space in the reference number.
        let e = entity(&parsed, "KPe.055");
        assert_eq!(e.first(Prop::Name), Some("CHANG AN SHIPPING & TECHNOLOGY"));
        assert!(e.get(Prop::Alias).iter().any(|a| a == "長安海連技術有限公司"));
    }

    #[test]
    fn fixture_truncated() {
        let parsed = fixture("err/truncated.xml");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 2, "{errs:?}");
        // The file-level error points at the end of the file.
        let len = std::fs::metadata(PathBuf::from(FIXTURES).join("err/truncated.xml")).map(|m| m.len()).unwrap_or(0);
        assert_eq!(errs[0].location, Location::Byte(len));
        assert!(errs[0].message.contains("truncated"), "{}", errs[0].message);
        // The open record is refused, with its id and line.
        assert_eq!(errs[1].location, Location::Record { line: 77, id: "CDi.014".into() });
        assert!(errs.iter().all(|i| i.file.ends_with("truncated.xml")));
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 1, 1));
    }

    #[test]
    fn fixture_cut_mid_tag() {
        let parsed = fixture("err/cut_mid_tag.xml");
        let errs = errors(&parsed);
        assert!(!errs.is_empty());
        assert!(matches!(errs[0].location, Location::Byte(_)), "{:?}", errs[0]);
        assert!(parsed.skipped >= 1);
    }

    #[test]
    fn fixture_mismatched_end_tag() {
        let parsed = fixture("err/mismatched.xml");
        let errs = errors(&parsed);
        assert!(!errs.is_empty());
        assert!(errs[0].message.contains("malformed XML at line 9"), "{}", errs[0].message);
        assert!(matches!(errs[0].location, Location::Byte(_)));
    }

    #[test]
    fn fixture_not_utf8() {
        let parsed = fixture("err/latin1.xml");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1);
        assert!(matches!(errs[0].location, Location::Byte(_)));
        assert!(errs[0].message.contains("line 7"), "{}", errs[0].message);
    }

    #[test]
    fn fixture_wrong_root() {
        let parsed = fixture("err/wrong_root.xml");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message.contains("not a UN consolidated list"));
        assert!(parsed.entities.is_empty());
    }

    #[test]
    fn fixture_missing_id_and_unknown_element() {
        let parsed = fixture("err/no_id.xml");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{:?}", parsed.issues);
        assert_eq!(errs[0].location, Location::Line(4));
        assert_eq!((parsed.seen, parsed.skipped), (2, 1));
        let warnings: Vec<_> =
            issues_besides_countries(&parsed).into_iter().filter(|i| i.severity == Severity::Warning).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].message.contains("FAVOURITE_COLOUR"));
    }

    #[test]
    fn garbage_never_panics() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs: &[&[u8]] = &[
            b"",
            b"not xml at all",
            b"<CONSOLIDATED_LIST",
            b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A&bogus;</FIRST_NAME>",
            b"<CONSOLIDATED_LIST/>",
            b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL/></INDIVIDUALS></CONSOLIDATED_LIST>",
            b"<a></b>",
            b"\xff\xfe<\x00",
            b"<CONSOLIDATED_LIST></CONSOLIDATED_LIST><X/>",
        ];
        for (i, input) in inputs.iter().enumerate() {
            let path = dir.path().join(format!("{i}.xml"));
            std::fs::write(&path, input).expect("write");
            let parsed = parse(&source(vec![path], "2026-02-27")).expect("readable");
            assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped, "input {i}");
            if i != 4 {
                assert!(parsed.has_errors(), "input {i}: {:?}", parsed.issues);
            }
        }
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = std::fs::read(PathBuf::from(FIXTURES).join("ok/sample.xml")).expect("fixture");
        let end = String::from_utf8_lossy(&bytes).rfind("</CONSOLIDATED_LIST>").expect("root end") + 20;
        for cut in (0..end).step_by(3) {
            let mut parsed = Parsed::new(&source(vec![], "2026-02-27"));
            parse_bytes(&mut parsed, &mut HashSet::new(), Path::new("cut.xml"), &bytes[..cut]);
            assert!(parsed.has_errors(), "cut at {cut}: {:?}", parsed.issues);
            assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped, "cut at {cut}");
            assert!(parsed.entities.len() <= 5);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Any byte changed anywhere, any cut: no panic, and the counts add up.
        #[test]
        fn mangled_never_panics(at in 0usize..20_000, byte in proptest::prelude::any::<u8>(), cut in 0usize..20_000) {
            let mut bytes = std::fs::read(PathBuf::from(FIXTURES).join("ok/sample.xml")).expect("fixture");
            let at = at % bytes.len();
            bytes[at] = byte;
            bytes.truncate(cut.max(at));
            let mut parsed = Parsed::new(&source(vec![], "2026-02-27"));
            parse_bytes(&mut parsed, &mut HashSet::new(), Path::new("mangled.xml"), &bytes);
            proptest::prop_assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped);
        }
    }

    #[test]
    fn real_file() {
        let started = std::time::Instant::now();
        let parsed = parse(&source(vec![PathBuf::from(REAL)], "2026-02-27")).expect("real file");
        let elapsed = started.elapsed();
        assert!(!parsed.has_errors(), "{:?}", errors(&parsed));
        let persons = parsed.entities.iter().filter(|e| e.schema == Schema::Person).count();
        let orgs = parsed.entities.iter().filter(|e| e.schema == Schema::Organization).count();
        assert_eq!((persons, orgs), (730, 273));
        assert_eq!((parsed.seen, parsed.skipped), (1003, 0));
        assert!(parsed.entities.iter().all(|e| e.sources.len() == 1 && e.topics == ["sanction"]));
        assert!(parsed.entities.iter().all(|e| e.first(Prop::Name).is_some()));

        // Weak aliases (CDi.003, `Rumuli`), a DOB range (CDi.030) and an approximate DOB (CDi.014).
        let e = entity(&parsed, "CDi.003");
        assert_eq!(e.first(Prop::Name), Some("GASTON IYAMUREMYE"));
        assert_eq!(e.get(Prop::FirstName), ["GASTON"]);
        assert_eq!(e.get(Prop::LastName), ["IYAMUREMYE"]);
        assert_eq!(e.get(Prop::WeakAlias), ["Rumuli"]);
        assert!(e.get(Prop::Alias).iter().any(|a| a == "Victor Rumuri"));
        assert_eq!(e.get(Prop::BirthDate), ["1948"]);
        assert_eq!(e.get(Prop::Position).len(), 3);
        assert_eq!(e.get(Prop::Gender), ["male"]);
        assert_eq!(e.get(Prop::ListingDate), ["2010-12-01"]);
        assert_eq!(e.get(Prop::BirthPlace), ["Musanze District, Northern Province, Rwanda", "Ruhengeri, Rwanda"]);
        assert_eq!(entity(&parsed, "CDi.030").get(Prop::BirthDate), ["1973/1974"]);
        assert_eq!(
            entity(&parsed, "CDi.030").get(Prop::WeakAlias),
            ["Lydia", "Terminator", "Tango Romeo", "Romeo", "Major"]
        );
        assert_eq!(entity(&parsed, "CDi.014").get(Prop::BirthDate), ["1962-03-17", "1966~"]);
        // LISTED_ON with a time-zone suffix.
        assert!(parsed.entities.iter().all(|e| e.get(Prop::ListingDate).len() == 1));
        // A Russian passport issuer is not a country property; a Russian nationality is.
        let russians = parsed.entities.iter().filter(|e| e.get(Prop::Nationality).iter().any(|c| c == "ru")).count();
        assert!(russians >= 1);

        // Every total that the file has, as read.
        let count = |p: Prop| parsed.entities.iter().map(|e| e.get(p).len()).sum::<usize>();
        assert_eq!(count(Prop::WeakAlias), 615);
        assert_eq!(count(Prop::PreviousName), 19);
        assert_eq!(count(Prop::PassportNumber), 304);
        assert_eq!(count(Prop::IdNumber), 144);
        assert!(count(Prop::BirthDate) > 850);
        assert!(elapsed.as_secs_f64() < 5.0, "took {elapsed:?}");
    }
}
