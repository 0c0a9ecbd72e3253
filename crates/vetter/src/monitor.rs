//! `vetter monitor [--format json]`: screens every stored contact again
//! against the lists now loaded and reports what changed since the last run
//! as alerts: a `new` hit, a `changed` listed entity (its content hash
//! differs from the one screened or reviewed), a `removed` hit.
//!
//! Each run is recorded with the index fingerprint it screened against, and
//! keeps a hard link to that artifact (`<index>.monitor-<fingerprint>.vtx`
//! beside the index; an artifact is never modified in place, so the link is a snapshot).
//! When the fingerprint is the one of the last run nothing is screened. When
//! the last run's snapshot is there, its records are compared with the loaded
//! ones (as `lists diff` does) and only these contacts are screened again:
//! those added since, those with a hit on an entity whose records changed or
//! went, and those whose counterpart shares a postings key (the engine's own
//! candidate keys: word, consonant skeleton, phonetic key) with a name of an
//! entity whose records were added or changed. So a run costs a key lookup
//! per contact plus screening for what changed. Without a snapshot, every
//! contact is screened, as with `--full`. Each distinct counterpart (name and country) is
//! screened once, in parallel. A dismissed hit whose entity is unchanged
//! never alerts. Hits, risk levels, the run, its alerts and their audit
//! entries are written in one transaction: a killed run leaves nothing.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use vetter_engine::Engine;
use vetter_store::{ContactUpdate, NewAlert, NewHit};

use crate::contacts::{LedgerArgs, screen};
use crate::output::table;
use crate::{Format, Settings};

/// Arguments of `vetter monitor`.
#[derive(Debug, clap::Args)]
pub struct MonitorArgs {
    /// Screen every contact again, whatever changed (for example after upgrading vetter, whose
    /// matcher may score differently on the same lists).
    #[arg(long)]
    pub full: bool,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Runs `vetter monitor`.
pub fn run(args: &MonitorArgs, settings: &Settings) -> anyhow::Result<()> {
    let rules = args.ledger.rules()?;
    let mut store = args.ledger.open()?;
    let engine = settings.open()?;
    let fingerprint = format!("{:016x}", engine.index().data_fingerprint());
    let last = store.last_run()?;
    let unchanged = !args.full && last.as_ref().is_some_and(|r| r.fingerprint == fingerprint);
    let mut snapshot = if unchanged { Vec::new() } else { store.monitor_snapshot()? };
    let total = if unchanged { store.count_contacts()? } else { snapshot.len() as i64 };
    if let Some(last) = last.as_ref().filter(|_| !unchanged && !args.full)
        && let Some(changes) = changes_since(&engine, &snapshot_path(&engine, &last.fingerprint))
    {
        let keys_of = |name: &str| {
            vetter_engine::screen::name_keys(&vetter_matcher::prepare(name, vetter_model::Schema::LegalEntity))
        };
        // Each distinct counterpart's keys are computed once.
        let mut names: Vec<&str> = snapshot.iter().map(|(c, _)| c.counterpart.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let affected: HashSet<String> = names
            .par_iter()
            .filter(|name| keys_of(name).iter().any(|k| changes.keys.contains(k)))
            .map(|name| (*name).to_owned())
            .collect();
        snapshot.retain(|(c, hits)| {
            c.created_at > last.created_at
                || hits.iter().any(|h| changes.entities.contains(&h.entity_id))
                || affected.contains(&c.counterpart)
        });
    }

    // Screen each distinct counterpart once.
    let mut distinct: Vec<(&str, Option<&str>, &str)> =
        snapshot.iter().map(|(c, _)| (c.counterpart.as_str(), c.country.as_deref(), c.schema.as_str())).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let results: HashMap<(&str, Option<&str>, &str), _> = distinct
        .par_iter()
        .map(|&(name, country, schema)| ((name, country, schema), screen(&engine, &rules, name, country, schema)))
        .collect();

    let mut updates = Vec::new();
    let mut alerts = Vec::new();
    for (contact, old) in &snapshot {
        let key = (contact.counterpart.as_str(), contact.country.as_deref(), contact.schema.as_str());
        let Some((hits, facts, _)) = results.get(&key) else {
            continue;
        };
        let mut changed = false;
        let old_by_id: HashMap<&str, _> = old.iter().map(|h| (h.entity_id.as_str(), h)).collect();
        for h in hits {
            match old_by_id.get(h.entity_id.as_str()) {
                None => alerts.push(alert(contact.id, h.data.clone(), &h.entity_id, "new")),
                Some(o) if o.entity_hash != h.entity_hash => {
                    alerts.push(alert(contact.id, h.data.clone(), &h.entity_id, "changed"))
                }
                Some(_) => continue,
            }
            changed = true;
        }
        for o in old {
            if !hits.iter().any(|h| h.entity_id == o.entity_id) {
                alerts.push(alert(contact.id, o.data.clone(), &o.entity_id, "removed"));
                changed = true;
            }
        }
        if changed {
            // Risk without the hits dismissed for the entity as it still is.
            let dismissed = |h: &NewHit| {
                old_by_id.get(h.entity_id.as_str()).is_some_and(|o| o.dismissed() && o.entity_hash == h.entity_hash)
            };
            let active: Vec<_> =
                hits.iter().zip(facts).filter(|(h, _)| !dismissed(h)).map(|(_, f)| f.clone()).collect();
            let a = rules.assess(&active, contact.country.as_deref());
            updates.push(ContactUpdate { id: contact.id, risk: a.level, risk_reason: a.reason, hits: hits.clone() });
        }
    }
    let run = store.record_run(&fingerprint, total, snapshot.len() as i64, &updates, &alerts)?;
    keep_snapshot(&engine, &fingerprint);

    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            // `{"run": {"id", "fingerprint", "contacts", "screened", "alerts", "created_at"},
            //   "alerts": [{"contact_id", "hit", "reason"}]}`
            let alerts: Vec<_> = alerts
                .iter()
                .map(|a| serde_json::json!({"contact_id": a.contact_id, "hit": a.hit, "reason": a.reason}))
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({"run": run, "alerts": alerts}))?)?;
        }
        Format::Table => {
            let how = if unchanged { "lists unchanged since the last run, nothing screened" } else { "screened" };
            writeln!(
                out,
                "monitor run {}: {} contacts, {} {how}, {} alerts",
                run.id, run.contacts, run.screened, run.alerts
            )?;
            if !alerts.is_empty() {
                let rows: Vec<Vec<String>> = alerts
                    .iter()
                    .map(|a| {
                        vec![
                            a.contact_id.to_string(),
                            a.reason.clone(),
                            a.hit["risk"].as_str().unwrap_or("").to_owned(),
                            a.hit["caption"].as_str().unwrap_or("").to_owned(),
                            a.entity_id.clone(),
                        ]
                    })
                    .collect();
                write!(out, "{}", table(&["contact", "reason", "risk", "name", "id"], &rows))?;
            }
        }
    }
    Ok(())
}

