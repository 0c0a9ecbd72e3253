//! `vetter audit [--format json]` exports the ledger's audit log;
//! `vetter audit verify` recomputes its hash chain and names the first entry
//! that was altered, removed or inserted (exit 2).

use std::io::Write;

use crate::Format;
use crate::contacts::LedgerArgs;
use crate::output::table;

/// Arguments of `vetter audit`.
#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: Option<AuditCommand>,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", global = true)]
    pub format: Format,
}

/// `vetter audit` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain; exit 2 naming the first entry that does not fit.
    Verify,
}

/// Runs `vetter audit`.
pub fn run(args: &AuditArgs) -> anyhow::Result<()> {
    let mut store = args.ledger.open()?;
    let mut out = std::io::stdout().lock();
    match args.command {
        Some(AuditCommand::Verify) => {
            let check = store.verify_audit()?;
            if args.format == Format::Json {
                writeln!(out, "{}", serde_json::to_string_pretty(&check)?)?;
            }
            match check.problem {
                None => {
                    if args.format == Format::Table {
                        writeln!(out, "audit log intact: {} entries, hash chain verified", check.entries)?;
                    }
                    Ok(())
                }
                Some(p) => anyhow::bail!("audit log tampered: {}", p.message),
            }
        }
        None => {
            let log = store.audit_log()?;
            match args.format {
                // `{"entries": [{"seq", "at", "action", "data", "prev_hash", "hash"}]}`
                Format::Json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({ "entries": log }))?)?
                }
                Format::Table => {
                    let rows: Vec<Vec<String>> = log
                        .iter()
                        .map(|e| {
                            let mut data = e.data.to_string();
                            if data.chars().count() > 80 {
                                data = data.chars().take(77).collect::<String>() + "...";
                            }
                            vec![e.seq.to_string(), e.at.clone(), e.action.clone(), e.hash[..12].to_owned(), data]
                        })
                        .collect();
                    write!(out, "{}", table(&["seq", "at", "action", "hash", "data"], &rows))?;
                }
            }
            Ok(())
        }
    }
}
