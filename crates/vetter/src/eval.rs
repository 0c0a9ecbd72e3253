//! `vetter eval`: precision, recall and F1 of the name matcher on labelled pairs.
//!
//! Reads CSV files with the header `name1,name2,schema,expected,script,category,source`
//! (`name1`, `name2` and `expected` are required; `expected` is `true` or
//! `false`), scores every pair with `vetter_matcher` at the default threshold
//! of its schema (or `--threshold`), and reports the counts and precision,
//! recall and F1 overall, per schema, per script, per category and per file,
//! then the most confident mistakes with `--show-errors N`.
//! By default it reads `generated.csv` and `handwritten.csv` of the bundled
//! evaluation set, `data/eval` next to `data/lists`.
//!
//! `--format json` prints one object:
//!
//! - `algorithm`, `threshold` (null when each schema's default is used), `files`;
//! - `overall`: `{pairs, positives, negatives, tp, fp, fn, tn, precision, recall, f1}`,
//!   where `precision`, `recall` and `f1` are null when undefined (no predicted or no actual positives);
//! - `by_schema`, `by_script`, `by_category`, `by_file`: objects of the same shape, keyed by the group;
//! - `false_positives`, `false_negatives`: the `--show-errors` worst pairs each,
//!   `{file, row, name1, name2, schema, script, category, source, score, summary}`
//!   (false positives by descending score, false negatives by ascending score).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use vetter_model::Schema;

use crate::Format;
use crate::compare::{AlgorithmArg, csv_reader, header_names, parse_schema, read_header, read_row, require_columns};
use crate::output::{count, table};

/// Arguments of `vetter eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Labelled pair files; by default the bundled `data/eval/generated.csv` and `data/eval/handwritten.csv`.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub input: Vec<PathBuf>,
    /// The scoring method.
    #[arg(long, value_enum, default_value = "vetter")]
    pub algorithm: AlgorithmArg,
    /// Decide matches at this score instead of each schema's default threshold.
    #[arg(long, value_name = "SCORE")]
    pub threshold: Option<f64>,
    /// The schema of rows without a `schema` value.
    #[arg(long, default_value = "Person", value_name = "SCHEMA")]
    pub schema: String,
    /// List the N most confident false positives and false negatives.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_errors: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// One labelled pair.
struct Pair {
    file: String,
    row: u64,
    name1: String,
    name2: String,
    schema: Schema,
    expected: bool,
    script: String,
    category: String,
    source: String,
}

/// Confusion counts of a group of pairs.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
struct Counts {
    tp: u64,
    fp: u64,
    #[serde(rename = "fn")]
    fn_: u64,
    tn: u64,
}

impl Counts {
    fn add(&mut self, expected: bool, predicted: bool) {
        match (expected, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "pairs": self.tp + self.fp + self.fn_ + self.tn,
            "positives": self.tp + self.fn_,
            "negatives": self.fp + self.tn,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn_,
            "tn": self.tn,
            "precision": self.precision(),
            "recall": self.recall(),
            "f1": self.f1(),
        })
    }

    fn row(&self, label: &str) -> Vec<String> {
        let metric = |m: Option<f64>| m.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
        vec![
            label.to_owned(),
            count(self.tp + self.fp + self.fn_ + self.tn),
            count(self.tp + self.fn_),
            count(self.fp + self.tn),
            count(self.tp),
            count(self.fp),
            count(self.fn_),
            count(self.tn),
            metric(self.precision()),
            metric(self.recall()),
            metric(self.f1()),
        ]
    }
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The bundled evaluation files: `generated.csv` and `handwritten.csv` in `data/eval`.
fn default_inputs(data: Option<&Path>) -> anyhow::Result<Vec<PathBuf>> {
    let dir = match data.and_then(Path::parent).map(|p| p.join("eval")).filter(|d| d.is_dir()) {
        Some(dir) => dir,
        None => crate::bundled_dir("eval", &["generated.csv", "handwritten.csv"])
            .context("no `--input` given and the bundled evaluation set (`data/eval`) was not found")?,
    };
    let files: Vec<PathBuf> =
        ["generated.csv", "handwritten.csv"].iter().map(|f| dir.join(f)).filter(|f| f.is_file()).collect();
    if files.is_empty() {
        bail!("`{}` has neither `generated.csv` nor `handwritten.csv`", dir.display());
    }
    Ok(files)
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "y" | "t" => Some(true),
        "false" | "0" | "no" | "n" | "f" => Some(false),
        _ => None,
    }
}

