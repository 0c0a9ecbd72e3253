//! OFAC legacy CSV: the SDN list (`sdn.csv`, `alt.csv`, `add.csv`) and the
//! consolidated non-SDN list (`cons_prim.csv`, `cons_alt.csv`, `cons_add.csv`,
//! `cons_comments.csv`).
//!
//! # Format
//!
//! No header row; `-0-` (often followed by a space) is null; the files end
//! with a 0x1A byte, use CRLF and may hold Latin-1 bytes (read through
//! [`decode::decode_text`], with one warning per file when that fallback fired).
//!
//! - primary file (`sdn.csv`, `cons_prim.csv`), 12 fields: ent_num, name, type
//!   (`individual`, `vessel`, `aircraft`, or null for an entity), programs
//!   (`SDGT] [IRGC`), title, call sign, vessel type, tonnage, GRT, vessel flag,
//!   vessel owner, remarks;
//! - aliases (`alt.csv`), 5 fields: ent_num, alt_num, `aka`/`fka`/`nka`, name, remarks;
//! - addresses (`add.csv`), 6 fields: ent_num, add_num, address, city/state/zip, country, remarks;
//! - remarks overflow (`cons_comments.csv`), 2 fields: ent_num, text. OFAC cuts
//!   remarks at 1,000 characters, mid-word, and continues them here; the text is
//!   appended as is before the remarks are read.
//!
//! # Mapping
//!
//! One entity per primary row, id `{dataset}-{ent_num}`, topic `sanction`, one
//! [`SourceRef`](vetter_model::SourceRef) whose record id is the ent_num.
//! `individual` is a Person (with `lastName`/`firstName` split at the first
//! comma of OFAC's `SURNAME, Given` name), `vessel` a Vessel, `aircraft` an
//! Aircraft and a null type a LegalEntity (OFAC does not say which kind).
//! Title → `position`; programs → `program`; call sign, vessel type, tonnage,
//! flag, owner → `callSign`, `type`, `tonnage`, `flag`, `owner`; GRT → a
//! `notes` value `GRT …` (the model has one tonnage property).
//! `aka`/`nka` rows → `alias`, `fka` → `previousName` (a row whose remarks or
//! quoted name mark it weak → `weakAlias`); address rows → one `address` line
//! (address, city, country joined by `, `) and the country as `country`.
//!
//! The remarks are `; `-separated clauses. A `;` inside matched parentheses
//! or inside a quoted alias name (`a.k.a. 'X; Y'`) does not split. Each clause,
//! with any `alt. ` prefix dropped, is read by its label (see `LABELS`): dates
//! (`DOB`, `Organization Established Date`), places and countries (`POB`,
//! `nationality`, `citizen`), names (`a.k.a.`, `f.k.a.`, `n.k.a.`,
//! `Linked To:`), contact data, crypto wallets, and about a hundred identifier
//! labels (passport, national id, tax, registration, LEI, SWIFT/BIC, IMO,
//! MMSI, aircraft serial...), read as `VALUE (Country) issued DATE expires
//! DATE` where only the value is kept. Russian tax numbers also become
//! `innCode`, 13/15-digit Russian registration numbers `ogrnCode` and Russian
//! Government Gazette numbers `okpoCode`. A quoted `a.k.a.` in the remarks is
//! an alias, or a weak alias when it is a single word (`'BNC'`). Every clause
//! that is not read into a typed property — or that is read only partly — is
//! kept verbatim as a `notes` value, so nothing is lost. A date that cannot be
//! read stays a note (`DOB <text>`) with a warning for the record. A country
//! name that [`country`] does not know stays a note too, and is counted in one
//! warning per file.
//!
//! # Counts and issues
//!
//! For this format [`Parsed::seen`] counts the **primary rows** read and
//! [`Parsed::skipped`] the primary rows refused (wrong field count,
//! non-integer ent_num, unbalanced quote, duplicate ent_num, no name), each
//! with a [`Severity::Error`] issue at its line; so `entities == seen -
//! skipped`. Alias, address and comment rows are folded into their entity and
//! are not counted. Rows of those files whose ent_num has no primary record
//! (the bundled SDN `alt.csv`/`add.csv` come from a newer snapshot than
//! `sdn.csv`) are ignored with one warning per file giving their number. A
//! remarks field of exactly 1,000 characters with no overflow text was cut by
//! OFAC: its last clause is kept as a note only, and one warning per file
//! counts such records.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use vetter_model::{Entity, PartialDate, Prop, Schema, clean_value, country, topic};

use crate::{DatasetSource, Location, Parsed, Severity, SourceError, decode};

/// Parses the SDN dataset (`us_ofac_sdn`): `sdn.csv`, with `alt.csv` and `add.csv` when present.
pub fn parse_sdn(source: &DatasetSource) -> Result<Parsed, SourceError> {
    parse_dataset(source, &SDN_FILES)
}

/// Parses the consolidated non-SDN dataset (`us_ofac_cons`): `cons_prim.csv`,
/// with `cons_alt.csv`, `cons_add.csv` and `cons_comments.csv` when present.
pub fn parse_cons(source: &DatasetSource) -> Result<Parsed, SourceError> {
    parse_dataset(source, &CONS_FILES)
}

/// The file names of one OFAC dataset.
struct FileSet {
    prim: &'static str,
    alt: &'static str,
    add: &'static str,
    comments: Option<&'static str>,
}

const SDN_FILES: FileSet = FileSet { prim: "sdn.csv", alt: "alt.csv", add: "add.csv", comments: None };
const CONS_FILES: FileSet =
    FileSet { prim: "cons_prim.csv", alt: "cons_alt.csv", add: "cons_add.csv", comments: Some("cons_comments.csv") };

const PRIM_FIELDS: usize = 12;
const ALT_FIELDS: usize = 5;
const ADD_FIELDS: usize = 6;
const COMMENT_FIELDS: usize = 2;

/// OFAC cuts the remarks field at this many characters.
const REMARKS_LIMIT: usize = 1000;

/// A primary record whose remarks are read once every overflow row is in.
struct Pending {
    index: usize,
    line: u64,
    ent_num: String,
    title: Option<String>,
    remarks: String,
    continued: bool,
}

/// Country names that [`country`] did not know, per file.
#[derive(Default)]
struct Unknown {
    count: usize,
    examples: Vec<String>,
}

impl Unknown {
    fn add(&mut self, name: &str) {
        self.count += 1;
        let name = clean_value(name);
        if self.examples.len() < 5 && !self.examples.contains(&name) {
            self.examples.push(name);
        }
    }

