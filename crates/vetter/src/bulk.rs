//! `vetter screen --input FILE --output FILE`: screen every row of a CSV or
//! JSON-lines file, in parallel, writing one result per input row in input order.
//!
//! Column roles are found by header name (`name`/`full_name`, or
//! `first_name`/`middle_name`/`last_name` joined; `schema`/`type`;
//! `birth_date`/`date_of_birth`/`dob`; `country`/`nationality`/`countries`;
//! `id`/`passport`/`registration_number`/`imo`...) and can be set with
//! `--column ROLE=HEADER`. A row that cannot be screened (no name, an unknown
//! schema, a line that is not JSON, bytes that are not UTF-8) gets an `error`
//! in its output line and a line in `<output>.errors.jsonl`, and the run goes
//! on; `--strict` stops at the first with exit code 2.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail};
use rayon::prelude::*;
use vetter_engine::{Engine, Hit, Query};
use vetter_model::Schema;

/// Rows screened per parallel batch; output is written batch by batch, in order.
const BATCH: usize = 1024;

/// One input row, read.
struct Row {
    /// 0-based row number (data rows, header excluded).
    index: usize,
    /// The input cells (CSV) or fields (JSON), passed through to CSV output.
    cells: Vec<String>,
    query: Result<Query, String>,
}

/// The role of each column.
#[derive(Debug, Default)]
struct Roles {
    name: Vec<usize>,
    schema: Option<usize>,
    birth_date: Option<usize>,
    country: Vec<usize>,
    id: Vec<usize>,
}

fn find_roles(headers: &[String], overrides: &[String]) -> anyhow::Result<Roles> {
    let lower: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase().replace([' ', '-'], "_")).collect();
    let pos = |names: &[&str]| lower.iter().position(|h| names.contains(&h.as_str()));
    let mut roles = Roles::default();
    if let Some(i) = pos(&["name", "full_name", "fullname", "caption", "entity_name"]) {
        roles.name = vec![i];
    } else {
        roles.name = ["first_name", "given_name", "middle_name", "last_name", "surname", "family_name"]
            .iter()
            .filter_map(|n| pos(&[n]))
            .collect();
    }
    roles.schema = pos(&["schema", "type", "entity_type"]);
    roles.birth_date = pos(&["birth_date", "date_of_birth", "dob", "birthdate"]);
    roles.country = ["country", "nationality", "countries", "citizenship"].iter().filter_map(|n| pos(&[n])).collect();
    roles.id =
        ["id_number", "passport", "passport_number", "registration_number", "imo", "imo_number", "lei", "tax_id"]
            .iter()
            .filter_map(|n| pos(&[n]))
            .collect();
    for o in overrides {
        let Some((role, header)) = o.split_once('=') else { bail!("`--column {o}`: expected ROLE=HEADER") };
        let Some(i) = headers.iter().position(|h| h == header) else {
            bail!("`--column {o}`: no column `{header}` in the header ({})", headers.join(", "))
        };
        match role {
            "name" => roles.name = vec![i],
            "schema" => roles.schema = Some(i),
            "birth_date" => roles.birth_date = Some(i),
            "country" => roles.country = vec![i],
            "id" => roles.id = vec![i],
            other => bail!("`--column {o}`: unknown role `{other}` (name, schema, birth_date, country, id)"),
        }
    }
    if roles.name.is_empty() {
        bail!(
            "no name column in the header ({})\nhint: name it `name` or `full_name`, or use `--column name=HEADER`",
            headers.join(", ")
        );
    }
    Ok(roles)
}

fn query_of(cells: &[String], roles: &Roles) -> Result<Query, String> {
    let get = |i: usize| cells.get(i).map(|s| s.trim()).unwrap_or("");
    let name = roles.name.iter().map(|&i| get(i)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("no name".into());
    }
    let schema = match roles.schema.map(get).filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse::<Schema>().map_err(|e| e.to_string())?),
        None => None,
    };
    let split =
        |i: usize| get(i).split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect::<Vec<_>>();
    Ok(Query {
        name,
        schema,
        birth_date: roles.birth_date.map(get).filter(|s| !s.is_empty()).map(str::to_owned),
        countries: roles.country.iter().flat_map(|&i| split(i)).collect(),
        identifiers: roles.id.iter().flat_map(|&i| split(i)).collect(),
        datasets: Vec::new(),
    })
}

