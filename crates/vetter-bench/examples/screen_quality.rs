//! Measures screening quality on the bundled lists against issue 5's targets,
//! and writes the figures and failure samples to `bench/screening/quality/`.
//!
//! ```sh
//! cargo run --release -p vetter-bench --example screen_queries   # bench/screening/queries.csv
//! cargo run --release -p vetter-bench --example screen_quality
//! ```
//!
//! 1. **Aliases:** every name (name, alias, weak alias, previous name) of every
//!    canonical entity is screened name-only, with the entity's schema, and
//!    must return that entity in the top 10. Rates by script, name property,
//!    schema, dataset and word count.
//! 2. **Transliterations:** the `translit-*` rows of `queries.csv` (Latin names
//!    of listed persons machine-transliterated into Cyrillic and Arabic script),
//!    screened name-only as Person; same test.
//! 3. **Synthetic people:** the `synthetic-*` rows (people on no list, with a
//!    birth date and country when the row has them), screened as Person; a row
//!    fails when any of its top 10 hits is a `match` whose risk is `sanctioned`.
//!
//! A query that misses its entity is screened again with a wide limit and
//! diagnosed: `no-words` (normalises to nothing), `tied` (found below the top
//! 10 with the 10th hit's score: more than ten entities share the name),
//! `outranked` (found with a lower score than the 10th hit), and, when not
//! found at all, `matcher` (its best name scores under 0.3 against the query),
//! `no-shared-key` (no postings key of the query leads to it), `pruned` (it
//! shares keys but the candidate step cut it, and its name score would have
//! put it in the top 10) or `pruned-ambiguous` (cut, but ten hits score at
//! least as well). These mirror the candidate step of `vetter_engine::screen`
//! from outside and may drift from it. Scores are name-only for these
//! queries, so the entity's best name score is what it would have scored.
//!
//! `--every N` screens every Nth alias only (a quick look; the figures then
//! are a sample).
//!
//! Outputs: `summary.md` (the figures), `rates.csv` (every rate in long form),
//! `alias_failures.csv` and `translit_failures.csv` (a sample per script or
//! kind and cause), `synthetic_matches.csv` (every synthetic row with a
//! sanctioned match, with the offending hit and a cause).

// A command-line program: the figures go to stdout, progress to stderr.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use vetter_engine::{Engine, Hit, OpenOptions, Query};
use vetter_matcher::{Algorithm, Prepared, compare_prepared, prepare, score_prepared};
use vetter_model::{Entity, Prop, Schema};
use vetter_names::{NameKind, normalize};

/// Hits asked for per query, as the issue's "top 10".
const TOP: usize = 10;

/// Failure rows written per (script or kind, cause).
const SAMPLE_PER_BUCKET: usize = 1_000;

/// One query with what it should find.
struct Case {
    kind: String,
    script: String,
    name: String,
    schema: Schema,
    birth_date: Option<String>,
    country: Option<String>,
    /// The canonical entity index the query must find.
    expected: Option<u32>,
    /// For aliases: the property the name came from.
    prop: &'static str,
    /// For transliterations: whether the entity already has a name in the target script.
    native: bool,
    /// The datasets of the expected entity.
    datasets: Vec<String>,
    /// Which fifth of the index (entities sorted by id) the expected entity is in.
    id_fifth: usize,
}

/// What screening one case found.
struct Outcome {
    /// 1-based rank of the expected entity in the top 10.
    rank: Option<usize>,
    /// Its `match` flag when in the top 10.
    is_match: bool,
    top: Option<Hit>,
    /// For misses: the cause and details.
    diagnosis: Option<Diagnosis>,
    /// For people on no list: the best sanctioned match.
    sanctioned: Option<Hit>,
    /// For people on no list: any match of any risk.
    any_match: bool,
    /// For people on no list: a sanctioned match whose schema is Person.
    sanctioned_person: bool,
}

struct Diagnosis {
    cause: &'static str,
    /// Rank and score of the expected entity in the wide screen, when found.
    wide_rank: Option<usize>,
    wide_score: f64,
    /// The expected entity's best name score against the query, and that name.
    best_name: (f64, String),
    /// Entities sharing a postings key with the query.
    candidates: usize,
}

