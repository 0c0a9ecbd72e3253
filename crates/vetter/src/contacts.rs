//! `vetter contacts add|import|list|record`: the ledger of a subject's contacts,
//! each counterpart screened when stored and given a risk level by the rules;
//! `record` stores the contacts `vetter scan --subject` finds in articles.
//!
//! Also the pieces the other ledger commands share: opening the store
//! (`--db`), the risk rules (`--risk-rules`), and turning the engine's hits
//! into stored hits with a content hash of each listed entity.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use rayon::prelude::*;
use vetter_engine::{Engine, Filters, Query};
use vetter_model::Schema;
use vetter_store::risk::{Assessment, HitFacts, RiskRules};
use vetter_store::{Contact, ContactFilter, ImportRow, NewContact, NewHit, Screening, Store, StoredHit};

use crate::output::table;
use crate::{Format, Settings};

/// Rows per transaction in `contacts import`: large enough that a commit's rewrite of the
/// indexes' pages is shared by many rows, small enough to bound memory and the work a killed
/// import loses.
const BATCH: usize = 10_000;

/// Options every ledger command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct LedgerArgs {
    /// The ledger: a SQLite file (created on first use) or `postgres://user:pw@host/db`;
    /// defaults to `vetter/ledger.db` in `$XDG_DATA_HOME` (else `~/.local/share`).
    #[arg(long, env = "VETTER_DB", value_name = "PATH|URL", global = true)]
    pub db: Option<String>,
    /// Risk-level rules, a JSON file (the built-in rules by default; see `risk_rules.json`).
    #[arg(long, env = "VETTER_RISK_RULES", value_name = "FILE", global = true)]
    pub risk_rules: Option<PathBuf>,
}

impl LedgerArgs {
    /// Opens the ledger, creating it when needed.
    pub fn open(&self) -> anyhow::Result<Store> {
        let target = match &self.db {
            Some(db) => db.clone(),
            None => default_db().context("no `--db` given and no home folder to put the ledger in")?,
        };
        let shown = if target.contains("://") && target.contains('@') { "the PostgreSQL ledger" } else { &target };
        Store::open(&target).with_context(|| format!("opening `{shown}`"))
    }

    /// The risk rules.
    pub fn rules(&self) -> anyhow::Result<RiskRules> {
        match &self.risk_rules {
            None => Ok(RiskRules::default()),
            Some(path) => {
                let text = fs_err::read_to_string(path)?;
                RiskRules::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
            }
        }
    }
}

fn default_db() -> Option<String> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("vetter").join("ledger.db").to_string_lossy().into_owned())
}

/// `vetter contacts` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum ContactsCommand {
    /// Store a contact and screen its counterpart.
    Add(AddArgs),
    /// Store every row of a CSV file (`subject,counterpart,date,kind,country,source`).
    Import(ImportArgs),
    /// List stored contacts.
    List(ListArgs),
    /// Scan articles or memos (as `vetter scan --subject`) and store the subject's contacts found,
    /// each with the file (or `--source`) as its source.
    Record(RecordArgs),
}

/// Arguments of `vetter contacts record`.
#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// Articles or memos: plain text or HTML.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Whose contacts to find.
    #[arg(long)]
    pub subject: String,
    /// The source to store (a URL) instead of the file path; with one file only.
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Arguments of `vetter contacts add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Whose contact it is.
    #[arg(long)]
    pub subject: String,
    /// Who the subject met, called or wrote to.
    #[arg(long)]
    pub counterpart: String,
    /// When (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// `meeting`, `call`, `message` or `other`.
    #[arg(long, default_value = "other")]
    pub kind: String,
    /// The counterpart's country (ISO code).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Where the contact is documented.
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
    /// What the counterpart is: Person, Organization, Company, LegalEntity, Vessel...
    #[arg(long, default_value = "Person")]
    pub schema: String,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Arguments of `vetter contacts import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// CSV with the header `subject,counterpart,date,kind,country,source` (any column order;
    /// `date`, `kind`, `country` and `source` may be left out; an optional `schema` column says
    /// what the counterpart is, `Person` by default).
    pub file: PathBuf,
    /// Store the good rows even when some rows are bad (the bad ones are still listed, exit 2).
    #[arg(long)]
    pub skip_errors: bool,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Arguments of `vetter contacts list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only this subject's contacts.
    #[arg(long)]
    pub subject: Option<String>,
    /// Only contacts at this risk level (`critical`, `high`, `medium`, `low`, `none`).
    #[arg(long)]
    pub risk: Option<String>,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Arguments of `vetter report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Whose exposure to report.
    #[arg(long)]
    pub subject: String,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// `json`, or `html` (one standalone page with a timeline chart; the default).
    #[arg(long, default_value = "html", value_parser = ["html", "json"])]
    pub format: String,
}

