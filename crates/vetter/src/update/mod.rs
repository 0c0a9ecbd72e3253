//! `vetter lists update`: fetches each list from its publication URL into a staging folder,
//! verifies it with the list's own parser and against the entity count of the snapshot in use,
//! and makes it the newest snapshot by one rename; every outcome is an audit-log entry.
//!
//! Per source folder (`<data>/<source>/`):
//! - `.staging-<time>-<pid>/`: a download in progress. Discovery and the engine's fingerprint
//!   skip dot-folders, so a crash leaves nothing that is read; the next update removes it.
//! - `.rejected-<time>-<pid>/`: the last download that failed verification, kept for
//!   inspection until the next update of that source.
//! - `<YYYY-MM-DD>[_<HHMMSS>[_<n>]]/`: a snapshot, only ever created by renaming a verified
//!   staging folder, named so that it sorts after every snapshot folder already there; it holds
//!   the files and `.vetter-snapshot.json` (URL, size, sha256, ETag and Last-Modified of each file,
//!   fetch time, entity count), whose validators make the next download conditional.

mod catalog;
mod fetch;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use vetter_sources::{DatasetSource, Format, Severity};

use crate::contacts::LedgerArgs;
use crate::output::{count, table};
use crate::{Format as OutputFormat, Settings};
use catalog::Spec;
use fetch::{Client, Fetched, Limits, Validators};

/// The metadata file written into every snapshot folder an update creates.
const META: &str = ".vetter-snapshot.json";
/// The lock file that keeps two updates of one data folder apart.
const LOCK: &str = ".vetter-update.lock";

/// Arguments of `vetter lists update`.
#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// Update only this dataset (repeatable): `us_ofac_sdn`, `us_ofac_cons`, `un_sc_sanctions`,
    /// `gb_fcdo_sanctions`, `us_trade_csl`, `ua_war_sanctions`, `interpol_red_notices`,
    /// `us_congress`, `eu_journal_sanctions`, `wd_peps`.
    #[arg(long = "source", value_name = "DATASET")]
    pub sources: Vec<String>,
    /// URLs per dataset and file, a JSON file: `{"sources": {"us_ofac_sdn": {"sdn.csv": "https://..."}}}`;
    /// a dataset named there gets exactly the files listed.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The URL of one file, `DATASET/FILE=URL` (repeatable; applied after `--config`).
    #[arg(long = "url", value_name = "DATASET/FILE=URL")]
    pub urls: Vec<String>,
    /// Largest drop in entities accepted, in percent of the snapshot in use.
    #[arg(long, default_value_t = 10.0, value_name = "PERCENT")]
    pub max_shrink: f64,
    /// Accept a list that lost more entities than `--max-shrink` allows.
    #[arg(long)]
    pub allow_shrink: bool,
    /// Fetch and verify, but keep the snapshots in use.
    #[arg(long)]
    pub dry_run: bool,
    /// Compile the index right after an update (otherwise the next command does).
    #[arg(long)]
    pub build: bool,
    /// Time allowed for one attempt at one file, in seconds.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub timeout: u64,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = 512 << 20, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Further attempts after a connection error or a 5xx answer (1 s, 2 s... apart).
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub retries: u32,
    /// The ledger whose audit log records each update: a SQLite file (created on first use) or
    /// `postgres://user:pw@host/db`; defaults to `vetter/ledger.db` in `$XDG_DATA_HOME`.
    #[arg(long, env = "VETTER_DB", value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// What happened to one dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    /// A new snapshot folder is in use.
    Updated,
    /// The files are those of the snapshot in use; nothing was written.
    Unchanged,
    /// `--dry-run`: the download verified and was discarded.
    Verified,
    /// The download was refused (does not parse, no entities, shrank too much).
    Rejected,
    /// The download did not complete (HTTP error, connection, timeout, size limit).
    Failed,
    /// No URL is known for the dataset.
    Skipped,
}

/// One file of a download, as recorded in the report, the audit entry and `.vetter-snapshot.json`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct FileRecord {
    name: String,
    url: String,
    bytes: u64,
    sha256: String,
    /// 200, or 304 when the file was not modified and was copied from the snapshot in use.
    http: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
}

