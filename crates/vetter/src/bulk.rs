//! `vetter screen --input FILE --output FILE`: screen every row of a CSV or
//! JSON-lines file, in parallel, writing one result per input row in input order.
//!
//! Column roles are found by header name (`name`/`full_name`, else
//! `first_name`/`middle_name`/`last_name` joined; `schema`/`type`;
//! `birth_date`/`date_of_birth`/`dob`; `country`/`nationality`/`countries`;
//! `passport`/`registration_number`/`imo`...; case, spaces, `_` and `-` do not
//! matter) and can be set with `--column ROLE=HEADER`. A row that cannot be
//! screened (no name, an unknown schema, a line that is not JSON, bytes that are
//! not UTF-8) gets an `error` in its output line and a line in
//! `<output>.errors.jsonl`, and the run goes on; `--strict` stops at the first
//! with exit code 2.
//!
//! # Interruption and `--resume`
//!
//! Rows are screened in batches; each batch is written whole, in input order,
//! and handed to the operating system before the next one starts (and synced
//! to disk at most once a second), so a run that is killed leaves a prefix of
//! the output that ends with at most one partial line. While a run is
//! unfinished, `<output>.progress.json` describes it: the input's size and
//! xxh3 hash, the options that shape the output, and the fingerprint of the
//! lists. `--resume` checks all of those, cuts the partial line, counts the
//! rows already written (the `row` of the last JSON line plus one, or the CSV
//! records after the header), checks that the last of them is the output of
//! the same input row, drops error lines at or past that point, and appends
//! the rest. The progress file is removed when the last row is written.
//!
//! Without `--resume`, a finished output is replaced, and an unfinished one is
//! refused, so that forgetting the flag never throws away hours of work.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use vetter_engine::columns::{Role, Roles, find_column};
use vetter_engine::{Engine, Hit, Query};
use vetter_model::Schema;
use xxhash_rust::xxh3::Xxh3;

/// Rows screened per parallel batch; output is written batch by batch, in order.
const BATCH: usize = 1024;

/// The longest time written rows wait before they are synced to disk.
const SYNC_EVERY: Duration = Duration::from_secs(1);

/// The columns CSV output adds after the input's own.
const CSV_EXTRA: [&str; 7] = ["top_id", "top_caption", "top_score", "match", "risk", "datasets", "error"];

/// Bump when the meaning of a field of the progress file changes.
const PROGRESS_FORMAT: u32 = 1;

/// What `vetter screen --input` was asked to do.
pub struct Options<'a> {
    /// The rows to screen (CSV, or JSON lines for `.jsonl`, `.ndjson`, `.json`).
    pub input: &'a Path,
    /// Where the results go (CSV for `.csv`, JSON lines otherwise).
    pub output: &'a Path,
    /// `--column ROLE=HEADER` overrides, as given.
    pub columns: &'a [String],
    /// The schema of rows that do not give one.
    pub schema: Option<Schema>,
    /// Only entities from these datasets (all when empty).
    pub datasets: &'a [String],
    /// Results per row in JSON-lines output.
    pub limit: usize,
    /// Stop at the first row that cannot be screened.
    pub strict: bool,
    /// Continue the unfinished run in `output`.
    pub resume: bool,
    /// Draw a progress bar on stderr (when it is a terminal).
    pub progress: bool,
}

/// What a bulk run did.
#[derive(Debug)]
pub struct Summary {
    /// Rows in the output now.
    pub rows: usize,
    /// Rows screened by this run (the rest were there already).
    pub screened: usize,
    /// Rows an earlier, interrupted run had written, when resuming.
    pub resumed_after: Option<usize>,
    /// Rows that could not be screened, over the whole output.
    pub errors: usize,
    /// Where those rows are listed.
    pub errors_path: PathBuf,
}

/// `<output>.errors.jsonl`: one line per row that could not be screened.
pub fn errors_path(output: &Path) -> PathBuf {
    sibling(output, ".errors.jsonl")
}

