//! `vetter compare`: score two names, or every pair of a CSV file.
//!
//! Two names: `vetter compare "PUTIN, Vladimir" "Vladimir Putin" [--schema Person]`
//! prints the score, the decision at the schema's default threshold and the
//! explanation. With `--format json` it prints one object:
//!
//! ```json
//! {"score": 0.97, "match": true, "explanation": {"summary": "...", ...}}
//! ```
//!
//! - `score`: the calibrated score in [0, 1];
//! - `match`: true when the score reaches the default threshold of the schema and algorithm;
//! - `explanation`: the matcher's `Explanation` as it serialises (a `summary`
//!   sentence, then the aligned words, unmatched words and features).
//!
//! A file: `vetter compare --input pairs.csv --output scores.csv` reads a CSV
//! whose header has `name1`, `name2` and optionally `schema`, and writes every
//! input column unchanged plus `score` (four decimals) and `match` (`true` or
//! `false`). A row that cannot be scored (an empty name, an unknown schema)
//! keeps its columns with `score` and `match` left empty, and is reported on
//! stderr; `--strict` makes such rows fail the run. Bytes that are not UTF-8
//! stop the run with an error naming the row, since the file is then most
//! likely in another encoding. The output is written to a temporary file next
//! to `--output` and renamed at the end, so a failed run leaves no half-written file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use vetter_matcher::Algorithm;
use vetter_model::Schema;

use crate::Format;

/// Arguments of `vetter compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The first name.
    #[arg(required_unless_present = "input", conflicts_with = "input")]
    pub name1: Option<String>,
    /// The second name.
    #[arg(required_unless_present = "input", conflicts_with = "input")]
    pub name2: Option<String>,
    /// What the names name: Person, Organization, Company, LegalEntity, Vessel...
    /// With `--input`, the schema of rows whose `schema` column is missing or empty.
    #[arg(long, default_value = "Person", value_name = "SCHEMA")]
    pub schema: String,
    /// The scoring method.
    #[arg(long, value_enum, default_value = "vetter")]
    pub algorithm: AlgorithmArg,
    /// Output format (two names only; a file is always scored to CSV).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// A CSV file of pairs (`name1`, `name2`, optional `schema`); `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Where to write the scored CSV; stdout when omitted.
    #[arg(long, value_name = "FILE", requires = "input")]
    pub output: Option<PathBuf>,
    /// Exit 2 when any row cannot be scored.
    #[arg(long, requires = "input")]
    pub strict: bool,
}

/// The `--algorithm` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AlgorithmArg {
    /// vetter's matcher: aligned words, rarity weights, calibrated score.
    Vetter,
    /// OFAC Sanctions List Search: Jaro-Winkler with Soundex.
    Ofac,
}

impl AlgorithmArg {
    /// The matcher's algorithm.
    pub fn algorithm(self) -> Algorithm {
        match self {
            AlgorithmArg::Vetter => Algorithm::Vetter,
            AlgorithmArg::Ofac => Algorithm::Ofac,
        }
    }

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            AlgorithmArg::Vetter => "vetter",
            AlgorithmArg::Ofac => "ofac",
        }
    }
}

/// Parses a schema name as `vetter_model::Schema` does, with a hint on failure.
pub fn parse_schema(text: &str) -> anyhow::Result<Schema> {
    Schema::from_str(text).map_err(|e| {
        let known: Vec<&str> = Schema::ALL.iter().map(|s| s.as_str()).collect();
        anyhow::anyhow!("{e}\nhint: use one of {}", known.join(", "))
    })
}

