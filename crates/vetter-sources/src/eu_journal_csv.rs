//! EU Official Journal sanctions CSVs, as transcribed by OpenSanctions
//! (`eu_journal_sanctions`; the data dictionary is `FORMAT.md` next to the files).
//!
//! Two file kinds share 44 columns and differ in their leading CELEX columns:
//! `consolidated/{celex}.csv` (`celex,recordId,...`) is a full snapshot of one
//! framework act's annexes, `amendments/{amendmentCelex}.csv`
//! (`amendedCelex,amendmentCelex,recordId,...`) the additions and changes of
//! one amending act. A file whose header lacks a column of its kind is an
//! error; unknown extra columns give one warning.
//!
//! Quirks:
//! - A row is one designated entity in one legal context (program, annex,
//!   measure): the same entity repeats on several rows. `recordId` is the
//!   entry number printed in an annex, so it is only unique within an annex
//!   (`32005R1183` numbers persons 1, 2, 3... in annex I and again in annex II;
//!   `32014R0269` has Putin as I.PERSONS 669 and a company as I.ENTITIES 669).
//!   Rows are grouped into one entity by (celex, annex, recordId, schema), or
//!   by (celex, name, schema) across annexes when `recordId` is empty (the act
//!   printed none).
//! - Entity ids: the record id is `{celex}-{recordId}` (`{celex}-{name}` when
//!   `recordId` is empty); when an earlier entity of the file already took it,
//!   the annex is added (`32014R0269-I.ENTITIES-669`), then the schema, then a
//!   counter.
//! - Amendment files are applied after the consolidated files, in CELEX
//!   order. A row whose (amendedCelex, annex, recordId, schema) — or name —
//!   matches an existing entity restates it: its entity columns replace the
//!   entity's (further rows of the same amending act for that entity add to
//!   them), its sanctions columns replace those of the same program and
//!   measure, and `{amendmentCelex}-{recordId}` is added to its sources. Any
//!   other row makes a new entity with record id `{amendedCelex}-{recordId}`
//!   and the sources `{amendedCelex}-{recordId}` and `{amendmentCelex}-{recordId}`.
//! - Every entity column except `name` is multi-valued: values are separated
//!   by `;` and CSV-quoted inside the cell when they hold `;` or `"`.
//! - Cells keep the printed wording. Country cells hold names (`Russian
//!   Federation`, `a) Syrian b) Palestinian`, `Russian and Belarusian`) and go
//!   through the country table part by part. Date cells are free text
//!   (`7.10.1952 POB: Leningrad (now Saint-Petersburg), ex-USSR (now Russian
//!   Federation)`, `(a) 1955, (b) circa 1952`, `1343 (Iranian Hijri calendar),
//!   1964 or 1965 (Gregorian calendar)`): the whole value is read as a date if
//!   it is one, otherwise every date-shaped run of words in it is (years
//!   outside 1800–2100, such as Hijri years, are ignored). Labels found inside
//!   a date (`POB:`, `Nationality:`, `Gender:`) send the text after them to
//!   the place of birth, nationality or gender; a birth date value without a
//!   digit that names a country (`Qom, Iran`) is read as a place of birth,
//!   with a warning (`N/D`, `(year unknown)` are kept as notes).
//! - A place of birth also gives the country of birth when one is named: the
//!   text after `now` (`Minsk, former USSR (now Belarus)`), else the last
//!   parenthesised or comma-separated part.
//! - `programKey` → program, `measure` → a `measure: Asset freeze` note,
//!   `startDate` → listing date, `reason` → reason; `appearance`, `ethnicity`
//!   and `ticker` become labelled notes (`ticker: 300910`); `gender` is lower
//!   cased. `annex` only serves to group rows. Every entity gets the topic
//!   `sanction`.
//! - A value that cannot be mapped (an unreadable date, an unknown country,
//!   an unknown gender) is kept as a `column: value` note, with a warning.
//!
//! Counting: every data row of every file is a record in `seen`; `skipped`
//! counts rows that did not make an entity of their own — rows added to an
//! entity of an earlier row (another program or measure of the same
//! designation, an amendment restating it) and rows refused with an error
//! (no or unknown `schema`, no `name`, no CELEX, a wrong number of fields).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use vetter_model::{Entity, PartialDate, Prop, Schema, clean_value, topic};

use crate::tabular;
use crate::{DatasetSource, Location, Parsed, Severity, SourceError};

/// How a column maps to the model.
#[derive(Debug, Clone, Copy)]
enum How {
    /// Sanctions metadata, read by [`apply_meta`], or grouping keys.
    Meta,
    /// The scalar primary name.
    Name,
    /// Multi-valued text or names.
    Multi(Prop),
    /// Multi-valued identifiers; trailing `,`/`;` are trimmed.
    Ident(Prop),
    /// Multi-valued country names.
    Country(Prop),
    /// Multi-valued free-text dates.
    Date(Prop),
    /// Places of birth, with the country of birth when one is named.
    BirthPlace,
    /// `male`/`female`.
    Gender,
    /// Text kept as a note labelled with the column name.
    Note,
}

