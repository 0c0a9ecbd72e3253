//! `vetter screen NAME`: find the listed entities a person, organisation or vessel may be.

use std::io::Write;

use anyhow::Context;
use vetter_engine::{Hit, Query};
use vetter_model::Schema;

use crate::output::table;
use crate::{Format, Settings};

/// Arguments of `vetter screen`.
#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// The name to screen, in any script and word order (or use `--input`).
    #[arg(required_unless_present = "input")]
    pub name: Option<String>,
    /// Screen every row of this CSV or JSON-lines file instead.
    #[arg(long, value_name = "FILE", requires = "output")]
    pub input: Option<std::path::PathBuf>,
    /// Where `--input` results go: `.jsonl` (one line per row) or `.csv` (the top hit per row).
    #[arg(long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Set a column's role for `--input`: `name=HEADER`, `schema=`, `birth_date=`, `country=`, `id=`.
    #[arg(long, value_name = "ROLE=HEADER")]
    pub column: Vec<String>,
    /// With `--input`: stop at the first row that cannot be screened (exit 2).
    #[arg(long)]
    pub strict: bool,
    /// What the name names: Person, Organization, Company, LegalEntity, Vessel, Aircraft.
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
    /// Only entities from these datasets; may be repeated.
    #[arg(long, value_name = "DATASET")]
    pub dataset: Vec<String>,
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
        let engine = settings.open()?;
        let started = std::time::Instant::now();
        let (rows, errors) = crate::bulk::run(&engine, input, output, &args.column, args.limit, args.strict)?;
        let secs = started.elapsed().as_secs_f64();
        let _ = writeln!(
            std::io::stderr(),
            "vetter: screened {rows} rows in {secs:.2} s ({:.0} rows/s), {errors} row error(s){}",
            rows as f64 / secs.max(1e-9),
            if errors > 0 {
                format!(", listed in `{}`", output.with_extension("errors.jsonl").display())
            } else {
                String::new()
            }
        );
        return Ok(());
    }
    let Some(name) = &args.name else { anyhow::bail!("give a NAME or `--input FILE --output FILE`") };
    let schema = match &args.schema {
        Some(s) => Some(s.parse::<Schema>().with_context(|| format!("`--schema {s}`"))?),
        None => None,
    };
    let query = Query {
        name: name.clone(),
        schema,
        birth_date: args.birth_date.clone(),
        countries: args.country.clone(),
        identifiers: args.ids.clone(),
        datasets: args.dataset.clone(),
    };
    let engine = settings.open()?;
    let hits = engine.screen(&query, args.limit);
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
    s.push_str("\nwhy:\n");
    for h in hits.iter().filter(|h| h.is_match).take(5) {
        s.push_str(&format!("  {} [{}]: {}\n", h.caption, h.matched_name, h.explanation.name));
        for f in &h.explanation.features {
            s.push_str(&format!("    {} {:+.2}: {}\n", f.name, f.delta, f.detail));
        }
    }
    s
}
