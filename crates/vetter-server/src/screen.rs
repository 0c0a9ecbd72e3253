//! `POST /screen`: bulk screening over HTTP, row by row as `vetter screen --input FILE` does.
//!
//! The body is CSV with a header row, or JSON lines (one object per line): `Content-Type: text/csv`
//! or `application/x-ndjson` (`application/jsonl`, `application/x-jsonlines` too). With no content type,
//! `text/plain` or `application/octet-stream` the body is sniffed: a first non-blank byte `{` means
//! JSON lines, anything else CSV. Other content types are answered 415.
//!
//! Columns are found by header as in the command line's bulk mode ([`vetter_engine::columns`]), and
//! `column=ROLE=HEADER` (repeatable) sets them as `--column` does: the first for a role replaces what
//! was found, later ones add columns, an empty HEADER unsets the role; roles are `name`, `schema`,
//! `birth_date`, `country`, `id`. For JSON lines the header is the keys of the first object, plus
//! keys of later objects as they appear.
//!
//! Parameters: `schema` (for rows without one), `limit` (results per row, 10, at most 500),
//! `min_score` (leave out results scoring less, 0), `threshold` (`match` is `score >= threshold`;
//! without it, the engine's decision at 0.7), `include_dataset` (or `dataset`), `exclude_dataset`,
//! `topics` (repeatable).
//!
//! The answer is JSON lines (`application/x-ndjson`), one line per input row, in input order, `row`
//! counting data rows from 0 (no header, no blank lines):
//! `{"row": 0, "query": {"name", "schema", "birth_date", "countries", "identifiers"}, "results":
//! [...]}` with results as `vetter screen --format json` writes them, or `{"row": 1, "error": "no
//! name"}` for a row that cannot be screened; the stream goes on after it. If the body breaks off
//! (the client goes away, or a body without `Content-Length` grows past the limit), the stream
//! ends with one line `{"error": "..."}` that has no `row`.
//!
//! Before the first line, errors are answered in the server's error shape: 400 (a bad parameter,
//! no name column in the header, an empty body), 413 (`Content-Length` over the limit,
//! [`crate::ServerConfig::max_screen_bytes`]), 415 (another content type).
//!
//! The work runs on a blocking thread, never on the async workers: it reads the body as it arrives,
//! screens [`BATCH`] rows at a time in parallel on rayon's pool, and hands each batch's lines to the
//! response; at most [`QUEUE`] batches wait to be sent, so memory stays bounded whatever the size of
//! the body, and the first results go out while the rest of the body is still being read. A client
//! should read the answer while it sends (as curl does); one that sends a large body before
//! reading anything stalls once the unread answer fills the connection's buffers.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::io::{BufRead, BufReader, Read};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use http_body::Frame;
use rayon::prelude::*;
use tokio::sync::{mpsc, oneshot};
use vetter_engine::columns::{Role, Roles, find_column};
use vetter_engine::{Engine, Filters, Hit, Query};
use vetter_model::Schema;

use crate::error::ApiError;
use crate::matching::{self, MAX_LIMIT};
use crate::params::Params;
use crate::state::Shared;

/// Rows screened together; the answer is sent batch by batch.
pub const BATCH: usize = 256;
/// Batches of answer lines that may wait to be sent before reading stops.
pub const QUEUE: usize = 4;

/// The content type of the answer.
const NDJSON: &str = "application/x-ndjson";

/// A result line of the answer (the documented shape; the server writes it with borrowed values).
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ScreenLine {
    /// The data row, counted from 0.
    pub row: usize,
    /// The query the row made.
    #[schema(value_type = Object)]
    pub query: serde_json::Value,
    /// Best first, as `vetter screen --format json` writes them: `id`, `caption`, `schema`,
    /// `score`, `match`, `datasets`, `topics`, `sources`, `risk`, `programs`, `matched_name`, `explanation`.
    #[schema(value_type = Vec<Object>)]
    pub results: Vec<serde_json::Value>,
}

/// An error line of the answer: a row that cannot be screened (`row` set), or the body broke off (no `row`).
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ScreenErrorLine {
    /// The data row, counted from 0; absent when the body could not be read further.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Why.
    pub error: String,
}