/// The columns both file kinds share, in file order, with their mapping.
const COLUMNS: [(&str, How); 44] = [
    ("recordId", How::Meta),
    ("programKey", How::Meta),
    ("annex", How::Meta),
    ("measure", How::Meta),
    ("startDate", How::Meta),
    ("reason", How::Meta),
    ("schema", How::Meta),
    ("name", How::Name),
    ("alias", How::Multi(Prop::Alias)),
    ("weakAlias", How::Multi(Prop::WeakAlias)),
    ("previousName", How::Multi(Prop::PreviousName)),
    ("country", How::Country(Prop::Country)),
    ("nationality", How::Country(Prop::Nationality)),
    ("jurisdiction", How::Country(Prop::Jurisdiction)),
    ("birthDate", How::Date(Prop::BirthDate)),
    ("birthPlace", How::BirthPlace),
    ("position", How::Multi(Prop::Position)),
    ("passportNumber", How::Ident(Prop::PassportNumber)),
    ("gender", How::Gender),
    ("appearance", How::Note),
    ("ethnicity", How::Note),
    ("fatherName", How::Multi(Prop::FatherName)),
    ("motherName", How::Multi(Prop::MotherName)),
    ("incorporationDate", How::Date(Prop::IncorporationDate)),
    ("legalForm", How::Multi(Prop::LegalForm)),
    ("sector", How::Multi(Prop::Sector)),
    ("registrationNumber", How::Ident(Prop::RegistrationNumber)),
    ("taxNumber", How::Ident(Prop::TaxNumber)),
    ("idNumber", How::Ident(Prop::IdNumber)),
    ("innCode", How::Ident(Prop::InnCode)),
    ("ogrnCode", How::Ident(Prop::OgrnCode)),
    ("kppCode", How::Ident(Prop::KppCode)),
    ("okpoCode", How::Ident(Prop::OkpoCode)),
    ("leiCode", How::Ident(Prop::LeiCode)),
    ("swiftBic", How::Ident(Prop::SwiftBic)),
    ("ticker", How::Note),
    ("imoNumber", How::Ident(Prop::ImoNumber)),
    ("mmsi", How::Ident(Prop::Mmsi)),
    ("flag", How::Country(Prop::Flag)),
    ("address", How::Multi(Prop::Address)),
    ("phone", How::Multi(Prop::Phone)),
    ("email", How::Multi(Prop::Email)),
    ("website", How::Multi(Prop::Website)),
    ("notes", How::Multi(Prop::Notes)),
];

/// Indexes into [`COLUMNS`].
mod col {
    pub const RECORD_ID: usize = 0;
    pub const PROGRAM_KEY: usize = 1;
    pub const ANNEX: usize = 2;
    pub const MEASURE: usize = 3;
    pub const START_DATE: usize = 4;
    pub const REASON: usize = 5;
    pub const SCHEMA: usize = 6;
    pub const NAME: usize = 7;
}

/// The leading columns of each file kind.
const CONSOLIDATED: [&str; 1] = ["celex"];
const AMENDMENT: [&str; 2] = ["amendedCelex", "amendmentCelex"];

/// One well-formed, valid data row.
#[derive(Debug)]
struct EuRow {
    /// Index into the dataset's files.
    file: usize,
    line: u64,
    /// The framework act: `celex` or `amendedCelex`.
    celex: String,
    /// The amending act, for amendment rows.
    amendment: Option<String>,
    schema: Schema,
    /// The cells of [`COLUMNS`].
    cells: Vec<String>,
}

impl EuRow {
    fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c.trim())
    }

    /// The record id, or the cleaned name when the act printed none.
    fn ident(&self) -> String {
        match self.cell(col::RECORD_ID) {
            "" => clean_value(self.cell(col::NAME)),
            id => id.to_owned(),
        }
    }

    fn location(&self) -> Location {
        record_location(self.line, self.ident())
    }

    fn key(&self) -> GroupKey {
        match self.cell(col::RECORD_ID) {
            "" => (self.celex.clone(), String::new(), format!("name:{}", self.ident().to_lowercase()), self.schema),
            id => (self.celex.clone(), self.cell(col::ANNEX).to_owned(), id.to_owned(), self.schema),
        }
    }

    /// The legal context whose sanctions columns a restating row replaces.
    fn context(&self) -> (&str, &str) {
        (self.cell(col::PROGRAM_KEY), self.cell(col::MEASURE))
    }
}

/// A record location, or the line alone when the row has neither a record id nor a name.
fn record_location(line: u64, id: String) -> Location {
    if id.is_empty() { Location::Line(line) } else { Location::Record { line, id } }
}

/// (celex, annex — empty for name keys, recordId or `name:` + name, schema).
type GroupKey = (String, String, String, Schema);

/// The rows of one entity.
#[derive(Debug)]
struct Group {
    record_id: String,
    schema: Schema,
    /// Rows whose entity columns make the entity.
    entity_rows: Vec<usize>,
    /// Rows whose sanctions columns make the entity.
    meta_rows: Vec<usize>,
    /// Record ids for the sources.
    sources: Vec<String>,
    /// The amendment file that last restated the group, or created it.
    touched_by: Option<usize>,
}