/// `<output>.progress.json`: present while the run writing `output` is unfinished.
pub fn progress_path(output: &Path) -> PathBuf {
    sibling(output, ".progress.json")
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The shape of an input or output file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Csv,
    Jsonl,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Csv => "CSV",
            Kind::Jsonl => "JSON lines",
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

fn input_kind(path: &Path) -> Kind {
    if matches!(extension(path).as_str(), "jsonl" | "json" | "ndjson") { Kind::Jsonl } else { Kind::Csv }
}

fn output_kind(path: &Path) -> Kind {
    if extension(path) == "csv" { Kind::Csv } else { Kind::Jsonl }
}

// ---------------------------------------------------------------------------
// Column roles

/// One `--column ROLE=HEADER`; an empty header takes the role away from every column.
#[derive(Debug, Clone)]
struct Override {
    given: String,
    role: Role,
    header: Option<String>,
}

fn parse_overrides(columns: &[String]) -> anyhow::Result<Vec<Override>> {
    columns
        .iter()
        .map(|given| {
            let Some((role, header)) = given.split_once('=') else { bail!("`--column {given}`: expected ROLE=HEADER") };
            let Some(role) = Role::parse(role) else {
                bail!("`--column {given}`: unknown role `{role}` (name, schema, birth_date, country, id)")
            };
            let header = (!header.is_empty()).then(|| header.to_owned());
            Ok(Override { given: given.clone(), role, header })
        })
        .collect()
}

/// Finds the columns of each role from the header names, then applies the overrides:
/// the first override of a role replaces what was found, later ones add columns.
fn find_roles(headers: &[String], overrides: &[Override]) -> anyhow::Result<Roles> {
    let mut roles = Roles::from_headers(headers);
    let mut columns = Vec::with_capacity(overrides.len());
    for o in overrides {
        let column = match &o.header {
            None => None,
            Some(header) => match find_column(headers, header) {
                Some(i) => Some(i),
                None => bail!("`--column {}`: no column `{header}` in the header ({})", o.given, headers.join(", ")),
            },
        };
        columns.push((o.role, column));
    }
    roles.apply_overrides(columns);
    if !roles.has_name() {
        bail!(
            "no name column in the header ({})\nhint: name it `name` or `full_name`, or use `--column name=HEADER`",
            headers.join(", ")
        );
    }
    Ok(roles)
}

/// What every row's query gets from the command line.
struct Defaults {
    schema: Option<Schema>,
    datasets: Vec<String>,
}

fn query_of(cells: &[String], roles: &Roles, defaults: &Defaults) -> Result<Query, String> {
    roles.query(|i| cells.get(i).map_or("", |s| s.trim()), defaults.schema, &defaults.datasets)
}

// ---------------------------------------------------------------------------
// Reading rows

/// One input row, read.
struct Row {
    /// 0-based row number (data rows: no header, no blank lines).
    index: usize,
    /// 1-based line of the input where the row starts.
    line: u64,
    /// The input cells (CSV) or values (JSON, one per key of the header), passed through to CSV output.
    cells: Vec<String>,
    /// The query, or why there is none (one line, no line breaks).
    query: Result<Query, String>,
}

fn one_line(message: String) -> String {
    if message.contains(['\n', '\r']) { message.replace(['\n', '\r'], " ") } else { message }
}

/// Reads rows of a CSV or JSON-lines file, with the columns and roles found in it.
struct RowReader {
    source: Source,
    /// The CSV header, or the keys of JSON objects in order of first appearance.
    headers: Vec<String>,
    roles: Roles,
    overrides: Vec<Override>,
    defaults: Defaults,
    next_index: usize,
}

/// A non-blank line of a JSON-lines file: its line number and its object, or why it has none.
type JsonLine = (u64, Result<serde_json::Map<String, serde_json::Value>, String>);

enum Source {
    Csv {
        reader: csv::Reader<BufReader<fs_err::File>>,
        record: csv::ByteRecord,
    },
    Jsonl {
        reader: BufReader<fs_err::File>,
        buf: Vec<u8>,
        /// Lines read so far.
        line: u64,
        /// Lines read ahead while looking for the first object.
        pending: VecDeque<JsonLine>,
    },
}

impl RowReader {
    fn open(path: &Path, kind: Kind, overrides: Vec<Override>, defaults: Defaults) -> anyhow::Result<RowReader> {
        let file = BufReader::with_capacity(1 << 16, fs_err::File::open(path)?);
        match kind {
            Kind::Csv => {
                let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
                let headers: Vec<String> = reader
                    .byte_headers()
                    .with_context(|| format!("reading the CSV header of `{}`", path.display()))?
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).trim_start_matches('\u{feff}').to_owned())
                    .collect();
                let roles = find_roles(&headers, &overrides)?;
                let source = Source::Csv { reader, record: csv::ByteRecord::new() };
                Ok(RowReader { source, headers, roles, overrides, defaults, next_index: 0 })
            }
            Kind::Jsonl => {
                let mut source = Source::Jsonl { reader: file, buf: Vec::new(), line: 0, pending: VecDeque::new() };
                // The header is the first object's keys, plus the keys `--column` names.
                let mut first = None;
                while let Some(item) = source.read_json_line()? {
                    let found = item.1.as_ref().ok().map(|map| map.keys().cloned().collect::<Vec<_>>());
                    let Source::Jsonl { pending, .. } = &mut source else { unreachable!("a JSON-lines source") };
                    pending.push_back(item);
                    if found.is_some() {
                        first = found;
                        break;
                    }
                }
                let mut headers = first.clone().unwrap_or_default();
                for o in &overrides {
                    if let Some(h) = &o.header
                        && !headers.iter().any(|k| k == h)
                    {
                        headers.push(h.clone());
                    }
                }
                // A file with no JSON object has no columns to find: every row is an error anyway.
                let roles = if first.is_some() { find_roles(&headers, &overrides)? } else { Roles::default() };
                Ok(RowReader { source, headers, roles, overrides, defaults, next_index: 0 })
            }
        }
    }

    /// The next row, or `None` at the end of the input.
    fn next(&mut self) -> anyhow::Result<Option<Row>> {
        let index = self.next_index;
        let row = match &mut self.source {
            Source::Csv { reader, record } => {
                match reader.read_byte_record(record) {
                    Ok(false) => return Ok(None),
                    Ok(true) => {}
                    Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                        return Err(e).context("reading the input");
                    }
                    Err(e) => {
                        let line = e.position().map_or(0, csv::Position::line);
                        self.next_index += 1;
                        let error = one_line(format!("unreadable CSV record: {e}"));
                        return Ok(Some(Row { index, line, cells: Vec::new(), query: Err(error) }));
                    }
                }
                let line = record.position().map_or(0, csv::Position::line);
                let mut bad = None;
                let cells: Vec<String> = record
                    .iter()
                    .enumerate()
                    .map(|(k, c)| match std::str::from_utf8(c) {
                        Ok(s) => s.to_owned(),
                        Err(_) => {
                            let column = self.headers.get(k).map_or("?", String::as_str);
                            bad.get_or_insert_with(|| format!("column `{column}` is not UTF-8"));
                            String::from_utf8_lossy(c).into_owned()
                        }
                    })
                    .collect();
                let query = match bad {
                    Some(e) => Err(e),
                    None => query_of(&cells, &self.roles, &self.defaults),
                };
                Row { index, line, cells, query }
            }
            Source::Jsonl { pending, .. } => {
                let item = match pending.pop_front() {
                    Some(item) => item,
                    None => match self.source.read_json_line()? {
                        Some(item) => item,
                        None => return Ok(None),
                    },
                };
                match item {
                    (line, Err(e)) => Row { index, line, cells: Vec::new(), query: Err(e) },
                    (line, Ok(map)) => {
                        let before = self.headers.len();
                        for key in map.keys() {
                            if !self.headers.contains(key) {
                                self.headers.push(key.clone());
                            }
                        }
                        if self.headers.len() > before {
                            // A key no earlier object had: it may have a role.
                            self.roles = find_roles(&self.headers, &self.overrides)?;
                        }
                        let cells: Vec<String> =
                            self.headers.iter().map(|h| vetter_engine::columns::json_cell(map.get(h))).collect();
                        let query = query_of(&cells, &self.roles, &self.defaults);
                        Row { index, line, cells, query }
                    }
                }
            }
        };
        self.next_index += 1;
        Ok(Some(Row { query: row.query.map_err(one_line), ..row }))
    }
}