/// `.vetter-snapshot.json`.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct SnapshotMeta {
    dataset: String,
    fetched_at: String,
    vetter_version: String,
    entities: u64,
    previous_snapshot: Option<String>,
    files: Vec<FileRecord>,
}

/// The outcome for one dataset.
///
/// Wire format (`--format json`, and the `data` of the `list_update` audit entry):
/// `{"dataset", "status": "updated|unchanged|verified|rejected|failed|skipped", "snapshot",
/// "previous_snapshot", "entities": {"old", "new"}, "reason", "kept", "cleaned", "files":
/// [{"name", "url", "bytes", "sha256", "http", "etag", "last_modified"}]}`.
#[derive(Debug, serde::Serialize)]
struct Outcome {
    dataset: String,
    status: Status,
    /// The snapshot folder in use after the update.
    snapshot: Option<String>,
    /// The snapshot folder in use before.
    previous_snapshot: Option<String>,
    entities: Counts,
    reason: Option<String>,
    /// Where a rejected download was kept.
    kept: Option<PathBuf>,
    /// Leftover staging and rejected folders removed.
    cleaned: Vec<String>,
    files: Vec<FileRecord>,
}

#[derive(Debug, Default, serde::Serialize)]
struct Counts {
    old: Option<u64>,
    new: Option<u64>,
}

/// Runs `vetter lists update`.
pub fn run(args: &UpdateArgs, settings: &Settings) -> anyhow::Result<()> {
    if !settings.data_given {
        bail!(
            "`lists update` writes snapshots into the data folder and needs it named\n\
             hint: give it with `--data DIR` or `VETTER_DATA` (the bundled lists are never updated in place)"
        );
    }
    if !(0.0..=100.0).contains(&args.max_shrink) {
        bail!("`--max-shrink {}`: a percentage from 0 to 100", args.max_shrink);
    }
    let mut specs = catalog::built_in();
    if let Some(path) = &args.config {
        catalog::apply_config(&mut specs, path)?;
    }
    for url in &args.urls {
        catalog::apply_url(&mut specs, url)?;
    }
    let data_dir = &settings.data_dir;
    fs_err::create_dir_all(data_dir)?;
    let _lock = lock(data_dir)?;
    let selected = select(specs, &args.sources, data_dir)?;
    let mut ledger = LedgerArgs { db: args.db.clone(), risk_rules: None }.open()?;
    let client = Client::new(Limits {
        max_bytes: args.max_bytes,
        timeout: Duration::from_secs(args.timeout.max(1)),
        retries: args.retries,
    });

    let mut outcomes = Vec::new();
    for spec in &selected {
        let current = current_sources(data_dir)?.into_iter().find(|s| s.dataset == spec.dataset);
        let mut outcome = if spec.files.is_empty() {
            // Named with `--source`, a list without a URL is a failure; otherwise it is skipped.
            let reason = spec.no_url.unwrap_or("no URL configured").to_owned();
            let status = if args.sources.is_empty() { Status::Skipped } else { Status::Failed };
            Outcome::new(
                spec,
                current.as_ref(),
                status,
                Some(format!("{reason}; hint: `--url {}/FILE=URL`", spec.dataset)),
            )
        } else {
            update_one(spec, data_dir, current.as_ref(), &client, args)
        };
        let mut data = serde_json::to_value(&outcome)?;
        let absolute = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.clone());
        data["data_dir"] = absolute.display().to_string().into();
        data["dry_run"] = args.dry_run.into();
        if let Err(e) = ledger.append_audit("list_update", &data) {
            let note = format!("the audit entry could not be written: {e}");
            outcome.reason = Some(outcome.reason.map_or(note.clone(), |r| format!("{r}; {note}")));
            if outcome.status != Status::Updated {
                outcome.status = Status::Failed;
            }
            outcomes.push(outcome);
            report(args.format, &outcomes, args.dry_run)?;
            bail!("writing the audit entry for `{}`: {e}", spec.dataset);
        }
        outcomes.push(outcome);
    }
    report(args.format, &outcomes, args.dry_run)?;

    if args.build && !args.dry_run && outcomes.iter().any(|o| o.status == Status::Updated) {
        crate::open_engine(data_dir, settings.index.clone(), false, settings.quiet)?;
    }
    let bad: Vec<&str> = outcomes
        .iter()
        .filter(|o| matches!(o.status, Status::Failed | Status::Rejected))
        .map(|o| o.dataset.as_str())
        .collect();
    if !bad.is_empty() {
        bail!(
            "{} of {} lists were not updated ({}); the snapshots in use are unchanged",
            bad.len(),
            outcomes.len(),
            bad.join(", ")
        );
    }
    Ok(())
}