/// The file kind, from the folder or else the header.
fn is_amendment(path: &Path, text: &str) -> bool {
    match path.parent().and_then(Path::file_name).and_then(|n| n.to_str()) {
        Some("amendments") => true,
        Some("consolidated") => false,
        _ => text.trim_start_matches('\u{feff}').starts_with("amendedCelex"),
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Parses an EU Journal dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    let mut parsed = Parsed::new(source);
    let mut consolidated: Vec<(PathBuf, Vec<EuRow>)> = Vec::new();
    let mut amendments: Vec<(String, PathBuf, Vec<EuRow>)> = Vec::new();
    for path in &source.files {
        let bytes = tabular::read_bytes(path)?;
        let text = tabular::decode_utf8(&mut parsed, path, &bytes);
        let amendment = is_amendment(path, &text);
        let rows = read_file(&mut parsed, path, &text, amendment);
        if amendment {
            amendments.push((file_stem(path), path.clone(), rows));
        } else {
            consolidated.push((path.clone(), rows));
        }
    }
    amendments.sort_by(|a, b| a.0.cmp(&b.0));

    let mut files: Vec<PathBuf> = Vec::new();
    let mut rows: Vec<EuRow> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<GroupKey, usize> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    for (path, file_rows) in consolidated {
        let file = files.len();
        files.push(path);
        for mut row in file_rows {
            row.file = file;
            let at = rows.len();
            let key = row.key();
            match index.get(&key) {
                Some(&g) => {
                    groups[g].entity_rows.push(at);
                    groups[g].meta_rows.push(at);
                    parsed.skipped += 1;
                }
                None => {
                    let record_id = unique_record_id(&mut taken, &row);
                    index.insert(key, groups.len());
                    groups.push(Group {
                        sources: vec![record_id.clone()],
                        record_id,
                        schema: row.schema,
                        entity_rows: vec![at],
                        meta_rows: vec![at],
                        touched_by: None,
                    });
                }
            }
            rows.push(row);
        }
    }
    for (_, path, file_rows) in amendments {
        let file = files.len();
        files.push(path);
        for mut row in file_rows {
            row.file = file;
            let at = rows.len();
            let key = row.key();
            let amendment_source = format!("{}-{}", row.amendment.as_deref().unwrap_or(""), row.ident());
            match index.get(&key) {
                Some(&g) => {
                    let group = &mut groups[g];
                    if group.touched_by == Some(file) {
                        group.entity_rows.push(at);
                    } else {
                        group.entity_rows = vec![at];
                        group.meta_rows.retain(|&m| rows[m].context() != row.context());
                        group.touched_by = Some(file);
                    }
                    group.meta_rows.push(at);
                    if !group.sources.contains(&amendment_source) {
                        group.sources.push(amendment_source);
                    }
                    parsed.skipped += 1;
                }
                None => {
                    let record_id = unique_record_id(&mut taken, &row);
                    index.insert(key, groups.len());
                    groups.push(Group {
                        sources: vec![record_id.clone(), amendment_source],
                        record_id,
                        schema: row.schema,
                        entity_rows: vec![at],
                        meta_rows: vec![at],
                        touched_by: Some(file),
                    });
                }
            }
            rows.push(row);
        }
    }

    for group in &groups {
        let mut e = Entity::new(parsed.entity_id(&group.record_id), group.schema);
        for s in &group.sources {
            e.add_source(parsed.source_ref(s));
        }
        e.add_topic(topic::SANCTION);
        for &r in &group.entity_rows {
            apply_entity(&mut parsed, &files[rows[r].file], &mut e, &rows[r]);
        }
        for &r in &group.meta_rows {
            apply_meta(&mut parsed, &files[rows[r].file], &mut e, &rows[r]);
        }
        e.ensure_caption();
        parsed.entities.push(e);
    }
    Ok(parsed)
}

/// Reads one file's rows, checking the header, the CELEX columns, the schema and the name.
fn read_file(parsed: &mut Parsed, path: &Path, text: &str, amendment: bool) -> Vec<EuRow> {
    let lead: &[&str] = if amendment { &AMENDMENT } else { &CONSOLIDATED };
    let columns: Vec<&str> = lead.iter().copied().chain(COLUMNS.iter().map(|(n, _)| *n)).collect();
    let Some(table) = tabular::read_csv(parsed, path, text, &columns, &columns) else {
        return Vec::new();
    };
    let stem = file_stem(path);
    let mut out = Vec::new();
    let mut foreign = 0usize;
    for row in table {
        let mut cells = row.cells;
        let celex = cells.first().map(|c| c.trim().to_owned()).unwrap_or_default();
        let amendment_celex = amendment.then(|| cells.get(1).map(|c| c.trim().to_owned()).unwrap_or_default());
        let own = amendment_celex.as_deref().unwrap_or(&celex);
        if own != stem {
            foreign += 1;
        }
        let cells: Vec<String> = cells.drain(lead.len()..).collect();
        let record = cells.get(col::RECORD_ID).map(|c| c.trim()).filter(|c| !c.is_empty());
        let id = record.map_or_else(|| clean_value(cells.get(col::NAME).map_or("", String::as_str)), str::to_owned);
        let loc = record_location(row.line, id);
        let refuse = |parsed: &mut Parsed, message: String| {
            parsed.issue(Severity::Error, path, loc.clone(), message);
            parsed.skipped += 1;
        };
        if celex.is_empty() || amendment_celex.as_deref() == Some("") {
            refuse(parsed, format!("row without a `{}`", if celex.is_empty() { lead[0] } else { "amendmentCelex" }));
            continue;
        }
        let schema_text = cells.get(col::SCHEMA).map_or("", |c| c.trim());
        let schema = match schema_text.parse::<Schema>() {
            Ok(schema) if schema != Schema::Aircraft => schema,
            _ => {
                refuse(parsed, format!("unknown schema `{schema_text}`"));
                continue;
            }
        };
        // A name of control characters only is no name: it cleans to nothing.
        if cells.get(col::NAME).is_none_or(|n| clean_value(n).is_empty()) {
            refuse(parsed, "row without a `name`".into());
            continue;
        }
        out.push(EuRow { file: 0, line: row.line, celex, amendment: amendment_celex, schema, cells });
    }
    if foreign > 0 {
        let what = if amendment { "amendmentCelex" } else { "celex" };
        let message = format!(
            "{foreign} row{} with a `{what}` other than the file name `{stem}`",
            if foreign > 1 { "s" } else { "" }
        );
        parsed.issue(Severity::Warning, path, Location::File, message);
    }
    out
}

/// `{celex}-{recordId}`, or with the annex, the schema or a counter added when taken.
fn unique_record_id(taken: &mut HashSet<String>, row: &EuRow) -> String {
    let ident = row.ident();
    let annex = row.cell(col::ANNEX);
    let base = format!("{}-{ident}", row.celex);
    let with_annex = if annex.is_empty() { base.clone() } else { format!("{}-{annex}-{ident}", row.celex) };
    let with_schema = format!("{with_annex}-{}", row.schema);
    let mut id = [base, with_annex, with_schema.clone()].into_iter().find(|c| !taken.contains(c));
    let mut n = 2;
    while id.is_none() {
        let candidate = format!("{with_schema}-{n}");
        if !taken.contains(&candidate) {
            id = Some(candidate);
        }
        n += 1;
    }
    let id = id.unwrap_or_default();
    taken.insert(id.clone());
    id
}

/// The sanctions columns: program, measure, listing date, reason.
fn apply_meta(parsed: &mut Parsed, path: &Path, e: &mut Entity, row: &EuRow) {
    e.add(Prop::Program, row.cell(col::PROGRAM_KEY));
    let measure = row.cell(col::MEASURE);
    if !measure.is_empty() {
        e.add(Prop::Notes, &format!("measure: {measure}"));
    }
    let start = row.cell(col::START_DATE);
    if !start.is_empty() {
        add_dates(parsed, path, &row.location(), e, Prop::ListingDate, "startDate", start);
    }
    e.add(Prop::Reason, row.cell(col::REASON));
}

/// The entity columns.
fn apply_entity(parsed: &mut Parsed, path: &Path, e: &mut Entity, row: &EuRow) {
    let loc = row.location();
    for (i, (name, how)) in COLUMNS.iter().enumerate() {
        let cell = row.cell(i);
        if cell.is_empty() {
            continue;
        }
        match *how {
            How::Meta => {}
            How::Name => {
                e.add(Prop::Name, cell);
            }
            How::Multi(prop) => {
                for v in tabular::split_multi(cell) {
                    e.add(prop, &v);
                }
            }
            How::Ident(prop) => {
                for v in tabular::split_multi(cell) {
                    e.add(prop, v.trim_end_matches([',', ';']));
                }
            }
            How::Country(prop) => {
                for v in tabular::split_multi(cell) {
                    tabular::add_countries(e, parsed, path, &loc, prop, name, &v);
                }
            }
            How::Date(prop) => {
                for v in tabular::split_multi(cell) {
                    add_dates(parsed, path, &loc, e, prop, name, &v);
                }
            }
            How::BirthPlace => {
                for v in tabular::split_multi(cell) {
                    add_birth_place(e, &v);
                }
            }
            How::Gender => {
                for v in tabular::split_multi(cell) {
                    add_gender(parsed, path, &loc, e, &v);
                }
            }
            How::Note => {
                for v in tabular::split_multi(cell) {
                    e.add(Prop::Notes, &format!("{name}: {v}"));
                }
            }
        }
    }
}

fn add_gender(parsed: &mut Parsed, path: &Path, loc: &Location, e: &mut Entity, text: &str) {
    let g = text.trim().trim_end_matches('.').to_lowercase();
    match g.as_str() {
        "male" | "female" | "other" => {
            e.add(Prop::Gender, &g);
        }
        "" => {}
        _ => tabular::keep_as_note(e, parsed, path, loc, "gender", text, "unknown gender"),
    }
}

/// Labels found inside date cells, and where their text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    BirthPlace,
    Nationality,
    Gender,
}