impl Source {
    /// The next non-blank line of a JSON-lines file, parsed, with its line number.
    fn read_json_line(&mut self) -> anyhow::Result<Option<JsonLine>> {
        let Source::Jsonl { reader, buf, line, .. } = self else { unreachable!("only JSON-lines sources have lines") };
        loop {
            buf.clear();
            if reader.read_until(b'\n', buf).context("reading the input")? == 0 {
                return Ok(None);
            }
            *line += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Ok(Some((*line, vetter_engine::columns::json_object(*line, buf))));
        }
    }
}

// ---------------------------------------------------------------------------
// The input's identity

/// Size, xxh3 hash and an estimate of the row count of the input, from one pass over it.
#[derive(Debug, Clone, Copy)]
struct InputStamp {
    bytes: u64,
    hash: u64,
    /// Lines with something other than white space on them.
    lines: u64,
}

fn stamp_input(path: &Path) -> anyhow::Result<InputStamp> {
    let mut file = fs_err::File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 1 << 16];
    let (mut bytes, mut lines, mut line_has_text) = (0u64, 0u64, false);
    loop {
        let n = file.read(&mut buf).with_context(|| format!("reading `{}`", path.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
        for &b in &buf[..n] {
            if b == b'\n' {
                lines += u64::from(line_has_text);
                line_has_text = false;
            } else if !b.is_ascii_whitespace() {
                line_has_text = true;
            }
        }
    }
    lines += u64::from(line_has_text);
    Ok(InputStamp { bytes, hash: hasher.digest(), lines })
}

/// `<output>.progress.json`: what an unfinished run was doing, so that `--resume`
/// only continues it with the same input, options and lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Progress {
    /// [`PROGRESS_FORMAT`].
    format: u32,
    /// The vetter version that wrote it.
    vetter: String,
    /// The input path as given (for people; not compared).
    input: String,
    /// The input's size in bytes.
    input_bytes: u64,
    /// The xxh3 hash of the input's bytes, in hex.
    input_xxh3: String,
    /// The output kind.
    output: Kind,
    /// The `--column` options.
    columns: Vec<String>,
    /// The `--schema` option.
    schema: Option<String>,
    /// The `--dataset` options.
    datasets: Vec<String>,
    /// The `--limit` option.
    limit: usize,
    /// The fingerprint of the lists and the vetter build (the index's).
    lists: String,
}