/// The datasets to update: those named by `--source`, else those the data folder has.
fn select(specs: Vec<Spec>, named: &[String], data_dir: &Path) -> anyhow::Result<Vec<Spec>> {
    let known = || specs.iter().map(|s| s.dataset.as_str()).collect::<Vec<_>>().join(", ");
    if named.is_empty() {
        let present: Vec<String> = current_sources(data_dir)?.into_iter().map(|s| s.dataset).collect();
        let selected: Vec<Spec> = specs.iter().filter(|s| present.contains(&s.dataset)).cloned().collect();
        if selected.is_empty() {
            bail!(
                "`{}` has no list vetter can update yet\nhint: name the lists to fetch with `--source`: {}",
                data_dir.display(),
                known()
            );
        }
        return Ok(selected);
    }
    let mut out = Vec::new();
    for id in named {
        let spec = specs
            .iter()
            .find(|s| &s.dataset == id)
            .with_context(|| format!("`--source {id}`: unknown dataset\nhint: the datasets are {}", known()))?;
        out.push(spec.clone());
    }
    Ok(out)
}

/// Takes the update lock of the data folder, released when the returned file is dropped
/// (or the process ends).
fn lock(data_dir: &Path) -> anyhow::Result<std::fs::File> {
    let path = data_dir.join(LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening `{}`", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            bail!("another `vetter lists update` is running on `{}` (it holds `{LOCK}`)", data_dir.display())
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e).with_context(|| format!("locking `{}`", path.display())),
    }
}

