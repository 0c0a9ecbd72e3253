//! The trade.gov Consolidated Screening List (CSL), CSV with a header row,
//! usually gzipped (`consolidated.csv.gz`; a plain `.csv` is read too).
//!
//! One row per listing on one of thirteen US sub-lists, named by the
//! `source` column (`Specially Designated Nationals (SDN) - Treasury
//! Department`, `Entity List (EL) - Bureau of Industry and Security`...). The
//! sub-list sets the topic: OFAC lists and State's ISN are sanctions; BIS's
//! Entity, Unverified, Military End User and Denied Persons lists are export
//! controls; State's ITAR debarred list (DTC) is a debarment.
//!
//! Quirks handled here:
//! - The record id is `_id`. OFAC rows use the OFAC ent_num as `_id` and as
//!   `entity_number`, so an entity on two OFAC sub-lists (SDN and SSI, SDN and
//!   CAPTA...) has two rows with one `_id`: they are merged into one entity
//!   (each sub-list adds its authority, topic and `sameAs`).
//! - OFAC rows say which OFAC record they repeat: `sameAs` is
//!   `us_ofac_sdn:<ent_num>` for SDN rows, `us_ofac_cons:<ent_num>` for the
//!   other OFAC sub-lists.
//! - `type` is `Individual`, `Entity`, `Vessel`, `Aircraft`, or blank (every
//!   non-OFAC row): blank and `Entity` both become LegalEntity, because
//!   neither says whether the party is a company or another organisation.
//! - Multi-valued columns are `; `-separated. Addresses end with a two-letter
//!   country code (`Kremlin, Moscow, RU`); an address that is only a code
//!   sets `country` and nothing else.
//! - `ids` is a `; `-separated list of `[country, ][issue date, ]value, type`
//!   (`CA, BC166787, Passport`; `Male, Gender`; `IMO 8898831, Vessel
//!   Registration Identification`; `Korea, North, Nationality of
//!   Registration`). The type picks the property; OFAC's sanction
//!   annotations (`Secondary sanctions risk:`, `Listing Date (CMIC)`...) are
//!   notes, not identifiers; unknown types are id numbers.
//! - `remarks` may name a linked party: `(Linked To: MAHAN AIR)`.
//! - Dates of birth are `1952-10-07`, `1967`, `circa 1958` or `1969 to 1971`.
//! - Fields may hold line breaks.
//!
//! A wrong header (a required column missing) is an error for the file;
//! unknown extra columns give one warning. A row with the wrong number of
//! fields, an unbalanced quote or bytes that are not UTF-8 is refused with an
//! error at its line; a gzip stream that breaks off is an error at the line
//! reached.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use vetter_model::{Entity, PartialDate, Prop, Schema, topic};

use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// Every column of the CSL export, in its order.
pub const COLUMNS: [&str; 29] = [
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
];

/// The columns this parser reads: a file without one of them is refused.
const REQUIRED: [&str; 21] = [
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "start_date",
    "end_date",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
];

/// Parses every CSV (or gzipped CSV) file of a `us_trade_csl` dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for file in &source.files {
        let handle = File::open(file).map_err(|e| SourceError::io(file, e))?;
        let mut input = BufReader::new(handle);
        let gzipped = input.fill_buf().map_err(|e| SourceError::io(file, e))?.starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn Read> = if gzipped { Box::new(MultiGzDecoder::new(input)) } else { Box::new(input) };
        FileParse::new(&mut parsed, &mut by_id, file).run(reader);
    }
    Ok(parsed)
}

/// The sub-lists of the CSL, by the abbreviation in their `source` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SubList {
    /// OFAC's SDN list.
    OfacSdn,
    /// Another OFAC list (SSI, FSE, NS-MBS, CMIC, PLC, CAPTA).
    OfacOther,
    /// State's nonproliferation sanctions (ISN).
    StateIsn,
    /// A BIS list (Entity List, Unverified List, Military End User, Denied Persons).
    Bis,
    /// State's ITAR debarred list (DTC).
    Dtc,
}

impl SubList {
    fn from_source(source: &str) -> Option<SubList> {
        let code = source.split_once('(').and_then(|(_, rest)| rest.split_once(')')).map(|(c, _)| c.trim())?;
        Some(match code.to_uppercase().as_str() {
            "SDN" => SubList::OfacSdn,
            "SSI" | "FSE" | "NS-MBS LIST" | "NS-MBS" | "CMIC" | "NS-CMIC" | "PLC" | "NS-PLC" | "CAP" | "CAPTA" => {
                SubList::OfacOther
            }
            "ISN" => SubList::StateIsn,
            "EL" | "UVL" | "MEU" | "DPL" => SubList::Bis,
            "DTC" => SubList::Dtc,
            _ => return None,
        })
    }

    fn topic(self) -> &'static str {
        match self {
            SubList::OfacSdn | SubList::OfacOther | SubList::StateIsn => topic::SANCTION,
            SubList::Bis => topic::EXPORT_CONTROL,
            SubList::Dtc => topic::DEBARMENT,
        }
    }

    /// The dataset whose records OFAC rows repeat.
    fn same_as_dataset(self) -> Option<&'static str> {
        match self {
            SubList::OfacSdn => Some("us_ofac_sdn"),
            SubList::OfacOther => Some("us_ofac_cons"),
            _ => None,
        }
    }
}