/// Runs `vetter report`: the subject's contacts in date order, each counterpart's risk with its
/// evidence (the listed entities, their lists and programs, reviews, the contact's source).
///
/// JSON: `{"subject", "summary": {"contacts", "risk": {level: count}, "first", "last"},
/// "contacts": [contact as in `contacts list`]}`.
pub fn run_report(args: &ReportArgs) -> anyhow::Result<()> {
    let mut store = args.ledger.open()?;
    let mut contacts = store.list_contacts(&ContactFilter { subject: Some(args.subject.clone()), risk: None })?;
    if contacts.is_empty() {
        anyhow::bail!("no contacts of `{}` in the ledger", args.subject);
    }
    contacts.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let mut items = Vec::with_capacity(contacts.len());
    let mut by_risk: std::collections::BTreeMap<&str, u64> = Default::default();
    for c in &contacts {
        *by_risk.entry(c.risk.as_str()).or_default() += 1;
        items.push(contact_json(c, &store.hits(c.id)?));
    }
    let dates: Vec<&str> = contacts.iter().filter_map(|c| c.date.as_deref()).collect();
    let summary = serde_json::json!({
        "contacts": contacts.len(),
        "risk": by_risk,
        "first": dates.first(),
        "last": dates.last(),
    });
    let mut out = std::io::stdout().lock();
    if args.format == "json" {
        let v = serde_json::json!({"subject": args.subject, "summary": summary, "contacts": items});
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write!(out, "{}", report_html(&args.subject, &items, &by_risk))?;
    }
    Ok(())
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn risk_colour(risk: &str) -> &'static str {
    match risk {
        "critical" => "#b00020",
        "high" => "#e65100",
        "medium" => "#f9a825",
        "low" => "#1565c0",
        _ => "#9e9e9e",
    }
}

/// Days since 0000-03-01 of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (the first day when partial).
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let y = parts.next()??;
    let m = parts.next().flatten().unwrap_or(1);
    let d = parts.next().flatten().unwrap_or(1);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

