//! `vetter lists`: status, show, diff, build, export and update (in `crate::update`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;
use vetter_engine::{Diff, Engine};
use vetter_model::{Entity, PartialDate, Prop, PropKind, Schema};

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
    /// Write every entity, merged across lists, as FollowTheMoney JSON lines.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "ftm")]
        format: ExportFormat,
        /// Write to this file instead of stdout (replaced only once the export is complete).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Fetch each list from its publication URL, verify it, and make it the newest snapshot.
    Update(crate::update::UpdateArgs),
}

/// Formats `vetter lists export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// FollowTheMoney entities, one JSON object per line (see [`FtmEntity`]).
    Ftm,
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
        ListsCommand::Update(args) => crate::update::run(args, settings)?,
        ListsCommand::Export { format: ExportFormat::Ftm, output } => {
            let engine = settings.open()?;
            let written = match output {
                Some(path) => export_to_file(&engine, path)?,
                None => {
                    let mut sink = std::io::BufWriter::new(out);
                    let n = export_ftm(&engine, &mut sink)?;
                    sink.flush()?;
                    n
                }
            };
            if !settings.quiet {
                let to = output.as_ref().map_or_else(|| "stdout".to_owned(), |p| format!("`{}`", p.display()));
                let _ = writeln!(std::io::stderr(), "vetter: exported {} entities to {to}", count(written));
            }
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

/// One line of `vetter lists export --format ftm`: a listed entity, merged
/// across lists, in FollowTheMoney's JSON form (as OpenSanctions' `entities.ftm.json` writes it).
///
/// Wire format, one object per line, entities in id order:
/// - `id`: vetter's entity id, the id of its record from the highest-priority list (`us_ofac_sdn-35096`).
/// - `schema`: the FtM schema: `Person`, `LegalEntity`, `Organization`, `Company`, `Vessel`, `Airplane`, `Asset`.
/// - `caption`: the display name.
/// - `properties`: FtM property name to values, sorted by name. Countries are
///   lower-case ISO codes; dates are ISO dates or prefixes (`1952-10-07`,
///   `1952`): an approximate date gives its date, and a range gives each year
///   it spans (its two ends when it spans more than ten years). `topics` holds
///   the topic tags (`sanction`, `role.pep`...). A value of a property that the
///   FtM schema lacks (a sanction's `authority`, `listingDate`, `endDate` and
///   `reason`, `linkedTo`, `sameAs`, `occupancy`, a vessel's `owner` as
///   printed...) is kept as a `notes` value, `property: value`.
/// - `datasets`: the datasets of the entity's records, sorted.
/// - `referents`: the ids of the other records merged into the entity, sorted;
///   empty for an entity of one record.
/// - `target`: true when the entity has a topic, as it does when a sanctions, PEP or crime list names it.
#[derive(Debug, serde::Serialize)]
pub struct FtmEntity<'a> {
    id: &'a str,
    schema: &'static str,
    caption: &'a str,
    properties: BTreeMap<&'static str, Vec<String>>,
    datasets: Vec<&'a str>,
    referents: Vec<&'a str>,
    target: bool,
}

/// Writes the export to `<path>.partial` and renames it to `path` once it is complete.
fn export_to_file(engine: &Engine, path: &Path) -> anyhow::Result<u64> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    let partial = path.with_file_name(name);
    let result = (|| -> anyhow::Result<u64> {
        let mut sink = std::io::BufWriter::new(fs_err::File::create(&partial)?);
        let n = export_ftm(engine, &mut sink)?;
        sink.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok(n)
    })();
    match result {
        Ok(n) => {
            fs_err::rename(&partial, path)?;
            Ok(n)
        }
        Err(e) => {
            let _ = fs_err::remove_file(&partial);
            Err(e)
        }
    }
}

/// Writes every canonical entity as one FtM JSON line; returns the number written.
fn export_ftm(engine: &Engine, out: &mut impl Write) -> anyhow::Result<u64> {
    let index = engine.index();
    let data = index.data();
    let mut records: Vec<Vec<&str>> = vec![Vec::new(); data.entities.len()];
    for r in data.records.iter() {
        if let Some(ids) = records.get_mut(r.entity.to_native() as usize) {
            ids.push(r.id.as_str());
        }
    }
    let mut written = 0;
    for (at, ids) in records.iter().enumerate() {
        let entity = index.entity(at as u32).with_context(|| format!("reading entity {at} of the index"))?;
        serde_json::to_writer(&mut *out, &ftm_entity(&entity, ids))?;
        out.write_all(b"\n")?;
        written += 1;
    }
    Ok(written)
}