/// A reader that notes the stream offset of every `"` byte, so that each
/// record can be checked for balanced quotes.
struct QuoteTracker<R> {
    inner: R,
    offset: u64,
    quotes: VecDeque<u64>,
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, b) in buf.iter().take(n).enumerate() {
            if *b == b'"' {
                self.quotes.push_back(self.offset + i as u64);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R> QuoteTracker<R> {
    /// The number of quotes in `[start, end)`, forgetting every quote before `end`.
    fn take_quotes(&mut self, start: u64, end: u64) -> usize {
        let mut n = 0;
        while let Some(&q) = self.quotes.front() {
            if q >= end {
                break;
            }
            if q >= start {
                n += 1;
            }
            self.quotes.pop_front();
        }
        n
    }
}

/// A record read but not yet checked (its quotes are counted once the next record starts).
struct Pending {
    record: csv::StringRecord,
    line: u64,
    byte: u64,
}

struct FileParse<'p, 'f> {
    parsed: &'p mut Parsed,
    by_id: &'p mut HashMap<String, usize>,
    file: &'f Path,
    columns: HashMap<&'static str, usize>,
    unknown_sources: BTreeMap<String, usize>,
    unknown_countries: BTreeMap<String, usize>,
}

impl<'p, 'f> FileParse<'p, 'f> {
    fn new(parsed: &'p mut Parsed, by_id: &'p mut HashMap<String, usize>, file: &'f Path) -> Self {
        FileParse {
            parsed,
            by_id,
            file,
            columns: HashMap::new(),
            unknown_sources: BTreeMap::new(),
            unknown_countries: BTreeMap::new(),
        }
    }

    fn issue(&mut self, severity: Severity, location: Location, message: String) {
        self.parsed.issue(severity, self.file, location, message);
    }

    fn run(mut self, input: Box<dyn Read>) {
        let tracker = QuoteTracker { inner: input, offset: 0, quotes: VecDeque::new() };
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(tracker);
        let header = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                self.issue(Severity::Error, Location::Line(1), format!("the header row cannot be read: {e}"));
                return;
            }
        };
        if !self.check_header(&header) {
            return;
        }
        let mut pending: Option<Pending> = None;
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    let (line, byte) = record.position().map_or((0, 0), |p| (p.line(), p.byte()));
                    if let Some(p) = pending.take() {
                        let quotes = reader.get_mut().take_quotes(p.byte, byte);
                        self.check_and_read(p, quotes);
                    }
                    pending = Some(Pending { record: record.clone(), line, byte });
                }
                Ok(false) => break,
                Err(err) => {
                    let (line, byte) = err.position().map_or((0, 0), |p| (p.line(), p.byte()));
                    if let Some(p) = pending.take() {
                        let quotes = reader.get_mut().take_quotes(p.byte, byte);
                        self.check_and_read(p, quotes);
                    }
                    match err.kind() {
                        csv::ErrorKind::Io(e) => {
                            let location = Location::Line(reader.position().line());
                            self.issue(Severity::Error, location, format!("the file cannot be read to its end: {e}"));
                            self.finish();
                            return;
                        }
                        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                            self.parsed.seen += 1;
                            self.parsed.skipped += 1;
                            let message = format!(
                                "row refused: {len} fields where the header has {expected_len} (a broken quote?)"
                            );
                            self.issue(Severity::Error, Location::Line(line), message);
                        }
                        csv::ErrorKind::Utf8 { .. } => {
                            self.parsed.seen += 1;
                            self.parsed.skipped += 1;
                            let message = "row refused: bytes that are not UTF-8".to_owned();
                            self.issue(Severity::Error, Location::Line(line), message);
                        }
                        _ => {
                            self.issue(Severity::Error, Location::Line(line), format!("the CSV cannot be read: {err}"));
                            self.finish();
                            return;
                        }
                    }
                }
            }
        }
        if let Some(p) = pending.take() {
            let quotes = reader.get_mut().take_quotes(p.byte, u64::MAX);
            self.check_and_read(p, quotes);
        }
        self.finish();
    }

    /// Maps the columns; false (with an error) when a required one is missing.
    fn check_header(&mut self, header: &csv::StringRecord) -> bool {
        for (i, name) in header.iter().enumerate() {
            if let Some(known) = COLUMNS.iter().find(|c| **c == name.trim()) {
                self.columns.entry(known).or_insert(i);
            }
        }
        let missing: Vec<&str> = REQUIRED.iter().filter(|c| !self.columns.contains_key(*c)).copied().collect();
        if !missing.is_empty() {
            let message =
                format!("wrong header: the column(s) {} are missing, the file is not read", missing.join(", "));
            self.issue(Severity::Error, Location::Line(1), message);
            return false;
        }
        let extra: Vec<&str> = header.iter().filter(|h| !COLUMNS.contains(&h.trim())).collect();
        if !extra.is_empty() {
            let message = format!("unknown column(s) ignored: {}", extra.join(", "));
            self.issue(Severity::Warning, Location::Line(1), message);
        }
        true
    }

    fn check_and_read(&mut self, pending: Pending, quotes: usize) {
        self.parsed.seen += 1;
        if quotes % 2 == 1 {
            self.parsed.skipped += 1;
            let message = "row refused: a quote is not closed (the row may run into the following lines)".to_owned();
            self.issue(Severity::Error, Location::Line(pending.line), message);
            return;
        }
        self.read_row(&pending.record, pending.line);
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.columns.get(column).and_then(|&i| record.get(i)).map_or("", str::trim)
    }

    fn country(&mut self, e: &mut Entity, prop: Prop, text: &str) {
        let text = text.trim();
        if !text.is_empty() && !e.add_country(prop, text) {
            *self.unknown_countries.entry(text.to_owned()).or_default() += 1;
        }
    }

    fn read_row(&mut self, record: &csv::StringRecord, line: u64) {
        let id = self.get(record, "_id");
        if id.is_empty() {
            self.parsed.skipped += 1;
            self.issue(Severity::Error, Location::Line(line), "row refused: it has no _id".into());
            return;
        }
        let location = Location::Record { line, id: id.to_owned() };
        let mut warnings: Vec<String> = Vec::new();

        let kind = self.get(record, "type");
        let schema = match kind.to_lowercase().as_str() {
            "individual" => Schema::Person,
            "entity" | "" => Schema::LegalEntity,
            "vessel" => Schema::Vessel,
            "aircraft" => Schema::Aircraft,
            _ => {
                warnings.push(format!("unknown type `{kind}`, read as a legal entity"));
                Schema::LegalEntity
            }
        };
        let mut e = Entity::new(self.parsed.entity_id(id), schema);
        e.add_source(self.parsed.source_ref(id));

        let source = self.get(record, "source");
        e.add(Prop::Authority, source);
        match SubList::from_source(source) {
            Some(list) => {
                e.add_topic(list.topic());
                let number = self.get(record, "entity_number");
                if let Some(dataset) = list.same_as_dataset()
                    && !number.is_empty()
                {
                    e.add(Prop::SameAs, &format!("{dataset}:{number}"));
                }
            }
            None => *self.unknown_sources.entry(source.to_owned()).or_default() += 1,
        }

        let name = self.get(record, "name");
        if name.is_empty() {
            warnings.push("row has no name".into());
        }
        e.add(Prop::Name, name);
        for alias in split(self.get(record, "alt_names")) {
            e.add(Prop::Alias, alias);
        }
        for program in split(self.get(record, "programs")) {
            e.add(Prop::Program, program);
        }
        e.add(Prop::Position, self.get(record, "title"));
        for address in split(self.get(record, "addresses")) {
            let (line, code) = split_address(address);
            e.add(Prop::Address, line);
            if let Some(code) = code {
                self.country(&mut e, Prop::Country, code);
            }
        }
        for (column, prop) in [("start_date", Prop::ListingDate), ("end_date", Prop::EndDate)] {
            let text = self.get(record, column);
            if !text.is_empty() && !e.add_date(prop, text) {
                warnings.push(format!("unreadable {column} `{text}`"));
            }
        }
        for dob in split(self.get(record, "dates_of_birth")) {
            if !e.add_date(Prop::BirthDate, dob) {
                warnings.push(format!("unreadable date of birth `{dob}`"));
            }
        }
        for (column, prop) in [("citizenships", Prop::Citizenship), ("nationalities", Prop::Nationality)] {
            for code in split(self.get(record, column)) {
                self.country(&mut e, prop, code);
            }
        }
        for place in split(self.get(record, "places_of_birth")) {
            e.add(Prop::BirthPlace, place);
        }
        e.add(Prop::CallSign, self.get(record, "call_sign"));
        e.add(Prop::VesselType, self.get(record, "vessel_type"));
        e.add(Prop::Tonnage, self.get(record, "gross_tonnage"));
        e.add(Prop::Tonnage, self.get(record, "gross_registered_tonnage"));
        let flag = self.get(record, "vessel_flag");
        self.country(&mut e, Prop::Flag, flag);
        e.add(Prop::Owner, self.get(record, "vessel_owner"));
        let remarks = self.get(record, "remarks");
        e.add(Prop::Notes, remarks);
        for linked in linked_to(remarks) {
            e.add(Prop::LinkedTo, linked);
        }
        for entry in split(self.get(record, "ids")) {
            self.add_id(&mut e, entry);
        }

        for message in warnings {
            self.issue(Severity::Warning, location.clone(), message);
        }
        match self.by_id.get(id).copied() {
            Some(index) => {
                self.parsed.skipped += 1;
                let mut clash = None;
                if let Some(existing) = self.parsed.entities.get_mut(index) {
                    if !existing.schema.is_compatible(e.schema) {
                        clash = Some(format!(
                            "a row with the same _id has type {}, this one {}: merged",
                            existing.schema, e.schema
                        ));
                    }
                    existing.merge_from(&e);
                }
                if let Some(message) = clash {
                    self.issue(Severity::Warning, location, message);
                }
            }
            None => {
                self.by_id.insert(id.to_owned(), self.parsed.entities.len());
                self.parsed.entities.push(e);
            }
        }
    }

    /// Adds one `ids` entry.
    fn add_id(&mut self, e: &mut Entity, entry: &str) {
        let Some(id) = IdEntry::parse(entry) else {
            e.add(Prop::IdNumber, entry);
            return;
        };
        match id_prop(id.kind) {
            IdTarget::Prop(Prop::Gender) => {
                e.add(Prop::Gender, &id.value.to_lowercase());
            }
            IdTarget::Prop(Prop::ImoNumber) => {
                let digits: String = id.value.chars().filter(char::is_ascii_digit).collect();
                e.add(Prop::ImoNumber, &digits);
            }
            IdTarget::Prop(Prop::LeiCode) => {
                // OFAC's "Legal Entity Number" is an LEI only when it has the LEI's 20 characters.
                let lei = id.value.len() == 20 && id.value.bytes().all(|b| b.is_ascii_alphanumeric());
                e.add(if lei { Prop::LeiCode } else { Prop::RegistrationNumber }, id.value);
            }
            IdTarget::Prop(Prop::TaxNumber) => {
                e.add(Prop::TaxNumber, id.value);
                // Russian tax numbers are INNs.
                let digits = id.value.len() == 10 || id.value.len() == 12;
                if id.country == Some("RU") && digits && id.value.bytes().all(|b| b.is_ascii_digit()) {
                    e.add(Prop::InnCode, id.value);
                }
            }
            IdTarget::Prop(prop) if prop.kind() == vetter_model::PropKind::Country => {
                self.country(e, prop, id.value);
            }
            IdTarget::Prop(prop) if prop.kind() == vetter_model::PropKind::Date => {
                e.add_date(prop, id.value);
            }
            IdTarget::Prop(prop) => {
                e.add(prop, id.value);
            }
            IdTarget::Note => {
                e.add(Prop::Notes, &format!("{} {}", id.kind, id.value));
            }
        }
    }

    /// Emits the per-file summary warnings.
    fn finish(mut self) {
        if !self.unknown_sources.is_empty() {
            let list: Vec<String> = self.unknown_sources.iter().map(|(s, n)| format!("`{s}` ({n} rows)")).collect();
            let message = format!("unknown sub-list(s), rows read without a topic: {}", list.join(", "));
            self.issue(Severity::Warning, Location::File, message);
        }
        if !self.unknown_countries.is_empty() {
            let n: usize = self.unknown_countries.values().sum();
            let names: Vec<&str> = self.unknown_countries.keys().map(String::as_str).collect();
            let message = format!("{n} country values not recognised, not stored as countries: {}", names.join("; "));
            self.issue(Severity::Warning, Location::File, message);
        }
    }
}