fn report_html(subject: &str, items: &[serde_json::Value], by_risk: &std::collections::BTreeMap<&str, u64>) -> String {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_owned();
    // The timeline: one dot per dated contact, coloured by risk, on a line from the first date to the last.
    let dated: Vec<(i64, &serde_json::Value)> =
        items.iter().filter_map(|c| c["date"].as_str().and_then(day_number).map(|d| (d, c))).collect();
    let (w, h, pad) = (900.0, 120.0, 40.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         aria-label=\"timeline of contacts\"><line x1=\"{pad}\" y1=\"60\" x2=\"{}\" y2=\"60\" stroke=\"#555\"/>",
        w - pad
    );
    if let (Some(first), Some(last)) = (dated.iter().map(|d| d.0).min(), dated.iter().map(|d| d.0).max()) {
        let span = (last - first).max(1) as f64;
        for (day, c) in &dated {
            let x = pad + (*day - first) as f64 / span * (w - 2.0 * pad);
            let risk = text(&c["risk"]);
            svg.push_str(&format!(
                "<circle cx=\"{x:.1}\" cy=\"60\" r=\"7\" fill=\"{}\"><title>{} {}: {} ({})</title></circle>",
                risk_colour(&risk),
                esc(&text(&c["date"])),
                esc(&text(&c["kind"])),
                esc(&text(&c["counterpart"])),
                esc(&risk)
            ));
        }
        let first_date = dated.iter().find(|d| d.0 == first).map(|d| text(&d.1["date"])).unwrap_or_default();
        let last_date = dated.iter().find(|d| d.0 == last).map(|d| text(&d.1["date"])).unwrap_or_default();
        svg.push_str(&format!(
            "<text x=\"{pad}\" y=\"95\" font-size=\"12\">{}</text><text x=\"{}\" y=\"95\" font-size=\"12\" \
             text-anchor=\"end\">{}</text>",
            esc(&first_date),
            w - pad,
            esc(&last_date)
        ));
    }
    svg.push_str("</svg>");
    let mut rows = String::new();
    for c in items {
        let mut evidence = String::new();
        for hit in c["hits"].as_array().into_iter().flatten() {
            let list =
                |k: &str| hit[k].as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "));
            let review = match hit["review"]["decision"].as_str() {
                Some(d) => format!(" — {d} by {}", esc(&text(&hit["review"]["reviewer"]))),
                None => String::new(),
            };
            evidence.push_str(&format!(
                "<li><b>{}</b> ({}, score {:.2}) on {}; programs: {}{review}</li>",
                esc(&text(&hit["caption"])),
                esc(&text(&hit["risk"])),
                hit["score"].as_f64().unwrap_or(0.0),
                esc(&list("datasets").unwrap_or_default()),
                esc(&list("programs").unwrap_or_default()),
            ));
        }
        let source = match c["source"].as_str() {
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => {
                format!("<a href=\"{}\">{}</a>", esc(s), esc(s))
            }
            Some(s) => esc(s),
            None => String::new(),
        };
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><span class=\"risk\" style=\"background:{}\">{}</span><br>\
             <small>{}</small></td><td>{}</td><td><ul>{evidence}</ul></td><td>{source}</td></tr>\n",
            esc(&text(&c["date"])),
            esc(&text(&c["counterpart"])),
            esc(&text(&c["kind"])),
            risk_colour(&text(&c["risk"])),
            esc(&text(&c["risk"])),
            esc(&text(&c["risk_reason"])),
            esc(&text(&c["status"])),
        ));
    }
    let counts: Vec<String> = by_risk.iter().map(|(k, v)| format!("{v} {}", esc(k))).collect();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Exposure report: {s}</title>\
         <style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;\
         padding:4px 8px;vertical-align:top;text-align:left}}.risk{{color:#fff;padding:1px 6px;border-radius:3px}}\
         ul{{margin:0;padding-left:1.2em}}</style></head><body>\n<h1>Exposure report: {s}</h1>\n\
         <p>{n} contacts; risk: {counts}</p>\n{svg}\n<table><thead><tr><th>date</th><th>counterpart</th><th>kind</th>\
         <th>risk</th><th>status</th><th>evidence</th><th>source</th></tr></thead><tbody>\n{rows}</tbody></table>\n\
         </body></html>\n",
        s = esc(subject),
        n = items.len(),
        counts = counts.join(", "),
    )
}

/// `vetter db` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum DbCommand {
    /// Write a consistent copy of the SQLite ledger while it is in use.
    Backup {
        /// The copy to write (a new file).
        path: PathBuf,
        #[command(flatten)]
        ledger: LedgerArgs,
    },
}

/// Runs `vetter db ...`.
pub fn run_db(cmd: &DbCommand) -> anyhow::Result<()> {
    match cmd {
        DbCommand::Backup { path, ledger } => {
            ledger.open()?.backup(path)?;
            writeln!(std::io::stdout().lock(), "ledger copied to `{}`", path.display())?;
            Ok(())
        }
    }
}

/// Runs `vetter contacts ...`.
pub fn run(cmd: &ContactsCommand, settings: &Settings) -> anyhow::Result<()> {
    match cmd {
        ContactsCommand::Add(args) => add(args, settings),
        ContactsCommand::Import(args) => import(args, settings),
        ContactsCommand::List(args) => list(args),
        ContactsCommand::Record(args) => record(args, settings),
    }
}