/// The datasets the data folder has now, as discovery sees them.
fn current_sources(data_dir: &Path) -> anyhow::Result<Vec<DatasetSource>> {
    match vetter_sources::discover(data_dir) {
        Ok((sources, _)) => Ok(sources),
        // An empty folder (a first update) has no datasets yet.
        Err(vetter_sources::SourceError::NotADataFolder { .. }) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

impl Outcome {
    fn new(spec: &Spec, current: Option<&DatasetSource>, status: Status, reason: Option<String>) -> Outcome {
        let previous = current.map(snapshot_folder_name);
        Outcome {
            dataset: spec.dataset.clone(),
            status,
            snapshot: previous.clone(),
            previous_snapshot: previous,
            entities: Counts::default(),
            reason,
            kept: None,
            cleaned: Vec::new(),
            files: Vec::new(),
        }
    }
}

/// The name of the snapshot folder a dataset is read from (that of its first file).
fn snapshot_folder_name(source: &DatasetSource) -> String {
    let folder = source.files.first().map(|f| snapshot_folder_of(f, source.format)).unwrap_or_default();
    folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The snapshot folder holding `file`.
fn snapshot_folder_of(file: &Path, format: Format) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new(""));
    if format == Format::EuJournalCsv { parent.parent().unwrap_or(parent).to_owned() } else { parent.to_owned() }
}

/// The name of `file` relative to its snapshot folder (`sdn.csv`, `consolidated/32014R0269.csv`).
fn relative_name(file: &Path, format: Format) -> String {
    let folder = snapshot_folder_of(file, format);
    file.strip_prefix(&folder).unwrap_or(file).to_string_lossy().replace('\\', "/")
}

/// Fetches, verifies and swaps in one dataset; never replaces the snapshot in use unless the
/// download verified.
fn update_one(
    spec: &Spec,
    data_dir: &Path,
    current: Option<&DatasetSource>,
    client: &Client,
    args: &UpdateArgs,
) -> Outcome {
    let mut outcome = Outcome::new(spec, current, Status::Failed, None);
    let source_dir = data_dir.join(&spec.folder);
    let now = Utc::now();
    let staging = source_dir.join(format!(".staging-{}-{}", now.stamp(), std::process::id()));
    let created = !source_dir.exists();
    let result = (|| -> Result<Status, Refusal> {
        fs_err::create_dir_all(&source_dir).map_err(fail)?;
        outcome.cleaned = clean_leftovers(&source_dir).map_err(fail)?;
        fs_err::create_dir(&staging).map_err(fail)?;
        let fetched = fetch_all(spec, &source_dir, &staging, current, client, &mut outcome.files)?;

        if let Some(current) = current
            && same_content(current, spec, &fetched).map_err(fail)?
        {
            return Ok(Status::Unchanged);
        }

        let staged = staged_source(spec, &staging, current, &now.date());
        let new = verify(&staged, &staging)?;
        outcome.entities.new = Some(new);
        let old = current.and_then(|c| vetter_sources::parse(c).ok()).map(|p| p.entities.len() as u64);
        outcome.entities.old = old;
        if new == 0 {
            return Err(Refusal::Rejected("the download has no entities".into()));
        }
        if let Some(old) = old
            && old > new
        {
            let drop = (old - new) as f64 * 100.0 / old as f64;
            if drop > args.max_shrink && !args.allow_shrink {
                return Err(Refusal::Rejected(format!(
                    "suspicious: {} entities instead of {} (-{drop:.1}%, more than the {}% `--max-shrink` allows); \
                     hint: `--allow-shrink` accepts it",
                    count(new),
                    count(old),
                    args.max_shrink
                )));
            }
        }
        if args.dry_run {
            return Ok(Status::Verified);
        }

        let meta = SnapshotMeta {
            dataset: spec.dataset.clone(),
            fetched_at: now.rfc3339(),
            vetter_version: env!("CARGO_PKG_VERSION").to_owned(),
            entities: new,
            previous_snapshot: outcome.previous_snapshot.clone(),
            files: outcome.files.clone(),
        };
        write_synced(&staging.join(META), &serde_json::to_vec_pretty(&meta).map_err(fail)?).map_err(fail)?;
        sync_dir(&staging).map_err(fail)?;
        let name = snapshot_name(&source_dir, &now).map_err(|e| Refusal::Rejected(format!("{e:#}")))?;
        let target = source_dir.join(&name);
        fs_err::rename(&staging, &target).map_err(fail)?;
        sync_dir(&source_dir).map_err(fail)?;
        outcome.snapshot = Some(name);

        // Discovery must now read the new folder; if it does not, take the folder out again.
        let found = current_sources(data_dir).map_err(fail)?.into_iter().find(|s| s.dataset == spec.dataset);
        let read = found.is_some_and(|s| spec.files.keys().all(|n| s.files.contains(&target.join(n))));
        if !read {
            let kept = source_dir.join(format!(".rejected-{}-{}", now.stamp(), std::process::id()));
            fs_err::rename(&target, &kept).map_err(fail)?;
            outcome.snapshot = outcome.previous_snapshot.clone();
            return Err(Refusal::Rejected(format!(
                "discovery would not read the new snapshot folder `{}`; it was taken out again",
                target.display()
            )));
        }
        Ok(Status::Updated)
    })();
    match result {
        Ok(status) => {
            outcome.status = status;
            if status != Status::Updated {
                let _ = fs_err::remove_dir_all(&staging);
            }
            if status == Status::Verified {
                outcome.reason = Some("dry run: the snapshot in use was kept".into());
            }
        }
        Err(Refusal::Failed(e)) => {
            outcome.status = Status::Failed;
            outcome.reason = Some(format!("{e:#}"));
            let _ = fs_err::remove_dir_all(&staging);
            if created {
                // The source folder this update made for a first download; `remove_dir` only
                // removes it when empty.
                let _ = std::fs::remove_dir(&source_dir);
            }
        }
        Err(Refusal::Rejected(reason)) => {
            outcome.status = Status::Rejected;
            outcome.reason = Some(reason);
            if staging.is_dir() {
                let kept = source_dir.join(format!(".rejected-{}-{}", now.stamp(), std::process::id()));
                match fs_err::rename(&staging, &kept) {
                    Ok(()) => outcome.kept = Some(kept),
                    Err(_) => {
                        let _ = fs_err::remove_dir_all(&staging);
                    }
                }
            }
        }
    }
    outcome
}

/// Why a download was not swapped in.
enum Refusal {
    /// It did not complete.
    Failed(anyhow::Error),
    /// It completed and did not verify.
    Rejected(String),
}

fn fail(e: impl Into<anyhow::Error>) -> Refusal {
    Refusal::Failed(e.into())
}

/// Removes the `.staging-*` and `.rejected-*` folders earlier updates left in `source_dir`.
fn clean_leftovers(source_dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut cleaned = Vec::new();
    for entry in fs_err::read_dir(source_dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if (name.starts_with(".staging-") || name.starts_with(".rejected-")) && entry.path().is_dir() {
            fs_err::remove_dir_all(entry.path())?;
            cleaned.push(name);
        }
    }
    cleaned.sort();
    Ok(cleaned)
}

/// Downloads every file of `spec` into `staging`, conditionally when the snapshot in use has
/// validators for the same URL; a 304 copies the file in use. Returns the staged file names and
/// their sha256.
fn fetch_all(
    spec: &Spec,
    source_dir: &Path,
    staging: &Path,
    current: Option<&DatasetSource>,
    client: &Client,
    records: &mut Vec<FileRecord>,
) -> Result<Vec<(String, String)>, Refusal> {
    let previous = newest_meta(source_dir);
    let mut staged = Vec::new();
    for (name, url) in &spec.files {
        let dest = staging.join(name);
        if let Some(parent) = dest.parent() {
            fs_err::create_dir_all(parent).map_err(fail)?;
        }
        // The file in use and what its download said, when it came from this same URL.
        let in_use = current.and_then(|c| c.files.iter().find(|f| relative_name(f, c.format) == *name));
        let validators = match (&previous, in_use) {
            (Some(meta), Some(path)) => meta
                .files
                .iter()
                .find(|r| r.name == *name && r.url == *url && (r.etag.is_some() || r.last_modified.is_some()))
                .filter(|r| fetch::sha256_file(path).is_ok_and(|sha| sha == r.sha256))
                .map(|r| Validators { etag: r.etag.clone(), last_modified: r.last_modified.clone() }),
            _ => None,
        };
        let fetched = client.fetch(url, &dest, validators.as_ref()).map_err(|e| fail(e.context(name.clone())))?;
        let record = match fetched {
            Fetched::NotModified => {
                let from = in_use.expect("validators are only sent for a file in use");
                fetch::copy_synced(from, &dest).map_err(fail)?;
                let sha256 = fetch::sha256_file(&dest).map_err(fail)?;
                let bytes = fs_err::metadata(&dest).map_err(fail)?.len();
                let v = validators.unwrap_or_default();
                FileRecord {
                    name: name.clone(),
                    url: url.clone(),
                    bytes,
                    sha256,
                    http: 304,
                    etag: v.etag,
                    last_modified: v.last_modified,
                }
            }
            Fetched::Body { bytes, sha256, validators } => FileRecord {
                name: name.clone(),
                url: url.clone(),
                bytes,
                sha256,
                http: 200,
                etag: validators.etag,
                last_modified: validators.last_modified,
            },
        };
        let empty = record.bytes == 0;
        staged.push((record.name.clone(), record.sha256.clone()));
        records.push(record);
        if empty {
            return Err(Refusal::Rejected(format!("{name}: {url} sent an empty file")));
        }
    }
    Ok(staged)
}

/// The `.vetter-snapshot.json` of the newest snapshot folder of `source_dir`, if it has one.
fn newest_meta(source_dir: &Path) -> Option<SnapshotMeta> {
    let newest = snapshot_dirs(source_dir).ok()?.pop()?;
    let text = fs_err::read(source_dir.join(newest).join(META)).ok()?;
    serde_json::from_slice(&text).ok()
}

/// Whether the staged files are, byte for byte, the files in use they replace.
fn same_content(current: &DatasetSource, spec: &Spec, staged: &[(String, String)]) -> anyhow::Result<bool> {
    // Files in use that the download does not replace (OFAC's alt.csv from an older folder,
    // when only sdn.csv is configured) stay out of the comparison.
    let mut in_use = Vec::new();
    for f in &current.files {
        let name = relative_name(f, current.format);
        if current.format == Format::OfacSdn && !spec.files.contains_key(&name) {
            continue;
        }
        in_use.push(fetch::sha256_file(f)?);
    }
    let mut new: Vec<&str> = staged.iter().map(|(_, sha)| sha.as_str()).collect();
    in_use.sort();
    new.sort_unstable();
    Ok(in_use == new)
}

/// The dataset as discovery will read it once `staging` is the newest snapshot folder.
fn staged_source(spec: &Spec, staging: &Path, current: Option<&DatasetSource>, date: &str) -> DatasetSource {
    let mut names: Vec<&String> = spec.files.keys().collect();
    // Discovery's order: OFAC's sdn.csv first, the EU's consolidated files before amendments.
    names.sort_by_key(|n| (!(n.as_str() == "sdn.csv" || n.starts_with("consolidated/")), n.as_str()));
    let mut files: Vec<PathBuf> = names.iter().map(|n| staging.join(n)).collect();
    if spec.format == Format::OfacSdn
        && let Some(current) = current
    {
        for carried in ["alt.csv", "add.csv"] {
            if !spec.files.contains_key(carried)
                && let Some(f) = current.file_named(carried)
            {
                files.push(f.to_owned());
            }
        }
    }
    DatasetSource { dataset: spec.dataset.clone(), format: spec.format, snapshot: date.to_owned(), files }
}

/// Parses the staged files with the dataset's parser; any error rejects the download.
fn verify(staged: &DatasetSource, staging: &Path) -> Result<u64, Refusal> {
    let parsed =
        vetter_sources::parse(staged).map_err(|e| Refusal::Rejected(format!("the download cannot be read: {e}")))?;
    let errors: Vec<String> = parsed
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| format!("{}{}: {}", i.file.strip_prefix(staging).unwrap_or(&i.file).display(), i.location, i.message))
        .collect();
    if let Some(first) = errors.first() {
        return Err(Refusal::Rejected(format!(
            "the download does not parse: {} error(s), first: {first}",
            count(errors.len() as u64)
        )));
    }
    Ok(parsed.entities.len() as u64)
}

