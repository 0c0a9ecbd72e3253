//! `vetter scan [FILE|DIR|-]...`: listed entities, jurisdictions, officials
//! and a subject's contacts in articles and memos.
//!
//! Output formats:
//! - `table` (alias `text`): each document with its mentions highlighted
//!   (colours on a terminal, `[...]{...}` marks otherwise), then a risk summary;
//! - `json`: one document gives `{"file", "warnings", "mentions",
//!   "jurisdictions", "officials", "interactions", "names", "words"}`; several
//!   give `{"documents": [...], "summary": {...}}`;
//! - `html`: one standalone page (no external assets) with highlighted
//!   mentions, a tooltip and a side panel entry per entity, and summary tables.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use vetter_scan::{Report, Scanner, input};

use crate::Settings;
use crate::output::table;

/// Output format of `vetter scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScanFormat {
    /// The text with highlighted mentions and a risk summary.
    #[value(alias = "text")]
    Table,
    /// JSON; stable field names.
    Json,
    /// One standalone HTML page.
    Html,
}

/// Arguments of `vetter scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Text or HTML files or folders to scan; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,
    /// Report this person's contacts (meetings, calls, communication) with the people named.
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ScanFormat,
    /// Read every input as HTML (by default: `.html`/`.htm` files and documents that start like HTML).
    #[arg(long)]
    pub html: bool,
}

/// Documents larger than this are scanned in paragraph-aligned chunks.
const CHUNK: usize = 16 * 1024 * 1024;

/// One scanned document.
#[derive(Debug, serde::Serialize)]
struct Document {
    file: String,
    warnings: Vec<String>,
    #[serde(flatten)]
    report: Report,
    #[serde(skip)]
    text: Option<String>,
}