const KINDS: [&str; 4] = ["meeting", "call", "message", "other"];

/// Checks and tidies one contact's fields.
fn validate(
    subject: &str,
    counterpart: &str,
    date: Option<&str>,
    kind: Option<&str>,
    country: Option<&str>,
    source: Option<&str>,
    schema: Option<&str>,
) -> Result<NewContact, String> {
    let nonempty = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let subject = nonempty(Some(subject)).ok_or("`subject` is empty")?;
    let counterpart = nonempty(Some(counterpart)).ok_or("`counterpart` is empty")?;
    let date = nonempty(date);
    if let Some(d) = &date {
        let ok = matches!(d.len(), 4 | 7 | 10)
            && d.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if !ok {
            return Err(format!("date `{d}` is not YYYY, YYYY-MM or YYYY-MM-DD"));
        }
    }
    let kind = nonempty(kind).unwrap_or_else(|| "other".into()).to_lowercase();
    if !KINDS.contains(&kind.as_str()) {
        return Err(format!("kind `{kind}` is not meeting, call, message or other"));
    }
    let country = nonempty(country).map(|c| c.to_lowercase());
    let schema = match nonempty(schema) {
        None => "Person".to_owned(),
        Some(s) => s.parse::<Schema>().map_err(|_| format!("schema `{s}` is not a known schema"))?.to_string(),
    };
    Ok(NewContact { date, kind, country, schema, source: nonempty(source), ..NewContact::new(&subject, &counterpart) })
}

/// Screens a counterpart: its matching hits, stored form, with the risk level they give.
pub fn screen(
    engine: &Engine,
    rules: &RiskRules,
    counterpart: &str,
    country: Option<&str>,
    schema: &str,
) -> (Vec<NewHit>, Vec<HitFacts>, Assessment) {
    let query = Query {
        schema: Some(schema.parse::<Schema>().unwrap_or(Schema::Person)),
        name: counterpart.to_owned(),
        countries: country.into_iter().map(str::to_owned).collect(),
        ..Query::default()
    };
    // Only matches are kept, so hits under the lowest match threshold need not be explained.
    let min_score = Schema::ALL
        .iter()
        .map(|&s| vetter_matcher::default_threshold(s, vetter_matcher::Algorithm::Vetter))
        .fold(f64::INFINITY, f64::min);
    let filters = Filters { limit: 5, min_score, ..Filters::default() };
    let mut hits = Vec::new();
    let mut facts = Vec::new();
    for h in engine.screen_with(&query, &filters).into_iter().filter(|h| h.is_match) {
        // The entity itself, not `Engine::show`, which also collects its source records and
        // merges by scanning every record and merge of the artifact, for each hit.
        let index = engine.index();
        let entity = index.lookup(&h.id).and_then(|at| index.entity(at));
        let countries: Vec<String> =
            entity.as_ref().map(|e| e.countries().into_iter().map(str::to_owned).collect()).unwrap_or_default();
        let entity_json = entity.as_ref().and_then(|e| serde_json::to_string(e).ok()).unwrap_or_default();
        let mut data = serde_json::to_value(&h).unwrap_or_default();
        if let Some(m) = data.as_object_mut() {
            m.insert("countries".into(), countries.clone().into());
        }
        facts.push(HitFacts {
            id: h.id.clone(),
            caption: h.caption.clone(),
            risk: h.risk.clone(),
            countries,
            score: h.score,
        });
        hits.push(NewHit {
            entity_id: h.id,
            caption: h.caption,
            risk: h.risk,
            score: h.score,
            entity_hash: vetter_store::content_hash(&entity_json),
            data,
        });
    }
    let assessment = rules.assess(&facts, country);
    (hits, facts, assessment)
}

/// What the rules need of a stored hit.
pub fn facts_of(h: &StoredHit) -> HitFacts {
    let countries =
        h.data["countries"].as_array().map(|a| a.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect());
    HitFacts {
        id: h.entity_id.clone(),
        caption: h.caption.clone(),
        risk: h.risk.clone(),
        countries: countries.unwrap_or_default(),
        score: h.score,
    }
}