fn main() -> anyhow::Result<()> {
    let repo = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let out_dir = repo.join("bench/screening/quality");
    fs_err::create_dir_all(&out_dir)?;
    let started = Instant::now();
    let (engine, _) = Engine::open(&OpenOptions::new(repo.join("data/lists")))?;
    eprintln!("index open in {:.1}s, {} entities", started.elapsed().as_secs_f64(), engine.len());

    // `--every N` screens every Nth alias only, for a quick look.
    let every: usize = match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
        [] => 1,
        [flag, n] if flag == "--every" => n.parse()?,
        _ => anyhow::bail!("usage: screen_quality [--every N]"),
    };
    let aliases: Vec<Case> = alias_cases(&engine).into_iter().step_by(every.max(1)).collect();
    let (translit, synthetic) = read_queries(&repo.join("bench/screening/queries.csv"), &engine)?;
    eprintln!("{} aliases, {} transliterations, {} synthetic people", aliases.len(), translit.len(), synthetic.len());

    let mut summary = String::new();
    let mut rates = csv::Writer::from_path(out_dir.join("rates.csv"))?;
    rates.write_record(["section", "dimension", "value", "n", "found", "rate"])?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    writeln!(
        summary,
        "# Screening quality on the bundled lists\n\n\
         Produced by `cargo run --release -p vetter-bench --example screen_quality` \
         (see bench/screening/README.md) on {} entities, {threads} threads; {}.\n",
        engine.len(),
        provenance(&repo)
    )?;

    let (alias_out, alias_time) = run("aliases", &engine, &aliases);
    let (translit_out, translit_time) = run("transliterations", &engine, &translit);
    let (synthetic_out, synthetic_time) = run("synthetic", &engine, &synthetic);

    report_found(&mut summary, &mut rates, "alias", &aliases, &alias_out, alias_time)?;
    write_failures(&out_dir.join("alias_failures.csv"), &engine, &aliases, &alias_out, |c| c.script.clone())?;
    report_found(&mut summary, &mut rates, "translit", &translit, &translit_out, translit_time)?;
    write_failures(&out_dir.join("translit_failures.csv"), &engine, &translit, &translit_out, |c| c.kind.clone())?;
    report_synthetic(&mut summary, &mut rates, &out_dir, &synthetic, &synthetic_out, synthetic_time)?;
    rates.flush()?;

    writeln!(
        summary,
        "Wall time of the whole run (open, screening, diagnosis of the misses, reports): {:.0}s.",
        started.elapsed().as_secs_f64()
    )?;
    fs_err::write(out_dir.join("summary.md"), &summary)?;
    println!("{summary}");
    eprintln!("total {:.0}s; wrote {}", started.elapsed().as_secs_f64(), out_dir.display());
    Ok(())
}

/// The commit, and the files of the crates that decide the results that differ from it.
fn provenance(repo: &Path) -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(repo)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim_end().to_owned())
    };
    let Some(head) = git(&["rev-parse", "--short", "HEAD"]) else { return "commit unknown".into() };
    let crates = ["crates/vetter-engine", "crates/vetter-matcher", "crates/vetter-names", "crates/vetter-index"];
    let dirty = git(&[&["status", "--porcelain", "--"][..], &crates[..]].concat()).unwrap_or_default();
    let files: Vec<&str> = dirty.lines().filter_map(|l| l.get(3..)).collect();
    if files.is_empty() {
        format!("commit {head}")
    } else {
        format!("commit {head} with uncommitted changes to {}", files.join(", "))
    }
}

// ---------------------------------------------------------------------------
// Inputs.

fn script_of(name: &str) -> String {
    format!("{:?}", normalize(name, NameKind::Any).script)
}

fn prop_label(p: Prop) -> &'static str {
    match p {
        Prop::Name => "name",
        Prop::Alias => "alias",
        Prop::WeakAlias => "weakAlias",
        Prop::PreviousName => "previousName",
        _ => "other",
    }
}

