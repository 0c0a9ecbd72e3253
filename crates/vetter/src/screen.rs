//! `vetter screen NAME`: find the listed entities a person, organisation or vessel may be;
//! `vetter screen --input FILE --output FILE` does it for every row of a file (module `bulk`).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use vetter_engine::{Filters, Hit, Query};
use vetter_model::Schema;

use crate::bulk;
use crate::output::{count, table};
use crate::{Format, Settings};

/// Arguments of `vetter screen`.
#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// The name to screen, in any script and word order (or use `--input`).
    #[arg(required_unless_present = "input")]
    pub name: Option<String>,
    /// Screen every row of this CSV or JSON-lines (`.jsonl`, `.ndjson`, `.json`) file instead.
    #[arg(long, value_name = "FILE", requires = "output", conflicts_with_all = ["name", "birth_date", "country", "ids", "format"])]
    pub input: Option<std::path::PathBuf>,
    /// Where `--input` results go: `.csv` (input columns and the top hit per row), else JSON lines
    /// (`{"row", "query", "results"}` per row). An existing finished output is replaced; an
    /// unfinished one (its `<FILE>.progress.json` is there) is refused without `--resume`.
    #[arg(long, value_name = "FILE", requires = "input")]
    pub output: Option<std::path::PathBuf>,
    /// Set a column's role for `--input`: `name=HEADER` (repeat to join name parts), `schema=`,
    /// `birth_date=`, `country=`, `id=`; an empty HEADER gives the role to no column.
    #[arg(long, value_name = "ROLE=HEADER", requires = "input")]
    pub column: Vec<String>,
    /// With `--input`: stop at the first row that cannot be screened (exit 2). Rows that cannot be
    /// screened are listed in `<FILE>.errors.jsonl` either way.
    #[arg(long, requires = "input")]
    pub strict: bool,
    /// With `--input`: continue the interrupted run that wrote `--output`, after checking that the
    /// input, the options and the lists are the same; starts afresh when there is no output yet.
    #[arg(long, requires = "input")]
    pub resume: bool,
    /// What the name names: Person, Organization, Company, LegalEntity, Vessel, Aircraft (with
    /// `--input`: for rows without a schema column value).
    #[arg(long)]
    pub schema: Option<String>,
    /// Birth date (1952, 1952-10, 1952-10-07, 7.10.1952...).
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<String>,
    /// Country or nationality (code or name); may be repeated.
    #[arg(long, value_name = "CC")]
    pub country: Vec<String>,
    /// An identifier (passport, registration, IMO, LEI...); may be repeated.
    #[arg(long = "id", value_name = "VALUE")]
    pub ids: Vec<String>,
    /// Only entities from these datasets; may be repeated (applies to every `--input` row).
    #[arg(long, value_name = "DATASET")]
    pub dataset: Vec<String>,
    /// Leave out entities all of whose records come from these datasets; may be repeated.
    #[arg(long, value_name = "DATASET", conflicts_with = "input")]
    pub exclude_dataset: Vec<String>,
    /// Only entities with one of these topics (`sanction`, `role.pep`, `crime`...; a prefix takes
    /// its subtopics); may be repeated.
    #[arg(long = "topic", value_name = "TOPIC", conflicts_with = "input")]
    pub topics: Vec<String>,
    /// Only results scoring at least this.
    #[arg(long, value_name = "SCORE", default_value_t = 0.0, conflicts_with = "input")]
    pub min_score: f64,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Runs `vetter screen`.
pub fn run(args: &ScreenArgs, settings: &Settings) -> anyhow::Result<()> {
    if let (Some(input), Some(output)) = (&args.input, &args.output) {
        return run_bulk(args, settings, input, output);
    }
    let Some(name) = &args.name else { anyhow::bail!("give a NAME or `--input FILE --output FILE`") };
    let schema = parse_schema(args)?;
    let query = Query {
        name: name.clone(),
        schema,
        birth_date: args.birth_date.clone(),
        countries: args.country.clone(),
        identifiers: args.ids.clone(),
        datasets: args.dataset.clone(),
    };
    let engine = settings.open()?;
    let filters = Filters {
        exclude_datasets: args.exclude_dataset.clone(),
        topics: args.topics.clone(),
        min_score: args.min_score,
        limit: args.limit,
        ..Filters::default()
    };
    let hits = engine.screen_with(&query, &filters);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let json = serde_json::json!({
                "query": {
                    "name": query.name,
                    "schema": query.schema,
                    "birth_date": query.birth_date,
                    "countries": query.countries,
                    "identifiers": query.identifiers,
                },
                "results": hits,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Table => write!(out, "{}", hits_table(&hits))?,
    }
    Ok(())
}

fn parse_schema(args: &ScreenArgs) -> anyhow::Result<Option<Schema>> {
    match &args.schema {
        Some(s) => Ok(Some(s.parse::<Schema>().with_context(|| format!("`--schema {s}`"))?)),
        None => Ok(None),
    }
}

fn run_bulk(args: &ScreenArgs, settings: &Settings, input: &Path, output: &Path) -> anyhow::Result<()> {
    let schema = parse_schema(args)?;
    let engine = settings.open()?;
    let started = std::time::Instant::now();
    let options = bulk::Options {
        input,
        output,
        columns: &args.column,
        schema,
        datasets: &args.dataset,
        limit: args.limit,
        strict: args.strict,
        resume: args.resume,
        progress: !settings.quiet,
    };
    let summary = bulk::run(&engine, &options)?;
    if settings.quiet {
        return Ok(());
    }
    let secs = started.elapsed().as_secs_f64();
    let resumed = match summary.resumed_after {
        Some(n) => format!(" after the {} an earlier run wrote", count(n as u64)),
        None => String::new(),
    };
    let errors = match summary.errors {
        0 => "no row errors".to_owned(),
        n => format!("{} row error(s), listed in `{}`", count(n as u64), summary.errors_path.display()),
    };
    let _ = writeln!(
        std::io::stderr(),
        "vetter: screened {} rows{resumed} in {secs:.2} s ({:.0} rows/s); `{}` has {} rows, {errors}",
        count(summary.screened as u64),
        summary.screened as f64 / secs.max(1e-9),
        output.display(),
        count(summary.rows as u64),
    );
    Ok(())
}

fn hits_table(hits: &[Hit]) -> String {
    if hits.is_empty() {
        return "no candidates\n".into();
    }
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            vec![
                format!("{:.3}", h.score),
                if h.is_match { "MATCH".into() } else { "-".into() },
                h.risk.clone(),
                h.caption.clone(),
                h.schema.to_string(),
                h.datasets.join(", "),
                h.programs.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                h.id.clone(),
            ]
        })
        .collect();
    let mut s = table(&["score", "match", "risk", "name", "schema", "lists", "programs", "id"], &rows);
    // The best five, matches or not: a near miss needs its reasons as much
    // (a country conflict that took it below the threshold).
    s.push_str("\nwhy:\n");
    for h in hits.iter().take(5) {
        s.push_str(&format!("  {} [{}]: {}\n", h.caption, h.matched_name, h.explanation.name));
        for f in &h.explanation.features {
            s.push_str(&format!("    {} {:+.2}: {}\n", f.name, f.delta, f.detail));
        }
    }
    s
}