/// A contact with its hits, as JSON: `{"id", "subject", "counterpart", "date", "kind", "country",
/// "source", "risk", "risk_reason", "status", "created_at", "hits": [hit + "review"]}`.
pub fn contact_json(c: &Contact, hits: &[StoredHit]) -> serde_json::Value {
    let mut v = serde_json::to_value(c).unwrap_or_default();
    let hits: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| {
            let mut d = h.data.clone();
            if let Some(m) = d.as_object_mut() {
                m.insert("entity_hash".into(), h.entity_hash.clone().into());
                m.insert("review".into(), serde_json::to_value(&h.review).unwrap_or_default());
            }
            d
        })
        .collect();
    if let Some(m) = v.as_object_mut() {
        m.insert("hits".into(), hits.into());
    }
    v
}

fn add(args: &AddArgs, settings: &Settings) -> anyhow::Result<()> {
    let mut contact = validate(
        &args.subject,
        &args.counterpart,
        args.date.as_deref(),
        Some(&args.kind),
        args.country.as_deref(),
        args.source.as_deref(),
        Some(&args.schema),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let rules = args.ledger.rules()?;
    let mut store = args.ledger.open()?;
    let engine = settings.open()?;
    let (hits, _, assessment) =
        screen(&engine, &rules, &contact.counterpart, contact.country.as_deref(), &contact.schema);
    contact.hits = hits;
    contact.risk = assessment.level;
    contact.risk_reason = assessment.reason;
    let fingerprint = format!("{:016x}", engine.index().data_fingerprint());
    let added = store.add_contacts(&[contact], "contact.add", serde_json::json!({ "lists": fingerprint }))?;
    let id = added[0].id;
    let stored = store.contact(id)?.context("the contact just stored is missing")?;
    let hits = store.hits(id)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let mut v = contact_json(&stored, &hits);
            v["duplicate"] = (!added[0].inserted).into();
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Table => {
            let note = if added[0].inserted { "" } else { " (already in the ledger)" };
            writeln!(out, "contact {id}{note}: {} - {} [{}]", stored.subject, stored.counterpart, stored.status)?;
            writeln!(out, "risk: {} ({})", stored.risk, stored.risk_reason)?;
            write!(out, "{}", hits_table(&hits))?;
        }
    }
    Ok(())
}