/// Every distinct name of every canonical entity.
fn alias_cases(engine: &Engine) -> Vec<Case> {
    let mut out = Vec::new();
    for i in 0..engine.len() as u32 {
        let Some(e) = engine.index().entity(i) else { continue };
        let mut seen = HashSet::new();
        let datasets: Vec<String> = e.datasets().into_iter().map(str::to_owned).collect();
        for (prop, name) in e.names() {
            if !seen.insert(name) {
                continue;
            }
            out.push(Case {
                kind: "alias".into(),
                script: script_of(name),
                name: name.to_owned(),
                schema: e.schema,
                birth_date: None,
                country: None,
                expected: Some(i),
                prop: prop_label(prop),
                native: false,
                datasets: datasets.clone(),
                id_fifth: 1 + 5 * i as usize / engine.len().max(1),
            });
        }
    }
    out
}

/// The `translit-*` and `synthetic-*` rows of `queries.csv`.
fn read_queries(path: &Path, engine: &Engine) -> anyhow::Result<(Vec<Case>, Vec<Case>)> {
    let mut reader = csv::Reader::from_path(path)
        .map_err(|e| anyhow::anyhow!("{}: {e} (run the screen_queries example first)", path.display()))?;
    let mut translit = Vec::new();
    let mut synthetic = Vec::new();
    for record in reader.records() {
        let r = record?;
        let field = |i: usize| r.get(i).unwrap_or("").to_owned();
        let kind = field(1);
        let opt = |s: String| (!s.is_empty()).then_some(s);
        let mut case = Case {
            kind: kind.clone(),
            script: field(2),
            name: field(3),
            schema: field(4).parse().unwrap_or(Schema::Person),
            birth_date: opt(field(5)),
            country: opt(field(6)),
            expected: None,
            prop: "",
            native: false,
            datasets: Vec::new(),
            id_fifth: 0,
        };
        if kind.starts_with("translit-") {
            let id = field(7);
            let Some(at) = engine.index().lookup(&id) else {
                anyhow::bail!("{}: expected entity {id} is not in the index; regenerate queries.csv", path.display());
            };
            let target = if kind == "translit-arabic" { "Arabic" } else { "Cyrillic" };
            if let Some(e) = engine.index().entity(at) {
                case.native = e.names().any(|(_, n)| script_of(n) == target);
                case.datasets = e.datasets().into_iter().map(str::to_owned).collect();
            }
            case.expected = Some(at);
            case.id_fifth = 1 + 5 * at as usize / engine.len().max(1);
            translit.push(case);
        } else if kind.starts_with("synthetic-") {
            synthetic.push(case);
        }
    }
    Ok((translit, synthetic))
}

// ---------------------------------------------------------------------------
// Screening.

/// Screens every case on all threads; returns the outcomes in case order and
/// the wall time of the top-10 screening alone (diagnosis excluded).
fn run(label: &str, engine: &Engine, cases: &[Case]) -> (Vec<Outcome>, f64) {
    let started = Instant::now();
    let hits = par_map(label, cases, |c| engine.screen(&query(c), TOP));
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!("{label}: {} queries in {elapsed:.1}s ({:.0}/s)", cases.len(), cases.len() as f64 / elapsed);
    let indexed: Vec<(&Case, Vec<Hit>)> = cases.iter().zip(hits).collect();
    let outcomes = par_map(&format!("{label} (diagnosis)"), &indexed, |(c, hits)| outcome(engine, c, hits));
    (outcomes, elapsed)
}

fn query(c: &Case) -> Query {
    Query {
        name: c.name.clone(),
        schema: Some(c.schema),
        birth_date: c.birth_date.clone(),
        countries: c.country.iter().cloned().collect(),
        ..Query::default()
    }
}

/// Maps `f` over `items` on all threads, in order, with progress on stderr.
fn par_map<T: Sync, R: Send>(label: &str, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    const CHUNK: usize = 256;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= items.len() {
                            break;
                        }
                        let end = (start + CHUNK).min(items.len());
                        mine.push((start, items[start..end].iter().map(&f).collect::<Vec<R>>()));
                        let before = done.fetch_add(end - start, Ordering::Relaxed);
                        if (before + end - start) / 20_000 > before / 20_000 {
                            eprintln!("  {label}: {}/{}", before + end - start, items.len());
                        }
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a screening thread panicked")).collect()
    });
    parts.sort_by_key(|(start, _)| *start);
    parts.into_iter().flat_map(|(_, r)| r).collect()
}