impl Progress {
    /// Why a run described by `self` cannot be continued as `now`, if it cannot.
    fn mismatch(&self, now: &Progress) -> Option<String> {
        if self.format != now.format || self.vetter != now.vetter {
            return Some(format!("it was started by vetter {} (progress format {})", self.vetter, self.format));
        }
        if self.input_bytes != now.input_bytes || self.input_xxh3 != now.input_xxh3 {
            return Some(format!(
                "the input is not the file it started on (`{}`, {} bytes, xxh3 {}; now {} bytes, xxh3 {})",
                self.input, self.input_bytes, self.input_xxh3, now.input_bytes, now.input_xxh3
            ));
        }
        if self.output != now.output {
            return Some(format!("it was writing {}, not {}", self.output.name(), now.output.name()));
        }
        if self.columns != now.columns
            || self.schema != now.schema
            || self.datasets != now.datasets
            || self.limit != now.limit
        {
            return Some(format!(
                "it was started with other options (--column {:?}, --schema {:?}, --dataset {:?}, --limit {})",
                self.columns, self.schema, self.datasets, self.limit
            ));
        }
        if self.lists != now.lists {
            return Some(
                "the lists or the vetter build changed since it started, and one output must not mix two".into(),
            );
        }
        None
    }
}

fn write_progress(path: &Path, progress: &Progress) -> anyhow::Result<()> {
    let tmp = sibling(path, ".tmp");
    let mut file = fs_err::File::create(&tmp)?;
    file.write_all(serde_json::to_string_pretty(progress)?.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    fs_err::rename(&tmp, path)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// What an interrupted run left

/// The complete rows an earlier run wrote.
#[derive(Debug, PartialEq)]
struct Prefix {
    rows: usize,
    /// The last complete row: a JSON line, or the cells of a CSV record.
    last: Option<LastRow>,
}

#[derive(Debug, PartialEq)]
enum LastRow {
    Json(serde_json::Value),
    Csv(Vec<String>),
}

/// Cuts a JSON-lines output after its last complete line and reads that line.
fn trim_jsonl_output(path: &Path) -> anyhow::Result<Prefix> {
    let mut file = fs_err::OpenOptions::new().read(true).write(true).open(path)?;
    let len = file.metadata()?.len();
    // Read backwards until the last two line ends (or the start) are in `tail`.
    let (mut tail, mut start) = (Vec::new(), len);
    let (end, line) = loop {
        if let Some(i) = tail.iter().rposition(|&b| b == b'\n') {
            if let Some(j) = tail[..i].iter().rposition(|&b| b == b'\n') {
                break (start + i as u64 + 1, Some(tail[j + 1..i].to_vec()));
            }
            if start == 0 {
                break (i as u64 + 1, Some(tail[..i].to_vec()));
            }
        } else if start == 0 {
            break (0, None);
        }
        let from = start.saturating_sub(1 << 16);
        let mut chunk = vec![0u8; (start - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut chunk)?;
        chunk.extend_from_slice(&tail);
        tail = chunk;
        start = from;
    };
    file.set_len(end)?;
    file.sync_all()?;
    let Some(line) = line else { return Ok(Prefix { rows: 0, last: None }) };
    let value: serde_json::Value = serde_json::from_slice(&line)
        .ok()
        .filter(|v: &serde_json::Value| v["row"].is_u64())
        .with_context(|| format!("the last line of `{}` is not a result line of vetter", path.display()))?;
    let rows = value["row"].as_u64().unwrap_or(0) as usize + 1;
    Ok(Prefix { rows, last: Some(LastRow::Json(value)) })
}

/// Cuts a CSV output after its last complete record (the right number of fields and
/// a line end; the last field, `error`, never holds a line break) and counts the
/// records after the header, which must be `header`.
fn trim_csv_output(path: &Path, header: &[String]) -> anyhow::Result<Prefix> {
    let file = fs_err::OpenOptions::new().read(true).write(true).open(path)?;
    let len = file.metadata()?.len();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(BufReader::new(&file));
    // A second handle to look at single bytes without moving the reader's position.
    let mut peek = fs_err::File::open(path)?;
    let mut ends_line = |at: u64| -> anyhow::Result<bool> {
        let mut byte = [0u8];
        peek.seek(SeekFrom::Start(at - 1))?;
        peek.read_exact(&mut byte)?;
        Ok(byte[0] == b'\n')
    };
    let mut record = csv::ByteRecord::new();
    let (mut records, mut end, mut last) = (0usize, 0u64, None);
    loop {
        let read = reader.read_byte_record(&mut record);
        let at = reader.position().byte();
        let complete = match read {
            Ok(false) => break,
            Ok(true) => at > 0 && ends_line(at)?,
            Err(_) => false,
        };
        let cells: Vec<String> = record.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        if records == 0 && complete && cells != header {
            bail!("the header of `{}` is not the one this input gives ({})", path.display(), header.join(","));
        }
        if !complete || cells.len() != header.len() {
            // An incomplete record can only be the last one.
            if at >= len {
                break;
            }
            bail!("`{}` is damaged near byte {at}: it is not vetter's CSV output", path.display());
        }
        records += 1;
        end = at;
        last = Some(cells);
    }
    drop(reader);
    file.set_len(end)?;
    file.sync_all()?;
    let rows = records.saturating_sub(1);
    Ok(Prefix { rows, last: if rows > 0 { last.map(LastRow::Csv) } else { None } })
}

/// Keeps the error lines of rows before `rows` (and no partial line); returns how many.
fn trim_errors(path: &Path, rows: usize) -> anyhow::Result<usize> {
    let Ok(file) = fs_err::OpenOptions::new().read(true).write(true).open(path) else { return Ok(0) };
    let mut reader = BufReader::new(&file);
    let (mut kept, mut end, mut line) = (0usize, 0u64, Vec::new());
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        let row = serde_json::from_slice::<serde_json::Value>(&line).ok().and_then(|v| v["row"].as_u64());
        match row {
            Some(row) if (row as usize) < rows => {}
            _ => break,
        }
        kept += 1;
        end += n as u64;
    }
    drop(reader);
    file.set_len(end)?;
    file.sync_all()?;
    Ok(kept)
}

/// Whether `last`, the last line an earlier run wrote, is the output of `row`.
fn same_row(last: &LastRow, row: &Row, passthrough: usize) -> bool {
    match last {
        LastRow::Csv(cells) => {
            let mut expected = row.cells.clone();
            expected.resize(passthrough, String::new());
            cells.len() >= passthrough && cells[..passthrough] == expected[..]
        }
        LastRow::Json(line) => match &row.query {
            Ok(q) => serde_json::to_value(QueryView::of(q)).is_ok_and(|v| line["query"] == v),
            Err(e) => line["error"] == *e,
        },
    }
}

// ---------------------------------------------------------------------------
// Writing results

#[derive(Serialize)]
struct QueryView<'a> {
    name: &'a str,
    schema: &'a Option<Schema>,
    birth_date: &'a Option<String>,
    countries: &'a [String],
    identifiers: &'a [String],
}

impl<'a> QueryView<'a> {
    fn of(q: &'a Query) -> QueryView<'a> {
        QueryView {
            name: &q.name,
            schema: &q.schema,
            birth_date: &q.birth_date,
            countries: &q.countries,
            identifiers: &q.identifiers,
        }
    }
}

/// A JSON-lines output line for a screened row.
#[derive(Serialize)]
struct ResultLine<'a> {
    row: usize,
    query: QueryView<'a>,
    results: &'a [Hit],
}

/// A JSON-lines output line for a row that could not be screened.
#[derive(Serialize)]
struct ErrorLine<'a> {
    row: usize,
    error: &'a str,
}