fn hits_table(hits: &[StoredHit]) -> String {
    if hits.is_empty() {
        return "no hits\n".into();
    }
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            vec![
                format!("{:.3}", h.score),
                h.risk.clone(),
                h.caption.clone(),
                h.entity_id.clone(),
                h.review.as_ref().map(|r| format!("{} by {}", r.decision, r.reviewer)).unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    table(&["score", "risk", "name", "id", "review"], &rows)
}

/// One CSV row, read by header.
struct CsvRow {
    /// Data row, from 1.
    line: u64,
    contact: Result<NewContact, String>,
}

/// A contacts CSV read one row at a time, by header.
struct CsvRows {
    reader: csv::Reader<std::io::BufReader<fs_err::File>>,
    record: csv::StringRecord,
    /// Positions of `subject`, `counterpart`, `date`, `kind`, `country`, `source`, `schema`.
    columns: [Option<usize>; 7],
    line: u64,
}

impl CsvRows {
    fn open(path: &Path) -> anyhow::Result<CsvRows> {
        let file = fs_err::File::open(path)?;
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(std::io::BufReader::new(file));
        let headers: Vec<String> = reader
            .headers()
            .with_context(|| format!("{}: reading the header", path.display()))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let columns = ["subject", "counterpart", "date", "kind", "country", "source", "schema"].map(col);
        if columns[0].is_none() || columns[1].is_none() {
            anyhow::bail!(
                "{}: the header must name `subject` and `counterpart` (and may name `date`, `kind`, `country`, `source`)",
                path.display()
            );
        }
        Ok(CsvRows { reader, record: csv::StringRecord::new(), columns, line: 0 })
    }

    /// The next row, `None` at the end; a row that is not valid CSV or UTF-8 is a row error, a
    /// file that cannot be read is an error.
    fn next_row(&mut self) -> anyhow::Result<Option<CsvRow>> {
        let read = self.reader.read_record(&mut self.record);
        let contact = match read {
            Ok(false) => return Ok(None),
            Err(e) if e.is_io_error() => return Err(e).context(format!("reading row {}", self.line + 1)),
            Err(e) => Err(format!("unreadable CSV: {e}")),
            Ok(true) => {
                let get = |c: Option<usize>| c.and_then(|c| self.record.get(c));
                let [subject, counterpart, date, kind, country, source, schema] = self.columns.map(get);
                validate(subject.unwrap_or(""), counterpart.unwrap_or(""), date, kind, country, source, schema)
            }
        };
        self.line += 1;
        Ok(Some(CsvRow { line: self.line, contact }))
    }
}

/// The screening results of one import, by counterpart (name, country, schema): each distinct
/// counterpart is screened once however many rows name it, and its result is shared by them.
#[derive(Default)]
struct ScreenCache {
    results: std::collections::HashMap<String, Arc<Screening>>,
}

impl ScreenCache {
    /// The cache key: what `screen` reads of a contact (an empty country never occurs: `validate`
    /// makes it `None`).
    fn key(c: &NewContact) -> String {
        format!("{}\u{0}{}\u{0}{}", c.schema, c.country.as_deref().unwrap_or(""), c.counterpart)
    }

    /// Screens, in parallel, the counterparts of `todo` (cache key, contact) not screened yet.
    fn fill(&mut self, engine: &Engine, rules: &RiskRules, mut todo: Vec<(&str, &NewContact)>) {
        todo.retain(|(k, _)| !self.results.contains_key(*k));
        todo.sort_unstable_by_key(|(k, _)| *k);
        todo.dedup_by_key(|(k, _)| *k);
        let screened: Vec<(String, Screening)> = todo
            .par_iter()
            .map(|(k, c)| {
                let (hits, _, a) = screen(engine, rules, &c.counterpart, c.country.as_deref(), &c.schema);
                ((*k).to_owned(), Screening::new(a.level, a.reason, hits))
            })
            .collect();
        self.results.extend(screened.into_iter().map(|(k, v)| (k, Arc::new(v))));
    }
}

/// One transaction's worth of rows for the writer.
struct ImportBatch {
    /// The first and last row numbers.
    rows: (u64, u64),
    contacts: Vec<ImportRow>,
}

/// What the writer stored.
#[derive(Default)]
struct ImportTotals {
    added: u64,
    duplicates: u64,
    by_risk: std::collections::BTreeMap<String, u64>,
}

/// Runs `vetter contacts import`: checks every row first (nothing is stored when one is bad,
/// unless `--skip-errors`), then reads the file again and stores it [`BATCH`] rows per
/// transaction. Reading and screening run ahead of the single writer: each distinct counterpart
/// is screened once per import, on all cores, while the batch before is being written; a
/// counterpart all of whose rows are already in the ledger (a repeated run) is not screened, and
/// a row already stored keeps what it has.
fn import(args: &ImportArgs, settings: &Settings) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let mut rows = CsvRows::open(&args.file)?;
    let mut total = 0u64;
    let mut errors: Vec<(u64, String)> = Vec::new();
    while let Some(row) = rows.next_row()? {
        total += 1;
        if let Err(e) = row.contact {
            errors.push((row.line, e));
        }
    }
    let mut err = std::io::stderr().lock();
    for (line, e) in &errors {
        writeln!(err, "{}: row {line}: {e}", args.file.display())?;
    }
    drop(err);
    if !errors.is_empty() && !args.skip_errors {
        anyhow::bail!(
            "{} bad rows in `{}`; nothing was stored\nhint: fix them, or pass `--skip-errors` to store the good rows",
            errors.len(),
            args.file.display()
        );
    }
    let rules = args.ledger.rules()?;
    let mut store = args.ledger.open()?;
    store.tune_for_bulk_writes()?;
    // A second connection finds the rows already stored while the first one writes.
    let mut lookup = args.ledger.open()?;
    let engine = settings.open()?;
    let fingerprint = format!("{:016x}", engine.index().data_fingerprint());
    let file = args.file.display().to_string();
    let mut cache = ScreenCache::default();
    let unscreened = Arc::new(Screening::new("none".into(), String::new(), Vec::new()));
    let totals = std::thread::scope(|scope| -> anyhow::Result<ImportTotals> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<ImportBatch>(2);
        let writer = scope.spawn(|| -> anyhow::Result<ImportTotals> {
            let mut totals = ImportTotals::default();
            for batch in rx {
                let (first, last) = batch.rows;
                let audit = serde_json::json!({"file": file, "rows": [first, last], "lists": fingerprint});
                let result = store
                    .import_batch(&batch.contacts, audit)
                    .with_context(|| format!("storing rows {first} to {last}"))?;
                for (a, r) in result.iter().zip(&batch.contacts) {
                    if a.inserted {
                        totals.added += 1;
                        *totals.by_risk.entry(r.screening.risk.clone()).or_default() += 1;
                    } else {
                        totals.duplicates += 1;
                    }
                }
            }
            Ok(totals)
        });
        let mut rows = CsvRows::open(&args.file)?;
        let mut batch: Vec<(u64, NewContact)> = Vec::with_capacity(BATCH);
        loop {
            let row = rows.next_row()?;
            let end = row.is_none();
            if let Some(CsvRow { line, contact: Ok(c) }) = row {
                batch.push((line, c));
            }
            if batch.len() == BATCH || (end && !batch.is_empty()) {
                // Each row's contact key and screening key, computed once.
                let keys: Vec<(String, String)> = batch.iter().map(|(_, c)| (c.key(), ScreenCache::key(c))).collect();
                // Only a row whose counterpart is still to be screened is looked up: the others
                // cost nothing to screen, and the writer finds the stored ones anyway.
                let uncached: Vec<usize> =
                    (0..batch.len()).filter(|&i| !cache.results.contains_key(&keys[i].1)).collect();
                let known = lookup.known_keys(&uncached.iter().map(|&i| keys[i].0.clone()).collect::<Vec<_>>())?;
                let todo = uncached
                    .into_iter()
                    .filter(|&i| !known.contains(&keys[i].0))
                    .map(|i| (keys[i].1.as_str(), &batch[i].1))
                    .collect();
                cache.fill(&engine, &rules, todo);
                let rows = (batch[0].0, batch[batch.len() - 1].0);
                let contacts: Vec<ImportRow> = batch
                    .drain(..)
                    .zip(keys)
                    .map(|((_, contact), (key, screening_key))| {
                        // A row not screened is stored already: the writer skips it.
                        let screening = cache.results.get(&screening_key).unwrap_or(&unscreened).clone();
                        ImportRow { key, contact, screening }
                    })
                    .collect();
                if tx.send(ImportBatch { rows, contacts }).is_err() {
                    break; // the writer stopped on an error, which `join` returns
                }
            }
            if end {
                break;
            }
        }
        drop(tx);
        writer.join().map_err(|_| anyhow::anyhow!("the ledger writer panicked"))?
    })?;
    let ImportTotals { added, duplicates, by_risk } = totals;
    let summary = serde_json::json!({
        "file": file,
        "rows": total,
        "added": added,
        "duplicates": duplicates,
        "errors": errors.iter().map(|(line, e)| serde_json::json!({"row": line, "error": e})).collect::<Vec<_>>(),
        "risk": by_risk,
        "seconds": started.elapsed().as_secs_f64(),
    });
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&summary)?)?,
        Format::Table => {
            let risks: Vec<String> = by_risk.iter().map(|(k, v)| format!("{v} {k}")).collect();
            writeln!(
                out,
                "{added} contacts added, {duplicates} already in the ledger, {} bad rows; risk: {}",
                errors.len(),
                if risks.is_empty() { "-".into() } else { risks.join(", ") }
            )?;
        }
    }
    if !errors.is_empty() {
        anyhow::bail!("{} bad rows in `{}` were not stored", errors.len(), args.file.display());
    }
    Ok(())
}