/// The non-empty, trimmed values of a `;`-separated column.
fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|v| !v.is_empty())
}

/// An address and its trailing two-letter country code; the address part is
/// empty when the address is only a code.
fn split_address(address: &str) -> (&str, Option<&str>) {
    let is_code = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase());
    let address = address.trim();
    if is_code(address) {
        return ("", Some(address));
    }
    match address.rsplit_once(',') {
        Some((_, last)) if is_code(last.trim()) => (address, Some(last.trim())),
        _ => (address, None),
    }
}

/// The party names in `(Linked To: NAME)` remarks.
fn linked_to(remarks: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = remarks;
    while let Some(at) = rest.find("(Linked To:") {
        let after = &rest[at + "(Linked To:".len()..];
        // The name may itself hold parentheses: find the closing one that balances.
        let mut depth = 0usize;
        let mut end = None;
        for (i, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = Some(i);
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let name = after[..end].trim();
        if !name.is_empty() {
            out.push(name);
        }
        rest = &after[end..];
    }
    out
}

/// One `ids` entry: `[country, ][issue date, ]value, type`.
#[derive(Debug, PartialEq, Eq)]
struct IdEntry<'a> {
    country: Option<&'a str>,
    value: &'a str,
    kind: &'a str,
}

impl<'a> IdEntry<'a> {
    fn parse(entry: &'a str) -> Option<IdEntry<'a>> {
        let entry = entry.trim();
        let (body, kind) = entry.rsplit_once(',')?;
        let (kind, mut body) = (kind.trim(), body.trim());
        let mut country = None;
        if let Some((first, rest)) = body.split_once(',') {
            let first = first.trim();
            if first.len() == 2 && first.bytes().all(|b| b.is_ascii_uppercase()) {
                country = Some(first);
                body = rest.trim();
            }
        }
        if country.is_some()
            && let Some((first, rest)) = body.split_once(',')
            && PartialDate::parse_edtf(first.trim()).is_some_and(|d| d.start().is_full())
        {
            body = rest.trim();
        }
        if body.is_empty() || kind.is_empty() {
            return None;
        }
        Some(IdEntry { country, value: body, kind })
    }
}

/// Where an `ids` entry goes.
#[derive(Debug, PartialEq, Eq)]
enum IdTarget {
    Prop(Prop),
    /// A sanction annotation, kept as a note.
    Note,
}

/// The property for an `ids` type.
fn id_prop(kind: &str) -> IdTarget {
    let lower = kind.to_lowercase();
    let k = lower.trim_end_matches([':', '-', ' ']).trim();
    let prop = match k {
        "gender" => Prop::Gender,
        "vessel registration identification" => Prop::ImoNumber,
        "mmsi" => Prop::Mmsi,
        "swift/bic" => Prop::SwiftBic,
        "website" => Prop::Website,
        "email address" => Prop::Email,
        "phone number" => Prop::Phone,
        "legal entity number" => Prop::LeiCode,
        "other vessel call sign" => Prop::CallSign,
        "other vessel type" | "aircraft model" => Prop::VesselType,
        "aircraft operator" => Prop::Owner,
        "other vessel flag" => Prop::Flag,
        "nationality of registration" | "registration country" => Prop::Jurisdiction,
        "organization established date" => Prop::IncorporationDate,
        "organization type" => Prop::Sector,
        "target type" => Prop::LegalForm,
        "aircraft manufacturer's serial number (msn)"
        | "aircraft serial identification"
        | "aircraft construction number (also called l/n or s/n or f/n)"
        | "aircraft tail number"
        | "previous aircraft tail number"
        | "serial no." => Prop::SerialNumber,
        "passport" | "diplomatic passport" | "stateless person passport" | "british national overseas passport" => {
            Prop::PassportNumber
        }
        "tax id no."
        | "r.f.c."
        | "rfc"
        | "nit #"
        | "ruc #"
        | "rif #"
        | "c.u.i.t."
        | "v.a.t. number"
        | "us fein"
        | "italian fiscal code"
        | "fiscal code"
        | "romanian tax registration"
        | "paraguayan tax identification number"
        | "numero unico de identificacao tributaria (nuit)"
        | "c.i.f."
        | "rtn"
        | "rsin" => Prop::TaxNumber,
        "registration number"
        | "registration id"
        | "company number"
        | "uk company number"
        | "commercial registry number"
        | "business registration number"
        | "business registration document #"
        | "business number"
        | "c.r. no."
        | "romanian c.r."
        | "trade license no."
        | "matricula mercantil no"
        | "folio mercantil no."
        | "chamber of commerce number"
        | "dubai chamber of commerce membership no."
        | "istanbul chamber of comm. no."
        | "certificate of incorporation number"
        | "enterprise number"
        | "public registration number"
        | "central registration system number"
        | "branch unit number"
        | "unified social credit code (uscc)"
        | "united social credit code certificate (usccc)"
        | "registered charity no."
        | "government gazette number"
        | "file number"
        | "le number"
        | "license"
        | "msb registration number"
        | "d-u-n-s number" => Prop::RegistrationNumber,
        k if k.starts_with("digital currency address") => Prop::CryptoWallet,
        // OFAC sanction annotations and facts about securities, not identifiers.
        k if k.starts_with("additional sanctions information")
            || k.starts_with("secondary sanctions risk")
            || k.starts_with(
                "transactions prohibited for persons owned or controlled by u.s. financial institutions",
            )
            || k.starts_with("executive order")
            || k.starts_with("caatsa section")
            || k.starts_with("ifca determination")
            || k.starts_with("peesa information")
            || k.starts_with("listing date")
            || k.starts_with("effective date")
            || k.starts_with("purchase/sales for divestment date")
            || matches!(
                k,
                "isin"
                    | "equity ticker"
                    | "issuer name"
                    | "micex code"
                    | "former vessel flag"
                    | "aircraft manufacture date"
                    | "un/locode"
                    | "chinese commercial code"
            ) =>
        {
            return IdTarget::Note;
        }
        _ => Prop::IdNumber,
    };
    IdTarget::Prop(prop)
}

#[cfg(test)]
mod tests {
    //! 1. The `ids`, address and remarks helpers on values from the real file.
    //! 2. Fixtures cut from the real file: a good one (golden values, merged
    //!    `_id`s, gzip and plain) and broken ones (wrong header, extra column,
    //!    broken quote, wrong field count, bad bytes, cut gzip), each checked
    //!    for the issue's severity and line.
    //! 3. The real bundled file: counts, golden record, speed.
    use super::*;
    use crate::{Format, Issue};
    use std::path::PathBuf;

    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/us_csl/2022-05-06/consolidated.csv.gz");
    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/us_csl");