/// The shape of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Jsonl,
}

/// The format a content type names; `Ok(None)` means sniff.
fn format_of(headers: &HeaderMap) -> Result<Option<Format>, ApiError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else { return Ok(None) };
    let raw = value.to_str().unwrap_or("");
    let essence = raw.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match essence.as_str() {
        "text/csv" | "application/csv" => Ok(Some(Format::Csv)),
        "application/x-ndjson"
        | "application/ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "application/jsonlines"
        | "application/json-lines" => Ok(Some(Format::Jsonl)),
        "" | "text/plain" | "application/octet-stream" => Ok(None),
        _ => Err(ApiError::UnsupportedMediaType(format!(
            "content type `{raw}` is not screened; send `text/csv` (a header row, then one row per query) or \
             `application/x-ndjson` (one JSON object per line)"
        ))),
    }
}

/// One `column=ROLE=HEADER`; no header takes the role away from every column.
#[derive(Debug, Clone)]
struct Override {
    given: String,
    role: Role,
    header: Option<String>,
}

fn parse_overrides(params: &Params) -> Result<Vec<Override>, ApiError> {
    params
        .all("column")
        .into_iter()
        .map(|given| {
            let Some((role, header)) = given.split_once('=') else {
                return Err(ApiError::BadRequest(format!("parameter `column`: `{given}`: expected ROLE=HEADER")));
            };
            let Some(role) = Role::parse(role) else {
                return Err(ApiError::BadRequest(format!(
                    "parameter `column`: `{given}`: unknown role `{role}` (name, schema, birth_date, country, id)"
                )));
            };
            let header = (!header.trim().is_empty()).then(|| header.trim().to_owned());
            Ok(Override { given, role, header })
        })
        .collect()
}

/// The roles of `headers`: found by name, then the overrides applied as `--column` applies them.
fn find_roles(headers: &[String], overrides: &[Override]) -> Result<Roles, String> {
    let mut roles = Roles::from_headers(headers);
    let mut columns = Vec::with_capacity(overrides.len());
    for o in overrides {
        let column = match &o.header {
            None => None,
            Some(h) => match find_column(headers, h) {
                Some(i) => Some(i),
                None => {
                    return Err(format!(
                        "parameter `column`: `{}`: no column `{h}` in the header ({})",
                        o.given,
                        headers.join(", ")
                    ));
                }
            },
        };
        columns.push((o.role, column));
    }
    roles.apply_overrides(columns);
    if !roles.has_name() {
        return Err(format!(
            "no name column in the header ({}); name it `name` or `full_name`, or add `column=name=HEADER`",
            headers.join(", ")
        ));
    }
    Ok(roles)
}

/// What every row gets from the parameters.
#[derive(Debug, Clone)]
struct Options {
    schema: Option<Schema>,
    datasets: Vec<String>,
    filters: Filters,
    threshold: Option<f64>,
    overrides: Vec<Override>,
}

impl Options {
    fn from_params(params: &Params, known: &[String]) -> Result<Options, ApiError> {
        let schema = match params.get("schema") {
            None => None,
            Some(s) => matching::parse_schema("parameter `schema`", s)?,
        };
        let check = |key: &str, ids: Vec<String>| -> Result<Vec<String>, ApiError> {
            match ids.iter().find(|d| !known.contains(d)) {
                Some(d) => Err(ApiError::BadRequest(format!(
                    "parameter `{key}`: unknown dataset `{d}`; `/catalog` lists the datasets"
                ))),
                None => Ok(ids),
            }
        };
        let mut datasets = check("include_dataset", params.all("include_dataset"))?;
        datasets.extend(check("dataset", params.all("dataset"))?);
        let exclude = check("exclude_dataset", params.all("exclude_dataset"))?;
        let min_score = match params.get("min_score") {
            Some(_) => params.number("min_score", 0.0, 0.0, 1.0)?,
            None => params.number("cutoff", 0.0, 0.0, 1.0)?,
        };
        let threshold = match params.get("threshold") {
            Some(_) => Some(params.number("threshold", 0.7, 0.0, 1.0)?),
            None => None,
        };
        let filters = Filters {
            include_datasets: Vec::new(),
            exclude_datasets: exclude,
            topics: params.all("topics"),
            min_score,
            limit: params.count("limit", 10, 1, MAX_LIMIT)?,
        };
        Ok(Options { schema, datasets, filters, threshold, overrides: parse_overrides(params)? })
    }
}