fn list(args: &ListArgs) -> anyhow::Result<()> {
    if let Some(r) = &args.risk
        && !vetter_store::risk::LEVELS.contains(&r.as_str())
    {
        anyhow::bail!("risk `{r}` is not critical, high, medium, low or none");
    }
    let mut store = args.ledger.open()?;
    let contacts = store.list_contacts(&ContactFilter { subject: args.subject.clone(), risk: args.risk.clone() })?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let mut items = Vec::with_capacity(contacts.len());
            for c in &contacts {
                items.push(contact_json(c, &store.hits(c.id)?));
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({ "contacts": items }))?)?;
        }
        Format::Table => {
            if contacts.is_empty() {
                writeln!(out, "no contacts")?;
                return Ok(());
            }
            let rows: Vec<Vec<String>> = contacts
                .iter()
                .map(|c| {
                    vec![
                        c.id.to_string(),
                        c.date.clone().unwrap_or_default(),
                        c.subject.clone(),
                        c.counterpart.clone(),
                        c.kind.clone(),
                        c.risk.clone(),
                        c.status.clone(),
                        c.risk_reason.clone(),
                    ]
                })
                .collect();
            write!(
                out,
                "{}",
                table(&["id", "date", "subject", "counterpart", "kind", "risk", "status", "why"], &rows)
            )?;
        }
    }
    Ok(())
}

