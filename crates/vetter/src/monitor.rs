//! `vetter monitor [--format json]`: screens every stored contact again
//! against the lists now loaded and reports what changed since the last run
//! as alerts: a `new` hit, a `changed` listed entity (its content hash
//! differs from the one screened or reviewed), a `removed` hit.
//!
//! Each run is recorded with the index fingerprint it screened against. When
//! the fingerprint is the one of the last run nothing can have changed, so
//! nothing is screened. Otherwise each distinct counterpart (name and country)
//! is screened once, in parallel. A dismissed hit whose entity is unchanged
//! never alerts. Hits, risk levels, the run, its alerts and their audit
//! entries are written in one transaction: a killed run leaves nothing.

use std::collections::HashMap;
use std::io::Write;

use rayon::prelude::*;
use vetter_store::{ContactUpdate, NewAlert, NewHit};

use crate::contacts::{LedgerArgs, screen};
use crate::output::table;
use crate::{Format, Settings};

/// Arguments of `vetter monitor`.
#[derive(Debug, clap::Args)]
pub struct MonitorArgs {
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
    let unchanged = store.last_run()?.is_some_and(|r| r.fingerprint == fingerprint);
    let snapshot = if unchanged { Vec::new() } else { store.monitor_snapshot()? };
    let total = if unchanged { store.count_contacts()? } else { snapshot.len() as i64 };

    // Screen each distinct counterpart once.
    let mut distinct: Vec<(&str, Option<&str>)> =
        snapshot.iter().map(|(c, _)| (c.counterpart.as_str(), c.country.as_deref())).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let results: HashMap<(&str, Option<&str>), _> =
        distinct.par_iter().map(|&(name, country)| ((name, country), screen(&engine, &rules, name, country))).collect();

    let mut updates = Vec::new();
    let mut alerts = Vec::new();
    for (contact, old) in &snapshot {
        let Some((hits, facts, _)) = results.get(&(contact.counterpart.as_str(), contact.country.as_deref())) else {
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