/// Screen many rows (CSV or JSON lines) and get one JSON line per row back, in input order.
#[utoipa::path(
    post,
    path = "/screen",
    tag = "matching",
    params(
        ("column" = Option<Vec<String>>, Query, description = "`ROLE=HEADER` (roles `name`, `schema`, `birth_date`, `country`, `id`): which column holds what, as `vetter screen --column`; repeatable"),
        ("schema" = Option<String>, Query, description = "the schema of rows without one (Person, Company, Organization, LegalEntity, Vessel, Airplane, Asset, Thing)"),
        ("limit" = Option<usize>, Query, minimum = 1, maximum = 500, description = "results per row (default 10, at most 500)"),
        ("min_score" = Option<f64>, Query, minimum = 0, maximum = 1, description = "leave out results scoring less (default 0)"),
        ("threshold" = Option<f64>, Query, minimum = 0, maximum = 1, description = "`match` is true from this score (default: the engine's 0.7)"),
        ("include_dataset" = Option<Vec<String>>, Query, description = "only entities from these datasets"),
        ("exclude_dataset" = Option<Vec<String>>, Query, description = "leave out entities only in these datasets"),
        ("topics" = Option<Vec<String>>, Query, description = "only entities with one of these topics (`sanction`, `role.pep`...)"),
    ),
    request_body(
        description = "CSV with a header row (`text/csv`), or one JSON object per line (`application/x-ndjson`); sniffed when the content type is absent",
        content(
            (String = "text/csv", example = "name,birth_date,country\nVladimir Putin,1952-10-07,ru\n"),
            (String = "application/x-ndjson", example = "{\"name\": \"Vladimir Putin\", \"country\": \"ru\"}\n"),
        )
    ),
    responses(
        (status = 200, description = "One JSON line per row, in input order: a `ScreenLine`, or a `ScreenErrorLine` for a row that cannot be screened", content_type = "application/x-ndjson", body = ScreenLine),
        (status = 400, description = "A bad parameter, no name column, an empty body", body = crate::error::ErrorBody),
        (status = 413, description = "`Content-Length` over the server's limit", body = crate::error::ErrorBody),
        (status = 415, description = "Neither CSV nor JSON lines", body = crate::error::ErrorBody),
    )
)]
pub async fn screen(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Body,
) -> Result<Response, ApiError> {
    let loaded = shared.loaded();
    let known: Vec<String> = loaded.datasets.iter().map(|(id, _, _)| id.clone()).collect();
    let options = Options::from_params(&Params::parse(raw.as_deref()), &known)?;
    let format = format_of(&headers)?;
    let limit = shared.config().max_screen_bytes;
    let length = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if let Some(length) = length
        && length > limit
    {
        drain(body).await;
        return Err(ApiError::TooLarge(format!(
            "the request body is {length} bytes, more than the {limit} bytes `/screen` accepts; send the rows in parts"
        )));
    }
    let (ready, started) = oneshot::channel();
    let (lines, queue) = mpsc::channel::<Bytes>(QUEUE);
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let input =
            BufReader::with_capacity(1 << 16, BodyReader { body, runtime, chunk: Bytes::new(), read: 0, limit });
        let rows = match Rows::open(input, format, options.overrides.clone()) {
            Ok(rows) => rows,
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
        if ready.send(Ok(())).is_ok() {
            pump(rows, &loaded.engine, &options, &lines);
        }
    });
    match started.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e),
        Err(_) => return Err(ApiError::Internal("the screening task ended before it started".into())),
    }
    Ok(([(header::CONTENT_TYPE, NDJSON)], Body::new(Lines(queue))).into_response())
}

/// How much of a refused body is read and thrown away before the refusal
/// is sent, and for how long at most.
const DRAIN_BYTES: u64 = 64 << 20;
const DRAIN_TIME: std::time::Duration = std::time::Duration::from_secs(10);