    fn report(&self, parsed: &mut Parsed, path: &Path) {
        if self.count > 0 {
            parsed.issue(
                Severity::Warning,
                path,
                Location::File,
                format!(
                    "{} country values not recognised, kept as notes or address text (e.g. {})",
                    self.count,
                    self.examples.iter().map(|e| format!("`{e}`")).collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
}

/// Rows of a secondary file whose ent_num has no primary record.
#[derive(Default)]
struct Orphans {
    rows: usize,
    ents: HashSet<u64>,
}

impl Orphans {
    fn report(&self, parsed: &mut Parsed, path: &Path, prim: &str) {
        if self.rows > 0 {
            parsed.issue(
                Severity::Warning,
                path,
                Location::File,
                format!(
                    "{} rows ({} ent_nums) have no primary record in {prim} (a different snapshot?); ignored",
                    self.rows,
                    self.ents.len()
                ),
            );
        }
    }
}

fn parse_dataset(source: &DatasetSource, files: &FileSet) -> Result<Parsed, SourceError> {
    let Some(prim_path) = source.file_named(files.prim) else {
        let dir = source.files.first().and_then(|f| f.parent()).map(Path::to_owned).unwrap_or_default();
        return Err(SourceError::io(
            &dir.join(files.prim),
            io::Error::new(io::ErrorKind::NotFound, format!("the dataset has no {}", files.prim)),
        ));
    };
    let mut reader = Reader {
        parsed: Parsed::new(source),
        prim_path: prim_path.to_owned(),
        prim_name: files.prim,
        pending: Vec::new(),
        by_ent: HashMap::new(),
        unknown: Unknown::default(),
    };
    reader.read_primary()?;
    if let Some(name) = files.comments {
        reader.read_secondary(
            source,
            name,
            COMMENT_FIELDS,
            "remarks cut at 1000 characters stay cut",
            append_comment,
        )?;
    }
    reader.read_secondary(source, files.alt, ALT_FIELDS, "no aliases read", add_alias)?;
    reader.read_secondary(source, files.add, ADD_FIELDS, "no addresses read", add_address)?;
    Ok(reader.read_remarks())
}

/// The state of one dataset being read.
struct Reader {
    parsed: Parsed,
    prim_path: PathBuf,
    prim_name: &'static str,
    /// Primary records, in file order.
    pending: Vec<Pending>,
    /// Index into `pending` by ent_num.
    by_ent: HashMap<u64, usize>,
    /// Unknown country names of the primary file.
    unknown: Unknown,
}

/// What a secondary row handler gets: the parse result (for its entities and
/// issues), the primary record of the row, the file, the row, and the file's
/// unknown-country tally.
type Handler = fn(&mut Parsed, &mut Pending, &Path, &Row<'_>, &mut Unknown);

impl Reader {
    /// Reads the primary file: one entity per row.
    fn read_primary(&mut self) -> Result<(), SourceError> {
        let path = self.prim_path.clone();
        let bytes = fs_err::read(&path).map_err(|e| SourceError::io(&path, e))?;
        let text = decoded(&mut self.parsed, &path, &bytes);
        let (pending, by_ent, unknown) = (&mut self.pending, &mut self.by_ent, &mut self.unknown);
        let (rows, refused) = read_rows(&mut self.parsed, &path, &text, PRIM_FIELDS, |parsed, row| {
            if let Some(&first) = by_ent.get(&row.ent) {
                let first_line = pending.get(first).map_or(0, |p| p.line);
                let message = format!("duplicate ent_num {} (first at line {first_line}); row refused", row.ent_str);
                parsed.issue(Severity::Error, &path, row.location(), message);
                return false;
            }
            let Some(e) = primary_entity(parsed, &path, row, unknown) else { return false };
            by_ent.insert(row.ent, pending.len());
            pending.push(Pending {
                index: parsed.entities.len(),
                line: row.line,
                ent_num: row.ent_str.clone(),
                title: row.field(4).map(str::to_owned),
                remarks: if row.field(11).is_some() { row.raw(11).to_owned() } else { String::new() },
                continued: false,
            });
            parsed.entities.push(e);
            true
        });
        self.parsed.seen += rows;
        self.parsed.skipped += refused;
        Ok(())
    }

    /// Reads a file of rows keyed by ent_num into the primary records, with one
    /// warning for the rows that have none, and one when the file is missing.
    fn read_secondary(
        &mut self,
        source: &DatasetSource,
        name: &str,
        fields: usize,
        if_missing: &str,
        handler: Handler,
    ) -> Result<(), SourceError> {
        let Some(path) = source.file_named(name) else {
            let path = self.prim_path.parent().map_or_else(|| PathBuf::from(name), |d| d.join(name));
            self.parsed.issue(Severity::Warning, &path, Location::File, format!("file missing: {if_missing}"));
            return Ok(());
        };
        let bytes = fs_err::read(path).map_err(|e| SourceError::io(path, e))?;
        let text = decoded(&mut self.parsed, path, &bytes);
        let mut orphans = Orphans::default();
        let mut unknown = Unknown::default();
        let (pending, by_ent) = (&mut self.pending, &self.by_ent);
        read_rows(&mut self.parsed, path, &text, fields, |parsed, row| {
            match by_ent.get(&row.ent).and_then(|&i| pending.get_mut(i)) {
                Some(p) => handler(parsed, p, path, row, &mut unknown),
                None => {
                    orphans.rows += 1;
                    orphans.ents.insert(row.ent);
                }
            }
            true
        });
        orphans.report(&mut self.parsed, path, self.prim_name);
        unknown.report(&mut self.parsed, path);
        Ok(())
    }

    /// Reads every record's remarks, now that the overflow rows are in.
    fn read_remarks(mut self) -> Parsed {
        let mut truncated = 0usize;
        for p in &self.pending {
            let cut = !p.continued && p.remarks.chars().count() >= REMARKS_LIMIT;
            truncated += usize::from(cut);
            let Some(e) = self.parsed.entities.get_mut(p.index) else { continue };
            let report = apply_remarks(e, &p.remarks, &RemarkOpts { truncated: cut, title: p.title.as_deref() });
            for name in &report.unknown_countries {
                self.unknown.add(name);
            }
            for w in report.warnings {
                let location = Location::Record { line: p.line, id: p.ent_num.clone() };
                self.parsed.issue(Severity::Warning, &self.prim_path, location, w);
            }
        }
        if truncated > 0 {
            let message = format!(
                "{truncated} records have remarks cut at {REMARKS_LIMIT} characters with no overflow text \
                 (OFAC's comments file); their last clause is kept as a note only"
            );
            self.parsed.issue(Severity::Warning, &self.prim_path, Location::File, message);
        }
        self.unknown.report(&mut self.parsed, &self.prim_path);
        self.parsed
    }
}

/// The entity of a primary row, without its remarks; `None` (with an error) when the row has no name.
fn primary_entity(parsed: &mut Parsed, path: &Path, row: &Row<'_>, unknown: &mut Unknown) -> Option<Entity> {
    let Some(name) = row.field(1) else {
        parsed.issue(Severity::Error, path, row.location(), "no name; row refused");
        return None;
    };
    let schema = match row.field(2).map(str::to_ascii_lowercase).as_deref() {
        None => Schema::LegalEntity,
        Some("individual") => Schema::Person,
        Some("vessel") => Schema::Vessel,
        Some("aircraft") => Schema::Aircraft,
        Some(other) => {
            let message = format!("unknown SDN type `{other}`; read as a legal entity");
            parsed.issue(Severity::Error, path, row.location(), message);
            Schema::LegalEntity
        }
    };
    let mut e = Entity::new(parsed.entity_id(&row.ent_str), schema);
    e.add(Prop::Name, name);
    e.caption = clean_value(name);
    if schema == Schema::Person
        && let Some((last, first)) = surname_given(name)
    {
        e.add(Prop::LastName, last);
        e.add(Prop::FirstName, first);
    }
    if let Some(programs) = row.field(3) {
        for p in programs.split("] [") {
            e.add(Prop::Program, p.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace()));
        }
    }
    for (i, prop) in [(4, Prop::Position), (5, Prop::CallSign), (6, Prop::VesselType), (7, Prop::Tonnage)] {
        if let Some(v) = row.field(i) {
            e.add(prop, v);
        }
    }
    if let Some(v) = row.field(8) {
        e.add(Prop::Notes, &format!("GRT {v}"));
    }
    if let Some(v) = row.field(9)
        && !e.add_country(Prop::Flag, v)
    {
        unknown.add(v);
        e.add(Prop::Notes, &format!("Vessel flag {v}"));
    }
    if let Some(v) = row.field(10) {
        e.add(Prop::Owner, v);
    }
    e.add_topic(topic::SANCTION);
    e.add_source(parsed.source_ref(&row.ent_str));
    Some(e)
}

/// The surname and given names of OFAC's `SURNAME, Given names`, split at the
/// first comma and trimmed; `None` for a name without a comma.
fn surname_given(name: &str) -> Option<(&str, &str)> {
    let (last, first) = name.split_once(',')?;
    Some((last.trim(), first.trim()))
}

/// A `cons_comments.csv` row: the rest of the remarks, appended verbatim (OFAC cuts mid-word).
fn append_comment(_: &mut Parsed, p: &mut Pending, _: &Path, row: &Row<'_>, _: &mut Unknown) {
    if row.field(1).is_some() {
        p.remarks.push_str(row.raw(1));
        p.continued = true;
    }
}

/// An `alt.csv` row: an alias, a previous name, or a weak alias when marked so.
fn add_alias(parsed: &mut Parsed, p: &mut Pending, path: &Path, row: &Row<'_>, _: &mut Unknown) {
    let Some(name) = row.field(3) else {
        parsed.issue(Severity::Warning, path, row.location(), "alias row without a name; ignored");
        return;
    };
    let remarks = row.field(4);
    let weak = remarks.is_some_and(marks_weak) || is_quoted(name);
    let prop = match row.field(2).map(str::to_ascii_lowercase).as_deref() {
        _ if weak => Prop::WeakAlias,
        Some("aka" | "nka") => Prop::Alias,
        Some("fka") => Prop::PreviousName,
        other => {
            let message = format!("unknown alias type `{}`; read as an alias", other.unwrap_or("-0-"));
            parsed.issue(Severity::Warning, path, row.location(), message);
            Prop::Alias
        }
    };
    if let Some(e) = parsed.entities.get_mut(p.index) {
        e.add(prop, name.trim_matches('\''));
        if let Some(r) = remarks {
            e.add(Prop::Notes, &format!("alias {name}: {r}"));
        }
    }
}

/// An `add.csv` row: one address line, and its country.
fn add_address(parsed: &mut Parsed, p: &mut Pending, _: &Path, row: &Row<'_>, unknown: &mut Unknown) {
    let Some(e) = parsed.entities.get_mut(p.index) else { return };
    let parts: Vec<&str> = [2, 3, 4].into_iter().filter_map(|i| row.field(i)).collect();
    if !parts.is_empty() {
        e.add(Prop::Address, &parts.join(", "));
    }
    if let Some(c) = row.field(4)
        && !e.add_country(Prop::Country, c)
    {
        unknown.add(c);
    }
    if let Some(r) = row.field(5) {
        e.add(Prop::Notes, &format!("address remarks: {r}"));
    }
}

/// Decodes a file, warning once when the Latin-1 fallback fired.
fn decoded<'b>(parsed: &mut Parsed, path: &Path, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
    let (text, latin1) = decode::decode_text(bytes);
    if latin1 {
        parsed.issue(Severity::Warning, path, Location::File, "not valid UTF-8: read as Windows-1252 (Latin-1)");
    }
    text
}

/// One structurally valid row.
struct Row<'r> {
    line: u64,
    ent: u64,
    ent_str: String,
    rec: &'r csv::StringRecord,
}

impl Row<'_> {
    /// A trimmed field; `None` when missing, empty or the `-0-` null.
    fn field(&self, i: usize) -> Option<&str> {
        let v = self.rec.get(i)?.trim();
        if v.is_empty() || v == "-0-" { None } else { Some(v) }
    }

    /// A field exactly as read.
    fn raw(&self, i: usize) -> &str {
        self.rec.get(i).unwrap_or("")
    }

    fn location(&self) -> Location {
        Location::Record { line: self.line, id: self.ent_str.clone() }
    }
}

/// Reads every row of a headerless OFAC CSV text, refusing with an error issue
/// the rows with an unbalanced quote, the wrong number of fields or a
/// non-integer ent_num, and hands the others to `each`, which returns false
/// when it refuses the row itself. Returns the rows read and the rows refused.
fn read_rows(
    parsed: &mut Parsed,
    path: &Path,
    text: &str,
    expected: usize,
    mut each: impl FnMut(&mut Parsed, &Row<'_>) -> bool,
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut rec = csv::StringRecord::new();
    let (mut rows, mut refused) = (0usize, 0usize);
    // csv reports a record's start before the line break that precedes it, so
    // lines are counted here: `counted_to` bytes hold `line - 1` line breaks.
    let (mut counted_to, mut line) = (0usize, 1u64);
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                let at = err.position().map_or(line, |p| p.line());
                parsed.issue(Severity::Error, path, Location::Line(at), format!("unreadable CSV: {err}"));
                refused += 1;
                rows += 1;
                break;
            }
        }
        let mut start = rec.position().map_or(counted_to, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let end = usize::try_from(rdr.position().byte()).unwrap_or(usize::MAX).min(bytes.len());
        start = start.min(end);
        while start < end && matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > counted_to {
            line += count_newlines(bytes.get(counted_to..start).unwrap_or_default());
            counted_to = start;
        }
        let raw = bytes.get(start..end).unwrap_or_default();
        let raw = trim_line_end(raw);
        // A stray 0x1A line (DOS end of file) is not a record.
        if rec.len() == 1
            && rec.get(0).is_some_and(|f| f.trim_matches(|c: char| c == '\x1a' || c.is_whitespace()).is_empty())
        {
            continue;
        }
        rows += 1;
        let mut problems: Vec<String> = Vec::new();
        let spans = count_newlines(raw);
        if raw.iter().filter(|&&b| b == b'"').count() % 2 == 1 {
            if end >= bytes.len() {
                problems.push("unterminated quote at the end of the file (truncated file?)".into());
            } else if spans > 0 {
                problems.push(format!("unterminated quote: the row runs on to line {}", line + spans));
            } else {
                problems.push("unbalanced quote".into());
            }
        } else if spans > 0 {
            problems.push(format!("a field runs over {} lines", spans + 1));
        }
        if rec.len() != expected {
            problems.push(format!("expected {expected} fields, found {}", rec.len()));
        }
        let ent_field = rec.get(0).unwrap_or("").trim();
        let ent = ent_field.parse::<u64>().ok();
        if ent.is_none() {
            let shown: String = ent_field.chars().take(40).collect();
            problems.push(format!("ent_num `{shown}` is not an integer"));
        }
        match ent {
            Some(ent) if problems.is_empty() => {
                let row = Row { line, ent, ent_str: ent.to_string(), rec: &rec };
                if !each(parsed, &row) {
                    refused += 1;
                }
            }
            _ => {
                let location = match ent {
                    Some(ent) => Location::Record { line, id: ent.to_string() },
                    None => Location::Line(line),
                };
                parsed.issue(Severity::Error, path, location, format!("{}; row refused", problems.join("; ")));
                refused += 1;
            }
        }
    }
    (rows, refused)
}

fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

fn trim_line_end(mut raw: &[u8]) -> &[u8] {
    while let [rest @ .., b'\r' | b'\n'] = raw {
        raw = rest;
    }
    raw
}

/// True when alias remarks say the alias is weak or of low quality.
fn marks_weak(remarks: &str) -> bool {
    let lower = remarks.to_ascii_lowercase();
    lower.contains("weak") || lower.contains("low quality") || lower.contains("low-quality")
}

/// True for a name printed in quotes, OFAC's mark of a weak alias.
fn is_quoted(name: &str) -> bool {
    let n = name.trim();
    n.len() >= 2 && ((n.starts_with('\'') && n.ends_with('\'')) || (n.starts_with('"') && n.ends_with('"')))
}

// ---------------------------------------------------------------------------
// Remarks
// ---------------------------------------------------------------------------

/// How to read one remarks field.
#[derive(Default)]
struct RemarkOpts<'a> {
    /// The field was cut by OFAC: keep the last clause as a note only.
    truncated: bool,
    /// The record's title: a clause repeating it is not kept as a note.
    title: Option<&'a str>,
}

/// What reading a remarks field found that the caller reports.
#[derive(Debug, Default)]
struct RemarkReport {
    /// Per-record warnings (unreadable dates).
    warnings: Vec<String>,
    /// Country names the country table does not know.
    unknown_countries: Vec<String>,
}

/// How a clause is read, selected by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Aka,
    Fka,
    Nka,
    LinkedTo,
    Dob,
    Pob,
    Nationality,
    Citizen,
    Gender,
    Established,
    Website,
    Email,
    Phone,
    Crypto,
    Sector,
    /// `type`: aircraft model, other vessel type.
    Model,
    /// `owner`: aircraft operator.
    Operator,
    /// `position`.
    Position,
    /// `flag` from a country name.
    Flag,
    CallSign,
    /// An identifier stored in this property.
    Id(Prop),
    /// An IMO number: digits only.
    Imo,
    /// A vessel registration number, also an IMO number when it is one.
    VesselReg,
    /// Government Gazette Number: a registration number, the OKPO code for Russia.
    Gazette,
}

/// Clause labels, matched ignoring ASCII case at the start of a clause (after
/// `alt. `) and followed by a space, `:`, `#` or the end; the longest wins.
const LABELS: &[(&str, Kind)] = &[
    ("a.k.a.", Kind::Aka),
    ("f.k.a.", Kind::Fka),
    ("n.k.a.", Kind::Nka),
    ("Linked To:", Kind::LinkedTo),
    ("DOB", Kind::Dob),
    ("POB", Kind::Pob),
    ("nationality", Kind::Nationality),
    ("citizen", Kind::Citizen),
    ("Nationality of Registration", Kind::Flag),
    ("Gender", Kind::Gender),
    ("Organization Established Date", Kind::Established),
    ("Website", Kind::Website),
    ("Email", Kind::Email),
    ("Email Address", Kind::Email),
    ("Phone", Kind::Phone),
    ("Phone Number", Kind::Phone),
    ("Telephone", Kind::Phone),
    ("Telephone No.", Kind::Phone),
    ("Telephone Number", Kind::Phone),
    ("Digital Currency Address", Kind::Crypto),
    ("Organization Type:", Kind::Sector),
    ("Aircraft Model", Kind::Model),
    ("Other Vessel Type", Kind::Model),
    ("Aircraft Operator", Kind::Operator),
    ("Position:", Kind::Position),
    ("Other Vessel Call Sign", Kind::CallSign),
    // Passports.
    ("Passport", Kind::Id(Prop::PassportNumber)),
    ("Passport Booklet", Kind::Id(Prop::PassportNumber)),
    ("Diplomatic Passport", Kind::Id(Prop::PassportNumber)),
    ("Stateless Person Passport", Kind::Id(Prop::PassportNumber)),
    ("British National Overseas Passport", Kind::Id(Prop::PassportNumber)),
    // Personal identity documents.
    ("National ID No.", Kind::Id(Prop::IdNumber)),
    ("Identification Number", Kind::Id(Prop::IdNumber)),
    ("Cedula No.", Kind::Id(Prop::IdNumber)),
    ("C.U.R.P.", Kind::Id(Prop::IdNumber)),
    ("C.U.I.", Kind::Id(Prop::IdNumber)),
    ("C.U.I.P.", Kind::Id(Prop::IdNumber)),
    ("D.N.I.", Kind::Id(Prop::IdNumber)),
    ("N.I.E.", Kind::Id(Prop::IdNumber)),
    ("I.F.E.", Kind::Id(Prop::IdNumber)),
    ("SSN", Kind::Id(Prop::IdNumber)),
    ("Personal ID Card", Kind::Id(Prop::IdNumber)),
    ("National Foreign ID Number", Kind::Id(Prop::IdNumber)),
    ("Turkish Identification Number", Kind::Id(Prop::IdNumber)),
    ("Numero de Identidad", Kind::Id(Prop::IdNumber)),
    ("Citizen's Card Number", Kind::Id(Prop::IdNumber)),
    ("Kenyan ID No.", Kind::Id(Prop::IdNumber)),
    ("Tazkira National ID Card", Kind::Id(Prop::IdNumber)),
    ("Electoral Registry No.", Kind::Id(Prop::IdNumber)),
    ("Credencial electoral", Kind::Id(Prop::IdNumber)),
    ("Cartilla de Servicio Militar Nacional", Kind::Id(Prop::IdNumber)),
    ("Residency Number", Kind::Id(Prop::IdNumber)),
    ("Birth Certificate Number", Kind::Id(Prop::IdNumber)),
    ("Driver's License No.", Kind::Id(Prop::IdNumber)),
    ("Travel Document Number", Kind::Id(Prop::IdNumber)),
    ("Refugee ID Card", Kind::Id(Prop::IdNumber)),
    ("Stateless Person ID Card", Kind::Id(Prop::IdNumber)),
    ("CNP (Personal Numerical Code)", Kind::Id(Prop::IdNumber)),
    ("Bosnian Personal ID No.", Kind::Id(Prop::IdNumber)),
    ("Moroccan Personal ID No.", Kind::Id(Prop::IdNumber)),
    ("UAE Identification", Kind::Id(Prop::IdNumber)),
    ("Public Security and Immigration No.", Kind::Id(Prop::IdNumber)),
    ("Immigration No.", Kind::Id(Prop::IdNumber)),
    ("VisaNumberID", Kind::Id(Prop::IdNumber)),
    ("Romanian Permanent Resident CAN", Kind::Id(Prop::IdNumber)),
    ("Military Registration Number", Kind::Id(Prop::IdNumber)),
    ("Pilot License Number", Kind::Id(Prop::IdNumber)),
    ("Seafarer's Identification Document", Kind::Id(Prop::IdNumber)),
    ("LE Number", Kind::Id(Prop::IdNumber)),
    ("SRE Permit No.", Kind::Id(Prop::IdNumber)),
    // Tax numbers.
    ("Tax ID No.", Kind::Id(Prop::TaxNumber)),
    ("R.F.C.", Kind::Id(Prop::TaxNumber)),
    ("RFC", Kind::Id(Prop::TaxNumber)),
    ("NIT", Kind::Id(Prop::TaxNumber)),
    ("RUC", Kind::Id(Prop::TaxNumber)),
    ("RIF", Kind::Id(Prop::TaxNumber)),
    ("RTN", Kind::Id(Prop::TaxNumber)),
    ("V.A.T. Number", Kind::Id(Prop::TaxNumber)),
    ("C.U.I.T.", Kind::Id(Prop::TaxNumber)),
    ("Italian Fiscal Code", Kind::Id(Prop::TaxNumber)),
    ("Fiscal Code", Kind::Id(Prop::TaxNumber)),
    ("Romanian Tax Registration", Kind::Id(Prop::TaxNumber)),
    ("US FEIN", Kind::Id(Prop::TaxNumber)),
    ("Paraguayan tax identification number", Kind::Id(Prop::TaxNumber)),
    ("Numero Unico de Identificacao Tributaria (NUIT)", Kind::Id(Prop::TaxNumber)),
    ("N.I.F.", Kind::Id(Prop::TaxNumber)),
    ("C.I.F.", Kind::Id(Prop::TaxNumber)),
    // Company and other registrations.
    ("Registration Number", Kind::Id(Prop::RegistrationNumber)),
    ("Registration ID", Kind::Id(Prop::RegistrationNumber)),
    ("Business Registration Number", Kind::Id(Prop::RegistrationNumber)),
    ("Business Registration Document", Kind::Id(Prop::RegistrationNumber)),
    ("Russian State Individual Business Registration Number Pattern (OGRNIP)", Kind::Id(Prop::RegistrationNumber)),
    ("Commercial Registry Number", Kind::Id(Prop::RegistrationNumber)),
    ("Company Number", Kind::Id(Prop::RegistrationNumber)),
    ("UK Company Number", Kind::Id(Prop::RegistrationNumber)),
    ("Folio Mercantil No.", Kind::Id(Prop::RegistrationNumber)),
    ("Matricula Mercantil No", Kind::Id(Prop::RegistrationNumber)),
    ("C.R. No.", Kind::Id(Prop::RegistrationNumber)),
    ("Romanian C.R.", Kind::Id(Prop::RegistrationNumber)),
    ("Chamber of Commerce Number", Kind::Id(Prop::RegistrationNumber)),
    ("Istanbul Chamber of Comm. No.", Kind::Id(Prop::RegistrationNumber)),
    ("Dubai Chamber of Commerce Membership No.", Kind::Id(Prop::RegistrationNumber)),
    ("Trade License No.", Kind::Id(Prop::RegistrationNumber)),
    ("Tourism License No.", Kind::Id(Prop::RegistrationNumber)),
    ("License", Kind::Id(Prop::RegistrationNumber)),
    ("Afghan Money Service Provider License Number", Kind::Id(Prop::RegistrationNumber)),
    ("MSB Registration Number", Kind::Id(Prop::RegistrationNumber)),
    ("Permit Number", Kind::Id(Prop::RegistrationNumber)),
    ("Economic Register Number (CBLS)", Kind::Id(Prop::RegistrationNumber)),
    ("Unified Social Credit Code (USCC)", Kind::Id(Prop::RegistrationNumber)),
    ("United Social Credit Code Certificate (USCCC)", Kind::Id(Prop::RegistrationNumber)),
    ("Central Registration System Number", Kind::Id(Prop::RegistrationNumber)),
    ("Enterprise Number", Kind::Id(Prop::RegistrationNumber)),
    ("Branch Unit Number", Kind::Id(Prop::RegistrationNumber)),
    ("Certificate of Incorporation Number", Kind::Id(Prop::RegistrationNumber)),
    ("Registration Certificate Number (Dubai)", Kind::Id(Prop::RegistrationNumber)),
    ("Public Registration Number", Kind::Id(Prop::RegistrationNumber)),
    ("Registered Charity No.", Kind::Id(Prop::RegistrationNumber)),
    ("Organization Code", Kind::Id(Prop::RegistrationNumber)),
    ("D-U-N-S Number", Kind::Id(Prop::RegistrationNumber)),
    ("Business Number", Kind::Id(Prop::RegistrationNumber)),
    ("File Number", Kind::Id(Prop::RegistrationNumber)),
    ("C.I.N.", Kind::Id(Prop::RegistrationNumber)),
    ("BIK (RU)", Kind::Id(Prop::RegistrationNumber)),
    ("Government Gazette Number", Kind::Gazette),
    ("Legal Entity Number", Kind::Id(Prop::LeiCode)),
    ("SWIFT/BIC", Kind::Id(Prop::SwiftBic)),
    // Vessels and aircraft.
    ("IMO", Kind::Imo),
    ("Vessel Registration Identification IMO", Kind::Imo),
    ("Identification Number IMO", Kind::Imo),
    ("Company Number IMO", Kind::Imo),
    ("International Maritime Organization No.", Kind::Imo),
    ("Vessel Registration Identification", Kind::VesselReg),
    ("MMSI", Kind::Id(Prop::Mmsi)),
    ("Aircraft Manufacturer's Serial Number (MSN)", Kind::Id(Prop::SerialNumber)),
    ("Aircraft Construction Number (also called L/N or S/N or F/N)", Kind::Id(Prop::SerialNumber)),
    ("Aircraft Serial Identification", Kind::Id(Prop::SerialNumber)),
    ("Aircraft Tail Number", Kind::Id(Prop::SerialNumber)),
    ("Serial No.", Kind::Id(Prop::SerialNumber)),
];