/// A line of `<output>.errors.jsonl`.
#[derive(Serialize)]
struct ErrorsFileLine<'a> {
    row: usize,
    line: u64,
    error: &'a str,
}

/// The output bytes of one row.
fn render(row: &Row, result: &Result<Vec<Hit>, String>, kind: Kind, passthrough: usize) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(512);
    match kind {
        Kind::Jsonl => {
            match (&row.query, result) {
                (Ok(q), Ok(hits)) => serde_json::to_writer(
                    &mut bytes,
                    &ResultLine { row: row.index, query: QueryView::of(q), results: hits },
                ),
                (_, Err(e)) | (Err(e), _) => serde_json::to_writer(&mut bytes, &ErrorLine { row: row.index, error: e }),
            }?;
            bytes.push(b'\n');
        }
        Kind::Csv => {
            let top = result.as_ref().ok().and_then(|h| h.first());
            let mut record: Vec<&str> = row.cells.iter().map(String::as_str).collect();
            record.resize(passthrough, "");
            let (score, is_match, datasets) = match top {
                Some(h) => (format!("{:.3}", h.score), h.is_match.to_string(), h.datasets.join(";")),
                None => Default::default(),
            };
            record.extend([
                top.map_or("", |h| h.id.as_str()),
                top.map_or("", |h| h.caption.as_str()),
                &score,
                &is_match,
                top.map_or("", |h| h.risk.as_str()),
                &datasets,
                result.as_ref().err().map_or("", String::as_str),
            ]);
            let mut w = csv::WriterBuilder::new().has_headers(false).buffer_capacity(256).from_writer(&mut bytes);
            w.write_record(&record)?;
            w.flush()?;
        }
    }
    Ok(bytes)
}