const LABELS: [(&str, Label); 4] = [
    ("pob:", Label::BirthPlace),
    ("place of birth:", Label::BirthPlace),
    ("nationality:", Label::Nationality),
    ("gender:", Label::Gender),
];

/// Splits `7.10.1952 POB: Leningrad Gender: male` into the unlabelled head and labelled parts.
fn split_labels(text: &str) -> (&str, Vec<(Label, &str)>) {
    let lower = text.to_ascii_lowercase();
    let mut found: Vec<(usize, usize, Label)> = Vec::new();
    for (label, kind) in LABELS {
        let mut from = 0;
        while let Some(at) = lower.get(from..).and_then(|rest| rest.find(label)) {
            let start = from + at;
            found.push((start, start + label.len(), kind));
            from = start + label.len();
        }
    }
    found.sort_unstable_by_key(|f| f.0);
    let head_end = found.first().map_or(text.len(), |f| f.0);
    let mut parts = Vec::new();
    for (i, &(_, text_start, kind)) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(text.len(), |f| f.0);
        if let Some(part) = text.get(text_start..end.max(text_start)) {
            parts.push((kind, part.trim()));
        }
    }
    (text.get(..head_end).unwrap_or(text), parts)
}

/// Adds the dates of a free-text date value (see the module doc).
fn add_dates(parsed: &mut Parsed, path: &Path, loc: &Location, e: &mut Entity, prop: Prop, label: &str, value: &str) {
    let (head, labelled) = split_labels(value);
    for (kind, text) in labelled {
        match kind {
            Label::BirthPlace => add_birth_place(e, text),
            Label::Nationality => tabular::add_countries(e, parsed, path, loc, Prop::Nationality, "nationality", text),
            Label::Gender => add_gender(parsed, path, loc, e, text),
        }
    }
    let head = head.trim().trim_end_matches([',', ';']).trim();
    if head.is_empty() {
        return;
    }
    if prop == Prop::BirthDate
        && !head.bytes().any(|b| b.is_ascii_digit())
        && !vetter_model::country::countries_in_text(head).is_empty()
    {
        add_birth_place(e, head);
        let message = format!("`{label}` value `{head}` holds no date: read as a place of birth");
        parsed.issue(Severity::Warning, path, loc.clone(), message);
        return;
    }
    let dates = extract_dates(head);
    if dates.is_empty() {
        tabular::keep_as_note(e, parsed, path, loc, label, head, "unreadable date");
    }
    for date in dates {
        e.add(prop, &date.to_string());
    }
}