/// The snapshot folders of a source folder, sorted by name as discovery sorts them.
fn snapshot_dirs(source_dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs_err::read_dir(source_dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.path().is_dir() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The name of a new snapshot folder: today's date, or with the time (and a counter) when a
/// folder of that name exists or sorts after it, so the new folder is the newest.
fn snapshot_name(source_dir: &Path, now: &Utc) -> anyhow::Result<String> {
    let newest = snapshot_dirs(source_dir)?.pop();
    pick_name(newest.as_deref(), &now.date(), &now.time(), |name| source_dir.join(name).exists())
}

fn pick_name(newest: Option<&str>, date: &str, time: &str, exists: impl Fn(&str) -> bool) -> anyhow::Result<String> {
    let mut candidates = vec![date.to_owned(), format!("{date}_{time}")];
    candidates.extend((1..100).map(|n| format!("{date}_{time}_{n:02}")));
    candidates.into_iter().find(|c| newest.is_none_or(|n| c.as_str() > n) && !exists(c)).with_context(|| {
        format!(
            "the newest snapshot folder `{}` sorts after today's date {date}: a new snapshot would not be used\n\
                 hint: check the clock, or rename that folder",
            newest.unwrap_or_default()
        )
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = fs_err::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all().with_context(|| format!("writing `{}`", path.display()))?;
    Ok(())
}

/// Flushes a folder's entries (a rename into it) to disk.
fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    fs_err::File::open(dir)?.sync_all().with_context(|| format!("syncing `{}`", dir.display()))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Prints the outcomes.
fn report(format: OutputFormat, outcomes: &[Outcome], dry_run: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json => {
            let json = serde_json::json!({ "dry_run": dry_run, "sources": outcomes });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        OutputFormat::Table => {
            let num = |n: Option<u64>| n.map_or_else(|| "-".to_owned(), count);
            let rows: Vec<Vec<String>> = outcomes
                .iter()
                .map(|o| {
                    let status = serde_json::to_value(o.status).ok().and_then(|v| v.as_str().map(str::to_owned));
                    let entities = match (o.entities.old, o.entities.new) {
                        (None, None) => "-".to_owned(),
                        (old, new) => format!("{} -> {}", num(old), num(new)),
                    };
                    let mut detail = o.reason.clone().unwrap_or_default();
                    if let Some(kept) = &o.kept {
                        detail.push_str(&format!(" (download kept in `{}`)", kept.display()));
                    }
                    vec![
                        o.dataset.clone(),
                        status.unwrap_or_default(),
                        o.snapshot.clone().unwrap_or_else(|| "-".into()),
                        entities,
                        detail,
                    ]
                })
                .collect();
            write!(out, "{}", table(&["dataset", "status", "snapshot", "entities", "detail"], &rows))?;
        }
    }
    Ok(())
}

/// A UTC time from the system clock, as the few strings an update needs.
struct Utc {
    secs: u64,
}

impl Utc {
    fn now() -> Utc {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Utc { secs }
    }

    fn parts(&self) -> (i64, u32, u32, u64, u64, u64) {
        let (y, m, d) = vetter_store::civil_from_days((self.secs / 86_400) as i64);
        let s = self.secs % 86_400;
        (y, m, d, s / 3600, s / 60 % 60, s % 60)
    }

    /// `2026-11-25`
    fn date(&self) -> String {
        let (y, m, d, ..) = self.parts();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `134501`
    fn time(&self) -> String {
        let (.., h, mi, s) = self.parts();
        format!("{h:02}{mi:02}{s:02}")
    }

    /// `20261125T134501Z`
    fn stamp(&self) -> String {
        format!("{}T{}Z", self.date().replace('-', ""), self.time())
    }

    /// `2026-11-25T13:45:01Z`
    fn rfc3339(&self) -> String {
        let (y, m, d, h, mi, s) = self.parts();
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

#[cfg(test)]
mod tests {
    //! 1. Dates from day counts, across leap days and the epoch.
    //! 2. A new snapshot folder sorts after every existing one, or the update is refused.

    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(vetter_store::civil_from_days(0), (1970, 1, 1));
        assert_eq!(vetter_store::civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(vetter_store::civil_from_days(20_516), (2026, 3, 4));
        assert_eq!(vetter_store::civil_from_days(-1), (1969, 12, 31));
        let t = Utc { secs: 1_795_614_301 };
        assert_eq!(t.rfc3339(), "2026-11-25T13:45:01Z");
        assert_eq!(t.stamp(), "20261125T134501Z");
    }

    fn check_name(newest: Option<&str>, existing: &[&str], expect: Result<&str, &str>) {
        let got = pick_name(newest, "2026-11-25", "134501", |c| existing.contains(&c));
        match (got, expect) {
            (Ok(name), Ok(want)) => assert_eq!(name, want),
            (Err(e), Err(want)) => assert!(format!("{e:#}").contains(want), "{e:#}"),
            (got, want) => panic!("{newest:?}: got {got:?}, wanted {want:?}"),
        }
    }

    #[test]
    fn snapshot_names_sort_last() {
        check_name(None, &[], Ok("2026-11-25"));
        check_name(Some("2025-12-19"), &[], Ok("2026-11-25"));
        check_name(Some("2026-11-25"), &["2026-11-25"], Ok("2026-11-25_134501"));
        check_name(Some("2026-11-25_134501"), &["2026-11-25", "2026-11-25_134501"], Ok("2026-11-25_134501_01"));
        check_name(Some("2026-11-25_add_alt_only"), &[], Err("sorts after today's date 2026-11-25"));
        check_name(Some("2027-01-01"), &[], Err("check the clock"));
    }
}