fn csv_line(cells: &[String]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(cells)?;
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The output and errors files, opened for appending, and when they were last synced.
struct Sink {
    out: fs_err::File,
    errors: fs_err::File,
    synced: Instant,
}

impl Sink {
    /// Syncs what was written to the disk when a second has passed since the last time, or when asked.
    fn sync(&mut self, force_sync: bool) -> anyhow::Result<()> {
        if force_sync || self.synced.elapsed() >= SYNC_EVERY {
            self.errors.sync_data()?;
            self.out.sync_data()?;
            self.synced = Instant::now();
        }
        Ok(())
    }
}

fn append(path: &Path) -> anyhow::Result<fs_err::File> {
    Ok(fs_err::OpenOptions::new().append(true).create(true).open(path)?)
}

/// Decides between a fresh run and a resumed one, and prepares the files for it.
/// Returns the files to append to, the rows already written and the error lines kept.
fn prepare(
    opts: &Options,
    progress: &Progress,
    csv_header: Option<&[String]>,
) -> anyhow::Result<(Sink, Prefix, usize)> {
    let (output, progress_file, errors_file) = (opts.output, progress_path(opts.output), errors_path(opts.output));
    let unfinished = progress_file.exists();
    let exists = output.exists();
    if opts.resume && exists {
        if !unfinished {
            bail!(
                "cannot resume `{}`: it is not an unfinished run (there is no `{}`; a finished run removes it)\n\
                 hint: drop `--resume` to screen every row again",
                output.display(),
                progress_file.display()
            );
        }
        let text = fs_err::read_to_string(&progress_file)?;
        let earlier: Progress = serde_json::from_str(&text)
            .with_context(|| format!("`{}` is not a progress file of vetter", progress_file.display()))?;
        if let Some(why) = earlier.mismatch(progress) {
            bail!(
                "cannot resume `{}`: {why}\nhint: delete `{}` and run without `--resume` to screen every row again",
                output.display(),
                output.display()
            );
        }
        let mut prefix = match csv_header {
            None => trim_jsonl_output(output)?,
            Some(header) => trim_csv_output(output, header)?,
        };
        let mut out = append(output)?;
        if let Some(header) = csv_header
            && out.metadata()?.len() == 0
        {
            out.write_all(&csv_line(header)?)?;
            prefix = Prefix { rows: 0, last: None };
        }
        let kept = trim_errors(&errors_file, prefix.rows)?;
        let errors = append(&errors_file)?;
        return Ok((Sink { out, errors, synced: Instant::now() }, prefix, kept));
    }
    if unfinished && exists {
        bail!(
            "`{}` holds an unfinished run (`{}` is there)\n\
             hint: add `--resume` to continue it, or delete `{}` to screen every row again",
            output.display(),
            progress_file.display(),
            output.display()
        );
    }
    // A fresh run: describe it first, so that an interruption at any later point can be resumed.
    write_progress(&progress_file, progress)?;
    let mut out = fs_err::File::create(output)?;
    if let Some(header) = csv_header {
        out.write_all(&csv_line(header)?)?;
    }
    let errors = fs_err::File::create(&errors_file)?;
    Ok((Sink { out, errors, synced: Instant::now() }, Prefix { rows: 0, last: None }, 0))
}

fn progress_bar(show: bool, estimate: u64, done: u64) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(estimate.max(done)), ProgressDrawTarget::stderr());
    // `wide_bar` takes what the text leaves of the terminal's width, so the line never wraps.
    let style =
        ProgressStyle::with_template("{elapsed_precise} [{wide_bar}] {human_pos}/{human_len} rows  {rate}  ETA {eta}")
            .expect("the template is valid")
            .with_key("rate", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} rows/s", state.per_sec());
            })
            .progress_chars("=> ");
    bar.set_style(style);
    bar.set_position(done);
    bar.reset_eta();
    bar
}

/// Screens every row of `opts.input` into `opts.output`.
pub fn run(engine: &Engine, opts: &Options) -> anyhow::Result<Summary> {
    let (in_kind, out_kind) = (input_kind(opts.input), output_kind(opts.output));
    if let (Ok(a), Ok(b)) = (fs_err::canonicalize(opts.input), fs_err::canonicalize(opts.output))
        && a == b
    {
        bail!("the output `{}` is the input", opts.output.display());
    }
    let overrides = parse_overrides(opts.columns)?;
    let defaults = Defaults { schema: opts.schema, datasets: opts.datasets.to_vec() };
    let stamp = stamp_input(opts.input)?;
    let mut reader = RowReader::open(opts.input, in_kind, overrides, defaults)?;
    let passthrough = reader.headers.len();
    let csv_header: Option<Vec<String>> = (out_kind == Kind::Csv)
        .then(|| reader.headers.iter().cloned().chain(CSV_EXTRA.iter().map(|s| s.to_string())).collect());
    let progress = Progress {
        format: PROGRESS_FORMAT,
        vetter: env!("CARGO_PKG_VERSION").to_owned(),
        input: opts.input.display().to_string(),
        input_bytes: stamp.bytes,
        input_xxh3: format!("{:016x}", stamp.hash),
        output: out_kind,
        columns: opts.columns.to_vec(),
        schema: opts.schema.map(|s| s.to_string()),
        datasets: opts.datasets.to_vec(),
        limit: opts.limit,
        lists: format!("{:016x}", engine.index().data_fingerprint()),
    };
    let (mut sink, prefix, mut errors) = prepare(opts, &progress, csv_header.as_deref())?;

    // Skip the rows an earlier run wrote, checking that the last of them is this input's.
    let mut last_skipped = None;
    while reader.next_index < prefix.rows {
        match reader.next()? {
            Some(row) => last_skipped = Some(row),
            None => {
                bail!("cannot resume `{}`: it has {} rows, more than the input", opts.output.display(), prefix.rows)
            }
        }
    }
    if let (Some(last), Some(row)) = (&prefix.last, &last_skipped)
        && !same_row(last, row, passthrough)
    {
        bail!(
            "cannot resume `{}`: its last row is not the result of input row {} (line {})",
            opts.output.display(),
            row.index,
            row.line
        );
    }

    // CSV output needs only the top hit.
    let limit = if out_kind == Kind::Csv { opts.limit.min(1) } else { opts.limit };
    let estimate = stamp.lines.saturating_sub(u64::from(in_kind == Kind::Csv));
    let bar = progress_bar(opts.progress, estimate, prefix.rows as u64);
    let mut rows = prefix.rows;
    let mut batch: Vec<Row> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        while batch.len() < BATCH {
            match reader.next()? {
                Some(row) => batch.push(row),
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        let rendered: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|row| {
                let result = row.query.as_ref().map(|q| engine.screen(q, limit)).map_err(Clone::clone);
                render(row, &result, out_kind, passthrough)
            })
            .collect::<anyhow::Result<_>>()?;
        // Errors first: a crash between the two writes leaves extra error lines, which resuming drops.
        let (mut written, mut stop, mut error_lines) = (batch.len(), None, Vec::new());
        for row in &batch {
            let Err(e) = &row.query else { continue };
            errors += 1;
            serde_json::to_writer(&mut error_lines, &ErrorsFileLine { row: row.index, line: row.line, error: e })?;
            error_lines.push(b'\n');
            if opts.strict {
                written = row.index - batch[0].index;
                stop = Some(format!("row {}: {e} (line {} of `{}`)", row.index, row.line, opts.input.display()));
                break;
            }
        }
        sink.errors.write_all(&error_lines)?;
        sink.out.write_all(&rendered[..written].concat())?;
        rows += written;
        sink.sync(stop.is_some())?;
        if let Some(stop) = stop {
            bar.abandon();
            bail!(stop);
        }
        if rows as u64 > bar.length().unwrap_or(0) {
            bar.set_length(rows as u64);
        }
        bar.set_position(rows as u64);
    }
    sink.sync(true)?;
    drop(sink);
    bar.finish_and_clear();
    let errors_file = errors_path(opts.output);
    if errors == 0 {
        let _ = fs_err::remove_file(&errors_file);
    }
    fs_err::remove_file(progress_path(opts.output))?;
    Ok(Summary {
        rows,
        screened: rows - prefix.rows,
        resumed_after: opts.resume.then_some(prefix.rows).filter(|&n| n > 0),
        errors,
        errors_path: errors_file,
    })
}