/// The longest run of words tried as one date (`between 1955 and 1958`, `approximately 25 April 1957`).
const MAX_DATE_WORDS: usize = 5;

/// The dates in a free-text value: the whole value if it reads as a date,
/// else every date-shaped run of words, longest first.
fn extract_dates(text: &str) -> Vec<PartialDate> {
    if let Some(date) = PartialDate::parse_loose(text).filter(|d| tabular::plausible(*d)) {
        return vec![date];
    }
    let spaced = space_abbreviations(text);
    let words: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<PartialDate> = Vec::new();
    let mut i = 0;
    'scan: while i < words.len() {
        for len in (1..=MAX_DATE_WORDS.min(words.len() - i)).rev() {
            if let Some(date) = words_date(&words[i..i + len]) {
                if !out.contains(&date) {
                    out.push(date);
                }
                i += len;
                continue 'scan;
            }
        }
        i += 1;
    }
    out
}

/// A run of words read as one date; `June 30 2012` is also tried as `30 June 2012`.
fn words_date(words: &[&str]) -> Option<PartialDate> {
    if !words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let date = PartialDate::parse_loose(&words.join(" ")).or_else(|| match words {
        [month, day, year] if day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) => {
            PartialDate::parse_loose(&format!("{day} {month} {year}"))
        }
        _ => None,
    })?;
    tabular::plausible(date).then_some(date)
}

/// `8 Oct.1970` → `8 Oct. 1970`: a space after a dot between a letter and a digit.
fn space_abbreviations(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '.' && prev.is_some_and(char::is_alphabetic) && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push(' ');
        }
        prev = Some(c);
    }
    out
}

/// Adds a place of birth, and the country of birth when the text names one.
fn add_birth_place(e: &mut Entity, text: &str) {
    let place = text.trim().trim_end_matches([',', ';', '.']).trim();
    if !e.add(Prop::BirthPlace, place) && place.is_empty() {
        return;
    }
    for candidate in birth_country_candidates(place) {
        if e.add_country(Prop::BirthCountry, &candidate) {
            return;
        }
    }
}