/// Words after which a trailing period belongs to the name (`CO.`, `LTD.`).
const ABBREVIATIONS: &[&str] =
    &["co", "ltd", "ltda", "inc", "corp", "bhd", "gmbh", "kft", "reg", "jr", "sr", "st", "no"];

/// The label of a clause: its kind and the text after it.
fn match_label(body: &str) -> Option<(Kind, &str)> {
    let mut best: Option<(usize, Kind)> = None;
    let first = body.as_bytes().first()?.to_ascii_lowercase();
    for &(label, kind) in LABELS {
        if label.as_bytes().first().map(u8::to_ascii_lowercase) != Some(first) {
            continue;
        }
        let Some(head) = body.get(..label.len()) else { continue };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let next = body.as_bytes().get(label.len());
        let ends = label.ends_with(':') || matches!(next, None | Some(b' ' | b':' | b'#'));
        if ends && best.is_none_or(|(len, _)| label.len() > len) {
            best = Some((label.len(), kind));
        }
    }
    let (len, kind) = best?;
    Some((kind, body.get(len..).unwrap_or("")))
}

/// The clause without an `alt. ` prefix.
fn strip_alt(clause: &str) -> &str {
    match clause.get(..5) {
        Some(head) if head.eq_ignore_ascii_case("alt. ") => clause.get(5..).unwrap_or("").trim_start(),
        _ => clause,
    }
}

/// Drops the clause-ending period unless it ends an abbreviation or initial
/// that belongs to the text (`CO.`, `S.A.`, `n.e.c.`, `M.`).
fn strip_period(s: &str) -> &str {
    let s = s.trim_end();
    let Some(body) = s.strip_suffix('.') else { return s };
    let last = body.rsplit(char::is_whitespace).next().unwrap_or("");
    // `S.A`, `n.e.c`, `C.V` but not `www.example.com`.
    let dotted = last.contains('.') && last.split('.').all(|part| !part.is_empty() && part.chars().count() <= 4);
    let keep = dotted
        || (last.chars().count() == 1 && last.chars().all(char::is_alphabetic))
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last));
    if keep { s } else { body.trim_end() }
}

/// Splits a remarks field into clauses at `;`, except inside matched
/// parentheses and inside a quoted alias name that runs over a `;`.
fn split_clauses(remarks: &str) -> Vec<&str> {
    let bytes = remarks.as_bytes();
    // Parentheses that have a partner; an unmatched one is ordinary text.
    let mut stack = Vec::new();
    let mut matched = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'(' {
            stack.push(i);
        } else if b == b')'
            && let Some(open) = stack.pop()
        {
            matched.push(open);
            matched.push(i);
        }
    }
    matched.sort_unstable();
    let mut ranges = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' if matched.binary_search(&i).is_ok() => depth += 1,
            b')' if matched.binary_search(&i).is_ok() => depth = depth.saturating_sub(1),
            b';' if depth == 0 => {
                ranges.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    ranges.push((start, bytes.len()));

    let piece = |(s, e): (usize, usize)| remarks.get(s..e).unwrap_or("");
    let mut out = Vec::with_capacity(ranges.len());
    let mut i = 0;
    while let Some(&(s, mut e)) = ranges.get(i) {
        if opens_quote(piece((s, e))) {
            for j in i + 1..ranges.len().min(i + 4) {
                let Some(&r) = ranges.get(j) else { break };
                let next = piece(r).trim();
                if match_label(strip_alt(next)).is_some() {
                    break;
                }
                if next.trim_end_matches('.').ends_with('\'') {
                    e = r.1;
                    i = j;
                    break;
                }
            }
        }
        out.push(remarks.get(s..e).unwrap_or(""));
        i += 1;
    }
    out
}

/// True for an alias clause, or a clause starting with a quote, whose quote is not closed.
fn opens_quote(piece: &str) -> bool {
    let body = strip_alt(piece.trim());
    let quoted = match match_label(body) {
        Some((Kind::Aka | Kind::Fka | Kind::Nka | Kind::LinkedTo, rest)) => rest.trim(),
        Some(_) => return false,
        None => body,
    };
    match quoted.strip_prefix('\'') {
        Some(inner) => !inner.trim_end_matches('.').ends_with('\''),
        None => false,
    }
}

/// The name of a quoted alias clause (`'X'.` → `X`), and whether all of the
/// text was read.
fn quoted_name(rest: &str) -> (&str, bool) {
    let rest = rest.trim();
    let Some(inner) = rest.strip_prefix('\'') else { return (strip_period(rest), true) };
    match inner.rfind('\'') {
        Some(end) => {
            let name = inner.get(..end).unwrap_or("");
            let after = inner.get(end + 1..).unwrap_or("").trim();
            (name, after.is_empty() || after == ".")
        }
        None => (strip_period(inner), false),
    }
}

/// An identifier clause split into value, country and the rest.
struct IdParts<'a> {
    value: &'a str,
    country: Option<&'a str>,
    /// Everything after the value was a country, an issue date or an expiry date.
    complete: bool,
}

/// Reads `VALUE (Country) issued DATE expires DATE`.
fn parse_id(rest: &str) -> IdParts<'_> {
    let rest = rest.trim_start_matches([' ', ':', '#']).trim().trim_end_matches('.').trim_end();
    let cut = [" (", " issued", " expires", " expired", ", issued", ", expire"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    let value = rest.get(..cut).unwrap_or("").trim().trim_end_matches(',');
    let mut tail = rest.get(cut..).unwrap_or("").trim();
    let mut country = None;
    let mut complete = true;
    while let Some(t) = tail.strip_prefix('(') {
        let Some(end) = t.find(')') else {
            complete = false;
            break;
        };
        if country.is_some() {
            complete = false;
        }
        country = Some(t.get(..end).unwrap_or("").trim());
        tail = t.get(end + 1..).unwrap_or("").trim();
    }
    tail = tail.trim_start_matches([',', ' ']);
    if let Some(t) = tail.strip_prefix("issued ") {
        let (date, after) = match t.find(" expire") {
            Some(i) => (t.get(..i).unwrap_or(""), t.get(i..).unwrap_or("")),
            None => (t, ""),
        };
        complete &= PartialDate::parse_loose(date.trim().trim_end_matches(',')).is_some();
        tail = after.trim_start_matches([',', ' ']);
    }
    if let Some(t) = tail.strip_prefix("expires ").or_else(|| tail.strip_prefix("expired ")) {
        complete &= PartialDate::parse_loose(t.trim()).is_some();
        tail = "";
    }
    complete &= tail.is_empty();
    IdParts { value, country, complete }
}

/// Whether an identifier value looks like one: it has a digit (a SWIFT code,
/// call sign or tail number may not) and no lower-case word, which would make it prose.
fn plausible_id(value: &str, prop: Prop) -> bool {
    if value.is_empty() || value.chars().count() > 64 {
        return false;
    }
    let prose = value.split_whitespace().any(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()));
    let has_digit = value.bytes().any(|b| b.is_ascii_digit());
    let letters_only = matches!(prop, Prop::SwiftBic | Prop::CallSign | Prop::SerialNumber)
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    !prose && (has_digit || letters_only)
}