fn outcome(engine: &Engine, c: &Case, hits: &[Hit]) -> Outcome {
    let top = hits.first().cloned();
    let Some(expected) = c.expected else {
        let sanctioned = hits.iter().find(|h| h.is_match && h.risk == "sanctioned").cloned();
        return Outcome {
            rank: None,
            is_match: false,
            top,
            diagnosis: None,
            sanctioned,
            any_match: hits.iter().any(|h| h.is_match),
            sanctioned_person: hits.iter().any(|h| h.is_match && h.risk == "sanctioned" && h.schema == Schema::Person),
        };
    };
    let entity = engine.index().entity(expected).expect("expected entity in the index");
    if let Some(at) = hits.iter().position(|h| h.id == entity.id) {
        return Outcome {
            rank: Some(at + 1),
            is_match: hits[at].is_match,
            top,
            diagnosis: None,
            sanctioned: None,
            any_match: false,
            sanctioned_person: false,
        };
    }
    Outcome {
        rank: None,
        is_match: false,
        top,
        diagnosis: Some(diagnose(engine, c, &entity, expected, hits)),
        sanctioned: None,
        any_match: false,
        sanctioned_person: false,
    }
}

fn diagnose(engine: &Engine, c: &Case, entity: &Entity, at: u32, hits: &[Hit]) -> Diagnosis {
    let schema = if c.schema == Schema::LegalEntity { entity.schema } else { c.schema };
    let prepared = prepare(&c.name, schema);
    let best_name = best_name_score(&prepared, entity, schema);
    let (candidates, shares_key) = candidate_keys(engine, &prepared, at);
    let mut d = Diagnosis { cause: "", wide_rank: None, wide_score: 0.0, best_name, candidates };
    if prepared.form.tokens.is_empty() {
        d.cause = "no-words";
        return d;
    }
    let wide = engine.screen(&query(c), 1_000);
    if let Some(p) = wide.iter().position(|h| h.id == entity.id) {
        d.wide_rank = Some(p + 1);
        d.wide_score = wide[p].score;
        let last = hits.last().map_or(0.0, |h| h.score);
        d.cause = if wide[p].score >= last { "tied" } else { "outranked" };
    } else if d.best_name.0 < 0.3 {
        d.cause = "matcher";
    } else if !shares_key {
        d.cause = "no-shared-key";
    } else if hits.len() == TOP && hits.last().is_some_and(|h| h.score >= d.best_name.0) {
        d.cause = "pruned-ambiguous";
    } else {
        d.cause = "pruned";
    }
    d
}

/// The entity's best name score against the query, as screening computes it
/// (weak aliases count 0.9), and that name.
fn best_name_score(query: &Prepared, entity: &Entity, schema: Schema) -> (f64, String) {
    let mut best = (0.0, String::new());
    for (prop, name) in entity.names() {
        let mut s = score_prepared(query, &prepare(name, schema), schema, Algorithm::Vetter);
        if prop == Prop::WeakAlias {
            s *= 0.9;
        }
        if s > best.0 || best.1.is_empty() {
            best = (s, name.to_owned());
        }
    }
    best
}

/// How many entities share a postings key (of at least two letters) with the
/// query, and whether the expected one does.
fn candidate_keys(engine: &Engine, prepared: &Prepared, at: u32) -> (usize, bool) {
    let data = engine.index().data();
    let mut union = HashSet::new();
    for key in vetter_engine::screen::name_keys(prepared).iter().filter(|k| k.len() >= 4) {
        for e in data.postings.get(key) {
            union.insert(e.to_native());
        }
    }
    let shares = union.contains(&at);
    (union.len(), shares)
}

// ---------------------------------------------------------------------------
// Reports.

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    top10: usize,
    rank1: usize,
    matched: usize,
}

impl Tally {
    fn add(&mut self, o: &Outcome) {
        self.n += 1;
        if let Some(rank) = o.rank {
            self.top10 += 1;
            self.rank1 += usize::from(rank == 1);
            self.matched += usize::from(o.is_match);
        }
    }
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { 100.0 * part as f64 / whole as f64 }
}