#[cfg(test)]
mod tests {
    //! 1. Header names compare without case, spaces, `_`, `-` or a BOM.
    //! 2. Roles: full names before joined parts; `--column` replaces, then adds; an empty header unsets.
    //! 3. A row's name is its first full-name value, else its name parts joined.
    //! 4. Trimming a JSON-lines output keeps whole lines only and reads the last row number.
    //! 5. Trimming a CSV output keeps whole records only, also with line breaks inside quoted cells.
    //! 6. Trimming the errors file keeps the lines of rows before the resume point.

    use super::*;
    use vetter_engine::columns::header_key;

    fn headers(text: &str) -> Vec<String> {
        text.split(',').map(str::to_owned).collect()
    }

    fn check_roles(header: &str, columns: &[&str], expect: Roles) {
        let overrides = parse_overrides(&columns.iter().map(|c| c.to_string()).collect::<Vec<_>>()).unwrap();
        assert_eq!(find_roles(&headers(header), &overrides).unwrap(), expect, "{header} {columns:?}");
    }

    #[test]
    fn header_keys() {
        for h in ["Date of Birth", "date_of_birth", "DateOfBirth", "date-of-birth", "\u{feff}DATE OF BIRTH"] {
            assert_eq!(header_key(h), "dateofbirth", "{h}");
        }
    }

    #[test]
    fn roles_from_headers() {
        check_roles(
            "ref,name,dob,country",
            &[],
            Roles { full_name: vec![1], birth_date: vec![2], country: vec![3], ..Roles::default() },
        );
        check_roles(
            "Last Name,First Name,Patronymic,Full Name,Nationality,Countries",
            &[],
            Roles { full_name: vec![3], name_parts: vec![1, 2, 0], country: vec![5, 4], ..Roles::default() },
        );
        check_roles(
            "Type,Passport No,IMO,LEI,id",
            &["name=id"],
            Roles { name_parts: vec![4], schema: vec![0], id: vec![1, 2, 3], ..Roles::default() },
        );
        check_roles(
            "name,alias,type,imo",
            &["name=alias", "name=name", "schema=", "id=imo"],
            Roles { name_parts: vec![1, 0], id: vec![3], ..Roles::default() },
        );
        // A header given with `--column` is found without case or spacing too.
        check_roles("Customer Name", &["name=customer_name"], Roles { name_parts: vec![0], ..Roles::default() });
    }

    #[test]
    fn roles_errors() {
        let err = |header: &str, columns: &[&str]| {
            let columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            match parse_overrides(&columns) {
                Err(e) => e.to_string(),
                Ok(o) => find_roles(&headers(header), &o).unwrap_err().to_string(),
            }
        };
        assert!(err("a,b", &[]).starts_with("no name column in the header (a, b)"));
        assert!(err("name", &["name="]).starts_with("no name column"));
        assert_eq!(err("name", &["name"]), "`--column name`: expected ROLE=HEADER");
        assert!(err("name", &["gender=name"]).contains("unknown role `gender`"));
        assert!(err("name", &["country=nat"]).contains("no column `nat` in the header (name)"));
    }