/// Screens every row of `input` into `output`; returns (rows, errors).
pub fn run(
    engine: &Engine,
    input: &Path,
    output: &Path,
    overrides: &[String],
    limit: usize,
    strict: bool,
) -> anyhow::Result<(usize, usize)> {
    let jsonl_in = matches!(input.extension().and_then(|e| e.to_str()), Some("jsonl" | "json" | "ndjson"));
    let jsonl_out = !matches!(output.extension().and_then(|e| e.to_str()), Some("csv"));
    let file = std::fs::File::open(input).with_context(|| format!("opening `{}`", input.display()))?;
    let mut reader = std::io::BufReader::new(file);
    let tmp = output.with_extension("partial");
    let mut out = BufWriter::new(std::fs::File::create(&tmp).with_context(|| format!("creating `{}`", tmp.display()))?);
    let errors_path = output.with_extension("errors.jsonl");
    let mut errors = BufWriter::new(
        std::fs::File::create(&errors_path).with_context(|| format!("creating `{}`", errors_path.display()))?,
    );
    let (mut rows_done, mut error_count) = (0usize, 0usize);

    let mut emit = |batch: Vec<Row>, headers: &[String], out: &mut BufWriter<std::fs::File>| -> anyhow::Result<()> {
        let results: Vec<Result<Vec<Hit>, String>> = batch
            .par_iter()
            .map(|row| row.query.as_ref().map(|q| engine.screen(q, limit)).map_err(Clone::clone))
            .collect();
        // CSV rows of the batch are written by one writer, then copied out.
        let mut csv_rows = (!jsonl_out).then(|| csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new()));
        for (row, result) in batch.iter().zip(results) {
            if let Err(e) = &result {
                error_count += 1;
                writeln!(errors, "{}", serde_json::json!({"row": row.index, "error": e}))?;
                if strict {
                    bail!("row {}: {e}", row.index);
                }
            }
            if jsonl_out {
                let line = match (&row.query, &result) {
                    (Ok(q), Ok(hits)) => serde_json::json!({
                        "row": row.index,
                        "query": {"name": q.name, "schema": q.schema, "birth_date": q.birth_date, "countries": q.countries, "identifiers": q.identifiers},
                        "results": hits,
                    }),
                    (_, Err(e)) | (Err(e), _) => serde_json::json!({"row": row.index, "error": e}),
                };
                writeln!(out, "{line}")?;
            } else if let Some(w) = csv_rows.as_mut() {
                let top = result.as_ref().ok().and_then(|h| h.first());
                let mut record: Vec<String> = row.cells.clone();
                record.resize(headers.len(), String::new());
                record.extend([
                    top.map(|h| h.id.clone()).unwrap_or_default(),
                    top.map(|h| h.caption.clone()).unwrap_or_default(),
                    top.map(|h| format!("{:.3}", h.score)).unwrap_or_default(),
                    top.map(|h| h.is_match.to_string()).unwrap_or_default(),
                    top.map(|h| h.risk.clone()).unwrap_or_default(),
                    top.map(|h| h.datasets.join(";")).unwrap_or_default(),
                    result.as_ref().err().cloned().unwrap_or_default(),
                ]);
                w.write_record(&record)?;
            }
        }
        if let Some(w) = csv_rows {
            out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
        }
        rows_done += batch.len();
        Ok(())
    };

    if jsonl_in {
        let mut headers: Vec<String> = Vec::new();
        let mut batch = Vec::with_capacity(BATCH);
        let mut buf = Vec::new();
        let mut index = 0usize;
        let mut roles: Option<Roles> = None;
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf).context("reading the input")? == 0 {
                break;
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed: Result<serde_json::Map<String, serde_json::Value>, String> =
                std::str::from_utf8(&buf).map_err(|e| format!("line {} is not UTF-8: {e}", index + 1)).and_then(|s| {
                    serde_json::from_str(s).map_err(|e| format!("line {} is not a JSON object: {e}", index + 1))
                });
            let row = match parsed {
                Ok(map) => {
                    if roles.is_none() {
                        headers = map.keys().cloned().collect();
                        roles = Some(find_roles(&headers, overrides)?);
                    }
                    let cells: Vec<String> = headers
                        .iter()
                        .map(|h| match map.get(h) {
                            Some(serde_json::Value::String(s)) => s.clone(),
                            Some(serde_json::Value::Array(a)) => {
                                a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(";")
                            }
                            Some(serde_json::Value::Null) | None => String::new(),
                            Some(v) => v.to_string(),
                        })
                        .collect();
                    let query = query_of(&cells, roles.as_ref().expect("roles set above"));
                    Row { index, cells, query }
                }
                Err(e) => Row { index, cells: Vec::new(), query: Err(e) },
            };
            batch.push(row);
            index += 1;
            if batch.len() == BATCH {
                emit(std::mem::take(&mut batch), &headers, &mut out)?;
            }
        }
        emit(batch, &headers, &mut out)?;
    } else {
        let mut csv_reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let headers: Vec<String> = csv_reader
            .byte_headers()
            .context("reading the CSV header")?
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim_start_matches('\u{feff}').to_owned())
            .collect();
        let roles = find_roles(&headers, overrides)?;
        if !jsonl_out {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut header = headers.clone();
            header
                .extend(["top_id", "top_caption", "top_score", "match", "risk", "datasets", "error"].map(String::from));
            w.write_record(&header)?;
            out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
        }
        let mut batch = Vec::with_capacity(BATCH);
        for (index, record) in csv_reader.byte_records().enumerate() {
            let row = match record {
                Ok(r) => {
                    let mut bad = None;
                    let cells: Vec<String> = r
                        .iter()
                        .enumerate()
                        .map(|(k, c)| match std::str::from_utf8(c) {
                            Ok(s) => s.to_owned(),
                            Err(_) => {
                                bad = Some(format!(
                                    "column `{}` is not UTF-8",
                                    headers.get(k).map_or("?", String::as_str)
                                ));
                                String::from_utf8_lossy(c).into_owned()
                            }
                        })
                        .collect();
                    let query = match bad {
                        Some(e) => Err(e),
                        None => query_of(&cells, &roles),
                    };
                    Row { index, cells, query }
                }
                Err(e) => Row { index, cells: Vec::new(), query: Err(format!("unreadable CSV record: {e}")) },
            };
            batch.push(row);
            if batch.len() == BATCH {
                emit(std::mem::take(&mut batch), &headers, &mut out)?;
            }
        }
        emit(batch, &headers, &mut out)?;
    }
    out.flush()?;
    errors.flush()?;
    drop(out);
    std::fs::rename(&tmp, output).with_context(|| format!("writing `{}`", output.display()))?;
    if error_count == 0 {
        let _ = std::fs::remove_file(&errors_path);
    }
    Ok((rows_done, error_count))
}