/// Runs `vetter scan`.
pub fn run(args: &ScanArgs, settings: &Settings) -> anyhow::Result<()> {
    let files = expand(&args.inputs)?;
    let engine = settings.open()?;
    let mut scanner = Scanner::new(&engine);
    let mut docs = Vec::new();
    let mut failed = 0;
    for file in &files {
        match scan_one(&mut scanner, file, args) {
            Ok(doc) => {
                if !settings.quiet {
                    for w in &doc.warnings {
                        let _ = writeln!(std::io::stderr(), "vetter: warning: {}: {w}", doc.file);
                    }
                }
                docs.push(doc);
            }
            Err(e) if files.len() > 1 => {
                failed += 1;
                let _ = writeln!(std::io::stderr(), "vetter: error: {}: {e:#}", display(file));
            }
            Err(e) => return Err(e.context(format!("scanning `{}`", display(file)))),
        }
    }
    if docs.is_empty() && failed > 0 {
        anyhow::bail!("no document could be scanned ({failed} failed)");
    }
    let mut out = std::io::stdout().lock();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match args.format {
        ScanFormat::Json => {
            let value = if docs.len() == 1 {
                serde_json::to_value(&docs[0])?
            } else {
                serde_json::json!({ "documents": docs, "summary": summary(&docs) })
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        ScanFormat::Table => write!(out, "{}", render_text(&docs, color))?,
        ScanFormat::Html => write!(out, "{}", render_html(&docs))?,
    }
    Ok(())
}

fn display(p: &Path) -> String {
    if p.as_os_str() == "-" { "<stdin>".to_owned() } else { p.display().to_string() }
}

/// The files to scan: files as given, folders walked (text, Markdown and HTML files), stdin for `-` or nothing.
fn expand(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    if inputs.is_empty() {
        return Ok(vec![PathBuf::from("-")]);
    }
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)?;
            found.sort();
            if found.is_empty() {
                anyhow::bail!("no .txt, .md or .html files in `{}`", p.display());
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in fs_err::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "text" | "html" | "htm"))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn scan_one(scanner: &mut Scanner<'_>, file: &Path, args: &ScanArgs) -> anyhow::Result<Document> {
    let name = display(file);
    let by_extension = file
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let mut reader: Box<dyn Read> =
        if file.as_os_str() == "-" { Box::new(std::io::stdin().lock()) } else { Box::new(fs_err::File::open(file)?) };
    let mut report = Report::default();
    let mut warnings = Vec::new();
    let mut kept_text = String::new();
    let mut offset = 0usize;
    let mut buf: Vec<u8> = Vec::new();
    let mut chunks = 0usize;
    let mut eof = false;
    while !eof {
        // Fill up to CHUNK bytes.
        let mut block = vec![0u8; 1 << 20];
        while buf.len() < CHUNK {
            let n = reader.read(&mut block).context("reading")?;
            if n == 0 {
                eof = true;
                break;
            }
            buf.extend_from_slice(&block[..n]);
        }
        let cut = if eof { buf.len() } else { input::chunk_end(&buf) };
        let rest = buf.split_off(cut);
        let bytes = std::mem::replace(&mut buf, rest);
        if chunks == 0 && bytes.is_empty() {
            warnings.push("the document is empty".to_owned());
            break;
        }
        let decoded = input::decode(&bytes).map_err(anyhow::Error::from)?;
        for w in decoded.warnings {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        let html = args.html || by_extension || (chunks == 0 && input::looks_like_html(&decoded.text));
        let text = if html { input::html_to_text(&decoded.text) } else { decoded.text.into_owned() };
        let part = scanner.scan(&text, args.subject.as_deref());
        if chunks == 0 && eof {
            report = part;
        } else {
            report.absorb(part, offset);
        }
        offset += text.len();
        chunks += 1;
        // Only small documents are kept for printing with highlights.
        if args.format != ScanFormat::Json && chunks == 1 && eof {
            kept_text = if html { text } else { String::from_utf8_lossy(&bytes).into_owned() };
        }
    }
    if chunks > 1 {
        warnings.push(format!("large document scanned in {chunks} chunks; names are linked within each chunk"));
    }
    Ok(Document { file: name, warnings, report, text: (!kept_text.is_empty()).then_some(kept_text) })
}

/// Per entity, jurisdiction and official: how often, in how many documents.
fn summary(docs: &[Document]) -> serde_json::Value {
    let mut entities: BTreeMap<String, (String, String, usize, usize)> = BTreeMap::new();
    let mut countries: BTreeMap<String, (String, usize, usize, usize)> = BTreeMap::new();
    for d in docs {
        let mut seen = std::collections::HashSet::new();
        for m in &d.report.mentions {
            let e =
                entities.entry(m.entity.id.clone()).or_insert((m.entity.caption.clone(), m.entity.risk.clone(), 0, 0));
            e.2 += 1;
            if seen.insert(m.entity.id.clone()) {
                e.3 += 1;
            }
        }
        let mut seen = std::collections::HashSet::new();
        for j in &d.report.jurisdictions {
            let e = countries.entry(j.country.clone()).or_insert((j.country_name.clone(), j.programs.len(), 0, 0));
            e.2 += 1;
            if seen.insert(j.country.clone()) {
                e.3 += 1;
            }
        }
    }
    serde_json::json!({
        "documents": docs.len(),
        "words": docs.iter().map(|d| d.report.words).sum::<usize>(),
        "entities": entities.into_iter().map(|(id, (caption, risk, mentions, documents))| serde_json::json!({
            "id": id, "caption": caption, "risk": risk, "mentions": mentions, "documents": documents})).collect::<Vec<_>>(),
        "jurisdictions": countries.into_iter().map(|(c, (name, programs, mentions, documents))| serde_json::json!({
            "country": c, "country_name": name, "programs": programs, "mentions": mentions, "documents": documents})).collect::<Vec<_>>(),
        "officials": docs.iter().map(|d| d.report.officials.len()).sum::<usize>(),
        "interactions": docs.iter().map(|d| d.report.interactions.len()).sum::<usize>(),
    })
}

/// A highlight in the printed text.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    label: String,
    note: usize,
}

fn marks(doc: &Document) -> (Vec<Mark>, Vec<(String, String)>) {
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut out = Vec::new();
    for m in &doc.report.mentions {
        let key = m.entity.id.clone();
        let note = match notes.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let detail = format!(
                    "{} [{}] {} — lists: {}; programs: {}; score {:.2}; why: {}",
                    m.entity.caption,
                    m.entity.id,
                    m.entity.risk,
                    m.entity.datasets.join(", "),
                    if m.entity.programs.is_empty() { "-".to_owned() } else { m.entity.programs.join(", ") },
                    m.score,
                    m.explanation
                );
                notes.push((key, detail));
                notes.len() - 1
            }
        };
        let class = match m.entity.risk.as_str() {
            "sanctioned" | "sanction-linked" => "sanctioned",
            "PEP" => "pep",
            _ => "listed",
        };
        out.push(Mark { start: m.start, end: m.end, class, label: m.entity.risk.clone(), note: note + 1 });
    }
    for j in &doc.report.jurisdictions {
        if out.iter().any(|m| m.start < j.end && j.start < m.end) {
            continue;
        }
        let class = if j.programs.is_empty() { "place" } else { "sanctioned-place" };
        out.push(Mark { start: j.start, end: j.end, class, label: j.country.clone(), note: 0 });
    }
    for o in &doc.report.officials {
        if out.iter().any(|m| m.start < o.end && o.start < m.end) {
            continue;
        }
        out.push(Mark {
            start: o.start,
            end: o.end,
            class: "official",
            label: format!("official{}", o.country.as_deref().map(|c| format!(" {c}")).unwrap_or_default()),
            note: 0,
        });
    }
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mark> = Vec::new();
    for m in out {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    (kept, notes)
}