fn alert(contact_id: i64, hit: serde_json::Value, entity_id: &str, reason: &str) -> NewAlert {
    NewAlert { contact_id, entity_id: entity_id.to_owned(), reason: reason.to_owned(), hit }
}

/// What changed between the artifact of the last run and the loaded one.
struct Changes {
    /// Entities (old and new ids) with a record added, changed or removed.
    entities: HashSet<String>,
    /// Postings keys of the names of entities with a record added or changed.
    keys: HashSet<String>,
}

fn snapshot_path(engine: &Engine, fingerprint: &str) -> PathBuf {
    let index = engine.index().path();
    let stem = index.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    index.with_file_name(format!("{stem}.monitor-{fingerprint}.vtx"))
}

/// Compares the records of the last run's artifact with the loaded ones; `None` when it is gone or unreadable.
fn changes_since(engine: &Engine, old_path: &Path) -> Option<Changes> {
    let old = vetter_index::Index::open(old_path).ok()?;
    let (od, nd) = (old.data(), engine.index().data());
    let old_records: HashMap<&str, (u64, u32)> =
        od.records.iter().map(|r| (r.id.as_str(), (r.content_hash.to_native(), r.entity.to_native()))).collect();
    let mut entities = HashSet::new();
    let mut touched = Vec::new();
    let mut seen = HashSet::new();
    for r in nd.records.iter() {
        let id = r.id.as_str();
        seen.insert(id);
        match old_records.get(id) {
            Some((hash, _)) if *hash == r.content_hash.to_native() => continue,
            Some((_, e)) => {
                entities.insert(od.entities.get(*e as usize)?.id.to_string());
            }
            None => {}
        }
        touched.push(r.entity.to_native());
    }
    for (id, (_, e)) in &old_records {
        if !seen.contains(id) {
            entities.insert(od.entities.get(*e as usize)?.id.to_string());
        }
    }
    let mut keys = HashSet::new();
    touched.sort_unstable();
    touched.dedup();
    for e in touched {
        let entity = engine.index().entity(e)?;
        for (_, name) in entity.names() {
            for schema in [entity.schema, vetter_model::Schema::LegalEntity] {
                keys.extend(vetter_engine::screen::name_keys(&vetter_matcher::prepare(name, schema)));
            }
        }
        entities.insert(entity.id);
    }
    Some(Changes { entities, keys })
}

/// Links the loaded artifact as this run's snapshot and removes older snapshots.
fn keep_snapshot(engine: &Engine, fingerprint: &str) {
    let path = snapshot_path(engine, fingerprint);
    if !path.exists() && std::fs::hard_link(engine.index().path(), &path).is_err() {
        let _ = std::fs::copy(engine.index().path(), &path);
    }
    let Some(dir) = path.parent() else { return };
    let stem = engine.index().path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!("{stem}.monitor-");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".vtx") && entry.path() != path {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