    fn source(files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource { dataset: "us_trade_csl".into(), format: Format::UsCsl, snapshot: "2022-05-06".into(), files }
    }

    fn fixture(name: &str) -> Parsed {
        parse(&source(vec![PathBuf::from(FIXTURES).join(name)])).expect("fixture readable")
    }

    fn entity<'a>(parsed: &'a Parsed, id: &str) -> &'a Entity {
        let id = parsed.entity_id(id);
        parsed.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no entity {id}"))
    }

    fn errors(parsed: &Parsed) -> Vec<&Issue> {
        parsed.issues.iter().filter(|i| i.severity == Severity::Error).collect()
    }

    /// Issues other than the summary of country names the country table does not know yet.
    fn issues_besides_countries(parsed: &Parsed) -> Vec<&Issue> {
        parsed.issues.iter().filter(|i| !i.message.contains("country values not recognised")).collect()
    }

    #[test]
    fn id_entries() {
        type Expected<'a> = Option<(Option<&'a str>, &'a str, &'a str)>;
        let cases: &[(&str, Expected<'_>)] = &[
            ("Male, Gender", Some((None, "Male", "Gender"))),
            ("CA, BC166787, Passport", Some((Some("CA"), "BC166787", "Passport"))),
            ("MM, 2017-01-16, 110364903, Registration Number", Some((Some("MM"), "110364903", "Registration Number"))),
            (
                "IMO 8898831, Vessel Registration Identification",
                Some((None, "IMO 8898831", "Vessel Registration Identification")),
            ),
            ("Korea, North, Nationality of Registration", Some((None, "Korea, North", "Nationality of Registration"))),
            (
                "PA, 467323, Doc. 694710, Public Registration Number",
                Some((Some("PA"), "467323, Doc. 694710", "Public Registration Number")),
            ),
            (
                "Subject to Secondary Sanctions, Additional Sanctions Information -",
                Some((None, "Subject to Secondary Sanctions", "Additional Sanctions Information -")),
            ),
            ("no type at all", None),
            (", Passport", None),
        ];
        for (text, expect) in cases {
            let got = IdEntry::parse(text).map(|i| (i.country, i.value, i.kind));
            assert_eq!(got, *expect, "{text}");
        }
        for (kind, target) in [
            ("Gender", IdTarget::Prop(Prop::Gender)),
            ("Passport", IdTarget::Prop(Prop::PassportNumber)),
            ("Tax ID No.", IdTarget::Prop(Prop::TaxNumber)),
            ("SWIFT/BIC", IdTarget::Prop(Prop::SwiftBic)),
            ("Digital Currency Address - XBT", IdTarget::Prop(Prop::CryptoWallet)),
            ("Secondary sanctions risk:", IdTarget::Note),
            ("Listing Date (EO 14024 Directive 2):", IdTarget::Note),
            ("Executive Order 13662 Directive Determination -", IdTarget::Note),
            ("National ID No.", IdTarget::Prop(Prop::IdNumber)),
            ("Something New", IdTarget::Prop(Prop::IdNumber)),
        ] {
            assert_eq!(id_prop(kind), target, "{kind}");
        }
    }

    #[test]
    fn ids_to_props() {
        let mut parsed = Parsed::new(&source(vec![]));
        let mut by_id = HashMap::new();
        let mut state = FileParse::new(&mut parsed, &mut by_id, Path::new("t.csv"));
        let cases: &[(&str, Prop, &str)] = &[
            ("Male, Gender", Prop::Gender, "male"),
            ("IMO 8898831, Vessel Registration Identification", Prop::ImoNumber, "8898831"),
            ("RU, 7750004150, Tax ID No.", Prop::InnCode, "7750004150"),
            ("RU, 7750004150, Tax ID No.", Prop::TaxNumber, "7750004150"),
            ("RU, 25340038P8SYW80B9W34, Legal Entity Number", Prop::LeiCode, "25340038P8SYW80B9W34"),
            (" NL, 852496527, Legal Entity Number", Prop::RegistrationNumber, "852496527"),
            ("CA, BC166787, Passport", Prop::PassportNumber, "BC166787"),
            ("MM, 2017-01-16, 110364903, Registration Number", Prop::RegistrationNumber, "110364903"),
            (" 23 Dec 1991, Organization Established Date", Prop::IncorporationDate, "1991-12-23"),
            ("QA, 28940000602, National ID No.", Prop::IdNumber, "28940000602"),
            (" AIIFIQBA, SWIFT/BIC", Prop::SwiftBic, "AIIFIQBA"),
            ("Russia, Nationality of Registration", Prop::Jurisdiction, "ru"),
            (
                "Subject to Secondary Sanctions, Additional Sanctions Information -",
                Prop::Notes,
                "Additional Sanctions Information - Subject to Secondary Sanctions",
            ),
        ];
        for (entry, prop, value) in cases {
            let mut e = Entity::new("x", Schema::LegalEntity);
            state.add_id(&mut e, entry);
            assert_eq!(e.get(*prop), [*value], "{entry}: {:?}", e.properties);
        }
    }

    #[test]
    fn addresses_and_links() {
        for (text, expect) in [
            ("Kremlin, Moscow, RU", ("Kremlin, Moscow, RU", Some("RU"))),
            ("SY", ("", Some("SY"))),
            ("Beirut, LB", ("Beirut, LB", Some("LB"))),
            ("Some street, Nowhere", ("Some street, Nowhere", None)),
        ] {
            assert_eq!(split_address(text), expect, "{text}");
        }
        assert_eq!(
            linked_to(
                "All offices; (Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE); (Linked To: MAHAN AIR)"
            ),
            ["ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", "MAHAN AIR"]
        );
        assert!(linked_to("(Linked To: unclosed").is_empty());
    }

    #[test]
    fn fixture_ok_golden() {
        for name in ["ok/sample.csv", "ok/sample.csv.gz"] {
            let parsed = fixture(name);
            assert!(issues_besides_countries(&parsed).is_empty(), "{name}: {:?}", parsed.issues);
            // 10 rows; 18725 is on SDN, CAPTA and SSI: one entity.
            assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (10, 2, 8), "{name}");

            let putin = entity(&parsed, "35096");
            assert_eq!(putin.schema, Schema::Person);
            assert_eq!(putin.get(Prop::Name), ["PUTIN, Vladimir Vladimirovich"]);
            assert_eq!(putin.get(Prop::SameAs), ["us_ofac_sdn:35096"]);
            assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
            assert_eq!(putin.get(Prop::Alias), ["PUTIN, Vladimir"]);
            assert_eq!(putin.get(Prop::Gender), ["male"]);
            assert_eq!(putin.get(Prop::Position), ["President of the Russian Federation"]);
            assert_eq!(putin.get(Prop::Program), ["RUSSIA-EO14024"]);
            assert_eq!(putin.get(Prop::Address).len(), 4);
            assert_eq!(putin.get(Prop::BirthPlace), ["Leningrad, Russia"]);
            assert_eq!(putin.get(Prop::Nationality), ["ru"]);
            assert_eq!(putin.get(Prop::Citizenship), ["ru"]);
            assert_eq!(putin.get(Prop::Country), ["ru"]);
            assert_eq!(putin.topics, ["sanction"]);
            assert_eq!(putin.sources, [parsed.source_ref("35096")]);

            let bank = entity(&parsed, "18725");
            assert_eq!(bank.schema, Schema::LegalEntity);
            assert_eq!(bank.get(Prop::SameAs), ["us_ofac_cons:18725", "us_ofac_sdn:18725"]);
            assert_eq!(bank.get(Prop::Authority).len(), 3);
            assert_eq!(bank.get(Prop::SwiftBic), ["VTBLAOLU"]);
            assert_eq!(bank.get(Prop::LinkedTo), ["VTB BANK PUBLIC JOINT STOCK COMPANY"]);
            assert_eq!(bank.sources.len(), 1);

            let denied = entity(&parsed, "deb7a1d5743a85c354ca1a2c7f2664e2104b32d7");
            assert_eq!(denied.schema, Schema::LegalEntity);
            assert_eq!(denied.topics, ["export.control"]);
            assert_eq!(denied.get(Prop::ListingDate), ["2003-06-19"]);
            assert_eq!(denied.get(Prop::EndDate), ["2056-06-29"]);
            assert!(denied.get(Prop::SameAs).is_empty());

            let dtc = parsed.entities.iter().find(|e| e.topics == ["debarment"]).expect("a DTC row");
            assert!(dtc.first(Prop::Name).is_some());

            let vessel = parsed.entities.iter().find(|e| e.schema == Schema::Vessel).expect("a vessel");
            assert_eq!(vessel.get(Prop::ImoNumber).len(), 1);
            assert!(vessel.get(Prop::ImoNumber)[0].bytes().all(|b| b.is_ascii_digit()));
            assert!(!vessel.get(Prop::Tonnage).is_empty());

            let circa = entity(&parsed, "26095");
            assert_eq!(circa.get(Prop::BirthDate), ["1967", "1966", "1968"]);
        }
    }

    #[test]
    fn fixture_wrong_header() {
        let parsed = fixture("err/wrong_header.csv");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].location, Location::Line(1));
        assert!(errs[0].message.contains("alt_names"), "{}", errs[0].message);
        assert!(parsed.entities.is_empty());
    }

    #[test]
    fn fixture_extra_column() {
        let parsed = fixture("err/extra_column.csv");
        assert!(errors(&parsed).is_empty(), "{:?}", parsed.issues);
        let warnings: Vec<_> = issues_besides_countries(&parsed);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].location, Location::Line(1));
        assert!(warnings[0].message.contains("risk_score"));
        assert_eq!(parsed.entities.len(), 3);
    }

    #[test]
    fn fixture_broken_quote() {
        // Line 3 opens a quote it never closes: it swallows the rest of the file.
        let parsed = fixture("err/broken_quote.csv");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].location, Location::Line(3));
        assert_eq!(parsed.entities.len(), 1);
        assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped);
    }

    #[test]
    fn fixture_stray_quote() {
        // Line 3 has a quote inside an unquoted field; line 4 has too many fields.
        let parsed = fixture("err/stray_quote.csv");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(errs[0].location, Location::Line(3));
        assert_eq!(errs[1].location, Location::Line(4));
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (4, 2, 2));
    }

    #[test]
    fn fixture_latin1() {
        let parsed = fixture("err/latin1.csv");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].location, Location::Line(3));
        assert!(errs[0].message.contains("UTF-8"));
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (3, 1, 2));
    }

    #[test]
    fn fixture_truncated_gzip() {
        let parsed = fixture("err/truncated.csv.gz");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(matches!(errs[0].location, Location::Line(l) if l > 1), "{:?}", errs[0]);
        assert!(errs[0].message.contains("cannot be read to its end"), "{}", errs[0].message);
        assert!(!parsed.entities.is_empty());
        assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped);
    }

    #[test]
    fn garbage_never_panics() {
        let dir = tempfile::tempdir().expect("tempdir");
        let header = COLUMNS.join(",");
        let inputs: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"\x1f\x8b".to_vec(),
            b"\x1f\x8b\x08\x00garbage".to_vec(),
            b"\xff\xfe\x00".to_vec(),
            format!("{header}\n\"").into_bytes(),
            format!("{header}\n,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n").into_bytes(),
            format!("{header}\nx").into_bytes(),
        ];
        for (i, input) in inputs.iter().enumerate() {
            let path = dir.path().join(format!("{i}.csv"));
            std::fs::write(&path, input).expect("write");
            let parsed = parse(&source(vec![path])).expect("readable");
            assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped, "input {i}");
            assert!(parsed.has_errors(), "input {i}: {:?}", parsed.issues);
        }
    }

    #[test]
    fn every_gzip_truncation_is_an_error() {
        let bytes = std::fs::read(PathBuf::from(FIXTURES).join("ok/sample.csv.gz")).expect("fixture");
        for cut in 0..bytes.len() {
            let mut parsed = Parsed::new(&source(vec![]));
            let mut by_id = HashMap::new();
            let input = Box::new(MultiGzDecoder::new(io::Cursor::new(bytes[..cut].to_vec())));
            FileParse::new(&mut parsed, &mut by_id, Path::new("cut.csv.gz")).run(input);
            assert!(parsed.has_errors(), "cut at {cut}: {:?}", parsed.issues);
            assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped, "cut at {cut}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Any byte changed anywhere, any cut: no panic, and the counts add up.
        #[test]
        fn mangled_never_panics(at in 0usize..10_000, byte in proptest::prelude::any::<u8>(), cut in 0usize..10_000) {
            let mut bytes = std::fs::read(PathBuf::from(FIXTURES).join("ok/sample.csv")).expect("fixture");
            let at = at % bytes.len();
            bytes[at] = byte;
            bytes.truncate(cut.max(at));
            let mut parsed = Parsed::new(&source(vec![]));
            let mut by_id = HashMap::new();
            FileParse::new(&mut parsed, &mut by_id, Path::new("mangled.csv")).run(Box::new(io::Cursor::new(bytes)));
            proptest::prop_assert_eq!(parsed.seen, parsed.entities.len() + parsed.skipped);
        }
    }

    #[test]
    fn real_file() {
        let started = std::time::Instant::now();
        let parsed = parse(&source(vec![PathBuf::from(REAL)])).expect("real file");
        let elapsed = started.elapsed();
        assert!(!parsed.has_errors(), "{:?}", errors(&parsed));
        assert_eq!(parsed.seen, 14160);
        // 71 `_id`s are on two or three OFAC sub-lists: 112 rows merged.
        assert_eq!(parsed.skipped, 112);
        assert_eq!(parsed.entities.len(), 14048);
        let rows_of = |code: &str| {
            parsed.entities.iter().filter(|e| e.get(Prop::Authority).iter().any(|a| a.contains(code))).count()
        };
        assert_eq!(rows_of("(SDN)"), 10026);
        assert_eq!(rows_of("(EL)"), 2001);
        assert_eq!(rows_of("(DTC)"), 727);
        let count = |t: &str| parsed.entities.iter().filter(|e| e.topics.iter().any(|x| x == t)).count();
        assert_eq!(count("debarment"), 727);
        assert_eq!(count("export.control"), 2001 + 462 + 201 + 71);
        assert!(parsed.entities.iter().all(|e| !e.topics.is_empty()));
        // The only other warnings: three start dates with a mistyped year (`0097-06-30`, `0017-05-26`).
        let warnings: Vec<(u64, &str)> = issues_besides_countries(&parsed)
            .iter()
            .map(|i| match &i.location {
                Location::Record { line, .. } => (*line, i.message.as_str()),
                _ => (0, i.message.as_str()),
            })
            .collect();
        assert_eq!(
            warnings,
            [
                (1753, "unreadable start_date `0097-06-30`"),
                (1754, "unreadable start_date `0097-06-30`"),
                (9906, "unreadable start_date `0017-05-26`"),
            ]
        );

        let putin = parsed
            .entities
            .iter()
            .find(|e| e.get(Prop::SameAs).iter().any(|s| s == "us_ofac_sdn:35096"))
            .expect("entity_number 35096");
        assert_eq!(putin.id, "us_trade_csl-35096");
        assert_eq!(putin.get(Prop::Name), ["PUTIN, Vladimir Vladimirovich"]);
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert!(putin.get(Prop::Alias).iter().any(|a| a == "PUTIN, Vladimir"));
        assert_eq!(putin.schema, Schema::Person);
        assert!(elapsed.as_secs_f64() < 10.0, "took {elapsed:?}");
    }
}