pub fn run(args: &CompareArgs, quiet: bool) -> anyhow::Result<()> {
    let schema = parse_schema(&args.schema)?;
    let algorithm = args.algorithm.algorithm();
    if let Some(input) = &args.input {
        return compare_file(input, args.output.as_deref(), schema, algorithm, args.strict, quiet);
    }
    let (Some(a), Some(b)) = (&args.name1, &args.name2) else {
        bail!("give two names, or `--input FILE`\nhint: vetter compare \"Vladimir Putin\" \"PUTIN, Vladimir\"");
    };
    for (which, name) in [("first", a), ("second", b)] {
        if name.trim().is_empty() {
            bail!("the {which} name is empty");
        }
    }
    let c = vetter_matcher::compare(a, b, schema, algorithm);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let json = serde_json::json!({
                "score": c.score,
                "match": c.is_match,
                "explanation": c.explanation,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Table => {
            let explanation = serde_json::to_value(&c.explanation)?;
            write!(out, "{}", comparison_table(a, b, schema, args.algorithm, &c, &explanation))?;
        }
    }
    Ok(())
}

/// The `table` format of one comparison: the verdict, then every part of the
/// explanation (read from its JSON form so that new fields show up unchanged).
fn comparison_table(
    a: &str,
    b: &str,
    schema: Schema,
    algorithm: AlgorithmArg,
    c: &vetter_matcher::Comparison,
    explanation: &serde_json::Value,
) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "{a}  ~  {b}  [{schema}, {}]", algorithm.as_str());
    let _ = writeln!(s, "score  {:.3}", c.score);
    let _ = writeln!(s, "match  {} (threshold {:.3})", if c.is_match { "MATCH" } else { "no match" }, c.threshold);
    let Some(fields) = explanation.as_object() else {
        return s;
    };
    if let Some(summary) = fields.get("summary").and_then(|v| v.as_str()).filter(|v| !v.is_empty()) {
        let _ = writeln!(s, "\n{summary}");
    }
    // Scalars and word lists first, then the tables.
    let tabular =
        |v: &serde_json::Value| v.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(|i| i.is_object()));
    let ordered = fields.iter().filter(|(_, v)| !tabular(v)).chain(fields.iter().filter(|(_, v)| tabular(v)));
    for (key, value) in ordered {
        if key == "summary" {
            continue;
        }
        match value {
            serde_json::Value::Array(items) if items.is_empty() => {}
            serde_json::Value::Array(items) if items.iter().all(|i| i.is_object()) => {
                let mut header: Vec<String> = Vec::new();
                for item in items {
                    for k in item.as_object().into_iter().flat_map(|o| o.keys()) {
                        if !header.contains(k) {
                            header.push(k.clone());
                        }
                    }
                }
                let rows: Vec<Vec<String>> = items
                    .iter()
                    .map(|item| header.iter().map(|k| cell(item.get(k).unwrap_or(&serde_json::Value::Null))).collect())
                    .collect();
                let header: Vec<&str> = header.iter().map(String::as_str).collect();
                let _ = writeln!(s, "\n{key}:");
                for line in crate::output::table(&header, &rows).lines() {
                    let _ = writeln!(s, "  {line}");
                }
            }
            serde_json::Value::Array(items) => {
                let _ = writeln!(s, "{key}: {}", items.iter().map(cell).collect::<Vec<_>>().join(", "));
            }
            serde_json::Value::String(text) if text.is_empty() => {}
            other => {
                let _ = writeln!(s, "{key}: {}", cell(other));
            }
        }
    }
    s
}

/// One value as a table cell: numbers with three decimals, strings bare.
fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => format!("{:.3}", n.as_f64().unwrap_or(f64::NAN)),
        },
        other => other.to_string(),
    }
}

/// The column names of a header, folded for lookup: lower case, surrounding
/// spaces and a byte-order mark removed.
pub fn header_names(header: &csv::StringRecord) -> Vec<String> {
    header.iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase()).collect()
}

/// The positions of the `required` columns, or an error naming every missing
/// one and showing the header found.
pub fn require_columns(header: &csv::StringRecord, display: &str, required: &[&str]) -> anyhow::Result<Vec<usize>> {
    let names = header_names(header);
    let mut missing = Vec::new();
    let mut out = Vec::new();
    for name in required {
        match names.iter().position(|h| h == name) {
            Some(at) => out.push(at),
            None => missing.push(format!("`{name}`")),
        }
    }
    if !missing.is_empty() {
        let found = header.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ");
        let found = if found.is_empty() { "no names".to_owned() } else { found };
        let needed = required.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ");
        bail!(
            "`{display}` has no {} column (its header has {found})\nhint: the first line must name the columns, including {needed}",
            missing.join(" or ")
        );
    }
    Ok(out)
}

/// Columns of a pairs file, by position.
struct PairColumns {
    name1: usize,
    name2: usize,
    schema: Option<usize>,
}

/// Opens a CSV file (or stdin for `-`) with a flexible reader that keeps bytes as they are.
pub fn csv_reader(path: &Path) -> anyhow::Result<csv::Reader<Box<dyn Read>>> {
    let source: Box<dyn Read> =
        if path == Path::new("-") { Box::new(std::io::stdin().lock()) } else { Box::new(fs_err::File::open(path)?) };
    Ok(csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(source))
}

/// Reads the header of a pairs file as UTF-8.
pub fn read_header(reader: &mut csv::Reader<Box<dyn Read>>, display: &str) -> anyhow::Result<csv::StringRecord> {
    let mut raw = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut raw).with_context(|| format!("reading `{display}`"))? {
        bail!("`{display}` is empty\nhint: the first line must name the columns, with `name1` and `name2`");
    }
    csv::StringRecord::from_byte_record(raw)
        .map_err(|_| anyhow::anyhow!("the header of `{display}` is not valid UTF-8\nhint: save the file as UTF-8"))
}

