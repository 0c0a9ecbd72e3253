//! The `vetter` command line: screening of people and organisations against
//! sanctions and PEP lists.
//!
//! Exit codes: 0 when the command ran, 2 on a usage, input or runtime error.
//! stdout carries data only; warnings and progress go to stderr.

mod audit;
mod bulk;
mod compare;
mod contacts;
mod eval;
mod lists;
mod monitor;
mod output;
mod review;
mod scan;
mod screen;
mod serve;
mod update;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

/// mimalloc rather than glibc's allocator: scanning, screening and the
/// server allocate many small strings (about a fifth of a scan's
/// instructions went to malloc and free; BENCHMARKS.md, issue 6).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sanctions and PEP screening.
#[derive(Debug, Parser)]
#[command(name = "vetter", version, about, long_about = None)]
struct Cli {
    /// Folder of list files (layout of `data/lists`); defaults to the bundled lists.
    #[arg(long, global = true, env = "VETTER_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// Compiled index file; defaults to one per data folder in the cache folder.
    #[arg(long, global = true, env = "VETTER_INDEX", value_name = "FILE")]
    index: Option<PathBuf>,
    /// Print no warnings.
    #[arg(short, long, global = true, env = "VETTER_QUIET")]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Inspect the loaded lists.
    #[command(subcommand)]
    Lists(lists::ListsCommand),
    /// Find the listed entities a person, organisation or vessel may be.
    Screen(screen::ScreenArgs),
    /// Score two names, or every pair of a CSV file (`--input`).
    Compare(compare::CompareArgs),
    /// Precision, recall and F1 of the matcher on labelled pairs (the bundled evaluation set by default).
    Eval(eval::EvalArgs),
    /// Find listed entities, jurisdictions, officials and a subject's contacts in articles and memos.
    Scan(scan::ScanArgs),
    /// Serve the HTTP API (yente-compatible matching, reconciliation) and the web UI.
    Serve(serve::ServeArgs),
    /// The contacts ledger: store, import and list a subject's contacts, each counterpart screened.
    #[command(subcommand)]
    Contacts(contacts::ContactsCommand),
    /// Confirm or dismiss one hit of a stored contact.
    Review(review::ReviewArgs),
    /// Screen every stored contact again and report new, changed and removed hits as alerts.
    Monitor(monitor::MonitorArgs),
    /// Export the ledger's audit log, or `verify` its hash chain.
    Audit(audit::AuditArgs),
    /// Maintain the ledger: `backup PATH`.
    #[command(subcommand)]
    Db(contacts::DbCommand),
    /// A subject's exposure: contacts in date order with each counterpart's risk and evidence.
    Report(contacts::ReportArgs),
}

/// Output format of commands that print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Table,
    /// JSON for programs; stable field names.
    Json,
}

/// Settings every command needs, resolved from flags and the environment.
pub struct Settings {
    data_dir: PathBuf,
    /// Whether the data folder was named (`--data`, `VETTER_DATA`) rather than the bundled lists.
    data_given: bool,
    index: Option<PathBuf>,
    quiet: bool,
}

impl Settings {
    fn from_cli(cli: &Cli) -> anyhow::Result<Settings> {
        let data_dir = match &cli.data {
            Some(d) => d.clone(),
            None => bundled_data_dir().context("no data folder given and the bundled lists were not found")?,
        };
        Ok(Settings { data_dir, data_given: cli.data.is_some(), index: cli.index.clone(), quiet: cli.quiet })
    }

    /// Opens the engine over the data folder, rebuilding the index when needed.
    pub fn open(&self) -> anyhow::Result<vetter_engine::Engine> {
        open_engine(&self.data_dir, self.index.clone(), false, self.quiet)
    }
}

/// Opens an engine and prints a short note on stderr when the index was rebuilt with warnings.
pub fn open_engine(
    data_dir: &std::path::Path,
    index: Option<PathBuf>,
    force: bool,
    quiet: bool,
) -> anyhow::Result<vetter_engine::Engine> {
    let options = vetter_engine::OpenOptions { data_dir: data_dir.to_owned(), index_path: index, force_rebuild: force };
    let (engine, report) = vetter_engine::Engine::open(&options)
        .with_context(|| format!("loading the lists in `{}`", data_dir.display()))?;
    if report.rebuilt && !quiet {
        let _ = writeln!(
            std::io::stderr(),
            "vetter: compiled the lists in `{}` ({} entities, {} warnings; `vetter lists build --warnings` lists them)",
            data_dir.display(),
            engine.len(),
            report.warnings.len()
        );
    }
    Ok(engine)
}

/// The bundled lists: `./data/lists`, next to the executable's repository, or where this crate was built.
fn bundled_data_dir() -> Option<PathBuf> {
    bundled_dir("lists", &["MANIFEST.md", "ofac_sdn"])
}

/// A folder of the bundled data, `data/<name>`: under the working folder,
/// next to the executable's repository, or where this crate was built; the
/// first that holds one of `markers`.
pub fn bundled_dir(name: &str, markers: &[&str]) -> Option<PathBuf> {
    let mut candidates = vec![PathBuf::from("data").join(name)];
    if let Ok(exe) = std::env::current_exe() {
        for up in exe.ancestors().skip(1).take(4) {
            candidates.push(up.join("data").join(name));
        }
    }
    candidates.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).join(name));
    candidates.into_iter().find(|c| markers.iter().any(|m| c.join(m).exists()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Lists(cmd) => Settings::from_cli(&cli).and_then(|settings| lists::run(cmd, &settings)),
        Command::Screen(args) => Settings::from_cli(&cli).and_then(|settings| screen::run(args, &settings)),
        Command::Compare(args) => compare::run(args, cli.quiet),
        Command::Eval(args) => eval::run(args, cli.data.as_deref(), cli.quiet),
        Command::Scan(args) => Settings::from_cli(&cli).and_then(|settings| scan::run(args, &settings)),
        Command::Serve(args) => Settings::from_cli(&cli).and_then(|settings| serve::run(args, &settings)),
        Command::Contacts(cmd) => Settings::from_cli(&cli).and_then(|settings| contacts::run(cmd, &settings)),
        Command::Review(args) => review::run(args),
        Command::Monitor(args) => Settings::from_cli(&cli).and_then(|settings| monitor::run(args, &settings)),
        Command::Audit(args) => audit::run(args),
        Command::Db(cmd) => contacts::run_db(cmd),
        Command::Report(args) => contacts::run_report(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            ExitCode::from(2)
        }
    }
}