fn record(args: &RecordArgs, settings: &Settings) -> anyhow::Result<()> {
    if args.source.is_some() && args.files.len() > 1 {
        anyhow::bail!("`--source` names the source of one file; give one file or leave it out");
    }
    let rules = args.ledger.rules()?;
    let engine = settings.open()?;
    let mut scanner = vetter_scan::Scanner::new(&engine);
    let mut found = Vec::new();
    for file in &args.files {
        let bytes = fs_err::read(file)?;
        let decoded = vetter_scan::input::decode(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let text = if vetter_scan::input::looks_like_html(&decoded.text) {
            vetter_scan::input::html_to_text(&decoded.text)
        } else {
            decoded.text.into_owned()
        };
        let report = scanner.scan(&text, Some(&args.subject));
        let source = args.source.clone().unwrap_or_else(|| file.display().to_string());
        for i in report.interactions {
            let kind = match i.kind {
                vetter_scan::ContactKind::Meeting => "meeting",
                vetter_scan::ContactKind::Call => "call",
                vetter_scan::ContactKind::Communication => "message",
                _ => "other",
            };
            let contact = validate(
                &args.subject,
                &i.counterpart,
                None,
                Some(kind),
                i.counterpart_country.as_deref(),
                Some(&source),
                None,
            );
            if let Ok(c) = contact {
                let (hits, _, a) = screen(&engine, &rules, &c.counterpart, c.country.as_deref(), &c.schema);
                found.push(NewContact { hits, risk: a.level, risk_reason: a.reason, ..c });
            }
        }
    }
    let mut store = args.ledger.open()?;
    let fingerprint = format!("{:016x}", engine.index().data_fingerprint());
    let files: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let audit = serde_json::json!({"files": files, "subject": args.subject, "lists": fingerprint});
    let added = store.add_contacts(&found, "contacts.record", audit)?;
    let mut items = Vec::new();
    for a in &added {
        if let Some(c) = store.contact(a.id)? {
            let mut v = contact_json(&c, &store.hits(a.id)?);
            v["duplicate"] = (!a.inserted).into();
            items.push(v);
        }
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({ "contacts": items }))?)?,
        Format::Table => {
            if items.is_empty() {
                writeln!(out, "no contacts of `{}` found", args.subject)?;
            }
            for v in &items {
                writeln!(
                    out,
                    "contact {}: {} - {} ({}), risk {}{}",
                    v["id"],
                    args.subject,
                    v["counterpart"].as_str().unwrap_or(""),
                    v["kind"].as_str().unwrap_or(""),
                    v["risk"].as_str().unwrap_or(""),
                    if v["duplicate"] == true { ", already in the ledger" } else { "" }
                )?;
            }
        }
    }
    Ok(())
}