/// Reads the next data row as UTF-8; `row` is its 1-based number after the header.
pub fn read_row(
    reader: &mut csv::Reader<Box<dyn Read>>,
    raw: &mut csv::ByteRecord,
    display: &str,
    row: u64,
    header: &csv::StringRecord,
) -> anyhow::Result<Option<csv::StringRecord>> {
    if !reader.read_byte_record(raw).with_context(|| format!("reading row {row} of `{display}`"))? {
        return Ok(None);
    }
    let line = raw.position().map_or(row + 1, |p| p.line());
    match csv::StringRecord::from_byte_record(raw.clone()) {
        Ok(record) => Ok(Some(record)),
        Err(e) => {
            let field = e.utf8_error().field();
            let column = header.get(field).map_or_else(|| format!("column {}", field + 1), |h| format!("column `{h}`"));
            bail!(
                "row {row} (line {line}) of `{display}` is not valid UTF-8 in {column}\nhint: save the file as UTF-8"
            );
        }
    }
}

/// A row's problem that stops it from being scored.
fn row_problem(
    record: &csv::StringRecord,
    cols: &PairColumns,
    default_schema: Schema,
) -> Result<(String, String, Schema), String> {
    let name1 = record.get(cols.name1).unwrap_or("");
    let name2 = record.get(cols.name2).unwrap_or("");
    if name1.trim().is_empty() {
        return Err("`name1` is empty".into());
    }
    if name2.trim().is_empty() {
        return Err("`name2` is empty".into());
    }
    let schema = match cols.schema.and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Schema::from_str(text).map_err(|e| e.to_string())?,
        None => default_schema,
    };
    Ok((name1.to_owned(), name2.to_owned(), schema))
}

fn compare_file(
    input: &Path,
    output: Option<&Path>,
    default_schema: Schema,
    algorithm: Algorithm,
    strict: bool,
    quiet: bool,
) -> anyhow::Result<()> {
    let display = input.display().to_string();
    let mut reader = csv_reader(input)?;
    let header = read_header(&mut reader, &display)?;
    let found = require_columns(&header, &display, &["name1", "name2"])?;
    let lower = header_names(&header);
    let cols = PairColumns { name1: found[0], name2: found[1], schema: lower.iter().position(|h| h == "schema") };
    // An input that already has `score` or `match` (a scored file scored again) gets them replaced in place.
    let score_at = lower.iter().position(|h| h == "score");
    let match_at = lower.iter().position(|h| h == "match");
    let mut out_header = header.clone();
    if score_at.is_none() {
        out_header.push_field("score");
    }
    if match_at.is_none() {
        out_header.push_field("match");
    }
    let width = header.len();

    let partial = output.map(|p| {
        let mut name = p.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        p.with_file_name(name)
    });
    let sink: Box<dyn Write> = match &partial {
        Some(p) => Box::new(std::io::BufWriter::new(fs_err::File::create(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(sink);

    let result = (|| -> anyhow::Result<(u64, u64)> {
        writer.write_record(&out_header)?;
        let mut raw = csv::ByteRecord::new();
        let (mut rows, mut failed) = (0u64, 0u64);
        while let Some(record) = read_row(&mut reader, &mut raw, &display, rows + 1, &header)? {
            rows += 1;
            let (score, decision) = match row_problem(&record, &cols, default_schema) {
                Ok((a, b, schema)) => {
                    let fa = vetter_matcher::prepare(&a, schema);
                    let fb = vetter_matcher::prepare(&b, schema);
                    let score = vetter_matcher::score_prepared(&fa, &fb, schema, algorithm);
                    let threshold = vetter_matcher::default_threshold(schema, algorithm);
                    (format!("{score:.4}"), if score >= threshold { "true" } else { "false" }.to_owned())
                }
                Err(problem) => {
                    failed += 1;
                    if !quiet && failed <= 20 {
                        let _ =
                            writeln!(std::io::stderr(), "warning: row {rows} of `{display}` was not scored: {problem}");
                    }
                    (String::new(), String::new())
                }
            };
            let mut fields: Vec<&str> = record.iter().collect();
            // Short rows are padded so that `score` and `match` stay in their columns.
            fields.resize(width.max(fields.len()), "");
            match score_at {
                Some(i) => fields[i] = &score,
                None => fields.push(&score),
            }
            match match_at {
                Some(i) => fields[i] = &decision,
                None => fields.push(&decision),
            }
            writer.write_record(&fields)?;
        }
        writer.flush()?;
        Ok((rows, failed))
    })();

    match (result, &partial, output) {
        (Ok((rows, failed)), partial, output) => {
            drop(writer);
            let message = format!("{failed} of {rows} rows of `{display}` could not be scored");
            if failed > 0 && strict {
                if let Some(partial) = partial {
                    let _ = fs_err::remove_file(partial);
                }
                bail!("{message} (`--strict`)");
            }
            if let (Some(partial), Some(output)) = (partial, output) {
                fs_err::rename(partial, output)?;
            }
            if failed > 0 && !quiet {
                let _ = writeln!(std::io::stderr(), "warning: {message}; their `score` and `match` are empty");
            }
            Ok(())
        }
        (Err(e), Some(partial), _) => {
            drop(writer);
            let _ = fs_err::remove_file(partial);
            Err(e)
        }
        (Err(e), None, _) => Err(e),
    }
}
