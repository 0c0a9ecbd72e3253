//! `vetter lists`: status, show, diff and build.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;
use clap::Subcommand;
use vetter_engine::{Diff, Engine};
use vetter_model::Prop;

use crate::output::{count, table};
use crate::{Format, Settings, open_engine};

#[derive(Debug, Subcommand)]
pub enum ListsCommand {
    /// Per dataset: entities, names, schemas and snapshot date.
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// One entity: its properties, every source record, and why they were merged.
    Show {
        /// An entity id or the id of any record merged into it (`us_ofac_sdn-35096`).
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Records added, removed and changed per dataset between two data folders.
    Diff {
        /// The older data folder.
        old: PathBuf,
        /// The newer data folder.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Compile the index now (it is otherwise rebuilt on demand when the lists change).
    Build {
        /// Rebuild even when the index is current.
        #[arg(long)]
        force: bool,
        /// Print every parser warning.
        #[arg(long)]
        warnings: bool,
    },
}

pub fn run(cmd: &ListsCommand, settings: &Settings) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match cmd {
        ListsCommand::Status { format } => {
            let status = settings.open()?.status();
            match format {
                Format::Json => {
                    let sources: Vec<serde_json::Value> = status
                        .datasets
                        .iter()
                        .map(|d| {
                            let schemas: serde_json::Map<String, serde_json::Value> =
                                d.schemas.iter().map(|(s, n)| (s.to_string(), (*n).into())).collect();
                            serde_json::json!({
                                "dataset": d.dataset,
                                "entities": d.entities,
                                "names": d.names,
                                "snapshot": d.snapshot,
                                "records": d.records,
                                "schemas": schemas,
                                "files": d.files,
                            })
                        })
                        .collect();
                    let json = serde_json::json!({
                        "total_entities": status.total_entities,
                        "total_records": status.total_records,
                        "merged_entities": status.merged_entities,
                        "merge_rules": status.merge_rules,
                        "sources": sources,
                        "index": {"path": status.index_path, "bytes": status.index_bytes},
                    });
                    writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
                }
                Format::Table => {
                    let rows: Vec<Vec<String>> = status
                        .datasets
                        .iter()
                        .map(|d| {
                            let schemas = d
                                .schemas
                                .iter()
                                .map(|(s, n)| format!("{s} {}", count(*n)))
                                .collect::<Vec<_>>()
                                .join(", ");
                            vec![d.dataset.clone(), d.snapshot.clone(), count(d.entities), count(d.names), schemas]
                        })
                        .collect();
                    write!(out, "{}", table(&["dataset", "snapshot", "entities", "names", "schemas"], &rows))?;
                    writeln!(
                        out,
                        "\n{} entities from {} records ({} merged across lists)\nindex: {} ({:.1} MB)",
                        count(status.total_entities),
                        count(status.total_records),
                        count(status.merged_entities),
                        status.index_path.display(),
                        status.index_bytes as f64 / 1e6
                    )?;
                }
            }
        }
        ListsCommand::Show { id, format } => {
            let engine = settings.open()?;
            let Some(detail) = engine.show(id) else {
                bail!(
                    "no entity with id `{id}`\nhint: ids look like `us_ofac_sdn-35096`; `vetter lists status` lists the datasets"
                );
            };
            match format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&detail)?)?,
                Format::Table => write!(out, "{}", show_table(&detail))?,
            }
        }
        ListsCommand::Diff { old, new, format } => {
            let old_engine = open_engine(old, None, false, settings.quiet)?;
            let new_engine = open_engine(new, None, false, settings.quiet)?;
            let diff = Diff::between(&old_engine, &new_engine);
            match format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&diff)?)?,
                Format::Table => write!(out, "{}", diff_table(&diff))?,
            }
        }
        ListsCommand::Build { force, warnings } => {
            let options = vetter_engine::OpenOptions {
                data_dir: settings.data_dir.clone(),
                index_path: settings.index.clone(),
                force_rebuild: *force,
            };
            let started = std::time::Instant::now();
            let (engine, report) = Engine::open(&options)?;
            if *warnings {
                for w in &report.warnings {
                    writeln!(out, "{w}")?;
                }
            }
            writeln!(
                out,
                "{} {} entities into {} in {:.2} s ({} warnings)",
                if report.rebuilt { "compiled" } else { "index current:" },
                count(engine.len() as u64),
                report.index_path.display(),
                started.elapsed().as_secs_f64(),
                report.warnings.len()
            )?;
        }
    }
    Ok(())
}

fn show_table(d: &vetter_engine::EntityDetail) -> String {
    use std::fmt::Write as _;
    let e = &d.entity;
    let mut s = String::new();
    let _ = writeln!(s, "{}  [{}]  {}", e.caption, e.schema, e.id);
    let _ = writeln!(s, "topics: {}", e.topics.join(", "));
    let _ = writeln!(s, "datasets: {}", e.datasets().join(", "));
    let _ = writeln!(s, "\nproperties:");
    for prop in Prop::ALL {
        let values = e.get(*prop);
        if values.is_empty() {
            continue;
        }
        let shown: Vec<&str> = values.iter().take(12).map(String::as_str).collect();
        let more = if values.len() > 12 { format!(" (+{} more)", values.len() - 12) } else { String::new() };
        let _ = writeln!(s, "  {:<18} {}{more}", prop.as_str(), shown.join(" | "));
    }
    let _ = writeln!(s, "\nsources:");
    let rows: Vec<Vec<String>> =
        e.sources.iter().map(|r| vec![r.dataset.clone(), r.record_id.clone(), r.snapshot.clone()]).collect();
    for line in table(&["dataset", "record", "snapshot"], &rows).lines() {
        let _ = writeln!(s, "  {line}");
    }
    if !d.merges.is_empty() {
        let _ = writeln!(s, "\nmerged because:");
        for m in &d.merges {
            let _ = writeln!(s, "  {} = {}  ({}: {})", m.left, m.right, m.rule, m.evidence);
        }
    }
    s
}

fn diff_table(diff: &Diff) -> String {
    use std::fmt::Write as _;
    let rows: Vec<Vec<String>> = diff
        .datasets
        .iter()
        .map(|d| {
            vec![
                d.dataset.clone(),
                d.old_snapshot.clone().unwrap_or_else(|| "-".into()),
                d.new_snapshot.clone().unwrap_or_else(|| "-".into()),
                count(d.added.len() as u64),
                count(d.removed.len() as u64),
                count(d.changed.len() as u64),
                count(d.unchanged),
            ]
        })
        .collect();
    let mut s = table(&["dataset", "old", "new", "added", "removed", "changed", "unchanged"], &rows);
    for d in &diff.datasets {
        for (label, list) in [("+", &d.added), ("-", &d.removed), ("~", &d.changed)] {
            for r in list.iter().take(20) {
                let _ = writeln!(s, "{label} {}  {}", r.id, r.caption);
            }
            if list.len() > 20 {
                let _ = writeln!(s, "{label} ... {} more in {}", list.len() - 20, d.dataset);
            }
        }
    }
    s
}