fn render_text(docs: &[Document], color: bool) -> String {
    let mut s = String::new();
    for doc in docs {
        let _ = writeln!(s, "== {} ({} words)", doc.file, doc.report.words);
        let (marks, notes) = marks(doc);
        if let Some(text) = &doc.text {
            let mut at = 0;
            for m in &marks {
                if m.start < at
                    || m.end > text.len()
                    || !text.is_char_boundary(m.start)
                    || !text.is_char_boundary(m.end)
                {
                    continue;
                }
                s.push_str(&text[at..m.start]);
                let shown = &text[m.start..m.end];
                if color {
                    let code = match m.class {
                        "sanctioned" => "1;31",
                        "pep" => "1;33",
                        "listed" => "36",
                        "sanctioned-place" => "4;35",
                        "official" => "34",
                        _ => "4",
                    };
                    let _ = write!(s, "\x1b[{code}m{shown}\x1b[0m");
                    if m.note > 0 {
                        let _ = write!(s, "\x1b[2m[{}]\x1b[0m", m.note);
                    }
                } else if m.note > 0 {
                    let _ = write!(s, "[{shown}]{{{} {}}}", m.label, m.note);
                } else {
                    let _ = write!(s, "[{shown}]{{{}}}", m.label);
                }
                at = m.end;
            }
            s.push_str(&text[at..]);
            if !s.ends_with('\n') {
                s.push('\n');
            }
            s.push('\n');
        }
        s.push_str(&summary_text(doc, &notes));
        s.push('\n');
    }
    if docs.len() > 1 {
        let sum = summary(docs);
        let _ = writeln!(s, "== summary of {} documents", docs.len());
        let rows: Vec<Vec<String>> = sum["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                vec![
                    e["risk"].as_str().unwrap_or("").to_owned(),
                    e["caption"].as_str().unwrap_or("").to_owned(),
                    e["mentions"].to_string(),
                    e["documents"].to_string(),
                    e["id"].as_str().unwrap_or("").to_owned(),
                ]
            })
            .collect();
        s.push_str(&table(&["risk", "entity", "mentions", "documents", "id"], &rows));
    }
    s
}