fn read_pairs(path: &Path, default_schema: Schema) -> anyhow::Result<Vec<Pair>> {
    let display = path.display().to_string();
    let mut reader = csv_reader(path).with_context(|| format!("opening `{display}`"))?;
    let header = read_header(&mut reader, &display)?;
    let required = require_columns(&header, &display, &["name1", "name2", "expected"])?;
    let names = header_names(&header);
    let optional = |name: &str| names.iter().position(|h| h == name);
    let (schema_at, script_at, category_at, source_at) =
        (optional("schema"), optional("script"), optional("category"), optional("source"));
    let mut pairs = Vec::new();
    let mut raw = csv::ByteRecord::new();
    let mut row = 0u64;
    while let Some(record) = read_row(&mut reader, &mut raw, &display, row + 1, &header)? {
        row += 1;
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
        let name1 = get(Some(required[0]));
        let name2 = get(Some(required[1]));
        if name1.is_empty() || name2.is_empty() {
            bail!("row {row} of `{display}` has an empty name");
        }
        let Some(expected) = parse_bool(get(Some(required[2]))) else {
            bail!("row {row} of `{display}`: `expected` is `{}`, not `true` or `false`", get(Some(required[2])));
        };
        let schema = match get(schema_at) {
            "" => default_schema,
            text => Schema::from_str(text).map_err(|e| anyhow::anyhow!("row {row} of `{display}`: {e}"))?,
        };
        let label = |i: Option<usize>| match get(i) {
            "" => "-".to_owned(),
            text => text.to_owned(),
        };
        pairs.push(Pair {
            file: display.clone(),
            row,
            name1: name1.to_owned(),
            name2: name2.to_owned(),
            schema,
            expected,
            script: label(script_at),
            category: label(category_at),
            source: label(source_at),
        });
    }
    Ok(pairs)
}