fn is_russia(country_text: Option<&str>) -> bool {
    country_text.is_some_and(|c| c.eq_ignore_ascii_case("russia") || country::country_code(c) == Some("ru"))
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether seven digits carry a valid IMO check digit.
fn imo_checksum(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 7 || digits.len() != 7 {
        return false;
    }
    let sum: u32 = d.iter().take(6).zip([7, 6, 5, 4, 3, 2]).map(|(a, w)| a * w).sum();
    d.get(6) == Some(&(sum % 10))
}

/// Reads a remarks field into `e`. Returns what the caller must report.
fn apply_remarks(e: &mut Entity, remarks: &str, opts: &RemarkOpts<'_>) -> RemarkReport {
    let mut report = RemarkReport::default();
    let remarks = remarks.trim();
    if remarks.is_empty() || remarks == "-0-" {
        return report;
    }
    let clauses = split_clauses(remarks);
    let last = clauses.len().saturating_sub(1);
    for (i, clause) in clauses.into_iter().enumerate() {
        let clause = clause.trim();
        if clause.is_empty() || clause == "-0-" || clause == "." {
            continue;
        }
        if opts.truncated && i == last {
            e.add(Prop::Notes, clause);
            continue;
        }
        apply_clause(e, clause, opts, &mut report);
    }
    report
}

/// Adds a value; true when it is not empty (whether new or already there).
fn put(e: &mut Entity, prop: Prop, value: &str) -> bool {
    e.add(prop, value);
    !clean_value(value).is_empty()
}

/// Reads one clause into `e`; what it cannot read becomes a note.
fn apply_clause(e: &mut Entity, clause: &str, opts: &RemarkOpts<'_>, report: &mut RemarkReport) {
    let note = strip_period(clause);
    let body = strip_alt(clause);
    let Some((kind, rest)) = match_label(body) else {
        let repeats_title = opts.title.is_some_and(|t| strip_period(t).eq_ignore_ascii_case(note));
        if !repeats_title {
            e.add(Prop::Notes, note);
        }
        return;
    };
    let rest = rest.trim();
    let text = strip_period(rest.trim_start_matches([':', ' ']));
    let read = match kind {
        Kind::Aka | Kind::Fka | Kind::Nka => {
            let (name, complete) = quoted_name(rest);
            // OFAC's legacy files carry the strong AKAs in alt.csv and print
            // only its weak AKAs in the remarks (none of the 3,575 remark
            // aliases of the bundled snapshot is in alt.csv).
            let prop = match kind {
                Kind::Fka => Prop::PreviousName,
                Kind::Nka => Prop::Alias,
                _ => Prop::WeakAlias,
            };
            put(e, prop, name) && complete
        }
        Kind::LinkedTo => put(e, Prop::LinkedTo, text),
        Kind::Dob | Kind::Established => {
            let prop = if kind == Kind::Dob { Prop::BirthDate } else { Prop::IncorporationDate };
            let ok = e.add_date(prop, text);
            if !ok {
                report.warnings.push(format!("unreadable date in `{note}`; kept as a note"));
            }
            ok
        }
        Kind::Pob => {
            if let Some(last) = text.rsplit(',').next() {
                e.add_country(Prop::BirthCountry, last);
            }
            put(e, Prop::BirthPlace, text)
        }
        Kind::Nationality | Kind::Citizen | Kind::Flag => {
            let prop = match kind {
                Kind::Nationality => Prop::Nationality,
                Kind::Citizen => Prop::Citizenship,
                _ => Prop::Flag,
            };
            let ok = e.add_country(prop, text);
            if !ok && !text.is_empty() {
                report.unknown_countries.push(text.to_owned());
            }
            ok
        }
        Kind::Gender => match text.to_ascii_lowercase().as_str() {
            g @ ("male" | "female") => put(e, Prop::Gender, g),
            _ => false,
        },
        Kind::Website | Kind::Email => {
            let prop = if kind == Kind::Website { Prop::Website } else { Prop::Email };
            let v = rest.trim_start_matches([':', ' ']).trim_end_matches('.');
            !v.contains(char::is_whitespace) && put(e, prop, v)
        }
        Kind::Phone => {
            let v = rest.trim_start_matches([':', ' ']).trim_end_matches('.');
            v.bytes().any(|b| b.is_ascii_digit()) && put(e, Prop::Phone, v)
        }
        Kind::Crypto => {
            let words: Vec<&str> = text.trim_start_matches(['-', ' ']).split_whitespace().collect();
            match words.as_slice() {
                [_, address] | [address] => put(e, Prop::CryptoWallet, address.trim_end_matches('.')),
                _ => false,
            }
        }
        Kind::Sector => put(e, Prop::Sector, text),
        Kind::Model => put(e, Prop::VesselType, text),
        Kind::Operator => put(e, Prop::Owner, text),
        Kind::Position => put(e, Prop::Position, text),
        Kind::CallSign => {
            let v = text.trim_end_matches('.');
            plausible_id(v, Prop::CallSign) && put(e, Prop::CallSign, v)
        }
        Kind::Imo => {
            let parts = parse_id(rest);
            let source = if parts.value.is_empty() { rest } else { parts.value };
            let digits: String = source.chars().filter(char::is_ascii_digit).collect();
            put(e, Prop::ImoNumber, &digits) && parts.complete
        }
        Kind::VesselReg => {
            let parts = parse_id(rest);
            let ok = plausible_id(parts.value, Prop::RegistrationNumber);
            if ok {
                e.add(Prop::RegistrationNumber, parts.value);
                if imo_checksum(parts.value) {
                    e.add(Prop::ImoNumber, parts.value);
                }
            }
            ok && parts.complete
        }
        Kind::Gazette => {
            let parts = parse_id(rest);
            let ok = plausible_id(parts.value, Prop::RegistrationNumber);
            if ok {
                e.add(Prop::RegistrationNumber, parts.value);
                if is_russia(parts.country) && all_digits(parts.value) && matches!(parts.value.len(), 8 | 10) {
                    e.add(Prop::OkpoCode, parts.value);
                }
            }
            ok && parts.complete
        }
        Kind::Id(prop) => {
            let parts = parse_id(rest);
            let ok = plausible_id(parts.value, prop);
            if ok {
                e.add(prop, parts.value);
                let russian = is_russia(parts.country) && all_digits(parts.value);
                match (prop, parts.value.len()) {
                    (Prop::TaxNumber, 10 | 12) if russian => {
                        e.add(Prop::InnCode, parts.value);
                    }
                    (Prop::RegistrationNumber, 13 | 15) if russian => {
                        e.add(Prop::OgrnCode, parts.value);
                    }
                    _ => {}
                }
            }
            ok && parts.complete
        }
    };
    if !read {
        e.add(Prop::Notes, note);
    }
}

#[cfg(test)]
mod tests {
    //! 1. The remarks parser, one test per clause kind, on remarks copied verbatim from the bundled files.
    //! 2. Clause splitting: quotes, parentheses, truncation.
    //! 3. Small fixtures cut from the real files (ok/) and broken ones (err/): issues carry locations.
    //! 4. The remarks parser never panics (property test).
    //! 5. The bundled files parse to the known counts and records.
    use super::*;
    use crate::Format;
    use proptest::prelude::*;
    use vetter_model::PropKind;

    fn read(remarks: &str) -> Entity {
        let mut e = Entity::new("t-1", Schema::Person);
        let report = apply_remarks(&mut e, remarks, &RemarkOpts::default());
        assert!(report.warnings.is_empty(), "{remarks:?}: unexpected warnings {:?}", report.warnings);
        e
    }

    /// Reads `remarks` and checks the entity holds exactly `expect`, in order per
    /// property. Country properties not named in `expect` are ignored: the
    /// country table grows, and only Russia is sure to be known.
    fn check(remarks: &str, expect: &[(Prop, &str)]) {
        let e = read(remarks);
        let mut want: Vec<(Prop, Vec<&str>)> = Vec::new();
        for &(p, v) in expect {
            match want.iter_mut().find(|(q, _)| *q == p) {
                Some((_, vs)) => vs.push(v),
                None => want.push((p, vec![v])),
            }
        }
        want.sort_by_key(|(p, _)| *p);
        let got: Vec<(Prop, Vec<&str>)> = e
            .properties
            .iter()
            .filter(|(p, _)| p.kind() != PropKind::Country || want.iter().any(|(q, _)| q == *p))
            .map(|(p, vs)| (*p, vs.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(got, want, "remarks {remarks:?}");
    }

    fn clauses(remarks: &str) -> Vec<&str> {
        split_clauses(remarks).into_iter().map(str::trim).collect()
    }

    #[test]
    fn dob_and_pob() {
        check(
            "DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; citizen Russia; Gender Male; President of the Russian Federation.",
            &[
                (Prop::BirthDate, "1952-10-07"),
                (Prop::BirthPlace, "Leningrad, Russia"),
                (Prop::BirthCountry, "ru"),
                (Prop::Nationality, "ru"),
                (Prop::Citizenship, "ru"),
                (Prop::Gender, "male"),
                (Prop::Notes, "President of the Russian Federation"),
            ],
        );
    }

    #[test]
    fn title_repeated_in_remarks_is_not_a_note() {
        let mut e = Entity::new("t-1", Schema::Person);
        let opts = RemarkOpts { truncated: false, title: Some("President of the Russian Federation") };
        apply_remarks(&mut e, "Gender Male; President of the Russian Federation.", &opts);
        assert!(e.get(Prop::Notes).is_empty());
    }

    #[test]
    fn alt_dob_year_and_circa() {
        check(
            "DOB circa 1963; POB Tripoli, Libya; Passport 1990/345751 (Libya); a.k.a. 'AL-WARD, Abu'; a.k.a. 'AL-WARD, 'Abd'; a.k.a. 'AL-WARUD, Abu'; a.k.a. 'NAIM, Abu'.",
            &[
                (Prop::BirthDate, "1963~"),
                (Prop::BirthPlace, "Tripoli, Libya"),
                (Prop::PassportNumber, "1990/345751"),
                (Prop::WeakAlias, "AL-WARD, Abu"),
                (Prop::WeakAlias, "AL-WARD, 'Abd"),
                (Prop::WeakAlias, "AL-WARUD, Abu"),
                (Prop::WeakAlias, "NAIM, Abu"),
            ],
        );
        check(
            "DOB 1977; alt. DOB 1978; alt. DOB 1979; POB Mosul, Iraq",
            &[
                (Prop::BirthDate, "1977"),
                (Prop::BirthDate, "1978"),
                (Prop::BirthDate, "1979"),
                (Prop::BirthPlace, "Mosul, Iraq"),
            ],
        );
    }

    #[test]
    fn dob_ranges() {
        check("DOB 01 Jan 1973 to 31 Dec 1973", &[(Prop::BirthDate, "1973-01-01/1973-12-31")]);
        check("DOB 1951 to 1953", &[(Prop::BirthDate, "1951/1953")]);
        check("DOB Mar 1962 to Feb 1963", &[(Prop::BirthDate, "1962-03/1963-02")]);
        check("DOB circa 1979-1982", &[(Prop::BirthDate, "1979/1982")]);
        check("DOB Aug 1946", &[(Prop::BirthDate, "1946-08")]);
        check("DOB 1947.", &[(Prop::BirthDate, "1947")]);
    }

    #[test]
    fn unreadable_date_is_a_note_with_a_warning() {
        let mut e = Entity::new("t-1", Schema::Person);
        let report = apply_remarks(&mut e, "DOB 31 Apr 1960; Gender Male.", &RemarkOpts::default());
        assert_eq!(e.get(Prop::Notes), ["DOB 31 Apr 1960"]);
        assert_eq!(e.get(Prop::Gender), ["male"]);
        assert_eq!(report.warnings.len(), 1);
        assert!(report.warnings[0].contains("DOB 31 Apr 1960"), "{:?}", report.warnings);
    }

    #[test]
    fn passports() {
        check(
            "DOB 08 Feb 1969; alt. DOB 15 Aug 1970; Passport K989895 (Tunisia) issued 26 Jul 1995 expires 25 Jul 2000",
            &[(Prop::BirthDate, "1969-02-08"), (Prop::BirthDate, "1970-08-15"), (Prop::PassportNumber, "K989895")],
        );
        check("Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004", &[(Prop::PassportNumber, "G025057")]);
        check("Passport D366 871 (Jordan).", &[(Prop::PassportNumber, "D366 871")]);
        check("alt. Passport 654781 (Jordan) issued 01 Jan 2008 to 31 Dec 2010", &[(Prop::PassportNumber, "654781")]);
        check("alt. Passport Booklet: A5199819 (Pakistan)", &[(Prop::PassportNumber, "A5199819")]);
        check("Diplomatic Passport 008827 (Iran) issued 1999.", &[(Prop::PassportNumber, "008827")]);
        check("Passport E382464 (Thailand) expires Jan 2007", &[(Prop::PassportNumber, "E382464")]);
    }

    #[test]
    fn passport_prose_is_kept_as_a_note() {
        check(
            "Passport issued in Sarajevo, Bosnia-Herzegovina",
            &[(Prop::Notes, "Passport issued in Sarajevo, Bosnia-Herzegovina")],
        );
        check(
            "Passport OR801168 and Kuwaiti National ID No. 281020505755 issued under the name Said Jan 'Abd al-Salam",
            &[(
                Prop::Notes,
                "Passport OR801168 and Kuwaiti National ID No. 281020505755 issued under the name Said Jan 'Abd al-Salam",
            )],
        );
        // The number is read, and the clause kept because its tail is not a date.
        check(
            "Passport 4117921 issued under the name Dilawar Khan Zain Khan",
            &[
                (Prop::PassportNumber, "4117921"),
                (Prop::Notes, "Passport 4117921 issued under the name Dilawar Khan Zain Khan"),
            ],
        );
    }

    #[test]
    fn national_ids() {
        check("National ID No. 216040 (Yemen)", &[(Prop::IdNumber, "216040")]);
        check("Identification Number 2.194.575 (Paraguay)", &[(Prop::IdNumber, "2.194.575")]);
        check("Cedula No. 6068015 (Colombia)", &[(Prop::IdNumber, "6068015")]);
        check("C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968", &[(Prop::IdNumber, "AIMM67125HCHRRG06")]);
        check("D.N.I. 78.865.882 (Spain)", &[(Prop::IdNumber, "78.865.882")]);
        check("SSN 523-33-8386 (United States)", &[(Prop::IdNumber, "523-33-8386")]);
        check("National ID No. CNIC: 35202-5400413-9 (Pakistan)", &[(Prop::IdNumber, "CNIC: 35202-5400413-9")]);
    }

    #[test]
    fn tax_numbers_and_russian_inn() {
        check("Tax ID No. 100036386 (Serbia)", &[(Prop::TaxNumber, "100036386")]);
        check("Tax ID No. 7744001497 (Russia)", &[(Prop::TaxNumber, "7744001497"), (Prop::InnCode, "7744001497")]);
        check("R.F.C. DIB-771110-HQ1 (Mexico).", &[(Prop::TaxNumber, "DIB-771110-HQ1")]);
        check("NIT # 800018928-0 (Colombia).", &[(Prop::TaxNumber, "800018928-0")]);
        check("RUC # 20108363101 (Peru)", &[(Prop::TaxNumber, "20108363101")]);
        check("V.A.T. Number 0430.033.662 (Belgium)", &[(Prop::TaxNumber, "0430.033.662")]);
        // No country: no INN.
        check("Tax ID No. 5003028155", &[(Prop::TaxNumber, "5003028155")]);
    }

    #[test]
    fn registrations_and_russian_ogrn_okpo() {
        check("Registration Number 26740 (Iran)", &[(Prop::RegistrationNumber, "26740")]);
        check(
            "Registration Number 1027700167110 (Russia)",
            &[(Prop::RegistrationNumber, "1027700167110"), (Prop::OgrnCode, "1027700167110")],
        );
        check(
            "Business Registration Number 1037739709138 (Russia).",
            &[(Prop::RegistrationNumber, "1037739709138"), (Prop::OgrnCode, "1037739709138")],
        );
        check(
            "Government Gazette Number 09804148 (Russia).",
            &[(Prop::RegistrationNumber, "09804148"), (Prop::OkpoCode, "09804148")],
        );
        check(
            "Business Registration Document # F01000003035 (United States).",
            &[(Prop::RegistrationNumber, "F01000003035")],
        );
        check(
            "Unified Social Credit Code (USCC) 9113100033607322XK (China)",
            &[(Prop::RegistrationNumber, "9113100033607322XK")],
        );
        check("Folio Mercantil No. 343997 (Mexico) issued 14 Dec 2005.", &[(Prop::RegistrationNumber, "343997")]);
        // Two parenthesised groups: the value is read and the clause kept.
        check(
            "Registration Number HRA 738077 (Stuttgart) (Germany)",
            &[
                (Prop::RegistrationNumber, "HRA 738077"),
                (Prop::Notes, "Registration Number HRA 738077 (Stuttgart) (Germany)"),
            ],
        );
    }

    #[test]
    fn lei_and_swift() {
        check("Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)", &[(Prop::LeiCode, "253400V1H6ART1UQ0N98")]);
        check(
            "SWIFT/BIC SABRRUMM; Website www.sberbank.ru; alt. Website www.sberbank.com",
            &[(Prop::SwiftBic, "SABRRUMM"), (Prop::Website, "www.sberbank.ru"), (Prop::Website, "www.sberbank.com")],
        );
    }

    #[test]
    fn vessels() {
        check(
            "Vessel Registration Identification IMO 7406784; f.k.a. 'ANA I'; f.k.a. 'SAND SWAN'.",
            &[(Prop::ImoNumber, "7406784"), (Prop::PreviousName, "ANA I"), (Prop::PreviousName, "SAND SWAN")],
        );
        check(
            "Vessel Registration Identification RS 150443 (Russia); MMSI 273385420; Linked To: NON-PROFIT PARTNERSHIP REVIVAL OF MARITIME TRADITIONS.",
            &[
                (Prop::RegistrationNumber, "RS 150443"),
                (Prop::Mmsi, "273385420"),
                (Prop::LinkedTo, "NON-PROFIT PARTNERSHIP REVIVAL OF MARITIME TRADITIONS"),
            ],
        );
        // A bare 7-digit registration with a valid IMO check digit is also the IMO number.
        check(
            "Vessel Registration Identification 9894387",
            &[(Prop::RegistrationNumber, "9894387"), (Prop::ImoNumber, "9894387")],
        );
        check("Identification Number IMO 5342883.", &[(Prop::ImoNumber, "5342883")]);
        check("International Maritime Organization No. (5777731)", &[(Prop::ImoNumber, "5777731")]);
        check(
            "Other Vessel Call Sign UBMQ; Other Vessel Type General Cargo",
            &[(Prop::CallSign, "UBMQ"), (Prop::VesselType, "General Cargo")],
        );
        check("alt. Position: General Manager", &[(Prop::Position, "General Manager")]);
        check("Former Vessel Flag Malta", &[(Prop::Notes, "Former Vessel Flag Malta")]);
    }

    #[test]
    fn aircraft() {
        check(
            "Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacture Date 1992",
            &[
                (Prop::SerialNumber, "1023409321"),
                (Prop::VesselType, "IL76-TD"),
                (Prop::Owner, "YAS AIR"),
                (Prop::Notes, "Aircraft Manufacture Date 1992"),
            ],
        );
        check(
            "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Tail Number RA-76842",
            &[(Prop::SerialNumber, "8401"), (Prop::SerialNumber, "RA-76842")],
        );
        check("Aircraft Tail Number EP-MMH", &[(Prop::SerialNumber, "EP-MMH")]);
    }

    #[test]
    fn crypto_wallets() {
        check(
            "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96.",
            &[
                (Prop::CryptoWallet, "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"),
                (Prop::CryptoWallet, "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"),
            ],
        );
    }

    #[test]
    fn aliases() {
        // OFAC prints its weak AKAs in the remarks; the strong ones are in alt.csv.
        check("a.k.a. 'BNC'.", &[(Prop::WeakAlias, "BNC")]);
        check(
            "a.k.a. 'KHALIL YARRAYA'; a.k.a. 'ABDEL' AZIZ BEN NARVAN'; a.k.a. 'AMRO'.",
            &[
                (Prop::WeakAlias, "KHALIL YARRAYA"),
                (Prop::WeakAlias, "ABDEL' AZIZ BEN NARVAN"),
                (Prop::WeakAlias, "AMRO"),
            ],
        );
        check("a.k.a. 'SUE RC 'KMP''.", &[(Prop::WeakAlias, "SUE RC 'KMP'")]);
        check("f.k.a. 'ANSAR INSTITUTE'", &[(Prop::PreviousName, "ANSAR INSTITUTE")]);
        check("n.k.a. 'NEW NAME LLC'", &[(Prop::Alias, "NEW NAME LLC")]);
    }

    #[test]
    fn linked_to_keeps_abbreviation_periods() {
        check("Linked To: HIZBALLAH.", &[(Prop::LinkedTo, "HIZBALLAH")]);
        check(
            "Linked To: PERSIAN GULF PETROCHEMICAL INDUSTRY CO.",
            &[(Prop::LinkedTo, "PERSIAN GULF PETROCHEMICAL INDUSTRY CO.")],
        );
        check("Linked To: IMPORTADORA SILVANIA, C.A.", &[(Prop::LinkedTo, "IMPORTADORA SILVANIA, C.A.")]);
        check("Linked To: AL-AMIN, Muhammad 'Abdallah.", &[(Prop::LinkedTo, "AL-AMIN, Muhammad 'Abdallah")]);
        check("Linked To: GLOBANTY S.A.S.", &[(Prop::LinkedTo, "GLOBANTY S.A.S.")]);
        check(
            "For more information on directives, please visit the following link: https://ofac.treasury.gov/ukraine-russia-related-sanctions#directives.",
            &[(
                Prop::Notes,
                "For more information on directives, please visit the following link: https://ofac.treasury.gov/ukraine-russia-related-sanctions#directives",
            )],
        );
    }

    #[test]
    fn contacts() {
        check(
            "Website http://waatasemu.org.ly; Email Address crimeaport@mail.ru; Phone Number 982188526300; Telephone (98)(21)(66153220)",
            &[
                (Prop::Website, "http://waatasemu.org.ly"),
                (Prop::Email, "crimeaport@mail.ru"),
                (Prop::Phone, "982188526300"),
                (Prop::Phone, "(98)(21)(66153220)"),
            ],
        );
        check("Email:adelb@shabakah.net.sa.", &[(Prop::Email, "adelb@shabakah.net.sa")]);
        check("Fax (98)(21)(22224537)", &[(Prop::Notes, "Fax (98)(21)(22224537)")]);
    }

    #[test]
    fn organisations() {
        check(
            "Organization Established Date 31 Jul 1990; alt. Organization Established Date 1969.; Organization Type: Other business support service activities n.e.c.",
            &[
                (Prop::IncorporationDate, "1990-07-31"),
                (Prop::IncorporationDate, "1969"),
                (Prop::Sector, "Other business support service activities n.e.c."),
            ],
        );
        check(
            "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209; Target Type Financial Institution",
            &[
                (
                    Prop::Notes,
                    "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209",
                ),
                (Prop::Notes, "Target Type Financial Institution"),
            ],
        );
    }

    #[test]
    fn unknown_country_is_a_note_and_reported() {
        let mut e = Entity::new("t-1", Schema::Person);
        let report = apply_remarks(&mut e, "nationality Atlantis; Gender Female.", &RemarkOpts::default());
        assert_eq!(e.get(Prop::Notes), ["nationality Atlantis"]);
        assert_eq!(e.get(Prop::Gender), ["female"]);
        assert_eq!(report.unknown_countries, ["Atlantis"]);
    }

    #[test]
    fn split_respects_parentheses() {
        let text = "National ID No. 1372584 (Kenya); (Following data derived from an Eritrean passport issued under the alias name of Mukhtar Abdullahi Ali: Alt. DOB: 10 October 1969; Alt. POB: Keren Eritrea; nationality: Eritrean; National ID No.: 1372584, Kenya; Passport No.: 0310857, Eritrea, Issue Date 21 August 2006, Expire Date 20 August 2008); a.k.a. 'ABU MANSUR'; a.k.a. 'ABU MANSOUR'.";
        let got = clauses(text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[1].starts_with("(Following") && got[1].ends_with("2008)"));
    }

    #[test]
    fn split_respects_quoted_alias() {
        assert_eq!(clauses("a.k.a. 'X; Y'; Gender Male."), ["a.k.a. 'X; Y'", "Gender Male."]);
        check("a.k.a. 'ALPHA; BETA'; Gender Male.", &[(Prop::WeakAlias, "ALPHA; BETA"), (Prop::Gender, "male")]);
        // An apostrophe opening a word does not swallow the next clauses.
        assert_eq!(
            clauses("POB 'Aniza, Saudi Arabia; nationality Saudi Arabia; a.k.a. 'THABIT, Shaykh Abu'"),
            ["POB 'Aniza, Saudi Arabia", "nationality Saudi Arabia", "a.k.a. 'THABIT, Shaykh Abu'"]
        );
        // An unmatched parenthesis does not either.
        assert_eq!(
            clauses("Listing Date (EO 14024 Direct; Gender Male"),
            ["Listing Date (EO 14024 Direct", "Gender Male"]
        );
    }

    #[test]
    fn truncated_remarks_keep_last_clause_as_note() {
        let mut e = Entity::new("t-1", Schema::Organization);
        let opts = RemarkOpts { truncated: true, title: None };
        apply_remarks(&mut e, "Gender Male; a.k.a. 'BRAVO CHARLIE'; a.k.a. 'WHOIS HACKIN", &opts);
        assert_eq!(e.get(Prop::WeakAlias), ["BRAVO CHARLIE"]);
        assert_eq!(e.get(Prop::Notes), ["a.k.a. 'WHOIS HACKIN"]);
    }

    proptest! {
        #[test]
        fn remarks_never_panic(s in "\\PC{0,200}") {
            let mut e = Entity::new("t-1", Schema::Person);
            let _ = apply_remarks(&mut e, &s, &RemarkOpts { truncated: false, title: Some("x") });
            let _ = apply_remarks(&mut e, &s, &RemarkOpts { truncated: true, title: None });
        }

        #[test]
        fn remarks_of_clause_pieces_never_panic(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("a.k.a. '"), Just("'"), Just("; "), Just("("), Just(")"), Just("."), Just("alt. "),
                    Just("DOB "), Just("POB "), Just("Passport "), Just("Tax ID No. "), Just("(Russia)"),
                    Just(" issued "), Just(" expires "), Just("12 Oct 1952"), Just("1027700167110"),
                    Just("Digital Currency Address - "), Just("IMO "), Just("Linked To: "), Just("é"), Just("\u{1a}"),
                ],
                0..40,
            )
        ) {
            let s: String = parts.concat();
            let mut e = Entity::new("t-1", Schema::Person);
            let _ = apply_remarks(&mut e, &s, &RemarkOpts::default());
        }
    }

    /// The entity of a primary row of an `individual` named `name`; `None` when the name is null.
    fn person_entity(name: &str) -> Option<Entity> {
        let mut fields = vec!["36", name, "individual"];
        fields.resize(PRIM_FIELDS, "-0- ");
        let rec = csv::StringRecord::from(fields);
        let row = Row { line: 1, ent: 36, ent_str: "36".into(), rec: &rec };
        let mut parsed = Parsed::new(&source("us_ofac_sdn", Format::OfacSdn, "x", Vec::new()));
        primary_entity(&mut parsed, Path::new("sdn.csv"), &row, &mut Unknown::default())
    }

    #[test]
    fn surname_given_splits_at_the_first_comma() {
        assert_eq!(surname_given("PUTIN, Vladimir Vladimirovich"), Some(("PUTIN", "Vladimir Vladimirovich")));
        assert_eq!(surname_given("AL-WARD, 'Abd, Jr."), Some(("AL-WARD", "'Abd, Jr.")));
        assert_eq!(surname_given("PUTIN,"), Some(("PUTIN", "")));
        assert_eq!(surname_given("EBANO"), None);
        let e = person_entity("PUTIN,").expect("named");
        assert_eq!(e.get(Prop::LastName), ["PUTIN"]);
        assert_eq!(e.get(Prop::FirstName), [] as [&str; 0]);
    }

    /// Comma-free words of a name part, joined by single spaces.
    fn name_part() -> impl Strategy<Value = String> {
        proptest::collection::vec("[A-Za-zÀ-ÿЀ-ӿ'.-]{1,10}", 1..4).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn surname_given_never_panics(name in "\\PC{0,60}") {
            if let Some(e) = person_entity(&name) {
                prop_assert!(e.get(Prop::LastName).len() <= 1 && e.get(Prop::FirstName).len() <= 1);
                if !name.contains(',') {
                    prop_assert!(e.get(Prop::LastName).is_empty() && e.get(Prop::FirstName).is_empty());
                }
            }
        }

        #[test]
        fn surname_given_gives_back_last_and_first(last in name_part(), first in name_part()) {
            let name = format!("{last}, {first}");
            prop_assert_eq!(surname_given(&name), Some((last.as_str(), first.as_str())));
            let e = person_entity(&name).expect("named");
            prop_assert_eq!(e.get(Prop::Name), [name.as_str()]);
            prop_assert_eq!(e.get(Prop::LastName), [last.as_str()]);
            prop_assert_eq!(e.get(Prop::FirstName), [first.as_str()]);
        }
    }

    /// Pieces of OFAC CSV files, for the file property test.
    const FILE_PIECES: &[&[u8]] = &[
        b"\"",
        b",",
        b"\r\n",
        b"\n",
        b"\x1a",
        b"-0- ",
        b"35096",
        b"individual",
        b"DOB 07 Oct 1952; a.k.a. 'X",
        b"\xC9",
        b"\xEF\xBB\xBF",
        b"(Russia)",
        b"x",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn files_never_panic(
            parts in proptest::collection::vec(proptest::sample::select(FILE_PIECES), 0..80)
        ) {
            let dir = tempfile::tempdir().expect("tempdir");
            let files: Vec<PathBuf> = ["sdn.csv", "alt.csv", "add.csv"].iter().map(|f| dir.path().join(f)).collect();
            for f in &files {
                std::fs::write(f, parts.concat()).expect("write");
            }
            let parsed = parse_sdn(&source("us_ofac_sdn", Format::OfacSdn, "x", files)).expect("parses");
            prop_assert_eq!(parsed.entities.len(), parsed.seen - parsed.skipped);
        }
    }

    // --- Fixtures ----------------------------------------------------------

    fn fixture(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ofac_csv").join(path)
    }

    fn source(dataset: &str, format: Format, snapshot: &str, files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource { dataset: dataset.into(), format, snapshot: snapshot.into(), files }
    }

    fn sdn_fixture(dir: &str) -> Parsed {
        let files = ["sdn.csv", "alt.csv", "add.csv"]
            .iter()
            .map(|f| fixture(&format!("{dir}/{f}")))
            .filter(|p| p.is_file())
            .collect();
        parse_sdn(&source("us_ofac_sdn", Format::OfacSdn, "2024-05-03", files)).expect("fixture parses")
    }

    fn entity<'p>(parsed: &'p Parsed, id: &str) -> &'p Entity {
        parsed.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no entity {id}"))
    }

    fn errors(parsed: &Parsed) -> Vec<(Location, String)> {
        parsed
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .map(|i| (i.location.clone(), i.message.clone()))
            .collect()
    }

    #[test]
    fn ok_sdn_fixture() {
        let parsed = sdn_fixture("ok/sdn");
        assert_eq!(errors(&parsed), []);
        assert_eq!(parsed.seen, 7);
        assert_eq!(parsed.skipped, 0);
        assert_eq!(parsed.entities.len(), 7);

        let putin = entity(&parsed, "us_ofac_sdn-35096");
        assert_eq!(putin.schema, Schema::Person);
        assert_eq!(putin.caption, "PUTIN, Vladimir Vladimirovich");
        assert_eq!(putin.get(Prop::LastName), ["PUTIN"]);
        assert_eq!(putin.get(Prop::FirstName), ["Vladimir Vladimirovich"]);
        assert_eq!(putin.get(Prop::Alias), ["PUTIN, Vladimir"]);
        assert_eq!(putin.get(Prop::Program), ["RUSSIA-EO14024"]);
        assert_eq!(putin.get(Prop::Position), ["President of the Russian Federation"]);
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert_eq!(putin.get(Prop::Nationality), ["ru"]);
        assert_eq!(putin.get(Prop::Notes), [] as [&str; 0]);
        assert_eq!(putin.get(Prop::Address)[0], "Kremlin, Moscow, Russia");
        assert_eq!(putin.get(Prop::Address).len(), 4);
        assert_eq!(putin.get(Prop::Country), ["ru"]);
        assert_eq!(putin.topics, ["sanction"]);
        assert_eq!(putin.sources.len(), 1);
        assert_eq!(putin.sources[0].record_id, "35096");
        assert_eq!(putin.sources[0].snapshot, "2024-05-03");

        let ebano = entity(&parsed, "us_ofac_sdn-4243");
        assert_eq!(ebano.schema, Schema::Vessel);
        assert_eq!(ebano.get(Prop::ImoNumber), ["7406784"]);
        assert_eq!(ebano.get(Prop::VesselType), ["General Cargo"]);
        assert_eq!(ebano.get(Prop::Tonnage), ["2595"]);
        assert_eq!(ebano.get(Prop::PreviousName), ["ANA I", "SAND SWAN"]);
        assert_eq!(ebano.get(Prop::Address), [] as [&str; 0]);

        let uvicom = entity(&parsed, "us_ofac_sdn-40862");
        assert_eq!(uvicom.schema, Schema::LegalEntity);
        assert_eq!(uvicom.get(Prop::InnCode), ["5029017567"]);
        assert_eq!(uvicom.get(Prop::OkpoCode), ["18070047"]);
        assert_eq!(uvicom.get(Prop::OgrnCode), ["1025003524655"]);
        assert_eq!(uvicom.get(Prop::Alias).len(), 2);
        assert_eq!(uvicom.get(Prop::Address).len(), 2);

        let bnc = entity(&parsed, "us_ofac_sdn-306");
        assert_eq!(bnc.get(Prop::Alias), ["NATIONAL BANK OF CUBA"]);
        assert_eq!(bnc.get(Prop::WeakAlias), ["BNC"]);

        let lazarus = entity(&parsed, "us_ofac_sdn-27307");
        assert!(lazarus.get(Prop::WeakAlias).iter().any(|a| a == "THE NEW ROMANTIC CYBER ARMY TEAM"));
        assert!(lazarus.get(Prop::Notes).iter().any(|n| n == "a.k.a. 'WHOIS HACKIN"));
        assert!(lazarus.get(Prop::CryptoWallet).len() > 3);

        let aircraft = parsed.entities.iter().filter(|e| e.schema == Schema::Aircraft).count();
        assert_eq!(aircraft, 1);

        // The cut remarks of 27307 (1,000 characters) are counted in one warning.
        let cut: Vec<_> = parsed.issues.iter().filter(|i| i.message.contains("cut at 1000")).collect();
        assert_eq!(cut.len(), 1, "{:#?}", parsed.issues);
        // One orphan warning per secondary file.
        let orphans: Vec<_> = parsed.issues.iter().filter(|i| i.message.contains("no primary record")).collect();
        assert_eq!(orphans.len(), 2, "{:#?}", parsed.issues);
        assert!(orphans.iter().all(|i| i.severity == Severity::Warning && i.location == Location::File));
        assert!(orphans.iter().any(|i| i.message.starts_with("2 rows (1 ent_nums)")), "{orphans:#?}");
    }

    #[test]
    fn ok_cons_fixture() {
        let files = ["cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"]
            .iter()
            .map(|f| fixture(&format!("ok/cons/{f}")))
            .collect();
        let parsed = parse_cons(&source("us_ofac_cons", Format::OfacCons, "2025-12-19", files)).expect("parses");
        assert_eq!(errors(&parsed), []);
        assert_eq!(parsed.entities.len(), 3);
        let gpb = entity(&parsed, "us_ofac_cons-17016");
        // The overflow completes `Registration Numbe` + `r 1027700167110 (Russia)`.
        assert_eq!(gpb.get(Prop::InnCode), ["7744001497"]);
        assert_eq!(gpb.get(Prop::OgrnCode), ["1027700167110"]);
        assert_eq!(gpb.get(Prop::LeiCode), ["253400WSS48YWMBUA688"]);
        let haniya = entity(&parsed, "us_ofac_cons-9639");
        assert_eq!(haniya.get(Prop::BirthDate), ["1962"]);
        assert_eq!(haniya.get(Prop::Alias), ["HANIYA, Ismail", "HANIYYA, Ismaeel"]);
        assert!(parsed.issues.iter().all(|i| !i.message.contains("cut at")), "{:#?}", parsed.issues);
    }

    #[test]
    fn err_truncated_file() {
        let parsed = sdn_fixture("err/truncated");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].0, Location::Record { line: 3, id: "35096".into() });
        assert!(errs[0].1.contains("unterminated quote at the end of the file"), "{}", errs[0].1);
        assert!(errs[0].1.contains("expected 12 fields, found 5"), "{}", errs[0].1);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (3, 1, 2));
    }

    #[test]
    fn err_broken_quote() {
        let parsed = sdn_fixture("err/broken_quote");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].0, Location::Record { line: 3, id: "306".into() });
        assert!(errs[0].1.contains("unterminated quote: the row runs on to line 4"), "{}", errs[0].1);
        assert!(errs[0].1.contains("expected 12 fields"), "{}", errs[0].1);
        // The rows before and after the damage are read; 424 went into the refused row.
        let ids: Vec<&str> = parsed.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["us_ofac_sdn-36", "us_ofac_sdn-173", "us_ofac_sdn-475"]);
        assert_eq!((parsed.seen, parsed.skipped), (4, 1));
    }

    #[test]
    fn err_bad_ent_num() {
        let parsed = sdn_fixture("err/bad_ent_num");
        let errs = errors(&parsed);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].0, Location::Line(2));
        assert!(errs[0].1.contains("ent_num `17x3` is not an integer"), "{}", errs[0].1);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (3, 1, 2));
    }

    #[test]
    fn latin1_bom_and_short_row() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sdn.csv");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(b"36,\"CAF\xC9 SA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        bytes.extend_from_slice(b"37,\"SHORT\",-0- ,\"CUBA\"\r\n\x1A");
        std::fs::write(&path, &bytes).expect("write");
        let parsed = parse_sdn(&source("us_ofac_sdn", Format::OfacSdn, "x", vec![path])).expect("parses");
        assert_eq!(parsed.entities.len(), 1);
        assert_eq!(parsed.entities[0].caption, "CAFÉ SA");
        assert!(parsed.issues.iter().any(|i| i.severity == Severity::Warning && i.message.contains("Latin-1")));
        assert_eq!(
            errors(&parsed),
            [(Location::Record { line: 2, id: "37".into() }, "expected 12 fields, found 4; row refused".into())]
        );
    }

    #[test]
    fn missing_primary_file_is_an_io_error() {
        let files = vec![fixture("ok/sdn/alt.csv")];
        let err = parse_sdn(&source("us_ofac_sdn", Format::OfacSdn, "x", files)).expect_err("no sdn.csv");
        assert!(err.to_string().contains("sdn.csv"), "{err}");
    }

    // --- The bundled lists ------------------------------------------------

    fn data(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lists").join(path)
    }

    #[test]
    fn bundled_sdn() {
        let files = vec![
            data("ofac_sdn/2024-05-03/sdn.csv"),
            data("ofac_sdn/2026-06-02_add_alt_only/alt.csv"),
            data("ofac_sdn/2026-06-02_add_alt_only/add.csv"),
        ];
        if !files.iter().all(|f| f.is_file()) {
            return;
        }
        let parsed = parse_sdn(&source("us_ofac_sdn", Format::OfacSdn, "2024-05-03", files)).expect("parses");
        assert_eq!(errors(&parsed), []);
        assert_eq!(parsed.entities.len(), 14_965);
        assert_eq!((parsed.seen, parsed.skipped), (14_965, 0));
        let count = |s: Schema| parsed.entities.iter().filter(|e| e.schema == s).count();
        assert_eq!(count(Schema::Person), 6_854);
        assert_eq!(count(Schema::Aircraft), 376);
        assert_eq!(count(Schema::Vessel), 851);
        assert_eq!(count(Schema::LegalEntity), 6_884);

        let putin = entity(&parsed, "us_ofac_sdn-35096");
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert_eq!(putin.get(Prop::Nationality), ["ru"]);
        assert_eq!(putin.get(Prop::Citizenship), ["ru"]);
        assert!(putin.get(Prop::Alias).iter().any(|a| a == "PUTIN, Vladimir"));
        assert_eq!(putin.get(Prop::Program), ["RUSSIA-EO14024"]);
        assert_eq!(
            putin.get(Prop::Address),
            [
                "Kremlin, Moscow, Russia",
                "Novo-Ogaryevo, Moscow Region, Russia",
                "Bocharov Ruchey, Sochi, Russia",
                "Valdai, Novgorod Region, Russia"
            ]
        );
        let ebano = entity(&parsed, "us_ofac_sdn-4243");
        assert_eq!(ebano.caption, "EBANO");
        assert_eq!(ebano.get(Prop::ImoNumber), ["7406784"]);

        // The alt/add files are from a newer snapshot: their orphans are summed up, once per file.
        let orphans: Vec<_> = parsed.issues.iter().filter(|i| i.message.contains("no primary record")).collect();
        assert_eq!(orphans.len(), 2, "{orphans:#?}");
        assert!(orphans.iter().any(|i| i.message.starts_with("2727 rows (1724 ent_nums)")), "{orphans:#?}");
        assert!(orphans.iter().any(|i| i.message.starts_with("5598 rows (4894 ent_nums)")), "{orphans:#?}");
    }

    #[test]
    fn bundled_cons() {
        let dir = "ofac_consolidated_non_sdn/2025-12-19";
        let files: Vec<PathBuf> = ["cons_add.csv", "cons_alt.csv", "cons_comments.csv", "cons_prim.csv"]
            .iter()
            .map(|f| data(&format!("{dir}/{f}")))
            .collect();
        if !files.iter().all(|f| f.is_file()) {
            return;
        }
        let parsed = parse_cons(&source("us_ofac_cons", Format::OfacCons, "2025-12-19", files)).expect("parses");
        assert_eq!(errors(&parsed), []);
        assert_eq!(parsed.entities.len(), 442);
        assert_eq!((parsed.seen, parsed.skipped), (442, 0));
        assert!(parsed.issues.iter().all(|i| !i.message.contains("no primary record")), "{:#?}", parsed.issues);
        // The remarks of 17018 are completed by cons_comments.csv.
        let sber = entity(&parsed, "us_ofac_cons-17018");
        for alias in ["SBERBANK INDIA", "SBERBANK MUMBAI", "SBERBANK ROSSII"] {
            assert!(sber.names().any(|(_, a)| a == alias), "{:?}", sber.names().collect::<Vec<_>>());
        }
        assert_eq!(sber.get(Prop::InnCode), ["7707083893"]);
        assert_eq!(sber.get(Prop::OgrnCode), ["1027700132195"]);
    }
}