/// Reads a refused body to its end (up to [`DRAIN_BYTES`] and
/// [`DRAIN_TIME`]) before the refusal is sent. A server that answers and
/// closes while the client is still sending resets the connection, and the
/// client sees a broken pipe instead of the 413 that says why.
async fn drain(mut body: Body) {
    let read = async {
        let mut bytes = 0u64;
        while bytes < DRAIN_BYTES {
            match next_frame(&mut body).await {
                Some(Ok(frame)) => bytes += frame.into_data().map_or(0, |d| d.len() as u64),
                _ => break,
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIME, read).await;
}

/// The body's next frame, or `None` at its end.
async fn next_frame(body: &mut Body) -> Option<Result<Frame<Bytes>, axum::Error>> {
    std::future::poll_fn(|cx| <Body as http_body::Body>::poll_frame(Pin::new(&mut *body), cx)).await
}

/// Reads, screens and sends every row, batch by batch, until the body ends or the client goes away.
fn pump(mut rows: Rows<impl BufRead>, engine: &Engine, options: &Options, lines: &mpsc::Sender<Bytes>) {
    let mut batch: Vec<Row> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        let mut broke_off = None;
        while batch.len() < BATCH {
            match rows.next(options) {
                Ok(Some(row)) => batch.push(row),
                Ok(None) => break,
                Err(e) => {
                    broke_off = Some(e);
                    break;
                }
            }
        }
        let rendered: Vec<Vec<u8>> = batch.par_iter().map(|row| render(row, engine, options)).collect();
        let mut out = rendered.concat();
        if let Some(e) = &broke_off {
            out.extend(line(&ScreenErrorLine { row: None, error: e.clone() }));
        }
        let last = batch.len() < BATCH || broke_off.is_some();
        if (!out.is_empty() && lines.blocking_send(Bytes::from(out)).is_err()) || last {
            return;
        }
    }
}

fn line(value: &impl serde::Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).unwrap_or_else(|e| {
        serde_json::to_vec(&ScreenErrorLine { row: None, error: format!("an answer could not be written: {e}") })
            .unwrap_or_default()
    });
    bytes.push(b'\n');
    bytes
}

/// The query as the answer echoes it (the command line's bulk JSON lines).
#[derive(serde::Serialize)]
struct QueryView<'a> {
    name: &'a str,
    schema: &'a Option<Schema>,
    birth_date: &'a Option<String>,
    countries: &'a [String],
    identifiers: &'a [String],
}

#[derive(serde::Serialize)]
struct ResultLine<'a> {
    row: usize,
    query: QueryView<'a>,
    results: &'a [Hit],
}

#[derive(serde::Serialize)]
struct RowErrorLine<'a> {
    row: usize,
    error: &'a str,
}

/// The answer line of one row.
fn render(row: &Row, engine: &Engine, options: &Options) -> Vec<u8> {
    match &row.query {
        Err(error) => line(&RowErrorLine { row: row.index, error }),
        Ok(q) => {
            let mut hits = engine.screen_with(q, &options.filters);
            if let Some(threshold) = options.threshold {
                for hit in &mut hits {
                    hit.is_match = hit.score >= threshold;
                }
            }
            let query = QueryView {
                name: &q.name,
                schema: &q.schema,
                birth_date: &q.birth_date,
                countries: &q.countries,
                identifiers: &q.identifiers,
            };
            line(&ResultLine { row: row.index, query, results: &hits })
        }
    }
}

/// One data row: its number and its query, or why it has none.
struct Row {
    index: usize,
    query: Result<Query, String>,
}

/// A non-blank JSON line: its line number and its object, or why it has none.
type JsonLine = (u64, Result<serde_json::Map<String, serde_json::Value>, String>);

/// The rows of a body, with the columns found in its header.
struct Rows<R: BufRead> {
    source: Source<R>,
    headers: Vec<String>,
    roles: Roles,
    overrides: Vec<Override>,
    next_index: usize,
}

enum Source<R: BufRead> {
    Csv { reader: csv::Reader<R>, record: csv::ByteRecord },
    Jsonl { reader: R, buf: Vec<u8>, line: u64, pending: VecDeque<JsonLine> },
}