pub fn run(args: &EvalArgs, data: Option<&Path>, quiet: bool) -> anyhow::Result<()> {
    let default_schema = parse_schema(&args.schema)?;
    if let Some(t) = args.threshold
        && !(0.0..=1.0).contains(&t)
    {
        bail!("`--threshold` must be between 0 and 1, not {t}");
    }
    let inputs = if args.input.is_empty() { default_inputs(data)? } else { args.input.clone() };
    let mut pairs = Vec::new();
    for input in &inputs {
        pairs.extend(read_pairs(input, default_schema)?);
    }
    let algorithm = args.algorithm.algorithm();

    let started = std::time::Instant::now();
    let scores: Vec<f64> = pairs
        .iter()
        .map(|p| {
            let a = vetter_matcher::prepare(&p.name1, p.schema);
            let b = vetter_matcher::prepare(&p.name2, p.schema);
            vetter_matcher::score_prepared(&a, &b, p.schema, algorithm)
        })
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    if !quiet {
        let _ = writeln!(
            std::io::stderr(),
            "scored {} pairs in {elapsed:.2} s ({:.0} pairs/s)",
            pairs.len(),
            pairs.len() as f64 / elapsed.max(1e-9)
        );
    }

    let mut overall = Counts::default();
    let mut groups: [BTreeMap<String, Counts>; 4] = Default::default();
    let mut false_positives = Vec::new();
    let mut false_negatives = Vec::new();
    for (p, &score) in pairs.iter().zip(&scores) {
        let threshold = args.threshold.unwrap_or_else(|| vetter_matcher::default_threshold(p.schema, algorithm));
        let predicted = score >= threshold;
        overall.add(p.expected, predicted);
        let keys = [p.schema.as_str().to_owned(), p.script.clone(), p.category.clone(), p.file.clone()];
        for (group, key) in groups.iter_mut().zip(keys) {
            group.entry(key).or_default().add(p.expected, predicted);
        }
        match (p.expected, predicted) {
            (false, true) => false_positives.push((p, score)),
            (true, false) => false_negatives.push((p, score)),
            _ => {}
        }
    }
    // Most confident mistakes first; ties in file order.
    false_positives.sort_by(|a, b| b.1.total_cmp(&a.1));
    false_negatives.sort_by(|a, b| a.1.total_cmp(&b.1));
    false_positives.truncate(args.show_errors);
    false_negatives.truncate(args.show_errors);
    let error_json = |list: &[(&Pair, f64)]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|(p, score)| {
                let summary = vetter_matcher::compare(&p.name1, &p.name2, p.schema, algorithm).explanation.summary;
                serde_json::json!({
                    "file": p.file, "row": p.row, "name1": p.name1, "name2": p.name2,
                    "schema": p.schema.as_str(), "script": p.script, "category": p.category,
                    "source": p.source, "score": score, "summary": summary,
                })
            })
            .collect()
    };
    let fp_json = error_json(&false_positives);
    let fn_json = error_json(&false_negatives);

    let mut out = std::io::stdout().lock();
    let [by_schema, by_script, by_category, by_file] = &groups;
    match args.format {
        Format::Json => {
            let group_json = |g: &BTreeMap<String, Counts>| -> serde_json::Map<String, serde_json::Value> {
                g.iter().map(|(k, c)| (k.clone(), c.json())).collect()
            };
            let json = serde_json::json!({
                "algorithm": args.algorithm.as_str(),
                "threshold": args.threshold,
                "files": inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                "overall": overall.json(),
                "by_schema": group_json(by_schema),
                "by_script": group_json(by_script),
                "by_category": group_json(by_category),
                "by_file": group_json(by_file),
                "false_positives": fp_json,
                "false_negatives": fn_json,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Table => {
            let threshold = match args.threshold {
                Some(t) => format!("threshold {t:.3}"),
                None => "each schema's default threshold".to_owned(),
            };
            writeln!(out, "algorithm {} at {threshold}", args.algorithm.as_str())?;
            let header = ["", "pairs", "pos", "neg", "tp", "fp", "fn", "tn", "precision", "recall", "f1"];
            for (title, group) in [
                ("overall", None),
                ("schema", Some(by_schema)),
                ("script", Some(by_script)),
                ("category", Some(by_category)),
                ("file", Some(by_file)),
            ] {
                let mut h = header;
                h[0] = title;
                let rows: Vec<Vec<String>> = match group {
                    None => vec![overall.row("all")],
                    Some(g) => g.iter().map(|(k, c)| c.row(k)).collect(),
                };
                writeln!(out)?;
                write!(out, "{}", table(&h, &rows))?;
            }
            for (title, list) in [("false positives", &fp_json), ("false negatives", &fn_json)] {
                if list.is_empty() {
                    continue;
                }
                writeln!(out, "\n{title} (most confident first):")?;
                for e in list {
                    writeln!(
                        out,
                        "  {:.3}  {} | {}  [{}, {}, {}]  {}:{}\n         {}",
                        e["score"].as_f64().unwrap_or(f64::NAN),
                        e["name1"].as_str().unwrap_or(""),
                        e["name2"].as_str().unwrap_or(""),
                        e["schema"].as_str().unwrap_or(""),
                        e["script"].as_str().unwrap_or(""),
                        e["category"].as_str().unwrap_or(""),
                        e["file"].as_str().unwrap_or(""),
                        e["row"],
                        e["summary"].as_str().unwrap_or(""),
                    )?;
                }
            }
        }
    }
    Ok(())
}
