//! `vetter review CONTACT_ID HIT_ID --decision confirmed|dismissed --note TEXT --by NAME`:
//! an analyst's decision on one hit of a stored contact.
//!
//! The review holds for the listed entity as it was screened (its content
//! hash): a dismissed hit does not alert again unless the entity changes.
//! The contact's risk level is recomputed without its dismissed hits.

use std::io::Write;

use anyhow::Context;

use crate::Format;
use crate::contacts::{LedgerArgs, contact_json, facts_of};

/// Arguments of `vetter review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// The contact's id (from `vetter contacts list`).
    pub contact_id: i64,
    /// The hit's entity id (from the contact's hits).
    pub hit_id: String,
    /// `confirmed` (it is the listed entity) or `dismissed` (a false positive).
    #[arg(long, value_parser = ["confirmed", "dismissed"])]
    pub decision: String,
    /// Why.
    #[arg(long)]
    pub note: String,
    /// The analyst's name.
    #[arg(long = "by", value_name = "NAME")]
    pub reviewer: String,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Runs `vetter review`.
pub fn run(args: &ReviewArgs) -> anyhow::Result<()> {
    let rules = args.ledger.rules()?;
    let mut store = args.ledger.open()?;
    let contact = store.contact(args.contact_id)?.with_context(|| format!("no contact with id {}", args.contact_id))?;
    let hits = store.hits(contact.id)?;
    if !hits.iter().any(|h| h.entity_id == args.hit_id) {
        let ids: Vec<&str> = hits.iter().map(|h| h.entity_id.as_str()).collect();
        anyhow::bail!(
            "contact {} has no hit `{}`\nhint: its hits are: {}",
            contact.id,
            args.hit_id,
            if ids.is_empty() { "none".into() } else { ids.join(", ") }
        );
    }
    let active: Vec<_> = hits
        .iter()
        .filter(|h| if h.entity_id == args.hit_id { args.decision != "dismissed" } else { !h.dismissed() })
        .map(facts_of)
        .collect();
    let assessment = rules.assess(&active, contact.country.as_deref());
    let review = vetter_store::NewReview {
        contact_id: contact.id,
        entity_id: args.hit_id.clone(),
        decision: args.decision.clone(),
        note: args.note.clone(),
        reviewer: args.reviewer.clone(),
    };
    let stored = store.review(&review, Some((&assessment.level, &assessment.reason)))?;
    let contact = store.contact(contact.id)?.context("the contact is missing")?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let v = serde_json::json!({"review": stored, "contact": contact_json(&contact, &store.hits(contact.id)?)});
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Table => {
            writeln!(
                out,
                "review {}: hit {} of contact {} {} by {}",
                stored.id, stored.entity_id, contact.id, stored.decision, stored.reviewer
            )?;
            writeln!(
                out,
                "contact {}: risk {} ({}), status {}",
                contact.id, contact.risk, contact.risk_reason, contact.status
            )?;
        }
    }
    Ok(())
}