/// Skips leading white space and says whether the body looks like JSON lines (`None` for an empty
/// body), with the number of line ends skipped.
fn sniff(input: &mut impl BufRead) -> std::io::Result<(Option<Format>, u64)> {
    let mut lines = 0;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok((None, lines));
        }
        let blank = buf.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(buf.len());
        lines += buf[..blank].iter().filter(|&&b| b == b'\n').count() as u64;
        if blank < buf.len() {
            let format = if buf[blank] == b'{' { Format::Jsonl } else { Format::Csv };
            input.consume(blank);
            return Ok((Some(format), lines));
        }
        input.consume(blank);
    }
}

impl<R: BufRead> Rows<R> {
    /// Reads the header (CSV) or looks for the first object (JSON lines) and finds the roles.
    fn open(mut input: R, format: Option<Format>, overrides: Vec<Override>) -> Result<Rows<R>, ApiError> {
        let unreadable = |e: std::io::Error| body_error(&e);
        let (sniffed, skipped_lines) = sniff(&mut input).map_err(unreadable)?;
        let Some(sniffed) = sniffed else {
            return Err(ApiError::BadRequest(
                "the request body is empty; CSV with a header row or JSON lines are expected".into(),
            ));
        };
        match format.unwrap_or(sniffed) {
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
                let headers: Vec<String> = match reader.byte_headers() {
                    Ok(h) => {
                        h.iter().map(|h| String::from_utf8_lossy(h).trim_start_matches('\u{feff}').to_owned()).collect()
                    }
                    Err(e) => return Err(csv_error("the CSV header", e)),
                };
                let roles = find_roles(&headers, &overrides).map_err(ApiError::BadRequest)?;
                let source = Source::Csv { reader, record: csv::ByteRecord::new() };
                Ok(Rows { source, headers, roles, overrides, next_index: 0 })
            }
            Format::Jsonl => {
                let mut source =
                    Source::Jsonl { reader: input, buf: Vec::new(), line: skipped_lines, pending: VecDeque::new() };
                let mut first = None;
                while let Some(item) = source.read_json_line().map_err(unreadable)? {
                    let keys = item.1.as_ref().ok().map(|map| map.keys().cloned().collect::<Vec<_>>());
                    if let Source::Jsonl { pending, .. } = &mut source {
                        pending.push_back(item);
                    }
                    if keys.is_some() {
                        first = keys;
                        break;
                    }
                }
                let mut headers = first.clone().unwrap_or_default();
                for o in &overrides {
                    if let Some(h) = &o.header
                        && !headers.contains(h)
                    {
                        headers.push(h.clone());
                    }
                }
                // No object at all: no columns to find, and every row is an error anyway.
                let roles = match first {
                    Some(_) => find_roles(&headers, &overrides).map_err(ApiError::BadRequest)?,
                    None => Roles::default(),
                };
                Ok(Rows { source, headers, roles, overrides, next_index: 0 })
            }
        }
    }

    /// The next row; `Err` when the body cannot be read further.
    fn next(&mut self, options: &Options) -> Result<Option<Row>, String> {
        let index = self.next_index;
        let query = match &mut self.source {
            Source::Csv { reader, record } => match reader.read_byte_record(record) {
                Ok(false) => return Ok(None),
                Ok(true) => {
                    let mut bad = None;
                    let cells: Vec<&str> = record
                        .iter()
                        .enumerate()
                        .map(|(k, c)| {
                            std::str::from_utf8(c).unwrap_or_else(|_| {
                                let column = self.headers.get(k).map_or("?", String::as_str);
                                bad.get_or_insert_with(|| format!("column `{column}` is not UTF-8"));
                                ""
                            })
                        })
                        .collect();
                    match bad {
                        Some(e) => Err(e),
                        None => query_of(&self.roles, |i| cells.get(i).map_or("", |s| s.trim()), options),
                    }
                }
                Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                    return Err(format!("the request body could not be read after row {index}: {e}"));
                }
                Err(e) => Err(format!("unreadable CSV record: {e}")),
            },
            Source::Jsonl { .. } => {
                let item = match &mut self.source {
                    Source::Jsonl { pending, .. } if !pending.is_empty() => pending.pop_front(),
                    source => source
                        .read_json_line()
                        .map_err(|e| format!("the request body could not be read after row {index}: {e}"))?,
                };
                match item {
                    None => return Ok(None),
                    Some((_, Err(e))) => Err(e),
                    Some((_, Ok(map))) => {
                        let before = self.headers.len();
                        for key in map.keys() {
                            if !self.headers.contains(key) {
                                self.headers.push(key.clone());
                            }
                        }
                        // A key no earlier object had may have a role. Finding the roles again cannot
                        // lose the name column the first object had, so it cannot fail here.
                        if self.headers.len() > before
                            && let Ok(roles) = find_roles(&self.headers, &self.overrides)
                        {
                            self.roles = roles;
                        }
                        let cells: Vec<String> =
                            self.headers.iter().map(|h| vetter_engine::columns::json_cell(map.get(h))).collect();
                        query_of(&self.roles, |i| cells.get(i).map_or("", |s| s.trim()), options)
                    }
                }
            }
        };
        self.next_index += 1;
        let query = query.map_err(|e| if e.contains(['\n', '\r']) { e.replace(['\n', '\r'], " ") } else { e });
        Ok(Some(Row { index, query }))
    }
}