    #[test]
    fn names_per_row() {
        let roles = Roles { full_name: vec![0], name_parts: vec![1, 2], ..Roles::default() };
        let defaults = Defaults { schema: Some(Schema::Person), datasets: vec!["us_ofac_sdn".into()] };
        let name = |cells: &[&str]| {
            let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            query_of(&cells, &roles, &defaults).map(|q| q.name)
        };
        assert_eq!(name(&["Vladimir Putin", "x", "y"]), Ok("Vladimir Putin".into()));
        assert_eq!(name(&[" ", " Vladimir ", "Putin"]), Ok("Vladimir Putin".into()));
        assert_eq!(name(&["", "", "Putin"]), Ok("Putin".into()));
        assert_eq!(name(&["", ""]), Err("no name".into()));
        let q = query_of(&["A".into()], &roles, &defaults).unwrap();
        assert_eq!((q.schema, q.datasets), (Some(Schema::Person), vec!["us_ofac_sdn".to_owned()]));
    }

    fn trimmed(bytes: &[u8], trim: impl Fn(&Path) -> anyhow::Result<Prefix>) -> (Vec<u8>, anyhow::Result<Prefix>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        std::fs::write(&path, bytes).unwrap();
        let prefix = trim(&path);
        (std::fs::read(&path).unwrap(), prefix)
    }

    fn check_jsonl(bytes: &str, kept: &str, rows: usize) {
        let (left, prefix) = trimmed(bytes.as_bytes(), trim_jsonl_output);
        let shown: String = bytes.chars().take(40).collect();
        assert!(left == kept.as_bytes(), "{shown:?}: kept {} bytes, not {}", left.len(), kept.len());
        assert_eq!(prefix.unwrap().rows, rows, "{shown:?}");
    }

    #[test]
    fn trims_jsonl_output() {
        check_jsonl("", "", 0);
        check_jsonl("{\"row\":0,\"er", "", 0);
        check_jsonl("{\"row\":0}\n", "{\"row\":0}\n", 1);
        check_jsonl("{\"row\":0}\n{\"row\":1}\n{\"ro", "{\"row\":0}\n{\"row\":1}\n", 2);
        // Lines longer than the 64 KiB chunks the tail is read in.
        let long = |row: usize| format!("{{\"row\":{row},\"x\":\"{}\"}}\n", "a".repeat(200_000));
        check_jsonl(
            &format!("{}{{\"row\":1}}\n{}", long(0), &long(2)[..1000]),
            &format!("{}{{\"row\":1}}\n", long(0)),
            2,
        );
        check_jsonl(&format!("{{\"row\":0}}\n{}", long(1)), &format!("{{\"row\":0}}\n{}", long(1)), 2);
        check_jsonl(&format!("{}{}", long(0), &long(1)[..70_000]), &long(0), 1);
        let (_, prefix) = trimmed(b"{\"row\":0}\nnot json\n", trim_jsonl_output);
        assert!(prefix.unwrap_err().to_string().contains("is not a result line of vetter"));
    }

    fn check_csv(bytes: &str, kept: &str, rows: usize) {
        let header = headers("name,top_id");
        let (left, prefix) = trimmed(bytes.as_bytes(), |p| trim_csv_output(p, &header));
        assert_eq!(String::from_utf8(left).unwrap(), kept, "{bytes:?}");
        assert_eq!(prefix.unwrap().rows, rows, "{bytes:?}");
    }

    #[test]
    fn trims_csv_output() {
        check_csv("", "", 0);
        check_csv("name,to", "", 0);
        check_csv("name,top_id\n", "name,top_id\n", 0);
        check_csv("name,top_id\na,b\nc,", "name,top_id\na,b\n", 1);
        check_csv("name,top_id\na,b\nc,d", "name,top_id\na,b\n", 1);
        check_csv("name,top_id\na,b\n\"c\nd\",e\n", "name,top_id\na,b\n\"c\nd\",e\n", 2);
        check_csv("name,top_id\na,b\n\"c\n", "name,top_id\na,b\n", 1);
        check_csv("name,top_id\na,b\n\"c\nd\",", "name,top_id\na,b\n", 1);
        let header = headers("name,top_id");
        let (_, prefix) = trimmed(b"ref,top_id\n", |p| trim_csv_output(p, &header));
        assert!(prefix.unwrap_err().to_string().contains("the header of"));
        let (_, prefix) = trimmed(b"name,top_id\na\nb,c\n", |p| trim_csv_output(p, &header));
        assert!(prefix.unwrap_err().to_string().contains("is damaged near byte 14"));
    }

    #[test]
    fn trims_errors_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("errors");
        std::fs::write(&path, "{\"row\":3}\n{\"row\":9}\n{\"row\":12}\n{\"ro").unwrap();
        assert_eq!(trim_errors(&path, 12).unwrap(), 2);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"row\":3}\n{\"row\":9}\n");
        assert_eq!(trim_errors(&dir.path().join("missing"), 5).unwrap(), 0);
    }
}