fn word_bucket(name: &str, schema: Schema) -> String {
    match prepare(name, schema).form.tokens.len() {
        n @ 0..=4 => n.to_string(),
        _ => "5+".into(),
    }
}

/// Rates of finding the expected entity, by dimension, and the miss causes.
fn report_found(
    md: &mut String,
    rates: &mut csv::Writer<std::fs::File>,
    section: &str,
    cases: &[Case],
    outcomes: &[Outcome],
    seconds: f64,
) -> anyhow::Result<()> {
    let mut dims: BTreeMap<&str, BTreeMap<String, Tally>> = BTreeMap::new();
    let mut causes: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut all = Tally::default();
    for (c, o) in cases.iter().zip(outcomes) {
        all.add(o);
        let group = if section == "alias" { c.script.clone() } else { c.kind.clone() };
        let mut keys: Vec<(&str, String)> =
            vec![("script", c.script.clone()), ("words", word_bucket(&c.name, c.schema))];
        if section == "alias" {
            keys.push(("property", c.prop.to_owned()));
            keys.push(("schema", c.schema.as_str().to_owned()));
        } else {
            keys.push(("kind", c.kind.clone()));
            let native = if c.native { "has a name in this script" } else { "no name in this script" };
            keys.push(("native", format!("{} / {native}", c.kind)));
        }
        keys.push(("id order", format!("fifth {} of the entities by id", c.id_fifth)));
        // An entity counts under each of the lists it comes from.
        keys.extend(c.datasets.iter().map(|d| ("dataset", d.clone())));
        for (dim, value) in keys {
            dims.entry(dim).or_default().entry(value).or_default().add(o);
        }
        if let Some(d) = &o.diagnosis {
            *causes.entry(group).or_default().entry(d.cause).or_default() += 1;
        }
    }
    let title =
        if section == "alias" { "Every name of every listed entity" } else { "Transliterated names of listed persons" };
    writeln!(md, "## {title}\n")?;
    writeln!(
        md,
        "{} queries, name-only, schema = the entity's schema{}; top-10 screening took {seconds:.1}s ({:.0} queries/s).\n",
        all.n,
        if section == "alias" { "" } else { " (Person)" },
        all.n as f64 / seconds
    )?;
    writeln!(
        md,
        "**In the top 10: {:.2}%** ({} of {}); first: {:.2}%; in the top 10 and a `match`: {:.2}%.\n",
        pct(all.top10, all.n),
        all.top10,
        all.n,
        pct(all.rank1, all.n),
        pct(all.matched, all.n)
    )?;
    rates.write_record([section, "all", "", &all.n.to_string(), &all.top10.to_string(), &rate(all.top10, all.n)])?;
    let order: &[&str] = if section == "alias" {
        &["script", "property", "schema", "dataset", "words", "id order"]
    } else {
        &["kind", "native", "dataset", "words", "id order"]
    };
    for dim in order {
        let Some(values) = dims.get(dim) else { continue };
        writeln!(
            md,
            "| {dim} | queries | top 10 | first | top 10 and match | misses |\n|---|---:|---:|---:|---:|---:|"
        )?;
        let mut rows: Vec<(&String, &Tally)> = values.iter().collect();
        rows.sort_by(|a, b| b.1.n.cmp(&a.1.n).then(a.0.cmp(b.0)));
        for (value, t) in rows {
            writeln!(
                md,
                "| {value} | {} | {:.2}% | {:.2}% | {:.2}% | {} |",
                t.n,
                pct(t.top10, t.n),
                pct(t.rank1, t.n),
                pct(t.matched, t.n),
                t.n - t.top10
            )?;
            rates.write_record([section, dim, value, &t.n.to_string(), &t.top10.to_string(), &rate(t.top10, t.n)])?;
        }
        writeln!(md)?;
    }
    let names = ["no-words", "tied", "outranked", "matcher", "no-shared-key", "pruned", "pruned-ambiguous"];
    writeln!(
        md,
        "Misses by cause (see the example's doc comment):\n\n| {} | {} |\n|---|{}",
        if section == "alias" { "script" } else { "kind" },
        names.join(" | "),
        "---:|".repeat(names.len())
    )?;
    for (group, counts) in &causes {
        let cells: Vec<String> = names.iter().map(|n| counts.get(n).copied().unwrap_or(0).to_string()).collect();
        writeln!(md, "| {group} | {} |", cells.join(" | "))?;
        for (cause, n) in counts {
            rates.write_record([section, "cause", &format!("{group}/{cause}"), &n.to_string(), "", ""])?;
        }
    }
    writeln!(md)?;
    Ok(())
}