/// The FtM form of `entity`, whose records have the ids `records`.
fn ftm_entity<'a>(entity: &'a Entity, records: &[&'a str]) -> FtmEntity<'a> {
    let mut properties: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut notes = Vec::new();
    for (&prop, values) in &entity.properties {
        if !ftm_has(entity.schema, prop) {
            notes.extend(values.iter().map(|v| format!("{prop}: {v}")));
            continue;
        }
        let ftm = properties.entry(prop.as_str()).or_default();
        for value in values {
            let converted = if prop.kind() == PropKind::Date { ftm_dates(value) } else { vec![value.clone()] };
            for v in converted {
                if !ftm.contains(&v) {
                    ftm.push(v);
                }
            }
        }
    }
    if !notes.is_empty() {
        properties.entry(Prop::Notes.as_str()).or_default().extend(notes);
    }
    if !entity.topics.is_empty() {
        properties.insert("topics", entity.topics.clone());
    }
    FtmEntity {
        id: &entity.id,
        schema: match entity.schema {
            Schema::Aircraft => "Airplane",
            other => other.as_str(),
        },
        caption: &entity.caption,
        properties,
        datasets: entity.datasets(),
        referents: records.iter().copied().filter(|id| *id != entity.id).collect(),
        target: !entity.topics.is_empty(),
    }
}

/// Whether FtM's schema for `schema` has the property `prop` (followthemoney 4's schemata).
fn ftm_has(schema: Schema, prop: Prop) -> bool {
    use Prop::*;
    let legal_entity = matches!(schema, Schema::Person | Schema::LegalEntity | Schema::Organization | Schema::Company);
    match prop {
        Name | Alias | WeakAlias | PreviousName | Country | Address | Program | Notes | SourceUrl | WikidataId => true,
        FirstName | MiddleName | LastName | FatherName | MotherName | Title | BirthDate | DeathDate | BirthPlace
        | BirthCountry | Nationality | Citizenship | Gender | Position | PassportNumber => schema == Schema::Person,
        IdNumber | TaxNumber | InnCode | OgrnCode | OkpoCode | LeiCode | SwiftBic | IncorporationDate | LegalForm
        | Sector | Email | Phone | Website | Jurisdiction => legal_entity,
        RegistrationNumber => legal_entity || matches!(schema, Schema::Vessel | Schema::Aircraft),
        KppCode => schema == Schema::Company,
        ImoNumber => matches!(schema, Schema::Vessel | Schema::Organization | Schema::Company),
        Flag | Mmsi | CallSign | Tonnage => schema == Schema::Vessel,
        VesselType => matches!(schema, Schema::Vessel | Schema::Aircraft),
        SerialNumber => schema == Schema::Aircraft,
        // FtM keeps these on other schemata (Sanction, Occupancy) or as entity references.
        Owner | Occupancy | SameAs | CryptoWallet | Authority | ListingDate | EndDate | Reason | LinkedTo => false,
    }
}

/// An EDTF date as FtM date values (ISO dates and prefixes; FtM has no ranges or approximate dates).
fn ftm_dates(value: &str) -> Vec<String> {
    let Some(date) = PartialDate::parse_edtf(value) else {
        return vec![value.to_owned()];
    };
    let start = date.start();
    match date.end() {
        None => vec![start.to_string()],
        Some(end) if end.year() == start.year() => match (start.month(), end.month()) {
            (Some(a), Some(b)) if a == b => vec![format!("{:04}-{a:02}", start.year())],
            _ => vec![format!("{:04}", start.year())],
        },
        Some(end) if end.year() - start.year() <= 10 => {
            (start.year()..=end.year()).map(|year| format!("{year:04}")).collect()
        }
        Some(end) => vec![start.to_string(), end.to_string()],
    }
}

#[cfg(test)]
mod tests {
    //! 1. EDTF dates become FtM dates: exact and approximate dates keep their
    //!    date, ranges give the years they span or, beyond ten years, their ends.
    //! 2. Values of properties the FtM schema lacks become `notes`; the
    //!    Aircraft schema is FtM's `Airplane`; referents leave out the entity's own id.

    use super::*;

    fn check_dates(edtf: &str, expect: &[&str]) {
        assert_eq!(ftm_dates(edtf), expect, "{edtf}");
    }

    #[test]
    fn dates() {
        check_dates("1952-10-07", &["1952-10-07"]);
        check_dates("1952", &["1952"]);
        check_dates("1958~", &["1958"]);
        check_dates("1950/1953", &["1950", "1951", "1952", "1953"]);
        check_dates("1952-10-01/1952-10-31", &["1952-10"]);
        check_dates("1952-01/1952-06", &["1952"]);
        check_dates("1930/1960", &["1930", "1960"]);
    }

    #[test]
    fn schema_gaps_become_notes() {
        let mut e = Entity::new("us_ofac_sdn-1", Schema::Aircraft);
        e.caption = "EP-ABC".into();
        e.add(Prop::Name, "EP-ABC");
        e.add(Prop::SerialNumber, "1234");
        e.add(Prop::Owner, "Example Air");
        e.add_country(Prop::Flag, "ir");
        e.add_topic("sanction");
        let ftm = ftm_entity(&e, &["us_ofac_sdn-1", "us_trade_csl-9"]);
        assert_eq!(ftm.schema, "Airplane");
        assert_eq!(ftm.referents, ["us_trade_csl-9"]);
        assert!(ftm.target);
        assert_eq!(ftm.properties["serialNumber"], ["1234"]);
        assert_eq!(ftm.properties["notes"], ["flag: ir", "owner: Example Air"]);
        assert_eq!(ftm.properties["topics"], ["sanction"]);
    }
}