fn query_of<'a>(roles: &Roles, cell: impl Fn(usize) -> &'a str, options: &Options) -> Result<Query, String> {
    roles.query(cell, options.schema, &options.datasets)
}

impl<R: BufRead> Source<R> {
    /// The next non-blank line of JSON lines, parsed, with its line number.
    fn read_json_line(&mut self) -> std::io::Result<Option<JsonLine>> {
        let Source::Jsonl { reader, buf, line, .. } = self else { return Ok(None) };
        loop {
            buf.clear();
            if reader.read_until(b'\n', buf)? == 0 {
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

fn body_error(e: &std::io::Error) -> ApiError {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<TooLarge>()) {
        Some(too_large) => ApiError::TooLarge(too_large.to_string()),
        None => ApiError::BadRequest(format!("the request body could not be read: {e}")),
    }
}

fn csv_error(what: &str, e: csv::Error) -> ApiError {
    if !matches!(e.kind(), csv::ErrorKind::Io(_)) {
        return ApiError::BadRequest(format!("{what} could not be read: {e}"));
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => body_error(&io),
        _ => unreachable!("checked to be an IO error above"),
    }
}

/// The body grew past the limit.
#[derive(Debug, thiserror::Error)]
#[error("the request body is larger than the {0} bytes `/screen` accepts; send the rows in parts")]
struct TooLarge(u64);

/// The request body as a blocking reader, for the screening thread; errors past `limit` bytes.
struct BodyReader {
    body: Body,
    runtime: tokio::runtime::Handle,
    chunk: Bytes,
    read: u64,
    limit: u64,
}

impl Read for BodyReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.chunk.is_empty() {
            let frame = self.runtime.block_on(next_frame(&mut self.body));
            match frame {
                None => return Ok(0),
                Some(Err(e)) => return Err(std::io::Error::other(e)),
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        self.read += data.len() as u64;
                        if self.read > self.limit {
                            return Err(std::io::Error::other(TooLarge(self.limit)));
                        }
                        self.chunk = data;
                    }
                }
            }
        }
        let n = out.len().min(self.chunk.len());
        out[..n].copy_from_slice(&self.chunk.split_to(n));
        Ok(n)
    }
}

/// The answer's body: the batches of lines the screening thread sends.
struct Lines(mpsc::Receiver<Bytes>);

impl http_body::Body for Lines {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0.poll_recv(cx).map(|batch| batch.map(|b| Ok(Frame::data(b))))
    }
}

#[cfg(test)]
mod tests {
    //! 1. Content types choose the format; unknown ones are refused; absent ones are sniffed.
    //! 2. `column` overrides replace, then add; an empty header unsets; errors name the parameter.
    //! 3. Rows: CSV and JSON lines give the same queries; bad rows are errors and reading goes on.

    use super::*;

    fn params(query: &str) -> Params {
        Params::parse(Some(query))
    }