fn summary_text(doc: &Document, notes: &[(String, String)]) -> String {
    let r = &doc.report;
    let mut s = String::new();
    // Listed entities, riskiest first.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut seen = Vec::new();
    let rank = |risk: &str| match risk {
        "sanctioned" => 0,
        "sanction-linked" => 1,
        "PEP" => 2,
        "crime" => 3,
        _ => 4,
    };
    let mut mentions: Vec<&vetter_scan::Mention> = r.mentions.iter().collect();
    mentions.sort_by_key(|m| rank(&m.entity.risk));
    for m in mentions {
        if seen.contains(&m.entity.id) {
            continue;
        }
        seen.push(m.entity.id.clone());
        let count = r.mentions.iter().filter(|x| x.entity.id == m.entity.id).count();
        let note = notes.iter().position(|(k, _)| *k == m.entity.id).map_or(0, |i| i + 1);
        rows.push(vec![
            format!("[{note}]"),
            m.entity.risk.clone(),
            m.name.clone(),
            m.entity.caption.clone(),
            format!("{:.2}", m.score),
            count.to_string(),
            m.entity.programs.iter().take(4).cloned().collect::<Vec<_>>().join(", "),
            m.entity.id.clone(),
        ]);
    }
    let sanctioned = r
        .mentions
        .iter()
        .filter(|m| m.entity.risk == "sanctioned")
        .map(|m| &m.entity.id)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let peps = r
        .mentions
        .iter()
        .filter(|m| m.entity.risk == "PEP")
        .map(|m| &m.entity.id)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let _ = writeln!(s, "risk summary: {sanctioned} sanctioned, {peps} PEP, {} listed entities in all", rows.len());
    if !rows.is_empty() {
        s.push_str(&table(
            &["note", "risk", "mentioned as", "listed entity", "score", "mentions", "programs", "id"],
            &rows,
        ));
    }
    // Jurisdictions.
    let mut by_country: BTreeMap<&str, (&str, usize, usize, Vec<&str>)> = BTreeMap::new();
    for j in &r.jurisdictions {
        let e = by_country.entry(&j.country).or_insert((&j.country_name, 0, j.programs.len(), Vec::new()));
        e.1 += 1;
        if !e.3.contains(&j.text.as_str()) {
            e.3.push(&j.text);
        }
    }
    if !by_country.is_empty() {
        let mut rows: Vec<(usize, Vec<String>)> = by_country
            .iter()
            .map(|(c, (name, n, programs, forms))| {
                let first: Vec<String> = r
                    .jurisdictions
                    .iter()
                    .find(|j| j.country == *c)
                    .map(|j| j.programs.iter().take(4).cloned().collect())
                    .unwrap_or_default();
                (
                    *programs,
                    vec![
                        c.to_string(),
                        name.to_string(),
                        n.to_string(),
                        forms.join(", "),
                        if *programs == 0 { "-".to_owned() } else { format!("{programs}: {}", first.join(", ")) },
                    ],
                )
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        s.push_str("\njurisdictions:\n");
        s.push_str(&table(
            &["code", "country", "mentions", "as", "programs"],
            &rows.into_iter().map(|r| r.1).collect::<Vec<_>>(),
        ));
    }
    if !r.officials.is_empty() {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for o in &r.officials {
            let row = vec![
                o.name.clone().unwrap_or_else(|| "-".to_owned()),
                o.role.clone(),
                o.country.clone().unwrap_or_else(|| "foreign".to_owned()),
                o.risk.clone().unwrap_or_else(|| "not listed".to_owned()),
                o.text.clone(),
            ];
            if !rows.iter().any(|r| r[..3] == row[..3]) {
                rows.push(row);
            }
        }
        s.push_str("\nofficials:\n");
        s.push_str(&table(&["name", "role", "country", "risk", "as printed"], &rows));
    }
    if !r.interactions.is_empty() {
        let rows: Vec<Vec<String>> = r
            .interactions
            .iter()
            .map(|i| {
                vec![
                    i.kind_name().to_owned(),
                    i.counterpart.clone(),
                    i.counterpart_risk.clone().or_else(|| i.counterpart_role.clone()).unwrap_or_default(),
                    format!("{}..{}", i.start, i.end),
                    excerpt(&i.sentence, 90),
                ]
            })
            .collect();
        let _ = writeln!(s, "\ncontacts of {}:", r.interactions[0].subject);
        s.push_str(&table(&["kind", "counterpart", "risk or role", "bytes", "sentence"], &rows));
    }
    if !notes.is_empty() {
        s.push_str("\nnotes:\n");
        for (i, (_, n)) in notes.iter().enumerate() {
            let _ = writeln!(s, "[{}] {n}", i + 1);
        }
    }
    s
}

trait KindName {
    fn kind_name(&self) -> &'static str;
}

impl KindName for vetter_scan::Interaction {
    fn kind_name(&self) -> &'static str {
        match self.kind {
            vetter_scan::ContactKind::Meeting => "meeting",
            vetter_scan::ContactKind::Call => "call",
            vetter_scan::ContactKind::Communication => "communication",
            vetter_scan::ContactKind::Other => "other",
        }
    }
}

fn excerpt(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max { flat } else { format!("{}…", flat.chars().take(max).collect::<String>()) }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const CSS: &str = "body{font-family:system-ui,sans-serif;margin:0;display:flex;color:#222}\
main{flex:3;padding:1.5em 2em;max-width:60em}aside{flex:2;padding:1.5em;background:#f6f6f6;border-left:1px solid #ddd;\
font-size:.9em;max-height:100vh;overflow:auto;position:sticky;top:0}\
.doc{white-space:pre-wrap;line-height:1.6}mark{padding:0 .1em;border-radius:.2em}\
mark.sanctioned{background:#f8b4b4;font-weight:bold}mark.pep{background:#fde68a}mark.listed{background:#bfdbfe}\
mark.sanctioned-place{background:none;border-bottom:2px solid #a21caf}mark.place{background:none;border-bottom:1px dotted #999}\
mark.official{background:#dbeafe}sup{color:#555}table{border-collapse:collapse;margin:.5em 0 1.5em}\
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#eee}\
.note{margin:.6em 0;padding:.5em;background:#fff;border:1px solid #ddd}.risk-sanctioned{color:#b91c1c;font-weight:bold}";

fn render_html(docs: &[Document]) -> String {
    let mut s = String::new();
    s.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>vetter scan</title><style>");
    s.push_str(CSS);
    s.push_str("</style></head><body><main>\n");
    let mut aside = String::new();
    for (di, doc) in docs.iter().enumerate() {
        let r = &doc.report;
        let (marks, notes) = marks(doc);
        let _ = writeln!(s, "<h1>{}</h1>", esc(&doc.file));
        let sanctioned: std::collections::BTreeSet<&str> =
            r.mentions.iter().filter(|m| m.entity.risk == "sanctioned").map(|m| m.entity.caption.as_str()).collect();
        let _ = writeln!(
            s,
            "<p><b>{}</b> sanctioned entities mentioned{}; {} jurisdictions; {} officials; {} contacts.</p>",
            sanctioned.len(),
            if sanctioned.is_empty() {
                String::new()
            } else {
                format!(" ({})", esc(&sanctioned.into_iter().collect::<Vec<_>>().join("; ")))
            },
            r.jurisdictions.iter().map(|j| &j.country).collect::<std::collections::BTreeSet<_>>().len(),
            r.officials.len(),
            r.interactions.len()
        );
        if let Some(text) = &doc.text {
            s.push_str("<div class=\"doc\">");
            let mut at = 0;
            for m in &marks {
                if m.start < at
                    || m.end > text.len()
                    || !text.is_char_boundary(m.start)
                    || !text.is_char_boundary(m.end)
                {
                    continue;
                }
                s.push_str(&esc(&text[at..m.start]));
                let title = if m.note > 0 { notes[m.note - 1].1.clone() } else { m.label.clone() };
                let _ = write!(
                    s,
                    "<mark class=\"{}\" title=\"{}\">{}</mark>",
                    m.class,
                    esc(&title),
                    esc(&text[m.start..m.end])
                );
                if m.note > 0 {
                    let _ = write!(s, "<sup><a href=\"#n{di}-{}\">{}</a></sup>", m.note, m.note);
                }
                at = m.end;
            }
            s.push_str(&esc(&text[at..]));
            s.push_str("</div>\n");
        }
        // Summary tables.
        s.push_str("<h2>Listed entities</h2><table><tr><th>risk</th><th>mentioned as</th><th>listed entity</th><th>lists</th><th>programs</th><th>score</th></tr>");
        let mut seen = Vec::new();
        for m in &r.mentions {
            if seen.contains(&&m.entity.id) {
                continue;
            }
            seen.push(&m.entity.id);
            let _ = write!(
                s,
                "<tr><td class=\"risk-{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td></tr>",
                esc(&m.entity.risk),
                esc(&m.entity.risk),
                esc(&m.name),
                esc(&m.entity.caption),
                esc(&m.entity.datasets.join(", ")),
                esc(&m.entity.programs.join(", ")),
                m.score
            );
        }
        s.push_str("</table>\n<h2>Jurisdictions</h2><table><tr><th>country</th><th>as printed</th><th>programs in the lists</th></tr>");
        let mut seen = Vec::new();
        for j in &r.jurisdictions {
            if seen.contains(&&j.country) {
                continue;
            }
            seen.push(&j.country);
            let forms: std::collections::BTreeSet<&str> =
                r.jurisdictions.iter().filter(|x| x.country == j.country).map(|x| x.text.as_str()).collect();
            let _ = write!(
                s,
                "<tr><td>{} ({})</td><td>{}</td><td>{}</td></tr>",
                esc(&j.country_name),
                esc(&j.country),
                esc(&forms.into_iter().collect::<Vec<_>>().join(", ")),
                esc(&j.programs.join(", "))
            );
        }
        s.push_str(
            "</table>\n<h2>Officials</h2><table><tr><th>name</th><th>role</th><th>country</th><th>as printed</th></tr>",
        );
        for o in &r.officials {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(o.name.as_deref().unwrap_or("-")),
                esc(&o.role),
                esc(o.country_name.as_deref().unwrap_or("foreign")),
                esc(&o.text)
            );
        }
        s.push_str("</table>\n");
        if !r.interactions.is_empty() {
            s.push_str(
                "<h2>Contacts</h2><table><tr><th>kind</th><th>subject</th><th>counterpart</th><th>sentence</th></tr>",
            );
            for i in &r.interactions {
                let _ = write!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    i.kind_name(),
                    esc(&i.subject),
                    esc(&i.counterpart),
                    esc(&i.sentence)
                );
            }
            s.push_str("</table>\n");
        }
        let _ = writeln!(aside, "<h2>{}</h2>", esc(&doc.file));
        for (i, (_, n)) in notes.iter().enumerate() {
            let _ = writeln!(aside, "<div class=\"note\" id=\"n{di}-{}\"><b>[{}]</b> {}</div>", i + 1, i + 1, esc(n));
        }
    }
    s.push_str("</main><aside><h1>Entities</h1>\n");
    s.push_str(&aside);
    s.push_str("</aside></body></html>\n");
    s
}