/// Where a country may be named in a place of birth, most specific first.
fn birth_country_candidates(place: &str) -> Vec<String> {
    let strip = |s: &str| s.trim().trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()).to_owned();
    let last_part = |s: &str| s.rsplit([',', '—', '–']).next().map(strip).unwrap_or_default();
    let mut out = Vec::new();
    let lower = place.to_ascii_lowercase();
    if let Some(at) = lower.rfind("now ").filter(|&at| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphabetic()) {
        let after = place.get(at + 4..).unwrap_or("");
        let after = after.split(')').next().unwrap_or(after);
        out.push(strip(after));
        out.push(last_part(after));
    }
    if let (Some(open), Some(close)) = (place.rfind('('), place.rfind(')'))
        && open < close
    {
        out.push(strip(&place[open + 1..close]));
    }
    let without_parens = place.split('(').next().unwrap_or(place);
    out.push(last_part(without_parens));
    out.push(strip(place));
    let last = last_part(without_parens);
    out.extend(last.split('/').map(strip));
    out.retain(|c| !c.is_empty());
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    //! 1. Free-text dates, labels inside dates, places of birth.
    //! 2. Fixtures: a verbatim cut of consolidated and amendment files, and
    //!    broken files whose error names the file and line.
    //! 3. The real files: row counts per file measured independently, the
    //!    entity count, and the Putin record.
    use super::*;
    use crate::{Format, Issue};

    fn check_dates(text: &str, expect: &[&str]) {
        let got: Vec<String> = extract_dates(text).iter().map(ToString::to_string).collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn date_dotted() {
        check_dates("7.10.1952", &["1952-10-07"]);
    }
    #[test]
    fn date_enumerated() {
        check_dates("(a) 3.3.1965, (b) 1.1.1965, (c) 11.1.1965", &["1965-03-03", "1965-01-01", "1965-01-11"]);
    }
    #[test]
    fn date_or() {
        check_dates("6.3.1955 or 15.3.1955", &["1955-03-06", "1955-03-15"]);
    }
    #[test]
    fn date_circa_inside() {
        check_dates("(a) 1955, (b) circa 1952", &["1955", "1952~"]);
    }
    #[test]
    fn date_between() {
        check_dates("Between 1960 and 1962 (Approximately)", &["1960/1962"]);
    }
    #[test]
    fn date_hijri_ignored() {
        check_dates("1343 (Iranian Hijri calendar), 1964 or 1965 (Gregorian calendar)", &["1964", "1965"]);
        check_dates("(a) 19.4.1982, (b) 18.4.1982, (c) 24.6.1402 (Hijri Calendar)", &["1982-04-19", "1982-04-18"]);
    }
    #[test]
    fn date_abbreviation_without_space() {
        check_dates("8 Oct.1970", &["1970-10-08"]);
    }
    #[test]
    fn date_month_first() {
        check_dates("June 30, 2012", &["2012-06-30"]);
    }
    #[test]
    fn date_with_comment() {
        check_dates("3.1.2003 (founded in 1918)", &["2003-01-03", "1918"]);
    }
    #[test]
    fn date_none() {
        check_dates("1960s-1970s (approx. 60 years old)", &[]);
    }

    fn check_birth_value(value: &str, prop: Prop, expect: &[&str]) {
        let mut parsed = Parsed::default();
        let mut e = Entity::new("x", Schema::Person);
        add_dates(&mut parsed, Path::new("x.csv"), &Location::File, &mut e, Prop::BirthDate, "birthDate", value);
        assert_eq!(e.get(prop), expect, "{value}");
        assert_eq!(parsed.issues.len(), usize::from(prop != Prop::BirthDate), "{:?}", parsed.issues);
    }

    #[test]
    fn birth_value_date_and_place() {
        check_birth_value(
            "7.10.1952 POB: Leningrad (now Saint-Petersburg), ex-USSR (now Russian Federation)",
            Prop::BirthDate,
            &["1952-10-07"],
        );
        check_birth_value("7.10.1952 POB: Leningrad (now Saint-Petersburg)", Prop::BirthDate, &["1952-10-07"]);
    }
    #[test]
    fn birth_value_place_only() {
        check_birth_value("Qom, Iran", Prop::BirthPlace, &["Qom, Iran"]);
    }
    #[test]
    fn birth_value_placeholder() {
        check_birth_value("N/D", Prop::Notes, &["birthDate: N/D"]);
        check_birth_value("(year unknown)", Prop::Notes, &["birthDate: (year unknown)"]);
    }

    #[test]
    fn labels_in_date() {
        let (head, parts) = split_labels("20.8.1963 POB: Tokmak, Kirghiz SSR Nationality: Russian Gender: male");
        assert_eq!(head, "20.8.1963 ");
        assert_eq!(
            parts,
            [(Label::BirthPlace, "Tokmak, Kirghiz SSR"), (Label::Nationality, "Russian"), (Label::Gender, "male")]
        );
    }

    fn check_place(place: &str, first: &str) {
        let candidates = birth_country_candidates(place);
        assert_eq!(candidates.first().map(String::as_str), Some(first), "{place}: {candidates:?}");
    }

    #[test]
    fn place_now() {
        check_place("Leningrad (now Saint-Petersburg), ex-USSR (now Russian Federation)", "Russian Federation");
    }
    #[test]
    fn place_now_with_city() {
        check_place("Leningrad, USSR (now St. Petersburg, Russian Federation)", "St. Petersburg, Russian Federation");
        assert!(
            birth_country_candidates("Leningrad, USSR (now St. Petersburg, Russian Federation)")
                .contains(&"Russian Federation".to_owned())
        );
    }
    #[test]
    fn place_last_part() {
        check_place("Rtishchevo — Saratov Region, Russian Federation", "Russian Federation");
    }
    #[test]
    fn place_parenthesis() {
        check_place("Tehran (Iran)", "Iran");
    }
    #[test]
    fn place_birth_country_russia() {
        let mut e = Entity::new("x", Schema::Person);
        add_birth_place(&mut e, "Moscow, former USSR (now Russian Federation)");
        assert_eq!(e.get(Prop::BirthCountry), ["ru"]);
        assert_eq!(e.get(Prop::BirthPlace), ["Moscow, former USSR (now Russian Federation)"]);
    }

    #[test]
    fn columns_match_format_md() {
        let header = "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,country,nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,gender,appearance,ethnicity,fatherName,motherName,incorporationDate,legalForm,sector,registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,notes";
        let ours: Vec<&str> = CONSOLIDATED.iter().copied().chain(COLUMNS.iter().map(|c| c.0)).collect();
        assert_eq!(ours.join(","), header);
    }

    fn source(files: Vec<PathBuf>) -> DatasetSource {
        DatasetSource {
            dataset: "eu_journal_sanctions".into(),
            format: Format::EuJournalCsv,
            snapshot: "2026-08-21".into(),
            files,
        }
    }

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eu_journal_csv")).join(name)
    }

    fn find<'a>(parsed: &'a Parsed, id: &str) -> &'a Entity {
        parsed.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no {id}"))
    }

    #[test]
    fn fixture_ok() {
        let files = vec![fixture("ok/consolidated/32014R0269.csv"), fixture("ok/amendments/32026R1843.csv")];
        let parsed = parse(&source(files)).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues);
        let putin = find(&parsed, "eu_journal_sanctions-32014R0269-669");
        assert_eq!(putin.schema, Schema::Person);
        assert_eq!(putin.caption, "Vladimir Vladimirovich PUTIN");
        assert_eq!(putin.get(Prop::Alias), ["Влади мир Влади мирович ПУ ТИН"]);
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert_eq!(putin.get(Prop::Position), ["President of the Russian Federation"]);
        assert_eq!(putin.get(Prop::BirthCountry), ["ru"]);
        assert_eq!(putin.get(Prop::BirthPlace), ["Leningrad (now Saint-Petersburg), ex-USSR (now Russian Federation)"]);
        assert_eq!(putin.get(Prop::Gender), ["male"]);
        assert_eq!(putin.get(Prop::ListingDate), ["2022-02-25"]);
        assert_eq!(putin.get(Prop::Program), ["EU-UKR"]);
        assert!(putin.get(Prop::Notes).contains(&"measure: Asset freeze".to_owned()));
        assert_eq!(putin.topics, ["sanction"]);
        // The company numbered 669 in another annex gets the annex in its id.
        let company = find(&parsed, "eu_journal_sanctions-32014R0269-I.ENTITIES-669");
        assert_eq!(company.schema, Schema::Company);
        assert_eq!(company.get(Prop::RegistrationNumber), ["1127746516809"]);
        assert_eq!(company.get(Prop::IncorporationDate), ["2012-07-04"]);
        assert_eq!(company.get(Prop::Address).len(), 2, "a `;`-separated cell");
        // Every id is unique.
        let mut ids: Vec<&str> = parsed.entities.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), parsed.entities.len());
        assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
    }

    #[test]
    fn amendment_restates_and_adds() {
        let files = vec![fixture("ok/consolidated/32014R0833.csv"), fixture("ok/amendments/32026R1848.csv")];
        let parsed = parse(&source(files)).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues);
        // Restated: the vessel renamed by the amendment keeps one entity, with both sources.
        let vessel = find(&parsed, "eu_journal_sanctions-32014R0833-629");
        assert_eq!(vessel.get(Prop::Name), ["STORMBRINGER (ex KRITI VIGOR)"]);
        let sources: Vec<&str> = vessel.sources.iter().map(|s| s.record_id.as_str()).collect();
        assert_eq!(sources, ["32014R0833-629", "32026R1848-629"]);
        // Added: a bank the consolidated file does not have.
        let bank = find(&parsed, "eu_journal_sanctions-32014R0833-Joint Stock Company Commercial Bank Energobank");
        let sources: Vec<&str> = bank.sources.iter().map(|s| s.record_id.as_str()).collect();
        assert_eq!(
            sources,
            [
                "32014R0833-Joint Stock Company Commercial Bank Energobank",
                "32026R1848-Joint Stock Company Commercial Bank Energobank"
            ]
        );
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (4, 1, 3));
    }

    fn check_error(file: &str, location: Location, needle: &str) {
        let path = fixture(file);
        let parsed = parse(&source(vec![path.clone()])).unwrap();
        let issue = parsed.issues.iter().find(|i| i.severity == Severity::Error).expect("an error");
        assert_eq!(issue.file, path);
        assert_eq!(issue.location, location, "{issue}");
        assert!(issue.message.contains(needle), "{issue}");
        assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
    }

    #[test]
    fn error_amendment_header_in_consolidated() {
        check_error("err/consolidated/32026R1817.csv", Location::Line(1), "missing column `celex`");
    }
    #[test]
    fn error_broken_quote() {
        check_error("err/amendments/32026R1883.csv", Location::Line(3), "broken quote");
    }
    #[test]
    fn error_unknown_schema() {
        check_error(
            "err/consolidated/32009R1284.csv",
            Location::Record { line: 3, id: "2".into() },
            "unknown schema `Persona`",
        );
    }
    /// A consolidated file with `rows` under the header, as `(recordId, schema, name)`.
    fn rows_file(rows: &[(&str, &str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("32014R0269.csv");
        let header: Vec<&str> = CONSOLIDATED.iter().copied().chain(COLUMNS.iter().map(|c| c.0)).collect();
        let mut text = header.join(",") + "\n";
        for (id, schema, name) in rows {
            let mut cells = vec![String::new(); header.len()];
            cells[0] = "32014R0269".into();
            cells[1 + col::RECORD_ID] = (*id).into();
            cells[1 + col::SCHEMA] = (*schema).into();
            cells[1 + col::NAME] = (*name).into();
            text += &(cells.join(",") + "\n");
        }
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn refused_row_without_id_or_name_is_located_by_line() {
        let (_dir, path) = rows_file(&[("", "LegalEntity", "CHIP AND DIP LLC"), ("", "Le\0control", "")]);
        let parsed = parse(&source(vec![path])).unwrap();
        let errors: Vec<&Issue> = parsed.issues.iter().filter(|i| i.severity == Severity::Error).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].location, Location::Line(3));
        assert!(errors[0].message.contains("unknown schema"), "{}", errors[0]);
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 1, 1));
    }

    #[test]
    fn name_of_control_characters_only_is_refused() {
        let (_dir, path) = rows_file(&[("", "Person", "\u{2}\u{1}"), ("7", "Person", "\u{2}")]);
        let parsed = parse(&source(vec![path])).unwrap();
        let errors: Vec<(Location, &str)> = parsed
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .map(|i| (i.location.clone(), i.message.as_str()))
            .collect();
        assert_eq!(
            errors,
            [
                (Location::Line(2), "row without a `name`"),
                (Location::Record { line: 3, id: "7".into() }, "row without a `name`")
            ]
        );
        assert_eq!((parsed.seen, parsed.skipped, parsed.entities.len()), (2, 2, 0));
    }

    #[test]
    fn error_field_count() {
        check_error("err/consolidated/32003R1210.csv", Location::Line(2), "expected 45 fields");
    }

    proptest::proptest! {
        #[test]
        fn free_text_never_panics(s in "\\PC{0,60}") {
            let _ = extract_dates(&s);
            let _ = split_labels(&s);
            let _ = birth_country_candidates(&s);
            let mut parsed = Parsed::default();
            let mut e = Entity::new("x", Schema::Person);
            add_dates(&mut parsed, Path::new("x.csv"), &Location::File, &mut e, Prop::BirthDate, "birthDate", &s);
            add_birth_place(&mut e, &s);
        }

        #[test]
        fn date_like_text_never_panics(s in "[0-9a-zA-Z .,;:()/–-]{0,40}") {
            for d in extract_dates(&s) {
                proptest::prop_assert!(tabular::plausible(d));
            }
        }

        #[test]
        fn any_file_never_panics(body in "[a-zA-Z0-9,;\"\n ]{0,200}") {
            let header = "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,country,nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,gender,appearance,ethnicity,fatherName,motherName,incorporationDate,legalForm,sector,registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,notes\n";
            let mut parsed = Parsed::default();
            let rows = read_file(&mut parsed, Path::new("consolidated/x.csv"), &format!("{header}{body}"), false);
            proptest::prop_assert!(rows.len() <= parsed.seen);
        }
    }

    const REAL: &str =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/eu_oj_sanctions_opensanctions/2026-08-21");

    fn real_files() -> Vec<PathBuf> {
        let mut files = Vec::new();
        for sub in ["consolidated", "amendments"] {
            let mut here: Vec<PathBuf> =
                std::fs::read_dir(Path::new(REAL).join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
            here.sort();
            files.extend(here);
        }
        files
    }

    #[test]
    fn real_files_parse() {
        let files = real_files();
        assert_eq!(files.len(), 56);
        // Independent count: csv records per file, minus the header.
        let rows: usize = files.iter().map(|f| csv::Reader::from_path(f).unwrap().records().count()).sum();
        assert_eq!(rows, 8017 + 417);

        // Rows per file, as MANIFEST.md counts them.
        for (name, count) in
            [("32001R2580", 36), ("32002R0881", 350), ("32004R0314", 0), ("32026R1843", 216), ("32026R1848", 157)]
        {
            let file = files.iter().find(|f| file_stem(f) == name).unwrap();
            let parsed = parse(&source(vec![file.clone()])).unwrap();
            assert_eq!(parsed.seen, count, "{name}");
            assert!(!parsed.has_errors(), "{name}");
        }

        let parsed = parse(&source(files)).unwrap();
        assert!(!parsed.has_errors(), "{:?}", parsed.issues.iter().find(|i| i.severity == Severity::Error));
        assert_eq!(parsed.seen, rows);
        assert_eq!(parsed.seen - parsed.skipped, parsed.entities.len());
        assert_eq!(parsed.entities.len(), 8414);
        assert!(parsed.entities.iter().all(|e| e.name_count() > 0 && e.topics == ["sanction"]));
        let mut ids: Vec<&str> = parsed.entities.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), parsed.entities.len());

        let putin = find(&parsed, "eu_journal_sanctions-32014R0269-669");
        assert_eq!(putin.get(Prop::Name), ["Vladimir Vladimirovich PUTIN"]);
        assert_eq!(putin.get(Prop::Alias), ["Влади мир Влади мирович ПУ ТИН"]);
        assert_eq!(putin.get(Prop::BirthDate), ["1952-10-07"]);
        assert_eq!(putin.get(Prop::Position), ["President of the Russian Federation"]);
        assert_eq!(putin.get(Prop::BirthCountry), ["ru"]);
        assert_eq!(putin.sources.len(), 1);
        assert_eq!(putin.sources[0].record_id, "32014R0269-669");
    }
}