    fn rows(body: &str, format: Option<Format>, query: &str) -> Result<Vec<Result<String, String>>, String> {
        let options = Options::from_params(&params(query), &["us_ofac_sdn".to_owned()]).map_err(|e| e.to_string())?;
        let mut rows = Rows::open(BufReader::new(body.as_bytes()), format, options.overrides.clone())
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(row) = rows.next(&options)? {
            assert_eq!(row.index, out.len());
            out.push(row.query.map(|q| format!("{}|{:?}|{:?}|{:?}", q.name, q.schema, q.birth_date, q.countries)));
        }
        Ok(out)
    }

    #[test]
    fn content_types() {
        let with = |ct: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, ct.parse().unwrap());
            format_of(&h).map_err(|e| e.to_string())
        };
        assert_eq!(format_of(&HeaderMap::new()).unwrap(), None);
        assert_eq!(with("text/csv; charset=utf-8"), Ok(Some(Format::Csv)));
        assert_eq!(with("application/x-ndjson"), Ok(Some(Format::Jsonl)));
        assert_eq!(with("application/jsonl"), Ok(Some(Format::Jsonl)));
        assert_eq!(with("text/plain"), Ok(None));
        assert!(with("application/xml").unwrap_err().contains("`application/xml` is not screened"));
    }

    #[test]
    fn csv_and_jsonl_give_the_same_queries() {
        let csv = "Full Name,DOB,Nationality,type\nVladimir Putin,1952-10-07,ru;by,Person\n,,,\nRosneft,,,Spaceship\n";
        let jsonl = "{\"Full Name\": \"Vladimir Putin\", \"DOB\": \"1952-10-07\", \"Nationality\": [\"ru\", \"by\"], \"type\": \"Person\"}\n\n{\"Full Name\": null}\nnot json\n{\"Full Name\": \"Rosneft\", \"type\": \"Spaceship\"}\n";
        let putin = Ok("Vladimir Putin|Some(Person)|Some(\"1952-10-07\")|[\"ru\", \"by\"]".to_owned());
        let a = rows(csv, None, "").unwrap();
        assert_eq!(a[0], putin);
        assert_eq!(a[1], Err("no name".to_owned()));
        assert!(a[2].as_ref().unwrap_err().contains("Spaceship"), "{a:?}");
        let b = rows(jsonl, Some(Format::Jsonl), "").unwrap();
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], putin);
        assert_eq!(b[1], Err("no name".to_owned()));
        assert!(b[2].as_ref().unwrap_err().starts_with("line 4 is not JSON"), "{b:?}");
        assert!(b[3].as_ref().unwrap_err().contains("Spaceship"));
        // Sniffed: leading blank lines, then `{`; line numbers count the blank lines.
        let c = rows(&format!("\n  \n{jsonl}"), None, "").unwrap();
        assert_eq!((c.len(), &c[0], &c[1]), (4, &putin, &b[1]));
        assert!(c[2].as_ref().unwrap_err().starts_with("line 6 is not JSON"), "{c:?}");
    }

    #[test]
    fn column_overrides() {
        let csv = "customer,alias,born\nVladimir Putin,Putin,1952\n";
        assert!(rows(csv, None, "").unwrap_err().starts_with("no name column in the header (customer, alias, born)"));
        let got = rows(csv, None, "column=name=Customer&column=birth_date=born&schema=Person").unwrap();
        assert_eq!(got, [Ok("Vladimir Putin|Some(Person)|Some(\"1952\")|[]".to_owned())]);
        let got = rows(csv, None, "column=name=alias&column=name=customer").unwrap();
        assert_eq!(got, [Ok("Putin Vladimir Putin|None|Some(\"1952\")|[]".to_owned())]);
        assert!(
            rows(csv, None, "column=name").unwrap_err().contains("parameter `column`: `name`: expected ROLE=HEADER")
        );
        assert!(rows(csv, None, "column=shoe=x").unwrap_err().contains("unknown role `shoe`"));
        assert!(rows(csv, None, "column=name=nope").unwrap_err().contains("no column `nope` in the header"));
        assert!(rows("name\nx\n", None, "column=name=").unwrap_err().starts_with("no name column"));
        assert!(rows("name\nx\n", None, "dataset=nope").unwrap_err().contains("unknown dataset `nope`"));
        assert!(rows("  \n", None, "").unwrap_err().contains("empty"));
    }
}