fn rate(part: usize, whole: usize) -> String {
    format!("{:.4}", pct(part, whole) / 100.0)
}

/// A sample of misses per group and cause, with what was found instead.
fn write_failures(
    path: &Path,
    engine: &Engine,
    cases: &[Case],
    outcomes: &[Outcome],
    group: impl Fn(&Case) -> String,
) -> anyhow::Result<()> {
    let mut buckets: BTreeMap<(String, &str), Vec<(u64, usize)>> = BTreeMap::new();
    for (i, (c, o)) in cases.iter().zip(outcomes).enumerate() {
        if let Some(d) = &o.diagnosis {
            buckets.entry((group(c), d.cause)).or_default().push((spread(&c.name), i));
        }
    }
    let mut out = csv::Writer::from_path(path)?;
    out.write_record([
        "group",
        "cause",
        "query",
        "property",
        "schema",
        "expected",
        "expected_caption",
        "wide_rank",
        "wide_score",
        "best_name_score",
        "best_name",
        "candidates",
        "top_id",
        "top_caption",
        "top_score",
        "top_matched_name",
    ])?;
    for ((g, cause), mut items) in buckets {
        items.sort_unstable();
        for (_, i) in items.into_iter().take(SAMPLE_PER_BUCKET) {
            let (c, o) = (&cases[i], &outcomes[i]);
            let Some(d) = &o.diagnosis else { continue };
            let e = c.expected.and_then(|at| engine.index().entity(at));
            let top = o.top.as_ref();
            out.write_record([
                g.as_str(),
                cause,
                &c.name,
                c.prop,
                c.schema.as_str(),
                e.as_ref().map_or("", |e| e.id.as_str()),
                e.as_ref().map_or("", |e| e.caption.as_str()),
                &d.wide_rank.map(|r| r.to_string()).unwrap_or_default(),
                &format!("{:.3}", d.wide_score),
                &format!("{:.3}", d.best_name.0),
                &d.best_name.1,
                &d.candidates.to_string(),
                top.map_or("", |h| h.id.as_str()),
                top.map_or("", |h| h.caption.as_str()),
                &top.map(|h| format!("{:.3}", h.score)).unwrap_or_default(),
                top.map_or("", |h| h.matched_name.as_str()),
            ])?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A stable pseudo-random key for sampling (FNV-1a).
fn spread(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Why a synthetic person matched a listed one, from the name comparison.
struct FpInfo {
    /// How the two names' words relate (`exact name`, `listed name inside the query`...).
    cause: &'static str,
    /// The loosest reason among the aligned words (`initial`, `sound`, `skeleton`, ..., `exact`).
    loosest: String,
    /// Words of the listed name.
    listed_words: usize,
}

fn fp_info(query: &str, hit: &Hit) -> FpInfo {
    let q = prepare(query, Schema::Person);
    let l = prepare(&hit.matched_name, Schema::Person);
    let e = compare_prepared(&q, &l, Schema::Person, Algorithm::Vetter).explanation;
    const LOOSENESS: [&str; 7] = ["initial", "sound", "skeleton", "spelling", "fused", "variant", "exact"];
    let loosest = e
        .aligned
        .iter()
        .map(|a| a.reason.as_str())
        .min_by_key(|r| LOOSENESS.iter().position(|x| x == r).unwrap_or(0))
        .unwrap_or("none")
        .to_owned();
    let sorted = |p: &Prepared| {
        let mut t: Vec<String> = p.form.tokens.iter().map(|t| t.text.clone()).collect();
        t.sort_unstable();
        t
    };
    let cause = if vetter_names::name_key(query) == vetter_names::name_key(&hit.matched_name) {
        "exact name"
    } else if sorted(&q) == sorted(&l) {
        "same words after normalisation"
    } else {
        match (e.unmatched_left.is_empty(), e.unmatched_right.is_empty()) {
            (true, true) => "all words align (spelling, sound, variant)",
            (false, true) => "listed name inside the query",
            (true, false) => "query inside the listed name",
            (false, false) => "partial overlap (words unmatched on both sides)",
        }
    };
    FpInfo { cause, loosest, listed_words: l.form.tokens.len() }
}

fn report_synthetic(
    md: &mut String,
    rates: &mut csv::Writer<std::fs::File>,
    out_dir: &Path,
    cases: &[Case],
    outcomes: &[Outcome],
    seconds: f64,
) -> anyhow::Result<()> {
    #[derive(Default)]
    struct Row {
        n: usize,
        sanctioned: usize,
        exact: usize,
        any: usize,
        boosted: usize,
        person: usize,
    }
    let mut by: BTreeMap<&str, BTreeMap<String, Row>> = BTreeMap::new();
    let mut causes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut hit_schema: BTreeMap<&str, usize> = BTreeMap::new();
    let mut loosest: BTreeMap<String, usize> = BTreeMap::new();
    let mut listed_words: BTreeMap<usize, usize> = BTreeMap::new();
    let mut entities: HashMap<String, (String, usize)> = HashMap::new();
    let mut fps = Vec::new();
    let mut all = Row::default();
    for (c, o) in cases.iter().zip(outcomes) {
        let culture = c.kind.trim_start_matches("synthetic-").to_owned();
        let with = |b: bool| if b { "yes" } else { "no" }.to_owned();
        let keys = [
            ("culture", culture.clone()),
            ("script", c.script.clone()),
            ("birth date given", with(c.birth_date.is_some())),
            ("country given", with(c.country.is_some())),
        ];
        let info = o.sanctioned.as_ref().map(|h| fp_info(&c.name, h));
        let cause = info.as_ref().map(|i| i.cause);
        let boosted = o.sanctioned.as_ref().is_some_and(|h| h.explanation.name_score < 0.7);
        let count = |row: &mut Row| {
            row.n += 1;
            row.any += usize::from(o.any_match);
            row.person += usize::from(o.sanctioned_person);
            if cause.is_some() {
                row.sanctioned += 1;
                row.exact += usize::from(cause == Some("exact name"));
                row.boosted += usize::from(boosted);
            }
        };
        for (dim, value) in keys {
            count(by.entry(dim).or_default().entry(value).or_default());
        }
        count(&mut all);
        if let (Some(h), Some(info)) = (&o.sanctioned, info) {
            let cause = info.cause;
            *causes.entry(cause).or_default() += 1;
            *hit_schema.entry(h.schema.as_str()).or_default() += 1;
            *loosest.entry(info.loosest.clone()).or_default() += 1;
            *listed_words.entry(info.listed_words.min(5)).or_default() += 1;
            let slot = entities.entry(h.id.clone()).or_insert_with(|| (h.caption.clone(), 0));
            slot.1 += 1;
            fps.push((c, h, cause, culture, info.loosest));
        }
    }
    writeln!(md, "## Synthetic people on no list\n")?;
    writeln!(
        md,
        "{} people from {} naming cultures (see `screen_queries`), screened as Person with their birth date and country \
         when given; top-10 screening took {seconds:.1}s ({:.0} queries/s). A row counts when any of its top 10 hits \
         is a `match` (score ≥ 0.7) with risk `sanctioned`.\n",
        all.n,
        by.get("culture").map_or(0, BTreeMap::len),
        all.n as f64 / seconds
    )?;
    writeln!(
        md,
        "**Sanctioned match: {:.2}%** ({} rows; target ≤ 0.5%); of them exact name coincidences: {}; pushed over 0.7 \
         by birth date or country: {}. Any match (any risk, including PEP and crime): {:.2}%.\n",
        pct(all.sanctioned, all.n),
        all.sanctioned,
        all.exact,
        all.boosted,
        pct(all.any, all.n)
    )?;
    rates.write_record([
        "synthetic",
        "all",
        "",
        &all.n.to_string(),
        &all.sanctioned.to_string(),
        &rate(all.sanctioned, all.n),
    ])?;
    for dim in ["culture", "script", "birth date given", "country given"] {
        let Some(values) = by.get(dim) else { continue };
        writeln!(
            md,
            "| {dim} | people | sanctioned match | rate | exact name | over 0.7 by date/country | any match |\n\
             |---|---:|---:|---:|---:|---:|---:|"
        )?;
        for (value, r) in values {
            writeln!(
                md,
                "| {value} | {} | {} | {:.2}% | {} | {} | {:.2}% |",
                r.n,
                r.sanctioned,
                pct(r.sanctioned, r.n),
                r.exact,
                r.boosted,
                pct(r.any, r.n)
            )?;
            rates.write_record([
                "synthetic",
                dim,
                value,
                &r.n.to_string(),
                &r.sanctioned.to_string(),
                &rate(r.sanctioned, r.n),
            ])?;
        }
        writeln!(md)?;
    }
    writeln!(md, "Rows with a sanctioned hit at or above a threshold (the default is 0.7):\n")?;
    writeln!(md, "| threshold | rows | rate |\n|---:|---:|---:|")?;
    for t in [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99] {
        let n = outcomes.iter().filter(|o| o.sanctioned.as_ref().is_some_and(|h| h.score >= t)).count();
        writeln!(md, "| {t:.2} | {n} | {:.2}% |", pct(n, all.n))?;
    }
    writeln!(md)?;
    writeln!(
        md,
        "Counting only hits whose schema is Person (not LegalEntity, Organization, Company, Vessel...): \
         **{:.2}%** sanctioned match.\n",
        pct(all.person, all.n)
    )?;
    let tables: [(&str, Vec<(String, usize)>); 4] = [
        ("how the names relate", causes.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()),
        ("schema of the hit", hit_schema.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()),
        ("loosest word alignment", loosest.into_iter().collect()),
        (
            "words in the listed name",
            listed_words.iter().map(|(k, v)| (if *k == 5 { "5+".into() } else { k.to_string() }, *v)).collect(),
        ),
    ];
    writeln!(md, "Sanctioned matches (the first per row) by cause:\n")?;
    for (title, rows) in tables {
        writeln!(md, "| {title} | rows | share |\n|---|---:|---:|")?;
        for (k, n) in rows {
            writeln!(md, "| {k} | {n} | {:.1}% |", pct(n, all.sanctioned))?;
        }
        writeln!(md)?;
    }
    let mut top: Vec<(&String, &(String, usize))> = entities.iter().collect();
    top.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
    writeln!(
        md,
        "Listed entities matched by the most synthetic people:\n\n| entity | caption | rows |\n|---|---|---:|"
    )?;
    for (id, (caption, n)) in top.into_iter().take(15) {
        writeln!(md, "| {id} | {caption} | {n} |")?;
    }
    writeln!(md)?;

    fps.sort_by(|a, b| a.3.cmp(&b.3).then(b.1.score.total_cmp(&a.1.score)).then(a.0.name.cmp(&b.0.name)));
    let mut out = csv::Writer::from_path(out_dir.join("synthetic_matches.csv"))?;
    out.write_record([
        "culture",
        "query",
        "birth_date",
        "country",
        "cause",
        "loosest_alignment",
        "score",
        "name_score",
        "hit_id",
        "hit_schema",
        "hit_caption",
        "matched_name",
        "adjustments",
        "why",
    ])?;
    for (c, h, cause, culture, loosest) in fps {
        let adjustments: Vec<String> = h.explanation.features.iter().map(|f| f.detail.clone()).collect();
        out.write_record([
            culture.as_str(),
            &c.name,
            c.birth_date.as_deref().unwrap_or(""),
            c.country.as_deref().unwrap_or(""),
            cause,
            &loosest,
            &format!("{:.3}", h.score),
            &format!("{:.3}", h.explanation.name_score),
            &h.id,
            h.schema.as_str(),
            &h.caption,
            &h.matched_name,
            &adjustments.join("; "),
            &h.explanation.name,
        ])?;
    }
    out.flush()?;
    Ok(())
}
